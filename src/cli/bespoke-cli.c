/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-cli.h"
#include "bespoke-core.h"
#include "bespoke-synth.h"
#include "bespoke-example.h"

/* bespoke-cli: Bespoke without a window.  Each command opens the store,
 * does one thing, and exits 0, 1 with one line on stderr, or 2 for a
 * command line it cannot understand. */

typedef struct
{
  char          *database;
  BespokeStore  *store;
} Cli;

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *parameters;
  const char  *summary;
  CommandFunc  run;
} Command;

static int
fail (GError *error)
{
  g_printerr ("bespoke-cli: %s\n", error->message);
  g_error_free (error);
  return BESPOKE_CLI_ERROR;
}

static int
usage_error (const char *message)
{
  g_printerr ("bespoke-cli: %s\n%s\n", message, _("Try “bespoke-cli --help”."));
  return BESPOKE_CLI_USAGE;
}

static BespokeStore *
open_store (Cli       *cli,
            gboolean   writes,
            GError   **error)
{
  if (cli->store == NULL)
    {
      cli->store = bespoke_store_open (cli->database, error);
      if (cli->store == NULL)
        return NULL;
    }

  if (bespoke_store_get_read_only (cli->store))
    {
      if (writes)
        {
          g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_READ_ONLY,
                               bespoke_store_get_read_only_reason (cli->store));
          return NULL;
        }
      g_printerr ("bespoke-cli: %s\n", bespoke_store_get_read_only_reason (cli->store));
    }
  return cli->store;
}

/* Parses a command's own options; returns FALSE (and has said why) on a
 * usage error.  Leaves the positional arguments in argv. */
static gboolean
parse_options (const char    *command,
               const char    *parameters,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int            min_args,
               int            max_args)
{
  g_autofree char *title = g_strdup_printf ("%s %s", command, parameters);
  g_autoptr(GOptionContext) context = g_option_context_new (title);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      usage_error (error->message);
      return FALSE;
    }

  /* argv[0] is the command name */
  if (*argc - 1 < min_args || (max_args >= 0 && *argc - 1 > max_args))
    {
      g_autofree char *message = g_strdup_printf (_("Usage: bespoke-cli %s %s"), command, parameters);
      usage_error (message);
      return FALSE;
    }
  return TRUE;
}

/* ---- init, example ---------------------------------------------------- */

