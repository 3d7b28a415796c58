/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-test-bank-holidays"

#include "bespoke-core.h"
#include "bespoke-bank-holidays.h"

#define EW BESPOKE_NATION_ENGLAND_AND_WALES
#define SC BESPOKE_NATION_SCOTLAND
#define NI BESPOKE_NATION_NORTHERN_IRELAND

/*
 * The expected lists are the bank holidays published on
 * https://www.gov.uk/bank-holidays for 2020, 2022, 2023 and 2024, and for
 * 2027 and 2028 (not yet all published there) derived by hand from the same
 * rules. Each weekday was checked with an independent calendar
 * (`date -d … +%a`), and Easter Sunday against published Easter tables:
 * 12 Apr 2020, 17 Apr 2022, 9 Apr 2023, 31 Mar 2024, 28 Mar 2027,
 * 16 Apr 2028.
 */
typedef struct
{
  BespokeNation nation;
  guint         year;
  const char   *days[13];  /* NULL-terminated */
} Expected;

static const Expected expected[] = {
  /* 2020: early May bank holiday moved to Friday 8 May for VE Day;
   * Boxing Day is a Saturday, so Monday 28 is its substitute. */
  { EW, 2020, {
      "2020-01-01",   /* New Year's Day, Wed */
      "2020-04-10",   /* Good Friday */
      "2020-04-13",   /* Easter Monday */
      "2020-05-08",   /* Early May bank holiday (VE day), Fri */
      "2020-05-25",   /* Spring bank holiday: last Mon in May */
      "2020-08-31",   /* Summer bank holiday: last Mon in Aug */
      "2020-12-25",   /* Christmas Day, Fri */
      "2020-12-28",   /* Boxing Day (substitute day), Mon */
      NULL } },
  { SC, 2020, {
      "2020-01-01",   /* New Year's Day, Wed */
      "2020-01-02",   /* 2nd January, Thu */
      "2020-04-10",   /* Good Friday */
      "2020-05-08",   /* Early May bank holiday (VE day) */
      "2020-05-25",   /* Spring bank holiday */
      "2020-08-03",   /* Summer bank holiday: first Mon in Aug (1 Aug is Sat) */
      "2020-11-30",   /* St Andrew's Day, Mon */
      "2020-12-25",   /* Christmas Day */
      "2020-12-28",   /* Boxing Day (substitute day) */
      NULL } },
  { NI, 2020, {
      "2020-01-01",
      "2020-03-17",   /* St Patrick's Day, Tue */
      "2020-04-10",
      "2020-04-13",
      "2020-05-08",
      "2020-05-25",
      "2020-07-13",   /* Battle of the Boyne (substitute day): 12 Jul is Sun */
      "2020-08-31",
      "2020-12-25",
      "2020-12-28",
      NULL } },

  /* 2022: 1 Jan a Saturday, Christmas a Sunday; spring bank holiday moved
   * to Thursday 2 June, Platinum Jubilee Friday 3 June, State Funeral of
   * Queen Elizabeth II Monday 19 September. */
  { EW, 2022, {
      "2022-01-03",   /* New Year's Day (substitute day), Mon */
      "2022-04-15",   /* Good Friday */
      "2022-04-18",   /* Easter Monday */
      "2022-05-02",   /* Early May: first Mon in May (1 May is Sun) */
      "2022-06-02",   /* Spring bank holiday, moved, Thu */
      "2022-06-03",   /* Platinum Jubilee bank holiday, Fri */
      "2022-08-29",   /* Summer bank holiday */
      "2022-09-19",   /* State Funeral of Queen Elizabeth II, Mon */
      "2022-12-26",   /* Boxing Day, Mon */
      "2022-12-27",   /* Christmas Day (substitute day), Tue */
      NULL } },
  { SC, 2022, {
      "2022-01-03",   /* New Year's Day (substitute day), Mon */
      "2022-01-04",   /* 2nd January (substitute day), Tue */
      "2022-04-15",
      "2022-05-02",
      "2022-06-02",
      "2022-06-03",
      "2022-08-01",   /* Summer bank holiday: first Mon in Aug */
      "2022-09-19",
      "2022-11-30",   /* St Andrew's Day, Wed */
      "2022-12-26",
      "2022-12-27",
      NULL } },
  { NI, 2022, {
      "2022-01-03",
      "2022-03-17",   /* St Patrick's Day, Thu */
      "2022-04-15",
      "2022-04-18",
      "2022-05-02",
      "2022-06-02",
      "2022-06-03",
      "2022-07-12",   /* Battle of the Boyne, Tue */
      "2022-08-29",
      "2022-09-19",
      "2022-12-26",
      "2022-12-27",
      NULL } },

  /* 2023: 1 Jan a Sunday; Coronation of King Charles III Monday 8 May. */
  { EW, 2023, {
      "2023-01-02",   /* New Year's Day (substitute day), Mon */
      "2023-04-07",   /* Good Friday */
      "2023-04-10",   /* Easter Monday */
      "2023-05-01",   /* Early May bank holiday */
      "2023-05-08",   /* Coronation, Mon */
      "2023-05-29",   /* Spring bank holiday */
      "2023-08-28",   /* Summer bank holiday */
      "2023-12-25",   /* Christmas Day, Mon */
      "2023-12-26",   /* Boxing Day, Tue */
      NULL } },
  { SC, 2023, {
      "2023-01-02",   /* 2nd January, Mon */
      "2023-01-03",   /* New Year's Day (substitute day), Tue */
      "2023-04-07",
      "2023-05-01",
      "2023-05-08",
      "2023-05-29",
      "2023-08-07",   /* Summer bank holiday: first Mon in Aug (1 Aug is Tue) */
      "2023-11-30",   /* St Andrew's Day, Thu */
      "2023-12-25",
      "2023-12-26",
      NULL } },
  { NI, 2023, {
      "2023-01-02",
      "2023-03-17",   /* St Patrick's Day, Fri */
      "2023-04-07",
      "2023-04-10",
      "2023-05-01",
      "2023-05-08",
      "2023-05-29",
      "2023-07-12",   /* Battle of the Boyne, Wed */
      "2023-08-28",
      "2023-12-25",
      "2023-12-26",
      NULL } },

  /* 2024: St Patrick's Day a Sunday, St Andrew's Day a Saturday. */
  { EW, 2024, {
      "2024-01-01",   /* New Year's Day, Mon */
      "2024-03-29",   /* Good Friday */
      "2024-04-01",   /* Easter Monday */
      "2024-05-06",   /* Early May bank holiday */
      "2024-05-27",   /* Spring bank holiday */
      "2024-08-26",   /* Summer bank holiday */
      "2024-12-25",   /* Christmas Day, Wed */
      "2024-12-26",   /* Boxing Day, Thu */
      NULL } },
  { SC, 2024, {
      "2024-01-01",
      "2024-01-02",   /* 2nd January, Tue */
      "2024-03-29",
      "2024-05-06",
      "2024-05-27",
      "2024-08-05",   /* Summer bank holiday: first Mon in Aug */
      "2024-12-02",   /* St Andrew's Day (substitute day), Mon */
      "2024-12-25",
      "2024-12-26",
      NULL } },
  { NI, 2024, {
      "2024-01-01",
      "2024-03-18",   /* St Patrick's Day (substitute day), Mon */
      "2024-03-29",
      "2024-04-01",
      "2024-05-06",
      "2024-05-27",
      "2024-07-12",   /* Battle of the Boyne, Fri */
      "2024-08-26",
      "2024-12-25",
      "2024-12-26",
      NULL } },

  /* 2027: 2 Jan a Saturday, Christmas a Saturday. */
  { EW, 2027, {
      "2027-01-01",   /* New Year's Day, Fri */
      "2027-03-26",   /* Good Friday */
      "2027-03-29",   /* Easter Monday */
      "2027-05-03",   /* Early May: first Mon in May (1 May is Sat) */
      "2027-05-31",   /* Spring bank holiday */
      "2027-08-30",   /* Summer bank holiday */
      "2027-12-27",   /* Christmas Day (substitute day), Mon */
      "2027-12-28",   /* Boxing Day (substitute day), Tue */
      NULL } },
  { SC, 2027, {
      "2027-01-01",
      "2027-01-04",   /* 2nd January (substitute day), Mon */
      "2027-03-26",
      "2027-05-03",
      "2027-05-31",
      "2027-08-02",   /* Summer bank holiday: first Mon in Aug (1 Aug is Sun) */
      "2027-11-30",   /* St Andrew's Day, Tue */
      "2027-12-27",
      "2027-12-28",
      NULL } },
  { NI, 2027, {
      "2027-01-01",
      "2027-03-17",   /* St Patrick's Day, Wed */
      "2027-03-26",
      "2027-03-29",
      "2027-05-03",
      "2027-05-31",
      "2027-07-12",   /* Battle of the Boyne, Mon */
      "2027-08-30",
      "2027-12-27",
      "2027-12-28",
      NULL } },

  /* 2028: 1 Jan a Saturday, Christmas a Monday. */
  { EW, 2028, {
      "2028-01-03",   /* New Year's Day (substitute day), Mon */
      "2028-04-14",   /* Good Friday */
      "2028-04-17",   /* Easter Monday */
      "2028-05-01",   /* Early May bank holiday */
      "2028-05-29",   /* Spring bank holiday */
      "2028-08-28",   /* Summer bank holiday */
      "2028-12-25",   /* Christmas Day, Mon */
      "2028-12-26",   /* Boxing Day, Tue */
      NULL } },
  { SC, 2028, {
      "2028-01-03",   /* New Year's Day (substitute day), Mon */
      "2028-01-04",   /* 2nd January (substitute day), Tue */
      "2028-04-14",
      "2028-05-01",
      "2028-05-29",
      "2028-08-07",   /* Summer bank holiday: first Mon in Aug (1 Aug is Tue) */
      "2028-11-30",   /* St Andrew's Day, Thu */
      "2028-12-25",
      "2028-12-26",
      NULL } },
  { NI, 2028, {
      "2028-01-03",
      "2028-03-17",   /* St Patrick's Day, Fri */
      "2028-04-14",
      "2028-04-17",
      "2028-05-01",
      "2028-05-29",
      "2028-07-12",   /* Battle of the Boyne, Wed */
      "2028-08-28",
      "2028-12-25",
      "2028-12-26",
      NULL } },
};

