/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-homes-window"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-homes-window.h"
#include "bespoke-resident-row.h"
#include "bespoke-test-util.h"

/* The example shared home is the domain's Oak House: a budget of £300,000,
 * core support £180,000 and shared costs £60,000, split equally between six
 * residents (£30,000 + £10,000 each), with allocations A £50,000,
 * B £42,000, C £45,000, D £53,000, E £65,000 and F £45,000. */

static BespokeHomesWindow *
new_window (BespokeStore *store)
{
  BespokeHomesWindow *window = bespoke_homes_window_new (NULL, store);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (BespokeHomesWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gpointer
get_child (BespokeHomesWindow *window,
           const char         *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), BESPOKE_TYPE_HOMES_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

/* The text in the ISF table at @column of the row that starts with @name. */
static const char *
cell (BespokeHomesWindow *window,
      const char         *name,
      const char         *column)
{
  GtkGrid *grid = get_child (window, "isf_grid");
  int col = -1;

  for (int c = 0; gtk_grid_get_child_at (grid, c, 0) != NULL; c++)
    if (g_str_equal (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, c, 0))), column))
      col = c;
  g_assert_cmpint (col, >=, 0);

  for (int r = 1; gtk_grid_get_child_at (grid, 0, r) != NULL; r++)
    if (g_str_equal (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 0, r))), name))
      return gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, col, r)));
  g_assert_not_reached ();
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static char *
warnings (BespokeHomesWindow *window)
{
  GString *text = g_string_new (NULL);

  collect_labels (get_child (window, "warnings_box"), text);
  return g_string_free (text, FALSE);
}

static GtkWidget *
find_resident_row (GtkWidget  *widget,
                   const char *name)
{
  if (ADW_IS_EXPANDER_ROW (widget) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), name))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_resident_row (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEditable *
resident_field (BespokeHomesWindow *window,
                const char         *name,
                const char         *field)
{
  GtkWidget *row = find_resident_row (get_child (window, "residents_group"), name);

  g_assert_nonnull (row);
  if (g_str_equal (field, "allocation"))
    return bespoke_resident_row_get_allocation_row (BESPOKE_RESIDENT_ROW (row));
  g_assert_cmpstr (field, ==, "weight");
  return bespoke_resident_row_get_weight_row (BESPOKE_RESIDENT_ROW (row));
}

static BespokeHomeResident *
stored_resident (BespokeStore *store,
                 const char   *name)
{
  g_autoptr(GPtrArray) residents = NULL;
  g_autoptr(GError) error = NULL;

  residents = bespoke_store_list (store, BESPOKE_TYPE_HOME_RESIDENT, BESPOKE_EXAMPLE_HOME_UUID, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < residents->len; i++)
    {
      BespokeHomeResident *r = g_ptr_array_index (residents, i);
      g_autoptr(BespokePerson) person = bespoke_store_load (store, BESPOKE_TYPE_PERSON,
                                                            bespoke_home_resident_get_person_uuid (r), NULL);

      if (person != NULL && g_str_equal (bespoke_person_get_name (person), name))
        return g_object_ref (r);
    }
  return NULL;
}

static void
test_homes_isf_table (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeHomesWindow *window = new_window (store);
  g_autofree char *words = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "content_stack")), ==, "home");
  g_assert_cmpstr (gtk_editable_get_text (get_child (window, "budget_row")), ==, "£300,000.00");

  /* Personal money = allocation − (£30,000 core + £10,000 shared) */
  g_assert_cmpstr (cell (window, "Ann Hughes", "Core support"), ==, "£30,000.00");
  g_assert_cmpstr (cell (window, "Ann Hughes", "Shared costs"), ==, "£10,000.00");
  g_assert_cmpstr (cell (window, "Ann Hughes", "Personal money"), ==, "£10,000.00"); /* 50,000 − 40,000 */
  g_assert_cmpstr (cell (window, "Ben Carter", "Personal money"), ==, "£2,000.00");  /* 42,000 − 40,000 */
  g_assert_cmpstr (cell (window, "Dev Patel", "Personal money"), ==, "£13,000.00");  /* 53,000 − 40,000 */
  g_assert_cmpstr (cell (window, "Ellie Shaw", "Personal money"), ==, "£25,000.00"); /* 65,000 − 40,000 */
  /* 300,000 − 240,000 */
  g_assert_cmpstr (cell (window, "Total", "Personal money"), ==, "£60,000.00");
  g_assert_cmpstr (cell (window, "Total", "Allocation"), ==, "£300,000.00");

  /* They add up: no flags, a sentence that says so. */
  words = warnings (window);
  g_assert_nonnull (strstr (words, "add up to the home’s budget of £300,000.00"));

  /* "Export as Spreadsheet…" (issue #15): the same figures, in pounds */
  {
    g_autoptr(GBytes) bytes = bespoke_homes_window_get_spreadsheet (window);
    g_autofree char *text = NULL;
    gsize size;
    const char *data;

    g_assert_nonnull (bytes);
    data = g_bytes_get_data (bytes, &size);
    text = g_strndup (data, size);
    g_assert_nonnull (strstr (text, "\r\nDev Patel,GBP,53000.00,30000.00,10000.00,13000.00\r\n"));
    g_assert_nonnull (strstr (text, "\r\nBen Carter,GBP,42000.00,30000.00,10000.00,2000.00\r\n"));
    g_assert_nonnull (strstr (text, "\r\ntotal,GBP,300000.00\r\n"));
  }

  destroy_window (window);
}

