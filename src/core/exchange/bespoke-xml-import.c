/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bespoke-core.h"
#include "bespoke-xml-columns.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-import.h"
#include "bespoke-xml-schema.h"

/* Reading an exchange file that may have come from anywhere.
 *
 * - The parser gets XML_PARSE_NONET and nothing that loads or expands
 *   anything (no NOENT, DTDLOAD, DTDVALID, XINCLUDE or HUGE, so libxml2's
 *   own limits on depth and text size hold), plus XML_PARSE_BIG_LINES so
 *   that line numbers past 65,535 are right in messages.  A DOCTYPE is
 *   refused outright and the external entity loader denies everything.
 * - Files over BESPOKE_XML_MAX_BYTES are refused before they are read.
 * - The file is read as a stream and validated against the built-in schema
 *   as it is read; each person (or provider, or home) is expanded, merged,
 *   and freed before the next, so memory stays flat.  The ids already read,
 *   to catch a record with another's id, go into a private temporary
 *   SQLite database (never the store's), which spills to a temporary file
 *   past a few megabytes instead of growing in memory.
 * - Everything happens in one transaction: any error anywhere, or a dry
 *   run, rolls it all back.
 *
 * Merging is by UUID.  A record is unchanged here since it was last in
 * sync if its modified_at is at or before its sync mark (the record's own,
 * its person's, provider's or home's, or the whole database's; see
 * data/migrations/0003-exchange.sql).  A record that differs is updated
 * only when it is unchanged here and newer in the file; changed on both
 * sides, it is a conflict and left as it is. */

typedef enum
{
  MERGE_FAILED,
  MERGE_ADDED,
  MERGE_UPDATED,
  MERGE_UNCHANGED,
  MERGE_CONFLICT,
} Merge;

typedef struct
{
  BespokeStore           *store;       /* NULL: validate only */
  BespokeXmlImportReport *report;
  sqlite3                *seen;        /* a private temporary database: uuid → line */
  sqlite3_stmt           *seen_insert;
  sqlite3_stmt           *seen_find;
  GHashTable             *products;    /* product UUIDs already merged */
  GCancellable           *cancellable;
  guint                   n_noted;     /* ::changed noted, one a person, provider or home */
  char                   *xml_error;   /* the first error from libxml2 */
  GError                 *error;       /* the first error in a record */
  gint64                  mark_all;
  gint64                  now;
} Import;

static gboolean
is_ours (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, BESPOKE_XML_NAMESPACE) == 0 &&
         (name == NULL || g_strcmp0 ((const char *) node->name, name) == 0);
}

/* The line of @node's start tag (where its '>' is).  libxml2 keeps an
 * element's line in 16 bits; past line 65,535, XML_PARSE_BIG_LINES keeps
 * the whole number for text nodes only, as the line where the text ends,
 * and xmlGetLineNo() gives an element the line of its first child, a line
 * too late when that is the newline and indent before the next element.
 * So: the first text inside @node, less the newlines in it. */
static guint
node_line (xmlNode *node)
{
  long line;

  if (node == NULL)
    return 0;
  if (node->type == XML_ELEMENT_NODE && node->line == 65535)
    for (xmlNode *inner = node->children; inner != NULL; inner = inner->children)
      {
        if (inner->type == XML_TEXT_NODE)
          {
            long end = xmlGetLineNo (inner);
            guint newlines = 0;

            for (const xmlChar *c = inner->content; c != NULL && *c != '\0'; c++)
              newlines += *c == '\n';
            if (end >= 65535 + (long) newlines)
              return (guint) (end - newlines);
            break;
          }
        if (inner->type != XML_ELEMENT_NODE)
          break;
      }
  line = xmlGetLineNo (node);
  return line > 0 ? (guint) line : 0;
}

static void
fail_at (Import     *self,
         xmlNode    *node,
         const char *message)
{
  if (self->error != NULL)
    return;
  g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
               _("Line %u: %s"), node_line (node), message);
}

/* ---- libxml2's errors, in words a planner can act on ----------------- */

static char *
clean_message (const char *message)
{
  g_autofree char *text = g_strchomp (g_strdup (message ? message : ""));
  g_auto(GStrv) parts = g_strsplit (text, "{" BESPOKE_XML_NAMESPACE "}", -1);

  return g_strjoinv ("", parts);
}

