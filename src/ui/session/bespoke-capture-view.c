/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-capture-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-capture-view.h"
#include "bespoke-drop-down.h"
#include "bespoke-circle-member.h"
#include "bespoke-presentation-window.h"
#include "bespoke-session-tool.h"

/**
 * BespokeCaptureView:
 *
 * The facilitator's side of a session, in the main window: one entry to
 * type what was said (the TV shows it as it is typed), the tool and the
 * list the next statement goes to, the tool's statements, who is here,
 * and always whether the TV is blank.  The keyboard does everything:
 * Enter adds, Ctrl+1..3 choose the list, Up/Down select, Ctrl+E edits,
 * Delete removes (with an undo toast), Alt+Up/Down reorder, PageUp/Down
 * change tool, Ctrl+B blanks the TV, Shift+F5 ends; Ctrl+Z and
 * Ctrl+Shift+Z are the window's undo and redo.  Emits ::done when the
 * session has ended.
 */
struct _BespokeCaptureView
{
  AdwBin                     parent_instance;

  BespokeSessionController  *controller;
  BespokePresentationWindow *tv;
  BespokeSessionBoard       *board;
  gulong                     items_ids[3];
  gboolean                   syncing;
  guint                      refocus_id;
  gboolean                   forwarding;       /* handling a key from the TV window */
  gboolean                   tv_had_keyboard;  /* the new TV window has taken it once */

  AdwWindowTitle            *window_title;
  GtkToggleButton           *blank_button;
  GtkLabel                  *tv_status;
  GtkDropDown               *tool_dropdown;
  GtkDropDown               *section_dropdown;
  GtkListBox                *statements;
  GtkEntry                  *facilitator_entry;
  GtkBox                    *participants_box;
  GtkEntry                  *guests_entry;
  GtkLabel                  *hint_label;
  GtkLabel                  *error_label;
  GtkEntry                  *capture_entry;
};

G_DEFINE_FINAL_TYPE (BespokeCaptureView, bespoke_capture_view, ADW_TYPE_BIN)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (BespokeCaptureView *self,
            const GError       *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
update_tv_status (BespokeCaptureView *self)
{
  g_autofree char *text = NULL;
  BespokeSessionTool tool = bespoke_session_controller_get_tool (self->controller);

  if (bespoke_session_controller_get_blank (self->controller))
    text = g_strdup (_("The TV is blank. Press Ctrl+B to show it again."));
  else if (self->tv == NULL)
    text = g_strdup (_("The TV window is closed. Press Show on TV to open it."));
  else
    /* Translators: %s is a tool, e.g. "One-page profile" */
    text = g_strdup_printf (_("The TV shows: %s"), bespoke_session_tool_get_short_name (tool));
  gtk_label_set_text (self->tv_status, text);
  gtk_toggle_button_set_active (self->blank_button, bespoke_session_controller_get_blank (self->controller));
  if (bespoke_session_controller_get_blank (self->controller))
    gtk_widget_add_css_class (GTK_WIDGET (self->tv_status), "blank");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->tv_status), "blank");
}

static void
update_hint (BespokeCaptureView *self)
{
  BespokeSessionTool tool = bespoke_session_controller_get_tool (self->controller);
  g_autofree char *speaker = bespoke_session_controller_dup_speaker (self->controller);
  g_autofree char *text = NULL;
  const char *heading;

  if (bespoke_session_tool_get_n_sections (tool) == 0)
    {
      gtk_label_set_text (self->hint_label, _("The circle only shows who is there. Press PageUp or PageDown for another tool."));
      return;
    }
  heading = bespoke_session_tool_get_heading (tool, bespoke_session_controller_get_section (self->controller),
                                              bespoke_session_controller_get_is_staff (self->controller));
  if (bespoke_session_controller_get_editing (self->controller) != NULL)
    text = g_strdup (_("Changing the selected statement: Enter keeps the change, Escape leaves it as it was."));
  else if (speaker != NULL)
    /* Translators: %s are a list's heading and a person's name */
    text = g_strdup_printf (_("Goes to: %s. Said by %s."), heading, speaker);
  else
    text = g_strdup_printf (_("Goes to: %s."), heading);
  gtk_label_set_text (self->hint_label, text);
}

