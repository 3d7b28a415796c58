/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-costing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-bank-holidays.h"
#include "bespoke-budget.h"
#include "bespoke-costing-private.h"
#include "bespoke-error.h"
#include "bespoke-money.h"

/* Costing a whole plan: its lines, totals by funding, months, refunds and
 * warnings; and reading a plan from the store to cost it. */

/* bespoke_costing_cost_plan() runs, counted for tests */
static int run_count;

void
bespoke_cost_report_free (BespokeCostReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->bank_holidays, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

const char *
bespoke_costing_rule_text (BespokeAnnualisation rule)
{
  switch (rule)
    {
    case BESPOKE_ANNUALISATION_CALENDAR:
      return _("Calendar: every real occurrence in the plan period is counted, bank holidays included.");
    case BESPOKE_ANNUALISATION_52_WEEKS:
      return _("52 weeks: the cost of a typical week, times 52 a year; a line every N weeks counts 1/N.");
    case BESPOKE_ANNUALISATION_365_7_WEEKS:
      return _("365/7 weeks: the cost of a typical week, times 365/7 a year; a line every N weeks counts 1/N.");
    default:
      return "";
    }
}

static BespokeProduct *
find_product (GPtrArray  *products,
              const char *uuid)
{
  for (guint i = 0; products != NULL && uuid != NULL && i < products->len; i++)
    if (g_strcmp0 (bespoke_record_get_uuid (g_ptr_array_index (products, i)), uuid) == 0)
      return g_ptr_array_index (products, i);
  return NULL;
}

/* The warnings, in words */
static void
add_warnings (BespokeCostReport *report)
{
  if (report->remaining < 0)
    {
      g_autofree char *over = bespoke_money_format (-report->remaining);
      g_ptr_array_add (report->warnings,
                       g_strdup_printf (_("Over budget: the plan costs %s more than the budget. Reduce paid support or find other funding."), over));
    }
  else if (report->budget > 0 && (i128) report->remaining * 10000 > (i128) report->budget * BESPOKE_UNSPENT_WARNING_BP)
    {
      g_autofree char *left = bespoke_money_format (report->remaining);
      g_ptr_array_add (report->warnings,
                       g_strdup_printf (_("%s (%d%%) of the budget is not planned yet."), left,
                                        (int) ((i128) report->remaining * 100 / report->budget)));
    }
  {
    GDate d;
    g_date_clear (&d, 1);
    g_date_set_julian (&d, report->period_start);
    if (!bespoke_bank_holidays_covers (g_date_get_year (&d)))
      g_ptr_array_add (report->warnings, g_strdup (_("Bespoke knows bank holidays for 2020 to 2032 only; none are counted outside those years.")));
    g_date_set_julian (&d, report->period_end);
    if (!bespoke_bank_holidays_covers (g_date_get_year (&d)) && report->warnings->len == 0)
      g_ptr_array_add (report->warnings, g_strdup (_("Bespoke knows bank holidays for 2020 to 2032 only; none are counted outside those years.")));
  }
}

/**
 * bespoke_costing_cost_plan:
 * @lines: (element-type BespokeSupportLine)
 * @products: (element-type BespokeProduct): the products the lines use
 * @budgets: (element-type BespokeBudget)
 * @adjustments: (element-type BespokeAdjustment) (nullable)
 *
 * Returns: (transfer full): the plan's costs, totals, months and warnings.
 */
BespokeCostReport *
bespoke_costing_cost_plan (BespokePlan    *plan,
                           BespokePerson  *person,
                           GPtrArray      *lines,
                           GPtrArray      *products,
                           GPtrArray      *budgets,
                           GPtrArray      *adjustments,
                           GError        **error)
{
  g_autoptr(BespokeCostReport) report = g_new0 (BespokeCostReport, 1);
  gboolean budgeted[BESPOKE_FUNDING_NONE + 1] = { FALSE };
  gint64 against_budget = 0;
  Months months;

  g_return_val_if_fail (BESPOKE_IS_PLAN (plan), NULL);

  g_atomic_int_inc (&run_count);
  report->rule = bespoke_plan_get_annualisation (plan);
  report->nation = person ? bespoke_person_get_nation (person) : BESPOKE_NATION_ENGLAND_AND_WALES;
  report->period_start = bespoke_costing_julian_of (bespoke_plan_get_period_start (plan));
  report->period_end = bespoke_costing_julian_of (bespoke_plan_get_period_end (plan));
  report->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) bespoke_line_cost_free);
  report->months = g_array_new (FALSE, TRUE, sizeof (BespokeMonthCost));
  report->warnings = g_ptr_array_new_with_free_func (g_free);

  if (report->period_start == 0 || report->period_end < report->period_start)
    {
      bespoke_set_invalid (error, _("The plan’s period is not set, or it ends before it starts. Set both dates on the plan."));
      return NULL;
    }
  if (!bespoke_costing_months_init (&months, report->period_start, report->period_end, error))
    return NULL;
  for (guint i = 0; i < months.n_months; i++)
    {
      BespokeMonthCost mc = { months.starts[i], 0 };
      g_array_append_val (report->months, mc);
    }
  report->bank_holidays = bespoke_bank_holidays_between (report->nation, report->period_start, report->period_end);

  for (guint i = 0; budgets != NULL && i < budgets->len; i++)
    {
      BespokeBudget *b = g_ptr_array_index (budgets, i);
      if (!bespoke_money_add (report->budget, bespoke_budget_get_amount (b), &report->budget, error))
        return NULL;
      budgeted[bespoke_budget_get_source (b)] = TRUE;
    }

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      BespokeSupportLine *line = g_ptr_array_index (lines, i);
      BespokeProduct *product = find_product (products, bespoke_support_line_get_product_uuid (line));
      BespokeLineCost *lc = NULL;

      if (!bespoke_costing_cost_line (plan, person, line, product, &lc, error))
        {
          g_prefix_error (error, _("Line %u, “%s”: "), i + 1,
                          bespoke_support_line_get_description (line) ? bespoke_support_line_get_description (line) : "");
          return NULL;
        }
      g_ptr_array_add (report->lines, lc);

      if (lc->paid)
        report->paid_week_minutes += lc->week_minutes;
      else
        report->unpaid_week_minutes += lc->week_minutes;

      if (!lc->paid)
        continue;
      if (lc->contingent)
        {
          if (!bespoke_money_add (report->contingent, lc->cost, &report->contingent, error))
            return NULL;
          continue;
        }
      if (!bespoke_money_add (report->committed, lc->cost, &report->committed, error) ||
          !bespoke_money_add (report->committed_by_funding[lc->funding], lc->cost,
                              &report->committed_by_funding[lc->funding], error))
        return NULL;
      if (budgeted[lc->funding] && !bespoke_money_add (against_budget, lc->cost, &against_budget, error))
        return NULL;
      for (guint m = 0; m < lc->months->len; m++)
        g_array_index (report->months, BespokeMonthCost, m).amount += g_array_index (lc->months, BespokeMonthCost, m).amount;
    }

  for (guint i = 0; adjustments != NULL && i < adjustments->len; i++)
    {
      BespokeAdjustment *adj = g_ptr_array_index (adjustments, i);
      guint32 day = bespoke_costing_julian_of (bespoke_adjustment_get_date (adj));
      gint64 amount = bespoke_adjustment_get_amount (adj);

      if (day < report->period_start || day > report->period_end)
        continue;
      if (!bespoke_money_add (report->adjustments, amount, &report->adjustments, error) ||
          !bespoke_money_add (report->committed, amount, &report->committed, error) ||
          !bespoke_money_add (against_budget, amount, &against_budget, error))
        return NULL;
      g_array_index (report->months, BespokeMonthCost, month_index (&months, day)).amount += amount;
    }

  if (!bespoke_money_add (report->budget, -against_budget, &report->remaining, error))
    return NULL;

  add_warnings (report);

  return g_steal_pointer (&report);
}

