/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-plan-section.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN_OUTCOMES (bespoke_plan_outcomes_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlanOutcomes, bespoke_plan_outcomes, BESPOKE, PLAN_OUTCOMES, AdwPreferencesGroup)

G_END_DECLS
