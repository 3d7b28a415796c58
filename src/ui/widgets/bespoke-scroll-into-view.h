/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bespoke_scroll_into_view (GtkWidget *widget,
                               GtkWidget *top);

G_END_DECLS
