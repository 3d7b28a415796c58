/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A database whose search index a migration left to be built again, for
 * test-search-rebuild.c and test-preparing-window.c; include after
 * bespoke-test-util.h. */

#include <sqlite3.h>

/* The people of the fixture: 1,200 clients, 2 members of staff and 1
 * archived client, so 1,200 + 2 + 1 = 1,203 in the people table.  The
 * rebuild indexes every row, archived and staff included. */
#define N_CLIENTS 1200
#define N_PEOPLE  1203

static inline sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static inline void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static inline gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Everything the rebuild writes (the index, the sort keys, the pending
 * row), as one text, to compare before and after */
static inline char *
index_contents (const char *path)
{
  const char *queries[] = {
    "SELECT word || ' ' || uuid FROM people_search ORDER BY word, uuid",
    "SELECT uuid || ' ' || ifnull(sort_key, '(null)') FROM people ORDER BY uuid",
    "SELECT 'pending ' || pending FROM people_search_rebuild ORDER BY rowid",
  };
  sqlite3 *db = raw_open (path);
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (out, "%s\n", (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* A database of N_PEOPLE whose index is as the schema-6 and -8 migrations
 * leave it: empty, no sort keys, and a row asking for the rebuild. */
static inline char *
make_pending_database (void)
{
  g_autofree char *dir = temp_dir ();
  char *path = g_build_filename (dir, "pending.db", NULL);
  g_autoptr(BespokeStore) store = open_store_at (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (bespoke_store_begin (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(BespokePerson) person = bespoke_person_new ();
      g_autofree char *name = NULL;

      if (i < N_CLIENTS)
        name = g_strdup_printf ("\u00c9lodie Client %04u", i);
      else if (i < N_CLIENTS + 2)
        name = g_strdup_printf ("Sam Staff %u", i - N_CLIENTS);
      else
        name = g_strdup ("Archie Archived");
      bespoke_person_set_name (person, name);
      bespoke_person_set_is_staff (person, i >= N_CLIENTS && i < N_CLIENTS + 2);
      bespoke_person_set_archived (person, i == N_PEOPLE - 1);
      save_ok (store, person);
    }
  g_assert_true (bespoke_store_commit (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  raw_exec (path, "DELETE FROM people_search; UPDATE people SET sort_key = NULL; "
                  "INSERT INTO people_search_rebuild (pending) VALUES (1)");
  return path;
}
