/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-homes-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-core.h"
#include "bespoke-error-report.h"
#include "bespoke-homes-window.h"
#include "bespoke-record-row.h"
#include "bespoke-resident-row.h"
#include "bespoke-spreadsheet-chooser.h"

/**
 * BespokeHomesWindow:
 *
 * Shared homes and their Individual Service Funds: a home's budget, core
 * support and shared costs, how they are split, the residents with their
 * allocations and weights, and the ISF table, recomputed by the ISF engine
 * on every valid keystroke.  Every valid change is stored at once; a field
 * that is not valid says why, and nothing is stored.
 */
struct _BespokeHomesWindow
{
  AdwWindow            parent_instance;

  BespokeStore        *store;
  BespokeHome         *home;
  GPtrArray           *residents;      /* BespokeHomeResident, in the store's order */
  GPtrArray           *names;          /* char*, the residents' names */
  GPtrArray           *resident_rows;  /* BespokeResidentRow, in residents_group */
  gboolean             loading;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkListBox          *homes_list;
  AdwWindowTitle      *content_title;
  GtkButton           *back_button;
  BespokeErrorReport  *errors;
  GtkStack            *content_stack;
  AdwPreferencesPage  *home_page;
  GtkWidget           *add_home_button;
  AdwEntryRow         *name_row;
  AdwEntryRow         *budget_row;
  AdwEntryRow         *core_row;
  AdwEntryRow         *shared_row;
  AdwComboRow         *split_row;
  AdwPreferencesGroup *residents_group;
  AdwEntryRow         *add_resident_row;
  GtkBox              *warnings_box;
  GtkGrid             *isf_grid;
};

G_DEFINE_FINAL_TYPE (BespokeHomesWindow, bespoke_homes_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Amounts */

static gboolean
parse_amount (GtkEditable  *editable,
              gint64       *out,
              GError      **error)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (editable));
  g_autoptr(GError) local_error = NULL;

  if (!bespoke_money_parse (gtk_editable_get_text (editable), out, &local_error))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, "%s: %s", title, local_error->message);
      return FALSE;
    }
  if (*out < 0)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("%s is below zero. Type a positive amount, such as £40,000."), title);
      return FALSE;
    }
  return TRUE;
}

