/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-startup.h"
#include "bespoke-budget-page.h"
#include "bespoke-circle-page.h"
#include "bespoke-example.h"
#include "bespoke-history.h"
#include "bespoke-people-model.h"
#include "bespoke-person-row.h"
#include "bespoke-plan-page.h"
#include "bespoke-profile-view.h"
#include "bespoke-window.h"

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
 */
struct _BespokeWindow
{
  AdwWindow             parent_instance;

  BespokeStore         *store;
  BespokeHistory       *history;
  BespokePeopleModel   *people;
  GtkSingleSelection   *selection;
  GSettings            *settings;
  BespokePerson        *person;       /* the person whose pages are shown */
  char                 *filter;       /* "all", "people" or "staff" */
  gboolean              syncing;      /* choosing the row of self->person */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwWindowTitle       *empty_title;
  AdwStatusPage        *empty_page;
  GtkButton            *example_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  AdwWindowTitle       *sidebar_title;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  AdwStatusPage        *no_results_page;
  GtkListView          *people_list;
  GtkWidget            *content_page;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *person_menu_button;
  GtkMenuButton        *empty_menu_button;
  GtkMenuButton        *primary_menu_button;
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

  /* Start-up: the first frame has only what it shows (see hold_for_first_frame) */
  GtkSliceListModel    *rows;         /* the people the list view sees */
  GPtrArray            *held_pages;   /* stack pages hidden until after the first frame */
  gulong                after_paint_id;
  guint                 first_frame_id;
  guint                 build_pages_id;
};

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
restore_window_state (BespokeWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
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

static gboolean
is_searching (BespokeWindow *self)
{
  const char *search = bespoke_people_model_get_search (self->people);

  return search != NULL && *search != '\0';
}

static gboolean
is_writable (BespokeWindow *self)
{
  return !bespoke_store_get_read_only (self->store);
}

static void
add_toast (BespokeWindow *self,
           AdwToast      *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_message (BespokeWindow *self,
              const char    *heading,
              const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (BespokeWindow *self)
{
  gboolean installed = bespoke_example_is_installed (self->store);
  gboolean writable = is_writable (self);
  gboolean chosen = self->person != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-example", !installed && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-person", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-person", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-photo", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-photo", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive-person", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-person", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && bespoke_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && bespoke_history_get_can_redo (self->history));

  if (!writable)
    adw_status_page_set_description (self->empty_page,
                                     _("There is no one in this database, and it is open read-only, so no one can be added."));
  else if (installed)
    adw_status_page_set_description (self->empty_page,
                                     _("There is no one in this database yet. Add someone with the + button."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Bespoke keeps one-page profiles and support plans for the people you support and for your staff. "
                                       "To look around first, add some example people: they can be changed or removed later."));
}

static void
history_changed_cb (BespokeWindow  *self,
                    GParamSpec     *pspec,
                    BespokeHistory *history)
{
  update_actions (self);
}

static void
update_pages (BespokeWindow *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  gboolean searching = is_searching (self);
  gboolean empty = FALSE;

  finish_first_frame (self);
  /* The database is empty only if no one at all is in it, whatever the filter. */
  if (n_items == 0 && !searching)
    empty = !bespoke_store_has_people (self->store);

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "people");
  gtk_stack_set_visible_child_name (self->list_stack, n_items == 0 ? "no-results" : "list");
  if (searching)
    {
      adw_status_page_set_title (self->no_results_page, _("No One Found"));
      adw_status_page_set_description (self->no_results_page, _("Try another name, or part of one."));
    }
  else if (g_strcmp0 (self->filter, "staff") == 0)
    {
      adw_status_page_set_title (self->no_results_page, _("No Staff Yet"));
      adw_status_page_set_description (self->no_results_page, _("Add a member of staff with the + button."));
    }
  else
    {
      adw_status_page_set_title (self->no_results_page, _("No One Here Yet"));
      adw_status_page_set_description (self->no_results_page, _("Add someone with the + button."));
    }
  update_actions (self);
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
 * layout.  finish_first_frame() shows them again. */
static void
hold_for_first_frame (BespokeWindow *self)
{
  GtkStack *stacks[] = { self->main_stack, self->list_stack, self->content_stack };

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
  gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
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

/* The person's pages show @person; a different person starts a new
 * history, and the same person (reloaded) only refreshes the title. */
static void
set_person (BespokeWindow *self,
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
      gtk_stack_set_visible_child_name (self->content_stack, person != NULL ? "person" : "none");
    }

  update_title (self);
  update_header (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

/* SQLite's NOCASE: ASCII letters folded, then the bytes compared. */
static int
compare_nocase (const char *a,
                const char *b)
{
  const guchar *x = (const guchar *) (a ? a : "");
  const guchar *y = (const guchar *) (b ? b : "");

  while (*x != '\0' && g_ascii_tolower (*x) == g_ascii_tolower (*y))
    x++, y++;
  return (int) g_ascii_tolower (*x) - (int) g_ascii_tolower (*y);
}

/* The people model's order: is_staff, name COLLATE NOCASE, uuid. */
static int
compare_people (BespokePerson *a,
                BespokePerson *b)
{
  int cmp;

  if (bespoke_person_get_is_staff (a) != bespoke_person_get_is_staff (b))
    return bespoke_person_get_is_staff (a) ? 1 : -1;
  cmp = compare_nocase (bespoke_person_get_name (a), bespoke_person_get_name (b));
  if (cmp != 0)
    return cmp;
  return strcmp (bespoke_record_get_uuid (BESPOKE_RECORD (a)), bespoke_record_get_uuid (BESPOKE_RECORD (b)));
}

/* Where @person is in the lazy list, without reading it all: the list is
 * sorted, so a binary search reads a few pages at most. */
static guint
find_person (BespokeWindow *self,
             BespokePerson *person,
             guint          hint)
{
  GListModel *model = G_LIST_MODEL (self->people);
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));
  guint lo = 0, hi = g_list_model_get_n_items (model);

  if (hint < hi)
    {
      g_autoptr(BespokePerson) item = g_list_model_get_item (model, hint);

      if (item != NULL && g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (item)), uuid))
        return hint;
    }

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(BespokePerson) item = g_list_model_get_item (model, mid);
      int cmp;

      if (item == NULL)
        break;
      cmp = compare_people (item, person);
      if (cmp == 0)
        return mid;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Keeps the row of the person shown chosen when the list reloads. */
static void
sync_selection (BespokeWindow *self)
{
  g_autoptr(BespokePerson) fresh = NULL;
  guint old_position = gtk_single_selection_get_selected (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->person == NULL)
    return;

  finish_first_frame (self);
  fresh = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON,
                              bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), NULL);
  if (fresh == NULL || bespoke_person_get_archived (fresh))
    {
      /* Deleted or archived, here or elsewhere */
      set_person (self, NULL);
      return;
    }
  set_person (self, fresh);

  position = find_person (self, fresh, old_position);
  if (position != gtk_single_selection_get_selected (self->selection))
    {
      self->syncing = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->syncing = FALSE;
    }
}

