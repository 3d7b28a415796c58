/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-statement.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PROFILE (bespoke_profile_get_type ())

G_DECLARE_FINAL_TYPE (BespokeProfile, bespoke_profile, BESPOKE, PROFILE, GObject)

BespokeProfile *bespoke_profile_load        (BespokeStore    *store,
                                             const char      *person_uuid,
                                             GError         **error);
const char     *bespoke_profile_get_person_uuid (BespokeProfile *self);
GListModel     *bespoke_profile_get_section (BespokeProfile  *self,
                                             BespokeSection   section);
guint           bespoke_profile_get_n_statements (BespokeProfile *self);

G_END_DECLS
