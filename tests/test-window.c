/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "bespoke-core.h"
#include "bespoke-person-details.h"
#include "bespoke-synth.h"
#include "bespoke-example.h"
#include "bespoke-budget-page.h"
#include "bespoke-circle-page.h"
#include "bespoke-person-row.h"
#include "bespoke-plan-page.h"
#include "bespoke-profile-view.h"
#include "bespoke-window.h"
#include "bespoke-test-util.h"

/* The people every test starts from. */
#define PAUL_NAME      "Paul Roberts"
#define PAUL_PREFERRED "Paul"
#define JENNIE_NAME    "Jennie Walsh"
#define DANNY_NAME     "Danny Price"

static const char *paul_statements[3][3] = {
  { "I make people laugh.", "I keep the garage spotless.", NULL },
  { "Going camping with my mates.", "My job at the garage.", NULL },
  { "Give me time in the morning.", NULL, NULL },
};

static const char *danny_statements[3][3] = {
  { "I am patient.", NULL, NULL },
  { "Football on Sunday.", NULL, NULL },
  { "Give me my rota a month ahead.", NULL, NULL },
};

static BespokePerson *
add_person (BespokeStore *store,
            const char   *name,
            const char   *preferred,
            gboolean      staff,
            const char   *statements[3][3])
{
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autoptr(GError) error = NULL;

  bespoke_person_set_name (person, name);
  bespoke_person_set_preferred_name (person, preferred);
  bespoke_person_set_is_staff (person, staff);
  bespoke_store_save (store, person, &error);
  g_assert_no_error (error);

  for (guint section = 0; statements != NULL && section < 3; section++)
    for (guint i = 0; statements[section][i] != NULL; i++)
      {
        g_autoptr(BespokeStatement) statement = bespoke_statement_new ();

        bespoke_statement_set_person_uuid (statement, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
        bespoke_statement_set_section (statement, section);
        bespoke_statement_set_position (statement, i);
        bespoke_statement_set_text (statement, statements[section][i]);
        bespoke_store_save (store, statement, &error);
        g_assert_no_error (error);
      }

  return g_steal_pointer (&person);
}

static BespokeStore *
new_store_with_people (void)
{
  g_autoptr(GError) error = NULL;
  BespokeStore *store = bespoke_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_object_unref (add_person (store, PAUL_NAME, PAUL_PREFERRED, FALSE, paul_statements));
  g_object_unref (add_person (store, JENNIE_NAME, NULL, FALSE, NULL));
  g_object_unref (add_person (store, DANNY_NAME, NULL, TRUE, danny_statements));
  return store;
}

static BespokeWindow *
new_window (BespokeStore *store)
{
  BespokeWindow *window = bespoke_window_new (NULL, store);

  /* GTK owns toplevels; the test keeps its own reference, to check at the
   * end that destroying the window frees it. */
  g_object_ref (window);
  return window;
}

static void
destroy_window (BespokeWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gpointer
get_child (BespokeWindow *window,
           const char    *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), BESPOKE_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static GListModel *
get_people (BespokeWindow *window)
{
  GtkListView *list = get_child (window, "people_list");

  return G_LIST_MODEL (gtk_list_view_get_model (list));
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; fails after ten seconds. */
static void
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_labels (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;
  return FALSE;
}

static char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(BespokePerson) person = g_list_model_get_item (model, position);

  g_assert_nonnull (person);
  return g_strdup (bespoke_person_get_name (person));
}

static guint
find_position (GListModel *model,
               const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autofree char *item_name = name_at (model, i);

      if (g_str_equal (item_name, name))
        return i;
    }
  g_assert_not_reached ();
}

static gboolean
list_has_rows (gpointer data)
{
  GtkWidget *list = data;

  return shows_label (list, DANNY_NAME);
}

static void
test_window_lists_people (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GListModel *people = get_people (window);
  GtkStack *main_stack = get_child (window, "main_stack");
  GtkWidget *list = get_child (window, "people_list");
  g_autofree char *last = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "people");
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);

  /* Everyone is listed, and staff come after the people Bespoke plans with. */
  find_position (people, PAUL_NAME);
  find_position (people, JENNIE_NAME);
  last = name_at (people, 2);
  g_assert_cmpstr (last, ==, DANNY_NAME);

  /* Nobody is chosen until the user chooses. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (people)), ==, GTK_INVALID_LIST_POSITION);

  /* On screen, the rows carry the names, and "Staff" under Danny's. */
  gtk_window_present (GTK_WINDOW (window));
  wait_until (list_has_rows, list);
  g_assert_true (shows_label (list, PAUL_NAME));
  g_assert_true (shows_label (list, JENNIE_NAME));
  g_assert_true (shows_label (list, "Staff"));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

