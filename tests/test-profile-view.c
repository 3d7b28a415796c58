/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-profile-view"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-profile-view.h"
#include "bespoke-statement-row.h"
#include "bespoke-test-util.h"

/* The profile editor: every edit is in the store at once, through the
 * history, and undoable. */

typedef struct
{
  BespokeStore       *store;
  BespokeHistory     *history;
  BespokePerson      *person;
  GtkWidget          *window;
  BespokeProfileView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean staff = GPOINTER_TO_INT (data);

  f->store = bespoke_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->person = bespoke_person_new ();
  bespoke_person_set_name (f->person, staff ? "Danny Price" : "Paul Roberts");
  bespoke_person_set_is_staff (f->person, staff);
  bespoke_store_save (f->store, f->person, &error);
  g_assert_no_error (error);
  f->history = bespoke_history_new (f->store);

  f->view = BESPOKE_PROFILE_VIEW (bespoke_profile_view_new ());
  g_object_ref (f->view);
  bespoke_profile_view_set_store (f->view, f->store);
  bespoke_profile_view_set_history (f->view, f->history);
  bespoke_profile_view_set_person (f->view, f->person);

  f->window = gtk_window_new ();
  g_object_ref (f->window);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->view);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->person);
  g_assert_finalize_object (f->store);
}

/* The statements of one section, as stored, in order, joined by "|". */
static char *
stored_section (Fixture        *f,
                BespokeSection  section)
{
  g_autoptr(BespokeProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *model;

  profile = bespoke_profile_load (f->store, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)), &error);
  g_assert_no_error (error);
  model = bespoke_profile_get_section (profile, section);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BespokeStatement) statement = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i ? "|" : "", bespoke_statement_get_text (statement));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gpointer
get_child (Fixture    *f,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->view), BESPOKE_TYPE_PROFILE_VIEW, name);

  g_assert_nonnull (child);
  return child;
}

static BespokeStatementRow *
row_at (Fixture    *f,
        const char *list_name,
        int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (get_child (f, list_name), index);

  g_assert_true (BESPOKE_IS_STATEMENT_ROW (row));
  return BESPOKE_STATEMENT_ROW (row);
}

static void
type_and_enter (GtkWidget  *entry,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  GtkWidget *entry = get_child (f, "important_add");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other = NULL;

  /* Typed and Enter: saved at once, in order, and the entry is cleared */
  type_and_enter (entry, "  My job at the garage. ");
  type_and_enter (entry, "Seeing my mum every day.");
  first = stored_section (f, BESPOKE_SECTION_IMPORTANT);
  g_assert_cmpstr (first, ==, "My job at the garage.|Seeing my mum every day.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row_at (f, "important_list", 1))), ==, 1);

  /* Nothing typed: nothing saved */
  type_and_enter (entry, "   ");
  second = stored_section (f, BESPOKE_SECTION_IMPORTANT);
  g_assert_cmpstr (second, ==, "My job at the garage.|Seeing my mum every day.");

  /* The other sections are untouched */
  other = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (other, ==, "");

  /* Undo takes back the last one */
  g_assert_true (bespoke_history_undo (f->history, NULL));
  g_free (second);
  second = stored_section (f, BESPOKE_SECTION_IMPORTANT);
  g_assert_cmpstr (second, ==, "My job at the garage.");
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  BespokeStatementRow *row;
  GtkWidget *row_entry;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *kept = NULL;

  type_and_enter (get_child (f, "support_add"), "Give me time in the morning.");
  before = stored_section (f, BESPOKE_SECTION_SUPPORT);
  g_assert_cmpstr (before, ==, "Give me time in the morning.");

  /* Activating the row edits it in place; Enter keeps the change */
  row = row_at (f, "support_list", 0);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  g_assert_true (bespoke_statement_row_get_editing (row));
  row_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), BESPOKE_TYPE_STATEMENT_ROW, "entry"));
  type_and_enter (row_entry, "Give me time in the morning, and a cup of tea.");
  g_assert_false (bespoke_statement_row_get_editing (row));
  after = stored_section (f, BESPOKE_SECTION_SUPPORT);
  g_assert_cmpstr (after, ==, "Give me time in the morning, and a cup of tea.");

  /* Emptied: the old text stays, nothing is saved */
  flush ();
  row = row_at (f, "support_list", 0);
  bespoke_statement_row_start_editing (row);
  row_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), BESPOKE_TYPE_STATEMENT_ROW, "entry"));
  type_and_enter (row_entry, "  ");
  kept = stored_section (f, BESPOKE_SECTION_SUPPORT);
  g_assert_cmpstr (kept, ==, "Give me time in the morning, and a cup of tea.");

  /* Undo puts the first text back */
  g_assert_true (bespoke_history_undo (f->history, NULL));
  undone = stored_section (f, BESPOKE_SECTION_SUPPORT);
  g_assert_cmpstr (undone, ==, "Give me time in the morning.");
}

