/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main loop while the window exports everyone and imports, on a large
 * database (issue #13: "no main-loop stall over 50 ms while they run").
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" _build/tests/bench/bench-stall DATABASE [ROUNDS]
 *
 * It runs the application itself (BespokeApplication, --database
 * DATABASE) in its own folders (the XDG data, config, state and cache
 * folders in a temporary folder, removed at the end; settings in memory).  DATABASE is changed (each export records its mark and an audit
 * entry): give it a copy.  Each round has three stages, run as the window
 * runs them:
 *   - export: "Export Everyone" once the file is chosen
 *     (bespoke_exchange_export_chosen()), until its progress dialog goes;
 *   - preview: a new window on a new, empty database, and the exported file
 *     opened in it as opening a .bespoke file does
 *     (bespoke_exchange_open_files()): the import dialog's dry run, until it
 *     shows what the import would do;
 *   - import: the dialog's Import (import.apply), until the dialog closes
 *     and the window shows the people imported.
 * Each stage is measured from its start until a second after it ends.
 * Meanwhile it records the gaps between the dispatches of a 5 ms timer of
 * G_PRIORITY_HIGH (nothing on the main thread can hold the loop longer than
 * the gap that follows it) and between the ticks of the window's frame
 * clock (a tick callback: frames, drawing included).  It prints, per stage
 * and round, the longest gap (and when it ended), the 99th percentile and
 * the number of gaps over 50 ms, and the ratio of the longest to 50 ms;
 * then the best and the median over the rounds.  BESPOKE_BENCH_TRACE=1
 * also says each gap over half a second as it ends, with the
 * CLOCK_MONOTONIC time it ended at, so that a profile taken meanwhile
 * (`perf record -k mono -t PID`) can be cut to the gap with `perf script
 * --time START,END`; BESPOKE_BENCH_TRACE=MS says each gap over MS ms.
 *
 * Before it measures, it backs DATABASE up into its own backups folder, and
 * each empty database too, so that the window's daily backup (a copy of
 * the whole database on a thread) is not due in the middle of a stage. */
#define G_LOG_DOMAIN "bespoke-bench-stall"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "bespoke-application.h"
#include "bespoke-core.h"
#include "bespoke-exchange.h"
#include "bespoke-import-dialog.h"
#include "bespoke-progress-dialog.h"
#include "bespoke-window.h"

#define TIMER_MS     5
#define STALL_US     (50 * 1000)   /* the reference */
#define SETTLE_MS    1000          /* measured after a stage ends */
#define TRACE_US     (500 * 1000)

enum { STAGE_EXPORT, STAGE_PREVIEW, STAGE_IMPORT, N_STAGES };
static const char *stage_names[N_STAGES] = { "export", "preview", "import" };

/* Gaps between the dispatches of one source, while recording */
typedef struct
{
  const char *name;
  gint64      trace;  /* BESPOKE_BENCH_TRACE: say each gap over so many µs as it ends; 0: none */
  GArray *gaps;     /* gint64 µs */
  gint64  last;     /* 0: the next dispatch starts a new series */
  gint64  worst;
  gint64  worst_at; /* µs from the stage's start to the end of the worst gap */
} Series;

typedef struct
{
  double longest_ms;
  double worst_at_s;
  double p99_ms;
  guint  over;
  guint  n;
} Figures;

typedef struct
{
  BespokeApplication *app;
  const char         *database;
  char               *dir;
  guint               rounds;
  gboolean            recording;
  gint64              stage_start;
  GtkWidget          *ticking;     /* the stage's window, and its tick callback */
  guint               tick_id;
  Series              loop;
  Series              frames;
  Figures             results[N_STAGES][2][16];  /* [stage][loop, frames][round] */
  double              seconds[N_STAGES][16];
  int                 status;
} Bench;

static void
series_note (Series *series,
             gint64  now,
             gint64  stage_start)
{
  if (series->last != 0)
    {
      gint64 gap = now - series->last;

      g_array_append_val (series->gaps, gap);
      if (series->trace > 0 && gap > series->trace)
        g_printerr ("  %s: a gap of %.1f ms, ended %.1f s into the stage (monotonic %.3f s)\n",
                    series->name, gap / 1000.0, (now - stage_start) / (double) G_USEC_PER_SEC,
                    now / (double) G_USEC_PER_SEC);
      if (gap > series->worst)
        {
          series->worst = gap;
          series->worst_at = now - stage_start;
        }
    }
  series->last = now;
}

