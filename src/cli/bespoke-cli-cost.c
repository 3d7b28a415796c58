/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-cli-private.h"
#include "bespoke-spreadsheet.h"

/* bespoke-cli cost, holidays, homes and isf: what plans and homes cost. */

void
bespoke_cli_print_money_summary (BespokeCostReport *report,
                                 const char        *indent)
{
  g_autofree char *budget = bespoke_money_format (report->budget);
  g_autofree char *committed = bespoke_money_format (report->committed);
  g_autofree char *contingent = bespoke_money_format (report->contingent);
  g_autofree char *remaining = bespoke_money_format (report->remaining);

  g_print (_("%sBudget:     %s\n"), indent, budget);
  g_print (_("%sCommitted:  %s\n"), indent, committed);
  g_print (_("%sContingent: %s (paid only if outcomes are reached)\n"), indent, contingent);
  g_print (_("%sRemaining:  %s\n"), indent, remaining);
  for (guint i = 0; i < report->warnings->len; i++)
    g_print (_("%sWarning: %s\n"), indent, (const char *) g_ptr_array_index (report->warnings, i));
}

static char *
format_units (gint64      hundredths,
              BespokeUnit unit)
{
  g_autofree char *number = bespoke_format_hundredths (hundredths);
  static const char *suffix[] = { "", " h", " nights", " days", " weeks", " months", " years" };

  return g_strconcat (number, suffix[unit], NULL);
}

static char *
iso_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return bespoke_date_to_iso (&date);
}

/* The person's current plan (bespoke_plans_find_current()), or an error
 * that says there is none. */
BespokePlan *
bespoke_cli_current_plan (BespokeStore   *store,
                          BespokePerson  *person,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  BespokePlan *plan = bespoke_plans_find_current (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)), &local_error);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (plan == NULL)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                 _("%s has no support plan yet. Make one in the Bespoke window first."),
                 bespoke_person_get_name (person));
  return plan;
}

/* A spreadsheet file's bytes on stdout, as they are. */
static void
print_bytes (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  fwrite (data, 1, size, stdout);
  fflush (stdout);
}

/* A shared home's resident: their Individual Service Fund, as on their
 * Budget page.  Returns: whether they live in a shared home. */
static gboolean
print_isf (BespokeStore   *store,
           BespokePerson  *person,
           const char     *before,
           GError        **error)
{
  g_autoptr(BespokeIsfTable) table = NULL;
  const BespokeIsfRow *row = NULL;
  const char *titles[] = { N_("Allocation:"), N_("Share of core support:"), N_("Share of shared costs:"),
                           N_("Personal money:") };

  table = bespoke_isf_report_for_person (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)), &row, error);
  if (table == NULL || row == NULL)
    return FALSE;
  {
    const gint64 amounts[] = { row->allocation, row->core_share, row->shared_share, row->personal_money };

    g_print ("%s", before);
    g_print (_("Individual Service Fund in %s\n"), table->name);
    for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
      {
        g_autofree char *amount = bespoke_money_format (amounts[i]);
        g_print ("  %-26s %12s\n", _(titles[i]), amount);
      }
  }
  if (table->warnings->len == 0)
    g_print ("  %s\n", _("No flags: the home’s allocations add up to its budget."));
  for (guint i = 0; i < table->warnings->len; i++)
    g_print (_("  Flag: %s\n"), (const char *) g_ptr_array_index (table->warnings, i));
  g_print (_("  The whole home: bespoke-cli isf \"%s\"\n"), table->name);
  return TRUE;
}

