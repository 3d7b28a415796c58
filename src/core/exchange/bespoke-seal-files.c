/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-seal"
#define _GNU_SOURCE  /* O_TMPFILE */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bespoke-seal.h"
#include "bespoke-store-private.h"
#include "bespoke-xml-export-private.h"
#include "bespoke-xml-schema.h"

/*
 * Sealed exports and imports, with no plain text left on disk.
 *
 * The plain text of a sealed file lives only in Bespoke's private folder,
 * $XDG_CACHE_HOME/bespoke/private (0700, never /tmp), in a folder of its
 * own that the operation holds locked (flock) while it runs:
 * - an export writes the exchange file there, opens it and removes it at
 *   once, then seals what it reads into a temporary file beside the
 *   target, which is synced and renamed into place;
 * - an import unseals into a file that never has a name (O_TMPFILE, or
 *   one removed the moment it is made), and the import reads it through a
 *   link, named as the sealed file was, to /proc/self/fd/N.
 * A folder left by a killed operation is no longer locked, and the next
 * sealed export or import (or bespoke_seal_remove_stale()) removes it.
 */

#define OP_PREFIX "op-"

char *
bespoke_seal_private_dir (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "bespoke", "private", NULL);
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_lstat (dir, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make Bespoke’s private folder “%s”: %s. Check that your home folder can be written to, and try again."),
                   dir, g_strerror (saved));
      return NULL;
    }
  if (!S_ISDIR (st.st_mode) || st.st_uid != getuid ())
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("“%s” is not a folder of yours, so Bespoke will not put unsealed files there. Remove it, and try again."),
                   dir);
      return NULL;
    }
  if ((st.st_mode & 0077) != 0 && g_chmod (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make “%s” private: %s."), dir, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&dir);
}

/* Empties and removes an operation's folder (it holds files only). */
static void
remove_op_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/**
 * bespoke_seal_remove_stale:
 *
 * Removes what killed sealed exports and imports left in the private
 * folder: each operation's folder that no running one holds locked.
 *
 * Returns: how many folders were removed
 */
guint
bespoke_seal_remove_stale (void)
{
  g_autofree char *dir = bespoke_seal_private_dir (NULL);
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint removed = 0;

  if (dir == NULL || (d = g_dir_open (dir, 0, NULL)) == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_prefix (name, OP_PREFIX))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          remove_op_dir (path);
          removed++;
        }
      close (fd);
    }
  return removed;
}

typedef struct
{
  char *dir;
  int   lock_fd;
} Op;

static gboolean
op_begin (Op      *op,
          GError **error)
{
  g_autofree char *private = NULL;
  g_autofree char *template = NULL;

  bespoke_seal_remove_stale ();
  if ((private = bespoke_seal_private_dir (error)) == NULL)
    return FALSE;
  template = g_build_filename (private, OP_PREFIX "XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make a private folder in “%s”: %s."), private, g_strerror (saved));
      return FALSE;
    }
  op->lock_fd = open (template, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (op->lock_fd < 0 || flock (op->lock_fd, LOCK_EX) != 0)
    {
      int saved = errno;
      if (op->lock_fd >= 0)
        close (op->lock_fd);
      op->lock_fd = -1;
      g_rmdir (template);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not lock a private folder in “%s”: %s."), private, g_strerror (saved));
      return FALSE;
    }
  op->dir = g_steal_pointer (&template);
  return TRUE;
}

static void
op_end (Op *op)
{
  if (op->dir != NULL)
    remove_op_dir (op->dir);
  if (op->lock_fd >= 0)
    close (op->lock_fd);
  op->lock_fd = -1;
  g_clear_pointer (&op->dir, g_free);
}

/* ---- sealing ------------------------------------------------------------ */

/* Seals @in_fd into @sealed_path: a temporary file beside it (0600, named
 * as an export's, so that a killed one is removed like theirs), synced,
 * then renamed into place.  Nothing is left on failure. */
static gboolean
seal_into_place (int                      in_fd,
                 const char              *sealed_path,
                 const char              *passphrase,
                 const BespokeSealParams *params,
                 GError                 **error)
{
  g_autofree char *tmp = NULL;
  int out_fd = _bespoke_xml_export_open_temp (sealed_path, &tmp, error);
  gboolean ok;

  if (out_fd < 0)
    return FALSE;
  ok = bespoke_seal_fd (in_fd, out_fd, passphrase, params, sealed_path, error);
  if (ok && fsync (out_fd) != 0)
    ok = _bespoke_xml_export_file_error (sealed_path, errno, error);
  if (close (out_fd) != 0 && ok)
    ok = _bespoke_xml_export_file_error (sealed_path, errno, error);
  if (ok && g_rename (tmp, sealed_path) != 0)
    ok = _bespoke_xml_export_file_error (sealed_path, errno, error);
  if (!ok)
    g_unlink (tmp);
  return ok;
}