static guint32
jd (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (bespoke_date_parse (iso, &date, NULL));
  return g_date_get_julian (&date);
}

static guint32
jd_dmy (guint year,
        guint month,
        guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static char *
iso_of (guint32 julian_day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  return bespoke_date_to_iso (&date);
}

static const char *
nation_nick (BespokeNation nation)
{
  return bespoke_enum_to_nick (BESPOKE_TYPE_NATION, nation);
}

static void
test_published_lists (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      const Expected *ex = &expected[e];
      guint32 first = jd_dmy (ex->year, 1, 1);
      guint32 last = jd_dmy (ex->year, 12, 31);
      g_autoptr(GArray) days = bespoke_bank_holidays_between (ex->nation, first, last);
      guint n = g_strv_length ((char **) ex->days);
      guint next = 0;

      g_test_message ("%s %u", nation_nick (ex->nation), ex->year);

      g_assert_true (bespoke_bank_holidays_covers (ex->year));
      g_assert_cmpuint (days->len, ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *got = iso_of (g_array_index (days, guint32, i));
          g_assert_cmpstr (got, ==, ex->days[i]);
        }

      /* is_holiday agrees, day by day, for the whole year */
      for (guint32 day = first; day <= last; day++)
        {
          gboolean listed = next < n && jd (ex->days[next]) == day;

          if (listed)
            next++;
          g_assert_cmpint (bespoke_bank_holidays_is_holiday (ex->nation, day), ==, listed);
          g_assert_cmpint (bespoke_bank_holidays_name (ex->nation, day) != NULL, ==, listed);
        }
      g_assert_cmpuint (next, ==, n);
    }
}

