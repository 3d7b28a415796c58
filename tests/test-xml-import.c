/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The XML exchange reader: round trips, merging field work by UUID,
 * all-or-nothing imports, and files that came from anywhere. */
#define G_LOG_DOMAIN "bespoke-test-xml-import"

#include <fcntl.h>
#include <locale.h>
#include <unistd.h>

#include "xml-test-util.h"

/* ---- helpers ---------------------------------------------------------- */

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

static guint
total (const guint counts[BESPOKE_XML_N_KINDS])
{
  guint n = 0;

  for (guint k = 0; k < BESPOKE_XML_N_KINDS; k++)
    n += counts[k];
  return n;
}

/* Closes @store (checkpointing its WAL into the file) and returns the
 * database file's bytes. */
static GBytes *
close_and_read (BespokeStore **store,
                const char    *db)
{
  g_assert_finalize_object (g_steal_pointer (store));
  return file_bytes (db);
}

/* Every person's plans costed: "person: committed contingent line…" */
static char *
cost_everyone (BespokeStore *store)
{
  GString *out = g_string_new (NULL);
  g_autofree char *after = NULL;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = bespoke_store_list_after (store, BESPOKE_TYPE_PERSON, after, 100, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        {
          const char *uuid = bespoke_record_get_uuid (page->pdata[i]);
          g_autoptr(GPtrArray) plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN, uuid, &error);

          g_assert_no_error (error);
          for (guint j = 0; j < plans->len; j++)
            {
              g_autoptr(BespokeCostReport) report =
                bespoke_costing_report (store, bespoke_record_get_uuid (plans->pdata[j]), &error);

              g_assert_no_error (error);
              g_string_append_printf (out, "%s: %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                      uuid, report->committed, report->contingent);
              for (guint k = 0; k < report->lines->len; k++)
                g_string_append_printf (out, " %" G_GINT64_FORMAT,
                                        ((BespokeLineCost *) report->lines->pdata[k])->cost);
              g_string_append_c (out, '\n');
            }
        }
      g_free (after);
      after = g_strdup (bespoke_record_get_uuid (page->pdata[page->len - 1]));
    }
  return g_string_free (out, FALSE);
}

/* ---- round trip ------------------------------------------------------- */

/* 1,000 synthetic people out and back in: the second export is the same
 * bytes as the first, and every plan costs the same, to the penny. */
static void
test_round_trip (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *db_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *first = g_build_filename (dir, "first.bespoke", NULL);
  g_autofree char *second = g_build_filename (dir, "second.bespoke", NULL);
  g_autoptr(BespokeStore) a = open_store_at (db_a);
  g_autoptr(BespokeStore) b = open_store_at (db_b);
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GBytes) bytes_first = NULL;
  g_autoptr(GBytes) bytes_second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *costs_a = NULL;
  g_autofree char *costs_b = NULL;

  bespoke_synth_people (a, 1000, 42, NULL, NULL, &error);
  g_assert_no_error (error);
  bespoke_example_install (a, &error);
  g_assert_no_error (error);

  export_all (a, first);
  assert_valid_against_published_schema (first);

  report = import_ok (b, first, BESPOKE_XML_IMPORT_DEFAULT);
  /* 1,000 synthetic people and the example's 11 */
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PERSON], ==, 1011);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_cmpuint (total (report->updated), ==, 0);

  export_all (b, second);
  bytes_first = file_bytes (first);
  bytes_second = file_bytes (second);
  g_assert_true (g_bytes_equal (bytes_first, bytes_second));

  costs_a = cost_everyone (a);
  costs_b = cost_everyone (b);
  g_assert_cmpstr (costs_a, ==, costs_b);
  /* Paul's plan among them: £22,000.00 committed, £3,000.00 contingent */
  g_assert_nonnull (strstr (costs_b, ": 2200000 300000 "));
}

/* One person sent to a database that has never seen their provider: the
 * lines' product snapshots bring the menu's prices along, so the plan
 * costs the same there: Paul's £22,000.00 committed and £3,000.00
 * contingent, from the domain notes. */
