/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-costing.h"
#include "bespoke-plan.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN_COSTING (bespoke_plan_costing_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlanCosting, bespoke_plan_costing, BESPOKE, PLAN_COSTING, GObject)

BespokePlanCosting      *bespoke_plan_costing_new        (BespokeStore        *store);
BespokeStore            *bespoke_plan_costing_get_store  (BespokePlanCosting  *self);
void                     bespoke_plan_costing_set_person (BespokePlanCosting  *self,
                                                          const char          *person_uuid);
const char              *bespoke_plan_costing_get_person (BespokePlanCosting  *self);
BespokePlan             *bespoke_plan_costing_get_plan   (BespokePlanCosting  *self);
const BespokeCostReport *bespoke_plan_costing_get_report (BespokePlanCosting  *self,
                                                          GError             **error);

G_END_DECLS
