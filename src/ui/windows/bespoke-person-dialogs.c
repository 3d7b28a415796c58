/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-window-private.h"

/* Adding, renaming, archiving and deleting people: the dialogs that ask,
 * and the window's methods that do it (so that tests can do it too). */

/**
 * bespoke_window_add_person:
 * @preferred_name: (nullable): the name they like to be called
 *
 * Adds someone and shows their profile, ready to write in.
 *
 * Returns: (transfer full) (nullable): the person added, or NULL with
 *   @error set to a sentence saying what is wrong
 */
BespokePerson *
bespoke_window_add_person (BespokeWindow  *self,
                           const char     *name,
                           const char     *preferred_name,
                           gboolean        staff,
                           GError        **error)
{
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *clean_preferred = g_strstrip (g_strdup (preferred_name ? preferred_name : ""));

  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), NULL);

  bespoke_person_set_name (person, clean_name);
  bespoke_person_set_preferred_name (person, *clean_preferred ? clean_preferred : NULL);
  bespoke_person_set_is_staff (person, staff);
  if (!bespoke_store_save (self->store, person, error))
    return NULL;

  bespoke_window_show_person (self, person);
  adw_view_stack_set_visible_child_name (self->view_stack, "profile");
  bespoke_profile_view_focus_first_entry (self->profile_view);
  return g_steal_pointer (&person);
}

typedef struct
{
  BespokeWindow *self;
  AdwEntryRow   *name_row;
  AdwEntryRow   *preferred_row;
  GtkSwitch     *staff_switch;
} PersonDialog;

static void
person_dialog_free (gpointer data)
{
  PersonDialog *pd = data;

  g_clear_object (&pd->self);
  g_free (pd);
}

static void
person_dialog_name_changed_cb (AdwMessageDialog *dialog,
                               GParamSpec       *pspec,
                               AdwEntryRow      *row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  adw_message_dialog_set_response_enabled (dialog, "ok", *name != '\0');
}

static void
new_person_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PersonDialog     *pd)
{
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "ok"))
    return;

  person = bespoke_window_add_person (pd->self,
                                      gtk_editable_get_text (GTK_EDITABLE (pd->name_row)),
                                      gtk_editable_get_text (GTK_EDITABLE (pd->preferred_row)),
                                      gtk_switch_get_active (pd->staff_switch),
                                      &error);
  if (person == NULL)
    _bespoke_window_show_message (pd->self, _("They Could Not Be Added"), error->message);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PersonDialog     *pd)
{
  BespokeWindow *self = pd->self;
  g_autofree char *name = NULL;
  g_autofree char *preferred = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "ok") || self->person == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pd->name_row))));
  preferred = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pd->preferred_row))));
  if (!bespoke_window_rename_person (self, name, preferred, &error))
    _bespoke_window_show_message (self, _("They Could Not Be Renamed"), error->message);
}

static GtkWidget *
person_dialog_new (BespokeWindow  *self,
                   gboolean        adding,
                   PersonDialog  **out_pd)
{
  PersonDialog *pd = g_new0 (PersonDialog, 1);
  GtkWidget *dialog;
  GtkWidget *list;

  pd->self = g_object_ref (self);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   adding ? _("New Person") : _("Rename"),
                                   adding ? _("Their full name, and the name they like to be called if it is different.")
                                          : NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", adding ? _("_Add") : _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = g_object_new (GTK_TYPE_LIST_BOX,
                       "selection-mode", GTK_SELECTION_NONE,
                       "css-classes", (const char * const[]) { "boxed-list", NULL },
                       NULL);
  pd->name_row = g_object_new (ADW_TYPE_ENTRY_ROW, "title", _("Full name"), "activates-default", TRUE, NULL);
  pd->preferred_row = g_object_new (ADW_TYPE_ENTRY_ROW, "title", _("Likes to be called (optional)"),
                                    "activates-default", TRUE, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (pd->name_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (pd->preferred_row));
  if (adding)
    {
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "title", _("Member of staff"), NULL);

      pd->staff_switch = g_object_new (GTK_TYPE_SWITCH,
                                       "valign", GTK_ALIGN_CENTER,
                                       "active", g_strcmp0 (self->filter, "staff") == 0,
                                       NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (pd->staff_switch),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Member of staff"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (pd->staff_switch));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (pd->staff_switch));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_signal_connect_object (pd->name_row, "notify::text", G_CALLBACK (person_dialog_name_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  *out_pd = pd;
  return dialog;
}

/**
 * bespoke_window_rename_person:
 * @preferred_name: (nullable): the name they like to be called, or NULL/""
 *
 * Renames the person shown, through the history, so it can be undone.
 */
gboolean
bespoke_window_rename_person (BespokeWindow  *self,
                              const char     *name,
                              const char     *preferred_name,
                              GError        **error)
{
  g_autoptr(BespokePerson) copy = NULL;

  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->person != NULL, FALSE);

  copy = BESPOKE_PERSON (bespoke_record_copy (BESPOKE_RECORD (self->person)));
  bespoke_person_set_name (copy, name);
  bespoke_person_set_preferred_name (copy, preferred_name != NULL && *preferred_name ? preferred_name : NULL);
  return bespoke_history_save (self->history, copy, _("Rename"), error);
}


