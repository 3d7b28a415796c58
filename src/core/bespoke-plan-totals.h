/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-store.h"

G_BEGIN_DECLS

/**
 * BespokePlanTotals:
 * @budget: the plan's budgets added up
 * @committed: paid lines that will be paid for
 * @contingent: outcome-based one-offs, paid only if the outcome is reached
 * @remaining: @budget − @committed
 *
 * A plan's money, from each line's agreed cost as stored.
 */
typedef struct
{
  gint64 budget;
  gint64 committed;
  gint64 contingent;
  gint64 remaining;
} BespokePlanTotals;

gboolean bespoke_plan_totals_compute (BespokeStore       *store,
                                      const char         *plan_uuid,
                                      BespokePlanTotals  *out,
                                      GError            **error);

G_END_DECLS
