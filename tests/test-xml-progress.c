/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Long exports and imports (issue #13): their progress reaches the total,
 * a Cancel part-way leaves nothing behind (no file, no temporary file, the
 * sync marks and the database as they were), and a save on the window's
 * connection succeeds while an export runs on its thread. */
#define G_LOG_DOMAIN "bespoke-test-xml-progress"

#include <sqlite3.h>

#include "bespoke-seal.h"
#include "bespoke-synth.h"
#include "bespoke-test-util.h"
#include "bespoke-export-job.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-import.h"

#define N_PEOPLE 200  /* synth's people: the total the progress must reach */

/* A database file in @dir holding N_PEOPLE synthetic people, nothing else */
static BespokeStore *
synth_store (const char *dir,
             const char *name)
{
  g_autofree char *db = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  BespokeStore *store = open_store_at (db);

  bespoke_synth_people (store, N_PEOPLE, 7, NULL, NULL, &error);
  g_assert_no_error (error);
  return store;
}

typedef struct
{
  guint64       calls;
  guint64       last_done;
  guint64       last_total;
  guint64       cancelled_at;  /* done when Cancel was pressed; 0: never */
  GCancellable *cancel;        /* pressed at the first call, if set */
} Seen;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Seen *seen = user_data;

  if (done == BESPOKE_XML_PROGRESS_FINISHING)
    return;
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, seen->last_done);
  seen->calls++;
  seen->last_done = done;
  seen->last_total = total;
  if (seen->cancel != NULL && seen->cancelled_at == 0)
    {
      seen->cancelled_at = MAX (done, 1);
      g_cancellable_cancel (seen->cancel);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every name in @dir, sorted, one a line */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* The database's every row, table by table, through a connection of the
 * test's own: equal text, equal database */
static char *
dump_database (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", (const char *) sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (out, "[%s]\n", (const char *) sqlite3_column_text (tables, 0));
      if (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) != SQLITE_OK)
        continue;  /* a virtual table's shadow that cannot be read alone */
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (rows, c) ? (const char *) sqlite3_column_text (rows, c) : "∅");
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
test_export_counts (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = synth_store (dir, "people.db");
  g_autofree char *path = g_build_filename (dir, "all.bespoke", NULL);
  g_autoptr(GError) error = NULL;
  Seen seen = { 0 };

  g_assert_true (bespoke_xml_export_with_progress (store, BESPOKE_XML_EXPORT_ALL, NULL, path, NULL,
                                                   progress_cb, &seen, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.calls, >=, 1);
  g_assert_cmpuint (seen.last_total, ==, N_PEOPLE);
  g_assert_cmpuint (seen.last_done, ==, N_PEOPLE);
}

/* Cancelled at its first report, @passphrase or not: the file that was
 * there is as it was, nothing else is in the folder (or in the private
 * folder), and the export's sync mark has not moved. */
static void
check_export_cancel (const char *passphrase)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = synth_store (dir, "people.db");
  g_autofree char *path = g_build_filename (dir, "all.bespoke", NULL);
  g_autofree char *private_dir = g_build_filename (g_get_user_cache_dir (), "bespoke", "private", NULL);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *contents = NULL, *private_after = NULL;
  Seen seen = { .cancel = cancel };
  gint64 mark;

  /* one export first: the replica id and the mark exist */
  g_assert_true (bespoke_xml_export (store, BESPOKE_XML_EXPORT_ALL, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "the file that was there", -1, &error));
  mark = bespoke_store_get_sync_mark (store, BESPOKE_XML_SYNC_ALL, NULL);
  g_assert_cmpint (mark, >, 0);
  before = list_dir (dir);

  g_assert_false (bespoke_xml_export_with_progress (store, BESPOKE_XML_EXPORT_ALL, NULL, path, passphrase,
                                                    progress_cb, &seen, cancel, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* part-way: pressed when some people were written, not all */
  g_assert_cmpuint (seen.cancelled_at, >=, 1);
  g_assert_cmpuint (seen.cancelled_at, <, N_PEOPLE);

  after = list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the file that was there");
  g_assert_cmpint (bespoke_store_get_sync_mark (store, BESPOKE_XML_SYNC_ALL, NULL), ==, mark);
  if (g_file_test (private_dir, G_FILE_TEST_IS_DIR))
    {
      private_after = list_dir (private_dir);
      g_assert_cmpstr (private_after, ==, "");
    }
}

static void
test_export_cancel (void)
{
  check_export_cancel (NULL);
}

static void
test_export_cancel_sealed (void)
{
  check_export_cancel ("correct horse battery staple");
}

/* ---- a save while an export runs ---------------------------------------- */

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean reported;  /* the export's thread is part-way and waiting */
  gboolean saved;     /* the main thread has saved: it may go on */
  gboolean done;
  gboolean ok;
  GError  *error;
} Meanwhile;

/* On the export's thread: the first report waits for the save */
static void
wait_for_save_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  Meanwhile *m = user_data;

  g_mutex_lock (&m->lock);
  if (!m->reported && done < total)
    {
      m->reported = TRUE;
      g_cond_broadcast (&m->cond);
      while (!m->saved)
        g_cond_wait (&m->cond, &m->lock);
    }
  g_mutex_unlock (&m->lock);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Meanwhile *m = user_data;

  m->ok = bespoke_xml_export_finish (BESPOKE_STORE (source), result, NULL, &m->error);
  m->done = TRUE;
}

