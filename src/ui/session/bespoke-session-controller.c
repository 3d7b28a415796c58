/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-session-controller"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-session-controller-private.h"
#include "bespoke-session-tool.h"

/**
 * BespokeSessionController:
 *
 * One facilitated session, shared by the capture view (the laptop) and
 * the presentation window (the TV): the session record, the tool shown
 * and its lists (a #BespokeSessionBoard), the list the next statement goes
 * to, the selected statement, whether the TV is blank, and the words being
 * typed.  The words being typed are saved in the session record at most a
 * quarter of a second after each keystroke, so a crash loses at most that.
 *
 * It knows no widgets; both views bind to its properties.
 */
G_DEFINE_FINAL_TYPE (BespokeSessionController, bespoke_session_controller, G_TYPE_OBJECT)

GParamSpec *_bespoke_session_controller_properties[N_PROPS];
guint _bespoke_session_controller_signals[N_SIGNALS];

#define properties _bespoke_session_controller_properties
#define signals _bespoke_session_controller_signals

static void
bespoke_session_controller_dispose (GObject *object)
{
  BespokeSessionController *self = (BespokeSessionController *)object;

  if (self->draft_save_id != 0)
    {
      g_clear_handle_id (&self->draft_save_id, g_source_remove);
      bespoke_session_controller_save_draft (self, NULL);
    }
  g_clear_object (&self->board);
  G_OBJECT_CLASS (bespoke_session_controller_parent_class)->dispose (object);
}

static void
bespoke_session_controller_finalize (GObject *object)
{
  BespokeSessionController *self = (BespokeSessionController *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->person);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->editing, g_free);
  g_clear_pointer (&self->draft, g_free);

  G_OBJECT_CLASS (bespoke_session_controller_parent_class)->finalize (object);
}

