/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-plan-section.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN_RISKS (bespoke_plan_risks_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlanRisks, bespoke_plan_risks, BESPOKE, PLAN_RISKS, AdwPreferencesGroup)

G_END_DECLS
