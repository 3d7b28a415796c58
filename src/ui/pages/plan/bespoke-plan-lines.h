/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-plan-section.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN_LINES (bespoke_plan_lines_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlanLines, bespoke_plan_lines, BESPOKE, PLAN_LINES, AdwPreferencesGroup)

void bespoke_plan_lines_show_costs (BespokePlanLines        *self,
                                    const BespokeCostReport *report);

G_END_DECLS
