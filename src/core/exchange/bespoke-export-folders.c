/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-leftovers"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-export-folders.h"

/*
 * The folders exports went to are kept one a line, newest last, in
 * $XDG_STATE_HOME/bespoke/export-folders (0600; a folder's name can say
 * whose it is).  A new folder is appended with one write() of its line
 * (O_APPEND), so a run killed while noting it leaves either the line or
 * nothing, and never a temporary file.  When the list passes
 * BESPOKE_LEFTOVERS_MAX_FOLDERS lines it is written again with the newest
 * ones only; a run killed then loses the oldest folders, which only means
 * their stale exports wait for the next export there.
 */

static char *
list_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "bespoke", "export-folders", NULL);
}

/* The folders in the list, oldest first, each once; lines that are not an
 * absolute path (a damaged list) are left out */
static GPtrArray *
read_folders (const char *path)
{
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_steal_pointer (&folders);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_path_is_absolute (lines[i]) || !g_utf8_validate (lines[i], -1, NULL))
        continue;
      for (guint j = 0; j < folders->len; j++)
        if (g_str_equal (folders->pdata[j], lines[i]))
          {
            g_ptr_array_remove_index (folders, j);
            break;
          }
      g_ptr_array_add (folders, g_strdup (lines[i]));
    }
  return g_steal_pointer (&folders);
}

/* Writes the newest BESPOKE_LEFTOVERS_MAX_FOLDERS of @folders */
static void
rewrite (const char *path,
         GPtrArray  *folders)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint from = folders->len > BESPOKE_LEFTOVERS_MAX_FOLDERS ? folders->len - BESPOKE_LEFTOVERS_MAX_FOLDERS : 0;

  for (guint i = from; i < folders->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) folders->pdata[i]);
  g_file_set_contents_full (path, text->str, (gssize) text->len, G_FILE_SET_CONTENTS_NONE, 0600, NULL);
}

/**
 * bespoke_leftovers_note_export_folder:
 * @dir: a folder an export or a backup is being written to
 *
 * Remembers @dir, so that the stale temporary files of an export or a
 * backup killed there are removed when Bespoke next starts; a folder noted
 * again becomes the newest, so the folders in use outlive the cap.  The
 * operation folders of sealing, in Bespoke's private folder, are not
 * noted: sealing clears its own (bespoke_seal_remove_stale()).  Best
 * effort: a failure to remember is not an export's or a backup's failure.
 */
void
bespoke_leftovers_note_export_folder (const char *dir)
{
  g_autofree char *path = list_path ();
  g_autofree char *state = g_path_get_dirname (path);
  g_autofree char *absolute = NULL;
  g_autofree char *private = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GPtrArray) folders = NULL;
  int fd;

  g_return_if_fail (dir != NULL);

  absolute = g_canonicalize_filename (dir, NULL);
  private = g_build_filename (g_get_user_cache_dir (), "bespoke", "private", G_DIR_SEPARATOR_S, NULL);
  if (strchr (absolute, '\n') != NULL || g_str_has_prefix (absolute, private))
    return;
  folders = read_folders (path);
  for (guint i = 0; i < folders->len; i++)
    if (g_str_equal (folders->pdata[i], absolute))
      {
        if (i + 1 < folders->len)
          {
            g_ptr_array_add (folders, g_ptr_array_steal_index (folders, i));
            rewrite (path, folders);
          }
        return;
      }
  if (g_mkdir_with_parents (state, 0700) != 0)
    return;
  g_ptr_array_add (folders, g_strdup (absolute));
  if (folders->len > BESPOKE_LEFTOVERS_MAX_FOLDERS)
    {
      rewrite (path, folders);
      return;
    }
  line = g_strconcat (absolute, "\n", NULL);
  fd = g_open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  if (write (fd, line, strlen (line)) < 0)
    g_debug ("Could not note the export folder %s: %s", absolute, g_strerror (errno));
  close (fd);
}

/**
 * bespoke_leftovers_export_folders:
 *
 * Returns: (transfer full): the folders exports were written to, oldest
 *   first
 */
char **
bespoke_leftovers_export_folders (void)
{
  g_autofree char *path = list_path ();
  g_autoptr(GPtrArray) folders = read_folders (path);

  g_ptr_array_add (folders, NULL);
  return (char **) g_ptr_array_steal (folders, NULL);
}
