/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-csv"

#include "config.h"

#include <string.h>

#include "bespoke-csv.h"
#include "bespoke-format.h"

struct _BespokeCsv
{
  GString  *out;
  gboolean  row_started;
};

/**
 * bespoke_csv_new:
 *
 * Starts a spreadsheet file with its UTF-8 byte-order mark, which is what
 * makes Excel read "Mon–Fri" as UTF-8 rather than its own code page.
 */
BespokeCsv *
bespoke_csv_new (void)
{
  BespokeCsv *self = g_new0 (BespokeCsv, 1);

  self->out = g_string_new ("\xEF\xBB\xBF");
  return self;
}

void
bespoke_csv_free (BespokeCsv *self)
{
  if (self == NULL)
    return;
  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_free (self);
}

/**
 * bespoke_csv_defuse:
 * @text: a cell's text
 *
 * A cell that begins with =, +, -, @, a tab or a carriage return is read
 * by Excel and Calc as a formula (OWASP's "CSV injection"); a leading
 * apostrophe makes it text again, and both show the text as typed.
 */
char *
bespoke_csv_defuse (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

static void
add_cell (BespokeCsv *self,
          const char *cell)
{
  if (self->row_started)
    g_string_append_c (self->out, ',');
  self->row_started = TRUE;

  if (strpbrk (cell, ",\"\n\r") == NULL)
    {
      g_string_append (self->out, cell);
      return;
    }
  g_string_append_c (self->out, '"');
  for (const char *p = cell; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (self->out, '"');
      g_string_append_c (self->out, *p);
    }
  g_string_append_c (self->out, '"');
}

/* Text as people wrote it, defused and quoted. */
void
bespoke_csv_add_text (BespokeCsv *self,
                      const char *text)
{
  g_autofree char *safe = bespoke_csv_defuse (text);

  add_cell (self, safe);
}

/* Money as a plain number of pounds with two decimals, "-1234.50": no
 * currency sign and no thousands separator, so a spreadsheet sums it. */
void
bespoke_csv_add_money (BespokeCsv *self,
                       gint64      pence)
{
  g_autofree char *pounds = bespoke_format_pence_decimal (pence);

  add_cell (self, pounds);
}

/* A number the program made (a count, hours): written as it is, since a
 * leading minus is its sign, not a formula. */
void
bespoke_csv_add_number (BespokeCsv *self,
                        const char *number)
{
  add_cell (self, number != NULL ? number : "");
}

void
bespoke_csv_end_row (BespokeCsv *self)
{
  g_string_append (self->out, "\r\n");
  self->row_started = FALSE;
}

/* The file's bytes; @self is freed. */
GBytes *
bespoke_csv_finish (BespokeCsv *self)
{
  GBytes *bytes;

  if (self->row_started)
    bespoke_csv_end_row (self);
  bytes = g_string_free_to_bytes (g_steal_pointer (&self->out));
  bespoke_csv_free (self);
  return bytes;
}
