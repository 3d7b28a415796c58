/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-date-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-date-popover.h"

/**
 * BespokeDatePopover:
 *
 * A calendar to pick a date from, for the date fields that are otherwise
 * typed: it opens on the field's date (or today), the arrow keys or a
 * click move the day, and Enter or the button below uses it.  It emits
 * ::date-chosen with the date as ISO 8601 text and closes; the field
 * saves it as if it had been typed.
 */
struct _BespokeDatePopover
{
  GtkPopover   parent_instance;

  GtkCalendar *calendar;
  GtkButton   *choose_button;
};

G_DEFINE_FINAL_TYPE (BespokeDatePopover, bespoke_date_popover, GTK_TYPE_POPOVER)

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Use 8 January 2027": the button says which day it will use */
static void
update_button (BespokeDatePopover *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *day = g_date_time_format (date, "%-d %B %Y");
  g_autofree char *label = g_strdup_printf (_("Use %s"), day);

  gtk_button_set_label (self->choose_button, label);
}

static void
on_day_selected_cb (GtkCalendar        *calendar,
                    BespokeDatePopover *self)
{
  update_button (self);
}

static void
on_choose_clicked_cb (GtkButton          *button,
                      BespokeDatePopover *self)
{
  g_autofree char *iso = bespoke_date_popover_get_date (self);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[DATE_CHOSEN], 0, iso);
}

static void
bespoke_date_popover_class_init (BespokeDatePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * BespokeDatePopover::date-chosen:
   * @iso: the date, as "2027-01-08"
   */
  signals[DATE_CHOSEN] =
    g_signal_new ("date-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-date-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeDatePopover, calendar);
  gtk_widget_class_bind_template_child (widget_class, BespokeDatePopover, choose_button);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
}

static void
bespoke_date_popover_init (BespokeDatePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_popover_set_default_widget (GTK_POPOVER (self), GTK_WIDGET (self->choose_button));
  update_button (self);
}

GtkWidget *
bespoke_date_popover_new (void)
{
  return g_object_new (BESPOKE_TYPE_DATE_POPOVER, NULL);
}

/**
 * bespoke_date_popover_set_date:
 * @iso: (nullable): "2027-01-08", or %NULL (or anything else) for today
 *
 * Shows @iso's month with its day selected.
 */
void
bespoke_date_popover_set_date (BespokeDatePopover *self,
                               const char         *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  g_return_if_fail (BESPOKE_IS_DATE_POPOVER (self));

  if (iso != NULL && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
    date = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();
  gtk_calendar_select_day (self->calendar, date);
  update_button (self);
}

/**
 * bespoke_date_popover_get_date:
 *
 * Returns: (transfer full): the selected day as "2027-01-08"
 */
char *
bespoke_date_popover_get_date (BespokeDatePopover *self)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (BESPOKE_IS_DATE_POPOVER (self), NULL);

  date = gtk_calendar_get_date (self->calendar);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (date),
                          g_date_time_get_month (date), g_date_time_get_day_of_month (date));
}
