/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-error"

#include "bespoke-error.h"

G_DEFINE_QUARK (bespoke-error-quark, bespoke_error)
