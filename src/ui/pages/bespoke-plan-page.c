/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-field.h"
#include "bespoke-plan-check-section.h"
#include "bespoke-plan-context.h"
#include "bespoke-plan-header.h"
#include "bespoke-plan-item-row.h"
#include "bespoke-plan-lines.h"
#include "bespoke-plan-outcomes.h"
#include "bespoke-plan-page.h"
#include "bespoke-plan-refunds.h"
#include "bespoke-plan-risks.h"
#include "bespoke-scroll-into-view.h"

/**
 * BespokePlanPage:
 *
 * A person's latest support plan, to read and edit: its period, review
 * date, status and costing rule, the individual budget, the outcomes, the
 * paid and unpaid support lines with their schedules and costs, and the
 * risks.  There is no Save button: a valid edit is saved through the
 * #BespokeHistory (so it can be undone) as soon as the field holds it, a
 * typed field half a second after the last key, or at once on Enter or on
 * leaving it.  A field that holds something invalid is marked with the
 * `error` style and a sentence saying what is wrong, and is not saved.
 *
 * The page is made of sections (src/ui/pages/plan/), each a
 * #BespokePlanSection sharing one #BespokePlanContext; the fields are
 * #BespokeField, saved through the context's #BespokeFieldSet.
 *
 * Without a plan it offers to create one for the coming financial year,
 * 1 April to 31 March, as councils set budgets.
 */

struct _BespokePlanPage
{
  GtkWidget           parent_instance;

  BespokeStore       *store;
  BespokeHistory     *history;
  BespokePerson      *person;
  gulong              changed_id;
  gulong              applied_id;      /* the history's undo and redo */
  GStrv               applied;         /* what the last undo or redo touched, to focus after the rebuild */
  guint               rebuild_id;      /* an idle rebuild, after a change made elsewhere */
  BespokeFieldSet    *fields;          /* the records shown, as last saved, and the field waiting */
  BespokePlanContext *context;
  BespokePlanCosting *costing;         /* the cost report, shared with the Budget page */
  gboolean            shared;          /* the costing was given, not made by the page */

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkButton          *create_button;
  GtkBox             *content;
  BespokePlanHeader  *header;
  BespokePlanOutcomes *outcomes;
  BespokePlanLines   *lines;
  BespokePlanRisks   *risks;
  BespokePlanRefunds *refunds;
  BespokePlanCheckSection *check;
};

G_DEFINE_FINAL_TYPE (BespokePlanPage, bespoke_plan_page, GTK_TYPE_WIDGET)

static void rebuild (BespokePlanPage *self);

static BespokePlanSection *
section (BespokePlanPage *self,
         guint            i)
{
  gpointer sections[] = { self->header, self->outcomes, self->lines, self->risks, self->refunds, self->check };

  return i < G_N_ELEMENTS (sections) ? BESPOKE_PLAN_SECTION (sections[i]) : NULL;
}

static void
toast_cb (BespokePlanContext *context,
          const char         *text,
          BespokePlanPage    *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/* Every line's cost, from the engine, under its description; and the
 * plan check, from the same report */
static void
update_costs (BespokePlanPage *self)
{
  if (bespoke_plan_context_get_plan (self->context) == NULL || self->costing == NULL)
    return;
  bespoke_plan_lines_show_costs (self->lines, bespoke_plan_costing_get_report (self->costing, NULL));
  bespoke_plan_check_section_update (self->check);
}

/* Any record saved by the page, or by one of its fields: its row follows,
 * and the costs */
static void
on_record_saved_cb (BespokeFieldSet *fields,
                    BespokeRecord   *record,
                    BespokePlanPage *self)
{
  BespokePlanSection *s;

  for (guint i = 0; (s = section (self, i)) != NULL; i++)
    bespoke_plan_section_refresh (s, record);
  update_costs (self);
}

/* Focus: after an add, an undo or a redo, the row of what changed takes
 * the focus in its first field and is scrolled into view. */

static BespokePlanItemRow *
find_item_row (GtkWidget  *widget,
               const char *uuid)
{
  if (BESPOKE_IS_PLAN_ITEM_ROW (widget))
    return g_strcmp0 (bespoke_plan_item_row_get_uuid (BESPOKE_PLAN_ITEM_ROW (widget)), uuid) == 0
           ? BESPOKE_PLAN_ITEM_ROW (widget) : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      BespokePlanItemRow *row = find_item_row (child, uuid);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
focus_row (BespokePlanPage *self,
           const char      *uuid)
{
  BespokePlanItemRow *row = uuid ? find_item_row (GTK_WIDGET (self->content), uuid) : NULL;
  GtkWidget *field;

  if (row == NULL || (field = bespoke_plan_item_row_focus_first_field (row)) == NULL)
    return FALSE;
  /* the row's title and its first field: the viewport scrolled to the
   * focus as it was grabbed, before the new row had a place */
  bespoke_scroll_into_view (field, GTK_WIDGET (row));
  return TRUE;
}

/* After a rebuild: the row added, or the first row the undo or redo
 * touched that is still there.  Only on the page in view: an undo made
 * while another page is shown leaves the focus there. */
static void
focus_after_rebuild (BespokePlanPage *self)
{
  g_autofree char *added = bespoke_plan_context_take_focus (self->context);
  g_auto(GStrv) applied = g_steal_pointer (&self->applied);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (focus_row (self, added))
    return;
  for (guint i = 0; applied != NULL && applied[i] != NULL; i++)
    if (focus_row (self, applied[i]))
      return;
}

static void
on_history_applied_cb (BespokeHistory  *history,
                       gboolean         undone,
                       GStrv            uuids,
                       BespokePlanPage *self)
{
  g_strfreev (self->applied);
  self->applied = g_strdupv (uuids);
  /* a step that changed nothing the page shows schedules no rebuild */
  if (self->rebuild_id == 0)
    g_clear_pointer (&self->applied, g_strfreev);
}

/* Building the page */

static void
show_empty (BespokePlanPage *self,
            const char      *title,
            const char      *description,
            gboolean         can_create)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->create_button), can_create);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
