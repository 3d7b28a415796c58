/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-costing.h"

G_BEGIN_DECLS

/* Shared by the costing's own files, not part of the public API:
 *   bespoke-costing.c          one line: its window, kind, factors and rounding
 *   bespoke-costing-bands.c    time bands, rates and occurrences: the calendar
 *                              walk and the typical week
 *   bespoke-costing-period.c   the plan period: dates, months, units by days,
 *                              and spreading a rounded total over the months
 *   bespoke-costing-report.c   a whole plan, its totals and warnings; reading it
 *                              from the store */

/* ---- exact arithmetic ---------------------------------------------------
 *
 * Amounts are rationals of 128-bit integers, reduced as they go.  The hot
 * loops add plain integers (pence × minutes); rationals appear only once
 * per month of a line, where the per-line factors (hours, sharing,
 * premiums, discounts, pro rata) are applied.
 *
 * Every operation is checked: one that would overflow gives Q_OVERFLOW (a
 * zero denominator), which every later operation passes on and q_round()
 * refuses, so that an overflow is an error, never a wrap. */

typedef __int128 i128;

typedef struct
{
  i128 n;
  i128 d;  /* > 0; 0 after an overflow */
} Q;

#define Q_ZERO ((Q) { 0, 1 })
#define Q_INT(x) ((Q) { (x), 1 })
#define Q_OVERFLOW ((Q) { 0, 0 })
#define I128_MIN ((i128) ((unsigned __int128) 1 << 127))

static inline gboolean
q_ok (Q q)
{
  return q.d != 0;
}

static inline i128
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

static inline Q
q_make (i128 n,
        i128 d)
{
  i128 g;

  /* a zero denominator is an earlier overflow (or a division by nothing):
   * either way, no value */
  if (d == 0 || n == I128_MIN || d == I128_MIN)
    return Q_OVERFLOW;
  if (d < 0)
    {
      n = -n;
      d = -d;
    }
  g = gcd128 (n, d);
  return (Q) { n / g, d / g };
}

static inline Q
q_add (Q a,
       Q b)
{
  i128 x, y, n, d;

  if (!q_ok (a) || !q_ok (b))
    return Q_OVERFLOW;
  if (a.d == b.d)
    return __builtin_add_overflow (a.n, b.n, &n) ? Q_OVERFLOW : q_make (n, a.d);
  if (__builtin_mul_overflow (a.n, b.d, &x) || __builtin_mul_overflow (b.n, a.d, &y) ||
      __builtin_add_overflow (x, y, &n) || __builtin_mul_overflow (a.d, b.d, &d))
    return Q_OVERFLOW;
  return q_make (n, d);
}

static inline Q
q_mul (Q a,
       Q b)
{
  Q x, y;
  i128 n, d;

  if (!q_ok (a) || !q_ok (b))
    return Q_OVERFLOW;
  x = q_make (a.n, b.d);
  y = q_make (b.n, a.d);
  if (__builtin_mul_overflow (x.n, y.n, &n) || __builtin_mul_overflow (x.d, y.d, &d))
    return Q_OVERFLOW;
  return q_make (n, d);
}

/* Rounds half away from zero, the one rounding rule; FALSE on overflow. */
static inline gboolean
q_round (Q       q,
         gint64 *out)
{
  i128 whole, rest;

  if (!q_ok (q))
    return FALSE;
  whole = q.n / q.d;
  rest = q.n % q.d;
  if (rest < 0)
    rest = -rest;
  if (rest >= q.d - rest)
    whole += q.n < 0 ? -1 : 1;
  if (whole > G_MAXINT64 || whole < G_MININT64)
    return FALSE;
  *out = (gint64) whole;
  return TRUE;
}

/* a > b; both must be values (not overflows) */
static inline gboolean
q_greater (Q a,
           Q b)
{
  i128 x, y;

  if (__builtin_mul_overflow (a.n, b.d, &x) || __builtin_mul_overflow (b.n, a.d, &y))
    return (long double) a.n / (long double) a.d > (long double) b.n / (long double) b.d;
  return x > y;
}

/* ---- dates ------------------------------------------------------------ */

/* 1 = Monday … 7 = Sunday; GDate's Julian day 1 (1 January 1) was a Monday */
static inline guint
weekday_of (guint32 julian)
{
  return (julian - 1) % 7 + 1;
}

static inline void
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

static inline guint32
days_between (guint32 first,
              guint32 last)
{
  return last >= first ? last - first + 1 : 0;
}

static inline guint
days_in_month_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date));
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

static inline guint
month_index (const Months *m,
             guint32       julian)
{
  guint y, mo;

  month_of (julian, &y, &mo);
  return (y - m->first_year) * 12 + mo - m->first_month;
}

static inline guint32
month_last_day (const Months *m,
                guint         i)
{
  return i + 1 < m->n_months ? m->starts[i + 1] - 1 : m->period_end;
}

/* ---- one line ---------------------------------------------------------- */

typedef struct
{
  Q *value;   /* pence, by month, before the line's factors */
  Q *units;   /* units charged, by month */
  Q  delivered;
} MonthValues;

/* What costing one line needs to know, worked out once. */
typedef struct
{
  BespokePlan           *plan;
  BespokePerson         *person;        /* nullable */
  BespokeSupportLine    *line;
  BespokeProduct        *product;
  const BespokeSchedule *s;
  BespokeAnnualisation   rule;
  Months                 months;
  guint32                period_start;
  guint32                period_end;
  guint32                first;         /* the window: the period, narrowed by the line's term */
  guint32                last;
  BespokeUnit            unit;
  BespokeProductKind     kind;
  gint64                 price;
  guint                  quantity;
} CostingLine;

/* bespoke-costing-bands.c */
gint64   bespoke_costing_typical_week_minutes (const BespokeSchedule *s,
                                               BespokeUnit            unit);
void     bespoke_costing_value_week_rule      (const CostingLine     *c,
                                               MonthValues           *mv);
void     bespoke_costing_value_calendar       (const CostingLine     *c,
                                               MonthValues           *mv);

/* bespoke-costing-period.c */
gboolean bespoke_costing_overflow             (GError               **error);
guint32  bespoke_costing_julian_of            (const char            *iso);
gboolean bespoke_costing_months_init          (Months                *m,
                                               guint32                start,
                                               guint32                end,
                                               GError               **error);
Q        bespoke_costing_years_in_period      (guint32                start,
                                               guint32                end);
void     bespoke_costing_cost_periodic        (const Months          *months,
                                               guint32                first,
                                               guint32                last,
                                               BespokeUnit            unit,
                                               Q                      per_period,
                                               gint64                 price,
                                               MonthValues           *mv);
gboolean bespoke_costing_split_months         (const Q               *values,
                                               const Months          *months,
                                               gint64                 total,
                                               GArray                *out);

/* bespoke-costing-report.c */
BespokeCostReport *bespoke_costing_report_read (BespokeStore  *store,
                                                const char    *plan_uuid,
                                                GHashTable    *read,
                                                GError       **error);

G_END_DECLS
