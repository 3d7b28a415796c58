/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-section"

#include "config.h"

#include "bespoke-plan-section.h"

G_DEFINE_INTERFACE (BespokePlanSection, bespoke_plan_section, GTK_TYPE_WIDGET)

static void
bespoke_plan_section_default_init (BespokePlanSectionInterface *iface)
{
}

void
bespoke_plan_section_set_plan (BespokePlanSection *self,
                               BespokePlanContext *context)
{
  g_return_if_fail (BESPOKE_IS_PLAN_SECTION (self));
  g_return_if_fail (context == NULL || BESPOKE_IS_PLAN_CONTEXT (context));

  BESPOKE_PLAN_SECTION_GET_IFACE (self)->set_plan (self, context);
}

void
bespoke_plan_section_refresh (BespokePlanSection *self,
                              BespokeRecord      *record)
{
  BespokePlanSectionInterface *iface;

  g_return_if_fail (BESPOKE_IS_PLAN_SECTION (self));

  iface = BESPOKE_PLAN_SECTION_GET_IFACE (self);
  if (iface->refresh != NULL)
    iface->refresh (self, record);
}
