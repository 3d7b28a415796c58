/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's export on its thread (issue #13): a progress dialog with
 * counts and Cancel, the window's main loop kept turning, saves made
 * meanwhile, and a Cancel that leaves nothing behind.
 *
 * It prints (does not assert) the longest gap in the main loop while the
 * export runs, from a 10 ms timer.  BESPOKE_STALL_DB=PATH runs the export
 * on a copy of that database instead of the synthetic people (for the
 * 100,000-person figure); BESPOKE_TEST_SHOTS=DIR saves a picture of the
 * screen with the dialog showing counts (`import -window root`, under
 * Xvfb). */
#define G_LOG_DOMAIN "bespoke-test-export-progress"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bespoke-core.h"
#include "bespoke-exchange.h"
#include "bespoke-progress-dialog.h"
#include "bespoke-synth.h"
#include "bespoke-test-util.h"
#include "bespoke-window.h"

#define N_PEOPLE 600  /* synth's, with no BESPOKE_STALL_DB */

static BespokeStore *
open_people (const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "people.db", NULL);
  const char *big = g_getenv ("BESPOKE_STALL_DB");
  g_autoptr(GError) error = NULL;
  BespokeStore *store;

  if (big != NULL)
    {
      g_autofree char *command = g_strdup_printf ("cp %s %s", big, db);
      g_assert_cmpint (system (command), ==, 0);
      return open_store_at (db);
    }
  store = open_store_at (db);
  bespoke_synth_people (store, N_PEOPLE, 3, NULL, NULL, &error);
  g_assert_no_error (error);
  return store;
}

static BespokeProgressDialog *
find_progress_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (BESPOKE_IS_PROGRESS_DIALOG (window))
        return BESPOKE_PROGRESS_DIALOG (window);
    }
  return NULL;
}

static GtkProgressBar *
dialog_bar (BespokeProgressDialog *dialog)
{
  GtkWidget *w = GTK_WIDGET (dialog);

  /* the template's one progress bar */
  while (w != NULL && !GTK_IS_PROGRESS_BAR (w))
    {
      GtkWidget *next = gtk_widget_get_first_child (w);

      while (next == NULL && w != GTK_WIDGET (dialog))
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  return GTK_PROGRESS_BAR (w);
}

/* The main loop's longest gap, from a timer every 10 ms */
typedef struct
{
  gint64 last;
  gint64 longest;
  guint  ticks;
} Gaps;

static gboolean
tick_cb (gpointer data)
{
  Gaps *gaps = data;
  gint64 now = g_get_monotonic_time ();

  gaps->ticks++;
  if (gaps->last != 0)
    gaps->longest = MAX (gaps->longest, now - gaps->last);
  gaps->last = now;
  return G_SOURCE_CONTINUE;
}

static guint
count_persons (const char *path)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; (p = strstr (p, "<person ")) != NULL; p++)
    n++;
  return n;
}

static void
save_shot (void)
{
  static GtkCssProvider *css;
  const char *dir = g_getenv ("BESPOKE_TEST_SHOTS");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  /* with the app's style.css, as the app shows it, and drawn first */
  if (css == NULL)
    {
      css = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (css, "/org/bespoke/Bespoke/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  command = g_strdup_printf ("import -window root %s/export-progress.png", dir);
  g_assert_cmpint (system (command), ==, 0);
}

static void
test_export_everyone (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = open_people (dir);
  g_autofree char *path = g_build_filename (dir, "everyone.bespoke", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autoptr(GError) error = NULL;
  BespokeProgressDialog *dialog;
  BespokeWindow *window = bespoke_window_new (NULL, store);
  gboolean saved, counted = FALSE;
  guint iterations = 0;
  guint64 people;
  Gaps gaps = { 0 };
  guint tick;
  gint64 started;

  people = bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, NULL, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  tick = g_timeout_add (10, tick_cb, &gaps);
  started = g_get_monotonic_time ();
  bespoke_exchange_export_chosen (GTK_WINDOW (window), NULL, file);
  g_printerr ("# starting took %.1f ms\n", (g_get_monotonic_time () - started) / 1000.0);
  dialog = find_progress_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Exporting Everyone");

  while ((dialog = find_progress_dialog ()) != NULL)
    {
      const char *text = gtk_progress_bar_get_text (dialog_bar (dialog));

      if (!counted && text != NULL && strstr (text, " of ") != NULL)
        {
          counted = TRUE;
          save_shot ();
          /* the window's autosave, while the export runs on its thread
           * from a snapshot taken before */
          bespoke_person_set_name (person, "Saved During The Export");
          saved = bespoke_store_save (store, BESPOKE_RECORD (person), &error);
          g_assert_no_error (error);
          g_assert_true (saved);
          /* the test's own save is not the window's stall */
          gaps.last = 0;
        }
      iterations++;
      g_main_context_iteration (NULL, TRUE);
    }
  g_printerr ("# export of %" G_GUINT64_FORMAT " people: %.2f s, the main loop's longest gap %.1f ms (%u ticks, %u iterations)\n",
              people, (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC, gaps.longest / 1000.0, gaps.ticks, iterations);
  g_source_remove (tick);

  /* every person of the snapshot, and not the one saved meanwhile */
  g_assert_true (bespoke_xml_validate (path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_persons (path), ==, people);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cancel: no file, no temporary file, and the export's mark as it was */
static void
test_export_cancel (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = open_people (dir);
  g_autofree char *path = g_build_filename (dir, "everyone.bespoke", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BespokeWindow *window = bespoke_window_new (NULL, store);
  BespokeProgressDialog *dialog;
  gint64 mark = bespoke_store_get_sync_mark (store, BESPOKE_XML_SYNC_ALL, NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  bespoke_exchange_export_chosen (GTK_WINDOW (window), NULL, file);
  dialog = find_progress_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "progress.cancel", NULL));
  while (find_progress_dialog () != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_has_prefix (name, "people.db"));
  g_assert_cmpint (bespoke_store_get_sync_mark (store, BESPOKE_XML_SYNC_ALL, NULL), ==, mark);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/export-progress/everyone", test_export_everyone);
  g_test_add_func ("/export-progress/cancel", test_export_cancel);
  return g_test_run ();
}
