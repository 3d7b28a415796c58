/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-test-profile"

#include "bespoke-core.h"

static BespokeStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  BespokeStore *store = bespoke_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static BespokePerson *
save_person (BespokeStore *store,
             const char   *name)
{
  g_autoptr(GError) error = NULL;
  BespokePerson *p = bespoke_person_new ();

  bespoke_person_set_name (p, name);
  g_assert_true (bespoke_store_save (store, p, &error));
  g_assert_no_error (error);
  return p;
}

static BespokeStatement *
save_statement (BespokeStore   *store,
                BespokePerson  *person,
                BespokeSection  section,
                guint           position,
                const char     *text)
{
  g_autoptr(GError) error = NULL;
  BespokeStatement *s = bespoke_statement_new ();

  bespoke_statement_set_person_uuid (s, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  bespoke_statement_set_section (s, section);
  bespoke_statement_set_position (s, position);
  bespoke_statement_set_text (s, text);
  g_assert_true (bespoke_store_save (store, s, &error));
  g_assert_no_error (error);
  return s;
}

/* The texts under one heading, in order, joined with " | ". */
static char *
section_texts (BespokeProfile *profile,
               BespokeSection  section)
{
  GListModel *model = bespoke_profile_get_section (profile, section);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (g_list_model_get_item_type (model) == BESPOKE_TYPE_STATEMENT);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BespokeStatement) s = g_list_model_get_item (model, i);

      g_assert_cmpint (bespoke_statement_get_section (s), ==, section);
      g_string_append_printf (out, "%s%s", i ? " | " : "", bespoke_statement_get_text (s));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_section(profile, section, expected)                   \
  G_STMT_START {                                                      \
    g_autofree char *_texts = section_texts (profile, section);       \
    g_assert_cmpstr (_texts, ==, expected);                           \
  } G_STMT_END

static void
test_sections (void)
{
  BespokeStore *store = open_store ();
  g_autoptr(BespokePerson) paul = save_person (store, "Paul Smith");
  g_autoptr(BespokePerson) anne = save_person (store, "Anne Jones");
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeProfile) profile = NULL;
  BespokeStatement *saved[8];
  guint n = 0;

  /* saved out of order, the sections interleaved */
  saved[n++] = save_statement (store, paul, BESPOKE_SECTION_SUPPORT, 1, "Give me time to answer.");
  saved[n++] = save_statement (store, paul, BESPOKE_SECTION_APPRECIATION, 2, "I make people laugh.");
  saved[n++] = save_statement (store, paul, BESPOKE_SECTION_IMPORTANT, 0, "Keeping the garage clean and tidy.");
  saved[n++] = save_statement (store, paul, BESPOKE_SECTION_APPRECIATION, 0, "I am always on time.");
  saved[n++] = save_statement (store, paul, BESPOKE_SECTION_SUPPORT, 0, "Tell me what is happening today.");
  saved[n++] = save_statement (store, paul, BESPOKE_SECTION_APPRECIATION, 1, "I am kind to my cousin.");
  saved[n++] = save_statement (store, paul, BESPOKE_SECTION_IMPORTANT, 1, "Camping every few weeks.");
  /* someone else's */
  saved[n++] = save_statement (store, anne, BESPOKE_SECTION_IMPORTANT, 0, "My dog, Biscuit.");

  profile = bespoke_profile_load (store, bespoke_record_get_uuid (BESPOKE_RECORD (paul)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  g_assert_cmpstr (bespoke_profile_get_person_uuid (profile), ==, bespoke_record_get_uuid (BESPOKE_RECORD (paul)));
  g_assert_cmpuint (bespoke_profile_get_n_statements (profile), ==, 7);

  assert_section (profile, BESPOKE_SECTION_APPRECIATION,
                  "I am always on time. | I am kind to my cousin. | I make people laugh.");
  assert_section (profile, BESPOKE_SECTION_IMPORTANT,
                  "Keeping the garage clean and tidy. | Camping every few weeks.");
  assert_section (profile, BESPOKE_SECTION_SUPPORT,
                  "Tell me what is happening today. | Give me time to answer.");

  /* one statement moved to another heading, another down its own */
  g_clear_object (&profile);
  bespoke_statement_set_section (saved[1], BESPOKE_SECTION_IMPORTANT);
  g_assert_true (bespoke_store_save (store, saved[1], &error));
  g_assert_no_error (error);
  bespoke_statement_set_position (saved[2], 5);
  g_assert_true (bespoke_store_save (store, saved[2], &error));
  profile = bespoke_profile_load (store, bespoke_record_get_uuid (BESPOKE_RECORD (paul)), &error);
  g_assert_no_error (error);
  assert_section (profile, BESPOKE_SECTION_APPRECIATION, "I am always on time. | I am kind to my cousin.");
  assert_section (profile, BESPOKE_SECTION_IMPORTANT,
                  "Camping every few weeks. | I make people laugh. | Keeping the garage clean and tidy.");
  g_assert_cmpuint (bespoke_profile_get_n_statements (profile), ==, 7);

  for (guint i = 0; i < n; i++)
    g_object_unref (saved[i]);
  g_assert_finalize_object (g_steal_pointer (&profile));
  g_assert_finalize_object (store);
}

static void
test_empty (void)
{
  BespokeStore *store = open_store ();
  g_autoptr(BespokePerson) paul = save_person (store, "Paul Smith");
  g_autoptr(GError) error = NULL;
  BespokeProfile *profile = bespoke_profile_load (store, bespoke_record_get_uuid (BESPOKE_RECORD (paul)), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (bespoke_profile_get_n_statements (profile), ==, 0);
  for (BespokeSection s = BESPOKE_SECTION_APPRECIATION; s <= BESPOKE_SECTION_SUPPORT; s++)
    g_assert_cmpuint (g_list_model_get_n_items (bespoke_profile_get_section (profile, s)), ==, 0);

  g_assert_finalize_object (profile);
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/profile/sections", test_sections);
  g_test_add_func ("/profile/empty", test_empty);

  return g_test_run ();
}
