/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-schema"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <string.h>

#include "bespoke-adjustment.h"
#include "bespoke-budget.h"
#include "bespoke-circle-member.h"
#include "bespoke-error.h"
#include "bespoke-home-resident.h"
#include "bespoke-home.h"
#include "bespoke-outcome.h"
#include "bespoke-person.h"
#include "bespoke-plan.h"
#include "bespoke-product.h"
#include "bespoke-provider.h"
#include "bespoke-risk.h"
#include "bespoke-session.h"
#include "bespoke-statement.h"
#include "bespoke-support-line.h"
#include "bespoke-tool-statement.h"
#include "bespoke-xml-schema.h"

#define SCHEMA_RESOURCE "/org/bespoke/Bespoke/bespoke-exchange.xsd"

/* Record classes and the elements that hold them.  The names follow PRSB
 * "About Me" for the profile and HL7 FHIR CarePlan and Goal for the plan
 * (see the README's "XML exchange"). */
static const struct
{
  const char *element;
  GType     (*get_type) (void);
} record_elements[] = {
  { "person", bespoke_person_get_type },
  { "circle-member", bespoke_circle_member_get_type },
  { "statement", bespoke_statement_get_type },
  { "tool-statement", bespoke_tool_statement_get_type },   /* version 3 */
  { "session", bespoke_session_get_type },                 /* version 3 */
  { "provider", bespoke_provider_get_type },
  { "product", bespoke_product_get_type },
  { "care-plan", bespoke_plan_get_type },
  { "goal", bespoke_outcome_get_type },
  { "activity", bespoke_support_line_get_type },
  { "risk", bespoke_risk_get_type },
  { "budget", bespoke_budget_get_type },
  { "adjustment", bespoke_adjustment_get_type },
  { "shared-home", bespoke_home_get_type },
  { "resident", bespoke_home_resident_get_type },
};

/* The parser never reads anything but the document it was given. */
static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  context)
{
  return NULL;
}

static void
silence_cb (void       *context,
            const char *format,
            ...)
{
  /* libxml2's messages reach people through the structured handlers */
}

/**
 * bespoke_xml_schema_init_parser:
 *
 * Installs a deny-all external entity loader, so that no document (nor the
 * schema) can make libxml2 open a file or a URL.  Idempotent.
 */
void
bespoke_xml_schema_init_parser (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_entity_loader);
      xmlSetGenericErrorFunc (NULL, silence_cb);
      g_once_init_leave (&done, 1);
    }
}

/**
 * bespoke_xml_schema_version_supported:
 * @version: (nullable): a file's schema-version
 *
 * Whether the import reads @version: every version from
 * %BESPOKE_XML_SCHEMA_OLDEST to %BESPOKE_XML_SCHEMA_VERSION.  Each version
 * only adds optional fields to the one before, so one schema checks them
 * all.
 */
gboolean
bespoke_xml_schema_version_supported (const char *version)
{
  static const char *versions[] = { BESPOKE_XML_SCHEMA_OLDEST, "2", "3" };

  for (guint i = 0; version != NULL && i < G_N_ELEMENTS (versions); i++)
    if (g_str_equal (version, versions[i]))
      return TRUE;
  return FALSE;
}

static void
quiet_error_cb (void        *user_data,
                xmlErrorPtr  error)
{
  char **first = user_data;

  if (*first == NULL && error != NULL && error->message != NULL)
    *first = g_strchomp (g_strdup (error->message));
}

/**
 * bespoke_xml_schema_get:
 *
 * Returns: (transfer none): the exchange schema, compiled once from the
 *   copy built into Bespoke
 */
xmlSchemaPtr
bespoke_xml_schema_get (GError **error)
{
  static xmlSchemaPtr schema;
  static char *failure;
  static gsize done;

  bespoke_xml_schema_init_parser ();

  if (g_once_init_enter (&done))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (SCHEMA_RESOURCE, 0, NULL);
      xmlSchemaParserCtxtPtr parser = NULL;

      if (bytes != NULL)
        parser = xmlSchemaNewMemParserCtxt (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes));
      if (parser != NULL)
        {
          xmlSchemaSetParserStructuredErrors (parser, quiet_error_cb, &failure);
          schema = xmlSchemaParse (parser);
          xmlSchemaFreeParserCtxt (parser);
        }
      if (schema == NULL && failure == NULL)
        failure = g_strdup ("missing");
      g_once_init_leave (&done, 1);
    }

  if (schema == NULL)
    g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                 _("Bespoke’s own exchange schema could not be read (%s). Reinstall Bespoke."), failure);
  return schema;
}