static void
selection_items_changed_cb (BespokeWindow *self,
                            guint          position,
                            guint          removed,
                            guint          added,
                            GListModel    *model)
{
  sync_selection (self);
}

static void
people_n_items_changed_cb (BespokeWindow      *self,
                           GParamSpec         *pspec,
                           BespokePeopleModel *people)
{
  update_pages (self);
}

static void
selected_item_changed_cb (BespokeWindow      *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  BespokePerson *person = gtk_single_selection_get_selected_item (selection);

  /* A row going away (a search, a reload) leaves the person shown. */
  if (self->syncing || person == NULL)
    return;
  set_person (self, person);
}

static void
set_people_model (BespokeWindow *self)
{
  BespokePeopleFilter filter = BESPOKE_PEOPLE_ALL;
  g_autofree char *search = NULL;

  if (g_strcmp0 (self->filter, "people") == 0)
    filter = BESPOKE_PEOPLE_CLIENTS;
  else if (g_strcmp0 (self->filter, "staff") == 0)
    filter = BESPOKE_PEOPLE_STAFF;

  if (self->people != NULL)
    {
      search = g_strdup (bespoke_people_model_get_search (self->people));
      g_signal_handlers_disconnect_by_data (self->people, self);
      g_clear_object (&self->people);
    }

  self->people = bespoke_people_model_new (self->store, filter);
  bespoke_startup_mark ("people model counted");
  if (search != NULL)
    bespoke_people_model_set_search (self->people, search);
  g_signal_connect_object (self->people, "notify::n-items",
                           G_CALLBACK (people_n_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_slice_list_model_set_model (self->rows, G_LIST_MODEL (self->people));
  update_pages (self);
}

static void
on_search_changed_cb (BespokeWindow  *self,
                      GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *search = g_strstrip (g_strdup (text));

  bespoke_people_model_set_search (self->people, *search != '\0' ? search : NULL);
  update_pages (self);
}

static void
on_search_stopped_cb (BespokeWindow  *self,
                      GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->people_list));
}

