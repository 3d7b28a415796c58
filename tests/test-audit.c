/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit trail (issue #12): entries with who and when, deletions noted
 * by the store itself, the triggers that refuse UPDATE and DELETE, and
 * bespoke-cli audit [--since DATE]. */
#define G_LOG_DOMAIN "bespoke-test-audit"

#include <sqlite3.h>

#include "bespoke-core.h"
#include "bespoke-test-util.h"

typedef struct
{
  char         *dir;
  char         *db;
  BespokeStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = temp_dir ();
  f->db = g_build_filename (f->dir, "office.db", NULL);
  f->store = open_store_at (f->db);
  bespoke_example_install (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->db);
  g_free (f->dir);
}

static GPtrArray *
entries (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = bespoke_store_audit_list (f->store, 0, &error);

  g_assert_no_error (error);
  return list;
}

static BespokePerson *
person (Fixture    *f,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  BespokePerson *found = bespoke_store_find_person (f->store, name, &error);

  g_assert_no_error (error);
  return found;
}

static void
test_entries (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BespokePerson) paul = person (f, "Paul");
  g_autoptr(BespokePerson) jennie = person (f, "Jennie");
  const char *both[] = { uuid_of (paul), uuid_of (jennie), NULL };
  g_autofree char *subject = g_strdup_printf ("%s %s", uuid_of (paul), uuid_of (jennie));
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time ();
  BespokeAuditEntry *entry;

  bespoke_store_set_planner (f->store, "  Jo Bloggs ");
  g_assert_true (bespoke_store_audit_open (f->store, paul, &error));
  g_assert_true (bespoke_store_audit_export (f->store, both, "/media/usb/two.bespoke", TRUE, &error));
  g_assert_true (bespoke_store_audit_export (f->store, NULL, "/media/usb/all.bespoke", FALSE, &error));
  g_assert_true (bespoke_store_audit_import (f->store, "in.bespoke", TRUE, "2 new people", 1, &error));
  g_assert_no_error (error);

  list = entries (f);
  g_assert_cmpuint (list->len, ==, 4);
  for (guint i = 0; i < list->len; i++)
    {
      entry = list->pdata[i];
      g_assert_cmpstr (entry->system_user, ==, g_get_user_name ());
      g_assert_cmpstr (entry->planner, ==, "Jo Bloggs");
      g_assert_cmpint (entry->at, >=, before);
      g_assert_cmpint (entry->at, <=, g_get_real_time ());
    }
  entry = list->pdata[0];
  g_assert_cmpint (entry->action, ==, BESPOKE_AUDIT_OPEN);
  g_assert_cmpstr (entry->subject, ==, uuid_of (paul));
  g_assert_cmpstr (entry->detail, ==, "Opened the record of Paul Roberts");
  entry = list->pdata[1];
  g_assert_cmpint (entry->action, ==, BESPOKE_AUDIT_EXPORT);
  g_assert_cmpstr (entry->subject, ==, subject);
  g_assert_cmpstr (entry->detail, ==, "Exported Paul Roberts and Jennie Walsh to “/media/usb/two.bespoke”, sealed with a passphrase");
  entry = list->pdata[2];
  g_assert_cmpstr (entry->subject, ==, "");
  g_assert_cmpstr (entry->detail, ==, "Exported everyone (with the menus and shared homes) to “/media/usb/all.bespoke”, not sealed");
  entry = list->pdata[3];
  g_assert_cmpint (entry->action, ==, BESPOKE_AUDIT_IMPORT);
  g_assert_cmpstr (entry->detail, ==, "Imported “in.bespoke” (sealed): 2 new people; 1 conflict kept apart");
}

/* A deletion is noted by the store, in the deletion's transaction: none
 * can be missed, whoever deletes. */
static void
test_deletion (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BespokePerson) jennie = person (f, "Jennie");
  g_autofree char *uuid = g_strdup (uuid_of (jennie));
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  BespokeAuditEntry *entry;

  g_assert_true (bespoke_store_delete (f->store, jennie, &error));
  g_assert_no_error (error);
  list = entries (f);
  g_assert_cmpuint (list->len, ==, 1);
  entry = list->pdata[0];
  g_assert_cmpint (entry->action, ==, BESPOKE_AUDIT_DELETE);
  g_assert_cmpstr (entry->subject, ==, uuid);
  g_assert_cmpstr (entry->detail, ==, "Deleted Jennie Walsh and everything of theirs");
  g_assert_cmpstr (entry->planner, ==, "");

  /* inside a transaction rolled back, the note goes with the deletion */
  {
    g_autoptr(BespokePerson) paul = person (f, "Paul");
    g_autoptr(GPtrArray) after = NULL;

    g_assert_true (bespoke_store_begin (f->store, &error));
    g_assert_true (bespoke_store_delete (f->store, paul, &error));
    bespoke_store_rollback (f->store);
    after = entries (f);
    g_assert_cmpuint (after->len, ==, 1);
  }
}

