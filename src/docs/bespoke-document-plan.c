/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-document-private.h"

/* The support plan for sign-off: a cover, what is important to the person,
 * the outcomes, the support (paid and unpaid side by side, costed by the
 * engine), the risks, the money, who is in control, the seven criteria as
 * the core's check finds them, and a signature block; "Plan for NAME,
 * PERIOD" and the page number in every footer. */

/**
 * _doc_line_who:
 *
 * Who gives a line of support, in words: "Danny Price, Hillside Support",
 * "Hillside Support", "Margaret Roberts (family)", "Technology".
 */
char *
_doc_line_who (BespokeStore       *store,
               BespokeSupportLine *line)
{
  const char *worker = bespoke_support_line_get_worker (line);
  const char *provider_uuid = bespoke_support_line_get_provider_uuid (line);
  BespokeSupportType type = bespoke_support_line_get_support_type (line);
  g_autoptr(GString) out = g_string_new (NULL);

  if (worker != NULL && *worker != '\0')
    g_string_append (out, worker);
  if (type == BESPOKE_SUPPORT_PAID && provider_uuid != NULL)
    {
      g_autoptr(BespokeProvider) provider = bespoke_store_load (store, BESPOKE_TYPE_PROVIDER, provider_uuid, NULL);
      if (provider != NULL)
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", bespoke_provider_get_name (provider));
    }
  if (type != BESPOKE_SUPPORT_PAID)
    {
      g_autofree char *kind = g_utf8_strdown (bespoke_enum_label (BESPOKE_TYPE_SUPPORT_TYPE, type), -1);

      if (out->len > 0)
        g_string_append_printf (out, " (%s)", kind);
      else
        g_string_append (out, bespoke_enum_label (BESPOKE_TYPE_SUPPORT_TYPE, type));
    }
  if (out->len == 0)
    g_string_append (out, _("Not chosen yet"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static BespokeSupportLine *
find_line (GPtrArray  *lines,
           const char *uuid)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (bespoke_record_get_uuid (g_ptr_array_index (lines, i)), uuid) == 0)
      return g_ptr_array_index (lines, i);
  return NULL;
}

static void
add_cover (BespokeDocument *self,
           BespokeStore    *store,
           BespokePerson   *person,
           BespokePlan     *plan)
{
  cairo_surface_t *photo = _doc_load_photo (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  g_autofree char *period = _doc_plan_period (plan);
  g_autofree char *review = bespoke_date_format_long (bespoke_plan_get_review_date (plan));
  g_autofree char *line = NULL;
  DocBlock *block;

  _doc_add_heading (self, 1, _("Support plan"));
  block = _doc_add_image (self, photo, 110);
  block->markup = g_strdup (bespoke_person_get_name (person));
  g_clear_pointer (&photo, cairo_surface_destroy);
  _doc_add_space (self, 8);
  line = g_markup_printf_escaped ("<span size='170%%' weight='bold'>%s</span>", bespoke_person_get_name (person));
  _doc_add_paragraph (self, line);
  g_free (line);
  line = g_markup_printf_escaped (_("<b>Plan period:</b> %s"), period);
  _doc_add_paragraph (self, line);
  g_free (line);
  line = g_markup_printf_escaped (_("<b>Review date:</b> %s"), review ? review : _("not set yet"));
  _doc_add_paragraph (self, line);
  g_free (line);
  line = g_markup_printf_escaped (_("<b>Status:</b> %s"),
                                  bespoke_enum_label (BESPOKE_TYPE_PLAN_STATUS, bespoke_plan_get_status (plan)));
  _doc_add_paragraph (self, line);
}

static gboolean
add_important (BespokeDocument  *self,
               BespokeStore     *store,
               BespokePerson    *person,
               GError          **error)
{
  g_autoptr(BespokeProfile) profile = bespoke_profile_load (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)), error);
  GListModel *section;
  guint n;

  if (profile == NULL)
    return FALSE;
  section = bespoke_profile_get_section (profile, BESPOKE_SECTION_IMPORTANT);
  n = g_list_model_get_n_items (section);
  _doc_add_heading (self, 2, _doc_section_heading (person, BESPOKE_SECTION_IMPORTANT));
  if (n == 0)
    _doc_add_paragraph (self, _("<i>Nothing written here yet.</i>"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BespokeStatement) st = g_list_model_get_item (section, i);
      g_autofree char *text = _doc_escape (bespoke_statement_get_text (st));
      _doc_add_bullet (self, text);
    }
  return TRUE;
}

