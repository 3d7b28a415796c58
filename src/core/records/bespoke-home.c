/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-home"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-home.h"

/**
 * BespokeHome:
 *
 * A shared home whose budget is split as Individual Service Funds.
 *
 * Stored in the table "homes"; each property is a column.
 */
struct _BespokeHome
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeHome, bespoke_home, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_BUDGET,
  PROP_CORE_SUPPORT,
  PROP_SHARED_COSTS,
  PROP_SPLIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_home_validate (BespokeRecord  *record,
                      GError        **error)
{
  BespokeHome *self = BESPOKE_HOME (record);

  if (!bespoke_record_require_text (bespoke_home_get_name (self), _("The home’s name"), error))
    return FALSE;
  if (bespoke_home_get_budget (self) < 0 || bespoke_home_get_core_support (self) < 0 ||
      bespoke_home_get_shared_costs (self) < 0)
    return bespoke_set_invalid (error, _("A home’s budget and costs cannot be negative. Enter them as positive amounts."));
  return TRUE;
}

static void
bespoke_home_class_init (BespokeHomeClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* the home's name */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence a year for the whole home */
  properties[PROP_BUDGET] =
    g_param_spec_int64 ("budget", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence a year of core support, shared equally */
  properties[PROP_CORE_SUPPORT] =
    g_param_spec_int64 ("core-support", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence a year of shared costs, shared equally */
  properties[PROP_SHARED_COSTS] =
    g_param_spec_int64 ("shared-costs", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* how core and shared costs are split */
  properties[PROP_SPLIT] =
    g_param_spec_enum ("split", NULL, NULL, BESPOKE_TYPE_SPLIT, BESPOKE_SPLIT_EQUAL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "homes", properties, N_PROPS);
  record_class->parent_property = NULL;
  record_class->order_property = "name";
  record_class->validate = bespoke_home_validate;
}

static void
bespoke_home_init (BespokeHome *self)
{
}

BespokeHome *
bespoke_home_new (void)
{
  return g_object_new (BESPOKE_TYPE_HOME, NULL);
}

const char *
bespoke_home_get_name (BespokeHome *self)
{
  g_return_val_if_fail (BESPOKE_IS_HOME (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_NAME]);
}

void
bespoke_home_set_name (BespokeHome *self,
                          const char *name)
{
  g_return_if_fail (BESPOKE_IS_HOME (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_NAME], name);
}

gint64
bespoke_home_get_budget (BespokeHome *self)
{
  g_return_val_if_fail (BESPOKE_IS_HOME (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_BUDGET]);
}

void
bespoke_home_set_budget (BespokeHome *self,
                            gint64 budget)
{
  g_return_if_fail (BESPOKE_IS_HOME (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_BUDGET], budget);
}

gint64
bespoke_home_get_core_support (BespokeHome *self)
{
  g_return_val_if_fail (BESPOKE_IS_HOME (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_CORE_SUPPORT]);
}

void
bespoke_home_set_core_support (BespokeHome *self,
                                  gint64 core_support)
{
  g_return_if_fail (BESPOKE_IS_HOME (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_CORE_SUPPORT], core_support);
}

gint64
bespoke_home_get_shared_costs (BespokeHome *self)
{
  g_return_val_if_fail (BESPOKE_IS_HOME (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_SHARED_COSTS]);
}

void
bespoke_home_set_shared_costs (BespokeHome *self,
                                  gint64 shared_costs)
{
  g_return_if_fail (BESPOKE_IS_HOME (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_SHARED_COSTS], shared_costs);
}

BespokeSplit
bespoke_home_get_split (BespokeHome *self)
{
  g_return_val_if_fail (BESPOKE_IS_HOME (self), 0);

  return (BespokeSplit) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_SPLIT]);
}

void
bespoke_home_set_split (BespokeHome *self,
                           BespokeSplit split)
{
  g_return_if_fail (BESPOKE_IS_HOME (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_SPLIT], split);
}
