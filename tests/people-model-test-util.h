/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fixtures shared by the tests of BespokePeopleModel (test-people-model.c
 * and test-people-count.c): what its items-changed said, and the name at a
 * position. */
#pragma once

#include "bespoke-core.h"

/* What a model's items-changed (and notify::n-items, where a test connects
 * notify_n_items_cb) said: how often, and the last emission's figures. */
typedef struct
{
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
  guint n_notify;
} Changes;

static inline void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_emissions++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  /* the model already says what it has become */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, position + added);
}

static inline void
notify_n_items_cb (GObject    *object,
                   GParamSpec *pspec,
                   Changes    *changes)
{
  changes->n_notify++;
}

/* The person at @position in @model is called @expected. */
static inline void
assert_item_name (BespokePeopleModel *model,
                  guint               position,
                  const char         *expected)
{
  g_autoptr(BespokePerson) p = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (p);
  g_assert_cmpstr (bespoke_person_get_name (p), ==, expected);
}
