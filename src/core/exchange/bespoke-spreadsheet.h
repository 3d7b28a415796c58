/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-costing.h"
#include "bespoke-isf.h"

G_BEGIN_DECLS

/* The spreadsheets a council or a family opens in Excel or Calc, made
 * once here for bespoke-cli and the window alike (see bespoke-csv.h for
 * the file's rules). */
GBytes *bespoke_spreadsheet_cost_report (const BespokeCostReport *report,
                                         gboolean                 by_month);
char   *bespoke_spreadsheet_month_heading (guint32                 julian);
GBytes *bespoke_spreadsheet_isf         (const BespokeIsfTable   *table);
gboolean bespoke_spreadsheet_write      (GBytes                  *bytes,
                                         GFile                   *file,
                                         GError                 **error);

G_END_DECLS
