/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's documents (issue #9): Print's GtkPrintOperation, run to a
 * file (GTK's own print-to-PDF, the same begin-print and draw-page as the
 * dialog's), gives the page's document; Save as PDF writes exactly the name
 * chosen, at 0600, or says why not and leaves nothing; the profile's
 * thumbnail says the type size, draws once per burst of edits, and offers
 * the person-centred description when the profile is too long.  The PDFs
 * are read back with poppler's pdfinfo and pdftotext.  Paul's figures are
 * domain.md's. */
#define G_LOG_DOMAIN "test-window-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-page-thumbnail.h"
#include "bespoke-profile-view-private.h"
#include "bespoke-window-private.h"
#include "bespoke-test-util.h"

typedef struct
{
  BespokeStore  *store;
  BespokeWindow *window;
  char          *dir;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(GError) error = NULL;

  f->store = new_example_store ();
  f->dir = temp_dir ();
  /* GTK owns toplevels; the test keeps a reference, to see it freed */
  f->window = g_object_ref (bespoke_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
  paul = bespoke_store_load (f->store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);
  bespoke_window_show_person (f->window, paul);
  drain ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->store);
  g_free (f->dir);
}

/* stdout of a poppler tool run on @path */
static char *
poppler (const char *tool,
         const char *path)
{
  const char *argv[] = { tool, path, tool[3] == 't' ? "-" : NULL, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

static void
show_page (Fixture    *f,
           const char *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", page));
  drain ();
}

/* Print on the Plan page, to a file: the plan for sign-off, every page
 * drawn (its footer on each), with domain.md's totals */
static void
test_print_plan (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  show_page (f, "plan");
  _bespoke_window_print (f->window, "", path);
  drain ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  info = poppler ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_null (strstr (info, "Pages:           1\n"));  /* the plan runs to several pages */
  text = poppler ("pdftotext", path);
  g_assert_nonnull (strstr (text, "£22,000.00"));
  g_assert_nonnull (strstr (text, "£34,000.00"));
  g_assert_nonnull (strstr (text, "£3,000.00"));
  g_assert_nonnull (strstr (text, "What’s important to me"));
}

/* Print on the Profile page: the one-page profile, on one page */
static void
test_print_profile (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "profile.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  show_page (f, "profile");
  _bespoke_window_print (f->window, "", path);
  drain ();
  info = poppler ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  text = poppler ("pdftotext", path);
  g_assert_nonnull (strstr (text, "I work hard and I take pride in a clean, tidy garage."));
  g_assert_nonnull (strstr (text, "Talk to me, not to the person with me."));
}

/* Save as PDF: exactly the name chosen (no ".pdf" added), 0600, tagged */
static void
test_save_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "Paul's budget, for Mum", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  show_page (f, "budget");
  g_assert_true (_bespoke_window_save_pdf_to (f->window, "", 0, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  info = poppler ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "Tagged:          yes"));
  text = poppler ("pdftotext", path);
  g_assert_nonnull (strstr (text, "£34,000.00"));
}

/* Bad input: a folder that does not exist gives a sentence, and no file */
static void
test_save_pdf_missing_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "not-there", NULL);
  g_autofree char *path = g_build_filename (folder, "profile.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (_bespoke_window_save_pdf_to (f->window, "profile", 0, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The thumbnail: its type size; one drawing per burst of edits; too long
 * a profile says so and offers the description */
static void
test_thumbnail (Fixture *f, gconstpointer data)
{
  BespokeProfileView *view = f->window->profile_view;
  BespokePageThumbnail *thumbnail = view->thumbnail;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;
  gint64 deadline;
  guint renders;

  show_page (f, "profile");
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!g_str_has_prefix (bespoke_page_thumbnail_get_caption (thumbnail), "Fits on one page at "))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (g_str_has_suffix (bespoke_page_thumbnail_get_caption (thumbnail), "\u00a0pt"));
  button = find_button (GTK_WIDGET (thumbnail));
  g_assert_false (gtk_widget_get_visible (button));

  /* 300 long statements in one transaction: drawn once more, at the floor */
  renders = bespoke_page_thumbnail_get_render_count (thumbnail);
  g_assert_true (bespoke_store_begin (f->store, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(BespokeStatement) s = bespoke_statement_new ();
      g_autofree char *text = g_strdup_printf ("Statement %u: I like long walks by the canal on a Sunday, with a flask of tea, "
                                               "a stop at the lock to watch the boats go through, and chips on the way home.", i);

      bespoke_statement_set_person_uuid (s, BESPOKE_EXAMPLE_PAUL_UUID);
      bespoke_statement_set_section (s, i % 3);
      bespoke_statement_set_position (s, 100 + i);
      bespoke_statement_set_text (s, text);
      g_assert_true (bespoke_store_save (f->store, s, &error));
    }
  g_assert_true (bespoke_store_commit (f->store, &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (bespoke_page_thumbnail_get_render_count (thumbnail) == renders)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  drain ();
  g_assert_cmpuint (bespoke_page_thumbnail_get_render_count (thumbnail), ==, renders + 1);
  g_assert_true (g_str_has_prefix (bespoke_page_thumbnail_get_caption (thumbnail), "Too long for one page, even at "));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.save-pdf");
}

int
main (int argc, char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window-print/print-plan", test_print_plan);
  ADD ("/window-print/print-profile", test_print_profile);
  ADD ("/window-print/save-pdf", test_save_pdf);
  ADD ("/window-print/save-pdf-missing-folder", test_save_pdf_missing_folder);
  ADD ("/window-print/thumbnail", test_thumbnail);
#undef ADD

  return g_test_run ();
}
