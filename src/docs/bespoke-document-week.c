/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bespoke-document-private.h"

/* "My week": one landscape page that shows who supports the person when,
 * paid and unpaid, one colour per supporter, with a legend: for the person
 * and their family, so no money.  Weekly lines are drawn on the grid (split
 * at midnight; lines that overlap share the day's width); support that does
 * not come every week is listed under it. */

#define N_DAYS 7
#define TEXT_COLOUR 0x1d1f23
#define GRID_COLOUR 0xc5cbd3

/* Pale fills with a darker edge: distinct in colour, and the names on the
 * legend and in the blocks say who it is in greyscale */
static const guint32 fills[] = { 0xcfe3f7, 0xfde2b8, 0xd4f0d0, 0xf6d0e0, 0xe4dcf7, 0xfff2a8, 0xd0eeee, 0xf3d9c8 };
static const guint32 edges[] = { 0x2f5f93, 0xb36b00, 0x357a41, 0xa23b6b, 0x5d4a9c, 0x8a7500, 0x2b7a7a, 0x8a4b26 };

typedef struct
{
  guint        day;        /* 0 = Monday */
  guint        start, end; /* minutes after midnight */
  guint        who;        /* index into the supporters */
  guint        lane, lanes;
  char        *label;      /* "Support in the mornings\n07:30–09:30" */
  PangoLayout *layout;
} Slot;

typedef struct
{
  char    *name;
  gboolean paid;
} Supporter;

typedef struct
{
  char      *heading;
  char      *subtitle;
  GArray    *slots;        /* Slot */
  GPtrArray *supporters;   /* Supporter */
  GPtrArray *others;       /* char *: support that is not weekly */
  guint      first_hour, last_hour;
  /* laid out */
  PangoLayout *heading_layout, *subtitle_layout, *others_layout;
  PangoLayout *day_layouts[N_DAYS];
  GPtrArray   *hour_layouts;
  GPtrArray   *legend_layouts;
  double       grid_x, grid_y, grid_w, grid_h, label_w, head_h;
  double       legend_y, others_y;
} Week;

static void
supporter_free (Supporter *s)
{
  g_free (s->name);
  g_free (s);
}

static void
week_free (Week *w)
{
  for (guint i = 0; i < w->slots->len; i++)
    {
      Slot *slot = &g_array_index (w->slots, Slot, i);
      g_free (slot->label);
      g_clear_object (&slot->layout);
    }
  g_array_unref (w->slots);
  g_ptr_array_unref (w->supporters);
  g_ptr_array_unref (w->others);
  g_free (w->heading);
  g_free (w->subtitle);
  g_clear_object (&w->heading_layout);
  g_clear_object (&w->subtitle_layout);
  g_clear_object (&w->others_layout);
  for (guint d = 0; d < N_DAYS; d++)
    g_clear_object (&w->day_layouts[d]);
  g_clear_pointer (&w->hour_layouts, g_ptr_array_unref);
  g_clear_pointer (&w->legend_layouts, g_ptr_array_unref);
  g_free (w);
}

static guint
supporter_index (Week       *w,
                 const char *name,
                 gboolean    paid)
{
  Supporter *s;

  for (guint i = 0; i < w->supporters->len; i++)
    if (g_str_equal (((Supporter *) g_ptr_array_index (w->supporters, i))->name, name))
      return i;
  s = g_new0 (Supporter, 1);
  s->name = g_strdup (name);
  s->paid = paid;
  g_ptr_array_add (w->supporters, s);
  return w->supporters->len - 1;
}

static void
add_slot (Week       *w,
          guint       day,
          guint       start,
          guint       end,
          guint       who,
          const char *what)
{
  Slot slot = { day % N_DAYS, start, end, who, 0, 1, NULL, NULL };
  g_autofree char *text = _doc_escape (what);

  slot.label = g_strdup_printf ("<b>%s</b>\n%02u:%02u–%02u:%02u", text, start / 60, start % 60,
                                (end / 60) % 24 == 0 && end > 0 ? 24 : end / 60, end % 60);
  g_array_append_val (w->slots, slot);
}

/* A weekly line's times on the grid, split at midnight */
static void
add_weekly (Week                  *w,
            const BespokeSchedule *s,
            guint                  who,
            const char            *what)
{
  for (guint day = 0; day < N_DAYS; day++)
    {
      guint start = s->start_minute, left = s->duration_minutes, d = day;

      if (!(s->weekdays & (1u << day)))
        continue;
      while (left > 0 && d < day + N_DAYS)
        {
          guint end = MIN (24 * 60, start + left);

          add_slot (w, d, start, end, who, what);
          left -= end - start;
          start = 0;
          d++;
        }
    }
}