/**
 * bespoke_costing_get_run_count:
 *
 * How many times bespoke_costing_cost_plan() has run in this process, for
 * tests that count the work an edit causes.
 */
guint
bespoke_costing_get_run_count (void)
{
  return (guint) g_atomic_int_get (&run_count);
}

/* Adds the uuids of @records to @read, when there is one. */
static void
note_read (GHashTable *read,
           GPtrArray  *records)
{
  for (guint i = 0; read != NULL && records != NULL && i < records->len; i++)
    g_hash_table_add (read, g_strdup (bespoke_record_get_uuid (g_ptr_array_index (records, i))));
}

/**
 * bespoke_costing_report_read:
 * @read: (nullable): a set of uuids (strings it owns) to add every record
 *   read to, even when the costing fails, so that a watcher knows which
 *   changes concern the report
 *
 * bespoke_costing_report(), telling what it read.
 */
BespokeCostReport *
bespoke_costing_report_read (BespokeStore  *store,
                             const char    *plan_uuid,
                             GHashTable    *read,
                             GError       **error)
{
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GPtrArray) adjustments = NULL;
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  if (read != NULL && plan_uuid != NULL)
    g_hash_table_add (read, g_strdup (plan_uuid));
  if (!(plan = bespoke_store_load (store, BESPOKE_TYPE_PLAN, plan_uuid, error)))
    return NULL;
  if (read != NULL && bespoke_plan_get_person_uuid (plan) != NULL)
    g_hash_table_add (read, g_strdup (bespoke_plan_get_person_uuid (plan)));
  if (!(person = bespoke_store_load (store, BESPOKE_TYPE_PERSON, bespoke_plan_get_person_uuid (plan), error)) ||
      !(lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, plan_uuid, error)) ||
      !(budgets = bespoke_store_list (store, BESPOKE_TYPE_BUDGET, plan_uuid, error)) ||
      !(adjustments = bespoke_store_list (store, BESPOKE_TYPE_ADJUSTMENT, plan_uuid, error)))
    return NULL;
  note_read (read, lines);
  note_read (read, budgets);
  note_read (read, adjustments);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *uuid = bespoke_support_line_get_product_uuid (g_ptr_array_index (lines, i));
      BespokeProduct *product;

      if (uuid == NULL || find_product (products, uuid) != NULL)
        continue;
      if (read != NULL)
        g_hash_table_add (read, g_strdup (uuid));
      if (!(product = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT, uuid, error)))
        return NULL;
      g_ptr_array_add (products, product);
    }

  return bespoke_costing_cost_plan (plan, person, lines, products, budgets, adjustments, error);
}

/**
 * bespoke_costing_report:
 *
 * Reads a plan, its person, lines, products, budgets and adjustments from
 * the store and costs it.
 */
BespokeCostReport *
bespoke_costing_report (BespokeStore  *store,
                        const char    *plan_uuid,
                        GError       **error)
{
  return bespoke_costing_report_read (store, plan_uuid, NULL, error);
}
