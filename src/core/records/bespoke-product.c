/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-product"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-money.h"
#include "bespoke-product.h"

/**
 * BespokeProduct:
 *
 * One version of a product on a provider's menu.  A price change is a new version (a new record sharing series-uuid), so that old plans keep the price they were made with.
 *
 * Stored in the table "products"; each property is a column.
 */
struct _BespokeProduct
{
  BespokeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (BespokeProduct, bespoke_product, BESPOKE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PROVIDER_UUID,
  PROP_SERIES_UUID,
  PROP_VERSION,
  PROP_VALID_FROM,
  PROP_KIND,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_UNIT,
  PROP_UNIT_PRICE,
  PROP_DEFAULT_TERM_WEEKS,
  PROP_DEFAULT_OUTCOME,
  PROP_OUTCOME_BASED,
  PROP_RATE_WEEKDAY_DAY,
  PROP_RATE_WEEKDAY_EVENING,
  PROP_RATE_NIGHT,
  PROP_RATE_SATURDAY,
  PROP_RATE_SUNDAY,
  PROP_RATE_BANK_HOLIDAY,
  PROP_DISTURBANCE_RATE,
  PROP_PREMIUM_CLIENT_GROUP,
  PROP_PREMIUM_POSTCODE_AREAS,
  PROP_PREMIUM_PERCENT_BP,
  PROP_PREMIUM_PER_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bespoke_product_validate (BespokeRecord  *record,
                         GError        **error)
{
  BespokeProduct *self = BESPOKE_PRODUCT (record);

  if (!bespoke_record_require_text (bespoke_product_get_provider_uuid (self), _("The provider"), error) ||
      !bespoke_record_require_text (bespoke_product_get_name (self), _("The product’s name"), error) ||
      !bespoke_record_check_date (bespoke_product_get_valid_from (self), _("The date the price applies from"), error))
    return FALSE;
  if (bespoke_product_get_unit_price (self) < 0)
    return bespoke_set_invalid (error, _("The price is negative. Enter the price as a positive amount; give discounts as specials."));
  if (bespoke_product_get_outcome_based (self) && bespoke_product_get_kind (self) != BESPOKE_PRODUCT_ONE_OFF)
    return bespoke_set_invalid (error, _("Only one-off products can be outcome-based. Change the kind to one-off, or untick outcome-based."));
  if (bespoke_product_get_version (self) == 0)
    return bespoke_set_invalid (error, _("A product’s version starts at 1."));
  if (bespoke_product_get_rate_weekday_day (self) < -1 || bespoke_product_get_rate_weekday_evening (self) < -1 ||
      bespoke_product_get_rate_night (self) < -1 || bespoke_product_get_rate_saturday (self) < -1 ||
      bespoke_product_get_rate_sunday (self) < -1 || bespoke_product_get_rate_bank_holiday (self) < -1 ||
      bespoke_product_get_disturbance_rate (self) < -1)
    return bespoke_set_invalid (error, _("A band rate is negative. Enter it as a positive amount, or leave it empty to use the unit price."));
  if (bespoke_product_get_premium_per_unit (self) < 0)
    return bespoke_set_invalid (error, _("The premium is negative. Give discounts as specials on the plan instead."));
  return TRUE;
}

static void
bespoke_product_class_init (BespokeProductClass *klass)
{
  BespokeRecordClass *record_class = BESPOKE_RECORD_CLASS (klass);

  /* whose menu */
  properties[PROP_PROVIDER_UUID] =
    g_param_spec_string ("provider-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* shared by every version of this product */
  properties[PROP_SERIES_UUID] =
    g_param_spec_string ("series-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* 1 for the first version */
  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* ISO date this version's price applies from */
  properties[PROP_VALID_FROM] =
    g_param_spec_string ("valid-from", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* one-off, defined-term or ongoing */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, BESPOKE_TYPE_PRODUCT_KIND, BESPOKE_PRODUCT_ONGOING,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the product's name */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* what is offered */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* what the price is per */
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, BESPOKE_TYPE_UNIT, BESPOKE_UNIT_HOUR,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence per unit */
  properties[PROP_UNIT_PRICE] =
    g_param_spec_int64 ("unit-price", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* defined-term products: the usual term */
  properties[PROP_DEFAULT_TERM_WEEKS] =
    g_param_spec_uint ("default-term-weeks", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* defined-term products: the outcome it is bought for */
  properties[PROP_DEFAULT_OUTCOME] =
    g_param_spec_string ("default-outcome", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* one-off products paid only if an outcome is reached */
  properties[PROP_OUTCOME_BASED] =
    g_param_spec_boolean ("outcome-based", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence per hour, Monday to Friday 06:00–20:00, or -1 for the unit price */
  properties[PROP_RATE_WEEKDAY_DAY] =
    g_param_spec_int64 ("rate-weekday-day", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence per hour, Monday to Friday 20:00–24:00, or -1 */
  properties[PROP_RATE_WEEKDAY_EVENING] =
    g_param_spec_int64 ("rate-weekday-evening", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence per hour, 00:00–06:00, or -1 */
  properties[PROP_RATE_NIGHT] =
    g_param_spec_int64 ("rate-night", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence per unit on Saturdays, or -1 */
  properties[PROP_RATE_SATURDAY] =
    g_param_spec_int64 ("rate-saturday", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence per unit on Sundays, or -1 */
  properties[PROP_RATE_SUNDAY] =
    g_param_spec_int64 ("rate-sunday", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* pence per unit on bank holidays, or -1 */
  properties[PROP_RATE_BANK_HOLIDAY] =
    g_param_spec_int64 ("rate-bank-holiday", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* sleep-ins: pence per hour of disturbance, or -1 */
  properties[PROP_DISTURBANCE_RATE] =
    g_param_spec_int64 ("disturbance-rate", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* a premium applies to people of this client group */
  properties[PROP_PREMIUM_CLIENT_GROUP] =
    g_param_spec_string ("premium-client-group", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* a premium applies in these postcode areas, comma-separated, e.g. "LA, CA" */
  properties[PROP_PREMIUM_POSTCODE_AREAS] =
    g_param_spec_string ("premium-postcode-areas", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the premium as hundredths of a percent (1250 = 12.5%) */
  properties[PROP_PREMIUM_PERCENT_BP] =
    g_param_spec_uint ("premium-percent-bp", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the premium as pence per unit */
  properties[PROP_PREMIUM_PER_UNIT] =
    g_param_spec_int64 ("premium-per-unit", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bespoke_record_class_install (record_class, "products", properties, N_PROPS);
  record_class->parent_property = "provider-uuid";
  record_class->order_property = "name";
  record_class->validate = bespoke_product_validate;
}

static void
bespoke_product_init (BespokeProduct *self)
{
}

BespokeProduct *
bespoke_product_new (void)
{
  return g_object_new (BESPOKE_TYPE_PRODUCT, NULL);
}

const char *
bespoke_product_get_provider_uuid (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PROVIDER_UUID]);
}

void
bespoke_product_set_provider_uuid (BespokeProduct *self,
                                      const char *provider_uuid)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PROVIDER_UUID], provider_uuid);
}

const char *
bespoke_product_get_series_uuid (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_SERIES_UUID]);
}

void
bespoke_product_set_series_uuid (BespokeProduct *self,
                                    const char *series_uuid)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_SERIES_UUID], series_uuid);
}

guint
bespoke_product_get_version (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_VERSION]);
}

void
bespoke_product_set_version (BespokeProduct *self,
                                guint version)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_VERSION], version);
}

const char *
bespoke_product_get_valid_from (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_VALID_FROM]);
}

void
bespoke_product_set_valid_from (BespokeProduct *self,
                                   const char *valid_from)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_VALID_FROM], valid_from);
}

