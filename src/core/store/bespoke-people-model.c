/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-people-model"

#include "config.h"

#include "bespoke-people-model.h"
#include "bespoke-person.h"
#include "bespoke-store-private.h"

#define PAGE_SIZE 100
#define MAX_PAGES (BESPOKE_PEOPLE_MODEL_MAX_CACHED_ROWS / PAGE_SIZE)

/* A search whose every word has at least this many entries in the search
 * index may match thousands: it shows its first page at once and counts
 * the rest on a thread (see reload_search()) */
#define BROAD_SEARCH 2000

/**
 * BespokePeopleModel:
 *
 * A #GListModel of #BespokePerson that reads from the store lazily: it
 * counts the matching people, and fetches a page of rows only when an item
 * on it is asked for.  At most %BESPOKE_PEOPLE_MODEL_MAX_CACHED_ROWS rows
 * are kept, in pages; a change in the store or in the search text drops
 * them and recounts.
 *
 * A broad search ("a" matches 10,000 of 100,000 people) is not counted
 * while typing: the model holds its first page at once, and the count
 * finishes on a thread of its own, with a connection of its own.  Then
 * #GListModel::items-changed adds the rest after the first page, and
 * #BespokePeopleModel:counting goes back to %FALSE.  A newer keystroke
 * cancels a count under way.
 */
struct _BespokePeopleModel
{
  GObject              parent_instance;

  BespokeStore        *store;
  BespokePeopleFilter  filter;
  char                *search;
  guint                n_items;
  GHashTable          *pages;        /* page number -> GPtrArray of BespokePerson */
  GHashTable          *previous;     /* during a reload: uuid -> the person cached before */
  guint                n_fetched;    /* rows read from the store, for tests and benchmarks */
  gboolean             dirty;        /* a person changed in the transaction being committed */
  gboolean             counting;     /* n_items is the first page; the count is on its way */
  guint                generation;   /* bumped by every reload: a count for an older one is dropped */
  GCancellable        *count_cancellable;
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
  PROP_COUNTING,
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

/* Puts @page in the cache.  During a reload, a person read again just as
 * the cache had them is the object the views already hold, so that
 * GtkListView keeps their row as it is instead of building and binding a
 * new one (after an import of 100,000 people, ~90 ms on the window's
 * thread for a screenful of new rows). */
static void
cache_page (BespokePeopleModel *self,
            guint               page_number,
            GPtrArray          *page)
{
  self->n_fetched += page->len;
  for (guint i = 0; self->previous != NULL && i < page->len; i++)
    {
      BespokeRecord *person = g_ptr_array_index (page, i);
      BespokeRecord *before = g_hash_table_lookup (self->previous, bespoke_record_get_uuid (person));

      if (before != NULL && bespoke_record_equal (before, person))
        {
          g_object_unref (person);
          page->pdata[i] = g_object_ref (before);
        }
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_number), page);
}

/* The people of every cached page, by uuid (see cache_page()) */
static GHashTable *
cached_people (BespokePeopleModel *self)
{
  GHashTable *people = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  GHashTableIter iter;
  GPtrArray *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    for (guint i = 0; i < page->len; i++)
      {
        BespokeRecord *person = g_ptr_array_index (page, i);

        g_hash_table_replace (people, (gpointer) bespoke_record_get_uuid (person), g_object_ref (person));
      }
  return people;
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
                                                page_number * PAGE_SIZE, PAGE_SIZE,
                                                self->counting ? G_MAXUINT : self->n_items, &error);
      if (page == NULL)
        {
          g_warning ("Could not read people: %s", error->message);
          return NULL;
        }
      cache_page (self, page_number, page);
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

typedef struct
{
  BespokeStore        *reader;  /* a connection of the count's own */
  BespokePeopleFilter  filter;
  char                *search;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_clear_object (&job->reader);
  g_free (job->search);
  g_free (job);
}

/* On a thread of the pool: the count, on a connection of its own */
static void
count_thread_cb (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CountJob *job = task_data;
  g_autoptr(GError) error = NULL;
  guint n;

  n = bespoke_store_count_people_cancellable (job->reader, job->filter, job->search, cancellable, &error);
  /* closed here, on the thread that used it, as soon as it is done */
  g_clear_object (&job->reader);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n);
}

/* Changes n_items to @n, telling the views what changed: the rows after
 * the first page come or go */
static void
set_n_items (BespokePeopleModel *self,
             guint               n)
{
  guint old_n = self->n_items;

  if (n == old_n)
    return;
  self->n_items = n;
  if (n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), n, old_n - n, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Who asked for a count: the task holds the model weakly, so that the
 * model never ends on the count's thread */
typedef struct
{
  GWeakRef model;
  guint    generation;
} CountAsker;

static void
count_asker_free (CountAsker *asker)
{
  g_weak_ref_clear (&asker->model);
  g_free (asker);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CountAsker, count_asker_free)

static void
count_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CountAsker) asker = user_data;
  g_autoptr(BespokePeopleModel) self = g_weak_ref_get (&asker->model);
  g_autoptr(GError) error = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);

  if (self == NULL || asker->generation != self->generation || self->store == NULL)
    return;  /* the model has gone, or a newer search has started */

  g_clear_object (&self->count_cancellable);
  if (error != NULL)
    {
      g_warning ("Could not count people: %s", error->message);
      n = 0;
    }
  self->counting = FALSE;
  set_n_items (self, (guint) n);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

/* A broad search: its first page now, the count on a thread.  Returns
 * FALSE if the search is narrow after all (the caller counts it). */
