/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-test-record"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bespoke-core.h"
#include "bespoke-test-util.h"

/* ---- fixture: a store with one of each parent record ------------------- */

typedef struct
{
  BespokeStore    *store;
  char            *dir;     /* temp folder of a file database, or NULL */
  char            *path;
  BespokePerson   *person;
  BespokeProvider *provider;
  BespokeProduct  *product;
  BespokePlan     *plan;
  BespokeHome     *home;
} Fixture;

static BespokeStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  BespokeStore *store = bespoke_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (bespoke_store_get_read_only (store));
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data,
                gboolean       file)
{
  g_autoptr(GError) error = NULL;

  if (file)
    {
      f->dir = temp_dir ();
      g_assert_no_error (error);
      f->path = g_build_filename (f->dir, "bespoke.db", NULL);
    }
  else
    f->path = g_strdup (":memory:");
  f->store = open_store (f->path);

  f->person = bespoke_person_new ();
  bespoke_person_set_name (f->person, "Paul Smith");
  save_ok (f->store, f->person);

  f->provider = bespoke_provider_new ();
  bespoke_provider_set_name (f->provider, "Brightways Support");
  save_ok (f->store, f->provider);

  f->product = bespoke_product_new ();
  bespoke_product_set_provider_uuid (f->product, uuid_of (f->provider));
  bespoke_product_set_name (f->product, "Personal care and support");
  bespoke_product_set_unit_price (f->product, 2150);
  save_ok (f->store, f->product);

  f->plan = bespoke_plan_new ();
  bespoke_plan_set_person_uuid (f->plan, uuid_of (f->person));
  bespoke_plan_set_period_start (f->plan, "2026-04-01");
  bespoke_plan_set_period_end (f->plan, "2027-03-31");
  save_ok (f->store, f->plan);

  f->home = bespoke_home_new ();
  bespoke_home_set_name (f->home, "Oak House");
  bespoke_home_set_budget (f->home, 30000000);
  save_ok (f->store, f->home);
}

static void
fixture_set_up_memory (Fixture *f, gconstpointer data)
{
  fixture_set_up (f, data, FALSE);
}

