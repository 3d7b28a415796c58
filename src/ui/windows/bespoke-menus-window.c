/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-menus-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-core.h"
#include "bespoke-error-report.h"
#include "bespoke-field.h"
#include "bespoke-menus-window.h"
#include "bespoke-record-row.h"

/**
 * BespokeMenusWindow:
 *
 * The providers and their product menus, in the three kinds, with every
 * field of a product editable.  Every change is stored as it is typed, once
 * it is valid; a field that is not valid says why and nothing is stored.
 *
 * A change to a price (the unit price, a band rate, a premium) does not
 * rewrite the product: it stores a new version with the same series and the
 * next version number, so plans made at the old price keep it.  A version
 * made in this window is corrected in place while the window is open, so
 * typing "25.50" makes one new version, not five.
 */
struct _BespokeMenusWindow
{
  AdwWindow        parent_instance;

  BespokeStore    *store;
  BespokeProvider *provider;
  BespokeProduct  *product;
  GHashTable      *made_here;     /* uuids of the versions made in this window */
  GPtrArray       *products;      /* BespokeProduct, the latest versions listed */
  GPtrArray       *product_rows;  /* their rows in the kind groups, in the same order */
  gboolean         loading;

  /* template widgets */
  AdwLeaflet      *leaflet;
  GtkListBox      *providers_list;
  AdwWindowTitle  *content_title;
  GtkButton       *back_button;
  BespokeErrorReport *errors;
  GtkStack        *content_stack;
  AdwPreferencesPage *provider_page;
  AdwPreferencesPage *product_page;
  AdwPreferencesGroup *one_off_group;
  AdwPreferencesGroup *defined_term_group;
  AdwPreferencesGroup *ongoing_group;
  GtkWidget       *add_one_off_button;
  GtkWidget       *add_defined_term_button;
  GtkWidget       *add_ongoing_button;
  AdwComboRow     *kind_row;
  AdwComboRow     *unit_row;
  AdwActionRow    *version_row;
  GtkSwitch       *outcome_based_switch;
};

G_DEFINE_FINAL_TYPE (BespokeMenusWindow, bespoke_menus_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  FIELD_TEXT,          /* optional text */
  FIELD_REQUIRED_TEXT, /* text that must not be empty */
  FIELD_MONEY,         /* an amount that must be given */
  FIELD_MONEY_OR_ZERO, /* an amount; empty is none */
  FIELD_RATE,          /* an amount; empty is "not set" (-1) */
  FIELD_WEEKS,         /* a whole number; empty is none */
  FIELD_PERCENT,       /* a percentage, stored in hundredths */
  FIELD_DATE,          /* a date, stored ISO, shown and typed as 1/4/2027 */
} FieldType;

typedef struct
{
  const char *row;       /* the template child */
  const char *property;  /* the record's property */
  FieldType   type;
  gboolean    price;     /* a change makes a new version */
  gboolean    provider;  /* a provider's field, not a product's */
} Field;

static const Field fields[] = {
  { "provider_name_row", "name", FIELD_REQUIRED_TEXT, FALSE, TRUE },
  { "provider_contact_row", "contact", FIELD_TEXT, FALSE, TRUE },
  { "provider_notes_row", "notes", FIELD_TEXT, FALSE, TRUE },
  { "name_row", "name", FIELD_REQUIRED_TEXT, FALSE, FALSE },
  { "description_row", "description", FIELD_TEXT, FALSE, FALSE },
  { "price_row", "unit-price", FIELD_MONEY, TRUE, FALSE },
  { "valid_from_row", "valid-from", FIELD_DATE, FALSE, FALSE },
  { "term_row", "default-term-weeks", FIELD_WEEKS, FALSE, FALSE },
  { "outcome_row", "default-outcome", FIELD_TEXT, FALSE, FALSE },
  { "rate_weekday_day_row", "rate-weekday-day", FIELD_RATE, TRUE, FALSE },
  { "rate_weekday_evening_row", "rate-weekday-evening", FIELD_RATE, TRUE, FALSE },
  { "rate_night_row", "rate-night", FIELD_RATE, TRUE, FALSE },
  { "rate_saturday_row", "rate-saturday", FIELD_RATE, TRUE, FALSE },
  { "rate_sunday_row", "rate-sunday", FIELD_RATE, TRUE, FALSE },
  { "rate_bank_holiday_row", "rate-bank-holiday", FIELD_RATE, TRUE, FALSE },
  { "disturbance_row", "disturbance-rate", FIELD_RATE, TRUE, FALSE },
  { "premium_group_row", "premium-client-group", FIELD_TEXT, TRUE, FALSE },
  { "premium_areas_row", "premium-postcode-areas", FIELD_TEXT, TRUE, FALSE },
  { "premium_percent_row", "premium-percent-bp", FIELD_PERCENT, TRUE, FALSE },
  { "premium_per_unit_row", "premium-per-unit", FIELD_MONEY_OR_ZERO, TRUE, FALSE },
};

