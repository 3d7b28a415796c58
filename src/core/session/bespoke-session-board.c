/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-session-board"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bespoke-circle-member.h"
#include "bespoke-error.h"
#include "bespoke-outcome.h"
#include "bespoke-person.h"
#include "bespoke-plans.h"
#include "bespoke-session-board.h"
#include "bespoke-session-tool.h"
#include "bespoke-statement.h"
#include "bespoke-tool-statement.h"

/**
 * BespokeSessionBoard:
 *
 * One tool of a facilitated session for one person: each of its lists a
 * #GListModel of its statements (#BespokeStatement, #BespokeToolStatement
 * or the current plan's #BespokeOutcome) in order, and the person's
 * circle.  Adding, changing, removing and moving statements save at once
 * through the history, so each is one undoable step; the lists follow the
 * store, so an undo shows at once.
 */
struct _BespokeSessionBoard
{
  GObject             parent_instance;

  BespokeStore       *store;
  BespokeHistory     *history;
  char               *person_uuid;
  BespokePerson      *person;
  BespokeSessionTool  tool;
  GType               record_type;
  char               *plan_uuid;    /* the outcomes' current plan, if any */
  GListStore         *sections[3];
  GListStore         *circle;
  gulong              changed_id;
};

G_DEFINE_FINAL_TYPE (BespokeSessionBoard, bespoke_session_board, G_TYPE_OBJECT)

static const char *
text_property (GType type)
{
  return type == BESPOKE_TYPE_OUTCOME ? "statement" : "text";
}

static gboolean
has_property (gpointer    record,
              const char *name)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (record), name) != NULL;
}

/**
 * bespoke_session_board_dup_text:
 *
 * Returns: (transfer full): the words of any statement a board holds
 */
char *
bespoke_session_board_dup_text (BespokeRecord *record)
{
  char *text = NULL;

  g_object_get (record, text_property (G_OBJECT_TYPE (record)), &text, NULL);
  return text;
}

/**
 * bespoke_session_board_dup_said_by:
 *
 * Returns: (transfer full) (nullable): who said a statement, a uuid
 */
char *
bespoke_session_board_dup_said_by (BespokeRecord *record)
{
  char *said_by = NULL;

  if (has_property (record, "said-by"))
    g_object_get (record, "said-by", &said_by, NULL);
  return said_by;
}

static void
bespoke_session_board_dispose (GObject *object)
{
  BespokeSessionBoard *self = (BespokeSessionBoard *)object;

  g_clear_signal_handler (&self->changed_id, self->store);
  G_OBJECT_CLASS (bespoke_session_board_parent_class)->dispose (object);
}

static void
bespoke_session_board_finalize (GObject *object)
{
  BespokeSessionBoard *self = (BespokeSessionBoard *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    g_clear_object (&self->sections[i]);
  g_clear_object (&self->circle);
  g_clear_object (&self->person);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_pointer (&self->person_uuid, g_free);
  g_clear_pointer (&self->plan_uuid, g_free);

  G_OBJECT_CLASS (bespoke_session_board_parent_class)->finalize (object);
}

static void
bespoke_session_board_class_init (BespokeSessionBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bespoke_session_board_dispose;
  object_class->finalize = bespoke_session_board_finalize;
}

static void
bespoke_session_board_init (BespokeSessionBoard *self)
{
  self->circle = g_list_store_new (BESPOKE_TYPE_CIRCLE_MEMBER);
}

/* Is what @store holds the same records, in the same order, with the
 * same words and speaker, as @array? */
static gboolean
same_items (GListStore *store,
            GPtrArray  *array)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) != array->len)
    return FALSE;
  for (guint i = 0; i < array->len; i++)
    {
      g_autoptr(BespokeRecord) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (!bespoke_record_equal (item, g_ptr_array_index (array, i)))
        return FALSE;
    }
  return TRUE;
}

static void
replace_items (GListStore *store,
               GPtrArray  *array)
{
  if (same_items (store, array))
    return;
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       array->pdata, array->len);
}

static int
stored_section_of (BespokeRecord *record)
{
  int section = -1;

  if (has_property (record, "section"))
    g_object_get (record, "section", &section, NULL);
  return section;
}

static gboolean
reload_circle (BespokeSessionBoard  *self,
               GError              **error)
{
  g_autoptr(GPtrArray) members = NULL;

  members = bespoke_store_list (self->store, BESPOKE_TYPE_CIRCLE_MEMBER, self->person_uuid, error);
  if (members == NULL)
    return FALSE;
  replace_items (self->circle, members);
  return TRUE;
}

/**
 * bespoke_session_board_reload:
 *
 * Reads the tool's statements and the circle again, as stored now.
 */
