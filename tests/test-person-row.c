/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The people list shows each person's photo, as the profile does, and
 * their initials when they have none (#14); a new photo shows at once. */
#define G_LOG_DOMAIN "test-person-row"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-people-sidebar.h"
#include "bespoke-person-row.h"
#include "bespoke-test-util.h"

/* A 4×4 red square, as PNG */
static GBytes *
red_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 4, 4);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xff0000ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static BespokePerson *
load_person (BespokeStore *store,
             const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  BespokePerson *person = bespoke_store_load (store, BESPOKE_TYPE_PERSON, uuid, &error);

  g_assert_no_error (error);
  return person;
}

static void
test_row (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GBytes) png = red_png ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) paul = load_person (store, BESPOKE_EXAMPLE_PAUL_UUID);
  GtkWidget *row = g_object_ref_sink (bespoke_person_row_new ());

  g_assert_true (bespoke_store_set_photo (store, BESPOKE_EXAMPLE_PAUL_UUID, png, "image/png", &error));
  g_assert_no_error (error);

  /* without a store to read it from, initials */
  bespoke_person_row_set_person (BESPOKE_PERSON_ROW (row), paul);
  g_assert_false (bespoke_person_row_get_has_photo (BESPOKE_PERSON_ROW (row)));
  /* with one, the photo */
  bespoke_person_row_set_store (BESPOKE_PERSON_ROW (row), store);
  g_assert_true (bespoke_person_row_get_has_photo (BESPOKE_PERSON_ROW (row)));
  /* the photo removed: initials again, when the row is shown again */
  g_assert_true (bespoke_store_set_photo (store, BESPOKE_EXAMPLE_PAUL_UUID, NULL, NULL, &error));
  bespoke_person_row_set_person (BESPOKE_PERSON_ROW (row), NULL);
  bespoke_person_row_set_person (BESPOKE_PERSON_ROW (row), paul);
  g_assert_false (bespoke_person_row_get_has_photo (BESPOKE_PERSON_ROW (row)));

  g_assert_finalize_object (row);
}

/* The row of the person with @uuid, among those the list view made */
static BespokePersonRow *
find_row (GtkWidget  *widget,
          const char *uuid)
{
  if (BESPOKE_IS_PERSON_ROW (widget))
    {
      BespokePerson *person = bespoke_person_row_get_person (BESPOKE_PERSON_ROW (widget));

      if (person != NULL && g_strcmp0 (bespoke_record_get_uuid (BESPOKE_RECORD (person)), uuid) == 0)
        return BESPOKE_PERSON_ROW (widget);
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      BespokePersonRow *row = find_row (child, uuid);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static void
settle (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
test_sidebar (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GBytes) png = red_png ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  BespokePeopleSidebar *sidebar = g_object_new (BESPOKE_TYPE_PEOPLE_SIDEBAR, NULL);
  BespokePersonRow *row;
  GPtrArray *people;
  const char *other_uuid = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (sidebar));
  bespoke_people_sidebar_set_store (sidebar, store, 0);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  row = find_row (GTK_WIDGET (sidebar), BESPOKE_EXAMPLE_PAUL_UUID);
  g_assert_nonnull (row);
  g_assert_false (bespoke_person_row_get_has_photo (row));

  /* Paul's photo, set as the profile sets it: his row shows it at once */
  g_assert_true (bespoke_store_set_photo (store, BESPOKE_EXAMPLE_PAUL_UUID, png, "image/png", &error));
  g_assert_no_error (error);
  settle ();
  row = find_row (GTK_WIDGET (sidebar), BESPOKE_EXAMPLE_PAUL_UUID);
  g_assert_nonnull (row);
  g_assert_true (bespoke_person_row_get_has_photo (row));

  /* and no one else's row has it */
  people = bespoke_store_list (store, BESPOKE_TYPE_PERSON, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len && other_uuid == NULL; i++)
    if (g_strcmp0 (bespoke_record_get_uuid (g_ptr_array_index (people, i)), BESPOKE_EXAMPLE_PAUL_UUID) != 0 &&
        find_row (GTK_WIDGET (sidebar), bespoke_record_get_uuid (g_ptr_array_index (people, i))) != NULL)
      other_uuid = bespoke_record_get_uuid (g_ptr_array_index (people, i));
  g_assert_nonnull (other_uuid);
  g_assert_false (bespoke_person_row_get_has_photo (find_row (GTK_WIDGET (sidebar), other_uuid)));
  g_ptr_array_unref (people);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/person-row/photo", test_row);
  g_test_add_func ("/person-row/sidebar-photo", test_sidebar);
  return g_test_run ();
}
