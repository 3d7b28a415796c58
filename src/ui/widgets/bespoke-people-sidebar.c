/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-people-sidebar"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "bespoke-gradual-model.h"
#include "bespoke-people-sidebar.h"
#include "bespoke-person-row.h"
#include "bespoke-startup.h"

/**
 * BespokePeopleSidebar:
 *
 * The people in one database, down the side of the main window: a header
 * with New Person, Search and the main menu, a search, a filter (everyone,
 * the people supported, staff) and the list, or a page saying why it is
 * empty.  The list is a #BespokePeopleModel, read lazily, so a database of
 * a hundred thousand people opens as fast as one of ten.
 *
 * Choosing a row emits ::person-chosen; activating it (or Enter in the
 * search) emits ::person-activated as well, to show the person's pages.
 * ::rows-changed says the list reloaded, and ::changed that what it shows
 * changed (a search, a filter, people added or gone).
 *
 * Until the first frame (see bespoke_people_sidebar_hold_for_first_frame())
 * the list view is given only a screenful of rows, and the page of the
 * stack that is not shown is hidden, so that GTK does not lay it out.
 * Afterwards, a change that brings many people to a list that had few (an
 * import into an empty database, a search made broader) reaches the list
 * view a screenful a frame, through a #BespokeGradualModel.
 *
 * Its people_list, list_stack, search_entry and primary_menu_button are
 * internal children: a parent template may name them.
 */
struct _BespokePeopleSidebar
{
  GtkBox               parent_instance;

  BespokeStore        *store;
  BespokePeopleModel  *people;
  BespokeGradualModel *gradual;      /* the people, a screenful a frame after a large change */
  GtkSliceListModel   *rows;         /* the people the list view sees */
  GtkSingleSelection  *selection;
  BespokePeopleFilter  filter;
  gboolean             folded;
  gboolean             syncing;      /* choosing a row, not the user */
  gboolean             holding;      /* between hold_ and finish_first_frame() */
  GtkWidget           *held_page;    /* (nullable): hidden until the first frame */

  AdwWindowTitle      *title;
  GtkMenuButton       *primary_menu_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  AdwStatusPage       *no_results_page;
  GtkListView         *people_list;
};

G_DEFINE_FINAL_TYPE (BespokePeopleSidebar, bespoke_people_sidebar, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PERSON_CHOSEN,
  PERSON_ACTIVATED,
  ROWS_CHANGED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_searching (BespokePeopleSidebar *self)
{
  const char *search = self->people != NULL ? bespoke_people_model_get_search (self->people) : NULL;

  return search != NULL && *search != '\0';
}

/* The list, or why there is no one in it; then ::changed. */
static void
update_list (BespokePeopleSidebar *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  bespoke_people_sidebar_finish_first_frame (self);
  gtk_stack_set_visible_child_name (self->list_stack, n_items == 0 ? "no-results" : "list");
  if (is_searching (self))
    {
      adw_status_page_set_title (self->no_results_page, _("No One Found"));
      adw_status_page_set_description (self->no_results_page, _("Try another name, or part of one."));
    }
  else if (self->filter == BESPOKE_PEOPLE_STAFF)
    {
      adw_status_page_set_title (self->no_results_page, _("No Staff Yet"));
      adw_status_page_set_description (self->no_results_page, _("Add a member of staff with the + button."));
    }
  else
    {
      adw_status_page_set_title (self->no_results_page, _("No One Here Yet"));
      adw_status_page_set_description (self->no_results_page, _("Add someone with the + button."));
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The people model's order, from the core. */
static int
compare_people (BespokePerson *a,
                BespokePerson *b)
{
  return bespoke_store_compare_people (a, b);
}

/* Where @person is in the lazy list, without reading it all: the list is
 * sorted, so a binary search reads a few pages at most. */
static guint
find_person (BespokePeopleSidebar *self,
             BespokePerson        *person,
             guint                 hint)
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

static void
selection_items_changed_cb (BespokePeopleSidebar *self,
                            guint                 position,
                            guint                 removed,
                            guint                 added,
                            GListModel           *model)
{
  g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

static void
people_n_items_changed_cb (BespokePeopleSidebar *self,
                           GParamSpec           *pspec,
                           BespokePeopleModel   *people)
{
  update_list (self);
}

static void
selected_item_changed_cb (BespokePeopleSidebar *self,
                          GParamSpec           *pspec,
                          GtkSingleSelection   *selection)
{
  BespokePerson *person = gtk_single_selection_get_selected_item (selection);

  /* A row going away (a search, a reload) leaves the person shown. */
  if (self->syncing || person == NULL)
    return;
  g_signal_emit (self, signals[PERSON_CHOSEN], 0, person);
}

static void
set_people_model (BespokePeopleSidebar *self)
{
  g_autofree char *search = NULL;

  if (self->people != NULL)
    {
      search = g_strdup (bespoke_people_model_get_search (self->people));
      g_signal_handlers_disconnect_by_data (self->people, self);
      g_clear_object (&self->people);
    }

  self->people = bespoke_people_model_new (self->store, self->filter);
  bespoke_startup_mark ("people model counted");
  if (search != NULL)
    bespoke_people_model_set_search (self->people, search);
  g_signal_connect_object (self->people, "notify::n-items",
                           G_CALLBACK (people_n_items_changed_cb), self, G_CONNECT_SWAPPED);
  bespoke_gradual_model_set_model (self->gradual, G_LIST_MODEL (self->people));
  update_list (self);
}

static void
on_search_changed_cb (BespokePeopleSidebar *self,
                      GtkSearchEntry       *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *search = g_strstrip (g_strdup (text));

  if (self->people == NULL)
    return;
  bespoke_people_model_set_search (self->people, *search != '\0' ? search : NULL);
  update_list (self);
}

static void
on_search_stopped_cb (BespokePeopleSidebar *self,
                      GtkSearchEntry       *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->people_list));
}

/* Enter in the search: choose the first person found. */
static void
on_search_activated_cb (BespokePeopleSidebar *self,
                        GtkSearchEntry       *entry)
{
  if (self->people == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->people)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  g_signal_emit (self, signals[PERSON_ACTIVATED], 0);
}

static void
person_activated_cb (BespokePeopleSidebar *self,
                     guint                 position,
                     GtkListView          *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[PERSON_ACTIVATED], 0);
}

static void
person_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 BespokePeopleSidebar     *self)
{
  GtkWidget *row = bespoke_person_row_new ();

  bespoke_person_row_set_store (BESPOKE_PERSON_ROW (row), self->store);
  gtk_list_item_set_child (list_item, row);
}

