/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the import's files, and by nothing else:
 * - bespoke-xml-import.c: the public calls, the report and conflicts;
 * - bespoke-xml-import-reader.c: the file's checks, the streaming reader
 *   and validator, libxml2's errors in plain words, records from elements;
 * - bespoke-xml-import-limits.c: the limits a file must keep, in one pass
 *   over its bytes before any parser sees it;
 * - bespoke-xml-import-merge.c: each person, provider or home merged by
 *   UUID, and the ids already read. */

#include <libxml/tree.h>
#include <sqlite3.h>

#include "bespoke-record.h"
#include "bespoke-xml-import.h"
#include "bespoke-xml-progress.h"

G_BEGIN_DECLS

typedef enum
{
  MERGE_FAILED,
  MERGE_ADDED,
  MERGE_UPDATED,
  MERGE_UNCHANGED,
  MERGE_CONFLICT,
  MERGE_GONE,       /* deleted here, and it stays deleted: skip what is under it */
} Merge;

typedef struct
{
  BespokeStore           *store;       /* NULL: validate only */
  BespokeXmlImportReport *report;
  sqlite3                *seen;        /* a private temporary database: uuid → line */
  sqlite3_stmt           *seen_insert;
  sqlite3_stmt           *seen_find;
  GHashTable             *products;    /* product UUIDs already merged */
  GCancellable           *cancellable;
  guint                   n_noted;     /* ::changed noted, one a person, provider or home */
  char                   *xml_error;   /* the first error from libxml2 */
  GError                 *error;       /* the first error in a record */
  gint64                  mark_all;
  gint64                  now;
  BespokeXmlProgressFunc  progress;    /* NULL: no one is told */
  gpointer                progress_data;
  guint64                 total;       /* people in the file */
  guint64                 done;        /* people read */
  gint64                  reported_at; /* monotonic time of the last call */
} Import;

/* bespoke-xml-import-reader.c */
gboolean       _bespoke_xml_read_document    (Import         *self,
                                              const char     *path,
                                              GError        **error);
gboolean       _bespoke_xml_is_ours          (xmlNode        *node,
                                              const char     *name);
gboolean       _bespoke_xml_is_uuid          (const char     *text);
guint          _bespoke_xml_node_line        (xmlNode        *node);
void           _bespoke_xml_fail_at          (Import         *self,
                                              xmlNode        *node,
                                              const char     *message);
char          *_bespoke_xml_node_text        (xmlNode        *node);
char          *_bespoke_xml_node_prop        (xmlNode        *node,
                                              const char     *name);
BespokeRecord *_bespoke_xml_record_from_node (Import         *self,
                                              xmlNode        *node,
                                              GType           type,
                                              const char     *parent_property,
                                              const char     *parent_uuid);

/* bespoke-xml-import-limits.c */
gboolean       _bespoke_xml_check_limits     (int             fd,
                                              guint64        *people,
                                              GError        **error);

/* bespoke-xml-import-merge.c */
gboolean       _bespoke_xml_seen_open        (Import         *self,
                                              GError        **error);
void           _bespoke_xml_seen_close       (Import         *self);
gint64         _bespoke_xml_mark_of          (Import         *self,
                                              const char     *key);
gboolean       _bespoke_xml_merge_top        (Import         *self,
                                              xmlNode        *node);
gboolean       _bespoke_xml_store_failed     (Import         *self,
                                              xmlNode        *node,
                                              GError         *error);
Merge          _bespoke_xml_merge_failed     (Import         *self,
                                              xmlNode        *node,
                                              GError         *error);

void           _bespoke_xml_note_owner       (BespokeXmlImportReport *report,
                                              const char             *uuid,
                                              const char             *name);
gboolean       _bespoke_xml_keeps_changes    (BespokeXmlImportReport *report);
void           _bespoke_xml_note_change      (BespokeXmlImportReport *report,
                                              BespokeRecord          *record,
                                              const char             *scope,
                                              BespokeXmlChangeAction  action);

/* bespoke-xml-import-deleted.c: version 3's deletions */
Merge          _bespoke_xml_merge_tombstoned (Import         *self,
                                              BespokeRecord  *record,
                                              xmlNode        *node,
                                              BespokeXmlKind  kind,
                                              const char     *scope,
                                              BespokeTombstone *tombstone);
gboolean       _bespoke_xml_merge_deleted    (Import         *self,
                                              xmlNode        *node);

G_END_DECLS
