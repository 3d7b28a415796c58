/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are held as ISO 8601 strings ("2027-01-08") in records and the store,
 * and become GDates (Julian day numbers) for arithmetic. */

gboolean  bespoke_date_parse        (const char  *iso,
                                     GDate       *out,
                                     GError     **error);
gboolean  bespoke_date_is_valid_iso (const char  *iso);
char     *bespoke_date_to_iso       (const GDate *date);
char     *bespoke_date_format_long  (const char  *iso);
char     *bespoke_date_weekday_short (guint        monday_based);

/* Dates as people type and read them in a field: "30/6/2027" (UK order),
 * or ISO "2027-06-30" typed. */
gboolean  bespoke_date_parse_user   (const char  *text,
                                     GDate       *out,
                                     GError     **error);
char     *bespoke_date_format_short (const GDate *date);

G_END_DECLS
