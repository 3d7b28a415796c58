/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_HISTORY (bespoke_history_get_type ())

G_DECLARE_FINAL_TYPE (BespokeHistory, bespoke_history, BESPOKE, HISTORY, GObject)

BespokeHistory *bespoke_history_new          (BespokeStore    *store);
gboolean        bespoke_history_save         (BespokeHistory  *self,
                                              gpointer         record,
                                              const char      *label,
                                              GError         **error);
gboolean        bespoke_history_delete       (BespokeHistory  *self,
                                              gpointer         record,
                                              const char      *label,
                                              GError         **error);
gboolean        bespoke_history_set_photo    (BespokeHistory  *self,
                                              const char      *person_uuid,
                                              GBytes          *data,
                                              const char      *mime_type,
                                              const char      *label,
                                              GError         **error);
void            bespoke_history_begin_group  (BespokeHistory  *self,
                                              const char      *label);
void            bespoke_history_end_group    (BespokeHistory  *self);
gboolean        bespoke_history_undo         (BespokeHistory  *self,
                                              GError         **error);
gboolean        bespoke_history_redo         (BespokeHistory  *self,
                                              GError         **error);
gboolean        bespoke_history_get_can_undo (BespokeHistory  *self);
gboolean        bespoke_history_get_can_redo (BespokeHistory  *self);
const char     *bespoke_history_get_undo_label (BespokeHistory *self);
const char     *bespoke_history_get_redo_label (BespokeHistory *self);
void            bespoke_history_clear        (BespokeHistory  *self);

G_END_DECLS
