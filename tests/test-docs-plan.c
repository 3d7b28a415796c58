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
  /* The seven criteria, each with its result */
  assert_text_has (text, "Does the plan meet the seven criteria?");
  assert_text_has (text, "1. What’s important to me");
  assert_text_has (text, "2. What I want to change or achieve");
  assert_text_has (text, "3. How I will be supported");
  assert_text_has (text, "4. How I will use my money");
  assert_text_has (text, "5. How I will be in control");
  assert_text_has (text, "6. How I will stay safe");
  assert_text_has (text, "7. Action plan");
  /* Who agreed it */
  assert_text_has (text, "Who agreed this plan");
  assert_text_has (text, "For the council");

  assert_footer_on_every_page (path, PAUL_FOOTER);
}

/* A plan with 70 more lines: the support table runs over several pages,
 * each with its header row again */
/* A failing criterion with a written reason to go ahead: the plan prints
 * the failure and the reason */
static void
test_plan_override_printed (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokePlan) plan = bespoke_plans_find_current (store, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  /* No review date: the action plan fails */
  bespoke_plan_set_review_date (plan, NULL);
  bespoke_plan_set_override (plan, BESPOKE_CRITERION_ACTION, "The review is set at the council panel in January.");
  save_ok (store, plan);
  if (!have_poppler ())
    return;
  path = write_document (store, BESPOKE_DOCUMENT_PLAN, BESPOKE_EXAMPLE_PAUL_UUID, "override.pdf");
  text = pdf_text (path, 0);
  assert_text_has (text, "Fails, agreed with a reason");
  assert_text_has (text, "Reason to go ahead: The review is set at the council panel in January.");
}

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


/* The example menu, every product under its kind (bespoke-example.c) */
static const char *const one_offs[] = {
  "Job finding", "Facilitation of a person-centred plan", "Support design", "Behaviour analysis review",
  "Assistive-technology assessment", "Holiday", "Service design", "Benefits review",
  "Health-and-safety environment review", "Housing brokerage", NULL,
};
static const char *const defined_terms[] = {
  "Life skills training", "Community integration", "Active support", "Job skills training",
  "Facilitation of a person-centred review", NULL,
};
static const char *const ongoings[] = {
  "Personal care and support", "Support at work", "Short break", "Sleep-in", "Waking night", "Live-in support",
  "Training of PAs", "Quality assurance", "Housing-related support", "Recruitment of PAs",
  "Management of a team of PAs", "On-call and out-of-hours support", NULL,
};

static char *
write_offer (BespokeStore *store,
             const char   *person_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeDocument) document = bespoke_document_new (store, BESPOKE_DOCUMENT_OFFER, person_uuid,
                                                              EXAMPLE_HILLSIDE, &error);
  g_autofree char *dir = temp_dir ();
  char *path = g_build_filename (dir, "offer.pdf", NULL);

  g_assert_no_error (error);
  g_assert_true (bespoke_document_write_pdf (document, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Each product's name comes after its kind's heading and before the next */
static void
assert_under (const char        *text,
              const char        *heading,
              const char        *next,
              const char *const *names)
{
  const char *start = strstr (text, heading);
  const char *end = next ? strstr (text, next) : text + strlen (text);

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s ", names[i]);
      const char *at = strstr (start, name);

      if (at == NULL || at > end)
        g_error ("“%s” is not under “%s”", names[i], heading);
    }
}

static void
test_offer_paul (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *layout = NULL;

  if (!have_poppler ())
    return;
  path = write_offer (store, BESPOKE_EXAMPLE_PAUL_UUID);
  text = pdf_text (path, 0);
  layout = pdf_layout_text (path, 0);
  assert_text_has (text, "Hillside Support’s offer for Paul Roberts");
  assert_under (text, "One-off Product", "Defined-term Product", one_offs);
  assert_under (text, "Defined-term Product", "Ongoing Product", defined_terms);
  assert_under (text, "Ongoing Product", NULL, ongoings);
  /* His plan's products, marked with their cost for the period (the hand
   * calculation in bespoke-example.c), at the menu's prices */
  assert_text_has (layout, "Personal care and support £21.50 per hour ✓ £11,223.00");
  assert_text_has (layout, "Support at work £53.00 per day ✓ £5,512.00");
  assert_text_has (layout, "Short break £405.00 ✓ £5,265.00");
  /* The outcome-based one-off, £3,000.00, beside the outcome that pays it */
  assert_text_has (layout, "Job finding £3,000.00 ✓ £3,000.00");
  assert_text_has (text, "Paid only if the outcome is reached: Finding Paul a job he keeps for six months");
  /* Nothing else is marked */
  g_assert_null (strstr (layout, "Sleep-in £90.00 per night ✓"));
}

/* A rural postcode with a 15% premium on personal care: £21.50 × 1.15 =
 * £24.725, rounded half away from zero to £24.73 */
static void
test_offer_rural_premium (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeProduct) care = bespoke_store_load (store, BESPOKE_TYPE_PRODUCT,
                                                       "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0101", &error);
  g_autoptr(BespokePerson) rhian = bespoke_person_new ();
  g_autofree char *path = NULL;
  g_autofree char *layout = NULL;

  g_assert_no_error (error);
  bespoke_product_set_premium_postcode_areas (care, "LD, SY");
  bespoke_product_set_premium_percent_bp (care, 1500);
  save_ok (store, care);
  bespoke_person_set_name (rhian, "Rhian Morgan");
  bespoke_person_set_postcode (rhian, "LD1 5AB");
  save_ok (store, rhian);
  if (!have_poppler ())
    return;

  path = write_offer (store, uuid_of (rhian));
  layout = pdf_layout_text (path, 0);
  assert_text_has (layout, "Personal care and support £24.73 per hour");
  /* Other products have no premium; she has no plan, so nothing is marked */
  assert_text_has (layout, "Support at work £53.00 per day");
  g_assert_null (strstr (layout, "✓ £"));

  /* Paul, in no premium area, still pays the menu price */
  g_free (path);
  g_free (layout);
  path = write_offer (store, BESPOKE_EXAMPLE_PAUL_UUID);
  layout = pdf_layout_text (path, 0);
  assert_text_has (layout, "Personal care and support £21.50 per hour");
}

