/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-person.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

BespokePerson *bespoke_person_lookup (BespokeStore  *store,
                                      const char    *key,
                                      GError       **error);

G_END_DECLS
