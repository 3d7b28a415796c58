/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN (bespoke_plan_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlan, bespoke_plan, BESPOKE, PLAN, BespokeRecord)

BespokePlan *bespoke_plan_new (void);

const char *bespoke_plan_get_person_uuid (BespokePlan *self);
void bespoke_plan_set_person_uuid (BespokePlan *self, const char *person_uuid);
const char *bespoke_plan_get_period_start (BespokePlan *self);
void bespoke_plan_set_period_start (BespokePlan *self, const char *period_start);
const char *bespoke_plan_get_period_end (BespokePlan *self);
void bespoke_plan_set_period_end (BespokePlan *self, const char *period_end);
const char *bespoke_plan_get_review_date (BespokePlan *self);
void bespoke_plan_set_review_date (BespokePlan *self, const char *review_date);
BespokePlanStatus bespoke_plan_get_status (BespokePlan *self);
void bespoke_plan_set_status (BespokePlan *self, BespokePlanStatus status);
const char *bespoke_plan_get_staff_preferences (BespokePlan *self);
void bespoke_plan_set_staff_preferences (BespokePlan *self, const char *staff_preferences);
BespokeAnnualisation bespoke_plan_get_annualisation (BespokePlan *self);
void bespoke_plan_set_annualisation (BespokePlan *self, BespokeAnnualisation annualisation);
guint bespoke_plan_get_discount_bp (BespokePlan *self);
void bespoke_plan_set_discount_bp (BespokePlan *self, guint discount_bp);

G_END_DECLS
