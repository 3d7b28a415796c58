/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-safekeeping"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-audit-window.h"
#include "bespoke-core.h"
#include "bespoke-safekeeping.h"
#include "bespoke-window.h"

/*
 * What the application does to keep the record of its data (issue #12):
 * each main window's store learns the planner's name from the settings,
 * and notes in the audit trail each person's record the window opens;
 * app.audit-trail shows the trail.
 */

/**
 * bespoke_safekeeping_planner_name:
 *
 * Returns: (transfer full): the planner's name from the settings, or ""
 *   if the settings are not installed
 */
char *
bespoke_safekeeping_planner_name (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "planner-name"))
    return g_strdup ("");
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "planner-name");
}

/* The person a window has open, so that only a change is noted */
typedef struct
{
  char *uuid;
} Watch;

static void
watch_free (gpointer  data,
            GClosure *closure)
{
  Watch *watch = data;

  g_free (watch->uuid);
  g_free (watch);
}

static void
on_person_notify_cb (BespokeWindow *window,
                     GParamSpec    *pspec,
                     Watch         *watch)
{
  BespokePerson *person = bespoke_window_get_person (window);
  const char *uuid = person ? bespoke_record_get_uuid (BESPOKE_RECORD (person)) : NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (uuid, watch->uuid) == 0)
    return;
  g_free (watch->uuid);
  watch->uuid = g_strdup (uuid);
  if (person != NULL && !bespoke_store_get_read_only (bespoke_window_get_store (window)) &&
      !bespoke_store_audit_open (bespoke_window_get_store (window), person, &error))
    g_debug ("Could not note the opening in the audit trail: %s", error->message);
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  g_autofree char *planner = NULL;
  Watch *watch;

  if (!BESPOKE_IS_WINDOW (window) || bespoke_window_get_store (BESPOKE_WINDOW (window)) == NULL)
    return;
  planner = bespoke_safekeeping_planner_name ();
  bespoke_store_set_planner (bespoke_window_get_store (BESPOKE_WINDOW (window)), planner);
  watch = g_new0 (Watch, 1);
  g_signal_connect_data (window, "notify::person", G_CALLBACK (on_person_notify_cb), watch, watch_free, 0);
  on_person_notify_cb (BESPOKE_WINDOW (window), NULL, watch);
}

static BespokeWindow *
main_window (GtkApplication *application)
{
  GtkWindow *active = gtk_application_get_active_window (application);

  if (active != NULL && !BESPOKE_IS_WINDOW (active))
    active = gtk_window_get_transient_for (active);
  if (active != NULL && BESPOKE_IS_WINDOW (active))
    return BESPOKE_WINDOW (active);
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (BESPOKE_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
audit_trail_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BespokeWindow *window = main_window (user_data);
  BespokeAuditWindow *audit;

  if (window == NULL)
    return;
  audit = bespoke_audit_window_new (GTK_WINDOW (window), bespoke_window_get_store (window));
  gtk_window_set_application (GTK_WINDOW (audit), GTK_APPLICATION (user_data));
  gtk_window_present (GTK_WINDOW (audit));
}

static const GActionEntry actions[] = {
  { "audit-trail", audit_trail_action },
};

/**
 * bespoke_safekeeping_install:
 *
 * Adds app.audit-trail, and watches each main window; called once, from
 * the application's startup.
 */
void
bespoke_safekeeping_install (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), application);
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added_cb), NULL);
}
