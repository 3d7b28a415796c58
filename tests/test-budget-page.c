/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-budget-page"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-budget-chart.h"
#include "bespoke-budget-page.h"
#include "bespoke-test-util.h"

/* The example's fixed UUIDs (src/core/example/bespoke-example.c) */
#define PAUL_PLAN_UUID "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0002"

static BespokePerson *
load_paul (BespokeStore *store)
{
  g_autoptr(GError) error = NULL;
  BespokePerson *paul = bespoke_store_load (store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);

  g_assert_no_error (error);
  return paul;
}

static const char *
label_text (GtkWidget  *page,
            const char *name)
{
  GObject *label = gtk_widget_get_template_child (page, BESPOKE_TYPE_BUDGET_PAGE, name);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static BespokeSupportLine *
find_line (BespokeStore *store,
           guint         position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, PAUL_PLAN_UUID, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    if (bespoke_support_line_get_position (g_ptr_array_index (lines, i)) == position)
      return g_object_ref (g_ptr_array_index (lines, i));
  g_assert_not_reached ();
}

/* Paul's figures from the domain notes: budget £34,000, provider lines
 * £22,000, so £12,000 remains, and the outcome-based one-off of £3,000 is
 * contingent. */
static void
test_budget_page_paul (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokeHistory) history = bespoke_history_new (store);
  g_autoptr(BespokePerson) paul = load_paul (store);
  GtkWidget *page = g_object_ref_sink (bespoke_budget_page_new ());

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, history, paul);

  g_assert_cmpstr (label_text (page, "budget_label"), ==, "£34,000.00");
  g_assert_cmpstr (label_text (page, "committed_label"), ==, "£22,000.00");
  g_assert_cmpstr (label_text (page, "contingent_label"), ==, "£3,000.00");
  g_assert_cmpstr (label_text (page, "remaining_label"), ==, "£12,000.00");
  g_assert_cmpstr (label_text (page, "remaining_title"), ==, "Remaining");

  /* A typical week, paid: mornings 5 × 2 h = 10 h, work 2 × 6 h = 12 h,
   * a 48 h short break every 4th week = 12 h: 34 hours.  Unpaid: Mum
   * 5 × 3 h = 15 h, camping club 2 h, phone reminders 2 × 5 min: 17 h 10 min. */
  g_assert_cmpstr (label_text (page, "paid_hours_label"), ==, "34 hours");
  g_assert_cmpstr (label_text (page, "unpaid_hours_label"), ==, "17 h 10 min");

  /* the chart in words: all three paid lines are ongoing, from Hillside */
  {
    BespokeBudgetChart *chart = BESPOKE_BUDGET_CHART (gtk_widget_get_template_child (page, BESPOKE_TYPE_BUDGET_PAGE, "chart"));
    g_autofree char *words = bespoke_budget_chart_describe (chart);

    g_assert_nonnull (strstr (words, "Budget £34,000.00."));
    g_assert_nonnull (strstr (words, "By kind of product: Ongoing £22,000.00."));
    g_assert_nonnull (strstr (words, "By provider: Hillside Support £22,000.00."));
  }

  /* "Export as Spreadsheet…" saves what the page shows (issue #15): the
   * morning line, 261 weekdays × 2 h × £21.50 = £11,223.00, with January's
   * 21 weekdays × £43.00 = £903.00 first among its months, and the totals */
  {
    g_autoptr(GBytes) bytes = bespoke_budget_page_get_spreadsheet (BESPOKE_BUDGET_PAGE (page));
    g_autofree char *text = NULL;
    gsize size;
    const char *data;

    g_assert_nonnull (bytes);
    data = g_bytes_get_data (bytes, &size);
    text = g_strndup (data, size);
    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "line,schedule,paid,contingent,funding,units,unit,currency,cost,2027-01,"));
    g_assert_nonnull (strstr (text, ",individual-budget,522.00,hour,GBP,11223.00,903.00,"));
    g_assert_nonnull (strstr (text, "\r\ncommitted,,,,,,,GBP,22000.00\r\n"));
    g_assert_nonnull (strstr (text, "\r\nremaining,,,,,,,GBP,12000.00\r\n"));
  }

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), NULL, NULL, NULL);
  g_assert_null (bespoke_budget_page_get_spreadsheet (BESPOKE_BUDGET_PAGE (page)));
  g_assert_finalize_object (page);
}

