/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A whole export reads each person's own rows (circle, statements,
 * thinking-tool statements, sessions, plans) by merging: one query per
 * kind, walked beside the people in UUID order, where exporting some
 * people asks once per person and kind.  The two must write every person
 * the same, wherever the person falls among the two workers' chunks of 32,
 * and must leave out rows whose person is not there, as a query per person
 * never finds them (issue #13, the export's speed). */
#define G_LOG_DOMAIN "bespoke-test-xml-export-merge"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "bespoke-session.h"
#include "bespoke-tool-statement.h"
#include "bespoke-xml-export.h"
#include "xml-test-util.h"

#define N_SYNTH 150

/* The people's UUIDs in UUID order, read with SQLite itself */
static GPtrArray *
people_by_uuid (const char *db)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *conn = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (conn, "SELECT uuid FROM people ORDER BY uuid", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (conn);
  return uuids;
}

/* Two tool statements and two sessions for @person, each pair saved in
 * the reverse of the order they are listed in */
static void
add_rows (BespokeStore *store,
          const char   *person)
{
  static const struct { guint position; const char *text; } statements[] = {
    { 2, "second" }, { 1, "first" },
  };
  static const char *dates[] = { "2026-03-01", "2026-01-15" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(BespokeToolStatement) statement = bespoke_tool_statement_new ();

      bespoke_tool_statement_set_person_uuid (statement, person);
      bespoke_tool_statement_set_position (statement, statements[i].position);
      bespoke_tool_statement_set_text (statement, statements[i].text);
      g_assert_true (bespoke_store_save (store, statement, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(BespokeSession) session = bespoke_session_new ();

      bespoke_session_set_person_uuid (session, person);
      bespoke_session_set_date (session, dates[i]);
      g_assert_true (bespoke_store_save (store, session, &error));
      g_assert_no_error (error);
    }
}

/* A copy of a tool statement and of a circle member whose person is
 * @person_uuid, which is nobody's: written as a damaged or hand-edited
 * database might hold them, with the foreign keys off */
static void
add_orphans (const char *db,
             const char *suffix,
             const char *person_uuid)
{
  g_autofree char *sql = NULL;
  sqlite3 *conn = NULL;

  sql = g_strdup_printf ("CREATE TEMP TABLE t AS SELECT * FROM tool_statements LIMIT 1;"
                         "UPDATE t SET uuid = 'orphan-tool-%s', person_uuid = '%s';"
                         "INSERT INTO tool_statements SELECT * FROM t; DROP TABLE t;"
                         "CREATE TEMP TABLE c AS SELECT * FROM circle_members LIMIT 1;"
                         "UPDATE c SET uuid = 'orphan-circle-%s', person_uuid = '%s';"
                         "INSERT INTO circle_members SELECT * FROM c; DROP TABLE c;",
                         suffix, person_uuid, suffix, person_uuid);
  g_assert_cmpint (sqlite3_open (db, &conn), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (conn);
}

/* @person's element in the file @text: from its line to its end tag */
static char *
person_element (const char *text,
                const char *person)
{
  g_autofree char *start_tag = g_strdup_printf ("\n<person id=\"%s\"", person);
  const char *start = strstr (text, start_tag);
  const char *end;

  g_assert_nonnull (start);
  end = strstr (start, "</person>");
  g_assert_nonnull (end);
  return g_strndup (start, (gsize) (end + strlen ("</person>") - start));
}

static guint
count (const char *text,
       const char *what)
{
  guint n = 0;

  for (const char *at = strstr (text, what); at != NULL; at = strstr (at + 1, what))
    n++;
  return n;
}

static char *
file_text (const char *path)
{
  char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_merge_same_as_per_person (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "merge.db", NULL);
  g_autofree char *all = g_build_filename (dir, "all.bespoke", NULL);
  g_autofree char *serial = g_build_filename (dir, "serial.bespoke", NULL);
  g_autofree char *whole = NULL;
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_last = NULL;
  g_autofree char *between = NULL;
  /* the first and last people, either side of the first chunks' borders
   * (0–31 go to one worker, 32–63 to the other, 64–95 to the first), and
   * the person after the orphans that sort among the people */
  guint chosen[] = { 0, 30, 31, 32, 33, 63, 64, 65, 100, 101, 0 };
  guint n_chosen = G_N_ELEMENTS (chosen);

  bespoke_synth_people (store, N_SYNTH, 3, NULL, NULL, &error);
  g_assert_no_error (error);
  uuids = people_by_uuid (db);
  g_assert_cmpuint (uuids->len, ==, N_SYNTH);
  chosen[n_chosen - 1] = uuids->len - 1;
  for (guint i = 0; i < n_chosen; i++)
    add_rows (store, uuids->pdata[chosen[i]]);

  /* orphans: before everyone, between people 99 and 100 (the UUID of 99
   * with a character more sorts after it and before 100), and after
   * everyone */
  between = g_strconcat (uuids->pdata[99], "0", NULL);
  after_last = g_strconcat (uuids->pdata[uuids->len - 1], "0", NULL);
  add_orphans (db, "before", "");
  add_orphans (db, "between", between);
  add_orphans (db, "after", after_last);

  export_all (store, all);
  whole = file_text (all);
  assert_valid_against_published_schema (all);

  /* the orphans were never anyone's to export */
  g_assert_null (strstr (whole, "orphan-"));

  for (guint i = 0; i < n_chosen; i++)
    {
      const char *person = uuids->pdata[chosen[i]];
      g_autofree char *one = g_build_filename (dir, "one.bespoke", NULL);
      const char *only[] = { person, NULL };
      g_autofree char *one_text = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;
      const char *first, *second, *january, *march;

      bespoke_xml_export (store, BESPOKE_XML_EXPORT_PEOPLE, only, one, &error);
      g_assert_no_error (error);
      one_text = file_text (one);
      expected = person_element (one_text, person);
      actual = person_element (whole, person);
      g_assert_cmpstr (actual, ==, expected);

      /* what add_rows() gave them, in their list order: by position, by date */
      g_assert_cmpuint (count (actual, "<tool-statement "), ==, 2);
      g_assert_cmpuint (count (actual, "<session "), ==, 2);
      first = strstr (actual, ">first<");
      second = strstr (actual, ">second<");
      january = strstr (actual, "2026-01-15");
      march = strstr (actual, "2026-03-01");
      g_assert_true (first != NULL && second != NULL && first < second);
      g_assert_true (january != NULL && march != NULL && january < march);
    }

  /* people given nothing have no such rows: 11 people were given 2 each */
  g_assert_cmpuint (count (whole, "<tool-statement "), ==, 2 * n_chosen);
  g_assert_cmpuint (count (whole, "<session "), ==, 2 * n_chosen);

  /* and on one thread, inside a caller's transaction, the same bytes */
  g_assert_true (bespoke_store_begin (store, &error));
  export_all (store, serial);
  bespoke_store_rollback (store);
  {
    g_autofree char *serial_text = file_text (serial);

    g_assert_cmpstr (serial_text, ==, whole);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/xml-export-merge/same-as-per-person", test_merge_same_as_per_person);
  return g_test_run ();
}
