/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-menus-window"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-menus-window.h"
#include "bespoke-test-util.h"

/* The example menu (bespoke-example.c) is Hillside Support's: 10 one-off,
 * 5 defined-term and 12 ongoing products, each at version 1.  Personal care
 * and support is £21.50 an hour. */
#define PERSONAL_CARE "Personal care and support"
#define PERSONAL_CARE_SERIES "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0101"

static BespokeMenusWindow *
new_window (BespokeStore *store)
{
  BespokeMenusWindow *window = bespoke_menus_window_new (NULL, store);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (BespokeMenusWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gpointer
get_child (BespokeMenusWindow *window,
           const char         *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), BESPOKE_TYPE_MENUS_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static void
collect_action_rows (GtkWidget *widget,
                     GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) &&
      gtk_widget_get_visible (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_action_rows (child, rows);
}

static guint
count_products (BespokeMenusWindow *window,
                const char         *group)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_action_rows (get_child (window, group), rows);
  return rows->len;
}

static void
open_product (BespokeMenusWindow *window,
              const char         *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_action_rows (get_child (window, "provider_page"), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), name))
      {
        g_signal_emit_by_name (g_ptr_array_index (rows, i), "activated");
        g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "content_stack")), ==, "product");
        return;
      }
  g_assert_not_reached ();
}

static void
type_into (BespokeMenusWindow *window,
           const char         *row,
           const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_child (window, row)), text);
}

/* Every version of the series, lowest version first. */
static GPtrArray *
versions (BespokeStore *store,
          const char   *series)
{
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  products = bespoke_store_list (store, BESPOKE_TYPE_PRODUCT, NULL, &error);
  g_assert_no_error (error);
  for (guint v = 1; v <= products->len; v++)
    for (guint i = 0; i < products->len; i++)
      {
        BespokeProduct *p = g_ptr_array_index (products, i);

        if (g_strcmp0 (bespoke_product_get_series_uuid (p), series) == 0 && bespoke_product_get_version (p) == v)
          g_ptr_array_add (found, g_object_ref (p));
      }
  return found;
}

static gboolean
error_shown (BespokeMenusWindow *window)
{
  return gtk_revealer_get_reveal_child (get_child (window, "error_revealer"));
}

static void
test_menus_lists_products_by_kind (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeMenusWindow *window = new_window (store);

  /* The only provider is shown at once. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "content_stack")), ==, "provider");
  g_assert_cmpstr (adw_window_title_get_title (get_child (window, "content_title")), ==, "Hillside Support");
  g_assert_cmpstr (gtk_editable_get_text (get_child (window, "provider_name_row")), ==, "Hillside Support");

  g_assert_cmpuint (count_products (window, "one_off_group"), ==, 10);
  g_assert_cmpuint (count_products (window, "defined_term_group"), ==, 5);
  g_assert_cmpuint (count_products (window, "ongoing_group"), ==, 12);

  open_product (window, PERSONAL_CARE);
  g_assert_cmpstr (gtk_editable_get_text (get_child (window, "price_row")), ==, "£21.50");
  g_assert_cmpuint (adw_combo_row_get_selected (get_child (window, "kind_row")), ==, BESPOKE_PRODUCT_ONGOING);
  g_assert_cmpuint (adw_combo_row_get_selected (get_child (window, "unit_row")), ==, BESPOKE_UNIT_HOUR);
  /* A band rate that is not set is empty, not £0.00 */
  g_assert_cmpstr (gtk_editable_get_text (get_child (window, "rate_sunday_row")), ==, "");

  destroy_window (window);
}

/* One date style (#14): the price's first day shows as 1/4/2026, not
 * 2026-04-01, its title asks for no format, and a date typed that way is
 * kept as the day it says. */
static void
test_menus_date_style (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeMenusWindow *window = new_window (store);
  g_autoptr(GPtrArray) after = NULL;
  AdwPreferencesRow *row;

  open_product (window, PERSONAL_CARE);
  row = get_child (window, "valid_from_row");
  /* the example's prices apply from 1 April 2026 */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "1/4/2026");
  g_assert_null (strstr (adw_preferences_row_get_title (row), "YYYY"));

  type_into (window, "valid_from_row", "6/4/2026");
  g_assert_false (error_shown (window));
  after = versions (store, PERSONAL_CARE_SERIES);
  g_assert_cmpstr (bespoke_product_get_valid_from (g_ptr_array_index (after, after->len - 1)), ==, "2026-04-06");

  /* an impossible day is refused with a sentence in the same style */
  type_into (window, "valid_from_row", "31/02/2027");
  g_assert_true (error_shown (window));
  g_assert_nonnull (strstr (gtk_label_get_label (get_child (window, "error_label")), "such as 1/4/2027"));

  destroy_window (window);
}

