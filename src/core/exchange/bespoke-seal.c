/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-seal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-seal.h"

/* The sealed format (see bespoke-seal.h): a header, then the plain text
 * in chunks through crypto_secretstream_xchacha20poly1305, with a key from
 * the passphrase by Argon2id.  Both directions stream from one file
 * descriptor to another with two chunks in memory, whatever the size. */

G_STATIC_ASSERT (BESPOKE_SEAL_CHUNK_OVERHEAD == crypto_secretstream_xchacha20poly1305_ABYTES);
G_STATIC_ASSERT (BESPOKE_SEAL_HEADER_BYTES ==
                 28 + crypto_pwhash_SALTBYTES + crypto_secretstream_xchacha20poly1305_HEADERBYTES);

#define KDF_ARGON2ID13 crypto_pwhash_ALG_ARGON2ID13

G_DEFINE_QUARK (bespoke-seal-error-quark, bespoke_seal_error)

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_FAILED,
                           _("The encryption library could not start. Restart the computer, and try again."));
      return FALSE;
    }
  return TRUE;
}

/**
 * bespoke_seal_params_init:
 *
 * Fills @params with what Bespoke seals with.
 */
void
bespoke_seal_params_init (BespokeSealParams *params)
{
  params->opslimit = BESPOKE_SEAL_DEFAULT_OPSLIMIT;
  params->memlimit = BESPOKE_SEAL_DEFAULT_MEMLIMIT;
  params->chunk_size = BESPOKE_SEAL_DEFAULT_CHUNK;
}

/* ---- passphrases -------------------------------------------------------- */

/* A few of the passwords people use most: containing one makes a
 * passphrase weak, whatever its length. */
static const char * const common[] = {
  "password", "passw0rd", "123456", "12345678", "qwerty", "letmein", "welcome",
  "iloveyou", "admin", "abc123", "monkey", "dragon", "football", "sunshine",
  "bespoke", "trustno1", "princess", "baseball", "111111", "000000",
};

/*
 * An estimate of the bits a guesser must try: the length, counting a
 * character that repeats or continues the one before it ("aaa", "abc",
 * "321") as half a character, times log2 of the alphabet the passphrase
 * draws on (lower case 26, upper case 26, digits 10, other ASCII 33,
 * anything else 100).
 */
static double
estimate_bits (const char *passphrase)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE, wide = FALSE;
  double length = 0;
  gunichar previous = 0;
  int pool = 0;

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 'a' && c <= 'z')
        lower = TRUE;
      else if (c >= 'A' && c <= 'Z')
        upper = TRUE;
      else if (c >= '0' && c <= '9')
        digit = TRUE;
      else if (c < 128)
        other = TRUE;
      else
        wide = TRUE;
      length += (previous != 0 && (c == previous || c == previous + 1 || c + 1 == previous)) ? 0.5 : 1.0;
      previous = c;
    }
  pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0) + (wide ? 100 : 0);
  return pool > 1 ? length * log2 ((double) pool) : 0;
}

/**
 * bespoke_seal_passphrase_strength:
 * @hint: (out) (optional): a sentence to show beside the passphrase
 *
 * Estimates how hard @passphrase is to guess: under 45 bits is weak, under
 * 65 fair, and stronger is strong (see estimate_bits()); one that holds a
 * common password is weak.
 */
BespokeSealStrength
bespoke_seal_passphrase_strength (const char  *passphrase,
                                  char       **hint)
{
  g_autofree char *folded = NULL;
  BespokeSealStrength strength;
  double bits;

  g_return_val_if_fail (passphrase != NULL, BESPOKE_SEAL_STRENGTH_TOO_SHORT);

  folded = g_utf8_strdown (passphrase, -1);
  bits = estimate_bits (passphrase);
  if (!g_utf8_validate (passphrase, -1, NULL) || g_utf8_strlen (passphrase, -1) < BESPOKE_SEAL_MIN_PASSPHRASE)
    strength = BESPOKE_SEAL_STRENGTH_TOO_SHORT;
  else if (bits < 45)
    strength = BESPOKE_SEAL_STRENGTH_WEAK;
  else if (bits < 65)
    strength = BESPOKE_SEAL_STRENGTH_FAIR;
  else
    strength = BESPOKE_SEAL_STRENGTH_STRONG;

  for (guint i = 0; i < G_N_ELEMENTS (common) && strength > BESPOKE_SEAL_STRENGTH_WEAK; i++)
    if (strstr (folded, common[i]) != NULL && bits < 65 + 20)
      strength = BESPOKE_SEAL_STRENGTH_WEAK;

  if (hint != NULL)
    switch (strength)
      {
      case BESPOKE_SEAL_STRENGTH_TOO_SHORT:
        *hint = g_strdup_printf (_("Too short: use at least %d characters. Four or five unrelated words are easy to type and hard to guess."),
                                 BESPOKE_SEAL_MIN_PASSPHRASE);
        break;
      case BESPOKE_SEAL_STRENGTH_WEAK:
        *hint = g_strdup (_("Weak: someone who has the file could guess it. Add more words, or choose words that do not belong together."));
        break;
      case BESPOKE_SEAL_STRENGTH_FAIR:
        *hint = g_strdup (_("Fair: a longer passphrase, such as four or five unrelated words, would be stronger."));
        break;
      case BESPOKE_SEAL_STRENGTH_STRONG:
      default:
        *hint = g_strdup (_("Strong."));
        break;
      }
  return strength;
}

