/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Session notes (issue #10): the latest session, or the one asked for, with
 * when it was, who facilitated, who took part and what was said, under
 * each tool's title and list, and who said it.  The thinking tools'
 * statements are in the person-centred description too.  Read back with
 * poppler's pdftotext. */
#define G_LOG_DOMAIN "bespoke-test-docs-session"

#include "bespoke-document.h"
#include "bespoke-session.h"
#include "bespoke-tool-statement.h"
#include "docs-test-util.h"

typedef struct
{
  BespokeStore *store;
  char         *mum;       /* a circle member of Paul's */
  char         *earlier;   /* a session on 2026-11-02 */
  char         *latest;    /* a session on 2026-12-05 */
} Fixture;

static char *
add_tool_statement (BespokeStore       *store,
                    BespokeToolSection  section,
                    guint               position,
                    const char         *text,
                    const char         *said_by)
{
  g_autoptr(BespokeToolStatement) st = bespoke_tool_statement_new ();

  bespoke_tool_statement_set_person_uuid (st, BESPOKE_EXAMPLE_PAUL_UUID);
  bespoke_tool_statement_set_section (st, section);
  bespoke_tool_statement_set_position (st, position);
  bespoke_tool_statement_set_text (st, text);
  bespoke_tool_statement_set_said_by (st, said_by);
  save_ok (store, st);
  return g_strdup (uuid_of (st));
}

static char *
add_session (BespokeStore       *store,
             const char         *date,
             const char         *start,
             const char         *end,
             const char         *participants,
             const char         *guests,
             const char * const *said)
{
  g_autoptr(BespokeSession) session = bespoke_session_new ();

  bespoke_session_set_person_uuid (session, BESPOKE_EXAMPLE_PAUL_UUID);
  bespoke_session_set_date (session, date);
  bespoke_session_set_start_time (session, start);
  bespoke_session_set_end_time (session, end);
  bespoke_session_set_facilitator (session, "Jo Facilitator");
  bespoke_session_set_participants (session, participants);
  bespoke_session_set_guests (session, guests);
  for (guint i = 0; said[i] != NULL; i++)
    g_assert_true (bespoke_session_note_statement (session, said[i]));
  save_ok (store, session);
  return g_strdup (uuid_of (session));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) circle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *working = NULL;
  g_autofree char *not_working = NULL;
  g_autofree char *bad_day = NULL;
  g_autofree char *profile = NULL;

  f->store = new_example_store ();
  circle = bespoke_store_list (f->store, BESPOKE_TYPE_CIRCLE_MEMBER, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circle->len, >, 0);
  f->mum = g_strdup (uuid_of (g_ptr_array_index (circle, 0)));

  working = add_tool_statement (f->store, BESPOKE_TOOL_SECTION_WORKING_FAMILY, 0,
                                "Saturday football with Danny is going well.", f->mum);
  not_working = add_tool_statement (f->store, BESPOKE_TOOL_SECTION_NOT_WORKING_FAMILY, 0,
                                    "Mornings are a rush before work.", BESPOKE_EXAMPLE_PAUL_UUID);
  bad_day = add_tool_statement (f->store, BESPOKE_TOOL_SECTION_BAD_DAY, 0,
                                "The bus is late & nobody tells me.", NULL);
  {
    g_autoptr(BespokeStatement) st = bespoke_statement_new ();
    bespoke_statement_set_person_uuid (st, BESPOKE_EXAMPLE_PAUL_UUID);
    bespoke_statement_set_section (st, BESPOKE_SECTION_IMPORTANT);
    bespoke_statement_set_position (st, 99);
    bespoke_statement_set_text (st, "Fixing bikes with my cousin.");
    save_ok (f->store, st);
    profile = g_strdup (uuid_of (st));
  }

  f->earlier = add_session (f->store, "2026-11-02", "10:00", "11:00", NULL, NULL,
                            (const char *[]) { bad_day, NULL });
  f->latest = add_session (f->store, "2026-12-05", "14:05", "15:30", f->mum, "Pastor Dave",
                           (const char *[]) { working, profile, not_working, NULL });
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->mum);
  g_free (f->earlier);
  g_free (f->latest);
}

