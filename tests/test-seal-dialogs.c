/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's sealing (issue #12): the export's passphrase pair and its
 * strength hint, and the passphrase asked for when a sealed file is
 * imported, wrong and then right. */
#define G_LOG_DOMAIN "test-seal-dialogs"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-audit-window.h"
#include "bespoke-restore-dialog.h"
#include "bespoke-seal-dialog.h"
#include "bespoke-test-util.h"
#include "bespoke-unseal-dialog.h"

#define PASSPHRASE "tulip moon harp"

static void
type_into (BespokeSealDialog *dialog,
           const char        *name,
           const char        *text)
{
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (dialog), BESPOKE_TYPE_SEAL_DIALOG, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_seal_dialog (void)
{
  BespokeSealDialog *dialog = bespoke_seal_dialog_new (NULL, "Paul Roberts");
  GtkSwitch *seal = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (dialog), BESPOKE_TYPE_SEAL_DIALOG, "seal_switch"));

  g_object_ref_sink (dialog);
  /* sealed unless the planner says otherwise, and no passphrase yet */
  g_assert_true (bespoke_seal_dialog_get_seal (dialog));
  g_assert_false (bespoke_seal_dialog_get_ready (dialog));

  /* 5 characters: too short */
  type_into (dialog, "passphrase_row", "tulip");
  type_into (dialog, "again_row", "tulip");
  g_assert_true (g_str_has_prefix (bespoke_seal_dialog_get_hint (dialog), "Too short"));
  g_assert_false (bespoke_seal_dialog_get_ready (dialog));

  /* 15 characters of lower case and a space, 79 bits (test-seal's
   * strength test): strong, but not the same twice yet */
  type_into (dialog, "passphrase_row", PASSPHRASE);
  g_assert_cmpstr (bespoke_seal_dialog_get_hint (dialog), ==, "Strong.");
  g_assert_false (bespoke_seal_dialog_get_ready (dialog));
  type_into (dialog, "again_row", PASSPHRASE);
  g_assert_true (bespoke_seal_dialog_get_ready (dialog));
  g_assert_cmpstr (bespoke_seal_dialog_get_passphrase (dialog), ==, PASSPHRASE);

  /* not sealed: no passphrase needed */
  type_into (dialog, "again_row", "");
  g_assert_false (bespoke_seal_dialog_get_ready (dialog));
  gtk_switch_set_active (seal, FALSE);
  g_assert_true (bespoke_seal_dialog_get_ready (dialog));
  g_assert_null (bespoke_seal_dialog_get_passphrase (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
wait_not_busy (BespokeUnsealDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (bespoke_unseal_dialog_get_busy (dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_opened_cb (BespokeUnsealDialog  *dialog,
              BespokeSealOpened    *opened,
              BespokeSealOpened   **out)
{
  *out = opened;
}

static void
test_unseal_dialog (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *path = g_build_filename (dir, "everyone.bespoke", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(GError) error = NULL;
  /* the smallest limits libsodium allows: the test is about the dialog */
  const BespokeSealParams quick = { 1, 8192, 4096 };
  BespokeSealOpened *opened = NULL;
  BespokeUnsealDialog *dialog;

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_seal_export (store, BESPOKE_XML_EXPORT_ALL, NULL, path, PASSPHRASE, &quick, NULL, &error));
  g_assert_no_error (error);

  dialog = bespoke_unseal_dialog_new (NULL, file);
  g_object_ref (dialog);
  g_signal_connect (dialog, "opened", G_CALLBACK (on_opened_cb), &opened);
  gtk_window_present (GTK_WINDOW (dialog));

  bespoke_unseal_dialog_open (dialog, "tulip moon harps");
  wait_not_busy (dialog);
  g_assert_null (opened);
  g_assert_nonnull (strstr (bespoke_unseal_dialog_get_error (dialog), "The passphrase does not open “everyone.bespoke”"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  bespoke_unseal_dialog_open (dialog, PASSPHRASE);
  wait_not_busy (dialog);
  g_assert_null (bespoke_unseal_dialog_get_error (dialog));
  g_assert_nonnull (opened);
  /* the dialog closed itself; the plain text is a valid exchange file,
   * named as the sealed file was */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (g_str_has_suffix (bespoke_seal_opened_get_path (opened), "/everyone.bespoke"));
  g_assert_true (bespoke_xml_validate (bespoke_seal_opened_get_path (opened), &error));
  g_assert_no_error (error);
  bespoke_seal_opened_free (opened);
  g_assert_finalize_object (dialog);
}

/* The audit trail's window: newest first, what then when and who */
static void
test_audit_window (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(GError) error = NULL;
  BespokeAuditWindow *window;
  GListModel *model;

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  window = bespoke_audit_window_new (NULL, store);
  g_assert_cmpuint (g_list_model_get_n_items (bespoke_audit_window_get_model (window)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));

  paul = bespoke_store_find_person (store, "Paul", &error);
  bespoke_store_set_planner (store, "Jo Bloggs");
  g_assert_true (bespoke_store_audit_open (store, paul, &error));
  g_assert_true (bespoke_store_audit_export (store, NULL, "all.bespoke", TRUE, &error));
  g_assert_no_error (error);

  window = bespoke_audit_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  model = bespoke_audit_window_get_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (g_str_has_prefix (bespoke_audit_window_get_line (window, 0),
                                   "Exported everyone (with the menus and shared homes) to “all.bespoke”, sealed with a passphrase\n"));
  g_assert_true (g_str_has_suffix (bespoke_audit_window_get_line (window, 0), " (Jo Bloggs) · export"));
  g_assert_true (g_str_has_prefix (bespoke_audit_window_get_line (window, 1), "Opened the record of Paul Roberts\n"));
  /* one date style (#14): the day in words, never the ISO date */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *words = g_date_time_format (now, "%B %Y,");

    g_assert_null (strstr (bespoke_audit_window_get_line (window, 1), iso));
    g_assert_nonnull (strstr (bespoke_audit_window_get_line (window, 1), words));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Restore from Backup…: the backups newest first, each with its date and
 * what it holds */
static void
test_restore_dialog (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(GDateTime) monday = g_date_time_new_local (2027, 3, 1, 9, 30, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new_local (2027, 3, 2, 17, 5, 0);
  g_autoptr(GError) error = NULL;
  BespokeRestoreDialog *dialog;

  dialog = bespoke_restore_dialog_new (NULL, store, backups);
  g_assert_cmpuint (bespoke_restore_dialog_get_n_backups (dialog), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* an empty database on Monday, the example on Tuesday */
  g_assert_true (bespoke_backup_database (db, backups, monday, NULL, NULL, &error));
  bespoke_example_install (store, &error);
  g_assert_true (bespoke_backup_database (db, backups, tuesday, NULL, NULL, &error));
  g_assert_no_error (error);

  dialog = bespoke_restore_dialog_new (NULL, store, backups);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (bespoke_restore_dialog_get_n_backups (dialog), ==, 2);
  /* the example: 9 people supported, 2 staff, 1 shared home */
  g_assert_true (g_str_has_prefix (bespoke_restore_dialog_get_summary (dialog, 0), "Tuesday 2 March 2027, 17:05: 9 people, 2 staff, "));
  g_assert_true (g_str_has_suffix (bespoke_restore_dialog_get_summary (dialog, 0), ", 1 shared home"));
  g_assert_cmpstr (bespoke_restore_dialog_get_summary (dialog, 1), ==, "Monday 1 March 2027, 09:30: 0 people, 0 staff, 0 plans, 0 shared homes");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/seal-dialogs/seal", test_seal_dialog);
  g_test_add_func ("/seal-dialogs/unseal", test_unseal_dialog);
  g_test_add_func ("/seal-dialogs/audit-window", test_audit_window);
  g_test_add_func ("/seal-dialogs/restore-dialog", test_restore_dialog);
  return g_test_run ();
}