static void
show_content (BespokeWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_page);
}

/* Enter in the search: choose the first person found. */
static void
on_search_activated_cb (BespokeWindow  *self,
                        GtkSearchEntry *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->people)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  show_content (self);
}

static void
person_activated_cb (BespokeWindow *self,
                     guint          position,
                     GtkListView   *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_content (self);
}

static void
back_clicked_cb (BespokeWindow *self,
                 GtkButton     *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
person_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 BespokeWindow            *self)
{
  gtk_list_item_set_child (list_item, bespoke_person_row_new ());
}

static void
person_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                BespokeWindow            *self)
{
  BespokePersonRow *row = BESPOKE_PERSON_ROW (gtk_list_item_get_child (list_item));
  static gboolean first = TRUE;

  if (first)
    {
      first = FALSE;
      bespoke_startup_mark ("first row of people bound (first page read)");
    }
  bespoke_person_row_set_person (row, gtk_list_item_get_item (list_item));
}

static void
person_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  BespokeWindow            *self)
{
  BespokePersonRow *row = BESPOKE_PERSON_ROW (gtk_list_item_get_child (list_item));

  bespoke_person_row_set_person (row, NULL);
}

static void
add_example_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!bespoke_example_install (self->store, &error))
    {
      show_message (self, _("The Example People Could Not Be Added"), error->message);
      return;
    }

  add_toast (self, adw_toast_new (_("Example people added")));
  update_pages (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "people") != 0)
    return;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
update_text_size_actions (BespokeWindow *self)
{
  int text_size = bespoke_profile_view_get_text_size (self->profile_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-larger",
                                 text_size < BESPOKE_PROFILE_VIEW_TEXT_SIZE_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-smaller",
                                 text_size > BESPOKE_PROFILE_VIEW_TEXT_SIZE_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-normal", text_size != 0);
}

static void
text_size_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  int text_size = bespoke_profile_view_get_text_size (self->profile_view);

  if (g_str_equal (action_name, "win.text-larger"))
    text_size++;
  else if (g_str_equal (action_name, "win.text-smaller"))
    text_size--;
  else
    text_size = 0;

  bespoke_profile_view_set_text_size (self->profile_view, text_size);
  update_text_size_actions (self);
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");
  g_autofree char *label = g_strdup (undo ? bespoke_history_get_undo_label (self->history)
                                          : bespoke_history_get_redo_label (self->history));
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = undo ? bespoke_history_undo (self->history, &error)
            : bespoke_history_redo (self->history, &error);
  if (!ok)
    {
      show_message (self, undo ? _("That Could Not Be Undone") : _("That Could Not Be Redone"),
                    error->message);
      return;
    }

  if (label != NULL)
    {
      /* Translators: %s is what was undone, e.g. "Add Statement" */
      title = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label);
      add_toast (self, adw_toast_new (title));
    }
}

