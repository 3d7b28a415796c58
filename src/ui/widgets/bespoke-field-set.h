/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bespoke-history.h"
#include "bespoke-record.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

/*
 * BespokeFieldSet: the records an editor shows, as last saved, and the one
 * place its edits are saved through.  See bespoke-field.h for the fields
 * bound to it.
 *
 * Contract:
 *  - remember() every record the editor shows; fields apply their edits to
 *    a copy of the remembered record with their UUID, never to a widget's
 *    own copy, so an edit made elsewhere (an undo) that the editor
 *    remembers again is the one the next keystroke builds on.
 *  - save() validates a changed copy (bespoke_record_validate()), leaves
 *    the store alone if it equals the remembered record, and otherwise
 *    saves it through the #BespokeHistory (undoable, under @undo_label) or
 *    straight into the store without one, remembers it and emits
 *    #BespokeFieldSet::saved.  While it saves, get_saving() is %TRUE, so
 *    that the editor can tell its own changes from the store's others.
 *  - At most one typed field waits to be saved (half a second after its
 *    last key, by default): flush() saves it now.  An editor flushes before
 *    it rebuilds its rows, before it adds or removes a record, and when it
 *    is unmapped or disposed, so nothing typed is lost.
 */

#define BESPOKE_TYPE_FIELD_SET (bespoke_field_set_get_type ())

G_DECLARE_FINAL_TYPE (BespokeFieldSet, bespoke_field_set, BESPOKE, FIELD_SET, GObject)

BespokeFieldSet *bespoke_field_set_new            (void);
void             bespoke_field_set_set_store      (BespokeFieldSet  *self,
                                                   BespokeStore     *store,
                                                   BespokeHistory   *history);
BespokeStore    *bespoke_field_set_get_store      (BespokeFieldSet  *self);
BespokeHistory  *bespoke_field_set_get_history    (BespokeFieldSet  *self);
void             bespoke_field_set_set_save_delay (BespokeFieldSet  *self,
                                                   guint             delay_ms);
guint            bespoke_field_set_get_save_delay (BespokeFieldSet  *self);

void             bespoke_field_set_remember       (BespokeFieldSet  *self,
                                                   gpointer          record);
void             bespoke_field_set_forget         (BespokeFieldSet  *self,
                                                   const char       *uuid);
void             bespoke_field_set_forget_all     (BespokeFieldSet  *self);
BespokeRecord   *bespoke_field_set_lookup         (BespokeFieldSet  *self,
                                                   const char       *uuid);
GPtrArray       *bespoke_field_set_list           (BespokeFieldSet  *self,
                                                   GType             type);
void             bespoke_field_set_reload         (BespokeFieldSet  *self,
                                                   GType             type,
                                                   const char       *uuid);

gboolean         bespoke_field_set_save           (BespokeFieldSet  *self,
                                                   BespokeRecord    *copy,
                                                   const char       *undo_label,
                                                   GError          **error);
gboolean         bespoke_field_set_delete         (BespokeFieldSet  *self,
                                                   const char       *uuid,
                                                   const char       *undo_label,
                                                   GError          **error);
gboolean         bespoke_field_set_get_saving     (BespokeFieldSet  *self);
void             bespoke_field_set_flush          (BespokeFieldSet  *self);

G_END_DECLS
