/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-plan-section.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN_CHECK_SECTION (bespoke_plan_check_section_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlanCheckSection, bespoke_plan_check_section, BESPOKE, PLAN_CHECK_SECTION, AdwPreferencesGroup)

void bespoke_plan_check_section_set_costing (BespokePlanCheckSection *self,
                                             BespokePlanCosting      *costing);
void bespoke_plan_check_section_update      (BespokePlanCheckSection *self);

G_END_DECLS