static GtkWidget *
statement_row (BespokeCaptureView *self,
               BespokeRecord      *record)
{
  g_autofree char *text = bespoke_session_board_dup_text (record);
  g_autofree char *said_by = bespoke_session_board_dup_said_by (record);
  g_autofree char *speaker = bespoke_session_board_name_of (self->board, said_by);
  g_autofree char *shown = speaker != NULL ? g_strdup_printf ("%s — %s", text, speaker) : g_strdup (text);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (shown);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_name (row, bespoke_record_get_uuid (record));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
  /* the entry keeps the keyboard; rows are chosen with Up and Down */
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
heading_row (const char *heading)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (heading);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
update_selection (BespokeCaptureView *self)
{
  const char *selected = bespoke_session_controller_get_selected (self->controller);
  GtkWidget *row;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->statements)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (selected != NULL && g_str_equal (gtk_widget_get_name (row), selected))
      {
        gtk_list_box_select_row (self->statements, GTK_LIST_BOX_ROW (row));
        return;
      }
  gtk_list_box_unselect_all (self->statements);
}

static void
fill_statements (BespokeCaptureView *self)
{
  BespokeSessionTool tool = bespoke_session_board_get_tool (self->board);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->statements))) != NULL)
    gtk_list_box_remove (self->statements, child);
  for (guint s = 0; s < bespoke_session_board_get_n_sections (self->board); s++)
    {
      GListModel *model = bespoke_session_board_get_section (self->board, s);

      gtk_list_box_append (self->statements,
                           heading_row (bespoke_session_tool_get_heading (tool, s, bespoke_session_controller_get_is_staff (self->controller))));
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(BespokeRecord) record = g_list_model_get_item (model, i);

          gtk_list_box_append (self->statements, statement_row (self, record));
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->statements), bespoke_session_board_get_n_sections (self->board) > 0);
  update_selection (self);
}

static void
items_changed_cb (GListModel         *model,
                  guint               position,
                  guint               removed,
                  guint               added,
                  BespokeCaptureView *self)
{
  fill_statements (self);
}

static void
disconnect_board (BespokeCaptureView *self)
{
  for (guint s = 0; s < G_N_ELEMENTS (self->items_ids); s++)
    if (self->items_ids[s] != 0)
      g_clear_signal_handler (&self->items_ids[s], bespoke_session_board_get_section (self->board, s));
  g_clear_object (&self->board);
}

static void
update_sections (BespokeCaptureView *self)
{
  BespokeSessionTool tool = bespoke_session_controller_get_tool (self->controller);
  g_autoptr(GtkStringList) headings = gtk_string_list_new (NULL);

  for (guint s = 0; s < bespoke_session_tool_get_n_sections (tool); s++)
    gtk_string_list_append (headings, bespoke_session_tool_get_heading (tool, s, bespoke_session_controller_get_is_staff (self->controller)));
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->section_dropdown, G_LIST_MODEL (headings));
  gtk_drop_down_set_selected (self->section_dropdown, bespoke_session_controller_get_section (self->controller));
  gtk_widget_set_sensitive (GTK_WIDGET (self->section_dropdown), bespoke_session_tool_get_n_sections (tool) > 0);
  self->syncing = FALSE;
}

static void
participant_toggled_cb (GtkCheckButton     *check,
                        BespokeCaptureView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;
  if (!bespoke_session_controller_set_participant (self->controller, gtk_widget_get_name (GTK_WIDGET (check)),
                                                   gtk_check_button_get_active (check), &error))
    show_error (self, error);
}

