/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#endif

#include "bespoke-record.h"
#include "bespoke-store.h"
#include "bespoke-xml-import-private.h"
#include "bespoke-xml-schema.h"

static void
import_clear (Import *self)
{
  _bespoke_xml_seen_close (self);
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
  g_free (conflict->scope);
  g_clear_object (&conflict->file_record);
  g_free (conflict);
}

void
bespoke_xml_import_report_free (BespokeXmlImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->conflicts);
  g_clear_pointer (&report->changes, g_ptr_array_unref);
  g_clear_pointer (&report->owners, g_hash_table_unref);
  g_clear_pointer (&report->change_index, g_hash_table_unref);
  g_free (report->change_owner);
  g_clear_pointer (&report->removed_index, g_hash_table_unref);
  g_free (report);
}

/* Fewer entries than this are freed at once, where they are let go */
#define REPORT_FREE_IN_PLACE 1000

static gpointer
report_free_thread (gpointer data)
{
#ifdef __linux__
  /* housekeeping: the window's thread, and the display server it waits
   * on, come first (on Linux the nice value is the calling thread's) */
  if (setpriority (PRIO_PROCESS, 0, 19) != 0)
    g_debug ("Could not lower the priority of freeing a report: %s", g_strerror (errno));
#endif
  bespoke_xml_import_report_free (data);
  return NULL;
}

/**
 * bespoke_xml_import_report_free_in_thread:
 *
 * Frees @report as bespoke_xml_import_report_free() does, but a large one
 * on a thread of its own: a report of 100,000 people holds hundreds of
 * thousands of blocks, and freeing them held the window's main loop for
 * about a second (issue #13).  Nothing else may use @report afterwards;
 * its conflicts' records must not be shown any more.
 */
void
bespoke_xml_import_report_free_in_thread (BespokeXmlImportReport *report)
{
  guint entries;
  GThread *thread;

  if (report == NULL)
    return;
  /* the changes kept are few (BESPOKE_XML_IMPORT_CHANGES_KEPT) and the
   * owners one; what grows with the file is its conflicts and deletions */
  entries = report->conflicts->len + (report->changes != NULL ? report->changes->len : 0) +
            (report->owners != NULL ? g_hash_table_size (report->owners) : 0) +
            (report->removed_index != NULL ? g_hash_table_size (report->removed_index) : 0);
  if (entries < REPORT_FREE_IN_PLACE ||
      (thread = g_thread_try_new ("bespoke-report-free", report_free_thread, report, NULL)) == NULL)
    {
      bespoke_xml_import_report_free (report);
      return;
    }
  g_thread_unref (thread);
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
  ok = _bespoke_xml_seen_open (&self, error) && _bespoke_xml_read_document (&self, path, error);
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
  return bespoke_xml_import_with_conflicts (store, path, flags, cancellable, NULL, error);
}

/**
 * bespoke_xml_import_with_conflicts:
 * @conflicts_path: (nullable): where to write the file's versions of the
 *   records in conflict (bespoke_xml_import_write_conflicts()), if any
 *
 * As bespoke_xml_import_full(), writing the conflicts file before the
 * import is committed: if it cannot be written, the import is rolled back
 * and nothing has changed, so that an error always means "nothing saved".
 * A dry run writes no file.
 */
BespokeXmlImportReport *
bespoke_xml_import_with_conflicts (BespokeStore           *store,
                                   const char             *path,
                                   BespokeXmlImportFlags   flags,
                                   GCancellable           *cancellable,
                                   const char             *conflicts_path,
                                   GError                **error)
{
  return bespoke_xml_import_with_progress (store, path, flags, cancellable, conflicts_path, NULL, NULL, error);
}

/**
 * bespoke_xml_import_with_progress:
 * @progress: (nullable): told how many of the file's people have been
 *   read and merged, from the calling thread
 *
 * As bespoke_xml_import_with_conflicts(), telling @progress how far it has
 * come.  Cancelled part-way, it rolls back: the database is as it was.
 */
