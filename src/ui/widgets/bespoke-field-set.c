/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-field-set"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-error.h"
#include "bespoke-field-private.h"
#include "bespoke-record-label.h"

/**
 * BespokeFieldSet:
 *
 * What the fields of one editor share: the records it shows, as last
 * saved; the store and history they are saved through; and the one typed
 * field waiting to be saved.  See the contract in bespoke-field-set.h.
 */

#define DEFAULT_SAVE_DELAY_MS 500

struct _BespokeFieldSet
{
  GObject         parent_instance;

  BespokeStore   *store;
  BespokeHistory *history;
  GHashTable     *records;     /* uuid → BespokeRecord, as last saved */
  BespokeField   *pending;     /* a typed field waiting to be saved */
  guint           pending_id;
  guint           delay_ms;
  guint           saving;      /* > 0 while the set saves */
};

G_DEFINE_FINAL_TYPE (BespokeFieldSet, bespoke_field_set, G_TYPE_OBJECT)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

BespokeFieldSet *
bespoke_field_set_new (void)
{
  return g_object_new (BESPOKE_TYPE_FIELD_SET, NULL);
}

/**
 * bespoke_field_set_set_store:
 * @store: (nullable): where the records are saved
 * @history: (nullable): the history to save through, so Ctrl+Z undoes;
 *   without one, edits go straight into @store
 */
void
bespoke_field_set_set_store (BespokeFieldSet *self,
                             BespokeStore    *store,
                             BespokeHistory  *history)
{
  g_return_if_fail (BESPOKE_IS_FIELD_SET (self));

  g_set_object (&self->store, store);
  g_set_object (&self->history, history);
}

BespokeStore *
bespoke_field_set_get_store (BespokeFieldSet *self)
{
  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (self), NULL);
  return self->store;
}

BespokeHistory *
bespoke_field_set_get_history (BespokeFieldSet *self)
{
  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (self), NULL);
  return self->history;
}

/* How long a typed field waits after its last key; 0 saves every valid key. */
void
bespoke_field_set_set_save_delay (BespokeFieldSet *self,
                                  guint            delay_ms)
{
  g_return_if_fail (BESPOKE_IS_FIELD_SET (self));
  self->delay_ms = delay_ms;
}

guint
bespoke_field_set_get_save_delay (BespokeFieldSet *self)
{
  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (self), 0);
  return self->delay_ms;
}

/* Records */

void
bespoke_field_set_remember (BespokeFieldSet *self,
                            gpointer         record)
{
  g_return_if_fail (BESPOKE_IS_FIELD_SET (self));
  g_return_if_fail (BESPOKE_IS_RECORD (record));

  g_hash_table_replace (self->records,
                        g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (record))),
                        g_object_ref (record));
}

void
bespoke_field_set_forget (BespokeFieldSet *self,
                          const char      *uuid)
{
  g_return_if_fail (BESPOKE_IS_FIELD_SET (self));
  g_hash_table_remove (self->records, uuid);
}

void
bespoke_field_set_forget_all (BespokeFieldSet *self)
{
  g_return_if_fail (BESPOKE_IS_FIELD_SET (self));
  g_hash_table_remove_all (self->records);
}

/**
 * bespoke_field_set_lookup:
 *
 * Returns: (transfer none) (nullable): the record with @uuid, as last saved
 */
BespokeRecord *
bespoke_field_set_lookup (BespokeFieldSet *self,
                          const char      *uuid)
{
  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (self), NULL);
  return uuid ? g_hash_table_lookup (self->records, uuid) : NULL;
}

/**
 * bespoke_field_set_list:
 *
 * Returns: (transfer container): the remembered records of @type
 */
GPtrArray *
bespoke_field_set_list (BespokeFieldSet *self,
                        GType            type)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (self), found);

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (G_TYPE_CHECK_INSTANCE_TYPE (value, type))
      g_ptr_array_add (found, g_object_ref (value));
  return found;
}

static void
reload_one (BespokeFieldSet *self,
            GType            type,
            const char      *uuid)
{
  g_autofree char *key = g_strdup (uuid);
  g_autoptr(BespokeRecord) fresh = bespoke_store_load (self->store, type, key, NULL);

  if (fresh != NULL)
    bespoke_field_set_remember (self, fresh);
  else
    g_hash_table_remove (self->records, key);
}

/**
 * bespoke_field_set_reload:
 * @type: the kind of record the store says changed; %BESPOKE_TYPE_RECORD
 *   for anything (a snapshot restored)
 * @uuid: (nullable): the record that changed
 *
 * Follows a change made elsewhere (an undo, another window): the
 * remembered copies are loaded again, so that a field still waiting is
 * applied to the record as it now is, not as it was.
 */
void
bespoke_field_set_reload (BespokeFieldSet *self,
                          GType            type,
                          const char      *uuid)
{
  g_return_if_fail (BESPOKE_IS_FIELD_SET (self));

  if (self->store == NULL)
    return;
  if (type == BESPOKE_TYPE_RECORD)
    {
      g_autoptr(GPtrArray) cached = bespoke_field_set_list (self, BESPOKE_TYPE_RECORD);

      for (guint i = 0; i < cached->len; i++)
        {
          BespokeRecord *old = g_ptr_array_index (cached, i);

          reload_one (self, G_OBJECT_TYPE (old), bespoke_record_get_uuid (old));
        }
    }
  else if (uuid != NULL && g_hash_table_contains (self->records, uuid))
    reload_one (self, type, uuid);
}

/* Saving */

