/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-header"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-plan-header.h"

/**
 * BespokePlanHeader:
 *
 * The head of the Plan page: the plan's period, review date, status
 * (Agreed only as the plan check allows), who manages the money and who
 * decides day to day, costing rule and discount, the individual budget a year, and the
 * preferences about staff, with one error sentence under them all.
 */
struct _BespokePlanHeader
{
  GtkWidget           parent_instance;

  BespokePlanContext *context;
  BespokeFieldSet    *fields;       /* the context's, while the fields below are bound to it */
  BespokeField       *start;
  BespokeField       *end;
  BespokeField       *review;
  BespokeField       *money;
  BespokeField       *decides;
  BespokeField       *rule;
  BespokeField       *discount;
  BespokeField       *budget;
  BespokeField       *staff;

  AdwEntryRow        *start_row;
  AdwEntryRow        *end_row;
  AdwEntryRow        *review_row;
  AdwComboRow        *status_row;
  AdwComboRow        *money_row;
  AdwEntryRow        *decides_row;
  gboolean            showing_status;  /* the status shown from code, not chosen */
  AdwComboRow        *rule_row;
  GtkSpinButton      *discount_spin;
  AdwEntryRow        *budget_row;
  AdwEntryRow        *staff_row;
  GtkLabel           *error_label;
};

static void section_iface_init (BespokePlanSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BespokePlanHeader, bespoke_plan_header, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BESPOKE_TYPE_PLAN_SECTION, section_iface_init))

/* Appliers */

static gboolean
apply_period_start (BespokeRecord *r, const char *text, GError **error)
{
  return bespoke_plan_apply_date (r, "period-start", text, FALSE, _("The start date"), error);
}

static gboolean
apply_period_end (BespokeRecord *r, const char *text, GError **error)
{
  return bespoke_plan_apply_date (r, "period-end", text, FALSE, _("The end date"), error);
}

static gboolean
apply_review_date (BespokeRecord *r, const char *text, GError **error)
{
  return bespoke_plan_apply_date (r, "review-date", text, TRUE, _("The review date"), error);
}

static gboolean
apply_budget_amount (BespokeRecord *r, const char *text, GError **error)
{
  gint64 pence;

  if (!bespoke_money_parse (text, &pence, error))
    {
      g_prefix_error (error, "%s ", _("The individual budget cannot be read:"));
      return FALSE;
    }
  bespoke_budget_set_amount (BESPOKE_BUDGET (r), pence);
  return TRUE;
}

BESPOKE_PLAN_TEXT_APPLIER (apply_staff_preferences, "staff-preferences")
BESPOKE_PLAN_TEXT_APPLIER (apply_decides_day_to_day, "decides-day-to-day")

/* the combo's rows are the BespokeMoneyManager values, "Not chosen yet" first */
static void
apply_money_manager (BespokeRecord *r, guint i)
{
  bespoke_plan_set_money_manager (BESPOKE_PLAN (r), (BespokeMoneyManager) i);
}

static void
apply_annualisation (BespokeRecord *r, guint i)
{
  bespoke_plan_set_annualisation (BESPOKE_PLAN (r), (BespokeAnnualisation) i);
}

/* A discount is typed as a whole percentage and kept in hundredths of a
 * percent, as the costing engine reads it. */
static void
apply_plan_discount (BespokeRecord *r, guint percent)
{
  bespoke_plan_set_discount_bp (BESPOKE_PLAN (r), percent * 100);
}

/* Binding the rows */

