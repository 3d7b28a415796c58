/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-test-money"

#include "bespoke-core.h"

/* A value the parser must never write when it fails. */
#define UNTOUCHED ((gint64) 0x5a5a5a5a)

static void
assert_parses (const char *text,
               gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = UNTOUCHED;

  g_test_message ("parsing “%s”", text);
  g_assert_true (bespoke_money_parse (text, &pence, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pence, ==, expected);
}

/* Fails with @code, leaves the out-param alone, and the message quotes the
 * text and names the problem with @reason. */
static void
assert_refused (const char *text,
                int         code,
                const char *reason)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = UNTOUCHED;

  g_test_message ("refusing “%s”", text);
  g_assert_false (bespoke_money_parse (text, &pence, &error));
  g_assert_error (error, BESPOKE_ERROR, code);
  g_assert_cmpint (pence, ==, UNTOUCHED);
  g_assert_nonnull (strstr (error->message, text));
  g_assert_nonnull (strstr (error->message, reason));
}

static void
test_parse_accepts (void)
{
  assert_parses ("£1,234.56", 123456);
  assert_parses ("1234.5", 123450);
  assert_parses ("1234", 123400);
  assert_parses ("-£3.00", -300);
  assert_parses ("£-3.00", -300);
  assert_parses ("0", 0);
  assert_parses ("£0.05", 5);
  assert_parses (".5", 50);
  assert_parses ("£1,000,000", 100000000);
  assert_parses ("£34,000", 3400000);   /* Paul's individual budget */
  assert_parses ("1,234.5", 123450);
}

static void
test_parse_whitespace (void)
{
  assert_parses ("  £1,234.56  ", 123456);
  assert_parses ("\t1234\n", 123400);
  assert_parses (" -£3.00 ", -300);
}

static void
test_parse_refuses (void)
{
  assert_refused ("abc", BESPOKE_ERROR_INVALID, "digits");
  assert_refused ("1.234", BESPOKE_ERROR_INVALID, "two digits");
  assert_refused ("£", BESPOKE_ERROR_INVALID, "no digits");
  assert_refused ("", BESPOKE_ERROR_INVALID, "empty");
  assert_refused ("   ", BESPOKE_ERROR_INVALID, "empty");
  assert_refused ("12,34", BESPOKE_ERROR_INVALID, "commas");
  assert_refused ("1,2345", BESPOKE_ERROR_INVALID, "commas");
  assert_refused ("12345,678", BESPOKE_ERROR_INVALID, "commas");
  assert_refused (",123", BESPOKE_ERROR_INVALID, "commas");
  assert_refused ("-", BESPOKE_ERROR_INVALID, "no digits");
  assert_refused ("--3", BESPOKE_ERROR_INVALID, "digits");
  assert_refused ("12.3a", BESPOKE_ERROR_INVALID, "digits");
  assert_refused ("£12 50", BESPOKE_ERROR_INVALID, "digits");
  assert_refused ("$5", BESPOKE_ERROR_INVALID, "digits");
}

