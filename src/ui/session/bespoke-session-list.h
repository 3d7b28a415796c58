/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-person.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_SESSION_LIST (bespoke_session_list_get_type ())

G_DECLARE_FINAL_TYPE (BespokeSessionList, bespoke_session_list, BESPOKE, SESSION_LIST, AdwBin)

GtkWidget *bespoke_session_list_new        (void);
void       bespoke_session_list_set_person (BespokeSessionList *self,
                                            BespokeStore       *store,
                                            BespokePerson      *person);
guint      bespoke_session_list_get_n_sessions (BespokeSessionList *self);

G_END_DECLS
