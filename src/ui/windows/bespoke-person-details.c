/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-person-details"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-field.h"
#include "bespoke-person-details.h"
#include "bespoke-record-label.h"

/**
 * BespokePersonDetails:
 *
 * A person's details: their name and preferred name, date of birth (with
 * their age), the nation whose bank holidays cost their support, the client
 * group and postcode that choose premiums, and notes.  Every field saves as
 * it is edited, through the history (so Ctrl+Z takes it back), and a field
 * holding something invalid says what is wrong and saves nothing.  It
 * follows the store, so an undo made elsewhere shows here at once.
 */
struct _BespokePersonDetails
{
  AdwWindow             parent_instance;

  BespokeStore         *store;
  BespokeFieldSet      *fields;
  char                 *uuid;
  gulong                changed_id;

  AdwPreferencesGroup  *name_group;
  AdwPreferencesGroup  *birth_group;
  AdwPreferencesGroup  *nation_group;
  AdwPreferencesGroup  *premium_group;
  AdwPreferencesGroup  *notes_group;

  BespokeField         *name;
  BespokeField         *preferred;
  BespokeField         *birth;
  BespokeField         *nation;
  BespokeField         *client_group;
  BespokeField         *postcode;
  BespokeField         *notes;
};

G_DEFINE_FINAL_TYPE (BespokePersonDetails, bespoke_person_details, ADW_TYPE_WINDOW)

/* Appliers: each sets one property on a copy of the person */

static gboolean
apply_name (BespokeRecord *r, const char *text, GError **error)
{
  g_autofree char *name = g_strstrip (g_strdup (text));

  bespoke_person_set_name (BESPOKE_PERSON (r), name);
  return TRUE;   /* an empty name is refused by the person's own check */
}

#define OPTIONAL_TEXT(fn, setter)                                        \
  static gboolean                                                        \
  fn (BespokeRecord *r, const char *text, GError **error)                \
  {                                                                      \
    g_autofree char *clean = g_strstrip (g_strdup (text));               \
    setter (BESPOKE_PERSON (r), *clean ? clean : NULL);                  \
    return TRUE;                                                         \
  }

OPTIONAL_TEXT (apply_preferred, bespoke_person_set_preferred_name)
OPTIONAL_TEXT (apply_client_group, bespoke_person_set_client_group)
OPTIONAL_TEXT (apply_notes, bespoke_person_set_notes)

static gboolean
apply_postcode (BespokeRecord *r, const char *text, GError **error)
{
  g_autofree char *clean = g_utf8_strup (text, -1);

  g_strstrip (clean);
  bespoke_person_set_postcode (BESPOKE_PERSON (r), *clean ? clean : NULL);
  return TRUE;
}

static gboolean
apply_birth (BespokeRecord *r, const char *text, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = NULL;
  GDate date, today;

  if (*clean == '\0')
    {
      bespoke_person_set_date_of_birth (BESPOKE_PERSON (r), NULL);
      return TRUE;
    }
  if (!bespoke_date_parse_user (clean, &date, error))
    {
      /* Translators: the field's name before a sentence saying what is wrong with it */
      g_prefix_error (error, _("The date of birth: "));
      return FALSE;
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  if (g_date_compare (&date, &today) > 0)
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("The date of birth is in the future. Type the day they were born, such as 3/4/1984."));
      return FALSE;
    }
  iso = bespoke_date_to_iso (&date);
  bespoke_person_set_date_of_birth (BESPOKE_PERSON (r), iso);
  return TRUE;
}

static void
apply_nation (BespokeRecord *r, guint index)
{
  bespoke_person_set_nation (BESPOKE_PERSON (r), (BespokeNation) index);
}

/* Showing */

/* Whole years from @born to today */
static int
age_on_today (const GDate *born)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int years = g_date_time_get_year (now) - g_date_get_year (born);

  if (g_date_time_get_month (now) < (int) g_date_get_month (born) ||
      (g_date_time_get_month (now) == (int) g_date_get_month (born) &&
       g_date_time_get_day_of_month (now) < g_date_get_day (born)))
    years--;
  return years;
}

