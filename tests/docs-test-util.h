/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the document tests share: poppler's pdfinfo and pdftotext run on a
 * PDF (the tests skip, saying why, when poppler-utils is not installed),
 * and generated one-page profiles. */
#pragma once

#include <string.h>

#include "bespoke-test-util.h"

/* TRUE if poppler's tools are there; otherwise marks the test skipped. */
static inline gboolean
have_poppler (void)
{
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *text = g_find_program_in_path ("pdftotext");

  if (info != NULL && text != NULL)
    return TRUE;
  g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed: build-aux/install-deps installs them");
  return FALSE;
}

static inline char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* pdfinfo's value for @key ("Pages", "Tagged", "Title", …), stripped */
static inline char *
pdf_info (const char *path,
          const char *key)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

/* Every run of white space becomes one space, so that text wrapped across
 * lines in the PDF can be found whole. */
static inline char *
squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* The text of page @page (1-based; 0 for all), white space squeezed */
static inline char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page ? page : 1);
  g_autofree char *last = g_strdup_printf ("%u", page ? page : 100000);
  const char *argv[] = { "pdftotext", "-f", first, "-l", last, "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = run_tool (argv);

  return squeeze_spaces (out);
}

/* The same, with the page's layout kept (-layout): a table's row reads as
 * one line, its cells in order */
static inline char *
pdf_layout_text (const char *path,
                 guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page ? page : 1);
  g_autofree char *last = g_strdup_printf ("%u", page ? page : 100000);
  const char *argv[] = { "pdftotext", "-layout", "-f", first, "-l", last, "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = run_tool (argv);

  return squeeze_spaces (out);
}

static inline guint
pdf_pages (const char *path)
{
  g_autofree char *pages = pdf_info (path, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static inline void
assert_text_has (const char *text,
                 const char *wanted)
{
  g_autofree char *squeezed = squeeze_spaces (wanted);

  if (strstr (text, squeezed) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", squeezed, text);
}

/* The example's UUIDs, as bespoke-example.c sets them */

#define EXAMPLE_DANNY      "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0030"
#define EXAMPLE_HILLSIDE   "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0100"

static const char *const statement_words[] = {
  "music", "garden", "bus", "friends", "cooking", "swimming", "quiet", "morning", "walks", "football",
  "painting", "dogs", "tea", "market", "library", "cinema", "family", "laughing", "singing", "bread",
};

/* Statement @i: short (seven words) or, every fourth one, long (fifteen).
 * Each starts with its number, so every one is different. */
static inline char *
generated_statement (guint i)
{
  GString *out = g_string_new (NULL);
  guint n = i % 4 == 0 ? 13 : 5;

  g_string_printf (out, "Statement %u:", i + 1);
  for (guint j = 0; j < n; j++)
    g_string_append_printf (out, " %s", statement_words[(i * 7 + j * 13) % G_N_ELEMENTS (statement_words)]);
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

/* A new person with @n generated statements spread over the three
 * sections in turn; returns the person's UUID. */
static inline char *
add_generated_person (BespokeStore *store,
                      const char   *name,
                      guint         n,
                      gboolean      staff)
{
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autoptr(GError) error = NULL;

  bespoke_person_set_name (person, name);
  bespoke_person_set_is_staff (person, staff);
  save_ok (store, person);
  g_assert_true (bespoke_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BespokeStatement) st = bespoke_statement_new ();
      g_autofree char *text = generated_statement (i);

      bespoke_statement_set_person_uuid (st, uuid_of (person));
      bespoke_statement_set_section (st, i % 3);
      bespoke_statement_set_position (st, i / 3);
      bespoke_statement_set_text (st, text);
      save_ok (store, st);
    }
  g_assert_true (bespoke_store_commit (store, &error));
  return g_strdup (uuid_of (person));
}
