/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-person-lookup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-error.h"
#include "bespoke-fold.h"
#include "bespoke-person-lookup.h"

/* How many people a search looks through for a first name or surname */
#define MAX_CANDIDATES 200

/* Whether @folded_key is @name's first word or its last (first name or
 * surname), accents and case aside */
static gboolean
is_first_or_last_name (const char *name,
                       const char *folded_key)
{
  g_autofree char *folded = bespoke_fold (name);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  guint n = g_strv_length (words);
  guint last = n;

  while (last > 0 && *words[last - 1] == '\0')
    last--;
  return last > 0 && (g_str_equal (words[0], folded_key) || g_str_equal (words[last - 1], folded_key));
}

static BespokePerson *
ambiguous (GPtrArray   *matches,
           const char  *key,
           GError     **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  BespokePerson *first = g_ptr_array_index (matches, 0);

  for (guint i = 0; i < matches->len && i < 10; i++)
    g_string_append_printf (names, "%s%s (%.8s)", i == 0 ? "" : i + 1 == matches->len ? _(" and ") : ", ",
                            bespoke_person_get_name (g_ptr_array_index (matches, i)),
                            bespoke_record_get_uuid (g_ptr_array_index (matches, i)));
  if (matches->len > 10)
    g_string_append_printf (names, _(" and %u more"), matches->len - 10);
  g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_AMBIGUOUS,
               /* Translators: "Grace" could be Grace Okoye (…) and Grace Lee (…). Type … */
               _("“%s” could be %s. Type the whole name, such as “%s”, or the start of the UUID shown."),
               key, names->str, bespoke_person_get_name (first));
  return NULL;
}

/**
 * bespoke_person_lookup:
 * @key: what a person typed to name someone: a UUID or the start of one,
 *   a whole name or preferred name, or a first name or surname that only
 *   one person has ("Grace" for Grace Okoye)
 *
 * The one lookup the command line's `show` and `cost` use.  A whole name
 * or a UUID is found as bespoke_store_find_person() finds it; otherwise
 * people whose first or last name is @key (accents and case aside).
 *
 * Returns: (transfer full): the person.  No one is
 *   %BESPOKE_ERROR_NOT_FOUND; more than one is %BESPOKE_ERROR_AMBIGUOUS,
 *   with a sentence naming them and what to type.
 */
BespokePerson *
bespoke_person_lookup (BespokeStore  *store,
                       const char    *key,
                       GError       **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autofree char *folded_key = NULL;
  BespokePerson *person;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((person = bespoke_store_find_person (store, key, &local)) != NULL)
    return person;
  if (!g_error_matches (local, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  folded_key = g_strstrip (bespoke_fold (key));
  if (*folded_key == '\0' || strchr (folded_key, ' ') != NULL ||
      !(candidates = bespoke_store_list_people (store, BESPOKE_PEOPLE_ALL, key, 0, MAX_CANDIDATES, NULL)))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  for (guint i = 0; i < candidates->len; i++)
    if (is_first_or_last_name (bespoke_person_get_name (g_ptr_array_index (candidates, i)), folded_key))
      g_ptr_array_add (matches, g_ptr_array_index (candidates, i));

  if (matches->len == 1)
    return g_object_ref (g_ptr_array_index (matches, 0));
  if (matches->len > 1)
    return ambiguous (matches, key, error);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}
