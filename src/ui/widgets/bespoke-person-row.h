/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-person.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PERSON_ROW (bespoke_person_row_get_type ())

G_DECLARE_FINAL_TYPE (BespokePersonRow, bespoke_person_row, BESPOKE, PERSON_ROW, GtkWidget)

GtkWidget     *bespoke_person_row_new        (void);
void           bespoke_person_row_set_store  (BespokePersonRow *self,
                                              BespokeStore     *store);
gboolean       bespoke_person_row_get_has_photo (BespokePersonRow *self);
BespokePerson *bespoke_person_row_get_person (BespokePersonRow *self);
void           bespoke_person_row_set_person (BespokePersonRow *self,
                                              BespokePerson    *person);

G_END_DECLS
