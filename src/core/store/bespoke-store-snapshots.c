/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bespoke-error.h"
#include "bespoke-store.h"
#include "bespoke-store-private.h"
#include "bespoke-sqlite-errno.h"

/* Snapshots, for undoing a whole import: a copy of the database, putting
 * it back, and deleting it with its journals. */

/**
 * bespoke_store_snapshot:
 *
 * Copies the whole database, as it is now, to a new private file (mode
 * 0600, in the user's cache folder), so that a large change such as an
 * import can be undone with bespoke_store_restore().
 *
 * Returns: (transfer full): the snapshot's path; the caller deletes it
 */
char *
bespoke_store_snapshot (BespokeStore  *self,
                        GError       **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "bespoke", NULL);
  g_autofree char *path = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  g_return_val_if_fail (self->transaction_depth == 0, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder “%s” for an undo copy: %s."), dir, g_strerror (saved));
      return NULL;
    }
  {
    g_autofree char *uuid = g_uuid_string_random ();
    g_autofree char *name = g_strdup_printf ("snapshot-%s.db", uuid);
    gboolean existed;

    path = g_build_filename (dir, name, NULL);
    if (!_bespoke_store_prepare_file (path, &existed, error))
      return NULL;
  }

  if (sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("Could not make an undo copy of the database: %s."), sqlite3_errmsg (copy));
      sqlite3_close (copy);
      g_unlink (path);
      return NULL;
    }
  /* no rollback journal for the new copy, removed if anything fails: as
   * for a backup, SQLite would close it before a full disk at its sync
   * could be told from an I/O error */
  sqlite3_exec (copy, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  backup = sqlite3_backup_init (copy, "main", self->db, "main");
  rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (copy);
  if (backup)
    sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      int e = bespoke_sqlite_errno (copy);

      if ((rc & 0xff) == SQLITE_FULL || bespoke_sqlite_errno_is_full (e))
        g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                     _("The disk is full: an undo copy of the database could not be made in “%s”. Free some space and try again."),
                     dir);
      else
        g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                     _("Could not make an undo copy of the database: %s."), sqlite3_errstr (rc));
      sqlite3_close (copy);
      g_unlink (path);
      return NULL;
    }
  sqlite3_close (copy);
  return g_steal_pointer (&path);
}

/**
 * bespoke_store_restore:
 * @snapshot: a path from bespoke_store_snapshot()
 *
 * Puts the database back as it was when @snapshot was taken, in place, and
 * emits ::changed with %BESPOKE_TYPE_RECORD and no UUID ("everything may
 * have changed"), then ::committed.
 */
gboolean
bespoke_store_restore (BespokeStore  *self,
                       const char    *snapshot,
                       GError       **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  if (!_bespoke_store_check_writable (self, error))
    return FALSE;
  if (sqlite3_open_v2 (snapshot, &copy, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("Could not read the undo copy “%s”: %s."), snapshot, sqlite3_errmsg (copy));
      sqlite3_close (copy);
      return FALSE;
    }

  /* cached statements hold read locks; the copy needs the database to itself */
  g_hash_table_remove_all (self->statements);
  backup = sqlite3_backup_init (self->db, "main", copy, "main");
  rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (self->db);
  if (backup)
    sqlite3_backup_finish (backup);
  sqlite3_close (copy);
  if (rc != SQLITE_DONE)
    {
      int e = bespoke_sqlite_errno (self->db);

      if ((rc & 0xff) == SQLITE_FULL || bespoke_sqlite_errno_is_full (e))
        g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                     _("The disk is full: the database “%s” could not be put back as it was. Free some space and try again."),
                     self->path);
      else
        g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                     _("Could not put the database back as it was: %s."), sqlite3_errstr (rc));
      return FALSE;
    }

  bespoke_store_changed_elsewhere (self);
  return TRUE;
}

/**
 * bespoke_store_delete_database_files:
 * @path: (nullable): a database file, such as a path from
 *   bespoke_store_snapshot()
 *
 * Deletes a database file that no store has open, with the journal files
 * SQLite may have left beside it (`-wal`, `-shm`, `-journal`).  A file
 * that is not there is not an error, and neither is a %NULL @path.  If a
 * file cannot be deleted, the others are still tried.
 *
 * Returns: %FALSE if a file that is there could not be deleted
 */
gboolean
bespoke_store_delete_database_files (const char  *path,
                                     GError     **error)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  gboolean ok = TRUE;

  if (path == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved = errno;

          if (ok)
            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                         _("Could not delete “%s”: %s."), file, g_strerror (saved));
          ok = FALSE;
        }
    }
  return ok;
}
