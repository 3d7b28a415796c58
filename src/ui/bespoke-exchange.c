/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-exchange"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bespoke-core.h"
#include "bespoke-exchange.h"
#include "bespoke-import-dialog.h"
#include "bespoke-progress-dialog.h"
#include "bespoke-seal-dialog.h"
#include "bespoke-unseal-dialog.h"
#include "bespoke-window.h"

/*
 * The application's Import… and Export… (app.import, app.export): file
 * choosers with a .bespoke filter, the import preview, and the toast that
 * undoes an import by putting back the snapshot taken before it.
 */

#define BESPOKE_MIME_TYPE "application/x-bespoke+xml"

/* The main window the user is working in. */
static BespokeWindow *
current_window (GtkApplication *application)
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

static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
add_toast (GtkWindow *window,
           AdwToast  *toast)
{
  AdwToastOverlay *overlay = window ? find_toast_overlay (GTK_WIDGET (window)) : NULL;

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (toast);
}

/**
 * bespoke_exchange_add_toast:
 * @toast: (transfer full)
 *
 * Shows @toast in @window's toast overlay (or drops it if it has none).
 */
void
bespoke_exchange_add_toast (GtkWindow *window,
                            AdwToast  *toast)
{
  add_toast (window, toast);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
bespoke_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Bespoke files"));
  gtk_file_filter_add_mime_type (filter, BESPOKE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "bespoke");
  return filter;
}

/* Import ------------------------------------------------------------------ */

/**
 * bespoke_exchange_delete_snapshot:
 * @snapshot: (nullable): a path from bespoke_store_snapshot()
 *
 * Deletes an undo copy, with the journal files SQLite may have left
 * beside it.
 */
void
bespoke_exchange_delete_snapshot (const char *snapshot)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_store_delete_database_files (snapshot, &error))
    g_debug ("Could not delete the undo copy: %s", error->message);
}

typedef struct
{
  BespokeStore   *store;
  BespokeHistory *history;
  GtkWindow      *parent;   /* weak */
  char           *snapshot;
} UndoImport;

static void
undo_import_free (gpointer  data,
                  GClosure *closure)
{
  UndoImport *undo = data;

  bespoke_exchange_delete_snapshot (undo->snapshot);
  g_clear_weak_pointer (&undo->parent);
  g_clear_object (&undo->store);
  g_clear_object (&undo->history);
  g_free (undo->snapshot);
  g_free (undo);
}

static void
on_undo_import_clicked_cb (AdwToast   *toast,
                           UndoImport *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo == NULL || undo->snapshot == NULL)
    return;

  /* the audit trail is kept as it is, with the undoing added */
  if (!bespoke_store_restore_keeping_audit (undo->store, undo->snapshot, _("Undid an import: the database was put back as it was before it"), &error))
    {
      show_error (undo->parent, _("The Import Could Not Be Undone"), error->message);
      return;
    }
  if (undo->history != NULL)
    bespoke_history_clear (undo->history);

  /* Undone once: the copy is no longer needed. */
  bespoke_exchange_delete_snapshot (undo->snapshot);
  g_clear_pointer (&undo->snapshot, g_free);
}

static void
on_import_toast_dismissed_cb (AdwToast   *toast,
                              UndoImport *undo)
{
  /* Too late to undo: the copy goes. */
  if (undo != NULL && undo->snapshot != NULL)
    {
      bespoke_exchange_delete_snapshot (undo->snapshot);
      g_clear_pointer (&undo->snapshot, g_free);
    }
}

/**
 * bespoke_exchange_import_toast_new:
 * @parent: (nullable): where to say so if the undo fails
 * @history: (nullable): the window's undo history, cleared by the import
 * @snapshot: the undo copy from bespoke_store_snapshot(): the toast owns it
 *   and deletes it when it is dismissed or undone
 *
 * Returns: (transfer full): a toast whose Undo puts the database back
 *   as it was in @snapshot
 */
