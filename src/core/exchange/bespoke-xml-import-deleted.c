/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-error.h"
#include "bespoke-home-resident.h"
#include "bespoke-home.h"
#include "bespoke-person.h"
#include "bespoke-product.h"
#include "bespoke-provider.h"
#include "bespoke-record.h"
#include "bespoke-statement.h"
#include "bespoke-circle-member.h"
#include "bespoke-session.h"
#include "bespoke-store.h"
#include "bespoke-tool-statement.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-import-private.h"
#include "bespoke-xml-schema.h"

/* Version 3: deletions travel.  A tombstone is weighed as one more version
 * of its record, with the deletion's time as its modified time:
 *
 * - a deletion in the file, the record here unchanged since the last
 *   exchange (neither it nor anything under it modified after its sync
 *   mark): deleted, if the deletion is newer than the copy here;
 * - the record here changed since: a conflict ("Deleted on the other
 *   computer, changed here"), never a silent deletion;
 * - a record in the file, deleted here: left deleted if the file's copy is
 *   not newer than the deletion, a conflict ("Deleted here, changed on
 *   the other computer") if it is;
 * - a deletion of a record this database never had, or already deleted,
 *   is kept (the later time wins), so that it is passed on.
 *
 * Each deletion in a file lists the replicas (copies of the database)
 * known to have it; an import adds them, and itself, to what this replica
 * knows (see bespoke_store_get_tombstone_prune_limit()). */

static BespokeXmlKind
kind_of (GType type)
{
  if (type == BESPOKE_TYPE_PERSON)
    return BESPOKE_XML_KIND_PERSON;
  if (type == BESPOKE_TYPE_STATEMENT || type == BESPOKE_TYPE_CIRCLE_MEMBER ||
      type == BESPOKE_TYPE_TOOL_STATEMENT || type == BESPOKE_TYPE_SESSION)
    return BESPOKE_XML_KIND_PROFILE;
  if (type == BESPOKE_TYPE_PROVIDER || type == BESPOKE_TYPE_PRODUCT)
    return BESPOKE_XML_KIND_MENU;
  if (type == BESPOKE_TYPE_HOME || type == BESPOKE_TYPE_HOME_RESIDENT)
    return BESPOKE_XML_KIND_HOME;
  return BESPOKE_XML_KIND_PLAN;
}

static gint64
base_of (Import     *self,
         const char *uuid,
         const char *scope)
{
  return MAX (MAX (_bespoke_xml_mark_of (self, uuid), scope ? _bespoke_xml_mark_of (self, scope) : 0), self->mark_all);
}

