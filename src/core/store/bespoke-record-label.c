/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-record-label"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-adjustment.h"
#include "bespoke-circle-member.h"
#include "bespoke-outcome.h"
#include "bespoke-plan.h"
#include "bespoke-product.h"
#include "bespoke-record-label.h"
#include "bespoke-risk.h"
#include "bespoke-statement.h"
#include "bespoke-support-line.h"

/*
 * The one rule for naming a record in a sentence, such as an undo label:
 * "Paul’s support “Support in the mornings…”", "Paul’s outcome “Get a job
 * and keep it for…”".  The person is called by their preferred name, else
 * their first name; a support line by its description, else its product;
 * the other records by the head of their text; a head is cut at a word and
 * ellipsised.
 */

#define HEAD_CHARS 28

/**
 * bespoke_person_dup_short_name:
 *
 * Returns: what the person is called in a sentence: the preferred name if
 *   there is one, otherwise the first word of the name ("Paul" for
 *   "Paul Roberts").
 */
char *
bespoke_person_dup_short_name (BespokePerson *person)
{
  const char *preferred, *name;
  g_autofree char *stripped = NULL;
  char *space;

  g_return_val_if_fail (BESPOKE_IS_PERSON (person), NULL);

  preferred = bespoke_person_get_preferred_name (person);
  if (preferred != NULL && *preferred != '\0')
    return g_strstrip (g_strdup (preferred));
  name = bespoke_person_get_name (person);
  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    return g_strdup (_("this person"));
  space = strpbrk (stripped, " \t");
  if (space != NULL)
    *space = '\0';
  return g_steal_pointer (&stripped);
}

/**
 * bespoke_text_dup_head:
 * @max_chars: the most characters kept, the ellipsis not counted
 *
 * Returns: @text on one line, whole if it has at most @max_chars
 *   characters, otherwise cut at the last word boundary before that and
 *   ended with "…".
 */
char *
bespoke_text_dup_head (const char *text,
                       guint       max_chars)
{
  g_autofree char *line = g_strdup (text != NULL ? text : "");
  const char *cut, *p;
  const char *last_space = NULL;
  GString *head;

  g_strdelimit (line, "\r\n\t", ' ');
  g_strstrip (line);
  if ((guint) g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);

  cut = g_utf8_offset_to_pointer (line, max_chars);
  /* a word that ends just at the limit is kept whole */
  for (p = line; p <= cut; p = g_utf8_next_char (p))
    if (*p == ' ')
      last_space = p;
  if (last_space != NULL && last_space > line)
    cut = last_space;
  head = g_string_new_len (line, cut - line);
  while (head->len > 0 && strchr (" ,;:.-", head->str[head->len - 1]) != NULL)
    g_string_truncate (head, head->len - 1);
  g_string_append (head, "…");
  return g_string_free (head, FALSE);
}

/* "outcome “Get a job…”" */
static char *
quoted_item (const char *kind,
             const char *text)
{
  g_autofree char *head = bespoke_text_dup_head (text, HEAD_CHARS);

  if (*head == '\0')
    return g_strdup (kind);
  /* Translators: a record named by its kind and the head of its text,
   * e.g. "outcome “Get a job and keep it…”" */
  return g_strdup_printf (_("%s “%s”"), kind, head);
}

static char *
support_line_item (BespokeStore       *store,
                   BespokeSupportLine *line)
{
  const char *description = bespoke_support_line_get_description (line);
  const char *product_uuid = bespoke_support_line_get_product_uuid (line);

  if (description != NULL && *description != '\0')
    return quoted_item (_("support"), description);
  if (store != NULL && product_uuid != NULL && *product_uuid != '\0')
    {
      g_autoptr(BespokeProduct) product = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT, product_uuid, NULL);

      if (product != NULL && bespoke_product_get_name (product) != NULL)
        return quoted_item (_("support"), bespoke_product_get_name (product));
    }
  return g_strdup (_("support line"));
}

