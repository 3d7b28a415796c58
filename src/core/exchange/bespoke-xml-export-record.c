/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-export"

#include "config.h"

#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "bespoke-money.h"
#include "bespoke-product.h"
#include "bespoke-provider.h"
#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-store.h"
#include "bespoke-types.h"
#include "bespoke-xml-export-private.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-schema.h"

/* The export's one serialiser.  Each record class's columns, with their
 * elements and encodings, come from its table (bespoke-xml-columns.c);
 * record_start() and record_fields() write a record from that table into
 * a buffer, with the same escaping xmlTextWriter uses, taking each value
 * either from a row read straight from the store (a whole export: no
 * GObject per row, four times faster than a writer call per field) or
 * from a record (the two sides of a conflict, a product's snapshot).
 * test-xml-export checks the escaping against xmlTextWriter's own, the
 * fixture test the bytes of a whole export, and another that a single
 * record is written as the same record in a whole export. */

/* ---- writing: into the buffer ------------------------------------------- */

/* What xmlTextWriter escapes: in text, < > & " and CR; in an attribute
 * also LF and TAB, and (with no document encoding) every character past
 * ASCII as a hexadecimal reference.  The tables mark those bytes and the
 * NUL that ends the text, so that a run needing nothing (every UUID, most
 * words) is passed over a byte a step. */
static const guint8 stop_in_text[256] = {
  ['\0'] = 1, ['<'] = 1, ['>'] = 1, ['&'] = 1, ['"'] = 1, ['\r'] = 1,
};

static const guint8 stop_in_attribute[256] = {
  ['\0'] = 1, ['<'] = 1, ['>'] = 1, ['&'] = 1, ['"'] = 1, ['\r'] = 1,
  ['\n'] = 1, ['\t'] = 1, [0x80 ... 0xff] = 1,
};

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  const guint8 *stop = attribute ? stop_in_attribute : stop_in_text;
  const guchar *p = (const guchar *) text;

  for (;;)
    {
      const guchar *run = p;
      const char *entity;
      char ref[16];

      while (!stop[*p])
        p++;
      put (out, (const char *) run, (gsize) (p - run));
      switch (*p)
        {
        case '\0': return;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '&': entity = "&amp;"; break;
        case '"': entity = "&quot;"; break;
        case '\r': entity = "&#13;"; break;
        case '\n': entity = "&#10;"; break;  /* in an attribute only, */
        case '\t': entity = "&#9;"; break;   /* as is what follows */
        default:
          g_snprintf (ref, sizeof ref, "&#x%X;", g_utf8_get_char ((const char *) p));
          put_string (out, ref);
          p = (const guchar *) g_utf8_next_char ((const char *) p);
          continue;
        }
      put_string (out, entity);
      p++;
    }
}

/**
 * bespoke_xml_export_escape: (skip)
 *
 * Appends @text to @out escaped as the export escapes element text, or an
 * attribute's value: for the test that holds it to xmlTextWriter's.
 */
void
bespoke_xml_export_escape (GString    *out,
                           const char *text,
                           gboolean    attribute)
{
  append_escaped (out, text, attribute);
}

static inline void
out_start (Export     *self,
           const char *element)
{
  close_tag (self);
  put_literal (self->out, "<");
  put_string (self->out, element);
  self->tag_open = TRUE;
}

static inline void
out_attribute (Export     *self,
               const char *name,
               const char *value)
{
  put_literal (self->out, " ");
  put_string (self->out, name);
  put_literal (self->out, "=\"");
  append_escaped (self->out, value, TRUE);
  put_literal (self->out, "\"");
}

/* Element text, escaped in one pass: most of it needs nothing. */
static inline void
put_text (GString    *out,
          const char *text,
          gsize       length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;
  const guchar *run = p;

  while (p < end && !stop_in_text[*p])
    p++;
  put (out, (const char *) run, (gsize) (p - run));
  if (p < end)
    append_escaped (out, (const char *) p, FALSE);
}