static void
add_outcomes (BespokeDocument *self,
              GPtrArray       *outcomes)
{
  static const double widths[] = { 0.42, 0.40, 0.18 };
  DocBlock *table;

  _doc_add_heading (self, 2, _("What I want to change or achieve"));
  if (outcomes->len == 0)
    {
      _doc_add_paragraph (self, _("<i>No outcomes written yet.</i>"));
      return;
    }
  table = _doc_add_table (self, 3, widths, NULL, 1);
  _doc_table_add_row (table, _("Outcome"), _("How we will know"), _("By when"), NULL);
  for (guint i = 0; i < outcomes->len; i++)
    {
      BespokeOutcome *o = g_ptr_array_index (outcomes, i);
      g_autofree char *statement = _doc_escape (bespoke_outcome_get_statement (o));
      g_autofree char *measure = _doc_escape (bespoke_outcome_get_measure (o));
      g_autofree char *by = bespoke_date_format_long (bespoke_outcome_get_target_date (o));

      _doc_table_add_row (table, statement, measure, by ? by : "", NULL);
    }
}

static void
add_support (BespokeDocument   *self,
             BespokeStore      *store,
             GPtrArray         *lines,
             BespokeCostReport *report)
{
  static const double widths[] = { 0.25, 0.20, 0.26, 0.13, 0.16 };
  static const PangoAlignment align[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT,
                                          PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT };
  DocBlock *table;
  g_autofree char *committed = _doc_money (report->committed);
  g_autofree char *contingent = _doc_money (report->contingent);
  g_autofree char *committed_cell = g_markup_printf_escaped ("<b>%s</b>", committed);

  _doc_add_heading (self, 2, _("How I will be supported"));
  _doc_add_paragraph (self, _("Paid support sits beside the support of family, friends, the community and "
                              "technology: paid help only where it is needed."));
  table = _doc_add_table (self, 5, widths, align, 1);
  _doc_table_add_row (table, _("What"), _("Who"), _("When"), _("Funding"), _("Cost for the period"), NULL);
  for (guint i = 0; i < report->lines->len; i++)
    {
      BespokeLineCost *lc = g_ptr_array_index (report->lines, i);
      BespokeSupportLine *line = find_line (lines, lc->line_uuid);
      g_autofree char *what = _doc_escape (lc->description);
      g_autofree char *who_text = line ? _doc_line_who (store, line) : g_strdup ("");
      g_autofree char *who = _doc_escape (who_text);
      g_autofree char *when = _doc_escape (lc->schedule_summary);
      g_autofree char *cost = NULL;

      if (!lc->paid)
        cost = g_strdup (_("<i>Unpaid</i>"));
      else if (lc->contingent)
        {
          g_autofree char *amount = _doc_money (lc->cost);
          cost = g_markup_printf_escaped (_("%s<i>\nonly if the outcome is reached</i>"), amount);
        }
      else
        cost = _doc_money (lc->cost);
      _doc_table_add_row (table, what, who, when,
                          lc->paid ? bespoke_enum_label (BESPOKE_TYPE_FUNDING, lc->funding) : "—", cost, NULL);
    }
  _doc_table_add_row (table, _("<b>Committed</b>"), "", "", "", committed_cell, NULL);
  if (report->contingent != 0)
    _doc_table_add_row (table, _("<b>Contingent</b>"), "", "", "", contingent, NULL);
}

static void
add_risks (BespokeDocument *self,
           GPtrArray       *risks,
           const char      *staff_preferences)
{
  static const double widths[] = { 0.32, 0.14, 0.12, 0.42 };
  DocBlock *table;

  _doc_add_heading (self, 2, _("How I will stay safe"));
  if (risks->len == 0)
    _doc_add_paragraph (self, _("<i>No risks written yet.</i>"));
  else
    {
      table = _doc_add_table (self, 4, widths, NULL, 1);
      _doc_table_add_row (table, _("What could go wrong"), _("Likelihood"), _("Impact"), _("What we will do"), NULL);
      for (guint i = 0; i < risks->len; i++)
        {
          BespokeRisk *r = g_ptr_array_index (risks, i);
          g_autofree char *what = _doc_escape (bespoke_risk_get_description (r));
          g_autofree char *plan = bespoke_risk_get_contingency (r) && *bespoke_risk_get_contingency (r)
                                  ? _doc_escape (bespoke_risk_get_contingency (r))
                                  : g_strdup (_("<b>No contingency yet</b>"));

          _doc_table_add_row (table, what,
                              bespoke_enum_label (BESPOKE_TYPE_LEVEL, bespoke_risk_get_likelihood (r)),
                              bespoke_enum_label (BESPOKE_TYPE_LEVEL, bespoke_risk_get_impact (r)), plan, NULL);
        }
    }
  if (staff_preferences != NULL && *staff_preferences != '\0')
    {
      g_autofree char *text = g_markup_printf_escaped (_("<b>About staff:</b> %s"), staff_preferences);

      _doc_add_heading (self, 3, _("The people who support me"));
      _doc_add_paragraph (self, text);
    }
}

