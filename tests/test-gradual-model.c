/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BespokeGradualModel: a large change shown a step at a time, every
 * ::items-changed it emits true to what it then holds, and nothing lost. */
#define G_LOG_DOMAIN "test-gradual-model"

#include "config.h"

#include <gio/gio.h>

#include "bespoke-gradual-model.h"

/* A copy of the model kept only from its ::items-changed signals, as a
 * list view keeps its rows, and each signal's figures */
typedef struct
{
  GListModel *model;
  GPtrArray  *mirror;  /* the items, as the signals said */
  GArray     *changes; /* guint[3] each: position, removed, added */
} Watch;

static void
watch_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  guint change[3] = { position, removed, added };

  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (model, position + i));
  g_array_append_vals (watch->changes, change, 1);
  g_assert_cmpuint (watch->mirror->len, ==, g_list_model_get_n_items (model));
}

static Watch *
watch_new (GListModel *model)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->model = model;
  watch->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  watch->changes = g_array_new (FALSE, FALSE, sizeof (guint[3]));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (watch->mirror, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (watch_changed_cb), watch);
  return watch;
}

static void
watch_free (Watch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->model, watch);
  g_ptr_array_unref (watch->mirror);
  g_array_unref (watch->changes);
  g_free (watch);
}

/* The copy holds what the model holds, item for item. */
static void
assert_mirror (Watch *watch)
{
  g_assert_cmpuint (watch->mirror->len, ==, g_list_model_get_n_items (watch->model));
  for (guint i = 0; i < watch->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (watch->model, i);

      g_assert_true (item == g_ptr_array_index (watch->mirror, i));
    }
}

/* The gradual model holds the store's items in order, @hidden of them not
 * yet, from the store's @hide_at. */
static void
assert_shows (BespokeGradualModel *gradual,
              GListStore          *store,
              guint                hide_at,
              guint                hidden)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_assert_cmpuint (bespoke_gradual_model_get_n_hidden (gradual), ==, hidden);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gradual)), ==, n - hidden);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      guint position = bespoke_gradual_model_get_position (gradual, i);

      if (i >= hide_at && i < hide_at + hidden)
        g_assert_cmpuint (position, ==, G_MAXUINT);
      else
        {
          g_autoptr(GObject) shown = g_list_model_get_item (G_LIST_MODEL (gradual), position);

          g_assert_cmpuint (position, ==, i < hide_at ? i : i - hidden);
          g_assert_true (shown == item);
        }
    }
}

static void
fill (GListStore *store,
      guint       position,
      guint       n)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_simple_action_new ("item", NULL));
  g_list_store_splice (store, position, 0, items->pdata, n);
}

static guint *
change_at (Watch *watch,
           guint  i)
{
  g_assert_cmpuint (i, <, watch->changes->len);
  return (guint *) (watch->changes->data + i * sizeof (guint[3]));
}

/* A few items at a time: passed on as they come. */
static void
test_gradual_small (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(BespokeGradualModel) gradual = bespoke_gradual_model_new (G_LIST_MODEL (store), 10);
  Watch *watch = watch_new (G_LIST_MODEL (gradual));

  fill (store, 0, 10);             /* a step's worth: all at once */
  fill (store, 5, 3);
  g_list_store_remove (store, 0);
  assert_shows (gradual, store, 0, 0);
  g_assert_cmpuint (watch->changes->len, ==, 3);
  g_assert_cmpuint (change_at (watch, 0)[2], ==, 10);
  assert_mirror (watch);
  watch_free (watch);
}

/* An empty list given 1,000 items: 10, then 10 a step until the list view
 * has built its rows (200: 19 more steps of 10), then the other 800 at
 * once. */
static void
test_gradual_steps (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(BespokeGradualModel) gradual = bespoke_gradual_model_new (G_LIST_MODEL (store), 10);
  Watch *watch = watch_new (G_LIST_MODEL (gradual));
  guint steps = 0;

  g_assert_cmpuint (BESPOKE_GRADUAL_MODEL_ROWS_BUILT, ==, 200);
  fill (store, 0, 1000);
  assert_shows (gradual, store, 10, 990);
  while (bespoke_gradual_model_step (gradual))
    {
      steps++;
      assert_shows (gradual, store, 10 + 10 * steps, 990 - 10 * steps);
    }
  g_assert_cmpuint (steps, ==, 19);
  assert_shows (gradual, store, 0, 0);
  g_assert_cmpuint (watch->changes->len, ==, 21);
  for (guint i = 0; i < 20; i++)
    {
      g_assert_cmpuint (change_at (watch, i)[0], ==, 10 * i);
      g_assert_cmpuint (change_at (watch, i)[1], ==, 0);
      g_assert_cmpuint (change_at (watch, i)[2], ==, 10);
    }
  g_assert_cmpuint (change_at (watch, 20)[0], ==, 200);
  g_assert_cmpuint (change_at (watch, 20)[2], ==, 800);
  g_assert_false (bespoke_gradual_model_step (gradual));
  assert_mirror (watch);
  watch_free (watch);
}