static GtkWidget *
field_row (BespokeMenusWindow *self,
           const Field        *field)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), BESPOKE_TYPE_MENUS_WINDOW, field->row));
}

/* The field whose row is @editable. */
static const Field *
field_of_row (BespokeMenusWindow *self,
              GtkEditable        *editable)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (field_row (self, &fields[i]) == GTK_WIDGET (editable))
      return &fields[i];
  g_return_val_if_reached (NULL);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Reading and writing fields */

static char *
field_text (BespokeRecord *record,
            const Field   *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get_property (G_OBJECT (record), field->property, &value);

  switch (field->type)
    {
    case FIELD_TEXT:
    case FIELD_REQUIRED_TEXT:
      return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");

    case FIELD_DATE:
      /* as every date field shows it: "1/4/2027" */
      return bespoke_field_date_text (g_value_get_string (&value));

    case FIELD_MONEY:
      return bespoke_money_format (g_value_get_int64 (&value));

    case FIELD_MONEY_OR_ZERO:
    case FIELD_RATE:
      if (g_value_get_int64 (&value) < 0 || (field->type == FIELD_MONEY_OR_ZERO && g_value_get_int64 (&value) == 0))
        return g_strdup ("");
      return bespoke_money_format (g_value_get_int64 (&value));

    case FIELD_WEEKS:
      if (g_value_get_uint (&value) == 0)
        return g_strdup ("");
      return g_strdup_printf ("%u", g_value_get_uint (&value));

    case FIELD_PERCENT:
      if (g_value_get_uint (&value) == 0)
        return g_strdup ("");
      return bespoke_format_hundredths (g_value_get_uint (&value));

    default:
      g_assert_not_reached ();
    }
}

/* Reads what was typed into @value (initialised by the caller to the
 * property's type); or says in @error what is wrong and what to do. */
static gboolean
parse_field (const Field  *field,
             const char   *title,
             const char   *typed,
             GValue       *value,
             GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autoptr(GError) local_error = NULL;
  gint64 pence = 0;

  switch (field->type)
    {
    case FIELD_REQUIRED_TEXT:
      if (*text == '\0')
        {
          g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                       _("%s is empty. Type a name; it is what planners see on the menu."), title);
          return FALSE;
        }
      G_GNUC_FALLTHROUGH;
    case FIELD_TEXT:
      g_value_set_string (value, *text ? text : NULL);
      return TRUE;

    case FIELD_DATE:
      {
        GDate date;

        if (!bespoke_date_parse_user (text, &date, NULL))
          {
            g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                         _("%s: “%s” is not a date. Type it as day/month/year, such as 1/4/2027."), title, text);
            return FALSE;
          }
        g_value_take_string (value, bespoke_date_to_iso (&date));
        return TRUE;
      }

    case FIELD_MONEY:
    case FIELD_MONEY_OR_ZERO:
    case FIELD_RATE:
      if (*text == '\0' && field->type != FIELD_MONEY)
        {
          g_value_set_int64 (value, field->type == FIELD_RATE ? -1 : 0);
          return TRUE;
        }
      if (!bespoke_money_parse (text, &pence, &local_error))
        {
          g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, "%s: %s", title, local_error->message);
          return FALSE;
        }
      if (pence < 0)
        {
          g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                       _("%s is below zero. Type a positive amount; give discounts as specials on a plan."), title);
          return FALSE;
        }
      g_value_set_int64 (value, pence);
      return TRUE;

    case FIELD_WEEKS:
      {
        guint64 weeks = 0;

        if (*text != '\0' && !g_ascii_string_to_unsigned (text, 10, 0, 520, &weeks, NULL))
          {
            g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                         _("%s: “%s” is not a number of weeks. Type a whole number from 0 to 520, such as 12."), title, text);
            return FALSE;
          }
        g_value_set_uint (value, (guint) weeks);
        return TRUE;
      }

    case FIELD_PERCENT:
      {
        guint bp = 0;

        /* Empty is none; a premium is at most 1,000%. */
        if (*text != '\0' && !bespoke_parse_percent_bp (text, 100000, &bp, &local_error))
          {
            g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, "%s: %s", title, local_error->message);
            return FALSE;
          }
        g_value_set_uint (value, bp);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
