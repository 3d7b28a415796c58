/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-conflict-row.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_IMPORT_DIALOG (bespoke_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BespokeImportDialog, bespoke_import_dialog, BESPOKE, IMPORT_DIALOG, AdwWindow)

BespokeImportDialog *bespoke_import_dialog_new           (GtkWindow           *parent,
                                                          BespokeStore        *store,
                                                          GFile               *file);
void                 bespoke_import_dialog_set_audit_file (BespokeImportDialog *self,
                                                          const char          *path,
                                                          gboolean             sealed);
const char          *bespoke_import_dialog_get_summary   (BespokeImportDialog *self);
const char          *bespoke_import_dialog_get_error     (BespokeImportDialog *self);
guint                bespoke_import_dialog_get_n_conflicts (BespokeImportDialog *self);
GtkWidget           *bespoke_import_dialog_get_choice_button (BespokeImportDialog *self,
                                                          guint                index,
                                                          BespokeImportChoice  choice);
BespokeImportChoice  bespoke_import_dialog_get_choice    (BespokeImportDialog *self,
                                                          guint                index);
gboolean             bespoke_import_dialog_get_busy      (BespokeImportDialog *self);
void                 bespoke_import_dialog_apply         (BespokeImportDialog *self);

/* Tests only: @hook runs in the worker thread each time a job has run. */
void                 bespoke_import_dialog_set_worker_done_hook (void     (*hook) (gpointer data),
                                                                 gpointer   data);

G_END_DECLS
