/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folders exports (and backups) were written to, remembered in
 * $XDG_STATE_HOME/bespoke/export-folders so that the stale temporary files
 * of exports and backups killed there are removed at startup
 * (bespoke-leftovers.h). */

#define BESPOKE_LEFTOVERS_MAX_FOLDERS 32

void      bespoke_leftovers_note_export_folder (const char *dir);
char    **bespoke_leftovers_export_folders     (void);

G_END_DECLS