const char *
bespoke_xml_schema_element_for (GType record_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_elements); i++)
    if (record_elements[i].get_type () == record_type)
      return record_elements[i].element;
  g_return_val_if_reached (NULL);
}

GType
bespoke_xml_schema_type_for (const char *element)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_elements); i++)
    if (g_strcmp0 (record_elements[i].element, element) == 0)
      return record_elements[i].get_type ();
  return G_TYPE_INVALID;
}

/* The record type whose rows are in @table, if records of it travel. */
GType
bespoke_xml_schema_type_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_elements); i++)
    {
      GType type = record_elements[i].get_type ();
      BespokeRecordClass *klass = g_type_class_ref (type);
      gboolean same = g_strcmp0 (klass->table, table) == 0;

      g_type_class_unref (klass);
      if (same)
        return type;
    }
  return G_TYPE_INVALID;
}

/* @value in @width decimal digits at @p (the lowest ones if it is wider) */
static inline void
put_digits (char    *p,
            gint64   value,
            guint    width)
{
  for (guint i = width; i > 0; i--)
    {
      p[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
}

/**
 * bespoke_xml_schema_append_time:
 *
 * Appends @microseconds since 1970 to @out as "2027-01-08T09:30:00.000000Z".
 */
void
bespoke_xml_schema_append_time (GString *out,
                                gint64   microseconds)
{
  /* An export writes one per record, and its records were mostly changed
   * on a few days: the last day's "2027-01-08T" is kept, per thread. */
  static _Thread_local gint64 last_days = -1;
  static _Thread_local char date[11];
  gint64 us = CLAMP (microseconds, 0, G_GINT64_CONSTANT (253402300799999999));  /* to 9999-12-31 */
  gint64 days = us / G_USEC_PER_SEC / 86400;
  gint64 seconds = us / G_USEC_PER_SEC % 86400;
  char time[16];

  if (days != last_days)
    {
      /* days to a civil date, after H. Hinnant's days_from_civil inverse */
      gint64 z = days + 719468;
      gint64 era = z / 146097;
      gint64 doe = z - era * 146097;
      gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
      gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
      gint64 mp = (5 * doy + 2) / 153;
      gint64 d = doy - (153 * mp + 2) / 5 + 1;
      gint64 m = mp < 10 ? mp + 3 : mp - 9;
      gint64 y = yoe + era * 400 + (m <= 2);

      put_digits (date, y, 4);
      date[4] = '-';
      put_digits (date + 5, m, 2);
      date[7] = '-';
      put_digits (date + 8, d, 2);
      date[10] = 'T';
      last_days = days;
    }

  put_digits (time, seconds / 3600, 2);
  time[2] = ':';
  put_digits (time + 3, seconds / 60 % 60, 2);
  time[5] = ':';
  put_digits (time + 6, seconds % 60, 2);
  time[8] = '.';
  put_digits (time + 9, us % G_USEC_PER_SEC, 6);
  time[15] = 'Z';

  g_string_append_len (out, date, sizeof date);
  g_string_append_len (out, time, sizeof time);
}

/**
 * bespoke_xml_schema_format_time:
 *
 * Returns: @microseconds since 1970 as "2027-01-08T09:30:00.000000Z"
 */
char *
bespoke_xml_schema_format_time (gint64 microseconds)
{
  GString *out = g_string_sized_new (28);

  bespoke_xml_schema_append_time (out, microseconds);
  return g_string_free (out, FALSE);
}

gboolean
bespoke_xml_schema_parse_time (const char *text,
                               gint64     *out)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL || strlen (text) != 27 || text[19] != '.' || text[26] != 'Z')
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL)
    return FALSE;
  *out = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return *out >= 0;
}
