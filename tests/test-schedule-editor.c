/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-schedule-editor"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-schedule-editor.h"
#include "bespoke-test-util.h"

static gpointer
child (GtkWidget  *editor,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (editor, BESPOKE_TYPE_SCHEDULE_EDITOR, name);

  g_assert_nonnull (object);
  return object;
}

static void
count_cb (BespokeScheduleEditor *editor,
          guint                 *count)
{
  (*count)++;
}

static const char *
summary (GtkWidget *editor)
{
  return gtk_label_get_label (child (editor, "summary_label"));
}

static const char *
message (GtkWidget *editor)
{
  GtkLabel *label = child (editor, "error_label");

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  return gtk_label_get_label (label);
}

static guint32
julian (GDateDay   day,
        GDateMonth month,
        GDateYear  year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* The fields show a schedule, and say it in words, without "changed". */
static void
test_schedule_editor_shows (void)
{
  GtkWidget *editor = g_object_ref_sink (bespoke_schedule_editor_new ());
  g_autoptr(BespokeSchedule) schedule = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  guint changed = 0;

  g_signal_connect (editor, "changed", G_CALLBACK (count_cb), &changed);

  /* Paul's short break: Fri 18:00 for 48 h every 4 weeks from Fri 8 Jan 2027 */
  schedule->weekdays = BESPOKE_WEEKDAY_BIT (G_DATE_FRIDAY);
  schedule->start_minute = 18 * 60;
  schedule->duration_minutes = 48 * 60;
  schedule->every_weeks = 4;
  schedule->anchor = julian (8, G_DATE_JANUARY, 2027);
  bespoke_schedule_editor_set_schedule (BESPOKE_SCHEDULE_EDITOR (editor), schedule);

  g_assert_cmpstr (summary (editor), ==, "every 4th weekend from Fri 18:00, 48 h");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "anchor_entry")), ==, "8/1/2027");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "start_entry")), ==, "18:00");
  g_assert_true (gtk_toggle_button_get_active (child (editor, "fri_toggle")));
  g_assert_false (gtk_toggle_button_get_active (child (editor, "sat_toggle")));
  g_assert_true (gtk_widget_get_visible (child (editor, "anchor_box")));
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (bespoke_schedule_editor_get_valid (BESPOKE_SCHEDULE_EDITOR (editor)));

  g_assert_finalize_object (editor);
}

/* Every kind can be made in the fields; each valid edit emits "changed"
 * with the schedule, and the summary follows. */
