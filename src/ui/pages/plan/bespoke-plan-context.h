/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-field.h"

G_BEGIN_DECLS

/*
 * BespokePlanContext: what the sections of the Plan page share while one
 * plan is shown: the plan, its records as last saved and the fields'
 * saving (a #BespokeFieldSet), the menus' products, and which rows are
 * open.  Sections ask it to add and remove records; it asks the page, by
 * its signals, to rebuild the rows or to show a toast.
 */

#define BESPOKE_TYPE_PLAN_CONTEXT (bespoke_plan_context_get_type ())

G_DECLARE_FINAL_TYPE (BespokePlanContext, bespoke_plan_context, BESPOKE, PLAN_CONTEXT, GObject)

BespokePlanContext *bespoke_plan_context_new            (BespokeFieldSet    *fields);
BespokeFieldSet    *bespoke_plan_context_get_fields     (BespokePlanContext *self);
BespokeStore       *bespoke_plan_context_get_store      (BespokePlanContext *self);
BespokePlan        *bespoke_plan_context_get_plan       (BespokePlanContext *self);
const char         *bespoke_plan_context_get_plan_uuid  (BespokePlanContext *self);
void                bespoke_plan_context_set_plan       (BespokePlanContext *self,
                                                         BespokePlan        *plan);
GPtrArray          *bespoke_plan_context_load           (BespokePlanContext *self,
                                                         GType               type);
guint               bespoke_plan_context_next_position  (BespokePlanContext *self,
                                                         GType               type);
guint32             bespoke_plan_context_get_start_day  (BespokePlanContext *self);

gboolean            bespoke_plan_context_save           (BespokePlanContext *self,
                                                         BespokeRecord      *copy,
                                                         const char         *undo_label,
                                                         GtkWidget          *widget,
                                                         GtkLabel           *error_label);
void                bespoke_plan_context_add            (BespokePlanContext *self,
                                                         BespokeRecord      *record,
                                                         const char         *undo_label);
void                bespoke_plan_context_remove         (BespokePlanContext *self,
                                                         const char         *uuid,
                                                         const char         *undo_label,
                                                         const char         *done);
void                bespoke_plan_context_rebuild        (BespokePlanContext *self);
void                bespoke_plan_context_toast          (BespokePlanContext *self,
                                                         const char         *text);
void                bespoke_plan_context_set_focus      (BespokePlanContext *self,
                                                         const char         *uuid);
char               *bespoke_plan_context_take_focus     (BespokePlanContext *self);

gboolean            bespoke_plan_context_is_expanded    (BespokePlanContext *self,
                                                         const char         *uuid);
void                bespoke_plan_context_set_expanded   (BespokePlanContext *self,
                                                         const char         *uuid,
                                                         gboolean            expanded);
void                bespoke_plan_context_forget_expanded (BespokePlanContext *self);

void                bespoke_plan_context_load_products  (BespokePlanContext *self);
GPtrArray          *bespoke_plan_context_get_products   (BespokePlanContext *self);
BespokeProduct     *bespoke_plan_context_find_product   (BespokePlanContext *self,
                                                         const char         *uuid);
BespokeProduct     *bespoke_plan_context_first_product  (BespokePlanContext *self,
                                                         BespokeProductKind  kind);
char               *bespoke_plan_context_product_text   (BespokePlanContext *self,
                                                         BespokeProduct     *product);

gboolean            bespoke_plan_apply_date             (BespokeRecord      *record,
                                                         const char         *property,
                                                         const char         *text,
                                                         gboolean            optional,
                                                         const char         *field_name,
                                                         GError            **error);

/* An applier that sets a text property, empty as NULL */
#define BESPOKE_PLAN_TEXT_APPLIER(name, property)                      \
  static gboolean                                                      \
  name (BespokeRecord *r, const char *text, GError **error)            \
  {                                                                    \
    g_autofree char *stripped = g_strstrip (g_strdup (text));          \
    g_object_set (r, property, *stripped ? stripped : NULL, NULL);     \
    return TRUE;                                                       \
  }

G_END_DECLS
