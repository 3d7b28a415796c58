/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_WINDOW (bespoke_window_get_type ())

G_DECLARE_FINAL_TYPE (BespokeWindow, bespoke_window, BESPOKE, WINDOW, AdwApplicationWindow)

BespokeWindow *bespoke_window_new       (GtkApplication *application,
                                         BespokeStore   *store);
BespokeStore  *bespoke_window_get_store (BespokeWindow  *self);

G_END_DECLS
