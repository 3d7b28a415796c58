/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-core.h"
#include "bespoke-document.h"
#include "bespoke-window-private.h"

/* Print (Ctrl+P) and Save as PDF… for the documents of the page shown:
 * the Profile page's one-page profile and person-centred description, the
 * Plan page's plan, "my week", easy read and the offer of each provider in
 * the plan, the Budget page's statement.  The pages are drawn by the
 * document layer (src/docs), the same code as bespoke-cli print: here GTK's
 * print dialog gives it a cairo_t, a page size and margins, and a native
 * chooser gives it a file name, written exactly as chosen. */

typedef struct
{
  BespokeDocumentKind  kind;
  char                *extra_uuid;  /* the provider of an offer */
  char                *label;       /* "One-page profile" */
} Choice;

static void
choice_free (Choice *choice)
{
  g_free (choice->extra_uuid);
  g_free (choice->label);
  g_free (choice);
}

static void
add_choice (GPtrArray           *choices,
            BespokeDocumentKind  kind,
            const char          *extra_uuid,
            const char          *label)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->kind = kind;
  choice->extra_uuid = g_strdup (extra_uuid);
  choice->label = g_strdup (label);
  g_ptr_array_add (choices, choice);
}

/* An offer for each provider whose support is in the person's plan */
static void
add_offers (BespokeWindow *self,
            GPtrArray     *choices)
{
  g_autoptr(BespokePlan) plan = bespoke_plans_find_current (self->store, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (plan == NULL ||
      (lines = bespoke_store_list (self->store, BESPOKE_TYPE_SUPPORT_LINE, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), NULL)) == NULL)
    return;
  for (guint i = 0; i < lines->len; i++)
    {
      const char *provider_uuid = bespoke_support_line_get_provider_uuid (g_ptr_array_index (lines, i));
      g_autoptr(BespokeProvider) provider = NULL;
      g_autofree char *label = NULL;

      if (provider_uuid == NULL || !g_hash_table_add (seen, (gpointer) provider_uuid) ||
          (provider = bespoke_store_load (self->store, BESPOKE_TYPE_PROVIDER, provider_uuid, NULL)) == NULL)
        continue;
      /* Translators: a provider's menu priced for the person, e.g. "Offer from Hillside Support" */
      label = g_strdup_printf (_("Offer from %s"), bespoke_provider_get_name (provider));
      add_choice (choices, BESPOKE_DOCUMENT_OFFER, provider_uuid, label);
    }
}

/* The documents for @which ("" for the page shown, or one document's
 * name: "profile", "description", "plan", "week", "easy-read", "budget",
 * "session-notes"),
 * the page's own first. */
static GPtrArray *
choices_for (BespokeWindow *self,
             const char    *which)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  static const struct { const char *name; BespokeDocumentKind kind; const char *label; } documents[] = {
    { "profile", BESPOKE_DOCUMENT_PROFILE, N_("One-page profile") },
    { "description", BESPOKE_DOCUMENT_DESCRIPTION, N_("Person-centred description") },
    { "plan", BESPOKE_DOCUMENT_PLAN, N_("Support plan") },
    { "week", BESPOKE_DOCUMENT_WEEK, N_("My week") },
    { "easy-read", BESPOKE_DOCUMENT_EASY_READ, N_("Easy read") },
    { "budget", BESPOKE_DOCUMENT_BUDGET, N_("Budget statement") },
    { "session-notes", BESPOKE_DOCUMENT_SESSION, N_("Notes of the latest session") },
  };

  for (guint i = 0; which != NULL && *which != '\0' && i < G_N_ELEMENTS (documents); i++)
    if (g_str_equal (which, documents[i].name))
      add_choice (choices, documents[i].kind, NULL, _(documents[i].label));
  if (choices->len > 0)
    return choices;

  if (g_strcmp0 (page, "plan") == 0)
    {
      for (guint i = 2; i <= 4; i++)
        add_choice (choices, documents[i].kind, NULL, _(documents[i].label));
      add_offers (self, choices);
    }
  else if (g_strcmp0 (page, "budget") == 0)
    add_choice (choices, BESPOKE_DOCUMENT_BUDGET, NULL, _(documents[5].label));
  else if (g_strcmp0 (page, "sessions") == 0)
    add_choice (choices, BESPOKE_DOCUMENT_SESSION, NULL, _(documents[6].label));
  else
    for (guint i = 0; i <= 1; i++)
      add_choice (choices, documents[i].kind, NULL, _(documents[i].label));
  return choices;
}