static void
test_person_costs_the_same_elsewhere (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *db_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *path = g_build_filename (dir, "paul.bespoke", NULL);
  g_autoptr(BespokeStore) a = open_store_at (db_a);
  g_autoptr(BespokeStore) b = open_store_at (db_b);
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(BespokeCostReport) cost = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuids[2] = { NULL, NULL };

  bespoke_example_install (a, &error);
  g_assert_no_error (error);
  paul = bespoke_store_find_person (a, "Paul", &error);
  g_assert_no_error (error);
  uuids[0] = bespoke_record_get_uuid (BESPOKE_RECORD (paul));
  bespoke_xml_export (a, BESPOKE_XML_EXPORT_PEOPLE, uuids, path, &error);
  g_assert_no_error (error);

  report = import_ok (b, path, BESPOKE_XML_IMPORT_DEFAULT);
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PERSON], ==, 1);
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_MENU], >, 1);  /* the provider and its products */
  g_assert_cmpint (bespoke_store_count (b, BESPOKE_TYPE_PROVIDER, NULL), ==, 1);

  plans = bespoke_store_list (b, BESPOKE_TYPE_PLAN, uuids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  cost = bespoke_costing_report (b, bespoke_record_get_uuid (plans->pdata[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cost->committed, ==, 2200000);
  g_assert_cmpint (cost->contingent, ==, 300000);
  g_assert_cmpint (cost->budget, ==, 3400000);
}

/* Importing the same file again changes nothing. */
static void
test_reimport_is_unchanged (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *path = g_build_filename (dir, "all.bespoke", NULL);
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  export_all (store, path);

  report = import_ok (store, path, BESPOKE_XML_IMPORT_DEFAULT);
  g_assert_cmpuint (total (report->added), ==, 0);
  g_assert_cmpuint (total (report->updated), ==, 0);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_cmpuint (total (report->unchanged), >, 0);
}

/* ---- field sync ------------------------------------------------------- */

typedef struct
{
  char         *dir;
  char         *office_db;
  char         *a_db;
  char         *b_db;
  BespokeStore *a;
  BespokeStore *b;
  char         *paul;
  char         *line_one;   /* changed on laptop A only */
  char         *line_two;   /* changed on both, differently */
  guint         statements; /* Paul's statements before the visits */
} Laptops;

static void
add_statement (BespokeStore *store,
               const char   *person,
               const char   *text,
               guint         position)
{
  g_autoptr(BespokeStatement) statement = g_object_new (BESPOKE_TYPE_STATEMENT, NULL);
  g_autoptr(GError) error = NULL;

  bespoke_statement_set_person_uuid (statement, person);
  bespoke_statement_set_section (statement, BESPOKE_SECTION_IMPORTANT);
  bespoke_statement_set_position (statement, position);
  bespoke_statement_set_text (statement, text);
  bespoke_store_save (store, statement, &error);
  g_assert_no_error (error);
}

static void
change_line (BespokeStore *store,
             const char   *uuid,
             const char   *worker,
             const char   *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeSupportLine) line = bespoke_store_load (store, BESPOKE_TYPE_SUPPORT_LINE, uuid, &error);

  g_assert_no_error (error);
  if (worker != NULL)
    bespoke_support_line_set_worker (line, worker);
  if (description != NULL)
    bespoke_support_line_set_description (line, description);
  bespoke_store_save (store, line, &error);
  g_assert_no_error (error);
}

static guint
count_children (BespokeStore *store,
                GType         type,
                const char   *parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = bespoke_store_list (store, type, parent, &error);

  g_assert_no_error (error);
  return list->len;
}

/* The office exports everything (the last sync) and the database is copied
 * to two laptops, which then go out on visits. */
static void
laptops_set_up (Laptops *l)
{
  g_autoptr(BespokeStore) office = NULL;
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;

  l->dir = temp_dir ();
  l->office_db = g_build_filename (l->dir, "office.db", NULL);
  l->a_db = g_build_filename (l->dir, "laptop-a.db", NULL);
  l->b_db = g_build_filename (l->dir, "laptop-b.db", NULL);
  sent = g_build_filename (l->dir, "sent.bespoke", NULL);

  office = open_store_at (l->office_db);
  bespoke_example_install (office, &error);
  g_assert_no_error (error);
  export_all (office, sent);

  paul = bespoke_store_find_person (office, "Paul", &error);
  g_assert_no_error (error);
  l->paul = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (paul)));
  l->statements = count_children (office, BESPOKE_TYPE_STATEMENT, l->paul);
  plans = bespoke_store_list (office, BESPOKE_TYPE_PLAN, l->paul, &error);
  g_assert_no_error (error);
  lines = bespoke_store_list (office, BESPOKE_TYPE_SUPPORT_LINE, bespoke_record_get_uuid (plans->pdata[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, >=, 2);
  l->line_one = g_strdup (bespoke_record_get_uuid (lines->pdata[0]));
  l->line_two = g_strdup (bespoke_record_get_uuid (lines->pdata[1]));
  g_assert_finalize_object (g_steal_pointer (&office));

  copy_file (l->office_db, l->a_db);
  copy_file (l->office_db, l->b_db);
  l->a = open_store_at (l->a_db);
  l->b = open_store_at (l->b_db);

  /* laptop A: two new statements, line one and line two changed */
  add_statement (l->a, l->paul, "Walking the dog with my cousin.", 20);
  add_statement (l->a, l->paul, "My Saturday job at the garage.", 21);
  change_line (l->a, l->line_one, NULL, "Support in the mornings, now from 07:00");
  change_line (l->a, l->line_two, "Alice Green", NULL);

  /* laptop B: one new statement, line two changed differently */
  add_statement (l->b, l->paul, "Knowing who is coming to help me tomorrow.", 20);
  change_line (l->b, l->line_two, "Bob White", NULL);
}

static void
laptops_tear_down (Laptops *l)
{
  g_clear_object (&l->a);
  g_clear_object (&l->b);
  g_free (l->dir);
  g_free (l->office_db);
  g_free (l->a_db);
  g_free (l->b_db);
  g_free (l->paul);
  g_free (l->line_one);
  g_free (l->line_two);
}

static guint line_of_record (const char *text, const char *uuid);

static void
test_field_sync (void)
{
  Laptops l = { 0 };
  g_autofree char *from_a = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(BespokeSupportLine) one = NULL;
  g_autoptr(BespokeSupportLine) two = NULL;
  g_autoptr(GError) error = NULL;
  BespokeXmlConflict *conflict;

  laptops_set_up (&l);
  from_a = g_build_filename (l.dir, "from-a.bespoke", NULL);
  export_all (l.a, from_a);

  report = import_ok (l.b, from_a, BESPOKE_XML_IMPORT_DEFAULT);

  /* exactly one conflict: line two, changed on both laptops */
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  conflict = report->conflicts->pdata[0];
  g_assert_cmpstr (conflict->uuid, ==, l.line_two);
  g_assert_cmpstr (conflict->element, ==, "activity");
  g_assert_nonnull (strstr (conflict->database_xml, "Bob White"));
  g_assert_nonnull (strstr (conflict->file_xml, "Alice Green"));
  /* the exporter writes a record to a line: the conflict names its own */
  {
    g_autofree char *text = NULL;
    g_assert_true (g_file_get_contents (from_a, &text, NULL, NULL));
    g_assert_cmpuint (conflict->line, ==, line_of_record (text, l.line_two));
    g_assert_cmpuint (conflict->line, >, 2);
  }

  /* A's two statements are new here; line one changed only on A */
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PROFILE], ==, 2);
  g_assert_cmpuint (total (report->added), ==, 2);
  g_assert_cmpuint (report->updated[BESPOKE_XML_KIND_PLAN], ==, 1);
  g_assert_cmpuint (total (report->updated), ==, 1);

  /* both laptops' statements are there: the office's, A's 2 and B's 1 */
  g_assert_cmpuint (count_children (l.b, BESPOKE_TYPE_STATEMENT, l.paul), ==, l.statements + 3);

  /* line one is A's; line two is still B's: nothing overwritten */
  one = bespoke_store_load (l.b, BESPOKE_TYPE_SUPPORT_LINE, l.line_one, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_support_line_get_description (one), ==, "Support in the mornings, now from 07:00");
  two = bespoke_store_load (l.b, BESPOKE_TYPE_SUPPORT_LINE, l.line_two, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_support_line_get_worker (two), ==, "Bob White");

  laptops_tear_down (&l);
}

