/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "bespoke-adjustment.h"
#include "bespoke-budget.h"
#include "bespoke-circle-member.h"
#include "bespoke-error.h"
#include "bespoke-home-resident.h"
#include "bespoke-home.h"
#include "bespoke-outcome.h"
#include "bespoke-person.h"
#include "bespoke-plan.h"
#include "bespoke-product.h"
#include "bespoke-provider.h"
#include "bespoke-record.h"
#include "bespoke-risk.h"
#include "bespoke-session.h"
#include "bespoke-statement.h"
#include "bespoke-store.h"
#include "bespoke-support-line.h"
#include "bespoke-tool-statement.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-import-private.h"
#include "bespoke-xml-schema.h"

/* ---- what changed, by person and kind ---------------------------------- */

static void
change_free (gpointer data)
{
  BespokeXmlChange *change = data;

  g_free (change->owner);
  g_free (change->owner_uuid);
  g_free (change);
}

/* The name of the person, provider or home @scope names (or @record's own,
 * for one of those), remembered for the records under it */
static const char *
owner_name (BespokeXmlImportReport *report,
            BespokeRecord          *record,
            const char             *scope)
{
  const char *name;

  if (report->owners == NULL)
    report->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (scope == NULL)
    {
      g_autofree char *own = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "name") != NULL)
        g_object_get (record, "name", &own, NULL);
      /* only the owner being read is needed: its records come together */
      g_hash_table_remove_all (report->owners);
      g_hash_table_replace (report->owners, g_strdup (bespoke_record_get_uuid (record)),
                            g_strdup (own ? own : bespoke_record_get_uuid (record)));
      scope = bespoke_record_get_uuid (record);
    }
  name = g_hash_table_lookup (report->owners, scope);
  return name ? name : scope;
}

/* Remembers the name of the person, provider or home @uuid, for the
 * records under it */
void
_bespoke_xml_note_owner (BespokeXmlImportReport *report,
                         const char             *uuid,
                         const char             *name)
{
  if (report->owners == NULL)
    report->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (report->owners, g_strdup (uuid), g_strdup (name ? name : uuid));
}

/* Stands in the index for a change counted but not kept */
#define CHANGE_NOT_KEPT ((gpointer) &change_free)

/* Whether a change counted now is kept to show (with its owner's name),
 * not only counted */
gboolean
_bespoke_xml_keeps_changes (BespokeXmlImportReport *report)
{
  return report->changes == NULL || report->changes->len < BESPOKE_XML_IMPORT_CHANGES_KEPT;
}

/* Counts @record as added, updated or removed for its person, provider or
 * home.  A file holds each owner's records together, so the index is of
 * the owner being read only, and the first BESPOKE_XML_IMPORT_CHANGES_KEPT
 * changes are kept: the report's memory does not grow with the file. */