int
bespoke_cli_cmd_cost (Cli *cli, int argc, char **argv)
{
  gboolean csv = FALSE, by_month = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print a spreadsheet (CSV with a BOM and CRLF, as Excel and Calc read it)"), NULL },
    { "by-month", 0, 0, G_OPTION_ARG_NONE, &by_month, N_("Add the cost of each calendar month"), NULL },
    { NULL }
  };
  GError *error = NULL;
  BespokeStore *store;
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokeCostReport) report = NULL;

  if (!bespoke_cli_parse_options ("cost", "PERSON [--csv] [--by-month]", entries, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, FALSE, &error)) ||
      !(person = bespoke_person_lookup (store, argv[1], &error)))
    return bespoke_cli_fail (error);
  if (!(plan = bespoke_cli_current_plan (store, person, &error)) ||
      !(report = bespoke_costing_report (store, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), &error)))
    {
      GError *isf_error = NULL;

      /* a resident with no plan yet still has their share of the home */
      if (!csv && plan == NULL && print_isf (store, person, "", &isf_error))
        {
          g_print (_("%s\n"), error->message);
          g_clear_error (&error);
          return BESPOKE_CLI_OK;
        }
      g_clear_error (&isf_error);
      return bespoke_cli_fail (error);
    }

  if (csv)
    {
      g_autoptr(GBytes) bytes = bespoke_spreadsheet_cost_report (report, by_month);

      print_bytes (bytes);
      return BESPOKE_CLI_OK;
    }

  {
    g_autofree char *start = bespoke_date_format_long (bespoke_plan_get_period_start (plan));
    g_autofree char *end = bespoke_date_format_long (bespoke_plan_get_period_end (plan));
    g_print (_("%s: plan from %s to %s\n"), bespoke_person_get_name (person), start, end);
    g_print (_("Rule: %s\n\n"), bespoke_costing_rule_text (report->rule));
  }

  for (guint i = 0; i < report->lines->len; i++)
    {
      BespokeLineCost *lc = g_ptr_array_index (report->lines, i);
      g_autofree char *units = format_units (lc->units_hundredths, lc->unit);
      g_autofree char *amount = bespoke_money_format (lc->cost);

      g_print ("%s\n", lc->description ? lc->description : "");
      if (lc->paid)
        g_print (_("    %s; %s in the period; %s%s\n"), lc->schedule_summary, units, amount,
                 lc->contingent ? _(" (contingent: paid only if the outcome is reached)") : "");
      else
        g_print (_("    %s; unpaid\n"), lc->schedule_summary);
      for (guint m = 0; by_month && lc->paid && m < lc->months->len; m++)
        {
          BespokeMonthCost *mc = &g_array_index (lc->months, BespokeMonthCost, m);
          g_autofree char *name = bespoke_spreadsheet_month_heading (mc->first_day);
          g_autofree char *month_amount = bespoke_money_format (mc->amount);
          g_print ("      %s  %12s\n", name, month_amount);
        }
    }

  g_print ("\n%s\n", _("Committed, by funding source"));
  for (guint f = 0; f <= BESPOKE_FUNDING_NONE; f++)
    if (report->committed_by_funding[f] != 0)
      {
        g_autofree char *amount = bespoke_money_format (report->committed_by_funding[f]);
        g_print ("  %-26s %12s\n", bespoke_enum_label (BESPOKE_TYPE_FUNDING, (int) f), amount);
      }
  if (report->adjustments != 0)
    {
      g_autofree char *amount = bespoke_money_format (report->adjustments);
      g_print ("  %-26s %12s\n", _("Refunds and adjustments"), amount);
    }
  g_print ("\n");
  bespoke_cli_print_money_summary (report, "");

  if (by_month)
    {
      g_print ("\n%s\n", _("Committed by month"));
      for (guint m = 0; m < report->months->len; m++)
        {
          BespokeMonthCost *mc = &g_array_index (report->months, BespokeMonthCost, m);
          g_autofree char *name = bespoke_spreadsheet_month_heading (mc->first_day);
          g_autofree char *amount = bespoke_money_format (mc->amount);
          g_print ("  %s  %12s\n", name, amount);
        }
    }

  {
    g_autofree char *paid = bespoke_format_hours (report->paid_week_minutes, BESPOKE_HOURS_SHORT);
    g_autofree char *unpaid = bespoke_format_hours (report->unpaid_week_minutes, BESPOKE_HOURS_SHORT);
    g_print (_("\nJust enough support, in a typical week: %s paid, %s unpaid.\n"), paid, unpaid);
  }

  g_print (_("\nBank holidays in the period (%s):\n"), bespoke_enum_label (BESPOKE_TYPE_NATION, report->nation));
  if (report->bank_holidays->len == 0)
    g_print ("  %s\n", _("none"));
  for (guint i = 0; i < report->bank_holidays->len; i++)
    {
      guint32 day = g_array_index (report->bank_holidays, guint32, i);
      g_autofree char *iso = iso_of (day);
      g_autofree char *when = bespoke_date_format_long (iso);
      g_print ("  %-18s %s\n", when, bespoke_bank_holidays_name (report->nation, day));
    }
  if (!print_isf (store, person, "\n", &error) && error != NULL)
    return bespoke_cli_fail (error);
  return BESPOKE_CLI_OK;
}

int
bespoke_cli_cmd_holidays (Cli *cli, int argc, char **argv)
{
  g_autofree char *nation_nick = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "nation", 0, 0, G_OPTION_ARG_STRING, &nation_nick, N_("england-and-wales, scotland or northern-ireland"), N_("N") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("A year from 2020 to 2032"), N_("Y") },
    { NULL }
  };
  int nation;
  g_autoptr(GArray) days = NULL;
  GDate first, last;

  if (!bespoke_cli_parse_options ("holidays", "--nation N --year Y", entries, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (nation_nick == NULL || !bespoke_enum_from_nick (BESPOKE_TYPE_NATION, nation_nick, &nation))
    return bespoke_cli_usage_error (_("--nation must be england-and-wales, scotland or northern-ireland."));
  if (year == 0)
    return bespoke_cli_usage_error (_("--year needs a year, e.g. --year 2027."));
  if (!bespoke_bank_holidays_covers ((guint) year))
    {
      g_printerr ("bespoke-cli: %s\n", _("Bespoke knows the bank holidays of 2020 to 2032 only. Choose a year in that range."));
      return BESPOKE_CLI_ERROR;
    }

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, (GDateYear) year);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, (GDateYear) year);
  days = bespoke_bank_holidays_between ((BespokeNation) nation, g_date_get_julian (&first), g_date_get_julian (&last));
  for (guint i = 0; i < days->len; i++)
    {
      guint32 day = g_array_index (days, guint32, i);
      g_autofree char *iso = iso_of (day);
      g_print ("%s\t%s\n", iso, bespoke_bank_holidays_name ((BespokeNation) nation, day));
    }
  return BESPOKE_CLI_OK;
}

