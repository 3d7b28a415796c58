/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-date.h"
#include "bespoke-error.h"
#include "bespoke-format.h"
#include "bespoke-schedule.h"

G_DEFINE_BOXED_TYPE (BespokeSchedule, bespoke_schedule, bespoke_schedule_copy, bespoke_schedule_free)

static const char *kind_names[] = { "none", "once", "weekly", "nightly", "monthly", "quantity" };
static const char *bank_names[] = { "default", "skip", "rate", "normal" };
static const char *per_names[] = { "week", "month" };
static const char *day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

BespokeSchedule *
bespoke_schedule_new (BespokeScheduleKind kind)
{
  BespokeSchedule *self = g_new0 (BespokeSchedule, 1);

  self->kind = kind;
  self->every_weeks = 1;
  self->per = BESPOKE_PER_WEEK;
  return self;
}

BespokeSchedule *
bespoke_schedule_copy (const BespokeSchedule *self)
{
  BespokeSchedule *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  if (self->excluded != NULL)
    {
      copy->excluded = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->excluded->len);
      g_array_append_vals (copy->excluded, self->excluded->data, self->excluded->len);
    }
  return copy;
}

void
bespoke_schedule_free (BespokeSchedule *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->excluded, g_array_unref);
  g_free (self);
}

gboolean
bespoke_schedule_equal (const BespokeSchedule *a,
                        const BespokeSchedule *b)
{
  guint na, nb;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  na = a->excluded ? a->excluded->len : 0;
  nb = b->excluded ? b->excluded->len : 0;
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_array_index (a->excluded, guint32, i) != g_array_index (b->excluded, guint32, i))
      return FALSE;

  return a->kind == b->kind &&
         a->date == b->date &&
         a->weekdays == b->weekdays &&
         a->start_minute == b->start_minute &&
         a->duration_minutes == b->duration_minutes &&
         a->every_weeks == b->every_weeks &&
         a->anchor == b->anchor &&
         a->month_day == b->month_day &&
         a->quantity_hundredths == b->quantity_hundredths &&
         a->per == b->per &&
         a->term_start == b->term_start &&
         a->term_end == b->term_end &&
         a->bank_holidays == b->bank_holidays;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
  return x < y ? -1 : x > y;
}

/* Where @day is, or would go, in the sorted excluded days. */
static guint
excluded_position (const GArray *days,
                   guint32       day)
{
  guint lo = 0, hi = days->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (days, guint32, mid) < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * bespoke_schedule_exclude:
 *
 * Adds @julian_day to the days the schedule skips, kept sorted and without
 * repeats: a binary search, and no move at all for a day after the last.
 */
void
bespoke_schedule_exclude (BespokeSchedule *self,
                          guint32          julian_day)
{
  guint at;

  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_julian (julian_day));

  if (self->excluded == NULL)
    self->excluded = g_array_new (FALSE, FALSE, sizeof (guint32));
  at = excluded_position (self->excluded, julian_day);
  if (at < self->excluded->len && g_array_index (self->excluded, guint32, at) == julian_day)
    return;
  g_array_insert_val (self->excluded, at, julian_day);
}

/* Sorts the days gathered by the parser, once, and drops repeats. */
static void
sort_excluded (BespokeSchedule *self)
{
  guint kept = 0;

  if (self->excluded == NULL)
    return;
  g_array_sort (self->excluded, compare_days);
  for (guint i = 0; i < self->excluded->len; i++)
    if (kept == 0 || g_array_index (self->excluded, guint32, i) != g_array_index (self->excluded, guint32, kept - 1))
      g_array_index (self->excluded, guint32, kept++) = g_array_index (self->excluded, guint32, i);
  g_array_set_size (self->excluded, kept);
}

/* A day the text form can hold: bespoke_schedule_parse() reads dates with
 * bespoke_date_parse(), which takes the years 1900 to 2200 only. */
static gboolean
day_is_readable (guint32 julian)
{
  GDate date;
  g_autofree char *iso = NULL;

  if (!g_date_valid_julian (julian))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (!g_date_valid (&date))
    return FALSE;
  iso = bespoke_date_to_iso (&date);
  return bespoke_date_is_valid_iso (iso);
}