/**
 * bespoke_seal_check_passphrase:
 *
 * Refuses a passphrase too short to seal with, with a sentence saying so.
 */
gboolean
bespoke_seal_check_passphrase (const char  *passphrase,
                               GError     **error)
{
  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL) ||
      g_utf8_strlen (passphrase, -1) < BESPOKE_SEAL_MIN_PASSPHRASE)
    {
      g_set_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_PASSPHRASE,
                   _("The passphrase is too short to seal with: use at least %d characters. Four or five unrelated words are easy to type and hard to guess."),
                   BESPOKE_SEAL_MIN_PASSPHRASE);
      return FALSE;
    }
  return TRUE;
}

/* ---- reading and writing ------------------------------------------------ */

/* Reads up to @length bytes, short only at the end of the file; -1 with
 * errno set on a failure. */
static gssize
read_full (int     fd,
           guint8 *buffer,
           gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = read (fd, buffer + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += (gsize) n;
    }
  return (gssize) done;
}

static gboolean
write_full (int           fd,
            const guint8 *buffer,
            gsize         length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = write (fd, buffer + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

static gboolean
io_error (const char  *name,
          gboolean     writing,
          GError     **error)
{
  int saved = errno ? errno : EIO;

  if (saved == ENOSPC || saved == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full: “%s” could not be written. Free some space, or choose another disk, and try again."),
                 name);
  else if (writing)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not write “%s”: %s. Choose another folder, or check the disk, and try again."),
                 name, g_strerror (saved));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not read “%s”: %s. Check the disk, or copy the file again, and try again."),
                 name, g_strerror (saved));
  return FALSE;
}

static void
put_u32 (guint8 *p, guint32 v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (guint8) (v >> (8 * i));
}

static void
put_u64 (guint8 *p, guint64 v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (guint8) (v >> (8 * i));
}

