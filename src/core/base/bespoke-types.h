/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The domain's enumerations.  Their nicks are what the store and the XML
 * exchange write, so never rename a nick. */

typedef enum
{
  BESPOKE_RING_INTIMATE,   /*< nick=intimate >*/
  BESPOKE_RING_FRIENDS,    /*< nick=friends >*/
  BESPOKE_RING_COMMUNITY,  /*< nick=community >*/
  BESPOKE_RING_PAID,       /*< nick=paid >*/
} BespokeRing;

typedef enum
{
  BESPOKE_SECTION_APPRECIATION, /*< nick=appreciation >*/
  BESPOKE_SECTION_IMPORTANT,    /*< nick=important-to-me >*/
  BESPOKE_SECTION_SUPPORT,      /*< nick=how-to-support-me >*/
} BespokeSection;

typedef enum
{
  BESPOKE_PRODUCT_ONE_OFF,      /*< nick=one-off >*/
  BESPOKE_PRODUCT_DEFINED_TERM, /*< nick=defined-term >*/
  BESPOKE_PRODUCT_ONGOING,      /*< nick=ongoing >*/
} BespokeProductKind;

typedef enum
{
  BESPOKE_UNIT_EACH,  /*< nick=each >*/
  BESPOKE_UNIT_HOUR,  /*< nick=hour >*/
  BESPOKE_UNIT_NIGHT, /*< nick=night >*/
  BESPOKE_UNIT_DAY,   /*< nick=day >*/
  BESPOKE_UNIT_WEEK,  /*< nick=week >*/
  BESPOKE_UNIT_MONTH, /*< nick=month >*/
  BESPOKE_UNIT_YEAR,  /*< nick=year >*/
} BespokeUnit;

typedef enum
{
  BESPOKE_PLAN_DRAFT,  /*< nick=draft >*/
  BESPOKE_PLAN_AGREED, /*< nick=agreed >*/
  BESPOKE_PLAN_ENDED,  /*< nick=ended >*/
} BespokePlanStatus;

typedef enum
{
  BESPOKE_SUPPORT_PAID,       /*< nick=paid >*/
  BESPOKE_SUPPORT_SELF,       /*< nick=self >*/
  BESPOKE_SUPPORT_FAMILY,     /*< nick=family >*/
  BESPOKE_SUPPORT_FRIEND,     /*< nick=friend >*/
  BESPOKE_SUPPORT_COMMUNITY,  /*< nick=community >*/
  BESPOKE_SUPPORT_TECHNOLOGY, /*< nick=technology >*/
} BespokeSupportType;

typedef enum
{
  BESPOKE_FUNDING_INDIVIDUAL_BUDGET, /*< nick=individual-budget >*/
  BESPOKE_FUNDING_ISF,               /*< nick=isf >*/
  BESPOKE_FUNDING_DIRECT_PAYMENT,    /*< nick=direct-payment >*/
  BESPOKE_FUNDING_PERSONAL_MONEY,    /*< nick=personal-money >*/
  BESPOKE_FUNDING_OTHER,             /*< nick=other >*/
  BESPOKE_FUNDING_NONE,              /*< nick=none >*/
} BespokeFunding;

typedef enum
{
  BESPOKE_LEVEL_LOW,    /*< nick=low >*/
  BESPOKE_LEVEL_MEDIUM, /*< nick=medium >*/
  BESPOKE_LEVEL_HIGH,   /*< nick=high >*/
} BespokeLevel;

typedef enum
{
  BESPOKE_NATION_ENGLAND_AND_WALES, /*< nick=england-and-wales >*/
  BESPOKE_NATION_SCOTLAND,          /*< nick=scotland >*/
  BESPOKE_NATION_NORTHERN_IRELAND,  /*< nick=northern-ireland >*/
} BespokeNation;

typedef enum
{
  BESPOKE_ANNUALISATION_CALENDAR,     /*< nick=calendar >*/
  BESPOKE_ANNUALISATION_52_WEEKS,     /*< nick=52-weeks >*/
  BESPOKE_ANNUALISATION_365_7_WEEKS,  /*< nick=365-7-weeks >*/
} BespokeAnnualisation;

typedef enum
{
  BESPOKE_SPLIT_EQUAL,    /*< nick=equal >*/
  BESPOKE_SPLIT_WEIGHTS,  /*< nick=weights >*/
} BespokeSplit;

/* Who manages the money of a plan (In Control's "how I will be in
 * control").  Stored as the nick, or nothing while it is not chosen. */
typedef enum
{
  BESPOKE_MONEY_MANAGER_UNSET,        /*< nick=unset >*/
  BESPOKE_MONEY_MANAGER_PERSON,       /*< nick=person >*/
  BESPOKE_MONEY_MANAGER_FAMILY,       /*< nick=family >*/
  BESPOKE_MONEY_MANAGER_PROVIDER_ISF, /*< nick=provider-isf >*/
  BESPOKE_MONEY_MANAGER_COUNCIL,      /*< nick=council >*/
} BespokeMoneyManager;

const char *bespoke_enum_to_nick   (GType       enum_type,
                                    int         value);
gboolean    bespoke_enum_from_nick (GType       enum_type,
                                    const char *nick,
                                    int        *out_value);
const char *bespoke_enum_label     (GType       enum_type,
                                    int         value);

G_END_DECLS