static void
show_age (BespokePersonDetails *self,
          BespokePerson        *person)
{
  const char *iso = bespoke_person_get_date_of_birth (person);
  g_autofree char *text = NULL;
  GDate born;

  if (iso != NULL && bespoke_date_parse (iso, &born, NULL))
    {
      g_autofree char *when = bespoke_date_format_long (iso);
      int age = age_on_today (&born);

      /* Translators: a date of birth in words and the age it gives */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Born %s: %d year old.", "Born %s: %d years old.", age),
                              when, age);
    }
  adw_preferences_group_set_description (self->birth_group,
                                         text ? text : _("Type a date such as 3/4/1984, or choose one."));
}

static void
show_person (BespokePersonDetails *self,
             BespokePerson        *person)
{
  g_autofree char *birth = bespoke_field_date_text (bespoke_person_get_date_of_birth (person));

  bespoke_field_set_text (self->name, bespoke_person_get_name (person));
  bespoke_field_set_text (self->preferred, bespoke_person_get_preferred_name (person));
  bespoke_field_set_text (self->birth, birth);
  bespoke_field_set_index (self->nation, bespoke_person_get_nation (person));
  bespoke_field_set_text (self->client_group, bespoke_person_get_client_group (person));
  bespoke_field_set_text (self->postcode, bespoke_person_get_postcode (person));
  bespoke_field_set_text (self->notes, bespoke_person_get_notes (person));
  show_age (self, person);
}

static void
on_saved_cb (BespokeFieldSet      *fields,
             BespokeRecord        *record,
             BespokePersonDetails *self)
{
  if (BESPOKE_IS_PERSON (record))
    show_age (self, BESPOKE_PERSON (record));
}

/* An undo, or another window: the fields show the person as now stored */
static void
on_store_changed_cb (BespokeStore         *store,
                     GType                 type,
                     const char           *uuid,
                     BespokePersonDetails *self)
{
  BespokeRecord *person;

  if (type != BESPOKE_TYPE_PERSON || g_strcmp0 (uuid, self->uuid) != 0 ||
      bespoke_field_set_get_saving (self->fields))
    return;
  bespoke_field_set_reload (self->fields, type, uuid);
  person = bespoke_field_set_lookup (self->fields, self->uuid);
  if (person == NULL)
    gtk_window_close (GTK_WINDOW (self));   /* deleted */
  else
    show_person (self, BESPOKE_PERSON (person));
}

/* Building */

static BespokeField *
add_text (BespokePersonDetails *self,
          AdwPreferencesGroup  *group,
          const char           *title,
          BespokeApplyText      apply,
          const char           *undo_label,
          GtkLabel             *error_label)
{
  BespokeField *field = bespoke_field_new_text_row (self->fields, title, NULL, self->uuid, apply, undo_label, error_label);

  adw_preferences_group_add (group, bespoke_field_get_row (field));
  return field;
}

static GtkLabel *
add_error_label (AdwPreferencesGroup *group)
{
  GtkLabel *label = bespoke_field_error_label_new ();

  gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
  adw_preferences_group_add (group, GTK_WIDGET (label));
  return label;
}

static void
build_fields (BespokePersonDetails *self,
              BespokePerson        *person)
{
  const char *nations[] = { N_("England and Wales"), N_("Scotland"), N_("Northern Ireland"), NULL };
  const char *shown[G_N_ELEMENTS (nations)] = { NULL };
  g_autofree char *who = bespoke_person_dup_short_name (person);
  g_autofree char *name_label = NULL, *preferred_label = NULL, *birth_label = NULL, *nation_label = NULL;
  g_autofree char *group_label = NULL, *postcode_label = NULL, *notes_label = NULL;
  GtkLabel *name_error = add_error_label (self->name_group);
  GtkLabel *birth_error = add_error_label (self->birth_group);
  GtkLabel *premium_error = add_error_label (self->premium_group);
  GtkLabel *notes_error = add_error_label (self->notes_group);

  for (guint i = 0; nations[i] != NULL; i++)
    shown[i] = _(nations[i]);
  /* Translators: undo labels; %s is the person's name, e.g. "Change Paul’s nation" */
  name_label = g_strdup_printf (_("Change %s’s name"), who);
  preferred_label = g_strdup_printf (_("Change %s’s preferred name"), who);
  birth_label = g_strdup_printf (_("Change %s’s date of birth"), who);
  nation_label = g_strdup_printf (_("Change %s’s nation"), who);
  group_label = g_strdup_printf (_("Change %s’s client group"), who);
  postcode_label = g_strdup_printf (_("Change %s’s postcode"), who);
  notes_label = g_strdup_printf (_("Change the notes about %s"), who);

  self->name = add_text (self, self->name_group, _("Full name"), apply_name, name_label, name_error);
  self->preferred = add_text (self, self->name_group, _("Preferred name"), apply_preferred, preferred_label, name_error);
  self->birth = add_text (self, self->birth_group, _("Date of birth"), apply_birth, birth_label, birth_error);
  bespoke_field_add_date_picker (self->birth, "date-of-birth");
  self->nation = bespoke_field_new_combo_row (self->fields, _("_Nation"), shown, bespoke_person_get_nation (person),
                                              self->uuid, apply_nation, nation_label, NULL);
  adw_preferences_group_add (self->nation_group, bespoke_field_get_row (self->nation));
  self->client_group = add_text (self, self->premium_group, _("Client group"), apply_client_group, group_label, premium_error);
  self->postcode = add_text (self, self->premium_group, _("Postcode"), apply_postcode, postcode_label, premium_error);
  self->notes = add_text (self, self->notes_group, _("Notes"), apply_notes, notes_label, notes_error);
}

