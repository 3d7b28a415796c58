/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text folded for matching what people type: accents dropped, case folded
 * ("Élodie", "ELODIE" and "elodie" all fold to "elodie"). */

char     *bespoke_fold          (const char *text);
gboolean  bespoke_fold_matches  (const char *folded_text,
                                 const char *query);

G_END_DECLS
