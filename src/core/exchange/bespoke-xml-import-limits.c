/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "bespoke-error.h"
#include "bespoke-xml-import-private.h"

/* The limits a file must keep before any parser sees it (the README's
 * "Limits"), checked in one pass over its bytes.  libxml2 has limits of its
 * own, but it reaches them slowly (gathering 10 MB of text, checking each
 * of 90,000 attributes against the others), and what a limit counts can
 * be walked around: text split by comments, CDATA or character references
 * is several short pieces.  This pass counts what an element holds
 * directly, whatever splits it: its text, character references, CDATA,
 * comments and processing instructions together.  Directly inside the root
 * (and around it), where a long file has a line per record, each gap
 * between two tags counts on its own.
 *
 * It reads bytes as UTF-8 (bespoke_xml_import_check_limits()'s caller has
 * refused any other encoding): '<', '>', quotes and '=' are single bytes
 * there and never part of a longer character. */

typedef enum
{
  IN_TEXT,
  AFTER_LT,      /* '<' read */
  IN_BANG,       /* "<!" read: a comment, CDATA or a declaration */
  IN_COMMENT,
  IN_CDATA,
  IN_PI,
  IN_DECLARATION,
  IN_END_TAG,
  IN_START_TAG,
} State;

typedef struct
{
  State    state;
  guint    line;
  guint    depth;                          /* elements open */
  guint64  held[BESPOKE_XML_MAX_DEPTH + 2]; /* bytes each open element holds directly */
  guint    start_line[BESPOKE_XML_MAX_DEPTH + 2];
  guint64  elements;                       /* in the file */
  guint64  record_elements;                /* in the record being read (under the root) */
  guint64  record_bytes;
  guint64  tag_bytes;                      /* of the tag being read */
  guint    attributes;
  char     quote;                          /* inside an attribute value: its quote */
  char     bang[8];                        /* what follows "<!" */
  guint    n_bang;
  char     last[3];                        /* the last bytes, for "-->", "]]>", "?>" */
  gboolean empty;                          /* the start tag ends "/>" */
  char     name[8];                        /* the start tag's name, cut at 7 bytes */
  guint    n_name;                         /* its length so far; 8 once too long */
  gboolean in_name;
  guint64  people;                         /* <person> records under the root */
  GError  *error;
} Scan;

static gboolean
fail (Scan       *scan,
      guint       line,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Scan       *scan,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: "Line 4: <what is too much>. No Bespoke export comes near that, …" */
  g_set_error (&scan->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
               _("Line %u: %s. No Bespoke export comes near that, so the file is damaged or was made to harm; Bespoke will not read it. Ask for the file to be exported again."),
               line, what);
  return FALSE;
}

/* One byte of what the element now open holds directly. */
static inline gboolean
hold (Scan *scan)
{
  guint d = scan->depth;

  if (++scan->held[d] > BESPOKE_XML_MAX_TEXT)
    return fail (scan, scan->start_line[d],
                 d >= 2 ? _("an element holds more than %u bytes of text, comments and the like")
                        : _("more than %u bytes of text, comments and the like come between two records"),
                 (guint) BESPOKE_XML_MAX_TEXT);
  return TRUE;
}

static inline void
remember (Scan *scan,
          char  c)
{
  scan->last[0] = scan->last[1];
  scan->last[1] = scan->last[2];
  scan->last[2] = c;
}

static inline gboolean
last_are (Scan       *scan,
          const char *end)
{
  gsize n = strlen (end);
  return memcmp (scan->last + 3 - n, end, n) == 0;
}

/* A start tag has ended: the element opens (unless it was empty). */
static gboolean
open_element (Scan *scan)
{
  if (++scan->elements > BESPOKE_XML_MAX_ELEMENTS)
    return fail (scan, scan->line, _("the file has more than %u elements"), (guint) BESPOKE_XML_MAX_ELEMENTS);
  if (scan->depth >= 2 && ++scan->record_elements > BESPOKE_XML_MAX_RECORD_ELEMENTS)
    return fail (scan, scan->start_line[2], _("one record holds more than %u elements"),
                 (guint) BESPOKE_XML_MAX_RECORD_ELEMENTS);
  if (scan->depth == 1 && scan->n_name == 6 && memcmp (scan->name, "person", 6) == 0)
    scan->people++;
  if (scan->depth <= 1)
    {
      /* a gap in the root ends */
      scan->held[scan->depth] = 0;
      scan->start_line[scan->depth] = scan->line;
    }
  if (scan->empty)
    return TRUE;
  if (scan->depth + 1 > BESPOKE_XML_MAX_DEPTH)
    return fail (scan, scan->line, _("elements are nested more than %u deep"), (guint) BESPOKE_XML_MAX_DEPTH);
  scan->depth++;
  scan->held[scan->depth] = 0;
  scan->start_line[scan->depth] = scan->line;
  if (scan->depth == 2)
    {
      scan->record_elements = 1;
      scan->record_bytes = 0;
    }
  return TRUE;
}

static void
close_element (Scan *scan)
{
  if (scan->depth > 0)
    scan->depth--;
  if (scan->depth <= 1)
    {
      scan->held[scan->depth] = 0;
      scan->start_line[scan->depth] = scan->line;
    }
}

