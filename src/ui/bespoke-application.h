/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BESPOKE_TYPE_APPLICATION (bespoke_application_get_type ())

G_DECLARE_FINAL_TYPE (BespokeApplication, bespoke_application, BESPOKE, APPLICATION, AdwApplication)

BespokeApplication *bespoke_application_new  (void);
void                bespoke_application_open_database (BespokeApplication *self,
                                                       const char         *path);

G_END_DECLS