/* The keyboard shortcuts (Ctrl+?, which GtkApplication sets for this
 * action because the resource is there), made the first time they are
 * asked for.  The window is an AdwWindow, not an AdwApplicationWindow,
 * because GtkApplication builds every application window's shortcuts
 * window as the window is made: a twentieth of the time to its first
 * frame, for a window few people open. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/bespoke/Bespoke/gtk/help-overlay.ui");

      self->help_overlay = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_modal (self->help_overlay, TRUE);
      gtk_window_set_hide_on_close (self->help_overlay, TRUE);
      gtk_window_set_transient_for (self->help_overlay, GTK_WINDOW (self));
    }
  gtk_window_present (self->help_overlay);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
  show_content (self);
}

/* ---- adding, renaming, archiving and deleting people ------------------- */

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

  set_person (self, person);
  sync_selection (self);
  if (self->person != NULL && gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    {
      /* Hidden by the search */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      bespoke_people_model_set_search (self->people, NULL);
      update_pages (self);
      sync_selection (self);
    }
  show_content (self);
}

/**
 * bespoke_window_add_person:
 * @preferred_name: (nullable): the name they like to be called
 *
 * Adds someone and shows their profile, ready to write in.
 *
 * Returns: (transfer full) (nullable): the person added, or NULL with
 *   @error set to a sentence saying what is wrong
 */
BespokePerson *
bespoke_window_add_person (BespokeWindow  *self,
                           const char     *name,
                           const char     *preferred_name,
                           gboolean        staff,
                           GError        **error)
{
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *clean_preferred = g_strstrip (g_strdup (preferred_name ? preferred_name : ""));

  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), NULL);

  bespoke_person_set_name (person, clean_name);
  bespoke_person_set_preferred_name (person, *clean_preferred ? clean_preferred : NULL);
  bespoke_person_set_is_staff (person, staff);
  if (!bespoke_store_save (self->store, person, error))
    return NULL;

  bespoke_window_show_person (self, person);
  adw_view_stack_set_visible_child_name (self->view_stack, "profile");
  bespoke_profile_view_focus_first_entry (self->profile_view);
  return g_steal_pointer (&person);
}

typedef struct
{
  BespokeWindow *self;
  AdwEntryRow   *name_row;
  AdwEntryRow   *preferred_row;
  GtkSwitch     *staff_switch;
} PersonDialog;

static void
person_dialog_free (gpointer data)
{
  PersonDialog *pd = data;

  g_clear_object (&pd->self);
  g_free (pd);
}

static void
person_dialog_name_changed_cb (AdwMessageDialog *dialog,
                               GParamSpec       *pspec,
                               AdwEntryRow      *row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  adw_message_dialog_set_response_enabled (dialog, "ok", *name != '\0');
}

static void
new_person_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PersonDialog     *pd)
{
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "ok"))
    return;

  person = bespoke_window_add_person (pd->self,
                                      gtk_editable_get_text (GTK_EDITABLE (pd->name_row)),
                                      gtk_editable_get_text (GTK_EDITABLE (pd->preferred_row)),
                                      gtk_switch_get_active (pd->staff_switch),
                                      &error);
  if (person == NULL)
    show_message (pd->self, _("They Could Not Be Added"), error->message);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PersonDialog     *pd)
{
  BespokeWindow *self = pd->self;
  g_autofree char *name = NULL;
  g_autofree char *preferred = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "ok") || self->person == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pd->name_row))));
  preferred = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pd->preferred_row))));
  if (!bespoke_window_rename_person (self, name, preferred, &error))
    show_message (self, _("They Could Not Be Renamed"), error->message);
}

