/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bespoke-error.h"
#include "bespoke-export-folders.h"
#include "bespoke-store-audit.h"
#include "bespoke-store-backup.h"
#include "bespoke-sqlite-errno.h"

/*
 * Backups, with SQLite's online backup API.  The copy is made through a
 * connection of its own, which holds one read transaction for the whole
 * copy (in WAL mode that blocks no writer, and the copy is the database as
 * it was when the backup began, whatever is committed meanwhile), 256
 * pages a step.  It goes to a hidden temporary file (0600) beside the
 * backups, ".NAME-XXXXXX.partial", held locked (flock) while it is
 * written, is switched out of WAL mode, synced and renamed into place as
 * NAME-YYYYMMDD-HHMMSS.db, the time in UTC.  A partial file that nobody
 * holds locked was left by a backup that was killed:
 * bespoke_backup_remove_stale() removes it, with its journal or WAL, when
 * Bespoke next starts (the folder is noted as exports' folders are, since
 * bespoke-cli can back up to a folder of the user's).  A restore brings a backup's
 * copy up to this schema (bespoke_store_open() on the copy) before it is
 * put in place, and takes a backup first, so that it can be undone.
 */

#define PAGES_PER_STEP 256
#define PARTIAL_SUFFIX ".partial"
#define DAY (G_USEC_PER_SEC * (gint64) 24 * 3600)

char *
bespoke_backup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "bespoke", "backups", NULL);
}

