/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-error"

#include "bespoke-error.h"

G_DEFINE_QUARK (bespoke-error-quark, bespoke_error)

/**
 * bespoke_set_invalid:
 * @message: a sentence for people: which field, what is wrong, what to do
 *
 * Sets %BESPOKE_ERROR_INVALID, for the many checks that refuse bad input.
 *
 * Returns: %FALSE, so that a check can `return bespoke_set_invalid (…)`
 */
gboolean
bespoke_set_invalid (GError     **error,
                     const char  *message)
{
  g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, message);
  return FALSE;
}
