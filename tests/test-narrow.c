/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Nothing cut off on a phone (#14): at 360 px wide the window needs no
 * more room than the screen has, on every page and in a facilitated
 * session, and the person's name breaks between words, not inside one. */
#define G_LOG_DOMAIN "test-narrow"

#include "config.h"

#include <adwaita.h>

#include "bespoke-capture-view.h"
#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-profile-view.h"
#include "bespoke-test-util.h"
#include "bespoke-window.h"

#define PHONE_WIDTH 360

static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Every line of @label after the first starts where a word does */
static void
assert_breaks_between_words (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  g_assert_cmpuint (g_slist_length (lines), >=, 1);
  for (GSList *l = lines->next; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      g_assert_cmpint (line->start_index, >, 0);
      g_assert_cmpint (text[line->start_index - 1], ==, ' ');
    }
}

static void
test_narrow_window (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokePerson) paul = bespoke_store_load (store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, NULL);
  BespokeWindow *window = bespoke_window_new (NULL, store);
  GtkWidget *view, *capture;

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), PHONE_WIDTH, 720);
  gtk_window_present (GTK_WINDOW (window));
  bespoke_window_show_person (window, paul);
  settle ();

  /* the pages share one stack, so the window's least width is the widest
   * page's: Profile, Plan, Budget, Circle and Sessions all fit */
  g_assert_cmpint (min_width (GTK_WIDGET (window)), <=, PHONE_WIDTH);

  /* "Paul Roberts" at the profile's large size, on a phone: "Paul" /
   * "Roberts", never "Rober-" / "ts" */
  gtk_window_set_default_size (GTK_WINDOW (window), PHONE_WIDTH, 720);
  settle ();
  view = find_type (GTK_WIDGET (window), BESPOKE_TYPE_PROFILE_VIEW);
  g_assert_nonnull (view);
  assert_breaks_between_words (GTK_LABEL (gtk_widget_get_template_child (view, BESPOKE_TYPE_PROFILE_VIEW, "name_label")));

  /* a facilitated session: the capture view's header and lists fit too */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-session", NULL);
  settle ();
  capture = find_type (GTK_WIDGET (window), BESPOKE_TYPE_CAPTURE_VIEW);
  g_assert_nonnull (capture);
  g_assert_true (gtk_widget_get_mapped (capture));
  g_assert_cmpint (min_width (GTK_WIDGET (window)), <=, PHONE_WIDTH);
  gtk_widget_activate_action (capture, "capture.end", NULL);
  settle ();

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/narrow/window", test_narrow_window);
  return g_test_run ();
}
