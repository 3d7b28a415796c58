/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "bespoke-document-private.h"

/* BespokeDocument: one document about a person (or a home), read from the
 * store when it is made, laid out for a page size by paginate(), and drawn
 * a page at a time on any cairo_t.  The kinds are built in their own files;
 * the PDF is written in bespoke-document-pdf.c. */

G_DEFINE_FINAL_TYPE (BespokeDocument, bespoke_document, G_TYPE_OBJECT)

static void
bespoke_document_finalize (GObject *object)
{
  BespokeDocument *self = BESPOKE_DOCUMENT (object);

  if (self->free_data != NULL && self->data != NULL)
    self->free_data (self->data);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->pango);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->warning);
  g_free (self->footer);

  G_OBJECT_CLASS (bespoke_document_parent_class)->finalize (object);
}

static void
bespoke_document_class_init (BespokeDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bespoke_document_finalize;
}

static void
bespoke_document_init (BespokeDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _doc_block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->flow_size = DOC_BODY_SIZE;
}

static gboolean
build (BespokeDocument      *self,
       BespokeStore         *store,
       const char           *subject_uuid,
       const char           *extra_uuid,
       GError              **error)
{
  g_autoptr(BespokePerson) person = NULL;

  if (self->kind == BESPOKE_DOCUMENT_HOME)
    return _bespoke_document_build_home (self, store, subject_uuid, error);

  if (!(person = _doc_load_person (store, subject_uuid, error)))
    return FALSE;

  switch (self->kind)
    {
    case BESPOKE_DOCUMENT_PROFILE:
      return _bespoke_document_build_profile (self, store, person, error);
    case BESPOKE_DOCUMENT_PLAN:
      return _bespoke_document_build_plan (self, store, person, error);
    case BESPOKE_DOCUMENT_BUDGET:
      return _bespoke_document_build_budget (self, store, person, error);
    case BESPOKE_DOCUMENT_DESCRIPTION:
      return _bespoke_document_build_description (self, store, person, error);
    case BESPOKE_DOCUMENT_OFFER:
      return _bespoke_document_build_offer (self, store, person, extra_uuid, error);
    case BESPOKE_DOCUMENT_WEEK:
      return _bespoke_document_build_week (self, store, person, error);
    case BESPOKE_DOCUMENT_EASY_READ:
      return _bespoke_document_build_easy_read (self, store, person, error);
    case BESPOKE_DOCUMENT_SESSION:
      return _bespoke_document_build_session (self, store, person, extra_uuid, error);
    case BESPOKE_DOCUMENT_HOME:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/**
 * bespoke_document_new:
 * @subject_uuid: the person, or the home for %BESPOKE_DOCUMENT_HOME
 * @extra_uuid: (nullable): the provider for %BESPOKE_DOCUMENT_OFFER
 *
 * Reads everything the document needs from @store now.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with a
 *   sentence in @error (no such person, no plan, …).
 */
BespokeDocument *
bespoke_document_new (BespokeStore         *store,
                      BespokeDocumentKind   kind,
                      const char           *subject_uuid,
                      const char           *extra_uuid,
                      GError              **error)
{
  g_autoptr(BespokeDocument) self = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= BESPOKE_DOCUMENT_SESSION, NULL);
  g_return_val_if_fail (subject_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kind == BESPOKE_DOCUMENT_OFFER && extra_uuid == NULL)
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("An offer is made by a provider: choose the provider whose menu to print."));
      return NULL;
    }

  self = g_object_new (BESPOKE_TYPE_DOCUMENT, NULL);
  self->kind = kind;
  self->pango = _doc_pango_context ();
  if (!build (self, store, subject_uuid, extra_uuid, error))
    return NULL;
  g_assert (self->title != NULL);
  return g_steal_pointer (&self);
}

/**
 * bespoke_document_paginate:
 *
 * Lays the document out for a page of @page_width × @page_height points
 * with the given margins.  A landscape document (WEEK) given a portrait page
 * turns it.  @cr may be %NULL: text is measured the same way whatever it is.
 */
gboolean
bespoke_document_paginate (BespokeDocument *self,
                           cairo_t         *cr,
                           double           page_width,
                           double           page_height,
                           double           margin_top,
                           double           margin_right,
                           double           margin_bottom,
                           double           margin_left,
                           GError         **error)
{
  g_return_val_if_fail (BESPOKE_IS_DOCUMENT (self), FALSE);

  if (self->landscape && page_width < page_height)
    {
      double w = page_width;
      page_width = page_height;
      page_height = w;
    }

  if (page_width - margin_left - margin_right < 144 || page_height - margin_top - margin_bottom < 144)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("The page is too small for “%s” once its margins are taken off. "
                     "Choose a larger paper size or smaller margins."), self->title);
      return FALSE;
    }

  self->page_width = page_width;
  self->page_height = page_height;
  self->margin_top = margin_top;
  self->margin_right = margin_right;
  self->margin_bottom = margin_bottom;
  self->margin_left = margin_left;
  self->paginated = FALSE;
  self->n_pages = 0;
  g_ptr_array_set_size (self->pages, 0);

  if (!(self->paginate ? self->paginate (self, error) : _doc_flow_paginate (self, error)))
    return FALSE;
  self->paginated = TRUE;
  g_assert (self->n_pages > 0);
  return TRUE;
}

guint
bespoke_document_get_n_pages (BespokeDocument *self)
{
  g_return_val_if_fail (BESPOKE_IS_DOCUMENT (self), 0);

  return self->paginated ? self->n_pages : 0;
}

/**
 * bespoke_document_draw_page:
 * @page: 0-based
 *
 * Draws a page laid out by bespoke_document_paginate(), in points, with the
 * page's top-left corner at cr's origin.  Paints no background: the paper
 * is white.
 */
void
bespoke_document_draw_page (BespokeDocument *self,
                            cairo_t         *cr,
                            guint            page)
{
  g_return_if_fail (BESPOKE_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->paginated);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  if (self->draw)
    self->draw (self, cr, page);
  else
    _doc_flow_draw (self, cr, page);
  cairo_restore (cr);
}

const char *
bespoke_document_get_title (BespokeDocument *self)
{
  g_return_val_if_fail (BESPOKE_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
bespoke_document_get_warning (BespokeDocument *self)
{
  g_return_val_if_fail (BESPOKE_IS_DOCUMENT (self), NULL);
  return self->warning;
}

double
bespoke_document_get_body_size (BespokeDocument *self)
{
  g_return_val_if_fail (BESPOKE_IS_DOCUMENT (self), 0);
  return self->kind == BESPOKE_DOCUMENT_PROFILE ? self->body_size : 0;
}

gboolean
bespoke_document_get_landscape (BespokeDocument *self)
{
  g_return_val_if_fail (BESPOKE_IS_DOCUMENT (self), FALSE);
  return self->landscape;
}

