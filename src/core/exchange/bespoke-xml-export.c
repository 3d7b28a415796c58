/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-export"
#define _GNU_SOURCE  /* sync_file_range() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-core.h"
#include "bespoke-store-private.h"
#include "bespoke-xml-columns.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-schema.h"

/* The exchange file is streamed: one person (with their profile, circle
 * and plans) is read from the store, written and dropped before the next,
 * so memory does not grow with the database.  Records come in the store's
 * order (by position, date or name, then UUID) and every field is written
 * the same way every time, so the same data always gives the same bytes.
 *
 * There is one serialiser.  Each record class's columns, with their
 * elements and encodings, come from its table (bespoke-xml-columns.c);
 * record_start() and record_fields() write a record from that table into
 * a buffer, with the same escaping xmlTextWriter uses, taking each value
 * either from a row read straight from the store (a whole export: no
 * GObject per row, four times faster than a writer call per field) or
 * from a record (the two sides of a conflict, a product's snapshot).
 * test-xml-export checks the escaping against xmlTextWriter's own, the
 * fixture test the bytes of a whole export, and another that a single
 * record is written as the same record in a whole export. */

#define FLUSH_AT 65536  /* bytes buffered before they go to the writer */

/* g_string_append_len() without its checks, for the fast path's many
 * short appends; the buffer is sized so that it seldom has to grow. */
static inline void
put (GString    *out,
     const char *bytes,
     gsize       length)
{
  if (G_UNLIKELY (out->len + length >= out->allocated_len))
    {
      g_string_append_len (out, bytes, (gssize) length);
      return;
    }
  memcpy (out->str + out->len, bytes, length);
  out->len += length;
  out->str[out->len] = '\0';
}

#define put_literal(out, literal) put ((out), "" literal, sizeof (literal) - 1)
#define put_string(out, string) G_STMT_START { const char *s_ = (string); put ((out), s_, strlen (s_)); } G_STMT_END

typedef struct
{
  const BespokeXmlColumns *columns;
  sqlite3_stmt            *stmt;
} Rows;

typedef struct
{
  BespokeStore     *store;      /* NULL: a single record, with no snapshots */
  xmlTextWriterPtr  writer;
  GHashTable       *products;   /* uuid -> BespokeProduct, for the snapshots */
  GHashTable       *providers;  /* uuid -> BespokeProvider */
  GHashTable       *snapshots;  /* product uuid -> its snapshot element, written */
  GError           *error;
  gboolean          failed;     /* the writer failed: the disk, most likely */
  GString          *out;        /* the text written: chunk->text, or a snapshot's */
  struct _Chunk    *chunk;
  gboolean          tag_open;   /* out ends in a start tag not yet closed */
  GAsyncQueue      *full;       /* chunks for the writer thread (or, for a
                                 * worker, for the main thread), then the end */
  GAsyncQueue      *empty;      /* chunks written, to fill again */
  int              *write_failed;  /* atomic: set by the writer thread */
  int              *stop;          /* atomic: workers, stop */
  int               fd;            /* the file, for the writer thread */
} Export;

/* A buffer of the file's text, and the queue it goes back to once written */
typedef struct _Chunk
{
  GString     *text;
  GAsyncQueue *home;
} Chunk;

#define N_BUFFERS 3  /* per producer, in flight at once: memory stays flat */
#define END ((gpointer) &end_marker)
static const int end_marker;

static Chunk *
chunk_new (GAsyncQueue *home)
{
  Chunk *chunk = g_new (Chunk, 1);

  chunk->text = g_string_sized_new (FLUSH_AT + 16384);
  chunk->home = home;
  return chunk;
}

static void
chunk_free (gpointer data)
{
  Chunk *chunk = data;

  g_string_free (chunk->text, TRUE);
  g_free (chunk);
}

/* A pool of @n empty chunks that come home to it; the first is handed
 * out as @self's buffer. */
static void
pool_init (Export *self,
           guint   n)
{
  self->empty = g_async_queue_new_full (chunk_free);
  for (guint i = 0; i < n; i++)
    g_async_queue_push (self->empty, chunk_new (self->empty));
  self->chunk = g_async_queue_pop (self->empty);
  self->out = self->chunk->text;
}

