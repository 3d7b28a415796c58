/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-history.h"
#include "bespoke-record.h"
#include "bespoke-session-types.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_SESSION_BOARD (bespoke_session_board_get_type ())

G_DECLARE_FINAL_TYPE (BespokeSessionBoard, bespoke_session_board, BESPOKE, SESSION_BOARD, GObject)

BespokeSessionBoard *bespoke_session_board_new          (BespokeStore        *store,
                                                         BespokeHistory      *history,
                                                         const char          *person_uuid,
                                                         BespokeSessionTool   tool,
                                                         GError             **error);
BespokeSessionTool   bespoke_session_board_get_tool     (BespokeSessionBoard *self);
guint                bespoke_session_board_get_n_sections (BespokeSessionBoard *self);
GListModel          *bespoke_session_board_get_section  (BespokeSessionBoard *self,
                                                         guint                section);
GListModel          *bespoke_session_board_get_circle   (BespokeSessionBoard *self);
gboolean             bespoke_session_board_reload       (BespokeSessionBoard *self,
                                                         GError             **error);
BespokeRecord       *bespoke_session_board_add          (BespokeSessionBoard *self,
                                                         guint                section,
                                                         const char          *text,
                                                         const char          *said_by,
                                                         GError             **error);
gboolean             bespoke_session_board_change       (BespokeSessionBoard *self,
                                                         BespokeRecord       *record,
                                                         const char          *text,
                                                         const char          *said_by,
                                                         GError             **error);
gboolean             bespoke_session_board_remove       (BespokeSessionBoard *self,
                                                         BespokeRecord       *record,
                                                         GError             **error);
gboolean             bespoke_session_board_move         (BespokeSessionBoard *self,
                                                         BespokeRecord       *record,
                                                         guint                index,
                                                         GError             **error);
gboolean             bespoke_session_board_find         (BespokeSessionBoard *self,
                                                         const char          *uuid,
                                                         guint               *section,
                                                         guint               *index);

char                *bespoke_session_board_dup_text     (BespokeRecord       *record);
char                *bespoke_session_board_dup_said_by  (BespokeRecord       *record);
char                *bespoke_session_board_name_of      (BespokeSessionBoard *self,
                                                         const char          *uuid);
char                *bespoke_session_board_split_said_by (BespokeSessionBoard *self,
                                                         const char          *typed,
                                                         char               **said_by);

G_END_DECLS
