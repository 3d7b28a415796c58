/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-field"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-date.h"
#include "bespoke-date-popover.h"
#include "bespoke-field-private.h"
#include "bespoke-money.h"

/**
 * BespokeField:
 *
 * One autosaving field: a widget bound to one record of a
 * #BespokeFieldSet by its UUID and an apply function.  See the contract in
 * bespoke-field.h.
 */

typedef enum {
  FIELD_TEXT,
  FIELD_COMBO,
  FIELD_SPIN,
} FieldKind;

struct _BespokeField
{
  GObject            parent_instance;

  BespokeFieldSet   *set;
  FieldKind          kind;
  char              *uuid;
  BespokeApplyText   apply_text;
  BespokeApplyIndex  apply_index;
  const char        *undo_label;
  const char        *canonical;    /* a date or money property shown in its usual form */
  GtkWidget         *widget;       /* the entry row, combo row or spin button (weak) */
  GtkWidget         *row;          /* the row to add to a group (weak) */
  GtkLabel          *error_label;  /* (weak) */
  gboolean           updating;     /* the value is being shown from code */
};

G_DEFINE_FINAL_TYPE (BespokeField, bespoke_field, G_TYPE_OBJECT)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Errors */

void
bespoke_field_show_error (GtkWidget  *widget,
                          GtkLabel   *error_label,
                          const char *message)
{
  if (widget != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }
  if (error_label != NULL)
    {
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (error_label));

      gtk_label_set_label (error_label, message ? message : "");
      if (GTK_IS_REVEALER (parent))
        gtk_revealer_set_reveal_child (GTK_REVEALER (parent), message != NULL);
      else
        gtk_widget_set_visible (GTK_IS_LIST_BOX_ROW (parent) ? parent : GTK_WIDGET (error_label),
                                message != NULL);
    }
}

/* A wrapped label in the `error` style, hidden until there is an error */
GtkLabel *
bespoke_field_error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

/* A date as typed: "1/4/2027" */
char *
bespoke_field_date_text (const char *iso)
{
  GDate date;

  if (iso == NULL || !bespoke_date_parse (iso, &date, NULL))
    return g_strdup ("");
  return bespoke_date_format_short (&date);
}

/* Saving */

static gboolean
save_copy (BespokeField  *self,
           BespokeRecord *copy)
{
  g_autoptr(GError) error = NULL;
  BespokeRecord *before = bespoke_field_set_lookup (self->set, bespoke_record_get_uuid (copy));
  gboolean changed = before == NULL || !bespoke_record_equal (before, copy);

  if (!bespoke_field_set_save (self->set, copy, self->undo_label, &error))
    {
      bespoke_field_show_error (self->widget, self->error_label, error->message);
      return FALSE;
    }
  bespoke_field_show_error (self->widget, self->error_label, NULL);
  if (changed)
    g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/* Applies the text typed to a copy of the record and checks it; saves it
 * too if @save.  Returns whether the text is valid. */
gboolean
bespoke_field_try (BespokeField *self,
                   gboolean      save)
{
  BespokeRecord *record = bespoke_field_set_lookup (self->set, self->uuid);
  g_autoptr(BespokeRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (record == NULL || self->widget == NULL)
    return FALSE;
  copy = bespoke_record_copy (record);
  if (!self->apply_text (copy, gtk_editable_get_text (GTK_EDITABLE (self->widget)), &error) ||
      !bespoke_record_validate (copy, &error))
    {
      bespoke_field_show_error (self->widget, self->error_label, error->message);
      return FALSE;
    }
  if (!save)
    {
      bespoke_field_show_error (self->widget, self->error_label, NULL);
      return TRUE;
    }
  return save_copy (self, copy);
}

static void
apply_index (BespokeField *self,
             guint         index)
{
  BespokeRecord *record = bespoke_field_set_lookup (self->set, self->uuid);
  g_autoptr(BespokeRecord) copy = NULL;

  if (record == NULL || self->updating)
    return;
  copy = bespoke_record_copy (record);
  self->apply_index (copy, index);
  save_copy (self, copy);
}

/* Showing values */

/* On leaving a date or an amount that was saved, it is written the usual
 * way: "35000" becomes "£35,000.00", "2027-04-01" becomes "1/4/2027". */
static void
show_canonical (BespokeField *self)
{
  BespokeRecord *record = bespoke_field_set_lookup (self->set, self->uuid);
  GParamSpec *pspec;
  g_autofree char *text = NULL;

  if (self->canonical == NULL || record == NULL || self->widget == NULL ||
      gtk_widget_has_css_class (self->widget, "error"))
    return;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), self->canonical);
  if (pspec == NULL)
    return;
  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT64)
    {
      gint64 amount;

      g_object_get (record, self->canonical, &amount, NULL);
      text = bespoke_money_format (amount);
    }
  else
    {
      g_autofree char *iso = NULL;

      g_object_get (record, self->canonical, &iso, NULL);
      text = bespoke_field_date_text (iso);
    }
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->widget))) != 0)
    bespoke_field_set_text (self, text);
}