BespokeProductKind
bespoke_product_get_kind (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return (BespokeProductKind) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_KIND]);
}

void
bespoke_product_set_kind (BespokeProduct *self,
                             BespokeProductKind kind)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_KIND], kind);
}

const char *
bespoke_product_get_name (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_NAME]);
}

void
bespoke_product_set_name (BespokeProduct *self,
                             const char *name)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_NAME], name);
}

const char *
bespoke_product_get_description (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_DESCRIPTION]);
}

void
bespoke_product_set_description (BespokeProduct *self,
                                    const char *description)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_DESCRIPTION], description);
}

BespokeUnit
bespoke_product_get_unit (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return (BespokeUnit) bespoke_record_get_enum (BESPOKE_RECORD (self), properties[PROP_UNIT]);
}

void
bespoke_product_set_unit (BespokeProduct *self,
                             BespokeUnit unit)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_enum (BESPOKE_RECORD (self), properties[PROP_UNIT], unit);
}

gint64
bespoke_product_get_unit_price (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_UNIT_PRICE]);
}

void
bespoke_product_set_unit_price (BespokeProduct *self,
                                   gint64 unit_price)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_UNIT_PRICE], unit_price);
}

guint
bespoke_product_get_default_term_weeks (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_DEFAULT_TERM_WEEKS]);
}

