/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-window"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "bespoke-startup.h"
#include "bespoke-window-private.h"

/**
 * BespokeWindow:
 *
 * The main window: the people in one database down the side, with a search
 * and a filter (everyone, the people supported, staff) above them, and the
 * chosen person's pages beside it: Profile, Plan, Budget and Circle.  On a
 * narrow window the two fold into one column and the page switcher moves
 * to the bottom.  An empty database offers the example people instead.
 *
 * Every edit of the chosen person goes through one #BespokeHistory, so
 * win.undo and win.redo (Ctrl+Z, Ctrl+Shift+Z) take it back; choosing
 * another person starts a new history.
 *
 * The window is in several files around bespoke-window-private.h: this one
 * holds its state, its pages and its first frame.
 */

G_DEFINE_FINAL_TYPE (BespokeWindow, bespoke_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PEOPLE_FILTER,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void finish_first_frame (BespokeWindow *self);

/* The window's size is kept only if the schema is installed: a build run
 * from its folder, or a test, has none, and then nothing is saved. */
static GSettings *
window_settings_new (void)
{
  static const char * const keys[] = { "window-width", "window-height", "window-maximized" };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The schema %s is not installed; the window’s size will not be kept", APP_ID);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!g_settings_schema_has_key (schema, keys[i]))
      {
        g_debug ("The schema %s has no key %s; the window’s size will not be kept", APP_ID, keys[i]);
        return NULL;
      }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
apply_window_state (GtkWindow *window,
                    GSettings *settings)
{
  int width, height;

  if (settings == NULL)
    return;

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (window, width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);
}

static void
restore_window_state (BespokeWindow *self)
{
  apply_window_state (GTK_WINDOW (self), self->settings);
}

/**
 * bespoke_window_restore_size:
 *
 * Gives @window the size the main window was last closed at, maximised
 * or not, so that a window shown in the main window's place
 * (#BespokePreparingWindow) is the same size as the one that follows it.
 */
void
bespoke_window_restore_size (GtkWindow *window)
{
  g_autoptr(GSettings) settings = window_settings_new ();

  g_return_if_fail (GTK_IS_WINDOW (window));
  apply_window_state (window, settings);
}

static void
save_window_state (BespokeWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The default size follows the window while it is not maximised. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}


void
_bespoke_window_add_toast (BespokeWindow *self,
                           AdwToast      *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_bespoke_window_show_message (BespokeWindow *self,
                              const char    *heading,
                              const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
history_changed_cb (BespokeWindow  *self,
                    GParamSpec     *pspec,
                    BespokeHistory *history)
{
  _bespoke_window_update_actions (self);
}

/* The people, or an empty database's page offering the example people;
 * after the sidebar's ::changed, and whenever what can be done changed. */
void
_bespoke_window_update_pages (BespokeWindow *self)
{
  BespokePeopleModel *people = bespoke_people_sidebar_get_people_model (self->sidebar);
  const char *search = bespoke_people_model_get_search (people);
  gboolean searching = search != NULL && *search != '\0';
  gboolean empty = FALSE;

  finish_first_frame (self);
  /* The database is empty only if no one at all is in it, whatever the filter. */
  if (g_list_model_get_n_items (G_LIST_MODEL (people)) == 0 && !searching)
    empty = !bespoke_store_has_people (self->store);

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "people");
  _bespoke_window_update_actions (self);
}

static void
update_title (BespokeWindow *self)
{
  if (self->person != NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, bespoke_person_get_name (self->person));
      adw_view_switcher_title_set_subtitle (self->switcher_title,
                                            bespoke_person_get_is_staff (self->person) ? _("Member of staff") : NULL);
    }
  else
    {
      adw_view_switcher_title_set_title (self->switcher_title, NULL);
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
    }
}

static void
update_header (BespokeWindow *self)
{
  /* Text size is in the person menu and on Ctrl+plus/minus, not in the
   * header: buttons there on one page only squeezed the page switcher into
   * the bottom bar on that page and back to the top on the others. */
  gtk_widget_set_visible (self->person_menu_button, self->person != NULL);

  bespoke_profile_view_set_compact (self->profile_view, adw_leaflet_get_folded (self->leaflet));

  /* No one chosen: no pages to switch between */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, self->person != NULL);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->person != NULL &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

/* ---- start-up: the first frame has only what it shows ----------------- */

/* One costing of the person's plan, read by the Plan and Budget pages:
 * an edit costs the plan once.  Made before either page listens to the
 * store, so that it hears a change first. */
static BespokePlanCosting *
shared_costing (BespokeWindow *self)
{
  if (self->costing == NULL && self->store != NULL)
    self->costing = bespoke_plan_costing_new (self->store);
  return self->costing;
}

/* The plan, budget and circle pages are made when one is first shown, or
 * when the window is idle after its first frame, whichever comes first:
 * with no one chosen they show nothing, and made up front they were a
 * large part of the time to the first frame.  Returns whether it made it. */
static gboolean
build_page (BespokeWindow *self,
            const char    *name)
{
  if (g_strcmp0 (name, "plan") == 0 && self->plan_page == NULL)
    {
      self->plan_page = BESPOKE_PLAN_PAGE (bespoke_plan_page_new ());
      adw_bin_set_child (self->plan_bin, GTK_WIDGET (self->plan_page));
      bespoke_plan_page_set_costing (self->plan_page, shared_costing (self));
      if (self->person != NULL)
        bespoke_plan_page_set_person (self->plan_page, self->store, self->history, self->person);
      bespoke_startup_mark ("Plan page built");
      return TRUE;
    }
  if (g_strcmp0 (name, "budget") == 0 && self->budget_page == NULL)
    {
      self->budget_page = BESPOKE_BUDGET_PAGE (bespoke_budget_page_new ());
      adw_bin_set_child (self->budget_bin, GTK_WIDGET (self->budget_page));
      bespoke_budget_page_set_costing (self->budget_page, shared_costing (self));
      if (self->person != NULL)
        bespoke_budget_page_set_person (self->budget_page, self->store, self->history, self->person);
      bespoke_startup_mark ("Budget page built");
      return TRUE;
    }
  if (g_strcmp0 (name, "circle") == 0 && self->circle_page == NULL)
    {
      self->circle_page = BESPOKE_CIRCLE_PAGE (bespoke_circle_page_new ());
      adw_bin_set_child (self->circle_bin, GTK_WIDGET (self->circle_page));
      if (self->person != NULL)
        bespoke_circle_page_set_person (self->circle_page, self->store, self->history, self->person);
      bespoke_startup_mark ("Circle page built");
      return TRUE;
    }
  return FALSE;
}

/* One page an idle, so that a key press never waits for all three. */
static gboolean
build_pages_cb (gpointer user_data)
{
  BespokeWindow *self = user_data;

  if (build_page (self, "plan") || build_page (self, "budget") || build_page (self, "circle"))
    return G_SOURCE_CONTINUE;
  self->build_pages_id = 0;
  return G_SOURCE_REMOVE;
}

/* The most rows a screen can show: the list view is given only these
 * before the first frame.  GTK 4.8's GtkListView makes a row widget for up
 * to 200 items (GTK_LIST_VIEW_MAX_LIST_ITEMS) as soon as it has a model,
 * most of them off screen; a row is at least its 40-pixel avatar high. */
static guint
first_frame_rows (BespokeWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  if (height <= 0)
    height = 2160;
  return (guint) height / 40 + 2;
}


/* Before the first frame: the pages of the window's stacks that are not
 * shown are hidden in earnest, because a GtkStack measures every visible
 * page, shown or not, and their wrapped text was most of the first frame's
 * layout; the sidebar does the same with its own.  finish_first_frame()
 * shows them again. */
static void
hold_for_first_frame (BespokeWindow *self)
{
  GtkStack *stacks[] = { self->main_stack, self->content_stack };

  self->held_pages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (stacks); i++)
    {
      GtkWidget *shown = gtk_stack_get_visible_child (stacks[i]);

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stacks[i]));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (child != shown && gtk_widget_get_visible (child))
          g_ptr_array_add (self->held_pages, g_object_ref (child));
    }
  for (guint i = 0; i < self->held_pages->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->held_pages, i), FALSE);
  bespoke_people_sidebar_hold_for_first_frame (self->sidebar);
}