/* The planner chooses the file's version of the conflict: it replaces B's,
 * and the same file again then changes nothing and conflicts with nothing. */
static void
test_field_sync_choose_file (void)
{
  Laptops l = { 0 };
  g_autofree char *from_a = NULL;
  g_autoptr(BespokeXmlImportReport) first = NULL;
  g_autoptr(BespokeXmlImportReport) again = NULL;
  g_autoptr(BespokeSupportLine) two = NULL;
  g_autoptr(GError) error = NULL;

  laptops_set_up (&l);
  from_a = g_build_filename (l.dir, "from-a.bespoke", NULL);
  export_all (l.a, from_a);
  first = import_ok (l.b, from_a, BESPOKE_XML_IMPORT_DEFAULT);
  g_assert_cmpuint (first->conflicts->len, ==, 1);

  bespoke_xml_conflict_use_file_version (l.b, first->conflicts->pdata[0], &error);
  g_assert_no_error (error);
  two = bespoke_store_load (l.b, BESPOKE_TYPE_SUPPORT_LINE, l.line_two, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_support_line_get_worker (two), ==, "Alice Green");

  again = import_ok (l.b, from_a, BESPOKE_XML_IMPORT_DEFAULT);
  g_assert_cmpuint (again->conflicts->len, ==, 0);
  g_assert_cmpuint (total (again->added), ==, 0);
  g_assert_cmpuint (total (again->updated), ==, 0);
  laptops_tear_down (&l);
}