/* The steps come by themselves, a frame apart, from the main loop. */
static void
test_gradual_main_loop (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(BespokeGradualModel) gradual = bespoke_gradual_model_new (G_LIST_MODEL (store), 50);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  Watch *watch;

  fill (store, 0, 20);
  watch = watch_new (G_LIST_MODEL (gradual));
  fill (store, 20, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gradual)), ==, 70);
  while (bespoke_gradual_model_get_n_hidden (gradual) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* 50 at 20, then 50 a step from 70 to 220 (run of 200), then the rest */
  g_assert_cmpuint (watch->changes->len, ==, 5);
  g_assert_cmpuint (change_at (watch, 4)[0], ==, 220);
  g_assert_cmpuint (change_at (watch, 4)[2], ==, 5020 - 220);
  assert_shows (gradual, store, 0, 0);
  assert_mirror (watch);
  watch_free (watch);
}

/* A long list replaced whole (a reload after an import): passed on at
 * once, since the list view may be scrolled anywhere in it. */
static void
test_gradual_replace_long (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(BespokeGradualModel) gradual = bespoke_gradual_model_new (G_LIST_MODEL (store), 10);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Watch *watch;

  fill (store, 0, 500);
  bespoke_gradual_model_show_all (gradual);
  watch = watch_new (G_LIST_MODEL (gradual));
  for (guint i = 0; i < 600; i++)
    g_ptr_array_add (items, g_simple_action_new ("new", NULL));
  g_list_store_splice (store, 0, 500, items->pdata, items->len);
  assert_shows (gradual, store, 0, 0);
  g_assert_cmpuint (watch->changes->len, ==, 1);
  g_assert_cmpuint (change_at (watch, 0)[1], ==, 500);
  g_assert_cmpuint (change_at (watch, 0)[2], ==, 600);
  assert_mirror (watch);
  watch_free (watch);
}

/* Changes while items are still to come: after them, before them, among
 * them, just after them, over them; each signal true to the model, and
 * every item there in the end. */
static void
test_gradual_changes_meanwhile (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(BespokeGradualModel) gradual = bespoke_gradual_model_new (G_LIST_MODEL (store), 10);
  Watch *watch = watch_new (G_LIST_MODEL (gradual));
  guint n_changes;

  fill (store, 0, 5);                       /* 5, shown at once */
  fill (store, 0, 100);                     /* 100 before them: 10 now, 90 to come */
  assert_shows (gradual, store, 10, 90);
  fill (store, 102, 2);                     /* after them: moved up by 90 */
  g_assert_cmpuint (change_at (watch, 2)[0], ==, 12);   /* the 10 shown, then 2 of the 5 */
  g_assert_cmpuint (change_at (watch, 2)[2], ==, 2);
  assert_shows (gradual, store, 10, 90);
  fill (store, 3, 4);                       /* a few before them: they move down */
  assert_shows (gradual, store, 14, 90);

  /* among them: one fewer to come, and nothing to say yet */
  n_changes = watch->changes->len;
  g_list_store_remove (store, 50);
  assert_shows (gradual, store, 14, 89);
  g_assert_cmpuint (watch->changes->len, ==, n_changes);

  /* 500 just after them (a broad search's count, after its first page):
   * they come with them, not all at once */
  fill (store, 14 + 89, 500);
  assert_shows (gradual, store, 14, 589);
  g_assert_cmpuint (watch->changes->len, ==, n_changes);
  g_assert_true (bespoke_gradual_model_step (gradual));
  assert_shows (gradual, store, 24, 579);

  /* over 19 shown (5 to 23) and into them: more than a step of shown
   * items taken away, so everything at once */
  g_list_store_splice (store, 5, 20, NULL, 0);
  assert_shows (gradual, store, 0, 0);
  assert_mirror (watch);

  /* 100 at the top of a list all shown: 10 now, 90 to come; then 100
   * more at the top, over the 10 shown (taken away: no more than a step)
   * and the 90: 200 from the top, 10 now and 190 to come */
  fill (store, 0, 100);
  assert_shows (gradual, store, 10, 90);
  fill (store, 0, 100);
  assert_shows (gradual, store, 10, 190);
  bespoke_gradual_model_show_all (gradual);
  assert_shows (gradual, store, 0, 0);
  assert_mirror (watch);
  watch_free (watch);
}

