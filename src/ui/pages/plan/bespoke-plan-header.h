/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-plan-section.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PLAN_HEADER (bespoke_plan_header_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlanHeader, bespoke_plan_header, BESPOKE, PLAN_HEADER, GtkWidget)

G_END_DECLS
