/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "bespoke-error.h"
#include "bespoke-plan.h"
#include "bespoke-store.h"
#include "bespoke-store-private.h"

/* Deletions that travel (schema 9, data/migrations/0009-tombstones.sql):
 * the tombstone a deletion leaves, what an import needs to weigh a
 * deletion against a change, this database's replica id and what it knows
 * of the other replicas' syncing, and pruning. */

/* The tables whose records travel in exchange files, and so leave a
 * tombstone; for each, the rows under one of its records (?1 its uuid),
 * for "changed here since the last exchange". */
static const struct
{
  const char *table;
  const char *subtree[11];
} kinds[] = {
  { "people", { "people WHERE uuid = ?1", "circle_members WHERE person_uuid = ?1", "statements WHERE person_uuid = ?1",
                "tool_statements WHERE person_uuid = ?1", "sessions WHERE person_uuid = ?1",
                "plans WHERE person_uuid = ?1",
                "budgets WHERE plan_uuid IN (SELECT uuid FROM plans WHERE person_uuid = ?1)",
                "outcomes WHERE plan_uuid IN (SELECT uuid FROM plans WHERE person_uuid = ?1)",
                "support_lines WHERE plan_uuid IN (SELECT uuid FROM plans WHERE person_uuid = ?1)",
                "risks WHERE plan_uuid IN (SELECT uuid FROM plans WHERE person_uuid = ?1)",
                "adjustments WHERE plan_uuid IN (SELECT uuid FROM plans WHERE person_uuid = ?1)" } },
  { "plans", { "plans WHERE uuid = ?1", "budgets WHERE plan_uuid = ?1", "outcomes WHERE plan_uuid = ?1",
               "support_lines WHERE plan_uuid = ?1", "risks WHERE plan_uuid = ?1", "adjustments WHERE plan_uuid = ?1" } },
  { "providers", { "providers WHERE uuid = ?1", "products WHERE provider_uuid = ?1" } },
  { "homes", { "homes WHERE uuid = ?1", "home_residents WHERE home_uuid = ?1" } },
  { "circle_members", { "circle_members WHERE uuid = ?1" } },
  { "statements", { "statements WHERE uuid = ?1" } },
  { "tool_statements", { "tool_statements WHERE uuid = ?1" } },   /* exchange version 3 */
  { "sessions", { "sessions WHERE uuid = ?1" } },
  { "budgets", { "budgets WHERE uuid = ?1" } },
  { "outcomes", { "outcomes WHERE uuid = ?1" } },
  { "support_lines", { "support_lines WHERE uuid = ?1" } },
  { "risks", { "risks WHERE uuid = ?1" } },
  { "adjustments", { "adjustments WHERE uuid = ?1" } },
  { "products", { "products WHERE uuid = ?1" } },
  { "home_residents", { "home_residents WHERE uuid = ?1" } },
};

static int
kind_index (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].table, table) == 0)
      return (int) i;
  return -1;
}

/**
 * bespoke_store_kind_travels:
 * @table: a record class's table
 *
 * Returns: whether records of @table travel in exchange files, and so
 *   leave a tombstone when deleted.
 */
gboolean
bespoke_store_kind_travels (const char *table)
{
  return kind_index (table) >= 0;
}

void
bespoke_tombstone_free (BespokeTombstone *tombstone)
{
  if (tombstone == NULL)
    return;
  g_free (tombstone->uuid);
  g_free (tombstone->kind);
  g_free (tombstone->scope);
  g_free (tombstone);
}

static BespokeTombstone *
tombstone_from_row (sqlite3_stmt *stmt)
{
  BespokeTombstone *t = g_new0 (BespokeTombstone, 1);

  t->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  t->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  t->scope = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  t->deleted_at = sqlite3_column_int64 (stmt, 3);
  return t;
}

/**
 * bespoke_store_get_tombstone:
 *
 * Returns: (transfer full) (nullable): @uuid's tombstone, or %NULL (with
 *   @error unset) if it has none
 */