void
bespoke_product_set_default_term_weeks (BespokeProduct *self,
                                           guint default_term_weeks)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_DEFAULT_TERM_WEEKS], default_term_weeks);
}

const char *
bespoke_product_get_default_outcome (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_DEFAULT_OUTCOME]);
}

void
bespoke_product_set_default_outcome (BespokeProduct *self,
                                        const char *default_outcome)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_DEFAULT_OUTCOME], default_outcome);
}

gboolean
bespoke_product_get_outcome_based (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_boolean (BESPOKE_RECORD (self), properties[PROP_OUTCOME_BASED]);
}

void
bespoke_product_set_outcome_based (BespokeProduct *self,
                                      gboolean outcome_based)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_boolean (BESPOKE_RECORD (self), properties[PROP_OUTCOME_BASED], outcome_based);
}

gint64
bespoke_product_get_rate_weekday_day (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_WEEKDAY_DAY]);
}

void
bespoke_product_set_rate_weekday_day (BespokeProduct *self,
                                         gint64 rate_weekday_day)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_WEEKDAY_DAY], rate_weekday_day);
}

gint64
bespoke_product_get_rate_weekday_evening (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_WEEKDAY_EVENING]);
}

void
bespoke_product_set_rate_weekday_evening (BespokeProduct *self,
                                             gint64 rate_weekday_evening)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_WEEKDAY_EVENING], rate_weekday_evening);
}

gint64
bespoke_product_get_rate_night (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_NIGHT]);
}

void
bespoke_product_set_rate_night (BespokeProduct *self,
                                   gint64 rate_night)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_NIGHT], rate_night);
}

gint64
bespoke_product_get_rate_saturday (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_SATURDAY]);
}

void
bespoke_product_set_rate_saturday (BespokeProduct *self,
                                      gint64 rate_saturday)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_SATURDAY], rate_saturday);
}

gint64
bespoke_product_get_rate_sunday (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_SUNDAY]);
}

void
bespoke_product_set_rate_sunday (BespokeProduct *self,
                                    gint64 rate_sunday)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_SUNDAY], rate_sunday);
}

gint64
bespoke_product_get_rate_bank_holiday (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_BANK_HOLIDAY]);
}

void
bespoke_product_set_rate_bank_holiday (BespokeProduct *self,
                                          gint64 rate_bank_holiday)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_RATE_BANK_HOLIDAY], rate_bank_holiday);
}

gint64
bespoke_product_get_disturbance_rate (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_DISTURBANCE_RATE]);
}

void
bespoke_product_set_disturbance_rate (BespokeProduct *self,
                                         gint64 disturbance_rate)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_DISTURBANCE_RATE], disturbance_rate);
}

const char *
bespoke_product_get_premium_client_group (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PREMIUM_CLIENT_GROUP]);
}

void
bespoke_product_set_premium_client_group (BespokeProduct *self,
                                             const char *premium_client_group)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PREMIUM_CLIENT_GROUP], premium_client_group);
}

