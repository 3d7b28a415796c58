/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Limits a hostile file cannot walk around (issue #12): each file is made
 * here, refused before any parser sees it with a sentence giving its line,
 * and leaves the database's bytes as they were.  The limits are the
 * constants in bespoke-xml-import.h, documented in the README. */
#define G_LOG_DOMAIN "bespoke-test-hostile-limits"

#include <locale.h>
#include <stdio.h>

#include "hostile-test-util.h"

/* valid.xml with @find replaced by @before, @piece @times over, then
 * @after; written in pieces, so that no test holds a big file in memory */
static char *
write_repeated (const char *dir,
                const char *name,
                const char *find,
                const char *before,
                const char *piece,
                guint       times,
                const char *after)
{
  char *text = valid_text ();
  char *at = strstr (text, find);
  char *path = g_build_filename (dir, name, NULL);
  FILE *file = fopen (path, "w");

  g_assert_nonnull (at);
  g_assert_nonnull (file);
  fwrite (text, 1, (gsize) (at - text), file);
  fputs (before, file);
  for (guint i = 0; i < times; i++)
    fputs (piece, file);
  fputs (after, file);
  fputs (at + strlen (find), file);
  g_assert_cmpint (fclose (file), ==, 0);
  g_free (text);
  return path;
}

/* A name of 1.1 MB of spaces, split by empty comments every 1,000 bytes:
 * each piece is short, and the element's text is not. */
static void
test_comment_split_text (void)
{
  Victim v = { 0 };
  g_autofree char *spaces = g_strnfill (1000, ' ');
  g_autofree char *piece = g_strconcat (spaces, "<!---->", NULL);
  g_autofree char *path = NULL;

  victim_set_up (&v);
  path = write_repeated (v.dir, "comment-split.xml", "Sam Hostile", "Sam", piece, 1100, "Hostile");
  g_free (victim_refuses_at (&v, path, 4, "an element holds more than 1048576 bytes"));
  victim_tear_down (&v);
}

/* The same between two records, directly in the root. */
static void
test_comment_split_between_records (void)
{
  Victim v = { 0 };
  g_autofree char *spaces = g_strnfill (1000, '\n');
  g_autofree char *piece = g_strconcat (spaces, "<!-- -->", NULL);
  g_autofree char *path = NULL;

  victim_set_up (&v);
  path = write_repeated (v.dir, "root-gap.xml", "  <person", "", piece, 1100, "  <person");
  victim_refuses (&v, path, "more than 1048576 bytes of text, comments and the like come between two records");
  victim_tear_down (&v);
}

/* A name split by CDATA sections and character references. */
static void
test_cdata_and_references (void)
{
  Victim v = { 0 };
  g_autofree char *letters = g_strnfill (500, 'a');
  g_autofree char *piece = g_strconcat (letters, "<![CDATA[b]]>&#99;<?pi x?>", NULL);
  g_autofree char *path = NULL;

  victim_set_up (&v);
  path = write_repeated (v.dir, "cdata-split.xml", "Sam Hostile", "", piece, 2500, "");
  g_free (victim_refuses_at (&v, path, 4, "an element holds more than 1048576 bytes"));
  victim_tear_down (&v);
}

/* 90,000 attributes in one start tag (under 1 MB) took 11 s. */
static void
test_ninety_thousand_attributes (void)
{
  Victim v = { 0 };
  g_autoptr(GString) attributes = g_string_new (NULL);
  g_autofree char *path = NULL;

  victim_set_up (&v);
  for (guint i = 0; i < 90000; i++)
    g_string_append_printf (attributes, " a%u=\"\"", i);
  path = write_repeated (v.dir, "attributes.xml", "<person ", "<person", attributes->str, 1, " ");
  g_free (victim_refuses_at (&v, path, 3, "an element has more than 32 attributes"));
  victim_tear_down (&v);
}

/* 100 attributes of 900 KB each reached 105 MB before being refused. */
static void
test_huge_attributes (void)
{
  Victim v = { 0 };
  g_autofree char *value = g_strnfill (900 * 1024, 'v');
  g_autoptr(GString) attributes = g_string_new (NULL);
  g_autofree char *path = NULL;

  victim_set_up (&v);
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (attributes, " b%u=\"%s\"", i, value);
  path = write_repeated (v.dir, "huge-attributes.xml", "<person ", "<person", attributes->str, 1, " ");
  g_free (victim_refuses_at (&v, path, 3, "a start tag is longer than 65536 bytes"));
  g_unlink (path);
  victim_tear_down (&v);
}

/* 10,000 elements deep. */
static void
test_deep_nesting (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GString) closing = g_string_new (NULL);

  victim_set_up (&v);
  for (guint i = 0; i < 10000; i++)
    g_string_append (closing, "</notes>");
  path = write_repeated (v.dir, "deep.xml", "<is-staff>", "", "<notes>", 10000, closing->str);
  g_string_free (g_steal_pointer (&closing), TRUE);
  g_free (victim_refuses_at (&v, path, 5, "elements are nested more than 32 deep"));
  victim_tear_down (&v);
}

