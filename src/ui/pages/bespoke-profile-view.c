/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-profile-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bespoke-enums.h"
#include "bespoke-profile-view.h"
#include "bespoke-statement-row.h"
#include "bespoke-types.h"

#define N_SECTIONS 3

/* Photos are kept no larger than this on either side. */
#define PHOTO_SIZE 512

/**
 * BespokeProfileView:
 *
 * A person's one-page profile, to read and to write: their photo or
 * initials, their name, and the statements under the three headings.
 * Typing in a section's entry and pressing Enter adds a statement; a
 * statement is changed in place, moved with Alt+Up/Alt+Down or by dragging,
 * and deleted with an undo toast.  Every edit is saved at once through the
 * history, so the window's Undo takes it back.  It follows the store, so
 * statements saved elsewhere appear at once.
 */
struct _BespokeProfileView
{
  GtkWidget       parent_instance;

  BespokeStore   *store;
  BespokeHistory *history;
  BespokePerson  *person;
  BespokeProfile *profile;
  gulong          changed_id;
  guint           reload_source;
  int             text_size;
  char           *focus_uuid;     /* the statement to focus after the next reload */
  GtkFileChooserNative *chooser;

  GtkButton      *photo_button;
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *known_as_label;
  GtkLabel       *staff_label;
  GtkLabel       *error_label;
  GtkLabel       *appreciation_heading;
  GtkLabel       *important_heading;
  GtkLabel       *support_heading;
  GtkListBox     *appreciation_list;
  GtkListBox     *important_list;
  GtkListBox     *support_list;
  GtkEntry       *appreciation_add;
  GtkEntry       *important_add;
  GtkEntry       *support_add;
};

G_DEFINE_FINAL_TYPE (BespokeProfileView, bespoke_profile_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_HISTORY,
  PROP_PERSON,
  PROP_PROFILE,
  PROP_TEXT_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkLabel *
get_heading (BespokeProfileView *self,
             BespokeSection      section)
{
  switch (section)
    {
    case BESPOKE_SECTION_APPRECIATION:
      return self->appreciation_heading;
    case BESPOKE_SECTION_IMPORTANT:
      return self->important_heading;
    case BESPOKE_SECTION_SUPPORT:
      return self->support_heading;
    default:
      g_assert_not_reached ();
    }
}

static GtkListBox *
get_list (BespokeProfileView *self,
          BespokeSection      section)
{
  switch (section)
    {
    case BESPOKE_SECTION_APPRECIATION:
      return self->appreciation_list;
    case BESPOKE_SECTION_IMPORTANT:
      return self->important_list;
    case BESPOKE_SECTION_SUPPORT:
      return self->support_list;
    default:
      g_assert_not_reached ();
    }
}

static GtkEntry *
get_add_entry (BespokeProfileView *self,
               BespokeSection      section)
{
  switch (section)
    {
    case BESPOKE_SECTION_APPRECIATION:
      return self->appreciation_add;
    case BESPOKE_SECTION_IMPORTANT:
      return self->important_add;
    case BESPOKE_SECTION_SUPPORT:
      return self->support_add;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_editable (BespokeProfileView *self)
{
  return self->store != NULL && self->history != NULL && self->person != NULL &&
         !bespoke_store_get_read_only (self->store);
}

static void
show_error (BespokeProfileView *self,
            const char         *what,
            const GError       *error)
{
  /* Translators: the first %s says what could not be done, the second why */
  g_autofree char *text = g_strdup_printf (_("%s %s"), what, error->message);

  gtk_label_set_label (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
clear_error (BespokeProfileView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
add_toast (BespokeProfileView *self,
           AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void schedule_reload (BespokeProfileView *self);

static void
statement_text_edited_cb (BespokeProfileView  *self,
                          const char          *text,
                          BespokeStatementRow *row)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_profile_view_edit_statement (self, bespoke_statement_row_get_statement (row), text, &error))
    show_error (self, _("The statement could not be changed."), error);
}

static void
statement_delete_requested_cb (BespokeProfileView  *self,
                               BespokeStatementRow *row)
{
  g_autoptr(GError) error = NULL;

  if (!bespoke_profile_view_delete_statement (self, bespoke_statement_row_get_statement (row), &error))
    show_error (self, _("The statement could not be deleted."), error);
}

static void
statement_move_requested_cb (BespokeProfileView  *self,
                             int                  delta,
                             BespokeStatementRow *row)
{
  BespokeStatement *statement = bespoke_statement_row_get_statement (row);
  BespokeSection section = bespoke_statement_get_section (statement);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta;
  guint n = self->profile ? g_list_model_get_n_items (bespoke_profile_get_section (self->profile, section)) : 0;
  g_autoptr(GError) error = NULL;

  if (index < 0 || (guint) index >= n)
    {
      gtk_widget_error_bell (GTK_WIDGET (row));
      return;
    }
  if (!bespoke_profile_view_move_statement (self, statement, section, index, &error))
    show_error (self, _("The statement could not be moved."), error);
}

static void
statement_dropped_cb (BespokeProfileView  *self,
                      const char          *uuid,
                      BespokeStatementRow *row)
{
  BespokeStatement *target = bespoke_statement_row_get_statement (row);
  g_autoptr(GError) error = NULL;

  if (self->profile == NULL)
    return;

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      GListModel *model = bespoke_profile_get_section (self->profile, s);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(BespokeStatement) dragged = g_list_model_get_item (model, i);

          if (g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (dragged)), uuid))
            {
              if (!bespoke_profile_view_move_statement (self, dragged,
                                                        bespoke_statement_get_section (target),
                                                        gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)),
                                                        &error))
                show_error (self, _("The statement could not be moved."), error);
              return;
            }
        }
    }
}

