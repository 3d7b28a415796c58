/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-risks"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-plan-item-row.h"
#include "bespoke-plan-risks.h"

/**
 * BespokePlanRisks:
 *
 * The Plan page's risks: what could go wrong, how likely it is, how much
 * it would matter, and what we will do.
 */
struct _BespokePlanRisks
{
  AdwPreferencesGroup  parent_instance;

  BespokePlanContext  *context;
  GPtrArray           *rows;     /* BespokePlanItemRow */
};

static void section_iface_init (BespokePlanSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BespokePlanRisks, bespoke_plan_risks, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BESPOKE_TYPE_PLAN_SECTION, section_iface_init))

static void
apply_likelihood (BespokeRecord *r, guint i)
{
  bespoke_risk_set_likelihood (BESPOKE_RISK (r), (BespokeLevel) (2 - i));
}

static void
apply_impact (BespokeRecord *r, guint i)
{
  bespoke_risk_set_impact (BESPOKE_RISK (r), (BespokeLevel) (2 - i));
}

BESPOKE_PLAN_TEXT_APPLIER (apply_description, "description")
BESPOKE_PLAN_TEXT_APPLIER (apply_contingency, "contingency")

static char *
risk_subtitle (BespokeRisk *risk)
{
  /* Translators: a risk's likelihood and impact, e.g. "Likelihood Medium, impact High" */
  return g_strdup_printf (_("Likelihood %s, impact %s"),
                          bespoke_enum_label (BESPOKE_TYPE_LEVEL, bespoke_risk_get_likelihood (risk)),
                          bespoke_enum_label (BESPOKE_TYPE_LEVEL, bespoke_risk_get_impact (risk)));
}

static GtkWidget *
build_row (BespokePlanRisks *self,
           BespokeRisk      *risk)
{
  BespokeFieldSet *fields = bespoke_plan_context_get_fields (self->context);
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (risk));
  BespokePlanItemRow *row = BESPOKE_PLAN_ITEM_ROW (bespoke_plan_item_row_new (self->context, BESPOKE_RECORD (risk),
                                                                              bespoke_risk_get_description (risk)));
  GtkLabel *error_label = bespoke_plan_item_row_get_error_label (row);
  /* High first, as risk registers read */
  const char *levels[] = { bespoke_enum_label (BESPOKE_TYPE_LEVEL, BESPOKE_LEVEL_HIGH),
                           bespoke_enum_label (BESPOKE_TYPE_LEVEL, BESPOKE_LEVEL_MEDIUM),
                           bespoke_enum_label (BESPOKE_TYPE_LEVEL, BESPOKE_LEVEL_LOW), NULL };
  g_autofree char *subtitle = risk_subtitle (risk);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  bespoke_plan_item_row_add_field (row, bespoke_field_new_text_row (fields, _("What could go wrong"),
                                                                    bespoke_risk_get_description (risk), uuid,
                                                                    apply_description, _("Change %s"), error_label));
  bespoke_plan_item_row_add_field (row, bespoke_field_new_combo_row (fields, _("Likelihood"), levels,
                                                                     2 - bespoke_risk_get_likelihood (risk), uuid,
                                                                     apply_likelihood, _("Change the likelihood of %s"),
                                                                     error_label));
  bespoke_plan_item_row_add_field (row, bespoke_field_new_combo_row (fields, _("Impact"), levels,
                                                                     2 - bespoke_risk_get_impact (risk), uuid,
                                                                     apply_impact, _("Change the impact of %s"), error_label));
  bespoke_plan_item_row_add_field (row, bespoke_field_new_text_row (fields, _("What we will do (contingency)"),
                                                                    bespoke_risk_get_contingency (risk), uuid,
                                                                    apply_contingency, _("Change the contingency for %s"), error_label));
  bespoke_plan_item_row_add_remove (row, _("Remove This Risk"), _("Remove %s"), _("Risk removed."));
  return GTK_WIDGET (row);
}

static void
on_add_clicked_cb (BespokePlanRisks *self)
{
  g_autoptr(BespokeRisk) risk = bespoke_risk_new ();
  BespokePlan *plan;

  if (self->context == NULL || (plan = bespoke_plan_context_get_plan (self->context)) == NULL)
    return;
  bespoke_field_set_flush (bespoke_plan_context_get_fields (self->context));
  bespoke_risk_set_plan_uuid (risk, bespoke_record_get_uuid (BESPOKE_RECORD (plan)));
  bespoke_risk_set_position (risk, bespoke_plan_context_next_position (self->context, BESPOKE_TYPE_RISK));
  bespoke_risk_set_description (risk, _("What could go wrong"));
  bespoke_risk_set_likelihood (risk, BESPOKE_LEVEL_MEDIUM);
  bespoke_risk_set_impact (risk, BESPOKE_LEVEL_MEDIUM);
  bespoke_plan_context_add (self->context, BESPOKE_RECORD (risk), /* Translators: an undo label; %s is the plan, e.g. "Add a risk to Paul’s plan" */
                            _("Add a risk to %s"));
}

static void
bespoke_plan_risks_set_plan (BespokePlanSection *section,
                                BespokePlanContext *context)
{
  BespokePlanRisks *self = BESPOKE_PLAN_RISKS (section);
  g_autoptr(GPtrArray) records = NULL;

  bespoke_plan_item_rows_clear (ADW_PREFERENCES_GROUP (self), self->rows);
  g_set_object (&self->context, context);
  if (context == NULL || bespoke_plan_context_get_plan (context) == NULL)
    return;
  records = bespoke_plan_context_load (context, BESPOKE_TYPE_RISK);
  for (guint i = 0; i < records->len; i++)
    {
      GtkWidget *row = build_row (self, g_ptr_array_index (records, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}

/* A risk's row follows its record as it is saved */
static void
bespoke_plan_risks_refresh (BespokePlanSection *section,
                            BespokeRecord      *record)
{
  BespokePlanRisks *self = BESPOKE_PLAN_RISKS (section);
  BespokePlanItemRow *row = bespoke_plan_item_rows_find (self->rows, bespoke_record_get_uuid (record));
  g_autofree char *subtitle = NULL;

  if (row == NULL || !BESPOKE_IS_RISK (record))
    return;
  subtitle = risk_subtitle (BESPOKE_RISK (record));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bespoke_risk_get_description (BESPOKE_RISK (record)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static void
section_iface_init (BespokePlanSectionInterface *iface)
{
  iface->set_plan = bespoke_plan_risks_set_plan;
  iface->refresh = bespoke_plan_risks_refresh;
}

static void
bespoke_plan_risks_dispose (GObject *object)
{
  BespokePlanRisks *self = BESPOKE_PLAN_RISKS (object);

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PLAN_RISKS);

  G_OBJECT_CLASS (bespoke_plan_risks_parent_class)->dispose (object);
}

static void
bespoke_plan_risks_finalize (GObject *object)
{
  BespokePlanRisks *self = BESPOKE_PLAN_RISKS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bespoke_plan_risks_parent_class)->finalize (object);
}

static void
bespoke_plan_risks_class_init (BespokePlanRisksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_plan_risks_dispose;
  object_class->finalize = bespoke_plan_risks_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-risks.ui");
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
bespoke_plan_risks_init (BespokePlanRisks *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
