/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-plan-context.h"

G_BEGIN_DECLS

/*
 * BespokePlanItemRow: the open-and-close row of one record of a plan (an
 * outcome, a risk, a refund, a support line): its fields below a row for
 * their error sentence, and a Remove button last.  It holds its record's
 * UUID, and keeps its open state in the context over a rebuild.
 */

#define BESPOKE_TYPE_PLAN_ITEM_ROW (bespoke_plan_item_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (BespokePlanItemRow, bespoke_plan_item_row, BESPOKE, PLAN_ITEM_ROW, AdwExpanderRow)

struct _BespokePlanItemRowClass
{
  AdwExpanderRowClass parent_class;
};

GtkWidget          *bespoke_plan_item_row_new             (BespokePlanContext *context,
                                                           BespokeRecord      *record,
                                                           const char         *title);
void                bespoke_plan_item_row_setup           (BespokePlanItemRow *self,
                                                           BespokePlanContext *context,
                                                           BespokeRecord      *record,
                                                           const char         *title);
const char         *bespoke_plan_item_row_get_uuid        (BespokePlanItemRow *self);
BespokePlanContext *bespoke_plan_item_row_get_context     (BespokePlanItemRow *self);
GtkLabel           *bespoke_plan_item_row_get_error_label (BespokePlanItemRow *self);
void                bespoke_plan_item_row_add_field       (BespokePlanItemRow *self,
                                                           BespokeField       *field);
void                bespoke_plan_item_row_add_remove      (BespokePlanItemRow *self,
                                                           const char         *label,
                                                           const char         *undo_label,
                                                           const char         *done);
GtkWidget          *bespoke_plan_item_row_focus_first_field (BespokePlanItemRow *self);

G_END_DECLS

G_BEGIN_DECLS

/* For the sections: the rows of @group, listed in @rows, taken out. */
void bespoke_plan_item_rows_clear (AdwPreferencesGroup *group,
                                   GPtrArray           *rows);
BespokePlanItemRow *bespoke_plan_item_rows_find (GPtrArray  *rows,
                                                 const char *uuid);

GtkWidget *bespoke_plan_first_field (GtkWidget *widget);

G_END_DECLS