/* The same file again: the conflict is still a conflict (B has not chosen),
 * and nothing else happens. */
static void
test_field_sync_twice (void)
{
  Laptops l = { 0 };
  g_autofree char *from_a = NULL;
  g_autoptr(BespokeXmlImportReport) first = NULL;
  g_autoptr(BespokeXmlImportReport) second = NULL;

  laptops_set_up (&l);
  from_a = g_build_filename (l.dir, "from-a.bespoke", NULL);
  export_all (l.a, from_a);
  first = import_ok (l.b, from_a, BESPOKE_XML_IMPORT_DEFAULT);
  second = import_ok (l.b, from_a, BESPOKE_XML_IMPORT_DEFAULT);

  g_assert_cmpuint (total (second->added), ==, 0);
  g_assert_cmpuint (total (second->updated), ==, 0);
  g_assert_cmpuint (second->conflicts->len, ==, 1);
  laptops_tear_down (&l);
}

/* A dry run reports what would happen and leaves the file as it was. */
static void
test_dry_run (void)
{
  Laptops l = { 0 };
  g_autofree char *from_a = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *summary = NULL;

  laptops_set_up (&l);
  from_a = g_build_filename (l.dir, "from-a.bespoke", NULL);
  export_all (l.a, from_a);

  before = close_and_read (&l.b, l.b_db);
  l.b = open_store_at (l.b_db);
  report = import_ok (l.b, from_a, BESPOKE_XML_IMPORT_DRY_RUN);
  g_assert_true (report->dry_run);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  g_assert_cmpuint (total (report->added), ==, 2);
  g_assert_cmpuint (total (report->updated), ==, 1);
  summary = bespoke_xml_import_report_summary (report);
  g_assert_true (g_str_has_prefix (summary, "0 new people, 1 updated, 1 conflict (2 new records in all, "));

  after = close_and_read (&l.b, l.b_db);
  g_assert_true (g_bytes_equal (before, after));
  laptops_tear_down (&l);
}

/* ---- where a conflict is in the file ---------------------------------- */

/* Written by hand, indented as a person would, so that each record starts
 * on a line of its own.  %s is what comes before the root element, and
 * the two %s inside are the statement's text and the budget's pence. */
