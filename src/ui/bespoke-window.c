/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-example.h"
#include "bespoke-people-model.h"
#include "bespoke-person-row.h"
#include "bespoke-profile-view.h"
#include "bespoke-window.h"

/**
 * BespokeWindow:
 *
 * The main window: the people in one database down the side, with a search
 * above them, and the chosen person's one-page profile beside it.  On a
 * narrow window the two fold into one column.  An empty database offers
 * the example people instead.
 */
struct _BespokeWindow
{
  AdwApplicationWindow  parent_instance;

  BespokeStore         *store;
  BespokePeopleModel   *people;
  GtkSingleSelection   *selection;
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwWindowTitle       *empty_title;
  AdwStatusPage        *empty_page;
  GtkButton            *example_button;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkListView          *people_list;
  GtkWidget            *content_page;
  AdwWindowTitle       *content_title;
  GtkWidget            *text_size_box;
  GtkStack             *content_stack;
  BespokeProfileView   *profile_view;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
};

G_DEFINE_FINAL_TYPE (BespokeWindow, bespoke_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
update_actions (BespokeWindow *self)
{
  gboolean installed = bespoke_example_is_installed (self->store);
  gboolean read_only = bespoke_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-example", !installed && !read_only);

  if (read_only)
    adw_status_page_set_description (self->empty_page,
                                     _("There is no one in this database, and it is open read-only, so no one can be added."));
  else if (installed)
    adw_status_page_set_description (self->empty_page,
                                     _("There is no one in this database yet."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Bespoke keeps one-page profiles and support plans for the people you support and for your staff. "
                                       "To look around first, add some example people: they can be changed or removed later."));
}

static void
update_pages (BespokeWindow *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  gboolean searching = is_searching (self);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    n_items == 0 && !searching ? "empty" : "people");
  gtk_stack_set_visible_child_name (self->list_stack,
                                    n_items == 0 && searching ? "no-results" : "list");
  update_actions (self);
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

  bespoke_profile_view_set_person (self->profile_view, person);
  gtk_widget_set_visible (self->text_size_box, person != NULL);

  if (person != NULL)
    {
      adw_window_title_set_title (self->content_title, bespoke_person_get_name (person));
      gtk_stack_set_visible_child_name (self->content_stack, "profile");
    }
  else
    {
      adw_window_title_set_title (self->content_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "none");
    }
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
}

static void
person_activated_cb (BespokeWindow *self,
                     guint          position,
                     GtkListView   *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content_page);
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
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("The Example People Could Not Be Added"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Example people added")));
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

  self->people = bespoke_people_model_new (self->store, BESPOKE_PEOPLE_ALL);
  g_signal_connect_object (self->people, "notify::n-items",
                           G_CALLBACK (people_n_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (self->selection));

  bespoke_profile_view_set_store (self->profile_view, self->store);

  if (bespoke_store_get_read_only (self->store))
    {
      gtk_label_set_label (self->read_only_label, bespoke_store_get_read_only_reason (self->store));
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }

  update_database_name (self);
  update_pages (self);
  update_text_size_actions (self);
  selected_item_changed_cb (self, NULL, self->selection);

  self->settings = window_settings_new ();
  restore_window_state (self);
}

static void
bespoke_window_dispose (GObject *object)
{
  BespokeWindow *self = (BespokeWindow *)object;

  /* The list view lets go of the model before the model goes. */
  if (self->people_list != NULL)
    gtk_list_view_set_model (self->people_list, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->people);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bespoke_window_parent_class)->dispose (object);
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
  object_class->get_property = bespoke_window_get_property;
  object_class->set_property = bespoke_window_set_property;

  window_class->close_request = bespoke_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BESPOKE_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BESPOKE_TYPE_PROFILE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, empty_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, example_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, text_size_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, profile_view);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, BespokeWindow, read_only_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_unbind_cb);

  gtk_widget_class_install_action (widget_class, "win.add-example", NULL, add_example_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.text-larger", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.text-smaller", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.text-normal", NULL, text_size_action);
}

static void
bespoke_window_init (BespokeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
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