/* Random changes of a store and random steps, seeded: after each, every
 * signal was true to the model; at the end, all of the store is shown. */
static void
test_gradual_random (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
      g_autoptr(BespokeGradualModel) gradual = bespoke_gradual_model_new (G_LIST_MODEL (store), 7);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      Watch *watch = watch_new (G_LIST_MODEL (gradual));

      for (guint op = 0; op < 300; op++)
        {
          guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
          guint position = g_rand_int_range (rand, 0, n + 1);
          guint removed = g_rand_int_range (rand, 0, n - position + 1);

          if (g_rand_boolean (rand))
            {
              g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
              guint added = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 4)
                                                  : g_rand_int_range (rand, 0, 300);

              guint at_most = g_rand_int_range (rand, 0, 12);

              removed = MIN (removed, at_most);
              for (guint i = 0; i < added; i++)
                g_ptr_array_add (items, g_simple_action_new ("item", NULL));
              g_list_store_splice (store, position, removed, items->pdata, added);
            }
          else
            bespoke_gradual_model_step (gradual);
          assert_mirror (watch);
        }
      bespoke_gradual_model_show_all (gradual);
      assert_shows (gradual, store, 0, 0);
      assert_mirror (watch);
      watch_free (watch);
    }
}

/* Step 0: every change at once.  A model swapped in shows its items: all
 * at once when the list had more than a step shown, in steps into an
 * empty list. */
static void
test_gradual_no_step (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(GListStore) other = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(BespokeGradualModel) whole = bespoke_gradual_model_new (NULL, 0);
  g_autoptr(BespokeGradualModel) gradual = bespoke_gradual_model_new (NULL, 10);
  Watch *watch = watch_new (G_LIST_MODEL (gradual));
  Watch *whole_watch = watch_new (G_LIST_MODEL (whole));

  fill (store, 0, 1000);
  bespoke_gradual_model_set_model (whole, G_LIST_MODEL (store));
  assert_shows (whole, store, 0, 0);
  fill (store, 1000, 500);
  assert_shows (whole, store, 0, 0);
  assert_mirror (whole_watch);

  fill (other, 0, 300);
  bespoke_gradual_model_set_model (gradual, G_LIST_MODEL (store));
  assert_shows (gradual, store, 10, 1490); /* into an empty list: in steps */
  bespoke_gradual_model_show_all (gradual);
  bespoke_gradual_model_set_model (gradual, G_LIST_MODEL (other));
  assert_shows (gradual, other, 0, 0);   /* 1,500 shown were taken away */
  bespoke_gradual_model_set_model (gradual, NULL);
  bespoke_gradual_model_set_model (gradual, G_LIST_MODEL (store));
  assert_shows (gradual, store, 10, 1490);
  assert_mirror (watch);
  watch_free (whole_watch);
  watch_free (watch);
}

/* An item asked for (a person to choose) is shown at once, with all the
 * others still to come; one already shown changes nothing. */
static void
test_gradual_show_item (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(BespokeGradualModel) gradual = bespoke_gradual_model_new (G_LIST_MODEL (store), 10);
  Watch *watch = watch_new (G_LIST_MODEL (gradual));

  fill (store, 0, 5);
  fill (store, 0, 100);                     /* 10 shown, 90 to come, then the 5 */
  g_assert_cmpuint (bespoke_gradual_model_show_item (gradual, 3), ==, 3);
  g_assert_cmpuint (bespoke_gradual_model_show_item (gradual, 102), ==, 12);
  assert_shows (gradual, store, 10, 90);
  g_assert_cmpuint (bespoke_gradual_model_show_item (gradual, 60), ==, 60);
  assert_shows (gradual, store, 0, 0);
  assert_mirror (watch);
  watch_free (watch);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gradual-model/small", test_gradual_small);
  g_test_add_func ("/gradual-model/steps", test_gradual_steps);
  g_test_add_func ("/gradual-model/main-loop", test_gradual_main_loop);
  g_test_add_func ("/gradual-model/replace-long", test_gradual_replace_long);
  g_test_add_func ("/gradual-model/changes-meanwhile", test_gradual_changes_meanwhile);
  g_test_add_func ("/gradual-model/random", test_gradual_random);
  g_test_add_func ("/gradual-model/no-step", test_gradual_no_step);
  g_test_add_func ("/gradual-model/show-item", test_gradual_show_item);

  return g_test_run ();
}