BespokeTombstone *
bespoke_store_get_tombstone (BespokeStore  *self,
                             const char    *uuid,
                             GError       **error)
{
  BespokeTombstone *found = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  if (!(stmt = _bespoke_store_prepare (self, "SELECT uuid, kind, scope, deleted_at FROM tombstones WHERE uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    found = tombstone_from_row (stmt);
  else if (rc != SQLITE_DONE)
    _bespoke_store_db_error (self, error, _("Reading the database"));
  sqlite3_reset (stmt);
  return found;
}

/**
 * bespoke_store_list_tombstones:
 * @scope: (nullable): only the deletions of records that belonged to this
 *   person, provider or home; %NULL for all
 *
 * Returns: (transfer full) (element-type BespokeTombstone): in UUID order
 */
GPtrArray *
bespoke_store_list_tombstones (BespokeStore  *self,
                               const char    *scope,
                               GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bespoke_tombstone_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  stmt = scope == NULL
    ? _bespoke_store_prepare (self, "SELECT uuid, kind, scope, deleted_at FROM tombstones ORDER BY uuid", error)
    : _bespoke_store_prepare (self, "SELECT uuid, kind, scope, deleted_at FROM tombstones WHERE scope = ? ORDER BY uuid", error);
  if (stmt == NULL)
    return NULL;
  if (scope != NULL)
    sqlite3_bind_text (stmt, 1, scope, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, tombstone_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Reading the database"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
write_one (BespokeStore  *self,
           const char    *sql,
           const char    *text1,
           const char    *text2,
           const char    *text3,
           gint64         number,
           GError       **error)
{
  sqlite3_stmt *stmt;
  const char *texts[] = { text1, text2, text3 };
  int n = 1;

  if (!(stmt = _bespoke_store_prepare (self, sql, error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      sqlite3_bind_text (stmt, n++, texts[i], -1, SQLITE_TRANSIENT);
  if (number >= 0)
    sqlite3_bind_int64 (stmt, n, number);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return _bespoke_store_db_error (self, error, _("Saving"));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* In the caller's write. */
gboolean
_bespoke_store_put_tombstone (BespokeStore  *self,
                              const char    *uuid,
                              const char    *kind,
                              const char    *scope,
                              gint64         deleted_at,
                              GError       **error)
{
  g_autofree char *own = NULL;

  return write_one (self,
                    "INSERT INTO tombstones (uuid, kind, scope, deleted_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (uuid) DO UPDATE SET deleted_at = max(deleted_at, excluded.deleted_at)",
                    uuid, kind, scope, deleted_at, error) &&
         (own = _bespoke_store_replica_id (self, error)) != NULL &&
         write_one (self, "INSERT OR IGNORE INTO tombstone_seen (uuid, replica) VALUES (?, ?)", uuid, own, NULL, -1, error);
}

/* In the caller's write: a record saved again is no longer deleted. */
gboolean
_bespoke_store_drop_tombstone (BespokeStore  *self,
                               const char    *uuid,
                               GError       **error)
{
  return write_one (self, "DELETE FROM tombstones WHERE uuid = ?", uuid, NULL, NULL, -1, error);
}

/* The person, provider or home @record belongs to (its own uuid for one
 * of those), for a tombstone's scope: read from the database, before the
 * record is deleted. */
char *
_bespoke_store_scope_of (BespokeStore  *self,
                         BespokeRecord *record)
{
  BespokeRecordClass *klass = BESPOKE_RECORD_GET_CLASS (record);
  const char *uuid = bespoke_record_get_uuid (record);
  g_autofree char *column = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *scope = NULL;

  if (klass->parent_property == NULL)
    return g_strdup (uuid);
  column = g_strdelimit (g_strdup (klass->parent_property), "-", '_');
  if (g_str_equal (column, "plan_uuid"))
    sql = g_strdup_printf ("SELECT p.person_uuid FROM %s AS r JOIN plans AS p ON p.uuid = r.plan_uuid WHERE r.uuid = ?",
                           klass->table);
  else
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?", column, klass->table);
  if ((stmt = _bespoke_store_prepare (self, sql, NULL)))
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        scope = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return scope ? scope : g_strdup (uuid);
}

/**
 * bespoke_store_delete_imported:
 * @deleted_at: when the deletion was made, in microseconds since 1970
 *
 * Applies a deletion that came in an exchange file: deletes @uuid's
 * record of @type (and what hangs under it) if it is here, and keeps the
 * tombstone, with the later of @deleted_at and any tombstone already here.
 * Notes no ::changed (the import notes one per person, as for saves).
 */
gboolean
bespoke_store_delete_imported (BespokeStore  *self,
                               GType          type,
                               const char    *uuid,
                               const char    *scope,
                               gint64         deleted_at,
                               GError       **error)
{
  BespokeRecordClass *klass = g_type_class_ref (type);

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if (!_bespoke_store_check_writable (self, error) || !_bespoke_store_write_begin (self, error))
    return FALSE;
  if (!write_one (self, _bespoke_store_class_sql (self, type)->remove, uuid, NULL, NULL, -1, error) ||
      !_bespoke_store_put_tombstone (self, uuid, klass->table, scope, deleted_at, error))
    {
      _bespoke_store_write_abort (self);
      return FALSE;
    }
  return _bespoke_store_write_commit (self, error);
}

/**
 * bespoke_store_drop_tombstone:
 *
 * Drops @uuid's tombstone: the record is coming back from a file.
 */
gboolean
bespoke_store_drop_tombstone (BespokeStore  *self,
                              const char    *uuid,
                              GError       **error)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if (!_bespoke_store_check_writable (self, error) || !_bespoke_store_write_begin (self, error))
    return FALSE;
  if (!_bespoke_store_drop_tombstone (self, uuid, error))
    {
      _bespoke_store_write_abort (self);
      return FALSE;
    }
  return _bespoke_store_write_commit (self, error);
}

/**
 * bespoke_store_put_tombstone:
 *
 * Keeps a tombstone for a record this database does not have (a deletion
 * heard of in a file, passed on in the next export), or a later time for
 * one it has.
 */
gboolean
bespoke_store_put_tombstone (BespokeStore  *self,
                             const char    *uuid,
                             const char    *kind,
                             const char    *scope,
                             gint64         deleted_at,
                             GError       **error)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (bespoke_store_kind_travels (kind), FALSE);

  if (!_bespoke_store_check_writable (self, error) || !_bespoke_store_write_begin (self, error))
    return FALSE;
  if (!_bespoke_store_put_tombstone (self, uuid, kind, scope, deleted_at, error))
    {
      _bespoke_store_write_abort (self);
      return FALSE;
    }
  return _bespoke_store_write_commit (self, error);
}

/**
 * bespoke_store_changed_since:
 * @type: the record's type
 * @base: the sync mark of its person, provider or home, or of the whole
 *   database, whichever is later
 *
 * Returns: whether @uuid's record, or anything under it, was changed here
 *   after @base and after its own sync mark: a deletion from a file must
 *   not take it away silently.
 */
gboolean
bespoke_store_changed_since (BespokeStore  *self,
                             GType          type,
                             const char    *uuid,
                             gint64         base,
                             GError       **error)
{
  BespokeRecordClass *klass = g_type_class_ref (type);
  int k = kind_index (klass->table);

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (k >= 0, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds[k].subtree) && kinds[k].subtree[i] != NULL; i++)
    {
      const char *rows = kinds[k].subtree[i];
      g_autofree char *table = g_strndup (rows, strcspn (rows, " "));
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s AS r LEFT JOIN exchange_sync AS e ON e.key = r.uuid %s "
                                              "AND r.modified_at > max(coalesce(e.synced_at, 0), ?2) LIMIT 1",
                                              table, rows + strlen (table));
      sqlite3_stmt *stmt;
      int rc;

      if (!(stmt = _bespoke_store_prepare (self, sql, error)))
        return TRUE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, base);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        return TRUE;
      if (rc != SQLITE_DONE)
        {
          _bespoke_store_db_error (self, error, _("Reading the database"));
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- replicas: which deletions every copy has seen -------------------- */

/* This database's replica id (made by schema 9), in the caller's write.
 * The first use records the file's path; a file found at another path is
 * a copy, another replica: it takes a new id, remembers the one it was
 * copied from (that replica exists too), and has seen every tombstone it
 * holds. */
char *
_bespoke_store_replica_id (BespokeStore  *self,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  if (!(stmt = _bespoke_store_prepare (self, "SELECT id, path FROM replica_self LIMIT 1", error)))
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      path = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if ((id != NULL && g_strcmp0 (path, self->path) == 0) || self->read_only_reason != NULL)
    return g_steal_pointer (&id);

  if (id != NULL && g_strcmp0 (path, "") == 0)
    {
      /* first use */
      if (!write_one (self, "UPDATE replica_self SET path = ?", self->path, NULL, NULL, -1, error) ||
          !write_one (self, "INSERT OR IGNORE INTO replicas (id) VALUES (?)", id, NULL, NULL, -1, error))
        return NULL;
      return g_steal_pointer (&id);
    }
  if (id != NULL && !write_one (self, "INSERT OR IGNORE INTO replicas (id) VALUES (?)", id, NULL, NULL, -1, error))
    return NULL;
  g_free (id);
  id = g_uuid_string_random ();
  if (!write_one (self, "DELETE FROM replica_self", NULL, NULL, NULL, -1, error) ||
      !write_one (self, "INSERT INTO replica_self (id, path) VALUES (?, ?)", id, self->path, NULL, -1, error) ||
      !write_one (self, "INSERT OR IGNORE INTO replicas (id) VALUES (?)", id, NULL, NULL, -1, error) ||
      !write_one (self, "INSERT OR IGNORE INTO tombstone_seen (uuid, replica) SELECT uuid, ? FROM tombstones",
                  id, NULL, NULL, -1, error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * bespoke_store_dup_replica_id:
 *
 * Returns: (transfer full) (nullable): this database's replica id, made
 *   now if it has none yet (or was copied from another path)
 */
char *
bespoke_store_dup_replica_id (BespokeStore  *self,
                              GError       **error)
{
  char *id;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  if (self->read_only_reason != NULL)
    return _bespoke_store_replica_id (self, error);
  if (!_bespoke_store_write_begin (self, error))
    return NULL;
  if (!(id = _bespoke_store_replica_id (self, error)))
    {
      _bespoke_store_write_abort (self);
      return NULL;
    }
  if (!_bespoke_store_write_commit (self, error))
    g_clear_pointer (&id, g_free);
  return id;
}

static char **
list_strings (BespokeStore  *self,
              const char    *sql,
              const char    *key,
              GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _bespoke_store_prepare (self, sql, error)))
    return NULL;
  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Reading the database"));
      return NULL;
    }
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&list), FALSE);
}

/**
 * bespoke_store_list_replicas:
 *
 * Returns: (transfer full): every replica id this one has heard of, its
 *   own included, in order
 */
char **
bespoke_store_list_replicas (BespokeStore  *self,
                             GError       **error)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  return list_strings (self, "SELECT id FROM replicas ORDER BY id", NULL, error);
}

/**
 * bespoke_store_list_tombstone_seen:
 *
 * Returns: (transfer full): the replicas known to have @uuid's tombstone
 */
char **
bespoke_store_list_tombstone_seen (BespokeStore  *self,
                                   const char    *uuid,
                                   GError       **error)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  return list_strings (self, "SELECT replica FROM tombstone_seen WHERE uuid = ? ORDER BY replica", uuid, error);
}

/**
 * bespoke_store_note_replicas:
 * @replicas: replica ids a file named
 * @tombstone: (nullable): the tombstone they have all seen, or %NULL: they
 *   are only replicas heard of
 * @out_added: (out) (optional): how many of these were new here
 */
gboolean
bespoke_store_note_replicas (BespokeStore        *self,
                             const char * const  *replicas,
                             const char          *tombstone,
                             guint               *out_added,
                             GError             **error)
{
  int before;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if (!_bespoke_store_check_writable (self, error) || !_bespoke_store_write_begin (self, error))
    return FALSE;
  before = sqlite3_total_changes (self->db);
  for (guint i = 0; replicas[i] != NULL; i++)
    if (!write_one (self, "INSERT OR IGNORE INTO replicas (id) VALUES (?)", replicas[i], NULL, NULL, -1, error) ||
        (tombstone != NULL &&
         !write_one (self, "INSERT OR IGNORE INTO tombstone_seen (uuid, replica) SELECT uuid, ? FROM tombstones WHERE uuid = ?",
                     replicas[i], tombstone, NULL, -1, error)))
      {
        _bespoke_store_write_abort (self);
        return FALSE;
      }
  if (out_added != NULL)
    *out_added = (guint) (sqlite3_total_changes (self->db) - before);
  return _bespoke_store_write_commit (self, error);
}

/**
 * bespoke_store_get_tombstone_prune_limit:
 *
 * Tombstones of deletions made before this time can be pruned: every
 * replica this one has heard of has seen each of them, so none can still
 * hold the record, nor send it back.  (A file lists every replica its
 * writer has heard of, and which of them have each tombstone; see
 * data/migrations/0009-tombstones.sql.)  It is the time of the oldest
 * deletion some known replica has not seen, or now if there is none.
 *
 * Returns: the limit, in microseconds since 1970; -1 on an error
 */
gint64
bespoke_store_get_tombstone_prune_limit (BespokeStore  *self,
                                         GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 limit = -1;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), -1);

  if (!(stmt = _bespoke_store_prepare (self,
         "SELECT min(t.deleted_at) FROM tombstones AS t WHERE EXISTS "
         "(SELECT 1 FROM replicas AS r WHERE NOT EXISTS "
         " (SELECT 1 FROM tombstone_seen AS s WHERE s.uuid = t.uuid AND s.replica = r.id))", error)))
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    limit = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? g_get_real_time () : sqlite3_column_int64 (stmt, 0);
  else
    _bespoke_store_db_error (self, error, _("Reading the database"));
  sqlite3_reset (stmt);
  return limit;
}

/**
 * bespoke_store_prune_tombstones:
 * @before: remove the tombstones of deletions made before this time
 * @out_n: (out) (optional): how many were removed
 *
 * Refuses (%BESPOKE_ERROR_INVALID, nothing removed) a time after
 * bespoke_store_get_tombstone_prune_limit(): a replica that has not seen
 * those deletions could bring the records back.
 */
gboolean
bespoke_store_prune_tombstones (BespokeStore  *self,
                                gint64         before,
                                guint         *out_n,
                                GError       **error)
{
  gint64 limit;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if ((limit = bespoke_store_get_tombstone_prune_limit (self, error)) < 0)
    return FALSE;
  if (before > limit)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (limit / G_USEC_PER_SEC);
      g_autofree char *text = g_date_time_format (when, "%Y-%m-%d %H:%M:%S UTC");

      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("Not every computer this database exchanges files with has seen the deletions before that date: the latest date they have all synced past is %s. Choose that date or an earlier one, or exchange files with each of them first."),
                   text);
      return FALSE;
    }
  if (!_bespoke_store_check_writable (self, error) || !_bespoke_store_write_begin (self, error))
    return FALSE;
  if (!(stmt = _bespoke_store_prepare (self, "DELETE FROM tombstones WHERE deleted_at < ?", error)))
    {
      _bespoke_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, before);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      _bespoke_store_db_error (self, error, _("Saving"));
      _bespoke_store_write_abort (self);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (out_n != NULL)
    *out_n = (guint) sqlite3_changes (self->db);
  return _bespoke_store_write_commit (self, error);
}
