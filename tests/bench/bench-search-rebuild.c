/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search index built again after a migration (#13), at 100,000 people.
 *
 *   bench-search-rebuild DB [ROUNDS] [--row-only]
 *     The rebuild, bespoke_store_rebuild_search(), without progress and
 *     with bespoke-cli's progress function (the text formatted and written,
 *     to /dev/null), in turn; prints each time and the ratio of the means
 *     (the reference: without progress, 1.00).
 *   bench-search-rebuild --window DB [--row-only]
 *     The real application on DB (under Xvfb): the time to the preparing
 *     window's first main-loop turn, the rebuild's time to the database's
 *     window, and the main loop's longest gap while the preparing window is
 *     up, against 50 ms (#13's limit for a long job's window).
 *
 * CHANGES DB: before each run the index is put back as migrations 6 and 8
 * leave it (people_search emptied, every sort_key NULL, a row in
 * people_search_rebuild), or with --row-only only the row is added (the
 * index stays, so the rebuild rewrites what is there).  Use a copy. */

#include <adwaita.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "bespoke-application.h"
#include "bespoke-core.h"
#include "bespoke-window.h"

static gboolean row_only;

static void
make_pending (const char *path)
{
  const char *sql = row_only
    ? "DELETE FROM people_search_rebuild; INSERT INTO people_search_rebuild (pending) VALUES (1)"
    : "BEGIN; DELETE FROM people_search; UPDATE people SET sort_key = NULL; DELETE FROM people_search_rebuild; "
      "INSERT INTO people_search_rebuild (pending) VALUES (1); COMMIT";
  sqlite3 *db = NULL;
  char *message = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", path, message ? message : sqlite3_errmsg (db));
  sqlite3_close (db);
}

/* bespoke-cli's progress function, writing to /dev/null */
static void
cli_progress_cb (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  FILE *out = user_data;
  g_autofree char *count = bespoke_xml_progress_describe (done, total);
  g_autofree char *line = g_strdup_printf ("Preparing search: %s", count);

  fprintf (out, "\r%s\033[K", line);
  fflush (out);
}

static double
time_rebuild (const char *path,
              FILE       *progress_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = NULL;
  guint people = 0;
  gint64 start;

  make_pending (path);
  store = bespoke_store_open_full (path, BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX, &error);
  if (store == NULL || !bespoke_store_search_rebuild_pending (store, &people))
    g_error ("%s: not pending (%s)", path, error ? error->message : "no rebuild row");
  start = g_get_monotonic_time ();
  if (!bespoke_store_rebuild_search (store, progress_out ? cli_progress_cb : NULL, progress_out, NULL, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
bench_core (const char *path,
            guint       rounds)
{
  FILE *null = fopen ("/dev/null", "w");
  double sum[2] = { 0, 0 };

  printf ("%s: rebuild of the search index%s, %u rounds\n", path, row_only ? " (row only: the index kept)" : "", rounds);
  for (guint r = 0; r < rounds; r++)
    for (guint with = 0; with < 2; with++)
      {
        double s = time_rebuild (path, with ? null : NULL);

        sum[with] += s;
        printf ("round %u %-16s %7.2f s\n", r + 1, with ? "with progress" : "without progress", s);
        fflush (stdout);
      }
  printf ("mean without progress %7.2f s (reference, 1.00)\n", sum[0] / rounds);
  printf ("mean with progress    %7.2f s (%.3f)\n", sum[1] / rounds, sum[1] / sum[0]);
  fclose (null);
  return 0;
}

typedef struct
{
  BespokeApplication *app;
  gint64              started;
  gint64              first_tick;
  gint64              last_tick;
  gint64              longest;
  guint               ticks;
  guint               over_50ms;
} Watch;

static gboolean
tick_cb (gpointer user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();
  gboolean window = FALSE;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (watch->app)); l != NULL; l = l->next)
    window |= BESPOKE_IS_WINDOW (l->data);
  if (watch->first_tick == 0)
    watch->first_tick = now;
  else if (!window)
    {
      gint64 gap = now - watch->last_tick;

      watch->longest = MAX (watch->longest, gap);
      watch->over_50ms += gap > 50000;
      watch->ticks++;
    }
  watch->last_tick = now;
  if (!window)
    return G_SOURCE_CONTINUE;

  printf ("first main-loop turn %8.1f ms after start (the store opened, the rebuild found pending)\n",
          (watch->first_tick - watch->started) / 1e3);
  printf ("database's window    %8.2f s after start\n", (now - watch->started) / 1e6);
  printf ("main loop meanwhile: %u turns of 5 ms asked for, %u gaps over 50 ms, the longest %.1f ms (%.2f of 50 ms)\n",
          watch->ticks, watch->over_50ms, watch->longest / 1e3, watch->longest / 50e3);
  g_application_quit (G_APPLICATION (watch->app));
  return G_SOURCE_REMOVE;
}

static int
bench_window (const char *path)
{
  char *argv[] = { (char *) "bespoke", (char *) "--database", (char *) path, NULL };
  g_autoptr(BespokeApplication) app = NULL;
  Watch watch = { 0 };

  make_pending (path);
  gtk_init ();
  adw_init ();
  app = bespoke_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  watch.app = app;
  watch.started = g_get_monotonic_time ();
  g_timeout_add_full (G_PRIORITY_DEFAULT, 5, tick_cb, &watch, NULL);
  printf ("%s: the window while the search index is built%s\n", path, row_only ? " (row only: the index kept)" : "");
  return g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
}

int
main (int   argc,
      char *argv[])
{
  gboolean window = FALSE;
  const char *path = NULL;
  guint rounds = 2;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--window"))
        window = TRUE;
      else if (g_str_equal (argv[i], "--row-only"))
        row_only = TRUE;
      else if (path == NULL)
        path = argv[i];
      else
        rounds = (guint) MAX (1, atoi (argv[i]));
    }
  if (path == NULL)
    {
      g_printerr ("Usage: bench-search-rebuild DB [ROUNDS] [--row-only]\n"
                  "       bench-search-rebuild --window DB [--row-only]\n"
                  "DB is changed: use a copy.\n");
      return 2;
    }
  return window ? bench_window (path) : bench_core (path, rounds);
}
