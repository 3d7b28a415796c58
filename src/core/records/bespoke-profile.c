/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-profile"

#include "config.h"

#include "bespoke-profile.h"

/**
 * BespokeProfile:
 *
 * A one-page profile: the person's statements under the three headings,
 * each heading a #GListModel of #BespokeStatement in order.
 */
struct _BespokeProfile
{
  GObject     parent_instance;

  char       *person_uuid;
  GListStore *sections[3];
};

G_DEFINE_FINAL_TYPE (BespokeProfile, bespoke_profile, G_TYPE_OBJECT)

static void
bespoke_profile_finalize (GObject *object)
{
  BespokeProfile *self = (BespokeProfile *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    g_clear_object (&self->sections[i]);
  g_clear_pointer (&self->person_uuid, g_free);

  G_OBJECT_CLASS (bespoke_profile_parent_class)->finalize (object);
}

static void
bespoke_profile_class_init (BespokeProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bespoke_profile_finalize;
}

static void
bespoke_profile_init (BespokeProfile *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    self->sections[i] = g_list_store_new (BESPOKE_TYPE_STATEMENT);
}

/**
 * bespoke_profile_load:
 *
 * Returns: (transfer full): the profile of @person_uuid as stored now.
 */
BespokeProfile *
bespoke_profile_load (BespokeStore  *store,
                      const char    *person_uuid,
                      GError       **error)
{
  g_autoptr(BespokeProfile) self = NULL;
  g_autoptr(GPtrArray) statements = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (person_uuid != NULL, NULL);

  statements = bespoke_store_list (store, BESPOKE_TYPE_STATEMENT, person_uuid, error);
  if (statements == NULL)
    return NULL;

  self = g_object_new (BESPOKE_TYPE_PROFILE, NULL);
  self->person_uuid = g_strdup (person_uuid);
  for (guint i = 0; i < statements->len; i++)
    {
      BespokeStatement *statement = g_ptr_array_index (statements, i);
      BespokeSection section = bespoke_statement_get_section (statement);

      g_list_store_append (self->sections[section], statement);
    }
  return g_steal_pointer (&self);
}

const char *
bespoke_profile_get_person_uuid (BespokeProfile *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROFILE (self), NULL);
  return self->person_uuid;
}

/**
 * bespoke_profile_get_section:
 *
 * Returns: (transfer none): the statements under one heading, in order.
 */
GListModel *
bespoke_profile_get_section (BespokeProfile *self,
                             BespokeSection  section)
{
  g_return_val_if_fail (BESPOKE_IS_PROFILE (self), NULL);
  g_return_val_if_fail (section <= BESPOKE_SECTION_SUPPORT, NULL);

  return G_LIST_MODEL (self->sections[section]);
}

guint
bespoke_profile_get_n_statements (BespokeProfile *self)
{
  guint n = 0;

  g_return_val_if_fail (BESPOKE_IS_PROFILE (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    n += g_list_model_get_n_items (G_LIST_MODEL (self->sections[i]));
  return n;
}
