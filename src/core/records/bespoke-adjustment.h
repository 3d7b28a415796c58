/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_ADJUSTMENT (bespoke_adjustment_get_type ())

G_DECLARE_FINAL_TYPE (BespokeAdjustment, bespoke_adjustment, BESPOKE, ADJUSTMENT, BespokeRecord)

BespokeAdjustment *bespoke_adjustment_new (void);

const char *bespoke_adjustment_get_plan_uuid (BespokeAdjustment *self);
void bespoke_adjustment_set_plan_uuid (BespokeAdjustment *self, const char *plan_uuid);
const char *bespoke_adjustment_get_line_uuid (BespokeAdjustment *self);
void bespoke_adjustment_set_line_uuid (BespokeAdjustment *self, const char *line_uuid);
const char *bespoke_adjustment_get_date (BespokeAdjustment *self);
void bespoke_adjustment_set_date (BespokeAdjustment *self, const char *date);
gint64 bespoke_adjustment_get_amount (BespokeAdjustment *self);
void bespoke_adjustment_set_amount (BespokeAdjustment *self, gint64 amount);
const char *bespoke_adjustment_get_description (BespokeAdjustment *self);
void bespoke_adjustment_set_description (BespokeAdjustment *self, const char *description);

G_END_DECLS
