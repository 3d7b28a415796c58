/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-cli-private.h"

/* bespoke-cli synth, export, import and validate. */

/* ---- synth ------------------------------------------------------------ */

static void
synth_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  if (GPOINTER_TO_INT (user_data))
    g_printerr ("\r%u / %u", done, total);
}

int
bespoke_cli_cmd_synth (Cli *cli, int argc, char **argv)
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

  if (!bespoke_cli_parse_options ("synth", "N [--seed S]", entries, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, 10000000, &n, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number of people. Give a whole number from 1 to 10,000,000."), argv[1]);
      return bespoke_cli_usage_error (message);
    }
  if (!(store = bespoke_cli_open_store (cli, TRUE, &error)))
    return bespoke_cli_fail (error);

  started = g_get_monotonic_time ();
  if (!bespoke_synth_people (store, (guint) n, (guint32) seed, synth_progress_cb, GINT_TO_POINTER (tty), &error))
    return bespoke_cli_fail (error);
  if (tty)
    g_printerr ("\n");
  g_print (_("Added %u synthetic people (seed %d) in %.1f s.\n"), (guint) n, seed,
           (g_get_monotonic_time () - started) / 1e6);
  return BESPOKE_CLI_OK;
}

/* ---- export, import, validate ---------------------------------------- */

/* A provider by UUID, the start of one, or its exact name. */
char *
bespoke_cli_find_provider (BespokeStore  *store,
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

/* ---- progress on a terminal --------------------------------------------- */

/* "31,200 of 100,000 people" on one line of stderr, rewritten in place,
 * when stderr is a terminal; nothing otherwise, so that scripts and logs
 * see only the result. */
typedef struct
{
  gboolean shown;
} TtyProgress;

static void
tty_progress_cb (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  TtyProgress *tty = user_data;
  g_autofree char *text = NULL;

  if (done == BESPOKE_XML_PROGRESS_FINISHING)
    text = g_strdup (_("Sealing the file…"));
  else
    text = bespoke_xml_progress_describe (done, total);
  /* back to the start of the line, the text, and clear what was after it */
  g_printerr ("\r%s\033[K", text);
  tty->shown = TRUE;
}

/* The progress function for stderr, or NULL when it is not a terminal */
static BespokeXmlProgressFunc
tty_progress (void)
{
  return isatty (STDERR_FILENO) ? tty_progress_cb : NULL;
}

/* Ends the progress line, if one was written */
static void
tty_progress_end (TtyProgress *tty)
{
  if (tty->shown)
    g_printerr ("\n");
  tty->shown = FALSE;
}

/* The export in the audit trail; the file is written either way. */
static void
note_export (BespokeStore          *store,
             BespokeXmlExportScope  scope,
             const char * const    *uuids,
             const char            *output,
             gboolean               sealed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  gboolean ok;

  if (scope == BESPOKE_XML_EXPORT_MENU)
    {
      detail = g_strdup_printf (_("Exported a provider’s menu to “%s”"), output);
      ok = bespoke_store_audit (store, BESPOKE_AUDIT_EXPORT, uuids[0], detail, &error);
    }
  else
    ok = bespoke_store_audit_export (store, scope == BESPOKE_XML_EXPORT_ALL ? NULL : uuids, output, sealed, &error);
  if (!ok)
    g_printerr (_("Warning: the export could not be written to the audit trail: %s\n"), error->message);
}

int
bespoke_cli_cmd_export (Cli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *menu = NULL;
  g_autofree char *passphrase_file = NULL;
  gboolean all = FALSE, seal = FALSE;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Export every person, menu and shared home"), NULL },
    { "menu", 0, 0, G_OPTION_ARG_STRING, &menu, N_("Export one provider’s menu"), N_("PROVIDER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "seal", 0, 0, G_OPTION_ARG_NONE, &seal, N_("Seal the file with a passphrase, asked at the terminal"), NULL },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file, N_("Seal with the passphrase on the first line of FILE"), N_("FILE") },
    { NULL }
  };
  char *passphrase = NULL;
  TtyProgress tty = { FALSE };
  gboolean ok;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  BespokeXmlExportScope scope;
  g_autoptr(GError) warning = NULL;
  GError *error = NULL;
  BespokeStore *store;

  if (!bespoke_cli_parse_options ("export", "(PERSON… | --all | --menu PROVIDER) -o FILE [--seal] [--passphrase-file FILE]", entries, &argc, &argv, 0, -1))
    return BESPOKE_CLI_USAGE;
  if (output == NULL || *output == '\0')
    return bespoke_cli_usage_error (_("Name the file to write with -o FILE."));
  if ((all ? 1 : 0) + (menu != NULL ? 1 : 0) + (argc > 1 ? 1 : 0) != 1)
    return bespoke_cli_usage_error (_("Export either people (by name or UUID), --all, or --menu PROVIDER."));
  if (!(store = bespoke_cli_open_store (cli, FALSE, &error)))
    return bespoke_cli_fail (error);

  if (all)
    scope = BESPOKE_XML_EXPORT_ALL;
  else if (menu != NULL)
    {
      char *uuid = bespoke_cli_find_provider (store, menu, &error);
      if (uuid == NULL)
        return bespoke_cli_fail (error);
      g_ptr_array_add (uuids, uuid);
      scope = BESPOKE_XML_EXPORT_MENU;
    }
  else
    {
      scope = BESPOKE_XML_EXPORT_PEOPLE;
      for (int i = 1; i < argc; i++)
        {
          g_autoptr(BespokePerson) person = bespoke_person_lookup (store, argv[i], &error);
          const char *uuid;
          gboolean repeated = FALSE;

          if (person == NULL)
            return bespoke_cli_fail (error);
          uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));
          for (guint j = 0; j < uuids->len; j++)
            repeated |= g_str_equal (uuids->pdata[j], uuid);
          if (!repeated)
            g_ptr_array_add (uuids, g_strdup (uuid));
        }
    }
  g_ptr_array_add (uuids, NULL);

  /* the file first, then the mark: a file in place whose mark could not
   * be written is a success, with a warning (see the README) */
  seal |= passphrase_file != NULL;
  if (seal && !(passphrase = bespoke_cli_read_passphrase (passphrase_file, TRUE, &error)))
    return bespoke_cli_fail (error);
  ok = bespoke_xml_export_with_progress (store, scope, (const char * const *) uuids->pdata, output, passphrase,
                                         tty_progress (), &tty, NULL, &warning, &error);
  tty_progress_end (&tty);
  bespoke_cli_forget_passphrase (passphrase);
  if (!ok)
    return bespoke_cli_fail (error);
  g_print (seal ? _("Exported to %s, sealed with the passphrase\n") : _("Exported to %s\n"), output);
  if (warning != NULL)
    g_printerr (_("Warning: %s\n"), warning->message);
  note_export (store, scope, (const char * const *) uuids->pdata, output, seal);
  return BESPOKE_CLI_OK;
}

