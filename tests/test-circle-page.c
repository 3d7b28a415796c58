/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-circle-page"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-circle-chart.h"
#include "bespoke-circle-page.h"
#include "bespoke-test-util.h"

/* The relationship circle: its rings, its list, and edits that are saved
 * at once, through the history. */

typedef struct
{
  BespokeStore      *store;
  BespokeHistory    *history;
  BespokePerson     *person;
  GtkWidget         *window;
  BespokeCirclePage *page;
} Fixture;

static BespokeCircleMember *
member_new (const char  *name,
            const char  *relationship,
            BespokeRing  ring)
{
  BespokeCircleMember *member = bespoke_circle_member_new ();

  bespoke_circle_member_set_name (member, name);
  bespoke_circle_member_set_relationship (member, relationship);
  bespoke_circle_member_set_ring (member, ring);
  return member;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeCircleMember) mum = member_new ("Margaret Roberts", "Mum", BESPOKE_RING_INTIMATE);
  g_autoptr(BespokeCircleMember) kev = member_new ("Kev", "Friend from the camping club", BESPOKE_RING_FRIENDS);

  f->store = bespoke_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->person = bespoke_person_new ();
  bespoke_person_set_name (f->person, "Paul Roberts");
  bespoke_person_set_preferred_name (f->person, "Paul");
  bespoke_store_save (f->store, f->person, &error);
  g_assert_no_error (error);

  /* Saved straight to the store, as another window would */
  bespoke_circle_member_set_person_uuid (mum, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)));
  bespoke_circle_member_set_person_uuid (kev, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)));
  bespoke_store_save (f->store, mum, &error);
  g_assert_no_error (error);
  bespoke_store_save (f->store, kev, &error);
  g_assert_no_error (error);

  f->history = bespoke_history_new (f->store);
  f->page = BESPOKE_CIRCLE_PAGE (bespoke_circle_page_new ());
  g_object_ref (f->page);
  f->window = gtk_window_new ();
  g_object_ref (f->window);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  bespoke_circle_page_set_person (f->page, f->store, f->history, f->person);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->person);
  g_assert_finalize_object (f->store);
}

static gpointer
get_child (Fixture    *f,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->page), BESPOKE_TYPE_CIRCLE_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static guint
n_rows (Fixture *f)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (get_child (f, "members_list"), n) != NULL)
    n++;
  return n;
}

static guint
n_stored (Fixture *f)
{
  g_autoptr(GPtrArray) members = bespoke_store_list (f->store, BESPOKE_TYPE_CIRCLE_MEMBER,
                                                     bespoke_record_get_uuid (BESPOKE_RECORD (f->person)), NULL);
  return members->len;
}

static void
test_shows_circle (Fixture       *f,
                   gconstpointer  data)
{
  BespokeCircleChart *chart = get_child (f, "chart");
  GListModel *members = bespoke_circle_page_get_members (f->page);
  g_autoptr(BespokeCircleMember) first = g_list_model_get_item (members, 0);
  GtkListBoxRow *row;

  /* Mum in the intimate ring, Kev among friends, no one else */
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_INTIMATE), ==, 1);
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_FRIENDS), ==, 1);
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_COMMUNITY), ==, 0);
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_PAID), ==, 0);

  /* The list, innermost ring first, each row saying who and how */
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_cmpstr (bespoke_circle_member_get_name (first), ==, "Margaret Roberts");
  row = gtk_list_box_get_row_at_index (get_child (f, "members_list"), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Margaret Roberts");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Mum · Intimate ring");
}