static void
out_text (Export     *self,
          const char *element,
          const char *text,
          gsize       length)
{
  close_tag (self);
  put_literal (self->out, "<");
  put_string (self->out, element);
  put_literal (self->out, ">");
  put_text (self->out, text, length);
  put_literal (self->out, "</");
  put_string (self->out, element);
  put_literal (self->out, ">");
}

/* A column's element, with the tags its table holds */
G_ALWAYS_INLINE static inline void
out_column (Export       *self,
            const BespokeXmlColumn *column,
            const char   *text,
            gsize         length)
{
  close_tag (self);
  put (self->out, column->open, column->open_length);
  put_text (self->out, text, length);
  put (self->out, column->close, column->close_length);
}

/* @value in decimal at the end of @digits[24]; returns where it starts */
static inline char *
decimal (char    digits[24],
         guint64 value)
{
  char *p = digits + 23;

  *p = '\0';
  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  return p;
}

G_ALWAYS_INLINE static inline void
out_number (Export       *self,
            const BespokeXmlColumn *column,
            guint64       value)
{
  char digits[24];
  char *start = decimal (digits, value);

  out_column (self, column, start, (gsize) (digits + 23 - start));
}

static void
out_money (Export       *self,
           const BespokeXmlColumn *column,
           gint64        pence)
{
  char digits[24];
  char *start = decimal (digits, pence < 0 ? (guint64) -(pence + 1) + 1 : (guint64) pence);

  if (pence < 0)
    *--start = '-';
  close_tag (self);
  /* "<element" then the attribute: the open tag without its '>' */
  put (self->out, column->open, column->open_length - 1);
  put_literal (self->out, " pence=\"");
  put (self->out, start, (gsize) (digits + 23 - start));
  put_literal (self->out, "\">");
  bespoke_money_append (self->out, pence);
  put (self->out, column->close, column->close_length);
}

/* A schedule's text form "weekly;days=mon,tue;start=09:00;…" as elements,
 * as write_schedule() writes it: the kind, then each "name=value" part as
 * <name>value</name> (a part with no '=' is left out).  Split in a copy of
 * its own, on the stack when it is short: one schedule to a support line,
 * so a whole export writes one for most of its records. */
static void
out_schedule (Export     *self,
              const char *text)
{
  char stack[256];
  gsize length = strlen (text);
  char *copy = length < sizeof stack ? memcpy (stack, text, length + 1) : g_strdup (text);
  char *part = copy;
  char *next = strchr (part, ';');

  if (next != NULL)
    *next = '\0';
  out_start (self, "schedule");
  out_attribute (self, "kind", part);
  while (next != NULL)
    {
      char *eq;

      part = next + 1;
      if ((next = strchr (part, ';')) != NULL)
        *next = '\0';
      if ((eq = strchr (part, '=')) == NULL)
        continue;
      *eq = '\0';
      out_text (self, part, eq + 1, strlen (eq + 1));
    }
  out_end (self, "schedule");
  if (copy != stack)
    g_free (copy);
}

/* ---- a record, from a row or from a record ----------------------------- */

/* The value of a column */
typedef struct
{
  const char *text;    /* NULL: not set */
  gsize       length;
  const char *end;     /* BESPOKE_XML_PERIOD: the end */
  gint64      number;  /* money, numbers and booleans */
  char       *owned;   /* freed after it is written */
} Cell;

