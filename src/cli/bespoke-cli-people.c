/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-cli-private.h"

/* bespoke-cli init, example, people and show. */

/* ---- init, example ---------------------------------------------------- */

int
bespoke_cli_cmd_init (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;

  if (!bespoke_cli_parse_options ("init", "", NULL, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, TRUE, &error)))
    return bespoke_cli_fail (error);

  g_print (_("Database ready: %s (schema %d)\n"),
           bespoke_store_get_path (store), bespoke_store_get_schema_version (store));
  return BESPOKE_CLI_OK;
}

int
bespoke_cli_cmd_example (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;
  gboolean had;

  if (!bespoke_cli_parse_options ("example", "", NULL, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, TRUE, &error)))
    return bespoke_cli_fail (error);

  had = bespoke_example_is_installed (store);
  if (!bespoke_example_install (store, &error))
    return bespoke_cli_fail (error);

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

int
bespoke_cli_cmd_people (Cli *cli, int argc, char **argv)
{
  g_autofree char *search = NULL;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("Only people whose names have words starting with TEXT"), N_("TEXT") },
    { NULL }
  };
  GError *error = NULL;
  BespokeStore *store;

  if (!bespoke_cli_parse_options ("people", "[--search TEXT]", entries, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, FALSE, &error)) ||
      !bespoke_store_foreach_person (store, BESPOKE_PEOPLE_ALL, search, print_person_cb, NULL, &error))
    return bespoke_cli_fail (error);
  return BESPOKE_CLI_OK;
}

/* ---- show ------------------------------------------------------------- */

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
  bespoke_cli_print_money_summary (report, "    ");

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

int
bespoke_cli_cmd_show (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  const char *preferred;

  if (!bespoke_cli_parse_options ("show", "PERSON", NULL, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, FALSE, &error)))
    return bespoke_cli_fail (error);
  if (!(person = bespoke_person_lookup (store, argv[1], &error)))
    return bespoke_cli_fail (error);

  preferred = bespoke_person_get_preferred_name (person);
  g_print ("%s", bespoke_person_get_name (person));
  if (preferred != NULL && *preferred != '\0' && g_strcmp0 (preferred, bespoke_person_get_name (person)) != 0)
    g_print (_(" (likes to be called %s)"), preferred);
  if (bespoke_person_get_is_staff (person))
    g_print (_(" — staff"));
  g_print ("\n");
  g_print (_("UUID: %s\n"), bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  print_date_field (_("Date of birth"), bespoke_person_get_date_of_birth (person));
  if (bespoke_person_get_notes (person) != NULL)
    g_print (_("Notes: %s\n"), bespoke_person_get_notes (person));

  if (!show_profile (store, person, &error) || !show_circle (store, person, &error))
    return bespoke_cli_fail (error);

  if (!(plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN, bespoke_record_get_uuid (BESPOKE_RECORD (person)), &error)))
    return bespoke_cli_fail (error);
  for (guint i = 0; i < plans->len; i++)
    if (!show_plan (store, g_ptr_array_index (plans, i), &error))
      return bespoke_cli_fail (error);

  return BESPOKE_CLI_OK;
}