void
_bespoke_xml_note_change (BespokeXmlImportReport *report,
                          BespokeRecord          *record,
                          const char             *scope,
                          BespokeXmlChangeAction  action)
{
  const char *owner_uuid = scope ? scope : bespoke_record_get_uuid (record);
  gboolean removed = action == BESPOKE_XML_CHANGE_REMOVED;
  g_autofree char *key = removed ? g_strdup_printf ("%s %s", owner_uuid, G_OBJECT_TYPE_NAME (record))
                                 : g_strdup_printf ("%s %d", G_OBJECT_TYPE_NAME (record), action);
  GHashTable *index;
  BespokeXmlChange *change;

  if (report->changes == NULL)
    {
      report->changes = g_ptr_array_new_with_free_func (change_free);
      report->change_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      report->removed_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  if (!removed && g_strcmp0 (report->change_owner, owner_uuid) != 0)
    {
      g_hash_table_remove_all (report->change_index);
      g_free (report->change_owner);
      report->change_owner = g_strdup (owner_uuid);
    }
  index = removed ? report->removed_index : report->change_index;
  /* looked up, not searched for: a search of the list for each record
   * made an import's time grow with the square of its people (10,000
   * people: 79 s of CPU, 14 s with the look-up) */
  change = g_hash_table_lookup (index, key);
  if (change != NULL)
    {
      if (change != CHANGE_NOT_KEPT)
        change->count++;
      return;
    }
  report->n_changes++;
  if (!_bespoke_xml_keeps_changes (report))
    {
      g_hash_table_insert (index, g_steal_pointer (&key), CHANGE_NOT_KEPT);
      return;
    }
  change = g_new0 (BespokeXmlChange, 1);
  change->owner = g_strdup (owner_name (report, record, scope));
  change->owner_uuid = g_strdup (owner_uuid);
  change->type = G_OBJECT_TYPE (record);
  change->action = action;
  change->count = 1;
  g_ptr_array_add (report->changes, change);
  g_hash_table_insert (index, g_steal_pointer (&key), change);
}

/* ---- merging ---------------------------------------------------------- */

/* Merging is by UUID.  A record is unchanged here since it was last in
 * sync if its modified_at is at or before its sync mark (the record's own,
 * its person's, provider's or home's, or the whole database's; see
 * data/migrations/0003-exchange.sql).  A record that differs is updated
 * only when it is unchanged here and newer in the file; changed on both
 * sides, it is a conflict and left as it is. */

static gboolean
uuid_bytes (const char *uuid,
            guint8      out[16])
{
  guint n = 0;

  for (const char *p = uuid; *p != '\0' && n < 32; p++)
    {
      int v = g_ascii_xdigit_value (*p);
      if (*p == '-')
        continue;
      if (v < 0)
        return FALSE;
      if (n % 2 == 0)
        out[n / 2] = (guint8) (v << 4);
      else
        out[n / 2] |= (guint8) v;
      n++;
    }
  return n == 32;
}

/* The ids read so far live in a private temporary database: a sorted
 * array of them grew by 20 bytes a record, 60 MB at 100,000 people.  This
 * one keeps a few megabytes of pages in memory and spills the rest to a
 * temporary file that SQLite deletes when it is closed. */
gboolean
_bespoke_xml_seen_open (Import  *self,
                        GError **error)
{
  static const char setup[] =
    "PRAGMA journal_mode = OFF;"
    "PRAGMA synchronous = OFF;"
    "PRAGMA cache_size = -4096;"
    "CREATE TABLE seen (uuid BLOB PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID;"
    "BEGIN";

  if (sqlite3_open_v2 ("", &self->seen, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_PRIVATECACHE, NULL) != SQLITE_OK ||
      sqlite3_exec (self->seen, setup, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->seen, "INSERT INTO seen (uuid, line) VALUES (?, ?)", -1, &self->seen_insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->seen, "SELECT line FROM seen WHERE uuid = ?", -1, &self->seen_find, NULL) != SQLITE_OK)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("Could not make a temporary database to check the file’s ids: %s. Check that the folder for temporary files has free space."),
                   self->seen ? sqlite3_errmsg (self->seen) : g_strerror (ENOMEM));
      return FALSE;
    }
  return TRUE;
}

void
_bespoke_xml_seen_close (Import *self)
{
  g_clear_pointer (&self->seen_insert, sqlite3_finalize);
  g_clear_pointer (&self->seen_find, sqlite3_finalize);
  g_clear_pointer (&self->seen, sqlite3_close);
}

/* Notes @record's id; a second record with it is the file's fault. */
static gboolean
note_seen (Import        *self,
           BespokeRecord *record,
           xmlNode       *node)
{
  guint8 uuid[16];
  guint line = _bespoke_xml_node_line (node);
  guint earlier = 0;
  int rc;

  if (!uuid_bytes (bespoke_record_get_uuid (record), uuid))
    return TRUE;  /* _bespoke_xml_record_from_node() has checked it */

  sqlite3_bind_blob (self->seen_insert, 1, uuid, sizeof uuid, SQLITE_STATIC);
  sqlite3_bind_int64 (self->seen_insert, 2, line);
  rc = sqlite3_step (self->seen_insert);
  sqlite3_reset (self->seen_insert);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (self->error != NULL)
    return FALSE;

  if ((rc & 0xff) != SQLITE_CONSTRAINT)
    {
      g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("Could not check the file’s ids in a temporary database: %s. Check that the folder for temporary files has free space."),
                   sqlite3_errmsg (self->seen));
      return FALSE;
    }

  sqlite3_bind_blob (self->seen_find, 1, uuid, sizeof uuid, SQLITE_STATIC);
  if (sqlite3_step (self->seen_find) == SQLITE_ROW)
    earlier = (guint) sqlite3_column_int64 (self->seen_find, 0);
  sqlite3_reset (self->seen_find);

  g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
               _("Line %u: this record has the same id as the record on line %u. Every record needs its own id, so the file is damaged. Ask for it to be exported again."),
               line, earlier);
  return FALSE;
}

