/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-costing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-costing-private.h"
#include "bespoke-error.h"

/* Costing one line: its window in the plan period, the value of its kind of
 * product month by month, the line's factors, and one rounding. */

static gboolean
postcode_matches (const char *postcode,
                  const char *areas)
{
  char area[3] = { 0 };
  g_auto(GStrv) list = NULL;

  if (postcode == NULL || areas == NULL)
    return FALSE;
  while (*postcode == ' ')
    postcode++;
  for (guint i = 0; i < 2 && g_ascii_isalpha (postcode[i]); i++)
    area[i] = g_ascii_toupper (postcode[i]);
  if (area[0] == '\0')
    return FALSE;

  list = g_strsplit (areas, ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *want = g_ascii_strup (g_strstrip (list[i]), -1);
      if (g_str_equal (want, area))
        return TRUE;
    }
  return FALSE;
}

static gboolean
premium_applies (BespokePerson  *person,
                 BespokeProduct *product)
{
  const char *group = bespoke_product_get_premium_client_group (product);
  const char *mine = person ? bespoke_person_get_client_group (person) : NULL;

  if (person == NULL)
    return FALSE;
  if (group != NULL && *group != '\0' && mine != NULL && g_ascii_strcasecmp (group, mine) == 0)
    return TRUE;
  return postcode_matches (bespoke_person_get_postcode (person), bespoke_product_get_premium_postcode_areas (product));
}

void
bespoke_line_cost_free (BespokeLineCost *self)
{
  if (self == NULL)
    return;
  g_free (self->line_uuid);
  g_free (self->description);
  g_free (self->schedule_summary);
  g_clear_pointer (&self->months, g_array_unref);
  g_free (self);
}

/* The line's description, schedule, funding and typical week. */
static BespokeLineCost *
line_cost_new (BespokeSupportLine    *line,
               const BespokeSchedule *s,
               BespokeProduct        *product)
{
  BespokeLineCost *lc = g_new0 (BespokeLineCost, 1);

  lc->line_uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (line)));
  lc->description = g_strdup (bespoke_support_line_get_description (line));
  lc->schedule_summary = bespoke_schedule_describe (s);
  lc->paid = bespoke_support_line_get_support_type (line) == BESPOKE_SUPPORT_PAID;
  lc->funding = bespoke_support_line_get_funding (line);
  lc->unit = product ? bespoke_product_get_unit (product) : BESPOKE_UNIT_HOUR;
  lc->week_minutes = bespoke_costing_typical_week_minutes (s, lc->unit);
  lc->months = g_array_new (FALSE, TRUE, sizeof (BespokeMonthCost));
  return lc;
}

/* the window: the plan period, narrowed by the line's own term */
static void
find_window (CostingLine *c)
{
  const BespokeSchedule *s = c->s;
  BespokeProduct *product = c->product;
  guint32 period_start = c->period_start;
  guint32 period_end = c->period_end;

  c->first = MAX (period_start, s->term_start ? s->term_start : period_start);
  c->last = s->term_end ? MIN (period_end, s->term_end) : period_end;
  if (c->kind == BESPOKE_PRODUCT_DEFINED_TERM && s->term_end == 0 && bespoke_product_get_default_term_weeks (product) > 0)
    {
      guint32 term_start = s->term_start ? s->term_start : period_start;
      c->last = MIN (c->last, term_start + bespoke_product_get_default_term_weeks (product) * 7 - 1);
    }
}

/* a fixed fee, once, on its date (or the start of the plan) */
static void
value_one_off (const CostingLine *c,
               MonthValues       *mv)
{
  const BespokeSchedule *s = c->s;
  const Months *months = &c->months;
  guint32 period_start = c->period_start;
  guint32 period_end = c->period_end;
  gint64 price = c->price;
  guint quantity = c->quantity;
  Q *value = mv->value;
  Q *units = mv->units;
  guint32 when = s->kind == BESPOKE_SCHEDULE_ONCE ? s->date : period_start;

  if (when >= period_start && when <= period_end)
    {
      guint m = month_index (months, when);
      value[m] = Q_INT ((i128) price * quantity);
      units[m] = Q_INT (quantity);
      mv->delivered = Q_INT (quantity);
    }
}

