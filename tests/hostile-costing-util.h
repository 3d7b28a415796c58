/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The most expensive plan to cost that Bespoke's limits allow (header
 * only): shared by tests/test-hostile-costing.c, which counts its work, and
 * tests/bench/bench-costing-hostile.c, which times it. */
#pragma once

#include "bespoke-core.h"

#define WORST_LINES 50

/* 50 lines over the longest period (five years less a day), each an hourly
 * line every day of the week, starting at 23:59 and lasting the longest
 * visit (7 days), for the most staff, with every rate set so that every
 * piece of every visit looks up its band, and a bank-holiday rate. */
static inline BespokeCostReport *
cost_worst_plan (guint    quantity,
                 guint32  minutes,
                 GError **error)
{
  g_autoptr(BespokePlan) plan = bespoke_plan_new ();
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BespokeProduct) p = bespoke_product_new ();

  bespoke_plan_set_person_uuid (plan, "worst");
  bespoke_plan_set_period_start (plan, "2027-01-01");
  bespoke_plan_set_period_end (plan, "2031-12-31");
  bespoke_person_set_name (person, "Worst");

  bespoke_product_set_provider_uuid (p, "worst");
  bespoke_product_set_name (p, "Every band");
  bespoke_product_set_kind (p, BESPOKE_PRODUCT_ONGOING);
  bespoke_product_set_unit (p, BESPOKE_UNIT_HOUR);
  bespoke_product_set_unit_price (p, 2000);
  bespoke_product_set_rate_weekday_day (p, 2100);
  bespoke_product_set_rate_weekday_evening (p, 2300);
  bespoke_product_set_rate_night (p, 2500);
  bespoke_product_set_rate_saturday (p, 2700);
  bespoke_product_set_rate_sunday (p, 2900);
  bespoke_product_set_rate_bank_holiday (p, 4000);
  g_ptr_array_add (products, g_object_ref (p));

  for (guint i = 0; i < WORST_LINES; i++)
    {
      g_autoptr(BespokeSchedule) s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
      BespokeSupportLine *line = bespoke_support_line_new ();

      s->weekdays = BESPOKE_WEEKDAYS_ALL;
      s->start_minute = 23 * 60 + 59;
      s->duration_minutes = minutes;
      s->every_weeks = 1;
      bespoke_support_line_set_plan_uuid (line, "worst");
      bespoke_support_line_set_description (line, "Round the clock");
      bespoke_support_line_set_product_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (p)));
      bespoke_support_line_set_quantity (line, quantity);
      bespoke_support_line_set_free_units (line, 10);
      bespoke_support_line_set_schedule (line, s);
      g_ptr_array_add (lines, line);
    }
  return bespoke_costing_cost_plan (plan, person, lines, products, NULL, NULL, error);
}