/* The ISF table */

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static GtkWidget *
cell_new (const char *text,
          gboolean    number,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
attach_money (GtkGrid    *grid,
              gint64      pence,
              int         column,
              int         row,
              const char *css_class)
{
  g_autofree char *text = bespoke_money_format (pence);

  gtk_grid_attach (grid, cell_new (text, TRUE, pence < 0 ? "error" : css_class), column, row, 1, 1);
}

static void
add_warning (BespokeHomesWindow *self,
             const char         *text,
             gboolean            good)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (good ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (icon, good ? "success" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (self->warnings_box, box);
}

/* A narrow window has no room for five columns of money: each resident is
 * a name over the sum, beside their personal money. */
static void
attach_compact_row (BespokeHomesWindow *self,
                    const char         *name,
                    gint64              allocation,
                    gint64              core,
                    gint64              shared,
                    gint64              personal,
                    int                 row,
                    gboolean            total)
{
  g_autofree char *a = bespoke_money_format (allocation);
  g_autofree char *c = bespoke_money_format (core);
  g_autofree char *s = bespoke_money_format (shared);
  /* Translators: allocation − core support share − shared costs share */
  g_autofree char *sum = g_strdup_printf (_("%s − %s − %s"), a, c, s);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = cell_new (sum, FALSE, "caption");

  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_box_append (GTK_BOX (box), cell_new (name, FALSE, total ? "heading" : NULL));
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_grid_attach (self->isf_grid, box, 0, row, 1, 1);
  attach_money (self->isf_grid, personal, 1, row, total ? "heading" : NULL);
}

static void
update_isf (BespokeHomesWindow *self)
{
  g_autoptr(BespokeIsfTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gboolean weights;
  gboolean compact;
  gint64 total_personal = 0;
  int col = 0;
  guint i;

  clear_container (GTK_WIDGET (self->isf_grid));
  clear_container (GTK_WIDGET (self->warnings_box));

  if (self->home == NULL)
    return;

  table = bespoke_isf_compute (self->home, self->residents, self->names, &error);
  if (table == NULL)
    {
      add_warning (self, error->message, FALSE);
      return;
    }

  weights = table->split == BESPOKE_SPLIT_WEIGHTS;
  compact = adw_leaflet_get_folded (self->leaflet);
  gtk_grid_set_column_spacing (self->isf_grid, compact ? 12 : 14);

  if (compact)
    {
      GtkWidget *heading = cell_new (_("Resident: allocation − core − shared"), FALSE, "caption-heading");
      GtkWidget *money_heading = cell_new (_("Personal money"), TRUE, "caption-heading");

      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_wrap (GTK_LABEL (money_heading), TRUE);
      gtk_label_set_justify (GTK_LABEL (money_heading), GTK_JUSTIFY_RIGHT);
      gtk_grid_attach (self->isf_grid, heading, 0, 0, 1, 1);
      gtk_grid_attach (self->isf_grid, money_heading, 1, 0, 1, 1);
      for (i = 0; i < table->rows->len; i++)
        {
          BespokeIsfRow *row = g_ptr_array_index (table->rows, i);

          attach_compact_row (self, row->name, row->allocation, row->core_share, row->shared_share,
                              row->personal_money, i + 1, FALSE);
          total_personal += row->personal_money;
        }
      attach_compact_row (self, _("Total"), table->allocations, table->core_support, table->shared_costs,
                          total_personal, i + 1, TRUE);
    }
  else
    {
      gtk_grid_attach (self->isf_grid, cell_new (_("Resident"), FALSE, "caption-heading"), col++, 0, 1, 1);
      if (weights)
        gtk_grid_attach (self->isf_grid, cell_new (_("Weight"), TRUE, "caption-heading"), col++, 0, 1, 1);
      gtk_grid_attach (self->isf_grid, cell_new (_("Allocation"), TRUE, "caption-heading"), col++, 0, 1, 1);
      gtk_grid_attach (self->isf_grid, cell_new (_("Core support"), TRUE, "caption-heading"), col++, 0, 1, 1);
      gtk_grid_attach (self->isf_grid, cell_new (_("Shared costs"), TRUE, "caption-heading"), col++, 0, 1, 1);
      gtk_grid_attach (self->isf_grid, cell_new (_("Personal money"), TRUE, "caption-heading"), col++, 0, 1, 1);

      for (i = 0; i < table->rows->len; i++)
        {
          BespokeIsfRow *row = g_ptr_array_index (table->rows, i);

          col = 0;
          gtk_grid_attach (self->isf_grid, cell_new (row->name, FALSE, NULL), col++, i + 1, 1, 1);
          if (weights)
            {
              g_autofree char *weight = g_strdup_printf ("%u", row->weight);

              gtk_grid_attach (self->isf_grid, cell_new (weight, TRUE, NULL), col++, i + 1, 1, 1);
            }
          attach_money (self->isf_grid, row->allocation, col++, i + 1, NULL);
          attach_money (self->isf_grid, row->core_share, col++, i + 1, NULL);
          attach_money (self->isf_grid, row->shared_share, col++, i + 1, NULL);
          attach_money (self->isf_grid, row->personal_money, col++, i + 1, NULL);
          total_personal += row->personal_money;
        }

      /* The totals, against the home's budget */
      col = 0;
      gtk_grid_attach (self->isf_grid, cell_new (_("Total"), FALSE, "heading"), col++, i + 1, 1, 1);
      if (weights)
        col++;
      attach_money (self->isf_grid, table->allocations, col++, i + 1,
                    table->flags & BESPOKE_ISF_FLAG_ALLOCATIONS_DIFFER ? "warning" : "heading");
      attach_money (self->isf_grid, table->core_support, col++, i + 1, "heading");
      attach_money (self->isf_grid, table->shared_costs, col++, i + 1, "heading");
      attach_money (self->isf_grid, total_personal, col++, i + 1, "heading");
    }

  for (i = 0; i < table->warnings->len; i++)
    add_warning (self, g_ptr_array_index (table->warnings, i), FALSE);
  if (table->warnings->len == 0)
    {
      g_autofree char *budget = bespoke_money_format (table->budget);
      g_autofree char *text = g_strdup_printf (_("The allocations add up to the home’s budget of %s, and everyone’s personal money is £0.00 or more."), budget);

      add_warning (self, text, TRUE);
    }
}

/* Saving */

static gboolean
save_home (BespokeHomesWindow *self,
           BespokeHome        *next,
           GtkWidget          *widget)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_store_save (self->store, next, &error))
    {
      bespoke_error_report_show (self->errors, widget, error->message);
      return FALSE;
    }
  bespoke_error_report_clear (self->errors);
  g_set_object (&self->home, next);
  update_isf (self);
  return TRUE;
}

static void
on_name_changed_cb (BespokeHomesWindow *self,
                    GtkEditable        *editable)
{
  g_autoptr(BespokeHome) next = NULL;
  g_autofree char *name = NULL;

  if (self->loading)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (*name == '\0')
    {
      bespoke_error_report_show (self->errors, GTK_WIDGET (editable), _("The home’s name is empty. Type a name, such as Oak House."));
      return;
    }

  next = BESPOKE_HOME (bespoke_record_copy (BESPOKE_RECORD (self->home)));
  bespoke_home_set_name (next, name);
  if (save_home (self, next, GTK_WIDGET (editable)))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->homes_list);

      adw_window_title_set_title (self->content_title, name);
      if (row != NULL)
        bespoke_record_row_set_title (BESPOKE_RECORD_ROW (row), name);
    }
}

