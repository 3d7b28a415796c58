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
#define DOT_SIZE 10.0f
#define DOT_GAP 4.0f       /* between a dot and its name */
#define LABEL_PADDING 2.0f /* kept clear round every label, so two are never closer than twice it */
#define RING_MARGIN 2.0f   /* kept clear inside each ring's edges */
#define MORE_CLEARANCE 8.0f /* between a "+K more" and another ring's labels */

/* The smallest the names may be, as a share of the usual text size: below
 * this they are not shrunk further, and the names that do not fit are
 * counted in a "+3 more" label instead (the list beside has everyone). */
#define MIN_TEXT_SCALE 0.75

/**
 * BespokeCircleChart:
 *
 * A relationship circle: the person in the middle and four rings around
 * them, from the people closest to them (intimate) out to the people paid
 * to be there, each member drawn as a dot with their name in their ring.
 * It draws with #GtkSnapshot; its accessible description lists everyone.
 * The rings' names are in a key beside it (see #BespokeCirclePage).
 *
 * Names are laid out once for each size and set of members (not at every
 * frame), ring by ring from the inside: round each ring from the bottom,
 * in order, as evenly spread as they go, each name's dot in its ring and
 * the name clear of every other.  A ring with more people than fit has its
 * names in one line, then smaller, down to %MIN_TEXT_SCALE; beyond that it
 * shows the first names that fit and "+K more" (the list beside has
 * everyone, and so has the accessible description).  If the rings at their
 * usual widths cannot name everyone in full, they are made wider where the
 * people are, if that names more of them (see lay_out()).
 */

typedef enum
{
  STYLE_DOT_ABOVE,   /* the dot above the name, which may take two lines */
  STYLE_DOT_BESIDE,  /* the dot beside the name, on one line, on the side nearer the middle */
  STYLE_MORE,        /* "+3 more": no dot, on a pill of the ring's colour */
} LabelStyle;

typedef struct
{
  PangoLayout     *layout;
  LabelStyle       style;
  int              ring;
  graphene_rect_t  area;   /* the dot and the text, without the padding */
  graphene_point_t dot;    /* its centre */
  graphene_point_t text;   /* where the layout is drawn */
} Label;

/* How one attempt draws a ring's names */
typedef struct
{
  LabelStyle style;
  double     scale;
  int        max_lines;
  double     width_share;   /* the widest a name may be, as a share of the radius… */
  int        max_width;     /* …but no wider than this… */
  int        min_width;     /* …nor narrower than this, so that it is still a name */
} Attempt;

static const Attempt attempts[] = {
  { STYLE_DOT_ABOVE,  0.9,  2, 0.6, 120, 60 },  /* the roomy look, for a few people */
  { STYLE_DOT_BESIDE, 0.9,  1, 0.9, 170, 90 },
  { STYLE_DOT_BESIDE, 0.82, 1, 0.45, 130, 80 },
  { STYLE_DOT_BESIDE, MIN_TEXT_SCALE, 1, 0.35, 110, 70 },
};

struct _BespokeCircleChart
{
  GtkWidget   parent_instance;

  GPtrArray  *members[N_RINGS];   /* BespokeCircleMember, in order */
  char       *centre_name;

  /* The names as laid out, and for what */
  GArray     *labels;             /* Label */
  guint       n_shown[N_RINGS];
  float       radii[N_RINGS];     /* each ring's outer radius, as a share of the circle's */
  gboolean    laid_out;
  int         laid_out_width;
  int         laid_out_height;
  guint       laid_out_font;
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

/* How far into the next ring a name may go, as a share of that ring's
 * width: a long name at the side of a ring is wider than the ring, but it
 * leaves the far side of the next ring to that ring's own names. */
#define SPILL 0.6f

/* How far round each ring's first member is turned from the bottom, in
 * radians: alternately left and right, so that rings of one or two people
 * do not put their names on top of each other. */
static const double ring_turns[N_RINGS] = { 0.0, 0.8, -0.8, 1.6 };

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_clear_object (&label->layout);
}

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