const char *
bespoke_product_get_premium_postcode_areas (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), NULL);

  return bespoke_record_get_string (BESPOKE_RECORD (self), properties[PROP_PREMIUM_POSTCODE_AREAS]);
}

void
bespoke_product_set_premium_postcode_areas (BespokeProduct *self,
                                               const char *premium_postcode_areas)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_string (BESPOKE_RECORD (self), properties[PROP_PREMIUM_POSTCODE_AREAS], premium_postcode_areas);
}

guint
bespoke_product_get_premium_percent_bp (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_uint (BESPOKE_RECORD (self), properties[PROP_PREMIUM_PERCENT_BP]);
}

void
bespoke_product_set_premium_percent_bp (BespokeProduct *self,
                                           guint premium_percent_bp)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_uint (BESPOKE_RECORD (self), properties[PROP_PREMIUM_PERCENT_BP], premium_percent_bp);
}

gint64
bespoke_product_get_premium_per_unit (BespokeProduct *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), 0);

  return bespoke_record_get_int64 (BESPOKE_RECORD (self), properties[PROP_PREMIUM_PER_UNIT]);
}

void
bespoke_product_set_premium_per_unit (BespokeProduct *self,
                                         gint64 premium_per_unit)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT (self));

  bespoke_record_set_int64 (BESPOKE_RECORD (self), properties[PROP_PREMIUM_PER_UNIT], premium_per_unit);
}

/**
 * bespoke_product_new_version:
 * @product: the version in use
 * @today_iso: today, e.g. "2027-01-08"
 *
 * A price change is a new version: every column of @product copied, a new
 * uuid, the same series (the first version's uuid when @product has none
 * yet), the next version number, and a price that applies from today, or
 * from @product's own date if that is later.  Nothing is saved.
 *
 * Returns: (transfer full): the new version
 */
BespokeProduct *
bespoke_product_new_version (BespokeProduct *product,
                             const char     *today_iso)
{
  BespokeProduct *next;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;
  const char *valid_from;

  g_return_val_if_fail (BESPOKE_IS_PRODUCT (product), NULL);
  g_return_val_if_fail (today_iso != NULL, NULL);

  next = bespoke_product_new ();
  valid_from = bespoke_product_get_valid_from (product);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (product), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_str_equal (pspecs[i]->name, "uuid") || g_str_equal (pspecs[i]->name, "modified-at") ||
          !(pspecs[i]->flags & G_PARAM_WRITABLE) || (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (product), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (next), pspecs[i]->name, &value);
    }

  if (bespoke_product_get_series_uuid (product) == NULL)
    bespoke_product_set_series_uuid (next, bespoke_record_get_uuid (BESPOKE_RECORD (product)));
  bespoke_product_set_version (next, bespoke_product_get_version (product) + 1);
  bespoke_product_set_valid_from (next, valid_from != NULL && g_strcmp0 (valid_from, today_iso) > 0 ? valid_from : today_iso);
  return next;
}

/**
 * bespoke_product_price_text:
 *
 * The price of one unit, as people read it on a menu: "£21.50 an hour",
 * "£90.00 a night", "£3,000.00 each".
 *
 * Returns: (transfer full): the text
 */
char *
bespoke_product_price_text (BespokeProduct *self)
{
  g_autofree char *price = NULL;

  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), NULL);

  price = bespoke_money_format (bespoke_product_get_unit_price (self));
  switch (bespoke_product_get_unit (self))
    {
    case BESPOKE_UNIT_EACH:
      /* Translators: a price per occurrence, e.g. "£405.00 each" */
      return g_strdup_printf (_("%s each"), price);
    case BESPOKE_UNIT_HOUR:
      /* Translators: a price, e.g. "£21.50 an hour" */
      return g_strdup_printf (_("%s an hour"), price);
    case BESPOKE_UNIT_NIGHT:
      return g_strdup_printf (_("%s a night"), price);
    case BESPOKE_UNIT_DAY:
      return g_strdup_printf (_("%s a day"), price);
    case BESPOKE_UNIT_WEEK:
      return g_strdup_printf (_("%s a week"), price);
    case BESPOKE_UNIT_MONTH:
      return g_strdup_printf (_("%s a month"), price);
    case BESPOKE_UNIT_YEAR:
      return g_strdup_printf (_("%s a year"), price);
    default:
      return g_steal_pointer (&price);
    }
}

