/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-document-private.h"

/* The one-page profile: the photo, the name, and the three headed sections,
 * on exactly one page whatever their length.
 *
 * The auto-fit searches the scale (body type from 14 pt down to a floor of
 * 7 pt in half points, with the photo and the name growing and shrinking
 * with it) in one column and in two, and keeps the largest type at which
 * every statement fits; a tie goes to one column, which reads more easily.
 * If even the floor cannot hold everything, the longest sections are cut
 * to the same number of statements (short sections stay whole), the page
 * ends with a line saying what was left out, and the document's warning
 * says which section is too long and by how many words. */

#define MAX_SIZE   14.0
#define MIN_SIZE   7.0
#define SIZE_STEP  0.5
#define N_SIZES    15    /* 14, 13.5, … 7 */
#define N_SECTIONS 3

#define TEXT_COLOUR 0x1d1f23

/* Pale enough for black text in any printer's greyscale; the darker rule
 * on the left of each box tells the sections apart without colour. */
static const guint32 section_fill[N_SECTIONS] = { 0xfdf0c8, 0xdceaf7, 0xdff1e1 };
static const guint32 section_rule[N_SECTIONS] = { 0xb07d00, 0x2f5f93, 0x357a41 };

typedef enum
{
  ITEM_HEADING,
  ITEM_STATEMENT,
  ITEM_EMPTY,
  ITEM_LEFT_OUT,
} ItemKind;

typedef struct
{
  ItemKind     kind;
  guint        section;
  PangoLayout *layout;   /* borrowed from the Profile */
  double       x, y;
} Placed;

typedef struct
{
  guint  section;
  double x, y, w, h;
} Box;

typedef struct
{
  char            *name;
  char            *full_name;
  char            *subtitle;
  char            *headings[N_SECTIONS];
  GPtrArray       *texts[N_SECTIONS];     /* char *: the statements */
  cairo_surface_t *photo;

  PangoLayout     *name_layout;
  PangoLayout     *subtitle_layout;
  PangoLayout     *heading_layouts[N_SECTIONS];
  GPtrArray       *layouts[N_SECTIONS];   /* PangoLayout per statement */
  PangoLayout     *empty_layout;
  PangoLayout     *left_out_layout;

  /* The fit chosen, and where everything goes */
  double           size;
  guint            columns;
  guint            keep[N_SECTIONS];
  double           photo_size;
  GArray          *placed;                /* Placed */
  GArray          *boxes;                 /* Box */
} Profile;

static void
profile_free (Profile *p)
{
  g_free (p->name);
  g_free (p->full_name);
  g_free (p->subtitle);
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      g_free (p->headings[s]);
      g_clear_pointer (&p->texts[s], g_ptr_array_unref);
      g_clear_pointer (&p->layouts[s], g_ptr_array_unref);
      g_clear_object (&p->heading_layouts[s]);
    }
  g_clear_pointer (&p->photo, cairo_surface_destroy);
  g_clear_object (&p->name_layout);
  g_clear_object (&p->subtitle_layout);
  g_clear_object (&p->empty_layout);
  g_clear_object (&p->left_out_layout);
  g_clear_pointer (&p->placed, g_array_unref);
  g_clear_pointer (&p->boxes, g_array_unref);
  g_free (p);
}

/* ---- measuring ---------------------------------------------------------- */

/* Everything that grows and shrinks with the body size @b */
typedef struct
{
  double b, heading, name, photo, pad, bullet, gap, section_gap, gutter;
} Scale;

static Scale
scale_for (double b,
           double width)
{
  Scale s;

  s.b = b;
  s.heading = b * 1.2;
  s.name = b * 2.3;
  s.photo = MIN (b * 9.5, width * 0.28);
  s.pad = b * 0.6;
  s.bullet = b * 1.1;
  s.gap = b * 0.22;
  s.section_gap = b * 0.8;
  s.gutter = b * 1.3;
  return s;
}

static double
header_height (Profile     *p,
               const Scale *s,
               double       width)
{
  double text_width = width - s->photo - s->b * 1.5;
  double h;

  _doc_layout_set_size (p->name_layout, s->name, TRUE);
  pango_layout_set_width (p->name_layout, (int) (text_width * PANGO_SCALE));
  _doc_layout_set_size (p->subtitle_layout, s->b * 1.1, FALSE);
  pango_layout_set_width (p->subtitle_layout, (int) (text_width * PANGO_SCALE));
  h = _doc_layout_height (p->name_layout) + s->b * 0.3 + _doc_layout_height (p->subtitle_layout);
  return MAX (h, s->photo) + s->section_gap;
}

