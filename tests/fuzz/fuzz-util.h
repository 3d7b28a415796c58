/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the fuzz targets (header only).  Each target is one
 * LLVMFuzzerTestOneInput(): built with clang and libFuzzer when
 * -Dfuzzing=true (build-aux/fuzz runs them), and with fuzz-replay.c's
 * main() in every build, which feeds it the corpus as an ordinary test.
 *
 * A target aborts (and so fails, or gives libFuzzer a crash to keep) on a
 * GLib critical or warning, as the tests do with G_DEBUG=fatal-warnings,
 * and on any broken promise it checks with fuzz_assert().  Refusing an
 * input with a GError is never a failure: that is what hostile input
 * should get. */
#pragma once

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bespoke-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* g_assert() is compiled out with G_DISABLE_ASSERT; this never is. */
#define fuzz_assert(expr) \
  G_STMT_START { \
    if (G_UNLIKELY (!(expr))) \
      { \
        fprintf (stderr, "%s:%d: %s: broken promise: %s\n", __FILE__, __LINE__, G_STRFUNC, #expr); \
        abort (); \
      } \
  } G_STMT_END

/* A refusal must carry a sentence for a person. */
#define fuzz_assert_refused(ok, error) \
  G_STMT_START { \
    fuzz_assert ((ok) || ((error) != NULL && (error)->message != NULL && (error)->message[0] != '\0')); \
    fuzz_assert (!(ok) || (error) == NULL); \
  } G_STMT_END

static char *fuzz_dir;

static void
fuzz_remove_dir (void)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (fuzz_dir == NULL)
    return;
  d = g_dir_open (fuzz_dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (fuzz_dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

/* Once per process: the C.UTF-8 locale the tests use, warnings fatal, and
 * a private temporary folder, removed at exit. */
static inline void
fuzz_init (void)
{
  if (fuzz_dir != NULL)
    return;
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  fuzz_dir = g_dir_make_tmp ("bespoke-fuzz-XXXXXX", NULL);
  fuzz_assert (fuzz_dir != NULL);
  atexit (fuzz_remove_dir);
}

/* @data as a NUL-terminated string (the parsers take text); a NUL inside
 * it ends the text early, as it would for any caller. */
static inline char *
fuzz_text (const uint8_t *data,
           size_t         size)
{
  char *text = g_malloc (size + 1);

  memcpy (text, data, size);
  text[size] = '\0';
  return text;
}

/* @data written to a file in the private folder; returns its path. */
static inline char *
fuzz_write_file (const char    *name,
                 const uint8_t *data,
                 size_t         size)
{
  char *path = g_build_filename (fuzz_dir, name, NULL);
  FILE *file = fopen (path, "wb");

  fuzz_assert (file != NULL);
  fuzz_assert (fwrite (data, 1, size, file) == size || size == 0);
  fuzz_assert (fclose (file) == 0);
  return path;
}

/* A fresh, empty store in a temporary file, with its schema up to date.
 * Migrating a new database takes about 0.4 s under AddressSanitizer, so
 * the first call makes an empty database once and each call starts from a
 * copy of its bytes.  (build-aux/fuzz puts the folder in /dev/shm, so
 * that SQLite's fsyncs cost nothing.) */
static inline BespokeStore *
fuzz_fresh_store (void)
{
  static GBytes *empty;
  g_autofree char *path = g_build_filename (fuzz_dir, "store.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  BespokeStore *store;

  g_remove (wal);
  g_remove (shm);
  if (empty == NULL)
    {
      char *contents = NULL;
      gsize length = 0;

      g_remove (path);
      store = bespoke_store_open (path, NULL);
      fuzz_assert (store != NULL);
      g_object_unref (store);
      fuzz_assert (g_file_get_contents (path, &contents, &length, NULL));
      empty = g_bytes_new_take (contents, length);
    }
  fuzz_assert (g_file_set_contents (path, g_bytes_get_data (empty, NULL), (gssize) g_bytes_get_size (empty), NULL));
  store = bespoke_store_open (path, NULL);
  fuzz_assert (store != NULL);
  return store;
}
