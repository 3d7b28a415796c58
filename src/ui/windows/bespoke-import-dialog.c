/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-core.h"
#include "bespoke-conflict-row.h"
#include "bespoke-gradual-model.h"
#include "bespoke-import-dialog.h"
#include "bespoke-progress-feed.h"

/**
 * BespokeImportDialog:
 *
 * The preview of an import: what a dry run of the file against the store
 * would do, in words, and one row for each record changed both here and in
 * the file, where the planner chooses which copy to keep.  "Import" takes a
 * snapshot of the database, imports, applies the choices, and emits
 * ::imported with the snapshot so that the import can be undone.  A file
 * that cannot be imported shows the importer's sentence and changes nothing.
 *
 * The dry run and the import run in a worker thread, on a connection of
 * its own to the same database file (WAL lets the window's connection go
 * on reading meanwhile), while the dialog shows how many of the file's
 * people have been read ("31,200 of 100,000 people"); closing the dialog
 * (or Cancel) stops them part-way and changes nothing.  When the import is done the
 * window's store emits ::changed for everything and ::committed, as after
 * a restore, so that what shows the database reloads.
 *
 * What a large import costs besides stays on the worker, so that the
 * window's main loop is not held when it ends (issue #13): the audit
 * entry is written there, right after the import, and the reports, which
 * hold a block for each person and change, are freed off the main thread.
 */
struct _BespokeImportDialog
{
  AdwWindow               parent_instance;

  BespokeStore           *store;
  GFile                  *file;
  BespokeXmlImportReport *report;
  char                   *summary;
  char                   *error_message;
  char                   *audit_path;    /* the file the audit trail names; NULL: no entry */
  gboolean                audit_sealed;
  GPtrArray              *rows;          /* BespokeConflictRow, one a conflict */
  GListStore             *changes;       /* GtkStringObject: the changes_list's rows' texts */
  GtkStringObject        *more_changes;  /* (nullable): its last, "And … more changes" */
  GCancellable           *cancellable;   /* of the dry run or import running, if any */
  gboolean                busy;
  gboolean                can_apply;
  gboolean                closed;

  AdwWindowTitle         *window_title;
  GtkWidget              *busy_box;
  GtkProgressBar         *progress_bar;
  BespokeProgressFeed    *feed;          /* the running job's counts */
  GtkLabel               *busy_label;
  GtkButton              *cancel_button;
  GtkButton              *import_button;
  GtkLabel               *summary_label;
  GtkLabel               *detail_label;
  GtkLabel               *error_label;
  GtkWidget              *changes_box;
  GtkListBox             *changes_list;
  GtkWidget              *conflicts_box;
  GtkListBox             *conflicts_list;
};

