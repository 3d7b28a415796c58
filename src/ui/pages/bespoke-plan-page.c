/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-enums.h"
#include "bespoke-field.h"
#include "bespoke-plan-page.h"
#include "bespoke-schedule-editor.h"

/**
 * BespokePlanPage:
 *
 * A person's latest support plan, to read and edit: its period, review
 * date, status and costing rule, the individual budget, the outcomes, the
 * paid and unpaid support lines with their schedules and costs, and the
 * risks.  There is no Save button: a valid edit is saved through the
 * #BespokeHistory (so it can be undone) as soon as the field holds it, a
 * typed field half a second after the last key, or at once on Enter or on
 * leaving it.  A field that holds something invalid is marked with the
 * `error` style and a sentence saying what is wrong, and is not saved.
 *
 * Without a plan it offers to create one for the coming financial year,
 * 1 April to 31 March, as councils set budgets.
 */

struct _BespokePlanPage
{
  GtkWidget       parent_instance;

  BespokeStore   *store;
  BespokeHistory *history;
  BespokePerson  *person;
  BespokePlan    *plan;
  gulong          changed_id;
  guint           rebuild_id;      /* an idle rebuild, after a change made elsewhere */
  BespokeFieldSet *fields;         /* the records shown, as last saved, and the field waiting */
  GHashTable     *rows;            /* uuid → AdwExpanderRow of an outcome, line or risk */
  GHashTable     *expanded;        /* uuids of the expanded rows, kept over a rebuild */
  GPtrArray      *products;        /* BespokeProduct: the latest version of each */
  GPtrArray      *older_products;  /* BespokeProduct: older versions lines still use */
  GHashTable     *provider_names;  /* provider uuid → name */

  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkButton      *create_button;
  GtkBox         *content;
};

G_DEFINE_FINAL_TYPE (BespokePlanPage, bespoke_plan_page, GTK_TYPE_WIDGET)

static void schedule_rebuild (BespokePlanPage *self);
static void rebuild          (BespokePlanPage *self);

/* The plan shown for a person: the one that starts last. */
static BespokePlan *
find_latest_plan (BespokeStore *store,
                  const char   *person_uuid)
{
  g_autoptr(GPtrArray) plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN, person_uuid, NULL);
  BespokePlan *latest = NULL;

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      BespokePlan *plan = g_ptr_array_index (plans, i);

      if (latest == NULL ||
          g_strcmp0 (bespoke_plan_get_period_start (plan), bespoke_plan_get_period_start (latest)) > 0)
        latest = plan;
    }
  return latest ? g_object_ref (latest) : NULL;
}

/* Records and saving */

static BespokeRecord *
lookup (BespokePlanPage *self,
        const char      *uuid)
{
  return bespoke_field_set_lookup (self->fields, uuid);
}

static void
remember (BespokePlanPage *self,
          gpointer         record)
{
  bespoke_field_set_remember (self->fields, record);
}

static void
toast (BespokePlanPage *self,
       const char      *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}


static void update_costs (BespokePlanPage *self);
static void refresh_row  (BespokePlanPage *self,
                          BespokeRecord   *record);

/* Saves @copy, the new state of a record, if it is valid; otherwise says why
 * on @error_label and marks @field.  The store is left unchanged. */
static gboolean
save_record (BespokePlanPage *self,
             BespokeRecord   *copy,
             const char      *undo_label,
             GtkWidget       *field,
             GtkLabel        *error_label)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_field_set_save (self->fields, copy, undo_label, &error))
    {
      bespoke_field_show_error (field, error_label, error->message);
      if (field == NULL && error_label == NULL)
        toast (self, error->message);
      return FALSE;
    }
  bespoke_field_show_error (field, error_label, NULL);
  return TRUE;
}

/* Any record saved by the page, or by one of its fields */
static void
on_record_saved_cb (BespokeFieldSet *fields,
                    BespokeRecord   *record,
                    BespokePlanPage *self)
{
  refresh_row (self, record);
  update_costs (self);
}

static void
delete_record (BespokePlanPage *self,
               const char      *uuid,
               const char      *undo_label,
               const char      *done)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (lookup (self, uuid) == NULL)
    return;
  if (!bespoke_field_set_delete (self->fields, uuid, undo_label, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: a toast after removing an outcome, a line or a risk */
  message = g_strdup_printf (_("%s Press Ctrl+Z to undo."), done);
  toast (self, message);
  schedule_rebuild (self);
}

static void
flush_pending (BespokePlanPage *self)
{
  bespoke_field_set_flush (self->fields);
}

static GtkWidget *
text_row (BespokePlanPage *self,
          const char      *title,
          const char      *text,
          const char      *uuid,
          BespokeApplyText apply,
          const char      *undo_label,
          GtkLabel        *error_label)
{
  return bespoke_field_get_row (bespoke_field_new_text_row (self->fields, title, text, uuid, apply,
                                                            undo_label, error_label));
}

static BespokeField *
date_row (BespokePlanPage *self,
          const char      *title,
          const char      *text,
          const char      *uuid,
          BespokeApplyText apply,
          const char      *undo_label,
          GtkLabel        *error_label,
          const char      *property)
{
  BespokeField *field = bespoke_field_new_text_row (self->fields, title, text, uuid, apply, undo_label, error_label);

  bespoke_field_add_date_picker (field, property);
  return field;
}

static GtkWidget *
combo_row (BespokePlanPage    *self,
           const char         *title,
           const char * const *items,
           guint               selected,
           const char         *uuid,
           BespokeApplyIndex   apply,
           const char         *undo_label,
           GtkLabel           *error_label)
{
  return bespoke_field_get_row (bespoke_field_new_combo_row (self->fields, title, items, selected, uuid, apply,
                                                             undo_label, error_label));
}

static GtkWidget *
spin_row (BespokePlanPage  *self,
          const char       *title,
          const char       *subtitle,
          guint             value,
          guint             lower,
          guint             upper,
          const char       *uuid,
          BespokeApplyIndex apply,
          const char       *undo_label)
{
  return bespoke_field_get_row (bespoke_field_new_spin_row (self->fields, title, subtitle, value, lower, upper,
                                                            uuid, apply, undo_label));
}

/* A row inside an expander row holding the error sentence */
static GtkLabel *
add_error_row (AdwExpanderRow *expander)
{
  GtkLabel *label = bespoke_field_error_label_new ();
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (label), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (label), 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (label));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  adw_expander_row_add_row (expander, row);
  return label;
}

/* Text appliers */

static gboolean
apply_date (BespokeRecord  *record,
            const char     *property,
            const char     *text,
            gboolean        optional,
            const char     *field_name,
            GError        **error)
{
  GDate date;
  g_autofree char *iso = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (optional && *stripped == '\0')
    {
      g_object_set (record, property, NULL, NULL);
      return TRUE;
    }
  if (!bespoke_parse_user_date (text, &date, error))
    {
      g_prefix_error (error, "%s: ", field_name);
      return FALSE;
    }
  iso = bespoke_date_to_iso (&date);
  g_object_set (record, property, iso, NULL);
  return TRUE;
}

static gboolean
apply_period_start (BespokeRecord *r, const char *text, GError **error)
{
  return apply_date (r, "period-start", text, FALSE, _("The start date"), error);
}

static gboolean
apply_period_end (BespokeRecord *r, const char *text, GError **error)
{
  return apply_date (r, "period-end", text, FALSE, _("The end date"), error);
}

