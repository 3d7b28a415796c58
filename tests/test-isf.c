/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Individual Service Funds, against domain.md's shared home. */
#define G_LOG_DOMAIN "bespoke-test-isf"

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-test-util.h"

/* domain.md: core support £180,000 (£30,000 each) plus shared costs £60,000
 * (£10,000 each), so each share is £40,000; personal money = allocation −
 * £40,000: A £10,000, B £2,000, C £5,000, D £13,000, E £25,000, F £5,000. */
static void
test_oak_house (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeIsfTable) table = bespoke_isf_report (store, BESPOKE_EXAMPLE_HOME_UUID, &error);
  const gint64 money[] = { 1000000, 200000, 500000, 1300000, 2500000, 500000 };
  const char *names[] = { "Ann Hughes", "Ben Carter", "Cara Doyle", "Dev Patel", "Ellie Shaw", "Frank Moss" };

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 6);
  g_assert_cmpint (table->allocations, ==, 30000000);
  g_assert_cmpint (table->difference, ==, 0);
  g_assert_cmpint (table->flags, ==, 0);
  g_assert_cmpuint (table->warnings->len, ==, 0);

  for (guint i = 0; i < 6; i++)
    {
      BespokeIsfRow *row = NULL;

      for (guint j = 0; j < table->rows->len; j++)
        if (g_str_equal (((BespokeIsfRow *) g_ptr_array_index (table->rows, j))->name, names[i]))
          row = g_ptr_array_index (table->rows, j);
      g_assert_nonnull (row);
      g_assert_cmpint (row->core_share, ==, 3000000);
      g_assert_cmpint (row->shared_share, ==, 1000000);
      g_assert_cmpint (row->personal_money, ==, money[i]);
    }
}

/* The slide printed D as £55,000: then the allocations add up to £302,000,
 * £2,000 more than the home's £300,000, and the app must say so. */
static void
test_allocations_do_not_add_up (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) residents = bespoke_store_list (store, BESPOKE_TYPE_HOME_RESIDENT, BESPOKE_EXAMPLE_HOME_UUID, &error);
  g_autoptr(BespokeIsfTable) table = NULL;

  for (guint i = 0; i < residents->len; i++)
    {
      BespokeHomeResident *r = g_ptr_array_index (residents, i);
      if (bespoke_home_resident_get_allocation (r) == 5300000)   /* D */
        {
          bespoke_home_resident_set_allocation (r, 5500000);
          g_assert_true (bespoke_store_save (store, r, &error));
        }
    }

  table = bespoke_isf_report (store, BESPOKE_EXAMPLE_HOME_UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpint (table->difference, ==, 200000);
  g_assert_true (table->flags & BESPOKE_ISF_FLAG_ALLOCATIONS_DIFFER);
  g_assert_false (table->flags & BESPOKE_ISF_FLAG_NEGATIVE_MONEY);
  g_assert_cmpuint (table->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (table->warnings, 0), "£2,000.00 more"));
}

static BespokeHomeResident *
resident (const char *person, gint64 allocation, guint weight)
{
  BespokeHomeResident *r = bespoke_home_resident_new ();

  bespoke_home_resident_set_home_uuid (r, "home");
  bespoke_home_resident_set_person_uuid (r, person);
  bespoke_home_resident_set_allocation (r, allocation);
  bespoke_home_resident_set_weight (r, weight);
  return r;
}

/* Split by weights 1:2 (core £100.00, shared £0.01):
 *   core £100.00 × 1/3 = £33.333… and × 2/3 = £66.666…: rounded down to
 *   £33.33 and £66.66, the leftover penny to the larger remainder (2/3),
 *   so £33.33 and £66.67, adding up to £100.00 exactly.
 * Personal money: £20.00 − £33.33 − £0.00 = −£13.33 is flagged, and
 * £100 + £0.01 of costs against a £50.00 budget is flagged too. */
static void
test_weights_and_flags (void)
{
  g_autoptr(BespokeHome) home = bespoke_home_new ();
  g_autoptr(GPtrArray) residents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeIsfTable) table = NULL;
  BespokeIsfRow *a, *b;

  bespoke_home_set_name (home, "Two Trees");
  bespoke_home_set_budget (home, 5000);
  bespoke_home_set_core_support (home, 10000);
  bespoke_home_set_shared_costs (home, 1);
  bespoke_home_set_split (home, BESPOKE_SPLIT_WEIGHTS);
  g_ptr_array_add (residents, resident ("a", 2000, 1));
  g_ptr_array_add (residents, resident ("b", 3000, 2));

  table = bespoke_isf_compute (home, residents, NULL, &error);
  g_assert_no_error (error);
  a = g_ptr_array_index (table->rows, 0);
  b = g_ptr_array_index (table->rows, 1);
  g_assert_cmpint (a->core_share, ==, 3333);
  g_assert_cmpint (b->core_share, ==, 6667);
  g_assert_cmpint (a->shared_share + b->shared_share, ==, 1);
  g_assert_cmpint (b->shared_share, ==, 1);     /* 2/3 of a penny has the larger remainder */
  g_assert_cmpint (a->personal_money, ==, 2000 - 3333);
  g_assert_true (table->flags & BESPOKE_ISF_FLAG_NEGATIVE_MONEY);
  g_assert_true (table->flags & BESPOKE_ISF_FLAG_COSTS_OVER_BUDGET);
  g_assert_false (table->flags & BESPOKE_ISF_FLAG_ALLOCATIONS_DIFFER);  /* 2000 + 3000 = 5000 */
}

static void
test_zero_weights_refused (void)
{
  g_autoptr(BespokeHome) home = bespoke_home_new ();
  g_autoptr(GPtrArray) residents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  BespokeIsfTable *table;

  bespoke_home_set_name (home, "Nobody weighs");
  bespoke_home_set_core_support (home, 100);
  bespoke_home_set_split (home, BESPOKE_SPLIT_WEIGHTS);
  g_ptr_array_add (residents, resident ("a", 0, 0));
  table = bespoke_isf_compute (home, residents, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/isf/oak-house", test_oak_house);
  g_test_add_func ("/isf/allocations-do-not-add-up", test_allocations_do_not_add_up);
  g_test_add_func ("/isf/weights-and-flags", test_weights_and_flags);
  g_test_add_func ("/isf/zero-weights-refused", test_zero_weights_refused);

  return g_test_run ();
}