G_DEFINE_FINAL_TYPE (BespokeImportDialog, bespoke_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_apply (BespokeImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", self->can_apply && !self->busy);
}

/* While the worker reads or imports: @status and its counts, nothing to
 * choose and no Import; Cancel stays, to stop it. */
static void
set_busy (BespokeImportDialog *self,
          gboolean             busy,
          const char          *status)
{
  if (status != NULL)
    gtk_label_set_text (self->busy_label, status);
  gtk_widget_set_visible (self->busy_box, busy);
  if (busy && self->feed != NULL)
    bespoke_progress_feed_show (self->feed, self->progress_bar, status);
  else if (!busy && self->feed != NULL)
    bespoke_progress_feed_stop (self->feed);
  gtk_widget_set_sensitive (self->conflicts_box, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !busy);
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  update_apply (self);
}

static void
show_error (BespokeImportDialog *self,
            const char          *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_free (self->summary);
  self->summary = NULL;

  gtk_label_set_text (self->summary_label, _("This File Cannot Be Imported"));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
  gtk_label_set_text (self->detail_label, _("Nothing has been changed. Ask whoever sent the file to export it again from Bespoke, or choose another file."));
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_visible (self->conflicts_box, FALSE);
  gtk_widget_set_visible (self->changes_box, FALSE);
  self->can_apply = FALSE;
  update_apply (self);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
}

/* ---- the worker --------------------------------------------------------- */

typedef struct
{
  GWeakRef                dialog;
  BespokeStore           *store;        /* the window's, for the main thread only */
  char                   *database;     /* its file, for the worker's own connection */
  char                   *path;         /* the file to import */
  gboolean                dry_run;
  GHashTable             *take_theirs;  /* UUIDs of the conflicts to take the file's copy of */
  BespokeXmlImportReport *report;       /* the dry run's; the import's is freed on the worker */
  char                   *snapshot;     /* the undo copy, until ::imported hands it on */
  BespokeProgressFeed    *feed;         /* told how many people are read */
  guint                   people;       /* imported: every person in the file */
  char                   *audit_path;   /* imported: noted in the audit trail, unless NULL */
  gboolean                audit_sealed;
  char                   *audit_summary;
  guint                   audit_conflicts;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (&job->dialog);
  g_clear_object (&job->store);
  g_free (job->database);
  g_free (job->path);
  g_clear_pointer (&job->take_theirs, g_hash_table_unref);
  /* a dry run no one waited for: its report may be large */
  g_clear_pointer (&job->report, bespoke_xml_import_report_free_in_thread);
  g_clear_pointer (&job->feed, bespoke_progress_feed_unref);
  g_free (job->audit_path);
  g_free (job->audit_summary);
  /* not handed on by ::imported: no one can undo with it */
  if (job->snapshot != NULL && !bespoke_store_delete_database_files (job->snapshot, &error))
    g_debug ("Could not delete the undo copy: %s", error->message);
  g_free (job->snapshot);
  g_free (job);
}

/* The import is done: what the window needs of its report, and the audit
 * entry, here on the worker; then the report goes, on the worker too. */
static void
finish_import (ImportJob    *job,
               BespokeStore *store)
{
  BespokeXmlImportReport *report = job->report;
  g_autoptr(GError) error = NULL;

  /* every person in the file: new, updated, already here, or in conflict */
  job->people = report->added[BESPOKE_XML_KIND_PERSON] + report->updated[BESPOKE_XML_KIND_PERSON] +
                report->unchanged[BESPOKE_XML_KIND_PERSON];
  for (guint i = 0; i < report->conflicts->len; i++)
    if (g_str_equal (((BespokeXmlConflict *) report->conflicts->pdata[i])->element, "person"))
      job->people++;
  g_clear_pointer (&job->report, bespoke_xml_import_report_free);

  if (job->audit_path != NULL &&
      !bespoke_store_audit_import (store, job->audit_path, job->audit_sealed, job->audit_summary,
                                   job->audit_conflicts, &error))
    g_debug ("Could not note the import in the audit trail: %s", error->message);
}

/* The dry run; or the snapshot, the import and the file's copy of each
 * conflict chosen, all undone if any of it fails or is cancelled. */
static gboolean
run_job (ImportJob     *job,
         BespokeStore  *store,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GError) restore_error = NULL;

  if (job->dry_run)
    {
      job->report = bespoke_xml_import_with_progress (store, job->path, BESPOKE_XML_IMPORT_DRY_RUN, cancellable, NULL,
                                                      bespoke_progress_feed_cb, job->feed, error);
      return job->report != NULL;
    }

  job->snapshot = bespoke_store_snapshot (store, error);
  if (job->snapshot == NULL)
    return FALSE;
  job->report = bespoke_xml_import_with_progress (store, job->path, BESPOKE_XML_IMPORT_DEFAULT, cancellable, NULL,
                                                  bespoke_progress_feed_cb, job->feed, error);
  if (job->report == NULL)
    return FALSE;  /* rolled back: nothing changed */

  for (guint i = 0; i < job->report->conflicts->len; i++)
    {
      BespokeXmlConflict *conflict = job->report->conflicts->pdata[i];

      /* Keep Ours is saved again too, so that the choice travels with the
       * next file from here (issue #13) */
      if (g_hash_table_contains (job->take_theirs, conflict->uuid)
          ? !bespoke_xml_conflict_use_file_version (store, conflict, error)
          : !bespoke_xml_conflict_keep_database_version (store, conflict, error))
        goto undo;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto undo;
  finish_import (job, store);
  return TRUE;

undo:
  if (!bespoke_store_restore (store, job->snapshot, &restore_error))
    g_warning ("Could not undo a failed import: %s", restore_error->message);
  return FALSE;
}

/* Tests only (tests/test-import-dialog.c): a hook that runs in the worker
 * thread when a job has run, before its answer reaches the main thread, so
 * that a test can act at that moment without sleeping. */
static void (*worker_done_hook) (gpointer data);
static gpointer worker_done_data;

void
bespoke_import_dialog_set_worker_done_hook (void     (*hook) (gpointer data),
                                            gpointer   data)
{
  worker_done_hook = hook;
  worker_done_data = data;
}

static void
import_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportJob *job = task_data;
  BespokeStore *store;
  GError *error = NULL;
  gboolean ok;

  store = bespoke_store_open (job->database, &error);
  ok = store != NULL && run_job (job, store, cancellable, &error);
  /* closed here, before the main thread hears of it */
  g_clear_object (&store);
  if (worker_done_hook != NULL)
    worker_done_hook (worker_done_data);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_job (BespokeImportDialog *self,
           gboolean             dry_run,
           GHashTable          *take_theirs,
           GAsyncReadyCallback  callback)
{
  ImportJob *job = g_new0 (ImportJob, 1);
  g_autoptr(GTask) task = NULL;

  g_weak_ref_init (&job->dialog, self);
  job->store = g_object_ref (self->store);
  job->database = g_strdup (bespoke_store_get_path (self->store));
  job->path = g_file_get_path (self->file);
  job->dry_run = dry_run;
  job->take_theirs = take_theirs != NULL ? g_hash_table_ref (take_theirs) : NULL;
  if (!dry_run)
    {
      job->audit_path = g_strdup (self->audit_path);
      job->audit_sealed = self->audit_sealed;
      job->audit_summary = g_strdup (self->summary);
      job->audit_conflicts = bespoke_import_dialog_get_n_conflicts (self);
    }
  if (self->feed != NULL)
    bespoke_progress_feed_stop (self->feed);
  g_clear_pointer (&self->feed, bespoke_progress_feed_unref);
  self->feed = bespoke_progress_feed_new ();
  job->feed = bespoke_progress_feed_ref (self->feed);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE, dry_run ? _("Reading the file…") : _("Importing…"));

  /* No source object: closing the dialog drops it and cancels the job. */
  task = g_task_new (NULL, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, import_job_free);
  /* the worker's own answer, even if the dialog was closed meanwhile: an
   * import that finished just before is then put back (see
   * on_import_done_cb), not mistaken for one that was stopped */
  g_task_set_check_cancellable (task, FALSE);

  if (g_str_equal (job->database, ":memory:"))
    {
      /* another connection would be another, empty, database */
      GError *error = NULL;

      if (run_job (job, self->store, self->cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
    }
  else
    g_task_run_in_thread (task, import_thread_cb);
}

/* ---- the preview -------------------------------------------------------- */

/* A file of 100,000 people brings hundreds of thousands of changes: a row
 * each froze the window for minutes, building and then measuring them */
#define MAX_CHANGE_ROWS 50
G_STATIC_ASSERT (MAX_CHANGE_ROWS <= BESPOKE_XML_IMPORT_CHANGES_KEPT);

/* The rows come this many a frame (a BespokeGradualModel between the texts
 * and the list): building and measuring all 50 at once held the window
 * 45-60 ms as the dry run of 20,000 people ended (issue #13) */
#define CHANGE_ROWS_A_FRAME 10

static GtkWidget *
change_row_create_cb (gpointer item,
                      gpointer user_data)
{
  BespokeImportDialog *self = user_data;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_string_object_get_string (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, item == (gpointer) self->more_changes ? "more-changes" : "change");
  return row;
}

/* What the import adds and updates, by person (provider, home) and kind,
 * as the core counted it: "1 statement updated for Paul Roberts"; the
 * first MAX_CHANGE_ROWS, then how many more */
static void
show_changes (BespokeImportDialog *self)
{
  GPtrArray *changes = self->report->changes;
  guint kept = changes != NULL ? changes->len : 0;
  guint n = self->report->n_changes;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < MIN (kept, MAX_CHANGE_ROWS); i++)
    {
      g_autofree char *text = bespoke_xml_change_describe (g_ptr_array_index (changes, i));

      g_ptr_array_add (texts, gtk_string_object_new (text));
    }
  g_clear_object (&self->more_changes);
  if (n > MAX_CHANGE_ROWS)
    {
      g_autofree char *count = bespoke_format_count (n - MAX_CHANGE_ROWS);
      /* Translators: %s is a count, "19,950" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more change", "And %s more changes",
                                                            n - MAX_CHANGE_ROWS),
                                               count);

      self->more_changes = gtk_string_object_new (text);
      g_ptr_array_add (texts, g_object_ref (self->more_changes));
    }
  g_list_store_splice (self->changes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->changes)),
                       texts->pdata, texts->len);
  gtk_widget_set_visible (self->changes_box, n > 0);
}

static void
show_report (BespokeImportDialog *self)
{
  guint people, updated = 0, added = 0;
  g_autofree char *detail = NULL;

  self->summary = bespoke_xml_import_report_summary (self->report);
  people = self->report->added[BESPOKE_XML_KIND_PERSON];
  for (guint k = 0; k < BESPOKE_XML_N_KINDS; k++)
    {
      added += self->report->added[k];
      updated += self->report->updated[k];
    }

  {
    guint conflicts = self->report->conflicts->len;
    g_autofree char *n_people = bespoke_format_count (people);
    g_autofree char *n_updated = bespoke_format_count (updated);
    g_autofree char *n_conflicts = bespoke_format_count (conflicts);
    /* Translators: %s is a count, "3,000" */
    g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s new person", "%s new people", people), n_people);
    g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s record updated", "%s records updated", updated), n_updated);
    g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conflict", "%s conflicts", conflicts), n_conflicts);
    g_autofree char *headline = NULL;

    /* Translators: "3 new people, 1 record updated, 1 conflict" */
    headline = g_strdup_printf (_("%s, %s, %s"), a, b, c);
    headline[0] = g_ascii_toupper (headline[0]);
    gtk_label_set_text (self->summary_label, headline);
    gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
  }

  if (added == 0 && updated == 0 && self->report->conflicts->len == 0)
    {
      /* Nothing to import: nothing to choose either. */
      detail = g_strdup (_("Everything in this file is already here. Importing it would change nothing."));
      self->can_apply = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
      gtk_button_set_label (self->cancel_button, _("_Close"));
    }
  else
    {
      self->can_apply = TRUE;
      if (added == 0)
        detail = g_strdup (_("Nothing is changed until you choose Import, and the import can be undone."));
      else
        {
          g_autofree char *n_added = bespoke_format_count (added);

          /* Translators: %s is a count, "93,005" */
          detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s new record in all, counting profiles, plans and budgets. Nothing is changed until you choose Import, and the import can be undone.",
                                                 "%s new records in all, counting profiles, plans and budgets. Nothing is changed until you choose Import, and the import can be undone.",
                                                 added),
                                    n_added);
        }
    }
  gtk_label_set_text (self->detail_label, detail);
  update_apply (self);
  show_changes (self);

  for (guint i = 0; i < self->report->conflicts->len; i++)
    {
      GtkWidget *row = bespoke_conflict_row_new (self->store, self->report->conflicts->pdata[i]);

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->conflicts_list, row);
    }
  gtk_widget_set_visible (self->conflicts_box, self->report->conflicts->len > 0);
}

