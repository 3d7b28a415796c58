/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "bespoke-error.h"
#include "bespoke-store.h"
#include "bespoke-store-private.h"

#define MAX_SEARCH_WORDS 4

/* People: the index of the words of their names, and counting, listing
 * and finding people by filter and search. */

/* @text folded for search: decomposed (NFKD), its marks stripped, and
 * case-folded, so that "elodie" finds "Élodie", "ÉAMON" written composed
 * finds "Éamon" written decomposed, and "ﬁnn" finds "Finn". */
static char *
fold_text (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return NULL;
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

static gboolean
is_inner_separator (gunichar c)
{
  static const gunichar separators[] = { '-', '\'', 0x2019, 0x2010, 0x2011, '.', ',', '(', ')' };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (c == separators[i])
      return TRUE;
  return FALSE;
}

static void
add_word (GPtrArray  *words,
          const char *start,
          const char *end,
          guint       max_words)
{
  if (end > start && words->len < max_words)
    g_ptr_array_add (words, g_strndup (start, (gsize) (end - start)));
}

/* The folded words of @text: split at white space and at the punctuation
 * inside names (hyphens, apostrophes), a whole character at a time, and,
 * for a name with such punctuation, the whole of it joined as well, so
 * that "o'brien", "obrien" and "brien" all find "O’Brien" and "annemarie"
 * finds "Anne-Marie". */
static char **
name_words (const char *text,
            guint       max_words)
{
  g_autofree char *folded = NULL;
  GPtrArray *words = g_ptr_array_new ();

  if (text != NULL && g_utf8_validate (text, -1, NULL) && (folded = fold_text (text)) != NULL)
    {
      const char *start = folded;
      g_autoptr(GString) joined = g_string_new (NULL);
      gboolean inner = FALSE;

      for (const char *p = folded; ; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          gboolean space = c == 0 || g_unichar_isspace (c);

          if (space || is_inner_separator (c))
            {
              add_word (words, start, p, max_words);
              g_string_append_len (joined, start, p - start);
              start = c == 0 ? p : g_utf8_next_char (p);
              inner |= !space;
            }
          if (space)
            {
              if (inner)
                add_word (words, joined->str, joined->str + joined->len, max_words);
              g_string_truncate (joined, 0);
              inner = FALSE;
              if (c == 0)
                break;
            }
        }
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

/**
 * bespoke_store_people_sort_key:
 * @name: (nullable): a person's name
 *
 * Returns: (transfer full): the key people are listed by (schema 8's
 *   sort_key): @name folded as search folds it, so that "Élodie" sorts
 *   among the E's and "Åsa" among the A's.  Compared byte by byte.
 */
char *
bespoke_store_people_sort_key (const char *name)
{
  char *key = NULL;

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    key = fold_text (name);
  return key ? key : g_strdup (name ? name : "");
}

/**
 * bespoke_store_compare_people:
 *
 * Returns: the order of @a and @b in the people list (and
 *   #BespokePeopleModel): people before staff, then by
 *   bespoke_store_people_sort_key(), then by name, then by UUID, each
 *   compared byte by byte as SQLite's BINARY does.
 */
int
bespoke_store_compare_people (BespokePerson *a,
                              BespokePerson *b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  int cmp;

  g_return_val_if_fail (BESPOKE_IS_PERSON (a) && BESPOKE_IS_PERSON (b), 0);

  if (bespoke_person_get_is_staff (a) != bespoke_person_get_is_staff (b))
    return bespoke_person_get_is_staff (a) ? 1 : -1;
  key_a = bespoke_store_people_sort_key (bespoke_person_get_name (a));
  key_b = bespoke_store_people_sort_key (bespoke_person_get_name (b));
  if ((cmp = strcmp (key_a, key_b)) != 0 ||
      (cmp = g_strcmp0 (bespoke_person_get_name (a), bespoke_person_get_name (b))) != 0)
    return cmp < 0 ? -1 : 1;
  cmp = g_strcmp0 (bespoke_record_get_uuid (BESPOKE_RECORD (a)), bespoke_record_get_uuid (BESPOKE_RECORD (b)));
  return cmp < 0 ? -1 : cmp > 0;
}

/* Every folded word of a person's names, for search as you type, and the
 * key the list is sorted by. */
gboolean
_bespoke_store_index_names (BespokeStore  *self,
                            const char    *uuid,
                            const char    *name,
                            const char    *preferred_name,
                            GError       **error)
{
  const char *names[] = { name, preferred_name };
  g_autofree char *sort_key = bespoke_store_people_sort_key (name);
  sqlite3_stmt *stmt;

  if (!(stmt = _bespoke_store_prepare (self, "UPDATE people SET sort_key = ? WHERE uuid = ? AND sort_key IS NOT ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sort_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _bespoke_store_db_error (self, error, _("Indexing a name"));
  sqlite3_reset (stmt);

  if (!(stmt = _bespoke_store_prepare (self, "DELETE FROM people_search WHERE uuid = ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _bespoke_store_db_error (self, error, _("Indexing a name"));

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_auto(GStrv) words = name_words (names[n], G_MAXUINT);

      for (guint w = 0; words[w] != NULL; w++)
        {
          if (!(stmt = _bespoke_store_prepare (self, "INSERT OR IGNORE INTO people_search (word, uuid) VALUES (?, ?)", error)))
            return FALSE;
          sqlite3_bind_text (stmt, 1, words[w], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return _bespoke_store_db_error (self, error, _("Indexing a name"));
        }
    }
  return TRUE;
}

gboolean
_bespoke_store_index_person (BespokeStore   *self,
                             BespokePerson  *person,
                             GError        **error)
{
  return _bespoke_store_index_names (self, bespoke_record_get_uuid (BESPOKE_RECORD (person)),
                                     bespoke_person_get_name (person), bespoke_person_get_preferred_name (person), error);
}

static char **
search_words (const char *search)
{
  return name_words (search, MAX_SEARCH_WORDS);
}

typedef enum
{
  PEOPLE_COUNT,     /* no order */
  PEOPLE_ALL,       /* in order */
  PEOPLE_PAGE,      /* in order, LIMIT ? OFFSET ? */
  PEOPLE_PAGE_FEW,  /* the same, for a search that matches few people */
  PEOPLE_FIRST,     /* the first page of a search, with the count */
} PeopleQuery;

/* A search that matches fewer people than this reads them from the search
 * index and sorts them; more, and the sort index is read in order until a
 * page is full ("aisha ah": 66 matches, otherwise the whole index read). */
#define FEW_MATCHES 2000

/* How many entries of the search index start with @word, reading at most
 * @cap of them; G_MAXUINT on failure */
static guint
word_entries (BespokeStore *self,
              const char   *word,
              guint         cap)
{
  sqlite3_stmt *stmt;
  guint n = G_MAXUINT;

  if (!(stmt = _bespoke_store_prepare (self, "SELECT count(*) FROM (SELECT 1 FROM people_search"
                                             " WHERE word >= ? AND word < ? LIMIT ?)", NULL)))
    return G_MAXUINT;
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g_strconcat (word, "\xff", NULL), -1, g_free);
  sqlite3_bind_int64 (stmt, 3, cap);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The words of @search that a search needs: a word that starts another
 * typed word is left out, as whoever matches "aisha" matches "a" ("aisha
 * a" is "aisha"); so is a word typed twice. */
static char **
needed_words (const char *search)
{
  g_auto(GStrv) typed = search_words (search);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; typed[i] != NULL; i++)
    {
      gboolean implied = FALSE;

      /* implied by a longer word, or by the same word earlier */
      for (guint j = 0; typed[j] != NULL && !implied; j++)
        implied = j != i && g_str_has_prefix (typed[j], typed[i]) &&
                  (strlen (typed[j]) > strlen (typed[i]) || j < i);
      if (!implied)
        g_ptr_array_add (words, g_strdup (typed[i]));
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

/**
 * bespoke_store_people_search_n_words:
 * @search: (nullable): what has been typed so far
 *
 * Returns: how many words a search for @search matches on: the folded
 *   words, less those another typed word implies ("aisha a" has one,
 *   "o'brien" two: "obrien" and "brien")
 */
guint
bespoke_store_people_search_n_words (const char *search)
{
  g_auto(GStrv) words = needed_words (search);

  return g_strv_length (words);
}

/* needed_words(), the one with fewest entries in the search index first:
 * it is where the index is read from.  Each word after the first is
 * counted only up to the fewest so far, and a word with no entries is all
 * the search needs. */
static char **
query_words (BespokeStore *self,
             const char   *search)
{
  char **words = needed_words (search);
  guint fewest = G_MAXUINT;
  guint rarest = 0;

  if (words[0] == NULL || words[1] == NULL)
    return words;
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint n = word_entries (self, words[i], fewest == G_MAXUINT ? G_MAXINT : fewest);

      /* a word nobody's name starts with finds the nobody alone, where
       * intersecting would still read the others */
      if (n == 0)
        {
          char *none = g_strdup (words[i]);

          g_strfreev (words);
          words = g_new0 (char *, 2);
          words[0] = none;
          return words;
        }
      if (n < fewest)
        {
          fewest = n;
          rarest = i;
        }
    }
  if (rarest != 0)
    {
      char *first = words[0];

      words[0] = words[rarest];
      words[rarest] = first;
    }
  return words;
}

/* " AND uuid IN (…)": the people with an entry for every word, each
 * word's entries read in order and the lists intersected in a temporary
 * b-tree (2,600 and 10,000 entries: a few milliseconds), where looking each
 * person up in the other words' lists would read pages all over them */
static void
append_words_clause (GString  *sql,
                     char    **words)
{
  if (words[0] == NULL)
    return;
  g_string_append (sql, " AND uuid IN (");
  for (guint i = 0; words[i] != NULL; i++)
    g_string_append_printf (sql, "%sSELECT uuid FROM people_search WHERE word >= ? AND word < ?",
                            i == 0 ? "" : " INTERSECT ");
  g_string_append (sql, ")");
}

static sqlite3_stmt *
people_query (BespokeStore         *self,
              const char           *select,
              BespokePeopleFilter   filter,
              char                **words,
              PeopleQuery           kind,
              GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int index = 1;

  /* A count, or a page of few matches, starts from the search words and
   * looks each person up by uuid: the unary + keeps SQLite (which has no
   * statistics) from reading the whole sort index for archived = 0 and
   * probing every row's uuid into the words' lists ("smith": 145 ms that
   * way, 21 ms this way, at 100,000 people).  A page of many matches reads
   * the sort index in order until the page is full. */
  if (words[0] != NULL && kind != PEOPLE_PAGE && kind != PEOPLE_ALL)
    g_string_append_printf (sql, " FROM people AS p%s WHERE +archived = 0",
                            (kind == PEOPLE_COUNT || kind == PEOPLE_FIRST) && self->schema_version >= 11
                              ? " INDEXED BY people_by_uuid_sort" : "");
  else
    g_string_append (sql, " FROM people WHERE archived = 0");
  if (filter != BESPOKE_PEOPLE_ALL)
    g_string_append (sql, " AND is_staff = ?");
  append_words_clause (sql, words);
  /* the unary + keeps SQLite from reading the sort index in order: it
   * then starts from the search words and sorts what it finds */
  if ((kind == PEOPLE_PAGE_FEW || kind == PEOPLE_FIRST) && words[0] != NULL)
    g_string_append (sql, " ORDER BY +is_staff, +sort_key, +name, +uuid");
  else if (kind != PEOPLE_COUNT)
    g_string_append (sql, " ORDER BY is_staff, sort_key, name, uuid");
  if (kind == PEOPLE_PAGE || kind == PEOPLE_PAGE_FEW)
    g_string_append (sql, " LIMIT ? OFFSET ?");
  else if (kind == PEOPLE_FIRST)
    g_string_append (sql, " LIMIT ?");

  /* The first page of a search and how many it matches, in one pass over
   * the index (the count is a window over every match, taken before the
   * LIMIT); only the page's own rows are then read whole. */
  if (kind == PEOPLE_FIRST)
    {
      g_string_prepend (sql, "SELECT uuid AS u, count(*) OVER () AS n, is_staff AS s, sort_key AS k, name AS nm");
      g_string_prepend (sql, ", m.n FROM (");
      g_string_append (sql, ") AS m JOIN people ON people.uuid = m.u ORDER BY m.s, m.k, m.nm, m.u");
    }

  /* A page far down the list (End: OFFSET 99,900) skips its offset on the
   * covering sort index and reads only its own rows (1.2 s that way at
   * 100,000 people, 20 ms this) */
  if (kind == PEOPLE_PAGE)
    {
      g_string_prepend (sql, " FROM people WHERE uuid IN (SELECT uuid");
      g_string_append (sql, ") ORDER BY +is_staff, +sort_key, +name, +uuid");
    }
  g_string_prepend (sql, select);

  if (!(stmt = _bespoke_store_prepare (self, sql->str, error)))
    return NULL;

  if (filter != BESPOKE_PEOPLE_ALL)
    sqlite3_bind_int (stmt, index++, filter == BESPOKE_PEOPLE_STAFF);
  for (guint i = 0; words[i] != NULL; i++)
    {
      /* every word that starts with words[i]: [prefix, prefix + 0xff) */
      sqlite3_bind_text (stmt, index++, words[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, index++, g_strconcat (words[i], "\xff", NULL), -1, g_free);
    }
  return stmt;
}

/* SQLite calls this every few thousand steps of a count: a non-zero
 * answer interrupts it (SQLITE_INTERRUPT) */
static int
count_cancelled_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/**
 * bespoke_store_count_people:
 * @search: (nullable): what has been typed so far; each word matches the
 *   start of a word of the name or preferred name
 */
guint
bespoke_store_count_people (BespokeStore         *self,
                            BespokePeopleFilter   filter,
                            const char           *search,
                            GError              **error)
{
  return bespoke_store_count_people_cancellable (self, filter, search, NULL, error);
}

/**
 * bespoke_store_count_people_cancellable:
 * @cancellable: (nullable): stops the count part-way, with
 *   %G_IO_ERROR_CANCELLED
 *
 * As bespoke_store_count_people(), for a count on a thread of its own (on
 * a connection from bespoke_store_open_reader()) that a newer keystroke
 * makes pointless.
 */
guint
bespoke_store_count_people_cancellable (BespokeStore         *self,
                                        BespokePeopleFilter   filter,
                                        const char           *search,
                                        GCancellable         *cancellable,
                                        GError              **error)
{
  g_auto(GStrv) words = query_words (self, search);
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), 0);

  /* With no search, the counts schema 4's triggers keep: counting the rows
   * of 100,000 people read most of the index from a cold disk.  A newer
   * Bespoke's database, open read-only, is counted the long way. */
  if (words[0] == NULL && self->schema_version >= 4 && self->read_only_reason == NULL)
    {
      if (filter == BESPOKE_PEOPLE_ALL)
        stmt = _bespoke_store_prepare (self, "SELECT coalesce(sum(n), 0) FROM people_counts", error);
      else if ((stmt = _bespoke_store_prepare (self, "SELECT coalesce(sum(n), 0) FROM people_counts WHERE is_staff = ?", error)))
        sqlite3_bind_int (stmt, 1, filter == BESPOKE_PEOPLE_STAFF);
    }
  else
    stmt = people_query (self, "SELECT count(*)", filter, words, PEOPLE_COUNT, error);
  if (stmt == NULL)
    return 0;
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 4096, count_cancelled_cb, cancellable);
  rc = sqlite3_step (stmt);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (rc == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_INTERRUPT)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Counting people was stopped."));
  else
    _bespoke_store_db_error (self, error, _("Counting people"));
  sqlite3_reset (stmt);
  return n;
}

/**
 * bespoke_store_people_match_bound:
 * @search: what has been typed so far
 * @cap: the most worth knowing
 * @out_n_words: (out) (optional): how many words @search has, as the
 *   search reads it ("O'Brien" is one)
 *
 * For one word, reads at most @cap entries of the search index: a person
 * matching the word holds at least one entry for it.  For more, counts
 * the people holding an entry for every word, up to @cap, reading each
 * word's entries in order.  Archived people are not left out, so it is a
 * bound: an exact count looks each person up (10,000 for "a" at 100,000
 * people).
 *
 * Returns: an upper bound on how many people @search matches, or @cap if
 *   it may match @cap or more; %G_MAXUINT for no search
 */
guint
bespoke_store_people_match_bound (BespokeStore  *self,
                                  const char    *search,
                                  guint          cap,
                                  guint         *out_n_words,
                                  GError       **error)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  guint n = G_MAXUINT;
  int index = 1;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), 0);

  words = query_words (self, search);
  if (out_n_words != NULL)
    *out_n_words = g_strv_length (words);
  if (words[0] == NULL)
    return G_MAXUINT;
  if (words[1] == NULL)
    n = word_entries (self, words[0], cap);
  else
    {
      /* the intersection alone: "uuid IN" over people would look them up */
      sql = g_string_new ("SELECT count(*) FROM (SELECT uuid FROM people_search WHERE word >= ? AND word < ?");
      for (guint i = 1; words[i] != NULL; i++)
        g_string_append (sql, " INTERSECT SELECT uuid FROM people_search WHERE word >= ? AND word < ?");
      g_string_append (sql, " LIMIT ?)");
      if ((stmt = _bespoke_store_prepare (self, sql->str, error)))
        {
          for (guint i = 0; words[i] != NULL; i++)
            {
              sqlite3_bind_text (stmt, index++, words[i], -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, index++, g_strconcat (words[i], "\xff", NULL), -1, g_free);
            }
          sqlite3_bind_int64 (stmt, index, cap);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            n = (guint) sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
      else
        return 0;
    }
  if (n == G_MAXUINT)
    {
      _bespoke_store_db_error (self, error, _("Counting people"));
      return 0;
    }
  return MIN (n, cap);
}

/**
 * bespoke_store_has_people:
 *
 * Returns: whether anyone at all (not archived) is in the database: one
 *   row read, where counting would read the whole index.
 */
gboolean
bespoke_store_has_people (BespokeStore *self)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);

  if (!(stmt = _bespoke_store_prepare (self, "SELECT 1 FROM people WHERE archived = 0 LIMIT 1", NULL)))
    return FALSE;
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * bespoke_store_list_people:
 *
 * Returns: (transfer full) (element-type BespokePerson): at most @limit
 *   people from @offset, in name order (people before staff).
 */
GPtrArray *
bespoke_store_list_people (BespokeStore         *self,
                           BespokePeopleFilter   filter,
                           const char           *search,
                           guint                 offset,
                           guint                 limit,
                           GError              **error)
{
  return bespoke_store_list_people_counted (self, filter, search, offset, limit, G_MAXUINT, error);
}

/**
 * bespoke_store_list_people_counted:
 * @n_matching: how many people @search matches, as
 *   bespoke_store_count_people() said, or %G_MAXUINT if not known
 *
 * As bespoke_store_list_people(), knowing how many match: a search that
 * matches few people reads them through the search index and sorts them,
 * instead of reading the whole sort index in order to find them.
 */
GPtrArray *
bespoke_store_list_people_counted (BespokeStore         *self,
                                   BespokePeopleFilter   filter,
                                   const char           *search,
                                   guint                 offset,
                                   guint                 limit,
                                   guint                 n_matching,
                                   GError              **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s", _bespoke_store_class_sql (self, BESPOKE_TYPE_PERSON)->columns);
  g_auto(GStrv) words = query_words (self, search);
  sqlite3_stmt *stmt;
  int n_params;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);

  if (!(stmt = people_query (self, select, filter, words, n_matching < FEW_MATCHES ? PEOPLE_PAGE_FEW : PEOPLE_PAGE, error)))
    return NULL;
  n_params = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, n_params - 1, limit);
  sqlite3_bind_int64 (stmt, n_params, offset);
  return _bespoke_store_collect (self, BESPOKE_TYPE_PERSON, stmt, error);
}

/**
 * bespoke_store_list_people_first:
 * @search: (nullable): what has been typed so far
 * @limit: how many people the first page holds
 * @out_n_matching: (out): how many people @search matches in all
 *
 * The first page of a search and its count, in one pass over the search
 * index: for a search of a few thousand matches at most (see
 * bespoke_store_people_match_bound()), where counting and then reading the
 * page would look up every match twice.
 *
 * Returns: (transfer full) (element-type BespokePerson): at most @limit
 *   people, in name order (people before staff); %NULL on error
 */
GPtrArray *
bespoke_store_list_people_first (BespokeStore         *self,
                                 BespokePeopleFilter   filter,
                                 const char           *search,
                                 guint                 limit,
                                 guint                *out_n_matching,
                                 GError              **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s", _bespoke_store_class_sql (self, BESPOKE_TYPE_PERSON)->columns);
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) words = query_words (self, search);
  BespokeRecordClass *klass = g_type_class_peek (BESPOKE_TYPE_PERSON);
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  g_return_val_if_fail (out_n_matching != NULL, NULL);

  if (words[0] == NULL)
    {
      /* no search: the counts table, then the page in order */
      GError *count_error = NULL;

      n = bespoke_store_count_people (self, filter, NULL, &count_error);
      if (count_error != NULL)
        {
          g_propagate_error (error, count_error);
          return NULL;
        }
      *out_n_matching = n;
      return bespoke_store_list_people_counted (self, filter, NULL, 0, limit, n, error);
    }
  if (!(stmt = people_query (self, select, filter, words, PEOPLE_FIRST, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_count (stmt), limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BespokeRecord *person = _bespoke_store_read_record (BESPOKE_TYPE_PERSON, stmt, error);

      if (person == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (page, person);
      /* the count, after the person's own columns */
      n = (guint) sqlite3_column_int64 (stmt, (int) klass->n_columns + 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bespoke_store_db_error (self, error, _("Reading people"));
      return NULL;
    }
  *out_n_matching = n;
  return g_steal_pointer (&page);
}

/**
 * bespoke_store_foreach_person:
 * @func: called with each person in order; return %FALSE to stop
 *
 * Walks every person @filter and @search select in one query, holding one
 * at a time: for listing them all, where paging by offset would reread the
 * index once a page.
 */
gboolean
bespoke_store_foreach_person (BespokeStore         *self,
                              BespokePeopleFilter   filter,
                              const char           *search,
                              BespokePersonFunc     func,
                              gpointer              user_data,
                              GError              **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s", _bespoke_store_class_sql (self, BESPOKE_TYPE_PERSON)->columns);
  g_auto(GStrv) words = query_words (self, search);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!(stmt = people_query (self, select, filter, words, PEOPLE_ALL, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BespokeRecord) person = _bespoke_store_read_record (BESPOKE_TYPE_PERSON, stmt, error);

      if (person == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (!func (BESPOKE_PERSON (person), user_data))
        {
          sqlite3_reset (stmt);
          return TRUE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _bespoke_store_db_error (self, error, _("Reading people"));
  return TRUE;
}

static gboolean
looks_like_uuid_prefix (const char *key)
{
  gsize len = strlen (key);

  if (len < 4 || len > 36)
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isxdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/**
 * bespoke_store_find_person:
 * @key: a UUID, a unique UUID prefix (4 characters or more), or an exact
 *   name or preferred name (any case)
 *
 * Returns: (transfer full): the one person @key names.  No match is
 *   %BESPOKE_ERROR_NOT_FOUND; several are %BESPOKE_ERROR_AMBIGUOUS with the
 *   matches listed in the message.
 */
BespokePerson *
bespoke_store_find_person (BespokeStore  *self,
                           const char    *key,
                           GError       **error)
{
  const char *cols;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BESPOKE_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  cols = _bespoke_store_class_sql (self, BESPOKE_TYPE_PERSON)->columns;
  if (looks_like_uuid_prefix (key))
    {
      g_autofree char *lower = g_ascii_strdown (key, -1);

      sql = g_strdup_printf ("SELECT %s FROM people WHERE uuid >= ? AND uuid < ? ORDER BY uuid LIMIT 10", cols);
      if (!(stmt = _bespoke_store_prepare (self, sql, error)))
        return NULL;
      sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, g_strconcat (lower, "\xff", NULL), -1, g_free);
      if (!(matches = _bespoke_store_collect (self, BESPOKE_TYPE_PERSON, stmt, error)))
        return NULL;
      g_clear_pointer (&sql, g_free);
    }

  if (matches == NULL || matches->len == 0)
    {
      /* SQLite's NOCASE folds only ASCII, so "ÉLODIE" would miss "Élodie":
       * take the people with the key's first word from the search index,
       * and compare the whole names case-folded. */
      g_auto(GStrv) words = name_words (key, 1);
      g_autofree char *folded_key = g_utf8_casefold (key, -1);
      g_autoptr(GPtrArray) candidates = NULL;

      g_clear_pointer (&matches, g_ptr_array_unref);
      matches = g_ptr_array_new_with_free_func (g_object_unref);
      if (words[0] != NULL)
        {
          sql = g_strdup_printf ("SELECT %s FROM people WHERE uuid IN (SELECT uuid FROM people_search WHERE word = ?) "
                                 "ORDER BY uuid", cols);
          if (!(stmt = _bespoke_store_prepare (self, sql, error)))
            return NULL;
          sqlite3_bind_text (stmt, 1, words[0], -1, SQLITE_TRANSIENT);
          if (!(candidates = _bespoke_store_collect (self, BESPOKE_TYPE_PERSON, stmt, error)))
            return NULL;
        }
      for (guint i = 0; candidates != NULL && i < candidates->len && matches->len < 10; i++)
        {
          BespokePerson *p = g_ptr_array_index (candidates, i);
          const char *names[] = { bespoke_person_get_name (p), bespoke_person_get_preferred_name (p) };

          for (guint n = 0; n < G_N_ELEMENTS (names); n++)
            {
              g_autofree char *folded = names[n] ? g_utf8_casefold (names[n], -1) : NULL;

              if (g_strcmp0 (folded, folded_key) == 0)
                {
                  g_ptr_array_add (matches, g_object_ref (p));
                  break;
                }
            }
        }
    }

  if (matches->len == 1)
    return g_object_ref (g_ptr_array_index (matches, 0));

  if (matches->len == 0)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                   _("No one is called “%s”, and no UUID starts with it. List people with “bespoke-cli people --search”."),
                   key);
      return NULL;
    }

  {
    g_autoptr(GString) list = g_string_new (NULL);

    for (guint i = 0; i < matches->len; i++)
      {
        BespokePerson *p = g_ptr_array_index (matches, i);
        g_string_append_printf (list, "%s%s (%s)", i ? "; " : "",
                                bespoke_person_get_name (p), bespoke_record_get_uuid (BESPOKE_RECORD (p)));
      }
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_AMBIGUOUS,
                 _("“%s” could be more than one person: %s. Use the UUID instead."), key, list->str);
  }
  return NULL;
}