static const char conflict_fixture[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "%s"
  "<bespoke schema-version=\"1\" xmlns=\"urn:bespoke:exchange:1\">\n"
  "  <person id=\"6a1d3b2c-9e4f-4a7b-8c0d-2b3c4d5e6f70\" modified=\"2027-01-08T09:30:00.000000Z\">\n"
  "    <name>Lin Lines</name>\n"
  "    <is-staff>false</is-staff>\n"
  "    <archived>false</archived>\n"
  "    <nation>england-and-wales</nation>\n"
  "    <about-me>\n"
  "      <statement id=\"6a1d3b2c-9e4f-4a7b-8c0d-2b3c4d5e6f71\" modified=\"%s\">\n"
  "        <section>important-to-me</section>\n"
  "        <position>0</position>\n"
  "        <text>%s</text>\n"
  "      </statement>\n"
  "    </about-me>\n"
  "    <care-plan id=\"6a1d3b2c-9e4f-4a7b-8c0d-2b3c4d5e6f72\" modified=\"2027-01-08T09:30:00.000000Z\">\n"
  "      <period start=\"2027-01-01\" end=\"2027-12-31\"/>\n"
  "      <status>draft</status>\n"
  "      <annualisation>calendar</annualisation>\n"
  "      <discount-bp>0</discount-bp>\n"
  "      <budget\n"
  "          id=\"6a1d3b2c-9e4f-4a7b-8c0d-2b3c4d5e6f73\"\n"
  "          modified=\"%s\">\n"
  "        <amount pence=\"%s\">an amount</amount>\n"
  "        <source>individual-budget</source>\n"
  "      </budget>\n"
  "    </care-plan>\n"
  "  </person>\n"
  "</bespoke>\n";

#define LINES_STATEMENT "6a1d3b2c-9e4f-4a7b-8c0d-2b3c4d5e6f71"
#define LINES_BUDGET "6a1d3b2c-9e4f-4a7b-8c0d-2b3c4d5e6f73"

/* The line of the '>' that ends the start tag holding id="@uuid" (libxml2
 * counts an element from there), found by counting newlines in @text. */
static guint
line_of_record (const char *text,
                const char *uuid)
{
  g_autofree char *needle = g_strdup_printf ("id=\"%s\"", uuid);
  const char *at = strstr (text, needle);
  guint line = 1;

  g_assert_nonnull (at);
  at = strchr (at, '>');
  g_assert_nonnull (at);
  for (const char *c = text; c < at; c++)
    line += *c == '\n';
  return line;
}

static void
assert_conflict_lines (const char *prolog)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "lines.db", NULL);
  g_autofree char *first = g_build_filename (dir, "first.bespoke", NULL);
  g_autofree char *second = g_build_filename (dir, "second.bespoke", NULL);
  g_autofree char *first_text = g_strdup_printf (conflict_fixture, prolog, "2027-01-08T09:30:00.000000Z",
                                                 "Seeing my family every week.", "2027-01-08T09:30:00.000000Z", "3400000");
  g_autofree char *second_text = g_strdup_printf (conflict_fixture, prolog, "2030-01-08T09:30:00.000000Z",
                                                  "Seeing my family every day.", "2030-01-08T09:30:00.000000Z", "3500000");
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(BespokeXmlImportReport) added = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(BespokeStatement) statement = NULL;
  g_autoptr(BespokeBudget) budget = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (first, first_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (second, second_text, -1, &error);
  g_assert_no_error (error);

  /* in step with the first file, then both changed here */
  added = import_ok (store, first, BESPOKE_XML_IMPORT_DEFAULT);
  g_assert_cmpuint (added->added[BESPOKE_XML_KIND_PERSON], ==, 1);
  statement = bespoke_store_load (store, BESPOKE_TYPE_STATEMENT, LINES_STATEMENT, &error);
  g_assert_no_error (error);
  bespoke_statement_set_text (statement, "Seeing my family at weekends.");
  bespoke_store_save (store, statement, &error);
  g_assert_no_error (error);
  budget = bespoke_store_load (store, BESPOKE_TYPE_BUDGET, LINES_BUDGET, &error);
  g_assert_no_error (error);
  bespoke_budget_set_amount (budget, 3300000);
  bespoke_store_save (store, budget, &error);
  g_assert_no_error (error);

  /* and changed in the second file too: two conflicts, each at its own
   * element's line (the budget's start tag ends on its third line) */
  report = import_ok (store, second, BESPOKE_XML_IMPORT_DRY_RUN);
  g_assert_cmpuint (report->conflicts->len, ==, 2);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      BespokeXmlConflict *conflict = report->conflicts->pdata[i];

      g_test_message ("%s %s: line %u", conflict->element, conflict->uuid, conflict->line);
      g_assert_cmpuint (conflict->line, ==, line_of_record (second_text, conflict->uuid));
      g_assert_cmpuint (conflict->line, >, 2);
    }
  g_assert_cmpstr (((BespokeXmlConflict *) report->conflicts->pdata[0])->uuid, ==, LINES_STATEMENT);
  g_assert_cmpstr (((BespokeXmlConflict *) report->conflicts->pdata[1])->uuid, ==, LINES_BUDGET);

  g_assert_finalize_object (g_steal_pointer (&store));
  g_unlink (first);
  g_unlink (second);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* A conflict names the line its record starts on in the file, not the
 * line of the element the reader stood on (issue #5: every conflict said
 * "line 2"). */
