/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deletions that travel (issue #13): tombstones through export and import,
 * a deletion against a change (a conflict, never a silent loss), an old
 * file that must not bring a deleted record back, version-2 files, and
 * pruning only what every replica has seen. */
#define G_LOG_DOMAIN "bespoke-test-xml-tombstones"

#include <string.h>

#include "xml-test-util.h"

typedef struct
{
  char         *dir;
  char         *sent;        /* the office's whole export, before the visits */
  BespokeStore *office;
  BespokeStore *a;
  BespokeStore *b;
  char         *paul;
  char         *statement;   /* one of Paul's statements */
  char         *line;        /* one of Paul's support lines */
} Laptops;

static BespokeXmlImportReport *
import_ok (BespokeStore *store,
           const char   *path)
{
  g_autoptr(GError) error = NULL;
  BespokeXmlImportReport *report = bespoke_xml_import (store, path, BESPOKE_XML_IMPORT_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static guint
changes (BespokeXmlImportReport *report)
{
  guint n = report->deleted + report->tombstones + report->conflicts->len;

  for (guint k = 0; k < BESPOKE_XML_N_KINDS; k++)
    n += report->added[k] + report->updated[k];
  return n;
}

/* As assert_valid_against_published_schema(), reading both files into
 * memory: the import's parser set-up refuses to load files by name. */
static void
assert_valid_published (const char *path)
{
  g_autofree char *xsd = g_test_build_filename (G_TEST_DIST, "..", "data", "bespoke-exchange.xsd", NULL);
  g_autofree char *xsd_text = NULL, *text = NULL;
  gsize xsd_len = 0, len = 0;
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr valid;
  xmlDocPtr doc;

  g_assert_true (g_file_get_contents (xsd, &xsd_text, &xsd_len, NULL));
  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  parser = xmlSchemaNewMemParserCtxt (xsd_text, (int) xsd_len);
  schema = xmlSchemaParse (parser);
  g_assert_nonnull (schema);
  doc = xmlReadMemory (text, (int) len, path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  valid = xmlSchemaNewValidCtxt (schema);
  g_assert_cmpint (xmlSchemaValidateDoc (valid, doc), ==, 0);
  xmlSchemaFreeValidCtxt (valid);
  xmlFreeDoc (doc);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
}

static char *
export_to (Laptops      *l,
           BespokeStore *store,
           const char   *name)
{
  char *path = g_build_filename (l->dir, name, NULL);

  export_all (store, path);
  assert_valid_published (path);
  return path;
}

static gboolean
exists (BespokeStore *store,
        GType         type,
        const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeRecord) record = bespoke_store_load (store, type, uuid, &error);

  g_assert_true (record != NULL || g_error_matches (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND));
  return record != NULL;
}

static void
delete_record (BespokeStore *store,
               GType         type,
               const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeRecord) record = bespoke_store_load (store, type, uuid, &error);

  g_assert_no_error (error);
  g_assert_true (bespoke_store_delete (store, record, &error));
  g_assert_no_error (error);
}

static void
change_statement (BespokeStore *store,
                  const char   *uuid,
                  const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStatement) statement = bespoke_store_load (store, BESPOKE_TYPE_STATEMENT, uuid, &error);

  g_assert_no_error (error);
  bespoke_statement_set_text (statement, text);
  g_assert_true (bespoke_store_save (store, statement, &error));
  g_assert_no_error (error);
}

/* The office installs the example data and exports everything (the last
 * sync); its database is copied to two laptops (each copy is a replica of
 * its own: another path). */
static void
laptops_set_up (Laptops *l)
{
  g_autofree char *office_db = NULL, *a_db = NULL, *b_db = NULL;
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  l->dir = temp_dir ();
  office_db = g_build_filename (l->dir, "office.db", NULL);
  a_db = g_build_filename (l->dir, "laptop-a.db", NULL);
  b_db = g_build_filename (l->dir, "laptop-b.db", NULL);

  l->office = open_store_at (office_db);
  bespoke_example_install (l->office, &error);
  g_assert_no_error (error);
  l->sent = export_to (l, l->office, "sent.bespoke");

  paul = bespoke_store_find_person (l->office, "Paul", &error);
  g_assert_no_error (error);
  l->paul = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (paul)));
  statements = bespoke_store_list (l->office, BESPOKE_TYPE_STATEMENT, l->paul, &error);
  g_assert_no_error (error);
  l->statement = g_strdup (bespoke_record_get_uuid (statements->pdata[0]));
  plans = bespoke_store_list (l->office, BESPOKE_TYPE_PLAN, l->paul, &error);
  g_assert_no_error (error);
  lines = bespoke_store_list (l->office, BESPOKE_TYPE_SUPPORT_LINE, bespoke_record_get_uuid (plans->pdata[0]), &error);
  g_assert_no_error (error);
  l->line = g_strdup (bespoke_record_get_uuid (lines->pdata[0]));

  g_clear_object (&l->office);
  copy_file (office_db, a_db);
  copy_file (office_db, b_db);
  l->office = open_store_at (office_db);
  l->a = open_store_at (a_db);
  l->b = open_store_at (b_db);
}

