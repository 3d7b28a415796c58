/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-presentation-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bespoke-circle-chart.h"
#include "bespoke-presentation-window.h"
#include "bespoke-session-tool.h"

/**
 * BespokePresentationWindow:
 *
 * The session on the TV: only the person's chosen tool, in large type
 * that scales with the window's height (32 px at 1080 lines, never below
 * 24), with the words being typed shown as they are written.  No people
 * list, no money, no risks, no header bar or menu: the whole window is a
 * handle to drag it to the TV.  B blanks it to a calm screen with the
 * person's name; F11 makes it full screen; Escape closes it.
 */
struct _BespokePresentationWindow
{
  AdwWindow                 parent_instance;

  BespokeSessionController *controller;
  GtkCssProvider           *css;
  int                       body_px;
  int                       wanted_px;
  guint                     css_idle_id;
  guint                     scroll_idle_id;
  GHashTable               *items;       /* uuid -> its widget (owned by the columns) */
  GtkWidget                *lists[3];
  GtkWidget                *scrollers[3];
  GtkWidget                *draft_label;
  char                     *appearing;   /* uuid of the statement just added */
  BespokeSessionBoard      *board;       /* the board whose lists are shown */
  gulong                    items_ids[3];

  GtkStack                 *stack;
  GtkWidget                *tool_page;
  GtkLabel                 *title_label;
  GtkBox                   *columns;
  GtkLabel                 *blank_label;
};

G_DEFINE_FINAL_TYPE (BespokePresentationWindow, bespoke_presentation_window, ADW_TYPE_WINDOW)

enum {
  KEY_FOR_FACILITATOR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * bespoke_presentation_window_body_px_for_height:
 *
 * Returns: the body text size for a presentation @height pixels tall:
 *   32 px at 1080, in proportion, and never below 24 px
 */
int
bespoke_presentation_window_body_px_for_height (int height)
{
  return MAX (24, (height * 32 + 540) / 1080);
}

static void
load_css (BespokePresentationWindow *self)
{
  int body = self->wanted_px;
  g_autofree char *css = NULL;

  self->body_px = body;
  css = g_strdup_printf (
    "window.bespoke-presentation { background-color: @view_bg_color; color: @view_fg_color; }\n"
    "window.bespoke-presentation .presentation-title { font-size: %dpx; font-weight: 800; }\n"
    "window.bespoke-presentation .presentation-heading { font-size: %dpx; font-weight: 700;"
    "  padding-bottom: 8px; border-bottom: 4px solid transparent; }\n"
    "window.bespoke-presentation .presentation-heading.current { border-bottom-color: @accent_color; }\n"
    "window.bespoke-presentation .presentation-statement { font-size: %dpx; line-height: 1.25; }\n"
    "window.bespoke-presentation .presentation-speaker { font-size: %dpx; font-style: italic; }\n"
    "window.bespoke-presentation .presentation-item { padding: 8px 16px; border-radius: 12px;"
    "  border: 3px solid transparent; }\n"
    "window.bespoke-presentation .presentation-item.selected { background-color: @accent_bg_color;"
    "  color: @accent_fg_color; }\n"
    "window.bespoke-presentation .presentation-draft { font-size: %dpx; font-style: italic;"
    "  padding: 8px 16px; border: 3px dashed @accent_color; border-radius: 12px; }\n"
    "window.bespoke-presentation .presentation-blank { font-size: %dpx; font-weight: 700; }\n"
    "window.bespoke-presentation .presentation-empty { font-size: %dpx; font-style: italic; }\n"
    "@keyframes presentation-appear { from { opacity: 0; } to { opacity: 1; } }\n"
    "window.bespoke-presentation .presentation-item.appearing { animation: presentation-appear 700ms ease-out; }\n",
    body * 2, body * 3 / 2 > body + 8 ? body * 3 / 2 : body + 8, body, MAX (24, body * 3 / 4), body,
    body * 2, body);
  gtk_css_provider_load_from_data (self->css, css, -1);
}

static gboolean
css_idle_cb (gpointer user_data)
{
  BespokePresentationWindow *self = user_data;

  self->css_idle_id = 0;
  load_css (self);
  return G_SOURCE_REMOVE;
}

static void
bespoke_presentation_window_size_allocate (GtkWidget *widget,
                                           int        width,
                                           int        height,
                                           int        baseline)
{
  BespokePresentationWindow *self = BESPOKE_PRESENTATION_WINDOW (widget);

  GTK_WIDGET_CLASS (bespoke_presentation_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* the size follows the height; a new size is styled after this frame */
  self->wanted_px = bespoke_presentation_window_body_px_for_height (height);
  if (self->wanted_px != self->body_px && self->css_idle_id == 0)
    self->css_idle_id = g_idle_add (css_idle_cb, self);
}

int
bespoke_presentation_window_get_body_px (BespokePresentationWindow *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRESENTATION_WINDOW (self), 0);
  return self->body_px;
}

/* Keeps the selected statement, or else the words being written, in
 * sight in its column. */
static gboolean
scroll_idle_cb (gpointer user_data)
{
  BespokePresentationWindow *self = user_data;
  const char *selected = bespoke_session_controller_get_selected (self->controller);
  GtkWidget *target = selected != NULL ? g_hash_table_lookup (self->items, selected) : NULL;

  self->scroll_idle_id = 0;
  if (target == NULL && gtk_widget_get_parent (self->draft_label) != NULL && gtk_widget_get_visible (self->draft_label))
    target = self->draft_label;
  if (target == NULL && self->appearing != NULL)
    target = g_hash_table_lookup (self->items, self->appearing);
  if (target == NULL)
    return G_SOURCE_REMOVE;

  for (GtkWidget *w = target; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));
        GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w));
        double x = 0, y = 0;
        int h = gtk_widget_get_height (target);
        double page = gtk_adjustment_get_page_size (adj);
        double value = gtk_adjustment_get_value (adj);

        if (!gtk_widget_translate_coordinates (target, child, 0, 0, &x, &y))
          break;
        if (y < value)
          gtk_adjustment_set_value (adj, y);
        else if (y + h > value + page)
          gtk_adjustment_set_value (adj, y + h - page);
        break;
      }
  return G_SOURCE_REMOVE;
}

