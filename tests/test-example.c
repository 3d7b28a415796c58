/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-test-example"

#include "bespoke-core.h"
#include "bespoke-example.h"

static BespokeStore *
example_store (void)
{
  g_autoptr(GError) error = NULL;
  BespokeStore *store = bespoke_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_false (bespoke_example_is_installed (store));
  g_assert_true (bespoke_example_install (store, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_example_is_installed (store));
  return store;
}

static BespokePlan *
paul_plan (BespokeStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN, BESPOKE_EXAMPLE_PAUL_UUID, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  return g_object_ref (g_ptr_array_index (plans, 0));
}

/* domain.md, "Paul, personalised": individual budget £34,000 a year; he pays
 * the provider £22,000 a year; the rest (£12,000) is his to direct; he
 * offers an outcome-based one-off of £3,000. */
static void
test_paul_figures (void)
{
  g_autoptr(BespokeStore) store = example_store ();
  g_autoptr(BespokePlan) plan = paul_plan (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeCostReport) totals = bespoke_costing_report (store, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), &error);

  g_assert_no_error (error);
  g_assert_cmpint (totals->budget, ==, 3400000);
  g_assert_cmpint (totals->committed, ==, 2200000);
  g_assert_cmpint (totals->contingent, ==, 300000);
  g_assert_cmpint (totals->remaining, ==, 1200000);
}

/* The three paid lines, each priced from the menu by hand for 2027
 * (1 Jan 2027 is a Friday; 2027 has 365 days = 52 weeks + 1 Friday):
 *   Mon–Fri mornings, 2 h at £21.50: 261 weekdays × 2 × 2150p = 1,122,300p
 *   Tue and Thu at work, £53.00/day: 104 days × 5300p           =   551,200p
 *   every 4th weekend from Fri 8 Jan, £405.00: 13 × 40500p       =   526,500p
 */
static void
test_paul_lines_match_menu (void)
{
  g_autoptr(BespokeStore) store = example_store ();
  g_autoptr(BespokePlan) plan = paul_plan (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE,
                                                   bespoke_record_get_uuid (BESPOKE_RECORD (plan)), &error);
  g_autoptr(BespokeCostReport) report = bespoke_costing_report (store, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), &error);
  const gint64 expected[] = { 261 * 2 * 2150, 104 * 5300, 13 * 40500 };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      BespokeSupportLine *line = g_ptr_array_index (lines, i);
      g_autoptr(BespokeProduct) product = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT,
                                                              bespoke_support_line_get_product_uuid (line), &error);
      g_assert_no_error (error);
      g_assert_cmpint (((BespokeLineCost *) g_ptr_array_index (report->lines, i))->cost, ==, expected[i]);
      g_assert_cmpint (bespoke_product_get_kind (product), ==, BESPOKE_PRODUCT_ONGOING);
    }

  /* the cousin, at the family's insistence */
  g_assert_cmpstr (bespoke_support_line_get_worker (g_ptr_array_index (lines, 0)), ==, "Danny Price");
  g_assert_nonnull (strstr (bespoke_plan_get_staff_preferences (plan), "cousin"));
}

/* domain.md, "ISF in a shared home": £300,000 a year; allocations A £50,000,
 * B £42,000, C £45,000, D £53,000, E £65,000, F £45,000 add up to £300,000. */
static void
test_shared_home (void)
{
  g_autoptr(BespokeStore) store = example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeHome) home = bespoke_store_load (store, BESPOKE_TYPE_HOME, BESPOKE_EXAMPLE_HOME_UUID, &error);
  g_autoptr(GPtrArray) residents = NULL;
  const gint64 allocations[] = { 5000000, 4200000, 4500000, 5300000, 6500000, 4500000 };
  gint64 total = 0;

  g_assert_no_error (error);
  g_assert_cmpint (bespoke_home_get_budget (home), ==, 30000000);
  g_assert_cmpint (bespoke_home_get_core_support (home), ==, 18000000);
  g_assert_cmpint (bespoke_home_get_shared_costs (home), ==, 6000000);

  residents = bespoke_store_list (store, BESPOKE_TYPE_HOME_RESIDENT, BESPOKE_EXAMPLE_HOME_UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (residents->len, ==, 6);
  for (guint i = 0; i < residents->len; i++)
    {
      BespokeHomeResident *r = g_ptr_array_index (residents, i);
      g_autoptr(BespokePerson) person = bespoke_store_load (store, BESPOKE_TYPE_PERSON,
                                                            bespoke_home_resident_get_person_uuid (r), &error);
      gboolean found = FALSE;

      g_assert_no_error (error);
      for (guint j = 0; j < G_N_ELEMENTS (allocations); j++)
        found |= allocations[j] == bespoke_home_resident_get_allocation (r);
      g_assert_true (found);
      total += bespoke_home_resident_get_allocation (r);
    }
  g_assert_cmpint (total, ==, 30000000);
}

