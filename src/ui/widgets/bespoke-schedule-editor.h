/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bespoke-schedule.h"

G_BEGIN_DECLS

#define BESPOKE_TYPE_SCHEDULE_EDITOR (bespoke_schedule_editor_get_type ())

G_DECLARE_FINAL_TYPE (BespokeScheduleEditor, bespoke_schedule_editor, BESPOKE, SCHEDULE_EDITOR, GtkWidget)

GtkWidget             *bespoke_schedule_editor_new          (void);
const BespokeSchedule *bespoke_schedule_editor_get_schedule (BespokeScheduleEditor *self);
void                   bespoke_schedule_editor_set_schedule (BespokeScheduleEditor *self,
                                                             const BespokeSchedule *schedule);
gboolean               bespoke_schedule_editor_get_valid    (BespokeScheduleEditor *self);
const char            *bespoke_schedule_editor_get_message  (BespokeScheduleEditor *self);

/* Reading a time of day as people type it (07:30, 7.30, 7); dates are
 * bespoke_date_parse_user(). */
gboolean               bespoke_parse_user_time              (const char            *text,
                                                             guint                 *out_minutes,
                                                             GError               **error);

G_END_DECLS
