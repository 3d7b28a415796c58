/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-core.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-schema.h"

/* The exchange file is streamed with xmlTextWriter: one person (with their
 * profile, circle and plans) is read from the store, written and dropped
 * before the next, so memory does not grow with the database.  Records
 * come in the store's order (by position, date or name, then UUID) and
 * every field is written the same way every time, so the same data always
 * gives the same bytes. */

#define PAGE 256  /* people read from the store at a time */

typedef struct
{
  BespokeStore     *store;
  xmlTextWriterPtr  writer;
  GHashTable       *products;   /* uuid -> BespokeProduct, for the snapshots */
  GHashTable       *providers;  /* uuid -> BespokeProvider */
  GHashTable       *snapshots;  /* product uuid -> its snapshot element, written */
  GError           *error;
  gboolean          failed;     /* the writer failed: the disk, most likely */
} Export;

#define W(call) G_STMT_START { if ((call) < 0) self->failed = TRUE; } G_STMT_END

static void
write_money (Export     *self,
             const char *element,
             gint64      pence)
{
  char digits[32];
  g_autofree char *readable = bespoke_money_format (pence);

  g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, pence);
  W (xmlTextWriterStartElement (self->writer, BAD_CAST element));
  W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "pence", BAD_CAST digits));
  W (xmlTextWriterWriteString (self->writer, BAD_CAST readable));
  W (xmlTextWriterEndElement (self->writer));
}

static void
write_text (Export     *self,
            const char *element,
            const char *text)
{
  W (xmlTextWriterWriteElement (self->writer, BAD_CAST element, BAD_CAST text));
}

/* A schedule as elements, in the order of its stable text form
 * "weekly;days=mon,tue;start=09:00;…", which it is read back through. */
static void
write_schedule (Export                *self,
                const BespokeSchedule *schedule)
{
  g_autofree char *text = bespoke_schedule_serialize (schedule);
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);

  W (xmlTextWriterStartElement (self->writer, BAD_CAST "schedule"));
  W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "kind", BAD_CAST parts[0]));
  for (guint i = 1; parts[i] != NULL; i++)
    {
      char *eq = strchr (parts[i], '=');

      if (eq == NULL)
        continue;
      *eq = '\0';
      write_text (self, parts[i], eq + 1);
    }
  W (xmlTextWriterEndElement (self->writer));
}

static void write_product_snapshot (Export *self, const char *product_uuid);

static void
start_record (Export        *self,
              BespokeRecord *record,
              const char    *element)
{
  g_autofree char *modified = bespoke_xml_schema_format_time (bespoke_record_get_modified_at (record));

  W (xmlTextWriterStartElement (self->writer, BAD_CAST element));
  W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "id", BAD_CAST bespoke_record_get_uuid (record)));
  W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "modified", BAD_CAST modified));
}

/* Every column of @record but @skip (the parent its element is nested in),
 * one element each, in the class's order.  Text that is not set, and rates
 * that are not set (-1), are left out. */
static void
write_columns (Export        *self,
               BespokeRecord *record,
               const char    *skip)
{
  BespokeRecordClass *klass = BESPOKE_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_columns; i++)
    {
      GParamSpec *pspec = klass->columns[i];
      const GValue *value = bespoke_record_peek_value (record, pspec);
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      const char *element = bespoke_xml_schema_column_element (pspec);
      char digits[32];

      if (skip != NULL && g_str_equal (pspec->name, skip))
        continue;

      /* FHIR CarePlan.period */
      if (g_str_equal (pspec->name, "period-end"))
        continue;
      if (g_str_equal (pspec->name, "period-start"))
        {
          W (xmlTextWriterStartElement (self->writer, BAD_CAST "period"));
          W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "start",
                                          BAD_CAST bespoke_plan_get_period_start (BESPOKE_PLAN (record))));
          W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "end",
                                          BAD_CAST bespoke_plan_get_period_end (BESPOKE_PLAN (record))));
          W (xmlTextWriterEndElement (self->writer));
          continue;
        }

      if (BESPOKE_IS_SUPPORT_LINE (record) && g_str_equal (pspec->name, "product-uuid"))
        {
          if (g_value_get_string (value) != NULL)
            write_product_snapshot (self, g_value_get_string (value));
          continue;
        }

      if (type == G_TYPE_STRING)
        {
          if (g_value_get_string (value) != NULL)
            write_text (self, element, g_value_get_string (value));
        }
      else if (type == G_TYPE_INT64)
        {
          /* every int64 column is money; -1 is a rate that is not set */
          gint64 pence = g_value_get_int64 (value);
          if (!(pence == -1 && G_PARAM_SPEC_INT64 (pspec)->default_value == -1))
            write_money (self, element, pence);
        }
      else if (type == G_TYPE_UINT)
        {
          g_snprintf (digits, sizeof digits, "%u", g_value_get_uint (value));
          write_text (self, element, digits);
        }
      else if (type == G_TYPE_BOOLEAN)
        write_text (self, element, g_value_get_boolean (value) ? "true" : "false");
      else if (G_TYPE_IS_ENUM (type))
        write_text (self, element, bespoke_enum_to_nick (type, g_value_get_enum (value)));
      else if (type == BESPOKE_TYPE_SCHEDULE)
        {
          if (g_value_get_boxed (value) != NULL)
            write_schedule (self, g_value_get_boxed (value));
        }
      else
        g_assert_not_reached ();
    }
}

