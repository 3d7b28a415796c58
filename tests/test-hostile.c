/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile exchange files (issue #12): what the schema forbids is refused
 * wherever it is in the file, including the first chunk the parser reads
 * before the reader reaches the root element; each refusal leaves the
 * database's bytes as they were. */
#define G_LOG_DOMAIN "bespoke-test-hostile"

#include <locale.h>

#include "hostile-test-util.h"

/* ---- the first chunk -------------------------------------------------- */

/* An unknown element at byte 213, well inside the first 512 bytes that
 * libxml2 parses (and validates) before the reader returns the root. */
static void
test_bad_element_at_byte_213 (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  victim_set_up (&v);
  path = write_variant (v.dir, "byte-213.xml", "<name>Sam Hostile</name>\n    ", "<name>Sam H</name><bogus/>");
  g_file_get_contents (path, &text, NULL, NULL);
  g_assert_cmpint (strstr (text, "<bogus/>") - text, ==, 213);
  message = victim_refuses_at (&v, path, 4, "“bogus” is not expected here");
  victim_tear_down (&v);
}

static void
test_unknown_root_attribute (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;

  victim_set_up (&v);
  path = write_variant (v.dir, "root-attribute.xml", "schema-version=\"1\"", "schema-version=\"1\" sneaky=\"yes\"");
  g_free (victim_refuses_at (&v, path, 2, "sneaky"));
  victim_tear_down (&v);
}

/* Bespoke's parser never runs XInclude, and the schema has no place for
 * one: the element is refused, and nothing it names is read. */
static void
test_top_level_xinclude (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;

  victim_set_up (&v);
  path = write_variant (v.dir, "xinclude.xml", "  <person",
                        "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>\n  <person");
  g_free (victim_refuses_at (&v, path, 3, "include"));
  victim_tear_down (&v);
}

/* <notes> holds text only: an element inside it is refused. */
static void
test_element_inside_notes (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;

  victim_set_up (&v);
  path = write_variant (v.dir, "notes-element.xml", "    <is-staff>",
                        "    <notes>Likes <b>bold</b> text</notes>\n    <is-staff>");
  g_free (victim_refuses_at (&v, path, 5, "notes"));
  victim_tear_down (&v);
}

/* An upper-case copy of a UUID already in the database: refused in the
 * first chunk (the person's own id) and after it (the budget's), so the
 * database never holds an id that its own export would spell differently. */
static void
test_upper_case_uuid (void)
{
  Victim v = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *person_path = NULL;
  g_autofree char *budget_path = NULL;
  g_autofree char *person_id = NULL;
  g_autofree char *budget_id = NULL;

  victim_set_up (&v);
  people = bespoke_store_list (v.store, BESPOKE_TYPE_PERSON, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, >, 0);
  upper = g_ascii_strup (uuid_of (people->pdata[0]), -1);
  g_assert_cmpstr (upper, !=, uuid_of (people->pdata[0]));

  person_id = g_strdup_printf ("id=\"%s\"", upper);
  person_path = write_variant (v.dir, "upper-person.xml", "id=\"5f0c2a1e-8d3b-4c6a-9e7f-1a2b3c4d5e60\"", person_id);
  g_free (victim_refuses_at (&v, person_path, 3, "is not a UUID"));

  budget_id = g_strdup_printf ("id=\"%s\"", "5F0C2A1E-8D3B-4C6A-9E7F-1A2B3C4D5E63");
  budget_path = write_variant (v.dir, "upper-budget.xml", "id=\"5f0c2a1e-8d3b-4c6a-9e7f-1a2b3c4d5e63\"", budget_id);
  g_free (victim_refuses_at (&v, budget_path, 20, "is not a UUID"));
  victim_tear_down (&v);
}

/* The same file with its UUIDs in lower case imports; its export imports
 * again, unchanged. */
static void
test_valid_round_trip (void)
{
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "valid.xml", NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "out.bespoke", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeXmlImportReport) first = NULL;
  g_autoptr(BespokeXmlImportReport) second = NULL;

  first = bespoke_xml_import (store, valid, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->added[BESPOKE_XML_KIND_PERSON], ==, 1);
  bespoke_xml_export (store, BESPOKE_XML_EXPORT_ALL, NULL, out, &error);
  g_assert_no_error (error);
  second = bespoke_xml_import (store, out, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->added[BESPOKE_XML_KIND_PERSON], ==, 0);
  g_assert_cmpuint (second->conflicts->len, ==, 0);
}


/* ---- limits on what a line asks for ----------------------------------- */

/* valid.xml with an unpaid activity in its plan: @quantity staff, a daily
 * schedule from @start for @minutes, and @excepts (text of <except>
 * elements) */
static char *
write_activity (const char *dir,
                const char *name,
                const char *quantity,
                const char *start,
                const char *minutes,
                const char *excepts)
{
  g_autofree char *activity = g_strdup_printf (
    "      <activity id=\"5f0c2a1e-8d3b-4c6a-9e7f-1a2b3c4d5e64\" modified=\"2027-01-08T09:30:00.000000Z\">\n"
    "        <position>0</position>\n"
    "        <support-type>family</support-type>\n"
    "        <quantity>%s</quantity>\n"
    "        <schedule kind=\"weekly\"><days>mon,tue,wed,thu,fri,sat,sun</days><start>%s</start>"
    "<minutes>%s</minutes><every>1</every><bank-holidays>default</bank-holidays>%s</schedule>\n"
    "        <funding>none</funding>\n"
    "        <share-ratio>1</share-ratio>\n"
    "        <discount-bp>0</discount-bp>\n"
    "        <free-units>0</free-units>\n"
    "        <disturbance-minutes>0</disturbance-minutes>\n"
    "      </activity>\n"
    "    </care-plan>", quantity, start, minutes, excepts);

  return write_variant (dir, name, "    </care-plan>", activity);
}