static int
cmd_init (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;

  if (!parse_options ("init", "", NULL, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (!(store = open_store (cli, TRUE, &error)))
    return fail (error);

  g_print (_("Database ready: %s (schema %d)\n"),
           bespoke_store_get_path (store), bespoke_store_get_schema_version (store));
  return BESPOKE_CLI_OK;
}

static int
cmd_example (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;
  gboolean had;

  if (!parse_options ("example", "", NULL, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (!(store = open_store (cli, TRUE, &error)))
    return fail (error);

  had = bespoke_example_is_installed (store);
  if (!bespoke_example_install (store, &error))
    return fail (error);

  if (had)
    g_print (_("The example data is already in %s; nothing was changed.\n"), bespoke_store_get_path (store));
  else
    g_print (_("Added the example data to %s.\n"), bespoke_store_get_path (store));
  return BESPOKE_CLI_OK;
}

/* ---- people ----------------------------------------------------------- */

static gboolean
print_person_cb (BespokePerson *person,
                 gpointer       user_data)
{
  g_print ("%s\t%s\n", bespoke_person_get_name (person), bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  return TRUE;
}

static int
cmd_people (Cli *cli, int argc, char **argv)
{
  g_autofree char *search = NULL;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("Only people whose names have words starting with TEXT"), N_("TEXT") },
    { NULL }
  };
  GError *error = NULL;
  BespokeStore *store;

  if (!parse_options ("people", "[--search TEXT]", entries, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (!(store = open_store (cli, FALSE, &error)) ||
      !bespoke_store_foreach_person (store, BESPOKE_PEOPLE_ALL, search, print_person_cb, NULL, &error))
    return fail (error);
  return BESPOKE_CLI_OK;
}

/* ---- show ------------------------------------------------------------- */

static void print_money_summary (BespokeCostReport *report,
                                 const char        *indent);

static void
print_date_field (const char *label,
                  const char *iso)
{
  g_autofree char *when = bespoke_date_format_long (iso);

  if (when != NULL)
    g_print ("%s: %s\n", label, when);
}

static gboolean
show_profile (BespokeStore   *store,
              BespokePerson  *person,
              GError        **error)
{
  g_autoptr(BespokeProfile) profile = bespoke_profile_load (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)), error);

  if (profile == NULL)
    return FALSE;

  g_print ("\n%s\n", _("One-page profile"));
  for (guint s = BESPOKE_SECTION_APPRECIATION; s <= BESPOKE_SECTION_SUPPORT; s++)
    {
      GListModel *section = bespoke_profile_get_section (profile, s);
      guint n = g_list_model_get_n_items (section);
      const char *heading = bespoke_enum_label (BESPOKE_TYPE_SECTION, (int) s);

      if (s == BESPOKE_SECTION_SUPPORT && bespoke_person_get_is_staff (person))
        heading = _("How to support me well at work");
      g_print ("  %s\n", heading);
      if (n == 0)
        g_print ("    %s\n", _("(nothing written yet)"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BespokeStatement) st = g_list_model_get_item (section, i);
          g_print ("    • %s\n", bespoke_statement_get_text (st));
        }
    }
  return TRUE;
}

static gboolean
show_circle (BespokeStore   *store,
             BespokePerson  *person,
             GError        **error)
{
  g_autoptr(GPtrArray) members = bespoke_store_list (store, BESPOKE_TYPE_CIRCLE_MEMBER,
                                                     bespoke_record_get_uuid (BESPOKE_RECORD (person)), error);

  if (members == NULL)
    return FALSE;
  if (members->len == 0)
    return TRUE;

  g_print ("\n%s\n", _("Circle of support"));
  for (guint ring = BESPOKE_RING_INTIMATE; ring <= BESPOKE_RING_PAID; ring++)
    {
      g_autoptr(GString) line = NULL;

      for (guint i = 0; i < members->len; i++)
        {
          BespokeCircleMember *m = g_ptr_array_index (members, i);
          const char *rel = bespoke_circle_member_get_relationship (m);

          if (bespoke_circle_member_get_ring (m) != ring)
            continue;
          if (line == NULL)
            line = g_string_new (NULL);
          else
            g_string_append (line, "; ");
          g_string_append (line, bespoke_circle_member_get_name (m));
          if (rel != NULL && *rel != '\0')
            g_string_append_printf (line, " (%s)", rel);
        }
      if (line != NULL)
        g_print ("  %s: %s\n", bespoke_enum_label (BESPOKE_TYPE_RING, (int) ring), line->str);
    }
  return TRUE;
}

static char *
line_giver (BespokeStore       *store,
            BespokeSupportLine *line)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *worker = bespoke_support_line_get_worker (line);
  const char *product_uuid = bespoke_support_line_get_product_uuid (line);
  const char *provider_uuid = bespoke_support_line_get_provider_uuid (line);
  g_auto(GStrv) strv = NULL;

  if (product_uuid != NULL)
    {
      g_autoptr(BespokeProduct) product = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT, product_uuid, NULL);
      if (product != NULL)
        {
          g_autofree char *price = bespoke_money_format (bespoke_product_get_unit_price (product));
          if (bespoke_product_get_unit (product) == BESPOKE_UNIT_EACH)
            g_ptr_array_add (parts, g_strdup_printf (_("%s at %s each"), bespoke_product_get_name (product), price));
          else
            g_ptr_array_add (parts, g_strdup_printf (_("%s at %s per %s"), bespoke_product_get_name (product), price,
                                                     bespoke_enum_label (BESPOKE_TYPE_UNIT, bespoke_product_get_unit (product))));
        }
    }
  if (provider_uuid != NULL)
    {
      g_autoptr(BespokeProvider) provider = bespoke_store_load (store, BESPOKE_TYPE_PROVIDER, provider_uuid, NULL);
      if (provider != NULL)
        g_ptr_array_add (parts, g_strdup (bespoke_provider_get_name (provider)));
    }
  if (bespoke_support_line_get_support_type (line) != BESPOKE_SUPPORT_PAID)
    g_ptr_array_add (parts, g_strdup_printf (_("unpaid: %s"),
                                             bespoke_enum_label (BESPOKE_TYPE_SUPPORT_TYPE, bespoke_support_line_get_support_type (line))));
  if (worker != NULL && *worker != '\0')
    g_ptr_array_add (parts, g_strdup (worker));

  g_ptr_array_add (parts, NULL);
  strv = (GStrv) g_ptr_array_free (parts, FALSE);
  return g_strjoinv (", ", strv);
}

static gboolean
show_plan (BespokeStore   *store,
           BespokePlan    *plan,
           GError        **error)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (plan));
  g_autofree char *start = bespoke_date_format_long (bespoke_plan_get_period_start (plan));
  g_autofree char *end = bespoke_date_format_long (bespoke_plan_get_period_end (plan));
  g_autofree char *review = bespoke_date_format_long (bespoke_plan_get_review_date (plan));
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  const char *prefs = bespoke_plan_get_staff_preferences (plan);
  g_autoptr(BespokeCostReport) report = NULL;

  if (!(outcomes = bespoke_store_list (store, BESPOKE_TYPE_OUTCOME, uuid, error)) ||
      !(lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, uuid, error)) ||
      !(risks = bespoke_store_list (store, BESPOKE_TYPE_RISK, uuid, error)) ||
      !(report = bespoke_costing_report (store, uuid, error)))
    return FALSE;

  g_print ("\n%s\n", _("Support plan"));
  g_print (_("  %s to %s, %s"), start, end, bespoke_enum_label (BESPOKE_TYPE_PLAN_STATUS, bespoke_plan_get_status (plan)));
  if (review != NULL)
    g_print (_("; review on %s"), review);
  g_print ("\n");
  if (prefs != NULL && *prefs != '\0')
    g_print (_("  About staff: %s\n"), prefs);

  if (outcomes->len > 0)
    g_print ("  %s\n", _("Outcomes"));
  for (guint i = 0; i < outcomes->len; i++)
    {
      BespokeOutcome *o = g_ptr_array_index (outcomes, i);
      g_autofree char *by = bespoke_date_format_long (bespoke_outcome_get_target_date (o));
      const char *measure = bespoke_outcome_get_measure (o);

      g_print ("    %u. %s\n", i + 1, bespoke_outcome_get_statement (o));
      if (measure != NULL && *measure != '\0')
        g_print (_("       How we will know: %s\n"), measure);
      if (by != NULL)
        g_print (_("       By: %s\n"), by);
    }

  if (lines->len > 0)
    g_print ("  %s\n", _("Support"));
  for (guint i = 0; i < lines->len; i++)
    {
      BespokeSupportLine *l = g_ptr_array_index (lines, i);
      const BespokeSchedule *schedule = bespoke_support_line_get_schedule (l);
      g_autofree char *when = schedule ? bespoke_schedule_describe (schedule) : g_strdup (_("No schedule yet"));
      g_autofree char *giver = line_giver (store, l);

      BespokeLineCost *lc = g_ptr_array_index (report->lines, i);

      g_print ("    • %s\n", bespoke_support_line_get_description (l));
      g_print ("      %s — %s", giver, when);
      if (lc->paid)
        {
          g_autofree char *cost = bespoke_money_format (lc->cost);
          g_print (" — %s%s", cost, lc->contingent ? _(" (contingent)") : "");
        }
      g_print ("\n");
    }

  g_print ("  %s\n", _("Money for the plan period"));
  print_money_summary (report, "    ");

  if (risks->len > 0)
    g_print ("  %s\n", _("Risks"));
  for (guint i = 0; i < risks->len; i++)
    {
      BespokeRisk *r = g_ptr_array_index (risks, i);

      g_print (_("    • %s (likelihood %s, impact %s)\n"), bespoke_risk_get_description (r),
               bespoke_enum_label (BESPOKE_TYPE_LEVEL, bespoke_risk_get_likelihood (r)),
               bespoke_enum_label (BESPOKE_TYPE_LEVEL, bespoke_risk_get_impact (r)));
      if (bespoke_risk_get_contingency (r) != NULL)
        g_print (_("      If it happens: %s\n"), bespoke_risk_get_contingency (r));
    }
  return TRUE;
}

