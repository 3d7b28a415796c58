/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-page-thumbnail"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-core.h"
#include "bespoke-document.h"
#include "bespoke-page-thumbnail.h"

/**
 * BespokePageThumbnail:
 *
 * A person's one-page profile as it prints, small, with the type size the
 * auto-fit chose ("Fits on one page at 10.5 pt").  When even the smallest
 * type cannot hold it, it says what is left out and offers the
 * person-centred description (win.save-pdf "description") instead.
 *
 * The page is laid out and drawn by the document layer (BespokeDocument),
 * exactly as the PDF is, into an image once per change to the store, from
 * an idle, and only while the thumbnail is on screen: it is never on the
 * path of a keystroke.
 */

/* the image's width in pixels, before the display's scale */
#define THUMBNAIL_WIDTH 150

struct _BespokePageThumbnail
{
  GtkWidget     parent_instance;

  BespokeStore *store;
  char         *person_uuid;
  gulong        changed_id;
  guint         render_id;
  gboolean      stale;         /* changed while not on screen */
  guint         render_count;

  GtkPicture   *picture;
  GtkLabel     *caption_label;
  GtkLabel     *warning_label;
  GtkButton    *description_button;
};

G_DEFINE_FINAL_TYPE (BespokePageThumbnail, bespoke_page_thumbnail, GTK_TYPE_WIDGET)

/* "10.5", "14": the type size as people read it */
static char *
points_text (double points)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  int tenths = (int) (points * 10 + 0.5);

  if (tenths % 10 == 0)
    return g_strdup_printf ("%d", tenths / 10);
  g_ascii_formatd (buffer, sizeof buffer, "%.1f", tenths / 10.0);
  return g_strdup (buffer);
}

static GdkTexture *
render_page (BespokeDocument *document,
             int              scale)
{
  int width = THUMBNAIL_WIDTH * scale;
  int height = (int) (width * BESPOKE_DOCUMENT_A4_HEIGHT / BESPOKE_DOCUMENT_A4_WIDTH + 0.5);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / BESPOKE_DOCUMENT_A4_WIDTH, width / BESPOKE_DOCUMENT_A4_WIDTH);
  bespoke_document_draw_page (document, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * (gsize) height);
  {
    GdkTexture *texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                                  (gsize) cairo_image_surface_get_stride (surface));
    cairo_surface_destroy (surface);
    return texture;
  }
}

static void
show_document (BespokePageThumbnail *self,
               BespokeDocument      *document)
{
  const char *warning = bespoke_document_get_warning (document);
  g_autoptr(GdkTexture) texture = render_page (document, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  g_autofree char *points = points_text (bespoke_document_get_body_size (document));
  g_autofree char *caption = NULL;

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  if (warning == NULL)
    /* Translators: %s is a type size in points, e.g. "10.5" */
    caption = g_strdup_printf (_("Fits on one page at %s\u00a0pt"), points);
  else
    caption = g_strdup_printf (_("Too long for one page, even at %s\u00a0pt"), points);
  gtk_label_set_label (self->caption_label, caption);
  gtk_label_set_label (self->warning_label, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->description_button), warning != NULL);
}

static void
render (BespokePageThumbnail *self)
{
  g_autoptr(BespokeDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;
  if (self->store == NULL || self->person_uuid == NULL)
    return;
  self->render_count++;
  if (!(document = bespoke_document_new (self->store, BESPOKE_DOCUMENT_PROFILE, self->person_uuid, NULL, &error)) ||
      !bespoke_document_paginate (document, NULL, BESPOKE_DOCUMENT_A4_WIDTH, BESPOKE_DOCUMENT_A4_HEIGHT,
                                  BESPOKE_DOCUMENT_PDF_MARGIN, BESPOKE_DOCUMENT_PDF_MARGIN,
                                  BESPOKE_DOCUMENT_PDF_MARGIN, BESPOKE_DOCUMENT_PDF_MARGIN, &error))
    {
      gtk_picture_set_paintable (self->picture, NULL);
      gtk_label_set_label (self->caption_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->warning_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->description_button), FALSE);
      return;
    }
  show_document (self, document);
}

