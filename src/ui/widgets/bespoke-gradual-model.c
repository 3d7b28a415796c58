/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-gradual-model"

#include "config.h"

#include "bespoke-gradual-model.h"

/**
 * BespokeGradualModel:
 *
 * Passes a list model through, but shows a large change in steps, a
 * screenful at a time, once a frame, instead of all at once.
 *
 * A list view builds the rows of the items a change brings (GTK 4.8's
 * GtkListView builds up to %BESPOKE_GRADUAL_MODEL_ROWS_BUILT of them, seen
 * or not) in the same dispatch of the main loop.  When an import fills an
 * empty list with twenty thousand people that was 200 new rows at once,
 * 70 ms and more of the window not answering (issue #13).  Through this
 * model the list view gets the first @step items of such a change at once
 * and the next @step a frame later, until it has built its rows; the rest
 * then come in one change, which costs the list view only their count.
 *
 * Only a change that adds more than @step items and takes away at most
 * @step shown ones is shown in steps: the list view is then scrolled among
 * the few it had, so showing the first ones first does not move it.  Any
 * other change, a reload of a long list that keeps its people for one, is
 * passed on whole.  Items a change brings among the ones still to come,
 * or just after them, come with them.  While some items are still to come,
 * the model's positions are the child's without them:
 * bespoke_gradual_model_get_position() translates, and
 * bespoke_gradual_model_show_item() shows an item asked for at once.
 */
struct _BespokeGradualModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       step;      /* 0: every change at once */
  guint       hide_at;   /* the child's position of the first item not shown yet */
  guint       n_hidden;  /* how many items from hide_at are not shown yet */
  guint       run_start; /* where the change being shown in steps began */
  guint       source_id; /* the next step */
};

/* A frame, near enough: the window draws between two steps */
#define STEP_INTERVAL_MS 16

static void bespoke_gradual_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BespokeGradualModel, bespoke_gradual_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bespoke_gradual_model_list_model_init))

static GType
bespoke_gradual_model_get_item_type (GListModel *list)
{
  BespokeGradualModel *self = BESPOKE_GRADUAL_MODEL (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
bespoke_gradual_model_get_n_items (GListModel *list)
{
  BespokeGradualModel *self = BESPOKE_GRADUAL_MODEL (list);

  if (self->model == NULL)
    return 0;
  return g_list_model_get_n_items (self->model) - self->n_hidden;
}

static gpointer
bespoke_gradual_model_get_item (GListModel *list,
                                guint       position)
{
  BespokeGradualModel *self = BESPOKE_GRADUAL_MODEL (list);

  if (self->model == NULL)
    return NULL;
  if (self->n_hidden > 0 && position >= self->hide_at)
    {
      if (position > G_MAXUINT - self->n_hidden)
        return NULL;
      position += self->n_hidden;
    }
  return g_list_model_get_item (self->model, position);
}

static void
bespoke_gradual_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bespoke_gradual_model_get_item_type;
  iface->get_n_items = bespoke_gradual_model_get_n_items;
  iface->get_item = bespoke_gradual_model_get_item;
}

static gboolean
step_cb (gpointer data)
{
  /* a handler of the step's ::items-changed may let go of the model */
  g_autoptr(BespokeGradualModel) self = g_object_ref (data);

  if (bespoke_gradual_model_step (self))
    return G_SOURCE_CONTINUE;
  self->source_id = 0;
  return G_SOURCE_REMOVE;
}

/* @position: where the change starts, in this model and in the child (no
 * item before it is hidden); @removed: how many items this model showed
 * there; @n_new: how many the child has there now.  Shows the first step
 * of them now and the rest later, or all of them now. */
static void
show_change (BespokeGradualModel *self,
             guint                position,
             guint                removed,
             guint                n_new)
{
  guint shown = n_new;

  if (self->step > 0 && n_new > self->step && removed <= self->step)
    {
      shown = self->step;
      self->run_start = position;
      self->hide_at = position + shown;
      self->n_hidden = n_new - shown;
      if (self->source_id == 0)
        self->source_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, STEP_INTERVAL_MS,
                                              step_cb, self, NULL);
    }
  else
    {
      self->n_hidden = 0;
      g_clear_handle_id (&self->source_id, g_source_remove);
    }
  if (removed > 0 || shown > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, shown);
}

