/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the export's files, and by nothing else:
 * - bespoke-xml-export.c: what a whole export, a menu or some people
 *   read (rows of the store, person by person) and the file;
 * - bespoke-xml-export-record.c: the one serialiser, a record from its
 *   table of columns, from a row or from a record object;
 * - bespoke-xml-export-thread.c: the buffers, and the thread that writes
 *   them to the file while the next is filled. */

#include <libxml/xmlwriter.h>
#include <sqlite3.h>
#include <string.h>

#include "bespoke-record.h"
#include "bespoke-store.h"
#include "bespoke-xml-columns.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-progress.h"

G_BEGIN_DECLS

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

/* A query for rows of one record class.  A merged one reads the children
 * of every parent from its bound UUID on, by parent (see rows_from()), so
 * that parents read in UUID order take their children from one query. */
typedef struct
{
  const BespokeXmlColumns *columns;
  sqlite3_stmt            *stmt;
  gboolean                 merged;
  gboolean                 placed;   /* merged: bound and stepped since the
                                      * parents last jumped (rows_unplace()) */
  gboolean                 has_row;  /* placed: stmt holds a row */
  gboolean                 pending;  /* that row is not yet handed out */
} Rows;

#define N_WORKERS 2  /* threads writing a whole export's people */

/* What the export reads: connections of its own, each in a read
 * transaction on one snapshot of the database, taken under the write lock
 * for only as long as it takes to start them (bespoke-xml-export-task.c),
 * so that the window's saves go on while the file is written. */
typedef struct
{
  BespokeStore *reader;              /* the providers, homes and deletions; the
                                      * people too when there are no workers */
  BespokeStore *workers[N_WORKERS];  /* a whole export's people, or all NULL */
  gboolean      own;                 /* reader is a connection of its own, not
                                      * the caller's (an in-memory database) */
  gboolean      began;               /* reader is in a read transaction */
  guint64       people;              /* in the snapshot */
} Snapshot;

/* How far the people have come, and whether to stop */
typedef struct
{
  BespokeXmlProgressFunc  func;
  gpointer                data;
  GCancellable           *cancellable;
  guint64                 total;
  int                     done;         /* atomic: people written */
  gint64                  reported_at;  /* monotonic time of the last call */
} Progress;

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
  int               write_errno;   /* the first write's failure, for the message */
  Progress         *progress;      /* NULL: no one is told, nothing stops it */
  BespokeStore    **workers;       /* the snapshot's, for the people */
} Export;

/* A buffer of the file's text, and the queue it goes back to once written */
typedef struct _Chunk
{
  GString     *text;
  GAsyncQueue *home;
} Chunk;

#define N_BUFFERS 3  /* per producer, in flight at once: memory stays flat */

#define END ((gpointer) &_bespoke_xml_end_marker)
extern const int _bespoke_xml_end_marker;

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

/* bespoke-xml-export-record.c */
void     _bespoke_xml_row_begin        (Export       *self,
                                        Rows         *rows);
void     _bespoke_xml_caches_init      (Export       *self);
void     _bespoke_xml_caches_clear     (Export       *self);

/* bespoke-xml-export-thread.c */
void     _bespoke_xml_pool_init        (Export       *self,
                                        guint         n);
void     _bespoke_xml_pool_clear       (Export       *self,
                                        guint         n);
gpointer _bespoke_xml_writer_thread    (gpointer      data);
void     _bespoke_xml_out_flush        (Export       *self,
                                        gboolean      force);

/* bespoke-xml-export.c */
gboolean _bespoke_xml_export_write     (Snapshot              *snapshot,
                                        BespokeXmlExportScope  scope,
                                        const char * const    *uuids,
                                        const char            *path,
                                        Progress              *progress,
                                        GError               **error);
gboolean _bespoke_xml_export_mark      (BespokeStore          *store,
                                        BespokeXmlExportScope  scope,
                                        const char * const    *uuids,
                                        gint64                 when,
                                        GError               **error);

/* bespoke-xml-export-task.c */
gboolean _bespoke_xml_snapshot_take    (BespokeStore          *store,
                                        BespokeXmlExportScope  scope,
                                        Snapshot              *snapshot,
                                        GError               **error);
void     _bespoke_xml_snapshot_release (Snapshot              *snapshot);
void     _bespoke_xml_progress_report  (Progress              *progress,
                                        gboolean               force);
gboolean _bespoke_xml_progress_cancelled (Progress            *progress,
                                          GError             **error);

/* bespoke-xml-export-file.c */
int                _bespoke_xml_export_open_temp    (const char  *path,
                                                     char       **out_tmp,
                                                     GError     **error);
xmlOutputBufferPtr _bespoke_xml_export_output       (Export      *self);
void               _bespoke_xml_export_quiet_libxml (void);
gboolean           _bespoke_xml_export_write_raw    (Export      *self,
                                                     const char  *bytes,
                                                     gsize        length);
gboolean           _bespoke_xml_export_file_error   (const char  *path,
                                                     int          saved_errno,
                                                     GError     **error);

G_END_DECLS
