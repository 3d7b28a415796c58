/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PERSON (bespoke_person_get_type ())

G_DECLARE_FINAL_TYPE (BespokePerson, bespoke_person, BESPOKE, PERSON, BespokeRecord)

BespokePerson *bespoke_person_new (void);

const char *bespoke_person_get_name (BespokePerson *self);
void bespoke_person_set_name (BespokePerson *self, const char *name);
const char *bespoke_person_get_preferred_name (BespokePerson *self);
void bespoke_person_set_preferred_name (BespokePerson *self, const char *preferred_name);
const char *bespoke_person_get_date_of_birth (BespokePerson *self);
void bespoke_person_set_date_of_birth (BespokePerson *self, const char *date_of_birth);
const char *bespoke_person_get_notes (BespokePerson *self);
void bespoke_person_set_notes (BespokePerson *self, const char *notes);
gboolean bespoke_person_get_is_staff (BespokePerson *self);
void bespoke_person_set_is_staff (BespokePerson *self, gboolean is_staff);
gboolean bespoke_person_get_archived (BespokePerson *self);
void bespoke_person_set_archived (BespokePerson *self, gboolean archived);
const char *bespoke_person_get_client_group (BespokePerson *self);
void bespoke_person_set_client_group (BespokePerson *self, const char *client_group);
const char *bespoke_person_get_postcode (BespokePerson *self);
void bespoke_person_set_postcode (BespokePerson *self, const char *postcode);
BespokeNation bespoke_person_get_nation (BespokePerson *self);
void bespoke_person_set_nation (BespokePerson *self, BespokeNation nation);

G_END_DECLS
