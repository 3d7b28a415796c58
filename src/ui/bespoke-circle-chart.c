/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-circle-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "bespoke-circle-chart.h"
#include "bespoke-circle-member.h"
#include "bespoke-enums.h"
#include "bespoke-types.h"

#define N_RINGS 4
#define DOT_SIZE 10.0
#define LABEL_WIDTH 120

/**
 * BespokeCircleChart:
 *
 * A relationship circle: the person in the middle and four rings around
 * them, from the people closest to them (intimate) out to the people paid
 * to be there, each member drawn as a dot with their name in their ring.
 * It draws with #GtkSnapshot; its accessible description lists everyone.
 * The rings' names are in a key beside it (see #BespokeCirclePage).
 */
struct _BespokeCircleChart
{
  GtkWidget   parent_instance;

  GPtrArray  *members[N_RINGS];   /* BespokeCircleMember, in order */
  char       *centre_name;
};

G_DEFINE_FINAL_TYPE (BespokeCircleChart, bespoke_circle_chart, GTK_TYPE_WIDGET)

/* A tint for each ring, from the inside out; translucent, so that it reads
 * on a light and on a dark background. */
static const GdkRGBA ring_colours[N_RINGS] = {
  { 0.88f, 0.11f, 0.14f, 0.20f },  /* intimate: red */
  { 0.96f, 0.47f, 0.00f, 0.20f },  /* friends: orange */
  { 0.15f, 0.64f, 0.41f, 0.20f },  /* community: green */
  { 0.21f, 0.52f, 0.89f, 0.20f },  /* paid: blue */
};

/* Each ring's outer radius, as a share of the whole circle's */
static const float ring_radii[N_RINGS] = { 0.42f, 0.62f, 0.81f, 1.0f };
#define CENTRE_RADIUS 0.17f

/* How far round each ring's first member is turned from the bottom, in
 * radians: alternately left and right, so that rings of one or two people
 * do not put their names on top of each other. */
static const double ring_turns[N_RINGS] = { 0.0, 0.8, -0.8, 1.6 };

static void
append_disc (GtkSnapshot     *snapshot,
             float            cx,
             float            cy,
             float            radius,
             const GdkRGBA   *fill,
             const GdkRGBA   *line)
{
  GskRoundedRect disc;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA lines[4] = { *line, *line, *line, *line };

  gsk_rounded_rect_init_from_rect (&disc, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &disc);
  gtk_snapshot_append_color (snapshot, fill, &bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &disc, widths, lines);
}

static void
append_text (BespokeCircleChart *self,
             GtkSnapshot        *snapshot,
             const char         *text,
             float               x,
             float               y,
             int                 max_width,
             gboolean            bold,
             double              scale,
             const GdkRGBA      *colour)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));
  int widget_width = gtk_widget_get_width (GTK_WIDGET (self));
  PangoRectangle ink, logical;
  float left;

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * scale));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (layout, max_width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -2);   /* two lines at most */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_extents (layout, &ink, &logical);

  /* Centred on x, but kept inside the widget */
  left = x - max_width / 2.0f;
  if (left + logical.x < 0)
    left = -logical.x;
  if (left + logical.x + logical.width > widget_width)
    left = widget_width - logical.x - logical.width;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (left, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
bespoke_circle_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  BespokeCircleChart *self = BESPOKE_CIRCLE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float radius = MIN (width, height) / 2.0f - 2;
  float cx = width / 2.0f;
  float cy = height / 2.0f;
  GdkRGBA fg;
  GdkRGBA line, dot;

  if (radius <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  line = fg;
  line.alpha = 0.25f;

  for (int ring = N_RINGS - 1; ring >= 0; ring--)
    append_disc (snapshot, cx, cy, radius * ring_radii[ring], &ring_colours[ring], &line);
  {
    GdkRGBA centre = fg;

    centre.alpha = 0.08f;
    append_disc (snapshot, cx, cy, radius * CENTRE_RADIUS, &centre, &line);
  }

  /* The person, in the middle */
  if (self->centre_name != NULL)
    append_text (self, snapshot, self->centre_name, cx, cy - 10, (int) (radius * CENTRE_RADIUS * 1.9f),
                 TRUE, 1.0, &fg);

  for (int ring = 0; ring < N_RINGS; ring++)
    {
      float inner = radius * (ring == 0 ? CENTRE_RADIUS : ring_radii[ring - 1]);
      float outer = radius * ring_radii[ring];
      float middle = (inner + outer) / 2.0f;
      guint n = self->members[ring]->len;
      int label_width = MIN (LABEL_WIDTH, (int) (radius * 0.6f));

      dot = ring_colours[ring];
      dot.alpha = 1.0f;
      for (guint i = 0; i < n; i++)
        {
          BespokeCircleMember *member = g_ptr_array_index (self->members[ring], i);
          /* From the bottom round, where a name has the most room; each
           * ring a little turned from the last, so names do not line up. */
          double angle = G_PI / 2 + ring_turns[ring] + i * 2 * G_PI / n;
          float r = middle;
          float x, y;
          GskRoundedRect dot_rect;

          if (n > 6)
            r += (i % 2 ? 1 : -1) * (outer - inner) / 5.0f;
          x = cx + r * cos (angle);
          y = cy + r * sin (angle);

          gsk_rounded_rect_init_from_rect (&dot_rect,
                                           &GRAPHENE_RECT_INIT (x - DOT_SIZE / 2, y - DOT_SIZE / 2 - 8, DOT_SIZE, DOT_SIZE),
                                           DOT_SIZE / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &dot_rect);
          gtk_snapshot_append_color (snapshot, &dot, &dot_rect.bounds);
          gtk_snapshot_pop (snapshot);

          append_text (self, snapshot, bespoke_circle_member_get_name (member),
                       x, y - 1, label_width, FALSE, 0.9, &fg);
        }
    }
}

static void
bespoke_circle_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = 280;
  *natural = 560;
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > 0)
    *minimum = *natural = CLAMP (for_size, 280, 560);
}

