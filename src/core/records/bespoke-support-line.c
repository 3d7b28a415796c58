/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-support-line"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-support-line.h"

/**
 * BespokeSupportLine:
 *
 * A line of a plan: a product from a menu, or unpaid support.
 *
 * Stored in the table "support_lines"; each property is a column.
 */
struct _BespokeSupportLine
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeSupportLine, bespoke_support_line, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PLAN_UUID,
  PROP_POSITION,
  PROP_DESCRIPTION,
  PROP_SUPPORT_TYPE,
  PROP_PRODUCT_UUID,
  PROP_PROVIDER_UUID,
  PROP_WORKER,
  PROP_QUANTITY,
  PROP_SCHEDULE,
  PROP_FUNDING,
  PROP_SHARE_RATIO,
  PROP_DISCOUNT_BP,
  PROP_FREE_UNITS,
  PROP_DISTURBANCE_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_support_line_validate (BespokeRecord  *record,
                              GError        **error)
{
  BespokeSupportLine *self = BESPOKE_SUPPORT_LINE (record);

  const BespokeSchedule *schedule = bespoke_support_line_get_schedule (self);

  if (!bespoke_record_require_text (bespoke_support_line_get_plan_uuid (self), _("The plan"), error))
    return FALSE;
  if (bespoke_support_line_get_support_type (self) == BESPOKE_SUPPORT_PAID)
    {
      const char *product = bespoke_support_line_get_product_uuid (self);
      if (product == NULL || *product == '\0')
        return bespoke_set_invalid (error, _("A paid support line needs a product. Choose one from a provider’s menu."));
    }
  else
    {
      const char *product = bespoke_support_line_get_product_uuid (self);
      if (product != NULL && *product != '\0')
        return bespoke_set_invalid (error, _("Unpaid support is not bought from a menu. Remove the product, or make the line paid."));
    }
  if (bespoke_support_line_get_quantity (self) == 0)
    return bespoke_set_invalid (error, _("The quantity is zero. Enter how many units each time, usually 1."));
  if (bespoke_support_line_get_share_ratio (self) == 0)
    return bespoke_set_invalid (error, _("The sharing is 1:0. Enter how many people share this support, 1 if nobody does."));
  if (bespoke_support_line_get_discount_bp (self) > 10000)
    return bespoke_set_invalid (error, _("The discount is more than 100%. Enter a discount from 0% to 100%."));
  if (schedule != NULL && !bespoke_schedule_validate (schedule, error))
    return FALSE;
  return TRUE;
}

static void
bespoke_support_line_class_init (BespokeSupportLineClass *klass)
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
  /* what the support is, in plain words */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* paid, or who gives unpaid support */
  properties[PROP_SUPPORT_TYPE] =
    g_param_spec_enum ("support-type", NULL, NULL, BESPOKE_TYPE_SUPPORT_TYPE, BESPOKE_SUPPORT_PAID,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* paid lines: the product version bought */
  properties[PROP_PRODUCT_UUID] =
    g_param_spec_string ("product-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* paid lines: who provides it */
  properties[PROP_PROVIDER_UUID] =
    g_param_spec_string ("provider-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* a named worker or person who gives it */
  properties[PROP_WORKER] =
    g_param_spec_string ("worker", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* units per occurrence, e.g. 2 for two staff */
  properties[PROP_QUANTITY] =
    g_param_spec_uint ("quantity", NULL, NULL, 0, G_MAXUINT, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* when it happens */
  properties[PROP_SCHEDULE] =
    g_param_spec_boxed ("schedule", NULL, NULL, BESPOKE_TYPE_SCHEDULE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* how it is paid for */
  properties[PROP_FUNDING] =
    g_param_spec_enum ("funding", NULL, NULL, BESPOKE_TYPE_FUNDING, BESPOKE_FUNDING_INDIVIDUAL_BUDGET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* 1 for one person; N when the support is shared 1:N */
  properties[PROP_SHARE_RATIO] =
    g_param_spec_uint ("share-ratio", NULL, NULL, 0, G_MAXUINT, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* a discount on this line, in hundredths of a percent */
  properties[PROP_DISCOUNT_BP] =
    g_param_spec_uint ("discount-bp", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the first N units are free */
  properties[PROP_FREE_UNITS] =
    g_param_spec_uint ("free-units", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* sleep-ins: expected disturbance per night */
  properties[PROP_DISTURBANCE_MINUTES] =
    g_param_spec_uint ("disturbance-minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "support_lines", properties, N_PROPS);
  record_class->parent_property = "plan-uuid";
  record_class->order_property = "position";
  record_class->validate = bespoke_support_line_validate;
}

static void
bespoke_support_line_init (BespokeSupportLine *self)
{
}

BespokeSupportLine *
bespoke_support_line_new (void)
{
  return g_object_new (BESPOKE_TYPE_SUPPORT_LINE, NULL);
}

const char *
bespoke_support_line_get_plan_uuid (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PLAN_UUID]);
}

void
bespoke_support_line_set_plan_uuid (BespokeSupportLine *self,
                                       const char *plan_uuid)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PLAN_UUID], plan_uuid);
}

guint
bespoke_support_line_get_position (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_POSITION]);
}

void
bespoke_support_line_set_position (BespokeSupportLine *self,
                                      guint position)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_POSITION], position);
}

