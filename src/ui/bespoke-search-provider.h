/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BESPOKE_TYPE_SEARCH_PROVIDER (bespoke_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (BespokeSearchProvider, bespoke_search_provider, BESPOKE, SEARCH_PROVIDER, GObject)

BespokeSearchProvider *bespoke_search_provider_new        (GApplication           *application);
gboolean               bespoke_search_provider_register   (BespokeSearchProvider  *self,
                                                           GDBusConnection        *connection,
                                                           const char             *object_path,
                                                           GError                **error);
void                   bespoke_search_provider_unregister (BespokeSearchProvider  *self);

G_END_DECLS
