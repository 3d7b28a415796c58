/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search as you type at 100,000 people (issue #13).  Through
 * BespokePeopleModel, as the sidebar does: one set_search per keystroke of
 * "a" … "aisha ah" and "s" … "smith", then get_n_items and the first 30
 * items.  Prints mean, p95 and worst per keystroke, the ratio to one frame
 * (16 ms), and the bare SQLite query for the same hits (the count and the
 * first 30 rows on a connection of its own, with the store's own SQL, no
 * records built) with the model's ratio to it.  Not a test: it asserts
 * nothing about time.
 *
 * A broad search ("a": 10,000 hits) shows its first page in the keystroke
 * and is counted on a thread: the "count ms" column is the time from the
 * keystroke until that count has come back (typing is not blocked by it,
 * but the scroll bar is right only then).
 *
 *   _build/tests/bench/bench-search [DATABASE] [ROUNDS] [TYPED…]
 *
 * TYPED replaces the two queries typed a letter at a time ("aisha ah" and
 * "smith"), e.g. "smith a" "mar s" to try other searches.
 *
 * With no DATABASE (or "-"), it makes one in a temporary folder with the
 * example data and `synth 100000 --seed 1`, and removes it at the end; a
 * DATABASE that does not exist yet is made the same way and kept, so that
 * later runs skip the minute of making it.
 */
#define G_LOG_DOMAIN "bespoke-bench-search"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-synth.h"

#define TARGET_MS 16.0
#define N_PEOPLE 100000
#define N_SHOWN 30

static const char *typed[] = { "aisha ah", "smith" };

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

typedef struct
{
  double mean, p95, worst;
} Stats;

static Stats
stats_of (double *ms,
          guint   n)
{
  Stats s = { 0 };

  qsort (ms, n, sizeof (double), compare_doubles);
  for (guint i = 0; i < n; i++)
    s.mean += ms[i] / n;
  s.p95 = ms[MIN (n - 1, (guint) (0.95 * n + 0.5) - (0.95 * n + 0.5 >= 1))];
  s.worst = ms[n - 1];
  return s;
}

static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (path, &error);
  gint64 start = g_get_monotonic_time ();

  if (store == NULL || !bespoke_example_install (store, &error) ||
      !bespoke_synth_people (store, N_PEOPLE, 1, NULL, NULL, &error))
    g_error ("Making the database: %s", error->message);
  fprintf (stderr, "made %s (example data + synth %d --seed 1) in %.1f s\n", path, N_PEOPLE,
           (g_get_monotonic_time () - start) / 1e6);
}

/* The model's work for one keystroke, in milliseconds. */
static double
time_model (BespokePeopleModel *model,
            const char         *search,
            guint              *out_hits,
            double             *out_count_ms)
{
  gint64 start = g_get_monotonic_time ();
  double keystroke;
  guint n;

  bespoke_people_model_set_search (model, search);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < MIN (n, N_SHOWN); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert (item != NULL);
    }
  keystroke = (g_get_monotonic_time () - start) / 1000.0;
  /* the count of a broad search, from its thread */
  while (bespoke_people_model_get_counting (model))
    g_main_context_iteration (NULL, TRUE);
  *out_count_ms = (g_get_monotonic_time () - start) / 1000.0;
  *out_hits = g_list_model_get_n_items (G_LIST_MODEL (model));
  return keystroke;
}

/* The bare query for the same hits: the plain SQL a person would write
 * on the same tables (one "uuid IN" a word; the count, then the first
 * rows in order of the sort index), with the typed words as the index
 * holds them (the queries are plain ASCII, so folding is lower case).  The
 * store's own SQL (people_query() in bespoke-store-people.c) differs: it
 * leaves out words another word implies, intersects the words' lists, and
 * reads a narrow search's first page and count in one pass. */