static char *
left_out_text (Profile     *p,
               const guint *keep)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint statements = 0, words = 0;

  for (guint s = 0; s < N_SECTIONS; s++)
    for (guint i = keep[s]; i < p->texts[s]->len; i++)
      {
        statements++;
        words += _doc_count_words (g_ptr_array_index (p->texts[s], i));
      }
  if (statements == 0)
    return NULL;

  g_string_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                     "Left out to fit one page: %u statement (%u words). ",
                                     "Left out to fit one page: %u statements (%u words). ", statements),
                   statements, words);
  g_string_append (out, _("The person-centred description has every statement."));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  Profile *p;
  Scale    s;
  double   x0, y0, col_width, bottom;
  guint    column, columns;
  double   y;
  double   box_top;      /* where the current section's box began in this column */
  gboolean record;
} Flow;

static void
close_box (Flow  *f,
           guint  section)
{
  Box box = { section, f->x0 + f->column * (f->col_width + f->s.gutter), f->box_top, f->col_width, 0 };

  box.h = f->y + f->s.pad - f->box_top;
  if (f->record)
    g_array_append_val (f->p->boxes, box);
}

/* Puts an item of height @h (with @need below it that must come in the same
 * column: a heading keeps its first statement) at the flow's place, moving
 * to the next column when it does not fit.  FALSE when no column is left. */
static gboolean
place (Flow        *f,
       ItemKind     kind,
       guint        section,
       PangoLayout *layout,
       double       indent,
       double       need)
{
  double h = _doc_layout_height (layout);

  if (f->y + h + need + f->s.pad > f->bottom)
    {
      if (f->column + 1 >= f->columns)
        return FALSE;
      if (kind != ITEM_HEADING)
        close_box (f, section);
      f->column++;
      f->y = f->y0 + f->s.pad;
      f->box_top = f->y0;
      if (f->y + h + need + f->s.pad > f->bottom)
        return FALSE;
    }
  if (f->record)
    {
      Placed item = { kind, section, layout,
                      f->x0 + f->column * (f->col_width + f->s.gutter) + f->s.pad + indent, f->y };
      g_array_append_val (f->p->placed, item);
    }
  f->y += h;
  return TRUE;
}

static gboolean
place_section (Flow        *f,
               guint        s,
               const guint *keep)
{
  Profile *p = f->p;
  double inner = f->col_width - 2 * f->s.pad;
  PangoLayout *heading = p->heading_layouts[s];
  double first;

  _doc_layout_set_size (heading, f->s.heading, TRUE);
  pango_layout_set_width (heading, (int) (inner * PANGO_SCALE));

  /* The heading keeps its first statement with it */
  if (keep[s] > 0)
    {
      PangoLayout *l = g_ptr_array_index (p->layouts[s], 0);
      _doc_layout_set_size (l, f->s.b, FALSE);
      pango_layout_set_width (l, (int) ((inner - f->s.bullet) * PANGO_SCALE));
      first = f->s.gap * 1.5 + _doc_layout_height (l);
    }
  else
    {
      _doc_layout_set_size (p->empty_layout, f->s.b, FALSE);
      pango_layout_set_width (p->empty_layout, (int) (inner * PANGO_SCALE));
      first = f->s.gap * 1.5 + _doc_layout_height (p->empty_layout);
    }

  f->y += f->s.pad;
  if (f->y + _doc_layout_height (heading) + first + f->s.pad > f->bottom && f->column + 1 < f->columns)
    {
      f->column++;
      f->y = f->y0 + f->s.pad;
    }
  f->box_top = f->y - f->s.pad;
  if (!place (f, ITEM_HEADING, s, heading, 0, first))
    return FALSE;
  f->y += f->s.gap * 1.5;

  if (keep[s] == 0 && !place (f, ITEM_EMPTY, s, p->empty_layout, 0, 0))
    return FALSE;
  for (guint i = 0; i < keep[s]; i++)
    {
      PangoLayout *l = g_ptr_array_index (p->layouts[s], i);

      if (i > 0)
        {
          _doc_layout_set_size (l, f->s.b, FALSE);
          pango_layout_set_width (l, (int) ((inner - f->s.bullet) * PANGO_SCALE));
          f->y += f->s.gap;
        }
      if (!place (f, ITEM_STATEMENT, s, l, f->s.bullet, 0))
        return FALSE;
    }
  close_box (f, s);
  f->y += f->s.pad + f->s.section_gap;
  return TRUE;
}

