/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Plan page's check and the header's control fields (issue #9,
 * section 3): Paul's example plan passes all seven criteria; choosing
 * nobody to manage the money makes "How I will be in control" fail, with
 * an entry for a reason; Agreed is refused with the sentence naming that
 * criterion and the status stays a draft; a written reason lets it be
 * agreed; and Ctrl+Z (the history) takes it back. */
#define G_LOG_DOMAIN "test-plan-check-section"

#include "config.h"

#include <adwaita.h>

#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-plan-check-section.h"
#include "bespoke-plan-page.h"
#include "bespoke-test-util.h"

#define PAUL_PLAN_UUID "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0002"

typedef struct
{
  BespokeStore   *store;
  BespokeHistory *history;
  BespokePerson  *paul;
  GtkWidget      *window;
  GtkWidget      *page;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->store = new_example_store ();
  f->history = bespoke_history_new (f->store);
  f->paul = bespoke_store_load (f->store, BESPOKE_TYPE_PERSON, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_assert_no_error (error);

  f->page = g_object_ref (bespoke_plan_page_new ());
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  bespoke_plan_page_set_person (BESPOKE_PLAN_PAGE (f->page), f->store, f->history, f->paul);
  /* the check runs when it is on screen */
  gtk_window_present (GTK_WINDOW (f->window));
  drain ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->page);
  g_clear_object (&f->paul);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->store);
}

static void
find_all (GtkWidget  *widget,
          GType       type,
          const char *name,
          GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_all (child, type, name, found);
}

static gpointer
find_one (GtkWidget  *widget,
          GType       type,
          const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (widget, type, name, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static BespokePlan *
load_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BespokePlan *plan = bespoke_store_load (f->store, BESPOKE_TYPE_PLAN, PAUL_PLAN_UUID, &error);

  g_assert_no_error (error);
  return plan;
}

/* The verdict ("Passes", "Fails", "Agreed with a reason") of criterion @n (1 to 7) */
static const char *
verdict (Fixture *f,
         guint    n)
{
  g_autofree char *name = g_strdup_printf ("criterion-%u", n);
  AdwActionRow *row = find_one (f->page, ADW_TYPE_ACTION_ROW, name);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  find_all (GTK_WIDGET (row), GTK_TYPE_LABEL, NULL, labels);
  /* the suffix is the row's last label */
  return gtk_label_get_label (g_ptr_array_index (labels, labels->len - 1));
}

static const char *
sentence (Fixture *f,
          guint    n)
{
  g_autofree char *name = g_strdup_printf ("criterion-%u", n);

  return adw_action_row_get_subtitle (find_one (f->page, ADW_TYPE_ACTION_ROW, name));
}

static GtkWidget *
reason_row (Fixture *f,
            guint    n)
{
  g_autofree char *name = g_strdup_printf ("criterion-%u-reason", n);

  return find_one (f->page, ADW_TYPE_ENTRY_ROW, name);
}

static const char *
summary (Fixture *f)
{
  return gtk_label_get_label (find_one (f->page, GTK_TYPE_LABEL, "plan-check-summary"));
}

static void
test_paul_passes (Fixture *f, gconstpointer data)
{
  for (guint n = 1; n <= 7; n++)
    {
      g_assert_cmpstr (verdict (f, n), ==, "Passes");
      g_assert_false (gtk_widget_get_visible (reason_row (f, n)));
    }
  /* domain.md: £22,000.00 of £34,000.00, £3,000.00 contingent, £12,000.00 left */
  g_assert_cmpstr (sentence (f, 4), ==,
                   "£22,000.00 is committed of a £34,000.00 budget, £3,000.00 is contingent on outcomes, and £12,000.00 remains.");
  /* the example's plan is agreed, and passes */
  g_assert_cmpstr (summary (f), ==, "Agreed");
}

static void
test_agreed_gated (Fixture *f, gconstpointer data)
{
  AdwComboRow *status = find_one (f->page, ADW_TYPE_COMBO_ROW, "plan-status");
  AdwComboRow *money = find_one (f->page, ADW_TYPE_COMBO_ROW, "money-manager");
  GtkLabel *error_label = find_one (f->page, GTK_TYPE_LABEL, "details-error");
  GtkWidget *reason = reason_row (f, 5);
  g_autoptr(BespokePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* back to a draft: always allowed */
  adw_combo_row_set_selected (status, BESPOKE_PLAN_DRAFT);
  drain ();
  plan = load_plan (f);
  g_assert_cmpint (bespoke_plan_get_status (plan), ==, BESPOKE_PLAN_DRAFT);
  g_assert_cmpstr (summary (f), ==, "Ready to agree");

  /* nobody manages the money ("Not chosen yet", the first choice) */
  g_assert_cmpuint (adw_combo_row_get_selected (money), ==, BESPOKE_MONEY_MANAGER_PERSON);
  adw_combo_row_set_selected (money, 0);
  drain ();
  g_clear_object (&plan);
  plan = load_plan (f);
  g_assert_cmpint (bespoke_plan_get_money_manager (plan), ==, BESPOKE_MONEY_MANAGER_UNSET);
  g_assert_cmpstr (verdict (f, 5), ==, "Fails");
  g_assert_nonnull (strstr (sentence (f, 5), "does not say who manages the money"));
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_cmpstr (summary (f), ==, "1 criterion to resolve");

  /* Agreed is refused, with the sentence naming the criterion */
  adw_combo_row_set_selected (status, BESPOKE_PLAN_AGREED);
  drain ();
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, BESPOKE_PLAN_DRAFT);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "“How I will be in control” fails"));
  g_clear_object (&plan);
  plan = load_plan (f);
  g_assert_cmpint (bespoke_plan_get_status (plan), ==, BESPOKE_PLAN_DRAFT);

  /* a written reason, saved on Enter, lets it be agreed */
  gtk_editable_set_text (GTK_EDITABLE (reason), "Paul chooses at the first review, with his mum.");
  g_signal_emit_by_name (reason, "entry-activated");
  drain ();
  g_clear_object (&plan);
  plan = load_plan (f);
  g_assert_cmpstr (bespoke_plan_get_override (plan, BESPOKE_CRITERION_CONTROL), ==,
                   "Paul chooses at the first review, with his mum.");
  g_assert_cmpstr (verdict (f, 5), ==, "Agreed with a reason");
  g_assert_cmpstr (summary (f), ==, "Ready to agree");

  adw_combo_row_set_selected (status, BESPOKE_PLAN_AGREED);
  drain ();
  g_clear_object (&plan);
  plan = load_plan (f);
  g_assert_cmpint (bespoke_plan_get_status (plan), ==, BESPOKE_PLAN_AGREED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (bespoke_history_get_undo_label (f->history), ==, "Agree the plan");

  /* undone like any edit */
  g_assert_true (bespoke_history_undo (f->history, &error));
  g_assert_no_error (error);
  drain ();
  g_clear_object (&plan);
  plan = load_plan (f);
  g_assert_cmpint (bespoke_plan_get_status (plan), ==, BESPOKE_PLAN_DRAFT);
  g_assert_cmpuint (adw_combo_row_get_selected (find_one (f->page, ADW_TYPE_COMBO_ROW, "plan-status")), ==,
                    BESPOKE_PLAN_DRAFT);
}

