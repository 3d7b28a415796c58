/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-leftovers"

#include "config.h"

#include <glib/gstdio.h>

#include "bespoke-export-folders.h"
#include "bespoke-leftovers.h"
#include "bespoke-seal.h"
#include "bespoke-store-backup.h"
#include "bespoke-xml-export.h"

/**
 * bespoke_leftovers_remove:
 *
 * Removes what killed runs left: stale exports (their exact name pattern,
 * an hour old: bespoke_xml_export_remove_stale()) and backups' partial
 * files that no run holds locked (bespoke_backup_remove_stale()) in each
 * folder exports or backups were written to, and in the backups folder;
 * sealing's folders that no run holds locked (bespoke_seal_remove_stale()).
 * Called when Bespoke and bespoke-cli start; it touches nothing else.
 *
 * Returns: how many were removed
 */
guint
bespoke_leftovers_remove (void)
{
  g_auto(GStrv) folders = bespoke_leftovers_export_folders ();
  g_autofree char *private = g_build_filename (g_get_user_cache_dir (), "bespoke", "private", NULL);
  g_autofree char *backups = bespoke_backup_default_dir ();
  guint removed = 0;

  for (guint i = 0; folders[i] != NULL; i++)
    {
      removed += bespoke_xml_export_remove_stale (folders[i]);
      /* bespoke-cli backup --folder DIR */
      if (!g_str_equal (folders[i], backups))
        removed += bespoke_backup_remove_stale (folders[i]);
    }
  /* bespoke_seal_remove_stale() makes the private folder: not for nothing */
  if (g_file_test (private, G_FILE_TEST_IS_DIR))
    removed += bespoke_seal_remove_stale ();
  removed += bespoke_backup_remove_stale (backups);
  return removed;
}
