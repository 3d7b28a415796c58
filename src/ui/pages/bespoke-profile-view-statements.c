/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-profile-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-profile-view-private.h"
#include "bespoke-record-label.h"
#include "bespoke-scroll-into-view.h"
#include "bespoke-statement-row.h"

/* The statements of a BespokeProfileView: their rows, the entries that add
 * them, drag and drop between the sections, and the four edits, each saved
 * at once through the history. */

static void
add_toast (BespokeProfileView *self,
           AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
statement_text_edited_cb (BespokeProfileView  *self,
                          const char          *text,
                          BespokeStatementRow *row)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_profile_view_edit_statement (self, bespoke_statement_row_get_statement (row), text, &error))
    _bespoke_profile_view_show_error (self, _("The statement could not be changed."), error);
}

static void
statement_delete_requested_cb (BespokeProfileView  *self,
                               BespokeStatementRow *row)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_profile_view_delete_statement (self, bespoke_statement_row_get_statement (row), &error))
    _bespoke_profile_view_show_error (self, _("The statement could not be deleted."), error);
}

static void
statement_move_requested_cb (BespokeProfileView  *self,
                             int                  delta,
                             BespokeStatementRow *row)
{
  BespokeStatement *statement = bespoke_statement_row_get_statement (row);
  BespokeSection section = bespoke_statement_get_section (statement);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta;
  guint n = self->profile ? g_list_model_get_n_items (bespoke_profile_get_section (self->profile, section)) : 0;
  g_autoptr(GError) error = NULL;

  if (index < 0 || (guint) index >= n)
    {
      gtk_widget_error_bell (GTK_WIDGET (row));
      return;
    }
  if (!bespoke_profile_view_move_statement (self, statement, section, index, &error))
    _bespoke_profile_view_show_error (self, _("The statement could not be moved."), error);
}

static void
statement_dropped_cb (BespokeProfileView  *self,
                      const char          *uuid,
                      BespokeStatementRow *row)
{
  BespokeStatement *target = bespoke_statement_row_get_statement (row);
  g_autoptr(GError) error = NULL;

  if (self->profile == NULL)
    return;

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      GListModel *model = bespoke_profile_get_section (self->profile, s);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(BespokeStatement) dragged = g_list_model_get_item (model, i);

          if (g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (dragged)), uuid))
            {
              if (!bespoke_profile_view_move_statement (self, dragged,
                                                        bespoke_statement_get_section (target),
                                                        gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)),
                                                        &error))
                _bespoke_profile_view_show_error (self, _("The statement could not be moved."), error);
              return;
            }
        }
    }
}

static void
row_activated_cb (BespokeProfileView *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list)
{
  if (BESPOKE_IS_STATEMENT_ROW (row))
    bespoke_statement_row_start_editing (BESPOKE_STATEMENT_ROW (row));
}

