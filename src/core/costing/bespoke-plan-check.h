/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-costing.h"
#include "bespoke-history.h"
#include "bespoke-plan.h"
#include "bespoke-store.h"

G_BEGIN_DECLS

/* In Control's seven criteria for a support plan, checked from the data.
 * Each result says in one sentence what passes, or what fails and what to
 * do.  A plan is agreed only when every criterion passes, or fails with a
 * written reason to go ahead (stored on the plan, see
 * bespoke_plan_get_override()). */

typedef enum {
  BESPOKE_CRITERION_IMPORTANT,  /* What's important to me */
  BESPOKE_CRITERION_CHANGE,     /* What I want to change or achieve */
  BESPOKE_CRITERION_SUPPORTED,  /* How I will be supported */
  BESPOKE_CRITERION_MONEY,      /* How I will use my money */
  BESPOKE_CRITERION_CONTROL,    /* How I will be in control */
  BESPOKE_CRITERION_SAFE,       /* How I will stay safe */
  BESPOKE_CRITERION_ACTION,     /* Action plan */
} BespokeCriterion;

typedef struct {
  BespokeCriterion  criterion;
  char             *title;            /* "What's important to me" */
  gboolean          passed;
  char             *detail;           /* one sentence: what passes, or what fails and what to do */
  char             *override_reason;  /* the written reason to agree though it fails, or NULL */
} BespokeCriterionResult;

void        bespoke_criterion_result_free (BespokeCriterionResult *self);
const char *bespoke_criterion_title       (BespokeCriterion        criterion);

/* 7 results in order, with a free func; report may be NULL (then it costs the plan itself). */
GPtrArray  *bespoke_plan_check_run        (BespokeStore            *store,
                                           const char              *plan_uuid,
                                           const BespokeCostReport *report,
                                           GError                 **error);
gboolean    bespoke_plan_check_can_agree  (GPtrArray               *results); /* every criterion passed or overridden with a reason */
gboolean    bespoke_plan_check_refusal    (GPtrArray               *results,
                                           GError                 **error);
gboolean    bespoke_plan_check_agreement  (BespokeStore            *store,
                                           const char              *plan_uuid,
                                           const BespokeCostReport *report,
                                           GError                 **error);
gboolean    bespoke_plan_check_set_status (BespokeStore            *store,
                                           BespokeHistory          *history,
                                           const char              *plan_uuid,
                                           BespokePlanStatus        status,
                                           GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BespokeCriterionResult, bespoke_criterion_result_free)

G_END_DECLS
