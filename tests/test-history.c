/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo and redo of edits made through BespokeHistory. */
#define G_LOG_DOMAIN "bespoke-test-history"

#include "bespoke-core.h"

typedef struct
{
  BespokeStore   *store;
  BespokeHistory *history;
  BespokePerson  *person;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = bespoke_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->person = bespoke_person_new ();
  bespoke_person_set_name (f->person, "Jennie Walsh");
  g_assert_true (bespoke_store_save (f->store, f->person, &error));
  f->history = bespoke_history_new (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->history);
  g_clear_object (&f->person);
  g_assert_finalize_object (f->store);
}

static BespokeStatement *
statement (Fixture *f, const char *text, guint position)
{
  BespokeStatement *s = bespoke_statement_new ();

  bespoke_statement_set_person_uuid (s, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)));
  bespoke_statement_set_section (s, BESPOKE_SECTION_IMPORTANT);
  bespoke_statement_set_position (s, position);
  bespoke_statement_set_text (s, text);
  return s;
}

static char *
stored_text (Fixture *f, BespokeStatement *s)
{
  g_autoptr(BespokeStatement) now = bespoke_store_load (f->store, BESPOKE_TYPE_STATEMENT,
                                                        bespoke_record_get_uuid (BESPOKE_RECORD (s)), NULL);
  return now ? g_strdup (bespoke_statement_get_text (now)) : NULL;
}

static void
test_add_edit_undo_redo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStatement) s = statement (f, "Swimming on Saturdays.", 0);
  g_autofree char *text = NULL;

  g_assert_false (bespoke_history_get_can_undo (f->history));
  g_assert_true (bespoke_history_save (f->history, s, "Add statement", &error));
  bespoke_statement_set_text (s, "Swimming on Saturday mornings.");
  g_assert_true (bespoke_history_save (f->history, s, "Edit statement", &error));
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==, "Edit statement");

  /* undo the edit: the first wording is back */
  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  text = stored_text (f, s);
  g_assert_cmpstr (text, ==, "Swimming on Saturdays.");
  g_clear_pointer (&text, g_free);
  g_assert_true (bespoke_history_get_can_redo (f->history));

  /* undo the add: it is gone */
  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_null (stored_text (f, s));
  g_assert_false (bespoke_history_get_can_undo (f->history));

  /* redo both */
  g_assert_true (bespoke_history_redo (f->history, &error));
  g_assert_true (bespoke_history_redo (f->history, &error));
  text = stored_text (f, s);
  g_assert_cmpstr (text, ==, "Swimming on Saturday mornings.");
  g_assert_false (bespoke_history_get_can_redo (f->history));
}

static void
test_delete_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStatement) s = statement (f, "My music, loud.", 0);
  g_autofree char *text = NULL;

  g_assert_true (bespoke_store_save (f->store, s, &error));
  g_assert_true (bespoke_history_delete (f->history, s, "Delete statement", &error));
  g_assert_null (stored_text (f, s));
  g_assert_true (bespoke_history_undo (f->history, &error));
  text = stored_text (f, s);
  g_assert_cmpstr (text, ==, "My music, loud.");
}

/* A reorder moves two statements in one step: one undo restores both. */
static void
test_group (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStatement) a = statement (f, "A", 0);
  g_autoptr(BespokeStatement) b = statement (f, "B", 1);
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (bespoke_store_save (f->store, a, &error));
  g_assert_true (bespoke_store_save (f->store, b, &error));

  bespoke_history_begin_group (f->history, "Move statement up");
  bespoke_statement_set_position (a, 1);
  bespoke_statement_set_position (b, 0);
  g_assert_true (bespoke_history_save (f->history, a, NULL, &error));
  g_assert_true (bespoke_history_save (f->history, b, NULL, &error));
  bespoke_history_end_group (f->history);
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==, "Move statement up");

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_false (bespoke_history_get_can_undo (f->history));
  list = bespoke_store_list (f->store, BESPOKE_TYPE_STATEMENT, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)), &error);
  g_assert_cmpstr (bespoke_statement_get_text (g_ptr_array_index (list, 0)), ==, "A");
  g_assert_cmpstr (bespoke_statement_get_text (g_ptr_array_index (list, 1)), ==, "B");
}

/* An invalid edit is refused, changes nothing and leaves no step. */
static void
test_invalid_not_recorded (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStatement) s = statement (f, "   ", 0);

  g_assert_false (bespoke_history_save (f->history, s, "Add statement", &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_false (bespoke_history_get_can_undo (f->history));
  g_assert_cmpint (bespoke_store_count (f->store, BESPOKE_TYPE_STATEMENT, NULL), ==, 0);
}

static GBytes *
stored_photo (Fixture *f, char **mime_type)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = bespoke_store_get_photo (f->store, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)),
                                           mime_type, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
assert_photo (Fixture    *f,
              GBytes     *expected,
              const char *expected_type)
{
  g_autofree char *mime_type = NULL;
  g_autoptr(GBytes) bytes = stored_photo (f, &mime_type);

  if (expected == NULL)
    {
      g_assert_null (bytes);
      return;
    }
  g_assert_nonnull (bytes);
  g_assert_true (g_bytes_equal (bytes, expected));
  g_assert_cmpstr (mime_type, ==, expected_type);
}

