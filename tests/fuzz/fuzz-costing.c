/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the costing of imported plans (costing/).
 *
 * The input is an exchange file, imported into a fresh, empty temporary
 * store; then every person's current plan (bespoke_plans_find_current(),
 * the rule every front end calls) is costed with bespoke_costing_report(),
 * as the window and `bespoke-cli cost` do.  Each plan gives a report or a
 * sentence; the report's figures hold together.  Costing is bounded by
 * occurrences (issue #12), so libFuzzer's -timeout (build-aux/fuzz sets
 * it) catches any input that makes it slow. */
#define G_LOG_DOMAIN "bespoke-fuzz-costing"

#include "bespoke-core.h"
#include "fuzz-util.h"

/* The promises of bespoke-costing.h: each line's months add up to its
 * cost exactly, and nothing is negative but refunds (adjustments). */
static void
check_report (const BespokeCostReport *report)
{
  fuzz_assert (report->lines != NULL);
  for (guint i = 0; i < report->lines->len; i++)
    {
      const BespokeLineCost *lc = g_ptr_array_index (report->lines, i);
      gint64 sum = 0;

      fuzz_assert (lc != NULL);
      fuzz_assert (lc->cost >= 0);
      fuzz_assert (lc->units_hundredths >= 0);
      fuzz_assert (lc->week_minutes >= 0);
      if (lc->months == NULL || lc->months->len == 0)
        continue;
      for (guint m = 0; m < lc->months->len; m++)
        fuzz_assert (!__builtin_add_overflow (sum, g_array_index (lc->months, BespokeMonthCost, m).amount, &sum));
      fuzz_assert (sum == lc->cost);
    }
  fuzz_assert (report->contingent >= 0);
  fuzz_assert (report->adjustments <= 0);
}

static void
cost_person (BespokeStore  *store,
             BespokePerson *person)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(BespokeCostReport) report = NULL;
  g_autoptr(GError) error = NULL;

  plan = bespoke_plans_find_current (store, uuid, &error);
  if (plan == NULL)
    return;  /* no plan, or a sentence saying why */
  report = bespoke_costing_report (store, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), &error);
  fuzz_assert_refused (report != NULL, error);
  if (report != NULL)
    check_report (report);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  path = fuzz_write_file ("input.bespoke", data, size);
  store = fuzz_fresh_store ();
  report = bespoke_xml_import (store, path, BESPOKE_XML_IMPORT_DEFAULT, &error);
  fuzz_assert_refused (report != NULL, error);
  if (report == NULL)
    return 0;
  /* everyone, the archived and the staff too */
  people = bespoke_store_list (store, BESPOKE_TYPE_PERSON, NULL, &error);
  fuzz_assert (people != NULL);
  for (guint i = 0; i < people->len; i++)
    cost_person (store, g_ptr_array_index (people, i));
  return 0;
}