G_ALWAYS_INLINE static inline void
cell_from_row (Cell                   *cell,
               const BespokeXmlColumn *column,
               sqlite3_stmt           *stmt)
{
  switch (column->encoding)
    {
    case BESPOKE_XML_MONEY:
    case BESPOKE_XML_RATE:
    case BESPOKE_XML_UINT:
    case BESPOKE_XML_BOOLEAN:
      cell->number = sqlite3_column_int64 (stmt, column->index);
      break;
    case BESPOKE_XML_TEXT:
    case BESPOKE_XML_ENUM:       /* stored as its nick */
      cell->text = (const char *) sqlite3_column_text (stmt, column->index);
      if (cell->text != NULL)
        cell->length = (gsize) sqlite3_column_bytes (stmt, column->index);
      break;
    case BESPOKE_XML_PERIOD:
      cell->end = (const char *) sqlite3_column_text (stmt, column->end_index);
      G_GNUC_FALLTHROUGH;
    case BESPOKE_XML_SCHEDULE:   /* stored in its text form */
    case BESPOKE_XML_PRODUCT:
      /* written up to their NUL: no length wanted */
      cell->text = (const char *) sqlite3_column_text (stmt, column->index);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
cell_from_record (Cell                   *cell,
                  const BespokeXmlColumn *column,
                  BespokeRecord          *record)
{
  const GValue *value = bespoke_record_peek_value (record, column->pspec);

  switch (column->encoding)
    {
    case BESPOKE_XML_MONEY:
    case BESPOKE_XML_RATE:
      cell->number = g_value_get_int64 (value);
      break;
    case BESPOKE_XML_UINT:
      cell->number = g_value_get_uint (value);
      break;
    case BESPOKE_XML_BOOLEAN:
      cell->number = g_value_get_boolean (value);
      break;
    case BESPOKE_XML_ENUM:
      cell->text = bespoke_enum_to_nick (G_VALUE_TYPE (value), g_value_get_enum (value));
      break;
    case BESPOKE_XML_SCHEDULE:
      if (g_value_get_boxed (value) != NULL)
        cell->text = cell->owned = bespoke_schedule_serialize (g_value_get_boxed (value));
      break;
    case BESPOKE_XML_PERIOD:
      cell->end = g_value_get_string (bespoke_record_peek_value (record, column->end));
      G_GNUC_FALLTHROUGH;
    case BESPOKE_XML_TEXT:
    case BESPOKE_XML_PRODUCT:
      cell->text = g_value_get_string (value);
      break;
    default:
      g_assert_not_reached ();
    }
  if (cell->text != NULL)
    cell->length = strlen (cell->text);
}

static gpointer
cached_load (Export     *self,
             GHashTable *cache,
             GType       type,
             const char *uuid)
{
  BespokeRecord *record = g_hash_table_lookup (cache, uuid);

  if (record == NULL && self->error == NULL)
    {
      record = bespoke_store_load (self->store, type, uuid, &self->error);
      if (record != NULL)
        g_hash_table_insert (cache, g_strdup (uuid), record);
    }
  return record;
}


static void record_start (Export *self, const BespokeXmlColumns *columns,
                          sqlite3_stmt *stmt, BespokeRecord *record, gboolean own_line);

static void record_fields (Export *self, const BespokeXmlColumns *columns,
                           sqlite3_stmt *stmt, BespokeRecord *record);

/* The product version a line is costed from, with its provider's name:
 * the same for every line of that product, so written once and kept. */
static const GString *
product_snapshot (Export     *self,
                  const char *product_uuid)
{
  GString *snapshot = g_hash_table_lookup (self->snapshots, product_uuid);
  const BespokeXmlColumns *columns = bespoke_xml_columns_for (BESPOKE_TYPE_PRODUCT);
  GString *out = self->out;
  BespokeRecord *product;
  BespokeProvider *provider = NULL;

  if (snapshot != NULL)
    return snapshot;

  snapshot = g_string_new (NULL);
  g_hash_table_insert (self->snapshots, g_strdup (product_uuid), snapshot);
  product = cached_load (self, self->products, BESPOKE_TYPE_PRODUCT, product_uuid);
  if (product != NULL)
    provider = cached_load (self, self->providers, BESPOKE_TYPE_PROVIDER,
                            bespoke_product_get_provider_uuid (BESPOKE_PRODUCT (product)));
  if (provider == NULL)
    return snapshot;

  self->out = snapshot;
  record_start (self, columns, NULL, product, FALSE);
  out_text (self, "provider-uuid", bespoke_product_get_provider_uuid (BESPOKE_PRODUCT (product)),
            strlen (bespoke_product_get_provider_uuid (BESPOKE_PRODUCT (product))));
  out_text (self, "provider-name", bespoke_provider_get_name (provider),
            strlen (bespoke_provider_get_name (provider)));
  record_fields (self, columns, NULL, product);
  out_end (self, columns->element);
  self->out = out;
  return snapshot;
}

/* A line's product: its snapshot, or (a single record, with no store to
 * read it from) only its id. */
static void
out_product (Export     *self,
             const char *product_uuid)
{
  const GString *snapshot;

  if (self->store == NULL)
    {
      out_start (self, "product");
      out_attribute (self, "id", product_uuid);
      out_end (self, "product");
      return;
    }
  close_tag (self);
  snapshot = product_snapshot (self, product_uuid);
  put (self->out, snapshot->str, snapshot->len);
}

G_ALWAYS_INLINE static inline void
out_cell (Export                 *self,
          const BespokeXmlColumn *column,
          const Cell             *cell)
{
  switch (column->encoding)
    {
    case BESPOKE_XML_TEXT:
    case BESPOKE_XML_ENUM:
      if (cell->text != NULL)
        out_column (self, column, cell->text, cell->length);
      break;
    case BESPOKE_XML_MONEY:
      out_money (self, column, cell->number);
      break;
    case BESPOKE_XML_RATE:
      if (cell->number != -1)
        out_money (self, column, cell->number);
      break;
    case BESPOKE_XML_UINT:
      out_number (self, column, (guint64) CLAMP (cell->number, 0, (gint64) G_MAXUINT));
      break;
    case BESPOKE_XML_BOOLEAN:
      if (cell->number != 0)
        out_column (self, column, "true", 4);
      else
        out_column (self, column, "false", 5);
      break;
    case BESPOKE_XML_SCHEDULE:
      if (cell->text != NULL)
        out_schedule (self, cell->text);
      break;
    case BESPOKE_XML_PERIOD:
      out_start (self, column->element);
      out_attribute (self, "start", cell->text ? cell->text : "");
      out_attribute (self, "end", cell->end ? cell->end : "");
      out_end (self, column->element);
      break;
    case BESPOKE_XML_PRODUCT:
      if (cell->text != NULL)
        out_product (self, cell->text);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A record's start tag, from the current row of @stmt or from @record;
 * on a line of its own in a whole export, so that a message about it can
 * name its line.  The start tag is left open for its columns. */
static inline void
record_start (Export                  *self,
              const BespokeXmlColumns *columns,
              sqlite3_stmt            *stmt,
              BespokeRecord           *record,
              gboolean                 own_line)
{
  close_tag (self);
  if (own_line)
    put_literal (self->out, "\n");
  put_literal (self->out, "<");
  put_string (self->out, columns->element);
  put_literal (self->out, " id=\"");
  append_escaped (self->out, stmt ? (const char *) sqlite3_column_text (stmt, 0) : bespoke_record_get_uuid (record), TRUE);
  put_literal (self->out, "\" modified=\"");
  bespoke_xml_schema_append_time (self->out, stmt ? sqlite3_column_int64 (stmt, 1) : bespoke_record_get_modified_at (record));
  put_literal (self->out, "\"");
  self->tag_open = TRUE;
}

/* Every column of the record, one element each, in its table's order:
 * from the current row of @stmt, or from @record. */
static void
record_fields (Export                  *self,
               const BespokeXmlColumns *columns,
               sqlite3_stmt            *stmt,
               BespokeRecord           *record)
{
  const BespokeXmlColumn *column = columns->columns;
  const BespokeXmlColumn *end = column + columns->n_columns;

  /* the loop twice, so that the rows' is all inline */
  if (stmt != NULL)
    for (; column < end; column++)
      {
        Cell cell = { NULL, 0, NULL, 0, NULL };

        cell_from_row (&cell, column, stmt);
        out_cell (self, column, &cell);
      }
  else
    for (; column < end; column++)
      {
        Cell cell = { NULL, 0, NULL, 0, NULL };

        cell_from_record (&cell, column, record);
        out_cell (self, column, &cell);
        g_free (cell.owned);
      }
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

/* What the snapshots are made from, and the snapshots themselves: one set
 * for each thread that writes. */
void
_bespoke_xml_caches_init (Export *self)
{
  self->products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->providers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
}

void
_bespoke_xml_caches_clear (Export *self)
{
  g_clear_pointer (&self->products, g_hash_table_unref);
  g_clear_pointer (&self->providers, g_hash_table_unref);
  g_clear_pointer (&self->snapshots, g_hash_table_unref);
}

/* The current row's start tag and columns; the caller writes its children
 * and ends it with out_end (self, rows->columns->element). */
void
_bespoke_xml_row_begin (Export *self,
                        Rows   *rows)
{
  record_start (self, rows->columns, rows->stmt, NULL, TRUE);
  record_fields (self, rows->columns, rows->stmt, NULL);
}

/* @compact (one element, as record_start() and record_fields() write it)
 * through an indenting xmlTextWriter, call by call as it reads: the
 * layout the conflict display has always had.  NULL if it cannot be read,
 * as with text that XML cannot hold. */
static char *
indented (const GString *compact)
{
  xmlTextReaderPtr reader = xmlReaderForMemory (compact->str, (int) compact->len, NULL, "UTF-8", XML_PARSE_NONET);
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  gboolean nothing_inside = FALSE;  /* the element just started holds nothing yet */
  char *out = NULL;
  int ret = -1;

  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  while (reader != NULL && (ret = xmlTextReaderRead (reader)) == 1)
    switch (xmlTextReaderNodeType (reader))
      {
      case XML_READER_TYPE_ELEMENT:
        xmlTextWriterStartElement (writer, xmlTextReaderConstName (reader));
        while (xmlTextReaderMoveToNextAttribute (reader) == 1)
          xmlTextWriterWriteAttribute (writer, xmlTextReaderConstName (reader), xmlTextReaderConstValue (reader));
        xmlTextReaderMoveToElement (reader);
        nothing_inside = !xmlTextReaderIsEmptyElement (reader);
        if (!nothing_inside)
          xmlTextWriterEndElement (writer);
        break;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        xmlTextWriterWriteString (writer, xmlTextReaderConstValue (reader));
        nothing_inside = FALSE;
        break;
      case XML_READER_TYPE_END_ELEMENT:
        /* "<notes></notes>" stays so, not "<notes/>" */
        if (nothing_inside)
          xmlTextWriterWriteString (writer, BAD_CAST "");
        xmlTextWriterEndElement (writer);
        nothing_inside = FALSE;
        break;
      default:
        break;
      }
  xmlTextWriterFlush (writer);
  if (reader != NULL && ret == 0)
    out = g_strchomp (g_strdup ((const char *) xmlBufferContent (buffer)));
  xmlFreeTextWriter (writer);
  xmlBufferFree (buffer);
  if (reader != NULL)
    xmlFreeTextReader (reader);
  return out;
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
  const BespokeXmlColumns *columns;
  Export self = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  char *text;

  g_return_val_if_fail (BESPOKE_IS_RECORD (record), NULL);

  columns = bespoke_xml_columns_for (G_OBJECT_TYPE (record));
  self.out = out;
  record_start (&self, columns, NULL, record, FALSE);
  record_fields (&self, columns, NULL, record);
  out_end (&self, columns->element);
  text = indented (out);
  return text != NULL ? text : g_strdup (out->str);
}