static gboolean
start_tag_byte (Scan *scan,
                char  c)
{
  if (++scan->tag_bytes > BESPOKE_XML_MAX_TAG)
    return fail (scan, scan->line, _("a start tag is longer than %u bytes"), (guint) BESPOKE_XML_MAX_TAG);
  if (scan->quote != '\0')
    {
      if (c == scan->quote)
        scan->quote = '\0';
      return TRUE;
    }
  if (scan->in_name)
    {
      if (g_ascii_isspace (c) || c == '/' || c == '>')
        scan->in_name = FALSE;
      else if (scan->n_name < sizeof scan->name)
        scan->name[scan->n_name++] = c;
    }
  if (c == '"' || c == '\'')
    scan->quote = c;
  else if (c == '=' && ++scan->attributes > BESPOKE_XML_MAX_ATTRIBUTES)
    return fail (scan, scan->line, _("an element has more than %u attributes"), (guint) BESPOKE_XML_MAX_ATTRIBUTES);
  else if (c == '>')
    {
      scan->state = IN_TEXT;
      return open_element (scan);
    }
  if (!g_ascii_isspace (c))
    scan->empty = c == '/';
  return TRUE;
}

/* What "<!" starts, once enough of it has been read. */
static void
bang_byte (Scan *scan,
           char  c)
{
  scan->bang[scan->n_bang++] = c;
  scan->bang[scan->n_bang] = '\0';
  if (g_str_equal (scan->bang, "--"))
    scan->state = IN_COMMENT;
  else if (g_str_equal (scan->bang, "[CDATA["))
    scan->state = IN_CDATA;
  else if (!g_str_has_prefix ("--", scan->bang) && !g_str_has_prefix ("[CDATA[", scan->bang))
    scan->state = c == '>' ? IN_TEXT : IN_DECLARATION;
  memset (scan->last, 0, sizeof scan->last);
}

static gboolean
scan_byte (Scan *scan,
           char  c)
{
  /* no XML holds a NUL: the file is in UTF-16 or UTF-32, or is not text */
  if (c == '\0')
    {
      g_set_error (&scan->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("Line %u: the file has characters that are not UTF-8 text, so it is damaged or was not written by Bespoke. Ask for it to be exported again."),
                   scan->line);
      return FALSE;
    }
  if (scan->depth >= 2 && ++scan->record_bytes > BESPOKE_XML_MAX_RECORD_BYTES)
    return fail (scan, scan->start_line[2], _("one record is longer than %u bytes"),
                 (guint) BESPOKE_XML_MAX_RECORD_BYTES);

  switch (scan->state)
    {
    case IN_TEXT:
      if (c == '<')
        scan->state = AFTER_LT;
      else
        return hold (scan);
      return TRUE;
    case AFTER_LT:
      scan->tag_bytes = 1;
      scan->attributes = 0;
      scan->quote = '\0';
      scan->empty = FALSE;
      scan->n_bang = 0;
      scan->n_name = 0;
      scan->in_name = TRUE;
      memset (scan->last, 0, sizeof scan->last);
      if (c == '!')
        scan->state = IN_BANG;
      else if (c == '?')
        scan->state = IN_PI;
      else if (c == '/')
        scan->state = IN_END_TAG;
      else
        {
          scan->state = IN_START_TAG;
          return start_tag_byte (scan, c);
        }
      return TRUE;
    case IN_BANG:
      bang_byte (scan, c);
      return TRUE;
    case IN_COMMENT:
    case IN_CDATA:
    case IN_PI:
      remember (scan, c);
      if ((scan->state == IN_COMMENT && last_are (scan, "-->")) ||
          (scan->state == IN_CDATA && last_are (scan, "]]>")) ||
          (scan->state == IN_PI && last_are (scan, "?>")))
        scan->state = IN_TEXT;
      return hold (scan);
    case IN_DECLARATION:
      if (c == '>')
        scan->state = IN_TEXT;
      return hold (scan);
    case IN_END_TAG:
      if (++scan->tag_bytes > BESPOKE_XML_MAX_TAG)
        return fail (scan, scan->line, _("an end tag is longer than %u bytes"), (guint) BESPOKE_XML_MAX_TAG);
      if (c == '>')
        {
          scan->state = IN_TEXT;
          close_element (scan);
        }
      return TRUE;
    case IN_START_TAG:
      return start_tag_byte (scan, c);
    default:
      g_assert_not_reached ();
    }
}

/**
 * _bespoke_xml_check_limits:
 * @fd: the file, read from its start with pread() (its offset is left alone)
 * @people: (out) (optional): the people in the file (its <person>
 *   elements under the root), for the import's progress
 *
 * Returns: %FALSE, with @error saying the line and the limit, if the file
 *   passes any of the limits in bespoke-xml-import.h.
 */
gboolean
_bespoke_xml_check_limits (int       fd,
                           guint64  *people,
                           GError  **error)
{
  g_autofree char *buffer = g_malloc (1024 * 1024);
  Scan scan = { .state = IN_TEXT, .line = 1, .start_line = { 1, 1 } };
  off_t offset = 0;
  ssize_t n;

  while ((n = pread (fd, buffer, 1024 * 1024, offset)) > 0)
    {
      for (ssize_t i = 0; i < n; i++)
        {
          if (!scan_byte (&scan, buffer[i]))
            {
              g_propagate_error (error, scan.error);
              return FALSE;
            }
          if (buffer[i] == '\n')
            scan.line++;
        }
      offset += n;
    }
  if (people != NULL)
    *people = scan.people;
  return TRUE;
}
