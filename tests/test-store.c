/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-test-store"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "bespoke-core.h"
#include "bespoke-store-private.h"
#include "bespoke-test-util.h"

/* ---- helpers ------------------------------------------------------------ */

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static sqlite3 *
raw_open (const char *path,
          int         flags)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The first column of the first row of @sql, as text, read with a
 * connection of our own. */
static char *
raw_query (const char *path,
           const char *sql)
{
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READONLY);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
raw_query_int (const char *path,
               const char *sql)
{
  g_autofree char *text = raw_query (path, sql);
  return g_ascii_strtoll (text, NULL, 10);
}

static BespokeStore *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  BespokeStore *store = bespoke_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static BespokePerson *
person_new (const char *uuid,
            const char *name)
{
  BespokePerson *p = uuid ? g_object_new (BESPOKE_TYPE_PERSON, "uuid", uuid, NULL) : bespoke_person_new ();

  bespoke_person_set_name (p, name);
  return p;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_same_bytes (GBytes     *before,
                   const char *path)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_cmpint (memcmp (g_bytes_get_data (after, NULL), g_bytes_get_data (before, NULL),
                           g_bytes_get_size (before)), ==, 0);
}

/* ---- opening -------------------------------------------------------------- */

static void
test_new_file (void)
{
  g_autofree char *tmp = temp_dir ();
  g_autofree char *parent = g_build_filename (tmp, "new", NULL);
  g_autofree char *folder = g_build_filename (parent, "folder", NULL);
  g_autofree char *path = g_build_filename (folder, "bespoke.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal_mode = NULL;
  g_autoptr(BespokePerson) paul = person_new (NULL, "Paul Smith");
  BespokeStore *store;
  int latest = bespoke_store_get_latest_schema ();

  umask (022);
  g_assert_cmpint (latest, >=, 1);

  store = open_ok (path);
  g_assert_false (bespoke_store_get_read_only (store));
  g_assert_null (bespoke_store_get_read_only_reason (store));
  g_assert_cmpstr (bespoke_store_get_path (store), ==, path);
  g_assert_cmpint (bespoke_store_get_schema_version (store), ==, latest);

  /* private to the user, whatever the umask */
  g_assert_cmphex (file_mode (path), ==, 0600);
  g_assert_cmphex (file_mode (folder), ==, 0700);
  g_assert_cmphex (file_mode (parent), ==, 0700);

  /* what another program sees in the file */
  journal_mode = raw_query (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (raw_query_int (path, "PRAGMA application_id"), ==, BESPOKE_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, latest);

  /* the write-ahead log is as private as the database */
  save_ok (store, paul);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmphex (file_mode (wal), ==, 0600);

  /* closed and opened again, the data is there */
  g_assert_finalize_object (store);
  store = open_ok (path);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BespokePerson) back = bespoke_store_load (store, BESPOKE_TYPE_PERSON, uuid_of (paul), &error);

    g_assert_no_error (error);
    g_assert_true (bespoke_record_equal (BESPOKE_RECORD (back), BESPOKE_RECORD (paul)));
  }
  g_assert_cmpint (bespoke_store_get_schema_version (store), ==, latest);
  g_assert_finalize_object (store);

  remove_tree (tmp);
}

static void
test_default_path (void)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives GLib's XDG_DATA_HOME, which
   * g_get_user_data_dir() reads, a temporary folder of this test's own
   * (and sets the variable itself to /dev/null for child processes). */
  const char *data_home = g_get_user_data_dir ();
  g_autofree char *expected = NULL;
  g_autofree char *path = bespoke_store_default_path ();
  g_autofree char *folder = NULL;
  BespokeStore *store;

  g_assert_nonnull (strstr (data_home, "/.dirs/"));
  g_assert_true (g_str_has_prefix (data_home, g_get_tmp_dir ()));
  expected = g_build_filename (data_home, "bespoke", "bespoke.db", NULL);
  g_assert_cmpstr (path, ==, expected);

  umask (022);
  store = open_ok (NULL);
  g_assert_cmpstr (bespoke_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  folder = g_path_get_dirname (expected);
  g_assert_cmphex (file_mode (folder), ==, 0700);
  g_assert_cmphex (file_mode (expected), ==, 0600);
  g_assert_finalize_object (store);
}

