/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-progress-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-progress-dialog.h"

/**
 * BespokeProgressDialog:
 *
 * A long export's progress: what is being done, a bar with counts
 * ("31,200 of 100,000 people", from a #BespokeProgressFeed that the worker
 * thread fills) and Cancel.  Cancel (or Escape, or closing the window)
 * cancels the dialog's #GCancellable; the dialog stays, saying it is
 * stopping, until the job calls bespoke_progress_dialog_done().  Once the
 * job says it is finishing (sealing the file), Cancel can no longer stop
 * it and is turned off.
 */
struct _BespokeProgressDialog
{
  AdwWindow            parent_instance;

  GCancellable        *cancellable;
  BespokeProgressFeed *feed;
  gboolean             done;
  guint                watch_id;

  AdwWindowTitle      *window_title;
  GtkLabel            *status_label;
  GtkProgressBar      *progress_bar;
  GtkButton           *cancel_button;
};

G_DEFINE_FINAL_TYPE (BespokeProgressDialog, bespoke_progress_dialog, ADW_TYPE_WINDOW)

static void
cancel (BespokeProgressDialog *self)
{
  if (g_cancellable_is_cancelled (self->cancellable) || bespoke_progress_feed_get_finishing (self->feed))
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_label_set_text (self->status_label, _("Stopping… Nothing will be left behind."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.cancel", FALSE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cancel (BESPOKE_PROGRESS_DIALOG (widget));
}

/* Closing the window is Cancel: it goes once the job has stopped */
static gboolean
bespoke_progress_dialog_close_request (GtkWindow *window)
{
  BespokeProgressDialog *self = BESPOKE_PROGRESS_DIALOG (window);

  if (self->done)
    return FALSE;
  cancel (self);
  return TRUE;
}

/* Once the file is being sealed, Cancel can no longer stop it */
static gboolean
watch_finishing_cb (gpointer data)
{
  BespokeProgressDialog *self = data;

  if (!bespoke_progress_feed_get_finishing (self->feed))
    return G_SOURCE_CONTINUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.cancel", FALSE);
  gtk_progress_bar_set_text (self->progress_bar, _("Sealing the file…"));
  bespoke_progress_feed_stop (self->feed);
  self->watch_id = 0;
  return G_SOURCE_REMOVE;
}

static void
bespoke_progress_dialog_dispose (GObject *object)
{
  BespokeProgressDialog *self = BESPOKE_PROGRESS_DIALOG (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->feed != NULL)
    bespoke_progress_feed_stop (self->feed);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PROGRESS_DIALOG);
  G_OBJECT_CLASS (bespoke_progress_dialog_parent_class)->dispose (object);
}

static void
bespoke_progress_dialog_finalize (GObject *object)
{
  BespokeProgressDialog *self = BESPOKE_PROGRESS_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->feed, bespoke_progress_feed_unref);
  G_OBJECT_CLASS (bespoke_progress_dialog_parent_class)->finalize (object);
}

static void
bespoke_progress_dialog_class_init (BespokeProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bespoke_progress_dialog_dispose;
  object_class->finalize = bespoke_progress_dialog_finalize;
  window_class->close_request = bespoke_progress_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeProgressDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeProgressDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProgressDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BespokeProgressDialog, cancel_button);

  gtk_widget_class_install_action (widget_class, "progress.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "progress.cancel", NULL);
}

static void
bespoke_progress_dialog_init (BespokeProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->feed = bespoke_progress_feed_new ();
}

/**
 * bespoke_progress_dialog_new:
 * @title: what is being done, e.g. "Exporting Everyone"
 * @status: a sentence under it, e.g. where the file goes
 *
 * Returns: (transfer none): the dialog, shown; it destroys itself after
 *   bespoke_progress_dialog_done()
 */
BespokeProgressDialog *
bespoke_progress_dialog_new (GtkWindow  *parent,
                             const char *title,
                             const char *status)
{
  BespokeProgressDialog *self = g_object_new (BESPOKE_TYPE_PROGRESS_DIALOG,
                                              "transient-for", parent,
                                              "title", title,
                                              NULL);

  adw_window_title_set_title (self->window_title, title);
  gtk_label_set_text (self->status_label, status);
  bespoke_progress_feed_show (self->feed, self->progress_bar, _("Starting…"));
  self->watch_id = g_timeout_add (100, watch_finishing_cb, self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

GCancellable *
bespoke_progress_dialog_get_cancellable (BespokeProgressDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROGRESS_DIALOG (self), NULL);
  return self->cancellable;
}

/**
 * bespoke_progress_dialog_get_feed:
 *
 * Returns: (transfer none): the feed to pass, with a reference, as the
 *   job's progress data (bespoke_progress_feed_cb())
 */
BespokeProgressFeed *
bespoke_progress_dialog_get_feed (BespokeProgressDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROGRESS_DIALOG (self), NULL);
  return self->feed;
}

/* The job has ended, one way or the other: the dialog goes */
void
bespoke_progress_dialog_done (BespokeProgressDialog *self)
{
  g_return_if_fail (BESPOKE_IS_PROGRESS_DIALOG (self));
  self->done = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}