/* "bespoke" for ~/.local/share/bespoke/bespoke.db */
char *
bespoke_backup_stem (const char *database)
{
  g_autofree char *base = g_path_get_basename (database);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* @sys: the errno behind @rc (bespoke_sqlite_errno()), or 0 */
static gboolean
sqlite_error (int          rc,
              int          sys,
              const char  *path,
              const char  *what,
              GError     **error)
{
  if (rc == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full: “%s” could not be written. Free some space, and try again."), path);
  else
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                 /* Translators: "Backing up “x.db”: disk I/O error." */
                 _("%s “%s”: %s. Check the disk, and try again."), what, path, sqlite3_errstr (rc));
  return FALSE;
}

/* Copies @database into the new file @to, as it was when the copy began;
 * an error about writing names @shown (the folder: @to is removed). */
static gboolean
copy_database (const char    *database,
               const char    *to,
               const char    *shown,
               GCancellable  *cancellable,
               GError       **error)
{
  sqlite3 *src = NULL, *dst = NULL;
  sqlite3_backup *backup = NULL;
  int rc, sys = 0;

  rc = sqlite3_open_v2 (database, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (src, 10000);
      /* one read transaction for the whole copy */
      rc = sqlite3_exec (src, "BEGIN; SELECT count(*) FROM sqlite_schema;", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_close (src);
      return sqlite_error (rc, 0, database, _("Could not read"), error);
    }
  rc = sqlite3_open_v2 (to, &dst, SQLITE_OPEN_READWRITE, NULL);
  /* No rollback journal for the copy: @to is new, and removed if the copy
   * fails, so a journal would protect nothing.  And SQLite closes a
   * journal whose sync failed before its errno can be read: a full disk
   * then reads as an I/O error.  The database file's own errno is kept. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dst, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (dst, "main", src, "main")) == NULL)
    rc = sqlite3_errcode (dst);
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          rc = SQLITE_INTERRUPT;
          break;
        }
      if (rc != SQLITE_OK)
        sqlite3_sleep (20);
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
    }
  if (backup != NULL && sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_DONE)
    rc = sqlite3_errcode (dst);
  sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (src);
  /* a backup is one file: no -wal beside it when it is read.  Leaving
   * WAL mode marks the file as a rollback-journal database; "OFF", not
   * "DELETE", so that marking needs no journal either (see above) */
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (dst, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  if (rc != SQLITE_DONE && rc != SQLITE_OK && dst != NULL)
    sys = bespoke_sqlite_errno (dst);
  sqlite3_close (dst);
  if (rc == SQLITE_INTERRUPT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The backup was stopped."));
      return FALSE;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    return sqlite_error (rc, sys, shown, _("Could not write the backup"), error);
  return TRUE;
}

static gboolean
make_private_dir (const char  *dir,
                  GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder “%s” for backups: %s."), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
errno_error (int          saved,
             const char  *path,
             GError     **error)
{
  if (saved == ENOSPC || saved == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full: “%s” could not be written. Free some space, and try again."), path);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("“%s” could not be written: %s. Check the disk, and try again."), path, g_strerror (saved));
  return FALSE;
}

/* A new empty 0600 file in @dir, hidden, for a copy being made, held
 * locked through *@lock_fd (close it when the copy is done or removed);
 * @dir is noted first, so that the next start finds it if this is killed */
static char *
new_temporary (const char  *dir,
               const char  *stem,
               int         *lock_fd,
               GError     **error)
{
  g_autofree char *name = g_strdup_printf (".%s-XXXXXX" PARTIAL_SUFFIX, stem);
  char *path = g_build_filename (dir, name, NULL);
  int fd;

  bespoke_leftovers_note_export_folder (dir);
  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      errno_error (errno, dir, error);
      g_free (path);
      return NULL;
    }
  flock (fd, LOCK_EX);
  *lock_fd = fd;
  return path;
}

static void
close_lock (int *fd)
{
  if (*fd >= 0)
    close (*fd);
  *fd = -1;
}

/* 0 when @path was written to the disk, or the errno */
static int
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved = 0;

  if (fd < 0 || fsync (fd) != 0)
    saved = errno;
  if (fd >= 0)
    close (fd);
  return saved;
}

/* ".STEM-XXXXXX.partial", or with "-journal", "-wal" or "-shm" after it:
 * what new_temporary() makes (and SQLite's files beside it: the copy is in
 * WAL mode until it is switched out, so a kill can leave a WAL) */
static gboolean
is_partial (const char *name,
            gsize      *partial_length)
{
  const char *end = strstr (name, PARTIAL_SUFFIX);
  const char *rest;

  if (name[0] != '.' || end == NULL || end - name < 9 || end[-7] != '-')
    return FALSE;
  for (const char *c = end - 6; c < end; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  rest = end + strlen (PARTIAL_SUFFIX);
  if (*rest != '\0' && !g_str_equal (rest, "-journal") && !g_str_equal (rest, "-wal") && !g_str_equal (rest, "-shm"))
    return FALSE;
  *partial_length = (gsize) (rest - name);
  return TRUE;
}

/**
 * bespoke_backup_remove_stale:
 * @dir: a backups folder
 *
 * Removes the partial files of backups and restores that were killed
 * before they finished: the hidden ".NAME-XXXXXX.partial" files that no
 * running backup holds locked, and their journals and WALs.  Nothing else is
 * touched.
 *
 * Returns: how many files were removed
 */
guint
bespoke_backup_remove_stale (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (dir != NULL, 0);

  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *partial = NULL;
      gsize length;
      GStatBuf st;
      int fd;

      if (!is_partial (name, &length))
        continue;
      path = g_build_filename (dir, name, NULL);
      partial = g_strndup (path, strlen (dir) + 1 + length);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != getuid ())
        continue;
      /* the partial file itself is what a running backup holds locked */
      fd = open (partial, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
      if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          close (fd);
          continue;
        }
      if (g_unlink (path) == 0)
        removed++;
      if (fd >= 0)
        close (fd);
    }
  return removed;
}

/**
 * bespoke_backup_database:
 * @database: the database file
 * @dir: where backups go (bespoke_backup_default_dir())
 * @now: (nullable): the time to name it by, or %NULL for now
 * @out_path: (out) (optional): the backup's path
 *
 * Backs @database up, with a connection of its own, in steps; safe on a
 * worker thread while the database is being written.
 */
gboolean
bespoke_backup_database (const char    *database,
                         const char    *dir,
                         GDateTime     *now,
                         char         **out_path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *stem = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) utc = NULL;
  int lock_fd = -1;
  int saved;

  g_return_val_if_fail (database != NULL && dir != NULL, FALSE);

  if (g_str_equal (database, ":memory:"))
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("A database in memory cannot be backed up."));
      return FALSE;
    }
  stem = bespoke_backup_stem (database);
  if (!make_private_dir (dir, error))
    return FALSE;
  bespoke_backup_remove_stale (dir);
  if ((tmp = new_temporary (dir, stem, &lock_fd, error)) == NULL)
    return FALSE;
  if (!copy_database (database, tmp, dir, cancellable, error) ||
      ((saved = sync_file (tmp)) != 0 && !errno_error (saved, dir, error)))
    {
      bespoke_store_delete_database_files (tmp, NULL);
      close (lock_fd);
      return FALSE;
    }

  /* put in place under a name of its own: link() never replaces one */
  utc = now ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  stamp = g_date_time_format (utc, "%Y%m%d-%H%M%S");
  for (guint n = 0; path == NULL; n++)
    {
      g_autofree char *name = n == 0 ? g_strdup_printf ("%s-%s.db", stem, stamp)
                                     : g_strdup_printf ("%s-%s-%u.db", stem, stamp, n);
      path = g_build_filename (dir, name, NULL);
      if (link (tmp, path) == 0)
        break;
      saved = errno;
      g_clear_pointer (&path, g_free);
      if (saved != EEXIST || n >= 1000)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not put the backup in place in “%s”: %s."), dir, g_strerror (saved));
          bespoke_store_delete_database_files (tmp, NULL);
          close (lock_fd);
          return FALSE;
        }
    }
  g_unlink (tmp);
  close (lock_fd);
  sync_file (dir);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/* The time in a backup's name "STEM-YYYYMMDD-HHMMSS[-N].db", or -1 */