static void
test_memory (void)
{
  BespokeStore *a = open_ok (":memory:");
  BespokeStore *b = open_ok (":memory:");
  g_autoptr(BespokePerson) paul = person_new (NULL, "Paul Smith");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (bespoke_store_get_schema_version (a), ==, bespoke_store_get_latest_schema ());
  save_ok (a, paul);
  /* each in-memory store is its own */
  g_assert_cmpint (bespoke_store_count (a, BESPOKE_TYPE_PERSON, &error), ==, 1);
  g_assert_cmpint (bespoke_store_count (b, BESPOKE_TYPE_PERSON, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (bespoke_store_has_people (a));
  g_assert_false (bespoke_store_has_people (b));
  /* an archived person does not count as someone here */
  bespoke_person_set_archived (paul, TRUE);
  save_ok (a, paul);
  g_assert_false (bespoke_store_has_people (a));
  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
}

/* A database written by a newer Bespoke opens read-only, and not one byte
 * of it changes. */
static void
test_newer_schema (void)
{
  g_autofree char *tmp = temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "newer.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(BespokePerson) paul = person_new (NULL, "Paul Smith");
  g_autoptr(BespokePerson) anne = person_new (NULL, "Anne Jones");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  int newer = bespoke_store_get_latest_schema () + 1;
  BespokeStore *store;
  sqlite3 *db;

  store = open_ok (path);
  save_ok (store, paul);
  g_assert_finalize_object (store);

  db = raw_open (path, SQLITE_OPEN_READWRITE);
  sql = g_strdup_printf ("PRAGMA user_version = %d", newer);
  raw_exec (db, sql);
  raw_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = read_bytes (path);

  store = open_ok (path);
  g_assert_true (bespoke_store_get_read_only (store));
  g_assert_nonnull (strstr (bespoke_store_get_read_only_reason (store), "newer"));
  g_assert_cmpint (bespoke_store_get_schema_version (store), ==, newer);

  /* it can be read */
  {
    g_autoptr(BespokePerson) back = bespoke_store_load (store, BESPOKE_TYPE_PERSON, uuid_of (paul), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (bespoke_person_get_name (back), ==, "Paul Smith");
  }

  /* but not written */
  g_assert_false (bespoke_store_save (store, anne, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_clear_error (&error);
  bespoke_person_set_notes (paul, "changed");
  g_assert_false (bespoke_store_save (store, paul, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bespoke_store_delete (store, paul, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bespoke_store_begin (store, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autoptr(GBytes) photo = g_bytes_new_static ("png", 3);
    g_assert_false (bespoke_store_set_photo (store, uuid_of (paul), photo, "image/png", &error));
    g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_assert_cmpint (bespoke_store_get_schema_version (store), ==, newer);
  g_assert_finalize_object (store);

  assert_same_bytes (before, path);
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, newer);

  remove_tree (tmp);
}

static void
assert_not_bespoke (const char *path,
                    const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_bytes (path);
  BespokeStore *store = bespoke_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_BESPOKE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, reason));
  assert_same_bytes (before, path);
}

static void
test_not_bespoke (void)
{
  g_autofree char *tmp = temp_dir ();
  g_autofree char *other = g_build_filename (tmp, "other.sqlite", NULL);
  g_autofree char *foreign = g_build_filename (tmp, "foreign.sqlite", NULL);
  g_autofree char *text = g_build_filename (tmp, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  /* another program's SQLite database: tables, application_id 0 */
  db = raw_open (other, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  raw_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Jerusalem')");
  sqlite3_close (db);
  assert_not_bespoke (other, "another program");

  /* one that claims to be someone else's, even with no tables */
  db = raw_open (foreign, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  raw_exec (db, "PRAGMA application_id = 305419896");  /* 0x12345678 */
  sqlite3_close (db);
  assert_not_bespoke (foreign, "another program");

  /* not a database at all */
  g_assert_true (g_file_set_contents (text, "Paul likes camping.\nThis is not SQLite.\n", -1, &error));
  g_assert_no_error (error);
  assert_not_bespoke (text, "not a Bespoke database");

  remove_tree (tmp);
}

/* An empty file (e.g. one a person made to choose its name) becomes a new
 * database. */
static void
test_empty_file (void)
{
  g_autofree char *tmp = temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  BespokeStore *store;

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  store = open_ok (path);
  g_assert_false (bespoke_store_get_read_only (store));
  g_assert_cmpint (raw_query_int (path, "PRAGMA application_id"), ==, BESPOKE_STORE_APPLICATION_ID);
  g_assert_finalize_object (store);
  remove_tree (tmp);
}

/* ---- migration ------------------------------------------------------------ */

#define FIXTURE_PAUL     "11111111-1111-4111-8111-111111111111"
#define FIXTURE_DANNY    "55555555-5555-4555-8555-555555555555"
#define FIXTURE_PROVIDER "22222222-2222-4222-8222-222222222222"
#define FIXTURE_CARE     "22222222-0000-4000-8000-000000000001"
#define FIXTURE_JOB      "22222222-0000-4000-8000-000000000002"
#define FIXTURE_PLAN     "33333333-3333-4333-8333-333333333333"

static guint32
julian (guint year, guint month, guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* tests/fixtures/schema-1.db was written at schema 1 (see
 * make-schema-1.sh beside it).  Opened now, it is migrated to the latest
 * schema and every record reads back with the values it was written with. */
static void
test_migrate_schema_1 (void)
{
  const char *fixture = g_test_get_filename (G_TEST_DIST, "fixtures", "schema-1.db", NULL);
  g_autofree char *tmp = temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "schema-1.db", NULL);
  g_autoptr(GBytes) original = read_bytes (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(BespokeProvider) provider = NULL;
  g_autoptr(BespokeProduct) care = NULL;
  g_autoptr(BespokeProduct) job = NULL;
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autofree char *mime = NULL;
  g_autoptr(BespokeSchedule) mornings = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  g_autoptr(BespokeSchedule) short_break = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
  int latest = bespoke_store_get_latest_schema ();
  BespokeStore *store;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, 1);

  store = open_ok (path);
  g_assert_false (bespoke_store_get_read_only (store));
  g_assert_cmpint (bespoke_store_get_schema_version (store), ==, latest);
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (raw_query_int (path, "PRAGMA application_id"), ==, BESPOKE_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* Schema 4's counts are filled from the people already there: the
   * fixture has Paul (supported) and Danny (staff), neither archived */
  g_assert_cmpint (raw_query_int (path, "SELECT n FROM people_counts WHERE is_staff = 0"), ==, 1);
  g_assert_cmpint (raw_query_int (path, "SELECT n FROM people_counts WHERE is_staff = 1"), ==, 1);
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, NULL, &error), ==, 2);
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_STAFF, NULL, &error), ==, 1);
  g_assert_no_error (error);

  paul = bespoke_store_load (store, BESPOKE_TYPE_PERSON, FIXTURE_PAUL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_person_get_name (paul), ==, "Paul Smith");
  g_assert_cmpstr (bespoke_person_get_preferred_name (paul), ==, "Paul");
  g_assert_cmpstr (bespoke_person_get_date_of_birth (paul), ==, "1990-05-01");
  g_assert_cmpstr (bespoke_person_get_notes (paul), ==, "Keeps the garage clean and tidy.");
  g_assert_false (bespoke_person_get_is_staff (paul));
  g_assert_false (bespoke_person_get_archived (paul));
  g_assert_cmpint (bespoke_record_get_modified_at (BESPOKE_RECORD (paul)), ==, G_GINT64_CONSTANT (1767225600000000));

  photo = bespoke_store_get_photo (store, FIXTURE_PAUL, &mime, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime, ==, "image/png");
  g_assert_cmpmem (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo),
                   "\x89PNG\r\n\x1a\n\0\0", 10);

  statements = bespoke_store_list (store, BESPOKE_TYPE_STATEMENT, FIXTURE_PAUL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statements->len, ==, 3);
  g_assert_cmpstr (bespoke_statement_get_text (g_ptr_array_index (statements, 0)), ==,
                   "Tell me what is happening today before we start.");
  g_assert_cmpint (bespoke_statement_get_section (g_ptr_array_index (statements, 0)), ==, BESPOKE_SECTION_SUPPORT);
  g_assert_cmpint (bespoke_statement_get_section (g_ptr_array_index (statements, 1)), ==, BESPOKE_SECTION_IMPORTANT);
  g_assert_cmpstr (bespoke_statement_get_text (g_ptr_array_index (statements, 2)), ==, "Paul is always on time.");
  g_assert_cmpint (bespoke_statement_get_section (g_ptr_array_index (statements, 2)), ==, BESPOKE_SECTION_APPRECIATION);

  provider = bespoke_store_load (store, BESPOKE_TYPE_PROVIDER, FIXTURE_PROVIDER, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_provider_get_name (provider), ==, "Brightways Support");
  g_assert_cmpstr (bespoke_provider_get_contact (provider), ==, "0161 496 0000");
  g_assert_null (bespoke_provider_get_notes (provider));

  care = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT, FIXTURE_CARE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_product_get_provider_uuid (care), ==, FIXTURE_PROVIDER);
  g_assert_cmpint (bespoke_product_get_kind (care), ==, BESPOKE_PRODUCT_ONGOING);
  g_assert_cmpint (bespoke_product_get_unit (care), ==, BESPOKE_UNIT_HOUR);
  g_assert_cmpint (bespoke_product_get_unit_price (care), ==, 2150);
  g_assert_cmpuint (bespoke_product_get_version (care), ==, 1);
  g_assert_cmpstr (bespoke_product_get_valid_from (care), ==, "2027-01-01");
  job = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT, FIXTURE_JOB, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bespoke_product_get_kind (job), ==, BESPOKE_PRODUCT_ONE_OFF);
  g_assert_true (bespoke_product_get_outcome_based (job));
  g_assert_cmpint (bespoke_product_get_unit_price (job), ==, 300000);
  g_assert_cmpstr (bespoke_product_get_default_outcome (job), ==, "A job kept for six months");

  plan = bespoke_store_load (store, BESPOKE_TYPE_PLAN, FIXTURE_PLAN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_plan_get_person_uuid (plan), ==, FIXTURE_PAUL);
  g_assert_cmpstr (bespoke_plan_get_period_start (plan), ==, "2027-01-01");
  g_assert_cmpstr (bespoke_plan_get_period_end (plan), ==, "2027-12-31");
  g_assert_cmpstr (bespoke_plan_get_review_date (plan), ==, "2027-10-01");
  g_assert_cmpint (bespoke_plan_get_status (plan), ==, BESPOKE_PLAN_AGREED);
  g_assert_cmpstr (bespoke_plan_get_staff_preferences (plan), ==, "His cousin Danny, at the family's insistence");

  /* Mon–Fri 07:30 for 2 h, not on 27 December; every 4th weekend from
   * Friday 8 January 2027 at 18:00 for 48 h */
  mornings->weekdays = BESPOKE_WEEKDAYS_MON_FRI;
  mornings->start_minute = 7 * 60 + 30;
  mornings->duration_minutes = 120;
  bespoke_schedule_exclude (mornings, julian (2027, 12, 27));
  short_break->weekdays = BESPOKE_WEEKDAY_BIT (G_DATE_FRIDAY);
  short_break->start_minute = 18 * 60;
  short_break->duration_minutes = 48 * 60;
  short_break->every_weeks = 4;
  short_break->anchor = julian (2027, 1, 8);

  lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, FIXTURE_PLAN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 3);
  {
    BespokeSupportLine *first = g_ptr_array_index (lines, 0);
    BespokeSupportLine *second = g_ptr_array_index (lines, 1);
    BespokeSupportLine *third = g_ptr_array_index (lines, 2);

    g_assert_cmpstr (bespoke_support_line_get_description (first), ==, "Mornings while his mum is at work");
    g_assert_cmpint (bespoke_support_line_get_support_type (first), ==, BESPOKE_SUPPORT_PAID);
    g_assert_cmpstr (bespoke_support_line_get_product_uuid (first), ==, FIXTURE_CARE);
    g_assert_cmpstr (bespoke_support_line_get_worker (first), ==, "Danny Price");
    g_assert_cmpint (bespoke_support_line_get_funding (first), ==, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
    /* schema 2 dropped the stored cost and added sharing and specials, with defaults */
    g_assert_cmpuint (bespoke_support_line_get_share_ratio (first), ==, 1);
    g_assert_cmpuint (bespoke_support_line_get_discount_bp (first), ==, 0);
    g_assert_cmpuint (bespoke_support_line_get_free_units (first), ==, 0);
    g_assert_true (bespoke_schedule_equal (bespoke_support_line_get_schedule (first), mornings));

    g_assert_true (bespoke_schedule_equal (bespoke_support_line_get_schedule (second), short_break));
    g_assert_cmpuint (bespoke_support_line_get_share_ratio (second), ==, 1);

    g_assert_cmpint (bespoke_support_line_get_support_type (third), ==, BESPOKE_SUPPORT_FAMILY);
    g_assert_null (bespoke_support_line_get_product_uuid (third));
    g_assert_null (bespoke_support_line_get_schedule (third));
    g_assert_cmpint (bespoke_support_line_get_funding (third), ==, BESPOKE_FUNDING_NONE);
  }

  outcomes = bespoke_store_list (store, BESPOKE_TYPE_OUTCOME, FIXTURE_PLAN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->len, ==, 1);
  g_assert_cmpstr (bespoke_outcome_get_target_date (g_ptr_array_index (outcomes, 0)), ==, "2027-07-01");
  budgets = bespoke_store_list (store, BESPOKE_TYPE_BUDGET, FIXTURE_PLAN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 1);
  g_assert_cmpint (bespoke_budget_get_amount (g_ptr_array_index (budgets, 0)), ==, 3400000);

  /* the search index came across */
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, "smi", &error), ==, 1);
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_STAFF, "dan", &error), ==, 1);
  g_assert_no_error (error);

  /* and the migrated file takes new writes */
  bespoke_person_set_notes (paul, "Likes city breaks too.");
  save_ok (store, paul);
  g_assert_finalize_object (store);

  /* the fixture itself is untouched */
  assert_same_bytes (original, fixture);
  remove_tree (tmp);
}

