/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-error.h"
#include "bespoke-money.h"

#define POUND_SIGN "\xc2\xa3"

static gboolean
fail (GError **error, int code, const char *text, const char *why)
{
  g_set_error (error, BESPOKE_ERROR, code,
               _("“%s” is not an amount of money: %s"), text, why);
  return FALSE;
}

/**
 * bespoke_money_parse:
 * @text: what a person typed, e.g. "£1,234.56", "1234.5", "-£3.00"
 * @out_pence: (out): the amount in pence
 *
 * Accepts an optional leading minus, an optional pound sign, digits with
 * optional thousands commas (in groups of three), and at most two decimals.
 * Surrounding white space is ignored.  Anything else is an error that says
 * what is wrong; @out_pence is untouched then.
 */
gboolean
bespoke_money_parse (const char  *text,
                     gint64      *out_pence,
                     GError     **error)
{
  g_autofree char *copy = NULL;
  const char *p;
  gboolean negative = FALSE;
  guint64 pounds = 0;
  guint64 pence = 0;
  guint64 total;
  guint digits = 0;
  guint group = 0;
  gboolean seen_comma = FALSE;

  g_return_val_if_fail (out_pence != NULL, FALSE);

  if (text == NULL)
    text = "";

  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (*p == '\0')
    return fail (error, BESPOKE_ERROR_INVALID, text, _("it is empty. Type an amount such as £12.50."));

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (g_str_has_prefix (p, POUND_SIGN))
    p += strlen (POUND_SIGN);
  if (*p == '-' && !negative)
    {
      negative = TRUE;
      p++;
    }

  if (*p == '\0')
    return fail (error, BESPOKE_ERROR_INVALID, text, _("there are no digits. Type an amount such as £12.50."));

  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',')
        {
          if (digits == 0 || (seen_comma && group != 3) || (!seen_comma && group > 3))
            return fail (error, BESPOKE_ERROR_INVALID, text, _("the commas must separate groups of three digits."));
          seen_comma = TRUE;
          group = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return fail (error, BESPOKE_ERROR_INVALID, text, _("use only digits, one decimal point, commas and an optional £ sign."));
      if (pounds > (G_MAXUINT64 - 9) / 10)
        return fail (error, BESPOKE_ERROR_OVERFLOW, text, _("it is far too large."));
      pounds = pounds * 10 + (guint64) (*p - '0');
      digits++;
      group++;
    }

  if (seen_comma && group != 3)
    return fail (error, BESPOKE_ERROR_INVALID, text, _("the commas must separate groups of three digits."));

  if (*p == '.')
    {
      guint decimals = 0;

      p++;
      for (; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return fail (error, BESPOKE_ERROR_INVALID, text, _("use only digits after the decimal point."));
          if (++decimals > 2)
            return fail (error, BESPOKE_ERROR_INVALID, text, _("pence have at most two digits after the point."));
          pence = pence * 10 + (guint64) (*p - '0');
        }
      if (decimals == 0 && digits == 0)
        return fail (error, BESPOKE_ERROR_INVALID, text, _("there are no digits. Type an amount such as £12.50."));
      if (decimals == 1)
        pence *= 10;
    }
  else if (digits == 0)
    return fail (error, BESPOKE_ERROR_INVALID, text, _("there are no digits. Type an amount such as £12.50."));

  if (pounds > (G_MAXUINT64 - pence) / 100)
    return fail (error, BESPOKE_ERROR_OVERFLOW, text, _("it is far too large."));
  total = pounds * 100 + pence;

  if (negative)
    {
      if (total > (guint64) G_MAXINT64 + 1)
        return fail (error, BESPOKE_ERROR_OVERFLOW, text, _("it is far too large."));
      *out_pence = total == (guint64) G_MAXINT64 + 1 ? G_MININT64 : -(gint64) total;
    }
  else
    {
      if (total > (guint64) G_MAXINT64)
        return fail (error, BESPOKE_ERROR_OVERFLOW, text, _("it is far too large."));
      *out_pence = (gint64) total;
    }

  return TRUE;
}

/**
 * bespoke_money_append:
 *
 * Appends @pence to @out as bespoke_money_format() writes it, without an
 * allocation of its own: for writers that format many amounts.
 */
void
bespoke_money_append (GString *out,
                      gint64   pence)
{
  guint64 magnitude = pence < 0 ? (guint64) -(pence + 1) + 1 : (guint64) pence;
  guint64 pounds = magnitude / 100;
  guint cents = (guint) (magnitude % 100);
  char digits[32];
  gsize len = 0;

  do
    {
      digits[len++] = (char) ('0' + pounds % 10);
      pounds /= 10;
    }
  while (pounds > 0);

  if (pence < 0)
    g_string_append_c (out, '-');
  g_string_append (out, POUND_SIGN);
  /* digits[] is least significant first */
  for (gsize i = len; i > 0; i--)
    {
      g_string_append_c (out, digits[i - 1]);
      if (i > 1 && (i - 1) % 3 == 0)
        g_string_append_c (out, ',');
    }
  g_string_append_c (out, '.');
  g_string_append_c (out, (char) ('0' + cents / 10));
  g_string_append_c (out, (char) ('0' + cents % 10));
}

/**
 * bespoke_money_format:
 *
 * Returns: "£1,234.56" or "-£3.00", whatever the locale.
 */
char *
bespoke_money_format (gint64 pence)
{
  GString *out = g_string_sized_new (16);

  bespoke_money_append (out, pence);
  return g_string_free (out, FALSE);
}

gboolean
bespoke_money_add (gint64   a,
                   gint64   b,
                   gint64  *out,
                   GError **error)
{
  gint64 sum;

  /* @out is written only on success: never a wrapped value */
  if (__builtin_add_overflow (a, b, &sum))
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_OVERFLOW,
                           _("The total is too large for Bespoke to hold. Check the amounts for a mistyped figure."));
      return FALSE;
    }
  *out = sum;
  return TRUE;
}

gboolean
bespoke_money_multiply (gint64   pence,
                        gint64   factor,
                        gint64  *out,
                        GError **error)
{
  gint64 product;

  if (__builtin_mul_overflow (pence, factor, &product))
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_OVERFLOW,
                           _("The amount is too large for Bespoke to hold. Check the price and quantity for a mistyped figure."));
      return FALSE;
    }
  *out = product;
  return TRUE;
}

/**
 * bespoke_money_div_round:
 *
 * Divides and rounds half away from zero: the one rounding rule Bespoke uses.
 * Worked in 128 bits, so that no value (G_MININT64 included) is negated or
 * divided out of range; the one quotient that does not fit in 64 bits,
 * G_MININT64 / -1, gives G_MAXINT64 (a saturation, never a wrap).
 */
gint64
bespoke_money_div_round (gint64 numerator,
                         gint64 denominator)
{
  __int128 n = numerator, d = denominator, q, r;

  g_return_val_if_fail (denominator != 0, 0);

  if (d < 0)
    {
      n = -n;
      d = -d;
    }
  q = n / d;
  r = n % d;
  if (r < 0)
    r = -r;
  if (r >= d - r)
    q += n < 0 ? -1 : 1;
  return (gint64) CLAMP (q, (__int128) G_MININT64, (__int128) G_MAXINT64);
}
