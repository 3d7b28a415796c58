/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-circle-member-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-circle-member-row.h"
#include "bespoke-enums.h"
#include "bespoke-types.h"

/**
 * BespokeCircleMemberRow:
 *
 * One person in the list under the relationship circle: their name, and
 * beneath it their relationship, ring and contact.  When the circle can be
 * changed, the row activates to edit them and has Change and Remove
 * buttons; it says so with its `edit` and `remove` signals, and the page
 * does the work.
 */
struct _BespokeCircleMemberRow
{
  AdwActionRow         parent_instance;

  BespokeCircleMember *member;

  GtkWidget           *edit_button;
  GtkWidget           *remove_button;
};

G_DEFINE_FINAL_TYPE (BespokeCircleMemberRow, bespoke_circle_member_row, ADW_TYPE_ACTION_ROW)

enum {
  EDIT,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
edit_clicked_cb (BespokeCircleMemberRow *self)
{
  g_signal_emit (self, signals[EDIT], 0);
}

static void
remove_clicked_cb (BespokeCircleMemberRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
bespoke_circle_member_row_dispose (GObject *object)
{
  BespokeCircleMemberRow *self = BESPOKE_CIRCLE_MEMBER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_CIRCLE_MEMBER_ROW);
  g_clear_object (&self->member);

  G_OBJECT_CLASS (bespoke_circle_member_row_parent_class)->dispose (object);
}

static void
bespoke_circle_member_row_class_init (BespokeCircleMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_circle_member_row_dispose;

  /**
   * BespokeCircleMemberRow::edit:
   *
   * The row was activated, or its Change button clicked.
   */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * BespokeCircleMemberRow::remove:
   *
   * The row's Remove button was clicked.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-circle-member-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeCircleMemberRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeCircleMemberRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
bespoke_circle_member_row_init (BespokeCircleMemberRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "activated", G_CALLBACK (edit_clicked_cb), NULL);
}

static void
set_member (BespokeCircleMemberRow *self,
            BespokeCircleMember    *member,
            gboolean                editable)
{
  const char *name = bespoke_circle_member_get_name (member);
  const char *relationship = bespoke_circle_member_get_relationship (member);
  const char *contact = bespoke_circle_member_get_contact (member);
  const char *ring = bespoke_enum_label (BESPOKE_TYPE_RING, bespoke_circle_member_get_ring (member));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;

  g_set_object (&self->member, member);

  if (relationship != NULL && *relationship != '\0')
    g_string_append_printf (subtitle, "%s · ", relationship);
  /* Translators: %s is the name of a ring of the relationship circle */
  g_string_append_printf (subtitle, _("%s ring"), ring);
  if (contact != NULL && *contact != '\0')
    g_string_append_printf (subtitle, " · %s", contact);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), editable);
  gtk_widget_set_visible (self->edit_button, editable);
  gtk_widget_set_visible (self->remove_button, editable);

  /* Translators: %s is someone's name */
  edit_label = g_strdup_printf (_("Change %s’s details"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  /* Translators: %s is someone's name */
  remove_label = g_strdup_printf (_("Remove %s from the circle"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

/**
 * bespoke_circle_member_row_new:
 * @member: whom the row shows
 * @editable: whether the circle can be changed here
 */
GtkWidget *
bespoke_circle_member_row_new (BespokeCircleMember *member,
                               gboolean             editable)
{
  BespokeCircleMemberRow *self;

  g_return_val_if_fail (BESPOKE_IS_CIRCLE_MEMBER (member), NULL);

  self = g_object_new (BESPOKE_TYPE_CIRCLE_MEMBER_ROW, NULL);
  set_member (self, member, editable);
  return GTK_WIDGET (self);
}

BespokeCircleMember *
bespoke_circle_member_row_get_member (BespokeCircleMemberRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_MEMBER_ROW (self), NULL);

  return self->member;
}
