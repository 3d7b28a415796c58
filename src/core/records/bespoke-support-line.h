/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_SUPPORT_LINE (bespoke_support_line_get_type ())

G_DECLARE_FINAL_TYPE (BespokeSupportLine, bespoke_support_line, BESPOKE, SUPPORT_LINE, BespokeRecord)

BespokeSupportLine *bespoke_support_line_new (void);

const char *bespoke_support_line_get_plan_uuid (BespokeSupportLine *self);
void bespoke_support_line_set_plan_uuid (BespokeSupportLine *self, const char *plan_uuid);
guint bespoke_support_line_get_position (BespokeSupportLine *self);
void bespoke_support_line_set_position (BespokeSupportLine *self, guint position);
const char *bespoke_support_line_get_description (BespokeSupportLine *self);
void bespoke_support_line_set_description (BespokeSupportLine *self, const char *description);
BespokeSupportType bespoke_support_line_get_support_type (BespokeSupportLine *self);
void bespoke_support_line_set_support_type (BespokeSupportLine *self, BespokeSupportType support_type);
const char *bespoke_support_line_get_product_uuid (BespokeSupportLine *self);
void bespoke_support_line_set_product_uuid (BespokeSupportLine *self, const char *product_uuid);
const char *bespoke_support_line_get_provider_uuid (BespokeSupportLine *self);
void bespoke_support_line_set_provider_uuid (BespokeSupportLine *self, const char *provider_uuid);
const char *bespoke_support_line_get_worker (BespokeSupportLine *self);
void bespoke_support_line_set_worker (BespokeSupportLine *self, const char *worker);
guint bespoke_support_line_get_quantity (BespokeSupportLine *self);
void bespoke_support_line_set_quantity (BespokeSupportLine *self, guint quantity);
const BespokeSchedule *bespoke_support_line_get_schedule (BespokeSupportLine *self);
void bespoke_support_line_set_schedule (BespokeSupportLine *self, const BespokeSchedule *schedule);
BespokeFunding bespoke_support_line_get_funding (BespokeSupportLine *self);
void bespoke_support_line_set_funding (BespokeSupportLine *self, BespokeFunding funding);
guint bespoke_support_line_get_share_ratio (BespokeSupportLine *self);
void bespoke_support_line_set_share_ratio (BespokeSupportLine *self, guint share_ratio);
guint bespoke_support_line_get_discount_bp (BespokeSupportLine *self);
void bespoke_support_line_set_discount_bp (BespokeSupportLine *self, guint discount_bp);
guint bespoke_support_line_get_free_units (BespokeSupportLine *self);
void bespoke_support_line_set_free_units (BespokeSupportLine *self, guint free_units);
guint bespoke_support_line_get_disturbance_minutes (BespokeSupportLine *self);
void bespoke_support_line_set_disturbance_minutes (BespokeSupportLine *self, guint disturbance_minutes);

G_END_DECLS