static void
test_week_paul (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeDocument) document = bespoke_document_new (store, BESPOKE_DOCUMENT_WEEK, BESPOKE_EXAMPLE_PAUL_UUID,
                                                              NULL, &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;

  g_assert_no_error (error);
  g_assert_true (bespoke_document_get_landscape (document));
  if (!have_poppler ())
    return;
  path = write_document (store, BESPOKE_DOCUMENT_WEEK, BESPOKE_EXAMPLE_PAUL_UUID, "week.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  size = pdf_info (path, "Page size");
  g_assert_true (g_str_has_prefix (size, "841.89 x 595.28"));
  text = pdf_text (path, 0);
  /* Every day, the legend's supporters paid and unpaid, and no money */
  assert_text_has (text, "Monday");
  assert_text_has (text, "Sunday");
  assert_text_has (text, "Danny Price, Hillside Support (paid)");
  assert_text_has (text, "Margaret Roberts (family) (unpaid)");
  assert_text_has (text, "Kev (friend) (unpaid)");
  assert_text_has (text, "07:30–09:30");
  g_assert_null (strstr (text, "£"));
}

static void
test_easy_read_paul (void)
{
  g_autoptr(BespokeStore) store = new_example_store ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;
  path = write_document (store, BESPOKE_DOCUMENT_EASY_READ, BESPOKE_EXAMPLE_PAUL_UUID, "easy.pdf");
  text = pdf_text (path, 0);
  /* Questions for headings; the profile, the outcomes, the week, who to call */
  assert_text_has (text, "What is important to me?");
  assert_text_has (text, "How can you help me?");
  assert_text_has (text, "What do I want to do?");
  assert_text_has (text, "Who helps me?");
  assert_text_has (text, "Who can I call?");
  assert_text_has (text, "Seeing my mum every day, and my cousin Danny.");
  assert_text_has (text, "I want a paid job, and to keep it for six months.");
  assert_text_has (text, "Margaret Roberts: Mum.");
  /* No money */
  g_assert_null (strstr (text, "£"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/docs/plan/paul", test_plan_paul);
  g_test_add_func ("/docs/plan/long-table", test_plan_long_table);
  g_test_add_func ("/docs/plan/override-printed", test_plan_override_printed);
  g_test_add_func ("/docs/plan/no-plan", test_no_plan);
  g_test_add_func ("/docs/budget/paul", test_budget_paul);
  g_test_add_func ("/docs/home/oak-house", test_home_oak_house);
  g_test_add_func ("/docs/offer/paul", test_offer_paul);
  g_test_add_func ("/docs/offer/rural-premium", test_offer_rural_premium);
  g_test_add_func ("/docs/week/paul", test_week_paul);
  g_test_add_func ("/docs/easy-read/paul", test_easy_read_paul);
  return g_test_run ();
}
