/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-budget-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-budget-chart.h"
#include "bespoke-money.h"

/**
 * BespokeBudgetChart:
 *
 * Horizontal bars of what is committed, each split into parts (by product
 * kind, by provider, …), drawn against the budget.  The budget is a
 * marked line with its amount written beside it; anything past it is
 * hatched and labelled "Over budget by …", so the overspend is plain
 * without colour.
 */

#define BAR_HEIGHT   36
#define TITLE_HEIGHT 24
#define KEY_HEIGHT   22
#define GAP          18
#define MARGIN_END   8

typedef struct
{
  char   *label;
  gint64  amount;
} Part;

typedef struct
{
  char   *title;
  GArray *parts;  /* Part */
} Bar;

struct _BespokeBudgetChart
{
  GtkWidget  parent_instance;

  gint64     budget;
  GPtrArray *bars;  /* Bar */
};

G_DEFINE_FINAL_TYPE (BespokeBudgetChart, bespoke_budget_chart, GTK_TYPE_WIDGET)

/* The colours of the parts, from the GNOME palette: each is told apart by
 * its place and its words in the key too, not by colour alone. */
static const char *part_colours[] = {
  "#3584e4", "#2ec27e", "#e5a50a", "#9141ac", "#986a44", "#e66100", "#1c71d8", "#26a269",
};

static void
part_clear (gpointer data)
{
  Part *part = data;

  g_free (part->label);
}

static void
bar_free (gpointer data)
{
  Bar *bar = data;

  g_free (bar->title);
  g_array_unref (bar->parts);
  g_free (bar);
}

static gint64
bar_total (const Bar *bar)
{
  gint64 total = 0;

  for (guint i = 0; i < bar->parts->len; i++)
    total += g_array_index (bar->parts, Part, i).amount;
  return total;
}

static gint64
chart_scale (BespokeBudgetChart *self)
{
  gint64 max = MAX (self->budget, 1);

  for (guint i = 0; i < self->bars->len; i++)
    max = MAX (max, bar_total (g_ptr_array_index (self->bars, i)));
  return max;
}

static int
bar_key_lines (const Bar *bar)
{
  return MAX (1, (int) bar->parts->len);
}