/* ---- people: search, filters, paging, lookup ------------------------------ */

static BespokeStore *
people_store (void)
{
  BespokeStore *store = open_ok (":memory:");
  const struct { const char *name; const char *preferred; gboolean staff; gboolean archived; } people[] = {
    { "Paul Smith", NULL, FALSE, FALSE },
    { "Pauline Archer", NULL, FALSE, FALSE },
    { "Sam Patel", NULL, TRUE, FALSE },
    { "Paula Gone", NULL, FALSE, TRUE },
    { "Élodie Brûlé", NULL, FALSE, FALSE },
    { "Anne-Marie O’Neill", NULL, FALSE, FALSE },
    { "Margaret Jones", "Peggy", FALSE, FALSE },
    { "Jan Łęcki", NULL, FALSE, FALSE },
    { "Anna Łączka", NULL, FALSE, FALSE },
    { "Hans Strauß", NULL, TRUE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(BespokePerson) p = person_new (NULL, people[i].name);

      bespoke_person_set_preferred_name (p, people[i].preferred);
      bespoke_person_set_is_staff (p, people[i].staff);
      bespoke_person_set_archived (p, people[i].archived);
      save_ok (store, p);
    }
  return store;
}

/* The names found by @search, in the order listed. */
static char *
found (BespokeStore        *store,
       BespokePeopleFilter  filter,
       const char          *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = bespoke_store_list_people (store, filter, search, 0, 100, &error);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n;

  g_assert_no_error (error);
  n = bespoke_store_count_people (store, filter, search, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, people->len);

  for (guint i = 0; i < people->len; i++)
    g_string_append_printf (names, "%s%s", i ? "; " : "", bespoke_person_get_name (g_ptr_array_index (people, i)));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_found(store, filter, search, expected)  \
  G_STMT_START {                                       \
    g_autofree char *_names = found (store, filter, search); \
    g_assert_cmpstr (_names, ==, expected);            \
  } G_STMT_END

static void
test_search (void)
{
  BespokeStore *store = people_store ();

  /* a prefix of any word of the name, any case */
  assert_found (store, BESPOKE_PEOPLE_CLIENTS, "pa", "Paul Smith; Pauline Archer");
  assert_found (store, BESPOKE_PEOPLE_CLIENTS, "PAUL", "Paul Smith; Pauline Archer");
  assert_found (store, BESPOKE_PEOPLE_CLIENTS, "smi", "Paul Smith");
  assert_found (store, BESPOKE_PEOPLE_CLIENTS, "Smith", "Paul Smith");
  assert_found (store, BESPOKE_PEOPLE_CLIENTS, "zz", "");
  assert_found (store, BESPOKE_PEOPLE_CLIENTS, "smithy", "");

  /* every word typed must match */
  assert_found (store, BESPOKE_PEOPLE_CLIENTS, "paul smi", "Paul Smith");
  assert_found (store, BESPOKE_PEOPLE_CLIENTS, "smi paul", "Paul Smith");
  assert_found (store, BESPOKE_PEOPLE_CLIENTS, "paul arch", "Pauline Archer");
  assert_found (store, BESPOKE_PEOPLE_CLIENTS, "paul zz", "");

  /* staff, and everyone: people before staff; archived people never */
  assert_found (store, BESPOKE_PEOPLE_STAFF, "pa", "Sam Patel");
  assert_found (store, BESPOKE_PEOPLE_ALL, "pa", "Paul Smith; Pauline Archer; Sam Patel");
  assert_found (store, BESPOKE_PEOPLE_ALL, "gone", "");

  /* accented names, by case folding */
  assert_found (store, BESPOKE_PEOPLE_ALL, "élo", "Élodie Brûlé");
  assert_found (store, BESPOKE_PEOPLE_ALL, "ÉLODIE", "Élodie Brûlé");
  assert_found (store, BESPOKE_PEOPLE_ALL, "brû", "Élodie Brûlé");
  assert_found (store, BESPOKE_PEOPLE_ALL, "STRAUSS", "Hans Strauß");
  assert_found (store, BESPOKE_PEOPLE_ALL, "strauß", "Hans Strauß");
  assert_found (store, BESPOKE_PEOPLE_ALL, "łę", "Jan Łęcki");
  assert_found (store, BESPOKE_PEOPLE_ALL, "ŁĘCKI", "Jan Łęcki");
  assert_found (store, BESPOKE_PEOPLE_ALL, "łą", "Anna Łączka");

  /* hyphens and apostrophes separate words */
  assert_found (store, BESPOKE_PEOPLE_ALL, "marie", "Anne-Marie O’Neill");
  assert_found (store, BESPOKE_PEOPLE_ALL, "neill", "Anne-Marie O’Neill");
  assert_found (store, BESPOKE_PEOPLE_ALL, "anne-marie", "Anne-Marie O’Neill");
  assert_found (store, BESPOKE_PEOPLE_ALL, "o'neill", "Anne-Marie O’Neill");

  /* the preferred name counts too */
  assert_found (store, BESPOKE_PEOPLE_ALL, "peg", "Margaret Jones");

  /* no search, or only spaces, is everyone */
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, NULL, NULL), ==, 9);
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, "  ", NULL), ==, 9);
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_CLIENTS, "", NULL), ==, 7);
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_STAFF, NULL, NULL), ==, 2);

  g_assert_finalize_object (store);
}

