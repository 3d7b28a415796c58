/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-document-private.h"

/* The pieces every document is drawn with: text through Pango, colours,
 * photos, and the few facts about a person and a plan that documents
 * print. */

/**
 * _doc_pango_context:
 *
 * A context of our own at 72 dpi (so a 10 pt font is 10 units: points on
 * a PDF or a GtkPrintContext set to points) with hinting off, so that text
 * measures the same for a thumbnail, a printer and a PDF.
 */
PangoContext *
_doc_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("en-gb"));
  return context;
}

void
_doc_layout_set_size (PangoLayout *layout,
                      double       size,
                      gboolean     bold)
{
  PangoFontDescription *font = pango_font_description_from_string (DOC_FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE + 0.5));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

/* A layout of @markup at @size points, wrapped at @width points (0: not
 * wrapped).  A family that is missing falls back through the list to
 * whatever fontconfig has: never an error. */
PangoLayout *
_doc_layout (BespokeDocument *self,
             const char      *markup,
             double           size,
             gboolean         bold,
             double           width)
{
  PangoLayout *layout = pango_layout_new (self->pango);

  _doc_layout_set_size (layout, size, bold);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_markup (layout, markup ? markup : "", -1);
  return layout;
}

double
_doc_layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* Draws @layout with its top-left at (@x, @y), as a tagged structure
 * element (@tag: "P", "H1", "TD", …) when @tag is not NULL. */
void
_doc_show_layout (cairo_t     *cr,
                  PangoLayout *layout,
                  double       x,
                  double       y,
                  const char  *tag)
{
  if (tag != NULL)
    cairo_tag_begin (cr, tag, NULL);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  if (tag != NULL)
    cairo_tag_end (cr, tag);
}

void
_doc_set_colour (cairo_t *cr,
                 guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

void
_doc_fill_rect (cairo_t *cr,
                double   x,
                double   y,
                double   w,
                double   h,
                guint32  rgb)
{
  cairo_save (cr);
  _doc_set_colour (cr, rgb);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
_doc_rounded_rect (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* @text escaped for Pango markup; never NULL. */
char *
_doc_escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

char *
_doc_money (gint64 pence)
{
  return bespoke_money_format (pence);
}

guint
_doc_count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int n = gdk_pixbuf_get_n_channels (pixbuf), in_stride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guchar *in = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
  int out_stride = cairo_image_surface_get_stride (surface);
  guchar *out;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;
  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = in + y * in_stride + x * n;
        guint a = alpha ? p[3] : 255;
        guint32 pixel = (a << 24) | ((p[0] * a / 255) << 16) | ((p[1] * a / 255) << 8) | (p[2] * a / 255);

        memcpy (out + y * out_stride + x * 4, &pixel, 4);
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/**
 * _doc_load_photo:
 *
 * The person's photo as a Cairo image, or %NULL if they have none or it
 * cannot be read (a document without its photo is still a document).  A
 * JPEG keeps its own bytes as the image's MIME data, so that a PDF embeds
 * the photo as it is instead of a bitmap many times its size.
 */
cairo_surface_t *
_doc_load_photo (BespokeStore *store,
                 const char   *person_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mime = NULL;
  g_autoptr(GBytes) bytes = bespoke_store_get_photo (store, person_uuid, &mime, &error);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  GdkPixbuf *pixbuf;
  cairo_surface_t *surface;
  gboolean written, closed;

  if (bytes == NULL)
    return NULL;

  loader = gdk_pixbuf_loader_new ();
  written = gdk_pixbuf_loader_write_bytes (loader, bytes, &error);
  closed = gdk_pixbuf_loader_close (loader, written ? &error : NULL);
  if (!written || !closed || (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_debug ("The photo of %s cannot be read: %s", person_uuid, error ? error->message : "no picture");
      return NULL;
    }

  surface = surface_from_pixbuf (pixbuf);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  if (g_strcmp0 (mime, "image/jpeg") == 0)
    cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG,
                                 g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (bytes));
  return surface;
}

static char *
initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name ? name : "", " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL && out->len < 8; i++)
    if (*words[i] != '\0' && (i == 0 || words[i + 1] == NULL))
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (words[i])));
  return g_string_free (out, FALSE);
}

/* The photo, cropped to a square of @size with rounded corners; or, with no
 * photo, the person's initials in a pale circle. */