static void
bespoke_session_controller_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  BespokeSessionController *self = BESPOKE_SESSION_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_TOOL:
      g_value_set_enum (value, self->tool);
      break;
    case PROP_SECTION:
      g_value_set_uint (value, self->section);
      break;
    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;
    case PROP_BLANK:
      g_value_set_boolean (value, self->blank);
      break;
    case PROP_DRAFT:
      g_value_set_string (value, self->draft);
      break;
    case PROP_EDITING:
      g_value_set_string (value, self->editing);
      break;
    case PROP_ENDED:
      g_value_set_boolean (value, self->ended);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_session_controller_class_init (BespokeSessionControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bespoke_session_controller_dispose;
  object_class->finalize = bespoke_session_controller_finalize;
  object_class->get_property = bespoke_session_controller_get_property;

  properties[PROP_BOARD] = g_param_spec_object ("board", NULL, NULL, BESPOKE_TYPE_SESSION_BOARD, flags);
  properties[PROP_TOOL] = g_param_spec_enum ("tool", NULL, NULL, BESPOKE_TYPE_SESSION_TOOL,
                                             BESPOKE_SESSION_TOOL_PROFILE, flags);
  properties[PROP_SECTION] = g_param_spec_uint ("section", NULL, NULL, 0, 2, 0, flags);
  properties[PROP_SELECTED] = g_param_spec_string ("selected", NULL, NULL, NULL, flags);
  properties[PROP_BLANK] = g_param_spec_boolean ("blank", NULL, NULL, FALSE, flags);
  properties[PROP_DRAFT] = g_param_spec_string ("draft", NULL, NULL, NULL, flags);
  properties[PROP_EDITING] = g_param_spec_string ("editing", NULL, NULL, NULL, flags);
  properties[PROP_ENDED] = g_param_spec_boolean ("ended", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BespokeSessionController::statement-added:
   * @uuid: the new statement
   *
   * A statement was added in this session (for the calm appear animation).
   */
  signals[STATEMENT_ADDED] =
    g_signal_new ("statement-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bespoke_session_controller_init (BespokeSessionController *self)
{
}

gboolean
_bespoke_session_controller_save_session (BespokeSessionController  *self,
                                          GError                   **error)
{
  if (bespoke_store_get_read_only (self->store))
    return TRUE;
  return bespoke_store_save (self->store, self->session, error);
}

/* The person's unfinished session, if the app stopped in the middle of
 * one: it goes on, with its half-typed words. */
static BespokeSession *
find_unfinished (BespokeStore  *store,
                 const char    *person_uuid,
                 GError       **error)
{
  g_autoptr(GPtrArray) sessions = bespoke_store_list (store, BESPOKE_TYPE_SESSION, person_uuid, error);

  if (sessions == NULL)
    return NULL;
  for (guint i = sessions->len; i > 0; i--)
    {
      BespokeSession *session = g_ptr_array_index (sessions, i - 1);
      const char *end = bespoke_session_get_end_time (session);

      if (end == NULL || *end == '\0')
        return g_object_ref (session);
    }
  return NULL;
}

static gboolean
load_board (BespokeSessionController  *self,
            BespokeSessionTool         tool,
            GError                   **error)
{
  g_autoptr(BespokeSessionBoard) board = NULL;

  board = bespoke_session_board_new (self->store, self->history,
                                     bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), tool, error);
  if (board == NULL)
    return FALSE;
  g_set_object (&self->board, board);
  self->tool = tool;
  return TRUE;
}

/**
 * bespoke_session_controller_new:
 *
 * Starts a session with @person now, or carries on with their unfinished
 * one (after a crash), with its half-typed words.
 *
 * Returns: (transfer full): the session, or %NULL with @error
 */
BespokeSessionController *
bespoke_session_controller_new (BespokeStore    *store,
                                BespokeHistory  *history,
                                BespokePerson   *person,
                                GError         **error)
{
  g_autoptr(BespokeSessionController) self = NULL;
  const char *person_uuid;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (BESPOKE_IS_HISTORY (history), NULL);
  g_return_val_if_fail (BESPOKE_IS_PERSON (person), NULL);

  self = g_object_new (BESPOKE_TYPE_SESSION_CONTROLLER, NULL);
  self->store = g_object_ref (store);
  self->history = g_object_ref (history);
  self->person = g_object_ref (person);
  person_uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));

  self->session = find_unfinished (store, person_uuid, error);
  if (self->session == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *time = g_date_time_format (now, "%H:%M");

      if (error != NULL && *error != NULL)
        return NULL;
      self->session = bespoke_session_new ();
      bespoke_session_set_person_uuid (self->session, person_uuid);
      bespoke_session_set_date (self->session, date);
      bespoke_session_set_start_time (self->session, time);
      if (!_bespoke_session_controller_save_session (self, error))
        return NULL;
    }

  self->draft = g_strdup (bespoke_session_get_draft (self->session));
  if (!load_board (self, bespoke_session_get_draft_tool (self->session), error))
    return NULL;
  self->section = MIN (bespoke_session_get_draft_section (self->session),
                       MAX (bespoke_session_board_get_n_sections (self->board), 1) - 1);
  return g_steal_pointer (&self);
}

BespokeSessionBoard *
bespoke_session_controller_get_board (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), NULL);
  return self->board;
}

BespokeSession *
bespoke_session_controller_get_session (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), NULL);
  return self->session;
}

BespokeStore *
bespoke_session_controller_get_store (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), NULL);
  return self->store;
}

/**
 * bespoke_session_controller_get_person_name:
 *
 * Returns: the name the person goes by
 */
const char *
bespoke_session_controller_get_person_name (BespokeSessionController *self)
{
  const char *preferred;

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), NULL);
  preferred = bespoke_person_get_preferred_name (self->person);
  return preferred != NULL && *preferred != '\0' ? preferred : bespoke_person_get_name (self->person);
}

gboolean
bespoke_session_controller_get_is_staff (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), FALSE);
  return bespoke_person_get_is_staff (self->person);
}

BespokeSessionTool
bespoke_session_controller_get_tool (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), 0);
  return self->tool;
}

void
_bespoke_session_controller_set_selected (BespokeSessionController *self,
                                          const char               *uuid)
{
  if (g_strcmp0 (self->selected, uuid) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * bespoke_session_controller_set_tool:
 *
 * Shows another tool, on both screens.  The next statement goes to its
 * first list.
 */
void
bespoke_session_controller_set_tool (BespokeSessionController *self,
                                     BespokeSessionTool        tool)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self));
  g_return_if_fail (tool < BESPOKE_N_SESSION_TOOLS);

  if (tool == self->tool)
    return;
  bespoke_session_controller_cancel_edit (self);
  if (!load_board (self, tool, &error))
    {
      g_warning ("Could not read the tool’s statements: %s", error->message);
      return;
    }
  self->section = 0;
  _bespoke_session_controller_set_selected (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
  _bespoke_session_controller_schedule_draft_save (self);
}

