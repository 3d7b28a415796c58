/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The costing engine against hand calculations (issue #3 and domain.md). */
#define G_LOG_DOMAIN "bespoke-test-costing"

#include "bespoke-core.h"
#include "bespoke-example.h"

static guint32
day (guint d, GDateMonth m, guint y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, m, (GDateYear) y);
  return g_date_get_julian (&date);
}

static BespokePlan *
plan_2027 (BespokeAnnualisation rule)
{
  BespokePlan *plan = bespoke_plan_new ();

  bespoke_plan_set_person_uuid (plan, "p");
  bespoke_plan_set_period_start (plan, "2027-01-01");
  bespoke_plan_set_period_end (plan, "2027-12-31");
  bespoke_plan_set_annualisation (plan, rule);
  return plan;
}

static BespokeProduct *
product (BespokeProductKind kind,
         BespokeUnit        unit,
         gint64             price)
{
  BespokeProduct *p = bespoke_product_new ();

  bespoke_product_set_provider_uuid (p, "provider");
  bespoke_product_set_name (p, "Test product");
  bespoke_product_set_kind (p, kind);
  bespoke_product_set_unit (p, unit);
  bespoke_product_set_unit_price (p, price);
  return p;
}

static BespokeSupportLine *
paid_line (BespokeProduct  *p,
           BespokeSchedule *s)
{
  BespokeSupportLine *line = bespoke_support_line_new ();

  bespoke_support_line_set_plan_uuid (line, "plan");
  bespoke_support_line_set_description (line, "Test line");
  bespoke_support_line_set_product_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (p)));
  bespoke_support_line_set_schedule (line, s);
  return line;
}

static BespokeSchedule *
weekly (guint8 days, guint start, guint minutes, guint every, guint32 anchor)
{
  BespokeSchedule *s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);

  s->weekdays = days;
  s->start_minute = (guint16) start;
  s->duration_minutes = minutes;
  s->every_weeks = (guint16) every;
  s->anchor = anchor;
  return s;
}

static BespokeLineCost *
cost (BespokePlan *plan, BespokePerson *person, BespokeSupportLine *line, BespokeProduct *product)
{
  g_autoptr(GError) error = NULL;
  BespokeLineCost *lc = NULL;

  g_assert_true (bespoke_costing_cost_line (plan, person, line, product, &lc, &error));
  g_assert_no_error (error);
  return lc;
}

static gint64
month_sum (BespokeLineCost *lc)
{
  gint64 sum = 0;
  for (guint i = 0; i < lc->months->len; i++)
    sum += g_array_index (lc->months, BespokeMonthCost, i).amount;
  return sum;
}

/* Mon–Fri 07:30 for 3 h at £20.00/h, 1 Jan–31 Dec 2027, England & Wales.
 * 2027 starts on a Friday and has 365 days: 52 whole weeks + 1 Friday, so
 * 52 × 5 + 1 = 261 weekdays; 261 × 3 h × £20 = £15,660.00. */
static void
test_weekday_mornings (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAYS_MON_FRI, 7 * 60 + 30, 180, 1, 0);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s);
  g_autoptr(BespokeLineCost) lc = cost (plan, NULL, line, p);

  g_assert_cmpint (lc->cost, ==, 1566000);
  g_assert_cmpint (lc->units_hundredths, ==, 261 * 3 * 100);

  /* By month: Jan 21, Feb 20, Mar 23 weekdays × £60; the twelve months add up */
  g_assert_cmpuint (lc->months->len, ==, 12);
  g_assert_cmpint (g_array_index (lc->months, BespokeMonthCost, 0).amount, ==, 126000);
  g_assert_cmpint (g_array_index (lc->months, BespokeMonthCost, 1).amount, ==, 120000);
  g_assert_cmpint (g_array_index (lc->months, BespokeMonthCost, 2).amount, ==, 138000);
  g_assert_cmpint (month_sum (lc), ==, 1566000);
  g_assert_cmpint (lc->week_minutes, ==, 5 * 180);
}

