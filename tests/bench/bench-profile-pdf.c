/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-profile-pdf BESPOKE_CLI [RUNS]
 *
 * Paul's one-page profile as a PDF, whole process against whole process:
 * `bespoke-cli print Paul --profile -o paul.pdf` against LibreOffice
 * converting the same text and photo (`soffice --headless --convert-to pdf`
 * on an HTML file this benchmark writes).  Prints both times and the ratio
 * (target: Bespoke at least 20 times faster).  LibreOffice is optional: the
 * benchmark says so when soffice is not installed (install
 * libreoffice-writer-nogui to compare).
 *
 * Then the auto-fit alone, in this process, for a profile of 300
 * statements (the window's live thumbnail lays the profile out again on
 * every edit: target 50 ms or less). */
#define G_LOG_DOMAIN "bench-profile-pdf"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "bespoke-core.h"
#include "bespoke-document.h"
#include "bespoke-example.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this process: on a shared machine, wall time also counts
 * the time spent waiting for a core */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Runs @argv and returns how long it took, in ms; aborts if it fails. */
static double
run_timed (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  double start = now_ms ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  return now_ms () - start;
}

static GBytes *
make_photo (const char *path)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 480, 480);
  g_autoptr(GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  char *buffer = NULL;
  gsize size = 0;

  for (int y = 0; y < 480; y++)
    for (int x = 0; x < 480; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        p[0] = (guchar) (x / 2);
        p[1] = (guchar) (120 + y / 4);
        p[2] = (guchar) ((x + y) / 4);
      }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "90", NULL) ||
      !g_file_set_contents (path, buffer, (gssize) size, &error))
    g_error ("photo: %s", error->message);
  return g_bytes_new_take (buffer, size);
}

/* The same content as the one-page profile, as HTML for LibreOffice */
static void
write_html (BespokeStore *store,
            const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeProfile) profile = bespoke_profile_load (store, BESPOKE_EXAMPLE_PAUL_UUID, &error);
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>One-page profile: "
                                          "Paul Roberts</title></head><body style='font-family: Cantarell, DejaVu Sans, sans-serif'>"
                                          "<img src='paul.jpg' width='130' height='130' align='left'>"
                                          "<h1>Paul</h1><p>Paul Roberts · One-page profile</p><br clear='all'>");

  g_assert_no_error (error);
  for (guint s = BESPOKE_SECTION_APPRECIATION; s <= BESPOKE_SECTION_SUPPORT; s++)
    {
      GListModel *section = bespoke_profile_get_section (profile, s);

      g_string_append_printf (html, "<h2>%s</h2><ul>", bespoke_enum_label (BESPOKE_TYPE_SECTION, (int) s));
      for (guint i = 0; i < g_list_model_get_n_items (section); i++)
        {
          g_autoptr(BespokeStatement) st = g_list_model_get_item (section, i);
          g_autofree char *text = g_markup_escape_text (bespoke_statement_get_text (st), -1);
          g_string_append_printf (html, "<li>%s</li>", text);
        }
      g_string_append (html, "</ul>");
    }
  g_string_append (html, "</body></html>\n");
  if (!g_file_set_contents (path, html->str, (gssize) html->len, &error))
    g_error ("%s", error->message);
}

static char *
add_300 (BespokeStore *store)
{
  g_autoptr(BespokePerson) person = bespoke_person_new ();
  g_autoptr(GError) error = NULL;

  bespoke_person_set_name (person, "Three Hundred Statements");
  if (!bespoke_store_save (store, person, &error) || !bespoke_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(BespokeStatement) st = bespoke_statement_new ();
      g_autofree char *text = g_strdup_printf ("Statement %u: %s", i + 1,
                                               i % 4 == 0 ? "I like a slow start to the day, a walk to the shop for the paper, "
                                                            "and a cup of tea with someone who has time to talk."
                                                          : "I like music in the kitchen.");

      bespoke_statement_set_person_uuid (st, bespoke_record_get_uuid (BESPOKE_RECORD (person)));
      bespoke_statement_set_section (st, i % 3);
      bespoke_statement_set_position (st, i / 3);
      bespoke_statement_set_text (st, text);
      if (!bespoke_store_save (store, st, &error))
        g_error ("%s", error->message);
    }
  if (!bespoke_store_commit (store, &error))
    g_error ("%s", error->message);
  return g_strdup (bespoke_record_get_uuid (BESPOKE_RECORD (person)));
}