static void
on_amount_changed_cb (BespokeHomesWindow *self,
                      GtkEditable        *editable)
{
  g_autoptr(BespokeHome) next = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pence;

  if (self->loading)
    return;

  if (!parse_amount (editable, &pence, &error))
    {
      bespoke_error_report_show (self->errors, GTK_WIDGET (editable), error->message);
      return;
    }

  next = BESPOKE_HOME (bespoke_record_copy (BESPOKE_RECORD (self->home)));
  if (editable == GTK_EDITABLE (self->budget_row))
    bespoke_home_set_budget (next, pence);
  else if (editable == GTK_EDITABLE (self->core_row))
    bespoke_home_set_core_support (next, pence);
  else
    bespoke_home_set_shared_costs (next, pence);
  save_home (self, next, GTK_WIDGET (editable));
}

static void
on_split_changed_cb (BespokeHomesWindow *self)
{
  g_autoptr(BespokeHome) next = NULL;
  guint split = adw_combo_row_get_selected (self->split_row);

  if (self->loading || self->home == NULL || split == GTK_INVALID_LIST_POSITION ||
      split == (guint) bespoke_home_get_split (self->home))
    return;

  next = BESPOKE_HOME (bespoke_record_copy (BESPOKE_RECORD (self->home)));
  bespoke_home_set_split (next, split);
  save_home (self, next, GTK_WIDGET (self->split_row));
}

static guint
resident_index (BespokeHomesWindow *self,
                BespokeResidentRow *row)
{
  guint index;

  if (g_ptr_array_find (self->resident_rows, row, &index))
    return index;
  g_return_val_if_reached (G_MAXUINT);
}

