/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-menu-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-fold.h"
#include "bespoke-menu-model.h"
#include "bespoke-provider.h"
#include "bespoke-types.h"

/**
 * BespokeMenuModel:
 *
 * Every provider's menu as one list: the latest version of each product
 * (a #BespokeProduct), provider by provider in the store's order, with
 * the provider's name and a folded search text for each, so a chooser
 * can filter by what is typed.  It reads the store when made and on
 * bespoke_menu_model_reload(); it knows nothing of widgets.
 */
struct _BespokeMenuModel
{
  GObject       parent_instance;

  BespokeStore *store;
  GPtrArray    *products;        /* BespokeProduct */
  GHashTable   *provider_names;  /* provider uuid → name */
  GHashTable   *folded;          /* product uuid → folded "name provider" */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BespokeMenuModel, bespoke_menu_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return BESPOKE_TYPE_PRODUCT;
}

static guint
get_n_items (GListModel *model)
{
  return BESPOKE_MENU_MODEL (model)->products->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BespokeMenuModel *self = BESPOKE_MENU_MODEL (model);

  if (position >= self->products->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->products, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* The latest version of each of a provider's products, in the store's
 * order, added to @products */
static void
add_latest (GPtrArray *products,
            GPtrArray *versions)
{
  g_autoptr(GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; i < versions->len; i++)
    {
      BespokeProduct *product = g_ptr_array_index (versions, i);
      const char *series = bespoke_product_get_series_uuid (product);
      BespokeProduct *other;

      if (series == NULL || *series == '\0')
        series = bespoke_record_get_uuid (BESPOKE_RECORD (product));
      other = g_hash_table_lookup (latest, series);
      if (other != NULL && bespoke_product_get_version (other) >= bespoke_product_get_version (product))
        continue;
      if (other != NULL)
        g_ptr_array_remove (kept, other);
      g_hash_table_insert (latest, (gpointer) series, product);
      g_ptr_array_add (kept, product);
    }
  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_add (products, g_object_ref (g_ptr_array_index (kept, i)));
}

/**
 * bespoke_menu_model_reload:
 *
 * Reads the menus again; the list says what changed with
 * #GListModel::items-changed.
 */
gboolean
bespoke_menu_model_reload (BespokeMenuModel  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func (g_object_unref);
  guint removed = self->products->len;

  g_return_val_if_fail (BESPOKE_IS_MENU_MODEL (self), FALSE);

  if (!(providers = bespoke_store_list (self->store, BESPOKE_TYPE_PROVIDER, NULL, error)))
    return FALSE;
  g_hash_table_remove_all (self->provider_names);
  g_hash_table_remove_all (self->folded);
  for (guint p = 0; p < providers->len; p++)
    {
      BespokeProvider *provider = g_ptr_array_index (providers, p);
      const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (provider));
      g_autoptr(GPtrArray) versions = bespoke_store_list (self->store, BESPOKE_TYPE_PRODUCT, uuid, error);

      if (versions == NULL)
        return FALSE;
      g_hash_table_insert (self->provider_names, g_strdup (uuid), g_strdup (bespoke_provider_get_name (provider)));
      add_latest (products, versions);
    }
  for (guint i = 0; i < products->len; i++)
    {
      BespokeProduct *product = g_ptr_array_index (products, i);
      g_autofree char *text = g_strdup_printf ("%s %s", bespoke_product_get_name (product) ?: "",
                                               bespoke_menu_model_get_provider_name (self, product));

      g_hash_table_insert (self->folded, g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (product))),
                           bespoke_fold (text));
    }

  g_ptr_array_unref (self->products);
  self->products = g_steal_pointer (&products);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->products->len);
  return TRUE;
}

/**
 * bespoke_menu_model_get_provider_name:
 *
 * Returns: (transfer none): the name of @product's provider, or "Unknown
 *   provider"
 */
const char *
bespoke_menu_model_get_provider_name (BespokeMenuModel *self,
                                      BespokeProduct   *product)
{
  const char *name;

  g_return_val_if_fail (BESPOKE_IS_MENU_MODEL (self), NULL);
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (product), NULL);

  name = g_hash_table_lookup (self->provider_names, bespoke_product_get_provider_uuid (product) ?: "");
  return name ? name : _("Unknown provider");
}

/**
 * bespoke_menu_model_matches:
 * @query: (nullable): what was typed
 *
 * Returns: %TRUE when each word of @query is in @product's name or its
 *   provider's, accents and case aside ("sleep", "SLEEP-IN", "hillside")
 */
gboolean
bespoke_menu_model_matches (BespokeMenuModel *self,
                            BespokeProduct   *product,
                            const char       *query)
{
  const char *folded;

  g_return_val_if_fail (BESPOKE_IS_MENU_MODEL (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (product), FALSE);

  folded = g_hash_table_lookup (self->folded, bespoke_record_get_uuid (BESPOKE_RECORD (product)));
  return bespoke_fold_matches (folded ? folded : "", query);
}

/**
 * bespoke_menu_model_describe:
 *
 * What a screen reader says for @product in a list: "Sleep-in, Hillside
 * Support, £90.00 a night".
 *
 * Returns: (transfer full): the text
 */
char *
bespoke_menu_model_describe (BespokeMenuModel *self,
                             BespokeProduct   *product)
{
  g_autofree char *price = NULL;

  g_return_val_if_fail (BESPOKE_IS_MENU_MODEL (self), NULL);
  g_return_val_if_fail (BESPOKE_IS_PRODUCT (product), NULL);

  price = bespoke_product_price_text (product);
  /* Translators: a product in a list: its name, its provider and its price */
  return g_strdup_printf (_("%s, %s, %s"), bespoke_product_get_name (product) ?: "",
                          bespoke_menu_model_get_provider_name (self, product), price);
}

BespokeMenuModel *
bespoke_menu_model_new (BespokeStore *store)
{
  BespokeMenuModel *self;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  self = g_object_new (BESPOKE_TYPE_MENU_MODEL, NULL);
  self->store = g_object_ref (store);
  bespoke_menu_model_reload (self, NULL);
  return self;
}

static void
bespoke_menu_model_finalize (GObject *object)
{
  BespokeMenuModel *self = BESPOKE_MENU_MODEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  g_clear_pointer (&self->folded, g_hash_table_unref);

  G_OBJECT_CLASS (bespoke_menu_model_parent_class)->finalize (object);
}

static void
bespoke_menu_model_class_init (BespokeMenuModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bespoke_menu_model_finalize;
}

static void
bespoke_menu_model_init (BespokeMenuModel *self)
{
  self->products = g_ptr_array_new_with_free_func (g_object_unref);
  self->provider_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
