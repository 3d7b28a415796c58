/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-spreadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-csv.h"
#include "bespoke-format.h"
#include "bespoke-spreadsheet.h"
#include "bespoke-enums.h"
#include "bespoke-types.h"

/* Amounts are pounds sterling; the column says so, since a plain number
 * carries no currency of its own. */
#define CURRENCY "GBP"

/**
 * bespoke_spreadsheet_month_heading:
 * @julian: a day of the month
 *
 * Returns: the month as spreadsheets and bespoke-cli write it, "2027-01".
 */
char *
bespoke_spreadsheet_month_heading (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04u-%02u", (guint) g_date_get_year (&date), (guint) g_date_get_month (&date));
}

static void
add_cost_header (BespokeCsv              *csv,
                 const BespokeCostReport *report,
                 gboolean                 by_month)
{
  const char *columns[] = { "line", "schedule", "paid", "contingent", "funding", "units", "unit", "currency", "cost" };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    bespoke_csv_add_text (csv, columns[i]);
  for (guint m = 0; by_month && m < report->months->len; m++)
    {
      g_autofree char *name = bespoke_spreadsheet_month_heading (g_array_index (report->months, BespokeMonthCost, m).first_day);
      bespoke_csv_add_text (csv, name);
    }
  bespoke_csv_end_row (csv);
}

static void
add_line (BespokeCsv            *csv,
          const BespokeLineCost *lc,
          gboolean               by_month)
{
  g_autofree char *units = bespoke_format_hundredths_fixed (lc->units_hundredths);

  bespoke_csv_add_text (csv, lc->description);
  bespoke_csv_add_text (csv, lc->schedule_summary);
  bespoke_csv_add_text (csv, lc->paid ? "yes" : "no");
  bespoke_csv_add_text (csv, lc->contingent ? "yes" : "no");
  bespoke_csv_add_text (csv, bespoke_enum_to_nick (BESPOKE_TYPE_FUNDING, lc->funding));
  bespoke_csv_add_number (csv, units);
  bespoke_csv_add_text (csv, bespoke_enum_to_nick (BESPOKE_TYPE_UNIT, lc->unit));
  bespoke_csv_add_text (csv, CURRENCY);
  bespoke_csv_add_money (csv, lc->cost);
  for (guint m = 0; by_month && m < lc->months->len; m++)
    bespoke_csv_add_money (csv, g_array_index (lc->months, BespokeMonthCost, m).amount);
  bespoke_csv_end_row (csv);
}

/* A total under the lines: its name in the first column, the amount under
 * "cost" (the ninth). */
static void
add_total (BespokeCsv *csv,
           const char *name,
           gint64      pence)
{
  bespoke_csv_add_text (csv, name);
  for (guint i = 0; i < 6; i++)
    bespoke_csv_add_text (csv, "");
  bespoke_csv_add_text (csv, CURRENCY);
  bespoke_csv_add_money (csv, pence);
  bespoke_csv_end_row (csv);
}

/**
 * bespoke_spreadsheet_cost_report:
 * @report: a plan's cost report
 * @by_month: add a column for each calendar month of the period
 *
 * One row a support line, then the budget, committed, contingent and
 * remaining totals.  The months of each line add up to its cost exactly,
 * as the engine guarantees.
 */
GBytes *
bespoke_spreadsheet_cost_report (const BespokeCostReport *report,
                                 gboolean                 by_month)
{
  g_autoptr(BespokeCsv) csv = bespoke_csv_new ();

  add_cost_header (csv, report, by_month);
  for (guint i = 0; i < report->lines->len; i++)
    add_line (csv, g_ptr_array_index (report->lines, i), by_month);
  bespoke_csv_end_row (csv);
  add_total (csv, "budget", report->budget);
  add_total (csv, "committed", report->committed);
  add_total (csv, "contingent", report->contingent);
  add_total (csv, "remaining", report->remaining);
  return bespoke_csv_finish (g_steal_pointer (&csv));
}

/**
 * bespoke_spreadsheet_isf:
 * @table: a shared home's Individual Service Funds
 *
 * One row a resident (allocation, core and shared shares, personal money),
 * then the home's budget and the flags in words.
 */
GBytes *
bespoke_spreadsheet_isf (const BespokeIsfTable *table)
{
  g_autoptr(BespokeCsv) csv = bespoke_csv_new ();
  const char *columns[] = { "resident", "currency", "allocation", "core_share", "shared_share", "personal_money" };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    bespoke_csv_add_text (csv, columns[i]);
  bespoke_csv_end_row (csv);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const BespokeIsfRow *row = g_ptr_array_index (table->rows, i);

      bespoke_csv_add_text (csv, row->name);
      bespoke_csv_add_text (csv, CURRENCY);
      bespoke_csv_add_money (csv, row->allocation);
      bespoke_csv_add_money (csv, row->core_share);
      bespoke_csv_add_money (csv, row->shared_share);
      bespoke_csv_add_money (csv, row->personal_money);
      bespoke_csv_end_row (csv);
    }
  bespoke_csv_end_row (csv);
  bespoke_csv_add_text (csv, "total");
  bespoke_csv_add_text (csv, CURRENCY);
  bespoke_csv_add_money (csv, table->allocations);
  bespoke_csv_end_row (csv);
  bespoke_csv_add_text (csv, "budget");
  bespoke_csv_add_text (csv, CURRENCY);
  bespoke_csv_add_money (csv, table->budget);
  bespoke_csv_end_row (csv);
  for (guint i = 0; i < table->warnings->len; i++)
    {
      bespoke_csv_add_text (csv, "flag");
      bespoke_csv_add_text (csv, g_ptr_array_index (table->warnings, i));
      bespoke_csv_end_row (csv);
    }
  return bespoke_csv_finish (g_steal_pointer (&csv));
}

/**
 * bespoke_spreadsheet_write:
 * @bytes: a spreadsheet from bespoke_spreadsheet_cost_report() or _isf()
 * @file: exactly the file the user chose
 *
 * Writes @file whole or not at all (a temporary beside it, renamed into
 * place), readable only by the user, since it holds a person's money.
 */
gboolean
bespoke_spreadsheet_write (GBytes  *bytes,
                           GFile   *file,
                           GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_file_replace_contents (file, data, size, NULL, FALSE,
                               G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                               NULL, NULL, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full, so “%s” was not saved. Free some space, or choose another place."), name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("“%s” was not saved: its folder does not exist. Choose another folder."), name);
  else
    g_set_error (error, local_error->domain, local_error->code,
                 _("“%s” was not saved: %s"), name, local_error->message);
  return FALSE;
}
