/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-date.h"
#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-money.h"
#include "bespoke-outcome.h"
#include "bespoke-person.h"
#include "bespoke-plan-check.h"
#include "bespoke-product.h"
#include "bespoke-risk.h"
#include "bespoke-statement.h"
#include "bespoke-support-line.h"

/* In Control's seven criteria, as the issue words them (#9, section 3):
 *  1. What's important to me: the profile's section has a statement.
 *  2. What I want to change or achieve: an outcome, each with a measure
 *     and a date inside the plan period.
 *  3. How I will be supported: a support line, each paid line with a
 *     provider or named worker, a schedule and a funding source.
 *  4. How I will use my money: the budget is set, nothing committed
 *     against it beyond it (the cost report's "remaining", as its
 *     over-budget warning reads it), and each contingent line says its
 *     outcome (in its description, or its product's outcome).
 *  5. How I will be in control: who manages the money, who decides day to
 *     day.
 *  6. How I will stay safe: every risk has a contingency (High/High ones
 *     are named first).
 *  7. Action plan: the review date is set and inside the plan period.
 * Each sentence says what passes, or what fails and what to do. */

typedef struct
{
  BespokePlan             *plan;
  BespokePerson           *person;
  const BespokeCostReport *report;       /* NULL if the plan cannot be costed */
  GError                  *cost_error;   /* why not */
  GPtrArray               *statements;
  GPtrArray               *outcomes;
  GPtrArray               *lines;
  GPtrArray               *risks;
} Check;

static const char *titles[] = {
  N_("What’s important to me"),
  N_("What I want to change or achieve"),
  N_("How I will be supported"),
  N_("How I will use my money"),
  N_("How I will be in control"),
  N_("How I will stay safe"),
  N_("Action plan"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (titles) == BESPOKE_PLAN_N_CRITERIA);

void
bespoke_criterion_result_free (BespokeCriterionResult *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->detail);
  g_free (self->override_reason);
  g_free (self);
}

/**
 * bespoke_criterion_title:
 *
 * Returns: the criterion's heading, in the person's words
 */
const char *
bespoke_criterion_title (BespokeCriterion criterion)
{
  g_return_val_if_fail ((guint) criterion < G_N_ELEMENTS (titles), "");

  return _(titles[criterion]);
}

