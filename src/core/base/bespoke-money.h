/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is a count of pence in a gint64.  This file is the one place where
 * amounts are parsed from text, formatted for people, and combined. */

gboolean  bespoke_money_parse    (const char *text,
                                  gint64     *out_pence,
                                  GError    **error);
char     *bespoke_money_format   (gint64      pence);
void      bespoke_money_append   (GString    *out,
                                  gint64      pence);
gboolean  bespoke_money_add      (gint64      a,
                                  gint64      b,
                                  gint64     *out,
                                  GError    **error);
gboolean  bespoke_money_multiply (gint64      pence,
                                  gint64      factor,
                                  gint64     *out,
                                  GError    **error);
gint64    bespoke_money_div_round (gint64     numerator,
                                   gint64     denominator);

G_END_DECLS