static void
row_activated_cb (BespokeProfileView *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list)
{
  if (BESPOKE_IS_STATEMENT_ROW (row))
    bespoke_statement_row_start_editing (BESPOKE_STATEMENT_ROW (row));
}

static GtkWidget *
create_statement_row_cb (gpointer item,
                         gpointer user_data)
{
  BespokeProfileView *self = user_data;
  GtkWidget *row = bespoke_statement_row_new (item, is_editable (self));

  g_signal_connect_object (row, "text-edited", G_CALLBACK (statement_text_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "delete-requested", G_CALLBACK (statement_delete_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move-requested", G_CALLBACK (statement_move_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "statement-dropped", G_CALLBACK (statement_dropped_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static BespokeSection
section_of_entry (BespokeProfileView *self,
                  GtkEntry           *entry)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    if (get_add_entry (self, i) == entry)
      return i;
  g_assert_not_reached ();
}

static void
add_activate_cb (BespokeProfileView *self,
                 GtkEntry           *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  if (!bespoke_profile_view_add_statement (self, section_of_entry (self, entry), text, &error))
    {
      show_error (self, _("The statement could not be added."), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* A statement dropped on a section's entry goes to the end of that section. */
static gboolean
add_entry_drop_cb (GtkDropTarget *target,
                   const GValue  *value,
                   double         x,
                   double         y,
                   gpointer       user_data)
{
  BespokeProfileView *self = user_data;
  GtkEntry *entry = GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  BespokeSection section = section_of_entry (self, entry);
  BespokeStatement *dropped = g_value_get_object (value);
  const char *uuid = dropped ? bespoke_record_get_uuid (BESPOKE_RECORD (dropped)) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->profile == NULL || uuid == NULL)
    return FALSE;

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      GListModel *model = bespoke_profile_get_section (self->profile, s);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(BespokeStatement) dragged = g_list_model_get_item (model, i);

          if (g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (dragged)), uuid))
            {
              guint n = g_list_model_get_n_items (bespoke_profile_get_section (self->profile, section));

              if (!bespoke_profile_view_move_statement (self, dragged, section, n, &error))
                show_error (self, _("The statement could not be moved."), error);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
add_icon_pressed_cb (BespokeProfileView   *self,
                     GtkEntryIconPosition  position,
                     GtkEntry             *entry)
{
  add_activate_cb (self, entry);
}

static void
update_avatar (BespokeProfileView *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && self->person != NULL)
    bytes = bespoke_store_get_photo (self->store,
                                     bespoke_record_get_uuid (BESPOKE_RECORD (self->person)),
                                     NULL, &error);
  if (error != NULL)
    g_debug ("No photo: %s", error->message);
  if (bytes != NULL)
    {
      texture = gdk_texture_new_from_bytes (bytes, &error);
      if (texture == NULL)
        g_debug ("The photo could not be read: %s", error->message);
    }

  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
update_editable (BespokeProfileView *self)
{
  gboolean editable = is_editable (self);

  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_widget_set_visible (GTK_WIDGET (get_add_entry (self, i)), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->photo_button), editable);
  gtk_widget_set_can_target (GTK_WIDGET (self->photo_button), editable);
}

static void
update_person (BespokeProfileView *self)
{
  const char *name = NULL;
  const char *known_as = NULL;
  gboolean staff = FALSE;

  if (self->person != NULL)
    {
      name = bespoke_person_get_name (self->person);
      known_as = bespoke_person_get_preferred_name (self->person);
      staff = bespoke_person_get_is_staff (self->person);
    }

  gtk_label_set_label (self->name_label, name ? name : "");
  adw_avatar_set_text (self->avatar, name);
  update_avatar (self);

  if (known_as != NULL && *known_as != '\0' && g_strcmp0 (known_as, name) != 0)
    {
      /* Translators: %s is the name a person likes to be called */
      g_autofree char *text = g_strdup_printf (_("Likes to be called %s"), known_as);
      gtk_label_set_label (self->known_as_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->known_as_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->known_as_label), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->staff_label), staff);

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      const char *heading;
      g_autofree char *add_label = NULL;

      if (staff && i == BESPOKE_SECTION_SUPPORT)
        heading = _("How to support me well at work");
      else
        heading = bespoke_enum_label (BESPOKE_TYPE_SECTION, i);
      gtk_label_set_label (get_heading (self, i), heading);

      /* Translators: the accessible name of the entry under a heading, e.g.
       * "Add a statement to “What’s important to me”" */
      add_label = g_strdup_printf (_("Add a statement to “%s”"), heading);
      gtk_accessible_update_property (GTK_ACCESSIBLE (get_add_entry (self, i)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
    }

  update_editable (self);
}

static GtkWidget *
find_statement_row (BespokeProfileView *self,
                    const char         *uuid)
{
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      GtkListBoxRow *row;

      for (int i = 0; (row = gtk_list_box_get_row_at_index (get_list (self, s), i)) != NULL; i++)
        if (BESPOKE_IS_STATEMENT_ROW (row) &&
            g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (bespoke_statement_row_get_statement (BESPOKE_STATEMENT_ROW (row)))), uuid))
          return GTK_WIDGET (row);
    }
  return NULL;
}

static void
reload_profile (BespokeProfileView *self)
{
  g_autoptr(BespokeProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->store != NULL && self->person != NULL)
    {
      profile = bespoke_profile_load (self->store,
                                      bespoke_record_get_uuid (BESPOKE_RECORD (self->person)),
                                      &error);
      if (profile == NULL)
        /* Translators: a sentence saying what went wrong follows */
        show_error (self, _("This profile could not be read."), error);
    }

  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_list_box_bind_model (get_list (self, i),
                             profile ? bespoke_profile_get_section (profile, i) : NULL,
                             create_statement_row_cb, self, NULL);

  if (self->focus_uuid != NULL)
    {
      GtkWidget *row = find_statement_row (self, self->focus_uuid);

      if (row != NULL)
        gtk_widget_grab_focus (row);
      g_clear_pointer (&self->focus_uuid, g_free);
    }

  if (g_set_object (&self->profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  BespokeProfileView *self = user_data;

  self->reload_source = 0;
  reload_profile (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (BespokeProfileView *self)
{
  /* A transaction that saves many statements reloads once. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
store_changed_cb (BespokeProfileView *self,
                  GType               type,
                  const char         *uuid,
                  BespokeStore       *store)
{
  const char *person_uuid;

  if (self->person == NULL)
    return;

  person_uuid = bespoke_record_get_uuid (BESPOKE_RECORD (self->person));

  if (type == BESPOKE_TYPE_STATEMENT)
    schedule_reload (self);
  else if (type == BESPOKE_TYPE_PERSON && g_strcmp0 (uuid, person_uuid) == 0)
    {
      g_autoptr(BespokePerson) person = bespoke_store_load (store, BESPOKE_TYPE_PERSON, uuid, NULL);

      /* Deleted: keep showing what was there until the list moves on.  A
       * new photo is a change to the person too. */
      if (person != NULL)
        {
          gboolean changed = g_set_object (&self->person, person);

          update_person (self);
          if (changed)
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
        }
    }
}

static void
photo_response_cb (BespokeProfileView   *self,
                   int                   response,
                   GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL && !bespoke_profile_view_set_photo_file (self, file, &error))
    show_error (self, _("The photo could not be used."), error);
}

static void
photo_clicked_cb (BespokeProfileView *self,
                  GtkButton          *button)
{
  GtkFileFilter *filter;

  if (!is_editable (self) || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Photo"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (photo_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
bespoke_profile_view_dispose (GObject *object)
{
  BespokeProfileView *self = (BespokeProfileView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PROFILE_VIEW);
  /* GTK 4.8 unparents only the children bound by name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->person);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->focus_uuid, g_free);

  G_OBJECT_CLASS (bespoke_profile_view_parent_class)->dispose (object);
}

static void
bespoke_profile_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BespokeProfileView *self = BESPOKE_PROFILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_TEXT_SIZE:
      g_value_set_int (value, self->text_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_profile_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BespokeProfileView *self = BESPOKE_PROFILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bespoke_profile_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      bespoke_profile_view_set_history (self, g_value_get_object (value));
      break;
    case PROP_PERSON:
      bespoke_profile_view_set_person (self, g_value_get_object (value));
      break;
    case PROP_TEXT_SIZE:
      bespoke_profile_view_set_text_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_profile_view_class_init (BespokeProfileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_profile_view_dispose;
  object_class->get_property = bespoke_profile_view_get_property;
  object_class->set_property = bespoke_profile_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BESPOKE_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         BESPOKE_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         BESPOKE_TYPE_PERSON,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         BESPOKE_TYPE_PROFILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT_SIZE] =
    g_param_spec_int ("text-size", NULL, NULL,
                      BESPOKE_PROFILE_VIEW_TEXT_SIZE_MIN, BESPOKE_PROFILE_VIEW_TEXT_SIZE_MAX, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-profile-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, photo_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, avatar);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, name_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, known_as_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, staff_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, error_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, appreciation_heading);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, important_heading);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, support_heading);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, appreciation_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, important_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, support_list);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, appreciation_add);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, important_add);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, support_add);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_icon_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, photo_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "profileview");
}

static void
bespoke_profile_view_init (BespokeProfileView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GtkDropTarget *target = gtk_drop_target_new (BESPOKE_TYPE_STATEMENT, GDK_ACTION_MOVE);

      g_signal_connect (target, "drop", G_CALLBACK (add_entry_drop_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (get_add_entry (self, i)), GTK_EVENT_CONTROLLER (target));
    }
  update_person (self);
}

GtkWidget *
bespoke_profile_view_new (void)
{
  return g_object_new (BESPOKE_TYPE_PROFILE_VIEW, NULL);
}

/**
 * bespoke_profile_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store profiles are read from
 */
BespokeStore *
bespoke_profile_view_get_store (BespokeProfileView *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), NULL);
  return self->store;
}

void
bespoke_profile_view_set_store (BespokeProfileView *self,
                                BespokeStore       *store)
{
  g_return_if_fail (BESPOKE_IS_PROFILE_VIEW (self));
  g_return_if_fail (store == NULL || BESPOKE_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  update_person (self);
  reload_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * bespoke_profile_view_get_person:
 *
 * Returns: (transfer none) (nullable): the person whose profile is shown
 */
BespokePerson *
bespoke_profile_view_get_person (BespokeProfileView *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), NULL);
  return self->person;
}

void
bespoke_profile_view_set_person (BespokeProfileView *self,
                                 BespokePerson      *person)
{
  g_return_if_fail (BESPOKE_IS_PROFILE_VIEW (self));
  g_return_if_fail (person == NULL || BESPOKE_IS_PERSON (person));

  if (!g_set_object (&self->person, person))
    return;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  clear_error (self);
  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_editable_set_text (GTK_EDITABLE (get_add_entry (self, i)), "");
  update_person (self);
  reload_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

/**
 * bespoke_profile_view_get_profile:
 *
 * Returns: (transfer none) (nullable): the profile shown, as last read
 */
BespokeProfile *
bespoke_profile_view_get_profile (BespokeProfileView *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), NULL);
  return self->profile;
}

int
bespoke_profile_view_get_text_size (BespokeProfileView *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), 0);
  return self->text_size;
}

/**
 * bespoke_profile_view_set_text_size:
 * @text_size: a step from %BESPOKE_PROFILE_VIEW_TEXT_SIZE_MIN to
 *   %BESPOKE_PROFILE_VIEW_TEXT_SIZE_MAX; 0 is the usual size
 *
 * Makes the whole profile's type larger or smaller (style.css has the
 * sizes), for reading it together on a big screen.
 */
void
bespoke_profile_view_set_text_size (BespokeProfileView *self,
                                    int                 text_size)
{
  g_autofree char *old_class = NULL;
  g_autofree char *new_class = NULL;

  g_return_if_fail (BESPOKE_IS_PROFILE_VIEW (self));

  text_size = CLAMP (text_size, BESPOKE_PROFILE_VIEW_TEXT_SIZE_MIN, BESPOKE_PROFILE_VIEW_TEXT_SIZE_MAX);
  if (self->text_size == text_size)
    return;

  /* text-size-m1 is one step smaller, text-size-2 two steps larger */
  old_class = g_strdup_printf ("text-size-%s%d", self->text_size < 0 ? "m" : "", ABS (self->text_size));
  new_class = g_strdup_printf ("text-size-%s%d", text_size < 0 ? "m" : "", ABS (text_size));
  gtk_widget_remove_css_class (GTK_WIDGET (self), old_class);
  if (text_size != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), new_class);

  self->text_size = text_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SIZE]);
}