BespokeXmlImportReport *
bespoke_xml_import_with_progress (BespokeStore           *store,
                                  const char             *path,
                                  BespokeXmlImportFlags   flags,
                                  GCancellable           *cancellable,
                                  const char             *conflicts_path,
                                  BespokeXmlProgressFunc  progress,
                                  gpointer                progress_data,
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
  self.progress = progress;
  self.progress_data = progress_data;
  self.products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.now = g_get_real_time ();

  if (!_bespoke_xml_seen_open (&self, error) || !bespoke_store_begin_bulk (store, error))
    {
      import_clear (&self);
      return NULL;
    }
  self.mark_all = _bespoke_xml_mark_of (&self, BESPOKE_XML_SYNC_ALL);

  ok = _bespoke_xml_read_document (&self, path, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error);
  import_clear (&self);

  if (ok && !report->dry_run && conflicts_path != NULL && report->conflicts->len > 0)
    ok = bespoke_xml_import_write_conflicts (report, path, conflicts_path, error);
  if (!ok || report->dry_run)
    {
      bespoke_store_rollback (store);
      return ok ? g_steal_pointer (&report) : NULL;
    }
  if (!bespoke_store_commit (store, error))
    {
      if (conflicts_path != NULL && report->conflicts->len > 0)
        g_unlink (conflicts_path);
      return NULL;
    }
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
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *summary = NULL;

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
  summary = g_strdup_printf (_("%s, %s, %s (%s, %s)"), a, b, c, d, e);
  if (report->deleted > 0)
    {
      g_autofree char *f = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deleted", "%u deleted", report->deleted),
                                            report->deleted);
      /* Translators: the summary above, then "2 deleted" */
      return g_strdup_printf (_("%s, %s"), summary, f);
    }
  return g_steal_pointer (&summary);
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
  if (conflict->deleted_in_file)
    {
      /* deleted, later than the copy kept here, so that it stays deleted
       * wherever that copy went */
      gint64 at = MAX (MAX (g_get_real_time (), conflict->deleted_at), bespoke_record_get_modified_at (record) + 1);

      bespoke_store_note_change (store, BESPOKE_TYPE_RECORD, NULL);
      if (!bespoke_store_delete_imported (store, G_OBJECT_TYPE (record), conflict->uuid, conflict->scope, at, error))
        goto fail;
      return bespoke_store_commit (store, error);
    }
  if ((conflict->deleted_here && !bespoke_store_drop_tombstone (store, conflict->uuid, error)) ||
      !bespoke_store_save_imported (store, record, error) ||
      !bespoke_store_set_sync_mark (store, bespoke_record_get_uuid (record),
                                    bespoke_record_get_modified_at (record), error))
    goto fail;
  return bespoke_store_commit (store, error);

fail:
  bespoke_store_rollback (store);
  return FALSE;
}

/**
 * bespoke_xml_conflict_keep_database_version:
 *
 * Resolves @conflict this database's way, so that the choice travels: the
 * copy here is saved again (a later modified time than the file's), or,
 * for a record deleted here, the deletion is made later than the file's
 * copy.  The next file from here then wins on the other computer, where
 * the record is unchanged since (otherwise it is a conflict there too).
 */
gboolean
bespoke_xml_conflict_keep_database_version (BespokeStore        *store,
                                            BespokeXmlConflict  *conflict,
                                            GError             **error)
{
  BespokeRecord *theirs;
  g_autoptr(BespokeRecord) ours = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (conflict != NULL && conflict->file_record != NULL, FALSE);

  theirs = conflict->file_record;
  if (conflict->deleted_here)
    {
      BespokeRecordClass *klass = BESPOKE_RECORD_GET_CLASS (theirs);
      gint64 at = MAX (g_get_real_time (), bespoke_record_get_modified_at (theirs) + 1);

      return bespoke_store_put_tombstone (store, conflict->uuid, klass->table, conflict->scope, at, error);
    }
  if (!(ours = bespoke_store_load (store, G_OBJECT_TYPE (theirs), conflict->uuid, error)))
    return FALSE;
  if (bespoke_record_get_modified_at (ours) <= bespoke_record_get_modified_at (theirs))
    bespoke_record_set_modified_at (ours, bespoke_record_get_modified_at (theirs));
  return bespoke_store_save (store, ours, error);
}
