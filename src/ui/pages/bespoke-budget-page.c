/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-budget-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-budget-chart.h"
#include "bespoke-budget-page.h"
#include "bespoke-enums.h"
#include "bespoke-spreadsheet-chooser.h"

/**
 * BespokeBudgetPage:
 *
 * A person's latest plan against its budget, live: it shows the report of
 * a #BespokePlanCosting (shared with the Plan page when the window gives
 * one), again whenever the store says a record of the plan changed, in the
 * same frame.  A page in a window that is not on screen does no work: it
 * marks itself stale, and asks for the report when it is mapped.  Large figures (families read them on a television),
 * a chart of what is committed by kind and by provider, the paid and
 * unpaid hours of a typical week, the warnings and the months.
 */
struct _BespokeBudgetPage
{
  GtkWidget           parent_instance;

  BespokeStore       *store;
  BespokeHistory     *history;
  BespokePerson      *person;
  BespokePlanCosting *costing;
  gulong              changed_id;
  gulong              costing_changed_id;
  gboolean            stale;          /* a change came while the page was off screen */
  gboolean            shared;         /* the costing was given, not made by the page */

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkLabel           *period_label;
  GtkLabel           *budget_label;
  GtkLabel           *committed_label;
  GtkLabel           *contingent_label;
  GtkLabel           *remaining_title;
  GtkLabel           *remaining_label;
  GtkBox             *over_box;
  GtkLabel           *over_label;
  BespokeBudgetChart *chart;
  GtkWidget          *funding_group;
  GtkListBox         *funding_list;
  GtkLabel           *paid_hours_label;
  GtkLabel           *unpaid_hours_label;
  GtkWidget          *warnings_group;
  GtkListBox         *warnings_list;
  GtkWidget          *months_group;
  GtkListBox         *months_list;
  GtkLabel           *rule_label;
  GtkLabel           *holidays_label;
  GtkBox             *isf_box_budget;
  GtkBox             *isf_box_empty;
};

G_DEFINE_FINAL_TYPE (BespokeBudgetPage, bespoke_budget_page, GTK_TYPE_WIDGET)

static void
set_money (GtkLabel *label,
           gint64    pence)
{
  g_autofree char *text = bespoke_money_format (pence);

  gtk_label_set_label (label, text);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_amount (GtkWidget  *row,
            const char *value)
{
  GtkWidget *label = gtk_label_new (value);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_name (label, "amount");
  gtk_label_set_width_chars (GTK_LABEL (label), 11);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static GtkWidget *
text_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (value != NULL)
    add_amount (row, value);
  return row;
}

static void
show_empty (BespokeBudgetPage *self,
            const char        *title,
            const char        *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The chart's parts: for each paid, committed line, its product's kind
 * and its provider. */
static void
fill_chart (BespokeBudgetPage       *self,
            const BespokeCostReport *report)
{
  BespokePlan *plan = bespoke_plan_costing_get_plan (self->costing);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) providers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) provider_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) lines = NULL;

  if (plan != NULL)
    lines = bespoke_store_list (self->store, BESPOKE_TYPE_SUPPORT_LINE, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), NULL);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      BespokeSupportLine *line = g_ptr_array_index (lines, i);
      const char *product_uuid = bespoke_support_line_get_product_uuid (line);
      const char *provider_uuid = bespoke_support_line_get_provider_uuid (line);
      const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (line));
      g_autoptr(BespokeProduct) product = NULL;
      char *provider_name = NULL;

      if (product_uuid == NULL || *product_uuid == '\0')
        continue;
      product = bespoke_store_load (self->store, BESPOKE_TYPE_PRODUCT, product_uuid, NULL);
      if (product == NULL)
        continue;
      g_hash_table_insert (kinds, g_strdup (uuid),
                           g_strdup (bespoke_enum_label (BESPOKE_TYPE_PRODUCT_KIND, bespoke_product_get_kind (product))));

      if (provider_uuid == NULL || *provider_uuid == '\0')
        provider_uuid = bespoke_product_get_provider_uuid (product);
      if (provider_uuid != NULL &&
          (provider_name = g_hash_table_lookup (provider_names, provider_uuid)) == NULL)
        {
          g_autoptr(BespokeProvider) provider = bespoke_store_load (self->store, BESPOKE_TYPE_PROVIDER, provider_uuid, NULL);

          provider_name = g_strdup (provider ? bespoke_provider_get_name (provider) : _("Unknown provider"));
          g_hash_table_insert (provider_names, g_strdup (provider_uuid), provider_name);
        }
      g_hash_table_insert (providers, g_strdup (uuid), g_strdup (provider_name ? provider_name : _("Unknown provider")));
    }

  bespoke_budget_chart_clear (self->chart, report->budget);

  bespoke_budget_chart_add_bar (self->chart, _("By kind of product"));
  for (guint i = 0; i < report->lines->len; i++)
    {
      BespokeLineCost *cost = g_ptr_array_index (report->lines, i);
      const char *kind = g_hash_table_lookup (kinds, cost->line_uuid);

      if (cost->paid && !cost->contingent && kind != NULL)
        bespoke_budget_chart_add_part (self->chart, kind, cost->cost);
    }

  bespoke_budget_chart_add_bar (self->chart, _("By provider"));
  for (guint i = 0; i < report->lines->len; i++)
    {
      BespokeLineCost *cost = g_ptr_array_index (report->lines, i);
      const char *provider = g_hash_table_lookup (providers, cost->line_uuid);

      if (cost->paid && !cost->contingent && provider != NULL)
        bespoke_budget_chart_add_part (self->chart, provider, cost->cost);
    }

  {
    g_autofree char *description = bespoke_budget_chart_describe (self->chart);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Committed against the budget"),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  }
}