/* After the first frame, or as soon as anything changes what the window
 * shows: every page back, and every person in the list. */
static void
finish_first_frame (BespokeWindow *self)
{
  g_autoptr(GPtrArray) held = g_steal_pointer (&self->held_pages);

  if (held == NULL)
    return;
  for (guint i = 0; i < held->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (held, i), TRUE);
  bespoke_people_sidebar_finish_first_frame (self->sidebar);
  /* The page switchers make a button for each page of the stack they are
   * given; with no one chosen they are not shown. */
  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  bespoke_startup_mark ("hidden pages shown, every person listed");
}

/* A menu button makes its whole menu, every item a widget, when it is
 * given the menu: these are given theirs when first opened.  (GTK may
 * call this on every opening, so only the first gives it.) */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, user_data);
}

static gboolean
first_frame_idle_cb (gpointer user_data)
{
  BespokeWindow *self = user_data;

  self->first_frame_id = 0;
  finish_first_frame (self);
  if (self->build_pages_id == 0)
    self->build_pages_id = g_idle_add_full (G_PRIORITY_LOW, build_pages_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock *frame_clock,
                        BespokeWindow *self)
{
  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  bespoke_startup_mark ("window's first frame painted");
  if (self->first_frame_id == 0)
    self->first_frame_id = g_idle_add (first_frame_idle_cb, self);
}

static void
bespoke_window_map (GtkWidget *widget)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);

  GTK_WIDGET_CLASS (bespoke_window_parent_class)->map (widget);

  if (self->after_paint_id == 0 && self->first_frame_id == 0 && self->build_pages_id == 0 &&
      (self->plan_page == NULL || self->budget_page == NULL || self->circle_page == NULL))
    self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (first_frame_painted_cb), self);
}

