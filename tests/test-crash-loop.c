/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The crash loop (issue #12).  One after another, at random moments, it
 * SIGKILLs:
 * - an import (bespoke-cli import, 40 synthetic people a file);
 * - an export of everyone (bespoke-cli export --all);
 * - a sealed export of everyone (crash-edit seal: the same files as
 *   bespoke-cli's --seal, with the least Argon2id limits so that it is as
 *   quick as a plain one; with BESPOKE_CRASH_SEAL=cli, bespoke-cli export
 *   --passphrase-file with Bespoke's own limits, as tests/bench/crash-loop.sh
 *   runs it);
 * - a series of edits (crash-edit edits: new people, a rename, a deletion,
 *   each in its own transaction, acknowledged by a line on stdout);
 * - a backup (bespoke-cli backup, into the backups folder or --folder).
 * After each run, killed or not, it checks:
 * - PRAGMA integrity_check says ok;
 * - the database opens with the core: the next start, bespoke-cli people
 *   (bespoke_store_open(), which also brings it up to date), exits 0;
 * - every acknowledged write is there, and nothing half done: an
 *   acknowledged import's people (an import is acknowledged when bespoke-cli
 *   exited 0 or printed "Imported:"), and any import all or none; the
 *   people the edits leave, after exactly the acknowledged edits or one
 *   more (the one the kill may have caught between its commit and its
 *   line); an acknowledged export's file; an export's file, whenever one
 *   is in place, whole (bespoke-cli validate, a sealed one with the
 *   passphrase); an acknowledged backup passes integrity_check and
 *   holds as many people as the database;
 * - no temporary file remains after that next start: nothing hidden in the
 *   exports and backups folders, nothing in the private folder, in the
 *   children's TMPDIR, beside the database or beside the import files.
 *   An export's temporary file is removed by a start only once it is an
 *   hour old (the rule: a younger one may be an export still
 *   running in the window), so before the next start the loop sets the
 *   exports folder's hidden files two hours back, as the clock would.
 * Runs that are not killed must succeed.  The work is done in children,
 * bespoke-cli's or crash-edit's; this program only reads the database with
 * SQLite (which is what keeps it cheap in the sanitizer build).
 *
 * BESPOKE_CRASH_KILLS (50; tests/meson.build gives the sanitizer build
 * fewer) and BESPOKE_CRASH_SEED (random, printed) choose the loop; the
 * same seed gives the same operations and delays. */
#define G_LOG_DOMAIN "bespoke-test-crash-loop"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "bespoke-core.h"
#include "bespoke-test-util.h"

#define N_FILES 6            /* import files */
#define PEOPLE_PER_FILE 40
#define EDITS_PER_RUN 40     /* a multiple of four: crash-edit's groups */
#define PASSPHRASE "correct horse battery staple"

typedef enum { OP_IMPORT, OP_EXPORT, OP_SEALED, OP_EDITS, OP_BACKUP, N_OPS } Op;
static const char *op_names[N_OPS] = { "import", "export", "sealed export", "edits", "backup" };

typedef struct
{
  guint first;   /* the first edit's number */
  guint done;    /* how many are in the database */
} EditRun;

typedef struct
{
  char      *dir, *db, *dbdir, *sources, *exports, *backups, *default_backups;
  char      *private, *tmp, *pass, *out, *err;
  char     **env;
  char      *export_paths[2];      /* plain, sealed */
  char      *files[N_FILES];
  char      *uuid_lists[N_FILES];  /* "'uuid','uuid',…" */
  gboolean   imported[N_FILES];    /* acknowledged */
  GArray    *runs;                 /* EditRun, this database's */
  guint      next_edit, epoch;
  gboolean   exported[2];          /* acknowledged */
  gboolean   cli_seal;
  gboolean   restart;              /* a new database after this run */
  double     seconds[N_OPS];       /* how long each takes, unkilled */
  GRand     *rand;
  guint      kills, kills_of[N_OPS], mid_write, finished;
  guint      failed, integrity, unopened, lost, leftovers;
} Loop;

