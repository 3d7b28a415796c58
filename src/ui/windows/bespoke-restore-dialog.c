/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-restore-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-core.h"
#include "bespoke-restore-dialog.h"

/*
 * Restore from Backup…: the database's backups, newest first, each with
 * its date and what it holds (bespoke_backup_preview()).  Choosing one
 * asks once more, saying what will happen, and emits ::chosen with its
 * path; whoever handles it restores (bespoke_store_restore_backup()) and
 * offers the undo.
 */

struct _BespokeRestoreDialog
{
  AdwWindow   parent_instance;

  GtkStack   *stack;
  GtkListBox *list_box;

  GPtrArray  *paths;      /* char*, newest first */
  GPtrArray  *summaries;  /* char*: "Saturday 5 December 2026, 16:58 — 9 people, …" */
};

G_DEFINE_FINAL_TYPE (BespokeRestoreDialog, bespoke_restore_dialog, ADW_TYPE_WINDOW)

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
format_when (gint64 taken_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (taken_at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  /* Translators: a backup's date and time, e.g. "Saturday 5 December 2026, 16:58" */
  return g_date_time_format (local, _("%A %-d %B %Y, %H:%M"));
}

static void
on_confirm_response_cb (AdwMessageDialog     *dialog,
                        const char           *response,
                        BespokeRestoreDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  if (!g_str_equal (response, "restore") || row == NULL)
    return;
  g_object_ref (self);
  g_signal_emit (self, signals[CHOSEN], 0, self->paths->pdata[gtk_list_box_row_get_index (row)]);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_row_activated_cb (GtkListBox           *box,
                     GtkListBoxRow        *row,
                     BespokeRestoreDialog *self)
{
  guint index = (guint) gtk_list_box_row_get_index (row);
  GtkWidget *dialog;

  gtk_list_box_select_row (box, row);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Bespoke will be put back as it was then (%s). What has changed since will be undone. A backup of Bespoke as it is now is taken first, so the restore can be undone too."),
                                  (const char *) self->summaries->pdata[index]);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load (BespokeRestoreDialog *self,
      BespokeStore         *store,
      const char           *dir)
{
  g_autoptr(GPtrArray) backups = bespoke_backup_list (dir, bespoke_store_get_path (store), NULL);

  for (guint i = 0; i < backups->len; i++)
    {
      BespokeBackupInfo *info = backups->pdata[i];
      BespokeBackupPreview preview;
      g_autofree char *when = NULL;
      g_autofree char *counts = NULL;
      GtkWidget *row;

      if (!bespoke_backup_preview (info->path, &preview, NULL))
        continue;
      when = format_when (info->taken_at);
      counts = bespoke_backup_preview_counts (&preview);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), counts);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->list_box, row);
      g_ptr_array_add (self->paths, g_strdup (info->path));
      g_ptr_array_add (self->summaries, g_strdup_printf ("%s: %s", when, counts));
    }
  gtk_stack_set_visible_child_name (self->stack, self->paths->len > 0 ? "list" : "empty");
}

static void
bespoke_restore_dialog_finalize (GObject *object)
{
  BespokeRestoreDialog *self = BESPOKE_RESTORE_DIALOG (object);

  g_ptr_array_unref (self->paths);
  g_ptr_array_unref (self->summaries);
  G_OBJECT_CLASS (bespoke_restore_dialog_parent_class)->finalize (object);
}

static void
bespoke_restore_dialog_class_init (BespokeRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bespoke_restore_dialog_finalize;

  /**
   * BespokeRestoreDialog::chosen:
   * @path: the backup to restore
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeRestoreDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeRestoreDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bespoke_restore_dialog_init (BespokeRestoreDialog *self)
{
  self->paths = g_ptr_array_new_with_free_func (g_free);
  self->summaries = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bespoke_restore_dialog_new:
 * @dir: the backups folder
 */
BespokeRestoreDialog *
bespoke_restore_dialog_new (GtkWindow    *parent,
                            BespokeStore *store,
                            const char   *dir)
{
  BespokeRestoreDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  self = g_object_new (BESPOKE_TYPE_RESTORE_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  load (self, store, dir);
  return self;
}

guint
bespoke_restore_dialog_get_n_backups (BespokeRestoreDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_RESTORE_DIALOG (self), 0);
  return self->paths->len;
}

/* "Saturday 5 December 2026, 16:58: 9 people, 2 staff, 3 plans, 1 shared home" */
const char *
bespoke_restore_dialog_get_summary (BespokeRestoreDialog *self,
                                    guint                 index)
{
  g_return_val_if_fail (BESPOKE_IS_RESTORE_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->summaries->len, NULL);
  return self->summaries->pdata[index];
}

/* As activating the row: asks to confirm */
void
bespoke_restore_dialog_choose (BespokeRestoreDialog *self,
                               guint                 index)
{
  g_return_if_fail (BESPOKE_IS_RESTORE_DIALOG (self));
  on_row_activated_cb (self->list_box, gtk_list_box_get_row_at_index (self->list_box, (int) index), self);
}
