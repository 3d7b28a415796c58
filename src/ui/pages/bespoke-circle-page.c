/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-circle-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bespoke-circle-chart.h"
#include "bespoke-circle-member-row.h"
#include "bespoke-circle-page.h"
#include "bespoke-enums.h"
#include "bespoke-types.h"

#define N_RINGS 4

/**
 * BespokeCirclePage:
 *
 * A person's relationship circle: the chart of four rings, and below it
 * the list of the people in them, to add, change and remove.  Every edit
 * is saved at once through the history, so the window's Undo takes it
 * back; removing someone also offers Undo in a toast.
 */
struct _BespokeCirclePage
{
  GtkWidget           parent_instance;

  BespokeStore       *store;
  BespokeHistory     *history;
  BespokePerson      *person;
  GListStore         *members;      /* BespokeCircleMember, by ring then position */
  gulong              changed_id;
  guint               reload_source;

  GtkLabel           *error_label;
  BespokeCircleChart *chart;
  GtkWidget          *add_button;
  GtkFlowBox         *legend;
  GtkListBox         *members_list;
};

G_DEFINE_FINAL_TYPE (BespokeCirclePage, bespoke_circle_page, GTK_TYPE_WIDGET)

static gboolean
is_editable (BespokeCirclePage *self)
{
  return self->store != NULL && self->history != NULL && self->person != NULL &&
         !bespoke_store_get_read_only (self->store);
}

static void
show_error (BespokeCirclePage *self,
            const char        *what,
            const GError      *error)
{
  /* Translators: the first %s says what could not be done, the second why */
  g_autofree char *text = g_strdup_printf (_("%s %s"), what, error->message);

  gtk_label_set_label (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static const char *
person_display_name (BespokePerson *person)
{
  const char *name;

  if (person == NULL)
    return NULL;
  name = bespoke_person_get_preferred_name (person);
  return name != NULL && *name != '\0' ? name : bespoke_person_get_name (person);
}

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  BespokeCircleMember *ma = *(BespokeCircleMember **) a;
  BespokeCircleMember *mb = *(BespokeCircleMember **) b;
  int ra = bespoke_circle_member_get_ring (ma);
  int rb = bespoke_circle_member_get_ring (mb);
  guint pa = bespoke_circle_member_get_position (ma);
  guint pb = bespoke_circle_member_get_position (mb);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  if (pa != pb)
    return pa < pb ? -1 : 1;
  return g_strcmp0 (bespoke_record_get_uuid (BESPOKE_RECORD (ma)), bespoke_record_get_uuid (BESPOKE_RECORD (mb)));
}

static void
edit_member_cb (BespokeCirclePage      *self,
                BespokeCircleMemberRow *row)
{
  bespoke_circle_page_open_editor (self, bespoke_circle_member_row_get_member (row));
}

static void
remove_member_cb (BespokeCirclePage      *self,
                  BespokeCircleMemberRow *row)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_circle_page_delete_member (self, bespoke_circle_member_row_get_member (row), &error))
    show_error (self, _("They could not be removed from the circle."), error);
}

