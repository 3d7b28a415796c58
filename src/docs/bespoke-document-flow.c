/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-document-private.h"

/* The flow: the multi-page documents are a list of blocks (headings,
 * paragraphs, list items, tables, pictures) poured onto as many pages as
 * they need.  A heading never ends a page; a table breaks between rows and
 * repeats its header rows at the top of each page; every page gets the
 * footer.  Every block is drawn as a tagged structure element (H1–H3, P,
 * Table/TR/TH/TD, Figure), so a screen reader can read the PDF. */

#define CELL_PAD_X  4.0
#define CELL_PAD_Y  3.0
#define TEXT_COLOUR 0x1d1f23
#define RULE_COLOUR 0xc5cbd3
#define HEAD_FILL   0xe6ebf1
#define ZEBRA_FILL  0xf6f7f9

void
_doc_block_free (DocBlock *block)
{
  g_free (block->markup);
  g_free (block->widths);
  g_free (block->align);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->image, cairo_surface_destroy);
  g_clear_pointer (&block->layouts, g_ptr_array_unref);
  g_clear_pointer (&block->row_heights, g_array_unref);
  g_free (block);
}

static DocBlock *
add_block (BespokeDocument *self,
           DocBlockKind     kind)
{
  DocBlock *block = g_new0 (DocBlock, 1);

  block->kind = kind;
  block->background = DOC_NO_COLOUR;
  g_ptr_array_add (self->blocks, block);
  return block;
}

DocBlock *
_doc_add_heading (BespokeDocument *self,
                  int              level,
                  const char      *text)
{
  DocBlock *block = add_block (self, DOC_BLOCK_HEADING);

  block->level = CLAMP (level, 1, 3);
  block->markup = _doc_escape (text);
  block->keep_with_next = TRUE;
  return block;
}

DocBlock *
_doc_add_paragraph (BespokeDocument *self,
                    const char      *markup)
{
  DocBlock *block = add_block (self, DOC_BLOCK_PARAGRAPH);

  block->markup = g_strdup (markup);
  return block;
}

DocBlock *
_doc_add_bullet (BespokeDocument *self,
                 const char      *markup)
{
  DocBlock *block = _doc_add_paragraph (self, markup);

  block->bullet = TRUE;
  return block;
}

void
_doc_add_space (BespokeDocument *self,
                double           pt)
{
  add_block (self, DOC_BLOCK_SPACE)->space = pt;
}

void
_doc_add_page_break (BespokeDocument *self)
{
  add_block (self, DOC_BLOCK_PAGE_BREAK);
}

/* Takes a reference to @image. */
DocBlock *
_doc_add_image (BespokeDocument *self,
                cairo_surface_t *image,
                double           width)
{
  DocBlock *block = add_block (self, DOC_BLOCK_IMAGE);

  block->image = image ? cairo_surface_reference (image) : NULL;
  block->image_width = width;
  return block;
}

DocBlock *
_doc_add_table (BespokeDocument      *self,
                guint                 n_columns,
                const double         *widths,
                const PangoAlignment *align,
                guint                 n_header)
{
  DocBlock *block = add_block (self, DOC_BLOCK_TABLE);

  block->n_columns = n_columns;
  block->widths = g_memdup2 (widths, sizeof (double) * n_columns);
  block->align = g_new0 (PangoAlignment, n_columns);
  if (align != NULL)
    memcpy (block->align, align, sizeof (PangoAlignment) * n_columns);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  block->n_header = n_header;
  return block;
}

/* Takes @cells (n_columns markup strings, NULL-terminated) */
void
_doc_table_add_rowv (DocBlock  *table,
                     char     **cells)
{
  g_assert (g_strv_length (cells) == table->n_columns);
  g_ptr_array_add (table->rows, cells);
}

/* Adds a row of markup strings, the list ending with NULL */
void
_doc_table_add_row (DocBlock *table,
                    ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list ap;

  va_start (ap, table);
  for (const char *cell = va_arg (ap, const char *); cell != NULL; cell = va_arg (ap, const char *))
    g_ptr_array_add (cells, g_strdup (cell));
  va_end (ap);
  g_ptr_array_add (cells, NULL);
  _doc_table_add_rowv (table, (char **) g_ptr_array_free (cells, FALSE));
}

