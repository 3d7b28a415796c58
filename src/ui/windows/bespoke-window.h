/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-history.h"
#include "bespoke-people-model.h"
#include "bespoke-person.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_WINDOW (bespoke_window_get_type ())

G_DECLARE_FINAL_TYPE (BespokeWindow, bespoke_window, BESPOKE, WINDOW, AdwWindow)

BespokeWindow      *bespoke_window_new               (GtkApplication *application,
                                                      BespokeStore   *store);
BespokeStore       *bespoke_window_get_store         (BespokeWindow  *self);
BespokeHistory     *bespoke_window_get_history       (BespokeWindow  *self);
BespokePerson      *bespoke_window_get_person        (BespokeWindow  *self);
BespokePeopleModel *bespoke_window_get_people_model  (BespokeWindow  *self);
const char         *bespoke_window_get_people_filter (BespokeWindow  *self);
void                bespoke_window_set_people_filter (BespokeWindow  *self,
                                                      const char     *filter);
void                bespoke_window_show_person       (BespokeWindow  *self,
                                                      BespokePerson  *person);
BespokePerson      *bespoke_window_add_person        (BespokeWindow  *self,
                                                      const char     *name,
                                                      const char     *preferred_name,
                                                      gboolean        staff,
                                                      GError        **error);
gboolean            bespoke_window_rename_person     (BespokeWindow  *self,
                                                      const char     *name,
                                                      const char     *preferred_name,
                                                      GError        **error);
gboolean            bespoke_window_archive_person    (BespokeWindow  *self,
                                                      GError        **error);

gboolean bespoke_window_check_data_version (BespokeWindow *self);
void     bespoke_window_restore_size       (GtkWindow     *window);

G_END_DECLS
