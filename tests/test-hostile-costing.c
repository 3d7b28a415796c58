/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Costing that no input can make slow or wrong (issue #12): a quantity is
 * a multiplier, never a loop; a visit lasts at most 7 days; sums never
 * wrap; a plan lasts at most five years; excluded dates are found by a
 * binary search.  Work is counted (bespoke_costing_get_work_count()), not
 * timed: tests/bench/bench-costing-hostile times the same plan. */
#define G_LOG_DOMAIN "bespoke-test-hostile-costing"

#include <locale.h>
#include <string.h>

#include "bespoke-core.h"
#include "hostile-costing-util.h"

static guint32
day (guint d, GDateMonth m, guint y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, m, (GDateYear) y);
  return g_date_get_julian (&date);
}

static BespokePlan *
plan_2027 (void)
{
  BespokePlan *plan = bespoke_plan_new ();

  bespoke_plan_set_person_uuid (plan, "p");
  bespoke_plan_set_period_start (plan, "2027-01-01");
  bespoke_plan_set_period_end (plan, "2027-12-31");
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
           BespokeSchedule *s,
           guint            quantity)
{
  BespokeSupportLine *line = bespoke_support_line_new ();

  bespoke_support_line_set_plan_uuid (line, "plan");
  bespoke_support_line_set_description (line, "Test line");
  bespoke_support_line_set_product_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (p)));
  bespoke_support_line_set_schedule (line, s);
  bespoke_support_line_set_quantity (line, quantity);
  return line;
}

static BespokeSchedule *
every_day (guint start, guint32 minutes)
{
  BespokeSchedule *s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);

  s->weekdays = BESPOKE_WEEKDAYS_ALL;
  s->start_minute = (guint16) start;
  s->duration_minutes = minutes;
  s->every_weeks = 1;
  return s;
}

static BespokeSchedule *
once (guint32 date, guint start, guint32 minutes)
{
  BespokeSchedule *s = bespoke_schedule_new (BESPOKE_SCHEDULE_ONCE);

  s->date = date;
  s->start_minute = (guint16) start;
  s->duration_minutes = minutes;
  return s;
}

/* Costs @line, which must be refused with a message holding @expected,
 * before any day is walked. */
static void
refused (BespokePlan        *plan,
         BespokeSupportLine *line,
         BespokeProduct     *p,
         const char         *expected)
{
  g_autoptr(GError) error = NULL;
  BespokeLineCost *lc = NULL;
  guint work = bespoke_costing_get_work_count ();

  g_assert_false (bespoke_costing_cost_line (plan, NULL, line, p, &lc, &error));
  g_assert_null (lc);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_cmpuint (bespoke_costing_get_work_count (), ==, work);
}

static gint64
cost_of (BespokePlan        *plan,
         BespokeSupportLine *line,
         BespokeProduct     *p,
         guint              *work)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeLineCost) lc = NULL;
  guint before = bespoke_costing_get_work_count ();

  g_assert_true (bespoke_costing_cost_line (plan, NULL, line, p, &lc, &error));
  g_assert_no_error (error);
  if (work != NULL)
    *work = bespoke_costing_get_work_count () - before;
  return lc->cost;
}

/* <quantity>4294967295</quantity> looped once per unit, for about 1.4
 * hours.  Now the most is BESPOKE_COSTING_MAX_QUANTITY, refused above it,
 * and the work does not depend on it: 1,000 staff cost 1,000 times one. */
static void
test_quantity (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 ();
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = every_day (9 * 60, 60);
  g_autoptr(BespokeSupportLine) huge = paid_line (p, s, G_MAXUINT32);
  g_autoptr(BespokeSupportLine) one = paid_line (p, s, 1);
  g_autoptr(BespokeSupportLine) most = paid_line (p, s, BESPOKE_COSTING_MAX_QUANTITY);
  guint work_one = 0, work_most = 0;

  refused (plan, huge, p, "at most 1000");
  /* 365 days of 2027 × 1 h × £20.00 = £7,300.00 */
  g_assert_cmpint (cost_of (plan, one, p, &work_one), ==, 730000);
  g_assert_cmpint (cost_of (plan, most, p, &work_most), ==, 730000 * 1000);
  g_assert_cmpuint (work_one, ==, work_most);
  /* a day walked and one piece (09:00–10:00, all weekday day band) a day */
  g_assert_cmpuint (work_one, ==, 365 * 2);
}

/* Quantity as a multiplier gives free hours as copies one after another
 * did: Mon 4 Jan 2027, 19:00 for 2 h, 3 staff, £10/h by day and £15/h in
 * the evening: 3 × (£10 + £15) = £75.00.
 * 1 free hour: the first worker's 19:00–20:00, £10: £65.00.
 * 3 free hours: the first worker's two (£25) and the second's first (£10):
 * £40.00. */
