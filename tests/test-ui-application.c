/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-application"

#include "config.h"

#include <adwaita.h>

#include "bespoke-application.h"
#include "bespoke-core.h"
#include "bespoke-window.h"
#include "bespoke-test-util.h"
#include "app-test-util.h"


static guint
count_windows (BespokeApplication *app,
               GType               type)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      n++;
  return n;
}

static BespokeWindow *
first_window (BespokeApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (BESPOKE_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Runs Bespoke on @path, calls @func once it has started, quits, and
 * checks that the application is freed. */
static void
run_application (const char *path,
                 AppTest     func)
{
  run_application_full (path, func, TRUE, G_PRIORITY_DEFAULT_IDLE);
}

static char *
temp_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS makes this a fresh folder, removed after */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static void
open_database (BespokeApplication *app,
               const char         *path)
{
  g_autofree char *other = temp_path ("other.db");
  BespokeWindow *window = first_window (app);

  /* --database opened the file named, and a window shows it */
  g_assert_cmpuint (count_windows (app, BESPOKE_TYPE_WINDOW), ==, 1);
  g_assert_cmpstr (bespoke_store_get_path (bespoke_window_get_store (window)), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The same database again brings its window forward */
  bespoke_application_open_database (app, path);
  g_assert_cmpuint (count_windows (app, BESPOKE_TYPE_WINDOW), ==, 1);

  /* Another database has a window of its own */
  bespoke_application_open_database (app, other);
  g_assert_cmpuint (count_windows (app, BESPOKE_TYPE_WINDOW), ==, 2);
}

static void
test_open_database (void)
{
  g_autofree char *path = temp_path ("planner.db");

  run_application (path, open_database);
}

static void
open_failure (BespokeApplication *app,
              const char         *path)
{
  /* Not a database: no window for it, and a dialog that says so */
  g_assert_cmpuint (count_windows (app, BESPOKE_TYPE_WINDOW), ==, 0);
  g_assert_cmpuint (count_windows (app, ADW_TYPE_MESSAGE_DIALOG), ==, 1);
}

static void
test_open_failure (void)
{
  g_autofree char *path = temp_path ("shopping-list.txt");
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "Bread, milk, eggs, and a new kettle.\n", -1, &error);
  g_assert_no_error (error);

  /* With no window open, the dialog has no parent; libadwaita notes that. */
  g_test_expect_message ("Adwaita", G_LOG_LEVEL_MESSAGE, "*without a transient parent*");
  run_application (path, open_failure);
  g_test_assert_expected_messages ();
}

static void
about (BespokeApplication *app,
       const char         *path)
{
  gboolean found = FALSE;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_ABOUT_WINDOW (l->data))
      {
        g_assert_cmpstr (adw_about_window_get_application_name (l->data), ==, "Bespoke");
        g_assert_true (gtk_window_get_transient_for (l->data) == GTK_WINDOW (first_window (app)));
        gtk_window_destroy (l->data);
        found = TRUE;
      }
  g_assert_true (found);
}

static void
test_about (void)
{
  g_autofree char *path = temp_path ("about.db");

  run_application (path, about);
}

/* app.new-person, the launcher's "New Person" action (issue #15): the New
 * Person dialog, over the window that is open. */
static void
new_person (BespokeApplication *app,
            const char         *path)
{
  gboolean found = FALSE;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-person", NULL);
  g_assert_cmpuint (count_windows (app, BESPOKE_TYPE_WINDOW), ==, 1);

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), "New Person") == 0)
      {
        g_assert_true (gtk_window_get_transient_for (l->data) == GTK_WINDOW (first_window (app)));
        gtk_window_destroy (l->data);
        found = TRUE;
      }
  g_assert_true (found);
}

static void
test_new_person_action (void)
{
  g_autofree char *path = temp_path ("new-person.db");

  run_application (path, new_person);
}

/* Quitting while a session runs: closing the person's window closes the
 * TV window too, and quitting then must not close it a second time (it
 * warned "invalid unclassed pointer in cast to GtkWidget", which
 * G_DEBUG=fatal-warnings makes fatal) */
static void
quit_during_session (BespokeApplication *app,
                     const char         *path)
{
  BespokeWindow *window = first_window (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) person = bespoke_window_add_person (window, "Paul Roberts", "Paul", FALSE, &error);

  g_assert_no_error (error);
  bespoke_window_show_person (window, person);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-session", NULL));
  /* the person's window and the TV window, the person's first (the capture
   * entry has the keyboard), as when a planner presses Ctrl+Q */
  gtk_window_present (GTK_WINDOW (window));
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       gtk_application_get_windows (GTK_APPLICATION (app))->data != window && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == window);
}

static void
test_quit_during_session (void)
{
  g_autofree char *path = temp_path ("session.db");

  run_application (path, quit_during_session);
}

/* app.export with a search that found 1,200 people: the choice names them
 * as people read a count, "The 1,200 People Found" */
static void
export_found (BespokeApplication *app,
              const char         *path)
{
  BespokeWindow *window = first_window (app);
  gboolean found = FALSE;

  bespoke_people_model_set_search (bespoke_window_get_people_model (window), "person");
  g_action_group_activate_action (G_ACTION_GROUP (app), "export", NULL);

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), "Export Which People?") == 0)
      {
        g_assert_cmpstr (adw_message_dialog_get_response_label (l->data, "found"), ==, "The 1,200 People _Found");
        gtk_window_destroy (l->data);
        found = TRUE;
      }
  g_assert_true (found);
}

static void
test_export_found (void)
{
  g_autofree char *path = temp_path ("found.db");
  g_autoptr(GError) error = NULL;
  BespokeStore *store = bespoke_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (bespoke_store_begin (store, &error));
  for (guint i = 1; i <= 1200; i++)
    {
      g_autoptr(BespokePerson) person = bespoke_person_new ();
      g_autofree char *name = g_strdup_printf ("Person %04u", i);

      bespoke_person_set_name (person, name);
      g_assert_true (bespoke_store_save (store, BESPOKE_RECORD (person), &error));
    }
  g_assert_true (bespoke_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  run_application (path, export_found);
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/application/open-database", test_open_database);
  g_test_add_func ("/application/open-failure", test_open_failure);
  g_test_add_func ("/application/about", test_about);
  g_test_add_func ("/application/new-person", test_new_person_action);
  g_test_add_func ("/application/export-found", test_export_found);
  g_test_add_func ("/application/quit-during-session", test_quit_during_session);

  return g_test_run ();
}
