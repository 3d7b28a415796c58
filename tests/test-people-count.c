/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A broad search is shown at once and counted on a thread (issue #13):
 * BespokePeopleModel holds the first page of "jones" straight away, and the
 * rest arrives as one items-changed once the count, on a connection of its
 * own, is done.  A newer keystroke, a change in the store, or the model
 * going away cancels a count under way. */
#define G_LOG_DOMAIN "bespoke-test-people-count"

#include "bespoke-core.h"
#include "bespoke-test-util.h"
#include "people-model-test-util.h"

/* People 1 to 2600: every thirteenth is "Smith NNNN", the others
 * "Jones NNNN".  So 2600 / 13 = 200 Smiths and 2400 Joneses: "jones" has
 * 2400 entries in the search index, over the model's 2000 for a broad
 * search; "smith" has 200, under it.  In name order the Joneses come
 * first: the 100th Jones is the k with k - floor(k / 13) = 100, k = 108
 * (108 - 8); the last is 2599, as 2600 = 13 × 200 is a Smith. */
#define N_PEOPLE 2600
#define N_JONES 2400
#define N_SMITHS 200
#define PAGE 100   /* the model's page: what a broad search shows at once */

typedef struct
{
  char         *dir;
  BespokeStore *store;
} Fixture;

static void
fill (BespokeStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bespoke_store_begin (store, &error));
  for (guint i = 1; i <= N_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %04u", i % 13 == 0 ? "Smith" : "Jones", i);
      g_autoptr(BespokePerson) p = bespoke_person_new ();

      bespoke_person_set_name (p, name);
      save_ok (store, p);
    }
  g_assert_true (bespoke_store_commit (store, &error));
  g_assert_no_error (error);
}

/* The 2600 people are saved once, into this database; each test works on
 * a copy of it */
static char *template_db;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  if (template_db == NULL)
    {
      g_autoptr(BespokeStore) store = NULL;
      g_autofree char *dir = temp_dir ();

      template_db = g_build_filename (dir, "template.db", NULL);
      store = open_store_at (template_db);
      fill (store);
      g_assert_finalize_object (g_steal_pointer (&store));
    }
  f->dir = temp_dir ();
  path = g_build_filename (f->dir, "people.db", NULL);
  copy_file (template_db, path);
  f->store = open_store_at (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
wait_for_count (BespokePeopleModel *model)
{
  while (bespoke_people_model_get_counting (model))
    g_main_context_iteration (NULL, TRUE);
}

/* Lets go of @model, which must go at once: a count under way holds it
 * only weakly */
static void
drop_model (BespokePeopleModel *model)
{
  g_assert_finalize_object (model);
}

/* Lets every count's thread answer, for a while: a cancelled count answers
 * at its next progress check, a few thousand SQLite steps on */
static void
let_threads_answer (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
test_broad (Fixture       *f,
            gconstpointer  data)
{
  BespokePeopleModel *model = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_ALL);
  Changes changes = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* the first page at once, read in the same step */
  bespoke_people_model_set_search (model, "jones");
  g_assert_true (bespoke_people_model_get_counting (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, PAGE);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (changes.removed, ==, N_PEOPLE);
  g_assert_cmpuint (changes.added, ==, PAGE);
  assert_item_name (model, 0, "Jones 0001");
  assert_item_name (model, PAGE - 1, "Jones 0108");

  /* then the rest, after the first page */
  wait_for_count (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_JONES);
  g_assert_cmpuint (changes.n_emissions, ==, 2);
  g_assert_cmpuint (changes.position, ==, PAGE);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, N_JONES - PAGE);
  assert_item_name (model, N_JONES - 1, "Jones 2599");

  /* two words are counted in the same step, however broad each is */
  bespoke_people_model_set_search (model, "jones 0");
  g_assert_false (bespoke_people_model_get_counting (model));
  /* the Joneses numbered 0001 to 0999 that are not multiples of 13:
   * 999 - floor(999 / 13) = 999 - 76 = 923 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 923);

  /* a narrow search is counted in the same step */
  bespoke_people_model_set_search (model, "smith");
  g_assert_false (bespoke_people_model_get_counting (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_SMITHS);
  assert_item_name (model, 0, "Smith 0013");
  drop_model (model);
}

/* Typing on while a count runs: only the last keystroke's count lands */
static void
test_newer_keystroke (Fixture       *f,
                      gconstpointer  data)
{
  BespokePeopleModel *model = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_ALL);
  Changes changes = { 0 };

  bespoke_people_model_set_search (model, "j");
  bespoke_people_model_set_search (model, "jo");
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  bespoke_people_model_set_search (model, "jon");
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  wait_for_count (model);
  /* the two older answers change nothing */
  let_threads_answer ();
  g_assert_cmpuint (changes.n_emissions, ==, 2);
  g_assert_cmpuint (changes.added, ==, N_JONES - PAGE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_JONES);
  drop_model (model);
}

/* A person saved while the count runs is counted: the commit recounts */
static void
test_store_change (Fixture       *f,
                   gconstpointer  data)
{
  BespokePeopleModel *model = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_ALL);
  g_autoptr(BespokePerson) p = bespoke_person_new ();

  bespoke_people_model_set_search (model, "jones");
  g_assert_true (bespoke_people_model_get_counting (model));
  bespoke_person_set_name (p, "Jones 9999");
  save_ok (f->store, p);
  wait_for_count (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_JONES + 1);
  assert_item_name (model, N_JONES, "Jones 9999");
  drop_model (model);
}

