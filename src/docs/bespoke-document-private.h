/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "bespoke-core.h"
#include "bespoke-document.h"

G_BEGIN_DECLS

/* What the files of BespokeDocument share: the instance, the layout
 * primitives (bespoke-document-layout.c), the flow of blocks that the
 * multi-page documents are made of (bespoke-document-flow.c), and one
 * builder per kind of document, each in its own file. */

#define DOC_FONT_FAMILY "Cantarell, DejaVu Sans, sans"
#define DOC_NO_COLOUR   0xffffffffu
#define DOC_BODY_SIZE   10.5   /* pt: the multi-page documents' body text */

typedef enum
{
  DOC_BLOCK_HEADING,
  DOC_BLOCK_PARAGRAPH,
  DOC_BLOCK_TABLE,
  DOC_BLOCK_IMAGE,
  DOC_BLOCK_SPACE,
  DOC_BLOCK_PAGE_BREAK,
} DocBlockKind;

typedef struct
{
  DocBlockKind      kind;
  int               level;           /* headings: 1, 2 or 3 */
  char             *markup;          /* headings and paragraphs: Pango markup */
  double            size;            /* pt; 0 for the document's body size */
  guint32           background;      /* 0xRRGGBB, or DOC_NO_COLOUR */
  double            indent;          /* pt, from the left margin */
  gboolean          bullet;          /* a paragraph that is an item of a list */
  gboolean          keep_with_next;  /* never the last thing on a page */
  /* tables */
  guint             n_columns;
  double           *widths;          /* fractions of the content width */
  PangoAlignment   *align;
  GPtrArray        *rows;            /* char ** of n_columns markup strings */
  guint             n_header;        /* header rows, repeated on every page */
  /* images */
  cairo_surface_t  *image;
  double            image_width;     /* pt; the height follows */
  double            space;           /* spaces: pt */
  /* measured by the flow */
  GPtrArray        *layouts;         /* PangoLayout: one, or one per cell */
  GArray           *row_heights;     /* double */
  double            height;
} DocBlock;

typedef struct
{
  DocBlock *block;
  guint     first_row;  /* tables: the body rows on this page */
  guint     end_row;
  double    y;          /* from the top of the content area */
} DocPlaced;

typedef gboolean (*DocPaginateFunc) (BespokeDocument *self, GError **error);
typedef void     (*DocDrawFunc)     (BespokeDocument *self, cairo_t *cr, guint page);

struct _BespokeDocument
{
  GObject              parent_instance;

  BespokeDocumentKind  kind;
  char                *title;
  char                *subject;
  char                *warning;
  char                *footer;          /* left of every page's footer, or NULL */
  double               body_size;       /* the auto-fit's choice (profile) */
  double               flow_size;       /* the flow's body text, pt */
  gboolean             landscape;

  gboolean             paginated;
  double               page_width, page_height;
  double               margin_top, margin_right, margin_bottom, margin_left;
  PangoContext        *pango;

  GPtrArray           *blocks;          /* DocBlock */
  GPtrArray           *pages;           /* GArray of DocPlaced, one per page */
  guint                n_pages;

  gpointer             data;            /* the kind's own */
  GDestroyNotify       free_data;
  DocPaginateFunc      paginate;        /* NULL: flow the blocks */
  DocDrawFunc          draw;            /* NULL: draw the flow */
};

/* bespoke-document-layout.c: text, colour, photos */
PangoContext    *_doc_pango_context      (void);
PangoLayout     *_doc_layout             (BespokeDocument *self,
                                          const char      *markup,
                                          double           size,
                                          gboolean         bold,
                                          double           width);
void             _doc_layout_set_size    (PangoLayout     *layout,
                                          double           size,
                                          gboolean         bold);
double           _doc_layout_height      (PangoLayout     *layout);
void             _doc_show_layout        (cairo_t         *cr,
                                          PangoLayout     *layout,
                                          double           x,
                                          double           y,
                                          const char      *tag);
void             _doc_set_colour         (cairo_t         *cr,
                                          guint32          rgb);
void             _doc_fill_rect          (cairo_t         *cr,
                                          double x, double y, double w, double h,
                                          guint32          rgb);
void             _doc_rounded_rect       (cairo_t         *cr,
                                          double x, double y, double w, double h,
                                          double           radius);