static int
cmd_show (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  const char *preferred;

  if (!parse_options ("show", "PERSON", NULL, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!(store = open_store (cli, FALSE, &error)))
    return fail (error);
  if (!(person = bespoke_store_find_person (store, argv[1], &error)))
    return fail (error);

  preferred = bespoke_person_get_preferred_name (person);
  g_print ("%s", bespoke_person_get_name (person));
  if (preferred != NULL && *preferred != '\0' && g_strcmp0 (preferred, bespoke_person_get_name (person)) != 0)
    g_print (_(" (likes to be called %s)"), preferred);
  if (bespoke_person_get_is_staff (person))
    g_print (_(" — staff"));
  g_print ("\n");
  g_print ("UUID: %s\n", bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  print_date_field (_("Date of birth"), bespoke_person_get_date_of_birth (person));
  if (bespoke_person_get_notes (person) != NULL)
    g_print (_("Notes: %s\n"), bespoke_person_get_notes (person));

  if (!show_profile (store, person, &error) || !show_circle (store, person, &error))
    return fail (error);

  if (!(plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN, bespoke_record_get_uuid (BESPOKE_RECORD (person)), &error)))
    return fail (error);
  for (guint i = 0; i < plans->len; i++)
    if (!show_plan (store, g_ptr_array_index (plans, i), &error))
      return fail (error);

  return BESPOKE_CLI_OK;
}

static void
print_money_summary (BespokeCostReport *report,
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
  g_autofree char *number = NULL;
  static const char *suffix[] = { "", " h", " nights", " days", " weeks", " months", " years" };

  if (hundredths % 100 == 0)
    number = g_strdup_printf ("%" G_GINT64_FORMAT, hundredths / 100);
  else
    number = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", hundredths / 100, (int) (hundredths % 100));
  return g_strconcat (number, suffix[unit], NULL);
}

static char *
format_minutes (gint64 minutes)
{
  /* a week holds at most 10,080 minutes, so an int is plenty */
  if (minutes % 60 == 0)
    return g_strdup_printf (_("%d h"), (int) (minutes / 60));
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

static char *
iso_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return bespoke_date_to_iso (&date);
}

static char *
month_name (guint32 julian)
{
  GDate date;
  char buf[32];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (buf, sizeof buf, "%04u-%02u", (guint) g_date_get_year (&date), (guint) g_date_get_month (&date));
  return g_strdup (buf);
}

/* CSV: a field in quotes when it needs them, quotes doubled. */
static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append_c (out, last ? '\n' : ',');
}

