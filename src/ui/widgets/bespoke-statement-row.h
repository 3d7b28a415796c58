/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-statement.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_STATEMENT_ROW (bespoke_statement_row_get_type ())

G_DECLARE_FINAL_TYPE (BespokeStatementRow, bespoke_statement_row, BESPOKE, STATEMENT_ROW, GtkListBoxRow)

GtkWidget        *bespoke_statement_row_new           (BespokeStatement    *statement,
                                                       gboolean             editable);
BespokeStatement *bespoke_statement_row_get_statement (BespokeStatementRow *self);
void              bespoke_statement_row_start_editing (BespokeStatementRow *self);
gboolean          bespoke_statement_row_get_editing   (BespokeStatementRow *self);

G_END_DECLS