/* @path itself if it is not sealed; otherwise the plain text of it, in
 * @opened, asking for the passphrase (or reading @passphrase_file). */
static const char *
bespoke_cli_open_sealed (const char         *path,
                         const char         *passphrase_file,
                         BespokeSealOpened **opened,
                         GError            **error)
{
  char *passphrase;

  if (!bespoke_seal_is_sealed (path))
    return path;
  if (!(passphrase = bespoke_cli_read_passphrase (passphrase_file, FALSE, error)))
    return NULL;
  *opened = bespoke_seal_open (path, passphrase, error);
  bespoke_cli_forget_passphrase (passphrase);
  return *opened ? bespoke_seal_opened_get_path (*opened) : NULL;
}

int
bespoke_cli_cmd_import (Cli *cli, int argc, char **argv)
{
  gboolean dry_run = FALSE;
  g_autofree char *passphrase_file = NULL;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Say what would happen, and change nothing"), NULL },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file, N_("A sealed file’s passphrase is the first line of FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(BespokeSealOpened) opened = NULL;
  const char *path;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *conflicts = NULL;
  TtyProgress tty = { FALSE };
  GError *error = NULL;
  BespokeStore *store;

  if (!bespoke_cli_parse_options ("import", "FILE [--dry-run] [--passphrase-file FILE]", entries, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, TRUE, &error)))
    return bespoke_cli_fail (error);
  if (!(path = bespoke_cli_open_sealed (argv[1], passphrase_file, &opened, &error)))
    return bespoke_cli_fail (error);

  /* the conflicts file is written before the import is committed (and if
   * it cannot be, nothing is imported): exit 1 always means nothing saved.
   * A sealed file's conflicts stay on the screen: no plain copy on disk. */
  conflicts = opened ? NULL : g_strconcat (argv[1], ".conflicts.xml", NULL);
  report = bespoke_xml_import_with_progress (store, path, dry_run ? BESPOKE_XML_IMPORT_DRY_RUN : BESPOKE_XML_IMPORT_DEFAULT,
                                             NULL, conflicts, tty_progress (), &tty, &error);
  tty_progress_end (&tty);
  if (report == NULL)
    return bespoke_cli_fail (error);

  summary = bespoke_xml_import_report_summary (report);
  if (dry_run)
    g_print (_("Would import: %s. Nothing has been changed.\n"), summary);
  else
    g_print (_("Imported: %s.\n"), summary);
  if (!dry_run && !bespoke_store_audit_import (store, argv[1], opened != NULL, summary, report->conflicts->len, &error))
    {
      g_printerr (_("Warning: the import could not be written to the audit trail: %s\n"), error->message);
      g_clear_error (&error);
    }

  if (report->conflicts->len > 0)
    {
      for (guint i = 0; i < report->conflicts->len; i++)
        {
          BespokeXmlConflict *conflict = report->conflicts->pdata[i];
          g_print (_("Conflict: the %s %s (line %u) was changed both here and in the file.\n"),
                   conflict->element, conflict->uuid, conflict->line);
          g_print (_("  In this database:\n%s\n  In the file:\n%s\n"),
                   conflict->database_xml, conflict->file_xml);
        }
      if (!dry_run && conflicts != NULL)
        g_print (_("The copies in this database were kept. The file’s versions are in %s.\n"), conflicts);
      else if (!dry_run)
        g_print (_("The copies in this database were kept. The file was sealed, so its versions are only shown above, not written to a file.\n"));
    }
  return BESPOKE_CLI_OK;
}

int
bespoke_cli_cmd_validate (Cli *cli, int argc, char **argv)
{
  g_autofree char *passphrase_file = NULL;
  GOptionEntry entries[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file, N_("A sealed file’s passphrase is the first line of FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(BespokeSealOpened) opened = NULL;
  GError *error = NULL;
  const char *path;

  if (!bespoke_cli_parse_options ("validate", "FILE [--passphrase-file FILE]", entries, &argc, &argv, 1, 1))
    return BESPOKE_CLI_USAGE;
  if (!(path = bespoke_cli_open_sealed (argv[1], passphrase_file, &opened, &error)))
    return bespoke_cli_fail (error);
  if (!bespoke_xml_validate (path, &error))
    return bespoke_cli_fail (error);
  g_print (_("%s is a valid Bespoke exchange file.\n"), argv[1]);
  return BESPOKE_CLI_OK;
}
