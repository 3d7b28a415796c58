/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-line-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-date.h"
#include "bespoke-plan-line-row.h"
#include "bespoke-product-chooser.h"
#include "bespoke-schedule-editor.h"

/**
 * BespokePlanLineRow:
 *
 * One support line of a plan: what the support is, who gives it (or the
 * product bought, its funding, sharing, staff and specials), its
 * schedule, and under its description its schedule and cost.
 */
struct _BespokePlanLineRow
{
  BespokePlanItemRow     parent_instance;

  AdwEntryRow           *description_row;
  AdwComboRow           *type_row;
  GtkWidget             *product_row;
  BespokeProductChooser *product_chooser;
  AdwEntryRow           *worker_row;
  AdwComboRow           *funding_row;
  AdwActionRow          *share_row;
  GtkSpinButton         *share_spin;
  AdwActionRow          *staff_row;
  GtkSpinButton         *staff_spin;
  AdwActionRow          *discount_row;
  GtkSpinButton         *discount_spin;
  AdwActionRow          *free_row;
  GtkSpinButton         *free_spin;
  GtkListBoxRow         *schedule_slot;
  /* made when the row is first opened (ensure_schedule_editor()): about
   * half a megabyte of widgets that a closed row never shows */
  BespokeScheduleEditor *schedule_editor;
};

G_DEFINE_FINAL_TYPE (BespokePlanLineRow, bespoke_plan_line_row, BESPOKE_TYPE_PLAN_ITEM_ROW)

static const BespokeSupportType support_types[] = {
  BESPOKE_SUPPORT_PAID, BESPOKE_SUPPORT_SELF, BESPOKE_SUPPORT_FAMILY,
  BESPOKE_SUPPORT_FRIEND, BESPOKE_SUPPORT_COMMUNITY, BESPOKE_SUPPORT_TECHNOLOGY,
};

/* Appliers */

BESPOKE_PLAN_TEXT_APPLIER (apply_description, "description")
BESPOKE_PLAN_TEXT_APPLIER (apply_worker, "worker")

static void
apply_funding (BespokeRecord *r, guint i)
{
  bespoke_support_line_set_funding (BESPOKE_SUPPORT_LINE (r), (BespokeFunding) i);
}

static void
apply_share_ratio (BespokeRecord *r, guint value)
{
  bespoke_support_line_set_share_ratio (BESPOKE_SUPPORT_LINE (r), value);
}

static void
apply_quantity (BespokeRecord *r, guint value)
{
  bespoke_support_line_set_quantity (BESPOKE_SUPPORT_LINE (r), value);
}

/* Specials: discounts are typed as whole percentages and kept in
 * hundredths of a percent, as the costing engine reads them. */
static void
apply_discount (BespokeRecord *r, guint percent)
{
  bespoke_support_line_set_discount_bp (BESPOKE_SUPPORT_LINE (r), percent * 100);
}

static void
apply_free_units (BespokeRecord *r, guint value)
{
  bespoke_support_line_set_free_units (BESPOKE_SUPPORT_LINE (r), value);
}

/* Records */

static BespokePlanContext *
get_context (BespokePlanLineRow *self)
{
  return bespoke_plan_item_row_get_context (BESPOKE_PLAN_ITEM_ROW (self));
}

static GtkLabel *
get_error_label (BespokePlanLineRow *self)
{
  return bespoke_plan_item_row_get_error_label (BESPOKE_PLAN_ITEM_ROW (self));
}

/* A copy of the line as last saved, to change */
static BespokeSupportLine *
copy_line (BespokePlanLineRow *self)
{
  BespokePlanContext *context = get_context (self);
  BespokeRecord *record;

  if (context == NULL)
    return NULL;
  record = bespoke_field_set_lookup (bespoke_plan_context_get_fields (context),
                                     bespoke_plan_item_row_get_uuid (BESPOKE_PLAN_ITEM_ROW (self)));
  return record ? BESPOKE_SUPPORT_LINE (bespoke_record_copy (record)) : NULL;
}

