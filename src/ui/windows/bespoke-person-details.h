/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-core.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PERSON_DETAILS (bespoke_person_details_get_type ())

G_DECLARE_FINAL_TYPE (BespokePersonDetails, bespoke_person_details, BESPOKE, PERSON_DETAILS, AdwWindow)

GtkWidget *bespoke_person_details_new (BespokeStore   *store,
                                       BespokeHistory *history,
                                       BespokePerson  *person);

G_END_DECLS