static char *
notes_text (Fixture    *f,
            const char *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeDocument) document = bespoke_document_new (f->store, BESPOKE_DOCUMENT_SESSION,
                                                              BESPOKE_EXAMPLE_PAUL_UUID, session, &error);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.pdf", NULL);

  g_assert_no_error (error);
  g_assert_true (bespoke_document_write_pdf (document, path, "A. Planner", &error));
  g_assert_no_error (error);
  return pdf_text (path, 0);
}

/* What a reader finds before @b: is @a there, and before it? */
static void
assert_before (const char *text,
               const char *a,
               const char *b)
{
  const char *pa = strstr (text, a);
  const char *pb = strstr (text, b);

  g_assert_nonnull (pa);
  g_assert_nonnull (pb);
  g_assert_true (pa < pb);
}

static void
test_latest (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;
  text = notes_text (f, NULL);
  assert_text_has (text, "Session notes: Paul Roberts, 5 December 2026");
  assert_text_has (text, "5 December 2026, 14:05 to 15:30");
  assert_text_has (text, "Facilitated by: Jo Facilitator");
  assert_text_has (text, "Pastor Dave");
  assert_text_has (text, "Saturday football with Danny is going well.");
  assert_text_has (text, "Mornings are a rush before work. — said by Paul");
  assert_text_has (text, "Fixing bikes with my cousin.");
  /* the profile (the first tool) before working / not working; within a
   * tool, the lists in their order */
  assert_before (text, "Fixing bikes with my cousin.", "Saturday football");
  assert_before (text, "Saturday football", "Mornings are a rush");
  /* the earlier session's statement is not in these notes */
  g_assert_null (strstr (text, "The bus is late"));
}

static void
test_chosen (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;
  text = notes_text (f, f->earlier);
  assert_text_has (text, "2 November 2026, 10:00 to 11:00");
  assert_text_has (text, "The bus is late & nobody tells me.");
  g_assert_null (strstr (text, "Saturday football"));
}

/* No session yet, or an id that is not one of the person's: a sentence
 * that says what to do, and no document */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nobody = add_generated_person (f->store, "No Sessions Yet", 1, FALSE);
  g_autoptr(BespokeDocument) none = bespoke_document_new (f->store, BESPOKE_DOCUMENT_SESSION,
                                                          nobody, NULL, &error);

  g_assert_null (none);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "has not had a facilitated session yet"));
  g_clear_error (&error);

  none = bespoke_document_new (f->store, BESPOKE_DOCUMENT_SESSION, BESPOKE_EXAMPLE_PAUL_UUID,
                               "00000000-0000-4000-8000-000000000000", &error);
  g_assert_null (none);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Sessions page"));
}

/* The person-centred description holds the thinking tools, each list
 * under its heading */
static void
test_description_has_tools (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeDocument) document = bespoke_document_new (f->store, BESPOKE_DOCUMENT_DESCRIPTION,
                                                              BESPOKE_EXAMPLE_PAUL_UUID, NULL, &error);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "description.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  if (!have_poppler ())
    return;
  g_assert_true (bespoke_document_write_pdf (document, path, NULL, &error));
  text = pdf_text (path, 0);
  assert_text_has (text, "What’s working and not working, for my family");
  assert_text_has (text, "A good day and a bad day");
  assert_before (text, "Saturday football", "Mornings are a rush");
  assert_before (text, "Mornings are a rush", "The bus is late & nobody tells me.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/docs-session/latest", Fixture, NULL, fixture_set_up, test_latest, fixture_tear_down);
  g_test_add ("/docs-session/chosen", Fixture, NULL, fixture_set_up, test_chosen, fixture_tear_down);
  g_test_add ("/docs-session/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/docs-session/description", Fixture, NULL, fixture_set_up, test_description_has_tools,
              fixture_tear_down);
  return g_test_run ();
}
