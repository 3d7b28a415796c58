/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-document-private.h"

/* Easy read, as the UK guidance has it: body text at 16 pt, short lines
 * with one idea each, the person's photo, headings that are questions, and
 * no tables of money.  It covers the profile, the outcomes, the week and
 * who to call. */

#define EASY_SIZE 16.0

static void
add_statements (BespokeDocument *self,
                BespokeProfile  *profile,
                BespokeSection   section,
                const char      *question)
{
  GListModel *model = bespoke_profile_get_section (profile, section);
  guint n = g_list_model_get_n_items (model);

  if (n == 0)
    return;
  _doc_add_heading (self, 2, question);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BespokeStatement) st = g_list_model_get_item (model, i);
      g_autofree char *text = _doc_escape (bespoke_statement_get_text (st));
      _doc_add_bullet (self, text);
    }
}

static void
add_outcomes (BespokeDocument *self,
              GPtrArray       *outcomes)
{
  if (outcomes->len == 0)
    return;
  _doc_add_heading (self, 2, _("What do I want to do?"));
  for (guint i = 0; i < outcomes->len; i++)
    {
      BespokeOutcome *o = g_ptr_array_index (outcomes, i);
      g_autofree char *text = g_markup_printf_escaped ("<b>%s</b>", bespoke_outcome_get_statement (o));
      g_autofree char *by = bespoke_date_format_long (bespoke_outcome_get_target_date (o));

      _doc_add_bullet (self, text);
      if (by != NULL)
        {
          g_autofree char *when = g_markup_printf_escaped (_("By %s."), by);
          _doc_add_paragraph (self, when)->indent = EASY_SIZE * 1.2;
        }
    }
}

static void
add_week (BespokeDocument *self,
          BespokeStore    *store,
          GPtrArray       *lines)
{
  if (lines->len == 0)
    return;
  _doc_add_heading (self, 2, _("Who helps me?"));
  for (guint i = 0; i < lines->len; i++)
    {
      BespokeSupportLine *line = g_ptr_array_index (lines, i);
      const BespokeSchedule *s = bespoke_support_line_get_schedule (line);
      g_autofree char *who = _doc_line_who (store, line);
      g_autofree char *what = g_markup_printf_escaped ("<b>%s</b>", bespoke_support_line_get_description (line));
      g_autofree char *by = g_markup_printf_escaped (_("Who: %s."), who);

      _doc_add_bullet (self, what);
      _doc_add_paragraph (self, by)->indent = EASY_SIZE * 1.2;
      if (s != NULL)
        {
          g_autofree char *describe = bespoke_schedule_describe (s);
          g_autofree char *when = g_markup_printf_escaped (_("When: %s."), describe);
          _doc_add_paragraph (self, when)->indent = EASY_SIZE * 1.2;
        }
    }
}

static void
add_contacts (BespokeDocument *self,
              GPtrArray       *members)
{
  gboolean any = FALSE;

  for (guint i = 0; i < members->len; i++)
    {
      BespokeCircleMember *m = g_ptr_array_index (members, i);
      const char *rel = bespoke_circle_member_get_relationship (m);
      const char *contact = bespoke_circle_member_get_contact (m);
      g_autofree char *line = NULL;

      if (!any)
        _doc_add_heading (self, 2, _("Who can I call?"));
      any = TRUE;
      if (rel != NULL && *rel != '\0')
        line = g_markup_printf_escaped ("<b>%s</b>: %s.", bespoke_circle_member_get_name (m), rel);
      else
        line = g_markup_printf_escaped ("<b>%s</b>.", bespoke_circle_member_get_name (m));
      _doc_add_bullet (self, line);
      if (contact != NULL && *contact != '\0')
        {
          g_autofree char *call = g_markup_printf_escaped (_("Call: %s"), contact);
          _doc_add_paragraph (self, call)->indent = EASY_SIZE * 1.2;
        }
    }
}

gboolean
_bespoke_document_build_easy_read (BespokeDocument  *self,
                                   BespokeStore     *store,
                                   BespokePerson    *person,
                                   GError          **error)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));
  g_autoptr(BespokeProfile) profile = bespoke_profile_load (store, uuid, error);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *photo;
  DocBlock *block;
  gboolean staff = bespoke_person_get_is_staff (person);

  if (profile == NULL || !(members = bespoke_store_list (store, BESPOKE_TYPE_CIRCLE_MEMBER, uuid, error)))
    return FALSE;
  plan = bespoke_plans_find_current (store, uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (plan != NULL &&
      (!(outcomes = bespoke_store_list (store, BESPOKE_TYPE_OUTCOME, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), error)) ||
       !(lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), error))))
    return FALSE;

  self->flow_size = EASY_SIZE;
  self->title = g_strdup_printf (_("Easy read: %s"), bespoke_person_get_name (person));
  self->subject = g_strdup_printf (_("About %s, in easy read"), _doc_person_name (person));
  self->footer = g_strdup (self->title);

  {
    g_autofree char *heading = g_strdup_printf (_("This is me: %s"), _doc_person_name (person));
    _doc_add_heading (self, 1, heading);
  }
  photo = _doc_load_photo (store, uuid);
  block = _doc_add_image (self, photo, 150);
  block->markup = g_strdup (bespoke_person_get_name (person));
  g_clear_pointer (&photo, cairo_surface_destroy);
  _doc_add_space (self, EASY_SIZE);

  add_statements (self, profile, BESPOKE_SECTION_APPRECIATION, _("What do people like about me?"));
  add_statements (self, profile, BESPOKE_SECTION_IMPORTANT, _("What is important to me?"));
  add_statements (self, profile, BESPOKE_SECTION_SUPPORT,
                  staff ? _("How can you help me at work?") : _("How can you help me?"));
  if (outcomes != NULL)
    add_outcomes (self, outcomes);
  if (lines != NULL)
    add_week (self, store, lines);
  add_contacts (self, members);
  return TRUE;
}