/**
 * bespoke_profile_view_get_history:
 *
 * Returns: (transfer none) (nullable): the history edits are made through
 */
BespokeHistory *
bespoke_profile_view_get_history (BespokeProfileView *self)
{
  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), NULL);
  return self->history;
}

/**
 * bespoke_profile_view_set_history:
 *
 * Sets the history every edit goes through; without one the profile is
 * shown read-only.
 */
void
bespoke_profile_view_set_history (BespokeProfileView *self,
                                  BespokeHistory     *history)
{
  g_return_if_fail (BESPOKE_IS_PROFILE_VIEW (self));
  g_return_if_fail (history == NULL || BESPOKE_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    {
      update_editable (self);
      reload_profile (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
    }
}

static gboolean
check_editable (BespokeProfileView  *self,
                GError             **error)
{
  if (is_editable (self))
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                       _("This profile cannot be changed, because the database is open read-only."));
  return FALSE;
}

/**
 * bespoke_profile_view_add_statement:
 *
 * Adds @text at the end of @section of the shown person's profile, saved at
 * once through the history.
 */
gboolean
bespoke_profile_view_add_statement (BespokeProfileView  *self,
                                    BespokeSection       section,
                                    const char          *text,
                                    GError             **error)
{
  g_autoptr(BespokeStatement) statement = NULL;
  guint position = 0;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (section < N_SECTIONS, FALSE);

  if (!check_editable (self, error))
    return FALSE;

  if (self->profile != NULL)
    {
      GListModel *model = bespoke_profile_get_section (self->profile, section);
      guint n = g_list_model_get_n_items (model);

      if (n > 0)
        {
          g_autoptr(BespokeStatement) last = g_list_model_get_item (model, n - 1);
          position = bespoke_statement_get_position (last) + 1;
        }
    }

  statement = bespoke_statement_new ();
  bespoke_statement_set_person_uuid (statement, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)));
  bespoke_statement_set_section (statement, section);
  bespoke_statement_set_position (statement, position);
  bespoke_statement_set_text (statement, text);
  if (!bespoke_history_save (self->history, statement, _("Add Statement"), error))
    return FALSE;

  clear_error (self);
  reload_profile (self);
  return TRUE;
}