static void
test_schedule_editor_kinds (void)
{
  GtkWidget *editor = g_object_ref_sink (bespoke_schedule_editor_new ());
  BespokeScheduleEditor *self = BESPOKE_SCHEDULE_EDITOR (editor);
  const BespokeSchedule *schedule;
  guint changed = 0;

  g_signal_connect (editor, "changed", G_CALLBACK (count_cb), &changed);

  /* once, on 30 June 2027 */
  gtk_drop_down_set_selected (child (editor, "kind_dropdown"), 0);
  gtk_editable_set_text (child (editor, "date_entry"), "30/6/2027");
  schedule = bespoke_schedule_editor_get_schedule (self);
  g_assert_cmpint (schedule->kind, ==, BESPOKE_SCHEDULE_ONCE);
  g_assert_cmpuint (schedule->date, ==, julian (30, G_DATE_JUNE, 2027));
  g_assert_cmpstr (summary (editor), ==, "Once, on 30 June 2027");
  g_assert_false (gtk_widget_get_visible (child (editor, "term_start_box")));

  /* the same date typed the ISO way */
  gtk_editable_set_text (child (editor, "date_entry"), "2027-07-01");
  g_assert_cmpuint (bespoke_schedule_editor_get_schedule (self)->date, ==, julian (1, G_DATE_JULY, 2027));

  /* nights on Saturdays and Sundays */
  gtk_drop_down_set_selected (child (editor, "kind_dropdown"), 2);
  for (guint i = 0; i < 5; i++)
    {
      const char *days[] = { "mon_toggle", "tue_toggle", "wed_toggle", "thu_toggle", "fri_toggle" };

      gtk_toggle_button_set_active (child (editor, days[i]), FALSE);
    }
  gtk_toggle_button_set_active (child (editor, "sat_toggle"), TRUE);
  gtk_toggle_button_set_active (child (editor, "sun_toggle"), TRUE);
  schedule = bespoke_schedule_editor_get_schedule (self);
  g_assert_cmpint (schedule->kind, ==, BESPOKE_SCHEDULE_NIGHTLY);
  g_assert_cmpuint (schedule->weekdays, ==, BESPOKE_WEEKDAY_BIT (G_DATE_SATURDAY) | BESPOKE_WEEKDAY_BIT (G_DATE_SUNDAY));
  g_assert_nonnull (strstr (summary (editor), "Nights"));

  /* monthly, on the last day */
  gtk_drop_down_set_selected (child (editor, "kind_dropdown"), 3);
  gtk_check_button_set_active (child (editor, "last_day_check"), TRUE);
  schedule = bespoke_schedule_editor_get_schedule (self);
  g_assert_cmpint (schedule->kind, ==, BESPOKE_SCHEDULE_MONTHLY);
  g_assert_cmpuint (schedule->month_day, ==, 0);
  g_assert_cmpstr (summary (editor), ==, "Monthly, on the last day");

  /* 7.5 a week is 750 hundredths */
  gtk_drop_down_set_selected (child (editor, "kind_dropdown"), 4);
  gtk_editable_set_text (child (editor, "quantity_entry"), "7.5");
  schedule = bespoke_schedule_editor_get_schedule (self);
  g_assert_cmpint (schedule->kind, ==, BESPOKE_SCHEDULE_QUANTITY);
  g_assert_cmpuint (schedule->quantity_hundredths, ==, 750);
  g_assert_cmpint (schedule->per, ==, BESPOKE_PER_WEEK);
  g_assert_cmpstr (summary (editor), ==, "7.50 a week");

  /* skipping bank holidays */
  gtk_drop_down_set_selected (child (editor, "bank_dropdown"), 1);
  g_assert_cmpint (bespoke_schedule_editor_get_schedule (self)->bank_holidays, ==, BESPOKE_BANK_HOLIDAYS_SKIP);

  g_assert_cmpuint (changed, >=, 6);
  g_assert_finalize_object (editor);
}

/* What cannot be read, or cannot happen, is marked and said, and the
 * last valid schedule stays; nothing is emitted. */
static void
test_schedule_editor_refuses (void)
{
  GtkWidget *editor = g_object_ref_sink (bespoke_schedule_editor_new ());
  BespokeScheduleEditor *self = BESPOKE_SCHEDULE_EDITOR (editor);
  g_autoptr(BespokeSchedule) schedule = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  g_autoptr(BespokeSchedule) before = NULL;
  guint changed = 0;

  /* Mon–Fri 07:30 for 2 h */
  schedule->weekdays = BESPOKE_WEEKDAYS_MON_FRI;
  schedule->start_minute = 7 * 60 + 30;
  schedule->duration_minutes = 120;
  schedule->every_weeks = 1;
  bespoke_schedule_editor_set_schedule (self, schedule);
  before = bespoke_schedule_copy (bespoke_schedule_editor_get_schedule (self));
  g_signal_connect (editor, "changed", G_CALLBACK (count_cb), &changed);

  gtk_editable_set_text (child (editor, "start_entry"), "25:00");
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (bespoke_schedule_equal (bespoke_schedule_editor_get_schedule (self), before));
  g_assert_false (bespoke_schedule_editor_get_valid (self));
  g_assert_true (gtk_widget_has_css_class (child (editor, "start_entry"), "error"));
  g_assert_nonnull (strstr (message (editor), "not a time of day"));
  gtk_editable_set_text (child (editor, "start_entry"), "07:30");
  g_assert_true (bespoke_schedule_editor_get_valid (self));
  g_assert_false (gtk_widget_has_css_class (child (editor, "start_entry"), "error"));

  /* every 2 weeks needs a first date */
  gtk_spin_button_set_value (child (editor, "every_spin"), 2);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_false (bespoke_schedule_editor_get_valid (self));
  g_assert_true (gtk_widget_has_css_class (child (editor, "anchor_entry"), "error"));
  g_assert_nonnull (strstr (message (editor), "first date"));
  gtk_spin_button_set_value (child (editor, "every_spin"), 1);
  g_assert_cmpuint (changed, ==, 0);  /* back as it was */

  /* no days: each day off is a valid week until the last */
  for (guint i = 0; i < 5; i++)
    {
      const char *days[] = { "mon_toggle", "tue_toggle", "wed_toggle", "thu_toggle", "fri_toggle" };

      gtk_toggle_button_set_active (child (editor, days[i]), FALSE);
    }
  g_assert_false (bespoke_schedule_editor_get_valid (self));
  g_assert_nonnull (strstr (message (editor), "No days are chosen"));
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpuint (bespoke_schedule_editor_get_schedule (self)->weekdays, ==, BESPOKE_WEEKDAY_BIT (G_DATE_FRIDAY));

  /* a quantity that is not a number; the kind starts at 1 a week, valid */
  gtk_drop_down_set_selected (child (editor, "kind_dropdown"), 4);
  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpuint (bespoke_schedule_editor_get_schedule (self)->quantity_hundredths, ==, 100);
  gtk_editable_set_text (child (editor, "quantity_entry"), "abc");
  g_assert_false (bespoke_schedule_editor_get_valid (self));
  g_assert_nonnull (strstr (message (editor), "not a number"));
  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpuint (bespoke_schedule_editor_get_schedule (self)->quantity_hundredths, ==, 100);
  g_assert_finalize_object (editor);
}

