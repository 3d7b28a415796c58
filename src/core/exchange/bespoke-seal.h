/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bespoke-store.h"
#include "bespoke-xml-export.h"
#include "bespoke-xml-import.h"

G_BEGIN_DECLS

/*
 * Sealed exchange files: an exchange file encrypted with a passphrase, so
 * that it can travel on a USB stick or in an email.
 *
 * The file is a header, then the exchange file's bytes in chunks:
 *
 *   offset  bytes  what
 *        0      8  the magic, "BSPKSEAL"
 *        8      1  the format version, 1
 *        9      1  the key derivation: 2, Argon2id 1.3 (crypto_pwhash)
 *       10      2  zero
 *       12      4  Argon2id's opslimit, little-endian
 *       16      8  Argon2id's memlimit in bytes, little-endian
 *       24      4  the chunk size (bytes of plain text a chunk holds)
 *       28     16  the salt
 *       44     24  the header of crypto_secretstream_xchacha20poly1305
 *       68         chunks: each the chunk size plus 17 bytes, the last one
 *                  shorter (or as long) and tagged FINAL
 *
 * The key is Argon2id of the passphrase with the salt and the limits in
 * the header; the whole header is the additional data of the first chunk,
 * so that changing any byte of it, or of any chunk, or cutting the file
 * anywhere, makes it fail to open.  Opening refuses limits above
 * BESPOKE_SEAL_MAX_OPSLIMIT and BESPOKE_SEAL_MAX_MEMLIMIT, so that a
 * hostile header cannot make Bespoke work for hours or take all memory.
 */

#define BESPOKE_SEAL_MAGIC          "BSPKSEAL"
#define BESPOKE_SEAL_MAGIC_BYTES    8
#define BESPOKE_SEAL_VERSION        1
#define BESPOKE_SEAL_HEADER_BYTES   68
#define BESPOKE_SEAL_CHUNK_OVERHEAD 17  /* crypto_secretstream_xchacha20poly1305_ABYTES */

/* What Bespoke seals with: libsodium's "moderate" limits (about a second
 * and 256 MiB, once per file), and chunks of 256 KiB. */
#define BESPOKE_SEAL_DEFAULT_OPSLIMIT   3
#define BESPOKE_SEAL_DEFAULT_MEMLIMIT   ((guint64) 256 * 1024 * 1024)
#define BESPOKE_SEAL_DEFAULT_CHUNK      (256 * 1024)

/* What Bespoke opens: up to libsodium's "sensitive" limits */
#define BESPOKE_SEAL_MAX_OPSLIMIT       10
#define BESPOKE_SEAL_MAX_MEMLIMIT       ((guint64) 1024 * 1024 * 1024)
#define BESPOKE_SEAL_MIN_CHUNK          64
#define BESPOKE_SEAL_MAX_CHUNK          (4 * 1024 * 1024)

/* A passphrase shorter than this is refused when sealing */
#define BESPOKE_SEAL_MIN_PASSPHRASE     8

#define BESPOKE_SEAL_ERROR (bespoke_seal_error_quark ())

typedef enum
{
  BESPOKE_SEAL_ERROR_NOT_SEALED,        /* not a sealed file at all */
  BESPOKE_SEAL_ERROR_NEWER,             /* sealed by a newer Bespoke */
  BESPOKE_SEAL_ERROR_LIMITS,            /* asks for more work or memory than Bespoke allows */
  BESPOKE_SEAL_ERROR_WRONG_PASSPHRASE,  /* the passphrase, or the header or first chunk changed */
  BESPOKE_SEAL_ERROR_DAMAGED,           /* a later chunk changed, or bytes after the end */
  BESPOKE_SEAL_ERROR_TRUNCATED,         /* the file ends before its last chunk */
  BESPOKE_SEAL_ERROR_PASSPHRASE,        /* the passphrase given for sealing is too short */
  BESPOKE_SEAL_ERROR_FAILED,            /* no memory for the key, or the system failed */
} BespokeSealError;

typedef enum
{
  BESPOKE_SEAL_STRENGTH_TOO_SHORT,
  BESPOKE_SEAL_STRENGTH_WEAK,
  BESPOKE_SEAL_STRENGTH_FAIR,
  BESPOKE_SEAL_STRENGTH_STRONG,
} BespokeSealStrength;

typedef struct
{
  guint32 opslimit;
  guint64 memlimit;
  guint32 chunk_size;
} BespokeSealParams;

GQuark              bespoke_seal_error_quark       (void);

void                bespoke_seal_params_init       (BespokeSealParams  *params);
BespokeSealStrength bespoke_seal_passphrase_strength (const char       *passphrase,
                                                    char            **hint);
gboolean            bespoke_seal_check_passphrase  (const char         *passphrase,
                                                    GError            **error);

gboolean            bespoke_seal_is_sealed         (const char         *path);
gboolean            bespoke_seal_fd                (int                 in_fd,
                                                    int                 out_fd,
                                                    const char         *passphrase,
                                                    const BespokeSealParams *params,
                                                    const char         *name,
                                                    GError            **error);
gboolean            bespoke_unseal_fd              (int                 in_fd,
                                                    int                 out_fd,
                                                    const char         *passphrase,
                                                    const char         *name,
                                                    GError            **error);

/* bespoke-seal-files.c: sealed exports and imports, with no plain text
 * left on disk */
typedef struct _BespokeSealOpened BespokeSealOpened;

char               *bespoke_seal_private_dir       (GError            **error);
guint               bespoke_seal_remove_stale      (void);
gboolean            bespoke_seal_file              (const char         *plain_path,
                                                    const char         *sealed_path,
                                                    const char         *passphrase,
                                                    const BespokeSealParams *params,
                                                    GError            **error);
typedef gboolean  (*BespokeSealWriteFunc)          (const char         *plain_path,
                                                    gpointer            user_data,
                                                    GError            **error);
gboolean            bespoke_seal_export_with       (const char         *path,
                                                    const char         *passphrase,
                                                    const BespokeSealParams *params,
                                                    BespokeSealWriteFunc write,
                                                    gpointer            user_data,
                                                    GError            **error);
gboolean            bespoke_seal_export            (BespokeStore       *store,
                                                    BespokeXmlExportScope scope,
                                                    const char * const *uuids,
                                                    const char         *path,
                                                    const char         *passphrase,
                                                    const BespokeSealParams *params,
                                                    GError            **warning,
                                                    GError            **error);
BespokeSealOpened  *bespoke_seal_open              (const char         *sealed_path,
                                                    const char         *passphrase,
                                                    GError            **error);
const char         *bespoke_seal_opened_get_path   (BespokeSealOpened  *opened);
void                bespoke_seal_opened_free       (BespokeSealOpened  *opened);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeSealOpened, bespoke_seal_opened_free)

G_END_DECLS
