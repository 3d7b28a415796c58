/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-session"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-session.h"

/**
 * BespokeSession:
 *
 * One facilitated session with a person and their circle: when it was,
 * who took part, who facilitated, and which statements were added or
 * changed in it.  While it runs it also keeps the capture entry's
 * half-typed text, so that a crash or a flat battery loses at most the
 * last second of typing.
 *
 * Stored in the table "sessions" (schema 7); each property is a column.
 */
struct _BespokeSession
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeSession, bespoke_session, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PERSON_UUID,
  PROP_DATE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_FACILITATOR,
  PROP_PARTICIPANTS,
  PROP_GUESTS,
  PROP_STATEMENTS,
  PROP_DRAFT,
  PROP_DRAFT_TOOL,
  PROP_DRAFT_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "14:05": two digits, a colon, two digits, a real time of day */
static gboolean
check_time (const char  *value,
            const char  *field,
            GError     **error)
{
  if (value == NULL || *value == '\0')
    return TRUE;
  if (strlen (value) == 5 && g_ascii_isdigit (value[0]) && g_ascii_isdigit (value[1]) &&
      value[2] == ':' && g_ascii_isdigit (value[3]) && g_ascii_isdigit (value[4]) &&
      (value[0] - '0') * 10 + (value[1] - '0') < 24 && value[3] < '6')
    return TRUE;
  g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
               /* Translators: %s is a field, e.g. "The start time" */
               _("%s (%s) is not a time of day. Write it as 24-hour hours and minutes, like 14:05."),
               field, value);
  return FALSE;
}

static gboolean
bespoke_session_validate (BespokeRecord  *record,
                          GError        **error)
{
  BespokeSession *self = BESPOKE_SESSION (record);
  const char *start = bespoke_session_get_start_time (self);
  const char *end = bespoke_session_get_end_time (self);

  if (!bespoke_record_require_text (bespoke_session_get_person_uuid (self), _("The person"), error) ||
      !bespoke_record_require_text (bespoke_session_get_date (self), _("The session’s date"), error) ||
      !bespoke_record_check_date (bespoke_session_get_date (self), _("The session’s date"), error) ||
      !check_time (start, _("The start time"), error) ||
      !check_time (end, _("The end time"), error))
    return FALSE;
  return TRUE;
}

static void
bespoke_session_class_init (BespokeSessionClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* whose session */
  properties[PROP_PERSON_UUID] =
    g_param_spec_string ("person-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the day, ISO 8601 (2026-12-05) */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* when it started, 24-hour "14:05" */
  properties[PROP_START_TIME] =
    g_param_spec_string ("start-time", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* when it ended; NULL while it runs */
  properties[PROP_END_TIME] =
    g_param_spec_string ("end-time", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* who facilitated, by name */
  properties[PROP_FACILITATOR] =
    g_param_spec_string ("facilitator", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* circle members who took part: their uuids, one a line */
  properties[PROP_PARTICIPANTS] =
    g_param_spec_string ("participants", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* others who took part, not in the circle: names, one a line */
  properties[PROP_GUESTS] =
    g_param_spec_string ("guests", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the statements added or changed in it: uuids, one a line */
  properties[PROP_STATEMENTS] =
    g_param_spec_string ("statements", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the capture entry's half-typed text, kept so a crash loses nothing */
  properties[PROP_DRAFT] =
    g_param_spec_string ("draft", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the tool the half-typed text was for */
  properties[PROP_DRAFT_TOOL] =
    g_param_spec_enum ("draft-tool", NULL, NULL, BESPOKE_TYPE_SESSION_TOOL, BESPOKE_SESSION_TOOL_PROFILE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the section of that tool, from 0 */
  properties[PROP_DRAFT_SECTION] =
    g_param_spec_uint ("draft-section", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "sessions", properties, N_PROPS);
  record_class->parent_property = "person-uuid";
  record_class->order_property = "date";
  record_class->validate = bespoke_session_validate;
}

static void
bespoke_session_init (BespokeSession *self)
{
}

BespokeSession *
bespoke_session_new (void)
{
  return g_object_new (BESPOKE_TYPE_SESSION, NULL);
}

const char *
bespoke_session_get_person_uuid (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID]);
}

void
bespoke_session_set_person_uuid (BespokeSession *self,
                         const char         *person_uuid)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID], person_uuid);
}

const char *
bespoke_session_get_date (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_DATE]);
}

void
bespoke_session_set_date (BespokeSession *self,
                         const char         *date)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_DATE], date);
}

const char *
bespoke_session_get_start_time (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_START_TIME]);
}

void
bespoke_session_set_start_time (BespokeSession *self,
                         const char         *start_time)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_START_TIME], start_time);
}

const char *
bespoke_session_get_end_time (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_END_TIME]);
}

void
bespoke_session_set_end_time (BespokeSession *self,
                         const char         *end_time)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_END_TIME], end_time);
}

const char *
bespoke_session_get_facilitator (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_FACILITATOR]);
}

void
bespoke_session_set_facilitator (BespokeSession *self,
                         const char         *facilitator)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_FACILITATOR], facilitator);
}

const char *
bespoke_session_get_participants (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PARTICIPANTS]);
}

void
bespoke_session_set_participants (BespokeSession *self,
                         const char         *participants)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PARTICIPANTS], participants);
}

const char *
bespoke_session_get_guests (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_GUESTS]);
}

void
bespoke_session_set_guests (BespokeSession *self,
                         const char         *guests)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_GUESTS], guests);
}

const char *
bespoke_session_get_statements (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_STATEMENTS]);
}

void
bespoke_session_set_statements (BespokeSession *self,
                         const char         *statements)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_STATEMENTS], statements);
}

const char *
bespoke_session_get_draft (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_DRAFT]);
}

void
bespoke_session_set_draft (BespokeSession *self,
                         const char         *draft)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_DRAFT], draft);
}

BespokeSessionTool
bespoke_session_get_draft_tool (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), 0);

  return (BespokeSessionTool) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_DRAFT_TOOL]);
}

void
bespoke_session_set_draft_tool (BespokeSession *self,
                         BespokeSessionTool  draft_tool)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_DRAFT_TOOL], draft_tool);
}

guint
bespoke_session_get_draft_section (BespokeSession *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_DRAFT_SECTION]);
}

void
bespoke_session_set_draft_section (BespokeSession *self,
                         guint               draft_section)
{
  g_return_if_fail (BESPOKE_IS_SESSION (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_DRAFT_SECTION], draft_section);
}

/**
 * bespoke_session_note_statement:
 *
 * Adds @uuid to the statements added or changed in the session, once.
 *
 * Returns: %TRUE if it was not there before
 */
gboolean
bespoke_session_note_statement (BespokeSession *self,
                                const char     *uuid)
{
  const char *list;
  g_auto(GStrv) lines = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (BESPOKE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  list = bespoke_session_get_statements (self);
  lines = g_strsplit (list != NULL ? list : "", "\n", -1);
  if (g_strv_contains ((const char * const *) lines, uuid))
    return FALSE;
  joined = (list == NULL || *list == '\0') ? g_strdup (uuid) : g_strconcat (list, "\n", uuid, NULL);
  bespoke_session_set_statements (self, joined);
  return TRUE;
}

/**
 * bespoke_session_split:
 *
 * Returns: (transfer full): the lines of one of the session's lists
 *   (participants, guests, statements), without empty ones
 */
GStrv
bespoke_session_split (const char *list)
{
  g_auto(GStrv) lines = g_strsplit (list != NULL ? list : "", "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}