/* The record's own name, without the person's, and the person's UUID */
static char *
item_name (BespokeStore  *store,
           BespokeRecord *record,
           const char   **person_uuid,
           const char   **plan_uuid)
{
  *person_uuid = NULL;
  *plan_uuid = NULL;
  if (BESPOKE_IS_SUPPORT_LINE (record))
    {
      *plan_uuid = bespoke_support_line_get_plan_uuid (BESPOKE_SUPPORT_LINE (record));
      return support_line_item (store, BESPOKE_SUPPORT_LINE (record));
    }
  if (BESPOKE_IS_OUTCOME (record))
    {
      *plan_uuid = bespoke_outcome_get_plan_uuid (BESPOKE_OUTCOME (record));
      return quoted_item (_("outcome"), bespoke_outcome_get_statement (BESPOKE_OUTCOME (record)));
    }
  if (BESPOKE_IS_RISK (record))
    {
      *plan_uuid = bespoke_risk_get_plan_uuid (BESPOKE_RISK (record));
      return quoted_item (_("risk"), bespoke_risk_get_description (BESPOKE_RISK (record)));
    }
  if (BESPOKE_IS_ADJUSTMENT (record))
    {
      *plan_uuid = bespoke_adjustment_get_plan_uuid (BESPOKE_ADJUSTMENT (record));
      return quoted_item (_("refund"), bespoke_adjustment_get_description (BESPOKE_ADJUSTMENT (record)));
    }
  if (BESPOKE_IS_STATEMENT (record))
    {
      *person_uuid = bespoke_statement_get_person_uuid (BESPOKE_STATEMENT (record));
      return quoted_item (_("statement"), bespoke_statement_get_text (BESPOKE_STATEMENT (record)));
    }
  if (BESPOKE_IS_PLAN (record))
    {
      *person_uuid = bespoke_plan_get_person_uuid (BESPOKE_PLAN (record));
      return g_strdup (_("plan"));
    }
  return NULL;
}

/**
 * bespoke_record_dup_short_label:
 * @store: (nullable): where the person and the product are looked up
 *
 * Returns: (nullable): the record named for a sentence, with its person's
 *   short name when @store knows them: "Paul’s support “Morning care”",
 *   "Paul’s statement “Loves music, loud”"; %NULL for a record of a kind
 *   this rule does not name.
 */
char *
bespoke_record_dup_short_label (BespokeStore  *store,
                                BespokeRecord *record)
{
  const char *person_uuid, *plan_uuid;
  g_autofree char *item = NULL;
  g_autoptr(BespokePerson) person = NULL;
  g_autofree char *who = NULL;

  g_return_val_if_fail (store == NULL || BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (BESPOKE_IS_RECORD (record), NULL);

  item = item_name (store, record, &person_uuid, &plan_uuid);
  if (item == NULL)
    return NULL;
  if (store == NULL)
    return g_steal_pointer (&item);
  if (plan_uuid != NULL && *plan_uuid != '\0')
    {
      g_autoptr(BespokePlan) plan = bespoke_store_load (store, BESPOKE_TYPE_PLAN, plan_uuid, NULL);

      if (plan != NULL && bespoke_plan_get_person_uuid (plan) != NULL)
        person = bespoke_store_load (store, BESPOKE_TYPE_PERSON, bespoke_plan_get_person_uuid (plan), NULL);
    }
  else if (person_uuid != NULL && *person_uuid != '\0')
    person = bespoke_store_load (store, BESPOKE_TYPE_PERSON, person_uuid, NULL);
  if (person == NULL)
    return g_steal_pointer (&item);

  who = bespoke_person_dup_short_name (person);
  /* Translators: a person's record, e.g. "Paul’s outcome “Get a job…”" */
  return g_strdup_printf (_("%s’s %s"), who, item);
}

/**
 * bespoke_undo_label_fill:
 * @template: (nullable): an undo label, with "%s" where the record's name goes
 *
 * Returns: (nullable): @template with its "%s" replaced by the record's
 *   short label ("Change the schedule of %s" → "Change the schedule of
 *   Paul’s support “Morning care”"); @template as it is if it has no "%s"; and,
 *   for a record this rule does not name, "%s" replaced by "it".
 */
char *
bespoke_undo_label_fill (const char    *template,
                         BespokeStore  *store,
                         BespokeRecord *record)
{
  g_autofree char *name = NULL;
  const char *hole;
  GString *label;

  if (template == NULL)
    return NULL;
  hole = strstr (template, "%s");
  if (hole == NULL || record == NULL)
    return g_strdup (template);

  name = bespoke_record_dup_short_label (store, record);
  label = g_string_new_len (template, hole - template);
  g_string_append (label, name != NULL ? name : _("it"));
  g_string_append (label, hole + 2);
  return g_string_free (label, FALSE);
}
