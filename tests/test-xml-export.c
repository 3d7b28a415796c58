/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The XML exchange writer: every export validates against the published
 * schema, the same data gives the same bytes, files are 0600 and atomic. */
#define G_LOG_DOMAIN "bespoke-test-xml-export"

#include <locale.h>
#include <sys/stat.h>

#include <libxml/xmlwriter.h>

#include "bespoke-xml-export.h"
#include "bespoke-xml-schema.h"
#include "xml-test-util.h"

static BespokeStore *
example_store (const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "example.db", NULL);
  g_autoptr(GError) error = NULL;
  BespokeStore *store = open_store_at (db);

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_export_all_validates (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = example_store (dir);
  g_autofree char *path = g_build_filename (dir, "all.bespoke", NULL);
  g_autoptr(GDir) listing = NULL;
  struct stat st;
  const char *name;
  guint files = 0;

  export_all (store, path);
  assert_valid_against_published_schema (path);

  /* readable by its owner only */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* written through a temporary file that is gone: the folder holds the
   * database (and its WAL files) and the export, nothing else */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_has_prefix (name, "example.db") || g_str_equal (name, "all.bespoke"));
      files++;
    }
  g_assert_cmpuint (files, >=, 2);
}

static void
test_export_is_deterministic (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = example_store (dir);
  g_autofree char *a = g_build_filename (dir, "a.bespoke", NULL);
  g_autofree char *b = g_build_filename (dir, "b.bespoke", NULL);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  export_all (store, a);
  export_all (store, b);
  first = file_bytes (a);
  second = file_bytes (b);
  g_assert_true (g_bytes_equal (first, second));
}

/* Numbers and money do not depend on the locale. */
static void
test_export_locale_independent (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = example_store (dir);
  g_autofree char *a = g_build_filename (dir, "a.bespoke", NULL);
  g_autofree char *b = g_build_filename (dir, "b.bespoke", NULL);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  const char *german = NULL;

  export_all (store, a);
  for (guint i = 0; german == NULL && i < 3; i++)
    german = setlocale (LC_ALL, (const char *[]) { "de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8" }[i]);
  g_test_message ("exporting again in the locale %s", german ? german : "(none)");
  export_all (store, b);
  setlocale (LC_ALL, "C.UTF-8");

  first = file_bytes (a);
  second = file_bytes (b);
  g_assert_true (g_bytes_equal (first, second));
}

/* Paul, from the domain notes: a budget of £34,000 a year and a plan for
 * 2027.  Money is pence in an attribute and a readable amount; dates are
 * ISO 8601; the plan is a FHIR-style care-plan with a period. */
static void
test_export_person_money_and_dates (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = example_store (dir);
  g_autofree char *path = g_build_filename (dir, "paul.bespoke", NULL);
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *uuids[2] = { NULL, NULL };

  paul = bespoke_store_find_person (store, "Paul", &error);
  g_assert_no_error (error);
  uuids[0] = bespoke_record_get_uuid (BESPOKE_RECORD (paul));

  bespoke_xml_export (store, BESPOKE_XML_EXPORT_PEOPLE, uuids, path, &error);
  g_assert_no_error (error);
  assert_valid_against_published_schema (path);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  /* £34,000.00 = 3,400,000 pence */
  g_assert_nonnull (strstr (text, "<amount pence=\"3400000\">£34,000.00</amount>"));
  g_assert_nonnull (strstr (text, "<period start=\"2027-01-01\" end=\"2027-12-31\"/>"));
  g_assert_nonnull (strstr (text, "<about-me>"));
  g_assert_nonnull (strstr (text, "<goal id="));
  g_assert_nonnull (strstr (text, "<activity id="));
  /* a paid line carries its product: £3,000 for the outcome-based job find */
  g_assert_nonnull (strstr (text, "<unit-price pence=\"300000\">£3,000.00</unit-price>"));
  /* one person only, and no menus or homes of their own */
  g_assert_null (strstr (text, "<shared-home"));
  g_assert_null (strstr (text, "<menu>"));
  g_assert_null (strstr (strstr (text, "<person ") + 1, "<person "));
}