gboolean
bespoke_session_board_reload (BespokeSessionBoard  *self,
                              GError              **error)
{
  guint n = bespoke_session_tool_get_n_sections (self->tool);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(BespokePerson) person = NULL;
  GPtrArray *split[3];

  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), FALSE);

  person = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON, self->person_uuid, error);
  if (person == NULL || !reload_circle (self, error))
    return FALSE;
  g_set_object (&self->person, person);

  if (self->tool == BESPOKE_SESSION_TOOL_OUTCOMES)
    {
      g_autoptr(BespokePlan) plan = NULL;
      g_autoptr(GError) local_error = NULL;

      plan = bespoke_plans_find_current (self->store, self->person_uuid, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_free (self->plan_uuid);
      self->plan_uuid = plan != NULL ? g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (plan))) : NULL;
      records = self->plan_uuid != NULL
        ? bespoke_store_list (self->store, BESPOKE_TYPE_OUTCOME, self->plan_uuid, error)
        : g_ptr_array_new_with_free_func (g_object_unref);
    }
  else if (n > 0)
    records = bespoke_store_list (self->store, self->record_type, self->person_uuid, error);
  else
    return TRUE;
  if (records == NULL)
    return FALSE;

  for (guint s = 0; s < n; s++)
    split[s] = g_ptr_array_new ();
  for (guint i = 0; i < records->len; i++)
    {
      BespokeRecord *record = g_ptr_array_index (records, i);
      int stored = stored_section_of (record);

      for (guint s = 0; s < n; s++)
        if (bespoke_session_tool_get_stored_section (self->tool, s) == stored)
          g_ptr_array_add (split[s], record);
    }
  for (guint s = 0; s < n; s++)
    {
      replace_items (self->sections[s], split[s]);
      g_ptr_array_unref (split[s]);
    }
  return TRUE;
}

static void
store_changed_cb (BespokeStore        *store,
                  GType                type,
                  const char          *uuid,
                  BespokeSessionBoard *self)
{
  g_autoptr(GError) error = NULL;

  if (type != self->record_type && type != BESPOKE_TYPE_CIRCLE_MEMBER &&
      type != BESPOKE_TYPE_PERSON && type != BESPOKE_TYPE_PLAN)
    return;
  if (!bespoke_session_board_reload (self, &error))
    g_debug ("Could not read the session’s statements again: %s", error->message);
}

/**
 * bespoke_session_board_new:
 *
 * Returns: (transfer full): the lists of @tool for @person_uuid, read now
 *   and kept up to date with the store
 */
BespokeSessionBoard *
bespoke_session_board_new (BespokeStore        *store,
                           BespokeHistory      *history,
                           const char          *person_uuid,
                           BespokeSessionTool   tool,
                           GError             **error)
{
  g_autoptr(BespokeSessionBoard) self = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (BESPOKE_IS_HISTORY (history), NULL);
  g_return_val_if_fail (person_uuid != NULL, NULL);
  g_return_val_if_fail (tool < BESPOKE_N_SESSION_TOOLS, NULL);

  self = g_object_new (BESPOKE_TYPE_SESSION_BOARD, NULL);
  self->store = g_object_ref (store);
  self->history = g_object_ref (history);
  self->person_uuid = g_strdup (person_uuid);
  self->tool = tool;
  self->record_type = bespoke_session_tool_get_record_type (tool);
  for (guint s = 0; s < bespoke_session_tool_get_n_sections (tool); s++)
    self->sections[s] = g_list_store_new (self->record_type);
  if (!bespoke_session_board_reload (self, error))
    return NULL;
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  return g_steal_pointer (&self);
}

BespokeSessionTool
bespoke_session_board_get_tool (BespokeSessionBoard *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), 0);
  return self->tool;
}

guint
bespoke_session_board_get_n_sections (BespokeSessionBoard *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), 0);
  return bespoke_session_tool_get_n_sections (self->tool);
}

/**
 * bespoke_session_board_get_section:
 *
 * Returns: (transfer none): one list's statements, in order
 */
GListModel *
bespoke_session_board_get_section (BespokeSessionBoard *self,
                                   guint                section)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), NULL);
  g_return_val_if_fail (section < bespoke_session_tool_get_n_sections (self->tool), NULL);
  return G_LIST_MODEL (self->sections[section]);
}

/**
 * bespoke_session_board_get_circle:
 *
 * Returns: (transfer none): the person's circle, #BespokeCircleMember in order
 */
GListModel *
bespoke_session_board_get_circle (BespokeSessionBoard *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), NULL);
  return G_LIST_MODEL (self->circle);
}

/**
 * bespoke_session_board_find:
 *
 * Returns: %TRUE if the statement @uuid is on the board, with where
 */
