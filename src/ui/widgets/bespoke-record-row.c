/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-record-row"

#include "config.h"

#include "bespoke-record-row.h"

/**
 * BespokeRecordRow:
 *
 * One row of an editing window's sidebar (the shared homes, the providers):
 * the record's name, and the uuid of the record it stands for, by which the
 * window loads the record when the row is activated.
 */
struct _BespokeRecordRow
{
  GtkListBoxRow  parent_instance;

  char          *uuid;

  GtkLabel      *label;
};

G_DEFINE_FINAL_TYPE (BespokeRecordRow, bespoke_record_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * bespoke_record_row_new:
 * @record: the record the row stands for
 * @title: what the row says
 */
GtkWidget *
bespoke_record_row_new (BespokeRecord *record,
                        const char    *title)
{
  BespokeRecordRow *self;

  g_return_val_if_fail (BESPOKE_IS_RECORD (record), NULL);

  self = g_object_new (BESPOKE_TYPE_RECORD_ROW, NULL);
  self->uuid = g_strdup (bespoke_record_get_uuid (record));
  bespoke_record_row_set_title (self, title);
  return GTK_WIDGET (self);
}

const char *
bespoke_record_row_get_uuid (BespokeRecordRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_RECORD_ROW (self), NULL);

  return self->uuid;
}

void
bespoke_record_row_set_title (BespokeRecordRow *self,
                              const char       *title)
{
  g_return_if_fail (BESPOKE_IS_RECORD_ROW (self));

  gtk_label_set_label (self->label, title ? title : "");
}

/**
 * bespoke_record_row_fill_list:
 * @list: the sidebar's list
 * @store: the database
 * @record_type: the kind of record to list; each is titled by its "name"
 *
 * Puts a row in @list for each record of @record_type, in the store's
 * order, in place of the rows it had.
 *
 * Returns: %FALSE with @error set if the records could not be read; the
 *   list is then empty
 */
gboolean
bespoke_record_row_fill_list (GtkListBox    *list,
                              BespokeStore  *store,
                              GType          record_type,
                              GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GtkWidget *child;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), FALSE);
  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  records = bespoke_store_list (store, record_type, NULL, error);
  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      BespokeRecord *record = g_ptr_array_index (records, i);
      g_autofree char *name = NULL;

      g_object_get (record, "name", &name, NULL);
      gtk_list_box_append (list, bespoke_record_row_new (record, name));
    }
  return TRUE;
}

/**
 * bespoke_record_row_find:
 *
 * Returns: (transfer none) (nullable): the row of @list for the record
 *   @uuid, if it has one
 */
BespokeRecordRow *
bespoke_record_row_find (GtkListBox *list,
                         const char *uuid)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (BESPOKE_IS_RECORD_ROW (child) && g_strcmp0 (BESPOKE_RECORD_ROW (child)->uuid, uuid) == 0)
      return BESPOKE_RECORD_ROW (child);
  return NULL;
}

static void
on_first_map_cb (GtkWidget  *root,
                 GtkListBox *list)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);

  g_signal_handlers_disconnect_by_func (root, on_first_map_cb, list);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

/**
 * bespoke_record_row_focus_on_map:
 * @list: a sidebar's list, already in its window
 *
 * Puts the focus on the first row of @list once its window is first on
 * screen, so that a window that shows its first record straight away starts
 * in the list, not in the record's name, where the first key pressed would
 * replace it.
 */
void
bespoke_record_row_focus_on_map (GtkListBox *list)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  root = gtk_widget_get_root (GTK_WIDGET (list));
  g_return_if_fail (root != NULL);
  g_signal_connect_object (root, "map", G_CALLBACK (on_first_map_cb), list, 0);
}

static void
bespoke_record_row_dispose (GObject *object)
{
  /* The label is the row's child: the row lets go of it before the template
   * does, or GtkListBoxRow would unparent it twice. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), BESPOKE_TYPE_RECORD_ROW);

  G_OBJECT_CLASS (bespoke_record_row_parent_class)->dispose (object);
}

static void
bespoke_record_row_finalize (GObject *object)
{
  BespokeRecordRow *self = BESPOKE_RECORD_ROW (object);

  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (bespoke_record_row_parent_class)->finalize (object);
}

static void
bespoke_record_row_class_init (BespokeRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_record_row_dispose;
  object_class->finalize = bespoke_record_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeRecordRow, label);
}

static void
bespoke_record_row_init (BespokeRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