/**
 * bespoke_person_details_new:
 *
 * The details of @person, saved into @store through @history as they are
 * edited.
 */
GtkWidget *
bespoke_person_details_new (BespokeStore   *store,
                            BespokeHistory *history,
                            BespokePerson  *person)
{
  BespokePersonDetails *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (history == NULL || BESPOKE_IS_HISTORY (history), NULL);
  g_return_val_if_fail (BESPOKE_IS_PERSON (person), NULL);

  self = g_object_new (BESPOKE_TYPE_PERSON_DETAILS, NULL);
  self->store = g_object_ref (store);
  self->uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  bespoke_field_set_set_store (self->fields, store, history);
  bespoke_field_set_remember (self->fields, person);
  build_fields (self, person);
  show_person (self, person);
  /* Translators: the details window's title, e.g. "Paul Roberts’s Details" */
  title = g_strdup_printf (_("%s’s Details"), bespoke_person_get_name (person));
  gtk_window_set_title (GTK_WINDOW (self), title);
  {
    AdwPreferencesGroup *groups[] = { self->name_group, self->birth_group, self->nation_group,
                                      self->premium_group, self->notes_group };

    for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
      gtk_widget_set_sensitive (GTK_WIDGET (groups[i]), !bespoke_store_get_read_only (store));
  }
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  return GTK_WIDGET (self);
}

static void
bespoke_person_details_dispose (GObject *object)
{
  BespokePersonDetails *self = BESPOKE_PERSON_DETAILS (object);

  if (self->fields != NULL)
    bespoke_field_set_flush (self->fields);
  g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PERSON_DETAILS);
  if (self->fields != NULL)
    g_signal_handlers_disconnect_by_data (self->fields, self);
  g_clear_object (&self->fields);
  g_clear_object (&self->store);
  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (bespoke_person_details_parent_class)->dispose (object);
}

static gboolean
bespoke_person_details_close_request (GtkWindow *window)
{
  bespoke_field_set_flush (BESPOKE_PERSON_DETAILS (window)->fields);
  return GTK_WINDOW_CLASS (bespoke_person_details_parent_class)->close_request (window);
}

static void
bespoke_person_details_class_init (BespokePersonDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bespoke_person_details_dispose;
  window_class->close_request = bespoke_person_details_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-person-details.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokePersonDetails, name_group);
  gtk_widget_class_bind_template_child (widget_class, BespokePersonDetails, birth_group);
  gtk_widget_class_bind_template_child (widget_class, BespokePersonDetails, nation_group);
  gtk_widget_class_bind_template_child (widget_class, BespokePersonDetails, premium_group);
  gtk_widget_class_bind_template_child (widget_class, BespokePersonDetails, notes_group);

  /* Escape and Ctrl+W close it, as a dialog; every edit is already saved */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
bespoke_person_details_init (BespokePersonDetails *self)
{
  self->fields = bespoke_field_set_new ();
  g_signal_connect (self->fields, "saved", G_CALLBACK (on_saved_cb), self);
  gtk_widget_init_template (GTK_WIDGET (self));
}
