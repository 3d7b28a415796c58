/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-field.h"

G_BEGIN_DECLS

/* Between a field and its set: the one typed field waiting to be saved. */
void     bespoke_field_set_wait       (BespokeFieldSet *self,
                                       BespokeField    *field);
void     bespoke_field_set_unwait     (BespokeFieldSet *self,
                                       BespokeField    *field);
gboolean bespoke_field_set_is_waiting (BespokeFieldSet *self,
                                       BespokeField    *field);
gboolean bespoke_field_try            (BespokeField    *self,
                                       gboolean         save);

G_END_DECLS
