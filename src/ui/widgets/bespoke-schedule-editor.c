/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-schedule-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-date.h"
#include "bespoke-error.h"
#include "bespoke-format.h"
#include "bespoke-drop-down.h"
#include "bespoke-schedule-editor.h"

/**
 * BespokeScheduleEditor:
 *
 * Edits a #BespokeSchedule of any kind: once, weekly (every N weeks from a
 * first date), nightly, monthly or a quantity per week or month, with an
 * optional term and a choice for bank holidays.  Its readable summary
 * (bespoke_schedule_describe()) follows every change.  A field that cannot
 * be read, or a schedule that cannot happen, is marked with the `error`
 * style and a sentence, and no "changed" is emitted until it is right.
 */
struct _BespokeScheduleEditor
{
  GtkWidget        parent_instance;

  BespokeSchedule *schedule;   /* the last valid schedule */
  char            *message;    /* why the fields are not valid, or NULL */
  gboolean         updating;

  GtkDropDown     *kind_dropdown;
  GtkWidget       *weekdays_box;
  GtkToggleButton *day_toggles[7];
  GtkWidget       *date_box;
  GtkEntry        *date_entry;
  GtkWidget       *start_box;
  GtkEntry        *start_entry;
  GtkWidget       *duration_box;
  GtkSpinButton   *hours_spin;
  GtkWidget       *minutes_box;
  GtkSpinButton   *minutes_spin;
  GtkWidget       *every_box;
  GtkSpinButton   *every_spin;
  GtkWidget       *anchor_box;
  GtkEntry        *anchor_entry;
  GtkWidget       *month_box;
  GtkSpinButton   *month_day_spin;
  GtkCheckButton  *last_day_check;
  GtkWidget       *quantity_box;
  GtkEntry        *quantity_entry;
  GtkDropDown     *per_dropdown;
  GtkWidget       *term_start_box;
  GtkWidget       *term_end_box;
  GtkEntry        *term_start_entry;
  GtkEntry        *term_end_entry;
  GtkDropDown     *bank_dropdown;
  GtkLabel        *summary_label;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (BespokeScheduleEditor, bespoke_schedule_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds in the order of the drop-down */
static const BespokeScheduleKind kinds[] = {
  BESPOKE_SCHEDULE_ONCE, BESPOKE_SCHEDULE_WEEKLY, BESPOKE_SCHEDULE_NIGHTLY,
  BESPOKE_SCHEDULE_MONTHLY, BESPOKE_SCHEDULE_QUANTITY,
};

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
bespoke_parse_user_time (const char  *text,
                         guint       *out_minutes,
                         GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  guint hours = 0, minutes = 0;
  char extra;
  int n;

  for (char *p = copy; *p; p++)
    if (*p == '.')
      *p = ':';
  n = sscanf (copy, "%u:%u%c", &hours, &minutes, &extra);
  if ((n == 1 && strchr (copy, ':') == NULL) || n == 2)
    {
      for (const char *p = copy; *p; p++)
        if (!g_ascii_isdigit (*p) && *p != ':')
          return fail (error, _("That is not a time of day. Type a time such as 07:30."));
      if (hours < 24 && minutes < 60)
        {
          *out_minutes = hours * 60 + minutes;
          return TRUE;
        }
    }
  return fail (error, _("That is not a time of day. Type a time from 00:00 to 23:59, such as 07:30."));
}

/* "7.5" → 750 hundredths, up to ten million */
static gboolean
parse_quantity (const char  *text,
                guint32     *out,
                GError     **error)
{
  if (bespoke_parse_hundredths (text, 1000000000, out, error))
    return TRUE;
  g_prefix_error (error, _("The quantity: "));
  return FALSE;
}

static void
set_field_error (GtkWidget *widget,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
clear_errors (BespokeScheduleEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->date_entry), GTK_WIDGET (self->start_entry), GTK_WIDGET (self->hours_spin),
    GTK_WIDGET (self->minutes_spin), GTK_WIDGET (self->anchor_entry), GTK_WIDGET (self->quantity_entry),
    GTK_WIDGET (self->term_start_entry), GTK_WIDGET (self->term_end_entry), self->weekdays_box,
    GTK_WIDGET (self->every_spin),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    set_field_error (fields[i], FALSE);
}

static BespokeScheduleKind
selected_kind (BespokeScheduleEditor *self)
{
  guint i = gtk_drop_down_get_selected (self->kind_dropdown);

  return i < G_N_ELEMENTS (kinds) ? kinds[i] : BESPOKE_SCHEDULE_WEEKLY;
}

static void
update_visibility (BespokeScheduleEditor *self)
{
  BespokeScheduleKind kind = selected_kind (self);
  gboolean weekly = kind == BESPOKE_SCHEDULE_WEEKLY;

  gtk_widget_set_visible (self->weekdays_box, weekly || kind == BESPOKE_SCHEDULE_NIGHTLY);
  gtk_widget_set_visible (self->date_box, kind == BESPOKE_SCHEDULE_ONCE);
  gtk_widget_set_visible (self->start_box, kind != BESPOKE_SCHEDULE_QUANTITY);
  gtk_widget_set_visible (self->duration_box, kind != BESPOKE_SCHEDULE_QUANTITY);
  gtk_widget_set_visible (self->minutes_box, kind != BESPOKE_SCHEDULE_QUANTITY);
  gtk_widget_set_visible (self->every_box, weekly);
  gtk_widget_set_visible (self->anchor_box, weekly && gtk_spin_button_get_value_as_int (self->every_spin) > 1);
  gtk_widget_set_visible (self->month_box, kind == BESPOKE_SCHEDULE_MONTHLY);
  gtk_widget_set_sensitive (GTK_WIDGET (self->month_day_spin), !gtk_check_button_get_active (self->last_day_check));
  gtk_widget_set_visible (self->quantity_box, kind == BESPOKE_SCHEDULE_QUANTITY);
  /* a single date needs no term */
  gtk_widget_set_visible (self->term_start_box, kind != BESPOKE_SCHEDULE_ONCE);
  gtk_widget_set_visible (self->term_end_box, kind != BESPOKE_SCHEDULE_ONCE);
}

static gboolean
read_date (GtkEntry  *entry,
           gboolean   optional,
           guint32   *out,
           GError   **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GDate date;

  if (optional && *text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!bespoke_date_parse_user (text, &date, error))
    return FALSE;
  *out = g_date_get_julian (&date);
  return TRUE;
}

/* Reads the fields into @schedule; on failure returns the field at fault. */
static gboolean
read_fields (BespokeScheduleEditor  *self,
             BespokeSchedule        *schedule,
             GtkWidget             **at_fault,
             GError                **error)
{
  BespokeScheduleKind kind = selected_kind (self);
  guint start = 0;

  schedule->kind = kind;
  schedule->weekdays = 0;
  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->day_toggles[i]))
      schedule->weekdays |= 1u << i;

