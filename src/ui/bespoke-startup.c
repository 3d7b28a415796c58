/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-startup"

#include "config.h"

#include "bespoke-startup.h"

/* BESPOKE_DEBUG_STARTUP=1: each phase of start-up, as milliseconds from
 * main(), on stderr.  bespoke_startup_begin() is the first thing main()
 * does; bespoke_startup_mark() costs nothing when the variable is unset.
 * Anything may mark a phase: this module depends on nothing but GLib. */
static gint64 startup_begin_time;
static gboolean startup_debug;

void
bespoke_startup_begin (void)
{
  startup_begin_time = g_get_monotonic_time ();
  startup_debug = g_strcmp0 (g_getenv ("BESPOKE_DEBUG_STARTUP"), "1") == 0;
}

void
bespoke_startup_mark (const char *phase)
{
  if (!startup_debug)
    return;
  g_printerr ("bespoke-startup: %8.2f ms  %s\n",
              (g_get_monotonic_time () - startup_begin_time) / 1000.0, phase);
}
