/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-costing"

#include "config.h"

#include "bespoke-bank-holidays.h"
#include "bespoke-costing-private.h"

/* Time bands, rates and occurrences: the walk over a schedule's real
 * occurrences (the calendar rule) and the typical week (the week-based
 * rules and "just enough support"). */

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
  gboolean             overflow;       /* a sum above would have wrapped */
  i128                 week_value;     /* a typical week's month_value */
  i128                 week_units;     /* and its month_charged_units */
  guint                work;           /* days walked and pieces charged */
} Accumulator;

/* Costing's work, counted for the tests: a day walked or a piece of an
 * occurrence charged.  It grows with the plan's days and occurrences,
 * never with a quantity or a duration. */
static gint work_count;

guint
bespoke_costing_get_work_count (void)
{
  return (guint) g_atomic_int_get (&work_count);
}

/* *sum += a × b, or the overflow noted.  (A product of a 32-bit and a
 * 64-bit number cannot overflow 128 bits: only the sum is checked then,
 * which keeps the hot loop quick.) */
static inline void
add_product (Accumulator *acc,
             i128        *sum,
             i128         a,
             i128         b)
{
  i128 product;

  if (a >= G_MININT32 && a <= G_MAXINT32 && b >= G_MININT64 && b <= G_MAXINT64)
    product = a * b;
  else if (__builtin_mul_overflow (a, b, &product))
    {
      acc->overflow = TRUE;
      return;
    }
  if (__builtin_add_overflow (*sum, product, sum))
    acc->overflow = TRUE;
}

