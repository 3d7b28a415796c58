/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-safekeeping"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-audit-window.h"
#include "bespoke-core.h"
#include "bespoke-exchange.h"
#include "bespoke-restore-dialog.h"
#include "bespoke-safekeeping.h"
#include "bespoke-window.h"

/*
 * What the application does to keep the record of its data (issue #12):
 * each main window's store learns the planner's name from the settings,
 * and notes in the audit trail each person's record the window opens;
 * app.audit-trail shows the trail.
 *
 * Automatic backups: after a change, at most once a day (checked every ten
 * minutes, and when the window closes), in a worker thread with its own
 * connection (bespoke_backup_database()), so that typing never waits; old
 * ones are then pruned.  app.restore-backup restores one, with an undo.
 *
 * At startup, on a thread: what killed runs left (bespoke_leftovers_remove()).
 */

#define CHECK_EVERY_SECONDS 600
#define BACKUP_EVERY (G_USEC_PER_SEC * (gint64) 24 * 3600)

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

/* A main window: the person it has open, so that only a change is noted;
 * whether its store has changed since its last backup */
typedef struct
{
  char         *uuid;
  BespokeStore *store;
  gulong        committed_handler;
  gboolean      changed;
  gboolean      backing_up;
  guint         timer;
} Watch;

/* BespokeWindow* -> Watch*, for the main windows open */
static GHashTable *watches;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->timer, g_source_remove);
  g_clear_signal_handler (&watch->committed_handler, watch->store);
  g_free (watch->uuid);
  g_clear_object (&watch->store);
  g_free (watch);
}

static void on_person_notify_cb (BespokeWindow *window, GParamSpec *pspec, Watch *watch);

/* ---- automatic backups -------------------------------------------------- */

typedef struct
{
  GtkWindow      *window;   /* weak */
  BespokeStore   *store;
  char           *database;
  char           *dir;
  char           *path;     /* the backup made */
  GApplication   *held;     /* held until it is done, when closing */
} BackupJob;

static void
backup_job_free (gpointer data)
{
  BackupJob *job = data;

  g_clear_weak_pointer (&job->window);
  if (job->held != NULL)
    g_application_release (job->held);
  g_clear_object (&job->held);
  g_clear_object (&job->store);
  g_free (job->database);
  g_free (job->dir);
  g_free (job->path);
  g_free (job);
}