static void
test_save_during_export (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = synth_store (dir, "people.db");
  g_autofree char *path = g_build_filename (dir, "all.bespoke", NULL);
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(BespokeRecord) reloaded = NULL;
  Meanwhile m = { 0 };
  gboolean reported = FALSE;

  g_mutex_init (&m.lock);
  g_cond_init (&m.cond);
  bespoke_person_set_name (person, "Marguerite Before");
  g_assert_true (bespoke_store_save (store, BESPOKE_RECORD (person), &error));
  g_assert_no_error (error);

  bespoke_xml_export_async (store, BESPOKE_XML_EXPORT_ALL, NULL, path, NULL, wait_for_save_cb, &m, NULL,
                            NULL, exported_cb, &m);

  /* the export is part-way, on its thread, holding its snapshot open */
  g_mutex_lock (&m.lock);
  while (!m.reported)
    g_cond_wait (&m.cond, &m.lock);
  g_mutex_unlock (&m.lock);

  /* the window's autosave, on its own connection, meanwhile: it must not
   * wait for the export's lock */
  bespoke_person_set_name (person, "Marguerite During");
  reported = bespoke_store_save (store, BESPOKE_RECORD (person), &error);
  g_assert_no_error (error);
  g_assert_true (reported);

  g_mutex_lock (&m.lock);
  m.saved = TRUE;
  g_cond_broadcast (&m.cond);
  g_mutex_unlock (&m.lock);
  while (!m.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (m.error);
  g_assert_true (m.ok);

  /* the file is the snapshot from before the save; the database has it */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Marguerite Before"));
  g_assert_null (strstr (contents, "Marguerite During"));
  reloaded = bespoke_store_load (store, BESPOKE_TYPE_PERSON, bespoke_record_get_uuid (BESPOKE_RECORD (person)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_person_get_name (BESPOKE_PERSON (reloaded)), ==, "Marguerite During");
  g_mutex_clear (&m.lock);
  g_cond_clear (&m.cond);
}

/* ---- imports ------------------------------------------------------------ */

/* A file of N_PEOPLE people, and a database of the example data to import
 * it into */
static void
make_import (const char    *dir,
             char         **out_file,
             BespokeStore **out_store)
{
  g_autoptr(BespokeStore) from = synth_store (dir, "from.db");
  g_autofree char *db = g_build_filename (dir, "into.db", NULL);
  g_autoptr(GError) error = NULL;

  *out_file = g_build_filename (dir, "people.bespoke", NULL);
  g_assert_true (bespoke_xml_export (from, BESPOKE_XML_EXPORT_ALL, NULL, *out_file, &error));
  g_assert_no_error (error);
  *out_store = open_store_at (db);
  bespoke_example_install (*out_store, &error);
  g_assert_no_error (error);
}

static void
test_import_counts (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *file = NULL;
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { 0 };

  make_import (dir, &file, &store);
  report = bespoke_xml_import_with_progress (store, file, BESPOKE_XML_IMPORT_DEFAULT, NULL, NULL,
                                             progress_cb, &seen, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PERSON], ==, N_PEOPLE);
  g_assert_cmpuint (seen.last_total, ==, N_PEOPLE);
  g_assert_cmpuint (seen.last_done, ==, N_PEOPLE);
}

static void
test_import_cancel (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *file = NULL;
  g_autofree char *db = g_build_filename (dir, "into.db", NULL);
  g_autofree char *conflicts = g_build_filename (dir, "conflicts.xml", NULL);
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *listing = NULL, *listing_after = NULL;
  Seen seen = { .cancel = cancel };

  make_import (dir, &file, &store);
  before = dump_database (db);
  listing = list_dir (dir);
  report = bespoke_xml_import_with_progress (store, file, BESPOKE_XML_IMPORT_DEFAULT, cancel, conflicts,
                                             progress_cb, &seen, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_assert_cmpuint (seen.cancelled_at, >=, 1);
  g_assert_cmpuint (seen.cancelled_at, <, N_PEOPLE);

  after = dump_database (db);
  g_assert_cmpstr (after, ==, before);
  listing_after = list_dir (dir);
  g_assert_cmpstr (listing_after, ==, listing);
}

/* Counts read as UK English writes them */
static void
test_describe (void)
{
  const struct { guint64 done, total; const char *text; } cases[] = {
    { 31200, 100000, "31,200 of 100,000 people" },
    { 0, 1, "0 of 1 person" },
    { 999, 1000, "999 of 1,000 people" },
    { 1234567, 1234567, "1,234,567 of 1,234,567 people" },
    { 5, 2, "2 of 2 people" },  /* never more done than there are */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bespoke_xml_progress_describe (cases[i].done, cases[i].total);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xml-progress/describe", test_describe);
  g_test_add_func ("/xml-progress/export-counts", test_export_counts);
  g_test_add_func ("/xml-progress/export-cancel", test_export_cancel);
  g_test_add_func ("/xml-progress/export-cancel-sealed", test_export_cancel_sealed);
  g_test_add_func ("/xml-progress/save-during-export", test_save_during_export);
  g_test_add_func ("/xml-progress/import-counts", test_import_counts);
  g_test_add_func ("/xml-progress/import-cancel", test_import_cancel);
  return g_test_run ();
}
