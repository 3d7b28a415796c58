/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-history.h"
#include "bespoke-person.h"
#include "bespoke-session.h"
#include "bespoke-session-board.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_SESSION_CONTROLLER (bespoke_session_controller_get_type ())

G_DECLARE_FINAL_TYPE (BespokeSessionController, bespoke_session_controller, BESPOKE, SESSION_CONTROLLER, GObject)

BespokeSessionController *bespoke_session_controller_new (BespokeStore    *store,
                                                          BespokeHistory  *history,
                                                          BespokePerson   *person,
                                                          GError         **error);

BespokeSessionBoard *bespoke_session_controller_get_board     (BespokeSessionController *self);
BespokeSession      *bespoke_session_controller_get_session   (BespokeSessionController *self);
BespokeStore        *bespoke_session_controller_get_store     (BespokeSessionController *self);
const char          *bespoke_session_controller_get_person_name (BespokeSessionController *self);
gboolean             bespoke_session_controller_get_is_staff  (BespokeSessionController *self);
BespokeSessionTool   bespoke_session_controller_get_tool      (BespokeSessionController *self);
void                 bespoke_session_controller_set_tool      (BespokeSessionController *self,
                                                               BespokeSessionTool        tool);
void                 bespoke_session_controller_step_tool     (BespokeSessionController *self,
                                                               int                       delta);
guint                bespoke_session_controller_get_section   (BespokeSessionController *self);
void                 bespoke_session_controller_set_section   (BespokeSessionController *self,
                                                               guint                     section);
const char          *bespoke_session_controller_get_selected  (BespokeSessionController *self);
void                 bespoke_session_controller_select        (BespokeSessionController *self,
                                                               const char               *uuid);
void                 bespoke_session_controller_step_selection (BespokeSessionController *self,
                                                               int                       delta);
gboolean             bespoke_session_controller_get_blank     (BespokeSessionController *self);
void                 bespoke_session_controller_set_blank     (BespokeSessionController *self,
                                                               gboolean                  blank);
const char          *bespoke_session_controller_get_draft     (BespokeSessionController *self);
void                 bespoke_session_controller_set_draft     (BespokeSessionController *self,
                                                               const char               *draft);
const char          *bespoke_session_controller_get_editing   (BespokeSessionController *self);
char                *bespoke_session_controller_dup_speaker   (BespokeSessionController *self);

gboolean             bespoke_session_controller_commit        (BespokeSessionController *self,
                                                               GError                  **error);
gboolean             bespoke_session_controller_edit_selected (BespokeSessionController *self);
void                 bespoke_session_controller_cancel_edit   (BespokeSessionController *self);
BespokeRecord       *bespoke_session_controller_delete_selected (BespokeSessionController *self,
                                                               GError                  **error);
gboolean             bespoke_session_controller_move_selected (BespokeSessionController *self,
                                                               int                       delta,
                                                               GError                  **error);
gboolean             bespoke_session_controller_save_draft    (BespokeSessionController *self,
                                                               GError                  **error);
gboolean             bespoke_session_controller_set_participant (BespokeSessionController *self,
                                                               const char               *member_uuid,
                                                               gboolean                  present,
                                                               GError                  **error);
gboolean             bespoke_session_controller_set_people    (BespokeSessionController *self,
                                                               const char               *facilitator,
                                                               const char               *guests,
                                                               GError                  **error);
gboolean             bespoke_session_controller_end           (BespokeSessionController *self,
                                                               GError                  **error);
gboolean             bespoke_session_controller_get_ended     (BespokeSessionController *self);

G_END_DECLS
