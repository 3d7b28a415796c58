/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in a pseudo-translation (issue #15): po/meson.build makes
 * en@pseudo at build time, where every string reads "[Ƥŕőƒíĺé~~~]", about
 * a third longer.  On an empty database (so that every text on screen is
 * the program's own, not a person's data) every label that is shown must
 * carry the brackets: one without them was never marked for translation,
 * and one with only the opening bracket was cut off.  And the window, in
 * the longer language, still fits 1280×800. */
#define G_LOG_DOMAIN "test-pseudo-locale"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-homes-window.h"
#include "bespoke-menus-window.h"
#include "bespoke-test-util.h"
#include "bespoke-window.h"

static void
wait_for_frames (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Texts on screen that are not ours: GTK's own, and the app's name,
 * which is not translated. */
static gboolean
exempt (const char *text)
{
  return !g_regex_match_simple ("[A-Za-z\\x{0100}-\\x{024F}\\x{1E00}-\\x{1EFF}]{2}", text, 0, 0);
}

static void
check_labels (GtkWidget *widget,
              GPtrArray *unmarked,
              guint     *checked)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && !exempt (text))
        {
          (*checked)++;
          if (strchr (text, '[') == NULL || strchr (text, ']') == NULL)
            g_ptr_array_add (unmarked, g_strdup_printf ("“%s” (in a %s)", text,
                                                        G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget))));
          else if (gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE &&
                   pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
            g_ptr_array_add (unmarked, g_strdup_printf ("“%s” is cut off", text));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_labels (child, unmarked, checked);
}

static void
assert_all_translated (GtkWindow *window)
{
  g_autoptr(GPtrArray) unmarked = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_present (window);
  wait_for_frames ();
  check_labels (GTK_WIDGET (window), unmarked, &checked);
  for (guint i = 0; i < unmarked->len; i++)
    g_printerr ("%s: %s\n", G_OBJECT_TYPE_NAME (window), (char *) g_ptr_array_index (unmarked, i));
  g_assert_cmpuint (checked, >=, 3);
  g_assert_cmpuint (unmarked->len, ==, 0);

  /* the longer language still fits the screen */
  {
    int min_width, min_height;

    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 1280);
    g_assert_cmpint (min_height, <=, 800);
  }
}

/* The strings really come through gettext in this test. */
static void
test_pseudo_is_on (void)
{
  g_assert_cmpstr (_("Remaining"), ==, "[Ŕéḿáíńíńĝ~~~]");
  {
    g_autofree char *date = bespoke_date_format_long ("2027-01-01");
    g_assert_cmpstr (date, ==, "[1 January 2027~]");
  }
}

static void
test_main_window (void)
{
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  BespokeWindow *window = bespoke_window_new (NULL, store);

  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *dialog = NULL;

  assert_all_translated (GTK_WINDOW (window));

  /* the New Person dialog, over it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-person", NULL);
  wait_for_frames ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        dialog = toplevel;
    }
  g_assert_nonnull (dialog);
  assert_all_translated (dialog);
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_menus_and_homes (void)
{
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  BespokeMenusWindow *menus = bespoke_menus_window_new (NULL, store);
  BespokeHomesWindow *homes = bespoke_homes_window_new (NULL, store);

  assert_all_translated (GTK_WINDOW (menus));
  gtk_window_destroy (GTK_WINDOW (menus));
  assert_all_translated (GTK_WINDOW (homes));
  gtk_window_destroy (GTK_WINDOW (homes));
}

/* gettext finds DIR/en@pseudo/LC_MESSAGES/bespoke.mo: a folder of the
 * test's own with a link to the one the build made. */
static void
use_pseudo_locale (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *messages = g_build_filename (dir, "en@pseudo", "LC_MESSAGES", NULL);
  g_autofree char *link = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);

  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_assert_cmpint (symlink (BESPOKE_PSEUDO_MO, link), ==, 0);
  g_setenv ("LANGUAGE", "en@pseudo", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  use_pseudo_locale ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/pseudo-locale/on", test_pseudo_is_on);
  g_test_add_func ("/pseudo-locale/main-window", test_main_window);
  g_test_add_func ("/pseudo-locale/menus-and-homes", test_menus_and_homes);
  return g_test_run ();
}
