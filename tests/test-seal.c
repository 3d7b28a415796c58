/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sealed exchange files (issue #12): the format, every changed byte and
 * every cut refused, the import changing nothing when it refuses, no plain
 * text left behind, and bespoke-cli's --seal and --passphrase-file. */
#define G_LOG_DOMAIN "bespoke-test-seal"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bespoke-core.h"
#include "hostile-test-util.h"

#define PASSPHRASE "correct horse battery staple"

/* The smallest limits libsodium allows (1 pass, 8 KiB), so that a test
 * can open a file a thousand times; and 64-byte chunks, so that a small
 * file has many. */
static const BespokeSealParams quick = { 1, 8192, 64 };

/* 300 bytes of text that says where each byte is */
static GBytes *
plain_text (gsize length)
{
  GString *text = g_string_new (NULL);

  while (text->len < length)
    g_string_append_printf (text, "<byte at=\"%u\"/>", (guint) text->len);
  g_string_truncate (text, length);
  return g_string_free_to_bytes (text);
}

/* A file holding @bytes, its descriptor at 0 */
static int
fd_with (const char *dir,
         GBytes     *bytes)
{
  g_autofree char *template = g_build_filename (dir, "fd-XXXXXX", NULL);
  int fd = g_mkstemp (template);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpint (fd, >=, 0);
  g_unlink (template);
  g_assert_cmpint (write (fd, data, length), ==, (gssize) length);
  g_assert_cmpint (lseek (fd, 0, SEEK_SET), ==, 0);
  return fd;
}

static GBytes *
fd_contents (int fd)
{
  GByteArray *out = g_byte_array_new ();
  guint8 buffer[4096];
  gssize n;

  g_assert_cmpint (lseek (fd, 0, SEEK_SET), ==, 0);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_byte_array_append (out, buffer, (guint) n);
  g_assert_cmpint (n, ==, 0);
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
seal_bytes (const char *dir,
            GBytes     *plain,
            const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  int in = fd_with (dir, plain);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  int out = fd_with (dir, empty);
  GBytes *sealed;

  g_assert_true (bespoke_seal_fd (in, out, passphrase, &quick, "test", &error));
  g_assert_no_error (error);
  sealed = fd_contents (out);
  close (in);
  close (out);
  return sealed;
}

/* Opens @sealed; returns the plain text, or NULL with @error set */
static GBytes *
unseal_bytes (const char  *dir,
              GBytes      *sealed,
              const char  *passphrase,
              GError     **error)
{
  int in = fd_with (dir, sealed);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  int out = fd_with (dir, empty);
  GBytes *plain = NULL;

  if (bespoke_unseal_fd (in, out, passphrase, "test", error))
    plain = fd_contents (out);
  close (in);
  close (out);
  return plain;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = temp_dir ();
  /* empty, shorter than a chunk, exactly one and two chunks, and between */
  const gsize lengths[] = { 0, 1, 63, 64, 65, 128, 300 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr(GBytes) plain = plain_text (lengths[i]);
      g_autoptr(GBytes) sealed = seal_bytes (dir, plain, PASSPHRASE);
      g_autoptr(GBytes) back = NULL;
      g_autoptr(GError) error = NULL;
      /* a header of 68 bytes, then each chunk of up to 64 bytes plus 17;
       * a last chunk that is full is the FINAL one, so 0 bytes make one
       * chunk, 64 one, 65 two, 128 two and 300 five (4 × 64 + 44) */
      const gsize chunks[] = { 1, 1, 1, 1, 2, 2, 5 };

      g_assert_cmpuint (g_bytes_get_size (sealed), ==, 68 + lengths[i] + 17 * chunks[i]);
      g_assert_cmpmem (g_bytes_get_data (sealed, NULL), 8, "BSPKSEAL", 8);
      back = unseal_bytes (dir, sealed, PASSPHRASE, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (back, plain));
    }
}

static void
test_wrong_passphrase (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(GBytes) plain = plain_text (300);
  g_autoptr(GBytes) sealed = seal_bytes (dir, plain, PASSPHRASE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) back = unseal_bytes (dir, sealed, "correct horse battery stapler", &error);

  g_assert_null (back);
  g_assert_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_WRONG_PASSPHRASE);
  g_assert_nonnull (strstr (error->message, "Check the passphrase"));
}

/* Every byte of a small sealed file, changed by one bit and by all eight:
 * each change is refused. */
static void
test_every_byte_flip (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(GBytes) plain = plain_text (300);
  g_autoptr(GBytes) sealed = seal_bytes (dir, plain, PASSPHRASE);
  gsize length = g_bytes_get_size (sealed);
  const guint8 masks[] = { 0x01, 0xff };

  g_assert_cmpuint (length, ==, 68 + 300 + 5 * 17);
  for (gsize i = 0; i < length; i++)
    for (guint m = 0; m < G_N_ELEMENTS (masks); m++)
      {
        guint8 *bytes = g_memdup2 (g_bytes_get_data (sealed, NULL), length);
        g_autoptr(GBytes) changed = NULL;
        g_autoptr(GBytes) back = NULL;
        g_autoptr(GError) error = NULL;

        bytes[i] ^= masks[m];
        changed = g_bytes_new_take (bytes, length);
        back = unseal_bytes (dir, changed, PASSPHRASE, &error);
        if (back != NULL)
          g_error ("byte %" G_GSIZE_FORMAT " changed by 0x%02x was not noticed", i, masks[m]);
        g_assert_true (error->domain == BESPOKE_SEAL_ERROR);
        /* a changed magic is not a sealed file; the header and the first
         * chunk cannot be told from a wrong passphrase */
        if (i < 8)
          g_assert_cmpint (error->code, ==, BESPOKE_SEAL_ERROR_NOT_SEALED);
        else if (i >= 68 + 81 && i < 68 + 4 * 81)
          g_assert_cmpint (error->code, ==, BESPOKE_SEAL_ERROR_DAMAGED);
        else if (i >= 68 + 4 * 81)
          /* the short last chunk: changed, or cut short */
          g_assert_cmpint (error->code, ==, BESPOKE_SEAL_ERROR_TRUNCATED);
      }
}

/* Cut at every length: inside the header, at every chunk boundary, and
 * inside every chunk.  Bytes added after the end are refused too. */
static void
test_truncation (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(GBytes) plain = plain_text (300);
  g_autoptr(GBytes) sealed = seal_bytes (dir, plain, PASSPHRASE);
  gsize length = g_bytes_get_size (sealed);
  g_autoptr(GByteArray) longer = g_byte_array_new ();
  g_autoptr(GBytes) extended = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (sealed, 0, cut);
      g_autoptr(GBytes) part_back = NULL;
      g_autoptr(GError) cut_error = NULL;
      /* the chunk boundaries: after the header, then every 81 bytes */
      gboolean boundary = cut >= 68 && (cut - 68) % 81 == 0;

      part_back = unseal_bytes (dir, part, PASSPHRASE, &cut_error);
      if (part_back != NULL)
        g_error ("the file cut at %" G_GSIZE_FORMAT " bytes was not noticed", cut);
      if (cut < 8)
        g_assert_error (cut_error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_NOT_SEALED);
      else if (boundary || cut < 68 || cut > 68 + 81)
        g_assert_error (cut_error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_TRUNCATED);
      else
        g_assert_error (cut_error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_WRONG_PASSPHRASE);
      if (boundary || (cut >= 8 && cut < 68))
        g_assert_nonnull (strstr (cut_error->message, "cut short"));
    }

  /* a byte added to a short last chunk makes it fail to open; after a
   * full last chunk (128 bytes: two chunks of 64), it is found after it */
  g_byte_array_append (longer, g_bytes_get_data (sealed, NULL), (guint) length);
  g_byte_array_append (longer, (const guint8 *) "x", 1);
  extended = g_byte_array_free_to_bytes (g_steal_pointer (&longer));
  back = unseal_bytes (dir, extended, PASSPHRASE, &error);
  g_assert_null (back);
  g_assert_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_TRUNCATED);
  g_clear_error (&error);
  g_clear_pointer (&extended, g_bytes_unref);
  g_clear_pointer (&plain, g_bytes_unref);
  g_clear_pointer (&sealed, g_bytes_unref);

  plain = plain_text (128);
  sealed = seal_bytes (dir, plain, PASSPHRASE);
  longer = g_byte_array_new ();
  g_byte_array_append (longer, g_bytes_get_data (sealed, NULL), (guint) g_bytes_get_size (sealed));
  g_byte_array_append (longer, (const guint8 *) "x", 1);
  extended = g_byte_array_free_to_bytes (g_steal_pointer (&longer));
  back = unseal_bytes (dir, extended, PASSPHRASE, &error);
  g_assert_null (back);
  g_assert_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_DAMAGED);
}

