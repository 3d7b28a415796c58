/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fixtures shared by the test programs (header only: each test includes it
 * and uses what it needs).  No GTK here, so that the core tests can use it
 * too; tests/xml-test-util.h adds the XML exchange's own. */
#pragma once

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bespoke-core.h"
#include "bespoke-example.h"

/* G_TEST_OPTION_ISOLATE_DIRS empties XDG_DATA_DIRS.  That leaves GSettings
 * no schemas at all, and libadwaita 1.2 then fails a critical looking up its
 * own; and it leaves GIO no MIME database, so GTK cannot tell that an icon
 * is an SVG.  So, before the isolation, point both at the system's copies:
 * the settings backend is the in-memory one, so no user's settings are read
 * or written.  Call it before g_test_init(). */
static inline void
use_system_data (void)
{
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  g_auto(GStrv) dirs = NULL;
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);
  gboolean have_schemas = g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL;

  dirs = g_strsplit (data_dirs && *data_dirs ? data_dirs : "/usr/local/share:/usr/share", ":", 0);
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *schemas = g_build_filename (dirs[i], "glib-2.0", "schemas", NULL);
      g_autofree char *compiled = g_build_filename (schemas, "gschemas.compiled", NULL);

      if (!have_schemas && g_file_test (compiled, G_FILE_TEST_EXISTS))
        {
          g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
          have_schemas = TRUE;
        }
      g_ptr_array_add (mime_dirs, g_build_filename (dirs[i], "mime", NULL));
    }
  g_ptr_array_add (mime_dirs, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
}

/* Deletes @path, with everything in it if it is a folder; quietly, and
 * whatever is already gone. */
static inline void
remove_tree_quietly (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree_quietly (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

/* Deletes @path, with everything in it if it is a folder. */
static inline void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_remove (path), ==, 0);
}

/* The folders temp_dir() made, removed when the test program exits. */
static GPtrArray *temp_dirs;

static inline void
remove_temp_dirs (void)
{
  for (guint i = 0; temp_dirs != NULL && i < temp_dirs->len; i++)
    remove_tree_quietly (g_ptr_array_index (temp_dirs, i));
  g_clear_pointer (&temp_dirs, g_ptr_array_unref);
}

/* A new empty folder under the temporary folder.  A test may remove_tree()
 * it itself; whatever is left is removed when the program exits, so no test
 * leaves files behind in the temporary folder. */
static inline char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bespoke-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (temp_dirs == NULL)
    {
      temp_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_temp_dirs);
    }
  g_ptr_array_add (temp_dirs, g_strdup (dir));
  return dir;
}

/* The store in the database at @path (or ":memory:"), which must open. */
static inline BespokeStore *
open_store_at (const char *path)
{
  g_autoptr(GError) error = NULL;
  BespokeStore *store = bespoke_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A store in memory holding the example data. */
static inline BespokeStore *
new_example_store (void)
{
  g_autoptr(GError) error = NULL;
  BespokeStore *store = open_store_at (":memory:");
  gboolean installed = bespoke_example_install (store, &error);

  g_assert_no_error (error);
  g_assert_true (installed);
  return store;
}

static inline GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = file_bytes (from);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (to, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* Saves @record to @store, which must succeed. */
static inline void
save_ok (BespokeStore *store,
         gpointer      record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bespoke_store_save (store, record, &error));
  g_assert_no_error (error);
}

static inline const char *
uuid_of (gpointer record)
{
  return bespoke_record_get_uuid (BESPOKE_RECORD (record));
}

#ifdef BESPOKE_CLI_PATH
#include <sys/wait.h>

/* The tests of bespoke-cli run the real binary (tests/meson.build gives
 * its path): CLI (&run, "--database", db, "list", …) fills @run with what
 * it printed and its exit status. */
typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static inline void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* The environment for a child: this one, with the isolated data, config
 * and state folders of G_TEST_OPTION_ISOLATE_DIRS (GLib sets them for this
 * process only), so that a child never touches the user's own Bespoke
 * files either.  HOME and the cache stay: fontconfig keeps its cache there,
 * and an empty one made afresh in every test changes how many writes a
 * print makes, which the strace fault tests count on. */
static inline char **
child_environ (void)
{
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  /* the sealing private folder is in the cache: never the real one */
  env = g_environ_setenv (env, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  return env;
}

/* Runs the NULL-terminated @args, whose first is the binary. */
static inline void
run_argv (Run         *run,
          const char **args)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = child_environ ();

  run_clear (run);
  g_spawn_sync (NULL, (char **) args, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (run->status))
    g_printerr ("%s was killed by signal %d; it wrote:\n%s\n", args[0],
                WIFSIGNALED (run->status) ? WTERMSIG (run->status) : 0, run->err);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

/* For "strace -E": LeakSanitizer cannot work under ptrace, so the
 * sanitizer build's leak check is off for a program run under strace (it
 * is on for every other run of it). */
#define STRACE_NO_LEAK_CHECK "ASAN_OPTIONS=detect_leaks=0"

/* TRUE if strace can run a program here, to inject errors: it is
 * installed, and ptrace is allowed (a container may forbid it).  Otherwise
 * the test is skipped, saying why. */
static inline gboolean
have_strace (void)
{
  g_autofree char *strace = g_find_program_in_path ("strace");
  const char *argv[] = { "strace", "-f", "-o", "/dev/null", "true", NULL };
  int status = -1;

  if (strace != NULL &&
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, NULL) &&
      g_spawn_check_wait_status (status, NULL))
    return TRUE;
  g_test_skip ("strace cannot trace here (not installed, or ptrace is not allowed): no full disk to test on");
  return FALSE;
}

#define CLI(run, ...) run_argv ((run), (const char *[]) { BESPOKE_CLI_PATH, __VA_ARGS__, NULL })
#endif