static guint32
get_u32 (const guint8 *p)
{
  guint32 v = 0;

  for (int i = 3; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static gboolean
derive_key (guint8             key[crypto_secretstream_xchacha20poly1305_KEYBYTES],
            const char         *passphrase,
            const guint8       *salt,
            guint32             opslimit,
            guint64             memlimit,
            GError            **error)
{
  if (crypto_pwhash (key, crypto_secretstream_xchacha20poly1305_KEYBYTES,
                     passphrase, strlen (passphrase), salt,
                     opslimit, (size_t) memlimit, KDF_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_FAILED,
                           _("There is not enough free memory to work out the key from the passphrase. Close some programs, and try again."));
      return FALSE;
    }
  return TRUE;
}

/**
 * bespoke_seal_fd:
 * @in_fd: the plain text, read to its end
 * @out_fd: where the sealed file is written, from its current position
 * @params: (nullable): the limits and chunk size, or %NULL for Bespoke's
 * @name: the file's name, for messages
 *
 * Seals what @in_fd holds with @passphrase.
 */
gboolean
bespoke_seal_fd (int                      in_fd,
                 int                      out_fd,
                 const char              *passphrase,
                 const BespokeSealParams *params,
                 const char              *name,
                 GError                 **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guint8 header[BESPOKE_SEAL_HEADER_BYTES] = { 0 };
  BespokeSealParams defaults;
  g_autofree guint8 *plain = NULL;
  g_autofree guint8 *next = NULL;
  g_autofree guint8 *sealed = NULL;
  gssize n, n_next = -1;
  gboolean first = TRUE, ok = FALSE;

  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (params == NULL)
    {
      bespoke_seal_params_init (&defaults);
      params = &defaults;
    }
  g_return_val_if_fail (params->chunk_size >= BESPOKE_SEAL_MIN_CHUNK && params->chunk_size <= BESPOKE_SEAL_MAX_CHUNK, FALSE);
  g_return_val_if_fail (params->opslimit >= crypto_pwhash_OPSLIMIT_MIN && params->opslimit <= BESPOKE_SEAL_MAX_OPSLIMIT, FALSE);
  g_return_val_if_fail (params->memlimit >= crypto_pwhash_MEMLIMIT_MIN && params->memlimit <= BESPOKE_SEAL_MAX_MEMLIMIT, FALSE);

  if (!ensure_sodium (error) || !bespoke_seal_check_passphrase (passphrase, error))
    return FALSE;

  memcpy (header, BESPOKE_SEAL_MAGIC, BESPOKE_SEAL_MAGIC_BYTES);
  header[8] = BESPOKE_SEAL_VERSION;
  header[9] = KDF_ARGON2ID13;
  put_u32 (header + 12, params->opslimit);
  put_u64 (header + 16, params->memlimit);
  put_u32 (header + 24, params->chunk_size);
  randombytes_buf (header + 28, crypto_pwhash_SALTBYTES);
  if (!derive_key (key, passphrase, header + 28, params->opslimit, params->memlimit, error))
    return FALSE;
  crypto_secretstream_xchacha20poly1305_init_push (&state, header + 28 + crypto_pwhash_SALTBYTES, key);
  sodium_memzero (key, sizeof key);

  if (!write_full (out_fd, header, sizeof header))
    return io_error (name, TRUE, error);

  plain = g_malloc (params->chunk_size);
  next = g_malloc (params->chunk_size);
  sealed = g_malloc (params->chunk_size + BESPOKE_SEAL_CHUNK_OVERHEAD);

  /* one chunk read ahead, so that the last one can be tagged FINAL */
  n = read_full (in_fd, plain, params->chunk_size);
  while (n >= 0)
    {
      unsigned long long sealed_length;
      gboolean last;
      guint8 *swap;

      n_next = (gsize) n == params->chunk_size ? read_full (in_fd, next, params->chunk_size) : 0;
      if (n_next < 0)
        break;
      last = n_next == 0;
      crypto_secretstream_xchacha20poly1305_push (&state, sealed, &sealed_length, plain, (unsigned long long) n,
                                                  first ? header : NULL, first ? sizeof header : 0,
                                                  last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                       : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
      first = FALSE;
      if (!write_full (out_fd, sealed, (gsize) sealed_length))
        {
          io_error (name, TRUE, error);
          goto out;
        }
      if (last)
        {
          ok = TRUE;
          goto out;
        }
      swap = plain, plain = next, next = swap;
      n = n_next;
    }
  io_error (name, FALSE, error);

out:
  sodium_memzero (&state, sizeof state);
  sodium_memzero (plain, params->chunk_size);
  sodium_memzero (next, params->chunk_size);
  return ok;
}

/**
 * bespoke_seal_is_sealed:
 *
 * Returns: whether @path begins with the sealed files' magic
 */
gboolean
bespoke_seal_is_sealed (const char *path)
{
  guint8 magic[BESPOKE_SEAL_MAGIC_BYTES];
  int fd;
  gssize n;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  n = read_full (fd, magic, sizeof magic);
  close (fd);
  return n == sizeof magic && memcmp (magic, BESPOKE_SEAL_MAGIC, sizeof magic) == 0;
}

/* Reads and checks the header; sets the limits it names. */
static gboolean
read_header (int                 fd,
             guint8              header[BESPOKE_SEAL_HEADER_BYTES],
             BespokeSealParams  *params,
             const char         *name,
             GError            **error)
{
  gssize n = read_full (fd, header, BESPOKE_SEAL_HEADER_BYTES);

  if (n < 0)
    return io_error (name, FALSE, error);
  if (n < BESPOKE_SEAL_MAGIC_BYTES || memcmp (header, BESPOKE_SEAL_MAGIC, BESPOKE_SEAL_MAGIC_BYTES) != 0)
    {
      g_set_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_NOT_SEALED,
                   _("“%s” is not a sealed Bespoke file. Choose the file Bespoke sealed, or ask for it to be sent again."), name);
      return FALSE;
    }
  if (n < BESPOKE_SEAL_HEADER_BYTES)
    {
      g_set_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_TRUNCATED,
                   _("“%s” is cut short: it ends inside its header, after %" G_GSSIZE_FORMAT " bytes. Nothing has been imported. Copy the file again, or ask for it to be sent again."),
                   name, n);
      return FALSE;
    }
  if (header[8] != BESPOKE_SEAL_VERSION)
    {
      g_set_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_NEWER,
                   _("“%s” was sealed in a format this version of Bespoke does not know (version %u). Nothing has been imported. Update Bespoke, and try again."),
                   name, header[8]);
      return FALSE;
    }
  params->opslimit = get_u32 (header + 12);
  params->memlimit = get_u64 (header + 16);
  params->chunk_size = get_u32 (header + 24);
  if (header[9] != KDF_ARGON2ID13 || header[10] != 0 || header[11] != 0 ||
      params->opslimit < crypto_pwhash_OPSLIMIT_MIN || params->opslimit > BESPOKE_SEAL_MAX_OPSLIMIT ||
      params->memlimit < crypto_pwhash_MEMLIMIT_MIN || params->memlimit > BESPOKE_SEAL_MAX_MEMLIMIT ||
      params->chunk_size < BESPOKE_SEAL_MIN_CHUNK || params->chunk_size > BESPOKE_SEAL_MAX_CHUNK)
    {
      g_set_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_LIMITS,
                   _("“%s” asks for a way of unlocking it, or more memory or work to unlock it, than Bespoke allows, so it was not opened. Nothing has been imported. Ask for the file to be sealed again with Bespoke."),
                   name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
damaged (const char  *name,
         gboolean     first,
         gboolean     short_chunk,
         guint64      offset,
         GError     **error)
{
  if (first)
    g_set_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_WRONG_PASSPHRASE,
                 _("The passphrase does not open “%s”, or the file was changed or cut short after it was sealed. Nothing has been imported. Check the passphrase (capitals count) and try again; if it is right, ask for the file to be sealed and sent again."),
                 name);
  else if (short_chunk)
    g_set_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_TRUNCATED,
                 _("“%s” was cut short, or changed, near its end (byte %" G_GUINT64_FORMAT "). Nothing has been imported. Copy the file again, or ask for it to be sealed and sent again."),
                 name, offset);
  else
    g_set_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_DAMAGED,
                 _("“%s” was changed or damaged after it was sealed (near byte %" G_GUINT64_FORMAT "). Nothing has been imported. Ask for the file to be sealed and sent again."),
                 name, offset);
  return FALSE;
}