static PangoLayout *
make_layout (BespokeCircleChart *self,
             const char         *text,
             int                 max_width,
             int                 max_lines,
             gboolean            bold,
             double              scale)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * scale));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (layout, max_width < 0 ? -1 : MAX (max_width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* Puts @label's dot and text round the point (@x, @y), and works out its
 * area; @cx is the middle of the circle. */
static void
label_place (Label *label,
             float  cx,
             float  x,
             float  y)
{
  PangoRectangle logical;
  float w, h;

  pango_layout_get_pixel_extents (label->layout, NULL, &logical);

  switch (label->style)
    {
    case STYLE_DOT_ABOVE:
      w = MAX (logical.width, DOT_SIZE);
      h = DOT_SIZE + DOT_GAP / 2 + logical.height;
      label->area = GRAPHENE_RECT_INIT (x - w / 2, y - h / 2, w, h);
      label->dot = GRAPHENE_POINT_INIT (x, label->area.origin.y + DOT_SIZE / 2);
      label->text = GRAPHENE_POINT_INIT (x - logical.width / 2.0f - logical.x,
                                         label->area.origin.y + DOT_SIZE + DOT_GAP / 2 - logical.y);
      break;

    case STYLE_DOT_BESIDE:
      /* On the left of the circle the name is before its dot, so that
       * the dot is the end nearer the middle, as on the right */
      w = DOT_SIZE + DOT_GAP + logical.width;
      h = MAX (logical.height, DOT_SIZE);
      label->area = GRAPHENE_RECT_INIT (x - w / 2, y - h / 2, w, h);
      if (x < cx)
        {
          label->dot = GRAPHENE_POINT_INIT (label->area.origin.x + w - DOT_SIZE / 2, y);
          label->text = GRAPHENE_POINT_INIT (label->area.origin.x - logical.x,
                                             y - logical.height / 2.0f - logical.y);
        }
      else
        {
          label->dot = GRAPHENE_POINT_INIT (label->area.origin.x + DOT_SIZE / 2, y);
          label->text = GRAPHENE_POINT_INIT (label->area.origin.x + DOT_SIZE + DOT_GAP - logical.x,
                                             y - logical.height / 2.0f - logical.y);
        }
      break;

    case STYLE_MORE:
    default:
      w = logical.width;
      h = logical.height;
      label->area = GRAPHENE_RECT_INIT (x - w / 2, y - h / 2, w, h);
      label->text = GRAPHENE_POINT_INIT (label->area.origin.x - logical.x, label->area.origin.y - logical.y);
      break;
    }
}

typedef struct
{
  float cx, cy;
  float inner, outer;   /* the ring's edges */
  float centre;         /* the middle disc's edge, with the person's name */
  float spill_in;       /* how far a name may go into the ring inside… */
  float spill_out;      /* …and the ring outside (see SPILL) */
  gboolean outermost;   /* the last ring, whose names may go over the edge */
  gboolean strict_more; /* "+K more" wholly in its ring, having no dot to say whose it is */
  float width, height;  /* the widget's */
} Rings;

/* Whether @label may go where it is: its dot and its middle inside its
 * ring, so that it is plainly that ring's, and all of it inside the whole
 * circle (or, for the outermost ring, the widget) and outside the middle.
 * The text may go a little into the next ring, where it is narrow (a long
 * name at the side of a ring), but not into its middle, which is that
 * ring's. */
static gboolean
fits (const Label *label,
      const Rings *g)
{
  const graphene_rect_t *area = &label->area;
  float left = area->origin.x - g->cx - LABEL_PADDING;
  float right = left + area->size.width + 2 * LABEL_PADDING;
  float top = area->origin.y - g->cy - LABEL_PADDING;
  float bottom = top + area->size.height + 2 * LABEL_PADDING;
  float far_x = MAX (fabsf (left), fabsf (right));
  float far_y = MAX (fabsf (top), fabsf (bottom));
  float near_x = left > 0 ? left : (right < 0 ? -right : 0);
  float near_y = top > 0 ? top : (bottom < 0 ? -bottom : 0);
  float mid_x = (left + right) / 2, mid_y = (top + bottom) / 2;
  float mid = sqrtf (mid_x * mid_x + mid_y * mid_y);
  float outer = g->outer - RING_MARGIN;
  float inner = g->inner + RING_MARGIN;

  if (mid < inner || mid > outer)
    return FALSE;
  if (near_x * near_x + near_y * near_y < (g->centre + RING_MARGIN) * (g->centre + RING_MARGIN) ||
      near_x * near_x + near_y * near_y < (inner - g->spill_in) * (inner - g->spill_in))
    return FALSE;
  if (g->outermost)
    {
      if (area->origin.x < 0 || area->origin.y < 0 ||
          area->origin.x + area->size.width > g->width || area->origin.y + area->size.height > g->height)
        return FALSE;
    }
  else if (far_x * far_x + far_y * far_y > (outer + g->spill_out) * (outer + g->spill_out))
    return FALSE;
  if (label->style == STYLE_MORE && g->strict_more &&
      (near_x * near_x + near_y * near_y < inner * inner ||
       (!g->outermost && far_x * far_x + far_y * far_y > outer * outer)))
    return FALSE;
  if (label->style != STYLE_MORE)
    {
      float dx = label->dot.x - g->cx, dy = label->dot.y - g->cy;
      float d = sqrtf (dx * dx + dy * dy);

      if (d - DOT_SIZE / 2 < inner || d + DOT_SIZE / 2 > outer)
        return FALSE;
    }
  return TRUE;
}

/* Whether @label is clear of every label in @placed.  A "+K more" is kept
 * further from another ring's labels, so that it is plainly its own ring's. */
static gboolean
clear_of (const Label *label,
          const Label *placed,
          guint        n_placed)
{
  const graphene_rect_t *area = &label->area;

  for (guint i = 0; i < n_placed; i++)
    {
      const graphene_rect_t *other = &placed[i].area;
      float gap = 2 * LABEL_PADDING;

      if ((label->style == STYLE_MORE || placed[i].style == STYLE_MORE) && label->ring != placed[i].ring)
        gap = MORE_CLEARANCE;
      if (area->origin.x < other->origin.x + other->size.width + gap &&
          other->origin.x < area->origin.x + area->size.width + gap &&
          area->origin.y < other->origin.y + other->size.height + gap &&
          other->origin.y < area->origin.y + area->size.height + gap)
        return FALSE;
    }
  return TRUE;
}

/* Goes round the ring from @start, putting each label at the first angle,
 * at least @gap after the last one's, where it is inside the ring and clear
 * of those already placed; tries the middle of the ring first, then a
 * little in and out.  Returns whether all of them found a place. */
static gboolean
place_round (Label       *labels,
             guint        n,
             const Label *others,     /* the other rings' labels, placed already */
             guint        n_others,
             const Rings *g,
             double       start,
             double       gap)
{
  float middle = (g->inner + g->outer) / 2.0f;
  float band = g->outer - g->inner;
  const float radii[] = { middle, middle - band / 5.0f, middle + band / 5.0f,
                          middle + band * 0.4f, middle - band * 0.4f };
  double step = 1.5 / middle;   /* about a pixel and a half along the ring */
  double angle = start;

  for (guint i = 0; i < n; i++)
    {
      gboolean placed = FALSE;

      if (i > 0)
        angle += gap;
      for (; !placed && angle < start + 2 * G_PI; angle += step)
        {
          for (guint k = 0; k < G_N_ELEMENTS (radii); k++)
            {
              label_place (&labels[i], g->cx, g->cx + radii[k] * cos (angle), g->cy + radii[k] * sin (angle));
              if (fits (&labels[i], g) &&
                  clear_of (&labels[i], labels, i) &&
                  clear_of (&labels[i], others, n_others))
                {
                  placed = TRUE;
                  break;
                }
            }
          if (placed)
            break;
        }
      if (!placed)
        return FALSE;
    }
  return TRUE;
}

/* Places the labels as evenly round the ring as they go (if @spread; else
 * just anywhere they fit, which is quicker): the widest gap between one
 * and the next with which they all still fit. */
static gboolean
place_spread (Label       *labels,
              guint        n,
              const Label *others,
              guint        n_others,
              const Rings *g,
              double       start,
              gboolean     spread)
{
  double low = 0, high = 2 * G_PI / MAX (n, 1);

  if (n == 0)
    return TRUE;
  if (!place_round (labels, n, others, n_others, g, start, 0))
    return FALSE;
  if (!spread)
    return TRUE;
  if (place_round (labels, n, others, n_others, g, start, high))
    return TRUE;
  for (int i = 0; i < 10; i++)
    {
      double gap = (low + high) / 2;

      if (place_round (labels, n, others, n_others, g, start, gap))
        low = gap;
      else
        high = gap;
    }
  return place_round (labels, n, others, n_others, g, start, low);
}

/* The labels for @ring's first @n_names members, drawn as @attempt says,
 * after "+K more" for the rest if there are any */
static GArray *
make_labels (BespokeCircleChart *self,
             int                 ring,
             const Attempt      *attempt,
             guint               n_names,
             float               radius)
{
  GPtrArray *members = self->members[ring];
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (Label));
  int max_width = CLAMP ((int) (radius * attempt->width_share), attempt->min_width, attempt->max_width);

  g_array_set_clear_func (labels, label_clear);
  for (guint i = 0; i < n_names; i++)
    {
      BespokeCircleMember *member = g_ptr_array_index (members, i);
      Label label = { NULL, attempt->style, ring, };

      label.layout = make_layout (self, bespoke_circle_member_get_name (member),
                                  max_width - (attempt->style == STYLE_DOT_BESIDE ? (int) (DOT_SIZE + DOT_GAP) : 0),
                                  attempt->max_lines, FALSE, attempt->scale);
      g_array_append_val (labels, label);
    }
  if (n_names < members->len)
    {
      guint more = members->len - n_names;
      /* Translators: drawn in a ring of the relationship circle beside the
       * names that fit, e.g. "+3 more"; the list below has everyone */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", more), more);
      Label label = { NULL, STYLE_MORE, ring, };

      /* First, so that it has the bottom of the ring, where there is
       * most room for it wholly inside the ring; the names follow it round */
      label.layout = make_layout (self, text, -1, 1, TRUE, attempt->scale);
      g_array_prepend_val (labels, label);
    }
  return labels;
}

static guint
font_key (BespokeCircleChart *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);

  return font ? pango_font_description_hash (font) : 0;
}

