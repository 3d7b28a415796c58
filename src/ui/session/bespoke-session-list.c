/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-session-list"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-circle-member.h"
#include "bespoke-date.h"
#include "bespoke-session.h"
#include "bespoke-session-list.h"

/**
 * BespokeSessionList:
 *
 * A person's past facilitated sessions, newest first: when, who
 * facilitated, who took part, and how many statements were added or
 * changed.  It follows the store, so a session just ended shows at once.
 */
struct _BespokeSessionList
{
  AdwBin         parent_instance;

  BespokeStore  *store;
  BespokePerson *person;
  gulong         changed_id;
  guint          n_sessions;

  GtkLabel      *empty_label;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (BespokeSessionList, bespoke_session_list, ADW_TYPE_BIN)

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  BespokeSession *x = *(BespokeSession **) a;
  BespokeSession *y = *(BespokeSession **) b;
  int by_date = g_strcmp0 (bespoke_session_get_date (y), bespoke_session_get_date (x));

  return by_date != 0 ? by_date : g_strcmp0 (bespoke_session_get_start_time (y), bespoke_session_get_start_time (x));
}

/* "Sarah (Mum), Pastor Dave": the circle members ticked, then the others */
static char *
who_took_part (BespokeSession *session,
               GPtrArray      *circle)
{
  g_auto(GStrv) ticked = bespoke_session_split (bespoke_session_get_participants (session));
  g_auto(GStrv) guests = bespoke_session_split (bespoke_session_get_guests (session));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < circle->len; i++)
    {
      BespokeCircleMember *member = g_ptr_array_index (circle, i);
      const char *relationship = bespoke_circle_member_get_relationship (member);

      if (!g_strv_contains ((const char * const *) ticked, bespoke_record_get_uuid (BESPOKE_RECORD (member))))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, bespoke_circle_member_get_name (member));
      if (relationship != NULL && *relationship != '\0')
        g_string_append_printf (names, " (%s)", relationship);
    }
  for (guint i = 0; guests[i] != NULL; i++)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, guests[i]);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GtkWidget *
session_row (BespokeSession *session,
             GPtrArray      *circle)
{
  g_autofree char *day = bespoke_date_format_long (bespoke_session_get_date (session));
  const char *start = bespoke_session_get_start_time (session);
  const char *end = bespoke_session_get_end_time (session);
  const char *facilitator = bespoke_session_get_facilitator (session);
  g_autofree char *people = who_took_part (session, circle);
  g_auto(GStrv) statements = bespoke_session_split (bespoke_session_get_statements (session));
  guint n = g_strv_length (statements);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();

  if (end != NULL && *end != '\0')
    /* Translators: a day, then the start and end times */
    title = g_strdup_printf (_("%s, %s to %s"), day, start != NULL ? start : "", end);
  else
    /* Translators: a day and a start time, for a session not ended */
    title = g_strdup_printf (_("%s, from %s (not ended)"), day, start != NULL ? start : "");
  if (facilitator != NULL && *facilitator != '\0')
    g_string_append_printf (subtitle, _("Facilitated by %s. "), facilitator);
  if (*people != '\0')
    g_string_append_printf (subtitle, _("With %s. "), people);
  g_string_append_printf (subtitle, g_dngettext (NULL, "%u statement added or changed.",
                                                 "%u statements added or changed.", n), n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  return row;
}

static void
reload (BespokeSessionList *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) circle = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_sessions = 0;
  if (self->store == NULL || self->person == NULL)
    return;

  uuid = bespoke_record_get_uuid (BESPOKE_RECORD (self->person));
  sessions = bespoke_store_list (self->store, BESPOKE_TYPE_SESSION, uuid, &error);
  if (sessions != NULL)
    circle = bespoke_store_list (self->store, BESPOKE_TYPE_CIRCLE_MEMBER, uuid, &error);
  if (sessions == NULL || circle == NULL)
    {
      gtk_label_set_text (self->empty_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
      return;
    }
  g_ptr_array_sort (sessions, newest_first);
  for (guint i = 0; i < sessions->len; i++)
    gtk_list_box_append (self->list, session_row (g_ptr_array_index (sessions, i), circle));
  self->n_sessions = sessions->len;
  gtk_label_set_text (self->empty_label, _("No sessions yet. Start one from the person menu, or press F5."));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), sessions->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), sessions->len > 0);
}

static void
store_changed_cb (BespokeStore       *store,
                  GType               type,
                  const char         *uuid,
                  BespokeSessionList *self)
{
  if (type == BESPOKE_TYPE_SESSION || type == BESPOKE_TYPE_CIRCLE_MEMBER)
    reload (self);
}

/**
 * bespoke_session_list_set_person:
 *
 * Shows @person's sessions (or none, for %NULL).
 */
void
bespoke_session_list_set_person (BespokeSessionList *self,
                                 BespokeStore       *store,
                                 BespokePerson      *person)
{
  g_return_if_fail (BESPOKE_IS_SESSION_LIST (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
    }
  g_set_object (&self->person, person);
  reload (self);
}

guint
bespoke_session_list_get_n_sessions (BespokeSessionList *self)
{
  g_return_val_if_fail (BESPOKE_IS_SESSION_LIST (self), 0);
  return self->n_sessions;
}

static void
bespoke_session_list_dispose (GObject *object)
{
  BespokeSessionList *self = (BespokeSessionList *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->person);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_SESSION_LIST);
  G_OBJECT_CLASS (bespoke_session_list_parent_class)->dispose (object);
}

static void
bespoke_session_list_class_init (BespokeSessionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_session_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-session-list.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeSessionList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeSessionList, list);
}

static void
bespoke_session_list_init (BespokeSessionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
}

GtkWidget *
bespoke_session_list_new (void)
{
  return g_object_new (BESPOKE_TYPE_SESSION_LIST, NULL);
}