static gboolean
apply_review_date (BespokeRecord *r, const char *text, GError **error)
{
  return apply_date (r, "review-date", text, TRUE, _("The review date"), error);
}

static gboolean
apply_target_date (BespokeRecord *r, const char *text, GError **error)
{
  return apply_date (r, "target-date", text, TRUE, _("The target date"), error);
}

static gboolean
apply_budget_amount (BespokeRecord *r, const char *text, GError **error)
{
  gint64 pence;

  if (!bespoke_money_parse (text, &pence, error))
    {
      g_prefix_error (error, "%s ", _("The individual budget cannot be read:"));
      return FALSE;
    }
  bespoke_budget_set_amount (BESPOKE_BUDGET (r), pence);
  return TRUE;
}

#define TEXT_APPLIER(name, property)                                   \
  static gboolean                                                      \
  name (BespokeRecord *r, const char *text, GError **error)            \
  {                                                                    \
    g_autofree char *stripped = g_strstrip (g_strdup (text));          \
    g_object_set (r, property, *stripped ? stripped : NULL, NULL);     \
    return TRUE;                                                       \
  }

TEXT_APPLIER (apply_staff_preferences, "staff-preferences")
TEXT_APPLIER (apply_outcome_statement, "statement")
TEXT_APPLIER (apply_outcome_measure, "measure")
TEXT_APPLIER (apply_risk_description, "description")
TEXT_APPLIER (apply_refund_description, "description")

static gboolean
apply_refund_date (BespokeRecord *r, const char *text, GError **error)
{
  return apply_date (r, "date", text, FALSE, _("The refund’s date"), error);
}

/* A refund is typed as the money coming back, "£25.00", and kept as a
 * negative adjustment, which is how the costing engine takes it off. */
static gboolean
apply_refund_amount (BespokeRecord *r, const char *text, GError **error)
{
  gint64 pence;

  if (!bespoke_money_parse (text, &pence, error))
    {
      g_prefix_error (error, "%s ", _("The refund cannot be read:"));
      return FALSE;
    }
  if (pence <= 0)
    return bespoke_set_invalid (error, _("A refund is the money that comes back: type it as a positive amount, e.g. £25.00."));
  bespoke_adjustment_set_amount (BESPOKE_ADJUSTMENT (r), -pence);
  return TRUE;
}
TEXT_APPLIER (apply_risk_contingency, "contingency")
TEXT_APPLIER (apply_line_description, "description")
TEXT_APPLIER (apply_line_worker, "worker")

/* Index appliers */

static void
apply_status (BespokeRecord *r, guint i)
{
  bespoke_plan_set_status (BESPOKE_PLAN (r), (BespokePlanStatus) i);
}

static void
apply_annualisation (BespokeRecord *r, guint i)
{
  bespoke_plan_set_annualisation (BESPOKE_PLAN (r), (BespokeAnnualisation) i);
}

static void
apply_likelihood (BespokeRecord *r, guint i)
{
  bespoke_risk_set_likelihood (BESPOKE_RISK (r), (BespokeLevel) (2 - i));
}

static void
apply_impact (BespokeRecord *r, guint i)
{
  bespoke_risk_set_impact (BESPOKE_RISK (r), (BespokeLevel) (2 - i));
}

static void
apply_funding (BespokeRecord *r, guint i)
{
  bespoke_support_line_set_funding (BESPOKE_SUPPORT_LINE (r), (BespokeFunding) i);
}

static void
apply_share_ratio (BespokeRecord *r, guint value)
{
  bespoke_support_line_set_share_ratio (BESPOKE_SUPPORT_LINE (r), value);
}

static void
apply_quantity (BespokeRecord *r, guint value)
{
  bespoke_support_line_set_quantity (BESPOKE_SUPPORT_LINE (r), value);
}

/* Specials: discounts are typed as whole percentages and kept in
 * hundredths of a percent, as the costing engine reads them. */
static void
apply_line_discount (BespokeRecord *r, guint percent)
{
  bespoke_support_line_set_discount_bp (BESPOKE_SUPPORT_LINE (r), percent * 100);
}

static void
apply_free_units (BespokeRecord *r, guint value)
{
  bespoke_support_line_set_free_units (BESPOKE_SUPPORT_LINE (r), value);
}

static void
apply_plan_discount (BespokeRecord *r, guint percent)
{
  bespoke_plan_set_discount_bp (BESPOKE_PLAN (r), percent * 100);
}

/* Products */

static void
load_products (BespokePlanPage *self)
{
  g_autoptr(GPtrArray) providers = bespoke_store_list (self->store, BESPOKE_TYPE_PROVIDER, NULL, NULL);
  g_autoptr(GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_set_size (self->products, 0);
  g_ptr_array_set_size (self->older_products, 0);
  g_hash_table_remove_all (self->provider_names);

  for (guint p = 0; providers != NULL && p < providers->len; p++)
    {
      BespokeProvider *provider = g_ptr_array_index (providers, p);
      const char *provider_uuid = bespoke_record_get_uuid (BESPOKE_RECORD (provider));
      g_autoptr(GPtrArray) products = bespoke_store_list (self->store, BESPOKE_TYPE_PRODUCT, provider_uuid, NULL);

      g_hash_table_insert (self->provider_names, g_strdup (provider_uuid), g_strdup (bespoke_provider_get_name (provider)));
      for (guint i = 0; products != NULL && i < products->len; i++)
        {
          BespokeProduct *product = g_ptr_array_index (products, i);
          const char *series = bespoke_product_get_series_uuid (product);
          BespokeProduct *other;

          if (series == NULL || *series == '\0')
            series = bespoke_record_get_uuid (BESPOKE_RECORD (product));
          other = g_hash_table_lookup (latest, series);
          if (other != NULL && bespoke_product_get_version (other) >= bespoke_product_get_version (product))
            continue;
          if (other != NULL)
            g_ptr_array_remove (self->products, other);
          g_hash_table_insert (latest, (gpointer) series, product);
          g_ptr_array_add (self->products, g_object_ref (product));
        }
    }
}

/* A line keeps the version of a product it bought, which may be older
 * than the menu's latest: it is loaded from the store, to show beside the
 * latest versions. */
static BespokeProduct *
find_product (BespokePlanPage *self,
              const char      *uuid)
{
  BespokeProduct *product;

  if (uuid == NULL || *uuid == '\0')
    return NULL;
  for (guint i = 0; i < self->products->len; i++)
    if (g_strcmp0 (bespoke_record_get_uuid (g_ptr_array_index (self->products, i)), uuid) == 0)
      return g_ptr_array_index (self->products, i);
  for (guint i = 0; i < self->older_products->len; i++)
    if (g_strcmp0 (bespoke_record_get_uuid (g_ptr_array_index (self->older_products, i)), uuid) == 0)
      return g_ptr_array_index (self->older_products, i);
  product = bespoke_store_load (self->store, BESPOKE_TYPE_PRODUCT, uuid, NULL);
  if (product != NULL)
    g_ptr_array_add (self->older_products, product);
  return product;
}

/* "£21.50 an hour", "£405.00 each" */
static char *
price_text (BespokeProduct *product)
{
  g_autofree char *price = bespoke_money_format (bespoke_product_get_unit_price (product));

  switch (bespoke_product_get_unit (product))
    {
    case BESPOKE_UNIT_EACH:
      /* Translators: a price per occurrence */
      return g_strdup_printf (_("%s each"), price);
    case BESPOKE_UNIT_HOUR:
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

static char *
product_text (BespokePlanPage *self,
              BespokeProduct  *product)
{
  g_autofree char *price = price_text (product);
  const char *provider = g_hash_table_lookup (self->provider_names, bespoke_product_get_provider_uuid (product));

  if (bespoke_product_get_outcome_based (product))
    /* Translators: an outcome-based product in a menu: its name, its provider and its price */
    return g_strdup_printf (_("%s — %s, %s, paid only if the outcome is reached"), bespoke_product_get_name (product),
                            provider ? provider : _("unknown provider"), price);
  /* Translators: a product in a menu: its name, its provider and its price */
  return g_strdup_printf (_("%s — %s, %s"), bespoke_product_get_name (product),
                          provider ? provider : _("unknown provider"), price);
}

/* Rows for each section */

static void
on_expander_expanded_cb (AdwExpanderRow  *row,
                         GParamSpec      *pspec,
                         BespokePlanPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "bespoke-uuid");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (uuid));
  else
    g_hash_table_remove (self->expanded, uuid);
}

static AdwExpanderRow *
new_expander (BespokePlanPage *self,
              const char      *uuid,
              const char      *title)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data_full (G_OBJECT (row), "bespoke-uuid", g_strdup (uuid), g_free);
  adw_expander_row_set_expanded (row, g_hash_table_contains (self->expanded, uuid));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_expander_expanded_cb), self);
  g_hash_table_insert (self->rows, g_strdup (uuid), row);
  return row;
}