static GtkWidget *
create_member_row_cb (gpointer item,
                      gpointer user_data)
{
  BespokeCirclePage *self = user_data;
  GtkWidget *row = bespoke_circle_member_row_new (item, is_editable (self));

  g_signal_connect_object (row, "edit", G_CALLBACK (edit_member_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (remove_member_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static void
reload (BespokeCirclePage *self)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_list_store_remove_all (self->members);

  if (self->store != NULL && self->person != NULL)
    {
      members = bespoke_store_list (self->store, BESPOKE_TYPE_CIRCLE_MEMBER,
                                    bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), &error);
      if (members == NULL)
        show_error (self, _("The circle could not be read."), error);
      else
        {
          g_ptr_array_sort (members, compare_members);
          g_list_store_splice (self->members, 0, 0, members->pdata, members->len);
        }
    }

  gtk_list_box_bind_model (self->members_list, G_LIST_MODEL (self->members),
                           create_member_row_cb, self, NULL);
  bespoke_circle_chart_set_members (self->chart, G_LIST_MODEL (self->members),
                                    person_display_name (self->person));
  gtk_widget_set_visible (self->add_button, is_editable (self));
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  BespokeCirclePage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (BespokeCirclePage *self,
                  GType              type,
                  const char        *uuid,
                  BespokeStore      *store)
{
  if (self->person == NULL)
    return;

  if (type == BESPOKE_TYPE_CIRCLE_MEMBER ||
      (type == BESPOKE_TYPE_PERSON && g_strcmp0 (uuid, bespoke_record_get_uuid (BESPOKE_RECORD (self->person))) == 0))
    {
      if (type == BESPOKE_TYPE_PERSON)
        {
          g_autoptr(BespokePerson) person = bespoke_store_load (store, BESPOKE_TYPE_PERSON, uuid, NULL);

          if (person != NULL)
            g_set_object (&self->person, person);
        }
      if (self->reload_source == 0)
        self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
    }
}

/* ---- the editor -------------------------------------------------------- */

typedef struct
{
  BespokeCirclePage   *self;
  BespokeCircleMember *member;   /* NULL: a new one */
  AdwEntryRow         *name_row;
  AdwEntryRow         *relationship_row;
  AdwComboRow         *ring_row;
  AdwEntryRow         *contact_row;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *editor = data;

  g_clear_object (&editor->self);
  g_clear_object (&editor->member);
  g_free (editor);
}

static void
editor_name_changed_cb (AdwMessageDialog *dialog,
                        GParamSpec       *pspec,
                        AdwEntryRow      *row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gboolean ok = *name != '\0';

  adw_message_dialog_set_response_enabled (dialog, "save", ok);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
editor_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Editor           *editor)
{
  g_autoptr(BespokeCircleMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *relationship = NULL;
  g_autofree char *contact = NULL;

  if (!g_str_equal (response, "save"))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->name_row))));
  relationship = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->relationship_row))));
  contact = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->contact_row))));

  if (editor->member != NULL)
    member = BESPOKE_CIRCLE_MEMBER (bespoke_record_copy (BESPOKE_RECORD (editor->member)));
  else
    member = bespoke_circle_member_new ();
  bespoke_circle_member_set_name (member, name);
  bespoke_circle_member_set_relationship (member, *relationship ? relationship : NULL);
  bespoke_circle_member_set_contact (member, *contact ? contact : NULL);
  bespoke_circle_member_set_ring (member, adw_combo_row_get_selected (editor->ring_row));

  if (!bespoke_circle_page_save_member (editor->self, member, &error))
    show_error (editor->self, _("The circle could not be changed."), error);
}

/**
 * bespoke_circle_page_open_editor:
 * @member: (nullable): whom to change, or NULL to add someone
 *
 * Shows a dialog for a member's name, relationship, ring and contact.
 */
