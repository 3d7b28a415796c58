/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups (issue #12): the online backup API's copy, consistent while an
 * import writes; 0600 files in a 0700 folder; what is kept (7 days, then a
 * week for 4 weeks); restore, its preview, and its undo; bespoke-cli
 * backup and restore. */
#define G_LOG_DOMAIN "bespoke-test-backup"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bespoke-core.h"
#include "bespoke-synth.h"
#include "bespoke-test-util.h"

/* The example data: 11 people, of whom 2 are staff (Danny and Sam) */
#define EXAMPLE_PEOPLE 9
#define EXAMPLE_STAFF 2

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return out;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static BespokeStore *
example_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  BespokeStore *store = open_store_at (path);

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_backup_and_preview (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(BespokeStore) store = example_store (db);
  g_autofree char *path = NULL;
  g_autofree char *check = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  BespokeBackupPreview preview;
  struct stat st;

  g_assert_true (bespoke_backup_database (db, backups, NULL, &path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, backups));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (backups, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  check = raw_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  /* one file: no -wal beside it, even after it has been read */
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_true (bespoke_backup_preview (path, &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpint (preview.people, ==, EXAMPLE_PEOPLE);
  g_assert_cmpint (preview.staff, ==, EXAMPLE_STAFF);
  /* one shared home, Oak House, and one provider, Hillside Support */
  g_assert_cmpint (preview.homes, ==, 1);
  g_assert_cmpint (preview.providers, ==, 1);
  g_assert_cmpint (preview.schema, ==, bespoke_store_get_latest_schema ());
  g_assert_cmpint (ABS (preview.taken_at - g_get_real_time ()), <, 120 * G_USEC_PER_SEC);

  list = bespoke_backup_list (backups, db, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* not a Bespoke database: a sentence */
  {
    g_autofree char *other = g_build_filename (dir, "notes.db", NULL);
    g_autoptr(GError) not_ours = NULL;

    g_assert_true (g_file_set_contents (other, "just some notes", -1, NULL));
    g_assert_false (bespoke_backup_preview (other, &preview, &not_ours));
    g_assert_error (not_ours, BESPOKE_ERROR, BESPOKE_ERROR_NOT_BESPOKE);
  }
}

/* ---- a backup while an import writes ------------------------------------ */

typedef struct
{
  char *db;
  char *file;
  int   done;
} Import;

static gpointer
import_thread (gpointer data)
{
  Import *import = data;
  g_autoptr(BespokeStore) store = open_store_at (import->db);
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = bespoke_xml_import (store, import->file, BESPOKE_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_atomic_int_set (&import->done, 1);
  return NULL;
}

/* Backups taken while a 300-person import is being written each pass
 * integrity_check and hold the people before it or after it, never part. */
static void
test_backup_during_import (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *source = g_build_filename (dir, "source.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  Import import = { 0 };
  GThread *thread;
  guint taken = 0, before = 0, after = 0;

  {
    g_autoptr(BespokeStore) store = open_store_at (source);
    g_assert_true (bespoke_synth_people (store, 300, 7, NULL, NULL, &error));
    g_assert_no_error (error);
    import.file = g_build_filename (dir, "three-hundred.bespoke", NULL);
    g_assert_true (bespoke_xml_export (store, BESPOKE_XML_EXPORT_ALL, NULL, import.file, &error));
    g_assert_no_error (error);
  }
  import.db = g_build_filename (dir, "office.db", NULL);
  g_clear_error (&error);
  {
    g_autoptr(BespokeStore) empty = open_store_at (import.db);
  }

  thread = g_thread_new ("import", import_thread, &import);
  do
    {
      g_autofree char *path = NULL;
      g_autofree char *check = NULL;
      g_autofree char *people = NULL;

      g_assert_true (bespoke_backup_database (import.db, backups, NULL, &path, NULL, &error));
      g_assert_no_error (error);
      check = raw_text (path, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      people = raw_text (path, "SELECT count(*) FROM people");
      if (g_str_equal (people, "0"))
        before++;
      else if (g_str_equal (people, "300"))
        after++;
      else
        g_error ("a backup holds %s people: part of the import", people);
      bespoke_store_delete_database_files (path, NULL);
      taken++;
    }
  while (!g_atomic_int_get (&import.done) || after == 0);
  g_thread_join (thread);
  g_assert_cmpuint (before + after, ==, taken);
  g_assert_cmpuint (after, >=, 1);
  g_test_message ("%u backups during the import: %u before it, %u after", taken, before, after);
  g_free (import.db);
  g_free (import.file);
}

/* ---- what is kept ------------------------------------------------------- */

static void
test_retention (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 3, 1, 12, 0, 0);
  /* ages in hours; kept: younger than 7 days (168 h), then the newest in
   * each week after that, for 4 weeks (weeks from 7 to 14 days, 14 to 21,
   * 21 to 28 and 28 to 35 days):
   *   2 h, 1 d, 3 d, 6 d 22 h       younger than 7 days: kept
   *   7 d 12 h, 8 d, 13 d           week 1: 7 d 12 h kept, 8 d and 13 d go
   *   14 d 12 h, 20 d               week 2: 14 d 12 h kept, 20 d goes
   *   22 d                          week 3: kept
   *   30 d, 34 d                    week 4: 30 d kept, 34 d goes
   *   36 d, 60 d                    older than 5 weeks: go */
  const int hours[] = { 2, 24, 72, 166, 180, 192, 312, 348, 480, 528, 720, 816, 864, 1440 };
  const gboolean kept[] = { TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE, TRUE, FALSE, TRUE, TRUE, FALSE, FALSE, FALSE };
  g_autofree char *other = g_build_filename (dir, "bespoke-20200101-000000.db", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (now, -hours[i]);
      g_autofree char *stamp = g_date_time_format (when, "office-%Y%m%d-%H%M%S.db");
      g_autofree char *path = g_build_filename (dir, stamp, NULL);

      g_assert_true (g_file_set_contents (path, "", 0, NULL));
    }
  /* another database's backup is not this one's to remove */
  g_assert_true (g_file_set_contents (other, "", 0, NULL));

  g_assert_cmpuint (bespoke_backup_prune (dir, db, now), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (now, -hours[i]);
      g_autofree char *stamp = g_date_time_format (when, "office-%Y%m%d-%H%M%S.db");
      g_autofree char *path = g_build_filename (dir, stamp, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS) != kept[i])
        g_error ("the backup %d hours old was %s", hours[i], kept[i] ? "removed" : "kept");
    }
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  /* a second time, nothing more */
  g_assert_cmpuint (bespoke_backup_prune (dir, db, now), ==, 0);
}

/* ---- restore ------------------------------------------------------------ */

static guint
count_people (BespokeStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = bespoke_store_count_people (store, BESPOKE_PEOPLE_ALL, NULL, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_restore_and_undo (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(BespokeStore) store = example_store (db);
  g_autoptr(BespokePerson) jennie = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *undo_again = NULL;
  g_autoptr(GError) error = NULL;
  guint n = count_people (store);

  g_assert_true (bespoke_backup_database (db, backups, NULL, &backup, NULL, &error));
  g_assert_true (bespoke_store_note_backup (store, backup, &error));
  jennie = bespoke_store_find_person (store, "Jennie", &error);
  g_assert_true (bespoke_store_delete (store, jennie, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (store), ==, n - 1);

  g_assert_true (bespoke_store_restore_backup (store, backup, backups, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (store), ==, n);
  g_assert_true (g_file_test (undo, G_FILE_TEST_IS_REGULAR));

  /* the trail: the backup, the deletion, the backup just before the
   * restore, and the restore, which names it */
  trail = bespoke_store_audit_list (store, 0, &error);
  g_assert_cmpuint (trail->len, ==, 4);
  g_assert_cmpint (((BespokeAuditEntry *) trail->pdata[0])->action, ==, BESPOKE_AUDIT_BACKUP);
  g_assert_cmpint (((BespokeAuditEntry *) trail->pdata[1])->action, ==, BESPOKE_AUDIT_DELETE);
  g_assert_cmpint (((BespokeAuditEntry *) trail->pdata[2])->action, ==, BESPOKE_AUDIT_BACKUP);
  g_assert_cmpint (((BespokeAuditEntry *) trail->pdata[3])->action, ==, BESPOKE_AUDIT_RESTORE);
  g_assert_nonnull (strstr (((BespokeAuditEntry *) trail->pdata[3])->detail, undo));

  /* undone: Jennie is gone again */
  g_assert_true (bespoke_store_restore_backup (store, undo, backups, &undo_again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (store), ==, n - 1);

  /* not a backup: refused, nothing changed */
  {
    g_autofree char *notes = g_build_filename (dir, "notes.db", NULL);
    g_autoptr(GError) refused = NULL;

    guint n_files = count_entries (backups);
    g_autoptr(GPtrArray) trail_before = bespoke_store_audit_list (store, 0, NULL);
    g_autoptr(GPtrArray) trail_after = NULL;

    g_assert_true (g_file_set_contents (notes, "just some notes", -1, NULL));
    g_assert_false (bespoke_store_restore_backup (store, notes, backups, NULL, &refused));
    g_assert_error (refused, BESPOKE_ERROR, BESPOKE_ERROR_NOT_BESPOKE);
    g_assert_nonnull (strstr (refused->message, notes));
    g_assert_true (g_str_has_suffix (refused->message, "."));
    g_assert_cmpuint (count_people (store), ==, n - 1);
    /* no backup taken, no partial copy left, nothing noted */
    g_assert_cmpuint (count_entries (backups), ==, n_files);
    trail_after = bespoke_store_audit_list (store, 0, NULL);
    g_assert_cmpuint (trail_after->len, ==, trail_before->len);
  }
}

/* A backup cut short (half its pages), and one with its pages scrambled
 * past the header: refused with a sentence, before anything is done */
static void
test_restore_damaged (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(BespokeStore) store = example_store (db);
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  gsize length;
  guint n = count_people (store);
  guint n_files;

  g_assert_true (bespoke_backup_database (db, backups, NULL, &backup, NULL, &error));
  g_assert_no_error (error);
  n_files = count_entries (backups);
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);

  for (guint kind = 0; kind < 2; kind++)
    {
      g_autoptr(GError) refused = NULL;

      if (kind == 0)
        g_assert_true (g_file_set_contents (damaged, contents, (gssize) length / 2, NULL));
      else
        {
          g_autofree char *scrambled = g_memdup2 (contents, length);
          for (gsize i = 4096; i < length; i++)
            scrambled[i] = (char) (i * 31);
          g_assert_true (g_file_set_contents (damaged, scrambled, (gssize) length, NULL));
        }
      g_assert_false (bespoke_store_restore_backup (store, damaged, backups, NULL, &refused));
      g_assert_nonnull (refused);
      g_assert_nonnull (strstr (refused->message, damaged));
      g_assert_cmpuint (count_people (store), ==, n);
      g_assert_cmpuint (count_entries (backups), ==, n_files);
    }
  trail = bespoke_store_audit_list (store, 0, &error);
  g_assert_cmpuint (trail->len, ==, 0);
}

/* Partial files of killed backups go, and only they: not one being
 * written (held locked), not a finished backup, not another file */
static void
test_remove_stale (void)
{
  g_autofree char *dir = temp_dir ();
  const char *stale[] = { ".office-a1B2c3.partial", ".office-a1B2c3.partial-journal", ".other-zzzzzz.partial" };
  const char *kept[] = { ".office-abc.partial", "office-20270301-093000.db", ".office-a1B2c3.partial-wal~",
                         "office.partial", ".office-a1B2c3.partialx" };
  g_autofree char *busy = g_build_filename (dir, ".office-busy01.partial", NULL);
  int fd;

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_build_filename (dir, stale[i], NULL);
      g_assert_true (g_file_set_contents (path, "x", -1, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);
      g_assert_true (g_file_set_contents (path, "x", -1, NULL));
    }
  g_assert_true (g_file_set_contents (busy, "x", -1, NULL));
  fd = open (busy, O_RDONLY);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_cmpuint (bespoke_backup_remove_stale (dir), ==, G_N_ELEMENTS (stale));
  g_assert_cmpuint (count_entries (dir), ==, G_N_ELEMENTS (kept) + 1);
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  close (fd);
  g_assert_cmpuint (bespoke_backup_remove_stale (dir), ==, 1);
  g_assert_false (g_file_test (busy, G_FILE_TEST_EXISTS));
}

/* The number of the first @call (1, 2, …) that bespoke-cli backup makes on
 * a file in @folder, from strace -y's log of a run that succeeds */
static guint
first_call_in (const char *strace,
               const char *call,
               const char *db,
               const char *folder)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = temp_dir ();
  g_autofree char *log = g_build_filename (dir, "strace.log", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *trace = g_strconcat ("trace=", call, NULL);
  g_autofree char *prefix = g_strconcat (call, "(", NULL);
  guint n = 0;

  run_argv (&run, (const char *[]) { strace, "-f", "-qq", "-y", "-o", log, "-E", STRACE_NO_LEAK_CHECK, "-e", trace,
                                     BESPOKE_CLI_PATH, "--database", db, "backup", "--folder", folder, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (log, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *at = strstr (lines[i], prefix);

      if (at == NULL)
        continue;
      n++;
      if (strstr (at, folder) != NULL)
        return n;
    }
  g_error ("bespoke-cli backup made no %s call in %s", call, folder);
  return 0;
}

/* The disk fills up while the copy is written (the copy's first pwrite64
 * and every one after say ENOSPC), or when it is synced: "The disk is
 * full" with the backups folder, status 1, and no partial file left; the
 * database unchanged */
static void
test_disk_full (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *before = NULL;

  CLI (&run, "--database", db, "example");
  g_assert_cmpint (run.status, ==, 0);
  before = raw_text (db, "SELECT group_concat(uuid) FROM people");
  if (strace == NULL)
    {
      g_test_skip ("strace is not installed (build-aux/install-deps installs it)");
      return;
    }
  for (guint fault = 0; fault < 2; fault++)
    {
      g_autofree char *inject = NULL;
      const char *trace = fault == 0 ? "trace=pwrite64" : "trace=fdatasync,fsync";
      g_autofree char *after = NULL;
      g_autofree char *check = NULL;

      if (fault == 0)
        inject = g_strdup_printf ("inject=pwrite64:error=ENOSPC:when=%u+", first_call_in (strace, "pwrite64", db, backups));
      else
        inject = g_strdup ("inject=fdatasync,fsync:error=ENOSPC");
      /* the run above made one backup: start from none */
      remove_tree (backups);
      run_argv (&run, (const char *[]) { strace, "-f", "-o", "/dev/null", "-E", STRACE_NO_LEAK_CHECK, "-e", trace, "-e", inject,
                                         BESPOKE_CLI_PATH, "--database", db, "backup", "--folder", backups, NULL });
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "The disk is full"));
      g_assert_nonnull (strstr (run.err, backups));
      g_assert_cmpuint (count_entries (backups), ==, 0);
      after = raw_text (db, "SELECT group_concat(uuid) FROM people");
      g_assert_cmpstr (after, ==, before);
      check = raw_text (db, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
    }
}

static void
test_cli (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *backup = NULL;

  CLI (&run, "--database", db, "example");
  g_assert_cmpint (run.status, ==, 0);
  CLI (&run, "--database", db, "backup", "--folder", backups);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Backed up to "));
  list = bespoke_backup_list (backups, db, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  backup = g_strdup (((BespokeBackupInfo *) list->pdata[0])->path);

  CLI (&run, "--database", db, "restore", backup, "--folder", backups);
  g_assert_cmpint (run.status, ==, 0);
  /* the example's 9 people supported, 2 staff, 1 provider, 1 shared home */
  g_assert_nonnull (strstr (run.out, ": 9 people, 2 staff, "));
  g_assert_nonnull (strstr (run.out, " plans, 1 shared home.\n"));
  g_assert_nonnull (strstr (run.out, "To undo it: bespoke-cli restore "));

  CLI (&run, "--database", db, "audit");
  g_assert_nonnull (strstr (run.out, "\tbackup\tBacked up to "));
  g_assert_nonnull (strstr (run.out, "\trestore\tRestored the backup of "));

  CLI (&run, "--database", db, "restore", "/nonexistent.db");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is not a Bespoke backup"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/backup-and-preview", test_backup_and_preview);
  g_test_add_func ("/backup/during-import", test_backup_during_import);
  g_test_add_func ("/backup/retention", test_retention);
  g_test_add_func ("/backup/restore-and-undo", test_restore_and_undo);
  g_test_add_func ("/backup/restore-damaged", test_restore_damaged);
  g_test_add_func ("/backup/remove-stale", test_remove_stale);
  g_test_add_func ("/backup/disk-full", test_disk_full);
  g_test_add_func ("/backup/cli", test_cli);
  return g_test_run ();
}