static void
test_quantity_with_free_hours (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 ();
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 1000);
  g_autoptr(BespokeSchedule) s = once (day (4, G_DATE_JANUARY, 2027), 19 * 60, 120);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s, 3);

  bespoke_product_set_rate_weekday_day (p, 1000);
  bespoke_product_set_rate_weekday_evening (p, 1500);
  g_assert_cmpint (cost_of (plan, line, p, NULL), ==, 7500);
  bespoke_support_line_set_free_units (line, 1);
  g_assert_cmpint (cost_of (plan, line, p, NULL), ==, 6500);
  bespoke_support_line_set_free_units (line, 3);
  g_assert_cmpint (cost_of (plan, line, p, NULL), ==, 4000);
  bespoke_support_line_set_free_units (line, 6);
  g_assert_cmpint (cost_of (plan, line, p, NULL), ==, 0);
}

/* <minutes>4294967295</minutes> every day took 16 s.  A visit lasts at
 * most 7 days: longer is refused, by the schedule and by the costing. */
static void
test_minutes (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 ();
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = every_day (0, G_MAXUINT32);
  g_autoptr(BespokeSchedule) week = every_day (0, BESPOKE_SCHEDULE_MAX_MINUTES);
  g_autoptr(BespokeSchedule) longer = every_day (0, BESPOKE_SCHEDULE_MAX_MINUTES + 1);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeSchedule) parsed = NULL;

  g_assert_cmpuint (BESPOKE_SCHEDULE_MAX_MINUTES, ==, 7 * 24 * 60);
  g_assert_true (bespoke_schedule_validate (week, NULL));
  g_assert_false (bespoke_schedule_validate (longer, &error));
  g_assert_nonnull (strstr (error->message, "7 days"));
  g_clear_error (&error);
  refused (plan, line, p, "7 days");

  parsed = bespoke_schedule_parse ("weekly;days=mon,tue,wed,thu,fri,sat,sun;start=00:00;minutes=4294967295;every=1;bank-holidays=default", &error);
  g_assert_null (parsed);
  g_assert_nonnull (strstr (error->message, "7 days"));
}

/* A day-unit visit from 23:59 summed start + duration in 32 bits: with
 * 4294967295 minutes it wrapped and charged 52 days.  Now that duration is
 * refused, and the longest one allowed is right: 23:59 on Mon 4 Jan 2027
 * for 7 days ends at 23:59 on Mon 11 Jan, touching 4–11 Jan, 8 days at
 * £100.00: £800.00. */
static void
test_day_unit_wrap (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 ();
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_DAY, 10000);
  g_autoptr(BespokeSchedule) wrap = once (day (4, G_DATE_JANUARY, 2027), 23 * 60 + 59, G_MAXUINT32);
  g_autoptr(BespokeSchedule) week = once (day (4, G_DATE_JANUARY, 2027), 23 * 60 + 59, BESPOKE_SCHEDULE_MAX_MINUTES);
  g_autoptr(BespokeSupportLine) wrapping = paid_line (p, wrap, 1);
  g_autoptr(BespokeSupportLine) line = paid_line (p, week, 1);

  refused (plan, wrapping, p, "7 days");
  g_assert_cmpint (cost_of (plan, line, p, NULL), ==, 80000);
}

/* Sums that would pass 2^127 are an overflow error, never a wrap: the
 * most staff, the longest visits every day, at the largest price. */
static void
test_overflow_is_an_error (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 ();
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, G_MAXINT64);
  g_autoptr(BespokeSchedule) s = every_day (0, BESPOKE_SCHEDULE_MAX_MINUTES);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s, BESPOKE_COSTING_MAX_QUANTITY);
  g_autoptr(GError) error = NULL;
  BespokeLineCost *lc = NULL;

  bespoke_support_line_set_discount_bp (line, 3);
  bespoke_support_line_set_share_ratio (line, 7);
  g_assert_false (bespoke_costing_cost_line (plan, NULL, line, p, &lc, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_OVERFLOW);
  g_assert_null (lc);
}

/* A plan of 64 months was accepted though the message speaks of five
 * years: five years less a day is the most. */
static void
test_five_years (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 ();
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_WEEK, 10000);
  g_autoptr(BespokeSchedule) s = bespoke_schedule_new (BESPOKE_SCHEDULE_NONE);
  g_autoptr(BespokeSupportLine) line = paid_line (p, s, 1);

  bespoke_plan_set_period_start (plan, "2027-01-01");
  bespoke_plan_set_period_end (plan, "2031-12-31");
  g_assert_cmpint (cost_of (plan, line, p, NULL), >, 0);
  bespoke_plan_set_period_end (plan, "2032-01-01");
  refused (plan, line, p, "five years");
  bespoke_plan_set_period_end (plan, "2032-04-30");  /* 64 months */
  refused (plan, line, p, "five years");
}