show_version (BespokeMenusWindow *self)
{
  g_autofree char *version = NULL;
  g_autofree char *from = NULL;
  g_autofree char *subtitle = NULL;

  version = g_strdup_printf ("%u", bespoke_product_get_version (self->product));
  from = bespoke_date_format_long (bespoke_product_get_valid_from (self->product));
  /* Translators: a product's version and the date its price applies from */
  subtitle = g_strdup_printf (_("Version %s, priced from %s"), version, from ? from : "");
  adw_action_row_set_subtitle (self->version_row, subtitle);
}

static void
fill_fields (BespokeMenusWindow *self,
             gboolean            provider)
{
  BespokeRecord *record = provider ? BESPOKE_RECORD (self->provider) : BESPOKE_RECORD (self->product);

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = NULL;

      if (fields[i].provider != provider)
        continue;
      text = field_text (record, &fields[i]);
      gtk_editable_set_text (GTK_EDITABLE (field_row (self, &fields[i])), text);
      gtk_widget_remove_css_class (field_row (self, &fields[i]), "error");
    }
  if (!provider)
    {
      adw_combo_row_set_selected (self->kind_row, bespoke_product_get_kind (self->product));
      adw_combo_row_set_selected (self->unit_row, bespoke_product_get_unit (self->product));
      gtk_switch_set_active (self->outcome_based_switch, bespoke_product_get_outcome_based (self->product));
      show_version (self);
    }
  self->loading = FALSE;
}

/* Stores @next in place of the product shown; says why not if it cannot. */
static gboolean
store_product (BespokeMenusWindow *self,
               BespokeProduct     *next,
               GtkWidget          *widget)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_store_save (self->store, next, &error))
    {
      bespoke_error_report_show (self->errors, widget, error->message);
      return FALSE;
    }

  bespoke_error_report_clear (self->errors);
  g_set_object (&self->product, next);
  show_version (self);
  return TRUE;
}

static BespokeProduct *
next_product (BespokeMenusWindow *self,
              gboolean            price)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (self->product));

  /* A new version is only kept as made here once stored; see
   * remember_made_here(). */
  if (price && !g_hash_table_contains (self->made_here, uuid))
    {
      g_autofree char *today = today_iso ();

      return bespoke_product_new_version (self->product, today);
    }
  return BESPOKE_PRODUCT (bespoke_record_copy (BESPOKE_RECORD (self->product)));
}

static void
remember_made_here (BespokeMenusWindow *self)
{
  g_hash_table_add (self->made_here, g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (self->product))));
}

