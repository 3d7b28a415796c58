/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-plan-item-row.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN_LINE_ROW (bespoke_plan_line_row_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlanLineRow, bespoke_plan_line_row, BESPOKE, PLAN_LINE_ROW, BespokePlanItemRow)

GtkWidget *bespoke_plan_line_row_new       (BespokePlanContext *context,
                                            BespokeSupportLine *line);
void       bespoke_plan_line_row_show_cost (BespokePlanLineRow *self,
                                            BespokeLineCost    *cost);

G_END_DECLS