/* The page follows the store: the morning line goes from 2 h to 3 h,
 * 261 weekdays in 2027 × 1 h × £21.50 = £5,611.50 more, so committed is
 * £22,000.00 + £5,611.50 = £27,611.50 and £34,000.00 − £27,611.50 =
 * £6,388.50 remains. */
static void
test_budget_page_follows_store (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokeHistory) history = bespoke_history_new (store);
  g_autoptr(BespokePerson) paul = load_paul (store);
  g_autoptr(BespokeSupportLine) morning = find_line (store, 0);
  g_autoptr(BespokeSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = g_object_ref_sink (bespoke_budget_page_new ());

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, history, paul);
  g_assert_cmpstr (label_text (page, "committed_label"), ==, "£22,000.00");

  schedule = bespoke_schedule_copy (bespoke_support_line_get_schedule (morning));
  g_assert_cmpuint (schedule->duration_minutes, ==, 120);
  schedule->duration_minutes = 180;
  bespoke_support_line_set_schedule (morning, schedule);
  bespoke_history_save (history, morning, "Longer mornings", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (label_text (page, "committed_label"), ==, "£27,611.50");
  g_assert_cmpstr (label_text (page, "remaining_label"), ==, "£6,388.50");

  /* undone, the figures are the domain's again */
  bespoke_history_undo (history, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label_text (page, "committed_label"), ==, "£22,000.00");

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), NULL, NULL, NULL);
  g_assert_finalize_object (page);
}

/* Over budget: the budget cut to £20,000.00 with £22,000.00 committed is
 * £2,000.00 over, said in words as well as shown. */
static void
test_budget_page_over_budget (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokeHistory) history = bespoke_history_new (store);
  g_autoptr(BespokePerson) paul = load_paul (store);
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = g_object_ref_sink (bespoke_budget_page_new ());
  GObject *over_box;

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, history, paul);
  over_box = gtk_widget_get_template_child (page, BESPOKE_TYPE_BUDGET_PAGE, "over_box");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (over_box)));

  budgets = bespoke_store_list (store, BESPOKE_TYPE_BUDGET, PAUL_PLAN_UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 1);
  bespoke_budget_set_amount (g_ptr_array_index (budgets, 0), 2000000);
  bespoke_history_save (history, g_ptr_array_index (budgets, 0), "Budget cut", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (label_text (page, "remaining_title"), ==, "Over Budget By");
  g_assert_cmpstr (label_text (page, "remaining_label"), ==, "£2,000.00");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (over_box)));
  g_assert_nonnull (strstr (label_text (page, "over_label"), "Over budget by £2,000.00"));

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), NULL, NULL, NULL);
  g_assert_finalize_object (page);
}

static void
collect_amounts (GtkWidget *widget,
                 GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), "amount") == 0)
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_amounts (child, labels);
}

/* The month-by-month view has the twelve months of 2027, and they add up
 * exactly to what is committed (the engine spreads the rounding). */
static void
test_budget_page_months (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokePerson) paul = load_paul (store);
  g_autoptr(GPtrArray) amounts = g_ptr_array_new ();
  GtkWidget *page = g_object_ref_sink (bespoke_budget_page_new ());
  GObject *months;
  gint64 committed = 0;
  gint64 sum = 0;

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, NULL, paul);
  months = gtk_widget_get_template_child (page, BESPOKE_TYPE_BUDGET_PAGE, "months_list");
  collect_amounts (GTK_WIDGET (months), amounts);
  g_assert_cmpuint (amounts->len, ==, 12);
  for (guint i = 0; i < amounts->len; i++)
    {
      gint64 pence;

      g_assert_true (bespoke_money_parse (gtk_label_get_label (g_ptr_array_index (amounts, i)), &pence, NULL));
      sum += pence;
    }
  g_assert_true (bespoke_money_parse (label_text (page, "committed_label"), &committed, NULL));
  g_assert_cmpint (committed, ==, 2200000);
  g_assert_cmpint (sum, ==, committed);

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), NULL, NULL, NULL);
  g_assert_finalize_object (page);
}

