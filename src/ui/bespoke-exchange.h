/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-history.h"
#include "bespoke-people-model.h"
#include "bespoke-person.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

void      bespoke_exchange_install_actions    (GtkApplication  *application);
void      bespoke_exchange_open_files         (GtkApplication  *application,
                                               GFile          **files,
                                               int              n_files);
char     *bespoke_exchange_export_name        (BespokePerson   *person,
                                               GDateTime       *now);
gboolean  bespoke_exchange_export             (BespokeStore    *store,
                                               BespokePerson   *person,
                                               GFile           *file,
                                               GError         **error);
gboolean  bespoke_exchange_export_people      (BespokeStore       *store,
                                               const char * const *uuids,
                                               GFile              *file,
                                               GError            **error);
void      bespoke_exchange_export_chosen      (GtkWindow          *window,
                                               BespokePerson      *person,
                                               GFile              *chosen);
char    **bespoke_exchange_found_people       (BespokePeopleModel *model);
void      bespoke_exchange_delete_snapshot    (const char      *snapshot);
void      bespoke_exchange_add_toast          (GtkWindow       *window,
                                               AdwToast        *toast);
AdwToast *bespoke_exchange_import_toast_new   (GtkWindow       *parent,
                                               BespokeStore    *store,
                                               BespokeHistory  *history,
                                               const char      *snapshot,
                                               const char      *title);

G_END_DECLS