static void
pool_clear (Export *self,
            guint   n)
{
  /* every chunk is home, or is self->chunk */
  chunk_free (self->chunk);
  self->chunk = NULL;
  self->out = NULL;
  for (guint i = 1; i < n; i++)
    chunk_free (g_async_queue_pop (self->empty));
  g_clear_pointer (&self->empty, g_async_queue_unref);
}

#define W(call) G_STMT_START { if ((call) < 0) self->failed = TRUE; } G_STMT_END

/* ---- writing: into the buffer ------------------------------------------- */

/* What xmlTextWriter escapes: in text, < > & " and CR; in an attribute
 * also LF and TAB, and (with no document encoding) every character past
 * ASCII as a hexadecimal reference. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  const guchar *p = (const guchar *) text;
  const guchar *run = p;

  for (; *p != '\0'; p++)
    {
      const char *entity;
      char ref[16];

      switch (*p)
        {
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '&': entity = "&amp;"; break;
        case '"': entity = "&quot;"; break;
        case '\r': entity = "&#13;"; break;
        case '\n': entity = attribute ? "&#10;" : NULL; break;
        case '\t': entity = attribute ? "&#9;" : NULL; break;
        default:
          entity = NULL;
          if (attribute && *p >= 0x80)
            {
              const char *next = g_utf8_next_char ((const char *) p);
              put (out, (const char *) run, (gsize) (p - run));
              g_snprintf (ref, sizeof ref, "&#x%X;", g_utf8_get_char ((const char *) p));
              put_string (out, ref);
              p = (const guchar *) next - 1;
              run = p + 1;
            }
          continue;
        }
      if (entity == NULL)
        continue;
      put (out, (const char *) run, (gsize) (p - run));
      put_string (out, entity);
      run = p + 1;
    }
  put (out, (const char *) run, (gsize) (p - run));
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
close_tag (Export *self)
{
  if (self->tag_open)
    {
      put_literal (self->out, ">");
      self->tag_open = FALSE;
    }
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

static inline void
out_end (Export     *self,
         const char *element)
{
  if (self->tag_open)
    {
      put_literal (self->out, "/>");
      self->tag_open = FALSE;
      return;
    }
  put_literal (self->out, "</");
  put_string (self->out, element);
  put_literal (self->out, ">");
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

  for (; p < end; p++)
    {
      switch (*p)
        {
        case '<': case '>': case '&': case '"': case '\r': case '\0':
          put (out, (const char *) run, (gsize) (p - run));
          append_escaped (out, (const char *) p, FALSE);
          return;
        default:
          break;
        }
    }
  put (out, (const char *) run, (gsize) (p - run));
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
 * as write_schedule() writes it. */
static void
out_schedule (Export     *self,
              const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);

  out_start (self, "schedule");
  out_attribute (self, "kind", parts[0] ? parts[0] : "");
  for (guint i = 1; parts[0] != NULL && parts[i] != NULL; i++)
    {
      char *eq = strchr (parts[i], '=');

      if (eq == NULL)
        continue;
      *eq = '\0';
      out_text (self, parts[i], eq + 1, strlen (eq + 1));
    }
  out_end (self, "schedule");
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
    case BESPOKE_XML_PERIOD:
      cell->end = (const char *) sqlite3_column_text (stmt, column->end_index);
      G_GNUC_FALLTHROUGH;
    case BESPOKE_XML_TEXT:
    case BESPOKE_XML_ENUM:       /* stored as its nick */
    case BESPOKE_XML_SCHEDULE:   /* stored in its text form */
    case BESPOKE_XML_PRODUCT:
      cell->text = (const char *) sqlite3_column_text (stmt, column->index);
      cell->length = (gsize) sqlite3_column_bytes (stmt, column->index);
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

static void string_free (gpointer string);
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

/* The file is written by a thread of its own, so that the kernel's
 * copying of one buffer overlaps the reading and escaping of the next.
 * Only this thread touches the writer between the root's start tag and
 * its end. */
#define WRITEBACK_EVERY (16 * 1024 * 1024)

