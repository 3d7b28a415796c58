/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-plan-page"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-budget-page.h"
#include "bespoke-date-popover.h"
#include "bespoke-plan-item-row.h"
#include "bespoke-plan-page.h"
#include "bespoke-product-chooser.h"
#include "bespoke-schedule-editor.h"
#include "bespoke-test-util.h"

/* The example's fixed UUIDs (src/core/example/bespoke-example.c) */
#define PAUL_PLAN_UUID "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0002"

typedef struct
{
  BespokeStore   *store;
  BespokeHistory *history;
  BespokePerson  *paul;
  GtkWidget      *window;
  GtkWidget      *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = bespoke_store_open (":memory:", &error);
  g_assert_no_error (error);
  bespoke_example_install (f->store, &error);
  g_assert_no_error (error);
  f->history = bespoke_history_new (f->store);
  f->paul = bespoke_store_load (f->store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);

  f->page = g_object_ref (bespoke_plan_page_new ());
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  bespoke_plan_page_set_person (BESPOKE_PLAN_PAGE (f->page), f->store, f->history, f->paul);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->page);
  g_clear_object (&f->paul);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->store);
}

static void
find_all (GtkWidget  *widget,
          GType       type,
          const char *name,
          GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_all (child, type, name, found);
}

static gpointer
find_one (GtkWidget  *widget,
          GType       type,
          const char *name,
          guint       index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (widget, type, name, found);
  g_assert_cmpuint (found->len, >, index);
  return g_ptr_array_index (found, index);
}

/* Opens the @index-th support line as a planner does (its schedule
 * editor is made then) and gives its schedule editor */
static BespokeScheduleEditor *
open_schedule_editor (Fixture *f,
                      guint    index)
{
  AdwExpanderRow *row = find_one (f->page, ADW_TYPE_EXPANDER_ROW, "support-line", index);

  adw_expander_row_set_expanded (row, TRUE);
  return find_one (GTK_WIDGET (row), BESPOKE_TYPE_SCHEDULE_EDITOR, NULL, 0);
}

static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (widget, type, NULL, found);
  return found->len;
}

static BespokeBudget *
load_budget (BespokeStore *store)
{
  g_autoptr(GPtrArray) budgets = bespoke_store_list (store, BESPOKE_TYPE_BUDGET, PAUL_PLAN_UUID, NULL);

  g_assert_cmpuint (budgets->len, ==, 1);
  return g_object_ref (g_ptr_array_index (budgets, 0));
}

static BespokePlan *
load_plan (BespokeStore *store)
{
  return bespoke_store_load (store, BESPOKE_TYPE_PLAN, PAUL_PLAN_UUID, NULL);
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

static void
type_into (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
press_enter (GtkWidget *entry_row)
{
  g_signal_emit_by_name (entry_row, "entry-activated");
}

static GtkLabel *
details_error (Fixture *f)
{
  return find_one (f->page, GTK_TYPE_LABEL, "details-error", 0);
}

/* The page shows Paul's plan: its three outcomes, seven lines and three
 * risks from the example, each line with its cost from the engine. */
static void
test_plan_page_shows_plan (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  AdwExpanderRow *morning;

  find_all (f->page, ADW_TYPE_EXPANDER_ROW, "support-line", lines);
  g_assert_cmpuint (lines->len, ==, 7);

  /* the mornings: Mon–Fri 07:30 for 2 h, 261 weekdays × 2 h × £21.50 = £11,223.00 */
  morning = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (morning)), ==,
                   "Support in the mornings while Mum is at work");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (morning), "£11,223.00"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (morning), "Mon–Fri"));
}

/* A money field reading "abc" is marked with a sentence, and the store
 * keeps the old budget; a valid amount is then saved, and can be undone. */
static void
test_plan_page_bad_money (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *amount = find_one (f->page, ADW_TYPE_ENTRY_ROW, "budget-amount", 0);
  g_autoptr(BespokeBudget) before = NULL;
  g_autoptr(BespokeBudget) after = NULL;
  g_autoptr(BespokeBudget) undone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "£34,000.00");

  type_into (amount, "abc");
  press_enter (amount);
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (details_error (f))));
  g_assert_nonnull (strstr (gtk_label_get_label (details_error (f)), "individual budget"));
  before = load_budget (f->store);
  g_assert_cmpint (bespoke_budget_get_amount (before), ==, 3400000);
  g_assert_false (bespoke_history_get_can_undo (f->history));

  /* £35,000 is 3,500,000 pence */
  type_into (amount, "£35,000");
  g_assert_false (gtk_widget_has_css_class (amount, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (details_error (f))));
  press_enter (amount);
  after = load_budget (f->store);
  g_assert_cmpint (bespoke_budget_get_amount (after), ==, 3500000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "£35,000.00");  /* written the usual way */

  bespoke_history_undo (f->history, &error);
  g_assert_no_error (error);
  undone = load_budget (f->store);
  g_assert_cmpint (bespoke_budget_get_amount (undone), ==, 3400000);
}

