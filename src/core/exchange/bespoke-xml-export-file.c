/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bespoke-export-folders.h"
#include "bespoke-xml-export-private.h"
#include "bespoke-xml-export.h"

/* The export's file: a temporary file beside the target, named
 * ".NAME.bespoke-export-XXXXXX" so that a stale one (left by an export that
 * was killed) can be told from anything else; written through a sink that
 * keeps the errno of the first failure, so the message names the cause
 * ("The disk is full") instead of libxml2's words or a later errno. */

#define STALE_AFTER_SECONDS 3600
#define TEMP_MARK ".bespoke-export-"

/* ".NAME.bespoke-export-" followed by the six characters g_mkstemp() puts */
static gboolean
is_temporary_export (const char *name)
{
  gsize length = strlen (name);
  const char *mark;

  if (name[0] != '.' || length < strlen (TEMP_MARK) + 8)
    return FALSE;
  mark = name + length - 6 - strlen (TEMP_MARK);
  if (mark <= name + 1 || strncmp (mark, TEMP_MARK, strlen (TEMP_MARK)) != 0)
    return FALSE;
  for (const char *c = name + length - 6; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  return TRUE;
}

/**
 * bespoke_xml_export_remove_stale:
 * @dir: a folder exports have been written to
 *
 * Removes the temporary files of exports that were killed before they
 * finished (".NAME.bespoke-export-XXXXXX", this user's, regular files,
 * unchanged for an hour): they hold personal data.  Nothing else is
 * touched.  Called before each export, on its folder.
 *
 * Returns: how many were removed
 */
guint
bespoke_xml_export_remove_stale (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint removed = 0;

  g_return_val_if_fail (dir != NULL, 0);

  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_temporary_export (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          now - (gint64) st.st_mtime > STALE_AFTER_SECONDS && g_unlink (path) == 0)
        removed++;
    }
  return removed;
}

/* Opens the temporary file for @path (0600), after removing stale ones
 * beside it; -1 with @error set if it cannot be made. */
int
_bespoke_xml_export_open_temp (const char  *path,
                               char       **out_tmp,
                               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, TEMP_MARK, "XXXXXX", NULL);
  char *tmp = g_build_filename (dir, name, NULL);
  int fd;

  bespoke_xml_export_remove_stale (dir);
  bespoke_leftovers_note_export_folder (dir);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      _bespoke_xml_export_file_error (path, errno, error);
      g_free (tmp);
      return -1;
    }
  *out_tmp = tmp;
  return fd;
}

static int
sink_write (void       *context,
            const char *buffer,
            int         length)
{
  Export *self = context;
  int done = 0;

  while (done < length)
    {
      ssize_t n = write (self->fd, buffer + done, (size_t) (length - done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (self->write_errno == 0)
            self->write_errno = n < 0 ? errno : EIO;
          return -1;
        }
      done += (int) n;
    }
  return done;
}

/* Writes @length bytes straight to the file through the writer's own
 * sink, for the writer thread's chunks.  FALSE on a failure, with its
 * errno kept for the message. */
gboolean
_bespoke_xml_export_write_raw (Export     *self,
                               const char *bytes,
                               gsize       length)
{
  while (length > 0)
    {
      int piece = (int) MIN (length, (gsize) G_MAXINT);

      if (sink_write (self, bytes, piece) < 0)
        return FALSE;
      bytes += piece;
      length -= (gsize) piece;
    }
  return TRUE;
}

/* libxml2 reports an output error on the thread that met it, through that
 * thread's generic handler; Bespoke says it in its own words instead. */
static void
quiet_cb (void       *context,
          const char *format,
          ...)
{
}

void
_bespoke_xml_export_quiet_libxml (void)
{
  xmlSetGenericErrorFunc (NULL, quiet_cb);
}

xmlOutputBufferPtr
_bespoke_xml_export_output (Export *self)
{
  _bespoke_xml_export_quiet_libxml ();
  return xmlOutputBufferCreateIO (sink_write, NULL, self, NULL);
}

/**
 * _bespoke_xml_export_file_error:
 *
 * Sets @error for a file that could not be written, naming the cause.
 *
 * Returns: %FALSE
 */
gboolean
_bespoke_xml_export_file_error (const char  *path,
                                int          saved_errno,
                                GError     **error)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full: “%s” could not be written. Free some space, or choose another disk, and try again."),
                 path);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno ? saved_errno : EIO),
                 _("Could not write “%s”: %s. Choose another folder, or check the disk, and try again."),
                 path, g_strerror (saved_errno ? saved_errno : EIO));
  return FALSE;
}