static void
test_export_menu (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = example_store (dir);
  g_autofree char *path = g_build_filename (dir, "menu.bespoke", NULL);
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *uuids[2] = { NULL, NULL };
  guint count = 0;

  providers = bespoke_store_list (store, BESPOKE_TYPE_PROVIDER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (providers->len, >=, 1);
  uuids[0] = bespoke_record_get_uuid (providers->pdata[0]);
  products = bespoke_store_list (store, BESPOKE_TYPE_PRODUCT, uuids[0], &error);
  g_assert_no_error (error);

  bespoke_xml_export (store, BESPOKE_XML_EXPORT_MENU, uuids, path, &error);
  g_assert_no_error (error);
  assert_valid_against_published_schema (path);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text, "<person "));
  for (const char *p = strstr (text, "<product id="); p != NULL; p = strstr (p + 1, "<product id="))
    count++;
  g_assert_cmpuint (count, ==, products->len);
  g_assert_nonnull (strstr (text, "<valid-from>"));
  g_assert_nonnull (strstr (text, "<version>1</version>"));
}

static void
test_export_synth_validates (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "synth.db", NULL);
  g_autofree char *path = g_build_filename (dir, "synth.bespoke", NULL);
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(GError) error = NULL;

  bespoke_synth_people (store, 200, 7, NULL, NULL, &error);
  g_assert_no_error (error);
  export_all (store, path);
  assert_valid_against_published_schema (path);
}

/* A folder that does not exist: a sentence, and no file. */
static void
test_export_unwritable (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = example_store (dir);
  g_autofree char *path = g_build_filename (dir, "missing", "all.bespoke", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (bespoke_xml_export (store, BESPOKE_XML_EXPORT_ALL, NULL, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Could not write"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The fast writer escapes text and attribute values byte for byte as
 * xmlTextWriter does (the expected bytes come from libxml2 itself). */
static void
test_export_escaping_matches_libxml (void)
{
  static const char *samples[] = {
    "",
    "plain words",
    "Fish & chips <on Fridays> \"always\"",
    "it's 'quoted'",
    "line one\nline two\r\nline three\ttabbed",
    "Zoë’s café · £21.50 — 日本語 😀",
    "&amp; is not an entity here",
    ">>><<<&&&\"\"\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      xmlBufferPtr buffer = xmlBufferCreate ();
      xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
      g_autoptr(GString) ours = g_string_new ("<e a=\"");

      xmlTextWriterStartElement (writer, BAD_CAST "e");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "a", BAD_CAST samples[i]);
      xmlTextWriterWriteString (writer, BAD_CAST samples[i]);
      xmlTextWriterEndElement (writer);
      xmlTextWriterFlush (writer);

      bespoke_xml_export_escape (ours, samples[i], TRUE);
      g_string_append (ours, "\">");
      bespoke_xml_export_escape (ours, samples[i], FALSE);
      g_string_append (ours, "</e>");

      g_assert_cmpstr (ours->str, ==, (const char *) xmlBufferContent (buffer));
      xmlFreeTextWriter (writer);
      xmlBufferFree (buffer);
    }
}

/* Text that needs escaping comes back out of the file as it went in. */
static void
test_export_awkward_text_round_trips (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "awkward.db", NULL);
  g_autofree char *path = g_build_filename (dir, "awkward.bespoke", NULL);
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = "Zoë O’Neill & <Family>";
  const char *notes = "Likes \"Fish & chips\"\r\non Fridays\tat 5 > 4";
  xmlDocPtr doc;
  xmlNodePtr node;
  gboolean found_notes = FALSE, found_name = FALSE;
  const char *uuids[2];

  person = bespoke_person_new ();
  g_object_set (person, "name", name, "notes", notes, NULL);
  g_assert_true (bespoke_store_save (store, BESPOKE_RECORD (person), &error));
  g_assert_no_error (error);
  uuids[0] = bespoke_record_get_uuid (BESPOKE_RECORD (person));
  uuids[1] = NULL;
  g_assert_true (bespoke_xml_export (store, BESPOKE_XML_EXPORT_PEOPLE, uuids, path, &error));
  g_assert_no_error (error);
  assert_valid_against_published_schema (path);

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  node = xmlDocGetRootElement (doc)->children;
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  g_assert_nonnull (node);
  g_assert_cmpstr ((const char *) node->name, ==, "person");
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      text = (char *) xmlNodeGetContent (child);
      if (g_str_equal ((const char *) child->name, "notes"))
        {
          g_assert_cmpstr (text, ==, notes);
          found_notes = TRUE;
        }
      else if (g_str_equal ((const char *) child->name, "name"))
        {
          g_assert_cmpstr (text, ==, name);
          found_name = TRUE;
        }
    }
  g_assert_true (found_name);
  g_assert_true (found_notes);
  xmlFreeDoc (doc);
}

/* Record times: the expected strings were worked out with Python's
 * datetime from the same instants.  Each is asked for twice and in an
 * order that changes day back and forth, since the writer keeps the last
 * day it wrote. */
static void
test_export_times (void)
{
  static const struct { gint64 us; const char *text; } cases[] = {
    { 0, "1970-01-01T00:00:00.000000Z" },
    { G_GINT64_CONSTANT (1799400600000000), "2027-01-08T09:30:00.000000Z" },
    { G_GINT64_CONSTANT (1709251199999999), "2024-02-29T23:59:59.999999Z" },
    { G_GINT64_CONSTANT (951868800000001), "2000-03-01T00:00:00.000001Z" },
    { G_GINT64_CONSTANT (946684799000000), "1999-12-31T23:59:59.000000Z" },
    { G_GINT64_CONSTANT (1799400600000000) + 1, "2027-01-08T09:30:00.000001Z" },
    { -5, "1970-01-01T00:00:00.000000Z" },  /* never before 1970 */
  };

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *text = bespoke_xml_schema_format_time (cases[i].us);
        g_autoptr(GString) appended = g_string_new ("x");
        gint64 back = 0;

        g_assert_cmpstr (text, ==, cases[i].text);
        bespoke_xml_schema_append_time (appended, cases[i].us);
        g_assert_cmpstr (appended->str + 1, ==, cases[i].text);
        g_assert_true (bespoke_xml_schema_parse_time (text, &back));
        g_assert_cmpint (back, ==, MAX (cases[i].us, 0));
      }
}

