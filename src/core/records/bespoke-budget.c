/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-budget"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-budget.h"

/**
 * BespokeBudget:
 *
 * The money a person has for a plan period, and where it comes from.
 *
 * Stored in the table "budgets"; each property is a column.
 */
struct _BespokeBudget
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeBudget, bespoke_budget, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PLAN_UUID,
  PROP_AMOUNT,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_budget_validate (BespokeRecord  *record,
                        GError        **error)
{
  BespokeBudget *self = BESPOKE_BUDGET (record);

  if (!bespoke_record_require_text (bespoke_budget_get_plan_uuid (self), _("The plan"), error))
    return FALSE;
  if (bespoke_budget_get_amount (self) < 0)
    return bespoke_set_invalid (error, _("The budget is negative. Enter the yearly amount as a positive figure."));
  return TRUE;
}

static void
bespoke_budget_class_init (BespokeBudgetClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* which plan */
  properties[PROP_PLAN_UUID] =
    g_param_spec_string ("plan-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence for the plan period */
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* which funding source it is */
  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, BESPOKE_TYPE_FUNDING, BESPOKE_FUNDING_INDIVIDUAL_BUDGET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "budgets", properties, N_PROPS);
  record_class->parent_property = "plan-uuid";
  record_class->order_property = "source";
  record_class->validate = bespoke_budget_validate;
}

static void
bespoke_budget_init (BespokeBudget *self)
{
}

BespokeBudget *
bespoke_budget_new (void)
{
  return g_object_new (BESPOKE_TYPE_BUDGET, NULL);
}

const char *
bespoke_budget_get_plan_uuid (BespokeBudget *self)
{
  g_return_val_if_fail (BESPOKE_IS_BUDGET (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PLAN_UUID]);
}

void
bespoke_budget_set_plan_uuid (BespokeBudget *self,
                                 const char *plan_uuid)
{
  g_return_if_fail (BESPOKE_IS_BUDGET (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PLAN_UUID], plan_uuid);
}

gint64
bespoke_budget_get_amount (BespokeBudget *self)
{
  g_return_val_if_fail (BESPOKE_IS_BUDGET (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_AMOUNT]);
}

void
bespoke_budget_set_amount (BespokeBudget *self,
                              gint64 amount)
{
  g_return_if_fail (BESPOKE_IS_BUDGET (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_AMOUNT], amount);
}

BespokeFunding
bespoke_budget_get_source (BespokeBudget *self)
{
  g_return_val_if_fail (BESPOKE_IS_BUDGET (self), 0);

  return (BespokeFunding) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_SOURCE]);
}

void
bespoke_budget_set_source (BespokeBudget *self,
                              BespokeFunding source)
{
  g_return_if_fail (BESPOKE_IS_BUDGET (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_SOURCE], source);
}
