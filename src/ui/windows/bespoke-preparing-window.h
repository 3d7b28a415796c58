/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PREPARING_WINDOW (bespoke_preparing_window_get_type ())

G_DECLARE_FINAL_TYPE (BespokePreparingWindow, bespoke_preparing_window, BESPOKE, PREPARING_WINDOW, AdwWindow)

BespokePreparingWindow *bespoke_preparing_window_new        (GtkApplication          *application,
                                                             BespokeStore            *store,
                                                             guint                    people);
BespokeStore           *bespoke_preparing_window_get_store  (BespokePreparingWindow  *self);
void                    bespoke_preparing_window_run        (BespokePreparingWindow  *self,
                                                             GAsyncReadyCallback      callback,
                                                             gpointer                 user_data);
gboolean                bespoke_preparing_window_run_finish (BespokePreparingWindow  *self,
                                                             GAsyncResult            *result,
                                                             GError                 **error);

G_END_DECLS
