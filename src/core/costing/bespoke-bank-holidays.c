/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-bank-holidays"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-bank-holidays.h"

/*
 * UK bank holidays for 2020–2032, following the lists published on
 * https://www.gov.uk/bank-holidays.
 *
 * The regular holidays come from the rules below (Easter by the anonymous
 * Gregorian computus, "first/last Monday" rules and the substitute-day
 * rules). The few royal and state exceptions are the two short tables
 * moved_holidays[] and extra_holidays[]; add to them when a new one is
 * proclaimed.
 *
 * Everything is computed once, on first use, into one byte per day per
 * nation over 2020-01-01..2032-12-31 (3 × 4749 bytes), so a query is an
 * index into an array.
 */

typedef enum
{
  KIND_NONE,
  KIND_NEW_YEARS_DAY,
  KIND_NEW_YEARS_DAY_SUBSTITUTE,
  KIND_JANUARY_2,
  KIND_JANUARY_2_SUBSTITUTE,
  KIND_ST_PATRICKS_DAY,
  KIND_ST_PATRICKS_DAY_SUBSTITUTE,
  KIND_GOOD_FRIDAY,
  KIND_EASTER_MONDAY,
  KIND_EARLY_MAY,
  KIND_EARLY_MAY_VE_DAY,
  KIND_SPRING,
  KIND_PLATINUM_JUBILEE,
  KIND_BATTLE_OF_THE_BOYNE,
  KIND_BATTLE_OF_THE_BOYNE_SUBSTITUTE,
  KIND_SUMMER,
  KIND_STATE_FUNERAL,
  KIND_CORONATION,
  KIND_ST_ANDREWS_DAY,
  KIND_ST_ANDREWS_DAY_SUBSTITUTE,
  KIND_CHRISTMAS_DAY,
  KIND_CHRISTMAS_DAY_SUBSTITUTE,
  KIND_BOXING_DAY,
  KIND_BOXING_DAY_SUBSTITUTE,
  N_KINDS
} Kind;

/* The names gov.uk gives them. */
static const char *kind_names[N_KINDS] = {
  [KIND_NONE] = NULL,
  [KIND_NEW_YEARS_DAY] = N_("New Year’s Day"),
  [KIND_NEW_YEARS_DAY_SUBSTITUTE] = N_("New Year’s Day (substitute day)"),
  [KIND_JANUARY_2] = N_("2nd January"),
  [KIND_JANUARY_2_SUBSTITUTE] = N_("2nd January (substitute day)"),
  [KIND_ST_PATRICKS_DAY] = N_("St Patrick’s Day"),
  [KIND_ST_PATRICKS_DAY_SUBSTITUTE] = N_("St Patrick’s Day (substitute day)"),
  [KIND_GOOD_FRIDAY] = N_("Good Friday"),
  [KIND_EASTER_MONDAY] = N_("Easter Monday"),
  [KIND_EARLY_MAY] = N_("Early May bank holiday"),
  [KIND_EARLY_MAY_VE_DAY] = N_("Early May bank holiday (VE day)"),
  [KIND_SPRING] = N_("Spring bank holiday"),
  [KIND_PLATINUM_JUBILEE] = N_("Platinum Jubilee bank holiday"),
  [KIND_BATTLE_OF_THE_BOYNE] = N_("Battle of the Boyne (Orangemen’s Day)"),
  [KIND_BATTLE_OF_THE_BOYNE_SUBSTITUTE] = N_("Battle of the Boyne (Orangemen’s Day) (substitute day)"),
  [KIND_SUMMER] = N_("Summer bank holiday"),
  [KIND_STATE_FUNERAL] = N_("Bank holiday for the State Funeral of Queen Elizabeth II"),
  [KIND_CORONATION] = N_("Bank holiday for the coronation of King Charles III"),
  [KIND_ST_ANDREWS_DAY] = N_("St Andrew’s Day"),
  [KIND_ST_ANDREWS_DAY_SUBSTITUTE] = N_("St Andrew’s Day (substitute day)"),
  [KIND_CHRISTMAS_DAY] = N_("Christmas Day"),
  [KIND_CHRISTMAS_DAY_SUBSTITUTE] = N_("Christmas Day (substitute day)"),
  [KIND_BOXING_DAY] = N_("Boxing Day"),
  [KIND_BOXING_DAY_SUBSTITUTE] = N_("Boxing Day (substitute day)"),
};

