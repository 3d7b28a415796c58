/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-example.h"
#include "bespoke-person-details.h"
#include "bespoke-window-private.h"

/* The window's actions (win.*), when each is enabled, and the window's own
 * keyboard shortcuts; the application adds Ctrl+F, Ctrl+W, Ctrl+Q and the
 * text sizes as accelerators. */

static gboolean
is_writable (BespokeWindow *self)
{
  return !bespoke_store_get_read_only (self->store);
}

void
_bespoke_window_update_actions (BespokeWindow *self)
{
  gboolean installed = bespoke_example_is_installed (self->store);
  gboolean writable = is_writable (self);
  gboolean chosen = self->person != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-example", !installed && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-person", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-person", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.person-details", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-photo", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-photo", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive-person", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-person", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-pdf", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-session", chosen && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && bespoke_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && bespoke_history_get_can_redo (self->history));

  if (!writable)
    adw_status_page_set_description (self->empty_page,
                                     _("There is no one in this database, and it is open read-only, so no one can be added."));
  else if (installed)
    adw_status_page_set_description (self->empty_page,
                                     _("There is no one in this database yet. Add someone with the + button."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Bespoke keeps one-page profiles and support plans for the people you support and for your staff. "
                                       "To look around first, add some example people: they can be changed or removed later."));
}

static void
add_example_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!bespoke_example_install (self->store, &error))
    {
      _bespoke_window_show_message (self, _("The Example People Could Not Be Added"), error->message);
      return;
    }

  _bespoke_window_add_toast (self, adw_toast_new (_("Example people added")));
  _bespoke_window_update_pages (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "people") != 0)
    return;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  bespoke_people_sidebar_start_search (self->sidebar);
}

void
_bespoke_window_update_text_size_actions (BespokeWindow *self)
{
  int text_size = bespoke_profile_view_get_text_size (self->profile_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-larger",
                                 text_size < BESPOKE_PROFILE_VIEW_TEXT_SIZE_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-smaller",
                                 text_size > BESPOKE_PROFILE_VIEW_TEXT_SIZE_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-normal", text_size != 0);
}

static void
text_size_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  int text_size = bespoke_profile_view_get_text_size (self->profile_view);

  if (g_str_equal (action_name, "win.text-larger"))
    text_size++;
  else if (g_str_equal (action_name, "win.text-smaller"))
    text_size--;
  else
    text_size = 0;

  bespoke_profile_view_set_text_size (self->profile_view, text_size);
  _bespoke_window_update_text_size_actions (self);
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");
  g_autofree char *label = g_strdup (undo ? bespoke_history_get_undo_label (self->history)
                                          : bespoke_history_get_redo_label (self->history));
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = undo ? bespoke_history_undo (self->history, &error)
            : bespoke_history_redo (self->history, &error);
  if (!ok)
    {
      _bespoke_window_show_message (self, undo ? _("That Could Not Be Undone") : _("That Could Not Be Redone"),
                    error->message);
      return;
    }

  if (label != NULL)
    {
      /* Translators: %s is what was undone, e.g. "Add Statement" */
      title = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label);
      _bespoke_window_add_toast (self, adw_toast_new (title));
    }
}

/* The keyboard shortcuts (Ctrl+?, which GtkApplication sets for this
 * action because the resource is there), made the first time they are
 * asked for.  The window is an AdwWindow, not an AdwApplicationWindow,
 * because GtkApplication builds every application window's shortcuts
 * window as the window is made: a twentieth of the time to its first
 * frame, for a window few people open. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/bespoke/Bespoke/gtk/help-overlay.ui");

      self->help_overlay = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_modal (self->help_overlay, TRUE);
      gtk_window_set_hide_on_close (self->help_overlay, TRUE);
      gtk_window_set_transient_for (self->help_overlay, GTK_WINDOW (self));
    }
  gtk_window_present (self->help_overlay);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);

  GtkWidget *page, *focus;

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
  _bespoke_window_show_content (self);
  /* Alt+1…5 take the keyboard into the page, unless it is already there */
  page = adw_view_stack_get_visible_child (self->view_stack);
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (page != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* Print… and Save as PDF…: "" for the page's documents, or one by name */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _bespoke_window_print (BESPOKE_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _bespoke_window_save_pdf (BESPOKE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _bespoke_window_new_person_dialog (BESPOKE_WINDOW (widget));
}

