/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan for sign-off, the budget statement and a shared home's ISF
 * statement, read back with pdftotext.  The figures are the domain's
 * (../shared/domain.md) or hand calculations written beside them. */
#define G_LOG_DOMAIN "bespoke-test-docs-plan"

#include "bespoke-document.h"
#include "docs-test-util.h"

static char *
write_document (BespokeStore        *store,
                BespokeDocumentKind  kind,
                const char          *subject,
                const char          *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeDocument) document = bespoke_document_new (store, kind, subject, NULL, &error);
  g_autofree char *dir = temp_dir ();
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (bespoke_document_write_pdf (document, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

#define PAUL_FOOTER "Plan for Paul Roberts, 1 January 2027 – 31 December 2027"

static void
assert_footer_on_every_page (const char *path,
                             const char *footer)
{
  guint pages = pdf_pages (path);

  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *text = pdf_text (path, p);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p, pages);

      assert_text_has (text, footer);
      assert_text_has (text, number);
    }
}

static void
test_plan_paul (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *tagged = NULL;

  if (!have_poppler ())
    return;
  path = write_document (store, BESPOKE_DOCUMENT_PLAN, BESPOKE_EXAMPLE_PAUL_UUID, "plan.pdf");
  text = pdf_text (path, 0);
  layout = pdf_layout_text (path, 0);
  tagged = pdf_info (path, "Tagged");
  g_assert_cmpstr (tagged, ==, "yes");

  /* The cover, and what is important to Paul */
  assert_text_has (text, "Support plan");
  assert_text_has (text, "1 January 2027 – 31 December 2027");
  assert_text_has (text, "My job at the garage, and being paid for it.");
  /* His outcomes, with their measures */
  assert_text_has (text, "I want a paid job, and to keep it for six months.");
  assert_text_has (text, "I want to go away with my mates every month or so.");
  assert_text_has (text, "I want to get myself ready for work without Mum.");
  assert_text_has (text, "Thirteen short breaks taken this year.");
  /* Every line's cost (the hand calculation in bespoke-example.c):
   *   mornings, 261 weekdays × 2 h × £21.50       = £11,223.00
   *   work, 104 Tuesdays and Thursdays × £53.00    =  £5,512.00
   *   13 short breaks × £405.00                    =  £5,265.00
   *   the job-finding one-off, contingent          =  £3,000.00 */
  assert_text_has (layout, "£11,223.00");
  assert_text_has (layout, "£5,512.00");
  assert_text_has (layout, "£5,265.00");
  assert_text_has (text, "only if the outcome is reached");
  /* Unpaid support beside the paid */
  assert_text_has (text, "Evenings and weekends with Mum");
  assert_text_has (text, "Margaret Roberts (family)");
  /* The domain's totals: £22,000 to the provider in a £34,000 budget, a
   * £3,000 contingent one-off, £12,000 left for Paul to direct */
  assert_text_has (layout, "Committed £22,000.00");
  assert_text_has (layout, "Budget £34,000.00");
  assert_text_has (layout, "Contingent: paid only if outcomes are reached £3,000.00");
  assert_text_has (layout, "Remaining £12,000.00");
  /* The risks, with likelihood, impact and contingency */
  assert_text_has (text, "Danny is ill and cannot come in the morning.");
  assert_text_has (text, "Paul loses his job at the garage.");
  assert_text_has (text, "Rebook within four weeks; Paul chooses a day trip instead.");
  /* Who agreed it */
  assert_text_has (text, "Who agreed this plan");
  assert_text_has (text, "For the council");

  assert_footer_on_every_page (path, PAUL_FOOTER);
}

/* A plan with 70 more lines: the support table runs over several pages,
 * each with its header row again */
