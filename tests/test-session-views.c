/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The facilitated session's two views (issue #10): the TV's type size at
 * 1080 and 720 lines and no statement cut off; what the capture keys do
 * on both screens; blanking shown on the laptop. */
#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-capture-view.h"
#include "bespoke-circle-member.h"
#include "bespoke-history.h"
#include "bespoke-presentation-window.h"
#include "bespoke-session-controller.h"
#include "bespoke-session-tool.h"
#include "bespoke-test-util.h"

typedef struct
{
  BespokeStore             *store;
  BespokeHistory           *history;
  BespokePerson            *person;
  BespokeSessionController *controller;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeCircleMember) mum = bespoke_circle_member_new ();

  f->store = open_store_at (":memory:");
  f->history = bespoke_history_new (f->store);
  f->person = bespoke_person_new ();
  bespoke_person_set_name (f->person, "Paul Smith");
  bespoke_person_set_preferred_name (f->person, "Paul");
  save_ok (f->store, f->person);
  bespoke_circle_member_set_person_uuid (mum, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)));
  bespoke_circle_member_set_name (mum, "Sarah");
  bespoke_circle_member_set_relationship (mum, "Mum");
  save_ok (f->store, mum);
  f->controller = bespoke_session_controller_new (f->store, f->history, f->person, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->controller);
  g_clear_object (&f->history);
  g_clear_object (&f->person);
  g_clear_object (&f->store);
}

static void
type_and_enter (Fixture    *f,
                const char *text)
{
  g_autoptr(GError) error = NULL;

  bespoke_session_controller_set_draft (f->controller, text);
  g_assert_true (bespoke_session_controller_commit (f->controller, &error));
  g_assert_no_error (error);
}

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Waits until @widget is about @height tall (an X server without a
 * window manager may give a window a few pixels less than asked). */
static void
wait_for_height (GtkWidget *widget,
                 int        height)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (ABS (gtk_widget_get_height (widget) - height) > 16 && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
  for (int i = 0; i < 50; i++)
    {
      settle ();
      g_usleep (20000);
    }
  g_assert_cmpint (ABS (gtk_widget_get_height (widget) - height), <=, 16);
}

/* The font size a label is drawn with, in pixels (CSS px are absolute in
 * Pango; points are at 96 dpi) */
static double
font_px (GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (font) ? size : size * 96.0 / 72.0;
}

/* Every statement label on the TV: its size, and that it is not cut
 * (it has at least the height it needs at its width, and its width) */
static guint
check_statements (GtkWidget *widget,
                  double     min_px,
                  double     max_px)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "presentation-statement") &&
      gtk_widget_get_mapped (widget))
    {
      int min_h, nat_h, min_w, nat_w;
      int width = gtk_widget_get_width (widget);

      g_assert_cmpfloat (font_px (widget), >=, min_px);
      g_assert_cmpfloat (font_px (widget), <=, max_px);
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min_h, &nat_h, NULL, NULL);
      g_assert_cmpint (width, >=, min_w);
      g_assert_cmpint (gtk_widget_get_height (widget), >=, nat_h);
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_statements (child, min_px, max_px);
  return n;
}

/* For people to look at (not a check): with BESPOKE_TEST_SHOTS=DIR, the
 * TV as drawn, saved as DIR/NAME.png */