static void
on_remove_clicked_cb (GtkButton       *button,
                      BespokePlanPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "bespoke-uuid");
  const char *undo_label = g_object_get_data (G_OBJECT (button), "bespoke-undo-label");
  const char *done = g_object_get_data (G_OBJECT (button), "bespoke-done");

  flush_pending (self);
  delete_record (self, uuid, undo_label, done);
}

static void
add_remove_row (BespokePlanPage *self,
                AdwExpanderRow  *expander,
                const char      *uuid,
                const char      *label,
                const char      *undo_label,
                const char      *done)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 8);
  gtk_widget_set_margin_bottom (button, 8);
  gtk_widget_set_margin_end (button, 12);
  g_object_set_data_full (G_OBJECT (button), "bespoke-uuid", g_strdup (uuid), g_free);
  g_object_set_data (G_OBJECT (button), "bespoke-undo-label", (gpointer) undo_label);
  g_object_set_data (G_OBJECT (button), "bespoke-done", (gpointer) done);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_expander_row_add_row (expander, row);
}

static GtkWidget *
add_button (BespokePlanPage *self,
            const char      *label,
            GCallback        callback)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static guint
next_position (BespokePlanPage *self,
               GType            type)
{
  g_autoptr(GPtrArray) records = bespoke_field_set_list (self->fields, type);
  guint next = 0;

  for (guint i = 0; i < records->len; i++)
    {
      guint position;

      g_object_get (g_ptr_array_index (records, i), "position", &position, NULL);
      next = MAX (next, position + 1);
    }
  return next;
}

/* The plan's details */

static BespokeBudget *
find_budget (BespokePlanPage *self)
{
  g_autoptr(GPtrArray) budgets = bespoke_field_set_list (self->fields, BESPOKE_TYPE_BUDGET);

  for (guint i = 0; i < budgets->len; i++)
    if (bespoke_budget_get_source (g_ptr_array_index (budgets, i)) == BESPOKE_FUNDING_INDIVIDUAL_BUDGET)
      return BESPOKE_BUDGET (lookup (self, bespoke_record_get_uuid (g_ptr_array_index (budgets, i))));
  return NULL;
}

static void
build_details (BespokePlanPage *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (self->plan));
  GtkLabel *error_label = bespoke_field_error_label_new ();
  BespokeBudget *budget = find_budget (self);
  g_autofree char *start = bespoke_field_date_text (bespoke_plan_get_period_start (self->plan));
  g_autofree char *end = bespoke_field_date_text (bespoke_plan_get_period_end (self->plan));
  g_autofree char *review = bespoke_field_date_text (bespoke_plan_get_review_date (self->plan));
  g_autofree char *amount = NULL;
  const char *statuses[] = { bespoke_enum_label (BESPOKE_TYPE_PLAN_STATUS, 0), bespoke_enum_label (BESPOKE_TYPE_PLAN_STATUS, 1),
                             bespoke_enum_label (BESPOKE_TYPE_PLAN_STATUS, 2), NULL };
  const char *rules[] = { bespoke_enum_label (BESPOKE_TYPE_ANNUALISATION, 0), bespoke_enum_label (BESPOKE_TYPE_ANNUALISATION, 1),
                          bespoke_enum_label (BESPOKE_TYPE_ANNUALISATION, 2), NULL };
  BespokeField *field;
  GtkWidget *rule_row;
  GtkWidget *row;

  if (budget == NULL)
    {
      /* saved with the first amount typed */
      budget = bespoke_budget_new ();
      bespoke_budget_set_plan_uuid (budget, uuid);
      bespoke_budget_set_source (budget, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
      remember (self, budget);
      g_object_unref (budget);
    }
  amount = bespoke_money_format (bespoke_budget_get_amount (budget));

  adw_preferences_group_set_title (group, _("The Plan"));
  adw_preferences_group_set_description (group, _("Dates as 1/4/2027. Every change is kept as you type; Ctrl+Z undoes it."));

  row = bespoke_field_get_row (date_row (self, _("Starts"), start, uuid, apply_period_start, _("Change the plan’s start"), error_label, "period-start"));
  gtk_widget_set_name (row, "period-start");
  adw_preferences_group_add (group, row);
  row = bespoke_field_get_row (date_row (self, _("Ends"), end, uuid, apply_period_end, _("Change the plan’s end"), error_label, "period-end"));
  gtk_widget_set_name (row, "period-end");
  adw_preferences_group_add (group, row);
  row = bespoke_field_get_row (date_row (self, _("Review date"), review, uuid, apply_review_date, _("Change the review date"), error_label, "review-date"));
  gtk_widget_set_name (row, "review-date");
  adw_preferences_group_add (group, row);
  adw_preferences_group_add (group, combo_row (self, _("Status"), statuses, bespoke_plan_get_status (self->plan),
                                               uuid, apply_status, _("Change the plan’s status"), error_label));
  /* the rules' names are long: they go under the title, in full */
  rule_row = combo_row (self, _("Costing rule"), rules, bespoke_plan_get_annualisation (self->plan),
                        uuid, apply_annualisation, _("Change the costing rule"), error_label);
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (rule_row), TRUE);
  adw_preferences_group_add (group, rule_row);
  row = spin_row (self, _("Discount on the whole plan (%)"), NULL, bespoke_plan_get_discount_bp (self->plan) / 100, 0, 100,
                  uuid, apply_plan_discount, _("Change the plan’s discount"));
  gtk_widget_set_name (row, "plan-discount");
  adw_preferences_group_add (group, row);
  field = bespoke_field_new_text_row (self->fields, _("Individual budget a year"), amount,
                                      bespoke_record_get_uuid (BESPOKE_RECORD (budget)), apply_budget_amount,
                                      _("Change the individual budget"), error_label);
  bespoke_field_set_canonical (field, "amount");
  row = bespoke_field_get_row (field);
  gtk_widget_set_name (row, "budget-amount");
  adw_preferences_group_add (group, row);
  adw_preferences_group_add (group, text_row (self, _("Preferences about staff"), bespoke_plan_get_staff_preferences (self->plan),
                                              uuid, apply_staff_preferences, _("Change the preferences about staff"), error_label));

  gtk_widget_set_name (GTK_WIDGET (error_label), "details-error");
  gtk_box_append (self->content, GTK_WIDGET (group));
  gtk_box_append (self->content, GTK_WIDGET (error_label));
}

