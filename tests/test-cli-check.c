/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bespoke-cli check PERSON: the seven criteria, one line each, then
 * whether the plan can be agreed; exit 0 if it can, 1 if it cannot or on an
 * error (one line on stderr), 2 for a wrong command line, as the other
 * commands do.  Paul's example plan passes every criterion (domain.md's
 * figures: £22,000.00 committed of £34,000.00); Jennie's example plan has
 * no support lines and does not say who manages the money. */
#define G_LOG_DOMAIN "bespoke-test-cli-check"

#include <locale.h>
#include <string.h>

#include "bespoke-test-util.h"

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static char *
example_db (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = temp_dir ();
  char *db = g_build_filename (dir, "check.db", NULL);

  CLI (&run, "--database", db, "example");
  g_assert_cmpint (run.status, ==, 0);
  return db;
}

static void
test_check_passes (void)
{
  g_autofree char *db = example_db ();
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  CLI (&run, "--database", db, "check", "Paul");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  /* seven criteria and the verdict */
  g_assert_cmpuint (count_lines (run.out), ==, 8);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "1. What’s important to me: passes. "));
  g_assert_true (g_str_has_prefix (lines[3], "4. How I will use my money: passes. £22,000.00 is committed of a £34,000.00 budget"));
  g_assert_true (g_str_has_prefix (lines[6], "7. Action plan: passes. The plan is reviewed on 1 December 2027"));
  g_assert_cmpstr (lines[7], ==, "Paul Roberts’s plan can be agreed.");
}

static void
test_check_fails (void)
{
  g_autofree char *db = example_db ();
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  CLI (&run, "--database", db, "check", "Jennie");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.out), ==, 8);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[2], "3. How I will be supported: fails. The plan has no support lines"));
  g_assert_true (g_str_has_prefix (lines[4], "5. How I will be in control: fails. "));
  g_assert_cmpstr (lines[7], ==, "Jennie Walsh’s plan cannot be agreed yet: 2 criteria fail without a reason.");
}

static void
test_check_errors (void)
{
  g_autofree char *db = example_db ();
  g_auto(Run) run = { 0 };

  CLI (&run, "--database", db, "check");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Usage: bespoke-cli check PERSON"));

  CLI (&run, "--database", db, "check", "Nobody At All");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "bespoke-cli: "));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-check/passes", test_check_passes);
  g_test_add_func ("/cli-check/fails", test_check_fails);
  g_test_add_func ("/cli-check/errors", test_check_errors);

  return g_test_run ();
}
