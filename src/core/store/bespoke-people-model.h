/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PEOPLE_MODEL (bespoke_people_model_get_type ())

/* The most rows a people model keeps read, however much is browsed. */
#define BESPOKE_PEOPLE_MODEL_MAX_CACHED_ROWS 2000

G_DECLARE_FINAL_TYPE (BespokePeopleModel, bespoke_people_model, BESPOKE, PEOPLE_MODEL, GObject)

BespokePeopleModel *bespoke_people_model_new         (BespokeStore        *store,
                                                      BespokePeopleFilter  filter);
BespokeStore       *bespoke_people_model_get_store   (BespokePeopleModel  *self);
BespokePeopleFilter bespoke_people_model_get_filter  (BespokePeopleModel  *self);
const char         *bespoke_people_model_get_search  (BespokePeopleModel  *self);
void                bespoke_people_model_set_search  (BespokePeopleModel  *self,
                                                      const char          *search);
guint               bespoke_people_model_get_n_fetched_rows (BespokePeopleModel *self);
guint               bespoke_people_model_get_n_cached_rows  (BespokePeopleModel *self);
gboolean            bespoke_people_model_get_counting (BespokePeopleModel *self);
void                bespoke_people_model_reload      (BespokePeopleModel  *self);

G_END_DECLS
