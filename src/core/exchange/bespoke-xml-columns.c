/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-columns"

#include "config.h"

#include <string.h>

#include "bespoke-outcome.h"
#include "bespoke-plan.h"
#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-support-line.h"
#include "bespoke-xml-columns.h"
#include "bespoke-xml-schema.h"

/* A record class's columns are its GObject properties (BespokeRecordClass
 * columns, in the order of its table), and most are written the same way
 * in every class: the element is the property's name, and the encoding
 * follows from the value type.  The exceptions are listed here, and only
 * here; the element names follow FHIR where the README says so. */

static const struct
{
  GType     (*get_type) (void);
  const char *property;
  const char *element;   /* NULL: the property's name */
  int         encoding;  /* a BespokeXmlEncoding; -1: the value type's */
  const char *end;       /* BESPOKE_XML_PERIOD: the end's property */
} exceptions[] = {
  { bespoke_outcome_get_type, "statement", "description", -1, NULL },  /* FHIR Goal.description */
  { bespoke_outcome_get_type, "target-date", "due-date", -1, NULL },   /* FHIR Goal.target.dueDate */
  { bespoke_plan_get_type, "period-start", "period", BESPOKE_XML_PERIOD, "period-end" },  /* FHIR CarePlan.period */
  { bespoke_support_line_get_type, "product-uuid", "product", BESPOKE_XML_PRODUCT, NULL },
};

/* Every int64 column is money; one whose default is -1 is a rate that may
 * be "not set". */
static BespokeXmlEncoding
encoding_of_value (GParamSpec *pspec)
{
  GType value_type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (value_type == G_TYPE_STRING)
    return BESPOKE_XML_TEXT;
  if (value_type == G_TYPE_INT64)
    return G_PARAM_SPEC_INT64 (pspec)->default_value == -1 ? BESPOKE_XML_RATE : BESPOKE_XML_MONEY;
  if (value_type == G_TYPE_UINT)
    return BESPOKE_XML_UINT;
  if (value_type == G_TYPE_BOOLEAN)
    return BESPOKE_XML_BOOLEAN;
  if (G_TYPE_IS_ENUM (value_type))
    return BESPOKE_XML_ENUM;
  if (value_type == BESPOKE_TYPE_SCHEDULE)
    return BESPOKE_XML_SCHEDULE;
  g_assert_not_reached ();
}

/* The index of the column @name of @klass in a row: after uuid and
 * modified_at, in the class's order; -1 if it has none. */
static int
index_of (BespokeRecordClass *klass,
          const char         *name)
{
  for (guint i = 0; i < klass->n_columns; i++)
    if (g_str_equal (klass->columns[i]->name, name))
      return (int) i + 2;
  return -1;
}

static void
column_init (BespokeXmlColumn   *column,
             BespokeRecordClass *klass,
             GType               type,
             guint               i)
{
  GParamSpec *pspec = klass->columns[i];

  column->pspec = pspec;
  column->index = (int) i + 2;
  column->element = pspec->name;
  column->encoding = encoding_of_value (pspec);
  column->end_index = -1;
  for (guint k = 0; k < G_N_ELEMENTS (exceptions); k++)
    if (exceptions[k].get_type () == type && g_str_equal (exceptions[k].property, pspec->name))
      {
        if (exceptions[k].element != NULL)
          column->element = exceptions[k].element;
        if (exceptions[k].encoding >= 0)
          column->encoding = (BespokeXmlEncoding) exceptions[k].encoding;
        if (exceptions[k].end != NULL)
          {
            column->end_index = index_of (klass, exceptions[k].end);
            g_assert (column->end_index >= 2);
            column->end = klass->columns[column->end_index - 2];
          }
      }
  column->open = g_strdup_printf ("<%s>", column->element);
  column->close = g_strdup_printf ("</%s>", column->element);
  column->open_length = strlen (column->open);
  column->close_length = strlen (column->close);
}

/* Is @pspec the end of a period, written with its start? */
static gboolean
is_period_end (GType       type,
               GParamSpec *pspec)
{
  for (guint k = 0; k < G_N_ELEMENTS (exceptions); k++)
    if (exceptions[k].get_type () == type && g_strcmp0 (exceptions[k].end, pspec->name) == 0)
      return TRUE;
  return FALSE;
}

static BespokeXmlColumns *
columns_new (GType type)
{
  /* the class stays referenced, and so its columns, for as long as the table */
  BespokeRecordClass *klass = g_type_class_ref (type);
  BespokeXmlColumns *columns = g_new0 (BespokeXmlColumns, 1);

  columns->type = type;
  columns->element = bespoke_xml_schema_element_for (type);
  columns->parent_index = klass->parent_property ? index_of (klass, klass->parent_property) : -1;
  columns->columns = g_new0 (BespokeXmlColumn, klass->n_columns);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      GParamSpec *pspec = klass->columns[i];

      if (g_strcmp0 (pspec->name, klass->parent_property) == 0 || is_period_end (type, pspec))
        continue;
      column_init (&columns->columns[columns->n_columns++], klass, type, i);
    }
  return columns;
}

/**
 * bespoke_xml_columns_for:
 *
 * Returns: (transfer none): the columns of @record_type, as they are
 *   written: made once, and kept for the life of the program; safe from
 *   any thread
 */
const BespokeXmlColumns *
bespoke_xml_columns_for (GType record_type)
{
  static GMutex lock;
  static GHashTable *tables;  /* GType -> BespokeXmlColumns */
  BespokeXmlColumns *columns;

  g_mutex_lock (&lock);
  if (tables == NULL)
    tables = g_hash_table_new (NULL, NULL);
  columns = g_hash_table_lookup (tables, GSIZE_TO_POINTER (record_type));
  if (columns == NULL)
    {
      columns = columns_new (record_type);
      g_hash_table_insert (tables, GSIZE_TO_POINTER (record_type), columns);
    }
  g_mutex_unlock (&lock);
  return columns;
}

/**
 * bespoke_xml_columns_find:
 *
 * Returns: (nullable): the column held in @element
 */
const BespokeXmlColumn *
bespoke_xml_columns_find (const BespokeXmlColumns *columns,
                          const char              *element)
{
  for (guint i = 0; i < columns->n_columns; i++)
    if (g_str_equal (columns->columns[i].element, element))
      return &columns->columns[i];
  return NULL;
}
