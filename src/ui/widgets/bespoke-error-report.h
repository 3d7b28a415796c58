/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BESPOKE_TYPE_ERROR_REPORT (bespoke_error_report_get_type ())

G_DECLARE_FINAL_TYPE (BespokeErrorReport, bespoke_error_report, BESPOKE, ERROR_REPORT, GObject)

void bespoke_error_report_show  (BespokeErrorReport *self,
                                 GtkWidget          *field,
                                 const char         *message);
void bespoke_error_report_clear (BespokeErrorReport *self);

G_END_DECLS