static void
set_line_product (BespokeSupportLine *line,
                  BespokeProduct     *product)
{
  bespoke_support_line_set_product_uuid (line, product ? bespoke_record_get_uuid (BESPOKE_RECORD (product)) : NULL);
  bespoke_support_line_set_provider_uuid (line, product ? bespoke_product_get_provider_uuid (product) : NULL);
}

/* Who gives support: paid support buys the first ongoing product (or any);
 * other support has no product and no funding.  The rows change with it. */
static void
on_type_selected_cb (AdwComboRow        *combo,
                     GParamSpec         *pspec,
                     BespokePlanLineRow *self)
{
  BespokePlanContext *context = get_context (self);
  g_autoptr(BespokeSupportLine) copy = NULL;
  BespokeSupportType type = support_types[MIN (adw_combo_row_get_selected (combo), G_N_ELEMENTS (support_types) - 1)];

  if ((copy = copy_line (self)) == NULL)
    return;
  if (bespoke_support_line_get_support_type (copy) == type)
    return;

  bespoke_support_line_set_support_type (copy, type);
  if (type == BESPOKE_SUPPORT_PAID)
    {
      BespokeProduct *product = bespoke_plan_context_first_product (context, BESPOKE_PRODUCT_ONGOING);
      GPtrArray *products = bespoke_plan_context_get_products (context);

      if (product == NULL && products->len > 0)
        product = g_ptr_array_index (products, 0);
      if (product == NULL)
        {
          bespoke_field_show_error (GTK_WIDGET (combo), get_error_label (self),
                                    _("There is no product to buy yet. Add one to a provider’s menu first (Product Menus, in the main menu)."));
          return;
        }
      set_line_product (copy, product);
      bespoke_support_line_set_funding (copy, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
    }
  else
    {
      set_line_product (copy, NULL);
      bespoke_support_line_set_funding (copy, BESPOKE_FUNDING_NONE);
    }
  if (bespoke_plan_context_save (context, BESPOKE_RECORD (copy), _("Change who gives %s"),
                                 GTK_WIDGET (combo), get_error_label (self)))
    bespoke_plan_context_rebuild (context);
}

/* A product from the chooser: the line buys it, with the schedule that
 * suits how it is sold (bespoke_product_default_schedule()), saved as one
 * change, so one undo puts back both. */
static void
on_product_chosen_cb (BespokeProductChooser *chooser,
                      BespokeProduct        *product,
                      BespokePlanLineRow    *self)
{
  g_autoptr(BespokeSupportLine) copy = copy_line (self);
  g_autoptr(BespokeSchedule) schedule = NULL;
  gboolean was_paid;

  if (copy == NULL)
    return;
  was_paid = bespoke_support_line_get_support_type (copy) == BESPOKE_SUPPORT_PAID;
  schedule = bespoke_product_default_schedule (product, bespoke_plan_context_get_start_day (get_context (self)));
  set_line_product (copy, product);
  bespoke_support_line_set_schedule (copy, schedule);
  if (!was_paid)
    {
      bespoke_support_line_set_support_type (copy, BESPOKE_SUPPORT_PAID);
      bespoke_support_line_set_funding (copy, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
    }
  if (!bespoke_plan_context_save (get_context (self), BESPOKE_RECORD (copy), _("Choose a product for %s"),
                                  GTK_WIDGET (chooser), get_error_label (self)))
    return;
  if (!was_paid)
    {
      bespoke_plan_context_rebuild (get_context (self));
      return;
    }
  bespoke_product_chooser_set_product (chooser, product, FALSE);
  if (self->schedule_editor != NULL)
    bespoke_schedule_editor_set_schedule (self->schedule_editor, schedule);
}

static void
on_schedule_changed_cb (BespokeScheduleEditor *editor,
                        BespokePlanLineRow    *self)
{
  g_autoptr(BespokeSupportLine) copy = copy_line (self);

  if (copy == NULL)
    return;
  bespoke_support_line_set_schedule (copy, bespoke_schedule_editor_get_schedule (editor));
  bespoke_plan_context_save (get_context (self), BESPOKE_RECORD (copy), _("Change the schedule of %s"), NULL,
                             get_error_label (self));
}

/* The schedule editor, with @line's schedule (or the line's as last
 * saved), made the first time the row is open */
static void
ensure_schedule_editor (BespokePlanLineRow *self,
                        BespokeSupportLine *line)
{
  g_autoptr(BespokeSupportLine) saved = NULL;
  GtkWidget *editor;

  if (self->schedule_editor != NULL || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;
  if (line == NULL && (line = saved = copy_line (self)) == NULL)
    return;
  editor = bespoke_schedule_editor_new ();
  gtk_widget_set_margin_start (editor, 12);
  gtk_widget_set_margin_end (editor, 12);
  gtk_widget_set_margin_top (editor, 12);
  gtk_widget_set_margin_bottom (editor, 12);
  self->schedule_editor = BESPOKE_SCHEDULE_EDITOR (editor);
  bespoke_schedule_editor_set_schedule (self->schedule_editor, bespoke_support_line_get_schedule (line));
  g_signal_connect (editor, "changed", G_CALLBACK (on_schedule_changed_cb), self);
  gtk_list_box_row_set_child (self->schedule_slot, editor);
}

static void
on_expanded_cb (BespokePlanLineRow *self,
                GParamSpec         *pspec,
                gpointer            user_data)
{
  ensure_schedule_editor (self, NULL);
}

static void
on_description_changed_cb (GtkEditable        *editable,
                           BespokePlanLineRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), gtk_editable_get_text (editable));
}

/* Filling the rows */

static void
set_labels (AdwComboRow *row,
            GType        type,
            const guint *values,
            guint        n)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, bespoke_enum_label (type, values ? values[i] : i));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static void
