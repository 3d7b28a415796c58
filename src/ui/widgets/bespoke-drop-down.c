/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Bespoke"

#include "config.h"

#include "bespoke-drop-down.h"

/**
 * bespoke_drop_down_name_button:
 * @drop_down: a drop-down
 * @name: its accessible name, as its label says it
 *
 * GTK 4.8's GtkDropDown puts the keyboard focus on a toggle button inside
 * it that has no accessible name, so a screen reader says "GtkToggleButton"
 * where it should say "Bank holidays".  This gives that button @name.
 */
void
bespoke_drop_down_name_button (GtkDropDown *drop_down,
                               const char  *name)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