static gboolean
has_text (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

static gboolean
inside_period (BespokePlan *plan,
               const char  *iso)
{
  return g_strcmp0 (iso, bespoke_plan_get_period_start (plan)) >= 0 &&
         g_strcmp0 (iso, bespoke_plan_get_period_end (plan)) <= 0;
}

/* "1 January 2027 to 31 December 2027" */
static char *
period_text (BespokePlan *plan)
{
  g_autofree char *start = bespoke_date_format_long (bespoke_plan_get_period_start (plan));
  g_autofree char *end = bespoke_date_format_long (bespoke_plan_get_period_end (plan));

  /* Translators: a plan period, e.g. "1 January 2027 to 31 December 2027" */
  return g_strdup_printf (_("%s to %s"), start, end);
}

/* @sentence, then @tail ("2 more outcomes need fixing too.") if there is
 * one; takes both */
static char *
with_more (char *sentence,
           char *tail)
{
  char *joined;

  if (tail == NULL)
    return sentence;
  joined = g_strdup_printf ("%s %s", sentence, tail);
  g_free (sentence);
  g_free (tail);
  return joined;
}

/* 1. What's important to me */
static char *
check_important (Check    *c,
                 gboolean *passed)
{
  guint n = 0;
  const char *name = bespoke_person_get_preferred_name (c->person);

  if (!has_text (name))
    name = bespoke_person_get_name (c->person);
  for (guint i = 0; i < c->statements->len; i++)
    {
      BespokeStatement *s = g_ptr_array_index (c->statements, i);

      if (bespoke_statement_get_section (s) == BESPOKE_SECTION_IMPORTANT && has_text (bespoke_statement_get_text (s)))
        n++;
    }
  *passed = n > 0;
  if (n == 0)
    return g_strdup (_("The profile says nothing under “What’s important to me”: add at least one statement on the Profile page."));
  return g_strdup_printf (ngettext ("The profile says what is important to %s, in %u statement.",
                                    "The profile says what is important to %s, in %u statements.", n),
                          name, n);
}

/* 2. What I want to change or achieve */
static char *
outcome_problem (Check          *c,
                 BespokeOutcome *o)
{
  const char *statement = bespoke_outcome_get_statement (o);
  const char *due = bespoke_outcome_get_target_date (o);

  if (!has_text (bespoke_outcome_get_measure (o)))
    return g_strdup_printf (_("The outcome “%s” does not say how it will be measured: write its measure."), statement);
  if (!has_text (due))
    return g_strdup_printf (_("The outcome “%s” has no date: give the date it should be reached by, inside the plan period."),
                            statement);
  if (!inside_period (c->plan, due))
    {
      g_autofree char *when = bespoke_date_format_long (due);
      g_autofree char *period = period_text (c->plan);

      return g_strdup_printf (_("The outcome “%s” is due on %s, outside the plan (%s): choose a date inside the plan period."),
                              statement, when, period);
    }
  return NULL;
}

static char *
check_change (Check    *c,
              gboolean *passed)
{
  char *first = NULL;
  guint more = 0;

  for (guint i = 0; i < c->outcomes->len; i++)
    {
      char *problem = outcome_problem (c, g_ptr_array_index (c->outcomes, i));

      if (problem != NULL && first == NULL)
        first = problem;
      else if (problem != NULL)
        {
          more++;
          g_free (problem);
        }
    }
  *passed = c->outcomes->len > 0 && first == NULL;
  if (c->outcomes->len == 0)
    return g_strdup (_("The plan has no outcomes: add at least one on the Plan page, with how it will be measured and by when."));
  if (first != NULL)
    return with_more (first,
                      more > 0 ? g_strdup_printf (ngettext ("%u more outcome needs fixing too.",
                                                            "%u more outcomes need fixing too.", more), more) : NULL);
  return g_strdup_printf (ngettext ("%u outcome, with its measure and a date inside the plan.",
                                    "%u outcomes, each with a measure and a date inside the plan.", c->outcomes->len),
                          c->outcomes->len);
}

/* 3. How I will be supported */
static char *
line_name (BespokeSupportLine *line)
{
  const char *description = bespoke_support_line_get_description (line);

  if (has_text (description))
    return g_strdup_printf ("“%s”", description);
  /* Translators: a support line without a description, by its place in the plan */
  return g_strdup_printf (_("number %u"), bespoke_support_line_get_position (line) + 1);
}

static char *
line_problem (BespokeSupportLine *line)
{
  g_autofree char *name = NULL;

  if (bespoke_support_line_get_support_type (line) != BESPOKE_SUPPORT_PAID)
    return NULL;
  name = line_name (line);
  if (!has_text (bespoke_support_line_get_provider_uuid (line)) && !has_text (bespoke_support_line_get_worker (line)))
    return g_strdup_printf (_("The paid line %s does not say who gives it: choose a provider or name a worker."), name);
  if (bespoke_support_line_get_schedule (line) == NULL)
    return g_strdup_printf (_("The paid line %s does not say when it happens: give it a schedule."), name);
  if (bespoke_support_line_get_funding (line) == BESPOKE_FUNDING_NONE)
    return g_strdup_printf (_("The paid line %s does not say how it is paid for: choose its funding."), name);
  return NULL;
}

static char *
check_supported (Check    *c,
                 gboolean *passed)
{
  char *first = NULL;
  guint more = 0, paid = 0;

  for (guint i = 0; i < c->lines->len; i++)
    {
      BespokeSupportLine *line = g_ptr_array_index (c->lines, i);
      char *problem = line_problem (line);

      if (bespoke_support_line_get_support_type (line) == BESPOKE_SUPPORT_PAID)
        paid++;
      if (problem != NULL && first == NULL)
        first = problem;
      else if (problem != NULL)
        {
          more++;
          g_free (problem);
        }
    }
  *passed = c->lines->len > 0 && first == NULL;
  if (c->lines->len == 0)
    return g_strdup (_("The plan has no support lines: add the paid and unpaid support on the Plan page."));
  if (first != NULL)
    return with_more (first,
                      more > 0 ? g_strdup_printf (ngettext ("%u more paid line needs fixing too.",
                                                            "%u more paid lines need fixing too.", more), more) : NULL);
  return g_strdup_printf (ngettext ("%u support line, %u of them paid; every paid line says who gives it, when, and how it is paid for.",
                                    "%u support lines, %u of them paid; every paid line says who gives it, when, and how it is paid for.",
                                    c->lines->len),
                          c->lines->len, paid);
}

/* 4. How I will use my money */
static BespokeSupportLine *
find_line (Check      *c,
           const char *uuid)
{
  for (guint i = 0; i < c->lines->len; i++)
    if (g_strcmp0 (bespoke_record_get_uuid (g_ptr_array_index (c->lines, i)), uuid) == 0)
      return g_ptr_array_index (c->lines, i);
  return NULL;
}

/* A contingent line names the outcome that pays it: in its description,
 * or as its product's outcome. */
static gboolean
names_its_outcome (BespokeStore       *store,
                   BespokeSupportLine *line)
{
  const char *product_uuid = bespoke_support_line_get_product_uuid (line);
  g_autoptr(BespokeProduct) product = NULL;

  if (has_text (bespoke_support_line_get_description (line)))
    return TRUE;
  if (product_uuid != NULL)
    product = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT, product_uuid, NULL);
  return product != NULL && has_text (bespoke_product_get_default_outcome (product));
}