/* How a layout is scored: a point for each name drawn whole, more for
 * each name drawn at all, and far more for each ring that names anyone:
 * better a name in every ring than a few more in one and none in another,
 * and more names than whole ones. */
#define NAME_SCORE 100
#define RING_NAMED_SCORE 100000

/* Lays out every ring's names with the rings' outer radii @radii (as
 * shares of the circle's radius) into @labels_out and @n_shown, spread
 * round evenly if @spread; returns its score, higher the better. */
static guint
lay_out_rings (BespokeCircleChart *self,
               const float        *radii,
               gboolean            spread,
               int                 width,
               int                 height,
               GArray             *labels_out,
               guint              *n_shown)
{
  float radius = MIN (width, height) / 2.0f - 2;
  float cx = width / 2.0f;
  float cy = height / 2.0f;
  guint score = 0;

  for (int ring = 0; ring < N_RINGS; ring++)
    {
      float inner_share = ring == 0 ? CENTRE_RADIUS : radii[ring - 1];
      Rings g = {
        .cx = cx,
        .cy = cy,
        .inner = radius * inner_share,
        .outer = radius * radii[ring],
        .centre = radius * CENTRE_RADIUS,
        .spill_in = ring == 0 ? 0 : SPILL * radius * (radii[ring - 1] - (ring == 1 ? CENTRE_RADIUS : radii[ring - 2])),
        .spill_out = ring == N_RINGS - 1 ? 0 : SPILL * radius * (radii[ring + 1] - radii[ring]),
        .outermost = ring == N_RINGS - 1,
        .width = width,
        .height = height,
      };
      double start = G_PI / 2 + ring_turns[ring];   /* from the bottom, where a name has most room */
      guint n = self->members[ring]->len;
      g_autoptr(GArray) labels = NULL;
      const Attempt *last = &attempts[G_N_ELEMENTS (attempts) - 1];
      gboolean strict_used = TRUE;

      n_shown[ring] = 0;
      if (n == 0)
        continue;

      /* Everyone, as large as they fit… */
      for (guint a = 0; a < G_N_ELEMENTS (attempts) && labels == NULL; a++)
        {
          g_autoptr(GArray) tried = make_labels (self, ring, &attempts[a], n, radius);

          if (place_spread ((Label *) (gpointer) tried->data, tried->len,
                            (Label *) (gpointer) labels_out->data, labels_out->len, &g, start, FALSE))
            {
              labels = g_steal_pointer (&tried);
              n_shown[ring] = n;
            }
        }

      /* …or as many as fit at the smallest, and "+K more": the most
       * names with which they fit, found by halving.  "+K more" goes
       * wholly in its ring if it can (as it has no dot to say whose it
       * is), unless that leaves no room for any name. */
      for (int strict = TRUE; (labels == NULL || n_shown[ring] == 0) && strict >= FALSE; strict--)
        {
          guint low = 0, high = n - 1;   /* the answer is in [low, high], if anything fits */
          g_autoptr(GArray) tried = make_labels (self, ring, last, 0, radius);

          g.strict_more = strict;
          if (!place_spread ((Label *) (gpointer) tried->data, tried->len,
                             (Label *) (gpointer) labels_out->data, labels_out->len, &g, start, FALSE))
            continue;

          while (low < high)
            {
              guint mid = (low + high + 1) / 2;

              g_clear_pointer (&tried, g_array_unref);
              tried = make_labels (self, ring, last, mid, radius);
              if (place_spread ((Label *) (gpointer) tried->data, tried->len,
                                (Label *) (gpointer) labels_out->data, labels_out->len, &g, start, FALSE))
                low = mid;
              else
                high = mid - 1;
            }
          g_clear_pointer (&tried, g_array_unref);
          tried = make_labels (self, ring, last, low, radius);
          if ((labels == NULL || low > 0) &&
              place_spread ((Label *) (gpointer) tried->data, tried->len,
                            (Label *) (gpointer) labels_out->data, labels_out->len, &g, start, FALSE))
            {
              g_clear_pointer (&labels, g_array_unref);
              labels = g_steal_pointer (&tried);
              n_shown[ring] = low;
              strict_used = strict;
            }
        }
      g.strict_more = strict_used;

      /* Not even that: the ring is too small for words */
      if (labels == NULL)
        continue;

      /* Where they first fit, they fit spread out too */
      if (spread &&
          !place_spread ((Label *) (gpointer) labels->data, labels->len,
                         (Label *) (gpointer) labels_out->data, labels_out->len, &g, start, TRUE))
        g_assert_not_reached ();

      score += NAME_SCORE * n_shown[ring] + (n_shown[ring] > 0 ? RING_NAMED_SCORE : 0);
      for (guint i = 0; i < labels->len; i++)
        {
          Label *label = &g_array_index (labels, Label, i);

          if (label->style != STYLE_MORE && !pango_layout_is_ellipsized (label->layout))
            score++;

          g_array_append_val (labels_out, *label);
          label->layout = NULL;   /* now labels_out's */
        }
    }
  return score;
}

