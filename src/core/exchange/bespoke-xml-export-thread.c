/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-export"
#define _GNU_SOURCE  /* sync_file_range() */

#include "config.h"

#include <fcntl.h>
#include <libxml/xmlwriter.h>

#include "bespoke-xml-export-private.h"

/* The export's text goes to the file in chunks: the producer (the main
 * thread, or a worker writing people) fills one while a thread of its own
 * writes the last to the file, and a written chunk comes home to be filled
 * again, so that memory stays flat whatever the size of the file. */

const int _bespoke_xml_end_marker;

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
void
_bespoke_xml_pool_init (Export *self,
                        guint   n)
{
  self->empty = g_async_queue_new_full (chunk_free);
  for (guint i = 0; i < n; i++)
    g_async_queue_push (self->empty, chunk_new (self->empty));
  self->chunk = g_async_queue_pop (self->empty);
  self->out = self->chunk->text;
}

void
_bespoke_xml_pool_clear (Export *self,
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

/* The file is written by a thread of its own, so that the kernel's
 * copying of one buffer overlaps the reading and escaping of the next.
 * Only this thread touches the file between the root's start tag and its
 * end. */
#define WRITEBACK_EVERY (16 * 1024 * 1024)

/* The first chunk goes through the writer, which ends the root's start
 * tag before it (left open until then, so that an empty export is
 * "<bespoke …/>"), and is flushed.  Nothing else writes until the thread
 * ends, so the others go straight to the file: the text is UTF-8 already,
 * and libxml2 would only copy it through its encoder into its buffer. */
static gboolean
write_chunk (Export  *self,
             Chunk   *chunk,
             gboolean first)
{
  if (first)
    return xmlTextWriterWriteRawLen (self->writer, BAD_CAST chunk->text->str, (int) chunk->text->len) >= 0 &&
           xmlTextWriterFlush (self->writer) >= 0;
  return _bespoke_xml_export_write_raw (self, chunk->text->str, chunk->text->len);
}

gpointer
_bespoke_xml_writer_thread (gpointer data)
{
  Export *self = data;
  gsize since_writeback = 0;
  gboolean first = TRUE;

  _bespoke_xml_export_quiet_libxml ();

  for (;;)
    {
      Chunk *chunk = g_async_queue_pop (self->full);

      if (chunk == END)
        break;
      if (!g_atomic_int_get (self->write_failed) && !write_chunk (self, chunk, first))
        g_atomic_int_set (self->write_failed, 1);
      first = FALSE;
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
void
_bespoke_xml_out_flush (Export  *self,
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
