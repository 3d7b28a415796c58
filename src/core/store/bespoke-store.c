/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-error.h"
#include "bespoke-schedule.h"
#include "bespoke-store.h"
#include "bespoke-store-private.h"
#include "bespoke-types.h"

#define MIGRATIONS_PATH "/org/bespoke/Bespoke/migrations"
#define MAX_SEARCH_WORDS 4

/**
 * BespokeStore:
 *
 * Owns the SQLite connection: nothing else touches the database file.
 *
 * Records are stored generically: a #BespokeRecord class names its table,
 * and its properties are the columns.  Every statement binds its values;
 * column and table names come only from class definitions, never from input.
 */
struct _BespokeStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *read_only_reason;
  int         schema_version;
  guint       transaction_depth;
  gboolean    bulk;        /* in bespoke_store_begin_bulk(): no savepoint per write */
  GHashTable *statements;  /* char* SQL -> sqlite3_stmt* */
  GHashTable *class_sql;   /* GType -> ClassSql*, built once per record class */
  GArray     *pending;     /* ChangeNote, emitted on commit */
};

typedef struct
{
  GType  type;
  char  *uuid;
} ChangeNote;

/* The SQL for one record class, written once from its properties. */
typedef struct
{
  char *columns;  /* "uuid, modified_at, …" */
  char *upsert;
  char *load;
  char *remove;
  char *list;
  char *list_children;
  char *count;
} ClassSql;

static void
class_sql_free (gpointer data)
{
  ClassSql *sql = data;

  g_free (sql->columns);
  g_free (sql->upsert);
  g_free (sql->load);
  g_free (sql->remove);
  g_free (sql->list);
  g_free (sql->list_children);
  g_free (sql->count);
  g_free (sql);
}

G_DEFINE_FINAL_TYPE (BespokeStore, bespoke_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
db_error (BespokeStore  *self,
          GError       **error,
          const char    *what)
{
  int code = sqlite3_extended_errcode (self->db);

  if ((code & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                 _("%s was refused because it does not fit with what is already stored (%s)."),
                 what, sqlite3_errmsg (self->db));
  else if ((code & 0xff) == SQLITE_BUSY)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                 _("%s could not be done because another program is using the database. Close it and try again."),
                 what);
  else if ((code & 0xff) == SQLITE_FULL)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                 _("%s could not be saved because the disk is full. Free some space and try again."),
                 what);
  else
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                 _("%s failed in the database: %s."), what, sqlite3_errmsg (self->db));
  return FALSE;
}

