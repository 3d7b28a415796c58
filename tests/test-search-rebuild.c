/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search index built again after a migration (#13), with progress and
 * Cancel: bespoke_store_open_full (…, BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX)
 * and bespoke_store_rebuild_search(); and bespoke-cli's progress for it,
 * on stderr only when that is a terminal. */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE  /* posix_openpt(), grantpt(), ptsname() */
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bespoke-core.h"
#include "bespoke-test-util.h"
#include "search-rebuild-fixture.h"

static BespokeStore *
open_deferred (const char *path)
{
  g_autoptr(GError) error = NULL;
  BespokeStore *store = bespoke_store_open_full (path, BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static guint
count_found (BespokeStore *store,
             const char   *search)
{
  g_autoptr(GError) error = NULL;
  guint n = bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, search, &error);

  g_assert_no_error (error);
  return n;
}

typedef struct
{
  GArray       *calls;        /* pairs of guint64: done, total */
  GCancellable *cancellable;  /* cancelled once done reaches cancel_at */
  guint         cancel_at;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->calls, done);
  g_array_append_val (progress->calls, total);
  if (progress->cancellable != NULL && done >= progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static void
assert_calls (GArray        *calls,
              const guint64 *expected,
              guint          n_expected)
{
  g_assert_cmpuint (calls->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (calls, guint64, i), ==, expected[i]);
}

/* Deferred, the open leaves the index to the caller; the rebuild reports
 * (0, 1203) before the first person, then every 500 people: 500 and 1000
 * (1,500 would be past 1,203), then (1203, 1203) after the last. */
static void
test_progress_sequence (void)
{
  g_autofree char *path = make_pending_database ();
  g_autoptr(BespokeStore) store = open_deferred (path);
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint64));
  Progress progress = { calls, NULL, 0 };
  const guint64 expected[] = { 0, N_PEOPLE, 500, N_PEOPLE, 1000, N_PEOPLE, N_PEOPLE, N_PEOPLE };
  g_autoptr(GError) error = NULL;
  guint people = 0;

  g_assert_true (bespoke_store_search_rebuild_pending (store, &people));
  g_assert_cmpuint (people, ==, N_PEOPLE);
  /* not built yet: search finds no one */
  g_assert_cmpuint (count_found (store, "elodie"), ==, 0);

  g_assert_true (bespoke_store_rebuild_search (store, progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  assert_calls (calls, expected, G_N_ELEMENTS (expected));

  g_assert_false (bespoke_store_search_rebuild_pending (store, &people));
  g_assert_cmpuint (people, ==, 0);
  /* "elodie" finds the 1,200 "Élodie Client" people, folded; the staff
   * and the archived are indexed too */
  g_assert_cmpuint (count_found (store, "elodie"), ==, N_CLIENTS);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people_search WHERE word = 'staff'"), ==, 2);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people_search WHERE word = 'archie'"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people WHERE sort_key IS NULL"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people_search_rebuild"), ==, 0);

  /* nothing left to do: no progress, TRUE */
  g_array_set_size (calls, 0);
  g_assert_true (bespoke_store_rebuild_search (store, progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 0);
}

/* Cancelled at the report of 500 people: the reports stop there, what
 * the rebuild writes is as it was (the index empty, every sort key NULL,
 * the row there), the rebuild is still pending, and the next ordinary
 * open finishes it. */
static void
test_cancel_part_way (void)
{
  g_autofree char *path = make_pending_database ();
  g_autofree char *before = index_contents (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint64));
  Progress progress = { calls, cancellable, 500 };
  const guint64 expected[] = { 0, N_PEOPLE, 500, N_PEOPLE };
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(BespokeStore) store = open_deferred (path);
    g_autofree char *after = NULL;

    g_assert_false (bespoke_store_rebuild_search (store, progress_cb, &progress, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    assert_calls (calls, expected, G_N_ELEMENTS (expected));

    after = index_contents (path);
    g_assert_cmpstr (after, ==, before);
    g_assert_true (bespoke_store_search_rebuild_pending (store, NULL));
    /* the store is still usable: no transaction left open */
    g_assert_cmpuint (count_found (store, "elodie"), ==, 0);
  }
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people_search"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people WHERE sort_key IS NULL"), ==, N_PEOPLE);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people_search_rebuild"), ==, 1);

  /* already cancelled: nothing starts, nothing is reported */
  {
    g_autoptr(BespokeStore) store = open_deferred (path);

    g_array_set_size (calls, 0);
    g_assert_false (bespoke_store_rebuild_search (store, progress_cb, &progress, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpuint (calls->len, ==, 0);
  }

  /* the ordinary open, as every other caller does, finishes it */
  {
    g_autoptr(BespokeStore) store = open_store_at (path);

    g_assert_false (bespoke_store_search_rebuild_pending (store, NULL));
    g_assert_cmpuint (count_found (store, "elodie"), ==, N_CLIENTS);
  }
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people_search_rebuild"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people WHERE sort_key IS NULL"), ==, 0);
}