gboolean
bespoke_profile_view_edit_statement (BespokeProfileView  *self,
                                     BespokeStatement    *statement,
                                     const char          *text,
                                     GError             **error)
{
  g_autoptr(BespokeStatement) copy = NULL;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (statement), FALSE);

  if (!check_editable (self, error))
    return FALSE;

  copy = BESPOKE_STATEMENT (bespoke_record_copy (BESPOKE_RECORD (statement)));
  bespoke_statement_set_text (copy, text);
  if (!bespoke_history_save (self->history, copy, _("Change Statement"), error))
    return FALSE;

  clear_error (self);
  g_free (self->focus_uuid);
  self->focus_uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (statement)));
  schedule_reload (self);
  return TRUE;
}

static void
undo_delete_cb (BespokeProfileView *self,
                AdwToast           *toast)
{
  BespokeStatement *deleted = g_object_get_data (G_OBJECT (toast), "statement");
  g_autoptr(BespokeStatement) copy = BESPOKE_STATEMENT (bespoke_record_copy (BESPOKE_RECORD (deleted)));
  g_autoptr(GError) error = NULL;

  if (self->history == NULL || bespoke_store_get_read_only (self->store))
    return;

  /* Put back as it was, in its old place. */
  if (!bespoke_history_save (self->history, copy, _("Restore Statement"), &error))
    show_error (self, _("The statement could not be put back."), error);
  else
    {
      g_free (self->focus_uuid);
      self->focus_uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (copy)));
      reload_profile (self);
    }
}