/* An end date before the start, and a date that is not a date, are
 * refused with a sentence; the plan in the store keeps its period. */
static void
test_plan_page_bad_dates (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *end = find_one (f->page, ADW_TYPE_ENTRY_ROW, "period-end", 0);
  g_autoptr(BespokePlan) plan = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end)), ==, "31/12/2027");

  type_into (end, "31/12/2026");   /* before the start, 1/1/2027 */
  press_enter (end);
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (details_error (f)), "before"));

  type_into (end, "31/13/2027");   /* no thirteenth month */
  press_enter (end);
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (details_error (f)), "no such day"));

  plan = load_plan (f->store);
  g_assert_cmpstr (bespoke_plan_get_period_end (plan), ==, "2027-12-31");
  g_assert_false (bespoke_history_get_can_undo (f->history));
}

/* In the schedule editor: a duration of zero and a term that ends before
 * it starts are refused with the sentence, and the line is unchanged. */
static void
test_plan_page_bad_schedule (Fixture       *f,
                             gconstpointer  data)
{
  BespokeScheduleEditor *editor = open_schedule_editor (f, 0);
  GtkSpinButton *hours = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "hours_spin"));
  GtkSpinButton *minutes = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "minutes_spin"));
  GtkEditable *from = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "term_start_entry"));
  GtkEditable *until = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "term_end_entry"));
  GtkLabel *error_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "error_label"));
  g_autoptr(BespokeSupportLine) line = NULL;

  g_assert_cmpint (gtk_spin_button_get_value_as_int (hours), ==, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (minutes), ==, 0);

  gtk_spin_button_set_value (hours, 0);
  g_assert_false (bespoke_schedule_editor_get_valid (editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (hours), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_label (error_label), ==, "The duration is zero. Give how long each visit lasts, e.g. 3 h.");
  line = load_line (f->store, 0);
  g_assert_cmpuint (bespoke_support_line_get_schedule (line)->duration_minutes, ==, 120);
  g_clear_object (&line);

  gtk_spin_button_set_value (hours, 2);
  g_assert_true (bespoke_schedule_editor_get_valid (editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_false (bespoke_history_get_can_undo (f->history));  /* back as it was: nothing to save */

  gtk_editable_set_text (from, "1/6/2027");
  gtk_editable_set_text (until, "1/3/2027");
  g_assert_false (bespoke_schedule_editor_get_valid (editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (until), "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "ends before it starts"));
  line = load_line (f->store, 0);
  g_assert_cmpuint (bespoke_support_line_get_schedule (line)->term_end, ==, 0);
  /* the "from" date alone was valid, and was kept: 1 June 2027 */
  {
    GDate june;

    g_date_clear (&june, 1);
    g_date_set_dmy (&june, 1, G_DATE_JUNE, 2027);
    g_assert_cmpuint (bespoke_support_line_get_schedule (line)->term_start, ==, g_date_get_julian (&june));
  }
  /* the undo names the line: Paul's first, "Support in the mornings while
   * Mum is at work", cut at the last word before 28 characters */
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==,
                   "Change the schedule of Paul’s support “Support in the mornings…”");
}

/* The budget page follows an edit made in the plan page's schedule
 * editor: the mornings go from 2 h to 3 h, 261 weekdays in 2027 × 1 h ×
 * £21.50 = £5,611.50 more, so committed is £22,000.00 + £5,611.50 =
 * £27,611.50, and the line itself 261 × 3 × £21.50 = £16,834.50. */
static void
test_plan_page_budget_follows (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *budget = g_object_ref_sink (bespoke_budget_page_new ());
  BespokeScheduleEditor *editor = open_schedule_editor (f, 0);
  GtkSpinButton *hours = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "hours_spin"));
  GtkLabel *committed;
  GtkLabel *summary = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "summary_label"));
  AdwExpanderRow *morning = find_one (f->page, ADW_TYPE_EXPANDER_ROW, "support-line", 0);

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (budget), f->store, f->history, f->paul);
  committed = GTK_LABEL (gtk_widget_get_template_child (budget, BESPOKE_TYPE_BUDGET_PAGE, "committed_label"));
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£22,000.00");

  gtk_spin_button_set_value (hours, 3);
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£27,611.50");
  g_assert_nonnull (strstr (gtk_label_get_label (summary), "3 h"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (morning), "£16,834.50"));
  g_assert_true (bespoke_history_get_can_undo (f->history));

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (budget), NULL, NULL, NULL);
  g_assert_finalize_object (budget);
}

