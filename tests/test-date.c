/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-test-date"

#include "bespoke-core.h"

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (bespoke_date_parse ("2026-11-23", &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpuint (g_date_get_month (&date), ==, G_DATE_NOVEMBER);
  g_assert_cmpuint (g_date_get_day (&date), ==, 23);
  iso = bespoke_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2026-11-23");

  /* 1 January 2027 is a Friday, so the 8th is too */
  g_assert_true (bespoke_date_parse ("2027-01-08", &date, &error));
  g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_FRIDAY);

  /* 2028 is a leap year */
  g_assert_true (bespoke_date_is_valid_iso ("2028-02-29"));
  g_assert_true (bespoke_date_is_valid_iso ("2027-12-31"));
}

static void
test_parse_invalid (void)
{
  const char *bad[] = {
    "2027-02-29",   /* 2027 is not a leap year */
    "2027-13-01",
    "2027-00-10",
    "2027-04-31",
    "2027-01-32",
    "27-1-1",
    "2027-1-01",
    "2027/01/01",
    " 2027-01-01",
    "2027-01-01x",
    "23 November 2026",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_test_message ("refusing “%s”", bad[i]);
      g_date_clear (&date, 1);
      g_assert_false (bespoke_date_parse (bad[i], &date, &error));
      g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
      /* the message quotes what was typed and shows the right form */
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_nonnull (strstr (error->message, "year-month-day"));
      g_assert_false (g_date_valid (&date));
      g_assert_false (bespoke_date_is_valid_iso (bad[i]));
    }

  g_assert_false (bespoke_date_is_valid_iso (NULL));
}

static void
test_format_long (void)
{
  const struct { const char *iso; const char *expected; } cases[] = {
    { "2026-11-23", "23 November 2026" },
    { "2027-01-08", "8 January 2027" },
    { "2028-02-29", "29 February 2028" },
    { "2027-12-31", "31 December 2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bespoke_date_format_long (cases[i].iso);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  g_assert_null (bespoke_date_format_long ("2027-02-29"));
  g_assert_null (bespoke_date_format_long (NULL));
}

/* Dates as people type them: day first, or ISO; and as a field shows them */
static void
test_parse_user (void)
{
  const struct { const char *text; guint d, m, y; } good[] = {
    { "30/6/2027", 30, 6, 2027 },
    { " 1/04/2027 ", 1, 4, 2027 },
    { "29/2/2028", 29, 2, 2028 },      /* 2028 is a leap year */
    { "2027-06-30", 30, 6, 2027 },
  };
  const char *bad[] = { "29/2/2027", "31/4/2027", "30/13/2027", "30/6/2027x", "tomorrow", "" };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = NULL;

      g_assert_true (bespoke_date_parse_user (good[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_date_get_day (&date), ==, good[i].d);
      g_assert_cmpuint (g_date_get_month (&date), ==, good[i].m);
      g_assert_cmpuint (g_date_get_year (&date), ==, good[i].y);
      shown = bespoke_date_format_short (&date);
      if (i == 0 || i == 3)
        g_assert_cmpstr (shown, ==, "30/6/2027");
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bespoke_date_parse_user (bad[i], &date, &error));
      g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "30/6/2027"));   /* says what to type */
      g_assert_false (g_date_valid (&date));
    }

  g_date_set_dmy (&date, 1, G_DATE_APRIL, 2027);
  {
    g_autofree char *shown = bespoke_date_format_short (&date);
    g_assert_cmpstr (shown, ==, "1/4/2027");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/format-long", test_format_long);
  g_test_add_func ("/date/parse-user", test_parse_user);

  return g_test_run ();
}