/* A renamed person is found by the new name only. */
static void
test_search_after_rename (void)
{
  BespokeStore *store = open_ok (":memory:");
  g_autoptr(BespokePerson) p = person_new (NULL, "Paul Smith");

  save_ok (store, p);
  assert_found (store, BESPOKE_PEOPLE_ALL, "smi", "Paul Smith");
  bespoke_person_set_name (p, "Paul Jones");
  save_ok (store, p);
  assert_found (store, BESPOKE_PEOPLE_ALL, "smi", "");
  assert_found (store, BESPOKE_PEOPLE_ALL, "jon", "Paul Jones");

  bespoke_person_set_archived (p, TRUE);
  save_ok (store, p);
  assert_found (store, BESPOKE_PEOPLE_ALL, "jon", "");
  g_assert_finalize_object (store);
}

typedef struct
{
  GPtrArray *names;
  guint      stop_after;  /* 0: never stop */
} Walk;

static gboolean
collect_name_cb (BespokePerson *person,
                 gpointer       user_data)
{
  Walk *walk = user_data;

  g_ptr_array_add (walk->names, g_strdup (bespoke_person_get_name (person)));
  return walk->stop_after == 0 || walk->names->len < walk->stop_after;
}

/* The counts the people list opens with follow every change: a count is
 * checked against the people saved, by hand, after each step. */