  if (kind == BESPOKE_SCHEDULE_ONCE &&
      !read_date (self->date_entry, FALSE, &schedule->date, error))
    return (*at_fault = GTK_WIDGET (self->date_entry), FALSE);

  if (kind != BESPOKE_SCHEDULE_QUANTITY)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->start_entry));

      /* optional only where a night or a month may be untimed */
      if (*text == '\0' && (kind == BESPOKE_SCHEDULE_ONCE || kind == BESPOKE_SCHEDULE_WEEKLY))
        {
          *at_fault = GTK_WIDGET (self->start_entry);
          return fail (error, _("The start time is empty. Type a time such as 07:30."));
        }
      if (*text != '\0' && !bespoke_parse_user_time (text, &start, error))
        return (*at_fault = GTK_WIDGET (self->start_entry), FALSE);
      schedule->start_minute = start;
      schedule->duration_minutes = (guint32) (gtk_spin_button_get_value_as_int (self->hours_spin) * 60 +
                                              gtk_spin_button_get_value_as_int (self->minutes_spin));
      if (kind == BESPOKE_SCHEDULE_WEEKLY && schedule->duration_minutes == 0)
        {
          *at_fault = GTK_WIDGET (self->hours_spin);
          return fail (error, _("The duration is zero. Give how long each visit lasts, e.g. 3 h."));
        }
    }

  if (kind == BESPOKE_SCHEDULE_WEEKLY)
    {
      schedule->every_weeks = (guint16) gtk_spin_button_get_value_as_int (self->every_spin);
      schedule->anchor = 0;
      if (schedule->every_weeks > 1 &&
          !read_date (self->anchor_entry, FALSE, &schedule->anchor, error))
        {
          *at_fault = GTK_WIDGET (self->anchor_entry);
          g_prefix_error (error, "%s ", _("A schedule every few weeks needs a first date."));
          return FALSE;
        }
    }
  if ((kind == BESPOKE_SCHEDULE_WEEKLY || kind == BESPOKE_SCHEDULE_NIGHTLY) && schedule->weekdays == 0)
    {
      *at_fault = self->weekdays_box;
      return fail (error, _("No days are chosen. Tick the days of the week it happens on."));
    }

  if (kind == BESPOKE_SCHEDULE_MONTHLY)
    schedule->month_day = gtk_check_button_get_active (self->last_day_check)
                          ? 0 : (guint8) gtk_spin_button_get_value_as_int (self->month_day_spin);

  if (kind == BESPOKE_SCHEDULE_QUANTITY)
    {
      if (!parse_quantity (gtk_editable_get_text (GTK_EDITABLE (self->quantity_entry)),
                           &schedule->quantity_hundredths, error))
        return (*at_fault = GTK_WIDGET (self->quantity_entry), FALSE);
      if (schedule->quantity_hundredths == 0)
        {
          *at_fault = GTK_WIDGET (self->quantity_entry);
          return fail (error, _("The quantity is zero. Give how many hours or units a week or month."));
        }
      schedule->per = gtk_drop_down_get_selected (self->per_dropdown) == 1 ? BESPOKE_PER_MONTH : BESPOKE_PER_WEEK;
    }

  if (!read_date (self->term_start_entry, TRUE, &schedule->term_start, error))
    {
      *at_fault = GTK_WIDGET (self->term_start_entry);
      g_prefix_error (error, "%s ", _("The “from” date cannot be read."));
      return FALSE;
    }
  if (!read_date (self->term_end_entry, TRUE, &schedule->term_end, error))
    {
      *at_fault = GTK_WIDGET (self->term_end_entry);
      g_prefix_error (error, "%s ", _("The “until” date cannot be read."));
      return FALSE;
    }
  if (schedule->term_start != 0 && schedule->term_end != 0 && schedule->term_end < schedule->term_start)
    {
      *at_fault = GTK_WIDGET (self->term_end_entry);
      return fail (error, _("The schedule ends before it starts. Change the “until” date or the “from” date."));
    }

  schedule->bank_holidays = (BespokeBankHolidays) gtk_drop_down_get_selected (self->bank_dropdown);

  if (!bespoke_schedule_validate (schedule, error))
    return (*at_fault = NULL, FALSE);
  return TRUE;
}