AdwToast *
bespoke_exchange_import_toast_new (GtkWindow      *parent,
                                   BespokeStore   *store,
                                   BespokeHistory *history,
                                   const char     *snapshot,
                                   const char     *title)
{
  AdwToast *toast;
  UndoImport *undo;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (snapshot != NULL, NULL);

  undo = g_new0 (UndoImport, 1);
  undo->store = g_object_ref (store);
  undo->history = history ? g_object_ref (history) : NULL;
  undo->snapshot = g_strdup (snapshot);
  g_set_weak_pointer (&undo->parent, parent);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  /* The undo lives as long as the toast: both handlers go when it does. */
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_import_clicked_cb), undo, undo_import_free, 0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_import_toast_dismissed_cb), undo);
  return toast;
}

static void
on_imported_cb (BespokeImportDialog *dialog,
                const char          *snapshot,
                const char          *title,
                gpointer             user_data)
{
  BespokeWindow *window = user_data;
  BespokeHistory *history = bespoke_window_get_history (window);

  /* The import is not in the history: what was there no longer fits. */
  if (history != NULL)
    bespoke_history_clear (history);
  add_toast (GTK_WINDOW (window),
             bespoke_exchange_import_toast_new (GTK_WINDOW (window), bespoke_window_get_store (window),
                                                history, snapshot, title));
}

static BespokeImportDialog *
show_import_dialog (BespokeWindow *window,
                    GFile         *file,
                    const char    *path,
                    gboolean       sealed)
{
  BespokeImportDialog *dialog;

  dialog = bespoke_import_dialog_new (GTK_WINDOW (window), bespoke_window_get_store (window), file);
  gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (window)));
  /* the file chosen, not the plain text of a sealed one; noted by the
   * import's worker, off the window's thread */
  bespoke_import_dialog_set_audit_file (dialog, path, sealed);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
free_opened_cb (gpointer  data,
                GObject  *where_the_dialog_was)
{
  bespoke_seal_opened_free (data);
}

/* The sealed file is open: its plain text is previewed and imported as any
 * file is, and removed when the import's dialog goes. */
static void
on_unsealed_cb (BespokeUnsealDialog *unseal,
                BespokeSealOpened   *opened,
                gpointer             user_data)
{
  g_autoptr(GFile) plain = g_file_new_for_path (bespoke_seal_opened_get_path (opened));
  g_autofree char *path = g_file_get_path (bespoke_unseal_dialog_get_file (unseal));

  g_object_weak_ref (G_OBJECT (show_import_dialog (BESPOKE_WINDOW (user_data), plain, path, TRUE)), free_opened_cb, opened);
}

static void
show_import_preview (BespokeWindow *window,
                     GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);
  BespokeUnsealDialog *unseal;

  if (path == NULL || !bespoke_seal_is_sealed (path))
    {
      show_import_dialog (window, file, path ? path : "", FALSE);
      return;
    }
  /* sealed: the passphrase first */
  unseal = bespoke_unseal_dialog_new (GTK_WINDOW (window), file);
  gtk_window_set_application (GTK_WINDOW (unseal), gtk_window_get_application (GTK_WINDOW (window)));
  g_signal_connect_object (unseal, "opened", G_CALLBACK (on_unsealed_cb), window, 0);
  gtk_window_present (GTK_WINDOW (unseal));
}

/**
 * bespoke_exchange_open_files:
 *
 * Shows the import preview of each file, for the current window.
 */