static void
fixture_set_up_file (Fixture *f, gconstpointer data)
{
  fixture_set_up (f, data, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->person);
  g_clear_object (&f->provider);
  g_clear_object (&f->product);
  g_clear_object (&f->plan);
  g_clear_object (&f->home);
  g_assert_finalize_object (f->store);
  if (f->dir != NULL)
    remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

/* ---- one maker per record class ------------------------------------------
 *
 * make (f, i) returns a valid, unsaved record with every column set; i is
 * 0, 1 or 2 and sets the class's order column so that record i sorts i-th
 * among its siblings.  change () alters a column.  parent () names the
 * owning record, or NULL for a class without one. */

typedef struct
{
  const char     *name;
  GType         (*get_type) (void);
  BespokeRecord *(*make)    (Fixture *f, guint i);
  void          (*change)   (BespokeRecord *record);
  const char   *(*parent)   (Fixture *f);
} EntityCase;

static const char *parent_person (Fixture *f) { return uuid_of (f->person); }
static const char *parent_provider (Fixture *f) { return uuid_of (f->provider); }
static const char *parent_plan (Fixture *f) { return uuid_of (f->plan); }
static const char *parent_home (Fixture *f) { return uuid_of (f->home); }

static BespokeRecord *
make_person (Fixture *f, guint i)
{
  BespokePerson *p = bespoke_person_new ();
  g_autofree char *name = g_strdup_printf ("Zed %c Tester", 'A' + i);
  g_autofree char *dob = g_strdup_printf ("1990-05-0%u", i + 1);

  bespoke_person_set_name (p, name);
  bespoke_person_set_preferred_name (p, "Zed");
  bespoke_person_set_date_of_birth (p, dob);
  bespoke_person_set_notes (p, "Likes the garage tidy.\nSecond line; “quotes” and ’apostrophes’.");
  bespoke_person_set_is_staff (p, i == 1);
  bespoke_person_set_client_group (p, "learning disability");
  bespoke_person_set_postcode (p, "LA22 9AB");
  bespoke_person_set_nation (p, BESPOKE_NATION_SCOTLAND);
  return BESPOKE_RECORD (p);
}

static void
change_person (BespokeRecord *r)
{
  bespoke_person_set_notes (BESPOKE_PERSON (r), NULL);
  bespoke_person_set_archived (BESPOKE_PERSON (r), TRUE);
}

static BespokeRecord *
make_circle_member (Fixture *f, guint i)
{
  BespokeCircleMember *m = bespoke_circle_member_new ();
  g_autofree char *name = g_strdup_printf ("Friend %c", 'C' - i);  /* names sort the other way */

  bespoke_circle_member_set_person_uuid (m, uuid_of (f->person));
  bespoke_circle_member_set_name (m, name);
  bespoke_circle_member_set_relationship (m, "cousin");
  bespoke_circle_member_set_ring (m, BESPOKE_RING_PAID);
  bespoke_circle_member_set_contact (m, "07700 900123");
  bespoke_circle_member_set_position (m, i * 10);
  return BESPOKE_RECORD (m);
}

static void
change_circle_member (BespokeRecord *r)
{
  bespoke_circle_member_set_ring (BESPOKE_CIRCLE_MEMBER (r), BESPOKE_RING_INTIMATE);
}

static BespokeRecord *
make_statement (Fixture *f, guint i)
{
  BespokeStatement *s = bespoke_statement_new ();
  g_autofree char *text = g_strdup_printf ("Statement %u: I like my garage clean and tidy.", i);

  bespoke_statement_set_person_uuid (s, uuid_of (f->person));
  bespoke_statement_set_section (s, BESPOKE_SECTION_IMPORTANT);
  bespoke_statement_set_position (s, i);
  bespoke_statement_set_text (s, text);
  return BESPOKE_RECORD (s);
}

static void
change_statement (BespokeRecord *r)
{
  bespoke_statement_set_text (BESPOKE_STATEMENT (r), "Changed: I like camping.");
  bespoke_statement_set_section (BESPOKE_STATEMENT (r), BESPOKE_SECTION_SUPPORT);
}

static BespokeRecord *
make_provider (Fixture *f, guint i)
{
  BespokeProvider *p = bespoke_provider_new ();
  g_autofree char *name = g_strdup_printf ("Zenith Care %c", 'A' + i);

  bespoke_provider_set_name (p, name);
  bespoke_provider_set_contact (p, "0161 496 0000");
  bespoke_provider_set_notes (p, "Menu 2027");
  return BESPOKE_RECORD (p);
}

static void
change_provider (BespokeRecord *r)
{
  bespoke_provider_set_contact (BESPOKE_PROVIDER (r), "hello@example.org");
}

static BespokeRecord *
make_product (Fixture *f, guint i)
{
  BespokeProduct *p = bespoke_product_new ();
  g_autofree char *name = g_strdup_printf ("Job finding %c", 'A' + i);
  g_autofree char *series = g_uuid_string_random ();

  bespoke_product_set_provider_uuid (p, uuid_of (f->provider));
  bespoke_product_set_series_uuid (p, series);
  bespoke_product_set_version (p, 2);
  bespoke_product_set_valid_from (p, "2027-01-01");
  bespoke_product_set_kind (p, BESPOKE_PRODUCT_ONE_OFF);
  bespoke_product_set_name (p, name);
  bespoke_product_set_description (p, "Find a job he keeps for six months");
  bespoke_product_set_unit (p, BESPOKE_UNIT_EACH);
  bespoke_product_set_unit_price (p, 300000);
  bespoke_product_set_default_term_weeks (p, 26);
  bespoke_product_set_default_outcome (p, "A job kept for six months");
  bespoke_product_set_outcome_based (p, TRUE);
  bespoke_product_set_rate_weekday_day (p, 2150);
  bespoke_product_set_rate_weekday_evening (p, 2300);
  bespoke_product_set_rate_night (p, 2500);
  bespoke_product_set_rate_saturday (p, 2600);
  bespoke_product_set_rate_sunday (p, 2700);
  bespoke_product_set_rate_bank_holiday (p, 3225);
  bespoke_product_set_disturbance_rate (p, 1800);
  bespoke_product_set_premium_client_group (p, "autism");
  bespoke_product_set_premium_postcode_areas (p, "LA,CA");
  bespoke_product_set_premium_percent_bp (p, 750);
  bespoke_product_set_premium_per_unit (p, 125);
  return BESPOKE_RECORD (p);
}

static void
change_product (BespokeRecord *r)
{
  bespoke_product_set_unit_price (BESPOKE_PRODUCT (r), 350000);
}

static BespokeRecord *
make_plan (Fixture *f, guint i)
{
  BespokePlan *p = bespoke_plan_new ();
  g_autofree char *start = g_strdup_printf ("2027-0%u-01", i + 1);

  bespoke_plan_set_person_uuid (p, uuid_of (f->person));
  bespoke_plan_set_period_start (p, start);
  bespoke_plan_set_period_end (p, "2027-12-31");
  bespoke_plan_set_review_date (p, "2027-10-01");
  bespoke_plan_set_status (p, BESPOKE_PLAN_AGREED);
  bespoke_plan_set_staff_preferences (p, "His cousin Danny, at the family’s insistence");
  bespoke_plan_set_annualisation (p, BESPOKE_ANNUALISATION_52_WEEKS);
  bespoke_plan_set_discount_bp (p, 250);
  return BESPOKE_RECORD (p);
}

static void
change_plan (BespokeRecord *r)
{
  bespoke_plan_set_status (BESPOKE_PLAN (r), BESPOKE_PLAN_ENDED);
  bespoke_plan_set_review_date (BESPOKE_PLAN (r), NULL);
}

static BespokeRecord *
make_outcome (Fixture *f, guint i)
{
  BespokeOutcome *o = bespoke_outcome_new ();

  bespoke_outcome_set_plan_uuid (o, uuid_of (f->plan));
  bespoke_outcome_set_position (o, i + 1);
  bespoke_outcome_set_statement (o, "Get a job and keep it for six months");
  bespoke_outcome_set_measure (o, "In work on 1 July 2027");
  bespoke_outcome_set_target_date (o, "2027-07-01");
  return BESPOKE_RECORD (o);
}

static void
change_outcome (BespokeRecord *r)
{
  bespoke_outcome_set_measure (BESPOKE_OUTCOME (r), "Payslips for six months");
}

static BespokeSchedule *
mornings (void)
{
  BespokeSchedule *s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);

  s->weekdays = BESPOKE_WEEKDAYS_MON_FRI;
  s->start_minute = 7 * 60 + 30;
  s->duration_minutes = 120;
  return s;
}