/* Specials, typed on the page, by hand on Paul's morning line
 * (261 weekdays × 2 h × £21.50 = £11,223.00):
 *   a 10% discount on the line: £11,223.00 × 0.9 = £10,100.70, so committed
 *   is £22,000.00 − £1,122.30 = £20,877.70;
 *   then the first 10 hours free: (522 − 10) h × £21.50 × 0.9 = £9,907.20,
 *   committed £20,877.70 − £193.50 = £20,684.20;
 *   then 5% off the whole plan, each line rounded once:
 *   £9,907.20 × 0.95 = £9,411.84, £5,512.00 × 0.95 = £5,236.40,
 *   £5,265.00 × 0.95 = £5,001.75; committed £19,649.99. */
static void
test_plan_page_specials (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *budget = g_object_ref_sink (bespoke_budget_page_new ());
  AdwActionRow *discount = find_one (f->page, ADW_TYPE_ACTION_ROW, "line-discount", 0);
  AdwActionRow *free_units = find_one (f->page, ADW_TYPE_ACTION_ROW, "free-units", 0);
  AdwActionRow *plan_discount = find_one (f->page, ADW_TYPE_ACTION_ROW, "plan-discount", 0);
  GtkLabel *committed;

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (budget), f->store, f->history, f->paul);
  committed = GTK_LABEL (gtk_widget_get_template_child (budget, BESPOKE_TYPE_BUDGET_PAGE, "committed_label"));
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£22,000.00");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (discount)), 10);
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£20,877.70");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (free_units)), 10);
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£20,684.20");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (plan_discount)), 5);
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£19,649.99");

  /* each is one undoable step */
  g_assert_true (bespoke_history_undo (f->history, NULL));
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£20,684.20");

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (budget), NULL, NULL, NULL);
  g_assert_finalize_object (budget);
}

static gboolean
spin_shows (GtkSpinButton **spin,
            int            value)
{
  return *spin != NULL && gtk_spin_button_get_value_as_int (*spin) == value;
}

/* A closed support line has no schedule editor (about half a megabyte of
 * widgets each, for a plan of many lines); opening it makes one, showing
 * the line's schedule as saved, and closing and opening it again keeps
 * that one.  Paul's first line is his mornings, Mon–Fri from 07:30 for
 * 2 h; his second is support at work, Tue and Thu from 09:00 for 360
 * minutes, 6 h (bespoke-example.c). */
static void
test_plan_page_schedule_editor_on_open (Fixture       *f,
                                        gconstpointer  data)
{
  AdwExpanderRow *first = find_one (f->page, ADW_TYPE_EXPANDER_ROW, "support-line", 0);
  BespokeScheduleEditor *editor;
  GtkSpinButton *hours;

  g_assert_cmpuint (count_widgets (f->page, BESPOKE_TYPE_SCHEDULE_EDITOR), ==, 0);

  editor = open_schedule_editor (f, 0);
  g_assert_cmpuint (count_widgets (f->page, BESPOKE_TYPE_SCHEDULE_EDITOR), ==, 1);
  hours = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "hours_spin"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hours), ==, 2);
  g_assert_false (bespoke_history_get_can_undo (f->history));  /* opening saves nothing */

  adw_expander_row_set_expanded (first, FALSE);
  adw_expander_row_set_expanded (first, TRUE);
  g_assert_true (find_one (GTK_WIDGET (first), BESPOKE_TYPE_SCHEDULE_EDITOR, NULL, 0) == editor);
  g_assert_cmpuint (count_widgets (f->page, BESPOKE_TYPE_SCHEDULE_EDITOR), ==, 1);

  editor = open_schedule_editor (f, 1);
  g_assert_cmpuint (count_widgets (f->page, BESPOKE_TYPE_SCHEDULE_EDITOR), ==, 2);
  hours = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "hours_spin"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hours), ==, 6);
}

/* An undo made elsewhere (the window's Ctrl+Z) shows on the page: the
 * mornings go back from 3 h to 2 h, and the line's cost back to
 * 261 × 2 × £21.50 = £11,223.00. */
static void
test_plan_page_follows_undo (Fixture       *f,
                             gconstpointer  data)
{
  BespokeScheduleEditor *editor = open_schedule_editor (f, 0);
  GtkSpinButton *hours = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "hours_spin"));
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  AdwExpanderRow *morning;

  gtk_spin_button_set_value (hours, 3);
  bespoke_history_undo (f->history, &error);
  g_assert_no_error (error);

  /* the page is rebuilt when idle: wait for the new editor */
  for (;;)
    {
      editor = find_one (f->page, BESPOKE_TYPE_SCHEDULE_EDITOR, NULL, 0);
      hours = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "hours_spin"));
      if (spin_shows (&hours, 2))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  morning = find_one (f->page, ADW_TYPE_EXPANDER_ROW, "support-line", 0);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (morning), "£11,223.00"));
  g_assert_true (bespoke_history_get_can_redo (f->history));
}

