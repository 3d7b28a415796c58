/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bespoke-types.h"

G_BEGIN_DECLS

/* UK bank holidays, as published on gov.uk, for the years the app knows.
 * Days are GDate Julian day numbers (g_date_get_julian). Outside the covered
 * years nothing is a holiday: callers check bespoke_bank_holidays_covers()
 * and warn the user. */

#define BESPOKE_BANK_HOLIDAYS_FIRST_YEAR 2020
#define BESPOKE_BANK_HOLIDAYS_LAST_YEAR  2032

gboolean    bespoke_bank_holidays_covers     (guint         year);
gboolean    bespoke_bank_holidays_is_holiday (BespokeNation nation,
                                              guint32       julian_day);
GArray     *bespoke_bank_holidays_between    (BespokeNation nation,
                                              guint32       first_day,
                                              guint32       last_day);
const char *bespoke_bank_holidays_name       (BespokeNation nation,
                                              guint32       julian_day);

G_END_DECLS