static BespokeRecord *
make_support_line (Fixture *f, guint i)
{
  BespokeSupportLine *l = bespoke_support_line_new ();
  g_autoptr(BespokeSchedule) schedule = mornings ();
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 25, G_DATE_DECEMBER, 2026);
  bespoke_schedule_exclude (schedule, g_date_get_julian (&d));

  bespoke_support_line_set_plan_uuid (l, uuid_of (f->plan));
  bespoke_support_line_set_position (l, i);
  bespoke_support_line_set_description (l, "Support in the mornings while his mum is at work");
  bespoke_support_line_set_support_type (l, BESPOKE_SUPPORT_PAID);
  bespoke_support_line_set_product_uuid (l, uuid_of (f->product));
  bespoke_support_line_set_provider_uuid (l, uuid_of (f->provider));
  bespoke_support_line_set_worker (l, "Danny Price");
  bespoke_support_line_set_quantity (l, 2);
  bespoke_support_line_set_schedule (l, schedule);
  bespoke_support_line_set_funding (l, BESPOKE_FUNDING_ISF);
  bespoke_support_line_set_share_ratio (l, 3);
  bespoke_support_line_set_discount_bp (l, 1000);
  bespoke_support_line_set_free_units (l, 4);
  bespoke_support_line_set_disturbance_minutes (l, 30);
  return BESPOKE_RECORD (l);
}

static void
change_support_line (BespokeRecord *r)
{
  g_autoptr(BespokeSchedule) s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 8, G_DATE_JANUARY, 2027);
  s->weekdays = BESPOKE_WEEKDAY_BIT (G_DATE_FRIDAY);
  s->start_minute = 18 * 60;
  s->duration_minutes = 48 * 60;
  s->every_weeks = 4;
  s->anchor = g_date_get_julian (&d);
  bespoke_support_line_set_schedule (BESPOKE_SUPPORT_LINE (r), s);
  bespoke_support_line_set_free_units (BESPOKE_SUPPORT_LINE (r), 2);
}

static BespokeRecord *
make_risk (Fixture *f, guint i)
{
  BespokeRisk *r = bespoke_risk_new ();

  bespoke_risk_set_plan_uuid (r, uuid_of (f->plan));
  bespoke_risk_set_position (r, i);
  bespoke_risk_set_description (r, "His mum’s shifts change at short notice");
  bespoke_risk_set_likelihood (r, BESPOKE_LEVEL_HIGH);
  bespoke_risk_set_impact (r, BESPOKE_LEVEL_LOW);
  bespoke_risk_set_contingency (r, "On-call worker covers the morning");
  return BESPOKE_RECORD (r);
}

static void
change_risk (BespokeRecord *r)
{
  bespoke_risk_set_likelihood (BESPOKE_RISK (r), BESPOKE_LEVEL_MEDIUM);
}

/* Budgets are ordered by their source's stored name:
 * "direct-payment" < "individual-budget" < "isf". */
static BespokeRecord *
make_budget (Fixture *f, guint i)
{
  const BespokeFunding sources[] = {
    BESPOKE_FUNDING_DIRECT_PAYMENT, BESPOKE_FUNDING_INDIVIDUAL_BUDGET, BESPOKE_FUNDING_ISF,
  };
  BespokeBudget *b = bespoke_budget_new ();

  bespoke_budget_set_plan_uuid (b, uuid_of (f->plan));
  bespoke_budget_set_amount (b, 3400000);
  bespoke_budget_set_source (b, sources[i]);
  return BESPOKE_RECORD (b);
}

static void
change_budget (BespokeRecord *r)
{
  bespoke_budget_set_amount (BESPOKE_BUDGET (r), 2200000);
}

static BespokeRecord *
make_home (Fixture *f, guint i)
{
  BespokeHome *h = bespoke_home_new ();
  g_autofree char *name = g_strdup_printf ("Willow House %c", 'A' + i);

  bespoke_home_set_name (h, name);
  bespoke_home_set_budget (h, 30000000);
  bespoke_home_set_core_support (h, 18000000);
  bespoke_home_set_shared_costs (h, 6000000);
  bespoke_home_set_split (h, BESPOKE_SPLIT_WEIGHTS);
  return BESPOKE_RECORD (h);
}

static void
change_home (BespokeRecord *r)
{
  bespoke_home_set_shared_costs (BESPOKE_HOME (r), 6100000);
}

/* Each resident is a different person: a home holds a person once. */
static BespokeRecord *
make_home_resident (Fixture *f, guint i)
{
  BespokeHomeResident *r = bespoke_home_resident_new ();
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autofree char *name = g_strdup_printf ("Resident %c", 'A' + i);
  const gint64 allocations[] = { 4200000, 4500000, 5000000 };

  bespoke_person_set_name (person, name);
  save_ok (f->store, person);

  bespoke_home_resident_set_home_uuid (r, uuid_of (f->home));
  bespoke_home_resident_set_person_uuid (r, uuid_of (person));
  bespoke_home_resident_set_allocation (r, allocations[i]);
  bespoke_home_resident_set_weight (r, 3 - i);
  return BESPOKE_RECORD (r);
}

