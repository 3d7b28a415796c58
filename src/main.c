/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bespoke-application.h"
#include "bespoke-startup.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BespokeApplication) app = NULL;

  bespoke_startup_begin ();
  setlocale (LC_ALL, "");
  /* BESPOKE_LOCALEDIR: translations from a build folder, such as the
   * pseudo-translation (po/meson.build), without installing them */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BESPOKE_LOCALEDIR") ? g_getenv ("BESPOKE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bespoke_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