static void
count_work (Accumulator *acc)
{
  g_atomic_int_add (&work_count, (gint) acc->work);
  acc->work = 0;
}

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
           gboolean     holiday,   /* is_holiday (acc, julian), looked up once a day */
           guint        minute)
{
  guint wd = weekday_of (julian);
  gint64 band;

  if (acc->holiday_rate && acc->rate_bh >= 0 && holiday)
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

/* Charges @units (minutes, or counts × 60) at @rate, less those of them
 * still free (@free_units, already taken from acc->free_left). */
static void
charge_less_free (Accumulator *acc,
                  guint        month,
                  i128         units,
                  i128         free_units,
                  gint64       rate)
{
  acc->work++;
  if (__builtin_add_overflow (acc->units, units, &acc->units))
    acc->overflow = TRUE;
  add_product (acc, &acc->month_value[month], units - free_units, rate);
  if (__builtin_add_overflow (acc->month_charged_units[month], units - free_units, &acc->month_charged_units[month]))
    acc->overflow = TRUE;
}

static void
charge (Accumulator *acc,
        guint        month,
        i128         units,   /* minutes, or counts × 60 */
        gint64       rate,
        i128         unit_scale)  /* 1 for minutes, 60 for counts */
{
  i128 free_now = 0;

  if (acc->free_left > 0)
    {
      i128 whole = units / unit_scale;
      free_now = MIN ((i128) acc->free_left, whole);
      acc->free_left -= (guint64) free_now;
      free_now *= unit_scale;
    }
  charge_less_free (acc, month, units, free_now, rate);
}

/* An hourly occurrence, @quantity times over: split at 06:00, 20:00 and
 * midnight, each piece charged once for all @quantity.  Free minutes go as
 * they would one copy after another: whole copies first, then the first
 * minutes of the next. */
static void
charge_hours (Accumulator *acc,
              guint        month,
              guint32      day,
              guint        start_minute,
              guint32      minutes,
              guint        quantity)
{
  guint minute = start_minute;
  guint64 free_copies = 0, free_partial = 0;
  gboolean holiday = acc->holiday_rate && acc->rate_bh >= 0 && is_holiday (acc, day);

  if (acc->free_left > 0 && minutes > 0)
    {
      free_copies = MIN ((guint64) quantity, acc->free_left / minutes);
      acc->free_left -= free_copies * minutes;
      if (free_copies < quantity)
        {
          free_partial = MIN (acc->free_left, (guint64) minutes);
          acc->free_left -= free_partial;
        }
    }

  while (minutes > 0)
    {
      guint boundary = minute < 6 * 60 ? 6 * 60 : minute < 20 * 60 ? 20 * 60 : 24 * 60;
      guint32 chunk = MIN (minutes, boundary - minute);
      guint64 partial = MIN (free_partial, (guint64) chunk);

      free_partial -= partial;
      charge_less_free (acc, month, (i128) chunk * quantity, (i128) chunk * free_copies + partial,
                        hour_rate (acc, day, holiday, minute));
      minutes -= chunk;
      minute += chunk;
      if (minute == 24 * 60)
        {
          minute = 0;
          day++;
          holiday = acc->holiday_rate && acc->rate_bh >= 0 && minutes > 0 && is_holiday (acc, day);
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

/* The excluded days are kept sorted: a binary search. */
static gboolean
excluded (const BespokeSchedule *s,
          guint32                day)
{
  guint lo = 0, hi;

  if (s->excluded == NULL)
    return FALSE;
  hi = s->excluded->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint32 here = g_array_index (s->excluded, guint32, mid);

      if (here == day)
        return TRUE;
      if (here < day)
        lo = mid + 1;
      else
        hi = mid;
    }
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
      charge_hours (acc, month, day, start_minute, minutes, occ->quantity);
      break;
    case BESPOKE_UNIT_NIGHT:
    case BESPOKE_UNIT_EACH:
      charge (acc, month, (i128) occ->quantity * 60, unit_rate (acc, day), 60);
      if (occ->unit == BESPOKE_UNIT_NIGHT && occ->disturbance_rate >= 0 && occ->disturbance_minutes > 0)
        add_product (acc, &acc->month_value[month], (i128) occ->disturbance_minutes * occ->quantity,
                     occ->disturbance_rate);
      break;
    case BESPOKE_UNIT_DAY:
      {
        /* every day the occurrence touches, once (in 64 bits: no sum of a
         * start and a duration wraps) */
        guint32 last = day + (guint32) (((guint64) start_minute + MAX (minutes, 1u) - 1) / (24 * 60));
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
            acc->work++;
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

          acc->work++;
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
  Q per_week = Q_ZERO;

  acc->ignore_holidays = TRUE;
  acc->week_value = acc->week_units = 0;
  acc->month_value = &acc->week_value;
  acc->month_charged_units = &acc->week_units;

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

  *value = acc->overflow ? Q_OVERFLOW : q_mul (q_make (acc->week_value, 60), per_week);
  *units = acc->overflow ? Q_OVERFLOW : q_mul (q_make (acc->week_units, 60), per_week);
}

gint64
bespoke_costing_typical_week_minutes (const BespokeSchedule *s,
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

/* a typical week, times 52 or 365/7 a year, spread over the window by days */
void
bespoke_costing_value_week_rule (const CostingLine *c,
                                 MonthValues       *mv)
{
  BespokeSupportLine *line = c->line;
  BespokeProduct *product = c->product;
  const BespokeSchedule *s = c->s;
  const Months *months = &c->months;
  guint32 period_start = c->period_start;
  guint32 period_end = c->period_end;
  guint32 first = c->first;
  guint32 last = c->last;
  BespokeAnnualisation rule = c->rule;
  BespokeUnit unit = c->unit;
  gint64 price = c->price;
  guint quantity = c->quantity;
  Q *value = mv->value;
  Q *units = mv->units;
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
  count_work (&acc);

  weeks = rule == BESPOKE_ANNUALISATION_52_WEEKS ? Q_INT (52) : q_make (365, 7);
  weeks = q_mul (weeks, bespoke_costing_years_in_period (period_start, period_end));
  if (window_days > 0)
    weeks = q_mul (weeks, q_make (window_days, days_between (period_start, period_end)));

  for (guint i = 0; i < months->n_months && window_days > 0; i++)
    {
      guint32 days = days_between (MAX (first, months->starts[i]), MIN (last, month_last_day (months, i)));
      Q part = q_mul (weeks, q_make (days, window_days));

      value[i] = q_mul (week_value, part);
      units[i] = q_mul (week_units, part);
      mv->delivered = q_add (mv->delivered, units[i]);
    }
}

/* the calendar: every real occurrence in the window */
void
bespoke_costing_value_calendar (const CostingLine *c,
                                MonthValues       *mv)
{
  BespokePerson *person = c->person;
  BespokeSupportLine *line = c->line;
  BespokeProduct *product = c->product;
  const BespokeSchedule *s = c->s;
  const Months *months = &c->months;
  guint32 first = c->first;
  guint32 last = c->last;
  BespokeUnit unit = c->unit;
  gint64 price = c->price;
  guint quantity = c->quantity;
  Q *value = mv->value;
  Q *units = mv->units;
  g_autofree i128 *month_value = g_new0 (i128, months->n_months);
  g_autofree i128 *month_units = g_new0 (i128, months->n_months);
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
    walk_calendar (&acc, &occ, months, first, last);
  count_work (&acc);

  for (guint i = 0; i < months->n_months; i++)
    {
      value[i] = acc.overflow ? Q_OVERFLOW : q_make (month_value[i], 60);
      units[i] = acc.overflow ? Q_OVERFLOW : q_make (month_units[i], 60);
    }
  mv->delivered = acc.overflow ? Q_OVERFLOW : q_make (acc.units, 60);
}
