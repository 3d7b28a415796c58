/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-conflict-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bespoke-core.h"
#include "bespoke-conflict-row.h"

/**
 * BespokeConflictRow:
 *
 * One record changed both here and in a file being imported: what it is
 * ("Support line “Personal care”, for Paul Roberts"), each field that
 * differs ("Hours: 3 here, 4 in the file"), and the choice between
 * Keep Ours (chosen at first) and Take Theirs.
 */
struct _BespokeConflictRow
{
  GtkListBoxRow  parent_instance;

  char          *uuid;

  GtkLabel      *title_label;
  GtkLabel      *differences_label;
  GtkWidget     *keep_button;
  GtkWidget     *take_button;
};

G_DEFINE_FINAL_TYPE (BespokeConflictRow, bespoke_conflict_row, GTK_TYPE_LIST_BOX_ROW)

/* Words for the kinds of record and their fields. */
static const struct { const char *type_name; const char *label; } kind_labels[] = {
  { "BespokePerson", N_("Person") },
  { "BespokeStatement", N_("Profile statement") },
  { "BespokeCircleMember", N_("Circle member") },
  { "BespokeProvider", N_("Provider") },
  { "BespokeProduct", N_("Product") },
  { "BespokePlan", N_("Plan") },
  { "BespokeOutcome", N_("Outcome") },
  { "BespokeSupportLine", N_("Support line") },
  { "BespokeRisk", N_("Risk") },
  { "BespokeBudget", N_("Budget") },
  { "BespokeAdjustment", N_("Budget adjustment") },
  { "BespokeHome", N_("Shared home") },
  { "BespokeHomeResident", N_("Home resident") },
};

static const struct { const char *property; const char *label; } field_labels[] = {
  { "name", N_("Name") },
  { "preferred-name", N_("Preferred name") },
  { "is-staff", N_("Staff member") },
  { "archived", N_("Archived") },
  { "date-of-birth", N_("Date of birth") },
  { "text", N_("Text") },
  { "statement", N_("Statement") },
  { "section", N_("Section") },
  { "position", N_("Position") },
  { "ring", N_("Ring") },
  { "relationship", N_("Relationship") },
  { "contact", N_("Contact") },
  { "description", N_("Description") },
  { "support-type", N_("Type of support") },
  { "product-uuid", N_("Product") },
  { "provider-uuid", N_("Provider") },
  { "person-uuid", N_("Person") },
  { "plan-uuid", N_("Plan") },
  { "home-uuid", N_("Shared home") },
  { "worker", N_("Worker") },
  { "quantity", N_("Number of workers") },
  { "schedule", N_("When") },
  { "funding", N_("Funding") },
  { "status", N_("Status") },
  { "period-start", N_("Start") },
  { "period-end", N_("End") },
  { "review-date", N_("Review date") },
  { "target-date", N_("Target date") },
  { "measure", N_("Measure") },
  { "notes", N_("Notes") },
  { "likelihood", N_("Likelihood") },
  { "impact", N_("Impact") },
  { "amount", N_("Amount") },
  { "allocation", N_("Allocation") },
  { "contingency", N_("Contingency") },
  { "unit-price", N_("Unit price") },
  { "unit", N_("Unit") },
  { "valid-from", N_("Valid from") },
  { "version", N_("Version") },
  { "date", N_("Date") },
  { "postcode", N_("Postcode") },
  { "staff-preferences", N_("Staff preferences") },
};

static const char *
kind_label (BespokeRecord *record)
{
  const char *type_name = G_OBJECT_TYPE_NAME (record);

  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_str_equal (kind_labels[i].type_name, type_name))
      return _(kind_labels[i].label);
  return _("Record");
}

static char *
field_label (GParamSpec *pspec)
{
  char *label;

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].property, pspec->name))
      return g_strdup (_(field_labels[i].label));

  /* "rate-weekday-day" → "Rate weekday day" */
  label = g_strdelimit (g_strdup (pspec->name), "-", ' ');
  label[0] = g_ascii_toupper (label[0]);
  return label;
}