gint64
_bespoke_xml_mark_of (Import     *self,
                      const char *key)
{
  g_autoptr(GError) error = NULL;
  gint64 mark = bespoke_store_get_sync_mark (self->store, key, &error);

  return mark < 0 ? 0 : mark;
}

gboolean
_bespoke_xml_store_failed (Import   *self,
                           xmlNode  *node,
                           GError   *error)
{
  if (g_error_matches (error, BESPOKE_ERROR, BESPOKE_ERROR_MISSING_REFERENCE))
    {
      /* Translators: after "Saving was refused: it refers to a person, plan,
       * product or provider that is not in this database." */
      g_autofree char *message = g_strdup_printf (_("%s The file does not hold it either: ask for the file to be exported again, with what it refers to."),
                                                  error->message);

      _bespoke_xml_fail_at (self, node, message);
    }
  else
    _bespoke_xml_fail_at (self, node, error->message);
  g_error_free (error);
  return FALSE;
}

Merge
_bespoke_xml_merge_failed (Import  *self,
                           xmlNode *node,
                           GError  *error)
{
  _bespoke_xml_store_failed (self, node, error);
  return MERGE_FAILED;
}

static Merge
merge (Import         *self,
       BespokeRecord  *record,
       xmlNode        *node,
       BespokeXmlKind  kind,
       const char     *scope,
       gboolean        scope_new)
{
  BespokeXmlImportReport *report = self->report;
  const char *uuid = bespoke_record_get_uuid (record);
  g_autoptr(BespokeRecord) db = NULL;
  GError *error = NULL;
  gint64 base, db_time, file_time;

  if (!note_seen (self, record, node))
    return MERGE_FAILED;
  if (!bespoke_record_validate (record, &error))
    return _bespoke_xml_merge_failed (self, node, error);
  if (self->store == NULL)
    return MERGE_UNCHANGED;

  db = bespoke_store_load (self->store, G_OBJECT_TYPE (record), uuid, &error);
  if (db == NULL)
    {
      g_autoptr(BespokeTombstone) tombstone = NULL;

      if (!g_error_matches (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND))
        return _bespoke_xml_merge_failed (self, node, error);
      g_clear_error (&error);
      if ((tombstone = bespoke_store_get_tombstone (self->store, uuid, &error)) != NULL)
        return _bespoke_xml_merge_tombstoned (self, record, node, kind, scope, tombstone);
      if (error != NULL)
        return _bespoke_xml_merge_failed (self, node, error);
      /* a resident who was deleted here (a person's deletion takes their
       * place in a home with it) */
      if (BESPOKE_IS_HOME_RESIDENT (record) &&
          (tombstone = bespoke_store_get_tombstone (self->store, bespoke_home_resident_get_person_uuid (BESPOKE_HOME_RESIDENT (record)), NULL)) != NULL)
        {
          report->unchanged[kind]++;
          return MERGE_GONE;
        }
      if (!bespoke_store_save_imported (self->store, record, &error) ||
          (!scope_new && !bespoke_store_set_sync_mark (self->store, uuid,
                                                       bespoke_record_get_modified_at (record), &error)))
        return _bespoke_xml_merge_failed (self, node, error);
      report->added[kind]++;
      _bespoke_xml_note_change (report, record, scope, BESPOKE_XML_CHANGE_ADDED);
      return MERGE_ADDED;
    }

  owner_name (report, record, scope);  /* the names of the records under it */
  if (bespoke_record_equal (db, record))
    {
      /* the same, saved later there (a conflict kept there, or the same
       * edit on both): the later time, so that every copy has the same */
      if (bespoke_record_get_modified_at (record) > bespoke_record_get_modified_at (db))
        {
          if (!bespoke_store_save_imported (self->store, record, &error) ||
              !bespoke_store_set_sync_mark (self->store, uuid, bespoke_record_get_modified_at (record), &error))
            return _bespoke_xml_merge_failed (self, node, error);
          report->updated[kind]++;
          return MERGE_UPDATED;
        }
      report->unchanged[kind]++;
      return MERGE_UNCHANGED;
    }

  db_time = bespoke_record_get_modified_at (db);
  file_time = bespoke_record_get_modified_at (record);
  base = MAX (MAX (_bespoke_xml_mark_of (self, uuid), scope ? _bespoke_xml_mark_of (self, scope) : 0), self->mark_all);

  if (db_time <= base)
    {
      if (file_time <= db_time)
        {
          report->unchanged[kind]++;  /* the file holds an older copy */
          return MERGE_UNCHANGED;
        }
      if (!bespoke_store_save_imported (self->store, record, &error) ||
          !bespoke_store_set_sync_mark (self->store, uuid, file_time, &error))
        return _bespoke_xml_merge_failed (self, node, error);
      report->updated[kind]++;
      _bespoke_xml_note_change (report, record, scope, BESPOKE_XML_CHANGE_UPDATED);
      return MERGE_UPDATED;
    }

  {
    BespokeXmlConflict *conflict = g_new0 (BespokeXmlConflict, 1);

    conflict->element = g_strdup ((const char *) node->name);
    conflict->uuid = g_strdup (uuid);
    conflict->line = _bespoke_xml_node_line (node);
    conflict->database_xml = bespoke_xml_export_record (db);
    conflict->file_xml = bespoke_xml_export_record (record);
    conflict->file_record = g_object_ref (record);
    g_ptr_array_add (report->conflicts, conflict);
  }
  return MERGE_CONFLICT;
}

