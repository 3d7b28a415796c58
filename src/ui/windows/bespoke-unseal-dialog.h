/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-seal.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_UNSEAL_DIALOG (bespoke_unseal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BespokeUnsealDialog, bespoke_unseal_dialog, BESPOKE, UNSEAL_DIALOG, AdwWindow)

BespokeUnsealDialog *bespoke_unseal_dialog_new       (GtkWindow           *parent,
                                                      GFile               *file);
void                 bespoke_unseal_dialog_open      (BespokeUnsealDialog *self,
                                                      const char          *passphrase);
const char          *bespoke_unseal_dialog_get_error (BespokeUnsealDialog *self);
GFile               *bespoke_unseal_dialog_get_file  (BespokeUnsealDialog *self);
gboolean             bespoke_unseal_dialog_get_busy  (BespokeUnsealDialog *self);

G_END_DECLS