static void
test_england_2027 (void)
{
  g_autoptr(GArray) days = bespoke_bank_holidays_between (EW, jd ("2027-01-01"), jd ("2027-12-31"));

  /* exactly 8, every one on a weekday */
  g_assert_cmpuint (days->len, ==, 8);
  for (guint i = 0; i < days->len; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_array_index (days, guint32, i));
      g_assert_cmpint (g_date_get_weekday (&date), <=, G_DATE_FRIDAY);
    }
  g_assert_cmpstr (bespoke_bank_holidays_name (EW, jd ("2027-12-27")), ==, "Christmas Day (substitute day)");
  g_assert_cmpstr (bespoke_bank_holidays_name (EW, jd ("2027-12-28")), ==, "Boxing Day (substitute day)");
  g_assert_false (bespoke_bank_holidays_is_holiday (EW, jd ("2027-12-25")));
  g_assert_false (bespoke_bank_holidays_is_holiday (EW, jd ("2027-12-26")));
}

/* Every holiday in every covered year is on a weekday, and each year has
 * the regular count: 8 in England and Wales, 9 in Scotland, 10 in Northern
 * Ireland, plus the one-offs of 2022 (two) and 2023 (one). */
static void
test_all_years (void)
{
  for (BespokeNation n = EW; n <= NI; n++)
    for (guint year = 2020; year <= 2032; year++)
      {
        g_autoptr(GArray) days = bespoke_bank_holidays_between (n, jd_dmy (year, 1, 1), jd_dmy (year, 12, 31));
        guint regular = n == EW ? 8 : n == SC ? 9 : 10;
        guint extra = year == 2022 ? 2 : year == 2023 ? 1 : 0;

        g_test_message ("%s %u", nation_nick (n), year);
        g_assert_cmpuint (days->len, ==, regular + extra);

        for (guint i = 0; i < days->len; i++)
          {
            GDate date;

            g_date_clear (&date, 1);
            g_date_set_julian (&date, g_array_index (days, guint32, i));
            g_assert_cmpint (g_date_get_weekday (&date), <=, G_DATE_FRIDAY);
            g_assert_cmpuint (g_date_get_year (&date), ==, year);
            if (i > 0)
              g_assert_cmpuint (g_array_index (days, guint32, i - 1), <, g_array_index (days, guint32, i));
          }
      }
}