static void
laptops_tear_down (Laptops *l)
{
  g_clear_object (&l->office);
  g_clear_object (&l->a);
  g_clear_object (&l->b);
  g_free (l->dir);
  g_free (l->sent);
  g_free (l->paul);
  g_free (l->statement);
  g_free (l->line);
}

/* A deletes a statement and a support line; B imports A's file: both are
 * gone there too, the file says so in its own elements, B passes the
 * deletions on, and the same file again changes nothing. */
static void
test_deletion_travels (void)
{
  Laptops l = { 0 };
  g_autofree char *from_a = NULL, *from_b = NULL, *text = NULL, *needle = NULL;
  g_autoptr(BespokeXmlImportReport) first = NULL;
  g_autoptr(BespokeXmlImportReport) again = NULL;
  g_autoptr(BespokeTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  laptops_set_up (&l);
  delete_record (l.a, BESPOKE_TYPE_STATEMENT, l.statement);
  delete_record (l.a, BESPOKE_TYPE_SUPPORT_LINE, l.line);
  tombstone = bespoke_store_get_tombstone (l.a, l.statement, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  g_assert_cmpstr (tombstone->kind, ==, "statements");
  g_assert_cmpstr (tombstone->scope, ==, l.paul);

  from_a = export_to (&l, l.a, "from-a.bespoke");
  g_assert_true (g_file_get_contents (from_a, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "schema-version=\"3\""));
  needle = g_strdup_printf ("<deleted id=\"%s\" kind=\"statement\" in=\"%s\" at=\"", l.statement, l.paul);
  g_assert_nonnull (strstr (text, needle));

  first = import_ok (l.b, from_a);
  g_assert_cmpuint (first->deleted, ==, 2);
  g_assert_cmpuint (first->conflicts->len, ==, 0);
  /* #14: the preview's "What Will Change" lists the deletions by person,
   * named from this database */
  {
    g_autoptr(GString) described = g_string_new (NULL);

    g_assert_nonnull (first->changes);
    for (guint i = 0; i < first->changes->len; i++)
      {
        g_autofree char *line = bespoke_xml_change_describe (g_ptr_array_index (first->changes, i));

        g_string_append_printf (described, "%s\n", line);
      }
    g_assert_nonnull (strstr (described->str, "1 statement removed for Paul Roberts\n"));
    g_assert_nonnull (strstr (described->str, "1 support line removed for Paul Roberts\n"));
  }
  g_assert_false (exists (l.b, BESPOKE_TYPE_STATEMENT, l.statement));
  g_assert_false (exists (l.b, BESPOKE_TYPE_SUPPORT_LINE, l.line));
  g_assert_true (exists (l.b, BESPOKE_TYPE_PERSON, l.paul));

  again = import_ok (l.b, from_a);
  g_assert_cmpuint (changes (again), ==, 0);

  /* B passes the deletions on: the office learns them from B's file */
  from_b = export_to (&l, l.b, "from-b.bespoke");
  {
    g_autoptr(BespokeXmlImportReport) office = import_ok (l.office, from_b);
    g_assert_cmpuint (office->deleted, ==, 2);
    g_assert_false (exists (l.office, BESPOKE_TYPE_STATEMENT, l.statement));
  }
  laptops_tear_down (&l);
}

/* The case: A deleted a statement; the office's old file still has
 * it.  Importing that file must not bring it back. */
static void
test_old_file_does_not_resurrect (void)
{
  Laptops l = { 0 };
  g_autoptr(BespokeXmlImportReport) report = NULL;

  laptops_set_up (&l);
  delete_record (l.a, BESPOKE_TYPE_STATEMENT, l.statement);
  report = import_ok (l.a, l.sent);
  g_assert_false (exists (l.a, BESPOKE_TYPE_STATEMENT, l.statement));
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PROFILE], ==, 0);
  laptops_tear_down (&l);
}

/* A deletes a statement that B has changed: B gets a conflict, shown like
 * the others, and the statement stays until the planner chooses.
 * Choosing "delete it" deletes it; the same file then changes nothing. */