static void
change_home_resident (BespokeRecord *r)
{
  bespoke_home_resident_set_allocation (BESPOKE_HOME_RESIDENT (r), 4000000);  /* still the smallest */
}

/* A refund, dated: adjustments sort by date. */
static BespokeRecord *
make_adjustment (Fixture *f, guint i)
{
  BespokeAdjustment *a = bespoke_adjustment_new ();
  g_autofree char *date = g_strdup_printf ("2027-0%u-15", i + 2);

  bespoke_adjustment_set_plan_uuid (a, uuid_of (f->plan));
  if (i == 1)
    {
      g_autoptr(BespokeRecord) line = make_support_line (f, 0);
      save_ok (f->store, line);
      bespoke_adjustment_set_line_uuid (a, uuid_of (line));
    }
  bespoke_adjustment_set_date (a, date);
  bespoke_adjustment_set_amount (a, -2500);
  bespoke_adjustment_set_description (a, "Refund: a visit the worker missed");
  return BESPOKE_RECORD (a);
}

static void
change_adjustment (BespokeRecord *r)
{
  bespoke_adjustment_set_amount (BESPOKE_ADJUSTMENT (r), -4300);
}

static const EntityCase entities[] = {
  { "person", bespoke_person_get_type, make_person, change_person, NULL },
  { "circle-member", bespoke_circle_member_get_type, make_circle_member, change_circle_member, parent_person },
  { "statement", bespoke_statement_get_type, make_statement, change_statement, parent_person },
  { "provider", bespoke_provider_get_type, make_provider, change_provider, NULL },
  { "product", bespoke_product_get_type, make_product, change_product, parent_provider },
  { "plan", bespoke_plan_get_type, make_plan, change_plan, parent_person },
  { "outcome", bespoke_outcome_get_type, make_outcome, change_outcome, parent_plan },
  { "support-line", bespoke_support_line_get_type, make_support_line, change_support_line, parent_plan },
  { "risk", bespoke_risk_get_type, make_risk, change_risk, parent_plan },
  { "budget", bespoke_budget_get_type, make_budget, change_budget, parent_plan },
  { "home", bespoke_home_get_type, make_home, change_home, NULL },
  { "home-resident", bespoke_home_resident_get_type, make_home_resident, change_home_resident, parent_home },
  { "adjustment", bespoke_adjustment_get_type, make_adjustment, change_adjustment, parent_plan },
};

/* ---- CRUD ------------------------------------------------------------- */

static gpointer
load_ok (BespokeStore *store,
         GType         type,
         const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  gpointer record = bespoke_store_load (store, type, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (record, type));
  return record;
}

static void
assert_not_found (BespokeStore *store,
                  GType         type,
                  const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  gpointer record = bespoke_store_load (store, type, uuid, &error);

  g_assert_null (record);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND);
}

static gint64
count_ok (BespokeStore *store,
          GType         type)
{
  g_autoptr(GError) error = NULL;
  gint64 n = bespoke_store_count (store, type, &error);

  g_assert_no_error (error);
  g_assert_cmpint (n, >=, 0);
  return n;
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  const EntityCase *c = data;
  GType type = c->get_type ();
  BespokeRecordClass *klass = g_type_class_ref (type);
  const char *parent = c->parent ? c->parent (f) : NULL;
  g_autoptr(BespokeRecord) before_change = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  BespokeRecord *records[3] = { NULL, };
  gint64 n_before = count_ok (f->store, type);
  guint next = 0;

  /* create, out of order */
  for (int i = 2; i >= 0; i--)
    {
      records[i] = c->make (f, (guint) i);
      g_assert_cmpint (bespoke_record_get_modified_at (records[i]), ==, 0);
      save_ok (f->store, records[i]);
      g_assert_cmpint (bespoke_record_get_modified_at (records[i]), >, 0);
    }
  g_assert_cmpint (count_ok (f->store, type), ==, n_before + 3);

  /* read: every column comes back as it went in */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BespokeRecord) loaded = load_ok (f->store, type, uuid_of (records[i]));

      g_assert_true (bespoke_record_equal (records[i], loaded));
      g_assert_cmpint (bespoke_record_get_modified_at (loaded), ==, bespoke_record_get_modified_at (records[i]));
    }

  /* update */
  before_change = bespoke_record_copy (records[0]);
  c->change (records[0]);
  g_assert_false (bespoke_record_equal (records[0], before_change));
  save_ok (f->store, records[0]);
  g_assert_cmpint (bespoke_record_get_modified_at (records[0]), >, bespoke_record_get_modified_at (before_change));
  {
    g_autoptr(BespokeRecord) loaded = load_ok (f->store, type, uuid_of (records[0]));

    g_assert_true (bespoke_record_equal (records[0], loaded));
    g_assert_false (bespoke_record_equal (before_change, loaded));
  }
  g_assert_cmpint (count_ok (f->store, type), ==, n_before + 3);

  /* list by parent (or all), in the class's order */
  listed = bespoke_store_list (f->store, type, parent, &error);
  g_assert_no_error (error);
  g_assert_nonnull (listed);
  if (parent == NULL)
    g_assert_cmpint (listed->len, ==, n_before + 3);
  for (guint i = 0; i < listed->len; i++)
    {
      BespokeRecord *r = g_ptr_array_index (listed, i);

      if (parent != NULL)
        {
          g_autofree char *owner = NULL;
          g_object_get (r, klass->parent_property, &owner, NULL);
          g_assert_cmpstr (owner, ==, parent);
        }
      for (guint k = 0; k < 3; k++)
        if (g_str_equal (uuid_of (r), uuid_of (records[k])))
          {
            /* ours come in the order 0, 1, 2 */
            g_assert_cmpuint (k, ==, next);
            g_assert_true (bespoke_record_equal (r, records[k]));
            next++;
          }
    }
  g_assert_cmpuint (next, ==, 3);

  /* a file database keeps it all when it is closed and opened again */
  if (f->dir != NULL)
    {
      g_assert_finalize_object (f->store);
      f->store = open_store (f->path);
      for (guint i = 0; i < 3; i++)
        {
          g_autoptr(BespokeRecord) loaded = load_ok (f->store, type, uuid_of (records[i]));
          g_assert_true (bespoke_record_equal (records[i], loaded));
        }
    }

  /* delete */
  g_assert_true (bespoke_store_delete (f->store, records[1], &error));
  g_assert_no_error (error);
  assert_not_found (f->store, type, uuid_of (records[1]));
  g_assert_cmpint (count_ok (f->store, type), ==, n_before + 2);
  {
    g_autoptr(BespokeRecord) still = load_ok (f->store, type, uuid_of (records[2]));
    g_assert_true (bespoke_record_equal (still, records[2]));
  }

  for (guint i = 0; i < 3; i++)
    g_object_unref (records[i]);
  g_type_class_unref (klass);
}

