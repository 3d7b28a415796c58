/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bespoke-application.h"
#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-exchange.h"
#include "bespoke-import-dialog.h"
#include "bespoke-progress-dialog.h"
#include "bespoke-test-util.h"
#include "bespoke-window.h"

/* The example data has 11 people: Paul, Jennie, Anne-Marie, Danny and Sam,
 * and the six residents of Oak House (Ann, Ben, Cara, Dev, Ellie, Frank). */
#define EXAMPLE_PEOPLE 11

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = temp_dir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static BespokeStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return open_store_at (path);
}

static guint
count_people (BespokeStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, NULL, &error);

  g_assert_no_error (error);
  return n;
}

/* Exports everything in a store holding the example data to @name. */
static GFile *
export_example (Fixture    *f,
                const char *name)
{
  g_autoptr(BespokeStore) store = open_store (f, "example.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_exchange_export (store, NULL, file, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  return g_steal_pointer (&file);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until the dialog's dry run or import, in its worker
 * thread, is done: 60 seconds at most. */
static void
wait_for (BespokeImportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (bespoke_import_dialog_get_busy (dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

/* The preview of @file, once its dry run is done. */
static BespokeImportDialog *
preview_new (BespokeStore *store,
             GFile        *file)
{
  BespokeImportDialog *dialog = g_object_ref (bespoke_import_dialog_new (NULL, store, file));

  wait_for (dialog);
  return dialog;
}

/* Chooses Import and waits for the import to be done. */
static void
choose_import (BespokeImportDialog *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  wait_for (dialog);
}

static void
on_imported_cb (BespokeImportDialog *dialog,
                const char          *snapshot,
                const char          *title,
                gpointer             user_data)
{
  char **out = user_data;

  g_assert_null (*out);
  *out = g_strdup (snapshot);
  g_object_set_data_full (G_OBJECT (dialog), "test-title", g_strdup (title), g_free);
}

static void
count_committed_cb (guint *n)
{
  (*n)++;
}

static void
close_dialog (BespokeImportDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* The example data, previewed against an empty database: 11 new people,
 * nothing to update, no conflicts, and the dry run changes nothing. */
static void
test_preview_counts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = export_example (f, "everyone.bespoke");
  g_autoptr(BespokeStore) store = open_store (f, "empty.db");
  BespokeImportDialog *dialog = preview_new (store, file);
  const char *summary = bespoke_import_dialog_get_summary (dialog);

  g_assert_null (bespoke_import_dialog_get_error (dialog));
  g_assert_nonnull (summary);
  g_assert_true (g_str_has_prefix (summary, "11 new people, 0 updated, 0 conflicts"));
  g_assert_cmpuint (bespoke_import_dialog_get_n_conflicts (dialog), ==, 0);
  g_assert_cmpuint (count_people (store), ==, 0);

  close_dialog (dialog);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Laptops A and B start from the same office database; each changes the
 * worker on Paul's second support line.  A's export, previewed on B, is one
 * conflict: that line. */
typedef struct
{
  BespokeStore *b;
  char         *line;
  GFile        *from_a;
} Laptops;

static void
set_worker (BespokeStore *store,
            const char   *uuid,
            const char   *worker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeSupportLine) line = bespoke_store_load (store, BESPOKE_TYPE_SUPPORT_LINE, uuid, &error);

  g_assert_no_error (error);
  bespoke_support_line_set_worker (line, worker);
  bespoke_store_save (store, line, &error);
  g_assert_no_error (error);
}

static char *
worker_of (BespokeStore *store,
           const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeSupportLine) line = bespoke_store_load (store, BESPOKE_TYPE_SUPPORT_LINE, uuid, &error);

  g_assert_no_error (error);
  return g_strdup (bespoke_support_line_get_worker (line));
}

static void
laptops_set_up (Fixture *f,
                Laptops *l)
{
  g_autoptr(BespokeStore) office = open_store (f, "office.db");
  g_autoptr(BespokeStore) a = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = g_build_filename (f->dir, "sent.bespoke", NULL);
  g_autoptr(GFile) sent_file = g_file_new_for_path (sent);
  g_autofree char *office_db = g_build_filename (f->dir, "office.db", NULL);
  g_autofree char *a_db = g_build_filename (f->dir, "a.db", NULL);
  g_autofree char *b_db = g_build_filename (f->dir, "b.db", NULL);
  g_autofree char *from_a = g_build_filename (f->dir, "from-a.bespoke", NULL);

  bespoke_example_install (office, &error);
  g_assert_no_error (error);
  /* the last sync: everything is in step after this export */
  g_assert_true (bespoke_exchange_export (office, NULL, sent_file, &error));
  plans = bespoke_store_list (office, BESPOKE_TYPE_PLAN, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, >=, 1);
  lines = bespoke_store_list (office, BESPOKE_TYPE_SUPPORT_LINE, bespoke_record_get_uuid (plans->pdata[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, >=, 2);
  l->line = g_strdup (bespoke_record_get_uuid (lines->pdata[1]));
  g_assert_finalize_object (g_steal_pointer (&office));

  copy_file (office_db, a_db);
  copy_file (office_db, b_db);
  a = open_store (f, "a.db");
  l->b = open_store (f, "b.db");

  set_worker (a, l->line, "Alice Green");
  set_worker (l->b, l->line, "Bob White");

  l->from_a = g_file_new_for_path (from_a);
  g_assert_true (bespoke_exchange_export (a, NULL, l->from_a, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&a));
}

static void
laptops_tear_down (Laptops *l)
{
  g_assert_finalize_object (l->b);
  g_object_unref (l->from_a);
  g_free (l->line);
}

/* Searches @widget's labels for @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* The preview lists what will change, by person and kind, as the core
 * counted it: laptop A changes one of Paul's statements and adds a risk
 * to his plan; its export, previewed on B (untouched since the last sync),
 * is "1 statement updated for Paul Roberts" and "1 risk added for Paul
 * Roberts", and nothing else, with no conflicts. */
static void
test_preview_lists (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BespokeStore) office = open_store (f, "office.db");
  g_autoptr(BespokeStore) a = NULL;
  g_autoptr(BespokeStore) b = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(BespokeRisk) risk = bespoke_risk_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = g_build_filename (f->dir, "sent.bespoke", NULL);
  g_autoptr(GFile) sent_file = g_file_new_for_path (sent);
  g_autofree char *office_db = g_build_filename (f->dir, "office.db", NULL);
  g_autofree char *a_db = g_build_filename (f->dir, "a.db", NULL);
  g_autofree char *b_db = g_build_filename (f->dir, "b.db", NULL);
  g_autofree char *from_a = g_build_filename (f->dir, "from-a.bespoke", NULL);
  g_autoptr(GFile) from_a_file = g_file_new_for_path (from_a);
  BespokeImportDialog *dialog;
  GtkWidget *list;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  BespokeStatement *statement;

  bespoke_example_install (office, &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_exchange_export (office, NULL, sent_file, &error));
  g_assert_finalize_object (g_steal_pointer (&office));
  copy_file (office_db, a_db);
  copy_file (office_db, b_db);
  a = open_store (f, "a.db");
  b = open_store (f, "b.db");

  statements = bespoke_store_list (a, BESPOKE_TYPE_STATEMENT, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);
  statement = statements->pdata[0];
  bespoke_statement_set_text (statement, "I like my garage tidy, and so does my boss.");
  g_assert_true (bespoke_store_save (a, statement, &error));
  plans = bespoke_store_list (a, BESPOKE_TYPE_PLAN, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);
  bespoke_risk_set_plan_uuid (risk, bespoke_record_get_uuid (plans->pdata[0]));
  bespoke_risk_set_position (risk, 10);
  bespoke_risk_set_description (risk, "The bus to work stops running.");
  g_assert_true (bespoke_store_save (a, risk, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_exchange_export (a, NULL, from_a_file, &error));
  g_assert_no_error (error);

  dialog = preview_new (b, from_a_file);
  g_assert_null (bespoke_import_dialog_get_error (dialog));
  g_assert_cmpuint (bespoke_import_dialog_get_n_conflicts (dialog), ==, 0);
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), BESPOKE_TYPE_IMPORT_DIALOG, "changes_list"));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (list)));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (rows, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (rows->pdata[0], ==, "1 statement updated for Paul Roberts");
  g_assert_cmpstr (rows->pdata[1], ==, "1 risk added for Paul Roberts");
  /* the headline counts records, not people */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), BESPOKE_TYPE_IMPORT_DIALOG,
                                                                                 "summary_label"))),
                   ==, "0 new people, 1 record updated, 0 conflicts");

  close_dialog (dialog);
  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
}

