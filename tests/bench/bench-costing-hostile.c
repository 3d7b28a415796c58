/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Costs the most expensive 50-line plan Bespoke's limits allow (see
 * tests/hostile-costing-util.h: five years, every day from 23:59 for 7
 * days, 1,000 staff, every band rate) and prints the median time against
 * the 50 ms that issue #12 allows.  Not a test: it asserts nothing about
 * time; tests/test-hostile-costing.c counts the same plan's work.
 *
 *   _build/tests/bench/bench-costing-hostile [ROUNDS]
 */
#define G_LOG_DOMAIN "bespoke-bench-costing-hostile"

#include <stdio.h>
#include <stdlib.h>

#include "hostile-costing-util.h"

#define TARGET_MS 50.0

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 20;
  g_autofree double *times = g_new0 (double, MAX (rounds, 1));
  double median;

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BespokeCostReport) report = NULL;
      gint64 started = g_get_monotonic_time ();

      report = cost_worst_plan (BESPOKE_COSTING_MAX_QUANTITY, BESPOKE_SCHEDULE_MAX_MINUTES, &error);
      times[i] = (g_get_monotonic_time () - started) / 1000.0;
      if (report == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
  qsort (times, rounds, sizeof (double), compare_doubles);
  median = times[rounds / 2];
  printf ("worst 50-line plan (5 years, 7-day visits daily, %u staff): median %.1f ms over %u rounds; "
          "ratio to the %.0f ms limit: %.2f\n",
          (guint) BESPOKE_COSTING_MAX_QUANTITY, median, rounds, TARGET_MS, median / TARGET_MS);
  return 0;
}
