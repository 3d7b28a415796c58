/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-test-people-model"

#include <sqlite3.h>

#include "bespoke-core.h"
#include "bespoke-store-private.h"
#include "bespoke-test-util.h"
#include "people-model-test-util.h"

#define N_PEOPLE 1000

typedef struct
{
  BespokeStore *store;
} Fixture;

/* People 1 to 1000: every tenth is "Smith NNNN", the others "Jones NNNN".
 * In name order that is the 900 Joneses, then the 100 Smiths. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = bespoke_store_open (":memory:", &error);
  g_assert_no_error (error);

  g_assert_true (bespoke_store_begin (f->store, &error));
  for (guint i = 1; i <= N_PEOPLE; i++)
    {
      g_autoptr(BespokePerson) p = bespoke_person_new ();
      g_autofree char *name = g_strdup_printf ("%s %04u", i % 10 == 0 ? "Smith" : "Jones", i);

      bespoke_person_set_name (p, name);
      g_assert_true (bespoke_store_save (f->store, p, &error));
      g_assert_no_error (error);
    }
  g_assert_true (bespoke_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

static void
save_person (BespokeStore *store,
             const char   *name,
             gboolean      staff)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) p = bespoke_person_new ();

  bespoke_person_set_name (p, name);
  bespoke_person_set_is_staff (p, staff);
  g_assert_true (bespoke_store_save (store, p, &error));
  g_assert_no_error (error);
}

/* Counting is free; a row is read only when an item on its page is. */
static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  BespokePeopleModel *model = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_ALL);
  guint fetched;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == BESPOKE_TYPE_PERSON);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
  g_assert_cmpuint (bespoke_people_model_get_n_fetched_rows (model), ==, 0);

  /* Position 500: the Joneses are the numbers 1..1000 that are not
   * multiples of 10, nine in each ten.  500 = 55 × 9 + 5, so it is the
   * sixth of the 56th ten (551..559): Jones 0556. */
  assert_item_name (model, 500, "Jones 0556");
  fetched = bespoke_people_model_get_n_fetched_rows (model);
  g_assert_cmpuint (fetched, >, 0);
  g_assert_cmpuint (fetched, <, N_PEOPLE);

  /* the same item again, or its neighbour on the same page, costs nothing more */
  assert_item_name (model, 500, "Jones 0556");
  assert_item_name (model, 501, "Jones 0557");
  g_assert_cmpuint (bespoke_people_model_get_n_fetched_rows (model), ==, fetched);

  /* the ends, and the item before 500 (0555) */
  assert_item_name (model, 499, "Jones 0555");
  assert_item_name (model, 0, "Jones 0001");
  assert_item_name (model, 899, "Jones 0999");
  assert_item_name (model, 900, "Smith 0010");
  assert_item_name (model, 999, "Smith 1000");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_PEOPLE));
  g_assert_cmpuint (bespoke_people_model_get_n_fetched_rows (model), <, N_PEOPLE);

  g_assert_finalize_object (model);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  BespokePeopleModel *model = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_ALL);
  Changes changes = { 0, };

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (notify_n_items_cb), &changes);

  bespoke_people_model_set_search (model, "smith");
  g_assert_cmpstr (bespoke_people_model_get_search (model), ==, "smith");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, N_PEOPLE);
  g_assert_cmpuint (changes.added, ==, 100);
  g_assert_cmpuint (changes.n_notify, ==, 1);
  assert_item_name (model, 0, "Smith 0010");
  assert_item_name (model, 99, "Smith 1000");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 100));

  /* the same search again changes nothing */
  bespoke_people_model_set_search (model, "smith");
  g_assert_cmpuint (changes.n_emissions, ==, 1);

  /* narrower: two words */
  bespoke_people_model_set_search (model, "smith 05");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);  /* 0500..0590 */
  assert_item_name (model, 0, "Smith 0500");
  assert_item_name (model, 9, "Smith 0590");

  /* through the property too */
  g_object_set (model, "search", "zz", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (changes.removed, ==, 10);
  g_assert_cmpuint (changes.added, ==, 0);

  bespoke_people_model_set_search (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
  g_assert_null (bespoke_people_model_get_search (model));

  g_assert_finalize_object (model);
}

/* A person saved (after the commit) shows up; other records do not
 * disturb the list. */
static void
test_store_changes (Fixture       *f,
                    gconstpointer  data)
{
  BespokePeopleModel *model = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_ALL);
  BespokePeopleModel *smiths = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_CLIENTS);
  BespokePeopleModel *staff = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_STAFF);
  g_autoptr(GError) error = NULL;
  Changes changes = { 0, };
  Changes staff_changes = { 0, };

  bespoke_people_model_set_search (smiths, "smith");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staff)), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (notify_n_items_cb), &changes);
  g_signal_connect (staff, "items-changed", G_CALLBACK (items_changed_cb), &staff_changes);

  assert_item_name (model, 0, "Jones 0001");
  save_person (f->store, "Aaron Abbott", FALSE);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (changes.removed, ==, N_PEOPLE);
  g_assert_cmpuint (changes.added, ==, N_PEOPLE + 1);
  g_assert_cmpuint (changes.n_notify, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE + 1);
  /* the cache was dropped: the new first row is read */
  assert_item_name (model, 0, "Aaron Abbott");
  assert_item_name (model, 1, "Jones 0001");

  /* the searching model counts only its own */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (smiths)), ==, 100);
  save_person (f->store, "Zoe Smith", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (smiths)), ==, 101);
  assert_item_name (smiths, 100, "Zoe Smith");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE + 2);

  /* staff appear in their own list, and after the people in the whole one */
  save_person (f->store, "Abe Staff", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staff)), ==, 1);
  g_assert_cmpuint (staff_changes.added, ==, 1);
  assert_item_name (staff, 0, "Abe Staff");
  assert_item_name (model, N_PEOPLE + 2, "Abe Staff");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (smiths)), ==, 101);

  /* other kinds of record leave the list alone */
  {
    g_autoptr(BespokeProvider) provider = bespoke_provider_new ();
    guint before = changes.n_emissions;

    bespoke_provider_set_name (provider, "Brightways Support");
    g_assert_true (bespoke_store_save (f->store, provider, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changes.n_emissions, ==, before);
  }

  /* nothing is told before the commit; a rollback tells nothing */
  {
    guint before = changes.n_emissions;
    g_autoptr(BespokePerson) p = bespoke_person_new ();

    bespoke_person_set_name (p, "Rolled Back");
    g_assert_true (bespoke_store_begin (f->store, &error));
    g_assert_true (bespoke_store_save (f->store, p, &error));
    g_assert_cmpuint (changes.n_emissions, ==, before);
    bespoke_store_rollback (f->store);
    g_assert_cmpuint (changes.n_emissions, ==, before);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE + 3);
  }

  /* fifty people saved in one transaction: one recount, not fifty */
  {
    guint before = changes.n_emissions;

    g_assert_true (bespoke_store_begin (f->store, &error));
    for (guint i = 0; i < 50; i++)
      {
        g_autoptr(BespokePerson) p = bespoke_person_new ();
        g_autofree char *name = g_strdup_printf ("Batch %02u", i);

        bespoke_person_set_name (p, name);
        g_assert_true (bespoke_store_save (f->store, p, &error));
      }
    g_assert_true (bespoke_store_commit (f->store, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changes.n_emissions, ==, before + 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE + 3 + 50);
  }

  /* archived, they go */
  {
    g_autoptr(BespokePerson) aaron = g_list_model_get_item (G_LIST_MODEL (model), 0);

    bespoke_person_set_archived (aaron, TRUE);
    g_assert_true (bespoke_store_save (f->store, aaron, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE + 2 + 50);
    assert_item_name (model, 0, "Batch 00");
  }

  g_assert_finalize_object (model);
  g_assert_finalize_object (smiths);
  g_assert_finalize_object (staff);
}

/* What a view does as it hears of a change: it reads the rows it shows */
static void
read_rows_cb (GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              GPtrArray  *rows)
{
  g_ptr_array_set_size (rows, 0);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (rows, g_list_model_get_item (model, i));
}

/* A reload (here, one person renamed) gives the views the very objects
 * they had for the people it read again unchanged, so that a list keeps
 * their rows instead of building new ones; the renamed person is a new
 * object with the new name.  Jones 0001, 0002 and 0003 are the first
 * three; "Jones 0002 B" still sorts between 0002's neighbours. */
static void
test_keeps_unchanged (Fixture       *f,
                      gconstpointer  data)
{
  BespokePeopleModel *model = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_ALL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BespokePerson) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_autoptr(BespokePerson) second = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_autoptr(BespokePerson) third = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_autoptr(BespokePerson) renamed = BESPOKE_PERSON (bespoke_record_copy (BESPOKE_RECORD (second)));
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (bespoke_person_get_name (second), ==, "Jones 0002");
  g_signal_connect (model, "items-changed", G_CALLBACK (read_rows_cb), rows);
  bespoke_person_set_name (renamed, "Jones 0002 B");
  g_assert_true (bespoke_store_save (f->store, renamed, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (g_ptr_array_index (rows, 0) == (gpointer) first);
  g_assert_true (g_ptr_array_index (rows, 1) != (gpointer) second);
  g_assert_cmpstr (bespoke_person_get_name (g_ptr_array_index (rows, 1)), ==, "Jones 0002 B");
  g_assert_true (g_ptr_array_index (rows, 2) == (gpointer) third);

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_finalize_object (model);
}

/* The model holds the store, not the other way round. */
static void
test_lifetime (Fixture       *f,
               gconstpointer  data)
{
  BespokePeopleModel *model = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_ALL);

  g_assert_true (bespoke_people_model_get_store (model) == f->store);
  assert_item_name (model, 0, "Jones 0001");
  g_assert_finalize_object (model);

  /* no handler is left behind on the store */
  save_person (f->store, "After The Model", FALSE);
}

static guint
count_found (BespokePeopleModel *model,
             const char         *search)
{
  bespoke_people_model_set_search (model, search);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* Search that understands names (issues #13 and #15): accents, NFC and
 * NFD, apostrophes and hyphens as word breaks and joined.  Each name below
 * is searched for as a new user would type it. */
static void
test_folded_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (":memory:", &error);
  g_autoptr(BespokePeopleModel) model = NULL;

  g_assert_no_error (error);
  save_person (store, "\u00c9lodie Martin", FALSE);          /* Élodie, composed (NFC) */
  save_person (store, "E\u0301amon Walsh", FALSE);           /* Éamon, decomposed (NFD) */
  save_person (store, "Siobh\u00e1n O\u2019Brien", FALSE);   /* a typographic apostrophe */
  save_person (store, "Anne-Marie Byrne", FALSE);
  save_person (store, "Zo\u00eb Clarke", FALSE);
  model = bespoke_people_model_new (store, BESPOKE_PEOPLE_ALL);

  g_assert_cmpuint (count_found (model, "elodie"), ==, 1);
  assert_item_name (model, 0, "\u00c9lodie Martin");
  g_assert_cmpuint (count_found (model, "ELODIE"), ==, 1);
  g_assert_cmpuint (count_found (model, "E\u0301lodie"), ==, 1);     /* typed decomposed */
  g_assert_cmpuint (count_found (model, "\u00c9amon"), ==, 1);       /* composed finds decomposed */
  g_assert_cmpuint (count_found (model, "eamon walsh"), ==, 1);
  g_assert_cmpuint (count_found (model, "obrien"), ==, 1);
  g_assert_cmpuint (count_found (model, "o'brien"), ==, 1);
  g_assert_cmpuint (count_found (model, "O\u2019Brien"), ==, 1);
  g_assert_cmpuint (count_found (model, "brien"), ==, 1);
  g_assert_cmpuint (count_found (model, "siobhan"), ==, 1);
  g_assert_cmpuint (count_found (model, "anne marie"), ==, 1);
  g_assert_cmpuint (count_found (model, "annemarie"), ==, 1);
  g_assert_cmpuint (count_found (model, "anne-marie"), ==, 1);
  g_assert_cmpuint (count_found (model, "zoe"), ==, 1);
  g_assert_cmpuint (count_found (model, "marie zoe"), ==, 0);
  g_assert_cmpuint (count_found (model, "\u00e9"), ==, 2);           /* é: Élodie, Éamon */
}

/* Sort order (issue #13): by the name folded as search folds it, so
 * accented names sit among their letters, people before staff, and the
 * name itself breaks a tie.  By hand: Åsa -> "asa berg", Élodie ->
 * "elodie martin", Zoë -> "zoe clarke", Ólafur -> "olafur"; "Elodie Martin"
 * and "Élodie Martin" fold alike and 'E' (0x45) comes before 'É' (0xc3). */
static void
test_sort_order (void)
{
  const char *saved[] = { "Zo\u00eb Clarke", "\u00c9lodie Martin", "\u00c5sa Berg", "Elodie Martin",
                          "Adam Ng", "Eve Brown", "\u00d3lafur Jonsson", "Bob Ashe" };
  const char *expected[] = { "Adam Ng", "\u00c5sa Berg", "Bob Ashe", "Elodie Martin", "\u00c9lodie Martin",
                             "Eve Brown", "Zo\u00eb Clarke", "\u00c1ine Staff", "\u00d3lafur Jonsson" };
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (":memory:", &error);
  g_autoptr(BespokePeopleModel) model = NULL;
  g_autoptr(BespokePeopleModel) found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    save_person (store, saved[i], g_str_has_prefix (saved[i], "\u00d3"));
  save_person (store, "\u00c1ine Staff", TRUE);
  model = bespoke_people_model_new (store, BESPOKE_PEOPLE_ALL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_item_name (model, i, expected[i]);
  for (guint i = 1; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(BespokePerson) a = g_list_model_get_item (G_LIST_MODEL (model), i - 1);
      g_autoptr(BespokePerson) b = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpint (bespoke_store_compare_people (a, b), ==, -1);
      g_assert_cmpint (bespoke_store_compare_people (b, a), ==, 1);
    }

  /* a rename moves the person to the new name's place */
  {
    g_autoptr(BespokePerson) zoe = g_list_model_get_item (G_LIST_MODEL (model), 6);

    bespoke_person_set_name (zoe, "\u00c0ngela Clarke");
    g_assert_true (bespoke_store_save (store, zoe, &error));
    g_assert_no_error (error);
    assert_item_name (model, 0, "Adam Ng");
    assert_item_name (model, 1, "\u00c0ngela Clarke");
    assert_item_name (model, 2, "\u00c5sa Berg");
  }

  /* a search keeps the same order */
  found = bespoke_people_model_new (store, BESPOKE_PEOPLE_ALL);
  bespoke_people_model_set_search (found, "e");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 3);
  assert_item_name (found, 0, "Elodie Martin");
  assert_item_name (found, 1, "\u00c9lodie Martin");
  assert_item_name (found, 2, "Eve Brown");
}

/* Memory while browsing (issue #13): jumping to the end and back and
 * scrolling through every person keeps at most the model's documented
 * number of rows, and SQLite's page cache within the store's documented
 * limit, though the people's rows take more than twice that.  5,000 people
 * with 1,000 characters of notes each are over 5 MB of rows. */
#define N_BROWSED 5000

static void
test_browsing_memory (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "browse.db", NULL);
  g_autofree char *notes = g_strnfill (1000, 'n');
  g_autoptr(BespokeStore) store = open_store_at (path);
  g_autoptr(BespokePeopleModel) model = NULL;
  g_autoptr(GError) error = NULL;
  int used = 0, highwater = 0;

  g_assert_true (bespoke_store_begin (store, &error));
  for (guint i = 0; i < N_BROWSED; i++)
    {
      g_autoptr(BespokePerson) p = bespoke_person_new ();
      g_autofree char *name = g_strdup_printf ("Person %05u", i);

      bespoke_person_set_name (p, name);
      bespoke_person_set_notes (p, notes);
      g_assert_true (bespoke_store_save (store, p, &error));
    }
  g_assert_true (bespoke_store_commit (store, &error));
  g_assert_no_error (error);

  model = bespoke_people_model_new (store, BESPOKE_PEOPLE_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_BROWSED);
  /* End, Home, then every person in turn, as scrolling does, then End
   * and Home again */
  assert_item_name (model, N_BROWSED - 1, "Person 04999");
  assert_item_name (model, 0, "Person 00000");
  for (guint i = 0; i < N_BROWSED; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Person %05u", i);

      assert_item_name (model, i, expected);
    }
  assert_item_name (model, N_BROWSED - 1, "Person 04999");
  assert_item_name (model, 0, "Person 00000");

  g_assert_cmpuint (bespoke_people_model_get_n_fetched_rows (model), >=, N_BROWSED);
  g_assert_cmpuint (bespoke_people_model_get_n_cached_rows (model), >, 0);
  g_assert_cmpuint (bespoke_people_model_get_n_cached_rows (model), <=, BESPOKE_PEOPLE_MODEL_MAX_CACHED_ROWS);

  /* SQLite sizes its cache by pages and their headers; the allocator's
   * rounding (3% here) comes on top: allow a sixteenth. */
  g_assert_cmpint (sqlite3_db_status (store->db, SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, FALSE), ==, SQLITE_OK);
  g_test_message ("page cache: %d bytes", used);
  g_assert_cmpint (used, <=, BESPOKE_STORE_PAGE_CACHE_KIB * 1024 / 16 * 17);

  g_assert_finalize_object (g_steal_pointer (&model));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/people-model/lazy", Fixture, NULL, fixture_set_up, test_lazy, fixture_tear_down);
  g_test_add ("/people-model/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/people-model/store-changes", Fixture, NULL, fixture_set_up, test_store_changes, fixture_tear_down);
  g_test_add ("/people-model/keeps-unchanged", Fixture, NULL, fixture_set_up, test_keeps_unchanged, fixture_tear_down);
  g_test_add_func ("/people-model/folded-search", test_folded_search);
  g_test_add_func ("/people-model/sort-order", test_sort_order);
  g_test_add ("/people-model/lifetime", Fixture, NULL, fixture_set_up, test_lifetime, fixture_tear_down);
  g_test_add_func ("/people-model/browsing-memory", test_browsing_memory);

  return g_test_run ();
}
