/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-circle-member"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-circle-member.h"

/**
 * BespokeCircleMember:
 *
 * Someone in a person's circle of support.
 *
 * Stored in the table "circle_members"; each property is a column.
 */
struct _BespokeCircleMember
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeCircleMember, bespoke_circle_member, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PERSON_UUID,
  PROP_NAME,
  PROP_RELATIONSHIP,
  PROP_RING,
  PROP_CONTACT,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_circle_member_validate (BespokeRecord  *record,
                               GError        **error)
{
  BespokeCircleMember *self = BESPOKE_CIRCLE_MEMBER (record);

  if (!bespoke_record_require_text (bespoke_circle_member_get_person_uuid (self), _("The person"), error))
    return FALSE;
  return bespoke_record_require_text (bespoke_circle_member_get_name (self), _("The name of someone in the circle"), error);
}

static void
bespoke_circle_member_class_init (BespokeCircleMemberClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* whose circle */
  properties[PROP_PERSON_UUID] =
    g_param_spec_string ("person-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* their name */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* e.g. "Mum", "cousin" */
  properties[PROP_RELATIONSHIP] =
    g_param_spec_string ("relationship", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* how close they are */
  properties[PROP_RING] =
    g_param_spec_enum ("ring", NULL, NULL, BESPOKE_TYPE_RING, BESPOKE_RING_FRIENDS,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* phone or email */
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* order within the circle */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "circle_members", properties, N_PROPS);
  record_class->parent_property = "person-uuid";
  record_class->order_property = "position";
  record_class->validate = bespoke_circle_member_validate;
}

static void
bespoke_circle_member_init (BespokeCircleMember *self)
{
}

BespokeCircleMember *
bespoke_circle_member_new (void)
{
  return g_object_new (BESPOKE_TYPE_CIRCLE_MEMBER, NULL);
}

const char *
bespoke_circle_member_get_person_uuid (BespokeCircleMember *self)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID]);
}

void
bespoke_circle_member_set_person_uuid (BespokeCircleMember *self,
                                          const char *person_uuid)
{
  g_return_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID], person_uuid);
}

const char *
bespoke_circle_member_get_name (BespokeCircleMember *self)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_NAME]);
}

void
bespoke_circle_member_set_name (BespokeCircleMember *self,
                                   const char *name)
{
  g_return_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_NAME], name);
}

const char *
bespoke_circle_member_get_relationship (BespokeCircleMember *self)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_RELATIONSHIP]);
}

void
bespoke_circle_member_set_relationship (BespokeCircleMember *self,
                                           const char *relationship)
{
  g_return_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_RELATIONSHIP], relationship);
}

BespokeRing
bespoke_circle_member_get_ring (BespokeCircleMember *self)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self), 0);

  return (BespokeRing) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_RING]);
}

void
bespoke_circle_member_set_ring (BespokeCircleMember *self,
                                   BespokeRing ring)
{
  g_return_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_RING], ring);
}

const char *
bespoke_circle_member_get_contact (BespokeCircleMember *self)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_CONTACT]);
}

void
bespoke_circle_member_set_contact (BespokeCircleMember *self,
                                      const char *contact)
{
  g_return_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_CONTACT], contact);
}

guint
bespoke_circle_member_get_position (BespokeCircleMember *self)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_POSITION]);
}

void
bespoke_circle_member_set_position (BespokeCircleMember *self,
                                       guint position)
{
  g_return_if_fail (BESPOKE_IS_CIRCLE_MEMBER (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_POSITION], position);
}