static void
test_conflict_line (void)
{
  assert_conflict_lines ("");
}

/* The same past line 65,535, where libxml2 keeps only text nodes' lines:
 * a comment of 70,000 lines first puts the statement on line 70,010. */
static void
test_conflict_line_big (void)
{
  g_autoptr(GString) prolog = g_string_new ("<!--");

  for (guint i = 0; i < 70000; i++)
    g_string_append_c (prolog, '\n');
  g_string_append (prolog, "-->\n");
  assert_conflict_lines (prolog->str);
}

/* ---- all or nothing --------------------------------------------------- */

/* A file whose last plan ends before it starts: everything before it
 * would be new, and none of it is kept. */
static void
test_bad_record_last_changes_nothing (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *db_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *good = g_build_filename (dir, "good.bespoke", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.bespoke", NULL);
  g_autoptr(BespokeStore) a = open_store_at (db_a);
  g_autoptr(BespokeStore) b = open_store_at (db_b);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autofree char *text = NULL;
  char *last;

  bespoke_synth_people (a, 50, 3, NULL, NULL, &error);
  g_assert_no_error (error);
  export_all (a, good);
  bespoke_synth_people (b, 5, 9, NULL, NULL, &error);
  g_assert_no_error (error);

  g_file_get_contents (good, &text, NULL, &error);
  g_assert_no_error (error);
  last = g_strrstr (text, "<period start=\"2027-01-01\" end=\"2027-12-31\"/>");
  g_assert_nonnull (last);
  memcpy (last, "<period start=\"2027-01-01\" end=\"2026-12-31\"/>", strlen ("<period start=\"2027-01-01\" end=\"2026-12-31\"/>"));
  g_file_set_contents (bad, text, -1, &error);
  g_assert_no_error (error);

  before = close_and_read (&b, db_b);
  b = open_store_at (db_b);
  report = bespoke_xml_import (b, bad, BESPOKE_XML_IMPORT_DEFAULT, &error);
  g_assert_null (report);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line "));
  g_assert_nonnull (strstr (error->message, "before"));
  g_assert_cmpint (bespoke_store_count (b, BESPOKE_TYPE_PERSON, NULL), ==, 5);
  after = close_and_read (&b, db_b);
  g_assert_true (g_bytes_equal (before, after));
}

/* ---- hostile files ---------------------------------------------------- */

typedef struct
{
  char         *dir;
  char         *db;
  BespokeStore *store;
  GBytes       *before;
} Victim;

static void
victim_set_up (Victim *v)
{
  g_autoptr(GError) error = NULL;

  v->dir = temp_dir ();
  v->db = g_build_filename (v->dir, "victim.db", NULL);
  v->store = open_store_at (v->db);
  bespoke_example_install (v->store, &error);
  g_assert_no_error (error);
  v->before = close_and_read (&v->store, v->db);
  v->store = open_store_at (v->db);
}

/* Imports @path, which must fail with a message holding @expected, and
 * leaves the database's bytes as they were. */
static void
victim_refuses (Victim     *v,
                const char *path,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) validate_error = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 started = g_get_monotonic_time ();

  report = bespoke_xml_import (v->store, path, BESPOKE_XML_IMPORT_DEFAULT, &error);
  g_test_message ("%s refused in %.3f s: %s", path, (g_get_monotonic_time () - started) / 1e6,
                  error ? error->message : "(not refused)");
  g_assert_null (report);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, expected));

  g_assert_false (bespoke_xml_validate (path, &validate_error));
  g_assert_error (validate_error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);

  after = close_and_read (&v->store, v->db);
  g_assert_true (g_bytes_equal (v->before, after));
  v->store = open_store_at (v->db);
}

