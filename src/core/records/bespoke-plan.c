/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-plan.h"

/**
 * BespokePlan:
 *
 * A support plan for one plan period.
 *
 * Stored in the table "plans"; each property is a column.
 */
struct _BespokePlan
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokePlan, bespoke_plan, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PERSON_UUID,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_REVIEW_DATE,
  PROP_STATUS,
  PROP_STAFF_PREFERENCES,
  PROP_ANNUALISATION,
  PROP_DISCOUNT_BP,
  PROP_MONEY_MANAGER,
  PROP_DECIDES_DAY_TO_DAY,
  PROP_OVERRIDE_IMPORTANT,
  PROP_OVERRIDE_CHANGE,
  PROP_OVERRIDE_SUPPORTED,
  PROP_OVERRIDE_MONEY,
  PROP_OVERRIDE_CONTROL,
  PROP_OVERRIDE_SAFE,
  PROP_OVERRIDE_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* the override reasons' properties, in the order of BespokeCriterion */
static const char *override_properties[BESPOKE_PLAN_N_CRITERIA] = {
  "override-important", "override-change", "override-supported", "override-money",
  "override-control", "override-safe", "override-action",
};

static gboolean
bespoke_plan_validate (BespokeRecord  *record,
                      GError        **error)
{
  BespokePlan *self = BESPOKE_PLAN (record);

  if (!bespoke_record_require_text (bespoke_plan_get_person_uuid (self), _("The person"), error) ||
      !bespoke_record_require_text (bespoke_plan_get_period_start (self), _("The plan’s start date"), error) ||
      !bespoke_record_require_text (bespoke_plan_get_period_end (self), _("The plan’s end date"), error) ||
      !bespoke_record_check_range (bespoke_plan_get_period_start (self), bespoke_plan_get_period_end (self),
                                   _("The plan’s start date"), _("The plan’s end date"), error))
    return FALSE;
  if (bespoke_plan_get_discount_bp (self) > 10000)
    return bespoke_set_invalid (error, _("The plan’s discount is more than 100%. Enter a discount from 0% to 100%."));
  {
    const char *manager = bespoke_record_get_string (record, properties[PROP_MONEY_MANAGER]);
    int value;

    if (manager != NULL &&
        (!bespoke_enum_from_nick (BESPOKE_TYPE_MONEY_MANAGER, manager, &value) || value == BESPOKE_MONEY_MANAGER_UNSET))
      return bespoke_set_invalid (error, _("Who manages the money is not one Bespoke knows. Choose the person, a family member, a provider (ISF) or the council."));
  }
  return bespoke_record_check_date (bespoke_plan_get_review_date (self), _("The review date"), error);
}

static void
bespoke_plan_class_init (BespokePlanClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* whose plan */
  properties[PROP_PERSON_UUID] =
    g_param_spec_string ("person-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* ISO date the plan starts */
  properties[PROP_PERIOD_START] =
    g_param_spec_string ("period-start", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* ISO date the plan ends, inclusive */
  properties[PROP_PERIOD_END] =
    g_param_spec_string ("period-end", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* ISO date of the review */
  properties[PROP_REVIEW_DATE] =
    g_param_spec_string ("review-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* draft, agreed or ended */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BESPOKE_TYPE_PLAN_STATUS, BESPOKE_PLAN_DRAFT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* preferences about staff, e.g. a named worker the family insists on */
  properties[PROP_STAFF_PREFERENCES] =
    g_param_spec_string ("staff-preferences", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* how a year is counted */
  properties[PROP_ANNUALISATION] =
    g_param_spec_enum ("annualisation", NULL, NULL, BESPOKE_TYPE_ANNUALISATION, BESPOKE_ANNUALISATION_CALENDAR,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* a discount on the whole plan, in hundredths of a percent */
  properties[PROP_DISCOUNT_BP] =
    g_param_spec_uint ("discount-bp", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* who manages the money: a BespokeMoneyManager's nick, or NULL while not
   * chosen (so that plans without one are written as before) */
  properties[PROP_MONEY_MANAGER] =
    g_param_spec_string ("money-manager", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* who decides day to day, in words */
  properties[PROP_DECIDES_DAY_TO_DAY] =
    g_param_spec_string ("decides-day-to-day", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the written reasons to agree the plan though a criterion fails */
  for (guint i = 0; i < BESPOKE_PLAN_N_CRITERIA; i++)
    properties[PROP_OVERRIDE_IMPORTANT + i] =
      g_param_spec_string (override_properties[i], NULL, NULL, NULL,
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "plans", properties, N_PROPS);
  record_class->parent_property = "person-uuid";
  record_class->order_property = "period-start";
  record_class->validate = bespoke_plan_validate;
}

static void
bespoke_plan_init (BespokePlan *self)
{
}

BespokePlan *
bespoke_plan_new (void)
{
  return g_object_new (BESPOKE_TYPE_PLAN, NULL);
}

const char *
bespoke_plan_get_person_uuid (BespokePlan *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID]);
}

void
bespoke_plan_set_person_uuid (BespokePlan *self,
                                 const char *person_uuid)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PERSON_UUID], person_uuid);
}

const char *
bespoke_plan_get_period_start (BespokePlan *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PERIOD_START]);
}

void
bespoke_plan_set_period_start (BespokePlan *self,
                                  const char *period_start)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PERIOD_START], period_start);
}

