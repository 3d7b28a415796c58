/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-test-schedule"

#include "bespoke-core.h"

#define WD(d) BESPOKE_WEEKDAY_BIT (G_DATE_##d)

static guint32
julian (guint year, guint month, guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* Serialises @schedule, checks the text is @expected (a stable format that
 * databases and files hold), parses it back, and checks the value is equal. */
static void
assert_round_trip (const BespokeSchedule *schedule,
                   const char            *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeSchedule) back = NULL;
  g_autofree char *text = bespoke_schedule_serialize (schedule);
  g_autofree char *again = NULL;

  g_assert_true (bespoke_schedule_validate (schedule, &error));
  g_assert_no_error (error);
  if (expected != NULL)
    g_assert_cmpstr (text, ==, expected);

  back = bespoke_schedule_parse (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (bespoke_schedule_equal (schedule, back));
  g_assert_true (bespoke_schedule_equal (back, schedule));

  again = bespoke_schedule_serialize (back);
  g_assert_cmpstr (again, ==, text);
}

/* Paul's short break: every 4th weekend, from Friday 8 January 2027 at
 * 18:00, for 48 hours. */
static BespokeSchedule *
paul_short_break (void)
{
  BespokeSchedule *s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);

  s->weekdays = WD (FRIDAY);
  s->start_minute = 18 * 60;
  s->duration_minutes = 48 * 60;
  s->every_weeks = 4;
  s->anchor = julian (2027, 1, 8);
  return s;
}

static BespokeSchedule *
mornings (void)
{
  BespokeSchedule *s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);

  s->weekdays = BESPOKE_WEEKDAYS_MON_FRI;
  s->start_minute = 7 * 60 + 30;
  s->duration_minutes = 180;
  return s;
}

static void
test_round_trip_none (void)
{
  g_autoptr(BespokeSchedule) s = bespoke_schedule_new (BESPOKE_SCHEDULE_NONE);

  assert_round_trip (s, "none;bank-holidays=default");
}

static void
test_round_trip_once (void)
{
  g_autoptr(BespokeSchedule) s = bespoke_schedule_new (BESPOKE_SCHEDULE_ONCE);

  s->date = julian (2027, 3, 15);
  s->start_minute = 10 * 60;
  s->duration_minutes = 90;
  assert_round_trip (s, "once;date=2027-03-15;start=10:00;minutes=90;bank-holidays=default");
}

static void
test_round_trip_weekly (void)
{
  g_autoptr(BespokeSchedule) weekdays = mornings ();
  g_autoptr(BespokeSchedule) short_break = paul_short_break ();
  g_autoptr(BespokeSchedule) at_work = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  g_autoptr(BespokeSchedule) late = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);

  assert_round_trip (weekdays, "weekly;days=mon,tue,wed,thu,fri;start=07:30;minutes=180;every=1;bank-holidays=default");

  /* the anchor really is a Friday */
  {
    GDate d;
    g_date_clear (&d, 1);
    g_date_set_julian (&d, short_break->anchor);
    g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_FRIDAY);
  }
  assert_round_trip (short_break, "weekly;days=fri;start=18:00;minutes=2880;every=4;anchor=2027-01-08;bank-holidays=default");

  /* two days a week at his job */
  at_work->weekdays = WD (TUESDAY) | WD (THURSDAY);
  at_work->start_minute = 9 * 60;
  at_work->duration_minutes = 8 * 60;
  assert_round_trip (at_work, "weekly;days=tue,thu;start=09:00;minutes=480;every=1;bank-holidays=default");

  /* a shift that crosses midnight, every day */
  late->weekdays = BESPOKE_WEEKDAYS_ALL;
  late->start_minute = 23 * 60 + 59;
  late->duration_minutes = 61;
  assert_round_trip (late, "weekly;days=mon,tue,wed,thu,fri,sat,sun;start=23:59;minutes=61;every=1;bank-holidays=default");
}

static void
test_round_trip_nightly (void)
{
  g_autoptr(BespokeSchedule) s = bespoke_schedule_new (BESPOKE_SCHEDULE_NIGHTLY);

  /* sleep-ins on the nights before a working day */
  s->weekdays = WD (MONDAY) | WD (TUESDAY) | WD (WEDNESDAY) | WD (THURSDAY) | WD (SUNDAY);
  assert_round_trip (s, "nightly;days=mon,tue,wed,thu,sun;bank-holidays=default");
}

