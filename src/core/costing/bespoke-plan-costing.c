/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-plan-costing"

#include "config.h"

#include "bespoke-costing-private.h"
#include "bespoke-plan-costing.h"
#include "bespoke-plans.h"

/**
 * BespokePlanCosting:
 *
 * The cost report of one person's current plan, shared by every view that
 * shows it.  It follows the store: a burst of changes that concern the
 * plan emits #BespokePlanCosting::changed once, from an idle; the report
 * is computed only when someone asks for it, and once until the next
 * change, so a view that is hidden and does not ask costs nothing.
 */
struct _BespokePlanCosting
{
  GObject            parent_instance;

  BespokeStore      *store;
  gulong             changed_id;
  char              *person_uuid;

  BespokePlan       *plan;          /* the current plan, or NULL */
  gboolean           plan_stale;    /* look for the current plan again */

  BespokeCostReport *report;
  GError            *report_error;
  gboolean           report_stale;
  GHashTable        *read;          /* uuids the last costing read; NULL before one */

  guint              idle_id;
};

G_DEFINE_FINAL_TYPE (BespokePlanCosting, bespoke_plan_costing, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON_UUID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ensure_plan (BespokePlanCosting *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->plan_stale)
    return;
  self->plan_stale = FALSE;
  g_clear_object (&self->plan);
  if (self->person_uuid != NULL)
    self->plan = bespoke_plans_find_current (self->store, self->person_uuid, &error);
  if (error != NULL)
    g_debug ("No current plan for %s: %s", self->person_uuid, error->message);
}

/* Everything known is thrown away: the next question reads the store. */
static void
forget (BespokePlanCosting *self)
{
  self->plan_stale = TRUE;
  self->report_stale = TRUE;
  g_clear_pointer (&self->report, bespoke_cost_report_free);
  g_clear_error (&self->report_error);
  g_clear_pointer (&self->read, g_hash_table_unref);
}

static gboolean
emit_changed_cb (gpointer data)
{
  BespokePlanCosting *self = data;

  self->idle_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* The owner of a record (its "plan-uuid", "person-uuid"…), or NULL when
 * it is gone or has none. */
static char *
owner_of (BespokeStore *store,
          GType         type,
          const char   *uuid)
{
  g_autoptr(BespokeRecord) record = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const char *property = BESPOKE_RECORD_CLASS (klass)->parent_property;
  char *owner = NULL;

  if (uuid == NULL || property == NULL ||
      !(record = bespoke_store_load (store, type, uuid, NULL)))
    return NULL;
  g_object_get (record, property, &owner, NULL);
  return owner;
}

/* Whether a change to the record @uuid of kind @type may change the plan
 * or its costs; sets plan_stale when the current plan may be another. */
static gboolean
concerns_costs (BespokePlanCosting *self,
                GType               type,
                const char         *uuid)
{
  g_autofree char *owner = NULL;

  /* a snapshot restored: anything may have changed */
  if (type == BESPOKE_TYPE_RECORD)
    {
      self->plan_stale = TRUE;
      return TRUE;
    }
  if (type == BESPOKE_TYPE_PERSON)
    return g_strcmp0 (uuid, self->person_uuid) == 0;
  if (type == BESPOKE_TYPE_PLAN)
    {
      gboolean ours;

      owner = owner_of (self->store, type, uuid);
      ours = g_strcmp0 (owner, self->person_uuid) == 0 ||
             (self->plan != NULL && g_strcmp0 (uuid, bespoke_record_get_uuid (BESPOKE_RECORD (self->plan))) == 0) ||
             (owner == NULL && self->plan_stale);
      if (ours)
        self->plan_stale = TRUE;
      return ours;
    }
  if (self->read != NULL && uuid != NULL && g_hash_table_contains (self->read, uuid))
    return TRUE;
  if (type == BESPOKE_TYPE_SUPPORT_LINE || type == BESPOKE_TYPE_BUDGET || type == BESPOKE_TYPE_ADJUSTMENT)
    {
      ensure_plan (self);
      owner = owner_of (self->store, type, uuid);
      if (owner != NULL)
        return self->plan != NULL && g_str_equal (owner, bespoke_record_get_uuid (BESPOKE_RECORD (self->plan)));
      /* gone: it was ours only if it was read, unless nothing was read yet */
      return self->read == NULL && self->plan != NULL;
    }
  if (type == BESPOKE_TYPE_PRODUCT)
    return self->read == NULL && self->plan != NULL;
  /* outcomes, risks and providers do not change what the plan costs */
  return FALSE;
}

static void
on_store_changed_cb (BespokeStore       *store,
                     GType               type,
                     const char         *uuid,
                     BespokePlanCosting *self)
{
  if (self->person_uuid == NULL || !bespoke_plans_type_affects_plan (type))
    return;
  if (!concerns_costs (self, type, uuid))
    return;

  self->report_stale = TRUE;
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, emit_changed_cb, self, NULL);
}

