/* SPDX-License-Identifier: GPL-3.0-or-later */
/* In Control's seven criteria (issue #9, section 3): a failing and a
 * passing plan for each, each failing one made from Paul's example plan
 * (domain.md) by changing one thing; Agreed refused, then allowed with a
 * written reason, and undone; an override stored, exported to XML and
 * imported back; an old version-1 file still imports.
 *
 * Paul's plan, as domain.md has it: a £34,000 budget, £22,000 a year paid
 * to the provider, a £3,000 outcome-based one-off (contingent), £12,000
 * left; the example adds his profile, three outcomes due in 2027, seven
 * support lines (four paid), three risks with contingencies, and a review
 * on 1 December 2027 inside the plan year 2027. */
#define G_LOG_DOMAIN "bespoke-test-plan-check"

#include <locale.h>
#include <string.h>

#include "bespoke-plan-check.h"
#include "bespoke-xml-schema.h"
#include "xml-test-util.h"

#define PAUL_PLAN_UUID "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0002"

typedef struct
{
  BespokeStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = new_example_store ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
}

static GPtrArray *
run_check (BespokeStore *store,
           const char   *plan_uuid)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = bespoke_plan_check_run (store, plan_uuid, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, ==, 7);
  for (guint i = 0; i < results->len; i++)
    {
      BespokeCriterionResult *r = g_ptr_array_index (results, i);

      g_assert_cmpint (r->criterion, ==, i);
      g_assert_nonnull (r->title);
      g_assert_nonnull (r->detail);
      /* one sentence a planner can act on: it ends as a sentence does */
      g_assert_true (g_str_has_suffix (r->detail, "."));
    }
  return results;
}

static BespokeCriterionResult *
result (GPtrArray        *results,
        BespokeCriterion  criterion)
{
  return g_ptr_array_index (results, criterion);
}

/* Every criterion passes but @failing (or none, if -1); @failing's
 * sentence holds @words. */
static void
assert_only_fails (BespokeStore *store,
                   int           failing,
                   const char   *words)
{
  g_autoptr(GPtrArray) results = run_check (store, PAUL_PLAN_UUID);

  for (guint i = 0; i < results->len; i++)
    {
      BespokeCriterionResult *r = g_ptr_array_index (results, i);

      if ((int) i == failing)
        {
          g_assert_false (r->passed);
          if (strstr (r->detail, words) == NULL)
            g_error ("“%s” does not hold “%s”", r->detail, words);
        }
      else if (!r->passed)
        g_error ("criterion %u fails: %s", i + 1, r->detail);
    }
  g_assert_cmpint (bespoke_plan_check_can_agree (results), ==, failing < 0);
}

static gpointer
load (BespokeStore *store,
      GType         type,
      const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  gpointer record = bespoke_store_load (store, type, uuid, &error);

  g_assert_no_error (error);
  return record;
}

static void
save (BespokeStore *store,
      gpointer      record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bespoke_store_save (store, record, &error));
  g_assert_no_error (error);
}

static void
delete (BespokeStore *store,
        gpointer      record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bespoke_store_delete (store, record, &error));
  g_assert_no_error (error);
}

/* Paul's records of @type under @parent, in their order */
static GPtrArray *
children (BespokeStore *store,
          GType         type,
          const char   *parent)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = bespoke_store_list (store, type, parent, &error);

  g_assert_no_error (error);
  return list;
}

static BespokePlan *
paul_plan (Fixture *f)
{
  return load (f->store, BESPOKE_TYPE_PLAN, PAUL_PLAN_UUID);
}

/* ---- Paul's plan as it is: every criterion passes --------------------- */

