/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _BespokeProgressFeed BespokeProgressFeed;

BespokeProgressFeed *bespoke_progress_feed_new     (void);
BespokeProgressFeed *bespoke_progress_feed_ref     (BespokeProgressFeed *feed);
void                 bespoke_progress_feed_unref   (gpointer             feed);
void                 bespoke_progress_feed_cb      (guint64              done,
                                                    guint64              total,
                                                    gpointer             feed);
void                 bespoke_progress_feed_show    (BespokeProgressFeed *feed,
                                                    GtkProgressBar      *bar,
                                                    const char          *waiting);
gboolean             bespoke_progress_feed_get_finishing (BespokeProgressFeed *feed);
void                 bespoke_progress_feed_stop    (BespokeProgressFeed *feed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeProgressFeed, bespoke_progress_feed_unref)

G_END_DECLS
