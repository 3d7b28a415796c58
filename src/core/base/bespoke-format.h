/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bespoke-money.h"

G_BEGIN_DECLS

/* What people read and type, formatted and parsed in one place.
 *
 * Money for people is bespoke_money_format() and bespoke_money_parse()
 * (bespoke-money.h, included here).  This module adds the other numbers:
 * counts ("100,000"), money as a plain decimal for files, hours from minutes, hundredths
 * (quantities and units) and percentages kept as hundredths of a percent
 * (basis points, "_bp").  Every formatter is locale-independent. */

typedef enum
{
  BESPOKE_HOURS_SHORT,   /* "34 h", "17 h 10 min", "45 min" */
  BESPOKE_HOURS_WORDS,   /* "34 hours", "1 hour"; otherwise as short */
} BespokeHoursStyle;

char     *bespoke_format_count             (guint64            n);
char     *bespoke_format_pence_decimal     (gint64             pence);
char     *bespoke_format_hundredths_fixed  (gint64             hundredths);

char     *bespoke_format_hours             (gint64             minutes,
                                            BespokeHoursStyle  style);
void      bespoke_format_append_hours      (GString           *out,
                                            gint64             minutes,
                                            BespokeHoursStyle  style);

char     *bespoke_format_hundredths        (gint64             hundredths);
gboolean  bespoke_parse_hundredths         (const char        *text,
                                            guint32            max_hundredths,
                                            guint32           *out_hundredths,
                                            GError           **error);

char     *bespoke_format_percent_bp        (guint              bp);
gboolean  bespoke_parse_percent_bp         (const char        *text,
                                            guint              max_bp,
                                            guint             *out_bp,
                                            GError           **error);

G_END_DECLS
