/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replicas converge (issue #13).  Three copies of one database make random
 * edits, additions and deletions of people, statements, support lines,
 * outcomes and risks from a fixed seed, exchanging whole-database files
 * now and then; then they exchange files in random order, each conflict
 * resolved one way or the other at random, until a whole round changes
 * nothing.  Then all three export byte-identical files, and no record an
 * operation deleted is anywhere, unless a conflict's resolution kept it.
 *
 * The seeds are 1 to 3 (a few seconds); BESPOKE_CONVERGENCE_SEEDS="FIRST-LAST"
 * runs others (tests/bench/convergence-seeds.sh runs hundreds). */
#define G_LOG_DOMAIN "bespoke-test-convergence"

#include <stdlib.h>
#include <string.h>

#include "xml-test-util.h"

#define N_REPLICAS 3
#define N_OPS 200         /* each replica */
#define N_PHASES 4        /* exchanges between bursts of operations */
#define MAX_ROUNDS 40

typedef struct
{
  char         *dir;
  BespokeStore *r[N_REPLICAS];
  GRand        *rand;
  GHashTable   *deleted;    /* uuid -> GType: deleted by an operation */
  GHashTable   *restored;   /* uuids a conflict's resolution kept or brought back */
  guint         n_files;
  guint         n_conflicts;
  guint         n_rounds;
} World;

static const char *words[] = { "garden", "bus", "music", "swimming", "cooking", "football", "library",
                               "market", "cinema", "walking", "painting", "bowling" };

static char *
some_text (World      *w,
           const char *what)
{
  return g_strdup_printf ("%s %s %u", what, words[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (words))],
                          g_rand_int_range (w->rand, 0, 1000));
}

static gpointer
pick (World     *w,
      GPtrArray *list)
{
  return list != NULL && list->len > 0 ? list->pdata[g_rand_int_range (w->rand, 0, (gint32) list->len)] : NULL;
}

static GPtrArray *
children (BespokeStore *store,
          GType         type,
          const char   *parent)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = bespoke_store_list (store, type, parent, &error);

  g_assert_no_error (error);
  return list;
}

static BespokePerson *
random_person (World        *w,
               BespokeStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, NULL, &error);
  g_autoptr(GPtrArray) one = NULL;

  g_assert_no_error (error);
  if (n == 0)
    return NULL;
  one = bespoke_store_list_people (store, BESPOKE_PEOPLE_ALL, NULL, (guint) g_rand_int_range (w->rand, 0, (gint32) n), 1, &error);
  g_assert_no_error (error);
  return one->len > 0 ? g_object_ref (one->pdata[0]) : NULL;
}

static void
save (BespokeStore *store,
      gpointer      record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bespoke_store_save (store, record, &error));
  g_assert_no_error (error);
}

static void
delete (World        *w,
        BespokeStore *store,
        gpointer      record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bespoke_store_delete (store, record, &error));
  g_assert_no_error (error);
  g_hash_table_insert (w->deleted, g_strdup (bespoke_record_get_uuid (record)), GSIZE_TO_POINTER (G_OBJECT_TYPE (record)));
}

/* A new record of @type under @parent, with its text field set. */
static gpointer
new_child (World      *w,
           GType       type,
           const char *parent)
{
  BespokeRecord *record = g_object_new (type, NULL);
  g_autofree char *text = some_text (w, "new");

  if (type == BESPOKE_TYPE_STATEMENT)
    {
      bespoke_statement_set_person_uuid (BESPOKE_STATEMENT (record), parent);
      bespoke_statement_set_section (BESPOKE_STATEMENT (record), BESPOKE_SECTION_IMPORTANT);
      bespoke_statement_set_position (BESPOKE_STATEMENT (record), g_rand_int_range (w->rand, 0, 50));
      bespoke_statement_set_text (BESPOKE_STATEMENT (record), text);
    }
  else if (type == BESPOKE_TYPE_SUPPORT_LINE)
    {
      bespoke_support_line_set_plan_uuid (BESPOKE_SUPPORT_LINE (record), parent);
      bespoke_support_line_set_support_type (BESPOKE_SUPPORT_LINE (record), BESPOKE_SUPPORT_FAMILY);
      bespoke_support_line_set_quantity (BESPOKE_SUPPORT_LINE (record), 1);
      bespoke_support_line_set_share_ratio (BESPOKE_SUPPORT_LINE (record), 1);
      bespoke_support_line_set_position (BESPOKE_SUPPORT_LINE (record), g_rand_int_range (w->rand, 0, 50));
      bespoke_support_line_set_description (BESPOKE_SUPPORT_LINE (record), text);
    }
  else if (type == BESPOKE_TYPE_OUTCOME)
    {
      bespoke_outcome_set_plan_uuid (BESPOKE_OUTCOME (record), parent);
      bespoke_outcome_set_position (BESPOKE_OUTCOME (record), g_rand_int_range (w->rand, 0, 50));
      bespoke_outcome_set_statement (BESPOKE_OUTCOME (record), text);
    }
  else
    {
      bespoke_risk_set_plan_uuid (BESPOKE_RISK (record), parent);
      bespoke_risk_set_position (BESPOKE_RISK (record), g_rand_int_range (w->rand, 0, 50));
      bespoke_risk_set_description (BESPOKE_RISK (record), text);
    }
  return record;
}