/* Skipping bank holidays: England & Wales has 8 in 2027, all on weekdays,
 * so 253 × £60 = £15,180.00.  At a bank-holiday rate of £30/h instead:
 * 253 × £60 + 8 × 3 × £30 = £15,180 + £720 = £15,900.00. */
static void
test_bank_holidays (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAYS_MON_FRI, 7 * 60 + 30, 180, 1, 0);
  g_autoptr(BespokeSupportLine) line = NULL;
  g_autoptr(BespokeLineCost) skipped = NULL;
  g_autoptr(BespokeLineCost) rated = NULL;
  g_autoptr(BespokeLineCost) normal = NULL;

  s->bank_holidays = BESPOKE_BANK_HOLIDAYS_SKIP;
  line = paid_line (p, s);
  skipped = cost (plan, NULL, line, p);
  g_assert_cmpint (skipped->cost, ==, 1518000);
  g_assert_cmpint (month_sum (skipped), ==, 1518000);
  g_clear_object (&line);

  /* the default uses the product's bank-holiday rate when it has one */
  bespoke_product_set_rate_bank_holiday (p, 3000);
  s->bank_holidays = BESPOKE_BANK_HOLIDAYS_DEFAULT;
  line = paid_line (p, s);
  rated = cost (plan, NULL, line, p);
  g_assert_cmpint (rated->cost, ==, 1590000);
  g_clear_object (&line);

  /* a normal day ignores the rate */
  s->bank_holidays = BESPOKE_BANK_HOLIDAYS_NORMAL;
  line = paid_line (p, s);
  normal = cost (plan, NULL, line, p);
  g_assert_cmpint (normal->cost, ==, 1566000);
}

/* A typical week is 5 × 3 h × £20 = £300.
 * 52 weeks: £300 × 52 = £15,600.00.
 * 365/7 weeks: £300 × 365 / 7 = £15,642.857… → £15,642.86. */
static void
test_week_rules (void)
{
  g_autoptr(BespokePlan) plan52 = plan_2027 (BESPOKE_ANNUALISATION_52_WEEKS);
  g_autoptr(BespokePlan) plan365 = plan_2027 (BESPOKE_ANNUALISATION_365_7_WEEKS);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAYS_MON_FRI, 7 * 60 + 30, 180, 1, 0);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s);
  g_autoptr(BespokeLineCost) a = cost (plan52, NULL, line, p);
  g_autoptr(BespokeLineCost) b = cost (plan365, NULL, line, p);

  g_assert_cmpint (a->cost, ==, 1560000);
  g_assert_cmpint (month_sum (a), ==, 1560000);
  g_assert_cmpint (b->cost, ==, 1564286);
  g_assert_cmpint (month_sum (b), ==, 1564286);
}

/* Every 4th weekend from Fri 8 Jan 2027, a flat £400 each: the Fridays
 * 8 Jan + 28k days for k = 0…12 fall in 2027 (8 Jan + 336 = 10 Dec), so 13
 * weekends: £5,200.00. */
static void
test_every_fourth_weekend (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_EACH, 40000);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAY_BIT (G_DATE_FRIDAY), 18 * 60, 48 * 60, 4,
                                         day (8, G_DATE_JANUARY, 2027));
  g_autoptr(BespokeSupportLine) line = paid_line (p, s);
  g_autoptr(BespokeLineCost) lc = cost (plan, NULL, line, p);
  g_autoptr(BespokeLineCost) weeks52 = NULL;
  g_autoptr(BespokePlan) plan52 = plan_2027 (BESPOKE_ANNUALISATION_52_WEEKS);

  g_assert_cmpint (lc->cost, ==, 520000);
  g_assert_cmpint (lc->units_hundredths, ==, 1300);
  g_assert_cmpint (month_sum (lc), ==, 520000);

  /* 52 weeks of a typical week in which the line counts 1/4: 52 / 4 × £400 */
  weeks52 = cost (plan52, NULL, line, p);
  g_assert_cmpint (weeks52->cost, ==, 520000);
}