static void
show_totals (BespokeBudgetPage       *self,
             const BespokeCostReport *report)
{
  GDate start, end;
  char start_text[64], end_text[64];
  g_autofree char *period = NULL;

  g_date_set_julian (&start, report->period_start);
  g_date_set_julian (&end, report->period_end);
  g_date_strftime (start_text, sizeof start_text, "%-d %B %Y", &start);
  g_date_strftime (end_text, sizeof end_text, "%-d %B %Y", &end);
  /* Translators: the plan period above the budget */
  period = g_strdup_printf (_("%s to %s"), start_text, end_text);
  gtk_label_set_label (self->period_label, period);

  set_money (self->budget_label, report->budget);
  set_money (self->committed_label, report->committed);
  set_money (self->contingent_label, report->contingent);
  if (report->remaining < 0)
    {
      g_autofree char *over = bespoke_money_format (-report->remaining);
      g_autofree char *text = g_strdup_printf (_("Over budget by %s. Take something out of the plan, or find more money."), over);

      gtk_label_set_label (self->remaining_title, _("Over Budget By"));
      set_money (self->remaining_label, -report->remaining);
      gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), "error");
      gtk_label_set_label (self->over_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->over_box), TRUE);
    }
  else
    {
      gtk_label_set_label (self->remaining_title, _("Remaining"));
      set_money (self->remaining_label, report->remaining);
      gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->over_box), FALSE);
    }
}

/* what is committed, by where the money comes from; the hours of a week */
static void
fill_funding (BespokeBudgetPage       *self,
              const BespokeCostReport *report)
{
  g_autofree char *paid = bespoke_format_hours (report->paid_week_minutes, BESPOKE_HOURS_WORDS);
  g_autofree char *unpaid = bespoke_format_hours (report->unpaid_week_minutes, BESPOKE_HOURS_WORDS);
  guint shown = 0;

  clear_list (self->funding_list);
  for (guint i = 0; i <= BESPOKE_FUNDING_NONE; i++)
    {
      g_autofree char *amount = NULL;

      if (report->committed_by_funding[i] == 0)
        continue;
      amount = bespoke_money_format (report->committed_by_funding[i]);
      gtk_list_box_append (self->funding_list, text_row (bespoke_enum_label (BESPOKE_TYPE_FUNDING, i), amount));
      shown++;
    }
  gtk_widget_set_visible (self->funding_group, shown > 0);

  gtk_label_set_label (self->paid_hours_label, paid);
  gtk_label_set_label (self->unpaid_hours_label, unpaid);
}