char            *_doc_escape             (const char      *text);
char            *_doc_money              (gint64           pence);
cairo_surface_t *_doc_load_photo         (BespokeStore    *store,
                                          const char      *person_uuid);
void             _doc_draw_photo         (cairo_t         *cr,
                                          cairo_surface_t *photo,
                                          const char      *name,
                                          double x, double y, double size);
guint            _doc_count_words        (const char      *text);
BespokePerson   *_doc_load_person        (BespokeStore    *store,
                                          const char      *uuid,
                                          GError         **error);
BespokePlan     *_doc_current_plan       (BespokeStore    *store,
                                          BespokePerson   *person,
                                          GError         **error);
const char      *_doc_person_name        (BespokePerson   *person);
char            *_doc_plan_period        (BespokePlan     *plan);
void             _doc_content_box        (BespokeDocument *self,
                                          double *x, double *y, double *w, double *h);
void             _doc_draw_footer        (BespokeDocument *self,
                                          cairo_t         *cr,
                                          guint            page);

/* bespoke-document-flow.c: headings, paragraphs, tables and pictures,
 * flowed onto as many pages as they need */
DocBlock        *_doc_add_heading        (BespokeDocument *self,
                                          int              level,
                                          const char      *text);
DocBlock        *_doc_add_paragraph      (BespokeDocument *self,
                                          const char      *markup);
DocBlock        *_doc_add_bullet         (BespokeDocument *self,
                                          const char      *markup);
void             _doc_add_space          (BespokeDocument *self,
                                          double           pt);
void             _doc_add_page_break     (BespokeDocument *self);
DocBlock        *_doc_add_image          (BespokeDocument *self,
                                          cairo_surface_t *image,
                                          double           width);
DocBlock        *_doc_add_table          (BespokeDocument *self,
                                          guint            n_columns,
                                          const double    *widths,
                                          const PangoAlignment *align,
                                          guint            n_header);
void             _doc_table_add_row      (DocBlock        *table,
                                          ...) G_GNUC_NULL_TERMINATED;
void             _doc_table_add_rowv     (DocBlock        *table,
                                          char           **cells);
void             _doc_block_free         (DocBlock        *block);
gboolean         _doc_flow_paginate      (BespokeDocument *self,
                                          GError         **error);
void             _doc_flow_draw          (BespokeDocument *self,
                                          cairo_t         *cr,
                                          guint            page);

/* One builder per kind, each in its file: it reads the store, sets the
 * title and subject, and adds blocks or sets its own paginate and draw. */
gboolean _bespoke_document_build_profile     (BespokeDocument *self, BespokeStore *store,
                                              BespokePerson *person, GError **error);
const char *_doc_section_heading             (BespokePerson *person, guint section);
gboolean _bespoke_document_build_plan        (BespokeDocument *self, BespokeStore *store,
                                              BespokePerson *person, GError **error);
char    *_doc_line_who                       (BespokeStore *store, BespokeSupportLine *line);
gboolean _bespoke_document_build_budget      (BespokeDocument *self, BespokeStore *store,
                                              BespokePerson *person, GError **error);
void     _doc_add_money_summary              (BespokeDocument *self, BespokeCostReport *report);
gboolean _bespoke_document_build_session     (BespokeDocument *self, BespokeStore *store,
                                              BespokePerson *person, const char *session_uuid,
                                              GError **error);
gboolean _doc_add_thinking_tools             (BespokeDocument *self, BespokeStore *store,
                                              BespokePerson *person, GError **error);
gboolean _bespoke_document_build_description (BespokeDocument *self, BespokeStore *store,
                                              BespokePerson *person, GError **error);
gboolean _bespoke_document_build_offer       (BespokeDocument *self, BespokeStore *store,
                                              BespokePerson *person, const char *provider_uuid,
                                              GError **error);
gboolean _bespoke_document_build_week        (BespokeDocument *self, BespokeStore *store,
                                              BespokePerson *person, GError **error);
gboolean _bespoke_document_build_easy_read   (BespokeDocument *self, BespokeStore *store,
                                              BespokePerson *person, GError **error);
gboolean _bespoke_document_build_home        (BespokeDocument *self, BespokeStore *store,
                                              const char *home_uuid, GError **error);

G_END_DECLS