static void
wait_for_lines (Fixture   *f,
                guint      n,
                GPtrArray *lines)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      g_ptr_array_set_size (lines, 0);
      find_all (f->page, ADW_TYPE_EXPANDER_ROW, "support-line", lines);
      if (lines->len == n)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  find_all (widget, GTK_TYPE_BUTTON, NULL, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));
      const char *shown = ADW_IS_BUTTON_CONTENT (child) ? adw_button_content_get_label (ADW_BUTTON_CONTENT (child))
                                                        : gtk_button_get_label (GTK_BUTTON (button));
      g_auto(GStrv) parts = shown ? g_strsplit (shown, "_", -1) : NULL;   /* "Add _Support": its mnemonic aside */
      g_autofree char *plain = parts ? g_strjoinv ("", parts) : NULL;

      if (g_strcmp0 (plain, label) == 0)
        return button;
    }
  g_assert_not_reached ();
}

/* Support is added (paid, from the menu), becomes unpaid family support
 * (no product, no funding), and is removed; each step can be undone. */
static void
test_plan_page_add_line (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(BespokeSupportLine) added = NULL;
  g_autoptr(BespokeSupportLine) family = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  AdwExpanderRow *row;
  AdwComboRow *type_combo = NULL;

  g_signal_emit_by_name (find_button (f->page, "Add Support"), "clicked");
  wait_for_lines (f, 8, lines);
  row = g_ptr_array_index (lines, 7);
  g_assert_true (adw_expander_row_get_expanded (row));

  added = load_line (f->store, 7);
  /* the undo names whose plan it was added to */
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==, "Add support to Paul’s plan");
  g_assert_cmpint (bespoke_support_line_get_support_type (added), ==, BESPOKE_SUPPORT_PAID);
  g_assert_nonnull (bespoke_support_line_get_product_uuid (added));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "for the plan"));

  find_all (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, NULL, combos);
  for (guint i = 0; i < combos->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (combos, i)), "Paid, or given by") == 0)
      type_combo = g_ptr_array_index (combos, i);
  g_assert_nonnull (type_combo);
  adw_combo_row_set_selected (type_combo, 2);  /* Paid, Self, Family, … */

  family = load_line (f->store, 7);
  g_assert_cmpint (bespoke_support_line_get_support_type (family), ==, BESPOKE_SUPPORT_FAMILY);
  g_assert_null (bespoke_support_line_get_product_uuid (family));
  g_assert_cmpint (bespoke_support_line_get_funding (family), ==, BESPOKE_FUNDING_NONE);

  wait_for_lines (f, 8, lines);
  while (g_main_context_iteration (NULL, FALSE));
  g_ptr_array_set_size (lines, 0);
  find_all (f->page, ADW_TYPE_EXPANDER_ROW, "support-line", lines);
  row = g_ptr_array_index (lines, 7);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "unpaid"));

  g_signal_emit_by_name (find_button (GTK_WIDGET (row), "Remove This Support"), "clicked");
  wait_for_lines (f, 7, lines);
  stored = bespoke_store_list (f->store, BESPOKE_TYPE_SUPPORT_LINE, PAUL_PLAN_UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 7);

  bespoke_history_undo (f->history, &error);
  g_assert_no_error (error);
  wait_for_lines (f, 8, lines);
}

/* A risk's likelihood is chosen from High, Medium and Low, saved at once,
 * and its row says so. */
static void
test_plan_page_risk_level (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
  AdwExpanderRow *row = NULL;
  AdwComboRow *likelihood = NULL;
  BespokeRisk *first = NULL;

  /* the first risk: Danny is ill, likelihood Medium, impact Medium */
  find_all (f->page, ADW_TYPE_EXPANDER_ROW, NULL, expanders);
  for (guint i = 0; i < expanders->len && row == NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (expanders, i)),
                   "Danny is ill and cannot come in the morning.") == 0)
      row = g_ptr_array_index (expanders, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Likelihood Medium, impact Medium");

  find_all (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, NULL, combos);
  for (guint i = 0; i < combos->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (combos, i)), "Likelihood") == 0)
      likelihood = g_ptr_array_index (combos, i);
  g_assert_nonnull (likelihood);
  adw_combo_row_set_selected (likelihood, 0);  /* High, Medium, Low */

  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Likelihood High, impact Medium");
  risks = bespoke_store_list (f->store, BESPOKE_TYPE_RISK, PAUL_PLAN_UUID, NULL);
  for (guint i = 0; i < risks->len; i++)
    if (bespoke_risk_get_position (g_ptr_array_index (risks, i)) == 0)
      first = g_ptr_array_index (risks, i);
  g_assert_nonnull (first);
  g_assert_cmpint (bespoke_risk_get_likelihood (first), ==, BESPOKE_LEVEL_HIGH);
  g_assert_cmpint (bespoke_risk_get_impact (first), ==, BESPOKE_LEVEL_MEDIUM);
}