/* Shows @text in a text field without saving it. */
void
bespoke_field_set_text (BespokeField *self,
                        const char   *text)
{
  g_return_if_fail (BESPOKE_IS_FIELD (self));
  g_return_if_fail (self->kind == FIELD_TEXT);

  if (self->widget == NULL)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->widget), text ? text : "");
  self->updating = FALSE;
}

/* Shows a choice (a combo row's position, a spin button's value) without
 * saving it. */
void
bespoke_field_set_index (BespokeField *self,
                         guint         index)
{
  g_return_if_fail (BESPOKE_IS_FIELD (self));
  g_return_if_fail (self->kind != FIELD_TEXT);

  if (self->widget == NULL)
    return;
  self->updating = TRUE;
  if (self->kind == FIELD_COMBO)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->widget), index);
  else
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->widget), index);
  self->updating = FALSE;
}

/**
 * bespoke_field_commit:
 *
 * As Enter: a text field waiting is saved now, and shown the usual way.
 */
void
bespoke_field_commit (BespokeField *self)
{
  g_return_if_fail (BESPOKE_IS_FIELD (self));

  if (bespoke_field_set_is_waiting (self->set, self))
    bespoke_field_set_flush (self->set);
  show_canonical (self);
}

/* Points the field at another record, with its value shown by the caller
 * (bespoke_field_set_text() or bespoke_field_set_index()). */
void
bespoke_field_set_uuid (BespokeField *self,
                        const char   *uuid)
{
  g_return_if_fail (BESPOKE_IS_FIELD (self));

  if (bespoke_field_set_is_waiting (self->set, self))
    bespoke_field_set_flush (self->set);
  if (g_strcmp0 (self->uuid, uuid) != 0)
    {
      g_free (self->uuid);
      self->uuid = g_strdup (uuid);
    }
  bespoke_field_show_error (self->widget, self->error_label, NULL);
}

/* A date or money property, shown the usual way on Enter or leaving */
void
bespoke_field_set_canonical (BespokeField *self,
                             const char   *property)
{
  g_return_if_fail (BESPOKE_IS_FIELD (self));
  self->canonical = g_intern_string (property);
}

/* Signals */

static void
on_text_changed_cb (GtkEditable  *editable,
                    BespokeField *self)
{
  if (!self->updating)
    bespoke_field_set_wait (self->set, self);
}

static void
on_text_activated_cb (GtkWidget    *widget,
                      BespokeField *self)
{
  bespoke_field_commit (self);
}

static void
on_focus_left_cb (GtkEventControllerFocus *controller,
                  BespokeField            *self)
{
  bespoke_field_commit (self);
}

static void
on_combo_selected_cb (AdwComboRow  *row,
                      GParamSpec   *pspec,
                      BespokeField *self)
{
  apply_index (self, adw_combo_row_get_selected (row));
}

static void
on_spin_value_changed_cb (GtkSpinButton *spin,
                          BespokeField  *self)
{
  apply_index (self, (guint) gtk_spin_button_get_value_as_int (spin));
}

/* A field waiting is saved when its widget leaves the screen (its page
 * hidden, its expander closed, its rows rebuilt), while it can still be
 * read. */
static void
on_widget_unmap_cb (GtkWidget    *widget,
                    BespokeField *self)
{
  if (bespoke_field_set_is_waiting (self->set, self))
    bespoke_field_set_flush (self->set);
}

/* The widget is going, and the field with it. */
static void
on_widget_destroy_cb (GtkWidget    *widget,
                      BespokeField *self)
{
  bespoke_field_set_unwait (self->set, self);
  g_signal_handlers_disconnect_by_data (widget, self);
  g_clear_weak_pointer (&self->widget);
  g_object_unref (self);
}