/* Who decides day to day: typed, saved, and checked; emptied, it fails */
static void
test_decides_day_to_day (Fixture *f, gconstpointer data)
{
  GtkWidget *decides = find_one (f->page, ADW_TYPE_ENTRY_ROW, "decides-day-to-day");
  g_autoptr(BespokePlan) plan = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (decides)), ==, "Paul, with his mum Margaret when he asks her");
  gtk_editable_set_text (GTK_EDITABLE (decides), "");
  g_signal_emit_by_name (decides, "entry-activated");
  drain ();
  plan = load_plan (f);
  g_assert_null (bespoke_plan_get_decides_day_to_day (plan));
  g_assert_cmpstr (verdict (f, 5), ==, "Fails");
  g_assert_nonnull (strstr (sentence (f, 5), "does not say who decides day to day"));
  /* the agreed example plan says it no longer passes */
  g_assert_cmpstr (summary (f), ==, "Agreed, but 1 criterion now fails");

  gtk_editable_set_text (GTK_EDITABLE (decides), "Paul");
  g_signal_emit_by_name (decides, "entry-activated");
  drain ();
  g_clear_object (&plan);
  plan = load_plan (f);
  g_assert_cmpstr (bespoke_plan_get_decides_day_to_day (plan), ==, "Paul");
  g_assert_cmpstr (verdict (f, 5), ==, "Passes");
}

/* A statement removed on the Profile page (elsewhere) shows here when the
 * page is shown again */
static void
test_follows_profile (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) statements = bespoke_store_list (f->store, BESPOKE_TYPE_STATEMENT, BESPOKE_EXAMPLE_PAUL_UUID, NULL);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (f->page, FALSE);
  drain ();
  for (guint i = 0; i < statements->len; i++)
    if (bespoke_statement_get_section (g_ptr_array_index (statements, i)) == BESPOKE_SECTION_IMPORTANT)
      {
        g_assert_true (bespoke_history_delete (f->history, g_ptr_array_index (statements, i), "Remove", &error));
        g_assert_no_error (error);
      }
  drain ();
  g_assert_cmpstr (verdict (f, 1), ==, "Passes");  /* hidden: not checked yet */
  gtk_widget_set_visible (f->page, TRUE);
  drain ();
  g_assert_cmpstr (verdict (f, 1), ==, "Fails");
  g_assert_true (gtk_widget_get_visible (reason_row (f, 1)));
}

int
main (int argc, char *argv[])
{
  use_system_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan-check-section/paul-passes", test_paul_passes);
  ADD ("/plan-check-section/agreed-gated", test_agreed_gated);
  ADD ("/plan-check-section/decides-day-to-day", test_decides_day_to_day);
  ADD ("/plan-check-section/follows-profile", test_follows_profile);
#undef ADD

  return g_test_run ();
}