/* A typed outcome waits for a pause before it is saved, but leaving the
 * page (here, hiding the window) saves it: nothing typed is lost. */
static void
test_plan_page_keeps_typing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) outcomes = NULL;
  GtkWidget *statement = NULL;
  const char *typed = "I want a paid job I enjoy, and to keep it for a year.";
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (f->window));
  find_all (f->page, ADW_TYPE_ENTRY_ROW, NULL, entries);
  for (guint i = 0; i < entries->len && statement == NULL; i++)
    if (g_strcmp0 (gtk_editable_get_text (g_ptr_array_index (entries, i)),
                   "I want a paid job, and to keep it for six months.") == 0)
      statement = g_ptr_array_index (entries, i);
  g_assert_nonnull (statement);

  type_into (statement, typed);
  g_assert_false (bespoke_history_get_can_undo (f->history));  /* not yet */

  gtk_widget_set_visible (f->window, FALSE);
  outcomes = bespoke_store_list (f->store, BESPOKE_TYPE_OUTCOME, PAUL_PLAN_UUID, NULL);
  for (guint i = 0; i < outcomes->len; i++)
    found |= g_strcmp0 (bespoke_outcome_get_statement (g_ptr_array_index (outcomes, i)), typed) == 0;
  g_assert_true (found);
  g_assert_true (bespoke_history_get_can_undo (f->history));
}

/* A new price on the menu is a new version of the product; Paul's
 * mornings keep the version they were bought at, shown as such, and
 * still cost 261 × 2 h × £21.50 = £11,223.00. */
static void
test_plan_page_older_version (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BespokeSupportLine) morning = load_line (f->store, 0);
  g_autoptr(BespokeProduct) bought = NULL;
  g_autoptr(BespokeProduct) next = bespoke_product_new ();
  g_autoptr(GPtrArray) choosers = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  AdwExpanderRow *row;
  GtkLabel *product = NULL;

  bought = bespoke_store_load (f->store, BESPOKE_TYPE_PRODUCT, bespoke_support_line_get_product_uuid (morning), &error);
  g_assert_no_error (error);
  bespoke_product_set_provider_uuid (next, bespoke_product_get_provider_uuid (bought));
  bespoke_product_set_series_uuid (next, bespoke_product_get_series_uuid (bought));
  bespoke_product_set_version (next, bespoke_product_get_version (bought) + 1);
  bespoke_product_set_kind (next, bespoke_product_get_kind (bought));
  bespoke_product_set_name (next, bespoke_product_get_name (bought));
  bespoke_product_set_unit (next, bespoke_product_get_unit (bought));
  bespoke_product_set_unit_price (next, 2300);
  bespoke_store_save (f->store, next, &error);
  g_assert_no_error (error);

  /* the page is rebuilt when idle */
  for (;;)
    {
      g_ptr_array_set_size (choosers, 0);
      row = find_one (f->page, ADW_TYPE_EXPANDER_ROW, "support-line", 0);
      find_all (GTK_WIDGET (row), BESPOKE_TYPE_PRODUCT_CHOOSER, NULL, choosers);
      product = choosers->len == 1 ? GTK_LABEL (gtk_widget_get_template_child (g_ptr_array_index (choosers, 0),
                                                                                BESPOKE_TYPE_PRODUCT_CHOOSER, "name_label"))
                                   : NULL;
      if (product != NULL && strstr (gtk_label_get_label (product), "as bought") != NULL)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "£11,223.00"));
}

