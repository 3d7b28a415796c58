/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-document"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-document-private.h"

/* Writing a document as a PDF: A4 (landscape for "my week"), fixed
 * margins, metadata and tagged structure, written to a 0600 temporary file
 * beside the target, synced, and renamed into place, so that the file at
 * the path is either the whole new PDF or what was there before. */

/* Everything is made in memory first (a document is tens or hundreds of
 * kilobytes), so that the file is written in one go. */
static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gssize
find_last (const GByteArray *pdf,
           const char       *needle)
{
  gsize n = strlen (needle);

  for (gssize i = (gssize) pdf->len - (gssize) n; i >= 0; i--)
    if (memcmp (pdf->data + i, needle, n) == 0)
      return i;
  return -1;
}

static guint64
number_after (const GByteArray *pdf,
              gssize            at,
              const char       *key)
{
  g_autofree char *text = g_strndup ((const char *) pdf->data + at, MIN (200, pdf->len - at));
  const char *p = strstr (text, key);

  return p ? g_ascii_strtoull (p + strlen (key), NULL, 10) : 0;
}

/**
 * mark_tagged:
 *
 * Cairo 1.16 writes the structure tree but not the catalog's MarkInfo, so
 * readers (and pdfinfo) do not see that the PDF is tagged.  This appends an
 * incremental update, as PDF allows: the catalog again, with
 * /MarkInfo << /Marked true >> and the document's language, and an xref
 * and trailer that point back to cairo's.
 */
static gboolean
mark_tagged (GByteArray *pdf)
{
  gssize catalog = find_last (pdf, "/Type /Catalog");
  gssize trailer = find_last (pdf, "trailer");
  gssize startxref = find_last (pdf, "startxref");
  gssize obj, dict_end;
  guint64 number, size, info, prev;
  g_autoptr(GString) update = NULL;
  g_autofree char *dict = NULL;
  gsize offset, xref_at;

  if (catalog < 0 || trailer < catalog || startxref < trailer)
    return FALSE;
  /* "45 0 obj\n<< /Type /Catalog": back to the start of the line before */
  for (obj = catalog; obj > 0 && pdf->data[obj - 1] != '\n'; obj--)
    ;
  for (obj = obj - 1; obj > 0 && pdf->data[obj - 1] != '\n'; obj--)
    ;
  number = g_ascii_strtoull ((const char *) pdf->data + obj, NULL, 10);
  dict_end = find_last (pdf, ">>\nendobj");
  if (number == 0 || dict_end < catalog || dict_end > trailer)
    return FALSE;
  size = number_after (pdf, trailer, "/Size ");
  info = number_after (pdf, trailer, "/Info ");
  prev = number_after (pdf, startxref, "startxref");
  if (size == 0 || prev == 0)
    return FALSE;

  dict = g_strndup ((const char *) pdf->data + catalog, dict_end - catalog);
  offset = pdf->len;
  update = g_string_new (NULL);
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n<< %s   /MarkInfo << /Marked true >>\n"
                          "   /Lang (en-GB)\n>>\nendobj\n", number, dict);
  xref_at = offset + update->len;
  g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                          number, offset);
  g_string_append_printf (update, "trailer\n<< /Size %" G_GUINT64_FORMAT " /Root %" G_GUINT64_FORMAT " 0 R",
                          size, number);
  if (info != 0)
    g_string_append_printf (update, " /Info %" G_GUINT64_FORMAT " 0 R", info);
  g_string_append_printf (update, " /Prev %" G_GUINT64_FORMAT " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          prev, xref_at);
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
  return TRUE;
}

static void
set_write_error (GError     **error,
                 int          errsv,
                 const char  *path)
{
  if (errsv == ENOSPC || errsv == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full: %s could not be written. Make room, or save it somewhere else."), path);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                 _("%s could not be written: %s."), path, g_strerror (errsv));
}

static void
set_metadata (BespokeDocument *self,
              cairo_surface_t *surface,
              const char      *author)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  const char *real_name = g_get_real_name ();

  if (author == NULL || *author == '\0')
    author = real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0
             ? real_name : g_get_user_name ();
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject ? self->subject : self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Bespoke " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* Draws every page onto a PDF in memory; NULL if cairo failed. */
static GByteArray *
render (BespokeDocument *self,
        const char      *author)
{
  g_autoptr(GByteArray) pdf = g_byte_array_sized_new (64 * 1024);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, self->page_width, self->page_height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  set_metadata (self, surface, author);
  for (guint page = 0; page < self->n_pages; page++)
    {
      bespoke_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_debug ("cairo: %s", cairo_status_to_string (status));
      return NULL;
    }
  if (!mark_tagged (pdf))
    g_debug ("The PDF's catalog was not where cairo 1.16 puts it; it is not marked as tagged");
  return g_steal_pointer (&pdf);
}

static int
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno;
      if (n == 0)
        return ENOSPC;
      data += n;
      length -= (gsize) n;
    }
  return 0;
}

static gboolean
check_folder (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder. Give the PDF a file name."), path);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder %s does not exist, so %s could not be written. Choose a folder that exists."),
                   dir, path);
      return FALSE;
    }
  return TRUE;
}

/* Writes the laid-out document to a new temporary file beside @path, syncs
 * it, and renames it there. */
static gboolean
write_atomically (BespokeDocument  *self,
                  const char       *path,
                  const char       *author,
                  GError          **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, template, NULL);
  g_autoptr(GByteArray) pdf = render (self, author);
  int fd, errsv;

  if (pdf == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s could not be made: the PDF could not be drawn."), path);
      return FALSE;
    }

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      errsv = errno;
      if (errsv == ENOSPC || errsv == EDQUOT)
        set_write_error (error, errsv, path);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                     _("Bespoke cannot write in the folder %s: %s. Choose another folder."), dir, g_strerror (errsv));
      return FALSE;
    }

  errsv = write_all (fd, pdf->data, pdf->len);
  if (errsv == 0 && fsync (fd) != 0)
    errsv = errno;
  if (close (fd) != 0 && errsv == 0)
    errsv = errno;
  if (errsv == 0 && g_rename (tmp, path) != 0)
    errsv = errno;
  if (errsv != 0)
    {
      g_unlink (tmp);
      set_write_error (error, errsv, path);
      return FALSE;
    }

  /* The rename reaches the disk with the folder */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

gboolean
bespoke_document_write_pdf (BespokeDocument  *self,
                            const char       *path,
                            const char       *author,
                            GError          **error)
{
  gboolean had = FALSE;
  double old[6] = { 0 };
  gboolean ok;

  g_return_val_if_fail (BESPOKE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_folder (path, error))
    return FALSE;

  had = self->paginated;
  if (had)
    {
      old[0] = self->page_width, old[1] = self->page_height, old[2] = self->margin_top;
      old[3] = self->margin_right, old[4] = self->margin_bottom, old[5] = self->margin_left;
    }
  if (!bespoke_document_paginate (self, NULL, BESPOKE_DOCUMENT_A4_WIDTH, BESPOKE_DOCUMENT_A4_HEIGHT,
                                  BESPOKE_DOCUMENT_PDF_MARGIN, BESPOKE_DOCUMENT_PDF_MARGIN,
                                  BESPOKE_DOCUMENT_PDF_MARGIN, BESPOKE_DOCUMENT_PDF_MARGIN, error))
    return FALSE;

  ok = write_atomically (self, path, author, error);

  if (had)
    bespoke_document_paginate (self, NULL, old[0], old[1], old[2], old[3], old[4], old[5], NULL);
  return ok;
}