static void
backup_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  BackupJob *job = task_data;
  GError *error = NULL;

  if (!bespoke_backup_database (job->database, job->dir, NULL, &job->path, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  bespoke_backup_prune (job->dir, job->database, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
backup_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BackupJob *job = g_task_get_task_data (G_TASK (result));
  Watch *watch = job->window && watches ? g_hash_table_lookup (watches, job->window) : NULL;
  g_autoptr(GError) error = NULL;

  if (watch != NULL)
    watch->backing_up = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_message ("The automatic backup failed: %s", error->message);
      return;
    }
  if (!bespoke_store_note_backup (job->store, job->path, &error))
    g_debug ("Could not note the backup in the audit trail: %s", error->message);
}

/* Whether the last backup of @store is a day old, or there is none */
static gboolean
backup_due (BespokeStore *store,
            const char   *dir)
{
  g_autoptr(GPtrArray) backups = bespoke_backup_list (dir, bespoke_store_get_path (store), NULL);

  return backups->len == 0 ||
         g_get_real_time () - ((BespokeBackupInfo *) backups->pdata[0])->taken_at >= BACKUP_EVERY;
}

static void
maybe_back_up (GtkWindow    *window,
               Watch        *watch,
               GApplication *hold)
{
  g_autofree char *dir = bespoke_backup_default_dir ();
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  if (!watch->changed || watch->backing_up || g_str_equal (bespoke_store_get_path (watch->store), ":memory:") ||
      bespoke_store_get_read_only (watch->store) || !backup_due (watch->store, dir))
    return;
  job = g_new0 (BackupJob, 1);
  g_set_weak_pointer (&job->window, window);
  job->store = g_object_ref (watch->store);
  job->database = g_strdup (bespoke_store_get_path (watch->store));
  job->dir = g_steal_pointer (&dir);
  if (hold != NULL)
    {
      job->held = g_object_ref (hold);
      g_application_hold (hold);
    }
  watch->changed = FALSE;
  watch->backing_up = TRUE;
  task = g_task_new (NULL, NULL, backup_done_cb, NULL);
  g_task_set_task_data (task, job, backup_job_free);
  g_task_run_in_thread (task, backup_thread_cb);
}

static gboolean
check_backup_cb (gpointer user_data)
{
  Watch *watch = watches ? g_hash_table_lookup (watches, user_data) : NULL;

  if (watch != NULL)
    maybe_back_up (user_data, watch, NULL);
  return G_SOURCE_CONTINUE;
}

static void
on_committed_cb (BespokeStore *store,
                 Watch        *watch)
{
  watch->changed = TRUE;
}

/* The window is closing: a backup if one is due, which the application
 * waits for before it quits */
static void
on_window_removed_cb (GtkApplication *application,
                      GtkWindow      *window,
                      gpointer        user_data)
{
  Watch *watch = watches ? g_hash_table_lookup (watches, window) : NULL;

  if (watch == NULL)
    return;
  g_signal_handlers_disconnect_by_func (window, on_person_notify_cb, watch);
  maybe_back_up (window, watch, G_APPLICATION (application));
  g_hash_table_remove (watches, window);
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
  BespokeStore *store;
  Watch *watch;

  if (!BESPOKE_IS_WINDOW (window) || (store = bespoke_window_get_store (BESPOKE_WINDOW (window))) == NULL)
    return;
  planner = bespoke_safekeeping_planner_name ();
  bespoke_store_set_planner (store, planner);
  watch = g_new0 (Watch, 1);
  watch->store = g_object_ref (store);
  watch->committed_handler = g_signal_connect (store, "committed", G_CALLBACK (on_committed_cb), watch);
  watch->timer = g_timeout_add_seconds (CHECK_EVERY_SECONDS, check_backup_cb, window);
  g_hash_table_insert (watches, window, watch);
  g_signal_connect (window, "notify::person", G_CALLBACK (on_person_notify_cb), watch);
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

/* ---- restore ------------------------------------------------------------ */

typedef struct
{
  BespokeWindow *window;
  char          *undo;   /* the backup taken just before the restore */
} UndoRestore;

static void
undo_restore_free (gpointer  data,
                   GClosure *closure)
{
  UndoRestore *undo = data;

  g_clear_object (&undo->window);
  g_free (undo->undo);
  g_free (undo);
}

static void restore (BespokeWindow *window, const char *backup, const char *what);

static void
on_undo_restore_cb (AdwToast    *toast,
                    UndoRestore *undo)
{
  restore (undo->window, undo->undo, _("The restore was undone"));
}

/* Restores @backup into @window's store, and says so with a toast whose
 * Undo restores the backup taken just before. */
static void
restore (BespokeWindow *window,
         const char    *backup,
         const char    *what)
{
  g_autofree char *dir = bespoke_backup_default_dir ();
  g_autoptr(GError) error = NULL;
  UndoRestore *undo;
  AdwToast *toast;

  undo = g_new0 (UndoRestore, 1);
  if (!bespoke_store_restore_backup (bespoke_window_get_store (window), backup, dir, &undo->undo, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("The Backup Could Not Be Restored"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      undo_restore_free (undo, NULL);
      return;
    }
  /* what was in the history no longer fits */
  if (bespoke_window_get_history (window) != NULL)
    bespoke_history_clear (bespoke_window_get_history (window));
  undo->window = g_object_ref (window);
  toast = adw_toast_new (what);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_restore_cb), undo, undo_restore_free, 0);
  bespoke_exchange_add_toast (GTK_WINDOW (window), toast);
}

static void
on_backup_chosen_cb (BespokeRestoreDialog *dialog,
                     const char           *backup,
                     BespokeWindow        *window)
{
  restore (window, backup, _("The backup was restored"));
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BespokeWindow *window = main_window (user_data);
  g_autofree char *dir = bespoke_backup_default_dir ();
  BespokeRestoreDialog *dialog;

  if (window == NULL)
    return;
  dialog = bespoke_restore_dialog_new (GTK_WINDOW (window), bespoke_window_get_store (window), dir);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (user_data));
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_backup_chosen_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- leftovers ---------------------------------------------------------- */

static void
remove_leftovers_thread_cb (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  guint removed = bespoke_leftovers_remove ();

  if (removed > 0)
    g_debug ("Removed %u files left by runs that were killed", removed);
  g_task_return_boolean (task, TRUE);
}

static const GActionEntry actions[] = {
  { "audit-trail", audit_trail_action },
  { "restore-backup", restore_backup_action },
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
  if (watches == NULL)
    watches = g_hash_table_new_full (NULL, NULL, NULL, watch_free);
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  g_signal_connect (application, "window-removed", G_CALLBACK (on_window_removed_cb), NULL);

  /* what killed runs left (a folder of exports may be slow to list) */
  {
    g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
    g_task_run_in_thread (task, remove_leftovers_thread_cb);
  }
}