/* A person without a plan is offered one for the coming financial year. */
static void
test_plan_page_create (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BespokePerson) nobody = bespoke_person_new ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *create = (GtkWidget *) gtk_widget_get_template_child (f->page, BESPOKE_TYPE_PLAN_PAGE, "create_button");
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (f->page, BESPOKE_TYPE_PLAN_PAGE, "stack"));
  BespokePlan *plan;

  bespoke_person_set_name (nobody, "Nobody Planned");
  bespoke_store_save (f->store, nobody, &error);
  g_assert_no_error (error);
  bespoke_plan_page_set_person (BESPOKE_PLAN_PAGE (f->page), f->store, f->history, nobody);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_get_visible (create));

  g_signal_emit_by_name (create, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");
  plans = bespoke_store_list (f->store, BESPOKE_TYPE_PLAN, bespoke_record_get_uuid (BESPOKE_RECORD (nobody)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  g_assert_true (g_str_has_suffix (bespoke_plan_get_period_start (plan), "-04-01"));
  g_assert_true (g_str_has_suffix (bespoke_plan_get_period_end (plan), "-03-31"));
  g_assert_cmpint (bespoke_plan_get_status (plan), ==, BESPOKE_PLAN_DRAFT);

  bespoke_plan_page_set_person (BESPOKE_PLAN_PAGE (f->page), NULL, NULL, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_widget_get_visible (create));
}

/* Refunds, on the page: "Add a Refund" makes a refund of £10.00 on the
 * plan's first day, so Paul's committed goes from £22,000.00 to
 * £21,990.00; typing £25.00 makes it £21,975.00; a negative or zero
 * amount is refused with a sentence, and the store keeps £25.00. */
static void
test_plan_page_refunds (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *budget = g_object_ref_sink (bespoke_budget_page_new ());
  g_autoptr(GPtrArray) amounts = g_ptr_array_new ();
  g_autoptr(GPtrArray) refunds = NULL;
  GtkLabel *committed;
  GtkWidget *amount;

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (budget), f->store, f->history, f->paul);
  committed = GTK_LABEL (gtk_widget_get_template_child (budget, BESPOKE_TYPE_BUDGET_PAGE, "committed_label"));

  g_signal_emit_by_name (find_button (f->page, "Add a Refund"), "clicked");
  for (guint spins = 0; amounts->len == 0 && spins < 1000; spins++)
    {
      g_main_context_iteration (NULL, FALSE);
      find_all (f->page, ADW_TYPE_ENTRY_ROW, "refund-amount", amounts);
    }
  g_assert_cmpuint (amounts->len, ==, 1);
  amount = g_ptr_array_index (amounts, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "£10.00");
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£21,990.00");

  type_into (amount, "£25.00");
  press_enter (amount);
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£21,975.00");

  type_into (amount, "-£5.00");
  press_enter (amount);
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£21,975.00");
  refunds = bespoke_store_list (f->store, BESPOKE_TYPE_ADJUSTMENT, PAUL_PLAN_UUID, NULL);
  g_assert_cmpuint (refunds->len, ==, 1);
  g_assert_cmpint (bespoke_adjustment_get_amount (g_ptr_array_index (refunds, 0)), ==, -2500);

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (budget), NULL, NULL, NULL);
  g_assert_finalize_object (budget);
}

/* The review date picked from its calendar: the calendar opens on the
 * saved date, and the day chosen is saved and shown as if typed, undoably.
 * A day before the start is refused as a typed one is. */
static void
test_plan_page_date_picker (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *review = find_one (f->page, ADW_TYPE_ENTRY_ROW, "review-date", 0);
  GtkWidget *end = find_one (f->page, ADW_TYPE_ENTRY_ROW, "period-end", 0);
  GtkWidget *button = find_one (review, GTK_TYPE_MENU_BUTTON, NULL, 0);
  BespokeDatePopover *popover = BESPOKE_DATE_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  BespokeDatePopover *end_popover = NULL;
  g_autoptr(BespokePlan) before = load_plan (f->store);
  g_autoptr(BespokePlan) after = NULL;
  g_autoptr(BespokePlan) refused = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *opened_on = NULL;

  gtk_window_present (GTK_WINDOW (f->window));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  opened_on = bespoke_date_popover_get_date (popover);
  g_assert_cmpstr (opened_on, ==, bespoke_plan_get_review_date (before));

  bespoke_date_popover_set_date (popover, "2027-11-15");
  g_signal_emit_by_name (find_one (GTK_WIDGET (popover), GTK_TYPE_BUTTON, "use-date", 0), "clicked");

  after = load_plan (f->store);
  g_assert_cmpstr (bespoke_plan_get_review_date (after), ==, "2027-11-15");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (review)), ==, "15/11/2027");
  g_assert_true (bespoke_history_get_can_undo (f->history));

  /* the end before the start (1/1/2027): refused, and the end unchanged */
  end_popover = BESPOKE_DATE_POPOVER (gtk_menu_button_get_popover (
                  GTK_MENU_BUTTON (find_one (end, GTK_TYPE_MENU_BUTTON, NULL, 0))));
  bespoke_date_popover_set_date (end_popover, "2026-06-30");
  g_signal_emit_by_name (find_one (GTK_WIDGET (end_popover), GTK_TYPE_BUTTON, "use-date", 0), "clicked");
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  refused = load_plan (f->store);
  g_assert_cmpstr (bespoke_plan_get_period_end (refused), ==, "2027-12-31");
  shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (end)));
  g_assert_cmpstr (shown, ==, "30/6/2026");  /* left as chosen, marked, to put right */
}

/* One costing per edit: the Plan page and the Budget page share one
 * BespokePlanCosting, and the Budget page is hidden (behind the Plan page
 * in a stack).  Making Paul's mornings 3 h runs the costing engine exactly
 * once, for the Plan page's line costs; the hidden Budget page does no
 * work, and when shown reads the same report without another run.  The
 * figures are those of /plan-page/budget-follows: the line
 * 261 × 3 h × £21.50 = £16,834.50, committed £22,000.00 + 261 × 1 h ×
 * £21.50 = £27,611.50. */
