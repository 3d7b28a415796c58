/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BESPOKE_TYPE_SEAL_DIALOG (bespoke_seal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BespokeSealDialog, bespoke_seal_dialog, BESPOKE, SEAL_DIALOG, AdwWindow)

BespokeSealDialog *bespoke_seal_dialog_new            (GtkWindow         *parent,
                                                       const char        *file_name);
gboolean           bespoke_seal_dialog_get_seal       (BespokeSealDialog *self);
const char        *bespoke_seal_dialog_get_passphrase (BespokeSealDialog *self);
const char        *bespoke_seal_dialog_get_hint       (BespokeSealDialog *self);
gboolean           bespoke_seal_dialog_get_ready      (BespokeSealDialog *self);

G_END_DECLS
