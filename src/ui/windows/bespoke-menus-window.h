/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_MENUS_WINDOW (bespoke_menus_window_get_type ())

G_DECLARE_FINAL_TYPE (BespokeMenusWindow, bespoke_menus_window, BESPOKE, MENUS_WINDOW, AdwWindow)

BespokeMenusWindow *bespoke_menus_window_new       (GtkApplication     *application,
                                                    BespokeStore       *store);
BespokeStore       *bespoke_menus_window_get_store (BespokeMenusWindow *self);

G_END_DECLS