static BespokeDocument *
document_for (BespokeWindow  *self,
              Choice         *choice,
              GError        **error)
{
  return bespoke_document_new (self->store, choice->kind, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)),
                               choice->extra_uuid, error);
}

/* ---- Print ------------------------------------------------------------- */

typedef struct
{
  BespokeWindow   *window;
  GPtrArray       *choices;
  guint            chosen;
  GPtrArray       *buttons;     /* the dialog's Document tab: a GtkCheckButton per choice */
  BespokeDocument *document;
  GError          *error;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->window);
  g_clear_pointer (&job->choices, g_ptr_array_unref);
  g_clear_pointer (&job->buttons, g_ptr_array_unref);
  g_clear_object (&job->document);
  g_clear_error (&job->error);
  g_free (job);
}

/* The dialog's "Document" tab: which of the page's documents to print */
static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkCheckButton *group = NULL;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  g_clear_pointer (&job->buttons, g_ptr_array_unref);
  job->buttons = g_ptr_array_new ();
  for (guint i = 0; i < job->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (job->choices, i);
      GtkWidget *button = gtk_check_button_new_with_label (choice->label);

      gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
      group = group ? group : GTK_CHECK_BUTTON (button);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), i == job->chosen);
      g_ptr_array_add (job->buttons, button);
      gtk_box_append (GTK_BOX (box), button);
    }
  return G_OBJECT (box);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  for (guint i = 0; job->buttons != NULL && i < job->buttons->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (job->buttons, i)))
      job->chosen = i;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);

  g_clear_object (&job->document);
  if (!(job->document = document_for (job->window, g_ptr_array_index (job->choices, job->chosen), &job->error)) ||
      !bespoke_document_paginate (job->document, gtk_print_context_get_cairo_context (context),
                                  MIN (width, height), MAX (width, height),
                                  gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS),
                                  gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS),
                                  gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS),
                                  gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS),
                                  &job->error))
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) bespoke_document_get_n_pages (job->document));
}

/* "My week" is a landscape page */
static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       PrintJob          *job)
{
  if (job->document != NULL && bespoke_document_get_landscape (job->document))
    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  bespoke_document_draw_page (job->document, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  if (job->error != NULL)
    _bespoke_window_show_message (job->window, _("The Document Could Not Be Printed"), job->error->message);
  else if (error != NULL)
    _bespoke_window_show_message (job->window, _("The Document Could Not Be Printed"), error->message);
  g_object_unref (operation);
}

/**
 * _bespoke_window_print:
 * @which: "" for the page's documents (the dialog's Document tab chooses),
 *   or one document's name
 * @export_path: (nullable): write the pages to this PDF through GTK's own
 *   print-to-file, with no dialog (GTK_PRINT_OPERATION_ACTION_EXPORT)
 *
 * Prints the person's document through GtkPrintOperation.
 */
void
_bespoke_window_print (BespokeWindow *self,
                       const char    *which,
                       const char    *export_path)
{
  GtkPrintOperation *operation;
  PrintJob *job;
  Choice *first;
  g_autoptr(GError) error = NULL;

  if (self->person == NULL)
    return;
  job = g_new0 (PrintJob, 1);
  job->window = g_object_ref (self);
  job->choices = choices_for (self, which);
  first = g_ptr_array_index (job->choices, 0);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, first->label);
  gtk_print_operation_set_allow_async (operation, export_path == NULL);
  if (job->choices->len > 1)
    gtk_print_operation_set_custom_tab_label (operation, _("Document"));
  if (job->choices->len > 1)
    {
      g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
      g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
    }
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  /* the job lives as long as the operation */
  g_signal_connect_data (operation, "done", G_CALLBACK (done_cb), job, (GClosureNotify) print_job_free, 0);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  if (gtk_print_operation_run (operation, export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL)
    _bespoke_window_show_message (self, _("The Document Could Not Be Printed"), error->message);
}

/* ---- Save as PDF ------------------------------------------------------- */

typedef struct
{
  BespokeWindow *window;
  GPtrArray     *choices;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->window);
  g_clear_pointer (&job->choices, g_ptr_array_unref);
  g_free (job);
}