/* ---- validation --------------------------------------------------------- */

typedef void (*Breaker) (Fixture *f, BespokeRecord **record);

/* Saving @record must fail with @code, naming the problem with @reason,
 * and store nothing. */
static void
assert_refused_with (Fixture       *f,
                     BespokeRecord *record,
                     BespokeError   code,
                     const char    *reason)
{
  g_autoptr(GError) error = NULL;
  GType type = G_OBJECT_TYPE (record);
  gint64 n = count_ok (f->store, type);

  g_assert_false (bespoke_store_save (f->store, record, &error));
  g_assert_error (error, BESPOKE_ERROR, code);
  g_test_message ("%s: %s", G_OBJECT_TYPE_NAME (record), error->message);
  if (reason != NULL)
    g_assert_nonnull (strstr (error->message, reason));
  g_assert_cmpint (count_ok (f->store, type), ==, n);
  g_assert_cmpint (bespoke_record_get_modified_at (record), ==, 0);
  assert_not_found (f->store, type, uuid_of (record));
}

static void
assert_refused (Fixture       *f,
                BespokeRecord *record,
                const char    *reason)
{
  assert_refused_with (f, record, BESPOKE_ERROR_INVALID, reason);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  BespokeRecord *r;

  r = make_person (f, 0);
  bespoke_person_set_name (BESPOKE_PERSON (r), "");
  assert_refused (f, r, "name is empty");
  bespoke_person_set_name (BESPOKE_PERSON (r), "   \t");
  assert_refused (f, r, "name is empty");
  bespoke_person_set_name (BESPOKE_PERSON (r), NULL);
  assert_refused (f, r, "name is empty");
  bespoke_person_set_name (BESPOKE_PERSON (r), "Pa\xffl");
  assert_refused (f, r, "cannot read");
  bespoke_person_set_name (BESPOKE_PERSON (r), "Paul Jones");
  bespoke_person_set_date_of_birth (BESPOKE_PERSON (r), "2027-02-29");
  assert_refused (f, r, "2027-02-29");
  bespoke_person_set_date_of_birth (BESPOKE_PERSON (r), "31/01/1990");
  assert_refused (f, r, "date of birth");
  g_object_unref (r);

  r = make_plan (f, 0);
  bespoke_plan_set_period_start (BESPOKE_PLAN (r), "2027-04-01");
  bespoke_plan_set_period_end (BESPOKE_PLAN (r), "2027-03-31");
  assert_refused (f, r, "is before");
  bespoke_plan_set_period_end (BESPOKE_PLAN (r), NULL);
  assert_refused (f, r, "end date");
  bespoke_plan_set_period_end (BESPOKE_PLAN (r), "2028-03-31");
  bespoke_plan_set_review_date (BESPOKE_PLAN (r), "2027-09-31");
  assert_refused (f, r, "review date");
  bespoke_plan_set_review_date (BESPOKE_PLAN (r), NULL);
  bespoke_plan_set_person_uuid (BESPOKE_PLAN (r), NULL);
  assert_refused (f, r, "person");
  g_object_unref (r);

  r = make_product (f, 0);
  bespoke_product_set_unit_price (BESPOKE_PRODUCT (r), -1);
  assert_refused (f, r, "negative");
  bespoke_product_set_unit_price (BESPOKE_PRODUCT (r), 300000);
  bespoke_product_set_kind (BESPOKE_PRODUCT (r), BESPOKE_PRODUCT_DEFINED_TERM);
  assert_refused (f, r, "outcome-based");
  bespoke_product_set_kind (BESPOKE_PRODUCT (r), BESPOKE_PRODUCT_ONGOING);
  assert_refused (f, r, "outcome-based");
  bespoke_product_set_kind (BESPOKE_PRODUCT (r), BESPOKE_PRODUCT_ONE_OFF);
  bespoke_product_set_version (BESPOKE_PRODUCT (r), 0);
  assert_refused (f, r, "version");
  bespoke_product_set_version (BESPOKE_PRODUCT (r), 1);
  bespoke_product_set_name (BESPOKE_PRODUCT (r), " ");
  assert_refused (f, r, "name");
  bespoke_product_set_name (BESPOKE_PRODUCT (r), "Job finding");
  bespoke_product_set_valid_from (BESPOKE_PRODUCT (r), "next year");
  assert_refused (f, r, "next year");
  g_object_unref (r);

  r = make_support_line (f, 0);
  bespoke_support_line_set_product_uuid (BESPOKE_SUPPORT_LINE (r), NULL);
  assert_refused (f, r, "needs a product");
  bespoke_support_line_set_product_uuid (BESPOKE_SUPPORT_LINE (r), "");
  assert_refused (f, r, "needs a product");
  bespoke_support_line_set_product_uuid (BESPOKE_SUPPORT_LINE (r), uuid_of (f->product));
  bespoke_support_line_set_support_type (BESPOKE_SUPPORT_LINE (r), BESPOKE_SUPPORT_FAMILY);
  assert_refused (f, r, "Unpaid support is not bought from a menu");
  bespoke_support_line_set_support_type (BESPOKE_SUPPORT_LINE (r), BESPOKE_SUPPORT_PAID);
  bespoke_support_line_set_discount_bp (BESPOKE_SUPPORT_LINE (r), 10001);
  assert_refused (f, r, "more than 100%");
  bespoke_support_line_set_discount_bp (BESPOKE_SUPPORT_LINE (r), 0);
  bespoke_support_line_set_quantity (BESPOKE_SUPPORT_LINE (r), 0);
  assert_refused (f, r, "quantity is zero");
  bespoke_support_line_set_quantity (BESPOKE_SUPPORT_LINE (r), 1);
  {
    g_autoptr(BespokeSchedule) s = mornings ();
    s->duration_minutes = 0;
    bespoke_support_line_set_schedule (BESPOKE_SUPPORT_LINE (r), s);
    assert_refused (f, r, "duration is zero");
  }
  g_object_unref (r);

  r = make_circle_member (f, 0);
  bespoke_circle_member_set_name (BESPOKE_CIRCLE_MEMBER (r), "");
  assert_refused (f, r, "circle");
  g_object_unref (r);

  r = make_statement (f, 0);
  bespoke_statement_set_text (BESPOKE_STATEMENT (r), "  \n ");
  assert_refused (f, r, "statement is empty");
  g_object_unref (r);

  r = make_outcome (f, 0);
  bespoke_outcome_set_target_date (BESPOKE_OUTCOME (r), "2027-13-01");
  assert_refused (f, r, "target date");
  g_object_unref (r);

  r = make_risk (f, 0);
  bespoke_risk_set_description (BESPOKE_RISK (r), NULL);
  assert_refused (f, r, "risk is empty");
  g_object_unref (r);

  r = make_budget (f, 0);
  bespoke_budget_set_amount (BESPOKE_BUDGET (r), -3400000);
  assert_refused (f, r, "negative");
  g_object_unref (r);

  r = make_home (f, 0);
  bespoke_home_set_shared_costs (BESPOKE_HOME (r), -1);
  assert_refused (f, r, "negative");
  g_object_unref (r);

  r = make_home_resident (f, 0);
  bespoke_home_resident_set_allocation (BESPOKE_HOME_RESIDENT (r), -5000000);
  assert_refused (f, r, "negative");
  g_object_unref (r);

  r = make_provider (f, 0);
  bespoke_provider_set_name (BESPOKE_PROVIDER (r), "");
  assert_refused (f, r, "name is empty");
  g_object_unref (r);

  r = make_adjustment (f, 0);
  bespoke_adjustment_set_amount (BESPOKE_ADJUSTMENT (r), 2500);
  assert_refused (f, r, "negative amount");
  bespoke_adjustment_set_amount (BESPOKE_ADJUSTMENT (r), -2500);
  bespoke_adjustment_set_date (BESPOKE_ADJUSTMENT (r), NULL);
  assert_refused (f, r, "date");
  g_object_unref (r);
}

