/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-person-details"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-person-details.h"
#include "bespoke-test-util.h"

/* A person's details window (#14): every field saves as it is edited,
 * through the history; bad input says what is wrong and saves nothing. */

typedef struct
{
  BespokeStore   *store;
  BespokeHistory *history;
  GtkWidget      *details;
} Fixture;

static BespokePerson *
load_paul (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BespokePerson *paul = bespoke_store_load (f->store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);

  g_assert_no_error (error);
  return paul;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) paul = NULL;

  f->store = bespoke_store_open (":memory:", &error);
  g_assert_no_error (error);
  bespoke_example_install (f->store, &error);
  g_assert_no_error (error);
  f->history = bespoke_history_new (f->store);
  paul = load_paul (f);
  f->details = g_object_ref (bespoke_person_details_new (f->store, f->history, paul));
  gtk_window_present (GTK_WINDOW (f->details));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->details));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->details);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->store);
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

static gpointer
row_titled (Fixture    *f,
            GType       type,
            const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  find_all (f->details, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

/* The visible error sentences */
static char *
errors_shown (Fixture *f)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  find_all (f->details, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_has_css_class (label, "error") && gtk_widget_is_visible (label))
        g_string_append (text, gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
type_and_enter (GtkWidget  *row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
}

static void
test_nation (Fixture       *f,
             gconstpointer  data)
{
  AdwComboRow *nation = row_titled (f, ADW_TYPE_COMBO_ROW, "_Nation");  /* Alt+N opens it */
  g_autoptr(BespokePerson) before = load_paul (f);
  g_autoptr(BespokePerson) scottish = NULL;
  g_autoptr(BespokePerson) undone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (bespoke_person_get_nation (before), ==, BESPOKE_NATION_ENGLAND_AND_WALES);
  g_assert_cmpuint (adw_combo_row_get_selected (nation), ==, 0);
  adw_combo_row_set_selected (nation, 1);   /* England and Wales, Scotland, Northern Ireland */
  scottish = load_paul (f);
  g_assert_cmpint (bespoke_person_get_nation (scottish), ==, BESPOKE_NATION_SCOTLAND);
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==, "Change Paul’s nation");

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  undone = load_paul (f);
  g_assert_cmpint (bespoke_person_get_nation (undone), ==, BESPOKE_NATION_ENGLAND_AND_WALES);
  /* the window follows the undo */
  g_assert_cmpuint (adw_combo_row_get_selected (nation), ==, 0);
}

static void
test_date_of_birth (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *birth = row_titled (f, ADW_TYPE_ENTRY_ROW, "Date of birth");
  g_autoptr(BespokePerson) before = load_paul (f);
  g_autoptr(BespokePerson) after = NULL;
  g_autoptr(BespokePerson) saved = NULL;
  g_autoptr(BespokePerson) undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *future = NULL;
  g_autofree char *none = NULL;
  AdwPreferencesGroup *group;

  /* no 31 February: a sentence naming the field, and nothing saved */
  type_and_enter (birth, "31/2/1990");
  sentence = errors_shown (f);
  g_assert_nonnull (strstr (sentence, "The date of birth"));
  g_assert_nonnull (strstr (sentence, "There is no such day"));
  g_assert_true (gtk_widget_has_css_class (birth, "error"));
  after = load_paul (f);
  g_assert_cmpstr (bespoke_person_get_date_of_birth (after), ==, bespoke_person_get_date_of_birth (before));
  g_assert_false (bespoke_history_get_can_undo (f->history));

  type_and_enter (birth, "1/1/2999");
  future = errors_shown (f);
  g_assert_nonnull (strstr (future, "The date of birth is in the future"));

  /* a good date: saved, the error gone, and the age shown beside it */
  type_and_enter (birth, "3/4/1984");
  none = errors_shown (f);
  g_assert_cmpstr (none, ==, "");
  saved = load_paul (f);
  g_assert_cmpstr (bespoke_person_get_date_of_birth (saved), ==, "1984-04-03");
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (birth, ADW_TYPE_PREFERENCES_GROUP));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "Born 3 April 1984: "));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), " years old."));

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  undone = load_paul (f);
  g_assert_cmpstr (bespoke_person_get_date_of_birth (undone), ==, bespoke_person_get_date_of_birth (before));
}

/* Every field has a name for assistive technologies */
static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const char *titles[] = { "Full name", "Preferred name", "Date of birth", "Client group", "Postcode", "Notes" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    row_titled (f, ADW_TYPE_ENTRY_ROW, titles[i]);
  find_all (f->details, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), !=, "");

  /* the postcode is kept in capitals */
  type_and_enter (row_titled (f, ADW_TYPE_ENTRY_ROW, "Postcode"), " iv2 3ab ");
  {
    g_autoptr(BespokePerson) paul = load_paul (f);
    g_assert_cmpstr (bespoke_person_get_postcode (paul), ==, "IV2 3AB");
  }
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/person-details/nation", Fixture, NULL, fixture_set_up, test_nation, fixture_tear_down);
  g_test_add ("/person-details/date-of-birth", Fixture, NULL, fixture_set_up, test_date_of_birth, fixture_tear_down);
  g_test_add ("/person-details/names", Fixture, NULL, fixture_set_up, test_names, fixture_tear_down);

  return g_test_run ();
}