static gpointer
writer_thread (gpointer data)
{
  Export *self = data;
  gsize since_writeback = 0;

  for (;;)
    {
      Chunk *chunk = g_async_queue_pop (self->full);

      if (chunk == END)
        break;
      if (!g_atomic_int_get (self->write_failed) &&
          xmlTextWriterWriteRawLen (self->writer, BAD_CAST chunk->text->str, (int) chunk->text->len) < 0)
        g_atomic_int_set (self->write_failed, 1);
#ifdef SYNC_FILE_RANGE_WRITE
      /* Start the disk on what is written so far, without waiting for it,
       * so that the fsync at the end has only the tail left to wait for
       * (0.8 s for a 1.3 GB file otherwise). */
      since_writeback += chunk->text->len;
      if (since_writeback >= WRITEBACK_EVERY && self->fd >= 0)
        {
          sync_file_range (self->fd, 0, 0, SYNC_FILE_RANGE_WRITE);
          since_writeback = 0;
        }
#endif
      g_string_truncate (chunk->text, 0);
      g_async_queue_push (chunk->home, chunk);
    }
  return NULL;
}

/* Hands what is buffered on (to the writer thread, or from a worker to
 * the main thread), and takes an empty buffer, waiting for one if the
 * disk is behind; between records only. */
static void
out_flush (Export  *self,
           gboolean force)
{
  if (self->out->len == 0 || (!force && self->out->len < FLUSH_AT))
    return;
  g_assert (!self->tag_open);
  g_async_queue_push (self->full, self->chunk);
  self->chunk = g_async_queue_pop (self->empty);
  self->out = self->chunk->text;
  if (g_atomic_int_get (self->write_failed))
    self->failed = TRUE;
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
rows_init (Export      *self,
           Rows        *rows,
           GType        type,
           BespokeRows  which)
{
  rows->columns = bespoke_xml_columns_for (type);
  if (self->error == NULL)
    rows->stmt = bespoke_store_prepare_rows (self->store, type, which, &self->error);
}

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->stmt, sqlite3_finalize);
}

/* Steps @rows; FALSE at the end, or on an error (in self->error). */
static gboolean
rows_next (Export *self,
           Rows   *rows)
{
  int rc;

  if (self->error != NULL || rows->stmt == NULL)
    return FALSE;
  rc = sqlite3_step (rows->stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                 _("Reading the database failed: %s. Close other programs using it and try again."),
                 sqlite3_errstr (rc));
  sqlite3_reset (rows->stmt);
  return FALSE;
}

static gboolean
rows_start (Export     *self,
            Rows       *rows,
            const char *key)
{
  if (self->error != NULL || rows->stmt == NULL)
    return FALSE;
  sqlite3_reset (rows->stmt);
  if (key != NULL)
    sqlite3_bind_text (rows->stmt, 1, key, -1, SQLITE_TRANSIENT);
  return TRUE;
}

/* The current row's start tag and columns; the caller writes its children
 * and ends it with out_end (self, rows->columns->element). */
static void
row_begin (Export *self,
           Rows   *rows)
{
  record_start (self, rows->columns, rows->stmt, NULL, TRUE);
  record_fields (self, rows->columns, rows->stmt, NULL);
}

/* Every child of @parent_uuid in @rows, each a leaf, inside @container if
 * there are any and it is not NULL. */
static void
rows_write_children (Export     *self,
                     Rows       *rows,
                     const char *parent_uuid,
                     const char *container)
{
  gboolean any = FALSE;

  if (!rows_start (self, rows, parent_uuid))
    return;
  while (rows_next (self, rows))
    {
      if (!any && container != NULL)
        {
          close_tag (self);
          put_literal (self->out, "<");
          put_string (self->out, container);
          put_literal (self->out, ">");
        }
      any = TRUE;
      row_begin (self, rows);
      out_end (self, rows->columns->element);
    }
  if (any && container != NULL)
    {
      put_literal (self->out, "</");
      put_string (self->out, container);
      put_literal (self->out, ">");
    }
}

enum
{
  ROWS_CIRCLE,
  ROWS_STATEMENTS,
  ROWS_PLANS,
  ROWS_BUDGETS,
  ROWS_OUTCOMES,
  ROWS_LINES,
  ROWS_RISKS,
  ROWS_ADJUSTMENTS,
  ROWS_PRODUCTS,
  ROWS_RESIDENTS,
  N_ROWS
};

typedef struct
{
  Rows rows[N_ROWS];
} Readers;