/* win.new-person: the New Person dialog, Member of staff already on when
 * the list shows staff. */
void
_bespoke_window_new_person_dialog (BespokeWindow *self)
{
  PersonDialog *pd;
  GtkWidget *dialog = person_dialog_new (self, TRUE, &pd);

  person_dialog_name_changed_cb (ADW_MESSAGE_DIALOG (dialog), NULL, pd->name_row);
  g_signal_connect_data (dialog, "response", G_CALLBACK (new_person_response_cb), pd,
                         (GClosureNotify) (void (*) (void)) person_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (pd->name_row));
}

/* win.rename-person: the Rename dialog, with the names as they are. */
void
_bespoke_window_rename_person_dialog (BespokeWindow *self)
{
  const char *preferred;
  PersonDialog *pd;
  GtkWidget *dialog;

  if (self->person == NULL)
    return;

  dialog = person_dialog_new (self, FALSE, &pd);
  preferred = bespoke_person_get_preferred_name (self->person);
  gtk_editable_set_text (GTK_EDITABLE (pd->name_row), bespoke_person_get_name (self->person));
  gtk_editable_set_text (GTK_EDITABLE (pd->preferred_row), preferred ? preferred : "");
  person_dialog_name_changed_cb (ADW_MESSAGE_DIALOG (dialog), NULL, pd->name_row);
  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb), pd,
                         (GClosureNotify) (void (*) (void)) person_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (pd->name_row));
}

/* ---- archiving ---------------------------------------------------------- */

/* Whom a toast or a dialog is about: by UUID, for they may be reloaded
 * (or gone) by the time it is answered. */
typedef struct
{
  BespokeWindow *self;   /* weak */
  char          *uuid;
} PersonRef;

static PersonRef *
person_ref_new (BespokeWindow *self,
                const char    *uuid)
{
  PersonRef *ref = g_new0 (PersonRef, 1);

  g_set_weak_pointer (&ref->self, self);
  ref->uuid = g_strdup (uuid);
  return ref;
}

static void
person_ref_free (gpointer data)
{
  PersonRef *ref = data;

  g_clear_weak_pointer (&ref->self);
  g_free (ref->uuid);
  g_free (ref);
}

static gboolean
set_archived (BespokeWindow  *self,
              const char     *uuid,
              gboolean        archived,
              GError        **error)
{
  g_autoptr(BespokePerson) person = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON, uuid, error);

  if (person == NULL)
    return FALSE;
  bespoke_person_set_archived (person, archived);
  return bespoke_store_save (self->store, person, error);
}

static void
unarchive_cb (AdwToast  *toast,
              PersonRef *ref)
{
  BespokeWindow *self = ref->self;
  g_autoptr(BespokePerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!set_archived (self, ref->uuid, FALSE, &error))
    {
      _bespoke_window_show_message (self, _("They Could Not Be Brought Back"), error->message);
      return;
    }
  person = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON, ref->uuid, NULL);
  if (person != NULL)
    bespoke_window_show_person (self, person);
}

/**
 * bespoke_window_archive_person:
 *
 * Takes the person shown off the list, keeping everything about them, and
 * offers Undo in a toast.
 */
gboolean
bespoke_window_archive_person (BespokeWindow  *self,
                               GError        **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (BESPOKE_IS_WINDOW (self), FALSE);

  if (self->person == NULL)
    return TRUE;

  uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (self->person)));
  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("%s archived"), bespoke_person_get_name (self->person));
  if (!set_archived (self, uuid, TRUE, error))
    return FALSE;

  _bespoke_window_set_person (self, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (unarchive_cb),
                         person_ref_new (self, uuid), (GClosureNotify) (void (*) (void)) person_ref_free, 0);
  _bespoke_window_add_toast (self, toast);
  return TRUE;
}

/* ---- deleting ----------------------------------------------------------- */

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PersonRef        *ref)
{
  BespokeWindow *self = ref->self;
  g_autoptr(BespokePerson) person = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (self == NULL || !g_str_equal (response, "delete"))
    return;

  person = bespoke_store_load (self->store, BESPOKE_TYPE_PERSON, ref->uuid, NULL);
  if (person == NULL)
    return;
  if (!bespoke_store_delete (self->store, person, &error))
    {
      _bespoke_window_show_message (self, _("They Could Not Be Deleted"), error->message);
      return;
    }

  if (self->person != NULL && g_str_equal (bespoke_record_get_uuid (BESPOKE_RECORD (self->person)), ref->uuid))
    _bespoke_window_set_person (self, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("%s deleted"), bespoke_person_get_name (person));
  _bespoke_window_add_toast (self, adw_toast_new (title));
}

/* win.delete-person: asks first, for it cannot be undone. */
void
_bespoke_window_delete_person_dialog (BespokeWindow *self)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->person == NULL)
    return;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Delete %s?"), bespoke_person_get_name (self->person));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Their profile, circle, plans and photo will be deleted for good; this cannot be undone. "
                                     "To take them off the list but keep everything, archive them instead."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb),
                         person_ref_new (self, bespoke_record_get_uuid (BESPOKE_RECORD (self->person))),
                         (GClosureNotify) (void (*) (void)) person_ref_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