/* A waking night is paid by the hour, so its times must be kept:
 * every night from 22:00 for 9 hours. */
static void
test_round_trip_waking_night (void)
{
  g_autoptr(BespokeSchedule) s = bespoke_schedule_new (BESPOKE_SCHEDULE_NIGHTLY);

  s->weekdays = BESPOKE_WEEKDAYS_ALL;
  s->start_minute = 22 * 60;
  s->duration_minutes = 9 * 60;
  assert_round_trip (s, "nightly;days=mon,tue,wed,thu,fri,sat,sun;start=22:00;minutes=540;bank-holidays=default");
}

static void
test_round_trip_monthly (void)
{
  g_autoptr(BespokeSchedule) fifteenth = bespoke_schedule_new (BESPOKE_SCHEDULE_MONTHLY);
  g_autoptr(BespokeSchedule) last = bespoke_schedule_new (BESPOKE_SCHEDULE_MONTHLY);
  g_autoptr(BespokeSchedule) thirty_first = bespoke_schedule_new (BESPOKE_SCHEDULE_MONTHLY);

  fifteenth->month_day = 15;
  assert_round_trip (fifteenth, "monthly;day=15;bank-holidays=default");
  last->month_day = 0;
  assert_round_trip (last, "monthly;day=0;bank-holidays=default");
  thirty_first->month_day = 31;
  assert_round_trip (thirty_first, "monthly;day=31;bank-holidays=default");

  /* a three-hour visit on the first of the month, at 10:00 */
  {
    g_autoptr(BespokeSchedule) visit = bespoke_schedule_new (BESPOKE_SCHEDULE_MONTHLY);

    visit->month_day = 1;
    visit->start_minute = 10 * 60;
    visit->duration_minutes = 180;
    assert_round_trip (visit, "monthly;start=10:00;minutes=180;day=1;bank-holidays=default");
  }
}

static void
test_round_trip_quantity (void)
{
  g_autoptr(BespokeSchedule) week = bespoke_schedule_new (BESPOKE_SCHEDULE_QUANTITY);
  g_autoptr(BespokeSchedule) month = bespoke_schedule_new (BESPOKE_SCHEDULE_QUANTITY);
  g_autoptr(BespokeSchedule) small = bespoke_schedule_new (BESPOKE_SCHEDULE_QUANTITY);

  week->quantity_hundredths = 750;      /* 7.5 hours a week */
  week->per = BESPOKE_PER_WEEK;
  assert_round_trip (week, "quantity;quantity=7.50;per=week;bank-holidays=default");

  month->quantity_hundredths = 2025;    /* 20.25 a month */
  month->per = BESPOKE_PER_MONTH;
  assert_round_trip (month, "quantity;quantity=20.25;per=month;bank-holidays=default");

  small->quantity_hundredths = 5;       /* 0.05 */
  assert_round_trip (small, "quantity;quantity=0.05;per=week;bank-holidays=default");
}

static void
test_round_trip_term_and_bank_holidays (void)
{
  const char *names[] = { "default", "skip", "rate", "normal" };

  for (guint b = BESPOKE_BANK_HOLIDAYS_DEFAULT; b <= BESPOKE_BANK_HOLIDAYS_NORMAL; b++)
    {
      g_autoptr(BespokeSchedule) s = mornings ();
      g_autofree char *expected = NULL;

      s->term_start = julian (2027, 1, 4);
      s->term_end = julian (2027, 7, 23);
      s->bank_holidays = b;
      expected = g_strdup_printf ("weekly;days=mon,tue,wed,thu,fri;start=07:30;minutes=180;every=1;"
                                  "from=2027-01-04;until=2027-07-23;bank-holidays=%s", names[b]);
      assert_round_trip (s, expected);
    }

  /* a term that is one day long, and one with only a start */
  {
    g_autoptr(BespokeSchedule) one_day = mornings ();
    g_autoptr(BespokeSchedule) open_ended = mornings ();

    one_day->term_start = one_day->term_end = julian (2027, 5, 5);
    assert_round_trip (one_day, NULL);
    open_ended->term_start = julian (2027, 9, 1);
    assert_round_trip (open_ended, "weekly;days=mon,tue,wed,thu,fri;start=07:30;minutes=180;every=1;"
                                   "from=2027-09-01;bank-holidays=default");
  }
}

