/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-adjustment.h"
#include "bespoke-person.h"
#include "bespoke-plan.h"
#include "bespoke-product.h"
#include "bespoke-store.h"
#include "bespoke-support-line.h"

G_BEGIN_DECLS

/* The most a support line may ask for, so that no plan costs for long:
 * costing walks the plan's days and occurrences; a quantity is a
 * multiplier on each occurrence, never a loop.  (A schedule's longest
 * occurrence, 7 days, is BESPOKE_SCHEDULE_MAX_MINUTES.) */
#define BESPOKE_COSTING_MAX_QUANTITY             1000  /* staff or units each time */
#define BESPOKE_COSTING_MAX_DISTURBANCE_MINUTES  1440  /* a night's disturbance, at most a day */

/* The costing engine.  It counts the real occurrences of each line in the
 * plan period (or a typical week, under the week-based rules), splits each
 * hour at time-band boundaries and midnight, and keeps every amount exact
 * (rational, in 128-bit integers) until one rounding per line, half away
 * from zero.  Totals are sums of rounded lines; monthly figures add up to
 * the line exactly, the rounding remainders going to the months with the
 * largest fractions. */

#define BESPOKE_UNSPENT_WARNING_BP 1000  /* warn when over 10% of the budget is unplanned */

typedef struct
{
  guint32 first_day;   /* Julian day of the first day of the month inside the period */
  gint64  amount;      /* pence */
} BespokeMonthCost;

typedef struct
{
  char               *line_uuid;
  char               *description;
  char               *schedule_summary;
  gboolean            paid;
  gboolean            contingent;      /* an outcome-based one-off: reported apart */
  BespokeFunding      funding;
  BespokeUnit         unit;
  gint64              units_hundredths; /* units in the period, e.g. 52200 = 522 hours */
  gint64              cost;             /* pence for the plan period, rounded once */
  gint64              week_minutes;     /* minutes of support in a typical week */
  GArray             *months;           /* BespokeMonthCost, adding up to cost exactly */
} BespokeLineCost;

typedef struct
{
  BespokeAnnualisation rule;
  BespokeNation        nation;
  guint32              period_start;
  guint32              period_end;
  GPtrArray           *lines;            /* BespokeLineCost */
  gint64               budget;
  gint64               committed;        /* paid, non-contingent lines plus adjustments */
  gint64               committed_by_funding[BESPOKE_FUNDING_NONE + 1];
  gint64               contingent;
  gint64               adjustments;      /* refunds in the period (negative) */
  gint64               remaining;        /* budget − what is committed against a budgeted source */
  GArray              *months;           /* BespokeMonthCost: the plan's committed cost by month */
  gint64               paid_week_minutes;
  gint64               unpaid_week_minutes;
  GArray              *bank_holidays;    /* guint32 Julian days in the period */
  GPtrArray           *warnings;         /* char*: sentences for people */
} BespokeCostReport;

void               bespoke_line_cost_free    (BespokeLineCost *self);
void               bespoke_cost_report_free  (BespokeCostReport *self);

gboolean           bespoke_costing_cost_line (BespokePlan         *plan,
                                              BespokePerson       *person,
                                              BespokeSupportLine  *line,
                                              BespokeProduct      *product,
                                              BespokeLineCost    **out,
                                              GError             **error);

BespokeCostReport *bespoke_costing_cost_plan  (BespokePlan         *plan,
                                               BespokePerson       *person,
                                               GPtrArray           *lines,
                                               GPtrArray           *products,
                                               GPtrArray           *budgets,
                                               GPtrArray           *adjustments,
                                               GError             **error);

BespokeCostReport *bespoke_costing_report     (BespokeStore        *store,
                                               const char          *plan_uuid,
                                               GError             **error);

const char        *bespoke_costing_rule_text  (BespokeAnnualisation rule);
guint              bespoke_costing_get_run_count (void);
guint              bespoke_costing_get_work_count (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeLineCost, bespoke_line_cost_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeCostReport, bespoke_cost_report_free)

G_END_DECLS