void
bespoke_exchange_open_files (GtkApplication  *application,
                             GFile          **files,
                             int              n_files)
{
  BespokeWindow *window = current_window (application);

  if (window == NULL)
    return;
  for (int i = 0; i < n_files; i++)
    show_import_preview (window, files[i]);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *native,
                               int              response,
                               gpointer         user_data)
{
  g_autoptr(BespokeWindow) window = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        show_import_preview (window, file);
    }
  g_object_unref (native);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  BespokeWindow *window = current_window (user_data);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = bespoke_filter_new ();

  if (window == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_import_chooser_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Export ------------------------------------------------------------------ */

/**
 * bespoke_exchange_export_name:
 * @person: (nullable): the person exported, or %NULL for everything
 *
 * Returns: a file name to offer, e.g. "Paul Roberts.bespoke" or "Bespoke
 *   export 2026-11-24.bespoke"
 */
char *
bespoke_exchange_export_name (BespokePerson *person,
                              GDateTime     *now)
{
  if (person != NULL && bespoke_person_get_name (person) != NULL && *bespoke_person_get_name (person) != '\0')
    {
      g_autofree char *name = g_strdelimit (g_strdup (bespoke_person_get_name (person)), "/\\:", '-');

      return g_strconcat (name, ".bespoke", NULL);
    }
  else
    {
      g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

      /* Translators: a file name; %s is a date such as 2026-11-24 */
      return g_strdup_printf (_("Bespoke export %s.bespoke"), date);
    }
}

/**
 * bespoke_exchange_export:
 * @person: (nullable): the one person to export, or %NULL for everything
 *
 * Writes @person (or every person, menu and home) to @file.
 */
static gboolean export_to (BespokeStore *store, BespokeXmlExportScope scope, const char * const *uuids,
                           GFile *file, const char *passphrase, GError **error);

gboolean
bespoke_exchange_export (BespokeStore   *store,
                         BespokePerson  *person,
                         GFile          *file,
                         GError        **error)
{
  const char *uuids[] = { person ? bespoke_record_get_uuid (BESPOKE_RECORD (person)) : NULL, NULL };

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (person != NULL)
    return export_to (store, BESPOKE_XML_EXPORT_PEOPLE, uuids, file, NULL, error);
  return export_to (store, BESPOKE_XML_EXPORT_ALL, NULL, file, NULL, error);
}

/**
 * bespoke_exchange_export_people:
 * @uuids: the people to export, e.g. those a search found
 *
 * Writes these people, with everything of theirs, to @file.
 */
gboolean
bespoke_exchange_export_people (BespokeStore       *store,
                                const char * const *uuids,
                                GFile              *file,
                                GError            **error)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuids != NULL && uuids[0] != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return export_to (store, BESPOKE_XML_EXPORT_PEOPLE, uuids, file, NULL, error);
}

/**
 * bespoke_exchange_found_people:
 *
 * Returns: (transfer full) (nullable): the UUIDs of the people the list's
 *   search has found, or %NULL when there is no search or it found no one
 */
static gboolean
add_found_uuid (BespokePerson *person,
                gpointer       user_data)
{
  g_ptr_array_add (user_data, g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (person))));
  return TRUE;
}

char **
bespoke_exchange_found_people (BespokePeopleModel *model)
{
  g_autofree char *search = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *uuids;

  g_return_val_if_fail (BESPOKE_IS_PEOPLE_MODEL (model), NULL);

  search = g_strstrip (g_strdup (bespoke_people_model_get_search (model) ? bespoke_people_model_get_search (model) : ""));
  if (*search == '\0' || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return NULL;

  /* from the store, not the model's rows: a broad search's model may hold
   * only its first page while it is still being counted */
  uuids = g_ptr_array_new ();
  if (!bespoke_store_foreach_person (bespoke_people_model_get_store (model), bespoke_people_model_get_filter (model),
                                     search, add_found_uuid, uuids, &error))
    g_warning ("Could not list the people found: %s", error->message);
  if (uuids->len == 0)
    {
      g_ptr_array_free (uuids, TRUE);
      return NULL;
    }
  g_ptr_array_add (uuids, NULL);
  return (char **) g_ptr_array_free (uuids, FALSE);
}

static gboolean
export_to (BespokeStore           *store,
           BespokeXmlExportScope   scope,
           const char * const     *uuids,
           GFile                  *file,
           const char             *passphrase,  /* nullable: not sealed */
           GError                **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Bespoke can only export to a folder on this computer: choose a folder here instead."));
      return FALSE;
    }

  if (passphrase != NULL)
    return bespoke_seal_export (store, scope, uuids, path, passphrase, NULL, NULL, error);
  return bespoke_xml_export (store, scope, uuids, path, error);
}

