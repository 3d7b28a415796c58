/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-adjustment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-adjustment.h"

/**
 * BespokeAdjustment:
 *
 * A dated adjustment to a plan's cost, such as a refund.
 *
 * Stored in the table "adjustments"; each property is a column.
 */
struct _BespokeAdjustment
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeAdjustment, bespoke_adjustment, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PLAN_UUID,
  PROP_LINE_UUID,
  PROP_DATE,
  PROP_AMOUNT,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_adjustment_validate (BespokeRecord  *record,
                            GError        **error)
{
  BespokeAdjustment *self = BESPOKE_ADJUSTMENT (record);

  if (!bespoke_record_require_text (bespoke_adjustment_get_plan_uuid (self), _("The plan"), error) ||
      !bespoke_record_require_text (bespoke_adjustment_get_date (self), _("The adjustment’s date"), error) ||
      !bespoke_record_check_date (bespoke_adjustment_get_date (self), _("The adjustment’s date"), error))
    return FALSE;
  if (bespoke_adjustment_get_amount (self) >= 0)
    return bespoke_set_invalid (error, _("A refund is a negative amount. Enter it with a minus sign, e.g. -£25.00."));
  return TRUE;
}

static void
bespoke_adjustment_class_init (BespokeAdjustmentClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* which plan */
  properties[PROP_PLAN_UUID] =
    g_param_spec_string ("plan-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the line it adjusts, or NULL for the whole plan */
  properties[PROP_LINE_UUID] =
    g_param_spec_string ("line-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* ISO date it applies on */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence; a refund is negative */
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* what it is for */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "adjustments", properties, N_PROPS);
  record_class->parent_property = "plan-uuid";
  record_class->order_property = "date";
  record_class->validate = bespoke_adjustment_validate;
}

static void
bespoke_adjustment_init (BespokeAdjustment *self)
{
}

BespokeAdjustment *
bespoke_adjustment_new (void)
{
  return g_object_new (BESPOKE_TYPE_ADJUSTMENT, NULL);
}

const char *
bespoke_adjustment_get_plan_uuid (BespokeAdjustment *self)
{
  g_return_val_if_fail (BESPOKE_IS_ADJUSTMENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PLAN_UUID]);
}

void
bespoke_adjustment_set_plan_uuid (BespokeAdjustment *self,
                                     const char *plan_uuid)
{
  g_return_if_fail (BESPOKE_IS_ADJUSTMENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PLAN_UUID], plan_uuid);
}

const char *
bespoke_adjustment_get_line_uuid (BespokeAdjustment *self)
{
  g_return_val_if_fail (BESPOKE_IS_ADJUSTMENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_LINE_UUID]);
}

void
bespoke_adjustment_set_line_uuid (BespokeAdjustment *self,
                                     const char *line_uuid)
{
  g_return_if_fail (BESPOKE_IS_ADJUSTMENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_LINE_UUID], line_uuid);
}

const char *
bespoke_adjustment_get_date (BespokeAdjustment *self)
{
  g_return_val_if_fail (BESPOKE_IS_ADJUSTMENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_DATE]);
}

void
bespoke_adjustment_set_date (BespokeAdjustment *self,
                                const char *date)
{
  g_return_if_fail (BESPOKE_IS_ADJUSTMENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_DATE], date);
}

gint64
bespoke_adjustment_get_amount (BespokeAdjustment *self)
{
  g_return_val_if_fail (BESPOKE_IS_ADJUSTMENT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_AMOUNT]);
}

void
bespoke_adjustment_set_amount (BespokeAdjustment *self,
                                  gint64 amount)
{
  g_return_if_fail (BESPOKE_IS_ADJUSTMENT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_AMOUNT], amount);
}

const char *
bespoke_adjustment_get_description (BespokeAdjustment *self)
{
  g_return_val_if_fail (BESPOKE_IS_ADJUSTMENT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_DESCRIPTION]);
}

void
bespoke_adjustment_set_description (BespokeAdjustment *self,
                                       const char *description)
{
  g_return_if_fail (BESPOKE_IS_ADJUSTMENT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_DESCRIPTION], description);
}