/* A new database: migration 6 asks for a rebuild of no one; the ordinary
 * open does it at once, and deferred, it reports (0, 0) only. */
static void
test_empty_database (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint64));
  Progress progress = { calls, NULL, 0 };
  const guint64 expected[] = { 0, 0 };
  g_autoptr(GError) error = NULL;
  guint people = G_MAXUINT;

  {
    g_autoptr(BespokeStore) store = open_deferred (path);

    g_assert_true (bespoke_store_search_rebuild_pending (store, &people));
    g_assert_cmpuint (people, ==, 0);
    g_assert_true (bespoke_store_rebuild_search (store, progress_cb, &progress, NULL, &error));
    g_assert_no_error (error);
    assert_calls (calls, expected, G_N_ELEMENTS (expected));
    g_assert_false (bespoke_store_search_rebuild_pending (store, NULL));
  }
  {
    g_autofree char *path2 = g_build_filename (dir, "new2.db", NULL);
    g_autoptr(BespokeStore) store = open_store_at (path2);

    g_assert_false (bespoke_store_search_rebuild_pending (store, NULL));
    g_assert_cmpint (raw_int (path2, "SELECT count(*) FROM people_search_rebuild"), ==, 0);
  }
}

/* "bespoke-cli people --search staff" on a database whose index is
 * pending, with stderr a pipe: the rebuild runs (the 2 members of staff
 * are found) and says nothing. */
static void
test_cli_quiet_without_terminal (void)
{
  g_autofree char *path = make_pending_database ();
  g_auto(Run) run = { 0 };

  CLI (&run, "--database", path, "people", "--search", "staff");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Sam Staff 0"));
  g_assert_nonnull (strstr (run.out, "Sam Staff 1"));
  g_assert_null (strstr (run.out, "Client"));
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people_search_rebuild"), ==, 0);
}

/* The same with stderr a terminal (a pseudo-terminal here): one line,
 * rewritten in place at 0, 500, 1,000 and 1,203 of the 1,203 people, and
 * ended once.  The terminal turns that newline into "\r\n". */
static void
test_cli_progress_on_terminal (void)
{
  g_autofree char *path = make_pending_database ();
  const char *argv[] = { BESPOKE_CLI_PATH, "--database", path, "people", "--search", "staff", NULL };
  const char *expected =
    "\rPreparing search: 0 of 1,203 people\033[K"
    "\rPreparing search: 500 of 1,203 people\033[K"
    "\rPreparing search: 1,000 of 1,203 people\033[K"
    "\rPreparing search: 1,203 of 1,203 people\033[K"
    "\r\n";
  g_auto(GStrv) env = child_environ ();
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  int terminal, devnull, status = 0;
  GPid pid = 0;
  char buffer[4096];
  gssize n;

  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  terminal = open (ptsname (master), O_RDWR | O_NOCTTY);
  devnull = open ("/dev/null", O_WRONLY);
  g_assert_cmpint (terminal, >=, 0);
  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                         &pid, -1, devnull, terminal, &error));
  g_assert_no_error (error);
  close (terminal);
  close (devnull);
  /* the terminal's reads end with EIO once the child has closed it */
  while ((n = read (master, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (err, buffer, n);
  close (master);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpstr (err->str, ==, expected);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people_search_rebuild"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search-rebuild/progress-sequence", test_progress_sequence);
  g_test_add_func ("/search-rebuild/cancel-part-way", test_cancel_part_way);
  g_test_add_func ("/search-rebuild/empty-database", test_empty_database);
  g_test_add_func ("/search-rebuild/cli-quiet-without-terminal", test_cli_quiet_without_terminal);
  g_test_add_func ("/search-rebuild/cli-progress-on-terminal", test_cli_progress_on_terminal);
  return g_test_run ();
}
