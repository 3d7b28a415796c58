/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_STATEMENT (bespoke_statement_get_type ())

G_DECLARE_FINAL_TYPE (BespokeStatement, bespoke_statement, BESPOKE, STATEMENT, BespokeRecord)

BespokeStatement *bespoke_statement_new (void);

const char *bespoke_statement_get_person_uuid (BespokeStatement *self);
void bespoke_statement_set_person_uuid (BespokeStatement *self, const char *person_uuid);
BespokeSection bespoke_statement_get_section (BespokeStatement *self);
void bespoke_statement_set_section (BespokeStatement *self, BespokeSection section);
guint bespoke_statement_get_position (BespokeStatement *self);
void bespoke_statement_set_position (BespokeStatement *self, guint position);
const char *bespoke_statement_get_text (BespokeStatement *self);
void bespoke_statement_set_text (BespokeStatement *self, const char *text);
const char *bespoke_statement_get_said_by (BespokeStatement *self);
void bespoke_statement_set_said_by (BespokeStatement *self, const char *said_by);

G_END_DECLS
