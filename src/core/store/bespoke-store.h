/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-person.h"
#include "bespoke-record.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_STORE (bespoke_store_get_type ())

G_DECLARE_FINAL_TYPE (BespokeStore, bespoke_store, BESPOKE, STORE, GObject)

/* "BSPK": written to every Bespoke database's header by the first migration. */
#define BESPOKE_STORE_APPLICATION_ID 0x4253504b

typedef enum
{
  BESPOKE_PEOPLE_ALL,      /* everyone not archived, people before staff */
  BESPOKE_PEOPLE_CLIENTS,  /* the people Bespoke plans with */
  BESPOKE_PEOPLE_STAFF,    /* members of staff */
} BespokePeopleFilter;

char         *bespoke_store_default_path        (void);
BespokeStore *bespoke_store_open                (const char     *path,
                                                 GError        **error);

/* Opening a database whose search index a migration left to be built again
 * (about 60 s at 100,000 people): see bespoke-store-search-rebuild.c */
typedef enum
{
  BESPOKE_STORE_OPEN_DEFAULT            = 0,
  BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX = 1 << 0,  /* leave it to bespoke_store_rebuild_search() */
} BespokeStoreOpenFlags;

/* How far a long piece of work has come; called on the working thread.
 * The same shape as BespokeXmlProgressFunc, so one function serves both. */
typedef void (*BespokeStoreProgressFunc) (guint64  done,
                                          guint64  total,
                                          gpointer user_data);

/* bespoke_store_rebuild_search() reports after every this many people */
#define BESPOKE_STORE_REBUILD_PROGRESS_STEP 500
/* A rebuild for fewer people than this takes under half a second: a caller
 * may run it where it is, without progress; for more, on a thread with it */
#define BESPOKE_STORE_REBUILD_QUICK_PEOPLE 1000

BespokeStore *bespoke_store_open_full           (const char               *path,
                                                 BespokeStoreOpenFlags     flags,
                                                 GError                  **error);
gboolean      bespoke_store_search_rebuild_pending (BespokeStore          *self,
                                                 guint                    *out_people);
gboolean      bespoke_store_rebuild_search      (BespokeStore             *self,
                                                 BespokeStoreProgressFunc  progress,
                                                 gpointer                  progress_data,
                                                 GCancellable             *cancellable,
                                                 GError                  **error);
const char   *bespoke_store_get_path            (BespokeStore   *self);
gboolean      bespoke_store_get_read_only       (BespokeStore   *self);
const char   *bespoke_store_get_read_only_reason (BespokeStore  *self);
gint64        bespoke_store_get_data_version    (BespokeStore  *self,
                                                GError       **error);
int           bespoke_store_get_schema_version  (BespokeStore   *self);
int           bespoke_store_get_latest_schema   (void);

gboolean      bespoke_store_begin               (BespokeStore   *self,
                                                 GError        **error);
gboolean      bespoke_store_begin_bulk          (BespokeStore   *self,
                                                 GError        **error);
gboolean      bespoke_store_commit              (BespokeStore   *self,
                                                 GError        **error);
void          bespoke_store_rollback            (BespokeStore   *self);

gboolean      bespoke_store_save                (BespokeStore   *self,
                                                 gpointer        record,
                                                 GError        **error);
gboolean      bespoke_store_save_imported       (BespokeStore   *self,
                                                 gpointer        record,
                                                 GError        **error);
void          bespoke_store_changed_elsewhere   (BespokeStore   *self);
void          bespoke_store_note_change         (BespokeStore   *self,
                                                 GType           type,
                                                 const char     *uuid);
GPtrArray    *bespoke_store_list_after          (BespokeStore   *self,
                                                 GType           type,
                                                 const char     *after_uuid,
                                                 guint           limit,
                                                 GError        **error);
gint64        bespoke_store_get_sync_mark       (BespokeStore   *self,
                                                 const char     *key,
                                                 GError        **error);
gboolean      bespoke_store_set_sync_mark       (BespokeStore   *self,
                                                 const char     *key,
                                                 gint64          synced_at,
                                                 GError        **error);
gpointer      bespoke_store_load                (BespokeStore   *self,
                                                 GType           type,
                                                 const char     *uuid,
                                                 GError        **error);
gboolean      bespoke_store_delete              (BespokeStore   *self,
                                                 gpointer        record,
                                                 GError        **error);
GPtrArray    *bespoke_store_list                (BespokeStore   *self,
                                                 GType           type,
                                                 const char     *parent_uuid,
                                                 GError        **error);
gint64        bespoke_store_count               (BespokeStore   *self,
                                                 GType           type,
                                                 GError        **error);

guint         bespoke_store_count_people        (BespokeStore         *self,
                                                 BespokePeopleFilter   filter,
                                                 const char           *search,
                                                 GError              **error);