/* A short profile in one column leaves the bottom of the page empty: give
 * some of it to the gaps between the sections (at most twice the body
 * size each), so the page looks laid out rather than unfinished. */
static void
spread (Profile *p,
        Flow    *f)
{
  double extra = MIN ((f->bottom - f->y) / (N_SECTIONS + 1), f->s.b * 2);

  if (extra <= 0)
    return;
  for (guint i = 0; i < p->placed->len; i++)
    g_array_index (p->placed, Placed, i).y += extra * (g_array_index (p->placed, Placed, i).section + 1);
  for (guint i = 0; i < p->boxes->len; i++)
    g_array_index (p->boxes, Box, i).y += extra * (g_array_index (p->boxes, Box, i).section + 1);
}

/* Lays the profile out at body size @b in @columns columns, keeping the
 * first keep[s] statements of each section.  Stops at the first thing that
 * does not fit.  With @record, keeps where everything goes. */
static gboolean
layout_at (BespokeDocument *self,
           Profile         *p,
           double           b,
           guint            columns,
           const guint     *keep,
           gboolean         record)
{
  Flow f = { p };
  double x, y, w, h;
  g_autofree char *left_out = left_out_text (p, keep);

  _doc_content_box (self, &x, &y, &w, &h);
  f.s = scale_for (b, w);
  f.record = record;
  f.columns = columns;
  f.col_width = (w - (columns - 1) * f.s.gutter) / columns;
  f.x0 = x;
  f.y0 = y + header_height (p, &f.s, w);
  f.bottom = y + h;
  f.y = f.y0;
  if (record)
    {
      g_array_set_size (p->placed, 0);
      g_array_set_size (p->boxes, 0);
      p->photo_size = f.s.photo;
    }

  for (guint s = 0; s < N_SECTIONS; s++)
    if (!place_section (&f, s, keep))
      return FALSE;

  if (record && columns == 1 && left_out == NULL)
    spread (p, &f);
  if (left_out != NULL)
    {
      g_autofree char *markup = g_strdup_printf ("<i>%s</i>", left_out);

      pango_layout_set_markup (p->left_out_layout, markup, -1);
      _doc_layout_set_size (p->left_out_layout, f.s.b, TRUE);
      pango_layout_set_width (p->left_out_layout, (int) ((f.col_width - 2 * f.s.pad) * PANGO_SCALE));
      f.y -= f.s.section_gap * 0.5;
      if (!place (&f, ITEM_LEFT_OUT, 0, p->left_out_layout, 0, 0))
        return FALSE;
    }
  return TRUE;
}

/* ---- the auto-fit ------------------------------------------------------- */

static double
size_at (guint k)
{
  return MAX_SIZE - k * SIZE_STEP;
}

/* The largest size (smallest k) at which everything fits in @columns, by
 * bisection: a smaller type never needs more room.  Everything fits at the
 * floor. */
static guint
largest_fit (BespokeDocument *self,
             Profile         *p,
             guint            columns,
             const guint     *all)
{
  guint lo = 0, hi = N_SIZES - 1;   /* the floor (N_SIZES - 1) is known to fit */

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (layout_at (self, p, size_at (mid), columns, all, FALSE))
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

static guint
count_kept (const guint *keep)
{
  return keep[0] + keep[1] + keep[2];
}

/* At the floor, in @columns: cuts the longest sections to the largest
 * common length that fits, then lets each section take back what still
 * fits, in order. */
static void
fit_at_floor (BespokeDocument *self,
              Profile         *p,
              guint            columns,
              guint           *keep)
{
  guint lo = 0, hi = 0;

  for (guint s = 0; s < N_SECTIONS; s++)
    hi = MAX (hi, p->texts[s]->len);
  while (lo < hi)
    {
      guint cap = (lo + hi + 1) / 2;
      guint trial[N_SECTIONS];

      for (guint s = 0; s < N_SECTIONS; s++)
        trial[s] = MIN (p->texts[s]->len, cap);
      if (layout_at (self, p, MIN_SIZE, columns, trial, FALSE))
        lo = cap;
      else
        hi = cap - 1;
    }
  for (guint s = 0; s < N_SECTIONS; s++)
    keep[s] = MIN (p->texts[s]->len, lo);
  for (guint s = 0; s < N_SECTIONS; s++)
    while (keep[s] < p->texts[s]->len)
      {
        keep[s]++;
        if (!layout_at (self, p, MIN_SIZE, columns, keep, FALSE))
          {
            keep[s]--;
            break;
          }
      }
}

static void
set_overflow_warning (BespokeDocument *self,
                      Profile         *p)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_clear_pointer (&self->warning, g_free);
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      guint statements = p->texts[s]->len - p->keep[s], words = 0;

      if (statements == 0)
        continue;
      for (guint i = p->keep[s]; i < p->texts[s]->len; i++)
        words += _doc_count_words (g_ptr_array_index (p->texts[s], i));
      if (out->len > 0)
        g_string_append (out, " ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "“%s” is too long by %u words (%u statement).",
                                                "“%s” is too long by %u words (%u statements).", statements),
                              p->headings[s], words, statements);
    }
  if (out->len == 0)
    return;
  g_string_prepend (out, _("The profile does not fit on one page even at 7 pt. "));
  g_string_append (out, _(" The printed page says what was left out; print the person-centred description for everything."));
  self->warning = g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