/* Slots that overlap share their day's width, in lanes; each group of
 * overlapping slots has its own number of lanes, so a clash in the
 * morning does not narrow the evening.  The slots are sorted by start. */
static void
set_lanes (Week  *w,
           guint  day,
           guint  from,
           guint  to,
           guint  lanes)
{
  for (guint i = from; i < to; i++)
    if (g_array_index (w->slots, Slot, i).day == day)
      g_array_index (w->slots, Slot, i).lanes = lanes;
}

static void
assign_lanes (Week *w)
{
  for (guint day = 0; day < N_DAYS; day++)
    {
      guint lane_end[8] = { 0 };
      guint lanes = 1, group = 0, group_end = 0;

      for (guint i = 0; i < w->slots->len; i++)
        {
          Slot *slot = &g_array_index (w->slots, Slot, i);
          guint lane = 0;

          if (slot->day != day)
            continue;
          if (slot->start >= group_end)
            {
              set_lanes (w, day, group, i, lanes);
              memset (lane_end, 0, sizeof lane_end);
              lanes = 1;
              group = i;
            }
          while (lane < G_N_ELEMENTS (lane_end) - 1 && lane_end[lane] > slot->start)
            lane++;
          slot->lane = lane;
          lane_end[lane] = slot->end;
          lanes = MAX (lanes, lane + 1);
          group_end = MAX (group_end, slot->end);
        }
      set_lanes (w, day, group, w->slots->len, lanes);
    }
}

static int
by_start (gconstpointer a,
          gconstpointer b)
{
  const Slot *x = a, *y = b;

  return (int) x->start - (int) y->start;
}

/* ---- laying out and drawing --------------------------------------------- */

static const char *
day_name (guint day)
{
  static const char *days[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
                                N_("Friday"), N_("Saturday"), N_("Sunday") };
  return _(days[day]);
}