static void
fill_warnings (BespokeBudgetPage       *self,
               const BespokeCostReport *report)
{
  clear_list (self->warnings_list);
  for (guint i = 0; i < report->warnings->len; i++)
    {
      GtkWidget *row = text_row (g_ptr_array_index (report->warnings, i), NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->warnings_list, row);
    }
  gtk_widget_set_visible (self->warnings_group, report->warnings->len > 0);
}

static void
fill_months (BespokeBudgetPage       *self,
             const BespokeCostReport *report)
{
  gint64 largest = 1;

  clear_list (self->months_list);
  for (guint i = 0; report->months != NULL && i < report->months->len; i++)
    largest = MAX (largest, g_array_index (report->months, BespokeMonthCost, i).amount);

  for (guint i = 0; report->months != NULL && i < report->months->len; i++)
    {
      BespokeMonthCost *month = &g_array_index (report->months, BespokeMonthCost, i);
      g_autofree char *amount = bespoke_money_format (month->amount);
      GtkWidget *row;
      GtkWidget *bar;
      char name[64];
      GDate date;

      g_date_set_julian (&date, month->first_day);
      g_date_strftime (name, sizeof name, "%B %Y", &date);
      row = text_row (name, NULL);
      gtk_widget_set_name (row, "month");

      /* the month against the dearest month, for the eye; the words
       * say the amount */
      bar = gtk_level_bar_new_for_interval (0, 1);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (double) MAX (month->amount, 0) / (double) largest);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_size_request (bar, 110, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_start (bar, 12);
      gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      add_amount (row, amount);
      gtk_list_box_append (self->months_list, row);
    }
  gtk_widget_set_visible (self->months_group, report->months != NULL && report->months->len > 0);
}

/* A shared home's resident: their Individual Service Fund, on their own
 * page (the home's whole table is in the Shared Homes window) */
static GtkWidget *
isf_group (const BespokeIsfTable *table,
           const BespokeIsfRow   *row)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *open = adw_action_row_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *title = g_strdup_printf (_("Individual Service Fund in %s"), table->name);
  const struct { const char *title; gint64 amount; } figures[] = {
    { _("Allocation"), row->allocation },
    { _("Share of core support"), row->core_share },
    { _("Share of shared costs"), row->shared_share },
    { _("Personal money"), row->personal_money },
  };

  gtk_widget_set_name (group, "isf");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Personal money is the allocation less the shares of the home’s core support and shared costs."));
  /* the home's whole table, as the list's last row: a button beside the
   * title cut the title short on a phone ("Individual Serv…") */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (open), _("Open Shared Homes"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (open), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (open), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "app.shared-homes");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *amount = bespoke_money_format (figures[i].amount);
      GtkWidget *figure = text_row (figures[i].title, amount);

      gtk_widget_set_name (figure, "isf-figure");
      gtk_list_box_append (GTK_LIST_BOX (list), figure);
    }
  /* the home's flags, in words, or that there are none */
  for (guint i = 0; i < table->warnings->len; i++)
    {
      GtkWidget *flag = text_row (g_ptr_array_index (table->warnings, i), NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_name (flag, "isf-flag");
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (flag), icon);
      gtk_list_box_append (GTK_LIST_BOX (list), flag);
    }
  if (table->warnings->len == 0)
    {
      GtkWidget *flag = text_row (_("No flags: the home’s allocations add up to its budget."), NULL);

      gtk_widget_set_name (flag, "isf-flag");
      gtk_list_box_append (GTK_LIST_BOX (list), flag);
    }
  gtk_list_box_append (GTK_LIST_BOX (list), open);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  return group;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  gtk_widget_set_visible (GTK_WIDGET (box), FALSE);
}

