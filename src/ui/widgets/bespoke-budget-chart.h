/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BESPOKE_TYPE_BUDGET_CHART (bespoke_budget_chart_get_type ())

G_DECLARE_FINAL_TYPE (BespokeBudgetChart, bespoke_budget_chart, BESPOKE, BUDGET_CHART, GtkWidget)

GtkWidget *bespoke_budget_chart_new        (void);
void       bespoke_budget_chart_clear      (BespokeBudgetChart *self,
                                            gint64              budget);
void       bespoke_budget_chart_add_bar    (BespokeBudgetChart *self,
                                            const char         *title);
void       bespoke_budget_chart_add_part   (BespokeBudgetChart *self,
                                            const char         *label,
                                            gint64              amount);
char      *bespoke_budget_chart_describe   (BespokeBudgetChart *self);

G_END_DECLS
