/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-fold"

#include "config.h"

#include <string.h>

#include "bespoke-fold.h"

/**
 * bespoke_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text as the people search folds names: compatibility
 * decomposition (NFKD), marks dropped, then case folded.
 *
 * Returns: (transfer full): the folded text ("" for %NULL or text that
 *   is not UTF-8)
 */
char *
bespoke_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL) ||
      (decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL)) == NULL)
    return g_strdup ("");
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type != G_UNICODE_NON_SPACING_MARK && type != G_UNICODE_SPACING_MARK &&
          type != G_UNICODE_ENCLOSING_MARK)
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, -1);
}

/**
 * bespoke_fold_matches:
 * @folded_text: text already folded with bespoke_fold()
 * @query: (nullable): what was typed, not folded
 *
 * Returns: %TRUE when every word of @query, folded, is somewhere in
 *   @folded_text ("sleep hill" matches "sleep-in hillside support"); an
 *   empty query matches everything.
 */
gboolean
bespoke_fold_matches (const char *folded_text,
                      const char *query)
{
  g_autofree char *folded_query = bespoke_fold (query);
  g_auto(GStrv) words = g_strsplit_set (folded_query, " \t\n", -1);

  g_return_val_if_fail (folded_text != NULL, FALSE);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (folded_text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}
