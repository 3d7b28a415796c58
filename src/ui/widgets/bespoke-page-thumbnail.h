/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PAGE_THUMBNAIL (bespoke_page_thumbnail_get_type ())

G_DECLARE_FINAL_TYPE (BespokePageThumbnail, bespoke_page_thumbnail, BESPOKE, PAGE_THUMBNAIL, GtkWidget)

GtkWidget  *bespoke_page_thumbnail_new         (void);
void        bespoke_page_thumbnail_set_person  (BespokePageThumbnail *self,
                                                BespokeStore         *store,
                                                const char           *person_uuid);
const char *bespoke_page_thumbnail_get_caption (BespokePageThumbnail *self);
guint       bespoke_page_thumbnail_get_render_count (BespokePageThumbnail *self);

G_END_DECLS