static char *
check_money (Check        *c,
             BespokeStore *store,
             gboolean     *passed)
{
  const BespokeCostReport *r = c->report;
  g_autofree char *budget = NULL, *committed = NULL, *contingent = NULL, *remaining = NULL;

  *passed = FALSE;
  if (r == NULL)
    return g_strdup_printf (_("The plan cannot be costed: %s"), c->cost_error->message);
  if (r->budget <= 0)
    return g_strdup (_("The individual budget is not set: enter it at the top of the Plan page."));
  budget = bespoke_money_format (r->budget);
  if (r->remaining < 0)
    {
      g_autofree char *over = bespoke_money_format (-r->remaining);

      return g_strdup_printf (_("The plan costs %s more than the budget of %s: reduce paid support or find other funding."),
                              over, budget);
    }
  for (guint i = 0; i < r->lines->len; i++)
    {
      BespokeLineCost *lc = g_ptr_array_index (r->lines, i);
      BespokeSupportLine *line = lc->contingent ? find_line (c, lc->line_uuid) : NULL;

      if (line != NULL && !names_its_outcome (store, line))
        {
          g_autofree char *name = line_name (line);

          return g_strdup_printf (_("The line %s is paid only if an outcome is reached, and does not say which: "
                                    "describe the outcome in the line."), name);
        }
    }
  *passed = TRUE;
  committed = bespoke_money_format (r->committed);
  contingent = bespoke_money_format (r->contingent);
  remaining = bespoke_money_format (r->remaining);
  if (r->contingent == 0)
    return g_strdup_printf (_("%s is committed of a %s budget, and %s remains."), committed, budget, remaining);
  return g_strdup_printf (_("%s is committed of a %s budget, %s is contingent on outcomes, and %s remains."),
                          committed, budget, contingent, remaining);
}

/* 5. How I will be in control */
static const char *managers[] = {
  NULL,
  N_("the person"),
  N_("a family member"),
  N_("a provider, as an Individual Service Fund"),
  N_("the council"),
};

static char *
check_control (Check    *c,
               gboolean *passed)
{
  BespokeMoneyManager manager = bespoke_plan_get_money_manager (c->plan);
  const char *decides = bespoke_plan_get_decides_day_to_day (c->plan);
  gboolean has_manager = manager != BESPOKE_MONEY_MANAGER_UNSET;
  gboolean has_decides = has_text (decides);
  g_autofree char *who = has_decides ? g_strstrip (g_strdup (decides)) : NULL;

  *passed = has_manager && has_decides;
  if (!has_manager && !has_decides)
    return g_strdup (_("The plan does not say who manages the money or who decides day to day: "
                       "choose both at the top of the Plan page."));
  if (!has_manager)
    return g_strdup (_("The plan does not say who manages the money: choose the person, a family member, "
                       "a provider (ISF) or the council at the top of the Plan page."));
  if (!has_decides)
    return g_strdup (_("The plan does not say who decides day to day: name them at the top of the Plan page."));
  return g_strdup_printf (_("Who manages the money: %s. Who decides day to day: %s."),
                          _(managers[manager]), who);
}

/* 6. How I will stay safe */
static gboolean
high_high (BespokeRisk *risk)
{
  return bespoke_risk_get_likelihood (risk) == BESPOKE_LEVEL_HIGH && bespoke_risk_get_impact (risk) == BESPOKE_LEVEL_HIGH;
}

