/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-person.h"

/**
 * BespokePerson:
 *
 * A person Bespoke plans with, or a member of staff: staff have one-page profiles too.
 *
 * Stored in the table "people"; each property is a column.
 */
struct _BespokePerson
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokePerson, bespoke_person, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PREFERRED_NAME,
  PROP_DATE_OF_BIRTH,
  PROP_NOTES,
  PROP_IS_STAFF,
  PROP_ARCHIVED,
  PROP_CLIENT_GROUP,
  PROP_POSTCODE,
  PROP_NATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_person_validate (BespokeRecord  *record,
                        GError        **error)
{
  BespokePerson *self = BESPOKE_PERSON (record);

  if (!bespoke_record_require_text (bespoke_person_get_name (self), _("The name"), error))
    return FALSE;
  return bespoke_record_check_date (bespoke_person_get_date_of_birth (self), _("The date of birth"), error);
}

static void
bespoke_person_class_init (BespokePersonClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* the name people use on documents */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* what the person likes to be called */
  properties[PROP_PREFERRED_NAME] =
    g_param_spec_string ("preferred-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* ISO date, or NULL */
  properties[PROP_DATE_OF_BIRTH] =
    g_param_spec_string ("date-of-birth", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* free notes */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* TRUE for a member of staff */
  properties[PROP_IS_STAFF] =
    g_param_spec_boolean ("is-staff", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* archived people are hidden but kept */
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* e.g. "learning disability", for premiums */
  properties[PROP_CLIENT_GROUP] =
    g_param_spec_string ("client-group", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* for postcode-area premiums */
  properties[PROP_POSTCODE] =
    g_param_spec_string ("postcode", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* whose bank holidays apply */
  properties[PROP_NATION] =
    g_param_spec_enum ("nation", NULL, NULL, BESPOKE_TYPE_NATION, BESPOKE_NATION_ENGLAND_AND_WALES,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "people", properties, N_PROPS);
  record_class->parent_property = NULL;
  record_class->order_property = "name";
  record_class->validate = bespoke_person_validate;
}

static void
bespoke_person_init (BespokePerson *self)
{
}

BespokePerson *
bespoke_person_new (void)
{
  return g_object_new (BESPOKE_TYPE_PERSON, NULL);
}

const char *
bespoke_person_get_name (BespokePerson *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_NAME]);
}

void
bespoke_person_set_name (BespokePerson *self,
                            const char *name)
{
  g_return_if_fail (BESPOKE_IS_PERSON (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_NAME], name);
}

const char *
bespoke_person_get_preferred_name (BespokePerson *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PREFERRED_NAME]);
}

void
bespoke_person_set_preferred_name (BespokePerson *self,
                                      const char *preferred_name)
{
  g_return_if_fail (BESPOKE_IS_PERSON (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PREFERRED_NAME], preferred_name);
}

const char *
bespoke_person_get_date_of_birth (BespokePerson *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_DATE_OF_BIRTH]);
}

void
bespoke_person_set_date_of_birth (BespokePerson *self,
                                     const char *date_of_birth)
{
  g_return_if_fail (BESPOKE_IS_PERSON (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_DATE_OF_BIRTH], date_of_birth);
}

const char *
bespoke_person_get_notes (BespokePerson *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_NOTES]);
}

void
bespoke_person_set_notes (BespokePerson *self,
                             const char *notes)
{
  g_return_if_fail (BESPOKE_IS_PERSON (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_NOTES], notes);
}

gboolean
bespoke_person_get_is_staff (BespokePerson *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON (self), 0);

  return bespoke_record_get_boolean (BESPOKE_RECORD (self), properties[PROP_IS_STAFF]);
}

void
bespoke_person_set_is_staff (BespokePerson *self,
                                gboolean is_staff)
{
  g_return_if_fail (BESPOKE_IS_PERSON (self));

  bespoke_record_set_boolean (BESPOKE_RECORD (self), properties[PROP_IS_STAFF], is_staff);
}

gboolean
bespoke_person_get_archived (BespokePerson *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON (self), 0);

  return bespoke_record_get_boolean (BESPOKE_RECORD (self), properties[PROP_ARCHIVED]);
}

void
bespoke_person_set_archived (BespokePerson *self,
                                gboolean archived)
{
  g_return_if_fail (BESPOKE_IS_PERSON (self));

  bespoke_record_set_boolean (BESPOKE_RECORD (self), properties[PROP_ARCHIVED], archived);
}

const char *
bespoke_person_get_client_group (BespokePerson *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_CLIENT_GROUP]);
}

void
bespoke_person_set_client_group (BespokePerson *self,
                                    const char *client_group)
{
  g_return_if_fail (BESPOKE_IS_PERSON (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_CLIENT_GROUP], client_group);
}

const char *
bespoke_person_get_postcode (BespokePerson *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_POSTCODE]);
}

void
bespoke_person_set_postcode (BespokePerson *self,
                                const char *postcode)
{
  g_return_if_fail (BESPOKE_IS_PERSON (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_POSTCODE], postcode);
}

BespokeNation
bespoke_person_get_nation (BespokePerson *self)
{
  g_return_val_if_fail (BESPOKE_IS_PERSON (self), 0);

  return (BespokeNation) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_NATION]);
}

void
bespoke_person_set_nation (BespokePerson *self,
                              BespokeNation nation)
{
  g_return_if_fail (BESPOKE_IS_PERSON (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_NATION], nation);
}
