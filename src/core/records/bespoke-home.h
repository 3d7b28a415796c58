/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_HOME (bespoke_home_get_type ())

G_DECLARE_FINAL_TYPE (BespokeHome, bespoke_home, BESPOKE, HOME, BespokeRecord)

BespokeHome *bespoke_home_new (void);

const char *bespoke_home_get_name (BespokeHome *self);
void bespoke_home_set_name (BespokeHome *self, const char *name);
gint64 bespoke_home_get_budget (BespokeHome *self);
void bespoke_home_set_budget (BespokeHome *self, gint64 budget);
gint64 bespoke_home_get_core_support (BespokeHome *self);
void bespoke_home_set_core_support (BespokeHome *self, gint64 core_support);
gint64 bespoke_home_get_shared_costs (BespokeHome *self);
void bespoke_home_set_shared_costs (BespokeHome *self, gint64 shared_costs);
BespokeSplit bespoke_home_get_split (BespokeHome *self);
void bespoke_home_set_split (BespokeHome *self, BespokeSplit split);

G_END_DECLS