/* A sleep-in every night of 2027 at £90/night: 365 × £90 = £32,850.00. */
static void
test_sleep_in (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_NIGHT, 9000);
  g_autoptr(BespokeSchedule) s = bespoke_schedule_new (BESPOKE_SCHEDULE_NIGHTLY);
  g_autoptr(BespokeSupportLine) line = NULL;
  g_autoptr(BespokeLineCost) lc = NULL;
  g_autoptr(BespokeLineCost) disturbed = NULL;

  s->weekdays = BESPOKE_WEEKDAYS_ALL;
  line = paid_line (p, s);
  lc = cost (plan, NULL, line, p);
  g_assert_cmpint (lc->cost, ==, 3285000);

  /* with 30 minutes of disturbance a night at £24/h: 365 × (£90 + £12) */
  bespoke_product_set_disturbance_rate (p, 2400);
  bespoke_support_line_set_disturbance_minutes (line, 30);
  disturbed = cost (plan, NULL, line, p);
  g_assert_cmpint (disturbed->cost, ==, 365 * 10200);
}

/* A waking night 22:00–07:00 with evening £25, night £28 and day £22:
 * 2 h × 25 + 6 h × 28 + 1 h × 22 = £240 a night; × 365 = £87,600.00.
 * No weekend rates are set, so weekends fall through to the time bands. */
static void
test_waking_night_bands (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAYS_ALL, 22 * 60, 9 * 60, 1, 0);
  g_autoptr(BespokeSupportLine) line = NULL;
  g_autoptr(BespokeLineCost) lc = NULL;
  g_autoptr(BespokeLineCost) weekend = NULL;

  bespoke_product_set_rate_weekday_evening (p, 2500);
  bespoke_product_set_rate_night (p, 2800);
  bespoke_product_set_rate_weekday_day (p, 2200);
  line = paid_line (p, s);
  lc = cost (plan, NULL, line, p);
  g_assert_cmpint (lc->cost, ==, 8760000);

  /* A Saturday rate of £30 takes precedence over the time bands for the
   * hours that fall on a Saturday.  2027 has 52 Saturdays (2 Jan … 25 Dec);
   * on each, Friday night's 00:00–07:00 (7 h) and Saturday night's
   * 22:00–24:00 (2 h) are Saturday hours: 9 × £30 = £270 instead of
   * 6 × 28 + 1 × 22 + 2 × 25 = £240, so +£30 each.  A night belongs to the
   * day it starts: the night of Fri 31 Dec 2027 is in the plan, and its
   * 7 h on Sat 1 Jan 2028 cost 7 × £30 = £210 instead of 6 × 28 + 22 = £190.
   * So the year costs £87,600 + 52 × £30 + £20 = £89,180. */
  bespoke_product_set_rate_saturday (p, 3000);
  weekend = cost (plan, NULL, line, p);
  g_assert_cmpint (weekend->cost, ==, 8918000);
}

/* 1 h daily at £21/h shared 1:3 over 2027: 365 × £21 / 3 = £2,555.00 each. */
static void
test_shared_support (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2100);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAYS_ALL, 10 * 60, 60, 1, 0);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s);
  g_autoptr(BespokeLineCost) lc = NULL;

  bespoke_support_line_set_share_ratio (line, 3);
  lc = cost (plan, NULL, line, p);
  g_assert_cmpint (lc->cost, ==, 255500);
  g_assert_cmpint (month_sum (lc), ==, 255500);
}

/* Rounding happens once per line, and the months still add up: 1 h a day at
 * £10/h shared 1:3 is £3.333… a day; 365 days = £1,216.666… → £1,216.67.
 * The months (31 days → £103.333…, 30 → £100, 28 → £93.333…) round to
 * values that add to £1,216.66 or £1,216.68; the remainder is spread. */