const char *
bespoke_plan_get_period_end (BespokePlan *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PERIOD_END]);
}

void
bespoke_plan_set_period_end (BespokePlan *self,
                                const char *period_end)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PERIOD_END], period_end);
}

const char *
bespoke_plan_get_review_date (BespokePlan *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_REVIEW_DATE]);
}

void
bespoke_plan_set_review_date (BespokePlan *self,
                                 const char *review_date)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_REVIEW_DATE], review_date);
}

BespokePlanStatus
bespoke_plan_get_status (BespokePlan *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN (self), 0);

  return (BespokePlanStatus) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_STATUS]);
}

void
bespoke_plan_set_status (BespokePlan *self,
                            BespokePlanStatus status)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_STATUS], status);
}

const char *
bespoke_plan_get_staff_preferences (BespokePlan *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_STAFF_PREFERENCES]);
}

void
bespoke_plan_set_staff_preferences (BespokePlan *self,
                                       const char *staff_preferences)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_STAFF_PREFERENCES], staff_preferences);
}

BespokeAnnualisation
bespoke_plan_get_annualisation (BespokePlan *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN (self), 0);

  return (BespokeAnnualisation) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_ANNUALISATION]);
}

void
bespoke_plan_set_annualisation (BespokePlan *self,
                                   BespokeAnnualisation annualisation)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_ANNUALISATION], annualisation);
}

guint
bespoke_plan_get_discount_bp (BespokePlan *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_DISCOUNT_BP]);
}

void
bespoke_plan_set_discount_bp (BespokePlan *self,
                                 guint discount_bp)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_DISCOUNT_BP], discount_bp);
}

BespokeMoneyManager
bespoke_plan_get_money_manager (BespokePlan *self)
{
  int value = BESPOKE_MONEY_MANAGER_UNSET;

  g_return_val_if_fail (BESPOKE_IS_PLAN (self), BESPOKE_MONEY_MANAGER_UNSET);

  if (!bespoke_enum_from_nick (BESPOKE_TYPE_MONEY_MANAGER,
                               bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_MONEY_MANAGER]),
                               &value))
    return BESPOKE_MONEY_MANAGER_UNSET;
  return (BespokeMoneyManager) value;
}

/* BESPOKE_MONEY_MANAGER_UNSET is kept as nothing */
void
bespoke_plan_set_money_manager (BespokePlan         *self,
                                BespokeMoneyManager  money_manager)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_MONEY_MANAGER],
                             money_manager == BESPOKE_MONEY_MANAGER_UNSET ? NULL
                             : bespoke_enum_to_nick (BESPOKE_TYPE_MONEY_MANAGER, money_manager));
}

const char *
bespoke_plan_get_decides_day_to_day (BespokePlan *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_DECIDES_DAY_TO_DAY]);
}

void
bespoke_plan_set_decides_day_to_day (BespokePlan *self,
                                     const char  *decides_day_to_day)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_DECIDES_DAY_TO_DAY], decides_day_to_day);
}

/**
 * bespoke_plan_get_override:
 * @criterion: a BespokeCriterion
 *
 * Returns: (nullable): the written reason to agree the plan though
 *   @criterion fails, as stored
 */
const char *
bespoke_plan_get_override (BespokePlan *self,
                           guint        criterion)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN (self), NULL);
  g_return_val_if_fail (criterion < BESPOKE_PLAN_N_CRITERIA, NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_OVERRIDE_IMPORTANT + criterion]);
}

void
bespoke_plan_set_override (BespokePlan *self,
                           guint        criterion,
                           const char  *reason)
{
  g_return_if_fail (BESPOKE_IS_PLAN (self));
  g_return_if_fail (criterion < BESPOKE_PLAN_N_CRITERIA);

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_OVERRIDE_IMPORTANT + criterion], reason);
}

/* The name of the property that holds @criterion's override reason */
const char *
bespoke_plan_override_property (guint criterion)
{
  g_return_val_if_fail (criterion < BESPOKE_PLAN_N_CRITERIA, NULL);

  return override_properties[criterion];
}
