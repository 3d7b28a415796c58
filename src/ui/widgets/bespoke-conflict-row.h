/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-store.h"
#include "bespoke-xml-import.h"

G_BEGIN_DECLS

typedef enum
{
  BESPOKE_IMPORT_KEEP_OURS,    /* the copy in this database stays */
  BESPOKE_IMPORT_TAKE_THEIRS,  /* the file's copy replaces it */
} BespokeImportChoice;

#define BESPOKE_TYPE_CONFLICT_ROW (bespoke_conflict_row_get_type ())

G_DECLARE_FINAL_TYPE (BespokeConflictRow, bespoke_conflict_row, BESPOKE, CONFLICT_ROW, GtkListBoxRow)

GtkWidget           *bespoke_conflict_row_new        (BespokeStore        *store,
                                                      BespokeXmlConflict  *conflict);
const char          *bespoke_conflict_row_get_uuid   (BespokeConflictRow  *self);
BespokeImportChoice  bespoke_conflict_row_get_choice (BespokeConflictRow  *self);
GtkWidget           *bespoke_conflict_row_get_button (BespokeConflictRow  *self,
                                                      BespokeImportChoice  choice);

G_END_DECLS