/* ---- the database, read directly ------------------------------------- */

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_test_message ("sqlite3 could not open %s: %s", path, sqlite3_errmsg (db));
  return db;
}

/* The first column of the first row of @sql, or NULL */
static char *
sql_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return out;
}

/* The names of the people the edits made, sorted, one a line */
static char *
edit_names_in_database (sqlite3 *db)
{
  return sql_text (db, "SELECT coalesce(group_concat(name, char(10)), '') FROM "
                       "(SELECT name FROM people WHERE name GLOB 'Crash edit *' ORDER BY name)");
}

/* What crash-edit's groups of four leave after the first @done edits
 * from @first (see crash-edit.c): appended to @names */
static void
edit_names_after (GPtrArray *names,
                  guint      first,
                  guint      done)
{
  for (guint group = 0; group * 4 < done; group++)
    {
      guint n = first + group * 4, in = MIN (done - group * 4, 4);

      g_ptr_array_add (names, g_strdup_printf ("Crash edit %u", in == 1 ? n : n + 1));
      if (in == 3)
        g_ptr_array_add (names, g_strdup_printf ("Crash edit %u", n + 2));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names the runs should have left, with the last run at @last_done */
static char *
edit_names_expected (Loop  *loop,
                     guint  last_done)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < loop->runs->len; i++)
    {
      EditRun *run = &g_array_index (loop->runs, EditRun, i);
      edit_names_after (names, run->first, i + 1 == loop->runs->len ? last_done : run->done);
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* ---- children ---------------------------------------------------------- */

static gint64
change_stamp (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000 + st.st_size : -1;
}

/* Spawns @argv, stdout to loop->out and stderr to loop->err, and kills it
 * with SIGKILL after @delay seconds if it is still running.  Returns TRUE
 * if it exited 0 (before that). */
static gboolean
run_and_kill (Loop        *loop,
              const char **argv,
              double       delay,
              gboolean    *killed)
{
  g_autoptr(GError) error = NULL;
  int out = open (loop->out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int err = open (loop->err, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  gint64 deadline = g_get_monotonic_time () + (gint64) (delay * G_USEC_PER_SEC);
  GPid pid;
  int status = 0;

  g_assert_true (out >= 0 && err >= 0);
  g_spawn_async_with_pipes_and_fds (NULL, argv, (const char * const *) loop->env, G_SPAWN_DO_NOT_REAP_CHILD,
                                    NULL, NULL, -1, out, err, NULL, NULL, 0, &pid, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  close (out);
  close (err);
  *killed = FALSE;
  while (waitpid (pid, &status, WNOHANG) != pid)
    {
      if (g_get_monotonic_time () >= deadline)
        {
          kill (pid, SIGKILL);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          *killed = WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
          break;
        }
      g_usleep (500);
    }
  g_spawn_close_pid (pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* A run that finished without being killed and failed: what it said */
static void
note_failure (Loop       *loop,
              const char *what)
{
  g_autofree char *err = NULL;

  g_file_get_contents (loop->err, &err, NULL, NULL);
  g_test_message ("%s failed unkilled: %s", what, err ? err : "");
  loop->failed++;
}

/* Runs @argv to the end, with the children's environment */
static void
run_child (Loop        *loop,
           Run         *run,
           const char **argv)
{
  g_autoptr(GError) error = NULL;

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv, loop->env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : 128 + WTERMSIG (run->status);
}

#define LOOP_CLI(loop, run, ...) run_child ((loop), (run), (const char *[]) { BESPOKE_CLI_PATH, __VA_ARGS__, NULL })

/* ---- set-up ------------------------------------------------------------ */

/* Import file @i, of PEOPLE_PER_FILE synthetic people of its own, made
 * by bespoke-cli synth and export the first time an import takes it (in
 * the sanitizer build, a short loop needs only a few) */
static void
make_import_file (Loop  *loop,
                  guint  i)
{
  g_autofree char *synth = g_build_filename (loop->dir, "synth.db", NULL);
  g_autofree char *seed = g_strdup_printf ("%u", i + 1);
  g_autofree char *uuids = NULL;
  g_auto(Run) run = { 0 };
  sqlite3 *db;

  loop->files[i] = g_strdup_printf ("%s/people-%u.bespoke", loop->sources, i);
  LOOP_CLI (loop, &run, "--database", synth, "synth", G_STRINGIFY (PEOPLE_PER_FILE), "--seed", seed);
  g_assert_cmpint (run.status, ==, 0);
  LOOP_CLI (loop, &run, "--database", synth, "export", "--all", "-o", loop->files[i]);
  g_assert_cmpint (run.status, ==, 0);
  db = open_db (synth);
  uuids = sql_text (db, "SELECT count(*) || ' ' || group_concat(quote(uuid)) FROM people");
  sqlite3_close (db);
  g_assert_true (g_str_has_prefix (uuids, G_STRINGIFY (PEOPLE_PER_FILE) " "));
  loop->uuid_lists[i] = g_strdup (strchr (uuids, ' ') + 1);
  bespoke_store_delete_database_files (synth, NULL);
}

/* A new database with the example data: at the start, and once every
 * file is in */
static void
new_epoch (Loop *loop)
{
  g_auto(Run) run = { 0 };

  if (loop->db != NULL)
    bespoke_store_delete_database_files (loop->db, NULL);
  g_free (loop->db);
  loop->db = g_strdup_printf ("%s/office-%u.db", loop->dbdir, loop->epoch++);
  LOOP_CLI (loop, &run, "--database", loop->db, "example");
  g_assert_cmpint (run.status, ==, 0);
  memset (loop->imported, 0, sizeof loop->imported);
  memset (loop->exported, 0, sizeof loop->exported);
  g_array_set_size (loop->runs, 0);
  loop->restart = FALSE;
}

/* The command line of @op; *@file is the import file it takes */
static const char **
op_argv (Loop  *loop,
         Op     op,
         guint *file,
         char **first)
{
  const char **argv = g_new0 (const char *, 12);
  guint n = 0;

  if (op == OP_EDITS || (op == OP_SEALED && !loop->cli_seal))
    {
      argv[n++] = BESPOKE_CRASH_EDIT_PATH;
      argv[n++] = op == OP_EDITS ? "edits" : "seal";
      argv[n++] = loop->db;
      if (op == OP_SEALED)
        {
          argv[n++] = loop->export_paths[1];
          return argv;
        }
      *first = g_strdup_printf ("%u", loop->next_edit);
      argv[n++] = *first;
      argv[n++] = G_STRINGIFY (EDITS_PER_RUN);
      return argv;
    }
  argv[n++] = BESPOKE_CLI_PATH; argv[n++] = "--database"; argv[n++] = loop->db;
  if (op == OP_IMPORT)
    {
      /* a file not yet in, if there is one */
      *file = g_rand_int_range (loop->rand, 0, N_FILES);
      for (guint i = 0; i < N_FILES && loop->imported[*file]; i++)
        *file = (*file + 1) % N_FILES;
      if (loop->files[*file] == NULL)
        make_import_file (loop, *file);
      argv[n++] = "import"; argv[n++] = loop->files[*file];
    }
  else if (op == OP_EXPORT || op == OP_SEALED)
    {
      argv[n++] = "export"; argv[n++] = "--all"; argv[n++] = "-o";
      argv[n++] = loop->export_paths[op == OP_EXPORT ? 0 : 1];
      if (op == OP_SEALED)
        {
          argv[n++] = "--passphrase-file"; argv[n++] = loop->pass;
        }
    }
  else
    {
      argv[n++] = "backup";
      /* half into the backups folder, half into one of the user's */
      if (g_rand_boolean (loop->rand))
        {
          argv[n++] = "--folder"; argv[n++] = loop->backups;
        }
    }
  return argv;
}

/* ---- what a run left ---------------------------------------------------- */

typedef enum { ANY, HIDDEN, NOT_DATABASE, NOT_SOURCE } Filter;

/* The entries of @dir that @filter takes, named in @names if not NULL */
static guint
count_entries (const char *dir,
               Filter      filter,
               GString    *names)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      gboolean database = g_str_has_prefix (name, "office-") &&
                          (g_str_has_suffix (name, ".db") || g_str_has_suffix (name, ".db-wal") ||
                           g_str_has_suffix (name, ".db-shm"));
      gboolean source = g_str_has_prefix (name, "people-") && g_str_has_suffix (name, ".bespoke");

      if ((filter == HIDDEN && name[0] != '.') || (filter == NOT_DATABASE && database) ||
          (filter == NOT_SOURCE && source))
        continue;
      n++;
      if (names != NULL)
        g_string_append_printf (names, " %s/%s", dir, name);
    }
  return n;
}

/* Temporary files of every kind, wherever they might be */
static guint
count_temporaries (Loop    *loop,
                   GString *names)
{
  return count_entries (loop->exports, HIDDEN, names) + count_entries (loop->backups, HIDDEN, names) +
         count_entries (loop->default_backups, HIDDEN, names) + count_entries (loop->private, ANY, names) +
         count_entries (loop->tmp, ANY, names) + count_entries (loop->dbdir, NOT_DATABASE, names) +
         count_entries (loop->sources, NOT_SOURCE, names);
}

/* Sets the exports folder's hidden files two hours back: the time an
 * export's temporary file must wait before a start may take it for stale */
static void
age_hidden_exports (Loop *loop)
{
  g_autoptr(GDir) d = g_dir_open (loop->exports, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (loop->exports, name, NULL);
      struct utimbuf times;

      if (name[0] != '.')
        continue;
      times.actime = times.modtime = time (NULL) - 2 * 3600;
      g_assert_cmpint (utime (path, &times), ==, 0);
    }
}

/* ---- the checks -------------------------------------------------------- */

/* An export's file, if one is in place, is whole: bespoke-cli validates
 * it (a sealed one, opened with the passphrase).  FALSE if it is not. */
static gboolean
export_whole (Loop *loop,
              guint which)
{
  const char *path = loop->export_paths[which];
  g_auto(Run) run = { 0 };

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (loop->exported[which])
        g_test_message ("the acknowledged export %s is missing", path);
      return !loop->exported[which];
    }
  LOOP_CLI (loop, &run, "validate", path, "--passphrase-file", loop->pass);
  if (run.status != 0)
    {
      g_test_message ("the export in place is not whole: %s", run.err);
      return FALSE;
    }
  return TRUE;
}

/* An acknowledged backup: whole, and holding everyone the database holds
 * (nothing writes between the backup and this check); then removed */
static gboolean
backup_whole (Loop *loop)
{
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *check = NULL;
  g_autofree char *people = NULL;
  g_autofree char *expected = NULL;
  const char *line;
  sqlite3 *db;

  g_file_get_contents (loop->out, &out, NULL, NULL);
  if (out == NULL || (line = strstr (out, "Backed up to ")) == NULL)
    {
      g_test_message ("the backup said where it went: %s", out ? out : "");
      return FALSE;
    }
  path = g_strndup (line + strlen ("Backed up to "), strcspn (line + strlen ("Backed up to "), "\n"));
  if ((db = open_db (path)) != NULL)
    {
      check = sql_text (db, "PRAGMA integrity_check");
      people = sql_text (db, "SELECT count(*) FROM people");
    }
  sqlite3_close (db);
  db = open_db (loop->db);
  expected = sql_text (db, "SELECT count(*) FROM people");
  sqlite3_close (db);
  bespoke_store_delete_database_files (path, NULL);
  if (g_strcmp0 (check, "ok") != 0 || g_strcmp0 (people, expected) != 0)
    {
      g_test_message ("the acknowledged backup %s: %s, %s people of %s", path, check ? check : "missing",
                      people, expected);
      return FALSE;
    }
  return TRUE;
}

/* Each import file's people: all or none, and all if acknowledged */
static guint
count_lost_imports (Loop    *loop,
                    sqlite3 *db)
{
  guint lost = 0;

  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *found = NULL;
      guint64 n;

      if (loop->uuid_lists[i] == NULL)
        continue;  /* not made yet */
      sql = g_strdup_printf ("SELECT count(*) FROM people WHERE uuid IN (%s)", loop->uuid_lists[i]);
      found = sql_text (db, sql);
      n = found ? g_ascii_strtoull (found, NULL, 10) : 0;

      if (n == PEOPLE_PER_FILE && !loop->imported[i])
        loop->imported[i] = TRUE;  /* committed, then killed before it said so */
      else if (n != PEOPLE_PER_FILE && (loop->imported[i] || n != 0))
        {
          g_test_message ("%s: %s of its %d people are in%s", loop->files[i], found ? found : "(none)",
                          PEOPLE_PER_FILE, loop->imported[i] ? ", and it was acknowledged" : "");
          lost++;
        }
    }
  return lost;
}

/* The edits: the people they leave after exactly the acknowledged edits,
 * or, if the last run was killed, one more */
static guint
count_lost_edits (Loop     *loop,
                  sqlite3  *db,
                  gboolean  killed)
{
  EditRun *last = loop->runs->len ? &g_array_index (loop->runs, EditRun, loop->runs->len - 1) : NULL;
  g_autofree char *found = edit_names_in_database (db);
  g_autofree char *acknowledged = edit_names_expected (loop, last ? last->done : 0);

  if (g_strcmp0 (found, acknowledged) == 0)
    return 0;
  if (killed && last != NULL && last->done < EDITS_PER_RUN)
    {
      g_autofree char *one_more = edit_names_expected (loop, last->done + 1);

      if (g_strcmp0 (found, one_more) == 0)
        {
          last->done++;
          return 0;
        }
    }
  g_test_message ("the edits left:\n%s\nbut the acknowledged ones leave:\n%s", found ? found : "(nothing)", acknowledged);
  /* a new database after this run, rather than the same loss again at
   * every check */
  loop->restart = TRUE;
  return 1;
}

/* The database after a run: whole, with what was acknowledged */
static void
check_database (Loop     *loop,
                gboolean  killed)
{
  sqlite3 *db = open_db (loop->db);
  g_autofree char *check = db ? sql_text (db, "PRAGMA integrity_check") : NULL;

  if (g_strcmp0 (check, "ok") != 0)
    {
      g_test_message ("integrity_check: %s", check ? check : "(could not run)");
      loop->integrity++;
    }
  loop->lost += count_lost_imports (loop, db) + count_lost_edits (loop, db, killed);
  sqlite3_close (db);
}

/* The next start: bespoke-cli opens the database with the core
 * (bespoke_store_open(), which also brings it up to date) and lists
 * everyone, after removing what killed runs left (bespoke_leftovers_remove());
 * then nothing temporary may remain */
static void
check_next_start (Loop *loop)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_auto(Run) run = { 0 };
  guint left;

  age_hidden_exports (loop);
  LOOP_CLI (loop, &run, "--database", loop->db, "people");
  if (run.status != 0)
    {
      g_test_message ("the next start failed: %s", run.err);
      loop->unopened++;
    }
  left = count_temporaries (loop, names);
  if (left > 0)
    g_test_message ("%u temporary files left after the next start:%s", left, names->str);
  loop->leftovers += left;
}

/* What the run acknowledged, and whether what it wrote is whole */
static void
check_run (Loop     *loop,
           Op        op,
           guint     file,
           gboolean  exited_ok)
{
  g_autofree char *out = NULL;

  g_file_get_contents (loop->out, &out, NULL, NULL);
  if (op == OP_IMPORT && (exited_ok || (out != NULL && strstr (out, "Imported:") != NULL)))
    loop->imported[file] = TRUE;
  else if (op == OP_EDITS)
    {
      g_auto(GStrv) lines = g_strsplit (out ? out : "", "\n", -1);
      EditRun run = { loop->next_edit, 0 };

      /* a line written is an edit that returned, and they come in order */
      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        if (g_ascii_strtoull (lines[i], NULL, 10) == run.first + run.done)
          run.done++;
      g_array_append_val (loop->runs, run);
      loop->next_edit += EDITS_PER_RUN;
    }
  else if (op == OP_EXPORT || op == OP_SEALED)
    {
      guint which = op == OP_EXPORT ? 0 : 1;

      loop->exported[which] |= exited_ok;
      if (!export_whole (loop, which))
        loop->lost++;
    }
  else if (op == OP_BACKUP && exited_ok && !backup_whole (loop))
    loop->lost++;
}

/* ---- the loop ---------------------------------------------------------- */

/* Runs @op, killed after @delay seconds if still running, and checks;
 * returns how long the run took */
static double
one_run (Loop     *loop,
         Op        op,
         double    delay)
{
  guint file = 0;
  g_autofree char *first = NULL;
  g_autofree const char **argv = op_argv (loop, op, &file, &first);
  g_autofree char *wal = g_strconcat (loop->db, "-wal", NULL);
  gint64 wal_before = change_stamp (wal), db_before = change_stamp (loop->db);
  gint64 start = g_get_monotonic_time ();
  gboolean killed, ok;
  double took;

  ok = run_and_kill (loop, argv, delay, &killed);
  took = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  if (killed)
    {
      loop->kills++;
      loop->kills_of[op]++;
      if (change_stamp (wal) != wal_before || change_stamp (loop->db) != db_before ||
          count_temporaries (loop, NULL) > 0)
        loop->mid_write++;
    }
  else
    {
      loop->finished++;
      if (!ok)
        note_failure (loop, op_names[op]);
    }
  check_run (loop, op, file, ok);
  check_database (loop, killed);
  check_next_start (loop);
  if (op == OP_IMPORT)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < N_FILES; i++)
        all &= loop->imported[i];
      loop->restart |= all;
    }
  if (loop->restart)
    new_epoch (loop);
  return took;
}