/* Reads @node as a record of @type and merges it. */
static Merge
merge_node (Import         *self,
            xmlNode        *node,
            GType           type,
            const char     *parent_uuid,
            BespokeXmlKind  kind,
            const char     *scope,
            gboolean        scope_new,
            char          **out_uuid)
{
  const char *parent_property = BESPOKE_RECORD_CLASS (g_type_class_ref (type))->parent_property;
  g_autoptr(BespokeRecord) record = _bespoke_xml_record_from_node (self, node, type, parent_uuid ? parent_property : NULL, parent_uuid);
  Merge result;

  if (record == NULL)
    return MERGE_FAILED;
  result = merge (self, record, node, kind, scope, scope_new);
  if (out_uuid != NULL)
    *out_uuid = g_strdup (bespoke_record_get_uuid (record));
  return result;
}

static gboolean
mark_new_scope (Import     *self,
                xmlNode    *node,
                const char *uuid)
{
  GError *error = NULL;

  if (self->store != NULL && !bespoke_store_set_sync_mark (self->store, uuid, self->now, &error))
    return _bespoke_xml_store_failed (self, node, error);
  return TRUE;
}

/* The product a line is costed from, and its provider if this database
 * has never heard of it. */
static gboolean
merge_snapshot (Import  *self,
                xmlNode *node)
{
  g_autofree char *uuid = _bespoke_xml_node_prop (node, "id");
  g_autofree char *provider_uuid = NULL;
  g_autofree char *provider_name = NULL;
  g_autoptr(BespokeProvider) provider = NULL;
  gboolean provider_new = FALSE;
  GError *error = NULL;

  if (uuid != NULL && g_hash_table_contains (self->products, uuid))
    return TRUE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (_bespoke_xml_is_ours (child, "provider-uuid"))
      provider_uuid = _bespoke_xml_node_text (child);
    else if (_bespoke_xml_is_ours (child, "provider-name"))
      provider_name = _bespoke_xml_node_text (child);

  if (!_bespoke_xml_is_uuid (provider_uuid))
    {
      _bespoke_xml_fail_at (self, node, _("The product has no provider-uuid. Ask for the file to be exported again."));
      return FALSE;
    }

  if (self->store != NULL)
    {
      provider = bespoke_store_load (self->store, BESPOKE_TYPE_PROVIDER, provider_uuid, &error);
      if (provider == NULL)
        {
          g_autofree char *modified = _bespoke_xml_node_prop (node, "modified");
          gint64 modified_at = 0;

          if (!g_error_matches (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND))
            return _bespoke_xml_store_failed (self, node, error);
          g_clear_error (&error);

          provider = g_object_new (BESPOKE_TYPE_PROVIDER, "uuid", provider_uuid, NULL);
          bespoke_provider_set_name (provider, provider_name);
          bespoke_xml_schema_parse_time (modified, &modified_at);
          bespoke_record_set_modified_at (BESPOKE_RECORD (provider), modified_at);
          if (!bespoke_store_save_imported (self->store, provider, &error))
            return _bespoke_xml_store_failed (self, node, error);
          self->report->added[BESPOKE_XML_KIND_MENU]++;
          _bespoke_xml_note_change (self->report, BESPOKE_RECORD (provider), NULL, BESPOKE_XML_CHANGE_ADDED);
          provider_new = TRUE;
          if (!mark_new_scope (self, node, provider_uuid))
            return FALSE;
        }
    }

  if (merge_node (self, node, BESPOKE_TYPE_PRODUCT, provider_uuid, BESPOKE_XML_KIND_MENU,
                  provider_uuid, provider_new, NULL) == MERGE_FAILED)
    return FALSE;
  g_hash_table_add (self->products, g_strdup (uuid));
  return TRUE;
}