/* A whole export on a database file writes its people on two threads, in
 * chunks; inside a caller's transaction it cannot (the workers' own
 * connections would not see the same data) and writes them on one.  Both
 * must give the same bytes, with every person once, in UUID order.
 * 203 people: several chunks each, and a last chunk part full. */
static void
test_export_parallel_same_as_serial (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "many.db", NULL);
  g_autofree char *parallel = g_build_filename (dir, "parallel.bespoke", NULL);
  g_autofree char *serial = g_build_filename (dir, "serial.bespoke", NULL);
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = g_strdup ("");
  const char *text, *at;
  guint people = 0;

  bespoke_synth_people (store, 203, 11, NULL, NULL, &error);
  g_assert_no_error (error);
  bespoke_example_install (store, &error);
  g_assert_no_error (error);

  export_all (store, parallel);
  g_assert_true (bespoke_store_begin (store, &error));
  export_all (store, serial);
  bespoke_store_rollback (store);

  a = file_bytes (parallel);
  b = file_bytes (serial);
  g_assert_true (g_bytes_equal (a, b));
  assert_valid_against_published_schema (parallel);

  /* every person once, in UUID order: read off the file itself */
  text = g_bytes_get_data (a, NULL);
  for (at = strstr (text, "\n<person id=\""); at != NULL; at = strstr (at + 1, "\n<person id=\""))
    {
      g_autofree char *uuid = g_strndup (at + strlen ("\n<person id=\""), 36);

      g_assert_cmpstr (last, <, uuid);
      g_free (last);
      last = g_steal_pointer (&uuid);
      people++;
    }
  g_assert_cmpuint (people, ==, 203 + 11);  /* and the example's 11 */
}

/* The single-record path (the two sides of a conflict) writes a record as
 * a whole export writes it, so the fixture's round trip covers it too:
 * every record of the example data and of synthetic people, less the
 * display's indentation, is the start of its own line in a whole export,
 * but for a line's product, which a single record names by its id where
 * an export writes its snapshot. */
