/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-document-private.h"

/* The budget statement, for whoever holds the money: the budget, what is
 * committed by funding source, what is contingent and what remains, the
 * month-by-month table (the engine's months, which add up to the total to
 * the penny) and the warnings.  The plan document prints the same summary. */

#define WARNING_FILL 0xfbe3e0

static void
money_row (DocBlock   *table,
           const char *label,
           gint64      pence,
           gboolean    bold)
{
  g_autofree char *amount = _doc_money (pence);
  g_autofree char *label_cell = bold ? g_markup_printf_escaped ("<b>%s</b>", label) : _doc_escape (label);
  g_autofree char *amount_cell = bold ? g_markup_printf_escaped ("<b>%s</b>", amount) : g_strdup (amount);

  _doc_table_add_row (table, label_cell, amount_cell, NULL);
}

/* The budget, committed by source, contingent and remaining, the warnings,
 * and "just enough support" in a typical week. */
void
_doc_add_money_summary (BespokeDocument   *self,
                        BespokeCostReport *report)
{
  static const double widths[] = { 0.7, 0.3 };
  static const PangoAlignment align[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT };
  DocBlock *table = _doc_add_table (self, 2, widths, align, 1);
  g_autofree char *paid = bespoke_format_hours (report->paid_week_minutes, BESPOKE_HOURS_WORDS);
  g_autofree char *unpaid = bespoke_format_hours (report->unpaid_week_minutes, BESPOKE_HOURS_WORDS);
  g_autofree char *week = NULL;

  _doc_table_add_row (table, _("Money for the plan period"), _("Amount"), NULL);
  money_row (table, _("Budget"), report->budget, TRUE);
  for (guint f = 0; f <= BESPOKE_FUNDING_NONE; f++)
    if (report->committed_by_funding[f] != 0)
      {
        g_autofree char *label = g_strdup_printf (_("Committed from: %s"), bespoke_enum_label (BESPOKE_TYPE_FUNDING, (int) f));
        money_row (table, label, report->committed_by_funding[f], FALSE);
      }
  if (report->adjustments != 0)
    money_row (table, _("Refunds and adjustments"), report->adjustments, FALSE);
  money_row (table, _("Committed"), report->committed, TRUE);
  money_row (table, _("Contingent: paid only if outcomes are reached"), report->contingent, FALSE);
  money_row (table, _("Remaining"), report->remaining, TRUE);

  for (guint i = 0; i < report->warnings->len; i++)
    {
      g_autofree char *text = g_markup_printf_escaped (_("<b>Warning:</b> %s"),
                                                       (const char *) g_ptr_array_index (report->warnings, i));
      _doc_add_paragraph (self, text)->background = WARNING_FILL;
    }
  week = g_markup_printf_escaped (_("Just enough support, in a typical week: <b>%s</b> paid and <b>%s</b> unpaid."),
                                  paid, unpaid);
  _doc_add_paragraph (self, week);
}

static char *
month_name (guint32 julian)
{
  static const char *months[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%s %u", _(months[g_date_get_month (&date) - 1]), (guint) g_date_get_year (&date));
}

static void
add_months (BespokeDocument   *self,
            BespokeCostReport *report)
{
  static const double widths[] = { 0.7, 0.3 };
  static const PangoAlignment align[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT };
  DocBlock *table;
  gint64 total = 0;

  _doc_add_heading (self, 2, _("Month by month"));
  table = _doc_add_table (self, 2, widths, align, 1);
  _doc_table_add_row (table, _("Month"), _("Committed"), NULL);
  for (guint m = 0; m < report->months->len; m++)
    {
      BespokeMonthCost *mc = &g_array_index (report->months, BespokeMonthCost, m);
      g_autofree char *name = month_name (mc->first_day);

      money_row (table, name, mc->amount, FALSE);
      total += mc->amount;
    }
  money_row (table, _("Total"), total, TRUE);
}

gboolean
_bespoke_document_build_budget (BespokeDocument  *self,
                                BespokeStore     *store,
                                BespokePerson    *person,
                                GError          **error)
{
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokeCostReport) report = NULL;
  g_autofree char *period = NULL;
  g_autofree char *intro = NULL;

  if (!(plan = _doc_current_plan (store, person, error)) ||
      !(report = bespoke_costing_report (store, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), error)))
    return FALSE;

  period = _doc_plan_period (plan);
  self->title = g_strdup_printf (_("Budget statement: %s"), bespoke_person_get_name (person));
  self->subject = g_strdup_printf (_("The individual budget of %s for %s"), bespoke_person_get_name (person), period);
  self->footer = g_strdup_printf (_("Budget for %s, %s"), bespoke_person_get_name (person), period);

  _doc_add_heading (self, 1, self->title);
  intro = g_markup_printf_escaped (_("<b>Plan period:</b> %s\n<b>Costed by:</b> %s"),
                                   period, bespoke_costing_rule_text (report->rule));
  _doc_add_paragraph (self, intro);
  _doc_add_heading (self, 2, _("The budget"));
  _doc_add_money_summary (self, report);
  add_months (self, report);
  return TRUE;
}