gboolean
bespoke_session_board_find (BespokeSessionBoard *self,
                            const char          *uuid,
                            guint               *section,
                            guint               *index)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), FALSE);

  for (guint s = 0; uuid != NULL && s < bespoke_session_tool_get_n_sections (self->tool); s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sections[s])); i++)
      {
        g_autoptr(BespokeRecord) item = g_list_model_get_item (G_LIST_MODEL (self->sections[s]), i);

        if (g_str_equal (bespoke_record_get_uuid (item), uuid))
          {
            if (section != NULL)
              *section = s;
            if (index != NULL)
              *index = i;
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped != '\0')
    return TRUE;
  g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                       _("The statement is empty. Type what was said, then press Enter."));
  return FALSE;
}

/**
 * bespoke_session_board_add:
 * @said_by: (nullable): the person's or a circle member's uuid
 *
 * Adds a statement at the end of one of the tool's lists and saves it, as
 * one step of the history.
 *
 * Returns: (transfer full): the statement as saved, or %NULL with @error
 */
BespokeRecord *
bespoke_session_board_add (BespokeSessionBoard  *self,
                           guint                 section,
                           const char           *text,
                           const char           *said_by,
                           GError              **error)
{
  g_autoptr(BespokeRecord) record = NULL;
  g_autofree char *stripped = NULL;
  guint position;

  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), NULL);

  if (bespoke_session_tool_get_n_sections (self->tool) == 0)
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("The relationship circle only shows who is there. Add people on the Circle page."));
      return NULL;
    }
  g_return_val_if_fail (section < bespoke_session_tool_get_n_sections (self->tool), NULL);
  if (!check_text (text, error))
    return NULL;
  if (self->tool == BESPOKE_SESSION_TOOL_OUTCOMES && self->plan_uuid == NULL)
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                           _("There is no plan to add this outcome to. Make a plan on the Plan page first."));
      return NULL;
    }

  stripped = g_strstrip (g_strdup (text));
  position = g_list_model_get_n_items (G_LIST_MODEL (self->sections[section]));
  record = g_object_new (self->record_type,
                         text_property (self->record_type), stripped,
                         "position", position,
                         NULL);
  if (self->record_type == BESPOKE_TYPE_OUTCOME)
    g_object_set (record, "plan-uuid", self->plan_uuid, NULL);
  else
    g_object_set (record,
                  "person-uuid", self->person_uuid,
                  "section", bespoke_session_tool_get_stored_section (self->tool, section),
                  "said-by", said_by,
                  NULL);

  if (!bespoke_history_save (self->history, record, _("Add Statement"), error))
    return NULL;
  return g_steal_pointer (&record);
}

/**
 * bespoke_session_board_change:
 *
 * Changes a statement's words and who said it, as one step of the history.
 */
gboolean
bespoke_session_board_change (BespokeSessionBoard  *self,
                              BespokeRecord        *record,
                              const char           *text,
                              const char           *said_by,
                              GError              **error)
{
  g_autoptr(BespokeRecord) copy = NULL;
  g_autoptr(BespokeRecord) current = NULL;
  g_autofree char *stripped = NULL;
  guint section, index;

  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type), FALSE);

  if (!check_text (text, error))
    return FALSE;
  /* the statement as it is now (it may have moved since @record was read) */
  if (!bespoke_session_board_find (self, bespoke_record_get_uuid (record), &section, &index))
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                           _("That statement is no longer there. Choose another."));
      return FALSE;
    }
  current = g_list_model_get_item (G_LIST_MODEL (self->sections[section]), index);
  stripped = g_strstrip (g_strdup (text));
  copy = bespoke_record_copy (current);
  g_object_set (copy, text_property (self->record_type), stripped, NULL);
  if (has_property (copy, "said-by"))
    g_object_set (copy, "said-by", said_by, NULL);
  if (bespoke_record_equal (copy, current))
    return TRUE;
  return bespoke_history_save (self->history, copy, _("Change Statement"), error);
}

/**
 * bespoke_session_board_remove:
 *
 * Deletes a statement, as one step of the history (so Undo brings it back).
 */
gboolean
bespoke_session_board_remove (BespokeSessionBoard  *self,
                              BespokeRecord        *record,
                              GError              **error)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type), FALSE);

  return bespoke_history_delete (self->history, record, _("Delete Statement"), error);
}

/**
 * bespoke_session_board_move:
 * @index: its new place in its list, from 0
 *
 * Moves a statement within its list, renumbering the list, as one step of
 * the history.
 */