static void
on_field_changed_cb (GtkEditable        *editable,
                     BespokeMenusWindow *self)
{
  const Field *field = field_of_row (self, editable);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GParamSpec *pspec;
  BespokeRecord *current;

  if (self->loading)
    return;

  current = field->provider ? BESPOKE_RECORD (self->provider) : BESPOKE_RECORD (self->product);
  g_return_if_fail (current != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (current), field->property);
  g_value_init (&value, pspec->value_type);
  if (!parse_field (field, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (editable)),
                    gtk_editable_get_text (editable), &value, &error))
    {
      bespoke_error_report_show (self->errors, GTK_WIDGET (editable), error->message);
      return;
    }

  if (field->provider)
    {
      g_autoptr(BespokeRecord) next = bespoke_record_copy (current);

      g_object_set_property (G_OBJECT (next), field->property, &value);
      if (!bespoke_store_save (self->store, next, &error))
        {
          bespoke_error_report_show (self->errors, GTK_WIDGET (editable), error->message);
          return;
        }
      bespoke_error_report_clear (self->errors);
      g_set_object (&self->provider, BESPOKE_PROVIDER (next));
      adw_window_title_set_title (self->content_title, bespoke_provider_get_name (self->provider));
      if (g_str_equal (field->property, "name"))
        {
          GtkListBoxRow *row = gtk_list_box_get_selected_row (self->providers_list);

          if (row != NULL)
            bespoke_record_row_set_title (BESPOKE_RECORD_ROW (row), bespoke_provider_get_name (self->provider));
        }
    }
  else
    {
      g_autoptr(BespokeProduct) next = next_product (self, field->price);

      g_object_set_property (G_OBJECT (next), field->property, &value);
      if (store_product (self, next, GTK_WIDGET (editable)))
        {
          remember_made_here (self);
          if (g_str_equal (field->property, "name"))
            adw_window_title_set_title (self->content_title, bespoke_product_get_name (self->product));
        }
    }
}

static void
on_kind_changed_cb (BespokeMenusWindow *self)
{
  g_autoptr(BespokeProduct) next = NULL;
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->loading || self->product == NULL || kind == GTK_INVALID_LIST_POSITION ||
      kind == (guint) bespoke_product_get_kind (self->product))
    return;

  next = next_product (self, FALSE);
  bespoke_product_set_kind (next, kind);
  if (store_product (self, next, GTK_WIDGET (self->kind_row)))
    remember_made_here (self);
  else
    {
      /* Nothing invalid is kept: the choice goes back; the sentence stays. */
      self->loading = TRUE;
      adw_combo_row_set_selected (self->kind_row, bespoke_product_get_kind (self->product));
      self->loading = FALSE;
    }
}

static void
on_unit_changed_cb (BespokeMenusWindow *self)
{
  g_autoptr(BespokeProduct) next = NULL;
  guint unit = adw_combo_row_get_selected (self->unit_row);

  if (self->loading || self->product == NULL || unit == GTK_INVALID_LIST_POSITION ||
      unit == (guint) bespoke_product_get_unit (self->product))
    return;

  /* What the price is per is part of the price. */
  next = next_product (self, TRUE);
  bespoke_product_set_unit (next, unit);
  if (store_product (self, next, GTK_WIDGET (self->unit_row)))
    remember_made_here (self);
  else
    {
      self->loading = TRUE;
      adw_combo_row_set_selected (self->unit_row, bespoke_product_get_unit (self->product));
      self->loading = FALSE;
    }
}

static void
on_outcome_based_changed_cb (BespokeMenusWindow *self)
{
  g_autoptr(BespokeProduct) next = NULL;
  gboolean active = gtk_switch_get_active (self->outcome_based_switch);

  if (self->loading || self->product == NULL || active == bespoke_product_get_outcome_based (self->product))
    return;

  next = next_product (self, FALSE);
  bespoke_product_set_outcome_based (next, active);
  if (store_product (self, next, GTK_WIDGET (self->outcome_based_switch)))
    remember_made_here (self);
  else
    {
      /* Nothing invalid is kept: the switch goes back; the sentence stays. */
      self->loading = TRUE;
      gtk_switch_set_active (self->outcome_based_switch, !active);
      self->loading = FALSE;
    }
}

/* The menu */

static AdwPreferencesGroup *
group_for_kind (BespokeMenusWindow *self,
                BespokeProductKind  kind)
{
  switch (kind)
    {
    case BESPOKE_PRODUCT_ONE_OFF:
      return self->one_off_group;
    case BESPOKE_PRODUCT_DEFINED_TERM:
      return self->defined_term_group;
    case BESPOKE_PRODUCT_ONGOING:
    default:
      return self->ongoing_group;
    }
}

