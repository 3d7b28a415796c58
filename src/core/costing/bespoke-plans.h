/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-budget.h"
#include "bespoke-person.h"
#include "bespoke-plan.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

/* The rules about a person's plans, for every front end. */

BespokePlan *bespoke_plans_find_current         (BespokeStore   *store,
                                                 const char     *person_uuid,
                                                 GError        **error);
gboolean     bespoke_plans_type_affects_plan    (GType           type);
void         bespoke_plans_coming_year          (const GDate    *today,
                                                 GDate          *start,
                                                 GDate          *end,
                                                 GDate          *review);
void         bespoke_plans_new_for_coming_year  (BespokePerson  *person,
                                                 const GDate    *today,
                                                 BespokePlan   **out_plan,
                                                 BespokeBudget **out_budget);

G_END_DECLS