/* ---- foreign keys --------------------------------------------------------- */

static void
test_foreign_keys (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nobody = g_uuid_string_random ();
  BespokeRecord *r;

  /* a statement for a person who does not exist */
  r = make_statement (f, 0);
  bespoke_statement_set_person_uuid (BESPOKE_STATEMENT (r), nobody);
  assert_refused_with (f, r, BESPOKE_ERROR_MISSING_REFERENCE, "refers to a person, plan, product or provider that is not in this database");
  g_object_unref (r);

  r = make_product (f, 0);
  bespoke_product_set_provider_uuid (BESPOKE_PRODUCT (r), nobody);
  assert_refused_with (f, r, BESPOKE_ERROR_MISSING_REFERENCE, "refers to a person, plan, product or provider that is not in this database");
  g_object_unref (r);

  r = make_support_line (f, 0);
  bespoke_support_line_set_product_uuid (BESPOKE_SUPPORT_LINE (r), nobody);
  assert_refused_with (f, r, BESPOKE_ERROR_MISSING_REFERENCE, "refers to a person, plan, product or provider that is not in this database");
  g_object_unref (r);

  r = make_home_resident (f, 0);
  bespoke_home_resident_set_person_uuid (BESPOKE_HOME_RESIDENT (r), nobody);
  assert_refused_with (f, r, BESPOKE_ERROR_MISSING_REFERENCE, "refers to a person, plan, product or provider that is not in this database");
  g_object_unref (r);

  /* a provider whose products are on the menu cannot go */
  g_assert_false (bespoke_store_delete (f->store, f->provider, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_unref (load_ok (f->store, BESPOKE_TYPE_PROVIDER, uuid_of (f->provider)));

  /* deleting a person deletes what belongs to them */
  {
    g_autoptr(BespokeRecord) s = make_statement (f, 0);
    g_autoptr(BespokeRecord) o = make_outcome (f, 0);

    save_ok (f->store, s);
    save_ok (f->store, o);
    g_assert_true (bespoke_store_delete (f->store, f->person, &error));
    g_assert_no_error (error);
    assert_not_found (f->store, BESPOKE_TYPE_STATEMENT, uuid_of (s));
    assert_not_found (f->store, BESPOKE_TYPE_PLAN, uuid_of (f->plan));
    assert_not_found (f->store, BESPOKE_TYPE_OUTCOME, uuid_of (o));
  }
}

/* ---- the changed signal ------------------------------------------------- */

typedef struct
{
  GPtrArray *uuids;
  GArray    *types;
  sqlite3   *reader;   /* a second connection: sees only committed data */
  guint      visible;  /* how many notified records the reader could see */
} Changes;

static void
changed_cb (BespokeStore *store,
            GType         type,
            const char   *uuid,
            Changes      *changes)
{
  g_ptr_array_add (changes->uuids, g_strdup (uuid));
  g_array_append_val (changes->types, type);

  if (changes->reader != NULL && type == BESPOKE_TYPE_PERSON)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (changes->reader, "SELECT count(*) FROM people WHERE uuid = ?",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      changes->visible += sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
    }
}

static BespokePerson *
person_named (const char *name)
{
  BespokePerson *p = bespoke_person_new ();
  bespoke_person_set_name (p, name);
  return p;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) a = person_named ("Anne");
  g_autoptr(BespokePerson) b = person_named ("Bert");
  g_autoptr(BespokePerson) c = person_named ("Cath");
  g_autoptr(BespokePerson) d = person_named ("Dev");
  g_autoptr(BespokeRecord) bad = make_statement (f, 0);
  g_autofree char *nobody = g_uuid_string_random ();
  Changes changes = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (GType)), NULL, 0 };
  gulong id;

  g_assert_nonnull (f->dir);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &changes.reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  id = g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &changes);

  /* a save on its own commits at once, then tells */
  save_ok (f->store, a);
  g_assert_cmpuint (changes.uuids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes.uuids, 0), ==, uuid_of (a));
  g_assert_true (g_array_index (changes.types, GType, 0) == BESPOKE_TYPE_PERSON);
  g_assert_cmpuint (changes.visible, ==, 1);

  /* in a transaction: nothing until the commit, then each in order */
  g_assert_true (bespoke_store_begin (f->store, &error));
  save_ok (f->store, b);
  save_ok (f->store, c);
  g_assert_cmpuint (changes.uuids->len, ==, 1);
  g_assert_true (bespoke_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.uuids->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (changes.uuids, 1), ==, uuid_of (b));
  g_assert_cmpstr (g_ptr_array_index (changes.uuids, 2), ==, uuid_of (c));
  g_assert_cmpuint (changes.visible, ==, 3);

  /* rolled back: never told, never stored, and not told later either */
  g_assert_true (bespoke_store_begin (f->store, &error));
  save_ok (f->store, d);
  bespoke_store_rollback (f->store);
  g_assert_cmpuint (changes.uuids->len, ==, 3);
  assert_not_found (f->store, BESPOKE_TYPE_PERSON, uuid_of (d));
  g_assert_true (bespoke_store_begin (f->store, &error));
  g_assert_true (bespoke_store_commit (f->store, &error));
  g_assert_cmpuint (changes.uuids->len, ==, 3);

  /* a refused save tells nothing */
  bespoke_statement_set_person_uuid (BESPOKE_STATEMENT (bad), nobody);
  g_assert_false (bespoke_store_save (f->store, bad, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_MISSING_REFERENCE);
  g_clear_error (&error);
  g_assert_cmpuint (changes.uuids->len, ==, 3);

  /* a delete tells */
  g_assert_true (bespoke_store_delete (f->store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.uuids->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (changes.uuids, 3), ==, uuid_of (a));

  g_signal_handler_disconnect (f->store, id);
  sqlite3_close (changes.reader);
  g_ptr_array_unref (changes.uuids);
  g_array_unref (changes.types);
}

/* A save refused inside a caller's transaction undoes only itself: what the
 * transaction saved before it is still committed, and the caller's commit
 * still balances its begin. */
static void
test_failed_save_in_transaction (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) a = person_named ("Anne");
  g_autoptr(BespokePerson) b = person_named ("Bert");
  g_autoptr(BespokeRecord) bad = make_statement (f, 0);
  g_autofree char *nobody = g_uuid_string_random ();
  Changes changes = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (GType)), NULL, 0 };
  gulong id = g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &changes);
  gint64 n_statements = count_ok (f->store, BESPOKE_TYPE_STATEMENT);

  bespoke_statement_set_person_uuid (BESPOKE_STATEMENT (bad), nobody);

  g_assert_true (bespoke_store_begin (f->store, &error));
  save_ok (f->store, a);
  g_assert_false (bespoke_store_save (f->store, bad, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_MISSING_REFERENCE);
  g_clear_error (&error);
  save_ok (f->store, b);
  g_assert_true (bespoke_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_object_unref (load_ok (f->store, BESPOKE_TYPE_PERSON, uuid_of (a)));
  g_object_unref (load_ok (f->store, BESPOKE_TYPE_PERSON, uuid_of (b)));
  g_assert_cmpint (count_ok (f->store, BESPOKE_TYPE_STATEMENT), ==, n_statements);
  g_assert_cmpuint (changes.uuids->len, ==, 2);

  /* and the store is not left inside a transaction */
  g_assert_true (bespoke_store_begin (f->store, &error));
  bespoke_store_rollback (f->store);
  g_object_unref (load_ok (f->store, BESPOKE_TYPE_PERSON, uuid_of (a)));

  g_signal_handler_disconnect (f->store, id);
  g_ptr_array_unref (changes.uuids);
  g_array_unref (changes.types);
}

/* ---- records without a store ---------------------------------------------- */

static void
notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_record_basics (void)
{
  g_autoptr(BespokePerson) a = person_named ("Paul Smith");
  g_autoptr(BespokePerson) other = person_named ("Paul Smith");
  g_autoptr(BespokeRecord) copy = NULL;
  g_autoptr(BespokeSupportLine) line = bespoke_support_line_new ();
  g_autoptr(BespokeSupportLine) line_copy = NULL;
  g_autoptr(BespokeSchedule) s = mornings ();
  guint notifies = 0;

  /* every record has its own UUID */
  g_assert_true (g_uuid_string_is_valid (uuid_of (a)));
  g_assert_cmpstr (uuid_of (a), !=, uuid_of (other));
  g_assert_false (bespoke_record_equal (BESPOKE_RECORD (a), BESPOKE_RECORD (other)));

  /* a copy is equal; the modification time does not count */
  copy = bespoke_record_copy (BESPOKE_RECORD (a));
  g_assert_true (bespoke_record_equal (BESPOKE_RECORD (a), copy));
  bespoke_record_set_modified_at (copy, 42);
  g_assert_true (bespoke_record_equal (BESPOKE_RECORD (a), copy));
  bespoke_person_set_notes (BESPOKE_PERSON (copy), "");
  g_assert_false (bespoke_record_equal (BESPOKE_RECORD (a), copy));

  /* notify only on a real change */
  g_signal_connect (a, "notify::name", G_CALLBACK (notify_cb), &notifies);
  bespoke_person_set_name (a, "Paul Smith");
  g_assert_cmpuint (notifies, ==, 0);
  bespoke_person_set_name (a, "Paul Jones");
  g_assert_cmpuint (notifies, ==, 1);
  g_object_set (a, "name", "Paul Jones", NULL);
  g_assert_cmpuint (notifies, ==, 1);
  g_object_set (a, "name", "Paul", NULL);
  g_assert_cmpuint (notifies, ==, 2);

  /* a schedule is held by value */
  bespoke_support_line_set_schedule (line, s);
  g_assert_true (bespoke_support_line_get_schedule (line) != s);
  g_assert_true (bespoke_schedule_equal (bespoke_support_line_get_schedule (line), s));
  line_copy = BESPOKE_SUPPORT_LINE (bespoke_record_copy (BESPOKE_RECORD (line)));
  g_assert_true (bespoke_record_equal (BESPOKE_RECORD (line), BESPOKE_RECORD (line_copy)));
  s->duration_minutes = 60;
  g_assert_false (bespoke_schedule_equal (bespoke_support_line_get_schedule (line), s));
  bespoke_support_line_set_schedule (line_copy, s);
  g_assert_false (bespoke_record_equal (BESPOKE_RECORD (line), BESPOKE_RECORD (line_copy)));

  g_assert_finalize_object (g_steal_pointer (&line_copy));
  g_assert_finalize_object (g_steal_pointer (&copy));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *memory = g_strdup_printf ("/record/crud/memory/%s", entities[i].name);
      g_autofree char *file = g_strdup_printf ("/record/crud/file/%s", entities[i].name);

      g_test_add (memory, Fixture, &entities[i], fixture_set_up_memory, test_crud, fixture_tear_down);
      g_test_add (file, Fixture, &entities[i], fixture_set_up_file, test_crud, fixture_tear_down);
    }
  g_test_add ("/record/validation", Fixture, NULL, fixture_set_up_memory, test_validation, fixture_tear_down);
  g_test_add ("/record/foreign-keys", Fixture, NULL, fixture_set_up_memory, test_foreign_keys, fixture_tear_down);
  g_test_add ("/record/changed-signal", Fixture, NULL, fixture_set_up_file, test_changed_signal, fixture_tear_down);
  g_test_add ("/record/failed-save-in-transaction", Fixture, NULL, fixture_set_up_memory,
              test_failed_save_in_transaction, fixture_tear_down);
  g_test_add_func ("/record/basics", test_record_basics);

  return g_test_run ();
}