static void
queue_scroll (BespokePresentationWindow *self)
{
  if (self->scroll_idle_id == 0)
    self->scroll_idle_id = g_timeout_add (50, scroll_idle_cb, self);
}

static GtkWidget *
make_item (BespokePresentationWindow *self,
           BespokeRecord             *record)
{
  g_autofree char *text = bespoke_session_board_dup_text (record);
  g_autofree char *said_by = bespoke_session_board_dup_said_by (record);
  g_autofree char *speaker = bespoke_session_board_name_of (bespoke_session_controller_get_board (self->controller), said_by);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (box, "presentation-item");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "presentation-statement");
  gtk_box_append (GTK_BOX (box), label);
  if (speaker != NULL)
    {
      g_autofree char *said = g_strdup_printf (_("said by %s"), speaker);
      GtkWidget *who = gtk_label_new (said);

      gtk_label_set_wrap (GTK_LABEL (who), TRUE);
      gtk_label_set_xalign (GTK_LABEL (who), 0);
      gtk_widget_add_css_class (who, "presentation-speaker");
      gtk_box_append (GTK_BOX (box), who);
    }

  /* a calm appearance for the statement just added (a CSS animation,
   * which GTK skips when the desktop asks for less animation) */
  if (g_strcmp0 (self->appearing, bespoke_record_get_uuid (record)) == 0)
    gtk_widget_add_css_class (box, "appearing");
  g_hash_table_insert (self->items, g_strdup (bespoke_record_get_uuid (record)), box);
  return box;
}

static void
update_selection (BespokePresentationWindow *self)
{
  const char *selected = bespoke_session_controller_get_selected (self->controller);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_strcmp0 (key, selected) == 0)
        gtk_widget_add_css_class (value, "selected");
      else
        gtk_widget_remove_css_class (value, "selected");
    }
  queue_scroll (self);
}

/* The words being typed: under the list they will join, or in place of
 * the statement being edited, in the "being written" style. */