static void
test_month_remainders (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 1000);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAYS_ALL, 10 * 60, 60, 1, 0);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s);
  g_autoptr(BespokeLineCost) lc = NULL;

  bespoke_support_line_set_share_ratio (line, 3);
  lc = cost (plan, NULL, line, p);
  g_assert_cmpint (lc->cost, ==, 121667);
  g_assert_cmpint (month_sum (lc), ==, 121667);
  for (guint i = 0; i < lc->months->len; i++)
    {
      gint64 m = g_array_index (lc->months, BespokeMonthCost, i).amount;
      /* each month is within a penny of its exact share: 31 d = 10333.3p, 30 d = 10000p, 28 d = 9333.3p */
      g_assert_true (m == 10333 || m == 10334 || m == 10000 || m == 9333 || m == 9334);
    }
}

/* Premiums and specials, by hand:
 * 10 h a week (Mondays 09:00–19:00) at £20/h in 2027: 52 Mondays (2027 has
 * 52 Mondays) → 520 h → £10,400.
 * A rural premium of 10% for postcode area LA: £11,440.
 * Plus £1 per hour for the client group: (£20 + £1) × 520 × 1.10 = £12,012.
 * Then a 5% line discount: £11,411.40. */
static void
test_premiums_and_specials (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAY_BIT (G_DATE_MONDAY), 9 * 60, 600, 1, 0);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s);
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autoptr(BespokeLineCost) plain = NULL;
  g_autoptr(BespokeLineCost) rural = NULL;
  g_autoptr(BespokeLineCost) both = NULL;
  g_autoptr(BespokeLineCost) discounted = NULL;
  g_autoptr(BespokeLineCost) free_hours = NULL;

  bespoke_person_set_name (person, "Test");
  bespoke_person_set_postcode (person, "LA9 4DQ");
  plain = cost (plan, person, line, p);
  g_assert_cmpint (plain->cost, ==, 1040000);

  bespoke_product_set_premium_postcode_areas (p, "CA, la");
  bespoke_product_set_premium_percent_bp (p, 1000);
  rural = cost (plan, person, line, p);
  g_assert_cmpint (rural->cost, ==, 1144000);

  bespoke_product_set_premium_per_unit (p, 100);
  both = cost (plan, person, line, p);
  g_assert_cmpint (both->cost, ==, 1201200);

  bespoke_support_line_set_discount_bp (line, 500);
  discounted = cost (plan, person, line, p);
  g_assert_cmpint (discounted->cost, ==, 1141140);

  /* the first 10 hours free: (520 − 10) × £21 × 1.10 × 0.95 = £11,191.95 */
  bespoke_support_line_set_free_units (line, 10);
  free_hours = cost (plan, person, line, p);
  g_assert_cmpint (free_hours->cost, ==, 1119195);
}

/* One-offs: a fixed fee once; an outcome-based one is contingent.
 * Defined-term: a 12-week term of 3 h a week at £18.50 starting Mon 4 Oct 2027
 * runs to Sun 26 Dec 2027: 12 Mondays → 36 h → £666.00.  Starting 6 Dec
 * 2027, only 4 of its 12 weeks fall in the period: 4 Mondays → £222.00. */
static void
test_kinds (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) once = product (BESPOKE_PRODUCT_ONE_OFF, BESPOKE_UNIT_EACH, 300000);
  g_autoptr(BespokeProduct) term = product (BESPOKE_PRODUCT_DEFINED_TERM, BESPOKE_UNIT_HOUR, 1850);
  g_autoptr(BespokeSchedule) on_date = bespoke_schedule_new (BESPOKE_SCHEDULE_ONCE);
  g_autoptr(BespokeSchedule) mondays = weekly (BESPOKE_WEEKDAY_BIT (G_DATE_MONDAY), 10 * 60, 180, 1, 0);
  g_autoptr(BespokeSupportLine) l1 = NULL;
  g_autoptr(BespokeSupportLine) l2 = NULL;
  g_autoptr(BespokeLineCost) c1 = NULL;
  g_autoptr(BespokeLineCost) c2 = NULL;
  g_autoptr(BespokeLineCost) c3 = NULL;

  on_date->date = day (30, G_DATE_JUNE, 2027);
  bespoke_product_set_outcome_based (once, TRUE);
  l1 = paid_line (once, on_date);
  c1 = cost (plan, NULL, l1, once);
  g_assert_cmpint (c1->cost, ==, 300000);
  g_assert_true (c1->contingent);
  g_assert_cmpint (g_array_index (c1->months, BespokeMonthCost, 5).amount, ==, 300000);

  bespoke_product_set_default_term_weeks (term, 12);
  mondays->term_start = day (4, G_DATE_OCTOBER, 2027);
  l2 = paid_line (term, mondays);
  c2 = cost (plan, NULL, l2, term);
  g_assert_cmpint (c2->cost, ==, 66600);
  g_assert_false (c2->contingent);

  mondays->term_start = day (6, G_DATE_DECEMBER, 2027);
  bespoke_support_line_set_schedule (l2, mondays);
  c3 = cost (plan, NULL, l2, term);
  g_assert_cmpint (c3->cost, ==, 22200);
}