static GtkSizeRequestMode
bespoke_circle_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
update_description (BespokeCircleChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int ring = 0; ring < N_RINGS; ring++)
    {
      if (self->members[ring]->len == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: ", bespoke_enum_label (BESPOKE_TYPE_RING, ring));
      for (guint i = 0; i < self->members[ring]->len; i++)
        {
          BespokeCircleMember *member = g_ptr_array_index (self->members[ring], i);

          g_string_append_printf (text, "%s%s", i ? ", " : "", bespoke_circle_member_get_name (member));
        }
    }
  if (text->len == 0)
    g_string_assign (text, _("No one is in the circle yet."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
bespoke_circle_chart_finalize (GObject *object)
{
  BespokeCircleChart *self = (BespokeCircleChart *)object;

  for (int ring = 0; ring < N_RINGS; ring++)
    g_clear_pointer (&self->members[ring], g_ptr_array_unref);
  g_clear_pointer (&self->centre_name, g_free);

  G_OBJECT_CLASS (bespoke_circle_chart_parent_class)->finalize (object);
}

static void
bespoke_circle_chart_class_init (BespokeCircleChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bespoke_circle_chart_finalize;
  widget_class->snapshot = bespoke_circle_chart_snapshot;
  widget_class->measure = bespoke_circle_chart_measure;
  widget_class->get_request_mode = bespoke_circle_chart_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "circlechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bespoke_circle_chart_init (BespokeCircleChart *self)
{
  for (int ring = 0; ring < N_RINGS; ring++)
    self->members[ring] = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship circle"),
                                  -1);
  update_description (self);
}

GtkWidget *
bespoke_circle_chart_new (void)
{
  return g_object_new (BESPOKE_TYPE_CIRCLE_CHART, NULL);
}

/**
 * bespoke_circle_chart_set_members:
 * @members: (nullable): a model of #BespokeCircleMember
 * @centre_name: (nullable): the name shown in the middle
 *
 * Draws these members; the chart keeps them, not the model.
 */
void
bespoke_circle_chart_set_members (BespokeCircleChart *self,
                                  GListModel         *members,
                                  const char         *centre_name)
{
  g_return_if_fail (BESPOKE_IS_CIRCLE_CHART (self));
  g_return_if_fail (members == NULL || G_IS_LIST_MODEL (members));

  for (int ring = 0; ring < N_RINGS; ring++)
    g_ptr_array_set_size (self->members[ring], 0);

  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      BespokeCircleMember *member = g_list_model_get_item (members, i);
      BespokeRing ring = bespoke_circle_member_get_ring (member);

      g_ptr_array_add (self->members[CLAMP ((int) ring, 0, N_RINGS - 1)], member);
    }

  g_free (self->centre_name);
  self->centre_name = g_strdup (centre_name);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bespoke_circle_chart_get_n_in_ring:
 *
 * Returns: how many people are drawn in @ring (a #BespokeRing)
 */
guint
bespoke_circle_chart_get_n_in_ring (BespokeCircleChart *self,
                                    int                 ring)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_CHART (self), 0);
  g_return_val_if_fail (ring >= 0 && ring < N_RINGS, 0);
  return self->members[ring]->len;
}