/* 50 lines of the most the limits allow, over five years: the work is
 * bounded by the plan's days and the pieces of its visits, and does not
 * grow with the quantity.  Each line walks 1,826 days, and each day's
 * visit from 23:59 for 7 days is split into 1 + 3 × 7 = 22 pieces (23:59–
 * 24:00, then 00:00–06:00, 06:00–20:00 and 20:00–24:00 on each of the
 * next seven days, the last ending at 23:59). */
static void
test_fifty_lines_bounded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeCostReport) few = NULL;
  g_autoptr(BespokeCostReport) most = NULL;
  guint before, work_few, work_most;
  guint days = 1826;

  before = bespoke_costing_get_work_count ();
  few = cost_worst_plan (1, BESPOKE_SCHEDULE_MAX_MINUTES, &error);
  g_assert_no_error (error);
  work_few = bespoke_costing_get_work_count () - before;

  before = bespoke_costing_get_work_count ();
  most = cost_worst_plan (BESPOKE_COSTING_MAX_QUANTITY, BESPOKE_SCHEDULE_MAX_MINUTES, &error);
  g_assert_no_error (error);
  work_most = bespoke_costing_get_work_count () - before;

  g_test_message ("work: %u for quantity 1, %u for %u", work_few, work_most, BESPOKE_COSTING_MAX_QUANTITY);
  g_assert_cmpuint (work_few, ==, work_most);
  g_assert_cmpuint (work_most, ==, WORST_LINES * days * (1 + 22));
  g_assert_cmpint (most->committed, >, few->committed);
}

/* 50,000 excluded dates: added in order, each a binary search and no move;
 * parsed, gathered and sorted once.  The text form must be sorted and
 * without repeats, as Bespoke writes it. */
static void
test_excluded_dates (void)
{
  g_autoptr(BespokeSchedule) s = every_day (9 * 60, 60);
  g_autoptr(BespokeSchedule) parsed = NULL;
  g_autoptr(BespokeSchedule) reversed = NULL;
  g_autoptr(GString) text = g_string_new ("weekly;days=mon,tue,wed,thu,fri,sat,sun;start=09:00;minutes=60;every=1;bank-holidays=default");
  g_autoptr(GString) backwards = g_string_new (text->str);
  g_autoptr(GError) error = NULL;
  g_autofree char *serialized = NULL;
  guint32 first = day (1, G_DATE_JANUARY, 1950);

  for (guint i = 0; i < 50000; i++)
    {
      GDate d;
      char iso[16];

      bespoke_schedule_exclude (s, first + i);
      bespoke_schedule_exclude (s, first + i);  /* a repeat is dropped */
      g_date_clear (&d, 1);
      g_date_set_julian (&d, first + i);
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &d);
      g_string_append_printf (text, ";except=%s", iso);
      g_date_set_julian (&d, first + 49999 - i);
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &d);
      g_string_append_printf (backwards, ";except=%s", iso);
    }
  g_assert_cmpuint (s->excluded->len, ==, 50000);
  for (guint i = 1; i < s->excluded->len; i++)
    g_assert_cmpuint (g_array_index (s->excluded, guint32, i - 1), <, g_array_index (s->excluded, guint32, i));

  serialized = bespoke_schedule_serialize (s);
  g_assert_cmpstr (serialized, ==, text->str);
  parsed = bespoke_schedule_parse (text->str, &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_schedule_equal (parsed, s));

  reversed = bespoke_schedule_parse (backwards->str, &error);
  g_assert_null (reversed);
  g_assert_nonnull (strstr (error->message, "not written the way Bespoke writes one"));
}

/* A daily line with 50,000 excluded dates (all of 1950–2086) costs 2027
 * with each date looked up, not scanned: 365 days, none excluded. */
static void
test_excluded_dates_costed (void)
{
  g_autoptr(BespokePlan) plan = plan_2027 ();
  g_autoptr(BespokeProduct) p = product (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2000);
  g_autoptr(BespokeSchedule) s = every_day (9 * 60, 60);
  g_autoptr(BespokeSupportLine) line = NULL;
  guint32 first = day (1, G_DATE_JANUARY, 2028);

  /* 2028 onwards excluded, and 4 Jan 2027 */
  for (guint i = 0; i < 50000; i++)
    bespoke_schedule_exclude (s, first + i);
  bespoke_schedule_exclude (s, day (4, G_DATE_JANUARY, 2027));
  line = paid_line (p, s, 1);
  /* 364 days × 1 h × £20.00 = £7,280.00 */
  g_assert_cmpint (cost_of (plan, line, p, NULL), ==, 728000);
}


