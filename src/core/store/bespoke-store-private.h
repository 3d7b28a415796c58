/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the core's own bulk readers (the XML export), which read rows
 * straight into their output instead of building a record per row.  Not
 * installed, and not for the UI: everything else goes through records. */

#include <sqlite3.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

typedef enum
{
  BESPOKE_ROWS_ALL,       /* every row, in the class's list order */
  BESPOKE_ROWS_BY_UUID,   /* every row, in UUID order */
  BESPOKE_ROWS_CHILDREN,  /* ?1 = the parent's UUID, in the class's list order */
  BESPOKE_ROWS_ONE,       /* ?1 = the row's UUID */
} BespokeRows;

BespokeStore *bespoke_store_open_reader  (BespokeStore  *self,
                                          GError       **error);
sqlite3_stmt *bespoke_store_prepare_rows (BespokeStore  *self,
                                          GType          type,
                                          BespokeRows    rows,
                                          GError       **error);

/* A consistent read across many queries (see bespoke_store_begin_read()) */
gboolean      bespoke_store_begin_read   (BespokeStore  *self,
                                          gboolean       lock_writers,
                                          GError       **error);
void          bespoke_store_end_read     (BespokeStore  *self);

/* Only for the store's own files (bespoke-store*.c) */
gboolean      _bespoke_store_exec        (BespokeStore  *self,
                                          const char    *sql,
                                          GError       **error);

G_END_DECLS
