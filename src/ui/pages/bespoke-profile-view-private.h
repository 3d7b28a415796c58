/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bespoke-page-thumbnail.h"
#include "bespoke-profile-view.h"

G_BEGIN_DECLS

/* What the files of BespokeProfileView share: bespoke-profile-view.c (the
 * object, its properties, the person's header and the reload),
 * bespoke-profile-view-statements.c (adding, changing, moving and deleting
 * statements, with their rows and drag and drop) and
 * bespoke-profile-view-photo.c (the photo). */

#define N_SECTIONS 3

struct _BespokeProfileView
{
  GtkWidget       parent_instance;

  BespokeStore   *store;
  BespokeHistory *history;
  BespokePerson  *person;
  BespokeProfile *profile;
  gulong          changed_id;
  gulong          applied_id;     /* the history's undo and redo */
  guint           reload_source;
  int             text_size;
  char           *focus_uuid;     /* the statement to focus after the next reload */
  GtkFileChooserNative *chooser;

  GtkButton      *photo_button;
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *known_as_label;
  GtkLabel       *staff_label;
  BespokePageThumbnail *thumbnail;  /* the one-page profile as it prints */
  GtkLabel       *error_label;
  GtkLabel       *appreciation_heading;
  GtkLabel       *important_heading;
  GtkLabel       *support_heading;
  GtkListBox     *appreciation_list;
  GtkListBox     *important_list;
  GtkListBox     *support_list;
  GtkEntry       *appreciation_add;
  GtkEntry       *important_add;
  GtkEntry       *support_add;
};

GtkListBox *_bespoke_profile_view_get_list        (BespokeProfileView  *self,
                                                   BespokeSection       section);
GtkEntry   *_bespoke_profile_view_get_add_entry   (BespokeProfileView  *self,
                                                   BespokeSection       section);
gboolean    _bespoke_profile_view_is_editable     (BespokeProfileView  *self);
gboolean    _bespoke_profile_view_check_editable  (BespokeProfileView  *self,
                                                   GError             **error);
void        _bespoke_profile_view_show_error      (BespokeProfileView  *self,
                                                   const char          *what,
                                                   const GError        *error);
void        _bespoke_profile_view_clear_error     (BespokeProfileView  *self);
void        _bespoke_profile_view_reload          (BespokeProfileView  *self);
void        _bespoke_profile_view_schedule_reload (BespokeProfileView  *self);
void        _bespoke_profile_view_focus_later     (BespokeProfileView  *self,
                                                   const char          *uuid);

/* bespoke-profile-view-statements.c */
GtkWidget  *_bespoke_profile_view_create_statement_row (gpointer item,
                                                        gpointer user_data);
void        _bespoke_profile_view_init_statements      (BespokeProfileView *self);
void        _bespoke_profile_view_class_init_statements (GtkWidgetClass    *widget_class);

/* bespoke-profile-view-photo.c */
void        _bespoke_profile_view_update_avatar     (BespokeProfileView *self);
void        _bespoke_profile_view_class_init_photo  (GtkWidgetClass     *widget_class);
void        _bespoke_profile_view_dispose_photo     (BespokeProfileView *self);

G_END_DECLS
