/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-resident-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-money.h"
#include "bespoke-resident-row.h"

/**
 * BespokeResidentRow:
 *
 * One resident of a shared home: their name, with their allocation and
 * weight beneath it, and a button to take them out of the home.  The row
 * holds the resident as last stored; the homes window parses and stores
 * what is typed, and hands the row the stored record back.
 *
 * The row emits #BespokeResidentRow::allocation-changed and
 * #BespokeResidentRow::weight-changed when the text of a field changes,
 * and #BespokeResidentRow::remove when the button is clicked.
 */
struct _BespokeResidentRow
{
  AdwExpanderRow       parent_instance;

  BespokeHomeResident *resident;

  AdwEntryRow         *allocation_row;
  AdwEntryRow         *weight_row;
  GtkButton           *remove_button;
};

G_DEFINE_FINAL_TYPE (BespokeResidentRow, bespoke_resident_row, ADW_TYPE_EXPANDER_ROW)

enum {
  ALLOCATION_CHANGED,
  WEIGHT_CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_subtitle (BespokeResidentRow *self)
{
  g_autofree char *allocation = bespoke_money_format (bespoke_home_resident_get_allocation (self->resident));
  /* Translators: a resident's allocation and weight, e.g. "£50,000.00 a year, weight 1" */
  g_autofree char *subtitle = g_strdup_printf (_("%s a year, weight %u"), allocation,
                                               bespoke_home_resident_get_weight (self->resident));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

/**
 * bespoke_resident_row_new:
 * @resident: the resident, as stored
 * @name: the resident's name, as the people list has it
 */
GtkWidget *
bespoke_resident_row_new (BespokeHomeResident *resident,
                          const char          *name)
{
  BespokeResidentRow *self;
  g_autofree char *allocation = NULL;
  g_autofree char *weight = NULL;
  g_autofree char *remove_label = g_strdup_printf (_("Take %s out of this home"), name);
  g_autofree char *allocation_label = g_strdup_printf (_("%s’s allocation a year"), name);
  g_autofree char *weight_label = g_strdup_printf (_("%s’s weight"), name);

  g_return_val_if_fail (BESPOKE_IS_HOME_RESIDENT (resident), NULL);

  self = g_object_new (BESPOKE_TYPE_RESIDENT_ROW, "title", name, NULL);
  self->resident = g_object_ref (resident);
  update_subtitle (self);

  allocation = bespoke_money_format (bespoke_home_resident_get_allocation (resident));
  weight = g_strdup_printf ("%u", bespoke_home_resident_get_weight (resident));
  gtk_editable_set_text (GTK_EDITABLE (self->allocation_row), allocation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->allocation_row), GTK_ACCESSIBLE_PROPERTY_LABEL, allocation_label, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->weight_row), weight);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->weight_row), GTK_ACCESSIBLE_PROPERTY_LABEL, weight_label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  return GTK_WIDGET (self);
}

BespokeHomeResident *
bespoke_resident_row_get_resident (BespokeResidentRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_RESIDENT_ROW (self), NULL);

  return self->resident;
}

/**
 * bespoke_resident_row_set_resident:
 *
 * Takes @resident as the record the row stands for, once it is stored, and
 * says its allocation and weight in the subtitle.  The fields keep what was
 * typed.
 */
void
bespoke_resident_row_set_resident (BespokeResidentRow  *self,
                                   BespokeHomeResident *resident)
{
  g_return_if_fail (BESPOKE_IS_RESIDENT_ROW (self));
  g_return_if_fail (BESPOKE_IS_HOME_RESIDENT (resident));

  g_set_object (&self->resident, resident);
  update_subtitle (self);
}

GtkEditable *
bespoke_resident_row_get_allocation_row (BespokeResidentRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_RESIDENT_ROW (self), NULL);

  return GTK_EDITABLE (self->allocation_row);
}

GtkEditable *
bespoke_resident_row_get_weight_row (BespokeResidentRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_RESIDENT_ROW (self), NULL);

  return GTK_EDITABLE (self->weight_row);
}

GtkButton *
bespoke_resident_row_get_remove_button (BespokeResidentRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_RESIDENT_ROW (self), NULL);

  return self->remove_button;
}

static void
on_allocation_changed_cb (BespokeResidentRow *self)
{
  g_signal_emit (self, signals[ALLOCATION_CHANGED], 0);
}

static void
on_weight_changed_cb (BespokeResidentRow *self)
{
  g_signal_emit (self, signals[WEIGHT_CHANGED], 0);
}

static void
on_remove_clicked_cb (BespokeResidentRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
bespoke_resident_row_dispose (GObject *object)
{
  BespokeResidentRow *self = BESPOKE_RESIDENT_ROW (object);

  g_clear_object (&self->resident);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_RESIDENT_ROW);

  G_OBJECT_CLASS (bespoke_resident_row_parent_class)->dispose (object);
}

static void
bespoke_resident_row_class_init (BespokeResidentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_resident_row_dispose;

  /**
   * BespokeResidentRow::allocation-changed:
   *
   * The text of the allocation field changed.
   */
  signals[ALLOCATION_CHANGED] =
    g_signal_new ("allocation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * BespokeResidentRow::weight-changed:
   *
   * The text of the weight field changed.
   */
  signals[WEIGHT_CHANGED] =
    g_signal_new ("weight-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * BespokeResidentRow::remove:
   *
   * The remove button was clicked.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-resident-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeResidentRow, allocation_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeResidentRow, weight_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeResidentRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_allocation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
bespoke_resident_row_init (BespokeResidentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
