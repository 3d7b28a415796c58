/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <errno.h>

#include "bespoke-sqlite-errno.h"

/* The errno behind a failed SQLite call, for the store and its backups
 * and snapshots (which have connections of their own): a full disk is
 * named as such wherever SQLite met it. */

/* ENOSPC or EDQUOT: the disk (or the user's quota) is full */
gboolean
bespoke_sqlite_errno_is_full (int e)
{
  return e == ENOSPC || e == EDQUOT;
}

/* The errno of the last failed system call on @file, which SQLite's unix
 * files keep (SQLITE_FCNTL_LAST_ERRNO); 0 if it keeps none. */
static int
file_errno (sqlite3_file *file)
{
  int e = 0;

  if (file != NULL && file->pMethods != NULL && file->pMethods->xFileControl != NULL &&
      file->pMethods->xFileControl (file, SQLITE_FCNTL_LAST_ERRNO, &e) != SQLITE_OK)
    e = 0;
  return e;
}

/**
 * bespoke_sqlite_errno:
 * @db: (nullable): a connection whose last call failed
 *
 * The errno behind @db's last error, if it was an I/O error or a file that
 * could not be opened, and 0 for any other error.  sqlite3_system_errno()
 * alone is not enough: it reads errno after the failed call, and a full disk
 * at fdatasync (SQLITE_IOERR_FSYNC, on committing) gives 0 there.  So the
 * errno the database file and its WAL or journal kept is asked too, and a
 * full disk (ENOSPC or EDQUOT) in any of them is the answer.
 */
int
bespoke_sqlite_errno (sqlite3 *db)
{
  int code = db ? sqlite3_extended_errcode (db) & 0xff : SQLITE_OK;
  sqlite3_file *file = NULL;
  int e, kept;

  if (code != SQLITE_IOERR && code != SQLITE_CANTOPEN && code != SQLITE_FULL)
    return 0;
  e = sqlite3_system_errno (db);
  if (bespoke_sqlite_errno_is_full (e) || code == SQLITE_CANTOPEN)
    return e;
  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK &&
      bespoke_sqlite_errno_is_full (kept = file_errno (file)))
    return kept;
  file = NULL;
  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &file) == SQLITE_OK &&
      bespoke_sqlite_errno_is_full (kept = file_errno (file)))
    return kept;
  return e;
}