/* ---- measuring ---------------------------------------------------------- */

static double
text_size (BespokeDocument *self,
           DocBlock        *block)
{
  static const double heading_scale[] = { 0, 1.75, 1.3, 1.1 };

  if (block->kind == DOC_BLOCK_HEADING)
    return self->flow_size * heading_scale[block->level];
  return block->size > 0 ? block->size : self->flow_size;
}

static double
space_before (BespokeDocument *self,
              DocBlock        *block)
{
  static const double heading_space[] = { 0, 1.2, 1.3, 0.8 };

  if (block->kind == DOC_BLOCK_HEADING)
    return self->flow_size * heading_space[block->level];
  return 0;
}

static double
space_after (BespokeDocument *self,
             DocBlock        *block)
{
  switch (block->kind)
    {
    case DOC_BLOCK_HEADING:
      return self->flow_size * (block->level == 1 ? 0.6 : 0.4);
    case DOC_BLOCK_PARAGRAPH:
      return text_size (self, block) * (block->bullet ? 0.3 : 0.55);
    case DOC_BLOCK_TABLE:
    case DOC_BLOCK_IMAGE:
      return self->flow_size * 0.8;
    case DOC_BLOCK_SPACE:
    case DOC_BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static double
bullet_indent (BespokeDocument *self,
               DocBlock        *block)
{
  return block->bullet ? text_size (self, block) * 1.2 : 0;
}

static double
box_pad (DocBlock *block,
         double    size)
{
  return block->background != DOC_NO_COLOUR ? size * 0.5 : 0;
}

static void
measure_table (BespokeDocument *self,
               DocBlock        *block,
               double           width)
{
  double size = self->flow_size * 0.92;

  block->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  block->row_heights = g_array_new (FALSE, FALSE, sizeof (double));
  block->height = 0;
  for (guint r = 0; r < block->rows->len; r++)
    {
      char **cells = g_ptr_array_index (block->rows, r);
      double row = 0;

      for (guint c = 0; c < block->n_columns; c++)
        {
          PangoLayout *l = _doc_layout (self, cells[c], size, r < block->n_header,
                                        width * block->widths[c] - 2 * CELL_PAD_X);
          pango_layout_set_alignment (l, block->align[c]);
          row = MAX (row, _doc_layout_height (l));
          g_ptr_array_add (block->layouts, l);
        }
      row += 2 * CELL_PAD_Y;
      g_array_append_val (block->row_heights, row);
      block->height += row;
    }
}

static void
measure (BespokeDocument *self,
         DocBlock        *block,
         double           width)
{
  g_clear_pointer (&block->layouts, g_ptr_array_unref);
  g_clear_pointer (&block->row_heights, g_array_unref);

  switch (block->kind)
    {
    case DOC_BLOCK_HEADING:
    case DOC_BLOCK_PARAGRAPH:
      {
        double size = text_size (self, block);
        double pad = box_pad (block, size);
        PangoLayout *l = _doc_layout (self, block->markup, size, block->kind == DOC_BLOCK_HEADING,
                                      width - block->indent - bullet_indent (self, block) - 2 * pad);

        block->layouts = g_ptr_array_new_with_free_func (g_object_unref);
        g_ptr_array_add (block->layouts, l);
        block->height = _doc_layout_height (l) + 2 * pad;
      }
      break;
    case DOC_BLOCK_TABLE:
      measure_table (self, block, width);
      break;
    case DOC_BLOCK_IMAGE:
      /* Pictures are photos, cropped square */
      block->image_width = MIN (block->image_width, width);
      block->height = block->image_width;
      break;
    case DOC_BLOCK_SPACE:
      block->height = block->space;
      break;
    case DOC_BLOCK_PAGE_BREAK:
    default:
      block->height = 0;
      break;
    }
}

/* ---- paginating --------------------------------------------------------- */

typedef struct
{
  BespokeDocument *self;
  GArray          *page;   /* DocPlaced */
  double           y;
  double           height;
} Pager;

static void
new_page (Pager *pager)
{
  pager->page = g_array_new (FALSE, FALSE, sizeof (DocPlaced));
  g_ptr_array_add (pager->self->pages, pager->page);
  pager->y = 0;
}

static void
put (Pager    *pager,
     DocBlock *block,
     guint     first_row,
     guint     end_row)
{
  DocPlaced placed = { block, first_row, end_row, pager->y };

  g_array_append_val (pager->page, placed);
}

/* How much of @block must share a page with the heading before it */
static double
first_part (DocBlock *block)
{
  double h = 0;

  if (block == NULL)
    return 0;
  if (block->kind != DOC_BLOCK_TABLE)
    return block->height;
  for (guint r = 0; r < MIN (block->row_heights->len, block->n_header + 1); r++)
    h += g_array_index (block->row_heights, double, r);
  return h;
}

static void
paginate_table (Pager    *pager,
                DocBlock *block)
{
  double header = 0;
  guint n_body = block->rows->len - block->n_header;
  guint r = 0;

  for (guint i = 0; i < block->n_header; i++)
    header += g_array_index (block->row_heights, double, i);

  while (r < n_body)
    {
      guint first = r;
      double row = g_array_index (block->row_heights, double, block->n_header + r);

      if (pager->y > 0 && pager->y + header + row > pager->height)
        new_page (pager);
      put (pager, block, first, first);
      pager->y += header;
      while (r < n_body)
        {
          row = g_array_index (block->row_heights, double, block->n_header + r);
          if (r > first && pager->y + row > pager->height)
            break;
          pager->y += row;
          r++;
        }
      g_array_index (pager->page, DocPlaced, pager->page->len - 1).end_row = r;
      if (r < n_body)
        new_page (pager);
    }
}

gboolean
_doc_flow_paginate (BespokeDocument  *self,
                    GError          **error)
{
  Pager pager = { self };
  double x, y, w, h;

  _doc_content_box (self, &x, &y, &w, &h);
  pager.height = h - 2 * self->flow_size;   /* room for the footer */
  for (guint i = 0; i < self->blocks->len; i++)
    measure (self, g_ptr_array_index (self->blocks, i), w);

  new_page (&pager);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      DocBlock *block = g_ptr_array_index (self->blocks, i);
      DocBlock *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;
      double before = pager.y > 0 ? space_before (self, block) : 0;
      double need = before + block->height;

      if (block->kind == DOC_BLOCK_PAGE_BREAK)
        {
          if (pager.y > 0)
            new_page (&pager);
          continue;
        }
      if (block->kind == DOC_BLOCK_SPACE)
        {
          if (pager.y > 0)
            pager.y += block->height;
          continue;
        }
      if (block->kind == DOC_BLOCK_TABLE)
        {
          if (block->rows->len > block->n_header)
            {
              pager.y += before;
              paginate_table (&pager, block);
              pager.y += space_after (self, block);
            }
          continue;
        }
      if (block->keep_with_next)
        need += space_after (self, block) + first_part (next);
      if (pager.y > 0 && pager.y + need > pager.height)
        new_page (&pager);
      else
        pager.y += before;
      put (&pager, block, 0, 0);
      pager.y += block->height + space_after (self, block);
    }
  self->n_pages = self->pages->len;
  return TRUE;
}

/* ---- drawing ------------------------------------------------------------ */

static void
draw_table (BespokeDocument *self,
            cairo_t         *cr,
            DocPlaced       *placed,
            double           x,
            double           y,
            double           width)
{
  DocBlock *block = placed->block;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint r = 0; r < block->n_header; r++)
    g_array_append_val (rows, r);
  for (guint r = block->n_header + placed->first_row; r < block->n_header + placed->end_row; r++)
    g_array_append_val (rows, r);

  cairo_tag_begin (cr, "Table", NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      guint r = g_array_index (rows, guint, i);
      double rh = g_array_index (block->row_heights, double, r);
      gboolean head = r < block->n_header;
      double cx = x;

      if (head)
        _doc_fill_rect (cr, x, y, width, rh, HEAD_FILL);
      else if ((r - block->n_header) % 2 == 1)
        _doc_fill_rect (cr, x, y, width, rh, ZEBRA_FILL);
      cairo_tag_begin (cr, "TR", NULL);
      for (guint c = 0; c < block->n_columns; c++)
        {
          PangoLayout *l = g_ptr_array_index (block->layouts, r * block->n_columns + c);

          _doc_set_colour (cr, TEXT_COLOUR);
          _doc_show_layout (cr, l, cx + CELL_PAD_X, y + CELL_PAD_Y, head ? "TH" : "TD");
          cx += width * block->widths[c];
        }
      cairo_tag_end (cr, "TR");
      cairo_set_line_width (cr, 0.5);
      _doc_set_colour (cr, RULE_COLOUR);
      cairo_move_to (cr, x, y + rh);
      cairo_line_to (cr, x + width, y + rh);
      cairo_stroke (cr);
      y += rh;
    }
  cairo_tag_end (cr, "Table");
}

