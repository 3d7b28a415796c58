/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "bespoke-error.h"
#include "bespoke-store.h"
#include "bespoke-store-private.h"
#include "bespoke-sqlite-errno.h"

#define MIGRATIONS_PATH "/org/bespoke/Bespoke/migrations"

/* Opening and migrating: the GObject itself, its connection and the
 * statement cache every other part of the store uses.  The other parts are
 * bespoke-store-transactions.c, -records.c, -sync.c, -people.c, -photos.c
 * and -snapshots.c; they share the instance struct through
 * bespoke-store-private.h. */

/**
 * BespokeStore:
 *
 * Owns the SQLite connection: nothing else touches the database file.
 *
 * Records are stored generically: a #BespokeRecord class names its table,
 * and its properties are the columns.  Every statement binds its values;
 * column and table names come only from class definitions, never from input.
 */

G_DEFINE_FINAL_TYPE (BespokeStore, bespoke_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The last failure on @db was the disk being full: SQLite says so itself
 * (SQLITE_FULL), or an I/O error came from ENOSPC (writing the -shm or
 * -wal file, or syncing the database or its WAL). */
static gboolean
disk_was_full (sqlite3 *db)
{
  return db != NULL && ((sqlite3_extended_errcode (db) & 0xff) == SQLITE_FULL || bespoke_sqlite_errno_is_full (bespoke_sqlite_errno (db)));
}

gboolean
_bespoke_store_db_error (BespokeStore  *self,
                         GError       **error,
                         const char    *what)
{
  int code = sqlite3_extended_errcode (self->db);

  if (disk_was_full (self->db))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("The disk is full: %s could not be done in “%s”. Free some space and try again."),
                   what, self->path);
      return FALSE;
    }

  if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_MISSING_REFERENCE,
                 _("%s was refused: it refers to a person, plan, product or provider that is not in this database."),
                 what);
  else if ((code & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                 _("%s was refused because it does not fit with what is already stored (%s)."),
                 what, sqlite3_errmsg (self->db));
  else if ((code & 0xff) == SQLITE_IOERR)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                 _("%s could not be done: the disk holding “%s” reported an error when it was read or written (%s). Check the disk, or copy the database to another one, and try again."),
                 what, self->path, sqlite3_errmsg (self->db));
  else if ((code & 0xff) == SQLITE_BUSY)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                 _("%s could not be done because another program is using the database. Close it and try again."),
                 what);
  else
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                 _("%s failed in the database: %s."), what, sqlite3_errmsg (self->db));
  return FALSE;
}