static gboolean
merge_plan (Import     *self,
            xmlNode    *node,
            const char *person_uuid,
            gboolean    scope_new)
{
  g_autofree char *plan_uuid = NULL;

  Merge result = merge_node (self, node, BESPOKE_TYPE_PLAN, person_uuid, BESPOKE_XML_KIND_PLAN,
                             person_uuid, scope_new, &plan_uuid);

  if (result == MERGE_FAILED)
    return FALSE;
  if (result == MERGE_GONE)
    return TRUE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      GType type;

      if (!_bespoke_xml_is_ours (child, NULL))
        continue;
      type = bespoke_xml_schema_type_for ((const char *) child->name);
      if (type == G_TYPE_INVALID)
        continue;  /* a field of the plan */

      if (type == BESPOKE_TYPE_SUPPORT_LINE)
        for (xmlNode *field = child->children; field != NULL; field = field->next)
          if (_bespoke_xml_is_ours (field, "product") && !merge_snapshot (self, field))
            return FALSE;

      if (merge_node (self, child, type, plan_uuid, BESPOKE_XML_KIND_PLAN,
                      person_uuid, scope_new, NULL) == MERGE_FAILED)
        return FALSE;
    }
  return TRUE;
}

/* The lists of a person's profile: their circle, the one-page profile's
 * statements and (version 3) the thinking tools' statements and their
 * sessions. */
static gboolean
is_profile_list (xmlNode *node)
{
  return _bespoke_xml_is_ours (node, "important-people") || _bespoke_xml_is_ours (node, "about-me") ||
         _bespoke_xml_is_ours (node, "thinking-tools") || _bespoke_xml_is_ours (node, "sessions");
}

static gboolean
is_profile_type (GType type)
{
  return type == BESPOKE_TYPE_CIRCLE_MEMBER || type == BESPOKE_TYPE_STATEMENT ||
         type == BESPOKE_TYPE_TOOL_STATEMENT || type == BESPOKE_TYPE_SESSION;
}

