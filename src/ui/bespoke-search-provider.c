/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-search-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-search-provider.h"
#include "bespoke-store.h"

/*
 * BespokeSearchProvider: GNOME Shell's org.gnome.Shell.SearchProvider2, so
 * that a planner finds a person from the Activities search.  It searches
 * the user's own database with the store's people search, the one the
 * sidebar's search entry uses, on its own read connection opened at the
 * first search; a result opens the app on that person (app.show-person).
 */

#define MAX_RESULTS 20

struct _BespokeSearchProvider
{
  GObject          parent_instance;
  GApplication    *application;   /* not owned: it owns us */
  GDBusConnection *connection;
  guint            registration;
  BespokeStore    *store;
};

G_DEFINE_FINAL_TYPE (BespokeSearchProvider, bespoke_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* The user's own database, opened once, at the first search.  No
 * database yet means no results, not an error; so does a search index
 * that a migration left to be built again for many people: that is the
 * window's work, on a thread with progress (about a minute at 100,000
 * people), not the Shell's search's, which would wait for it.  For a few
 * people it is built here, in under half a second. */
static BespokeStore *
ensure_store (BespokeSearchProvider *self)
{
  if (self->store == NULL)
    {
      g_autofree char *path = bespoke_store_default_path ();
      g_autoptr(GError) error = NULL;
      guint people = 0;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return NULL;
      self->store = bespoke_store_open_full (path, BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX, &error);
      if (self->store == NULL)
        g_debug ("Search: could not open %s: %s", path, error->message);
      else if (bespoke_store_search_rebuild_pending (self->store, &people) &&
               (people >= BESPOKE_STORE_REBUILD_QUICK_PEOPLE ||
                !bespoke_store_rebuild_search (self->store, NULL, NULL, NULL, &error)))
        {
          g_debug ("Search: the search index of %s is not built yet%s%s", path,
                   error ? ": " : "", error ? error->message : "");
          g_clear_object (&self->store);
        }
    }
  return self->store;
}

/* The terms as the sidebar's search entry would hold them. */
static char *
join_terms (GVariant *terms)
{
  g_autofree const char **strv = g_variant_get_strv (terms, NULL);

  return g_strjoinv (" ", (char **) strv);
}

static GVariant *
search (BespokeSearchProvider *self,
        GVariant              *terms)
{
  g_autofree char *text = join_terms (terms);
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("as"));
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  BespokeStore *store = ensure_store (self);

  if (store != NULL)
    people = bespoke_store_list_people (store, BESPOKE_PEOPLE_ALL, text, 0, MAX_RESULTS, &error);
  if (error != NULL)
    g_debug ("Search for “%s”: %s", text, error->message);
  for (guint i = 0; people != NULL && i < people->len; i++)
    g_variant_builder_add (builder, "s", bespoke_record_get_uuid (g_ptr_array_index (people, i)));
  return g_variant_new ("(as)", builder);
}

/* A person's photo as the result's icon, or the usual avatar. */
static GVariant *
person_icon (BespokeStore *store,
             const char   *uuid)
{
  g_autoptr(GBytes) photo = bespoke_store_get_photo (store, uuid, NULL, NULL);
  g_autoptr(GIcon) icon = NULL;

  if (photo != NULL && g_bytes_get_size (photo) > 0)
    icon = g_bytes_icon_new (photo);
  else
    icon = g_themed_icon_new ("avatar-default-symbolic");
  return g_icon_serialize (icon);
}

static GVariant *
result_metas (BespokeSearchProvider *self,
              GVariant              *identifiers)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("aa{sv}"));
  g_autofree const char **ids = g_variant_get_strv (identifiers, NULL);
  BespokeStore *store = ensure_store (self);

  for (guint i = 0; store != NULL && ids[i] != NULL; i++)
    {
      g_autoptr(BespokePerson) person = bespoke_store_find_person (store, ids[i], NULL);
      const char *preferred;
      GVariantDict meta;

      if (person == NULL || !g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (person)), ids[i]))
        continue;
      preferred = bespoke_person_get_preferred_name (person);
      g_variant_dict_init (&meta, NULL);
      g_variant_dict_insert (&meta, "id", "s", ids[i]);
      g_variant_dict_insert (&meta, "name", "s", bespoke_person_get_name (person));
      if (bespoke_person_get_is_staff (person))
        g_variant_dict_insert (&meta, "description", "s", _("Member of staff"));
      else if (preferred != NULL && *preferred != '\0')
        g_variant_dict_insert (&meta, "description", "s", preferred);
      g_variant_dict_insert_value (&meta, "icon", person_icon (store, ids[i]));
      g_variant_builder_add_value (builder, g_variant_dict_end (&meta));
    }
  return g_variant_new ("(aa{sv})", builder);
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  BespokeSearchProvider *self = user_data;
  GVariant *reply = NULL;

  /* keep a service-mode app running while it answers */
  g_application_hold (self->application);
  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);
      reply = search (self, terms);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);
      reply = search (self, terms);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) ids = g_variant_get_child_value (parameters, 0);
      reply = result_metas (self, ids);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *uuid = NULL;

      g_variant_get_child (parameters, 0, "&s", &uuid);
      g_action_group_activate_action (G_ACTION_GROUP (self->application), "show-person",
                                      g_variant_new_string (uuid));
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);
      g_autofree char *text = join_terms (terms);

      g_action_group_activate_action (G_ACTION_GROUP (self->application), "search-people",
                                      g_variant_new_string (text));
    }
  g_dbus_method_invocation_return_value (invocation, reply);
  g_application_release (self->application);
}

static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };

gboolean
bespoke_search_provider_register (BespokeSearchProvider  *self,
                                  GDBusConnection        *connection,
                                  const char             *object_path,
                                  GError                **error)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, error);

  if (info == NULL)
    return FALSE;
  self->registration = g_dbus_connection_register_object (connection, object_path, info->interfaces[0],
                                                          &vtable, self, NULL, error);
  if (self->registration == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  return TRUE;
}

void
bespoke_search_provider_unregister (BespokeSearchProvider *self)
{
  if (self->registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration);
  self->registration = 0;
  g_clear_object (&self->connection);
  g_clear_object (&self->store);
}

static void
bespoke_search_provider_finalize (GObject *object)
{
  BespokeSearchProvider *self = BESPOKE_SEARCH_PROVIDER (object);

  bespoke_search_provider_unregister (self);
  G_OBJECT_CLASS (bespoke_search_provider_parent_class)->finalize (object);
}

static void
bespoke_search_provider_class_init (BespokeSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bespoke_search_provider_finalize;
}

static void
bespoke_search_provider_init (BespokeSearchProvider *self)
{
}

BespokeSearchProvider *
bespoke_search_provider_new (GApplication *application)
{
  BespokeSearchProvider *self = g_object_new (BESPOKE_TYPE_SEARCH_PROVIDER, NULL);

  self->application = application;
  return self;
}