/* Binding */

static BespokeField *
field_new (BespokeFieldSet *set,
           FieldKind        kind,
           GtkWidget       *widget,
           const char      *uuid,
           const char      *undo_label,
           GtkLabel        *error_label)
{
  BespokeField *self = g_object_new (BESPOKE_TYPE_FIELD, NULL);

  self->set = g_object_ref (set);
  self->kind = kind;
  self->uuid = g_strdup (uuid);
  self->undo_label = g_intern_string (undo_label);
  g_set_weak_pointer (&self->widget, widget);
  g_set_weak_pointer (&self->row, widget);
  g_set_weak_pointer (&self->error_label, error_label);
  /* the widget holds the field: it goes when the widget is destroyed */
  g_signal_connect (widget, "unmap", G_CALLBACK (on_widget_unmap_cb), self);
  g_signal_connect (widget, "destroy", G_CALLBACK (on_widget_destroy_cb), self);
  return self;
}

/**
 * bespoke_field_bind_text:
 * @error_label: (nullable): where the error's sentence is shown
 *
 * Returns: (transfer none): the field, alive as long as @row
 */
BespokeField *
bespoke_field_bind_text (BespokeFieldSet  *set,
                         AdwEntryRow      *row,
                         const char       *uuid,
                         BespokeApplyText  apply,
                         const char       *undo_label,
                         GtkLabel         *error_label)
{
  BespokeField *self;
  GtkEventController *focus;

  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (set), NULL);
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);
  g_return_val_if_fail (apply != NULL, NULL);

  self = field_new (set, FIELD_TEXT, GTK_WIDGET (row), uuid, undo_label, error_label);
  self->apply_text = apply;
  g_signal_connect (row, "changed", G_CALLBACK (on_text_changed_cb), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_text_activated_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
  return self;
}

/**
 * bespoke_field_bind_combo:
 *
 * Returns: (transfer none): the field, alive as long as @row
 */
BespokeField *
bespoke_field_bind_combo (BespokeFieldSet   *set,
                          AdwComboRow       *row,
                          const char        *uuid,
                          BespokeApplyIndex  apply,
                          const char        *undo_label,
                          GtkLabel          *error_label)
{
  BespokeField *self;

  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (set), NULL);
  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);
  g_return_val_if_fail (apply != NULL, NULL);

  self = field_new (set, FIELD_COMBO, GTK_WIDGET (row), uuid, undo_label, error_label);
  self->apply_index = apply;
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self);
  return self;
}

/**
 * bespoke_field_bind_spin:
 *
 * Returns: (transfer none): the field, alive as long as @spin
 */
BespokeField *
bespoke_field_bind_spin (BespokeFieldSet   *set,
                         GtkSpinButton     *spin,
                         const char        *uuid,
                         BespokeApplyIndex  apply,
                         const char        *undo_label,
                         GtkLabel          *error_label)
{
  BespokeField *self;

  g_return_val_if_fail (BESPOKE_IS_FIELD_SET (set), NULL);
  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), NULL);
  g_return_val_if_fail (apply != NULL, NULL);

  self = field_new (set, FIELD_SPIN, GTK_WIDGET (spin), uuid, undo_label, error_label);
  self->apply_index = apply;
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_value_changed_cb), self);
  return self;
}

GtkWidget *
bespoke_field_get_widget (BespokeField *self)
{
  g_return_val_if_fail (BESPOKE_IS_FIELD (self), NULL);
  return self->widget;
}

/* The row to add to a group: the widget, or the action row holding a spin button */
GtkWidget *
bespoke_field_get_row (BespokeField *self)
{
  g_return_val_if_fail (BESPOKE_IS_FIELD (self), NULL);
  return self->row;
}

const char *
bespoke_field_get_uuid (BespokeField *self)
{
  g_return_val_if_fail (BESPOKE_IS_FIELD (self), NULL);
  return self->uuid;
}

GtkLabel *
bespoke_field_get_error_label (BespokeField *self)
{
  g_return_val_if_fail (BESPOKE_IS_FIELD (self), NULL);
  return self->error_label;
}

/* A date field's calendar: it opens on the field's saved date, and the
 * day chosen is saved as if it had been typed. */
