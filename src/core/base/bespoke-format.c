/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-error.h"
#include "bespoke-format.h"

/* The magnitude of @value without overflow, for G_MININT64 too. */
static guint64
magnitude_of (gint64 value)
{
  return value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;
}

/**
 * bespoke_format_count:
 *
 * Returns: @n with a comma between each group of three digits, as UK
 *   English writes counts: 100000 is "100,000"
 */
char *
bespoke_format_count (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  gsize length = strlen (digits);
  GString *out = g_string_sized_new (length + length / 3);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * bespoke_format_hundredths_fixed:
 *
 * A count of hundredths as a plain decimal with exactly two places, no
 * thousands separators and a leading minus when negative: 52200 is
 * "522.00", -5 is "-0.05".  For files read by programs (CSV).
 */
char *
bespoke_format_hundredths_fixed (gint64 hundredths)
{
  guint64 magnitude = magnitude_of (hundredths);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", hundredths < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

/**
 * bespoke_format_pence_decimal:
 *
 * An amount as pounds in a plain decimal for files read by programs:
 * 1122300 is "11223.00", -350 is "-3.50".  People read
 * bespoke_money_format() instead.
 */
char *
bespoke_format_pence_decimal (gint64 pence)
{
  return bespoke_format_hundredths_fixed (pence);
}

/**
 * bespoke_format_append_hours:
 * @minutes: a duration, zero or more
 * @style: whether whole hours are written as words
 *
 * The one rule for a duration people read: whole hours as "3 h" (or
 * "3 hours" in %BESPOKE_HOURS_WORDS), less than an hour as "45 min", and
 * otherwise "1 h 30 min" (minutes not padded: "1 h 5 min").
 */
void
bespoke_format_append_hours (GString           *out,
                             gint64             minutes,
                             BespokeHoursStyle  style)
{
  guint64 magnitude;
  guint hours, rest;

  g_return_if_fail (out != NULL);

  if (minutes < 0)
    g_string_append_c (out, '-');
  magnitude = magnitude_of (minutes);
  hours = (guint) MIN (magnitude / 60, G_MAXUINT);
  rest = (guint) (magnitude % 60);

  if (rest == 0 && style == BESPOKE_HOURS_WORDS)
    /* Translators: a whole number of hours of support */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", hours), hours);
  else if (rest == 0)
    g_string_append_printf (out, _("%u h"), hours);
  else if (hours == 0)
    g_string_append_printf (out, _("%u min"), rest);
  else
    g_string_append_printf (out, _("%u h %u min"), hours, rest);
}

/**
 * bespoke_format_hours:
 *
 * Returns: @minutes as bespoke_format_append_hours() writes them.
 */
char *
bespoke_format_hours (gint64            minutes,
                      BespokeHoursStyle style)
{
  GString *out = g_string_sized_new (16);

  bespoke_format_append_hours (out, minutes, style);
  return g_string_free (out, FALSE);
}

/**
 * bespoke_format_hundredths:
 *
 * A quantity kept in hundredths, for people: whole numbers without a
 * point ("7"), anything else with exactly two decimals ("7.50", "0.05",
 * "-1.25").  bespoke_parse_hundredths() reads it back.
 */
char *
bespoke_format_hundredths (gint64 hundredths)
{
  if (hundredths % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, hundredths / 100);
  return bespoke_format_hundredths_fixed (hundredths);
}

/* Reads "7", "7.5", "7.50", ".5" into hundredths; FALSE with *out_overflow
 * set when it is larger than @max, FALSE alone when it is not a number. */
static gboolean
read_hundredths (const char *p,
                 guint32     max,
                 guint32    *out,
                 gboolean   *out_overflow,
                 gboolean   *out_decimals)
{
  guint64 whole = 0, fraction = 0;
  guint digits = 0, decimals = 0;

  *out_overflow = FALSE;
  *out_decimals = FALSE;
  for (; *p != '\0' && *p != '.'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      whole = whole * 10 + (guint) (*p - '0');
      digits++;
      if (whole > max / 100 + 1)
        {
          /* keep reading: a letter further on is "not a number" */
          for (p++; *p != '\0'; p++)
            if (!g_ascii_isdigit (*p) && *p != '.')
              return FALSE;
          *out_overflow = TRUE;
          return FALSE;
        }
    }
  if (*p == '.')
    for (p++; *p != '\0'; p++)
      {
        if (!g_ascii_isdigit (*p))
          return FALSE;
        if (++decimals > 2)
          {
            *out_decimals = TRUE;
            return FALSE;
          }
        fraction = fraction * 10 + (guint) (*p - '0');
      }
  if (digits + decimals == 0)
    return FALSE;
  if (decimals == 1)
    fraction *= 10;
  if (whole * 100 + fraction > max)
    {
      *out_overflow = TRUE;
      return FALSE;
    }
  *out = (guint32) (whole * 100 + fraction);
  return TRUE;
}

/**
 * bespoke_parse_hundredths:
 * @text: what a person typed, e.g. "7.5"
 * @max_hundredths: the largest value accepted, in hundredths
 * @out_hundredths: (out): 750 for "7.5"; untouched on error
 *
 * Reads a number of zero or more with at most two decimals; surrounding
 * white space is ignored.  The error is a sentence that names what was
 * typed and says what to type instead.
 */
gboolean
bespoke_parse_hundredths (const char  *text,
                          guint32      max_hundredths,
                          guint32     *out_hundredths,
                          GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *largest = NULL;
  gboolean overflow, decimals;

  g_return_val_if_fail (out_hundredths != NULL, FALSE);

  if (*copy == '\0')
    return bespoke_set_invalid (error, _("Nothing is typed. Type a number such as 7.5."));
  if (read_hundredths (copy, max_hundredths, out_hundredths, &overflow, &decimals))
    return TRUE;

  largest = bespoke_format_hundredths (max_hundredths);
  if (overflow)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                 _("“%s” is too large. Type a number up to %s."), copy, largest);
  else if (decimals)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                 _("“%s” is not a number with at most two decimals. Type a number such as 7.5."), copy);
  else
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                 _("“%s” is not a number. Type a number with at most two decimals, such as 7.5."), copy);
  return FALSE;
}