static char *
pence_decimal (gint64 pence)
{
  guint64 magnitude = pence < 0 ? (guint64) -(pence + 1) + 1 : (guint64) pence;
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", pence < 0 ? "-" : "", magnitude / 100, (guint) (magnitude % 100));
}

static BespokePlan *
latest_plan (BespokeStore   *store,
             BespokePerson  *person,
             GError        **error)
{
  g_autoptr(GPtrArray) plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN,
                                                   bespoke_record_get_uuid (BESPOKE_RECORD (person)), error);
  if (plans == NULL)
    return NULL;
  if (plans->len == 0)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                   _("%s has no support plan yet. Make one in the Bespoke window first."),
                   bespoke_person_get_name (person));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (plans, plans->len - 1));
}

static void
print_cost_csv (BespokeCostReport *report,
                gboolean           by_month)
{
  g_autoptr(GString) out = g_string_new (NULL);

  csv_field (out, "line", FALSE);
  csv_field (out, "schedule", FALSE);
  csv_field (out, "paid", FALSE);
  csv_field (out, "contingent", FALSE);
  csv_field (out, "funding", FALSE);
  csv_field (out, "units", FALSE);
  csv_field (out, "unit", FALSE);
  csv_field (out, "cost_pence", FALSE);
  csv_field (out, "cost", !by_month);
  for (guint m = 0; by_month && m < report->months->len; m++)
    {
      g_autofree char *name = month_name (g_array_index (report->months, BespokeMonthCost, m).first_day);
      csv_field (out, name, m + 1 == report->months->len);
    }

  for (guint i = 0; i < report->lines->len; i++)
    {
      BespokeLineCost *lc = g_ptr_array_index (report->lines, i);
      g_autofree char *units = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", lc->units_hundredths / 100, (int) (lc->units_hundredths % 100));
      g_autofree char *pence = g_strdup_printf ("%" G_GINT64_FORMAT, lc->cost);
      g_autofree char *pounds = pence_decimal (lc->cost);

      csv_field (out, lc->description, FALSE);
      csv_field (out, lc->schedule_summary, FALSE);
      csv_field (out, lc->paid ? "yes" : "no", FALSE);
      csv_field (out, lc->contingent ? "yes" : "no", FALSE);
      csv_field (out, bespoke_enum_to_nick (BESPOKE_TYPE_FUNDING, lc->funding), FALSE);
      csv_field (out, units, FALSE);
      csv_field (out, bespoke_enum_to_nick (BESPOKE_TYPE_UNIT, lc->unit), FALSE);
      csv_field (out, pence, FALSE);
      csv_field (out, pounds, !by_month);
      for (guint m = 0; by_month && m < lc->months->len; m++)
        {
          g_autofree char *amount = pence_decimal (g_array_index (lc->months, BespokeMonthCost, m).amount);
          csv_field (out, amount, m + 1 == lc->months->len);
        }
    }
  g_print ("%s", out->str);
}