#define N_NATIONS (BESPOKE_NATION_NORTHERN_IRELAND + 1)
#define NATION_BIT(n) (1u << (n))
#define ALL_NATIONS (NATION_BIT (BESPOKE_NATION_ENGLAND_AND_WALES) | \
                     NATION_BIT (BESPOKE_NATION_SCOTLAND) | \
                     NATION_BIT (BESPOKE_NATION_NORTHERN_IRELAND))

/* 13 years, of which 2020, 2024, 2028 and 2032 are leap years. */
#define N_DAYS (13 * 365 + 4)

/* Regular holidays moved by proclamation that year. */
static const struct {
  guint      year;
  Kind       kind;       /* the holiday the rule would have given */
  Kind       moved_kind; /* what it is called on its new day */
  GDateMonth month;
  GDateDay   day;
} moved_holidays[] = {
  /* 75th anniversary of VE Day: Monday 4 May moved to Friday 8 May. */
  { 2020, KIND_EARLY_MAY, KIND_EARLY_MAY_VE_DAY, G_DATE_MAY, 8 },
  /* Platinum Jubilee: Monday 30 May moved to Thursday 2 June. */
  { 2022, KIND_SPRING, KIND_SPRING, G_DATE_JUNE, 2 },
};

/* One-off extra holidays. */
static const struct {
  guint      year;
  GDateMonth month;
  GDateDay   day;
  Kind       kind;
  guint      nations;
} extra_holidays[] = {
  { 2022, G_DATE_JUNE, 3, KIND_PLATINUM_JUBILEE, ALL_NATIONS },
  { 2022, G_DATE_SEPTEMBER, 19, KIND_STATE_FUNERAL, ALL_NATIONS },
  { 2023, G_DATE_MAY, 8, KIND_CORONATION, ALL_NATIONS },
};

typedef struct
{
  guint32 first_day;  /* Julian day of 1 January of the first year */
  guint32 last_day;   /* Julian day of 31 December of the last year */
  guint8  kind[N_NATIONS][N_DAYS];
} Table;

static guint32
julian_of (guint      year,
           GDateMonth month,
           GDateDay   day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static GDateWeekday
weekday_of (guint32 julian_day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  return g_date_get_weekday (&date);
}

static gboolean
is_weekend (guint32 julian_day)
{
  GDateWeekday wd = weekday_of (julian_day);

  return wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY;
}

static guint32
first_monday (guint      year,
              GDateMonth month)
{
  guint32 day = julian_of (year, month, 1);

  return day + (8 - weekday_of (day)) % 7;
}

static guint32
last_monday (guint      year,
             GDateMonth month)
{
  guint32 day = julian_of (year, month, g_date_get_days_in_month (month, (GDateYear) year));

  return day - (weekday_of (day) - G_DATE_MONDAY);
}

/* Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
static guint32
easter_sunday (guint year)
{
  guint a = year % 19;
  guint b = year / 100;
  guint c = year % 100;
  guint d = b / 4;
  guint e = b % 4;
  guint f = (b + 8) / 25;
  guint g = (b - f + 1) / 3;
  guint h = (19 * a + b - d - g + 15) % 30;
  guint i = c / 4;
  guint k = c % 4;
  guint l = (32 + 2 * e + 2 * i - h - k) % 7;
  guint m = (a + 11 * h + 22 * l) / 451;
  guint month = (h + l - 7 * m + 114) / 31;
  guint day = (h + l - 7 * m + 114) % 31 + 1;

  return julian_of (year, (GDateMonth) month, (GDateDay) day);
}

static gboolean
is_set (const Table   *table,
        BespokeNation  nation,
        guint32        julian_day)
{
  g_assert (julian_day >= table->first_day && julian_day <= table->last_day);
  return table->kind[nation][julian_day - table->first_day] != KIND_NONE;
}

static void
set_day (Table         *table,
         BespokeNation  nation,
         guint32        julian_day,
         Kind           kind)
{
  g_assert (!is_set (table, nation, julian_day));
  table->kind[nation][julian_day - table->first_day] = (guint8) kind;
}

/* A regular holiday, unless a proclamation moved it that year. */
static void
set_regular (Table         *table,
             BespokeNation  nation,
             guint          year,
             guint32        julian_day,
             Kind           kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (moved_holidays); i++)
    {
      if (moved_holidays[i].year == year && moved_holidays[i].kind == kind)
        {
          julian_day = julian_of (year, moved_holidays[i].month, moved_holidays[i].day);
          kind = moved_holidays[i].moved_kind;
          break;
        }
    }

  set_day (table, nation, julian_day, kind);
}