GtkWidget *
_bespoke_profile_view_create_statement_row (gpointer item,
                                           gpointer user_data)
{
  BespokeProfileView *self = user_data;
  GtkWidget *row = bespoke_statement_row_new (item, _bespoke_profile_view_is_editable (self));

  g_signal_connect_object (row, "text-edited", G_CALLBACK (statement_text_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "delete-requested", G_CALLBACK (statement_delete_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move-requested", G_CALLBACK (statement_move_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "statement-dropped", G_CALLBACK (statement_dropped_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static BespokeSection
section_of_entry (BespokeProfileView *self,
                  GtkEntry           *entry)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    if (_bespoke_profile_view_get_add_entry (self, i) == entry)
      return i;
  g_assert_not_reached ();
}

static void
add_activate_cb (BespokeProfileView *self,
                 GtkEntry           *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  if (!bespoke_profile_view_add_statement (self, section_of_entry (self, entry), text, &error))
    {
      _bespoke_profile_view_show_error (self, _("The statement could not be added."), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  /* the new statement pushes the entry down: keep it, and what is typed
   * next, in view */
  bespoke_scroll_into_view (GTK_WIDGET (entry), NULL);
}

/* A statement dropped on a section's entry goes to the end of that section. */
static gboolean
add_entry_drop_cb (GtkDropTarget *target,
                   const GValue  *value,
                   double         x,
                   double         y,
                   gpointer       user_data)
{
  BespokeProfileView *self = user_data;
  GtkEntry *entry = GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  BespokeSection section = section_of_entry (self, entry);
  BespokeStatement *dropped = g_value_get_object (value);
  const char *uuid = dropped ? bespoke_record_get_uuid (BESPOKE_RECORD (dropped)) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->profile == NULL || uuid == NULL)
    return FALSE;

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      GListModel *model = bespoke_profile_get_section (self->profile, s);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(BespokeStatement) dragged = g_list_model_get_item (model, i);

          if (g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (dragged)), uuid))
            {
              guint n = g_list_model_get_n_items (bespoke_profile_get_section (self->profile, section));

              if (!bespoke_profile_view_move_statement (self, dragged, section, n, &error))
                _bespoke_profile_view_show_error (self, _("The statement could not be moved."), error);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
add_icon_pressed_cb (BespokeProfileView   *self,
                     GtkEntryIconPosition  position,
                     GtkEntry             *entry)
{
  add_activate_cb (self, entry);
}

void
_bespoke_profile_view_init_statements (BespokeProfileView *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GtkDropTarget *target = gtk_drop_target_new (BESPOKE_TYPE_STATEMENT, GDK_ACTION_MOVE);

      g_signal_connect (target, "drop", G_CALLBACK (add_entry_drop_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (_bespoke_profile_view_get_add_entry (self, i)), GTK_EVENT_CONTROLLER (target));
    }
}

void
_bespoke_profile_view_class_init_statements (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_icon_pressed_cb);
}

/**
 * bespoke_profile_view_add_statement:
 *
 * Adds @text at the end of @section of the shown person's profile, saved at
 * once through the history.
 */
gboolean
bespoke_profile_view_add_statement (BespokeProfileView  *self,
                                    BespokeSection       section,
                                    const char          *text,
                                    GError             **error)
{
  g_autoptr(BespokeStatement) statement = NULL;
  g_autofree char *label = NULL;
  guint position = 0;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (section < N_SECTIONS, FALSE);

  if (!_bespoke_profile_view_check_editable (self, error))
    return FALSE;

  if (self->profile != NULL)
    {
      GListModel *model = bespoke_profile_get_section (self->profile, section);
      guint n = g_list_model_get_n_items (model);

      if (n > 0)
        {
          g_autoptr(BespokeStatement) last = g_list_model_get_item (model, n - 1);
          position = bespoke_statement_get_position (last) + 1;
        }
    }

  statement = bespoke_statement_new ();
  bespoke_statement_set_person_uuid (statement, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)));
  bespoke_statement_set_section (statement, section);
  bespoke_statement_set_position (statement, position);
  bespoke_statement_set_text (statement, text);
  label = bespoke_undo_label_fill (_("Add %s"), self->store, BESPOKE_RECORD (statement));
  if (!bespoke_history_save (self->history, statement, label, error))
    return FALSE;

  _bespoke_profile_view_clear_error (self);
  _bespoke_profile_view_reload (self);
  return TRUE;
}

gboolean
bespoke_profile_view_edit_statement (BespokeProfileView  *self,
                                     BespokeStatement    *statement,
                                     const char          *text,
                                     GError             **error)
{
  g_autoptr(BespokeStatement) copy = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (statement), FALSE);

  if (!_bespoke_profile_view_check_editable (self, error))
    return FALSE;

  copy = BESPOKE_STATEMENT (bespoke_record_copy (BESPOKE_RECORD (statement)));
  bespoke_statement_set_text (copy, text);
  /* named as it was */
  label = bespoke_undo_label_fill (_("Change %s"), self->store, BESPOKE_RECORD (statement));
  if (!bespoke_history_save (self->history, copy, label, error))
    return FALSE;

  _bespoke_profile_view_clear_error (self);
  _bespoke_profile_view_focus_later (self, bespoke_record_get_uuid (BESPOKE_RECORD (statement)));
  _bespoke_profile_view_schedule_reload (self);
  return TRUE;
}

/* A deleted statement, kept by its toast for the toast's Undo. */
typedef struct
{
  GWeakRef          view;
  BespokeStatement *statement;
} DeletedStatement;

static void
deleted_statement_free (gpointer  data,
                        GClosure *closure)
{
  DeletedStatement *deleted = data;

  g_weak_ref_clear (&deleted->view);
  g_object_unref (deleted->statement);
  g_free (deleted);
}

