/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-spreadsheet-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bespoke-spreadsheet.h"
#include "bespoke-spreadsheet-chooser.h"

/*
 * "Export … as Spreadsheet…": a save chooser (the portal's, in a sandbox)
 * for a spreadsheet already made by the core, written to exactly the name
 * chosen.  Used by the Budget page and the shared homes' ISF table.
 */

typedef struct
{
  GtkWindow *parent;
  GBytes    *bytes;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->parent);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
on_response_cb (GtkNativeDialog *native,
                int              response,
                gpointer         user_data)
{
  SaveJob *job = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL &&
      !bespoke_spreadsheet_write (job->bytes, file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (job->parent, _("The Spreadsheet Was Not Saved"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  save_job_free (job);
  g_object_unref (native);
}

/**
 * bespoke_spreadsheet_chooser_save:
 * @widget: a widget in the window that asks
 * @title: the chooser's title
 * @suggested_name: the name to offer, ending ".csv"
 * @bytes: the spreadsheet
 *
 * Asks where to save @bytes, and saves them there, or says why not.
 */
void
bespoke_spreadsheet_chooser_save (GtkWidget  *widget,
                                  const char *title,
                                  const char *suggested_name,
                                  GBytes     *bytes)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  SaveJob *job = g_new0 (SaveJob, 1);

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  job->parent = parent ? g_object_ref (parent) : NULL;
  job->bytes = g_bytes_ref (bytes);
  g_signal_connect (native, "response", G_CALLBACK (on_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