static void
bespoke_store_finalize (GObject *object)
{
  BespokeStore *self = (BespokeStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->class_sql, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (bespoke_store_parent_class)->finalize (object);
}

static void
bespoke_store_class_init (BespokeStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bespoke_store_finalize;

  /* Before the first connection: no global count of SQLite's memory.
   * Nothing reads it (no sqlite3_memory_used(), no heap limit), and its
   * mutex, taken on every allocation, was 4-6% of a whole export's time
   * with two workers reading at once (perf; helper xmlspeed).  Too late
   * (SQLITE_MISUSE) if something else in the process opened SQLite first:
   * then it stays as it was. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  /**
   * BespokeStore::changed:
   * @type: the record class that changed
   * @uuid: the record that changed
   *
   * A record was saved or deleted, once its transaction committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_STRING);

  /**
   * BespokeStore::committed:
   *
   * A transaction that changed records committed; every ::changed of it
   * has been emitted.  Listeners that redo work per change (a list that
   * recounts) can mark themselves dirty on ::changed and do it once here.
   */
  signals[COMMITTED] =
    g_signal_new ("committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

/* For the other parts of the store, which emit the signals declared here */
void
_bespoke_store_emit_changed (BespokeStore *self,
                             GType         type,
                             const char   *uuid)
{
  g_signal_emit (self, signals[CHANGED], 0, type, uuid);
}

void
_bespoke_store_emit_committed (BespokeStore *self)
{
  g_signal_emit (self, signals[COMMITTED], 0);
}

static void
bespoke_store_init (BespokeStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->class_sql = g_hash_table_new_full (NULL, NULL, NULL, _bespoke_store_class_sql_free);
  self->pending = _bespoke_store_pending_new ();
}

sqlite3_stmt *
_bespoke_store_prepare (BespokeStore  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _bespoke_store_db_error (self, error, _("Reading the database"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_bespoke_store_exec (BespokeStore  *self,
                     const char    *sql,
                     GError       **error)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _bespoke_store_db_error (self, error, _("Changing the database"));
  return TRUE;
}

/**
 * bespoke_store_set_bulk_cache:
 *
 * Gives this connection a large page cache (256 MiB), so that a batch of
 * bulk writes stays in memory instead of spilling into the WAL.  For the
 * tools that make data in bulk; it lasts until the store is closed.
 */
gboolean
bespoke_store_set_bulk_cache (BespokeStore  *self,
                              GError       **error)
{
  return _bespoke_store_exec (self, "PRAGMA cache_size = -262144", error);
}

static gint64
query_int (BespokeStore *self,
           const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/**
 * bespoke_store_default_path:
 *
 * Returns: `$XDG_DATA_HOME/bespoke/bespoke.db`
 */
char *
bespoke_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "bespoke", "bespoke.db", NULL);
}

/* The folder is made 0700 and the file 0600 before SQLite sees it, so that
 * the -wal and -shm files SQLite makes beside it inherit the file's mode. */
gboolean
_bespoke_store_prepare_file (const char  *path,
                             gboolean    *out_existed,
                             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not make the folder “%s” for the database: %s."), dir, g_strerror (saved));
          return FALSE;
        }
      g_chmod (dir, 0700);
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      *out_existed = FALSE;
      return TRUE;
    }
  if (errno == EEXIST)
    {
      *out_existed = TRUE;
      return TRUE;
    }

  {
    int saved = errno;
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not create the database “%s”: %s."), path, g_strerror (saved));
  }
  return FALSE;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/**
 * bespoke_store_get_latest_schema:
 *
 * Returns: the schema version this build of Bespoke writes: the number of
 *   the last migration.
 */
int
bespoke_store_get_latest_schema (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);

  return names ? (int) g_strv_length (names) : 0;
}

static gboolean
migrate (BespokeStore  *self,
         GError       **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  guint n;

  if (names == NULL)
    return FALSE;
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_strings);

  for (guint i = (guint) self->schema_version; i < n; i++)
    {
      g_autofree char *resource = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragmas = NULL;
      int number = atoi (names[i]);

      /* migrations are numbered 0001, 0002, … with no gaps */
      g_assert (number == (int) i + 1);

      bytes = g_resources_lookup_data (resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 BESPOKE_STORE_APPLICATION_ID, number);

      if (!_bespoke_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (self->db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_autofree char *what = g_strdup_printf (_("Updating the database to schema %d"), number);
          _bespoke_store_db_error (self, error, what);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (!_bespoke_store_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      self->schema_version = number;
    }

  return TRUE;
}

gboolean
_bespoke_store_open_db (BespokeStore  *self,
                        int            flags,
                        GError       **error)
{
  /* A store is used from one thread at a time (a worker opens its own), so
   * SQLite's own locking around every call is not needed: it was a tenth
   * of an export's instructions. */
  if (sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("Could not open the database “%s”: %s."),
                   self->path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  /* SQLite's own page cache, at most BESPOKE_STORE_PAGE_CACHE_KIB: the
   * kernel keeps the file's pages anyway, and a jump to the end of 100,000
   * people filled a 16 MiB cache that stayed for the life of the window. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (BESPOKE_STORE_PAGE_CACHE_KIB), NULL, NULL, NULL);
  return TRUE;
}

/* Looks at an existing file without changing a byte of it. */
static gboolean
probe (BespokeStore  *self,
       gint64        *out_app_id,
       gint64        *out_version,
       GError       **error)
{
  gint64 tables;

  if (!_bespoke_store_open_db (self, SQLITE_OPEN_READONLY, error))
    return FALSE;

  *out_app_id = query_int (self, "PRAGMA application_id");
  *out_version = query_int (self, "PRAGMA user_version");
  tables = query_int (self, "SELECT count(*) FROM sqlite_master");

  if ((*out_app_id < 0 || *out_version < 0 || tables < 0) && disk_was_full (self->db))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("The disk is full: the database “%s” could not be opened, because it needs a little room beside it for its working files. Free some space and try again."),
                   self->path);
      return FALSE;
    }
  if (*out_app_id < 0 || *out_version < 0 || tables < 0)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_BESPOKE,
                   _("“%s” is not a Bespoke database, or it is damaged. Choose another file."), self->path);
      return FALSE;
    }
  if ((*out_app_id != 0 && *out_app_id != BESPOKE_STORE_APPLICATION_ID) ||
      (*out_app_id == 0 && tables > 0))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_BESPOKE,
                   _("“%s” is a database of another program, not Bespoke. Choose another file."), self->path);
      return FALSE;
    }
  return TRUE;
}

static BespokeStore *open_store (const char             *path,
                                 BespokeStoreOpenFlags   flags,
                                 GError                **error);

/* SQLite's -wal and -shm files that did not exist before a failed open:
 * closed, an empty -wal holds nothing, and its -shm is only an index of
 * it, so both go rather than be left beside the database. */