static void
update_draft (BespokePresentationWindow *self)
{
  const char *draft = bespoke_session_controller_get_draft (self->controller);
  const char *editing = bespoke_session_controller_get_editing (self->controller);
  gboolean shown = draft != NULL && *draft != '\0';

  gtk_label_set_text (GTK_LABEL (self->draft_label), shown ? draft : "");
  gtk_widget_set_visible (self->draft_label, shown);
  if (editing != NULL && g_hash_table_lookup (self->items, editing) != NULL)
    {
      GtkWidget *box = g_hash_table_lookup (self->items, editing);
      GtkWidget *list = gtk_widget_get_parent (box);

      /* the draft sits just after the statement it will replace */
      if (gtk_widget_get_parent (self->draft_label) == list)
        gtk_box_reorder_child_after (GTK_BOX (list), self->draft_label, box);
    }
  if (shown)
    queue_scroll (self);
}

static void
fill_list (BespokePresentationWindow *self,
           guint                      section)
{
  GListModel *model = bespoke_session_board_get_section (self->board, section);
  GtkWidget *list = self->lists[section];
  GtkWidget *child;
  guint current = bespoke_session_controller_get_section (self->controller);
  const char *editing = bespoke_session_controller_get_editing (self->controller);
  guint editing_section = G_MAXUINT;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    {
      if (child == self->draft_label)
        {
          /* self->draft_label keeps its own reference */
          gtk_box_remove (GTK_BOX (list), child);
          continue;
        }
      {
        GHashTableIter iter;
        gpointer value;

        g_hash_table_iter_init (&iter, self->items);
        while (g_hash_table_iter_next (&iter, NULL, &value))
          if (value == child)
            g_hash_table_iter_remove (&iter);
      }
      gtk_box_remove (GTK_BOX (list), child);
    }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BespokeRecord) record = g_list_model_get_item (model, i);

      gtk_box_append (GTK_BOX (list), make_item (self, record));
    }
  if (editing != NULL)
    bespoke_session_board_find (self->board, editing, &editing_section, NULL);
  if (gtk_widget_get_parent (self->draft_label) == NULL &&
      (editing != NULL ? editing_section == section : current == section))
    gtk_box_append (GTK_BOX (list), self->draft_label);
}

static void
section_changed_cb (GListModel                *model,
                    guint                      position,
                    guint                      removed,
                    guint                      added,
                    BespokePresentationWindow *self)
{
  for (guint s = 0; s < G_N_ELEMENTS (self->lists); s++)
    if (self->lists[s] != NULL && bespoke_session_board_get_section (self->board, s) == model)
      fill_list (self, s);
  update_selection (self);
  update_draft (self);
}

static void
disconnect_board (BespokePresentationWindow *self)
{
  for (guint s = 0; s < G_N_ELEMENTS (self->items_ids); s++)
    if (self->items_ids[s] != 0)
      g_clear_signal_handler (&self->items_ids[s], bespoke_session_board_get_section (self->board, s));
  g_clear_object (&self->board);
}

static GtkWidget *
make_column (BespokePresentationWindow *self,
             BespokeSessionTool         tool,
             guint                      section)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *heading = gtk_label_new (bespoke_session_tool_get_heading (tool, section,
                                                                      bespoke_session_controller_get_is_staff (self->controller)));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "presentation-heading");
  if (section == bespoke_session_controller_get_section (self->controller))
    gtk_widget_add_css_class (heading, "current");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (column), heading);
  gtk_box_append (GTK_BOX (column), scroller);
  self->lists[section] = list;
  self->scrollers[section] = scroller;
  return column;
}

/* Lays the TV out for the tool shown: one column for each of its lists,
 * or the relationship circle drawn large. */
