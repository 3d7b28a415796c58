/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-people-model.h"
#include "bespoke-person.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PEOPLE_SIDEBAR (bespoke_people_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (BespokePeopleSidebar, bespoke_people_sidebar, BESPOKE, PEOPLE_SIDEBAR, GtkBox)

void                bespoke_people_sidebar_set_store              (BespokePeopleSidebar *self,
                                                                   BespokeStore         *store,
                                                                   guint                 first_frame_rows);
BespokePeopleModel *bespoke_people_sidebar_get_people_model       (BespokePeopleSidebar *self);
void                bespoke_people_sidebar_set_filter             (BespokePeopleSidebar *self,
                                                                   BespokePeopleFilter   filter);
gboolean            bespoke_people_sidebar_get_folded             (BespokePeopleSidebar *self);
void                bespoke_people_sidebar_set_folded             (BespokePeopleSidebar *self,
                                                                   gboolean              folded);
void                bespoke_people_sidebar_set_subtitle           (BespokePeopleSidebar *self,
                                                                   const char           *subtitle);
gboolean            bespoke_people_sidebar_select_person          (BespokePeopleSidebar *self,
                                                                   BespokePerson        *person);
void                bespoke_people_sidebar_reload                 (BespokePeopleSidebar *self);
void                bespoke_people_sidebar_start_search           (BespokePeopleSidebar *self);
void                bespoke_people_sidebar_clear_search           (BespokePeopleSidebar *self);
void                bespoke_people_sidebar_hold_for_first_frame   (BespokePeopleSidebar *self);
void                bespoke_people_sidebar_finish_first_frame     (BespokePeopleSidebar *self);

G_END_DECLS