/* A tombstone as the file writes it, for the conflicts file. */
static char *
deleted_xml (const char *uuid,
             GType       type,
             const char *scope,
             gint64      deleted_at)
{
  g_autofree char *at = bespoke_xml_schema_format_time (deleted_at);
  g_autoptr(GString) out = g_string_new ("<deleted id=\"");

  bespoke_xml_export_escape (out, uuid, TRUE);
  g_string_append_printf (out, "\" kind=\"%s\" in=\"", bespoke_xml_schema_element_for (type));
  bespoke_xml_export_escape (out, scope, TRUE);
  g_string_append_printf (out, "\" at=\"%s\"/>", at);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_conflict (Import        *self,
              xmlNode       *node,
              BespokeRecord *file_record,
              char          *database_xml,
              char          *file_xml,
              gboolean       deleted_in_file,
              const char    *scope,
              gint64         deleted_at)
{
  BespokeXmlConflict *conflict = g_new0 (BespokeXmlConflict, 1);

  conflict->element = g_strdup (bespoke_xml_schema_element_for (G_OBJECT_TYPE (file_record)));
  conflict->uuid = g_strdup (bespoke_record_get_uuid (file_record));
  conflict->line = _bespoke_xml_node_line (node);
  conflict->database_xml = database_xml;
  conflict->file_xml = file_xml;
  conflict->file_record = g_object_ref (file_record);
  conflict->deleted_in_file = deleted_in_file;
  conflict->deleted_here = !deleted_in_file;
  conflict->scope = g_strdup (scope);
  conflict->deleted_at = deleted_at;
  g_ptr_array_add (self->report->conflicts, conflict);
}

Merge
_bespoke_xml_merge_tombstoned (Import           *self,
                               BespokeRecord    *record,
                               xmlNode          *node,
                               BespokeXmlKind    kind,
                               const char       *scope,
                               BespokeTombstone *tombstone)
{
  const char *uuid = bespoke_record_get_uuid (record);
  gint64 file_time = bespoke_record_get_modified_at (record);

  if (file_time <= tombstone->deleted_at)
    {
      self->report->unchanged[kind]++;  /* the file holds a copy older than the deletion */
      return MERGE_GONE;
    }
  /* Changed there after it was deleted here: a conflict, whether or not
   * the deletion had already travelled (someone who had not seen it
   * changed it), so that a deleted record never comes back unasked. */
  add_conflict (self, node, record,
                deleted_xml (uuid, G_OBJECT_TYPE (record), tombstone->scope, tombstone->deleted_at),
                bespoke_xml_export_record (record), FALSE, tombstone->scope, tombstone->deleted_at);
  return MERGE_GONE;
}

static char **
seen_by (xmlNode *node)
{
  GPtrArray *list = g_ptr_array_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (_bespoke_xml_is_ours (child, "seen-by"))
      {
        char *replica = _bespoke_xml_node_prop (child, "replica");
        if (replica != NULL)
          g_ptr_array_add (list, replica);
      }
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

/* Keeps the file's tombstone (the later time wins) and who has it. */
static gboolean
keep_tombstone (Import      *self,
                xmlNode     *node,
                const char  *uuid,
                const char  *table,
                const char  *scope,
                gint64       at,
                char       **seen,
                gboolean     count)
{
  g_autoptr(BespokeTombstone) before = bespoke_store_get_tombstone (self->store, uuid, NULL);
  GError *error = NULL;
  guint added = 0;

  if (!bespoke_store_put_tombstone (self->store, uuid, table, scope, at, &error) ||
      !bespoke_store_note_replicas (self->store, (const char * const *) seen, uuid, &added, &error))
    return _bespoke_xml_store_failed (self, node, error);
  if (count && (before == NULL || before->deleted_at < at || added > 0))
    self->report->tombstones++;
  return TRUE;
}

/* Lists the deletion in the preview's "What Will Change", by person: "1
 * statement removed for Paul Roberts".  The person (provider, home) may
 * not be in the file, so their name comes from here. */
static void
note_removed (Import        *self,
              BespokeRecord *record,
              const char    *scope)
{
  BespokeXmlImportReport *report = self->report;

  /* the name is for a change kept to show (_bespoke_xml_note_change()) */
  if (scope != NULL && _bespoke_xml_keeps_changes (report) &&
      (report->owners == NULL || !g_hash_table_contains (report->owners, scope)))
    {
      const GType owners[] = { BESPOKE_TYPE_PERSON, BESPOKE_TYPE_PROVIDER, BESPOKE_TYPE_HOME };

      for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
        {
          g_autoptr(BespokeRecord) owner = bespoke_store_load (self->store, owners[i], scope, NULL);
          g_autofree char *name = NULL;

          if (owner != NULL)
            {
              g_object_get (owner, "name", &name, NULL);
              _bespoke_xml_note_owner (report, scope, name);
              break;
            }
        }
    }
  _bespoke_xml_note_change (report, record, scope, BESPOKE_XML_CHANGE_REMOVED);
}

gboolean
_bespoke_xml_merge_deleted (Import  *self,
                            xmlNode *node)
{
  g_autofree char *uuid = _bespoke_xml_node_prop (node, "id");
  g_autofree char *kind = _bespoke_xml_node_prop (node, "kind");
  g_autofree char *scope = _bespoke_xml_node_prop (node, "in");
  g_autofree char *at_text = _bespoke_xml_node_prop (node, "at");
  g_auto(GStrv) seen = seen_by (node);
  g_autoptr(BespokeTombstone) tombstone = NULL;
  g_autoptr(BespokeRecord) db = NULL;
  GType type = bespoke_xml_schema_type_for (kind);
  const char *table;
  GError *error = NULL;
  gint64 at = 0;

  if (type == G_TYPE_INVALID || !_bespoke_xml_is_uuid (uuid) || !_bespoke_xml_is_uuid (scope) ||
      !bespoke_xml_schema_parse_time (at_text, &at))
    {
      _bespoke_xml_fail_at (self, node, _("This deletion is damaged: it needs an id, a kind, an “in” and a time. Ask for the file to be exported again."));
      return FALSE;
    }
  if (self->store == NULL)
    return TRUE;
  table = BESPOKE_RECORD_CLASS (g_type_class_ref (type))->table;

  if ((tombstone = bespoke_store_get_tombstone (self->store, uuid, &error)) != NULL)
    return keep_tombstone (self, node, uuid, table, scope, at, seen, TRUE);
  if (error != NULL)
    return _bespoke_xml_store_failed (self, node, error);

  db = bespoke_store_load (self->store, type, uuid, &error);
  if (db == NULL)
    {
      if (!g_error_matches (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND))
        return _bespoke_xml_store_failed (self, node, error);
      g_clear_error (&error);
      return keep_tombstone (self, node, uuid, table, scope, at, seen, TRUE);
    }

  if (bespoke_store_changed_since (self->store, type, uuid, base_of (self, uuid, scope), &error))
    {
      if (error != NULL)
        return _bespoke_xml_store_failed (self, node, error);
      add_conflict (self, node, db, bespoke_xml_export_record (db), deleted_xml (uuid, type, scope, at),
                    TRUE, scope, at);
      return TRUE;
    }
  if (at <= bespoke_record_get_modified_at (db))
    {
      self->report->unchanged[kind_of (type)]++;  /* deleted before the copy here was made */
      return TRUE;
    }
  note_removed (self, db, scope);
  if (!bespoke_store_delete_imported (self->store, type, uuid, scope, at, &error))
    return _bespoke_xml_store_failed (self, node, error);
  if (self->report->deleted++ == 0)
    bespoke_store_note_change (self->store, BESPOKE_TYPE_RECORD, NULL);
  return keep_tombstone (self, node, uuid, table, scope, at, seen, FALSE);
}
