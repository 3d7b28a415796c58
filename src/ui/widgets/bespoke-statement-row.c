/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-statement-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-statement-row.h"

/**
 * BespokeStatementRow:
 *
 * One statement of a one-page profile, in its section's list.  Activating
 * the row (a click, Enter or F2) edits it in place: Enter keeps the change
 * and Escape leaves it as it was.  Alt+Up and Alt+Down move it, dragging it
 * onto another statement moves it there, and Delete deletes it.  The row
 * only asks: the profile view saves, through the history, and reloads.
 */
struct _BespokeStatementRow
{
  GtkListBoxRow     parent_instance;

  BespokeStatement *statement;
  gboolean          editable;
  gboolean          editing;

  GtkStack         *stack;
  GtkLabel         *label;
  GtkWidget        *handle;
  GtkWidget        *delete_button;
  GtkEntry         *entry;
};

G_DEFINE_FINAL_TYPE (BespokeStatementRow, bespoke_statement_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  TEXT_EDITED,
  DELETE_REQUESTED,
  MOVE_REQUESTED,
  STATEMENT_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_accessible_label (BespokeStatementRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bespoke_statement_get_text (self->statement),
                                  -1);
}

static void
stop_editing (BespokeStatementRow *self,
              gboolean             keep)
{
  g_autofree char *text = NULL;

  if (!self->editing)
    return;
  self->editing = FALSE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  gtk_stack_set_visible_child_name (self->stack, "view");
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->stack)) != NULL || gtk_widget_has_focus (GTK_WIDGET (self->entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  /* An empty statement is not saved: the old text stays. */
  if (keep && *text != '\0' && g_strcmp0 (text, bespoke_statement_get_text (self->statement)) != 0)
    {
      gtk_label_set_label (self->label, text);
      g_signal_emit (self, signals[TEXT_EDITED], 0, text);
    }
}

static void
entry_activate_cb (BespokeStatementRow *self,
                   GtkEntry            *entry)
{
  stop_editing (self, TRUE);
}

static gboolean
entry_key_pressed_cb (BespokeStatementRow   *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape && self->editing)
    {
      stop_editing (self, FALSE);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
entry_focus_left_cb (BespokeStatementRow     *self,
                     GtkEventControllerFocus *controller)
{
  stop_editing (self, TRUE);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bespoke_statement_row_start_editing (BESPOKE_STATEMENT_ROW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BespokeStatementRow *self = BESPOKE_STATEMENT_ROW (widget);

  if (self->editable && !self->editing)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BespokeStatementRow *self = BESPOKE_STATEMENT_ROW (widget);

  if (self->editable && !self->editing)
    g_signal_emit (self, signals[MOVE_REQUESTED], 0, g_str_equal (action_name, "row.move-up") ? -1 : 1);
}

static GdkContentProvider *
drag_prepare_cb (BespokeStatementRow *self,
                 double               x,
                 double               y,
                 GtkDragSource       *source)
{
  if (!self->editable || self->editing)
    return NULL;
  /* The statement itself, not its text, so that an entry does not take
   * the drop as text to insert. */
  return gdk_content_provider_new_typed (BESPOKE_TYPE_STATEMENT, self->statement);
}

static void
drag_begin_cb (BespokeStatementRow *self,
               GdkDrag             *drag,
               GtkDragSource       *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_cb (BespokeStatementRow *self,
         const GValue        *value,
         double               x,
         double               y,
         GtkDropTarget       *target)
{
  BespokeStatement *dropped = g_value_get_object (value);
  const char *uuid = dropped ? bespoke_record_get_uuid (BESPOKE_RECORD (dropped)) : NULL;

  if (uuid == NULL || g_str_equal (uuid, bespoke_record_get_uuid (BESPOKE_RECORD (self->statement))))
    return FALSE;
  g_signal_emit (self, signals[STATEMENT_DROPPED], 0, uuid);
  return TRUE;
}

static void
bespoke_statement_row_dispose (GObject *object)
{
  BespokeStatementRow *self = (BespokeStatementRow *)object;

  self->editing = FALSE;
  /* The row lets go of its child itself, before the template does. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_STATEMENT_ROW);
  g_clear_object (&self->statement);

  G_OBJECT_CLASS (bespoke_statement_row_parent_class)->dispose (object);
}

static void
bespoke_statement_row_class_init (BespokeStatementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_statement_row_dispose;

  /**
   * BespokeStatementRow::text-edited:
   * @text: the new text, trimmed and not empty
   */
  signals[TEXT_EDITED] =
    g_signal_new ("text-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * BespokeStatementRow::move-requested:
   * @delta: -1 to move up, 1 to move down
   */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * BespokeStatementRow::statement-dropped:
   * @uuid: the statement dragged onto this one, to take its place
   */
  signals[STATEMENT_DROPPED] =
    g_signal_new ("statement-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-statement-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeStatementRow, stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeStatementRow, label);
  gtk_widget_class_bind_template_child (widget_class, BespokeStatementRow, handle);
  gtk_widget_class_bind_template_child (widget_class, BespokeStatementRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeStatementRow, entry);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "row.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "row.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "row.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "row.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "row.move-down", NULL);
}

static void
bespoke_statement_row_init (BespokeStatementRow *self)
{
  GtkEventController *controller;
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (entry_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (BESPOKE_TYPE_STATEMENT, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * bespoke_statement_row_new:
 * @editable: FALSE for a read-only database: the row only shows the text
 */
GtkWidget *
bespoke_statement_row_new (BespokeStatement *statement,
                           gboolean          editable)
{
  BespokeStatementRow *self;

  g_return_val_if_fail (BESPOKE_IS_STATEMENT (statement), NULL);

  self = g_object_new (BESPOKE_TYPE_STATEMENT_ROW,
                       "activatable", editable,
                       NULL);
  self->statement = g_object_ref (statement);
  self->editable = editable;
  gtk_label_set_label (self->label, bespoke_statement_get_text (statement));
  gtk_widget_set_visible (self->handle, editable);
  gtk_widget_set_visible (self->delete_button, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.edit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", editable);
  if (editable)
    {
      const char *help = _("Click or press Enter to change; Alt+Up and Alt+Down move it; Delete deletes it");

      gtk_widget_set_tooltip_text (GTK_WIDGET (self), help);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, help,
                                      -1);
    }
  update_accessible_label (self);
  return GTK_WIDGET (self);
}

/**
 * bespoke_statement_row_get_statement:
 *
 * Returns: (transfer none): the statement shown, as it was when the row was made
 */
BespokeStatement *
bespoke_statement_row_get_statement (BespokeStatementRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_STATEMENT_ROW (self), NULL);
  return self->statement;
}

void
bespoke_statement_row_start_editing (BespokeStatementRow *self)
{
  g_return_if_fail (BESPOKE_IS_STATEMENT_ROW (self));

  if (!self->editable || self->editing)
    return;
  self->editing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), gtk_label_get_label (self->label));
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

gboolean
bespoke_statement_row_get_editing (BespokeStatementRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_STATEMENT_ROW (self), FALSE);
  return self->editing;
}
