/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "bespoke-error.h"
#include "bespoke-store.h"
#include "bespoke-store-private.h"

/* The migration to folded search words (fold_text()) empties the index and
 * leaves a row in people_search_rebuild; the first open after it indexes
 * everyone again here, in one transaction, so that a kill part-way leaves
 * the row for the next open to finish. */
gboolean
_bespoke_store_rebuild_search (BespokeStore  *self,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean pending = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM people_search_rebuild LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    pending = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (!pending)
    return TRUE;

  if (!_bespoke_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, "SELECT uuid, name, preferred_name FROM people", -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (!_bespoke_store_index_names (self, (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                                     (const char *) sqlite3_column_text (stmt, 2), error))
      {
        sqlite3_finalize (stmt);
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  sqlite3_finalize (stmt);
  if (sqlite3_exec (self->db, "DELETE FROM people_search_rebuild", NULL, NULL, NULL) != SQLITE_OK)
    goto fail;
  return _bespoke_store_exec (self, "COMMIT", error);

fail:
  _bespoke_store_db_error (self, error, _("Indexing the names for search"));
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