/* Monday 09:00 for @minutes, every week */
static BespokeSchedule *
weekly_monday (guint minutes)
{
  BespokeSchedule *s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);

  s->weekdays = BESPOKE_WEEKDAY_BIT (G_DATE_MONDAY);
  s->start_minute = 9 * 60;
  s->duration_minutes = minutes;
  s->every_weeks = 1;
  return s;
}

/* On @start at 09:00 */
static BespokeSchedule *
once (guint32 start)
{
  BespokeSchedule *s = bespoke_schedule_new (BESPOKE_SCHEDULE_ONCE);

  s->date = start;
  s->start_minute = 9 * 60;
  s->duration_minutes = 60;
  return s;
}

/* The schedule that suits how a product is counted */
static BespokeSchedule *
schedule_for_unit (BespokeUnit unit)
{
  BespokeSchedule *s;

  switch (unit)
    {
    case BESPOKE_UNIT_NIGHT:
      /* a sleep-in: every night, a flat rate, no times */
      s = bespoke_schedule_new (BESPOKE_SCHEDULE_NIGHTLY);
      s->weekdays = BESPOKE_WEEKDAYS_ALL;
      return s;
    case BESPOKE_UNIT_DAY:
      return weekly_monday (8 * 60);
    case BESPOKE_UNIT_WEEK:
    case BESPOKE_UNIT_MONTH:
      s = bespoke_schedule_new (BESPOKE_SCHEDULE_QUANTITY);
      s->quantity_hundredths = 100;
      s->per = unit == BESPOKE_UNIT_WEEK ? BESPOKE_PER_WEEK : BESPOKE_PER_MONTH;
      return s;
    case BESPOKE_UNIT_YEAR:
      return bespoke_schedule_new (BESPOKE_SCHEDULE_NONE);
    case BESPOKE_UNIT_HOUR:
    case BESPOKE_UNIT_EACH:
    default:
      return weekly_monday (60);
    }
}

/**
 * bespoke_product_default_schedule:
 * @start: the Julian day the support starts (a plan's first day)
 *
 * The schedule a line gets when @self is chosen for it, so that it suits
 * how the product is sold:
 * - a one-off: once, on @start at 09:00;
 * - a defined-term product sold "each" (a package): once, on @start;
 *   one sold by the hour, night or day: as below, within its term from
 *   @start (its default weeks; the plan period when it has none);
 * - by the night (a sleep-in): every night, no times;
 * - by the hour, or each time: Mondays 09:00 for an hour, every week;
 * - by the day: Mondays 09:00 for 8 hours, every week;
 * - by the week or month: one a week or one a month;
 * - by the year: no schedule (pro rata over the plan).
 *
 * Returns: (transfer full): a new schedule
 */
BespokeSchedule *
bespoke_product_default_schedule (BespokeProduct *self,
                                  guint32         start)
{
  BespokeSchedule *s;
  guint weeks;

  g_return_val_if_fail (BESPOKE_IS_PRODUCT (self), NULL);
  g_return_val_if_fail (g_date_valid_julian (start), NULL);

  switch (bespoke_product_get_kind (self))
    {
    case BESPOKE_PRODUCT_ONE_OFF:
      return once (start);
    case BESPOKE_PRODUCT_DEFINED_TERM:
      /* a package sold "each" is bought once, when the term starts */
      if (bespoke_product_get_unit (self) == BESPOKE_UNIT_EACH)
        return once (start);
      s = schedule_for_unit (bespoke_product_get_unit (self));
      weeks = bespoke_product_get_default_term_weeks (self);
      s->term_start = start;
      s->term_end = weeks > 0 ? start + weeks * 7 - 1 : 0;
      return s;
    case BESPOKE_PRODUCT_ONGOING:
    default:
      return schedule_for_unit (bespoke_product_get_unit (self));
    }
}
