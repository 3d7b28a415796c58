/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document layer: the one-page profile on exactly one page, and PDFs
 * written whole or not at all.  The PDFs are read back with poppler's
 * pdfinfo and pdftotext. */
#define G_LOG_DOMAIN "bespoke-test-docs"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <sys/stat.h>

#include "bespoke-document.h"
#include "docs-test-util.h"

/* Paul's statements, as the example data writes them (bespoke-example.c) */
static const char *const paul_statements[] = {
  "I am cheerful and I make people laugh.",
  "I work hard and I take pride in a clean, tidy garage.",
  "I am a loyal friend and I remember everyone’s birthday.",
  "Going camping, or on a city break, with my mates.",
  "My job at the garage, and being paid for it.",
  "Seeing my mum every day, and my cousin Danny.",
  "Choosing for myself where I go on holiday.",
  "Give me time in the morning; I do not like to be rushed.",
  "Tell me about changes to my week in advance, and write them on my calendar.",
  "Talk to me, not to the person with me.",
};

static BespokeDocument *
document_ok (BespokeStore        *store,
             BespokeDocumentKind  kind,
             const char          *subject)
{
  g_autoptr(GError) error = NULL;
  BespokeDocument *document = bespoke_document_new (store, kind, subject, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
write_ok (BespokeDocument *document,
          const char      *name)
{
  g_autofree char *dir = temp_dir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (bespoke_document_write_pdf (document, path, "A. Planner", &error));
  g_assert_no_error (error);
  return path;
}

/* A 300 × 200 photo: a JPEG (kept as it is in the PDF) or a PNG */
static void
give_photo (BespokeStore *store,
            const char   *uuid,
            gboolean      jpeg)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 200);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x4a90d9ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, jpeg ? "jpeg" : "png", &error, NULL));
  bytes = g_bytes_new_take (buffer, size);
  g_assert_true (bespoke_store_set_photo (store, uuid, bytes, jpeg ? "image/jpeg" : "image/png", &error));
  g_assert_no_error (error);
}

static void
test_profile_paul (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokeDocument) document = document_ok (store, BESPOKE_DOCUMENT_PROFILE, BESPOKE_EXAMPLE_PAUL_UUID);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tagged = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  struct stat st;

  g_assert_cmpstr (bespoke_document_get_title (document), ==, "One-page profile: Paul Roberts");
  if (!have_poppler ())
    return;

  path = write_ok (document, "paul.pdf");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  tagged = pdf_info (path, "Tagged");
  g_assert_cmpstr (tagged, ==, "yes");
  title = pdf_info (path, "Title");
  g_assert_cmpstr (title, ==, "One-page profile: Paul Roberts");
  author = pdf_info (path, "Author");
  g_assert_cmpstr (author, ==, "A. Planner");

  text = pdf_text (path, 0);
  assert_text_has (text, "Paul");
  assert_text_has (text, "What people like and admire about me");
  assert_text_has (text, "How best to support me");
  for (guint i = 0; i < G_N_ELEMENTS (paul_statements); i++)
    assert_text_has (text, paul_statements[i]);
  /* Ten short statements fit at the largest type */
  g_assert_cmpfloat (bespoke_document_get_body_size (document), ==, 14.0);
  g_assert_null (bespoke_document_get_warning (document));
}