static gboolean
save_resident (BespokeHomesWindow  *self,
               guint                index,
               BespokeHomeResident *next,
               GtkWidget           *widget)
{
  g_autoptr(GError) error = NULL;
  BespokeResidentRow *row = g_ptr_array_index (self->resident_rows, index);

  if (!bespoke_store_save (self->store, next, &error))
    {
      bespoke_error_report_show (self->errors, widget, error->message);
      return FALSE;
    }
  bespoke_error_report_clear (self->errors);

  g_object_unref (g_ptr_array_index (self->residents, index));
  g_ptr_array_index (self->residents, index) = g_object_ref (next);
  bespoke_resident_row_set_resident (row, next);
  update_isf (self);
  return TRUE;
}

static void
on_allocation_changed_cb (BespokeResidentRow *row,
                          BespokeHomesWindow *self)
{
  GtkEditable *editable = bespoke_resident_row_get_allocation_row (row);
  guint index = resident_index (self, row);
  g_autoptr(BespokeHomeResident) next = NULL;
  g_autoptr(GError) error = NULL;
  BespokeHomeResident *old;
  gint64 pence;

  if (self->loading || index == G_MAXUINT)
    return;

  if (!parse_amount (editable, &pence, &error))
    {
      bespoke_error_report_show (self->errors, GTK_WIDGET (editable), error->message);
      return;
    }

  old = g_ptr_array_index (self->residents, index);
  next = BESPOKE_HOME_RESIDENT (bespoke_record_copy (BESPOKE_RECORD (old)));
  bespoke_home_resident_set_allocation (next, pence);
  save_resident (self, index, next, GTK_WIDGET (editable));
}

static void
on_weight_changed_cb (BespokeResidentRow *row,
                      BespokeHomesWindow *self)
{
  GtkEditable *editable = bespoke_resident_row_get_weight_row (row);
  guint index = resident_index (self, row);
  g_autoptr(BespokeHomeResident) next = NULL;
  g_autofree char *text = NULL;
  BespokeHomeResident *old;
  guint64 weight;

  if (self->loading || index == G_MAXUINT)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (!g_ascii_string_to_unsigned (text, 10, 0, 1000, &weight, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("Weight: “%s” is not a whole number. Type a number from 0 to 1,000, such as 2 for twice the usual share."), text);

      bespoke_error_report_show (self->errors, GTK_WIDGET (editable), message);
      return;
    }

  old = g_ptr_array_index (self->residents, index);
  next = BESPOKE_HOME_RESIDENT (bespoke_record_copy (BESPOKE_RECORD (old)));
  bespoke_home_resident_set_weight (next, (guint) weight);
  save_resident (self, index, next, GTK_WIDGET (editable));
}

static void fill_residents (BespokeHomesWindow *self);

typedef struct
{
  BespokeHomesWindow  *self;
  BespokeHomeResident *resident;
} RemovedResident;

static void
removed_resident_free (gpointer data)
{
  RemovedResident *removed = data;

  g_object_unref (removed->resident);
  g_free (removed);
}

static void
on_undo_remove_clicked_cb (AdwToast        *toast,
                           RemovedResident *removed)
{
  g_autoptr(GError) error = NULL;

  /* The same record, uuid and all, comes back. */
  if (!bespoke_store_save (removed->self->store, removed->resident, &error))
    {
      bespoke_error_report_show (removed->self->errors, NULL, error->message);
      return;
    }
  if (removed->self->home != NULL &&
      g_strcmp0 (bespoke_record_get_uuid (BESPOKE_RECORD (removed->self->home)),
                 bespoke_home_resident_get_home_uuid (removed->resident)) == 0)
    fill_residents (removed->self);
}

static void
on_remove_resident_cb (BespokeResidentRow *row,
                       BespokeHomesWindow *self)
{
  guint index = resident_index (self, row);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  BespokeHomeResident *resident;
  RemovedResident *removed;
  AdwToast *toast;

  if (index == G_MAXUINT)
    return;

  /* The person stays; only their place in the home's ISF goes, and the
   * toast brings it back. */
  resident = g_ptr_array_index (self->residents, index);
  if (!bespoke_store_delete (self->store, resident, &error))
    {
      bespoke_error_report_show (self->errors, NULL, error->message);
      return;
    }
  bespoke_error_report_clear (self->errors);

  /* Translators: a toast after taking a resident out of a shared home */
  title = g_strdup_printf (_("%s taken out of %s"), (const char *) g_ptr_array_index (self->names, index),
                           bespoke_home_get_name (self->home));
  removed = g_new0 (RemovedResident, 1);
  removed->self = self;
  removed->resident = g_object_ref (resident);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove_clicked_cb),
                         removed, (GClosureNotify) (void (*) (void)) removed_resident_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  fill_residents (self);
}

