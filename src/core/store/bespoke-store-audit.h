/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Not bespoke-store.h: bespoke-store-audit.c is a part of the store, and
 * the store's own files must not include a header that includes theirs. */
typedef struct _BespokeStore BespokeStore;
typedef struct _BespokePerson BespokePerson;

/* The audit trail (schema 10, data/migrations/0010-audit.sql): who did
 * what, and when, with what left the machine; append-only. */

typedef enum
{
  BESPOKE_AUDIT_EXPORT,
  BESPOKE_AUDIT_IMPORT,
  BESPOKE_AUDIT_DELETE,
  BESPOKE_AUDIT_BACKUP,
  BESPOKE_AUDIT_RESTORE,
  BESPOKE_AUDIT_OPEN,
} BespokeAuditAction;

typedef struct
{
  gint64              id;
  gint64              at;           /* microseconds since 1970, UTC */
  char               *system_user;
  char               *planner;      /* '' if none was set */
  BespokeAuditAction  action;
  char               *subject;      /* UUIDs, space-separated, or '' */
  char               *detail;       /* a sentence */
} BespokeAuditEntry;

void               bespoke_store_set_planner    (BespokeStore        *self,
                                                 const char          *planner);
const char        *bespoke_store_get_planner    (BespokeStore        *self);
gboolean           bespoke_store_audit          (BespokeStore        *self,
                                                 BespokeAuditAction   action,
                                                 const char          *subject,
                                                 const char          *detail,
                                                 GError             **error);
gboolean           bespoke_store_audit_export   (BespokeStore        *self,
                                                 const char * const  *people,
                                                 const char          *path,
                                                 gboolean             sealed,
                                                 GError             **error);
gboolean           bespoke_store_audit_import   (BespokeStore        *self,
                                                 const char          *path,
                                                 gboolean             sealed,
                                                 const char          *summary,
                                                 guint                n_conflicts,
                                                 GError             **error);
gboolean           bespoke_store_audit_open     (BespokeStore        *self,
                                                 BespokePerson       *person,
                                                 GError             **error);
gboolean           bespoke_store_restore_keeping_audit (BespokeStore *self,
                                                 const char          *snapshot,
                                                 const char          *detail,
                                                 GError             **error);
GPtrArray         *bespoke_store_audit_list     (BespokeStore        *self,
                                                 gint64               since,
                                                 GError             **error);
const char        *bespoke_audit_action_to_string (BespokeAuditAction action);
char              *bespoke_audit_entry_format_time (const BespokeAuditEntry *entry);
void               bespoke_audit_entry_free     (BespokeAuditEntry   *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeAuditEntry, bespoke_audit_entry_free)

G_END_DECLS