static gboolean
merge_person (Import  *self,
              xmlNode *node)
{
  g_autofree char *uuid = NULL;
  Merge result = merge_node (self, node, BESPOKE_TYPE_PERSON, NULL, BESPOKE_XML_KIND_PERSON,
                             NULL, FALSE, &uuid);
  gboolean scope_new = result == MERGE_ADDED;

  if (result == MERGE_FAILED)
    return FALSE;
  if (result == MERGE_GONE)
    return TRUE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_profile_list (child))
        {
          for (xmlNode *item = child->children; item != NULL; item = item->next)
            {
              GType type;
              if (!_bespoke_xml_is_ours (item, NULL))
                continue;
              type = bespoke_xml_schema_type_for ((const char *) item->name);
              if (!is_profile_type (type) ||
                  merge_node (self, item, type, uuid, BESPOKE_XML_KIND_PROFILE,
                              uuid, scope_new, NULL) == MERGE_FAILED)
                {
                  _bespoke_xml_fail_at (self, item, _("Bespoke does not know what this is. Ask for the file to be exported again."));
                  return FALSE;
                }
            }
        }
      else if (_bespoke_xml_is_ours (child, "care-plan") && !merge_plan (self, child, uuid, scope_new))
        return FALSE;
    }

  /* Everything of a new person came from this file: one mark covers it. */
  return !scope_new || mark_new_scope (self, node, uuid);
}

static gboolean
merge_provider (Import  *self,
                xmlNode *node)
{
  g_autofree char *uuid = NULL;
  Merge result = merge_node (self, node, BESPOKE_TYPE_PROVIDER, NULL, BESPOKE_XML_KIND_MENU,
                             NULL, FALSE, &uuid);
  gboolean scope_new = result == MERGE_ADDED;

  if (result == MERGE_FAILED)
    return FALSE;
  if (result == MERGE_GONE)
    return TRUE;

  for (xmlNode *menu = node->children; menu != NULL; menu = menu->next)
    if (_bespoke_xml_is_ours (menu, "menu"))
      for (xmlNode *item = menu->children; item != NULL; item = item->next)
        if (_bespoke_xml_is_ours (item, "product"))
          {
            g_autofree char *product_uuid = NULL;
            if (merge_node (self, item, BESPOKE_TYPE_PRODUCT, uuid, BESPOKE_XML_KIND_MENU,
                            uuid, scope_new, &product_uuid) == MERGE_FAILED)
              return FALSE;
            g_hash_table_add (self->products, g_steal_pointer (&product_uuid));
          }

  return !scope_new || mark_new_scope (self, node, uuid);
}

static gboolean
merge_home (Import  *self,
            xmlNode *node)
{
  g_autofree char *uuid = NULL;
  Merge result = merge_node (self, node, BESPOKE_TYPE_HOME, NULL, BESPOKE_XML_KIND_HOME,
                             NULL, FALSE, &uuid);
  gboolean scope_new = result == MERGE_ADDED;

  if (result == MERGE_FAILED)
    return FALSE;
  if (result == MERGE_GONE)
    return TRUE;

  for (xmlNode *item = node->children; item != NULL; item = item->next)
    if (_bespoke_xml_is_ours (item, "resident") &&
        merge_node (self, item, BESPOKE_TYPE_HOME_RESIDENT, uuid, BESPOKE_XML_KIND_HOME,
                    uuid, scope_new, NULL) == MERGE_FAILED)
      return FALSE;

  return !scope_new || mark_new_scope (self, node, uuid);
}

static guint
changes (Import *self)
{
  guint n = 0;

  for (guint k = 0; k < BESPOKE_XML_N_KINDS; k++)
    n += self->report->added[k] + self->report->updated[k];
  return n;
}

/* One ::changed per person, provider or home whose records the import
 * added to or changed, when it commits; past MAX_NOTED of them, one
 * "everything may have changed" instead, as a restore does, so that the
 * notes do not grow with the file. */
#define MAX_NOTED 1000

static void
note_top_change (Import     *self,
                 xmlNode    *node,
                 GType       type,
                 guint       before)
{
  g_autofree char *uuid = NULL;

  if (self->store == NULL || changes (self) == before || self->n_noted > MAX_NOTED)
    return;
  if (self->n_noted++ == MAX_NOTED)
    {
      bespoke_store_note_change (self->store, BESPOKE_TYPE_RECORD, NULL);
      return;
    }
  uuid = _bespoke_xml_node_prop (node, "id");
  if (uuid != NULL)
    bespoke_store_note_change (self->store, type, uuid);
}

