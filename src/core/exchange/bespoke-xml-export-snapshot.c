/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-export"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bespoke-error.h"
#include "bespoke-store-private.h"
#include "bespoke-xml-export-private.h"

/* What a long export reads, and how it tells its progress and stops.
 *
 * The snapshot is taken under the write lock for
 * only as long as it takes the export's own connections to start their
 * read transactions: with the lock held nothing can be committed in
 * between, so every connection sees the same database.  The lock is then
 * let go, and in WAL mode the readers keep their snapshot however much is
 * written meanwhile.  The sync mark is written on the caller's thread and
 * connection once the file is in place. */

#define REPORT_EVERY_USEC (50 * 1000)

/* Starts @store's read transaction, with the people counted in it (the
 * first read fixes a WAL snapshot) */
static gboolean
start_reading (BespokeStore  *store,
               guint64       *people,
               GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!bespoke_store_begin_read (store, FALSE, error))
    return FALSE;
  stmt = _bespoke_store_prepare (store, "SELECT count(*) FROM people", error);
  if (stmt == NULL)
    {
      bespoke_store_end_read (store);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *people = (guint64) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _bespoke_store_db_error (store, error, _("Reading the database"));
      bespoke_store_end_read (store);
      return FALSE;
    }
  return TRUE;
}

static void
drop_workers (Snapshot *snapshot)
{
  for (guint k = 0; k < N_WORKERS; k++)
    g_clear_object (&snapshot->workers[k]);
}

/**
 * _bespoke_xml_snapshot_take:
 *
 * Opens the export's connections on @store's file and starts their read
 * transactions on one snapshot; on the caller's thread, as it may take
 * @store's write lock for a moment.  A whole export of a database that can
 * be written gets two workers' connections for the people.  An in-memory
 * database has no second connection: the snapshot is then @store's own
 * read transaction (or the caller's, if one is open), on its thread.
 */
gboolean
_bespoke_xml_snapshot_take (BespokeStore          *store,
                            BespokeXmlExportScope  scope,
                            Snapshot              *snapshot,
                            GError               **error)
{
  gboolean locked = FALSE;
  guint64 people = 0;

  memset (snapshot, 0, sizeof *snapshot);
  snapshot->reader = bespoke_store_open_reader (store, NULL);
  snapshot->own = snapshot->reader != NULL;
  if (!snapshot->own)
    {
      snapshot->reader = g_object_ref (store);
      /* fails if the caller has a transaction open: it is the snapshot */
      snapshot->began = start_reading (store, &snapshot->people, NULL);
      return TRUE;
    }

  if (scope == BESPOKE_XML_EXPORT_ALL && !bespoke_store_get_read_only (store))
    {
      for (guint k = 0; k < N_WORKERS; k++)
        if ((snapshot->workers[k] = bespoke_store_open_reader (store, NULL)) == NULL)
          {
            drop_workers (snapshot);
            break;
          }
      /* refused if the caller has a transaction open: then one connection
       * reads everything, which is one snapshot by itself */
      locked = snapshot->workers[0] != NULL && bespoke_store_begin_read (store, TRUE, NULL);
      if (!locked)
        drop_workers (snapshot);
    }

  snapshot->began = start_reading (snapshot->reader, &snapshot->people, error);
  for (guint k = 0; snapshot->began && k < N_WORKERS && snapshot->workers[k] != NULL; k++)
    if (!start_reading (snapshot->workers[k], &people, NULL))
      {
        for (guint j = 0; j < k; j++)
          bespoke_store_end_read (snapshot->workers[j]);
        drop_workers (snapshot);
      }
  if (locked)
    bespoke_store_end_read (store);
  if (!snapshot->began)
    {
      _bespoke_xml_snapshot_release (snapshot);
      return FALSE;
    }
  return TRUE;
}

void
_bespoke_xml_snapshot_release (Snapshot *snapshot)
{
  for (guint k = 0; k < N_WORKERS; k++)
    if (snapshot->workers[k] != NULL)
      bespoke_store_end_read (snapshot->workers[k]);
  drop_workers (snapshot);
  if (snapshot->began)
    bespoke_store_end_read (snapshot->reader);
  snapshot->began = FALSE;
  g_clear_object (&snapshot->reader);
}

/* Tells the caller how far the people have come: at most every 50 ms, or
 * now if @force */
void
_bespoke_xml_progress_report (Progress *progress,
                              gboolean  force)
{
  gint64 now;
  guint64 done;

  if (progress->func == NULL || progress->total == 0)
    return;
  now = g_get_monotonic_time ();
  if (!force && now - progress->reported_at < REPORT_EVERY_USEC)
    return;
  progress->reported_at = now;
  done = (guint64) g_atomic_int_get (&progress->done);
  progress->func (MIN (done, progress->total), progress->total, progress->data);
}

gboolean
_bespoke_xml_progress_cancelled (Progress  *progress,
                                 GError   **error)
{
  return g_cancellable_set_error_if_cancelled (progress->cancellable, error);
}