static void
test_round_trip_excluded (void)
{
  g_autoptr(BespokeSchedule) s = mornings ();

  /* added out of order and twice: kept sorted, once each */
  bespoke_schedule_exclude (s, julian (2027, 12, 27));
  bespoke_schedule_exclude (s, julian (2027, 4, 2));
  bespoke_schedule_exclude (s, julian (2027, 12, 27));
  bespoke_schedule_exclude (s, julian (2027, 8, 30));
  g_assert_cmpuint (s->excluded->len, ==, 3);

  assert_round_trip (s, "weekly;days=mon,tue,wed,thu,fri;start=07:30;minutes=180;every=1;bank-holidays=default;"
                        "except=2027-04-02;except=2027-08-30;except=2027-12-27");
}

static void
test_equal (void)
{
  g_autoptr(BespokeSchedule) a = paul_short_break ();
  g_autoptr(BespokeSchedule) b = paul_short_break ();
  g_autoptr(BespokeSchedule) copy = NULL;

  g_assert_true (bespoke_schedule_equal (a, b));
  g_assert_true (bespoke_schedule_equal (a, a));
  g_assert_true (bespoke_schedule_equal (NULL, NULL));
  g_assert_false (bespoke_schedule_equal (a, NULL));
  g_assert_false (bespoke_schedule_equal (NULL, a));

  b->every_weeks = 3;
  g_assert_false (bespoke_schedule_equal (a, b));
  b->every_weeks = 4;
  b->anchor += 7;
  g_assert_false (bespoke_schedule_equal (a, b));
  b->anchor -= 7;
  b->bank_holidays = BESPOKE_BANK_HOLIDAYS_SKIP;
  g_assert_false (bespoke_schedule_equal (a, b));
  b->bank_holidays = BESPOKE_BANK_HOLIDAYS_DEFAULT;
  g_assert_true (bespoke_schedule_equal (a, b));

  /* an empty exclusion list is the same as none */
  b->excluded = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_assert_true (bespoke_schedule_equal (a, b));
  bespoke_schedule_exclude (b, julian (2027, 2, 5));
  g_assert_false (bespoke_schedule_equal (a, b));

  /* a copy is equal, and independent */
  copy = bespoke_schedule_copy (b);
  g_assert_true (bespoke_schedule_equal (copy, b));
  g_assert_true (copy->excluded != b->excluded);
  bespoke_schedule_exclude (copy, julian (2027, 3, 5));
  g_assert_false (bespoke_schedule_equal (copy, b));
  g_assert_cmpuint (b->excluded->len, ==, 1);
}

static void
assert_invalid (const BespokeSchedule *s,
                const char            *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (bespoke_schedule_validate (s, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, reason));
}

static void
test_validate (void)
{
  g_autoptr(BespokeSchedule) s = NULL;

  s = mornings ();
  s->duration_minutes = 0;
  assert_invalid (s, "duration is zero");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = mornings ();
  s->every_weeks = 0;
  assert_invalid (s, "0 weeks");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = mornings ();
  s->weekdays = 0;
  assert_invalid (s, "No days");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_NIGHTLY);
  assert_invalid (s, "No days");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = mornings ();
  s->term_start = julian (2027, 6, 1);
  s->term_end = julian (2027, 5, 31);
  assert_invalid (s, "ends before it starts");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = paul_short_break ();
  s->anchor = 0;
  assert_invalid (s, "first date");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = mornings ();
  s->start_minute = 24 * 60;
  assert_invalid (s, "time of day");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_ONCE);
  assert_invalid (s, "no date");
  s->date = julian (2027, 3, 15);
  s->start_minute = 25 * 60;
  assert_invalid (s, "time of day");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_MONTHLY);
  s->start_minute = 24 * 60;
  s->duration_minutes = 60;
  assert_invalid (s, "time of day");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_MONTHLY);
  s->month_day = 32;
  assert_invalid (s, "31 days");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_QUANTITY);
  assert_invalid (s, "quantity is zero");
  g_clear_pointer (&s, bespoke_schedule_free);
}