static void
test_plan_page_one_costing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BespokePlanCosting) costing = bespoke_plan_costing_new (f->store);
  GtkWidget *plan = g_object_ref (bespoke_plan_page_new ());
  GtkWidget *budget = g_object_ref (bespoke_budget_page_new ());
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  BespokeScheduleEditor *editor;
  GtkSpinButton *hours;
  GtkLabel *committed;
  AdwExpanderRow *morning;
  guint runs;

  /* the fixture's own page (and its own costing) out of the way */
  bespoke_plan_page_set_person (BESPOKE_PLAN_PAGE (f->page), NULL, NULL, NULL);

  gtk_stack_add_named (GTK_STACK (stack), plan, "plan");
  gtk_stack_add_named (GTK_STACK (stack), budget, "budget");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "plan");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  bespoke_plan_page_set_costing (BESPOKE_PLAN_PAGE (plan), costing);
  bespoke_budget_page_set_costing (BESPOKE_BUDGET_PAGE (budget), costing);
  bespoke_plan_page_set_person (BESPOKE_PLAN_PAGE (plan), f->store, f->history, f->paul);
  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (budget), f->store, f->history, f->paul);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_false (gtk_widget_get_mapped (budget));

  morning = find_one (plan, ADW_TYPE_EXPANDER_ROW, "support-line", 0);
  adw_expander_row_set_expanded (morning, TRUE);
  editor = find_one (GTK_WIDGET (morning), BESPOKE_TYPE_SCHEDULE_EDITOR, NULL, 0);
  hours = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), BESPOKE_TYPE_SCHEDULE_EDITOR, "hours_spin"));
  committed = GTK_LABEL (gtk_widget_get_template_child (budget, BESPOKE_TYPE_BUDGET_PAGE, "committed_label"));

  runs = bespoke_costing_get_run_count ();
  gtk_spin_button_set_value (hours, 3);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (morning), "£16,834.50"));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (bespoke_costing_get_run_count (), ==, runs + 1);

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "budget");
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_true (gtk_widget_get_mapped (budget));
  g_assert_cmpstr (gtk_label_get_label (committed), ==, "£27,611.50");
  g_assert_cmpuint (bespoke_costing_get_run_count (), ==, runs + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (plan);
  g_assert_finalize_object (budget);
}

/* Focus after add, undo and redo (#14): the keyboard focus goes to the
 * first field of what was added or changed, and its row is in view. */

static void
present (Fixture *f)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (f->page) || gtk_widget_get_height (f->page) == 0)
    g_main_context_iteration (NULL, TRUE);
}

/* The expander row whose record has @uuid */
static GtkWidget *
row_of (Fixture    *f,
        const char *uuid)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  find_all (f->page, BESPOKE_TYPE_PLAN_ITEM_ROW, NULL, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (bespoke_plan_item_row_get_uuid (g_ptr_array_index (rows, i)), uuid) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The entry row titled @title inside @row */
static GtkWidget *
entry_titled (GtkWidget  *row,
              const char *title)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  find_all (row, ADW_TYPE_ENTRY_ROW, NULL, entries);
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (entries, i)), title) == 0)
      return g_ptr_array_index (entries, i);
  g_assert_not_reached ();
}

