/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A product's price as people read it, the schedule a line gets when a
 * product is chosen, and every menu as one list to choose from. */
#define G_LOG_DOMAIN "bespoke-test-product"

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-test-util.h"

static BespokeProduct *
make (BespokeProductKind kind,
      BespokeUnit        unit,
      gint64             pence,
      guint              term_weeks)
{
  BespokeProduct *p = bespoke_product_new ();

  bespoke_product_set_name (p, "Test");
  bespoke_product_set_kind (p, kind);
  bespoke_product_set_unit (p, unit);
  bespoke_product_set_unit_price (p, pence);
  bespoke_product_set_default_term_weeks (p, term_weeks);
  return p;
}

static guint32
julian (guint day, GDateMonth month, guint year)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, month, (GDateYear) year);
  return g_date_get_julian (&d);
}

/* The issue's own wording: "£21.50 an hour", "£90.00 a night" */
static void
test_price_text (void)
{
  const struct { BespokeUnit unit; gint64 pence; const char *text; } cases[] = {
    { BESPOKE_UNIT_HOUR, 2150, "£21.50 an hour" },
    { BESPOKE_UNIT_NIGHT, 9000, "£90.00 a night" },
    { BESPOKE_UNIT_EACH, 300000, "£3,000.00 each" },
    { BESPOKE_UNIT_DAY, 5300, "£53.00 a day" },
    { BESPOKE_UNIT_WEEK, 125000, "£1,250.00 a week" },
    { BESPOKE_UNIT_MONTH, 6000, "£60.00 a month" },
    { BESPOKE_UNIT_YEAR, 100, "£1.00 a year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BespokeProduct) p = make (BESPOKE_PRODUCT_ONGOING, cases[i].unit, cases[i].pence, 0);
      g_autofree char *text = bespoke_product_price_text (p);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Nightly for nights, a single date for one-offs, a term for
 * defined-term, hourly weekly for hours; each one valid and round-tripping
 * through its text form. */
static void
test_default_schedule (void)
{
  guint32 start = julian (1, G_DATE_APRIL, 2027);
  g_autoptr(BespokeProduct) sleep_in = make (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_NIGHT, 9000, 0);
  g_autoptr(BespokeProduct) hourly = make (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_HOUR, 2150, 0);
  g_autoptr(BespokeProduct) one_off = make (BESPOKE_PRODUCT_ONE_OFF, BESPOKE_UNIT_EACH, 65000, 0);
  g_autoptr(BespokeProduct) term_hours = make (BESPOKE_PRODUCT_DEFINED_TERM, BESPOKE_UNIT_HOUR, 1850, 12);
  g_autoptr(BespokeProduct) package = make (BESPOKE_PRODUCT_DEFINED_TERM, BESPOKE_UNIT_EACH, 180000, 10);
  g_autoptr(BespokeProduct) monthly = make (BESPOKE_PRODUCT_ONGOING, BESPOKE_UNIT_MONTH, 6000, 0);
  g_autoptr(BespokeSchedule) night = bespoke_product_default_schedule (sleep_in, start);
  g_autoptr(BespokeSchedule) hour = bespoke_product_default_schedule (hourly, start);
  g_autoptr(BespokeSchedule) once = bespoke_product_default_schedule (one_off, start);
  g_autoptr(BespokeSchedule) term = bespoke_product_default_schedule (term_hours, start);
  g_autoptr(BespokeSchedule) pack = bespoke_product_default_schedule (package, start);
  g_autoptr(BespokeSchedule) month = bespoke_product_default_schedule (monthly, start);
  BespokeSchedule *all[] = { night, hour, once, term, pack, month };

  /* a sleep-in: every night, no times (a flat rate) */
  g_assert_cmpint (night->kind, ==, BESPOKE_SCHEDULE_NIGHTLY);
  g_assert_cmpuint (night->weekdays, ==, 0x7f);
  g_assert_cmpuint (night->duration_minutes, ==, 0);

  /* by the hour: Mondays, 09:00 for an hour, every week */
  g_assert_cmpint (hour->kind, ==, BESPOKE_SCHEDULE_WEEKLY);
  g_assert_cmpuint (hour->weekdays, ==, 1);
  g_assert_cmpuint (hour->start_minute, ==, 9 * 60);
  g_assert_cmpuint (hour->duration_minutes, ==, 60);
  g_assert_cmpuint (hour->every_weeks, ==, 1);

  /* a one-off: once, on the first day */
  g_assert_cmpint (once->kind, ==, BESPOKE_SCHEDULE_ONCE);
  g_assert_cmpuint (once->date, ==, start);

  /* 12 weeks from Thursday 1 April 2027: 84 days, the last Wednesday 23 June */
  g_assert_cmpint (term->kind, ==, BESPOKE_SCHEDULE_WEEKLY);
  g_assert_cmpuint (term->term_start, ==, start);
  g_assert_cmpuint (term->term_end, ==, julian (23, G_DATE_JUNE, 2027));

  /* a package sold each: bought once, when it starts */
  g_assert_cmpint (pack->kind, ==, BESPOKE_SCHEDULE_ONCE);
  g_assert_cmpuint (pack->date, ==, start);

  /* by the month: one a month */
  g_assert_cmpint (month->kind, ==, BESPOKE_SCHEDULE_QUANTITY);
  g_assert_cmpint (month->per, ==, BESPOKE_PER_MONTH);
  g_assert_cmpuint (month->quantity_hundredths, ==, 100);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = bespoke_schedule_serialize (all[i]);
      g_autoptr(BespokeSchedule) back = bespoke_schedule_parse (text, &error);

      g_assert_no_error (error);
      g_assert_true (bespoke_schedule_validate (all[i], NULL));
      g_assert_true (bespoke_schedule_equal (back, all[i]));
    }
}

/* A sleep-in chosen for Paul's plan costs a night at a time: his plan runs
 * 1 January to 31 December 2027, 365 nights × £90.00 = £32,850.00. */
static void
test_sleep_in_costs_nightly (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokeMenuModel) menu = bespoke_menu_model_new (store);
  g_autoptr(BespokeSupportLine) line = bespoke_support_line_new ();
  g_autoptr(BespokeLineCost) cost = NULL;
  g_autoptr(BespokeSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) paul = bespoke_store_find_person (store, "Paul Roberts", &error);
  g_autoptr(BespokePlan) plan = NULL;
  BespokeProduct *sleep_in = NULL;
  GDate start;

  g_assert_no_error (error);
  plan = bespoke_plans_find_current (store, uuid_of (paul), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_plan_get_period_start (plan), ==, "2027-01-01");
  g_assert_cmpstr (bespoke_plan_get_period_end (plan), ==, "2027-12-31");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (menu)); i++)
    {
      g_autoptr(BespokeProduct) p = g_list_model_get_item (G_LIST_MODEL (menu), i);

      if (g_strcmp0 (bespoke_product_get_name (p), "Sleep-in") == 0)
        g_set_object (&sleep_in, p);
    }
  g_assert_nonnull (sleep_in);
  g_assert_true (bespoke_date_parse (bespoke_plan_get_period_start (plan), &start, NULL));
  schedule = bespoke_product_default_schedule (sleep_in, g_date_get_julian (&start));
  bespoke_support_line_set_support_type (line, BESPOKE_SUPPORT_PAID);
  bespoke_support_line_set_product_uuid (line, bespoke_record_get_uuid (BESPOKE_RECORD (sleep_in)));
  bespoke_support_line_set_schedule (line, schedule);
  g_assert_true (bespoke_costing_cost_line (plan, paul, line, sleep_in, &cost, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cost->cost, ==, 3285000);
  g_object_unref (sleep_in);
}

