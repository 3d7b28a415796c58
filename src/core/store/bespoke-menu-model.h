/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-product.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_MENU_MODEL (bespoke_menu_model_get_type ())

G_DECLARE_FINAL_TYPE (BespokeMenuModel, bespoke_menu_model, BESPOKE, MENU_MODEL, GObject)

BespokeMenuModel *bespoke_menu_model_new               (BespokeStore     *store);
gboolean          bespoke_menu_model_reload            (BespokeMenuModel *self,
                                                        GError          **error);
const char       *bespoke_menu_model_get_provider_name (BespokeMenuModel *self,
                                                        BespokeProduct   *product);
gboolean          bespoke_menu_model_matches           (BespokeMenuModel *self,
                                                        BespokeProduct   *product,
                                                        const char       *query);
char             *bespoke_menu_model_describe          (BespokeMenuModel *self,
                                                        BespokeProduct   *product);

G_END_DECLS
