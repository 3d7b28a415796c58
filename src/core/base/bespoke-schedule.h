/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BESPOKE_TYPE_SCHEDULE (bespoke_schedule_get_type ())

typedef enum
{
  BESPOKE_SCHEDULE_NONE,      /* no schedule yet */
  BESPOKE_SCHEDULE_ONCE,      /* on one date */
  BESPOKE_SCHEDULE_WEEKLY,    /* on weekdays, a start time and a duration, every N weeks */
  BESPOKE_SCHEDULE_NIGHTLY,   /* nights starting on a set of weekdays */
  BESPOKE_SCHEDULE_MONTHLY,   /* a day of the month, or the last day */
  BESPOKE_SCHEDULE_QUANTITY,  /* a quantity per week or per month, no fixed times */
} BespokeScheduleKind;

typedef enum
{
  BESPOKE_BANK_HOLIDAYS_DEFAULT,  /* the product's rate if it has one, else a normal day */
  BESPOKE_BANK_HOLIDAYS_SKIP,
  BESPOKE_BANK_HOLIDAYS_RATE,
  BESPOKE_BANK_HOLIDAYS_NORMAL,
} BespokeBankHolidays;

typedef enum
{
  BESPOKE_PER_WEEK,
  BESPOKE_PER_MONTH,
} BespokePer;

/* The longest one occurrence may last: 7 days.  Costing walks a plan's
 * days and occurrences, so this bounds the work of each (see the README's
 * "Limits"). */
#define BESPOKE_SCHEDULE_MAX_MINUTES (7 * 24 * 60)

/* Weekday bits, Monday first as in ISO 8601 and GDateWeekday. */
#define BESPOKE_WEEKDAY_BIT(gdate_weekday) (1u << ((gdate_weekday) - 1))
#define BESPOKE_WEEKDAYS_MON_FRI 0x1f
#define BESPOKE_WEEKDAYS_ALL     0x7f

/**
 * BespokeSchedule:
 *
 * When a support line happens.  A plain value: copy it, compare it,
 * serialise it; it has no identity.  Dates are Julian day numbers as in
 * GDate, 0 meaning "not set".
 */
typedef struct
{
  BespokeScheduleKind kind;
  guint32 date;              /* ONCE */
  guint8  weekdays;          /* WEEKLY, NIGHTLY */
  guint16 start_minute;      /* WEEKLY, ONCE; NIGHTLY, MONTHLY if timed: minutes after midnight */
  guint32 duration_minutes;  /* the same kinds: may cross midnight and span days */
  guint16 every_weeks;       /* WEEKLY: 1 = every week */
  guint32 anchor;            /* WEEKLY with every_weeks > 1: a date in an "on" week */
  guint8  month_day;         /* MONTHLY: 1..31, 0 = the last day */
  guint32 quantity_hundredths; /* QUANTITY: units per period, in hundredths */
  BespokePer per;            /* QUANTITY */
  guint32 term_start;        /* optional; defaults to the plan period */
  guint32 term_end;
  BespokeBankHolidays bank_holidays;
  GArray *excluded;          /* guint32 Julian days, sorted, or NULL */
} BespokeSchedule;

GType            bespoke_schedule_get_type    (void) G_GNUC_CONST;
BespokeSchedule *bespoke_schedule_new         (BespokeScheduleKind     kind);
BespokeSchedule *bespoke_schedule_copy        (const BespokeSchedule  *self);
void             bespoke_schedule_free        (BespokeSchedule        *self);
gboolean         bespoke_schedule_equal       (const BespokeSchedule  *a,
                                               const BespokeSchedule  *b);
void             bespoke_schedule_exclude     (BespokeSchedule        *self,
                                               guint32                 julian_day);
gboolean         bespoke_schedule_validate    (const BespokeSchedule  *self,
                                               GError                **error);
char            *bespoke_schedule_serialize   (const BespokeSchedule  *self);
BespokeSchedule *bespoke_schedule_parse       (const char             *text,
                                               GError                **error);
char            *bespoke_schedule_describe    (const BespokeSchedule  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeSchedule, bespoke_schedule_free)

G_END_DECLS