static char *
check_safe (Check    *c,
            gboolean *passed)
{
  BespokeRisk *worst = NULL;
  guint missing = 0;

  for (guint i = 0; i < c->risks->len; i++)
    {
      BespokeRisk *risk = g_ptr_array_index (c->risks, i);

      if (has_text (bespoke_risk_get_contingency (risk)))
        continue;
      missing++;
      if (worst == NULL || (high_high (risk) && !high_high (worst)))
        worst = risk;
    }
  *passed = missing == 0;
  if (worst != NULL)
    {
      char *first = g_strdup_printf (_("The risk “%s” (likelihood %s, impact %s) has no contingency: "
                                       "write what will be done if it happens."),
                                     bespoke_risk_get_description (worst),
                                     bespoke_enum_label (BESPOKE_TYPE_LEVEL, bespoke_risk_get_likelihood (worst)),
                                     bespoke_enum_label (BESPOKE_TYPE_LEVEL, bespoke_risk_get_impact (worst)));

      return with_more (first,
                        missing - 1 > 0 ? g_strdup_printf (ngettext ("%u more risk has none.",
                                                                     "%u more risks have none.", missing - 1), missing - 1) : NULL);
    }
  if (c->risks->len == 0)
    return g_strdup (_("No risks are written down; any risk added needs a contingency."));
  return g_strdup_printf (ngettext ("%u risk, with its contingency.", "%u risks, each with a contingency.", c->risks->len),
                          c->risks->len);
}

/* 7. Action plan */
static char *
check_action (Check    *c,
              gboolean *passed)
{
  const char *review = bespoke_plan_get_review_date (c->plan);
  g_autofree char *when = NULL;
  g_autofree char *period = NULL;

  *passed = FALSE;
  if (!has_text (review))
    return g_strdup (_("The plan has no review date: set one inside the plan period."));
  when = bespoke_date_format_long (review);
  if (!inside_period (c->plan, review))
    {
      period = period_text (c->plan);
      return g_strdup_printf (_("The review date, %s, is outside the plan (%s): choose a date inside the plan period."),
                              when, period);
    }
  *passed = TRUE;
  return g_strdup_printf (_("The plan is reviewed on %s, inside the plan period."), when);
}

static BespokeCriterionResult *
result_new (BespokePlan      *plan,
            BespokeCriterion  criterion,
            gboolean          passed,
            char             *detail)
{
  BespokeCriterionResult *result = g_new0 (BespokeCriterionResult, 1);
  const char *reason = bespoke_plan_get_override (plan, criterion);

  result->criterion = criterion;
  result->title = g_strdup (bespoke_criterion_title (criterion));
  result->passed = passed;
  result->detail = detail;
  result->override_reason = has_text (reason) ? g_strstrip (g_strdup (reason)) : NULL;
  return result;
}

static void
check_clear (Check *c)
{
  g_clear_object (&c->plan);
  g_clear_object (&c->person);
  g_clear_error (&c->cost_error);
  g_clear_pointer (&c->statements, g_ptr_array_unref);
  g_clear_pointer (&c->outcomes, g_ptr_array_unref);
  g_clear_pointer (&c->lines, g_ptr_array_unref);
  g_clear_pointer (&c->risks, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

/**
 * bespoke_plan_check_run:
 * @report: (nullable): the plan's cost report, if the caller has one
 *   (the window's #BespokePlanCosting); without one, the plan is costed
 *
 * Checks the plan against the seven criteria.  A plan that cannot be
 * costed fails "How I will use my money" with the reason.
 *
 * Returns: (transfer full) (element-type BespokeCriterionResult): seven
 *   results in the order of #BespokeCriterion, or %NULL with @error if the
 *   plan cannot be read
 */
GPtrArray *
bespoke_plan_check_run (BespokeStore             *store,
                        const char               *plan_uuid,
                        const BespokeCostReport  *report,
                        GError                  **error)
{
  g_auto(Check) c = { 0 };
  g_autoptr(BespokeCostReport) own = NULL;
  g_autoptr(GPtrArray) results = NULL;
  char *(*checks[]) (Check *, gboolean *) = { check_important, check_change, check_supported, NULL,
                                              check_control, check_safe, check_action };

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_uuid != NULL, NULL);

  if (!(c.plan = bespoke_store_load (store, BESPOKE_TYPE_PLAN, plan_uuid, error)) ||
      !(c.person = bespoke_store_load (store, BESPOKE_TYPE_PERSON, bespoke_plan_get_person_uuid (c.plan), error)) ||
      !(c.statements = bespoke_store_list (store, BESPOKE_TYPE_STATEMENT, bespoke_plan_get_person_uuid (c.plan), error)) ||
      !(c.outcomes = bespoke_store_list (store, BESPOKE_TYPE_OUTCOME, plan_uuid, error)) ||
      !(c.lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, plan_uuid, error)) ||
      !(c.risks = bespoke_store_list (store, BESPOKE_TYPE_RISK, plan_uuid, error)))
    return NULL;
  if (report == NULL)
    report = own = bespoke_costing_report (store, plan_uuid, &c.cost_error);
  c.report = report;

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) bespoke_criterion_result_free);
  for (guint i = 0; i < BESPOKE_PLAN_N_CRITERIA; i++)
    {
      gboolean passed = FALSE;
      char *detail = i == BESPOKE_CRITERION_MONEY ? check_money (&c, store, &passed) : checks[i] (&c, &passed);

      g_ptr_array_add (results, result_new (c.plan, (BespokeCriterion) i, passed, detail));
    }
  return g_steal_pointer (&results);
}

