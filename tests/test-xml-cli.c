/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bespoke-cli export, import and validate, run as the real binary. */
#define G_LOG_DOMAIN "bespoke-test-xml-cli"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "bespoke-core.h"
#include "bespoke-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  f->dir = temp_dir ();
  f->db = g_build_filename (f->dir, "office.db", NULL);
  f->file = g_build_filename (f->dir, "all.bespoke", NULL);
  CLI (&run, "--database", f->db, "example");
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->dir);
  g_free (f->db);
  g_free (f->file);
}

static void
test_export_validate_import (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  struct stat st;

  CLI (&run, "--database", f->db, "export", "--all", "-o", f->file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (f->file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  CLI (&run, "validate", f->file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "is a valid Bespoke exchange file"));

  /* the example has 11 people: Paul, Jennie, Anne-Marie, six residents
   * of Oak House and two members of staff */
  CLI (&run, "--database", other, "import", f->file, "--dry-run");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "11 new people, 0 updated, 0 conflicts"));
  g_assert_nonnull (strstr (run.out, "Nothing has been changed"));

  CLI (&run, "--database", other, "people");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  CLI (&run, "--database", other, "import", f->file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "11 new people"));

  CLI (&run, "--database", other, "cost", "Paul");
  g_assert_cmpint (run.status, ==, 0);
  /* the domain's figures: £22,000.00 committed of a £34,000.00 budget */
  g_assert_nonnull (strstr (run.out, "£22,000.00"));
  g_assert_nonnull (strstr (run.out, "£34,000.00"));
}

/* The published schema accepts what bespoke-cli writes, checked by
 * xmllint itself when it is installed. */
static void
test_xmllint_accepts_export (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *xsd = g_test_build_filename (G_TEST_DIST, "..", "data", "bespoke-exchange.xsd", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  CLI (&run, "--database", f->db, "export", "Paul", "Jennie", "-o", f->file);
  g_assert_cmpint (run.status, ==, 0);
  run_argv (&run, (const char *[]) { xmllint, "--schema", xsd, "--noout", f->file, NULL });
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_export_menu (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  CLI (&run, "--database", f->db, "export", "--menu", "Hillside Support", "-o", f->file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (f->file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<menu>"));
  g_assert_null (strstr (text, "<person "));

  CLI (&run, "--database", f->db, "export", "--menu", "No Such Provider", "-o", f->file);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "There is no provider"));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  CLI (&run, "--database", f->db, "export", "--all");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "-o FILE"));

  CLI (&run, "--database", f->db, "export", "--all", "Paul", "-o", f->file);
  g_assert_cmpint (run.status, ==, 2);

  CLI (&run, "--database", f->db, "import");
  g_assert_cmpint (run.status, ==, 2);

  CLI (&run, "validate");
  g_assert_cmpint (run.status, ==, 2);

  CLI (&run, "--database", f->db, "export", "Nobody At All", "-o", f->file);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (f->file, G_FILE_TEST_EXISTS));
}

static void
test_import_refuses_damaged (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *truncated = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "truncated.xml", NULL);

  CLI (&run, "--database", f->db, "import", truncated);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "bespoke-cli: Line "));
  g_assert_nonnull (strstr (run.err, "stops too early"));

  CLI (&run, "validate", truncated);
  g_assert_cmpint (run.status, ==, 1);
}

/* A file that validates but refers to what neither it nor the database
 * holds (the fuzzer's find: a support line whose provider is nowhere):
 * refused with a sentence naming what is wrong and what to do, and the
 * database is left as it was */
static void
test_import_missing_reference (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "xml-import",
                                                 "repro-product-unknown-provider.xml", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);

  CLI (&run, "--database", empty, "init");
  g_assert_cmpint (run.status, ==, 0);
  CLI (&run, "validate", file);
  g_assert_cmpint (run.status, ==, 0);
  CLI (&run, "--database", empty, "import", file);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "bespoke-cli: Line 24: "));
  g_assert_nonnull (strstr (run.err, "refers to a person, plan, product or provider that is not in this database"));
  g_assert_nonnull (strstr (run.err, "ask for the file to be exported again"));
  g_assert_null (strstr (run.err, "FOREIGN KEY"));
  CLI (&run, "--database", empty, "people");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
}

/* A conflict: the database's copy stays, the file's goes to a file next
 * to the input, and the output shows both. */