static void
fill_participants (BespokeCaptureView *self)
{
  GListModel *circle = bespoke_session_board_get_circle (self->board);
  BespokeSession *session = bespoke_session_controller_get_session (self->controller);
  g_auto(GStrv) present = bespoke_session_split (bespoke_session_get_participants (session));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->participants_box))) != NULL)
    gtk_box_remove (self->participants_box, child);
  self->syncing = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (circle); i++)
    {
      g_autoptr(BespokeCircleMember) member = g_list_model_get_item (circle, i);
      const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (member));
      g_autofree char *name = bespoke_session_board_name_of (self->board, uuid);
      GtkWidget *check = gtk_check_button_new_with_label (name);

      gtk_widget_set_name (check, uuid);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains ((const char * const *) present, uuid));
      g_signal_connect (check, "toggled", G_CALLBACK (participant_toggled_cb), self);
      gtk_box_append (self->participants_box, check);
    }
  self->syncing = FALSE;
}

static void
connect_board (BespokeCaptureView *self)
{
  disconnect_board (self);
  self->board = g_object_ref (bespoke_session_controller_get_board (self->controller));
  for (guint s = 0; s < bespoke_session_board_get_n_sections (self->board); s++)
    self->items_ids[s] = g_signal_connect (bespoke_session_board_get_section (self->board, s), "items-changed",
                                           G_CALLBACK (items_changed_cb), self);
  fill_statements (self);
  update_sections (self);
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->tool_dropdown, bespoke_session_controller_get_tool (self->controller));
  self->syncing = FALSE;
}

static void
controller_notify_cb (BespokeSessionController *controller,
                      GParamSpec               *pspec,
                      BespokeCaptureView       *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "board"))
    {
      connect_board (self);
      update_tv_status (self);
    }
  else if (g_str_equal (name, "section"))
    update_sections (self);
  else if (g_str_equal (name, "selected"))
    update_selection (self);
  else if (g_str_equal (name, "blank"))
    update_tv_status (self);
  else if (g_str_equal (name, "draft"))
    {
      const char *draft = bespoke_session_controller_get_draft (controller);

      if (g_strcmp0 (draft != NULL ? draft : "", gtk_editable_get_text (GTK_EDITABLE (self->capture_entry))) != 0)
        {
          self->syncing = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->capture_entry), draft != NULL ? draft : "");
          gtk_editable_set_position (GTK_EDITABLE (self->capture_entry), -1);
          self->syncing = FALSE;
        }
    }
  else if (g_str_equal (name, "ended") && bespoke_session_controller_get_ended (controller))
    {
      g_signal_emit (self, signals[DONE], 0);
      return;
    }
  update_hint (self);
}

static void
entry_changed_cb (GtkEditable        *editable,
                  BespokeCaptureView *self)
{
  if (self->syncing)
    return;
  bespoke_session_controller_set_draft (self->controller, gtk_editable_get_text (editable));
  show_error (self, NULL);
}

static void
entry_activate_cb (GtkEntry           *entry,
                   BespokeCaptureView *self)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_session_controller_commit (self->controller, &error))
    show_error (self, error);
  else
    show_error (self, NULL);
}

static void
people_changed_cb (GtkEditable        *editable,
                   BespokeCaptureView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;
  if (!bespoke_session_controller_set_people (self->controller,
                                              gtk_editable_get_text (GTK_EDITABLE (self->facilitator_entry)),
                                              gtk_editable_get_text (GTK_EDITABLE (self->guests_entry)), &error))
    show_error (self, error);
}

static void
tool_selected_cb (GtkDropDown        *dropdown,
                  GParamSpec         *pspec,
                  BespokeCaptureView *self)
{
  if (!self->syncing && gtk_drop_down_get_selected (dropdown) != GTK_INVALID_LIST_POSITION)
    bespoke_session_controller_set_tool (self->controller, gtk_drop_down_get_selected (dropdown));
}

static void
section_selected_cb (GtkDropDown        *dropdown,
                     GParamSpec         *pspec,
                     BespokeCaptureView *self)
{
  if (!self->syncing && gtk_drop_down_get_selected (dropdown) != GTK_INVALID_LIST_POSITION)
    bespoke_session_controller_set_section (self->controller, gtk_drop_down_get_selected (dropdown));
}