/* The list closes while its count runs: the model goes at once, and the
 * count's answer, when it comes, finds no one to tell */
static void
test_model_goes (Fixture       *f,
                 gconstpointer  data)
{
  BespokePeopleModel *model = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_ALL);

  bespoke_people_model_set_search (model, "jones");
  g_assert_true (bespoke_people_model_get_counting (model));
  drop_model (model);
  let_threads_answer ();
}

/* An in-memory database has no second connection: counted in one step */
static void
test_in_memory (void)
{
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autoptr(BespokePeopleModel) model = NULL;

  fill (store);
  model = bespoke_people_model_new (store, BESPOKE_PEOPLE_ALL);
  bespoke_people_model_set_search (model, "jones");
  g_assert_false (bespoke_people_model_get_counting (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_JONES);
  g_assert_finalize_object (g_steal_pointer (&model));
}

/* The bound that decides: for one word its index entries, for more the
 * people holding an entry for every word, at most the cap; none for no
 * search */
static void
test_match_bound (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (bespoke_store_people_match_bound (f->store, "smith", 2000, NULL, &error), ==, N_SMITHS);
  g_assert_cmpuint (bespoke_store_people_match_bound (f->store, "jones", 2000, NULL, &error), ==, 2000);
  g_assert_cmpuint (bespoke_store_people_match_bound (f->store, "jones", 5000, NULL, &error), ==, N_JONES);
  /* everyone is a Jones or a Smith, never both */
  g_assert_cmpuint (bespoke_store_people_match_bound (f->store, "jones smith", 5000, NULL, &error), ==, 0);
  /* the Joneses numbered 0001 to 0999: 999 - floor(999 / 13) = 923 */
  g_assert_cmpuint (bespoke_store_people_match_bound (f->store, "jones 0", 5000, NULL, &error), ==, 923);
  g_assert_cmpuint (bespoke_store_people_match_bound (f->store, "0 jones", 500, NULL, &error), ==, 500);
  /* no name starts with "zz": nobody, whatever the other word */
  g_assert_cmpuint (bespoke_store_people_match_bound (f->store, "jones zz", 5000, NULL, &error), ==, 0);
  g_assert_cmpuint (bespoke_store_people_match_bound (f->store, "0013", 5000, NULL, &error), ==, 1);
  g_assert_cmpuint (bespoke_store_people_match_bound (f->store, NULL, 5000, NULL, &error), ==, G_MAXUINT);
  /* the words a search needs: "a" starts "aisha"; "o'brien" is "o",
   * "brien" and "obrien", and "o" starts "obrien"; "anne-marie" is
   * "anne", "marie" and "annemarie", and "anne" starts "annemarie" */
  g_assert_cmpuint (bespoke_store_people_search_n_words ("Aisha a"), ==, 1);
  g_assert_cmpuint (bespoke_store_people_search_n_words ("o’brien"), ==, 2);
  g_assert_cmpuint (bespoke_store_people_search_n_words ("anne-marie"), ==, 2);
  g_assert_cmpuint (bespoke_store_people_search_n_words ("smith SMITH"), ==, 1);
  g_assert_cmpuint (bespoke_store_people_search_n_words ("jones smith"), ==, 2);
  g_assert_cmpuint (bespoke_store_people_search_n_words ("  "), ==, 0);
  g_assert_cmpuint (bespoke_store_people_search_n_words (NULL), ==, 0);
  {
    guint n_words = 0;

    bespoke_store_people_match_bound (f->store, "jones smith", 5000, &n_words, &error);
    g_assert_cmpuint (n_words, ==, 2);
    /* "j" starts "jones", and "smith" is typed twice: one word each */
    g_assert_cmpuint (bespoke_store_people_match_bound (f->store, "jones j", 5000, &n_words, &error), ==, N_JONES);
    g_assert_cmpuint (n_words, ==, 1);
    g_assert_cmpuint (bespoke_store_people_match_bound (f->store, "smith smith", 5000, &n_words, &error), ==, N_SMITHS);
    g_assert_cmpuint (n_words, ==, 1);
  }
  g_assert_no_error (error);
}

/* A narrow search's first page and its count, in one query: the archived
 * are left out of both, and the staff filter applies */
static void
test_first_page (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  guint n = 0;

  /* archive the first three Smiths: 0013, 0026 and 0039 */
  {
    g_autoptr(GPtrArray) smiths = bespoke_store_list_people (f->store, BESPOKE_PEOPLE_ALL, "smith", 0, 3, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (smiths->len, ==, 3);
    for (guint i = 0; i < smiths->len; i++)
      {
        bespoke_person_set_archived (smiths->pdata[i], TRUE);
        save_ok (f->store, smiths->pdata[i]);
      }
  }

  page = bespoke_store_list_people_first (f->store, BESPOKE_PEOPLE_ALL, "smith", PAGE, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_SMITHS - 3);
  g_assert_cmpuint (page->len, ==, PAGE);
  g_assert_cmpstr (bespoke_person_get_name (page->pdata[0]), ==, "Smith 0052");
  g_clear_pointer (&page, g_ptr_array_unref);

  /* two words: the Joneses 0001 to 0999 (923, see test_broad()); the
   * 100th is 0108, as 108 - floor(108 / 13) = 100 */
  page = bespoke_store_list_people_first (f->store, BESPOKE_PEOPLE_ALL, "0 jones", PAGE, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 923);
  g_assert_cmpuint (page->len, ==, PAGE);
  g_assert_cmpstr (bespoke_person_get_name (page->pdata[0]), ==, "Jones 0001");
  g_assert_cmpstr (bespoke_person_get_name (page->pdata[PAGE - 1]), ==, "Jones 0108");
  g_clear_pointer (&page, g_ptr_array_unref);

  /* nobody matches: an empty page and a count of 0 */
  n = 1;
  page = bespoke_store_list_people_first (f->store, BESPOKE_PEOPLE_STAFF, "smith", PAGE, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (page->len, ==, 0);
  g_clear_pointer (&page, g_ptr_array_unref);

  /* the model reads it so: one page read, the count right at once */
  {
    BespokePeopleModel *model = bespoke_people_model_new (f->store, BESPOKE_PEOPLE_ALL);
    guint fetched;

    /* the Smiths 0013 to 0988, floor(999 / 13) = 76, less the three */
    bespoke_people_model_set_search (model, "smith 0");
    g_assert_false (bespoke_people_model_get_counting (model));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 76 - 3);
    fetched = bespoke_people_model_get_n_fetched_rows (model);
    assert_item_name (model, 0, "Smith 0052");
    g_assert_cmpuint (bespoke_people_model_get_n_fetched_rows (model), ==, fetched);
    drop_model (model);
  }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/people-count/broad", Fixture, NULL, fixture_set_up, test_broad, fixture_tear_down);
  g_test_add ("/people-count/newer-keystroke", Fixture, NULL, fixture_set_up, test_newer_keystroke, fixture_tear_down);
  g_test_add ("/people-count/store-change", Fixture, NULL, fixture_set_up, test_store_change, fixture_tear_down);
  g_test_add ("/people-count/model-goes", Fixture, NULL, fixture_set_up, test_model_goes, fixture_tear_down);
  g_test_add ("/people-count/match-bound", Fixture, NULL, fixture_set_up, test_match_bound, fixture_tear_down);
  g_test_add ("/people-count/first-page", Fixture, NULL, fixture_set_up, test_first_page, fixture_tear_down);
  g_test_add_func ("/people-count/in-memory", test_in_memory);
  status = g_test_run ();
  g_free (template_db);
  return status;
}