/* Rings as wide as their share of the people, blended by @blend with the
 * usual widths: every ring keeps some room, and an inner ring, being
 * shorter round, gets more width for each person. */
static void
weigh_rings (BespokeCircleChart *self,
             float               blend,
             float              *radii)
{
  float usual[N_RINGS], demand[N_RINGS], sum = 0, inner = CENTRE_RADIUS;

  for (int ring = 0; ring < N_RINGS; ring++)
    {
      float middle = (inner + ring_radii[ring]) / 2;

      usual[ring] = ring_radii[ring] - inner;
      demand[ring] = MAX (self->members[ring]->len, 1) / middle;
      sum += demand[ring];
      inner = ring_radii[ring];
    }

  inner = CENTRE_RADIUS;
  for (int ring = 0; ring < N_RINGS; ring++)
    {
      float share = (1.0f - CENTRE_RADIUS) * demand[ring] / sum;
      float band = (1 - blend) * usual[ring] + blend * MAX (share, 0.12f);

      radii[ring] = inner + band;
      inner = radii[ring];
    }
  /* Scaled back to fill the circle, the outermost exactly */
  for (int ring = 0; ring < N_RINGS; ring++)
    radii[ring] = CENTRE_RADIUS + (radii[ring] - CENTRE_RADIUS) * (1.0f - CENTRE_RADIUS) / (inner - CENTRE_RADIUS);
  radii[N_RINGS - 1] = 1.0f;
}

