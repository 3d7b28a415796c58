/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Facilitated sessions in the core (issue #10): the new tool statements
 * and session records stored and read back, a schema-4 database brought
 * up to date, who said a statement typed as a prefix, and a tool's lists
 * changed through the history. */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "bespoke-circle-member.h"
#include "bespoke-error.h"
#include "bespoke-example.h"
#include "bespoke-history.h"
#include "bespoke-person.h"
#include "bespoke-session.h"
#include "bespoke-session-board.h"
#include "bespoke-session-tool.h"
#include "bespoke-statement.h"
#include "bespoke-store.h"
#include "bespoke-tool-statement.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-import.h"
#include "bespoke-test-util.h"

static BespokePerson *
add_person (BespokeStore *store,
            const char   *name,
            const char   *preferred)
{
  BespokePerson *person = bespoke_person_new ();

  bespoke_person_set_name (person, name);
  bespoke_person_set_preferred_name (person, preferred);
  save_ok (store, person);
  return person;
}

static BespokeCircleMember *
add_member (BespokeStore  *store,
            BespokePerson *person,
            const char    *name,
            const char    *relationship,
            guint          position)
{
  BespokeCircleMember *member = bespoke_circle_member_new ();

  bespoke_circle_member_set_person_uuid (member, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  bespoke_circle_member_set_name (member, name);
  bespoke_circle_member_set_relationship (member, relationship);
  bespoke_circle_member_set_position (member, position);
  save_ok (store, member);
  return member;
}

static void
test_store_round_trip (void)
{
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autoptr(BespokePerson) paul = add_person (store, "Paul Smith", "Paul");
  g_autoptr(BespokeCircleMember) mum = add_member (store, paul, "Sarah Smith", "Mum", 0);
  const char *paul_uuid = bespoke_record_get_uuid (BESPOKE_RECORD (paul));
  const char *mum_uuid = bespoke_record_get_uuid (BESPOKE_RECORD (mum));
  g_autoptr(BespokeToolStatement) st = bespoke_tool_statement_new ();
  g_autoptr(BespokeStatement) profile_st = bespoke_statement_new ();
  g_autoptr(BespokeSession) session = bespoke_session_new ();
  g_autoptr(BespokeToolStatement) st_back = NULL;
  g_autoptr(BespokeStatement) profile_back = NULL;
  g_autoptr(BespokeSession) session_back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) statements = NULL;

  bespoke_tool_statement_set_person_uuid (st, paul_uuid);
  bespoke_tool_statement_set_section (st, BESPOKE_TOOL_SECTION_NOT_WORKING_FAMILY);
  bespoke_tool_statement_set_text (st, "Mornings are a rush before work.");
  bespoke_tool_statement_set_said_by (st, mum_uuid);
  save_ok (store, st);

  bespoke_statement_set_person_uuid (profile_st, paul_uuid);
  bespoke_statement_set_section (profile_st, BESPOKE_SECTION_IMPORTANT);
  bespoke_statement_set_text (profile_st, "Keeping the garage clean and tidy.");
  bespoke_statement_set_said_by (profile_st, paul_uuid);
  save_ok (store, profile_st);

  bespoke_session_set_person_uuid (session, paul_uuid);
  bespoke_session_set_date (session, "2026-12-05");
  bespoke_session_set_start_time (session, "14:05");
  bespoke_session_set_end_time (session, "15:30");
  bespoke_session_set_facilitator (session, "Jo Facilitator");
  bespoke_session_set_participants (session, mum_uuid);
  bespoke_session_set_guests (session, "Pastor Dave\nCousin Lee");
  bespoke_session_set_draft (session, "He likes the bus dri");
  bespoke_session_set_draft_tool (session, BESPOKE_SESSION_TOOL_GOOD_DAY);
  bespoke_session_set_draft_section (session, 1);
  g_assert_true (bespoke_session_note_statement (session, bespoke_record_get_uuid (BESPOKE_RECORD (st))));
  g_assert_true (bespoke_session_note_statement (session, bespoke_record_get_uuid (BESPOKE_RECORD (profile_st))));
  /* noted once only */
  g_assert_false (bespoke_session_note_statement (session, bespoke_record_get_uuid (BESPOKE_RECORD (st))));
  save_ok (store, session);

  st_back = bespoke_store_load (store, BESPOKE_TYPE_TOOL_STATEMENT, bespoke_record_get_uuid (BESPOKE_RECORD (st)), &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_record_equal (BESPOKE_RECORD (st), BESPOKE_RECORD (st_back)));
  g_assert_cmpstr (bespoke_tool_statement_get_said_by (st_back), ==, mum_uuid);
  g_assert_cmpint (bespoke_tool_statement_get_section (st_back), ==, BESPOKE_TOOL_SECTION_NOT_WORKING_FAMILY);

  profile_back = bespoke_store_load (store, BESPOKE_TYPE_STATEMENT, bespoke_record_get_uuid (BESPOKE_RECORD (profile_st)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_statement_get_said_by (profile_back), ==, paul_uuid);

  session_back = bespoke_store_load (store, BESPOKE_TYPE_SESSION, bespoke_record_get_uuid (BESPOKE_RECORD (session)), &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_record_equal (BESPOKE_RECORD (session), BESPOKE_RECORD (session_back)));
  g_assert_cmpstr (bespoke_session_get_draft (session_back), ==, "He likes the bus dri");
  g_assert_cmpint (bespoke_session_get_draft_tool (session_back), ==, BESPOKE_SESSION_TOOL_GOOD_DAY);
  statements = bespoke_session_split (bespoke_session_get_statements (session_back));
  g_assert_cmpuint (g_strv_length (statements), ==, 2);
  g_assert_cmpstr (statements[0], ==, bespoke_record_get_uuid (BESPOKE_RECORD (st)));

  /* deleting the person deletes their sessions and tool statements */
  g_assert_true (bespoke_store_delete (store, paul, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_SESSION, &error), ==, 0);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_TOOL_STATEMENT, &error), ==, 0);
}

