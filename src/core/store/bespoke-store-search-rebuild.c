/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "bespoke-error.h"
#include "bespoke-store.h"
#include "bespoke-store-private.h"

/* The migrations to folded search words (schema 6) and to the stored sort
 * key (schema 8) empty the name index and leave a row in
 * people_search_rebuild; everyone is indexed again here, in one
 * transaction, so that a kill or a Cancel part-way leaves the row for the
 * next open to finish.  bespoke_store_open() does it before it returns;
 * a caller with a window or a terminal opens with
 * BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX and runs it with progress. */

static gboolean
rebuild_row_exists (BespokeStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean pending = FALSE;

  /* a database at a schema before 6 has no such table: nothing pending */
  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM people_search_rebuild LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    pending = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return pending;
}

static gint64
count_all_people (BespokeStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  /* everyone, archived and staff too: the rebuild indexes every row */
  if (sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM people", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/**
 * bespoke_store_search_rebuild_pending:
 * @self: a store
 * @out_people: (out) (optional): how many people the rebuild will index
 *
 * Whether the store was opened with %BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX
 * and a migration left the name index to be built again: until
 * bespoke_store_rebuild_search() has run, search finds no one and the
 * people list is not in order.  Never for a read-only store.
 *
 * Returns: %TRUE if bespoke_store_rebuild_search() has work to do
 */
gboolean
bespoke_store_search_rebuild_pending (BespokeStore *self,
                                      guint        *out_people)
{
  gboolean pending;
  gint64 people = 0;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  pending = !bespoke_store_get_read_only (self) && rebuild_row_exists (self);
  if (pending)
    people = MAX (count_all_people (self), 0);
  if (out_people != NULL)
    *out_people = (guint) MIN (people, G_MAXUINT);
  return pending;
}

static gboolean
rebuild_failed (BespokeStore  *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  if (error != NULL && *error == NULL)
    _bespoke_store_db_error (self, error, _("Indexing the names for search"));
  sqlite3_finalize (stmt);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/**
 * bespoke_store_rebuild_search:
 * @self: a store
 * @progress: (nullable) (scope call): told how far the rebuild has come
 * @progress_data: for @progress
 * @cancellable: (nullable): stops the rebuild
 * @error: where to put an error
 *
 * Indexes every person's names again for search, and their sort key, if a
 * migration asked for it (bespoke_store_search_rebuild_pending()); does
 * nothing otherwise.  All in one transaction: cancelled or failed, the
 * database is as it was, and the rebuild still pending.
 *
 * @progress is called on the calling thread: with (0, total) before the
 * first person, after every %BESPOKE_STORE_REBUILD_PROGRESS_STEP people,
 * and with (total, total) after the last, before the commit; total is
 * every person in the database, archived and staff included.  The calling
 * thread may be a worker's, if no other thread uses @self meanwhile.
 *
 * Returns: %TRUE if the index is built (or was not pending); %FALSE with
 *   @error set (%G_IO_ERROR_CANCELLED if @cancellable was cancelled)
 */
gboolean
bespoke_store_rebuild_search (BespokeStore              *self,
                              BespokeStoreProgressFunc   progress,
                              gpointer                   progress_data,
                              GCancellable              *cancellable,
                              GError                   **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 total;
  guint done = 0;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (bespoke_store_get_read_only (self) || !rebuild_row_exists (self))
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_bespoke_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* another program may have finished it before the write lock was ours */
  if (!rebuild_row_exists (self))
    return _bespoke_store_exec (self, "COMMIT", error);
  if ((total = count_all_people (self)) < 0 ||
      sqlite3_prepare_v2 (self->db, "SELECT uuid, name, preferred_name FROM people", -1, &stmt, NULL) != SQLITE_OK)
    return rebuild_failed (self, stmt, error);

  if (progress != NULL)
    progress (0, (guint64) total, progress_data);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !_bespoke_store_index_names (self, (const char *) sqlite3_column_text (stmt, 0),
                                       (const char *) sqlite3_column_text (stmt, 1),
                                       (const char *) sqlite3_column_text (stmt, 2), error))
        return rebuild_failed (self, stmt, error);
      if (++done % BESPOKE_STORE_REBUILD_PROGRESS_STEP == 0 && done < total && progress != NULL)
        progress (done, (guint64) total, progress_data);
    }
  if (rc != SQLITE_DONE)
    return rebuild_failed (self, stmt, error);
  sqlite3_finalize (stmt);
  if (progress != NULL && done > 0)
    progress (done, (guint64) total, progress_data);

  if (sqlite3_exec (self->db, "DELETE FROM people_search_rebuild", NULL, NULL, NULL) != SQLITE_OK)
    return rebuild_failed (self, NULL, error);
  if (!_bespoke_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}