/* Good Friday in every covered year, two days before Easter Sunday as
 * given by published Easter tables (2020–2032). */
static void
test_good_friday (void)
{
  static const char *easter_sundays[] = {
    "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31",
    "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01",
    "2030-04-21", "2031-04-13", "2032-03-28",
  };

  for (guint i = 0; i < G_N_ELEMENTS (easter_sundays); i++)
    {
      guint32 easter = jd (easter_sundays[i]);

      for (BespokeNation n = EW; n <= NI; n++)
        {
          g_assert_cmpstr (bespoke_bank_holidays_name (n, easter - 2), ==, "Good Friday");
          g_assert_false (bespoke_bank_holidays_is_holiday (n, easter));
          if (n == SC)
            g_assert_false (bespoke_bank_holidays_is_holiday (n, easter + 1));
          else
            g_assert_cmpstr (bespoke_bank_holidays_name (n, easter + 1), ==, "Easter Monday");
        }
    }
}

static void
test_names (void)
{
  static const struct {
    BespokeNation nation;
    const char   *iso;
    const char   *name;
  } names[] = {
    { EW, "2024-01-01", "New Year’s Day" },
    { EW, "2028-01-03", "New Year’s Day (substitute day)" },
    { SC, "2024-01-02", "2nd January" },
    { SC, "2027-01-04", "2nd January (substitute day)" },
    { SC, "2023-01-02", "2nd January" },
    { SC, "2023-01-03", "New Year’s Day (substitute day)" },
    { SC, "2022-01-03", "New Year’s Day (substitute day)" },
    { SC, "2022-01-04", "2nd January (substitute day)" },
    { NI, "2027-03-17", "St Patrick’s Day" },
    { NI, "2024-03-18", "St Patrick’s Day (substitute day)" },
    { EW, "2024-05-06", "Early May bank holiday" },
    { EW, "2020-05-08", "Early May bank holiday (VE day)" },
    { SC, "2020-05-08", "Early May bank holiday (VE day)" },
    { EW, "2024-05-27", "Spring bank holiday" },
    { NI, "2022-06-02", "Spring bank holiday" },
    { SC, "2022-06-03", "Platinum Jubilee bank holiday" },
    { NI, "2024-07-12", "Battle of the Boyne (Orangemen’s Day)" },
    { NI, "2020-07-13", "Battle of the Boyne (Orangemen’s Day) (substitute day)" },
    { EW, "2024-08-26", "Summer bank holiday" },
    { SC, "2024-08-05", "Summer bank holiday" },
    { NI, "2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II" },
    { SC, "2023-05-08", "Bank holiday for the coronation of King Charles III" },
    { SC, "2027-11-30", "St Andrew’s Day" },
    { SC, "2024-12-02", "St Andrew’s Day (substitute day)" },
    { EW, "2024-12-25", "Christmas Day" },
    { EW, "2024-12-26", "Boxing Day" },
    { EW, "2022-12-26", "Boxing Day" },
    { EW, "2022-12-27", "Christmas Day (substitute day)" },
    { SC, "2020-12-28", "Boxing Day (substitute day)" },
    /* not holidays */
    { EW, "2024-03-18", NULL },    /* St Patrick's substitute is NI only */
    { EW, "2024-08-05", NULL },    /* first Monday of August is Scotland's */
    { SC, "2024-08-26", NULL },
    { SC, "2024-04-01", NULL },    /* no Easter Monday in Scotland */
    { EW, "2024-01-02", NULL },
    { EW, "2020-05-04", NULL },    /* moved to 8 May */
    { EW, "2022-05-30", NULL },    /* moved to 2 June */
    { EW, "2024-12-24", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_test_message ("%s %s", nation_nick (names[i].nation), names[i].iso);
      g_assert_cmpstr (bespoke_bank_holidays_name (names[i].nation, jd (names[i].iso)), ==, names[i].name);
      g_assert_cmpint (bespoke_bank_holidays_is_holiday (names[i].nation, jd (names[i].iso)), ==,
                       names[i].name != NULL);
    }
}

static void
test_between (void)
{
  g_autoptr(GArray) inclusive = NULL;
  g_autoptr(GArray) one = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) reversed = NULL;
  g_autoptr(GArray) edge = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) everything = NULL;

  /* both ends are holidays, and both are included */
  inclusive = bespoke_bank_holidays_between (EW, jd ("2024-03-29"), jd ("2024-05-27"));
  g_assert_cmpuint (inclusive->len, ==, 4);
  g_assert_cmpuint (g_array_index (inclusive, guint32, 0), ==, jd ("2024-03-29"));
  g_assert_cmpuint (g_array_index (inclusive, guint32, 1), ==, jd ("2024-04-01"));
  g_assert_cmpuint (g_array_index (inclusive, guint32, 2), ==, jd ("2024-05-06"));
  g_assert_cmpuint (g_array_index (inclusive, guint32, 3), ==, jd ("2024-05-27"));

  one = bespoke_bank_holidays_between (SC, jd ("2024-12-02"), jd ("2024-12-02"));
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (g_array_index (one, guint32, 0), ==, jd ("2024-12-02"));

  none = bespoke_bank_holidays_between (EW, jd ("2024-06-01"), jd ("2024-08-25"));
  g_assert_cmpuint (none->len, ==, 0);

  reversed = bespoke_bank_holidays_between (EW, jd ("2024-12-31"), jd ("2024-01-01"));
  g_assert_cmpuint (reversed->len, ==, 0);

  /* a range reaching outside the covered years gives only covered days */
  edge = bespoke_bank_holidays_between (EW, jd ("2019-12-01"), jd ("2020-01-31"));
  g_assert_cmpuint (edge->len, ==, 1);
  g_assert_cmpuint (g_array_index (edge, guint32, 0), ==, jd ("2020-01-01"));

  before = bespoke_bank_holidays_between (NI, jd ("2000-01-01"), jd ("2019-12-31"));
  g_assert_cmpuint (before->len, ==, 0);
  after = bespoke_bank_holidays_between (NI, jd ("2033-01-01"), G_MAXUINT32);
  g_assert_cmpuint (after->len, ==, 0);

  /* the whole range, sorted: 13 years of 10 in Northern Ireland, plus 3 */
  everything = bespoke_bank_holidays_between (NI, 1, G_MAXUINT32);
  g_assert_cmpuint (everything->len, ==, 13 * 10 + 3);
  for (guint i = 1; i < everything->len; i++)
    g_assert_cmpuint (g_array_index (everything, guint32, i - 1), <, g_array_index (everything, guint32, i));
  g_assert_cmpuint (g_array_index (everything, guint32, 0), ==, jd ("2020-01-01"));
  g_assert_cmpuint (g_array_index (everything, guint32, everything->len - 1), ==, jd ("2032-12-28"));
}

