/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-circle-member.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_CIRCLE_MEMBER_ROW (bespoke_circle_member_row_get_type ())

G_DECLARE_FINAL_TYPE (BespokeCircleMemberRow, bespoke_circle_member_row, BESPOKE, CIRCLE_MEMBER_ROW, AdwActionRow)

GtkWidget           *bespoke_circle_member_row_new        (BespokeCircleMember    *member,
                                                           gboolean                editable);
BespokeCircleMember *bespoke_circle_member_row_get_member (BespokeCircleMemberRow *self);

G_END_DECLS
