/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-person.h"
#include "bespoke-store-audit.h"
#include "bespoke-store-private.h"

/*
 * The audit trail: one row per export, import, deletion, backup, restore
 * and opening of a person's record, with the account and the planner that
 * did it.  The table's triggers make it append-only.  Exports, imports,
 * backups and openings are noted by whoever does them (bespoke-cli, the
 * window); deletions by bespoke_store_delete() itself, in the same
 * transaction, so that none is missed.
 */

static const char * const action_names[] = { "export", "import", "delete", "backup", "restore", "open" };

G_STATIC_ASSERT (G_N_ELEMENTS (action_names) == BESPOKE_AUDIT_OPEN + 1);

static GQuark
planner_quark (void)
{
  return g_quark_from_static_string ("bespoke-store-planner");
}

const char *
bespoke_audit_action_to_string (BespokeAuditAction action)
{
  g_return_val_if_fail (action <= BESPOKE_AUDIT_OPEN, "");
  return action_names[action];
}

/**
 * bespoke_store_set_planner:
 * @planner: (nullable): the planner's name, from the window's settings
 *
 * The name the audit trail records beside the account's from now on: the
 * core cannot read the settings, so the front end passes it in.
 */
void
bespoke_store_set_planner (BespokeStore *self,
                           const char   *planner)
{
  g_return_if_fail (BESPOKE_IS_STORE (self));
  g_object_set_qdata_full (G_OBJECT (self), planner_quark (),
                           g_strstrip (g_strdup (planner ? planner : "")), g_free);
}

const char *
bespoke_store_get_planner (BespokeStore *self)
{
  const char *planner;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), "");
  planner = g_object_get_qdata (G_OBJECT (self), planner_quark ());
  return planner ? planner : "";
}

/**
 * bespoke_store_audit:
 * @subject: (nullable): the UUIDs it was about, space-separated
 * @detail: (nullable): a sentence saying what was done
 *
 * Appends an entry to the audit trail, now, for this account and the
 * planner set with bespoke_store_set_planner(); inside the caller's
 * transaction if one is open.
 */
gboolean
bespoke_store_audit (BespokeStore        *self,
                     BespokeAuditAction   action,
                     const char          *subject,
                     const char          *detail,
                     GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (action <= BESPOKE_AUDIT_OPEN, FALSE);

  if (!_bespoke_store_write_begin (self, error))
    return FALSE;
  if (!(stmt = _bespoke_store_prepare (self,
                                       "INSERT INTO audit_log (at, system_user, planner, action, subject, detail) "
                                       "VALUES (?, ?, ?, ?, ?, ?)", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, bespoke_store_get_planner (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action_names[action], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, subject ? subject : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, detail ? detail : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Writing the audit trail"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  return _bespoke_store_write_commit (self, error);

fail:
  _bespoke_store_write_abort (self);
  return FALSE;
}

/* "Paul Roberts, Jennie Walsh and 3 others" */
static char *
names_of (BespokeStore       *self,
          const char * const *people,
          guint               n)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint shown = MIN (n, 3);

  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(BespokePerson) person = bespoke_store_load (self, BESPOKE_TYPE_PERSON, people[i], NULL);
      const char *name = person ? bespoke_person_get_name (person) : people[i];

      if (i > 0)
        g_string_append (names, i + 1 == n ? _(" and ") : ", ");
      g_string_append (names, name);
    }
  if (n > shown)
    g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, " and %u other", " and %u others", n - shown), n - shown);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * bespoke_store_audit_export:
 * @people: (nullable): the UUIDs of the people exported, or %NULL for
 *   everyone (a whole-database export)
 * @path: the file written
 *
 * Notes an export: who was in it, the file, and whether it was sealed.
 */
gboolean
bespoke_store_audit_export (BespokeStore        *self,
                            const char * const  *people,
                            const char          *path,
                            gboolean             sealed,
                            GError             **error)
{
  g_autofree char *subject = people ? g_strjoinv (" ", (char **) people) : NULL;
  g_autofree char *names = NULL;
  g_autofree char *detail = NULL;
  guint n = people ? g_strv_length ((char **) people) : 0;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  names = people ? names_of (self, people, n) : g_strdup (_("everyone (with the menus and shared homes)"));
  detail = g_strdup_printf (sealed ? _("Exported %s to “%s”, sealed with a passphrase")
                                   : _("Exported %s to “%s”, not sealed"),
                            names, path);
  return bespoke_store_audit (self, BESPOKE_AUDIT_EXPORT, subject, detail, error);
}

/**
 * bespoke_store_audit_import:
 * @summary: bespoke_xml_import_report_summary(), or the window's words
 *
 * Notes an import: the file, its counts and its conflicts.
 */
gboolean
bespoke_store_audit_import (BespokeStore  *self,
                            const char    *path,
                            gboolean       sealed,
                            const char    *summary,
                            guint          n_conflicts,
                            GError       **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Imported “%s”%s: %s; %u conflict kept apart",
                                         "Imported “%s”%s: %s; %u conflicts kept apart", n_conflicts),
                            path, sealed ? _(" (sealed)") : "", summary ? summary : "", n_conflicts);
  return bespoke_store_audit (self, BESPOKE_AUDIT_IMPORT, NULL, detail, error);
}

