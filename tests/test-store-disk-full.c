/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store on a full disk (issue #12), where the window meets it and
 * bespoke-cli does not: the undo copy an import takes first
 * (bespoke_store_snapshot()), and putting it back
 * (bespoke_store_restore()).  The test runs itself again under strace,
 * with the child's first fdatasync failing with ENOSPC: the writes were
 * cached, and the disk has no room for them.  Both said "disk I/O error";
 * now each says "The disk is full", with the folder or the database, and
 * leaves nothing behind. */
#define G_LOG_DOMAIN "bespoke-test-store-disk-full"

#include <glib/gstdio.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-test-util.h"

#include <sys/wait.h>

#define CHILD "BESPOKE_DISK_FULL_CHILD"
/* LeakSanitizer cannot run under ptrace (as STRACE_NO_LEAK_CHECK in
 * bespoke-test-util.h, which defines it for the tests of bespoke-cli) */
#define NO_LEAK_CHECK "ASAN_OPTIONS=detect_leaks=0"

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* In the child: "snapshot DB" or "restore DB SNAPSHOT".  Prints the error,
 * and exits 1 if there is one. */
static int
child (const char *what,
       const char *db,
       const char *snapshot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (db, &error);
  g_autofree char *made = NULL;

  if (store != NULL && g_str_equal (what, "snapshot"))
    made = bespoke_store_snapshot (store, &error);
  else if (store != NULL)
    bespoke_store_restore (store, snapshot, &error);
  if (error != NULL)
    {
      g_print ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", made ? made : "restored");
  return 0;
}

/* Runs this program as the child, under strace, with its first
 * fdatasync failing with ENOSPC.  FALSE (and the test skipped) if strace
 * cannot trace here. */
static gboolean
run_child_full (Run        *run,
                const char *what,
                const char *db,
                const char *snapshot)
{
  const char *probe[] = { "strace", "-f", "-o", "/dev/null", "true", NULL };
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { "strace", "-f", "-o", "/dev/null", "-E", NO_LEAK_CHECK, "-E", CHILD "=1",
                         "-e", "trace=fdatasync", "-e", "inject=fdatasync:error=ENOSPC:when=1",
                         self, what, db, snapshot, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("strace cannot trace here (not installed, or ptrace is not allowed): no full disk to test on");
      return FALSE;
    }
  /* this test's own folders (G_TEST_OPTION_ISOLATE_DIRS sets them for
   * this process only): the undo copy goes in the cache folder */
  env = g_environ_setenv (env, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  run_clear (run);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &run->out, &run->err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  run->status = WEXITSTATUS (status);
  g_test_message ("%s: exit %d: %s%s", what, run->status, run->out, run->err);
  return TRUE;
}

static guint
count_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* An example database in a folder of its own, closed */
static char *
example_db (const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (db, &error);

  g_assert_no_error (error);
  g_assert_true (bespoke_example_install (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static guint
count_people (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (db, &error);
  g_autoptr(BespokePeopleModel) model = NULL;

  g_assert_no_error (error);
  model = bespoke_people_model_new (store, BESPOKE_PEOPLE_ALL);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* The undo copy: "The disk is full", naming the cache folder it goes in,
 * and no copy (or journal) left there */
static void
test_snapshot (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = example_db (dir);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "bespoke", NULL);
  g_auto(Run) run = { 0 };

  if (!run_child_full (&run, "snapshot", db, NULL))
    return;
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "The disk is full"));
  g_assert_nonnull (strstr (run.out, cache));
  g_assert_cmpuint (count_in (cache), ==, 0);
  /* nothing beside the database either */
  g_assert_cmpuint (count_in (dir), ==, 1);
}

/* Putting the undo copy back: "The disk is full", naming the database,
 * which still holds what it held (all of the change or none: here none) */
static void
test_restore (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = example_db (dir);
  g_autofree char *snapshot = NULL;
  g_auto(Run) run = { 0 };
  guint before;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BespokeStore) store = bespoke_store_open (db, &error);
    g_autoptr(BespokePerson) p = bespoke_person_new ();

    g_assert_no_error (error);
    snapshot = bespoke_store_snapshot (store, &error);
    g_assert_no_error (error);
    bespoke_person_set_name (p, "Added After The Copy");
    save_ok (store, p);
  }
  before = count_people (db);
  /* the example's 11 people, and one added after the copy */
  g_assert_cmpuint (before, ==, 12);

  if (!run_child_full (&run, "restore", db, snapshot))
    {
      bespoke_store_delete_database_files (snapshot, NULL);
      return;
    }
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "The disk is full"));
  g_assert_nonnull (strstr (run.out, db));
  g_assert_cmpuint (count_in (dir), ==, 1);
  g_assert_cmpuint (count_people (db), ==, before);

  /* with room again, it is put back: the example's 11 */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BespokeStore) store = bespoke_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (bespoke_store_restore (store, snapshot, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_people (db), ==, 11);
  g_assert_true (bespoke_store_delete_database_files (snapshot, NULL));
}

int
main (int argc, char *argv[])
{
  if (g_getenv (CHILD) != NULL && argc >= 3)
    return child (argv[1], argv[2], argc > 3 ? argv[3] : NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store-disk-full/snapshot", test_snapshot);
  g_test_add_func ("/store-disk-full/restore", test_restore);
  return g_test_run ();
}