static void
bespoke_plan_costing_dispose (GObject *object)
{
  BespokePlanCosting *self = BESPOKE_PLAN_COSTING (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);
  forget (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bespoke_plan_costing_parent_class)->dispose (object);
}

static void
bespoke_plan_costing_finalize (GObject *object)
{
  BespokePlanCosting *self = BESPOKE_PLAN_COSTING (object);

  g_free (self->person_uuid);

  G_OBJECT_CLASS (bespoke_plan_costing_parent_class)->finalize (object);
}

static void
bespoke_plan_costing_constructed (GObject *object)
{
  BespokePlanCosting *self = BESPOKE_PLAN_COSTING (object);

  G_OBJECT_CLASS (bespoke_plan_costing_parent_class)->constructed (object);

  g_assert (BESPOKE_IS_STORE (self->store));
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
}

static void
bespoke_plan_costing_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BespokePlanCosting *self = BESPOKE_PLAN_COSTING (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSON_UUID:
      g_value_set_string (value, self->person_uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_plan_costing_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BespokePlanCosting *self = BESPOKE_PLAN_COSTING (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PERSON_UUID:
      bespoke_plan_costing_set_person (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_plan_costing_class_init (BespokePlanCostingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bespoke_plan_costing_constructed;
  object_class->dispose = bespoke_plan_costing_dispose;
  object_class->finalize = bespoke_plan_costing_finalize;
  object_class->get_property = bespoke_plan_costing_get_property;
  object_class->set_property = bespoke_plan_costing_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BESPOKE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_UUID] =
    g_param_spec_string ("person-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BespokePlanCosting::changed:
   *
   * The person, their current plan or what it costs may have changed:
   * once per burst of store changes, from an idle, and at once when the
   * person changes.  Nothing is computed until bespoke_plan_costing_get_report().
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bespoke_plan_costing_init (BespokePlanCosting *self)
{
  self->plan_stale = TRUE;
  self->report_stale = TRUE;
}

/**
 * bespoke_plan_costing_new:
 * @store: where the plans are
 *
 * Returns: (transfer full): a costing for no one yet
 */
BespokePlanCosting *
bespoke_plan_costing_new (BespokeStore *store)
{
  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);

  return g_object_new (BESPOKE_TYPE_PLAN_COSTING, "store", store, NULL);
}

BespokeStore *
bespoke_plan_costing_get_store (BespokePlanCosting *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN_COSTING (self), NULL);

  return self->store;
}

/**
 * bespoke_plan_costing_set_person:
 * @person_uuid: (nullable): whose current plan to cost, or %NULL for no one
 *
 * Emits #BespokePlanCosting::changed at once when the person is another.
 */
void
bespoke_plan_costing_set_person (BespokePlanCosting *self,
                                 const char         *person_uuid)
{
  g_return_if_fail (BESPOKE_IS_PLAN_COSTING (self));

  if (g_strcmp0 (person_uuid, self->person_uuid) == 0)
    return;

  g_free (self->person_uuid);
  self->person_uuid = g_strdup (person_uuid);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  forget (self);
  g_clear_object (&self->plan);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_UUID]);
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
bespoke_plan_costing_get_person (BespokePlanCosting *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN_COSTING (self), NULL);

  return self->person_uuid;
}

/**
 * bespoke_plan_costing_get_plan:
 *
 * Returns: (transfer none) (nullable): the person's current plan as the
 *   store holds it now (see bespoke_plans_find_current()), or %NULL
 */
BespokePlan *
bespoke_plan_costing_get_plan (BespokePlanCosting *self)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN_COSTING (self), NULL);

  ensure_plan (self);
  return self->plan;
}

/**
 * bespoke_plan_costing_get_report:
 *
 * Costs the current plan if anything it depends on changed since the last
 * time, or returns the report already made.  It stays valid until the next
 * call, or until the person is changed.
 *
 * Returns: (transfer none) (nullable): the report; %NULL with no error when
 *   there is no person or no plan, %NULL with @error set when the plan
 *   cannot be costed (the error says why)
 */
const BespokeCostReport *
bespoke_plan_costing_get_report (BespokePlanCosting  *self,
                                 GError             **error)
{
  g_return_val_if_fail (BESPOKE_IS_PLAN_COSTING (self), NULL);

  if (self->report_stale)
    {
      g_autoptr(GHashTable) read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      ensure_plan (self);
      g_clear_pointer (&self->report, bespoke_cost_report_free);
      g_clear_error (&self->report_error);
      if (self->plan != NULL)
        self->report = bespoke_costing_report_read (self->store, bespoke_record_get_uuid (BESPOKE_RECORD (self->plan)),
                                                    read, &self->report_error);
      g_clear_pointer (&self->read, g_hash_table_unref);
      self->read = g_steal_pointer (&read);
      self->report_stale = FALSE;
    }

  if (self->report_error != NULL && error != NULL)
    *error = g_error_copy (self->report_error);
  return self->report;
}