/**
 * bespoke_seal_file:
 * @params: (nullable): the limits and chunk size, or %NULL for Bespoke's
 *
 * Seals the file @plain_path into @sealed_path (replaced atomically,
 * readable by its owner only).
 */
gboolean
bespoke_seal_file (const char              *plain_path,
                   const char              *sealed_path,
                   const char              *passphrase,
                   const BespokeSealParams *params,
                   GError                 **error)
{
  int in_fd;
  gboolean ok;

  g_return_val_if_fail (plain_path != NULL && sealed_path != NULL && passphrase != NULL, FALSE);

  if (!bespoke_seal_check_passphrase (passphrase, error))
    return FALSE;
  in_fd = g_open (plain_path, O_RDONLY | O_CLOEXEC, 0);
  if (in_fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open “%s”: %s."), plain_path, g_strerror (saved));
      return FALSE;
    }
  ok = seal_into_place (in_fd, sealed_path, passphrase, params, error);
  close (in_fd);
  return ok;
}

/* The export marks what it wrote as in sync (bespoke-xml-export.c) once
 * its plain file is in place; if sealing then fails, nothing left the
 * machine, so the marks are put back as they were. */
typedef struct
{
  char   *key;
  gint64  mark;
} Mark;

static GArray *
marks_read (BespokeStore          *store,
            BespokeXmlExportScope  scope,
            const char * const    *uuids)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (Mark));

  for (guint i = 0; scope == BESPOKE_XML_EXPORT_ALL ? i < 1 : uuids[i] != NULL; i++)
    {
      Mark mark;

      mark.key = g_strdup (scope == BESPOKE_XML_EXPORT_ALL ? BESPOKE_XML_SYNC_ALL : uuids[i]);
      mark.mark = bespoke_store_get_sync_mark (store, mark.key, NULL);
      g_array_append_val (marks, mark);
    }
  return marks;
}

static void
marks_put_back (BespokeStore *store,
                GArray       *marks)
{
  g_autoptr(GError) error = NULL;

  if (bespoke_store_get_read_only (store) || !bespoke_store_begin (store, &error))
    return;
  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);
      sqlite3_stmt *stmt;

      if (mark->mark < 0)
        continue;
      stmt = _bespoke_store_prepare (store, mark->mark == 0
                                            ? "DELETE FROM exchange_sync WHERE key = ?1"
                                            : "UPDATE exchange_sync SET synced_at = ?2 WHERE key = ?1",
                                     &error);
      if (stmt == NULL)
        break;
      sqlite3_bind_text (stmt, 1, mark->key, -1, SQLITE_TRANSIENT);
      if (mark->mark != 0)
        sqlite3_bind_int64 (stmt, 2, mark->mark);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  if (error != NULL || !bespoke_store_commit (store, &error))
    {
      bespoke_store_rollback (store);
      g_warning ("Could not put the export marks back after a failed sealed export: %s",
                 error ? error->message : "");
    }
}

static void
marks_free (GArray *marks)
{
  for (guint i = 0; i < marks->len; i++)
    g_free (g_array_index (marks, Mark, i).key);
  g_array_unref (marks);
}

/**
 * bespoke_seal_export_with:
 * @write: writes the exchange file's plain text to the path it is given
 *
 * Seals what @write writes into @path.  The plain text is written only in
 * Bespoke's private folder, and removed before sealing begins.  On %FALSE
 * (from @write too) nothing is in place and no temporary file is left.
 */
gboolean
bespoke_seal_export_with (const char              *path,
                          const char              *passphrase,
                          const BespokeSealParams *params,
                          BespokeSealWriteFunc     write,
                          gpointer                 user_data,
                          GError                 **error)
{
  Op op = { NULL, -1 };
  g_autofree char *basename = NULL;
  g_autofree char *plain = NULL;
  gboolean ok;
  int in_fd;

  g_return_val_if_fail (path != NULL && passphrase != NULL && write != NULL, FALSE);

  if (!bespoke_seal_check_passphrase (passphrase, error) || !op_begin (&op, error))
    return FALSE;

  basename = g_path_get_basename (path);
  plain = g_build_filename (op.dir, basename, NULL);
  if (!write (plain, user_data, error))
    {
      op_end (&op);
      return FALSE;
    }
  in_fd = g_open (plain, O_RDONLY | O_CLOEXEC, 0);
  g_unlink (plain);
  if (in_fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not read the export back: %s. Try again."), g_strerror (saved));
      ok = FALSE;
    }
  else
    {
      ok = seal_into_place (in_fd, path, passphrase, params, error);
      close (in_fd);
    }
  op_end (&op);
  return ok;
}