/**
 * bespoke_session_controller_step_tool:
 * @delta: 1 for the next tool (PageDown), -1 for the one before (PageUp)
 */
void
bespoke_session_controller_step_tool (BespokeSessionController *self,
                                      int                       delta)
{
  int tool;

  g_return_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self));
  tool = CLAMP ((int) self->tool + delta, 0, BESPOKE_N_SESSION_TOOLS - 1);
  bespoke_session_controller_set_tool (self, (BespokeSessionTool) tool);
}

guint
bespoke_session_controller_get_section (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), 0);
  return self->section;
}

/**
 * bespoke_session_controller_set_section:
 *
 * Chooses the list the next statement goes to (Ctrl+1 to Ctrl+3); a list
 * the tool does not have is ignored.
 */
void
bespoke_session_controller_set_section (BespokeSessionController *self,
                                        guint                     section)
{
  g_return_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self));

  if (section >= bespoke_session_board_get_n_sections (self->board) || section == self->section)
    return;
  self->section = section;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
  _bespoke_session_controller_schedule_draft_save (self);
}

const char *
bespoke_session_controller_get_selected (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), NULL);

  /* a statement undone away is no longer selected */
  if (self->selected != NULL && !bespoke_session_board_find (self->board, self->selected, NULL, NULL))
    return NULL;
  return self->selected;
}

void
bespoke_session_controller_select (BespokeSessionController *self,
                                   const char               *uuid)
{
  g_return_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self));
  _bespoke_session_controller_set_selected (self, uuid);
}

/* The tool's statements, list after list, as one sequence of uuids */
static GPtrArray *
all_uuids (BespokeSessionController *self)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < bespoke_session_board_get_n_sections (self->board); s++)
    {
      GListModel *model = bespoke_session_board_get_section (self->board, s);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(BespokeRecord) record = g_list_model_get_item (model, i);

          g_ptr_array_add (uuids, g_strdup (bespoke_record_get_uuid (record)));
        }
    }
  return uuids;
}

/**
 * bespoke_session_controller_step_selection:
 * @delta: 1 for the next statement (Down), -1 for the one before (Up)
 *
 * With nothing selected, Down selects the first and Up the last.
 */
void
bespoke_session_controller_step_selection (BespokeSessionController *self,
                                           int                       delta)
{
  g_autoptr(GPtrArray) uuids = NULL;
  const char *selected;
  int at = -1;

  g_return_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self));

  uuids = all_uuids (self);
  if (uuids->len == 0)
    return;
  selected = bespoke_session_controller_get_selected (self);
  for (guint i = 0; selected != NULL && i < uuids->len; i++)
    if (g_str_equal (g_ptr_array_index (uuids, i), selected))
      at = (int) i;
  if (at < 0)
    at = delta > 0 ? 0 : (int) uuids->len - 1;
  else
    at = CLAMP (at + delta, 0, (int) uuids->len - 1);
  _bespoke_session_controller_set_selected (self, g_ptr_array_index (uuids, at));
}

gboolean
bespoke_session_controller_get_blank (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), FALSE);
  return self->blank;
}

/**
 * bespoke_session_controller_set_blank:
 *
 * Blanks the TV to a calm screen with the person's name, or brings the
 * tool back.
 */
void
bespoke_session_controller_set_blank (BespokeSessionController *self,
                                      gboolean                  blank)
{
  g_return_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self));

  blank = !!blank;
  if (blank == self->blank)
    return;
  self->blank = blank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
}

const char *
bespoke_session_controller_get_draft (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), NULL);
  return self->draft;
}

const char *
bespoke_session_controller_get_editing (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), NULL);
  return self->editing;
}

gboolean
bespoke_session_controller_get_ended (BespokeSessionController *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (self), FALSE);
  return self->ended;
}
