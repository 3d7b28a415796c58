/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-store.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-progress.h"

G_BEGIN_DECLS

/* A long export with progress and Cancel, sealed or not.  The people are
 * read on connections of the export's own, in read transactions on one
 * snapshot of the database, so the write lock is held only for the moment
 * they take to start, and the caller's connection goes on saving (the
 * window's autosave) while the file is written. */

/**
 * bespoke_xml_export_with_progress:
 * @passphrase: (nullable): seal the file with it (see bespoke-seal.h), or
 *   %NULL for a plain exchange file
 * @progress: (nullable): told how many people are written, from the
 *   calling thread
 * @cancellable: (nullable): stops the export between one person and the
 *   next; then %FALSE with %G_IO_ERROR_CANCELLED
 * @warning: (nullable): as bespoke_xml_export_full(): set when the file is
 *   in place but the export's sync mark could not be written
 *
 * As bespoke_xml_export_full(), sealed or not, with progress and Cancel.
 * On %FALSE nothing is in place, no temporary file is left and the sync
 * marks are as they were.
 */
gboolean  bespoke_xml_export_with_progress (BespokeStore           *store,
                                        BespokeXmlExportScope   scope,
                                        const char * const     *uuids,
                                        const char             *path,
                                        const char             *passphrase,
                                        BespokeXmlProgressFunc  progress,
                                        gpointer                progress_data,
                                        GCancellable           *cancellable,
                                        GError                **warning,
                                        GError                **error);

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
 * the caller (the window) goes on while it runs, and saves; the caller's
 * thread does no more than start it.  Call bespoke_xml_export_finish() in
 * @callback.  A Cancel that comes once the file is in place does not take
 * it away: the export finished.
 */
void      bespoke_xml_export_async     (BespokeStore           *store,
                                        BespokeXmlExportScope   scope,
                                        const char * const     *uuids,
                                        const char             *path,
                                        const char             *passphrase,
                                        BespokeXmlProgressFunc  progress,
                                        gpointer                progress_data,
                                        GDestroyNotify          progress_destroy,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data);

/**
 * bespoke_xml_export_finish:
 * @warning: (nullable): as bespoke_xml_export_with_progress()
 *
 * Ends bespoke_xml_export_async(), on the caller's thread and connection:
 * writes the export's sync mark if the file is in place.
 */
gboolean  bespoke_xml_export_finish    (BespokeStore           *store,
                                        GAsyncResult           *result,
                                        GError                **warning,
                                        GError                **error);

G_END_DECLS
