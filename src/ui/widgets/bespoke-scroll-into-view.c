/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-scroll-into-view"

#include "config.h"

#include "bespoke-scroll-into-view.h"

/* Scrolling a widget into view once it has its place.
 *
 * A GtkViewport scrolls to a widget when it takes the focus, but a row
 * made a moment ago has no place yet then (so it scrolls to the top), and
 * a widget that keeps the focus while rows are added above it (the
 * profile's "Add a statement…" entry) is not scrolled at all.  This waits
 * for the next layout, then scrolls the nearest scrolled window as little
 * as it can so that @widget, and @top above it, are in view. */

#define MARGIN 12
#define MAX_FRAMES 10   /* a widget still without a place after this is left */

typedef struct
{
  GtkWidget *top;      /* @widget or one of its ancestors */
  int        frames;
} Scroll;

static GtkWidget *
document_of (GtkScrolledWindow *scroller)
{
  GtkWidget *child = gtk_scrolled_window_get_child (scroller);

  return GTK_IS_VIEWPORT (child) ? gtk_viewport_get_child (GTK_VIEWPORT (child)) : NULL;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Scroll *scroll = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *document = scroller ? document_of (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  GtkAdjustment *adj;
  graphene_rect_t top_bounds, bounds;
  double top, bottom, value, page;

  if (document == NULL)
    return G_SOURCE_REMOVE;
  /* A tick comes before the frame's layout: the first one sees the
   * places from before the change.  The document's coordinates are the
   * adjustment's. */
  if (scroll->frames == 0 || gtk_widget_get_height (widget) == 0 ||
      !gtk_widget_compute_bounds (scroll->top, document, &top_bounds) ||
      !gtk_widget_compute_bounds (widget, document, &bounds))
    return ++scroll->frames < MAX_FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;

  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  top = top_bounds.origin.y - MARGIN;
  bottom = bounds.origin.y + bounds.size.height + MARGIN;
  value = gtk_adjustment_get_value (adj);
  page = gtk_adjustment_get_page_size (adj);
  if (top < value || bottom - top > page)
    gtk_adjustment_set_value (adj, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adj, bottom - page);
  return G_SOURCE_REMOVE;
}

/**
 * bespoke_scroll_into_view:
 * @widget: what must be seen, e.g. a field that has the focus
 * @top: (nullable): @widget or an ancestor whose top must be seen too, e.g.
 *   the row holding the field; %NULL for @widget
 *
 * After the next layout, scrolls @widget's scrolled window so that
 * everything from @top's top to @widget's bottom is in view (or, if that
 * is taller than the window, @top's top).
 */
void
bespoke_scroll_into_view (GtkWidget *widget,
                          GtkWidget *top)
{
  Scroll *scroll;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (top == NULL || top == widget || gtk_widget_is_ancestor (widget, top));

  scroll = g_new0 (Scroll, 1);
  scroll->top = top ? top : widget;
  gtk_widget_add_tick_callback (widget, scroll_tick_cb, scroll, g_free);
}