/* Per-period units, pro rata by days: live-in support at £1,250 a week over
 * 2027 is 365/7 weeks = £65,178.571… → £65,178.57.  Quality assurance at
 * £60 a month is exactly 12 months: £720.00. */
static void
test_periodic_units (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) week = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_WEEK, 125000);
  g_autoptr(BespokeProduct) month = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_MONTH, 6000);
  g_autoptr(BespokeSchedule) none = bespoke_schedule_new (BESPOKE_SCHEDULE_NONE);
  g_autoptr(BespokeSupportLine) l1 = paid_line (week, none);
  g_autoptr(BespokeSupportLine) l2 = paid_line (month, none);
  g_autoptr(BespokeLineCost) c1 = cost (plan, NULL, l1, week);
  g_autoptr(BespokeLineCost) c2 = cost (plan, NULL, l2, month);

  g_assert_cmpint (c1->cost, ==, 6517857);
  g_assert_cmpint (month_sum (c1), ==, 6517857);
  g_assert_cmpint (c2->cost, ==, 72000);
  g_assert_cmpint (g_array_index (c2->months, BespokeMonthCost, 1).amount, ==, 6000);
}

/* Bad input is refused with a sentence, and nothing is costed. */
static void
test_bad_input (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, G_MAXINT64 / 2);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAYS_ALL, 0, 24 * 60, 1, 0);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s);
  g_autoptr(GError) error = NULL;
  BespokeLineCost *lc = NULL;

  /* a price that overflows over a year is an error, never a wrap */
  g_assert_false (bespoke_costing_cost_line (plan, NULL, line, p, &lc, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_OVERFLOW);
  g_assert_null (lc);
  g_clear_error (&error);

  /* an end before a start */
  bespoke_plan_set_period_end (plan, "2026-12-31");
  bespoke_product_set_unit_price (p, 2000);
  g_assert_false (bespoke_costing_cost_line (plan, NULL, line, p, &lc, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_clear_error (&error);
  bespoke_plan_set_period_end (plan, "2027-12-31");

  /* a zero duration, and every 0 weeks */
  s->duration_minutes = 0;
  bespoke_support_line_set_schedule (line, s);
  g_assert_false (bespoke_costing_cost_line (plan, NULL, line, p, &lc, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "duration"));
  g_clear_error (&error);
  s->duration_minutes = 60;
  s->every_weeks = 0;
  bespoke_support_line_set_schedule (line, s);
  g_assert_false (bespoke_costing_cost_line (plan, NULL, line, p, &lc, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Every 0 weeks"));
}

/* domain.md: Paul's plan, costed by the engine from the example menu:
 * provider lines £22,000.00 within his £34,000.00 budget, £12,000.00
 * remaining, and the £3,000.00 job-finding one-off contingent. */
static void
test_paul (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (":memory:", &error);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(BespokeCostReport) report = NULL;
  gint64 months = 0;

  g_assert_true (bespoke_example_install (store, &error));
  plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);
  report = bespoke_costing_report (store, bespoke_record_get_uuid (g_ptr_array_index (plans, 0)), &error);
  g_assert_no_error (error);

  g_assert_cmpint (report->budget, ==, 3400000);
  g_assert_cmpint (report->committed, ==, 2200000);
  g_assert_cmpint (report->committed_by_funding[BESPOKE_FUNDING_INDIVIDUAL_BUDGET], ==, 2200000);
  g_assert_cmpint (report->contingent, ==, 300000);
  g_assert_cmpint (report->remaining, ==, 1200000);
  for (guint i = 0; i < report->months->len; i++)
    months += g_array_index (report->months, BespokeMonthCost, i).amount;
  g_assert_cmpint (months, ==, 2200000);
  /* 8 bank holidays in England & Wales in 2027 */
  g_assert_cmpuint (report->bank_holidays->len, ==, 8);
  /* "just enough support": paid hours a typical week: 5 × 2 h + 2 × 6 h + 48 h / 4 = 34 h */
  g_assert_cmpint (report->paid_week_minutes, ==, 34 * 60);
  /* unpaid: Mum 5 × 3 h, camping club 2 h, phone reminders 2 × 5 min = 17 h 10 min */
  g_assert_cmpint (report->unpaid_week_minutes, ==, 17 * 60 + 10);
}

/* Over budget, in words. */
static void
test_over_budget (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAYS_MON_FRI, 7 * 60 + 30, 180, 1, 0);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s);
  g_autoptr(BespokeBudget) budget = bespoke_budget_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GPtrArray) products = g_ptr_array_new ();
  g_autoptr(GPtrArray) budgets = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeCostReport) report = NULL;

  bespoke_budget_set_amount (budget, 1500000);  /* £15,000 against £15,660 */
  g_ptr_array_add (lines, line);
  g_ptr_array_add (products, p);
  g_ptr_array_add (budgets, budget);
  report = bespoke_costing_cost_plan (plan, NULL, lines, products, budgets, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->remaining, ==, -66000);
  g_assert_cmpuint (report->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->warnings, 0), "£660.00 more than the budget"));
}

