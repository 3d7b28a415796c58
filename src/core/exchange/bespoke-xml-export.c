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
#include "bespoke-risk.h"
#include "bespoke-session.h"
#include "bespoke-statement.h"
#include "bespoke-store-private.h"
#include "bespoke-store.h"
#include "bespoke-support-line.h"
#include "bespoke-tool-statement.h"
#include "bespoke-xml-export-private.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-schema.h"

/* The exchange file is streamed: one person (with their profile, circle
 * and plans) is read from the store, written and dropped before the next,
 * so memory does not grow with the database.  Records come in the store's
 * order (by position, date or name, then UUID) and every field is written
 * the same way every time, so the same data always gives the same bytes.
 *
 * A whole export reads the rows of each record class straight into the
 * file's text (bespoke-xml-export-record.c), people on two threads, and
 * hands the text to a thread that writes it (bespoke-xml-export-thread.c). */

#define W(call) G_STMT_START { if ((call) < 0) self->failed = TRUE; } G_STMT_END

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

/* A column's name in SQL, as the store writes it: "person_uuid" */
static char *
sql_name (const char *property)
{
  return g_strdelimit (g_strdup (property), "-", '_');
}

/* Rows of @type whose parent is ?1 or after it, by parent and then each
 * parent's in the order bespoke_store_prepare_rows() lists one parent's
 * children (its order column, then UUID), with the same columns.  The
 * index on (parent, order) is a WITHOUT ROWID table's, so it ends in the
 * UUID: the rows come straight from it, with no sorting. */
static void
rows_init_merged (Export *self,
                  Rows   *rows,
                  GType   type)
{
  BespokeRecordClass *klass;
  const BespokeClassSql *sql;
  g_autofree char *parent = NULL;
  g_autofree char *order = NULL;
  g_autofree char *query = NULL;

  rows->columns = bespoke_xml_columns_for (type);  /* holds the class */
  rows->merged = TRUE;
  if (self->error != NULL)
    return;
  klass = g_type_class_peek (type);
  g_assert (klass->parent_property != NULL && rows->columns->parent_index >= 2);
  sql = _bespoke_store_class_sql (self->store, type);
  parent = sql_name (klass->parent_property);
  order = sql_name (klass->order_property ? klass->order_property : "uuid");
  query = g_strdup_printf ("SELECT %s FROM %s WHERE %s >= ? ORDER BY %s, %s, uuid",
                           sql->columns, klass->table, parent, parent, order);
  /* the reader's own statement, finalized with it, as the others are */
  if (sqlite3_prepare_v3 (self->store->db, query, -1, SQLITE_PREPARE_PERSISTENT, &rows->stmt, NULL) != SQLITE_OK)
    _bespoke_store_db_error (self->store, &self->error, _("Reading the database"));
}

/* How the parent of @rows' current row sorts against @parent_uuid, as
 * SQLite sorts them: only text can be equal to it */
static int
parent_cmp (Rows       *rows,
            const char *parent_uuid)
{
  int index = rows->columns->parent_index;

  switch (sqlite3_column_type (rows->stmt, index))
    {
    case SQLITE_TEXT:
      return strcmp ((const char *) sqlite3_column_text (rows->stmt, index), parent_uuid);
    case SQLITE_BLOB:
      return 1;
    default:
      return -1;
    }
}

/* The parents jump (to a worker's next chunk of people): a merged @rows
 * starts again from the next parent it is asked for */
static void
rows_unplace (Rows *rows)
{
  rows->placed = FALSE;
  rows->has_row = FALSE;
  rows->pending = FALSE;
}

/* Starts @parent_uuid's children in @rows; then rows_next_of() steps
 * through them.  A merged @rows moves on from where it is, past the
 * children of parents that are not being written (a worker's other
 * chunks are skipped by rows_unplace(), so these are children whose parent
 * is gone); it is bound and stepped only when placed afresh.  Parents must
 * come in UUID order between rows_unplace() calls. */