static void
test_add_change_remove (Fixture       *f,
                        gconstpointer  data)
{
  BespokeCircleChart *chart = get_child (f, "chart");
  g_autoptr(BespokeCircleMember) garage = member_new ("Northgate Garage", "Where I work", BESPOKE_RING_COMMUNITY);
  g_autoptr(BespokeCircleMember) sam = member_new ("Sam", "Neighbour", BESPOKE_RING_FRIENDS);
  g_autoptr(BespokeCircleMember) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* Added: stored for Paul, drawn in its ring, listed */
  g_assert_true (bespoke_circle_page_save_member (f->page, garage, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_stored (f), ==, 3);
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_COMMUNITY), ==, 1);
  g_assert_cmpuint (n_rows (f), ==, 3);

  /* A second friend goes after Kev: position 1 of the friends' ring */
  g_assert_true (bespoke_circle_page_save_member (f->page, sam, &error));
  stored = bespoke_store_load (f->store, BESPOKE_TYPE_CIRCLE_MEMBER, bespoke_record_get_uuid (BESPOKE_RECORD (sam)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_circle_member_get_person_uuid (stored), ==, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)));
  g_assert_cmpuint (bespoke_circle_member_get_position (stored), ==, 1);
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_FRIENDS), ==, 2);

  /* Moved to the community ring: after the garage there */
  bespoke_circle_member_set_ring (stored, BESPOKE_RING_COMMUNITY);
  g_assert_true (bespoke_circle_page_save_member (f->page, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bespoke_circle_member_get_position (stored), ==, 1);
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_FRIENDS), ==, 1);
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_COMMUNITY), ==, 2);

  /* Undo takes the move back */
  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_FRIENDS), ==, 2);

  /* Removed: gone from the store; Undo brings it back */
  g_assert_true (bespoke_circle_page_delete_member (f->page, garage, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_stored (f), ==, 3);
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_COMMUNITY), ==, 0);
  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_stored (f), ==, 4);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_COMMUNITY), ==, 1);
}