static void
preview_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = G_TASK (result);
  ImportJob *job = g_task_get_task_data (task);
  /* let go here, on the main thread: the worker may drop the task last */
  g_autoptr(BespokeStore) store = g_steal_pointer (&job->store);
  g_autoptr(BespokeImportDialog) self = g_weak_ref_get (&job->dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);

  if (self == NULL || self->closed || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      if (self != NULL && self->busy)
        {
          self->busy = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
        }
      return;
    }

  set_busy (self, FALSE, NULL);
  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  self->report = g_steal_pointer (&job->report);
  show_report (self);
}

/* Starts the dry run; the preview fills in when it is done. */
static void
preview (BespokeImportDialog *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *basename = g_file_get_basename (self->file);

  adw_window_title_set_subtitle (self->window_title, basename);

  if (path == NULL)
    {
      show_error (self, _("Only files on this computer can be imported: copy the file to a folder here first."));
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  start_job (self, TRUE, NULL, preview_done_cb);
}

/* ---- the import --------------------------------------------------------- */

static void
apply_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = G_TASK (result);
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(BespokeStore) store = g_steal_pointer (&job->store);
  g_autoptr(BespokeImportDialog) self = g_weak_ref_get (&job->dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);
  gboolean cancelled = g_cancellable_is_cancelled (g_task_get_cancellable (task));
  g_autofree char *title = NULL;

  /* imported, undone, or part of it written and put back: either way the
   * window's connection has not seen it */
  if (!g_str_equal (job->database, ":memory:"))
    bespoke_store_changed_elsewhere (store);

  if (ok && cancelled)
    {
      /* closed after the worker last looked: put the database back */
      g_autoptr(GError) restore_error = NULL;

      if (!bespoke_store_restore (store, job->snapshot, &restore_error))
        g_warning ("Could not undo a cancelled import: %s", restore_error->message);
      ok = FALSE;
    }

  if (self == NULL || self->closed || cancelled)
    {
      if (self != NULL && self->busy)
        {
          self->busy = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
        }
      return;
    }

  set_busy (self, FALSE, NULL);
  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  {
    g_autofree char *count = bespoke_format_count (job->people);

    /* Translators: %s is a count, "20,011" */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s person", "Imported %s people", job->people),
                             count);
  }
  {
    g_autofree char *snapshot = g_steal_pointer (&job->snapshot);

    g_signal_emit (self, signals[IMPORTED], 0, snapshot, title);
  }
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * bespoke_import_dialog_apply:
 *
 * Starts the import, in a worker thread: snapshot first, then the import,
 * then the file's copy of each conflict the planner chose.  On success
 * emits ::imported with the snapshot (whoever handles it owns the file)
 * and closes the dialog; on failure the database is put back as it was
 * and the dialog says why.  #BespokeImportDialog:busy is %TRUE meanwhile.
 */