static gboolean
week_paginate (BespokeDocument  *self,
               GError          **error)
{
  Week *w = self->data;
  double x, y, width, height, legend_h = 0, lx = 0, line_h = 0;
  double day_w, hour_h;

  _doc_content_box (self, &x, &y, &width, &height);
  g_clear_object (&w->heading_layout);
  g_clear_object (&w->subtitle_layout);
  g_clear_object (&w->others_layout);
  g_clear_pointer (&w->hour_layouts, g_ptr_array_unref);
  g_clear_pointer (&w->legend_layouts, g_ptr_array_unref);
  {
    g_autofree char *heading = _doc_escape (w->heading);
    g_autofree char *subtitle = _doc_escape (w->subtitle);
    w->heading_layout = _doc_layout (self, heading, 20, TRUE, width);
    w->subtitle_layout = _doc_layout (self, subtitle, 11, FALSE, width);
  }

  /* The legend: a swatch and a name each, wrapped like words */
  w->legend_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < w->supporters->len; i++)
    {
      Supporter *s = g_ptr_array_index (w->supporters, i);
      g_autofree char *markup = g_markup_printf_escaped ("%s <span size='smaller'>(%s)</span>", s->name,
                                                         s->paid ? _("paid") : _("unpaid"));
      PangoLayout *l = _doc_layout (self, markup, 10, FALSE, 0);
      int lw, lh;

      pango_layout_get_size (l, &lw, &lh);
      if (lx > 0 && lx + 18 + (double) lw / PANGO_SCALE > width)
        {
          legend_h += line_h + 6;
          lx = 0;
        }
      lx += 18 + (double) lw / PANGO_SCALE + 16;
      line_h = MAX (line_h, (double) lh / PANGO_SCALE);
      g_ptr_array_add (w->legend_layouts, l);
    }
  legend_h += line_h;

  if (w->others->len > 0)
    {
      g_autoptr(GString) markup = g_string_new (NULL);

      g_string_append_printf (markup, "<b>%s</b>", _("Not every week"));
      for (guint i = 0; i < w->others->len; i++)
        g_string_append_printf (markup, "\n%s", (const char *) g_ptr_array_index (w->others, i));
      w->others_layout = _doc_layout (self, markup->str, 9.5, FALSE, width);
    }

  w->head_h = 18;
  w->label_w = 36;
  w->grid_x = x + w->label_w;
  w->grid_y = y + _doc_layout_height (w->heading_layout) + _doc_layout_height (w->subtitle_layout) + 10;
  w->grid_w = width - w->label_w;
  w->others_y = y + height - (w->others_layout ? _doc_layout_height (w->others_layout) : 0);
  w->legend_y = w->others_y - 8 - legend_h;
  w->grid_h = w->legend_y - 10 - w->grid_y;
  if (w->grid_h < 120)
    return bespoke_set_invalid (error, _("The page is too small for “my week”. Choose a larger paper size."));

  day_w = w->grid_w / N_DAYS;
  hour_h = (w->grid_h - w->head_h) / (w->last_hour - w->first_hour);
  for (guint d = 0; d < N_DAYS; d++)
    {
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", day_name (d));
      g_clear_object (&w->day_layouts[d]);
      w->day_layouts[d] = _doc_layout (self, name, 10, FALSE, day_w);
      pango_layout_set_alignment (w->day_layouts[d], PANGO_ALIGN_CENTER);
    }
  w->hour_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint hour = w->first_hour; hour <= w->last_hour; hour++)
    {
      g_autofree char *text = g_strdup_printf ("%02u:00", hour);
      g_ptr_array_add (w->hour_layouts, _doc_layout (self, text, 8, FALSE, 0));
    }
  for (guint i = 0; i < w->slots->len; i++)
    {
      Slot *slot = &g_array_index (w->slots, Slot, i);
      double slot_h = MAX ((slot->end - slot->start) / 60.0 * hour_h, 11);

      g_clear_object (&slot->layout);
      slot->layout = _doc_layout (self, slot->label, slot_h < 22 ? 7 : 8, FALSE, day_w / slot->lanes - 6);
      pango_layout_set_height (slot->layout, (int) (MAX (slot_h - 3, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (slot->layout, PANGO_ELLIPSIZE_END);
    }
  self->n_pages = 1;
  return TRUE;
}

static void
draw_grid (Week    *w,
           cairo_t *cr)
{
  double day_w = w->grid_w / N_DAYS;
  double hour_h = (w->grid_h - w->head_h) / (w->last_hour - w->first_hour);

  cairo_set_line_width (cr, 0.5);
  for (guint hour = w->first_hour; hour <= w->last_hour; hour++)
    {
      double y = w->grid_y + w->head_h + (hour - w->first_hour) * hour_h;
      PangoLayout *l = g_ptr_array_index (w->hour_layouts, hour - w->first_hour);

      _doc_set_colour (cr, GRID_COLOUR);
      cairo_move_to (cr, w->grid_x, y);
      cairo_line_to (cr, w->grid_x + w->grid_w, y);
      cairo_stroke (cr);
      _doc_set_colour (cr, 0x505761);
      _doc_show_layout (cr, l, w->grid_x - w->label_w, y - _doc_layout_height (l) / 2, "P");
    }
  for (guint d = 0; d <= N_DAYS; d++)
    {
      double x = w->grid_x + d * day_w;

      if (d < N_DAYS && d >= 5)
        _doc_fill_rect (cr, x, w->grid_y + w->head_h, day_w, w->grid_h - w->head_h, 0xf6f7f9);
      _doc_set_colour (cr, GRID_COLOUR);
      cairo_move_to (cr, x, w->grid_y);
      cairo_line_to (cr, x, w->grid_y + w->grid_h);
      cairo_stroke (cr);
      if (d < N_DAYS)
        {
          _doc_set_colour (cr, TEXT_COLOUR);
          _doc_show_layout (cr, w->day_layouts[d], x, w->grid_y + 2, "P");
        }
    }
}

static void
draw_slots (Week    *w,
            cairo_t *cr)
{
  double day_w = w->grid_w / N_DAYS;
  double hour_h = (w->grid_h - w->head_h) / (w->last_hour - w->first_hour);

  for (guint i = 0; i < w->slots->len; i++)
    {
      Slot *slot = &g_array_index (w->slots, Slot, i);
      Supporter *who = g_ptr_array_index (w->supporters, slot->who);
      double lane_w = day_w / slot->lanes;
      double x = w->grid_x + slot->day * day_w + slot->lane * lane_w + 1.5;
      double top = MAX (slot->start, w->first_hour * 60), bottom = MIN (slot->end, w->last_hour * 60);
      double y = w->grid_y + w->head_h + (top / 60.0 - w->first_hour) * hour_h + 1;
      double h = MAX ((bottom - top) / 60.0 * hour_h - 2, 9);   /* five minutes still show */

      if (h <= 0)
        continue;
      cairo_save (cr);
      _doc_rounded_rect (cr, x, y, lane_w - 3, h, 3);
      _doc_set_colour (cr, fills[slot->who % G_N_ELEMENTS (fills)]);
      cairo_fill_preserve (cr);
      _doc_set_colour (cr, edges[slot->who % G_N_ELEMENTS (edges)]);
      cairo_set_line_width (cr, 1.0);
      if (!who->paid)
        cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
      cairo_stroke_preserve (cr);
      cairo_clip (cr);
      _doc_set_colour (cr, TEXT_COLOUR);
      _doc_show_layout (cr, slot->layout, x + 2, y + 1, "P");
      cairo_restore (cr);
    }
}

static void
draw_legend (BespokeDocument *self,
             Week            *w,
             cairo_t         *cr)
{
  double x0, y0, width, height, lx = 0, ly = w->legend_y, line_h = 0;

  _doc_content_box (self, &x0, &y0, &width, &height);
  for (guint i = 0; i < w->legend_layouts->len; i++)
    {
      PangoLayout *l = g_ptr_array_index (w->legend_layouts, i);
      Supporter *who = g_ptr_array_index (w->supporters, i);
      int lw, lh;

      pango_layout_get_size (l, &lw, &lh);
      if (lx > 0 && lx + 18 + (double) lw / PANGO_SCALE > width)
        {
          ly += line_h + 6;
          lx = 0;
        }
      cairo_save (cr);
      _doc_rounded_rect (cr, x0 + lx, ly + 1, 13, 11, 2);
      _doc_set_colour (cr, fills[i % G_N_ELEMENTS (fills)]);
      cairo_fill_preserve (cr);
      _doc_set_colour (cr, edges[i % G_N_ELEMENTS (edges)]);
      if (!who->paid)
        cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
      cairo_stroke (cr);
      cairo_restore (cr);
      _doc_set_colour (cr, TEXT_COLOUR);
      _doc_show_layout (cr, l, x0 + lx + 18, ly, "P");
      lx += 18 + (double) lw / PANGO_SCALE + 16;
      line_h = MAX (line_h, (double) lh / PANGO_SCALE);
    }
}

static void
week_draw (BespokeDocument *self,
           cairo_t         *cr,
           guint            page)
{
  Week *w = self->data;
  double x, y, width, height;

  _doc_content_box (self, &x, &y, &width, &height);
  _doc_set_colour (cr, 0x1c3d63);
  _doc_show_layout (cr, w->heading_layout, x, y, "H1");
  _doc_set_colour (cr, 0x4a515c);
  _doc_show_layout (cr, w->subtitle_layout, x, y + _doc_layout_height (w->heading_layout), "P");
  draw_grid (w, cr);
  draw_slots (w, cr);
  draw_legend (self, w, cr);
  if (w->others_layout != NULL)
    {
      _doc_set_colour (cr, TEXT_COLOUR);
      _doc_show_layout (cr, w->others_layout, x, w->others_y, "P");
    }
}


gboolean
_bespoke_document_build_week (BespokeDocument  *self,
                              BespokeStore     *store,
                              BespokePerson    *person,
                              GError          **error)
{
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  Week *w;
  guint first = 24 * 60, last = 0;
  g_autofree char *period = NULL;

  if (!(plan = _doc_current_plan (store, person, error)) ||
      !(lines = bespoke_store_list (store, BESPOKE_TYPE_SUPPORT_LINE, bespoke_record_get_uuid (BESPOKE_RECORD (plan)), error)))
    return FALSE;

  w = g_new0 (Week, 1);
  self->data = w;
  self->free_data = (GDestroyNotify) week_free;
  self->paginate = week_paginate;
  self->draw = week_draw;
  self->landscape = TRUE;
  w->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  w->supporters = g_ptr_array_new_with_free_func ((GDestroyNotify) supporter_free);
  w->others = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lines->len; i++)
    {
      BespokeSupportLine *line = g_ptr_array_index (lines, i);
      const BespokeSchedule *s = bespoke_support_line_get_schedule (line);
      g_autofree char *who = _doc_line_who (store, line);
      guint index = supporter_index (w, who, bespoke_support_line_get_support_type (line) == BESPOKE_SUPPORT_PAID);
      const char *what = bespoke_support_line_get_description (line);

      if (s != NULL && s->kind == BESPOKE_SCHEDULE_WEEKLY && s->every_weeks <= 1 && s->duration_minutes > 0)
        add_weekly (w, s, index, what ? what : who);
      else
        {
          g_autofree char *when = s ? bespoke_schedule_describe (s) : g_strdup (_("no set times"));
          g_ptr_array_add (w->others, g_markup_printf_escaped ("<b>%s</b> (%s): %s", what ? what : "", who, when));
        }
    }
  g_array_sort (w->slots, by_start);
  assign_lanes (w);
  for (guint i = 0; i < w->slots->len; i++)
    {
      Slot *slot = &g_array_index (w->slots, Slot, i);
      first = MIN (first, slot->start);
      last = MAX (last, slot->end);
    }
  w->first_hour = w->slots->len ? MIN (first / 60, 7) : 7;
  w->last_hour = w->slots->len ? MAX ((last + 59) / 60, 21) : 21;

  period = _doc_plan_period (plan);
  w->heading = g_strdup_printf (_("My week: %s"), _doc_person_name (person));
  w->subtitle = g_strdup_printf (_("Who supports %s in a usual week, %s"), _doc_person_name (person), period);
  self->title = g_strdup_printf (_("My week: %s"), bespoke_person_get_name (person));
  self->subject = g_strdup (w->subtitle);
  return TRUE;
}