/* libxml2's schema messages, said the way a planner would say them. */
static char *
plain_schema_message (const char *message)
{
  static const struct { const char *pattern; const char *replacement; } rules[] = {
    { "^Element '([^']+)', attribute 'pence': \\[facet 'minInclusive'\\] The value '([^']*)'.*",
      N_("the amount in “\\1” is \\2 pence, and it cannot be less than nothing") },
    { "^Element '([^']+)', attribute 'pence': \\[facet 'maxInclusive'\\] The value '([^']*)'.*",
      N_("the amount in “\\1” is \\2 pence; a refund must be less than nothing") },
    { "^Element '([^']+)', attribute 'pence': '([^']*)' is not a valid value.*",
      N_("the amount in “\\1” is “\\2” pence, which is not a whole number Bespoke can hold") },
    { "^Element '([^']+)', attribute 'id': \\[facet 'pattern'\\] The value '([^']*)'.*",
      N_("the id of this “\\1” is “\\2”, which is not a UUID") },
    { "^Element '([^']+)', attribute '([^']+)': \\[facet 'enumeration'\\] The value '([^']*)'.*",
      N_("“\\1” has \\2 “\\3”, which Bespoke does not know") },
    { "^Element '([^']+)': \\[facet 'enumeration'\\] The value '([^']*)'.*",
      N_("“\\1” cannot be “\\2”") },
    { "^Element '([^']+)': This element is not expected\\. Expected is.*\\( ([^ ]+) \\).*",
      N_("“\\1” is not expected here; Bespoke expects “\\2”") },
    { "^Element '([^']+)': This element is not expected.*",
      N_("“\\1” is not expected here") },
    { "^Element '([^']+)': Missing child element.*Expected is.*\\( ([^ ]+) \\).*",
      N_("“\\1” is missing “\\2”") },
    { "^Element '([^']+)'(, attribute '([^']+)')?: .*'([^']*)' is not a valid value.*",
      N_("“\\1” holds “\\4”, which is not a value Bespoke can read there") },
    { "^Element '([^']+)'.*\\[facet '(minLength|maxLength)'\\].*",
      N_("“\\1” is empty or far too long") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (rules[i].pattern, G_REGEX_DOTALL, 0, NULL);
      if (regex != NULL && g_regex_match (regex, message, 0, NULL))
        return g_regex_replace (regex, message, -1, 0, _(rules[i].replacement), 0, NULL);
    }
  return g_strdup (message);
}

static void
on_xml_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  Import *self = user_data;
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  const char *advice;

  if (error == NULL || error->level < XML_ERR_ERROR || self->xml_error != NULL)
    return;

  message = clean_message (error->message);
  g_strdelimit (message, "\n", ' ');
  while (*message != '\0' && strchr (".! ", message[strlen (message) - 1]) != NULL)
    message[strlen (message) - 1] = '\0';

  if (error->int2 > 0 && error->domain != XML_FROM_SCHEMASV)
    where = g_strdup_printf (_("Line %d, column %d"), error->line, error->int2);
  else
    where = g_strdup_printf (_("Line %d"), error->line);

  if (error->domain == XML_FROM_SCHEMASV)
    {
      g_autofree char *plain = plain_schema_message (message);
      self->xml_error = g_strdup_printf (_("%s: %s. This is not what a Bespoke exchange file holds, so the file is damaged or was not written by Bespoke. Ask for it to be exported again."),
                                         where, plain);
      return;
    }

  if (error->code == XML_ERR_INVALID_CHAR || error->code == XML_ERR_INVALID_ENCODING ||
      error->code == XML_ERR_UNKNOWN_ENCODING)
    advice = _("the file has characters that are not UTF-8 text, so it is damaged or was not written by Bespoke. Ask for it to be exported again.");
  else if (error->code == XML_ERR_TAG_NOT_FINISHED || error->code == XML_ERR_DOCUMENT_EMPTY ||
           error->code == XML_ERR_DOCUMENT_END || error->code == XML_ERR_GT_REQUIRED ||
           error->code == XML_ERR_LTSLASH_REQUIRED)
    advice = _("the file stops too early or is damaged; it may have been cut short while it was copied. Ask for it to be exported again.");
  else if (strstr (message, "depth") != NULL || strstr (message, "huge") != NULL ||
           strstr (message, "limit") != NULL || strstr (message, "amplification") != NULL)
    advice = _("the file is far larger or deeper than any Bespoke export, so Bespoke will not read it. Ask for it to be exported again.");
  else
    advice = _("the file is damaged or is not a Bespoke exchange file. Ask for it to be exported again.");

  /* Translators: "Line 4, column 15: the file has … again. (Input is not proper UTF-8)" */
  self->xml_error = g_strdup_printf (_("%s: %s (%s)"), where, advice, message);
}