static void
fill_residents (BespokeHomesWindow *self)
{
  g_autoptr(GPtrArray) residents = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->resident_rows->len; i++)
    adw_preferences_group_remove (self->residents_group, g_ptr_array_index (self->resident_rows, i));
  g_ptr_array_set_size (self->resident_rows, 0);
  g_ptr_array_set_size (self->residents, 0);
  g_ptr_array_set_size (self->names, 0);

  residents = bespoke_store_list (self->store, BESPOKE_TYPE_HOME_RESIDENT,
                                  bespoke_record_get_uuid (BESPOKE_RECORD (self->home)), &error);
  if (residents == NULL)
    {
      bespoke_error_report_show (self->errors, NULL, error->message);
      return;
    }

  for (guint i = 0; i < residents->len; i++)
    {
      BespokeHomeResident *resident = g_ptr_array_index (residents, i);
      g_autoptr(BespokePerson) person = NULL;
      const char *name;
      GtkWidget *row;

      person = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON,
                                   bespoke_home_resident_get_person_uuid (resident), NULL);
      name = person != NULL ? bespoke_person_get_name (person) : _("Someone no longer listed");
      g_ptr_array_add (self->residents, g_object_ref (resident));
      g_ptr_array_add (self->names, g_strdup (name));
      row = bespoke_resident_row_new (resident, name);
      g_signal_connect (row, "allocation-changed", G_CALLBACK (on_allocation_changed_cb), self);
      g_signal_connect (row, "weight-changed", G_CALLBACK (on_weight_changed_cb), self);
      g_signal_connect (row, "remove", G_CALLBACK (on_remove_resident_cb), self);
      adw_preferences_group_add (self->residents_group, row);
      g_ptr_array_add (self->resident_rows, row);
    }

  update_isf (self);
}

static void
on_add_resident_applied_cb (BespokeHomesWindow *self,
                            AdwEntryRow        *entry)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(BespokeHomeResident) resident = NULL;
  g_autoptr(GError) error = NULL;

  if (*key == '\0' || self->home == NULL)
    return;

  person = bespoke_store_find_person (self->store, key, NULL);
  if (person == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No one called “%s” is in the people list. Type their full name as it is listed, or add them to the people list first."), key);

      bespoke_error_report_show (self->errors, GTK_WIDGET (entry), message);
      return;
    }

  for (guint i = 0; i < self->residents->len; i++)
    if (g_strcmp0 (bespoke_home_resident_get_person_uuid (g_ptr_array_index (self->residents, i)),
                   bespoke_record_get_uuid (BESPOKE_RECORD (person))) == 0)
      {
        g_autofree char *message = g_strdup_printf (_("%s already lives in this home."), bespoke_person_get_name (person));

        bespoke_error_report_show (self->errors, GTK_WIDGET (entry), message);
        return;
      }

  resident = bespoke_home_resident_new ();
  bespoke_home_resident_set_home_uuid (resident, bespoke_record_get_uuid (BESPOKE_RECORD (self->home)));
  bespoke_home_resident_set_person_uuid (resident, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  bespoke_home_resident_set_weight (resident, 1);
  if (!bespoke_store_save (self->store, resident, &error))
    {
      bespoke_error_report_show (self->errors, GTK_WIDGET (entry), error->message);
      return;
    }

  bespoke_error_report_clear (self->errors);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  fill_residents (self);
}

/* Homes */

