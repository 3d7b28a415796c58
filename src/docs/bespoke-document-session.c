/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-document-private.h"
#include "bespoke-session-tool.h"
#include "bespoke-session.h"
#include "bespoke-tool-statement.h"

/* Session notes (issue #10): what one facilitated session produced, for the
 * people who were there to take home.  When it was, who facilitated, who
 * took part, and every statement added or changed in it, under its tool's
 * title and list heading, with who said it.
 *
 * The thinking tools (working / not working, a good day / a bad day) also
 * belong in the person-centred description: _doc_add_thinking_tools() adds
 * them there. */

/* What the person is called: their preferred name, or their name */
static const char *
person_called (BespokePerson *person)
{
  const char *preferred = bespoke_person_get_preferred_name (person);

  return preferred != NULL && *preferred != '\0' ? preferred : bespoke_person_get_name (person);
}

/* Who @said_by is: the person (their preferred name) or a circle member
 * ("Sarah Smith (Mum)"); NULL if nobody is recorded or they are gone. */
static char *
speaker_name (BespokeStore  *store,
              BespokePerson *person,
              const char    *said_by)
{
  g_autoptr(BespokeCircleMember) member = NULL;
  const char *relationship;

  if (said_by == NULL || *said_by == '\0')
    return NULL;
  if (g_str_equal (said_by, bespoke_record_get_uuid (BESPOKE_RECORD (person))))
    return g_strdup (person_called (person));
  member = bespoke_store_load (store, BESPOKE_TYPE_CIRCLE_MEMBER, said_by, NULL);
  if (member == NULL)
    return NULL;
  relationship = bespoke_circle_member_get_relationship (member);
  if (relationship != NULL && *relationship != '\0')
    return g_strdup_printf ("%s (%s)", bespoke_circle_member_get_name (member), relationship);
  return g_strdup (bespoke_circle_member_get_name (member));
}

/* A bullet: the statement's text, then "said by …" when known */
static void
add_statement (BespokeDocument *self,
               BespokeStore    *store,
               BespokePerson   *person,
               const char      *text,
               const char      *said_by)
{
  g_autofree char *who = speaker_name (store, person, said_by);
  g_autofree char *markup = NULL;

  if (who != NULL)
    /* Translators: a statement, then who said it: "He loves the bus — said by Sarah Smith (Mum)" */
    markup = g_markup_printf_escaped (_("%s <i>— said by %s</i>"), text, who);
  else
    markup = g_markup_escape_text (text, -1);
  _doc_add_bullet (self, markup);
}

/* One of the session's records, as a tool's statement: its text, speaker,
 * tool and list.  FALSE if it is not one (or no longer exists). */
typedef struct
{
  BespokeRecord      *record;
  BespokeSessionTool  tool;
  guint               section;
  const char         *text;
  const char         *said_by;
} Said;

static gboolean
said_load (Said          *said,
           BespokeStore  *store,
           const char    *uuid)
{
  static GType (*types[]) (void) = { bespoke_statement_get_type, bespoke_tool_statement_get_type,
                                     bespoke_outcome_get_type };
  int stored = -1;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if ((said->record = bespoke_store_load (store, types[i] (), uuid, NULL)) != NULL)
      break;
  if (said->record == NULL)
    return FALSE;
  if (BESPOKE_IS_STATEMENT (said->record))
    {
      stored = (int) bespoke_statement_get_section (BESPOKE_STATEMENT (said->record));
      said->text = bespoke_statement_get_text (BESPOKE_STATEMENT (said->record));
      said->said_by = bespoke_statement_get_said_by (BESPOKE_STATEMENT (said->record));
    }
  else if (BESPOKE_IS_TOOL_STATEMENT (said->record))
    {
      stored = (int) bespoke_tool_statement_get_section (BESPOKE_TOOL_STATEMENT (said->record));
      said->text = bespoke_tool_statement_get_text (BESPOKE_TOOL_STATEMENT (said->record));
      said->said_by = bespoke_tool_statement_get_said_by (BESPOKE_TOOL_STATEMENT (said->record));
    }
  else
    {
      said->text = bespoke_outcome_get_statement (BESPOKE_OUTCOME (said->record));
      said->said_by = NULL;
    }
  return bespoke_session_tool_find_section (stored, G_OBJECT_TYPE (said->record), &said->tool, &said->section) &&
         said->text != NULL;
}