static void
series_reset (Series *series)
{
  g_array_set_size (series->gaps, 0);
  series->last = 0;
  series->worst = 0;
  series->worst_at = 0;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static Figures
series_figures (Series *series)
{
  Figures f = { 0 };

  f.n = series->gaps->len;
  if (f.n == 0)
    return f;
  g_array_sort (series->gaps, compare_gint64);
  for (guint i = 0; i < f.n; i++)
    if (g_array_index (series->gaps, gint64, i) > STALL_US)
      f.over++;
  f.longest_ms = series->worst / 1000.0;
  f.worst_at_s = series->worst_at / (double) G_USEC_PER_SEC;
  f.p99_ms = g_array_index (series->gaps, gint64, MIN (f.n - 1, (guint) (f.n * 0.99))) / 1000.0;
  return f;
}

static gboolean
timer_cb (gpointer data)
{
  Bench *bench = data;

  if (bench->recording)
    series_note (&bench->loop, g_get_monotonic_time (), bench->stage_start);
  return G_SOURCE_CONTINUE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Bench *bench = data;

  if (bench->recording)
    series_note (&bench->frames, g_get_monotonic_time (), bench->stage_start);
  return G_SOURCE_CONTINUE;
}

static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("bench-stall: %s%s%s\n", what, error ? ": " : "", error ? error->message : "");
  exit (1);
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static BespokeWindow *
window_for (Bench      *bench,
            const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (bench->app)); l != NULL; l = l->next)
    if (BESPOKE_IS_WINDOW (l->data) &&
        g_str_equal (bespoke_store_get_path (bespoke_window_get_store (l->data)), path))
      return l->data;
  return NULL;
}

static void
stage_begin (Bench     *bench,
             GtkWidget *window)
{
  series_reset (&bench->loop);
  series_reset (&bench->frames);
  bench->ticking = window;
  bench->tick_id = gtk_widget_add_tick_callback (window, tick_cb, bench, NULL);
  bench->stage_start = g_get_monotonic_time ();
  bench->recording = TRUE;
}

static void
stage_end (Bench *bench,
           guint  stage,
           guint  round)
{
  double seconds = (g_get_monotonic_time () - bench->stage_start) / (double) G_USEC_PER_SEC;
  Figures *loop = &bench->results[stage][0][round];
  Figures *frames = &bench->results[stage][1][round];

  run_for (SETTLE_MS);
  bench->recording = FALSE;
  gtk_widget_remove_tick_callback (bench->ticking, bench->tick_id);
  *loop = series_figures (&bench->loop);
  *frames = series_figures (&bench->frames);
  bench->seconds[stage][round] = seconds;
  g_print ("round %u %-8s %7.1f s  loop: longest %7.1f ms (at %6.1f s), p99 %6.1f ms, %3u over 50 ms (%u gaps), ratio %5.2f"
           "  frames: longest %7.1f ms, p99 %6.1f ms, %3u over 50 ms (%u)\n",
           round + 1, stage_names[stage], seconds, loop->longest_ms, loop->worst_at_s, loop->p99_ms, loop->over, loop->n,
           loop->longest_ms / (STALL_US / 1000.0), frames->longest_ms, frames->p99_ms, frames->over, frames->n);
}

static void
back_up (Bench      *bench,
         const char *path)
{
  g_autofree char *dir = bespoke_backup_default_dir ();
  g_autoptr(GError) error = NULL;

  if (!bespoke_backup_database (path, dir, NULL, NULL, NULL, &error))
    fail ("could not back the database up", error);
}

