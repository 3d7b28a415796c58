/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of BespokeWindow share: one instance struct, several
 * files, each short (as GNOME Text Editor does with editor-window*.c):
 *   bespoke-window.c          the window, its state and its first frame
 *   bespoke-window-actions.c  the win.* actions and their shortcuts
 *   bespoke-person-dialogs.c  adding, renaming, archiving and deleting people
 *   bespoke-window-print.c    printing and saving as PDF the page's documents
 * The people down the side are a widget of their own, BespokePeopleSidebar. */

#include "bespoke-budget-page.h"
#include "bespoke-capture-view.h"
#include "bespoke-circle-page.h"
#include "bespoke-people-sidebar.h"
#include "bespoke-plan-page.h"
#include "bespoke-profile-view.h"
#include "bespoke-session-list.h"
#include "bespoke-window.h"

G_BEGIN_DECLS

struct _BespokeWindow
{
  AdwWindow             parent_instance;

  BespokeStore         *store;
  BespokeHistory       *history;
  GSettings            *settings;
  BespokePerson        *person;       /* the person whose pages are shown */
  char                 *filter;       /* "all", "people" or "staff" */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwWindowTitle       *empty_title;
  AdwStatusPage        *empty_page;
  GtkButton            *example_button;
  AdwLeaflet           *leaflet;
  BespokePeopleSidebar *sidebar;
  GtkWidget            *content_page;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *person_menu_button;
  GtkMenuButton        *empty_menu_button;
  GtkMenuButton        *primary_menu_button;  /* the sidebar's */
  GMenuModel           *primary_menu;
  GMenuModel           *person_menu;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  BespokeProfileView   *profile_view;
  AdwBin               *plan_bin;
  AdwBin               *budget_bin;
  AdwBin               *circle_bin;
  BespokePlanPage      *plan_page;    /* (nullable): made on first show */
  BespokeBudgetPage    *budget_page;  /* (nullable): made on first show */
  BespokePlanCosting   *costing;      /* (nullable): the plan's costs, one for both pages */
  BespokeCirclePage    *circle_page;  /* (nullable): made on first show */
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  GtkWindow            *help_overlay;  /* (nullable): made when first shown */
  AdwBin               *session_bin;   /* holds the capture view of a session under way */
  BespokeSessionList   *session_list;  /* the person's past sessions */

  /* Start-up: the first frame has only what it shows (see hold_for_first_frame) */
  GPtrArray            *held_pages;   /* stack pages hidden until after the first frame */
  gulong                after_paint_id;
  guint                 first_frame_id;
  guint                 build_pages_id;
  guint                 trim_id;       /* give freed memory back, see trim_memory_cb() */
  gint64                data_version;  /* the store's, when last read: another connection's writes change it */
};

/* bespoke-window.c */
void _bespoke_window_set_person    (BespokeWindow *self,
                                    BespokePerson *person);
void _bespoke_window_show_content  (BespokeWindow *self);
void _bespoke_window_show_message  (BespokeWindow *self,
                                    const char    *heading,
                                    const char    *body);
void _bespoke_window_add_toast     (BespokeWindow *self,
                                    AdwToast      *toast);
void _bespoke_window_update_pages  (BespokeWindow *self);

/* bespoke-window-actions.c */
void _bespoke_window_class_actions_init   (GtkWidgetClass *widget_class);
void _bespoke_window_update_actions       (BespokeWindow  *self);
void _bespoke_window_update_text_size_actions (BespokeWindow *self);

/* bespoke-window-print.c */
void     _bespoke_window_print       (BespokeWindow  *self,
                                      const char     *which,
                                      const char     *export_path);
void     _bespoke_window_save_pdf    (BespokeWindow  *self,
                                      const char     *which);
gboolean _bespoke_window_save_pdf_to (BespokeWindow  *self,
                                      const char     *which,
                                      guint           choice,
                                      const char     *path,
                                      GError        **error);

/* bespoke-person-dialogs.c */
void _bespoke_window_new_person_dialog    (BespokeWindow  *self);
void _bespoke_window_rename_person_dialog (BespokeWindow  *self);
void _bespoke_window_delete_person_dialog (BespokeWindow  *self);

G_END_DECLS