static gboolean
rows_from (Export     *self,
           Rows       *rows,
           const char *parent_uuid)
{
  if (!rows->merged)
    return rows_start (self, rows, parent_uuid);
  if (!rows->placed)
    {
      rows->has_row = rows_start (self, rows, parent_uuid) && rows_next (self, rows);
      rows->placed = TRUE;
    }
  else if (rows->has_row && !rows->pending)
    rows->has_row = rows_next (self, rows);
  while (rows->has_row && parent_cmp (rows, parent_uuid) < 0)
    rows->has_row = rows_next (self, rows);
  rows->pending = rows->has_row;
  return self->error == NULL;
}

/* The next of @parent_uuid's children in @rows: FALSE at the end of them */
static gboolean
rows_next_of (Export     *self,
              Rows       *rows,
              const char *parent_uuid)
{
  if (!rows->merged)
    return rows_next (self, rows);
  if (!rows->has_row)
    return FALSE;
  if (rows->pending)
    rows->pending = FALSE;
  else if (!(rows->has_row = rows_next (self, rows)))
    return FALSE;
  if (parent_cmp (rows, parent_uuid) == 0)
    return TRUE;
  rows->pending = TRUE;  /* a later parent's */
  return FALSE;
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

  if (!rows_from (self, rows, parent_uuid))
    return;
  while (rows_next_of (self, rows, parent_uuid))
    {
      if (!any && container != NULL)
        {
          close_tag (self);
          put_literal (self->out, "<");
          put_string (self->out, container);
          put_literal (self->out, ">");
        }
      any = TRUE;
      _bespoke_xml_row_begin (self, rows);
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
  ROWS_TOOL_STATEMENTS,
  ROWS_SESSIONS,
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

/* The first of the kinds a person's own rows are in, to the last */
#define ROWS_PERSON_FIRST ROWS_CIRCLE
#define ROWS_PERSON_LAST  ROWS_PLANS

/* @by_uuid: the people come in UUID order (a whole export), so that their
 * own rows can be read by merging, one query per kind rather than one per
 * person and kind */
static void
readers_init (Export   *self,
              Readers  *r,
              gboolean  by_uuid)
{
  static const struct { guint which; GType (*get_type) (void); } person_rows[] = {
    { ROWS_CIRCLE, bespoke_circle_member_get_type },
    { ROWS_STATEMENTS, bespoke_statement_get_type },
    { ROWS_TOOL_STATEMENTS, bespoke_tool_statement_get_type },
    { ROWS_SESSIONS, bespoke_session_get_type },
    { ROWS_PLANS, bespoke_plan_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (person_rows); i++)
    if (by_uuid)
      rows_init_merged (self, &r->rows[person_rows[i].which], person_rows[i].get_type ());
    else
      rows_init (self, &r->rows[person_rows[i].which], person_rows[i].get_type (), BESPOKE_ROWS_CHILDREN);
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

/* The people jump (see rows_from()) */
static void
readers_unplace (Readers *r)
{
  for (guint i = ROWS_PERSON_FIRST; i <= ROWS_PERSON_LAST; i++)
    rows_unplace (&r->rows[i]);
}

/* The current row of @people, with their circle, profile and plans. */
static void
write_person (Export  *self,
              Readers *r,
              Rows    *people)
{
  const char *uuid = (const char *) sqlite3_column_text (people->stmt, 0);
  Rows *plans = &r->rows[ROWS_PLANS];

  _bespoke_xml_row_begin (self, people);
  rows_write_children (self, &r->rows[ROWS_CIRCLE], uuid, "important-people");
  rows_write_children (self, &r->rows[ROWS_STATEMENTS], uuid, "about-me");
  rows_write_children (self, &r->rows[ROWS_TOOL_STATEMENTS], uuid, "thinking-tools");
  rows_write_children (self, &r->rows[ROWS_SESSIONS], uuid, "sessions");

  if (rows_from (self, plans, uuid))
    while (rows_next_of (self, plans, uuid))
      {
        const char *plan_uuid = (const char *) sqlite3_column_text (plans->stmt, 0);

        _bespoke_xml_row_begin (self, plans);
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
  _bespoke_xml_row_begin (self, providers);
  rows_write_children (self, &r->rows[ROWS_PRODUCTS],
                       (const char *) sqlite3_column_text (providers->stmt, 0), "menu");
  out_end (self, providers->columns->element);
}

static void
write_home (Export  *self,
            Readers *r,
            Rows    *homes)
{
  _bespoke_xml_row_begin (self, homes);
  rows_write_children (self, &r->rows[ROWS_RESIDENTS],
                       (const char *) sqlite3_column_text (homes->stmt, 0), NULL);
  out_end (self, homes->columns->element);
}

/* TRUE, with self->error set, once the export is to stop */
static gboolean
cancelled (Export *self)
{
  if (self->error == NULL && self->progress != NULL)
    _bespoke_xml_progress_cancelled (self->progress, &self->error);
  return self->error != NULL;
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
  while (!self->failed && !cancelled (self) && rows_next (self, rows))
    {
      any = TRUE;
      write (self, r, rows);
      _bespoke_xml_out_flush (self, FALSE);
      if (write == write_person && self->progress != NULL)
        {
          g_atomic_int_inc (&self->progress->done);
          _bespoke_xml_progress_report (self->progress, FALSE);
        }
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

  /* the connection is in its read transaction already: the snapshot's */
  readers_init (self, &r, TRUE);
  rows_init (self, &people, BESPOKE_TYPE_PERSON, BESPOKE_ROWS_BY_UUID);
  if (rows_start (self, &people, NULL))
    while (!g_atomic_int_get (self->stop) && !self->failed && !cancelled (self) &&
           rows_next (self, &people))
      {
        guint64 chunk = i++ / CHUNK_PEOPLE;

        if (chunk % N_WORKERS != worker->index)
          continue;
        /* the other workers' chunks are skipped: their people's rows too */
        if (in_chunk == 0)
          readers_unplace (&r);
        write_person (self, &r, &people);
        if (self->progress != NULL)
          g_atomic_int_inc (&self->progress->done);
        if (++in_chunk == CHUNK_PEOPLE)
          {
            _bespoke_xml_out_flush (self, TRUE);
            in_chunk = 0;
          }
      }
  if (in_chunk > 0 && self->error == NULL)
    _bespoke_xml_out_flush (self, TRUE);
  rows_clear (&people);
  readers_clear (&r);
  g_async_queue_push (self->full, END);
  return NULL;
}

/* The people on the snapshot's workers' connections */
static void
write_people_in_parallel (Export *self)
{
  Worker workers[N_WORKERS] = { 0 };
  gboolean ended[N_WORKERS] = { FALSE };
  int stop = 0;
  guint n = 0;

  for (; n < N_WORKERS; n++)
    {
      Export *w = &workers[n].export;

      w->store = self->workers[n];
      w->progress = self->progress;
      workers[n].index = n;
      _bespoke_xml_caches_init (w);
      w->full = g_async_queue_new ();
      w->write_failed = self->write_failed;
      w->stop = &stop;
      _bespoke_xml_pool_init (w, N_BUFFERS);
    }

  if (n == N_WORKERS)
    {
      /* what is buffered (the providers) goes first */
      _bespoke_xml_out_flush (self, TRUE);
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
          if (self->progress != NULL)
            _bespoke_xml_progress_report (self->progress, FALSE);
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
      _bespoke_xml_pool_clear (w, N_BUFFERS);  /* waits for the writer to give them back */
      g_async_queue_unref (w->full);
      _bespoke_xml_caches_clear (w);
    }
}

static void
write_scope (Export                 *self,
             BespokeXmlExportScope   scope,
             const char * const     *uuids)
{
  Readers r = { 0 };
  Rows providers = { 0 }, people = { 0 }, homes = { 0 };

  readers_init (self, &r, scope == BESPOKE_XML_EXPORT_ALL);
  if (scope == BESPOKE_XML_EXPORT_ALL)
    {
      rows_init (self, &providers, BESPOKE_TYPE_PROVIDER, BESPOKE_ROWS_ALL);
      rows_init (self, &people, BESPOKE_TYPE_PERSON, BESPOKE_ROWS_BY_UUID);
      rows_init (self, &homes, BESPOKE_TYPE_HOME, BESPOKE_ROWS_ALL);
      write_each (self, &r, &providers, NULL, write_provider);
      if (self->workers == NULL)
        write_each (self, &r, &people, NULL, write_person);
      else if (self->error == NULL && !self->failed)
        write_people_in_parallel (self);
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
  _bespoke_xml_out_flush (self, TRUE);

  rows_clear (&providers);
  rows_clear (&people);
  rows_clear (&homes);
  readers_clear (&r);
}

/* Version 3: the deletions of records that belonged to @scope (all, for
 * %NULL), in UUID order, added to @out. */
static gboolean
collect_tombstones (BespokeStore  *store,
                    const char    *scope,
                    GPtrArray     *out,
                    GError       **error)
{
  g_autoptr(GPtrArray) tombstones = bespoke_store_list_tombstones (store, scope, error);

  if (tombstones == NULL)
    return FALSE;
  for (guint i = 0; i < tombstones->len; i++)
    g_ptr_array_add (out, g_steal_pointer (&tombstones->pdata[i]));
  return TRUE;
}

static GPtrArray *
scope_tombstones (BespokeStore           *store,
                  BespokeXmlExportScope   scope,
                  const char * const     *uuids,
                  GError                **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) bespoke_tombstone_free);

  if (scope == BESPOKE_XML_EXPORT_ALL)
    {
      if (!collect_tombstones (store, NULL, out, error))
        return NULL;
    }
  else if (scope == BESPOKE_XML_EXPORT_MENU)
    {
      if (!collect_tombstones (store, uuids[0], out, error))
        return NULL;
    }
  else
    for (guint i = 0; uuids[i] != NULL; i++)
      if (!collect_tombstones (store, uuids[i], out, error))
        return NULL;
  return g_steal_pointer (&out);
}

/* The deletions, at the end of the file, one to a line as the records
 * are, each with the replicas known to have it. */
static void
write_tombstones (Export    *self,
                  GPtrArray *tombstones)
{
  for (guint i = 0; i < tombstones->len && self->error == NULL && !self->failed; i++)
    {
      BespokeTombstone *t = tombstones->pdata[i];
      GType type = bespoke_xml_schema_type_for_table (t->kind);
      g_autofree char *at = bespoke_xml_schema_format_time (t->deleted_at);
      g_auto(GStrv) seen = NULL;

      if (type == G_TYPE_INVALID)
        continue;
      if (!(seen = bespoke_store_list_tombstone_seen (self->store, t->uuid, &self->error)))
        return;
      W (xmlTextWriterWriteRaw (self->writer, BAD_CAST "\n"));
      W (xmlTextWriterStartElement (self->writer, BAD_CAST "deleted"));
      W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "id", BAD_CAST t->uuid));
      W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "kind", BAD_CAST bespoke_xml_schema_element_for (type)));
      W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "in", BAD_CAST t->scope));
      W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "at", BAD_CAST at));
      for (guint j = 0; seen[j] != NULL; j++)
        {
          W (xmlTextWriterStartElement (self->writer, BAD_CAST "seen-by"));
          W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "replica", BAD_CAST seen[j]));
          W (xmlTextWriterEndElement (self->writer));
        }
      W (xmlTextWriterEndElement (self->writer));
    }
}