static void
person_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                BespokePeopleSidebar     *self)
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
                  BespokePeopleSidebar     *self)
{
  BespokePersonRow *row = BESPOKE_PERSON_ROW (gtk_list_item_get_child (list_item));

  bespoke_person_row_set_person (row, NULL);
}

static void
bespoke_people_sidebar_dispose (GObject *object)
{
  BespokePeopleSidebar *self = BESPOKE_PEOPLE_SIDEBAR (object);

  /* The list view lets go of the model before the model goes. */
  if (self->people_list != NULL)
    gtk_list_view_set_model (self->people_list, NULL);
  g_clear_object (&self->held_page);

  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PEOPLE_SIDEBAR);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->gradual);
  g_clear_object (&self->people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bespoke_people_sidebar_parent_class)->dispose (object);
}

static void
bespoke_people_sidebar_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BespokePeopleSidebar *self = BESPOKE_PEOPLE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_people_sidebar_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BespokePeopleSidebar *self = BESPOKE_PEOPLE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      bespoke_people_sidebar_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_people_sidebar_class_init (BespokePeopleSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_people_sidebar_dispose;
  object_class->get_property = bespoke_people_sidebar_get_property;
  object_class->set_property = bespoke_people_sidebar_set_property;

  /**
   * BespokePeopleSidebar:folded:
   *
   * Whether the window shows the sidebar alone (narrow): then a single
   * click shows a person, and the header has the window's buttons.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BespokePeopleSidebar::person-chosen:
   * @person: the person whose row was chosen
   */
  signals[PERSON_CHOSEN] = g_signal_new ("person-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, BESPOKE_TYPE_PERSON);
  /* A row activated, or Enter in the search: show the person chosen. */
  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The rows reloaded, after the list view saw it: the row chosen may have moved. */
  signals[ROWS_CHANGED] = g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* How many people are listed, the search or the filter changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-people-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokePeopleSidebar, title);
  gtk_widget_class_bind_template_child_internal (widget_class, BespokePeopleSidebar, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BespokePeopleSidebar, search_bar);
  gtk_widget_class_bind_template_child_internal (widget_class, BespokePeopleSidebar, search_entry);
  gtk_widget_class_bind_template_child_internal (widget_class, BespokePeopleSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokePeopleSidebar, no_results_page);
  gtk_widget_class_bind_template_child_internal (widget_class, BespokePeopleSidebar, people_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_unbind_cb);
}

static void
bespoke_people_sidebar_init (BespokePeopleSidebar *self)
{
  self->filter = BESPOKE_PEOPLE_ALL;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing while the list has the focus searches it. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

/**
 * bespoke_people_sidebar_set_store:
 * @first_frame_rows: a screenful: how many rows the list view gets until
 *   bespoke_people_sidebar_finish_first_frame(), and a frame after a
 *   large change; or 0 for everyone at once
 *
 * Lists the people in @store; can be called once.
 */
void
bespoke_people_sidebar_set_store (BespokePeopleSidebar *self,
                                  BespokeStore         *store,
                                  guint                 first_frame_rows)
{
  g_return_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self));
  g_return_if_fail (BESPOKE_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  /* The list view sees the people through a slice, which shows a
   * screenful until the first frame and then everyone, and, below it, a
   * model that shows a large change a screenful a frame. */
  self->gradual = bespoke_gradual_model_new (NULL, first_frame_rows);
  self->rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->gradual)), 0,
                                         first_frame_rows > 0 ? first_frame_rows : G_MAXUINT);
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
}