static gboolean
truncated (const char  *name,
           guint64      offset,
           GError     **error)
{
  g_set_error (error, BESPOKE_SEAL_ERROR, BESPOKE_SEAL_ERROR_TRUNCATED,
               _("“%s” is cut short: it ends after %" G_GUINT64_FORMAT " bytes, before its sealed content does. Nothing has been imported. Copy the file again, or ask for it to be sent again."),
               name, offset);
  return FALSE;
}

/**
 * bespoke_unseal_fd:
 * @in_fd: a sealed file, read from its start to its end
 * @out_fd: where the plain text is written
 * @name: the file's name, for messages
 *
 * Opens a sealed file.  On %FALSE, what was written to @out_fd must be
 * thrown away: a wrong passphrase, a changed byte, a file cut short or
 * with bytes after its end is found at the latest by the last chunk.
 */
gboolean
bespoke_unseal_fd (int          in_fd,
                   int          out_fd,
                   const char  *passphrase,
                   const char  *name,
                   GError     **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guint8 header[BESPOKE_SEAL_HEADER_BYTES];
  BespokeSealParams params = { 0 };
  g_autofree guint8 *plain = NULL;
  g_autofree guint8 *sealed = NULL;
  guint64 offset = BESPOKE_SEAL_HEADER_BYTES;
  gboolean first = TRUE, ok = FALSE;
  gsize full;

  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!ensure_sodium (error) || !read_header (in_fd, header, &params, name, error) ||
      !derive_key (key, passphrase, header + 28, params.opslimit, params.memlimit, error))
    return FALSE;
  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, header + 28 + crypto_pwhash_SALTBYTES, key) != 0)
    {
      sodium_memzero (key, sizeof key);
      return damaged (name, TRUE, FALSE, 0, error);
    }
  sodium_memzero (key, sizeof key);

  full = params.chunk_size + BESPOKE_SEAL_CHUNK_OVERHEAD;
  plain = g_malloc (params.chunk_size);
  sealed = g_malloc (full + 1);

  for (;;)
    {
      unsigned long long plain_length;
      unsigned char tag;
      gssize n = read_full (in_fd, sealed, full);

      if (n < 0)
        {
          io_error (name, FALSE, error);
          break;
        }
      if (n == 0)
        {
          truncated (name, offset, error);
          break;
        }
      if ((gsize) n < BESPOKE_SEAL_CHUNK_OVERHEAD ||
          crypto_secretstream_xchacha20poly1305_pull (&state, plain, &plain_length, &tag, sealed, (unsigned long long) n,
                                                      first ? header : NULL, first ? sizeof header : 0) != 0)
        {
          damaged (name, first, (gsize) n < full, offset, error);
          break;
        }
      first = FALSE;
      if (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL && (gsize) n < full)
        {
          truncated (name, offset + (guint64) n, error);
          break;
        }
      if (!write_full (out_fd, plain, (gsize) plain_length))
        {
          io_error (name, TRUE, error);
          break;
        }
      offset += (guint64) n;
      if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
        {
          /* nothing may follow the last chunk */
          n = read_full (in_fd, sealed, 1);
          if (n != 0)
            damaged (name, FALSE, FALSE, offset, error);
          else
            ok = TRUE;
          break;
        }
    }
  sodium_memzero (&state, sizeof state);
  sodium_memzero (plain, params.chunk_size);
  return ok;
}