static void
row_selected_cb (GtkListBox         *box,
                 GtkListBoxRow      *row,
                 BespokeCaptureView *self)
{
  if (row != NULL)
    bespoke_session_controller_select (self->controller, gtk_widget_get_name (GTK_WIDGET (row)));
}

/**
 * bespoke_capture_view_forward_key:
 *
 * Handles a key pressed in the TV window as if it were pressed here: the
 * facilitator's typing lands in the entry whichever window has the
 * keyboard (a desktop may keep it on a new TV window).
 *
 * Returns: %TRUE if it was used
 */
gboolean
bespoke_capture_view_forward_key (BespokeCaptureView    *self,
                                  GtkEventControllerKey *keys)
{
  gboolean used;

  g_return_val_if_fail (BESPOKE_IS_CAPTURE_VIEW (self), FALSE);

  self->forwarding = TRUE;
  used = gtk_event_controller_key_forward (keys, GTK_WIDGET (self)) ||
         gtk_event_controller_key_forward (keys, GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->capture_entry))));
  self->forwarding = FALSE;
  return used;
}

static gboolean
tv_key_cb (BespokePresentationWindow *tv,
           GtkEventControllerKey     *keys,
           BespokeCaptureView        *self)
{
  return bespoke_capture_view_forward_key (self, keys);
}

/* The TV window takes the keyboard when it first shows: the
 * facilitator's window takes it back, once the TV is on screen. */
static gboolean
refocus_cb (gpointer user_data)
{
  BespokeCaptureView *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->refocus_id = 0;
  if (GTK_IS_WINDOW (root))
    gtk_window_present (GTK_WINDOW (root));
  bespoke_capture_view_focus_entry (self);
  return G_SOURCE_REMOVE;
}

static void
tv_active_cb (GtkWindow          *tv,
              GParamSpec         *pspec,
              BespokeCaptureView *self)
{
  if (!gtk_window_is_active (tv) || self->tv_had_keyboard)
    return;
  self->tv_had_keyboard = TRUE;
  if (self->refocus_id == 0)
    self->refocus_id = g_idle_add (refocus_cb, self);
}

static void
tv_destroyed_cb (GtkWidget          *tv,
                 BespokeCaptureView *self)
{
  self->tv = NULL;
  if (!bespoke_session_controller_get_ended (self->controller))
    update_tv_status (self);
}

/**
 * bespoke_capture_view_present_tv:
 *
 * Opens the TV window (on the second monitor if there is one), or brings
 * it back after Escape closed it.
 */
void
bespoke_capture_view_present_tv (BespokeCaptureView *self)
{
  GtkRoot *root;

  g_return_if_fail (BESPOKE_IS_CAPTURE_VIEW (self));

  if (bespoke_session_controller_get_ended (self->controller))
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (self->tv == NULL)
    {
      self->tv = bespoke_presentation_window_new (self->controller);
      g_signal_connect (self->tv, "destroy", G_CALLBACK (tv_destroyed_cb), self);
      self->tv_had_keyboard = FALSE;
      g_signal_connect (self->tv, "notify::is-active", G_CALLBACK (tv_active_cb), self);
      g_signal_connect (self->tv, "key-for-facilitator", G_CALLBACK (tv_key_cb), self);
      if (GTK_IS_WINDOW (root))
        gtk_window_set_application (GTK_WINDOW (self->tv), gtk_window_get_application (GTK_WINDOW (root)));
    }
  bespoke_presentation_window_show_on_tv (self->tv, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  update_tv_status (self);
  bespoke_capture_view_focus_entry (self);
}

/**
 * bespoke_capture_view_get_tv:
 *
 * Returns: (transfer none) (nullable): the TV window, while it is open
 */
GtkWidget *
bespoke_capture_view_get_tv (BespokeCaptureView *self)
{
  g_return_val_if_fail (BESPOKE_IS_CAPTURE_VIEW (self), NULL);
  return GTK_WIDGET (self->tv);
}

void
bespoke_capture_view_focus_entry (BespokeCaptureView *self)
{
  g_return_if_fail (BESPOKE_IS_CAPTURE_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->capture_entry));
}

