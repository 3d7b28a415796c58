/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-example"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-core.h"
#include "bespoke-example.h"

/* Every example record has a fixed UUID, so installing twice adds nothing. */
#define EXAMPLE_UUID(n) "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a" n

typedef struct
{
  BespokeStore  *store;
  GError       **error;
  guint          next;   /* counter for the UUIDs of child records */
  gboolean       ok;
} Builder;

static char *
child_uuid (Builder *b)
{
  return g_strdup_printf ("9b3c6a52-6f1e-4c57-9a57-0e1f5d0b%04x", b->next++);
}

static void
save (Builder  *b,
      gpointer  record)
{
  if (b->ok)
    b->ok = bespoke_store_save (b->store, record, b->error);
  g_object_unref (record);
}

static gpointer
new_child (Builder *b,
           GType    type)
{
  g_autofree char *uuid = child_uuid (b);
  return g_object_new (type, "uuid", uuid, NULL);
}

static void
person (Builder    *b,
        const char *uuid,
        const char *name,
        const char *preferred,
        const char *dob,
        gboolean    staff,
        const char *notes)
{
  BespokePerson *p = g_object_new (BESPOKE_TYPE_PERSON, "uuid", uuid, NULL);

  bespoke_person_set_name (p, name);
  bespoke_person_set_preferred_name (p, preferred);
  bespoke_person_set_date_of_birth (p, dob);
  bespoke_person_set_is_staff (p, staff);
  bespoke_person_set_notes (p, notes);
  save (b, p);
}

/* statements: NULL-separated groups for the three sections, ending with two NULLs */
static void
profile (Builder     *b,
         const char  *person_uuid,
         const char **statements)
{
  guint section = 0, position = 0;

  for (const char **s = statements; section <= BESPOKE_SECTION_SUPPORT; s++)
    {
      BespokeStatement *st;

      if (*s == NULL)
        {
          section++;
          position = 0;
          continue;
        }
      st = new_child (b, BESPOKE_TYPE_STATEMENT);
      bespoke_statement_set_person_uuid (st, person_uuid);
      bespoke_statement_set_section (st, (BespokeSection) section);
      bespoke_statement_set_position (st, position++);
      bespoke_statement_set_text (st, _(*s));
      save (b, st);
    }
}

static void
circle (Builder     *b,
        const char  *person_uuid,
        const char  *name,
        const char  *relationship,
        BespokeRing  ring,
        guint        position)
{
  BespokeCircleMember *m = new_child (b, BESPOKE_TYPE_CIRCLE_MEMBER);

  bespoke_circle_member_set_person_uuid (m, person_uuid);
  bespoke_circle_member_set_name (m, name);
  bespoke_circle_member_set_relationship (m, relationship);
  bespoke_circle_member_set_ring (m, ring);
  bespoke_circle_member_set_position (m, position);
  save (b, m);
}

#define PROVIDER_UUID EXAMPLE_UUID ("0100")

static void
product (Builder            *b,
         const char         *uuid,
         BespokeProductKind  kind,
         const char         *name,
         const char         *description,
         BespokeUnit         unit,
         gint64              price,
         guint               term_weeks,
         const char         *outcome,
         gboolean            outcome_based)
{
  BespokeProduct *p = g_object_new (BESPOKE_TYPE_PRODUCT, "uuid", uuid, NULL);

  bespoke_product_set_provider_uuid (p, PROVIDER_UUID);
  bespoke_product_set_series_uuid (p, uuid);
  bespoke_product_set_version (p, 1);
  bespoke_product_set_valid_from (p, "2026-04-01");
  bespoke_product_set_kind (p, kind);
  bespoke_product_set_name (p, _(name));
  bespoke_product_set_description (p, _(description));
  bespoke_product_set_unit (p, unit);
  bespoke_product_set_unit_price (p, price);
  bespoke_product_set_default_term_weeks (p, term_weeks);
  bespoke_product_set_default_outcome (p, outcome ? _(outcome) : NULL);
  bespoke_product_set_outcome_based (p, outcome_based);
  save (b, p);
}