static double
time_bare (sqlite3    *db,
           const char *search,
           guint      *out_hits)
{
  g_auto(GStrv) words = g_strsplit_set (search, " ", -1);
  g_autoptr(GString) where = g_string_new ("");
  g_autofree char *count_sql = NULL, *rows_sql = NULL;
  sqlite3_stmt *count = NULL, *rows = NULL;
  gint64 start;
  guint n_words = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        g_string_append (where, " AND uuid IN (SELECT uuid FROM people_search WHERE word >= ? AND word < ?)");
        n_words++;
      }
  /* the count starts from the search words (+archived), the first rows
   * read the sort index in order */
  count_sql = g_strconcat ("SELECT count(*) FROM people WHERE +archived = 0", where->str, NULL);
  rows_sql = g_strconcat ("SELECT uuid, name FROM people WHERE archived = 0", where->str,
                          " ORDER BY is_staff, sort_key, name, uuid LIMIT 30", NULL);

  start = g_get_monotonic_time ();
  if (sqlite3_prepare_v2 (db, count_sql, -1, &count, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, rows_sql, -1, &rows, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  for (guint i = 0, p = 1; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        g_autofree char *word = g_ascii_strdown (words[i], -1);
        g_autofree char *end = g_strconcat (word, "\xff", NULL);

        sqlite3_bind_text (count, p, word, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (rows, p++, word, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (count, p, end, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (rows, p++, end, -1, SQLITE_TRANSIENT);
      }
  if (sqlite3_step (count) != SQLITE_ROW)
    g_error ("%s", sqlite3_errmsg (db));
  *out_hits = (guint) sqlite3_column_int64 (count, 0);
  while (sqlite3_step (rows) == SQLITE_ROW)
    ;
  sqlite3_finalize (count);
  sqlite3_finalize (rows);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  const char *given = argc > 1 && g_strcmp0 (argv[1], "-") != 0 ? argv[1] : NULL;
  guint rounds = argc > 2 ? (guint) atoi (argv[2]) : 20;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(BespokePeopleModel) model = NULL;
  g_autofree double *all = NULL;
  g_autofree double *all_bare = NULL;
  sqlite3 *db = NULL;
  Stats total, total_bare;
  double worst_count = 0;
  guint n_all = 0;

  if (given == NULL)
    {
      dir = g_dir_make_tmp ("bespoke-bench-search-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bench.db", NULL);
    }
  else
    path = g_strdup (given);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    make_database (path);

  if (!(store = bespoke_store_open (path, &error)))
    g_error ("%s", error->message);
  model = bespoke_people_model_new (store, BESPOKE_PEOPLE_ALL);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  for (guint q = 0; q < (argc > 3 ? (guint) argc - 3 : G_N_ELEMENTS (typed)); q++)
    {
      const char *query = argc > 3 ? argv[3 + q] : typed[q];

      for (gsize len = 1; len <= strlen (query); len++)
        g_ptr_array_add (keys, g_strndup (query, len));
    }
  all = g_new0 (double, keys->len * rounds);
  all_bare = g_new0 (double, keys->len * rounds);

  printf ("%u people, %u rounds of each keystroke; the model: set_search, get_n_items, the first %d items\n",
          g_list_model_get_n_items (G_LIST_MODEL (model)), rounds, N_SHOWN);
  printf ("%-10s %7s %9s %9s %9s %9s %8s %9s %9s\n", "typed", "hits", "mean ms", "p95 ms", "worst ms",
          "bare ms", "x bare", "count ms", "worst");

  /* one warm-up pass: the first read of the index from disk is not typing */
  for (guint k = 0; k < keys->len; k++)
    {
      guint hits;
      double count_ms;
      time_model (model, keys->pdata[k], &hits, &count_ms);
      time_bare (db, keys->pdata[k], &hits);
    }

  for (guint k = 0; k < keys->len; k++)
    {
      g_autofree double *ms = g_new0 (double, rounds);
      g_autofree double *bare = g_new0 (double, rounds);
      g_autofree double *count = g_new0 (double, rounds);
      guint hits = 0, bare_hits = 0;
      Stats s, b, c;

      for (guint r = 0; r < rounds; r++)
        {
          /* the keystroke before it, untimed, so that each is a change */
          bespoke_people_model_set_search (model, k > 0 ? keys->pdata[k - 1] : NULL);
          ms[r] = time_model (model, keys->pdata[k], &hits, &count[r]);
          bare[r] = time_bare (db, keys->pdata[k], &bare_hits);
          all[n_all] = ms[r];
          all_bare[n_all++] = bare[r];
        }
      if (hits != bare_hits)
        g_error ("\"%s\": the model found %u, the bare query %u", (char *) keys->pdata[k], hits, bare_hits);
      s = stats_of (ms, rounds);
      b = stats_of (bare, rounds);
      c = stats_of (count, rounds);
      worst_count = MAX (worst_count, c.worst);
      printf ("%-10s %7u %9.2f %9.2f %9.2f %9.2f %8.2f %9.2f %9.2f\n", (char *) keys->pdata[k], hits,
              s.mean, s.p95, s.worst, b.mean, s.mean / b.mean, c.mean, c.worst);
    }

  total = stats_of (all, n_all);
  total_bare = stats_of (all_bare, n_all);
  printf ("\nall keystrokes: mean %.2f ms, p95 %.2f ms, worst %.2f ms\n", total.mean, total.p95, total.worst);
  printf ("ratio to one frame (%.0f ms): mean %.2f, p95 %.2f, worst %.2f\n", TARGET_MS,
          total.mean / TARGET_MS, total.p95 / TARGET_MS, total.worst / TARGET_MS);
  printf ("bare SQLite query: mean %.2f ms, worst %.2f ms; the model's ratio to it: mean %.2f\n",
          total_bare.mean, total_bare.worst, total.mean / total_bare.mean);
  printf ("a broad search's count, on its thread, back after at worst %.2f ms (typing not blocked)\n",
          worst_count);

  sqlite3_close (db);
  g_clear_object (&model);
  g_clear_object (&store);
  if (dir != NULL)
    {
      bespoke_store_delete_database_files (path, NULL);
      g_rmdir (dir);
    }
  return 0;
}