/**
 * bespoke_profile_view_delete_statement:
 *
 * Deletes @statement through the history, and shows a toast whose Undo
 * puts it back.
 */
gboolean
bespoke_profile_view_delete_statement (BespokeProfileView  *self,
                                       BespokeStatement    *statement,
                                       GError             **error)
{
  g_autoptr(BespokeStatement) kept = NULL;
  AdwToast *toast;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (statement), FALSE);

  if (!check_editable (self, error))
    return FALSE;

  kept = BESPOKE_STATEMENT (bespoke_record_copy (BESPOKE_RECORD (statement)));
  if (!bespoke_history_delete (self->history, kept, _("Delete Statement"), error))
    return FALSE;

  clear_error (self);
  toast = adw_toast_new (_("Statement deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "statement", g_steal_pointer (&kept), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);

  /* Keyboard users stay in the section: on its entry. */
  gtk_widget_grab_focus (GTK_WIDGET (get_add_entry (self, bespoke_statement_get_section (statement))));
  reload_profile (self);
  return TRUE;
}

/**
 * bespoke_profile_view_move_statement:
 * @section: the section to move it into (usually its own)
 * @index: where in that section, counting from 0
 *
 * Moves @statement, renumbering the section, as one step of the history.
 */
gboolean
bespoke_profile_view_move_statement (BespokeProfileView  *self,
                                     BespokeStatement    *statement,
                                     BespokeSection       section,
                                     guint                index,
                                     GError             **error)
{
  g_autoptr(GPtrArray) order = NULL;
  const char *uuid;
  GListModel *model;
  gboolean ok = TRUE;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (BESPOKE_IS_STATEMENT (statement), FALSE);
  g_return_val_if_fail (section < N_SECTIONS, FALSE);

  if (!check_editable (self, error))
    return FALSE;
  if (self->profile == NULL)
    return TRUE;

  uuid = bespoke_record_get_uuid (BESPOKE_RECORD (statement));
  model = bespoke_profile_get_section (self->profile, section);
  order = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      BespokeStatement *item = g_list_model_get_item (model, i);

      if (g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (item)), uuid))
        g_object_unref (item);
      else
        g_ptr_array_add (order, item);
    }
  g_ptr_array_insert (order, MIN (index, order->len), g_object_ref (statement));

  bespoke_history_begin_group (self->history, _("Move Statement"));
  if (!bespoke_store_begin (self->store, error))
    ok = FALSE;
  for (guint i = 0; ok && i < order->len; i++)
    {
      BespokeStatement *item = g_ptr_array_index (order, i);

      if (bespoke_statement_get_position (item) != i || bespoke_statement_get_section (item) != section)
        {
          g_autoptr(BespokeStatement) copy = BESPOKE_STATEMENT (bespoke_record_copy (BESPOKE_RECORD (item)));

          bespoke_statement_set_position (copy, i);
          bespoke_statement_set_section (copy, section);
          ok = bespoke_history_save (self->history, copy, _("Move Statement"), error);
        }
    }
  if (ok)
    ok = bespoke_store_commit (self->store, error);
  else
    bespoke_store_rollback (self->store);
  bespoke_history_end_group (self->history);

  if (!ok)
    {
      /* The rollback undid the saves, but the history has them: drop the
       * step by reloading what is really stored. */
      reload_profile (self);
      return FALSE;
    }

  clear_error (self);
  g_free (self->focus_uuid);
  self->focus_uuid = g_strdup (uuid);
  reload_profile (self);
  return TRUE;
}

