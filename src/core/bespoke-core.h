/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The domain and its storage.  Nothing here includes GTK. */

#include "bespoke-budget.h"
#include "bespoke-circle-member.h"
#include "bespoke-date.h"
#include "bespoke-enums.h"
#include "bespoke-error.h"
#include "bespoke-home.h"
#include "bespoke-home-resident.h"
#include "bespoke-money.h"
#include "bespoke-outcome.h"
#include "bespoke-person.h"
#include "bespoke-plan.h"
#include "bespoke-product.h"
#include "bespoke-provider.h"
#include "bespoke-record.h"
#include "bespoke-risk.h"
#include "bespoke-schedule.h"
#include "bespoke-statement.h"
#include "bespoke-store.h"
#include "bespoke-support-line.h"
#include "bespoke-types.h"