static void
show_product (BespokeMenusWindow *self,
              BespokeProduct     *product)
{
  bespoke_error_report_clear (self->errors);
  g_set_object (&self->product, product);
  fill_fields (self, FALSE);
  adw_window_title_set_title (self->content_title, bespoke_product_get_name (product));
  adw_window_title_set_subtitle (self->content_title, bespoke_provider_get_name (self->provider));
  gtk_stack_set_visible_child_name (self->content_stack, "product");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  /* Not in the name, where the first key pressed would replace it. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
on_product_activated_cb (AdwActionRow       *row,
                         BespokeMenusWindow *self)
{
  guint index;

  if (g_ptr_array_find (self->product_rows, row, &index))
    show_product (self, g_ptr_array_index (self->products, index));
}

static char *
price_summary (BespokeProduct *product)
{
  g_autofree char *price = bespoke_money_format (bespoke_product_get_unit_price (product));
  const char *unit = bespoke_enum_label (BESPOKE_TYPE_UNIT, bespoke_product_get_unit (product));

  if (bespoke_product_get_outcome_based (product))
    /* Translators: a price, then that it is paid only for an outcome */
    return g_strdup_printf (_("%s, paid only if the outcome is reached"), price);
  if (bespoke_product_get_unit (product) == BESPOKE_UNIT_EACH)
    return g_steal_pointer (&price);
  /* Translators: a price and what it is per, e.g. "£25.00 per hour" */
  return g_strdup_printf (_("%s per %s"), price, unit);
}

static void
clear_product_rows (BespokeMenusWindow *self)
{
  for (guint i = 0; i < self->product_rows->len; i++)
    {
      BespokeProduct *product = g_ptr_array_index (self->products, i);

      adw_preferences_group_remove (group_for_kind (self, bespoke_product_get_kind (product)),
                                    g_ptr_array_index (self->product_rows, i));
    }
  g_ptr_array_set_size (self->product_rows, 0);
  g_ptr_array_set_size (self->products, 0);
}

/* The latest version of each product of the provider, in name order. */
static GPtrArray *
latest_products (BespokeMenusWindow *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GPtrArray *products = g_ptr_array_new_with_free_func (g_object_unref);

  all = bespoke_store_list (self->store, BESPOKE_TYPE_PRODUCT,
                            bespoke_record_get_uuid (BESPOKE_RECORD (self->provider)), &error);
  if (all == NULL)
    {
      bespoke_error_report_show (self->errors, NULL, error->message);
      return products;
    }

  for (guint i = 0; i < all->len; i++)
    {
      BespokeProduct *p = g_ptr_array_index (all, i);
      const char *series = bespoke_product_get_series_uuid (p) ? bespoke_product_get_series_uuid (p)
                                                             : bespoke_record_get_uuid (BESPOKE_RECORD (p));
      BespokeProduct *seen = g_hash_table_lookup (latest, series);

      if (seen == NULL || bespoke_product_get_version (p) > bespoke_product_get_version (seen))
        g_hash_table_insert (latest, (gpointer) series, p);
    }

  for (guint i = 0; i < all->len; i++)
    {
      BespokeProduct *p = g_ptr_array_index (all, i);
      const char *series = bespoke_product_get_series_uuid (p) ? bespoke_product_get_series_uuid (p)
                                                             : bespoke_record_get_uuid (BESPOKE_RECORD (p));

      if (g_hash_table_lookup (latest, series) == p)
        g_ptr_array_add (products, g_object_ref (p));
    }
  return products;
}

static void
fill_products (BespokeMenusWindow *self)
{
  g_autoptr(GPtrArray) products = latest_products (self);

  clear_product_rows (self);
  for (guint i = 0; i < products->len; i++)
    {
      BespokeProduct *product = g_ptr_array_index (products, i);
      AdwPreferencesGroup *group = group_for_kind (self, bespoke_product_get_kind (product));
      g_autofree char *subtitle = price_summary (product);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bespoke_product_get_name (product));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect (row, "activated", G_CALLBACK (on_product_activated_cb), self);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->products, g_object_ref (product));
      g_ptr_array_add (self->product_rows, row);
    }
}

