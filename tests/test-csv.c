/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bespoke-csv: files that Excel and LibreOffice Calc open as written.  The
 * expected bytes are written out by hand from RFC 4180 (quotes around a
 * cell holding a comma, quote or line end; quotes doubled), the UTF-8 BOM
 * EF BB BF, CRLF line ends, and OWASP's advice on CSV injection (a cell
 * starting with = + - @ tab or CR gets a leading apostrophe). */
#define G_LOG_DOMAIN "bespoke-test-csv"

#include <string.h>

#include <sys/stat.h>

#include "bespoke-core.h"
#include "bespoke-test-util.h"

static void
assert_bytes (GBytes     *bytes,
              const char *expected)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpmem (data, size, expected, strlen (expected));
  g_bytes_unref (bytes);
}

static void
test_file_shape (void)
{
  BespokeCsv *csv = bespoke_csv_new ();

  bespoke_csv_add_text (csv, "line");
  bespoke_csv_add_text (csv, "cost");
  bespoke_csv_end_row (csv);
  bespoke_csv_add_text (csv, "Mon–Fri, 07:30");
  bespoke_csv_add_money (csv, 1122300);
  bespoke_csv_end_row (csv);
  bespoke_csv_add_text (csv, "He said \"hello\"\nthen left");
  bespoke_csv_add_money (csv, -350);
  /* the last row is ended by finish() */
  assert_bytes (bespoke_csv_finish (csv),
                "\xEF\xBB\xBF" "line,cost\r\n"
                "\"Mon–Fri, 07:30\",11223.00\r\n"
                "\"He said \"\"hello\"\"\nthen left\",-3.50\r\n");
}

static void
test_defuse (void)
{
  const struct { const char *text; const char *expected; } cases[] = {
    { "=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")" },
    { "+44 1234", "'+44 1234" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tTabbed", "'\tTabbed" },
    { "\rReturn", "'\rReturn" },
    { "Swimming = fun", "Swimming = fun" },
    { "", "" },
    { "Élodie", "Élodie" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = bespoke_csv_defuse (cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* A defused cell is still quoted when it needs it; a number the program
 * made keeps its minus sign as a sign. */
static void
test_defused_cells_in_file (void)
{
  BespokeCsv *csv = bespoke_csv_new ();

  bespoke_csv_add_text (csv, "=1+1");
  bespoke_csv_add_text (csv, "-1,5");
  bespoke_csv_add_number (csv, "-0.25");
  bespoke_csv_add_text (csv, NULL);
  assert_bytes (bespoke_csv_finish (csv), "\xEF\xBB\xBF" "'=1+1,\"'-1,5\",-0.25,\r\n");
}

/* A one-resident home, worked by hand: £100 budget, £90 allocated; 9000 −
 * 5000 − 1000 = 3000 pence of personal money. */
static void
test_isf_spreadsheet (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new ();
  BespokeIsfTable table = { .name = (char *) "Oak House", .budget = 10000, .allocations = 9000,
                            .rows = rows, .warnings = warnings };
  BespokeIsfRow *row = g_new0 (BespokeIsfRow, 1);

  row->name = (char *) "=Ann";
  row->allocation = 9000;
  row->core_share = 5000;
  row->shared_share = 1000;
  row->personal_money = 3000;  /* 90.00 − 50.00 − 10.00 */
  g_ptr_array_add (rows, row);
  g_ptr_array_add (warnings, (char *) "The allocations add up to £90.00, £10.00 less than the budget.");
  assert_bytes (bespoke_spreadsheet_isf (&table),
                "\xEF\xBB\xBF" "resident,currency,allocation,core_share,shared_share,personal_money\r\n"
                "'=Ann,GBP,90.00,50.00,10.00,30.00\r\n"
                "\r\n"
                "total,GBP,90.00\r\n"
                "budget,GBP,100.00\r\n"
                "flag,\"The allocations add up to £90.00, £10.00 less than the budget.\"\r\n");
}

/* The file is written whole, at 0600 (it holds a person's money), to
 * exactly the name given; a folder that does not exist gets a sentence
 * naming the file and no file. */
static void
test_write (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Paul budget", NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", "x.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\xEF\xBB\xBF" "a\r\n", 6);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  struct stat st;

  g_assert_true (bespoke_spreadsheet_write (bytes, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, "\xEF\xBB\xBF" "a\r\n", 6);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_false (bespoke_spreadsheet_write (bytes, missing_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.csv"));
  g_assert_nonnull (strstr (error->message, "folder does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/csv/file-shape", test_file_shape);
  g_test_add_func ("/csv/defuse", test_defuse);
  g_test_add_func ("/csv/defused-cells-in-file", test_defused_cells_in_file);
  g_test_add_func ("/csv/isf-spreadsheet", test_isf_spreadsheet);
  g_test_add_func ("/csv/write", test_write);
  return g_test_run ();
}
