/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-risk"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-risk.h"

/**
 * BespokeRisk:
 *
 * A risk in a plan, kept the way councils keep risk registers.
 *
 * Stored in the table "risks"; each property is a column.
 */
struct _BespokeRisk
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeRisk, bespoke_risk, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PLAN_UUID,
  PROP_POSITION,
  PROP_DESCRIPTION,
  PROP_LIKELIHOOD,
  PROP_IMPACT,
  PROP_CONTINGENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_risk_validate (BespokeRecord  *record,
                      GError        **error)
{
  BespokeRisk *self = BESPOKE_RISK (record);

  if (!bespoke_record_require_text (bespoke_risk_get_plan_uuid (self), _("The plan"), error))
    return FALSE;
  return bespoke_record_require_text (bespoke_risk_get_description (self), _("The risk"), error);
}

static void
bespoke_risk_class_init (BespokeRiskClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* which plan */
  properties[PROP_PLAN_UUID] =
    g_param_spec_string ("plan-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* order in the plan */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* what could go wrong */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* how likely */
  properties[PROP_LIKELIHOOD] =
    g_param_spec_enum ("likelihood", NULL, NULL, BESPOKE_TYPE_LEVEL, BESPOKE_LEVEL_MEDIUM,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* how bad */
  properties[PROP_IMPACT] =
    g_param_spec_enum ("impact", NULL, NULL, BESPOKE_TYPE_LEVEL, BESPOKE_LEVEL_MEDIUM,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* what we do if it happens */
  properties[PROP_CONTINGENCY] =
    g_param_spec_string ("contingency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "risks", properties, N_PROPS);
  record_class->parent_property = "plan-uuid";
  record_class->order_property = "position";
  record_class->validate = bespoke_risk_validate;
}

static void
bespoke_risk_init (BespokeRisk *self)
{
}

BespokeRisk *
bespoke_risk_new (void)
{
  return g_object_new (BESPOKE_TYPE_RISK, NULL);
}

const char *
bespoke_risk_get_plan_uuid (BespokeRisk *self)
{
  g_return_val_if_fail (BESPOKE_IS_RISK (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PLAN_UUID]);
}

void
bespoke_risk_set_plan_uuid (BespokeRisk *self,
                               const char *plan_uuid)
{
  g_return_if_fail (BESPOKE_IS_RISK (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PLAN_UUID], plan_uuid);
}

guint
bespoke_risk_get_position (BespokeRisk *self)
{
  g_return_val_if_fail (BESPOKE_IS_RISK (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_POSITION]);
}

void
bespoke_risk_set_position (BespokeRisk *self,
                              guint position)
{
  g_return_if_fail (BESPOKE_IS_RISK (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_POSITION], position);
}

const char *
bespoke_risk_get_description (BespokeRisk *self)
{
  g_return_val_if_fail (BESPOKE_IS_RISK (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_DESCRIPTION]);
}

void
bespoke_risk_set_description (BespokeRisk *self,
                                 const char *description)
{
  g_return_if_fail (BESPOKE_IS_RISK (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_DESCRIPTION], description);
}

BespokeLevel
bespoke_risk_get_likelihood (BespokeRisk *self)
{
  g_return_val_if_fail (BESPOKE_IS_RISK (self), 0);

  return (BespokeLevel) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_LIKELIHOOD]);
}

void
bespoke_risk_set_likelihood (BespokeRisk *self,
                                BespokeLevel likelihood)
{
  g_return_if_fail (BESPOKE_IS_RISK (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_LIKELIHOOD], likelihood);
}

BespokeLevel
bespoke_risk_get_impact (BespokeRisk *self)
{
  g_return_val_if_fail (BESPOKE_IS_RISK (self), 0);

  return (BespokeLevel) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_IMPACT]);
}

void
bespoke_risk_set_impact (BespokeRisk *self,
                            BespokeLevel impact)
{
  g_return_if_fail (BESPOKE_IS_RISK (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_IMPACT], impact);
}

const char *
bespoke_risk_get_contingency (BespokeRisk *self)
{
  g_return_val_if_fail (BESPOKE_IS_RISK (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_CONTINGENCY]);
}

void
bespoke_risk_set_contingency (BespokeRisk *self,
                                 const char *contingency)
{
  g_return_if_fail (BESPOKE_IS_RISK (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_CONTINGENCY], contingency);
}