/* The person's ISF panel, in @box, if they live in a shared home */
static void
fill_isf (BespokeBudgetPage *self,
          GtkBox            *box)
{
  g_autoptr(BespokeIsfTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const BespokeIsfRow *row = NULL;

  clear_box (self->isf_box_budget);
  clear_box (self->isf_box_empty);
  if (self->person == NULL || self->store == NULL)
    return;
  table = bespoke_isf_report_for_person (self->store, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), &row, &error);
  if (table == NULL || row == NULL)
    {
      if (error != NULL)
        g_warning ("The shared home of %s could not be read: %s", bespoke_person_get_name (self->person), error->message);
      return;
    }
  gtk_box_append (box, isf_group (table, row));
  gtk_widget_set_visible (GTK_WIDGET (box), TRUE);
}

static void
recompute (BespokeBudgetPage *self)
{
  const BespokeCostReport *report;
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;
  if (self->person == NULL || self->store == NULL || self->costing == NULL)
    {
      clear_box (self->isf_box_budget);
      clear_box (self->isf_box_empty);
      show_empty (self, _("No One Chosen"), _("Choose a person to see their budget."));
      return;
    }
  report = bespoke_plan_costing_get_report (self->costing, &error);
  fill_isf (self, report != NULL ? self->isf_box_budget : self->isf_box_empty);
  if (report == NULL && error == NULL)
    {
      show_empty (self, _("No Budget Yet"), _("Create a plan on the Plan page, and its budget appears here."));
      return;
    }
  if (report == NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("%s Correct the plan on the Plan page, and the budget appears here again."),
                         error->message);
      show_empty (self, _("The Plan Cannot Be Costed"), description);
      return;
    }

  show_totals (self, report);
  fill_chart (self, report);
  fill_funding (self, report);
  fill_warnings (self, report);
  fill_months (self, report);
  gtk_label_set_label (self->rule_label, bespoke_costing_rule_text (report->rule));
  {
    /* Translators: which nation's bank holidays the costing used */
    g_autofree char *holidays = g_strdup_printf (_("Bank holidays: %s"), bespoke_enum_label (BESPOKE_TYPE_NATION, report->nation));

    gtk_label_set_label (self->holidays_label, holidays);
  }
  gtk_stack_set_visible_child_name (self->stack, "budget");
}

/* A page in a window, but not on screen, waits until it is shown; a page
 * on screen, or in no window at all, follows at once. */
static void
refresh (BespokeBudgetPage *self)
{
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else
    recompute (self);
}

static void
on_costing_changed_cb (BespokePlanCosting *costing,
                       BespokeBudgetPage  *self)
{
  refresh (self);
}

/* The costing has already heard of the change (it listens first): its
 * report is stale if the change concerns the plan, and is computed once. */
static void
on_store_changed_cb (BespokeStore      *store,
                     GType              type,
                     const char        *uuid,
                     BespokeBudgetPage *self)
{
  if (bespoke_plans_type_affects_plan (type) || type == BESPOKE_TYPE_HOME || type == BESPOKE_TYPE_HOME_RESIDENT)
    refresh (self);
}

static void
set_costing (BespokeBudgetPage  *self,
             BespokePlanCosting *costing)
{
  if (self->costing == costing)
    return;
  g_clear_signal_handler (&self->costing_changed_id, self->costing);
  g_set_object (&self->costing, costing);
  if (costing != NULL)
    self->costing_changed_id = g_signal_connect (costing, "changed", G_CALLBACK (on_costing_changed_cb), self);
}

/**
 * bespoke_budget_page_set_costing:
 * @costing: (nullable): the costing to show, shared with the other pages;
 *   it must listen to the store before the page does (make it first)
 *
 * Without one, the page makes its own for the store it is given.
 */
void
bespoke_budget_page_set_costing (BespokeBudgetPage  *self,
                                 BespokePlanCosting *costing)
{
  g_return_if_fail (BESPOKE_IS_BUDGET_PAGE (self));
  g_return_if_fail (costing == NULL || BESPOKE_IS_PLAN_COSTING (costing));

  set_costing (self, costing);
  self->shared = costing != NULL;
}

