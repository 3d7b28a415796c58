/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-session-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_SESSION (bespoke_session_get_type ())

G_DECLARE_FINAL_TYPE (BespokeSession, bespoke_session, BESPOKE, SESSION, BespokeRecord)

BespokeSession *bespoke_session_new (void);

const char *bespoke_session_get_person_uuid (BespokeSession *self);
void bespoke_session_set_person_uuid (BespokeSession *self, const char *person_uuid);
const char *bespoke_session_get_date (BespokeSession *self);
void bespoke_session_set_date (BespokeSession *self, const char *date);
const char *bespoke_session_get_start_time (BespokeSession *self);
void bespoke_session_set_start_time (BespokeSession *self, const char *start_time);
const char *bespoke_session_get_end_time (BespokeSession *self);
void bespoke_session_set_end_time (BespokeSession *self, const char *end_time);
const char *bespoke_session_get_facilitator (BespokeSession *self);
void bespoke_session_set_facilitator (BespokeSession *self, const char *facilitator);
const char *bespoke_session_get_participants (BespokeSession *self);
void bespoke_session_set_participants (BespokeSession *self, const char *participants);
const char *bespoke_session_get_guests (BespokeSession *self);
void bespoke_session_set_guests (BespokeSession *self, const char *guests);
const char *bespoke_session_get_statements (BespokeSession *self);
void bespoke_session_set_statements (BespokeSession *self, const char *statements);
const char *bespoke_session_get_draft (BespokeSession *self);
void bespoke_session_set_draft (BespokeSession *self, const char *draft);
BespokeSessionTool bespoke_session_get_draft_tool (BespokeSession *self);
void bespoke_session_set_draft_tool (BespokeSession *self, BespokeSessionTool draft_tool);
guint bespoke_session_get_draft_section (BespokeSession *self);
void bespoke_session_set_draft_section (BespokeSession *self, guint draft_section);
gboolean bespoke_session_note_statement (BespokeSession *self, const char *uuid);
GStrv bespoke_session_split (const char *list);

G_END_DECLS
