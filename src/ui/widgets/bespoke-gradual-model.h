/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BESPOKE_TYPE_GRADUAL_MODEL (bespoke_gradual_model_get_type ())

/* A GtkListView of GTK 4.8 builds a row for each of up to this many items
 * around the one it is scrolled to (GTK_LIST_VIEW_MAX_LIST_ITEMS), visible
 * or not; items beyond them cost it only their count. */
#define BESPOKE_GRADUAL_MODEL_ROWS_BUILT 200

G_DECLARE_FINAL_TYPE (BespokeGradualModel, bespoke_gradual_model, BESPOKE, GRADUAL_MODEL, GObject)

BespokeGradualModel *bespoke_gradual_model_new          (GListModel          *model,
                                                         guint                step);
void                 bespoke_gradual_model_set_model    (BespokeGradualModel *self,
                                                         GListModel          *model);
guint                bespoke_gradual_model_get_n_hidden (BespokeGradualModel *self);
guint                bespoke_gradual_model_get_position (BespokeGradualModel *self,
                                                         guint                position);
guint                bespoke_gradual_model_show_item    (BespokeGradualModel *self,
                                                         guint                position);
gboolean             bespoke_gradual_model_step         (BespokeGradualModel *self);
void                 bespoke_gradual_model_show_all     (BespokeGradualModel *self);

G_END_DECLS
