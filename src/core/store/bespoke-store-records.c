/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "bespoke-error.h"
#include "bespoke-schedule.h"
#include "bespoke-store.h"
#include "bespoke-store-private.h"
#include "bespoke-types.h"

/* The record mapper: the SQL of each record class, written once from its
 * properties, and saving, loading, deleting, listing and counting records. */

void
_bespoke_store_class_sql_free (gpointer data)
{
  BespokeClassSql *sql = data;

  g_free (sql->columns);
  g_free (sql->upsert);
  g_free (sql->load);
  g_free (sql->remove);
  g_free (sql->list);
  g_free (sql->list_children);
  g_free (sql->count);
  g_free (sql);
}

static char *
column_name (GParamSpec *pspec)
{
  char *name = g_strdup (pspec->name);
  g_strdelimit (name, "-", '_');
  return name;
}

/* "uuid, modified_at, col1, col2, …" in the class's column order */
static char *
column_list (BespokeRecordClass *klass,
             const char         *prefix)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%suuid, %smodified_at", prefix, prefix);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_autofree char *name = column_name (klass->columns[i]);
      g_string_append_printf (out, ", %s%s", prefix, name);
    }
  return g_string_free (out, FALSE);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            GParamSpec   *pspec,
            const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);
      if (s == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, s, -1, SQLITE_TRANSIENT);
    }
  else if (type == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (type == G_TYPE_UINT)
    sqlite3_bind_int64 (stmt, index, g_value_get_uint (value));
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (G_TYPE_IS_ENUM (type))
    sqlite3_bind_text (stmt, index, bespoke_enum_to_nick (type, g_value_get_enum (value)), -1, SQLITE_STATIC);
  else if (type == BESPOKE_TYPE_SCHEDULE)
    {
      const BespokeSchedule *schedule = g_value_get_boxed (value);
      if (schedule == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, bespoke_schedule_serialize (schedule), -1, g_free);
    }
  else
    g_assert_not_reached ();
}

static gboolean
read_value (sqlite3_stmt  *stmt,
            int            col,
            GParamSpec    *pspec,
            GValue        *value,
            GError       **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, text);
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, col));
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, (guint) CLAMP (sqlite3_column_int64 (stmt, col), 0, G_MAXUINT));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, col) != 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      int v;
      if (!bespoke_enum_from_nick (type, text, &v))
        {
          g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                       _("The database holds “%s” where Bespoke expects a %s. The file may be damaged."),
                       text ? text : "", pspec->name);
          return FALSE;
        }
      g_value_set_enum (value, v);
    }
  else if (type == BESPOKE_TYPE_SCHEDULE)
    {
      if (text != NULL)
        {
          BespokeSchedule *schedule = bespoke_schedule_parse (text, error);
          if (schedule == NULL)
            return FALSE;
          g_value_take_boxed (value, schedule);
        }
    }
  else
    g_assert_not_reached ();

  return TRUE;
}

BespokeRecord *
_bespoke_store_read_record (GType          type,
                            sqlite3_stmt  *stmt,
                            GError       **error)
{
  BespokeRecordClass *klass = g_type_class_peek (type);
  g_autoptr(BespokeRecord) record = NULL;

  record = g_object_new (type, "uuid", (const char *) sqlite3_column_text (stmt, 0), NULL);
  bespoke_record_set_modified_at (record, sqlite3_column_int64 (stmt, 1));
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!read_value (stmt, (int) i + 2, klass->columns[i], &value, error))
        return NULL;
      bespoke_record_take_value (record, klass->columns[i], &value, FALSE);
    }
  return g_steal_pointer (&record);
}

static BespokeRecordClass *
record_class (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, BESPOKE_TYPE_RECORD), NULL);
  return g_type_class_ref (type);  /* classes of static types are never freed */
}

