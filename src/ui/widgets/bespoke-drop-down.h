/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bespoke_drop_down_name_button (GtkDropDown *drop_down,
                                    const char  *name);

G_END_DECLS