#define OUT_OF_YEARS N_("The schedule has a date outside the years Bespoke works with (1900 to 2200). Check the year.")
#define TOO_LONG N_("One visit lasts more than 7 days (168 h), the longest Bespoke costs. Give the length of one visit; a longer stay is several visits.")

/**
 * bespoke_schedule_validate:
 *
 * Checks what a person could get wrong in a schedule editor, and says how
 * to put it right.
 */
gboolean
bespoke_schedule_validate (const BespokeSchedule  *self,
                           GError                **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->duration_minutes > BESPOKE_SCHEDULE_MAX_MINUTES)
    return bespoke_set_invalid (error, _(TOO_LONG));

  switch (self->kind)
    {
    case BESPOKE_SCHEDULE_NONE:
      break;
    case BESPOKE_SCHEDULE_ONCE:
      if (!g_date_valid_julian (self->date))
        return bespoke_set_invalid (error, _("The schedule has no date. Choose the day it happens."));
      if (!day_is_readable (self->date))
        return bespoke_set_invalid (error, _(OUT_OF_YEARS));
      if (self->start_minute >= 24 * 60)
        return bespoke_set_invalid (error, _("The start time is not a time of day. Use a time from 00:00 to 23:59."));
      break;
    case BESPOKE_SCHEDULE_WEEKLY:
      if (self->duration_minutes == 0)
        return bespoke_set_invalid (error, _("The duration is zero. Give how long each visit lasts, e.g. 3 h."));
      if (self->every_weeks == 0)
        return bespoke_set_invalid (error, _("“Every 0 weeks” never happens. Use every 1 week or more."));
      if (self->every_weeks > 1 && !g_date_valid_julian (self->anchor))
        return bespoke_set_invalid (error, _("A schedule every few weeks needs a first date. Choose the first day it happens."));
      if (self->anchor != 0 && !day_is_readable (self->anchor))
        return bespoke_set_invalid (error, _(OUT_OF_YEARS));
      /* fall through */
    case BESPOKE_SCHEDULE_NIGHTLY:
      if ((self->weekdays & BESPOKE_WEEKDAYS_ALL) == 0)
        return bespoke_set_invalid (error, _("No days are chosen. Tick the days of the week it happens on."));
      if (self->start_minute >= 24 * 60)
        return bespoke_set_invalid (error, _("The start time is not a time of day. Use a time from 00:00 to 23:59."));
      break;
    case BESPOKE_SCHEDULE_MONTHLY:
      if (self->month_day > 31)
        return bespoke_set_invalid (error, _("A month has at most 31 days. Choose a day from 1 to 31, or the last day."));
      if (self->start_minute >= 24 * 60)
        return bespoke_set_invalid (error, _("The start time is not a time of day. Use a time from 00:00 to 23:59."));
      break;
    case BESPOKE_SCHEDULE_QUANTITY:
      if (self->quantity_hundredths == 0)
        return bespoke_set_invalid (error, _("The quantity is zero. Give how many hours or units a week or month."));
      break;
    default:
      return bespoke_set_invalid (error, _("The schedule is of an unknown kind."));
    }

  if ((self->term_start != 0 && !day_is_readable (self->term_start)) ||
      (self->term_end != 0 && !day_is_readable (self->term_end)))
    return bespoke_set_invalid (error, _(OUT_OF_YEARS));
  for (guint i = 0; self->excluded != NULL && i < self->excluded->len; i++)
    if (!day_is_readable (g_array_index (self->excluded, guint32, i)))
      return bespoke_set_invalid (error, _(OUT_OF_YEARS));
  if (self->term_start != 0 && self->term_end != 0 && self->term_end < self->term_start)
    return bespoke_set_invalid (error, _("The schedule ends before it starts. Change the end date or the start date."));

  return TRUE;
}

static void
append_day (GString    *out,
            const char *key,
            guint32     julian)
{
  GDate date;
  g_autofree char *iso = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  iso = bespoke_date_to_iso (&date);
  g_string_append_printf (out, ";%s=%s", key, iso);
}

/**
 * bespoke_schedule_serialize:
 *
 * Returns: a stable text form, e.g.
 *   "weekly;days=mon,tue;start=07:30;minutes=180;every=1;bank-holidays=default"
 *   that bespoke_schedule_parse() reads back to an equal value.
 */