static void
set_amount (AdwEntryRow *row,
            gint64       pence)
{
  g_autofree char *text = bespoke_money_format (pence);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
show_home (BespokeHomesWindow *self,
           BespokeHome        *home)
{
  bespoke_error_report_clear (self->errors);
  g_set_object (&self->home, home);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), bespoke_home_get_name (home));
  set_amount (self->budget_row, bespoke_home_get_budget (home));
  set_amount (self->core_row, bespoke_home_get_core_support (home));
  set_amount (self->shared_row, bespoke_home_get_shared_costs (home));
  adw_combo_row_set_selected (self->split_row, bespoke_home_get_split (home));
  fill_residents (self);
  self->loading = FALSE;

  adw_window_title_set_title (self->content_title, bespoke_home_get_name (home));
  adw_window_title_set_subtitle (self->content_title, _("Individual Service Funds"));
  gtk_stack_set_visible_child_name (self->content_stack, "home");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
fill_homes (BespokeHomesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_record_row_fill_list (self->homes_list, self->store, BESPOKE_TYPE_HOME, &error))
    bespoke_error_report_show (self->errors, NULL, error->message);
}

static void
on_home_activated_cb (BespokeHomesWindow *self,
                      GtkListBoxRow      *row,
                      GtkListBox         *list)
{
  g_autoptr(BespokeHome) home = NULL;
  g_autoptr(GError) error = NULL;

  home = bespoke_store_load (self->store, BESPOKE_TYPE_HOME,
                             bespoke_record_row_get_uuid (BESPOKE_RECORD_ROW (row)), &error);
  if (home == NULL)
    {
      bespoke_error_report_show (self->errors, NULL, error->message);
      return;
    }
  gtk_list_box_select_row (list, row);
  show_home (self, home);
}

static void
on_add_home_clicked_cb (BespokeHomesWindow *self,
                        GtkButton          *button)
{
  g_autoptr(BespokeHome) home = bespoke_home_new ();
  g_autoptr(GError) error = NULL;

  bespoke_home_set_name (home, _("New home"));
  if (!bespoke_store_save (self->store, home, &error))
    {
      bespoke_error_report_show (self->errors, NULL, error->message);
      return;
    }
  fill_homes (self);
  gtk_list_box_select_row (self->homes_list,
                           GTK_LIST_BOX_ROW (bespoke_record_row_find (self->homes_list,
                                                                      bespoke_record_get_uuid (BESPOKE_RECORD (home)))));
  show_home (self, home);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
on_back_clicked_cb (BespokeHomesWindow *self,
                    GtkButton          *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_folded_changed_cb (BespokeHomesWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
  update_isf (self);
}

/* GObject */

static void
bespoke_homes_window_constructed (GObject *object)
{
  BespokeHomesWindow *self = BESPOKE_HOMES_WINDOW (object);

  G_OBJECT_CLASS (bespoke_homes_window_parent_class)->constructed (object);

  fill_homes (self);
  /* Show the first home straight away. */
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->homes_list, 0);

    if (first != NULL)
      {
        on_home_activated_cb (self, first, self->homes_list);
        bespoke_record_row_focus_on_map (self->homes_list);
      }
  }
  if (bespoke_store_get_read_only (self->store))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->home_page), FALSE);
      gtk_widget_set_sensitive (self->add_home_button, FALSE);
    }
}

static void
bespoke_homes_window_dispose (GObject *object)
{
  BespokeHomesWindow *self = BESPOKE_HOMES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_HOMES_WINDOW);

  G_OBJECT_CLASS (bespoke_homes_window_parent_class)->dispose (object);
}

static void
bespoke_homes_window_finalize (GObject *object)
{
  BespokeHomesWindow *self = BESPOKE_HOMES_WINDOW (object);

  g_clear_object (&self->home);
  g_clear_object (&self->store);
  g_clear_pointer (&self->residents, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->resident_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bespoke_homes_window_parent_class)->finalize (object);
}

