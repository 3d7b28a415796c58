/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_OUTCOME (bespoke_outcome_get_type ())

G_DECLARE_FINAL_TYPE (BespokeOutcome, bespoke_outcome, BESPOKE, OUTCOME, BespokeRecord)

BespokeOutcome *bespoke_outcome_new (void);

const char *bespoke_outcome_get_plan_uuid (BespokeOutcome *self);
void bespoke_outcome_set_plan_uuid (BespokeOutcome *self, const char *plan_uuid);
guint bespoke_outcome_get_position (BespokeOutcome *self);
void bespoke_outcome_set_position (BespokeOutcome *self, guint position);
const char *bespoke_outcome_get_statement (BespokeOutcome *self);
void bespoke_outcome_set_statement (BespokeOutcome *self, const char *statement);
const char *bespoke_outcome_get_measure (BespokeOutcome *self);
void bespoke_outcome_set_measure (BespokeOutcome *self, const char *measure);
const char *bespoke_outcome_get_target_date (BespokeOutcome *self);
void bespoke_outcome_set_target_date (BespokeOutcome *self, const char *target_date);

G_END_DECLS
