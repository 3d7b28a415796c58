/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of bespoke-cli */
#define BESPOKE_CLI_OK    0
#define BESPOKE_CLI_ERROR 1  /* something went wrong; one line on stderr says what */
#define BESPOKE_CLI_USAGE 2  /* the command line was wrong */

int bespoke_cli_run (int    argc,
                     char **argv);

G_END_DECLS