/* The name of the record a "…-uuid" property points at, if it can be found. */
static char *
linked_name (BespokeStore *store,
             const char   *property,
             const char   *uuid)
{
  static const struct { const char *property; GType (*get_type) (void); } links[] = {
    { "person-uuid", bespoke_person_get_type },
    { "product-uuid", bespoke_product_get_type },
    { "provider-uuid", bespoke_provider_get_type },
    { "home-uuid", bespoke_home_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    if (g_str_equal (links[i].property, property))
      {
        g_autoptr(GObject) linked = bespoke_store_load (store, links[i].get_type (), uuid, NULL);
        g_autofree char *name = NULL;

        if (linked == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (linked), "name") == NULL)
          return NULL;
        g_object_get (linked, "name", &name, NULL);
        return g_steal_pointer (&name);
      }
  return NULL;
}

/* A field's value in words. */
static char *
value_text (BespokeStore *store,
            GParamSpec   *pspec,
            const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (value == NULL)
    return g_strdup (_("nothing"));

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || *text == '\0')
        return g_strdup (_("nothing"));
      if (g_str_has_suffix (pspec->name, "-uuid"))
        {
          char *name = linked_name (store, pspec->name, text);

          return name != NULL ? name : g_strdup (_("another record"));
        }
      return g_strdup (text);
    }
  if (type == G_TYPE_INT64)
    return bespoke_money_format (g_value_get_int64 (value));   /* every amount is pence */
  if (type == G_TYPE_UINT)
    {
      guint n = g_value_get_uint (value);

      if (g_str_has_suffix (pspec->name, "-bp"))
        return bespoke_format_percent_bp (n);
      return g_strdup_printf ("%u", n);
    }
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? _("yes") : _("no"));
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (klass, g_value_get_enum (value));

      return enum_value ? g_strdelimit (g_strdup (enum_value->value_nick), "-_", ' ')
                        : g_strdup_printf ("%d", g_value_get_enum (value));
    }
  if (type == BESPOKE_TYPE_SCHEDULE)
    {
      const BespokeSchedule *schedule = g_value_get_boxed (value);

      return schedule ? bespoke_schedule_describe (schedule) : g_strdup (_("nothing"));
    }
  return g_strdup (_("something else"));
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (a == NULL || b == NULL)
    return a == b;
  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == BESPOKE_TYPE_SCHEDULE)
    {
      const BespokeSchedule *sa = g_value_get_boxed (a), *sb = g_value_get_boxed (b);

      if (sa == NULL || sb == NULL)
        return sa == sb;
      return bespoke_schedule_equal (sa, sb);
    }
  if (G_TYPE_IS_FUNDAMENTAL (type) || G_TYPE_IS_ENUM (type))
    return g_param_values_cmp (pspec, a, b) == 0;
  return FALSE;
}

/* The person a record belongs to, directly or through its plan. */
static char *
owner_uuid (BespokeStore *store,
            GObject      *record)
{
  char *uuid = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "person-uuid") != NULL)
    {
      g_object_get (record, "person-uuid", &uuid, NULL);
      return uuid;
    }
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "plan-uuid") != NULL)
    {
      g_autofree char *plan_uuid = NULL;
      g_autoptr(GObject) plan = NULL;

      g_object_get (record, "plan-uuid", &plan_uuid, NULL);
      if (plan_uuid != NULL &&
          (plan = bespoke_store_load (store, BESPOKE_TYPE_PLAN, plan_uuid, NULL)) != NULL)
        g_object_get (plan, "person-uuid", &uuid, NULL);
    }
  return uuid;
}

/* A few words naming the record: its kind, its name or text, its person. */
static char *
record_title (BespokeStore  *store,
              BespokeRecord *record)
{
  static const char *name_properties[] = { "name", "description", "statement", "text", "notes" };
  g_autofree char *name = NULL;
  g_autofree char *person = NULL;

  for (guint i = 0; name == NULL && i < G_N_ELEMENTS (name_properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), name_properties[i]);

      if (pspec != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
        {
          const char *text = bespoke_record_get_string (record, pspec);

          if (text != NULL && *text != '\0')
            name = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 60));
        }
    }
  if (!BESPOKE_IS_PERSON (record))
    {
      g_autofree char *uuid = owner_uuid (store, G_OBJECT (record));

      if (uuid != NULL)
        person = linked_name (store, "person-uuid", uuid);
    }

  if (name != NULL && person != NULL)
    /* Translators: "Support line “Personal care”, for Paul Roberts" */
    return g_strdup_printf (_("%s “%s”, for %s"), kind_label (record), name, person);
  if (name != NULL)
    /* Translators: "Product “Personal care”" */
    return g_strdup_printf (_("%s “%s”"), kind_label (record), name);
  if (person != NULL)
    /* Translators: "Budget, for Paul Roberts" */
    return g_strdup_printf (_("%s, for %s"), kind_label (record), person);
  return g_strdup (kind_label (record));
}

/* Each field that differs, as "Field: ours here, theirs in the file", in
 * Pango markup. */
