/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-application.h"
#include "bespoke-exchange.h"
#include "bespoke-homes-window.h"
#include "bespoke-menus-window.h"
#include "bespoke-preparing-window.h"
#include "bespoke-search-provider.h"
#include "bespoke-safekeeping.h"
#include "bespoke-startup.h"
#include "bespoke-store.h"
#include "bespoke-window.h"

/**
 * BespokeApplication:
 *
 * Opens a database (the user's own, or the one named with --database) and
 * shows it in a window.  Opening the same database twice brings its window
 * forward instead of opening a second one.
 */
struct _BespokeApplication
{
  AdwApplication parent_instance;

  gboolean               exit_after_first_frame;
  BespokeSearchProvider *search_provider;
  GPtrArray             *files_when_ready;  /* GFile: to import once a window shows the database */
};


G_DEFINE_FINAL_TYPE (BespokeApplication, bespoke_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database in FILE instead of your own"), N_("FILE") },
  /* For start-up benchmarks: quit once the first window has been drawn. */
  { "exit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
    NULL, NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE.bespoke…]") },
  { NULL }
};

static void
show_open_error (BespokeApplication *self,
                 const char         *path,
                 const GError       *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent,
                                   _("The Database Could Not Be Opened"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* Keeps the application running until the dialog is closed. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
same_path (const char *a,
           const char *b)
{
  g_autofree char *canonical_a = NULL;
  g_autofree char *canonical_b = NULL;

  /* Every ":memory:" database is a new one. */
  if (g_str_equal (a, ":memory:") || g_str_equal (b, ":memory:"))
    return FALSE;

  canonical_a = g_canonicalize_filename (a, NULL);
  canonical_b = g_canonicalize_filename (b, NULL);
  return g_str_equal (canonical_a, canonical_b);
}

/* The first GtkListView under @widget: the people list. */
static GtkListView *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return GTK_LIST_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the window has drawn its people: the list has rows on screen, or
 * the database has no one in it to list. */
static gboolean
people_shown (BespokeWindow *window)
{
  GtkListView *list = find_list_view (GTK_WIDGET (window));
  GtkSelectionModel *model;

  if (list != NULL && gtk_widget_get_mapped (GTK_WIDGET (list)) &&
      (model = gtk_list_view_get_model (list)) != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (model)) > 0 &&
      gtk_widget_get_first_child (GTK_WIDGET (list)) != NULL)
    return TRUE;
  return !bespoke_store_has_people (bespoke_window_get_store (window));
}

/* --exit-after-first-frame: quits once a frame has been painted with the
 * people list filled; the start-up benchmark times the process. */
static void
first_frame_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  BespokeWindow *window = user_data;
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  bespoke_startup_mark ("a frame painted");
  if (!people_shown (window))
    {
      /* Not yet: look again after the next frame. */
      gtk_widget_queue_draw (GTK_WIDGET (window));
      return;
    }

  bespoke_startup_mark ("first frame painted with the people list filled");
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, window);
  g_application_quit (application);
}

static void
present_database_window (BespokeApplication *self,
                         BespokeWindow      *window)
{
  gtk_window_present (GTK_WINDOW (window));
  bespoke_startup_mark ("window presented");

  if (self->exit_after_first_frame)
    {
      GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

      if (frame_clock != NULL)
        g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (first_frame_cb), window, 0);
      else
        g_application_quit (G_APPLICATION (self));
    }
}

/* The window showing, or preparing, the database at @path */
static GtkWindow *
find_database_window (BespokeApplication *self,
                      const char         *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      BespokeStore *store = NULL;

      if (BESPOKE_IS_WINDOW (l->data))
        store = bespoke_window_get_store (l->data);
      else if (BESPOKE_IS_PREPARING_WINDOW (l->data))
        store = bespoke_preparing_window_get_store (l->data);
      if (store != NULL && same_path (path, bespoke_store_get_path (store)))
        return l->data;
    }
  return NULL;
}

/* The search index is built (or the window was closed, or it failed):
 * the database's window takes the preparing window's place. */
