/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-history.h"
#include "bespoke-person.h"
#include "bespoke-profile.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_PROFILE_VIEW (bespoke_profile_view_get_type ())

/* Steps of text size, from smaller than usual to large enough for a
 * television across the room. */
#define BESPOKE_PROFILE_VIEW_TEXT_SIZE_MIN (-2)
#define BESPOKE_PROFILE_VIEW_TEXT_SIZE_MAX 4

G_DECLARE_FINAL_TYPE (BespokeProfileView, bespoke_profile_view, BESPOKE, PROFILE_VIEW, GtkWidget)

GtkWidget      *bespoke_profile_view_new         (void);
BespokeStore   *bespoke_profile_view_get_store   (BespokeProfileView *self);
void            bespoke_profile_view_set_store   (BespokeProfileView *self,
                                                  BespokeStore       *store);
BespokePerson  *bespoke_profile_view_get_person  (BespokeProfileView *self);
void            bespoke_profile_view_set_person  (BespokeProfileView *self,
                                                  BespokePerson      *person);
BespokeProfile *bespoke_profile_view_get_profile (BespokeProfileView *self);
int             bespoke_profile_view_get_text_size (BespokeProfileView *self);
void            bespoke_profile_view_set_text_size (BespokeProfileView *self,
                                                    int                 text_size);

BespokeHistory *bespoke_profile_view_get_history (BespokeProfileView *self);
void            bespoke_profile_view_set_history (BespokeProfileView *self,
                                                  BespokeHistory     *history);
gboolean        bespoke_profile_view_add_statement    (BespokeProfileView  *self,
                                                       BespokeSection       section,
                                                       const char          *text,
                                                       GError             **error);
gboolean        bespoke_profile_view_edit_statement   (BespokeProfileView  *self,
                                                       BespokeStatement    *statement,
                                                       const char          *text,
                                                       GError             **error);
gboolean        bespoke_profile_view_delete_statement (BespokeProfileView  *self,
                                                       BespokeStatement    *statement,
                                                       GError             **error);
gboolean        bespoke_profile_view_move_statement   (BespokeProfileView  *self,
                                                       BespokeStatement    *statement,
                                                       BespokeSection       section,
                                                       guint                index,
                                                       GError             **error);
gboolean        bespoke_profile_view_set_photo_file   (BespokeProfileView  *self,
                                                       GFile               *file,
                                                       GError             **error);
gboolean        bespoke_profile_view_remove_photo     (BespokeProfileView  *self,
                                                       GError             **error);

void            bespoke_profile_view_choose_photo     (BespokeProfileView  *self);
void            bespoke_profile_view_focus_first_entry (BespokeProfileView *self);

void            bespoke_profile_view_set_compact      (BespokeProfileView  *self,
                                                       gboolean             compact);

void bespoke_profile_view_reload (BespokeProfileView *self);

G_END_DECLS