static void
draw_text_block (BespokeDocument *self,
                 cairo_t         *cr,
                 DocBlock        *block,
                 double           x,
                 double           y,
                 double           width)
{
  static const char *heading_tags[] = { "P", "H1", "H2", "H3" };
  PangoLayout *l = g_ptr_array_index (block->layouts, 0);
  double size = text_size (self, block);
  double pad = box_pad (block, size);

  x += block->indent;
  if (block->background != DOC_NO_COLOUR)
    {
      cairo_save (cr);
      _doc_rounded_rect (cr, x, y, width - block->indent, block->height, size * 0.4);
      _doc_set_colour (cr, block->background);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  x += pad;
  y += pad;
  if (block->bullet)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (l);
      double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      pango_layout_iter_free (iter);
      _doc_set_colour (cr, 0x5e6570);
      cairo_new_path (cr);
      cairo_arc (cr, x + size * 0.45, y + baseline - size * 0.32, size * 0.16, 0, 2 * G_PI);
      cairo_fill (cr);
      x += bullet_indent (self, block);
    }
  _doc_set_colour (cr, block->level == 1 ? 0x1c3d63 : TEXT_COLOUR);
  _doc_show_layout (cr, l, x, y, block->kind == DOC_BLOCK_HEADING ? heading_tags[block->level] : "P");
  if (block->kind == DOC_BLOCK_HEADING && block->level <= 2 && block->background == DOC_NO_COLOUR)
    {
      cairo_set_line_width (cr, block->level == 1 ? 1.2 : 0.6);
      _doc_set_colour (cr, block->level == 1 ? 0x1c3d63 : RULE_COLOUR);
      cairo_move_to (cr, x, y + block->height + 2);
      cairo_line_to (cr, x + width, y + block->height + 2);
      cairo_stroke (cr);
    }
}

void
_doc_flow_draw (BespokeDocument *self,
                cairo_t         *cr,
                guint            page)
{
  GArray *placed = g_ptr_array_index (self->pages, page);
  double x, y, w, h;

  _doc_content_box (self, &x, &y, &w, &h);
  for (guint i = 0; i < placed->len; i++)
    {
      DocPlaced *p = &g_array_index (placed, DocPlaced, i);
      DocBlock *block = p->block;

      switch (block->kind)
        {
        case DOC_BLOCK_HEADING:
        case DOC_BLOCK_PARAGRAPH:
          draw_text_block (self, cr, block, x, y + p->y, w);
          break;
        case DOC_BLOCK_TABLE:
          draw_table (self, cr, p, x, y + p->y, w);
          break;
        case DOC_BLOCK_IMAGE:
          _doc_draw_photo (cr, block->image, block->markup, x + block->indent, y + p->y, block->image_width);
          break;
        case DOC_BLOCK_SPACE:
        case DOC_BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
  _doc_draw_footer (self, cr, page);
}