static char *
differences_markup (BespokeStore  *store,
                    BespokeRecord *ours,
                    BespokeRecord *theirs)
{
  BespokeRecordClass *klass = BESPOKE_RECORD_GET_CLASS (theirs);
  g_autoptr(GString) text = g_string_new (NULL);

  if (ours == NULL)
    return g_strdup (_("This record has been deleted here but changed in the file."));

  for (guint i = 0; i < klass->n_columns; i++)
    {
      GParamSpec *pspec = klass->columns[i];
      const GValue *a, *b;
      g_autofree char *label = NULL, *here = NULL, *there = NULL;
      g_autofree char *line = NULL;

      if (g_str_equal (pspec->name, "uuid") || g_str_equal (pspec->name, "modified-at"))
        continue;
      a = bespoke_record_peek_value (ours, pspec);
      b = bespoke_record_peek_value (theirs, pspec);
      if (values_equal (pspec, a, b))
        continue;

      label = field_label (pspec);
      here = value_text (store, pspec, a);
      there = value_text (store, pspec, b);
      /* Translators: "Hours: <b>3</b> here, <b>4</b> in the file" */
      line = g_markup_printf_escaped (_("%s: <b>%s</b> here, <b>%s</b> in the file"), label, here, there);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  if (text->len == 0)
    return g_strdup (_("Both copies were changed, to the same values."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
bespoke_conflict_row_finalize (GObject *object)
{
  BespokeConflictRow *self = BESPOKE_CONFLICT_ROW (object);

  g_clear_pointer (&self->uuid, g_free);
  G_OBJECT_CLASS (bespoke_conflict_row_parent_class)->finalize (object);
}

static void
bespoke_conflict_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BESPOKE_TYPE_CONFLICT_ROW);
  G_OBJECT_CLASS (bespoke_conflict_row_parent_class)->dispose (object);
}

static void
bespoke_conflict_row_class_init (BespokeConflictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_conflict_row_dispose;
  object_class->finalize = bespoke_conflict_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-conflict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeConflictRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeConflictRow, differences_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeConflictRow, keep_button);
  gtk_widget_class_bind_template_child (widget_class, BespokeConflictRow, take_button);
}

static void
bespoke_conflict_row_init (BespokeConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bespoke_conflict_row_new:
 * @store: the database the file is imported into, for this database's copy
 *   and the names of the records it points at
 *
 * Returns: (transfer floating): a row for @conflict, Keep Ours chosen
 */
GtkWidget *
bespoke_conflict_row_new (BespokeStore       *store,
                          BespokeXmlConflict *conflict)
{
  BespokeRecord *theirs;
  g_autoptr(BespokeRecord) ours = NULL;
  g_autofree char *title = NULL, *differences = NULL;
  g_autofree char *keep_name = NULL, *take_name = NULL;
  BespokeConflictRow *self;

  g_return_val_if_fail (BESPOKE_IS_STORE (store), NULL);
  g_return_val_if_fail (conflict != NULL, NULL);

  theirs = conflict->file_record;
  ours = bespoke_store_load (store, G_OBJECT_TYPE (theirs), conflict->uuid, NULL);
  title = record_title (store, ours != NULL ? ours : theirs);
  differences = conflict->deleted_in_file
    ? g_markup_escape_text (_("Deleted on the other computer, changed here: keep it, or delete it"), -1)
    : differences_markup (store, ours, theirs);

  self = g_object_new (BESPOKE_TYPE_CONFLICT_ROW, NULL);
  self->uuid = g_strdup (conflict->uuid);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_markup (self->differences_label, differences);

  keep_name = g_strdup_printf (_("Keep the copy in this database of %s"), title);
  take_name = g_strdup_printf (_("Take the file’s copy of %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->keep_button), GTK_ACCESSIBLE_PROPERTY_LABEL, keep_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->take_button), GTK_ACCESSIBLE_PROPERTY_LABEL, take_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

/**
 * bespoke_conflict_row_get_uuid:
 *
 * Returns: the UUID of the record in conflict
 */
const char *
bespoke_conflict_row_get_uuid (BespokeConflictRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_CONFLICT_ROW (self), NULL);
  return self->uuid;
}

BespokeImportChoice
bespoke_conflict_row_get_choice (BespokeConflictRow *self)
{
  g_return_val_if_fail (BESPOKE_IS_CONFLICT_ROW (self), BESPOKE_IMPORT_KEEP_OURS);

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->take_button)) ? BESPOKE_IMPORT_TAKE_THEIRS
                                                                            : BESPOKE_IMPORT_KEEP_OURS;
}

/**
 * bespoke_conflict_row_get_button:
 *
 * Returns: (transfer none): the toggle button that makes @choice
 */
GtkWidget *
bespoke_conflict_row_get_button (BespokeConflictRow  *self,
                                 BespokeImportChoice  choice)
{
  g_return_val_if_fail (BESPOKE_IS_CONFLICT_ROW (self), NULL);

  return choice == BESPOKE_IMPORT_TAKE_THEIRS ? self->take_button : self->keep_button;
}
