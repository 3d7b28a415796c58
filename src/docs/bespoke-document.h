/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "bespoke-store.h"

G_BEGIN_DECLS

/* The documents people take away, drawn with Pango and Cairo: the same code
 * draws a GtkPrintOperation's pages, the window's thumbnail and a PDF, and
 * none of it needs a display (this library never includes GTK).
 *
 * Units are points (1/72 inch): a GtkPrintOperation should use
 * gtk_print_operation_set_unit (op, GTK_UNIT_POINTS).  Text is measured
 * with a font map of its own at 72 dpi with hinting off, so a document lays
 * out the same whichever cairo_t it is given: the thumbnail is the PDF. */

#define BESPOKE_TYPE_DOCUMENT (bespoke_document_get_type ())

G_DECLARE_FINAL_TYPE (BespokeDocument, bespoke_document, BESPOKE, DOCUMENT, GObject)

typedef enum
{
  BESPOKE_DOCUMENT_PROFILE,      /* the one-page profile, auto-fitted to exactly one page */
  BESPOKE_DOCUMENT_PLAN,         /* the support plan for sign-off */
  BESPOKE_DOCUMENT_BUDGET,       /* the budget statement */
  BESPOKE_DOCUMENT_WEEK,         /* "my week": one landscape page */
  BESPOKE_DOCUMENT_EASY_READ,    /* easy read: profile, outcomes, week, who to call */
  BESPOKE_DOCUMENT_DESCRIPTION,  /* the person-centred description: every statement */
  BESPOKE_DOCUMENT_OFFER,        /* a provider's menu priced for this person */
  BESPOKE_DOCUMENT_HOME,         /* a shared home's ISF statement */
  BESPOKE_DOCUMENT_SESSION,      /* a facilitated session's notes */
} BespokeDocumentKind;

/* A4 portrait, in points */
#define BESPOKE_DOCUMENT_A4_WIDTH  595.28
#define BESPOKE_DOCUMENT_A4_HEIGHT 841.89
/* The fixed margins of a PDF written by bespoke_document_write_pdf() */
#define BESPOKE_DOCUMENT_PDF_MARGIN 42.52  /* 15 mm */

/* subject_uuid: the person (or the home for HOME); extra_uuid: the provider
 * for OFFER, the session for SESSION (NULL: the person's latest), else NULL.  Reads everything it needs from the store now; fails
 * with a sentence if the person has no plan etc. */
BespokeDocument *bespoke_document_new            (BespokeStore         *store,
                                                  BespokeDocumentKind   kind,
                                                  const char           *subject_uuid,
                                                  const char           *extra_uuid,
                                                  GError              **error);

/* Lays the document out for a page size and margins, in points (A4 portrait
 * is 595.28 x 841.89; WEEK is landscape by itself: give it the portrait size
 * and it turns it).  cr is only used for font metrics (GtkPrintContext's or
 * a PDF's), and may be NULL. */
gboolean     bespoke_document_paginate      (BespokeDocument *self,
                                             cairo_t         *cr,
                                             double           page_width,
                                             double           page_height,
                                             double           margin_top,
                                             double           margin_right,
                                             double           margin_bottom,
                                             double           margin_left,
                                             GError         **error);
guint        bespoke_document_get_n_pages   (BespokeDocument *self);
/* Draws page @page (0-based) with its top-left corner at the origin of cr,
 * in points, margins included. */
void         bespoke_document_draw_page     (BespokeDocument *self,
                                             cairo_t         *cr,
                                             guint            page);
const char  *bespoke_document_get_title     (BespokeDocument *self);   /* "One-page profile: Paul Roberts" */
const char  *bespoke_document_get_warning   (BespokeDocument *self);   /* NULL, or e.g. the profile's overflow sentence */
double       bespoke_document_get_body_size (BespokeDocument *self);   /* pt chosen by the auto-fit (profile); 0 otherwise */
gboolean     bespoke_document_get_landscape (BespokeDocument *self);

/* The whole PDF: A4 (landscape for WEEK), fixed margins, metadata (title,
 * author = @author or g_get_real_name(), subject, creation date) and tagged
 * structure.  Writes a 0600 temporary file in the same folder, syncs it and
 * renames it to exactly @path; on any failure a clear GError, and no partial
 * or temporary file is left behind.  The document is laid out again for the
 * PDF and then for the page size it had before, if any. */
gboolean     bespoke_document_write_pdf     (BespokeDocument *self,
                                             const char      *path,
                                             const char      *author,
                                             GError         **error);

/* Frees the process-wide font caches that laying out a document fills
 * (Pango's default Cairo font map, Cairo's static data and fontconfig's
 * configuration), so a program that printed can end with nothing left
 * allocated, as the sanitizer build's leak check requires.  Call it once,
 * at the very end, when no document or Pango object is alive. */

G_END_DECLS