static void
bespoke_window_unmap (GtkWidget *widget)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (bespoke_window_parent_class)->unmap (widget);
}

static void
page_changed_cb (BespokeWindow *self,
                 GParamSpec    *pspec,
                 GObject       *object)
{
  build_page (self, adw_view_stack_get_visible_child_name (self->view_stack));
  update_header (self);
}

/* glibc's malloc keeps what a person's pages freed (a plan of eight support
 * lines is 13 MB of widgets) for the life of the window, in holes it can
 * only hand back when asked: a second after the person shown last changed,
 * ask it (issue #13, tests/bench/bench-memory.py). */
static gboolean
trim_memory_cb (gpointer user_data)
{
  BespokeWindow *self = user_data;

  self->trim_id = 0;
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

/* The person's pages show @person; a different person starts a new
 * history, and the same person (reloaded) only refreshes the title. */
void
_bespoke_window_set_person (BespokeWindow *self,
                            BespokePerson *person)
{
  gboolean same = self->person != NULL && person != NULL &&
                  g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (self->person)),
                               bespoke_record_get_uuid (BESPOKE_RECORD (person)));

  if (self->person == person)
    return;

  finish_first_frame (self);
  g_set_object (&self->person, person);
  if (!same)
    {
      bespoke_history_clear (self->history);
      bespoke_profile_view_set_person (self->profile_view, person);
      if (self->plan_page != NULL)
        bespoke_plan_page_set_person (self->plan_page, self->store, self->history, person);
      if (self->budget_page != NULL)
        bespoke_budget_page_set_person (self->budget_page, self->store, self->history, person);
      if (self->circle_page != NULL)
        bespoke_circle_page_set_person (self->circle_page, self->store, self->history, person);
      bespoke_session_list_set_person (self->session_list, self->store, person);
      gtk_stack_set_visible_child_name (self->content_stack, person != NULL ? "person" : "none");
      g_clear_handle_id (&self->trim_id, g_source_remove);
      self->trim_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, trim_memory_cb, self, NULL);
    }

  update_title (self);
  update_header (self);
  _bespoke_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

