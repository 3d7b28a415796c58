/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-costing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-date.h"
#include "bespoke-error.h"
#include "bespoke-costing-private.h"

/* The plan period: dates, its months, units priced by the week, month or
 * year pro rata by days, and a rounded total spread over the months. */

gboolean
bespoke_costing_overflow (GError **error)
{
  g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_OVERFLOW,
                       _("The cost is too large for Bespoke to hold. Check the prices and quantities for a mistyped figure."));
  return FALSE;
}

guint32
bespoke_costing_julian_of (const char *iso)
{
  GDate date;

  if (!bespoke_date_parse (iso, &date, NULL))
    return 0;
  return g_date_get_julian (&date);
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

/* The period is at most five years: it ends before the day five years
 * after it starts (so it touches at most 61 calendar months). */
static gboolean
within_five_years (guint32 start,
                   guint32 end)
{
  GDate limit;

  g_date_clear (&limit, 1);
  g_date_set_julian (&limit, start);
  g_date_add_years (&limit, 5);
  return end < g_date_get_julian (&limit);
}

gboolean
bespoke_costing_months_init (Months  *m,
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
  if (!within_five_years (start, end) || m->n_months > G_N_ELEMENTS (m->starts))
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
Q
bespoke_costing_years_in_period (guint32 start,
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

/* Week, month and year units: the price pro rata by days over the window. */
void
bespoke_costing_cost_periodic (const Months *months,
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

/* Spreads a rounded line total over its months: each month rounded, then
 * the few pence of difference given to the months that rounding moved
 * furthest the other way, so that the months always add up to the line. */
gboolean
bespoke_costing_split_months (const Q      *values,
                              const Months *months,
                              gint64        total,
                              GArray       *out)
{
  guint n = months->n_months;
  g_autofree gint64 *rounded = g_new0 (gint64, n);
  gint64 sum = 0;
  gint64 diff;

  for (guint i = 0; i < n; i++)
    if (!q_round (values[i], &rounded[i]) || __builtin_add_overflow (sum, rounded[i], &sum))
      return FALSE;

  /* each month's rounding moves it by at most half a penny */
  if (__builtin_sub_overflow (total, sum, &diff) || diff > (gint64) n || diff < -(gint64) n)
    return FALSE;
  for (; diff != 0; diff += diff > 0 ? -1 : 1)
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