void
bespoke_circle_page_open_editor (BespokeCirclePage   *self,
                                 BespokeCircleMember *member)
{
  Editor *editor;
  GtkWidget *dialog;
  GtkWidget *list;
  g_autoptr(GtkStringList) rings = gtk_string_list_new (NULL);

  g_return_if_fail (BESPOKE_IS_CIRCLE_PAGE (self));

  if (!is_editable (self))
    return;

  editor = g_new0 (Editor, 1);
  editor->self = g_object_ref (self);
  editor->member = member ? g_object_ref (member) : NULL;

  for (int ring = 0; ring < N_RINGS; ring++)
    gtk_string_list_append (rings, bespoke_enum_label (BESPOKE_TYPE_RING, ring));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   member ? _("Change Their Details") : _("Add Someone to the Circle"),
                                   _("Intimate is for the people closest to them; friends, then community "
                                     "(clubs, neighbours, work), then the people paid to support them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", member ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = g_object_new (GTK_TYPE_LIST_BOX,
                       "selection-mode", GTK_SELECTION_NONE,
                       "css-classes", (const char * const[]) { "boxed-list", NULL },
                       NULL);
  editor->name_row = g_object_new (ADW_TYPE_ENTRY_ROW, "title", _("Name"), "activates-default", TRUE, NULL);
  editor->relationship_row = g_object_new (ADW_TYPE_ENTRY_ROW, "title", _("Relationship, e.g. Mum or Neighbour"),
                                           "activates-default", TRUE, NULL);
  editor->ring_row = g_object_new (ADW_TYPE_COMBO_ROW, "title", _("Ring"), "model", rings, NULL);
  editor->contact_row = g_object_new (ADW_TYPE_ENTRY_ROW, "title", _("Contact (optional)"),
                                      "activates-default", TRUE, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (editor->name_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (editor->relationship_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (editor->ring_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (editor->contact_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  if (member != NULL)
    {
      const char *relationship = bespoke_circle_member_get_relationship (member);
      const char *contact = bespoke_circle_member_get_contact (member);

      gtk_editable_set_text (GTK_EDITABLE (editor->name_row), bespoke_circle_member_get_name (member));
      gtk_editable_set_text (GTK_EDITABLE (editor->relationship_row), relationship ? relationship : "");
      gtk_editable_set_text (GTK_EDITABLE (editor->contact_row), contact ? contact : "");
      adw_combo_row_set_selected (editor->ring_row, bespoke_circle_member_get_ring (member));
    }
  else
    adw_combo_row_set_selected (editor->ring_row, BESPOKE_RING_FRIENDS);

  g_signal_connect_object (editor->name_row, "notify::text", G_CALLBACK (editor_name_changed_cb), dialog, G_CONNECT_SWAPPED);
  editor_name_changed_cb (ADW_MESSAGE_DIALOG (dialog), NULL, editor->name_row);
  g_signal_connect_data (dialog, "response", G_CALLBACK (editor_response_cb), editor,
                         (GClosureNotify) (void (*) (void)) editor_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (editor->name_row));
}

static void
add_clicked_cb (BespokeCirclePage *self,
                GtkButton         *button)
{
  bespoke_circle_page_open_editor (self, NULL);
}

/* ---- the class --------------------------------------------------------- */

static void
bespoke_circle_page_dispose (GObject *object)
{
  BespokeCirclePage *self = (BespokeCirclePage *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_CIRCLE_PAGE);
  /* GTK 4.8 unparents only the children bound by name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->person);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (bespoke_circle_page_parent_class)->dispose (object);
}

static void
bespoke_circle_page_class_init (BespokeCirclePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_circle_page_dispose;

  g_type_ensure (BESPOKE_TYPE_CIRCLE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-circle-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeCirclePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeCirclePage, chart);
  gtk_widget_class_bind_template_child (widget_class, BespokeCirclePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeCirclePage, legend);
  gtk_widget_class_bind_template_child (widget_class, BespokeCirclePage, members_list);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "circlepage");
}

static void
bespoke_circle_page_init (BespokeCirclePage *self)
{
  /* The key's colours are the chart's, without its transparency. */
  static const char *colours[N_RINGS] = { "#e01b24", "#f57900", "#26a269", "#3584e4" };

  self->members = g_list_store_new (BESPOKE_TYPE_CIRCLE_MEMBER);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int ring = 0; ring < N_RINGS; ring++)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s", colours[ring],
                                                         bespoke_enum_label (BESPOKE_TYPE_RING, ring));
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_flow_box_append (self->legend, label);
      gtk_widget_set_can_focus (gtk_widget_get_parent (label), FALSE);
    }
  reload (self);
}

GtkWidget *
bespoke_circle_page_new (void)
{
  return g_object_new (BESPOKE_TYPE_CIRCLE_PAGE, NULL);
}

/**
 * bespoke_circle_page_set_person:
 * @person: (nullable): whose circle to show
 *
 * Shows @person's circle from @store; edits go through @history.
 */
void
bespoke_circle_page_set_person (BespokeCirclePage *self,
                                BespokeStore      *store,
                                BespokeHistory    *history,
                                BespokePerson     *person)
{
  g_return_if_fail (BESPOKE_IS_CIRCLE_PAGE (self));
  g_return_if_fail (store == NULL || BESPOKE_IS_STORE (store));
  g_return_if_fail (history == NULL || BESPOKE_IS_HISTORY (history));
  g_return_if_fail (person == NULL || BESPOKE_IS_PERSON (person));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->history, history);
  g_set_object (&self->person, person);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  reload (self);
}

/**
 * bespoke_circle_page_get_members:
 *
 * Returns: (transfer none): the members shown, by ring and then position
 */
GListModel *
bespoke_circle_page_get_members (BespokeCirclePage *self)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_PAGE (self), NULL);
  return G_LIST_MODEL (self->members);
}