static void
rebuild (BespokePresentationWindow *self)
{
  BespokeSessionBoard *board = bespoke_session_controller_get_board (self->controller);
  BespokeSessionTool tool = bespoke_session_board_get_tool (board);
  GtkWidget *child;

  disconnect_board (self);
  self->board = g_object_ref (board);
  if (gtk_widget_get_parent (self->draft_label) != NULL)
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->draft_label)), self->draft_label);
  g_hash_table_remove_all (self->items);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns))) != NULL)
    gtk_box_remove (self->columns, child);
  memset (self->lists, 0, sizeof self->lists);
  memset (self->scrollers, 0, sizeof self->scrollers);

  gtk_label_set_text (self->title_label, bespoke_session_tool_get_title (tool));
  if (tool == BESPOKE_SESSION_TOOL_CIRCLE)
    {
      GtkWidget *chart = bespoke_circle_chart_new ();

      bespoke_circle_chart_set_members (BESPOKE_CIRCLE_CHART (chart), bespoke_session_board_get_circle (board),
                                        bespoke_session_controller_get_person_name (self->controller));
      gtk_widget_set_hexpand (chart, TRUE);
      gtk_widget_set_vexpand (chart, TRUE);
      gtk_widget_add_css_class (chart, "presentation-statement");
      gtk_box_append (self->columns, chart);
      return;
    }
  for (guint s = 0; s < bespoke_session_board_get_n_sections (board); s++)
    {
      gtk_box_append (self->columns, make_column (self, tool, s));
      fill_list (self, s);
      self->items_ids[s] = g_signal_connect (bespoke_session_board_get_section (board, s), "items-changed",
                                             G_CALLBACK (section_changed_cb), self);
    }
  update_selection (self);
  update_draft (self);
}

static void
update_blank (BespokePresentationWindow *self)
{
  gboolean blank = bespoke_session_controller_get_blank (self->controller);

  gtk_stack_set_visible_child_name (self->stack, blank ? "blank" : "tool");
  /* a screen reader (and the tests) reads only what the TV shows */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->tool_page), GTK_ACCESSIBLE_STATE_HIDDEN, blank, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->blank_label), GTK_ACCESSIBLE_STATE_HIDDEN, !blank, -1);
}

static void
controller_notify_cb (BespokeSessionController  *controller,
                      GParamSpec                *pspec,
                      BespokePresentationWindow *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "board") || g_str_equal (name, "section") || g_str_equal (name, "editing"))
    rebuild (self);
  else if (g_str_equal (name, "selected"))
    update_selection (self);
  else if (g_str_equal (name, "draft"))
    update_draft (self);
  else if (g_str_equal (name, "blank"))
    update_blank (self);
  else if (g_str_equal (name, "ended") && bespoke_session_controller_get_ended (controller))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
statement_added_cb (BespokeSessionController  *controller,
                    const char                *uuid,
                    BespokePresentationWindow *self)
{
  GtkWidget *box = g_hash_table_lookup (self->items, uuid);

  g_free (self->appearing);
  self->appearing = g_strdup (uuid);
  /* the list was filled before the signal: start its animation now */
  if (box != NULL)
    gtk_widget_add_css_class (box, "appearing");
}

/* A key the TV does not use goes to the facilitator's entry */
static gboolean
key_pressed_cb (GtkEventControllerKey     *keys,
                guint                      keyval,
                guint                      keycode,
                GdkModifierType            state,
                BespokePresentationWindow *self)
{
  gboolean used = FALSE;

  g_signal_emit (self, signals[KEY_FOR_FACILITATOR], 0, keys, &used);
  return used;
}

static gboolean
blank_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  BespokePresentationWindow *self = BESPOKE_PRESENTATION_WINDOW (widget);

  bespoke_session_controller_set_blank (self->controller, !bespoke_session_controller_get_blank (self->controller));
  return TRUE;
}

static gboolean
fullscreen_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
  return TRUE;
}

static gboolean
step_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  BespokePresentationWindow *self = BESPOKE_PRESENTATION_WINDOW (widget);
  const char *what;
  int delta;

  g_variant_get (args, "(&si)", &what, &delta);
  if (g_str_equal (what, "tool"))
    bespoke_session_controller_step_tool (self->controller, delta);
  else
    bespoke_session_controller_step_selection (self->controller, delta);
  return TRUE;
}

static void
bespoke_presentation_window_dispose (GObject *object)
{
  BespokePresentationWindow *self = (BespokePresentationWindow *)object;

  g_clear_handle_id (&self->css_idle_id, g_source_remove);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  disconnect_board (self);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  G_OBJECT_CLASS (bespoke_presentation_window_parent_class)->dispose (object);
}

