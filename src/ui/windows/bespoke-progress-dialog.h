/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-progress-feed.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PROGRESS_DIALOG (bespoke_progress_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BespokeProgressDialog, bespoke_progress_dialog, BESPOKE, PROGRESS_DIALOG, AdwWindow)

BespokeProgressDialog *bespoke_progress_dialog_new             (GtkWindow             *parent,
                                                                const char            *title,
                                                                const char            *status);
GCancellable          *bespoke_progress_dialog_get_cancellable (BespokeProgressDialog *self);
BespokeProgressFeed   *bespoke_progress_dialog_get_feed        (BespokeProgressDialog *self);
void                   bespoke_progress_dialog_done            (BespokeProgressDialog *self);

G_END_DECLS
