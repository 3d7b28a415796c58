/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "bespoke-error.h"
#include "bespoke-store.h"
#include "bespoke-store-private.h"

/* For the XML exchange: the sync marks that tell a record changed here
 * from one changed only in a file, and the bulk readers (a second
 * connection, raw rows, records page by page) that an export reads with. */

/**
 * bespoke_store_open_reader: (skip)
 *
 * Opens a second, read-only connection to @self's database file, for a
 * bulk reader's worker thread (each connection is used by one thread).
 * Nothing is migrated or set up: @self already did that.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error
 *   set (an in-memory database has no second connection)
 */
BespokeStore *
bespoke_store_open_reader (BespokeStore  *self,
                           GError       **error)
{
  g_autoptr(BespokeStore) reader = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  if (g_str_equal (self->path, ":memory:"))
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                           _("An in-memory database cannot be read from a second connection."));
      return NULL;
    }
  reader = g_object_new (BESPOKE_TYPE_STORE, NULL);
  reader->path = g_strdup (self->path);
  reader->schema_version = self->schema_version;
  reader->read_only_reason = g_strdup (_("This connection only reads, for an export running beside it."));
  /* a reader's lookups are scattered: a small page cache does as well */
  if (!_bespoke_store_open_db (reader, SQLITE_OPEN_READONLY, error) ||
      !_bespoke_store_exec (reader, "PRAGMA query_only = ON", error) ||
      !_bespoke_store_exec (reader, "PRAGMA cache_size = -4096", error))
    return NULL;
  return g_steal_pointer (&reader);
}

/**
 * bespoke_store_prepare_rows: (skip)
 * @rows: which rows, in which order
 *
 * Prepares a query for rows of @type with the same columns as a record is
 * read from: 0 the UUID, 1 modified_at, then the class's columns from 2 in
 * its order.  For the core's bulk readers only (see
 * bespoke-store-private.h).
 *
 * Returns: (transfer full): the statement, for the caller to finalize
 */
sqlite3_stmt *
bespoke_store_prepare_rows (BespokeStore  *self,
                            GType          type,
                            BespokeRows    rows,
                            GError       **error)
{
  const BespokeClassSql *sql;
  BespokeRecordClass *klass;
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  sql = _bespoke_store_class_sql (self, type);
  klass = g_type_class_peek (type);
  switch (rows)
    {
    case BESPOKE_ROWS_ALL:
      query = g_strdup (sql->list);
      break;
    case BESPOKE_ROWS_BY_UUID:
      query = g_strdup_printf ("SELECT %s FROM %s ORDER BY uuid", sql->columns, klass->table);
      break;
    case BESPOKE_ROWS_CHILDREN:
      g_return_val_if_fail (sql->list_children != NULL, NULL);
      query = g_strdup (sql->list_children);
      break;
    case BESPOKE_ROWS_ONE:
    default:
      query = g_strdup (sql->load);
      break;
    }

  if (sqlite3_prepare_v3 (self->db, query, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _bespoke_store_db_error (self, error, _("Reading the database"));
      return NULL;
    }
  return stmt;
}

/**
 * bespoke_store_list_after:
 * @after_uuid: (nullable): the last UUID of the previous page, or %NULL
 *   for the first page
 *
 * Lists every record of @type in UUID order, a page of @limit at a time,
 * so that a walk through the whole table holds one page in memory.
 *
 * Returns: (transfer full): the records after @after_uuid
 */
GPtrArray *
bespoke_store_list_after (BespokeStore  *self,
                          GType          type,
                          const char    *after_uuid,
                          guint          limit,
                          GError       **error)
{
  const BespokeClassSql *sql;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  sql = _bespoke_store_class_sql (self, type);
  query = g_strdup_printf ("SELECT %s FROM %s WHERE uuid > ? ORDER BY uuid LIMIT ?",
                           sql->columns, BESPOKE_RECORD_CLASS (g_type_class_peek (type))->table);
  if (!(stmt = _bespoke_store_prepare (self, query, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, after_uuid ? after_uuid : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BespokeRecord *record = _bespoke_store_read_record (type, stmt, error);
      if (record == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Reading the database"));
      return NULL;
    }
  return g_steal_pointer (&records);
}

/**
 * bespoke_store_get_sync_mark:
 * @key: a record's UUID, or the UUID of a person, provider or home whose
 *   records were exported together, or "*" for a whole-database export
 *
 * Returns: the time, in microseconds since 1970, up to which @key's
 *   records were last exported or imported, or 0 if they never were.
 *   The XML exchange uses it to tell a record changed here since then
 *   from one changed only in a file.
 */
gint64
bespoke_store_get_sync_mark (BespokeStore  *self,
                             const char    *key,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 value = 0;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), 0);

  if (!(stmt = _bespoke_store_prepare (self, "SELECT synced_at FROM exchange_sync WHERE key = ?", error)))
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Reading the database"));
      return -1;
    }
  return value;
}

gboolean
bespoke_store_set_sync_mark (BespokeStore  *self,
                             const char    *key,
                             gint64         synced_at,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if (!_bespoke_store_write_begin (self, error))
    return FALSE;
  if (!(stmt = _bespoke_store_prepare (self,
                                       "INSERT INTO exchange_sync (key, synced_at) VALUES (?, ?) "
                                       "ON CONFLICT (key) DO UPDATE SET synced_at = max(synced_at, excluded.synced_at)",
                                       error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, synced_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Saving"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  return _bespoke_store_write_commit (self, error);

fail:
  _bespoke_store_write_abort (self);
  return FALSE;
}
