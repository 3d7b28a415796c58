/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean bespoke_sqlite_errno_is_full (int      e);
int      bespoke_sqlite_errno         (sqlite3 *db);

G_END_DECLS