static void
assert_counts (BespokeStore *store,
               guint         clients,
               guint         staff)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_CLIENTS, NULL, &error), ==, clients);
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_STAFF, NULL, &error), ==, staff);
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, NULL, &error), ==, clients + staff);
  /* an empty search is no search */
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, "  ", &error), ==, clients + staff);
  g_assert_no_error (error);
}

static void
test_counts (void)
{
  BespokeStore *store = open_ok (":memory:");
  g_autoptr(BespokePerson) amy = person_new (NULL, "Amy Adams");
  g_autoptr(BespokePerson) ben = person_new (NULL, "Ben Brown");
  g_autoptr(BespokePerson) cara = person_new (NULL, "Cara Cole");
  g_autoptr(GError) error = NULL;

  assert_counts (store, 0, 0);
  save_ok (store, amy);
  save_ok (store, ben);
  bespoke_person_set_is_staff (cara, TRUE);
  save_ok (store, cara);
  assert_counts (store, 2, 1);                  /* Amy, Ben; Cara */

  /* saved again unchanged, renamed: no change */
  bespoke_person_set_name (amy, "Amy Archer");
  save_ok (store, amy);
  save_ok (store, amy);
  assert_counts (store, 2, 1);

  bespoke_person_set_archived (ben, TRUE);      /* Ben archived */
  save_ok (store, ben);
  assert_counts (store, 1, 1);
  bespoke_person_set_is_staff (ben, TRUE);      /* archived, made staff: still not counted */
  save_ok (store, ben);
  assert_counts (store, 1, 1);
  bespoke_person_set_archived (ben, FALSE);     /* back, as staff */
  save_ok (store, ben);
  assert_counts (store, 1, 2);

  bespoke_person_set_is_staff (cara, FALSE);    /* Cara is supported now */
  save_ok (store, cara);
  assert_counts (store, 2, 1);

  g_assert_true (bespoke_store_delete (store, amy, &error));
  g_assert_no_error (error);
  assert_counts (store, 1, 1);                  /* Cara; Ben */
  bespoke_person_set_archived (ben, TRUE);
  save_ok (store, ben);
  g_assert_true (bespoke_store_delete (store, ben, &error));   /* deleting an archived person */
  g_assert_no_error (error);
  assert_counts (store, 1, 0);

  /* a search still counts the rows it finds */
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, "cara", &error), ==, 1);
  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, "amy", &error), ==, 0);
  g_assert_no_error (error);

  g_assert_finalize_object (store);
}