static void
change_note_clear (gpointer data)
{
  ChangeNote *note = data;
  g_free (note->uuid);
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

static void
bespoke_store_init (BespokeStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->class_sql = g_hash_table_new_full (NULL, NULL, NULL, class_sql_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (ChangeNote));
  g_array_set_clear_func (self->pending, change_note_clear);
}

static sqlite3_stmt *
prepare (BespokeStore  *self,
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
      db_error (self, error, _("Reading the database"));
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
    return db_error (self, error, _("Changing the database"));
  return TRUE;
}

/**
 * bespoke_store_begin_read:
 * @lock_writers: also take the write lock (`BEGIN IMMEDIATE`), so that
 *   nothing can be committed until bespoke_store_end_read()
 *
 * Starts a read transaction: every query until bespoke_store_end_read()
 * sees one consistent snapshot, under one lock instead of one per query.
 *
 * It fails, and changes nothing, if a transaction is already open on this
 * connection (the caller's own bespoke_store_begin()): the reads then see
 * that transaction.  With @lock_writers it also fails on a read-only
 * database, or when another connection holds the write lock.
 *
 * Returns: %TRUE if the transaction began; only then call
 *   bespoke_store_end_read()
 */
gboolean
bespoke_store_begin_read (BespokeStore  *self,
                          gboolean       lock_writers,
                          GError       **error)
{
  return _bespoke_store_exec (self, lock_writers ? "BEGIN IMMEDIATE" : "BEGIN", error);
}

/**
 * bespoke_store_end_read:
 *
 * Ends the read transaction bespoke_store_begin_read() began.
 */
void
bespoke_store_end_read (BespokeStore *self)
{
  _bespoke_store_exec (self, "COMMIT", NULL);
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

/* ---- opening ---------------------------------------------------------- */

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
static gboolean
prepare_file (const char  *path,
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
          db_error (self, error, what);
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

static gboolean
open_db (BespokeStore  *self,
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
  /* 16 MiB of page cache: scrolling 100,000 people should not reread the disk */
  sqlite3_exec (self->db, "PRAGMA cache_size = -16384", NULL, NULL, NULL);
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

  if (!open_db (self, SQLITE_OPEN_READONLY, error))
    return FALSE;

  *out_app_id = query_int (self, "PRAGMA application_id");
  *out_version = query_int (self, "PRAGMA user_version");
  tables = query_int (self, "SELECT count(*) FROM sqlite_master");

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

/**
 * bespoke_store_open:
 * @path: a file, ":memory:", or %NULL for bespoke_store_default_path()
 *
 * Opens the database, creating and migrating it as needed.  A database
 * written by a newer Bespoke is opened read-only and never modified;
 * bespoke_store_get_read_only_reason() then says why.
 */
BespokeStore *
bespoke_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(BespokeStore) self = g_object_new (BESPOKE_TYPE_STORE, NULL);
  gboolean memory;
  gboolean existed = FALSE;
  g_autofree char *mode = NULL;

  self->path = path ? g_strdup (path) : bespoke_store_default_path ();
  memory = g_str_equal (self->path, ":memory:");

  if (!memory && !prepare_file (self->path, &existed, error))
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

  if (!open_db (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
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

/* ---- transactions ----------------------------------------------------- */

static gboolean
check_writable (BespokeStore  *self,
                GError       **error)
{
  if (self->read_only_reason != NULL)
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_READ_ONLY, self->read_only_reason);
      return FALSE;
    }
  return TRUE;
}

/**
 * bespoke_store_begin:
 *
 * Starts a write transaction (BEGIN IMMEDIATE).  Calls nest: only the
 * outermost commit writes.
 */
gboolean
bespoke_store_begin (BespokeStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (self->transaction_depth == 0 && !_bespoke_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

/**
 * bespoke_store_begin_bulk:
 *
 * Starts a transaction for writing many records that stand or fall
 * together (example data, synthetic people, an import): the writes inside
 * it take no savepoint each, so a write that fails leaves the transaction
 * for the caller to roll back whole.  Must not be nested in another.
 */
gboolean
bespoke_store_begin_bulk (BespokeStore  *self,
                          GError       **error)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  if (!bespoke_store_begin (self, error))
    return FALSE;
  self->bulk = TRUE;
  return TRUE;
}

gboolean
bespoke_store_commit (BespokeStore  *self,
                      GError       **error)
{
  g_autoptr(GArray) pending = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth > 1)
    {
      self->transaction_depth--;
      return TRUE;
    }

  if (!_bespoke_store_exec (self, "COMMIT", error))
    {
      bespoke_store_rollback (self);
      return FALSE;
    }
  self->transaction_depth = 0;
  self->bulk = FALSE;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (ChangeNote));
  g_array_set_clear_func (self->pending, change_note_clear);
  for (guint i = 0; i < pending->len; i++)
    {
      ChangeNote *note = &g_array_index (pending, ChangeNote, i);
      g_signal_emit (self, signals[CHANGED], 0, note->type, note->uuid);
    }
  if (pending->len > 0)
    g_signal_emit (self, signals[COMMITTED], 0);
  return TRUE;
}

/**
 * bespoke_store_rollback:
 *
 * Abandons the whole transaction, however deeply nested.
 */
void
bespoke_store_rollback (BespokeStore *self)
{
  g_return_if_fail (BESPOKE_IS_STORE (self));

  if (self->transaction_depth == 0)
    return;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->transaction_depth = 0;
  self->bulk = FALSE;
  g_array_set_size (self->pending, 0);
}

/* Runs a statement that is run very often (a savepoint per write) from
 * the statement cache, instead of parsing it every time. */
static gboolean
step_cached (BespokeStore  *self,
             const char    *sql,
             GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error, _("Changing the database"));
  return TRUE;
}

/* One write (a save, a delete, a photo): a transaction of its own, or a
 * savepoint inside the caller's, so that a write that fails undoes only
 * itself and leaves the caller's transaction open and balanced. */
static gboolean
write_begin (BespokeStore  *self,
             GError       **error)
{
  if (self->transaction_depth == 0)
    return bespoke_store_begin (self, error);
  if (self->bulk)
    return bespoke_store_begin (self, error);
  if (!check_writable (self, error) ||
      !step_cached (self, "SAVEPOINT bespoke_write", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

static void
write_abort (BespokeStore *self)
{
  if (self->bulk && self->transaction_depth > 1)
    self->transaction_depth--;  /* the caller rolls the whole transaction back */
  else if (self->transaction_depth > 1)
    {
      sqlite3_exec (self->db, "ROLLBACK TO bespoke_write; RELEASE bespoke_write", NULL, NULL, NULL);
      self->transaction_depth--;
    }
  else
    bespoke_store_rollback (self);
}

static gboolean
write_commit (BespokeStore  *self,
              GError       **error)
{
  if (self->bulk)
    return bespoke_store_commit (self, error);
  if (self->transaction_depth > 1)
    {
      if (!step_cached (self, "RELEASE bespoke_write", error))
        {
          write_abort (self);
          return FALSE;
        }
      self->transaction_depth--;
      return TRUE;
    }
  return bespoke_store_commit (self, error);
}

static void
note_change (BespokeStore *self,
             GType         type,
             const char   *uuid)
{
  ChangeNote note = { type, g_strdup (uuid) };
  g_array_append_val (self->pending, note);
}

/* ---- generic records -------------------------------------------------- */

static char *
column_name (GParamSpec *pspec)
{
  char *name = g_strdup (pspec->name);
  g_strdelimit (name, "-", '_');
  return name;
}

/* "uuid, modified_at, col1, col2, …" in the class's column order */
static char *
column_list (BespokeRecordClass *klass,
             const char         *prefix)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%suuid, %smodified_at", prefix, prefix);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_autofree char *name = column_name (klass->columns[i]);
      g_string_append_printf (out, ", %s%s", prefix, name);
    }
  return g_string_free (out, FALSE);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            GParamSpec   *pspec,
            const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);
      if (s == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, s, -1, SQLITE_TRANSIENT);
    }
  else if (type == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (type == G_TYPE_UINT)
    sqlite3_bind_int64 (stmt, index, g_value_get_uint (value));
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (G_TYPE_IS_ENUM (type))
    sqlite3_bind_text (stmt, index, bespoke_enum_to_nick (type, g_value_get_enum (value)), -1, SQLITE_STATIC);
  else if (type == BESPOKE_TYPE_SCHEDULE)
    {
      const BespokeSchedule *schedule = g_value_get_boxed (value);
      if (schedule == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, bespoke_schedule_serialize (schedule), -1, g_free);
    }
  else
    g_assert_not_reached ();
}

static gboolean
read_value (sqlite3_stmt  *stmt,
            int            col,
            GParamSpec    *pspec,
            GValue        *value,
            GError       **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, text);
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, col));
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, (guint) CLAMP (sqlite3_column_int64 (stmt, col), 0, G_MAXUINT));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, col) != 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      int v;
      if (!bespoke_enum_from_nick (type, text, &v))
        {
          g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                       _("The database holds “%s” where Bespoke expects a %s. The file may be damaged."),
                       text ? text : "", pspec->name);
          return FALSE;
        }
      g_value_set_enum (value, v);
    }
  else if (type == BESPOKE_TYPE_SCHEDULE)
    {
      if (text != NULL)
        {
          BespokeSchedule *schedule = bespoke_schedule_parse (text, error);
          if (schedule == NULL)
            return FALSE;
          g_value_take_boxed (value, schedule);
        }
    }
  else
    g_assert_not_reached ();

  return TRUE;
}