static void
test_conflicts_file (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(BespokePerson) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *laptop = g_build_filename (f->dir, "laptop.db", NULL);
  g_autofree char *conflicts = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  /* the office sends everything to the laptop */
  CLI (&run, "--database", f->db, "export", "--all", "-o", f->file);
  g_assert_cmpint (run.status, ==, 0);
  CLI (&run, "--database", laptop, "import", f->file);
  g_assert_cmpint (run.status, ==, 0);

  /* both change Paul's notes */
  store = bespoke_store_open (f->db, &error);
  g_assert_no_error (error);
  paul = bespoke_store_find_person (store, "Paul", &error);
  g_assert_no_error (error);
  bespoke_person_set_notes (paul, "Office: likes an early start.");
  bespoke_store_save (store, paul, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = bespoke_store_open (laptop, &error);
  g_assert_no_error (error);
  changed = bespoke_store_find_person (store, "Paul", &error);
  g_assert_no_error (error);
  bespoke_person_set_notes (changed, "Laptop: prefers a lie-in on Saturdays.");
  bespoke_store_save (store, changed, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* the laptop comes back */
  CLI (&run, "--database", laptop, "export", "Paul", "-o", f->file);
  g_assert_cmpint (run.status, ==, 0);
  CLI (&run, "--database", f->db, "import", f->file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 updated, 1 conflict"));
  g_assert_nonnull (strstr (run.out, "Office: likes an early start."));
  g_assert_nonnull (strstr (run.out, "Laptop: prefers a lie-in on Saturdays."));

  conflicts = g_strconcat (f->file, ".conflicts.xml", NULL);
  g_assert_nonnull (strstr (run.out, conflicts));
  g_assert_true (g_file_get_contents (conflicts, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Laptop: prefers a lie-in on Saturdays."));
  g_assert_cmpint (g_stat (conflicts, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  CLI (&run, "--database", f->db, "show", "Paul");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Office: likes an early start."));
}

/* bespoke-cli tombstones: lists nothing on a new database, prunes what
 * every known replica has seen, and refuses a command it cannot read. */
static void
test_tombstones (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  CLI (&run, "--database", f->db, "tombstones");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 deletions kept."));

  /* one replica, no deletion another has not seen: anything up to now */
  CLI (&run, "--database", f->db, "tombstones", "prune", "--before", "2026-01-01");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Pruned 0 deletions made before 2026-01-01."));

  CLI (&run, "--database", f->db, "tombstones", "prune");
  g_assert_cmpint (run.status, ==, 2);
  CLI (&run, "--database", f->db, "tombstones", "forget");
  g_assert_cmpint (run.status, ==, 2);
  CLI (&run, "--database", f->db, "tombstones", "prune", "--before", "the day after tomorrow");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--before"));
}

/* Issue #13: progress goes to stderr only when it is a terminal.  Here
 * it is a pipe: stderr stays empty.  Under script(1), when it is
 * installed, stderr is a terminal, and the count reaches the example's 11
 * people (Paul, Jennie, Anne-Marie, six residents of Oak House and two
 * members of staff). */
static void
test_progress_only_on_a_terminal (Fixture       *f,
                                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *script = g_find_program_in_path ("script");
  g_autofree char *command = NULL;

  CLI (&run, "--database", f->db, "export", "--all", "-o", f->file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  CLI (&run, "--database", other, "import", f->file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  if (script == NULL)
    {
      g_test_message ("script(1) is not installed: the terminal's side is not tried");
      return;
    }
  command = g_strdup_printf ("%s --database %s export --all -o %s", BESPOKE_CLI_PATH, f->db, f->file);
  run_argv (&run, (const char *[]) { script, "-qec", command, "/dev/null", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "11 of 11 people"));
  g_assert_nonnull (strstr (run.out, "Exported to"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/xml-cli/export-validate-import", test_export_validate_import);
  ADD ("/xml-cli/xmllint", test_xmllint_accepts_export);
  ADD ("/xml-cli/menu", test_export_menu);
  ADD ("/xml-cli/import-missing-reference", test_import_missing_reference);
  ADD ("/xml-cli/usage", test_usage_errors);
  ADD ("/xml-cli/damaged", test_import_refuses_damaged);
  ADD ("/xml-cli/conflicts-file", test_conflicts_file);
  ADD ("/xml-cli/tombstones", test_tombstones);
  ADD ("/xml-cli/progress-only-on-a-terminal", test_progress_only_on_a_terminal);
#undef ADD

  return g_test_run ();
}