/* The products Paul's plan uses */
#define PERSONAL_CARE_UUID EXAMPLE_UUID ("0101")
#define SUPPORT_AT_WORK_UUID EXAMPLE_UUID ("0102")
#define SHORT_BREAK_UUID EXAMPLE_UUID ("0103")
#define JOB_FINDING_UUID EXAMPLE_UUID ("0104")

static void
menu (Builder *b)
{
  BespokeProvider *provider = g_object_new (BESPOKE_TYPE_PROVIDER, "uuid", PROVIDER_UUID, NULL);

  bespoke_provider_set_name (provider, "Hillside Support");
  bespoke_provider_set_contact (provider, "01632 960 123 · hello@hillside.example");
  bespoke_provider_set_notes (provider, _("A local provider selling support from a menu at small, fixed margins."));
  save (b, provider);

  /* One-off */
  product (b, JOB_FINDING_UUID, BESPOKE_PRODUCT_ONE_OFF, N_("Job finding"),
           N_("Finding a job the person wants. Paid only if they keep it for six months."),
           BESPOKE_UNIT_EACH, 300000, 0, NULL, TRUE);
  product (b, EXAMPLE_UUID ("0110"), BESPOKE_PRODUCT_ONE_OFF, N_("Facilitation of a person-centred plan"),
           N_("A facilitator works with the person and their circle to write their plan."),
           BESPOKE_UNIT_EACH, 65000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0111"), BESPOKE_PRODUCT_ONE_OFF, N_("Support design"),
           N_("Designing support around the person’s plan: who, when and how."),
           BESPOKE_UNIT_EACH, 90000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0112"), BESPOKE_PRODUCT_ONE_OFF, N_("Behaviour analysis review"),
           N_("A review of behaviour support by a qualified analyst."),
           BESPOKE_UNIT_EACH, 75000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0113"), BESPOKE_PRODUCT_ONE_OFF, N_("Assistive-technology assessment"),
           N_("What technology could help, tried out at home."),
           BESPOKE_UNIT_EACH, 35000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0114"), BESPOKE_PRODUCT_ONE_OFF, N_("Holiday"),
           N_("Planning and support for a holiday of the person’s choice."),
           BESPOKE_UNIT_EACH, 150000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0115"), BESPOKE_PRODUCT_ONE_OFF, N_("Service design"),
           N_("Designing a new service with a group of people and families."),
           BESPOKE_UNIT_EACH, 250000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0116"), BESPOKE_PRODUCT_ONE_OFF, N_("Benefits review"),
           N_("Checking the person receives every benefit they are entitled to."),
           BESPOKE_UNIT_EACH, 15000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0117"), BESPOKE_PRODUCT_ONE_OFF, N_("Health-and-safety environment review"),
           N_("A review of the home for hazards, with a written report."),
           BESPOKE_UNIT_EACH, 25000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0118"), BESPOKE_PRODUCT_ONE_OFF, N_("Housing brokerage"),
           N_("Finding and securing a home to rent or share."),
           BESPOKE_UNIT_EACH, 120000, 0, NULL, FALSE);

  /* Defined-term */
  product (b, EXAMPLE_UUID ("0120"), BESPOKE_PRODUCT_DEFINED_TERM, N_("Life skills training"),
           N_("Cooking, budgeting and travel training at home and in town."),
           BESPOKE_UNIT_HOUR, 1850, 12, N_("I can cook three meals on my own."), FALSE);
  product (b, EXAMPLE_UUID ("0121"), BESPOKE_PRODUCT_DEFINED_TERM, N_("Community integration"),
           N_("Finding and joining clubs, groups and places in the community."),
           BESPOKE_UNIT_HOUR, 1900, 26, N_("I go to a club or group every week without paid support."), FALSE);
  product (b, EXAMPLE_UUID ("0122"), BESPOKE_PRODUCT_DEFINED_TERM, N_("Active support"),
           N_("Coaching staff and family to support the person to take part in everyday life."),
           BESPOKE_UNIT_HOUR, 2000, 12, N_("I take part in cooking and cleaning at home every day."), FALSE);
  product (b, EXAMPLE_UUID ("0123"), BESPOKE_PRODUCT_DEFINED_TERM, N_("Job skills training"),
           N_("A package of training for a chosen job, with a work placement."),
           BESPOKE_UNIT_EACH, 180000, 10, N_("I have the skills for the job I want."), FALSE);
  product (b, EXAMPLE_UUID ("0124"), BESPOKE_PRODUCT_DEFINED_TERM, N_("Facilitation of a person-centred review"),
           N_("Preparing and facilitating a review meeting with the person’s circle."),
           BESPOKE_UNIT_EACH, 45000, 4, N_("My plan is reviewed with the people who matter to me."), FALSE);

  /* Ongoing */
  product (b, PERSONAL_CARE_UUID, BESPOKE_PRODUCT_ONGOING, N_("Personal care and support"),
           N_("Support at home or out, by the hour."),
           BESPOKE_UNIT_HOUR, 2150, 0, NULL, FALSE);
  product (b, SUPPORT_AT_WORK_UUID, BESPOKE_PRODUCT_ONGOING, N_("Support at work"),
           N_("A support worker alongside the person at their job, by the day."),
           BESPOKE_UNIT_DAY, 5300, 0, NULL, FALSE);
  product (b, SHORT_BREAK_UUID, BESPOKE_PRODUCT_ONGOING, N_("Short break"),
           N_("A weekend away, camping or a city break, with support."),
           BESPOKE_UNIT_EACH, 40500, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0130"), BESPOKE_PRODUCT_ONGOING, N_("Sleep-in"),
           N_("A worker sleeps in, on hand if needed. A flat rate per night."),
           BESPOKE_UNIT_NIGHT, 9000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0131"), BESPOKE_PRODUCT_ONGOING, N_("Waking night"),
           N_("A worker stays awake through the night. Charged by the hour."),
           BESPOKE_UNIT_HOUR, 2200, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0132"), BESPOKE_PRODUCT_ONGOING, N_("Live-in support"),
           N_("A worker lives with the person, by the week."),
           BESPOKE_UNIT_WEEK, 125000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0133"), BESPOKE_PRODUCT_ONGOING, N_("Training of PAs"),
           N_("Training the person’s own personal assistants."),
           BESPOKE_UNIT_HOUR, 3500, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0134"), BESPOKE_PRODUCT_ONGOING, N_("Quality assurance"),
           N_("Regular checks that support is going well, with a short report."),
           BESPOKE_UNIT_MONTH, 6000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0135"), BESPOKE_PRODUCT_ONGOING, N_("Housing-related support"),
           N_("Help with a tenancy: bills, repairs and neighbours."),
           BESPOKE_UNIT_HOUR, 1900, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0136"), BESPOKE_PRODUCT_ONGOING, N_("Recruitment of PAs"),
           N_("Advertising, interviewing and checking personal assistants."),
           BESPOKE_UNIT_MONTH, 12000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0137"), BESPOKE_PRODUCT_ONGOING, N_("Management of a team of PAs"),
           N_("Rotas, supervision and payroll for the person’s own team."),
           BESPOKE_UNIT_MONTH, 15000, 0, NULL, FALSE);
  product (b, EXAMPLE_UUID ("0138"), BESPOKE_PRODUCT_ONGOING, N_("On-call and out-of-hours support"),
           N_("Someone to ring at any hour, who can come out if needed."),
           BESPOKE_UNIT_WEEK, 2500, 0, NULL, FALSE);
}