static char *
without_indentation (const char *indented)
{
  g_autoptr(GRegex) between_tags = g_regex_new (">\n *<", 0, 0, NULL);

  return g_regex_replace_literal (between_tags, indented, -1, 0, "><", 0, NULL);
}

/* @line with the snapshot of its product, if any, as only its id */
static char *
without_snapshot (const char *line)
{
  const char *start = strstr (line, "<product id=\"");
  const char *end;

  if (start == NULL)
    return g_strdup (line);
  end = strstr (start, "</product>");
  g_assert_nonnull (end);
  return g_strdup_printf ("%.*s<product id=\"%.36s\"/>%s",
                          (int) (start - line), line, start + strlen ("<product id=\""),
                          end + strlen ("</product>"));
}

static void
test_export_record_as_in_whole_export (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(BespokeStore) store = example_store (dir);
  g_autofree char *path = g_build_filename (dir, "all.bespoke", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint records = 0, lines_with_products = 0;
  const char *text;

  bespoke_synth_people (store, 20, 3, NULL, NULL, &error);
  g_assert_no_error (error);
  export_all (store, path);
  bytes = file_bytes (path);
  text = g_bytes_get_data (bytes, NULL);

  for (const char *at = strchr (text, '\n'); at != NULL; at = strchr (at + 1, '\n'))
    {
      g_autofree char *element = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *line = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *compact = NULL;
      g_autoptr(BespokeRecord) record = NULL;
      g_autofree char *close = NULL;
      const char *id = strstr (at, " id=\"");
      const char *end = strchr (at + 1, '\n');
      GType type;

      if (at[1] != '<' || id == NULL || (end != NULL && id > end))
        continue;
      element = g_strndup (at + 2, (gsize) (id - at - 2));
      type = bespoke_xml_schema_type_for (element);
      g_assert_true (type != G_TYPE_INVALID);
      uuid = g_strndup (id + strlen (" id=\""), 36);
      line = end ? g_strndup (at + 1, (gsize) (end - at - 1)) : g_strdup (at + 1);

      record = bespoke_store_load (store, type, uuid, &error);
      g_assert_no_error (error);
      shown = bespoke_xml_export_record (record);
      compact = without_indentation (shown);
      close = g_strdup_printf ("</%s>", element);
      g_assert_true (g_str_has_suffix (compact, close));
      compact[strlen (compact) - strlen (close)] = '\0';

      expected = type == BESPOKE_TYPE_SUPPORT_LINE ? without_snapshot (line) : g_strdup (line);
      lines_with_products += !g_str_equal (expected, line);
      if (!g_str_has_prefix (expected, compact))
        g_assert_cmpstr (compact, ==, expected);  /* shows both */
      g_assert_true (expected[strlen (compact)] == '\0' || expected[strlen (compact)] == '<');
      records++;
    }
  g_assert_cmpuint (records, >, 500);
  g_assert_cmpuint (lines_with_products, >, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xml-export/all-validates", test_export_all_validates);
  g_test_add_func ("/xml-export/deterministic", test_export_is_deterministic);
  g_test_add_func ("/xml-export/locale-independent", test_export_locale_independent);
  g_test_add_func ("/xml-export/person-money-and-dates", test_export_person_money_and_dates);
  g_test_add_func ("/xml-export/menu", test_export_menu);
  g_test_add_func ("/xml-export/synth-validates", test_export_synth_validates);
  g_test_add_func ("/xml-export/unwritable", test_export_unwritable);
  g_test_add_func ("/xml-export/escaping-matches-libxml", test_export_escaping_matches_libxml);
  g_test_add_func ("/xml-export/awkward-text-round-trips", test_export_awkward_text_round_trips);
  g_test_add_func ("/xml-export/times", test_export_times);
  g_test_add_func ("/xml-export/parallel-same-as-serial", test_export_parallel_same_as_serial);
  g_test_add_func ("/xml-export/record-as-in-whole-export", test_export_record_as_in_whole_export);

  return g_test_run ();
}
