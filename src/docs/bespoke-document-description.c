/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-document-private.h"

/* The person-centred description: what a one-page profile grows into.
 * Every statement under the profile's headings, with no fitting and no
 * floor, over as many pages as it needs, and the circle of support. */

static const guint32 section_fill[] = { 0xfdf0c8, 0xdceaf7, 0xdff1e1 };

static void
add_circle (BespokeDocument *self,
            GPtrArray       *members)
{
  if (members->len == 0)
    return;
  _doc_add_heading (self, 2, _("My circle of support"));
  for (guint ring = BESPOKE_RING_INTIMATE; ring <= BESPOKE_RING_PAID; ring++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < members->len; i++)
        {
          BespokeCircleMember *m = g_ptr_array_index (members, i);
          const char *rel = bespoke_circle_member_get_relationship (m);
          g_autofree char *line = NULL;

          if (bespoke_circle_member_get_ring (m) != ring)
            continue;
          if (!any)
            _doc_add_heading (self, 3, bespoke_enum_label (BESPOKE_TYPE_RING, (int) ring));
          any = TRUE;
          if (rel != NULL && *rel != '\0')
            line = g_markup_printf_escaped ("<b>%s</b>: %s", bespoke_circle_member_get_name (m), rel);
          else
            line = g_markup_printf_escaped ("<b>%s</b>", bespoke_circle_member_get_name (m));
          _doc_add_bullet (self, line);
        }
    }
}

gboolean
_bespoke_document_build_description (BespokeDocument  *self,
                                     BespokeStore     *store,
                                     BespokePerson    *person,
                                     GError          **error)
{
  const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (person));
  g_autoptr(BespokeProfile) profile = bespoke_profile_load (store, uuid, error);
  g_autoptr(GPtrArray) members = NULL;
  cairo_surface_t *photo;
  DocBlock *block;

  if (profile == NULL || !(members = bespoke_store_list (store, BESPOKE_TYPE_CIRCLE_MEMBER, uuid, error)))
    return FALSE;

  self->title = g_strdup_printf (_("Person-centred description: %s"), bespoke_person_get_name (person));
  self->subject = g_strdup_printf (_("Everything %s and the people around them have said, in full"),
                                   bespoke_person_get_name (person));
  self->footer = g_strdup (self->title);

  _doc_add_heading (self, 1, bespoke_person_get_name (person));
  photo = _doc_load_photo (store, uuid);
  block = _doc_add_image (self, photo, 96);
  block->markup = g_strdup (bespoke_person_get_name (person));
  g_clear_pointer (&photo, cairo_surface_destroy);
  _doc_add_space (self, 6);

  for (guint s = BESPOKE_SECTION_APPRECIATION; s <= BESPOKE_SECTION_SUPPORT; s++)
    {
      GListModel *section = bespoke_profile_get_section (profile, s);
      guint n = g_list_model_get_n_items (section);

      block = _doc_add_heading (self, 2, _doc_section_heading (person, s));
      block->background = section_fill[s];
      if (n == 0)
        _doc_add_paragraph (self, _("<i>Nothing written here yet.</i>"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BespokeStatement) st = g_list_model_get_item (section, i);
          g_autofree char *text = _doc_escape (bespoke_statement_get_text (st));
          _doc_add_bullet (self, text);
        }
      _doc_add_space (self, self->flow_size);
    }
  if (!_doc_add_thinking_tools (self, store, person, error))
    return FALSE;
  add_circle (self, members);
  return TRUE;
}