/* ---- records from elements ------------------------------------------- */

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

static char *
node_prop (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *text = g_strdup ((const char *) value);

  xmlFree (value);
  return text;
}

static gboolean
parse_schedule (xmlNode          *node,
                BespokeSchedule **out,
                GError          **error)
{
  g_autofree char *kind = node_prop (node, "kind");
  g_autoptr(GString) text = g_string_new (kind ? kind : "");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_ours (child, NULL))
      {
        g_autofree char *value = node_text (child);
        g_string_append_printf (text, ";%s=%s", (const char *) child->name, value);
      }
  *out = bespoke_schedule_parse (text->str, error);
  return *out != NULL;
}

static gboolean
set_column (BespokeRecord  *record,
            GParamSpec     *pspec,
            xmlNode        *node,
            GError        **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_value_init (&value, type);

  if (type == G_TYPE_INT64)
    {
      gint64 pence;
      text = node_prop (node, "pence");
      if (!g_ascii_string_to_signed (text ? text : "", 10, G_MININT64, G_MAXINT64, &pence, NULL))
        {
          g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                       _("%s is not an amount of pence Bespoke can hold (%s). Check the figure."),
                       (const char *) node->name, text ? text : "");
          return FALSE;
        }
      g_value_set_int64 (&value, pence);
    }
  else if (type == BESPOKE_TYPE_SCHEDULE)
    {
      BespokeSchedule *schedule = NULL;
      if (!parse_schedule (node, &schedule, error))
        return FALSE;
      g_value_take_boxed (&value, schedule);
    }
  else
    {
      text = node_text (node);
      if (type == G_TYPE_STRING)
        g_value_set_string (&value, text);
      else if (type == G_TYPE_UINT)
        {
          guint64 n;
          if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &n, NULL))
            {
              g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("%s should be a whole number, not “%s”."), (const char *) node->name, text);
              return FALSE;
            }
          g_value_set_uint (&value, (guint) n);
        }
      else if (type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&value, g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0);
      else if (G_TYPE_IS_ENUM (type))
        {
          int v;
          if (!bespoke_enum_from_nick (type, text, &v))
            {
              g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("%s cannot be “%s”."), (const char *) node->name, text);
              return FALSE;
            }
          g_value_set_enum (&value, v);
        }
      else
        g_assert_not_reached ();
    }

  bespoke_record_take_value (record, pspec, &value, FALSE);
  return TRUE;
}

/* A record from its element: its id, modified time, @parent_property set
 * to @parent_uuid, and one column per child element it knows. */
static BespokeRecord *
record_from_node (Import     *self,
                  xmlNode    *node,
                  GType       type,
                  const char *parent_property,
                  const char *parent_uuid)
{
  g_autofree char *uuid = node_prop (node, "id");
  g_autofree char *modified = node_prop (node, "modified");
  const BespokeXmlColumns *columns = bespoke_xml_columns_for (type);
  g_autoptr(BespokeRecord) record = NULL;
  gint64 modified_at = 0;

  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    {
      g_autofree char *message = g_strdup_printf (_("The %s has no id, or its id “%s” is not a UUID. Ask for the file to be exported again."),
                                                  (const char *) node->name, uuid ? uuid : "");
      fail_at (self, node, message);
      return NULL;
    }
  if (!bespoke_xml_schema_parse_time (modified, &modified_at))
    {
      g_autofree char *message = g_strdup_printf (_("The %s’s modified time “%s” is not a UTC time such as 2027-01-08T09:30:00.000000Z."),
                                                  (const char *) node->name, modified ? modified : "");
      fail_at (self, node, message);
      return NULL;
    }

  record = g_object_new (type, "uuid", uuid, NULL);
  bespoke_record_set_modified_at (record, modified_at);
  if (parent_property != NULL)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), parent_property);
      bespoke_record_set_string (record, pspec, parent_uuid);
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const BespokeXmlColumn *column;
      g_autoptr(GError) error = NULL;

      if (!is_ours (child, NULL))
        continue;
      column = bespoke_xml_columns_find (columns, (const char *) child->name);
      if (column == NULL)
        continue;  /* a container of child records */

      if (column->encoding == BESPOKE_XML_PERIOD)
        {
          g_autofree char *start = node_prop (child, "start");
          g_autofree char *end = node_prop (child, "end");
          bespoke_record_set_string (record, column->pspec, start);
          bespoke_record_set_string (record, column->end, end);
          continue;
        }
      if (column->encoding == BESPOKE_XML_PRODUCT)
        {
          g_autofree char *product = node_prop (child, "id");
          bespoke_record_set_string (record, column->pspec, product);
          continue;
        }
      if (!set_column (record, column->pspec, child, &error))
        {
          fail_at (self, child, error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&record);
}