/* A file with many changes lists the first 50 and says how many more:
 * 1,060 people with nothing but a name are 1,060 changes ("Person 0001 is
 * new" …), so 50 rows, then "And 1,010 more changes"; counts are written
 * as "1,060", with a comma between each group of three digits. */
static void
test_preview_many_changes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BespokeStore) sender = open_store (f, "sender.db");
  g_autoptr(BespokeStore) empty = open_store (f, "empty.db");
  g_autofree char *path = g_build_filename (f->dir, "sixty.bespoke", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BespokeImportDialog *dialog;
  GtkWidget *list, *row;
  guint n = 0;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (bespoke_store_begin (sender, &error));
  for (guint i = 1; i <= 1060; i++)
    {
      g_autoptr(BespokePerson) person = bespoke_person_new ();
      g_autofree char *name = g_strdup_printf ("Person %04u", i);

      bespoke_person_set_name (person, name);
      g_assert_true (bespoke_store_save (sender, BESPOKE_RECORD (person), &error));
      g_assert_no_error (error);
    }
  g_assert_true (bespoke_store_commit (sender, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_exchange_export (sender, NULL, file, &error));
  g_assert_no_error (error);

  dialog = preview_new (empty, file);
  g_assert_null (bespoke_import_dialog_get_error (dialog));
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), BESPOKE_TYPE_IMPORT_DIALOG, "changes_list"));
  /* the rows come ten a frame: building and measuring 51 at once held
   * the window too long for a large file */
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  g_assert_cmpuint (n, ==, 10);
  while (n < 51)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
      n = 0;
      for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        n++;
    }
  n = 0;
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (++n <= 50)
      g_assert_cmpstr (gtk_widget_get_name (row), ==, "change");
  g_assert_cmpuint (n, ==, 51);
  row = gtk_widget_get_last_child (list);
  g_assert_cmpstr (gtk_widget_get_name (row), ==, "more-changes");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "And 1,010 more changes");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), BESPOKE_TYPE_IMPORT_DIALOG,
                                                                                 "summary_label"))),
                   ==, "1,060 new people, 0 records updated, 0 conflicts");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), BESPOKE_TYPE_IMPORT_DIALOG,
                                                                                                 "detail_label"))),
                                   "1,060 new records in all"));

  /* and the toast after the import says so */
  {
    g_autofree char *snapshot = NULL;

    g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &snapshot);
    choose_import (dialog);
    g_assert_nonnull (snapshot);
    g_assert_cmpstr (g_object_get_data (G_OBJECT (dialog), "test-title"), ==, "Imported 1,060 people");
    bespoke_exchange_delete_snapshot (snapshot);
  }

  close_dialog (dialog);
  g_assert_finalize_object (g_steal_pointer (&sender));
  g_assert_finalize_object (g_steal_pointer (&empty));
}

