/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-profile-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-profile-view-private.h"
#include "bespoke-record-label.h"

/* The photo of a BespokeProfileView: shown in the avatar, chosen with the
 * system's file chooser, scaled and stored through the history. */

/* Photos are kept no larger than this on either side. */
#define PHOTO_SIZE 512

void
_bespoke_profile_view_update_avatar (BespokeProfileView *self)
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
    _bespoke_profile_view_show_error (self, _("The photo could not be used."), error);
}

static void
photo_clicked_cb (BespokeProfileView *self,
                  GtkButton          *button)
{
  GtkFileFilter *filter;

  if (!_bespoke_profile_view_is_editable (self) || self->chooser != NULL)
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
  g_autofree char *who = NULL;
  g_autofree char *label = NULL;
  int width = 0, height = 0;
  gboolean jpeg;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!_bespoke_profile_view_check_editable (self, error))
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
  who = bespoke_person_dup_short_name (self->person);
  /* Translators: an undo label; %s is the person, e.g. "Change Paul’s photo" */
  label = g_strdup_printf (_("Change %s’s photo"), who);
  if (!bespoke_history_set_photo (self->history, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)),
                                  bytes, jpeg ? "image/jpeg" : "image/png", label, error))
    return FALSE;

  _bespoke_profile_view_clear_error (self);
  _bespoke_profile_view_update_avatar (self);
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
  g_autofree char *who = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (BESPOKE_IS_PROFILE_VIEW (self), FALSE);

  if (!_bespoke_profile_view_check_editable (self, error))
    return FALSE;
  who = bespoke_person_dup_short_name (self->person);
  /* Translators: an undo label; %s is the person, e.g. "Remove Paul’s photo" */
  label = g_strdup_printf (_("Remove %s’s photo"), who);
  if (!bespoke_history_set_photo (self->history, bespoke_record_get_uuid (BESPOKE_RECORD (self->person)),
                                  NULL, NULL, label, error))
    return FALSE;

  _bespoke_profile_view_clear_error (self);
  _bespoke_profile_view_update_avatar (self);
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

void
_bespoke_profile_view_class_init_photo (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, photo_clicked_cb);
}

void
_bespoke_profile_view_dispose_photo (BespokeProfileView *self)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}
