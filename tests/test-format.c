/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bespoke-format: what people read and type.  Every expected value is
 * worked by hand beside it. */
#define G_LOG_DOMAIN "bespoke-test-format"

#include <string.h>

#include "bespoke-core.h"

#define UNTOUCHED 0x5a5a5a5au

static void
assert_string (char       *got,
               const char *expected)
{
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

/* Counts for people, a comma every three digits from the right, by hand:
 * 999 has none, 1000 one, 1234567 two, and 2^64 - 1 (twenty digits) six. */
static void
test_count (void)
{
  const struct { guint64 n; const char *text; } cases[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 31200, "31,200" },
    { 100000, "100,000" }, { 1234567, "1,234,567" }, { G_MAXUINT64, "18,446,744,073,709,551,615" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bespoke_format_count (cases[i].n);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* CSV money: pounds with two places, a minus and no £ or commas. */
static void
test_pence_decimal (void)
{
  assert_string (bespoke_format_pence_decimal (0), "0.00");
  assert_string (bespoke_format_pence_decimal (5), "0.05");
  assert_string (bespoke_format_pence_decimal (-5), "-0.05");
  assert_string (bespoke_format_pence_decimal (-350), "-3.50");
  /* 261 weekdays × 2 h × £21.50 = £11,223.00 */
  assert_string (bespoke_format_pence_decimal (261 * 2 * 2150), "11223.00");
  /* the extremes: 2^63 − 1 pence and −2^63 pence */
  assert_string (bespoke_format_pence_decimal (G_MAXINT64), "92233720368547758.07");
  assert_string (bespoke_format_pence_decimal (G_MININT64), "-92233720368547758.08");
  /* units in CSV: 522 hours */
  assert_string (bespoke_format_hundredths_fixed (52200), "522.00");
  assert_string (bespoke_format_hundredths_fixed (-1), "-0.01");
}

/* Money for people stays bespoke_money_format()/parse(), negative too. */
static void
test_money_for_people (void)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = 0;

  assert_string (bespoke_money_format (-123456), "-£1,234.56");
  assert_string (bespoke_money_format (2200000), "£22,000.00");
  g_assert_true (bespoke_money_parse ("-£3.00", &pence, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pence, ==, -300);
  /* half away from zero: 0.5 → 1, −0.5 → −1, 0.4 → 0, −1.5 → −2 */
  g_assert_cmpint (bespoke_money_div_round (5, 10), ==, 1);
  g_assert_cmpint (bespoke_money_div_round (-5, 10), ==, -1);
  g_assert_cmpint (bespoke_money_div_round (4, 10), ==, 0);
  g_assert_cmpint (bespoke_money_div_round (-15, 10), ==, -2);
}

static void
test_hours (void)
{
  assert_string (bespoke_format_hours (0, BESPOKE_HOURS_SHORT), "0 h");
  assert_string (bespoke_format_hours (5, BESPOKE_HOURS_SHORT), "5 min");
  assert_string (bespoke_format_hours (45, BESPOKE_HOURS_SHORT), "45 min");
  assert_string (bespoke_format_hours (60, BESPOKE_HOURS_SHORT), "1 h");
  assert_string (bespoke_format_hours (65, BESPOKE_HOURS_SHORT), "1 h 5 min");
  assert_string (bespoke_format_hours (90, BESPOKE_HOURS_SHORT), "1 h 30 min");
  /* 48 h short break */
  assert_string (bespoke_format_hours (48 * 60, BESPOKE_HOURS_SHORT), "48 h");
  assert_string (bespoke_format_hours (-90, BESPOKE_HOURS_SHORT), "-1 h 30 min");

  /* Paul's typical week: 34 h paid, 17 h 10 min unpaid (domain.md) */
  assert_string (bespoke_format_hours (34 * 60, BESPOKE_HOURS_WORDS), "34 hours");
  assert_string (bespoke_format_hours (17 * 60 + 10, BESPOKE_HOURS_WORDS), "17 h 10 min");
  assert_string (bespoke_format_hours (60, BESPOKE_HOURS_WORDS), "1 hour");
  assert_string (bespoke_format_hours (0, BESPOKE_HOURS_WORDS), "0 hours");
  assert_string (bespoke_format_hours (30, BESPOKE_HOURS_WORDS), "30 min");

  {
    g_autoptr(GString) out = g_string_new ("for ");

    bespoke_format_append_hours (out, 180, BESPOKE_HOURS_SHORT);
    g_assert_cmpstr (out->str, ==, "for 3 h");
  }
}

static void
test_hundredths (void)
{
  assert_string (bespoke_format_hundredths (0), "0");
  assert_string (bespoke_format_hundredths (700), "7");
  assert_string (bespoke_format_hundredths (750), "7.50");
  assert_string (bespoke_format_hundredths (5), "0.05");
  assert_string (bespoke_format_hundredths (99), "0.99");
  assert_string (bespoke_format_hundredths (101), "1.01");
  assert_string (bespoke_format_hundredths (2025), "20.25");
  assert_string (bespoke_format_hundredths (52200), "522");
  assert_string (bespoke_format_hundredths (-100), "-1");
  assert_string (bespoke_format_hundredths (-125), "-1.25");
}

static void
assert_hundredths (const char *text,
                   guint32     max,
                   guint32     expected)
{
  g_autoptr(GError) error = NULL;
  guint32 value = UNTOUCHED;

  g_test_message ("parsing “%s”", text);
  g_assert_true (bespoke_parse_hundredths (text, max, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (value, ==, expected);
}

static void
refuse_hundredths (const char *text,
                   guint32     max,
                   const char *says)
{
  g_autoptr(GError) error = NULL;
  guint32 value = UNTOUCHED;

  g_test_message ("refusing “%s”", text);
  g_assert_false (bespoke_parse_hundredths (text, max, &value, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_cmpuint (value, ==, UNTOUCHED);
  g_assert_nonnull (strstr (error->message, says));
  /* a sentence that says what to type */
  g_assert_nonnull (strstr (error->message, "Type"));
}

static void
test_parse_hundredths (void)
{
  assert_hundredths ("7.5", G_MAXUINT32, 750);
  assert_hundredths (" 7.50 ", G_MAXUINT32, 750);
  assert_hundredths ("7", G_MAXUINT32, 700);
  assert_hundredths ("7.", G_MAXUINT32, 700);
  assert_hundredths (".5", G_MAXUINT32, 50);
  assert_hundredths ("0.05", G_MAXUINT32, 5);
  assert_hundredths ("0", G_MAXUINT32, 0);
  /* the largest allowed, exactly: 1,000,000 is 100,000,000 hundredths */
  assert_hundredths ("1000000", 100000000, 100000000);
  /* 42,949,672.95 is G_MAXUINT32 hundredths */
  assert_hundredths ("42949672.95", G_MAXUINT32, G_MAXUINT32);

  refuse_hundredths ("", G_MAXUINT32, "Nothing is typed");
  refuse_hundredths ("   ", G_MAXUINT32, "Nothing is typed");
  refuse_hundredths ("abc", G_MAXUINT32, "“abc” is not a number");
  refuse_hundredths ("-1", G_MAXUINT32, "“-1” is not a number");
  refuse_hundredths ("1e3", G_MAXUINT32, "“1e3” is not a number");
  refuse_hundredths ("1.2.3", G_MAXUINT32, "“1.2.3” is not a number");
  refuse_hundredths (".", G_MAXUINT32, "“.” is not a number");
  refuse_hundredths ("7.555", G_MAXUINT32, "at most two decimals");
  refuse_hundredths ("1000000.01", 100000000, "“1000000.01” is too large. Type a number up to 1000000.");
  refuse_hundredths ("42949672.96", G_MAXUINT32, "too large");
  refuse_hundredths ("99999999999999999999999", G_MAXUINT32, "too large");
  refuse_hundredths ("99999999999999999999x", G_MAXUINT32, "is not a number");
}

static void
test_percent (void)
{
  guint bp = UNTOUCHED;
  g_autoptr(GError) error = NULL;

  /* 12.5% is 1250 hundredths of a percent */
  assert_string (bespoke_format_percent_bp (1250), "12.50%");
  assert_string (bespoke_format_percent_bp (1000), "10%");
  assert_string (bespoke_format_percent_bp (5), "0.05%");
  assert_string (bespoke_format_percent_bp (0), "0%");
  assert_string (bespoke_format_percent_bp (10000), "100%");

  g_assert_true (bespoke_parse_percent_bp ("12.5", 10000, &bp, &error));
  g_assert_cmpuint (bp, ==, 1250);
  g_assert_true (bespoke_parse_percent_bp (" 12.5 % ", 10000, &bp, &error));
  g_assert_cmpuint (bp, ==, 1250);
  g_assert_true (bespoke_parse_percent_bp ("100%", 10000, &bp, &error));
  g_assert_cmpuint (bp, ==, 10000);
  g_assert_true (bespoke_parse_percent_bp ("0.05", 10000, &bp, &error));
  g_assert_cmpuint (bp, ==, 5);
  /* what the formatter writes, read back */
  g_assert_true (bespoke_parse_percent_bp ("12.50%", 10000, &bp, &error));
  g_assert_cmpuint (bp, ==, 1250);
  g_assert_no_error (error);

  bp = UNTOUCHED;
  g_assert_false (bespoke_parse_percent_bp ("100.01", 10000, &bp, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“100.01” is not a percentage from 0 to 100. Type a number such as 12.5.");
  g_assert_cmpuint (bp, ==, UNTOUCHED);
  g_clear_error (&error);

  g_assert_false (bespoke_parse_percent_bp ("ten", 100000, &bp, &error));
  g_assert_cmpstr (error->message, ==, "“ten” is not a percentage from 0 to 1000. Type a number such as 12.5.");
  g_clear_error (&error);
  g_assert_false (bespoke_parse_percent_bp ("", 10000, &bp, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bespoke_parse_percent_bp ("%", 10000, &bp, &error));
  g_clear_error (&error);
  g_assert_false (bespoke_parse_percent_bp ("12.555", 10000, &bp, &error));
  g_clear_error (&error);
  g_assert_false (bespoke_parse_percent_bp ("-5", 10000, &bp, &error));
  g_assert_cmpuint (bp, ==, UNTOUCHED);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/format/count", test_count);
  g_test_add_func ("/format/pence-decimal", test_pence_decimal);
  g_test_add_func ("/format/money-for-people", test_money_for_people);
  g_test_add_func ("/format/hours", test_hours);
  g_test_add_func ("/format/hundredths", test_hundredths);
  g_test_add_func ("/format/parse-hundredths", test_parse_hundredths);
  g_test_add_func ("/format/percent", test_percent);

  return g_test_run ();
}
