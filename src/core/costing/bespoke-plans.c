/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plans"

#include "config.h"

#include "bespoke-adjustment.h"
#include "bespoke-date.h"
#include "bespoke-outcome.h"
#include "bespoke-plans.h"
#include "bespoke-product.h"
#include "bespoke-provider.h"
#include "bespoke-risk.h"
#include "bespoke-support-line.h"

/**
 * bespoke_plans_find_current:
 * @person_uuid: whose plan
 *
 * A person's current plan is the one whose period starts last; of two
 * that start on the same day, the first the store lists.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL: with @error set
 *   when the store failed, without when the person has no plan
 */
BespokePlan *
bespoke_plans_find_current (BespokeStore  *store,
                            const char    *person_uuid,
                            GError       **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  BespokePlan *latest = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (person_uuid != NULL, NULL);

  if (!(plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN, person_uuid, error)))
    return NULL;
  for (guint i = 0; i < plans->len; i++)
    {
      BespokePlan *plan = g_ptr_array_index (plans, i);

      if (latest == NULL ||
          g_strcmp0 (bespoke_plan_get_period_start (plan), bespoke_plan_get_period_start (latest)) > 0)
        latest = plan;
    }
  return latest ? g_object_ref (latest) : NULL;
}

/**
 * bespoke_plans_type_affects_plan:
 * @type: the kind of record a store's #BespokeStore::changed names
 *
 * Whether a change to a record of this kind may change a plan or its
 * costs: the plan itself, its lines, outcomes, risks, budgets and
 * adjustments, the products and providers the lines use, and the person
 * (whose nation sets the bank holidays).  %BESPOKE_TYPE_RECORD stands for
 * "anything", as after a snapshot is restored.
 */
gboolean
bespoke_plans_type_affects_plan (GType type)
{
  return type == BESPOKE_TYPE_RECORD || type == BESPOKE_TYPE_PERSON ||
         type == BESPOKE_TYPE_PLAN || type == BESPOKE_TYPE_SUPPORT_LINE ||
         type == BESPOKE_TYPE_OUTCOME || type == BESPOKE_TYPE_RISK ||
         type == BESPOKE_TYPE_BUDGET || type == BESPOKE_TYPE_ADJUSTMENT ||
         type == BESPOKE_TYPE_PRODUCT || type == BESPOKE_TYPE_PROVIDER;
}

/**
 * bespoke_plans_coming_year:
 * @today: the day the plan is made
 * @start: (out caller-allocates): the next 1 April (today, if today is one)…
 * @end: (out caller-allocates): …to the 31 March after
 * @review: (out caller-allocates): a month before the end: 1 March
 *
 * The coming financial year: from 1 April of this year when @today is in
 * January to March, otherwise from 1 April of next year.
 */
void
bespoke_plans_coming_year (const GDate *today,
                           GDate       *start,
                           GDate       *end,
                           GDate       *review)
{
  int year;

  g_return_if_fail (today != NULL && g_date_valid (today));

  year = g_date_get_year (today);
  if (g_date_get_month (today) >= G_DATE_APRIL)
    year++;
  g_date_clear (start, 1);
  g_date_clear (end, 1);
  g_date_clear (review, 1);
  g_date_set_dmy (start, 1, G_DATE_APRIL, (GDateYear) year);
  g_date_set_dmy (end, 31, G_DATE_MARCH, (GDateYear) (year + 1));
  g_date_set_dmy (review, 1, G_DATE_MARCH, (GDateYear) (year + 1));
}

/**
 * bespoke_plans_new_for_coming_year:
 * @person: whose plan
 * @today: the day the plan is made
 * @out_plan: (out) (transfer full): a draft plan for the coming financial year
 * @out_budget: (out) (transfer full): its budget, from an individual budget
 *
 * The records a new plan is made of; the caller saves both, plan first
 * (through the history, so that Undo takes them back together).
 */
void
bespoke_plans_new_for_coming_year (BespokePerson  *person,
                                   const GDate    *today,
                                   BespokePlan   **out_plan,
                                   BespokeBudget **out_budget)
{
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokeBudget) budget = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *end_iso = NULL;
  g_autofree char *review_iso = NULL;
  GDate start, end, review;

  g_return_if_fail (BESPOKE_IS_PERSON (person));
  g_return_if_fail (out_plan != NULL && out_budget != NULL);

  bespoke_plans_coming_year (today, &start, &end, &review);
  start_iso = bespoke_date_to_iso (&start);
  end_iso = bespoke_date_to_iso (&end);
  review_iso = bespoke_date_to_iso (&review);

  plan = bespoke_plan_new ();
  bespoke_plan_set_person_uuid (plan, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  bespoke_plan_set_period_start (plan, start_iso);
  bespoke_plan_set_period_end (plan, end_iso);
  bespoke_plan_set_review_date (plan, review_iso);
  bespoke_plan_set_status (plan, BESPOKE_PLAN_DRAFT);

  budget = bespoke_budget_new ();
  bespoke_budget_set_plan_uuid (budget, bespoke_record_get_uuid (BESPOKE_RECORD (plan)));
  bespoke_budget_set_source (budget, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);

  *out_plan = g_steal_pointer (&plan);
  *out_budget = g_steal_pointer (&budget);
}
