/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BespokePlanCosting: one costing per burst of edits, none for others'
 * plans, none while nobody asks; and the rules about plans in
 * bespoke-plans.  Figures from domain.md (Paul's example plan). */
#define G_LOG_DOMAIN "bespoke-test-plan-costing"

#include <stdlib.h>
#include <string.h>

#include "bespoke-core.h"
#include "bespoke-example.h"

#define PAUL_PLAN_UUID   "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0002"
#define JENNIE_UUID      "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0010"
#define JENNIE_PLAN_UUID "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0011"

typedef struct
{
  BespokeStore       *store;
  BespokePlanCosting *costing;
  guint               changed;
} Fixture;

static void
on_changed_cb (BespokePlanCosting *costing,
               Fixture            *f)
{
  f->changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = bespoke_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_example_install (f->store, &error));
  g_assert_no_error (error);
  f->costing = bespoke_plan_costing_new (f->store);
  g_signal_connect (f->costing, "changed", G_CALLBACK (on_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->costing);
  g_assert_finalize_object (f->store);
}

/* Runs every idle due: the end of a burst of edits. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
load (Fixture    *f,
      GType       type,
      const char *uuid)
{
  g_autoptr(GError) error = NULL;
  gpointer record = bespoke_store_load (f->store, type, uuid, &error);

  g_assert_no_error (error);
  return record;
}

static void
save (Fixture  *f,
      gpointer  record)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = bespoke_store_save (f->store, record, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static BespokeBudget *
first_budget (Fixture    *f,
              const char *plan_uuid)
{
  g_autoptr(GPtrArray) budgets = bespoke_store_list (f->store, BESPOKE_TYPE_BUDGET, plan_uuid, NULL);

  g_assert_nonnull (budgets);
  g_assert_cmpuint (budgets->len, >, 0);
  return g_object_ref (g_ptr_array_index (budgets, 0));
}

/* domain.md: Paul has an individual budget of £34,000.00 and pays the
 * provider £22,000.00 (£11,223 + £5,512 + £5,265), with an outcome-based
 * one-off of £3,000.00 apart; £12,000.00 remains. */
static void
assert_pauls_figures (const BespokeCostReport *report,
                      gint64                   budget)
{
  g_assert_nonnull (report);
  g_assert_cmpint (report->budget, ==, budget);
  g_assert_cmpint (report->committed, ==, 2200000);
  g_assert_cmpint (report->contingent, ==, 300000);
  g_assert_cmpint (report->remaining, ==, budget - 2200000);
}

static void
test_lazy_and_once (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint runs = bespoke_costing_get_run_count ();

  /* nothing is costed until asked */
  bespoke_plan_costing_set_person (f->costing, BESPOKE_EXAMPLE_PAUL_UUID);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpstr (bespoke_plan_costing_get_person (f->costing), ==, BESPOKE_EXAMPLE_PAUL_UUID);
  drain ();
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpuint (bespoke_costing_get_run_count (), ==, runs);

  g_assert_cmpstr (bespoke_record_get_uuid (BESPOKE_RECORD (bespoke_plan_costing_get_plan (f->costing))), ==, PAUL_PLAN_UUID);
  assert_pauls_figures (bespoke_plan_costing_get_report (f->costing, &error), 3400000);
  g_assert_no_error (error);
  g_assert_cmpuint (bespoke_costing_get_run_count (), ==, runs + 1);

  /* asked again without a change: nothing runs */
  assert_pauls_figures (bespoke_plan_costing_get_report (f->costing, &error), 3400000);
  g_assert_cmpuint (bespoke_costing_get_run_count (), ==, runs + 1);

  /* the same person again is no change */
  bespoke_plan_costing_set_person (f->costing, BESPOKE_EXAMPLE_PAUL_UUID);
  g_assert_cmpuint (f->changed, ==, 1);
}

/* Three saves in a row: one changed, and one run when asked.  The budget
 * goes from £34,000 to £34,100 to £34,200 to £35,000; committed stays
 * £22,000.00, so £13,000.00 remains. */
static void
test_burst (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BespokeBudget) budget = first_budget (f, PAUL_PLAN_UUID);
  g_autoptr(BespokePlan) plan = NULL;
  guint runs;

  bespoke_plan_costing_set_person (f->costing, BESPOKE_EXAMPLE_PAUL_UUID);
  assert_pauls_figures (bespoke_plan_costing_get_report (f->costing, NULL), 3400000);
  f->changed = 0;
  runs = bespoke_costing_get_run_count ();

  bespoke_budget_set_amount (budget, 3410000);
  save (f, budget);
  bespoke_budget_set_amount (budget, 3420000);
  save (f, budget);
  bespoke_budget_set_amount (budget, 3500000);
  save (f, budget);
  g_assert_cmpuint (f->changed, ==, 0);   /* coalesced in one idle */
  drain ();
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpuint (bespoke_costing_get_run_count (), ==, runs);

  assert_pauls_figures (bespoke_plan_costing_get_report (f->costing, NULL), 3500000);
  g_assert_cmpuint (bespoke_costing_get_run_count (), ==, runs + 1);
  assert_pauls_figures (bespoke_plan_costing_get_report (f->costing, NULL), 3500000);
  g_assert_cmpuint (bespoke_costing_get_run_count (), ==, runs + 1);

  /* an edit to the plan itself: the current plan is read again */
  plan = load (f, BESPOKE_TYPE_PLAN, PAUL_PLAN_UUID);
  bespoke_plan_set_review_date (plan, "2027-11-01");
  save (f, plan);
  drain ();
  g_assert_cmpuint (f->changed, ==, 2);
  g_assert_cmpstr (bespoke_plan_get_review_date (bespoke_plan_costing_get_plan (f->costing)), ==, "2027-11-01");
}

