/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-session-tool"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-outcome.h"
#include "bespoke-session-tool.h"
#include "bespoke-statement.h"
#include "bespoke-tool-statement.h"

/* Each tool's lists, as stored: a profile section (BespokeSection), a
 * tool section (BespokeToolSection), or the plan's outcomes (-1). */
static const struct
{
  guint n_sections;
  int   stored[3];
} tools[BESPOKE_N_SESSION_TOOLS] = {
  [BESPOKE_SESSION_TOOL_PROFILE] = { 3, { BESPOKE_SECTION_APPRECIATION, BESPOKE_SECTION_IMPORTANT, BESPOKE_SECTION_SUPPORT } },
  [BESPOKE_SESSION_TOOL_WORKING_PERSON] = { 2, { BESPOKE_TOOL_SECTION_WORKING_PERSON, BESPOKE_TOOL_SECTION_NOT_WORKING_PERSON } },
  [BESPOKE_SESSION_TOOL_WORKING_FAMILY] = { 2, { BESPOKE_TOOL_SECTION_WORKING_FAMILY, BESPOKE_TOOL_SECTION_NOT_WORKING_FAMILY } },
  [BESPOKE_SESSION_TOOL_WORKING_STAFF] = { 2, { BESPOKE_TOOL_SECTION_WORKING_STAFF, BESPOKE_TOOL_SECTION_NOT_WORKING_STAFF } },
  [BESPOKE_SESSION_TOOL_GOOD_DAY] = { 2, { BESPOKE_TOOL_SECTION_GOOD_DAY, BESPOKE_TOOL_SECTION_BAD_DAY } },
  [BESPOKE_SESSION_TOOL_OUTCOMES] = { 1, { -1 } },
  [BESPOKE_SESSION_TOOL_CIRCLE] = { 0, { 0 } },
};

/**
 * bespoke_session_tool_get_title:
 *
 * Returns: the tool's title as the TV shows it, in the person's words
 */
const char *
bespoke_session_tool_get_title (BespokeSessionTool tool)
{
  switch (tool)
    {
    case BESPOKE_SESSION_TOOL_PROFILE:
      return _("About me");
    case BESPOKE_SESSION_TOOL_WORKING_PERSON:
      return _("What’s working and not working, for me");
    case BESPOKE_SESSION_TOOL_WORKING_FAMILY:
      return _("What’s working and not working, for my family");
    case BESPOKE_SESSION_TOOL_WORKING_STAFF:
      return _("What’s working and not working, for the people who support me");
    case BESPOKE_SESSION_TOOL_GOOD_DAY:
      return _("A good day and a bad day");
    case BESPOKE_SESSION_TOOL_OUTCOMES:
      return _("What I want to achieve");
    case BESPOKE_SESSION_TOOL_CIRCLE:
      return _("The people in my life");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bespoke_session_tool_get_short_name:
 *
 * Returns: the tool's name in the facilitator's list of tools
 */
const char *
bespoke_session_tool_get_short_name (BespokeSessionTool tool)
{
  switch (tool)
    {
    case BESPOKE_SESSION_TOOL_PROFILE:
      return _("One-page profile");
    case BESPOKE_SESSION_TOOL_WORKING_PERSON:
      return _("Working / not working: the person");
    case BESPOKE_SESSION_TOOL_WORKING_FAMILY:
      return _("Working / not working: family");
    case BESPOKE_SESSION_TOOL_WORKING_STAFF:
      return _("Working / not working: staff");
    case BESPOKE_SESSION_TOOL_GOOD_DAY:
      return _("Good day / bad day");
    case BESPOKE_SESSION_TOOL_OUTCOMES:
      return _("What I want to achieve");
    case BESPOKE_SESSION_TOOL_CIRCLE:
      return _("Relationship circle");
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
bespoke_session_tool_get_n_sections (BespokeSessionTool tool)
{
  g_return_val_if_fail (tool < BESPOKE_N_SESSION_TOOLS, 0);
  return tools[tool].n_sections;
}

/**
 * bespoke_session_tool_get_heading:
 * @staff: whether the person is a member of staff (whose third profile
 *   heading is about work)
 *
 * Returns: the heading of one of the tool's lists
 */
const char *
bespoke_session_tool_get_heading (BespokeSessionTool tool,
                                  guint              section,
                                  gboolean           staff)
{
  g_return_val_if_fail (tool < BESPOKE_N_SESSION_TOOLS, NULL);
  g_return_val_if_fail (section < tools[tool].n_sections, NULL);

  switch (tool)
    {
    case BESPOKE_SESSION_TOOL_PROFILE:
      if (section == 0)
        return _("What people like and admire about me");
      if (section == 1)
        return _("What’s important to me");
      return staff ? _("How to support me well at work") : _("How best to support me");
    case BESPOKE_SESSION_TOOL_WORKING_PERSON:
    case BESPOKE_SESSION_TOOL_WORKING_FAMILY:
    case BESPOKE_SESSION_TOOL_WORKING_STAFF:
      return section == 0 ? _("What’s working") : _("What’s not working");
    case BESPOKE_SESSION_TOOL_GOOD_DAY:
      return section == 0 ? _("A good day") : _("A bad day");
    case BESPOKE_SESSION_TOOL_OUTCOMES:
      return _("What I want to achieve");
    case BESPOKE_SESSION_TOOL_CIRCLE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bespoke_session_tool_get_record_type:
 *
 * Returns: the record type the tool's statements are, or %G_TYPE_NONE for
 *   a tool that only shows (the circle)
 */
GType
bespoke_session_tool_get_record_type (BespokeSessionTool tool)
{
  switch (tool)
    {
    case BESPOKE_SESSION_TOOL_PROFILE:
      return BESPOKE_TYPE_STATEMENT;
    case BESPOKE_SESSION_TOOL_OUTCOMES:
      return BESPOKE_TYPE_OUTCOME;
    case BESPOKE_SESSION_TOOL_CIRCLE:
      return G_TYPE_NONE;
    default:
      return BESPOKE_TYPE_TOOL_STATEMENT;
    }
}

/**
 * bespoke_session_tool_get_stored_section:
 *
 * Returns: the stored section (a #BespokeSection or #BespokeToolSection)
 *   of one of the tool's lists; -1 for the outcomes, which have none
 */
int
bespoke_session_tool_get_stored_section (BespokeSessionTool tool,
                                         guint              section)
{
  g_return_val_if_fail (tool < BESPOKE_N_SESSION_TOOLS, -1);
  g_return_val_if_fail (section < tools[tool].n_sections, -1);

  return tools[tool].stored[section];
}

/**
 * bespoke_session_tool_find_section:
 *
 * Finds the tool and list a stored statement belongs to.
 *
 * Returns: %FALSE if none has it
 */
gboolean
bespoke_session_tool_find_section (int                 stored_section,
                                   GType               record_type,
                                   BespokeSessionTool *tool,
                                   guint              *section)
{
  for (guint t = 0; t < BESPOKE_N_SESSION_TOOLS; t++)
    {
      if (bespoke_session_tool_get_record_type (t) != record_type)
        continue;
      for (guint s = 0; s < tools[t].n_sections; s++)
        if (tools[t].stored[s] == stored_section)
          {
            *tool = t;
            *section = s;
            return TRUE;
          }
    }
  return FALSE;
}
