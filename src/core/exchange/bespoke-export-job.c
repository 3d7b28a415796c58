/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-export"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bespoke-export-job.h"
#include "bespoke-seal.h"
#include "bespoke-xml-export-private.h"

/* A long export, sealed or not: its snapshot (bespoke-xml-export-snapshot.c),
 * its progress and Cancel, and the export on a thread of its own while the
 * caller's connection goes on saving (the window's autosave).  The sync
 * mark is written on the caller's thread and connection once the file is
 * in place.  A module of its own: it calls both the export and sealing,
 * which calls the export. */

/* ---- the whole export, on whichever thread ----------------------------- */

typedef struct
{
  Snapshot               snapshot;
  BespokeXmlExportScope  scope;
  char                 **uuids;
  char                  *path;
  char                  *passphrase;  /* NULL: not sealed */
  Progress               progress;
  GDestroyNotify         progress_destroy;
  gint64                 started;
  char                  *database;  /* the file, for the thread's own connection */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  _bespoke_xml_snapshot_release (&job->snapshot);
  g_strfreev (job->uuids);
  g_free (job->path);
  g_free (job->database);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  if (job->progress_destroy != NULL)
    job->progress_destroy (job->progress.data);
  g_clear_object (&job->progress.cancellable);
  g_free (job);
}

static gboolean
write_plain_cb (const char  *plain_path,
                gpointer     user_data,
                GError     **error)
{
  Job *job = user_data;
  gboolean ok = _bespoke_xml_export_write (&job->snapshot, job->scope, (const char * const *) job->uuids,
                                           plain_path, &job->progress, error);

  /* sealing comes next, and cannot be stopped part-way */
  if (ok && !_bespoke_xml_progress_cancelled (&job->progress, error) && job->progress.func != NULL)
    job->progress.func (BESPOKE_XML_PROGRESS_FINISHING, job->progress.total, job->progress.data);
  return ok && !g_cancellable_is_cancelled (job->progress.cancellable);
}

/* The file, sealed or not; the snapshot's connections only */
static gboolean
job_run (Job     *job,
         GError **error)
{
  gboolean ok;

  if (job->passphrase != NULL)
    ok = bespoke_seal_export_with (job->path, job->passphrase, NULL, write_plain_cb, job, error);
  else
    ok = _bespoke_xml_export_write (&job->snapshot, job->scope, (const char * const *) job->uuids,
                                    job->path, &job->progress, error);
  /* the read transactions end here, on the thread that used them */
  _bespoke_xml_snapshot_release (&job->snapshot);
  return ok;
}

static Job *
job_new (BespokeStore           *store,
         BespokeXmlExportScope   scope,
         const char * const     *uuids,
         const char             *path,
         const char             *passphrase,
         BespokeXmlProgressFunc  progress,
         gpointer                progress_data,
         GDestroyNotify          progress_destroy,
         GCancellable           *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->scope = scope;
  job->uuids = g_strdupv ((char **) uuids);
  job->path = g_strdup (path);
  job->passphrase = g_strdup (passphrase);
  job->database = g_strdup (bespoke_store_get_path (store));
  job->progress.func = progress;
  job->progress.data = progress_data;
  job->progress_destroy = progress_destroy;
  job->progress.cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  return job;
}

/* The replica id and the snapshot, through @store: the caller's, or (on
 * the export's thread) a connection of the thread's own */
static gboolean
job_prepare (Job           *job,
             BespokeStore  *store,
             GError       **error)
{
  if (job->passphrase != NULL && !bespoke_seal_check_passphrase (job->passphrase, error))
    return FALSE;
  /* this database's replica id, bound to its path on first use */
  g_free (bespoke_store_dup_replica_id (store, NULL));
  job->started = g_get_real_time ();
  if (!_bespoke_xml_snapshot_take (store, job->scope, &job->snapshot, error))
    return FALSE;
  if (job->scope == BESPOKE_XML_EXPORT_ALL)
    job->progress.total = job->snapshot.people;
  else if (job->scope == BESPOKE_XML_EXPORT_PEOPLE)
    job->progress.total = g_strv_length (job->uuids);
  return TRUE;
}