/* A button under @root whose icon is @icon_name, or whose label is @label */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *icon_name,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          ((icon_name != NULL && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0) ||
           (label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)))
        return child;
      if ((found = find_button (child, icon_name, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Each row carries its own person: its Remove button removes that one, and
 * the toast's Undo puts that one back. */
static void
test_row_remove_and_toast_undo (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkListBoxRow *row;
  GtkWidget *remove;
  GtkWidget *undo;

  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* Kev is the second row (the friends' ring comes after the intimate one) */
  row = gtk_list_box_get_row_at_index (get_child (f, "members_list"), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Kev");
  remove = find_button (GTK_WIDGET (row), "user-trash-symbolic", NULL);
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_get_visible (remove));
  g_signal_emit_by_name (remove, "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_stored (f), ==, 1);
  g_assert_cmpuint (n_rows (f), ==, 1);
  row = gtk_list_box_get_row_at_index (get_child (f, "members_list"), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Margaret Roberts");

  /* The toast's Undo brings Kev back, in the friends' ring */
  undo = find_button (overlay, NULL, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_stored (f), ==, 2);
  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (get_child (f, "chart"), BESPOKE_RING_FRIENDS), ==, 1);
  row = gtk_list_box_get_row_at_index (get_child (f, "members_list"), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Kev");
}

static void
test_no_person (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BespokeCircleMember) sam = member_new ("Sam", NULL, BESPOKE_RING_FRIENDS);
  g_autoptr(GError) error = NULL;

  /* No one chosen: nothing listed, and nothing can be added */
  bespoke_circle_page_set_person (f->page, f->store, f->history, NULL);
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_false (gtk_widget_get_visible (get_child (f, "add_button")));
  g_assert_false (bespoke_circle_page_save_member (f->page, sam, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (n_stored (f), ==, 2);
}

/* Fifteen people in the intimate ring, as a planner might put a large
 * family; Margaret is first, as in the fixture.  (No two-letter name such
 * as "Jo": GTK 4.8 warns that a list row's title that short "reported min
 * width 13 and natural width 12", whatever the chart does.) */
static const char * const family[] = {
  "Margaret Roberts", "Aunt Josephine Fitzgerald-Hughes", "Bob", "Christopher Alexander", "Dee",
  "Elizabeth Montgomery", "Frankie", "Gwendolyn Okonkwo-Smith", "Hal", "Isabella Rossi", "Joanne",
  "Kwame Mensah", "Lou", "Maximilian Schwarzenegger", "Nia",
};

static void
wait_for_size (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

/* However many people a ring has, no two labels overlap, every label is
 * inside the chart, and each of the @n people is either named (the first
 * ones, in order) or counted in the ring's "+K more". */
static void
check_labels (BespokeCircleChart *chart,
              guint               n)
{
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));
  guint n_labels = bespoke_circle_chart_get_n_labels (chart);
  guint shown = bespoke_circle_chart_get_n_shown_in_ring (chart, BESPOKE_RING_INTIMATE);
  guint named = 0, more = 0;

  g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_INTIMATE), ==, n);
  g_assert_cmpuint (shown, >=, 1);
  g_assert_cmpuint (shown, <=, n);

  for (guint i = 0; i < n_labels; i++)
    {
      graphene_rect_t area;
      int ring;
      const char *text = bespoke_circle_chart_get_label (chart, i, &ring, &area);

      g_assert_cmpfloat (area.origin.x, >=, 0);
      g_assert_cmpfloat (area.origin.y, >=, 0);
      g_assert_cmpfloat (area.origin.x + area.size.width, <=, width);
      g_assert_cmpfloat (area.origin.y + area.size.height, <=, height);

      for (guint j = 0; j < i; j++)
        {
          graphene_rect_t other;

          bespoke_circle_chart_get_label (chart, j, NULL, &other);
          g_assert_false (graphene_rect_intersection (&area, &other, NULL));
        }

      if (ring != BESPOKE_RING_INTIMATE)
        continue;
      if (g_str_has_prefix (text, "+"))
        {
          g_autofree char *expected = g_strdup_printf ("+%u more", n - shown);

          g_assert_cmpstr (text, ==, expected);
          more++;
        }
      else
        {
          /* the name, or the start of it where it had to be cut short */
          g_autofree char *start = g_strndup (text, strcspn (text, "…"));

          g_assert_cmpuint (named, <, n);
          g_assert_true (g_str_has_prefix (family[named], start));
          g_assert_cmpuint (strlen (start), >=, 2);
          named++;
        }
    }
  g_assert_cmpuint (named, ==, shown);
  g_assert_cmpuint (more, ==, shown < n ? 1 : 0);
}

static void
test_crowded_ring (gconstpointer data)
{
  int size = GPOINTER_TO_INT (data);
  g_autoptr(GListStore) members = g_list_store_new (BESPOKE_TYPE_CIRCLE_MEMBER);
  GtkWidget *window = gtk_window_new ();
  BespokeCircleChart *chart = BESPOKE_CIRCLE_CHART (bespoke_circle_chart_new ());

  for (guint i = 0; i < G_N_ELEMENTS (family); i++)
    {
      g_autoptr(BespokeCircleMember) member = member_new (family[i], NULL, BESPOKE_RING_INTIMATE);

      g_list_store_append (members, member);
    }
  bespoke_circle_chart_set_members (chart, G_LIST_MODEL (members), "Paul");

  g_object_ref (chart);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
  gtk_window_set_default_size (GTK_WINDOW (window), size, size);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_size (GTK_WIDGET (chart));

  check_labels (chart, G_N_ELEMENTS (family));
  if (size >= 560)
    {
      /* With room, more than the six that fitted before are named */
      g_assert_cmpuint (bespoke_circle_chart_get_n_shown_in_ring (chart, BESPOKE_RING_INTIMATE), >, 6);
    }

  /* One more person, in another ring, is laid out at once, and named */
  {
    g_autoptr(BespokeCircleMember) friend = member_new ("Kev", NULL, BESPOKE_RING_FRIENDS);
    gboolean kev = FALSE;

    g_list_store_append (members, friend);
    bespoke_circle_chart_set_members (chart, G_LIST_MODEL (members), "Paul");
    g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, BESPOKE_RING_FRIENDS), ==, 1);
    check_labels (chart, G_N_ELEMENTS (family));
    for (guint i = 0; i < bespoke_circle_chart_get_n_labels (chart); i++)
      {
        int ring;
        const char *text = bespoke_circle_chart_get_label (chart, i, &ring, NULL);

        if (ring == BESPOKE_RING_FRIENDS)
          {
            g_assert_cmpstr (text, ==, "Kev");
            kev = TRUE;
          }
      }
    g_assert_true (kev);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (chart);
}

/* With every ring crowded, each still shows someone (an inner ring's long
 * names do not take all of the next ring), and in each ring the names
 * drawn and the "+K more" add up to everyone in it. */
static void
test_every_ring_crowded (gconstpointer data)
{
  int size = GPOINTER_TO_INT (data);
  /* 15 intimate (the family), then 12 in each other ring */
  const guint expected[] = { G_N_ELEMENTS (family), 12, 12, 12 };
  g_autoptr(GListStore) members = g_list_store_new (BESPOKE_TYPE_CIRCLE_MEMBER);
  GtkWidget *window = gtk_window_new ();
  BespokeCircleChart *chart = BESPOKE_CIRCLE_CHART (bespoke_circle_chart_new ());
  guint named[4] = { 0, }, more[4] = { 0, };

  for (guint ring = 0; ring < 4; ring++)
    for (guint i = 0; i < expected[ring]; i++)
      {
        g_autofree char *name = ring == 0 ? g_strdup (family[i]) : g_strdup_printf ("Someone %u-%u", ring, i);
        g_autoptr(BespokeCircleMember) member = member_new (name, NULL, ring);

        g_list_store_append (members, member);
      }
  bespoke_circle_chart_set_members (chart, G_LIST_MODEL (members), "Paul");

  g_object_ref (chart);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
  gtk_window_set_default_size (GTK_WINDOW (window), size, size);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_size (GTK_WIDGET (chart));

  check_labels (chart, G_N_ELEMENTS (family));
  for (guint i = 0; i < bespoke_circle_chart_get_n_labels (chart); i++)
    {
      int ring;
      const char *text = bespoke_circle_chart_get_label (chart, i, &ring, NULL);

      if (g_str_has_prefix (text, "+"))
        {
          guint shown = bespoke_circle_chart_get_n_shown_in_ring (chart, ring);
          g_autofree char *expected_more = g_strdup_printf ("+%u more", expected[ring] - shown);

          g_assert_cmpstr (text, ==, expected_more);
          more[ring]++;
        }
      else
        named[ring]++;
    }
  for (guint ring = 0; ring < 4; ring++)
    {
      g_assert_cmpuint (bespoke_circle_chart_get_n_in_ring (chart, ring), ==, expected[ring]);
      g_assert_cmpuint (named[ring], ==, bespoke_circle_chart_get_n_shown_in_ring (chart, ring));
      g_assert_cmpuint (named[ring], >=, 1);
      g_assert_cmpuint (more[ring], ==, named[ring] < expected[ring] ? 1 : 0);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (chart);
}

/* The page's chart follows the store: fifteen in the intimate ring */
static void
test_page_crowded (Fixture       *f,
                   gconstpointer  data)
{
  BespokeCircleChart *chart = get_child (f, "chart");
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i < G_N_ELEMENTS (family); i++)
    {
      g_autoptr(BespokeCircleMember) member = member_new (family[i], NULL, BESPOKE_RING_INTIMATE);

      bespoke_circle_member_set_person_uuid (member, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)));
      bespoke_circle_member_set_position (member, i + 10);
      g_assert_true (bespoke_store_save (f->store, member, &error));
      g_assert_no_error (error);
    }
  wait_for_size (GTK_WIDGET (chart));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (n_rows (f), ==, G_N_ELEMENTS (family) + 1);
  check_labels (chart, G_N_ELEMENTS (family));
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/circle-page/shows-circle", Fixture, NULL, fixture_set_up, test_shows_circle, fixture_tear_down);
  g_test_add ("/circle-page/add-change-remove", Fixture, NULL, fixture_set_up, test_add_change_remove, fixture_tear_down);
  g_test_add ("/circle-page/row-remove-and-toast-undo", Fixture, NULL, fixture_set_up, test_row_remove_and_toast_undo, fixture_tear_down);
  g_test_add ("/circle-page/no-person", Fixture, NULL, fixture_set_up, test_no_person, fixture_tear_down);
  g_test_add ("/circle-page/page-crowded", Fixture, NULL, fixture_set_up, test_page_crowded, fixture_tear_down);
  g_test_add_data_func ("/circle-page/crowded-ring/560", GINT_TO_POINTER (560), test_crowded_ring);
  g_test_add_data_func ("/circle-page/crowded-ring/300", GINT_TO_POINTER (300), test_crowded_ring);
  g_test_add_data_func ("/circle-page/every-ring-crowded/560", GINT_TO_POINTER (560), test_every_ring_crowded);
  g_test_add_data_func ("/circle-page/every-ring-crowded/300", GINT_TO_POINTER (300), test_every_ring_crowded);

  return g_test_run ();
}
