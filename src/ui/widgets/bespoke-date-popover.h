/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BESPOKE_TYPE_DATE_POPOVER (bespoke_date_popover_get_type ())

G_DECLARE_FINAL_TYPE (BespokeDatePopover, bespoke_date_popover, BESPOKE, DATE_POPOVER, GtkPopover)

GtkWidget *bespoke_date_popover_new      (void);
void       bespoke_date_popover_set_date (BespokeDatePopover *self,
                                          const char         *iso);
char      *bespoke_date_popover_get_date (BespokeDatePopover *self);

G_END_DECLS
