/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-cli-private.h"

/* bespoke-cli check: In Control's seven criteria for a person's current
 * plan, one line each, then whether the plan can be agreed.  Exits 0 if it
 * can, 1 if it cannot (or on an error, with one line on stderr), 2 for a
 * wrong command line. */

static void
print_result (BespokeCriterionResult *r)
{
  guint number = (guint) r->criterion + 1;

  if (r->passed)
    /* Translators: "1. What’s important to me: passes. The profile says …" */
    g_print (_("%u. %s: passes. %s\n"), number, r->title, r->detail);
  else if (r->override_reason != NULL)
    /* Translators: a failed criterion the planner agreed to go ahead without */
    g_print (_("%u. %s: fails, agreed with a reason (“%s”). %s\n"), number, r->title, r->override_reason, r->detail);
  else
    g_print (_("%u. %s: fails. %s\n"), number, r->title, r->detail);
}

int
bespoke_cli_cmd_check (Cli *cli, int argc, char **argv)
{
  GError *error = NULL;
  BespokeStore *store;
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint blocking = 0;

  if (!bespoke_cli_parse_options ("check", "PERSON", NULL, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, FALSE, &error)) ||
      !(person = bespoke_person_lookup (store, argv[1], &error)) ||
      !(plan = bespoke_cli_current_plan (store, person, &error)) ||
      !(results = bespoke_plan_check_run (store, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), NULL, &error)))
    return bespoke_cli_fail (error);

  for (guint i = 0; i < results->len; i++)
    {
      BespokeCriterionResult *r = g_ptr_array_index (results, i);

      print_result (r);
      if (!r->passed && r->override_reason == NULL)
        blocking++;
    }

  if (bespoke_plan_check_can_agree (results))
    {
      g_print (_("%s’s plan can be agreed.\n"), bespoke_person_get_name (person));
      return BESPOKE_CLI_OK;
    }
  g_print (ngettext ("%s’s plan cannot be agreed yet: %u criterion fails without a reason.\n",
                     "%s’s plan cannot be agreed yet: %u criteria fail without a reason.\n", blocking),
           bespoke_person_get_name (person), blocking);
  return BESPOKE_CLI_ERROR;
}
