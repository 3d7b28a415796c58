/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-session-controller"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-error.h"
#include "bespoke-session-controller-private.h"
#include "bespoke-session-tool.h"

#define properties _bespoke_session_controller_properties
#define signals _bespoke_session_controller_signals

static gboolean
check_running (BespokeSessionController  *self,
               GError                   **error)
{
  if (self->ended)
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("This session has ended. Start a new one from the person’s menu (F5)."));
      return FALSE;
    }
  return TRUE;
}

/**
 * bespoke_session_controller_save_draft:
 *
 * Keeps the words being typed, and the tool and list they are for, in the
 * session record now.
 */
gboolean
bespoke_session_controller_save_draft (BespokeSessionController  *self,
                                       GError                   **error)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), FALSE);

  g_clear_handle_id (&self->draft_save_id, g_source_remove);
  if (self->ended)
    return TRUE;
  bespoke_session_set_draft (self->session, self->draft != NULL && *self->draft != '\0' ? self->draft : NULL);
  bespoke_session_set_draft_tool (self->session, self->tool);
  bespoke_session_set_draft_section (self->session, self->section);
  return _bespoke_session_controller_save_session (self, error);
}

static gboolean
draft_save_cb (gpointer user_data)
{
  BespokeSessionController *self = user_data;
  g_autoptr(GError) error = NULL;

  self->draft_save_id = 0;
  if (!bespoke_session_controller_save_draft (self, &error))
    g_warning ("Could not keep the words being typed: %s", error->message);
  return G_SOURCE_REMOVE;
}

void
_bespoke_session_controller_schedule_draft_save (BespokeSessionController *self)
{
  if (self->draft_save_id == 0 && !self->ended)
    self->draft_save_id = g_timeout_add (DRAFT_SAVE_DELAY_MS, draft_save_cb, self);
}

/**
 * bespoke_session_controller_set_draft:
 *
 * The words in the capture entry, as typed: the TV shows them as they
 * are written, and they are kept within a quarter of a second.
 */
void
bespoke_session_controller_set_draft (BespokeSessionController *self,
                                      const char               *draft)
{
  g_return_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self));

  if (g_strcmp0 (self->draft, draft) == 0)
    return;
  g_free (self->draft);
  self->draft = g_strdup (draft);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
  _bespoke_session_controller_schedule_draft_save (self);
}

/**
 * bespoke_session_controller_dup_speaker:
 *
 * Returns: (transfer full) (nullable): who the words being typed are
 *   said by, from their "Mum:" prefix, named for the screen
 */
char *
bespoke_session_controller_dup_speaker (BespokeSessionController *self)
{
  g_autofree char *said_by = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), NULL);

  text = bespoke_session_board_split_said_by (self->board, self->draft, &said_by);
  return bespoke_session_board_name_of (self->board, said_by);
}

static BespokeRecord *
find_record (BespokeSessionController *self,
             const char               *uuid)
{
  guint section, index;

  if (!bespoke_session_board_find (self->board, uuid, &section, &index))
    return NULL;
  return g_list_model_get_item (bespoke_session_board_get_section (self->board, section), index);
}

static void
set_editing (BespokeSessionController *self,
             const char               *uuid)
{
  if (g_strcmp0 (self->editing, uuid) == 0)
    return;
  g_free (self->editing);
  self->editing = g_strdup (uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

/* The statement @uuid was added or changed in this session */
static gboolean
note (BespokeSessionController  *self,
      const char                *uuid,
      GError                   **error)
{
  if (!bespoke_session_note_statement (self->session, uuid))
    return TRUE;
  return _bespoke_session_controller_save_session (self, error);
}

static gboolean
commit_edit (BespokeSessionController  *self,
             const char                *text,
             const char                *said_by,
             GError                   **error)
{
  g_autoptr(BespokeRecord) record = find_record (self, self->editing);
  g_autofree char *old_said_by = NULL;

  if (record == NULL)
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                           _("The statement being changed is no longer there. Press Escape and choose another."));
      return FALSE;
    }
  /* no prefix typed: it keeps who said it */
  old_said_by = bespoke_session_board_dup_said_by (record);
  if (!bespoke_session_board_change (self->board, record, text, said_by != NULL ? said_by : old_said_by, error))
    return FALSE;
  _bespoke_session_controller_set_selected (self, bespoke_record_get_uuid (record));
  set_editing (self, NULL);
  return note (self, bespoke_record_get_uuid (record), error);
}

