/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bespoke-export-folders.h"

G_BEGIN_DECLS

/* What killed runs leave behind, removed when Bespoke or bespoke-cli
 * starts: the stale temporary files of exports in the folders exports
 * were written to (remembered in $XDG_STATE_HOME/bespoke/export-folders),
 * the unlocked folders of sealing in Bespoke's private folder, and the
 * unlocked partial files of backups in the backups folder. */

guint     bespoke_leftovers_remove             (void);

G_END_DECLS