/* Keeps the row of the person shown chosen when the list reloads. */
static void
sync_selection (BespokeWindow *self)
{
  g_autoptr(BespokePerson) fresh = NULL;

  if (self->person == NULL)
    return;

  finish_first_frame (self);
  fresh = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON,
                              bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), NULL);
  if (fresh == NULL || bespoke_person_get_archived (fresh))
    {
      /* Deleted or archived, here or elsewhere */
      _bespoke_window_set_person (self, NULL);
      return;
    }
  _bespoke_window_set_person (self, fresh);
  bespoke_people_sidebar_select_person (self->sidebar, fresh);
}

/* Another connection (bespoke-cli, an import, another process) wrote to
 * the database: the people list and every page of the person shown read
 * it again.  The person stays chosen, or is let go if they are gone. */
static void
reload_from_store (BespokeWindow *self)
{
  g_autoptr(BespokePerson) fresh = NULL;

  bespoke_people_sidebar_reload (self->sidebar);
  if (self->person == NULL)
    return;
  fresh = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), NULL);
  if (fresh == NULL || bespoke_person_get_archived (fresh))
    {
      _bespoke_window_set_person (self, NULL);
      return;
    }
  g_set_object (&self->person, fresh);
  bespoke_profile_view_reload (self->profile_view);
  if (self->plan_page != NULL)
    bespoke_plan_page_set_person (self->plan_page, self->store, self->history, fresh);
  if (self->budget_page != NULL)
    bespoke_budget_page_set_person (self->budget_page, self->store, self->history, fresh);
  if (self->circle_page != NULL)
    bespoke_circle_page_set_person (self->circle_page, self->store, self->history, fresh);
  bespoke_session_list_set_person (self->session_list, self->store, fresh);
  bespoke_people_sidebar_select_person (self->sidebar, fresh);
  update_title (self);
  update_header (self);
}

/**
 * bespoke_window_check_data_version:
 *
 * Compares the store's data version with the one last read, and if
 * another connection has written since, shows what it wrote.  The window
 * calls it when it becomes active again.
 *
 * Returns: %TRUE if the window read the store again
 */
gboolean
bespoke_window_check_data_version (BespokeWindow *self)
{
  gint64 version;

  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), FALSE);

  version = bespoke_store_get_data_version (self->store, NULL);
  if (version < 0 || version == self->data_version)
    return FALSE;
  self->data_version = version;
  reload_from_store (self);
  return TRUE;
}

static void
is_active_cb (BespokeWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    bespoke_window_check_data_version (self);
}

static void
person_chosen_cb (BespokeWindow        *self,
                  BespokePerson        *person,
                  BespokePeopleSidebar *sidebar)
{
  _bespoke_window_set_person (self, person);
}

void
_bespoke_window_show_content (BespokeWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_page);
}