char *
bespoke_schedule_serialize (const BespokeSchedule *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind <= BESPOKE_SCHEDULE_QUANTITY, NULL);

  out = g_string_new (kind_names[self->kind]);

  if (self->kind == BESPOKE_SCHEDULE_ONCE && self->date != 0)
    append_day (out, "date", self->date);
  if (self->kind == BESPOKE_SCHEDULE_WEEKLY || self->kind == BESPOKE_SCHEDULE_NIGHTLY)
    {
      gboolean first = TRUE;

      g_string_append (out, ";days=");
      for (guint i = 0; i < 7; i++)
        if (self->weekdays & (1u << i))
          {
            g_string_append_printf (out, "%s%s", first ? "" : ",", day_names[i]);
            first = FALSE;
          }
    }
  /* nights and monthly visits have times when they are paid by the hour
   * (a waking night); a plain sleep-in has none */
  if (self->kind == BESPOKE_SCHEDULE_WEEKLY || self->kind == BESPOKE_SCHEDULE_ONCE ||
      ((self->kind == BESPOKE_SCHEDULE_NIGHTLY || self->kind == BESPOKE_SCHEDULE_MONTHLY) &&
       (self->start_minute != 0 || self->duration_minutes != 0)))
    g_string_append_printf (out, ";start=%02u:%02u;minutes=%u",
                            self->start_minute / 60u, self->start_minute % 60u,
                            self->duration_minutes);
  if (self->kind == BESPOKE_SCHEDULE_WEEKLY)
    {
      g_string_append_printf (out, ";every=%u", self->every_weeks);
      if (self->anchor != 0)
        append_day (out, "anchor", self->anchor);
    }
  if (self->kind == BESPOKE_SCHEDULE_MONTHLY)
    g_string_append_printf (out, ";day=%u", self->month_day);
  if (self->kind == BESPOKE_SCHEDULE_QUANTITY)
    g_string_append_printf (out, ";quantity=%u.%02u;per=%s",
                            self->quantity_hundredths / 100u, self->quantity_hundredths % 100u,
                            per_names[self->per]);
  if (self->term_start != 0)
    append_day (out, "from", self->term_start);
  if (self->term_end != 0)
    append_day (out, "until", self->term_end);
  g_string_append_printf (out, ";bank-holidays=%s", bank_names[self->bank_holidays]);
  if (self->excluded != NULL && self->excluded->len > 0)
    for (guint i = 0; i < self->excluded->len; i++)
      append_day (out, "except", g_array_index (self->excluded, guint32, i));

  return g_string_free (out, FALSE);
}

static int
find_name (const char  *value,
           const char **names,
           guint        n_names)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (value, names[i]) == 0)
      return (int) i;
  return -1;
}

static gboolean
parse_uint (const char *value,
            guint64     max,
            guint64    *out)
{
  return g_ascii_string_to_unsigned (value, 10, 0, max, out, NULL);
}

static gboolean
parse_day (const char *value,
           guint32    *out)
{
  GDate date;

  if (!bespoke_date_parse (value, &date, NULL))
    return FALSE;
  *out = g_date_get_julian (&date);
  return TRUE;
}