profile_paginate (BespokeDocument  *self,
                  GError          **error)
{
  Profile *p = self->data;
  guint all[N_SECTIONS], keep_one[N_SECTIONS], keep_two[N_SECTIONS];
  gboolean fits_one, fits_two;
  guint one = N_SIZES, two = N_SIZES;

  for (guint s = 0; s < N_SECTIONS; s++)
    all[s] = p->keep[s] = p->texts[s]->len;

  /* The floor first, in each number of columns: if nothing fits there,
   * the cutting at the floor goes on with the statements just laid out
   * (Pango keeps a layout while its size and width stay), instead of
   * searching a scale that cannot hold them. */
  if (!(fits_one = layout_at (self, p, MIN_SIZE, 1, all, FALSE)))
    fit_at_floor (self, p, 1, keep_one);
  if (!(fits_two = layout_at (self, p, MIN_SIZE, 2, all, FALSE)))
    fit_at_floor (self, p, 2, keep_two);

  if (fits_one)
    one = largest_fit (self, p, 1, all);
  if (fits_two)
    two = largest_fit (self, p, 2, all);
  if (fits_one || fits_two)
    {
      p->columns = one <= two ? 1 : 2;
      p->size = size_at (MIN (one, two));
      g_clear_pointer (&self->warning, g_free);
    }
  else
    {
      p->columns = count_kept (keep_one) >= count_kept (keep_two) ? 1 : 2;
      memcpy (p->keep, p->columns == 1 ? keep_one : keep_two, sizeof p->keep);
      p->size = MIN_SIZE;
      set_overflow_warning (self, p);
    }

  self->body_size = p->size;
  if (!layout_at (self, p, p->size, p->columns, p->keep, TRUE))
    {
      /* Only a page too small for the heading and the note can get here */
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("The page is too small for a one-page profile. Choose a larger paper size or smaller margins."));
      return FALSE;
    }
  self->n_pages = 1;
  return TRUE;
}

/* ---- drawing ------------------------------------------------------------ */

static void
draw_header (BespokeDocument *self,
             Profile         *p,
             cairo_t         *cr)
{
  double x, y, w, h;
  double tx;

  _doc_content_box (self, &x, &y, &w, &h);
  _doc_draw_photo (cr, p->photo, p->full_name, x, y, p->photo_size);
  tx = x + p->photo_size + p->size * 1.5;
  _doc_set_colour (cr, TEXT_COLOUR);
  _doc_show_layout (cr, p->name_layout, tx, y, "H1");
  _doc_set_colour (cr, 0x4a515c);
  _doc_show_layout (cr, p->subtitle_layout, tx, y + _doc_layout_height (p->name_layout) + p->size * 0.3, "P");
}

static void
profile_draw (BespokeDocument *self,
              cairo_t         *cr,
              guint            page)
{
  Profile *p = self->data;
  double rule = MAX (1.5, p->size * 0.25);

  for (guint i = 0; i < p->boxes->len; i++)
    {
      Box *box = &g_array_index (p->boxes, Box, i);

      cairo_save (cr);
      _doc_rounded_rect (cr, box->x, box->y, box->w, box->h, p->size * 0.5);
      _doc_set_colour (cr, section_fill[box->section]);
      cairo_fill_preserve (cr);
      cairo_clip (cr);
      _doc_fill_rect (cr, box->x, box->y, rule, box->h, section_rule[box->section]);
      cairo_restore (cr);
    }

  draw_header (self, p, cr);

  for (guint i = 0; i < p->placed->len; i++)
    {
      Placed *item = &g_array_index (p->placed, Placed, i);

      switch (item->kind)
        {
        case ITEM_HEADING:
          _doc_set_colour (cr, TEXT_COLOUR);
          _doc_show_layout (cr, item->layout, item->x, item->y, "H2");
          break;
        case ITEM_STATEMENT:
          {
            PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
            double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

            pango_layout_iter_free (iter);
            _doc_set_colour (cr, section_rule[item->section]);
            cairo_new_path (cr);
            cairo_arc (cr, item->x - p->size * 0.65, item->y + baseline - p->size * 0.32, p->size * 0.17, 0, 2 * G_PI);
            cairo_fill (cr);
          }
          _doc_set_colour (cr, TEXT_COLOUR);
          _doc_show_layout (cr, item->layout, item->x, item->y, "P");
          break;
        case ITEM_EMPTY:
          _doc_set_colour (cr, 0x5e6570);
          _doc_show_layout (cr, item->layout, item->x, item->y, "P");
          break;
        case ITEM_LEFT_OUT:
        default:
          _doc_set_colour (cr, 0x8a1c1c);
          _doc_show_layout (cr, item->layout, item->x, item->y, "P");
          break;
        }
    }
}

