/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-store.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-progress.h"

G_BEGIN_DECLS

/* A long export with progress and Cancel, sealed or not, reading a
 * snapshot on connections of its own (bespoke-export-job.c) */

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
gboolean  bespoke_xml_export_finish    (BespokeStore           *store,
                                        GAsyncResult           *result,
                                        GError                **warning,
                                        GError                **error);

G_END_DECLS