/* One "key=value" of the text form into @self; FALSE if it cannot be read. */
static gboolean
parse_field (BespokeSchedule *self,
             const char      *key,
             const char      *value)
{
  guint64 n = 0;
  gboolean ok = FALSE;

  if (g_str_equal (key, "date"))
    ok = parse_day (value, &self->date);
  else if (g_str_equal (key, "anchor"))
    ok = parse_day (value, &self->anchor);
  else if (g_str_equal (key, "from"))
    ok = parse_day (value, &self->term_start);
  else if (g_str_equal (key, "until"))
    ok = parse_day (value, &self->term_end);
  else if (g_str_equal (key, "except"))
    {
      guint32 day;
      if ((ok = parse_day (value, &day)))
        {
          /* gathered, then sorted once: 50,000 of them stay quick */
          if (self->excluded == NULL)
            self->excluded = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_array_append_val (self->excluded, day);
        }
    }
  else if (g_str_equal (key, "days"))
    {
      g_auto(GStrv) days = g_strsplit (value, ",", -1);

      ok = TRUE;
      self->weekdays = 0;
      for (guint d = 0; days[d] != NULL && ok; d++)
        {
          int idx = find_name (days[d], day_names, 7);
          if (idx < 0)
            ok = *days[d] == '\0' && days[d + 1] == NULL && d == 0;
          else
            self->weekdays |= (guint8) (1u << idx);
        }
    }
  else if (g_str_equal (key, "start"))
    {
      guint64 h = 0, m = 0;
      g_auto(GStrv) hm = g_strsplit (value, ":", -1);

      ok = g_strv_length (hm) == 2 && parse_uint (hm[0], 23, &h) && parse_uint (hm[1], 59, &m);
      self->start_minute = (guint16) (h * 60 + m);
    }
  else if (g_str_equal (key, "minutes"))
    {
      ok = parse_uint (value, G_MAXUINT32, &n);
      self->duration_minutes = (guint32) n;
    }
  else if (g_str_equal (key, "every"))
    {
      ok = parse_uint (value, G_MAXUINT16, &n);
      self->every_weeks = (guint16) n;
    }
  else if (g_str_equal (key, "day"))
    {
      ok = parse_uint (value, 31, &n);
      self->month_day = (guint8) n;
    }
  else if (g_str_equal (key, "quantity"))
    {
      g_auto(GStrv) qp = g_strsplit (value, ".", -1);
      guint64 whole = 0, frac = 0;

      ok = g_strv_length (qp) == 2 && strlen (qp[1]) == 2 &&
           parse_uint (qp[0], G_MAXUINT32 / 100, &whole) && parse_uint (qp[1], 99, &frac);
      self->quantity_hundredths = (guint32) (whole * 100 + frac);
    }
  else if (g_str_equal (key, "per"))
    {
      int idx = find_name (value, per_names, G_N_ELEMENTS (per_names));
      if ((ok = idx >= 0))
        self->per = (BespokePer) idx;
    }
  else if (g_str_equal (key, "bank-holidays"))
    {
      int idx = find_name (value, bank_names, G_N_ELEMENTS (bank_names));
      if ((ok = idx >= 0))
        self->bank_holidays = (BespokeBankHolidays) idx;
    }
  return ok;
}

/* @text for a message: its first 200 bytes (whole characters), then "…" */
static char *
shortened (const char *text)
{
  const char *end = text;

  while (*end != '\0' && end - text < 200)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (text);
  {
    g_autofree char *head = g_strndup (text, (gsize) (end - text));
    return g_strconcat (head, "…", NULL);
  }
}

/**
 * bespoke_schedule_parse:
 *
 * Reads the text form written by bespoke_schedule_serialize().  Anything it
 * does not understand is an error; nothing is guessed.
 */
BespokeSchedule *
bespoke_schedule_parse (const char  *text,
                        GError     **error)
{
  g_autoptr(BespokeSchedule) self = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *canonical = NULL;
  int kind;

  g_return_val_if_fail (text != NULL, NULL);

  parts = g_strsplit (text, ";", -1);
  kind = find_name (parts[0], kind_names, G_N_ELEMENTS (kind_names));
  if (kind < 0)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("“%s” is not a kind of schedule Bespoke knows."), parts[0] ? parts[0] : "");
      return NULL;
    }

  self = bespoke_schedule_new ((BespokeScheduleKind) kind);
  for (guint i = 1; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      g_autofree char *key = NULL;
      gboolean ok;

      if (eq == NULL)
        goto bad;
      key = g_strndup (parts[i], (gsize) (eq - parts[i]));
      ok = parse_field (self, key, eq + 1);
      if (!ok)
        goto bad;
      continue;

    bad:
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("The schedule “%s” has a part Bespoke cannot read: “%s”."), text, parts[i]);
      return NULL;
    }

  sort_excluded (self);
  if (!bespoke_schedule_validate (self, error))
    return NULL;

  /* Strict: the text must be exactly what bespoke_schedule_serialize()
   * writes for the value read, so that it round-trips.  A field that does
   * not belong to the kind, "19:0", "060", a repeated or unsorted "except"
   * are all refused rather than silently dropped or rewritten. */
  canonical = bespoke_schedule_serialize (self);
  if (!g_str_equal (canonical, text))
    {
      g_autofree char *given = shortened (text);
      g_autofree char *wanted = shortened (canonical);

      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("The schedule “%s” is not written the way Bespoke writes one: it has a part that does not belong to a “%s” schedule, or one written differently. Bespoke would write it “%s”."),
                   given, kind_names[self->kind], wanted);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static void
