/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-preparing-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-core.h"
#include "bespoke-preparing-window.h"
#include "bespoke-progress-feed.h"
#include "bespoke-window.h"

/**
 * BespokePreparingWindow:
 *
 * What the user sees instead of the main window while a migration's
 * search index is built (bespoke_store_rebuild_search(), about a minute
 * at 100,000 people): "Preparing search for 100,000 people", with a bar
 * that says "31,200 of 100,000 people".  The rebuild runs on a GTask
 * thread, which is the only user of the store until it ends, so the main
 * loop only moves the bar (ten times a second, from a #BespokeProgressFeed).
 *
 * Closing the window cancels the rebuild: the window hides at once and
 * stays, holding the application, until the thread has rolled back; the
 * next start does it again from the beginning.
 */
struct _BespokePreparingWindow
{
  AdwWindow            parent_instance;

  BespokeStore        *store;
  guint                people;
  GCancellable        *cancellable;
  BespokeProgressFeed *feed;
  gboolean             running;
  guint                watch_id;

  AdwStatusPage       *status_page;
  GtkProgressBar      *progress_bar;
  GtkLabel            *count_label;
};

G_DEFINE_FINAL_TYPE (BespokePreparingWindow, bespoke_preparing_window, ADW_TYPE_WINDOW)

/* Closing cancels; the window goes once the thread has stopped */
static gboolean
bespoke_preparing_window_close_request (GtkWindow *window)
{
  BespokePreparingWindow *self = BESPOKE_PREPARING_WINDOW (window);

  if (!self->running)
    return FALSE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

/* Once every person is indexed, what is left is the commit */
static gboolean
watch_finishing_cb (gpointer data)
{
  BespokePreparingWindow *self = data;

  if (!bespoke_progress_feed_get_finishing (self->feed))
    return G_SOURCE_CONTINUE;
  bespoke_progress_feed_stop (self->feed);
  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Saving…"));
  self->watch_id = 0;
  return G_SOURCE_REMOVE;
}

static void
bespoke_preparing_window_dispose (GObject *object)
{
  BespokePreparingWindow *self = BESPOKE_PREPARING_WINDOW (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->feed != NULL)
    bespoke_progress_feed_stop (self->feed);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PREPARING_WINDOW);
  G_OBJECT_CLASS (bespoke_preparing_window_parent_class)->dispose (object);
}

static void
bespoke_preparing_window_finalize (GObject *object)
{
  BespokePreparingWindow *self = BESPOKE_PREPARING_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->feed, bespoke_progress_feed_unref);
  G_OBJECT_CLASS (bespoke_preparing_window_parent_class)->finalize (object);
}

static void
bespoke_preparing_window_class_init (BespokePreparingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bespoke_preparing_window_dispose;
  object_class->finalize = bespoke_preparing_window_finalize;
  window_class->close_request = bespoke_preparing_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-preparing-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokePreparingWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, BespokePreparingWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BespokePreparingWindow, count_label);
}

static void
bespoke_preparing_window_init (BespokePreparingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->feed = bespoke_progress_feed_new ();
  g_object_bind_property (self->progress_bar, "text", self->count_label, "label", G_BINDING_SYNC_CREATE);
}

/**
 * bespoke_preparing_window_new:
 * @store: opened with %BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX, its rebuild
 *   pending; nothing else may use it until the run has finished
 * @people: how many people the rebuild indexes
 *   (bespoke_store_search_rebuild_pending())
 *
 * Returns: (transfer none): the window, not yet shown
 */
BespokePreparingWindow *
bespoke_preparing_window_new (GtkApplication *application,
                              BespokeStore   *store,
                              guint           people)
{
  BespokePreparingWindow *self;
  g_autofree char *count = bespoke_format_count (people);
  g_autofree char *title = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  self = g_object_new (BESPOKE_TYPE_PREPARING_WINDOW, "application", application, NULL);
  bespoke_window_restore_size (GTK_WINDOW (self));
  self->store = g_object_ref (store);
  self->people = people;
  /* Translators: %s is a count with its commas, "100,000" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Preparing search for %s person", "Preparing search for %s people", people),
                           count);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page,
                                   _("Bespoke now finds names with or without their accents, such as Élodie. "
                                     "It is getting every name ready. This happens once, and changes nothing you have written. "
                                     "You can close Bespoke and let it finish next time."));
  return self;
}

BespokeStore *
bespoke_preparing_window_get_store (BespokePreparingWindow *self)
{
  g_return_val_if_fail (BESPOKE_IS_PREPARING_WINDOW (self), NULL);
  return self->store;
}

/* On the thread: the counts go to the feed; the last one, before the
 * commit, marks the feed as finishing */
static void
rebuild_progress_cb (guint64  done,
                     guint64  total,
                     gpointer feed)
{
  bespoke_progress_feed_cb (done == total && total > 0 ? BESPOKE_XML_PROGRESS_FINISHING : done, total, feed);
}

static void
rebuild_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BespokePreparingWindow *self = source_object;
  GError *error = NULL;

  if (bespoke_store_rebuild_search (self->store, rebuild_progress_cb, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * bespoke_preparing_window_run:
 *
 * Shows the window and builds the store's search index on a thread;
 * @callback is called on this thread when it has ended, built, failed or
 * cancelled (the window closed).  The caller then destroys the window.
 */
void
bespoke_preparing_window_run (BespokePreparingWindow *self,
                              GAsyncReadyCallback     callback,
                              gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BESPOKE_IS_PREPARING_WINDOW (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  bespoke_progress_feed_show (self->feed, self->progress_bar, _("Starting…"));
  gtk_progress_bar_set_show_text (self->progress_bar, FALSE);
  self->watch_id = g_timeout_add (100, watch_finishing_cb, self);
  gtk_window_present (GTK_WINDOW (self));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, bespoke_preparing_window_run);
  g_task_set_task_data (task, bespoke_progress_feed_ref (self->feed), bespoke_progress_feed_unref);
  g_task_run_in_thread (task, rebuild_thread);
}

gboolean
bespoke_preparing_window_run_finish (BespokePreparingWindow  *self,
                                     GAsyncResult            *result,
                                     GError                 **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->running = FALSE;
  g_clear_handle_id (&self->watch_id, g_source_remove);
  bespoke_progress_feed_stop (self->feed);
  return g_task_propagate_boolean (G_TASK (result), error);
}