static void
test_paul_passes (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) results = run_check (f->store, PAUL_PLAN_UUID);

  for (guint i = 0; i < 7; i++)
    g_assert_true (result (results, i)->passed);
  g_assert_true (bespoke_plan_check_can_agree (results));
  /* the money line holds domain.md's figures */
  g_assert_nonnull (strstr (result (results, BESPOKE_CRITERION_MONEY)->detail, "£22,000.00"));
  g_assert_nonnull (strstr (result (results, BESPOKE_CRITERION_MONEY)->detail, "£34,000.00"));
  g_assert_nonnull (strstr (result (results, BESPOKE_CRITERION_MONEY)->detail, "£3,000.00"));
  g_assert_nonnull (strstr (result (results, BESPOKE_CRITERION_MONEY)->detail, "£12,000.00"));
  g_assert_nonnull (strstr (result (results, BESPOKE_CRITERION_ACTION)->detail, "1 December 2027"));
  g_assert_cmpstr (result (results, BESPOKE_CRITERION_IMPORTANT)->title, ==, "What’s important to me");
  g_assert_cmpstr (result (results, BESPOKE_CRITERION_ACTION)->title, ==, "Action plan");

  /* the report the window already has gives the same */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BespokeCostReport) report = bespoke_costing_report (f->store, PAUL_PLAN_UUID, &error);
    g_autoptr(GPtrArray) again = NULL;

    g_assert_no_error (error);
    again = bespoke_plan_check_run (f->store, PAUL_PLAN_UUID, report, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 7; i++)
      g_assert_cmpstr (result (again, i)->detail, ==, result (results, i)->detail);
  }
}

/* ---- 1. What's important to me ---------------------------------------- */

static void
test_important (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) statements = children (f->store, BESPOKE_TYPE_STATEMENT, BESPOKE_EXAMPLE_PAUL_UUID);
  guint removed = 0;

  for (guint i = 0; i < statements->len; i++)
    if (bespoke_statement_get_section (g_ptr_array_index (statements, i)) == BESPOKE_SECTION_IMPORTANT)
      {
        delete (f->store, g_ptr_array_index (statements, i));
        removed++;
      }
  /* Paul's profile has four statements under "What's important to me" */
  g_assert_cmpuint (removed, ==, 4);
  assert_only_fails (f->store, BESPOKE_CRITERION_IMPORTANT, "add at least one statement");

  /* one statement is enough */
  {
    g_autoptr(BespokeStatement) s = bespoke_statement_new ();

    bespoke_statement_set_person_uuid (s, BESPOKE_EXAMPLE_PAUL_UUID);
    bespoke_statement_set_section (s, BESPOKE_SECTION_IMPORTANT);
    bespoke_statement_set_text (s, "My job at the garage.");
    save (f->store, s);
  }
  assert_only_fails (f->store, -1, NULL);
}

/* ---- 2. What I want to change or achieve ------------------------------ */

static void
test_change (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) outcomes = children (f->store, BESPOKE_TYPE_OUTCOME, PAUL_PLAN_UUID);
  BespokeOutcome *ready = g_ptr_array_index (outcomes, 2);  /* "…ready for work without Mum", due 30/9/2027 */

  g_assert_cmpuint (outcomes->len, ==, 3);
  g_assert_cmpstr (bespoke_outcome_get_target_date (ready), ==, "2027-09-30");

  /* a date after the plan ends (31 December 2027) */
  bespoke_outcome_set_target_date (ready, "2028-03-31");
  save (f->store, ready);
  assert_only_fails (f->store, BESPOKE_CRITERION_CHANGE, "is due on 31 March 2028, outside the plan");

  /* no date */
  bespoke_outcome_set_target_date (ready, NULL);
  save (f->store, ready);
  assert_only_fails (f->store, BESPOKE_CRITERION_CHANGE, "has no date");

  /* back inside, but no measure */
  bespoke_outcome_set_target_date (ready, "2027-12-31");
  bespoke_outcome_set_measure (ready, "  ");
  save (f->store, ready);
  assert_only_fails (f->store, BESPOKE_CRITERION_CHANGE, "does not say how it will be measured");

  /* with its measure, the plan passes again */
  bespoke_outcome_set_measure (ready, "Paul gets ready on his own three mornings a week.");
  save (f->store, ready);
  assert_only_fails (f->store, -1, NULL);

  /* no outcomes at all */
  for (guint i = 0; i < outcomes->len; i++)
    delete (f->store, g_ptr_array_index (outcomes, i));
  assert_only_fails (f->store, BESPOKE_CRITERION_CHANGE, "no outcomes");
}

/* ---- 3. How I will be supported --------------------------------------- */