static void
test_menus_price_change_is_new_version (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeMenusWindow *window = new_window (store);
  g_autoptr(GPtrArray) before = versions (store, PERSONAL_CARE_SERIES);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  BespokeProduct *old, *next;

  g_assert_cmpuint (before->len, ==, 1);
  open_product (window, PERSONAL_CARE);

  type_into (window, "price_row", "£26.50");
  g_assert_false (error_shown (window));
  after = versions (store, PERSONAL_CARE_SERIES);
  g_assert_cmpuint (after->len, ==, 2);
  old = g_ptr_array_index (after, 0);
  next = g_ptr_array_index (after, 1);
  /* The old version is untouched: plans made at £21.50 keep it. */
  g_assert_true (bespoke_record_equal (BESPOKE_RECORD (old), g_ptr_array_index (before, 0)));
  g_assert_cmpint (bespoke_product_get_unit_price (old), ==, 2150);
  g_assert_cmpuint (bespoke_product_get_version (next), ==, 2);
  g_assert_cmpint (bespoke_product_get_unit_price (next), ==, 2650);
  g_assert_cmpstr (bespoke_product_get_name (next), ==, PERSONAL_CARE);
  g_assert_cmpstr (bespoke_product_get_valid_from (next), ==, today);
  g_assert_cmpstr (bespoke_record_get_uuid (BESPOKE_RECORD (next)), !=, bespoke_record_get_uuid (BESPOKE_RECORD (old)));

  /* Typing on corrects the version made here rather than making a third. */
  type_into (window, "price_row", "£27");
  type_into (window, "rate_saturday_row", "£30.00");
  again = versions (store, PERSONAL_CARE_SERIES);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpint (bespoke_product_get_unit_price (g_ptr_array_index (again, 1)), ==, 2700);
  g_assert_cmpint (bespoke_product_get_rate_saturday (g_ptr_array_index (again, 1)), ==, 3000);

  /* Emptying a band rate means "not set": -1, the unit price applies. */
  type_into (window, "rate_saturday_row", "");
  g_clear_pointer (&again, g_ptr_array_unref);
  again = versions (store, PERSONAL_CARE_SERIES);
  g_assert_cmpint (bespoke_product_get_rate_saturday (g_ptr_array_index (again, 1)), ==, -1);

  /* A premium of 12.5% is 1250 hundredths of a percent. */
  type_into (window, "premium_percent_row", "12.5");
  g_clear_pointer (&again, g_ptr_array_unref);
  again = versions (store, PERSONAL_CARE_SERIES);
  g_assert_cmpuint (bespoke_product_get_premium_percent_bp (g_ptr_array_index (again, 1)), ==, 1250);

  destroy_window (window);
}

/* A premium is typed as a percentage and kept in hundredths of a percent;
 * it is shown as bespoke-format shows hundredths: whole numbers without a
 * point, anything else with two decimals. */
static void
test_menus_premium_percent (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeMenusWindow *window = new_window (store);
  g_autoptr(GPtrArray) typed = NULL;
  g_autoptr(GPtrArray) emptied = NULL;
  const char *message;

  open_product (window, PERSONAL_CARE);

  /* 12.5% = 1250 hundredths; a space before the sign is fine. */
  type_into (window, "premium_percent_row", "12.5 %");
  g_assert_false (error_shown (window));
  typed = versions (store, PERSONAL_CARE_SERIES);
  g_assert_cmpuint (bespoke_product_get_premium_percent_bp (g_ptr_array_index (typed, typed->len - 1)), ==, 1250);

  /* More than 1,000% is refused, and the field is named. */
  type_into (window, "premium_percent_row", "1000.01");
  g_assert_true (error_shown (window));
  message = gtk_label_get_label (get_child (window, "error_label"));
  g_assert_nonnull (strstr (message, "is not a percentage"));
  g_assert_true (g_str_has_prefix (message, adw_preferences_row_get_title (get_child (window, "premium_percent_row"))));

  /* Shown again from the store: 1250 reads "12.50". */
  type_into (window, "premium_percent_row", "12.5");
  g_assert_false (error_shown (window));
  g_signal_emit_by_name (get_child (window, "back_button"), "clicked");
  open_product (window, PERSONAL_CARE);
  g_assert_cmpstr (gtk_editable_get_text (get_child (window, "premium_percent_row")), ==, "12.50");

  /* Empty is none. */
  type_into (window, "premium_percent_row", "");
  g_assert_false (error_shown (window));
  emptied = versions (store, PERSONAL_CARE_SERIES);
  g_assert_cmpuint (bespoke_product_get_premium_percent_bp (g_ptr_array_index (emptied, emptied->len - 1)), ==, 0);

  destroy_window (window);
}