/* Every date a schedule holds must survive the text form, or a line saved
 * with it could never be loaded again: bespoke_date_parse() reads the years
 * 1900 to 2200. */
static void
test_validate_dates_readable (void)
{
  g_autoptr(BespokeSchedule) s = NULL;

  /* the last day that can be written and read */
  s = mornings ();
  s->term_start = julian (2200, 1, 1);
  s->term_end = julian (2200, 12, 31);
  assert_round_trip (s, NULL);
  g_clear_pointer (&s, bespoke_schedule_free);

  s = mornings ();
  s->term_end = julian (2250, 1, 1);
  assert_invalid (s, "1900 to 2200");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = mornings ();
  s->term_start = julian (1850, 6, 1);
  assert_invalid (s, "1900 to 2200");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_ONCE);
  s->date = julian (2207, 3, 1);
  assert_invalid (s, "1900 to 2200");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = paul_short_break ();
  s->anchor = julian (1800, 1, 3);
  assert_invalid (s, "1900 to 2200");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = mornings ();
  bespoke_schedule_exclude (s, julian (2300, 12, 25));
  assert_invalid (s, "1900 to 2200");
  g_clear_pointer (&s, bespoke_schedule_free);
}

static void
test_parse_rejects (void)
{
  const char *bad[] = {
    "",
    "fortnightly",
    "weekly;days=mon;start=07:30;minutes=180;every=1;colour=red",
    "weekly;days=funday;start=07:30;minutes=180",
    "weekly;days=mon;start=25:00;minutes=180",
    "weekly;days=mon;start=7.30;minutes=180",
    "weekly;days=mon;start=07:30;minutes=three",
    "weekly;days=mon;start=07:30;minutes=-5",
    "weekly;days=mon;start=07:30;minutes=180;every=70000",
    "weekly;days=mon;start=07:30;minutes=180;garbage",
    "weekly;days=mon,,tue;start=07:30;minutes=180",
    "once;date=2027-02-30;start=10:00;minutes=60",
    "monthly;day=32",
    "quantity;quantity=7.5;per=week",
    "quantity;quantity=7.50;per=fortnight",
    "weekly;days=mon;start=07:30;minutes=180;bank-holidays=sometimes",
    "weekly;days=mon;start=07:30;minutes=180;except=tomorrow",
    /* readable, but not a schedule that can happen */
    "weekly;days=;start=07:30;minutes=180;every=1",
    "weekly;days=mon;start=07:30;minutes=0;every=1",
    "weekly;days=mon;start=07:30;minutes=180;every=0",
    "weekly;days=fri;start=18:00;minutes=2880;every=4",
    "weekly;days=mon;start=07:30;minutes=60;from=2027-06-01;until=2027-05-01",
    "WEEKLY;days=mon;start=07:30;minutes=60",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BespokeSchedule) s = NULL;

      g_test_message ("refusing “%s”", bad[i]);
      s = bespoke_schedule_parse (bad[i], &error);
      g_assert_null (s);
      g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
    }
}

