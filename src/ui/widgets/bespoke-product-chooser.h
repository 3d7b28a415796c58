/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-core.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PRODUCT_CHOOSER (bespoke_product_chooser_get_type ())

G_DECLARE_FINAL_TYPE (BespokeProductChooser, bespoke_product_chooser, BESPOKE, PRODUCT_CHOOSER, GtkWidget)

GtkWidget        *bespoke_product_chooser_new         (void);
void              bespoke_product_chooser_set_store   (BespokeProductChooser *self,
                                                       BespokeStore          *store);
void              bespoke_product_chooser_set_product (BespokeProductChooser *self,
                                                       BespokeProduct        *product,
                                                       gboolean               older);
BespokeProduct   *bespoke_product_chooser_get_product (BespokeProductChooser *self);
BespokeMenuModel *bespoke_product_chooser_get_menu    (BespokeProductChooser *self);
GListModel       *bespoke_product_chooser_get_shown   (BespokeProductChooser *self);
void              bespoke_product_chooser_popup       (BespokeProductChooser *self);

G_END_DECLS