static void
export_round (Bench      *bench,
              guint       round,
              const char *path)
{
  BespokeWindow *window = window_for (bench, bench->database);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_unlink (path);
  stage_begin (bench, GTK_WIDGET (window));
  bespoke_exchange_export_chosen (GTK_WINDOW (window), NULL, file);
  if (find_toplevel (BESPOKE_TYPE_PROGRESS_DIALOG) == NULL)
    fail ("the export showed no progress dialog", NULL);
  while (find_toplevel (BESPOKE_TYPE_PROGRESS_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);
  stage_end (bench, STAGE_EXPORT, round);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    fail ("the export wrote no file", NULL);
}

static void
import_round (Bench      *bench,
              guint       round,
              const char *exported)
{
  g_autofree char *name = g_strdup_printf ("import-%u.db", round + 1);
  g_autofree char *path = g_build_filename (bench->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autoptr(BespokeStore) made = NULL;
  g_autoptr(GError) error = NULL;
  BespokeImportDialog *dialog;
  BespokeWindow *window;
  GFile *files[] = { file };

  /* made and backed up first, so that no backup is due when it closes */
  if ((made = bespoke_store_open (path, &error)) == NULL)
    fail ("could not make the empty database", error);
  g_clear_object (&made);
  back_up (bench, path);
  bespoke_application_open_database (bench->app, path);
  window = window_for (bench, path);
  run_for (2000);

  stage_begin (bench, GTK_WIDGET (window));
  bespoke_exchange_open_files (GTK_APPLICATION (bench->app), files, 1);
  dialog = BESPOKE_IMPORT_DIALOG (find_toplevel (BESPOKE_TYPE_IMPORT_DIALOG));
  if (dialog == NULL || gtk_window_get_transient_for (GTK_WINDOW (dialog)) != GTK_WINDOW (window))
    fail ("the file did not open in the new window", NULL);
  while (bespoke_import_dialog_get_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  stage_end (bench, STAGE_PREVIEW, round);
  if (bespoke_import_dialog_get_summary (dialog) == NULL)
    fail (bespoke_import_dialog_get_error (dialog), NULL);

  stage_begin (bench, GTK_WIDGET (window));
  if (!gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL))
    fail ("the dialog has no import.apply", NULL);
  while (find_toplevel (BESPOKE_TYPE_IMPORT_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);
  stage_end (bench, STAGE_IMPORT, round);
  g_print ("        %u people in the new database\n",
           bespoke_store_count_people (bespoke_window_get_store (window), BESPOKE_PEOPLE_ALL, NULL, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  run_for (500);
  if (!bespoke_store_delete_database_files (path, &error))
    fail ("could not remove the imported database", error);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The best and the median of one figure over the rounds */
static void
best_median (double *values,
             guint   n,
             double *best,
             double *median)
{
  qsort (values, n, sizeof (double), compare_double);
  *best = values[0];
  *median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
print_summary (Bench *bench)
{
  g_print ("\nover %u rounds, best / median (reference: no gap over 50 ms)\n", bench->rounds);
  for (guint s = 0; s < N_STAGES; s++)
    for (guint k = 0; k < 2; k++)
      {
        double longest[16], p99[16], over[16], lb, lm, pb, pm, ob, om;

        for (guint r = 0; r < bench->rounds; r++)
          {
            longest[r] = bench->results[s][k][r].longest_ms;
            p99[r] = bench->results[s][k][r].p99_ms;
            over[r] = bench->results[s][k][r].over;
          }
        best_median (longest, bench->rounds, &lb, &lm);
        best_median (p99, bench->rounds, &pb, &pm);
        best_median (over, bench->rounds, &ob, &om);
        g_print ("%-8s %-7s longest %7.1f / %7.1f ms (ratio %5.2f / %5.2f)  p99 %6.1f / %6.1f ms  over 50 ms %3.0f / %5.1f\n",
                 stage_names[s], k == 0 ? "loop" : "frames", lb, lm, lb / 50.0, lm / 50.0, pb, pm, ob, om);
      }
}

static gboolean
run_cb (gpointer data)
{
  Bench *bench = data;
  g_autofree char *exported = g_build_filename (bench->dir, "everyone.bespoke", NULL);
  BespokeWindow *window;
  guint timer;

  timer = g_timeout_add_full (G_PRIORITY_HIGH, TIMER_MS, timer_cb, bench, NULL);
  window = window_for (bench, bench->database);
  if (window == NULL)
    fail ("the database did not open", NULL);
  run_for (3000);
  g_print ("renderer %s; %u people; %u rounds\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           bespoke_store_count_people (bespoke_window_get_store (window), BESPOKE_PEOPLE_ALL, NULL, NULL),
           bench->rounds);
  for (guint r = 0; r < bench->rounds; r++)
    {
      export_round (bench, r, exported);
      import_round (bench, r, exported);
    }
  print_summary (bench);
  g_source_remove (timer);
  g_application_quit (G_APPLICATION (bench->app));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  Bench bench = { 0 };
  const char *folders[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME" };

  if (argc < 2 || argc > 3)
    {
      g_printerr ("Usage: bench-stall DATABASE [ROUNDS]   (a copy: the exports are marked in it)\n");
      return 2;
    }
  database = g_canonicalize_filename (argv[1], NULL);
  bench.database = database;
  bench.rounds = argc > 2 ? CLAMP (atoi (argv[2]), 1, 16) : 3;
  bench.loop.gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.frames.gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.loop.name = "loop";
  bench.frames.name = "frames";
  if (g_getenv ("BESPOKE_BENCH_TRACE") != NULL)
    {
      gint64 ms = g_ascii_strtoll (g_getenv ("BESPOKE_BENCH_TRACE"), NULL, 10);

      bench.loop.trace = bench.frames.trace = ms > 1 ? ms * 1000 : TRACE_US;
    }
  if ((bench.dir = g_dir_make_tmp ("bespoke-bench-stall-XXXXXX", &error)) == NULL)
    fail ("no temporary folder", error);
  /* before GLib reads them: nothing of the user's is read or written */
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (bench.dir, folders[i], NULL);

      g_setenv (folders[i], folder, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  back_up (&bench, database);

  bench.app = bespoke_application_new ();
  g_application_set_flags (G_APPLICATION (bench.app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_idle_add (run_cb, &bench);
  {
    char *app_argv[] = { (char *) "bespoke", (char *) "--database", database, NULL };

    bench.status = g_application_run (G_APPLICATION (bench.app), 3, app_argv);
  }
  g_object_unref (bench.app);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", bench.dir);

    if (system (command) != 0)
      g_printerr ("bench-stall: could not remove %s\n", bench.dir);
  }
  g_array_unref (bench.loop.gaps);
  g_array_unref (bench.frames.gaps);
  g_free (bench.dir);
  return bench.status;
}