/* The conflict row says which record and what differs, keeps ours unless
 * told otherwise, and Import then leaves B's worker alone. */
static void
test_conflict_keeps_ours (Fixture       *f,
                          gconstpointer  data)
{
  Laptops l = { 0 };
  BespokeImportDialog *dialog;
  g_autofree char *snapshot = NULL;
  g_autofree char *worker = NULL;

  laptops_set_up (f, &l);
  dialog = preview_new (l.b, l.from_a);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &snapshot);

  g_assert_null (bespoke_import_dialog_get_error (dialog));
  g_assert_true (g_str_has_prefix (bespoke_import_dialog_get_summary (dialog), "0 new people, 0 updated, 1 conflict"));
  g_assert_cmpuint (bespoke_import_dialog_get_n_conflicts (dialog), ==, 1);
  g_assert_cmpint (bespoke_import_dialog_get_choice (dialog, 0), ==, BESPOKE_IMPORT_KEEP_OURS);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bespoke_import_dialog_get_choice_button (dialog, 0, BESPOKE_IMPORT_KEEP_OURS))));
  /* which record, and both values, in words */
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Support line"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Paul Roberts"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Worker: Bob White here, Alice Green in the file"));

  choose_import (dialog);
  g_assert_nonnull (snapshot);
  worker = worker_of (l.b, l.line);
  g_assert_cmpstr (worker, ==, "Bob White");
  /* the file holds all 11 example people */
  g_assert_cmpstr (g_object_get_data (G_OBJECT (dialog), "test-title"), ==, "Imported 11 people");

  bespoke_exchange_delete_snapshot (snapshot);
  close_dialog (dialog);
  laptops_tear_down (&l);
}

/* Choosing "Take Theirs" puts the file's worker in B. */
static void
test_conflict_take_theirs (Fixture       *f,
                           gconstpointer  data)
{
  Laptops l = { 0 };
  BespokeImportDialog *dialog;
  g_autofree char *snapshot = NULL;
  g_autofree char *worker = NULL;
  GtkWidget *take;

  laptops_set_up (f, &l);
  dialog = preview_new (l.b, l.from_a);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &snapshot);

  take = bespoke_import_dialog_get_choice_button (dialog, 0, BESPOKE_IMPORT_TAKE_THEIRS);
  /* as a click does (gtk_widget_activate only clicks after a short animation) */
  g_signal_emit_by_name (take, "clicked");
  g_assert_cmpint (bespoke_import_dialog_get_choice (dialog, 0), ==, BESPOKE_IMPORT_TAKE_THEIRS);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bespoke_import_dialog_get_choice_button (dialog, 0, BESPOKE_IMPORT_KEEP_OURS))));
  /* nothing changes before Import */
  worker = worker_of (l.b, l.line);
  g_assert_cmpstr (worker, ==, "Bob White");
  g_clear_pointer (&worker, g_free);

  choose_import (dialog);
  worker = worker_of (l.b, l.line);
  g_assert_cmpstr (worker, ==, "Alice Green");

  bespoke_exchange_delete_snapshot (snapshot);
  close_dialog (dialog);
  laptops_tear_down (&l);
}