static void
search_for (BespokeWindow *window,
            const char    *text,
            guint          expected)
{
  CountWait wait = { get_people (window), expected };

  /* The entry waits for typing to pause before it searches. */
  gtk_editable_set_text (GTK_EDITABLE (get_child (window, "search_entry")), text);
  wait_until (has_n_items, &wait);
}

static void
test_window_search (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GListModel *people = get_people (window);
  GtkStack *list_stack = get_child (window, "list_stack");
  GtkStack *main_stack = get_child (window, "main_stack");
  g_autofree char *found = NULL;

  gtk_window_present (GTK_WINDOW (window));

  /* Part of a name, in any case */
  search_for (window, "jEN", 1);
  found = name_at (people, 0);
  g_assert_cmpstr (found, ==, JENNIE_NAME);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");

  /* No match says so, and does not look like an empty database */
  search_for (window, "Zebedee", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "people");

  /* Clearing the search brings everyone back */
  search_for (window, "", 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_window_shows_profile (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_people (window));
  GtkWidget *profile_view = get_child (window, "profile_view");
  GtkStack *content_stack = get_child (window, "content_stack");
  AdwViewSwitcherTitle *content_title = get_child (window, "switcher_title");

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "none");

  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), PAUL_NAME));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "person");
  g_assert_cmpstr (adw_view_switcher_title_get_title (content_title), ==, PAUL_NAME);

  /* His name, the name he likes, the three headings and every statement */
  g_assert_true (shows_label (profile_view, PAUL_NAME));
  g_assert_true (shows_label (profile_view, "Likes to be called " PAUL_PREFERRED));
  g_assert_true (shows_label (profile_view, "What people like and admire about me"));
  g_assert_true (shows_label (profile_view, "What’s important to me"));
  g_assert_true (shows_label (profile_view, "How best to support me"));
  for (guint section = 0; section < 3; section++)
    for (guint i = 0; paul_statements[section][i] != NULL; i++)
      g_assert_true (shows_label (profile_view, paul_statements[section][i]));
  g_assert_false (shows_label (profile_view, danny_statements[1][0]));

  /* Staff have the third heading for work */
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), DANNY_NAME));
  g_assert_true (shows_label (profile_view, DANNY_NAME));
  g_assert_true (shows_label (profile_view, "How to support me well at work"));
  g_assert_false (shows_label (profile_view, "How best to support me"));
  g_assert_true (shows_label (profile_view, danny_statements[2][0]));
  g_assert_false (shows_label (profile_view, paul_statements[0][0]));

  /* Jennie has nothing written yet */
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), JENNIE_NAME));
  g_assert_true (shows_label (profile_view, JENNIE_NAME));
  g_assert_false (shows_label (profile_view, danny_statements[2][0]));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return shows_label (wait->widget, wait->text);
}