static void
on_date_chosen_cb (BespokeDatePopover *popover,
                   const char         *iso,
                   BespokeField       *self)
{
  g_autofree char *text = bespoke_field_date_text (iso);

  if (self->widget == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->widget), text);
  bespoke_field_commit (self);
}

static void
on_date_popover_show_cb (GtkWidget    *popover,
                         BespokeField *self)
{
  BespokeRecord *record = bespoke_field_set_lookup (self->set, self->uuid);
  g_autofree char *iso = NULL;

  if (record != NULL && self->canonical != NULL)
    g_object_get (record, self->canonical, &iso, NULL);
  bespoke_date_popover_set_date (BESPOKE_DATE_POPOVER (popover), iso);
}

/**
 * bespoke_field_add_date_picker:
 * @property: the record's date property, also shown the usual way
 *
 * Adds a calendar button to a text field's row.
 */
void
bespoke_field_add_date_picker (BespokeField *self,
                               const char   *property)
{
  GtkWidget *button;
  GtkWidget *popover;
  g_autofree char *label = NULL;

  g_return_if_fail (BESPOKE_IS_FIELD (self));
  g_return_if_fail (self->kind == FIELD_TEXT && self->widget != NULL);

  button = gtk_menu_button_new ();
  popover = bespoke_date_popover_new ();
  label = g_strdup_printf (_("Choose “%s” from a calendar"),
                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->widget)));
  bespoke_field_set_canonical (self, property);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_date_popover_show_cb), self, 0);
  g_signal_connect_object (popover, "date-chosen", G_CALLBACK (on_date_chosen_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->widget), button);
}

/* Rows made and bound in one go */

BespokeField *
bespoke_field_new_text_row (BespokeFieldSet  *set,
                            const char       *title,
                            const char       *text,
                            const char       *uuid,
                            BespokeApplyText  apply,
                            const char       *undo_label,
                            GtkLabel         *error_label)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return bespoke_field_bind_text (set, ADW_ENTRY_ROW (row), uuid, apply, undo_label, error_label);
}

BespokeField *
bespoke_field_new_combo_row (BespokeFieldSet    *set,
                             const char         *title,
                             const char * const *items,
                             guint               selected,
                             const char         *uuid,
                             BespokeApplyIndex   apply,
                             const char         *undo_label,
                             GtkLabel           *error_label)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);
  g_autoptr(GString) spoken = g_string_new (NULL);

  /* A title with a mnemonic ("_Nation"): Alt and the letter open the list */
  for (const char *p = title; *p != '\0'; p++)
    if (*p != '_' || p[1] == '_')
      g_string_append_c (spoken, *p == '_' ? *++p : *p);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), strchr (title, '_') != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str, -1);
  return bespoke_field_bind_combo (set, ADW_COMBO_ROW (row), uuid, apply, undo_label, error_label);
}

BespokeField *
bespoke_field_new_spin_row (BespokeFieldSet   *set,
                            const char        *title,
                            const char        *subtitle,
                            guint              value,
                            guint              lower,
                            guint              upper,
                            const char        *uuid,
                            BespokeApplyIndex  apply,
                            const char        *undo_label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);
  BespokeField *self;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  self = bespoke_field_bind_spin (set, GTK_SPIN_BUTTON (spin), uuid, apply, undo_label, NULL);
  g_set_weak_pointer (&self->row, row);
  return self;
}

static void
bespoke_field_dispose (GObject *object)
{
  BespokeField *self = BESPOKE_FIELD (object);

  g_clear_weak_pointer (&self->widget);
  g_clear_weak_pointer (&self->row);
  g_clear_weak_pointer (&self->error_label);
  g_clear_object (&self->set);

  G_OBJECT_CLASS (bespoke_field_parent_class)->dispose (object);
}

static void
bespoke_field_finalize (GObject *object)
{
  BespokeField *self = BESPOKE_FIELD (object);

  g_free (self->uuid);

  G_OBJECT_CLASS (bespoke_field_parent_class)->finalize (object);
}

static void
bespoke_field_class_init (BespokeFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bespoke_field_dispose;
  object_class->finalize = bespoke_field_finalize;

  /**
   * BespokeField::saved:
   *
   * The field's edit was saved and changed the store.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bespoke_field_init (BespokeField *self)
{
}