/**
 * bespoke_profile_view_set_photo_file:
 *
 * Reads a picture, scales it to fit in 512 × 512 pixels, and stores it as
 * the shown person's photo, through the history, so that it can be undone.
 */
gboolean
bespoke_profile_view_set_photo_file (BespokeProfileView  *self,
                                     GFile               *file,
                                     GError             **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *buffer = NULL;
  gsize size = 0;
  int width = 0, height = 0;
  gboolean jpeg;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_editable (self, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL || gdk_pixbuf_get_file_info (path, &width, &height) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file is not a picture Bespoke can read. Choose a JPEG or PNG photo."));
      return FALSE;
    }

  if (width > PHOTO_SIZE || height > PHOTO_SIZE)
    pixbuf = gdk_pixbuf_new_from_file_at_scale (path, PHOTO_SIZE, PHOTO_SIZE, TRUE, error);
  else
    pixbuf = gdk_pixbuf_new_from_file (path, error);
  if (pixbuf == NULL)
    return FALSE;

  {
    /* Turn the photo the right way up, as the camera said. */
    GdkPixbuf *rotated = gdk_pixbuf_apply_embedded_orientation (pixbuf);

    g_set_object (&pixbuf, rotated);
    g_object_unref (rotated);
  }

  jpeg = !gdk_pixbuf_get_has_alpha (pixbuf);
  if (jpeg ? !gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", error, "quality", "90", NULL)
           : !gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", error, NULL))
    return FALSE;

  bytes = g_bytes_new_take (g_steal_pointer (&buffer), size);
  if (!bespoke_history_set_photo (self->history, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)),
                                  bytes, jpeg ? "image/jpeg" : "image/png", _("Change Photo"), error))
    return FALSE;

  clear_error (self);
  update_avatar (self);
  return TRUE;
}