static void
rename_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _bespoke_window_rename_person_dialog (BESPOKE_WINDOW (widget));
}

static void
person_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  GtkWidget *details;

  if (self->person == NULL)
    return;
  details = bespoke_person_details_new (self->store, self->history, self->person);
  gtk_window_set_transient_for (GTK_WINDOW (details), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (details));
}

static void
choose_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "profile");
  bespoke_profile_view_choose_photo (self->profile_view);
}

static void
remove_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->person == NULL)
    return;
  /* through the profile view's history, so that Ctrl+Z puts it back */
  if (!bespoke_profile_view_remove_photo (self->profile_view, &error))
    _bespoke_window_show_message (self, _("The Photo Could Not Be Removed"), error->message);
}

static void
archive_person_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!bespoke_window_archive_person (self, &error))
    _bespoke_window_show_message (self, _("They Could Not Be Archived"), error->message);
}

static void
delete_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _bespoke_window_delete_person_dialog (BESPOKE_WINDOW (widget));
}

static void
session_done_cb (BespokeCaptureView *view,
                 BespokeWindow      *self)
{
  adw_bin_set_child (self->session_bin, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "people");
  _bespoke_window_add_toast (self, adw_toast_new (_("Session ended and kept")));
}

/* F5: a facilitated session with the person shown (issue #10): the
 * capture view takes the window, and the TV window opens. */
static void
start_session_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BespokeWindow *self = BESPOKE_WINDOW (widget);
  g_autoptr(BespokeSessionController) controller = NULL;
  g_autoptr(GError) error = NULL;
  BespokeCaptureView *view;

  if (self->person == NULL || adw_bin_get_child (self->session_bin) != NULL)
    return;
  controller = bespoke_session_controller_new (self->store, self->history, self->person, &error);
  if (controller == NULL)
    {
      _bespoke_window_show_message (self, _("The Session Could Not Start"), error->message);
      return;
    }
  view = bespoke_capture_view_new (controller);
  g_signal_connect (view, "done", G_CALLBACK (session_done_cb), self);
  adw_bin_set_child (self->session_bin, GTK_WIDGET (view));
  gtk_stack_set_visible_child_name (self->main_stack, "session");
  bespoke_capture_view_present_tv (view);
}

void
_bespoke_window_class_actions_init (GtkWidgetClass *widget_class)
{
  static const struct { guint key; const char *page; } pages[] = {
    { GDK_KEY_1, "profile" }, { GDK_KEY_2, "plan" }, { GDK_KEY_3, "budget" }, { GDK_KEY_4, "circle" },
    { GDK_KEY_5, "sessions" },
  };

  gtk_widget_class_install_action (widget_class, "win.add-example", NULL, add_example_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.text-larger", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.text-smaller", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.text-normal", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "win.rename-person", NULL, rename_person_action);
  gtk_widget_class_install_action (widget_class, "win.person-details", NULL, person_details_action);
  gtk_widget_class_install_action (widget_class, "win.choose-photo", NULL, choose_photo_action);
  gtk_widget_class_install_action (widget_class, "win.remove-photo", NULL, remove_photo_action);
  gtk_widget_class_install_action (widget_class, "win.archive-person", NULL, archive_person_action);
  gtk_widget_class_install_action (widget_class, "win.delete-person", NULL, delete_person_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "win.save-pdf", "s", save_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.start-session", NULL, start_session_action);
  gtk_widget_class_install_property_action (widget_class, "win.people-filter", "people-filter");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  /* Properties, as in Files: the chosen person's details */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.person-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_ALT_MASK, "win.person-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.start-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, pages[i].key, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i].page);
}