/* Jennie's plan, her budget, a new line on her plan, her person record and
 * an outcome of Paul's (which costs nothing): no changed, nothing runs. */
static void
test_others_plans (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BespokeBudget) budget = first_budget (f, JENNIE_PLAN_UUID);
  g_autoptr(BespokePlan) plan = load (f, BESPOKE_TYPE_PLAN, JENNIE_PLAN_UUID);
  g_autoptr(BespokePerson) jennie = load (f, BESPOKE_TYPE_PERSON, JENNIE_UUID);
  g_autoptr(BespokeSupportLine) line = bespoke_support_line_new ();
  g_autoptr(BespokeOutcome) outcome = bespoke_outcome_new ();
  guint runs;

  bespoke_plan_costing_set_person (f->costing, BESPOKE_EXAMPLE_PAUL_UUID);
  bespoke_plan_costing_get_report (f->costing, NULL);
  f->changed = 0;
  runs = bespoke_costing_get_run_count ();

  bespoke_budget_set_amount (budget, 2500000);
  save (f, budget);
  bespoke_plan_set_review_date (plan, "2028-01-01");
  save (f, plan);
  bespoke_person_set_notes (jennie, "Swims on Saturdays.");
  save (f, jennie);
  bespoke_support_line_set_plan_uuid (line, JENNIE_PLAN_UUID);
  bespoke_support_line_set_description (line, "Swimming with Priya");
  bespoke_support_line_set_support_type (line, BESPOKE_SUPPORT_FRIEND);
  save (f, line);
  bespoke_outcome_set_plan_uuid (outcome, PAUL_PLAN_UUID);
  bespoke_outcome_set_statement (outcome, "Paul keeps his job for a year.");
  save (f, outcome);
  drain ();

  g_assert_cmpuint (f->changed, ==, 0);
  assert_pauls_figures (bespoke_plan_costing_get_report (f->costing, NULL), 3400000);
  g_assert_cmpuint (bespoke_costing_get_run_count (), ==, runs);
}

/* A plan for the coming financial year, made on 10 May 2027: it runs from
 * 1 April 2028 to 31 March 2029, starts later than Paul's 2027 plan and so
 * becomes his current plan, with no lines yet: £0.00 committed. */
