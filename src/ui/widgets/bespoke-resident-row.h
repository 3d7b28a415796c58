/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-home-resident.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_RESIDENT_ROW (bespoke_resident_row_get_type ())

G_DECLARE_FINAL_TYPE (BespokeResidentRow, bespoke_resident_row, BESPOKE, RESIDENT_ROW, AdwExpanderRow)

GtkWidget           *bespoke_resident_row_new                (BespokeHomeResident *resident,
                                                              const char          *name);
BespokeHomeResident *bespoke_resident_row_get_resident       (BespokeResidentRow  *self);
void                 bespoke_resident_row_set_resident       (BespokeResidentRow  *self,
                                                              BespokeHomeResident *resident);
GtkEditable         *bespoke_resident_row_get_allocation_row (BespokeResidentRow  *self);
GtkEditable         *bespoke_resident_row_get_weight_row     (BespokeResidentRow  *self);
GtkButton           *bespoke_resident_row_get_remove_button  (BespokeResidentRow  *self);

G_END_DECLS
