/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-progress"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-xml-progress.h"

/* @n with a comma between each group of three digits, as UK English
 * writes counts: 100000 is "100,000" */
static char *
group_thousands (guint64 n)
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
 * bespoke_xml_progress_describe:
 *
 * Returns: how far a long export or import has come, for a progress bar
 *   or a terminal: "31,200 of 100,000 people"
 */
char *
bespoke_xml_progress_describe (guint64 done,
                               guint64 total)
{
  g_autofree char *d = group_thousands (MIN (done, total));
  g_autofree char *t = group_thousands (total);

  /* Translators: "31,200 of 100,000 people"; the numbers have their commas */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s person", "%s of %s people", (gulong) MIN (total, G_MAXULONG)),
                          d, t);
}