typedef struct
{
  BespokeStore          *store;
  BespokeXmlExportScope  scope;
  const char * const    *uuids;
  GError               **warning;
} PlainExport;

static gboolean
write_plain_cb (const char  *plain_path,
                gpointer     user_data,
                GError     **error)
{
  PlainExport *e = user_data;

  return bespoke_xml_export_full (e->store, e->scope, e->uuids, plain_path, e->warning, error);
}

/**
 * bespoke_seal_export:
 * @params: (nullable): the limits and chunk size, or %NULL for Bespoke's
 * @warning: (nullable): as bespoke_xml_export_full()
 *
 * As bespoke_xml_export_full(), sealing the file with @passphrase (see
 * bespoke_seal_export_with()).  On %FALSE nothing is in place, no
 * temporary file is left, and the export marks are as they were.
 */
gboolean
bespoke_seal_export (BespokeStore            *store,
                     BespokeXmlExportScope    scope,
                     const char * const      *uuids,
                     const char              *path,
                     const char              *passphrase,
                     const BespokeSealParams *params,
                     GError                 **warning,
                     GError                 **error)
{
  PlainExport e = { store, scope, uuids, warning };
  GArray *marks;
  gboolean ok;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && passphrase != NULL, FALSE);
  g_return_val_if_fail (scope == BESPOKE_XML_EXPORT_ALL || uuids != NULL, FALSE);

  marks = marks_read (store, scope, uuids);
  ok = bespoke_seal_export_with (path, passphrase, params, write_plain_cb, &e, error);
  if (!ok)
    marks_put_back (store, marks);
  marks_free (marks);
  return ok;
}

/* ---- opening ------------------------------------------------------------ */

struct _BespokeSealOpened
{
  Op    op;
  int   fd;    /* the plain text, in a file with no name */
  char *path;  /* a link to it, named as the sealed file was */
};

/* A file in @dir that has no name: with O_TMPFILE where the file system
 * has it, otherwise made and removed at once. */
static int
nameless_file (const char  *dir,
               GError     **error)
{
  g_autofree char *template = NULL;
  int fd;

#ifdef O_TMPFILE
  fd = open (dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0)
    return fd;
#endif
  template = g_build_filename (dir, "plain-XXXXXX", NULL);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make a private file in “%s”: %s."), dir, g_strerror (saved));
      return -1;
    }
  g_unlink (template);
  return fd;
}

/**
 * bespoke_seal_open:
 *
 * Opens a sealed file with @passphrase, whole, before anything reads it:
 * a wrong passphrase, a changed byte or a file cut short is an error here,
 * and nothing has been read from it.
 *
 * Returns: (transfer full) (nullable): the plain text, for
 *   bespoke_seal_opened_get_path(); free it (which removes everything) as
 *   soon as it has been read
 */
BespokeSealOpened *
bespoke_seal_open (const char  *sealed_path,
                   const char  *passphrase,
                   GError     **error)
{
  g_autoptr(BespokeSealOpened) self = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *target = NULL;
  int in_fd;
  gboolean ok;

  g_return_val_if_fail (sealed_path != NULL && passphrase != NULL, NULL);

  in_fd = g_open (sealed_path, O_RDONLY | O_CLOEXEC, 0);
  if (in_fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open “%s”: %s."), sealed_path, g_strerror (saved));
      return NULL;
    }

  self = g_new0 (BespokeSealOpened, 1);
  self->fd = -1;
  self->op.lock_fd = -1;
  basename = g_path_get_basename (sealed_path);
  ok = op_begin (&self->op, error) &&
       (self->fd = nameless_file (self->op.dir, error)) >= 0 &&
       bespoke_unseal_fd (in_fd, self->fd, passphrase, basename, error);
  close (in_fd);
  if (!ok)
    return NULL;

  if (lseek (self->fd, 0, SEEK_SET) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not read the unsealed file back: %s. Try again."), g_strerror (saved));
      return NULL;
    }
  target = g_strdup_printf ("/proc/self/fd/%d", self->fd);
  self->path = g_build_filename (self->op.dir, basename, NULL);
  if (symlink (target, self->path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make a private link in “%s”: %s."), self->op.dir, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * bespoke_seal_opened_get_path:
 *
 * Returns: a path that reads the plain text, in Bespoke's private folder
 *   and with the sealed file's name, for this process only
 */
const char *
bespoke_seal_opened_get_path (BespokeSealOpened *opened)
{
  g_return_val_if_fail (opened != NULL, NULL);
  return opened->path;
}

void
bespoke_seal_opened_free (BespokeSealOpened *opened)
{
  if (opened == NULL)
    return;
  if (opened->fd >= 0)
    close (opened->fd);
  op_end (&opened->op);
  g_free (opened->path);
  g_free (opened);
}