static void
test_supported (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) lines = children (f->store, BESPOKE_TYPE_SUPPORT_LINE, PAUL_PLAN_UUID);
  BespokeSupportLine *work = g_ptr_array_index (lines, 1);  /* support at work, from Hillside, no named worker */
  g_autoptr(BespokeSchedule) schedule = NULL;

  g_assert_cmpuint (lines->len, ==, 7);
  g_assert_null (bespoke_support_line_get_worker (work));

  /* no provider and no worker */
  bespoke_support_line_set_provider_uuid (work, NULL);
  save (f->store, work);
  assert_only_fails (f->store, BESPOKE_CRITERION_SUPPORTED, "does not say who gives it");

  /* a named worker is enough */
  bespoke_support_line_set_worker (work, "Danny Price");
  save (f->store, work);
  assert_only_fails (f->store, -1, NULL);

  /* an unpaid line needs none of it: Kev's camping club has no provider */
  g_assert_null (bespoke_support_line_get_provider_uuid (g_ptr_array_index (lines, 5)));

  /* no funding source */
  bespoke_support_line_set_funding (work, BESPOKE_FUNDING_NONE);
  save (f->store, work);
  assert_only_fails (f->store, BESPOKE_CRITERION_SUPPORTED, "does not say how it is paid for");
  bespoke_support_line_set_funding (work, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
  save (f->store, work);

  /* no schedule */
  schedule = bespoke_schedule_copy (bespoke_support_line_get_schedule (work));
  bespoke_support_line_set_schedule (work, NULL);
  save (f->store, work);
  assert_only_fails (f->store, BESPOKE_CRITERION_SUPPORTED, "does not say when it happens");
  bespoke_support_line_set_schedule (work, schedule);
  save (f->store, work);
  assert_only_fails (f->store, -1, NULL);

  /* no lines at all */
  for (guint i = 0; i < lines->len; i++)
    delete (f->store, g_ptr_array_index (lines, i));
  {
    g_autoptr(GPtrArray) results = run_check (f->store, PAUL_PLAN_UUID);

    g_assert_false (result (results, BESPOKE_CRITERION_SUPPORTED)->passed);
    g_assert_nonnull (strstr (result (results, BESPOKE_CRITERION_SUPPORTED)->detail, "no support lines"));
  }
}

/* ---- 4. How I will use my money --------------------------------------- */

static BespokeBudget *
paul_budget (Fixture *f)
{
  g_autoptr(GPtrArray) budgets = children (f->store, BESPOKE_TYPE_BUDGET, PAUL_PLAN_UUID);

  g_assert_cmpuint (budgets->len, ==, 1);
  return g_object_ref (g_ptr_array_index (budgets, 0));
}

static void
test_money (Fixture *f, gconstpointer data)
{
  g_autoptr(BespokeBudget) budget = paul_budget (f);
  g_autoptr(GPtrArray) lines = children (f->store, BESPOKE_TYPE_SUPPORT_LINE, PAUL_PLAN_UUID);
  BespokeSupportLine *job = g_ptr_array_index (lines, 3);  /* the outcome-based £3,000 job finding */

  /* £22,000.00 committed against £20,000.00: £2,000.00 over */
  bespoke_budget_set_amount (budget, 2000000);
  save (f->store, budget);
  assert_only_fails (f->store, BESPOKE_CRITERION_MONEY, "costs £2,000.00 more than the budget of £20,000.00");

  /* exactly enough: £22,000.00 */
  bespoke_budget_set_amount (budget, 2200000);
  save (f->store, budget);
  assert_only_fails (f->store, -1, NULL);

  /* no budget */
  bespoke_budget_set_amount (budget, 0);
  save (f->store, budget);
  assert_only_fails (f->store, BESPOKE_CRITERION_MONEY, "budget is not set");
  bespoke_budget_set_amount (budget, 3400000);
  save (f->store, budget);

  /* a contingent line that does not say which outcome pays it: the job
   * finding product names none, so the line's description must */
  bespoke_support_line_set_description (job, NULL);
  save (f->store, job);
  assert_only_fails (f->store, BESPOKE_CRITERION_MONEY, "is paid only if an outcome is reached, and does not say which");
  bespoke_support_line_set_description (job, "Finding Paul a job he keeps for six months");
  save (f->store, job);
  assert_only_fails (f->store, -1, NULL);
}