/**
 * bespoke_profile_view_remove_photo:
 *
 * Removes the shown person's photo, through the history, so that the
 * window's Undo brings it back.
 */
gboolean
bespoke_profile_view_remove_photo (BespokeProfileView  *self,
                                   GError             **error)
{
  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);

  if (!check_editable (self, error))
    return FALSE;
  if (!bespoke_history_set_photo (self->history, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)),
                                  NULL, NULL, _("Remove Photo"), error))
    return FALSE;

  clear_error (self);
  update_avatar (self);
  return TRUE;
}

/**
 * bespoke_profile_view_choose_photo:
 *
 * Asks for a picture with the system's file chooser, and makes it the
 * person's photo.
 */
void
bespoke_profile_view_choose_photo (BespokeProfileView *self)
{
  g_return_if_fail (BESPOKE_IS_PROFILE_VIEW (self));
  photo_clicked_cb (self, self->photo_button);
}

/**
 * bespoke_profile_view_focus_first_entry:
 *
 * Puts the keyboard focus in the first section's entry, ready to type.
 */
void
bespoke_profile_view_focus_first_entry (BespokeProfileView *self)
{
  g_return_if_fail (BESPOKE_IS_PROFILE_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->appreciation_add));
}

/**
 * bespoke_profile_view_set_compact:
 *
 * A smaller photo and name, for a narrow window such as a phone's or a
 * small tablet's, so the statements start higher up.
 */
void
bespoke_profile_view_set_compact (BespokeProfileView *self,
                                  gboolean            compact)
{
  g_return_if_fail (BESPOKE_IS_PROFILE_VIEW (self));

  adw_avatar_set_size (self->avatar, compact ? 72 : 112);
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
}
