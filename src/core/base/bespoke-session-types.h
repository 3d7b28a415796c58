/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a statement of the person-centred thinking tools beyond the
 * one-page profile belongs (the table "tool_statements"): working / not
 * working from three points of view, and a good day / a bad day. */
typedef enum
{
  BESPOKE_TOOL_SECTION_WORKING_PERSON,      /*< nick=working-person >*/
  BESPOKE_TOOL_SECTION_NOT_WORKING_PERSON,  /*< nick=not-working-person >*/
  BESPOKE_TOOL_SECTION_WORKING_FAMILY,      /*< nick=working-family >*/
  BESPOKE_TOOL_SECTION_NOT_WORKING_FAMILY,  /*< nick=not-working-family >*/
  BESPOKE_TOOL_SECTION_WORKING_STAFF,       /*< nick=working-staff >*/
  BESPOKE_TOOL_SECTION_NOT_WORKING_STAFF,   /*< nick=not-working-staff >*/
  BESPOKE_TOOL_SECTION_GOOD_DAY,            /*< nick=good-day >*/
  BESPOKE_TOOL_SECTION_BAD_DAY,             /*< nick=bad-day >*/
} BespokeToolSection;

/* The tools a facilitated session works through, in the order PageDown
 * walks them. */
typedef enum
{
  BESPOKE_SESSION_TOOL_PROFILE,         /*< nick=profile >*/
  BESPOKE_SESSION_TOOL_WORKING_PERSON,  /*< nick=working-person >*/
  BESPOKE_SESSION_TOOL_WORKING_FAMILY,  /*< nick=working-family >*/
  BESPOKE_SESSION_TOOL_WORKING_STAFF,   /*< nick=working-staff >*/
  BESPOKE_SESSION_TOOL_GOOD_DAY,        /*< nick=good-day >*/
  BESPOKE_SESSION_TOOL_OUTCOMES,        /*< nick=outcomes >*/
  BESPOKE_SESSION_TOOL_CIRCLE,          /*< nick=circle >*/
} BespokeSessionTool;

#define BESPOKE_N_SESSION_TOOLS (BESPOKE_SESSION_TOOL_CIRCLE + 1)

G_END_DECLS
