/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a database whose search index a migration left to be built
 * again, for many people (#13): the application shows a
 * BespokePreparingWindow while a thread builds it, and then the database's
 * window; closing the preparing window cancels, and changes nothing. */
#define G_LOG_DOMAIN "test-preparing-window"

#include "config.h"

#include <adwaita.h>

#include "bespoke-application.h"
#include "bespoke-core.h"
#include "bespoke-preparing-window.h"
#include "bespoke-window.h"
#include "bespoke-test-util.h"
#include "search-rebuild-fixture.h"
#include "app-test-util.h"

/* The database's write lock, held by the test until it has looked at the
 * preparing window, so that the rebuild (1,203 people, a fraction of a
 * second) cannot be over before the test's first look: the rebuild's
 * BEGIN IMMEDIATE waits for it (up to the store's 5 s busy timeout). */
static sqlite3 *write_lock;

static void
hold_write_lock (const char *path)
{
  g_assert_null (write_lock);
  write_lock = raw_open (path);
  g_assert_cmpint (sqlite3_exec (write_lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
release_write_lock (void)
{
  g_assert_cmpint (sqlite3_exec (write_lock, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&write_lock, sqlite3_close);
}

static gpointer
find_window (BespokeApplication *app,
             GType               type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

/* The first widget of @type under @widget */
static gpointer
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs Bespoke on @path, calls @func once it has started (at default
 * priority: the progress bar's pulse keeps the frame clock busy, and an
 * idle would wait for the window to go), closes what is left, and checks
 * that the application is freed. */
static void
run_application (const char *path,
                 AppTest     func)
{
  run_application_full (path, func, FALSE, G_PRIORITY_DEFAULT);
}

/* Whether @text is "N of 1,203 people", and N */
static gboolean
parse_count (const char *text,
             guint      *out_done)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  guint64 done = 0;

  for (p = text; *p != '\0' && *p != ' '; p++)
    if (*p != ',')
      g_string_append_c (digits, *p);
  if (!g_str_equal (p, " of 1,203 people") ||
      !g_ascii_string_to_unsigned (digits->str, 10, 0, N_PEOPLE, &done, NULL))
    return FALSE;
  *out_done = (guint) done;
  return TRUE;
}

/* The preparing window says what is happening, for 1,203 people; its
 * count only goes up; then the database's window takes its place, with
 * search working ("elodie" finds the 1,200 "Élodie Client" people). */
static void
prepares_then_opens (BespokeApplication *app,
                     const char         *path)
{
  BespokePreparingWindow *preparing = find_window (app, BESPOKE_TYPE_PREPARING_WINDOW);
  AdwStatusPage *status;
  GtkProgressBar *bar;
  BespokeWindow *window = NULL;
  g_autoptr(GError) error = NULL;
  guint last = 0, counts = 0;

  g_assert_nonnull (preparing);
  g_assert_null (find_window (app, BESPOKE_TYPE_WINDOW));
  status = find_child (GTK_WIDGET (preparing), ADW_TYPE_STATUS_PAGE);
  bar = find_child (GTK_WIDGET (preparing), GTK_TYPE_PROGRESS_BAR);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Preparing search for 1,203 people");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preparing)));
  g_assert_cmpstr (gtk_progress_bar_get_text (bar), ==, "Starting…");
  release_write_lock ();

  for (gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
       (window = find_window (app, BESPOKE_TYPE_WINDOW)) == NULL && g_get_monotonic_time () < end;)
    {
      const char *text;
      guint done;

      g_main_context_iteration (NULL, FALSE);
      if (find_window (app, BESPOKE_TYPE_PREPARING_WINDOW) == NULL)
        continue;
      text = gtk_progress_bar_get_text (bar);
      if (text != NULL && parse_count (text, &done))
        {
          g_assert_cmpuint (done, >=, last);
          last = done;
          counts++;
        }
      else if (text != NULL)
        g_assert_true (g_str_equal (text, "Starting…") || g_str_equal (text, "Saving…"));
    }
  g_test_message ("%u counts seen, the last %u", counts, last);

  g_assert_nonnull (window);
  g_assert_null (find_window (app, BESPOKE_TYPE_PREPARING_WINDOW));
  g_assert_false (bespoke_store_search_rebuild_pending (bespoke_window_get_store (window), NULL));
  g_assert_cmpuint (bespoke_store_count_people (bespoke_window_get_store (window), BESPOKE_PEOPLE_ALL, "elodie", &error), ==, N_CLIENTS);
  g_assert_no_error (error);
}

static void
test_prepares_then_opens (void)
{
  g_autofree char *path = make_pending_database ();

  hold_write_lock (path);
  run_application (path, prepares_then_opens);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people_search_rebuild"), ==, 0);
}

/* Closed before the rebuild has its write lock: the window hides, the
 * thread stops and rolls back, and the application ends with no window,
 * the rebuild still pending */
static void
close_cancels (BespokeApplication *app,
               const char         *path)
{
  BespokePreparingWindow *preparing = find_window (app, BESPOKE_TYPE_PREPARING_WINDOW);

  g_assert_nonnull (preparing);
  gtk_window_close (GTK_WINDOW (preparing));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (preparing)));
  /* the rebuild now starts, and stops at its first person */
  release_write_lock ();
  for (gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
       gtk_application_get_windows (GTK_APPLICATION (app)) != NULL && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static void
test_close_cancels (void)
{
  g_autofree char *path = make_pending_database ();
  g_autofree char *before = index_contents (path);
  g_autofree char *after = NULL;

  hold_write_lock (path);
  run_application (path, close_cancels);
  after = index_contents (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people_search_rebuild"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/preparing-window/prepares-then-opens", test_prepares_then_opens);
  g_test_add_func ("/preparing-window/close-cancels", test_close_cancels);
  return g_test_run ();
}
