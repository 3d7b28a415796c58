/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-provider"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-provider.h"

/**
 * BespokeProvider:
 *
 * A provider of support, who keeps a product menu.
 *
 * Stored in the table "providers"; each property is a column.
 */
struct _BespokeProvider
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeProvider, bespoke_provider, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CONTACT,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_provider_validate (BespokeRecord  *record,
                          GError        **error)
{
  BespokeProvider *self = BESPOKE_PROVIDER (record);

  return bespoke_record_require_text (bespoke_provider_get_name (self), _("The provider’s name"), error);
}

static void
bespoke_provider_class_init (BespokeProviderClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* the provider's name */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* how to reach them */
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* free notes */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "providers", properties, N_PROPS);
  record_class->parent_property = NULL;
  record_class->order_property = "name";
  record_class->validate = bespoke_provider_validate;
}

static void
bespoke_provider_init (BespokeProvider *self)
{
}

BespokeProvider *
bespoke_provider_new (void)
{
  return g_object_new (BESPOKE_TYPE_PROVIDER, NULL);
}

const char *
bespoke_provider_get_name (BespokeProvider *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROVIDER (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_NAME]);
}

void
bespoke_provider_set_name (BespokeProvider *self,
                              const char *name)
{
  g_return_if_fail (BESPOKE_IS_PROVIDER (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_NAME], name);
}

const char *
bespoke_provider_get_contact (BespokeProvider *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROVIDER (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_CONTACT]);
}

void
bespoke_provider_set_contact (BespokeProvider *self,
                                 const char *contact)
{
  g_return_if_fail (BESPOKE_IS_PROVIDER (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_CONTACT], contact);
}

const char *
bespoke_provider_get_notes (BespokeProvider *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROVIDER (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_NOTES]);
}

void
bespoke_provider_set_notes (BespokeProvider *self,
                               const char *notes)
{
  g_return_if_fail (BESPOKE_IS_PROVIDER (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_NOTES], notes);
}