static char *
outcome_subtitle (BespokeOutcome *outcome)
{
  g_autofree char *when = NULL;

  if (bespoke_outcome_get_target_date (outcome) == NULL)
    return g_strdup ("");
  when = bespoke_date_format_long (bespoke_outcome_get_target_date (outcome));
  /* Translators: when an outcome should be reached */
  return g_strdup_printf (_("By %s"), when);
}

static char *
risk_subtitle (BespokeRisk *risk)
{
  /* Translators: a risk's likelihood and impact, e.g. "Likelihood Medium, impact High" */
  return g_strdup_printf (_("Likelihood %s, impact %s"),
                          bespoke_enum_label (BESPOKE_TYPE_LEVEL, bespoke_risk_get_likelihood (risk)),
                          bespoke_enum_label (BESPOKE_TYPE_LEVEL, bespoke_risk_get_impact (risk)));
}

/* Outcomes */

static void
on_add_outcome_clicked_cb (BespokePlanPage *self)
{
  g_autoptr(BespokeOutcome) outcome = bespoke_outcome_new ();

  flush_pending (self);
  bespoke_outcome_set_plan_uuid (outcome, bespoke_record_get_uuid (BESPOKE_RECORD (self->plan)));
  bespoke_outcome_set_position (outcome, next_position (self, BESPOKE_TYPE_OUTCOME));
  bespoke_outcome_set_statement (outcome, _("I want to …"));
  bespoke_outcome_set_target_date (outcome, bespoke_plan_get_period_end (self->plan));
  if (save_record (self, BESPOKE_RECORD (outcome), _("Add an outcome"), NULL, NULL))
    {
      g_hash_table_add (self->expanded, g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (outcome))));
      schedule_rebuild (self);
    }
}

static GtkWidget *
build_outcome (BespokePlanPage *self,
               BespokeOutcome  *outcome)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (outcome));
  AdwExpanderRow *row = new_expander (self, uuid, bespoke_outcome_get_statement (outcome));
  g_autofree char *target = bespoke_field_date_text (bespoke_outcome_get_target_date (outcome));
  GtkLabel *error_label;

  {
    g_autofree char *subtitle = outcome_subtitle (outcome);

    adw_expander_row_set_subtitle (row, subtitle);
  }
  error_label = add_error_row (row);
  adw_expander_row_add_row (row, text_row (self, _("What I want (an I-statement)"), bespoke_outcome_get_statement (outcome),
                                           uuid, apply_outcome_statement, _("Change an outcome"), error_label));
  adw_expander_row_add_row (row, text_row (self, _("How we will know"), bespoke_outcome_get_measure (outcome),
                                           uuid, apply_outcome_measure, _("Change how an outcome is measured"), error_label));
  {
    GtkWidget *when = bespoke_field_get_row (date_row (self, _("By when"), target, uuid, apply_target_date,
                                                       _("Change an outcome’s date"), error_label, "target-date"));

    adw_expander_row_add_row (row, when);
  }
  add_remove_row (self, row, uuid, _("Remove This Outcome"), _("Remove an outcome"), _("Outcome removed."));
  return GTK_WIDGET (row);
}

/* Risks */

static void
on_add_risk_clicked_cb (BespokePlanPage *self)
{
  g_autoptr(BespokeRisk) risk = bespoke_risk_new ();

  flush_pending (self);
  bespoke_risk_set_plan_uuid (risk, bespoke_record_get_uuid (BESPOKE_RECORD (self->plan)));
  bespoke_risk_set_position (risk, next_position (self, BESPOKE_TYPE_RISK));
  bespoke_risk_set_description (risk, _("What could go wrong"));
  bespoke_risk_set_likelihood (risk, BESPOKE_LEVEL_MEDIUM);
  bespoke_risk_set_impact (risk, BESPOKE_LEVEL_MEDIUM);
  if (save_record (self, BESPOKE_RECORD (risk), _("Add a risk"), NULL, NULL))
    {
      g_hash_table_add (self->expanded, g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (risk))));
      schedule_rebuild (self);
    }
}

static GtkWidget *
build_risk (BespokePlanPage *self,
            BespokeRisk     *risk)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (risk));
  AdwExpanderRow *row = new_expander (self, uuid, bespoke_risk_get_description (risk));
  /* High first, as risk registers read */
  const char *levels[] = { bespoke_enum_label (BESPOKE_TYPE_LEVEL, BESPOKE_LEVEL_HIGH),
                           bespoke_enum_label (BESPOKE_TYPE_LEVEL, BESPOKE_LEVEL_MEDIUM),
                           bespoke_enum_label (BESPOKE_TYPE_LEVEL, BESPOKE_LEVEL_LOW), NULL };
  g_autofree char *subtitle = risk_subtitle (risk);
  GtkLabel *error_label;

  adw_expander_row_set_subtitle (row, subtitle);
  error_label = add_error_row (row);
  adw_expander_row_add_row (row, text_row (self, _("What could go wrong"), bespoke_risk_get_description (risk),
                                           uuid, apply_risk_description, _("Change a risk"), error_label));
  adw_expander_row_add_row (row, combo_row (self, _("Likelihood"), levels, 2 - bespoke_risk_get_likelihood (risk),
                                            uuid, apply_likelihood, _("Change a risk’s likelihood"), error_label));
  adw_expander_row_add_row (row, combo_row (self, _("Impact"), levels, 2 - bespoke_risk_get_impact (risk),
                                            uuid, apply_impact, _("Change a risk’s impact"), error_label));
  adw_expander_row_add_row (row, text_row (self, _("What we will do (contingency)"), bespoke_risk_get_contingency (risk),
                                           uuid, apply_risk_contingency, _("Change a contingency"), error_label));
  add_remove_row (self, row, uuid, _("Remove This Risk"), _("Remove a risk"), _("Risk removed."));
  return GTK_WIDGET (row);
}

/* Refunds: dated negative adjustments to the plan's cost */

static void
on_add_refund_clicked_cb (BespokePlanPage *self)
{
  g_autoptr(BespokeAdjustment) refund = bespoke_adjustment_new ();

  flush_pending (self);
  bespoke_adjustment_set_plan_uuid (refund, bespoke_record_get_uuid (BESPOKE_RECORD (self->plan)));
  bespoke_adjustment_set_date (refund, bespoke_plan_get_period_start (self->plan));
  bespoke_adjustment_set_amount (refund, -1000);
  bespoke_adjustment_set_description (refund, _("A refund"));
  if (save_record (self, BESPOKE_RECORD (refund), _("Add a refund"), NULL, NULL))
    {
      g_hash_table_add (self->expanded, g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (refund))));
      schedule_rebuild (self);
    }
}

