/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-costing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-bank-holidays.h"
#include "bespoke-budget.h"
#include "bespoke-costing.h"
#include "bespoke-costing-private.h"
#include "bespoke-date.h"
#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-money.h"

/* ---- exact arithmetic ---------------------------------------------------
 *
 * Amounts are rationals of 128-bit integers, reduced as they go.  The hot
 * loops add plain integers (pence × minutes); rationals appear only once
 * per month of a line, where the per-line factors (hours, sharing,
 * premiums, discounts, pro rata) are applied. */

/* bespoke_costing_cost_plan() runs, counted for tests */
static int run_count;

typedef __int128 i128;

typedef struct
{
  i128 n;
  i128 d;  /* > 0 */
} Q;

static i128
gcd128 (i128 a,
        i128 b)
{
  if (a < 0)
    a = -a;
  if (b < 0)
    b = -b;
  while (b != 0)
    {
      i128 t = a % b;
      a = b;
      b = t;
    }
  return a == 0 ? 1 : a;
}

static Q
q_make (i128 n,
        i128 d)
{
  i128 g;

  g_assert (d != 0);
  if (d < 0)
    {
      n = -n;
      d = -d;
    }
  g = gcd128 (n, d);
  return (Q) { n / g, d / g };
}

static Q
q_add (Q a,
       Q b)
{
  if (a.d == b.d)
    return q_make (a.n + b.n, a.d);
  return q_make (a.n * b.d + b.n * a.d, a.d * b.d);
}

static Q
q_mul (Q a,
       Q b)
{
  Q x = q_make (a.n, b.d);
  Q y = q_make (b.n, a.d);
  return q_make (x.n * y.n, x.d * y.d);
}

#define Q_ZERO ((Q) { 0, 1 })
#define Q_INT(x) ((Q) { (x), 1 })

/* Rounds half away from zero, the one rounding rule; FALSE on overflow. */
static gboolean
q_round (Q       q,
         gint64 *out)
{
  i128 whole = q.n / q.d;
  i128 rest = q.n % q.d;

  if (rest < 0)
    rest = -rest;
  if (2 * rest >= q.d)
    whole += q.n < 0 ? -1 : 1;
  if (whole > G_MAXINT64 || whole < G_MININT64)
    return FALSE;
  *out = (gint64) whole;
  return TRUE;
}

static gboolean
overflow (GError **error)
{
  g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_OVERFLOW,
                       _("The cost is too large for Bespoke to hold. Check the prices and quantities for a mistyped figure."));
  return FALSE;
}

/* ---- dates ------------------------------------------------------------ */

static guint32
julian_of (const char *iso)
{
  GDate date;

  if (!bespoke_date_parse (iso, &date, NULL))
    return 0;
  return g_date_get_julian (&date);
}

/* 1 = Monday … 7 = Sunday; GDate's Julian day 1 (1 January 1) was a Monday */
static inline guint
weekday_of (guint32 julian)
{
  return (julian - 1) % 7 + 1;
}

static void
month_of (guint32  julian,
          guint   *year,
          guint   *month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
}

static guint32
first_of_month (guint year,
                guint month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* ---- the period's months ---------------------------------------------- */

typedef struct
{
  guint32 period_start;
  guint32 period_end;
  guint   n_months;
  guint32 starts[64];   /* first day of each month inside the period */
  guint   first_year;
  guint   first_month;
} Months;

static gboolean
months_init (Months  *m,
             guint32  start,
             guint32  end,
             GError **error)
{
  guint y, mo, ey, emo;

  m->period_start = start;
  m->period_end = end;
  month_of (start, &y, &mo);
  month_of (end, &ey, &emo);
  m->first_year = y;
  m->first_month = mo;
  m->n_months = (ey - y) * 12 + emo - mo + 1;
  if (m->n_months > G_N_ELEMENTS (m->starts))
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("The plan period is longer than five years. Split it into plans of a year or so."));
      return FALSE;
    }
  for (guint i = 0; i < m->n_months; i++)
    {
      guint yy = y + (mo - 1 + i) / 12;
      guint mm = (mo - 1 + i) % 12 + 1;
      m->starts[i] = i == 0 ? start : first_of_month (yy, mm);
    }
  return TRUE;
}

static inline guint
month_index (const Months *m,
             guint32       julian)
{
  guint y, mo;

  month_of (julian, &y, &mo);
  return (y - m->first_year) * 12 + mo - m->first_month;
}

static guint32
month_last_day (const Months *m,
                guint         i)
{
  return i + 1 < m->n_months ? m->starts[i + 1] - 1 : m->period_end;
}

/* ---- one line ---------------------------------------------------------- */

typedef struct
{
  BespokeNation        nation;
  gboolean             holiday_rate;   /* charge the bank-holiday rate on bank holidays */
  gboolean             skip_holidays;
  gboolean             ignore_holidays;  /* a typical week: no bank holidays */
  gint64               base;
  gint64               rate_day, rate_evening, rate_night, rate_sat, rate_sun, rate_bh;
  guint64              free_left;      /* units still free: minutes for hours, else counts */
  i128                *month_value;    /* pence × 60, by month */
  i128                *month_charged_units;  /* minutes for hours, else counts × 60 */
  i128                 units;          /* delivered: minutes for hours, else counts × 60 */
} Accumulator;

static inline gboolean
is_holiday (Accumulator *acc,
            guint32      julian)
{
  return !acc->ignore_holidays && bespoke_bank_holidays_is_holiday (acc->nation, julian);
}