static void
show_summary (BespokeScheduleEditor *self,
              const BespokeSchedule *schedule)
{
  g_autofree char *summary = bespoke_schedule_describe (schedule);

  gtk_label_set_label (self->summary_label, summary);
}

static void
fields_changed (BespokeScheduleEditor *self)
{
  g_autoptr(BespokeSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *at_fault = NULL;

  update_visibility (self);
  if (self->updating)
    return;

  schedule = self->schedule ? bespoke_schedule_copy (self->schedule) : bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  clear_errors (self);
  g_clear_pointer (&self->message, g_free);

  if (!read_fields (self, schedule, &at_fault, &error))
    {
      if (at_fault != NULL)
        set_field_error (at_fault, TRUE);
      self->message = g_strdup (error->message);
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (at_fault ? at_fault : GTK_WIDGET (self)),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->schedule != NULL && bespoke_schedule_equal (self->schedule, schedule))
    return;

  g_clear_pointer (&self->schedule, bespoke_schedule_free);
  self->schedule = g_steal_pointer (&schedule);
  show_summary (self, self->schedule);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_field_changed_cb (BespokeScheduleEditor *self)
{
  fields_changed (self);
}

static void
on_kind_changed_cb (BespokeScheduleEditor *self)
{
  BespokeScheduleKind kind = selected_kind (self);

  /* a sensible start for a kind the line did not have before */
  if (!self->updating)
    {
      self->updating = TRUE;
      if ((kind == BESPOKE_SCHEDULE_WEEKLY || kind == BESPOKE_SCHEDULE_NIGHTLY))
        {
          gboolean any = FALSE;

          for (guint i = 0; i < 7; i++)
            any |= gtk_toggle_button_get_active (self->day_toggles[i]);
          if (!any)
            gtk_toggle_button_set_active (self->day_toggles[0], TRUE);
        }
      if (kind == BESPOKE_SCHEDULE_WEEKLY &&
          gtk_spin_button_get_value_as_int (self->hours_spin) == 0 &&
          gtk_spin_button_get_value_as_int (self->minutes_spin) == 0)
        gtk_spin_button_set_value (self->hours_spin, 1);
      if (kind == BESPOKE_SCHEDULE_QUANTITY &&
          *gtk_editable_get_text (GTK_EDITABLE (self->quantity_entry)) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->quantity_entry), "1");
      self->updating = FALSE;
    }
  fields_changed (self);
}

static void
set_date_text (GtkEntry *entry,
               guint32   julian)
{
  GDate date;
  g_autofree char *text = NULL;

  if (!g_date_valid_julian (julian))
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      return;
    }
  /* UK order, as people write it */
  g_date_set_julian (&date, julian);
  text = bespoke_date_format_short (&date);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/**
 * bespoke_schedule_editor_set_schedule:
 *
 * Shows @schedule in the fields, without emitting "changed".
 */
void
bespoke_schedule_editor_set_schedule (BespokeScheduleEditor *self,
                                      const BespokeSchedule *schedule)
{
  g_autofree char *start = NULL;
  g_autofree char *quantity = NULL;
  guint kind_index = 1;

  g_return_if_fail (BESPOKE_IS_SCHEDULE_EDITOR (self));

  g_clear_pointer (&self->schedule, bespoke_schedule_free);
  self->schedule = schedule ? bespoke_schedule_copy (schedule) : bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  if (self->schedule->kind == BESPOKE_SCHEDULE_NONE)
    {
      self->schedule->kind = BESPOKE_SCHEDULE_WEEKLY;
      self->schedule->weekdays = 1;
      self->schedule->start_minute = 9 * 60;
      self->schedule->duration_minutes = 60;
      self->schedule->every_weeks = 1;
    }
  schedule = self->schedule;

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == schedule->kind)
      kind_index = i;
  gtk_drop_down_set_selected (self->kind_dropdown, kind_index);
  for (guint i = 0; i < 7; i++)
    {
      gboolean chosen = (schedule->weekdays & (1u << i)) != 0;

      gtk_toggle_button_set_active (self->day_toggles[i], chosen);
      /* GTK 4.8 says "pressed" only once a button has been toggled: a day
       * never chosen would have no state at all for a screen reader */
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->day_toggles[i]),
                                   GTK_ACCESSIBLE_STATE_PRESSED, chosen, -1);
    }
  set_date_text (self->date_entry, schedule->date);
  start = g_strdup_printf ("%02u:%02u", schedule->start_minute / 60u, schedule->start_minute % 60u);
  gtk_editable_set_text (GTK_EDITABLE (self->start_entry), start);
  gtk_spin_button_set_value (self->hours_spin, schedule->duration_minutes / 60);
  gtk_spin_button_set_value (self->minutes_spin, schedule->duration_minutes % 60);
  gtk_spin_button_set_value (self->every_spin, MAX (schedule->every_weeks, 1));
  set_date_text (self->anchor_entry, schedule->anchor);
  gtk_spin_button_set_value (self->month_day_spin, MAX (schedule->month_day, 1));
  gtk_check_button_set_active (self->last_day_check, schedule->kind == BESPOKE_SCHEDULE_MONTHLY && schedule->month_day == 0);
  quantity = bespoke_format_hundredths (schedule->quantity_hundredths);
  gtk_editable_set_text (GTK_EDITABLE (self->quantity_entry), schedule->kind == BESPOKE_SCHEDULE_QUANTITY ? quantity : "");
  gtk_drop_down_set_selected (self->per_dropdown, schedule->per == BESPOKE_PER_MONTH ? 1 : 0);
  set_date_text (self->term_start_entry, schedule->term_start);
  set_date_text (self->term_end_entry, schedule->term_end);
  gtk_drop_down_set_selected (self->bank_dropdown, schedule->bank_holidays);
  self->updating = FALSE;

  clear_errors (self);
  g_clear_pointer (&self->message, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_visibility (self);
  show_summary (self, schedule);
}

