/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-plan-section.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN_REFUNDS (bespoke_plan_refunds_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlanRefunds, bespoke_plan_refunds, BESPOKE, PLAN_REFUNDS, AdwPreferencesGroup)

G_END_DECLS
