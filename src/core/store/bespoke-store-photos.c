/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "bespoke-store.h"
#include "bespoke-store-private.h"

/* People's photos: not records, but a table of their own. */

gboolean
bespoke_store_set_photo (BespokeStore  *self,
                         const char    *person_uuid,
                         GBytes        *data,
                         const char    *mime_type,
                         GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (person_uuid != NULL, FALSE);

  if (!_bespoke_store_write_begin (self, error))
    return FALSE;
  if (data == NULL)
    stmt = _bespoke_store_prepare (self, "DELETE FROM photos WHERE person_uuid = ?", error);
  else
    stmt = _bespoke_store_prepare (self, "INSERT INTO photos (person_uuid, mime_type, data) VALUES (?, ?, ?) "
                                         "ON CONFLICT (person_uuid) DO UPDATE SET mime_type = excluded.mime_type, data = excluded.data",
                                   error);
  if (stmt == NULL)
    {
      _bespoke_store_write_abort (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, person_uuid, -1, SQLITE_TRANSIENT);
  if (data != NULL)
    {
      gsize size;
      gconstpointer bytes = g_bytes_get_data (data, &size);

      sqlite3_bind_text (stmt, 2, mime_type ? mime_type : "image/png", -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob64 (stmt, 3, bytes, size, SQLITE_TRANSIENT);
    }
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _bespoke_store_db_error (self, error, _("Saving the photo"));
  sqlite3_reset (stmt);
  if (!ok)
    {
      _bespoke_store_write_abort (self);
      return FALSE;
    }
  _bespoke_store_queue_change (self, BESPOKE_TYPE_PERSON, person_uuid);
  return _bespoke_store_write_commit (self, error);
}

/**
 * bespoke_store_get_photo:
 *
 * Returns: (transfer full) (nullable): the photo's bytes, or %NULL with no
 *   error if the person has none.
 */
GBytes *
bespoke_store_get_photo (BespokeStore  *self,
                         const char    *person_uuid,
                         char         **mime_type,
                         GError       **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  if (!(stmt = _bespoke_store_prepare (self, "SELECT mime_type, data FROM photos WHERE person_uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, person_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      bytes = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
      if (mime_type != NULL)
        *mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  else if (rc != SQLITE_DONE)
    _bespoke_store_db_error (self, error, _("Reading the photo"));
  sqlite3_reset (stmt);
  return bytes;
}
