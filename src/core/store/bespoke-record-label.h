/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-person.h"
#include "bespoke-record.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

char *bespoke_person_dup_short_name     (BespokePerson *person);
char *bespoke_text_dup_head             (const char    *text,
                                         guint          max_chars);
char *bespoke_record_dup_short_label    (BespokeStore  *store,
                                         BespokeRecord *record);
char *bespoke_undo_label_fill           (const char    *template,
                                         BespokeStore  *store,
                                         BespokeRecord *record);

G_END_DECLS