static GtkWidget *
build_refund (BespokePlanPage   *self,
              BespokeAdjustment *refund)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (refund));
  AdwExpanderRow *row = new_expander (self, uuid, bespoke_adjustment_get_description (refund));
  g_autofree char *when = bespoke_field_date_text (bespoke_adjustment_get_date (refund));
  g_autofree char *long_when = bespoke_date_format_long (bespoke_adjustment_get_date (refund));
  g_autofree char *amount = bespoke_money_format (-bespoke_adjustment_get_amount (refund));
  g_autofree char *subtitle = g_strdup_printf (_("%s back on %s"), amount, long_when ? long_when : "");
  GtkLabel *error_label;
  GtkWidget *widget;

  adw_expander_row_set_subtitle (row, subtitle);
  error_label = add_error_row (row);
  adw_expander_row_add_row (row, text_row (self, _("What it is for"), bespoke_adjustment_get_description (refund),
                                           uuid, apply_refund_description, _("Change a refund"), error_label));
  widget = bespoke_field_get_row (date_row (self, _("Date"), when, uuid, apply_refund_date,
                                            _("Change a refund’s date"), error_label, "date"));
  adw_expander_row_add_row (row, widget);
  widget = text_row (self, _("Amount back"), amount, uuid, apply_refund_amount, _("Change a refund’s amount"), error_label);
  gtk_widget_set_name (widget, "refund-amount");
  adw_expander_row_add_row (row, widget);
  add_remove_row (self, row, uuid, _("Remove This Refund"), _("Remove a refund"), _("Refund removed."));
  return GTK_WIDGET (row);
}

/* Support lines */

static const BespokeSupportType support_types[] = {
  BESPOKE_SUPPORT_PAID, BESPOKE_SUPPORT_SELF, BESPOKE_SUPPORT_FAMILY,
  BESPOKE_SUPPORT_FRIEND, BESPOKE_SUPPORT_COMMUNITY, BESPOKE_SUPPORT_TECHNOLOGY,
};

static BespokeProduct *
first_product_of_kind (BespokePlanPage    *self,
                       BespokeProductKind  kind)
{
  for (guint i = 0; i < self->products->len; i++)
    if (bespoke_product_get_kind (g_ptr_array_index (self->products, i)) == kind)
      return g_ptr_array_index (self->products, i);
  return NULL;
}

static void
set_line_product (BespokeSupportLine *line,
                  BespokeProduct     *product)
{
  bespoke_support_line_set_product_uuid (line, product ? bespoke_record_get_uuid (BESPOKE_RECORD (product)) : NULL);
  bespoke_support_line_set_provider_uuid (line, product ? bespoke_product_get_provider_uuid (product) : NULL);
}

static void
on_support_type_selected_cb (AdwComboRow     *combo,
                             GParamSpec      *pspec,
                             BespokePlanPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (combo), "bespoke-uuid");
  BespokeRecord *record = lookup (self, uuid);
  g_autoptr(BespokeSupportLine) copy = NULL;
  BespokeSupportType type = support_types[MIN (adw_combo_row_get_selected (combo), G_N_ELEMENTS (support_types) - 1)];

  if (record == NULL || g_object_get_data (G_OBJECT (combo), "bespoke-updating"))
    return;
  copy = BESPOKE_SUPPORT_LINE (bespoke_record_copy (record));
  if (bespoke_support_line_get_support_type (copy) == type)
    return;

  bespoke_support_line_set_support_type (copy, type);
  if (type == BESPOKE_SUPPORT_PAID)
    {
      BespokeProduct *product = first_product_of_kind (self, BESPOKE_PRODUCT_ONGOING);

      if (product == NULL && self->products->len > 0)
        product = g_ptr_array_index (self->products, 0);
      if (product == NULL)
        {
          bespoke_field_show_error (GTK_WIDGET (combo), g_object_get_data (G_OBJECT (combo), "bespoke-error-label"),
                      _("There is no product to buy yet. Add one to a provider’s menu first (Product Menus, in the main menu)."));
          return;
        }
      set_line_product (copy, product);
      bespoke_support_line_set_funding (copy, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
    }
  else
    {
      set_line_product (copy, NULL);
      bespoke_support_line_set_funding (copy, BESPOKE_FUNDING_NONE);
    }
  if (save_record (self, BESPOKE_RECORD (copy), _("Change who gives support"), GTK_WIDGET (combo),
                   g_object_get_data (G_OBJECT (combo), "bespoke-error-label")))
    schedule_rebuild (self);
}

static void
fill_product_combo (BespokePlanPage    *self,
                    AdwComboRow        *combo,
                    BespokeProductKind  kind,
                    const char         *selected_uuid)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->products->len; i++)
    {
      BespokeProduct *product = g_ptr_array_index (self->products, i);
      g_autofree char *text = NULL;

      if (bespoke_product_get_kind (product) != kind)
        continue;
      if (g_strcmp0 (bespoke_record_get_uuid (BESPOKE_RECORD (product)), selected_uuid) == 0)
        selected = shown->len;
      text = product_text (self, product);
      gtk_string_list_append (model, text);
      g_ptr_array_add (shown, g_object_ref (product));
    }

  /* the version the line bought, if the menu has moved on */
  if (selected == GTK_INVALID_LIST_POSITION && selected_uuid != NULL)
    {
      BespokeProduct *bought = find_product (self, selected_uuid);

      if (bought != NULL && bespoke_product_get_kind (bought) == kind)
        {
          g_autofree char *text = product_text (self, bought);
          /* Translators: an older version of a product, still used by a line */
          g_autofree char *older = g_strdup_printf (_("%s (version %u, as bought)"), text,
                                                    bespoke_product_get_version (bought));

          selected = shown->len;
          gtk_string_list_append (model, older);
          g_ptr_array_add (shown, g_object_ref (bought));
        }
    }

  g_object_set_data (G_OBJECT (combo), "bespoke-updating", GINT_TO_POINTER (TRUE));
  g_object_set_data_full (G_OBJECT (combo), "bespoke-products", shown, (GDestroyNotify) g_ptr_array_unref);
  adw_combo_row_set_model (combo, G_LIST_MODEL (model));
  adw_combo_row_set_selected (combo, selected);
  g_object_set_data (G_OBJECT (combo), "bespoke-updating", NULL);
}

static void
on_product_selected_cb (AdwComboRow     *combo,
                        GParamSpec      *pspec,
                        BespokePlanPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (combo), "bespoke-uuid");
  GPtrArray *shown = g_object_get_data (G_OBJECT (combo), "bespoke-products");
  BespokeRecord *record = lookup (self, uuid);
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(BespokeSupportLine) copy = NULL;

  if (record == NULL || shown == NULL || selected >= shown->len ||
      g_object_get_data (G_OBJECT (combo), "bespoke-updating"))
    return;
  copy = BESPOKE_SUPPORT_LINE (bespoke_record_copy (record));
  set_line_product (copy, g_ptr_array_index (shown, selected));
  save_record (self, BESPOKE_RECORD (copy), _("Choose a product"), GTK_WIDGET (combo),
               g_object_get_data (G_OBJECT (combo), "bespoke-error-label"));
}

