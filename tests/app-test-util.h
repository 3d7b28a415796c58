/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real application in a test: `bespoke --database PATH`, run until a
 * test function has looked at it, then closed, and checked to be freed.
 * Include after bespoke-application.h and <adwaita.h>. */
#pragma once

typedef void (*AppTest) (BespokeApplication *app,
                         const char         *path);

typedef struct
{
  BespokeApplication *app;
  const char         *path;
  AppTest             func;
  gboolean            quit;
  gboolean            ran;
} AppRun;

static gboolean
app_run_test_cb (gpointer user_data)
{
  AppRun *run = user_data;
  g_autoptr(GList) windows = NULL;

  run->func (run->app, run->path);
  run->ran = TRUE;

  /* Quitting closes Bespoke's windows; whatever else is open goes too, and
   * then the application ends. */
  if (run->quit)
    g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (run->app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  return G_SOURCE_REMOVE;
}

/* Runs Bespoke as `bespoke --database PATH` and calls @func once it has
 * started, at @priority (G_PRIORITY_DEFAULT_IDLE waits for the window to
 * settle; a window whose progress bar pulses keeps the frame clock busy,
 * so an idle would wait for it to go: use G_PRIORITY_DEFAULT there).  Then
 * it quits if @quit, closes what is left, and checks that the application
 * is freed. */
static inline void
run_application_full (const char *path,
                      AppTest     func,
                      gboolean    quit,
                      int         priority)
{
  char *argv[] = { (char *) "bespoke", (char *) "--database", (char *) path, NULL };
  BespokeApplication *app = bespoke_application_new ();
  AppRun run = { app, path, func, quit, FALSE };
  int status;

  /* Not on the session bus, so that a test never meets a running Bespoke */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_idle_add_full (priority, app_run_test_cb, &run, NULL);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.ran);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (app);
}