static void
test_window_follows_store (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_people (window));
  GtkWidget *profile_view = get_child (window, "profile_view");
  g_autoptr(BespokePerson) anne = NULL;
  g_autoptr(BespokeStatement) statement = bespoke_statement_new ();
  g_autoptr(GError) error = NULL;
  LabelWait wait = { profile_view, "I like the radio on." };

  gtk_window_present (GTK_WINDOW (window));

  /* Someone saved elsewhere joins the list */
  anne = add_person (store, "Anne-Marie Byrne", NULL, FALSE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 4);

  /* A statement saved for the person shown appears in their profile */
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), "Anne-Marie Byrne"));
  g_assert_false (shows_label (profile_view, wait.text));
  bespoke_statement_set_person_uuid (statement, bespoke_record_get_uuid (BESPOKE_RECORD (anne)));
  bespoke_statement_set_section (statement, BESPOKE_SECTION_SUPPORT);
  bespoke_statement_set_text (statement, wait.text);
  bespoke_store_save (store, statement, &error);
  g_assert_no_error (error);
  wait_until (label_shown, &wait);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_window_offers_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (":memory:", &error);
  BespokeWindow *window;
  GtkStack *main_stack;
  GListModel *people;
  g_autoptr(BespokePerson) paul = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  window = new_window (store);
  main_stack = get_child (window, "main_stack");
  people = get_people (window);
  gtk_window_present (GTK_WINDOW (window));

  /* No one at all: the example people are offered */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "empty");
  g_assert_true (gtk_widget_get_sensitive (get_child (window, "example_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-example", NULL));

  /* Paul, the domain's first example, is now listed; the offer is gone */
  g_assert_true (bespoke_example_is_installed (store));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "people");
  paul = bespoke_store_load (store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BespokePerson) person = g_list_model_get_item (people, i);

      if (g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (person)), BESPOKE_EXAMPLE_PAUL_UUID))
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_false (gtk_widget_get_sensitive (get_child (window, "example_button")));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_window_read_only (void)
{
  /* G_TEST_OPTION_ISOLATE_DIRS makes this a fresh folder, removed after */
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "newer.db", NULL);
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  BespokeWindow *window;
  GtkRevealer *revealer;
  sqlite3 *db = NULL;

  /* A database as this version writes it, with Paul in it, which a version
   * far in the future has since marked as its own */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  store = bespoke_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (add_person (store, PAUL_NAME, PAUL_PREFERRED, FALSE, paul_statements));
  g_assert_finalize_object (g_steal_pointer (&store));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %d;", bespoke_store_get_latest_schema () + 100);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = bespoke_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_store_get_read_only (store));

  window = new_window (store);
  revealer = get_child (window, "read_only_revealer");
  gtk_window_present (GTK_WINDOW (window));

  /* Paul can still be read; the reason is on screen, and nothing offers to write */
  g_assert_cmpuint (g_list_model_get_n_items (get_people (window)), ==, 1);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (shows_label (GTK_WIDGET (revealer), bespoke_store_get_read_only_reason (store)));
  g_assert_false (gtk_widget_get_sensitive (get_child (window, "example_button")));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_window_text_size (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  BespokeProfileView *profile_view = get_child (window, "profile_view");
  int steps = 0;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (bespoke_profile_view_get_text_size (profile_view), ==, 0);

  /* Larger, step by step, until the largest size, and then no further */
  while (gtk_widget_activate_action (GTK_WIDGET (window), "win.text-larger", NULL) &&
         bespoke_profile_view_get_text_size (profile_view) > steps)
    steps++;
  g_assert_cmpint (steps, ==, BESPOKE_PROFILE_VIEW_TEXT_SIZE_MAX);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (profile_view), "text-size-4"));

  /* Back to the usual size in one go, then one step smaller */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.text-normal", NULL);
  g_assert_cmpint (bespoke_profile_view_get_text_size (profile_view), ==, 0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (profile_view), "text-size-4"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.text-smaller", NULL);
  g_assert_cmpint (bespoke_profile_view_get_text_size (profile_view), ==, -1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (profile_view), "text-size-m1"));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_person_row (void)
{
  GtkWidget *row = g_object_ref_sink (bespoke_person_row_new ());
  g_autoptr(BespokePerson) danny = bespoke_person_new ();

  bespoke_person_set_name (danny, DANNY_NAME);
  bespoke_person_set_is_staff (danny, TRUE);

  bespoke_person_row_set_person (BESPOKE_PERSON_ROW (row), danny);
  g_assert_true (shows_label (row, DANNY_NAME));
  g_assert_true (shows_label (row, "Staff"));

  bespoke_person_set_is_staff (danny, FALSE);
  bespoke_person_row_set_person (BESPOKE_PERSON_ROW (row), NULL);
  bespoke_person_row_set_person (BESPOKE_PERSON_ROW (row), danny);
  g_assert_false (shows_label (row, "Staff"));

  g_assert_finalize_object (row);
}

