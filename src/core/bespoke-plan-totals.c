/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-totals"

#include "config.h"

#include "bespoke-core.h"
#include "bespoke-plan-totals.h"

/**
 * bespoke_plan_totals_compute:
 *
 * Adds up a plan's budgets and its paid lines' agreed costs.  A line whose
 * product is an outcome-based one-off is contingent, not committed.  Every
 * sum is checked for overflow.
 */
gboolean
bespoke_plan_totals_compute (BespokeStore       *store,
                             const char         *plan_uuid,
                             BespokePlanTotals  *out,
                             GError            **error)
{
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  BespokePlanTotals totals = { 0 };

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan_uuid != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!(budgets = bespoke_store_list (store, BESPOKE_TYPE_BUDGET, plan_uuid, error)) ||
      !(lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, plan_uuid, error)))
    return FALSE;

  for (guint i = 0; i < budgets->len; i++)
    if (!bespoke_money_add (totals.budget, bespoke_budget_get_amount (g_ptr_array_index (budgets, i)),
                            &totals.budget, error))
      return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      BespokeSupportLine *line = g_ptr_array_index (lines, i);
      g_autoptr(BespokeProduct) product = NULL;
      gint64 *bucket = &totals.committed;

      if (bespoke_support_line_get_support_type (line) != BESPOKE_SUPPORT_PAID)
        continue;

      product = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT,
                                    bespoke_support_line_get_product_uuid (line), error);
      if (product == NULL)
        return FALSE;
      if (bespoke_product_get_outcome_based (product))
        bucket = &totals.contingent;
      if (!bespoke_money_add (*bucket, bespoke_support_line_get_agreed_cost (line), bucket, error))
        return FALSE;
    }

  if (!bespoke_money_add (totals.budget, -totals.committed, &totals.remaining, error))
    return FALSE;

  *out = totals;
  return TRUE;
}
