/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void bespoke_startup_begin (void);
void bespoke_startup_mark  (const char *phase);

G_END_DECLS