static GtkWidget *
person_dialog_new (BespokeWindow  *self,
                   gboolean        adding,
                   PersonDialog  **out_pd)
{
  PersonDialog *pd = g_new0 (PersonDialog, 1);
  GtkWidget *dialog;
  GtkWidget *list;

  pd->self = g_object_ref (self);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   adding ? _("New Person") : _("Rename"),
                                   adding ? _("Their full name, and the name they like to be called if it is different.")
                                          : NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", adding ? _("_Add") : _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = g_object_new (GTK_TYPE_LIST_BOX,
                       "selection-mode", GTK_SELECTION_NONE,
                       "css-classes", (const char * const[]) { "boxed-list", NULL },
                       NULL);
  pd->name_row = g_object_new (ADW_TYPE_ENTRY_ROW, "title", _("Full name"), "activates-default", TRUE, NULL);
  pd->preferred_row = g_object_new (ADW_TYPE_ENTRY_ROW, "title", _("Likes to be called (optional)"),
                                    "activates-default", TRUE, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (pd->name_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (pd->preferred_row));
  if (adding)
    {
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "title", _("Member of staff"), NULL);

      pd->staff_switch = g_object_new (GTK_TYPE_SWITCH,
                                       "valign", GTK_ALIGN_CENTER,
                                       "active", g_strcmp0 (self->filter, "staff") == 0,
                                       NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (pd->staff_switch),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Member of staff"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (pd->staff_switch));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (pd->staff_switch));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_signal_connect_object (pd->name_row, "notify::text", G_CALLBACK (person_dialog_name_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  *out_pd = pd;
  return dialog;
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  PersonDialog *pd;
  GtkWidget *dialog = person_dialog_new (self, TRUE, &pd);

  person_dialog_name_changed_cb (ADW_MESSAGE_DIALOG (dialog), NULL, pd->name_row);
  g_signal_connect_data (dialog, "response", G_CALLBACK (new_person_response_cb), pd,
                         (GClosureNotify) (void (*) (void)) person_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (pd->name_row));
}

/**
 * bespoke_window_rename_person:
 * @preferred_name: (nullable): the name they like to be called, or NULL/""
 *
 * Renames the person shown, through the history, so it can be undone.
 */
gboolean
bespoke_window_rename_person (BespokeWindow  *self,
                              const char     *name,
                              const char     *preferred_name,
                              GError        **error)
{
  g_autoptr(BespokePerson) copy = NULL;

  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->person != NULL, FALSE);

  copy = BESPOKE_PERSON (bespoke_record_copy (BESPOKE_RECORD (self->person)));
  bespoke_person_set_name (copy, name);
  bespoke_person_set_preferred_name (copy, preferred_name != NULL && *preferred_name ? preferred_name : NULL);
  return bespoke_history_save (self->history, copy, _("Rename"), error);
}

static void
rename_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  const char *preferred;
  PersonDialog *pd;
  GtkWidget *dialog;

  if (self->person == NULL)
    return;

  dialog = person_dialog_new (self, FALSE, &pd);
  preferred = bespoke_person_get_preferred_name (self->person);
  gtk_editable_set_text (GTK_EDITABLE (pd->name_row), bespoke_person_get_name (self->person));
  gtk_editable_set_text (GTK_EDITABLE (pd->preferred_row), preferred ? preferred : "");
  person_dialog_name_changed_cb (ADW_MESSAGE_DIALOG (dialog), NULL, pd->name_row);
  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb), pd,
                         (GClosureNotify) (void (*) (void)) person_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (pd->name_row));
}

static void
choose_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "profile");
  bespoke_profile_view_choose_photo (self->profile_view);
}

static void
remove_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->person == NULL)
    return;
  /* through the profile view's history, so that Ctrl+Z puts it back */
  if (!bespoke_profile_view_remove_photo (self->profile_view, &error))
    show_message (self, _("The Photo Could Not Be Removed"), error->message);
}

static gboolean
set_archived (BespokeWindow  *self,
              const char     *uuid,
              gboolean        archived,
              GError        **error)
{
  g_autoptr(BespokePerson) person = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON, uuid, error);

  if (person == NULL)
    return FALSE;
  bespoke_person_set_archived (person, archived);
  return bespoke_store_save (self->store, person, error);
}

static void
unarchive_cb (BespokeWindow *self,
              AdwToast      *toast)
{
  const char *uuid = g_object_get_data (G_OBJECT (toast), "uuid");
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (!set_archived (self, uuid, FALSE, &error))
    {
      show_message (self, _("They Could Not Be Brought Back"), error->message);
      return;
    }
  person = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON, uuid, NULL);
  if (person != NULL)
    bespoke_window_show_person (self, person);
}

/**
 * bespoke_window_archive_person:
 *
 * Takes the person shown off the list, keeping everything about them, and
 * offers Undo in a toast.
 */
gboolean
bespoke_window_archive_person (BespokeWindow  *self,
                               GError        **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), FALSE);

  if (self->person == NULL)
    return TRUE;

  uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (self->person)));
  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("%s archived"), bespoke_person_get_name (self->person));
  if (!set_archived (self, uuid, TRUE, error))
    return FALSE;

  set_person (self, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "uuid", g_steal_pointer (&uuid), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (unarchive_cb), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);
  return TRUE;
}