/* ---- 5. How I will be in control -------------------------------------- */

static void
test_control (Fixture *f, gconstpointer data)
{
  g_autoptr(BespokePlan) plan = paul_plan (f);

  g_assert_cmpint (bespoke_plan_get_money_manager (plan), ==, BESPOKE_MONEY_MANAGER_PERSON);

  bespoke_plan_set_money_manager (plan, BESPOKE_MONEY_MANAGER_UNSET);
  save (f->store, plan);
  assert_only_fails (f->store, BESPOKE_CRITERION_CONTROL, "does not say who manages the money");

  bespoke_plan_set_money_manager (plan, BESPOKE_MONEY_MANAGER_PROVIDER_ISF);
  bespoke_plan_set_decides_day_to_day (plan, " ");
  save (f->store, plan);
  assert_only_fails (f->store, BESPOKE_CRITERION_CONTROL, "does not say who decides day to day");

  bespoke_plan_set_decides_day_to_day (plan, "Paul");
  save (f->store, plan);
  assert_only_fails (f->store, -1, NULL);
  {
    g_autoptr(GPtrArray) results = run_check (f->store, PAUL_PLAN_UUID);

    g_assert_cmpstr (result (results, BESPOKE_CRITERION_CONTROL)->detail, ==,
                     "Who manages the money: a provider, as an Individual Service Fund. Who decides day to day: Paul.");
  }
}

/* Bad input: a money manager Bespoke does not know is refused with a
 * sentence, and the store keeps what it had. */
static void
test_control_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr(BespokePlan) plan = paul_plan (f);
  g_autoptr(BespokePlan) after = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (plan, "money-manager", "bank", NULL);
  g_assert_false (bespoke_store_save (f->store, plan, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Who manages the money"));
  after = paul_plan (f);
  g_assert_cmpint (bespoke_plan_get_money_manager (after), ==, BESPOKE_MONEY_MANAGER_PERSON);
}

/* ---- 6. How I will stay safe ------------------------------------------ */

static void
test_safe (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) risks = children (f->store, BESPOKE_TYPE_RISK, PAUL_PLAN_UUID);
  BespokeRisk *job = g_ptr_array_index (risks, 1);    /* loses his job: Low, High */
  BespokeRisk *danny = g_ptr_array_index (risks, 0);  /* Danny is ill: Medium, Medium */

  g_assert_cmpuint (risks->len, ==, 3);
  bespoke_risk_set_contingency (job, NULL);
  save (f->store, job);
  assert_only_fails (f->store, BESPOKE_CRITERION_SAFE, "(likelihood Low, impact High) has no contingency");

  /* a High/High risk without one is named first, and the other counted */
  bespoke_risk_set_likelihood (danny, BESPOKE_LEVEL_HIGH);
  bespoke_risk_set_impact (danny, BESPOKE_LEVEL_HIGH);
  bespoke_risk_set_contingency (danny, "");
  save (f->store, danny);
  assert_only_fails (f->store, BESPOKE_CRITERION_SAFE,
                     "“Danny is ill and cannot come in the morning.” (likelihood High, impact High) has no contingency");
  assert_only_fails (f->store, BESPOKE_CRITERION_SAFE, "1 more risk has none.");

  /* a High/High risk with a contingency passes */
  bespoke_risk_set_contingency (danny, "Hillside sends a worker Paul knows.");
  save (f->store, danny);
  bespoke_risk_set_contingency (job, "The review is brought forward.");
  save (f->store, job);
  assert_only_fails (f->store, -1, NULL);
}

/* ---- 7. Action plan --------------------------------------------------- */

static void
test_action (Fixture *f, gconstpointer data)
{
  g_autoptr(BespokePlan) plan = paul_plan (f);

  bespoke_plan_set_review_date (plan, NULL);
  save (f->store, plan);
  assert_only_fails (f->store, BESPOKE_CRITERION_ACTION, "has no review date");

  bespoke_plan_set_review_date (plan, "2028-01-15");
  save (f->store, plan);
  assert_only_fails (f->store, BESPOKE_CRITERION_ACTION, "The review date, 15 January 2028, is outside the plan");

  /* the last day of the plan is inside it */
  bespoke_plan_set_review_date (plan, "2027-12-31");
  save (f->store, plan);
  assert_only_fails (f->store, -1, NULL);
}