static gint64
taken_at (const char *name,
          const char *stem)
{
  gsize stem_length = strlen (stem);
  int y, mo, d, h, mi, s;
  g_autoptr(GDateTime) when = NULL;

  if (!g_str_has_prefix (name, stem) || name[stem_length] != '-' || !g_str_has_suffix (name, ".db") ||
      sscanf (name + stem_length + 1, "%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return -1;
  when = g_date_time_new_utc (y, mo, d, h, mi, s);
  return when ? g_date_time_to_unix (when) * G_USEC_PER_SEC : -1;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const BespokeBackupInfo *x = *(BespokeBackupInfo * const *) a;
  const BespokeBackupInfo *y = *(BespokeBackupInfo * const *) b;

  if (x->taken_at != y->taken_at)
    return x->taken_at > y->taken_at ? -1 : 1;
  return -g_strcmp0 (x->path, y->path);
}

/**
 * bespoke_backup_list:
 *
 * Returns: (transfer full) (element-type BespokeBackupInfo): the backups
 *   of @database in @dir, newest first (none if @dir is not there)
 */
GPtrArray *
bespoke_backup_list (const char  *dir,
                     const char  *database,
                     GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bespoke_backup_info_free);
  g_autofree char *stem = bespoke_backup_stem (database);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      gint64 when = taken_at (name, stem);
      BespokeBackupInfo *info;

      if (when < 0)
        continue;
      info = g_new0 (BespokeBackupInfo, 1);
      info->path = g_build_filename (dir, name, NULL);
      info->taken_at = when;
      g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, newest_first);
  return g_steal_pointer (&list);
}

/**
 * bespoke_backup_prune:
 * @now: (nullable): the time to count ages from, or %NULL for now
 *
 * Keeps every backup of @database younger than BESPOKE_BACKUP_KEEP_DAYS,
 * and of the older ones the newest of each following week, for
 * BESPOKE_BACKUP_KEEP_WEEKS weeks; removes the rest.
 *
 * Returns: how many were removed
 */
