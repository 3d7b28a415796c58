/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-history"

#include "config.h"

#include "bespoke-history.h"
#include "bespoke-record.h"

/**
 * BespokeHistory:
 *
 * Undo and redo for edits made through it.  Each step remembers every
 * record it touched as it was before and after (a copy, or nothing when the
 * record did not exist), so undoing writes the "before" copies back and
 * redoing writes the "after" ones, each step in one transaction.
 *
 * A person's photo is not a record (it lives in a table of its own), so a
 * change to it is remembered as the photo before and after: the bytes and
 * their MIME type, or nothing when there was no photo.
 */
struct _BespokeHistory
{
  GObject       parent_instance;

  BespokeStore *store;
  GPtrArray    *undo;    /* Step */
  GPtrArray    *redo;    /* Step */
  struct _Step *group;   /* the step a group is collecting, or NULL */
  guint         group_depth;
};

typedef enum
{
  CHANGE_RECORD,
  CHANGE_PHOTO,
} ChangeKind;

typedef struct
{
  GBytes *data;       /* NULL: no photo */
  char   *mime_type;
} Photo;

typedef struct
{
  ChangeKind     kind;

  /* CHANGE_RECORD */
  GType          type;
  BespokeRecord *before;  /* NULL: did not exist */
  BespokeRecord *after;   /* NULL: deleted */

  /* CHANGE_PHOTO */
  char          *person_uuid;
  Photo          photo_before;
  Photo          photo_after;
} Change;

typedef struct _Step
{
  char   *label;
  GArray *changes;   /* Change, in the order they were made */
} Step;

G_DEFINE_FINAL_TYPE (BespokeHistory, bespoke_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_clear_pointer (&change->person_uuid, g_free);
  g_clear_pointer (&change->photo_before.data, g_bytes_unref);
  g_clear_pointer (&change->photo_before.mime_type, g_free);
  g_clear_pointer (&change->photo_after.data, g_bytes_unref);
  g_clear_pointer (&change->photo_after.mime_type, g_free);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (step->changes, change_clear);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_array_unref (step->changes);
  g_free (step);
}

static void
notify_state (BespokeHistory *self,
              gboolean        could_undo,
              gboolean        could_redo)
{
  if (could_undo != bespoke_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != bespoke_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
bespoke_history_finalize (GObject *object)
{
  BespokeHistory *self = (BespokeHistory *)object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->group, step_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bespoke_history_parent_class)->finalize (object);
}

static void
bespoke_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BespokeHistory *self = BESPOKE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bespoke_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, bespoke_history_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_history_class_init (BespokeHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bespoke_history_finalize;
  object_class->get_property = bespoke_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BespokeHistory::applied:
   * @undone: %TRUE for an undo, %FALSE for a redo
   * @uuids: the records the step touched, in the order it wrote them
   *
   * A step was undone or redone, so that views can show what changed.
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRV);
}

static void
bespoke_history_init (BespokeHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
}

