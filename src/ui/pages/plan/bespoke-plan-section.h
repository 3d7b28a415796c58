/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-plan-context.h"

G_BEGIN_DECLS

/*
 * BespokePlanSection: one part of the Plan page (its header, outcomes,
 * support lines, risks, refunds), as GNOME Calendar's event editor is
 * made of sections.
 *
 *  - set_plan() shows the plan of @context (its records loaded from the
 *    store and remembered in the context's fields), or nothing if @context
 *    is %NULL or has no plan;
 *  - refresh() lets the row of @record, just saved, follow it (its title,
 *    its subtitle).
 */

#define BESPOKE_TYPE_PLAN_SECTION (bespoke_plan_section_get_type ())

G_DECLARE_INTERFACE (BespokePlanSection, bespoke_plan_section, BESPOKE, PLAN_SECTION, GtkWidget)

struct _BespokePlanSectionInterface
{
  GTypeInterface parent_iface;

  void (*set_plan) (BespokePlanSection *self,
                    BespokePlanContext *context);
  void (*refresh)  (BespokePlanSection *self,
                    BespokeRecord      *record);
};

void bespoke_plan_section_set_plan (BespokePlanSection *self,
                                    BespokePlanContext *context);
void bespoke_plan_section_refresh  (BespokePlanSection *self,
                                    BespokeRecord      *record);

G_END_DECLS
