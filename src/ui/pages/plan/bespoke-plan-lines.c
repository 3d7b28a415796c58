/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-lines"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-plan-line-row.h"
#include "bespoke-plan-lines.h"

/**
 * BespokePlanLines:
 *
 * The Plan page's support: paid support beside what the person, family,
 * friends, community and technology give, each line with its cost.
 */
struct _BespokePlanLines
{
  AdwPreferencesGroup  parent_instance;

  BespokePlanContext  *context;
  GPtrArray           *rows;     /* BespokePlanLineRow */
};

static void section_iface_init (BespokePlanSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BespokePlanLines, bespoke_plan_lines, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BESPOKE_TYPE_PLAN_SECTION, section_iface_init))

static void
on_add_clicked_cb (BespokePlanLines *self)
{
  g_autoptr(BespokeSupportLine) line = bespoke_support_line_new ();
  g_autoptr(BespokeSchedule) schedule = NULL;
  BespokeProduct *product;
  BespokePlan *plan;

  if (self->context == NULL || (plan = bespoke_plan_context_get_plan (self->context)) == NULL)
    return;
  product = bespoke_plan_context_first_product (self->context, BESPOKE_PRODUCT_ONGOING);
  bespoke_field_set_flush (bespoke_plan_context_get_fields (self->context));
  if (product != NULL)
    /* the schedule that suits how it is sold, as the product chooser gives */
    schedule = bespoke_product_default_schedule (product, bespoke_plan_context_get_start_day (self->context));
  else
    {
      /* unpaid support: an hour on Mondays, to change */
      schedule = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
      schedule->weekdays = BESPOKE_WEEKDAY_BIT (G_DATE_MONDAY);
      schedule->start_minute = 9 * 60;
      schedule->duration_minutes = 60;
      schedule->every_weeks = 1;
    }

  bespoke_support_line_set_plan_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (plan)));
  bespoke_support_line_set_position (line, bespoke_plan_context_next_position (self->context, BESPOKE_TYPE_SUPPORT_LINE));
  bespoke_support_line_set_description (line, _("New support"));
  bespoke_support_line_set_schedule (line, schedule);
  if (product != NULL)
    {
      bespoke_support_line_set_support_type (line, BESPOKE_SUPPORT_PAID);
      bespoke_support_line_set_product_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (product)));
      bespoke_support_line_set_provider_uuid (line, bespoke_product_get_provider_uuid (product));
      bespoke_support_line_set_funding (line, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
    }
  else
    {
      bespoke_support_line_set_support_type (line, BESPOKE_SUPPORT_FAMILY);
      bespoke_support_line_set_funding (line, BESPOKE_FUNDING_NONE);
    }
  bespoke_plan_context_add (self->context, BESPOKE_RECORD (line), /* Translators: an undo label; %s is the plan, e.g. "Add support to Paul’s plan" */
                            _("Add support to %s"));
  if (bespoke_plan_context_get_products (self->context)->len == 0)
    bespoke_plan_context_toast (self->context,
                                _("There are no products to buy yet, so this support is unpaid. "
                                  "To buy support, add a provider’s products in Product Menus (main menu)."));
}

static void
bespoke_plan_lines_set_plan (BespokePlanSection *section,
                                BespokePlanContext *context)
{
  BespokePlanLines *self = BESPOKE_PLAN_LINES (section);
  g_autoptr(GPtrArray) records = NULL;

  bespoke_plan_item_rows_clear (ADW_PREFERENCES_GROUP (self), self->rows);
  g_set_object (&self->context, context);
  if (context == NULL || bespoke_plan_context_get_plan (context) == NULL)
    return;
  records = bespoke_plan_context_load (context, BESPOKE_TYPE_SUPPORT_LINE);
  for (guint i = 0; i < records->len; i++)
    {
      GtkWidget *row = bespoke_plan_line_row_new (context, g_ptr_array_index (records, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}

/**
 * bespoke_plan_lines_show_costs:
 * @report: (nullable): the plan's costs
 *
 * Every line's cost, from the engine, under its description.
 */
void
bespoke_plan_lines_show_costs (BespokePlanLines        *self,
                               const BespokeCostReport *report)
{
  g_return_if_fail (BESPOKE_IS_PLAN_LINES (self));

  for (guint i = 0; report != NULL && i < report->lines->len; i++)
    {
      BespokeLineCost *cost = g_ptr_array_index (report->lines, i);
      BespokePlanItemRow *row = bespoke_plan_item_rows_find (self->rows, cost->line_uuid);

      if (row != NULL)
        bespoke_plan_line_row_show_cost (BESPOKE_PLAN_LINE_ROW (row), cost);
    }
}

static void
section_iface_init (BespokePlanSectionInterface *iface)
{
  iface->set_plan = bespoke_plan_lines_set_plan;
}

static void
bespoke_plan_lines_dispose (GObject *object)
{
  BespokePlanLines *self = BESPOKE_PLAN_LINES (object);

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PLAN_LINES);

  G_OBJECT_CLASS (bespoke_plan_lines_parent_class)->dispose (object);
}

static void
bespoke_plan_lines_finalize (GObject *object)
{
  BespokePlanLines *self = BESPOKE_PLAN_LINES (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bespoke_plan_lines_parent_class)->finalize (object);
}

static void
bespoke_plan_lines_class_init (BespokePlanLinesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_plan_lines_dispose;
  object_class->finalize = bespoke_plan_lines_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-lines.ui");
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
bespoke_plan_lines_init (BespokePlanLines *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