static void
test_paging (void)
{
  BespokeStore *store = open_ok (":memory:");
  /* clients by name, any case, then staff by name */
  const char *expected[] = {
    "Amy Adams", "ben brown", "Cara Cole", "Dan Dunn", "Eve Evans",
    "Alan Staff", "Bob Staff",
  };
  const char *saved[] = { "Eve Evans", "Bob Staff", "Cara Cole", "Alan Staff", "Amy Adams", "Dan Dunn", "ben brown" };
  g_autoptr(GError) error = NULL;
  guint next = 0;

  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    {
      g_autoptr(BespokePerson) p = person_new (NULL, saved[i]);
      bespoke_person_set_is_staff (p, strstr (saved[i], "Staff") != NULL);
      save_ok (store, p);
    }
  {
    g_autoptr(BespokePerson) archived = person_new (NULL, "Aaron Archived");
    bespoke_person_set_archived (archived, TRUE);
    save_ok (store, archived);
  }

  g_assert_cmpuint (bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, NULL, &error), ==, 7);
  g_assert_true (bespoke_store_has_people (store));
  for (guint offset = 0; offset < 9; offset += 3)
    {
      g_autoptr(GPtrArray) page = bespoke_store_list_people (store, BESPOKE_PEOPLE_ALL, NULL, offset, 3, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (3, 7 - offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpstr (bespoke_person_get_name (g_ptr_array_index (page, i)), ==, expected[next++]);
    }
  g_assert_cmpuint (next, ==, 7);

  /* foreach walks them in the same order in one query, and can stop early */
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    Walk all = { names, 0 };
    Walk two = { names, 2 };

    g_assert_true (bespoke_store_foreach_person (store, BESPOKE_PEOPLE_ALL, NULL, collect_name_cb, &all, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (names->len, ==, 7);
    for (guint i = 0; i < names->len; i++)
      g_assert_cmpstr (g_ptr_array_index (names, i), ==, expected[i]);

    g_ptr_array_set_size (names, 0);
    g_assert_true (bespoke_store_foreach_person (store, BESPOKE_PEOPLE_ALL, NULL, collect_name_cb, &two, &error));
    g_assert_cmpuint (names->len, ==, 2);
  }

  {
    g_autoptr(GPtrArray) beyond = bespoke_store_list_people (store, BESPOKE_PEOPLE_ALL, NULL, 50, 10, &error);
    g_autoptr(GPtrArray) staff = bespoke_store_list_people (store, BESPOKE_PEOPLE_STAFF, NULL, 1, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (beyond->len, ==, 0);
    g_assert_cmpuint (staff->len, ==, 1);
    g_assert_cmpstr (bespoke_person_get_name (g_ptr_array_index (staff, 0)), ==, "Bob Staff");
  }
  g_assert_finalize_object (store);
}

#define PAUL_UUID   "aaaa1111-0000-4000-8000-000000000001"
#define PAULA_UUID  "aaaa2222-0000-4000-8000-000000000002"
#define CHRIS1_UUID "bbbb0000-0000-4000-8000-000000000003"
#define CHRIS2_UUID "cccc0000-0000-4000-8000-000000000004"

static void
assert_finds (BespokeStore *store,
              const char   *key,
              const char   *expected_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) p = bespoke_store_find_person (store, key, &error);

  g_test_message ("finding “%s”", key);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpstr (uuid_of (p), ==, expected_uuid);
}

static void
assert_finds_none (BespokeStore *store,
                   const char   *key,
                   int           code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) p = bespoke_store_find_person (store, key, &error);

  g_test_message ("finding “%s”", key);
  g_assert_null (p);
  g_assert_error (error, BESPOKE_ERROR, code);
  g_assert_nonnull (strstr (error->message, key));
}

static void
test_find_person (void)
{
  BespokeStore *store = open_ok (":memory:");
  const struct { const char *uuid; const char *name; const char *preferred; } people[] = {
    { PAUL_UUID, "Paul Smith", NULL },
    { PAULA_UUID, "Paula Jones", NULL },
    { CHRIS1_UUID, "Chris Brown", NULL },
    { CHRIS2_UUID, "Chris Brown", NULL },
    { "dddd0000-0000-4000-8000-000000000005", "Margaret Jones", "Peggy" },
    { "eeee0000-0000-4000-8000-000000000006", "Élodie Brûlé", NULL },
    { "ffff0000-0000-4000-8000-000000000007", "Bead", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(BespokePerson) p = person_new (people[i].uuid, people[i].name);
      bespoke_person_set_preferred_name (p, people[i].preferred);
      save_ok (store, p);
    }

  /* by UUID, whole or a unique prefix, any case */
  assert_finds (store, PAUL_UUID, PAUL_UUID);
  assert_finds (store, "aaaa1", PAUL_UUID);
  assert_finds (store, "AAAA2222", PAULA_UUID);
  assert_finds (store, "bbbb", CHRIS1_UUID);

  /* by exact name or preferred name, any case */
  assert_finds (store, "Paul Smith", PAUL_UUID);
  assert_finds (store, "paul smith", PAUL_UUID);
  assert_finds (store, "PAULA JONES", PAULA_UUID);
  assert_finds (store, "peggy", "dddd0000-0000-4000-8000-000000000005");
  assert_finds (store, "Élodie Brûlé", "eeee0000-0000-4000-8000-000000000006");
  assert_finds (store, "élodie brûlé", "eeee0000-0000-4000-8000-000000000006");
  assert_finds (store, "ÉLODIE BRÛLÉ", "eeee0000-0000-4000-8000-000000000006");
  /* a name that could be the start of a UUID, but is not one */
  assert_finds (store, "bead", "ffff0000-0000-4000-8000-000000000007");

  /* more than one: both are listed */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BespokePerson) p = bespoke_store_find_person (store, "chris brown", &error);

    g_assert_null (p);
    g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_AMBIGUOUS);
    g_assert_nonnull (strstr (error->message, CHRIS1_UUID));
    g_assert_nonnull (strstr (error->message, CHRIS2_UUID));
    g_clear_error (&error);

    p = bespoke_store_find_person (store, "aaaa", &error);
    g_assert_null (p);
    g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_AMBIGUOUS);
    g_assert_nonnull (strstr (error->message, PAUL_UUID));
    g_assert_nonnull (strstr (error->message, PAULA_UUID));
    g_assert_nonnull (strstr (error->message, "Paul Smith"));
    g_assert_nonnull (strstr (error->message, "Paula Jones"));
  }

  /* nobody */
  assert_finds_none (store, "Nobody Here", BESPOKE_ERROR_NOT_FOUND);
  assert_finds_none (store, "Paul", BESPOKE_ERROR_NOT_FOUND);
  assert_finds_none (store, "Paul Smit", BESPOKE_ERROR_NOT_FOUND);
  assert_finds_none (store, "9999", BESPOKE_ERROR_NOT_FOUND);
  assert_finds_none (store, "", BESPOKE_ERROR_NOT_FOUND);

  g_assert_finalize_object (store);
}

/* ---- photos --------------------------------------------------------------- */