static void
assert_describes (const BespokeSchedule *s,
                  const char            *expected)
{
  g_autofree char *text = bespoke_schedule_describe (s);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe (void)
{
  g_autoptr(BespokeSchedule) weekdays = mornings ();
  g_autoptr(BespokeSchedule) short_break = paul_short_break ();
  g_autoptr(BespokeSchedule) s = NULL;

  assert_describes (weekdays, "Mon–Fri, 07:30 for 3 h");
  assert_describes (short_break, "every 4th weekend from Fri 18:00, 48 h");

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  s->weekdays = WD (TUESDAY) | WD (THURSDAY);
  s->start_minute = 9 * 60;
  s->duration_minutes = 90;
  assert_describes (s, "Tue, Thu, 09:00 for 1 h 30 min");
  s->duration_minutes = 45;
  assert_describes (s, "Tue, Thu, 09:00 for 45 min");
  s->every_weeks = 2;
  s->anchor = julian (2027, 1, 5);
  assert_describes (s, "every other week, Tue, Thu, 09:00 for 45 min");
  s->weekdays = BESPOKE_WEEKDAYS_ALL;
  s->every_weeks = 1;
  assert_describes (s, "Every day, 09:00 for 45 min");
  s->weekdays = WD (MONDAY) | WD (TUESDAY) | WD (SATURDAY) | WD (SUNDAY);
  assert_describes (s, "Mon, Tue, Sat, Sun, 09:00 for 45 min");
  g_clear_pointer (&s, bespoke_schedule_free);

  short_break->every_weeks = 2;
  assert_describes (short_break, "every other weekend from Fri 18:00, 48 h");
  short_break->every_weeks = 3;
  assert_describes (short_break, "every 3rd weekend from Fri 18:00, 48 h");
  /* English ordinals past the teens */
  short_break->every_weeks = 11;
  assert_describes (short_break, "every 11th weekend from Fri 18:00, 48 h");
  short_break->every_weeks = 21;
  assert_describes (short_break, "every 21st weekend from Fri 18:00, 48 h");
  short_break->every_weeks = 22;
  assert_describes (short_break, "every 22nd weekend from Fri 18:00, 48 h");
  short_break->every_weeks = 23;
  assert_describes (short_break, "every 23rd weekend from Fri 18:00, 48 h");
  short_break->every_weeks = 13;
  assert_describes (short_break, "every 13th weekend from Fri 18:00, 48 h");

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_NIGHTLY);
  s->weekdays = WD (MONDAY) | WD (TUESDAY) | WD (WEDNESDAY) | WD (THURSDAY) | WD (SUNDAY);
  assert_describes (s, "Nights: Mon–Thu, Sun");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_MONTHLY);
  assert_describes (s, "Monthly, on the last day");
  s->month_day = 15;
  assert_describes (s, "Monthly, on day 15");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_QUANTITY);
  s->quantity_hundredths = 750;
  assert_describes (s, "7.50 a week");
  s->per = BESPOKE_PER_MONTH;
  assert_describes (s, "7.50 a month");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_ONCE);
  s->date = julian (2026, 11, 23);
  assert_describes (s, "Once, on 23 November 2026");
  g_clear_pointer (&s, bespoke_schedule_free);

  s = bespoke_schedule_new (BESPOKE_SCHEDULE_NONE);
  assert_describes (s, "No schedule yet");
}

/* The boxed type copies and frees through GValue, as records hold it. */
static void
test_boxed (void)
{
  g_autoptr(BespokeSchedule) s = paul_short_break ();
  g_auto(GValue) value = G_VALUE_INIT;
  const BespokeSchedule *held;

  bespoke_schedule_exclude (s, julian (2027, 2, 5));
  g_value_init (&value, BESPOKE_TYPE_SCHEDULE);
  g_value_set_boxed (&value, s);
  held = g_value_get_boxed (&value);
  g_assert_true (held != s);
  g_assert_true (bespoke_schedule_equal (held, s));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/schedule/round-trip/none", test_round_trip_none);
  g_test_add_func ("/schedule/round-trip/once", test_round_trip_once);
  g_test_add_func ("/schedule/round-trip/weekly", test_round_trip_weekly);
  g_test_add_func ("/schedule/round-trip/nightly", test_round_trip_nightly);
  g_test_add_func ("/schedule/round-trip/waking-night", test_round_trip_waking_night);
  g_test_add_func ("/schedule/round-trip/monthly", test_round_trip_monthly);
  g_test_add_func ("/schedule/round-trip/quantity", test_round_trip_quantity);
  g_test_add_func ("/schedule/round-trip/term-and-bank-holidays", test_round_trip_term_and_bank_holidays);
  g_test_add_func ("/schedule/round-trip/excluded", test_round_trip_excluded);
  g_test_add_func ("/schedule/equal", test_equal);
  g_test_add_func ("/schedule/validate", test_validate);
  g_test_add_func ("/schedule/validate/dates-readable", test_validate_dates_readable);
  g_test_add_func ("/schedule/parse/rejects", test_parse_rejects);
  g_test_add_func ("/schedule/describe", test_describe);
  g_test_add_func ("/schedule/boxed", test_boxed);

  return g_test_run ();
}