static void
edit (World         *w,
      BespokeRecord *record)
{
  g_autofree char *text = some_text (w, "changed");

  if (BESPOKE_IS_STATEMENT (record))
    bespoke_statement_set_text (BESPOKE_STATEMENT (record), text);
  else if (BESPOKE_IS_SUPPORT_LINE (record))
    bespoke_support_line_set_description (BESPOKE_SUPPORT_LINE (record), text);
  else if (BESPOKE_IS_OUTCOME (record))
    bespoke_outcome_set_measure (BESPOKE_OUTCOME (record), text);
  else if (BESPOKE_IS_RISK (record))
    bespoke_risk_set_contingency (BESPOKE_RISK (record), text);
  else
    bespoke_person_set_name (BESPOKE_PERSON (record), text);
}

/* One random operation on @store. */
static void
operate (World        *w,
         BespokeStore *store)
{
  GType kinds[] = { BESPOKE_TYPE_STATEMENT, BESPOKE_TYPE_SUPPORT_LINE, BESPOKE_TYPE_OUTCOME, BESPOKE_TYPE_RISK };
  g_autoptr(BespokePerson) person = random_person (w, store);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *parent;
  GType type;
  int action = g_rand_int_range (w->rand, 0, 100);
  BespokeRecord *record;

  if (person == NULL || action < 4)
    {
      g_autoptr(BespokePerson) added = bespoke_person_new ();
      g_autofree char *name = some_text (w, "Person");
      bespoke_person_set_name (added, name);
      save (store, added);
      return;
    }
  if (action < 10)
    {
      edit (w, BESPOKE_RECORD (person));
      save (store, person);
      return;
    }
  if (action < 12)
    {
      delete (w, store, person);
      return;
    }

  type = kinds[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (kinds))];
  if (type == BESPOKE_TYPE_STATEMENT)
    parent = bespoke_record_get_uuid (BESPOKE_RECORD (person));
  else
    {
      plans = children (store, BESPOKE_TYPE_PLAN, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
      if (plans->len == 0)
        return;
      parent = bespoke_record_get_uuid (plans->pdata[0]);
    }
  list = children (store, type, parent);
  record = pick (w, list);

  if (record == NULL || action < 45)
    {
      g_autoptr(BespokeRecord) added = new_child (w, type, parent);
      save (store, added);
    }
  else if (action < 85)
    {
      edit (w, record);
      save (store, record);
    }
  else
    delete (w, store, record);
}

static guint
changes (BespokeXmlImportReport *report)
{
  guint n = report->deleted + report->tombstones + report->conflicts->len;

  for (guint k = 0; k < BESPOKE_XML_N_KINDS; k++)
    n += report->added[k] + report->updated[k];
  return n;
}

/* @from's whole export imported into @to, every conflict resolved one way
 * or the other; returns how much changed. */