show_who (BespokePlanLineRow *self,
          BespokeSupportLine *line)
{
  BespokeSupportType type = bespoke_support_line_get_support_type (line);
  gboolean paid = type == BESPOKE_SUPPORT_PAID;
  const char *worker = paid ? _("Named worker (optional)") : _("Who gives it");
  guint types[G_N_ELEMENTS (support_types)];

  for (guint i = 0; i < G_N_ELEMENTS (support_types); i++)
    types[i] = support_types[i];
  set_labels (self->type_row, BESPOKE_TYPE_SUPPORT_TYPE, types, G_N_ELEMENTS (support_types));
  for (guint i = 0; i < G_N_ELEMENTS (support_types); i++)
    if (support_types[i] == type)
      adw_combo_row_set_selected (self->type_row, i);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->worker_row), worker);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->worker_row), GTK_ACCESSIBLE_PROPERTY_LABEL, worker, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->worker_row), bespoke_support_line_get_worker (line) ?: "");

  /* with no menu at all, the chooser says so and points to the menus */
  gtk_widget_set_visible (self->product_row,
                          paid || bespoke_plan_context_get_products (get_context (self))->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->funding_row), paid);
  gtk_widget_set_visible (GTK_WIDGET (self->share_row), paid);
  gtk_widget_set_visible (GTK_WIDGET (self->staff_row), paid);
  gtk_widget_set_visible (GTK_WIDGET (self->discount_row), paid);
  gtk_widget_set_visible (GTK_WIDGET (self->free_row), paid);
}

static void
show_paid (BespokePlanLineRow *self,
           BespokeSupportLine *line)
{
  BespokePlanContext *context = get_context (self);
  BespokeProduct *product = bespoke_plan_context_find_product (context, bespoke_support_line_get_product_uuid (line));
  GPtrArray *latest = bespoke_plan_context_get_products (context);

  bespoke_product_chooser_set_product (self->product_chooser, product,
                                       product != NULL && !g_ptr_array_find (latest, product, NULL));
  set_labels (self->funding_row, BESPOKE_TYPE_FUNDING, NULL, BESPOKE_FUNDING_NONE + 1);
  adw_combo_row_set_selected (self->funding_row, bespoke_support_line_get_funding (line));
  gtk_spin_button_set_value (self->share_spin, bespoke_support_line_get_share_ratio (line));
  gtk_spin_button_set_value (self->staff_spin, bespoke_support_line_get_quantity (line));
  gtk_spin_button_set_value (self->discount_spin, bespoke_support_line_get_discount_bp (line) / 100);
  gtk_spin_button_set_value (self->free_spin, bespoke_support_line_get_free_units (line));
}

