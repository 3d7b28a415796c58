/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_RESTORE_DIALOG (bespoke_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BespokeRestoreDialog, bespoke_restore_dialog, BESPOKE, RESTORE_DIALOG, AdwWindow)

BespokeRestoreDialog *bespoke_restore_dialog_new          (GtkWindow            *parent,
                                                           BespokeStore         *store,
                                                           const char           *dir);
guint                 bespoke_restore_dialog_get_n_backups (BespokeRestoreDialog *self);
const char           *bespoke_restore_dialog_get_summary  (BespokeRestoreDialog *self,
                                                           guint                 index);
void                  bespoke_restore_dialog_choose       (BespokeRestoreDialog *self,
                                                           guint                 index);

G_END_DECLS
