/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_CIRCLE_MEMBER (bespoke_circle_member_get_type ())

G_DECLARE_FINAL_TYPE (BespokeCircleMember, bespoke_circle_member, BESPOKE, CIRCLE_MEMBER, BespokeRecord)

BespokeCircleMember *bespoke_circle_member_new (void);

const char *bespoke_circle_member_get_person_uuid (BespokeCircleMember *self);
void bespoke_circle_member_set_person_uuid (BespokeCircleMember *self, const char *person_uuid);
const char *bespoke_circle_member_get_name (BespokeCircleMember *self);
void bespoke_circle_member_set_name (BespokeCircleMember *self, const char *name);
const char *bespoke_circle_member_get_relationship (BespokeCircleMember *self);
void bespoke_circle_member_set_relationship (BespokeCircleMember *self, const char *relationship);
BespokeRing bespoke_circle_member_get_ring (BespokeCircleMember *self);
void bespoke_circle_member_set_ring (BespokeCircleMember *self, BespokeRing ring);
const char *bespoke_circle_member_get_contact (BespokeCircleMember *self);
void bespoke_circle_member_set_contact (BespokeCircleMember *self, const char *contact);
guint bespoke_circle_member_get_position (BespokeCircleMember *self);
void bespoke_circle_member_set_position (BespokeCircleMember *self, guint position);

G_END_DECLS
