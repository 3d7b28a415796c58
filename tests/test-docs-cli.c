/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bespoke-cli print: the real binary, its exit codes and one-line errors,
 * and a full disk (made with strace's fault injection, where strace can
 * trace) that leaves nothing behind. */
#define G_LOG_DOMAIN "bespoke-test-docs-cli"

#include <sys/stat.h>

#include "docs-test-util.h"

static char *
example_db (void)
{
  g_autofree char *dir = temp_dir ();
  char *db = g_build_filename (dir, "example.db", NULL);
  g_auto(Run) run = { 0 };

  CLI (&run, "--database", db, "example");
  g_assert_cmpint (run.status, ==, 0);
  return db;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
assert_one_line_error (Run        *run,
                       int         status,
                       const char *words)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "bespoke-cli: "));
  if (status == 1)
    {
      guint lines = 0;
      for (const char *p = run->err; *p; p++)
        lines += *p == '\n';
      g_assert_cmpuint (lines, ==, 1);
    }
  if (words != NULL && strstr (run->err, words) == NULL)
    g_error ("“%s” is not in: %s", words, run->err);
}

static void
test_print_profile (void)
{
  g_autofree char *db = example_db ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "paul.pdf", NULL);
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  CLI (&run, "--database", db, "print", "Paul", "--profile", "-o", pdf);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "one page, body text at 14.0 pt"));
  if (!have_poppler ())
    return;
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  text = pdf_text (pdf, 0);
  assert_text_has (text, "Give me time in the morning; I do not like to be rushed.");
}

static void
test_print_usage (void)
{
  g_autofree char *db = example_db ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "x.pdf", NULL);
  g_auto(Run) run = { 0 };

  CLI (&run, "--database", db, "print", "Paul", "-o", pdf);
  assert_one_line_error (&run, 2, "Choose one document");
  CLI (&run, "--database", db, "print", "Paul", "--profile", "--plan", "-o", pdf);
  assert_one_line_error (&run, 2, "Choose one document");
  CLI (&run, "--database", db, "print", "Paul", "--profile");
  assert_one_line_error (&run, 2, "-o FILE.pdf");
  CLI (&run, "--database", db, "print", "--profile", "-o", pdf);
  assert_one_line_error (&run, 2, "Name the person");
  CLI (&run, "--database", db, "print", "Paul", "--home", "Oak House", "-o", pdf);
  assert_one_line_error (&run, 2, "not a person");
  CLI (&run, "--database", db, "print", "Nobody At All", "--profile", "-o", pdf);
  assert_one_line_error (&run, 1, NULL);
  /* session notes: --session only with --session-notes; the example data
   * has no session yet, which is said with what to do */
  CLI (&run, "--database", db, "print", "Paul", "--plan", "--session", "x", "-o", pdf);
  assert_one_line_error (&run, 2, "use it with --session-notes");
  CLI (&run, "--database", db, "print", "Paul", "--session-notes", "-o", pdf);
  assert_one_line_error (&run, 1, "has not had a facilitated session yet. Start one");
  g_assert_cmpuint (count_entries (dir), ==, 0);
}

static void
test_print_no_folder (void)
{
  g_autofree char *db = example_db ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "missing", "paul.pdf", NULL);
  g_auto(Run) run = { 0 };

  CLI (&run, "--database", db, "print", "Paul", "--profile", "-o", pdf);
  assert_one_line_error (&run, 1, "does not exist");
  g_assert_cmpuint (count_entries (dir), ==, 0);
}

/* The disk fills up: the data's fsync says ENOSPC (as it can on a full
 * disk once the writes were only cached), or every write does.  Either
 * way: exit status 1, and neither the PDF nor a temporary file is left. */
static void
test_print_disk_full (void)
{
  g_autofree char *db = example_db ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "paul.pdf", NULL);
  g_auto(Run) run = { 0 };
  g_autofree char *strace = g_find_program_in_path ("strace");

  if (!have_strace ())
    return;

  CLI (&run, "--database", db, "print", "Paul", "--profile", "-o", pdf);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_remove (pdf), ==, 0);

  {
    const char *argv[] = { strace, "-f", "-o", "/dev/null", "-E", STRACE_NO_LEAK_CHECK, "-e", "trace=fsync",
                           "-e", "inject=fsync:error=ENOSPC",
                           BESPOKE_CLI_PATH, "--database", db, "print", "Paul", "--profile", "-o", pdf, NULL };
    run_argv (&run, argv);
  }
  assert_one_line_error (&run, 1, "The disk is full");
  g_assert_nonnull (strstr (run.err, pdf));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* Every write fails: the error line cannot be written either, but the
   * status says it, and nothing is left */
  {
    const char *argv[] = { strace, "-f", "-o", "/dev/null", "-E", STRACE_NO_LEAK_CHECK, "-e", "trace=write",
                           "-e", "inject=write:error=ENOSPC",
                           BESPOKE_CLI_PATH, "--database", db, "print", "Paul", "--profile", "-o", pdf, NULL };
    run_argv (&run, argv);
  }
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_entries (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/docs-cli/profile", test_print_profile);
  g_test_add_func ("/docs-cli/usage", test_print_usage);
  g_test_add_func ("/docs-cli/no-folder", test_print_no_folder);
  g_test_add_func ("/docs-cli/disk-full", test_print_disk_full);
  return g_test_run ();
}
