/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PROVIDER (bespoke_provider_get_type ())

G_DECLARE_FINAL_TYPE (BespokeProvider, bespoke_provider, BESPOKE, PROVIDER, BespokeRecord)

BespokeProvider *bespoke_provider_new (void);

const char *bespoke_provider_get_name (BespokeProvider *self);
void bespoke_provider_set_name (BespokeProvider *self, const char *name);
const char *bespoke_provider_get_contact (BespokeProvider *self);
void bespoke_provider_set_contact (BespokeProvider *self, const char *contact);
const char *bespoke_provider_get_notes (BespokeProvider *self);
void bespoke_provider_set_notes (BespokeProvider *self, const char *notes);

G_END_DECLS
