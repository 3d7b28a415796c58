/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bespoke-cli when things go wrong (issue #12): exit codes that tell the
 * truth, a full disk named as such, and no temporary file left behind. */
#define G_LOG_DOMAIN "bespoke-test-hostile-cli"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <utime.h>

#include "bespoke-core.h"
#include "bespoke-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  f->dir = temp_dir ();
  f->db = g_build_filename (f->dir, "office.db", NULL);
  f->file = g_build_filename (f->dir, "all.bespoke", NULL);
  CLI (&run, "--database", f->db, "example");
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->dir);
  g_free (f->db);
  g_free (f->file);
}

static void
set_notes (const char *db,
           const char *who,
           const char *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (db, &error);
  g_autoptr(BespokePerson) person = NULL;

  g_assert_no_error (error);
  person = bespoke_store_find_person (store, who, &error);
  g_assert_no_error (error);
  bespoke_person_set_notes (person, notes);
  bespoke_store_save (store, person, &error);
  g_assert_no_error (error);
}

/* An import with a conflict whose conflicts file cannot be written (a
 * folder is in its way) exited 1 after committing.  Now the file is
 * written before the commit, and when it cannot be, nothing is imported:
 * the new person in the file is not added. */
static void
test_conflicts_unwritable (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *laptop = g_build_filename (f->dir, "laptop.db", NULL);
  g_autofree char *conflicts = g_strconcat (f->file, ".conflicts.xml", NULL);

  CLI (&run, "--database", f->db, "export", "--all", "-o", f->file);
  g_assert_cmpint (run.status, ==, 0);
  CLI (&run, "--database", laptop, "import", f->file);
  g_assert_cmpint (run.status, ==, 0);
  set_notes (f->db, "Paul", "Office: likes an early start.");
  set_notes (laptop, "Paul", "Laptop: prefers a lie-in on Saturdays.");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BespokeStore) store = bespoke_store_open (laptop, &error);
    g_autoptr(BespokePerson) sam = bespoke_person_new ();

    g_assert_no_error (error);
    bespoke_person_set_name (sam, "Sam Newcomer");
    bespoke_store_save (store, sam, &error);
    g_assert_no_error (error);
  }
  CLI (&run, "--database", laptop, "export", "Paul", "Sam Newcomer", "-o", f->file);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_cmpint (g_mkdir (conflicts, 0700), ==, 0);
  CLI (&run, "--database", f->db, "import", f->file);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  CLI (&run, "--database", f->db, "people", "--search", "Newcomer");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "Sam Newcomer"));

  /* with the way clear, the same import saves both and writes the file */
  g_assert_cmpint (g_rmdir (conflicts), ==, 0);
  CLI (&run, "--database", f->db, "import", f->file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (conflicts, G_FILE_TEST_IS_REGULAR));
  CLI (&run, "--database", f->db, "people", "--search", "Newcomer");
  g_assert_nonnull (strstr (run.out, "Sam Newcomer"));
}

static void
touch_at (const char *path,
          gint64      seconds_ago)
{
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, "personal data", -1, NULL));
  times.actime = times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - seconds_ago);
  g_assert_cmpint (utime (path, &times), ==, 0);
}

/* A killed export left its temporary file (0600, personal data) for ever.
 * Before each export, this program's stale temporary exports in that
 * folder, older than an hour, go; nothing else does. */
static void
test_stale_temporary_exports (Fixture       *f,
                              gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *stale = g_build_filename (f->dir, ".all.bespoke.bespoke-export-Ab12Cd", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, ".visit.bespoke.bespoke-export-Zz99zz", NULL);
  g_autofree char *other = g_build_filename (f->dir, "all.bespoke.Ab12Cd", NULL);
  g_autofree char *near = g_build_filename (f->dir, ".all.bespoke.bespoke-export-Ab12C", NULL);
  g_autoptr(GDir) d = NULL;
  const char *name;

  touch_at (stale, 2 * 3600);
  touch_at (fresh, 60);
  touch_at (other, 2 * 3600);
  touch_at (near, 2 * 3600);
  CLI (&run, "--database", f->db, "export", "--all", "-o", f->file);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (near, G_FILE_TEST_EXISTS));

  /* and the export left none of its own */
  d = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_true (!g_str_has_suffix (name, "bespoke-export-Ab12Cd") || g_str_has_prefix (name, "."));
  g_assert_cmpuint (bespoke_xml_export_remove_stale (f->dir), ==, 0);
}

