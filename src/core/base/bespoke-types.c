/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bespoke-enums.h"
#include "bespoke-types.h"

const char *
bespoke_enum_to_nick (GType enum_type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v ? v->value_nick : NULL;
}

gboolean
bespoke_enum_from_nick (GType       enum_type,
                        const char *nick,
                        int        *out_value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (v == NULL)
    return FALSE;
  *out_value = v->value;
  return TRUE;
}

/**
 * bespoke_enum_label:
 *
 * Returns: the words a person sees for an enumeration value.
 */
const char *
bespoke_enum_label (GType enum_type,
                    int   value)
{
  static const char *rings[] = { N_("Intimate"), N_("Friends"), N_("Community"), N_("Paid") };
  static const char *sections[] = { N_("What people like and admire about me"),
                                    N_("What’s important to me"),
                                    N_("How best to support me") };
  static const char *kinds[] = { N_("One-off"), N_("Defined-term"), N_("Ongoing") };
  static const char *units[] = { N_("each"), N_("hour"), N_("night"), N_("day"), N_("week"), N_("month"), N_("year") };
  static const char *statuses[] = { N_("Draft"), N_("Agreed"), N_("Ended") };
  static const char *supports[] = { N_("Paid"), N_("Self"), N_("Family"), N_("Friend"), N_("Community"), N_("Technology") };
  static const char *fundings[] = { N_("Individual budget"), N_("Individual Service Fund"), N_("Direct payment"),
                                    N_("Personal money"), N_("Other"), N_("Unpaid") };
  static const char *levels[] = { N_("Low"), N_("Medium"), N_("High") };
  static const char *nations[] = { N_("England and Wales"), N_("Scotland"), N_("Northern Ireland") };
  static const char *annualisations[] = { N_("Calendar: the real days in the plan period"),
                                          N_("52 weeks of a typical week"),
                                          N_("365/7 weeks of a typical week") };
  static const char *splits[] = { N_("Equally"), N_("By weights") };
  static const char *managers[] = { N_("Not chosen yet"), N_("The person"), N_("A family member"),
                                    N_("A provider, as an Individual Service Fund"), N_("The council") };
  const char **table = NULL;
  guint n = 0;

#define PICK(type, arr) if (enum_type == type) { table = arr; n = G_N_ELEMENTS (arr); }
  PICK (BESPOKE_TYPE_RING, rings)
  PICK (BESPOKE_TYPE_SECTION, sections)
  PICK (BESPOKE_TYPE_PRODUCT_KIND, kinds)
  PICK (BESPOKE_TYPE_UNIT, units)
  PICK (BESPOKE_TYPE_PLAN_STATUS, statuses)
  PICK (BESPOKE_TYPE_SUPPORT_TYPE, supports)
  PICK (BESPOKE_TYPE_FUNDING, fundings)
  PICK (BESPOKE_TYPE_LEVEL, levels)
  PICK (BESPOKE_TYPE_NATION, nations)
  PICK (BESPOKE_TYPE_ANNUALISATION, annualisations)
  PICK (BESPOKE_TYPE_SPLIT, splits)
  PICK (BESPOKE_TYPE_MONEY_MANAGER, managers)
#undef PICK

  g_return_val_if_fail (table != NULL, "");
  g_return_val_if_fail (value >= 0 && (guint) value < n, "");

  return _(table[value]);
}
