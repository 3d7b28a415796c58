/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

/* Backups of the database, with SQLite's online backup API, in a
 * connection of their own and in steps, so that the window's writes go on:
 * $XDG_DATA_HOME/bespoke/backups/NAME-YYYYMMDD-HHMMSS.db (UTC), 0600. */

#define BESPOKE_BACKUP_KEEP_DAYS   7   /* every backup younger than this */
#define BESPOKE_BACKUP_KEEP_WEEKS  4   /* then the newest of each week, for this many weeks */

typedef struct
{
  char   *path;
  gint64  taken_at;   /* microseconds since 1970, from the name */
} BespokeBackupInfo;

typedef struct
{
  gint64  taken_at;
  int     schema;
  gint64  people;     /* not archived, not staff */
  gint64  staff;
  gint64  plans;
  gint64  providers;
  gint64  homes;
} BespokeBackupPreview;

char      *bespoke_backup_default_dir    (void);
char      *bespoke_backup_stem          (const char            *database);
gboolean   bespoke_backup_database      (const char            *database,
                                         const char            *dir,
                                         GDateTime             *now,
                                         char                 **out_path,
                                         GCancellable          *cancellable,
                                         GError               **error);
GPtrArray *bespoke_backup_list          (const char            *dir,
                                         const char            *database,
                                         GError               **error);
guint      bespoke_backup_prune         (const char            *dir,
                                         const char            *database,
                                         GDateTime             *now);
gboolean   bespoke_backup_preview       (const char            *path,
                                         BespokeBackupPreview  *preview,
                                         GError               **error);
guint      bespoke_backup_remove_stale  (const char            *dir);
char      *bespoke_backup_preview_counts (const BespokeBackupPreview *preview);
gboolean   bespoke_store_restore_backup (BespokeStore          *store,
                                         const char            *backup,
                                         const char            *dir,
                                         char                 **out_undo,
                                         GError               **error);
gboolean   bespoke_store_note_backup    (BespokeStore          *store,
                                         const char            *path,
                                         GError               **error);
void       bespoke_backup_info_free     (BespokeBackupInfo     *info);

G_END_DECLS
