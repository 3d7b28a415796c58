/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-check-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-plan-check-section.h"

/**
 * BespokePlanCheckSection:
 *
 * The Plan page's check: In Control's seven criteria
 * (bespoke_plan_check_run()), each a row saying whether it passes and the
 * sentence of what passes, or what fails and what to do; under a failing
 * criterion, an entry for the written reason to agree the plan without it,
 * saved like any field (and undone with Ctrl+Z).  The costing is the
 * page's (#BespokePlanCosting, one per edit); the check runs again after
 * every edit the page makes or sees, and when the page is shown again.
 */

typedef struct
{
  AdwActionRow *row;
  GtkImage     *icon;
  GtkLabel     *verdict;
  AdwEntryRow  *reason_row;
  BespokeField *reason;      /* bound to reason_row, while the section has a field set */
} CriterionRows;

struct _BespokePlanCheckSection
{
  AdwPreferencesGroup  parent_instance;

  BespokePlanContext  *context;
  BespokeFieldSet     *fields;
  BespokePlanCosting  *costing;
  gboolean             stale;   /* something changed while the section was hidden */
  CriterionRows        criteria[BESPOKE_PLAN_N_CRITERIA];

  GtkLabel            *summary_label;
};

static void section_iface_init (BespokePlanSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BespokePlanCheckSection, bespoke_plan_check_section, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (BESPOKE_TYPE_PLAN_SECTION, section_iface_init))

BESPOKE_PLAN_TEXT_APPLIER (apply_override_important, "override-important")
BESPOKE_PLAN_TEXT_APPLIER (apply_override_change, "override-change")
BESPOKE_PLAN_TEXT_APPLIER (apply_override_supported, "override-supported")
BESPOKE_PLAN_TEXT_APPLIER (apply_override_money, "override-money")
BESPOKE_PLAN_TEXT_APPLIER (apply_override_control, "override-control")
BESPOKE_PLAN_TEXT_APPLIER (apply_override_safe, "override-safe")
BESPOKE_PLAN_TEXT_APPLIER (apply_override_action, "override-action")

/* in the order of BespokeCriterion */
static const BespokeApplyText apply_override[BESPOKE_PLAN_N_CRITERIA] = {
  apply_override_important, apply_override_change, apply_override_supported, apply_override_money,
  apply_override_control, apply_override_safe, apply_override_action,
};

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  const char *styles[] = { "success", "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (style, styles[i]) == 0)
      gtk_widget_add_css_class (widget, styles[i]);
    else
      gtk_widget_remove_css_class (widget, styles[i]);
}

static void
show_result (CriterionRows          *rows,
             BespokeCriterionResult *r)
{
  gboolean overridden = !r->passed && r->override_reason != NULL;
  const char *verdict = r->passed ? _("Passes") : overridden ? _("Agreed with a reason") : _("Fails");
  const char *style = r->passed ? "success" : overridden ? "warning" : "error";

  adw_action_row_set_subtitle (rows->row, r->detail);
  gtk_label_set_label (rows->verdict, verdict);
  gtk_image_set_from_icon_name (rows->icon, r->passed ? "emblem-ok-symbolic"
                                            : overridden ? "document-edit-symbolic" : "dialog-warning-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->icon), GTK_ACCESSIBLE_PROPERTY_LABEL, verdict, -1);
  set_style (GTK_WIDGET (rows->verdict), style);
  set_style (GTK_WIDGET (rows->icon), style);
  /* the reason is asked for where it is needed, and kept in sight once written */
  gtk_widget_set_visible (GTK_WIDGET (rows->reason_row), !r->passed || r->override_reason != NULL);
}

/* "Ready to agree", or how many criteria stand in the way; an agreed plan
 * that no longer passes says so */
static void
show_summary (BespokePlanCheckSection *self,
              const char              *plan_uuid,
              GPtrArray               *results)
{
  BespokeRecord *plan = self->fields ? bespoke_field_set_lookup (self->fields, plan_uuid) : NULL;
  gboolean agreed = plan != NULL && bespoke_plan_get_status (BESPOKE_PLAN (plan)) == BESPOKE_PLAN_AGREED;
  guint blocking = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < results->len; i++)
    {
      BespokeCriterionResult *r = g_ptr_array_index (results, i);

      blocking += !r->passed && r->override_reason == NULL;
    }
  if (blocking == 0)
    text = g_strdup (agreed ? _("Agreed") : _("Ready to agree"));
  else if (agreed)
    text = g_strdup_printf (ngettext ("Agreed, but %u criterion now fails", "Agreed, but %u criteria now fail", blocking),
                            blocking);
  else
    text = g_strdup_printf (ngettext ("%u criterion to resolve", "%u criteria to resolve", blocking), blocking);
  gtk_label_set_label (self->summary_label, text);
  set_style (GTK_WIDGET (self->summary_label), blocking == 0 ? "success" : "error");
}

/* The page's report, if its costing is for the plan shown */
static const BespokeCostReport *
shared_report (BespokePlanCheckSection *self,
               const char              *plan_uuid)
{
  BespokePlan *costed;

  if (self->costing == NULL || (costed = bespoke_plan_costing_get_plan (self->costing)) == NULL ||
      g_strcmp0 (bespoke_record_get_uuid (BESPOKE_RECORD (costed)), plan_uuid) != 0)
    return NULL;
  return bespoke_plan_costing_get_report (self->costing, NULL);
}

