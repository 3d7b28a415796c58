/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Costs a 50-line mixed plan, calendar-exact over a year, many times, and
 * prints the median time per costing against the 1 ms target (issue #3).
 * Not a test: it asserts nothing about time.
 *
 *   _build/tests/bench/bench-costing [ROUNDS]
 */
#define G_LOG_DOMAIN "bespoke-bench-costing"

#include <stdio.h>
#include <stdlib.h>

#include "bespoke-core.h"

#define TARGET_US 1000.0

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static BespokeProduct *
product (BespokeProductKind kind,
         BespokeUnit        unit,
         gint64             price)
{
  BespokeProduct *p = bespoke_product_new ();

  bespoke_product_set_provider_uuid (p, "bench");
  bespoke_product_set_name (p, "Bench product");
  bespoke_product_set_kind (p, kind);
  bespoke_product_set_unit (p, unit);
  bespoke_product_set_unit_price (p, price);
  return p;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BespokePlan) plan = bespoke_plan_new ();
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) budgets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BespokeBudget) budget = bespoke_budget_new ();
  g_autofree double *times = NULL;
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  gint64 committed = 0;
  double median;

  bespoke_plan_set_person_uuid (plan, "bench");
  bespoke_plan_set_period_start (plan, "2027-01-01");
  bespoke_plan_set_period_end (plan, "2027-12-31");
  bespoke_person_set_name (person, "Bench");
  bespoke_person_set_postcode (person, "LA9 4DQ");
  bespoke_budget_set_amount (budget, 100000000);
  g_ptr_array_add (budgets, g_object_ref (budget));

  /* the mix: hourly lines with time bands (some crossing midnight), nights,
   * days, per-occurrence, every-N-weeks, monthly, weekly units, one-offs */
  {
    BespokeProduct *hourly = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2150);
    BespokeProduct *night = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_NIGHT, 9000);
    BespokeProduct *day = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_DAY, 5300);
    BespokeProduct *each = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_EACH, 40500);
    BespokeProduct *week = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_WEEK, 2500);
    BespokeProduct *once = product (BESPOKE_PRODUCT_ONE_OFF, BESPOKE_UNIT_EACH, 65000);
    BespokeProduct *term = product (BESPOKE_PRODUCT_DEFINED_TERM, BESPOKE_UNIT_HOUR, 1850);

    bespoke_product_set_rate_weekday_evening (hourly, 2500);
    bespoke_product_set_rate_night (hourly, 2800);
    bespoke_product_set_rate_saturday (hourly, 2400);
    bespoke_product_set_rate_sunday (hourly, 2600);
    bespoke_product_set_rate_bank_holiday (hourly, 3200);
    bespoke_product_set_premium_postcode_areas (hourly, "LA");
    bespoke_product_set_premium_percent_bp (hourly, 500);
    bespoke_product_set_default_term_weeks (term, 12);
    g_ptr_array_add (products, hourly);
    g_ptr_array_add (products, night);
    g_ptr_array_add (products, day);
    g_ptr_array_add (products, each);
    g_ptr_array_add (products, week);
    g_ptr_array_add (products, once);
    g_ptr_array_add (products, term);
  }

  for (guint i = 0; i < 50; i++)
    {
      BespokeProduct *p = g_ptr_array_index (products, i % products->len);
      BespokeSupportLine *line = bespoke_support_line_new ();
      g_autoptr(BespokeSchedule) s = NULL;

      if (bespoke_product_get_kind (p) == BESPOKE_PRODUCT_ONE_OFF)
        {
          s = bespoke_schedule_new (BESPOKE_SCHEDULE_ONCE);
          s->date = 739800 + i;
        }
      else if (bespoke_product_get_unit (p) == BESPOKE_UNIT_NIGHT)
        {
          s = bespoke_schedule_new (BESPOKE_SCHEDULE_NIGHTLY);
          s->weekdays = BESPOKE_WEEKDAYS_ALL;
        }
      else
        {
          s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
          s->weekdays = (guint8) (i % 2 ? BESPOKE_WEEKDAYS_MON_FRI : BESPOKE_WEEKDAYS_ALL);
          s->start_minute = (guint16) ((i * 97) % (24 * 60));
          s->duration_minutes = 60 + (i * 37) % 600;
          s->every_weeks = (guint16) (1 + i % 3);
          s->anchor = 739617;   /* Fri 8 Jan 2027 */
        }

      bespoke_support_line_set_plan_uuid (line, "bench");
      bespoke_support_line_set_description (line, "Bench line");
      bespoke_support_line_set_product_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (p)));
      bespoke_support_line_set_schedule (line, s);
      bespoke_support_line_set_share_ratio (line, 1 + i % 2);
      g_ptr_array_add (lines, line);
    }

  times = g_new (double, rounds);
  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BespokeCostReport) report =
        bespoke_costing_cost_plan (plan, person, lines, products, budgets, NULL, &error);

      times[r] = (double) (g_get_monotonic_time () - start);
      if (report == NULL)
        {
          g_printerr ("bench-costing: %s\n", error->message);
          return 1;
        }
      committed = report->committed;
    }
  qsort (times, rounds, sizeof (double), compare_doubles);
  median = times[rounds / 2];

  printf ("costing a 50-line mixed plan, calendar-exact over 2027 (%u rounds)\n", rounds);
  printf ("  committed: %" G_GINT64_FORMAT " pence (the same every round)\n", committed);
  printf ("  median: %.1f µs per costing; fastest %.1f µs; slowest %.1f µs\n", median, times[0], times[rounds - 1]);
  printf ("  ratio to the 1 ms target: %.3f\n", median / TARGET_US);
  return 0;
}
