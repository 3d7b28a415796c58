/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-cli-private.h"

/* bespoke-cli backup and restore FILE: the backups the window makes, by
 * hand.  Both go to (and restore keeps its undo in) the backups folder,
 * $XDG_DATA_HOME/bespoke/backups, or --folder DIR. */

static char *
database_path (Cli *cli)
{
  return cli->database ? g_strdup (cli->database) : bespoke_store_default_path ();
}

int
bespoke_cli_cmd_backup (Cli *cli, int argc, char **argv)
{
  g_autofree char *folder = NULL;
  GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, N_("Put the backup in DIR instead of the backups folder"), N_("DIR") },
    { NULL }
  };
  g_autofree char *path = NULL;
  g_autofree char *database = NULL;
  g_autoptr(GError) warning = NULL;
  GError *error = NULL;
  BespokeStore *store;
  guint pruned;

  if (!bespoke_cli_parse_options ("backup", "[--folder DIR]", entries, &argc, &argv, 0, 0))
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, FALSE, &error)))
    return bespoke_cli_fail (error);
  if (folder == NULL)
    folder = bespoke_backup_default_dir ();
  database = database_path (cli);
  if (!bespoke_backup_database (database, folder, NULL, &path, NULL, &error))
    return bespoke_cli_fail (error);
  g_print (_("Backed up to %s\n"), path);
  if (!bespoke_store_get_read_only (store) && !bespoke_store_note_backup (store, path, &warning))
    g_printerr (_("Warning: the backup could not be written to the audit trail: %s\n"), warning->message);
  pruned = bespoke_backup_prune (folder, database, NULL);
  if (pruned > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Removed %u old backup (the last %d days are kept, then one a week for %d weeks).\n",
                          "Removed %u old backups (the last %d days are kept, then one a week for %d weeks).\n", pruned),
             pruned, BESPOKE_BACKUP_KEEP_DAYS, BESPOKE_BACKUP_KEEP_WEEKS);
  return BESPOKE_CLI_OK;
}

int
bespoke_cli_cmd_restore (Cli *cli, int argc, char **argv)
{
  g_autofree char *folder = NULL;
  GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, N_("Keep the backup that undoes the restore in DIR"), N_("DIR") },
    { NULL }
  };
  BespokeBackupPreview preview;
  g_autofree char *undo = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *counts = NULL;
  GError *error = NULL;
  BespokeStore *store;

  if (!bespoke_cli_parse_options ("restore", "FILE [--folder DIR]", entries, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!bespoke_backup_preview (argv[1], &preview, &error))
    return bespoke_cli_fail (error);
  if (!(store = bespoke_cli_open_store (cli, TRUE, &error)))
    return bespoke_cli_fail (error);
  if (folder == NULL)
    folder = bespoke_backup_default_dir ();
  if (!bespoke_store_restore_backup (store, argv[1], folder, &undo, &error))
    return bespoke_cli_fail (error);

  utc = g_date_time_new_from_unix_utc (preview.taken_at / G_USEC_PER_SEC);
  local = g_date_time_to_local (utc);
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  counts = bespoke_backup_preview_counts (&preview);
  /* Translators: "Restored the backup of 2027-03-01 09:30: 9 people, …" */
  g_print (_("Restored the backup of %s: %s.\n"), when, counts);
  g_print (_("To undo it: bespoke-cli restore %s\n"), undo);
  return BESPOKE_CLI_OK;
}
