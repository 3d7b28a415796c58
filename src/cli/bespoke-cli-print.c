/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-cli-private.h"
#include "bespoke-document.h"

/* bespoke-cli print: a document as PDF, drawn by the same code as the
 * window's print and "Save as PDF…". */

#define PRINT_PARAMETERS "(PERSON --profile|--plan|--budget|--week|--easy-read|--description|--session-notes [--session ID]|--offer PROVIDER | --home HOME) -o FILE.pdf"

typedef struct
{
  gboolean  profile, plan, budget, week, easy_read, description, session_notes;
  char     *session;
  char     *offer;
  char     *home;
  char     *output;
  char     *author;
} PrintOptions;

static void
print_options_clear (PrintOptions *o)
{
  g_free (o->offer);
  g_free (o->session);
  g_free (o->home);
  g_free (o->output);
  g_free (o->author);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PrintOptions, print_options_clear)

/* The one kind asked for, or -1 (and a usage error said) */
static int
chosen_kind (PrintOptions *o,
             int           argc)
{
  const struct { gboolean set; BespokeDocumentKind kind; } kinds[] = {
    { o->profile, BESPOKE_DOCUMENT_PROFILE },
    { o->plan, BESPOKE_DOCUMENT_PLAN },
    { o->budget, BESPOKE_DOCUMENT_BUDGET },
    { o->week, BESPOKE_DOCUMENT_WEEK },
    { o->easy_read, BESPOKE_DOCUMENT_EASY_READ },
    { o->description, BESPOKE_DOCUMENT_DESCRIPTION },
    { o->session_notes, BESPOKE_DOCUMENT_SESSION },
    { o->offer != NULL, BESPOKE_DOCUMENT_OFFER },
    { o->home != NULL, BESPOKE_DOCUMENT_HOME },
  };
  int kind = -1;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].set)
      {
        kind = (int) kinds[i].kind;
        n++;
      }
  if (n != 1)
    {
      bespoke_cli_usage_error (_("Choose one document: --profile, --plan, --budget, --week, --easy-read, "
                                 "--description, --session-notes, --offer PROVIDER or --home HOME."));
      return -1;
    }
  if (o->session != NULL && kind != BESPOKE_DOCUMENT_SESSION)
    {
      bespoke_cli_usage_error (_("--session chooses which session’s notes to print: use it with --session-notes."));
      return -1;
    }
  if ((kind == BESPOKE_DOCUMENT_HOME) != (argc == 1))
    {
      bespoke_cli_usage_error (kind == BESPOKE_DOCUMENT_HOME
                               ? _("--home prints a shared home’s statement: name the home, not a person.")
                               : _("Name the person whose document to print."));
      return -1;
    }
  if (o->output == NULL || *o->output == '\0')
    {
      bespoke_cli_usage_error (_("Say where to write the PDF with -o FILE.pdf."));
      return -1;
    }
  return kind;
}

int
bespoke_cli_cmd_print (Cli *cli, int argc, char **argv)
{
  g_auto(PrintOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_NONE, &o.profile, N_("The one-page profile, fitted to one page"), NULL },
    { "plan", 0, 0, G_OPTION_ARG_NONE, &o.plan, N_("The support plan, for sign-off"), NULL },
    { "budget", 0, 0, G_OPTION_ARG_NONE, &o.budget, N_("The budget statement"), NULL },
    { "week", 0, 0, G_OPTION_ARG_NONE, &o.week, N_("“My week”: who supports the person when"), NULL },
    { "easy-read", 0, 0, G_OPTION_ARG_NONE, &o.easy_read, N_("The easy read version"), NULL },
    { "description", 0, 0, G_OPTION_ARG_NONE, &o.description, N_("The person-centred description: every statement"), NULL },
    { "session-notes", 0, 0, G_OPTION_ARG_NONE, &o.session_notes, N_("A facilitated session’s notes (the latest, or --session)"), NULL },
    { "session", 0, 0, G_OPTION_ARG_STRING, &o.session, N_("Which session, by its id (see the person’s Sessions page)"), N_("ID") },
    { "offer", 0, 0, G_OPTION_ARG_STRING, &o.offer, N_("A provider’s menu, priced for this person"), N_("PROVIDER") },
    { "home", 0, 0, G_OPTION_ARG_STRING, &o.home, N_("A shared home’s ISF statement"), N_("HOME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("The PDF file to write"), N_("FILE.pdf") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &o.author, N_("The planner’s name for the PDF’s author (default: yours)"), N_("NAME") },
    { NULL }
  };
  GError *error = NULL;
  BespokeStore *store;
  g_autoptr(BespokeDocument) document = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *extra = NULL;
  int kind;

  if (!bespoke_cli_parse_options ("print", PRINT_PARAMETERS, entries, &argc, &argv, 0, 1))
    return BESPOKE_CLI_USAGE;
  if ((kind = chosen_kind (&o, argc)) < 0)
    return BESPOKE_CLI_USAGE;
  if (!(store = bespoke_cli_open_store (cli, FALSE, &error)))
    return bespoke_cli_fail (error);

  if (kind == BESPOKE_DOCUMENT_HOME)
    {
      g_autoptr(BespokeHome) home = bespoke_cli_find_home (store, o.home, &error);
      if (home == NULL)
        return bespoke_cli_fail (error);
      subject = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (home)));
    }
  else
    {
      g_autoptr(BespokePerson) person = bespoke_person_lookup (store, argv[1], &error);
      if (person == NULL)
        return bespoke_cli_fail (error);
      subject = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (person)));
      if (o.offer != NULL && !(extra = bespoke_cli_find_provider (store, o.offer, &error)))
        return bespoke_cli_fail (error);
      if (o.session != NULL)
        extra = g_strdup (o.session);
    }

  if (!(document = bespoke_document_new (store, kind, subject, extra, &error)) ||
      !bespoke_document_write_pdf (document, o.output, o.author, &error))
    return bespoke_cli_fail (error);

  if (bespoke_document_get_warning (document) != NULL)
    g_printerr ("bespoke-cli: %s\n", bespoke_document_get_warning (document));
  if (kind == BESPOKE_DOCUMENT_PROFILE)
    g_print (_("Wrote %s: one page, body text at %.1f pt.\n"), o.output, bespoke_document_get_body_size (document));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %u page.\n", "Wrote %s: %u pages.\n",
                          bespoke_document_get_n_pages (document)),
             o.output, bespoke_document_get_n_pages (document));
  return BESPOKE_CLI_OK;
}
