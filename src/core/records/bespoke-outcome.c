/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-outcome"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-outcome.h"

/**
 * BespokeOutcome:
 *
 * What the person wants to achieve, how it is measured and by when.
 *
 * Stored in the table "outcomes"; each property is a column.
 */
struct _BespokeOutcome
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeOutcome, bespoke_outcome, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PLAN_UUID,
  PROP_POSITION,
  PROP_STATEMENT,
  PROP_MEASURE,
  PROP_TARGET_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_outcome_validate (BespokeRecord  *record,
                         GError        **error)
{
  BespokeOutcome *self = BESPOKE_OUTCOME (record);

  if (!bespoke_record_require_text (bespoke_outcome_get_plan_uuid (self), _("The plan"), error) ||
      !bespoke_record_require_text (bespoke_outcome_get_statement (self), _("The outcome"), error))
    return FALSE;
  return bespoke_record_check_date (bespoke_outcome_get_target_date (self), _("The target date"), error);
}

static void
bespoke_outcome_class_init (BespokeOutcomeClass *klass)
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
  /* an I-statement */
  properties[PROP_STATEMENT] =
    g_param_spec_string ("statement", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* how we will know */
  properties[PROP_MEASURE] =
    g_param_spec_string ("measure", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* ISO date, or NULL */
  properties[PROP_TARGET_DATE] =
    g_param_spec_string ("target-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "outcomes", properties, N_PROPS);
  record_class->parent_property = "plan-uuid";
  record_class->order_property = "position";
  record_class->validate = bespoke_outcome_validate;
}

static void
bespoke_outcome_init (BespokeOutcome *self)
{
}

BespokeOutcome *
bespoke_outcome_new (void)
{
  return g_object_new (BESPOKE_TYPE_OUTCOME, NULL);
}

const char *
bespoke_outcome_get_plan_uuid (BespokeOutcome *self)
{
  g_return_val_if_fail (BESPOKE_IS_OUTCOME (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PLAN_UUID]);
}

void
bespoke_outcome_set_plan_uuid (BespokeOutcome *self,
                                  const char *plan_uuid)
{
  g_return_if_fail (BESPOKE_IS_OUTCOME (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PLAN_UUID], plan_uuid);
}

guint
bespoke_outcome_get_position (BespokeOutcome *self)
{
  g_return_val_if_fail (BESPOKE_IS_OUTCOME (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_POSITION]);
}

void
bespoke_outcome_set_position (BespokeOutcome *self,
                                 guint position)
{
  g_return_if_fail (BESPOKE_IS_OUTCOME (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_POSITION], position);
}

const char *
bespoke_outcome_get_statement (BespokeOutcome *self)
{
  g_return_val_if_fail (BESPOKE_IS_OUTCOME (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_STATEMENT]);
}

void
bespoke_outcome_set_statement (BespokeOutcome *self,
                                  const char *statement)
{
  g_return_if_fail (BESPOKE_IS_OUTCOME (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_STATEMENT], statement);
}

const char *
bespoke_outcome_get_measure (BespokeOutcome *self)
{
  g_return_val_if_fail (BESPOKE_IS_OUTCOME (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_MEASURE]);
}

void
bespoke_outcome_set_measure (BespokeOutcome *self,
                                const char *measure)
{
  g_return_if_fail (BESPOKE_IS_OUTCOME (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_MEASURE], measure);
}

const char *
bespoke_outcome_get_target_date (BespokeOutcome *self)
{
  g_return_val_if_fail (BESPOKE_IS_OUTCOME (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_TARGET_DATE]);
}

void
bespoke_outcome_set_target_date (BespokeOutcome *self,
                                    const char *target_date)
{
  g_return_if_fail (BESPOKE_IS_OUTCOME (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_TARGET_DATE], target_date);
}