static void
test_new_plan_becomes_current (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BespokePerson) paul = load (f, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID);
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokeBudget) budget = NULL;
  const BespokeCostReport *report;
  GDate today;

  bespoke_plan_costing_set_person (f->costing, BESPOKE_EXAMPLE_PAUL_UUID);
  bespoke_plan_costing_get_report (f->costing, NULL);
  f->changed = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, G_DATE_MAY, 2027);
  bespoke_plans_new_for_coming_year (paul, &today, &plan, &budget);
  save (f, plan);
  save (f, budget);
  drain ();
  g_assert_cmpuint (f->changed, ==, 1);

  g_assert_cmpstr (bespoke_record_get_uuid (BESPOKE_RECORD (bespoke_plan_costing_get_plan (f->costing))), ==,
                   bespoke_record_get_uuid (BESPOKE_RECORD (plan)));
  report = bespoke_plan_costing_get_report (f->costing, NULL);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->lines->len, ==, 0);
  g_assert_cmpint (report->committed, ==, 0);

  /* no one: no plan, no report, no error */
  bespoke_plan_costing_set_person (f->costing, NULL);
  g_assert_cmpuint (f->changed, ==, 2);
  g_assert_null (bespoke_plan_costing_get_plan (f->costing));
  g_assert_null (bespoke_plan_costing_get_report (f->costing, NULL));
}

/* A plan that cannot be costed (a period of six years, where the engine
 * stops at five): the error is a sentence, kept until the next change
 * rather than costed again. */
static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BespokePlan) plan = load (f, BESPOKE_TYPE_PLAN, PAUL_PLAN_UUID);
  g_autoptr(GError) error = NULL;
  guint runs;

  bespoke_plan_costing_set_person (f->costing, BESPOKE_EXAMPLE_PAUL_UUID);
  bespoke_plan_set_period_end (plan, "2032-12-31");
  save (f, plan);
  drain ();
  runs = bespoke_costing_get_run_count ();
  g_assert_null (bespoke_plan_costing_get_report (f->costing, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "five years"));
  g_clear_error (&error);
  g_assert_null (bespoke_plan_costing_get_report (f->costing, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_cmpuint (bespoke_costing_get_run_count (), ==, runs + 1);
  f->changed = 0;

  /* the year put back: Paul's figures again */
  bespoke_plan_set_period_end (plan, "2027-12-31");
  save (f, plan);
  drain ();
  g_assert_cmpuint (f->changed, ==, 1);
  assert_pauls_figures (bespoke_plan_costing_get_report (f->costing, NULL), 3400000);
}

/* The current plan is the one that starts last, whatever the order the
 * plans were saved in. */
static void
test_find_current (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (":memory:", &error);
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  const char *starts[] = { "2026-04-01", "2028-04-01", "2027-04-01" };
  g_autoptr(BespokePlan) current = NULL;
  g_autoptr(BespokePlan) none = NULL;

  bespoke_person_set_name (person, "Ann Example");
  g_assert_true (bespoke_store_save (store, person, &error));
  none = bespoke_plans_find_current (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)), &error);
  g_assert_null (none);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autoptr(BespokePlan) plan = bespoke_plan_new ();
      g_autofree char *end = g_strdup_printf ("%.4d-03-31", atoi (starts[i]) + 1);

      bespoke_plan_set_person_uuid (plan, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
      bespoke_plan_set_period_start (plan, starts[i]);
      bespoke_plan_set_period_end (plan, end);
      g_assert_true (bespoke_store_save (store, plan, &error));
      g_assert_no_error (error);
    }
  current = bespoke_plans_find_current (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_plan_get_period_start (current), ==, "2028-04-01");
  g_assert_cmpstr (bespoke_plan_get_period_end (current), ==, "2029-03-31");
}