/**
 * bespoke_session_controller_commit:
 *
 * What Enter does: adds the words being typed to the chosen list and saves
 * them at once (or, after Ctrl+E, changes the statement being edited).
 * A "Mum:" prefix says who said it.  Empty words change nothing and say so.
 */
gboolean
bespoke_session_controller_commit (BespokeSessionController  *self,
                                   GError                   **error)
{
  g_autofree char *said_by = NULL;
  g_autofree char *text = NULL;
  g_autoptr(BespokeRecord) record = NULL;

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), FALSE);

  if (!check_running (self, error))
    return FALSE;
  text = bespoke_session_board_split_said_by (self->board, self->draft, &said_by);
  if (self->editing != NULL)
    {
      if (!commit_edit (self, text, said_by, error))
        return FALSE;
    }
  else
    {
      record = bespoke_session_board_add (self->board, self->section, text, said_by, error);
      if (record == NULL)
        return FALSE;
      if (!note (self, bespoke_record_get_uuid (record), error))
        return FALSE;
      g_signal_emit (self, signals[STATEMENT_ADDED], 0, bespoke_record_get_uuid (record));
    }
  bespoke_session_controller_set_draft (self, NULL);
  return bespoke_session_controller_save_draft (self, error);
}

/**
 * bespoke_session_controller_edit_selected:
 *
 * What Ctrl+E does: puts the selected statement's words in the entry, so
 * that Enter changes it.
 *
 * Returns: %FALSE if nothing is selected
 */
gboolean
bespoke_session_controller_edit_selected (BespokeSessionController *self)
{
  g_autoptr(BespokeRecord) record = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), FALSE);

  record = find_record (self, bespoke_session_controller_get_selected (self));
  if (record == NULL || self->ended)
    return FALSE;
  text = bespoke_session_board_dup_text (record);
  set_editing (self, bespoke_record_get_uuid (record));
  bespoke_session_controller_set_draft (self, text);
  return TRUE;
}

/**
 * bespoke_session_controller_cancel_edit:
 *
 * What Escape does while editing: the statement stays as it was.
 */
void
bespoke_session_controller_cancel_edit (BespokeSessionController *self)
{
  g_return_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self));

  if (self->editing == NULL)
    return;
  set_editing (self, NULL);
  bespoke_session_controller_set_draft (self, NULL);
}

/**
 * bespoke_session_controller_delete_selected:
 *
 * What Delete does: removes the selected statement (one step of the
 * history, so Ctrl+Z or the toast's Undo brings it back), and selects the
 * one after it.
 *
 * Returns: (transfer full) (nullable): the statement removed
 */
BespokeRecord *
bespoke_session_controller_delete_selected (BespokeSessionController  *self,
                                            GError                   **error)
{
  g_autoptr(BespokeRecord) record = NULL;
  const char *uuid;
  g_autofree char *next = NULL;

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), NULL);

  uuid = bespoke_session_controller_get_selected (self);
  record = find_record (self, uuid);
  if (record == NULL || !check_running (self, error))
    return NULL;
  bespoke_session_controller_step_selection (self, 1);
  if (g_strcmp0 (self->selected, uuid) == 0)
    bespoke_session_controller_step_selection (self, -1);
  next = g_strcmp0 (self->selected, uuid) != 0 ? g_strdup (self->selected) : NULL;
  if (!bespoke_session_board_remove (self->board, record, error))
    {
      _bespoke_session_controller_set_selected (self, bespoke_record_get_uuid (record));
      return NULL;
    }
  _bespoke_session_controller_set_selected (self, next);
  return g_steal_pointer (&record);
}

