/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-field"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-field.h"
#include "bespoke-field-set.h"
#include "bespoke-test-util.h"

/* BespokeField and BespokeFieldSet on their own: an entry row bound to a
 * person's name saves through the history, keeps bad text on screen with
 * a sentence and saves nothing, and never saves what code shows. */

typedef struct
{
  BespokeStore    *store;
  BespokeHistory  *history;
  BespokePerson   *person;
  BespokeFieldSet *set;
  GtkWidget       *window;
  GtkWidget       *row;
  GtkLabel        *error_label;
  BespokeField    *field;
} Fixture;

static gboolean
apply_name (BespokeRecord  *record,
            const char     *text,
            GError        **error)
{
  bespoke_person_set_name (BESPOKE_PERSON (record), text);
  return TRUE;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
stored_name (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) stored = bespoke_store_load (f->store, BESPOKE_TYPE_PERSON,
                                                        bespoke_record_get_uuid (BESPOKE_RECORD (f->person)),
                                                        &error);

  g_assert_no_error (error);
  return g_strdup (bespoke_person_get_name (stored));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list = gtk_list_box_new ();

  f->store = open_store_at (":memory:");
  f->history = bespoke_history_new (f->store);
  f->person = bespoke_person_new ();
  bespoke_person_set_name (f->person, "Paul Roberts");
  save_ok (f->store, f->person);

  f->set = bespoke_field_set_new ();
  bespoke_field_set_set_store (f->set, f->store, f->history);
  bespoke_field_set_remember (f->set, f->person);

  f->row = adw_entry_row_new ();
  f->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_visible (GTK_WIDGET (f->error_label), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), f->row);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->error_label));
  f->window = g_object_ref (gtk_window_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));

  f->field = bespoke_field_bind_text (f->set, ADW_ENTRY_ROW (f->row),
                                      bespoke_record_get_uuid (BESPOKE_RECORD (f->person)),
                                      apply_name, "Change Name", f->error_label);
  bespoke_field_set_text (f->field, "Paul Roberts");
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->set);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->person);
  g_assert_finalize_object (f->store);
}

/* Typed text is saved once the set flushes (as after 500 ms or on
 * leaving), and Undo takes it back. */
static void
test_typed_text_saved_and_undone (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  gtk_editable_set_text (GTK_EDITABLE (f->row), "Paul Anthony Roberts");
  before = stored_name (f);
  g_assert_cmpstr (before, ==, "Paul Roberts");   /* waiting, not yet saved */

  bespoke_field_set_flush (f->set);
  after = stored_name (f);
  g_assert_cmpstr (after, ==, "Paul Anthony Roberts");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->error_label)));

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  undone = stored_name (f);
  g_assert_cmpstr (undone, ==, "Paul Roberts");
}

/* A name cannot be blank: the text stays, the sentence says so, and the
 * store keeps the old name. */
static void
test_bad_text_kept_and_not_saved (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *name = NULL;

  gtk_editable_set_text (GTK_EDITABLE (f->row), "");
  bespoke_field_set_flush (f->set);
  iterate ();

  name = stored_name (f);
  g_assert_cmpstr (name, ==, "Paul Roberts");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->row)), ==, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (f->error_label), "name"));
  g_assert_true (gtk_widget_has_css_class (f->row, "error"));

  /* Put right, the mark and the sentence go, and the name is saved */
  gtk_editable_set_text (GTK_EDITABLE (f->row), "Paul R.");
  bespoke_field_set_flush (f->set);
  iterate ();
  g_free (name);
  name = stored_name (f);
  g_assert_cmpstr (name, ==, "Paul R.");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->error_label)));
  g_assert_false (gtk_widget_has_css_class (f->row, "error"));
}

/* What code shows in a field is never saved, and leaves no undo step. */
static void
test_shown_text_not_saved (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *name = NULL;

  bespoke_field_set_text (f->field, "Someone Else");
  bespoke_field_set_flush (f->set);
  iterate ();

  name = stored_name (f);
  g_assert_cmpstr (name, ==, "Paul Roberts");
  g_assert_false (bespoke_history_get_can_undo (f->history));
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/field/typed-text-saved-and-undone", Fixture, NULL, fixture_set_up, test_typed_text_saved_and_undone, fixture_tear_down);
  g_test_add ("/field/bad-text-kept-and-not-saved", Fixture, NULL, fixture_set_up, test_bad_text_kept_and_not_saved, fixture_tear_down);
  g_test_add ("/field/shown-text-not-saved", Fixture, NULL, fixture_set_up, test_shown_text_not_saved, fixture_tear_down);

  return g_test_run ();
}