static gboolean
check_editable (BespokeCirclePage  *self,
                GError            **error)
{
  if (is_editable (self))
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                       _("This circle cannot be changed, because the database is open read-only."));
  return FALSE;
}

/**
 * bespoke_circle_page_save_member:
 *
 * Saves @member (new, or changed) in the shown person's circle through the
 * history.  A new member, or one moved to another ring, goes at the end of
 * its ring.
 */
gboolean
bespoke_circle_page_save_member (BespokeCirclePage    *self,
                                 BespokeCircleMember  *member,
                                 GError              **error)
{
  BespokeRing ring;
  gboolean in_place = FALSE;
  guint position = 0;

  g_return_val_if_fail (BESPOKE_IS_CIRCLE_PAGE (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_MEMBER (member), FALSE);

  if (!check_editable (self, error))
    return FALSE;

  ring = bespoke_circle_member_get_ring (member);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->members)); i++)
    {
      g_autoptr(BespokeCircleMember) other = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      if (g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (other)), bespoke_record_get_uuid (BESPOKE_RECORD (member))))
        in_place = bespoke_circle_member_get_ring (other) == ring;
      else if (bespoke_circle_member_get_ring (other) == ring)
        position = MAX (position, bespoke_circle_member_get_position (other) + 1);
    }

  bespoke_circle_member_set_person_uuid (member, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)));
  if (!in_place)
    bespoke_circle_member_set_position (member, position);

  if (!bespoke_history_save (self->history, member,
                             in_place ? _("Change Circle Member") : _("Add to Circle"), error))
    return FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  reload (self);
  return TRUE;
}

/* What a "removed from the circle" toast puts back, and where. */
typedef struct
{
  GWeakRef             page;
  BespokeCircleMember *removed;
} UndoRemove;

static void
undo_remove_free (gpointer data,
                  GClosure *closure)
{
  UndoRemove *undo = data;

  g_weak_ref_clear (&undo->page);
  g_clear_object (&undo->removed);
  g_free (undo);
}

static void
undo_remove_cb (AdwToast   *toast,
                UndoRemove *undo)
{
  g_autoptr(BespokeCirclePage) self = g_weak_ref_get (&undo->page);
  BespokeCircleMember *removed = undo->removed;
  g_autoptr(BespokeCircleMember) copy = BESPOKE_CIRCLE_MEMBER (bespoke_record_copy (BESPOKE_RECORD (removed)));
  g_autoptr(GError) error = NULL;

  if (self == NULL || !is_editable (self) ||
      g_strcmp0 (bespoke_circle_member_get_person_uuid (copy), bespoke_record_get_uuid (BESPOKE_RECORD (self->person))) != 0)
    return;

  if (!bespoke_history_save (self->history, copy, _("Put Back in Circle"), &error))
    show_error (self, _("They could not be put back in the circle."), error);
  else
    reload (self);
}

/**
 * bespoke_circle_page_delete_member:
 *
 * Removes @member through the history and offers Undo in a toast.
 */
gboolean
bespoke_circle_page_delete_member (BespokeCirclePage    *self,
                                   BespokeCircleMember  *member,
                                   GError              **error)
{
  g_autoptr(BespokeCircleMember) kept = NULL;
  g_autofree char *title = NULL;
  GtkWidget *overlay;
  AdwToast *toast;
  UndoRemove *undo;

  g_return_val_if_fail (BESPOKE_IS_CIRCLE_PAGE (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_MEMBER (member), FALSE);

  if (!check_editable (self, error))
    return FALSE;

  kept = BESPOKE_CIRCLE_MEMBER (bespoke_record_copy (BESPOKE_RECORD (member)));
  if (!bespoke_history_delete (self->history, kept, _("Remove from Circle"), error))
    return FALSE;

  /* Translators: %s is someone's name */
  title = g_strdup_printf (_("%s removed from the circle"), bespoke_circle_member_get_name (member));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (UndoRemove, 1);
  g_weak_ref_init (&undo->page, self);
  undo->removed = g_steal_pointer (&kept);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_cb), undo, undo_remove_free, 0);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  reload (self);
  return TRUE;
}
