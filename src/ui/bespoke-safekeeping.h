/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void  bespoke_safekeeping_install      (GtkApplication *application);
char *bespoke_safekeeping_planner_name (void);

G_END_DECLS
