/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-audit-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-audit-window.h"
#include "bespoke-core.h"

/*
 * The audit trail (app.audit-trail): every export, import, deletion,
 * backup, restore and opening of a record, newest first, read once when
 * the window opens.  The list is a GtkListView over a GtkStringList of
 * each entry's two lines ("what\nwhen · who · action"), so a long trail
 * costs rows only for what is on screen.
 */

struct _BespokeAuditWindow
{
  AdwWindow      parent_instance;

  GtkStack      *stack;
  GtkListView   *list_view;
  GtkLabel      *error_label;
  GtkStringList *lines;
};

G_DEFINE_FINAL_TYPE (BespokeAuditWindow, bespoke_audit_window, ADW_TYPE_WINDOW)

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *what = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (what), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *line = gtk_list_item_get_item (item);
  const char *text = gtk_string_object_get_string (line);
  const char *newline = strchr (text, '\n');
  g_autofree char *what = newline ? g_strndup (text, (gsize) (newline - text)) : g_strdup (text);
  GtkWidget *what_label = gtk_widget_get_first_child (box);
  GtkWidget *meta_label = gtk_widget_get_next_sibling (what_label);

  gtk_label_set_text (GTK_LABEL (what_label), what);
  gtk_label_set_text (GTK_LABEL (meta_label), newline ? newline + 1 : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* When, as dates read everywhere in the window: "5 December 2026, 16:58:01"
 * (the CLI keeps the sortable "2026-12-05 16:58:01") */
static char *
when_text (BespokeAuditEntry *entry)
{
  g_autofree char *stamp = bespoke_audit_entry_format_time (entry);
  g_autofree char *day = NULL;

  if (strlen (stamp) < 19)
    return g_steal_pointer (&stamp);
  stamp[10] = '\0';
  day = bespoke_date_format_long (stamp);
  /* Translators: when something was done: a date and a time, e.g. "5 December 2026, 16:58:01" */
  return g_strdup_printf (_("%s, %s"), day, stamp + 11);
}

/* "Exported Paul Roberts to …\n5 December 2026, 16:58:01 · jo (Jo Bloggs) · export" */
static char *
entry_line (BespokeAuditEntry *entry)
{
  g_autofree char *when = when_text (entry);
  g_autofree char *who = *entry->planner
                         ? g_strdup_printf ("%s (%s)", entry->system_user, entry->planner)
                         : g_strdup (entry->system_user);

  return g_strdup_printf ("%s\n%s · %s · %s", entry->detail, when, who,
                          bespoke_audit_action_to_string (entry->action));
}

static void
load (BespokeAuditWindow *self,
      BespokeStore       *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = bespoke_store_audit_list (store, 0, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (entries == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  for (guint i = entries->len; i > 0; i--)
    g_ptr_array_add (lines, entry_line (entries->pdata[i - 1]));
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->lines, 0, 0, (const char * const *) lines->pdata);
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
}

static void
bespoke_audit_window_dispose (GObject *object)
{
  BespokeAuditWindow *self = BESPOKE_AUDIT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->lines);
  G_OBJECT_CLASS (bespoke_audit_window_parent_class)->dispose (object);
}

static void
bespoke_audit_window_class_init (BespokeAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_audit_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeAuditWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeAuditWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, BespokeAuditWindow, error_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bespoke_audit_window_init (BespokeAuditWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->lines = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->lines)))));
}

/**
 * bespoke_audit_window_new:
 *
 * The audit trail of @store as it is now.
 */
BespokeAuditWindow *
bespoke_audit_window_new (GtkWindow    *parent,
                          BespokeStore *store)
{
  BespokeAuditWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  self = g_object_new (BESPOKE_TYPE_AUDIT_WINDOW, "transient-for", parent, NULL);
  load (self, store);
  return self;
}

/* The lines shown, newest first */
GListModel *
bespoke_audit_window_get_model (BespokeAuditWindow *self)
{
  g_return_val_if_fail (BESPOKE_IS_AUDIT_WINDOW (self), NULL);
  return G_LIST_MODEL (self->lines);
}

const char *
bespoke_audit_window_get_line (BespokeAuditWindow *self,
                               guint               position)
{
  g_return_val_if_fail (BESPOKE_IS_AUDIT_WINDOW (self), NULL);
  return gtk_string_list_get_string (self->lines, position);
}