static gboolean
reload_broad (BespokePeopleModel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(BespokeStore) reader = NULL;
  GPtrArray *page;
  CountJob *job;
  CountAsker *asker;

  if (g_strcmp0 (bespoke_store_get_path (self->store), ":memory:") == 0)
    return FALSE;
  page = bespoke_store_list_people_counted (self->store, self->filter, self->search,
                                            0, PAGE_SIZE, G_MAXUINT, &error);
  if (page == NULL)
    {
      g_warning ("Could not read people: %s", error->message);
      return FALSE;
    }
  cache_page (self, 0, page);
  self->n_items = page->len;
  if (page->len < PAGE_SIZE)
    return TRUE;  /* that was all of them: no count, no second connection */

  /* opened here, where the store lives: the thread touches only its own.
   * Without one, the caller counts here; the first page read stays good. */
  if (!(reader = bespoke_store_open_reader (self->store, &error)))
    {
      g_debug ("No second connection to count on (%s): counting here", error->message);
      return FALSE;
    }
  /* the count reads the index once, in order: the kernel keeps its pages,
   * and a page cache of its own would only stay in the window's memory */
  _bespoke_store_exec (reader, "PRAGMA cache_size = -256", NULL);

  self->counting = TRUE;
  self->count_cancellable = g_cancellable_new ();
  job = g_new0 (CountJob, 1);
  job->reader = g_steal_pointer (&reader);
  job->filter = self->filter;
  job->search = g_strdup (self->search);
  asker = g_new0 (CountAsker, 1);
  g_weak_ref_init (&asker->model, self);
  asker->generation = self->generation;
  task = g_task_new (NULL, self->count_cancellable, count_done_cb, asker);
  g_task_set_source_tag (task, reload_broad);
  g_task_set_task_data (task, job, (GDestroyNotify) count_job_free);
  g_task_run_in_thread (task, count_thread_cb);
  return TRUE;
}

/* A search: a broad one shows its first page now and is counted on a
 * thread (reload_broad()); a narrow one reads its first page and its
 * count in one pass.  Returns FALSE with no search (the caller counts). */
static gboolean
reload_search (BespokePeopleModel *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *page;
  guint n_words = 0;
  guint bound;

  n_words = bespoke_store_people_search_n_words (self->search);
  if (n_words == 0)
    return FALSE;
  /* A broad word's first page is found within a few thousand rows of the
   * sort index, a narrow one's by looking up its few matches.  Several
   * words are read the second way whatever they match: their lists are
   * intersected in any case, and only once so ("a s": 554 of "a" 10,000
   * and "s" 9,600), where the first way would intersect them again to
   * page through the sort index. */
  if (n_words == 1)
    {
      bound = bespoke_store_people_match_bound (self->store, self->search, BROAD_SEARCH, NULL, NULL);
      if (bound >= BROAD_SEARCH && reload_broad (self))
        return TRUE;
    }

  page = bespoke_store_list_people_first (self->store, self->filter, self->search, PAGE_SIZE, &self->n_items, &error);
  if (page == NULL)
    {
      g_warning ("Could not read people: %s", error->message);
      self->n_items = 0;
      return TRUE;
    }
  cache_page (self, 0, page);
  return TRUE;
}

/**
 * bespoke_people_model_reload:
 *
 * Drops the cache, recounts (or starts counting, for a broad search), and
 * tells the views everything changed.
 */
void
bespoke_people_model_reload (BespokePeopleModel *self)
{
  g_autoptr(GError) error = NULL;
  gboolean was_counting;
  guint old_n;

  g_return_if_fail (BESPOKE_IS_PEOPLE_MODEL (self));

  old_n = self->n_items;
  was_counting = self->counting;
  self->generation++;
  self->counting = FALSE;
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->previous = cached_people (self);
  g_hash_table_remove_all (self->pages);

  if (!reload_search (self))
    {
      self->n_items = bespoke_store_count_people (self->store, self->filter, self->search, &error);
      if (error != NULL)
        g_warning ("Could not count people: %s", error->message);
    }

  /* the views ask for the rows they show while they hear of the change */
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  g_clear_pointer (&self->previous, g_hash_table_unref);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (was_counting != self->counting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
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
  self->generation++;
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
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
    case PROP_COUNTING:
      g_value_set_boolean (value, self->counting);
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
  /**
   * BespokePeopleModel:counting:
   *
   * Whether a broad search is still being counted on a thread: until it
   * is, the model holds only the search's first page.
   */
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE,
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

BespokePeopleFilter
bespoke_people_model_get_filter (BespokePeopleModel *self)
{
  g_return_val_if_fail (BESPOKE_IS_PEOPLE_MODEL (self), BESPOKE_PEOPLE_ALL);
  return self->filter;
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

/**
 * bespoke_people_model_get_counting:
 *
 * Returns: whether the count of a broad search is still on its way (see
 *   #BespokePeopleModel:counting)
 */
gboolean
bespoke_people_model_get_counting (BespokePeopleModel *self)
{
  g_return_val_if_fail (BESPOKE_IS_PEOPLE_MODEL (self), FALSE);
  return self->counting;
}

/**
 * bespoke_people_model_get_n_cached_rows:
 *
 * Returns: how many rows the model holds now, at most
 *   %BESPOKE_PEOPLE_MODEL_MAX_CACHED_ROWS
 */
guint
bespoke_people_model_get_n_cached_rows (BespokePeopleModel *self)
{
  GHashTableIter iter;
  gpointer page;
  guint n = 0;

  g_return_val_if_fail (BESPOKE_IS_PEOPLE_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &page))
    n += ((GPtrArray *) page)->len;
  return n;
}