static void
back_clicked_cb (BespokeWindow *self,
                 GtkButton     *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/**
 * bespoke_window_show_person:
 *
 * Shows @person's pages and chooses their row, clearing a search or a
 * filter that would hide them.
 */
void
bespoke_window_show_person (BespokeWindow *self,
                            BespokePerson *person)
{
  g_return_if_fail (BESPOKE_IS_WINDOW (self));
  g_return_if_fail (BESPOKE_IS_PERSON (person));

  if ((g_strcmp0 (self->filter, "people") == 0 && bespoke_person_get_is_staff (person)) ||
      (g_strcmp0 (self->filter, "staff") == 0 && !bespoke_person_get_is_staff (person)))
    bespoke_window_set_people_filter (self, "all");

  _bespoke_window_set_person (self, person);
  sync_selection (self);
  if (self->person != NULL && !bespoke_people_sidebar_select_person (self->sidebar, self->person))
    {
      /* Hidden by the search */
      bespoke_people_sidebar_clear_search (self->sidebar);
      sync_selection (self);
    }
  _bespoke_window_show_content (self);
}

static gboolean
bespoke_window_close_request (GtkWindow *window)
{
  save_window_state (BESPOKE_WINDOW (window));

  return GTK_WINDOW_CLASS (bespoke_window_parent_class)->close_request (window);
}

/* A planner with more than one database (one per visit, say) sees which
 * one a window shows; their own database needs no name. */
static void
update_database_name (BespokeWindow *self)
{
  const char *path = bespoke_store_get_path (self->store);
  g_autofree char *default_path = bespoke_store_default_path ();
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (g_str_equal (path, default_path))
    return;

  if (g_str_equal (path, ":memory:"))
    name = g_strdup (_("Temporary database"));
  else
    name = g_filename_display_basename (path);

  bespoke_people_sidebar_set_subtitle (self->sidebar, name);
  adw_window_title_set_subtitle (self->empty_title, name);

  /* Translators: the window's title, with a database's file name */
  title = g_strdup_printf (_("%s – Bespoke"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}


static void
bespoke_window_constructed (GObject *object)
{
  BespokeWindow *self = (BespokeWindow *)object;

  G_OBJECT_CLASS (bespoke_window_parent_class)->constructed (object);

  g_assert (BESPOKE_IS_STORE (self->store));

  self->history = bespoke_history_new (self->store);
  self->data_version = bespoke_store_get_data_version (self->store, NULL);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  g_signal_connect_object (self->history, "notify::can-undo",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);

  /* A screenful of people until the first frame, then everyone */
  bespoke_people_sidebar_set_store (self->sidebar, self->store, first_frame_rows (self));

  bespoke_profile_view_set_store (self->profile_view, self->store);
  bespoke_profile_view_set_history (self->profile_view, self->history);

  if (bespoke_store_get_read_only (self->store))
    {
      gtk_label_set_label (self->read_only_label, bespoke_store_get_read_only_reason (self->store));
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }

  update_database_name (self);
  _bespoke_window_update_pages (self);
  _bespoke_window_update_text_size_actions (self);
  update_header (self);
  update_title (self);

  self->settings = window_settings_new ();
  restore_window_state (self);

  hold_for_first_frame (self);
}

static void
bespoke_window_dispose (GObject *object)
{
  BespokeWindow *self = (BespokeWindow *)object;

  g_clear_handle_id (&self->first_frame_id, g_source_remove);
  g_clear_handle_id (&self->build_pages_id, g_source_remove);
  g_clear_handle_id (&self->trim_id, g_source_remove);
  g_clear_pointer (&self->held_pages, g_ptr_array_unref);
  if (self->help_overlay != NULL)
    {
      gtk_window_destroy (self->help_overlay);
      g_clear_object (&self->help_overlay);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_WINDOW);
  self->plan_page = NULL;
  self->budget_page = NULL;
  g_clear_object (&self->costing);
  self->circle_page = NULL;

  g_clear_object (&self->person);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bespoke_window_parent_class)->dispose (object);
}


static void
bespoke_window_finalize (GObject *object)
{
  BespokeWindow *self = (BespokeWindow *)object;

  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (bespoke_window_parent_class)->finalize (object);
}

static void
bespoke_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BespokeWindow *self = BESPOKE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PEOPLE_FILTER:
      g_value_set_string (value, self->filter);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BespokeWindow *self = BESPOKE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PEOPLE_FILTER:
      bespoke_window_set_people_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_window_class_init (BespokeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bespoke_window_constructed;
  object_class->dispose = bespoke_window_dispose;
  object_class->finalize = bespoke_window_finalize;
  object_class->get_property = bespoke_window_get_property;
  object_class->set_property = bespoke_window_set_property;

  widget_class->map = bespoke_window_map;
  widget_class->unmap = bespoke_window_unmap;

  window_class->close_request = bespoke_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BESPOKE_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * BespokeWindow:people-filter:
   *
   * Whom the list shows: "all", "people" (the people supported) or "staff".
   */
  properties[PROP_PEOPLE_FILTER] =
    g_param_spec_string ("people-filter", NULL, NULL, "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         BESPOKE_TYPE_PERSON,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BESPOKE_TYPE_PROFILE_VIEW);
  g_type_ensure (BESPOKE_TYPE_SESSION_LIST);

  g_type_ensure (BESPOKE_TYPE_PEOPLE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, session_bin);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, session_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, empty_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, example_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, person_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, empty_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, person_menu);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, profile_view);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, budget_bin);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, circle_bin);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, read_only_label);
  /* The sidebar's, named in the window's template too, to be found from
   * the window with gtk_widget_get_template_child() */
  gtk_widget_class_bind_template_child_full (widget_class, "search_entry", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "list_stack", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "people_list", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, person_chosen_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "show_content", G_CALLBACK (_bespoke_window_show_content));
  gtk_widget_class_bind_template_callback (widget_class, sync_selection);
  gtk_widget_class_bind_template_callback_full (widget_class, "update_pages", G_CALLBACK (_bespoke_window_update_pages));
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  _bespoke_window_class_actions_init (widget_class);
}

