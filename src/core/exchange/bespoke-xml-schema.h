/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <libxml/xmlschemas.h>

G_BEGIN_DECLS

/* The Bespoke exchange format: its namespace, its version, the compiled
 * schema, and the vocabulary shared by the writer and the reader (the
 * columns' elements are in bespoke-xml-columns.h). */

#define BESPOKE_XML_NAMESPACE      "urn:bespoke:exchange:1"
#define BESPOKE_XML_SCHEMA_VERSION "3"  /* what the export writes */
#define BESPOKE_XML_SCHEMA_OLDEST  "1"  /* the oldest the import reads */
#define BESPOKE_XML_SYNC_ALL       "*"

xmlSchemaPtr  bespoke_xml_schema_get            (GError       **error);
void          bespoke_xml_schema_init_parser    (void);
gboolean      bespoke_xml_schema_version_supported (const char *version);

const char   *bespoke_xml_schema_element_for    (GType          record_type);
GType         bespoke_xml_schema_type_for       (const char    *element);
GType         bespoke_xml_schema_type_for_table (const char    *table);

void          bespoke_xml_schema_append_time    (GString       *out,
                                                 gint64         microseconds);
char         *bespoke_xml_schema_format_time    (gint64         microseconds);
gboolean      bespoke_xml_schema_parse_time     (const char    *text,
                                                 gint64        *out);

G_END_DECLS