static void
bespoke_budget_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  BespokeBudgetChart *self = BESPOKE_BUDGET_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 600;
    }
  else
    {
      int height = TITLE_HEIGHT; /* the budget's line label */

      for (guint i = 0; i < self->bars->len; i++)
        height += TITLE_HEIGHT + BAR_HEIGHT + TITLE_HEIGHT
                  + KEY_HEIGHT * bar_key_lines (g_ptr_array_index (self->bars, i)) + GAP;
      *minimum = *natural = height;
    }
}

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static void
draw_text (GtkWidget   *widget,
           GtkSnapshot *snapshot,
           const char  *text,
           float        x,
           float        y,
           int          max_width,
           gboolean     bold,
           const GdkRGBA *colour)
{
  g_autoptr(PangoLayout) layout = make_layout (widget, text, bold);

  pango_layout_set_width (layout, MAX (max_width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
draw_hatching (GtkSnapshot          *snapshot,
               const graphene_rect_t *rect,
               const GdkRGBA        *colour)
{
  /* diagonal stripes, clipped to the overspend */
  gtk_snapshot_push_clip (snapshot, rect);
  for (float x = rect->origin.x - rect->size.height; x < rect->origin.x + rect->size.width; x += 10)
    {
      for (float d = 0; d < rect->size.height; d += 2)
        gtk_snapshot_append_color (snapshot, colour,
                                   &GRAPHENE_RECT_INIT (x + d, rect->origin.y + rect->size.height - d - 2, 4, 2));
    }
  gtk_snapshot_pop (snapshot);
}

static void
bespoke_budget_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  BespokeBudgetChart *self = BESPOKE_BUDGET_CHART (widget);
  int width = gtk_widget_get_width (widget) - MARGIN_END;
  GdkRGBA fg;
  GdkRGBA track;
  GdkRGBA danger = { 0.75f, 0.11f, 0.16f, 1.0f };
  gint64 scale = chart_scale (self);
  float budget_x;
  float y = 0;
  g_autofree char *budget_text = NULL;
  g_autofree char *budget_label = NULL;

  if (width <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  /* the theme's error colour reads on light and dark alike */
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "error_color", &danger);
  track = fg;
  track.alpha = 0.12f;

  budget_x = (float) ((double) width * (double) self->budget / (double) scale);

  budget_text = bespoke_money_format (self->budget);
  /* Translators: the marker of the budget on the chart */
  budget_label = g_strdup_printf (_("▼ Budget %s"), budget_text);
  {
    g_autoptr(PangoLayout) layout = make_layout (widget, budget_label, TRUE);
    int text_width;

    pango_layout_get_pixel_size (layout, &text_width, NULL);
    draw_text (widget, snapshot, budget_label,
               CLAMP (budget_x - 6, 0, MAX (0, width - text_width)), 0, width, TRUE, &fg);
  }
  y = TITLE_HEIGHT;

  for (guint b = 0; b < self->bars->len; b++)
    {
      Bar *bar = g_ptr_array_index (self->bars, b);
      gint64 total = bar_total (bar);
      float x = 0;
      float bar_y;

      draw_text (widget, snapshot, bar->title, 0, y, width, TRUE, &fg);
      y += TITLE_HEIGHT;
      bar_y = y;

      gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (0, bar_y, width, BAR_HEIGHT));

      for (guint i = 0; i < bar->parts->len; i++)
        {
          Part *part = &g_array_index (bar->parts, Part, i);
          float w = (float) ((double) width * (double) MAX (part->amount, 0) / (double) scale);
          GdkRGBA colour;

          gdk_rgba_parse (&colour, part_colours[i % G_N_ELEMENTS (part_colours)]);
          gtk_snapshot_append_color (snapshot, &colour, &GRAPHENE_RECT_INIT (x, bar_y, w, BAR_HEIGHT));
          /* a thin gap between parts, so they read as separate blocks */
          if (i > 0)
            gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 0.9f },
                                       &GRAPHENE_RECT_INIT (x, bar_y, 2, BAR_HEIGHT));
          x += w;
        }

      if (total > self->budget)
        {
          GdkRGBA hatch = { 1, 1, 1, 0.85f };
          graphene_rect_t over = GRAPHENE_RECT_INIT (budget_x, bar_y, x - budget_x, BAR_HEIGHT);

          draw_hatching (snapshot, &over, &hatch);
          gtk_snapshot_append_color (snapshot, &danger,
                                     &GRAPHENE_RECT_INIT (budget_x, bar_y + BAR_HEIGHT - 4, x - budget_x, 4));
        }

      /* the budget line crosses every bar */
      gtk_snapshot_append_color (snapshot, &fg, &GRAPHENE_RECT_INIT (MIN (budget_x, width - 3), bar_y - 4, 3, BAR_HEIGHT + 8));
      y += BAR_HEIGHT + 4;

      {
        g_autofree char *total_text = bespoke_money_format (total);
        g_autofree char *line = NULL;

        if (total > self->budget)
          {
            g_autofree char *over = bespoke_money_format (total - self->budget);
            /* Translators: under a bar of the budget chart */
            line = g_strdup_printf (_("⚠ %s committed: over budget by %s"), total_text, over);
            draw_text (widget, snapshot, line, 0, y, width, TRUE, &danger);
          }
        else
          {
            g_autofree char *left = bespoke_money_format (self->budget - total);
            /* Translators: under a bar of the budget chart */
            line = g_strdup_printf (_("%s committed, %s left"), total_text, left);
            draw_text (widget, snapshot, line, 0, y, width, FALSE, &fg);
          }
        y += TITLE_HEIGHT - 4;
      }

      /* the key: a swatch, the words and the amount of each part */
      for (guint i = 0; i < bar->parts->len; i++)
        {
          Part *part = &g_array_index (bar->parts, Part, i);
          g_autofree char *amount = bespoke_money_format (part->amount);
          g_autofree char *text = g_strdup_printf ("%s  %s", part->label, amount);
          GdkRGBA colour;

          gdk_rgba_parse (&colour, part_colours[i % G_N_ELEMENTS (part_colours)]);
          gtk_snapshot_append_color (snapshot, &colour, &GRAPHENE_RECT_INIT (0, y + 4, 12, 12));
          draw_text (widget, snapshot, text, 20, y, width - 20, FALSE, &fg);
          y += KEY_HEIGHT;
        }
      if (bar->parts->len == 0)
        {
          draw_text (widget, snapshot, _("Nothing paid is planned yet."), 0, y, width, FALSE, &fg);
          y += KEY_HEIGHT;
        }
      y += GAP;
    }
}

