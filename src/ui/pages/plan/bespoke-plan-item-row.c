/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-item-row"

#include "config.h"

#include "bespoke-plan-item-row.h"

typedef struct
{
  BespokePlanContext *context;
  char               *uuid;
  const char         *undo_label;   /* interned */
  const char         *done;         /* interned */

  GtkLabel           *error_label;
} BespokePlanItemRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (BespokePlanItemRow, bespoke_plan_item_row, ADW_TYPE_EXPANDER_ROW)

static void
on_expanded_cb (BespokePlanItemRow *self,
                GParamSpec         *pspec)
{
  BespokePlanItemRowPrivate *priv = bespoke_plan_item_row_get_instance_private (self);

  if (priv->context != NULL)
    bespoke_plan_context_set_expanded (priv->context, priv->uuid,
                                       adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)));
}

/* Gives the row its record and title, opened if it was open before. */
void
bespoke_plan_item_row_setup (BespokePlanItemRow *self,
                             BespokePlanContext *context,
                             BespokeRecord      *record,
                             const char         *title)
{
  BespokePlanItemRowPrivate *priv = bespoke_plan_item_row_get_instance_private (self);

  g_return_if_fail (BESPOKE_IS_PLAN_ITEM_ROW (self));

  g_set_object (&priv->context, context);
  g_free (priv->uuid);
  priv->uuid = g_strdup (bespoke_record_get_uuid (record));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), bespoke_plan_context_is_expanded (context, priv->uuid));
}

GtkWidget *
bespoke_plan_item_row_new (BespokePlanContext *context,
                           BespokeRecord      *record,
                           const char         *title)
{
  BespokePlanItemRow *self = g_object_new (BESPOKE_TYPE_PLAN_ITEM_ROW, NULL);

  bespoke_plan_item_row_setup (self, context, record, title);
  return GTK_WIDGET (self);
}

const char *
bespoke_plan_item_row_get_uuid (BespokePlanItemRow *self)
{
  BespokePlanItemRowPrivate *priv = bespoke_plan_item_row_get_instance_private (self);

  return priv->uuid;
}

BespokePlanContext *
bespoke_plan_item_row_get_context (BespokePlanItemRow *self)
{
  BespokePlanItemRowPrivate *priv = bespoke_plan_item_row_get_instance_private (self);

  return priv->context;
}

GtkLabel *
bespoke_plan_item_row_get_error_label (BespokePlanItemRow *self)
{
  BespokePlanItemRowPrivate *priv = bespoke_plan_item_row_get_instance_private (self);

  return priv->error_label;
}

/* Adds a field's row under the others */
void
bespoke_plan_item_row_add_field (BespokePlanItemRow *self,
                                 BespokeField       *field)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), bespoke_field_get_row (field));
}

static void
on_remove_clicked_cb (GtkButton          *button,
                      BespokePlanItemRow *self)
{
  BespokePlanItemRowPrivate *priv = bespoke_plan_item_row_get_instance_private (self);
  g_autofree char *uuid = g_strdup (priv->uuid);

  if (priv->context != NULL)
    bespoke_plan_context_remove (priv->context, uuid, priv->undo_label, priv->done);
}

/* The Remove button, last: @label on it, @undo_label for Ctrl+Z, @done in
 * the toast. */
void
bespoke_plan_item_row_add_remove (BespokePlanItemRow *self,
                                  const char         *label,
                                  const char         *undo_label,
                                  const char         *done)
{
  BespokePlanItemRowPrivate *priv = bespoke_plan_item_row_get_instance_private (self);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *button = gtk_button_new_with_label (label);

  priv->undo_label = g_intern_string (undo_label);
  priv->done = g_intern_string (done);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 8);
  gtk_widget_set_margin_bottom (button, 8);
  gtk_widget_set_margin_end (button, 12);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
}

/* The first field shown in @widget (below an item row's title, or in the plan's
 * header): an entry, a choice or a
 * number, in the order the rows were added */
GtkWidget *
bespoke_plan_first_field (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (ADW_IS_ENTRY_ROW (child) || ADW_IS_COMBO_ROW (child) || GTK_IS_SPIN_BUTTON (child))
        return child;
      if ((found = bespoke_plan_first_field (child)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * bespoke_plan_item_row_focus_first_field:
 *
 * Opens the row and puts the keyboard focus in its first field, as after
 * adding the record or undoing a change to it.
 *
 * Returns: (transfer none) (nullable): the field focused
 */
GtkWidget *
bespoke_plan_item_row_focus_first_field (BespokePlanItemRow *self)
{
  GtkWidget *field;

  g_return_val_if_fail (BESPOKE_IS_PLAN_ITEM_ROW (self), NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  field = bespoke_plan_first_field (GTK_WIDGET (self));
  if (field == NULL || !gtk_widget_grab_focus (field))
    return NULL;
  return field;
}

static void
bespoke_plan_item_row_dispose (GObject *object)
{
  BespokePlanItemRow *self = BESPOKE_PLAN_ITEM_ROW (object);
  BespokePlanItemRowPrivate *priv = bespoke_plan_item_row_get_instance_private (self);

  g_clear_object (&priv->context);

  G_OBJECT_CLASS (bespoke_plan_item_row_parent_class)->dispose (object);
}

static void
bespoke_plan_item_row_finalize (GObject *object)
{
  BespokePlanItemRow *self = BESPOKE_PLAN_ITEM_ROW (object);
  BespokePlanItemRowPrivate *priv = bespoke_plan_item_row_get_instance_private (self);

  g_free (priv->uuid);

  G_OBJECT_CLASS (bespoke_plan_item_row_parent_class)->finalize (object);
}

static void
bespoke_plan_item_row_class_init (BespokePlanItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_plan_item_row_dispose;
  object_class->finalize = bespoke_plan_item_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-item-row.ui");
  gtk_widget_class_bind_template_child_private (widget_class, BespokePlanItemRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_expanded_cb);
}

static void
bespoke_plan_item_row_init (BespokePlanItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
bespoke_plan_item_rows_clear (AdwPreferencesGroup *group,
                              GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

BespokePlanItemRow *
bespoke_plan_item_rows_find (GPtrArray  *rows,
                             const char *uuid)
{
  for (guint i = 0; uuid != NULL && i < rows->len; i++)
    if (g_strcmp0 (bespoke_plan_item_row_get_uuid (g_ptr_array_index (rows, i)), uuid) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}