BespokeHistory *
bespoke_history_new (BespokeStore *store)
{
  BespokeHistory *self;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  self = g_object_new (BESPOKE_TYPE_HISTORY, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* Adds a change to the open group, or makes it a step of its own. */
static void
push (BespokeHistory *self,
      const char     *label,
      Change          change)
{
  gboolean could_undo = bespoke_history_get_can_undo (self);
  gboolean could_redo = bespoke_history_get_can_redo (self);

  if (self->group != NULL)
    {
      g_array_append_val (self->group->changes, change);
      return;
    }
  {
    Step *step = step_new (label);
    g_array_append_val (step->changes, change);
    g_ptr_array_add (self->undo, step);
  }
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

static BespokeRecord *
load_current (BespokeHistory *self,
              BespokeRecord  *record)
{
  return bespoke_store_load (self->store, G_OBJECT_TYPE (record), bespoke_record_get_uuid (record), NULL);
}

/**
 * bespoke_history_save:
 * @label: what the step is called in "Undo …", e.g. "Add statement"
 *
 * Saves @record, remembering how it was, so that the save can be undone.
 * An invalid record is not saved and not remembered.
 */
gboolean
bespoke_history_save (BespokeHistory  *self,
                      gpointer         record,
                      const char      *label,
                      GError         **error)
{
  g_autoptr(BespokeRecord) before = NULL;
  Change change;

  g_return_val_if_fail (BESPOKE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_RECORD (record), FALSE);

  before = load_current (self, record);
  if (!bespoke_store_save (self->store, record, error))
    return FALSE;

  change = (Change) {
    .kind = CHANGE_RECORD,
    .type = G_OBJECT_TYPE (record),
    .before = g_steal_pointer (&before),
    .after = bespoke_record_copy (record),
  };
  push (self, label, change);
  return TRUE;
}

gboolean
bespoke_history_delete (BespokeHistory  *self,
                        gpointer         record,
                        const char      *label,
                        GError         **error)
{
  g_autoptr(BespokeRecord) before = NULL;
  Change change;

  g_return_val_if_fail (BESPOKE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_RECORD (record), FALSE);

  before = load_current (self, record);
  if (!bespoke_store_delete (self->store, record, error))
    return FALSE;

  change = (Change) {
    .kind = CHANGE_RECORD,
    .type = G_OBJECT_TYPE (record),
    .before = g_steal_pointer (&before),
  };
  push (self, label, change);
  return TRUE;
}

/**
 * bespoke_history_set_photo:
 * @person_uuid: whose photo
 * @data: (nullable): the new photo, or %NULL to remove it
 * @mime_type: (nullable): @data's type, e.g. "image/jpeg"
 * @label: what the step is called in "Undo …", e.g. "Remove Photo"
 *
 * Sets or removes a person's photo, remembering the photo it replaces, so
 * that the change can be undone.  Setting the photo a person already has
 * (or removing one they do not have) changes nothing and leaves no step.
 */
gboolean
bespoke_history_set_photo (BespokeHistory  *self,
                           const char      *person_uuid,
                           GBytes          *data,
                           const char      *mime_type,
                           const char      *label,
                           GError         **error)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *before_type = NULL;
  g_autofree char *uuid = NULL;
  GError *local_error = NULL;
  Change change;

  g_return_val_if_fail (BESPOKE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (person_uuid != NULL, FALSE);

  /* A copy: @person_uuid is often the person's own, and a listener to the
   * store's ::changed may replace that person while the photo is saved. */
  uuid = g_strdup (person_uuid);
  before = bespoke_store_get_photo (self->store, uuid, &before_type, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  /* The store writes a photo without a type as a PNG */
  if (data != NULL && mime_type == NULL)
    mime_type = "image/png";

  if ((before == NULL && data == NULL) ||
      (before != NULL && data != NULL && g_bytes_equal (before, data) &&
       g_strcmp0 (before_type, mime_type) == 0))
    return TRUE;

  if (!bespoke_store_set_photo (self->store, uuid, data, mime_type, error))
    return FALSE;

  change = (Change) {
    .kind = CHANGE_PHOTO,
    .person_uuid = g_steal_pointer (&uuid),
    .photo_before = { g_steal_pointer (&before), g_steal_pointer (&before_type) },
    .photo_after = { data ? g_bytes_ref (data) : NULL, data ? g_strdup (mime_type) : NULL },
  };
  push (self, label, change);
  return TRUE;
}

/**
 * bespoke_history_begin_group:
 *
 * Collects the saves and deletes until bespoke_history_end_group() into one
 * step, e.g. the positions of every statement moved by a reorder.
 */
void
bespoke_history_begin_group (BespokeHistory *self,
                             const char     *label)
{
  g_return_if_fail (BESPOKE_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->group = step_new (label);
}

void
bespoke_history_end_group (BespokeHistory *self)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_if_fail (BESPOKE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  step = g_steal_pointer (&self->group);
  if (step->changes->len == 0)
    {
      step_free (step);
      return;
    }
  could_undo = bespoke_history_get_can_undo (self);
  could_redo = bespoke_history_get_can_redo (self);
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

static gboolean
put (BespokeHistory  *self,
     GType            type,
     BespokeRecord   *state,   /* NULL: make it not exist */
     BespokeRecord   *other,   /* the other side, for its UUID */
     GError         **error)
{
  if (state != NULL)
    {
      g_autoptr(BespokeRecord) copy = bespoke_record_copy (state);
      return bespoke_store_save (self->store, copy, error);
    }
  else
    {
      g_autoptr(BespokeRecord) current = load_current (self, other);
      return current == NULL || bespoke_store_delete (self->store, current, error);
    }
}

static gboolean
put_photo (BespokeHistory  *self,
           const char      *person_uuid,
           const Photo     *photo,
           GError         **error)
{
  return bespoke_store_set_photo (self->store, person_uuid, photo->data, photo->mime_type, error);
}

/* Applies a step backwards (undo) or forwards (redo) in one transaction. */
static gboolean
apply (BespokeHistory  *self,
       Step            *step,
       gboolean         backwards,
       GError         **error)
{
  if (!bespoke_store_begin (self->store, error))
    return FALSE;

  for (guint k = 0; k < step->changes->len; k++)
    {
      guint i = backwards ? step->changes->len - 1 - k : k;
      Change *c = &g_array_index (step->changes, Change, i);
      gboolean ok;

      if (c->kind == CHANGE_PHOTO)
        ok = put_photo (self, c->person_uuid, backwards ? &c->photo_before : &c->photo_after, error);
      else
        ok = backwards ? put (self, c->type, c->before, c->after, error)
                       : put (self, c->type, c->after, c->before, error);
      if (!ok)
        {
          bespoke_store_rollback (self->store);
          return FALSE;
        }
    }
  return bespoke_store_commit (self->store, error);
}

/* The records a step touched, in the order applying it wrote them */
static GStrv
step_uuids (Step     *step,
            gboolean  backwards)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint k = 0; k < step->changes->len; k++)
    {
      Change *c = &g_array_index (step->changes, Change, backwards ? step->changes->len - 1 - k : k);

      if (c->kind == CHANGE_PHOTO)
        g_strv_builder_add (builder, c->person_uuid);
      else
        g_strv_builder_add (builder, bespoke_record_get_uuid (c->after ? c->after : c->before));
    }
  return g_strv_builder_end (builder);
}

static gboolean
move_step (BespokeHistory  *self,
           GPtrArray       *from,
           GPtrArray       *to,
           gboolean         backwards,
           GError         **error)
{
  gboolean could_undo = bespoke_history_get_can_undo (self);
  gboolean could_redo = bespoke_history_get_can_redo (self);
  Step *step;

  g_return_val_if_fail (self->group == NULL, FALSE);

  if (from->len == 0)
    return TRUE;
  step = g_ptr_array_index (from, from->len - 1);
  if (!apply (self, step, backwards, error))
    return FALSE;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_state (self, could_undo, could_redo);
  {
    g_auto(GStrv) uuids = step_uuids (step, backwards);
    g_signal_emit (self, signals[APPLIED], 0, backwards, uuids);
  }
  return TRUE;
}

gboolean
bespoke_history_undo (BespokeHistory  *self,
                      GError         **error)
{
  g_return_val_if_fail (BESPOKE_IS_HISTORY (self), FALSE);
  return move_step (self, self->undo, self->redo, TRUE, error);
}

gboolean
bespoke_history_redo (BespokeHistory  *self,
                      GError         **error)
{
  g_return_val_if_fail (BESPOKE_IS_HISTORY (self), FALSE);
  return move_step (self, self->redo, self->undo, FALSE, error);
}

gboolean
bespoke_history_get_can_undo (BespokeHistory *self)
{
  g_return_val_if_fail (BESPOKE_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
bespoke_history_get_can_redo (BespokeHistory *self)
{
  g_return_val_if_fail (BESPOKE_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

const char *
bespoke_history_get_undo_label (BespokeHistory *self)
{
  g_return_val_if_fail (BESPOKE_IS_HISTORY (self), NULL);
  return self->undo->len ? ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label : NULL;
}

const char *
bespoke_history_get_redo_label (BespokeHistory *self)
{
  g_return_val_if_fail (BESPOKE_IS_HISTORY (self), NULL);
  return self->redo->len ? ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->label : NULL;
}

/**
 * bespoke_history_clear:
 *
 * Forgets every step, e.g. when the planner moves to another person.
 */
void
bespoke_history_clear (BespokeHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (BESPOKE_IS_HISTORY (self));

  could_undo = bespoke_history_get_can_undo (self);
  could_redo = bespoke_history_get_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}
