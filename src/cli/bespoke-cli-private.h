/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bespoke-cli.h"
#include "bespoke-core.h"
#include "bespoke-example.h"
#include "bespoke-synth.h"

G_BEGIN_DECLS

/* What the files of bespoke-cli share: one per group of commands
 * (people, cost, exchange) and bespoke-cli.c, which reads the command
 * line and runs one of them. */

typedef struct
{
  char          *database;
  BespokeStore  *store;
} Cli;

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *parameters;
  const char  *summary;
  CommandFunc  run;
} Command;


/* bespoke-cli.c */
int           bespoke_cli_fail          (GError        *error);
int           bespoke_cli_usage_error   (const char    *message);
BespokeStore *bespoke_cli_open_store    (Cli           *cli,
                                         gboolean       writes,
                                         GError       **error);
gboolean      bespoke_cli_parse_options (const char    *command,
                                         const char    *parameters,
                                         GOptionEntry  *entries,
                                         int           *argc,
                                         char        ***argv,
                                         int            min_args,
                                         int            max_args);

/* bespoke-cli-cost.c */
BespokePlan  *bespoke_cli_current_plan        (BespokeStore      *store,
                                               BespokePerson     *person,
                                               GError           **error);
void          bespoke_cli_print_money_summary (BespokeCostReport *report,
                                               const char        *indent);
BespokeHome  *bespoke_cli_find_home     (BespokeStore  *store,
                                         const char    *key,
                                         GError       **error);

/* bespoke-cli-exchange.c */
char         *bespoke_cli_find_provider (BespokeStore  *store,
                                         const char    *key,
                                         GError       **error);

/* bespoke-cli-audit.c */
char         *bespoke_cli_planner_name      (void);

/* bespoke-cli-passphrase.c */
char         *bespoke_cli_read_passphrase   (const char *path,
                                             gboolean    confirm,
                                             GError    **error);
void          bespoke_cli_forget_passphrase (char       *passphrase);

/* The commands, each in the file of its group */
int bespoke_cli_cmd_init (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_example (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_people (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_show (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_cost (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_holidays (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_homes (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_isf (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_synth (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_export (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_import (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_validate (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_check (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_print (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_tombstones (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_audit (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_backup (Cli *cli, int argc, char **argv);
int bespoke_cli_cmd_restore (Cli *cli, int argc, char **argv);

G_END_DECLS
