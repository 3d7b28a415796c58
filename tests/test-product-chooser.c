/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The product chooser on a support line: its search, choosing a product
 * (which resets the schedule to suit it, in one undoable step), and the
 * way to the product menus when there is no menu at all. */
#define G_LOG_DOMAIN "bespoke-test-product-chooser"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-plan-page.h"
#include "bespoke-product-chooser.h"
#include "bespoke-test-util.h"

#define PAUL_PLAN_UUID "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0002"

typedef struct
{
  BespokeStore   *store;
  BespokeHistory *history;
  BespokePerson  *person;
  GtkWidget      *window;
  GtkWidget      *page;
} Fixture;

static void
show_page (Fixture *f)
{
  f->history = bespoke_history_new (f->store);
  f->page = g_object_ref (bespoke_plan_page_new ());
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  /* the page's toasts show in the overlay around it, as in the window */
  gtk_window_set_child (GTK_WINDOW (f->window), adw_toast_overlay_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (gtk_window_get_child (GTK_WINDOW (f->window))), f->page);
  bespoke_plan_page_set_person (BESPOKE_PLAN_PAGE (f->page), f->store, f->history, f->person);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = new_example_store ();
  f->person = bespoke_store_load (f->store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);
  show_page (f);
}

/* A database with one person and their plan, and no menu at all */
static void
fixture_set_up_empty (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokeBudget) budget = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (5, G_DATE_DECEMBER, 2026);

  f->store = bespoke_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->person = bespoke_person_new ();
  bespoke_person_set_name (f->person, "Nia Evans");
  save_ok (f->store, f->person);
  bespoke_plans_new_for_coming_year (f->person, today, &plan, &budget);
  save_ok (f->store, plan);
  save_ok (f->store, budget);
  show_page (f);
}

/* The same, with a menu whose only ongoing product is sold by the night */
static void
fixture_set_up_sleep_in (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokeBudget) budget = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (5, G_DATE_DECEMBER, 2026);
  g_autoptr(BespokeProvider) provider = bespoke_provider_new ();
  g_autoptr(BespokeProduct) sleep_in = bespoke_product_new ();

  f->store = bespoke_store_open (":memory:", &error);
  g_assert_no_error (error);
  bespoke_provider_set_name (provider, "Night Owls");
  save_ok (f->store, provider);
  bespoke_product_set_provider_uuid (sleep_in, uuid_of (provider));
  bespoke_product_set_series_uuid (sleep_in, uuid_of (sleep_in));
  bespoke_product_set_version (sleep_in, 1);
  bespoke_product_set_valid_from (sleep_in, "2026-04-01");
  bespoke_product_set_kind (sleep_in, BESPOKE_PRODUCT_ONGOING);
  bespoke_product_set_name (sleep_in, "Sleep-in");
  bespoke_product_set_unit (sleep_in, BESPOKE_UNIT_NIGHT);
  bespoke_product_set_unit_price (sleep_in, 9000);
  save_ok (f->store, sleep_in);
  f->person = bespoke_person_new ();
  bespoke_person_set_name (f->person, "Nia Evans");
  save_ok (f->store, f->person);
  bespoke_plans_new_for_coming_year (f->person, today, &plan, &budget);
  save_ok (f->store, plan);
  save_ok (f->store, budget);
  show_page (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->page);
  g_clear_object (&f->person);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->store);
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

static void
spin (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE));
}

/* The chooser of the line at @index, once the page has built its rows */
static BespokeProductChooser *
chooser_of_line (Fixture *f,
                 guint    index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  for (guint tries = 0; found->len <= index && tries < 2000; tries++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_ptr_array_set_size (found, 0);
      find_all (f->page, BESPOKE_TYPE_PRODUCT_CHOOSER, found);
    }
  g_assert_cmpuint (found->len, >, index);
  return g_ptr_array_index (found, index);
}

static gpointer
child_of (BespokeProductChooser *chooser,
          const char            *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (chooser), BESPOKE_TYPE_PRODUCT_CHOOSER, name);
}

static BespokeSupportLine *
load_line (BespokeStore *store,
           guint         position)
{
  g_autoptr(GPtrArray) lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, PAUL_PLAN_UUID, NULL);

  for (guint i = 0; i < lines->len; i++)
    if (bespoke_support_line_get_position (g_ptr_array_index (lines, i)) == position)
      return g_object_ref (g_ptr_array_index (lines, i));
  g_assert_not_reached ();
}

static guint
n_shown_after (BespokeProductChooser *chooser,
               const char            *typed)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (chooser, "search_entry")), typed);
  return g_list_model_get_n_items (bespoke_product_chooser_get_shown (chooser));
}

