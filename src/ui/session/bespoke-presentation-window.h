/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-session-controller.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PRESENTATION_WINDOW (bespoke_presentation_window_get_type ())

G_DECLARE_FINAL_TYPE (BespokePresentationWindow, bespoke_presentation_window, BESPOKE, PRESENTATION_WINDOW, AdwWindow)

BespokePresentationWindow *bespoke_presentation_window_new (BespokeSessionController *controller);
void                       bespoke_presentation_window_show_on_tv (BespokePresentationWindow *self,
                                                                   GtkWindow                 *laptop);
int                        bespoke_presentation_window_get_body_px (BespokePresentationWindow *self);
int                        bespoke_presentation_window_body_px_for_height (int height);

G_END_DECLS