static gboolean
render_cb (gpointer data)
{
  BespokePageThumbnail *self = data;

  self->render_id = 0;
  render (self);
  return G_SOURCE_REMOVE;
}

/* Once per burst of changes, when idle; later, if not on screen */
static void
schedule_render (BespokePageThumbnail *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->render_id == 0)
    self->render_id = g_idle_add_full (G_PRIORITY_LOW, render_cb, self, NULL);
}

static void
on_store_changed_cb (BespokeStore         *store,
                     GType                 type,
                     const char           *uuid,
                     BespokePageThumbnail *self)
{
  /* what a profile is made of: the person (names, photo) and statements */
  if (type == BESPOKE_TYPE_RECORD || type == BESPOKE_TYPE_PERSON ||
      type == BESPOKE_TYPE_STATEMENT || type == BESPOKE_TYPE_PROFILE)
    schedule_render (self);
}

/**
 * bespoke_page_thumbnail_set_person:
 * @store: (nullable)
 * @person_uuid: (nullable): whose profile, or none
 */
void
bespoke_page_thumbnail_set_person (BespokePageThumbnail *self,
                                   BespokeStore         *store,
                                   const char           *person_uuid)
{
  g_return_if_fail (BESPOKE_IS_PAGE_THUMBNAIL (self));
  g_return_if_fail (store == NULL || BESPOKE_IS_STORE (store));

  if (self->store != store)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
    }
  if (g_strcmp0 (self->person_uuid, person_uuid) != 0 || self->stale)
    {
      g_free (self->person_uuid);
      self->person_uuid = g_strdup (person_uuid);
      schedule_render (self);
    }
}

/**
 * bespoke_page_thumbnail_get_caption:
 *
 * Returns: the type size sentence shown under the page
 */
const char *
bespoke_page_thumbnail_get_caption (BespokePageThumbnail *self)
{
  g_return_val_if_fail (BESPOKE_IS_PAGE_THUMBNAIL (self), NULL);

  return gtk_label_get_label (self->caption_label);
}

/* How many times the page was drawn: once per burst of changes */
guint
bespoke_page_thumbnail_get_render_count (BespokePageThumbnail *self)
{
  g_return_val_if_fail (BESPOKE_IS_PAGE_THUMBNAIL (self), 0);

  return self->render_count;
}

static void
bespoke_page_thumbnail_map (GtkWidget *widget)
{
  BespokePageThumbnail *self = BESPOKE_PAGE_THUMBNAIL (widget);

  GTK_WIDGET_CLASS (bespoke_page_thumbnail_parent_class)->map (widget);

  if (self->stale)
    schedule_render (self);
}

static void
bespoke_page_thumbnail_dispose (GObject *object)
{
  BespokePageThumbnail *self = BESPOKE_PAGE_THUMBNAIL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->render_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->person_uuid, g_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bespoke_page_thumbnail_parent_class)->dispose (object);
}

static void
bespoke_page_thumbnail_class_init (BespokePageThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_page_thumbnail_dispose;
  widget_class->map = bespoke_page_thumbnail_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-page-thumbnail.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokePageThumbnail, picture);
  gtk_widget_class_bind_template_child (widget_class, BespokePageThumbnail, caption_label);
  gtk_widget_class_bind_template_child (widget_class, BespokePageThumbnail, warning_label);
  gtk_widget_class_bind_template_child (widget_class, BespokePageThumbnail, description_button);
}

static void
bespoke_page_thumbnail_init (BespokePageThumbnail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bespoke_page_thumbnail_new (void)
{
  return g_object_new (BESPOKE_TYPE_PAGE_THUMBNAIL, NULL);
}