static void
bind_fields (BespokePlanLineRow *self,
             BespokeFieldSet    *fields,
             const char         *uuid)
{
  GtkLabel *error_label = get_error_label (self);

  bespoke_field_bind_text (fields, self->description_row, uuid, apply_description, _("Change %s"), error_label);
  bespoke_field_bind_text (fields, self->worker_row, uuid, apply_worker, _("Change who gives %s"), error_label);
  bespoke_field_bind_combo (fields, self->funding_row, uuid, apply_funding, _("Change how %s is funded"), error_label);
  bespoke_field_bind_spin (fields, self->share_spin, uuid, apply_share_ratio, _("Change the sharing of %s"), NULL);
  bespoke_field_bind_spin (fields, self->staff_spin, uuid, apply_quantity, _("Change the number of staff for %s"), NULL);
  bespoke_field_bind_spin (fields, self->discount_spin, uuid, apply_discount, _("Change the discount on %s"), NULL);
  bespoke_field_bind_spin (fields, self->free_spin, uuid, apply_free_units, _("Change the free units of %s"), NULL);

  g_signal_connect (self->description_row, "changed", G_CALLBACK (on_description_changed_cb), self);
  g_signal_connect (self->type_row, "notify::selected", G_CALLBACK (on_type_selected_cb), self);
  g_signal_connect (self->product_chooser, "product-chosen", G_CALLBACK (on_product_chosen_cb), self);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded_cb), NULL);
}

GtkWidget *
bespoke_plan_line_row_new (BespokePlanContext *context,
                           BespokeSupportLine *line)
{
  BespokePlanLineRow *self = g_object_new (BESPOKE_TYPE_PLAN_LINE_ROW, NULL);
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (line));

  bespoke_plan_item_row_setup (BESPOKE_PLAN_ITEM_ROW (self), context, BESPOKE_RECORD (line),
                               bespoke_support_line_get_description (line));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), bespoke_support_line_get_description (line) ?: "");
  bespoke_product_chooser_set_store (self->product_chooser, bespoke_plan_context_get_store (context));
  show_who (self, line);
  if (bespoke_support_line_get_support_type (line) == BESPOKE_SUPPORT_PAID)
    show_paid (self, line);
  bind_fields (self, bespoke_plan_context_get_fields (context), uuid);
  ensure_schedule_editor (self, line);
  bespoke_plan_item_row_add_remove (BESPOKE_PLAN_ITEM_ROW (self), _("Remove This Support"),
                                    _("Remove %s"), _("Support line removed."));
  return GTK_WIDGET (self);
}

/* Under the description: the schedule, and what the line costs over the
 * plan, from the engine */
void
bespoke_plan_line_row_show_cost (BespokePlanLineRow *self,
                                 BespokeLineCost    *cost)
{
  g_autofree char *subtitle = NULL;

  if (cost->paid)
    {
      g_autofree char *amount = bespoke_money_format (cost->cost);

      if (cost->contingent)
        /* Translators: a line's schedule, and its cost if its outcome is reached */
        subtitle = g_strdup_printf (_("%s · %s, only if the outcome is reached"), cost->schedule_summary, amount);
      else
        /* Translators: a line's schedule and its cost for the plan period */
        subtitle = g_strdup_printf (_("%s · %s for the plan"), cost->schedule_summary, amount);
    }
  else
    /* Translators: an unpaid line's schedule */
    subtitle = g_strdup_printf (_("%s · unpaid"), cost->schedule_summary);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
bespoke_plan_line_row_class_init (BespokePlanLineRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BESPOKE_TYPE_PRODUCT_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-plan-line-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, description_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, type_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, product_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, product_chooser);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, worker_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, funding_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, share_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, share_spin);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, staff_spin);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, discount_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, discount_spin);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, free_row);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, free_spin);
  gtk_widget_class_bind_template_child (widget_class, BespokePlanLineRow, schedule_slot);
}

static void
bespoke_plan_line_row_init (BespokePlanLineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
