/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-home-resident"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-home-resident.h"

/**
 * BespokeHomeResident:
 *
 * A resident of a shared home with their individual allocation.
 *
 * Stored in the table "home_residents"; each property is a column.
 */
struct _BespokeHomeResident
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeHomeResident, bespoke_home_resident, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_HOME_UUID,
  PROP_PERSON_UUID,
  PROP_ALLOCATION,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_home_resident_validate (BespokeRecord  *record,
                               GError        **error)
{
  BespokeHomeResident *self = BESPOKE_HOME_RESIDENT (record);

  if (!bespoke_record_require_text (bespoke_home_resident_get_home_uuid (self), _("The home"), error) ||
      !bespoke_record_require_text (bespoke_home_resident_get_person_uuid (self), _("The resident"), error))
    return FALSE;
  if (bespoke_home_resident_get_allocation (self) < 0)
    return bespoke_set_invalid (error, _("The allocation is negative. Enter it as a positive amount."));
  return TRUE;
}

static void
bespoke_home_resident_class_init (BespokeHomeResidentClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* which home */
  properties[PROP_HOME_UUID] =
    g_param_spec_string ("home-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* who lives there */
  properties[PROP_PERSON_UUID] =
    g_param_spec_string ("person-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence a year, set by the person’s own need */
  properties[PROP_ALLOCATION] =
    g_param_spec_int64 ("allocation", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the resident’s weight when the home splits by weights */
  properties[PROP_WEIGHT] =
    g_param_spec_uint ("weight", NULL, NULL, 0, G_MAXUINT, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "home_residents", properties, N_PROPS);
  record_class->parent_property = "home-uuid";
  record_class->order_property = "allocation";
  record_class->validate = bespoke_home_resident_validate;
}

static void
bespoke_home_resident_init (BespokeHomeResident *self)
{
}

BespokeHomeResident *
bespoke_home_resident_new (void)
{
  return g_object_new (BESPOKE_TYPE_HOME_RESIDENT, NULL);
}

const char *
bespoke_home_resident_get_home_uuid (BespokeHomeResident *self)
{
  g_return_val_if_fail (BESPOKE_IS_HOME_RESIDENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_HOME_UUID]);
}

void
bespoke_home_resident_set_home_uuid (BespokeHomeResident *self,
                                        const char *home_uuid)
{
  g_return_if_fail (BESPOKE_IS_HOME_RESIDENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_HOME_UUID], home_uuid);
}

const char *
bespoke_home_resident_get_person_uuid (BespokeHomeResident *self)
{
  g_return_val_if_fail (BESPOKE_IS_HOME_RESIDENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID]);
}

void
bespoke_home_resident_set_person_uuid (BespokeHomeResident *self,
                                          const char *person_uuid)
{
  g_return_if_fail (BESPOKE_IS_HOME_RESIDENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID], person_uuid);
}

gint64
bespoke_home_resident_get_allocation (BespokeHomeResident *self)
{
  g_return_val_if_fail (BESPOKE_IS_HOME_RESIDENT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_ALLOCATION]);
}

void
bespoke_home_resident_set_allocation (BespokeHomeResident *self,
                                         gint64 allocation)
{
  g_return_if_fail (BESPOKE_IS_HOME_RESIDENT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_ALLOCATION], allocation);
}

guint
bespoke_home_resident_get_weight (BespokeHomeResident *self)
{
  g_return_val_if_fail (BESPOKE_IS_HOME_RESIDENT (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_WEIGHT]);
}

void
bespoke_home_resident_set_weight (BespokeHomeResident *self,
                                     guint weight)
{
  g_return_if_fail (BESPOKE_IS_HOME_RESIDENT (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_WEIGHT], weight);
}