static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *entry = get_child (f, "appreciation_add");
  BespokeStatementRow *row;
  g_autofree char *moved_down = NULL;
  g_autofree char *moved_up = NULL;
  g_autofree char *dropped = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *at_top = NULL;

  type_and_enter (entry, "A");
  type_and_enter (entry, "B");
  type_and_enter (entry, "C");

  /* Alt+Down on A: B A C */
  row = row_at (f, "appreciation_list", 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.move-down", NULL));
  moved_down = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (moved_down, ==, "B|A|C");
  /* The moved row keeps the keyboard focus */
  row = row_at (f, "appreciation_list", 1);
  g_assert_cmpstr (bespoke_statement_get_text (bespoke_statement_row_get_statement (row)), ==, "A");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));

  /* Alt+Up on C: B C A */
  row = row_at (f, "appreciation_list", 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.move-up", NULL));
  moved_up = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (moved_up, ==, "B|C|A");

  /* Up from the top goes nowhere */
  row = row_at (f, "appreciation_list", 0);
  gtk_widget_activate_action (GTK_WIDGET (row), "row.move-up", NULL);
  at_top = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (at_top, ==, "B|C|A");

  /* A dragged onto B takes B's place: A B C */
  {
    BespokeStatementRow *a = row_at (f, "appreciation_list", 2);
    BespokeStatementRow *b = row_at (f, "appreciation_list", 0);
    g_autofree char *uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (bespoke_statement_row_get_statement (a))));

    g_signal_emit_by_name (b, "statement-dropped", uuid);
  }
  dropped = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (dropped, ==, "A|B|C");

  /* A move is one step: one Undo puts B C A back */
  g_assert_true (bespoke_history_undo (f->history, NULL));
  undone = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (undone, ==, "B|C|A");

  /* C dropped on another section's entry goes to the end of that section */
  flush ();
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (get_child (f, "important_add"));
    BespokeStatementRow *c = row_at (f, "appreciation_list", 1);
    g_auto(GValue) value = G_VALUE_INIT;
    g_autofree char *left = NULL;
    g_autofree char *moved_to = NULL;
    gboolean handled = FALSE;

    g_value_init (&value, BESPOKE_TYPE_STATEMENT);
    g_value_set_object (&value, bespoke_statement_row_get_statement (c));
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller) &&
            gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)) != NULL &&
            gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)), BESPOKE_TYPE_STATEMENT))
          g_signal_emit_by_name (controller, "drop", &value, 0.0, 0.0, &handled);
      }
    g_assert_true (handled);
    left = stored_section (f, BESPOKE_SECTION_APPRECIATION);
    g_assert_cmpstr (left, ==, "B|A");
    moved_to = stored_section (f, BESPOKE_SECTION_IMPORTANT);
    g_assert_cmpstr (moved_to, ==, "C");
  }
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = get_child (f, "appreciation_add");
  g_autofree char *deleted = NULL;
  g_autofree char *undone = NULL;

  type_and_enter (entry, "I make people laugh.");
  type_and_enter (entry, "I keep the garage spotless.");

  /* Delete on the first row */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, "appreciation_list", 0)), "row.delete", NULL));
  deleted = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (deleted, ==, "I keep the garage spotless.");
  flush ();
  g_assert_nonnull (gtk_list_box_get_row_at_index (get_child (f, "appreciation_list"), 0));
  g_assert_null (gtk_list_box_get_row_at_index (get_child (f, "appreciation_list"), 1));

  /* Undo: back in its old place */
  g_assert_true (bespoke_history_undo (f->history, NULL));
  undone = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (undone, ==, "I make people laugh.|I keep the garage spotless.");
}

