/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bespoke-store.h"
#include "bespoke-xml-progress.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are read. */
#define BESPOKE_XML_MAX_BYTES ((gint64) 2 * 1024 * 1024 * 1024)

/* Limits every file must keep, checked in one pass before any parser sees
 * it (bespoke-xml-import-limits.c; the README's "Limits").  None comes
 * near what Bespoke writes. */
#define BESPOKE_XML_MAX_TEXT             (1024 * 1024)  /* bytes an element holds directly: text, CDATA,
                                                           comments, instructions, all pieces together
                                                           (directly in the root: each gap) */
#define BESPOKE_XML_MAX_TAG              (64 * 1024)    /* bytes in one tag, its attributes included */
#define BESPOKE_XML_MAX_ATTRIBUTES       32             /* attributes (and namespaces) on one element */
#define BESPOKE_XML_MAX_DEPTH            32             /* elements inside each other */
#define BESPOKE_XML_MAX_RECORD_BYTES     (16 * 1024 * 1024)  /* one person, provider or home */
#define BESPOKE_XML_MAX_RECORD_ELEMENTS  200000         /* elements in one person, provider or home */
#define BESPOKE_XML_MAX_ELEMENTS         50000000       /* elements in the file */

typedef enum
{
  BESPOKE_XML_IMPORT_DEFAULT = 0,
  BESPOKE_XML_IMPORT_DRY_RUN = 1 << 0,  /* work out what would happen, change nothing */
} BespokeXmlImportFlags;

typedef enum
{
  BESPOKE_XML_KIND_PERSON,
  BESPOKE_XML_KIND_PROFILE,   /* statements and circle members */
  BESPOKE_XML_KIND_PLAN,      /* plans, goals, lines, risks, budgets, adjustments */
  BESPOKE_XML_KIND_MENU,      /* providers and products */
  BESPOKE_XML_KIND_HOME,      /* shared homes and their residents */
  BESPOKE_XML_N_KINDS
} BespokeXmlKind;

/* A record changed both here and in the file since they were last in
 * sync: it is never overwritten; the planner chooses. */
typedef struct
{
  char  *element;       /* "activity", "statement", … */
  char  *uuid;
  guint  line;          /* in the file */
  char  *database_xml;  /* the copy in the database, as an exchange element */
  char  *file_xml;      /* the copy in the file */
  gpointer file_record; /* (BespokeRecord *) the file's copy, for bespoke_xml_conflict_use_file_version();
                           for deleted_in_file, a copy of the database's */
  /* version 3: a deletion against a change */
  gboolean deleted_in_file;  /* deleted on the other computer, changed here */
  gboolean deleted_here;     /* deleted here, changed on the other computer */
  char    *scope;            /* the person, provider or home it belongs to */
  gint64   deleted_at;       /* when it was deleted (the file's, or here) */
} BespokeXmlConflict;

typedef enum
{
  BESPOKE_XML_CHANGE_ADDED,
  BESPOKE_XML_CHANGE_UPDATED,
  BESPOKE_XML_CHANGE_REMOVED,
} BespokeXmlChangeAction;

/* So many records of one type added, updated or removed for one person,
 * provider or home: "1 statement updated for Paul Roberts" */
/* How many of an import's changes its report keeps to show (the import
 * dialog shows 50); the rest are counted.  An import of 100,000 people
 * kept 800,000, 108 MB. */
#define BESPOKE_XML_IMPORT_CHANGES_KEPT 100

typedef struct
{
  char                   *owner;       /* the person's, provider's or home's name */
  char                   *owner_uuid;
  GType                   type;        /* BESPOKE_TYPE_STATEMENT, … */
  BespokeXmlChangeAction  action;
  guint                   count;
} BespokeXmlChange;

typedef struct
{
  gboolean    dry_run;
  guint       added[BESPOKE_XML_N_KINDS];
  guint       updated[BESPOKE_XML_N_KINDS];
  guint       unchanged[BESPOKE_XML_N_KINDS];  /* identical, or older in the file */
  GPtrArray  *conflicts;                       /* BespokeXmlConflict */
  GPtrArray  *changes;                         /* BespokeXmlChange, by owner in file order, the first
                                                  BESPOKE_XML_IMPORT_CHANGES_KEPT; NULL: none */
  guint       n_changes;                       /* every change counted as those are, kept or not */
  GHashTable *owners;                          /* uuid → name of the person, provider or home whose
                                                  records are being read (and of a deletion's) */
  GHashTable *change_index;                    /* "type action" → its BespokeXmlChange in changes (or
                                                  not kept), for the owner change_owner, so that
                                                  counting one is one look-up */
  char       *change_owner;
  GHashTable *removed_index;                   /* "owner-uuid type" → its removal in changes (or not
                                                  kept): a file's deletions come in no owner's order */
  guint       deleted;                         /* records deleted, as the file's deletions say */
  guint       tombstones;                      /* deletions, replicas and who has seen a deletion
                                                  learnt from the file, that change nothing else */
} BespokeXmlImportReport;

gboolean                bespoke_xml_validate             (const char             *path,
                                                          GError                **error);
BespokeXmlImportReport *bespoke_xml_import               (BespokeStore           *store,
                                                          const char             *path,
                                                          BespokeXmlImportFlags   flags,
                                                          GError                **error);
BespokeXmlImportReport *bespoke_xml_import_full          (BespokeStore           *store,
                                                          const char             *path,
                                                          BespokeXmlImportFlags   flags,
                                                          GCancellable           *cancellable,
                                                          GError                **error);
BespokeXmlImportReport *bespoke_xml_import_with_conflicts (BespokeStore           *store,
                                                          const char             *path,
                                                          BespokeXmlImportFlags   flags,
                                                          GCancellable           *cancellable,
                                                          const char             *conflicts_path,
                                                          GError                **error);
BespokeXmlImportReport *bespoke_xml_import_with_progress (BespokeStore           *store,
                                                          const char             *path,
                                                          BespokeXmlImportFlags   flags,
                                                          GCancellable           *cancellable,
                                                          const char             *conflicts_path,
                                                          BespokeXmlProgressFunc  progress,
                                                          gpointer                progress_data,
                                                          GError                **error);
gboolean                bespoke_xml_import_write_conflicts (BespokeXmlImportReport *report,
                                                          const char             *source,
                                                          const char             *path,
                                                          GError                **error);
gboolean                bespoke_xml_conflict_use_file_version (BespokeStore       *store,
                                                              BespokeXmlConflict *conflict,
                                                              GError            **error);
gboolean                bespoke_xml_conflict_keep_database_version (BespokeStore       *store,
                                                                   BespokeXmlConflict *conflict,
                                                                   GError            **error);
char                   *bespoke_xml_import_report_summary (BespokeXmlImportReport *report);
char                   *bespoke_xml_change_describe      (const BespokeXmlChange *change);
void                    bespoke_xml_import_report_free   (BespokeXmlImportReport *report);
void                    bespoke_xml_import_report_free_in_thread (BespokeXmlImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeXmlImportReport, bespoke_xml_import_report_free)

G_END_DECLS