static void
test_deleted_there_changed_here (void)
{
  Laptops l = { 0 };
  g_autofree char *from_a = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(BespokeXmlImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  BespokeXmlConflict *conflict;

  laptops_set_up (&l);
  delete_record (l.a, BESPOKE_TYPE_STATEMENT, l.statement);
  change_statement (l.b, l.statement, "I like the garage on Tuesdays best.");
  from_a = export_to (&l, l.a, "from-a.bespoke");

  report = import_ok (l.b, from_a);
  g_assert_cmpuint (report->deleted, ==, 0);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  conflict = report->conflicts->pdata[0];
  g_assert_true (conflict->deleted_in_file);
  g_assert_false (conflict->deleted_here);
  g_assert_cmpstr (conflict->uuid, ==, l.statement);
  g_assert_cmpstr (conflict->element, ==, "statement");
  g_assert_nonnull (strstr (conflict->database_xml, "Tuesdays"));
  g_assert_true (g_str_has_prefix (conflict->file_xml, "<deleted "));
  g_assert_true (exists (l.b, BESPOKE_TYPE_STATEMENT, l.statement));

  g_assert_true (bespoke_xml_conflict_use_file_version (l.b, conflict, &error));
  g_assert_no_error (error);
  g_assert_false (exists (l.b, BESPOKE_TYPE_STATEMENT, l.statement));

  /* the file again: no conflict; B only learns that A has the deletion
   * (which the conflict did not keep); a third time, nothing at all */
  again = import_ok (l.b, from_a);
  g_assert_cmpuint (again->conflicts->len, ==, 0);
  g_assert_cmpuint (again->deleted, ==, 0);
  g_assert_cmpuint (changes (again), ==, again->tombstones);
  {
    g_autoptr(BespokeXmlImportReport) third = import_ok (l.b, from_a);
    g_assert_cmpuint (changes (third), ==, 0);
  }
  laptops_tear_down (&l);
}

/* The same conflict, kept: B's copy is saved again, so that it travels
 * back.  On A, where it was deleted, it is then a conflict the other way
 * ("deleted here, changed on the other computer"), never a silent return;
 * bringing it back gives A B's words. */
static void
test_deleted_there_kept_here (void)
{
  Laptops l = { 0 };
  g_autofree char *from_a = NULL, *from_b = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(BespokeXmlImportReport) back = NULL;
  g_autoptr(BespokeStatement) statement = NULL;
  g_autoptr(GError) error = NULL;

  laptops_set_up (&l);
  delete_record (l.a, BESPOKE_TYPE_STATEMENT, l.statement);
  change_statement (l.b, l.statement, "I like the garage on Tuesdays best.");
  from_a = export_to (&l, l.a, "from-a.bespoke");
  report = import_ok (l.b, from_a);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  g_assert_true (bespoke_xml_conflict_keep_database_version (l.b, report->conflicts->pdata[0], &error));
  g_assert_no_error (error);

  from_b = export_to (&l, l.b, "from-b.bespoke");
  back = import_ok (l.a, from_b);
  g_assert_cmpuint (back->conflicts->len, ==, 1);
  g_assert_true (((BespokeXmlConflict *) back->conflicts->pdata[0])->deleted_here);
  g_assert_false (exists (l.a, BESPOKE_TYPE_STATEMENT, l.statement));
  g_assert_true (bespoke_xml_conflict_use_file_version (l.a, back->conflicts->pdata[0], &error));
  g_assert_no_error (error);
  statement = bespoke_store_load (l.a, BESPOKE_TYPE_STATEMENT, l.statement, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_statement_get_text (statement), ==, "I like the garage on Tuesdays best.");
  {
    g_autoptr(BespokeTombstone) none = bespoke_store_get_tombstone (l.a, l.statement, &error);
    g_assert_no_error (error);
    g_assert_null (none);
  }
  laptops_tear_down (&l);
}

/* A person deleted on A; the person's subtree changed on B (a new
 * statement): a conflict on B for the person, not a silent loss. */
static void
test_person_deleted_there_changed_here (void)
{
  Laptops l = { 0 };
  g_autofree char *from_a = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(BespokeStatement) added = g_object_new (BESPOKE_TYPE_STATEMENT, NULL);
  g_autoptr(GError) error = NULL;

  laptops_set_up (&l);
  delete_record (l.a, BESPOKE_TYPE_PERSON, l.paul);
  bespoke_statement_set_person_uuid (added, l.paul);
  bespoke_statement_set_section (added, BESPOKE_SECTION_IMPORTANT);
  bespoke_statement_set_text (added, "Seeing my cousin at the weekend.");
  g_assert_true (bespoke_store_save (l.b, added, &error));
  g_assert_no_error (error);

  from_a = export_to (&l, l.a, "from-a.bespoke");
  report = import_ok (l.b, from_a);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  g_assert_cmpstr (((BespokeXmlConflict *) report->conflicts->pdata[0])->element, ==, "person");
  g_assert_true (exists (l.b, BESPOKE_TYPE_PERSON, l.paul));

  /* and the office, unchanged, loses Paul and everything of his */
  {
    g_autoptr(BespokeXmlImportReport) office = import_ok (l.office, from_a);
    g_assert_cmpuint (office->deleted, ==, 1);
    g_assert_false (exists (l.office, BESPOKE_TYPE_PERSON, l.paul));
    g_assert_false (exists (l.office, BESPOKE_TYPE_STATEMENT, l.statement));
  }
  laptops_tear_down (&l);
}

/* A version-2 file (here: A's, its deletions taken out) still imports. */
static void
test_version_2_file (void)
{
  Laptops l = { 0 };
  g_autofree char *text = NULL, *old_path = NULL, *from_a = NULL;
  g_autoptr(GString) old = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) fresh = open_store_at (":memory:");
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_auto(GStrv) lines = NULL;

  laptops_set_up (&l);
  delete_record (l.a, BESPOKE_TYPE_STATEMENT, l.statement);
  from_a = export_to (&l, l.a, "from-a.bespoke");
  g_assert_true (g_file_get_contents (from_a, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "<deleted "))
      g_string_append_printf (old, "%s%s", lines[i], lines[i + 1] ? "\n" : "");
    else if (g_str_has_suffix (lines[i], "</bespoke>"))
      g_string_append (old, "</bespoke>");  /* the last deletion's line ends the file */
  g_assert_cmpint (g_string_replace (old, "schema-version=\"3\"", "schema-version=\"2\"", 1), ==, 1);
  g_assert_null (strstr (old->str, "<deleted"));
  old_path = g_build_filename (l.dir, "version-2.bespoke", NULL);
  g_assert_true (g_file_set_contents (old_path, old->str, -1, &error));

  report = import_ok (fresh, old_path);
  g_assert_true (exists (fresh, BESPOKE_TYPE_PERSON, l.paul));
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  laptops_tear_down (&l);
}