/**
 * bespoke_xml_export_with_progress:
 * @passphrase: (nullable): seal the file with it (see bespoke-seal.h), or
 *   %NULL for a plain exchange file
 * @progress: (nullable): told how many people are written, from the
 *   calling thread
 * @cancellable: (nullable): stops the export between one person and the
 *   next; then %FALSE with %G_IO_ERROR_CANCELLED
 *
 * As bespoke_xml_export_full(), sealed or not.  The people are read on
 * connections of the export's own, so the database's write lock is held
 * only for the moment it takes them to start.  On %FALSE nothing is in
 * place, no temporary file is left and the sync marks are as they were.
 */
gboolean
bespoke_xml_export_with_progress (BespokeStore           *store,
                                  BespokeXmlExportScope   scope,
                                  const char * const     *uuids,
                                  const char             *path,
                                  const char             *passphrase,
                                  BespokeXmlProgressFunc  progress,
                                  gpointer                progress_data,
                                  GCancellable           *cancellable,
                                  GError                **warning,
                                  GError                **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scope == BESPOKE_XML_EXPORT_ALL || uuids != NULL, FALSE);

  job = job_new (store, scope, uuids, path, passphrase, progress, progress_data, NULL, cancellable);
  ok = job_prepare (job, store, error) && job_run (job, error);
  if (ok && !_bespoke_xml_export_mark (store, scope, uuids, job->started, warning))
    g_prefix_error (warning, _("“%s” was written, but the database could not record the export: "), path);
  job_free (job);
  return ok;
}

/* On the export's thread: everything, on connections of its own (the
 * write lock for the snapshot's moment too), so that the caller's thread
 * does no more than start it */
static void
export_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (job->database, &error);
  gboolean prepared;

  prepared = store != NULL && job_prepare (job, store, &error);
  g_clear_object (&store);
  if (prepared && job_run (job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * bespoke_xml_export_async:
 * @progress: (nullable): told how many people are written, from the
 *   export's thread: the caller passes it on to its own
 * @progress_destroy: (nullable): frees @progress_data when the export is
 *   done with it
 * @callback: called on the caller's thread when the file is in place, or
 *   nothing is
 *
 * As bespoke_xml_export_with_progress(), on a thread of its own, so that
 * the caller (the window) goes on while it runs, and saves: the export
 * holds the database's write lock only for the moment its connections take
 * to start.  Call bespoke_xml_export_finish() in @callback.  A Cancel that
 * comes once the file is in place does not take it away: the export
 * finished.
 */
void
bespoke_xml_export_async (BespokeStore           *store,
                          BespokeXmlExportScope   scope,
                          const char * const     *uuids,
                          const char             *path,
                          const char             *passphrase,
                          BespokeXmlProgressFunc  progress,
                          gpointer                progress_data,
                          GDestroyNotify          progress_destroy,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Job *job;

  g_return_if_fail (BESPOKE_IS_STORE (store));
  g_return_if_fail (path != NULL);
  g_return_if_fail (scope == BESPOKE_XML_EXPORT_ALL || uuids != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, bespoke_xml_export_async);
  /* the thread's own answer: a file in place stays, and is marked */
  g_task_set_check_cancellable (task, FALSE);

  job = job_new (store, scope, uuids, path, passphrase, progress, progress_data, progress_destroy, cancellable);
  g_task_set_task_data (task, job, job_free);
  if (g_str_equal (job->database, ":memory:"))
    {
      /* an in-memory database: its one connection is the caller's, so
       * the export runs here */
      if (job_prepare (job, store, &error) && job_run (job, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, export_thread_cb);
}

/**
 * bespoke_xml_export_finish:
 * @warning: (nullable): as bespoke_xml_export_full()
 *
 * Ends bespoke_xml_export_async(), on the caller's thread: writes the sync
 * mark if the file is in place.
 */
gboolean
bespoke_xml_export_finish (BespokeStore  *store,
                           GAsyncResult  *result,
                           GError       **warning,
                           GError       **error)
{
  Job *job;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (!_bespoke_xml_export_mark (store, job->scope, (const char * const *) job->uuids, job->started, warning))
    g_prefix_error (warning, _("“%s” was written, but the database could not record the export: "), job->path);
  return TRUE;
}
