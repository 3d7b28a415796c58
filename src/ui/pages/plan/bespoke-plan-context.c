/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-context"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-plan-context.h"
#include "bespoke-record-label.h"
#include "bespoke-date.h"

/**
 * BespokePlanContext:
 *
 * The state the Plan page's sections share while one plan is shown.
 */
struct _BespokePlanContext
{
  GObject          parent_instance;

  BespokeFieldSet *fields;
  BespokePlan     *plan;
  GHashTable      *expanded;        /* uuids of the open rows, kept over a rebuild */
  GPtrArray       *products;        /* BespokeProduct: the latest version of each */
  GPtrArray       *older_products;  /* BespokeProduct: older versions lines still use */
  GHashTable      *provider_names;  /* provider uuid → name */
  char            *focus_uuid;      /* the record whose row takes the focus after a rebuild */
};

G_DEFINE_FINAL_TYPE (BespokePlanContext, bespoke_plan_context, G_TYPE_OBJECT)

enum {
  REBUILD,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

BespokePlanContext *
bespoke_plan_context_new (BespokeFieldSet *fields)
{
  BespokePlanContext *self = g_object_new (BESPOKE_TYPE_PLAN_CONTEXT, NULL);

  self->fields = g_object_ref (fields);
  return self;
}

BespokeFieldSet *
bespoke_plan_context_get_fields (BespokePlanContext *self)
{
  return self->fields;
}

BespokeStore *
bespoke_plan_context_get_store (BespokePlanContext *self)
{
  return bespoke_field_set_get_store (self->fields);
}

BespokePlan *
bespoke_plan_context_get_plan (BespokePlanContext *self)
{
  return self->plan;
}

const char *
bespoke_plan_context_get_plan_uuid (BespokePlanContext *self)
{
  return self->plan ? bespoke_record_get_uuid (BESPOKE_RECORD (self->plan)) : NULL;
}

void
bespoke_plan_context_set_plan (BespokePlanContext *self,
                               BespokePlan        *plan)
{
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    bespoke_field_set_remember (self->fields, plan);
}

/**
 * bespoke_plan_context_load:
 *
 * Returns: (transfer container): the plan's records of @type, in the
 *   store's order, each remembered for the fields
 */
GPtrArray *
bespoke_plan_context_load (BespokePlanContext *self,
                           GType               type)
{
  GPtrArray *records = NULL;

  if (self->plan != NULL)
    records = bespoke_store_list (bespoke_plan_context_get_store (self), type,
                                  bespoke_plan_context_get_plan_uuid (self), NULL);
  if (records == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    bespoke_field_set_remember (self->fields, g_ptr_array_index (records, i));
  return records;
}

guint
bespoke_plan_context_next_position (BespokePlanContext *self,
                                    GType               type)
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

/* The day the plan starts, as a Julian day (today if it has none) */
guint32
bespoke_plan_context_get_start_day (BespokePlanContext *self)
{
  BespokePlan *plan = bespoke_plan_context_get_plan (self);
  GDate date;

  if (plan == NULL || !bespoke_date_parse (bespoke_plan_get_period_start (plan), &date, NULL))
    {
      g_date_clear (&date, 1);
      g_date_set_time_t (&date, time (NULL));
    }
  return g_date_get_julian (&date);
}

/* Saving */

void
bespoke_plan_context_toast (BespokePlanContext *self,
                            const char         *text)
{
  g_signal_emit (self, signals[TOAST], 0, text);
}

void
bespoke_plan_context_rebuild (BespokePlanContext *self)
{
  g_signal_emit (self, signals[REBUILD], 0);
}

/* Saves @copy, the new state of a record, if it is valid; otherwise says
 * why on @error_label and marks @widget, or in a toast without either.
 * The store is left unchanged. */
gboolean
bespoke_plan_context_save (BespokePlanContext *self,
                           BespokeRecord      *copy,
                           const char         *undo_label,
                           GtkWidget          *widget,
                           GtkLabel           *error_label)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_field_set_save (self->fields, copy, undo_label, &error))
    {
      bespoke_field_show_error (widget, error_label, error->message);
      if (widget == NULL && error_label == NULL)
        bespoke_plan_context_toast (self, error->message);
      return FALSE;
    }
  bespoke_field_show_error (widget, error_label, NULL);
  return TRUE;
}

/* After the next rebuild, the row of the record @uuid (if it is still
 * there) takes the keyboard focus and is scrolled into view. */
void
bespoke_plan_context_set_focus (BespokePlanContext *self,
                                const char         *uuid)
{
  g_free (self->focus_uuid);
  self->focus_uuid = g_strdup (uuid);
}

/* Returns: (transfer full) (nullable): the record to focus, forgotten */
char *
bespoke_plan_context_take_focus (BespokePlanContext *self)
{
  return g_steal_pointer (&self->focus_uuid);
}

/* A new outcome, line, risk or refund: saved, and shown open, with the
 * focus in its first field. */
void
bespoke_plan_context_add (BespokePlanContext *self,
                          BespokeRecord      *record,
                          const char         *undo_label)
{
  g_autofree char *label = NULL;

  /* "Add an outcome to %s": the plan, named by the core's rule for undo
   * labels ("Paul’s plan") */
  if (self->plan != NULL)
    undo_label = label = bespoke_undo_label_fill (undo_label, bespoke_plan_context_get_store (self),
                                                  BESPOKE_RECORD (self->plan));
  if (bespoke_plan_context_save (self, record, undo_label, NULL, NULL))
    {
      bespoke_plan_context_set_expanded (self, bespoke_record_get_uuid (record), TRUE);
      bespoke_plan_context_set_focus (self, bespoke_record_get_uuid (record));
      bespoke_plan_context_rebuild (self);
    }
}