/* ---- merging ---------------------------------------------------------- */

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
static gboolean
seen_open (Import  *self,
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

static void
seen_close (Import *self)
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
  guint line = node_line (node);
  guint earlier = 0;
  int rc;

  if (!uuid_bytes (bespoke_record_get_uuid (record), uuid))
    return TRUE;  /* record_from_node() has checked it */

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

static gint64
mark_of (Import     *self,
         const char *key)
{
  g_autoptr(GError) error = NULL;
  gint64 mark = bespoke_store_get_sync_mark (self->store, key, &error);

  return mark < 0 ? 0 : mark;
}

static gboolean
store_failed (Import   *self,
              xmlNode  *node,
              GError   *error)
{
  fail_at (self, node, error->message);
  g_error_free (error);
  return FALSE;
}

static Merge
merge_failed (Import  *self,
              xmlNode *node,
              GError  *error)
{
  store_failed (self, node, error);
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
    return merge_failed (self, node, error);
  if (self->store == NULL)
    return MERGE_UNCHANGED;

  db = bespoke_store_load (self->store, G_OBJECT_TYPE (record), uuid, &error);
  if (db == NULL)
    {
      if (!g_error_matches (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND))
        return merge_failed (self, node, error);
      g_clear_error (&error);
      if (!bespoke_store_save_imported (self->store, record, &error) ||
          (!scope_new && !bespoke_store_set_sync_mark (self->store, uuid,
                                                       bespoke_record_get_modified_at (record), &error)))
        return merge_failed (self, node, error);
      report->added[kind]++;
      return MERGE_ADDED;
    }

  if (bespoke_record_equal (db, record))
    {
      report->unchanged[kind]++;
      return MERGE_UNCHANGED;
    }

  db_time = bespoke_record_get_modified_at (db);
  file_time = bespoke_record_get_modified_at (record);
  base = MAX (MAX (mark_of (self, uuid), scope ? mark_of (self, scope) : 0), self->mark_all);

  if (db_time <= base)
    {
      if (file_time <= db_time)
        {
          report->unchanged[kind]++;  /* the file holds an older copy */
          return MERGE_UNCHANGED;
        }
      if (!bespoke_store_save_imported (self->store, record, &error) ||
          !bespoke_store_set_sync_mark (self->store, uuid, file_time, &error))
        return merge_failed (self, node, error);
      report->updated[kind]++;
      return MERGE_UPDATED;
    }

  {
    BespokeXmlConflict *conflict = g_new0 (BespokeXmlConflict, 1);

    conflict->element = g_strdup ((const char *) node->name);
    conflict->uuid = g_strdup (uuid);
    conflict->line = node_line (node);
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
  g_autoptr(BespokeRecord) record = record_from_node (self, node, type, parent_uuid ? parent_property : NULL, parent_uuid);
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
    return store_failed (self, node, error);
  return TRUE;
}

/* The product a line is costed from, and its provider if this database
 * has never heard of it. */
static gboolean
merge_snapshot (Import  *self,
                xmlNode *node)
{
  g_autofree char *uuid = node_prop (node, "id");
  g_autofree char *provider_uuid = NULL;
  g_autofree char *provider_name = NULL;
  g_autoptr(BespokeProvider) provider = NULL;
  gboolean provider_new = FALSE;
  GError *error = NULL;

  if (uuid != NULL && g_hash_table_contains (self->products, uuid))
    return TRUE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_ours (child, "provider-uuid"))
      provider_uuid = node_text (child);
    else if (is_ours (child, "provider-name"))
      provider_name = node_text (child);

  if (provider_uuid == NULL || !g_uuid_string_is_valid (provider_uuid))
    {
      fail_at (self, node, _("The product has no provider-uuid. Ask for the file to be exported again."));
      return FALSE;
    }

  if (self->store != NULL)
    {
      provider = bespoke_store_load (self->store, BESPOKE_TYPE_PROVIDER, provider_uuid, &error);
      if (provider == NULL)
        {
          g_autofree char *modified = node_prop (node, "modified");
          gint64 modified_at = 0;

          if (!g_error_matches (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND))
            return store_failed (self, node, error);
          g_clear_error (&error);

          provider = g_object_new (BESPOKE_TYPE_PROVIDER, "uuid", provider_uuid, NULL);
          bespoke_provider_set_name (provider, provider_name);
          bespoke_xml_schema_parse_time (modified, &modified_at);
          bespoke_record_set_modified_at (BESPOKE_RECORD (provider), modified_at);
          if (!bespoke_store_save_imported (self->store, provider, &error))
            return store_failed (self, node, error);
          self->report->added[BESPOKE_XML_KIND_MENU]++;
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

  if (merge_node (self, node, BESPOKE_TYPE_PLAN, person_uuid, BESPOKE_XML_KIND_PLAN,
                  person_uuid, scope_new, &plan_uuid) == MERGE_FAILED)
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      GType type;

      if (!is_ours (child, NULL))
        continue;
      type = bespoke_xml_schema_type_for ((const char *) child->name);
      if (type == G_TYPE_INVALID)
        continue;  /* a field of the plan */

      if (type == BESPOKE_TYPE_SUPPORT_LINE)
        for (xmlNode *field = child->children; field != NULL; field = field->next)
          if (is_ours (field, "product") && !merge_snapshot (self, field))
            return FALSE;

      if (merge_node (self, child, type, plan_uuid, BESPOKE_XML_KIND_PLAN,
                      person_uuid, scope_new, NULL) == MERGE_FAILED)
        return FALSE;
    }
  return TRUE;
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

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_ours (child, "important-people") || is_ours (child, "about-me"))
        {
          for (xmlNode *item = child->children; item != NULL; item = item->next)
            {
              GType type;
              if (!is_ours (item, NULL))
                continue;
              type = bespoke_xml_schema_type_for ((const char *) item->name);
              if ((type != BESPOKE_TYPE_CIRCLE_MEMBER && type != BESPOKE_TYPE_STATEMENT) ||
                  merge_node (self, item, type, uuid, BESPOKE_XML_KIND_PROFILE,
                              uuid, scope_new, NULL) == MERGE_FAILED)
                {
                  fail_at (self, item, _("Bespoke does not know what this is. Ask for the file to be exported again."));
                  return FALSE;
                }
            }
        }
      else if (is_ours (child, "care-plan") && !merge_plan (self, child, uuid, scope_new))
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

  for (xmlNode *menu = node->children; menu != NULL; menu = menu->next)
    if (is_ours (menu, "menu"))
      for (xmlNode *item = menu->children; item != NULL; item = item->next)
        if (is_ours (item, "product"))
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

  for (xmlNode *item = node->children; item != NULL; item = item->next)
    if (is_ours (item, "resident") &&
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
  uuid = node_prop (node, "id");
  if (uuid != NULL)
    bespoke_store_note_change (self->store, type, uuid);
}

static gboolean
merge_top (Import  *self,
           xmlNode *node)
{
  guint before = changes (self);
  gboolean ok;

  if (is_ours (node, "person"))
    {
      ok = merge_person (self, node);
      note_top_change (self, node, BESPOKE_TYPE_PERSON, before);
    }
  else if (is_ours (node, "provider"))
    {
      ok = merge_provider (self, node);
      note_top_change (self, node, BESPOKE_TYPE_PROVIDER, before);
    }
  else if (is_ours (node, "shared-home"))
    {
      ok = merge_home (self, node);
      note_top_change (self, node, BESPOKE_TYPE_HOME, before);
    }
  else
    ok = TRUE;  /* the schema reports it */
  return ok;
}

/* ---- the document ----------------------------------------------------- */

static gboolean
check_root (Import           *self,
            xmlTextReaderPtr  reader)
{
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);
  g_autofree char *version = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "schema-version");
  xmlNode *node = xmlTextReaderCurrentNode (reader);
  int line = node ? (int) node_line (node) : xmlTextReaderGetParserLineNumber (reader);

  if (g_strcmp0 (ns, BESPOKE_XML_NAMESPACE) != 0 &&
      ns != NULL && g_str_has_prefix (ns, "urn:bespoke:exchange:"))
    {
      g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("Line %d: this file is in version %s of the Bespoke exchange format, and this Bespoke reads version %s. Update Bespoke, or ask for a file from the same version."),
                   line, ns + strlen ("urn:bespoke:exchange:"), BESPOKE_XML_SCHEMA_VERSION);
      return FALSE;
    }
  if (g_strcmp0 (ns, BESPOKE_XML_NAMESPACE) != 0 || g_strcmp0 (name, "bespoke") != 0)
    {
      g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("Line %d: this is not a Bespoke exchange file: it starts with “%s” in the namespace “%s”, where Bespoke expects “bespoke” in “%s”. Choose a file exported from Bespoke."),
                   line, name ? name : "", ns ? ns : "", BESPOKE_XML_NAMESPACE);
      return FALSE;
    }
  if (g_strcmp0 (version, BESPOKE_XML_SCHEMA_VERSION) != 0)
    {
      g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("Line %d: this file says it is version “%s” of the Bespoke exchange format, and this Bespoke reads version %s. Update Bespoke, or ask for a file from the same version."),
                   line, version ? version : "", BESPOKE_XML_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* Looks through the prolog (the XML declaration, comments, processing
 * instructions) for a DOCTYPE, before any parser sees the file: a
 * document type is where entity tricks live. */
static gboolean
prolog_has_doctype (int fd)
{
  char buffer[65536];
  ssize_t n = pread (fd, buffer, sizeof buffer - 1, 0);
  const char *p = buffer;

  if (n <= 0)
    return FALSE;
  buffer[n] = '\0';
  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  for (;;)
    {
      const char *end;

      while (g_ascii_isspace (*p))
        p++;
      if (g_str_has_prefix (p, "<!DOCTYPE"))
        return TRUE;
      if (g_str_has_prefix (p, "<?"))
        end = strstr (p, "?>");
      else if (g_str_has_prefix (p, "<!--"))
        end = strstr (p, "-->");
      else
        return FALSE;
      if (end == NULL)
        return strstr (p, "<!DOCTYPE") != NULL;
      p = end + 2;
    }
}

/* libxml2 stops a text node at 10 MB, but only after slowly gathering it;
 * no field Bespoke writes comes near 1 MB.  One quick pass finds a run of
 * more than MAX_RUN bytes without a '<', and its line. */
#define MAX_RUN (1024 * 1024)

static gboolean
find_overlong_text (int   fd,
                    int  *out_line)
{
  g_autofree char *buffer = g_malloc (MAX_RUN);
  gsize run = 0;
  int line = 1, run_line = 1;
  off_t offset = 0;
  ssize_t n;

  while ((n = pread (fd, buffer, MAX_RUN, offset)) > 0)
    {
      for (ssize_t i = 0; i < n; i++)
        {
          if (buffer[i] == '<')
            {
              run = 0;
              run_line = line;
            }
          else if (++run > MAX_RUN)
            {
              *out_line = run_line;
              return TRUE;
            }
          if (buffer[i] == '\n')
            line++;
        }
      offset += n;
    }
  return FALSE;
}

static gboolean
read_document (Import      *self,
               const char  *path,
               GError     **error)
{
  xmlSchemaPtr schema = bespoke_xml_schema_get (error);
  xmlSchemaValidCtxtPtr valid = NULL;
  xmlTextReaderPtr reader = NULL;
  struct stat st;
  gboolean seen_root = FALSE;
  gboolean ok = FALSE;
  int fd, ret, line = 0;

  if (schema == NULL)
    return FALSE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open “%s”: %s."), path, g_strerror (saved));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode) || (gint64) st.st_size > BESPOKE_XML_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size_full ((guint64) BESPOKE_XML_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("“%s” is larger than %s, the most Bespoke reads in one exchange file. Export fewer people at a time."),
                   path, limit);
      close (fd);
      return FALSE;
    }

  if (prolog_has_doctype (fd))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("The file declares a document type (DOCTYPE) before its first element. Bespoke exchange files never do, and one can make a file read other files on this computer, so Bespoke will not open it. Ask for the file to be exported again."));
      close (fd);
      return FALSE;
    }

  if (find_overlong_text (fd, &line))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("Line %d: a piece of text in the file is longer than 1 MB, far longer than anything Bespoke writes, so Bespoke will not read it. Ask for the file to be exported again."),
                   line);
      close (fd);
      return FALSE;
    }

  reader = xmlReaderForFd (fd, NULL, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  if (reader == NULL)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, _("Could not read “%s”."), path);
      close (fd);
      return FALSE;
    }
  valid = xmlSchemaNewValidCtxt (schema);
  if (xmlTextReaderSchemaValidateCtxt (reader, valid, 0) != 0)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, _("Could not read “%s”."), path);
      goto out;
    }
  xmlSchemaSetValidStructuredErrors (valid, on_xml_error_cb, self);
  /* the parser's errors: the reader's own relay crashes once a schema is
   * plugged in (libxml2 2.9), so they come through the thread's handler */
  xmlSetStructuredErrorFunc (self, on_xml_error_cb);

  ret = xmlTextReaderRead (reader);
  while (ret == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);

      /* before anything else: the schema may already have choked on what
       * the DOCTYPE declares.  (Not xmlTextReaderCurrentDoc(): it makes the
       * reader keep every node it has read.) */
      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          g_clear_pointer (&self->xml_error, g_free);
          g_clear_error (&self->error);
          self->xml_error = g_strdup_printf (_("Line %d: the file declares a document type (DOCTYPE). Bespoke exchange files never do, and one can make a file read other files on this computer, so Bespoke will not open it. Ask for the file to be exported again."),
                                             xmlTextReaderGetParserLineNumber (reader));
          break;
        }
      if (type == XML_READER_TYPE_ELEMENT && depth == 0 && !seen_root)
        {
          seen_root = TRUE;
          /* its message is plainer than the schema's about the same thing */
          g_clear_pointer (&self->xml_error, g_free);
          if (!check_root (self, reader))
            break;
        }
      if (self->xml_error != NULL || self->error != NULL)
        break;
      if (type == XML_READER_TYPE_ELEMENT && depth == 1)
        {
          xmlNode *node;

          if (g_cancellable_set_error_if_cancelled (self->cancellable, &self->error))
            break;
          node = xmlTextReaderExpand (reader);

          if (node == NULL)
            {
              if (self->xml_error == NULL)
                self->xml_error = g_strdup_printf (_("Line %d: the file stops too early or is damaged; it may have been cut short while it was copied. Ask for it to be exported again."),
                                                   xmlTextReaderGetParserLineNumber (reader));
              break;
            }
          merge_top (self, node);
          /* reads (and validates) the rest of the element */
          ret = xmlTextReaderNext (reader);
          continue;
        }
      ret = xmlTextReaderRead (reader);
    }
  if (ret < 0 && self->xml_error == NULL && self->error == NULL)
    self->xml_error = g_strdup (_("The file is damaged or is not a Bespoke exchange file. Ask for it to be exported again."));
  if (self->xml_error == NULL && self->error == NULL && !seen_root)
    g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                 _("The file is empty. Choose a file exported from Bespoke."));

  /* libxml2's own error about the file comes first: the record that
   * failed after it was read before the schema had seen all of it. */
  ok = self->xml_error == NULL && self->error == NULL;
  if (self->xml_error != NULL)
    g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, self->xml_error);
  else if (self->error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->error));