gboolean
bespoke_session_board_move (BespokeSessionBoard  *self,
                            BespokeRecord        *record,
                            guint                 index,
                            GError              **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  guint section, from;
  gboolean ok = TRUE;

  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), FALSE);

  if (!bespoke_session_board_find (self, bespoke_record_get_uuid (record), &section, &from))
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                           _("That statement is no longer there. Choose another."));
      return FALSE;
    }
  model = G_LIST_MODEL (self->sections[section]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (i != from)
      g_ptr_array_add (order, g_list_model_get_item (model, i));
  g_ptr_array_insert (order, MIN (index, order->len), g_list_model_get_item (model, from));

  bespoke_history_begin_group (self->history, _("Move Statement"));
  if (!bespoke_store_begin (self->store, error))
    ok = FALSE;
  for (guint i = 0; ok && i < order->len; i++)
    {
      BespokeRecord *item = g_ptr_array_index (order, i);
      guint position = 0;

      g_object_get (item, "position", &position, NULL);
      if (position != i)
        {
          g_autoptr(BespokeRecord) copy = bespoke_record_copy (item);

          g_object_set (copy, "position", i, NULL);
          ok = bespoke_history_save (self->history, copy, _("Move Statement"), error);
        }
    }
  if (ok)
    ok = bespoke_store_commit (self->store, error);
  else
    bespoke_store_rollback (self->store);
  bespoke_history_end_group (self->history);
  if (!ok)
    bespoke_session_board_reload (self, NULL);
  return ok;
}

/**
 * bespoke_session_board_name_of:
 *
 * Returns: (transfer full) (nullable): how to name who said something on
 *   screen: the person's preferred name, or a circle member's name (with
 *   their relationship, "Sarah (Mum)"); %NULL for no one known
 */
char *
bespoke_session_board_name_of (BespokeSessionBoard *self,
                               const char          *uuid)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), NULL);

  if (uuid == NULL || *uuid == '\0')
    return NULL;
  if (g_str_equal (uuid, self->person_uuid))
    {
      const char *preferred = bespoke_person_get_preferred_name (self->person);

      return g_strdup (preferred != NULL && *preferred != '\0' ? preferred : bespoke_person_get_name (self->person));
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->circle)); i++)
    {
      g_autoptr(BespokeCircleMember) member = g_list_model_get_item (G_LIST_MODEL (self->circle), i);
      const char *relationship = bespoke_circle_member_get_relationship (member);

      if (!g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (member)), uuid))
        continue;
      if (relationship != NULL && *relationship != '\0')
        return g_strdup_printf ("%s (%s)", bespoke_circle_member_get_name (member), relationship);
      return g_strdup (bespoke_circle_member_get_name (member));
    }
  return NULL;
}

static gboolean
starts_with_casefold (const char *text,
                      const char *prefix)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  a = g_utf8_casefold (text, -1);
  b = g_utf8_casefold (prefix, -1);
  return g_str_has_prefix (a, b);
}

/**
 * bespoke_session_board_split_said_by:
 * @typed: what the facilitator typed, e.g. "Mum: he loves the garage"
 * @said_by: (out) (transfer full) (nullable): the speaker's uuid
 *
 * Who said a statement is typed before a colon, by the first letters of
 * a circle member's name or relationship ("Sa:" or "Mum:"), or "me:" (or
 * the first letters of the person's own name) for the person.  A prefix
 * that names no one is part of the statement.
 *
 * Returns: (transfer full): the statement's words without the prefix
 */
char *
bespoke_session_board_split_said_by (BespokeSessionBoard  *self,
                                     const char           *typed,
                                     char                **said_by)
{
  const char *colon;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (BESPOKE_IS_SESSION_BOARD (self), NULL);
  g_return_val_if_fail (said_by != NULL, NULL);

  *said_by = NULL;
  typed = typed != NULL ? typed : "";
  colon = strchr (typed, ':');
  if (colon == NULL || colon == typed || colon - typed > 40)
    return g_strdup (typed);
  prefix = g_strstrip (g_strndup (typed, colon - typed));
  if (*prefix == '\0')
    return g_strdup (typed);

  if (g_ascii_strcasecmp (prefix, "me") == 0 || g_ascii_strcasecmp (prefix, "I") == 0 ||
      starts_with_casefold (bespoke_person_get_preferred_name (self->person), prefix) ||
      starts_with_casefold (bespoke_person_get_name (self->person), prefix))
    *said_by = g_strdup (self->person_uuid);
  for (guint i = 0; *said_by == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->circle)); i++)
    {
      g_autoptr(BespokeCircleMember) member = g_list_model_get_item (G_LIST_MODEL (self->circle), i);

      if (starts_with_casefold (bespoke_circle_member_get_name (member), prefix) ||
          starts_with_casefold (bespoke_circle_member_get_relationship (member), prefix))
        *said_by = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (member)));
    }
  if (*said_by == NULL)
    return g_strdup (typed);
  return g_strstrip (g_strdup (colon + 1));
}
