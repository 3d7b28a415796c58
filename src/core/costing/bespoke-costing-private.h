/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-costing.h"

G_BEGIN_DECLS

/* Shared by the costing's own modules, not part of the public API. */

BespokeCostReport *bespoke_costing_report_read (BespokeStore  *store,
                                                const char    *plan_uuid,
                                                GHashTable    *read,
                                                GError       **error);

G_END_DECLS
