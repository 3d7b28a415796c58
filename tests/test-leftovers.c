/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What killed runs leave, removed at startup (issue #12): the stale
 * temporary files of exports in every folder exports went to (remembered
 * in $XDG_STATE_HOME/bespoke/export-folders), sealing's unlocked folders,
 * backups' unlocked partial files; nothing else. */
#define G_LOG_DOMAIN "bespoke-test-leftovers"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <utime.h>

#include "bespoke-core.h"
#include "bespoke-test-util.h"

static void
make_file (const char *dir,
           const char *name,
           int         hours_old)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, "<bespoke>personal data</bespoke>", -1, NULL));
  times.actime = times.modtime = time (NULL) - hours_old * 3600;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static char *
list_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "bespoke", "export-folders", NULL);
}

static void
reset_list (void)
{
  g_autofree char *path = list_path ();

  g_remove (path);
}

/* Each folder once, newest last: a folder noted again (here named another
 * way) moves to the end; sealing's operation folders are not noted */
static void
test_note_folders (void)
{
  g_autofree char *a = temp_dir ();
  g_autofree char *b = temp_dir ();
  g_autofree char *a_name = g_path_get_basename (a);
  g_autofree char *a_again = g_build_filename (b, "..", a_name, NULL);
  g_autofree char *op = g_build_filename (g_get_user_cache_dir (), "bespoke", "private", "op-Ab12Cd", NULL);
  g_auto(GStrv) folders = NULL;

  reset_list ();
  bespoke_leftovers_note_export_folder (a);
  bespoke_leftovers_note_export_folder (b);
  bespoke_leftovers_note_export_folder (op);
  bespoke_leftovers_note_export_folder (a_again);
  folders = bespoke_leftovers_export_folders ();
  g_assert_cmpuint (g_strv_length (folders), ==, 2);
  g_assert_cmpstr (folders[0], ==, b);
  g_assert_cmpstr (folders[1], ==, a);
  g_clear_pointer (&folders, g_strfreev);

  /* noting the newest again changes nothing */
  bespoke_leftovers_note_export_folder (a);
  folders = bespoke_leftovers_export_folders ();
  g_assert_cmpuint (g_strv_length (folders), ==, 2);
  g_assert_cmpstr (folders[1], ==, a);
  reset_list ();
}

/* A damaged list (empty lines, relative paths, bytes that are not UTF-8,
 * repeats) gives the absolute folders in it, once each */
static void
test_damaged_list (void)
{
  g_autofree char *path = list_path ();
  g_autofree char *state = g_path_get_dirname (path);
  const char text[] = "\n\nrelative/folder\n/home/jo/Exports\n\xff\xfe/bad\n/home/jo/Exports\n/media/usb";
  g_auto(GStrv) folders = NULL;

  g_assert_cmpint (g_mkdir_with_parents (state, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, sizeof text - 1, NULL));
  folders = bespoke_leftovers_export_folders ();
  g_assert_cmpuint (g_strv_length (folders), ==, 2);
  g_assert_cmpstr (folders[0], ==, "/home/jo/Exports");
  g_assert_cmpstr (folders[1], ==, "/media/usb");
  /* and removing leftovers with it is harmless */
  bespoke_leftovers_remove ();
  reset_list ();
}

/* At most BESPOKE_LEFTOVERS_MAX_FOLDERS (32): the newest, in a 0600 file */
static void
test_max_folders (void)
{
  g_autofree char *path = list_path ();
  g_auto(GStrv) folders = NULL;
  GStatBuf st;

  reset_list ();
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *dir = g_strdup_printf ("/srv/exports/%02u", i);
      bespoke_leftovers_note_export_folder (dir);
    }
  folders = bespoke_leftovers_export_folders ();
  /* 40 noted, 32 kept: 09 to 40 */
  g_assert_cmpuint (g_strv_length (folders), ==, 32);
  g_assert_cmpstr (folders[0], ==, "/srv/exports/09");
  g_assert_cmpstr (folders[31], ==, "/srv/exports/40");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  reset_list ();
}