/**
 * bespoke_format_percent_bp:
 * @bp: hundredths of a percent: 1250 is 12.5%
 *
 * Returns: "12.50%", "10%", "0.05%": the number as
 *   bespoke_format_hundredths() writes it, and a percent sign.
 */
char *
bespoke_format_percent_bp (guint bp)
{
  g_autofree char *number = bespoke_format_hundredths (bp);

  return g_strconcat (number, "%", NULL);
}

/**
 * bespoke_parse_percent_bp:
 * @text: what a person typed: "12.5", "12.5%", "10"
 * @max_bp: the largest percentage accepted, in hundredths of a percent
 * @out_bp: (out): 1250 for "12.5"; untouched on error
 *
 * A number of zero or more with at most two decimals and an optional
 * percent sign.  An empty text is an error: a caller for whom empty means
 * none checks for it first.
 */
gboolean
bespoke_parse_percent_bp (const char  *text,
                          guint        max_bp,
                          guint       *out_bp,
                          GError     **error)
{
  g_autofree char *typed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *copy = g_strdup (typed);
  g_autofree char *largest = NULL;
  gboolean overflow, decimals;
  guint32 value;

  g_return_val_if_fail (out_bp != NULL, FALSE);

  if (g_str_has_suffix (copy, "%"))
    {
      copy[strlen (copy) - 1] = '\0';
      g_strchomp (copy);
    }
  if (*copy != '\0' && read_hundredths (copy, max_bp, &value, &overflow, &decimals))
    {
      *out_bp = value;
      return TRUE;
    }

  largest = bespoke_format_hundredths (max_bp);
  g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
               _("“%s” is not a percentage from 0 to %s. Type a number such as 12.5."),
               typed, largest);
  return FALSE;
}