static void
test_plan_long_table (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePlan) plan = bespoke_plans_find_current (store, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_autofree char *path = NULL;
  guint pages, with_rows = 0;

  g_assert_no_error (error);
  g_assert_true (bespoke_store_begin (store, &error));
  for (guint i = 0; i < 70; i++)
    {
      g_autoptr(BespokeSupportLine) line = bespoke_support_line_new ();
      g_autoptr(BespokeSchedule) schedule = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
      g_autofree char *what = g_strdup_printf ("Extra line %u", i + 1);

      schedule->weekdays = 1 << (i % 7);
      schedule->start_minute = 10 * 60;
      schedule->duration_minutes = 60;
      schedule->every_weeks = 1;
      bespoke_support_line_set_plan_uuid (line, uuid_of (plan));
      bespoke_support_line_set_position (line, 10 + i);
      bespoke_support_line_set_description (line, what);
      bespoke_support_line_set_support_type (line, BESPOKE_SUPPORT_FRIEND);
      bespoke_support_line_set_worker (line, "Kev");
      bespoke_support_line_set_funding (line, BESPOKE_FUNDING_NONE);
      bespoke_support_line_set_schedule (line, schedule);
      save_ok (store, line);
    }
  g_assert_true (bespoke_store_commit (store, &error));
  if (!have_poppler ())
    return;

  path = write_document (store, BESPOKE_DOCUMENT_PLAN, BESPOKE_EXAMPLE_PAUL_UUID, "long.pdf");
  pages = pdf_pages (path);
  g_assert_cmpuint (pages, >=, 3);
  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *text = pdf_layout_text (path, p);
      const char *row = strstr (text, "Extra line ");
      const char *header = strstr (text, "What Who When Funding Cost for the");

      if (row == NULL)
        continue;
      with_rows++;
      g_assert_nonnull (header);
      g_assert_true (header < row);
    }
  g_assert_cmpuint (with_rows, >=, 2);
  {
    g_autofree char *all = pdf_text (path, 0);
    for (guint i = 1; i <= 70; i++)
      {
        g_autofree char *what = g_strdup_printf ("Extra line %u ", i);
        assert_text_has (all, what);
      }
  }
  assert_footer_on_every_page (path, PAUL_FOOTER);
}

static void
test_budget_paul (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autofree char *path = NULL;
  g_autofree char *layout = NULL;

  if (!have_poppler ())
    return;
  path = write_document (store, BESPOKE_DOCUMENT_BUDGET, BESPOKE_EXAMPLE_PAUL_UUID, "budget.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  layout = pdf_layout_text (path, 0);
  assert_text_has (layout, "Budget £34,000.00");
  assert_text_has (layout, "Committed from: Individual budget £22,000.00");
  assert_text_has (layout, "Contingent: paid only if outcomes are reached £3,000.00");
  assert_text_has (layout, "Remaining £12,000.00");
  /* January 2027, by hand: 21 weekday mornings × 2 h × £21.50 = £903.00;
   * 8 Tuesdays and Thursdays at work × £53.00 = £424.00; the short break
   * that starts on Friday 8 January, £405.00: £1,732.00 */
  assert_text_has (layout, "January 2027 £1,732.00");
  assert_text_has (layout, "December 2027");
  assert_text_has (layout, "Total £22,000.00");
}

static void
test_home_oak_house (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autofree char *path = NULL;
  g_autofree char *layout = NULL;

  if (!have_poppler ())
    return;
  path = write_document (store, BESPOKE_DOCUMENT_HOME, BESPOKE_EXAMPLE_HOME_UUID, "oak.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  layout = pdf_layout_text (path, 0);
  /* The domain's ISF: £30,000 core and £10,000 shared each; personal
   * money = allocation − £40,000 */
  assert_text_has (layout, "Ann Hughes £50,000.00 £30,000.00 £10,000.00 £10,000.00");
  assert_text_has (layout, "Ben Carter £42,000.00 £30,000.00 £10,000.00 £2,000.00");
  assert_text_has (layout, "Cara Doyle £45,000.00 £30,000.00 £10,000.00 £5,000.00");
  assert_text_has (layout, "Dev Patel £53,000.00 £30,000.00 £10,000.00 £13,000.00");
  assert_text_has (layout, "Ellie Shaw £65,000.00 £30,000.00 £10,000.00 £25,000.00");
  assert_text_has (layout, "Frank Moss £45,000.00 £30,000.00 £10,000.00 £5,000.00");
  assert_text_has (layout, "Total £300,000.00 £180,000.00 £60,000.00 £60,000.00");
  assert_text_has (layout, "The home’s budget for the year £300,000.00");
}

static void
test_no_plan (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePerson) anne = bespoke_store_find_person (store, "Anne-Marie Byrne", &error);
  g_autoptr(BespokeDocument) document = NULL;

  g_assert_no_error (error);
  document = bespoke_document_new (store, BESPOKE_DOCUMENT_PLAN, uuid_of (anne), NULL, &error);
  g_assert_null (document);
  g_assert_error (error, BESPOKE_ERROR, BESPOKE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "has no support plan"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/docs/plan/paul", test_plan_paul);
  g_test_add_func ("/docs/plan/long-table", test_plan_long_table);
  g_test_add_func ("/docs/plan/no-plan", test_no_plan);
  g_test_add_func ("/docs/budget/paul", test_budget_paul);
  g_test_add_func ("/docs/home/oak-house", test_home_oak_house);
  return g_test_run ();
}