static void
on_kind_selected_cb (AdwComboRow     *combo,
                     GParamSpec      *pspec,
                     BespokePlanPage *self)
{
  AdwComboRow *product_combo = g_object_get_data (G_OBJECT (combo), "bespoke-product-combo");
  const char *uuid = g_object_get_data (G_OBJECT (combo), "bespoke-uuid");
  BespokeRecord *record = lookup (self, uuid);
  BespokeProductKind kind = (BespokeProductKind) adw_combo_row_get_selected (combo);
  GPtrArray *shown;

  if (record == NULL || g_object_get_data (G_OBJECT (combo), "bespoke-updating"))
    return;

  fill_product_combo (self, product_combo, kind, bespoke_support_line_get_product_uuid (BESPOKE_SUPPORT_LINE (record)));
  shown = g_object_get_data (G_OBJECT (product_combo), "bespoke-products");
  if (adw_combo_row_get_selected (product_combo) == GTK_INVALID_LIST_POSITION && shown->len > 0)
    adw_combo_row_set_selected (product_combo, 0);  /* saves the line with it */
}

static void
on_schedule_changed_cb (BespokeScheduleEditor *editor,
                        BespokePlanPage       *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (editor), "bespoke-uuid");
  BespokeRecord *record = lookup (self, uuid);
  g_autoptr(BespokeSupportLine) copy = NULL;
  GtkLabel *error_label = g_object_get_data (G_OBJECT (editor), "bespoke-error-label");

  if (record == NULL)
    return;
  copy = BESPOKE_SUPPORT_LINE (bespoke_record_copy (record));
  bespoke_support_line_set_schedule (copy, bespoke_schedule_editor_get_schedule (editor));
  save_record (self, BESPOKE_RECORD (copy), _("Change a schedule"), NULL, error_label);
}

static void
on_line_description_changed_cb (GtkEditable    *editable,
                                AdwExpanderRow *row)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_editable_get_text (editable));
}

static GtkWidget *
build_line (BespokePlanPage    *self,
            BespokeSupportLine *line)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (line));
  AdwExpanderRow *row = new_expander (self, uuid, bespoke_support_line_get_description (line));
  BespokeSupportType type = bespoke_support_line_get_support_type (line);
  gboolean paid = type == BESPOKE_SUPPORT_PAID;
  const char *types[G_N_ELEMENTS (support_types) + 1] = { NULL };
  const char *fundings[BESPOKE_FUNDING_NONE + 2] = { NULL };
  GtkLabel *error_label;
  GtkWidget *widget;
  GtkWidget *editor_row;

  gtk_widget_set_name (GTK_WIDGET (row), "support-line");

  for (guint i = 0; i < G_N_ELEMENTS (support_types); i++)
    types[i] = bespoke_enum_label (BESPOKE_TYPE_SUPPORT_TYPE, support_types[i]);
  for (guint i = 0; i <= BESPOKE_FUNDING_NONE; i++)
    fundings[i] = bespoke_enum_label (BESPOKE_TYPE_FUNDING, i);

  error_label = add_error_row (row);

  widget = text_row (self, _("What the support is"), bespoke_support_line_get_description (line),
                     uuid, apply_line_description, _("Change a support line"), error_label);
  g_signal_connect_object (widget, "changed", G_CALLBACK (on_line_description_changed_cb), row, 0);
  adw_expander_row_add_row (row, widget);

  {
    g_autoptr(GtkStringList) model = gtk_string_list_new (types);

    widget = adw_combo_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), _("Paid, or given by"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Paid, or given by"), -1);
    adw_combo_row_set_model (ADW_COMBO_ROW (widget), G_LIST_MODEL (model));
    for (guint i = 0; i < G_N_ELEMENTS (support_types); i++)
      if (support_types[i] == type)
        adw_combo_row_set_selected (ADW_COMBO_ROW (widget), i);
    g_object_set_data_full (G_OBJECT (widget), "bespoke-uuid", g_strdup (uuid), g_free);
    g_object_set_data (G_OBJECT (widget), "bespoke-error-label", error_label);
    g_signal_connect (widget, "notify::selected", G_CALLBACK (on_support_type_selected_cb), self);
    adw_expander_row_add_row (row, widget);
  }

  if (paid)
    {
      BespokeProduct *product = find_product (self, bespoke_support_line_get_product_uuid (line));
      BespokeProductKind kind = product ? bespoke_product_get_kind (product) : BESPOKE_PRODUCT_ONGOING;
      const char *kinds[] = { bespoke_enum_label (BESPOKE_TYPE_PRODUCT_KIND, 0), bespoke_enum_label (BESPOKE_TYPE_PRODUCT_KIND, 1),
                              bespoke_enum_label (BESPOKE_TYPE_PRODUCT_KIND, 2), NULL };
      GtkWidget *kind_combo = adw_combo_row_new ();
      GtkWidget *product_combo = adw_combo_row_new ();
      g_autoptr(GtkStringList) kind_model = gtk_string_list_new (kinds);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_combo), _("Kind of product"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (kind_combo), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of product"), -1);
      adw_combo_row_set_model (ADW_COMBO_ROW (kind_combo), G_LIST_MODEL (kind_model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind_combo), kind);
      g_object_set_data_full (G_OBJECT (kind_combo), "bespoke-uuid", g_strdup (uuid), g_free);
      g_object_set_data (G_OBJECT (kind_combo), "bespoke-product-combo", product_combo);
      g_signal_connect (kind_combo, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
      adw_expander_row_add_row (row, kind_combo);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (product_combo), _("Product"));
      /* a product's name, provider and price are long: in full, under the title */
      adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (product_combo), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (product_combo), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product"), -1);
      g_object_set_data_full (G_OBJECT (product_combo), "bespoke-uuid", g_strdup (uuid), g_free);
      g_object_set_data (G_OBJECT (product_combo), "bespoke-error-label", error_label);
      fill_product_combo (self, ADW_COMBO_ROW (product_combo), kind, bespoke_support_line_get_product_uuid (line));
      g_signal_connect (product_combo, "notify::selected", G_CALLBACK (on_product_selected_cb), self);
      adw_expander_row_add_row (row, product_combo);
    }

  adw_expander_row_add_row (row, text_row (self, paid ? _("Named worker (optional)") : _("Who gives it"),
                                           bespoke_support_line_get_worker (line),
                                           uuid, apply_line_worker, _("Change who gives support"), error_label));

  if (paid)
    {
      adw_expander_row_add_row (row, combo_row (self, _("Paid from"), fundings, bespoke_support_line_get_funding (line),
                                                uuid, apply_funding, _("Change how support is funded"), error_label));
      adw_expander_row_add_row (row, spin_row (self, _("Shared between"), _("People sharing this support; each pays their share"),
                                               bespoke_support_line_get_share_ratio (line), 1, 50,
                                               uuid, apply_share_ratio, _("Change the sharing")));
      adw_expander_row_add_row (row, spin_row (self, _("Staff each time"), NULL,
                                               bespoke_support_line_get_quantity (line), 1, 20,
                                               uuid, apply_quantity, _("Change the number of staff")));
      widget = spin_row (self, _("Discount (%)"), _("A special price agreed for this line"),
                         bespoke_support_line_get_discount_bp (line) / 100, 0, 100,
                         uuid, apply_line_discount, _("Change the discount"));
      gtk_widget_set_name (widget, "line-discount");
      adw_expander_row_add_row (row, widget);
      widget = spin_row (self, _("First units free"), _("A free offer: the first hours, nights or visits cost nothing"),
                         bespoke_support_line_get_free_units (line), 0, 10000,
                         uuid, apply_free_units, _("Change the free units"));
      gtk_widget_set_name (widget, "free-units");
      adw_expander_row_add_row (row, widget);
    }

  widget = bespoke_schedule_editor_new ();
  bespoke_schedule_editor_set_schedule (BESPOKE_SCHEDULE_EDITOR (widget), bespoke_support_line_get_schedule (line));
  g_object_set_data_full (G_OBJECT (widget), "bespoke-uuid", g_strdup (uuid), g_free);
  g_object_set_data (G_OBJECT (widget), "bespoke-error-label", error_label);
  gtk_widget_set_margin_start (widget, 12);
  gtk_widget_set_margin_end (widget, 12);
  gtk_widget_set_margin_top (widget, 12);
  gtk_widget_set_margin_bottom (widget, 12);
  g_signal_connect (widget, "changed", G_CALLBACK (on_schedule_changed_cb), self);
  editor_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (editor_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (editor_row), widget);
  adw_expander_row_add_row (row, editor_row);

  add_remove_row (self, row, uuid, _("Remove This Support"), _("Remove a support line"), _("Support line removed."));
  return GTK_WIDGET (row);
}

