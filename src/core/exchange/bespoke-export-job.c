/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-export"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bespoke-export-job.h"
#include "bespoke-seal.h"
#include "bespoke-xml-export-private.h"

/* The API is documented in the header.  Here: a Job holds what one export
 * needs, on whichever thread runs it.  The snapshot is taken through a
 * connection (the caller's, or on the export's thread one of the thread's
 * own; bespoke-xml-export-snapshot.c), the file is written from the
 * snapshot's connections only, and the sync mark is written on the
 * caller's thread and connection once the file is in place.  A module of
 * its own because it calls both the export and sealing, which calls the
 * export. */

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

/* Everything through @store, on the caller's thread: the synchronous
 * export, and an in-memory database's, whose one connection is the
 * caller's */
static gboolean
job_export (Job           *job,
            BespokeStore  *store,
            GError       **error)
{
  return job_prepare (job, store, error) && job_run (job, error);
}

/* Once the file is in place: the sync mark, through the caller's
 * connection.  A failure is only a warning: the file is good. */
static void
job_mark (Job           *job,
          BespokeStore  *store,
          GError       **warning)
{
  if (!_bespoke_xml_export_mark (store, job->scope, (const char * const *) job->uuids, job->started, warning))
    g_prefix_error (warning, _("“%s” was written, but the database could not record the export: "), job->path);
}

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
  ok = job_export (job, store, error);
  if (ok)
    job_mark (job, store, warning);
  job_free (job);
  return ok;
}

/* On the export's thread: the snapshot too is taken through a connection
 * of the thread's own, closed as soon as the snapshot's have started */
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
  if (!g_str_equal (job->database, ":memory:"))
    g_task_run_in_thread (task, export_thread_cb);
  /* in memory: another connection would be another, empty, database */
  else if (job_export (job, store, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

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
  job_mark (job, store, warning);
  return TRUE;
}
