/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-seal-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-core.h"
#include "bespoke-seal-dialog.h"

/*
 * Before an export is written: seal it with a passphrase (on at first),
 * typed twice, with a hint of how hard it is to guess from the core's
 * bespoke_seal_passphrase_strength().  "Export" is enabled once the file
 * is not to be sealed, or the passphrase is long enough and typed the same
 * twice; ::export is then emitted and the dialog closes.
 */

struct _BespokeSealDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkSwitch      *seal_switch;
  AdwPreferencesGroup *passphrase_group;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *again_row;
  GtkLevelBar    *strength_bar;
  GtkLabel       *hint_label;
  GtkLabel       *mismatch_label;

  char           *hint;
  gboolean        ready;
};

G_DEFINE_FINAL_TYPE (BespokeSealDialog, bespoke_seal_dialog, ADW_TYPE_WINDOW)

enum { EXPORT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update (BespokeSealDialog *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->again_row));
  gboolean seal = gtk_switch_get_active (self->seal_switch);
  BespokeSealStrength strength;
  gboolean same = g_str_equal (passphrase, again);

  g_clear_pointer (&self->hint, g_free);
  strength = bespoke_seal_passphrase_strength (passphrase, &self->hint);
  gtk_level_bar_set_value (self->strength_bar, *passphrase == '\0' ? 0 : (double) strength + 1);
  gtk_label_set_text (self->hint_label, *passphrase == '\0' ? _("Four or five unrelated words are easy to type and hard to guess.") : self->hint);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_group), seal);
  gtk_widget_set_visible (GTK_WIDGET (self->mismatch_label), seal && *again != '\0' && !same);

  self->ready = !seal || (strength > BESPOKE_SEAL_STRENGTH_TOO_SHORT && same);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seal.export", self->ready);
}

static void
on_changed_cb (BespokeSealDialog *self)
{
  update (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BespokeSealDialog *self = BESPOKE_SEAL_DIALOG (widget);

  if (!self->ready)
    return;
  g_object_ref (self);
  g_signal_emit (self, signals[EXPORT], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
bespoke_seal_dialog_finalize (GObject *object)
{
  BespokeSealDialog *self = BESPOKE_SEAL_DIALOG (object);

  g_free (self->hint);
  G_OBJECT_CLASS (bespoke_seal_dialog_parent_class)->finalize (object);
}

static void
bespoke_seal_dialog_class_init (BespokeSealDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bespoke_seal_dialog_finalize;

  /**
   * BespokeSealDialog::export:
   *
   * The planner chose Export: read bespoke_seal_dialog_get_seal() and
   * bespoke_seal_dialog_get_passphrase() in the handler; the dialog closes
   * after it.
   */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-seal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeSealDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeSealDialog, seal_switch);
  gtk_widget_class_bind_template_child (widget_class, BespokeSealDialog, passphrase_group);
  gtk_widget_class_bind_template_child (widget_class, BespokeSealDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeSealDialog, again_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeSealDialog, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, BespokeSealDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeSealDialog, mismatch_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);

  gtk_widget_class_install_action (widget_class, "seal.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bespoke_seal_dialog_init (BespokeSealDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* too short and weak in the warning colour, fair plain, strong green */
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_LOW, 2);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 3);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_FULL, 4);
  update (self);
}

/**
 * bespoke_seal_dialog_new:
 * @file_name: the file to be written, shown as the subtitle
 *
 * Present it with gtk_window_present().
 */
BespokeSealDialog *
bespoke_seal_dialog_new (GtkWindow  *parent,
                         const char *file_name)
{
  BespokeSealDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (BESPOKE_TYPE_SEAL_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  adw_window_title_set_subtitle (self->window_title, file_name);
  return self;
}

gboolean
bespoke_seal_dialog_get_seal (BespokeSealDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_SEAL_DIALOG (self), FALSE);
  return gtk_switch_get_active (self->seal_switch);
}

/**
 * bespoke_seal_dialog_get_passphrase:
 *
 * Returns: (nullable): the passphrase to seal with, or %NULL when the file
 *   is not to be sealed
 */
const char *
bespoke_seal_dialog_get_passphrase (BespokeSealDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_SEAL_DIALOG (self), NULL);
  if (!gtk_switch_get_active (self->seal_switch))
    return NULL;
  return gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
}

/* The strength hint shown under the passphrase */
const char *
bespoke_seal_dialog_get_hint (BespokeSealDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_SEAL_DIALOG (self), NULL);
  return gtk_label_get_text (self->hint_label);
}

/* Whether Export is enabled */
gboolean
bespoke_seal_dialog_get_ready (BespokeSealDialog *self)
{
  g_return_val_if_fail (BESPOKE_IS_SEAL_DIALOG (self), FALSE);
  return self->ready;
}