/* Every product in domain.md, in its right kind. */
static void
test_menu_kinds (void)
{
  static const struct { const char *name; BespokeProductKind kind; } wanted[] = {
    { "Facilitation of a person-centred plan", BESPOKE_PRODUCT_ONE_OFF },
    { "Support design", BESPOKE_PRODUCT_ONE_OFF },
    { "Behaviour analysis review", BESPOKE_PRODUCT_ONE_OFF },
    { "Assistive-technology assessment", BESPOKE_PRODUCT_ONE_OFF },
    { "Holiday", BESPOKE_PRODUCT_ONE_OFF },
    { "Service design", BESPOKE_PRODUCT_ONE_OFF },
    { "Benefits review", BESPOKE_PRODUCT_ONE_OFF },
    { "Health-and-safety environment review", BESPOKE_PRODUCT_ONE_OFF },
    { "Housing brokerage", BESPOKE_PRODUCT_ONE_OFF },
    { "Life skills training", BESPOKE_PRODUCT_DEFINED_TERM },
    { "Community integration", BESPOKE_PRODUCT_DEFINED_TERM },
    { "Active support", BESPOKE_PRODUCT_DEFINED_TERM },
    { "Job skills training", BESPOKE_PRODUCT_DEFINED_TERM },
    { "Facilitation of a person-centred review", BESPOKE_PRODUCT_DEFINED_TERM },
    { "Personal care and support", BESPOKE_PRODUCT_ONGOING },
    { "Sleep-in", BESPOKE_PRODUCT_ONGOING },
    { "Live-in support", BESPOKE_PRODUCT_ONGOING },
    { "Short break", BESPOKE_PRODUCT_ONGOING },
    { "Training of PAs", BESPOKE_PRODUCT_ONGOING },
    { "Quality assurance", BESPOKE_PRODUCT_ONGOING },
    { "Waking night", BESPOKE_PRODUCT_ONGOING },
    { "Housing-related support", BESPOKE_PRODUCT_ONGOING },
    { "Recruitment of PAs", BESPOKE_PRODUCT_ONGOING },
    { "Management of a team of PAs", BESPOKE_PRODUCT_ONGOING },
    { "On-call and out-of-hours support", BESPOKE_PRODUCT_ONGOING },
  };
  g_autoptr(BespokeStore) store = example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = bespoke_store_list (store, BESPOKE_TYPE_PRODUCT, NULL, &error);

  g_assert_no_error (error);
  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    {
      BespokeProduct *found = NULL;

      for (guint i = 0; i < products->len; i++)
        if (g_str_equal (bespoke_product_get_name (g_ptr_array_index (products, i)), wanted[w].name))
          found = g_ptr_array_index (products, i);
      g_assert_nonnull (found);
      g_assert_cmpint (bespoke_product_get_kind (found), ==, wanted[w].kind);
      g_assert_cmpint (bespoke_product_get_unit_price (found), >, 0);
    }
}

static void
test_install_twice (void)
{
  g_autoptr(BespokeStore) store = example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) paul = NULL;
  gint64 people = bespoke_store_count (store, BESPOKE_TYPE_PERSON, &error);
  gint64 statements = bespoke_store_count (store, BESPOKE_TYPE_STATEMENT, &error);

  /* a planner's edit survives a second install */
  paul = bespoke_store_load (store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  bespoke_person_set_notes (paul, "Edited by a planner");
  g_assert_true (bespoke_store_save (store, paul, &error));
  g_clear_object (&paul);

  g_assert_true (bespoke_example_install (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_PERSON, &error), ==, people);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_STATEMENT, &error), ==, statements);
  paul = bespoke_store_load (store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_cmpstr (bespoke_person_get_notes (paul), ==, "Edited by a planner");
  /* eleven people: Paul, Jennie, Anne-Marie, A–F and two staff */
  g_assert_cmpint (people, ==, 11);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/example/paul-figures", test_paul_figures);
  g_test_add_func ("/example/paul-lines", test_paul_lines_match_menu);
  g_test_add_func ("/example/shared-home", test_shared_home);
  g_test_add_func ("/example/menu-kinds", test_menu_kinds);
  g_test_add_func ("/example/install-twice", test_install_twice);

  return g_test_run ();
}