guint
bespoke_backup_prune (const char *dir,
                      const char *database,
                      GDateTime  *now)
{
  g_autoptr(GPtrArray) list = bespoke_backup_list (dir, database, NULL);
  gint64 at = now ? g_date_time_to_unix (now) * G_USEC_PER_SEC : g_get_real_time ();
  gint64 last_week = -1;
  guint removed = 0;

  for (guint i = 0; i < list->len; i++)
    {
      BespokeBackupInfo *info = list->pdata[i];
      gint64 age = at - info->taken_at;
      gint64 week = age < BESPOKE_BACKUP_KEEP_DAYS * DAY ? -1 : (age - BESPOKE_BACKUP_KEEP_DAYS * DAY) / (7 * DAY);

      if (week < 0)
        continue;
      /* newest first: the first of each week is its newest */
      if (week < BESPOKE_BACKUP_KEEP_WEEKS && week != last_week)
        {
          last_week = week;
          continue;
        }
      if (bespoke_store_delete_database_files (info->path, NULL))
        removed++;
    }
  return removed;
}

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/**
 * bespoke_backup_preview:
 *
 * Reads what a backup holds, without changing it: when it was taken, its
 * schema, and how many people, staff, plans, providers and homes.
 */
gboolean
bespoke_backup_preview (const char            *path,
                        BespokeBackupPreview  *preview,
                        GError               **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = NULL;
  sqlite3 *db = NULL;
  gint64 application_id;

  g_return_val_if_fail (path != NULL && preview != NULL, FALSE);

  memset (preview, 0, sizeof *preview);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      (application_id = count (db, "PRAGMA application_id")) != BESPOKE_STORE_APPLICATION_ID)
    {
      sqlite3_close (db);
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_BESPOKE,
                   _("“%s” is not a Bespoke backup, or it is damaged. Choose another backup."), path);
      return FALSE;
    }
  preview->schema = (int) count (db, "PRAGMA user_version");
  preview->people = count (db, "SELECT count(*) FROM people WHERE archived = 0 AND is_staff = 0");
  preview->staff = count (db, "SELECT count(*) FROM people WHERE archived = 0 AND is_staff = 1");
  preview->plans = count (db, "SELECT count(*) FROM plans");
  preview->providers = count (db, "SELECT count(*) FROM providers");
  preview->homes = count (db, "SELECT count(*) FROM homes");
  sqlite3_close (db);

  /* the time in its name, or else when the file was last written */
  stem = g_strdup (base);
  for (char *dash = strrchr (stem, '-'); dash != NULL && preview->taken_at <= 0; dash = strrchr (stem, '-'))
    {
      *dash = '\0';
      preview->taken_at = taken_at (base, stem);
    }
  if (preview->taken_at <= 0)
    {
      GStatBuf st;
      preview->taken_at = g_stat (path, &st) == 0 ? (gint64) st.st_mtime * G_USEC_PER_SEC : 0;
    }
  return TRUE;
}

/* Copies @backup into @dir, hidden (0600, held locked through *@lock_fd),
 * and brings the copy up to this schema; refuses a file that is not a
 * Bespoke database, or is from a newer Bespoke.  The backup itself is not
 * changed.  Returns the copy, for bespoke_store_restore(). */
static char *
prepare_restore (const char  *backup,
                 const char  *dir,
                 int         *lock_fd,
                 GError     **error)
{
  g_autofree char *stem = bespoke_backup_stem (backup);
  g_autofree char *tmp = NULL;
  g_autoptr(BespokeStore) store = NULL;

  if (!make_private_dir (dir, error) || (tmp = new_temporary (dir, stem, lock_fd, error)) == NULL)
    return NULL;
  if (!copy_database (backup, tmp, dir, NULL, error) || (store = bespoke_store_open (tmp, error)) == NULL)
    {
      bespoke_store_delete_database_files (tmp, NULL);
      close_lock (lock_fd);
      return NULL;
    }
  if (bespoke_store_get_read_only (store))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NEWER_SCHEMA,
                   _("“%s” was made by a newer version of Bespoke, so this one cannot restore it. Update Bespoke, and try again."),
                   backup);
      g_clear_object (&store);
      bespoke_store_delete_database_files (tmp, NULL);
      close_lock (lock_fd);
      return NULL;
    }
  g_clear_object (&store);
  return g_steal_pointer (&tmp);
}