rebuild (BespokePlanPage *self)
{
  g_autoptr(BespokePlan) plan = NULL;
  BespokePlanSection *s;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  bespoke_field_set_flush (self->fields);
  bespoke_field_set_forget_all (self->fields);
  if (self->person != NULL && self->store != NULL)
    plan = bespoke_plans_find_current (self->store, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), NULL);
  bespoke_plan_context_set_plan (self->context, plan);

  if (plan != NULL)
    bespoke_plan_context_load_products (self->context);
  for (guint i = 0; (s = section (self, i)) != NULL; i++)
    bespoke_plan_section_set_plan (s, plan != NULL ? self->context : NULL);

  if (self->person == NULL || self->store == NULL)
    {
      show_empty (self, _("No One Chosen"), _("Choose a person to see their support plan."), FALSE);
      return;
    }
  if (plan == NULL)
    {
      show_empty (self, _("No Plan Yet"),
                  _("A plan holds what the person wants to achieve, their paid and unpaid support, and the risks. "
                    "A new plan runs for the coming year, from 1 April to 31 March."),
                  !bespoke_store_get_read_only (self->store));
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->content), !bespoke_store_get_read_only (self->store));
  update_costs (self);
  gtk_stack_set_visible_child_name (self->stack, "plan");
  focus_after_rebuild (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  BespokePlanPage *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (BespokePlanPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_cb, self, NULL);
}

static void
on_store_changed_cb (BespokeStore    *store,
                     GType            type,
                     const char      *uuid,
                     BespokePlanPage *self)
{
  /* the page's own saves are already on screen */
  if (bespoke_field_set_get_saving (self->fields))
    return;

  /* A change made elsewhere (an undo, another window): the page's copy
   * follows at once, so that a field still waiting to be saved is applied
   * to the record as it now is, not as it was. */
  bespoke_field_set_reload (self->fields, type, uuid);

  if (bespoke_plans_type_affects_plan (type))
    schedule_rebuild (self);
  else if (type == BESPOKE_TYPE_STATEMENT)
    bespoke_plan_check_section_update (self->check);  /* "What's important to me" */
}

static void
on_create_clicked_cb (BespokePlanPage *self)
{
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokeBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  gboolean ok;

  if (self->person == NULL || self->store == NULL)
    return;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  bespoke_plans_new_for_coming_year (self->person, &today, &plan, &budget);

  if (self->history != NULL)
    {
      bespoke_history_begin_group (self->history, _("Create a plan"));
      ok = bespoke_history_save (self->history, plan, NULL, &error) &&
           bespoke_history_save (self->history, budget, NULL, &error);
      bespoke_history_end_group (self->history);
    }
  else
    ok = bespoke_store_save (self->store, plan, &error) &&
         bespoke_store_save (self->store, budget, &error);

  if (!ok)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      return;
    }
  rebuild (self);
  /* the button has gone: the plan's first field, its start, takes the focus */
  {
    GtkWidget *first = bespoke_plan_first_field (GTK_WIDGET (self->content));

    if (first != NULL)
      gtk_widget_grab_focus (first);
  }
}