const BespokeSchedule *
bespoke_schedule_editor_get_schedule (BespokeScheduleEditor *self)
{
  g_return_val_if_fail (BESPOKE_IS_SCHEDULE_EDITOR (self), NULL);

  return self->schedule;
}

/**
 * bespoke_schedule_editor_get_valid:
 *
 * Returns: whether the fields hold a schedule that can happen
 */
gboolean
bespoke_schedule_editor_get_valid (BespokeScheduleEditor *self)
{
  g_return_val_if_fail (BESPOKE_IS_SCHEDULE_EDITOR (self), FALSE);

  return self->message == NULL;
}

/**
 * bespoke_schedule_editor_get_message:
 *
 * Returns: (nullable): the sentence saying what is wrong with the fields
 */
const char *
bespoke_schedule_editor_get_message (BespokeScheduleEditor *self)
{
  g_return_val_if_fail (BESPOKE_IS_SCHEDULE_EDITOR (self), NULL);

  return self->message;
}

static void
bespoke_schedule_editor_dispose (GObject *object)
{
  BespokeScheduleEditor *self = BESPOKE_SCHEDULE_EDITOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_SCHEDULE_EDITOR);
  /* GTK 4.8 unparents only the children bound by name */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bespoke_schedule_editor_parent_class)->dispose (object);
}