/**
 * bespoke_store_audit_open:
 *
 * Notes that @person's record was opened.
 */
gboolean
bespoke_store_audit_open (BespokeStore   *self,
                          BespokePerson  *person,
                          GError        **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_PERSON (person), FALSE);

  detail = g_strdup_printf (_("Opened the record of %s"), bespoke_person_get_name (person));
  return bespoke_store_audit (self, BESPOKE_AUDIT_OPEN, bespoke_record_get_uuid (BESPOKE_RECORD (person)), detail, error);
}

/* bespoke_store_delete(): the deletion of @record, in its transaction */
gboolean
_bespoke_store_audit_deletion (BespokeStore   *self,
                               BespokeRecord  *record,
                               GError        **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *detail = NULL;
  const char *type = G_OBJECT_TYPE_NAME (record);

  if (g_str_has_prefix (type, "Bespoke"))
    type += strlen ("Bespoke");
  kind = g_ascii_strdown (type, -1);
  if (BESPOKE_IS_PERSON (record))
    detail = g_strdup_printf (_("Deleted %s and everything of theirs"), bespoke_person_get_name (BESPOKE_PERSON (record)));
  else
    /* Translators: %s is the kind of record, in English: "statement", "supportline", … */
    detail = g_strdup_printf (_("Deleted a record (%s)"), kind);
  return bespoke_store_audit (self, BESPOKE_AUDIT_DELETE, bespoke_record_get_uuid (record), detail, error);
}

/* Appends the entries of @kept that the database (just put back as it
 * was) does not have: those after its last. */
static gboolean
append_missing (BespokeStore  *self,
                GPtrArray     *kept,
                GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 last = 0;

  if (!bespoke_store_begin (self, error))
    return FALSE;
  if (!(stmt = _bespoke_store_prepare (self, "SELECT coalesce(max(id), 0) FROM audit_log", error)))
    goto fail;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!(stmt = _bespoke_store_prepare (self,
                                       "INSERT INTO audit_log (id, at, system_user, planner, action, subject, detail) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?)", error)))
    goto fail;
  for (guint i = 0; i < kept->len; i++)
    {
      BespokeAuditEntry *entry = kept->pdata[i];

      if (entry->id <= last)
        continue;
      sqlite3_bind_int64 (stmt, 1, entry->id);
      sqlite3_bind_int64 (stmt, 2, entry->at);
      sqlite3_bind_text (stmt, 3, entry->system_user, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, entry->planner, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, action_names[entry->action], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, entry->subject, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, entry->detail, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _bespoke_store_db_error (self, error, _("Writing the audit trail"));
          sqlite3_reset (stmt);
          goto fail;
        }
      sqlite3_reset (stmt);
    }
  return bespoke_store_commit (self, error);

fail:
  bespoke_store_rollback (self);
  return FALSE;
}

/**
 * bespoke_store_restore_keeping_audit:
 * @snapshot: a copy of the database, of this schema (bespoke_store_snapshot(),
 *   or a backup brought up to date)
 * @detail: (nullable): what to note as a restore in the trail, or %NULL
 *
 * As bespoke_store_restore(), but the audit trail is not put back: the
 * entries written since the copy was taken are kept, and the restore is
 * noted after them.
 */
gboolean
bespoke_store_restore_keeping_audit (BespokeStore  *self,
                                     const char    *snapshot,
                                     const char    *detail,
                                     GError       **error)
{
  g_autoptr(GPtrArray) kept = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!(kept = bespoke_store_audit_list (self, 0, error)) ||
      !bespoke_store_restore (self, snapshot, error))
    return FALSE;
  if (!append_missing (self, kept, error))
    return FALSE;
  return detail == NULL || bespoke_store_audit (self, BESPOKE_AUDIT_RESTORE, NULL, detail, error);
}

/**
 * bespoke_store_audit_list:
 * @since: microseconds since 1970: entries from then on (0: all)
 *
 * Returns: (transfer full) (element-type BespokeAuditEntry): the entries,
 *   oldest first
 */
GPtrArray *
bespoke_store_audit_list (BespokeStore  *self,
                          gint64         since,
                          GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) bespoke_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  if (!(stmt = _bespoke_store_prepare (self,
                                       "SELECT id, at, system_user, planner, action, subject, detail "
                                       "FROM audit_log WHERE at >= ? ORDER BY id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BespokeAuditEntry *entry = g_new0 (BespokeAuditEntry, 1);
      const char *action = (const char *) sqlite3_column_text (stmt, 4);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = sqlite3_column_int64 (stmt, 1);
      entry->system_user = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->planner = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
        if (g_strcmp0 (action, action_names[i]) == 0)
          entry->action = (BespokeAuditAction) i;
      entry->subject = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Reading the audit trail"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* "2026-12-05 16:58:01", in local time */
char *
bespoke_audit_entry_format_time (const BespokeAuditEntry *entry)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup ("");
}

void
bespoke_audit_entry_free (BespokeAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->system_user);
  g_free (entry->planner);
  g_free (entry->subject);
  g_free (entry->detail);
  g_free (entry);
}
