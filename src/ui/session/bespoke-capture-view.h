/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-session-controller.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_CAPTURE_VIEW (bespoke_capture_view_get_type ())

G_DECLARE_FINAL_TYPE (BespokeCaptureView, bespoke_capture_view, BESPOKE, CAPTURE_VIEW, AdwBin)

BespokeCaptureView       *bespoke_capture_view_new            (BespokeSessionController *controller);
BespokeSessionController *bespoke_capture_view_get_controller (BespokeCaptureView       *self);
void                      bespoke_capture_view_present_tv     (BespokeCaptureView       *self);
GtkWidget                *bespoke_capture_view_get_tv         (BespokeCaptureView       *self);
void                      bespoke_capture_view_focus_entry    (BespokeCaptureView       *self);
gboolean                  bespoke_capture_view_forward_key    (BespokeCaptureView       *self,
                                                               GtkEventControllerKey    *keys);

G_END_DECLS