static void
bespoke_window_init (BespokeWindow *self)
{
  self->filter = g_strdup ("all");
  bespoke_startup_mark ("window template building");
  gtk_widget_init_template (GTK_WIDGET (self));
  bespoke_startup_mark ("window template built");

  gtk_menu_button_set_create_popup_func (self->empty_menu_button, create_menu_cb, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_cb, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->person_menu_button), create_menu_cb,
                                         self->person_menu, NULL);

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (page_changed_cb), self, G_CONNECT_SWAPPED);
}


BespokeWindow *
bespoke_window_new (GtkApplication *application,
                    BespokeStore   *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  return g_object_new (BESPOKE_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * bespoke_window_get_store:
 *
 * Returns: (transfer none): the database this window shows
 */
BespokeStore *
bespoke_window_get_store (BespokeWindow *self)
{
  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * bespoke_window_get_history:
 *
 * Returns: (transfer none): the undo history of the person shown
 */
BespokeHistory *
bespoke_window_get_history (BespokeWindow *self)
{
  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), NULL);
  return self->history;
}

/**
 * bespoke_window_get_person:
 *
 * Returns: (transfer none) (nullable): the person whose pages are shown
 */
BespokePerson *
bespoke_window_get_person (BespokeWindow *self)
{
  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), NULL);
  return self->person;
}

/**
 * bespoke_window_get_people_model:
 *
 * Returns: (transfer none): the lazy model the list shows
 */
BespokePeopleModel *
bespoke_window_get_people_model (BespokeWindow *self)
{
  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), NULL);
  return bespoke_people_sidebar_get_people_model (self->sidebar);
}

const char *
bespoke_window_get_people_filter (BespokeWindow *self)
{
  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), NULL);
  return self->filter;
}

/**
 * bespoke_window_set_people_filter:
 * @filter: "all", "people" or "staff"
 */
void
bespoke_window_set_people_filter (BespokeWindow *self,
                                  const char    *filter)
{
  g_return_if_fail (BESPOKE_IS_WINDOW (self));

  if (filter == NULL || (!g_str_equal (filter, "people") && !g_str_equal (filter, "staff")))
    filter = "all";
  if (g_strcmp0 (self->filter, filter) == 0)
    return;

  g_free (self->filter);
  self->filter = g_strdup (filter);
  bespoke_people_sidebar_set_filter (self->sidebar,
                                     g_str_equal (filter, "people") ? BESPOKE_PEOPLE_CLIENTS
                                     : g_str_equal (filter, "staff") ? BESPOKE_PEOPLE_STAFF
                                     : BESPOKE_PEOPLE_ALL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEOPLE_FILTER]);
}