static void
end_record (Export *self)
{
  W (xmlTextWriterEndElement (self->writer));
}

static void
write_record (Export        *self,
              BespokeRecord *record,
              const char    *skip)
{
  start_record (self, record, bespoke_xml_schema_element_for (G_OBJECT_TYPE (record)));
  write_columns (self, record, skip);
  end_record (self);
}

static gpointer
cached_load (Export     *self,
             GHashTable *cache,
             GType       type,
             const char *uuid)
{
  BespokeRecord *record = g_hash_table_lookup (cache, uuid);

  if (record == NULL && self->store != NULL && self->error == NULL)
    {
      record = bespoke_store_load (self->store, type, uuid, &self->error);
      if (record != NULL)
        g_hash_table_insert (cache, g_strdup (uuid), record);
    }
  return record;
}

static void write_product_snapshot_uncached (Export *self, const char *product_uuid);

/* The product version a line is costed from, with its provider's name:
 * the same for every line of that product, so written once and kept. */
static void
write_product_snapshot (Export     *self,
                        const char *product_uuid)
{
  const char *cached;

  if (self->snapshots == NULL)
    {
      write_product_snapshot_uncached (self, product_uuid);
      return;
    }

  cached = g_hash_table_lookup (self->snapshots, product_uuid);
  if (cached == NULL)
    {
      Export copy = *self;
      xmlBufferPtr buffer = xmlBufferCreate ();

      copy.writer = xmlNewTextWriterMemory (buffer, 0);
      copy.error = NULL;
      copy.failed = FALSE;
      write_product_snapshot_uncached (&copy, product_uuid);
      xmlTextWriterFlush (copy.writer);
      xmlFreeTextWriter (copy.writer);
      if (copy.error != NULL)
        self->error = copy.error;
      self->failed |= copy.failed;
      cached = g_strdup ((const char *) xmlBufferContent (buffer));
      xmlBufferFree (buffer);
      g_hash_table_insert (self->snapshots, g_strdup (product_uuid), (char *) cached);
    }
  if (*cached != '\0')
    W (xmlTextWriterWriteRaw (self->writer, BAD_CAST cached));
}

static void
write_product_snapshot_uncached (Export     *self,
                                 const char *product_uuid)
{
  BespokeRecord *product;
  BespokeProvider *provider;

  if (self->store == NULL)
    {
      W (xmlTextWriterStartElement (self->writer, BAD_CAST "product"));
      W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "id", BAD_CAST product_uuid));
      W (xmlTextWriterEndElement (self->writer));
      return;
    }

  product = cached_load (self, self->products, BESPOKE_TYPE_PRODUCT, product_uuid);
  if (product == NULL)
    return;
  provider = cached_load (self, self->providers, BESPOKE_TYPE_PROVIDER,
                          bespoke_product_get_provider_uuid (BESPOKE_PRODUCT (product)));
  if (provider == NULL)
    return;

  start_record (self, product, "product");
  write_text (self, "provider-uuid", bespoke_product_get_provider_uuid (BESPOKE_PRODUCT (product)));
  write_text (self, "provider-name", bespoke_provider_get_name (provider));
  write_columns (self, product, "provider-uuid");
  end_record (self);
}

static GPtrArray *
children (Export     *self,
          GType       type,
          const char *parent_uuid)
{
  GPtrArray *list;

  if (self->error != NULL)
    return g_ptr_array_new ();
  list = bespoke_store_list (self->store, type, parent_uuid, &self->error);
  return list ? list : g_ptr_array_new ();
}

