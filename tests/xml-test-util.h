/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the XML exchange tests (header only). */
#pragma once

#include <libxml/xmlschemas.h>

#include "bespoke-synth.h"
#include "bespoke-test-util.h"

/* Validates @path against the published schema in data/, loaded from the
 * source tree: independent of the copy compiled into Bespoke. */
static inline void
assert_valid_against_published_schema (const char *path)
{
  g_autofree char *xsd = g_test_build_filename (G_TEST_DIST, "..", "data", "bespoke-exchange.xsd", NULL);
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (xsd);
  xmlSchemaPtr schema = xmlSchemaParse (parser);
  xmlSchemaValidCtxtPtr valid;
  int result;

  g_assert_nonnull (schema);
  valid = xmlSchemaNewValidCtxt (schema);
  result = xmlSchemaValidateFile (valid, path, XML_PARSE_NONET);
  g_assert_cmpint (result, ==, 0);
  xmlSchemaFreeValidCtxt (valid);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
}

static inline void
export_all (BespokeStore *store,
            const char   *path)
{
  g_autoptr(GError) error = NULL;

  bespoke_xml_export (store, BESPOKE_XML_EXPORT_ALL, NULL, path, &error);
  g_assert_no_error (error);
}
