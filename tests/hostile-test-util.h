/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the hostile-file tests (header only): a "victim"
 * database holding the example data, whose bytes must not change when a
 * hostile file is refused, and variants of tests/fixtures/hostile/valid.xml
 * made in the test rather than kept in the tree. */
#pragma once

#include <string.h>

#include "bespoke-test-util.h"

typedef struct
{
  char         *dir;
  char         *db;
  BespokeStore *store;
  GBytes       *before;
} Victim;

static inline GBytes *
victim_close_and_read (Victim *v)
{
  g_assert_finalize_object (g_steal_pointer (&v->store));
  return file_bytes (v->db);
}

static inline void
victim_set_up (Victim *v)
{
  g_autoptr(GError) error = NULL;

  v->dir = temp_dir ();
  v->db = g_build_filename (v->dir, "victim.db", NULL);
  v->store = open_store_at (v->db);
  bespoke_example_install (v->store, &error);
  g_assert_no_error (error);
  v->before = victim_close_and_read (v);
  v->store = open_store_at (v->db);
}

static inline void
victim_tear_down (Victim *v)
{
  g_clear_object (&v->store);
  g_clear_pointer (&v->before, g_bytes_unref);
  g_free (v->db);
  g_free (v->dir);
}

/* Imports @path, which must fail with a message holding @expected (and,
 * if @line is not 0, starting "Line @line"); validating it fails too, and
 * the database's bytes are as they were.  Returns the message. */
static inline char *
victim_refuses_at (Victim     *v,
                   const char *path,
                   guint       line,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) validate_error = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GBytes) after = NULL;

  report = bespoke_xml_import (v->store, path, BESPOKE_XML_IMPORT_DEFAULT, &error);
  g_test_message ("%s: %s", path, error ? error->message : "(not refused)");
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, expected));
  if (line != 0)
    {
      g_autofree char *prefix = g_strdup_printf ("Line %u", line);
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }

  g_assert_false (bespoke_xml_validate (path, &validate_error));
  g_assert_nonnull (validate_error);

  after = victim_close_and_read (v);
  g_assert_true (g_bytes_equal (v->before, after));
  v->store = open_store_at (v->db);
  return g_strdup (error->message);
}

static inline void
victim_refuses (Victim     *v,
                const char *path,
                const char *expected)
{
  g_autofree char *message = victim_refuses_at (v, path, 0, expected);
}

/* tests/fixtures/hostile/valid.xml's text (not inlined: GCC 12 then takes
 * the returned pointer for one to the local it was read into) */
static G_GNUC_NO_INLINE char *
valid_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "valid.xml", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* valid.xml with its first @find replaced by @replace, written as @name
 * in @dir.  Returns the path. */
static inline char *
write_variant (const char *dir,
               const char *name,
               const char *find,
               const char *replace)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  char *text = valid_text ();
  gsize offset;

  g_assert_nonnull (strstr (text, find));
  offset = (gsize) (strstr (text, find) - text);
  g_string_append_len (out, text, (gssize) offset);
  g_string_append (out, replace);
  g_string_append (out, text + offset + strlen (find));
  g_free (text);
  g_file_set_contents (path, out->str, (gssize) out->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Writes @text as @name in @dir.  Returns the path. */
static inline char *
write_text (const char *dir,
            const char *name,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return path;
}
