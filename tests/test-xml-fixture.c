/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export made before issue #11 (the example data plus `synth 2000
 * --seed 7`, written by the code of 9f455de), kept gzipped in
 * tests/fixtures: imported into an empty database and exported again, it
 * comes back byte for byte, on the two-thread path of a whole export and
 * on the one-thread path it takes inside a caller's transaction.  So the
 * export's bytes cannot change without this test saying so.
 *
 * One change is expected: the fixture is a version-1 file, and the export
 * writes version 2 (issue #9 added optional plan fields, which the
 * fixture's plans do not have), so its root says schema-version="2". */
#define G_LOG_DOMAIN "bespoke-test-xml-fixture"

#include <locale.h>
#include <string.h>

#include "bespoke-xml-export.h"
#include "bespoke-xml-import.h"
#include "bespoke-xml-schema.h"
#include "xml-test-util.h"

/* The fixture, gunzipped into @dir with GIO's own decompressor. */
static char *
fixture_decompressed (const char *dir)
{
  g_autofree char *gz = g_test_build_filename (G_TEST_DIST, "fixtures", "export-example-synth2000.bespoke.gz", NULL);
  g_autofree char *path = g_build_filename (dir, "fixture.bespoke", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (gz);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GFileInputStream) compressed = NULL;
  g_autoptr(GInputStream) plain = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  compressed = g_file_read (source, NULL, &error);
  g_assert_no_error (error);
  plain = g_converter_input_stream_new (G_INPUT_STREAM (compressed), G_CONVERTER (gunzip));
  out = g_file_replace (target, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_splice (G_OUTPUT_STREAM (out), plain,
                          G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                          NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The fixture as this export writes it: the same bytes, with the current
 * schema-version in the root's one attribute. */
static GBytes *
expected_bytes (const char *fixture)
{
  g_autoptr(GBytes) old = file_bytes (fixture);
  gsize size;
  const char *data = g_bytes_get_data (old, &size);
  const char *was = "<bespoke schema-version=\"1\"";
  g_autofree char *now = g_strdup_printf ("<bespoke schema-version=\"%s\"", BESPOKE_XML_SCHEMA_VERSION);
  const char *at = g_strstr_len (data, MIN (size, (gsize) 512), was);
  char *copy;

  g_assert_nonnull (at);
  g_assert_cmpuint (strlen (now), ==, strlen (was));
  copy = g_memdup2 (data, size);
  memcpy (copy + (at - data), now, strlen (now));
  return g_bytes_new_take (copy, size);
}

/* @dir and the files in it (it has no folders) */
static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_fixture_round_trip (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *fixture = fixture_decompressed (dir);
  g_autofree char *db = g_build_filename (dir, "fixture.db", NULL);
  g_autofree char *parallel = g_build_filename (dir, "parallel.bespoke", NULL);
  g_autofree char *serial = g_build_filename (dir, "serial.bespoke", NULL);
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GBytes) expected = expected_bytes (fixture);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GError) error = NULL;
  BespokeStore *store = open_store_at (db);

  /* 26,732,286 bytes: `wc -c` of the file the old build wrote */
  g_assert_cmpuint (g_bytes_get_size (expected), ==, 26732286);

  report = bespoke_xml_import (store, fixture, BESPOKE_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->conflicts->len, ==, 0);

  export_all (store, parallel);
  g_assert_true (bespoke_store_begin (store, &error));
  g_assert_no_error (error);
  export_all (store, serial);
  bespoke_store_rollback (store);

  a = file_bytes (parallel);
  b = file_bytes (serial);
  g_assert_cmpuint (g_bytes_get_size (a), ==, g_bytes_get_size (expected));
  g_assert_true (g_bytes_equal (a, expected));
  g_assert_cmpuint (g_bytes_get_size (b), ==, g_bytes_get_size (expected));
  g_assert_true (g_bytes_equal (b, expected));

  g_assert_finalize_object (store);
  remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xml-fixture/round-trip", test_fixture_round_trip);

  return g_test_run ();
}