/* An import undone restores a snapshot of the whole store: the page
 * follows it too.  The budget cut to £20,000.00 is £2,000.00 over; the
 * snapshot brings back £34,000.00 and £12,000.00 remaining. */
static void
test_budget_page_follows_restore (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokePerson) paul = load_paul (store);
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;
  GtkWidget *page = g_object_ref_sink (bespoke_budget_page_new ());

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, NULL, paul);
  snapshot = bespoke_store_snapshot (store, &error);
  g_assert_no_error (error);

  budgets = bespoke_store_list (store, BESPOKE_TYPE_BUDGET, PAUL_PLAN_UUID, &error);
  g_assert_no_error (error);
  bespoke_budget_set_amount (g_ptr_array_index (budgets, 0), 2000000);
  bespoke_store_save (store, g_ptr_array_index (budgets, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label_text (page, "remaining_title"), ==, "Over Budget By");

  bespoke_store_restore (store, snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label_text (page, "budget_label"), ==, "£34,000.00");
  g_assert_cmpstr (label_text (page, "remaining_title"), ==, "Remaining");
  g_assert_cmpstr (label_text (page, "remaining_label"), ==, "£12,000.00");

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), NULL, NULL, NULL);
  g_assert_finalize_object (page);
}

/* No person, and a person without a plan: an empty state, not figures. */
static void
test_budget_page_empty (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokePerson) nobody = bespoke_person_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *page = g_object_ref_sink (bespoke_budget_page_new ());
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (page, BESPOKE_TYPE_BUDGET_PAGE, "stack"));

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, NULL, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  bespoke_person_set_name (nobody, "Nobody Planned");
  bespoke_store_save (store, nobody, &error);
  g_assert_no_error (error);
  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, NULL, nobody);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), NULL, NULL, NULL);
  g_assert_finalize_object (page);
}

static void
find_named (GtkWidget  *widget,
            const char *name,
            GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_is_visible (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_named (child, name, found);
}

/* The amount at the end of an ISF row */
static const char *
row_amount (GtkWidget *row)
{
  g_autoptr(GPtrArray) amounts = g_ptr_array_new ();

  find_named (row, "amount", amounts);
  g_assert_cmpuint (amounts->len, ==, 1);
  return gtk_label_get_label (g_ptr_array_index (amounts, 0));
}

static BespokePerson *
find_person (BespokeStore *store,
             const char   *name)
{
  g_autoptr(GError) error = NULL;
  BespokePerson *person = bespoke_store_find_person (store, name, &error);

  g_assert_no_error (error);
  return person;
}

/* Whether a control under @widget opens @action (the Shared Homes window) */
static gboolean
has_action (GtkWidget  *widget,
            const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_action (child, action))
      return TRUE;
  return FALSE;
}

/* The residents of domain.md's shared home (Oak House in the example),
 * each on their own Budget page: the home £300,000 a year, core support
 * £180,000 (£30,000 each) and shared costs £60,000 (£10,000 each); their
 * allocations A £50,000, B £42,000, C £45,000, D £53,000, E £65,000,
 * F £45,000, so personal money = allocation − £40,000: A £10,000,
 * B £2,000, C £5,000, D £13,000, E £25,000, F £5,000.  None of them has a
 * plan, and the panel is there all the same; Paul, who lives at home, has
 * none.  Allocations that stop adding up to the budget are flagged. */