typedef struct
{
  BespokeWindow *window;
  BespokePerson *person;   /* NULL for everything */
  char         **found;    /* or the people a search found */
  GFile         *replace;  /* the file the "Replace the File?" dialog asks about */
  char          *passphrase;  /* to seal with, or NULL */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->person);
  g_clear_pointer (&job->found, g_strfreev);
  g_clear_object (&job->replace);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  g_free (job);
}

static void
export_job_closure_free (gpointer  data,
                         GClosure *closure)
{
  export_job_free (data);
}

/* An export running on its thread, with its progress dialog */
typedef struct
{
  BespokeWindow         *window;
  BespokeProgressDialog *dialog;   /* weak: it goes when the export ends */
  char                 **uuids;    /* the people exported; NULL: everyone */
  char                  *path;
  char                  *basename;
  gboolean               sealed;
} ExportRun;

static void
export_run_free (ExportRun *run)
{
  g_clear_weak_pointer (&run->dialog);
  g_clear_object (&run->window);
  g_strfreev (run->uuids);
  g_free (run->path);
  g_free (run->basename);
  g_free (run);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportRun *run = user_data;
  BespokeStore *store = BESPOKE_STORE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) warning = NULL;
  /* the sync mark and the audit entry in one transaction: one wait for
   * the disk on the window's thread, not two */
  gboolean outer = bespoke_store_begin (store, NULL);

  if (run->dialog != NULL)
    bespoke_progress_dialog_done (run->dialog);
  if (bespoke_xml_export_finish (store, result, &warning, &error))
    {
      g_autofree char *title = g_strdup_printf (run->sealed ? _("Exported to “%s”, sealed") : _("Exported to “%s”"), run->basename);
      g_autoptr(GError) audit_error = NULL;

      if (warning != NULL)
        g_debug ("%s", warning->message);
      if (!bespoke_store_audit_export (store, (const char * const *) run->uuids, run->path, run->sealed, &audit_error))
        g_debug ("Could not note the export in the audit trail: %s", audit_error->message);
      add_toast (GTK_WINDOW (run->window), adw_toast_new (title));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    add_toast (GTK_WINDOW (run->window), adw_toast_new (_("Export stopped: no file was written")));
  else
    show_error (GTK_WINDOW (run->window), _("The File Could Not Be Exported"), error->message);
  if (outer && !bespoke_store_commit (store, NULL))
    bespoke_store_rollback (store);
  export_run_free (run);
}

/* Writes the file on a thread of its own, with a progress dialog and
 * Cancel; the window goes on meanwhile, and saves (the export reads a
 * snapshot of the database). */
static void
write_export (ExportJob *job,
              GFile     *file)
{
  const char *person[] = { job->person ? bespoke_record_get_uuid (BESPOKE_RECORD (job->person)) : NULL, NULL };
  g_autofree char *heading = NULL;
  g_autofree char *status = NULL;
  ExportRun *run;

  run = g_new0 (ExportRun, 1);
  run->path = g_file_get_path (file);
  if (run->path == NULL)
    {
      show_error (GTK_WINDOW (job->window), _("The File Could Not Be Exported"),
                  _("Bespoke can only export to a folder on this computer: choose a folder here instead."));
      export_run_free (run);
      return;
    }
  run->window = g_object_ref (job->window);
  run->uuids = g_strdupv (job->found ? job->found : job->person ? (char **) person : NULL);
  run->basename = g_file_get_basename (file);
  run->sealed = job->passphrase != NULL;

  if (job->person != NULL)
    /* Translators: %s is a person's name */
    heading = g_strdup_printf (_("Exporting %s"), bespoke_person_get_name (job->person));
  else
    heading = g_strdup (job->found ? _("Exporting the People Found") : _("Exporting Everyone"));
  status = g_strdup_printf (_("Writing “%s”. You can go on working: changes made from now on go in the next export."),
                            run->basename);
  run->dialog = bespoke_progress_dialog_new (GTK_WINDOW (job->window), heading, status);
  g_object_add_weak_pointer (G_OBJECT (run->dialog), (gpointer *) &run->dialog);

  bespoke_xml_export_async (bespoke_window_get_store (job->window),
                            run->uuids ? BESPOKE_XML_EXPORT_PEOPLE : BESPOKE_XML_EXPORT_ALL,
                            (const char * const *) run->uuids, run->path, job->passphrase,
                            bespoke_progress_feed_cb, bespoke_progress_feed_ref (bespoke_progress_dialog_get_feed (run->dialog)),
                            bespoke_progress_feed_unref, bespoke_progress_dialog_get_cancellable (run->dialog),
                            export_done_cb, run);
}