static void
write_children (Export     *self,
                GType       type,
                const char *parent_uuid,
                const char *container)
{
  g_autoptr(GPtrArray) list = children (self, type, parent_uuid);
  const char *skip = BESPOKE_RECORD_CLASS (g_type_class_ref (type))->parent_property;

  if (list->len == 0)
    return;
  if (container != NULL)
    W (xmlTextWriterStartElement (self->writer, BAD_CAST container));
  for (guint i = 0; i < list->len; i++)
    write_record (self, list->pdata[i], skip);
  if (container != NULL)
    W (xmlTextWriterEndElement (self->writer));
}

static void
write_person (Export        *self,
              BespokePerson *person)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));
  g_autoptr(GPtrArray) plans = NULL;

  start_record (self, BESPOKE_RECORD (person), "person");
  write_columns (self, BESPOKE_RECORD (person), NULL);
  write_children (self, BESPOKE_TYPE_CIRCLE_MEMBER, uuid, "important-people");
  write_children (self, BESPOKE_TYPE_STATEMENT, uuid, "about-me");

  plans = children (self, BESPOKE_TYPE_PLAN, uuid);
  for (guint i = 0; i < plans->len; i++)
    {
      BespokeRecord *plan = plans->pdata[i];
      const char *plan_uuid = bespoke_record_get_uuid (plan);

      start_record (self, plan, "care-plan");
      write_columns (self, plan, "person-uuid");
      write_children (self, BESPOKE_TYPE_BUDGET, plan_uuid, NULL);
      write_children (self, BESPOKE_TYPE_OUTCOME, plan_uuid, NULL);
      write_children (self, BESPOKE_TYPE_SUPPORT_LINE, plan_uuid, NULL);
      write_children (self, BESPOKE_TYPE_RISK, plan_uuid, NULL);
      write_children (self, BESPOKE_TYPE_ADJUSTMENT, plan_uuid, NULL);
      end_record (self);
    }
  end_record (self);
}

static void
write_provider (Export          *self,
                BespokeProvider *provider)
{
  start_record (self, BESPOKE_RECORD (provider), "provider");
  write_columns (self, BESPOKE_RECORD (provider), NULL);
  write_children (self, BESPOKE_TYPE_PRODUCT, bespoke_record_get_uuid (BESPOKE_RECORD (provider)), "menu");
  end_record (self);
}

static void
write_home (Export        *self,
            BespokeRecord *home)
{
  start_record (self, home, "shared-home");
  write_columns (self, home, NULL);
  write_children (self, BESPOKE_TYPE_HOME_RESIDENT, bespoke_record_get_uuid (home), NULL);
  end_record (self);
}

static void
write_all (Export *self)
{
  g_autoptr(GPtrArray) providers = children (self, BESPOKE_TYPE_PROVIDER, NULL);
  g_autoptr(GPtrArray) homes = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < providers->len; i++)
    write_provider (self, providers->pdata[i]);

  /* people a page at a time, in UUID order */
  while (self->error == NULL && !self->failed)
    {
      g_autoptr(GPtrArray) page = bespoke_store_list_after (self->store, BESPOKE_TYPE_PERSON,
                                                            after, PAGE, &self->error);
      if (page == NULL || page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        write_person (self, page->pdata[i]);
      g_free (after);
      after = g_strdup (bespoke_record_get_uuid (page->pdata[page->len - 1]));
      /* the snapshots' cache holds products, not people: keep it */
    }

  homes = children (self, BESPOKE_TYPE_HOME, NULL);
  for (guint i = 0; i < homes->len; i++)
    write_home (self, homes->pdata[i]);
}

/* Records that the exported records are in sync with the file as of @when. */
static gboolean
mark_synced (BespokeStore           *store,
             BespokeXmlExportScope   scope,
             const char * const     *uuids,
             gint64                  when,
             GError                **error)
{
  if (bespoke_store_get_read_only (store))
    return TRUE;
  if (!bespoke_store_begin (store, error))
    return FALSE;
  if (scope == BESPOKE_XML_EXPORT_ALL)
    {
      if (!bespoke_store_set_sync_mark (store, BESPOKE_XML_SYNC_ALL, when, error))
        goto fail;
    }
  else
    for (guint i = 0; uuids[i] != NULL; i++)
      if (!bespoke_store_set_sync_mark (store, uuids[i], when, error))
        goto fail;
  return bespoke_store_commit (store, error);

fail:
  bespoke_store_rollback (store);
  return FALSE;
}