/* The rate of the band a minute of day `julian` at `minute` falls in:
 * bank holiday, then Saturday or Sunday, then the time of day; a rate that
 * is not set falls through to the next, and finally to the unit price. */
static gint64
hour_rate (Accumulator *acc,
           guint32      julian,
           guint        minute)
{
  guint wd = weekday_of (julian);
  gint64 band;

  if (acc->holiday_rate && acc->rate_bh >= 0 && is_holiday (acc, julian))
    return acc->rate_bh;
  if (wd == G_DATE_SATURDAY && acc->rate_sat >= 0)
    return acc->rate_sat;
  if (wd == G_DATE_SUNDAY && acc->rate_sun >= 0)
    return acc->rate_sun;
  band = minute < 6 * 60 ? acc->rate_night : minute < 20 * 60 ? acc->rate_day : acc->rate_evening;
  return band >= 0 ? band : acc->base;
}

/* The price of one whole unit (each, night, day) that starts on `julian`. */
static gint64
unit_rate (Accumulator *acc,
           guint32      julian)
{
  guint wd = weekday_of (julian);

  if (acc->holiday_rate && acc->rate_bh >= 0 && is_holiday (acc, julian))
    return acc->rate_bh;
  if (wd == G_DATE_SATURDAY && acc->rate_sat >= 0)
    return acc->rate_sat;
  if (wd == G_DATE_SUNDAY && acc->rate_sun >= 0)
    return acc->rate_sun;
  return acc->base;
}

static void
charge (Accumulator *acc,
        guint        month,
        i128         units,   /* minutes, or counts × 60 */
        gint64       rate,
        i128         unit_scale)  /* 1 for minutes, 60 for counts */
{
  i128 free_now = 0;

  acc->units += units;
  if (acc->free_left > 0)
    {
      i128 whole = units / unit_scale;
      free_now = MIN ((i128) acc->free_left, whole);
      acc->free_left -= (guint64) free_now;
      free_now *= unit_scale;
    }
  acc->month_value[month] += (units - free_now) * rate;
  acc->month_charged_units[month] += units - free_now;
}

/* An hourly occurrence: split at 06:00, 20:00 and midnight. */
static void
charge_hours (Accumulator *acc,
              guint        month,
              guint32      day,
              guint        start_minute,
              guint32      minutes)
{
  guint minute = start_minute;

  while (minutes > 0)
    {
      guint boundary = minute < 6 * 60 ? 6 * 60 : minute < 20 * 60 ? 20 * 60 : 24 * 60;
      guint32 chunk = MIN (minutes, boundary - minute);

      charge (acc, month, chunk, hour_rate (acc, day, minute), 1);
      minutes -= chunk;
      minute += chunk;
      if (minute == 24 * 60)
        {
          minute = 0;
          day++;
        }
    }
}

typedef struct
{
  const BespokeSchedule *schedule;
  BespokeUnit            unit;
  guint                  quantity;
  gint64                 disturbance_rate;
  guint                  disturbance_minutes;
  guint32                last_day_charged;  /* DAY unit: each day once */
} Occurrences;

static gboolean
excluded (const BespokeSchedule *s,
          guint32                day)
{
  if (s->excluded == NULL)
    return FALSE;
  for (guint i = 0; i < s->excluded->len; i++)
    if (g_array_index (s->excluded, guint32, i) == day)
      return TRUE;
  return FALSE;
}

static void
occurrence (Accumulator  *acc,
            Occurrences  *occ,
            const Months *months,
            guint32       day,
            guint         start_minute,
            guint32       minutes)
{
  guint month = months ? month_index (months, day) : 0;

  if (excluded (occ->schedule, day))
    return;
  if (acc->skip_holidays && is_holiday (acc, day))
    return;

  switch (occ->unit)
    {
    case BESPOKE_UNIT_HOUR:
      for (guint q = 0; q < occ->quantity; q++)
        charge_hours (acc, month, day, start_minute, minutes);
      break;
    case BESPOKE_UNIT_NIGHT:
    case BESPOKE_UNIT_EACH:
      charge (acc, month, (i128) occ->quantity * 60, unit_rate (acc, day), 60);
      if (occ->unit == BESPOKE_UNIT_NIGHT && occ->disturbance_rate >= 0 && occ->disturbance_minutes > 0)
        acc->month_value[month] += (i128) occ->disturbance_minutes * occ->disturbance_rate * occ->quantity;
      break;
    case BESPOKE_UNIT_DAY:
      {
        /* every day the occurrence touches, once */
        guint32 last = day + (start_minute + MAX (minutes, 1u) - 1) / (24 * 60);
        for (guint32 d = MAX (day, occ->last_day_charged + 1); d <= last; d++)
          {
            guint m = months ? (d <= months->period_end ? month_index (months, d) : month) : 0;
            charge (acc, m, (i128) occ->quantity * 60, unit_rate (acc, d), 60);
          }
        occ->last_day_charged = MAX (occ->last_day_charged, last);
      }
      break;
    case BESPOKE_UNIT_WEEK:
    case BESPOKE_UNIT_MONTH:
    case BESPOKE_UNIT_YEAR:
    default:
      g_assert_not_reached ();
    }
}

static guint
days_in_month_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date));
}