static void
archive_person_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!bespoke_window_archive_person (self, &error))
    show_message (self, _("They Could Not Be Archived"), error->message);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BespokeWindow    *self)
{
  g_autoptr(BespokePerson) person = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "uuid");

  if (!g_str_equal (response, "delete"))
    return;

  person = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON, uuid, NULL);
  if (person == NULL)
    return;
  if (!bespoke_store_delete (self->store, person, &error))
    {
      show_message (self, _("They Could Not Be Deleted"), error->message);
      return;
    }

  if (self->person != NULL && g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), uuid))
    set_person (self, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("%s deleted"), bespoke_person_get_name (person));
  add_toast (self, adw_toast_new (title));
}

static void
delete_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->person == NULL)
    return;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Delete %s?"), bespoke_person_get_name (self->person));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Their profile, circle, plans and photo will be deleted for good; this cannot be undone. "
                                     "To take them off the list but keep everything, archive them instead."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "uuid",
                          g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (self->person))), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

  adw_window_title_set_subtitle (self->sidebar_title, name);
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
  g_signal_connect_object (self->history, "notify::can-undo",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);

  /* The list view sees the people through a slice, which shows a
   * screenful until the first frame and then everyone. */
  self->rows = gtk_slice_list_model_new (NULL, 0, first_frame_rows (self));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  set_people_model (self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (self->selection));
  /* After the list view's own handler: */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_changed_cb), self, G_CONNECT_SWAPPED);

  bespoke_profile_view_set_store (self->profile_view, self->store);
  bespoke_profile_view_set_history (self->profile_view, self->history);

  if (bespoke_store_get_read_only (self->store))
    {
      gtk_label_set_label (self->read_only_label, bespoke_store_get_read_only_reason (self->store));
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }

  update_database_name (self);
  update_pages (self);
  update_text_size_actions (self);
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

  /* The list view lets go of the model before the model goes. */
  if (self->people_list != NULL)
    gtk_list_view_set_model (self->people_list, NULL);

  g_clear_handle_id (&self->first_frame_id, g_source_remove);
  g_clear_handle_id (&self->build_pages_id, g_source_remove);
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

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->people);
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
  static const struct { guint key; const char *page; } pages[] = {
    { GDK_KEY_1, "profile" }, { GDK_KEY_2, "plan" }, { GDK_KEY_3, "budget" }, { GDK_KEY_4, "circle" },
  };

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

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, empty_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, example_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, people_list);
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
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.add-example", NULL, add_example_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.text-larger", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.text-smaller", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.text-normal", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "win.rename-person", NULL, rename_person_action);
  gtk_widget_class_install_action (widget_class, "win.choose-photo", NULL, choose_photo_action);
  gtk_widget_class_install_action (widget_class, "win.remove-photo", NULL, remove_photo_action);
  gtk_widget_class_install_action (widget_class, "win.archive-person", NULL, archive_person_action);
  gtk_widget_class_install_action (widget_class, "win.delete-person", NULL, delete_person_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_property_action (widget_class, "win.people-filter", "people-filter");

  /* The window's own shortcuts; the application adds Ctrl+F, Ctrl+W, Ctrl+Q
   * and the text sizes as accelerators. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, pages[i].key, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i].page);
}

static void
bespoke_window_init (BespokeWindow *self)
{
  self->filter = g_strdup ("all");
  bespoke_startup_mark ("window template building");
  gtk_widget_init_template (GTK_WIDGET (self));
  bespoke_startup_mark ("window template built");

  /* Typing while the list has the focus searches it. */
  gtk_menu_button_set_create_popup_func (self->empty_menu_button, create_menu_cb, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_cb, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->person_menu_button), create_menu_cb,
                                         self->person_menu, NULL);

  gtk_search_bar_set_key_capture_widget (self->search_bar, self->sidebar);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
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
  return self->people;
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
  if (self->selection != NULL)
    set_people_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEOPLE_FILTER]);
}