/* Finds a button by its label (e.g. a toast's "_Undo") anywhere under @widget. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_undo_button (gpointer data)
{
  return find_button (data, "_Undo") != NULL;
}

static const char *
selected_name (BespokeWindow *window)
{
  BespokePerson *person = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (get_people (window)));

  return person != NULL ? bespoke_person_get_name (person) : NULL;
}

static void
test_window_lazy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (":memory:", &error);
  BespokeWindow *window;
  BespokePeopleModel *people;
  GtkWidget *list;
  g_autoptr(GPtrArray) last_page = NULL;
  BespokePerson *last;
  guint fetched;

  g_assert_no_error (error);
  /* 3,000 people: thirty pages of the model's hundred rows */
  bespoke_synth_people (store, 3000, 7, NULL, NULL, &error);
  g_assert_no_error (error);

  window = new_window (store);
  people = bespoke_window_get_people_model (window);
  list = get_child (window, "people_list");

  /* Counted, not read: GtkListView keeps row widgets for at most about 200
   * items (GTK 4.8's GTK_LIST_VIEW_MAX_LIST_ITEMS), and the model reads
   * whole pages of 100, so no more than three pages are read of thirty.
   * Until its first frame the list is given only a screenful; everyone
   * just after it */
  gtk_window_present (GTK_WINDOW (window));
  wait_until ((Condition) gtk_widget_get_mapped, list);
  {
    CountWait wait = { get_people (window), 3000 };

    wait_until (has_n_items, &wait);
  }
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (get_people (window)), ==, 3000);
  fetched = bespoke_people_model_get_n_fetched_rows (people);
  g_assert_cmpuint (fetched, >, 0);
  g_assert_cmpuint (fetched, <=, 300);

  /* Choosing the very last person finds their row by a binary search:
   * its probes (rows 1500, 2250, 2625, 2812, 2906, then 2953… on page 29)
   * fall on five pages, 500 rows, on top of the 300 above: under 1,000 of
   * the 3,000 */
  last_page = bespoke_store_list_people (store, BESPOKE_PEOPLE_ALL, NULL, 2999, 1, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (last_page, 0);
  bespoke_window_show_person (window, last);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (get_people (window))), ==, 2999);
  g_assert_cmpuint (bespoke_people_model_get_n_fetched_rows (people), <, 1000);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_window_filter (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  g_autofree char *name = NULL;

  gtk_window_present (GTK_WINDOW (window));

  /* Staff only: Danny */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.people-filter", "s", "staff"));
  g_assert_cmpstr (bespoke_window_get_people_filter (window), ==, "staff");
  g_assert_cmpuint (g_list_model_get_n_items (get_people (window)), ==, 1);
  name = name_at (get_people (window), 0);
  g_assert_cmpstr (name, ==, DANNY_NAME);

  /* The people supported: Paul and Jennie */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.people-filter", "s", "people");
  g_assert_cmpuint (g_list_model_get_n_items (get_people (window)), ==, 2);
  find_position (get_people (window), PAUL_NAME);
  find_position (get_people (window), JENNIE_NAME);

  /* A search works within the filter: no staff match "Dan" among the people */
  search_for (window, "Dan", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "main_stack")), ==, "people");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "list_stack")), ==, "no-results");

  /* Everyone again: Danny found */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.people-filter", "s", "all");
  g_assert_cmpuint (g_list_model_get_n_items (get_people (window)), ==, 1);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_window_add_person (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  g_autoptr(BespokePerson) added = NULL;
  g_autoptr(BespokePerson) stored = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));

  /* A name is needed: nothing is saved without one */
  g_assert_null (bespoke_window_add_person (window, "   ", NULL, FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (get_people (window)), ==, 3);

  /* Added while only staff are listed: the list shows everyone again, and
   * the new person is chosen, with their (empty) profile beside */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.people-filter", "s", "staff");
  added = bespoke_window_add_person (window, " Anne-Marie Byrne ", "Annie", FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpstr (bespoke_window_get_people_filter (window), ==, "all");
  g_assert_cmpuint (g_list_model_get_n_items (get_people (window)), ==, 4);
  g_assert_cmpstr (selected_name (window), ==, "Anne-Marie Byrne");
  g_assert_true (bespoke_window_get_person (window) != NULL);
  g_assert_cmpstr (bespoke_person_get_name (bespoke_window_get_person (window)), ==, "Anne-Marie Byrne");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "content_stack")), ==, "person");

  stored = bespoke_store_load (store, BESPOKE_TYPE_PERSON, bespoke_record_get_uuid (BESPOKE_RECORD (added)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bespoke_person_get_name (stored), ==, "Anne-Marie Byrne");
  g_assert_cmpstr (bespoke_person_get_preferred_name (stored), ==, "Annie");
  g_assert_false (bespoke_person_get_is_staff (stored));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_window_keeps_selection (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_people (window));
  AdwViewSwitcherTitle *title = get_child (window, "switcher_title");
  g_autoptr(BespokePerson) jennie = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), PAUL_NAME));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);  /* Jennie, Paul, Danny */

  /* Someone else renamed elsewhere moves Paul's row: he stays chosen */
  jennie = bespoke_store_find_person (store, JENNIE_NAME, &error);
  g_assert_no_error (error);
  bespoke_person_set_name (jennie, "Zoe Walsh");
  bespoke_store_save (store, jennie, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);  /* Paul, Zoe, Danny */
  g_assert_cmpstr (selected_name (window), ==, PAUL_NAME);

  /* Paul renamed here: still chosen, the title follows, and Undo puts the
   * old name back */
  g_assert_true (bespoke_window_rename_person (window, "Paul Young", "Paul", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (selected_name (window), ==, "Paul Young");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);  /* Paul Young, Zoe, Danny */
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "Paul Young");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (selected_name (window), ==, PAUL_NAME);
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, PAUL_NAME);

  /* A search that hides him keeps his pages; clearing it finds his row */
  search_for (window, "Zoe", 1);
  g_assert_cmpstr (bespoke_person_get_name (bespoke_window_get_person (window)), ==, PAUL_NAME);
  search_for (window, "", 3);
  g_assert_cmpstr (selected_name (window), ==, PAUL_NAME);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_window_archive (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_people (window));
  GtkWidget *overlay = get_child (window, "toast_overlay");
  g_autoptr(BespokePerson) jennie = NULL;
  g_autoptr(BespokePerson) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *undo;

  gtk_window_present (GTK_WINDOW (window));
  jennie = bespoke_store_find_person (store, JENNIE_NAME, &error);
  g_assert_no_error (error);
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), JENNIE_NAME));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.archive-person", NULL));

  /* Off the list, kept in the store, marked archived; no one is shown */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
  stored = bespoke_store_load (store, BESPOKE_TYPE_PERSON, bespoke_record_get_uuid (BESPOKE_RECORD (jennie)), &error);
  g_assert_no_error (error);
  g_assert_true (bespoke_person_get_archived (stored));
  g_assert_null (bespoke_window_get_person (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "content_stack")), ==, "none");

  /* The toast's Undo brings her back, chosen */
  wait_until (shows_undo_button, overlay);
  undo = find_button (overlay, "_Undo");
  g_signal_emit_by_name (undo, "clicked");
  g_clear_object (&stored);
  stored = bespoke_store_load (store, BESPOKE_TYPE_PERSON, bespoke_record_get_uuid (BESPOKE_RECORD (jennie)), &error);
  g_assert_false (bespoke_person_get_archived (stored));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);
  g_assert_cmpstr (selected_name (window), ==, JENNIE_NAME);
  g_assert_cmpstr (bespoke_person_get_name (bespoke_window_get_person (window)), ==, JENNIE_NAME);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static guint
