/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-field-set.h"

G_BEGIN_DECLS

/*
 * BespokeField: one autosaving field.  It binds one widget (an AdwEntryRow,
 * an AdwComboRow or a GtkSpinButton) to one record, named by its UUID in a
 * #BespokeFieldSet, through an apply function that sets the widget's value
 * on a copy of that record, with an undo label.
 *
 * Contract:
 *  - Typed text (an entry row) is checked on every change: apply, then
 *    bespoke_record_validate().  Invalid text is kept on screen, the row
 *    gets the `error` style and the invalid accessible state, and the
 *    error's sentence is shown in @error_label (if any); nothing is saved.
 *    Valid text is saved through the set after the set's delay (500 ms)
 *    without a key, or at once on Enter or on leaving the row.
 *  - A choice (a combo row, a spin button) is saved at once.
 *  - Showing a value from code (bespoke_field_set_text() and friends) never
 *    saves it.
 *  - A date or money property given with bespoke_field_set_canonical() is
 *    written the usual way on Enter or leaving, once saved: "35000" becomes
 *    "£35,000.00", "2027-04-01" "1/4/2027".
 *  - The field lives as long as its widget: bind it and forget it, or keep
 *    the returned pointer (not a reference) beside the widget.  A field
 *    still waiting to be saved is saved when its widget is unmapped; flush
 *    the set before destroying rows that may never have been mapped.
 *  - bespoke_field_set_uuid() points the field at another record (a row
 *    kept while the editor shows another plan, home or menu): a field
 *    waiting is saved first, and the error mark is cleared.
 *  - #BespokeField::saved is emitted after the field's own edit was saved.
 *  - @error_label is shown and hidden with the sentence: the label itself,
 *    or its parent if that is a GtkListBoxRow or a GtkRevealer.  Several
 *    fields may share one label.
 */

#define BESPOKE_TYPE_FIELD (bespoke_field_get_type ())

G_DECLARE_FINAL_TYPE (BespokeField, bespoke_field, BESPOKE, FIELD, GObject)

/* Sets @text on @record; FALSE with a sentence for the user if it cannot. */
typedef gboolean (*BespokeApplyText)  (BespokeRecord  *record,
                                       const char     *text,
                                       GError        **error);
/* Sets the chosen @index (a combo row) or value (a spin button) on @record. */
typedef void     (*BespokeApplyIndex) (BespokeRecord  *record,
                                       guint           index);

BespokeField *bespoke_field_bind_text      (BespokeFieldSet   *set,
                                            AdwEntryRow       *row,
                                            const char        *uuid,
                                            BespokeApplyText   apply,
                                            const char        *undo_label,
                                            GtkLabel          *error_label);
BespokeField *bespoke_field_bind_combo     (BespokeFieldSet   *set,
                                            AdwComboRow       *row,
                                            const char        *uuid,
                                            BespokeApplyIndex  apply,
                                            const char        *undo_label,
                                            GtkLabel          *error_label);
BespokeField *bespoke_field_bind_spin      (BespokeFieldSet   *set,
                                            GtkSpinButton     *spin,
                                            const char        *uuid,
                                            BespokeApplyIndex  apply,
                                            const char        *undo_label,
                                            GtkLabel          *error_label);

void          bespoke_field_set_uuid       (BespokeField      *self,
                                            const char        *uuid);
void          bespoke_field_set_canonical  (BespokeField      *self,
                                            const char        *property);
void          bespoke_field_add_date_picker (BespokeField     *self,
                                            const char        *property);
void          bespoke_field_set_text       (BespokeField      *self,
                                            const char        *text);
void          bespoke_field_set_index      (BespokeField      *self,
                                            guint              index);
void          bespoke_field_commit         (BespokeField      *self);
GtkWidget    *bespoke_field_get_widget     (BespokeField      *self);
GtkWidget    *bespoke_field_get_row        (BespokeField      *self);
const char   *bespoke_field_get_uuid       (BespokeField      *self);
GtkLabel     *bespoke_field_get_error_label (BespokeField     *self);

/* Rows made and bound in one go, titled (and named for assistive
 * technologies) @title.  bespoke_field_get_row() gives the row to add to a
 * group (for a spin button, the action row holding it). */
BespokeField *bespoke_field_new_text_row   (BespokeFieldSet   *set,
                                            const char        *title,
                                            const char        *text,
                                            const char        *uuid,
                                            BespokeApplyText   apply,
                                            const char        *undo_label,
                                            GtkLabel          *error_label);
BespokeField *bespoke_field_new_combo_row (BespokeFieldSet    *set,
                                            const char         *title,
                                            const char * const *items,
                                            guint               selected,
                                            const char         *uuid,
                                            BespokeApplyIndex   apply,
                                            const char         *undo_label,
                                            GtkLabel           *error_label);
BespokeField *bespoke_field_new_spin_row  (BespokeFieldSet   *set,
                                            const char        *title,
                                            const char        *subtitle,
                                            guint              value,
                                            guint              lower,
                                            guint              upper,
                                            const char        *uuid,
                                            BespokeApplyIndex  apply,
                                            const char        *undo_label);

/* Marks @widget (if any) with the `error` style and the invalid state, and
 * shows @message in @error_label (if any); a %NULL @message clears both. */
void          bespoke_field_show_error     (GtkWidget         *widget,
                                            GtkLabel          *error_label,
                                            const char        *message);
GtkLabel     *bespoke_field_error_label_new (void);
char         *bespoke_field_date_text      (const char        *iso);

G_END_DECLS