/* Walks the schedule's real occurrences from `first` to `last`. */
static void
walk_calendar (Accumulator  *acc,
               Occurrences  *occ,
               const Months *months,
               guint32       first,
               guint32       last)
{
  const BespokeSchedule *s = occ->schedule;

  switch (s->kind)
    {
    case BESPOKE_SCHEDULE_NONE:
    case BESPOKE_SCHEDULE_QUANTITY:
      break;
    case BESPOKE_SCHEDULE_ONCE:
      if (s->date >= first && s->date <= last)
        occurrence (acc, occ, months, s->date, s->start_minute, s->duration_minutes);
      break;
    case BESPOKE_SCHEDULE_WEEKLY:
    case BESPOKE_SCHEDULE_NIGHTLY:
      {
        gint64 anchor_week = s->anchor ? (gint64) (s->anchor - 1) / 7 : 0;
        guint every = MAX (s->every_weeks, 1);

        for (guint32 day = first; day <= last; day++)
          {
            if (!(s->weekdays & (1u << (weekday_of (day) - 1))))
              continue;
            if (s->kind == BESPOKE_SCHEDULE_WEEKLY && every > 1)
              {
                gint64 diff = (gint64) (day - 1) / 7 - anchor_week;
                if (((diff % every) + every) % every != 0)
                  continue;
              }
            occurrence (acc, occ, months, day, s->start_minute, s->duration_minutes);
          }
      }
      break;
    case BESPOKE_SCHEDULE_MONTHLY:
      for (guint32 day = first; day <= last; )
        {
          guint dim = days_in_month_of (day);
          guint32 month_start;
          GDate d;
          guint target;

          g_date_clear (&d, 1);
          g_date_set_julian (&d, day);
          month_start = day - (g_date_get_day (&d) - 1);
          target = s->month_day == 0 ? dim : MIN (s->month_day, dim);
          if (month_start + target - 1 >= first && month_start + target - 1 <= last)
            occurrence (acc, occ, months, month_start + target - 1, s->start_minute, s->duration_minutes);
          day = month_start + dim;
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
postcode_matches (const char *postcode,
                  const char *areas)
{
  char area[3] = { 0 };
  g_auto(GStrv) list = NULL;

  if (postcode == NULL || areas == NULL)
    return FALSE;
  while (*postcode == ' ')
    postcode++;
  for (guint i = 0; i < 2 && g_ascii_isalpha (postcode[i]); i++)
    area[i] = g_ascii_toupper (postcode[i]);
  if (area[0] == '\0')
    return FALSE;

  list = g_strsplit (areas, ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *want = g_ascii_strup (g_strstrip (list[i]), -1);
      if (g_str_equal (want, area))
        return TRUE;
    }
  return FALSE;
}

static gboolean
premium_applies (BespokePerson  *person,
                 BespokeProduct *product)
{
  const char *group = bespoke_product_get_premium_client_group (product);
  const char *mine = person ? bespoke_person_get_client_group (person) : NULL;

  if (person == NULL)
    return FALSE;
  if (group != NULL && *group != '\0' && mine != NULL && g_ascii_strcasecmp (group, mine) == 0)
    return TRUE;
  return postcode_matches (bespoke_person_get_postcode (person), bespoke_product_get_premium_postcode_areas (product));
}

static gboolean
q_greater (Q a,
           Q b)
{
  return a.n * b.d > b.n * a.d;
}

/* Spreads a rounded line total over its months: each month rounded, then
 * the few pence of difference given to the months that rounding moved
 * furthest the other way, so that the months always add up to the line. */
static gboolean
split_months (const Q      *values,
              const Months *months,
              gint64        total,
              GArray       *out)
{
  guint n = months->n_months;
  g_autofree gint64 *rounded = g_new0 (gint64, n);
  gint64 sum = 0;
  gint64 diff;

  for (guint i = 0; i < n; i++)
    {
      if (!q_round (values[i], &rounded[i]))
        return FALSE;
      sum += rounded[i];
    }

  for (diff = total - sum; diff != 0; diff += diff > 0 ? -1 : 1)
    {
      guint best = 0;
      Q best_gap = Q_ZERO;

      for (guint i = 0; i < n; i++)
        {
          /* how much this month lost to rounding, in the direction we must move */
          Q gap = q_add (values[i], Q_INT (-(i128) rounded[i]));

          if (diff < 0)
            gap.n = -gap.n;
          if (i == 0 || q_greater (gap, best_gap))
            {
              best = i;
              best_gap = gap;
            }
        }
      rounded[best] += diff > 0 ? 1 : -1;
    }

  for (guint i = 0; i < n; i++)
    {
      BespokeMonthCost mc = { months->starts[i], rounded[i] };
      g_array_append_val (out, mc);
    }
  return TRUE;
}

/* ---- costing a line ---------------------------------------------------- */

/* Monday 8 January 2024: a week with no bank holiday in any nation, used as
 * the typical week of the week-based rules. */
#define TYPICAL_MONDAY 738893u

static guint
count_bits (guint8 mask)
{
  guint n = 0;
  for (; mask; mask &= (guint8) (mask - 1))
    n++;
  return n;
}

static guint32
days_between (guint32 first,
              guint32 last)
{
  return last >= first ? last - first + 1 : 0;
}

static guint
days_in_year_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_is_leap_year (g_date_get_year (&date)) ? 366 : 365;
}

/* A period that runs from a date to the day before the same date a year on
 * counts as exactly one year under the week-based rules. */
static Q
years_in_period (guint32 start,
                 guint32 end)
{
  GDate s, e;

  g_date_clear (&s, 1);
  g_date_clear (&e, 1);
  g_date_set_julian (&s, start);
  g_date_set_julian (&e, end);
  g_date_add_years (&s, 1);
  if (g_date_get_julian (&s) == end + 1)
    return Q_INT (1);
  return q_make (days_between (start, end), 365);
}

void
bespoke_line_cost_free (BespokeLineCost *self)
{
  if (self == NULL)
    return;
  g_free (self->line_uuid);
  g_free (self->description);
  g_free (self->schedule_summary);
  g_clear_pointer (&self->months, g_array_unref);
  g_free (self);
}

typedef struct
{
  Q *value;   /* pence, by month, before the line's factors */
  Q *units;   /* units charged, by month */
  Q  delivered;
} MonthValues;

/* Week, month and year units: the price pro rata by days over the window. */
static void
cost_periodic (const Months *months,
               guint32       first,
               guint32       last,
               BespokeUnit   unit,
               Q             per_period,   /* units per period */
               gint64        price,
               MonthValues  *mv)
{
  for (guint i = 0; i < months->n_months; i++)
    {
      guint32 from = MAX (first, months->starts[i]);
      guint32 to = MIN (last, month_last_day (months, i));
      guint32 days = days_between (from, to);
      Q fraction;

      if (days == 0)
        continue;
      if (unit == BESPOKE_UNIT_WEEK)
        fraction = q_make (days, 7);
      else if (unit == BESPOKE_UNIT_MONTH)
        fraction = q_make (days, days_in_month_of (from));
      else
        fraction = q_make (days, days_in_year_of (from));
      fraction = q_mul (fraction, per_period);
      mv->units[i] = q_add (mv->units[i], fraction);
      mv->value[i] = q_add (mv->value[i], q_mul (fraction, Q_INT (price)));
      mv->delivered = q_add (mv->delivered, fraction);
    }
}

/* The cost of a typical week (no bank holidays), pence before factors. */
static void
typical_week (Accumulator           *acc,
              Occurrences           *occ,
              const BespokeSchedule *s,
              BespokeUnit            unit,
              gint64                 price,
              Q                     *value,
              Q                     *units)
{
  i128 value_buf = 0, units_buf = 0;
  Q per_week = Q_ZERO;

  acc->ignore_holidays = TRUE;
  acc->month_value = &value_buf;
  acc->month_charged_units = &units_buf;

  if (unit == BESPOKE_UNIT_WEEK || unit == BESPOKE_UNIT_MONTH || unit == BESPOKE_UNIT_YEAR)
    {
      Q per = unit == BESPOKE_UNIT_WEEK ? Q_INT (1) : unit == BESPOKE_UNIT_MONTH ? q_make (12, 52) : q_make (1, 52);
      per = q_mul (per, Q_INT (occ->quantity));
      *units = per;
      *value = q_mul (per, Q_INT (price));
      return;
    }

  switch (s->kind)
    {
    case BESPOKE_SCHEDULE_WEEKLY:
    case BESPOKE_SCHEDULE_NIGHTLY:
      {
        BespokeSchedule weekly = *s;
        Occurrences o = *occ;

        weekly.every_weeks = 1;
        weekly.excluded = NULL;
        o.schedule = &weekly;
        walk_calendar (acc, &o, NULL, TYPICAL_MONDAY, TYPICAL_MONDAY + 6);
        per_week = q_make (1, s->kind == BESPOKE_SCHEDULE_WEEKLY ? MAX (s->every_weeks, 1) : 1);
      }
      break;
    case BESPOKE_SCHEDULE_MONTHLY:
      occurrence (acc, occ, NULL, TYPICAL_MONDAY, s->start_minute, s->duration_minutes);
      per_week = q_make (12, 52);
      break;
    case BESPOKE_SCHEDULE_QUANTITY:
      {
        Q q = q_make (s->quantity_hundredths, 100);
        if (s->per == BESPOKE_PER_MONTH)
          q = q_mul (q, q_make (12, 52));
        *units = q;
        *value = q_mul (q, Q_INT (price));
        return;
      }
    case BESPOKE_SCHEDULE_ONCE:
    case BESPOKE_SCHEDULE_NONE:
    default:
      break;
    }

  *value = q_mul (q_make (value_buf, 60), per_week);
  *units = q_mul (q_make (units_buf, 60), per_week);
}

static gint64
typical_week_minutes (const BespokeSchedule *s,
                      BespokeUnit            unit)
{
  Q minutes = Q_ZERO;
  gint64 out = 0;

  switch (s->kind)
    {
    case BESPOKE_SCHEDULE_WEEKLY:
      minutes = q_make ((i128) count_bits (s->weekdays) * s->duration_minutes, MAX (s->every_weeks, 1));
      break;
    case BESPOKE_SCHEDULE_NIGHTLY:
      minutes = Q_INT ((i128) count_bits (s->weekdays) * s->duration_minutes);
      break;
    case BESPOKE_SCHEDULE_MONTHLY:
      minutes = q_make ((i128) s->duration_minutes * 12, 52);
      break;
    case BESPOKE_SCHEDULE_QUANTITY:
      if (unit == BESPOKE_UNIT_HOUR)
        minutes = q_make ((i128) s->quantity_hundredths * 60 * (s->per == BESPOKE_PER_MONTH ? 12 : 52),
                          100 * 52);
      break;
    case BESPOKE_SCHEDULE_ONCE:
    case BESPOKE_SCHEDULE_NONE:
    default:
      break;
    }
  q_round (minutes, &out);
  return out;
}

/**
 * bespoke_costing_cost_line:
 * @person: (nullable): whose plan: their nation picks the bank holidays,
 *   their client group and postcode the premiums
 * @product: (nullable): the product of a paid line
 *
 * Costs one line over the plan's period under the plan's rule.
 */
gboolean
bespoke_costing_cost_line (BespokePlan         *plan,
                           BespokePerson       *person,
                           BespokeSupportLine  *line,
                           BespokeProduct      *product,
                           BespokeLineCost    **out,
                           GError             **error)
{
  g_autoptr(BespokeLineCost) lc = g_new0 (BespokeLineCost, 1);
  g_autoptr(BespokeSchedule) none = bespoke_schedule_new (BESPOKE_SCHEDULE_NONE);
  const BespokeSchedule *s = bespoke_support_line_get_schedule (line);
  guint32 period_start = julian_of (bespoke_plan_get_period_start (plan));
  guint32 period_end = julian_of (bespoke_plan_get_period_end (plan));
  BespokeAnnualisation rule = bespoke_plan_get_annualisation (plan);
  Months months;
  g_autofree Q *value = NULL;
  g_autofree Q *units = NULL;
  g_autofree Q *final = NULL;
  MonthValues mv;
  BespokeUnit unit;
  BespokeProductKind kind;
  gint64 price;
  guint quantity = MAX (bespoke_support_line_get_quantity (line), 1);
  guint32 first, last;
  Q total = Q_ZERO;
  Q factor;

  g_return_val_if_fail (BESPOKE_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (line), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (period_start == 0 || period_end == 0 || period_end < period_start)
    return bespoke_set_invalid (error, _("The plan’s period is not set, or it ends before it starts. Set both dates on the plan."));
  if (!months_init (&months, period_start, period_end, error))
    return FALSE;
  if (s == NULL)
    s = none;
  if (!bespoke_schedule_validate (s, error))
    return FALSE;

  lc->line_uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (line)));
  lc->description = g_strdup (bespoke_support_line_get_description (line));
  lc->schedule_summary = bespoke_schedule_describe (s);
  lc->paid = bespoke_support_line_get_support_type (line) == BESPOKE_SUPPORT_PAID;
  lc->funding = bespoke_support_line_get_funding (line);
  lc->unit = product ? bespoke_product_get_unit (product) : BESPOKE_UNIT_HOUR;
  lc->week_minutes = typical_week_minutes (s, lc->unit);
  lc->months = g_array_new (FALSE, TRUE, sizeof (BespokeMonthCost));

  if (!lc->paid)
    {
      for (guint i = 0; i < months.n_months; i++)
        {
          BespokeMonthCost mc = { months.starts[i], 0 };
          g_array_append_val (lc->months, mc);
        }
      *out = g_steal_pointer (&lc);
      return TRUE;
    }

  if (product == NULL)
    return bespoke_set_invalid (error, _("A paid support line has no product. Choose one from a provider’s menu."));

  unit = bespoke_product_get_unit (product);
  kind = bespoke_product_get_kind (product);
  price = bespoke_product_get_unit_price (product);
  lc->contingent = kind == BESPOKE_PRODUCT_ONE_OFF && bespoke_product_get_outcome_based (product);

  value = g_new0 (Q, months.n_months);
  units = g_new0 (Q, months.n_months);
  final = g_new0 (Q, months.n_months);
  for (guint i = 0; i < months.n_months; i++)
    value[i] = units[i] = Q_ZERO;
  mv = (MonthValues) { value, units, Q_ZERO };

  /* the window: the plan period, narrowed by the line's own term */
  first = MAX (period_start, s->term_start ? s->term_start : period_start);
  last = s->term_end ? MIN (period_end, s->term_end) : period_end;
  if (kind == BESPOKE_PRODUCT_DEFINED_TERM && s->term_end == 0 && bespoke_product_get_default_term_weeks (product) > 0)
    {
      guint32 term_start = s->term_start ? s->term_start : period_start;
      last = MIN (last, term_start + bespoke_product_get_default_term_weeks (product) * 7 - 1);
    }

  if (kind == BESPOKE_PRODUCT_ONE_OFF)
    {
      /* a fixed fee, once, on its date (or the start of the plan) */
      guint32 when = s->kind == BESPOKE_SCHEDULE_ONCE ? s->date : period_start;

      if (when >= period_start && when <= period_end)
        {
          guint m = month_index (&months, when);
          value[m] = Q_INT ((i128) price * quantity);
          units[m] = Q_INT (quantity);
          mv.delivered = Q_INT (quantity);
        }
    }
  else if (kind == BESPOKE_PRODUCT_DEFINED_TERM && unit == BESPOKE_UNIT_EACH && s->kind == BESPOKE_SCHEDULE_NONE)
    {
      /* a package for the whole term: only the part inside the period counts */
      guint32 term_start = s->term_start ? s->term_start : period_start;
      guint32 term_end = s->term_end ? s->term_end
                       : term_start + MAX (bespoke_product_get_default_term_weeks (product), 1) * 7 - 1;
      guint32 term_days = days_between (term_start, term_end);

      for (guint i = 0; i < months.n_months; i++)
        {
          guint32 days = days_between (MAX (first, months.starts[i]), MIN (last, month_last_day (&months, i)));
          Q share = q_make ((i128) days * quantity, term_days);

          value[i] = q_mul (share, Q_INT (price));
          units[i] = share;
          mv.delivered = q_add (mv.delivered, share);
        }
    }
  else if (rule != BESPOKE_ANNUALISATION_CALENDAR)
    {
      /* a typical week, times 52 or 365/7 a year, spread over the window by days */
      Accumulator acc = { 0 };
      Occurrences occ = { s, unit, quantity, bespoke_product_get_disturbance_rate (product),
                          bespoke_support_line_get_disturbance_minutes (line), 0 };
      Q week_value = Q_ZERO, week_units = Q_ZERO, weeks;
      guint32 window_days = days_between (first, last);

      acc.base = price;
      acc.rate_day = bespoke_product_get_rate_weekday_day (product);
      acc.rate_evening = bespoke_product_get_rate_weekday_evening (product);
      acc.rate_night = bespoke_product_get_rate_night (product);
      acc.rate_sat = bespoke_product_get_rate_saturday (product);
      acc.rate_sun = bespoke_product_get_rate_sunday (product);
      acc.rate_bh = -1;
      typical_week (&acc, &occ, s, unit, price, &week_value, &week_units);

      weeks = rule == BESPOKE_ANNUALISATION_52_WEEKS ? Q_INT (52) : q_make (365, 7);
      weeks = q_mul (weeks, years_in_period (period_start, period_end));
      if (window_days > 0)
        weeks = q_mul (weeks, q_make (window_days, days_between (period_start, period_end)));

      for (guint i = 0; i < months.n_months && window_days > 0; i++)
        {
          guint32 days = days_between (MAX (first, months.starts[i]), MIN (last, month_last_day (&months, i)));
          Q part = q_mul (weeks, q_make (days, window_days));

          value[i] = q_mul (week_value, part);
          units[i] = q_mul (week_units, part);
          mv.delivered = q_add (mv.delivered, units[i]);
        }
    }
  else if (unit == BESPOKE_UNIT_WEEK || unit == BESPOKE_UNIT_MONTH || unit == BESPOKE_UNIT_YEAR)
    cost_periodic (&months, first, last, unit, Q_INT (quantity), price, &mv);
  else if (s->kind == BESPOKE_SCHEDULE_QUANTITY)
    {
      /* so many units a week or a month, pro rata by days */
      Q per = q_mul (q_make (s->quantity_hundredths, 100), Q_INT (quantity));
      cost_periodic (&months, first, last, s->per == BESPOKE_PER_WEEK ? BESPOKE_UNIT_WEEK : BESPOKE_UNIT_MONTH,
                     per, price, &mv);
    }
  else
    {
      /* the calendar: every real occurrence in the window */
      g_autofree i128 *month_value = g_new0 (i128, months.n_months);
      g_autofree i128 *month_units = g_new0 (i128, months.n_months);
      BespokeBankHolidays choice = s->bank_holidays;
      Accumulator acc = { 0 };
      Occurrences occ = { s, unit, quantity, bespoke_product_get_disturbance_rate (product),
                          bespoke_support_line_get_disturbance_minutes (line), 0 };

      if (choice == BESPOKE_BANK_HOLIDAYS_DEFAULT)
        choice = bespoke_product_get_rate_bank_holiday (product) >= 0 ? BESPOKE_BANK_HOLIDAYS_RATE
                                                                       : BESPOKE_BANK_HOLIDAYS_NORMAL;
      acc.nation = person ? bespoke_person_get_nation (person) : BESPOKE_NATION_ENGLAND_AND_WALES;
      acc.holiday_rate = choice == BESPOKE_BANK_HOLIDAYS_RATE;
      acc.skip_holidays = choice == BESPOKE_BANK_HOLIDAYS_SKIP;
      acc.base = price;
      acc.rate_day = bespoke_product_get_rate_weekday_day (product);
      acc.rate_evening = bespoke_product_get_rate_weekday_evening (product);
      acc.rate_night = bespoke_product_get_rate_night (product);
      acc.rate_sat = bespoke_product_get_rate_saturday (product);
      acc.rate_sun = bespoke_product_get_rate_sunday (product);
      acc.rate_bh = bespoke_product_get_rate_bank_holiday (product);
      acc.free_left = bespoke_support_line_get_free_units (line) * (unit == BESPOKE_UNIT_HOUR ? 60u : 1u);
      acc.month_value = month_value;
      acc.month_charged_units = month_units;

      if (first <= last)
        walk_calendar (&acc, &occ, &months, first, last);

      for (guint i = 0; i < months.n_months; i++)
        {
          value[i] = q_make (month_value[i], 60);
          units[i] = q_make (month_units[i], 60);
        }
      mv.delivered = q_make (acc.units, 60);
    }

  /* the line's factors: premium, discounts, sharing */
  factor = Q_INT (1);
  if (premium_applies (person, product))
    factor = q_make (10000 + (i128) bespoke_product_get_premium_percent_bp (product), 10000);
  factor = q_mul (factor, q_make (10000 - (i128) bespoke_support_line_get_discount_bp (line), 10000));
  factor = q_mul (factor, q_make (10000 - (i128) bespoke_plan_get_discount_bp (plan), 10000));
  factor = q_mul (factor, q_make (1, MAX (bespoke_support_line_get_share_ratio (line), 1)));

  for (guint i = 0; i < months.n_months; i++)
    {
      Q v = value[i];

      if (premium_applies (person, product) && bespoke_product_get_premium_per_unit (product) > 0)
        v = q_add (v, q_mul (units[i], Q_INT (bespoke_product_get_premium_per_unit (product))));
      final[i] = q_mul (v, factor);
      total = q_add (total, final[i]);
    }

  if (!q_round (total, &lc->cost) ||
      !q_round (q_mul (mv.delivered, Q_INT (100)), &lc->units_hundredths) ||
      !split_months (final, &months, lc->cost, lc->months))
    return overflow (error);

  *out = g_steal_pointer (&lc);
  return TRUE;
}

/* ---- costing a plan ----------------------------------------------------- */

void
bespoke_cost_report_free (BespokeCostReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->bank_holidays, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

const char *
bespoke_costing_rule_text (BespokeAnnualisation rule)
{
  switch (rule)
    {
    case BESPOKE_ANNUALISATION_CALENDAR:
      return _("Calendar: every real occurrence in the plan period is counted, bank holidays included.");
    case BESPOKE_ANNUALISATION_52_WEEKS:
      return _("52 weeks: the cost of a typical week, times 52 a year; a line every N weeks counts 1/N.");
    case BESPOKE_ANNUALISATION_365_7_WEEKS:
      return _("365/7 weeks: the cost of a typical week, times 365/7 a year; a line every N weeks counts 1/N.");
    default:
      return "";
    }
}

static BespokeProduct *
find_product (GPtrArray  *products,
              const char *uuid)
{
  for (guint i = 0; products != NULL && uuid != NULL && i < products->len; i++)
    if (g_strcmp0 (bespoke_record_get_uuid (g_ptr_array_index (products, i)), uuid) == 0)
      return g_ptr_array_index (products, i);
  return NULL;
}

/**
 * bespoke_costing_cost_plan:
 * @lines: (element-type BespokeSupportLine)
 * @products: (element-type BespokeProduct): the products the lines use
 * @budgets: (element-type BespokeBudget)
 * @adjustments: (element-type BespokeAdjustment) (nullable)
 *
 * Returns: (transfer full): the plan's costs, totals, months and warnings.
 */
BespokeCostReport *
bespoke_costing_cost_plan (BespokePlan    *plan,
                           BespokePerson  *person,
                           GPtrArray      *lines,
                           GPtrArray      *products,
                           GPtrArray      *budgets,
                           GPtrArray      *adjustments,
                           GError        **error)
{
  g_autoptr(BespokeCostReport) report = g_new0 (BespokeCostReport, 1);
  gboolean budgeted[BESPOKE_FUNDING_NONE + 1] = { FALSE };
  gint64 against_budget = 0;
  Months months;

  g_return_val_if_fail (BESPOKE_IS_PLAN (plan), NULL);

  g_atomic_int_inc (&run_count);
  report->rule = bespoke_plan_get_annualisation (plan);
  report->nation = person ? bespoke_person_get_nation (person) : BESPOKE_NATION_ENGLAND_AND_WALES;
  report->period_start = julian_of (bespoke_plan_get_period_start (plan));
  report->period_end = julian_of (bespoke_plan_get_period_end (plan));
  report->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) bespoke_line_cost_free);
  report->months = g_array_new (FALSE, TRUE, sizeof (BespokeMonthCost));
  report->warnings = g_ptr_array_new_with_free_func (g_free);

  if (report->period_start == 0 || report->period_end < report->period_start)
    {
      bespoke_set_invalid (error, _("The plan’s period is not set, or it ends before it starts. Set both dates on the plan."));
      return NULL;
    }
  if (!months_init (&months, report->period_start, report->period_end, error))
    return NULL;
  for (guint i = 0; i < months.n_months; i++)
    {
      BespokeMonthCost mc = { months.starts[i], 0 };
      g_array_append_val (report->months, mc);
    }
  report->bank_holidays = bespoke_bank_holidays_between (report->nation, report->period_start, report->period_end);

  for (guint i = 0; budgets != NULL && i < budgets->len; i++)
    {
      BespokeBudget *b = g_ptr_array_index (budgets, i);
      if (!bespoke_money_add (report->budget, bespoke_budget_get_amount (b), &report->budget, error))
        return NULL;
      budgeted[bespoke_budget_get_source (b)] = TRUE;
    }

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      BespokeSupportLine *line = g_ptr_array_index (lines, i);
      BespokeProduct *product = find_product (products, bespoke_support_line_get_product_uuid (line));
      BespokeLineCost *lc = NULL;

      if (!bespoke_costing_cost_line (plan, person, line, product, &lc, error))
        {
          g_prefix_error (error, _("Line %u, “%s”: "), i + 1,
                          bespoke_support_line_get_description (line) ? bespoke_support_line_get_description (line) : "");
          return NULL;
        }
      g_ptr_array_add (report->lines, lc);

      if (lc->paid)
        report->paid_week_minutes += lc->week_minutes;
      else
        report->unpaid_week_minutes += lc->week_minutes;

      if (!lc->paid)
        continue;
      if (lc->contingent)
        {
          if (!bespoke_money_add (report->contingent, lc->cost, &report->contingent, error))
            return NULL;
          continue;
        }
      if (!bespoke_money_add (report->committed, lc->cost, &report->committed, error) ||
          !bespoke_money_add (report->committed_by_funding[lc->funding], lc->cost,
                              &report->committed_by_funding[lc->funding], error))
        return NULL;
      if (budgeted[lc->funding] && !bespoke_money_add (against_budget, lc->cost, &against_budget, error))
        return NULL;
      for (guint m = 0; m < lc->months->len; m++)
        g_array_index (report->months, BespokeMonthCost, m).amount += g_array_index (lc->months, BespokeMonthCost, m).amount;
    }

  for (guint i = 0; adjustments != NULL && i < adjustments->len; i++)
    {
      BespokeAdjustment *adj = g_ptr_array_index (adjustments, i);
      guint32 day = julian_of (bespoke_adjustment_get_date (adj));
      gint64 amount = bespoke_adjustment_get_amount (adj);

      if (day < report->period_start || day > report->period_end)
        continue;
      if (!bespoke_money_add (report->adjustments, amount, &report->adjustments, error) ||
          !bespoke_money_add (report->committed, amount, &report->committed, error) ||
          !bespoke_money_add (against_budget, amount, &against_budget, error))
        return NULL;
      g_array_index (report->months, BespokeMonthCost, month_index (&months, day)).amount += amount;
    }

  if (!bespoke_money_add (report->budget, -against_budget, &report->remaining, error))
    return NULL;

  /* warnings, in words */
  if (report->remaining < 0)
    {
      g_autofree char *over = bespoke_money_format (-report->remaining);
      g_ptr_array_add (report->warnings,
                       g_strdup_printf (_("Over budget: the plan costs %s more than the budget. Reduce paid support or find other funding."), over));
    }
  else if (report->budget > 0 && (i128) report->remaining * 10000 > (i128) report->budget * BESPOKE_UNSPENT_WARNING_BP)
    {
      g_autofree char *left = bespoke_money_format (report->remaining);
      g_ptr_array_add (report->warnings,
                       g_strdup_printf (_("%s (%d%%) of the budget is not planned yet."), left,
                                        (int) ((i128) report->remaining * 100 / report->budget)));
    }
  {
    GDate d;
    g_date_clear (&d, 1);
    g_date_set_julian (&d, report->period_start);
    if (!bespoke_bank_holidays_covers (g_date_get_year (&d)))
      g_ptr_array_add (report->warnings, g_strdup (_("Bespoke knows bank holidays for 2020 to 2032 only; none are counted outside those years.")));
    g_date_set_julian (&d, report->period_end);
    if (!bespoke_bank_holidays_covers (g_date_get_year (&d)) && report->warnings->len == 0)
      g_ptr_array_add (report->warnings, g_strdup (_("Bespoke knows bank holidays for 2020 to 2032 only; none are counted outside those years.")));
  }

  return g_steal_pointer (&report);
}

