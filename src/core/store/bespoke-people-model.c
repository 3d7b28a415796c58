/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-people-model"

#include "config.h"

#include "bespoke-people-model.h"
#include "bespoke-person.h"

#define PAGE_SIZE 100
#define MAX_PAGES 20

/**
 * BespokePeopleModel:
 *
 * A #GListModel of #BespokePerson that reads from the store lazily: it
 * counts the matching people, and fetches a page of rows only when an item
 * on it is asked for.  A few pages are cached; a change in the store or in
 * the search text drops the cache and recounts.
 */
struct _BespokePeopleModel
{
  GObject              parent_instance;

  BespokeStore        *store;
  BespokePeopleFilter  filter;
  char                *search;
  guint                n_items;
  GHashTable          *pages;        /* page number -> GPtrArray of BespokePerson */
  guint                n_fetched;    /* rows read from the store, for tests and benchmarks */
  gboolean             dirty;        /* a person changed in the transaction being committed */
  gulong               changed_id;
  gulong               committed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BespokePeopleModel, bespoke_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return BESPOKE_TYPE_PERSON;
}

static guint
get_n_items (GListModel *model)
{
  return BESPOKE_PEOPLE_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BespokePeopleModel *self = BESPOKE_PEOPLE_MODEL (model);
  guint page_number = position / PAGE_SIZE;
  GPtrArray *page;

  if (position >= self->n_items)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_number));
  if (page == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);

      page = bespoke_store_list_people_counted (self->store, self->filter, self->search,
                                                page_number * PAGE_SIZE, PAGE_SIZE, self->n_items, &error);
      if (page == NULL)
        {
          g_warning ("Could not read people: %s", error->message);
          return NULL;
        }
      self->n_fetched += page->len;
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_number), page);
    }

  if (position % PAGE_SIZE >= page->len)
    return NULL;  /* the store changed under us; a reload is on its way */

  return g_object_ref (g_ptr_array_index (page, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/**
 * bespoke_people_model_reload:
 *
 * Drops the cache, recounts, and tells the views everything changed.
 */
void
bespoke_people_model_reload (BespokePeopleModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n;

  g_return_if_fail (BESPOKE_IS_PEOPLE_MODEL (self));

  old_n = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = bespoke_store_count_people (self->store, self->filter, self->search, &error);
  if (error != NULL)
    g_warning ("Could not count people: %s", error->message);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* A commit that saves a thousand people reloads once, not a thousand times. */
static void
store_changed_cb (BespokePeopleModel *self,
                  GType               type,
                  const char         *uuid,
                  BespokeStore       *store)
{
  /* BESPOKE_TYPE_RECORD: the whole database changed (a restore) */
  if (type == BESPOKE_TYPE_PERSON || type == BESPOKE_TYPE_RECORD)
    self->dirty = TRUE;
}

static void
store_committed_cb (BespokePeopleModel *self,
                    BespokeStore       *store)
{
  if (self->dirty)
    {
      self->dirty = FALSE;
      bespoke_people_model_reload (self);
    }
}

static void
bespoke_people_model_dispose (GObject *object)
{
  BespokePeopleModel *self = (BespokePeopleModel *)object;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_signal_handler (&self->committed_id, self->store);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bespoke_people_model_parent_class)->dispose (object);
}

static void
bespoke_people_model_finalize (GObject *object)
{
  BespokePeopleModel *self = (BespokePeopleModel *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (bespoke_people_model_parent_class)->finalize (object);
}

static void
bespoke_people_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BespokePeopleModel *self = BESPOKE_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_people_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BespokePeopleModel *self = BESPOKE_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      bespoke_people_model_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_people_model_class_init (BespokePeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bespoke_people_model_dispose;
  object_class->finalize = bespoke_people_model_finalize;
  object_class->get_property = bespoke_people_model_get_property;
  object_class->set_property = bespoke_people_model_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bespoke_people_model_init (BespokePeopleModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * bespoke_people_model_new:
 *
 * Returns: (transfer full): a model of the people @filter selects.  It
 *   counts them now and reads no row until an item is asked for.
 */
BespokePeopleModel *
bespoke_people_model_new (BespokeStore        *store,
                          BespokePeopleFilter  filter)
{
  BespokePeopleModel *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  self = g_object_new (BESPOKE_TYPE_PEOPLE_MODEL, NULL);
  self->store = g_object_ref (store);
  self->filter = filter;
  self->n_items = bespoke_store_count_people (store, filter, NULL, &error);
  if (error != NULL)
    g_warning ("Could not count people: %s", error->message);
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  self->committed_id = g_signal_connect_object (store, "committed", G_CALLBACK (store_committed_cb),
                                                self, G_CONNECT_SWAPPED);
  return self;
}

BespokeStore *
bespoke_people_model_get_store (BespokePeopleModel *self)
{
  g_return_val_if_fail (BESPOKE_IS_PEOPLE_MODEL (self), NULL);
  return self->store;
}

const char *
bespoke_people_model_get_search (BespokePeopleModel *self)
{
  g_return_val_if_fail (BESPOKE_IS_PEOPLE_MODEL (self), NULL);
  return self->search;
}

void
bespoke_people_model_set_search (BespokePeopleModel *self,
                                 const char         *search)
{
  g_return_if_fail (BESPOKE_IS_PEOPLE_MODEL (self));

  if (g_strcmp0 (self->search, search) != 0)
    {
      g_free (self->search);
      self->search = g_strdup (search);
      bespoke_people_model_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
    }
}

/**
 * bespoke_people_model_get_n_fetched_rows:
 *
 * Returns: how many rows the model has read from the store so far.
 */
guint
bespoke_people_model_get_n_fetched_rows (BespokePeopleModel *self)
{
  g_return_val_if_fail (BESPOKE_IS_PEOPLE_MODEL (self), 0);
  return self->n_fetched;
}