static void
show_provider (BespokeMenusWindow *self,
               BespokeProvider    *provider)
{
  bespoke_error_report_clear (self->errors);
  g_set_object (&self->provider, provider);
  g_clear_object (&self->product);
  fill_fields (self, TRUE);
  fill_products (self);
  adw_window_title_set_title (self->content_title, bespoke_provider_get_name (provider));
  adw_window_title_set_subtitle (self->content_title, _("Product menu"));
  gtk_stack_set_visible_child_name (self->content_stack, "provider");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
fill_providers (BespokeMenusWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_record_row_fill_list (self->providers_list, self->store, BESPOKE_TYPE_PROVIDER, &error))
    bespoke_error_report_show (self->errors, NULL, error->message);
}

static void on_provider_activated_cb (BespokeMenusWindow *self,
                                      GtkListBoxRow      *row,
                                      GtkListBox         *list);

static void
select_provider (BespokeMenusWindow *self,
                 const char         *uuid)
{
  BespokeRecordRow *row = bespoke_record_row_find (self->providers_list, uuid);

  if (row != NULL)
    on_provider_activated_cb (self, GTK_LIST_BOX_ROW (row), self->providers_list);
}

static void
on_provider_activated_cb (BespokeMenusWindow *self,
                          GtkListBoxRow      *row,
                          GtkListBox         *list)
{
  g_autoptr(BespokeProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  provider = bespoke_store_load (self->store, BESPOKE_TYPE_PROVIDER,
                                 bespoke_record_row_get_uuid (BESPOKE_RECORD_ROW (row)), &error);
  if (provider == NULL)
    {
      bespoke_error_report_show (self->errors, NULL, error->message);
      return;
    }
  gtk_list_box_select_row (list, row);
  show_provider (self, provider);
}

static void
on_add_provider_clicked_cb (BespokeMenusWindow *self,
                            GtkButton          *button)
{
  g_autoptr(BespokeProvider) provider = bespoke_provider_new ();
  g_autoptr(GError) error = NULL;

  bespoke_provider_set_name (provider, _("New provider"));
  if (!bespoke_store_save (self->store, provider, &error))
    {
      bespoke_error_report_show (self->errors, NULL, error->message);
      return;
    }
  fill_providers (self);
  select_provider (self, bespoke_record_get_uuid (BESPOKE_RECORD (provider)));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), BESPOKE_TYPE_MENUS_WINDOW, "provider_name_row")));
}

static void
on_add_product_clicked_cb (BespokeMenusWindow *self,
                           GtkButton          *button)
{
  g_autoptr(BespokeProduct) product = bespoke_product_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_iso ();
  BespokeProductKind kind;

  g_return_if_fail (self->provider != NULL);

  if (GTK_WIDGET (button) == self->add_one_off_button)
    kind = BESPOKE_PRODUCT_ONE_OFF;
  else if (GTK_WIDGET (button) == self->add_defined_term_button)
    kind = BESPOKE_PRODUCT_DEFINED_TERM;
  else
    kind = BESPOKE_PRODUCT_ONGOING;

  bespoke_product_set_provider_uuid (product, bespoke_record_get_uuid (BESPOKE_RECORD (self->provider)));
  bespoke_product_set_series_uuid (product, bespoke_record_get_uuid (BESPOKE_RECORD (product)));
  bespoke_product_set_version (product, 1);
  bespoke_product_set_valid_from (product, today);
  bespoke_product_set_kind (product, kind);
  bespoke_product_set_unit (product, kind == BESPOKE_PRODUCT_ONE_OFF ? BESPOKE_UNIT_EACH : BESPOKE_UNIT_HOUR);
  bespoke_product_set_name (product, _("New product"));
  if (!bespoke_store_save (self->store, product, &error))
    {
      bespoke_error_report_show (self->errors, NULL, error->message);
      return;
    }
  g_hash_table_add (self->made_here, g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (product))));
  show_product (self, product);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), BESPOKE_TYPE_MENUS_WINDOW, "name_row")));
}

static void
on_back_clicked_cb (BespokeMenusWindow *self,
                    GtkButton          *button)
{
  if (g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "product") && self->provider != NULL)
    show_provider (self, self->provider);
  else
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
    }
}