/* Who is in control: who manages the money and who decides day to day */
static void
add_control (BespokeDocument *self,
             BespokePlan     *plan)
{
  const char *decides = bespoke_plan_get_decides_day_to_day (plan);
  g_autofree char *money = g_markup_printf_escaped (_("<b>Who manages the money:</b> %s"),
                                                    bespoke_enum_label (BESPOKE_TYPE_MONEY_MANAGER,
                                                                        bespoke_plan_get_money_manager (plan)));
  g_autofree char *day = g_markup_printf_escaped (_("<b>Who decides day to day:</b> %s"),
                                                  decides && *decides ? decides : _("not written yet"));

  _doc_add_heading (self, 2, _("How I will be in control"));
  _doc_add_paragraph (self, money);
  _doc_add_paragraph (self, day);
}

/* In Control's seven criteria, as bespoke_plan_check_run() finds them:
 * each one's title, whether it passes, the sentence that says why, and
 * any written reason to agree the plan though it fails. */
static gboolean
add_criteria (BespokeDocument    *self,
              BespokeStore       *store,
              BespokePlan        *plan,
              BespokeCostReport  *report,
              GError            **error)
{
  static const double widths[] = { 0.3, 0.14, 0.56 };
  g_autoptr(GPtrArray) results = bespoke_plan_check_run (store, bespoke_record_get_uuid (BESPOKE_RECORD (plan)),
                                                         report, error);
  DocBlock *table;

  if (results == NULL)
    return FALSE;
  _doc_add_heading (self, 2, _("Does the plan meet the seven criteria?"));
  table = _doc_add_table (self, 3, widths, NULL, 1);
  _doc_table_add_row (table, _("Criterion"), _("Result"), _("What the check found"), NULL);
  for (guint i = 0; i < results->len; i++)
    {
      BespokeCriterionResult *r = g_ptr_array_index (results, i);
      g_autofree char *title = g_markup_printf_escaped ("%u. %s", i + 1, r->title);
      g_autofree char *detail = _doc_escape (r->detail);
      g_autofree char *cell = NULL;
      const char *result;

      if (r->passed)
        result = _("✓ Passes");
      else if (r->override_reason != NULL && *r->override_reason != '\0')
        result = _("<b>✗ Fails</b>, agreed with a reason");
      else
        result = _("<b>✗ Fails</b>");
      if (!r->passed && r->override_reason != NULL && *r->override_reason != '\0')
        cell = g_markup_printf_escaped (_("%s\n<b>Reason to go ahead:</b> %s"), r->detail, r->override_reason);
      _doc_table_add_row (table, title, result, cell ? cell : detail, NULL);
    }
  return TRUE;
}

static void
add_signatures (BespokeDocument *self,
                const char      *name)
{
  static const double widths[] = { 0.28, 0.30, 0.26, 0.16 };
  DocBlock *table;

  _doc_add_heading (self, 2, _("Who agreed this plan"));
  table = _doc_add_table (self, 4, widths, NULL, 1);
  _doc_table_add_row (table, _("Who"), _("Name"), _("Signature"), _("Date"), NULL);
  _doc_table_add_row (table, _("The person"), name, "\n\n", "", NULL);
  _doc_table_add_row (table, _("The planner"), "", "\n\n", "", NULL);
  _doc_table_add_row (table, _("For the council"), "", "\n\n", "", NULL);
}

gboolean
_bespoke_document_build_plan (BespokeDocument  *self,
                              BespokeStore     *store,
                              BespokePerson    *person,
                              GError          **error)
{
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(BespokeCostReport) report = NULL;
  g_autofree char *period = NULL;
  g_autofree char *name = NULL;
  const char *uuid;

  if (!(plan = _doc_current_plan (store, person, error)))
    return FALSE;
  uuid = bespoke_record_get_uuid (BESPOKE_RECORD (plan));
  if (!(outcomes = bespoke_store_list (store, BESPOKE_TYPE_OUTCOME, uuid, error)) ||
      !(lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, uuid, error)) ||
      !(risks = bespoke_store_list (store, BESPOKE_TYPE_RISK, uuid, error)) ||
      !(report = bespoke_costing_report (store, uuid, error)))
    return FALSE;

  period = _doc_plan_period (plan);
  name = _doc_escape (bespoke_person_get_name (person));
  self->title = g_strdup_printf (_("Support plan: %s"), bespoke_person_get_name (person));
  self->subject = g_strdup_printf (_("Support plan for %s, %s, for sign-off"), bespoke_person_get_name (person), period);
  self->footer = g_strdup_printf (_("Plan for %s, %s"), bespoke_person_get_name (person), period);

  add_cover (self, store, person, plan);
  if (!add_important (self, store, person, error))
    return FALSE;
  add_outcomes (self, outcomes);
  add_support (self, store, lines, report);
  add_risks (self, risks, bespoke_plan_get_staff_preferences (plan));
  _doc_add_heading (self, 2, _("How I will use my money"));
  _doc_add_money_summary (self, report);
  add_control (self, plan);
  if (!add_criteria (self, store, plan, report, error))
    return FALSE;
  add_signatures (self, name);
  return TRUE;
}