static void
bespoke_schedule_editor_finalize (GObject *object)
{
  BespokeScheduleEditor *self = BESPOKE_SCHEDULE_EDITOR (object);

  g_clear_pointer (&self->schedule, bespoke_schedule_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (bespoke_schedule_editor_parent_class)->finalize (object);
}

static void
bespoke_schedule_editor_class_init (BespokeScheduleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_schedule_editor_dispose;
  object_class->finalize = bespoke_schedule_editor_finalize;

  /**
   * BespokeScheduleEditor::changed:
   *
   * The fields hold a new, valid schedule.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-schedule-editor.ui");
  gtk_widget_class_set_css_name (widget_class, "scheduleeditor");
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, weekdays_box);
  gtk_widget_class_bind_template_child_full (widget_class, "mon_toggle", FALSE, G_STRUCT_OFFSET (BespokeScheduleEditor, day_toggles[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "tue_toggle", FALSE, G_STRUCT_OFFSET (BespokeScheduleEditor, day_toggles[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "wed_toggle", FALSE, G_STRUCT_OFFSET (BespokeScheduleEditor, day_toggles[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "thu_toggle", FALSE, G_STRUCT_OFFSET (BespokeScheduleEditor, day_toggles[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "fri_toggle", FALSE, G_STRUCT_OFFSET (BespokeScheduleEditor, day_toggles[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "sat_toggle", FALSE, G_STRUCT_OFFSET (BespokeScheduleEditor, day_toggles[5]));
  gtk_widget_class_bind_template_child_full (widget_class, "sun_toggle", FALSE, G_STRUCT_OFFSET (BespokeScheduleEditor, day_toggles[6]));
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, date_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, start_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, duration_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, minutes_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, every_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, every_spin);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, anchor_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, anchor_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, month_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, month_day_spin);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, last_day_check);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, quantity_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, quantity_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, per_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, term_start_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, term_end_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, term_start_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, term_end_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, bank_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeScheduleEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed_cb);
}

/* The week's seven days fit a phone's width: narrower day buttons. */
static void
load_style (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      GdkDisplay *display = gdk_display_get_default ();

      if (display != NULL)
        {
          g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

          gtk_css_provider_load_from_data (provider,
                                           "scheduleeditor .weekdays > button { padding-left: 4px; padding-right: 4px; min-width: 34px; }"
                                           "scheduleeditor spinbutton > text { min-width: 0; }",
                                           -1);
          gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
        }
      g_once_init_leave (&loaded, 1);
    }
}

static void
bespoke_schedule_editor_init (BespokeScheduleEditor *self)
{
  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  bespoke_drop_down_name_button (self->kind_dropdown, _("How often"));
  bespoke_drop_down_name_button (self->per_dropdown, _("Per week or per month"));
  bespoke_drop_down_name_button (self->bank_dropdown, _("Bank holidays"));
  bespoke_schedule_editor_set_schedule (self, NULL);
}

GtkWidget *
bespoke_schedule_editor_new (void)
{
  return g_object_new (BESPOKE_TYPE_SCHEDULE_EDITOR, NULL);
}