/* Every menu as one list: the latest version of each product, its
 * provider, and a filter on folded words of the name and provider. */
static void
test_menu_model (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokeMenuModel) menu = bespoke_menu_model_new (store);
  g_autoptr(BespokeProduct) care = NULL;
  g_autoptr(BespokeProduct) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (menu));
  guint sleep_matches = 0, hillside_matches = 0;

  /* the example menu: 10 one-offs, 5 defined-term, 12 ongoing */
  g_assert_cmpuint (n, ==, 27);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (menu)) == BESPOKE_TYPE_PRODUCT);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BespokeProduct) p = g_list_model_get_item (G_LIST_MODEL (menu), i);

      sleep_matches += bespoke_menu_model_matches (menu, p, "SLEEP");
      hillside_matches += bespoke_menu_model_matches (menu, p, "hillside");
      if (g_strcmp0 (bespoke_product_get_name (p), "Personal care and support") == 0)
        care = g_object_ref (p);
    }
  g_assert_cmpuint (sleep_matches, ==, 1);
  g_assert_cmpuint (hillside_matches, ==, 27);
  g_assert_nonnull (care);
  g_assert_cmpstr (bespoke_menu_model_get_provider_name (menu, care), ==, "Hillside Support");
  g_assert_true (bespoke_menu_model_matches (menu, care, ""));
  g_assert_true (bespoke_menu_model_matches (menu, care, "care hill"));
  g_assert_false (bespoke_menu_model_matches (menu, care, "care night"));
  described = bespoke_menu_model_describe (menu, care);
  g_assert_cmpstr (described, ==, "Personal care and support, Hillside Support, £21.50 an hour");

  /* a new price is a new version: the list shows it in place of the old */
  next = bespoke_product_new_version (care, "2027-01-01");
  bespoke_product_set_unit_price (next, 2300);
  bespoke_product_set_name (next, "Persönal care");
  save_ok (store, next);
  g_assert_true (bespoke_menu_model_reload (menu, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (menu)), ==, 27);
  g_assert_true (bespoke_menu_model_matches (menu, next, "PERSONAL"));
  for (guint i = 0; i < 27; i++)
    {
      g_autoptr(BespokeProduct) p = g_list_model_get_item (G_LIST_MODEL (menu), i);

      g_assert_cmpstr (uuid_of (p), !=, uuid_of (care));
    }
}

static void
test_fold (void)
{
  g_autofree char *a = bespoke_fold ("ÉLODIE Martin");
  g_autofree char *b = bespoke_fold (NULL);

  g_assert_cmpstr (a, ==, "elodie martin");
  g_assert_cmpstr (b, ==, "");
  g_assert_true (bespoke_fold_matches (a, "Élo mar"));
  g_assert_false (bespoke_fold_matches (a, "elodie x"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/product/price-text", test_price_text);
  g_test_add_func ("/product/default-schedule", test_default_schedule);
  g_test_add_func ("/product/sleep-in-costs-nightly", test_sleep_in_costs_nightly);
  g_test_add_func ("/product/menu-model", test_menu_model);
  g_test_add_func ("/product/fold", test_fold);
  return g_test_run ();
}