int
bespoke_cli_cmd_homes (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;
  g_autoptr(GPtrArray) homes = NULL;

  if (!bespoke_cli_parse_options ("homes", "", NULL, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, FALSE, &error)) ||
      !(homes = bespoke_store_list (store, BESPOKE_TYPE_HOME, NULL, &error)))
    return bespoke_cli_fail (error);
  for (guint i = 0; i < homes->len; i++)
    {
      BespokeHome *home = g_ptr_array_index (homes, i);
      g_print ("%s\t%s\n", bespoke_home_get_name (home), bespoke_record_get_uuid (BESPOKE_RECORD (home)));
    }
  return BESPOKE_CLI_OK;
}

BespokeHome *
bespoke_cli_find_home (BespokeStore  *store,
                       const char    *key,
                       GError       **error)
{
  g_autoptr(GPtrArray) homes = bespoke_store_list (store, BESPOKE_TYPE_HOME, NULL, error);
  BespokeHome *found = NULL;
  guint matches = 0;

  if (homes == NULL)
    return NULL;
  for (guint i = 0; i < homes->len; i++)
    {
      BespokeHome *home = g_ptr_array_index (homes, i);
      const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (home));

      if (g_ascii_strcasecmp (bespoke_home_get_name (home), key) == 0 ||
          (strlen (key) >= 4 && g_str_has_prefix (uuid, key)))
        {
          found = home;
          matches++;
        }
    }
  if (matches == 1)
    return g_object_ref (found);
  g_set_error (error, BESPOKE_ERROR, matches ? BESPOKE_ERROR_AMBIGUOUS : BESPOKE_ERROR_NOT_FOUND,
               matches ? _("“%s” could be more than one home. Use the UUID from “bespoke-cli homes”.")
                       : _("There is no home called “%s”. List homes with “bespoke-cli homes”."), key);
  return NULL;
}

int
bespoke_cli_cmd_isf (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;
  g_autoptr(BespokeHome) home = NULL;
  g_autoptr(BespokeIsfTable) table = NULL;

  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print a spreadsheet (CSV with a BOM and CRLF, as Excel and Calc read it)"), NULL },
    { NULL }
  };

  if (!bespoke_cli_parse_options ("isf", "HOME [--csv]", entries, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, FALSE, &error)) ||
      !(home = bespoke_cli_find_home (store, argv[1], &error)) ||
      !(table = bespoke_isf_report (store, bespoke_record_get_uuid (BESPOKE_RECORD (home)), &error)))
    return bespoke_cli_fail (error);

  if (csv)
    {
      g_autoptr(GBytes) bytes = bespoke_spreadsheet_isf (table);

      print_bytes (bytes);
      return BESPOKE_CLI_OK;
    }

  {
    g_autofree char *budget = bespoke_money_format (table->budget);
    g_autofree char *core = bespoke_money_format (table->core_support);
    g_autofree char *shared = bespoke_money_format (table->shared_costs);
    g_print (_("%s: budget %s; core support %s and shared costs %s, split %s\n\n"), table->name, budget, core, shared,
             table->split == BESPOKE_SPLIT_EQUAL ? _("equally") : _("by weights"));
  }
  g_print ("%-24s %12s %12s %12s %15s\n", _("Resident"), _("Allocation"), _("Core share"), _("Shared share"), _("Personal money"));
  for (guint i = 0; i < table->rows->len; i++)
    {
      BespokeIsfRow *row = g_ptr_array_index (table->rows, i);
      g_autofree char *a = bespoke_money_format (row->allocation);
      g_autofree char *c = bespoke_money_format (row->core_share);
      g_autofree char *s = bespoke_money_format (row->shared_share);
      g_autofree char *m = bespoke_money_format (row->personal_money);
      g_print ("%-24s %12s %12s %12s %15s\n", row->name, a, c, s, m);
    }
  {
    g_autofree char *total = bespoke_money_format (table->allocations);
    g_print ("%-24s %12s\n", _("Total"), total);
  }
  g_print ("\n");
  if (table->warnings->len == 0)
    g_print ("%s\n", _("No flags: the allocations add up to the budget and everyone’s personal money is positive."));
  for (guint i = 0; i < table->warnings->len; i++)
    g_print (_("Flag: %s\n"), (const char *) g_ptr_array_index (table->warnings, i));
  return BESPOKE_CLI_OK;
}
