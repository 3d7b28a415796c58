/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-circle-member.h"
#include "bespoke-history.h"
#include "bespoke-person.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_CIRCLE_PAGE (bespoke_circle_page_get_type ())

G_DECLARE_FINAL_TYPE (BespokeCirclePage, bespoke_circle_page, BESPOKE, CIRCLE_PAGE, GtkWidget)

GtkWidget  *bespoke_circle_page_new           (void);
void        bespoke_circle_page_set_person    (BespokeCirclePage    *self,
                                               BespokeStore         *store,
                                               BespokeHistory       *history,
                                               BespokePerson        *person);
GListModel *bespoke_circle_page_get_members   (BespokeCirclePage    *self);
gboolean    bespoke_circle_page_save_member   (BespokeCirclePage    *self,
                                               BespokeCircleMember  *member,
                                               GError              **error);
gboolean    bespoke_circle_page_delete_member (BespokeCirclePage    *self,
                                               BespokeCircleMember  *member,
                                               GError              **error);
void        bespoke_circle_page_open_editor   (BespokeCirclePage    *self,
                                               BespokeCircleMember  *member);

G_END_DECLS
