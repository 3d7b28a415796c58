/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BespokeXmlProgressFunc:
 * @done: the people written (an export) or read (an import) so far
 * @total: the people there are in all: in the export's snapshot of the
 *   database, or in the file being imported
 * @user_data: what the caller passed with the function
 *
 * How far a long export or import has come.  It is called from the thread
 * doing the work (not necessarily the caller's), a few times a second at
 * most and once more at the end, with @done never above @total.  When
 * every person is written and what is left can no longer be cancelled
 * (sealing the file), an export calls it once with @done
 * %BESPOKE_XML_PROGRESS_FINISHING.
 */
typedef void (*BespokeXmlProgressFunc) (guint64  done,
                                        guint64  total,
                                        gpointer user_data);

#define BESPOKE_XML_PROGRESS_FINISHING G_MAXUINT64

char *bespoke_xml_progress_describe (guint64 done,
                                     guint64 total);

G_END_DECLS