static guint
exchange (World *w,
          guint  from,
          guint  to)
{
  g_autofree char *path = g_strdup_printf ("%s/file-%u.bespoke", w->dir, w->n_files++);
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  export_all (w->r[from], path);
  report = bespoke_xml_import (w->r[to], path, BESPOKE_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  n = changes (report);
  w->n_conflicts += report->conflicts->len;

  /* the last first: a record's conflict before its person's */
  for (guint i = report->conflicts->len; i-- > 0;)
    {
      BespokeXmlConflict *conflict = report->conflicts->pdata[i];
      gboolean take_file = g_rand_boolean (w->rand);

      if (take_file)
        g_assert_true (bespoke_xml_conflict_use_file_version (w->r[to], conflict, &error));
      else
        g_assert_true (bespoke_xml_conflict_keep_database_version (w->r[to], conflict, &error));
      g_assert_no_error (error);
      if ((conflict->deleted_in_file && !take_file) || (conflict->deleted_here && take_file))
        g_hash_table_add (w->restored, g_strdup (conflict->uuid));
    }
  g_unlink (path);
  return n;
}

static GBytes *
export_bytes (World *w,
              guint  i)
{
  g_autofree char *path = g_strdup_printf ("%s/final-%u.bespoke", w->dir, i);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = NULL;

  export_all (w->r[i], path);
  file = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

static void
run_seed (gconstpointer data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  World w = { 0 };
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean quiet = FALSE;

  w.dir = temp_dir ();
  w.rand = g_rand_new_with_seed (seed);
  w.deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.restored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* one database: the example data and a few synthetic people, exported
   * whole (the last sync), then copied */
  base = g_build_filename (w.dir, "base.db", NULL);
  {
    g_autoptr(BespokeStore) store = open_store_at (base);
    g_autofree char *sent = g_build_filename (w.dir, "sent.bespoke", NULL);

    bespoke_example_install (store, &error);
    g_assert_no_error (error);
    bespoke_synth_people (store, 8, seed, NULL, NULL, &error);
    g_assert_no_error (error);
    export_all (store, sent);
  }
  for (guint i = 0; i < N_REPLICAS; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/replica-%u.db", w.dir, i);
      copy_file (base, path);
      w.r[i] = open_store_at (path);
    }

  for (guint phase = 0; phase < N_PHASES; phase++)
    {
      for (guint i = 0; i < N_REPLICAS; i++)
        for (guint n = 0; n < N_OPS / N_PHASES; n++)
          operate (&w, w.r[i]);
      for (guint n = 0; n < 2; n++)
        {
          guint from = g_rand_int_range (w.rand, 0, N_REPLICAS);
          exchange (&w, from, (from + 1 + g_rand_int_range (w.rand, 0, N_REPLICAS - 1)) % N_REPLICAS);
        }
    }

  /* until quiet: each round, every ordered pair in a random order */
  while (!quiet)
    {
      guint pairs[N_REPLICAS * (N_REPLICAS - 1)][2];
      guint n_pairs = 0, changed = 0;

      g_assert_cmpuint (w.n_rounds++, <, MAX_ROUNDS);
      for (guint a = 0; a < N_REPLICAS; a++)
        for (guint b = 0; b < N_REPLICAS; b++)
          if (a != b)
            pairs[n_pairs][0] = a, pairs[n_pairs++][1] = b;
      for (guint i = n_pairs; i > 1; i--)
        {
          guint j = g_rand_int_range (w.rand, 0, (gint32) i), t0 = pairs[i - 1][0], t1 = pairs[i - 1][1];
          pairs[i - 1][0] = pairs[j][0], pairs[i - 1][1] = pairs[j][1];
          pairs[j][0] = t0, pairs[j][1] = t1;
        }
      for (guint i = 0; i < n_pairs; i++)
        changed += exchange (&w, pairs[i][0], pairs[i][1]);
      quiet = changed == 0;
    }

  /* byte-identical exports */
  first = export_bytes (&w, 0);
  for (guint i = 1; i < N_REPLICAS; i++)
    {
      g_autoptr(GBytes) other = export_bytes (&w, i);
      if (!g_bytes_equal (first, other))
        g_error ("seed %u: replica %u's export differs from replica 0's (%zu and %zu bytes)",
                 seed, i, g_bytes_get_size (other), g_bytes_get_size (first));
    }

  /* no deleted record came back, unless a resolution kept it */
  g_hash_table_iter_init (&iter, w.deleted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (w.restored, key))
      for (guint i = 0; i < N_REPLICAS; i++)
        {
          g_autoptr(BespokeRecord) back = bespoke_store_load (w.r[i], (GType) GPOINTER_TO_SIZE (value), key, NULL);
          if (back != NULL)
            g_error ("seed %u: %s %s was deleted and is back on replica %u", seed,
                     G_OBJECT_TYPE_NAME (back), (char *) key, i);
        }

  g_test_message ("seed %u: %u deletions, %u conflicts resolved, %u files, quiet after %u rounds",
                  seed, g_hash_table_size (w.deleted), w.n_conflicts, w.n_files, w.n_rounds);
  for (guint i = 0; i < N_REPLICAS; i++)
    g_clear_object (&w.r[i]);
  g_rand_free (w.rand);
  g_hash_table_unref (w.deleted);
  g_hash_table_unref (w.restored);
  g_free (w.dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *range = g_getenv ("BESPOKE_CONVERGENCE_SEEDS");
  guint first = 1, last = 3;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (range != NULL)
    {
      char *end = NULL;
      first = (guint) strtoul (range, &end, 10);
      last = end != NULL && *end == '-' ? (guint) strtoul (end + 1, NULL, 10) : first;
    }
  for (guint seed = first; seed <= last; seed++)
    {
      g_autofree char *name = g_strdup_printf ("/convergence/seed-%u", seed);
      g_test_add_data_func (name, GUINT_TO_POINTER (seed), run_seed);
    }
  return g_test_run ();
}