BespokeSessionController *
bespoke_capture_view_get_controller (BespokeCaptureView *self)
{
  g_return_val_if_fail (BESPOKE_IS_CAPTURE_VIEW (self), NULL);
  return self->controller;
}

static gboolean
focus_in_entry (BespokeCaptureView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* keys the TV window passes on count as the entry's */
  if (self->forwarding)
    return TRUE;
  return focus != NULL && (focus == GTK_WIDGET (self->capture_entry) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->capture_entry)));
}

static void
delete_selected (BespokeCaptureView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeRecord) removed = bespoke_session_controller_delete_selected (self->controller, &error);
  GtkWidget *overlay;
  AdwToast *toast;

  if (removed == NULL)
    {
      show_error (self, error);
      return;
    }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (_("Statement removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* The statement keys act while the entry has the keyboard (where the
 * facilitator always is); elsewhere Up and Down belong to the widget. */
static gboolean
statement_key (BespokeCaptureView *self,
               guint               keyval,
               GdkModifierType     mods)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->capture_entry));

  if (!focus_in_entry (self))
    return FALSE;
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_Down) && mods == 0)
    bespoke_session_controller_step_selection (self->controller, keyval == GDK_KEY_Down ? 1 : -1);
  else if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_Down) && mods == GDK_ALT_MASK)
    {
      if (!bespoke_session_controller_move_selected (self->controller, keyval == GDK_KEY_Down ? 1 : -1, &error))
        show_error (self, error);
    }
  else if (keyval == GDK_KEY_Delete && mods == 0 && *text == '\0')
    delete_selected (self);
  else if (keyval == GDK_KEY_Escape && mods == 0 && bespoke_session_controller_get_editing (self->controller) != NULL)
    bespoke_session_controller_cancel_edit (self->controller);
  else if (keyval == GDK_KEY_Escape && mods == 0 && bespoke_session_controller_get_selected (self->controller) != NULL)
    bespoke_session_controller_select (self->controller, NULL);
  else
    return FALSE;
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BespokeCaptureView    *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);

  if (bespoke_session_controller_get_ended (self->controller))
    return FALSE;
  if (mods == GDK_CONTROL_MASK && keyval >= GDK_KEY_1 && keyval <= GDK_KEY_3)
    bespoke_session_controller_set_section (self->controller, keyval - GDK_KEY_1);
  else if (mods == 0 && (keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_Page_Down))
    bespoke_session_controller_step_tool (self->controller, keyval == GDK_KEY_Page_Down ? 1 : -1);
  else if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_e || keyval == GDK_KEY_E))
    bespoke_session_controller_edit_selected (self->controller);
  else if ((mods & ~GDK_SHIFT_MASK) == GDK_CONTROL_MASK && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z))
    /* the window's history, also for keys the TV window passes on */
    gtk_widget_activate_action (GTK_WIDGET (self), (mods & GDK_SHIFT_MASK) ? "win.redo" : "win.undo", NULL);
  else if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_b || keyval == GDK_KEY_B))
    bespoke_session_controller_set_blank (self->controller, !bespoke_session_controller_get_blank (self->controller));
  else if (!statement_key (self, keyval, mods))
    return FALSE;
  bespoke_capture_view_focus_entry (self);
  return TRUE;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  bespoke_capture_view_present_tv (BESPOKE_CAPTURE_VIEW (widget));
}

static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BespokeCaptureView *self = BESPOKE_CAPTURE_VIEW (widget);

  bespoke_session_controller_set_blank (self->controller, !bespoke_session_controller_get_blank (self->controller));
  update_tv_status (self);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  BespokeCaptureView *self = BESPOKE_CAPTURE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!bespoke_session_controller_end (self->controller, &error))
    show_error (self, error);
}

