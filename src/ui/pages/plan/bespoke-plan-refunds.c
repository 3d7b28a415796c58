/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-refunds"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-plan-item-row.h"
#include "bespoke-plan-refunds.h"

/**
 * BespokePlanRefunds:
 *
 * The Plan page's refunds: money that comes back, on its day, kept as
 * negative adjustments to the plan's cost.
 */
struct _BespokePlanRefunds
{
  AdwPreferencesGroup  parent_instance;

  BespokePlanContext  *context;
  GPtrArray           *rows;     /* BespokePlanItemRow */
};

static void section_iface_init (BespokePlanSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BespokePlanRefunds, bespoke_plan_refunds, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BESPOKE_TYPE_PLAN_SECTION, section_iface_init))

static gboolean
apply_date (BespokeRecord *r, const char *text, GError **error)
{
  return bespoke_plan_apply_date (r, "date", text, FALSE, _("The refund’s date"), error);
}

/* A refund is typed as the money coming back, "£25.00", and kept as a
 * negative adjustment, which is how the costing engine takes it off. */
static gboolean
apply_amount (BespokeRecord *r, const char *text, GError **error)
{
  gint64 pence;

  if (!bespoke_money_parse (text, &pence, error))
    {
      g_prefix_error (error, "%s ", _("The refund cannot be read:"));
      return FALSE;
    }
  if (pence <= 0)
    return bespoke_set_invalid (error, _("A refund is the money that comes back: type it as a positive amount, e.g. £25.00."));
  bespoke_adjustment_set_amount (BESPOKE_ADJUSTMENT (r), -pence);
  return TRUE;
}

BESPOKE_PLAN_TEXT_APPLIER (apply_description, "description")

static GtkWidget *
build_row (BespokePlanRefunds *self,
           BespokeAdjustment  *refund)
{
  BespokeFieldSet *fields = bespoke_plan_context_get_fields (self->context);
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (refund));
  BespokePlanItemRow *row = BESPOKE_PLAN_ITEM_ROW (bespoke_plan_item_row_new (self->context, BESPOKE_RECORD (refund),
                                                                              bespoke_adjustment_get_description (refund)));
  GtkLabel *error_label = bespoke_plan_item_row_get_error_label (row);
  g_autofree char *when = bespoke_field_date_text (bespoke_adjustment_get_date (refund));
  g_autofree char *long_when = bespoke_date_format_long (bespoke_adjustment_get_date (refund));
  g_autofree char *amount = bespoke_money_format (-bespoke_adjustment_get_amount (refund));
  g_autofree char *subtitle = g_strdup_printf (_("%s back on %s"), amount, long_when ? long_when : "");
  BespokeField *field;

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  bespoke_plan_item_row_add_field (row, bespoke_field_new_text_row (fields, _("What it is for"),
                                                                    bespoke_adjustment_get_description (refund), uuid,
                                                                    apply_description, _("Change %s"), error_label));
  field = bespoke_field_new_text_row (fields, _("Date"), when, uuid, apply_date, _("Change the date of %s"), error_label);
  bespoke_field_add_date_picker (field, "date");
  bespoke_plan_item_row_add_field (row, field);
  field = bespoke_field_new_text_row (fields, _("Amount back"), amount, uuid, apply_amount,
                                      _("Change the amount of %s"), error_label);
  gtk_widget_set_name (bespoke_field_get_row (field), "refund-amount");
  bespoke_plan_item_row_add_field (row, field);
  bespoke_plan_item_row_add_remove (row, _("Remove This Refund"), _("Remove %s"), _("Refund removed."));
  return GTK_WIDGET (row);
}

static void
on_add_clicked_cb (BespokePlanRefunds *self)
{
  g_autoptr(BespokeAdjustment) refund = bespoke_adjustment_new ();
  BespokePlan *plan;

  if (self->context == NULL || (plan = bespoke_plan_context_get_plan (self->context)) == NULL)
    return;
  bespoke_field_set_flush (bespoke_plan_context_get_fields (self->context));
  bespoke_adjustment_set_plan_uuid (refund, bespoke_record_get_uuid (BESPOKE_RECORD (plan)));
  bespoke_adjustment_set_date (refund, bespoke_plan_get_period_start (plan));
  bespoke_adjustment_set_amount (refund, -1000);
  bespoke_adjustment_set_description (refund, _("A refund"));
  bespoke_plan_context_add (self->context, BESPOKE_RECORD (refund), /* Translators: an undo label; %s is the person */
                            _("Add a refund to %s’s plan"));
}

static void
bespoke_plan_refunds_set_plan (BespokePlanSection *section,
                                BespokePlanContext *context)
{
  BespokePlanRefunds *self = BESPOKE_PLAN_REFUNDS (section);
  g_autoptr(GPtrArray) records = NULL;

  bespoke_plan_item_rows_clear (ADW_PREFERENCES_GROUP (self), self->rows);
  g_set_object (&self->context, context);
  if (context == NULL || bespoke_plan_context_get_plan (context) == NULL)
    return;
  records = bespoke_plan_context_load (context, BESPOKE_TYPE_ADJUSTMENT);
  for (guint i = 0; i < records->len; i++)
    {
      GtkWidget *row = build_row (self, g_ptr_array_index (records, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}

static void
section_iface_init (BespokePlanSectionInterface *iface)
{
  iface->set_plan = bespoke_plan_refunds_set_plan;
}

static void
bespoke_plan_refunds_dispose (GObject *object)
{
  BespokePlanRefunds *self = BESPOKE_PLAN_REFUNDS (object);

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PLAN_REFUNDS);

  G_OBJECT_CLASS (bespoke_plan_refunds_parent_class)->dispose (object);
}

static void
bespoke_plan_refunds_finalize (GObject *object)
{
  BespokePlanRefunds *self = BESPOKE_PLAN_REFUNDS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bespoke_plan_refunds_parent_class)->finalize (object);
}

static void
bespoke_plan_refunds_class_init (BespokePlanRefundsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_plan_refunds_dispose;
  object_class->finalize = bespoke_plan_refunds_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-refunds.ui");
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
bespoke_plan_refunds_init (BespokePlanRefunds *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
