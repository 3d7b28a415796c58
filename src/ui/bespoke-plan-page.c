/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-enums.h"
#include "bespoke-plan-page.h"

/**
 * BespokePlanPage:
 *
 * A person's latest support plan.
 */
struct _BespokePlanPage
{
  GtkWidget       parent_instance;

  BespokeStore   *store;
  BespokeHistory *history;
  BespokePerson  *person;
  BespokePlan    *plan;
  gulong          changed_id;

  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkButton      *create_button;
  GtkBox         *content;
};

G_DEFINE_FINAL_TYPE (BespokePlanPage, bespoke_plan_page, GTK_TYPE_WIDGET)

static BespokePlan *
find_latest_plan (BespokeStore *store,
                  const char   *person_uuid)
{
  g_autoptr(GPtrArray) plans = bespoke_store_list (store, BESPOKE_TYPE_PLAN, person_uuid, NULL);
  BespokePlan *latest = NULL;

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      BespokePlan *plan = g_ptr_array_index (plans, i);

      if (latest == NULL ||
          g_strcmp0 (bespoke_plan_get_period_start (plan), bespoke_plan_get_period_start (latest)) > 0)
        latest = plan;
    }
  return latest ? g_object_ref (latest) : NULL;
}

static void
clear_content (BespokePlanPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
rebuild (BespokePlanPage *self)
{
  AdwPreferencesGroup *group;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(BespokeCostReport) report = NULL;

  clear_content (self);
  g_clear_object (&self->plan);

  if (self->person == NULL || self->store == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No One Chosen"));
      adw_status_page_set_description (self->empty_page, _("Choose a person to see their support plan."));
      gtk_widget_set_visible (GTK_WIDGET (self->create_button), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->plan = find_latest_plan (self->store, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)));
  if (self->plan == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Plan Yet"));
      adw_status_page_set_description (self->empty_page, _("A plan holds the person’s outcomes, their paid and unpaid support, and the risks."));
      gtk_widget_set_visible (GTK_WIDGET (self->create_button), !bespoke_store_get_read_only (self->store));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Plan"));
  {
    g_autofree char *start = bespoke_date_format_long (bespoke_plan_get_period_start (self->plan));
    g_autofree char *end = bespoke_date_format_long (bespoke_plan_get_period_end (self->plan));
    g_autofree char *period = g_strdup_printf (_("%s to %s"), start, end);
    GtkWidget *row = adw_action_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Period"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), period);
    adw_preferences_group_add (group, row);
  }
  gtk_box_append (self->content, GTK_WIDGET (group));

  report = bespoke_costing_report (self->store, bespoke_record_get_uuid (BESPOKE_RECORD (self->plan)), NULL);
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Support"));
  for (guint i = 0; report != NULL && i < report->lines->len; i++)
    {
      BespokeLineCost *cost = g_ptr_array_index (report->lines, i);
      g_autofree char *amount = bespoke_money_format (cost->cost);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", cost->schedule_summary, amount);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cost->description);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (group, row);
    }
  gtk_box_append (self->content, GTK_WIDGET (group));

  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
on_store_changed_cb (BespokeStore    *store,
                     GType            type,
                     const char      *uuid,
                     BespokePlanPage *self)
{
  if (type == BESPOKE_TYPE_PLAN || type == BESPOKE_TYPE_SUPPORT_LINE || type == BESPOKE_TYPE_OUTCOME ||
      type == BESPOKE_TYPE_RISK || type == BESPOKE_TYPE_BUDGET)
    rebuild (self);
}

static void
on_create_clicked_cb (BespokePlanPage *self)
{
}

void
bespoke_plan_page_set_person (BespokePlanPage *self,
                              BespokeStore    *store,
                              BespokeHistory  *history,
                              BespokePerson   *person)
{
  g_return_if_fail (BESPOKE_IS_PLAN_PAGE (self));
  g_return_if_fail (store == NULL || BESPOKE_IS_STORE (store));
  g_return_if_fail (history == NULL || BESPOKE_IS_HISTORY (history));
  g_return_if_fail (person == NULL || BESPOKE_IS_PERSON (person));

  if (self->store != store)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
    }
  g_set_object (&self->history, history);
  g_set_object (&self->person, person);
  rebuild (self);
}

static void
bespoke_plan_page_dispose (GObject *object)
{
  BespokePlanPage *self = BESPOKE_PLAN_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PLAN_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->person);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (bespoke_plan_page_parent_class)->dispose (object);
}

static void
bespoke_plan_page_class_init (BespokePlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_plan_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-page.ui");
  gtk_widget_class_set_css_name (widget_class, "planpage");
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, content);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
}

static void
bespoke_plan_page_init (BespokePlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

GtkWidget *
bespoke_plan_page_new (void)
{
  return g_object_new (BESPOKE_TYPE_PLAN_PAGE, NULL);
}