/* A fixed date that, on a weekend, moves to the following Monday. */
static void
set_fixed (Table         *table,
           BespokeNation  nation,
           guint          year,
           GDateMonth     month,
           GDateDay       day,
           Kind           kind,
           Kind           substitute)
{
  guint32 julian_day = julian_of (year, month, day);

  if (weekday_of (julian_day) == G_DATE_SATURDAY)
    set_day (table, nation, julian_day + 2, substitute);
  else if (weekday_of (julian_day) == G_DATE_SUNDAY)
    set_day (table, nation, julian_day + 1, substitute);
  else
    set_day (table, nation, julian_day, kind);
}

/* Two fixed days in a row (Christmas and Boxing Day; in Scotland also 1 and
 * 2 January). A day on a weekday stays put; a day on a weekend takes, in
 * order, the next weekday not already a holiday. So Christmas on a Saturday
 * gives Monday 27 (Christmas) and Tuesday 28 (Boxing Day); on a Sunday,
 * Boxing Day stays on Monday 26 and Christmas takes Tuesday 27. */
static void
set_pair (Table         *table,
          BespokeNation  nation,
          guint          year,
          GDateMonth     month,
          GDateDay       day,
          Kind           first_kind,
          Kind           first_substitute,
          Kind           second_kind,
          Kind           second_substitute)
{
  guint32 days[2] = { julian_of (year, month, day), 0 };
  Kind kinds[2] = { first_kind, second_kind };
  Kind substitutes[2] = { first_substitute, second_substitute };

  days[1] = days[0] + 1;

  for (guint i = 0; i < 2; i++)
    if (!is_weekend (days[i]))
      set_day (table, nation, days[i], kinds[i]);

  for (guint i = 0; i < 2; i++)
    {
      guint32 candidate;

      if (!is_weekend (days[i]))
        continue;

      candidate = days[i] + 1;
      while (is_weekend (candidate) || is_set (table, nation, candidate))
        candidate++;
      set_day (table, nation, candidate, substitutes[i]);
    }
}

static void
build_year (Table         *table,
            BespokeNation  nation,
            guint          year)
{
  gboolean scotland = nation == BESPOKE_NATION_SCOTLAND;
  gboolean northern_ireland = nation == BESPOKE_NATION_NORTHERN_IRELAND;
  guint32 easter = easter_sunday (year);

  if (scotland)
    set_pair (table, nation, year, G_DATE_JANUARY, 1,
              KIND_NEW_YEARS_DAY, KIND_NEW_YEARS_DAY_SUBSTITUTE,
              KIND_JANUARY_2, KIND_JANUARY_2_SUBSTITUTE);
  else
    set_fixed (table, nation, year, G_DATE_JANUARY, 1,
               KIND_NEW_YEARS_DAY, KIND_NEW_YEARS_DAY_SUBSTITUTE);

  if (northern_ireland)
    set_fixed (table, nation, year, G_DATE_MARCH, 17,
               KIND_ST_PATRICKS_DAY, KIND_ST_PATRICKS_DAY_SUBSTITUTE);

  set_day (table, nation, easter - 2, KIND_GOOD_FRIDAY);
  if (!scotland)
    set_day (table, nation, easter + 1, KIND_EASTER_MONDAY);

  set_regular (table, nation, year, first_monday (year, G_DATE_MAY), KIND_EARLY_MAY);
  set_regular (table, nation, year, last_monday (year, G_DATE_MAY), KIND_SPRING);

  if (northern_ireland)
    set_fixed (table, nation, year, G_DATE_JULY, 12,
               KIND_BATTLE_OF_THE_BOYNE, KIND_BATTLE_OF_THE_BOYNE_SUBSTITUTE);

  if (scotland)
    set_day (table, nation, first_monday (year, G_DATE_AUGUST), KIND_SUMMER);
  else
    set_day (table, nation, last_monday (year, G_DATE_AUGUST), KIND_SUMMER);

  if (scotland)
    set_fixed (table, nation, year, G_DATE_NOVEMBER, 30,
               KIND_ST_ANDREWS_DAY, KIND_ST_ANDREWS_DAY_SUBSTITUTE);

  set_pair (table, nation, year, G_DATE_DECEMBER, 25,
            KIND_CHRISTMAS_DAY, KIND_CHRISTMAS_DAY_SUBSTITUTE,
            KIND_BOXING_DAY, KIND_BOXING_DAY_SUBSTITUTE);

  for (guint i = 0; i < G_N_ELEMENTS (extra_holidays); i++)
    if (extra_holidays[i].year == year && (extra_holidays[i].nations & NATION_BIT (nation)) != 0)
      set_day (table, nation,
               julian_of (year, extra_holidays[i].month, extra_holidays[i].day),
               extra_holidays[i].kind);
}

