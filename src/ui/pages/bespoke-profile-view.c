/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-profile-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bespoke-enums.h"
#include "bespoke-profile-view-private.h"
#include "bespoke-scroll-into-view.h"
#include "bespoke-statement-row.h"
#include "bespoke-types.h"

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

GtkListBox *
_bespoke_profile_view_get_list (BespokeProfileView *self,
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

GtkEntry *
_bespoke_profile_view_get_add_entry (BespokeProfileView *self,
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

gboolean
_bespoke_profile_view_is_editable (BespokeProfileView *self)
{
  return self->store != NULL && self->history != NULL && self->person != NULL &&
         !bespoke_store_get_read_only (self->store);
}

void
_bespoke_profile_view_show_error (BespokeProfileView *self,
                                  const char         *what,
                                  const GError       *error)
{
  /* Translators: the first %s says what could not be done, the second why */
  g_autofree char *text = g_strdup_printf (_("%s %s"), what, error->message);

  gtk_label_set_label (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

void
_bespoke_profile_view_clear_error (BespokeProfileView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
update_editable (BespokeProfileView *self)
{
  gboolean editable = _bespoke_profile_view_is_editable (self);

  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_widget_set_visible (GTK_WIDGET (_bespoke_profile_view_get_add_entry (self, i)), editable);
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
  _bespoke_profile_view_update_avatar (self);

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
      gtk_accessible_update_property (GTK_ACCESSIBLE (_bespoke_profile_view_get_add_entry (self, i)),
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

      for (int i = 0; (row = gtk_list_box_get_row_at_index (_bespoke_profile_view_get_list (self, s), i)) != NULL; i++)
        if (BESPOKE_IS_STATEMENT_ROW (row) &&
            g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (bespoke_statement_row_get_statement (BESPOKE_STATEMENT_ROW (row)))), uuid))
          return GTK_WIDGET (row);
    }
  return NULL;
}

void
_bespoke_profile_view_reload (BespokeProfileView *self)
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
        _bespoke_profile_view_show_error (self, _("This profile could not be read."), error);
    }

  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_list_box_bind_model (_bespoke_profile_view_get_list (self, i),
                             profile ? bespoke_profile_get_section (profile, i) : NULL,
                             _bespoke_profile_view_create_statement_row, self, NULL);

  if (self->focus_uuid != NULL)
    {
      GtkWidget *row = find_statement_row (self, self->focus_uuid);

      if (row != NULL && gtk_widget_grab_focus (row))
        bespoke_scroll_into_view (row, NULL);
      g_clear_pointer (&self->focus_uuid, g_free);
    }

  bespoke_page_thumbnail_set_person (self->thumbnail, self->store,
                                     self->person ? bespoke_record_get_uuid (BESPOKE_RECORD (self->person)) : NULL);
  if (g_set_object (&self->profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  BespokeProfileView *self = user_data;

  self->reload_source = 0;
  _bespoke_profile_view_reload (self);
  return G_SOURCE_REMOVE;
}

void
_bespoke_profile_view_schedule_reload (BespokeProfileView *self)
{
  /* A transaction that saves many statements reloads once. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

/* Puts the focus on the statement @uuid after the next reload. */
void
_bespoke_profile_view_focus_later (BespokeProfileView *self,
                                   const char         *uuid)
{
  g_free (self->focus_uuid);
  self->focus_uuid = g_strdup (uuid);
}

/* After an undo or a redo, the focus goes to the first statement it
 * touched that is shown (after the reload the change schedules); only
 * while the view is on screen. */
static void
history_applied_cb (BespokeProfileView *self,
                    gboolean            undone,
                    GStrv               uuids)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->store == NULL || self->person == NULL)
    return;
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autoptr(BespokeStatement) statement = bespoke_store_load (self->store, BESPOKE_TYPE_STATEMENT, uuids[i], NULL);

      if (statement != NULL &&
          g_strcmp0 (bespoke_statement_get_person_uuid (statement), bespoke_record_get_uuid (BESPOKE_RECORD (self->person))) == 0)
        {
          _bespoke_profile_view_focus_later (self, uuids[i]);
          return;
        }
    }
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
    _bespoke_profile_view_schedule_reload (self);
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
  g_clear_signal_handler (&self->applied_id, self->history);
  _bespoke_profile_view_dispose_photo (self);
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

  g_type_ensure (BESPOKE_TYPE_PAGE_THUMBNAIL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-profile-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, photo_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, avatar);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, name_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, known_as_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, staff_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProfileView, thumbnail);
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
  _bespoke_profile_view_class_init_statements (widget_class);
  _bespoke_profile_view_class_init_photo (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "profileview");
}

static void
bespoke_profile_view_init (BespokeProfileView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _bespoke_profile_view_init_statements (self);
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
  _bespoke_profile_view_reload (self);
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
  _bespoke_profile_view_clear_error (self);
  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_editable_set_text (GTK_EDITABLE (_bespoke_profile_view_get_add_entry (self, i)), "");
  update_person (self);
  _bespoke_profile_view_reload (self);
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

  if (self->history != history)
    {
      g_clear_signal_handler (&self->applied_id, self->history);
      g_set_object (&self->history, history);
      if (history != NULL)
        self->applied_id = g_signal_connect_object (history, "applied", G_CALLBACK (history_applied_cb),
                                                    self, G_CONNECT_SWAPPED);
      update_editable (self);
      _bespoke_profile_view_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
    }
}

gboolean
_bespoke_profile_view_check_editable (BespokeProfileView  *self,
                                      GError             **error)
{
  if (_bespoke_profile_view_is_editable (self))
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                       _("This profile cannot be changed, because the database is open read-only."));
  return FALSE;
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

/**
 * bespoke_profile_view_reload:
 *
 * Reads the person and their statements again, after another connection
 * changed the database underneath; what is typed in the add entries stays.
 */
void
bespoke_profile_view_reload (BespokeProfileView *self)
{
  g_autoptr(BespokePerson) fresh = NULL;

  g_return_if_fail (BESPOKE_IS_PROFILE_VIEW (self));

  if (self->store != NULL && self->person != NULL)
    fresh = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), NULL);
  if (fresh != NULL)
    g_set_object (&self->person, fresh);
  update_person (self);
  _bespoke_profile_view_reload (self);
  _bespoke_profile_view_update_avatar (self);
}