static void
said_clear (Said *said)
{
  g_clear_object (&said->record);
}

/* The session @session_uuid of @person, or their latest (by date, then
 * start) when it is NULL */
static BespokeSession *
find_session (BespokeStore   *store,
              BespokePerson  *person,
              const char     *session_uuid,
              GError        **error)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));
  g_autoptr(GPtrArray) sessions = bespoke_store_list (store, BESPOKE_TYPE_SESSION, uuid, error);
  BespokeSession *found = NULL;

  if (sessions == NULL)
    return NULL;
  for (guint i = 0; i < sessions->len; i++)
    {
      BespokeSession *s = g_ptr_array_index (sessions, i);

      if (session_uuid != NULL)
        {
          if (g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (s)), session_uuid))
            found = s;
        }
      else if (found == NULL ||
               g_strcmp0 (bespoke_session_get_date (s), bespoke_session_get_date (found)) > 0 ||
               (g_strcmp0 (bespoke_session_get_date (s), bespoke_session_get_date (found)) == 0 &&
                g_strcmp0 (bespoke_session_get_start_time (s), bespoke_session_get_start_time (found)) > 0))
        found = s;
    }
  if (found != NULL)
    return g_object_ref (found);
  if (session_uuid != NULL)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                 _("%s has no session with the id %s. Choose one from their Sessions page."),
                 bespoke_person_get_name (person), session_uuid);
  else
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                 _("%s has not had a facilitated session yet. Start one from the person’s menu (F5), then print its notes."),
                 bespoke_person_get_name (person));
  return NULL;
}

/* "5 December 2026, 14:05 to 15:30" */
static char *
session_when (BespokeSession *session)
{
  g_autofree char *day = bespoke_date_format_long (bespoke_session_get_date (session));
  const char *start = bespoke_session_get_start_time (session);
  const char *end = bespoke_session_get_end_time (session);

  if (start != NULL && end != NULL)
    /* Translators: a session's day, start and end: "5 December 2026, 14:05 to 15:30" */
    return g_strdup_printf (_("%s, %s to %s"), day, start, end);
  if (start != NULL)
    /* Translators: a session's day and start: "5 December 2026, from 14:05" */
    return g_strdup_printf (_("%s, from %s"), day, start);
  return g_steal_pointer (&day);
}

/* "Paul, Sarah Smith (Mum), Pastor Dave" */
static char *
session_who (BespokeStore   *store,
             BespokePerson  *person,
             BespokeSession *session)
{
  g_autoptr(GString) who = g_string_new (person_called (person));
  g_auto(GStrv) members = bespoke_session_split (bespoke_session_get_participants (session));
  g_auto(GStrv) guests = bespoke_session_split (bespoke_session_get_guests (session));

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      g_autofree char *name = speaker_name (store, person, members[i]);
      if (name != NULL)
        g_string_append_printf (who, ", %s", name);
    }
  for (guint i = 0; guests != NULL && guests[i] != NULL; i++)
    g_string_append_printf (who, ", %s", guests[i]);
  return g_string_free (g_steal_pointer (&who), FALSE);
}

static void
add_details (BespokeDocument *self,
             BespokeStore    *store,
             BespokePerson   *person,
             BespokeSession  *session)
{
  g_autofree char *when = session_when (session);
  g_autofree char *who = session_who (store, person, session);
  const char *facilitator = bespoke_session_get_facilitator (session);
  g_autofree char *line = NULL;

  line = g_markup_printf_escaped ("<b>%s</b> %s", _("When:"), when);
  _doc_add_paragraph (self, line);
  if (facilitator != NULL && *facilitator != '\0')
    {
      g_free (line);
      line = g_markup_printf_escaped ("<b>%s</b> %s", _("Facilitated by:"), facilitator);
      _doc_add_paragraph (self, line);
    }
  g_free (line);
  line = g_markup_printf_escaped ("<b>%s</b> %s", _("Who took part:"), who);
  _doc_add_paragraph (self, line);
  _doc_add_space (self, 6);
}

/* Every statement of the session, under its tool and list, in the tools'
 * order and, within a list, in the order they were said */