static void
bespoke_homes_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BespokeHomesWindow *self = BESPOKE_HOMES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_homes_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BespokeHomesWindow *self = BESPOKE_HOMES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/**
 * bespoke_homes_window_get_spreadsheet:
 *
 * The shown home's Individual Service Funds as a spreadsheet
 * (bespoke_spreadsheet_isf()), or %NULL with no home or no table.
 */
GBytes *
bespoke_homes_window_get_spreadsheet (BespokeHomesWindow *self)
{
  g_autoptr(BespokeIsfTable) table = NULL;

  g_return_val_if_fail (BESPOKE_IS_HOMES_WINDOW (self), NULL);

  if (self->home == NULL ||
      (table = bespoke_isf_compute (self->home, self->residents, self->names, NULL)) == NULL)
    return NULL;
  return bespoke_spreadsheet_isf (table);
}

static void
export_spreadsheet_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BespokeHomesWindow *self = BESPOKE_HOMES_WINDOW (widget);
  g_autoptr(GBytes) bytes = bespoke_homes_window_get_spreadsheet (self);
  g_autofree char *name = NULL;

  if (bytes == NULL)
    return;
  /* Translators: the file name offered, e.g. "Oak House ISF.csv" */
  name = g_strdup_printf (_("%s ISF.csv"), bespoke_home_get_name (self->home));
  bespoke_spreadsheet_chooser_save (widget, _("Export Individual Service Funds as Spreadsheet"), name, bytes);
}

static void
bespoke_homes_window_class_init (BespokeHomesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bespoke_homes_window_constructed;
  object_class->dispose = bespoke_homes_window_dispose;
  object_class->finalize = bespoke_homes_window_finalize;
  object_class->get_property = bespoke_homes_window_get_property;
  object_class->set_property = bespoke_homes_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BESPOKE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-homes-window.ui");
  g_type_ensure (BESPOKE_TYPE_ERROR_REPORT);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, homes_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, errors);
  gtk_widget_class_bind_template_child_full (widget_class, "error_revealer", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, add_home_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, budget_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, core_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, shared_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, split_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, residents_group);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, add_resident_row);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeHomesWindow, isf_grid);

  gtk_widget_class_bind_template_callback (widget_class, on_add_home_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_home_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_resident_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "homes.export-spreadsheet", NULL, export_spreadsheet_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bespoke_homes_window_init (BespokeHomesWindow *self)
{
  GtkStringList *splits = gtk_string_list_new (NULL);

  self->residents = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->resident_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (splits, bespoke_enum_label (BESPOKE_TYPE_SPLIT, BESPOKE_SPLIT_EQUAL));
  gtk_string_list_append (splits, bespoke_enum_label (BESPOKE_TYPE_SPLIT, BESPOKE_SPLIT_WEIGHTS));
  adw_combo_row_set_model (self->split_row, G_LIST_MODEL (splits));
  g_object_unref (splits);

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_name_changed_cb), self);
  g_signal_connect_swapped (self->budget_row, "changed", G_CALLBACK (on_amount_changed_cb), self);
  g_signal_connect_swapped (self->core_row, "changed", G_CALLBACK (on_amount_changed_cb), self);
  g_signal_connect_swapped (self->shared_row, "changed", G_CALLBACK (on_amount_changed_cb), self);
  g_signal_connect_swapped (self->split_row, "notify::selected", G_CALLBACK (on_split_changed_cb), self);
}

/**
 * bespoke_homes_window_new:
 * @application: (nullable): the application
 * @store: the database whose shared homes to show
 */
BespokeHomesWindow *
bespoke_homes_window_new (GtkApplication *application,
                          BespokeStore   *store)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  return g_object_new (BESPOKE_TYPE_HOMES_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

BespokeStore *
bespoke_homes_window_get_store (BespokeHomesWindow *self)
{
  g_return_val_if_fail (BESPOKE_IS_HOMES_WINDOW (self), NULL);

  return self->store;
}