/* Searches @widget's entries for one holding exactly @text. */
static gboolean
shows_entry_text (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_EDITABLE (widget) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_entry_text (child, text))
      return TRUE;
  return FALSE;
}

static void
run_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* #14: "Take Theirs" while the person is open in the window.  Paul's plan
 * is on screen with this laptop's worker, Bob White; the file from the other
 * laptop has Alice Green.  After the import the open plan shows Alice Green
 * at once (it used to keep Bob White until another person was chosen and
 * then Paul again), and Paul is still the one shown. */
static void
test_import_while_open (Fixture       *f,
                        gconstpointer  data)
{
  Laptops l = { 0 };
  BespokeImportDialog *dialog;
  BespokeWindow *window;
  g_autofree char *snapshot = NULL;
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(GError) error = NULL;

  laptops_set_up (f, &l);
  window = g_object_ref (bespoke_window_new (NULL, l.b));
  gtk_window_present (GTK_WINDOW (window));
  paul = bespoke_store_load (l.b, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);
  bespoke_window_show_person (window, paul);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan"));
  run_pending ();
  g_assert_true (shows_entry_text (GTK_WIDGET (window), "Bob White"));
  g_assert_false (shows_entry_text (GTK_WIDGET (window), "Alice Green"));

  dialog = preview_new (l.b, l.from_a);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &snapshot);
  g_signal_emit_by_name (bespoke_import_dialog_get_choice_button (dialog, 0, BESPOKE_IMPORT_TAKE_THEIRS), "clicked");
  choose_import (dialog);
  run_pending ();

  g_assert_true (shows_entry_text (GTK_WIDGET (window), "Alice Green"));
  g_assert_false (shows_entry_text (GTK_WIDGET (window), "Bob White"));
  g_assert_cmpstr (bespoke_record_get_uuid (BESPOKE_RECORD (bespoke_window_get_person (window))), ==,
                   BESPOKE_EXAMPLE_PAUL_UUID);

  bespoke_exchange_delete_snapshot (snapshot);
  close_dialog (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  laptops_tear_down (&l);
}

/* Import 11 people into an empty database, then Undo in the toast: none
 * again, and the undo copy is deleted when the toast goes. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) file = export_example (f, "everyone.bespoke");
  g_autoptr(BespokeStore) store = open_store (f, "empty.db");
  BespokeImportDialog *dialog = preview_new (store, file);
  g_autofree char *snapshot = NULL;
  AdwToastOverlay *overlay;
  AdwToast *toast;
  guint committed = 0;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &snapshot);
  g_signal_connect_swapped (store, "committed", G_CALLBACK (count_committed_cb), &committed);
  g_assert_cmpuint (count_people (store), ==, 0);
  choose_import (dialog);
  /* imported on the worker's connection, and this one was told */
  g_assert_cmpuint (committed, ==, 1);
  g_assert_cmpuint (count_people (store), ==, EXAMPLE_PEOPLE);
  g_assert_nonnull (snapshot);
  g_assert_true (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (dialog), "test-title"), ==, "Imported 11 people");

  /* a toast is dismissed by the overlay that shows it */
  overlay = ADW_TOAST_OVERLAY (g_object_ref_sink (adw_toast_overlay_new ()));
  toast = g_object_ref (bespoke_exchange_import_toast_new (NULL, store, NULL, snapshot, "Imported 11 people"));
  adw_toast_overlay_add_toast (overlay, toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpuint (committed, ==, 2);
  g_assert_cmpuint (count_people (store), ==, 0);
  adw_toast_dismiss (toast);
  g_assert_false (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  /* nor SQLite's files beside it */
  {
    g_autofree char *wal = g_strconcat (snapshot, "-wal", NULL);
    g_autofree char *shm = g_strconcat (snapshot, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
  g_assert_finalize_object (toast);
  g_assert_finalize_object (overlay);

  close_dialog (dialog);
  g_signal_handlers_disconnect_by_data (store, &committed);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The import's audit entries, when ::imported comes */
typedef struct
{
  BespokeStore *store;
  GPtrArray    *noted;  /* BespokeAuditEntry of BESPOKE_AUDIT_IMPORT */
} Noted;

static void
on_imported_audit_cb (BespokeImportDialog *dialog,
                      const char          *snapshot,
                      const char          *title,
                      Noted               *noted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = bespoke_store_audit_list (noted->store, 0, &error);

  g_assert_no_error (error);
  g_assert_null (noted->noted);
  noted->noted = g_ptr_array_new_with_free_func ((GDestroyNotify) bespoke_audit_entry_free);
  for (guint i = 0; i < all->len; i++)
    if (((BespokeAuditEntry *) all->pdata[i])->action == BESPOKE_AUDIT_IMPORT)
      g_ptr_array_add (noted->noted, g_steal_pointer (&all->pdata[i]));
  /* the handler owns the undo copy */
  g_assert_true (bespoke_store_delete_database_files (snapshot, &error));
  g_assert_no_error (error);
}

/* The import is noted in the audit trail by the worker, before the window
 * hears of it (issue #13: nothing of it on the window's thread): the file
 * the planner chose, the preview's summary and its conflicts.  The window's
 * connection is told once, and then counts the people imported.  A dialog
 * not told the file notes nothing. */
static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) file = export_example (f, "everyone.bespoke");
  g_autoptr(BespokeStore) store = open_store (f, "empty.db");
  g_autoptr(BespokeStore) other = open_store (f, "other.db");
  Noted noted = { store, NULL }, none = { other, NULL };
  BespokeImportDialog *dialog = preview_new (store, file);
  BespokeAuditEntry *entry;
  guint committed = 0;

  bespoke_import_dialog_set_audit_file (dialog, "/media/usb/everyone.bespoke", TRUE);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_audit_cb), &noted);
  g_signal_connect_swapped (store, "committed", G_CALLBACK (count_committed_cb), &committed);
  choose_import (dialog);
  g_assert_nonnull (noted.noted);
  g_assert_cmpuint (noted.noted->len, ==, 1);
  entry = noted.noted->pdata[0];
  /* the example's 11 people, into an empty database: nothing updated, no
   * conflict; "(sealed)" because the file chosen was */
  g_assert_true (g_str_has_prefix (entry->detail, "Imported “/media/usb/everyone.bespoke” (sealed): 11 new people, 0 updated, 0 conflicts"));
  g_assert_true (g_str_has_suffix (entry->detail, "; 0 conflicts kept apart"));
  g_assert_cmpuint (committed, ==, 1);
  g_assert_cmpuint (count_people (store), ==, EXAMPLE_PEOPLE);
  close_dialog (dialog);
  g_signal_handlers_disconnect_by_data (store, &committed);
  g_ptr_array_unref (noted.noted);

  dialog = preview_new (other, file);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_audit_cb), &none);
  choose_import (dialog);
  g_assert_nonnull (none.noted);
  g_assert_cmpuint (none.noted->len, ==, 0);
  g_assert_cmpuint (count_people (other), ==, EXAMPLE_PEOPLE);
  close_dialog (dialog);
  g_ptr_array_unref (none.noted);
  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The same file again, once imported: nothing to do, and Import cannot be
 * chosen. */