static void
test_affects_plan (void)
{
  g_assert_true (bespoke_plans_type_affects_plan (BESPOKE_TYPE_RECORD));
  g_assert_true (bespoke_plans_type_affects_plan (BESPOKE_TYPE_PLAN));
  g_assert_true (bespoke_plans_type_affects_plan (BESPOKE_TYPE_SUPPORT_LINE));
  g_assert_true (bespoke_plans_type_affects_plan (BESPOKE_TYPE_BUDGET));
  g_assert_true (bespoke_plans_type_affects_plan (BESPOKE_TYPE_ADJUSTMENT));
  g_assert_true (bespoke_plans_type_affects_plan (BESPOKE_TYPE_PRODUCT));
  g_assert_true (bespoke_plans_type_affects_plan (BESPOKE_TYPE_PROVIDER));
  g_assert_true (bespoke_plans_type_affects_plan (BESPOKE_TYPE_OUTCOME));
  g_assert_true (bespoke_plans_type_affects_plan (BESPOKE_TYPE_RISK));
  g_assert_true (bespoke_plans_type_affects_plan (BESPOKE_TYPE_PERSON));
  g_assert_false (bespoke_plans_type_affects_plan (BESPOKE_TYPE_STATEMENT));
  g_assert_false (bespoke_plans_type_affects_plan (BESPOKE_TYPE_CIRCLE_MEMBER));
  g_assert_false (bespoke_plans_type_affects_plan (BESPOKE_TYPE_HOME));
  g_assert_false (bespoke_plans_type_affects_plan (BESPOKE_TYPE_PROFILE));
}

/* The coming financial year: on 31 March 2027 it is 1 April 2027 – 31 March
 * 2028, reviewed 1 March 2028; from 1 April 2027 on, it is the year after. */
static void
test_coming_year (void)
{
  struct { guint d; GDateMonth m; guint y; const char *start, *end, *review; } cases[] = {
    { 1, G_DATE_JANUARY, 2027, "2027-04-01", "2028-03-31", "2028-03-01" },
    { 31, G_DATE_MARCH, 2027, "2027-04-01", "2028-03-31", "2028-03-01" },
    { 1, G_DATE_APRIL, 2027, "2028-04-01", "2029-03-31", "2029-03-01" },
    { 31, G_DATE_DECEMBER, 2027, "2028-04-01", "2029-03-31", "2029-03-01" },
  };
  g_autoptr(BespokePerson) person = bespoke_person_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BespokePlan) plan = NULL;
      g_autoptr(BespokeBudget) budget = NULL;
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) cases[i].d, cases[i].m, (GDateYear) cases[i].y);
      bespoke_plans_new_for_coming_year (person, &today, &plan, &budget);
      g_assert_cmpstr (bespoke_plan_get_period_start (plan), ==, cases[i].start);
      g_assert_cmpstr (bespoke_plan_get_period_end (plan), ==, cases[i].end);
      g_assert_cmpstr (bespoke_plan_get_review_date (plan), ==, cases[i].review);
      g_assert_cmpint (bespoke_plan_get_status (plan), ==, BESPOKE_PLAN_DRAFT);
      g_assert_cmpstr (bespoke_plan_get_person_uuid (plan), ==, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
      g_assert_cmpstr (bespoke_budget_get_plan_uuid (budget), ==, bespoke_record_get_uuid (BESPOKE_RECORD (plan)));
      g_assert_cmpint (bespoke_budget_get_source (budget), ==, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/plan-costing/lazy-and-once", Fixture, NULL, fixture_set_up, test_lazy_and_once, fixture_tear_down);
  g_test_add ("/plan-costing/burst", Fixture, NULL, fixture_set_up, test_burst, fixture_tear_down);
  g_test_add ("/plan-costing/others-plans", Fixture, NULL, fixture_set_up, test_others_plans, fixture_tear_down);
  g_test_add ("/plan-costing/new-plan-becomes-current", Fixture, NULL, fixture_set_up, test_new_plan_becomes_current, fixture_tear_down);
  g_test_add ("/plan-costing/error", Fixture, NULL, fixture_set_up, test_error, fixture_tear_down);
  g_test_add_func ("/plans/find-current", test_find_current);
  g_test_add_func ("/plans/affects-plan", test_affects_plan);
  g_test_add_func ("/plans/coming-year", test_coming_year);

  return g_test_run ();
}
