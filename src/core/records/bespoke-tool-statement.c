/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-tool-statement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-tool-statement.h"

/**
 * BespokeToolStatement:
 *
 * One short statement of a person-centred thinking tool beyond the
 * one-page profile: what is working and not working, from the person's,
 * the family's or the staff's view, and what makes a good day or a bad
 * day.  Said in a facilitated session, it may record who said it.
 *
 * Stored in the table "tool_statements" (schema 7); each property is a
 * column.
 */
struct _BespokeToolStatement
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeToolStatement, bespoke_tool_statement, BESPOKE_TYPE_RECORD)

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
bespoke_tool_statement_validate (BespokeRecord  *record,
                           GError        **error)
{
  BespokeToolStatement *self = BESPOKE_TOOL_STATEMENT (record);

  if (!bespoke_record_require_text (bespoke_tool_statement_get_person_uuid (self), _("The person"), error))
    return FALSE;
  return bespoke_record_require_text (bespoke_tool_statement_get_text (self), _("The statement"), error);
}

static void
bespoke_tool_statement_class_init (BespokeToolStatementClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* whose profile */
  properties[PROP_PERSON_UUID] =
    g_param_spec_string ("person-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* which tool, and which of its lists */
  properties[PROP_SECTION] =
    g_param_spec_enum ("section", NULL, NULL, BESPOKE_TYPE_TOOL_SECTION, BESPOKE_TOOL_SECTION_WORKING_PERSON,
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
   * member's uuid; NULL when not recorded */
  properties[PROP_SAID_BY] =
    g_param_spec_string ("said-by", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "tool_statements", properties, N_PROPS);
  record_class->parent_property = "person-uuid";
  record_class->order_property = "position";
  record_class->validate = bespoke_tool_statement_validate;
}

static void
bespoke_tool_statement_init (BespokeToolStatement *self)
{
}

BespokeToolStatement *
bespoke_tool_statement_new (void)
{
  return g_object_new (BESPOKE_TYPE_TOOL_STATEMENT, NULL);
}

const char *
bespoke_tool_statement_get_person_uuid (BespokeToolStatement *self)
{
  g_return_val_if_fail (BESPOKE_IS_TOOL_STATEMENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID]);
}

void
bespoke_tool_statement_set_person_uuid (BespokeToolStatement *self,
                                      const char *person_uuid)
{
  g_return_if_fail (BESPOKE_IS_TOOL_STATEMENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID], person_uuid);
}

BespokeToolSection
bespoke_tool_statement_get_section (BespokeToolStatement *self)
{
  g_return_val_if_fail (BESPOKE_IS_TOOL_STATEMENT (self), 0);

  return (BespokeToolSection) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_SECTION]);
}

void
bespoke_tool_statement_set_section (BespokeToolStatement *self,
                                  BespokeToolSection section)
{
  g_return_if_fail (BESPOKE_IS_TOOL_STATEMENT (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_SECTION], section);
}

guint
bespoke_tool_statement_get_position (BespokeToolStatement *self)
{
  g_return_val_if_fail (BESPOKE_IS_TOOL_STATEMENT (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_POSITION]);
}

void
bespoke_tool_statement_set_position (BespokeToolStatement *self,
                                   guint position)
{
  g_return_if_fail (BESPOKE_IS_TOOL_STATEMENT (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_POSITION], position);
}

const char *
bespoke_tool_statement_get_text (BespokeToolStatement *self)
{
  g_return_val_if_fail (BESPOKE_IS_TOOL_STATEMENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_TEXT]);
}

void
bespoke_tool_statement_set_text (BespokeToolStatement *self,
                               const char *text)
{
  g_return_if_fail (BESPOKE_IS_TOOL_STATEMENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_TEXT], text);
}

const char *
bespoke_tool_statement_get_said_by (BespokeToolStatement *self)
{
  g_return_val_if_fail (BESPOKE_IS_TOOL_STATEMENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_SAID_BY]);
}

void
bespoke_tool_statement_set_said_by (BespokeToolStatement *self,
                               const char       *said_by)
{
  g_return_if_fail (BESPOKE_IS_TOOL_STATEMENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_SAID_BY], said_by);
}
