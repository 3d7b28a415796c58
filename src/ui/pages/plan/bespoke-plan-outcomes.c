/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-outcomes"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-plan-item-row.h"
#include "bespoke-plan-outcomes.h"

/**
 * BespokePlanOutcomes:
 *
 * The Plan page's outcomes: what the person wants to achieve (an
 * I-statement), how we will know, and by when.
 */
struct _BespokePlanOutcomes
{
  AdwPreferencesGroup  parent_instance;

  BespokePlanContext  *context;
  GPtrArray           *rows;     /* BespokePlanItemRow */
};

static void section_iface_init (BespokePlanSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BespokePlanOutcomes, bespoke_plan_outcomes, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BESPOKE_TYPE_PLAN_SECTION, section_iface_init))

static gboolean
apply_target_date (BespokeRecord *r, const char *text, GError **error)
{
  return bespoke_plan_apply_date (r, "target-date", text, TRUE, _("The target date"), error);
}

BESPOKE_PLAN_TEXT_APPLIER (apply_statement, "statement")
BESPOKE_PLAN_TEXT_APPLIER (apply_measure, "measure")

static char *
outcome_subtitle (BespokeOutcome *outcome)
{
  g_autofree char *when = NULL;

  if (bespoke_outcome_get_target_date (outcome) == NULL)
    return g_strdup ("");
  when = bespoke_date_format_long (bespoke_outcome_get_target_date (outcome));
  /* Translators: when an outcome should be reached */
  return g_strdup_printf (_("By %s"), when);
}

static GtkWidget *
build_row (BespokePlanOutcomes *self,
               BespokeOutcome      *outcome)
{
  BespokeFieldSet *fields = bespoke_plan_context_get_fields (self->context);
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (outcome));
  BespokePlanItemRow *row = BESPOKE_PLAN_ITEM_ROW (bespoke_plan_item_row_new (self->context, BESPOKE_RECORD (outcome),
                                                                              bespoke_outcome_get_statement (outcome)));
  GtkLabel *error_label = bespoke_plan_item_row_get_error_label (row);
  g_autofree char *target = bespoke_field_date_text (bespoke_outcome_get_target_date (outcome));
  g_autofree char *subtitle = outcome_subtitle (outcome);
  BespokeField *when;

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  bespoke_plan_item_row_add_field (row, bespoke_field_new_text_row (fields, _("What I want (an I-statement)"),
                                                                    bespoke_outcome_get_statement (outcome), uuid,
                                                                    apply_statement, _("Change %s"), error_label));
  bespoke_plan_item_row_add_field (row, bespoke_field_new_text_row (fields, _("How we will know"),
                                                                    bespoke_outcome_get_measure (outcome), uuid,
                                                                    apply_measure, _("Change how %s is measured"),
                                                                    error_label));
  when = bespoke_field_new_text_row (fields, _("By when"), target, uuid, apply_target_date,
                                     _("Change the date of %s"), error_label);
  bespoke_field_add_date_picker (when, "target-date");
  bespoke_plan_item_row_add_field (row, when);
  bespoke_plan_item_row_add_remove (row, _("Remove This Outcome"), _("Remove %s"), _("Outcome removed."));
  return GTK_WIDGET (row);
}

static void
on_add_clicked_cb (BespokePlanOutcomes *self)
{
  g_autoptr(BespokeOutcome) outcome = bespoke_outcome_new ();
  BespokePlan *plan;

  if (self->context == NULL || (plan = bespoke_plan_context_get_plan (self->context)) == NULL)
    return;
  bespoke_field_set_flush (bespoke_plan_context_get_fields (self->context));
  bespoke_outcome_set_plan_uuid (outcome, bespoke_record_get_uuid (BESPOKE_RECORD (plan)));
  bespoke_outcome_set_position (outcome, bespoke_plan_context_next_position (self->context, BESPOKE_TYPE_OUTCOME));
  bespoke_outcome_set_statement (outcome, _("I want to …"));
  bespoke_outcome_set_target_date (outcome, bespoke_plan_get_period_end (plan));
  bespoke_plan_context_add (self->context, BESPOKE_RECORD (outcome), /* Translators: an undo label; %s is the plan, e.g. "Add an outcome to Paul’s plan" */
                            _("Add an outcome to %s"));
}

static void
bespoke_plan_outcomes_set_plan (BespokePlanSection *section,
                                BespokePlanContext *context)
{
  BespokePlanOutcomes *self = BESPOKE_PLAN_OUTCOMES (section);
  g_autoptr(GPtrArray) records = NULL;

  bespoke_plan_item_rows_clear (ADW_PREFERENCES_GROUP (self), self->rows);
  g_set_object (&self->context, context);
  if (context == NULL || bespoke_plan_context_get_plan (context) == NULL)
    return;
  records = bespoke_plan_context_load (context, BESPOKE_TYPE_OUTCOME);
  for (guint i = 0; i < records->len; i++)
    {
      GtkWidget *row = build_row (self, g_ptr_array_index (records, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}

/* An outcome's row follows its record as it is saved */
static void
bespoke_plan_outcomes_refresh (BespokePlanSection *section,
                               BespokeRecord      *record)
{
  BespokePlanOutcomes *self = BESPOKE_PLAN_OUTCOMES (section);
  BespokePlanItemRow *row = bespoke_plan_item_rows_find (self->rows, bespoke_record_get_uuid (record));
  g_autofree char *subtitle = NULL;

  if (row == NULL || !BESPOKE_IS_OUTCOME (record))
    return;
  subtitle = outcome_subtitle (BESPOKE_OUTCOME (record));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bespoke_outcome_get_statement (BESPOKE_OUTCOME (record)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static void
section_iface_init (BespokePlanSectionInterface *iface)
{
  iface->set_plan = bespoke_plan_outcomes_set_plan;
  iface->refresh = bespoke_plan_outcomes_refresh;
}

static void
bespoke_plan_outcomes_dispose (GObject *object)
{
  BespokePlanOutcomes *self = BESPOKE_PLAN_OUTCOMES (object);

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PLAN_OUTCOMES);

  G_OBJECT_CLASS (bespoke_plan_outcomes_parent_class)->dispose (object);
}

static void
bespoke_plan_outcomes_finalize (GObject *object)
{
  BespokePlanOutcomes *self = BESPOKE_PLAN_OUTCOMES (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bespoke_plan_outcomes_parent_class)->finalize (object);
}

static void
bespoke_plan_outcomes_class_init (BespokePlanOutcomesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_plan_outcomes_dispose;
  object_class->finalize = bespoke_plan_outcomes_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-outcomes.ui");
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
bespoke_plan_outcomes_init (BespokePlanOutcomes *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