static void
readers_init (Export  *self,
              Readers *r)
{
  rows_init (self, &r->rows[ROWS_CIRCLE], BESPOKE_TYPE_CIRCLE_MEMBER, BESPOKE_ROWS_CHILDREN);
  rows_init (self, &r->rows[ROWS_STATEMENTS], BESPOKE_TYPE_STATEMENT, BESPOKE_ROWS_CHILDREN);
  rows_init (self, &r->rows[ROWS_PLANS], BESPOKE_TYPE_PLAN, BESPOKE_ROWS_CHILDREN);
  rows_init (self, &r->rows[ROWS_BUDGETS], BESPOKE_TYPE_BUDGET, BESPOKE_ROWS_CHILDREN);
  rows_init (self, &r->rows[ROWS_OUTCOMES], BESPOKE_TYPE_OUTCOME, BESPOKE_ROWS_CHILDREN);
  rows_init (self, &r->rows[ROWS_LINES], BESPOKE_TYPE_SUPPORT_LINE, BESPOKE_ROWS_CHILDREN);
  rows_init (self, &r->rows[ROWS_RISKS], BESPOKE_TYPE_RISK, BESPOKE_ROWS_CHILDREN);
  rows_init (self, &r->rows[ROWS_ADJUSTMENTS], BESPOKE_TYPE_ADJUSTMENT, BESPOKE_ROWS_CHILDREN);
  rows_init (self, &r->rows[ROWS_PRODUCTS], BESPOKE_TYPE_PRODUCT, BESPOKE_ROWS_CHILDREN);
  rows_init (self, &r->rows[ROWS_RESIDENTS], BESPOKE_TYPE_HOME_RESIDENT, BESPOKE_ROWS_CHILDREN);
}

static void
readers_clear (Readers *r)
{
  for (guint i = 0; i < N_ROWS; i++)
    rows_clear (&r->rows[i]);
}

/* The current row of @people, with their circle, profile and plans. */
static void
write_person (Export  *self,
              Readers *r,
              Rows    *people)
{
  const char *uuid = (const char *) sqlite3_column_text (people->stmt, 0);
  Rows *plans = &r->rows[ROWS_PLANS];

  row_begin (self, people);
  rows_write_children (self, &r->rows[ROWS_CIRCLE], uuid, "important-people");
  rows_write_children (self, &r->rows[ROWS_STATEMENTS], uuid, "about-me");

  if (rows_start (self, plans, uuid))
    while (rows_next (self, plans))
      {
        const char *plan_uuid = (const char *) sqlite3_column_text (plans->stmt, 0);

        row_begin (self, plans);
        rows_write_children (self, &r->rows[ROWS_BUDGETS], plan_uuid, NULL);
        rows_write_children (self, &r->rows[ROWS_OUTCOMES], plan_uuid, NULL);
        rows_write_children (self, &r->rows[ROWS_LINES], plan_uuid, NULL);
        rows_write_children (self, &r->rows[ROWS_RISKS], plan_uuid, NULL);
        rows_write_children (self, &r->rows[ROWS_ADJUSTMENTS], plan_uuid, NULL);
        out_end (self, plans->columns->element);
      }
  out_end (self, people->columns->element);
}

static void
write_provider (Export  *self,
                Readers *r,
                Rows    *providers)
{
  row_begin (self, providers);
  rows_write_children (self, &r->rows[ROWS_PRODUCTS],
                       (const char *) sqlite3_column_text (providers->stmt, 0), "menu");
  out_end (self, providers->columns->element);
}

static void
write_home (Export  *self,
            Readers *r,
            Rows    *homes)
{
  row_begin (self, homes);
  rows_write_children (self, &r->rows[ROWS_RESIDENTS],
                       (const char *) sqlite3_column_text (homes->stmt, 0), NULL);
  out_end (self, homes->columns->element);
}

/* Every row of @rows (from @key, if it is one row), each through @write;
 * FALSE if @key named a row that is not there. */
static gboolean
write_each (Export     *self,
            Readers    *r,
            Rows       *rows,
            const char *key,
            void      (*write) (Export *, Readers *, Rows *))
{
  gboolean any = FALSE;

  if (!rows_start (self, rows, key))
    return FALSE;
  while (!self->failed && rows_next (self, rows))
    {
      any = TRUE;
      write (self, r, rows);
      out_flush (self, FALSE);
    }
  sqlite3_reset (rows->stmt);
  return any;
}