/* Whole-plan specials, by hand, on the £15,660.00 of weekday mornings:
 * a 10% plan discount makes £14,094.00; a refund of £100.00 on 15 March
 * 2027 comes off committed (£14,094.00 − £100.00 = £13,994.00) and off
 * March (23 weekdays × £60 × 0.9 = £1,242.00, less £100.00 = £1,142.00);
 * a refund dated outside the plan period is not counted. */
static void
test_plan_specials (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAYS_MON_FRI, 7 * 60 + 30, 180, 1, 0);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s);
  g_autoptr(BespokeAdjustment) refund = bespoke_adjustment_new ();
  g_autoptr(BespokeAdjustment) outside = bespoke_adjustment_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GPtrArray) products = g_ptr_array_new ();
  g_autoptr(GPtrArray) adjustments = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeCostReport) report = NULL;

  bespoke_plan_set_discount_bp (plan, 1000);
  bespoke_adjustment_set_date (refund, "2027-03-15");
  bespoke_adjustment_set_amount (refund, -10000);
  bespoke_adjustment_set_date (outside, "2028-01-15");
  bespoke_adjustment_set_amount (outside, -99900);
  g_ptr_array_add (lines, line);
  g_ptr_array_add (products, p);
  g_ptr_array_add (adjustments, refund);
  g_ptr_array_add (adjustments, outside);

  report = bespoke_costing_cost_plan (plan, NULL, lines, products, NULL, adjustments, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((BespokeLineCost *) g_ptr_array_index (report->lines, 0))->cost, ==, 1409400);
  g_assert_cmpint (report->adjustments, ==, -10000);
  g_assert_cmpint (report->committed, ==, 1399400);
  g_assert_cmpint (g_array_index (report->months, BespokeMonthCost, 2).amount, ==, 114200);
}

/* A client-group premium matches whatever the case: 10% on £10,400.00
 * (52 Mondays × 10 h × £20) is £11,440.00; another group pays no premium. */
