/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-history.h"
#include "bespoke-person.h"
#include "bespoke-plan-costing.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN_PAGE (bespoke_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlanPage, bespoke_plan_page, BESPOKE, PLAN_PAGE, GtkWidget)

GtkWidget *bespoke_plan_page_new        (void);
void       bespoke_plan_page_set_person (BespokePlanPage *self,
                                         BespokeStore    *store,
                                         BespokeHistory  *history,
                                         BespokePerson   *person);

void       bespoke_plan_page_set_costing (BespokePlanPage    *self,
                                          BespokePlanCosting *costing);

G_END_DECLS