const BespokeClassSql *
_bespoke_store_class_sql (BespokeStore *self,
                          GType         type)
{
  BespokeRecordClass *klass;
  BespokeClassSql *sql = g_hash_table_lookup (self->class_sql, GSIZE_TO_POINTER (type));
  g_autoptr(GString) values = NULL;
  g_autoptr(GString) updates = NULL;
  g_autofree char *order = NULL;
  g_autofree char *parent = NULL;

  if (sql != NULL)
    return sql;

  klass = record_class (type);
  values = g_string_new ("?, ?");
  updates = g_string_new ("modified_at = excluded.modified_at");
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_autofree char *name = column_name (klass->columns[i]);
      g_string_append (values, ", ?");
      g_string_append_printf (updates, ", %s = excluded.%s", name, name);
    }
  order = g_strdup (klass->order_property ? klass->order_property : "uuid");
  g_strdelimit (order, "-", '_');

  sql = g_new0 (BespokeClassSql, 1);
  sql->columns = column_list (klass, "");
  sql->upsert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (uuid) DO UPDATE SET %s",
                                 klass->table, sql->columns, values->str, updates->str);
  sql->load = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?", sql->columns, klass->table);
  sql->remove = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?", klass->table);
  sql->list = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s, uuid", sql->columns, klass->table, order);
  sql->count = g_strdup_printf ("SELECT count(*) FROM %s", klass->table);
  if (klass->parent_property != NULL)
    {
      parent = g_strdup (klass->parent_property);
      g_strdelimit (parent, "-", '_');
      sql->list_children = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ? ORDER BY %s, uuid",
                                            sql->columns, klass->table, parent, order);
    }
  g_hash_table_insert (self->class_sql, GSIZE_TO_POINTER (type), sql);
  return sql;
}

/**
 * bespoke_store_save:
 * @record: (type BespokeRecord): a record to insert or update
 *
 * Validates @record and writes it in a transaction.  An invalid record is
 * not written and @error says which field is wrong and what to do.
 */
static gboolean
save_record (BespokeStore  *self,
             gpointer       record,
             gboolean       keep_time,
             gboolean       note,
             GError       **error)
{
  BespokeRecord *rec = record;
  BespokeRecordClass *klass;
  const BespokeClassSql *sql;
  sqlite3_stmt *stmt;
  gint64 now;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_RECORD (record), FALSE);

  if (!_bespoke_store_check_writable (self, error) || !bespoke_record_validate (rec, error))
    return FALSE;

  klass = BESPOKE_RECORD_GET_CLASS (rec);
  sql = _bespoke_store_class_sql (self, G_OBJECT_TYPE (rec));

  if (!_bespoke_store_write_begin (self, error))
    return FALSE;

  if (!(stmt = _bespoke_store_prepare (self, sql->upsert, error)))
    goto fail;

  if (keep_time)
    now = bespoke_record_get_modified_at (rec);
  else
    now = MAX (g_get_real_time (), bespoke_record_get_modified_at (rec) + 1);
  sqlite3_bind_text (stmt, 1, bespoke_record_get_uuid (rec), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  for (guint i = 0; i < klass->n_columns; i++)
    bind_value (stmt, (int) i + 3, klass->columns[i], bespoke_record_peek_value (rec, klass->columns[i]));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Saving"));
      goto fail;
    }
  sqlite3_reset (stmt);

  if (BESPOKE_IS_PERSON (rec) && !_bespoke_store_index_person (self, BESPOKE_PERSON (rec), error))
    goto fail;
  /* saved again (an undo): no longer deleted.  An import (in bulk) drops
   * the tombstones it means to, itself. */
  if (!self->bulk && self->schema_version >= 9 && bespoke_store_kind_travels (klass->table) &&
      !_bespoke_store_drop_tombstone (self, bespoke_record_get_uuid (rec), error))
    goto fail;

  if (note)
    _bespoke_store_queue_change (self, G_OBJECT_TYPE (rec), bespoke_record_get_uuid (rec));
  if (!_bespoke_store_write_commit (self, error))
    return FALSE;

  bespoke_record_set_modified_at (rec, now);
  return TRUE;

fail:
  _bespoke_store_write_abort (self);
  return FALSE;
}

gboolean
bespoke_store_save (BespokeStore  *self,
                    gpointer       record,
                    GError       **error)
{
  return save_record (self, record, FALSE, TRUE, error);
}