/**
 * bespoke_xml_export:
 * @uuids: (nullable): the people (%BESPOKE_XML_EXPORT_PEOPLE) or the one
 *   provider (%BESPOKE_XML_EXPORT_MENU) to export
 * @path: the file to write: it is replaced atomically (a temporary file
 *   beside it, then a rename) and made readable by its owner only (0600)
 *
 * Writes an exchange file, and records that its records were exported, so
 * that a later import can tell changes made here since from changes made
 * only in a file.
 */
gboolean
bespoke_xml_export (BespokeStore           *store,
                    BespokeXmlExportScope   scope,
                    const char * const     *uuids,
                    const char             *path,
                    GError                **error)
{
  Export self_ = { 0 };
  Export *self = &self_;
  g_autofree char *tmp = NULL;
  xmlOutputBufferPtr output;
  gint64 started = g_get_real_time ();
  gboolean began;
  int fd;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scope == BESPOKE_XML_EXPORT_ALL || uuids != NULL, FALSE);

  tmp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s. Choose another folder."), path, g_strerror (saved));
      return FALSE;
    }

  self->store = store;
  self->products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->providers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  output = xmlOutputBufferCreateFd (fd, NULL);
  /* no indentation: a quarter fewer bytes, and a cached snapshot written
   * raw is then the same bytes as one written element by element */
  self->writer = xmlNewTextWriter (output);

  W (xmlTextWriterStartDocument (self->writer, NULL, "UTF-8", NULL));
  W (xmlTextWriterStartElementNS (self->writer, NULL, BAD_CAST "bespoke", BAD_CAST BESPOKE_XML_NAMESPACE));
  W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "schema-version", BAD_CAST BESPOKE_XML_SCHEMA_VERSION));

  /* one read transaction: a consistent snapshot, and one lock instead of
   * one per query */
  began = bespoke_store_exec (store, "BEGIN", NULL);  /* not if the caller has one open */
  if (scope == BESPOKE_XML_EXPORT_ALL)
    write_all (self);
  else if (scope == BESPOKE_XML_EXPORT_MENU)
    {
      g_autoptr(BespokeProvider) provider = bespoke_store_load (store, BESPOKE_TYPE_PROVIDER, uuids[0], &self->error);
      if (provider != NULL)
        write_provider (self, provider);
    }
  else
    for (guint i = 0; uuids[i] != NULL && self->error == NULL; i++)
      {
        g_autoptr(BespokePerson) person = bespoke_store_load (store, BESPOKE_TYPE_PERSON, uuids[i], &self->error);
        if (person != NULL)
          write_person (self, person);
      }

  if (began)
    bespoke_store_exec (store, "COMMIT", NULL);

  W (xmlTextWriterEndDocument (self->writer));
  xmlFreeTextWriter (self->writer);  /* flushes and frees the output buffer */
  g_hash_table_unref (self->products);
  g_hash_table_unref (self->providers);
  g_hash_table_unref (self->snapshots);

  if (self->error == NULL && !self->failed && fsync (fd) != 0)
    self->failed = TRUE;
  if (close (fd) != 0)
    self->failed = TRUE;

  if (self->error == NULL && self->failed)
    {
      int saved = errno;
      g_set_error (&self->error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s. Check there is space on the disk and try again."),
                   path, g_strerror (saved));
    }
  if (self->error == NULL && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (&self->error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s. Choose another folder."), path, g_strerror (saved));
    }
  if (self->error != NULL)
    {
      g_unlink (tmp);
      g_propagate_error (error, self->error);
      return FALSE;
    }

  return mark_synced (store, scope, uuids, started, error);
}

/**
 * bespoke_xml_export_record:
 *
 * Returns: one record, without its children, as an exchange element: for
 *   showing the two sides of a conflict
 */
char *
bespoke_xml_export_record (BespokeRecord *record)
{
  Export self_ = { 0 };
  Export *self = &self_;
  xmlBufferPtr buffer = xmlBufferCreate ();
  char *out;

  g_return_val_if_fail (BESPOKE_IS_RECORD (record), NULL);

  self->writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (self->writer, 1);
  xmlTextWriterSetIndentString (self->writer, BAD_CAST "  ");
  write_record (self, record, BESPOKE_RECORD_GET_CLASS (record)->parent_property);
  xmlTextWriterFlush (self->writer);
  xmlFreeTextWriter (self->writer);
  out = g_strchomp (g_strdup ((const char *) xmlBufferContent (buffer)));
  xmlBufferFree (buffer);
  return out;
}