static void
test_client_group_premium (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 (BESPOKE_ANNUALISATION_CALENDAR);
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = weekly (BESPOKE_WEEKDAY_BIT (G_DATE_MONDAY), 9 * 60, 600, 1, 0);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s);
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autoptr(BespokeLineCost) matched = NULL;
  g_autoptr(BespokeLineCost) other = NULL;

  bespoke_product_set_premium_client_group (p, "Autism");
  bespoke_product_set_premium_percent_bp (p, 1000);
  bespoke_person_set_name (person, "Test");
  bespoke_person_set_client_group (person, "autism");
  matched = cost (plan, person, line, p);
  g_assert_cmpint (matched->cost, ==, 1144000);

  bespoke_person_set_client_group (person, "Older people");
  other = cost (plan, person, line, p);
  g_assert_cmpint (other->cost, ==, 1040000);
}

/* A price change is a new version: a copy with a new uuid in the same
 * series, the next number, from today or from the old version's own later
 * date.  Version 2 of a £21.50 product, valid from 1 June 2027: */
static void
test_product_new_version (void)
{
  g_autoptr(BespokeProduct) first = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2150);
  g_autoptr(BespokeProduct) early = NULL;
  g_autoptr(BespokeProduct) late = NULL;
  g_autoptr(BespokeProduct) third = NULL;

  bespoke_product_set_version (first, 2);
  bespoke_product_set_valid_from (first, "2027-06-01");
  bespoke_product_set_premium_percent_bp (first, 1250);

  /* made on 8 January, before the old version applies: from 1 June */
  early = bespoke_product_new_version (first, "2027-01-08");
  g_assert_cmpstr (bespoke_record_get_uuid (BESPOKE_RECORD (early)), !=, bespoke_record_get_uuid (BESPOKE_RECORD (first)));
  g_assert_cmpstr (bespoke_product_get_series_uuid (early), ==, bespoke_record_get_uuid (BESPOKE_RECORD (first)));
  g_assert_cmpuint (bespoke_product_get_version (early), ==, 3);
  g_assert_cmpstr (bespoke_product_get_valid_from (early), ==, "2027-06-01");
  g_assert_cmpint (bespoke_product_get_unit_price (early), ==, 2150);
  g_assert_cmpstr (bespoke_product_get_name (early), ==, "Test product");
  g_assert_cmpstr (bespoke_product_get_provider_uuid (early), ==, "provider");
  g_assert_cmpuint (bespoke_product_get_premium_percent_bp (early), ==, 1250);

  /* made on 1 September: from today */
  late = bespoke_product_new_version (first, "2027-09-01");
  g_assert_cmpstr (bespoke_product_get_valid_from (late), ==, "2027-09-01");

  /* a version of a version keeps the series of the first */
  third = bespoke_product_new_version (early, "2027-09-01");
  g_assert_cmpstr (bespoke_product_get_series_uuid (third), ==, bespoke_record_get_uuid (BESPOKE_RECORD (first)));
  g_assert_cmpuint (bespoke_product_get_version (third), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/costing/weekday-mornings", test_weekday_mornings);
  g_test_add_func ("/costing/bank-holidays", test_bank_holidays);
  g_test_add_func ("/costing/week-rules", test_week_rules);
  g_test_add_func ("/costing/every-fourth-weekend", test_every_fourth_weekend);
  g_test_add_func ("/costing/sleep-in", test_sleep_in);
  g_test_add_func ("/costing/waking-night-bands", test_waking_night_bands);
  g_test_add_func ("/costing/shared-support", test_shared_support);
  g_test_add_func ("/costing/month-remainders", test_month_remainders);
  g_test_add_func ("/costing/premiums-and-specials", test_premiums_and_specials);
  g_test_add_func ("/costing/kinds", test_kinds);
  g_test_add_func ("/costing/periodic-units", test_periodic_units);
  g_test_add_func ("/costing/bad-input", test_bad_input);
  g_test_add_func ("/costing/paul", test_paul);
  g_test_add_func ("/costing/over-budget", test_over_budget);
  g_test_add_func ("/costing/plan-specials", test_plan_specials);
  g_test_add_func ("/costing/client-group-premium", test_client_group_premium);
  g_test_add_func ("/costing/product-new-version", test_product_new_version);

  return g_test_run ();
}