/* The planner's name from the settings, if the schema has one; otherwise
 * the document layer uses the user's real name. */
static char *
author_name (BespokeWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *name = NULL;

  if (self->settings == NULL)
    return NULL;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, "planner-name"))
    return NULL;
  name = g_settings_get_string (self->settings, "planner-name");
  return name != NULL && *g_strstrip (name) != '\0' ? g_steal_pointer (&name) : NULL;
}

/**
 * _bespoke_window_save_pdf_to:
 * @which: as for _bespoke_window_print()
 * @choice: which of its documents (0: the first, the page's own)
 *
 * Writes the document to exactly @path, atomically, at 0600.
 */
gboolean
_bespoke_window_save_pdf_to (BespokeWindow  *self,
                             const char     *which,
                             guint           choice,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(BespokeDocument) document = NULL;
  g_autofree char *author = NULL;

  g_return_val_if_fail (self->person != NULL, FALSE);

  choices = choices_for (self, which);
  g_return_val_if_fail (choice < choices->len, FALSE);
  author = author_name (self);
  return (document = document_for (self, g_ptr_array_index (choices, choice), error)) != NULL &&
         bespoke_document_write_pdf (document, path, author, error);
}

static void
save_response_cb (GtkNativeDialog *native,
                  int              response,
                  SaveJob         *job)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  const char *chosen = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "document");
  guint choice = chosen ? (guint) g_ascii_strtoull (chosen, NULL, 10) : 0;

  if (response == GTK_RESPONSE_ACCEPT && job->window->person != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      path = g_file_get_path (file);
      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Bespoke can only save to a folder on this computer. Choose another place."));
      else if (_bespoke_window_save_pdf_to (job->window, "", MIN (choice, job->choices->len - 1), path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is the file name */
          g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

          _bespoke_window_add_toast (job->window, adw_toast_new (title));
        }
      if (error != NULL)
        _bespoke_window_show_message (job->window, _("The PDF Was Not Saved"), error->message);
    }
  save_job_free (job);
  g_object_unref (native);
}

/**
 * _bespoke_window_save_pdf:
 * @which: "" for the page's documents (the chooser's Document choice
 *   picks one), or one document's name
 *
 * Asks where to save the document as PDF, through the native chooser.
 */
void
_bespoke_window_save_pdf (BespokeWindow *self,
                          const char    *which)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  SaveJob *job;
  Choice *first;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->person == NULL)
    return;
  job = g_new0 (SaveJob, 1);
  job->window = g_object_ref (self);
  job->choices = choices_for (self, which);
  first = g_ptr_array_index (job->choices, 0);

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  native = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  /* Translators: a PDF's suggested name: the person, then the document */
  name = g_strdup_printf (_("%s – %s.pdf"), bespoke_person_get_name (self->person), first->label);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  if (job->choices->len > 1)
    {
      for (guint i = 0; i < job->choices->len; i++)
        {
          g_ptr_array_add (ids, g_strdup_printf ("%u", i));
          g_ptr_array_add (labels, ((Choice *) g_ptr_array_index (job->choices, i))->label);
        }
      g_ptr_array_add (ids, NULL);
      g_ptr_array_add (labels, NULL);
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "document", _("Document"),
                                   (const char **) ids->pdata, (const char **) labels->pdata);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "document", "0");
    }
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