static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BespokeApplication) self = user_data;
  BespokePreparingWindow *preparing = BESPOKE_PREPARING_WINDOW (source);
  BespokeStore *store = bespoke_preparing_window_get_store (preparing);
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->files_when_ready);
  g_autoptr(GError) error = NULL;
  BespokeWindow *window;

  if (!bespoke_preparing_window_run_finish (preparing, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Could not build the search index of %s: %s", bespoke_store_get_path (store), error->message);
          show_open_error (self, bespoke_store_get_path (store), error);
        }
      gtk_window_destroy (GTK_WINDOW (preparing));
      return;
    }
  bespoke_startup_mark ("search index built");
  window = bespoke_window_new (GTK_APPLICATION (self), store);
  present_database_window (self, window);
  gtk_window_destroy (GTK_WINDOW (preparing));
  if (files != NULL && files->len > 0)
    bespoke_exchange_open_files (GTK_APPLICATION (self), (GFile **) files->pdata, (int) files->len);
}

/* Opens the store at @path.  A migration may leave the search index to be
 * built again: for BESPOKE_STORE_REBUILD_QUICK_PEOPLE people or more, that
 * is done on a thread, with a window that says how far it has come
 * (BespokePreparingWindow), and NULL is returned; for fewer (under half a
 * second's work) here, before the window opens, as for any other open. */
static BespokeStore *
open_store (BespokeApplication *self,
            const char         *path)
{
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint people = 0;

  bespoke_startup_mark ("opening the store");
  store = bespoke_store_open_full (path, BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX, &error);
  if (store != NULL && bespoke_store_search_rebuild_pending (store, &people))
    {
      if (people >= BESPOKE_STORE_REBUILD_QUICK_PEOPLE)
        {
          BespokePreparingWindow *preparing = bespoke_preparing_window_new (GTK_APPLICATION (self), store, people);

          bespoke_preparing_window_run (preparing, prepared_cb, g_object_ref (self));
          return NULL;
        }
      if (!bespoke_store_rebuild_search (store, NULL, NULL, NULL, &error))
        g_clear_object (&store);
    }
  bespoke_startup_mark ("store opened");
  if (store == NULL)
    {
      g_debug ("Could not open %s: %s", path, error->message);
      show_open_error (self, path, error);
    }
  return g_steal_pointer (&store);
}

/**
 * bespoke_application_open_database:
 * @path: (nullable): a database file, or %NULL for the user's own
 *
 * Shows the database in a window, opening it first if no window shows it
 * yet.  If it cannot be opened, a dialog says why.  If a migration left
 * many people's names to index for search, a window says so while that
 * is done, on a thread, and the database's window then takes its place.
 */
void
bespoke_application_open_database (BespokeApplication *self,
                                   const char         *path)
{
  g_autofree char *default_path = NULL;
  g_autoptr(BespokeStore) store = NULL;
  GtkWindow *window;

  g_return_if_fail (BESPOKE_IS_APPLICATION (self));

  if (path == NULL)
    path = default_path = bespoke_store_default_path ();

  window = find_database_window (self, path);
  if (window != NULL && BESPOKE_IS_PREPARING_WINDOW (window))
    {
      gtk_window_present (window);
      return;
    }
  if (window == NULL)
    {
      if ((store = open_store (self, path)) == NULL)
        return;
      window = GTK_WINDOW (bespoke_window_new (GTK_APPLICATION (self), store));
      bespoke_startup_mark ("window built");
    }
  present_database_window (self, BESPOKE_WINDOW (window));
}

static void
bespoke_application_activate (GApplication *application)
{
  bespoke_application_open_database (BESPOKE_APPLICATION (application), NULL);
}

