/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-isf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-error.h"
#include "bespoke-home-resident.h"
#include "bespoke-isf.h"
#include "bespoke-money.h"
#include "bespoke-person.h"

static void
row_free (gpointer data)
{
  BespokeIsfRow *row = data;

  g_free (row->person_uuid);
  g_free (row->name);
  g_free (row);
}

void
bespoke_isf_table_free (BespokeIsfTable *self)
{
  if (self == NULL)
    return;
  g_free (self->home_uuid);
  g_free (self->name);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

/* Splits `total` by `weights` so that the shares add up to it exactly: each
 * share is rounded down, and the pence left over go one each to the shares
 * with the largest remainders (the earlier resident first on a tie). */
static gboolean
split_by_weights (gint64        total,
                  const guint  *weights,
                  guint         n,
                  gint64       *shares,
                  GError      **error)
{
  g_autofree __int128 *rest = g_new0 (__int128, n);
  __int128 sum_weights = 0;
  gint64 given = 0;

  for (guint i = 0; i < n; i++)
    sum_weights += weights[i];
  if (sum_weights == 0)
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("Every resident’s weight is zero, so the costs cannot be split. Give at least one resident a weight."));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      __int128 exact = (__int128) total * weights[i];
      shares[i] = (gint64) (exact / sum_weights);
      rest[i] = exact % sum_weights;
      given += shares[i];
    }
  for (gint64 left = total - given; left > 0; left--)
    {
      guint best = 0;
      for (guint i = 1; i < n; i++)
        if (rest[i] > rest[best])
          best = i;
      shares[best]++;
      rest[best] = -1;
    }
  return TRUE;
}

/**
 * bespoke_isf_compute:
 * @residents: (element-type BespokeHomeResident)
 * @names: (element-type utf8) (nullable): the residents' names, in order
 *
 * Returns: (transfer full): the ISF table, with its flags.
 */
BespokeIsfTable *
bespoke_isf_compute (BespokeHome  *home,
                     GPtrArray    *residents,
                     GPtrArray    *names,
                     GError      **error)
{
  g_autoptr(BespokeIsfTable) table = g_new0 (BespokeIsfTable, 1);
  g_autofree guint *weights = NULL;
  g_autofree gint64 *core = NULL;
  g_autofree gint64 *shared = NULL;
  guint n;
  gint64 costs;

  g_return_val_if_fail (BESPOKE_IS_HOME (home), NULL);
  g_return_val_if_fail (residents != NULL, NULL);

  n = residents->len;
  table->home_uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (home)));
  table->name = g_strdup (bespoke_home_get_name (home));
  table->split = bespoke_home_get_split (home);
  table->budget = bespoke_home_get_budget (home);
  table->core_support = bespoke_home_get_core_support (home);
  table->shared_costs = bespoke_home_get_shared_costs (home);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->warnings = g_ptr_array_new_with_free_func (g_free);

  weights = g_new0 (guint, MAX (n, 1));
  core = g_new0 (gint64, MAX (n, 1));
  shared = g_new0 (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    weights[i] = table->split == BESPOKE_SPLIT_WEIGHTS
               ? bespoke_home_resident_get_weight (g_ptr_array_index (residents, i)) : 1;

  if (n > 0 &&
      (!split_by_weights (table->core_support, weights, n, core, error) ||
       !split_by_weights (table->shared_costs, weights, n, shared, error)))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      BespokeHomeResident *r = g_ptr_array_index (residents, i);
      BespokeIsfRow *row = g_new0 (BespokeIsfRow, 1);

      row->person_uuid = g_strdup (bespoke_home_resident_get_person_uuid (r));
      row->name = g_strdup (names && i < names->len ? g_ptr_array_index (names, i) : row->person_uuid);
      row->weight = weights[i];
      row->allocation = bespoke_home_resident_get_allocation (r);
      row->core_share = core[i];
      row->shared_share = shared[i];
      row->personal_money = row->allocation - (row->core_share + row->shared_share);
      g_ptr_array_add (table->rows, row);

      if (!bespoke_money_add (table->allocations, row->allocation, &table->allocations, error))
        return NULL;
      if (row->personal_money < 0)
        {
          g_autofree char *short_by = bespoke_money_format (-row->personal_money);
          table->flags |= BESPOKE_ISF_FLAG_NEGATIVE_MONEY;
          g_ptr_array_add (table->warnings,
                           g_strdup_printf (_("%s’s allocation is %s short of their share of the core and shared costs."),
                                            row->name, short_by));
        }
    }

  table->difference = table->allocations - table->budget;
  if (table->difference != 0)
    {
      g_autofree char *allocations = bespoke_money_format (table->allocations);
      g_autofree char *budget = bespoke_money_format (table->budget);
      g_autofree char *difference = bespoke_money_format (table->difference > 0 ? table->difference : -table->difference);

      table->flags |= BESPOKE_ISF_FLAG_ALLOCATIONS_DIFFER;
      g_ptr_array_add (table->warnings,
                       g_strdup_printf (table->difference > 0
                                        ? _("The allocations add up to %s, %s more than the home’s budget of %s. Check each allocation.")
                                        : _("The allocations add up to %s, %s less than the home’s budget of %s. Check each allocation."),
                                        allocations, difference, budget));
    }

  if (!bespoke_money_add (table->core_support, table->shared_costs, &costs, error))
    return NULL;
  if (costs > table->budget)
    {
      g_autofree char *over = bespoke_money_format (costs - table->budget);
      table->flags |= BESPOKE_ISF_FLAG_COSTS_OVER_BUDGET;
      g_ptr_array_add (table->warnings,
                       g_strdup_printf (_("Core support and shared costs come to %s more than the home’s budget."), over));
    }

  return g_steal_pointer (&table);
}

