/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-store.h"

G_BEGIN_DECLS

/* Synthetic people for benchmarks and load tests: each with a full one-page
 * profile (15 statements), a circle of 5 and a plan of 8 lines.  The same
 * seed always gives the same people, UUIDs included. */

typedef void (*BespokeSynthProgress) (guint done, guint total, gpointer user_data);

gboolean bespoke_synth_people (BespokeStore          *store,
                               guint                  n_people,
                               guint32                seed,
                               BespokeSynthProgress   progress,
                               gpointer               user_data,
                               GError               **error);

G_END_DECLS