static void
items_changed_cb (BespokeGradualModel *self,
                  guint                position,
                  guint                removed,
                  guint                added,
                  GListModel          *model)
{
  guint start, end;

  if (self->n_hidden == 0)
    {
      show_change (self, position, removed, added);
      return;
    }
  end = self->hide_at + self->n_hidden;

  /* after the items still to come: passed on, moved up by them */
  if (position > end)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position - self->n_hidden, removed, added);
      return;
    }
  /* among them, or just after them (a broad search's count, which brings
   * the rest of its people after the first page): the items it brings are
   * to come with them; only the shown ones it takes away go now */
  if (position >= self->hide_at)
    {
      guint removed_hidden = MIN (removed, end - position);

      self->n_hidden = self->n_hidden - removed_hidden + added;
      if (removed > removed_hidden)
        g_list_model_items_changed (G_LIST_MODEL (self), self->hide_at, removed - removed_hidden, 0);
      return;
    }
  /* a small change before them: passed on, and they move with it */
  if (position + removed <= self->hide_at && added <= self->step)
    {
      self->hide_at = self->hide_at - removed + added;
      if (position + removed <= self->run_start)
        self->run_start = self->run_start - removed + added;
      else
        self->run_start = MIN (self->run_start, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  /* otherwise one change over both: the items shown there and the ones to
   * come, in the child as it was, become what the child has there now */
  start = position;
  end = MAX (position + removed, end);
  show_change (self, start, end - start - self->n_hidden, end - removed + added - start);
}

static void
bespoke_gradual_model_dispose (GObject *object)
{
  BespokeGradualModel *self = BESPOKE_GRADUAL_MODEL (object);

  g_clear_handle_id (&self->source_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (bespoke_gradual_model_parent_class)->dispose (object);
}

static void
bespoke_gradual_model_class_init (BespokeGradualModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bespoke_gradual_model_dispose;
}

static void
bespoke_gradual_model_init (BespokeGradualModel *self)
{
}

/**
 * bespoke_gradual_model_new:
 * @model: (nullable): the model to pass through
 * @step: how many items a large change shows at once, a screenful; 0 to
 *   show every change at once
 */
BespokeGradualModel *
bespoke_gradual_model_new (GListModel *model,
                           guint       step)
{
  BespokeGradualModel *self = g_object_new (BESPOKE_TYPE_GRADUAL_MODEL, NULL);

  self->step = step;
  bespoke_gradual_model_set_model (self, model);
  return self;
}

/**
 * bespoke_gradual_model_set_model:
 * @model: (nullable): the model to pass through instead
 *
 * Its items replace the ones shown, in steps if they are many.
 */
void
bespoke_gradual_model_set_model (BespokeGradualModel *self,
                                 GListModel          *model)
{
  guint removed;

  g_return_if_fail (BESPOKE_IS_GRADUAL_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  removed = bespoke_gradual_model_get_n_items (G_LIST_MODEL (self));
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  self->n_hidden = 0;
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  show_change (self, 0, removed, model != NULL ? g_list_model_get_n_items (model) : 0);
}

/**
 * bespoke_gradual_model_get_n_hidden:
 *
 * Returns: how many of the child's items are still to be shown
 */
guint
bespoke_gradual_model_get_n_hidden (BespokeGradualModel *self)
{
  g_return_val_if_fail (BESPOKE_IS_GRADUAL_MODEL (self), 0);
  return self->n_hidden;
}

/**
 * bespoke_gradual_model_get_position:
 * @position: a position in the child model
 *
 * Returns: where the child's item at @position is in this model, or
 *   %G_MAXUINT (GTK_INVALID_LIST_POSITION) if it is still to be shown
 */
guint
bespoke_gradual_model_get_position (BespokeGradualModel *self,
                                    guint                position)
{
  g_return_val_if_fail (BESPOKE_IS_GRADUAL_MODEL (self), G_MAXUINT);

  if (self->n_hidden == 0 || position < self->hide_at)
    return position;
  if (position - self->hide_at < self->n_hidden)
    return G_MAXUINT;
  return position - self->n_hidden;
}

/**
 * bespoke_gradual_model_show_item:
 * @position: a position in the child model
 *
 * Shows the child's item at @position now, if it is still to come (with
 * everything else still to come): someone asked for that item.
 *
 * Returns: where it is in this model
 */
guint
bespoke_gradual_model_show_item (BespokeGradualModel *self,
                                 guint                position)
{
  g_return_val_if_fail (BESPOKE_IS_GRADUAL_MODEL (self), G_MAXUINT);

  if (bespoke_gradual_model_get_position (self, position) == G_MAXUINT)
    bespoke_gradual_model_show_all (self);
  return bespoke_gradual_model_get_position (self, position);
}

/**
 * bespoke_gradual_model_step:
 *
 * Shows the next step of a large change now, as the model does once a
 * frame by itself: @step items, or all the rest once the list view has
 * built its rows (%BESPOKE_GRADUAL_MODEL_ROWS_BUILT).
 *
 * Returns: whether items are still to be shown
 */
gboolean
bespoke_gradual_model_step (BespokeGradualModel *self)
{
  guint position, shown;

  g_return_val_if_fail (BESPOKE_IS_GRADUAL_MODEL (self), FALSE);

  if (self->n_hidden == 0)
    return FALSE;
  position = self->hide_at;
  shown = self->n_hidden;
  if (self->step > 0 && position - self->run_start < BESPOKE_GRADUAL_MODEL_ROWS_BUILT)
    shown = MIN (self->step, self->n_hidden);
  self->hide_at += shown;
  self->n_hidden -= shown;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, shown);
  return self->n_hidden > 0;
}

/**
 * bespoke_gradual_model_show_all:
 *
 * Shows every item still to come, now.
 */
void
bespoke_gradual_model_show_all (BespokeGradualModel *self)
{
  guint position, shown;

  g_return_if_fail (BESPOKE_IS_GRADUAL_MODEL (self));

  g_clear_handle_id (&self->source_id, g_source_remove);
  if (self->n_hidden == 0)
    return;
  position = self->hide_at;
  shown = self->n_hidden;
  self->n_hidden = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, shown);
}