/**
 * bespoke_costing_get_run_count:
 *
 * How many times bespoke_costing_cost_plan() has run in this process, for
 * tests that count the work an edit causes.
 */
guint
bespoke_costing_get_run_count (void)
{
  return (guint) g_atomic_int_get (&run_count);
}

/* Adds the uuids of @records to @read, when there is one. */
static void
note_read (GHashTable *read,
           GPtrArray  *records)
{
  for (guint i = 0; read != NULL && records != NULL && i < records->len; i++)
    g_hash_table_add (read, g_strdup (bespoke_record_get_uuid (g_ptr_array_index (records, i))));
}

/**
 * bespoke_costing_report_read:
 * @read: (nullable): a set of uuids (strings it owns) to add every record
 *   read to, even when the costing fails, so that a watcher knows which
 *   changes concern the report
 *
 * bespoke_costing_report(), telling what it read.
 */
BespokeCostReport *
bespoke_costing_report_read (BespokeStore  *store,
                             const char    *plan_uuid,
                             GHashTable    *read,
                             GError       **error)
{
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GPtrArray) adjustments = NULL;
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  if (read != NULL && plan_uuid != NULL)
    g_hash_table_add (read, g_strdup (plan_uuid));
  if (!(plan = bespoke_store_load (store, BESPOKE_TYPE_PLAN, plan_uuid, error)))
    return NULL;
  if (read != NULL && bespoke_plan_get_person_uuid (plan) != NULL)
    g_hash_table_add (read, g_strdup (bespoke_plan_get_person_uuid (plan)));
  if (!(person = bespoke_store_load (store, BESPOKE_TYPE_PERSON, bespoke_plan_get_person_uuid (plan), error)) ||
      !(lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, plan_uuid, error)) ||
      !(budgets = bespoke_store_list (store, BESPOKE_TYPE_BUDGET, plan_uuid, error)) ||
      !(adjustments = bespoke_store_list (store, BESPOKE_TYPE_ADJUSTMENT, plan_uuid, error)))
    return NULL;
  note_read (read, lines);
  note_read (read, budgets);
  note_read (read, adjustments);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *uuid = bespoke_support_line_get_product_uuid (g_ptr_array_index (lines, i));
      BespokeProduct *product;

      if (uuid == NULL || find_product (products, uuid) != NULL)
        continue;
      if (read != NULL)
        g_hash_table_add (read, g_strdup (uuid));
      if (!(product = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT, uuid, error)))
        return NULL;
      g_ptr_array_add (products, product);
    }

  return bespoke_costing_cost_plan (plan, person, lines, products, budgets, adjustments, error);
}

/**
 * bespoke_costing_report:
 *
 * Reads a plan, its person, lines, products, budgets and adjustments from
 * the store and costs it.
 */
BespokeCostReport *
bespoke_costing_report (BespokeStore  *store,
                        const char    *plan_uuid,
                        GError       **error)
{
  return bespoke_costing_report_read (store, plan_uuid, NULL, error);
}
