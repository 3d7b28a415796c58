/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-date"

#include "config.h"

#include <glib/gi18n-lib.h>
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
  static const char *months[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };
  GDate date;

  if (!bespoke_date_parse (iso, &date, NULL))
    return NULL;

  return g_strdup_printf ("%u %s %u",
                          (guint) g_date_get_day (&date),
                          _(months[g_date_get_month (&date) - 1]),
                          (guint) g_date_get_year (&date));
}