/**
 * bespoke_plan_check_section_update:
 *
 * Checks the plan shown again, now if the section is on screen, otherwise
 * when it is shown.
 */
void
bespoke_plan_check_section_update (BespokePlanCheckSection *self)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  BespokePlan *plan;
  const char *uuid;

  g_return_if_fail (BESPOKE_IS_PLAN_CHECK_SECTION (self));

  if (self->context == NULL || (plan = bespoke_plan_context_get_plan (self->context)) == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  uuid = bespoke_record_get_uuid (BESPOKE_RECORD (plan));
  results = bespoke_plan_check_run (bespoke_plan_context_get_store (self->context), uuid,
                                    shared_report (self, uuid), &error);
  if (results == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      set_style (GTK_WIDGET (self->summary_label), "error");
      return;
    }
  for (guint i = 0; i < results->len; i++)
    show_result (&self->criteria[i], g_ptr_array_index (results, i));
  show_summary (self, uuid, results);
}

/**
 * bespoke_plan_check_section_set_costing:
 * @costing: (nullable): the page's costing, whose report the check reads
 */
void
bespoke_plan_check_section_set_costing (BespokePlanCheckSection *self,
                                        BespokePlanCosting      *costing)
{
  g_return_if_fail (BESPOKE_IS_PLAN_CHECK_SECTION (self));
  g_return_if_fail (costing == NULL || BESPOKE_IS_PLAN_COSTING (costing));

  g_set_object (&self->costing, costing);
}

/* The reason entries stay; their fields are bound once, to the page's one
 * field set. */
static void
bind_fields (BespokePlanCheckSection *self,
             BespokeFieldSet         *fields)
{
  if (self->fields == fields)
    return;
  g_set_object (&self->fields, fields);
  g_return_if_fail (self->criteria[0].reason == NULL);

  for (guint i = 0; i < BESPOKE_PLAN_N_CRITERIA; i++)
    self->criteria[i].reason = bespoke_field_bind_text (fields, self->criteria[i].reason_row, NULL, apply_override[i],
                                                        _("Change a reason to agree the plan"), NULL);
}

static void
bespoke_plan_check_section_set_plan (BespokePlanSection *section,
                                     BespokePlanContext *context)
{
  BespokePlanCheckSection *self = BESPOKE_PLAN_CHECK_SECTION (section);
  BespokePlan *plan;
  const char *uuid;

  g_set_object (&self->context, context);
  if (context == NULL || (plan = bespoke_plan_context_get_plan (context)) == NULL)
    return;
  bind_fields (self, bespoke_plan_context_get_fields (context));

  uuid = bespoke_record_get_uuid (BESPOKE_RECORD (plan));
  for (guint i = 0; i < BESPOKE_PLAN_N_CRITERIA; i++)
    {
      bespoke_field_set_uuid (self->criteria[i].reason, uuid);
      bespoke_field_set_text (self->criteria[i].reason, bespoke_plan_get_override (plan, i));
    }
  bespoke_plan_check_section_update (self);
}

static void
section_iface_init (BespokePlanSectionInterface *iface)
{
  iface->set_plan = bespoke_plan_check_section_set_plan;
}

static void
bespoke_plan_check_section_map (GtkWidget *widget)
{
  BespokePlanCheckSection *self = BESPOKE_PLAN_CHECK_SECTION (widget);

  GTK_WIDGET_CLASS (bespoke_plan_check_section_parent_class)->map (widget);

  if (self->stale)
    bespoke_plan_check_section_update (self);
}

static void
bespoke_plan_check_section_dispose (GObject *object)
{
  BespokePlanCheckSection *self = BESPOKE_PLAN_CHECK_SECTION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->fields);
  g_clear_object (&self->costing);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PLAN_CHECK_SECTION);

  G_OBJECT_CLASS (bespoke_plan_check_section_parent_class)->dispose (object);
}

static void
bespoke_plan_check_section_class_init (BespokePlanCheckSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_plan_check_section_dispose;
  widget_class->map = bespoke_plan_check_section_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-check-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokePlanCheckSection, summary_label);
}

/* A criterion's row (its icon, title, sentence and verdict) and, under
 * it, the entry for the reason to agree without it. */
static void
add_criterion (BespokePlanCheckSection *self,
               guint                    i)
{
  CriterionRows *rows = &self->criteria[i];
  const char *title = bespoke_criterion_title ((BespokeCriterion) i);
  g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1, title);
  /* Translators: the accessible name of the entry under a failing criterion */
  g_autofree char *reason_name = g_strdup_printf (_("Reason to agree the plan without “%s”"), title);
  g_autofree char *name = g_strdup_printf ("criterion-%u", i + 1);
  g_autofree char *reason_id = g_strdup_printf ("criterion-%u-reason", i + 1);

  rows->row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (rows->row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->row), numbered);
  rows->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  adw_action_row_add_prefix (rows->row, GTK_WIDGET (rows->icon));
  rows->verdict = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (rows->verdict), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (rows->row, GTK_WIDGET (rows->verdict));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (rows->row));

  rows->reason_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (rows->reason_row), reason_id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->reason_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->reason_row), _("Reason to agree without it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->reason_row), GTK_ACCESSIBLE_PROPERTY_LABEL, reason_name, -1);
  gtk_widget_set_visible (GTK_WIDGET (rows->reason_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (rows->reason_row));
}

static void
bespoke_plan_check_section_init (BespokePlanCheckSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < BESPOKE_PLAN_N_CRITERIA; i++)
    add_criterion (self, i);
}