static int
bespoke_application_command_line (GApplication            *application,
                                  GApplicationCommandLine *command_line)
{
  BespokeApplication *self = BESPOKE_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  const char *arg = NULL;

  if (g_variant_dict_contains (options, "exit-after-first-frame"))
    self->exit_after_first_frame = TRUE;

  if (g_variant_dict_lookup (options, "database", "^&ay", &arg) && arg != NULL && *arg != '\0')
    {
      if (g_str_equal (arg, ":memory:"))
        path = g_strdup (arg);
      else
        {
          /* A relative path is relative to where the command was typed. */
          g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, arg);
          path = g_file_get_path (file);
        }
    }

  bespoke_application_open_database (self, path);

  /* Files to import, e.g. from the file manager: each shows its preview. */
  {
    g_autofree const char **files = NULL;

    if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) && files != NULL)
      {
        g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint i = 0; files[i] != NULL; i++)
          g_ptr_array_add (gfiles, g_application_command_line_create_file_for_arg (command_line, files[i]));
        if (gfiles->len > 0)
          g_application_open (application, (GFile **) gfiles->pdata, gfiles->len, "");
      }
  }
  return EXIT_SUCCESS;
}

static void
bespoke_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  BespokeApplication *self = BESPOKE_APPLICATION (application);
  gboolean have_window = FALSE;
  gboolean preparing = FALSE;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    have_window |= BESPOKE_IS_WINDOW (l->data);
  if (!have_window)
    bespoke_application_open_database (self, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    {
      have_window |= BESPOKE_IS_WINDOW (l->data);
      preparing |= BESPOKE_IS_PREPARING_WINDOW (l->data);
    }
  /* while the database is being prepared, its window opens them once it shows */
  if (!have_window && preparing)
    {
      if (self->files_when_ready == NULL)
        self->files_when_ready = g_ptr_array_new_with_free_func (g_object_unref);
      for (int i = 0; i < n_files; i++)
        g_ptr_array_add (self->files_when_ready, g_object_ref (files[i]));
      return;
    }
  bespoke_exchange_open_files (GTK_APPLICATION (application), files, n_files);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GList *windows = g_list_copy_deep (gtk_application_get_windows (application), (GCopyFunc) g_object_ref, NULL);

  /* Closing, rather than quitting, lets each window keep its size.  Closing
   * one window can close another (a person's window takes its session's TV
   * window with it), so each is held, and closed only if it is still one of
   * the application's. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (g_list_find (gtk_application_get_windows (application), l->data) != NULL)
      gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  static const char *developers[] = { "The Bespoke developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "application-name", _("Bespoke"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Personalised support planning: one-page profiles, support plans and the menus of support that pay for them."),
                        "developer-name", _("The Bespoke developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The main window the user is working in: the active one, or the one the
 * active menus or homes window belongs to. */
static BespokeWindow *
current_main_window (GtkApplication *application)
{
  GtkWindow *active = gtk_application_get_active_window (application);

  if (active != NULL && !BESPOKE_IS_WINDOW (active))
    active = gtk_window_get_transient_for (active);
  if (active != NULL && BESPOKE_IS_WINDOW (active))
    return BESPOKE_WINDOW (active);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (BESPOKE_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Shows the window of @type for the current database, making it the first
 * time; one a database. */
static void
present_store_window (GtkApplication *application,
                      GType           type)
{
  BespokeWindow *main_window = current_main_window (application);
  BespokeStore *store;
  GtkWindow *window = NULL;

  if (main_window == NULL)
    return;
  store = bespoke_window_get_store (main_window);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      g_autoptr(BespokeStore) window_store = NULL;

      if (G_OBJECT_TYPE (l->data) != type)
        continue;
      g_object_get (l->data, "store", &window_store, NULL);
      if (window_store == store)
        {
          window = l->data;
          break;
        }
    }

  if (window == NULL)
    {
      if (type == BESPOKE_TYPE_MENUS_WINDOW)
        window = GTK_WINDOW (bespoke_menus_window_new (application, store));
      else
        window = GTK_WINDOW (bespoke_homes_window_new (application, store));
      gtk_window_set_transient_for (window, GTK_WINDOW (main_window));
    }
  gtk_window_present (window);
}

static void
product_menus_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  present_store_window (user_data, BESPOKE_TYPE_MENUS_WINDOW);
}

static void
shared_homes_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  present_store_window (user_data, BESPOKE_TYPE_HOMES_WINDOW);
}