/* @uuid was asked for and is not there: the store's own words for that */
static void
report_missing (Export     *self,
                GType       type,
                const char *uuid)
{
  g_autoptr(BespokeRecord) record = NULL;

  if (self->error == NULL)
    record = bespoke_store_load (self->store, type, uuid, &self->error);
}

/* ---- a whole export's people, on two threads ---------------------------- */

#define N_WORKERS    2
#define CHUNK_PEOPLE 32  /* people a worker writes before handing them on */

typedef struct
{
  Export   export;  /* its own connection, caches and chunks */
  guint    index;
  GThread *thread;
} Worker;

/* Worker k writes the people of chunks k, k + N_WORKERS, …, in UUID
 * order, each chunk to a buffer of its own that the main thread takes in
 * turn from each worker and passes to the writer thread: the same bytes
 * as one thread writes, in about half the time on two cores. */
static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  Export *self = &worker->export;
  Readers r = { 0 };
  Rows people = { 0 };
  guint64 i = 0;
  guint in_chunk = 0;

  if (bespoke_store_begin_read (self->store, FALSE, &self->error))
    {
      readers_init (self, &r);
      rows_init (self, &people, BESPOKE_TYPE_PERSON, BESPOKE_ROWS_BY_UUID);
      if (rows_start (self, &people, NULL))
        while (!g_atomic_int_get (self->stop) && !self->failed && rows_next (self, &people))
          {
            guint64 chunk = i++ / CHUNK_PEOPLE;

            if (chunk % N_WORKERS != worker->index)
              continue;
            write_person (self, &r, &people);
            if (++in_chunk == CHUNK_PEOPLE)
              {
                out_flush (self, TRUE);
                in_chunk = 0;
              }
          }
      if (in_chunk > 0 && self->error == NULL)
        out_flush (self, TRUE);
      rows_clear (&people);
      readers_clear (&r);
      bespoke_store_end_read (self->store);
    }
  g_async_queue_push (self->full, END);
  return NULL;
}

/* FALSE, having written nothing, if a second connection cannot be had */
static gboolean
write_people_in_parallel (Export *self)
{
  Worker workers[N_WORKERS] = { 0 };
  gboolean ended[N_WORKERS] = { FALSE };
  int stop = 0;
  guint n = 0;

  for (; n < N_WORKERS; n++)
    {
      Export *w = &workers[n].export;

      w->store = bespoke_store_open_reader (self->store, NULL);
      if (w->store == NULL)
        break;
      workers[n].index = n;
      w->products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      w->providers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      w->snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
      w->full = g_async_queue_new ();
      w->write_failed = self->write_failed;
      w->stop = &stop;
      pool_init (w, N_BUFFERS);
    }

  if (n == N_WORKERS)
    {
      /* what is buffered (the providers) goes first */
      out_flush (self, TRUE);
      for (guint k = 0; k < N_WORKERS; k++)
        workers[k].thread = g_thread_new ("bespoke-export-people", worker_thread, &workers[k]);

      /* chunk j comes from worker j % N_WORKERS; the first worker out of
       * people has written the last chunk */
      for (guint64 j = 0;; j++)
        {
          Worker *worker = &workers[j % N_WORKERS];
          Chunk *chunk = g_async_queue_pop (worker->export.full);

          if (chunk == END)
            {
              ended[j % N_WORKERS] = TRUE;
              break;
            }
          g_async_queue_push (self->full, chunk);
        }

      /* the others stop (they have no more, unless one failed), and what
       * they still hold goes home unwritten */
      g_atomic_int_set (&stop, 1);
      for (guint k = 0; k < N_WORKERS; k++)
        {
          Chunk *chunk;

          while (!ended[k] && (chunk = g_async_queue_pop (workers[k].export.full)) != END)
            {
              g_string_truncate (chunk->text, 0);
              g_async_queue_push (chunk->home, chunk);
            }
          g_thread_join (workers[k].thread);
        }
    }

  for (guint k = 0; k < n; k++)
    {
      Export *w = &workers[k].export;

      if (w->error != NULL && self->error == NULL)
        g_propagate_error (&self->error, g_steal_pointer (&w->error));
      g_clear_error (&w->error);
      self->failed |= w->failed;
      pool_clear (w, N_BUFFERS);  /* waits for the writer to give them back */
      g_async_queue_unref (w->full);
      g_hash_table_unref (w->products);
      g_hash_table_unref (w->providers);
      g_hash_table_unref (w->snapshots);
      g_object_unref (w->store);
    }
  return n == N_WORKERS;
}