static void
test_photos (void)
{
  BespokeStore *store = open_ok (":memory:");
  g_autoptr(BespokePerson) paul = person_new (NULL, "Paul Smith");
  g_autoptr(BespokePerson) anne = person_new (NULL, "Anne Jones");
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autoptr(GBytes) jpeg = g_bytes_new_static ("\xff\xd8\xff\xe0\0\x10JFIF\0", 11);
  g_autoptr(GError) error = NULL;
  g_autofree char *nobody = g_uuid_string_random ();

  save_ok (store, paul);
  save_ok (store, anne);

  /* none yet: NULL, and not an error */
  {
    g_autofree char *mime = NULL;
    g_autoptr(GBytes) none = bespoke_store_get_photo (store, uuid_of (paul), &mime, &error);
    g_assert_no_error (error);
    g_assert_null (none);
    g_assert_null (mime);
  }

  g_assert_true (bespoke_store_set_photo (store, uuid_of (paul), png, "image/png", &error));
  g_assert_no_error (error);
  {
    g_autofree char *mime = NULL;
    g_autoptr(GBytes) back = bespoke_store_get_photo (store, uuid_of (paul), &mime, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, png));
    g_assert_cmpstr (mime, ==, "image/png");
  }

  /* replaced */
  g_assert_true (bespoke_store_set_photo (store, uuid_of (paul), jpeg, "image/jpeg", &error));
  g_assert_no_error (error);
  {
    g_autofree char *mime = NULL;
    g_autoptr(GBytes) back = bespoke_store_get_photo (store, uuid_of (paul), &mime, &error);
    g_assert_true (g_bytes_equal (back, jpeg));
    g_assert_cmpstr (mime, ==, "image/jpeg");
  }

  /* one person's photo is theirs */
  {
    g_autoptr(GBytes) none = bespoke_store_get_photo (store, uuid_of (anne), NULL, &error);
    g_assert_no_error (error);
    g_assert_null (none);
  }

  /* removed */
  g_assert_true (bespoke_store_set_photo (store, uuid_of (paul), NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) none = bespoke_store_get_photo (store, uuid_of (paul), NULL, &error);
    g_assert_no_error (error);
    g_assert_null (none);
  }

  /* nobody's photo */
  g_assert_false (bespoke_store_set_photo (store, nobody, png, "image/png", &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_MISSING_REFERENCE);
  g_clear_error (&error);

  /* a person's photo goes with them */
  g_assert_true (bespoke_store_set_photo (store, uuid_of (anne), png, "image/png", &error));
  g_assert_true (bespoke_store_delete (store, anne, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) none = bespoke_store_get_photo (store, uuid_of (anne), NULL, &error);
    g_assert_no_error (error);
    g_assert_null (none);
  }

  g_assert_finalize_object (store);
}

typedef struct
{
  guint changed;
  guint committed;
  GType type;
  char *uuid;
} Heard;

static void
on_changed_heard_cb (BespokeStore *store,
                     GType         type,
                     const char   *uuid,
                     Heard        *heard)
{
  heard->changed++;
  heard->type = type;
  g_free (heard->uuid);
  heard->uuid = g_strdup (uuid);
}

static void
on_committed_heard_cb (BespokeStore *store,
                       Heard        *heard)
{
  g_assert_cmpuint (heard->changed, >, heard->committed);  /* ::changed first */
  heard->committed++;
}

/* Another connection wrote to the file: listeners hear that anything may
 * have changed (every record type, no one record), then that it is done. */
static void
test_changed_elsewhere (void)
{
  BespokeStore *store = open_ok (":memory:");
  Heard heard = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_heard_cb), &heard);
  g_signal_connect (store, "committed", G_CALLBACK (on_committed_heard_cb), &heard);
  bespoke_store_changed_elsewhere (store);

  g_assert_cmpuint (heard.changed, ==, 1);
  g_assert_cmpuint (heard.committed, ==, 1);
  g_assert_true (heard.type == BESPOKE_TYPE_RECORD);
  g_assert_null (heard.uuid);
  g_assert_finalize_object (store);
}

/* A read transaction sees one snapshot: a person another connection saves
 * meanwhile appears only after it ends.  Taking the writers' lock keeps
 * every other writer out until then; without it, they may write.  Inside
 * the caller's own transaction it cannot begin, and changes nothing. */
static void
test_consistent_read (void)
{
  g_autofree char *tmp = temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "read.db", NULL);
  BespokeStore *store = open_ok (path);
  BespokeStore *other = open_ok (path);
  g_autoptr(BespokePerson) one = person_new (NULL, "One");
  g_autoptr(BespokePerson) two = person_new (NULL, "Two");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READWRITE);

  g_assert_true (bespoke_store_save (store, one, &error));
  g_assert_no_error (error);

  g_assert_true (bespoke_store_begin_read (store, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_PERSON, &error), ==, 1);
  g_assert_true (bespoke_store_save (other, two, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_PERSON, &error), ==, 1);
  bespoke_store_end_read (store);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_PERSON, &error), ==, 2);

  /* the writers' lock: a writer that will not wait is refused */
  g_assert_true (bespoke_store_begin_read (store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_BUSY);
  bespoke_store_end_read (store);
  raw_exec (db, "BEGIN IMMEDIATE");
  raw_exec (db, "COMMIT");

  /* inside the caller's transaction: refused, and the transaction goes on */
  g_assert_true (bespoke_store_begin (store, &error));
  g_assert_false (bespoke_store_begin_read (store, FALSE, &error));
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE);
  g_clear_error (&error);
  g_assert_false (bespoke_store_begin_read (store, TRUE, NULL));
  bespoke_person_set_name (one, "One Again");
  g_assert_true (bespoke_store_save (store, one, &error));
  g_assert_true (bespoke_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM people WHERE name = 'One Again'"), ==, 1);

  sqlite3_close (db);
  g_assert_finalize_object (other);
  g_assert_finalize_object (store);
  remove_tree (tmp);
}

