/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-history.h"
#include "bespoke-plan-costing.h"
#include "bespoke-person.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_BUDGET_PAGE (bespoke_budget_page_get_type ())

G_DECLARE_FINAL_TYPE (BespokeBudgetPage, bespoke_budget_page, BESPOKE, BUDGET_PAGE, GtkWidget)

GtkWidget *bespoke_budget_page_new        (void);
GBytes    *bespoke_budget_page_get_spreadsheet (BespokeBudgetPage *self);
void       bespoke_budget_page_set_person (BespokeBudgetPage *self,
                                           BespokeStore      *store,
                                           BespokeHistory    *history,
                                           BespokePerson     *person);

void       bespoke_budget_page_set_costing (BespokeBudgetPage  *self,
                                            BespokePlanCosting *costing);

G_END_DECLS
