/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a record is named in an undo label (#14): the person by their
 * preferred or first name, the item by its text's head, cut at a word. */
#define G_LOG_DOMAIN "bespoke-test-record-label"

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-test-util.h"

static void
test_head (void)
{
  char *head;

  /* short text stays whole, on one line */
  head = bespoke_text_dup_head ("  Loves\nmusic  ", 28);
  g_assert_cmpstr (head, ==, "Loves music");
  g_free (head);
  /* 36 characters cut at the last space before the 28th, with an ellipsis */
  head = bespoke_text_dup_head ("Get a job and keep it for six months", 28);
  g_assert_cmpstr (head, ==, "Get a job and keep it for…");
  g_free (head);
  /* no trailing comma before the ellipsis; accents count as one character */
  head = bespoke_text_dup_head ("Café trips, walks, and the cinema", 18);
  g_assert_cmpstr (head, ==, "Café trips, walks…");
  g_free (head);
  /* one long word is cut where it must be */
  head = bespoke_text_dup_head ("Supercalifragilistic", 5);
  g_assert_cmpstr (head, ==, "Super…");
  g_free (head);
}

static void
test_short_name (void)
{
  g_autoptr(BespokePerson) p = bespoke_person_new ();
  char *name;

  bespoke_person_set_name (p, "Grace Okoye");
  name = bespoke_person_dup_short_name (p);
  g_assert_cmpstr (name, ==, "Grace");
  g_free (name);
  bespoke_person_set_preferred_name (p, "Gee");
  name = bespoke_person_dup_short_name (p);
  g_assert_cmpstr (name, ==, "Gee");
  g_free (name);
}

static void
assert_label (BespokeStore *store,
              gpointer      record,
              const char   *expected)
{
  g_autofree char *label = bespoke_record_dup_short_label (store, BESPOKE_RECORD (record));

  g_assert_cmpstr (label, ==, expected);
}

static void
test_records (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(BespokePerson) grace = bespoke_person_new ();
  g_autoptr(BespokePlan) plan = bespoke_plan_new ();
  g_autoptr(BespokeSupportLine) line = bespoke_support_line_new ();
  g_autoptr(BespokeOutcome) outcome = bespoke_outcome_new ();
  g_autoptr(BespokeRisk) risk = bespoke_risk_new ();
  g_autoptr(BespokeStatement) statement = bespoke_statement_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *filled = NULL;
  const char *product_uuid = NULL;

  bespoke_person_set_name (grace, "Grace Okoye");
  save_ok (store, grace);
  bespoke_plan_set_person_uuid (plan, uuid_of (grace));
  bespoke_plan_set_period_start (plan, "2027-01-01");
  bespoke_plan_set_period_end (plan, "2027-12-31");
  save_ok (store, plan);

  bespoke_support_line_set_plan_uuid (line, uuid_of (plan));
  bespoke_support_line_set_description (line, "Morning care");
  assert_label (store, line, "Grace’s support “Morning care”");
  /* no description: the product, by name (the example menu's first product) */
  bespoke_support_line_set_description (line, "");
  lines = bespoke_store_list (store, BESPOKE_TYPE_PRODUCT, NULL, NULL);
  g_assert_cmpuint (lines->len, >, 0);
  for (guint i = 0; i < lines->len && product_uuid == NULL; i++)
    if (g_strcmp0 (bespoke_product_get_name (g_ptr_array_index (lines, i)), "Personal care and support") == 0)
      product_uuid = uuid_of (g_ptr_array_index (lines, i));
  g_assert_nonnull (product_uuid);
  bespoke_support_line_set_product_uuid (line, product_uuid);
  assert_label (store, line, "Grace’s support “Personal care and support”");
  /* neither */
  bespoke_support_line_set_product_uuid (line, NULL);
  assert_label (store, line, "Grace’s support line");

  bespoke_outcome_set_plan_uuid (outcome, uuid_of (plan));
  bespoke_outcome_set_statement (outcome, "I want a job and to keep it for six months");
  assert_label (store, outcome, "Grace’s outcome “I want a job and to keep it…”");
  bespoke_risk_set_plan_uuid (risk, uuid_of (plan));
  bespoke_risk_set_description (risk, "Falls");
  assert_label (store, risk, "Grace’s risk “Falls”");
  bespoke_statement_set_person_uuid (statement, uuid_of (grace));
  bespoke_statement_set_text (statement, "Grace makes everyone laugh at the camping club");
  assert_label (store, statement, "Grace’s statement “Grace makes everyone laugh…”");
  assert_label (store, plan, "Grace’s plan");

  /* the example's Paul has the preferred name Paul */
  {
    g_autoptr(BespokeStatement) paul = bespoke_statement_new ();

    bespoke_statement_set_person_uuid (paul, BESPOKE_EXAMPLE_PAUL_UUID);
    bespoke_statement_set_text (paul, "Loves music");
    assert_label (store, paul, "Paul’s statement “Loves music”");
  }
  /* without a store the person is left out */
  assert_label (NULL, risk, "risk “Falls”");

  /* the label templates the front ends pass */
  filled = bespoke_undo_label_fill ("Change the likelihood of %s", store, BESPOKE_RECORD (risk));
  g_assert_cmpstr (filled, ==, "Change the likelihood of Grace’s risk “Falls”");
  g_clear_pointer (&filled, g_free);
  filled = bespoke_undo_label_fill ("Change the plan’s start", store, BESPOKE_RECORD (plan));
  g_assert_cmpstr (filled, ==, "Change the plan’s start");
  g_clear_pointer (&filled, g_free);
  filled = bespoke_undo_label_fill ("Rename %s", store, BESPOKE_RECORD (grace));
  g_assert_cmpstr (filled, ==, "Rename it");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/record-label/head", test_head);
  g_test_add_func ("/record-label/short-name", test_short_name);
  g_test_add_func ("/record-label/records", test_records);
  return g_test_run ();
}