describe_days (GString *out,
               guint8   weekdays)
{
  char *short_days[7];
  gboolean first = TRUE;
  guint i = 0;

  if (weekdays == BESPOKE_WEEKDAYS_ALL)
    {
      g_string_append (out, _("Every day"));
      return;
    }
  for (guint d = 0; d < 7; d++)
    short_days[d] = bespoke_date_weekday_short (d);

  /* runs of three or more consecutive days are written as a range */
  while (i < 7)
    {
      guint j;

      if (!(weekdays & (1u << i)))
        {
          i++;
          continue;
        }
      for (j = i; j + 1 < 7 && (weekdays & (1u << (j + 1))); j++)
        ;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      if (j - i >= 2)
        g_string_append_printf (out, "%s–%s", short_days[i], short_days[j]);
      else if (j > i)
        g_string_append_printf (out, "%s, %s", short_days[i], short_days[j]);
      else
        g_string_append (out, short_days[i]);
      i = j + 1;
    }
  for (guint d = 0; d < 7; d++)
    g_free (short_days[d]);
}

/**
 * bespoke_schedule_describe:
 *
 * Returns: a sentence fragment for people, e.g. "Mon–Fri, 07:30 for 3 h" or
 *   "every 4th weekend from Fri 18:00, 48 h".
 */
char *
bespoke_schedule_describe (const BespokeSchedule *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case BESPOKE_SCHEDULE_NONE:
      g_string_append (out, _("No schedule yet"));
      break;
    case BESPOKE_SCHEDULE_ONCE:
      {
        GDate date;
        g_autofree char *iso = NULL;
        g_autofree char *when = NULL;

        g_date_clear (&date, 1);
        if (g_date_valid_julian (self->date))
          {
            g_date_set_julian (&date, self->date);
            iso = bespoke_date_to_iso (&date);
            when = bespoke_date_format_long (iso);
          }
        g_string_append_printf (out, _("Once, on %s"), when ? when : _("a date to be set"));
      }
      break;
    case BESPOKE_SCHEDULE_WEEKLY:
      {
        gboolean weekend = self->every_weeks > 1 && (self->weekdays & 0x10) &&
                           self->duration_minutes >= 24 * 60 &&
                           (self->weekdays & ~0x10) == 0;

        if (self->every_weeks > 1)
          {
            if (self->every_weeks == 2)
              g_string_append (out, weekend ? _("every other weekend") : _("every other week"));
            else if (self->every_weeks == 3)
              g_string_append (out, weekend ? _("every 3rd weekend") : _("every 3rd week"));
            else
              {
                guint n = self->every_weeks;
                /* English ordinals: 4th, 11th–13th, 21st, 22nd, 23rd, 101st */
                const char *suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" :
                                     n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";

                g_string_append_printf (out, weekend ? _("every %u%s weekend") : _("every %u%s week"),
                                        n, suffix);
              }
            g_string_append (out, weekend ? _(" from ") : _(", "));
          }
        describe_days (out, self->weekdays);
        if (weekend)
          g_string_append_printf (out, " %02u:%02u, ", self->start_minute / 60u, self->start_minute % 60u);
        else
          g_string_append_printf (out, _(", %02u:%02u for "), self->start_minute / 60u, self->start_minute % 60u);
        bespoke_format_append_hours (out, self->duration_minutes, BESPOKE_HOURS_SHORT);
      }
      break;
    case BESPOKE_SCHEDULE_NIGHTLY:
      g_string_append (out, _("Nights: "));
      describe_days (out, self->weekdays);
      break;
    case BESPOKE_SCHEDULE_MONTHLY:
      if (self->month_day == 0)
        g_string_append (out, _("Monthly, on the last day"));
      else
        g_string_append_printf (out, _("Monthly, on day %u"), self->month_day);
      break;
    case BESPOKE_SCHEDULE_QUANTITY:
      {
        g_autofree char *quantity = bespoke_format_hundredths (self->quantity_hundredths);

        /* Translators: %s is a quantity such as 7.50 */
        g_string_append_printf (out, self->per == BESPOKE_PER_WEEK ? _("%s a week") : _("%s a month"), quantity);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  return g_string_free (out, FALSE);
}
