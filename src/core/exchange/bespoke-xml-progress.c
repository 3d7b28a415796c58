/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-progress"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-format.h"
#include "bespoke-xml-progress.h"

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
  g_autofree char *d = bespoke_format_count (MIN (done, total));
  g_autofree char *t = bespoke_format_count (total);

  /* Translators: "31,200 of 100,000 people"; the numbers have their commas */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s person", "%s of %s people", (gulong) MIN (total, G_MAXULONG)),
                          d, t);
}