/* Records that the exported records are in sync with the file as of @when. */
gboolean
_bespoke_xml_export_mark (BespokeStore           *store,
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

/* Writes the file from @snapshot, and nothing else: no sync mark, and no
 * use of any connection but the snapshot's, so that it can run on any
 * thread.  On %FALSE (an error, or @progress's cancellable cancelled) no
 * file and no temporary file is left. */
gboolean
_bespoke_xml_export_write (Snapshot              *snapshot,
                           BespokeXmlExportScope  scope,
                           const char * const    *uuids,
                           const char            *path,
                           Progress              *progress,
                           GError               **error)
{
  Export self_ = { 0 };
  Export *self = &self_;
  g_autoptr(GPtrArray) tombstones = NULL;
  g_autofree char *tmp = NULL;
  xmlOutputBufferPtr output;
  int write_failed = 0;
  GThread *thread;
  int fd;

  if (!(tombstones = scope_tombstones (snapshot->reader, scope, uuids, error)))
    return FALSE;
  fd = _bespoke_xml_export_open_temp (path, &tmp, error);
  if (fd < 0)
    return FALSE;

  self->store = snapshot->reader;
  self->workers = snapshot->workers[0] != NULL ? snapshot->workers : NULL;
  self->progress = progress;
  self->fd = fd;
  _bespoke_xml_caches_init (self);
  output = _bespoke_xml_export_output (self);
  /* no indentation: a quarter fewer bytes, and a cached snapshot written
   * raw is then the same bytes as one written element by element */
  self->writer = xmlNewTextWriter (output);
  self->write_failed = &write_failed;

  W (xmlTextWriterStartDocument (self->writer, NULL, "UTF-8", NULL));
  W (xmlTextWriterStartElementNS (self->writer, NULL, BAD_CAST "bespoke", BAD_CAST BESPOKE_XML_NAMESPACE));
  W (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "schema-version", BAD_CAST BESPOKE_XML_SCHEMA_VERSION));

  /* the root's start tag goes out now, before the thread takes over */
  W (xmlTextWriterFlush (self->writer));
  self->full = g_async_queue_new ();
  _bespoke_xml_pool_init (self, N_BUFFERS);
  thread = g_thread_new ("bespoke-export", _bespoke_xml_writer_thread, self);

  write_scope (self, scope, uuids);

  g_async_queue_push (self->full, END);
  g_thread_join (thread);
  if (g_atomic_int_get (&write_failed))
    self->failed = TRUE;
  _bespoke_xml_pool_clear (self, N_BUFFERS);
  g_async_queue_unref (self->full);

  write_tombstones (self, tombstones);
  if (progress != NULL)
    _bespoke_xml_progress_report (progress, TRUE);

  W (xmlTextWriterEndDocument (self->writer));
  xmlFreeTextWriter (self->writer);  /* flushes and frees the output buffer */
  _bespoke_xml_caches_clear (self);

  if (self->error == NULL && !self->failed && fsync (fd) != 0)
    {
      self->failed = TRUE;
      self->write_errno = self->write_errno ? self->write_errno : errno;
    }
  if (close (fd) != 0)
    {
      self->failed = TRUE;
      self->write_errno = self->write_errno ? self->write_errno : errno;
    }

  if (self->error == NULL && self->failed)
    _bespoke_xml_export_file_error (path, self->write_errno, &self->error);
  /* the last moment a Cancel counts: after the rename the file is there */
  if (self->error == NULL && progress != NULL)
    _bespoke_xml_progress_cancelled (progress, &self->error);
  if (self->error == NULL && g_rename (tmp, path) != 0)
    _bespoke_xml_export_file_error (path, errno, &self->error);
  if (self->error != NULL)
    {
      g_unlink (tmp);
      g_propagate_error (error, self->error);
      return FALSE;
    }
  return TRUE;
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
 * only in a file.  As bespoke_xml_export_full(), ignoring a failure to
 * record that: the file is in place either way.
 */
gboolean
bespoke_xml_export (BespokeStore           *store,
                    BespokeXmlExportScope   scope,
                    const char * const     *uuids,
                    const char             *path,
                    GError                **error)
{
  return bespoke_xml_export_full (store, scope, uuids, path, NULL, error);
}

/**
 * bespoke_xml_export_full:
 * @warning: (nullable): set, with %TRUE returned, if the file was written
 *   and put in place but the database could not record the export (its
 *   sync mark): the file is good, and a later import of it may show as
 *   conflicts changes that are not
 *
 * As bespoke_xml_export().  The file is put in place first and the sync
 * mark written after (never the other way: a mark for a file that was
 * never written would hide changes made here from the next import).  On
 * %FALSE nothing is in place and no temporary file is left.
 */
gboolean
bespoke_xml_export_full (BespokeStore           *store,
                         BespokeXmlExportScope   scope,
                         const char * const     *uuids,
                         const char             *path,
                         GError                **warning,
                         GError                **error)
{
  Snapshot snapshot;
  gint64 started;
  gboolean ok;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scope == BESPOKE_XML_EXPORT_ALL || uuids != NULL, FALSE);

  /* this database's replica id, bound to its path on first use */
  g_free (bespoke_store_dup_replica_id (store, NULL));
  started = g_get_real_time ();
  if (!_bespoke_xml_snapshot_take (store, scope, &snapshot, error))
    return FALSE;
  ok = _bespoke_xml_export_write (&snapshot, scope, uuids, path, NULL, error);
  _bespoke_xml_snapshot_release (&snapshot);
  if (ok && !_bespoke_xml_export_mark (store, scope, uuids, started, warning))
    g_prefix_error (warning, _("“%s” was written, but the database could not record the export: "), path);
  return ok;
}