static void
test_staff_heading (Fixture       *f,
                    gconstpointer  data)
{
  GtkLabel *heading = get_child (f, "support_heading");

  /* Staff have the wording for work */
  g_assert_cmpstr (gtk_label_get_label (heading), ==, "How to support me well at work");
}

static void
test_photo (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "photo.png", NULL);
  g_autoptr(GdkPixbuf) big = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1024, 768);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) not_a_picture = NULL;
  g_autofree char *text_path = g_build_filename (g_get_user_data_dir (), "notes.txt", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *mime_type = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  gdk_pixbuf_fill (big, 0x3584e4ff);
  gdk_pixbuf_save (big, path, "png", &error, NULL);
  g_assert_no_error (error);

  /* 1024 × 768 scaled to fit 512 × 512 is 512 × 384 (768 × 512 / 1024) */
  g_assert_true (bespoke_profile_view_set_photo_file (f->view, file, &error));
  g_assert_no_error (error);
  bytes = bespoke_store_get_photo (f->store, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)), &mime_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime_type, ==, "image/jpeg");
  texture = gdk_texture_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 512);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 384);

  /* Not a picture: a sentence, and the photo stays */
  g_file_set_contents (text_path, "not a picture", -1, &error);
  g_assert_no_error (error);
  not_a_picture = g_file_new_for_path (text_path);
  g_assert_false (bespoke_profile_view_set_photo_file (f->view, not_a_picture, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = bespoke_store_get_photo (f->store, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)), NULL, NULL);
  g_assert_nonnull (bytes);
}

static GFile *
make_picture (const char *name,
              int         width,
              int         height,
              guint32     colour)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  gdk_pixbuf_fill (pixbuf, colour);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The width of the picture the avatar shows, or 0 for none (initials) */
static int
shown_photo_width (Fixture *f)
{
  AdwAvatar *avatar = get_child (f, "avatar");
  GdkPaintable *image = adw_avatar_get_custom_image (avatar);

  return image ? gdk_paintable_get_intrinsic_width (image) : 0;
}

/* Setting, replacing and removing a photo are undone and redone like any
 * edit, and the photo on screen follows.  Both pictures are smaller than
 * 512 × 512, so they are kept at their own size: A is 200 wide, B 100. */
static void
test_photo_undo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) a = make_picture ("a.png", 200, 100, 0x3584e4ff);
  g_autoptr(GFile) b = make_picture ("b.png", 100, 300, 0xe01b24ff);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (shown_photo_width (f), ==, 0);
  g_assert_true (bespoke_profile_view_set_photo_file (f->view, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shown_photo_width (f), ==, 200);
  g_assert_true (bespoke_profile_view_set_photo_file (f->view, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shown_photo_width (f), ==, 100);
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==, "Change Paul’s photo");

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  flush ();
  g_assert_cmpint (shown_photo_width (f), ==, 200);

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  flush ();
  g_assert_cmpint (shown_photo_width (f), ==, 0);
  g_assert_false (bespoke_history_get_can_undo (f->history));

  g_assert_true (bespoke_history_redo (f->history, &error));
  flush ();
  g_assert_cmpint (shown_photo_width (f), ==, 200);
  g_assert_true (bespoke_history_redo (f->history, &error));
  g_assert_no_error (error);
  flush ();
  g_assert_cmpint (shown_photo_width (f), ==, 100);

  /* Removing it is undoable too */
  g_assert_true (bespoke_profile_view_remove_photo (f->view, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shown_photo_width (f), ==, 0);
  g_assert_null (bespoke_store_get_photo (f->store, bespoke_record_get_uuid (BESPOKE_RECORD (f->person)), NULL, NULL));
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==, "Remove Paul’s photo");
  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  flush ();
  g_assert_cmpint (shown_photo_width (f), ==, 100);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A deleted statement comes back, in its old place, from the toast's Undo. */
static void
test_delete_toast_undo (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *entry = get_child (f, "appreciation_add");
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *back = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *undo;

  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);

  type_and_enter (entry, "Kind.");
  type_and_enter (entry, "Funny.");
  type_and_enter (entry, "Patient.");
  before = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (before, ==, "Kind.|Funny.|Patient.");

  g_assert_true (bespoke_profile_view_delete_statement (f->view,
                                                        bespoke_statement_row_get_statement (row_at (f, "appreciation_list", 1)),
                                                        &error));
  g_assert_no_error (error);
  after = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (after, ==, "Kind.|Patient.");

  /* Straight away: the toast goes by itself after a few seconds. */
  undo = find_button (f->window, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  back = stored_section (f, BESPOKE_SECTION_APPRECIATION);
  g_assert_cmpstr (back, ==, "Kind.|Funny.|Patient.");
}

/* #14: in a window too short for the profile, the "Add a statement…"
 * entry keeps the focus and stays in view as statements push it down;
 * undo and redo take the focus to the statement they changed. */

static void
put_in_scroller (Fixture *f)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 400);
  while (gtk_widget_get_height (scroller) == 0 || gtk_widget_get_height (scroller) > 400)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