static void
changed_cb (BespokeStore *store,
            GType         type,
            const char   *uuid,
            gpointer      user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup_printf ("%s %s", g_type_name (type), uuid));
}

/* A photo is set, replaced and removed like any other edit: each is a step,
 * and the bytes (and their type) come back exactly as they were set. */
static void
test_photo (Fixture *f, gconstpointer data)
{
  static const guint8 a_data[] = { 0x89, 'P', 'N', 'G', 'A' };
  static const guint8 b_data[] = { 0xff, 0xd8, 0xff, 'B', 'B', 'B' };
  g_autoptr(GBytes) a = g_bytes_new_static (a_data, sizeof a_data);
  g_autoptr(GBytes) b = g_bytes_new_static (b_data, sizeof b_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (f->person));
  g_autofree char *expected_change = g_strdup_printf ("BespokePerson %s", uuid);

  g_assert_true (bespoke_history_set_photo (f->history, uuid, a, "image/png", "Change Photo", &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_history_set_photo (f->history, uuid, b, "image/jpeg", "Change Photo", &error));
  g_assert_no_error (error);
  assert_photo (f, b, "image/jpeg");
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==, "Change Photo");

  /* Each undo and redo tells the store's listeners the person changed */
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), seen);

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  assert_photo (f, a, "image/png");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, expected_change);

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  assert_photo (f, NULL, NULL);
  g_assert_false (bespoke_history_get_can_undo (f->history));
  g_assert_cmpuint (seen->len, ==, 2);

  g_assert_true (bespoke_history_redo (f->history, &error));
  g_assert_no_error (error);
  assert_photo (f, a, "image/png");

  g_assert_true (bespoke_history_redo (f->history, &error));
  g_assert_no_error (error);
  assert_photo (f, b, "image/jpeg");
  g_assert_false (bespoke_history_get_can_redo (f->history));
  g_assert_cmpuint (seen->len, ==, 4);

  g_signal_handlers_disconnect_by_func (f->store, changed_cb, seen);

  /* Removing it is a step too, undone back to B */
  g_assert_true (bespoke_history_set_photo (f->history, uuid, NULL, NULL, "Remove Photo", &error));
  g_assert_no_error (error);
  assert_photo (f, NULL, NULL);
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==, "Remove Photo");
  g_assert_true (bespoke_history_undo (f->history, &error));
  assert_photo (f, b, "image/jpeg");
  g_assert_true (bespoke_history_redo (f->history, &error));
  assert_photo (f, NULL, NULL);
}

/* Removing a photo nobody has, or setting the same one again, is no step. */
static void
test_photo_unchanged (Fixture *f, gconstpointer data)
{
  static const guint8 a_data[] = { 1, 2, 3 };
  g_autoptr(GBytes) a = g_bytes_new_static (a_data, sizeof a_data);
  g_autoptr(GError) error = NULL;
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (f->person));

  g_assert_true (bespoke_history_set_photo (f->history, uuid, NULL, NULL, "Remove Photo", &error));
  g_assert_no_error (error);
  g_assert_false (bespoke_history_get_can_undo (f->history));

  g_assert_true (bespoke_history_set_photo (f->history, uuid, a, "image/png", "Change Photo", &error));
  g_assert_true (bespoke_history_set_photo (f->history, uuid, a, "image/png", "Change Photo", &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_history_undo (f->history, &error));
  assert_photo (f, NULL, NULL);
  g_assert_false (bespoke_history_get_can_undo (f->history));
}

/* A photo and a statement changed in one group come back together. */
static void
test_photo_in_group (Fixture *f, gconstpointer data)
{
  static const guint8 a_data[] = { 'A' };
  g_autoptr(GBytes) a = g_bytes_new_static (a_data, sizeof a_data);
  g_autoptr(BespokeStatement) s = statement (f, "Likes a fresh start.", 0);
  g_autoptr(GError) error = NULL;
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (f->person));

  bespoke_history_begin_group (f->history, "Fresh Start");
  g_assert_true (bespoke_history_set_photo (f->history, uuid, a, "image/png", NULL, &error));
  g_assert_true (bespoke_history_save (f->history, s, NULL, &error));
  bespoke_history_end_group (f->history);
  g_assert_no_error (error);

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  assert_photo (f, NULL, NULL);
  g_assert_null (stored_text (f, s));
  g_assert_true (bespoke_history_redo (f->history, &error));
  assert_photo (f, a, "image/png");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/history/add-edit-undo-redo", Fixture, NULL, fixture_set_up, test_add_edit_undo_redo, fixture_tear_down);
  g_test_add ("/history/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/history/group", Fixture, NULL, fixture_set_up, test_group, fixture_tear_down);
  g_test_add ("/history/photo", Fixture, NULL, fixture_set_up, test_photo, fixture_tear_down);
  g_test_add ("/history/photo-unchanged", Fixture, NULL, fixture_set_up, test_photo_unchanged, fixture_tear_down);
  g_test_add ("/history/photo-in-group", Fixture, NULL, fixture_set_up, test_photo_in_group, fixture_tear_down);
  g_test_add ("/history/invalid-not-recorded", Fixture, NULL, fixture_set_up, test_invalid_not_recorded, fixture_tear_down);

  return g_test_run ();
}
