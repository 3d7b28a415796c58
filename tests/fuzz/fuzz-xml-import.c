/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the XML exchange import (bespoke-xml-import.h).
 *
 * The input is an exchange file.  It is validated; imported as a dry run
 * into a store holding the example data (so that the merge meets records
 * it already has: updates, older copies, conflicts); then imported for
 * real into a fresh, empty temporary store.  Each gives a report or a
 * sentence.  The promises checked:
 *  - a file that does not validate is never imported (one that validates
 *    may still be refused: validation checks the schema, not that a
 *    product's provider is in the file or the database; see
 *    corpus/xml-import/repro-product-unknown-provider.xml);
 *  - the dry run leaves the example store as it was;
 *  - importing the same file again changes nothing and conflicts with
 *    nothing. */
#define G_LOG_DOMAIN "bespoke-fuzz-xml-import"

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "fuzz-util.h"

static BespokeStore *example_store;

static void
drop_example_store (void)
{
  g_clear_object (&example_store);
}

static guint
total (const guint counts[BESPOKE_XML_N_KINDS])
{
  guint n = 0;

  for (guint k = 0; k < BESPOKE_XML_N_KINDS; k++)
    n += counts[k];
  return n;
}

static void
dry_run (const char *path)
{
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before, after;

  if (example_store == NULL)
    {
      example_store = bespoke_store_open (":memory:", NULL);
      fuzz_assert (example_store != NULL);
      fuzz_assert (bespoke_example_install (example_store, NULL));
      atexit (drop_example_store);
    }
  before = bespoke_store_count (example_store, BESPOKE_TYPE_PERSON, NULL);
  report = bespoke_xml_import (example_store, path, BESPOKE_XML_IMPORT_DRY_RUN, &error);
  fuzz_assert_refused (report != NULL, error);
  after = bespoke_store_count (example_store, BESPOKE_TYPE_PERSON, NULL);
  fuzz_assert (before == after);
  if (report != NULL)
    {
      g_autofree char *summary = bespoke_xml_import_report_summary (report);

      fuzz_assert (report->dry_run);
      fuzz_assert (summary != NULL);
    }
}

static void
real_import (const char *path,
             gboolean    valid)
{
  g_autoptr(BespokeStore) store = fuzz_fresh_store ();
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(BespokeXmlImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;

  fuzz_assert (store != NULL);
  report = bespoke_xml_import (store, path, BESPOKE_XML_IMPORT_DEFAULT, &error);
  fuzz_assert_refused (report != NULL, error);
  fuzz_assert (report == NULL || valid);
  if (report == NULL)
    return;
  fuzz_assert (report->conflicts->len == 0);

  again = bespoke_xml_import (store, path, BESPOKE_XML_IMPORT_DEFAULT, &again_error);
  if (again == NULL)
    fprintf (stderr, "imported, then refused: %s\n", again_error->message);
  fuzz_assert (again != NULL);
  fuzz_assert (total (again->added) == 0);
  fuzz_assert (total (again->updated) == 0);
  fuzz_assert (again->conflicts->len == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid;

  fuzz_init ();
  path = fuzz_write_file ("input.bespoke", data, size);
  valid = bespoke_xml_validate (path, &error);
  fuzz_assert_refused (valid, error);
  dry_run (path);
  real_import (path, valid);
  return 0;
}