void
bespoke_import_dialog_apply (BespokeImportDialog *self)
{
  g_autoptr(GHashTable) take_theirs = NULL;

  g_return_if_fail (BESPOKE_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->report != NULL);
  g_return_if_fail (!self->busy);

  take_theirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    if (bespoke_conflict_row_get_choice (self->rows->pdata[i]) == BESPOKE_IMPORT_TAKE_THEIRS)
      g_hash_table_add (take_theirs, g_strdup (bespoke_conflict_row_get_uuid (self->rows->pdata[i])));

  start_job (self, FALSE, take_theirs, apply_done_cb);
}

static void
import_apply_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BespokeImportDialog *self = BESPOKE_IMPORT_DIALOG (widget);

  if (self->report != NULL && self->can_apply && !self->busy)
    bespoke_import_dialog_apply (self);
}

/**
 * bespoke_import_dialog_get_busy:
 *
 * Returns: %TRUE while the dry run or the import is running
 */
gboolean
bespoke_import_dialog_get_busy (BespokeImportDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

/**
 * bespoke_import_dialog_set_audit_file:
 * @path: the file the planner chose (a sealed file's, not its plain text)
 * @sealed: whether that file was sealed
 *
 * Has the import, when it is done, noted in the audit trail with @path,
 * its summary and its conflicts (bespoke_store_audit_import()).  It is
 * written by the worker, right after the import and before the window
 * hears of it.  Without it no entry is written.
 */
void
bespoke_import_dialog_set_audit_file (BespokeImportDialog *self,
                                      const char          *path,
                                      gboolean             sealed)
{
  g_return_if_fail (BESPOKE_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->audit_path);
  self->audit_path = g_strdup (path);
  self->audit_sealed = sealed;
}

/**
 * bespoke_import_dialog_get_summary:
 *
 * Returns: (nullable): what the import would do, e.g. "3 new people, 1
 *   updated, 1 conflict (…)", or %NULL if the file cannot be imported
 */
const char *
bespoke_import_dialog_get_summary (BespokeImportDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_IMPORT_DIALOG (self), NULL);
  return self->summary;
}