/* Runs bespoke-cli under strace, with the @when-th @call (strace's
 * "when": "3", or "1+" for every one) of each thread failing with ENOSPC.
 * FALSE if strace is not there. */
static gboolean
run_with_full_disk (Run        *run,
                    const char *call,
                    const char *when,
                    const char *db,
                    const char *command,
                    const char *arg1,
                    const char *arg2,
                    const char *arg3)
{
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *inject = g_strdup_printf ("inject=%s:error=ENOSPC:when=%s", call, when);
  g_autofree char *trace = g_strdup_printf ("trace=%s", call);

  if (strace == NULL)
    return FALSE;
  run_argv (run, (const char *[]) { strace, "-f", "-o", "/dev/null", "-E", STRACE_NO_LEAK_CHECK, "-e", trace, "-e", inject,
                                    BESPOKE_CLI_PATH, "--database", db, command, arg1, arg2, arg3, NULL });
  return TRUE;
}

/* An export to a full disk said "Bad file descriptor" and two raw lines
 * from libxml2.  With each of its first writes failing in turn: either
 * the export succeeds, or it says the disk is full with the path, exits 1,
 * and leaves neither the file nor a temporary one. */
static void
test_export_disk_full (Fixture       *f,
                       gconstpointer  data)
{
  guint full = 0;

  for (guint n = 1; n <= 12; n++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(GDir) d = NULL;
      g_autofree char *when = g_strdup_printf ("%u", n);
      const char *name;

      g_remove (f->file);
      if (!run_with_full_disk (&run, "write", when, f->db, "export", "--all", "-o", f->file))
        {
          g_test_skip ("strace is not installed (build-aux/install-deps installs it)");
          return;
        }
      g_test_message ("write %u: exit %d: %s", n, run.status, run.err);
      if (run.status == 0)
        g_assert_true (g_file_test (f->file, G_FILE_TEST_IS_REGULAR));
      else
        {
          /* strace counts each thread's calls apart: the n-th write of the
           * main thread may be the message itself, which is then lost */
          g_assert_cmpint (run.status, ==, 1);
          if (*run.err != '\0')
            {
              g_assert_nonnull (strstr (run.err, "The disk is full"));
              g_assert_nonnull (strstr (run.err, f->file));
              full++;
            }
          g_assert_null (strstr (run.err, "I/O error"));
          g_assert_false (g_file_test (f->file, G_FILE_TEST_EXISTS));
        }
      d = g_dir_open (f->dir, 0, NULL);
      while ((name = g_dir_read_name (d)) != NULL)
        g_assert_null (strstr (name, "bespoke-export-"));
    }
  /* the first write is the file's: that one at least was refused, and
   * said so */
  g_assert_cmpuint (full, >, 0);
}


/* A database on a full disk was called "not a Bespoke database, or
 * damaged", and a 3-byte -shm was left beside it.  SQLite's first write
 * on opening is to the -shm file. */
static void
test_open_disk_full (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->db, "-shm", NULL);

  for (guint i = 0; i < 2; i++)
    {
      const char *call = i == 0 ? "pwrite64" : "ftruncate";

      if (!run_with_full_disk (&run, call, "1+", f->db, "people", "--search", "Paul", NULL))
        {
          g_test_skip ("strace is not installed (build-aux/install-deps installs it)");
          return;
        }
      g_test_message ("%s: exit %d: %s", call, run.status, run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "The disk is full"));
      g_assert_nonnull (strstr (run.err, f->db));
      g_assert_null (strstr (run.err, "not a Bespoke database"));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    }

  /* with room again, it opens as before */
  CLI (&run, "--database", f->db, "people", "--search", "Paul");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Paul"));
}

