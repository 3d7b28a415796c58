/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A spreadsheet file as Excel and LibreOffice Calc open it without asking:
 * UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting, and text
 * cells that a spreadsheet would read as a formula defused with a leading
 * apostrophe. */
typedef struct _BespokeCsv BespokeCsv;

BespokeCsv *bespoke_csv_new        (void);
void        bespoke_csv_free       (BespokeCsv  *self);
void        bespoke_csv_add_text   (BespokeCsv  *self,
                                    const char  *text);
void        bespoke_csv_add_money  (BespokeCsv  *self,
                                    gint64       pence);
void        bespoke_csv_add_number (BespokeCsv  *self,
                                    const char  *number);
void        bespoke_csv_end_row    (BespokeCsv  *self);
GBytes     *bespoke_csv_finish     (BespokeCsv  *self);

char       *bespoke_csv_defuse     (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeCsv, bespoke_csv_free)

G_END_DECLS