/* Works out where every ring's names go, for the widget's size now: with
 * the rings their usual widths if everyone fits so, or else with the
 * widths that name the most people. */
static void
lay_out (BespokeCircleChart *self)
{
  static const float blends[] = { 0.5f, 1.0f };
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  guint font = font_key (self);
  guint all = 0, best;

  if (self->laid_out && self->laid_out_width == width && self->laid_out_height == height &&
      self->laid_out_font == font)
    return;

  self->laid_out = TRUE;
  self->laid_out_width = width;
  self->laid_out_height = height;
  self->laid_out_font = font;
  g_array_set_size (self->labels, 0);
  memset (self->n_shown, 0, sizeof self->n_shown);
  memcpy (self->radii, ring_radii, sizeof self->radii);

  if (MIN (width, height) / 2.0f - 2 <= 0)
    return;

  /* The score with every name drawn whole */
  for (int ring = 0; ring < N_RINGS; ring++)
    all += (NAME_SCORE + 1) * self->members[ring]->len + (self->members[ring]->len > 0 ? RING_NAMED_SCORE : 0);

  /* Which widths name most, tried quickly (names where they first fit)… */
  {
    g_autoptr(GArray) labels = g_array_new (FALSE, TRUE, sizeof (Label));
    guint n_shown[N_RINGS];

    g_array_set_clear_func (labels, label_clear);
    best = lay_out_rings (self, ring_radii, FALSE, width, height, labels, n_shown);
    for (guint b = 0; b < G_N_ELEMENTS (blends) && best < all; b++)
      {
        float radii[N_RINGS];
        guint score;

        weigh_rings (self, blends[b], radii);
        g_array_set_size (labels, 0);
        score = lay_out_rings (self, radii, FALSE, width, height, labels, n_shown);
        if (score > best)
          {
            best = score;
            memcpy (self->radii, radii, sizeof self->radii);
          }
      }
  }

  /* …then laid out with those, spread evenly round */
  lay_out_rings (self, self->radii, TRUE, width, height, self->labels, self->n_shown);
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
  GdkRGBA line;

  if (radius <= 0)
    return;

  lay_out (self);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  line = fg;
  line.alpha = 0.25f;

  for (int ring = N_RINGS - 1; ring >= 0; ring--)
    append_disc (snapshot, cx, cy, radius * self->radii[ring], &ring_colours[ring], &line);
  {
    GdkRGBA centre = fg;

    centre.alpha = 0.08f;
    append_disc (snapshot, cx, cy, radius * CENTRE_RADIUS, &centre, &line);
  }

  /* The person, in the middle */
  if (self->centre_name != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->centre_name,
                                                   (int) (radius * CENTRE_RADIUS * 1.9f), 2, TRUE, 1.0);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx - logical.width / 2.0f - logical.x,
                                                              cy - logical.height / 2.0f - logical.y));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
    }

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);

      if (label->style != STYLE_MORE)
        {
          GdkRGBA dot = ring_colours[label->ring];
          GskRoundedRect dot_rect;

          dot.alpha = 1.0f;
          gsk_rounded_rect_init_from_rect (&dot_rect,
                                           &GRAPHENE_RECT_INIT (label->dot.x - DOT_SIZE / 2, label->dot.y - DOT_SIZE / 2,
                                                                DOT_SIZE, DOT_SIZE),
                                           DOT_SIZE / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &dot_rect);
          gtk_snapshot_append_color (snapshot, &dot, &dot_rect.bounds);
          gtk_snapshot_pop (snapshot);
        }
      else
        {
          /* "+K more" on a pill of its ring's colour, to say whose it is */
          GdkRGBA tint = ring_colours[label->ring];
          GskRoundedRect pill;
          graphene_rect_t bounds;

          tint.alpha = 0.45f;
          graphene_rect_inset_r (&label->area, -LABEL_PADDING, 0, &bounds);
          gsk_rounded_rect_init_from_rect (&pill, &bounds, bounds.size.height / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &pill);
          gtk_snapshot_append_color (snapshot, &tint, &bounds);
          gtk_snapshot_pop (snapshot);
        }

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &label->text);
      gtk_snapshot_append_layout (snapshot, label->layout, &fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
bespoke_circle_chart_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  /* Laid out again at the next frame, for the new size */
  BESPOKE_CIRCLE_CHART (widget)->laid_out = FALSE;
}