/* a package for the whole term: only the part inside the period counts */
static void
value_term_package (const CostingLine *c,
                    MonthValues       *mv)
{
  BespokeProduct *product = c->product;
  const BespokeSchedule *s = c->s;
  const Months *months = &c->months;
  guint32 period_start = c->period_start;
  guint32 first = c->first;
  guint32 last = c->last;
  gint64 price = c->price;
  guint quantity = c->quantity;
  Q *value = mv->value;
  Q *units = mv->units;
  guint32 term_start = s->term_start ? s->term_start : period_start;
  guint32 term_end = s->term_end ? s->term_end
                   : term_start + MAX (bespoke_product_get_default_term_weeks (product), 1) * 7 - 1;
  guint32 term_days = days_between (term_start, term_end);

  for (guint i = 0; i < months->n_months; i++)
    {
      guint32 days = days_between (MAX (first, months->starts[i]), MIN (last, month_last_day (months, i)));
      Q share = q_make ((i128) days * quantity, term_days);

      value[i] = q_mul (share, Q_INT (price));
      units[i] = share;
      mv->delivered = q_add (mv->delivered, share);
    }
}

/* so many units a week or a month, pro rata by days */
static void
value_quantity (const CostingLine *c,
                MonthValues       *mv)
{
  const BespokeSchedule *s = c->s;
  const Months *months = &c->months;
  guint32 first = c->first;
  guint32 last = c->last;
  gint64 price = c->price;
  guint quantity = c->quantity;
  Q per = q_mul (q_make (s->quantity_hundredths, 100), Q_INT (quantity));

  bespoke_costing_cost_periodic (months, first, last, s->per == BESPOKE_PER_WEEK ? BESPOKE_UNIT_WEEK : BESPOKE_UNIT_MONTH,
                                 per, price, mv);
}

/* The value of the line month by month, by the kind of product and rule. */
static void
value_by_kind (const CostingLine *c,
               MonthValues       *mv)
{
  if (c->kind == BESPOKE_PRODUCT_ONE_OFF)
    value_one_off (c, mv);
  else if (c->kind == BESPOKE_PRODUCT_DEFINED_TERM && c->unit == BESPOKE_UNIT_EACH && c->s->kind == BESPOKE_SCHEDULE_NONE)
    value_term_package (c, mv);
  else if (c->rule != BESPOKE_ANNUALISATION_CALENDAR)
    bespoke_costing_value_week_rule (c, mv);
  else if (c->unit == BESPOKE_UNIT_WEEK || c->unit == BESPOKE_UNIT_MONTH || c->unit == BESPOKE_UNIT_YEAR)
    bespoke_costing_cost_periodic (&c->months, c->first, c->last, c->unit, Q_INT (c->quantity), c->price, mv);
  else if (c->s->kind == BESPOKE_SCHEDULE_QUANTITY)
    value_quantity (c, mv);
  else
    bespoke_costing_value_calendar (c, mv);
}

/* The line's factors (premium, discounts, sharing) on each month, then one
 * rounding of the total, spread back over the months; FALSE on overflow. */
static gboolean
apply_factors (const CostingLine *c,
               const MonthValues *mv,
               BespokeLineCost   *lc)
{
  BespokePlan *plan = c->plan;
  BespokePerson *person = c->person;
  BespokeSupportLine *line = c->line;
  BespokeProduct *product = c->product;
  const Months *months = &c->months;
  const Q *value = mv->value;
  const Q *units = mv->units;
  g_autofree Q *final = g_new0 (Q, months->n_months);
  Q total = Q_ZERO;
  Q factor;

  factor = Q_INT (1);
  if (premium_applies (person, product))
    factor = q_make (10000 + (i128) bespoke_product_get_premium_percent_bp (product), 10000);
  factor = q_mul (factor, q_make (10000 - (i128) bespoke_support_line_get_discount_bp (line), 10000));
  factor = q_mul (factor, q_make (10000 - (i128) bespoke_plan_get_discount_bp (plan), 10000));
  factor = q_mul (factor, q_make (1, MAX (bespoke_support_line_get_share_ratio (line), 1)));

  for (guint i = 0; i < months->n_months; i++)
    {
      Q v = value[i];

      if (premium_applies (person, product) && bespoke_product_get_premium_per_unit (product) > 0)
        v = q_add (v, q_mul (units[i], Q_INT (bespoke_product_get_premium_per_unit (product))));
      final[i] = q_mul (v, factor);
      total = q_add (total, final[i]);
    }

  return q_round (total, &lc->cost) &&
         q_round (q_mul (mv->delivered, Q_INT (100)), &lc->units_hundredths) &&
         bespoke_costing_split_months (final, months, lc->cost, lc->months);
}