static void
bespoke_presentation_window_finalize (GObject *object)
{
  BespokePresentationWindow *self = (BespokePresentationWindow *)object;

  g_clear_object (&self->draft_label);
  g_clear_object (&self->controller);
  g_clear_object (&self->css);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->appearing, g_free);

  G_OBJECT_CLASS (bespoke_presentation_window_parent_class)->finalize (object);
}

static void
bespoke_presentation_window_class_init (BespokePresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_presentation_window_dispose;
  object_class->finalize = bespoke_presentation_window_finalize;
  widget_class->size_allocate = bespoke_presentation_window_size_allocate;

  /**
   * BespokePresentationWindow::key-for-facilitator:
   * @keys: the key controller whose event to forward
   *
   * A key pressed while the TV window has the keyboard that the TV does
   * not use (typing, Enter, Ctrl+1…): the capture view takes it.
   *
   * Returns: %TRUE if it was used
   */
  signals[KEY_FOR_FACILITATOR] =
    g_signal_new ("key-for-facilitator", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, GTK_TYPE_EVENT_CONTROLLER_KEY);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokePresentationWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BespokePresentationWindow, tool_page);
  gtk_widget_class_bind_template_child (widget_class, BespokePresentationWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BespokePresentationWindow, columns);
  gtk_widget_class_bind_template_child (widget_class, BespokePresentationWindow, blank_label);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_b, 0, blank_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_B, GDK_SHIFT_MASK, blank_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, blank_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F11, 0, fullscreen_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, step_cb, "(&si)", "tool", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, step_cb, "(&si)", "tool", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, step_cb, "(&si)", "statement", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, step_cb, "(&si)", "statement", -1);
}

static void
bespoke_presentation_window_init (BespokePresentationWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* the words being typed: placed under the list they will join */
  self->draft_label = g_object_ref_sink (gtk_label_new (NULL));
  gtk_label_set_wrap (GTK_LABEL (self->draft_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->draft_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->draft_label), 0);
  gtk_widget_add_css_class (self->draft_label, "presentation-draft");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->draft_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Being written"), -1);
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  self->wanted_px = bespoke_presentation_window_body_px_for_height (720);
  load_css (self);
}

/**
 * bespoke_presentation_window_new:
 *
 * Returns: (transfer full): the TV's view of @controller's session
 */
BespokePresentationWindow *
bespoke_presentation_window_new (BespokeSessionController *controller)
{
  BespokePresentationWindow *self;
  g_autofree char *title = NULL;
  g_autofree char *blank = NULL;
  const char *name;

  g_return_val_if_fail (BESPOKE_IS_SESSION_CONTROLLER (controller), NULL);

  self = g_object_new (BESPOKE_TYPE_PRESENTATION_WINDOW, NULL);
  self->controller = g_object_ref (controller);
  name = bespoke_session_controller_get_person_name (controller);
  /* Translators: the TV window's title, %s is the person's name */
  title = g_strdup_printf (_("%s’s session"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* Translators: the calm screen the TV shows while blanked */
  blank = g_strdup_printf (_("%s\n\nBack in a moment"), name);
  gtk_label_set_text (self->blank_label, blank);

  g_signal_connect (controller, "notify", G_CALLBACK (controller_notify_cb), self);
  g_signal_connect (controller, "statement-added", G_CALLBACK (statement_added_cb), self);
  rebuild (self);
  update_blank (self);
  return self;
}

/**
 * bespoke_presentation_window_show_on_tv:
 * @laptop: the facilitator's window
 *
 * With a second monitor, fills the one @laptop is not on; with one, opens
 * as a window to drag to the TV (F11 makes it full screen).  The
 * facilitator's window keeps the keyboard.
 */
void
bespoke_presentation_window_show_on_tv (BespokePresentationWindow *self,
                                        GtkWindow                 *laptop)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = laptop != NULL ? gtk_native_get_surface (GTK_NATIVE (laptop)) : NULL;
  GdkMonitor *laptop_monitor = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;

  g_return_if_fail (BESPOKE_IS_PRESENTATION_WINDOW (self));

  if (g_list_model_get_n_items (monitors) >= 2)
    for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
      {
        g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

        if (monitor != laptop_monitor)
          {
            gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
            break;
          }
      }
  gtk_window_present (GTK_WINDOW (self));
  if (laptop != NULL)
    gtk_window_present (laptop);
}