static void
test_profile_staff (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) danny = bespoke_store_find_person (store, "Danny Price", &error);
  g_autoptr(BespokeDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  document = document_ok (store, BESPOKE_DOCUMENT_PROFILE, uuid_of (danny));
  if (!have_poppler ())
    return;
  path = write_ok (document, "danny.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  text = pdf_text (path, 0);
  /* The staff wording of the third heading */
  assert_text_has (text, "How to support me well at work");
  g_assert_null (strstr (text, "How best to support me"));
  assert_text_has (text, "Give me my rota a month ahead.");
  assert_text_has (text, "Staff one-page profile");
}

/* Generated profiles of 3, 30, 90 and 300 statements, with and without a
 * photo: always one page; every statement of the first three is there; the
 * type gets smaller as the text grows; the 300 says what it left out. */
static void
test_profile_generated (void)
{
  static const guint sizes[] = { 3, 30, 90, 300 };
  g_autoptr(BespokeStore) store = new_example_store ();

  if (!have_poppler ())
    return;

  for (guint photo = 0; photo < 3; photo++)
    {
      double previous = 100;

      for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
        {
          g_autofree char *name = g_strdup_printf ("Generated %u %u", sizes[k], photo);
          g_autofree char *uuid = add_generated_person (store, name, sizes[k], FALSE);
          g_autoptr(BespokeDocument) document = NULL;
          g_autofree char *path = NULL;
          g_autofree char *text = NULL;
          double body;

          if (photo > 0)
            give_photo (store, uuid, photo == 1);
          document = document_ok (store, BESPOKE_DOCUMENT_PROFILE, uuid);
          path = write_ok (document, "generated.pdf");
          body = bespoke_document_get_body_size (document);
          g_test_message ("%u statements, photo %u: %.1f pt", sizes[k], photo, body);

          g_assert_cmpuint (pdf_pages (path), ==, 1);
          g_assert_cmpfloat (body, >=, 7.0);
          g_assert_cmpfloat (body, <=, 14.0);
          text = pdf_text (path, 1);
          if (sizes[k] < 300)
            {
              g_assert_cmpfloat (body, <, previous);
              g_assert_null (bespoke_document_get_warning (document));
              for (guint i = 0; i < sizes[k]; i++)
                {
                  g_autofree char *statement = generated_statement (i);
                  assert_text_has (text, statement);
                }
            }
          else
            {
              const char *warning = bespoke_document_get_warning (document);

              g_assert_cmpfloat (body, ==, 7.0);
              g_assert_nonnull (warning);
              g_assert_nonnull (strstr (warning, "too long by"));
              g_assert_nonnull (strstr (warning, "words"));
              assert_text_has (text, "Left out to fit one page:");
              /* The first statement of each section is always kept */
              assert_text_has (text, "Statement 1: ");
              assert_text_has (text, "Statement 2: ");
              assert_text_has (text, "Statement 3: ");
            }
          previous = body;
        }
    }
}

/* The overflow is counted in words: a section too long by exactly the
 * statements left out.  Two very long statements are added to a short
 * profile's third section until it overflows; the warning names that
 * section alone. */
static void
test_profile_overflow_names_section (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autofree char *uuid = add_generated_person (store, "Long Support", 3, FALSE);
  g_autoptr(BespokeDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *warning;

  g_assert_true (bespoke_store_begin (store, &error));
  for (guint i = 0; i < 160; i++)
    {
      g_autoptr(BespokeStatement) st = bespoke_statement_new ();
      g_autofree char *text = g_strdup_printf ("Support note %u: always ask me first, then wait for my answer, "
                                               "and never decide for me what I would like to do today.", i);

      bespoke_statement_set_person_uuid (st, uuid);
      bespoke_statement_set_section (st, BESPOKE_SECTION_SUPPORT);
      bespoke_statement_set_position (st, 1 + i);
      bespoke_statement_set_text (st, text);
      save_ok (store, st);
    }
  g_assert_true (bespoke_store_commit (store, &error));

  document = document_ok (store, BESPOKE_DOCUMENT_PROFILE, uuid);
  g_assert_true (bespoke_document_paginate (document, NULL, BESPOKE_DOCUMENT_A4_WIDTH, BESPOKE_DOCUMENT_A4_HEIGHT,
                                            36, 36, 36, 36, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bespoke_document_get_n_pages (document), ==, 1);
  warning = bespoke_document_get_warning (document);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "“How best to support me” is too long by"));
  g_assert_null (strstr (warning, "What people like"));
  g_assert_null (strstr (warning, "What’s important"));
}

/* The description of the 300-statement profile holds every statement, on
 * as many pages as it needs */
static void
test_description_300 (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autofree char *uuid = add_generated_person (store, "Three Hundred", 300, FALSE);
  g_autoptr(BespokeDocument) document = document_ok (store, BESPOKE_DOCUMENT_DESCRIPTION, uuid);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;
  path = write_ok (document, "description.pdf");
  g_assert_cmpuint (pdf_pages (path), >, 1);
  text = pdf_text (path, 0);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *statement = generated_statement (i);
      assert_text_has (text, statement);
    }
  assert_text_has (text, "Person-centred description: Three Hundred");
}

static void
test_pdf_no_folder (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokeDocument) document = document_ok (store, BESPOKE_DOCUMENT_PROFILE, BESPOKE_EXAMPLE_PAUL_UUID);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "paul.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_false (bespoke_document_write_pdf (document, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_clear_error (&error);

  /* A folder's own path is not a file name */
  g_assert_false (bespoke_document_write_pdf (document, dir, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

/* Writing over a file replaces it whole, at 0600, leaving nothing else in
 * the folder; and the document keeps the layout it had before. */
static void
test_pdf_replaces (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokeDocument) document = document_ok (store, BESPOKE_DOCUMENT_PROFILE, BESPOKE_EXAMPLE_PAUL_UUID);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "paul.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  struct stat st;
  guint n = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (bespoke_document_paginate (document, NULL, 300, 400, 10, 10, 10, 10, &error));
  g_assert_true (bespoke_document_write_pdf (document, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 1000);
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
  /* Laid out again for its 300 × 400 page: smaller type than on A4 */
  g_assert_cmpuint (bespoke_document_get_n_pages (document), ==, 1);
  g_assert_cmpfloat (bespoke_document_get_body_size (document), <, 14.0);
}

static void
test_bad_subject (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeDocument) document = bespoke_document_new (store, BESPOKE_DOCUMENT_PROFILE,
                                                              "00000000-0000-0000-0000-000000000000", NULL, &error);

  g_assert_null (document);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/docs/profile/paul", test_profile_paul);
  g_test_add_func ("/docs/profile/staff", test_profile_staff);
  g_test_add_func ("/docs/profile/generated", test_profile_generated);
  g_test_add_func ("/docs/profile/overflow-names-section", test_profile_overflow_names_section);
  g_test_add_func ("/docs/description/300", test_description_300);
  g_test_add_func ("/docs/pdf/no-folder", test_pdf_no_folder);
  g_test_add_func ("/docs/pdf/replaces", test_pdf_replaces);
  g_test_add_func ("/docs/bad-subject", test_bad_subject);
  return g_test_run ();
}