static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("BESPOKE_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  settle ();
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

/* BESPOKE_TEST_SHOTS: every tool, blank, light and dark, at 1920×1080 */
static void
save_shots (Fixture   *f,
            GtkWidget *tv)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (g_getenv ("BESPOKE_TEST_SHOTS") == NULL)
    return;
  for (int dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint t = 0; t < BESPOKE_N_SESSION_TOOLS; t++)
        {
          g_autofree char *name = g_strdup_printf ("tv-%s-tool-%u", scheme, t);
          save_shot (tv, name);
          bespoke_session_controller_step_tool (f->controller, 1);
        }
      for (guint t = 0; t < BESPOKE_N_SESSION_TOOLS; t++)
        bespoke_session_controller_step_tool (f->controller, -1);
      bespoke_session_controller_set_draft (f->controller, "He likes the bus dri");
      save_shot (tv, dark ? "tv-dark-being-written" : "tv-light-being-written");
      bespoke_session_controller_set_draft (f->controller, "");
      bespoke_session_controller_set_blank (f->controller, TRUE);
      save_shot (tv, dark ? "tv-dark-blank" : "tv-light-blank");
      bespoke_session_controller_set_blank (f->controller, FALSE);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_presentation_sizes (Fixture       *f,
                         gconstpointer  data)
{
  BespokePresentationWindow *tv = bespoke_presentation_window_new (f->controller);
  static const int heights[] = { 1080, 720 };
  static const int widths[] = { 1920, 1280 };

  /* the rule's own figures: 32 px at 1080 lines, 24 px at 720 (32 × 720
   * / 1080 = 21.3, raised to the floor of 24), never below 24 */
  g_assert_cmpint (bespoke_presentation_window_body_px_for_height (1080), ==, 32);
  g_assert_cmpint (bespoke_presentation_window_body_px_for_height (720), ==, 24);
  g_assert_cmpint (bespoke_presentation_window_body_px_for_height (400), ==, 24);
  g_assert_cmpint (bespoke_presentation_window_body_px_for_height (2160), ==, 64);

  type_and_enter (f, "He always says hello to everyone at the garage, even on a Monday morning when it is raining.");
  type_and_enter (f, "Mum: He is brilliant with cars");
  for (int i = 0; i < 12; i++)
    type_and_enter (f, "He makes the best cup of tea in the whole of Yorkshire, and he knows it.");

  for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
    {
      double body;

      /* a TV's size, on whatever screen the tests run: GTK keeps a
       * window's default size within the monitor, but not its request */
      gtk_widget_set_size_request (GTK_WIDGET (tv), widths[i], heights[i]);
      gtk_window_set_default_size (GTK_WINDOW (tv), widths[i], heights[i]);
      gtk_window_present (GTK_WINDOW (tv));
      wait_for_height (GTK_WIDGET (tv), heights[i]);
      body = bespoke_presentation_window_get_body_px (BESPOKE_PRESENTATION_WINDOW (tv));
      g_assert_cmpfloat (body, ==, bespoke_presentation_window_body_px_for_height (gtk_widget_get_height (GTK_WIDGET (tv))));
      g_assert_cmpfloat (body, ==, heights[i] == 1080 ? 32 : 24);
      g_assert_cmpuint (check_statements (GTK_WIDGET (tv), heights[i] == 1080 ? 32 : 24, body), >=, 1);
      if (heights[i] == 1080)
        save_shots (f, GTK_WIDGET (tv));
    }
  gtk_window_destroy (GTK_WINDOW (tv));
  settle ();
}

static void
test_capture_keys (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  BespokeCaptureView *view = bespoke_capture_view_new (f->controller);
  BespokeSessionBoard *board;
  g_autoptr(GError) error = NULL;
  GtkWidget *tv;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  bespoke_capture_view_present_tv (view);
  tv = bespoke_capture_view_get_tv (view);
  g_assert_nonnull (tv);
  settle ();

  type_and_enter (f, "He always says hello");
  bespoke_session_controller_set_section (f->controller, 1);
  type_and_enter (f, "Mum: His garage job");
  board = bespoke_session_controller_get_board (f->controller);
  g_assert_cmpuint (g_list_model_get_n_items (bespoke_session_board_get_section (board, 0)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bespoke_session_board_get_section (board, 1)), ==, 1);

  /* Up/Down select on both screens; Delete removes; undo brings it back */
  bespoke_session_controller_step_selection (f->controller, 1);
  g_assert_nonnull (bespoke_session_controller_get_selected (f->controller));
  g_assert_nonnull (bespoke_session_controller_delete_selected (f->controller, &error));
  g_assert_cmpuint (g_list_model_get_n_items (bespoke_session_board_get_section (board, 0)), ==, 0);
  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_cmpuint (g_list_model_get_n_items (bespoke_session_board_get_section (board, 0)), ==, 1);

  /* PageDown walks the tools on both screens */
  bespoke_session_controller_step_tool (f->controller, 1);
  g_assert_cmpint (bespoke_session_controller_get_tool (f->controller), ==, BESPOKE_SESSION_TOOL_WORKING_PERSON);
  settle ();

  /* blanking: the TV shows the calm page */
  bespoke_session_controller_set_blank (f->controller, TRUE);
  settle ();
  bespoke_session_controller_set_blank (f->controller, FALSE);

  /* ending closes the TV and keeps the session */
  g_assert_true (bespoke_session_controller_end (f->controller, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_null (bespoke_capture_view_get_tv (view));
  g_assert_nonnull (bespoke_session_get_end_time (bespoke_session_controller_get_session (f->controller)));
  g_assert_cmpint (bespoke_store_count (f->store, BESPOKE_TYPE_SESSION, &error), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/session-views/presentation-sizes", Fixture, NULL, fixture_set_up, test_presentation_sizes, fixture_tear_down);
  g_test_add ("/session-views/capture-keys", Fixture, NULL, fixture_set_up, test_capture_keys, fixture_tear_down);

  return g_test_run ();
}