/**
 * bespoke_session_controller_move_selected:
 * @delta: -1 to move it up (Alt+Up), 1 down (Alt+Down)
 *
 * Moves the selected statement within its list; it stays selected.
 */
gboolean
bespoke_session_controller_move_selected (BespokeSessionController  *self,
                                          int                        delta,
                                          GError                   **error)
{
  g_autoptr(BespokeRecord) record = NULL;
  guint section, index;
  int to;

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), FALSE);

  if (!check_running (self, error))
    return FALSE;
  record = find_record (self, bespoke_session_controller_get_selected (self));
  if (record == NULL ||
      !bespoke_session_board_find (self->board, bespoke_record_get_uuid (record), &section, &index))
    return TRUE;
  to = (int) index + delta;
  if (to < 0 || to >= (int) g_list_model_get_n_items (bespoke_session_board_get_section (self->board, section)))
    return TRUE;
  if (!bespoke_session_board_move (self->board, record, (guint) to, error))
    return FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  return note (self, bespoke_record_get_uuid (record), error);
}

/**
 * bespoke_session_controller_set_participant:
 *
 * Ticks a circle member as taking part in the session, or unticks them.
 */
gboolean
bespoke_session_controller_set_participant (BespokeSessionController  *self,
                                            const char                *member_uuid,
                                            gboolean                   present,
                                            GError                   **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), FALSE);
  g_return_val_if_fail (member_uuid != NULL, FALSE);

  lines = bespoke_session_split (bespoke_session_get_participants (self->session));
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_equal (lines[i], member_uuid))
      g_strv_builder_add (builder, lines[i]);
  if (present)
    g_strv_builder_add (builder, member_uuid);
  kept = g_strv_builder_end (builder);
  joined = g_strjoinv ("\n", kept);
  bespoke_session_set_participants (self->session, *joined != '\0' ? joined : NULL);
  return _bespoke_session_controller_save_session (self, error);
}

/**
 * bespoke_session_controller_set_people:
 * @guests: others taking part, one name a line (or separated by commas)
 *
 * Keeps who facilitated and who else took part.
 */
gboolean
bespoke_session_controller_set_people (BespokeSessionController  *self,
                                       const char                *facilitator,
                                       const char                *guests,
                                       GError                   **error)
{
  g_autofree char *lines = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *who = g_strstrip (g_strdup (facilitator != NULL ? facilitator : ""));

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), FALSE);

  lines = g_strdelimit (g_strdup (guests != NULL ? guests : ""), ",", '\n');
  names = bespoke_session_split (lines);
  joined = g_strjoinv ("\n", names);
  bespoke_session_set_facilitator (self->session, *who != '\0' ? who : NULL);
  bespoke_session_set_guests (self->session, *joined != '\0' ? joined : NULL);
  return _bespoke_session_controller_save_session (self, error);
}

/**
 * bespoke_session_controller_end:
 *
 * Ends the session now: its end time is kept, and the words still in
 * the entry are dropped from the record.
 */
gboolean
bespoke_session_controller_end (BespokeSessionController  *self,
                                GError                   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), FALSE);

  if (self->ended)
    return TRUE;
  g_clear_handle_id (&self->draft_save_id, g_source_remove);
  bespoke_session_set_end_time (self->session, time);
  bespoke_session_set_draft (self->session, NULL);
  /* a session that ran past midnight ends the next day: keep the start */
  if (g_strcmp0 (time, bespoke_session_get_start_time (self->session)) < 0)
    bespoke_session_set_end_time (self->session, "23:59");
  if (!_bespoke_session_controller_save_session (self, error))
    return FALSE;
  self->ended = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDED]);
  return TRUE;
}
