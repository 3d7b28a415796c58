/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bespoke_spreadsheet_chooser_save (GtkWidget  *widget,
                                       const char *title,
                                       const char *suggested_name,
                                       GBytes     *bytes);

G_END_DECLS
