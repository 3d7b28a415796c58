/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-date.h"
#include "bespoke-error.h"
#include "bespoke-record.h"
#include "bespoke-schedule.h"

typedef struct
{
  char   *uuid;
  gint64  modified_at;
  GValue *values;   /* one per column of the concrete class, by param_id - 1 */
  guint   n_values;
} BespokeRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BespokeRecord, bespoke_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_MODIFIED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Boxed columns compare by value, not by pointer. */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == BESPOKE_TYPE_SCHEDULE)
    return bespoke_schedule_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  return g_param_values_cmp (pspec, a, b) == 0;
}

static GValue *
lookup (BespokeRecord *self,
        GParamSpec    *pspec)
{
  BespokeRecordPrivate *priv = bespoke_record_get_instance_private (self);
  BespokeRecordClass *klass = BESPOKE_RECORD_GET_CLASS (self);

  g_assert (pspec->owner_type == G_OBJECT_TYPE (self));
  g_assert (pspec->param_id >= 1 && pspec->param_id <= klass->n_columns);

  if (priv->values == NULL)
    {
      priv->n_values = klass->n_columns;
      priv->values = g_new0 (GValue, priv->n_values);
      for (guint i = 0; i < priv->n_values; i++)
        {
          g_value_init (&priv->values[i], G_PARAM_SPEC_VALUE_TYPE (klass->columns[i]));
          g_param_value_set_default (klass->columns[i], &priv->values[i]);
        }
    }

  return &priv->values[pspec->param_id - 1];
}

const GValue *
bespoke_record_peek_value (BespokeRecord *self,
                           GParamSpec    *pspec)
{
  g_return_val_if_fail (BESPOKE_IS_RECORD (self), NULL);

  return lookup (self, pspec);
}

void
bespoke_record_take_value (BespokeRecord *self,
                           GParamSpec    *pspec,
                           const GValue  *value,
                           gboolean       notify)
{
  GValue *slot;

  g_return_if_fail (BESPOKE_IS_RECORD (self));

  slot = lookup (self, pspec);
  if (values_equal (pspec, slot, value))
    return;

  g_value_copy (value, slot);  /* slot keeps its type; copy replaces the contents */
  if (notify)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
bespoke_record_column_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  g_value_copy (lookup (BESPOKE_RECORD (object), pspec), value);
}

static void
bespoke_record_column_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  bespoke_record_take_value (BESPOKE_RECORD (object), pspec, value, TRUE);
}

/**
 * bespoke_record_class_install:
 * @pspecs: the subclass's columns, indexed by property id (pspecs[0] unused)
 *
 * Installs the columns as properties and gives them storage.
 */
void
bespoke_record_class_install (BespokeRecordClass *klass,
                              const char         *table,
                              GParamSpec        **pspecs,
                              guint               n_pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bespoke_record_column_get_property;
  object_class->set_property = bespoke_record_column_set_property;
  g_object_class_install_properties (object_class, n_pspecs, pspecs);

  klass->table = table;
  klass->n_columns = n_pspecs - 1;
  klass->columns = pspecs + 1;
}

static void
bespoke_record_finalize (GObject *object)
{
  BespokeRecord *self = (BespokeRecord *)object;
  BespokeRecordPrivate *priv = bespoke_record_get_instance_private (self);

  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_clear_pointer (&priv->values, g_free);
  g_clear_pointer (&priv->uuid, g_free);

  G_OBJECT_CLASS (bespoke_record_parent_class)->finalize (object);
}

static void
bespoke_record_constructed (GObject *object)
{
  BespokeRecord *self = (BespokeRecord *)object;
  BespokeRecordPrivate *priv = bespoke_record_get_instance_private (self);

  G_OBJECT_CLASS (bespoke_record_parent_class)->constructed (object);

  if (priv->uuid == NULL)
    priv->uuid = g_uuid_string_random ();
}

static void
bespoke_record_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BespokeRecord *self = BESPOKE_RECORD (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, bespoke_record_get_uuid (self));
      break;
    case PROP_MODIFIED_AT:
      g_value_set_int64 (value, bespoke_record_get_modified_at (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_record_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BespokeRecord *self = BESPOKE_RECORD (object);
  BespokeRecordPrivate *priv = bespoke_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UUID:
      g_assert (priv->uuid == NULL);
      priv->uuid = g_value_dup_string (value);
      break;
    case PROP_MODIFIED_AT:
      bespoke_record_set_modified_at (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bespoke_record_class_init (BespokeRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bespoke_record_constructed;
  object_class->finalize = bespoke_record_finalize;
  object_class->get_property = bespoke_record_get_property;
  object_class->set_property = bespoke_record_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED_AT] =
    g_param_spec_int64 ("modified-at", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bespoke_record_init (BespokeRecord *self)
{
}

const char *
bespoke_record_get_uuid (BespokeRecord *self)
{
  BespokeRecordPrivate *priv = bespoke_record_get_instance_private (self);

  g_return_val_if_fail (BESPOKE_IS_RECORD (self), NULL);

  return priv->uuid;
}

/**
 * bespoke_record_get_modified_at:
 *
 * Returns: when the record was last stored, in microseconds since 1970 UTC,
 *   or 0 if it never was.
 */
gint64
bespoke_record_get_modified_at (BespokeRecord *self)
{
  BespokeRecordPrivate *priv = bespoke_record_get_instance_private (self);

  g_return_val_if_fail (BESPOKE_IS_RECORD (self), 0);

  return priv->modified_at;
}

void
bespoke_record_set_modified_at (BespokeRecord *self,
                                gint64         modified_at)
{
  BespokeRecordPrivate *priv = bespoke_record_get_instance_private (self);

  g_return_if_fail (BESPOKE_IS_RECORD (self));

  if (priv->modified_at != modified_at)
    {
      priv->modified_at = modified_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED_AT]);
    }
}

gboolean
bespoke_record_validate (BespokeRecord  *self,
                         GError        **error)
{
  BespokeRecordClass *klass;

  g_return_val_if_fail (BESPOKE_IS_RECORD (self), FALSE);

  klass = BESPOKE_RECORD_GET_CLASS (self);
  if (klass->validate != NULL)
    return klass->validate (self, error);
  return TRUE;
}

/**
 * bespoke_record_equal:
 *
 * Returns: %TRUE if @a and @b are the same class, have the same UUID and
 *   every column holds the same value.  The modification time is ignored.
 */
gboolean
bespoke_record_equal (BespokeRecord *a,
                      BespokeRecord *b)
{
  BespokeRecordClass *klass;

  g_return_val_if_fail (BESPOKE_IS_RECORD (a), FALSE);
  g_return_val_if_fail (BESPOKE_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) ||
      g_strcmp0 (bespoke_record_get_uuid (a), bespoke_record_get_uuid (b)) != 0)
    return FALSE;

  klass = BESPOKE_RECORD_GET_CLASS (a);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      GParamSpec *pspec = klass->columns[i];

      if (!values_equal (pspec, lookup (a, pspec), lookup (b, pspec)))
        return FALSE;
    }
  return TRUE;
}