static void
undo_delete_cb (AdwToast         *toast,
                DeletedStatement *deleted)
{
  g_autoptr(BespokeProfileView) self = g_weak_ref_get (&deleted->view);
  g_autoptr(BespokeStatement) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (self == NULL || self->history == NULL || bespoke_store_get_read_only (self->store))
    return;

  /* Put back as it was, in its old place. */
  copy = BESPOKE_STATEMENT (bespoke_record_copy (BESPOKE_RECORD (deleted->statement)));
  label = bespoke_undo_label_fill (_("Restore %s"), self->store, BESPOKE_RECORD (copy));
  if (!bespoke_history_save (self->history, copy, label, &error))
    _bespoke_profile_view_show_error (self, _("The statement could not be put back."), error);
  else
    {
      _bespoke_profile_view_focus_later (self, bespoke_record_get_uuid (BESPOKE_RECORD (copy)));
      _bespoke_profile_view_reload (self);
    }
}

/**
 * bespoke_profile_view_delete_statement:
 *
 * Deletes @statement through the history, and shows a toast whose Undo
 * puts it back.
 */
gboolean
bespoke_profile_view_delete_statement (BespokeProfileView  *self,
                                       BespokeStatement    *statement,
                                       GError             **error)
{
  g_autoptr(BespokeStatement) kept = NULL;
  g_autofree char *label = NULL;
  DeletedStatement *deleted;
  AdwToast *toast;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (statement), FALSE);

  if (!_bespoke_profile_view_check_editable (self, error))
    return FALSE;

  kept = BESPOKE_STATEMENT (bespoke_record_copy (BESPOKE_RECORD (statement)));
  label = bespoke_undo_label_fill (_("Delete %s"), self->store, BESPOKE_RECORD (kept));
  if (!bespoke_history_delete (self->history, kept, label, error))
    return FALSE;

  _bespoke_profile_view_clear_error (self);
  toast = adw_toast_new (_("Statement deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  deleted = g_new0 (DeletedStatement, 1);
  g_weak_ref_init (&deleted->view, self);
  deleted->statement = g_steal_pointer (&kept);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         deleted_statement_free, 0);
  add_toast (self, toast);

  /* Keyboard users stay in the section: on its entry. */
  gtk_widget_grab_focus (GTK_WIDGET (_bespoke_profile_view_get_add_entry (self, bespoke_statement_get_section (statement))));
  _bespoke_profile_view_reload (self);
  return TRUE;
}

/**
 * bespoke_profile_view_move_statement:
 * @section: the section to move it into (usually its own)
 * @index: where in that section, counting from 0
 *
 * Moves @statement, renumbering the section, as one step of the history.
 */
gboolean
bespoke_profile_view_move_statement (BespokeProfileView  *self,
                                     BespokeStatement    *statement,
                                     BespokeSection       section,
                                     guint                index,
                                     GError             **error)
{
  g_autoptr(GPtrArray) order = NULL;
  const char *uuid;
  GListModel *model;
  gboolean ok = TRUE;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (statement), FALSE);
  g_return_val_if_fail (section < N_SECTIONS, FALSE);

  if (!_bespoke_profile_view_check_editable (self, error))
    return FALSE;
  if (self->profile == NULL)
    return TRUE;

  uuid = bespoke_record_get_uuid (BESPOKE_RECORD (statement));
  model = bespoke_profile_get_section (self->profile, section);
  order = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      BespokeStatement *item = g_list_model_get_item (model, i);

      if (g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (item)), uuid))
        g_object_unref (item);
      else
        g_ptr_array_add (order, item);
    }
  g_ptr_array_insert (order, MIN (index, order->len), g_object_ref (statement));

  bespoke_history_begin_group (self->history, _("Move Statement"));
  if (!bespoke_store_begin (self->store, error))
    ok = FALSE;
  for (guint i = 0; ok && i < order->len; i++)
    {
      BespokeStatement *item = g_ptr_array_index (order, i);

      if (bespoke_statement_get_position (item) != i || bespoke_statement_get_section (item) != section)
        {
          g_autoptr(BespokeStatement) copy = BESPOKE_STATEMENT (bespoke_record_copy (BESPOKE_RECORD (item)));

          bespoke_statement_set_position (copy, i);
          bespoke_statement_set_section (copy, section);
          ok = bespoke_history_save (self->history, copy, _("Move Statement"), error);
        }
    }
  if (ok)
    ok = bespoke_store_commit (self->store, error);
  else
    bespoke_store_rollback (self->store);
  bespoke_history_end_group (self->history);

  if (!ok)
    {
      /* The rollback undid the saves, but the history has them: drop the
       * step by reloading what is really stored. */
      _bespoke_profile_view_reload (self);
      return FALSE;
    }

  _bespoke_profile_view_clear_error (self);
  _bespoke_profile_view_focus_later (self, uuid);
  _bespoke_profile_view_reload (self);
  return TRUE;
}