static void
set_enum_model (AdwComboRow *row,
                GType        type,
                guint        n)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, bespoke_enum_label (type, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

/* The rows stay; their fields are bound again to each context's set. */
static void
bind_fields (BespokePlanHeader *self,
             BespokeFieldSet   *fields)
{
  if (self->fields == fields)
    return;
  g_set_object (&self->fields, fields);
  /* the template's rows are bound once: a page has one field set */
  g_return_if_fail (self->start == NULL);

  self->start = bespoke_field_bind_text (fields, self->start_row, NULL, apply_period_start,
                                         _("Change the start of %s"), self->error_label);
  bespoke_field_add_date_picker (self->start, "period-start");
  self->end = bespoke_field_bind_text (fields, self->end_row, NULL, apply_period_end,
                                       _("Change the end of %s"), self->error_label);
  bespoke_field_add_date_picker (self->end, "period-end");
  self->review = bespoke_field_bind_text (fields, self->review_row, NULL, apply_review_date,
                                          _("Change the review date of %s"), self->error_label);
  bespoke_field_add_date_picker (self->review, "review-date");
  self->money = bespoke_field_bind_combo (fields, self->money_row, NULL, apply_money_manager,
                                          _("Change who manages the money in %s"), self->error_label);
  self->decides = bespoke_field_bind_text (fields, self->decides_row, NULL, apply_decides_day_to_day,
                                           _("Change who decides day to day in %s"), self->error_label);
  self->rule = bespoke_field_bind_combo (fields, self->rule_row, NULL, apply_annualisation,
                                         _("Change the costing rule of %s"), self->error_label);
  self->discount = bespoke_field_bind_spin (fields, self->discount_spin, NULL, apply_plan_discount,
                                            _("Change the discount on %s"), NULL);
  self->budget = bespoke_field_bind_text (fields, self->budget_row, NULL, apply_budget_amount,
                                          _("Change the individual budget"), self->error_label);
  bespoke_field_set_canonical (self->budget, "amount");
  self->staff = bespoke_field_bind_text (fields, self->staff_row, NULL, apply_staff_preferences,
                                         _("Change the preferences about staff in %s"), self->error_label);
}

static void
show_text (BespokeField *field,
           const char   *uuid,
           const char   *text)
{
  bespoke_field_set_uuid (field, uuid);
  bespoke_field_set_text (field, text);
}

static void
show_date (BespokeField *field,
           const char   *uuid,
           const char   *iso)
{
  g_autofree char *text = bespoke_field_date_text (iso);

  show_text (field, uuid, text);
}

static void
show_index (BespokeField *field,
            const char   *uuid,
            guint         index)
{
  bespoke_field_set_uuid (field, uuid);
  bespoke_field_set_index (field, index);
}

/* The status is not a plain field: it becomes Agreed only if the plan
 * check allows it (bespoke_plan_check_agreement()); otherwise the sentence
 * says which criterion stops it, and the status stays as it was. */
static void
show_status (BespokePlanHeader *self,
             BespokePlanStatus  status)
{
  self->showing_status = TRUE;
  adw_combo_row_set_selected (self->status_row, status);
  self->showing_status = FALSE;
}

static void
on_status_selected_cb (BespokePlanHeader *self)
{
  BespokeFieldSet *fields = self->fields;
  BespokePlanStatus status = (BespokePlanStatus) adw_combo_row_get_selected (self->status_row);
  g_autoptr(BespokeRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  BespokePlan *plan;
  const char *uuid;

  if (self->showing_status || self->context == NULL || fields == NULL ||
      (plan = bespoke_plan_context_get_plan (self->context)) == NULL)
    return;
  /* what was typed (an override reason) counts */
  bespoke_field_set_flush (fields);
  uuid = bespoke_record_get_uuid (BESPOKE_RECORD (plan));
  plan = BESPOKE_PLAN (bespoke_field_set_lookup (fields, uuid));
  if (plan == NULL || bespoke_plan_get_status (plan) == status)
    return;

  if (status == BESPOKE_PLAN_AGREED &&
      !bespoke_plan_check_agreement (bespoke_field_set_get_store (fields), uuid, NULL, &error))
    {
      bespoke_field_show_error (GTK_WIDGET (self->status_row), self->error_label, error->message);
      show_status (self, bespoke_plan_get_status (plan));
      return;
    }
  copy = bespoke_record_copy (BESPOKE_RECORD (plan));
  bespoke_plan_set_status (BESPOKE_PLAN (copy), status);
  if (!bespoke_field_set_save (fields, copy, status == BESPOKE_PLAN_AGREED ? _("Agree the plan") : _("Change the plan’s status"),
                               &error))
    {
      bespoke_field_show_error (GTK_WIDGET (self->status_row), self->error_label, error->message);
      show_status (self, bespoke_plan_get_status (plan));
      return;
    }
  bespoke_field_show_error (GTK_WIDGET (self->status_row), self->error_label, NULL);
}

/* The individual budget; one is made, and saved with the first amount
 * typed, if the plan has none. */
static BespokeBudget *
find_budget (BespokePlanContext *context)
{
  g_autoptr(GPtrArray) budgets = bespoke_plan_context_load (context, BESPOKE_TYPE_BUDGET);
  g_autoptr(BespokeBudget) budget = NULL;

  for (guint i = 0; i < budgets->len; i++)
    if (bespoke_budget_get_source (g_ptr_array_index (budgets, i)) == BESPOKE_FUNDING_INDIVIDUAL_BUDGET)
      return g_object_ref (g_ptr_array_index (budgets, i));

  budget = bespoke_budget_new ();
  bespoke_budget_set_plan_uuid (budget, bespoke_plan_context_get_plan_uuid (context));
  bespoke_budget_set_source (budget, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
  bespoke_field_set_remember (bespoke_plan_context_get_fields (context), budget);
  return g_steal_pointer (&budget);
}

static void
bespoke_plan_header_set_plan (BespokePlanSection *section,
                              BespokePlanContext *context)
{
  BespokePlanHeader *self = BESPOKE_PLAN_HEADER (section);
  g_autoptr(BespokeBudget) budget = NULL;
  g_autofree char *amount = NULL;
  BespokePlan *plan;
  const char *uuid;

  g_set_object (&self->context, context);
  if (context == NULL || (plan = bespoke_plan_context_get_plan (context)) == NULL)
    return;
  bind_fields (self, bespoke_plan_context_get_fields (context));

  uuid = bespoke_record_get_uuid (BESPOKE_RECORD (plan));
  budget = find_budget (context);
  amount = bespoke_money_format (bespoke_budget_get_amount (budget));
  show_date (self->start, uuid, bespoke_plan_get_period_start (plan));
  show_date (self->end, uuid, bespoke_plan_get_period_end (plan));
  show_date (self->review, uuid, bespoke_plan_get_review_date (plan));
  show_status (self, bespoke_plan_get_status (plan));
  show_index (self->money, uuid, bespoke_plan_get_money_manager (plan));
  show_text (self->decides, uuid, bespoke_plan_get_decides_day_to_day (plan));
  show_index (self->rule, uuid, bespoke_plan_get_annualisation (plan));
  show_index (self->discount, uuid, bespoke_plan_get_discount_bp (plan) / 100);
  show_text (self->budget, bespoke_record_get_uuid (BESPOKE_RECORD (budget)), amount);
  show_text (self->staff, uuid, bespoke_plan_get_staff_preferences (plan));
}

static void
section_iface_init (BespokePlanSectionInterface *iface)
{
  iface->set_plan = bespoke_plan_header_set_plan;
}

static void
bespoke_plan_header_dispose (GObject *object)
{
  BespokePlanHeader *self = BESPOKE_PLAN_HEADER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  g_clear_object (&self->fields);

  G_OBJECT_CLASS (bespoke_plan_header_parent_class)->dispose (object);
}

static void
bespoke_plan_header_class_init (BespokePlanHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_plan_header_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-header.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, start_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, end_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, review_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, status_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, money_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, decides_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, rule_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, discount_spin);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, budget_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, staff_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanHeader, error_label);
}

static void
bespoke_plan_header_init (BespokePlanHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_enum_model (self->status_row, BESPOKE_TYPE_PLAN_STATUS, 3);
  set_enum_model (self->rule_row, BESPOKE_TYPE_ANNUALISATION, 3);
  set_enum_model (self->money_row, BESPOKE_TYPE_MONEY_MANAGER, 5);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
}