/* Bad input gets a sentence naming the field, and is not stored. */
static void
test_session_bad_times (void)
{
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autoptr(BespokePerson) paul = add_person (store, "Paul Smith", NULL);
  g_autoptr(BespokeSession) session = bespoke_session_new ();
  g_autoptr(GError) error = NULL;

  bespoke_session_set_person_uuid (session, bespoke_record_get_uuid (BESPOKE_RECORD (paul)));
  bespoke_session_set_date (session, "2026-12-05");
  bespoke_session_set_start_time (session, "25:00");
  g_assert_false (bespoke_store_save (store, session, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The start time (25:00)"));
  g_clear_error (&error);

  bespoke_session_set_start_time (session, "9:30");
  g_assert_false (bespoke_store_save (store, session, &error));
  g_assert_nonnull (strstr (error->message, "like 14:05"));
  g_clear_error (&error);

  bespoke_session_set_start_time (session, "09:30");
  bespoke_session_set_date (session, "5/12/2026");
  g_assert_false (bespoke_store_save (store, session, &error));
  g_assert_nonnull (strstr (error->message, "The session’s date"));
  g_clear_error (&error);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_SESSION, &error), ==, 0);
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

/* A database at schema 4, made by running the first four migrations as
 * they ship, holding Paul with one profile statement. */
static void
make_schema_4 (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_ok (db, "PRAGMA foreign_keys = ON");
  for (guint i = 1; i <= 4; i++)
    {
      static const char *names[] = { NULL, "0001-initial", "0002-costing", "0003-exchange", "0004-people-counts" };
      g_autofree char *res = g_strdup_printf ("/org/bespoke/Bespoke/migrations/%s.sql", names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) sql = g_resources_lookup_data (res, 0, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      exec_ok (db, text);
    }
  exec_ok (db, "PRAGMA application_id = 1112756299; PRAGMA user_version = 4;");
  exec_ok (db, "INSERT INTO people (uuid, name, is_staff) VALUES ('11111111-1111-4111-8111-111111111111', 'Paul Smith', 0)");
  exec_ok (db, "INSERT INTO statements (uuid, person_uuid, section, position, text) VALUES "
               "('44444444-4444-4444-8444-444444444444', '11111111-1111-4111-8111-111111111111', 'appreciation', 0, 'I am always on time.')");
  sqlite3_close (db);
}

static void
test_migrate_schema_4 (void)
{
  g_autofree char *tmp = temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "schema-4.db", NULL);
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(BespokeStatement) statement = NULL;
  g_autoptr(BespokeToolStatement) good = bespoke_tool_statement_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (BESPOKE_STORE_APPLICATION_ID, ==, 1112756299);
  make_schema_4 (path);
  store = open_store_at (path);
  g_assert_false (bespoke_store_get_read_only (store));
  g_assert_cmpint (bespoke_store_get_schema_version (store), ==, bespoke_store_get_latest_schema ());
  g_assert_cmpint (bespoke_store_get_schema_version (store), >=, 5);

  statement = bespoke_store_load (store, BESPOKE_TYPE_STATEMENT, "44444444-4444-4444-8444-444444444444", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_statement_get_text (statement), ==, "I am always on time.");
  g_assert_null (bespoke_statement_get_said_by (statement));

  bespoke_tool_statement_set_person_uuid (good, "11111111-1111-4111-8111-111111111111");
  bespoke_tool_statement_set_section (good, BESPOKE_TOOL_SECTION_GOOD_DAY);
  bespoke_tool_statement_set_text (good, "A lie-in and a bacon roll.");
  save_ok (store, good);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_TOOL_STATEMENT, &error), ==, 1);
}

