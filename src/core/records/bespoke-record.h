/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BESPOKE_TYPE_RECORD (bespoke_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (BespokeRecord, bespoke_record, BESPOKE, RECORD, GObject)

/**
 * BespokeRecordClass:
 * @table: the SQLite table that holds records of this class
 * @parent_property: the property naming the owning record, if any
 *   (e.g. "person-uuid"), used to list a record's children
 * @order_property: the property children are ordered by, or NULL for name/uuid
 * @validate: checks a record before it is stored; sets a GError with a
 *   sentence a planner can act on
 *
 * A record is one row of a table: its GObject properties are its columns.
 * Subclasses install their properties with bespoke_record_class_install(),
 * which also gives them storage, so a subclass only writes typed accessors.
 */
struct _BespokeRecordClass
{
  GObjectClass parent_class;

  const char *table;
  const char *parent_property;
  const char *order_property;

  gboolean (*validate) (BespokeRecord  *self,
                        GError        **error);

  /*< private >*/
  guint n_columns;
  GParamSpec **columns;
};

void          bespoke_record_class_install (BespokeRecordClass *klass,
                                            const char         *table,
                                            GParamSpec        **pspecs,
                                            guint               n_pspecs);

const char   *bespoke_record_get_uuid        (BespokeRecord *self);
gint64        bespoke_record_get_modified_at (BespokeRecord *self);
void          bespoke_record_set_modified_at (BespokeRecord *self,
                                              gint64         modified_at);
gboolean      bespoke_record_validate        (BespokeRecord *self,
                                              GError       **error);
gboolean      bespoke_record_equal           (BespokeRecord *a,
                                              BespokeRecord *b);
BespokeRecord *bespoke_record_copy           (BespokeRecord *self);

/* Generic access to a column, for the store and for subclasses' accessors. */
const GValue *bespoke_record_peek_value   (BespokeRecord *self,
                                           GParamSpec    *pspec);
void          bespoke_record_take_value   (BespokeRecord *self,
                                           GParamSpec    *pspec,
                                           const GValue  *value,
                                           gboolean       notify);

const char   *bespoke_record_get_string   (BespokeRecord *self, GParamSpec *pspec);
void          bespoke_record_set_string   (BespokeRecord *self, GParamSpec *pspec, const char *value);
gint64        bespoke_record_get_int64    (BespokeRecord *self, GParamSpec *pspec);
void          bespoke_record_set_int64    (BespokeRecord *self, GParamSpec *pspec, gint64 value);
guint         bespoke_record_get_uint     (BespokeRecord *self, GParamSpec *pspec);
void          bespoke_record_set_uint     (BespokeRecord *self, GParamSpec *pspec, guint value);
gboolean      bespoke_record_get_boolean  (BespokeRecord *self, GParamSpec *pspec);
void          bespoke_record_set_boolean  (BespokeRecord *self, GParamSpec *pspec, gboolean value);
int           bespoke_record_get_enum     (BespokeRecord *self, GParamSpec *pspec);
void          bespoke_record_set_enum     (BespokeRecord *self, GParamSpec *pspec, int value);
gpointer      bespoke_record_get_boxed    (BespokeRecord *self, GParamSpec *pspec);
void          bespoke_record_set_boxed    (BespokeRecord *self, GParamSpec *pspec, gconstpointer value);

/* Validation helpers shared by the subclasses. */
gboolean      bespoke_record_require_text (const char  *value,
                                           const char  *field,
                                           GError     **error);
gboolean      bespoke_record_check_date   (const char  *value,
                                           const char  *field,
                                           GError     **error);
gboolean      bespoke_record_check_range  (const char  *start,
                                           const char  *end,
                                           const char  *start_field,
                                           const char  *end_field,
                                           GError     **error);

G_END_DECLS
