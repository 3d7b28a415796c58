/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-store.h"

G_BEGIN_DECLS

/* The example data: everyone in the domain notes, a provider's menu, Paul's
 * personalised plan and the shared home.  Installing it twice changes
 * nothing: every example record has a fixed UUID. */

#define BESPOKE_EXAMPLE_PAUL_UUID "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0001"
#define BESPOKE_EXAMPLE_HOME_UUID "9b3c6a52-6f1e-4c57-9a57-0e1f5d0a0200"

gboolean bespoke_example_install      (BespokeStore  *store,
                                       GError       **error);
gboolean bespoke_example_is_installed (BespokeStore  *store);

G_END_DECLS