count_statements (BespokeStore *store,
                  const char   *person_uuid)
{
  g_autoptr(GPtrArray) statements = bespoke_store_list (store, BESPOKE_TYPE_STATEMENT, person_uuid, NULL);

  return statements->len;
}

static void
test_window_undo_redo (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_people (window));
  BespokeProfileView *profile_view = get_child (window, "profile_view");
  BespokeHistory *history = bespoke_window_get_history (window);
  const char *paul_uuid;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), PAUL_NAME));
  paul_uuid = bespoke_record_get_uuid (BESPOKE_RECORD (bespoke_window_get_person (window)));
  g_assert_false (bespoke_history_get_can_undo (history));

  /* Paul has 2 + 2 + 1 statements; one more makes 6, and Undo makes 5 again */
  g_assert_cmpuint (count_statements (store, paul_uuid), ==, 5);
  g_assert_true (bespoke_profile_view_add_statement (profile_view, BESPOKE_SECTION_SUPPORT, "Tell me the plan for the day.", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_statements (store, paul_uuid), ==, 6);
  g_assert_true (bespoke_history_get_can_undo (history));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_statements (store, paul_uuid), ==, 5);
  g_assert_false (bespoke_history_get_can_undo (history));
  g_assert_true (bespoke_history_get_can_redo (history));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (count_statements (store, paul_uuid), ==, 6);

  /* Removing the photo from the person menu is undone like any edit */
  {
    /* a one-pixel red PNG */
    static const guint8 png[] = {
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
      0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
      0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
      0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
      0x44, 0xae, 0x42, 0x60, 0x82,
    };
    g_autoptr(GBytes) photo = g_bytes_new_static (png, sizeof png);
    g_autoptr(GBytes) back = NULL;
    g_autofree char *mime_type = NULL;

    /* a copy: the window swaps its person object when the store changes */
    g_autofree char *uuid = g_strdup (paul_uuid);

    paul_uuid = NULL;
    g_assert_true (bespoke_store_set_photo (store, uuid, photo, "image/png", &error));
    g_assert_no_error (error);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-photo", NULL));
    g_assert_null (bespoke_store_get_photo (store, uuid, NULL, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    back = bespoke_store_get_photo (store, uuid, &mime_type, NULL);
    g_assert_nonnull (back);
    g_assert_true (g_bytes_equal (back, photo));
    g_assert_cmpstr (mime_type, ==, "image/png");
  }

  /* Choosing someone else starts a new history */
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), JENNIE_NAME));
  g_assert_false (bespoke_history_get_can_undo (history));
  g_assert_false (bespoke_history_get_can_redo (history));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_window_statement_toast (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_people (window));
  BespokeProfileView *profile_view = get_child (window, "profile_view");
  GtkWidget *overlay = get_child (window, "toast_overlay");
  g_autoptr(BespokeStatement) first = NULL;
  const char *paul_uuid;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), PAUL_NAME));
  paul_uuid = bespoke_record_get_uuid (BESPOKE_RECORD (bespoke_window_get_person (window)));
  first = g_list_model_get_item (bespoke_profile_get_section (bespoke_profile_view_get_profile (profile_view),
                                                             BESPOKE_SECTION_APPRECIATION), 0);
  g_assert_cmpstr (bespoke_statement_get_text (first), ==, paul_statements[0][0]);

  /* Deleted: gone from the store (5 − 1 = 4), and a toast offers Undo */
  g_assert_true (bespoke_profile_view_delete_statement (profile_view, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_statements (store, paul_uuid), ==, 4);
  wait_until (shows_undo_button, overlay);
  g_signal_emit_by_name (find_button (overlay, "_Undo"), "clicked");

  /* Back, first in its section again */
  g_assert_cmpuint (count_statements (store, paul_uuid), ==, 5);
  {
    g_autoptr(BespokeProfile) profile = bespoke_profile_load (store, paul_uuid, &error);
    g_autoptr(BespokeStatement) again = g_list_model_get_item (bespoke_profile_get_section (profile, BESPOKE_SECTION_APPRECIATION), 0);

    g_assert_no_error (error);
    g_assert_cmpstr (bespoke_statement_get_text (again), ==, paul_statements[0][0]);
  }

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The message dialog the window has open, if any. */
static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_window_dialogs (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_people (window));
  AdwMessageDialog *dialog;
  GtkWidget *name_row;
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(BespokePerson) gone = NULL;
  g_autoptr(GError) error = NULL;
  char *paul_uuid;

  gtk_window_present (GTK_WINDOW (window));

  /* New person: Add is offered only once a name is typed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-person", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  name_row = find_entry_row (GTK_WIDGET (dialog), "Full name");
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ellie Shaw");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  adw_message_dialog_response (dialog, "ok");
  close_dialog (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 4);
  g_assert_cmpstr (selected_name (window), ==, "Ellie Shaw");

  /* Details open from the person's menu, for the person shown (#14) */
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), PAUL_NAME));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.person-details", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *details = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (BESPOKE_IS_PERSON_DETAILS (w))
          details = w;
      }
    g_assert_nonnull (details);
    g_assert_cmpstr (gtk_window_get_title (details), ==, "Paul Roberts’s Details");
    gtk_window_destroy (details);
  }

  /* Delete asks first; Cancel keeps Paul */
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), PAUL_NAME));
  paul = g_object_ref (bespoke_window_get_person (window));
  paul_uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (paul)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-person", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "cancel");
  close_dialog (dialog);
  gone = bespoke_store_load (store, BESPOKE_TYPE_PERSON, paul_uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gone);
  g_clear_object (&gone);

  /* Delete confirmed: Paul and his statements are gone, and no one is shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-person", NULL));
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "delete");
  close_dialog (dialog);
  gone = bespoke_store_load (store, BESPOKE_TYPE_PERSON, paul_uuid, NULL);
  g_assert_null (gone);
  g_assert_cmpuint (count_statements (store, paul_uuid), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);
  g_assert_null (bespoke_window_get_person (window));
  g_free (paul_uuid);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static gboolean
has_budget_page (gpointer data)
{
  return BESPOKE_IS_BUDGET_PAGE (adw_bin_get_child (get_child (data, "budget_bin")));
}

static void
test_window_pages (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  AdwViewStack *view_stack = get_child (window, "view_stack");
  const char *names[] = { "profile", "plan", "budget", "circle", "sessions" };
  GListModel *pages;

  gtk_window_present (GTK_WINDOW (window));

  /* Five pages, in this order (the facilitated sessions of issue #10 last) */
  pages = G_LIST_MODEL (adw_view_stack_get_pages (view_stack));
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, names[i]);
    }
  g_object_unref (pages);

  /* Alt+4's action shows the circle of the person shown */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (get_people (window)),
                                     find_position (get_people (window), PAUL_NAME));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "circle"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "circle");

  /* The page is made by the time it is shown, for the person shown */
  g_assert_true (BESPOKE_IS_CIRCLE_PAGE (adw_bin_get_child (get_child (window, "circle_bin"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan"));
  g_assert_true (BESPOKE_IS_PLAN_PAGE (adw_bin_get_child (get_child (window, "plan_bin"))));

  /* and the rest soon after the first frame */
  wait_until (has_budget_page, window);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The menus are made when first opened, and then kept */
static void
test_window_menus (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GtkMenuButton *button = get_child (window, "primary_menu_button");
  GtkMenuButton *person_button = get_child (window, "person_menu_button");
  GtkPopover *popover;

  gtk_window_present (GTK_WINDOW (window));
  wait_until ((Condition) gtk_widget_get_mapped, button);

  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_menu_model (button) == get_child (window, "primary_menu"));
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  gtk_menu_button_popdown (button);
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);

  /* the person menu, once someone is chosen */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (get_people (window)),
                                     find_position (get_people (window), PAUL_NAME));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (person_button)));
  gtk_menu_button_popup (person_button);
  g_assert_true (gtk_menu_button_get_menu_model (person_button) == get_child (window, "person_menu"));
  gtk_menu_button_popdown (person_button);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static GtkWindow *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        return toplevel;
    }
  return NULL;
}