/* A header asking for more than Bespoke allows is refused before any key
 * is worked out (4 GiB of memory would be taken otherwise). */
static void
test_limits_refused (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(GBytes) plain = plain_text (10);
  g_autoptr(GBytes) sealed = seal_bytes (dir, plain, PASSPHRASE);
  gsize length = g_bytes_get_size (sealed);
  guint8 *bytes = g_memdup2 (g_bytes_get_data (sealed, NULL), length);
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;

  bytes[16 + 4] = 0x01;  /* memlimit += 4 GiB */
  changed = g_bytes_new_take (bytes, length);
  back = unseal_bytes (dir, changed, PASSPHRASE, &error);
  g_assert_null (back);
  g_assert_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_LIMITS);
}

static void
test_strength (void)
{
  g_autofree char *hint = NULL;
  g_autoptr(GError) error = NULL;

  /* 7 characters */
  g_assert_cmpint (bespoke_seal_passphrase_strength ("abcdefg", NULL), ==, BESPOKE_SEAL_STRENGTH_TOO_SHORT);
  g_assert_false (bespoke_seal_check_passphrase ("abcdefg", &error));
  g_assert_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_PASSPHRASE);
  g_assert_true (bespoke_seal_check_passphrase ("abcdefgh", NULL));
  /* "aaaaaaaaaaaa": 1 + 11 halves = 6.5 characters of 26: 30.6 bits */
  g_assert_cmpint (bespoke_seal_passphrase_strength ("aaaaaaaaaaaa", NULL), ==, BESPOKE_SEAL_STRENGTH_WEAK);
  /* "Password2027": a common password inside */
  g_assert_cmpint (bespoke_seal_passphrase_strength ("Password2027", NULL), ==, BESPOKE_SEAL_STRENGTH_WEAK);
  /* "kitchen7garden": 14 characters of 36 (lower case, digits), "de" a
   * run: 13.5 × log2 36 = 13.5 × 5.17 = 69.8 bits */
  g_assert_cmpint (bespoke_seal_passphrase_strength ("kitchen7garden", NULL), ==, BESPOKE_SEAL_STRENGTH_STRONG);
  /* "tulipmoon": 9 characters of 26, with "tu", "oo" and "on" runs:
   * 7.5 × log2 26 = 7.5 × 4.70 = 35.3 bits */
  g_assert_cmpint (bespoke_seal_passphrase_strength ("tulipmoon", NULL), ==, BESPOKE_SEAL_STRENGTH_WEAK);
  /* "tulip moon harp": 15 characters of 59 (lower case, and a space among
   * the other 33), the same three runs: 13.5 × 5.88 = 79.4 bits */
  g_assert_cmpint (bespoke_seal_passphrase_strength ("tulip moon harp", &hint), ==, BESPOKE_SEAL_STRENGTH_STRONG);
  g_assert_cmpstr (hint, ==, "Strong.");
  /* "tulipmoonharp": 13 characters of 26, the same three runs:
   * 11.5 × 4.70 = 54.1 bits */
  g_assert_cmpint (bespoke_seal_passphrase_strength ("tulipmoonharp", NULL), ==, BESPOKE_SEAL_STRENGTH_FAIR);
}