/* Pruning refuses a date some known replica may not have synced past, and
 * removes nothing; once every replica has seen the deletion, it goes. */
static void
test_prune (void)
{
  Laptops l = { 0 };
  g_autofree char *from_a = NULL, *from_office = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeTombstone) tombstone = NULL;
  gint64 limit, later;
  guint n = 99;

  laptops_set_up (&l);
  delete_record (l.a, BESPOKE_TYPE_STATEMENT, l.statement);
  tombstone = bespoke_store_get_tombstone (l.a, l.statement, &error);
  g_assert_no_error (error);

  /* the office (heard of: it wrote the database A was copied from) has
   * not seen A's deletion */
  limit = bespoke_store_get_tombstone_prune_limit (l.a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (limit, ==, tombstone->deleted_at);
  later = tombstone->deleted_at + 1;
  g_assert_false (bespoke_store_prune_tombstones (l.a, later, &n, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(BespokeTombstone) kept = bespoke_store_get_tombstone (l.a, l.statement, NULL);
    g_assert_nonnull (kept);
  }

  /* A's file reaches the office; the office's file comes back to A */
  from_a = export_to (&l, l.a, "from-a.bespoke");
  {
    g_autoptr(BespokeXmlImportReport) report = import_ok (l.office, from_a);
    g_assert_cmpuint (report->deleted, ==, 1);
  }
  from_office = export_to (&l, l.office, "from-office.bespoke");
  {
    g_autoptr(BespokeXmlImportReport) report = import_ok (l.a, from_office);
    g_assert_cmpuint (report->tombstones, >=, 1);  /* the office has seen it */
  }
  limit = bespoke_store_get_tombstone_prune_limit (l.a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (limit, >, tombstone->deleted_at);
  g_assert_true (bespoke_store_prune_tombstones (l.a, later, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  {
    g_autoptr(BespokeTombstone) gone = bespoke_store_get_tombstone (l.a, l.statement, &error);
    g_assert_no_error (error);
    g_assert_null (gone);
  }
  laptops_tear_down (&l);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xml-tombstones/deletion-travels", test_deletion_travels);
  g_test_add_func ("/xml-tombstones/old-file-does-not-resurrect", test_old_file_does_not_resurrect);
  g_test_add_func ("/xml-tombstones/deleted-there-changed-here", test_deleted_there_changed_here);
  g_test_add_func ("/xml-tombstones/deleted-there-kept-here", test_deleted_there_kept_here);
  g_test_add_func ("/xml-tombstones/person-deleted-there-changed-here", test_person_deleted_there_changed_here);
  g_test_add_func ("/xml-tombstones/version-2-file", test_version_2_file);
  g_test_add_func ("/xml-tombstones/prune", test_prune);

  return g_test_run ();
}
