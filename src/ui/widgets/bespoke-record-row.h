/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-record.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_RECORD_ROW (bespoke_record_row_get_type ())

G_DECLARE_FINAL_TYPE (BespokeRecordRow, bespoke_record_row, BESPOKE, RECORD_ROW, GtkListBoxRow)

GtkWidget        *bespoke_record_row_new          (BespokeRecord    *record,
                                                   const char       *title);
const char       *bespoke_record_row_get_uuid     (BespokeRecordRow *self);
void              bespoke_record_row_set_title    (BespokeRecordRow *self,
                                                   const char       *title);

gboolean          bespoke_record_row_fill_list    (GtkListBox       *list,
                                                   BespokeStore     *store,
                                                   GType             record_type,
                                                   GError          **error);
BespokeRecordRow *bespoke_record_row_find         (GtkListBox       *list,
                                                   const char       *uuid);
void              bespoke_record_row_focus_on_map (GtkListBox       *list);

G_END_DECLS
