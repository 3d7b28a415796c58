/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-document-private.h"

/* The person's offer: a provider's menu for this person, what a family
 * chooses from.  Every current product under its kind (one-off,
 * defined-term, ongoing), each priced for one unit by the costing engine
 * itself, so the person's client-group and postcode premiums are in the
 * price exactly as they would be in the plan; the products already in the
 * plan marked with their cost for the plan period; and the outcome-based
 * one-offs with the outcome that pays them. */

typedef struct
{
  BespokeProduct *product;      /* the current version of a series */
  gint64          in_plan;      /* pence for the plan period, or -1 */
  char           *plan_outcome; /* the plan line's words, for an outcome-based one-off */
  gboolean        contingent;   /* in the plan, paid only if its outcome is reached */
} OfferItem;

static void
offer_item_free (OfferItem *item)
{
  g_clear_object (&item->product);
  g_free (item->plan_outcome);
  g_free (item);
}

/* The latest version of each series valid on @day */
static GPtrArray *
current_products (GPtrArray  *products,
                  const char *day)
{
  g_autoptr(GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) offer_item_free);

  for (guint i = 0; i < products->len; i++)
    {
      BespokeProduct *p = g_ptr_array_index (products, i);
      const char *series = bespoke_product_get_series_uuid (p);
      BespokeProduct *best;

      if (series == NULL)
        series = bespoke_record_get_uuid (BESPOKE_RECORD (p));
      if (g_strcmp0 (bespoke_product_get_valid_from (p), day) > 0)
        continue;
      best = g_hash_table_lookup (latest, series);
      if (best == NULL || bespoke_product_get_version (p) > bespoke_product_get_version (best))
        g_hash_table_insert (latest, (gpointer) series, p);
    }
  for (guint i = 0; i < products->len; i++)
    {
      BespokeProduct *p = g_ptr_array_index (products, i);
      const char *series = bespoke_product_get_series_uuid (p);

      if (g_hash_table_lookup (latest, series ? series : bespoke_record_get_uuid (BESPOKE_RECORD (p))) == p)
        {
          OfferItem *item = g_new0 (OfferItem, 1);
          item->product = g_object_ref (p);
          item->in_plan = -1;
          g_ptr_array_add (items, item);
        }
    }
  return items;
}

/* One unit of @product for @person in @plan's period, costed by the engine:
 * a quantity of one over one week (a month or a year for those units). */
static gboolean
unit_price (BespokePlan     *plan,
            BespokePerson   *person,
            BespokeProduct  *product,
            gint64          *out,
            GError         **error)
{
  g_autoptr(BespokeSupportLine) line = bespoke_support_line_new ();
  g_autoptr(BespokeSchedule) schedule = bespoke_schedule_new (BESPOKE_SCHEDULE_QUANTITY);
  g_autoptr(BespokeLineCost) cost = NULL;
  GDate start, end;

  if (!bespoke_date_parse (bespoke_plan_get_period_start (plan), &start, error))
    return FALSE;
  end = start;
  switch (bespoke_product_get_unit (product))
    {
    case BESPOKE_UNIT_MONTH:
      g_date_add_months (&end, 1);
      g_date_subtract_days (&end, 1);
      break;
    case BESPOKE_UNIT_YEAR:
      g_date_add_years (&end, 1);
      g_date_subtract_days (&end, 1);
      break;
    case BESPOKE_UNIT_EACH:
    case BESPOKE_UNIT_HOUR:
    case BESPOKE_UNIT_NIGHT:
    case BESPOKE_UNIT_DAY:
    case BESPOKE_UNIT_WEEK:
    default:
      g_date_add_days (&end, 6);
      break;
    }
  schedule->quantity_hundredths = 100;
  schedule->per = bespoke_product_get_unit (product) == BESPOKE_UNIT_MONTH ? BESPOKE_PER_MONTH : BESPOKE_PER_WEEK;
  schedule->term_start = g_date_get_julian (&start);
  schedule->term_end = g_date_get_julian (&end);
  bespoke_support_line_set_plan_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (plan)));
  bespoke_support_line_set_support_type (line, BESPOKE_SUPPORT_PAID);
  bespoke_support_line_set_product_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (product)));
  bespoke_support_line_set_funding (line, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
  bespoke_support_line_set_schedule (line, schedule);
  if (!bespoke_costing_cost_line (plan, person, line, product, &cost, error))
    return FALSE;
  *out = cost->cost;
  return TRUE;
}