static void
bespoke_circle_chart_system_setting_changed (GtkWidget         *widget,
                                             GtkSystemSetting   setting)
{
  BESPOKE_CIRCLE_CHART (widget)->laid_out = FALSE;
  GTK_WIDGET_CLASS (bespoke_circle_chart_parent_class)->system_setting_changed (widget, setting);
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
  g_clear_pointer (&self->labels, g_array_unref);

  G_OBJECT_CLASS (bespoke_circle_chart_parent_class)->finalize (object);
}

static void
bespoke_circle_chart_class_init (BespokeCircleChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bespoke_circle_chart_finalize;
  widget_class->snapshot = bespoke_circle_chart_snapshot;
  widget_class->size_allocate = bespoke_circle_chart_size_allocate;
  widget_class->system_setting_changed = bespoke_circle_chart_system_setting_changed;
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
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->labels, label_clear);

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
  self->laid_out = FALSE;
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

/**
 * bespoke_circle_chart_get_n_shown_in_ring:
 *
 * Returns: how many names in @ring (a #BespokeRing) are drawn at the
 *   chart's size now; the rest are counted in a "+K more" label
 */
guint
bespoke_circle_chart_get_n_shown_in_ring (BespokeCircleChart *self,
                                          int                 ring)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_CHART (self), 0);
  g_return_val_if_fail (ring >= 0 && ring < N_RINGS, 0);

  lay_out (self);
  return self->n_shown[ring];
}

/**
 * bespoke_circle_chart_get_n_labels:
 *
 * Returns: how many labels (names, and "+K more") are drawn, in every ring
 */
guint
bespoke_circle_chart_get_n_labels (BespokeCircleChart *self)
{
  g_return_val_if_fail (BESPOKE_IS_CIRCLE_CHART (self), 0);

  lay_out (self);
  return self->labels->len;
}

/**
 * bespoke_circle_chart_get_label:
 * @ring: (out) (optional): the ring it is in
 * @area: (out) (optional): where its dot and text are drawn
 *
 * Returns: (transfer none): the text of the @index-th label drawn
 */
const char *
bespoke_circle_chart_get_label (BespokeCircleChart *self,
                                guint               index,
                                int                *ring,
                                graphene_rect_t    *area)
{
  Label *label;

  g_return_val_if_fail (BESPOKE_IS_CIRCLE_CHART (self), NULL);

  lay_out (self);
  g_return_val_if_fail (index < self->labels->len, NULL);

  label = &g_array_index (self->labels, Label, index);
  if (ring != NULL)
    *ring = label->ring;
  if (area != NULL)
    *area = label->area;
  return pango_layout_get_text (label->layout);
}
