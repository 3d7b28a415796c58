/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_HOMES_WINDOW (bespoke_homes_window_get_type ())

G_DECLARE_FINAL_TYPE (BespokeHomesWindow, bespoke_homes_window, BESPOKE, HOMES_WINDOW, AdwWindow)

BespokeHomesWindow *bespoke_homes_window_new       (GtkApplication     *application,
                                                    BespokeStore       *store);
BespokeStore       *bespoke_homes_window_get_store (BespokeHomesWindow *self);
GBytes             *bespoke_homes_window_get_spreadsheet (BespokeHomesWindow *self);

G_END_DECLS
