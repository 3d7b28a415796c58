/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_BUDGET (bespoke_budget_get_type ())

G_DECLARE_FINAL_TYPE (BespokeBudget, bespoke_budget, BESPOKE, BUDGET, BespokeRecord)

BespokeBudget *bespoke_budget_new (void);

const char *bespoke_budget_get_plan_uuid (BespokeBudget *self);
void bespoke_budget_set_plan_uuid (BespokeBudget *self, const char *plan_uuid);
gint64 bespoke_budget_get_amount (BespokeBudget *self);
void bespoke_budget_set_amount (BespokeBudget *self, gint64 amount);
BespokeFunding bespoke_budget_get_source (BespokeBudget *self);
void bespoke_budget_set_source (BespokeBudget *self, BespokeFunding source);

G_END_DECLS