static void
test_parse_null_is_empty (void)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = UNTOUCHED;

  g_assert_false (bespoke_money_parse (NULL, &pence, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_cmpint (pence, ==, UNTOUCHED);
}

/* G_MAXINT64 is 9,223,372,036,854,775,807 pence: £92,233,720,368,547,758.07.
 * G_MININT64 is one penny further from zero on the negative side. */
static void
test_parse_range (void)
{
  assert_parses ("£92,233,720,368,547,758.07", G_MAXINT64);
  assert_parses ("92233720368547758.07", G_MAXINT64);
  assert_parses ("-£92,233,720,368,547,758.08", G_MININT64);

  assert_refused ("£92,233,720,368,547,758.08", BESPOKE_ERROR_OVERFLOW, "too large");
  assert_refused ("-£92,233,720,368,547,758.09", BESPOKE_ERROR_OVERFLOW, "too large");
  assert_refused ("£92,233,720,368,547,759", BESPOKE_ERROR_OVERFLOW, "too large");
  /* more digits than a 64-bit number holds at all */
  assert_refused ("£999,999,999,999,999,999,999,999", BESPOKE_ERROR_OVERFLOW, "too large");
}

static void
assert_formats (gint64      pence,
                const char *expected)
{
  g_autofree char *text = bespoke_money_format (pence);
  g_autoptr(GError) error = NULL;
  gint64 back = UNTOUCHED;

  g_assert_cmpstr (text, ==, expected);
  /* and it reads back */
  g_assert_true (bespoke_money_parse (text, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back, ==, pence);
}

static void
test_format (void)
{
  assert_formats (123456, "£1,234.56");
  assert_formats (-300, "-£3.00");
  assert_formats (0, "£0.00");
  assert_formats (5, "£0.05");
  assert_formats (-5, "-£0.05");
  assert_formats (99999, "£999.99");
  assert_formats (100000, "£1,000.00");
  assert_formats (3400000, "£34,000.00");
  assert_formats (30000000, "£300,000.00");
  assert_formats (100000000, "£1,000,000.00");
  assert_formats (G_MAXINT64, "£92,233,720,368,547,758.07");
  assert_formats (G_MININT64, "-£92,233,720,368,547,758.08");
  assert_formats (G_MININT64 + 1, "-£92,233,720,368,547,758.07");
}

static void
test_add (void)
{
  g_autoptr(GError) error = NULL;
  gint64 out = UNTOUCHED;

  /* domain.md, ISF: core support £180,000 + shared costs £60,000 = £240,000 */
  g_assert_true (bespoke_money_add (18000000, 6000000, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out, ==, 24000000);

  g_assert_true (bespoke_money_add (G_MAXINT64, G_MININT64, &out, &error));
  g_assert_cmpint (out, ==, -1);
  g_assert_true (bespoke_money_add (G_MAXINT64 - 1, 1, &out, &error));
  g_assert_cmpint (out, ==, G_MAXINT64);
  g_assert_no_error (error);
}

static void
test_add_overflow (void)
{
  const gint64 cases[][2] = {
    { G_MAXINT64, 1 },
    { 1, G_MAXINT64 },
    { G_MININT64, -1 },
    { G_MAXINT64 / 2 + 1, G_MAXINT64 / 2 + 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 out = UNTOUCHED;

      g_assert_false (bespoke_money_add (cases[i][0], cases[i][1], &out, &error));
      g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_OVERFLOW);
      g_assert_nonnull (strstr (error->message, "too large"));
      /* no wrapped value leaks out */
      g_assert_cmpint (out, ==, UNTOUCHED);
    }
}

static void
test_multiply (void)
{
  g_autoptr(GError) error = NULL;
  gint64 out = UNTOUCHED;

  /* 261 weekday mornings × £43.00 = £11,223.00 */
  g_assert_true (bespoke_money_multiply (4300, 261, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out, ==, 1122300);

  g_assert_true (bespoke_money_multiply (-300, 3, &out, &error));
  g_assert_cmpint (out, ==, -900);

  /* 922,337,203,685,477,580 × 10 = 9,223,372,036,854,775,800 ≤ G_MAXINT64 */
  g_assert_true (bespoke_money_multiply (922337203685477580, 10, &out, &error));
  g_assert_cmpint (out, ==, 9223372036854775800);
  g_assert_no_error (error);
}

static void
test_multiply_overflow (void)
{
  const gint64 cases[][2] = {
    { 922337203685477580, 11 },
    { G_MAXINT64, 2 },
    { G_MININT64, -1 },
    { -1, G_MININT64 },
    { 4294967296, 4294967296 },  /* 2^32 × 2^32 = 2^64 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 out = UNTOUCHED;

      g_assert_false (bespoke_money_multiply (cases[i][0], cases[i][1], &out, &error));
      g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_OVERFLOW);
      g_assert_cmpint (out, ==, UNTOUCHED);
    }
}

/* Half away from zero, every expected value worked by hand. */
static void
test_div_round (void)
{
  g_assert_cmpint (bespoke_money_div_round (5, 2), ==, 3);       /* 2.5 */
  g_assert_cmpint (bespoke_money_div_round (-5, 2), ==, -3);     /* -2.5 */
  g_assert_cmpint (bespoke_money_div_round (5, -2), ==, -3);     /* -2.5 */
  g_assert_cmpint (bespoke_money_div_round (-5, -2), ==, 3);     /* 2.5 */
  g_assert_cmpint (bespoke_money_div_round (7, 3), ==, 2);       /* 2.33 */
  g_assert_cmpint (bespoke_money_div_round (-7, 3), ==, -2);     /* -2.33 */
  g_assert_cmpint (bespoke_money_div_round (8, 3), ==, 3);       /* 2.67 */
  g_assert_cmpint (bespoke_money_div_round (-8, 3), ==, -3);     /* -2.67 */
  g_assert_cmpint (bespoke_money_div_round (1, 3), ==, 0);
  g_assert_cmpint (bespoke_money_div_round (0, 7), ==, 0);
  g_assert_cmpint (bespoke_money_div_round (6, 3), ==, 2);
  g_assert_cmpint (bespoke_money_div_round (1, 2), ==, 1);       /* 0.5 */
  g_assert_cmpint (bespoke_money_div_round (-1, 2), ==, -1);     /* -0.5 */

  /* hundredths of a penny to pence: 1,565,000 → 15,650 exactly;
   * 1,565,050 → 15,650.5 → 15,651; 1,565,049 → 15,650.49 → 15,650 */
  g_assert_cmpint (bespoke_money_div_round (1565000, 100), ==, 15650);
  g_assert_cmpint (bespoke_money_div_round (1565050, 100), ==, 15651);
  g_assert_cmpint (bespoke_money_div_round (-1565050, 100), ==, -15651);
  g_assert_cmpint (bespoke_money_div_round (1565049, 100), ==, 15650);

  /* Paul's £34,000 a year by month: 3,400,000 / 12 = 283,333.33 → 283,333;
   * his £22,000 to the provider by week: 2,200,000 / 52 = 42,307.69 → 42,308 */
  g_assert_cmpint (bespoke_money_div_round (3400000, 12), ==, 283333);
  g_assert_cmpint (bespoke_money_div_round (2200000, 52), ==, 42308);

  /* the ends of the range: G_MAXINT64 / 2 = 4,611,686,018,427,387,903.5;
   * G_MININT64 / 3 = -3,074,457,345,618,258,602.67 */
  g_assert_cmpint (bespoke_money_div_round (G_MAXINT64, 2), ==, 4611686018427387904);
  g_assert_cmpint (bespoke_money_div_round (G_MININT64, 2), ==, G_MININT64 / 2);
  g_assert_cmpint (bespoke_money_div_round (G_MININT64, 3), ==, -3074457345618258603);
  g_assert_cmpint (bespoke_money_div_round (G_MAXINT64, 1), ==, G_MAXINT64);
  g_assert_cmpint (bespoke_money_div_round (G_MAXINT64, G_MAXINT64), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/money/parse/accepts", test_parse_accepts);
  g_test_add_func ("/money/parse/whitespace", test_parse_whitespace);
  g_test_add_func ("/money/parse/refuses", test_parse_refuses);
  g_test_add_func ("/money/parse/null", test_parse_null_is_empty);
  g_test_add_func ("/money/parse/range", test_parse_range);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/add", test_add);
  g_test_add_func ("/money/add/overflow", test_add_overflow);
  g_test_add_func ("/money/multiply", test_multiply);
  g_test_add_func ("/money/multiply/overflow", test_multiply_overflow);
  g_test_add_func ("/money/div-round", test_div_round);

  return g_test_run ();
}