/**
 * bespoke_import_dialog_get_error:
 *
 * Returns: (nullable): the sentence saying why the file cannot be imported
 */
const char *
bespoke_import_dialog_get_error (BespokeImportDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_IMPORT_DIALOG (self), NULL);
  return self->error_message;
}

guint
bespoke_import_dialog_get_n_conflicts (BespokeImportDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_IMPORT_DIALOG (self), 0);
  return self->report != NULL ? self->report->conflicts->len : 0;
}

/**
 * bespoke_import_dialog_get_choice_button:
 *
 * Returns: (transfer none): the toggle button that makes @choice for the
 *   conflict at @index
 */
GtkWidget *
bespoke_import_dialog_get_choice_button (BespokeImportDialog *self,
                                         guint                index,
                                         BespokeImportChoice  choice)
{
  g_return_val_if_fail (BESPOKE_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return bespoke_conflict_row_get_button (self->rows->pdata[index], choice);
}

BespokeImportChoice
bespoke_import_dialog_get_choice (BespokeImportDialog *self,
                                  guint                index)
{
  g_return_val_if_fail (BESPOKE_IS_IMPORT_DIALOG (self), BESPOKE_IMPORT_KEEP_OURS);
  g_return_val_if_fail (index < self->rows->len, BESPOKE_IMPORT_KEEP_OURS);

  return bespoke_conflict_row_get_choice (self->rows->pdata[index]);
}

static gboolean
bespoke_import_dialog_close_request (GtkWindow *window)
{
  BespokeImportDialog *self = BESPOKE_IMPORT_DIALOG (window);

  /* Cancel: whatever is running stops, and changes nothing */
  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (bespoke_import_dialog_parent_class)->close_request (window);
}

static void
bespoke_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BespokeImportDialog *self = BESPOKE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_import_dialog_dispose (GObject *object)
{
  BespokeImportDialog *self = BESPOKE_IMPORT_DIALOG (object);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->feed != NULL)
    bespoke_progress_feed_stop (self->feed);
  g_clear_pointer (&self->feed, bespoke_progress_feed_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), BESPOKE_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (bespoke_import_dialog_parent_class)->dispose (object);
}

