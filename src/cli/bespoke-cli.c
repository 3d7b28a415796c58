/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-cli-private.h"

/* bespoke-cli: Bespoke without a window.  Each command opens the store,
 * does one thing, and exits 0, 1 with one line on stderr, or 2 for a
 * command line it cannot understand. */

int
bespoke_cli_fail (GError *error)
{
  g_printerr ("bespoke-cli: %s\n", error->message);
  g_error_free (error);
  return BESPOKE_CLI_ERROR;
}

int
bespoke_cli_usage_error (const char *message)
{
  g_printerr ("bespoke-cli: %s\n%s\n", message, _("Try “bespoke-cli --help”."));
  return BESPOKE_CLI_USAGE;
}

/* "Preparing search: 31,200 of 100,000 people" on one line of stderr,
 * rewritten in place; only on a terminal */
static void
rebuild_progress_cb (guint64  done,
                     guint64  total,
                     gpointer user_data)
{
  gboolean *shown = user_data;
  g_autofree char *count = bespoke_xml_progress_describe (done, total);
  /* Translators: %s is "31,200 of 100,000 people" */
  g_autofree char *line = g_strdup_printf (_("Preparing search: %s"), count);

  /* back to the start of the line, the text, and clear what was after it */
  g_printerr ("\r%s\033[K", line);
  *shown = TRUE;
}

/* A migration may have left the search index to be built again (about a
 * minute at 100,000 people): on a terminal, say how far it has come,
 * unless it is for so few people that it is over at once (a new database
 * has it for no one). */
static gboolean
rebuild_search (BespokeStore  *store,
                GError       **error)
{
  guint people = 0;
  gboolean tty;
  gboolean shown = FALSE;
  gboolean ok;

  if (!bespoke_store_search_rebuild_pending (store, &people))
    return TRUE;
  tty = people >= BESPOKE_STORE_REBUILD_QUICK_PEOPLE && isatty (STDERR_FILENO);
  ok = bespoke_store_rebuild_search (store, tty ? rebuild_progress_cb : NULL, &shown, NULL, error);
  if (shown)
    g_printerr ("\n");
  return ok;
}

BespokeStore *
bespoke_cli_open_store (Cli       *cli,
                        gboolean   writes,
                        GError   **error)
{
  if (cli->store == NULL)
    {
      g_autofree char *planner = NULL;

      cli->store = bespoke_store_open_full (cli->database, BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX, error);
      if (cli->store == NULL)
        return NULL;
      if (!rebuild_search (cli->store, error))
        {
          g_clear_object (&cli->store);
          return NULL;
        }
      planner = bespoke_cli_planner_name ();
      bespoke_store_set_planner (cli->store, planner);
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
gboolean
bespoke_cli_parse_options (const char    *command,
                           const char    *parameters,
                           GOptionEntry  *entries,
                           int           *argc,
                           char        ***argv,
                           int            min_args,
                           int            max_args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup (g_get_prgname ());
  g_autofree char *usage_name = g_strdup_printf ("bespoke-cli %s", command);
  gboolean parsed;

  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* --help reads "Usage: bespoke-cli cost [OPTION…] PERSON …": GOption
   * names the program by its prgname */
  g_set_prgname (usage_name);
  parsed = g_option_context_parse (context, argc, argv, &error);
  g_set_prgname (prgname);
  if (!parsed)
    {
      bespoke_cli_usage_error (error->message);
      return FALSE;
    }

  /* argv[0] is the command name */
  if (*argc - 1 < min_args || (max_args >= 0 && *argc - 1 > max_args))
    {
      g_autofree char *message = g_strdup_printf (_("Usage: bespoke-cli %s %s"), command, parameters);
      bespoke_cli_usage_error (message);
      return FALSE;
    }
  return TRUE;
}

/* ---- main ------------------------------------------------------------- */

static const Command commands[] = {
  { "init", "", N_("Create the database, or bring an old one up to date"), bespoke_cli_cmd_init },
  { "example", "", N_("Add the example people, menu, plans and shared home (once)"), bespoke_cli_cmd_example },
  { "people", "[--search TEXT]", N_("List people: name, a tab, then UUID"), bespoke_cli_cmd_people },
  { "show", "PERSON", N_("Show a person’s profile, circle and plan"), bespoke_cli_cmd_show },
  { "cost", "PERSON [--csv] [--by-month]", N_("Cost a person’s plan: lines, totals, budget, warnings"), bespoke_cli_cmd_cost },
  { "check", "PERSON", N_("Check a person’s plan against the seven criteria; exit 0 if it can be agreed"), bespoke_cli_cmd_check },
  { "homes", "", N_("List shared homes: name, a tab, then UUID"), bespoke_cli_cmd_homes },
  { "isf", "HOME [--csv]", N_("A shared home’s Individual Service Funds, with flags"), bespoke_cli_cmd_isf },
  { "holidays", "--nation N --year Y", N_("The bank holidays the costing uses"), bespoke_cli_cmd_holidays },
  { "synth", "N [--seed S]", N_("Add N synthetic people, for benchmarks"), bespoke_cli_cmd_synth },
  { "export", "(PERSON… | --all | --menu PROVIDER) -o FILE [--seal]", N_("Write an XML exchange file, sealed with a passphrase if asked"), bespoke_cli_cmd_export },
  { "import", "FILE [--dry-run]", N_("Merge an XML exchange file; conflicts are kept apart"), bespoke_cli_cmd_import },
  { "validate", "FILE", N_("Check an XML exchange file without importing it"), bespoke_cli_cmd_validate },
  { "tombstones", "[prune --before DATE]", N_("List the deletions kept for exchange files, or prune those every replica has seen"), bespoke_cli_cmd_tombstones },
  { "print", "(PERSON --KIND | --home HOME) -o FILE.pdf", N_("Write a document as PDF (“print --help” lists them)"), bespoke_cli_cmd_print },
  { "audit", "[--since DATE]", N_("The audit trail: exports, imports, deletions, backups, restores, records opened"), bespoke_cli_cmd_audit },
  { "backup", "[--folder DIR]", N_("Back the database up now, into the backups folder"), bespoke_cli_cmd_backup },
  { "restore", "FILE [--folder DIR]", N_("Put the database back as it was in a backup (a backup of it first)"), bespoke_cli_cmd_restore },
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
  g_print ("\n%s\n", _("PERSON is a UUID, the start of one, a person’s name or preferred name,\n"
                       "or a first name or surname that only one person has."));
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
            return bespoke_cli_usage_error (_("--database needs the path of a database file."));
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
              return bespoke_cli_usage_error (_("--database needs the path of a database file."));
            }
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option “%s”."), arg);
          g_free (cli.database);
          return bespoke_cli_usage_error (message);
        }
    }

  if (i >= argc)
    {
      g_free (cli.database);
      return bespoke_cli_usage_error (_("Name a command."));
    }

  /* what killed runs left: stale exports, sealing's and backups' files */
  bespoke_leftovers_remove ();
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
      status = bespoke_cli_usage_error (message);
    }

  g_clear_object (&cli.store);
  g_free (cli.database);
  return status;
}