guint         bespoke_store_count_people_cancellable (BespokeStore         *self,
                                                 BespokePeopleFilter   filter,
                                                 const char           *search,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
guint         bespoke_store_people_search_n_words (const char        *search);
guint         bespoke_store_people_match_bound  (BespokeStore         *self,
                                                 const char           *search,
                                                 guint                 cap,
                                                 guint                *out_n_words,
                                                 GError              **error);
gboolean      bespoke_store_has_people          (BespokeStore         *self);
GPtrArray    *bespoke_store_list_people         (BespokeStore         *self,
                                                 BespokePeopleFilter   filter,
                                                 const char           *search,
                                                 guint                 offset,
                                                 guint                 limit,
                                                 GError              **error);
GPtrArray    *bespoke_store_list_people_counted (BespokeStore         *self,
                                                 BespokePeopleFilter   filter,
                                                 const char           *search,
                                                 guint                 offset,
                                                 guint                 limit,
                                                 guint                 n_matching,
                                                 GError              **error);
GPtrArray    *bespoke_store_list_people_first   (BespokeStore         *self,
                                                 BespokePeopleFilter   filter,
                                                 const char           *search,
                                                 guint                 limit,
                                                 guint                *out_n_matching,
                                                 GError              **error);
typedef gboolean (*BespokePersonFunc) (BespokePerson *person,
                                       gpointer       user_data);

gboolean      bespoke_store_foreach_person      (BespokeStore         *self,
                                                 BespokePeopleFilter   filter,
                                                 const char           *search,
                                                 BespokePersonFunc     func,
                                                 gpointer              user_data,
                                                 GError              **error);
BespokePerson *bespoke_store_find_person        (BespokeStore   *self,
                                                 const char     *key,
                                                 GError        **error);
char         *bespoke_store_people_sort_key     (const char     *name);
int           bespoke_store_compare_people      (BespokePerson  *a,
                                                 BespokePerson  *b);

gboolean      bespoke_store_set_photo           (BespokeStore   *self,
                                                 const char     *person_uuid,
                                                 GBytes         *data,
                                                 const char     *mime_type,
                                                 GError        **error);
GBytes       *bespoke_store_get_photo           (BespokeStore   *self,
                                                 const char     *person_uuid,
                                                 char          **mime_type,
                                                 GError        **error);

/* Deletions that travel (bespoke-store-tombstones.c, schema 9) */
typedef struct
{
  char   *uuid;
  char   *kind;        /* the table the record was in: "statements", … */
  char   *scope;       /* the person, provider or home it belonged to */
  gint64  deleted_at;  /* microseconds since 1970 */
} BespokeTombstone;

void          bespoke_tombstone_free            (BespokeTombstone *tombstone);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeTombstone, bespoke_tombstone_free)
gboolean      bespoke_store_kind_travels        (const char     *table);
BespokeTombstone *bespoke_store_get_tombstone   (BespokeStore   *self,
                                                 const char     *uuid,
                                                 GError        **error);
GPtrArray    *bespoke_store_list_tombstones     (BespokeStore   *self,
                                                 const char     *scope,
                                                 GError        **error);
gboolean      bespoke_store_put_tombstone       (BespokeStore   *self,
                                                 const char     *uuid,
                                                 const char     *kind,
                                                 const char     *scope,
                                                 gint64          deleted_at,
                                                 GError        **error);
gboolean      bespoke_store_drop_tombstone      (BespokeStore   *self,
                                                 const char     *uuid,
                                                 GError        **error);
gboolean      bespoke_store_delete_imported     (BespokeStore   *self,
                                                 GType           type,
                                                 const char     *uuid,
                                                 const char     *scope,
                                                 gint64          deleted_at,
                                                 GError        **error);
gboolean      bespoke_store_changed_since       (BespokeStore   *self,
                                                 GType           type,
                                                 const char     *uuid,
                                                 gint64          base,
                                                 GError        **error);
char         *bespoke_store_dup_replica_id      (BespokeStore   *self,
                                                 GError        **error);
char        **bespoke_store_list_replicas       (BespokeStore   *self,
                                                 GError        **error);
char        **bespoke_store_list_tombstone_seen (BespokeStore   *self,
                                                 const char     *uuid,
                                                 GError        **error);
gboolean      bespoke_store_note_replicas       (BespokeStore        *self,
                                                 const char * const  *replicas,
                                                 const char          *tombstone,
                                                 guint               *out_added,
                                                 GError             **error);
gint64        bespoke_store_get_tombstone_prune_limit (BespokeStore *self,
                                                       GError      **error);
gboolean      bespoke_store_prune_tombstones    (BespokeStore   *self,
                                                 gint64          before,
                                                 guint          *out_n,
                                                 GError        **error);

/* Undoing a whole import */
char         *bespoke_store_snapshot            (BespokeStore   *self,
                                                 GError        **error);
gboolean      bespoke_store_restore             (BespokeStore   *self,
                                                 const char     *snapshot,
                                                 GError        **error);

/* Deleting a database file with the journals SQLite may leave beside it */
gboolean      bespoke_store_delete_database_files (const char   *path,
                                                   GError      **error);

/* For the tools that make data in bulk (example, synth) */
gboolean      bespoke_store_set_bulk_cache      (BespokeStore   *self,
                                                 GError        **error);

G_END_DECLS
