/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-cli-private.h"

/* bespoke-cli tombstones: the deletions kept so that they travel in
 * exchange files, and pruning the old ones every replica has seen. */

static char *
format_time (gint64 microseconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (microseconds / G_USEC_PER_SEC);
  return g_date_time_format (when, "%Y-%m-%d %H:%M:%S UTC");
}

static int
list_tombstones (BespokeStore *store)
{
  g_autoptr(GPtrArray) tombstones = NULL;
  g_autofree char *limit_text = NULL;
  GError *error = NULL;
  gint64 limit;

  if (!(tombstones = bespoke_store_list_tombstones (store, NULL, &error)) ||
      (limit = bespoke_store_get_tombstone_prune_limit (store, &error)) < 0)
    return bespoke_cli_fail (error);
  for (guint i = 0; i < tombstones->len; i++)
    {
      BespokeTombstone *t = tombstones->pdata[i];
      g_autofree char *when = format_time (t->deleted_at);

      g_print ("%s\t%s\t%s\n", t->uuid, t->kind, when);
    }
  limit_text = format_time (limit);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u deletion kept. Deletions before %s have been seen by every known replica and can be pruned.\n",
                        "%u deletions kept. Deletions before %s have been seen by every known replica and can be pruned.\n",
                        tombstones->len),
           tombstones->len, limit_text);
  return BESPOKE_CLI_OK;
}

int
bespoke_cli_cmd_tombstones (Cli *cli, int argc, char **argv)
{
  g_autofree char *before = NULL;
  GOptionEntry entries[] = {
    { "before", 0, 0, G_OPTION_ARG_STRING, &before, N_("With prune: remove the deletions made before this date"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GDateTime) midnight = NULL;
  GError *error = NULL;
  BespokeStore *store;
  GDate date;
  guint n = 0;

  if (!bespoke_cli_parse_options ("tombstones", "[prune --before DATE]", entries, &argc, &argv, 0, 1))
    return BESPOKE_CLI_USAGE;
  if (argc == 2 && g_strcmp0 (argv[1], "prune") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not something tombstones can do. Give nothing to list them, or “prune --before DATE”."), argv[1]);
      return bespoke_cli_usage_error (message);
    }
  if ((argc == 2) != (before != NULL))
    return bespoke_cli_usage_error (_("Give both “prune” and “--before DATE”, or neither to list the deletions kept."));
  if (!(store = bespoke_cli_open_store (cli, argc == 2, &error)))
    return bespoke_cli_fail (error);
  if (argc == 1)
    return list_tombstones (store);

  if (!bespoke_date_parse_user (before, &date, &error))
    {
      g_autofree char *message = g_strdup_printf (_("--before: %s"), error->message);
      g_error_free (error);
      return bespoke_cli_usage_error (message);
    }
  midnight = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  if (!bespoke_store_prune_tombstones (store, g_date_time_to_unix (midnight) * G_USEC_PER_SEC, &n, &error))
    return bespoke_cli_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Pruned %u deletion made before %s.\n", "Pruned %u deletions made before %s.\n", n),
           n, before);
  return BESPOKE_CLI_OK;
}
