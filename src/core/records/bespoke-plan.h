/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN (bespoke_plan_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlan, bespoke_plan, BESPOKE, PLAN, BespokeRecord)

/* In Control's seven criteria for a support plan (a BespokeCriterion in
 * bespoke-plan-check.h): each may carry a written reason to agree the plan
 * though it fails. */
#define BESPOKE_PLAN_N_CRITERIA 7

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
BespokeMoneyManager bespoke_plan_get_money_manager (BespokePlan *self);
void bespoke_plan_set_money_manager (BespokePlan *self, BespokeMoneyManager money_manager);
const char *bespoke_plan_get_decides_day_to_day (BespokePlan *self);
void bespoke_plan_set_decides_day_to_day (BespokePlan *self, const char *decides_day_to_day);
const char *bespoke_plan_get_override (BespokePlan *self, guint criterion);
void bespoke_plan_set_override (BespokePlan *self, guint criterion, const char *reason);
const char *bespoke_plan_override_property (guint criterion);

G_END_DECLS