/* How long each operation takes when it is left alone (what the kills'
 * moments are drawn from) */
static void
calibrate (Loop *loop)
{
  for (Op op = 0; op < N_OPS; op++)
    {
      loop->seconds[op] = one_run (loop, op, 600);
      g_test_message ("%s: %.2f s", op_names[op], loop->seconds[op]);
    }
  g_assert_cmpuint (loop->failed, ==, 0);
}

static char *
folder_in (const char *dir,
           const char *name)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static void
loop_init (Loop *loop)
{
  loop->dir = temp_dir ();
  loop->runs = g_array_new (FALSE, FALSE, sizeof (EditRun));
  loop->dbdir = folder_in (loop->dir, "db");
  loop->sources = folder_in (loop->dir, "sources");
  loop->exports = folder_in (loop->dir, "exports");
  loop->backups = folder_in (loop->dir, "backups");
  loop->tmp = folder_in (loop->dir, "tmp");
  loop->default_backups = bespoke_backup_default_dir ();
  loop->private = g_build_filename (g_get_user_cache_dir (), "bespoke", "private", NULL);
  loop->pass = g_build_filename (loop->dir, "passphrase", NULL);
  loop->out = g_build_filename (loop->dir, "stdout", NULL);
  loop->err = g_build_filename (loop->dir, "stderr", NULL);
  loop->export_paths[0] = g_build_filename (loop->exports, "everyone.bespoke", NULL);
  loop->export_paths[1] = g_build_filename (loop->exports, "everyone-sealed.bespoke", NULL);
  g_assert_true (g_file_set_contents (loop->pass, PASSPHRASE "\n", -1, NULL));
  /* the children's folders: the isolated ones, the cache (where sealing
   * keeps its private folder) too, and a temporary folder of their own */
  loop->env = child_environ ();
  loop->env = g_environ_setenv (loop->env, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  loop->env = g_environ_setenv (loop->env, "TMPDIR", loop->tmp, TRUE);
  /* in the sanitizer build, the children unwind quickly on malloc: the
   * slow unwinder is there for the suppressions of GLib's test harness,
   * which only this process runs, and it makes each child several times
   * slower */
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    {
      g_autofree char *asan = g_strconcat (g_getenv ("ASAN_OPTIONS"), ":fast_unwind_on_malloc=1", NULL);
      loop->env = g_environ_setenv (loop->env, "ASAN_OPTIONS", asan, TRUE);
    }
  loop->cli_seal = g_strcmp0 (g_getenv ("BESPOKE_CRASH_SEAL"), "cli") == 0;
}

static void
loop_clear (Loop *loop)
{
  for (guint i = 0; i < N_FILES; i++)
    {
      g_free (loop->files[i]);
      g_free (loop->uuid_lists[i]);
    }
  g_free (loop->export_paths[0]);
  g_free (loop->export_paths[1]);
  g_array_unref (loop->runs);
  g_rand_free (loop->rand);
  g_strfreev (loop->env);
  g_free (loop->db);
  g_free (loop->dbdir);
  g_free (loop->sources);
  g_free (loop->exports);
  g_free (loop->backups);
  g_free (loop->default_backups);
  g_free (loop->private);
  g_free (loop->tmp);
  g_free (loop->pass);
  g_free (loop->out);
  g_free (loop->err);
  g_free (loop->dir);
}

static void
test_crash_loop (void)
{
  const char *kills_env = g_getenv ("BESPOKE_CRASH_KILLS");
  const char *seed_env = g_getenv ("BESPOKE_CRASH_SEED");
  guint kills = kills_env ? (guint) g_ascii_strtoull (kills_env, NULL, 10) : 50;
  guint32 seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : g_random_int ();
  gint64 start = g_get_monotonic_time ();
  Loop loop = { 0 };

  g_print ("# crash loop: %u kills, seed %u (BESPOKE_CRASH_SEED=%u repeats the operations and moments)\n",
           kills, seed, seed);
  loop_init (&loop);
  loop.rand = g_rand_new_with_seed (seed);
  new_epoch (&loop);
  calibrate (&loop);

  while (loop.kills < kills)
    {
      Op op = (Op) g_rand_int_range (loop.rand, 0, N_OPS);

      /* a moment up to 10% past its usual end: some runs finish first */
      one_run (&loop, op, g_rand_double_range (loop.rand, 0.0, 1.1 * loop.seconds[op]));
    }

  g_print ("# crash loop, seed %u, %.1f s: %u kills (import %u, export %u, sealed export %u%s, edits %u, backup %u), "
           "%u in the middle of writing; %u runs finished first, %u of them failed; "
           "%u integrity failures, %u failures to open, %u lost or half-done writes, %u temporary files left\n",
           seed, (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC, loop.kills,
           loop.kills_of[OP_IMPORT], loop.kills_of[OP_EXPORT], loop.kills_of[OP_SEALED],
           loop.cli_seal ? " through bespoke-cli" : "", loop.kills_of[OP_EDITS], loop.kills_of[OP_BACKUP],
           loop.mid_write, loop.finished, loop.failed, loop.integrity, loop.unopened, loop.lost, loop.leftovers);
  g_assert_cmpuint (loop.failed, ==, 0);
  g_assert_cmpuint (loop.integrity, ==, 0);
  g_assert_cmpuint (loop.unopened, ==, 0);
  g_assert_cmpuint (loop.lost, ==, 0);
  g_assert_cmpuint (loop.leftovers, ==, 0);
  g_assert_cmpuint (loop.mid_write, >, 0);
  loop_clear (&loop);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crash-loop/kills", test_crash_loop);
  return g_test_run ();
}
