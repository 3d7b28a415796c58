/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Snapshots: how a whole import is undone. */
#define G_LOG_DOMAIN "bespoke-test-snapshot"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-test-util.h"

static void
save_person (BespokeStore *store,
             const char   *name)
{
  g_autoptr(BespokePerson) p = bespoke_person_new ();
  g_autoptr(GError) error = NULL;

  bespoke_person_set_name (p, name);
  g_assert_true (bespoke_store_save (store, p, &error));
  g_assert_no_error (error);
}

static void
on_changed_cb (BespokeStore *store,
               GType         type,
               const char   *uuid,
               gpointer      user_data)
{
  if (type == BESPOKE_TYPE_RECORD && uuid == NULL)
    (*(guint *) user_data)++;
}

static void
test_snapshot_restore (gconstpointer data)
{
  const char *where = data;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_str_equal (where, "file") ? g_build_filename (dir, "x.db", NULL) : g_strdup (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (path, &error);
  g_autoptr(BespokePeopleModel) model = NULL;
  g_autofree char *snapshot = NULL;
  guint everything = 0;
  struct stat st;

  g_assert_no_error (error);
  g_assert_true (bespoke_example_install (store, &error));
  model = bespoke_people_model_new (store, BESPOKE_PEOPLE_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &everything);

  snapshot = bespoke_store_snapshot (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (snapshot, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* a big change: two people added, Paul's plan deleted */
  save_person (store, "Imported One");
  save_person (store, "Imported Two");
  {
    g_autoptr(GPtrArray) plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN, BESPOKE_EXAMPLE_PAUL_UUID, &error);
    g_assert_true (bespoke_store_delete (store, g_ptr_array_index (plans, 0), &error));
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 13);

  /* undone: eleven people, Paul's plan back, and the model told */
  g_assert_true (bespoke_store_restore (store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (everything, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_PERSON, &error), ==, 11);
  {
    g_autoptr(GPtrArray) plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN, BESPOKE_EXAMPLE_PAUL_UUID, &error);
    g_autoptr(BespokeCostReport) report = NULL;

    g_assert_cmpuint (plans->len, ==, 1);
    report = bespoke_costing_report (store, bespoke_record_get_uuid (g_ptr_array_index (plans, 0)), &error);
    g_assert_no_error (error);
    g_assert_cmpint (report->committed, ==, 2200000);  /* domain.md: £22,000 */
  }

  /* and the store goes on working */
  save_person (store, "After The Undo");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 12);

  g_unlink (snapshot);
}

static void
write_file (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "x", 1, &error));
  g_assert_no_error (error);
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* An undo copy goes with its three journals, and only with them. */
static void
test_delete_database_files (void)
{
  static const char *deleted[] = { "x.db", "x.db-wal", "x.db-shm", "x.db-journal" };
  static const char *kept[] = { "x.db-other", "x.dbx", "y.db" };
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (deleted); i++)
    write_file (dir, deleted[i]);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    write_file (dir, kept[i]);

  g_assert_true (bespoke_store_delete_database_files (path, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (deleted); i++)
    g_assert_false (exists (dir, deleted[i]));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_assert_true (exists (dir, kept[i]));

  /* files that are not there are not an error, and neither is no path */
  g_assert_true (bespoke_store_delete_database_files (path, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_store_delete_database_files (NULL, &error));
  g_assert_no_error (error);

  /* only the WAL and the journal left: both go */
  write_file (dir, "x.db-wal");
  write_file (dir, "x.db-journal");
  g_assert_true (bespoke_store_delete_database_files (path, &error));
  g_assert_no_error (error);
  g_assert_false (exists (dir, "x.db-wal"));
  g_assert_false (exists (dir, "x.db-journal"));

  /* one that cannot be deleted (a folder) is an error, but the others still go */
  {
    g_autofree char *shm = g_build_filename (dir, "x.db-shm", NULL);

    write_file (dir, "x.db");
    write_file (dir, "x.db-journal");
    g_assert_cmpint (g_mkdir (shm, 0700), ==, 0);
    g_assert_false (bespoke_store_delete_database_files (path, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == G_IO_ERROR);
    g_clear_error (&error);
    g_assert_false (exists (dir, "x.db"));
    g_assert_false (exists (dir, "x.db-journal"));
    g_assert_true (exists (dir, "x.db-shm"));
    g_rmdir (shm);
  }

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *kept_path = g_build_filename (dir, kept[i], NULL);
      g_unlink (kept_path);
    }
  g_rmdir (dir);
}

/* A real snapshot, deleted with whatever SQLite left beside it */
static void
test_delete_snapshot (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (path, &error);
  g_autofree char *snapshot = NULL;

  g_assert_no_error (error);
  save_person (store, "Someone");
  snapshot = bespoke_store_snapshot (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (snapshot, G_FILE_TEST_EXISTS));

  g_assert_true (bespoke_store_delete_database_files (snapshot, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (snapshot, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/snapshot/memory", "memory", test_snapshot_restore);
  g_test_add_data_func ("/snapshot/file", "file", test_snapshot_restore);
  g_test_add_func ("/snapshot/delete-database-files", test_delete_database_files);
  g_test_add_func ("/snapshot/delete", test_delete_snapshot);

  return g_test_run ();
}