seen (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, scroller, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* Waits until the focus is in @widget (or is it) and @widget is in view */
static void
wait_focused_and_seen (Fixture   *f,
                       GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

      if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)) && seen (widget))
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
test_add_entry_in_view (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *entry = get_child (f, "support_add");

  put_in_scroller (f);
  gtk_widget_grab_focus (entry);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *text = g_strdup_printf ("Statement %u, said slowly and written down.", i + 1);

      type_and_enter (entry, text);
      wait_focused_and_seen (f, entry);
    }
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row_at (f, "support_list", 7))), ==, 7);
}

static void
test_focus_after_undo (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *entry = get_child (f, "support_add");
  g_autoptr(GError) error = NULL;
  BespokeStatement *first;

  put_in_scroller (f);
  for (guint i = 0; i < 8; i++)
    type_and_enter (entry, "Ask me before you help.");
  flush ();
  first = bespoke_statement_row_get_statement (row_at (f, "support_list", 0));
  g_assert_true (bespoke_profile_view_edit_statement (f->view, first, "Ask me first.", &error));
  g_assert_no_error (error);
  /* the undo names the person and the statement as it was */
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==, "Change Paul’s statement “Ask me before you help.”");
  flush ();
  gtk_widget_grab_focus (entry);
  wait_focused_and_seen (f, entry);

  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  flush ();  /* the rows are made again */
  wait_focused_and_seen (f, GTK_WIDGET (row_at (f, "support_list", 0)));
  g_assert_cmpstr (bespoke_statement_get_text (bespoke_statement_row_get_statement (row_at (f, "support_list", 0))), ==,
                   "Ask me before you help.");

  gtk_widget_grab_focus (entry);
  wait_focused_and_seen (f, entry);
  g_assert_true (bespoke_history_redo (f->history, &error));
  g_assert_no_error (error);
  flush ();
  wait_focused_and_seen (f, GTK_WIDGET (row_at (f, "support_list", 0)));
  g_assert_cmpstr (bespoke_statement_get_text (bespoke_statement_row_get_statement (row_at (f, "support_list", 0))), ==,
                   "Ask me first.");
}

int
main (int   argc,
      char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/profile-view/add", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/profile-view/edit", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/profile-view/reorder", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_reorder, fixture_tear_down);
  g_test_add ("/profile-view/delete", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/profile-view/delete-toast-undo", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_delete_toast_undo, fixture_tear_down);
  g_test_add ("/profile-view/staff-heading", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_staff_heading, fixture_tear_down);
  g_test_add ("/profile-view/photo", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_photo, fixture_tear_down);
  g_test_add ("/profile-view/add-entry-in-view", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_add_entry_in_view, fixture_tear_down);
  g_test_add ("/profile-view/focus-after-undo", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_focus_after_undo, fixture_tear_down);
  g_test_add ("/profile-view/photo-undo", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_photo_undo, fixture_tear_down);

  return g_test_run ();
}