/* The text form is strict: what Bespoke writes reads back to the same
 * text; a field that does not belong to the kind, or one written another
 * way ("19:0", "060"), is refused rather than dropped or rewritten. */
static void
test_strict_schedule_text (void)
{
  static const char *good[] = {
    "none;bank-holidays=default",
    "once;date=2027-03-01;start=19:00;minutes=60;bank-holidays=default",
    "weekly;days=mon,fri;start=07:30;minutes=180;every=2;anchor=2027-01-04;bank-holidays=skip;except=2027-02-01",
    "nightly;days=fri,sat;bank-holidays=rate",
    "monthly;day=0;bank-holidays=normal",
    "quantity;quantity=7.50;per=week;from=2027-01-01;until=2027-06-30;bank-holidays=default",
  };
  static const char *bad[] = {
    "weekly;days=mon;start=19:0;minutes=60;every=1;bank-holidays=default",
    "weekly;days=mon;start=19:00;minutes=060;every=1;bank-holidays=default",
    "nightly;days=mon;every=2;bank-holidays=default",
    "once;date=2027-03-01;start=19:00;minutes=60;day=3;bank-holidays=default",
    "monthly;day=3;quantity=1.00;bank-holidays=default",
    "weekly;days=mon;start=19:00;minutes=60;every=1;bank-holidays=default;except=2027-02-08;except=2027-02-01",
    "weekly;days=mon;start=19:00;minutes=60;every=1;bank-holidays=default;except=2027-02-01;except=2027-02-01",
    "weekly;bank-holidays=default;days=mon;start=19:00;minutes=60;every=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BespokeSchedule) s = bespoke_schedule_parse (good[i], &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = bespoke_schedule_serialize (s);
      g_assert_cmpstr (text, ==, good[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BespokeSchedule) s = bespoke_schedule_parse (bad[i], &error);

      g_test_message ("%s: %s", bad[i], error ? error->message : "(accepted)");
      g_assert_null (s);
      g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
    }
}


/* bespoke_money_div_round() negated G_MININT64 (undefined behaviour, found
 * by fuzzing).  By hand: -2^63 / 1 = -2^63; / -1 = 2^63, which does not fit
 * and saturates at 2^63 - 1; / 2 = -2^62; / -2^63 = 1; (-2^63 + 1) / -2^63
 * is just under 1, so 1; -2^63 / 3 = -3074457345618258602.67 → …603. */
static void
test_div_round_extremes (void)
{
  g_assert_cmpint (bespoke_money_div_round (G_MININT64, 1), ==, G_MININT64);
  g_assert_cmpint (bespoke_money_div_round (G_MININT64, -1), ==, G_MAXINT64);
  g_assert_cmpint (bespoke_money_div_round (G_MININT64, 2), ==, G_MININT64 / 2);
  g_assert_cmpint (bespoke_money_div_round (G_MININT64, G_MININT64), ==, 1);
  g_assert_cmpint (bespoke_money_div_round (G_MININT64 + 1, G_MININT64), ==, 1);
  g_assert_cmpint (bespoke_money_div_round (G_MININT64, 3), ==, G_GINT64_CONSTANT (-3074457345618258603));
  g_assert_cmpint (bespoke_money_div_round (G_MAXINT64, -1), ==, -G_MAXINT64);
  g_assert_cmpint (bespoke_money_div_round (5, -2), ==, -3);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile-costing/div-round-extremes", test_div_round_extremes);
  g_test_add_func ("/hostile-costing/quantity", test_quantity);
  g_test_add_func ("/hostile-costing/quantity-with-free-hours", test_quantity_with_free_hours);
  g_test_add_func ("/hostile-costing/minutes", test_minutes);
  g_test_add_func ("/hostile-costing/day-unit-wrap", test_day_unit_wrap);
  g_test_add_func ("/hostile-costing/overflow-is-an-error", test_overflow_is_an_error);
  g_test_add_func ("/hostile-costing/five-years", test_five_years);
  g_test_add_func ("/hostile-costing/fifty-lines-bounded", test_fifty_lines_bounded);
  g_test_add_func ("/hostile-costing/excluded-dates", test_excluded_dates);
  g_test_add_func ("/hostile-costing/strict-schedule-text", test_strict_schedule_text);
  g_test_add_func ("/hostile-costing/excluded-dates-costed", test_excluded_dates_costed);

  return g_test_run ();
}