static void
assert_day (GtkWidget *toggle,
            gboolean   chosen)
{
  g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)), ==, chosen);
  g_assert_cmpint ((gtk_widget_get_state_flags (toggle) & GTK_STATE_FLAG_CHECKED) != 0, ==, chosen);
  /* what a screen reader hears: AT-SPI's "pressed" */
  gtk_test_accessible_assert_state (toggle, GTK_ACCESSIBLE_STATE_PRESSED,
                                    chosen ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE);
}

static gboolean
same_colour (GtkWidget *a,
             GtkWidget *b)
{
  GdkRGBA colour_a, colour_b;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (a), &colour_a);
  gtk_style_context_get_color (gtk_widget_get_style_context (b), &colour_b);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return gdk_rgba_equal (&colour_a, &colour_b);
}

/* A chosen day looks chosen (the app's style.css: the accent colours, not
 * a shade of grey) and says so to a screen reader; choosing a day by
 * toggling it changes both, and the schedule. */
static void
test_schedule_editor_day_toggles (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = bespoke_schedule_editor_new ();
  g_autoptr(BespokeSchedule) schedule = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  GtkWidget *mon, *tue, *wed;

  gtk_css_provider_load_from_resource (css, "/org/bespoke/Bespoke/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_child (GTK_WINDOW (window), editor);
  schedule->weekdays = BESPOKE_WEEKDAY_BIT (G_DATE_MONDAY);
  schedule->start_minute = 9 * 60;
  schedule->duration_minutes = 60;
  bespoke_schedule_editor_set_schedule (BESPOKE_SCHEDULE_EDITOR (editor), schedule);
  mon = child (editor, "mon_toggle");
  tue = child (editor, "tue_toggle");
  wed = child (editor, "wed_toggle");

  assert_day (mon, TRUE);
  assert_day (tue, FALSE);
  assert_day (wed, FALSE);
  /* the text colour alone tells the two apart */
  g_assert_false (same_colour (mon, tue));
  g_assert_true (same_colour (tue, wed));

  /* choose Tuesday as a click would */
  g_signal_emit_by_name (tue, "clicked");
  assert_day (tue, TRUE);
  g_assert_true (same_colour (mon, tue));
  g_assert_false (same_colour (tue, wed));
  g_assert_cmpuint (bespoke_schedule_editor_get_schedule (BESPOKE_SCHEDULE_EDITOR (editor))->weekdays, ==,
                    BESPOKE_WEEKDAY_BIT (G_DATE_MONDAY) | BESPOKE_WEEKDAY_BIT (G_DATE_TUESDAY));
  /* and unchoose Monday */
  g_signal_emit_by_name (mon, "clicked");
  assert_day (mon, FALSE);
  g_assert_true (same_colour (mon, wed));

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/schedule-editor/shows", test_schedule_editor_shows);
  g_test_add_func ("/schedule-editor/kinds", test_schedule_editor_kinds);
  g_test_add_func ("/schedule-editor/refuses", test_schedule_editor_refuses);
  g_test_add_func ("/schedule-editor/day-toggles", test_schedule_editor_day_toggles);

  return g_test_run ();
}