out:
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeTextReader (reader);
  xmlSchemaFreeValidCtxt (valid);
  close (fd);
  return ok;
}

static void
import_clear (Import *self)
{
  seen_close (self);
  g_clear_pointer (&self->products, g_hash_table_unref);
  g_clear_pointer (&self->xml_error, g_free);
  g_clear_error (&self->error);
}

static void
conflict_free (gpointer data)
{
  BespokeXmlConflict *conflict = data;

  g_free (conflict->element);
  g_free (conflict->uuid);
  g_free (conflict->database_xml);
  g_free (conflict->file_xml);
  g_clear_object (&conflict->file_record);
  g_free (conflict);
}

void
bespoke_xml_import_report_free (BespokeXmlImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->conflicts);
  g_free (report);
}

/**
 * bespoke_xml_validate:
 *
 * Reads @path as the import would, against the schema and each record's
 * own rules, without a database.
 */
gboolean
bespoke_xml_validate (const char  *path,
                      GError     **error)
{
  Import self = { 0 };
  g_autoptr(BespokeXmlImportReport) report = g_new0 (BespokeXmlImportReport, 1);
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  report->conflicts = g_ptr_array_new_with_free_func (conflict_free);
  self.report = report;
  self.products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = seen_open (&self, error) && read_document (&self, path, error);
  import_clear (&self);
  return ok;
}