BespokeRecord *
bespoke_record_copy (BespokeRecord *self)
{
  BespokeRecordClass *klass;
  BespokeRecord *copy;

  g_return_val_if_fail (BESPOKE_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), "uuid", bespoke_record_get_uuid (self), NULL);
  klass = BESPOKE_RECORD_GET_CLASS (self);
  for (guint i = 0; i < klass->n_columns; i++)
    bespoke_record_take_value (copy, klass->columns[i], lookup (self, klass->columns[i]), FALSE);
  bespoke_record_set_modified_at (copy, bespoke_record_get_modified_at (self));
  return copy;
}

#define DEFINE_ACCESSORS(Name, ctype, gtype, getter, setter)                    \
ctype                                                                           \
bespoke_record_get_##Name (BespokeRecord *self, GParamSpec *pspec)              \
{                                                                               \
  return getter (lookup (self, pspec));                                         \
}                                                                               \
void                                                                            \
bespoke_record_set_##Name (BespokeRecord *self, GParamSpec *pspec, ctype value) \
{                                                                               \
  g_auto(GValue) v = G_VALUE_INIT;                                              \
  g_value_init (&v, gtype);                                                     \
  setter (&v, value);                                                           \
  bespoke_record_take_value (self, pspec, &v, TRUE);                            \
}

DEFINE_ACCESSORS (int64, gint64, G_TYPE_INT64, g_value_get_int64, g_value_set_int64)
DEFINE_ACCESSORS (uint, guint, G_TYPE_UINT, g_value_get_uint, g_value_set_uint)
DEFINE_ACCESSORS (boolean, gboolean, G_TYPE_BOOLEAN, g_value_get_boolean, g_value_set_boolean)

const char *
bespoke_record_get_string (BespokeRecord *self,
                           GParamSpec    *pspec)
{
  return g_value_get_string (lookup (self, pspec));
}

void
bespoke_record_set_string (BespokeRecord *self,
                           GParamSpec    *pspec,
                           const char    *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_static_string (&v, value);
  bespoke_record_take_value (self, pspec, &v, TRUE);
}

int
bespoke_record_get_enum (BespokeRecord *self,
                         GParamSpec    *pspec)
{
  return g_value_get_enum (lookup (self, pspec));
}

void
bespoke_record_set_enum (BespokeRecord *self,
                         GParamSpec    *pspec,
                         int            value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_set_enum (&v, value);
  bespoke_record_take_value (self, pspec, &v, TRUE);
}

gpointer
bespoke_record_get_boxed (BespokeRecord *self,
                          GParamSpec    *pspec)
{
  return g_value_get_boxed (lookup (self, pspec));
}

void
bespoke_record_set_boxed (BespokeRecord *self,
                          GParamSpec    *pspec,
                          gconstpointer  value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_set_static_boxed (&v, value);
  bespoke_record_take_value (self, pspec, &v, TRUE);
}

gboolean
bespoke_record_require_text (const char  *value,
                             const char  *field,
                             GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  if (*stripped == '\0')
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("%s is empty. Type something in it."), field);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("%s has characters Bespoke cannot read. Type it again."), field);
      return FALSE;
    }
  return TRUE;
}

gboolean
bespoke_record_check_date (const char  *value,
                           const char  *field,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;

  if (!bespoke_date_parse (value, NULL, &local_error))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   "%s: %s", field, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* "The plan’s start date" in the middle of a sentence: "the plan’s start date" */
static char *
mid_sentence (const char *field)
{
  gunichar first = g_utf8_get_char (field);
  char buf[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_tolower (first), buf);
  return g_strconcat (buf, g_utf8_next_char (field), NULL);
}

gboolean
bespoke_record_check_range (const char  *start,
                            const char  *end,
                            const char  *start_field,
                            const char  *end_field,
                            GError     **error)
{
  if (!bespoke_record_check_date (start, start_field, error) ||
      !bespoke_record_check_date (end, end_field, error))
    return FALSE;

  /* ISO dates order as strings */
  if (start != NULL && *start != '\0' && end != NULL && *end != '\0' &&
      g_strcmp0 (end, start) < 0)
    {
      g_autofree char *start_mid = mid_sentence (start_field);

      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("%s (%s) is before %s (%s). Change one of them."),
                   end_field, end, start_mid, start);
      return FALSE;
    }
  return TRUE;
}
