/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-unseal-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-core.h"
#include "bespoke-unseal-dialog.h"

/*
 * A sealed file is being imported: ask for its passphrase, and open it
 * (bespoke_seal_open(): the key takes about a second, the file as long as
 * it is) in a worker thread.  A wrong passphrase or a damaged file is said
 * in the dialog, which stays open to try again; once the file is open,
 * ::opened hands over the plain text and the dialog closes.
 */

struct _BespokeUnsealDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkLabel            *intro_label;
  AdwPasswordEntryRow *passphrase_row;
  GtkLabel            *error_label;
  GtkBox              *busy_box;
  GtkSpinner          *spinner;

  GFile               *file;
  GCancellable        *cancellable;
  char                *error_message;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (BespokeUnsealDialog, bespoke_unseal_dialog, ADW_TYPE_WINDOW)

enum { OPENED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  char              *path;
  char              *passphrase;
  BespokeSealOpened *opened;
} OpenJob;

static void
open_job_free (gpointer data)
{
  OpenJob *job = data;

  g_free (job->path);
  if (job->passphrase != NULL)
    {
      memset (job->passphrase, 0, strlen (job->passphrase));
      g_free (job->passphrase);
    }
  g_clear_pointer (&job->opened, bespoke_seal_opened_free);
  g_free (job);
}

static void
open_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;

  job->opened = bespoke_seal_open (job->path, job->passphrase, &error);
  if (job->opened == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_busy (BespokeUnsealDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_box), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unseal.open", !busy);
}

static void
open_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BespokeUnsealDialog) self = user_data;
  GTask *task = G_TASK (result);
  OpenJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        return;
      set_busy (self, FALSE);
      g_free (self->error_message);
      self->error_message = g_strdup (error->message);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_busy (self, FALSE);
  g_signal_emit (self, signals[OPENED], 0, g_steal_pointer (&job->opened));
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * bespoke_unseal_dialog_open:
 *
 * Opens the file with @passphrase in a worker thread, as the Open button
 * does.
 */
void
bespoke_unseal_dialog_open (BespokeUnsealDialog *self,
                            const char          *passphrase)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  g_return_if_fail (BESPOKE_IS_UNSEAL_DIALOG (self));
  g_return_if_fail (passphrase != NULL);

  if (self->busy)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_clear_pointer (&self->error_message, g_free);
  job = g_new0 (OpenJob, 1);
  job->path = g_file_get_path (self->file);
  job->passphrase = g_strdup (passphrase);
  task = g_task_new (NULL, self->cancellable, open_done_cb, g_object_ref (self));
  g_task_set_task_data (task, job, open_job_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, open_thread_cb);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BespokeUnsealDialog *self = BESPOKE_UNSEAL_DIALOG (widget);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  if (*passphrase == '\0')
    {
      gtk_label_set_text (self->error_label, _("Type the passphrase the file was sealed with."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  bespoke_unseal_dialog_open (self, passphrase);
}

static void
bespoke_unseal_dialog_dispose (GObject *object)
{
  BespokeUnsealDialog *self = BESPOKE_UNSEAL_DIALOG (object);

  /* a worker still opening keeps its job, and frees what it opened */
  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (bespoke_unseal_dialog_parent_class)->dispose (object);
}

static void
bespoke_unseal_dialog_finalize (GObject *object)
{
  BespokeUnsealDialog *self = BESPOKE_UNSEAL_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_free (self->error_message);
  G_OBJECT_CLASS (bespoke_unseal_dialog_parent_class)->finalize (object);
}

static void
bespoke_unseal_dialog_class_init (BespokeUnsealDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_unseal_dialog_dispose;
  object_class->finalize = bespoke_unseal_dialog_finalize;

  /**
   * BespokeUnsealDialog::opened:
   * @opened: (transfer full): the plain text (a #BespokeSealOpened): the
   *   handler owns it, and frees it once it has been read
   */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-unseal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeUnsealDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeUnsealDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeUnsealDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeUnsealDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeUnsealDialog, busy_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeUnsealDialog, spinner);

  gtk_widget_class_install_action (widget_class, "unseal.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bespoke_unseal_dialog_init (BespokeUnsealDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bespoke_unseal_dialog_new:
 * @file: a sealed file (bespoke_seal_is_sealed())
 *
 * Present it with gtk_window_present().
 */
BespokeUnsealDialog *
bespoke_unseal_dialog_new (GtkWindow *parent,
                           GFile     *file)
{
  BespokeUnsealDialog *self;
  g_autofree char *basename = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (BESPOKE_TYPE_UNSEAL_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->file = g_object_ref (file);
  basename = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, basename);
  /* Translators: %s is a file name */
  intro = g_strdup_printf (_("“%s” is sealed. Type the passphrase it was sealed with: whoever sent the file can tell you it."), basename);
  gtk_label_set_text (self->intro_label, intro);
  return self;
}

/* The sentence saying why the file could not be opened, or %NULL */
const char *
bespoke_unseal_dialog_get_error (BespokeUnsealDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_UNSEAL_DIALOG (self), NULL);
  return self->error_message;
}

/* The sealed file */
GFile *
bespoke_unseal_dialog_get_file (BespokeUnsealDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_UNSEAL_DIALOG (self), NULL);
  return self->file;
}

gboolean
bespoke_unseal_dialog_get_busy (BespokeUnsealDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_UNSEAL_DIALOG (self), FALSE);
  return self->busy;
}