/**
 * bespoke_xml_import:
 *
 * Merges an exchange file into @store, all or nothing.
 *
 * Returns: (transfer full) (nullable): what was (or, in a dry run, would
 *   be) added, updated, left alone and in conflict; %NULL with @error set
 *   if the file cannot be read, and then nothing has changed.
 */
BespokeXmlImportReport *
bespoke_xml_import (BespokeStore           *store,
                    const char             *path,
                    BespokeXmlImportFlags   flags,
                    GError                **error)
{
  return bespoke_xml_import_full (store, path, flags, NULL, error);
}

/**
 * bespoke_xml_import_full:
 * @cancellable: (nullable): stops the import between one person (or
 *   provider, or home) and the next; then nothing has changed and @error
 *   is %G_IO_ERROR_CANCELLED
 *
 * As bespoke_xml_import(), for a worker thread: @store must be a
 * connection of that thread's own (bespoke_store_open() on the same path).
 */
BespokeXmlImportReport *
bespoke_xml_import_full (BespokeStore           *store,
                         const char             *path,
                         BespokeXmlImportFlags   flags,
                         GCancellable           *cancellable,
                         GError                **error)
{
  Import self = { 0 };
  g_autoptr(BespokeXmlImportReport) report = g_new0 (BespokeXmlImportReport, 1);
  gboolean ok;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  report->dry_run = (flags & BESPOKE_XML_IMPORT_DRY_RUN) != 0;
  report->conflicts = g_ptr_array_new_with_free_func (conflict_free);
  self.store = store;
  self.report = report;
  self.cancellable = cancellable;
  self.products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.now = g_get_real_time ();

  if (!seen_open (&self, error) || !bespoke_store_begin_bulk (store, error))
    {
      import_clear (&self);
      return NULL;
    }
  self.mark_all = mark_of (&self, BESPOKE_XML_SYNC_ALL);

  ok = read_document (&self, path, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error);
  import_clear (&self);

  if (!ok || report->dry_run)
    {
      bespoke_store_rollback (store);
      return ok ? g_steal_pointer (&report) : NULL;
    }
  if (!bespoke_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&report);
}

