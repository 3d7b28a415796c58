/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PRODUCT (bespoke_product_get_type ())

G_DECLARE_FINAL_TYPE (BespokeProduct, bespoke_product, BESPOKE, PRODUCT, BespokeRecord)

BespokeProduct *bespoke_product_new (void);
BespokeProduct *bespoke_product_new_version (BespokeProduct *product,
                                             const char     *today_iso);

const char *bespoke_product_get_provider_uuid (BespokeProduct *self);
void bespoke_product_set_provider_uuid (BespokeProduct *self, const char *provider_uuid);
const char *bespoke_product_get_series_uuid (BespokeProduct *self);
void bespoke_product_set_series_uuid (BespokeProduct *self, const char *series_uuid);
guint bespoke_product_get_version (BespokeProduct *self);
void bespoke_product_set_version (BespokeProduct *self, guint version);
const char *bespoke_product_get_valid_from (BespokeProduct *self);
void bespoke_product_set_valid_from (BespokeProduct *self, const char *valid_from);
BespokeProductKind bespoke_product_get_kind (BespokeProduct *self);
void bespoke_product_set_kind (BespokeProduct *self, BespokeProductKind kind);
const char *bespoke_product_get_name (BespokeProduct *self);
void bespoke_product_set_name (BespokeProduct *self, const char *name);
const char *bespoke_product_get_description (BespokeProduct *self);
void bespoke_product_set_description (BespokeProduct *self, const char *description);
BespokeUnit bespoke_product_get_unit (BespokeProduct *self);
void bespoke_product_set_unit (BespokeProduct *self, BespokeUnit unit);
gint64 bespoke_product_get_unit_price (BespokeProduct *self);
void bespoke_product_set_unit_price (BespokeProduct *self, gint64 unit_price);
guint bespoke_product_get_default_term_weeks (BespokeProduct *self);
void bespoke_product_set_default_term_weeks (BespokeProduct *self, guint default_term_weeks);
const char *bespoke_product_get_default_outcome (BespokeProduct *self);
void bespoke_product_set_default_outcome (BespokeProduct *self, const char *default_outcome);
gboolean bespoke_product_get_outcome_based (BespokeProduct *self);
void bespoke_product_set_outcome_based (BespokeProduct *self, gboolean outcome_based);
gint64 bespoke_product_get_rate_weekday_day (BespokeProduct *self);
void bespoke_product_set_rate_weekday_day (BespokeProduct *self, gint64 rate_weekday_day);
gint64 bespoke_product_get_rate_weekday_evening (BespokeProduct *self);
void bespoke_product_set_rate_weekday_evening (BespokeProduct *self, gint64 rate_weekday_evening);
gint64 bespoke_product_get_rate_night (BespokeProduct *self);
void bespoke_product_set_rate_night (BespokeProduct *self, gint64 rate_night);
gint64 bespoke_product_get_rate_saturday (BespokeProduct *self);
void bespoke_product_set_rate_saturday (BespokeProduct *self, gint64 rate_saturday);
gint64 bespoke_product_get_rate_sunday (BespokeProduct *self);
void bespoke_product_set_rate_sunday (BespokeProduct *self, gint64 rate_sunday);
gint64 bespoke_product_get_rate_bank_holiday (BespokeProduct *self);
void bespoke_product_set_rate_bank_holiday (BespokeProduct *self, gint64 rate_bank_holiday);
gint64 bespoke_product_get_disturbance_rate (BespokeProduct *self);
void bespoke_product_set_disturbance_rate (BespokeProduct *self, gint64 disturbance_rate);
const char *bespoke_product_get_premium_client_group (BespokeProduct *self);
void bespoke_product_set_premium_client_group (BespokeProduct *self, const char *premium_client_group);
const char *bespoke_product_get_premium_postcode_areas (BespokeProduct *self);
void bespoke_product_set_premium_postcode_areas (BespokeProduct *self, const char *premium_postcode_areas);
guint bespoke_product_get_premium_percent_bp (BespokeProduct *self);
void bespoke_product_set_premium_percent_bp (BespokeProduct *self, guint premium_percent_bp);
gint64 bespoke_product_get_premium_per_unit (BespokeProduct *self);

char *bespoke_product_price_text (BespokeProduct *self);
BespokeSchedule *bespoke_product_default_schedule (BespokeProduct *self,
                                                   guint32         start);
void bespoke_product_set_premium_per_unit (BespokeProduct *self, gint64 premium_per_unit);

G_END_DECLS