/**
 * bespoke_plan_check_can_agree:
 * @results: (element-type BespokeCriterionResult): from bespoke_plan_check_run()
 *
 * Returns: whether every criterion passed, or failed with a written reason
 *   to agree the plan all the same
 */
gboolean
bespoke_plan_check_can_agree (GPtrArray *results)
{
  g_return_val_if_fail (results != NULL, FALSE);

  for (guint i = 0; i < results->len; i++)
    {
      BespokeCriterionResult *r = g_ptr_array_index (results, i);

      if (!r->passed && r->override_reason == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * bespoke_plan_check_refusal:
 *
 * Returns: %TRUE if @results let the plan be agreed; otherwise %FALSE,
 *   with @error saying which criterion stops it and what to do
 */
gboolean
bespoke_plan_check_refusal (GPtrArray  *results,
                            GError    **error)
{
  BespokeCriterionResult *first = NULL;
  guint more = 0;
  g_autofree char *message = NULL;

  g_return_val_if_fail (results != NULL, FALSE);

  for (guint i = 0; i < results->len; i++)
    {
      BespokeCriterionResult *r = g_ptr_array_index (results, i);

      if (r->passed || r->override_reason != NULL)
        continue;
      if (first == NULL)
        first = r;
      else
        more++;
    }
  if (first == NULL)
    return TRUE;
  message = g_strdup_printf (_("The plan cannot be agreed while “%s” fails. %s Or write a reason to agree without it in the Plan check."),
                             first->title, first->detail);
  message = with_more (message,
                       more > 0 ? g_strdup_printf (ngettext ("%u more criterion fails too.",
                                                             "%u more criteria fail too.", more), more) : NULL);
  g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * bespoke_plan_check_agreement:
 * @report: (nullable): as for bespoke_plan_check_run()
 *
 * Whether the plan may be agreed now: %FALSE with a sentence naming the
 * criterion that stops it, or why the plan cannot be read.
 */
gboolean
bespoke_plan_check_agreement (BespokeStore             *store,
                              const char               *plan_uuid,
                              const BespokeCostReport  *report,
                              GError                  **error)
{
  g_autoptr(GPtrArray) results = bespoke_plan_check_run (store, plan_uuid, report, error);

  return results != NULL && bespoke_plan_check_refusal (results, error);
}

/**
 * bespoke_plan_check_set_status:
 * @history: (nullable): to make the change undoable; without one it goes
 *   straight into @store
 *
 * Sets the plan's status.  It becomes Agreed only if the check allows it
 * (bespoke_plan_check_agreement()); otherwise nothing changes and @error
 * says which criterion stops it.
 */
gboolean
bespoke_plan_check_set_status (BespokeStore       *store,
                               BespokeHistory     *history,
                               const char         *plan_uuid,
                               BespokePlanStatus   status,
                               GError            **error)
{
  g_autoptr(BespokePlan) plan = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);
  g_return_val_if_fail (history == NULL || BESPOKE_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (plan_uuid != NULL, FALSE);

  if (!(plan = bespoke_store_load (store, BESPOKE_TYPE_PLAN, plan_uuid, error)))
    return FALSE;
  if (bespoke_plan_get_status (plan) == status)
    return TRUE;
  if (status == BESPOKE_PLAN_AGREED && !bespoke_plan_check_agreement (store, plan_uuid, NULL, error))
    return FALSE;
  bespoke_plan_set_status (plan, status);
  if (history != NULL)
    return bespoke_history_save (history, plan, status == BESPOKE_PLAN_AGREED ? _("Agree the plan") : _("Change the plan’s status"),
                                 error);
  return bespoke_store_save (store, plan, error);
}