/**
 * bespoke_costing_cost_line:
 * @person: (nullable): whose plan: their nation picks the bank holidays,
 *   their client group and postcode the premiums
 * @product: (nullable): the product of a paid line
 *
 * Costs one line over the plan's period under the plan's rule.
 */
gboolean
bespoke_costing_cost_line (BespokePlan         *plan,
                           BespokePerson       *person,
                           BespokeSupportLine  *line,
                           BespokeProduct      *product,
                           BespokeLineCost    **out,
                           GError             **error)
{
  g_autoptr(BespokeLineCost) lc = NULL;
  g_autoptr(BespokeSchedule) none = bespoke_schedule_new (BESPOKE_SCHEDULE_NONE);
  CostingLine c = { plan, person, line, product, bespoke_support_line_get_schedule (line) };
  g_autofree Q *value = NULL;
  g_autofree Q *units = NULL;
  MonthValues mv;

  g_return_val_if_fail (BESPOKE_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (BESPOKE_IS_SUPPORT_LINE (line), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  c.period_start = bespoke_costing_julian_of (bespoke_plan_get_period_start (plan));
  c.period_end = bespoke_costing_julian_of (bespoke_plan_get_period_end (plan));
  c.rule = bespoke_plan_get_annualisation (plan);
  c.quantity = MAX (bespoke_support_line_get_quantity (line), 1);
  if (c.quantity > BESPOKE_COSTING_MAX_QUANTITY)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("A support line asks for %u staff or units each time; Bespoke costs at most %u. Check the number."),
                   c.quantity, (guint) BESPOKE_COSTING_MAX_QUANTITY);
      return FALSE;
    }
  if (bespoke_support_line_get_disturbance_minutes (line) > BESPOKE_COSTING_MAX_DISTURBANCE_MINUTES)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("A support line has %u minutes of disturbance a night; a night has at most %u. Check the number."),
                   bespoke_support_line_get_disturbance_minutes (line), (guint) BESPOKE_COSTING_MAX_DISTURBANCE_MINUTES);
      return FALSE;
    }
  if (c.period_start == 0 || c.period_end == 0 || c.period_end < c.period_start)
    return bespoke_set_invalid (error, _("The plan’s period is not set, or it ends before it starts. Set both dates on the plan."));
  if (!bespoke_costing_months_init (&c.months, c.period_start, c.period_end, error))
    return FALSE;
  if (c.s == NULL)
    c.s = none;
  if (!bespoke_schedule_validate (c.s, error))
    return FALSE;

  lc = line_cost_new (line, c.s, product);
  if (!lc->paid)
    {
      for (guint i = 0; i < c.months.n_months; i++)
        {
          BespokeMonthCost mc = { c.months.starts[i], 0 };
          g_array_append_val (lc->months, mc);
        }
      *out = g_steal_pointer (&lc);
      return TRUE;
    }

  if (product == NULL)
    return bespoke_set_invalid (error, _("A paid support line has no product. Choose one from a provider’s menu."));

  c.unit = bespoke_product_get_unit (product);
  c.kind = bespoke_product_get_kind (product);
  c.price = bespoke_product_get_unit_price (product);
  lc->contingent = c.kind == BESPOKE_PRODUCT_ONE_OFF && bespoke_product_get_outcome_based (product);

  value = g_new0 (Q, c.months.n_months);
  units = g_new0 (Q, c.months.n_months);
  for (guint i = 0; i < c.months.n_months; i++)
    value[i] = units[i] = Q_ZERO;
  mv = (MonthValues) { value, units, Q_ZERO };

  find_window (&c);
  value_by_kind (&c, &mv);
  if (!apply_factors (&c, &mv, lc))
    return bespoke_costing_overflow (error);

  *out = g_steal_pointer (&lc);
  return TRUE;
}