gboolean
_bespoke_xml_merge_top (Import  *self,
                        xmlNode *node)
{
  guint before = changes (self);
  gboolean ok;

  if (_bespoke_xml_is_ours (node, "person"))
    {
      ok = merge_person (self, node);
      note_top_change (self, node, BESPOKE_TYPE_PERSON, before);
    }
  else if (_bespoke_xml_is_ours (node, "provider"))
    {
      ok = merge_provider (self, node);
      note_top_change (self, node, BESPOKE_TYPE_PROVIDER, before);
    }
  else if (_bespoke_xml_is_ours (node, "shared-home"))
    {
      ok = merge_home (self, node);
      note_top_change (self, node, BESPOKE_TYPE_HOME, before);
    }
  else if (_bespoke_xml_is_ours (node, "deleted"))
    ok = _bespoke_xml_merge_deleted (self, node);
  else
    ok = TRUE;  /* the schema reports it */
  return ok;
}

/* What each kind of record is called in a change, one and several */
static const struct
{
  GType      (*get_type) (void);
  const char  *one;
  const char  *several;
} nouns[] = {
  { bespoke_statement_get_type, N_("statement"), N_("statements") },
  { bespoke_circle_member_get_type, N_("circle member"), N_("circle members") },
  { bespoke_plan_get_type, N_("plan"), N_("plans") },
  { bespoke_outcome_get_type, N_("outcome"), N_("outcomes") },
  { bespoke_support_line_get_type, N_("support line"), N_("support lines") },
  { bespoke_risk_get_type, N_("risk"), N_("risks") },
  { bespoke_budget_get_type, N_("budget"), N_("budgets") },
  { bespoke_adjustment_get_type, N_("refund"), N_("refunds") },
  { bespoke_product_get_type, N_("product"), N_("products") },
  { bespoke_home_resident_get_type, N_("resident"), N_("residents") },
  { bespoke_tool_statement_get_type, N_("thinking-tool statement"), N_("thinking-tool statements") },
  { bespoke_session_get_type, N_("session"), N_("sessions") },
};

/**
 * bespoke_xml_change_describe:
 *
 * Returns: (transfer full): @change in words: "1 statement updated for
 *   Paul Roberts", "2 support lines added for Paul Roberts", "Paul
 *   Roberts is new", "Paul Roberts’s details updated"
 */
char *
bespoke_xml_change_describe (const BespokeXmlChange *change)
{
  const char *noun = NULL;

  g_return_val_if_fail (change != NULL, NULL);

  if (change->type == BESPOKE_TYPE_PERSON || change->type == BESPOKE_TYPE_PROVIDER || change->type == BESPOKE_TYPE_HOME)
    switch (change->action)
      {
      case BESPOKE_XML_CHANGE_ADDED:
        /* Translators: a person, provider or shared home the import adds */
        return g_strdup_printf (_("%s is new"), change->owner);
      case BESPOKE_XML_CHANGE_REMOVED:
        return g_strdup_printf (_("%s removed"), change->owner);
      case BESPOKE_XML_CHANGE_UPDATED:
      default:
        /* Translators: a person's (provider's, home's) own details changed by an import */
        return g_strdup_printf (_("%s’s details updated"), change->owner);
      }

  for (guint i = 0; i < G_N_ELEMENTS (nouns) && noun == NULL; i++)
    if (change->type == nouns[i].get_type ())
      noun = g_dngettext (GETTEXT_PACKAGE, nouns[i].one, nouns[i].several, change->count);
  if (noun == NULL)
    noun = g_dngettext (GETTEXT_PACKAGE, "record", "records", change->count);

  switch (change->action)
    {
    case BESPOKE_XML_CHANGE_ADDED:
      /* Translators: e.g. "2 support lines added for Paul Roberts" */
      return g_strdup_printf (_("%u %s added for %s"), change->count, noun, change->owner);
    case BESPOKE_XML_CHANGE_REMOVED:
      /* Translators: e.g. "1 risk removed for Paul Roberts" */
      return g_strdup_printf (_("%u %s removed for %s"), change->count, noun, change->owner);
    case BESPOKE_XML_CHANGE_UPDATED:
    default:
      /* Translators: e.g. "1 statement updated for Paul Roberts" */
      return g_strdup_printf (_("%u %s updated for %s"), change->count, noun, change->owner);
    }
}