/**
 * bespoke_xml_import_report_summary:
 *
 * Returns: e.g. "3 new people, 1 updated, 1 conflict"
 */
char *
bespoke_xml_import_report_summary (BespokeXmlImportReport *report)
{
  guint people = report->added[BESPOKE_XML_KIND_PERSON];
  guint added = 0, updated = 0, unchanged = 0;
  guint conflicts = report->conflicts->len;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  for (guint k = 0; k < BESPOKE_XML_N_KINDS; k++)
    {
      added += report->added[k];
      updated += report->updated[k];
      unchanged += report->unchanged[k];
    }

  a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new person", "%u new people", people), people);
  b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", updated), updated);
  c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", conflicts), conflicts);
  d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new record in all", "%u new records in all", added), added);
  e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", unchanged), unchanged);
  /* Translators: "3 new people, 1 updated, 1 conflict (45 new records in all, 12 unchanged)" */
  return g_strdup_printf (_("%s, %s, %s (%s, %s)"), a, b, c, d, e);
}

/**
 * bespoke_xml_import_write_conflicts:
 * @source: the file that was imported
 * @path: where to write: replaced atomically, readable by its owner only
 *
 * Writes each conflict with both its versions, the database's and the
 * file's, so that the planner can choose later.
 */
gboolean
bespoke_xml_import_write_conflicts (BespokeXmlImportReport  *report,
                                    const char              *source,
                                    const char              *path,
                                    GError                 **error)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  gboolean ok;

  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
  xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "conflicts", BAD_CAST BESPOKE_XML_NAMESPACE);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "source", BAD_CAST source);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      BespokeXmlConflict *conflict = report->conflicts->pdata[i];
      char line[16];

      g_snprintf (line, sizeof line, "%u", conflict->line);
      xmlTextWriterStartElement (writer, BAD_CAST "conflict");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "element", BAD_CAST conflict->element);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "id", BAD_CAST conflict->uuid);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "line", BAD_CAST line);
      xmlTextWriterStartElement (writer, BAD_CAST "kept-in-database");
      xmlTextWriterWriteRaw (writer, BAD_CAST conflict->database_xml);
      xmlTextWriterEndElement (writer);
      xmlTextWriterStartElement (writer, BAD_CAST "in-file");
      xmlTextWriterWriteRaw (writer, BAD_CAST conflict->file_xml);
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);

  ok = g_file_set_contents_full (path, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  xmlBufferFree (buffer);
  return ok;
}

/**
 * bespoke_xml_conflict_use_file_version:
 *
 * Resolves @conflict the file's way: its copy of the record replaces the
 * database's, and the record counts as in sync with the file.  (Keeping
 * the database's copy needs nothing.)
 */
gboolean
bespoke_xml_conflict_use_file_version (BespokeStore        *store,
                                       BespokeXmlConflict  *conflict,
                                       GError             **error)
{
  BespokeRecord *record;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (conflict != NULL && conflict->file_record != NULL, FALSE);

  record = conflict->file_record;
  if (!bespoke_store_begin (store, error))
    return FALSE;
  bespoke_store_note_change (store, G_OBJECT_TYPE (record), bespoke_record_get_uuid (record));
  if (!bespoke_store_save_imported (store, record, error) ||
      !bespoke_store_set_sync_mark (store, bespoke_record_get_uuid (record),
                                    bespoke_record_get_modified_at (record), error))
    {
      bespoke_store_rollback (store);
      return FALSE;
    }
  return bespoke_store_commit (store, error);
}