/* ---- reading the profile ------------------------------------------------ */

static gboolean
load_statements (Profile       *p,
                 BespokeStore  *store,
                 BespokePerson *person,
                 GError       **error)
{
  g_autoptr(BespokeProfile) profile = bespoke_profile_load (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)), error);

  if (profile == NULL)
    return FALSE;
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      GListModel *section = bespoke_profile_get_section (profile, s);

      p->texts[s] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < g_list_model_get_n_items (section); i++)
        {
          g_autoptr(BespokeStatement) st = g_list_model_get_item (section, i);
          const char *text = bespoke_statement_get_text (st);

          if (text != NULL && *text != '\0')
            g_ptr_array_add (p->texts[s], g_strdup (text));
        }
    }
  return TRUE;
}

/* The three headings, with the staff wording for a member of staff */
const char *
_doc_section_heading (BespokePerson *person,
                      guint          section)
{
  if (section == BESPOKE_SECTION_SUPPORT && bespoke_person_get_is_staff (person))
    return _("How to support me well at work");
  return bespoke_enum_label (BESPOKE_TYPE_SECTION, (int) section);
}

static void
make_layouts (BespokeDocument *self,
              Profile         *p)
{
  g_autofree char *name = _doc_escape (p->name);
  g_autofree char *subtitle = _doc_escape (p->subtitle);
  g_autofree char *empty = g_markup_printf_escaped ("<i>%s</i>", _("Nothing written here yet."));

  p->name_layout = _doc_layout (self, name, 20, TRUE, 0);
  p->subtitle_layout = _doc_layout (self, subtitle, 10, FALSE, 0);
  p->empty_layout = _doc_layout (self, empty, 10, FALSE, 0);
  p->left_out_layout = _doc_layout (self, "", 10, TRUE, 0);
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      g_autofree char *heading = _doc_escape (p->headings[s]);

      p->heading_layouts[s] = _doc_layout (self, heading, 12, TRUE, 0);
      p->layouts[s] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < p->texts[s]->len; i++)
        {
          g_autofree char *text = _doc_escape (g_ptr_array_index (p->texts[s], i));
          g_ptr_array_add (p->layouts[s], _doc_layout (self, text, 10, FALSE, 0));
        }
    }
}

gboolean
_bespoke_document_build_profile (BespokeDocument  *self,
                                 BespokeStore     *store,
                                 BespokePerson    *person,
                                 GError          **error)
{
  Profile *p = g_new0 (Profile, 1);
  const char *full = bespoke_person_get_name (person);
  gboolean staff = bespoke_person_get_is_staff (person);

  self->data = p;
  self->free_data = (GDestroyNotify) profile_free;
  self->paginate = profile_paginate;
  self->draw = profile_draw;
  if (!load_statements (p, store, person, error))
    return FALSE;

  p->name = g_strdup (_doc_person_name (person));
  p->full_name = g_strdup (full);
  if (g_strcmp0 (p->name, full) != 0)
    p->subtitle = g_strdup_printf (staff ? _("%s · Staff one-page profile") : _("%s · One-page profile"), full);
  else
    p->subtitle = g_strdup (staff ? _("Staff one-page profile") : _("One-page profile"));
  for (guint s = 0; s < N_SECTIONS; s++)
    p->headings[s] = g_strdup (_doc_section_heading (person, s));
  p->photo = _doc_load_photo (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  p->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  p->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  make_layouts (self, p);

  self->title = g_strdup_printf (_("One-page profile: %s"), full);
  self->subject = g_strdup (staff ? _("A staff member’s one-page profile") : _("One-page profile"));
  self->footer = NULL;
  return TRUE;
}