static void
test_nothing_to_do (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = export_example (f, "everyone.bespoke");
  g_autoptr(BespokeStore) store = open_store (f, "empty.db");
  BespokeImportDialog *dialog = preview_new (store, file);
  BespokeImportDialog *again;
  g_autofree char *snapshot = NULL;
  g_autofree char *second = NULL;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &snapshot);
  choose_import (dialog);
  bespoke_exchange_delete_snapshot (snapshot);

  again = preview_new (store, file);
  g_signal_connect (again, "imported", G_CALLBACK (on_imported_cb), &second);
  g_assert_true (g_str_has_prefix (bespoke_import_dialog_get_summary (again), "0 new people, 0 updated, 0 conflicts"));
  g_assert_true (shows_text (GTK_WIDGET (again), "already here"));
  gtk_widget_activate_action (GTK_WIDGET (again), "import.apply", NULL);
  g_assert_false (bespoke_import_dialog_get_busy (again));
  g_assert_null (second);

  close_dialog (again);
  close_dialog (dialog);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* A toast dismissed without Undo keeps the import and deletes the copy. */
static void
test_no_undo (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) file = export_example (f, "everyone.bespoke");
  g_autoptr(BespokeStore) store = open_store (f, "empty.db");
  BespokeImportDialog *dialog = preview_new (store, file);
  g_autofree char *snapshot = NULL;
  AdwToastOverlay *overlay;
  AdwToast *toast;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &snapshot);
  choose_import (dialog);
  overlay = ADW_TOAST_OVERLAY (g_object_ref_sink (adw_toast_overlay_new ()));
  toast = g_object_ref (bespoke_exchange_import_toast_new (NULL, store, NULL, snapshot, "Imported 11 people"));
  adw_toast_overlay_add_toast (overlay, toast);
  adw_toast_dismiss (toast);
  g_assert_false (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_people (store), ==, EXAMPLE_PEOPLE);
  g_assert_finalize_object (toast);
  g_assert_finalize_object (overlay);

  close_dialog (dialog);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* A hostile file (an external entity reading a local file) and a truncated
 * one: each shows the importer's sentence, Import cannot be chosen, and
 * nothing changes. */