static void
on_add_line_clicked_cb (BespokePlanPage *self)
{
  g_autoptr(BespokeSupportLine) line = bespoke_support_line_new ();
  g_autoptr(BespokeSchedule) schedule = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  BespokeProduct *product = first_product_of_kind (self, BESPOKE_PRODUCT_ONGOING);

  flush_pending (self);
  schedule->weekdays = BESPOKE_WEEKDAY_BIT (G_DATE_MONDAY);
  schedule->start_minute = 9 * 60;
  schedule->duration_minutes = 60;
  schedule->every_weeks = 1;

  bespoke_support_line_set_plan_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (self->plan)));
  bespoke_support_line_set_position (line, next_position (self, BESPOKE_TYPE_SUPPORT_LINE));
  bespoke_support_line_set_description (line, _("New support"));
  bespoke_support_line_set_schedule (line, schedule);
  if (product != NULL)
    {
      bespoke_support_line_set_support_type (line, BESPOKE_SUPPORT_PAID);
      set_line_product (line, product);
      bespoke_support_line_set_funding (line, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
    }
  else
    {
      bespoke_support_line_set_support_type (line, BESPOKE_SUPPORT_FAMILY);
      bespoke_support_line_set_funding (line, BESPOKE_FUNDING_NONE);
    }
  if (save_record (self, BESPOKE_RECORD (line), _("Add a support line"), NULL, NULL))
    {
      g_hash_table_add (self->expanded, g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (line))));
      schedule_rebuild (self);
    }
}

/* An outcome's or a risk's row follows its record as it is saved */
static void
refresh_row (BespokePlanPage *self,
             BespokeRecord   *record)
{
  AdwExpanderRow *row = g_hash_table_lookup (self->rows, bespoke_record_get_uuid (record));
  g_autofree char *subtitle = NULL;
  const char *title = NULL;

  if (row == NULL)
    return;
  if (BESPOKE_IS_OUTCOME (record))
    {
      title = bespoke_outcome_get_statement (BESPOKE_OUTCOME (record));
      subtitle = outcome_subtitle (BESPOKE_OUTCOME (record));
    }
  else if (BESPOKE_IS_RISK (record))
    {
      title = bespoke_risk_get_description (BESPOKE_RISK (record));
      subtitle = risk_subtitle (BESPOKE_RISK (record));
    }
  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_expander_row_set_subtitle (row, subtitle);
}

