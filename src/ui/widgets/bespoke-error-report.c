/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-error-report"

#include "config.h"

#include "bespoke-error-report.h"

/**
 * BespokeErrorReport:
 *
 * The sentence an editing window shows above its fields when something
 * typed is not valid, and the one field it is about, marked with the
 * "error" style class.  A window's template declares one beside its
 * revealer and label:
 *
 * |[<!-- language="xml" -->
 * <object class="BespokeErrorReport" id="errors">
 *   <property name="revealer">error_revealer</property>
 *   <property name="label">error_label</property>
 * </object>
 * ]|
 *
 * Showing a new sentence takes the mark off the field the last one was
 * about; at most one field is marked at a time.
 */
struct _BespokeErrorReport
{
  GObject      parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkWidget   *field;     /* the field the sentence is about, or NULL */
};

G_DEFINE_FINAL_TYPE (BespokeErrorReport, bespoke_error_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REVEALER,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * bespoke_error_report_clear:
 *
 * Hides the sentence and takes the mark off its field.
 */
void
bespoke_error_report_clear (BespokeErrorReport *self)
{
  g_return_if_fail (BESPOKE_IS_ERROR_REPORT (self));

  if (self->field != NULL)
    gtk_widget_remove_css_class (self->field, "error");
  g_clear_weak_pointer (&self->field);
  if (self->revealer != NULL)
    gtk_revealer_set_reveal_child (self->revealer, FALSE);
  if (self->label != NULL)
    gtk_label_set_label (self->label, "");
}

/**
 * bespoke_error_report_show:
 * @field: (nullable): the field that is not valid, or %NULL when the
 *   sentence is about no one field (a store that failed, say)
 * @message: what is wrong and what to do
 */
void
bespoke_error_report_show (BespokeErrorReport *self,
                           GtkWidget          *field,
                           const char         *message)
{
  g_return_if_fail (BESPOKE_IS_ERROR_REPORT (self));
  g_return_if_fail (field == NULL || GTK_IS_WIDGET (field));

  bespoke_error_report_clear (self);
  g_set_weak_pointer (&self->field, field);
  if (field != NULL)
    gtk_widget_add_css_class (field, "error");
  if (self->label != NULL)
    gtk_label_set_label (self->label, message);
  if (self->revealer != NULL)
    gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
bespoke_error_report_dispose (GObject *object)
{
  BespokeErrorReport *self = BESPOKE_ERROR_REPORT (object);

  g_clear_weak_pointer (&self->field);
  g_clear_object (&self->revealer);
  g_clear_object (&self->label);

  G_OBJECT_CLASS (bespoke_error_report_parent_class)->dispose (object);
}

static void
bespoke_error_report_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BespokeErrorReport *self = BESPOKE_ERROR_REPORT (object);

  switch (prop_id)
    {
    case PROP_REVEALER:
      g_value_set_object (value, self->revealer);
      break;

    case PROP_LABEL:
      g_value_set_object (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_error_report_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BespokeErrorReport *self = BESPOKE_ERROR_REPORT (object);

  switch (prop_id)
    {
    case PROP_REVEALER:
      g_set_object (&self->revealer, g_value_get_object (value));
      break;

    case PROP_LABEL:
      g_set_object (&self->label, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_error_report_class_init (BespokeErrorReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bespoke_error_report_dispose;
  object_class->get_property = bespoke_error_report_get_property;
  object_class->set_property = bespoke_error_report_set_property;

  properties[PROP_REVEALER] =
    g_param_spec_object ("revealer", NULL, NULL, GTK_TYPE_REVEALER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_object ("label", NULL, NULL, GTK_TYPE_LABEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bespoke_error_report_init (BespokeErrorReport *self)
{
}
