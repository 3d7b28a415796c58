/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The crash loop's child for what it cannot ask of bespoke-cli (issue #12).
 *
 * crash-edit edits DB FIRST COUNT
 *   makes COUNT edits through the core, each bespoke_store_save() or
 *   bespoke_store_delete() in its own transaction, in groups of four
 *   numbered from FIRST (a multiple of four), N = FIRST + 4m:
 *     N     a new person "Crash edit N";
 *     N + 1 that person renamed "Crash edit N+1";
 *     N + 2 another new person "Crash edit N+2";
 *     N + 3 that one deleted.
 *   After each edit has returned it writes the edit's number on a line of
 *   its own, with write(2) (no stdio buffer): a line on stdout is an
 *   acknowledged edit.
 *
 * crash-edit seal DB FILE
 *   writes everyone to FILE sealed with the passphrase below, as
 *   `bespoke-cli export --all --seal` does (bespoke_seal_export(): the
 *   plain text in a private folder, a temporary file beside FILE, renamed
 *   into place), but with libsodium's least Argon2id limits, so that a
 *   sealed export takes as long as a plain one and the suite can kill many.
 *   Writes "sealed" when it has returned.
 */
#define G_LOG_DOMAIN "bespoke-crash-edit"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-core.h"
#include "bespoke-seal.h"

#define CRASH_PASSPHRASE "correct horse battery staple"

static gboolean
acknowledge (const char *line)
{
  return write (STDOUT_FILENO, line, strlen (line)) == (ssize_t) strlen (line);
}

static int
fail (GError *error)
{
  g_printerr ("crash-edit: %s\n", error->message);
  return 1;
}

static int
edits (BespokeStore *store,
       guint64       first,
       guint64       count)
{
  g_autoptr(BespokePerson) renamed = NULL;
  g_autoptr(BespokePerson) deleted = NULL;
  g_autoptr(GError) error = NULL;

  for (guint64 n = first; n < first + count; n++)
    {
      g_autofree char *name = g_strdup_printf ("Crash edit %" G_GUINT64_FORMAT, n);
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT "\n", n);
      gboolean ok;

      switch (n % 4)
        {
        case 0:
          g_clear_object (&renamed);
          renamed = bespoke_person_new ();
          G_GNUC_FALLTHROUGH;
        case 1:
          bespoke_person_set_name (renamed, name);
          ok = bespoke_store_save (store, renamed, &error);
          break;
        case 2:
          g_clear_object (&deleted);
          deleted = bespoke_person_new ();
          bespoke_person_set_name (deleted, name);
          ok = bespoke_store_save (store, deleted, &error);
          break;
        default:
          ok = bespoke_store_delete (store, deleted, &error);
          break;
        }
      if (!ok)
        return fail (error);
      if (!acknowledge (line))
        return 1;
    }
  return 0;
}

static int
seal (BespokeStore *store,
      const char   *path)
{
  /* libsodium's crypto_pwhash_OPSLIMIT_MIN and _MEMLIMIT_MIN */
  const BespokeSealParams least = { 1, 8192, 64 * 1024 };
  g_autoptr(GError) warning = NULL;
  g_autoptr(GError) error = NULL;

  if (!bespoke_seal_export (store, BESPOKE_XML_EXPORT_ALL, NULL, path, CRASH_PASSPHRASE, &least, &warning, &error))
    return fail (error);
  return acknowledge ("sealed\n") ? 0 : 1;
}

int
main (int argc, char **argv)
{
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 first = 0, count = 0;

  if (!((argc == 5 && g_str_equal (argv[1], "edits") &&
         g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT32, &first, NULL) && first % 4 == 0 &&
         g_ascii_string_to_unsigned (argv[4], 10, 1, 10000, &count, NULL)) ||
        (argc == 4 && g_str_equal (argv[1], "seal"))))
    {
      g_printerr ("Usage: crash-edit edits DB FIRST COUNT (FIRST a multiple of 4)\n"
                  "       crash-edit seal DB FILE\n");
      return 2;
    }
  if (!(store = bespoke_store_open (argv[2], &error)))
    return fail (error);
  return count > 0 ? edits (store, first, count) : seal (store, argv[3]);
}