static const Table *
get_table (void)
{
  static Table table;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      table.first_day = julian_of (BESPOKE_BANK_HOLIDAYS_FIRST_YEAR, G_DATE_JANUARY, 1);
      table.last_day = julian_of (BESPOKE_BANK_HOLIDAYS_LAST_YEAR, G_DATE_DECEMBER, 31);
      g_assert (table.last_day - table.first_day + 1 == N_DAYS);

      for (guint n = 0; n < N_NATIONS; n++)
        for (guint year = BESPOKE_BANK_HOLIDAYS_FIRST_YEAR; year <= BESPOKE_BANK_HOLIDAYS_LAST_YEAR; year++)
          build_year (&table, (BespokeNation) n, year);

      g_once_init_leave (&initialised, 1);
    }

  return &table;
}

static Kind
kind_of (BespokeNation nation,
         guint32       julian_day)
{
  const Table *table = get_table ();

  if (julian_day < table->first_day || julian_day > table->last_day)
    return KIND_NONE;
  return (Kind) table->kind[nation][julian_day - table->first_day];
}

/**
 * bespoke_bank_holidays_covers:
 * @year: a calendar year
 *
 * Returns: %TRUE if the bank holidays of @year are known. For other years
 *   nothing counts as a bank holiday, and the caller should say so.
 */
gboolean
bespoke_bank_holidays_covers (guint year)
{
  return year >= BESPOKE_BANK_HOLIDAYS_FIRST_YEAR && year <= BESPOKE_BANK_HOLIDAYS_LAST_YEAR;
}

/**
 * bespoke_bank_holidays_is_holiday:
 * @nation: whose bank holidays
 * @julian_day: a GDate Julian day number
 *
 * Returns: %TRUE if @julian_day is a bank holiday in @nation; %FALSE outside
 *   the covered years.
 */
gboolean
bespoke_bank_holidays_is_holiday (BespokeNation nation,
                                  guint32       julian_day)
{
  g_return_val_if_fail ((guint) nation < N_NATIONS, FALSE);

  return kind_of (nation, julian_day) != KIND_NONE;
}

/**
 * bespoke_bank_holidays_between:
 * @nation: whose bank holidays
 * @first_day: the first Julian day of the range
 * @last_day: the last Julian day of the range, included
 *
 * Returns: (transfer full) (element-type guint32): the bank holidays in
 *   @nation from @first_day to @last_day inclusive, in order. Empty if
 *   @last_day is before @first_day.
 */
GArray *
bespoke_bank_holidays_between (BespokeNation nation,
                               guint32       first_day,
                               guint32       last_day)
{
  const Table *table;
  GArray *days;
  guint32 from, to;

  g_return_val_if_fail ((guint) nation < N_NATIONS, NULL);

  days = g_array_new (FALSE, FALSE, sizeof (guint32));
  table = get_table ();

  from = MAX (first_day, table->first_day);
  to = MIN (last_day, table->last_day);

  for (guint32 day = from; day <= to; day++)
    if (table->kind[nation][day - table->first_day] != KIND_NONE)
      g_array_append_val (days, day);

  return days;
}

/**
 * bespoke_bank_holidays_name:
 * @nation: whose bank holidays
 * @julian_day: a GDate Julian day number
 *
 * Returns: (nullable): the translated name of the bank holiday on
 *   @julian_day, such as “Christmas Day (substitute day)”, or %NULL if it
 *   is not one.
 */
const char *
bespoke_bank_holidays_name (BespokeNation nation,
                            guint32       julian_day)
{
  Kind kind;

  g_return_val_if_fail ((guint) nation < N_NATIONS, NULL);

  kind = kind_of (nation, julian_day);
  if (kind == KIND_NONE)
    return NULL;
  return _(kind_names[kind]);
}
