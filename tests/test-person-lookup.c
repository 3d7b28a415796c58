/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Naming someone on the command line: a unique first name or surname
 * will do; an ambiguous one says who matches and what to type. */
#define G_LOG_DOMAIN "bespoke-test-person-lookup"

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-test-util.h"

static void
add_person (BespokeStore *store,
            const char   *name)
{
  g_autoptr(BespokePerson) p = bespoke_person_new ();

  bespoke_person_set_name (p, name);
  save_ok (store, p);
}

static void
assert_finds (BespokeStore *store,
              const char   *key,
              const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) p = bespoke_person_lookup (store, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpstr (bespoke_person_get_name (p), ==, name);
}

static void
test_lookup (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) none = NULL;
  g_autoptr(BespokePerson) two = NULL;

  add_person (store, "Grace Okoye");

  /* the issue's own case, and a surname, in any case and accents aside */
  assert_finds (store, "Grace", "Grace Okoye");
  assert_finds (store, "OKOYE", "Grace Okoye");
  assert_finds (store, "Walsh", "Jennie Walsh");
  /* "Ann" is Ann Hughes's first name; Anne-Marie Byrne's is another */
  assert_finds (store, "ann", "Ann Hughes");
  /* whole names and UUIDs as before */
  assert_finds (store, "Paul Roberts", "Paul Roberts");
  assert_finds (store, BESPOKE_EXAMPLE_PAUL_UUID, "Paul Roberts");

  /* the start of a name is not a name */
  none = bespoke_person_lookup (store, "Gra", &error);
  g_assert_null (none);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* two Graces: both named, and what to type */
  add_person (store, "Grace Lée");
  two = bespoke_person_lookup (store, "grace", &error);
  g_assert_null (two);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "Grace Okoye"));
  g_assert_nonnull (strstr (error->message, "Grace Lée"));
  g_assert_nonnull (strstr (error->message, "Type the whole name"));
  assert_finds (store, "lee", "Grace Lée");
  assert_finds (store, "Okoye", "Grace Okoye");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/person-lookup/first-name-or-surname", test_lookup);
  return g_test_run ();
}