static void
bespoke_import_dialog_finalize (GObject *object)
{
  BespokeImportDialog *self = BESPOKE_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  /* after dispose: the conflict rows that showed its records are gone */
  g_clear_pointer (&self->report, bespoke_xml_import_report_free_in_thread);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->audit_path, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->changes);
  g_clear_object (&self->more_changes);
  G_OBJECT_CLASS (bespoke_import_dialog_parent_class)->finalize (object);
}

static void
bespoke_import_dialog_class_init (BespokeImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = bespoke_import_dialog_get_property;
  object_class->dispose = bespoke_import_dialog_dispose;
  object_class->finalize = bespoke_import_dialog_finalize;
  window_class->close_request = bespoke_import_dialog_close_request;

  /**
   * BespokeImportDialog:busy:
   *
   * Whether the dry run or the import is running in its worker thread.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BespokeImportDialog::imported:
   * @snapshot: the undo copy of the database from before the import; the
   *   handler owns the file and deletes it when it is no longer needed
   * @title: e.g. "Imported 11 people"
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, busy_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, detail_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, changes_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, changes_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeImportDialog, conflicts_list);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, import_apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bespoke_import_dialog_init (BespokeImportDialog *self)
{
  g_autoptr(BespokeGradualModel) shown = NULL;

  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->changes = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  shown = bespoke_gradual_model_new (G_LIST_MODEL (self->changes), CHANGE_ROWS_A_FRAME);
  gtk_list_box_bind_model (self->changes_list, G_LIST_MODEL (shown), change_row_create_cb, self, NULL);
}

/**
 * bespoke_import_dialog_new:
 * @parent: (nullable): the window the import is for
 * @file: the file to import
 *
 * Makes the preview of importing @file into @store, starting a dry run
 * at once in a worker thread; present it with gtk_window_present().  The
 * preview fills in when #BespokeImportDialog:busy turns %FALSE.
 */
BespokeImportDialog *
bespoke_import_dialog_new (GtkWindow    *parent,
                           BespokeStore *store,
                           GFile        *file)
{
  BespokeImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (BESPOKE_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  preview (self);
  return self;
}
