/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_HOME_RESIDENT (bespoke_home_resident_get_type ())

G_DECLARE_FINAL_TYPE (BespokeHomeResident, bespoke_home_resident, BESPOKE, HOME_RESIDENT, BespokeRecord)

BespokeHomeResident *bespoke_home_resident_new (void);

const char *bespoke_home_resident_get_home_uuid (BespokeHomeResident *self);
void bespoke_home_resident_set_home_uuid (BespokeHomeResident *self, const char *home_uuid);
const char *bespoke_home_resident_get_person_uuid (BespokeHomeResident *self);
void bespoke_home_resident_set_person_uuid (BespokeHomeResident *self, const char *person_uuid);
gint64 bespoke_home_resident_get_allocation (BespokeHomeResident *self);
void bespoke_home_resident_set_allocation (BespokeHomeResident *self, gint64 allocation);
guint bespoke_home_resident_get_weight (BespokeHomeResident *self);
void bespoke_home_resident_set_weight (BespokeHomeResident *self, guint weight);

G_END_DECLS