static void
add_said (BespokeDocument *self,
          BespokeStore    *store,
          BespokePerson   *person,
          BespokeSession  *session)
{
  g_auto(GStrv) uuids = bespoke_session_split (bespoke_session_get_statements (session));
  g_autoptr(GArray) said = g_array_new (FALSE, TRUE, sizeof (Said));
  gboolean any = FALSE;

  g_array_set_clear_func (said, (GDestroyNotify) said_clear);
  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    {
      Said one = { 0 };

      if (said_load (&one, store, uuids[i]))
        g_array_append_val (said, one);
      else
        said_clear (&one);
    }

  for (guint t = 0; t < BESPOKE_N_SESSION_TOOLS; t++)
    {
      gboolean tool_shown = FALSE;

      for (guint s = 0; s < bespoke_session_tool_get_n_sections (t); s++)
        {
          gboolean section_shown = FALSE;

          for (guint i = 0; i < said->len; i++)
            {
              Said *one = &g_array_index (said, Said, i);

              if (one->tool != t || one->section != s)
                continue;
              if (!tool_shown)
                _doc_add_heading (self, 2, bespoke_session_tool_get_title (t));
              if (!section_shown && bespoke_session_tool_get_n_sections (t) > 1)
                _doc_add_heading (self, 3, bespoke_session_tool_get_heading (t, s, bespoke_person_get_is_staff (person)));
              tool_shown = section_shown = any = TRUE;
              add_statement (self, store, person, one->text, one->said_by);
            }
        }
    }
  if (!any)
    _doc_add_paragraph (self, _("<i>Nothing was written down in this session.</i>"));
}

gboolean
_bespoke_document_build_session (BespokeDocument  *self,
                                 BespokeStore     *store,
                                 BespokePerson    *person,
                                 const char       *session_uuid,
                                 GError          **error)
{
  g_autoptr(BespokeSession) session = find_session (store, person, session_uuid, error);
  g_autofree char *day = NULL;

  if (session == NULL)
    return FALSE;

  day = bespoke_date_format_long (bespoke_session_get_date (session));
  /* Translators: a document's title: "Session notes: Paul Roberts, 5 December 2026" */
  self->title = g_strdup_printf (_("Session notes: %s, %s"), bespoke_person_get_name (person), day);
  self->subject = g_strdup_printf (_("What was said in the facilitated session with %s"),
                                   bespoke_person_get_name (person));
  self->footer = g_strdup (self->title);

  _doc_add_heading (self, 1, _("Session notes"));
  _doc_add_paragraph (self, bespoke_person_get_name (person));
  add_details (self, store, person, session);
  add_said (self, store, person, session);
  return TRUE;
}

/**
 * _doc_add_thinking_tools:
 *
 * Adds the person's working / not working and good day / bad day lists,
 * each tool under its title and each list under its heading; adds nothing
 * for a tool with no statements.
 */
gboolean
_doc_add_thinking_tools (BespokeDocument  *self,
                         BespokeStore     *store,
                         BespokePerson    *person,
                         GError          **error)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));
  g_autoptr(GPtrArray) statements = bespoke_store_list (store, BESPOKE_TYPE_TOOL_STATEMENT, uuid, error);

  if (statements == NULL)
    return FALSE;
  for (guint t = 0; t < BESPOKE_N_SESSION_TOOLS; t++)
    {
      gboolean tool_shown = FALSE;

      if (bespoke_session_tool_get_record_type (t) != BESPOKE_TYPE_TOOL_STATEMENT)
        continue;
      for (guint s = 0; s < bespoke_session_tool_get_n_sections (t); s++)
        {
          int stored = bespoke_session_tool_get_stored_section (t, s);
          gboolean section_shown = FALSE;

          for (guint i = 0; i < statements->len; i++)
            {
              BespokeToolStatement *st = g_ptr_array_index (statements, i);

              if ((int) bespoke_tool_statement_get_section (st) != stored)
                continue;
              if (!tool_shown)
                _doc_add_heading (self, 2, bespoke_session_tool_get_title (t));
              if (!section_shown)
                _doc_add_heading (self, 3, bespoke_session_tool_get_heading (t, s, bespoke_person_get_is_staff (person)));
              tool_shown = section_shown = TRUE;
              add_statement (self, store, person, bespoke_tool_statement_get_text (st),
                             bespoke_tool_statement_get_said_by (st));
            }
        }
    }
  return TRUE;
}