static void
test_homes_allocation_is_live (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeHomesWindow *window = new_window (store);
  g_autoptr(BespokeHomeResident) dev = NULL;
  g_autofree char *words = NULL;

  /* The slide's £55,000 for D: the table follows, and flags the sum. */
  gtk_editable_set_text (resident_field (window, "Dev Patel", "allocation"), "£55,000");
  g_assert_cmpstr (cell (window, "Dev Patel", "Personal money"), ==, "£15,000.00"); /* 55,000 − 40,000 */
  g_assert_cmpstr (cell (window, "Total", "Allocation"), ==, "£302,000.00");
  words = warnings (window);
  /* 302,000 − 300,000 */
  g_assert_nonnull (strstr (words, "£2,000.00 more than the home’s budget"));

  dev = stored_resident (store, "Dev Patel");
  g_assert_cmpint (bespoke_home_resident_get_allocation (dev), ==, 5500000);

  destroy_window (window);
}

static void
test_homes_invalid_input_is_not_saved (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeHomesWindow *window = new_window (store);
  g_autoptr(BespokeHome) home = NULL;
  g_autoptr(BespokeHomeResident) ann = NULL;
  const char *message;

  gtk_editable_set_text (get_child (window, "budget_row"), "lots");
  g_assert_true (gtk_revealer_get_reveal_child (get_child (window, "error_revealer")));
  message = gtk_label_get_label (get_child (window, "error_label"));
  g_assert_nonnull (strstr (message, "Budget a year"));
  gtk_editable_set_text (resident_field (window, "Ann Hughes", "weight"), "-2");
  g_assert_true (gtk_revealer_get_reveal_child (get_child (window, "error_revealer")));
  gtk_editable_set_text (get_child (window, "name_row"), "");
  g_assert_true (gtk_revealer_get_reveal_child (get_child (window, "error_revealer")));

  home = bespoke_store_load (store, BESPOKE_TYPE_HOME, BESPOKE_EXAMPLE_HOME_UUID, NULL);
  g_assert_cmpint (bespoke_home_get_budget (home), ==, 30000000);
  g_assert_cmpstr (bespoke_home_get_name (home), ==, "Oak House");
  ann = stored_resident (store, "Ann Hughes");
  g_assert_cmpuint (bespoke_home_resident_get_weight (ann), ==, 1);

  /* The table still shows the last valid figures. */
  g_assert_cmpstr (cell (window, "Total", "Allocation"), ==, "£300,000.00");

  destroy_window (window);
}

