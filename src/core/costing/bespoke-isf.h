/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-home.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

/* Individual Service Funds in a shared home: each resident's share of the
 * core support and shared costs, and their personal money:
 *   personal money = allocation − (core share + shared share) */

typedef struct
{
  char   *person_uuid;
  char   *name;
  guint   weight;
  gint64  allocation;
  gint64  core_share;
  gint64  shared_share;
  gint64  personal_money;
} BespokeIsfRow;

typedef enum
{
  BESPOKE_ISF_FLAG_ALLOCATIONS_DIFFER = 1 << 0,  /* allocations do not add up to the budget */
  BESPOKE_ISF_FLAG_NEGATIVE_MONEY     = 1 << 1,  /* someone's personal money is below zero */
  BESPOKE_ISF_FLAG_COSTS_OVER_BUDGET  = 1 << 2,  /* core + shared costs exceed the budget */
} BespokeIsfFlags;

typedef struct
{
  char            *home_uuid;
  char            *name;
  BespokeSplit     split;
  gint64           budget;
  gint64           core_support;
  gint64           shared_costs;
  gint64           allocations;   /* the allocations added up */
  gint64           difference;    /* allocations − budget */
  GPtrArray       *rows;          /* BespokeIsfRow, in the residents' order */
  BespokeIsfFlags  flags;
  GPtrArray       *warnings;      /* char*: each flag in words */
} BespokeIsfTable;

void             bespoke_isf_table_free (BespokeIsfTable *self);
BespokeIsfTable *bespoke_isf_compute    (BespokeHome      *home,
                                         GPtrArray        *residents,
                                         GPtrArray        *names,
                                         GError          **error);
BespokeIsfTable *bespoke_isf_report     (BespokeStore     *store,
                                         const char       *home_uuid,
                                         GError          **error);
BespokeIsfTable *bespoke_isf_report_for_person (BespokeStore         *store,
                                                const char           *person_uuid,
                                                const BespokeIsfRow **out_row,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeIsfTable, bespoke_isf_table_free)

G_END_DECLS
