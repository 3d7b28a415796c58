/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bespoke-session-types.h"

G_BEGIN_DECLS

/* What each tool of a facilitated session is: its title on the TV, its
 * lists (sections) with their headings, and where their statements are
 * stored.  The one place front ends and documents read it from. */

const char *bespoke_session_tool_get_title        (BespokeSessionTool tool);
const char *bespoke_session_tool_get_short_name   (BespokeSessionTool tool);
guint       bespoke_session_tool_get_n_sections   (BespokeSessionTool tool);
const char *bespoke_session_tool_get_heading      (BespokeSessionTool tool,
                                                   guint              section,
                                                   gboolean           staff);
GType       bespoke_session_tool_get_record_type  (BespokeSessionTool tool);
int         bespoke_session_tool_get_stored_section (BespokeSessionTool tool,
                                                   guint              section);
gboolean    bespoke_session_tool_find_section     (int                stored_section,
                                                   GType              record_type,
                                                   BespokeSessionTool *tool,
                                                   guint             *section);

G_END_DECLS
