/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Not installed, and not for the UI: everything else goes through records.
 *
 * The first part is for the core's bulk readers (the XML export), which
 * read rows straight into their output instead of building a record per
 * row.  The second part is for the store's own files (bespoke-store*.c),
 * which share one instance struct, as GNOME Text Editor's window does. */

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

/* ---- only for the store's own files (bespoke-store*.c) ---------------- */

/* The most memory, in KiB, SQLite's page cache of a store's connection
 * takes (PRAGMA cache_size; bespoke_store_set_bulk_cache() raises it). */
#define BESPOKE_STORE_PAGE_CACHE_KIB 2048

struct _BespokeStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *read_only_reason;
  int         schema_version;
  guint       transaction_depth;
  gboolean    bulk;        /* in bespoke_store_begin_bulk(): no savepoint per write */
  GHashTable *statements;  /* char* SQL -> sqlite3_stmt* */
  GHashTable *class_sql;   /* GType -> BespokeClassSql*, built once per record class */
  GArray     *pending;     /* ChangeNote, emitted on commit */
};

/* The SQL for one record class, written once from its properties. */
typedef struct
{
  char *columns;  /* "uuid, modified_at, …" */
  char *upsert;
  char *load;
  char *remove;
  char *list;
  char *list_children;
  char *count;
} BespokeClassSql;

/* bespoke-store.c: the connection, statements and signals */
gboolean      _bespoke_store_open_db           (BespokeStore  *self,
                                                int            flags,
                                                GError       **error);
gboolean      _bespoke_store_prepare_file      (const char    *path,
                                                gboolean      *out_existed,
                                                GError       **error);
sqlite3_stmt *_bespoke_store_prepare           (BespokeStore  *self,
                                                const char    *sql,
                                                GError       **error);
gboolean      _bespoke_store_exec              (BespokeStore  *self,
                                                const char    *sql,
                                                GError       **error);
gboolean      _bespoke_store_db_error          (BespokeStore  *self,
                                                GError       **error,
                                                const char    *what);
void          _bespoke_store_emit_changed      (BespokeStore  *self,
                                                GType          type,
                                                const char    *uuid);
void          _bespoke_store_emit_committed    (BespokeStore  *self);

/* bespoke-store-transactions.c: one write each, in a transaction or a
 * savepoint of the caller's; changes noted for commit */
GArray       *_bespoke_store_pending_new       (void);
gboolean      _bespoke_store_check_writable    (BespokeStore  *self,
                                                GError       **error);
gboolean      _bespoke_store_write_begin       (BespokeStore  *self,
                                                GError       **error);
void          _bespoke_store_write_abort       (BespokeStore  *self);
gboolean      _bespoke_store_write_commit      (BespokeStore  *self,
                                                GError       **error);
void          _bespoke_store_queue_change      (BespokeStore  *self,
                                                GType          type,
                                                const char    *uuid);

/* bespoke-store-records.c: the record mapper */
void          _bespoke_store_class_sql_free    (gpointer       data);
const BespokeClassSql *
              _bespoke_store_class_sql         (BespokeStore  *self,
                                                GType          type);
BespokeRecord *_bespoke_store_read_record      (GType          type,
                                                sqlite3_stmt  *stmt,
                                                GError       **error);
GPtrArray    *_bespoke_store_collect           (BespokeStore  *self,
                                                GType          type,
                                                sqlite3_stmt  *stmt,
                                                GError       **error);

/* bespoke-store-audit.c: a deletion in the audit trail */
gboolean      _bespoke_store_audit_deletion    (BespokeStore  *self,
                                                BespokeRecord *record,
                                                GError       **error);

/* bespoke-store-people.c: the name search index */
gboolean      _bespoke_store_index_person      (BespokeStore  *self,
                                                BespokePerson *person,
                                                GError       **error);
gboolean      _bespoke_store_index_names       (BespokeStore  *self,
                                                const char    *uuid,
                                                const char    *name,
                                                const char    *preferred_name,
                                                GError       **error);

/* bespoke-store-tombstones.c: in the caller's write */
gboolean      _bespoke_store_put_tombstone     (BespokeStore  *self,
                                                const char    *uuid,
                                                const char    *kind,
                                                const char    *scope,
                                                gint64         deleted_at,
                                                GError       **error);
gboolean      _bespoke_store_drop_tombstone    (BespokeStore  *self,
                                                const char    *uuid,
                                                GError       **error);
char         *_bespoke_store_scope_of          (BespokeStore  *self,
                                                BespokeRecord *record);
char         *_bespoke_store_replica_id        (BespokeStore  *self,
                                                GError       **error);

G_END_DECLS