static void
bespoke_budget_chart_finalize (GObject *object)
{
  BespokeBudgetChart *self = BESPOKE_BUDGET_CHART (object);

  g_clear_pointer (&self->bars, g_ptr_array_unref);

  G_OBJECT_CLASS (bespoke_budget_chart_parent_class)->finalize (object);
}

static void
bespoke_budget_chart_class_init (BespokeBudgetChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bespoke_budget_chart_finalize;
  widget_class->measure = bespoke_budget_chart_measure;
  widget_class->snapshot = bespoke_budget_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "budgetchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bespoke_budget_chart_init (BespokeBudgetChart *self)
{
  self->bars = g_ptr_array_new_with_free_func (bar_free);
}

GtkWidget *
bespoke_budget_chart_new (void)
{
  return g_object_new (BESPOKE_TYPE_BUDGET_CHART, NULL);
}

/**
 * bespoke_budget_chart_clear:
 *
 * Removes every bar and sets the budget the next bars are drawn against.
 */
void
bespoke_budget_chart_clear (BespokeBudgetChart *self,
                            gint64              budget)
{
  g_return_if_fail (BESPOKE_IS_BUDGET_CHART (self));

  g_ptr_array_set_size (self->bars, 0);
  self->budget = MAX (budget, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
bespoke_budget_chart_add_bar (BespokeBudgetChart *self,
                              const char         *title)
{
  Bar *bar;

  g_return_if_fail (BESPOKE_IS_BUDGET_CHART (self));

  bar = g_new0 (Bar, 1);
  bar->title = g_strdup (title);
  bar->parts = g_array_new (FALSE, TRUE, sizeof (Part));
  g_array_set_clear_func (bar->parts, part_clear);
  g_ptr_array_add (self->bars, bar);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * bespoke_budget_chart_add_part:
 *
 * Adds a part to the last bar, adding to a part of the same label.
 */
void
bespoke_budget_chart_add_part (BespokeBudgetChart *self,
                               const char         *label,
                               gint64              amount)
{
  Bar *bar;
  Part part;

  g_return_if_fail (BESPOKE_IS_BUDGET_CHART (self));
  g_return_if_fail (self->bars->len > 0);

  bar = g_ptr_array_index (self->bars, self->bars->len - 1);
  for (guint i = 0; i < bar->parts->len; i++)
    {
      Part *p = &g_array_index (bar->parts, Part, i);

      if (g_strcmp0 (p->label, label) == 0)
        {
          p->amount += amount;
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return;
        }
    }
  part.label = g_strdup (label);
  part.amount = amount;
  g_array_append_val (bar->parts, part);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * bespoke_budget_chart_describe:
 *
 * Returns: the chart in words, for its accessible description.
 */
char *
bespoke_budget_chart_describe (BespokeBudgetChart *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *budget = bespoke_money_format (self->budget);

  g_string_append_printf (out, _("Budget %s."), budget);
  for (guint b = 0; b < self->bars->len; b++)
    {
      Bar *bar = g_ptr_array_index (self->bars, b);

      g_string_append_printf (out, " %s:", bar->title);
      for (guint i = 0; i < bar->parts->len; i++)
        {
          Part *part = &g_array_index (bar->parts, Part, i);
          g_autofree char *amount = bespoke_money_format (part->amount);

          g_string_append_printf (out, "%s %s %s", i > 0 ? "," : "", part->label, amount);
        }
      g_string_append_c (out, '.');
    }
  return g_string_free (out, FALSE);
}