static void
on_folded_changed_cb (BespokeMenusWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          g_str_equal (page, "product") || adw_leaflet_get_folded (self->leaflet));
}

static GListModel *
enum_labels (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (labels, bespoke_enum_label (enum_type, klass->values[i].value));
  return G_LIST_MODEL (labels);
}

/* GObject */

static void
bespoke_menus_window_constructed (GObject *object)
{
  BespokeMenusWindow *self = BESPOKE_MENUS_WINDOW (object);

  G_OBJECT_CLASS (bespoke_menus_window_parent_class)->constructed (object);

  fill_providers (self);
  /* Most databases have one provider: show it straight away. */
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->providers_list, 0);

    if (first != NULL)
      {
        on_provider_activated_cb (self, first, self->providers_list);
        bespoke_record_row_focus_on_map (self->providers_list);
      }
  }
  if (bespoke_store_get_read_only (self->store))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->provider_page), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->product_page), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), BESPOKE_TYPE_MENUS_WINDOW, "add_provider_button")), FALSE);
    }
}

static void
bespoke_menus_window_dispose (GObject *object)
{
  BespokeMenusWindow *self = BESPOKE_MENUS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_MENUS_WINDOW);

  G_OBJECT_CLASS (bespoke_menus_window_parent_class)->dispose (object);
}

static void
bespoke_menus_window_finalize (GObject *object)
{
  BespokeMenusWindow *self = BESPOKE_MENUS_WINDOW (object);

  g_clear_object (&self->product);
  g_clear_object (&self->provider);
  g_clear_object (&self->store);
  g_clear_pointer (&self->made_here, g_hash_table_unref);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->product_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bespoke_menus_window_parent_class)->finalize (object);
}

static void
bespoke_menus_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BespokeMenusWindow *self = BESPOKE_MENUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_menus_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BespokeMenusWindow *self = BESPOKE_MENUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_menus_window_class_init (BespokeMenusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bespoke_menus_window_constructed;
  object_class->dispose = bespoke_menus_window_dispose;
  object_class->finalize = bespoke_menus_window_finalize;
  object_class->get_property = bespoke_menus_window_get_property;
  object_class->set_property = bespoke_menus_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BESPOKE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BESPOKE_TYPE_ERROR_REPORT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-menus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, providers_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, errors);
  gtk_widget_class_bind_template_child_full (widget_class, "error_revealer", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, provider_page);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, product_page);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, one_off_group);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, defined_term_group);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, ongoing_group);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, add_one_off_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, add_defined_term_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, add_ongoing_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, version_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeMenusWindow, outcome_based_switch);
  gtk_widget_class_bind_template_child_full (widget_class, "add_provider_button", FALSE, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_class_bind_template_child_full (widget_class, fields[i].row, FALSE, 0);

  gtk_widget_class_bind_template_callback (widget_class, on_add_provider_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_product_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_provider_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bespoke_menus_window_init (BespokeMenusWindow *self)
{
  g_autoptr(GListModel) kinds = enum_labels (BESPOKE_TYPE_PRODUCT_KIND);
  g_autoptr(GListModel) units = enum_labels (BESPOKE_TYPE_UNIT);

  self->made_here = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->products = g_ptr_array_new_with_free_func (g_object_unref);
  self->product_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_signal_connect (field_row (self, &fields[i]), "changed", G_CALLBACK (on_field_changed_cb), self);

  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->unit_row, units);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed_cb), self);
  g_signal_connect_swapped (self->unit_row, "notify::selected", G_CALLBACK (on_unit_changed_cb), self);
  g_signal_connect_swapped (self->outcome_based_switch, "notify::active", G_CALLBACK (on_outcome_based_changed_cb), self);
}

/**
 * bespoke_menus_window_new:
 * @application: (nullable): the application
 * @store: the database whose menus to show
 */
BespokeMenusWindow *
bespoke_menus_window_new (GtkApplication *application,
                          BespokeStore   *store)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  return g_object_new (BESPOKE_TYPE_MENUS_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

BespokeStore *
bespoke_menus_window_get_store (BespokeMenusWindow *self)
{
  g_return_val_if_fail (BESPOKE_IS_MENUS_WINDOW (self), NULL);

  return self->store;
}