static void
write_scope (Export                 *self,
             BespokeXmlExportScope   scope,
             const char * const     *uuids,
             gboolean                locked)
{
  Readers r = { 0 };
  Rows providers = { 0 }, people = { 0 }, homes = { 0 };

  readers_init (self, &r);
  if (scope == BESPOKE_XML_EXPORT_ALL)
    {
      rows_init (self, &providers, BESPOKE_TYPE_PROVIDER, BESPOKE_ROWS_ALL);
      rows_init (self, &people, BESPOKE_TYPE_PERSON, BESPOKE_ROWS_BY_UUID);
      rows_init (self, &homes, BESPOKE_TYPE_HOME, BESPOKE_ROWS_ALL);
      write_each (self, &r, &providers, NULL, write_provider);
      if (!locked || self->error != NULL || self->failed || !write_people_in_parallel (self))
        write_each (self, &r, &people, NULL, write_person);
      write_each (self, &r, &homes, NULL, write_home);
    }
  else if (scope == BESPOKE_XML_EXPORT_MENU)
    {
      rows_init (self, &providers, BESPOKE_TYPE_PROVIDER, BESPOKE_ROWS_ONE);
      if (!write_each (self, &r, &providers, uuids[0], write_provider))
        report_missing (self, BESPOKE_TYPE_PROVIDER, uuids[0]);
    }
  else
    {
      rows_init (self, &people, BESPOKE_TYPE_PERSON, BESPOKE_ROWS_ONE);
      for (guint i = 0; uuids[i] != NULL && self->error == NULL && !self->failed; i++)
        if (!write_each (self, &r, &people, uuids[i], write_person))
          report_missing (self, BESPOKE_TYPE_PERSON, uuids[i]);
    }
  out_flush (self, TRUE);

  rows_clear (&providers);
  rows_clear (&people);
  rows_clear (&homes);
  readers_clear (&r);
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
  int write_failed = 0;
  GThread *thread;
  gboolean began, locked;
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
  self->snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
  output = xmlOutputBufferCreateFd (fd, NULL);
  /* no indentation: a quarter fewer bytes, and a cached snapshot written
   * raw is then the same bytes as one written element by element */
  self->writer = xmlNewTextWriter (output);
  self->write_failed = &write_failed;
  self->fd = fd;

  W (xmlTextWriterStartDocument (self->writer, NULL, "UTF-8", NULL));
  W (xmlTextWriterStartElementNS (self->writer, NULL, BAD_CAST "bespoke", BAD_CAST BESPOKE_XML_NAMESPACE));
  W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "schema-version", BAD_CAST BESPOKE_XML_SCHEMA_VERSION));

  /* One read transaction: a consistent snapshot, and one lock instead of
   * one per query.  A whole export takes the write lock too, so that the
   * workers' connections (see write_people_in_parallel()) start from the
   * same snapshot: nothing can be committed in between.  Neither is
   * possible if the caller has a transaction open; a read-only database
   * refuses the write lock. */
  locked = scope == BESPOKE_XML_EXPORT_ALL && bespoke_store_begin_read (store, TRUE, NULL);
  began = locked || bespoke_store_begin_read (store, FALSE, NULL);
  /* the root's start tag goes out now, before the thread takes over */
  W (xmlTextWriterFlush (self->writer));
  self->full = g_async_queue_new ();
  pool_init (self, N_BUFFERS);
  thread = g_thread_new ("bespoke-export", writer_thread, self);

  write_scope (self, scope, uuids, locked);

  g_async_queue_push (self->full, END);
  g_thread_join (thread);
  if (g_atomic_int_get (&write_failed))
    self->failed = TRUE;
  pool_clear (self, N_BUFFERS);
  g_async_queue_unref (self->full);

  if (began)
    bespoke_store_end_read (store);

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
  int ret;

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
