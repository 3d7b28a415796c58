/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the schedule text parser (bespoke-schedule.h), and the
 * costing of what it accepts.
 *
 * Strict schedule text round-trips or is refused (issue #12): what
 * bespoke_schedule_parse() accepts serialises back to the very same text,
 * and parses again to an equal schedule.  A schedule that also validates
 * is costed as one line of an hourly product with every rate set over
 * 2027, which must give a cost or a sentence, never a crash or a hang
 * (libFuzzer's -timeout catches a hang; build-aux/fuzz sets it). */
#define G_LOG_DOMAIN "bespoke-fuzz-schedule"

#include "bespoke-core.h"
#include "fuzz-util.h"

static BespokeProduct *
every_rate_product (void)
{
  BespokeProduct *p = bespoke_product_new ();

  bespoke_product_set_provider_uuid (p, "fuzz");
  bespoke_product_set_name (p, "Every rate");
  bespoke_product_set_kind (p, BESPOKE_PRODUCT_ONGOING);
  bespoke_product_set_unit (p, BESPOKE_UNIT_HOUR);
  bespoke_product_set_unit_price (p, 2000);
  bespoke_product_set_rate_weekday_day (p, 2100);
  bespoke_product_set_rate_weekday_evening (p, 2300);
  bespoke_product_set_rate_night (p, 2500);
  bespoke_product_set_rate_saturday (p, 2700);
  bespoke_product_set_rate_sunday (p, 2900);
  bespoke_product_set_rate_bank_holiday (p, 4000);
  return p;
}

static void
cost_schedule (const BespokeSchedule *s)
{
  g_autoptr(BespokePlan) plan = bespoke_plan_new ();
  g_autoptr(BespokeProduct) p = every_rate_product ();
  g_autoptr(BespokeSupportLine) line = bespoke_support_line_new ();
  g_autoptr(BespokeLineCost) cost = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  bespoke_plan_set_person_uuid (plan, "fuzz");
  bespoke_plan_set_period_start (plan, "2027-01-01");
  bespoke_plan_set_period_end (plan, "2027-12-31");
  bespoke_support_line_set_plan_uuid (line, "fuzz");
  bespoke_support_line_set_description (line, "Fuzzed schedule");
  bespoke_support_line_set_product_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (p)));
  bespoke_support_line_set_schedule (line, s);
  bespoke_support_line_set_quantity (line, 1);

  ok = bespoke_costing_cost_line (plan, NULL, line, p, &cost, &error);
  fuzz_assert_refused (ok, error);
  fuzz_assert (ok == (cost != NULL));
  fuzz_assert (!ok || cost->cost >= 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *serialized = NULL;
  g_autofree char *described = NULL;
  g_autoptr(BespokeSchedule) s = NULL;
  g_autoptr(BespokeSchedule) again = NULL;
  g_autoptr(BespokeSchedule) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) valid_error = NULL;
  gboolean valid;

  fuzz_init ();
  text = fuzz_text (data, size);
  s = bespoke_schedule_parse (text, &error);
  fuzz_assert_refused (s != NULL, error);
  if (s == NULL)
    return 0;

  serialized = bespoke_schedule_serialize (s);
  fuzz_assert (g_str_equal (serialized, text));
  again = bespoke_schedule_parse (serialized, NULL);
  fuzz_assert (again != NULL && bespoke_schedule_equal (s, again));
  copy = bespoke_schedule_copy (s);
  fuzz_assert (bespoke_schedule_equal (s, copy));
  described = bespoke_schedule_describe (s);
  fuzz_assert (described != NULL && g_utf8_validate (described, -1, NULL));

  valid = bespoke_schedule_validate (s, &valid_error);
  fuzz_assert_refused (valid, valid_error);
  if (valid)
    cost_schedule (s);
  return 0;
}