static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  static const char *contents[] = {
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE bespoke [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<bespoke xmlns=\"urn:bespoke:exchange:1\" version=\"1\"><person>&secret;</person></bespoke>\n",
    "<?xml version=\"1.0\"?>\n<bespoke xmlns=\"urn:bespoke:exchange:1\" version=\"1\">\n  <person id=\"",
  };
  /* what each sentence must name: the DOCTYPE refused, the line of the fault */
  static const char *expected[] = { "DOCTYPE", "Line 2" };
  g_autoptr(BespokeStore) store = open_store (f, "example.db");
  g_autoptr(GError) error = NULL;

  bespoke_example_install (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "bad.bespoke", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      BespokeImportDialog *dialog;
      const char *message;

      g_file_set_contents (path, contents[i], -1, &error);
      g_assert_no_error (error);
      dialog = preview_new (store, file);
      message = bespoke_import_dialog_get_error (dialog);
      g_assert_nonnull (message);
      g_assert_true (shows_text (GTK_WIDGET (dialog), message));
      g_assert_nonnull (strstr (message, expected[i]));
      g_assert_null (strstr (message, "root:"));
      g_assert_null (bespoke_import_dialog_get_summary (dialog));
      g_assert_cmpuint (bespoke_import_dialog_get_n_conflicts (dialog), ==, 0);
      /* Import is disabled: activating it does nothing */
      gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
      g_assert_false (bespoke_import_dialog_get_busy (dialog));
      g_assert_cmpuint (count_people (store), ==, EXAMPLE_PEOPLE);
      close_dialog (dialog);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The dry run reads in a worker thread: the dialog comes back at once,
 * saying it is reading the file, with nothing to choose; the preview fills
 * in when it is done. */
static void
test_reads_in_background (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = export_example (f, "everyone.bespoke");
  g_autoptr(BespokeStore) store = open_store (f, "empty.db");
  BespokeImportDialog *dialog = g_object_ref (bespoke_import_dialog_new (NULL, store, file));
  guint notified = 0;

  g_signal_connect_swapped (dialog, "notify::busy", G_CALLBACK (count_committed_cb), &notified);
  g_assert_true (bespoke_import_dialog_get_busy (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Reading the file…"));
  g_assert_null (bespoke_import_dialog_get_summary (dialog));
  g_assert_null (bespoke_import_dialog_get_error (dialog));
  /* Import cannot be chosen before the preview */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);

  wait_for (dialog);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_str_has_prefix (bespoke_import_dialog_get_summary (dialog), "11 new people"));
  g_assert_cmpuint (count_people (store), ==, 0);

  close_dialog (dialog);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Cancel while the dry run reads: no preview, no error, nothing changed. */
static void
test_cancel_preview (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = export_example (f, "everyone.bespoke");
  g_autoptr(BespokeStore) store = open_store (f, "empty.db");
  BespokeImportDialog *dialog = g_object_ref (bespoke_import_dialog_new (NULL, store, file));

  g_assert_true (bespoke_import_dialog_get_busy (dialog));
  /* shown, as Cancel only closes a window on screen */
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_for (dialog);
  g_assert_null (bespoke_import_dialog_get_summary (dialog));
  g_assert_null (bespoke_import_dialog_get_error (dialog));
  g_assert_cmpuint (count_people (store), ==, 0);

  close_dialog (dialog);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Files in @dir whose names start with @prefix */
static guint
count_named (const char *dir,
             const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* Undo copies (bespoke_store_snapshot()'s) still on disk, once the
 * cancelled job has let go of its copy (its worker deletes it): 10 s at
 * most. */
static guint
snapshots_left (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "bespoke", NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (count_named (dir, "snapshot-") > 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return count_named (dir, "snapshot-");
}

/* Cancel while the import runs: it is stopped, or undone if it had
 * finished; either way nothing has changed, ::imported never comes, and
 * nothing is left behind: no undo copy, and nothing beside the database
 * but SQLite's own -wal and -shm. */
static void
test_cancel_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = export_example (f, "everyone.bespoke");
  g_autoptr(BespokeStore) store = open_store (f, "empty.db");
  BespokeImportDialog *dialog = preview_new (store, file);
  g_autofree char *snapshot = NULL;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &snapshot);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  g_assert_true (bespoke_import_dialog_get_busy (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Importing…"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_for (dialog);
  g_assert_null (snapshot);
  g_assert_cmpuint (count_people (store), ==, 0);
  g_assert_cmpuint (snapshots_left (), ==, 0);
  /* everyone.bespoke, example.db (what it was exported from), and
   * empty.db with SQLite's -wal and -shm */
  g_assert_cmpuint (count_named (f->dir, ""), ==,
                    1 + count_named (f->dir, "example.db") + count_named (f->dir, "empty.db"));

  close_dialog (dialog);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Export of one person: a name to offer, and a file that validates and
 * holds that one person. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BespokeStore) store = open_store (f, "example.db");
  g_autoptr(BespokeStore) empty = open_store (f, "empty.db");
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 24, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *all_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  paul = bespoke_store_load (store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);

  name = bespoke_exchange_export_name (paul, day);
  g_assert_cmpstr (name, ==, "Paul Roberts.bespoke");
  all_name = bespoke_exchange_export_name (NULL, day);
  g_assert_cmpstr (all_name, ==, "Bespoke export 2026-11-24.bespoke");

  path = g_build_filename (f->dir, name, NULL);
  file = g_file_new_for_path (path);
  g_assert_true (bespoke_exchange_export (store, paul, file, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_xml_validate (path, &error));
  g_assert_no_error (error);

  /* one person in the file: Paul */
  report = bespoke_xml_import (empty, path, BESPOKE_XML_IMPORT_DRY_RUN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PERSON], ==, 1);

  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&empty));
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The window's export runs on a thread, with a progress dialog (issue
 * #13): this waits until it is done and the dialog has gone. */
static void
wait_for_export (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean running = TRUE;

  while (running)
    {
      running = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          running |= BESPOKE_IS_PROGRESS_DIALOG (window);
        }
      if (running)
        g_main_context_iteration (NULL, TRUE);
    }
}

/* Issue #15: the export writes exactly the file the user chose.  A name
 * without ".bespoke" is asked about first; "Keep the Name" writes that
 * name and no "NAME.bespoke" beside it (the Flatpak document portal
 * grants only the chosen name), and Cancel writes nothing. */
static void
test_export_exact_name (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BespokeStore) store = open_store (f, "example.db");
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = g_build_filename (f->dir, "paul for the council", NULL);
  g_autofree char *sibling = g_strconcat (plain, ".bespoke", NULL);
  g_autofree char *cancelled = g_build_filename (f->dir, "not written", NULL);
  g_autofree char *suffixed = g_build_filename (f->dir, "paul.bespoke", NULL);
  g_autoptr(GFile) plain_file = g_file_new_for_path (plain);
  g_autoptr(GFile) cancelled_file = g_file_new_for_path (cancelled);
  g_autoptr(GFile) suffixed_file = g_file_new_for_path (suffixed);
  BespokeWindow *window;
  AdwMessageDialog *dialog;

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  paul = bespoke_store_load (store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);
  window = bespoke_window_new (NULL, store);

  bespoke_exchange_export_chosen (GTK_WINDOW (window), paul, plain_file);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add “.bespoke” to the Name?");
  g_assert_false (g_file_test (plain, G_FILE_TEST_EXISTS));
  adw_message_dialog_response (dialog, "keep");
  wait_for_export ();
  g_assert_true (bespoke_xml_validate (plain, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (sibling, G_FILE_TEST_EXISTS));
  /* a button closes the dialog after its response; here the test does */
  gtk_window_destroy (GTK_WINDOW (dialog));

  bespoke_exchange_export_chosen (GTK_WINDOW (window), paul, cancelled_file);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));

  /* with the suffix: no question, the file at once */
  bespoke_exchange_export_chosen (GTK_WINDOW (window), paul, suffixed_file);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  wait_for_export ();
  g_assert_true (bespoke_xml_validate (suffixed, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "A selection": the people a search found.  In the example data the
 * search "ann" finds Ann Hughes and Anne-Marie Byrne (the words of their
 * names that start with "ann"), so the file holds exactly those two; with
 * no search, nothing is "found" and the dialog offers no such choice. */
static void
test_export_found (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BespokeStore) store = open_store (f, "example.db");
  g_autoptr(BespokeStore) empty = open_store (f, "empty.db");
  g_autoptr(BespokePeopleModel) model = NULL;
  g_auto(GStrv) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "found.bespoke", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BespokeXmlImportReport) report = NULL;

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  model = bespoke_people_model_new (store, BESPOKE_PEOPLE_ALL);
  g_assert_null (bespoke_exchange_found_people (model));

  bespoke_people_model_set_search (model, "ann");
  found = bespoke_exchange_found_people (model);
  g_assert_nonnull (found);
  g_assert_cmpuint (g_strv_length (found), ==, 2);

  g_assert_true (bespoke_exchange_export_people (store, (const char * const *) found, file, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_xml_validate (path, &error));
  report = bespoke_xml_import (empty, path, BESPOKE_XML_IMPORT_DRY_RUN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PERSON], ==, 2);

  bespoke_people_model_set_search (model, "zzz");
  g_assert_null (bespoke_exchange_found_people (model));

  g_assert_finalize_object (g_steal_pointer (&model));
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&empty));
}

typedef struct
{
  BespokeApplication *app;
  gboolean            ran;
} Run;

static gboolean
check_opened_file_cb (gpointer user_data)
{
  Run *run = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (run->app)));
  BespokeImportDialog *dialog = NULL;

  /* app.import and app.export are there for the primary menu */
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (run->app), "import"));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (run->app), "export"));

  /* the file named on the command line shows its preview */
  for (GList *l = windows; l != NULL; l = l->next)
    if (BESPOKE_IS_IMPORT_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  /* its dry run is still reading: look again shortly */
  if (bespoke_import_dialog_get_busy (dialog))
    return G_SOURCE_CONTINUE;
  g_assert_true (g_str_has_prefix (bespoke_import_dialog_get_summary (dialog), "11 new people"));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  run->ran = TRUE;
  return G_SOURCE_REMOVE;
}