/* ---- sealed export and import through a store -------------------------- */

static char *
private_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = bespoke_seal_private_dir (&error);

  g_assert_no_error (error);
  return dir;
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

/* bespoke-cli's import of a sealed file, in the test's process */
static BespokeXmlImportReport *
import_sealed (BespokeStore  *store,
               const char    *path,
               const char    *passphrase,
               GError       **error)
{
  g_autoptr(BespokeSealOpened) opened = bespoke_seal_open (path, passphrase, error);

  if (opened == NULL)
    return NULL;
  return bespoke_xml_import (store, bespoke_seal_opened_get_path (opened), BESPOKE_XML_IMPORT_DEFAULT, error);
}

static void
test_export_import (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *file = g_build_filename (dir, "everyone.bespoke", NULL);
  g_autofree char *private = private_dir ();
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(BespokeStore) target = open_store_at (other);
  g_autoptr(BespokeXmlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sealed = NULL;
  struct stat st;

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_seal_export (store, BESPOKE_XML_EXPORT_ALL, NULL, file, PASSPHRASE, &quick, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_seal_is_sealed (file));
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* the sealed file and the databases, nothing else beside them, and
   * nothing in the private folder */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      if (!g_str_equal (name, "everyone.bespoke") && !g_str_has_prefix (name, "office.db") && !g_str_has_prefix (name, "other.db"))
        g_error ("“%s” was left beside the sealed file", name);
  }
  g_assert_cmpuint (count_entries (private), ==, 0);
  sealed = file_bytes (file);
  g_assert_null (g_strstr_len (g_bytes_get_data (sealed, NULL), (gssize) g_bytes_get_size (sealed), "Paul"));

  report = import_sealed (target, file, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  /* the example's 11 people: Paul, Jennie, Anne-Marie, six residents of
   * Oak House and two members of staff */
  g_assert_cmpuint (report->added[BESPOKE_XML_KIND_PERSON], ==, 11);
  g_assert_cmpuint (count_entries (private), ==, 0);
}

/* A wrong passphrase, a changed byte, a file cut short: the database's
 * bytes are as they were, and nothing is left in the private folder. */
static void
test_import_failures_change_nothing (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *source_db = g_build_filename (dir, "source.db", NULL);
  g_autofree char *file = g_build_filename (dir, "paul.bespoke", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.bespoke", NULL);
  g_autofree char *private = private_dir ();
  g_autoptr(BespokeStore) source = open_store_at (source_db);
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sealed = NULL;
  const char *uuids[2] = { NULL, NULL };
  Victim v = { 0 };
  gsize length;

  bespoke_example_install (source, &error);
  g_assert_no_error (error);
  paul = bespoke_store_find_person (source, "Paul", &error);
  g_assert_no_error (error);
  uuids[0] = uuid_of (paul);
  g_assert_true (bespoke_seal_export (source, BESPOKE_XML_EXPORT_PEOPLE, uuids, file, PASSPHRASE, &quick, NULL, &error));
  g_assert_no_error (error);
  sealed = file_bytes (file);
  length = g_bytes_get_size (sealed);

  victim_set_up (&v);
  for (guint attempt = 0; attempt < 4; attempt++)
    {
      g_autoptr(BespokeXmlImportReport) report = NULL;
      g_autoptr(GError) attempt_error = NULL;
      g_autoptr(GBytes) after = NULL;
      guint8 *bytes = g_memdup2 (g_bytes_get_data (sealed, NULL), length);
      gsize written = length;
      const char *passphrase = PASSPHRASE;

      if (attempt == 0)
        passphrase = "Correct horse battery staple";
      else if (attempt == 1)
        bytes[length / 2] ^= 0x20;       /* a byte in the middle */
      else if (attempt == 2)
        written = length - 17;           /* the last chunk's tag cut off */
      else
        written = 68 + 81 * 2;           /* cut at a chunk boundary */
      g_assert_true (g_file_set_contents (broken, (const char *) bytes, (gssize) written, NULL));
      g_free (bytes);

      report = import_sealed (v.store, broken, passphrase, &attempt_error);
      g_assert_null (report);
      g_assert_true (attempt_error->domain == BESPOKE_SEAL_ERROR);
      g_assert_nonnull (strstr (attempt_error->message, "Nothing has been imported"));
      after = victim_close_and_read (&v);
      g_assert_true (g_bytes_equal (after, v.before));
      v.store = open_store_at (v.db);
      g_assert_cmpuint (count_entries (private), ==, 0);
    }
  victim_tear_down (&v);
}

/* A sealed export that cannot be put in place leaves nothing, and puts the
 * export marks back: nothing left the machine. */
static void
test_failed_export_keeps_marks (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *file = g_build_filename (dir, "no-such-folder", "everyone.bespoke", NULL);
  g_autofree char *private = private_dir ();
  g_autoptr(BespokeStore) store = open_store_at (db);
  g_autoptr(GError) error = NULL;

  bespoke_example_install (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bespoke_store_get_sync_mark (store, "*", NULL), ==, 0);
  g_assert_false (bespoke_seal_export (store, BESPOKE_XML_EXPORT_ALL, NULL, file, PASSPHRASE, &quick, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (bespoke_store_get_sync_mark (store, "*", NULL), ==, 0);
  g_assert_cmpuint (count_entries (private), ==, 0);
  g_clear_error (&error);

  /* too short a passphrase: refused before anything is written */
  g_clear_pointer (&file, g_free);
  file = g_build_filename (dir, "short.bespoke", NULL);
  g_assert_false (bespoke_seal_export (store, BESPOKE_XML_EXPORT_ALL, NULL, file, "1234567", &quick, NULL, &error));
  g_assert_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_PASSPHRASE);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
}

/* What a killed sealed operation left (a folder no one holds locked) is
 * removed; a running one's is not. */
static void
test_remove_stale (void)
{
  g_autofree char *private = private_dir ();
  g_autofree char *dead = g_build_filename (private, "op-dead01", NULL);
  g_autofree char *alive = g_build_filename (private, "op-live01", NULL);
  g_autofree char *plain = g_build_filename (dead, "paul.bespoke", NULL);
  int lock;

  g_assert_cmpint (g_mkdir (dead, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (alive, 0700), ==, 0);
  g_assert_true (g_file_set_contents (plain, "<bespoke/>", -1, NULL));
  lock = open (alive, O_RDONLY | O_DIRECTORY);
  g_assert_cmpint (flock (lock, LOCK_EX), ==, 0);

  g_assert_cmpuint (bespoke_seal_remove_stale (), ==, 1);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (alive, G_FILE_TEST_IS_DIR));

  close (lock);
  g_assert_cmpuint (bespoke_seal_remove_stale (), ==, 1);
  g_assert_false (g_file_test (alive, G_FILE_TEST_EXISTS));
}

/* ---- bespoke-cli ------------------------------------------------------- */

static void
test_cli (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = temp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *file = g_build_filename (dir, "everyone.bespoke", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.bespoke", NULL);
  g_autofree char *pass = g_build_filename (dir, "pass", NULL);
  g_autofree char *wrong = g_build_filename (dir, "wrong", NULL);
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  struct stat st;

  /* the isolated folders are this process's only: bespoke-cli finds its
   * private folder through the environment */
  g_setenv ("XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_assert_true (g_file_set_contents (pass, PASSPHRASE "\n", -1, NULL));
  g_assert_true (g_file_set_contents (wrong, "correct horse battery stable\n", -1, NULL));
  CLI (&run, "--database", db, "example");
  g_assert_cmpint (run.status, ==, 0);

  CLI (&run, "--database", db, "export", "--all", "--seal", "--passphrase-file", pass, "-o", file);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "sealed"));
  g_assert_true (bespoke_seal_is_sealed (file));
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  CLI (&run, "validate", file, "--passphrase-file", pass);
  g_assert_cmpint (run.status, ==, 0);

  /* an empty database to import into; its bytes, to compare */
  CLI (&run, "--database", other, "init");
  g_assert_cmpint (run.status, ==, 0);
  before = file_bytes (other);

  CLI (&run, "--database", other, "import", file, "--passphrase-file", wrong);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "The passphrase does not open"));
  sealed = file_bytes (file);
  g_assert_true (g_file_set_contents (broken, g_bytes_get_data (sealed, NULL), (gssize) g_bytes_get_size (sealed) - 1, NULL));
  CLI (&run, "--database", other, "import", broken, "--passphrase-file", pass);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "cut short"));
  after = file_bytes (other);
  g_assert_true (g_bytes_equal (before, after));

  /* no terminal here, and no passphrase file: a sentence, nothing done */
  CLI (&run, "--database", other, "import", file);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--passphrase-file"));

  CLI (&run, "--database", other, "import", file, "--passphrase-file", pass);
  g_assert_cmpint (run.status, ==, 0);
  /* the example's 11 people */
  g_assert_nonnull (strstr (run.out, "11 new people, 0 updated, 0 conflicts"));
  CLI (&run, "--database", other, "cost", "Paul");
  g_assert_cmpint (run.status, ==, 0);
  /* the domain's figures: £22,000.00 committed of a £34,000.00 budget */
  g_assert_nonnull (strstr (run.out, "£22,000.00"));
  g_assert_nonnull (strstr (run.out, "£34,000.00"));

  /* no plain text left in the private folder, by any of these runs */
  {
    g_autofree char *private = private_dir ();
    g_assert_cmpuint (count_entries (private), ==, 0);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/seal/round-trip", test_round_trip);
  g_test_add_func ("/seal/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/seal/every-byte-flip", test_every_byte_flip);
  g_test_add_func ("/seal/truncation", test_truncation);
  g_test_add_func ("/seal/limits", test_limits_refused);
  g_test_add_func ("/seal/strength", test_strength);
  g_test_add_func ("/seal/export-import", test_export_import);
  g_test_add_func ("/seal/import-failures-change-nothing", test_import_failures_change_nothing);
  g_test_add_func ("/seal/failed-export-keeps-marks", test_failed_export_keeps_marks);
  g_test_add_func ("/seal/remove-stale", test_remove_stale);
  g_test_add_func ("/seal/cli", test_cli);
  return g_test_run ();
}
