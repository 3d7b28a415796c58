/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-cli-private.h"

/* bespoke-cli audit: the audit trail, oldest first, one entry a line:
 * the local time, the account, the planner (or "-"), what was done, the
 * sentence, and the UUIDs it was about, separated by tabs. */

/**
 * bespoke_cli_planner_name:
 *
 * Returns: (transfer full): the planner's name from the window's settings,
 *   for the audit trail, or "" if the settings are not installed
 */
char *
bespoke_cli_planner_name (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "planner-name"))
    return g_strdup ("");
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "planner-name");
}

int
bespoke_cli_cmd_audit (Cli *cli, int argc, char **argv)
{
  g_autofree char *since = NULL;
  GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Only entries from this date on (30/6/2027 or 2027-06-30)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GPtrArray) entries_found = NULL;
  GError *error = NULL;
  BespokeStore *store;
  gint64 from = 0;

  if (!bespoke_cli_parse_options ("audit", "[--since DATE]", entries, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (since != NULL)
    {
      GDate date;
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GError) date_error = NULL;

      if (!bespoke_date_parse_user (since, &date, &date_error))
        {
          g_autofree char *message = g_strdup_printf (_("--since: %s"), date_error->message);
          return bespoke_cli_usage_error (message);
        }
      /* from the start of that day, here */
      start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
      from = g_date_time_to_unix (start) * G_USEC_PER_SEC;
    }
  if (!(store = bespoke_cli_open_store (cli, FALSE, &error)))
    return bespoke_cli_fail (error);
  if (!(entries_found = bespoke_store_audit_list (store, from, &error)))
    return bespoke_cli_fail (error);

  for (guint i = 0; i < entries_found->len; i++)
    {
      BespokeAuditEntry *entry = entries_found->pdata[i];
      g_autofree char *when = bespoke_audit_entry_format_time (entry);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", when, entry->system_user,
               *entry->planner ? entry->planner : "-",
               bespoke_audit_action_to_string (entry->action), entry->detail, entry->subject);
    }
  return BESPOKE_CLI_OK;
}