/* app.new-person: the desktop file's "New Person" action. */
static void
new_person_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  BespokeWindow *window = current_main_window (user_data);

  /* in the window already open, or in a window on your own database */
  if (window == NULL)
    {
      bespoke_application_open_database (user_data, NULL);
      window = current_main_window (user_data);
    }
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.new-person", NULL);
}

/* app.show-person(UUID): a search result from GNOME Shell. */
static void
show_person_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(BespokePerson) person = NULL;
  BespokeWindow *window;

  bespoke_application_open_database (user_data, NULL);
  if ((window = current_main_window (user_data)) == NULL)
    return;
  person = bespoke_store_find_person (bespoke_window_get_store (window), g_variant_get_string (parameter, NULL), NULL);
  if (person != NULL)
    bespoke_window_show_person (window, person);
}

/* app.search-people(TEXT): "more results" from GNOME Shell's search. */
static void
search_people_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  BespokeWindow *window;

  bespoke_application_open_database (user_data, NULL);
  if ((window = current_main_window (user_data)) != NULL)
    bespoke_window_set_people_filter (window, g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "new-person", new_person_action },
  { "show-person", show_person_action, "s" },
  { "search-people", search_people_action, "s" },
  { "quit", quit_action },
  { "about", about_action },
  { "product-menus", product_menus_action },
  { "shared-homes", shared_homes_action },
};

static void
bespoke_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *find_accels[] = { "<Control>f", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *larger_accels[] = { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL };
  static const char *smaller_accels[] = { "<Control>minus", "<Control>KP_Subtract", NULL };
  static const char *normal_accels[] = { "<Control>0", "<Control>KP_0", NULL };

  bespoke_startup_mark ("GTK and libadwaita initialising");
  G_APPLICATION_CLASS (bespoke_application_parent_class)->startup (application);
  bespoke_startup_mark ("GTK and libadwaita initialised, style sheets loaded");

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  bespoke_exchange_install_actions (GTK_APPLICATION (application));
  bespoke_safekeeping_install (GTK_APPLICATION (application));

  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.find", find_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.text-larger", larger_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.text-smaller", smaller_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.text-normal", normal_accels);
}

static int
bespoke_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("bespoke %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  /* Started by D-Bus (DBusActivatable): stay a little while for the
   * search provider or an action, then go. */
  if (g_application_get_flags (application) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (application, 20000);
  return -1;
}

static gboolean
bespoke_application_dbus_register (GApplication     *application,
                                   GDBusConnection  *connection,
                                   const char       *object_path,
                                   GError          **error)
{
  BespokeApplication *self = BESPOKE_APPLICATION (application);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (bespoke_application_parent_class)->dbus_register (application, connection, object_path, error))
    return FALSE;
  self->search_provider = bespoke_search_provider_new (application);
  return bespoke_search_provider_register (self->search_provider, connection, path, error);
}

static void
bespoke_application_dbus_unregister (GApplication    *application,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  BespokeApplication *self = BESPOKE_APPLICATION (application);

  if (self->search_provider != NULL)
    bespoke_search_provider_unregister (self->search_provider);
  g_clear_object (&self->search_provider);
  G_APPLICATION_CLASS (bespoke_application_parent_class)->dbus_unregister (application, connection, object_path);
}

static void
bespoke_application_finalize (GObject *object)
{
  BespokeApplication *self = BESPOKE_APPLICATION (object);

  g_clear_pointer (&self->files_when_ready, g_ptr_array_unref);
  G_OBJECT_CLASS (bespoke_application_parent_class)->finalize (object);
}

static void
bespoke_application_class_init (BespokeApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bespoke_application_finalize;

  app_class->handle_local_options = bespoke_application_handle_local_options;
  app_class->dbus_register = bespoke_application_dbus_register;
  app_class->dbus_unregister = bespoke_application_dbus_unregister;

  app_class->activate = bespoke_application_activate;
  app_class->command_line = bespoke_application_command_line;
  app_class->open = bespoke_application_open;
  app_class->startup = bespoke_application_startup;
}

static void
bespoke_application_init (BespokeApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Personalised support planning."));
}

BespokeApplication *
bespoke_application_new (void)
{
  return g_object_new (BESPOKE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