void
_doc_draw_photo (cairo_t         *cr,
                 cairo_surface_t *photo,
                 const char      *name,
                 double           x,
                 double           y,
                 double           size)
{
  cairo_save (cr);
  cairo_tag_begin (cr, "Figure", NULL);
  if (photo != NULL)
    {
      int w = cairo_image_surface_get_width (photo), h = cairo_image_surface_get_height (photo);
      double scale = size / MIN (w, h);

      _doc_rounded_rect (cr, x, y, size, size, size / 12);
      cairo_clip (cr);
      cairo_translate (cr, x + (size - w * scale) / 2, y + (size - h * scale) / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, photo, 0, 0);
      cairo_paint (cr);
    }
  else
    {
      g_autofree char *letters = initials (name);
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string (DOC_FONT_FAMILY " Bold");
      PangoRectangle ink;

      cairo_arc (cr, x + size / 2, y + size / 2, size / 2, 0, 2 * G_PI);
      _doc_set_colour (cr, 0xe3e7ee);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 0.75);
      _doc_set_colour (cr, 0x9aa3b0);
      cairo_stroke (cr);

      pango_font_description_set_absolute_size (font, size * 0.36 * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, letters, -1);
      pango_layout_get_pixel_extents (layout, &ink, NULL);
      _doc_set_colour (cr, 0x3d4654);
      cairo_move_to (cr, x + (size - ink.width) / 2 - ink.x, y + (size - ink.height) / 2 - ink.y);
      pango_cairo_show_layout (cr, layout);
      pango_font_description_free (font);
      g_object_unref (layout);
    }
  cairo_tag_end (cr, "Figure");
  cairo_restore (cr);
}

BespokePerson *
_doc_load_person (BespokeStore  *store,
                  const char    *uuid,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  BespokePerson *person = bespoke_store_load (store, BESPOKE_TYPE_PERSON, uuid, &local_error);

  if (person == NULL && local_error == NULL)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                 _("There is no person with the id %s. Choose someone from the list of people."), uuid);
  else if (person == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return person;
}

/* The person's current plan, or an error that says there is none. */
BespokePlan *
_doc_current_plan (BespokeStore   *store,
                   BespokePerson  *person,
                   GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  BespokePlan *plan = bespoke_plans_find_current (store, bespoke_record_get_uuid (BESPOKE_RECORD (person)), &local_error);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (plan == NULL)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND,
                 _("%s has no support plan yet. Make one on their Plan page first."),
                 bespoke_person_get_name (person));
  return plan;
}

/* The name a person goes by: their preferred name, or their name. */
const char *
_doc_person_name (BespokePerson *person)
{
  const char *preferred = bespoke_person_get_preferred_name (person);

  return preferred != NULL && *preferred != '\0' ? preferred : bespoke_person_get_name (person);
}

/* "1 January 2027 – 31 December 2027" */
char *
_doc_plan_period (BespokePlan *plan)
{
  g_autofree char *start = bespoke_date_format_long (bespoke_plan_get_period_start (plan));
  g_autofree char *end = bespoke_date_format_long (bespoke_plan_get_period_end (plan));

  return g_strdup_printf ("%s – %s", start ? start : "?", end ? end : "?");
}

void
_doc_content_box (BespokeDocument *self,
                  double          *x,
                  double          *y,
                  double          *w,
                  double          *h)
{
  *x = self->margin_left;
  *y = self->margin_top;
  *w = self->page_width - self->margin_left - self->margin_right;
  *h = self->page_height - self->margin_top - self->margin_bottom;
}

/* "Plan for Paul Roberts, …" on the left and "Page 2 of 5" on the right, in
 * the bottom margin. */
void
_doc_draw_footer (BespokeDocument *self,
                  cairo_t         *cr,
                  guint            page)
{
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autofree char *left = _doc_escape (self->footer ? self->footer : self->title);
  g_autofree char *right = _doc_escape (number);
  double x, y, w, h;
  PangoLayout *l, *r;

  _doc_content_box (self, &x, &y, &w, &h);
  l = _doc_layout (self, left, 8, FALSE, w * 0.75);
  r = _doc_layout (self, right, 8, FALSE, 0);
  y += h + MIN (14, self->margin_bottom / 3);

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  _doc_set_colour (cr, 0xb0b6bf);
  cairo_move_to (cr, x, y - 4);
  cairo_line_to (cr, x + w, y - 4);
  cairo_stroke (cr);
  _doc_set_colour (cr, 0x505761);
  _doc_show_layout (cr, l, x, y, "P");
  {
    int rw, rh;
    pango_layout_get_size (r, &rw, &rh);
    _doc_show_layout (cr, r, x + w - (double) rw / PANGO_SCALE, y, "P");
  }
  cairo_restore (cr);
  g_object_unref (l);
  g_object_unref (r);
}