/* Every line's cost, from the engine, under its description */
static void
update_costs (BespokePlanPage *self)
{
  g_autoptr(BespokeCostReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;
  report = bespoke_costing_report (self->store, bespoke_record_get_uuid (BESPOKE_RECORD (self->plan)), &error);

  for (guint i = 0; report != NULL && i < report->lines->len; i++)
    {
      BespokeLineCost *cost = g_ptr_array_index (report->lines, i);
      AdwExpanderRow *row = g_hash_table_lookup (self->rows, cost->line_uuid);
      g_autofree char *subtitle = NULL;

      if (row == NULL)
        continue;
      if (cost->paid)
        {
          g_autofree char *amount = bespoke_money_format (cost->cost);

          if (cost->contingent)
            /* Translators: a line's schedule, and its cost if its outcome is reached */
            subtitle = g_strdup_printf (_("%s · %s, only if the outcome is reached"), cost->schedule_summary, amount);
          else
            /* Translators: a line's schedule and its cost for the plan period */
            subtitle = g_strdup_printf (_("%s · %s for the plan"), cost->schedule_summary, amount);
        }
      else
        /* Translators: an unpaid line's schedule */
        subtitle = g_strdup_printf (_("%s · unpaid"), cost->schedule_summary);
      adw_expander_row_set_subtitle (row, subtitle);
    }
}

/* Building the page */

static void
clear_content (BespokePlanPage *self)
{
  GtkWidget *child;

  flush_pending (self);
  g_hash_table_remove_all (self->rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
add_records (BespokePlanPage *self,
             GType            type,
             GPtrArray      **out)
{
  *out = bespoke_store_list (self->store, type, bespoke_record_get_uuid (BESPOKE_RECORD (self->plan)), NULL);
  for (guint i = 0; *out != NULL && i < (*out)->len; i++)
    remember (self, g_ptr_array_index (*out, i));
}

static AdwPreferencesGroup *
new_group (BespokePlanPage *self,
           const char      *title,
           const char      *description,
           GtkWidget       *suffix)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_group_set_header_suffix (group, suffix);
  gtk_box_append (self->content, GTK_WIDGET (group));
  return group;
}

static void
rebuild (BespokePlanPage *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GPtrArray) refunds = NULL;
  AdwPreferencesGroup *group;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  clear_content (self);
  g_clear_object (&self->plan);
  bespoke_field_set_forget_all (self->fields);

  if (self->person == NULL || self->store == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No One Chosen"));
      adw_status_page_set_description (self->empty_page, _("Choose a person to see their support plan."));
      gtk_widget_set_visible (GTK_WIDGET (self->create_button), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->plan = find_latest_plan (self->store, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)));
  if (self->plan == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Plan Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("A plan holds what the person wants to achieve, their paid and unpaid support, and the risks. "
                                         "A new plan runs for the coming year, from 1 April to 31 March."));
      gtk_widget_set_visible (GTK_WIDGET (self->create_button), !bespoke_store_get_read_only (self->store));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  remember (self, self->plan);
  load_products (self);
  add_records (self, BESPOKE_TYPE_BUDGET, &budgets);
  add_records (self, BESPOKE_TYPE_OUTCOME, &outcomes);
  add_records (self, BESPOKE_TYPE_SUPPORT_LINE, &lines);
  add_records (self, BESPOKE_TYPE_RISK, &risks);
  add_records (self, BESPOKE_TYPE_ADJUSTMENT, &refunds);

  build_details (self);

  group = new_group (self, _("Outcomes"), _("What the person wants to achieve, how we will know, and by when."),
                     add_button (self, _("Add an Outcome"), G_CALLBACK (on_add_outcome_clicked_cb)));
  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    adw_preferences_group_add (group, build_outcome (self, g_ptr_array_index (outcomes, i)));

  group = new_group (self, _("Support"), _("Paid support beside what the person, family, friends, community and technology give."),
                     add_button (self, _("Add Support"), G_CALLBACK (on_add_line_clicked_cb)));
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    adw_preferences_group_add (group, build_line (self, g_ptr_array_index (lines, i)));

  group = new_group (self, _("Risks"), _("What could go wrong, how likely it is, how much it would matter, and what we will do."),
                     add_button (self, _("Add a Risk"), G_CALLBACK (on_add_risk_clicked_cb)));
  for (guint i = 0; risks != NULL && i < risks->len; i++)
    adw_preferences_group_add (group, build_risk (self, g_ptr_array_index (risks, i)));

  group = new_group (self, _("Refunds"), _("Money that comes back, on the day it comes back: it is taken off what is committed."),
                     add_button (self, _("Add a Refund"), G_CALLBACK (on_add_refund_clicked_cb)));
  for (guint i = 0; refunds != NULL && i < refunds->len; i++)
    adw_preferences_group_add (group, build_refund (self, g_ptr_array_index (refunds, i)));

  gtk_widget_set_sensitive (GTK_WIDGET (self->content), !bespoke_store_get_read_only (self->store));
  update_costs (self);
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static gboolean
rebuild_cb (gpointer data)
{
  BespokePlanPage *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (BespokePlanPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_cb, self, NULL);
}

static void
on_store_changed_cb (BespokeStore    *store,
                     GType            type,
                     const char      *uuid,
                     BespokePlanPage *self)
{
  /* the page's own saves are already on screen */
  if (bespoke_field_set_get_saving (self->fields))
    return;

  /* A change made elsewhere (an undo, another window): the page's copy
   * follows at once, so that a field still waiting to be saved is applied
   * to the record as it now is, not as it was. */
  bespoke_field_set_reload (self->fields, type, uuid);

  /* BESPOKE_TYPE_RECORD with no UUID: a snapshot restored, anything may have changed */
  if (type == BESPOKE_TYPE_RECORD || type == BESPOKE_TYPE_PLAN || type == BESPOKE_TYPE_SUPPORT_LINE ||
      type == BESPOKE_TYPE_OUTCOME || type == BESPOKE_TYPE_RISK || type == BESPOKE_TYPE_BUDGET ||
      type == BESPOKE_TYPE_ADJUSTMENT || type == BESPOKE_TYPE_PRODUCT || type == BESPOKE_TYPE_PROVIDER)
    schedule_rebuild (self);
}

/* The coming financial year: from the next 1 April to the 31 March after. */
static void
coming_year (GDate *start,
             GDate *end,
             GDate *review)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  if (g_date_time_get_month (now) >= 4)
    year++;
  g_date_set_dmy (start, 1, G_DATE_APRIL, (GDateYear) year);
  g_date_set_dmy (end, 31, G_DATE_MARCH, (GDateYear) (year + 1));
  g_date_set_dmy (review, 1, G_DATE_MARCH, (GDateYear) (year + 1));
}

static void
on_create_clicked_cb (BespokePlanPage *self)
{
  g_autoptr(BespokePlan) plan = bespoke_plan_new ();
  g_autoptr(BespokeBudget) budget = bespoke_budget_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *end_iso = NULL;
  g_autofree char *review_iso = NULL;
  GDate start, end, review;
  gboolean ok;

  if (self->person == NULL || self->store == NULL)
    return;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_clear (&review, 1);
  coming_year (&start, &end, &review);
  start_iso = bespoke_date_to_iso (&start);
  end_iso = bespoke_date_to_iso (&end);
  review_iso = bespoke_date_to_iso (&review);

  bespoke_plan_set_person_uuid (plan, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)));
  bespoke_plan_set_period_start (plan, start_iso);
  bespoke_plan_set_period_end (plan, end_iso);
  bespoke_plan_set_review_date (plan, review_iso);
  bespoke_plan_set_status (plan, BESPOKE_PLAN_DRAFT);
  bespoke_budget_set_plan_uuid (budget, bespoke_record_get_uuid (BESPOKE_RECORD (plan)));
  bespoke_budget_set_source (budget, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);

  if (self->history != NULL)
    {
      bespoke_history_begin_group (self->history, _("Create a plan"));
      ok = bespoke_history_save (self->history, plan, NULL, &error) &&
           bespoke_history_save (self->history, budget, NULL, &error);
      bespoke_history_end_group (self->history);
    }
  else
    ok = bespoke_store_save (self->store, plan, &error) &&
         bespoke_store_save (self->store, budget, &error);

  if (!ok)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      return;
    }
  rebuild (self);
}

/**
 * bespoke_plan_page_set_person:
 * @person: (nullable): whose plan to show, or %NULL for none
 *
 * Shows @person's latest plan, edits it through @history (or straight
 * into @store if there is none), and follows @store.
 */
void
bespoke_plan_page_set_person (BespokePlanPage *self,
                              BespokeStore    *store,
                              BespokeHistory  *history,
                              BespokePerson   *person)
{
  g_return_if_fail (BESPOKE_IS_PLAN_PAGE (self));
  g_return_if_fail (store == NULL || BESPOKE_IS_STORE (store));
  g_return_if_fail (history == NULL || BESPOKE_IS_HISTORY (history));
  g_return_if_fail (person == NULL || BESPOKE_IS_PERSON (person));

  flush_pending (self);
  if (self->store != store)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
    }
  g_set_object (&self->history, history);
  bespoke_field_set_set_store (self->fields, store, history);
  if (g_set_object (&self->person, person))
    g_hash_table_remove_all (self->expanded);
  rebuild (self);
}

/* Leaving the page (another page, another window, closing) keeps what
 * was typed. */
static void
bespoke_plan_page_unmap (GtkWidget *widget)
{
  flush_pending (BESPOKE_PLAN_PAGE (widget));

  GTK_WIDGET_CLASS (bespoke_plan_page_parent_class)->unmap (widget);
}

static void
bespoke_plan_page_dispose (GObject *object)
{
  BespokePlanPage *self = BESPOKE_PLAN_PAGE (object);

  flush_pending (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);
  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PLAN_PAGE);
  g_signal_handlers_disconnect_by_data (self->fields, self);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->person);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (bespoke_plan_page_parent_class)->dispose (object);
}

static void
bespoke_plan_page_finalize (GObject *object)
{
  BespokePlanPage *self = BESPOKE_PLAN_PAGE (object);

  g_clear_object (&self->fields);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->older_products, g_ptr_array_unref);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);

  G_OBJECT_CLASS (bespoke_plan_page_parent_class)->finalize (object);
}

static void
bespoke_plan_page_class_init (BespokePlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_plan_page_dispose;
  object_class->finalize = bespoke_plan_page_finalize;
  widget_class->unmap = bespoke_plan_page_unmap;

  g_type_ensure (BESPOKE_TYPE_SCHEDULE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-page.ui");
  gtk_widget_class_set_css_name (widget_class, "planpage");
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, content);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
}

static void
bespoke_plan_page_init (BespokePlanPage *self)
{
  self->fields = bespoke_field_set_new ();
  g_signal_connect (self->fields, "saved", G_CALLBACK (on_record_saved_cb), self);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->products = g_ptr_array_new_with_free_func (g_object_unref);
  self->older_products = g_ptr_array_new_with_free_func (g_object_unref);
  self->provider_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

GtkWidget *
bespoke_plan_page_new (void)
{
  return g_object_new (BESPOKE_TYPE_PLAN_PAGE, NULL);
}
