/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Each record kind's columns as the exchange format writes and reads
 * them: one table per record class, the one place where a column gets its
 * element and its encoding.  The export writes from it (the bulk rows and
 * the single records alike) and the import reads by it. */

typedef enum
{
  BESPOKE_XML_TEXT,      /* <element>text</element>; left out when not set */
  BESPOKE_XML_MONEY,     /* <element pence="-300">-£3.00</element> */
  BESPOKE_XML_RATE,      /* money, left out when it is -1 ("not set") */
  BESPOKE_XML_UINT,      /* <element>12</element> */
  BESPOKE_XML_BOOLEAN,   /* <element>true</element> or false */
  BESPOKE_XML_ENUM,      /* <element>nick</element> */
  BESPOKE_XML_SCHEDULE,  /* <schedule kind="weekly"><days>mon</days>…</schedule>, in
                          * the order of its text form "weekly;days=mon;…"; left
                          * out when not set */
  BESPOKE_XML_PERIOD,    /* <period start="…" end="…"/>: this column and `end`
                          * (FHIR CarePlan.period) */
  BESPOKE_XML_PRODUCT,   /* <product id="…">: a snapshot of the product (see
                          * the export); left out when not set */
} BespokeXmlEncoding;

typedef struct
{
  BespokeXmlEncoding  encoding;
  const char         *element;
  GParamSpec         *pspec;
  GParamSpec         *end;          /* BESPOKE_XML_PERIOD: the end's column */
  int                 index;        /* in a row of bespoke_store_prepare_rows() */
  int                 end_index;    /* BESPOKE_XML_PERIOD: the end's */
  const char         *open;         /* "<element>" */
  const char         *close;        /* "</element>" */
  gsize               open_length;
  gsize               close_length;
} BespokeXmlColumn;

typedef struct
{
  GType             type;
  const char       *element;        /* the record's own element */
  int               parent_index;   /* the parent's UUID in a row of
                                     * bespoke_store_prepare_rows(); -1: none */
  guint             n_columns;
  BespokeXmlColumn *columns;        /* written in this order; the column naming
                                     * the parent, which the record is nested
                                     * in, and a period's end are not among them */
} BespokeXmlColumns;

const BespokeXmlColumns *bespoke_xml_columns_for  (GType                    record_type);
const BespokeXmlColumn  *bespoke_xml_columns_find (const BespokeXmlColumns *columns,
                                                   const char              *element);

G_END_DECLS