/* Only the exact name pattern, an hour old, in the folders noted; and
 * sealing's and backups' leftovers that nobody holds locked */
static void
test_remove (void)
{
  g_autofree char *a = temp_dir ();
  g_autofree char *b = temp_dir ();
  g_autofree char *elsewhere = temp_dir ();
  g_autofree char *private = g_build_filename (g_get_user_cache_dir (), "bespoke", "private", NULL);
  g_autofree char *op = g_build_filename (private, "op-dead01", NULL);
  g_autofree char *backups = bespoke_backup_default_dir ();

  reset_list ();
  bespoke_leftovers_note_export_folder (a);
  bespoke_leftovers_note_export_folder (b);

  make_file (a, ".paul.bespoke.bespoke-export-a1B2c3", 2);      /* stale: goes */
  make_file (a, ".paul.bespoke.bespoke-export-d4E5f6", 0);      /* being written: stays */
  make_file (a, ".paul.bespoke.bespoke-export-a1B2c", 2);       /* not the pattern */
  make_file (a, ".paul.bespoke.bespoke-export-a1B2c3~", 2);     /* not the pattern */
  make_file (a, "notes.txt", 48);
  make_file (b, ".everyone.xml.bespoke-export-zzzzzz", 30);      /* stale: goes */
  make_file (elsewhere, ".jo.bespoke.bespoke-export-qqqqqq", 5); /* not a folder noted */
  g_assert_cmpint (g_mkdir_with_parents (op, 0700), ==, 0);     /* a killed sealing's: goes */
  make_file (op, "paul.bespoke", 0);
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  make_file (backups, ".bespoke-Ab12Cd.partial", 0);            /* a killed backup's: goes */
  make_file (backups, "bespoke-20270301-093000.db", 0);

  g_assert_cmpuint (bespoke_leftovers_remove (), ==, 4);
  g_assert_false (exists (a, ".paul.bespoke.bespoke-export-a1B2c3"));
  g_assert_true (exists (a, ".paul.bespoke.bespoke-export-d4E5f6"));
  g_assert_true (exists (a, ".paul.bespoke.bespoke-export-a1B2c"));
  g_assert_true (exists (a, ".paul.bespoke.bespoke-export-a1B2c3~"));
  g_assert_true (exists (a, "notes.txt"));
  g_assert_false (exists (b, ".everyone.xml.bespoke-export-zzzzzz"));
  g_assert_true (exists (elsewhere, ".jo.bespoke.bespoke-export-qqqqqq"));
  g_assert_false (g_file_test (op, G_FILE_TEST_EXISTS));
  g_assert_false (exists (backups, ".bespoke-Ab12Cd.partial"));
  g_assert_true (exists (backups, "bespoke-20270301-093000.db"));
  /* a second start: nothing more */
  g_assert_cmpuint (bespoke_leftovers_remove (), ==, 0);
  reset_list ();
}

/* bespoke-cli notes the folder it exports to, and its next start removes a
 * stale export there */
static void
test_cli (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = temp_dir ();
  g_autofree char *exports = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *file = g_build_filename (exports, "everyone.bespoke", NULL);
  g_auto(GStrv) folders = NULL;

  reset_list ();
  CLI (&run, "--database", db, "example");
  g_assert_cmpint (run.status, ==, 0);
  CLI (&run, "--database", db, "export", "--all", "-o", file);
  g_assert_cmpint (run.status, ==, 0);
  folders = bespoke_leftovers_export_folders ();
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, exports);

  make_file (exports, ".everyone.bespoke.bespoke-export-K1ll3d", 2);
  CLI (&run, "--database", db, "people");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (exists (exports, ".everyone.bespoke.bespoke-export-K1ll3d"));
  g_assert_true (exists (exports, "everyone.bespoke"));
  reset_list ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/leftovers/note-folders", test_note_folders);
  g_test_add_func ("/leftovers/damaged-list", test_damaged_list);
  g_test_add_func ("/leftovers/max-folders", test_max_folders);
  g_test_add_func ("/leftovers/remove", test_remove);
  g_test_add_func ("/leftovers/cli", test_cli);
  return g_test_run ();
}
