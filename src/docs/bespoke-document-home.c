/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-document-private.h"

/* A shared home's statement of Individual Service Funds: the home's budget,
 * core support and shared costs, and each resident's allocation, shares
 * and personal money, as bespoke_isf_report() works them out, with its
 * flags in words. */

static void
add_facts (BespokeDocument *self,
           BespokeIsfTable *isf)
{
  static const double widths[] = { 0.7, 0.3 };
  static const PangoAlignment align[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT };
  DocBlock *table = _doc_add_table (self, 2, widths, align, 1);
  struct { const char *label; gint64 amount; } rows[] = {
    { _("The home’s budget for the year"), isf->budget },
    { _("Core support, shared by everyone"), isf->core_support },
    { _("Shared costs"), isf->shared_costs },
    { _("The residents’ allocations, added up"), isf->allocations },
  };

  _doc_table_add_row (table, _("The home"), _("Amount"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *label = _doc_escape (rows[i].label);
      g_autofree char *amount = _doc_money (rows[i].amount);
      _doc_table_add_row (table, label, amount, NULL);
    }
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  const BespokeIsfRow *x = *(BespokeIsfRow **) a, *y = *(BespokeIsfRow **) b;

  return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
}

/* The residents in alphabetical order, with totals */
static void
add_residents (BespokeDocument *self,
               BespokeIsfTable *isf)
{
  static const double widths[] = { 0.28, 0.18, 0.18, 0.18, 0.18 };
  static const PangoAlignment align[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT,
                                          PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT };
  DocBlock *table = _doc_add_table (self, 5, widths, align, 1);
  gint64 totals[4] = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();   /* borrowed rows: no free function */

  _doc_table_add_row (table, _("Resident"), _("Allocation"), _("Core support"), _("Shared costs"),
                      _("My personal money"), NULL);
  for (guint i = 0; i < isf->rows->len; i++)
    g_ptr_array_add (rows, g_ptr_array_index (isf->rows, i));
  g_ptr_array_sort (rows, by_name);
  for (guint i = 0; i < rows->len; i++)
    {
      BespokeIsfRow *row = g_ptr_array_index (rows, i);
      g_autofree char *name = _doc_escape (row->name);
      g_autofree char *allocation = _doc_money (row->allocation);
      g_autofree char *core = _doc_money (row->core_share);
      g_autofree char *shared = _doc_money (row->shared_share);
      g_autofree char *money = _doc_money (row->personal_money);
      g_autofree char *money_cell = g_markup_printf_escaped ("<b>%s</b>", money);

      _doc_table_add_row (table, name, allocation, core, shared, money_cell, NULL);
      totals[0] += row->allocation;
      totals[1] += row->core_share;
      totals[2] += row->shared_share;
      totals[3] += row->personal_money;
    }
  {
    g_autofree char *a = _doc_money (totals[0]), *b = _doc_money (totals[1]);
    g_autofree char *c = _doc_money (totals[2]), *d = _doc_money (totals[3]);
    g_autofree char *a_cell = g_markup_printf_escaped ("<b>%s</b>", a);
    g_autofree char *b_cell = g_markup_printf_escaped ("<b>%s</b>", b);
    g_autofree char *c_cell = g_markup_printf_escaped ("<b>%s</b>", c);
    g_autofree char *d_cell = g_markup_printf_escaped ("<b>%s</b>", d);

    _doc_table_add_row (table, _("<b>Total</b>"), a_cell, b_cell, c_cell, d_cell, NULL);
  }
}

gboolean
_bespoke_document_build_home (BespokeDocument  *self,
                              BespokeStore     *store,
                              const char       *home_uuid,
                              GError          **error)
{
  g_autoptr(BespokeIsfTable) isf = bespoke_isf_report (store, home_uuid, error);
  g_autofree char *intro = NULL;

  if (isf == NULL)
    return FALSE;

  self->title = g_strdup_printf (_("Individual Service Funds: %s"), isf->name);
  self->subject = g_strdup_printf (_("Each resident’s share of %s’s costs, and their personal money"), isf->name);
  self->footer = g_strdup_printf (_("ISF statement for %s"), isf->name);

  _doc_add_heading (self, 1, self->title);
  intro = g_markup_printf_escaped (_("Core support and shared costs are split %s between the residents. "
                                     "<b>My personal money</b> is my allocation less my share of the core "
                                     "support and the shared costs: mine to spend as I choose."),
                                   isf->split == BESPOKE_SPLIT_EQUAL ? _("equally") : _("by weights"));
  _doc_add_paragraph (self, intro);
  add_facts (self, isf);
  _doc_add_heading (self, 2, _("Each resident"));
  add_residents (self, isf);
  for (guint i = 0; i < isf->warnings->len; i++)
    {
      g_autofree char *text = g_markup_printf_escaped (_("<b>Warning:</b> %s"),
                                                       (const char *) g_ptr_array_index (isf->warnings, i));
      _doc_add_paragraph (self, text)->background = 0xfbe3e0;
    }
  return TRUE;
}
