/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "bespoke-error.h"
#include "bespoke-store.h"
#include "bespoke-store-private.h"

/* Transactions: nested write transactions, the savepoint each write takes
 * inside a caller's, the ::changed notes emitted on commit, and read
 * transactions for a consistent export. */

typedef struct
{
  GType  type;
  char  *uuid;
} ChangeNote;

static void
change_note_clear (gpointer data)
{
  ChangeNote *note = data;
  g_free (note->uuid);
}

/* The ChangeNotes of the transaction in progress */
GArray *
_bespoke_store_pending_new (void)
{
  GArray *pending = g_array_new (FALSE, FALSE, sizeof (ChangeNote));

  g_array_set_clear_func (pending, change_note_clear);
  return pending;
}

gboolean
_bespoke_store_check_writable (BespokeStore  *self,
                               GError       **error)
{
  if (self->read_only_reason != NULL)
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_READ_ONLY, self->read_only_reason);
      return FALSE;
    }
  return TRUE;
}

/**
 * bespoke_store_begin:
 *
 * Starts a write transaction (BEGIN IMMEDIATE).  Calls nest: only the
 * outermost commit writes.
 */
gboolean
bespoke_store_begin (BespokeStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if (!_bespoke_store_check_writable (self, error))
    return FALSE;
  if (self->transaction_depth == 0 && !_bespoke_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

/**
 * bespoke_store_begin_bulk:
 *
 * Starts a transaction for writing many records that stand or fall
 * together (example data, synthetic people, an import): the writes inside
 * it take no savepoint each, so a write that fails leaves the transaction
 * for the caller to roll back whole.  Must not be nested in another.
 */
gboolean
bespoke_store_begin_bulk (BespokeStore  *self,
                          GError       **error)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  if (!bespoke_store_begin (self, error))
    return FALSE;
  self->bulk = TRUE;
  return TRUE;
}

gboolean
bespoke_store_commit (BespokeStore  *self,
                      GError       **error)
{
  g_autoptr(GArray) pending = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth > 1)
    {
      self->transaction_depth--;
      return TRUE;
    }

  if (!_bespoke_store_exec (self, "COMMIT", error))
    {
      bespoke_store_rollback (self);
      return FALSE;
    }
  self->transaction_depth = 0;
  self->bulk = FALSE;

  pending = g_steal_pointer (&self->pending);
  self->pending = _bespoke_store_pending_new ();
  for (guint i = 0; i < pending->len; i++)
    {
      ChangeNote *note = &g_array_index (pending, ChangeNote, i);
      _bespoke_store_emit_changed (self, note->type, note->uuid);
    }
  if (pending->len > 0)
    _bespoke_store_emit_committed (self);
  return TRUE;
}

/**
 * bespoke_store_rollback:
 *
 * Abandons the whole transaction, however deeply nested.
 */
void
bespoke_store_rollback (BespokeStore *self)
{
  g_return_if_fail (BESPOKE_IS_STORE (self));

  if (self->transaction_depth == 0)
    return;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->transaction_depth = 0;
  self->bulk = FALSE;
  g_array_set_size (self->pending, 0);
}

/* Runs a statement that is run very often (a savepoint per write) from
 * the statement cache, instead of parsing it every time. */
static gboolean
step_cached (BespokeStore  *self,
             const char    *sql,
             GError       **error)
{
  sqlite3_stmt *stmt = _bespoke_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _bespoke_store_db_error (self, error, _("Changing the database"));
  return TRUE;
}

/* One write (a save, a delete, a photo): a transaction of its own, or a
 * savepoint inside the caller's, so that a write that fails undoes only
 * itself and leaves the caller's transaction open and balanced. */
gboolean
_bespoke_store_write_begin (BespokeStore  *self,
                            GError       **error)
{
  if (self->transaction_depth == 0)
    return bespoke_store_begin (self, error);
  if (self->bulk)
    return bespoke_store_begin (self, error);
  if (!_bespoke_store_check_writable (self, error) ||
      !step_cached (self, "SAVEPOINT bespoke_write", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

void
_bespoke_store_write_abort (BespokeStore *self)
{
  if (self->bulk && self->transaction_depth > 1)
    self->transaction_depth--;  /* the caller rolls the whole transaction back */
  else if (self->transaction_depth > 1)
    {
      sqlite3_exec (self->db, "ROLLBACK TO bespoke_write; RELEASE bespoke_write", NULL, NULL, NULL);
      self->transaction_depth--;
    }
  else
    bespoke_store_rollback (self);
}

gboolean
_bespoke_store_write_commit (BespokeStore  *self,
                             GError       **error)
{
  if (self->bulk)
    return bespoke_store_commit (self, error);
  if (self->transaction_depth > 1)
    {
      if (!step_cached (self, "RELEASE bespoke_write", error))
        {
          _bespoke_store_write_abort (self);
          return FALSE;
        }
      self->transaction_depth--;
      return TRUE;
    }
  return bespoke_store_commit (self, error);
}

void
_bespoke_store_queue_change (BespokeStore *self,
                             GType         type,
                             const char   *uuid)
{
  ChangeNote note = { type, g_strdup (uuid) };
  g_array_append_val (self->pending, note);
}

/**
 * bespoke_store_note_change:
 *
 * Emits ::changed for @uuid when the transaction in progress commits.
 */
void
bespoke_store_note_change (BespokeStore *self,
                           GType         type,
                           const char   *uuid)
{
  g_return_if_fail (BESPOKE_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  _bespoke_store_queue_change (self, type, uuid);
}

/**
 * bespoke_store_changed_elsewhere:
 *
 * Tells whatever shows the database that anything in it may have changed
 * (::changed for every record type, then ::committed): after a restore, or
 * after another connection, such as an import's worker thread, wrote to
 * the file.
 */
void
bespoke_store_changed_elsewhere (BespokeStore *self)
{
  g_return_if_fail (BESPOKE_IS_STORE (self));

  _bespoke_store_emit_changed (self, BESPOKE_TYPE_RECORD, NULL);
  _bespoke_store_emit_committed (self);
}

/**
 * bespoke_store_begin_read:
 * @lock_writers: also take the write lock (`BEGIN IMMEDIATE`), so that
 *   nothing can be committed until bespoke_store_end_read()
 *
 * Starts a read transaction: every query until bespoke_store_end_read()
 * sees one consistent snapshot, under one lock instead of one per query.
 *
 * It fails, and changes nothing, if a transaction is already open on this
 * connection (the caller's own bespoke_store_begin()): the reads then see
 * that transaction.  With @lock_writers it also fails on a read-only
 * database, or when another connection holds the write lock.
 *
 * Returns: %TRUE if the transaction began; only then call
 *   bespoke_store_end_read()
 */
gboolean
bespoke_store_begin_read (BespokeStore  *self,
                          gboolean       lock_writers,
                          GError       **error)
{
  return _bespoke_store_exec (self, lock_writers ? "BEGIN IMMEDIATE" : "BEGIN", error);
}

/**
 * bespoke_store_end_read:
 *
 * Ends the read transaction bespoke_store_begin_read() began.
 */
void
bespoke_store_end_read (BespokeStore *self)
{
  _bespoke_store_exec (self, "COMMIT", NULL);
}