/**
 * bespoke_plan_page_set_person:
 * @person: (nullable): whose plan to show, or %NULL for none
 *
 * Shows @person's latest plan, edits it through @history (or straight
 * into @store if there is none), and follows @store.
 */
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

  bespoke_field_set_flush (self->fields);
  if (self->store != store)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      /* the costing listens to the store before the page does */
      if (!self->shared)
        {
          g_clear_object (&self->costing);
          self->costing = store ? bespoke_plan_costing_new (store) : NULL;
        }
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
    }
  bespoke_plan_check_section_set_costing (self->check, self->costing);
  if (self->history != history)
    {
      g_clear_signal_handler (&self->applied_id, self->history);
      g_set_object (&self->history, history);
      if (history != NULL)
        self->applied_id = g_signal_connect (history, "applied", G_CALLBACK (on_history_applied_cb), self);
    }
  bespoke_field_set_set_store (self->fields, store, history);
  if (self->costing != NULL)
    bespoke_plan_costing_set_person (self->costing, person ? bespoke_record_get_uuid (BESPOKE_RECORD (person)) : NULL);
  if (g_set_object (&self->person, person))
    bespoke_plan_context_forget_expanded (self->context);
  rebuild (self);
}

/**
 * bespoke_plan_page_set_costing:
 * @costing: (nullable): the cost report to show under the lines, shared
 *   with the Budget page; it must listen to the store before the page does
 *   (make it first)
 *
 * Without one, the page makes its own for the store it is given.
 */
void
bespoke_plan_page_set_costing (BespokePlanPage    *self,
                               BespokePlanCosting *costing)
{
  g_return_if_fail (BESPOKE_IS_PLAN_PAGE (self));
  g_return_if_fail (costing == NULL || BESPOKE_IS_PLAN_COSTING (costing));

  g_set_object (&self->costing, costing);
  self->shared = costing != NULL;
}

/* Leaving the page (another page, another window, closing) keeps what
 * was typed. */
static void
bespoke_plan_page_unmap (GtkWidget *widget)
{
  bespoke_field_set_flush (BESPOKE_PLAN_PAGE (widget)->fields);

  GTK_WIDGET_CLASS (bespoke_plan_page_parent_class)->unmap (widget);
}

static void
bespoke_plan_page_dispose (GObject *object)
{
  BespokePlanPage *self = BESPOKE_PLAN_PAGE (object);

  bespoke_field_set_flush (self->fields);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_signal_handler (&self->applied_id, self->history);
  g_clear_pointer (&self->applied, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PLAN_PAGE);
  g_signal_handlers_disconnect_by_data (self->fields, self);
  g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->costing);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (bespoke_plan_page_parent_class)->dispose (object);
}

static void
bespoke_plan_page_finalize (GObject *object)
{
  BespokePlanPage *self = BESPOKE_PLAN_PAGE (object);

  g_clear_object (&self->fields);

  G_OBJECT_CLASS (bespoke_plan_page_parent_class)->finalize (object);
}

static void
bespoke_plan_page_class_init (BespokePlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_plan_page_dispose;
  object_class->finalize = bespoke_plan_page_finalize;
  widget_class->unmap = bespoke_plan_page_unmap;

  g_type_ensure (BESPOKE_TYPE_PLAN_HEADER);
  g_type_ensure (BESPOKE_TYPE_PLAN_OUTCOMES);
  g_type_ensure (BESPOKE_TYPE_PLAN_LINES);
  g_type_ensure (BESPOKE_TYPE_PLAN_RISKS);
  g_type_ensure (BESPOKE_TYPE_PLAN_REFUNDS);
  g_type_ensure (BESPOKE_TYPE_PLAN_CHECK_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-page.ui");
  gtk_widget_class_set_css_name (widget_class, "planpage");
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, content);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, header);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, outcomes);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, lines);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, risks);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, refunds);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanPage, check);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
}

static void
bespoke_plan_page_init (BespokePlanPage *self)
{
  self->fields = bespoke_field_set_new ();
  self->context = bespoke_plan_context_new (self->fields);
  g_signal_connect (self->fields, "saved", G_CALLBACK (on_record_saved_cb), self);
  g_signal_connect_swapped (self->context, "rebuild", G_CALLBACK (schedule_rebuild), self);
  g_signal_connect (self->context, "toast", G_CALLBACK (toast_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

GtkWidget *
bespoke_plan_page_new (void)
{
  return g_object_new (BESPOKE_TYPE_PLAN_PAGE, NULL);
}