/**
 * bespoke_isf_report:
 *
 * Reads a home and its residents from the store and computes its table.
 */
BespokeIsfTable *
bespoke_isf_report (BespokeStore  *store,
                    const char    *home_uuid,
                    GError       **error)
{
  g_autoptr(BespokeHome) home = NULL;
  g_autoptr(GPtrArray) residents = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  if (!(home = bespoke_store_load (store, BESPOKE_TYPE_HOME, home_uuid, error)) ||
      !(residents = bespoke_store_list (store, BESPOKE_TYPE_HOME_RESIDENT, home_uuid, error)))
    return NULL;

  for (guint i = 0; i < residents->len; i++)
    {
      BespokeHomeResident *r = g_ptr_array_index (residents, i);
      g_autoptr(BespokePerson) person = bespoke_store_load (store, BESPOKE_TYPE_PERSON,
                                                            bespoke_home_resident_get_person_uuid (r), error);
      if (person == NULL)
        return NULL;
      g_ptr_array_add (names, g_strdup (bespoke_person_get_name (person)));
    }

  return bespoke_isf_compute (home, residents, names, error);
}

/**
 * bespoke_isf_report_for_person:
 * @person_uuid: a person who may live in a shared home
 * @out_row: (out) (transfer none): their row of the table returned
 *
 * The Individual Service Funds of the shared home @person_uuid lives in,
 * for their own pages: the home's whole table (its flags included) and
 * their row in it.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL, with no error,
 *   when they live in no shared home (and on an error, with @error set)
 */
BespokeIsfTable *
bespoke_isf_report_for_person (BespokeStore         *store,
                               const char           *person_uuid,
                               const BespokeIsfRow **out_row,
                               GError              **error)
{
  g_autoptr(GPtrArray) homes = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (person_uuid != NULL, NULL);
  g_return_val_if_fail (out_row != NULL, NULL);

  *out_row = NULL;
  if (!(homes = bespoke_store_list (store, BESPOKE_TYPE_HOME, NULL, error)))
    return NULL;
  for (guint h = 0; h < homes->len; h++)
    {
      const char *home_uuid = bespoke_record_get_uuid (g_ptr_array_index (homes, h));
      g_autoptr(GPtrArray) residents = bespoke_store_list (store, BESPOKE_TYPE_HOME_RESIDENT, home_uuid, error);
      g_autoptr(BespokeIsfTable) table = NULL;
      gboolean lives_here = FALSE;

      if (residents == NULL)
        return NULL;
      for (guint i = 0; i < residents->len && !lives_here; i++)
        lives_here = g_strcmp0 (bespoke_home_resident_get_person_uuid (g_ptr_array_index (residents, i)), person_uuid) == 0;
      if (!lives_here)
        continue;
      if (!(table = bespoke_isf_report (store, home_uuid, error)))
        return NULL;
      for (guint i = 0; i < table->rows->len; i++)
        if (g_strcmp0 (((BespokeIsfRow *) g_ptr_array_index (table->rows, i))->person_uuid, person_uuid) == 0)
          *out_row = g_ptr_array_index (table->rows, i);
      return g_steal_pointer (&table);
    }
  return NULL;
}