static BespokeRecord *
read_record (GType          type,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  BespokeRecordClass *klass = g_type_class_peek (type);
  g_autoptr(BespokeRecord) record = NULL;

  record = g_object_new (type, "uuid", (const char *) sqlite3_column_text (stmt, 0), NULL);
  bespoke_record_set_modified_at (record, sqlite3_column_int64 (stmt, 1));
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!read_value (stmt, (int) i + 2, klass->columns[i], &value, error))
        return NULL;
      bespoke_record_take_value (record, klass->columns[i], &value, FALSE);
    }
  return g_steal_pointer (&record);
}

static BespokeRecordClass *
record_class (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, BESPOKE_TYPE_RECORD), NULL);
  return g_type_class_ref (type);  /* classes of static types are never freed */
}

static const ClassSql *
class_sql_for (BespokeStore *self,
               GType         type)
{
  BespokeRecordClass *klass;
  ClassSql *sql = g_hash_table_lookup (self->class_sql, GSIZE_TO_POINTER (type));
  g_autoptr(GString) values = NULL;
  g_autoptr(GString) updates = NULL;
  g_autofree char *order = NULL;
  g_autofree char *parent = NULL;

  if (sql != NULL)
    return sql;

  klass = record_class (type);
  values = g_string_new ("?, ?");
  updates = g_string_new ("modified_at = excluded.modified_at");
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_autofree char *name = column_name (klass->columns[i]);
      g_string_append (values, ", ?");
      g_string_append_printf (updates, ", %s = excluded.%s", name, name);
    }
  order = g_strdup (klass->order_property ? klass->order_property : "uuid");
  g_strdelimit (order, "-", '_');

  sql = g_new0 (ClassSql, 1);
  sql->columns = column_list (klass, "");
  sql->upsert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (uuid) DO UPDATE SET %s",
                                 klass->table, sql->columns, values->str, updates->str);
  sql->load = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?", sql->columns, klass->table);
  sql->remove = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?", klass->table);
  sql->list = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s, uuid", sql->columns, klass->table, order);
  sql->count = g_strdup_printf ("SELECT count(*) FROM %s", klass->table);
  if (klass->parent_property != NULL)
    {
      parent = g_strdup (klass->parent_property);
      g_strdelimit (parent, "-", '_');
      sql->list_children = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ? ORDER BY %s, uuid",
                                            sql->columns, klass->table, parent, order);
    }
  g_hash_table_insert (self->class_sql, GSIZE_TO_POINTER (type), sql);
  return sql;
}

/* The case-folded words of @text, split at white space and at the
 * punctuation inside names, a whole character at a time: g_strsplit_set()
 * splits at single bytes, and "’" shares bytes with letters such as "ę". */
static char **
name_words (const char *text,
            guint       max_words)
{
  static const gunichar separators[] = { '-', '\'', 0x2019, '.', ',', '(', ')' };
  g_autofree char *folded = NULL;
  GPtrArray *words = g_ptr_array_new ();
  const char *start;

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    {
      folded = g_utf8_casefold (text, -1);
      start = folded;
      for (const char *p = folded; ; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          gboolean separator = c == 0 || g_unichar_isspace (c);

          for (guint i = 0; !separator && i < G_N_ELEMENTS (separators); i++)
            separator = c == separators[i];
          if (separator)
            {
              if (p > start && words->len < max_words)
                g_ptr_array_add (words, g_strndup (start, (gsize) (p - start)));
              if (c == 0)
                break;
              start = g_utf8_next_char (p);
            }
        }
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

/* Every word of a person's names, case-folded, for search as you type. */
static gboolean
index_person (BespokeStore   *self,
              BespokePerson  *person,
              GError        **error)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));
  const char *names[] = { bespoke_person_get_name (person), bespoke_person_get_preferred_name (person) };
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self, "DELETE FROM people_search WHERE uuid = ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return db_error (self, error, _("Indexing a name"));

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_auto(GStrv) words = name_words (names[n], G_MAXUINT);

      for (guint w = 0; words[w] != NULL; w++)
        {
          if (!(stmt = prepare (self, "INSERT OR IGNORE INTO people_search (word, uuid) VALUES (?, ?)", error)))
            return FALSE;
          sqlite3_bind_text (stmt, 1, words[w], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return db_error (self, error, _("Indexing a name"));
        }
    }
  return TRUE;
}