void
bespoke_plan_context_remove (BespokePlanContext *self,
                             const char         *uuid,
                             const char         *undo_label,
                             const char         *done)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  bespoke_field_set_flush (self->fields);
  if (bespoke_field_set_lookup (self->fields, uuid) == NULL)
    return;
  if (!bespoke_field_set_delete (self->fields, uuid, undo_label, &error))
    {
      bespoke_plan_context_toast (self, error->message);
      return;
    }
  /* Translators: a toast after removing an outcome, a line or a risk */
  message = g_strdup_printf (_("%s Press Ctrl+Z to undo."), done);
  bespoke_plan_context_toast (self, message);
  bespoke_plan_context_rebuild (self);
}

/* Open rows */

gboolean
bespoke_plan_context_is_expanded (BespokePlanContext *self,
                                  const char         *uuid)
{
  return g_hash_table_contains (self->expanded, uuid);
}

void
bespoke_plan_context_set_expanded (BespokePlanContext *self,
                                   const char         *uuid,
                                   gboolean            expanded)
{
  if (expanded)
    g_hash_table_add (self->expanded, g_strdup (uuid));
  else
    g_hash_table_remove (self->expanded, uuid);
}

void
bespoke_plan_context_forget_expanded (BespokePlanContext *self)
{
  g_hash_table_remove_all (self->expanded);
}

/* Dates */

gboolean
bespoke_plan_apply_date (BespokeRecord  *record,
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
  if (!bespoke_date_parse_user (text, &date, error))
    {
      g_prefix_error (error, "%s: ", field_name);
      return FALSE;
    }
  iso = bespoke_date_to_iso (&date);
  g_object_set (record, property, iso, NULL);
  return TRUE;
}

/* Products */

void
bespoke_plan_context_load_products (BespokePlanContext *self)
{
  BespokeStore *store = bespoke_plan_context_get_store (self);
  g_autoptr(GPtrArray) providers = bespoke_store_list (store, BESPOKE_TYPE_PROVIDER, NULL, NULL);
  g_autoptr(GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_set_size (self->products, 0);
  g_ptr_array_set_size (self->older_products, 0);
  g_hash_table_remove_all (self->provider_names);

  for (guint p = 0; providers != NULL && p < providers->len; p++)
    {
      BespokeProvider *provider = g_ptr_array_index (providers, p);
      const char *provider_uuid = bespoke_record_get_uuid (BESPOKE_RECORD (provider));
      g_autoptr(GPtrArray) products = bespoke_store_list (store, BESPOKE_TYPE_PRODUCT, provider_uuid, NULL);

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

/* Returns: (transfer none): the latest version of each product */
GPtrArray *
bespoke_plan_context_get_products (BespokePlanContext *self)
{
  return self->products;
}

/* A line keeps the version of a product it bought, which may be older
 * than the menu's latest: it is loaded from the store, to show beside the
 * latest versions. */
BespokeProduct *
bespoke_plan_context_find_product (BespokePlanContext *self,
                                   const char         *uuid)
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
  product = bespoke_store_load (bespoke_plan_context_get_store (self), BESPOKE_TYPE_PRODUCT, uuid, NULL);
  if (product != NULL)
    g_ptr_array_add (self->older_products, product);
  return product;
}

BespokeProduct *
bespoke_plan_context_first_product (BespokePlanContext *self,
                                    BespokeProductKind  kind)
{
  for (guint i = 0; i < self->products->len; i++)
    if (bespoke_product_get_kind (g_ptr_array_index (self->products, i)) == kind)
      return g_ptr_array_index (self->products, i);
  return NULL;
}

char *
bespoke_plan_context_product_text (BespokePlanContext *self,
                                   BespokeProduct     *product)
{
  g_autofree char *price = bespoke_product_price_text (product);
  const char *provider = g_hash_table_lookup (self->provider_names, bespoke_product_get_provider_uuid (product));

  if (bespoke_product_get_outcome_based (product))
    /* Translators: an outcome-based product in a menu: its name, its provider and its price */
    return g_strdup_printf (_("%s — %s, %s, paid only if the outcome is reached"), bespoke_product_get_name (product),
                            provider ? provider : _("unknown provider"), price);
  /* Translators: a product in a menu: its name, its provider and its price */
  return g_strdup_printf (_("%s — %s, %s"), bespoke_product_get_name (product),
                          provider ? provider : _("unknown provider"), price);
}

static void
bespoke_plan_context_dispose (GObject *object)
{
  BespokePlanContext *self = BESPOKE_PLAN_CONTEXT (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->fields);
  if (self->products != NULL)
    g_ptr_array_set_size (self->products, 0);
  if (self->older_products != NULL)
    g_ptr_array_set_size (self->older_products, 0);

  G_OBJECT_CLASS (bespoke_plan_context_parent_class)->dispose (object);
}

static void
bespoke_plan_context_finalize (GObject *object)
{
  BespokePlanContext *self = BESPOKE_PLAN_CONTEXT (object);

  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->older_products, g_ptr_array_unref);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  g_clear_pointer (&self->focus_uuid, g_free);

  G_OBJECT_CLASS (bespoke_plan_context_parent_class)->finalize (object);
}

static void
bespoke_plan_context_class_init (BespokePlanContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bespoke_plan_context_dispose;
  object_class->finalize = bespoke_plan_context_finalize;

  /* The rows shown must be made again (a record added or removed). */
  signals[REBUILD] = g_signal_new ("rebuild", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A sentence for a toast. */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bespoke_plan_context_init (BespokePlanContext *self)
{
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->products = g_ptr_array_new_with_free_func (g_object_unref);
  self->older_products = g_ptr_array_new_with_free_func (g_object_unref);
  self->provider_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