static BespokeSchedule *
weekly (guint8  weekdays,
        guint   start_minute,
        guint   minutes,
        guint   every_weeks,
        guint32 anchor)
{
  BespokeSchedule *s = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);

  s->weekdays = weekdays;
  s->start_minute = (guint16) start_minute;
  s->duration_minutes = minutes;
  s->every_weeks = (guint16) every_weeks;
  s->anchor = anchor;
  return s;
}

static guint32
julian (guint day, GDateMonth month, guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static void
line (Builder            *b,
      const char         *plan_uuid,
      guint               position,
      const char         *description,
      BespokeSupportType  type,
      const char         *product_uuid,
      const char         *worker,
      BespokeSchedule    *schedule,  /* transfer full */
      BespokeFunding      funding)
{
  BespokeSupportLine *l = new_child (b, BESPOKE_TYPE_SUPPORT_LINE);

  bespoke_support_line_set_plan_uuid (l, plan_uuid);
  bespoke_support_line_set_position (l, position);
  bespoke_support_line_set_description (l, _(description));
  bespoke_support_line_set_support_type (l, type);
  bespoke_support_line_set_product_uuid (l, product_uuid);
  bespoke_support_line_set_provider_uuid (l, product_uuid ? PROVIDER_UUID : NULL);
  bespoke_support_line_set_worker (l, worker);
  bespoke_support_line_set_schedule (l, schedule);
  bespoke_support_line_set_funding (l, funding);
  bespoke_schedule_free (schedule);
  save (b, l);
}

static void
outcome (Builder    *b,
         const char *plan_uuid,
         guint       position,
         const char *statement,
         const char *measure,
         const char *target)
{
  BespokeOutcome *o = new_child (b, BESPOKE_TYPE_OUTCOME);

  bespoke_outcome_set_plan_uuid (o, plan_uuid);
  bespoke_outcome_set_position (o, position);
  bespoke_outcome_set_statement (o, _(statement));
  bespoke_outcome_set_measure (o, _(measure));
  bespoke_outcome_set_target_date (o, target);
  save (b, o);
}

static void
risk (Builder      *b,
      const char   *plan_uuid,
      guint         position,
      const char   *description,
      BespokeLevel  likelihood,
      BespokeLevel  impact,
      const char   *contingency)
{
  BespokeRisk *r = new_child (b, BESPOKE_TYPE_RISK);

  bespoke_risk_set_plan_uuid (r, plan_uuid);
  bespoke_risk_set_position (r, position);
  bespoke_risk_set_description (r, _(description));
  bespoke_risk_set_likelihood (r, likelihood);
  bespoke_risk_set_impact (r, impact);
  bespoke_risk_set_contingency (r, _(contingency));
  save (b, r);
}

static void
plan_with_budget (Builder             *b,
                  const char          *uuid,
                  const char          *person_uuid,
                  const char          *start,
                  const char          *end,
                  const char          *review,
                  const char          *staff_preferences,
                  BespokeMoneyManager  money_manager,
                  const char          *decides_day_to_day,
                  gint64               budget)
{
  BespokePlan *plan = g_object_new (BESPOKE_TYPE_PLAN, "uuid", uuid, NULL);
  BespokeBudget *money = new_child (b, BESPOKE_TYPE_BUDGET);

  bespoke_plan_set_person_uuid (plan, person_uuid);
  bespoke_plan_set_period_start (plan, start);
  bespoke_plan_set_period_end (plan, end);
  bespoke_plan_set_review_date (plan, review);
  bespoke_plan_set_status (plan, BESPOKE_PLAN_AGREED);
  bespoke_plan_set_staff_preferences (plan, staff_preferences ? _(staff_preferences) : NULL);
  bespoke_plan_set_money_manager (plan, money_manager);
  bespoke_plan_set_decides_day_to_day (plan, decides_day_to_day ? _(decides_day_to_day) : NULL);
  save (b, plan);

  bespoke_budget_set_plan_uuid (money, uuid);
  bespoke_budget_set_amount (money, budget);
  bespoke_budget_set_source (money, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
  save (b, money);
}

#define PAUL BESPOKE_EXAMPLE_PAUL_UUID
#define PAUL_PLAN EXAMPLE_UUID ("0002")
#define JENNIE EXAMPLE_UUID ("0010")
#define JENNIE_PLAN EXAMPLE_UUID ("0011")
#define ANNE_MARIE EXAMPLE_UUID ("0020")
#define DANNY EXAMPLE_UUID ("0030")
#define SAM EXAMPLE_UUID ("0031")

static void
paul (Builder *b)
{
  static const char *statements[] = {
    N_("I am cheerful and I make people laugh."),
    N_("I work hard and I take pride in a clean, tidy garage."),
    N_("I am a loyal friend and I remember everyone’s birthday."),
    NULL,
    N_("Going camping, or on a city break, with my mates."),
    N_("My job at the garage, and being paid for it."),
    N_("Seeing my mum every day, and my cousin Danny."),
    N_("Choosing for myself where I go on holiday."),
    NULL,
    N_("Give me time in the morning; I do not like to be rushed."),
    N_("Tell me about changes to my week in advance, and write them on my calendar."),
    N_("Talk to me, not to the person with me."),
    NULL,
  };

  person (b, PAUL, "Paul Roberts", "Paul", "1994-05-17", FALSE,
          _("Used to share a staffed house with four others. Now directs his own individual budget."));
  profile (b, PAUL, statements);
  circle (b, PAUL, "Margaret Roberts", _("Mum"), BESPOKE_RING_INTIMATE, 0);
  circle (b, PAUL, "Danny Price", _("Cousin and support worker"), BESPOKE_RING_INTIMATE, 1);
  circle (b, PAUL, "Kev", _("Friend from the camping club"), BESPOKE_RING_FRIENDS, 2);
  circle (b, PAUL, "Northgate Garage", _("Employer"), BESPOKE_RING_COMMUNITY, 3);
  circle (b, PAUL, "Hillside Support", _("Provider"), BESPOKE_RING_PAID, 4);

  /* Individual budget £34,000 a year.  He pays the provider £22,000 a year,
   * which the costing engine finds from these prices and schedules:
   *   mornings Mon–Fri 2 h at £21.50/h: 261 weekdays in 2027 × 2 h × £21.50 = £11,223.00
   *   support at work Tue and Thu at £53.00/day: 104 days in 2027 × £53.00  =  £5,512.00
   *   a short break every 4th weekend at £405.00: 13 weekends in 2027        =  £5,265.00
   *                                                                   total  = £22,000.00
   * and offers an outcome-based one-off of £3,000.00 (contingent). */
  plan_with_budget (b, PAUL_PLAN, PAUL, "2027-01-01", "2027-12-31", "2027-12-01",
                    N_("Danny, Paul’s cousin, is one of his support workers, at his family’s insistence."),
                    BESPOKE_MONEY_MANAGER_PERSON, N_("Paul, with his mum Margaret when he asks her"),
                    3400000);
  line (b, PAUL_PLAN, 0, N_("Support in the mornings while Mum is at work"), BESPOKE_SUPPORT_PAID,
        PERSONAL_CARE_UUID, "Danny Price", weekly (BESPOKE_WEEKDAYS_MON_FRI, 7 * 60 + 30, 120, 1, 0),
        BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
  line (b, PAUL_PLAN, 1, N_("Support at work, keeping the garage clean and tidy"), BESPOKE_SUPPORT_PAID,
        SUPPORT_AT_WORK_UUID, NULL,
        weekly (BESPOKE_WEEKDAY_BIT (G_DATE_TUESDAY) | BESPOKE_WEEKDAY_BIT (G_DATE_THURSDAY), 9 * 60, 360, 1, 0),
        BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
  line (b, PAUL_PLAN, 2, N_("A short break every fourth weekend: camping or a city break"), BESPOKE_SUPPORT_PAID,
        SHORT_BREAK_UUID, NULL,
        weekly (BESPOKE_WEEKDAY_BIT (G_DATE_FRIDAY), 18 * 60, 48 * 60, 4, julian (8, G_DATE_JANUARY, 2027)),
        BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
  {
    BespokeSchedule *once = bespoke_schedule_new (BESPOKE_SCHEDULE_ONCE);
    once->date = julian (30, G_DATE_JUNE, 2027);
    line (b, PAUL_PLAN, 3, N_("Finding Paul a job he keeps for six months (paid only if he does)"),
          BESPOKE_SUPPORT_PAID, JOB_FINDING_UUID, NULL, once, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
  }
  line (b, PAUL_PLAN, 4, N_("Evenings and weekends with Mum"), BESPOKE_SUPPORT_FAMILY, NULL, "Margaret Roberts",
        weekly (BESPOKE_WEEKDAYS_MON_FRI, 17 * 60, 180, 1, 0), BESPOKE_FUNDING_NONE);
  line (b, PAUL_PLAN, 5, N_("Camping club, with Kev"), BESPOKE_SUPPORT_FRIEND, NULL, "Kev",
        weekly (BESPOKE_WEEKDAY_BIT (G_DATE_WEDNESDAY), 19 * 60, 120, 1, 0), BESPOKE_FUNDING_NONE);
  line (b, PAUL_PLAN, 6, N_("Phone reminders for work days"), BESPOKE_SUPPORT_TECHNOLOGY, NULL, NULL,
        weekly (BESPOKE_WEEKDAY_BIT (G_DATE_TUESDAY) | BESPOKE_WEEKDAY_BIT (G_DATE_THURSDAY), 7 * 60, 5, 1, 0),
        BESPOKE_FUNDING_NONE);

  outcome (b, PAUL_PLAN, 0, N_("I want a paid job, and to keep it for six months."),
           N_("Paul is in paid work he chose, six months after starting."), "2027-12-31");
  outcome (b, PAUL_PLAN, 1, N_("I want to go away with my mates every month or so."),
           N_("Thirteen short breaks taken this year."), "2027-12-31");
  outcome (b, PAUL_PLAN, 2, N_("I want to get myself ready for work without Mum."),
           N_("Paul gets ready on his own at least three mornings a week."), "2027-09-30");

  risk (b, PAUL_PLAN, 0, N_("Danny is ill and cannot come in the morning."), BESPOKE_LEVEL_MEDIUM, BESPOKE_LEVEL_MEDIUM,
        N_("Hillside sends a worker Paul already knows from his short breaks; Mum is told by 7:00."));
  risk (b, PAUL_PLAN, 1, N_("Paul loses his job at the garage."), BESPOKE_LEVEL_LOW, BESPOKE_LEVEL_HIGH,
        N_("The work-support days become job-finding days; the review is brought forward."));
  risk (b, PAUL_PLAN, 2, N_("A short break is cancelled at short notice."), BESPOKE_LEVEL_MEDIUM, BESPOKE_LEVEL_LOW,
        N_("Rebook within four weeks; Paul chooses a day trip instead."));
}

static void
jennie (Builder *b)
{
  static const char *statements[] = {
    N_("I have a big smile and a loud laugh."),
    N_("I know every bus route in town."),
    NULL,
    N_("My music, loud, on my headphones."),
    N_("Swimming on Saturday mornings."),
    N_("My own room, with my things where I put them."),
    NULL,
    N_("Show me pictures of what is happening next."),
    N_("If I cover my ears, it is too noisy: take me somewhere quiet."),
    N_("Give me one choice at a time."),
    NULL,
  };

  person (b, JENNIE, "Jennie Walsh", "Jennie", "2001-11-02", FALSE, NULL);
  profile (b, JENNIE, statements);
  circle (b, JENNIE, "Siobhan Walsh", _("Sister"), BESPOKE_RING_INTIMATE, 0);
  circle (b, JENNIE, "Priya", _("Swimming teacher"), BESPOKE_RING_COMMUNITY, 1);
  plan_with_budget (b, JENNIE_PLAN, JENNIE, "2027-04-01", "2028-03-31", "2028-02-01", NULL,
                    BESPOKE_MONEY_MANAGER_UNSET, NULL, 2450000);
  outcome (b, JENNIE_PLAN, 0, N_("I want to travel to the swimming pool on my own."),
           N_("Jennie takes the bus to the pool alone four Saturdays in a row."), "2027-10-31");
}

static void
anne_marie (Builder *b)
{
  static const char *statements[] = {
    N_("I am kind and I always ask how you are."),
    N_("I have the best memory for old films."),
    NULL,
    N_("Staying in my own flat, near my church."),
    N_("A proper cup of tea in my china cup."),
    N_("Phoning my son on Sunday evenings."),
    NULL,
    N_("Remind me gently about my tablets; don’t take over."),
    N_("Speak clearly and face me: my hearing is going."),
    NULL,
  };

  person (b, ANNE_MARIE, "Anne-Marie Byrne", "Anne-Marie", "1948-03-09", FALSE, NULL);
  profile (b, ANNE_MARIE, statements);
  circle (b, ANNE_MARIE, "Michael Byrne", _("Son"), BESPOKE_RING_INTIMATE, 0);
  circle (b, ANNE_MARIE, "Father Tom", _("Parish priest"), BESPOKE_RING_COMMUNITY, 1);
}

static void
staff (Builder *b)
{
  static const char *danny[] = {
    N_("I am patient and I never make anyone feel rushed."),
    N_("I am good at fixing things."),
    NULL,
    N_("My family, and my cousin Paul."),
    N_("Football on Sunday."),
    NULL,
    N_("Give me my rota a month ahead."),
    N_("Tell me straight if something is not working."),
    NULL,
  };
  static const char *sam[] = {
    N_("I am calm in a crisis."),
    N_("I cook a great curry."),
    NULL,
    N_("Camping and the outdoors."),
    N_("Learning British Sign Language."),
    NULL,
    N_("Pair me with people who love the outdoors."),
    N_("I work best with a clear plan for the day."),
    NULL,
  };

  person (b, DANNY, "Danny Price", "Danny", NULL, TRUE, _("Support worker, Hillside Support."));
  profile (b, DANNY, danny);
  person (b, SAM, "Sam Okafor", "Sam", NULL, TRUE, _("Senior support worker, Hillside Support. Leads short breaks."));
  profile (b, SAM, sam);
}

static void
shared_home (Builder *b)
{
  static const struct { const char *uuid; const char *name; gint64 allocation; } residents[] = {
    { EXAMPLE_UUID ("0201"), "Ann Hughes", 5000000 },   /* resident A: £50,000 */
    { EXAMPLE_UUID ("0202"), "Ben Carter", 4200000 },   /* resident B: £42,000 */
    { EXAMPLE_UUID ("0203"), "Cara Doyle", 4500000 },   /* resident C: £45,000 */
    { EXAMPLE_UUID ("0204"), "Dev Patel", 5300000 },    /* resident D: £53,000 */
    { EXAMPLE_UUID ("0205"), "Ellie Shaw", 6500000 },   /* resident E: £65,000 */
    { EXAMPLE_UUID ("0206"), "Frank Moss", 4500000 },   /* resident F: £45,000 */
  };
  static const char letters[] = "ABCDEF";
  BespokeHome *home = g_object_new (BESPOKE_TYPE_HOME, "uuid", BESPOKE_EXAMPLE_HOME_UUID, NULL);

  /* A 6-bed home with £300,000 a year: core support £180,000 and shared costs £60,000 */
  bespoke_home_set_name (home, "Oak House");
  bespoke_home_set_budget (home, 30000000);
  bespoke_home_set_core_support (home, 18000000);
  bespoke_home_set_shared_costs (home, 6000000);
  save (b, home);

  for (guint i = 0; i < G_N_ELEMENTS (residents); i++)
    {
      g_autofree char *notes = g_strdup_printf (_("Resident %c of Oak House."), letters[i]);
      BespokeHomeResident *r = new_child (b, BESPOKE_TYPE_HOME_RESIDENT);

      person (b, residents[i].uuid, residents[i].name, NULL, NULL, FALSE, notes);
      bespoke_home_resident_set_home_uuid (r, BESPOKE_EXAMPLE_HOME_UUID);
      bespoke_home_resident_set_person_uuid (r, residents[i].uuid);
      bespoke_home_resident_set_allocation (r, residents[i].allocation);
      save (b, r);
    }
}

gboolean
bespoke_example_is_installed (BespokeStore *store)
{
  g_autoptr(BespokePerson) paul = NULL;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);

  paul = bespoke_store_load (store, BESPOKE_TYPE_PERSON, PAUL, NULL);
  return paul != NULL;
}

/**
 * bespoke_example_install:
 *
 * Adds the example people, menu, plans and home in one transaction.  If they
 * are there already, nothing changes, so edits made to them are kept.
 */
gboolean
bespoke_example_install (BespokeStore  *store,
                         GError       **error)
{
  Builder b = { store, error, 0, TRUE };

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);

  if (bespoke_example_is_installed (store))
    return TRUE;

  if (!bespoke_store_begin_bulk (store, error))
    return FALSE;

  menu (&b);
  paul (&b);
  jennie (&b);
  anne_marie (&b);
  staff (&b);
  shared_home (&b);

  if (!b.ok)
    {
      bespoke_store_rollback (store);
      return FALSE;
    }
  return bespoke_store_commit (store, error);
}