/**
 * bespoke_store_save:
 * @record: (type BespokeRecord): a record to insert or update
 *
 * Validates @record and writes it in a transaction.  An invalid record is
 * not written and @error says which field is wrong and what to do.
 */
static gboolean
save_record (BespokeStore  *self,
             gpointer       record,
             gboolean       keep_time,
             gboolean       note,
             GError       **error)
{
  BespokeRecord *rec = record;
  BespokeRecordClass *klass;
  const ClassSql *sql;
  sqlite3_stmt *stmt;
  gint64 now;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_RECORD (record), FALSE);

  if (!check_writable (self, error) || !bespoke_record_validate (rec, error))
    return FALSE;

  klass = BESPOKE_RECORD_GET_CLASS (rec);
  sql = class_sql_for (self, G_OBJECT_TYPE (rec));

  if (!write_begin (self, error))
    return FALSE;

  if (!(stmt = prepare (self, sql->upsert, error)))
    goto fail;

  if (keep_time)
    now = bespoke_record_get_modified_at (rec);
  else
    now = MAX (g_get_real_time (), bespoke_record_get_modified_at (rec) + 1);
  sqlite3_bind_text (stmt, 1, bespoke_record_get_uuid (rec), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  for (guint i = 0; i < klass->n_columns; i++)
    bind_value (stmt, (int) i + 3, klass->columns[i], bespoke_record_peek_value (rec, klass->columns[i]));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      db_error (self, error, _("Saving"));
      goto fail;
    }
  sqlite3_reset (stmt);

  if (BESPOKE_IS_PERSON (rec) && !index_person (self, BESPOKE_PERSON (rec), error))
    goto fail;

  if (note)
    note_change (self, G_OBJECT_TYPE (rec), bespoke_record_get_uuid (rec));
  if (!write_commit (self, error))
    return FALSE;

  bespoke_record_set_modified_at (rec, now);
  return TRUE;

fail:
  write_abort (self);
  return FALSE;
}

gboolean
bespoke_store_save (BespokeStore  *self,
                    gpointer       record,
                    GError       **error)
{
  return save_record (self, record, FALSE, TRUE, error);
}

/**
 * bespoke_store_save_imported:
 *
 * Saves a record as it came from an exchange file: like
 * bespoke_store_save(), but the record keeps its modification time, so
 * that the same data exported again gives the same bytes, and no
 * ::changed is noted for it: an import of millions of records notes one
 * change per person, provider or home with bespoke_store_note_change(),
 * and listeners reload what hangs under it.
 */
gboolean
bespoke_store_save_imported (BespokeStore  *self,
                             gpointer       record,
                             GError       **error)
{
  return save_record (self, record, TRUE, FALSE, error);
}

/**
 * bespoke_store_note_change:
 *
 * Emits ::changed for @uuid when the transaction in progress commits.
 */
void
bespoke_store_note_change (BespokeStore *self,
                           GType         type,
                           const char   *uuid)
{
  g_return_if_fail (BESPOKE_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  note_change (self, type, uuid);
}

/**
 * bespoke_store_changed_elsewhere:
 *
 * Tells whatever shows the database that anything in it may have changed
 * (::changed for every record type, then ::committed): after a restore, or
 * after another connection, such as an import's worker thread, wrote to
 * the file.
 */
void
bespoke_store_changed_elsewhere (BespokeStore *self)
{
  g_return_if_fail (BESPOKE_IS_STORE (self));

  g_signal_emit (self, signals[CHANGED], 0, BESPOKE_TYPE_RECORD, NULL);
  g_signal_emit (self, signals[COMMITTED], 0);
}

/**
 * bespoke_store_open_reader: (skip)
 *
 * Opens a second, read-only connection to @self's database file, for a
 * bulk reader's worker thread (each connection is used by one thread).
 * Nothing is migrated or set up: @self already did that.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error
 *   set (an in-memory database has no second connection)
 */
BespokeStore *
bespoke_store_open_reader (BespokeStore  *self,
                           GError       **error)
{
  g_autoptr(BespokeStore) reader = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  if (g_str_equal (self->path, ":memory:"))
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                           _("An in-memory database cannot be read from a second connection."));
      return NULL;
    }
  reader = g_object_new (BESPOKE_TYPE_STORE, NULL);
  reader->path = g_strdup (self->path);
  reader->schema_version = self->schema_version;
  reader->read_only_reason = g_strdup (_("This connection only reads, for an export running beside it."));
  /* a reader's lookups are scattered: a small page cache does as well */
  if (!open_db (reader, SQLITE_OPEN_READONLY, error) ||
      !_bespoke_store_exec (reader, "PRAGMA query_only = ON", error) ||
      !_bespoke_store_exec (reader, "PRAGMA cache_size = -4096", error))
    return NULL;
  return g_steal_pointer (&reader);
}