static void choose_export_file (BespokeWindow *window,
                                BespokePerson *person,
                                char         **found,
                                GFile         *folder,
                                const char    *name,
                                const char    *passphrase);

/* "Add .bespoke to the name?": keep the name chosen, or choose again with
 * the suffix.  Bespoke never writes a sibling the user did not choose: in
 * the Flatpak sandbox, the document portal grants only the chosen name. */
static void
on_suffix_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  ExportJob *job = user_data;

  if (g_str_equal (response, "keep"))
    write_export (job, job->replace);
  else if (g_str_equal (response, "add"))
    {
      g_autoptr(GFile) folder = g_file_get_parent (job->replace);
      g_autofree char *basename = g_file_get_basename (job->replace);
      g_autofree char *with_suffix = g_strconcat (basename, ".bespoke", NULL);

      choose_export_file (job->window, job->person, g_steal_pointer (&job->found), folder, with_suffix, job->passphrase);
    }
}

static void export_chosen (ExportJob *job,
                           GFile     *chosen);

/**
 * bespoke_exchange_export_chosen:
 * @window: the window exporting
 * @person: (nullable): the person to export, or %NULL for everything
 * @chosen: the file the user chose
 *
 * Writes exactly @chosen (the chooser has already asked about replacing
 * it); when its name lacks ".bespoke", first asks whether to add it.
 */
void
bespoke_exchange_export_chosen (GtkWindow     *window,
                                BespokePerson *person,
                                GFile         *chosen)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->window = g_object_ref (BESPOKE_WINDOW (window));
  job->person = person ? g_object_ref (person) : NULL;
  export_chosen (job, chosen);
}

static void
export_chosen (ExportJob *job,
               GFile     *chosen)
{
  g_autofree char *basename = g_file_get_basename (chosen);
  GtkWidget *dialog;

  if (basename == NULL || g_str_has_suffix (basename, ".bespoke"))
    {
      write_export (job, chosen);
      export_job_free (job);
      return;
    }

  /* The suffix is what makes the file open with Bespoke. */
  dialog = adw_message_dialog_new (GTK_WINDOW (job->window), _("Add “.bespoke” to the Name?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has no “.bespoke” at the end, so it will not open with Bespoke when someone double-clicks it. Add it and choose again, or keep the name as it is."),
                                  basename);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "keep", _("_Keep the Name"),
                                    "add", _("_Add .bespoke"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  job->replace = g_object_ref (chosen);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_suffix_response_cb), job,
                         export_job_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_chooser_response_cb (GtkNativeDialog *native,
                               int              response,
                               gpointer         user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GFile) chosen = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) == NULL)
    export_job_free (job);
  else
    export_chosen (job, chosen);
  g_object_unref (native);
}