const char *
bespoke_support_line_get_description (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_DESCRIPTION]);
}

void
bespoke_support_line_set_description (BespokeSupportLine *self,
                                         const char *description)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_DESCRIPTION], description);
}

BespokeSupportType
bespoke_support_line_get_support_type (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), 0);

  return (BespokeSupportType) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_SUPPORT_TYPE]);
}

void
bespoke_support_line_set_support_type (BespokeSupportLine *self,
                                          BespokeSupportType support_type)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_SUPPORT_TYPE], support_type);
}

const char *
bespoke_support_line_get_product_uuid (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PRODUCT_UUID]);
}

void
bespoke_support_line_set_product_uuid (BespokeSupportLine *self,
                                          const char *product_uuid)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PRODUCT_UUID], product_uuid);
}

const char *
bespoke_support_line_get_provider_uuid (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PROVIDER_UUID]);
}

void
bespoke_support_line_set_provider_uuid (BespokeSupportLine *self,
                                           const char *provider_uuid)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PROVIDER_UUID], provider_uuid);
}

const char *
bespoke_support_line_get_worker (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_WORKER]);
}

void
bespoke_support_line_set_worker (BespokeSupportLine *self,
                                    const char *worker)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_WORKER], worker);
}

guint
bespoke_support_line_get_quantity (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_QUANTITY]);
}

void
bespoke_support_line_set_quantity (BespokeSupportLine *self,
                                      guint quantity)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_QUANTITY], quantity);
}

const BespokeSchedule *
bespoke_support_line_get_schedule (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), NULL);

  return bespoke_record_get_boxed (BESPOKE_RECORD (self), properties[PROP_SCHEDULE]);
}

void
bespoke_support_line_set_schedule (BespokeSupportLine *self,
                                      const BespokeSchedule *schedule)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_boxed (BESPOKE_RECORD (self), properties[PROP_SCHEDULE], schedule);
}

BespokeFunding
bespoke_support_line_get_funding (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), 0);

  return (BespokeFunding) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_FUNDING]);
}

void
bespoke_support_line_set_funding (BespokeSupportLine *self,
                                     BespokeFunding funding)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_FUNDING], funding);
}

guint
bespoke_support_line_get_share_ratio (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_SHARE_RATIO]);
}

void
bespoke_support_line_set_share_ratio (BespokeSupportLine *self,
                                         guint share_ratio)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_SHARE_RATIO], share_ratio);
}

guint
bespoke_support_line_get_discount_bp (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_DISCOUNT_BP]);
}

void
bespoke_support_line_set_discount_bp (BespokeSupportLine *self,
                                         guint discount_bp)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_DISCOUNT_BP], discount_bp);
}

guint
bespoke_support_line_get_free_units (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_FREE_UNITS]);
}

void
bespoke_support_line_set_free_units (BespokeSupportLine *self,
                                        guint free_units)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_FREE_UNITS], free_units);
}

guint
bespoke_support_line_get_disturbance_minutes (BespokeSupportLine *self)
{
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_DISTURBANCE_MINUTES]);
}

void
bespoke_support_line_set_disturbance_minutes (BespokeSupportLine *self,
                                                 guint disturbance_minutes)
{
  g_return_if_fail (BESPOKE_IS_SUPPORT_LINE (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_DISTURBANCE_MINUTES], disturbance_minutes);
}