/**
 * bespoke_backup_preview_counts:
 *
 * Returns: (transfer full): what a backup holds, as a phrase: "9 people,
 *   2 staff, 3 plans, 1 shared home"
 */
char *
bespoke_backup_preview_counts (const BespokeBackupPreview *preview)
{
  g_autofree char *people = NULL, *staff = NULL, *plans = NULL, *homes = NULL;

  g_return_val_if_fail (preview != NULL, NULL);

  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " person", "%" G_GINT64_FORMAT " people", (gulong) preview->people), preview->people);
  staff = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " staff member", "%" G_GINT64_FORMAT " staff", (gulong) preview->staff), preview->staff);
  plans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " plan", "%" G_GINT64_FORMAT " plans", (gulong) preview->plans), preview->plans);
  homes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " shared home", "%" G_GINT64_FORMAT " shared homes", (gulong) preview->homes), preview->homes);
  /* Translators: "9 people, 2 staff, 3 plans, 1 shared home" */
  return g_strdup_printf (_("%s, %s, %s, %s"), people, staff, plans, homes);
}

/**
 * bespoke_store_note_backup:
 *
 * Notes a backup in @store's audit trail.
 */
gboolean
bespoke_store_note_backup (BespokeStore  *store,
                           const char    *path,
                           GError       **error)
{
  g_autofree char *detail = g_strdup_printf (_("Backed up to “%s”"), path);

  return bespoke_store_audit (store, BESPOKE_AUDIT_BACKUP, NULL, detail, error);
}

/* Whether @path passes SQLite's integrity_check (not quick_check: SQLite
 * 3.40's quick_check wrongly reports "NULL value in people_search.uuid",
 * a WITHOUT ROWID table): a damaged backup is refused
 * before anything is done */
static gboolean
check_backup (const char  *path,
              GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (!ok)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_BESPOKE,
                 _("“%s” is damaged, so it cannot be restored. Nothing was changed. Choose another backup."), path);
  return ok;
}

/**
 * bespoke_store_restore_backup:
 * @dir: where backups go: the backup taken just before the restore goes
 *   there too
 * @out_undo: (out) (optional): that backup, which undoes the restore
 *
 * Puts @store back as it was in @backup.  The audit trail is kept, with
 * the backup and the restore noted in it.
 */
gboolean
bespoke_store_restore_backup (BespokeStore  *store,
                              const char    *backup,
                              const char    *dir,
                              char         **out_undo,
                              GError       **error)
{
  BespokeBackupPreview preview;
  g_autofree char *undo = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  int lock_fd = -1;
  gboolean ok;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup != NULL && dir != NULL, FALSE);

  if (!bespoke_backup_preview (backup, &preview, error) ||
      !check_backup (backup, error) ||
      !bespoke_backup_database (bespoke_store_get_path (store), dir, NULL, &undo, NULL, error) ||
      !bespoke_store_note_backup (store, undo, error) ||
      (copy = prepare_restore (backup, dir, &lock_fd, error)) == NULL)
    return FALSE;

  utc = g_date_time_new_from_unix_utc (preview.taken_at / G_USEC_PER_SEC);
  local = g_date_time_to_local (utc);
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  detail = g_strdup_printf (_("Restored the backup of %s (“%s”); the backup taken just before, to undo it, is “%s”"),
                            when, backup, undo);
  ok = bespoke_store_restore_keeping_audit (store, copy, detail, error);
  bespoke_store_delete_database_files (copy, NULL);
  close_lock (&lock_fd);
  if (ok && out_undo != NULL)
    *out_undo = g_steal_pointer (&undo);
  return ok;
}

void
bespoke_backup_info_free (BespokeBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info);
}