static void
remove_new_journals (const char *path,
                     gboolean    had_wal,
                     gboolean    had_shm)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  GStatBuf st;

  if (!had_wal && g_stat (wal, &st) == 0 && st.st_size == 0)
    g_unlink (wal);
  if (!had_shm && !g_file_test (wal, G_FILE_TEST_EXISTS))
    g_unlink (shm);
}

/**
 * bespoke_store_open:
 * @path: a file, ":memory:", or %NULL for bespoke_store_default_path()
 *
 * Opens the database, creating and migrating it as needed.  A database
 * written by a newer Bespoke is opened read-only and never modified;
 * bespoke_store_get_read_only_reason() then says why.  If it cannot be
 * opened, no -wal or -shm file that this made is left behind.
 */
BespokeStore *
bespoke_store_open (const char  *path,
                    GError     **error)
{
  return bespoke_store_open_full (path, BESPOKE_STORE_OPEN_DEFAULT, error);
}

/**
 * bespoke_store_open_full:
 * @path: a file, ":memory:", or %NULL for bespoke_store_default_path()
 * @flags: %BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX to leave a search index
 *   that a migration asked to be built again to the caller
 *
 * As bespoke_store_open().  With %BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX,
 * the caller asks bespoke_store_search_rebuild_pending() and then runs
 * bespoke_store_rebuild_search(), with progress, on a thread if it likes,
 * before anything else uses the store.
 */
BespokeStore *
bespoke_store_open_full (const char             *path,
                         BespokeStoreOpenFlags   flags,
                         GError                **error)
{
  g_autofree char *file = path ? g_strdup (path) : bespoke_store_default_path ();
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  g_autofree char *shm = g_strconcat (file, "-shm", NULL);
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  gboolean had_shm = g_file_test (shm, G_FILE_TEST_EXISTS);
  gboolean had_file = g_file_test (file, G_FILE_TEST_EXISTS);
  BespokeStore *store = open_store (file, flags, error);

  if (store == NULL && !g_str_equal (file, ":memory:"))
    {
      GStatBuf st;

      remove_new_journals (file, had_wal, had_shm);
      /* a database this made, still empty */
      if (!had_file && g_stat (file, &st) == 0 && st.st_size == 0)
        g_unlink (file);
    }
  return store;
}

static BespokeStore *
open_store (const char             *path,
            BespokeStoreOpenFlags   flags,
            GError                **error)
{
  g_autoptr(BespokeStore) self = g_object_new (BESPOKE_TYPE_STORE, NULL);
  gboolean memory;
  gboolean existed = FALSE;
  g_autofree char *mode = NULL;

  self->path = path ? g_strdup (path) : bespoke_store_default_path ();
  memory = g_str_equal (self->path, ":memory:");

  if (!memory && !_bespoke_store_prepare_file (self->path, &existed, error))
    return NULL;

  if (existed)
    {
      gint64 app_id = 0, version = 0;

      if (!probe (self, &app_id, &version, error))
        return NULL;

      if (version > bespoke_store_get_latest_schema ())
        {
          self->schema_version = (int) version;
          self->read_only_reason =
            g_strdup_printf (_("This database was written by a newer version of Bespoke (schema %d; this version knows up to %d). "
                               "It is open read-only so that nothing in it is changed. Update Bespoke to edit it."),
                             (int) version, bespoke_store_get_latest_schema ());
          _bespoke_store_exec (self, "PRAGMA query_only = ON", NULL);
          return g_steal_pointer (&self);
        }

      sqlite3_close (self->db);
      self->db = NULL;
    }

  if (!_bespoke_store_open_db (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return NULL;

  if (!_bespoke_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_bespoke_store_exec (self, "PRAGMA synchronous = FULL", error))
    return NULL;

  if (!memory)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      if (g_strcmp0 (mode, "wal") != 0)
        {
          g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                       _("Could not open the database “%s” safely: it refused write-ahead logging (%s)."),
                       self->path, mode ? mode : sqlite3_errmsg (self->db));
          return NULL;
        }
    }

  self->schema_version = (int) query_int (self, "PRAGMA user_version");
  if (!migrate (self, error))
    return NULL;
  if (!(flags & BESPOKE_STORE_OPEN_DEFER_SEARCH_INDEX) &&
      !bespoke_store_rebuild_search (self, NULL, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
bespoke_store_get_path (BespokeStore *self)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  return self->path;
}

gboolean
bespoke_store_get_read_only (BespokeStore *self)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), TRUE);
  return self->read_only_reason != NULL;
}

const char *
bespoke_store_get_read_only_reason (BespokeStore *self)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  return self->read_only_reason;
}

int
bespoke_store_get_schema_version (BespokeStore *self)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), 0);
  return self->schema_version;
}
