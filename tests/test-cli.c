/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real bespoke-cli binary and checks its output and exit codes. */
#define G_LOG_DOMAIN "bespoke-test-cli"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-test-util.h"

/* Runs bespoke-cli with a NULL-terminated list of arguments. */
static void
cli (Run        *run,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (argv, (char *) BESPOKE_CLI_PATH);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  run_argv (run, (const char **) argv->pdata);
}

static char *
temp_db (const char *name)
{
  g_autofree char *dir = temp_dir ();
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static guint
count_lines (const char *text)
{
  guint n = 0;
  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
assert_one_line (const char *text)
{
  g_assert_cmpuint (count_lines (text), ==, 1);
  g_assert_true (g_str_has_prefix (text, "bespoke-cli: "));
}

static void
test_help_and_usage_errors (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_db ("usage.db");

  cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "synth N"));
  g_assert_nonnull (strstr (run.out, "--database PATH"));
  /* every command finds Grace Okoye by "Grace" (/cli/show-first-name), and says so */
  g_assert_nonnull (strstr (run.out, "or a first name or surname that only one person has."));

  cli (&run, "--database", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Name a command"));

  cli (&run, "--database", db, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no command “frobnicate”"));

  cli (&run, "--colour", "people", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Unknown option “--colour”"));

  cli (&run, "--database", NULL);
  g_assert_cmpint (run.status, ==, 2);

  cli (&run, "--database", db, "show", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "bespoke-cli show PERSON"));

  cli (&run, "--database", db, "synth", "lots", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“lots” is not a number of people"));

  cli (&run, "--database", db, "people", "--sort", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* none of these created any data */
  cli (&run, "--database", db, "people", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
}

/* The people in ../shared/domain.md: Paul, Jennie, Anne-Marie, the six
 * residents A to F of the shared home, and two staff. */
static const char *example_names[] = {
  "Paul Roberts", "Jennie Walsh", "Anne-Marie Byrne",
  "Ann Hughes", "Ben Carter", "Cara Doyle", "Dev Patel", "Ellie Shaw", "Frank Moss",
  "Danny Price", "Sam Okafor",
};

static void
test_example_people (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_db ("example.db");
  g_autofree char *first = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  struct stat st;
  sqlite3 *raw;
  sqlite3_stmt *stmt;

  cli (&run, "--database", db, "example", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli (&run, "--database", db, "people", NULL);
  g_assert_cmpint (run.status, ==, 0);
  first = g_strdup (run.out);

  g_assert_cmpuint (count_lines (run.out), ==, G_N_ELEMENTS (example_names));
  for (guint i = 0; i < G_N_ELEMENTS (example_names); i++)
    {
      g_autofree char *needle = g_strdup_printf ("%s\t", example_names[i]);
      g_assert_nonnull (strstr (run.out, needle));
    }
  /* name, a tab, then a UUID */
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
    for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
        g_assert_cmpuint (g_strv_length (fields), ==, 2);
        g_assert_true (g_uuid_string_is_valid (fields[1]));
      }
  }

  /* idempotent: a second run adds nobody */
  cli (&run, "--database", db, "example", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "already"));
  cli (&run, "--database", db, "people", NULL);
  g_assert_cmpstr (run.out, ==, first);

  /* the file: mode 0600, WAL, our application id */
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  if (g_stat (wal, &st) == 0)
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (sqlite3_open_v2 (db, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA application_id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, BESPOKE_STORE_APPLICATION_ID);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);

  /* search */
  cli (&run, "--database", db, "people", "--search", "ann", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 2);   /* Ann Hughes, Anne-Marie Byrne */
  g_assert_nonnull (strstr (run.out, "Ann Hughes\t"));
  g_assert_nonnull (strstr (run.out, "Anne-Marie Byrne\t"));
}

static void
test_show_paul (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_db ("show.db");

  cli (&run, "--database", db, "example", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* by exact name, any case; by UUID prefix */
  cli (&run, "--database", db, "show", "paul roberts", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Paul Roberts"));
  cli (&run, "--database", db, "show", "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0001", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* domain.md: budget £34,000; he pays the provider £22,000; £12,000 is his
   * to direct elsewhere; the £3,000 job-finding one-off is contingent. */
  g_assert_nonnull (strstr (run.out, "Budget:     £34,000.00"));
  g_assert_nonnull (strstr (run.out, "Committed:  £22,000.00"));
  g_assert_nonnull (strstr (run.out, "Contingent: £3,000.00"));
  g_assert_nonnull (strstr (run.out, "Remaining:  £12,000.00"));

  /* the profile's three headings, the circle and the schedules */
  g_assert_nonnull (strstr (run.out, "What people like and admire about me"));
  g_assert_nonnull (strstr (run.out, "What’s important to me"));
  g_assert_nonnull (strstr (run.out, "How best to support me"));
  g_assert_nonnull (strstr (run.out, "Intimate: Margaret Roberts (Mum)"));
  g_assert_nonnull (strstr (run.out, "Mon–Fri, 07:30 for 2 h"));
  g_assert_nonnull (strstr (run.out, "every 4th weekend from Fri 18:00, 48 h"));

  /* staff get the staff wording */
  cli (&run, "--database", db, "show", "Sam Okafor", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "How to support me well at work"));
}

static void
test_show_errors (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_db ("errors.db");
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  cli (&run, "--database", db, "example", NULL);
  cli (&run, "--database", db, "show", "Nobody Atall", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "No one is called “Nobody Atall”"));

  /* a second Paul Roberts makes the name ambiguous: both are listed */
  store = bespoke_store_open (db, &error);
  g_assert_no_error (error);
  {
    g_autoptr(BespokePerson) other = bespoke_person_new ();
    bespoke_person_set_name (other, "Paul Roberts");
    g_assert_true (bespoke_store_save (store, other, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);

  cli (&run, "--database", db, "show", "Paul Roberts", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "more than one person"));
  g_assert_nonnull (strstr (run.err, BESPOKE_EXAMPLE_PAUL_UUID));
}

static void
test_not_a_database (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = temp_db ("notes.txt");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "These are my shopping notes, not a database.\n", -1, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  cli (&run, "--database", path, "people", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "not a Bespoke database"));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static void
test_newer_schema_is_read_only (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_db ("newer.db");
  g_autofree char *pragma = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *raw;

  cli (&run, "--database", db, "example", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* pretend a newer Bespoke wrote it, and fold the WAL into the file */
  g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
  pragma = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;",
                            bespoke_store_get_latest_schema () + 1);
  g_assert_cmpint (sqlite3_exec (raw, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (g_file_get_contents (db, &before, &before_len, NULL));

  /* reading works, and says why it is read-only */
  cli (&run, "--database", db, "people", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, G_N_ELEMENTS (example_names));
  g_assert_nonnull (strstr (run.err, "newer version of Bespoke"));

  /* writing is refused with one line */
  cli (&run, "--database", db, "synth", "5", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "read-only"));

  g_assert_true (g_file_get_contents (db, &after, &after_len, NULL));
  g_assert_cmpuint (before_len, ==, after_len);
  g_assert_true (memcmp (before, after, before_len) == 0);
}

static void
test_synth_is_deterministic (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *a = temp_db ("a.db");
  g_autofree char *b = temp_db ("b.db");
  g_autofree char *c = temp_db ("c.db");
  g_autofree char *people_a = NULL;
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  cli (&run, "--database", a, "synth", "25", "--seed", "7", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli (&run, "--database", b, "synth", "25", "--seed", "7", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli (&run, "--database", c, "synth", "25", "--seed", "8", NULL);
  g_assert_cmpint (run.status, ==, 0);

  cli (&run, "--database", a, "people", NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 25);
  people_a = g_strdup (run.out);
  cli (&run, "--database", b, "people", NULL);
  g_assert_cmpstr (run.out, ==, people_a);
  cli (&run, "--database", c, "people", NULL);
  g_assert_cmpstr (run.out, !=, people_a);

  /* each person: 15 statements, a circle of 5, one plan of 8 lines */
  store = bespoke_store_open (a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_STATEMENT, &error), ==, 25 * 15);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_CIRCLE_MEMBER, &error), ==, 25 * 5);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_PLAN, &error), ==, 25);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_SUPPORT_LINE, &error), ==, 25 * 8);
}

/* show and cost take a first name or surname that only one person has
 * (issue #14: "show Grace" finds Grace Okoye); one that two people share
 * names both and says what to type. */
static void
test_show_first_name (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_db ("first-name.db");
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) grace = bespoke_person_new ();
  g_autoptr(BespokePerson) other = bespoke_person_new ();

  cli (&run, "--database", db, "example", NULL);
  store = bespoke_store_open (db, &error);
  g_assert_no_error (error);
  bespoke_person_set_name (grace, "Grace Okoye");
  g_assert_true (bespoke_store_save (store, grace, &error));
  g_assert_no_error (error);

  cli (&run, "--database", db, "show", "Grace", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Grace Okoye"));
  /* Paul's surname: his plan's figures from domain.md */
  cli (&run, "--database", db, "cost", "roberts", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Committed:  £22,000.00"));
  /* and check, print and export, through the same core lookup */
  cli (&run, "--database", db, "check", "roberts", NULL);
  g_assert_nonnull (strstr (run.out, "Paul Roberts"));
  {
    g_autofree char *pdf = g_strconcat (db, ".pdf", NULL);
    g_autofree char *xml = g_strconcat (db, ".bespoke", NULL);
    g_autofree char *text = NULL;

    cli (&run, "--database", db, "print", "Grace", "--profile", "-o", pdf, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    cli (&run, "--database", db, "export", "Grace", "-o", xml, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (xml, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "<name>Grace Okoye</name>"));
  }

  bespoke_person_set_name (other, "Grace Lee");
  g_assert_true (bespoke_store_save (store, other, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  cli (&run, "--database", db, "show", "Grace", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "Grace Okoye"));
  g_assert_nonnull (strstr (run.err, "Grace Lee"));
  g_assert_nonnull (strstr (run.err, "Type the whole name"));
  cli (&run, "--database", db, "cost", "Grace", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Grace Lee"));
}

/* Whether @out has a line starting "  TITLE" and ending with @amount */
static gboolean
has_figure (const char *out,
            const char *title,
            const char *amount)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *start = g_strconcat ("  ", title, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], start) && g_str_has_suffix (lines[i], amount))
      return TRUE;
  return FALSE;
}

/* cost for a resident of domain.md's shared home: their ISF as on their
 * Budget page.  Ann (A): £50,000 − (£30,000 + £10,000) = £10,000;
 * Ellie (E): £65,000 − £40,000 = £25,000.  They have no plan yet, which
 * is said, and it is not an error. */
static void
test_cost_resident (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_db ("resident.db");

  cli (&run, "--database", db, "example", NULL);
  cli (&run, "--database", db, "cost", "Ann Hughes", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Individual Service Fund in Oak House\n"));
  g_assert_true (has_figure (run.out, "Allocation:", " £50,000.00"));
  g_assert_true (has_figure (run.out, "Share of core support:", " £30,000.00"));
  g_assert_true (has_figure (run.out, "Share of shared costs:", " £10,000.00"));
  g_assert_true (has_figure (run.out, "Personal money:", " £10,000.00"));
  g_assert_nonnull (strstr (run.out, "No flags"));
  g_assert_nonnull (strstr (run.out, "bespoke-cli isf \"Oak House\""));
  g_assert_nonnull (strstr (run.out, "Ann Hughes has no support plan yet"));

  cli (&run, "--database", db, "cost", "Ellie", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (has_figure (run.out, "Personal money:", " £25,000.00"));

  /* Paul lives at home: no ISF */
  cli (&run, "--database", db, "cost", "Paul", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "Individual Service Fund"));
}

/* bespoke-cli cost: Paul's figures from the engine (domain.md), and
 * the months of his morning support: 2 h × £21.50 = £43.00 a weekday;
 * January 2027 has 21 weekdays → £903.00, February 20 → £860.00. */
static void
test_cost (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_db ("cost.db");

  cli (&run, "--database", db, "example", NULL);
  cli (&run, "--database", db, "cost", "Paul", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Committed:  £22,000.00"));
  g_assert_nonnull (strstr (run.out, "Remaining:  £12,000.00"));
  g_assert_nonnull (strstr (run.out, "Contingent: £3,000.00"));
  g_assert_nonnull (strstr (run.out, "522 h in the period; £11,223.00"));
  g_assert_nonnull (strstr (run.out, "Rule: Calendar"));
  g_assert_nonnull (strstr (run.out, "28 December 2027   Boxing Day (substitute day)"));

  cli (&run, "--database", db, "cost", "Paul", "--csv", "--by-month", NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* a spreadsheet: the UTF-8 BOM, CRLF, pounds with a currency column */
  g_assert_true (g_str_has_prefix (run.out, "\xEF\xBB\xBF" "line,schedule,paid,contingent,funding,units,unit,currency,cost,2027-01,2027-02,"));
  g_assert_nonnull (strstr (run.out, "individual-budget,522.00,hour,GBP,11223.00,903.00,860.00,"));
  g_assert_nonnull (strstr (run.out, "\r\ncommitted,,,,,,,GBP,22000.00\r\n"));

  cli (&run, "--database", db, "cost", "Jennie Walsh", "--by-mnth", NULL);
  g_assert_cmpint (run.status, ==, 2);
  cli (&run, "--database", db, "cost", "Anne-Marie", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "has no support plan yet"));
}

/* The ISF table of domain.md's shared home, and the CLI's listing of homes. */
static void
test_homes_and_isf (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = temp_db ("isf.db");

  cli (&run, "--database", db, "example", NULL);
  cli (&run, "--database", db, "homes", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Oak House\t" BESPOKE_EXAMPLE_HOME_UUID "\n");

  cli (&run, "--database", db, "isf", "Oak House", NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* D: £53,000 − (£30,000 + £10,000) = £13,000 */
  g_assert_nonnull (strstr (run.out, "Dev Patel                 £53,000.00  £30,000.00  £10,000.00     £13,000.00"));
  g_assert_nonnull (strstr (run.out, "No flags"));

  cli (&run, "--database", db, "isf", "Oak House", "--csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\r\nDev Patel,GBP,53000.00,30000.00,10000.00,13000.00\r\n"));

  cli (&run, "--database", db, "isf", "Elm Court", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
}

/* Scotland 2024, as published: 9 days, with St Andrew's Day on Monday 2
 * December because 30 November 2024 is a Saturday. */
static void
test_holidays (void)
{
  g_auto(Run) run = { 0 };

  cli (&run, "holidays", "--nation", "scotland", "--year", "2024", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 9);
  g_assert_nonnull (strstr (run.out, "2024-01-02\t"));
  g_assert_nonnull (strstr (run.out, "2024-08-05\t"));
  g_assert_nonnull (strstr (run.out, "2024-12-02\t"));

  cli (&run, "holidays", "--nation", "wales", "--year", "2024", NULL);
  g_assert_cmpint (run.status, ==, 2);
  cli (&run, "holidays", "--nation", "scotland", "--year", "2040", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/usage-errors", test_help_and_usage_errors);
  g_test_add_func ("/cli/example-people", test_example_people);
  g_test_add_func ("/cli/show-paul", test_show_paul);
  g_test_add_func ("/cli/show-errors", test_show_errors);
  g_test_add_func ("/cli/show-first-name", test_show_first_name);
  g_test_add_func ("/cli/cost-resident", test_cost_resident);
  g_test_add_func ("/cli/not-a-database", test_not_a_database);
  g_test_add_func ("/cli/newer-schema-read-only", test_newer_schema_is_read_only);
  g_test_add_func ("/cli/synth-deterministic", test_synth_is_deterministic);
  g_test_add_func ("/cli/cost", test_cost);
  g_test_add_func ("/cli/homes-and-isf", test_homes_and_isf);
  g_test_add_func ("/cli/holidays", test_holidays);

  return g_test_run ();
}