/**
 * bespoke_budget_page_set_person:
 * @person: (nullable): whose budget to show, or %NULL for none
 *
 * Shows @person's latest plan against its budget, and follows @store.
 */
void
bespoke_budget_page_set_person (BespokeBudgetPage *self,
                                BespokeStore      *store,
                                BespokeHistory    *history,
                                BespokePerson     *person)
{
  g_return_if_fail (BESPOKE_IS_BUDGET_PAGE (self));
  g_return_if_fail (store == NULL || BESPOKE_IS_STORE (store));
  g_return_if_fail (history == NULL || BESPOKE_IS_HISTORY (history));
  g_return_if_fail (person == NULL || BESPOKE_IS_PERSON (person));

  if (self->store != store)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      /* the costing listens to the store before the page does */
      if (!self->shared)
        {
          g_autoptr(BespokePlanCosting) own = store ? bespoke_plan_costing_new (store) : NULL;

          set_costing (self, own);
        }
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
    }
  g_set_object (&self->history, history);
  g_set_object (&self->person, person);
  if (self->costing != NULL)
    bespoke_plan_costing_set_person (self->costing, person ? bespoke_record_get_uuid (BESPOKE_RECORD (person)) : NULL);

  refresh (self);
}

static void
bespoke_budget_page_dispose (GObject *object)
{
  BespokeBudgetPage *self = BESPOKE_BUDGET_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  set_costing (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_BUDGET_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (bespoke_budget_page_parent_class)->dispose (object);
}

static void
bespoke_budget_page_map (GtkWidget *widget)
{
  BespokeBudgetPage *self = BESPOKE_BUDGET_PAGE (widget);

  GTK_WIDGET_CLASS (bespoke_budget_page_parent_class)->map (widget);
  if (self->stale)
    recompute (self);
}

/**
 * bespoke_budget_page_get_spreadsheet:
 *
 * The budget as a spreadsheet (bespoke_spreadsheet_cost_report(), with the
 * months), or %NULL when no plan is shown.
 */
GBytes *
bespoke_budget_page_get_spreadsheet (BespokeBudgetPage *self)
{
  const BespokeCostReport *report;

  g_return_val_if_fail (BESPOKE_IS_BUDGET_PAGE (self), NULL);

  if (self->costing == NULL || self->person == NULL ||
      (report = bespoke_plan_costing_get_report (self->costing, NULL)) == NULL)
    return NULL;
  return bespoke_spreadsheet_cost_report (report, TRUE);
}

static void
export_spreadsheet_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BespokeBudgetPage *self = BESPOKE_BUDGET_PAGE (widget);
  g_autoptr(GBytes) bytes = bespoke_budget_page_get_spreadsheet (self);
  g_autofree char *name = NULL;

  if (bytes == NULL)
    return;
  /* Translators: the file name offered, e.g. "Paul Roberts budget.csv" */
  name = g_strdup_printf (_("%s budget.csv"), bespoke_person_get_name (self->person));
  bespoke_spreadsheet_chooser_save (widget, _("Export Budget as Spreadsheet"), name, bytes);
}

static void
bespoke_budget_page_class_init (BespokeBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_budget_page_dispose;
  widget_class->map = bespoke_budget_page_map;

  g_type_ensure (BESPOKE_TYPE_BUDGET_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-budget-page.ui");
  gtk_widget_class_set_css_name (widget_class, "budgetpage");
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, budget_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, committed_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, contingent_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, remaining_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, over_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, over_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, chart);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, funding_group);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, funding_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, paid_hours_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, unpaid_hours_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, months_group);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, months_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, rule_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, holidays_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, isf_box_budget);
  gtk_widget_class_bind_template_child (widget_class, BespokeBudgetPage, isf_box_empty);

  gtk_widget_class_install_action (widget_class, "budget.export-spreadsheet", NULL, export_spreadsheet_action);
}

static void
bespoke_budget_page_init (BespokeBudgetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  recompute (self);
}

GtkWidget *
bespoke_budget_page_new (void)
{
  return g_object_new (BESPOKE_TYPE_BUDGET_PAGE, NULL);
}
