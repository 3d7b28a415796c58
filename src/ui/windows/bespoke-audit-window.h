/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_AUDIT_WINDOW (bespoke_audit_window_get_type ())

G_DECLARE_FINAL_TYPE (BespokeAuditWindow, bespoke_audit_window, BESPOKE, AUDIT_WINDOW, AdwWindow)

BespokeAuditWindow *bespoke_audit_window_new       (GtkWindow          *parent,
                                                    BespokeStore       *store);
GListModel         *bespoke_audit_window_get_model (BespokeAuditWindow *self);
const char         *bespoke_audit_window_get_line  (BespokeAuditWindow *self,
                                                    guint               position);

G_END_DECLS
