/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-synth"

#include "config.h"

#include "bespoke-core.h"
#include "bespoke-synth.h"

#define BATCH 2000  /* people per transaction */

static const char *first_names[] = {
  "Aisha", "Alan", "Amir", "Beth", "Bilal", "Carys", "Chloe", "Dafydd", "Daniel", "Eilidh",
  "Emma", "Fatima", "Finn", "Grace", "Harry", "Imran", "Isla", "Jack", "Jade", "Kieran",
  "Leah", "Liam", "Maya", "Megan", "Nathan", "Niamh", "Oliver", "Owen", "Priya", "Rhys",
  "Rosie", "Ruth", "Sean", "Sophie", "Tariq", "Thomas", "Una", "Vikram", "Wendy", "Zara",
};
static const char *surnames[] = {
  "Ahmed", "Baker", "Begum", "Campbell", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hall",
  "Hughes", "Iqbal", "Jones", "Kaur", "Khan", "Lewis", "MacLeod", "Morgan", "Murphy", "Nowak",
  "O'Brien", "Patel", "Price", "Quinn", "Roberts", "Robertson", "Singh", "Smith", "Taylor", "Thomas",
  "Turner", "Walker", "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Young", "Zielinski",
};
static const char *likes[] = {
  "I am kind and I notice when someone is sad.", "I make people laugh.", "I am brilliant with animals.",
  "I never give up.", "I know everyone in my street.", "I am a great cook.", "I have a good memory for faces.",
  "I am honest and say what I think.", "I help my neighbours.", "I love to sing and dance.",
};
static const char *important[] = {
  "Seeing my family every week.", "My dog.", "Going to the football on Saturdays.", "My own room and my things.",
  "Going to church on Sundays.", "Music on my headphones.", "Swimming.", "My job at the café.",
  "Choosing my own clothes.", "Having a lie-in at weekends.", "Phoning my friends.", "Gardening.",
};
static const char *support[] = {
  "Tell me what is happening next, in plain words.", "Give me time to answer.", "Do not rush me in the morning.",
  "Show me pictures as well as words.", "Remind me about my tablets.", "Help me with money, but let me pay.",
  "If I am upset, give me space and then talk to me.", "Speak to me, not to the person with me.",
  "Help me to plan my week on a Sunday.", "Let me do it myself, even if it takes longer.",
};
static const char *relationships[] = { "Mum", "Dad", "Sister", "Brother", "Friend", "Neighbour", "Support worker", "Teacher" };

/* UUIDs laid out like version 7 ones: a rising counter where a timestamp
 * would be, then random bits from the seeded generator.  Rising keys are
 * appended to the indexes rather than scattered through them, which is
 * what makes 100,000 people quick to write. */
static char *
random_uuid (GRand *rand)
{
  static guint64 counter;
  guint32 w[3];

  if (rand == NULL)
    {
      counter = 0;
      return NULL;
    }
  for (guint i = 0; i < 3; i++)
    w[i] = g_rand_int (rand);
  counter++;
  return g_strdup_printf ("%08x-%04x-7%03x-%04x-%04x%08x",
                          (guint32) (counter >> 16), (guint) (counter & 0xffff), w[0] & 0xfff,
                          (w[1] >> 16 & 0x3fff) | 0x8000, w[1] & 0xffff, w[2]);
}

static gpointer
new_record (GRand *rand,
            GType  type)
{
  g_autofree char *uuid = random_uuid (rand);
  return g_object_new (type, "uuid", uuid, NULL);
}

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static gboolean
save (BespokeStore  *store,
      gpointer       record,
      GError       **error)
{
  gboolean ok = bespoke_store_save (store, record, error);
  g_object_unref (record);
  return ok;
}

typedef struct
{
  char   *provider;
  char   *products[4];
  gint64  prices[4];
} Menu;