/* Whether @widget lies wholly inside the scrolled window's view */
static gboolean
in_view (Fixture   *f,
         GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (scroller == NULL || !gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* Waits until the focus is inside the entry row titled @title of the
 * record @uuid, and that entry is in view; fails after ten seconds. */
static void
wait_for_focus (Fixture    *f,
                const char *uuid,
                const char *title)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      GtkWidget *row = row_of (f, uuid);
      GtkWidget *entry = row ? entry_titled (row, title) : NULL;
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

      if (entry != NULL && focus != NULL && gtk_widget_is_ancestor (focus, entry) && in_view (f, entry))
        break;
      if (g_get_monotonic_time () > deadline)
        {
          graphene_rect_t b = { 0 };
          if (entry != NULL &&
              !gtk_widget_compute_bounds (entry, gtk_widget_get_ancestor (entry, GTK_TYPE_SCROLLED_WINDOW), &b))
            g_test_message ("the field has no bounds in its scrolled window");
          g_test_message ("focus on %s (%s the field); the field at y %g, height %g",
                          focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
                          entry && focus && gtk_widget_is_ancestor (focus, entry) ? "in" : "not in",
                          b.origin.y, b.size.height);
          g_assert_not_reached ();
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* The one record of @type in Paul's plan that is not in @before */
static char *
added_uuid (Fixture   *f,
            GType      type,
            GPtrArray *before)
{
  g_autoptr(GPtrArray) now = bespoke_store_list (f->store, type, PAUL_PLAN_UUID, NULL);
  char *found = NULL;

  for (guint i = 0; i < now->len; i++)
    {
      const char *uuid = bespoke_record_get_uuid (g_ptr_array_index (now, i));
      gboolean old = FALSE;

      for (guint j = 0; before != NULL && j < before->len; j++)
        old |= g_strcmp0 (bespoke_record_get_uuid (g_ptr_array_index (before, j)), uuid) == 0;
      if (!old)
        {
          g_assert_null (found);
          found = g_strdup (uuid);
        }
    }
  g_assert_nonnull (found);
  return found;
}

static char *
click_add (Fixture    *f,
           const char *button,
           GType       type)
{
  g_autoptr(GPtrArray) before = bespoke_store_list (f->store, type, PAUL_PLAN_UUID, NULL);

  g_signal_emit_by_name (find_button (f->page, button), "clicked");
  return added_uuid (f, type, before);
}

static void
test_plan_page_focus_after_add (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *outcome = NULL;
  g_autofree char *line = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *refund = NULL;

  present (f);
  outcome = click_add (f, "Add an Outcome", BESPOKE_TYPE_OUTCOME);
  wait_for_focus (f, outcome, "What I want (an I-statement)");
  line = click_add (f, "Add Support", BESPOKE_TYPE_SUPPORT_LINE);
  wait_for_focus (f, line, "What the support is");
  risk = click_add (f, "Add a Risk", BESPOKE_TYPE_RISK);
  wait_for_focus (f, risk, "What could go wrong");
  refund = click_add (f, "Add a Refund", BESPOKE_TYPE_ADJUSTMENT);
  wait_for_focus (f, refund, "What it is for");
}

/* An outcome's measure is changed and a risk added; undo and redo take
 * the focus back to each in turn. */
static void
test_plan_page_focus_after_undo (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) outcomes = bespoke_store_list (f->store, BESPOKE_TYPE_OUTCOME, PAUL_PLAN_UUID, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *risk = NULL;
  GtkWidget *measure;

  present (f);
  for (guint i = 0; i < outcomes->len; i++)
    if (bespoke_outcome_get_position (g_ptr_array_index (outcomes, i)) == 0)
      first = g_strdup (bespoke_record_get_uuid (g_ptr_array_index (outcomes, i)));
  g_assert_nonnull (first);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_of (f, first)), TRUE);
  measure = entry_titled (row_of (f, first), "How we will know");
  type_into (measure, "He has kept the job for six months");
  press_enter (measure);

  risk = click_add (f, "Add a Risk", BESPOKE_TYPE_RISK);
  wait_for_focus (f, risk, "What could go wrong");

  bespoke_history_undo (f->history, &error);   /* the risk goes */
  g_assert_no_error (error);
  g_assert_null (bespoke_store_load (f->store, BESPOKE_TYPE_RISK, risk, NULL));
  bespoke_history_undo (f->history, &error);   /* the measure is put back */
  g_assert_no_error (error);
  wait_for_focus (f, first, "What I want (an I-statement)");

  /* scrolled away, the redo brings the outcome back into view */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row_of (f, first), GTK_TYPE_SCROLLED_WINDOW))), 100000);
  bespoke_history_redo (f->history, &error);
  g_assert_no_error (error);
  wait_for_focus (f, first, "What I want (an I-statement)");
  bespoke_history_redo (f->history, &error);   /* the risk is back */
  g_assert_no_error (error);
  wait_for_focus (f, risk, "What could go wrong");
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan-page/date-picker", test_plan_page_date_picker);
  ADD ("/plan-page/shows-plan", test_plan_page_shows_plan);
  ADD ("/plan-page/bad-money", test_plan_page_bad_money);
  ADD ("/plan-page/bad-dates", test_plan_page_bad_dates);
  ADD ("/plan-page/bad-schedule", test_plan_page_bad_schedule);
  ADD ("/plan-page/budget-follows", test_plan_page_budget_follows);
  ADD ("/plan-page/schedule-editor-on-open", test_plan_page_schedule_editor_on_open);
  ADD ("/plan-page/follows-undo", test_plan_page_follows_undo);
  ADD ("/plan-page/add-line", test_plan_page_add_line);
  ADD ("/plan-page/risk-level", test_plan_page_risk_level);
  ADD ("/plan-page/keeps-typing", test_plan_page_keeps_typing);
  ADD ("/plan-page/older-version", test_plan_page_older_version);
  ADD ("/plan-page/create", test_plan_page_create);
  ADD ("/plan-page/specials", test_plan_page_specials);
  ADD ("/plan-page/refunds", test_plan_page_refunds);
  ADD ("/plan-page/one-costing", test_plan_page_one_costing);
  ADD ("/plan-page/focus-after-add", test_plan_page_focus_after_add);
  ADD ("/plan-page/focus-after-undo", test_plan_page_focus_after_undo);
#undef ADD

  return g_test_run ();
}
