/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_RISK (bespoke_risk_get_type ())

G_DECLARE_FINAL_TYPE (BespokeRisk, bespoke_risk, BESPOKE, RISK, BespokeRecord)

BespokeRisk *bespoke_risk_new (void);

const char *bespoke_risk_get_plan_uuid (BespokeRisk *self);
void bespoke_risk_set_plan_uuid (BespokeRisk *self, const char *plan_uuid);
guint bespoke_risk_get_position (BespokeRisk *self);
void bespoke_risk_set_position (BespokeRisk *self, guint position);
const char *bespoke_risk_get_description (BespokeRisk *self);
void bespoke_risk_set_description (BespokeRisk *self, const char *description);
BespokeLevel bespoke_risk_get_likelihood (BespokeRisk *self);
void bespoke_risk_set_likelihood (BespokeRisk *self, BespokeLevel likelihood);
BespokeLevel bespoke_risk_get_impact (BespokeRisk *self);
void bespoke_risk_set_impact (BespokeRisk *self, BespokeLevel impact);
const char *bespoke_risk_get_contingency (BespokeRisk *self);
void bespoke_risk_set_contingency (BespokeRisk *self, const char *contingency);

G_END_DECLS