static gboolean
make_menu (BespokeStore  *store,
           GRand         *rand,
           Menu          *menu,
           GError       **error)
{
  static const struct { const char *name; BespokeUnit unit; gint64 price; } items[] = {
    { "Personal care and support", BESPOKE_UNIT_HOUR, 2150 },
    { "Community support", BESPOKE_UNIT_HOUR, 1900 },
    { "Sleep-in", BESPOKE_UNIT_NIGHT, 9000 },
    { "Day opportunities", BESPOKE_UNIT_DAY, 5500 },
  };
  BespokeProvider *provider = new_record (rand, BESPOKE_TYPE_PROVIDER);

  menu->provider = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (provider)));
  bespoke_provider_set_name (provider, "Synthetic Support Ltd");
  if (!save (store, provider, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      BespokeProduct *product = new_record (rand, BESPOKE_TYPE_PRODUCT);
      const char *uuid = bespoke_record_get_uuid (BESPOKE_RECORD (product));

      menu->products[i] = g_strdup (uuid);
      menu->prices[i] = items[i].price;
      bespoke_product_set_provider_uuid (product, menu->provider);
      bespoke_product_set_series_uuid (product, uuid);
      bespoke_product_set_valid_from (product, "2027-01-01");
      bespoke_product_set_kind (product, BESPOKE_PRODUCT_ONGOING);
      bespoke_product_set_name (product, items[i].name);
      bespoke_product_set_unit (product, items[i].unit);
      bespoke_product_set_unit_price (product, items[i].price);
      if (!save (store, product, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_person (BespokeStore  *store,
             GRand         *rand,
             const Menu    *menu,
             GError       **error)
{
  BespokePerson *person = new_record (rand, BESPOKE_TYPE_PERSON);
  g_autofree char *person_uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (person)));
  g_autofree char *name = g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, surnames));
  g_autofree char *dob = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1940, 2006),
                                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  BespokePlan *plan;
  g_autofree char *plan_uuid = NULL;
  BespokeBudget *budget;

  bespoke_person_set_name (person, name);
  bespoke_person_set_date_of_birth (person, dob);
  bespoke_person_set_is_staff (person, g_rand_int_range (rand, 0, 20) == 0);
  if (!save (store, person, error))
    return FALSE;

  /* 15 statements: 4 + 6 + 5 */
  for (guint i = 0; i < 15; i++)
    {
      BespokeStatement *st = new_record (rand, BESPOKE_TYPE_STATEMENT);
      BespokeSection section = i < 4 ? BESPOKE_SECTION_APPRECIATION : i < 10 ? BESPOKE_SECTION_IMPORTANT : BESPOKE_SECTION_SUPPORT;
      const char *text = section == BESPOKE_SECTION_APPRECIATION ? PICK (rand, likes)
                       : section == BESPOKE_SECTION_IMPORTANT ? PICK (rand, important) : PICK (rand, support);

      bespoke_statement_set_person_uuid (st, person_uuid);
      bespoke_statement_set_section (st, section);
      bespoke_statement_set_position (st, i);
      bespoke_statement_set_text (st, text);
      if (!save (store, st, error))
        return FALSE;
    }

  /* a circle of 5 */
  for (guint i = 0; i < 5; i++)
    {
      BespokeCircleMember *m = new_record (rand, BESPOKE_TYPE_CIRCLE_MEMBER);
      g_autofree char *member = g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, surnames));

      bespoke_circle_member_set_person_uuid (m, person_uuid);
      bespoke_circle_member_set_name (m, member);
      bespoke_circle_member_set_relationship (m, PICK (rand, relationships));
      bespoke_circle_member_set_ring (m, (BespokeRing) (i < 2 ? BESPOKE_RING_INTIMATE : g_rand_int_range (rand, 1, 4)));
      bespoke_circle_member_set_position (m, i);
      if (!save (store, m, error))
        return FALSE;
    }

  /* a plan for 2027 with a budget and 8 lines: 6 paid, 2 unpaid */
  plan = new_record (rand, BESPOKE_TYPE_PLAN);
  plan_uuid = g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (plan)));
  bespoke_plan_set_person_uuid (plan, person_uuid);
  bespoke_plan_set_period_start (plan, "2027-01-01");
  bespoke_plan_set_period_end (plan, "2027-12-31");
  bespoke_plan_set_review_date (plan, "2027-12-01");
  bespoke_plan_set_status (plan, BESPOKE_PLAN_DRAFT);
  if (!save (store, plan, error))
    return FALSE;

  budget = new_record (rand, BESPOKE_TYPE_BUDGET);
  bespoke_budget_set_plan_uuid (budget, plan_uuid);
  bespoke_budget_set_amount (budget, (gint64) g_rand_int_range (rand, 150, 700) * 10000);
  if (!save (store, budget, error))
    return FALSE;

  for (guint i = 0; i < 8; i++)
    {
      BespokeSupportLine *line = new_record (rand, BESPOKE_TYPE_SUPPORT_LINE);
      g_autoptr(BespokeSchedule) schedule = bespoke_schedule_new (BESPOKE_SCHEDULE_WEEKLY);
      guint p = (guint) g_rand_int_range (rand, 0, 4);

      schedule->weekdays = (guint8) g_rand_int_range (rand, 1, 0x80);
      schedule->start_minute = (guint16) (g_rand_int_range (rand, 14, 40) * 30);
      schedule->duration_minutes = (guint32) g_rand_int_range (rand, 1, 9) * 30;

      bespoke_support_line_set_plan_uuid (line, plan_uuid);
      bespoke_support_line_set_position (line, i);
      bespoke_support_line_set_schedule (line, schedule);
      if (i < 6)
        {
          bespoke_support_line_set_description (line, "Support from the menu");
          bespoke_support_line_set_support_type (line, BESPOKE_SUPPORT_PAID);
          bespoke_support_line_set_product_uuid (line, menu->products[p]);
          bespoke_support_line_set_provider_uuid (line, menu->provider);
          bespoke_support_line_set_funding (line, BESPOKE_FUNDING_INDIVIDUAL_BUDGET);
        }
      else
        {
          bespoke_support_line_set_description (line, i == 6 ? "Time with family" : "Community group");
          bespoke_support_line_set_support_type (line, i == 6 ? BESPOKE_SUPPORT_FAMILY : BESPOKE_SUPPORT_COMMUNITY);
          bespoke_support_line_set_funding (line, BESPOKE_FUNDING_NONE);
        }
      if (!save (store, line, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bespoke_synth_people:
 * @progress: (nullable): called after each batch
 *
 * Adds @n_people synthetic people, committing every 2,000 people.  On an
 * error the batch in progress is rolled back; earlier batches stay.
 */
gboolean
bespoke_synth_people (BespokeStore          *store,
                      guint                  n_people,
                      guint32                seed,
                      BespokeSynthProgress   progress,
                      gpointer               user_data,
                      GError               **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Menu menu = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), FALSE);

  random_uuid (NULL);  /* the same seed always gives the same UUIDs */

  /* a large page cache keeps a batch in memory instead of spilling it to the WAL */
  if (!bespoke_store_set_bulk_cache (store, error) ||
      !bespoke_store_begin_bulk (store, error))
    return FALSE;
  ok = make_menu (store, rand, &menu, error);

  for (guint done = 0; ok && done < n_people; done++)
    {
      ok = make_person (store, rand, &menu, error);
      if (ok && ((done + 1) % BATCH == 0 || done + 1 == n_people))
        {
          ok = bespoke_store_commit (store, error);
          if (progress != NULL)
            progress (done + 1, n_people, user_data);
          if (ok && done + 1 < n_people)
            ok = bespoke_store_begin_bulk (store, error);
        }
    }
  if (n_people == 0 && ok)
    ok = bespoke_store_commit (store, error);
  if (!ok)
    bespoke_store_rollback (store);

  g_free (menu.provider);
  for (guint i = 0; i < G_N_ELEMENTS (menu.products); i++)
    g_free (menu.products[i]);
  return ok;
}