/* The bulk tools' page cache is a setting of the connection, nothing more */
static void
test_bulk_cache (void)
{
  BespokeStore *store = open_ok (":memory:");
  g_autoptr(BespokePerson) p = person_new (NULL, "Bulk");
  g_autoptr(GError) error = NULL;

  g_assert_true (bespoke_store_set_bulk_cache (store, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_store_save (store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bespoke_store_count (store, BESPOKE_TYPE_PERSON, &error), ==, 1);
  g_assert_finalize_object (store);
}

/* Schema 6 (folded name search) on a database made before it: the old
 * index held the words case-folded only ("élodie"), so "elodie" found no
 * one; after opening, the index is built again, folded, in one
 * transaction, and the rebuild's row is gone. */
static void
test_folded_search_migration (void)
{
  g_autofree char *tmp = temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "old.db", NULL);
  g_autoptr(BespokePerson) elodie = person_new (NULL, "\u00c9lodie Martin");
  g_autofree char *uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (elodie)));
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(BespokeStore) store = bespoke_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (bespoke_store_save (store, elodie, &error));
    g_assert_no_error (error);
  }
  {
    /* back to schema 5, with its index as schema 5 wrote it */
    sqlite3 *db = raw_open (path, SQLITE_OPEN_READWRITE);
    g_autofree char *insert = g_strdup_printf ("INSERT INTO people_search (word, uuid) VALUES "
                                               "('\u00e9lodie', '%s'), ('martin', '%s')", uuid, uuid);

    raw_exec (db, "DROP TABLE people_search_rebuild; DELETE FROM people_search; "
                  "DROP INDEX IF EXISTS people_by_uuid_sort; DROP INDEX people_by_sort_key; ALTER TABLE people DROP COLUMN sort_key; "
                  "CREATE INDEX people_by_name ON people (archived, is_staff, name COLLATE NOCASE, uuid); "
                  "PRAGMA user_version = 5");
    raw_exec (db, insert);
    sqlite3_close (db);
  }
  {
    g_autoptr(BespokeStore) store = bespoke_store_open (path, &error);
    g_autoptr(GPtrArray) found = NULL;
    g_autofree char *pending = NULL;

    g_assert_no_error (error);
    found = bespoke_store_list_people (store, BESPOKE_PEOPLE_ALL, "elodie", 0, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (bespoke_record_get_uuid (g_ptr_array_index (found, 0)), ==, uuid);
    pending = raw_query (path, "SELECT count(*) FROM people_search_rebuild");
    g_assert_cmpstr (pending, ==, "0");
  }
}

/* What SQLite's EXPLAIN QUERY PLAN says of @sql, one step a line. */
static char *
query_plan (const char *path,
            const char *sql)
{
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READONLY);
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (plan, FALSE);
}

/* Schema 8's sort key on a schema-6 database: the column is added and
 * filled in for everyone already there, and the list is in folded order.
 * By hand: "Åsa" folds to "asa", "Élodie" to "elodie", "Zoë" to "zoe";
 * plain "Elodie Martin" and "Élodie Martin" fold alike, and the name's
 * bytes break the tie ('E' 0x45 before 'É' 0xc3 0x89). */
static void
test_sort_key_migration (void)
{
  const char *names[] = { "Zo\u00eb Clarke", "\u00c9lodie Martin", "\u00c5sa Berg", "Elodie Martin", "Adam Ng" };
  const char *expected[] = { "Adam Ng", "\u00c5sa Berg", "Elodie Martin", "\u00c9lodie Martin", "Zo\u00eb Clarke" };
  g_autofree char *tmp = temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "schema-6.db", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(BespokeStore) store = open_ok (path);

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(BespokePerson) p = person_new (NULL, names[i]);
        g_assert_true (bespoke_store_save (store, p, &error));
        g_assert_no_error (error);
      }
  }
  {
    /* back to schema 6: no sort_key, the NOCASE index of schemas 1 to 7 */
    sqlite3 *db = raw_open (path, SQLITE_OPEN_READWRITE);

    raw_exec (db, "DROP INDEX IF EXISTS people_by_uuid_sort; DROP INDEX people_by_sort_key; ALTER TABLE people DROP COLUMN sort_key; "
                  "CREATE INDEX people_by_name ON people (archived, is_staff, name COLLATE NOCASE, uuid); "
                  "PRAGMA user_version = 6");
    sqlite3_close (db);
  }
  {
    g_autoptr(BespokeStore) store = open_ok (path);
    g_autoptr(GPtrArray) people = bespoke_store_list_people (store, BESPOKE_PEOPLE_ALL, NULL, 0, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (people->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < people->len; i++)
      g_assert_cmpstr (bespoke_person_get_name (g_ptr_array_index (people, i)), ==, expected[i]);
    for (guint i = 1; i < people->len; i++)
      g_assert_cmpint (bespoke_store_compare_people (g_ptr_array_index (people, i - 1), g_ptr_array_index (people, i)), ==, -1);
  }
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM people WHERE sort_key IS NULL"), ==, 0);
  {
    g_autofree char *key = raw_query (path, "SELECT sort_key FROM people WHERE name = '\u00c5sa Berg'");
    g_autofree char *plan = query_plan (path, "SELECT uuid FROM people WHERE archived = 0 ORDER BY is_staff, sort_key, name, uuid");
    g_assert_cmpstr (key, ==, "asa berg");
    /* the list is an index scan, not a sort of every row */
    g_assert_nonnull (strstr (plan, "people_by_sort_key"));
    g_assert_null (strstr (plan, "TEMP B-TREE"));
  }
  {
    /* schema 11: a search's people are looked up in a covering index,
     * not read whole from the table (see 0011-search-lookup.sql) */
    g_autofree char *plan = query_plan (path, "SELECT count(*) FROM people INDEXED BY people_by_uuid_sort"
                                              " WHERE +archived = 0 AND uuid IN (SELECT uuid FROM people_search)");
    g_assert_nonnull (strstr (plan, "COVERING INDEX people_by_uuid_sort"));
  }
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM people_search_rebuild"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open/new-file", test_new_file);
  g_test_add_func ("/store/open/default-path", test_default_path);
  g_test_add_func ("/store/open/memory", test_memory);
  g_test_add_func ("/store/open/newer-schema", test_newer_schema);
  g_test_add_func ("/store/open/not-bespoke", test_not_bespoke);
  g_test_add_func ("/store/open/empty-file", test_empty_file);
  g_test_add_func ("/store/migrate/schema-1", test_migrate_schema_1);
  g_test_add_func ("/store/people/search", test_search);
  g_test_add_func ("/store/people/search-after-rename", test_search_after_rename);
  g_test_add_func ("/store/people/counts", test_counts);
  g_test_add_func ("/store/people/paging", test_paging);
  g_test_add_func ("/store/people/find", test_find_person);
  g_test_add_func ("/store/photos", test_photos);
  g_test_add_func ("/store/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/store/consistent-read", test_consistent_read);
  g_test_add_func ("/store/bulk-cache", test_bulk_cache);
  g_test_add_func ("/store/folded-search-migration", test_folded_search_migration);
  g_test_add_func ("/store/sort-key-migration", test_sort_key_migration);

  return g_test_run ();
}