/**
 * bespoke_field_set_save:
 * @copy: the new state of a record
 *
 * Saves @copy if it is valid and differs from the record remembered, and
 * emits #BespokeFieldSet::saved.  A "%s" in @undo_label is filled with the
 * record's name as it was (bespoke_undo_label_fill()).
 *
 * Returns: %FALSE with a sentence for the user if @copy is invalid or the
 *   store refused it; the store is then unchanged.
 */
gboolean
bespoke_field_set_save (BespokeFieldSet  *self,
                        BespokeRecord    *copy,
                        const char       *undo_label,
                        GError          **error)
{
  BespokeRecord *before;
  gboolean ok;

  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_RECORD (copy), FALSE);

  if (self->store == NULL)
    return bespoke_set_invalid (error, _("There is no open file to save into. Open one first."));
  if (!bespoke_record_validate (copy, error))
    return FALSE;
  before = bespoke_field_set_lookup (self, bespoke_record_get_uuid (copy));
  if (before != NULL && bespoke_record_equal (before, copy))
    return TRUE;

  self->saving++;
  if (self->history != NULL)
    {
      /* named as the planner knew it before this change */
      g_autofree char *label = bespoke_undo_label_fill (undo_label, self->store, before != NULL ? before : copy);

      ok = bespoke_history_save (self->history, copy, label, error);
    }
  else
    ok = bespoke_store_save (self->store, copy, error);
  self->saving--;
  if (!ok)
    return FALSE;

  bespoke_field_set_remember (self, copy);
  g_signal_emit (self, signals[SAVED], 0, copy);
  return TRUE;
}

/**
 * bespoke_field_set_delete:
 *
 * Deletes the remembered record with @uuid, undoably.  A record already
 * gone from the store is not an error.
 */
gboolean
bespoke_field_set_delete (BespokeFieldSet  *self,
                          const char       *uuid,
                          const char       *undo_label,
                          GError          **error)
{
  BespokeRecord *record;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (self), FALSE);

  record = bespoke_field_set_lookup (self, uuid);
  if (record == NULL || self->store == NULL)
    return TRUE;

  self->saving++;
  if (self->history != NULL)
    {
      g_autofree char *label = bespoke_undo_label_fill (undo_label, self->store, record);

      ok = bespoke_history_delete (self->history, record, label, &local_error);
    }
  else
    ok = bespoke_store_delete (self->store, record, &local_error);
  self->saving--;

  if (!ok && !g_error_matches (local_error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  bespoke_field_set_forget (self, uuid);
  return TRUE;
}

/* TRUE while the set saves or deletes: the store's signals are its own. */
gboolean
bespoke_field_set_get_saving (BespokeFieldSet *self)
{
  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (self), FALSE);
  return self->saving > 0;
}

/* The field waiting */

void
bespoke_field_set_flush (BespokeFieldSet *self)
{
  g_autoptr(BespokeField) field = NULL;

  g_return_if_fail (BESPOKE_IS_FIELD_SET (self));

  g_clear_handle_id (&self->pending_id, g_source_remove);
  field = g_steal_pointer (&self->pending);
  if (field != NULL)
    bespoke_field_try (field, TRUE);
}

static gboolean
save_pending_cb (gpointer data)
{
  BespokeFieldSet *self = data;

  self->pending_id = 0;
  bespoke_field_set_flush (self);
  return G_SOURCE_REMOVE;
}

/* @field's text changed: another field waiting is saved first; @field is
 * checked, and waits if it is valid. */
void
bespoke_field_set_wait (BespokeFieldSet *self,
                        BespokeField    *field)
{
  if (self->pending != NULL && self->pending != field)
    bespoke_field_set_flush (self);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_object (&self->pending);
  if (!bespoke_field_try (field, FALSE))
    return;
  if (self->delay_ms == 0)
    {
      bespoke_field_try (field, TRUE);
      return;
    }
  self->pending = g_object_ref (field);
  self->pending_id = g_timeout_add (self->delay_ms, save_pending_cb, self);
}

/* @field's widget is going: it can no longer be read, nor waited for. */
void
bespoke_field_set_unwait (BespokeFieldSet *self,
                          BespokeField    *field)
{
  if (self->pending == NULL || self->pending != field)
    return;
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_object (&self->pending);
}

gboolean
bespoke_field_set_is_waiting (BespokeFieldSet *self,
                              BespokeField    *field)
{
  return self->pending != NULL && self->pending == field;
}

static void
bespoke_field_set_dispose (GObject *object)
{
  BespokeFieldSet *self = BESPOKE_FIELD_SET (object);

  bespoke_field_set_flush (self);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (bespoke_field_set_parent_class)->dispose (object);
}

static void
bespoke_field_set_finalize (GObject *object)
{
  BespokeFieldSet *self = BESPOKE_FIELD_SET (object);

  g_clear_pointer (&self->records, g_hash_table_unref);

  G_OBJECT_CLASS (bespoke_field_set_parent_class)->finalize (object);
}

static void
bespoke_field_set_class_init (BespokeFieldSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bespoke_field_set_dispose;
  object_class->finalize = bespoke_field_set_finalize;

  /**
   * BespokeFieldSet::saved:
   * @record: the record as now saved
   *
   * A field's edit (or a bespoke_field_set_save()) changed the store.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, BESPOKE_TYPE_RECORD);
}

static void
bespoke_field_set_init (BespokeFieldSet *self)
{
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->delay_ms = DEFAULT_SAVE_DELAY_MS;
}