/**
 * bespoke_store_save_imported:
 *
 * Saves a record as it came from an exchange file: like
 * bespoke_store_save(), but the record keeps its modification time, so
 * that the same data exported again gives the same bytes, and no
 * ::changed is noted for it: an import of millions of records notes one
 * change per person, provider or home with bespoke_store_note_change(),
 * and listeners reload what hangs under it.
 */
gboolean
bespoke_store_save_imported (BespokeStore  *self,
                             gpointer       record,
                             GError       **error)
{
  return save_record (self, record, TRUE, FALSE, error);
}

/**
 * bespoke_store_load:
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with
 *   %BESPOKE_ERROR_NOT_FOUND if there is none with that UUID.
 */
gpointer
bespoke_store_load (BespokeStore  *self,
                    GType          type,
                    const char    *uuid,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  BespokeRecord *record = NULL;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(stmt = _bespoke_store_prepare (self, _bespoke_store_class_sql (self, type)->load, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = _bespoke_store_read_record (type, stmt, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                 _("There is no record %s in the database."), uuid);
  else
    _bespoke_store_db_error (self, error, _("Reading"));
  sqlite3_reset (stmt);
  return record;
}

gboolean
bespoke_store_delete (BespokeStore  *self,
                      gpointer       record,
                      GError       **error)
{
  BespokeRecord *rec = record;
  g_autofree char *scope = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_RECORD (record), FALSE);

  if (!_bespoke_store_write_begin (self, error))
    return FALSE;
  if (self->schema_version >= 9 && bespoke_store_kind_travels (BESPOKE_RECORD_GET_CLASS (rec)->table))
    scope = _bespoke_store_scope_of (self, rec);
  if (!(stmt = _bespoke_store_prepare (self, _bespoke_store_class_sql (self, G_OBJECT_TYPE (rec))->remove, error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, bespoke_record_get_uuid (rec), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Deleting"));
      goto fail;
    }
  /* a deletion that travels leaves a tombstone, later than the record */
  if (scope != NULL && sqlite3_changes (self->db) > 0)
    {
      sqlite3_reset (stmt);
      if (!_bespoke_store_put_tombstone (self, bespoke_record_get_uuid (rec), BESPOKE_RECORD_GET_CLASS (rec)->table,
                                         scope, MAX (g_get_real_time (), bespoke_record_get_modified_at (rec) + 1), error))
        goto fail;
    }
  sqlite3_reset (stmt);
  if (!_bespoke_store_audit_deletion (self, rec, error))
    goto fail;
  _bespoke_store_queue_change (self, G_OBJECT_TYPE (rec), bespoke_record_get_uuid (rec));
  return _bespoke_store_write_commit (self, error);

fail:
  _bespoke_store_write_abort (self);
  return FALSE;
}

GPtrArray *
_bespoke_store_collect (BespokeStore  *self,
                        GType          type,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BespokeRecord *record = _bespoke_store_read_record (type, stmt, error);
      if (record == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (out, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Reading"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * bespoke_store_list:
 * @parent_uuid: (nullable): the owning record, or %NULL for every record
 *
 * Returns: (transfer full) (element-type BespokeRecord): the records of
 *   @type that belong to @parent_uuid, in their class's order.
 */
GPtrArray *
bespoke_store_list (BespokeStore  *self,
                    GType          type,
                    const char    *parent_uuid,
                    GError       **error)
{
  const BespokeClassSql *sql;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  sql = _bespoke_store_class_sql (self, type);
  g_return_val_if_fail (parent_uuid == NULL || sql->list_children != NULL, NULL);

  if (!(stmt = _bespoke_store_prepare (self, parent_uuid ? sql->list_children : sql->list, error)))
    return NULL;
  if (parent_uuid != NULL)
    sqlite3_bind_text (stmt, 1, parent_uuid, -1, SQLITE_TRANSIENT);
  return _bespoke_store_collect (self, type, stmt, error);
}

gint64
bespoke_store_count (BespokeStore  *self,
                     GType          type,
                     GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), -1);

  if (!(stmt = _bespoke_store_prepare (self, _bespoke_store_class_sql (self, type)->count, error)))
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _bespoke_store_db_error (self, error, _("Counting"));
  sqlite3_reset (stmt);
  return n;
}
