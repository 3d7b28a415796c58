/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BESPOKE_TYPE_CIRCLE_CHART (bespoke_circle_chart_get_type ())

G_DECLARE_FINAL_TYPE (BespokeCircleChart, bespoke_circle_chart, BESPOKE, CIRCLE_CHART, GtkWidget)

GtkWidget *bespoke_circle_chart_new         (void);
void       bespoke_circle_chart_set_members (BespokeCircleChart *self,
                                             GListModel         *members,
                                             const char         *centre_name);
guint      bespoke_circle_chart_get_n_in_ring (BespokeCircleChart *self,
                                               int                 ring);
guint      bespoke_circle_chart_get_n_shown_in_ring (BespokeCircleChart *self,
                                                     int                 ring);
guint      bespoke_circle_chart_get_n_labels  (BespokeCircleChart *self);
const char *bespoke_circle_chart_get_label    (BespokeCircleChart *self,
                                               guint               index,
                                               int                *ring,
                                               graphene_rect_t    *area);

G_END_DECLS