/* Typing filters by the folded name and provider: the example menu has 27
 * products (10 one-off, 5 defined-term, 12 ongoing), all Hillside
 * Support's, one of them a sleep-in. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  BespokeProductChooser *chooser = chooser_of_line (f, 0);
  g_autoptr(BespokeProduct) first = NULL;

  g_assert_cmpuint (n_shown_after (chooser, ""), ==, 27);
  g_assert_cmpuint (n_shown_after (chooser, "SLEEP"), ==, 1);
  first = g_list_model_get_item (bespoke_product_chooser_get_shown (chooser), 0);
  g_assert_cmpstr (bespoke_product_get_name (first), ==, "Sleep-in");
  g_assert_cmpuint (n_shown_after (chooser, "hillside sleep"), ==, 1);
  g_assert_cmpuint (n_shown_after (chooser, "hillside"), ==, 27);
  /* "of PAs": Training of PAs, Recruitment of PAs, Management of a team of PAs */
  g_assert_cmpuint (n_shown_after (chooser, "pas"), ==, 3);
  g_assert_cmpuint (n_shown_after (chooser, "zebra"), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child_of (chooser, "stack")), ==, "no-match");
  g_assert_nonnull (strstr (gtk_label_get_label (child_of (chooser, "no_match_label")), "zebra"));
  g_assert_cmpuint (n_shown_after (chooser, ""), ==, 27);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child_of (chooser, "stack")), ==, "list");
}

/* The open list shows each product's whole name, wrapping and never cut
 * short, with its provider, kind and price. */
static void
test_rows (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  GtkWidget *window = gtk_window_new ();
  BespokeProductChooser *chooser = BESPOKE_PRODUCT_CHOOSER (bespoke_product_chooser_new ());
  GtkWidget *popover = child_of (chooser, "popover");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkLabel *name = NULL, *detail = NULL;

  g_object_ref (chooser);
  bespoke_product_chooser_set_store (chooser, store);
  gtk_widget_set_valign (GTK_WIDGET (chooser), GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chooser));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 600);
  gtk_window_present (GTK_WINDOW (window));
  /* a popover needs its button on screen first */
  for (guint tries = 0; tries < 5000 && !gtk_widget_get_mapped (GTK_WIDGET (chooser)); tries++)
    g_main_context_iteration (NULL, FALSE);
  spin ();
  bespoke_product_chooser_popup (chooser);
  spin ();
  g_assert_true (gtk_widget_get_mapped (popover));
  g_assert_true (gtk_widget_has_focus (child_of (chooser, "search_entry")) ||
                 gtk_widget_is_focus (gtk_widget_get_focus_child (child_of (chooser, "search_entry"))));
  gtk_editable_set_text (GTK_EDITABLE (child_of (chooser, "search_entry")), "management");
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; name == NULL && g_get_monotonic_time () < deadline; )
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      g_ptr_array_set_size (labels, 0);
      find_all (popover, GTK_TYPE_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        {
          GtkLabel *label = g_ptr_array_index (labels, i);

          if (gtk_widget_get_mapped (GTK_WIDGET (label)) &&
              g_strcmp0 (gtk_label_get_label (label), "Management of a team of PAs") == 0)
            {
              name = label;
              detail = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (label)));
            }
        }
    }
  g_assert_nonnull (name);
  g_assert_true (gtk_label_get_wrap (name));
  g_assert_cmpint (gtk_label_get_ellipsize (name), ==, PANGO_ELLIPSIZE_NONE);
  /* the example menu: £150.00 a month, an ongoing product */
  g_assert_cmpstr (gtk_label_get_label (detail), ==, "Hillside Support · Ongoing · £150.00 a month");
  gtk_popover_popdown (GTK_POPOVER (popover));
  spin ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (chooser);
}

static gboolean
subtitle_has (AdwExpanderRow *row,
              const char     *text)
{
  const char *subtitle = adw_expander_row_get_subtitle (row);
  return subtitle != NULL && strstr (subtitle, text) != NULL;
}

/* Paul's mornings (Personal care and support, weekdays 07:30 for 2 h) made
 * a sleep-in by typing "sleep" and Enter: the line buys the sleep-in,
 * every night with no times, and costs 365 nights × £90.00 = £32,850.00
 * over his plan (1 January to 31 December 2027).  One undo puts back both
 * the product and the schedule. */