/* Files beside @db that were not there before: SQLite's (-wal, -shm,
 * -journal) or a temporary one */
static guint
count_beside (const char *db)
{
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *base = g_path_get_basename (db);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, base) && !g_str_equal (name, base))
      {
        g_test_message ("left beside the database: %s", name);
        n++;
      }
  return n;
}

/* The entries in @dir; 0 if it is not there */
static guint
count_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* A full disk that shows only when a commit is synced (fdatasync says
 * ENOSPC: the writes were cached, and there is no room for them) was
 * called "the disk … reported an error when it was read or written (disk
 * I/O error)": by the time the store asks sqlite3_system_errno(), errno
 * is 0.  Now, with each fdatasync of an import, then of a backup, failing
 * in turn: either the command succeeds, or it says "The disk is full",
 * naming the database (or the backups folder), and exits 1.  Either way
 * the database holds all of the change or none of it, opens afterwards,
 * and a failed run leaves nothing beside it and no partial backup.
 * (Successes: a sync that fails after the commit, when the WAL is folded
 * into the database on closing, loses nothing: the WAL stays, and the
 * next open folds it in.) */
static void
test_sync_disk_full (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "valid.xml", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *none = NULL;
  g_autofree char *all = NULL;
  g_auto(Run) run = { 0 };

  if (!have_strace ())
    return;
  /* the people before and after a clean import */
  copy_file (f->db, copy);
  CLI (&run, "--database", copy, "people");
  g_assert_cmpint (run.status, ==, 0);
  none = g_strdup (run.out);
  CLI (&run, "--database", copy, "import", valid);
  g_assert_cmpint (run.status, ==, 0);
  CLI (&run, "--database", copy, "people");
  all = g_strdup (run.out);
  g_assert_cmpstr (all, !=, none);

  for (guint op = 0; op < 2; op++)
    {
      /* an import syncs its commit first; a backup its copy, then the
       * copy's switch out of WAL mode, then the audit entry's commit */
      guint full = 0, last = op == 0 ? 4 : 6;

      for (guint n = 1; n <= last; n++)
        {
          g_autofree char *when = g_strdup_printf ("%u", n);
          int status;

          copy_file (f->db, copy);
          remove_tree_quietly (backups);
          if (op == 0)
            run_with_full_disk (&run, "fdatasync", when, copy, "import", valid, NULL, NULL);
          else
            run_with_full_disk (&run, "fdatasync", when, copy, "backup", "--folder", backups, NULL);
          status = run.status;
          g_test_message ("%s, fdatasync %u: exit %d: %s", op == 0 ? "import" : "backup", n, status, run.err);
          g_assert_null (strstr (run.err, "I/O error"));
          g_assert_null (strstr (run.err, "reported an error"));
          if (status != 0)
            {
              g_assert_cmpint (status, ==, 1);
              g_assert_nonnull (strstr (run.err, "The disk is full"));
              g_assert_nonnull (strstr (run.err, op == 0 ? copy : backups));
              g_assert_cmpuint (count_beside (copy), ==, 0);
              if (op == 1)
                g_assert_cmpuint (count_in (backups), ==, 0);
              full++;
            }
          CLI (&run, "--database", copy, "people");
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpuint (count_beside (copy), ==, 0);
          /* all of the import or none; a backup changes no one */
          g_assert_cmpstr (run.out, ==, op == 0 && status == 0 ? all : none);
        }
      /* the first sync is the import's commit, or the backup's copy */
      g_assert_cmpuint (full, >, 0);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hostile-cli/conflicts-unwritable", test_conflicts_unwritable);
  ADD ("/hostile-cli/stale-temporary-exports", test_stale_temporary_exports);
  ADD ("/hostile-cli/export-disk-full", test_export_disk_full);
  ADD ("/hostile-cli/open-disk-full", test_open_disk_full);
  ADD ("/hostile-cli/sync-disk-full", test_sync_disk_full);
#undef ADD

  return g_test_run ();
}