/**
 * bespoke_store_prepare_rows: (skip)
 * @rows: which rows, in which order
 *
 * Prepares a query for rows of @type with the same columns as a record is
 * read from: 0 the UUID, 1 modified_at, then the class's columns from 2 in
 * its order.  For the core's bulk readers only (see
 * bespoke-store-private.h).
 *
 * Returns: (transfer full): the statement, for the caller to finalize
 */
sqlite3_stmt *
bespoke_store_prepare_rows (BespokeStore  *self,
                            GType          type,
                            BespokeRows    rows,
                            GError       **error)
{
  const ClassSql *sql;
  BespokeRecordClass *klass;
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  sql = class_sql_for (self, type);
  klass = g_type_class_peek (type);
  switch (rows)
    {
    case BESPOKE_ROWS_ALL:
      query = g_strdup (sql->list);
      break;
    case BESPOKE_ROWS_BY_UUID:
      query = g_strdup_printf ("SELECT %s FROM %s ORDER BY uuid", sql->columns, klass->table);
      break;
    case BESPOKE_ROWS_CHILDREN:
      g_return_val_if_fail (sql->list_children != NULL, NULL);
      query = g_strdup (sql->list_children);
      break;
    case BESPOKE_ROWS_ONE:
    default:
      query = g_strdup (sql->load);
      break;
    }

  if (sqlite3_prepare_v3 (self->db, query, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      db_error (self, error, _("Reading the database"));
      return NULL;
    }
  return stmt;
}

/**
 * bespoke_store_list_after:
 * @after_uuid: (nullable): the last UUID of the previous page, or %NULL
 *   for the first page
 *
 * Lists every record of @type in UUID order, a page of @limit at a time,
 * so that a walk through the whole table holds one page in memory.
 *
 * Returns: (transfer full): the records after @after_uuid
 */
GPtrArray *
bespoke_store_list_after (BespokeStore  *self,
                          GType          type,
                          const char    *after_uuid,
                          guint          limit,
                          GError       **error)
{
  const ClassSql *sql;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  sql = class_sql_for (self, type);
  query = g_strdup_printf ("SELECT %s FROM %s WHERE uuid > ? ORDER BY uuid LIMIT ?",
                           sql->columns, BESPOKE_RECORD_CLASS (g_type_class_peek (type))->table);
  if (!(stmt = prepare (self, query, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, after_uuid ? after_uuid : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BespokeRecord *record = read_record (type, stmt, error);
      if (record == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      db_error (self, error, _("Reading the database"));
      return NULL;
    }
  return g_steal_pointer (&records);
}

/**
 * bespoke_store_get_sync_mark:
 * @key: a record's UUID, or the UUID of a person, provider or home whose
 *   records were exported together, or "*" for a whole-database export
 *
 * Returns: the time, in microseconds since 1970, up to which @key's
 *   records were last exported or imported, or 0 if they never were.
 *   The XML exchange uses it to tell a record changed here since then
 *   from one changed only in a file.
 */
gint64
bespoke_store_get_sync_mark (BespokeStore  *self,
                             const char    *key,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 value = 0;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), 0);

  if (!(stmt = prepare (self, "SELECT synced_at FROM exchange_sync WHERE key = ?", error)))
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      db_error (self, error, _("Reading the database"));
      return -1;
    }
  return value;
}

gboolean
bespoke_store_set_sync_mark (BespokeStore  *self,
                             const char    *key,
                             gint64         synced_at,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if (!write_begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self,
                        "INSERT INTO exchange_sync (key, synced_at) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET synced_at = max(synced_at, excluded.synced_at)",
                        error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, synced_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      db_error (self, error, _("Saving"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  return write_commit (self, error);

fail:
  write_abort (self);
  return FALSE;
}

/**
 * bespoke_store_load:
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with
 *   %BESPOKE_ERROR_NOT_FOUND if there is none with that UUID.
 */
gpointer
bespoke_store_load (BespokeStore  *self,
                    GType          type,
                    const char    *uuid,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  BespokeRecord *record = NULL;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(stmt = prepare (self, class_sql_for (self, type)->load, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = read_record (type, stmt, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                 _("There is no record %s in the database."), uuid);
  else
    db_error (self, error, _("Reading"));
  sqlite3_reset (stmt);
  return record;
}

gboolean
bespoke_store_delete (BespokeStore  *self,
                      gpointer       record,
                      GError       **error)
{
  BespokeRecord *rec = record;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_RECORD (record), FALSE);

  if (!write_begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, class_sql_for (self, G_OBJECT_TYPE (rec))->remove, error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, bespoke_record_get_uuid (rec), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      db_error (self, error, _("Deleting"));
      goto fail;
    }
  sqlite3_reset (stmt);
  note_change (self, G_OBJECT_TYPE (rec), bespoke_record_get_uuid (rec));
  return write_commit (self, error);

fail:
  write_abort (self);
  return FALSE;
}

static GPtrArray *
collect (BespokeStore  *self,
         GType          type,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BespokeRecord *record = read_record (type, stmt, error);
      if (record == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (out, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      db_error (self, error, _("Reading"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * bespoke_store_list:
 * @parent_uuid: (nullable): the owning record, or %NULL for every record
 *
 * Returns: (transfer full) (element-type BespokeRecord): the records of
 *   @type that belong to @parent_uuid, in their class's order.
 */
GPtrArray *
bespoke_store_list (BespokeStore  *self,
                    GType          type,
                    const char    *parent_uuid,
                    GError       **error)
{
  const ClassSql *sql;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  sql = class_sql_for (self, type);
  g_return_val_if_fail (parent_uuid == NULL || sql->list_children != NULL, NULL);

  if (!(stmt = prepare (self, parent_uuid ? sql->list_children : sql->list, error)))
    return NULL;
  if (parent_uuid != NULL)
    sqlite3_bind_text (stmt, 1, parent_uuid, -1, SQLITE_TRANSIENT);
  return collect (self, type, stmt, error);
}

gint64
bespoke_store_count (BespokeStore  *self,
                     GType          type,
                     GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), -1);

  if (!(stmt = prepare (self, class_sql_for (self, type)->count, error)))
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    db_error (self, error, _("Counting"));
  sqlite3_reset (stmt);
  return n;
}

/* ---- people ----------------------------------------------------------- */

static char **
search_words (const char *search)
{
  return name_words (search, MAX_SEARCH_WORDS);
}

typedef enum
{
  PEOPLE_COUNT,   /* no order */
  PEOPLE_ALL,     /* in order */
  PEOPLE_PAGE,    /* in order, LIMIT ? OFFSET ? */
} PeopleQuery;

static sqlite3_stmt *
people_query (BespokeStore         *self,
              const char           *select,
              BespokePeopleFilter   filter,
              char                **words,
              PeopleQuery           kind,
              GError              **error)
{
  g_autoptr(GString) sql = g_string_new (select);
  sqlite3_stmt *stmt;
  int index = 1;

  g_string_append (sql, " FROM people WHERE archived = 0");
  if (filter != BESPOKE_PEOPLE_ALL)
    g_string_append (sql, " AND is_staff = ?");
  for (guint i = 0; words[i] != NULL; i++)
    g_string_append (sql, " AND uuid IN (SELECT uuid FROM people_search WHERE word >= ? AND word < ?)");
  if (kind != PEOPLE_COUNT)
    g_string_append (sql, " ORDER BY is_staff, name COLLATE NOCASE, uuid");
  if (kind == PEOPLE_PAGE)
    g_string_append (sql, " LIMIT ? OFFSET ?");

  if (!(stmt = prepare (self, sql->str, error)))
    return NULL;

  if (filter != BESPOKE_PEOPLE_ALL)
    sqlite3_bind_int (stmt, index++, filter == BESPOKE_PEOPLE_STAFF);
  for (guint i = 0; words[i] != NULL; i++)
    {
      /* every word that starts with words[i]: [prefix, prefix + 0xff) */
      sqlite3_bind_text (stmt, index++, words[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, index++, g_strconcat (words[i], "\xff", NULL), -1, g_free);
    }
  return stmt;
}

/**
 * bespoke_store_count_people:
 * @search: (nullable): what has been typed so far; each word matches the
 *   start of a word of the name or preferred name
 */
guint
bespoke_store_count_people (BespokeStore         *self,
                            BespokePeopleFilter   filter,
                            const char           *search,
                            GError              **error)
{
  g_auto(GStrv) words = search_words (search);
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), 0);

  /* With no search, the counts schema 4's triggers keep: counting the rows
   * of 100,000 people read most of the index from a cold disk.  A newer
   * Bespoke's database, open read-only, is counted the long way. */
  if (words[0] == NULL && self->schema_version >= 4 && self->read_only_reason == NULL)
    {
      if (filter == BESPOKE_PEOPLE_ALL)
        stmt = prepare (self, "SELECT coalesce(sum(n), 0) FROM people_counts", error);
      else if ((stmt = prepare (self, "SELECT coalesce(sum(n), 0) FROM people_counts WHERE is_staff = ?", error)))
        sqlite3_bind_int (stmt, 1, filter == BESPOKE_PEOPLE_STAFF);
    }
  else
    stmt = people_query (self, "SELECT count(*)", filter, words, PEOPLE_COUNT, error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  else
    db_error (self, error, _("Counting people"));
  sqlite3_reset (stmt);
  return n;
}

/**
 * bespoke_store_has_people:
 *
 * Returns: whether anyone at all (not archived) is in the database: one
 *   row read, where counting would read the whole index.
 */
gboolean
bespoke_store_has_people (BespokeStore *self)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if (!(stmt = prepare (self, "SELECT 1 FROM people WHERE archived = 0 LIMIT 1", NULL)))
    return FALSE;
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * bespoke_store_list_people:
 *
 * Returns: (transfer full) (element-type BespokePerson): at most @limit
 *   people from @offset, in name order (people before staff).
 */
GPtrArray *
bespoke_store_list_people (BespokeStore         *self,
                           BespokePeopleFilter   filter,
                           const char           *search,
                           guint                 offset,
                           guint                 limit,
                           GError              **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s", class_sql_for (self, BESPOKE_TYPE_PERSON)->columns);
  g_auto(GStrv) words = search_words (search);
  sqlite3_stmt *stmt;
  int n_params;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  if (!(stmt = people_query (self, select, filter, words, PEOPLE_PAGE, error)))
    return NULL;
  n_params = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, n_params - 1, limit);
  sqlite3_bind_int64 (stmt, n_params, offset);
  return collect (self, BESPOKE_TYPE_PERSON, stmt, error);
}

/**
 * bespoke_store_foreach_person:
 * @func: called with each person in order; return %FALSE to stop
 *
 * Walks every person @filter and @search select in one query, holding one
 * at a time: for listing them all, where paging by offset would reread the
 * index once a page.
 */
gboolean
bespoke_store_foreach_person (BespokeStore         *self,
                              BespokePeopleFilter   filter,
                              const char           *search,
                              BespokePersonFunc     func,
                              gpointer              user_data,
                              GError              **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s", class_sql_for (self, BESPOKE_TYPE_PERSON)->columns);
  g_auto(GStrv) words = search_words (search);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!(stmt = people_query (self, select, filter, words, PEOPLE_ALL, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BespokeRecord) person = read_record (BESPOKE_TYPE_PERSON, stmt, error);

      if (person == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (!func (BESPOKE_PERSON (person), user_data))
        {
          sqlite3_reset (stmt);
          return TRUE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error, _("Reading people"));
  return TRUE;
}

static gboolean
looks_like_uuid_prefix (const char *key)
{
  gsize len = strlen (key);

  if (len < 4 || len > 36)
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isxdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/**
 * bespoke_store_find_person:
 * @key: a UUID, a unique UUID prefix (4 characters or more), or an exact
 *   name or preferred name (any case)
 *
 * Returns: (transfer full): the one person @key names.  No match is
 *   %BESPOKE_ERROR_NOT_FOUND; several are %BESPOKE_ERROR_AMBIGUOUS with the
 *   matches listed in the message.
 */
BespokePerson *
bespoke_store_find_person (BespokeStore  *self,
                           const char    *key,
                           GError       **error)
{
  const char *cols;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  cols = class_sql_for (self, BESPOKE_TYPE_PERSON)->columns;
  if (looks_like_uuid_prefix (key))
    {
      g_autofree char *lower = g_ascii_strdown (key, -1);

      sql = g_strdup_printf ("SELECT %s FROM people WHERE uuid >= ? AND uuid < ? ORDER BY uuid LIMIT 10", cols);
      if (!(stmt = prepare (self, sql, error)))
        return NULL;
      sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, g_strconcat (lower, "\xff", NULL), -1, g_free);
      if (!(matches = collect (self, BESPOKE_TYPE_PERSON, stmt, error)))
        return NULL;
      g_clear_pointer (&sql, g_free);
    }

  if (matches == NULL || matches->len == 0)
    {
      /* SQLite's NOCASE folds only ASCII, so "ÉLODIE" would miss "Élodie":
       * take the people with the key's first word from the search index,
       * and compare the whole names case-folded. */
      g_auto(GStrv) words = name_words (key, 1);
      g_autofree char *folded_key = g_utf8_casefold (key, -1);
      g_autoptr(GPtrArray) candidates = NULL;

      g_clear_pointer (&matches, g_ptr_array_unref);
      matches = g_ptr_array_new_with_free_func (g_object_unref);
      if (words[0] != NULL)
        {
          sql = g_strdup_printf ("SELECT %s FROM people WHERE uuid IN (SELECT uuid FROM people_search WHERE word = ?) "
                                 "ORDER BY uuid", cols);
          if (!(stmt = prepare (self, sql, error)))
            return NULL;
          sqlite3_bind_text (stmt, 1, words[0], -1, SQLITE_TRANSIENT);
          if (!(candidates = collect (self, BESPOKE_TYPE_PERSON, stmt, error)))
            return NULL;
        }
      for (guint i = 0; candidates != NULL && i < candidates->len && matches->len < 10; i++)
        {
          BespokePerson *p = g_ptr_array_index (candidates, i);
          const char *names[] = { bespoke_person_get_name (p), bespoke_person_get_preferred_name (p) };

          for (guint n = 0; n < G_N_ELEMENTS (names); n++)
            {
              g_autofree char *folded = names[n] ? g_utf8_casefold (names[n], -1) : NULL;

              if (g_strcmp0 (folded, folded_key) == 0)
                {
                  g_ptr_array_add (matches, g_object_ref (p));
                  break;
                }
            }
        }
    }

  if (matches->len == 1)
    return g_object_ref (g_ptr_array_index (matches, 0));

  if (matches->len == 0)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                   _("No one is called “%s”, and no UUID starts with it. List people with “bespoke-cli people --search”."),
                   key);
      return NULL;
    }

  {
    g_autoptr(GString) list = g_string_new (NULL);

    for (guint i = 0; i < matches->len; i++)
      {
        BespokePerson *p = g_ptr_array_index (matches, i);
        g_string_append_printf (list, "%s%s (%s)", i ? "; " : "",
                                bespoke_person_get_name (p), bespoke_record_get_uuid (BESPOKE_RECORD (p)));
      }
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_AMBIGUOUS,
                 _("“%s” could be more than one person: %s. Use the UUID instead."), key, list->str);
  }
  return NULL;
}

/* ---- photos ----------------------------------------------------------- */

gboolean
bespoke_store_set_photo (BespokeStore  *self,
                         const char    *person_uuid,
                         GBytes        *data,
                         const char    *mime_type,
                         GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (person_uuid != NULL, FALSE);

  if (!write_begin (self, error))
    return FALSE;
  if (data == NULL)
    stmt = prepare (self, "DELETE FROM photos WHERE person_uuid = ?", error);
  else
    stmt = prepare (self, "INSERT INTO photos (person_uuid, mime_type, data) VALUES (?, ?, ?) "
                          "ON CONFLICT (person_uuid) DO UPDATE SET mime_type = excluded.mime_type, data = excluded.data",
                    error);
  if (stmt == NULL)
    {
      write_abort (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, person_uuid, -1, SQLITE_TRANSIENT);
  if (data != NULL)
    {
      gsize size;
      gconstpointer bytes = g_bytes_get_data (data, &size);

      sqlite3_bind_text (stmt, 2, mime_type ? mime_type : "image/png", -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob64 (stmt, 3, bytes, size, SQLITE_TRANSIENT);
    }
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    db_error (self, error, _("Saving the photo"));
  sqlite3_reset (stmt);
  if (!ok)
    {
      write_abort (self);
      return FALSE;
    }
  note_change (self, BESPOKE_TYPE_PERSON, person_uuid);
  return write_commit (self, error);
}

/**
 * bespoke_store_get_photo:
 *
 * Returns: (transfer full) (nullable): the photo's bytes, or %NULL with no
 *   error if the person has none.
 */
GBytes *
bespoke_store_get_photo (BespokeStore  *self,
                         const char    *person_uuid,
                         char         **mime_type,
                         GError       **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, "SELECT mime_type, data FROM photos WHERE person_uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, person_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      bytes = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
      if (mime_type != NULL)
        *mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  else if (rc != SQLITE_DONE)
    db_error (self, error, _("Reading the photo"));
  sqlite3_reset (stmt);
  return bytes;
}

/* ---- snapshots, for undoing a whole import ----------------------------- */

/**
 * bespoke_store_snapshot:
 *
 * Copies the whole database, as it is now, to a new private file (mode
 * 0600, in the user's cache folder), so that a large change such as an
 * import can be undone with bespoke_store_restore().
 *
 * Returns: (transfer full): the snapshot's path; the caller deletes it
 */
char *
bespoke_store_snapshot (BespokeStore  *self,
                        GError       **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "bespoke", NULL);
  g_autofree char *path = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  g_return_val_if_fail (self->transaction_depth == 0, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder “%s” for an undo copy: %s."), dir, g_strerror (saved));
      return NULL;
    }
  {
    g_autofree char *name = g_strdup_printf ("snapshot-%s.db", g_uuid_string_random ());
    gboolean existed;

    path = g_build_filename (dir, name, NULL);
    if (!prepare_file (path, &existed, error))
      return NULL;
  }

  if (sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("Could not make an undo copy of the database: %s."), sqlite3_errmsg (copy));
      sqlite3_close (copy);
      g_unlink (path);
      return NULL;
    }
  backup = sqlite3_backup_init (copy, "main", self->db, "main");
  rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (copy);
  if (backup)
    sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("Could not make an undo copy of the database: %s."), sqlite3_errstr (rc));
      sqlite3_close (copy);
      g_unlink (path);
      return NULL;
    }
  sqlite3_close (copy);
  return g_steal_pointer (&path);
}

/**
 * bespoke_store_restore:
 * @snapshot: a path from bespoke_store_snapshot()
 *
 * Puts the database back as it was when @snapshot was taken, in place, and
 * emits ::changed with %BESPOKE_TYPE_RECORD and no UUID ("everything may
 * have changed"), then ::committed.
 */
gboolean
bespoke_store_restore (BespokeStore  *self,
                       const char    *snapshot,
                       GError       **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (sqlite3_open_v2 (snapshot, &copy, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("Could not read the undo copy “%s”: %s."), snapshot, sqlite3_errmsg (copy));
      sqlite3_close (copy);
      return FALSE;
    }

  /* cached statements hold read locks; the copy needs the database to itself */
  g_hash_table_remove_all (self->statements);
  backup = sqlite3_backup_init (self->db, "main", copy, "main");
  rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (self->db);
  if (backup)
    sqlite3_backup_finish (backup);
  sqlite3_close (copy);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_DATABASE,
                   _("Could not put the database back as it was: %s."), sqlite3_errstr (rc));
      return FALSE;
    }

  bespoke_store_changed_elsewhere (self);
  return TRUE;
}

/**
 * bespoke_store_delete_database_files:
 * @path: (nullable): a database file, such as a path from
 *   bespoke_store_snapshot()
 *
 * Deletes a database file that no store has open, with the journal files
 * SQLite may have left beside it (`-wal`, `-shm`, `-journal`).  A file
 * that is not there is not an error, and neither is a %NULL @path.  If a
 * file cannot be deleted, the others are still tried.
 *
 * Returns: %FALSE if a file that is there could not be deleted
 */
gboolean
bespoke_store_delete_database_files (const char  *path,
                                     GError     **error)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  gboolean ok = TRUE;

  if (path == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved = errno;

          if (ok)
            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                         _("Could not delete “%s”: %s."), file, g_strerror (saved));
          ok = FALSE;
        }
    }
  return ok;
}
