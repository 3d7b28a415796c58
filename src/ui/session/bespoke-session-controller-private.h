/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of BespokeSessionController share:
 *   bespoke-session-controller.c       the session, the tool, selection, blanking
 *   bespoke-session-controller-edit.c  the words being typed and what Enter,
 *                                      Ctrl+E, Delete and Alt+Up/Down do */

#include "bespoke-session-controller.h"

G_BEGIN_DECLS

struct _BespokeSessionController
{
  GObject              parent_instance;

  BespokeStore        *store;
  BespokeHistory      *history;
  BespokePerson       *person;
  BespokeSession      *session;
  BespokeSessionBoard *board;
  BespokeSessionTool   tool;
  guint                section;
  char                *selected;   /* uuid */
  char                *editing;    /* uuid of the statement Ctrl+E opened */
  char                *draft;
  gboolean             blank;
  gboolean             ended;
  guint                draft_save_id;
};

enum {
  PROP_0,
  PROP_BOARD,
  PROP_TOOL,
  PROP_SECTION,
  PROP_SELECTED,
  PROP_BLANK,
  PROP_DRAFT,
  PROP_EDITING,
  PROP_ENDED,
  N_PROPS
};

enum {
  STATEMENT_ADDED,
  N_SIGNALS
};

extern GParamSpec *_bespoke_session_controller_properties[N_PROPS];
extern guint _bespoke_session_controller_signals[N_SIGNALS];

/* A quarter of a second: the most typing a crash may lose */
#define DRAFT_SAVE_DELAY_MS 250

gboolean _bespoke_session_controller_save_session (BespokeSessionController  *self,
                                                   GError                   **error);
void     _bespoke_session_controller_set_selected (BespokeSessionController  *self,
                                                   const char                *uuid);
void     _bespoke_session_controller_schedule_draft_save (BespokeSessionController *self);

G_END_DECLS