static int
cmd_cost (Cli *cli, int argc, char **argv)
{
  gboolean csv = FALSE, by_month = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print the lines as CSV"), NULL },
    { "by-month", 0, 0, G_OPTION_ARG_NONE, &by_month, N_("Add the cost of each calendar month"), NULL },
    { NULL }
  };
  GError *error = NULL;
  BespokeStore *store;
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokeCostReport) report = NULL;

  if (!parse_options ("cost", "PERSON [--csv] [--by-month]", entries, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!(store = open_store (cli, FALSE, &error)) ||
      !(person = bespoke_store_find_person (store, argv[1], &error)) ||
      !(plan = latest_plan (store, person, &error)) ||
      !(report = bespoke_costing_report (store, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), &error)))
    return fail (error);

  if (csv)
    {
      print_cost_csv (report, by_month);
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
          g_autofree char *name = month_name (mc->first_day);
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
  print_money_summary (report, "");

  if (by_month)
    {
      g_print ("\n%s\n", _("Committed by month"));
      for (guint m = 0; m < report->months->len; m++)
        {
          BespokeMonthCost *mc = &g_array_index (report->months, BespokeMonthCost, m);
          g_autofree char *name = month_name (mc->first_day);
          g_autofree char *amount = bespoke_money_format (mc->amount);
          g_print ("  %s  %12s\n", name, amount);
        }
    }

  {
    g_autofree char *paid = format_minutes (report->paid_week_minutes);
    g_autofree char *unpaid = format_minutes (report->unpaid_week_minutes);
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
  return BESPOKE_CLI_OK;
}

static int
cmd_holidays (Cli *cli, int argc, char **argv)
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

  if (!parse_options ("holidays", "--nation N --year Y", entries, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (nation_nick == NULL || !bespoke_enum_from_nick (BESPOKE_TYPE_NATION, nation_nick, &nation))
    return usage_error (_("--nation must be england-and-wales, scotland or northern-ireland."));
  if (year == 0)
    return usage_error (_("--year needs a year, e.g. --year 2027."));
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

static int
cmd_homes (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;
  g_autoptr(GPtrArray) homes = NULL;

  if (!parse_options ("homes", "", NULL, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (!(store = open_store (cli, FALSE, &error)) ||
      !(homes = bespoke_store_list (store, BESPOKE_TYPE_HOME, NULL, &error)))
    return fail (error);
  for (guint i = 0; i < homes->len; i++)
    {
      BespokeHome *home = g_ptr_array_index (homes, i);
      g_print ("%s\t%s\n", bespoke_home_get_name (home), bespoke_record_get_uuid (BESPOKE_RECORD (home)));
    }
  return BESPOKE_CLI_OK;
}

static BespokeHome *
find_home (BespokeStore  *store,
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

static int
cmd_isf (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;
  g_autoptr(BespokeHome) home = NULL;
  g_autoptr(BespokeIsfTable) table = NULL;

  if (!parse_options ("isf", "HOME", NULL, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!(store = open_store (cli, FALSE, &error)) ||
      !(home = find_home (store, argv[1], &error)) ||
      !(table = bespoke_isf_report (store, bespoke_record_get_uuid (BESPOKE_RECORD (home)), &error)))
    return fail (error);

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

/* ---- synth ------------------------------------------------------------ */

static void
synth_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  if (GPOINTER_TO_INT (user_data))
    g_printerr ("\r%u / %u", done, total);
}

static int
cmd_synth (Cli *cli, int argc, char **argv)
{
  int seed = 1;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The seed: the same seed makes the same people (default 1)"), N_("S") },
    { NULL }
  };
  GError *error = NULL;
  BespokeStore *store;
  guint64 n = 0;
  gint64 started;
  gboolean tty = isatty (fileno (stderr));

  if (!parse_options ("synth", "N [--seed S]", entries, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, 10000000, &n, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number of people. Give a whole number from 1 to 10,000,000."), argv[1]);
      return usage_error (message);
    }
  if (!(store = open_store (cli, TRUE, &error)))
    return fail (error);

  started = g_get_monotonic_time ();
  if (!bespoke_synth_people (store, (guint) n, (guint32) seed, synth_progress_cb, GINT_TO_POINTER (tty), &error))
    return fail (error);
  if (tty)
    g_printerr ("\n");
  g_print (_("Added %u synthetic people (seed %d) in %.1f s.\n"), (guint) n, seed,
           (g_get_monotonic_time () - started) / 1e6);
  return BESPOKE_CLI_OK;
}

/* ---- export, import, validate ---------------------------------------- */

/* A provider by UUID, the start of one, or its exact name. */
static char *
find_provider (BespokeStore  *store,
               const char    *key,
               GError       **error)
{
  g_autoptr(GPtrArray) providers = bespoke_store_list (store, BESPOKE_TYPE_PROVIDER, NULL, error);
  const char *found = NULL;
  guint matches = 0;

  if (providers == NULL)
    return NULL;
  for (guint i = 0; i < providers->len; i++)
    {
      BespokeRecord *provider = providers->pdata[i];
      const char *uuid = bespoke_record_get_uuid (provider);

      if (g_str_equal (uuid, key))
        return g_strdup (uuid);
      if (g_str_has_prefix (uuid, key) ||
          g_strcmp0 (bespoke_provider_get_name (BESPOKE_PROVIDER (provider)), key) == 0)
        {
          found = uuid;
          matches++;
        }
    }
  if (matches == 1)
    return g_strdup (found);
  if (matches > 1)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_AMBIGUOUS,
                 _("“%s” matches more than one provider. Give more of the UUID."), key);
  else
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                 _("There is no provider “%s”. Give a provider’s name or UUID."), key);
  return NULL;
}

static int
cmd_export (Cli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *menu = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Export every person, menu and shared home"), NULL },
    { "menu", 0, 0, G_OPTION_ARG_STRING, &menu, N_("Export one provider’s menu"), N_("PROVIDER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  BespokeXmlExportScope scope;
  GError *error = NULL;
  BespokeStore *store;

  if (!parse_options ("export", "(PERSON… | --all | --menu PROVIDER) -o FILE", entries, &argc, &argv, 0, -1))
    return BESPOKE_CLI_USAGE;
  if (output == NULL || *output == '\0')
    return usage_error (_("Name the file to write with -o FILE."));
  if ((all ? 1 : 0) + (menu != NULL ? 1 : 0) + (argc > 1 ? 1 : 0) != 1)
    return usage_error (_("Export either people (by name or UUID), --all, or --menu PROVIDER."));
  if (!(store = open_store (cli, FALSE, &error)))
    return fail (error);

  if (all)
    scope = BESPOKE_XML_EXPORT_ALL;
  else if (menu != NULL)
    {
      char *uuid = find_provider (store, menu, &error);
      if (uuid == NULL)
        return fail (error);
      g_ptr_array_add (uuids, uuid);
      scope = BESPOKE_XML_EXPORT_MENU;
    }
  else
    {
      scope = BESPOKE_XML_EXPORT_PEOPLE;
      for (int i = 1; i < argc; i++)
        {
          g_autoptr(BespokePerson) person = bespoke_store_find_person (store, argv[i], &error);
          const char *uuid;
          gboolean repeated = FALSE;

          if (person == NULL)
            return fail (error);
          uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));
          for (guint j = 0; j < uuids->len; j++)
            repeated |= g_str_equal (uuids->pdata[j], uuid);
          if (!repeated)
            g_ptr_array_add (uuids, g_strdup (uuid));
        }
    }
  g_ptr_array_add (uuids, NULL);

  if (!bespoke_xml_export (store, scope, (const char * const *) uuids->pdata, output, &error))
    return fail (error);
  g_print (_("Exported to %s\n"), output);
  return BESPOKE_CLI_OK;
}

static int
cmd_import (Cli *cli, int argc, char **argv)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Say what would happen, and change nothing"), NULL },
    { NULL }
  };
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autofree char *summary = NULL;
  GError *error = NULL;
  BespokeStore *store;

  if (!parse_options ("import", "FILE [--dry-run]", entries, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!(store = open_store (cli, TRUE, &error)))
    return fail (error);

  report = bespoke_xml_import (store, argv[1], dry_run ? BESPOKE_XML_IMPORT_DRY_RUN : BESPOKE_XML_IMPORT_DEFAULT, &error);
  if (report == NULL)
    return fail (error);

  summary = bespoke_xml_import_report_summary (report);
  if (dry_run)
    g_print (_("Would import: %s. Nothing has been changed.\n"), summary);
  else
    g_print (_("Imported: %s.\n"), summary);

  if (report->conflicts->len > 0)
    {
      g_autofree char *conflicts = g_strconcat (argv[1], ".conflicts.xml", NULL);

      for (guint i = 0; i < report->conflicts->len; i++)
        {
          BespokeXmlConflict *conflict = report->conflicts->pdata[i];
          g_print (_("Conflict: the %s %s (line %u) was changed both here and in the file.\n"),
                   conflict->element, conflict->uuid, conflict->line);
          g_print (_("  In this database:\n%s\n  In the file:\n%s\n"),
                   conflict->database_xml, conflict->file_xml);
        }
      if (!dry_run)
        {
          if (!bespoke_xml_import_write_conflicts (report, argv[1], conflicts, &error))
            return fail (error);
          g_print (_("The copies in this database were kept. The file’s versions are in %s.\n"), conflicts);
        }
    }
  return BESPOKE_CLI_OK;
}

static int
cmd_validate (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;

  if (!parse_options ("validate", "FILE", NULL, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!bespoke_xml_validate (argv[1], &error))
    return fail (error);
  g_print (_("%s is a valid Bespoke exchange file.\n"), argv[1]);
  return BESPOKE_CLI_OK;
}

/* ---- main ------------------------------------------------------------- */

static const Command commands[] = {
  { "init", "", N_("Create the database, or bring an old one up to date"), cmd_init },
  { "example", "", N_("Add the example people, menu, plans and shared home (once)"), cmd_example },
  { "people", "[--search TEXT]", N_("List people: name, a tab, then UUID"), cmd_people },
  { "show", "PERSON", N_("Show a person’s profile, circle and plan"), cmd_show },
  { "cost", "PERSON [--csv] [--by-month]", N_("Cost a person’s plan: lines, totals, budget, warnings"), cmd_cost },
  { "homes", "", N_("List shared homes: name, a tab, then UUID"), cmd_homes },
  { "isf", "HOME", N_("A shared home’s Individual Service Funds, with flags"), cmd_isf },
  { "holidays", "--nation N --year Y", N_("The bank holidays the costing uses"), cmd_holidays },
  { "synth", "N [--seed S]", N_("Add N synthetic people, for benchmarks"), cmd_synth },
  { "export", "(PERSON… | --all | --menu PROVIDER) -o FILE", N_("Write an XML exchange file"), cmd_export },
  { "import", "FILE [--dry-run]", N_("Merge an XML exchange file; conflicts are kept apart"), cmd_import },
  { "validate", "FILE", N_("Check an XML exchange file without importing it"), cmd_validate },
};

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: bespoke-cli [--database PATH] COMMAND [ARGUMENTS…]"));
  g_print ("%s\n\n", _("Bespoke’s command-line tool: the same data as the Bespoke window, without a display."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *synopsis = g_strdup_printf ("%s %s", commands[i].name, commands[i].parameters);
      g_print ("  %-34s %s\n", synopsis, _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  %-34s %s\n", "--database PATH", _("Use this database instead of the default"));
  g_print ("  %-34s %s\n", "-h, --help", _("Show this help; COMMAND --help shows a command’s options"));
  g_print ("  %-34s %s\n", "--version", _("Show the version"));
  g_print ("\n%s\n", _("PERSON is a UUID, the start of one, or a person’s exact name or preferred name."));
  {
    g_autofree char *path = bespoke_store_default_path ();
    g_print (_("The default database is %s.\n"), path);
  }
  g_print ("%s\n", _("Exit status: 0 on success, 1 on an error, 2 when the command line is wrong."));
}

int
bespoke_cli_run (int    argc,
                 char **argv)
{
  Cli cli = { 0 };
  int i = 1;
  int status;

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help ();
          g_free (cli.database);
          return BESPOKE_CLI_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("bespoke-cli %s\n", PACKAGE_VERSION);
          g_free (cli.database);
          return BESPOKE_CLI_OK;
        }
      else if (g_str_equal (arg, "--database"))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            return usage_error (_("--database needs the path of a database file."));
          g_free (cli.database);
          cli.database = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (arg, "--database="))
        {
          g_free (cli.database);
          cli.database = g_strdup (arg + strlen ("--database="));
          if (*cli.database == '\0')
            {
              g_free (cli.database);
              return usage_error (_("--database needs the path of a database file."));
            }
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option “%s”."), arg);
          g_free (cli.database);
          return usage_error (message);
        }
    }

  if (i >= argc)
    {
      g_free (cli.database);
      return usage_error (_("Name a command."));
    }

  status = -1;
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      {
        status = commands[c].run (&cli, argc - i, argv + i);
        break;
      }

  if (status < 0)
    {
      g_autofree char *message = g_strdup_printf (_("There is no command “%s”."), argv[i]);
      status = usage_error (message);
    }

  g_clear_object (&cli.store);
  g_free (cli.database);
  return status;
}