/* Keyboard Shortcuts (the main menu, Ctrl+?) shows the shortcuts window,
 * made the first time and then kept; it goes with the window */
static void
test_window_shortcuts (void)
{
  g_autoptr(BespokeStore) store = new_store_with_people ();
  BespokeWindow *window = new_window (store);
  GtkWindow *shortcuts;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (find_shortcuts_window ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (shortcuts));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  gtk_window_close (shortcuts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (find_shortcuts_window () == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  destroy_window (window);
  g_assert_null (find_shortcuts_window ());
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* #14: another connection to the same database file (bespoke-cli, an
 * import, another process) renames the person shown and adds a statement;
 * when the window checks SQLite's data version (as it does on becoming
 * active again) the list and the open profile show both. */
static void
test_window_live_refresh (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeStore) store = bespoke_store_open (path, &error);
  g_autoptr(BespokeStore) other = NULL;
  g_autoptr(BespokePerson) paul = NULL;
  g_autoptr(BespokePerson) renamed = NULL;
  g_autoptr(BespokeStatement) statement = bespoke_statement_new ();
  BespokeWindow *window;
  GtkSingleSelection *selection;
  GtkWidget *profile_view;

  g_assert_no_error (error);
  paul = add_person (store, PAUL_NAME, PAUL_PREFERRED, FALSE, paul_statements);
  window = new_window (store);
  selection = GTK_SINGLE_SELECTION (get_people (window));
  profile_view = get_child (window, "profile_view");
  gtk_window_present (GTK_WINDOW (window));
  gtk_single_selection_set_selected (selection, find_position (G_LIST_MODEL (selection), PAUL_NAME));
  g_assert_true (shows_label (profile_view, PAUL_NAME));

  other = bespoke_store_open (path, &error);
  g_assert_no_error (error);
  renamed = bespoke_store_load (other, BESPOKE_TYPE_PERSON, bespoke_record_get_uuid (BESPOKE_RECORD (paul)), &error);
  g_assert_no_error (error);
  bespoke_person_set_name (renamed, "Paul Robertson");
  g_assert_true (bespoke_store_save (other, renamed, &error));
  bespoke_statement_set_person_uuid (statement, bespoke_record_get_uuid (BESPOKE_RECORD (paul)));
  bespoke_statement_set_section (statement, BESPOKE_SECTION_IMPORTANT);
  bespoke_statement_set_position (statement, 9);
  bespoke_statement_set_text (statement, "Seeing my cousin on Saturdays.");
  g_assert_true (bespoke_store_save (other, statement, &error));
  g_assert_no_error (error);

  /* the other connection's writes emit nothing on this one; the check
   * (also made when the window becomes active) reads them */
  bespoke_window_check_data_version (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (shows_label (profile_view, "Paul Robertson"));
  g_assert_true (shows_label (profile_view, "Seeing my cousin on Saturdays."));
  g_assert_cmpstr (selected_name (window), ==, "Paul Robertson");
  g_assert_cmpstr (bespoke_person_get_name (bespoke_window_get_person (window)), ==, "Paul Robertson");
  g_assert_false (bespoke_window_check_data_version (window));   /* read once */

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
count_person_rows (GtkWidget *widget,
                   guint     *n)
{
  if (BESPOKE_IS_PERSON_ROW (widget))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_person_rows (child, n);
}

static gboolean
has_items (gpointer model)
{
  return g_list_model_get_n_items (model) > 0;
}

/* An import of thousands into an empty database (here: another connection
 * adds 3,000 people, and the window reads them): the list gets a screenful
 * of them at once, and builds only their rows in that dispatch, not the
 * 200 that GtkListView builds for a long list (70 ms and more of the window
 * not answering, issue #13); then everyone, a screenful a frame. */
static void
test_window_fills_gradually (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.db", NULL);
  g_autoptr(BespokeStore) store = open_store_at (path);
  g_autoptr(BespokeStore) other = open_store_at (path);
  g_autoptr(GError) error = NULL;
  BespokeWindow *window;
  GtkWidget *list;
  guint rows = 0, shown;

  g_object_unref (add_person (store, PAUL_NAME, PAUL_PREFERRED, FALSE, paul_statements));
  window = new_window (store);
  list = get_child (window, "people_list");
  gtk_window_present (GTK_WINDOW (window));
  wait_until ((Condition) gtk_widget_get_mapped, list);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (bespoke_synth_people (other, 3000, 7, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bespoke_window_check_data_version (window));

  /* a screenful (the window's: its height / 40 + 2 rows, 22 under the
   * tests' Xvfb of 800 pixels; at most 50 on a screen up to 1,920 high),
   * not everyone */
  shown = g_list_model_get_n_items (get_people (window));
  g_assert_cmpuint (shown, >, 1);
  g_assert_cmpuint (shown, <=, 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bespoke_window_get_people_model (window))), ==, 3001);
  count_person_rows (list, &rows);
  g_assert_cmpuint (rows, <=, shown);

  {
    CountWait wait = { get_people (window), 3001 };

    wait_until (has_n_items, &wait);
  }
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  rows = 0;
  count_person_rows (list, &rows);
  g_assert_cmpuint (rows, >=, 200);   /* GtkListView's own rows, built by now */

  /* Showing someone not shown yet (the last of 3,000 more, as the list
   * fills again after a search that found no one) chooses their row at
   * once */
  g_assert_true (bespoke_synth_people (other, 3000, 8, NULL, NULL, &error));
  g_assert_no_error (error);
  search_for (window, "zzzzzz", 0);
  gtk_editable_set_text (GTK_EDITABLE (get_child (window, "search_entry")), "");
  wait_until (has_items, get_people (window));
  g_assert_cmpuint (g_list_model_get_n_items (get_people (window)), <=, 50);
  {
    g_autoptr(GPtrArray) last_page = bespoke_store_list_people (store, BESPOKE_PEOPLE_ALL, NULL, 6000, 1, &error);

    g_assert_no_error (error);
    bespoke_window_show_person (window, g_ptr_array_index (last_page, 0));
  }
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (get_people (window))), ==, 6000);
  g_assert_cmpuint (g_list_model_get_n_items (get_people (window)), ==, 6001);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/window/lists-people", test_window_lists_people);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/shows-profile", test_window_shows_profile);
  g_test_add_func ("/window/follows-store", test_window_follows_store);
  g_test_add_func ("/window/live-refresh", test_window_live_refresh);
  g_test_add_func ("/window/fills-gradually", test_window_fills_gradually);
  g_test_add_func ("/window/offers-example", test_window_offers_example);
  g_test_add_func ("/window/read-only", test_window_read_only);
  g_test_add_func ("/window/text-size", test_window_text_size);
  g_test_add_func ("/window/lazy", test_window_lazy);
  g_test_add_func ("/window/filter", test_window_filter);
  g_test_add_func ("/window/add-person", test_window_add_person);
  g_test_add_func ("/window/keeps-selection", test_window_keeps_selection);
  g_test_add_func ("/window/archive", test_window_archive);
  g_test_add_func ("/window/undo-redo", test_window_undo_redo);
  g_test_add_func ("/window/statement-toast", test_window_statement_toast);
  g_test_add_func ("/window/dialogs", test_window_dialogs);
  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/menus", test_window_menus);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/person-row/shows-person", test_person_row);

  return g_test_run ();
}