/* Marks the products the plan uses with their cost for the period */
static void
mark_plan_products (BespokeStore      *store,
                    GPtrArray         *items,
                    GPtrArray         *lines,
                    BespokeCostReport *report)
{
  for (guint i = 0; i < report->lines->len; i++)
    {
      BespokeLineCost *lc = g_ptr_array_index (report->lines, i);
      const char *product_uuid = NULL;
      g_autoptr(BespokeProduct) used = NULL;

      for (guint l = 0; l < lines->len; l++)
        if (g_strcmp0 (bespoke_record_get_uuid (g_ptr_array_index (lines, l)), lc->line_uuid) == 0)
          product_uuid = bespoke_support_line_get_product_uuid (g_ptr_array_index (lines, l));
      if (product_uuid == NULL || !(used = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT, product_uuid, NULL)))
        continue;
      for (guint k = 0; k < items->len; k++)
        {
          OfferItem *item = g_ptr_array_index (items, k);

          if (g_strcmp0 (bespoke_product_get_series_uuid (item->product), bespoke_product_get_series_uuid (used)) != 0)
            continue;
          item->in_plan = MAX (item->in_plan, 0) + lc->cost;
          if (lc->contingent && item->plan_outcome == NULL)
            item->plan_outcome = g_strdup (lc->description);
          item->contingent |= lc->contingent;
        }
    }
}

static char *
price_text (BespokeProduct *product,
            gint64          price)
{
  g_autofree char *amount = _doc_money (price);
  BespokeUnit unit = bespoke_product_get_unit (product);

  if (bespoke_product_get_kind (product) == BESPOKE_PRODUCT_ONE_OFF || unit == BESPOKE_UNIT_EACH)
    return g_strdup (amount);
  return g_strdup_printf (_("%s per %s"), amount, bespoke_enum_label (BESPOKE_TYPE_UNIT, unit));
}

static char *
item_text (OfferItem *item)
{
  BespokeProduct *p = item->product;
  const char *description = bespoke_product_get_description (p);
  const char *outcome = item->plan_outcome ? item->plan_outcome : bespoke_product_get_default_outcome (p);
  GString *out = g_string_new (NULL);
  g_autofree char *name = _doc_escape (bespoke_product_get_name (p));

  g_string_append_printf (out, "<b>%s</b>", name);
  if (description != NULL && *description != '\0')
    {
      g_autofree char *text = _doc_escape (description);
      g_string_append_printf (out, "\n%s", text);
    }
  if (bespoke_product_get_kind (p) == BESPOKE_PRODUCT_DEFINED_TERM && bespoke_product_get_default_term_weeks (p) > 0)
    g_string_append_printf (out, _("\n<i>For a term of %u weeks.</i>"), bespoke_product_get_default_term_weeks (p));
  if (bespoke_product_get_outcome_based (p))
    {
      g_autofree char *text = g_markup_printf_escaped (_("\n<b>Paid only if the outcome is reached:</b> %s"),
                                                       outcome ? outcome : _("the outcome agreed with you"));
      g_string_append (out, text);
    }
  else if (bespoke_product_get_kind (p) == BESPOKE_PRODUCT_DEFINED_TERM && outcome != NULL)
    {
      g_autofree char *text = g_markup_printf_escaped (_("\n<i>Aims for:</i> %s"), outcome);
      g_string_append (out, text);
    }
  return g_string_free (out, FALSE);
}