/* <quantity>4294967295</quantity> was valid, and costing it froze the
 * window; <minutes>4294967295</minutes> every day took 16 s.  The schema
 * now says the most (1000 staff, 7 days a visit), and a file over it is
 * refused at its line. */
static void
test_line_limits (void)
{
  Victim v = { 0 };
  g_autofree char *fine = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *wrap = NULL;
  g_autoptr(GError) error = NULL;

  victim_set_up (&v);
  fine = write_activity (v.dir, "fine.xml", "1000", "23:59", "10080", "");
  g_assert_true (bespoke_xml_validate (fine, &error));
  g_assert_no_error (error);

  quantity = write_activity (v.dir, "quantity.xml", "4294967295", "09:00", "60", "");
  g_free (victim_refuses_at (&v, quantity, 27, "“quantity” is 4294967295, more than 1000"));
  minutes = write_activity (v.dir, "minutes.xml", "1", "09:00", "4294967295", "");
  g_free (victim_refuses_at (&v, minutes, 28, "“minutes” is 4294967295, more than 10080"));
  wrap = write_activity (v.dir, "wrap.xml", "1", "23:59", "10081", "");
  g_free (victim_refuses_at (&v, wrap, 28, "more than 10080"));
  victim_tear_down (&v);
}

/* 50,000 <except> dates took 27 s to import, and as long to load again:
 * now they are gathered and sorted once, and the plan costs at once. */
static void
test_fifty_thousand_excepts (void)
{
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autofree char *dir = temp_dir ();
  g_autoptr(GString) excepts = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(BespokeSupportLine) line = NULL;
  g_autoptr(BespokeCostReport) cost = NULL;
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, G_DATE_JANUARY, 1950);
  for (guint i = 0; i < 50000; i++)
    {
      char iso[16];

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &d);
      g_string_append_printf (excepts, "<except>%s</except>", iso);
      g_date_add_days (&d, 1);
    }
  path = write_activity (dir, "excepts.xml", "1", "09:00", "60", excepts->str);
  report = bespoke_xml_import (store, path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PERSON], ==, 1);

  line = BESPOKE_SUPPORT_LINE (bespoke_store_load (store, BESPOKE_TYPE_SUPPORT_LINE,
                                                   "5f0c2a1e-8d3b-4c6a-9e7f-1a2b3c4d5e64", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bespoke_support_line_get_schedule (line)->excluded->len, ==, 50000);
  cost = bespoke_costing_report (store, "5f0c2a1e-8d3b-4c6a-9e7f-1a2b3c4d5e62", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cost->lines->len, ==, 1);
}


/* "&#1;" in a name was reported as "not UTF-8 text": it is a reference to
 * a character XML does not allow, and the message says so. */
static void
test_control_character_reference (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  victim_set_up (&v);
  path = write_variant (v.dir, "control.xml", "Sam Hostile", "Sam&#1;Hostile");
  message = victim_refuses_at (&v, path, 4, "a character that XML does not allow");
  g_assert_null (strstr (message, "not UTF-8"));
  victim_tear_down (&v);
}


/* The readable amount beside the pence was never compared with them: a
 * file reading "£34,000.00" could import 340000000 pence.  Now they must
 * agree (or the text be left out). */
static void
test_money_text_agrees (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *bare = NULL;
  g_autoptr(GError) error = NULL;

  victim_set_up (&v);
  path = write_variant (v.dir, "money-text.xml", "<amount pence=\"3400000\">£34,000.00</amount>",
                        "<amount pence=\"340000000\">£34,000.00</amount>");
  g_free (victim_refuses_at (&v, path, 21, "amount reads “£34,000.00”, but its pence say £3,400,000.00"));
  bare = write_variant (v.dir, "money-bare.xml", "<amount pence=\"3400000\">£34,000.00</amount>",
                        "<amount pence=\"3400000\"/>");
  g_assert_true (bespoke_xml_validate (bare, &error));
  g_assert_no_error (error);
  victim_tear_down (&v);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile/first-chunk/bad-element-at-byte-213", test_bad_element_at_byte_213);
  g_test_add_func ("/hostile/first-chunk/unknown-root-attribute", test_unknown_root_attribute);
  g_test_add_func ("/hostile/first-chunk/top-level-xinclude", test_top_level_xinclude);
  g_test_add_func ("/hostile/first-chunk/element-inside-notes", test_element_inside_notes);
  g_test_add_func ("/hostile/upper-case-uuid", test_upper_case_uuid);
  g_test_add_func ("/hostile/valid-round-trip", test_valid_round_trip);
  g_test_add_func ("/hostile/line-limits", test_line_limits);
  g_test_add_func ("/hostile/money-text-agrees", test_money_text_agrees);
  g_test_add_func ("/hostile/control-character-reference", test_control_character_reference);
  g_test_add_func ("/hostile/fifty-thousand-excepts", test_fifty_thousand_excepts);

  return g_test_run ();
}
