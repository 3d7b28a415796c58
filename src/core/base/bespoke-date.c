/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bespoke-date.h"
#include "bespoke-error.h"

/**
 * bespoke_date_parse:
 * @iso: a date written YYYY-MM-DD
 *
 * Returns: %TRUE and fills @out if @iso is a real calendar date.
 */
gboolean
bespoke_date_parse (const char  *iso,
                    GDate       *out,
                    GError     **error)
{
  guint y = 0, m = 0, d = 0;

  if (iso != NULL && strlen (iso) == 10 &&
      g_ascii_isdigit (iso[0]) && g_ascii_isdigit (iso[1]) &&
      g_ascii_isdigit (iso[2]) && g_ascii_isdigit (iso[3]) && iso[4] == '-' &&
      g_ascii_isdigit (iso[5]) && g_ascii_isdigit (iso[6]) && iso[7] == '-' &&
      g_ascii_isdigit (iso[8]) && g_ascii_isdigit (iso[9]))
    {
      y = (guint) g_ascii_strtoull (iso, NULL, 10);
      m = (guint) g_ascii_strtoull (iso + 5, NULL, 10);
      d = (guint) g_ascii_strtoull (iso + 8, NULL, 10);
    }

  if (y < 1900 || y > 2200 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("“%s” is not a date. Write it as year-month-day, e.g. 2027-01-31."),
                   iso ? iso : "");
      return FALSE;
    }

  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
bespoke_date_is_valid_iso (const char *iso)
{
  return bespoke_date_parse (iso, NULL, NULL);
}

char *
bespoke_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * bespoke_date_format_long:
 *
 * Returns: the UK style "23 November 2026", or %NULL for an invalid date.
 */
char *
bespoke_date_format_long (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (!bespoke_date_parse (iso, &date, NULL))
    return NULL;

  /* the locale's own month names, from GLib (genitive where a language
   * needs it after a day) */
  when = g_date_time_new_utc ((int) g_date_get_year (&date), (int) g_date_get_month (&date),
                              (int) g_date_get_day (&date), 12, 0, 0);
  /* Translators: a date in text, "23 November 2026"; see g_date_time_format()
   * for the codes: %-d the day without padding, %B the month's name, %Y the year */
  return g_date_time_format (when, _("%-d %B %Y"));
}

/**
 * bespoke_date_weekday_short:
 * @monday_based: 0 for Monday … 6 for Sunday
 *
 * Returns: the locale's short name of the day, "Mon" in English, from
 *   GLib (g_date_time_format()'s %a), not a list of our own.
 */
char *
bespoke_date_weekday_short (guint monday_based)
{
  /* Monday 1 January 2024, and the days after it */
  g_autoptr(GDateTime) when = g_date_time_new_utc (2024, 1, 1 + (int) MIN (monday_based, 6), 12, 0, 0);

  return g_date_time_format (when, "%a");
}

/**
 * bespoke_date_parse_user:
 * @text: a date as someone typed it: "30/6/2027" or "2027-06-30"
 *
 * Returns: %TRUE and fills @out, or %FALSE with a sentence saying what to type.
 */
gboolean
bespoke_date_parse_user (const char  *text,
                         GDate       *out,
                         GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  guint day, month, year;
  char extra;

  g_date_clear (out, 1);
  if (strchr (copy, '/') != NULL &&
      sscanf (copy, "%u/%u/%u%c", &day, &month, &year, &extra) == 3)
    {
      if (year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
          g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        {
          g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
          return TRUE;
        }
      return bespoke_set_invalid (error, _("There is no such day. Type a date such as 30/6/2027 or 2027-06-30."));
    }
  if (bespoke_date_parse (copy, out, NULL))
    return TRUE;
  return bespoke_set_invalid (error, _("That is not a date. Type a date such as 30/6/2027 or 2027-06-30."));
}

/**
 * bespoke_date_format_short:
 *
 * Returns: @date as people write it in a field, day first: "1/4/2027"
 */
char *
bespoke_date_format_short (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%u/%u/%u", g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
}