static gboolean
add_kind (BespokeDocument     *self,
          BespokePlan         *plan,
          BespokePerson       *person,
          GPtrArray           *items,
          BespokeProductKind   kind,
          GError             **error)
{
  static const double widths[] = { 0.58, 0.2, 0.22 };
  static const PangoAlignment align[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT };
  DocBlock *table = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      OfferItem *item = g_ptr_array_index (items, i);
      g_autofree char *what = NULL;
      g_autofree char *price = NULL;
      g_autofree char *plan_cell = NULL;
      gint64 pence;

      if (bespoke_product_get_kind (item->product) != kind)
        continue;
      if (!unit_price (plan, person, item->product, &pence, error))
        return FALSE;
      if (table == NULL)
        {
          _doc_add_heading (self, 2, bespoke_enum_label (BESPOKE_TYPE_PRODUCT_KIND, kind));
          table = _doc_add_table (self, 3, widths, align, 1);
          _doc_table_add_row (table, _("Product"), _("Your price"), _("In your plan"), NULL);
        }
      what = item_text (item);
      price = price_text (item->product, pence);
      if (item->in_plan >= 0)
        {
          g_autofree char *amount = _doc_money (item->in_plan);
          plan_cell = item->contingent
                      ? g_markup_printf_escaped (_("<b>✓ %s</b>\nonly if the outcome is reached"), amount)
                      : g_markup_printf_escaped (_("<b>✓ %s</b>\nfor the plan period"), amount);
        }
      _doc_table_add_row (table, what, price, plan_cell ? plan_cell : "", NULL);
    }
  return TRUE;
}

static gboolean
load_plan (BespokeStore       *store,
           BespokePerson      *person,
           BespokePlan       **plan,
           GPtrArray         **lines,
           BespokeCostReport **report,
           GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  *plan = bespoke_plans_find_current (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*plan == NULL)
    {
      /* No plan yet: price for the coming year, with nothing in the plan */
      g_autoptr(BespokeBudget) budget = NULL;
      g_autoptr(GDate) today = g_date_new ();

      g_date_set_time_t (today, time (NULL));
      bespoke_plans_new_for_coming_year (person, today, plan, &budget);
      *lines = g_ptr_array_new_with_free_func (g_object_unref);
      return TRUE;
    }
  if (!(*lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, bespoke_record_get_uuid (BESPOKE_RECORD (*plan)), error)) ||
      !(*report = bespoke_costing_report (store, bespoke_record_get_uuid (BESPOKE_RECORD (*plan)), error)))
    return FALSE;
  return TRUE;
}

gboolean
_bespoke_document_build_offer (BespokeDocument  *self,
                               BespokeStore     *store,
                               BespokePerson    *person,
                               const char       *provider_uuid,
                               GError          **error)
{
  g_autoptr(BespokeProvider) provider = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(BespokeCostReport) report = NULL;
  g_autofree char *period = NULL;
  g_autofree char *intro = NULL;

  if (!(provider = bespoke_store_load (store, BESPOKE_TYPE_PROVIDER, provider_uuid, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                     _("There is no provider with the id %s. Choose a provider from the menus."), provider_uuid);
      return FALSE;
    }
  if (!(products = bespoke_store_list (store, BESPOKE_TYPE_PRODUCT, provider_uuid, error)) ||
      !load_plan (store, person, &plan, &lines, &report, error))
    return FALSE;

  /* The versions that hold when the plan starts */
  items = current_products (products, bespoke_plan_get_period_start (plan));
  if (report != NULL)
    mark_plan_products (store, items, lines, report);

  period = _doc_plan_period (plan);
  self->title = g_strdup_printf (_("%s’s offer for %s"), bespoke_provider_get_name (provider), bespoke_person_get_name (person));
  self->subject = g_strdup_printf (_("The menu of %s, priced for %s for %s"), bespoke_provider_get_name (provider),
                                   bespoke_person_get_name (person), period);
  self->footer = g_strdup (self->title);

  _doc_add_heading (self, 1, self->title);
  intro = g_markup_printf_escaped (_("Prices for %s, for the plan period %s, with any premiums for where %s lives "
                                     "or for their needs, worked out as they would be in the plan. Products marked ✓ "
                                     "are in the plan now, with their cost for the period."),
                                   _doc_person_name (person), period, _doc_person_name (person));
  _doc_add_paragraph (self, intro);
  if (bespoke_provider_get_contact (provider) != NULL)
    {
      g_autofree char *contact = g_markup_printf_escaped (_("<b>Contact:</b> %s"), bespoke_provider_get_contact (provider));
      _doc_add_paragraph (self, contact);
    }
  for (guint kind = BESPOKE_PRODUCT_ONE_OFF; kind <= BESPOKE_PRODUCT_ONGOING; kind++)
    if (!add_kind (self, plan, person, items, kind, error))
      return FALSE;
  return TRUE;
}