static void
test_menus_invalid_input_is_not_saved (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeMenusWindow *window = new_window (store);
  g_autoptr(GPtrArray) after = NULL;
  GtkSwitch *outcome_based;
  const char *message;

  open_product (window, PERSONAL_CARE);

  type_into (window, "price_row", "abc");
  g_assert_true (error_shown (window));
  message = gtk_label_get_label (get_child (window, "error_label"));
  /* The sentence names the field and says what to type. */
  g_assert_nonnull (strstr (message, "Unit price"));
  g_assert_nonnull (strstr (message, "is not an amount of money"));
  g_assert_true (gtk_widget_has_css_class (get_child (window, "price_row"), "error"));

  type_into (window, "name_row", "   ");
  g_assert_true (error_shown (window));
  type_into (window, "valid_from_row", "31/02/2027");
  g_assert_true (error_shown (window));
  type_into (window, "term_row", "many");
  g_assert_true (error_shown (window));

  /* Only one-off products may be outcome-based: the switch goes back. */
  outcome_based = get_child (window, "outcome_based_switch");
  gtk_switch_set_active (outcome_based, TRUE);
  g_assert_true (error_shown (window));
  g_assert_false (gtk_switch_get_active (outcome_based));

  after = versions (store, PERSONAL_CARE_SERIES);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (bespoke_product_get_unit_price (g_ptr_array_index (after, 0)), ==, 2150);
  g_assert_cmpstr (bespoke_product_get_name (g_ptr_array_index (after, 0)), ==, PERSONAL_CARE);
  g_assert_false (bespoke_product_get_outcome_based (g_ptr_array_index (after, 0)));

  /* A valid value clears the sentence. */
  type_into (window, "name_row", "Personal care");
  g_assert_false (error_shown (window));

  destroy_window (window);
}

static void
test_menus_add_provider_and_product (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeMenusWindow *window = new_window (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) products = NULL;
  BespokeProvider *provider = NULL;
  BespokeProduct *product;

  g_signal_emit_by_name (get_child (window, "add_provider_button"), "clicked");
  type_into (window, "provider_name_row", "Fellside Care");
  type_into (window, "provider_contact_row", "01632 960 999");
  g_assert_cmpuint (count_products (window, "ongoing_group"), ==, 0);

  g_signal_emit_by_name (get_child (window, "add_one_off_button"), "clicked");
  type_into (window, "name_row", "Job finding");
  type_into (window, "price_row", "£3,000");
  gtk_switch_set_active (get_child (window, "outcome_based_switch"), TRUE);
  g_assert_false (error_shown (window));

  providers = bespoke_store_list (store, BESPOKE_TYPE_PROVIDER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (providers->len, ==, 2);
  for (guint i = 0; i < providers->len; i++)
    if (g_strcmp0 (bespoke_provider_get_name (g_ptr_array_index (providers, i)), "Fellside Care") == 0)
      provider = g_ptr_array_index (providers, i);
  g_assert_nonnull (provider);
  g_assert_cmpstr (bespoke_provider_get_contact (provider), ==, "01632 960 999");

  products = bespoke_store_list (store, BESPOKE_TYPE_PRODUCT, bespoke_record_get_uuid (BESPOKE_RECORD (provider)), &error);
  g_assert_no_error (error);
  /* A new product is corrected in place while it is being written. */
  g_assert_cmpuint (products->len, ==, 1);
  product = g_ptr_array_index (products, 0);
  g_assert_cmpstr (bespoke_product_get_name (product), ==, "Job finding");
  g_assert_cmpint (bespoke_product_get_kind (product), ==, BESPOKE_PRODUCT_ONE_OFF);
  g_assert_cmpint (bespoke_product_get_unit_price (product), ==, 300000);
  g_assert_true (bespoke_product_get_outcome_based (product));
  g_assert_cmpuint (bespoke_product_get_version (product), ==, 1);

  /* An outcome-based product must stay one-off: the kind goes back. */
  adw_combo_row_set_selected (get_child (window, "kind_row"), BESPOKE_PRODUCT_ONGOING);
  g_assert_true (error_shown (window));
  g_assert_cmpuint (adw_combo_row_get_selected (get_child (window, "kind_row")), ==, BESPOKE_PRODUCT_ONE_OFF);

  /* Back on the menu, it is listed with the one-off products. */
  g_signal_emit_by_name (get_child (window, "back_button"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "content_stack")), ==, "provider");
  g_assert_cmpuint (count_products (window, "one_off_group"), ==, 1);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/menus-window/lists-products-by-kind", test_menus_lists_products_by_kind);
  g_test_add_func ("/menus-window/price-change-is-new-version", test_menus_price_change_is_new_version);
  g_test_add_func ("/menus-window/invalid-input-is-not-saved", test_menus_invalid_input_is_not_saved);
  g_test_add_func ("/menus-window/date-style", test_menus_date_style);
  g_test_add_func ("/menus-window/premium-percent", test_menus_premium_percent);
  g_test_add_func ("/menus-window/add-provider-and-product", test_menus_add_provider_and_product);

  return g_test_run ();
}