/* UPDATE and DELETE are refused by the triggers, from any connection:
 * here the sqlite3 library itself, as another program would. */
static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BespokePerson) paul = person (f, "Paul");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_true (bespoke_store_audit_open (f->store, paul, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_exec (db, "UPDATE audit_log SET detail = 'nothing happened'", NULL, NULL, &message);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
  g_assert_cmpstr (message, ==, "The audit trail cannot be changed: it only grows.");
  sqlite3_free (message);
  rc = sqlite3_exec (db, "DELETE FROM audit_log", NULL, NULL, &message);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
  g_assert_cmpstr (message, ==, "Nothing can be removed from the audit trail: it only grows.");
  sqlite3_free (message);
  /* appending is what it is for */
  rc = sqlite3_exec (db, "INSERT INTO audit_log (at, system_user, action) VALUES (0, 'someone', 'backup')", NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_close (db);

  list = entries (f);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((BespokeAuditEntry *) list->pdata[0])->detail, ==, "Opened the record of Paul Roberts");
}

/* --since: entries from the start of that day, local time */
static void
test_since (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  /* 2026-01-01 00:00:00 UTC is 1767225600 s */
  const char *old = "INSERT INTO audit_log (at, system_user, action, detail) VALUES (1767225600000000, 'jo', 'backup', 'an old one')";

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, old, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (bespoke_store_audit (f->store, BESPOKE_AUDIT_BACKUP, NULL, "a new one", &error));
  g_assert_no_error (error);

  all = bespoke_store_audit_list (f->store, 0, &error);
  g_assert_cmpuint (all->len, ==, 2);
  recent = bespoke_store_audit_list (f->store, (gint64) 1767225600 * G_USEC_PER_SEC + 1, &error);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpstr (((BespokeAuditEntry *) recent->pdata[0])->detail, ==, "a new one");
}

/* Putting the database back as it was (the import's undo, a backup's
 * restore) keeps the entries written since, and notes the restore. */
static void
test_restore_keeps_trail (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BespokePerson) paul = person (f, "Paul");
  g_autoptr(BespokePerson) jennie = person (f, "Jennie");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;

  g_assert_true (bespoke_store_audit_open (f->store, paul, &error));
  snapshot = bespoke_store_snapshot (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_store_delete (f->store, jennie, &error));
  g_assert_true (bespoke_store_restore_keeping_audit (f->store, snapshot, "Put back", &error));
  g_assert_no_error (error);
  bespoke_store_delete_database_files (snapshot, NULL);

  /* Jennie is back; the opening, the deletion and the restore are there */
  g_clear_object (&jennie);
  jennie = person (f, "Jennie");
  list = entries (f);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((BespokeAuditEntry *) list->pdata[0])->action, ==, BESPOKE_AUDIT_OPEN);
  g_assert_cmpint (((BespokeAuditEntry *) list->pdata[1])->action, ==, BESPOKE_AUDIT_DELETE);
  g_assert_cmpint (((BespokeAuditEntry *) list->pdata[2])->action, ==, BESPOKE_AUDIT_RESTORE);
  g_assert_cmpstr (((BespokeAuditEntry *) list->pdata[2])->detail, ==, "Put back");
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *file = g_build_filename (f->dir, "paul.bespoke", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_auto(GStrv) lines = NULL;

  g_clear_object (&f->store);
  CLI (&run, "--database", f->db, "export", "Paul", "-o", file);
  g_assert_cmpint (run.status, ==, 0);
  CLI (&run, "--database", other, "import", file);
  g_assert_cmpint (run.status, ==, 0);

  CLI (&run, "--database", f->db, "audit");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  /* one line, and the empty string after its newline */
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "\texport\tExported Paul Roberts to "));
  g_assert_nonnull (strstr (lines[0], "paul.bespoke”, not sealed\t"));
  g_assert_true (g_str_has_suffix (lines[0], BESPOKE_EXAMPLE_PAUL_UUID));
  g_clear_pointer (&lines, g_strfreev);

  CLI (&run, "--database", other, "audit", "--since", "1/1/2000");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\timport\tImported “"));
  g_assert_nonnull (strstr (run.out, "1 new person, 0 updated, 0 conflicts"));

  CLI (&run, "--database", other, "audit", "--since", tomorrow_text);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  CLI (&run, "--database", other, "audit", "--since", "the day before");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--since"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/audit/entries", test_entries);
  ADD ("/audit/deletion", test_deletion);
  ADD ("/audit/append-only", test_append_only);
  ADD ("/audit/since", test_since);
  ADD ("/audit/restore-keeps-trail", test_restore_keeps_trail);
  ADD ("/audit/cli", test_cli);
  return g_test_run ();
}