static void
bespoke_capture_view_dispose (GObject *object)
{
  BespokeCaptureView *self = (BespokeCaptureView *)object;

  g_clear_handle_id (&self->refocus_id, g_source_remove);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  disconnect_board (self);
  if (self->tv != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->tv, self);
      gtk_window_destroy (GTK_WINDOW (self->tv));
      self->tv = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_CAPTURE_VIEW);
  G_OBJECT_CLASS (bespoke_capture_view_parent_class)->dispose (object);
}

static void
bespoke_capture_view_finalize (GObject *object)
{
  BespokeCaptureView *self = (BespokeCaptureView *)object;

  g_clear_object (&self->controller);
  G_OBJECT_CLASS (bespoke_capture_view_parent_class)->finalize (object);
}

static void
bespoke_capture_view_class_init (BespokeCaptureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_capture_view_dispose;
  object_class->finalize = bespoke_capture_view_finalize;

  /**
   * BespokeCaptureView::done:
   *
   * The session has ended; the window goes back to the person's pages.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-capture-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, window_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, blank_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, tv_status);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, tool_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, section_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, statements);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, facilitator_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, participants_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, guests_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, error_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeCaptureView, capture_entry);

  gtk_widget_class_install_action (widget_class, "capture.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "capture.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "capture.end", NULL, end_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, GDK_SHIFT_MASK, "capture.end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "capture.present", NULL);
}

static void
bespoke_capture_view_init (BespokeCaptureView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  bespoke_drop_down_name_button (self->tool_dropdown, _("Next statement goes to (Ctrl+1, Ctrl+2, Ctrl+3)"));
  bespoke_drop_down_name_button (self->section_dropdown, _("Statements (Up, Down to select)"));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * bespoke_capture_view_new:
 *
 * Returns: (transfer floating): the facilitator's view of @controller's
 *   session
 */
BespokeCaptureView *
bespoke_capture_view_new (BespokeSessionController *controller)
{
  BespokeCaptureView *self;
  g_autoptr(GtkStringList) tools = gtk_string_list_new (NULL);
  BespokeSession *session;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *guests = NULL;

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (controller), NULL);

  self = g_object_new (BESPOKE_TYPE_CAPTURE_VIEW, NULL);
  self->controller = g_object_ref (controller);
  session = bespoke_session_controller_get_session (controller);

  /* Translators: %s is the person's name */
  title = g_strdup_printf (_("Session with %s"), bespoke_session_controller_get_person_name (controller));
  /* Translators: %s is a time of day, 14:05 */
  subtitle = g_strdup_printf (_("Started at %s"), bespoke_session_get_start_time (session));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  for (guint t = 0; t < BESPOKE_N_SESSION_TOOLS; t++)
    gtk_string_list_append (tools, bespoke_session_tool_get_short_name (t));
  gtk_drop_down_set_model (self->tool_dropdown, G_LIST_MODEL (tools));

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->capture_entry),
                         bespoke_session_controller_get_draft (controller) != NULL ? bespoke_session_controller_get_draft (controller) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->facilitator_entry),
                         bespoke_session_get_facilitator (session) != NULL ? bespoke_session_get_facilitator (session) : "");
  guests = g_strdelimit (g_strdup (bespoke_session_get_guests (session) != NULL ? bespoke_session_get_guests (session) : ""), "\n", ',');
  gtk_editable_set_text (GTK_EDITABLE (self->guests_entry), guests);
  self->syncing = FALSE;

  connect_board (self);
  fill_participants (self);
  update_tv_status (self);
  update_hint (self);

  g_signal_connect (controller, "notify", G_CALLBACK (controller_notify_cb), self);
  g_signal_connect (self->capture_entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (self->capture_entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (self->facilitator_entry, "changed", G_CALLBACK (people_changed_cb), self);
  g_signal_connect (self->guests_entry, "changed", G_CALLBACK (people_changed_cb), self);
  g_signal_connect (self->tool_dropdown, "notify::selected", G_CALLBACK (tool_selected_cb), self);
  g_signal_connect (self->section_dropdown, "notify::selected", G_CALLBACK (section_selected_cb), self);
  g_signal_connect (self->statements, "row-selected", G_CALLBACK (row_selected_cb), self);
  return self;
}