/* One plan with 200,001 excluded dates: more elements than one record may
 * hold (each is short, and the file is 6 MB). */
static void
test_record_elements (void)
{
  Victim v = { 0 };
  g_autofree char *path = NULL;

  victim_set_up (&v);
  path = write_repeated (v.dir, "elements.xml", "<status>", "", "<status>draft</status>", 200001, "<status>");
  g_free (victim_refuses_at (&v, path, 3, "one record holds more than 200000 elements"));
  victim_tear_down (&v);
}

/* One person of 17 MB: 170 statements of 100 KB, each within its own
 * limits, and together longer than one record may be. */
static void
test_record_bytes (void)
{
  Victim v = { 0 };
  g_autofree char *text = g_strnfill (100 * 1024, 't');
  g_autofree char *statement = g_strdup_printf ("<statement><text>%s</text></statement>\n", text);
  g_autofree char *path = NULL;

  victim_set_up (&v);
  path = write_repeated (v.dir, "record-bytes.xml", "    <about-me>\n", "    <about-me>\n", statement, 170, "");
  g_free (victim_refuses_at (&v, path, 3, "one record is longer than 16777216 bytes"));
  g_unlink (path);
  victim_tear_down (&v);
}

/* A file in UTF-16 is read as the UTF-8 it is not, and refused. */
static void
test_utf16 (void)
{
  Victim v = { 0 };
  g_autofree char *text = valid_text ();
  g_autoptr(GError) error = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *path = NULL;
  glong written = 0;
  g_autoptr(GString) bytes = g_string_new_len ("\xff\xfe", 2);
  char *declaration = strstr (text, "UTF-8");

  memcpy (declaration, "UTF16", 5);
  utf16 = (char *) g_utf8_to_utf16 (text, -1, NULL, &written, &error);
  g_assert_no_error (error);
  g_string_append_len (bytes, utf16, written * 2);

  victim_set_up (&v);
  path = write_text (v.dir, "utf16.xml", bytes->str, (gssize) bytes->len);
  victim_refuses (&v, path, "not UTF-8");
  victim_tear_down (&v);
}

/* The classics, kept in tests/fixtures/hostile/: each refused with its own
 * sentence, the database unchanged. */
static void
test_classics (void)
{
  static const struct { const char *file; const char *expected; } classics[] = {
    { "billion-laughs.xml", "document type (DOCTYPE)" },
    { "quadratic-blowup.xml", "document type (DOCTYPE)" },
    { "external-dtd.xml", "document type (DOCTYPE)" },
    { "truncated.xml", "stops too early" },
    { "wrong-namespace.xml", "not a Bespoke exchange file" },
    { "invalid-utf8.xml", "not UTF-8" },
    { "duplicate-uuids.xml", "same id as the record on line 3" },
    { "overflowing-money.xml", "not a whole number Bespoke can hold" },
  };
  Victim v = { 0 };

  victim_set_up (&v);
  for (guint i = 0; i < G_N_ELEMENTS (classics); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", classics[i].file, NULL);
      victim_refuses (&v, path, classics[i].expected);
    }
  victim_tear_down (&v);
}

/* Within every limit, the valid file still imports. */
static void
test_valid_within_limits (void)
{
  g_autoptr(BespokeStore) store = open_store_at (":memory:");
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "valid.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeXmlImportReport) report = bespoke_xml_import (store, valid, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PERSON], ==, 1);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile-limits/valid-within-limits", test_valid_within_limits);
  g_test_add_func ("/hostile-limits/comment-split-text", test_comment_split_text);
  g_test_add_func ("/hostile-limits/comment-split-between-records", test_comment_split_between_records);
  g_test_add_func ("/hostile-limits/cdata-and-references", test_cdata_and_references);
  g_test_add_func ("/hostile-limits/90000-attributes", test_ninety_thousand_attributes);
  g_test_add_func ("/hostile-limits/100-attributes-of-900-kb", test_huge_attributes);
  g_test_add_func ("/hostile-limits/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hostile-limits/record-elements", test_record_elements);
  g_test_add_func ("/hostile-limits/record-bytes", test_record_bytes);
  g_test_add_func ("/hostile-limits/utf16", test_utf16);
  g_test_add_func ("/hostile-limits/classics", test_classics);

  return g_test_run ();
}