/* `bespoke --database EMPTY everyone.bespoke`, as the file manager opens a
 * file: the window, and over it the file's import preview. */
static void
test_open_file (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = export_example (f, "everyone.bespoke");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *database = g_build_filename (f->dir, "empty.db", NULL);
  char *argv[] = { (char *) "bespoke", (char *) "--database", database, path, NULL };
  BespokeApplication *app = bespoke_application_new ();
  Run run = { app, FALSE };
  int status;

  g_assert_true (g_application_get_flags (G_APPLICATION (app)) & G_APPLICATION_HANDLES_OPEN);
  /* Not on the session bus, so that a test never meets a running Bespoke */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (20, check_opened_file_cb, &run);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.ran);
  g_assert_finalize_object (app);
}

/* Set in the worker thread by the dialog's test hook once the import has
 * run, before its answer reaches the main thread. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean done;
} WorkerDone;

static void
worker_done_cb (gpointer data)
{
  WorkerDone *worker = data;

  g_mutex_lock (&worker->lock);
  worker->done = TRUE;
  g_cond_signal (&worker->cond);
  g_mutex_unlock (&worker->lock);
}

/* Cancel after the worker has finished the import but before the window
 * has heard so: the import is put back.  The main loop is not run until
 * the worker says it is done, so the dialog learns of the cancel only
 * after the worker's success is on its way. */
