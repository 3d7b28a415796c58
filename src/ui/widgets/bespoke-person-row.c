/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-person-row"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bespoke-person-row.h"

/**
 * BespokePersonRow:
 *
 * One row of the people list: an avatar with the person's photo (from the
 * store, when it has one) or their initials, their name, and "Staff"
 * beneath it for a member of staff.
 */
struct _BespokePersonRow
{
  GtkWidget      parent_instance;

  BespokePerson *person;
  BespokeStore  *store;

  AdwAvatar     *avatar;
  GtkLabel      *name_label;
  GtkLabel      *subtitle_label;
};

G_DEFINE_FINAL_TYPE (BespokePersonRow, bespoke_person_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The photo, as the profile shows it; the initials without one. */
static void
bespoke_person_row_update_photo (BespokePersonRow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (self->person != NULL && self->store != NULL)
    bytes = bespoke_store_get_photo (self->store, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)),
                                     NULL, &error);
  if (error != NULL)
    g_debug ("No photo: %s", error->message);
  if (bytes != NULL)
    {
      texture = gdk_texture_new_from_bytes (bytes, &error);
      if (texture == NULL)
        g_debug ("The photo could not be read: %s", error->message);
    }
  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
bespoke_person_row_update (BespokePersonRow *self)
{
  const char *name = NULL;
  gboolean staff = FALSE;

  if (self->person != NULL)
    {
      name = bespoke_person_get_name (self->person);
      staff = bespoke_person_get_is_staff (self->person);
    }

  gtk_label_set_label (self->name_label, name ? name : "");
  adw_avatar_set_text (self->avatar, name);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), staff);
  bespoke_person_row_update_photo (self);
}

static void
bespoke_person_row_dispose (GObject *object)
{
  BespokePersonRow *self = (BespokePersonRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PERSON_ROW);
  /* GTK 4.8 unparents only the children bound by name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bespoke_person_row_parent_class)->dispose (object);
}

static void
bespoke_person_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BespokePersonRow *self = BESPOKE_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_person_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BespokePersonRow *self = BESPOKE_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      bespoke_person_row_set_person (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_person_row_class_init (BespokePersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_person_row_dispose;
  object_class->get_property = bespoke_person_row_get_property;
  object_class->set_property = bespoke_person_row_set_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         BESPOKE_TYPE_PERSON,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokePersonRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, BespokePersonRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BespokePersonRow, subtitle_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "personrow");
}

static void
bespoke_person_row_init (BespokePersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bespoke_person_row_new (void)
{
  return g_object_new (BESPOKE_TYPE_PERSON_ROW, NULL);
}

/**
 * bespoke_person_row_get_person:
 *
 * Returns: (transfer none) (nullable): the person shown
 */
BespokePerson *
bespoke_person_row_get_person (BespokePersonRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON_ROW (self), NULL);
  return self->person;
}

void
bespoke_person_row_set_person (BespokePersonRow *self,
                               BespokePerson    *person)
{
  g_return_if_fail (BESPOKE_IS_PERSON_ROW (self));
  g_return_if_fail (person == NULL || BESPOKE_IS_PERSON (person));

  if (g_set_object (&self->person, person))
    {
      bespoke_person_row_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
    }
}

/**
 * bespoke_person_row_set_store:
 * @store: (nullable): where the person's photo is read from
 */
void
bespoke_person_row_set_store (BespokePersonRow *self,
                              BespokeStore     *store)
{
  g_return_if_fail (BESPOKE_IS_PERSON_ROW (self));
  g_return_if_fail (store == NULL || BESPOKE_IS_STORE (store));

  if (g_set_object (&self->store, store))
    bespoke_person_row_update_photo (self);
}

/* Whether the avatar shows a photo rather than initials */
gboolean
bespoke_person_row_get_has_photo (BespokePersonRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON_ROW (self), FALSE);
  return adw_avatar_get_custom_image (self->avatar) != NULL;
}
