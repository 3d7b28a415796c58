/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What an import adds and updates, counted by person and kind in the
 * dry-run's report, and said in words. */
#define G_LOG_DOMAIN "bespoke-test-import-changes"

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-test-util.h"

static BespokeXmlImportReport *
import_ok (BespokeStore          *store,
           const char            *path,
           BespokeXmlImportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  BespokeXmlImportReport *report = bespoke_xml_import (store, path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static char *
describe (BespokeXmlImportReport *report,
          guint                   i)
{
  g_assert_nonnull (report->changes);
  g_assert_cmpuint (i, <, report->changes->len);
  return bespoke_xml_change_describe (g_ptr_array_index (report->changes, i));
}

static void
test_changes (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "paul.bespoke", NULL);
  g_autofree char *again = g_build_filename (dir, "paul-again.bespoke", NULL);
  g_autofree char *db_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *db_b = g_build_filename (dir, "b.db", NULL);
  g_autoptr(BespokeStore) a = open_store_at (db_a);
  g_autoptr(BespokeStore) b = open_store_at (db_b);
  g_autoptr(BespokeXmlImportReport) dry = NULL;
  g_autoptr(BespokeXmlImportReport) real = NULL;
  g_autoptr(BespokeXmlImportReport) update = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(BespokeStatement) kept = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuids[] = { BESPOKE_EXAMPLE_PAUL_UUID, NULL };
  g_autofree char *first = NULL;
  g_autofree char *only = NULL;
  BespokeStatement *statement;
  guint statements_added = 0;

  bespoke_example_install (a, &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_xml_export (a, BESPOKE_XML_EXPORT_PEOPLE, uuids, path, &error));
  statements = bespoke_store_list (a, BESPOKE_TYPE_STATEMENT, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);

  /* into an empty database: Paul is new, with each of his statements */
  dry = import_ok (b, path, BESPOKE_XML_IMPORT_DRY_RUN);
  first = describe (dry, 0);
  g_assert_cmpstr (first, ==, "Paul Roberts is new");
  for (guint i = 0; i < dry->changes->len; i++)
    {
      BespokeXmlChange *change = g_ptr_array_index (dry->changes, i);

      g_assert_cmpint (change->action, ==, BESPOKE_XML_CHANGE_ADDED);
      if (change->type == BESPOKE_TYPE_STATEMENT)
        {
          g_assert_cmpstr (change->owner, ==, "Paul Roberts");
          statements_added += change->count;
        }
    }
  g_assert_cmpuint (statements_added, ==, statements->len);
  g_assert_cmpint (bespoke_store_count (b, BESPOKE_TYPE_PERSON, NULL), ==, 0);  /* a dry run */

  real = import_ok (b, path, BESPOKE_XML_IMPORT_DEFAULT);

  /* one statement changed on A since: one statement updated for Paul */
  statement = statements->pdata[0];
  bespoke_statement_set_text (statement, "I like my garage tidy, and so does my boss.");
  save_ok (a, statement);
  g_assert_true (bespoke_xml_export (a, BESPOKE_XML_EXPORT_PEOPLE, uuids, again, &error));
  g_assert_no_error (error);
  update = import_ok (b, again, BESPOKE_XML_IMPORT_DRY_RUN);
  g_assert_cmpuint (update->changes->len, ==, 1);
  only = describe (update, 0);
  g_assert_cmpstr (only, ==, "1 statement updated for Paul Roberts");
  g_assert_cmpuint (update->conflicts->len, ==, 0);
  kept = bespoke_store_load (b, BESPOKE_TYPE_STATEMENT, uuid_of (statement), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_statement_get_text (kept), !=, "I like my garage tidy, and so does my boss.");
}

/* A big file's report keeps the first BESPOKE_XML_IMPORT_CHANGES_KEPT
 * changes to show and counts the rest, so that its memory does not grow
 * with the file (an import of 100,000 people kept 800,000, 108 MB).
 * 120 people, each with one statement, and the first with three: each
 * person is two changes ("X is new", "N statements added for X"), so
 * 240 in all; the first person's statements are one change of 3. */
static void
test_many_changes (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "many.bespoke", NULL);
  g_autofree char *db_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *db_b = g_build_filename (dir, "b.db", NULL);
  g_autoptr(BespokeStore) a = open_store_at (db_a);
  g_autoptr(BespokeStore) b = open_store_at (db_b);
  g_autoptr(BespokeXmlImportReport) dry = NULL;
  g_autoptr(GError) error = NULL;
  guint statements = 0;

  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(BespokePerson) person = bespoke_person_new ();
      g_autofree char *name = g_strdup_printf ("Person %03u", i);

      bespoke_person_set_name (person, name);
      save_ok (a, person);
      for (guint j = 0; j < (i == 0 ? 3 : 1); j++)
        {
          g_autoptr(BespokeStatement) st = bespoke_statement_new ();

          bespoke_statement_set_person_uuid (st, uuid_of (person));
          bespoke_statement_set_section (st, BESPOKE_SECTION_IMPORTANT);
          bespoke_statement_set_position (st, j);
          bespoke_statement_set_text (st, "Walks by the river.");
          save_ok (a, st);
        }
    }
  g_assert_true (bespoke_xml_export (a, BESPOKE_XML_EXPORT_ALL, NULL, path, &error));
  g_assert_no_error (error);

  dry = import_ok (b, path, BESPOKE_XML_IMPORT_DRY_RUN);
  g_assert_cmpuint (dry->n_changes, ==, 240);
  g_assert_cmpuint (dry->changes->len, ==, BESPOKE_XML_IMPORT_CHANGES_KEPT);
  g_assert_cmpuint (dry->added[BESPOKE_XML_KIND_PERSON], ==, 120);
  /* the kept ones: 50 people (in the file's order, by UUID), each new and
   * with their statements, one change each, counted whole */
  for (guint i = 0; i < dry->changes->len; i++)
    {
      BespokeXmlChange *change = g_ptr_array_index (dry->changes, i);

      if (change->type == BESPOKE_TYPE_STATEMENT)
        {
          statements++;
          g_assert_cmpuint (change->count, ==, g_str_equal (change->owner, "Person 000") ? 3 : 1);
        }
      else
        g_assert_true (change->type == BESPOKE_TYPE_PERSON);
    }
  g_assert_cmpuint (statements, ==, 50);
}

/* The words for several, and for a provider's own details */
static void
test_describe (void)
{
  BespokeXmlChange lines = { (char *) "Paul Roberts", (char *) "x", BESPOKE_TYPE_SUPPORT_LINE, BESPOKE_XML_CHANGE_ADDED, 2 };
  BespokeXmlChange provider = { (char *) "Hillside Support", (char *) "y", BESPOKE_TYPE_PROVIDER, BESPOKE_XML_CHANGE_UPDATED, 1 };
  g_autofree char *a = bespoke_xml_change_describe (&lines);
  g_autofree char *b = bespoke_xml_change_describe (&provider);

  g_assert_cmpstr (a, ==, "2 support lines added for Paul Roberts");
  g_assert_cmpstr (b, ==, "Hillside Support’s details updated");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/import-changes/by-person-and-kind", test_changes);
  g_test_add_func ("/import-changes/describe", test_describe);
  g_test_add_func ("/import-changes/many", test_many_changes);
  return g_test_run ();
}