static void
test_choose_sleep_in (Fixture       *f,
                      gconstpointer  data)
{
  BespokeProductChooser *chooser = chooser_of_line (f, 0);
  g_autoptr(BespokeSupportLine) before = load_line (f->store, 0);
  g_autoptr(BespokeSupportLine) after = NULL;
  g_autoptr(BespokeSupportLine) undone = NULL;
  g_autoptr(BespokeProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schedule_before = bespoke_schedule_serialize (bespoke_support_line_get_schedule (before));
  g_autofree char *schedule_undone = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const BespokeSchedule *s;
  AdwExpanderRow *row;

  gtk_editable_set_text (GTK_EDITABLE (child_of (chooser, "search_entry")), "sleep");
  g_signal_emit_by_name (child_of (chooser, "search_entry"), "activate");

  after = load_line (f->store, 0);
  product = bespoke_store_load (f->store, BESPOKE_TYPE_PRODUCT, bespoke_support_line_get_product_uuid (after), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_product_get_name (product), ==, "Sleep-in");
  s = bespoke_support_line_get_schedule (after);
  g_assert_cmpint (s->kind, ==, BESPOKE_SCHEDULE_NIGHTLY);
  g_assert_cmpuint (s->weekdays, ==, 0x7f);
  g_assert_cmpuint (s->duration_minutes, ==, 0);
  g_assert_cmpstr (gtk_label_get_label (child_of (chooser, "name_label")), ==, "Sleep-in");
  g_assert_nonnull (strstr (gtk_label_get_label (child_of (chooser, "detail_label")), "£90.00 a night"));

  find_all (f->page, ADW_TYPE_EXPANDER_ROW, rows);
  row = NULL;
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (rows, i)), "support-line") == 0 && row == NULL)
      row = g_ptr_array_index (rows, i);
  for (guint tries = 0; !subtitle_has (row, "£32,850.00") && tries < 5000; tries++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (subtitle_has (row, "£32,850.00"));

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  undone = load_line (f->store, 0);
  g_assert_cmpstr (bespoke_support_line_get_product_uuid (undone), ==, bespoke_support_line_get_product_uuid (before));
  schedule_undone = bespoke_schedule_serialize (bespoke_support_line_get_schedule (undone));
  g_assert_cmpstr (schedule_undone, ==, schedule_before);
  spin ();
}

/* Clicks "Add Support" once the page has built it */
static void
click_add_support (Fixture *f)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *add = NULL;

  for (guint tries = 0; add == NULL && tries < 2000; tries++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_ptr_array_set_size (buttons, 0);
      find_all (f->page, GTK_TYPE_BUTTON, buttons);
      for (guint i = 0; i < buttons->len; i++)
        {
          GtkWidget *child = gtk_button_get_child (g_ptr_array_index (buttons, i));

          /* "Add _Support": Alt+S adds support */
          if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "Add _Support") == 0 ||
              (ADW_IS_BUTTON_CONTENT (child) && g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), "Add _Support") == 0))
            add = g_ptr_array_index (buttons, i);
        }
    }
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
}

/* Add Support with a sleep-in menu: the new line buys the sleep-in every
 * night, the schedule the core gives a product sold by the night
 * (bespoke_product_default_schedule), not an hour on Mondays. */
static void
test_add_support_default_schedule (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) lines = NULL;
  BespokeSupportLine *line;
  const BespokeSchedule *schedule;

  click_add_support (f);
  spin ();
  lines = bespoke_store_list (f->store, BESPOKE_TYPE_SUPPORT_LINE, NULL, NULL);
  g_assert_cmpuint (lines->len, ==, 1);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpint (bespoke_support_line_get_support_type (line), ==, BESPOKE_SUPPORT_PAID);
  schedule = bespoke_support_line_get_schedule (line);
  g_assert_cmpint (schedule->kind, ==, BESPOKE_SCHEDULE_NIGHTLY);
  g_assert_cmpuint (schedule->weekdays, ==, BESPOKE_WEEKDAYS_ALL);
}

/* No menu at all: "Add Support" makes unpaid support, and its chooser says
 * there are no products yet and offers the product menus. */
static void
test_no_menu (Fixture       *f,
              gconstpointer  data)
{
  BespokeProductChooser *chooser;

  click_add_support (f);
  chooser = chooser_of_line (f, 0);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (chooser)));
  g_assert_cmpstr (gtk_label_get_label (child_of (chooser, "name_label")), ==, "No products yet");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child_of (chooser, "stack")), ==, "empty");
  g_assert_cmpstr (gtk_actionable_get_action_name (child_of (chooser, "menus_button")), ==, "app.product-menus");

  /* and a toast says why the line is unpaid, and where products are made */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean told = FALSE;

    find_all (f->window, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      told |= g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)),
                         "There are no products to buy yet, so this support is unpaid. "
                         "To buy support, add a provider’s products in Product Menus (main menu).") == 0;
    g_assert_true (told);
  }
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/product-chooser/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add_func ("/product-chooser/rows", test_rows);
  g_test_add ("/product-chooser/choose-sleep-in", Fixture, NULL, fixture_set_up, test_choose_sleep_in, fixture_tear_down);
  g_test_add ("/product-chooser/no-menu", Fixture, NULL, fixture_set_up_empty, test_no_menu, fixture_tear_down);
  g_test_add ("/product-chooser/add-support-sleep-in", Fixture, NULL, fixture_set_up_sleep_in,
              test_add_support_default_schedule, fixture_tear_down);
  return g_test_run ();
}