static void
bench_autofit (BespokeStore *store,
               const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BespokeDocument) document = bespoke_document_new (store, BESPOKE_DOCUMENT_PROFILE, uuid, NULL, &error);
  double total = 0, best = G_MAXDOUBLE, cpu = 0;
  const guint runs = 20;

  g_assert_no_error (error);
  /* The first layout loads the fonts; the window has them already */
  bespoke_document_paginate (document, NULL, BESPOKE_DOCUMENT_A4_WIDTH, BESPOKE_DOCUMENT_A4_HEIGHT, 42.52, 42.52, 42.52, 42.52, NULL);
  for (guint i = 0; i < runs; i++)
    {
      double start = now_ms (), start_cpu = cpu_ms (), t;

      /* Margins change by a hair each time, so nothing is reused */
      bespoke_document_paginate (document, NULL, BESPOKE_DOCUMENT_A4_WIDTH, BESPOKE_DOCUMENT_A4_HEIGHT,
                                 42.52 + i * 0.01, 42.52, 42.52, 42.52, NULL);
      t = now_ms () - start;
      cpu += cpu_ms () - start_cpu;
      total += t;
      best = MIN (best, t);
    }
  g_print ("auto-fit, 300 statements: %.1f ms mean (%.1f ms of CPU), %.1f ms best of %u (target ≤ 50 ms) → %.1f pt, %s\n",
           total / runs, cpu / runs, best, runs, bespoke_document_get_body_size (document),
           bespoke_document_get_warning (document) ? "overflow reported" : "fits");
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-profile-pdf-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "paul.pdf", NULL);
  g_autofree char *jpg = g_build_filename (dir, "paul.jpg", NULL);
  g_autofree char *html = g_build_filename (dir, "paul.html", NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile_url = g_strdup_printf ("-env:UserInstallation=file://%s/lo-profile", dir);
  g_autoptr(BespokeStore) store = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autofree char *uuid300 = NULL;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 10;
  double bespoke = 0, office = 0;

  if (argc < 2 || dir == NULL)
    {
      g_printerr ("Usage: bench-profile-pdf BESPOKE_CLI [RUNS]\n");
      return 2;
    }
  store = bespoke_store_open (db, &error);
  g_assert_no_error (error);
  photo = make_photo (jpg);
  if (!bespoke_example_install (store, &error) ||
      !bespoke_store_set_photo (store, BESPOKE_EXAMPLE_PAUL_UUID, photo, "image/jpeg", &error))
    g_error ("%s", error->message);
  uuid300 = add_300 (store);
  write_html (store, html);

  {
    const char *cli[] = { argv[1], "--database", db, "print", "Paul", "--profile", "-o", pdf, NULL };

    run_timed (cli);   /* warm the page cache */
    for (guint i = 0; i < runs; i++)
      bespoke += run_timed (cli) / runs;
    g_print ("bespoke-cli print Paul --profile: %.1f ms a PDF (mean of %u whole processes)\n", bespoke, runs);
  }

  if (soffice == NULL)
    g_print ("LibreOffice: soffice is not installed, so there is no comparison "
             "(install libreoffice-writer-nogui to compare; the tests never need it)\n");
  else
    {
      const char *lo[] = { soffice, profile_url, "--headless", "--convert-to", "pdf", "--outdir", dir, html, NULL };
      guint lo_runs = MAX (runs / 3, 2);

      run_timed (lo);   /* the first run makes LibreOffice's profile */
      for (guint i = 0; i < lo_runs; i++)
        office += run_timed (lo) / lo_runs;
      g_print ("soffice --headless --convert-to pdf paul.html: %.1f ms a PDF (mean of %u whole processes)\n",
               office, lo_runs);
      g_print ("ratio: Bespoke is %.1f× faster (target ≥ 20×)\n", office / bespoke);
    }

  bench_autofit (store, uuid300);

  g_clear_object (&store);
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (rm) != 0)
      g_printerr ("Could not remove %s\n", dir);
  }
  return 0;
}