static void
test_budget_page_isf (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokePerson) paul = load_paul (store);
  g_autoptr(GError) error = NULL;
  GtkWidget *page = g_object_ref_sink (bespoke_budget_page_new ());
  const struct { const char *name; const char *allocation; const char *money; } residents[] = {
    { "Ann Hughes", "£50,000.00", "£10,000.00" },
    { "Ben Carter", "£42,000.00", "£2,000.00" },
    { "Cara Doyle", "£45,000.00", "£5,000.00" },
    { "Dev Patel", "£53,000.00", "£13,000.00" },
    { "Ellie Shaw", "£65,000.00", "£25,000.00" },
    { "Frank Moss", "£45,000.00", "£5,000.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (residents); i++)
    {
      g_autoptr(BespokePerson) person = find_person (store, residents[i].name);
      g_autoptr(GPtrArray) groups = g_ptr_array_new ();
      g_autoptr(GPtrArray) figures = g_ptr_array_new ();
      g_autoptr(GPtrArray) flags = g_ptr_array_new ();

      bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, NULL, person);
      find_named (page, "isf", groups);
      g_assert_cmpuint (groups->len, ==, 1);
      g_assert_cmpstr (adw_preferences_group_get_title (g_ptr_array_index (groups, 0)), ==,
                       "Individual Service Fund in Oak House");
      g_assert_true (has_action (g_ptr_array_index (groups, 0), "app.shared-homes"));
      find_named (page, "isf-figure", figures);
      g_assert_cmpuint (figures->len, ==, 4);
      g_assert_cmpstr (row_amount (g_ptr_array_index (figures, 0)), ==, residents[i].allocation);
      g_assert_cmpstr (row_amount (g_ptr_array_index (figures, 1)), ==, "£30,000.00");
      g_assert_cmpstr (row_amount (g_ptr_array_index (figures, 2)), ==, "£10,000.00");
      g_assert_cmpstr (row_amount (g_ptr_array_index (figures, 3)), ==, residents[i].money);
      find_named (page, "isf-flag", flags);
      g_assert_cmpuint (flags->len, ==, 1);
      g_assert_nonnull (strstr (adw_preferences_row_get_title (g_ptr_array_index (flags, 0)), "No flags"));
    }

  /* Ann's allocation up to £55,000: £305,000 against £300,000, flagged */
  {
    g_autoptr(BespokePerson) ann = find_person (store, "Ann Hughes");
    g_autoptr(GPtrArray) residents_of = bespoke_store_list (store, BESPOKE_TYPE_HOME_RESIDENT, BESPOKE_EXAMPLE_HOME_UUID, &error);
    g_autoptr(GPtrArray) flags = g_ptr_array_new ();
    g_autoptr(GPtrArray) figures = g_ptr_array_new ();

    g_assert_no_error (error);
    bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, NULL, ann);
    for (guint i = 0; i < residents_of->len; i++)
      if (g_strcmp0 (bespoke_home_resident_get_person_uuid (g_ptr_array_index (residents_of, i)),
                     bespoke_record_get_uuid (BESPOKE_RECORD (ann))) == 0)
        {
          bespoke_home_resident_set_allocation (g_ptr_array_index (residents_of, i), 5500000);
          g_assert_true (bespoke_store_save (store, g_ptr_array_index (residents_of, i), &error));
          g_assert_no_error (error);
        }
    find_named (page, "isf-flag", flags);
    g_assert_cmpuint (flags->len, ==, 1);
    g_assert_nonnull (strstr (adw_preferences_row_get_title (g_ptr_array_index (flags, 0)), "£305,000.00"));
    find_named (page, "isf-figure", figures);
    g_assert_cmpstr (row_amount (g_ptr_array_index (figures, 3)), ==, "£15,000.00");
  }

  /* Paul lives at home: no panel; his plan used England and Wales's bank
   * holidays, and Scotland's once he is Scottish */
  {
    g_autoptr(GPtrArray) groups = g_ptr_array_new ();

    bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, NULL, paul);
    find_named (page, "isf", groups);
    g_assert_cmpuint (groups->len, ==, 0);
    g_assert_cmpstr (label_text (page, "holidays_label"), ==, "Bank holidays: England and Wales");
    bespoke_person_set_nation (paul, BESPOKE_NATION_SCOTLAND);
    g_assert_true (bespoke_store_save (store, paul, &error));
    g_assert_no_error (error);
    bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), store, NULL, paul);
    g_assert_cmpstr (label_text (page, "holidays_label"), ==, "Bank holidays: Scotland");
  }

  bespoke_budget_page_set_person (BESPOKE_BUDGET_PAGE (page), NULL, NULL, NULL);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/budget-page/paul", test_budget_page_paul);
  g_test_add_func ("/budget-page/follows-store", test_budget_page_follows_store);
  g_test_add_func ("/budget-page/over-budget", test_budget_page_over_budget);
  g_test_add_func ("/budget-page/months", test_budget_page_months);
  g_test_add_func ("/budget-page/follows-restore", test_budget_page_follows_restore);
  g_test_add_func ("/budget-page/empty", test_budget_page_empty);
  g_test_add_func ("/budget-page/isf", test_budget_page_isf);

  return g_test_run ();
}