/* ---- Agreed ----------------------------------------------------------- */

static void
test_agreed_refused_then_allowed (Fixture *f, gconstpointer data)
{
  g_autoptr(BespokeHistory) history = bespoke_history_new (f->store);
  g_autoptr(BespokePlan) plan = paul_plan (f);
  g_autoptr(GError) error = NULL;

  /* a draft, that does not say who manages the money */
  bespoke_plan_set_status (plan, BESPOKE_PLAN_DRAFT);
  bespoke_plan_set_money_manager (plan, BESPOKE_MONEY_MANAGER_UNSET);
  save (f->store, plan);

  g_assert_false (bespoke_plan_check_set_status (f->store, history, PAUL_PLAN_UUID, BESPOKE_PLAN_AGREED, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be agreed while “How I will be in control” fails"));
  g_assert_nonnull (strstr (error->message, "does not say who manages the money"));
  g_clear_error (&error);
  g_clear_object (&plan);
  plan = paul_plan (f);
  g_assert_cmpint (bespoke_plan_get_status (plan), ==, BESPOKE_PLAN_DRAFT);
  g_assert_false (bespoke_history_get_can_undo (history));

  /* an override needs written text: blanks are no reason */
  bespoke_plan_set_override (plan, BESPOKE_CRITERION_CONTROL, "   ");
  save (f->store, plan);
  g_assert_false (bespoke_plan_check_agreement (f->store, PAUL_PLAN_UUID, NULL, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_clear_error (&error);

  /* with a reason it is agreed, through the history */
  bespoke_plan_set_override (plan, BESPOKE_CRITERION_CONTROL, "Paul and his mum choose at the first review, in March.");
  save (f->store, plan);
  g_assert_true (bespoke_plan_check_set_status (f->store, history, PAUL_PLAN_UUID, BESPOKE_PLAN_AGREED, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  plan = paul_plan (f);
  g_assert_cmpint (bespoke_plan_get_status (plan), ==, BESPOKE_PLAN_AGREED);
  g_assert_cmpstr (bespoke_history_get_undo_label (history), ==, "Agree the plan");

  /* undone like any edit */
  g_assert_true (bespoke_history_undo (history, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  plan = paul_plan (f);
  g_assert_cmpint (bespoke_plan_get_status (plan), ==, BESPOKE_PLAN_DRAFT);

  /* a draft may always go back to draft or on to ended */
  g_assert_true (bespoke_plan_check_set_status (f->store, NULL, PAUL_PLAN_UUID, BESPOKE_PLAN_ENDED, &error));
  g_assert_no_error (error);
}

/* Two failing criteria: the first is named, the other counted. */
static void
test_refusal_names_first (Fixture *f, gconstpointer data)
{
  g_autoptr(BespokePlan) plan = paul_plan (f);
  g_autoptr(GError) error = NULL;

  bespoke_plan_set_review_date (plan, NULL);
  bespoke_plan_set_decides_day_to_day (plan, NULL);
  save (f->store, plan);
  g_assert_false (bespoke_plan_check_agreement (f->store, PAUL_PLAN_UUID, NULL, &error));
  g_assert_nonnull (strstr (error->message, "“How I will be in control” fails"));
  g_assert_true (g_str_has_suffix (error->message, "1 more criterion fails too."));
}

/* ---- the override in the XML exchange --------------------------------- */

static void
test_override_exported_and_imported (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "paul.bespoke", NULL);
  g_autoptr(BespokePlan) plan = paul_plan (f);
  g_autoptr(BespokeStore) elsewhere = open_store_at (":memory:");
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(BespokePlan) imported = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *people[] = { BESPOKE_EXAMPLE_PAUL_UUID, NULL };
  const char *reason = "Reviewed by the council’s panel: safe with the family’s plan <for now> & agreed.";

  bespoke_plan_set_override (plan, BESPOKE_CRITERION_SAFE, reason);
  bespoke_plan_set_money_manager (plan, BESPOKE_MONEY_MANAGER_FAMILY);
  save (f->store, plan);

  g_assert_true (bespoke_xml_export (f->store, BESPOKE_XML_EXPORT_PEOPLE, people, path, &error));
  g_assert_no_error (error);
  assert_valid_against_published_schema (path);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "schema-version=\"" BESPOKE_XML_SCHEMA_VERSION "\""));
  g_assert_nonnull (strstr (text, "<money-manager>family</money-manager>"));
  g_assert_nonnull (strstr (text, "<override-safe>Reviewed by the council’s panel: safe with the family’s plan &lt;for now&gt; &amp; agreed.</override-safe>"));

  report = bespoke_xml_import (elsewhere, path, BESPOKE_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  imported = load (elsewhere, BESPOKE_TYPE_PLAN, PAUL_PLAN_UUID);
  g_assert_cmpstr (bespoke_plan_get_override (imported, BESPOKE_CRITERION_SAFE), ==, reason);
  g_assert_null (bespoke_plan_get_override (imported, BESPOKE_CRITERION_MONEY));
  g_assert_cmpint (bespoke_plan_get_money_manager (imported), ==, BESPOKE_MONEY_MANAGER_FAMILY);
  g_assert_cmpstr (bespoke_plan_get_decides_day_to_day (imported), ==, bespoke_plan_get_decides_day_to_day (plan));
  g_assert_true (bespoke_record_equal (BESPOKE_RECORD (imported), BESPOKE_RECORD (plan)));

  /* the check reads it there: the safe criterion passes anyway, and keeps its reason */
  results = run_check (elsewhere, PAUL_PLAN_UUID);
  g_assert_cmpstr (result (results, BESPOKE_CRITERION_SAFE)->override_reason, ==, reason);
}

/* A version-1 file (written before the plan's new fields) still imports;
 * its plan has none of them, so the control criterion fails. */
static void
test_version_1_imports (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "valid.xml", NULL);
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "schema-version=\"1\""));
  g_assert_true (bespoke_xml_validate (path, &error));
  g_assert_no_error (error);
  report = bespoke_xml_import (store, path, BESPOKE_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  plan = load (store, BESPOKE_TYPE_PLAN, "5f0c2a1e-8d3b-4c6a-9e7f-1a2b3c4d5e62");
  g_assert_cmpint (bespoke_plan_get_money_manager (plan), ==, BESPOKE_MONEY_MANAGER_UNSET);
  g_assert_null (bespoke_plan_get_decides_day_to_day (plan));
  for (guint i = 0; i < BESPOKE_PLAN_N_CRITERIA; i++)
    g_assert_null (bespoke_plan_get_override (plan, i));
  results = run_check (store, "5f0c2a1e-8d3b-4c6a-9e7f-1a2b3c4d5e62");
  g_assert_true (result (results, BESPOKE_CRITERION_IMPORTANT)->passed);
  g_assert_false (result (results, BESPOKE_CRITERION_CONTROL)->passed);
  g_assert_false (bespoke_plan_check_can_agree (results));
}

/* An unknown plan is an error, not seven failures. */
static void
test_unknown_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = bespoke_plan_check_run (f->store, "00000000-0000-4000-8000-000000000000", NULL, &error);

  g_assert_null (results);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan-check/paul-passes", test_paul_passes);
  ADD ("/plan-check/important", test_important);
  ADD ("/plan-check/change", test_change);
  ADD ("/plan-check/supported", test_supported);
  ADD ("/plan-check/money", test_money);
  ADD ("/plan-check/control", test_control);
  ADD ("/plan-check/control-bad-input", test_control_bad_input);
  ADD ("/plan-check/safe", test_safe);
  ADD ("/plan-check/action", test_action);
  ADD ("/plan-check/agreed-refused-then-allowed", test_agreed_refused_then_allowed);
  ADD ("/plan-check/refusal-names-first", test_refusal_names_first);
  ADD ("/plan-check/override-exported-and-imported", test_override_exported_and_imported);
  ADD ("/plan-check/version-1-imports", test_version_1_imports);
  ADD ("/plan-check/unknown-plan", test_unknown_plan);
#undef ADD

  return g_test_run ();
}