static void
test_homes_split_by_weights (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeHomesWindow *window = new_window (store);
  g_autofree char *words = NULL;

  adw_combo_row_set_selected (get_child (window, "split_row"), BESPOKE_SPLIT_WEIGHTS);
  gtk_editable_set_text (resident_field (window, "Ann Hughes", "weight"), "2");

  /* Weights 2,1,1,1,1,1 (7 in all).  Core: £180,000 × 2/7 = £51,428.571…,
   * whose remainder (1/7) is smaller than the others' (4/7), so the pennies
   * left over go to them: £51,428.57.  Shared: £60,000 × 2/7 = £17,142.857…
   * (remainder 5/7 against the others' 6/7): £17,142.85.
   * Personal money: 50,000 − 51,428.57 − 17,142.85 = −£18,571.42. */
  g_assert_cmpstr (cell (window, "Ann Hughes", "Core support"), ==, "£51,428.57");
  g_assert_cmpstr (cell (window, "Ann Hughes", "Shared costs"), ==, "£17,142.85");
  g_assert_cmpstr (cell (window, "Ann Hughes", "Personal money"), ==, "-£18,571.42");
  g_assert_cmpstr (cell (window, "Ann Hughes", "Weight"), ==, "2");
  words = warnings (window);
  g_assert_nonnull (strstr (words, "Ann Hughes’s allocation is £18,571.42 short"));

  destroy_window (window);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_homes_remove_resident_undo (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeHomesWindow *window = new_window (store);
  g_autoptr(BespokeHomeResident) before = stored_resident (store, "Ellie Shaw");
  g_autoptr(BespokeHomeResident) gone = NULL;
  g_autoptr(BespokeHomeResident) back = NULL;
  GtkWidget *row = find_resident_row (get_child (window, "residents_group"), "Ellie Shaw");
  GtkWidget *undo;
  g_autofree char *words = NULL;

  g_signal_emit_by_name (bespoke_resident_row_get_remove_button (BESPOKE_RESIDENT_ROW (row)), "clicked");
  gone = stored_resident (store, "Ellie Shaw");
  g_assert_null (gone);
  g_assert_null (find_resident_row (get_child (window, "residents_group"), "Ellie Shaw"));
  /* Five share the costs now; the allocations are £65,000 short of the
   * budget: 300,000 − 65,000 = £235,000. */
  g_assert_cmpstr (cell (window, "Total", "Allocation"), ==, "£235,000.00");
  g_assert_cmpstr (cell (window, "Ann Hughes", "Core support"), ==, "£36,000.00"); /* 180,000 / 5 */
  words = warnings (window);
  g_assert_nonnull (strstr (words, "£65,000.00 less than the home’s budget"));

  /* The toast brings the same record back. */
  undo = find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  back = stored_resident (store, "Ellie Shaw");
  g_assert_nonnull (back);
  g_assert_true (bespoke_record_equal (BESPOKE_RECORD (back), BESPOKE_RECORD (before)));
  g_assert_cmpstr (cell (window, "Total", "Allocation"), ==, "£300,000.00");

  destroy_window (window);
}

static void
test_homes_add_resident (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  BespokeHomesWindow *window = new_window (store);
  g_autoptr(BespokeHomeResident) paul = NULL;
  AdwEntryRow *add = get_child (window, "add_resident_row");

  gtk_editable_set_text (GTK_EDITABLE (add), "Nobody Atall");
  g_signal_emit_by_name (add, "apply");
  g_assert_true (gtk_revealer_get_reveal_child (get_child (window, "error_revealer")));

  gtk_editable_set_text (GTK_EDITABLE (add), "Paul Roberts");
  g_signal_emit_by_name (add, "apply");
  g_assert_false (gtk_revealer_get_reveal_child (get_child (window, "error_revealer")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");

  /* Seven share the costs now: £240,000 / 7 = £34,285.714…, and Paul's
   * allocation is £0.00 until one is set. */
  g_assert_cmpstr (cell (window, "Paul Roberts", "Allocation"), ==, "£0.00");
  paul = stored_resident (store, "Paul Roberts");
  g_assert_nonnull (paul);

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

  g_test_add_func ("/homes-window/isf-table", test_homes_isf_table);
  g_test_add_func ("/homes-window/allocation-is-live", test_homes_allocation_is_live);
  g_test_add_func ("/homes-window/invalid-input-is-not-saved", test_homes_invalid_input_is_not_saved);
  g_test_add_func ("/homes-window/split-by-weights", test_homes_split_by_weights);
  g_test_add_func ("/homes-window/add-resident", test_homes_add_resident);
  g_test_add_func ("/homes-window/remove-resident-undo", test_homes_remove_resident_undo);

  return g_test_run ();
}
