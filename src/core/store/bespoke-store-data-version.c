/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-store-private.h"

/**
 * bespoke_store_get_data_version:
 *
 * SQLite's `PRAGMA data_version` on this store's connection: a number that
 * changes when another connection (another window, bespoke-cli, another
 * process) has committed a change to the database file since the last
 * call, and stays the same for this connection's own changes.  A window
 * compares it when it becomes active again, and reloads what it shows if
 * it changed.
 *
 * Returns: the data version, or -1 with @error set
 */
gint64
bespoke_store_get_data_version (BespokeStore  *self,
                                GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), -1);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  else
    _bespoke_store_db_error (self, error, _("Reading the database"));
  sqlite3_finalize (stmt);
  return version;
}
