/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-statement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-statement.h"

/**
 * BespokeStatement:
 *
 * One short first-person statement on a one-page profile.
 *
 * Stored in the table "statements"; each property is a column.
 */
struct _BespokeStatement
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeStatement, bespoke_statement, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PERSON_UUID,
  PROP_SECTION,
  PROP_POSITION,
  PROP_TEXT,
  PROP_SAID_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_statement_validate (BespokeRecord  *record,
                           GError        **error)
{
  BespokeStatement *self = BESPOKE_STATEMENT (record);

  if (!bespoke_record_require_text (bespoke_statement_get_person_uuid (self), _("The person"), error))
    return FALSE;
  return bespoke_record_require_text (bespoke_statement_get_text (self), _("The statement"), error);
}

static void
bespoke_statement_class_init (BespokeStatementClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* whose profile */
  properties[PROP_PERSON_UUID] =
    g_param_spec_string ("person-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* which of the three headings */
  properties[PROP_SECTION] =
    g_param_spec_enum ("section", NULL, NULL, BESPOKE_TYPE_SECTION, BESPOKE_SECTION_APPRECIATION,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* order within the section */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the statement, in the person's words */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* who said it, in a facilitated session: the person's or a circle
   * member's uuid; NULL when not recorded (schema 7) */
  properties[PROP_SAID_BY] =
    g_param_spec_string ("said-by", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "statements", properties, N_PROPS);
  record_class->parent_property = "person-uuid";
  record_class->order_property = "position";
  record_class->validate = bespoke_statement_validate;
}

static void
bespoke_statement_init (BespokeStatement *self)
{
}

BespokeStatement *
bespoke_statement_new (void)
{
  return g_object_new (BESPOKE_TYPE_STATEMENT, NULL);
}

const char *
bespoke_statement_get_person_uuid (BespokeStatement *self)
{
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID]);
}

void
bespoke_statement_set_person_uuid (BespokeStatement *self,
                                      const char *person_uuid)
{
  g_return_if_fail (BESPOKE_IS_STATEMENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID], person_uuid);
}

BespokeSection
bespoke_statement_get_section (BespokeStatement *self)
{
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (self), 0);

  return (BespokeSection) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_SECTION]);
}

void
bespoke_statement_set_section (BespokeStatement *self,
                                  BespokeSection section)
{
  g_return_if_fail (BESPOKE_IS_STATEMENT (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_SECTION], section);
}

guint
bespoke_statement_get_position (BespokeStatement *self)
{
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_POSITION]);
}

void
bespoke_statement_set_position (BespokeStatement *self,
                                   guint position)
{
  g_return_if_fail (BESPOKE_IS_STATEMENT (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_POSITION], position);
}

const char *
bespoke_statement_get_text (BespokeStatement *self)
{
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_TEXT]);
}

void
bespoke_statement_set_text (BespokeStatement *self,
                               const char *text)
{
  g_return_if_fail (BESPOKE_IS_STATEMENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_TEXT], text);
}

const char *
bespoke_statement_get_said_by (BespokeStatement *self)
{
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_SAID_BY]);
}

void
bespoke_statement_set_said_by (BespokeStatement *self,
                               const char       *said_by)
{
  g_return_if_fail (BESPOKE_IS_STATEMENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_SAID_BY], said_by);
}