static void
test_cancel_after_import_finished (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GFile) file = export_example (f, "everyone.bespoke");
  g_autoptr(BespokeStore) store = open_store (f, "empty.db");
  BespokeImportDialog *dialog = preview_new (store, file);
  g_autofree char *snapshot = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  WorkerDone worker = { .done = FALSE };

  g_mutex_init (&worker.lock);
  g_cond_init (&worker.cond);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &snapshot);
  bespoke_import_dialog_set_worker_done_hook (worker_done_cb, &worker);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  g_mutex_lock (&worker.lock);
  while (!worker.done)
    g_assert_true (g_cond_wait_until (&worker.cond, &worker.lock, deadline));
  g_mutex_unlock (&worker.lock);
  bespoke_import_dialog_set_worker_done_hook (NULL, NULL);
  g_assert_cmpuint (count_people (store), ==, 11);  /* the example's 11, committed by the worker */

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_for (dialog);
  g_assert_null (snapshot);
  g_assert_cmpuint (count_people (store), ==, 0);

  close_dialog (dialog);
  g_mutex_clear (&worker.lock);
  g_cond_clear (&worker.cond);
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/import-dialog/preview-counts", Fixture, NULL, fixture_set_up, test_preview_counts, fixture_tear_down);
  g_test_add ("/import-dialog/preview-lists", Fixture, NULL, fixture_set_up, test_preview_lists, fixture_tear_down);
  g_test_add ("/import-dialog/preview-many-changes", Fixture, NULL, fixture_set_up, test_preview_many_changes, fixture_tear_down);
  g_test_add ("/import-dialog/conflict-keeps-ours", Fixture, NULL, fixture_set_up, test_conflict_keeps_ours, fixture_tear_down);
  g_test_add ("/import-dialog/conflict-take-theirs", Fixture, NULL, fixture_set_up, test_conflict_take_theirs, fixture_tear_down);
  g_test_add ("/import-dialog/while-person-open", Fixture, NULL, fixture_set_up, test_import_while_open, fixture_tear_down);
  g_test_add ("/import-dialog/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/import-dialog/audit", Fixture, NULL, fixture_set_up, test_audit, fixture_tear_down);
  g_test_add ("/import-dialog/no-undo", Fixture, NULL, fixture_set_up, test_no_undo, fixture_tear_down);
  g_test_add ("/import-dialog/nothing-to-do", Fixture, NULL, fixture_set_up, test_nothing_to_do, fixture_tear_down);
  g_test_add ("/import-dialog/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);
  g_test_add ("/import-dialog/reads-in-background", Fixture, NULL, fixture_set_up, test_reads_in_background, fixture_tear_down);
  g_test_add ("/import-dialog/cancel-preview", Fixture, NULL, fixture_set_up, test_cancel_preview, fixture_tear_down);
  g_test_add ("/import-dialog/cancel-import", Fixture, NULL, fixture_set_up, test_cancel_import, fixture_tear_down);
  g_test_add ("/import-dialog/cancel-after-import-finished", Fixture, NULL, fixture_set_up,
              test_cancel_after_import_finished, fixture_tear_down);
  g_test_add ("/import-dialog/open-file", Fixture, NULL, fixture_set_up, test_open_file, fixture_tear_down);
  g_test_add ("/export/person", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/export/exact-name", Fixture, NULL, fixture_set_up, test_export_exact_name, fixture_tear_down);
  g_test_add ("/export/found", Fixture, NULL, fixture_set_up, test_export_found, fixture_tear_down);

  return g_test_run ();
}