static void
victim_tear_down (Victim *v)
{
  g_clear_object (&v->store);
  g_clear_pointer (&v->before, g_bytes_unref);
  g_free (v->db);
  g_free (v->dir);
}

static const struct
{
  const char *file;
  const char *expected;
} fixtures[] = {
  { "billion-laughs.xml", "document type (DOCTYPE)" },
  { "quadratic-blowup.xml", "document type (DOCTYPE)" },
  { "external-dtd.xml", "document type (DOCTYPE)" },
  { "truncated.xml", "stops too early" },
  { "wrong-namespace.xml", "not a Bespoke exchange file" },
  { "wrong-version.xml", "version 2 of the Bespoke exchange format" },
  { "wrong-schema-version.xml", "version “99” of the Bespoke exchange format" },
  { "malformed-uuid.xml", "is not a UUID" },
  { "duplicate-uuids.xml", "same id as the record on line 3" },
  { "negative-money.xml", "-3400000 pence, and it cannot be less than nothing" },
  { "overflowing-money.xml", "not a whole number Bespoke can hold" },
  { "end-before-start.xml", "(2026-12-31) is before" },
  { "invalid-utf8.xml", "not UTF-8" },
};

static void
test_hostile_fixtures (void)
{
  Victim v = { 0 };
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "valid.xml", NULL);
  g_autoptr(GError) error = NULL;

  /* the fixtures are each one change away from this valid file */
  g_assert_true (bespoke_xml_validate (valid, &error));
  g_assert_no_error (error);

  victim_set_up (&v);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", fixtures[i].file, NULL);
      victim_refuses (&v, path, fixtures[i].expected);
    }
  victim_tear_down (&v);
}

/* An external entity naming a secret file: refused, and the secret's bytes
 * are nowhere: not in the message, not in the database. */
static void
test_hostile_xxe (void)
{
  Victim v = { 0 };
  const char *secret = "SECRET-7f3a9c-do-not-leak";
  g_autofree char *secret_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *inline_path = NULL;
  g_autofree char *inline_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) db = NULL;
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "valid.xml", NULL);
  g_autofree char *valid_text = NULL;
  const char *body;

  victim_set_up (&v);
  secret_path = g_build_filename (v.dir, "secret.txt", NULL);
  g_file_set_contents (secret_path, secret, -1, &error);
  g_assert_no_error (error);
  g_file_get_contents (valid, &valid_text, NULL, &error);
  g_assert_no_error (error);
  body = strchr (valid_text, '\n') + 1;

  /* the classic: a DOCTYPE declaring the entity */
  path = g_build_filename (v.dir, "xxe.xml", NULL);
  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE bespoke [<!ENTITY s SYSTEM \"file://%s\">]>\n%s",
                          secret_path, body);
  {
    g_autofree char *evil = NULL;
    g_auto(GStrv) parts = g_strsplit (text, "Sam Hostile", 2);
    evil = g_strjoinv ("&s;", parts);
    g_file_set_contents (path, evil, -1, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(GError) import_error = NULL;
    g_autoptr(BespokeXmlImportReport) report = bespoke_xml_import (v.store, path, 0, &import_error);
    g_assert_null (report);
    g_assert_nonnull (strstr (import_error->message, "DOCTYPE"));
    g_assert_null (strstr (import_error->message, secret));
  }

  /* and a reference to an entity that was never declared, without a
   * DOCTYPE: the parser refuses it; nothing is looked up */
  inline_path = g_build_filename (v.dir, "xxe-undeclared.xml", NULL);
  {
    g_auto(GStrv) parts = g_strsplit (body, "Sam Hostile", 2);
    inline_text = g_strjoinv ("&s;", parts);
  }
  g_file_set_contents (inline_path, inline_text, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GError) import_error = NULL;
    g_autoptr(BespokeXmlImportReport) report = bespoke_xml_import (v.store, inline_path, 0, &import_error);
    g_assert_null (report);
    g_assert_nonnull (import_error);
    g_assert_null (strstr (import_error->message, secret));
  }

  victim_refuses (&v, path, "DOCTYPE");
  db = close_and_read (&v.store, v.db);
  g_assert_true (g_bytes_equal (db, v.before));
  g_assert_null (g_strstr_len (g_bytes_get_data (db, NULL), (gssize) g_bytes_get_size (db), secret));
  v.store = open_store_at (v.db);
  victim_tear_down (&v);
}