static void
choose_export_file (BespokeWindow *window,
                    BespokePerson *person,
                    char         **found,  /* transfer full */
                    GFile         *folder,
                    const char    *name,
                    const char    *passphrase)
{
  g_autoptr(GtkFileFilter) filter = bespoke_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *default_name = name ? NULL : bespoke_exchange_export_name (person, now);
  GtkFileChooserNative *native;
  ExportJob *job;

  native = gtk_file_chooser_native_new (person ? _("Export Person") : found ? _("Export the People Found") : _("Export Everything"),
                                        GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name ? name : default_name);

  job = g_new0 (ExportJob, 1);
  job->window = g_object_ref (window);
  job->person = person ? g_object_ref (person) : NULL;
  job->found = found;
  job->passphrase = g_strdup (passphrase);
  g_signal_connect (native, "response", G_CALLBACK (on_export_chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_seal_chosen_cb (BespokeSealDialog *dialog,
                   gpointer           user_data)
{
  ExportJob *job = user_data;

  choose_export_file (job->window, job->person, g_steal_pointer (&job->found), NULL, NULL,
                      bespoke_seal_dialog_get_passphrase (dialog));
}

/* Sealed or not (sealed unless the planner says otherwise: the file holds
 * people), then the file. */
static void
ask_seal (BespokeWindow *window,
          BespokePerson *person,
          char         **found)  /* transfer full */
{
  ExportJob *job = g_new0 (ExportJob, 1);
  g_autofree char *what = NULL;
  BespokeSealDialog *dialog;

  if (person != NULL)
    what = g_strdup (bespoke_person_get_name (person));
  else if (found != NULL)
    {
      guint n = g_strv_length (found);
      g_autofree char *count = bespoke_format_count (n);

      /* Translators: %s is a count, "1,200" */
      what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %s person found", "The %s people found", n), count);
    }
  else
    what = g_strdup (_("Everyone"));
  job->window = g_object_ref (window);
  job->person = person ? g_object_ref (person) : NULL;
  job->found = found;
  dialog = bespoke_seal_dialog_new (GTK_WINDOW (window), what);
  g_signal_connect_data (dialog, "export", G_CALLBACK (on_seal_chosen_cb), job, export_job_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_scope_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  BespokeWindow *window = user_data;

  if (g_str_equal (response, "person"))
    ask_seal (window, bespoke_window_get_person (window), NULL);
  else if (g_str_equal (response, "everyone"))
    ask_seal (window, NULL, NULL);
  else if (g_str_equal (response, "found"))
    ask_seal (window, NULL, bespoke_exchange_found_people (bespoke_window_get_people_model (window)));
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  BespokeWindow *window = current_window (user_data);
  BespokePerson *person;
  g_auto(GStrv) found = NULL;
  GtkWidget *dialog;

  if (window == NULL)
    return;

  person = bespoke_window_get_person (window);
  found = bespoke_exchange_found_people (bespoke_window_get_people_model (window));
  if (person == NULL && found == NULL)
    {
      ask_seal (window, NULL, NULL);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Export Which People?"), NULL);
  if (person != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: %s is a person's name */
                                    _("Export only %s, with their profile, plans and budgets, or everyone in this database with the product menus and shared homes?"),
                                    bespoke_person_get_name (person));
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("Export the people the search found, with their profiles, plans and budgets, or everyone in this database with the product menus and shared homes?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "everyone", _("_Everyone"),
                                    NULL);
  if (found != NULL)
    {
      guint n = g_strv_length (found);
      g_autofree char *count = bespoke_format_count (n);
      /* Translators: %s is a count, "1,200" */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %s Person _Found", "The %s People _Found", n), count);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "found", label);
    }
  if (person != NULL)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "person", _("Only This _Person"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), person ? "person" : "found", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), person ? "person" : "found");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_scope_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry exchange_actions[] = {
  { "import", import_action },
  { "export", export_action },
};

/**
 * bespoke_exchange_install_actions:
 *
 * Adds app.import and app.export; called once, from the application's
 * startup.
 */
void
bespoke_exchange_install_actions (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  g_action_map_add_action_entries (G_ACTION_MAP (application), exchange_actions,
                                   G_N_ELEMENTS (exchange_actions), application);
}
