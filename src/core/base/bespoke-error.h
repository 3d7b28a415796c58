/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BESPOKE_ERROR (bespoke_error_quark ())

typedef enum
{
  BESPOKE_ERROR_INVALID,      /* a value a user typed or a file held is not acceptable */
  BESPOKE_ERROR_OVERFLOW,     /* an amount does not fit in the range Bespoke can hold */
  BESPOKE_ERROR_NOT_FOUND,    /* no such record */
  BESPOKE_ERROR_AMBIGUOUS,    /* a name or prefix matches more than one record */
  BESPOKE_ERROR_READ_ONLY,    /* the database is open read-only */
  BESPOKE_ERROR_DATABASE,     /* SQLite reported a failure */
  BESPOKE_ERROR_NEWER_SCHEMA, /* the database was written by a newer Bespoke */
  BESPOKE_ERROR_NOT_BESPOKE,  /* the file is not a Bespoke database */
  BESPOKE_ERROR_MISSING_REFERENCE, /* a record refers to one that is not stored */
} BespokeError;

GQuark   bespoke_error_quark (void);
gboolean bespoke_set_invalid (GError    **error,
                              const char *message);

G_END_DECLS