/* 10,000 elements deep, made here rather than kept in the tree. */
static void
test_hostile_deep_nesting (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<bespoke schema-version=\"1\" xmlns=\"urn:bespoke:exchange:1\">\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "<person>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "</person>");
  g_string_append (text, "\n</bespoke>\n");

  victim_set_up (&v);
  path = g_build_filename (v.dir, "deep.xml", NULL);
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  victim_refuses (&v, path, "Line ");
  victim_tear_down (&v);
}

/* One text node of 100 MB, made here and written in pieces. */
static void
test_hostile_huge_text (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *chunk = g_strnfill (1024 * 1024, 'x');
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "valid.xml", NULL);
  g_autofree char *valid_text = NULL;
  g_autoptr(GError) error = NULL;
  char *split;
  FILE *file;

  victim_set_up (&v);
  g_file_get_contents (valid, &valid_text, NULL, &error);
  g_assert_no_error (error);
  split = strstr (valid_text, "Sam Hostile");
  *split = '\0';

  path = g_build_filename (v.dir, "huge.xml", NULL);
  file = fopen (path, "w");
  g_assert_nonnull (file);
  fputs (valid_text, file);
  for (guint i = 0; i < 100; i++)
    fputs (chunk, file);
  fputs (split + strlen ("Sam Hostile"), file);
  fclose (file);

  victim_refuses (&v, path, "Line ");
  g_unlink (path);
  victim_tear_down (&v);
}

/* Over the size cap: refused before a byte is read (a sparse file). */
static void
test_size_cap (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;
  int fd;

  victim_set_up (&v);
  path = g_build_filename (v.dir, "too-big.xml", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, BESPOKE_XML_MAX_BYTES + 1), ==, 0);
  close (fd);
  victim_refuses (&v, path, "larger than");
  g_unlink (path);
  victim_tear_down (&v);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xml-import/round-trip", test_round_trip);
  g_test_add_func ("/xml-import/reimport-unchanged", test_reimport_is_unchanged);
  g_test_add_func ("/xml-import/person-costs-the-same-elsewhere", test_person_costs_the_same_elsewhere);
  g_test_add_func ("/xml-import/field-sync", test_field_sync);
  g_test_add_func ("/xml-import/field-sync-twice", test_field_sync_twice);
  g_test_add_func ("/xml-import/field-sync-choose-file", test_field_sync_choose_file);
  g_test_add_func ("/xml-import/dry-run", test_dry_run);
  g_test_add_func ("/xml-import/conflict-line", test_conflict_line);
  g_test_add_func ("/xml-import/conflict-line-past-65535", test_conflict_line_big);
  g_test_add_func ("/xml-import/bad-record-last", test_bad_record_last_changes_nothing);
  g_test_add_func ("/xml-import/hostile/fixtures", test_hostile_fixtures);
  g_test_add_func ("/xml-import/hostile/xxe", test_hostile_xxe);
  g_test_add_func ("/xml-import/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/xml-import/hostile/huge-text", test_hostile_huge_text);
  g_test_add_func ("/xml-import/hostile/size-cap", test_size_cap);

  return g_test_run ();
}