static void
test_covers (void)
{
  g_assert_false (bespoke_bank_holidays_covers (0));
  g_assert_false (bespoke_bank_holidays_covers (2019));
  g_assert_true (bespoke_bank_holidays_covers (2020));
  g_assert_true (bespoke_bank_holidays_covers (2026));
  g_assert_true (bespoke_bank_holidays_covers (2032));
  g_assert_false (bespoke_bank_holidays_covers (2033));
}

static void
test_outside_range (void)
{
  const char *outside[] = {
    "2019-01-01", "2019-12-25", "2019-12-26", "2019-12-31",
    "2033-01-01", "2033-01-03", "2033-12-26", "2100-12-25",
  };

  for (BespokeNation n = EW; n <= NI; n++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
        {
          g_assert_false (bespoke_bank_holidays_is_holiday (n, jd (outside[i])));
          g_assert_null (bespoke_bank_holidays_name (n, jd (outside[i])));
        }
      g_assert_false (bespoke_bank_holidays_is_holiday (n, 0));
      g_assert_false (bespoke_bank_holidays_is_holiday (n, G_MAXUINT32));

      /* the ends of the range */
      g_assert_true (bespoke_bank_holidays_is_holiday (n, jd ("2020-01-01")));
      g_assert_false (bespoke_bank_holidays_is_holiday (n, jd ("2032-12-31")));
    }

  /* Christmas 2032 is a Saturday: the last holidays are Mon 27 and Tue 28 */
  g_assert_cmpstr (bespoke_bank_holidays_name (EW, jd ("2032-12-27")), ==, "Christmas Day (substitute day)");
  g_assert_cmpstr (bespoke_bank_holidays_name (SC, jd ("2032-12-28")), ==, "Boxing Day (substitute day)");
}

static void
test_bad_nation (void)
{
  g_test_expect_message ("bespoke-bank-holidays", G_LOG_LEVEL_CRITICAL, "*nation*");
  g_assert_false (bespoke_bank_holidays_is_holiday ((BespokeNation) 7, jd ("2024-12-25")));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bank-holidays/published-lists", test_published_lists);
  g_test_add_func ("/bank-holidays/england-2027", test_england_2027);
  g_test_add_func ("/bank-holidays/all-years", test_all_years);
  g_test_add_func ("/bank-holidays/good-friday", test_good_friday);
  g_test_add_func ("/bank-holidays/names", test_names);
  g_test_add_func ("/bank-holidays/between", test_between);
  g_test_add_func ("/bank-holidays/covers", test_covers);
  g_test_add_func ("/bank-holidays/outside-range", test_outside_range);
  g_test_add_func ("/bank-holidays/bad-nation", test_bad_nation);

  return g_test_run ();
}