static void
test_split_said_by (void)
{
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autoptr(BespokeHistory) history = bespoke_history_new (store);
  g_autoptr(BespokePerson) paul = add_person (store, "Paul Smith", "Paul");
  g_autoptr(BespokeCircleMember) mum = add_member (store, paul, "Sarah Smith", "Mum", 0);
  g_autoptr(BespokeCircleMember) tom = add_member (store, paul, "Tom Smith", "brother", 1);
  g_autoptr(BespokeSessionBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  char *said_by = NULL;
  char *text;

  board = bespoke_session_board_new (store, history, bespoke_record_get_uuid (BESPOKE_RECORD (paul)),
                                     BESPOKE_SESSION_TOOL_WORKING_FAMILY, &error);
  g_assert_no_error (error);

  text = bespoke_session_board_split_said_by (board, "Mum: he is calmer since May", &said_by);
  g_assert_cmpstr (text, ==, "he is calmer since May");
  g_assert_cmpstr (said_by, ==, bespoke_record_get_uuid (BESPOKE_RECORD (mum)));
  g_free (text);
  g_clear_pointer (&said_by, g_free);

  /* the first letters of a name, in any case */
  text = bespoke_session_board_split_said_by (board, "to:Saturdays are long", &said_by);
  g_assert_cmpstr (text, ==, "Saturdays are long");
  g_assert_cmpstr (said_by, ==, bespoke_record_get_uuid (BESPOKE_RECORD (tom)));
  g_free (text);
  g_clear_pointer (&said_by, g_free);

  /* "me" is the person */
  text = bespoke_session_board_split_said_by (board, "me: I like my job", &said_by);
  g_assert_cmpstr (said_by, ==, bespoke_record_get_uuid (BESPOKE_RECORD (paul)));
  g_free (text);
  g_clear_pointer (&said_by, g_free);

  /* a prefix that names no one is part of the words */
  text = bespoke_session_board_split_said_by (board, "Note: the bus is at 8", &said_by);
  g_assert_cmpstr (text, ==, "Note: the bus is at 8");
  g_assert_null (said_by);
  g_free (text);

  text = bespoke_session_board_name_of (board, bespoke_record_get_uuid (BESPOKE_RECORD (mum)));
  g_assert_cmpstr (text, ==, "Sarah Smith (Mum)");
  g_free (text);
  text = bespoke_session_board_name_of (board, bespoke_record_get_uuid (BESPOKE_RECORD (paul)));
  g_assert_cmpstr (text, ==, "Paul");
  g_free (text);
}

static char *
text_at (BespokeSessionBoard *board,
         guint                section,
         guint                i)
{
  g_autoptr(BespokeRecord) record = g_list_model_get_item (bespoke_session_board_get_section (board, section), i);

  return bespoke_session_board_dup_text (record);
}

#define assert_text(board, section, i, expected) \
  G_STMT_START { g_autofree char *t_ = text_at (board, section, i); g_assert_cmpstr (t_, ==, expected); } G_STMT_END

static void
test_board_edits (void)
{
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autoptr(BespokeHistory) history = bespoke_history_new (store);
  g_autoptr(BespokePerson) paul = add_person (store, "Paul Smith", "Paul");
  g_autoptr(BespokeSessionBoard) board = NULL;
  g_autoptr(BespokeSessionBoard) again = NULL;
  g_autoptr(BespokeRecord) a = NULL;
  g_autoptr(BespokeRecord) b = NULL;
  g_autoptr(BespokeRecord) c = NULL;
  g_autoptr(BespokeRecord) none = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (paul));
  GListModel *good;

  board = bespoke_session_board_new (store, history, uuid, BESPOKE_SESSION_TOOL_GOOD_DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bespoke_session_board_get_n_sections (board), ==, 2);
  good = bespoke_session_board_get_section (board, 0);

  a = bespoke_session_board_add (board, 0, "  A lie-in.  ", NULL, &error);
  g_assert_no_error (error);
  b = bespoke_session_board_add (board, 0, "Football on the telly.", uuid, &error);
  c = bespoke_session_board_add (board, 1, "The bus is late.", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (good), ==, 2);
  assert_text (board, 0, 0, "A lie-in.");
  assert_text (board, 1, 0, "The bus is late.");

  /* empty words are refused with a sentence, and nothing is added */
  none = bespoke_session_board_add (board, 0, "   ", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The statement is empty"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (good), ==, 2);

  /* move the second up: one step of the history */
  g_assert_true (bespoke_session_board_move (board, b, 0, &error));
  g_assert_no_error (error);
  assert_text (board, 0, 0, "Football on the telly.");
  assert_text (board, 0, 1, "A lie-in.");
  g_assert_true (bespoke_history_undo (history, &error));
  assert_text (board, 0, 0, "A lie-in.");
  g_assert_true (bespoke_history_redo (history, &error));
  assert_text (board, 0, 0, "Football on the telly.");

  /* change the words */
  g_assert_true (bespoke_session_board_change (board, a, "A lie-in on Sunday.", NULL, &error));
  g_assert_no_error (error);
  assert_text (board, 0, 1, "A lie-in on Sunday.");

  /* delete, and undo brings it back where it was */
  g_assert_true (bespoke_session_board_remove (board, c, &error));
  g_assert_cmpuint (g_list_model_get_n_items (bespoke_session_board_get_section (board, 1)), ==, 0);
  g_assert_true (bespoke_history_undo (history, &error));
  g_assert_no_error (error);
  assert_text (board, 1, 0, "The bus is late.");

  /* another board reads what is stored */
  again = bespoke_session_board_new (store, history, uuid, BESPOKE_SESSION_TOOL_GOOD_DAY, &error);
  g_assert_no_error (error);
  assert_text (again, 0, 0, "Football on the telly.");
  assert_text (again, 0, 1, "A lie-in on Sunday.");
  assert_text (again, 1, 0, "The bus is late.");
  {
    g_autoptr(BespokeRecord) first = g_list_model_get_item (bespoke_session_board_get_section (again, 0), 0);
    g_autofree char *said_by = bespoke_session_board_dup_said_by (first);

    g_assert_cmpstr (said_by, ==, uuid);
  }
  /* the other tools' lists hold none of them */
  g_clear_object (&again);
  again = bespoke_session_board_new (store, history, uuid, BESPOKE_SESSION_TOOL_WORKING_PERSON, &error);
  g_assert_cmpuint (g_list_model_get_n_items (bespoke_session_board_get_section (again, 0)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bespoke_session_board_get_section (again, 1)), ==, 0);
}

/* The outcomes tool adds to the current plan; with no plan it says what
 * to do.  The circle only shows. */
static void
test_board_outcomes_and_circle (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokeHistory) history = bespoke_history_new (store);
  g_autoptr(BespokePerson) paul = bespoke_store_find_person (store, "Paul", NULL);
  g_autoptr(BespokePerson) nobody = add_person (store, "New Person", NULL);
  g_autoptr(BespokeSessionBoard) board = NULL;
  g_autoptr(BespokeRecord) added = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  g_assert_nonnull (paul);
  board = bespoke_session_board_new (store, history, bespoke_record_get_uuid (BESPOKE_RECORD (paul)),
                                     BESPOKE_SESSION_TOOL_OUTCOMES, &error);
  g_assert_no_error (error);
  before = g_list_model_get_n_items (bespoke_session_board_get_section (board, 0));
  added = bespoke_session_board_add (board, 0, "I want to go to Blackpool.", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bespoke_session_board_get_section (board, 0)), ==, before + 1);
  g_clear_object (&board);

  board = bespoke_session_board_new (store, history, bespoke_record_get_uuid (BESPOKE_RECORD (nobody)),
                                     BESPOKE_SESSION_TOOL_OUTCOMES, &error);
  g_assert_no_error (error);
  g_assert_null (bespoke_session_board_add (board, 0, "I want a job.", NULL, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Plan page"));
  g_clear_error (&error);
  g_clear_object (&board);

  board = bespoke_session_board_new (store, history, bespoke_record_get_uuid (BESPOKE_RECORD (nobody)),
                                     BESPOKE_SESSION_TOOL_CIRCLE, &error);
  g_assert_cmpuint (bespoke_session_board_get_n_sections (board), ==, 0);
  g_assert_null (bespoke_session_board_add (board, 0, "Hello", NULL, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
}

/* Every tool's lists map to distinct stored sections, and back. */
static void
test_tools_table (void)
{
  for (guint t = 0; t < BESPOKE_N_SESSION_TOOLS; t++)
    {
      g_assert_nonnull (bespoke_session_tool_get_title (t));
      g_assert_nonnull (bespoke_session_tool_get_short_name (t));
      for (guint s = 0; s < bespoke_session_tool_get_n_sections (t); s++)
        {
          int stored = bespoke_session_tool_get_stored_section (t, s);
          BespokeSessionTool found_tool;
          guint found_section;

          g_assert_nonnull (bespoke_session_tool_get_heading (t, s, FALSE));
          if (stored < 0)
            continue;
          g_assert_true (bespoke_session_tool_find_section (stored, bespoke_session_tool_get_record_type (t),
                                                            &found_tool, &found_section));
          g_assert_cmpint (found_tool, ==, t);
          g_assert_cmpuint (found_section, ==, s);
        }
    }
  g_assert_cmpstr (bespoke_session_tool_get_heading (BESPOKE_SESSION_TOOL_PROFILE, 2, TRUE), ==,
                   "How to support me well at work");
}

/* A profile statement's speaker travels in the exchange file, and the
 * file validates against the schema. */
static void
test_xml_said_by (void)
{
  g_autofree char *tmp = temp_dir ();
  g_autofree char *file = g_build_filename (tmp, "paul.bespoke", NULL);
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autoptr(BespokeStore) other = open_store_at (":memory:");
  g_autoptr(BespokePerson) paul = add_person (store, "Paul Smith", "Paul");
  g_autoptr(BespokeCircleMember) mum = add_member (store, paul, "Sarah Smith", "Mum", 0);
  g_autoptr(BespokeStatement) st = bespoke_statement_new ();
  g_autoptr(BespokeStatement) back = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuids[] = { bespoke_record_get_uuid (BESPOKE_RECORD (paul)), NULL };

  bespoke_statement_set_person_uuid (st, uuids[0]);
  bespoke_statement_set_section (st, BESPOKE_SECTION_APPRECIATION);
  bespoke_statement_set_text (st, "He always says hello.");
  bespoke_statement_set_said_by (st, bespoke_record_get_uuid (BESPOKE_RECORD (mum)));
  save_ok (store, st);

  g_assert_true (bespoke_xml_export (store, BESPOKE_XML_EXPORT_PEOPLE, uuids, file, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_xml_validate (file, &error));
  g_assert_no_error (error);
  report = bespoke_xml_import (other, file, 0, &error);
  g_assert_no_error (error);
  back = bespoke_store_load (other, BESPOKE_TYPE_STATEMENT, bespoke_record_get_uuid (BESPOKE_RECORD (st)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_statement_get_said_by (back), ==, bespoke_record_get_uuid (BESPOKE_RECORD (mum)));
  g_assert_true (bespoke_record_equal (BESPOKE_RECORD (st), BESPOKE_RECORD (back)));
}

static BespokeToolStatement *
add_tool_statement (BespokeStore       *store,
                    BespokePerson      *person,
                    BespokeToolSection  section,
                    guint               position,
                    const char         *text,
                    const char         *said_by)
{
  BespokeToolStatement *st = bespoke_tool_statement_new ();

  bespoke_tool_statement_set_person_uuid (st, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  bespoke_tool_statement_set_section (st, section);
  bespoke_tool_statement_set_position (st, position);
  bespoke_tool_statement_set_text (st, text);
  bespoke_tool_statement_set_said_by (st, said_by);
  save_ok (store, st);
  return st;
}

static void
assert_same_in (BespokeStore  *other,
                BespokeRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeRecord) back = bespoke_store_load (other, G_OBJECT_TYPE (record),
                                                      bespoke_record_get_uuid (record), &error);

  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (bespoke_record_equal (record, back));
}

/* Exchange version 3: the thinking tools' statements (working / not
 * working, a good day / a bad day) and the session records travel with
 * the person, validate, and come back equal; importing the same file
 * again changes nothing; a tool statement in a section that does not
 * exist is refused with its line, and nothing is imported. */
static void
test_xml_tools_and_sessions (void)
{
  g_autofree char *tmp = temp_dir ();
  g_autofree char *file = g_build_filename (tmp, "paul.bespoke", NULL);
  g_autofree char *bad = g_build_filename (tmp, "bad.bespoke", NULL);
  g_autofree char *text = NULL;
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autoptr(BespokeStore) other = open_store_at (":memory:");
  g_autoptr(BespokeStore) third = open_store_at (":memory:");
  g_autoptr(BespokePerson) paul = add_person (store, "Paul Smith", "Paul");
  g_autoptr(BespokeCircleMember) mum = add_member (store, paul, "Sarah Smith", "Mum", 0);
  const char *mum_uuid = bespoke_record_get_uuid (BESPOKE_RECORD (mum));
  g_autoptr(BespokeToolStatement) working = add_tool_statement (store, paul, BESPOKE_TOOL_SECTION_WORKING_FAMILY, 0,
                                                                "He enjoys Saturday football.", mum_uuid);
  g_autoptr(BespokeToolStatement) bad_day = add_tool_statement (store, paul, BESPOKE_TOOL_SECTION_BAD_DAY, 0,
                                                                "The bus is late & nobody tells him.", NULL);
  g_autoptr(BespokeSession) session = bespoke_session_new ();
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(BespokeXmlImportReport) again = NULL;
  g_autoptr(BespokeXmlImportReport) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) broken = NULL;
  const char *uuids[] = { bespoke_record_get_uuid (BESPOKE_RECORD (paul)), NULL };

  bespoke_session_set_person_uuid (session, uuids[0]);
  bespoke_session_set_date (session, "2026-12-05");
  bespoke_session_set_start_time (session, "14:05");
  bespoke_session_set_end_time (session, "15:30");
  bespoke_session_set_facilitator (session, "Jo Facilitator");
  bespoke_session_set_participants (session, mum_uuid);
  bespoke_session_set_guests (session, "Pastor Dave\nCousin Lee");
  g_assert_true (bespoke_session_note_statement (session, bespoke_record_get_uuid (BESPOKE_RECORD (working))));
  g_assert_true (bespoke_session_note_statement (session, bespoke_record_get_uuid (BESPOKE_RECORD (bad_day))));
  save_ok (store, session);

  g_assert_true (bespoke_xml_export (store, BESPOKE_XML_EXPORT_PEOPLE, uuids, file, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_xml_validate (file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (file, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "schema-version=\"3\""));
  g_assert_nonnull (strstr (text, "<thinking-tools>"));
  g_assert_nonnull (strstr (text, "<section>bad-day</section>"));
  g_assert_nonnull (strstr (text, "<guests>Pastor Dave\nCousin Lee</guests>"));

  report = bespoke_xml_import (other, file, 0, &error);
  g_assert_no_error (error);
  /* person + circle member + 2 tool statements + the session */
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PERSON], ==, 1);
  assert_same_in (other, BESPOKE_RECORD (working));
  assert_same_in (other, BESPOKE_RECORD (bad_day));
  assert_same_in (other, BESPOKE_RECORD (session));

  again = bespoke_xml_import (other, file, 0, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < BESPOKE_XML_N_KINDS; k++)
    {
      g_assert_cmpuint (again->added[k], ==, 0);
      g_assert_cmpuint (again->updated[k], ==, 0);
    }
  g_assert_cmpuint (again->conflicts->len, ==, 0);

  /* a section no tool has: refused at its line, nothing imported */
  broken = g_string_new (text);
  g_assert_cmpuint (g_string_replace (broken, "<section>bad-day</section>", "<section>so-so-day</section>", 1), ==, 1);
  g_assert_true (g_file_set_contents (bad, broken->str, broken->len, &error));
  refused = bespoke_xml_import (third, bad, 0, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Line "));
  {
    g_autoptr(GError) load_error = NULL;
    g_autoptr(BespokeRecord) none = bespoke_store_load (third, BESPOKE_TYPE_PERSON, uuids[0], &load_error);
    g_assert_null (none);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/session/store-round-trip", test_store_round_trip);
  g_test_add_func ("/session/bad-times", test_session_bad_times);
  g_test_add_func ("/session/migrate-schema-4", test_migrate_schema_4);
  g_test_add_func ("/session/split-said-by", test_split_said_by);
  g_test_add_func ("/session/board-edits", test_board_edits);
  g_test_add_func ("/session/board-outcomes-and-circle", test_board_outcomes_and_circle);
  g_test_add_func ("/session/tools-table", test_tools_table);
  g_test_add_func ("/session/xml-tools-and-sessions", test_xml_tools_and_sessions);
  g_test_add_func ("/session/xml-said-by", test_xml_said_by);

  return g_test_run ();
}