/**
 * bespoke_people_sidebar_get_people_model:
 *
 * Returns: (transfer none) (nullable): the lazy model the list shows
 */
BespokePeopleModel *
bespoke_people_sidebar_get_people_model (BespokePeopleSidebar *self)
{
  g_return_val_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self), NULL);
  return self->people;
}

/**
 * bespoke_people_sidebar_set_filter:
 *
 * Lists only the people @filter lets through, keeping the search.
 */
void
bespoke_people_sidebar_set_filter (BespokePeopleSidebar *self,
                                   BespokePeopleFilter   filter)
{
  g_return_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self));

  if (self->filter == filter)
    return;
  self->filter = filter;
  if (self->store != NULL)
    set_people_model (self);
}

gboolean
bespoke_people_sidebar_get_folded (BespokePeopleSidebar *self)
{
  g_return_val_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self), FALSE);
  return self->folded;
}

void
bespoke_people_sidebar_set_folded (BespokePeopleSidebar *self,
                                   gboolean              folded)
{
  g_return_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self));

  folded = !!folded;
  if (self->folded == folded)
    return;
  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

/**
 * bespoke_people_sidebar_set_subtitle:
 * @subtitle: (nullable): e.g. the database's name
 */
void
bespoke_people_sidebar_set_subtitle (BespokePeopleSidebar *self,
                                     const char           *subtitle)
{
  g_return_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self));
  adw_window_title_set_subtitle (self->title, subtitle);
}

/**
 * bespoke_people_sidebar_select_person:
 * @person: (nullable): whose row to choose
 *
 * Chooses @person's row, if the filter and the search show them, without
 * emitting ::person-chosen; otherwise no row is chosen.
 *
 * Returns: whether @person's row is chosen
 */
gboolean
bespoke_people_sidebar_select_person (BespokePeopleSidebar *self,
                                      BespokePerson        *person)
{
  guint old_position, position = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self), FALSE);
  g_return_val_if_fail (self->selection != NULL, FALSE);

  if (person != NULL)
    position = find_person (self, person, gtk_single_selection_get_selected (self->selection));
  /* listed, if not shown yet (the list filling a screenful a frame): now */
  if (position != GTK_INVALID_LIST_POSITION)
    position = bespoke_gradual_model_show_item (self->gradual, position);
  old_position = gtk_single_selection_get_selected (self->selection);
  if (position != old_position)
    {
      self->syncing = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->syncing = FALSE;
    }
  return position != GTK_INVALID_LIST_POSITION;
}

/**
 * bespoke_people_sidebar_start_search:
 *
 * Opens the search and puts the keyboard focus in it.
 */
void
bespoke_people_sidebar_start_search (BespokePeopleSidebar *self)
{
  g_return_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * bespoke_people_sidebar_clear_search:
 *
 * Lists everyone the filter lets through again.
 */
void
bespoke_people_sidebar_clear_search (BespokePeopleSidebar *self)
{
  g_return_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (self->people == NULL)
    return;
  bespoke_people_model_set_search (self->people, NULL);
  update_list (self);
}

/**
 * bespoke_people_sidebar_hold_for_first_frame:
 *
 * Hides the page of the list's stack that is not shown, and keeps the
 * list to the rows given to bespoke_people_sidebar_set_store(), until
 * bespoke_people_sidebar_finish_first_frame(): a GtkStack measures every
 * visible page, shown or not, and wrapped text costs the first frame.
 */
void
bespoke_people_sidebar_hold_for_first_frame (BespokePeopleSidebar *self)
{
  GtkWidget *shown;

  g_return_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self));

  if (self->holding || self->rows == NULL)
    return;
  self->holding = TRUE;
  shown = gtk_stack_get_visible_child (self->list_stack);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != shown && gtk_widget_get_visible (child) && self->held_page == NULL)
      {
        self->held_page = g_object_ref (child);
        gtk_widget_set_visible (child, FALSE);
      }
}

/**
 * bespoke_people_sidebar_finish_first_frame:
 *
 * Every page of the list's stack back, and every person in the list.
 */
void
bespoke_people_sidebar_finish_first_frame (BespokePeopleSidebar *self)
{
  g_autoptr(GtkWidget) held = NULL;

  g_return_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self));

  if (!self->holding)
    return;
  self->holding = FALSE;
  held = g_steal_pointer (&self->held_page);
  if (held != NULL)
    gtk_widget_set_visible (held, TRUE);
  gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
}

/**
 * bespoke_people_sidebar_reload:
 *
 * Reads the people again, after another connection (bespoke-cli, an
 * import, another process) changed the database underneath.
 */
void
bespoke_people_sidebar_reload (BespokePeopleSidebar *self)
{
  g_return_if_fail (BESPOKE_IS_PEOPLE_SIDEBAR (self));

  if (self->people != NULL)
    bespoke_people_model_reload (self->people);
}
