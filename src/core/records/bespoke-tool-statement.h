/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-session-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_TOOL_STATEMENT (bespoke_tool_statement_get_type ())

G_DECLARE_FINAL_TYPE (BespokeToolStatement, bespoke_tool_statement, BESPOKE, TOOL_STATEMENT, BespokeRecord)

BespokeToolStatement *bespoke_tool_statement_new (void);

const char *bespoke_tool_statement_get_person_uuid (BespokeToolStatement *self);
void bespoke_tool_statement_set_person_uuid (BespokeToolStatement *self, const char *person_uuid);
BespokeToolSection bespoke_tool_statement_get_section (BespokeToolStatement *self);
void bespoke_tool_statement_set_section (BespokeToolStatement *self, BespokeToolSection section);
guint bespoke_tool_statement_get_position (BespokeToolStatement *self);
void bespoke_tool_statement_set_position (BespokeToolStatement *self, guint position);
const char *bespoke_tool_statement_get_text (BespokeToolStatement *self);
void bespoke_tool_statement_set_text (BespokeToolStatement *self, const char *text);
const char *bespoke_tool_statement_get_said_by (BespokeToolStatement *self);
void bespoke_tool_statement_set_said_by (BespokeToolStatement *self, const char *said_by);

G_END_DECLS
