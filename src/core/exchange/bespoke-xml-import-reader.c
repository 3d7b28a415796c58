/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-xml-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bespoke-error.h"
#include "bespoke-money.h"
#include "bespoke-record.h"
#include "bespoke-schedule.h"
#include "bespoke-types.h"
#include "bespoke-xml-columns.h"
#include "bespoke-xml-import-private.h"
#include "bespoke-xml-schema.h"

/* Reading an exchange file that may have come from anywhere.
 *
 * - The parser gets XML_PARSE_NONET and nothing that loads or expands
 *   anything (no NOENT, DTDLOAD, DTDVALID, XINCLUDE or HUGE, so libxml2's
 *   own limits on depth and text size hold), plus XML_PARSE_BIG_LINES so
 *   that line numbers past 65,535 are right in messages.  A DOCTYPE is
 *   refused outright and the external entity loader denies everything.
 * - Files over BESPOKE_XML_MAX_BYTES are refused before they are read, and
 *   so are files past the other limits in bespoke-xml-import.h (depth,
 *   attributes, text an element holds however it is split, a record's
 *   size), in one pass over the bytes (bespoke-xml-import-limits.c).
 * - The file is read as UTF-8, whatever its declaration says.
 * - The file is read as a stream and validated against the built-in schema
 *   as it is read; each person (or provider, or home) is expanded, merged,
 *   and freed before the next, so memory stays flat.  The ids already read,
 *   to catch a record with another's id, go into a private temporary
 *   SQLite database (never the store's), which spills to a temporary file
 *   past a few megabytes instead of growing in memory.
 * - Everything happens in one transaction: any error anywhere, or a dry
 *   run, rolls it all back.
 *
 * Each element under the root is merged by bespoke-xml-import-merge.c. */

gboolean
_bespoke_xml_is_ours (xmlNode    *node,
                      const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, BESPOKE_XML_NAMESPACE) == 0 &&
         (name == NULL || g_strcmp0 ((const char *) node->name, name) == 0);
}

/* A UUID as Bespoke writes them: canonical, lower case.  (GLib accepts
 * upper case too; two spellings of one id would be two records here and
 * one anywhere else.) */
gboolean
_bespoke_xml_is_uuid (const char *text)
{
  if (text == NULL || !g_uuid_string_is_valid (text))
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (g_ascii_isupper (*c))
      return FALSE;
  return TRUE;
}

/* The line of @node's start tag (where its '>' is).  libxml2 keeps an
 * element's line in 16 bits; past line 65,535, XML_PARSE_BIG_LINES keeps
 * the whole number for text nodes only, as the line where the text ends,
 * and xmlGetLineNo() gives an element the line of its first child, a line
 * too late when that is the newline and indent before the next element.
 * So: the first text inside @node, less the newlines in it. */
guint
_bespoke_xml_node_line (xmlNode *node)
{
  long line;

  if (node == NULL)
    return 0;
  if (node->type == XML_ELEMENT_NODE && node->line == 65535)
    for (xmlNode *inner = node->children; inner != NULL; inner = inner->children)
      {
        if (inner->type == XML_TEXT_NODE)
          {
            long end = xmlGetLineNo (inner);
            guint newlines = 0;

            for (const xmlChar *c = inner->content; c != NULL && *c != '\0'; c++)
              newlines += *c == '\n';
            if (end >= 65535 + (long) newlines)
              return (guint) (end - newlines);
            break;
          }
        if (inner->type != XML_ELEMENT_NODE)
          break;
      }
  line = xmlGetLineNo (node);
  return line > 0 ? (guint) line : 0;
}

void
_bespoke_xml_fail_at (Import     *self,
                      xmlNode    *node,
                      const char *message)
{
  if (self->error != NULL)
    return;
  g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
               _("Line %u: %s"), _bespoke_xml_node_line (node), message);
}

/* ---- libxml2's errors, in words a planner can act on ----------------- */

static char *
clean_message (const char *message)
{
  g_autofree char *text = g_strchomp (g_strdup (message ? message : ""));
  g_auto(GStrv) parts = g_strsplit (text, "{" BESPOKE_XML_NAMESPACE "}", -1);

  return g_strjoinv ("", parts);
}

/* libxml2's schema messages, said the way a planner would say them. */
static char *
plain_schema_message (const char *message)
{
  static const struct { const char *pattern; const char *replacement; } rules[] = {
    { "^Element '([^']+)', attribute 'pence': \\[facet 'minInclusive'\\] The value '([^']*)'.*",
      N_("the amount in “\\1” is \\2 pence, and it cannot be less than nothing") },
    { "^Element '([^']+)', attribute 'pence': \\[facet 'maxInclusive'\\] The value '([^']*)'.*",
      N_("the amount in “\\1” is \\2 pence; a refund must be less than nothing") },
    { "^Element '([^']+)': \\[facet 'maxInclusive'\\] The value '([^']*)' is greater than the maximum value allowed \\('([^']*)'\\).*",
      N_("“\\1” is \\2, more than \\3, the most Bespoke allows there") },
    { "^Element '([^']+)', attribute 'pence': '([^']*)' is not a valid value.*",
      N_("the amount in “\\1” is “\\2” pence, which is not a whole number Bespoke can hold") },
    { "^Element '([^']+)', attribute 'id': \\[facet 'pattern'\\] The value '([^']*)'.*",
      N_("the id of this “\\1” is “\\2”, which is not a UUID") },
    { "^Element '([^']+)', attribute '([^']+)': \\[facet 'enumeration'\\] The value '([^']*)'.*",
      N_("“\\1” has \\2 “\\3”, which Bespoke does not know") },
    { "^Element '([^']+)': \\[facet 'enumeration'\\] The value '([^']*)'.*",
      N_("“\\1” cannot be “\\2”") },
    { "^Element '([^']+)': This element is not expected\\. Expected is.*\\( ([^ ]+) \\).*",
      N_("“\\1” is not expected here; Bespoke expects “\\2”") },
    { "^Element '([^']+)': This element is not expected.*",
      N_("“\\1” is not expected here") },
    { "^Element '([^']+)': Missing child element.*Expected is.*\\( ([^ ]+) \\).*",
      N_("“\\1” is missing “\\2”") },
    { "^Element '([^']+)'(, attribute '([^']+)')?: .*'([^']*)' is not a valid value.*",
      N_("“\\1” holds “\\4”, which is not a value Bespoke can read there") },
    { "^Element '([^']+)'.*\\[facet '(minLength|maxLength)'\\].*",
      N_("“\\1” is empty or far too long") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (rules[i].pattern, G_REGEX_DOTALL, 0, NULL);
      if (regex != NULL && g_regex_match (regex, message, 0, NULL))
        return g_regex_replace (regex, message, -1, 0, _(rules[i].replacement), 0, NULL);
    }
  return g_strdup (message);
}

static void
on_xml_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  Import *self = user_data;
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  const char *advice;

  if (error == NULL || error->level < XML_ERR_ERROR || self->xml_error != NULL)
    return;

  message = clean_message (error->message);
  g_strdelimit (message, "\n", ' ');
  while (*message != '\0' && strchr (".! ", message[strlen (message) - 1]) != NULL)
    message[strlen (message) - 1] = '\0';

  if (error->int2 > 0 && error->domain != XML_FROM_SCHEMASV)
    where = g_strdup_printf (_("Line %d, column %d"), error->line, error->int2);
  else
    where = g_strdup_printf (_("Line %d"), error->line);

  if (error->domain == XML_FROM_SCHEMASV)
    {
      g_autofree char *plain = plain_schema_message (message);
      self->xml_error = g_strdup_printf (_("%s: %s. This is not what a Bespoke exchange file holds, so the file is damaged or was not written by Bespoke. Ask for it to be exported again."),
                                         where, plain);
      return;
    }

  if (error->code == XML_ERR_INVALID_CHAR && strstr (message, "CharRef") != NULL)
    advice = _("the file refers to a character that XML does not allow in text (such as &#1;, a control character), so it is damaged or was not written by Bespoke. Ask for it to be exported again.");
  else if (error->code == XML_ERR_INVALID_CHAR || error->code == XML_ERR_INVALID_ENCODING ||
           error->code == XML_ERR_UNKNOWN_ENCODING)
    advice = _("the file has characters that are not UTF-8 text, so it is damaged or was not written by Bespoke. Ask for it to be exported again.");
  else if (error->code == XML_ERR_TAG_NOT_FINISHED || error->code == XML_ERR_DOCUMENT_EMPTY ||
           error->code == XML_ERR_DOCUMENT_END || error->code == XML_ERR_GT_REQUIRED ||
           error->code == XML_ERR_LTSLASH_REQUIRED)
    advice = _("the file stops too early or is damaged; it may have been cut short while it was copied. Ask for it to be exported again.");
  else if (strstr (message, "depth") != NULL || strstr (message, "huge") != NULL ||
           strstr (message, "limit") != NULL || strstr (message, "amplification") != NULL)
    advice = _("the file is far larger or deeper than any Bespoke export, so Bespoke will not read it. Ask for it to be exported again.");
  else
    advice = _("the file is damaged or is not a Bespoke exchange file. Ask for it to be exported again.");

  /* Translators: "Line 4, column 15: the file has … again. (Input is not proper UTF-8)" */
  self->xml_error = g_strdup_printf (_("%s: %s (%s)"), where, advice, message);
}

/* ---- records from elements ------------------------------------------- */

char *
_bespoke_xml_node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

char *
_bespoke_xml_node_prop (xmlNode    *node,
                        const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *text = g_strdup ((const char *) value);

  xmlFree (value);
  return text;
}

static gboolean
parse_schedule (xmlNode          *node,
                BespokeSchedule **out,
                GError          **error)
{
  g_autofree char *kind = _bespoke_xml_node_prop (node, "kind");
  g_autoptr(GString) text = g_string_new (kind ? kind : "");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (_bespoke_xml_is_ours (child, NULL))
      {
        g_autofree char *value = _bespoke_xml_node_text (child);
        g_string_append_printf (text, ";%s=%s", (const char *) child->name, value);
      }
  *out = bespoke_schedule_parse (text->str, error);
  return *out != NULL;
}

/* Money is <unit-price pence="2150">£21.50</unit-price>: the pence are
 * what Bespoke reads.  Text beside them that reads as an amount must be
 * the same amount, so that what a person checks by eye is what is
 * imported; text that is not an amount (or none) is left alone. */
static gboolean
readable_amount_agrees (xmlNode  *node,
                        gint64    pence,
                        GError  **error)
{
  g_autofree char *text = _bespoke_xml_node_text (node);
  g_autofree char *written = NULL;
  gint64 read = 0;

  if (text == NULL || !bespoke_money_parse (text, &read, NULL) || read == pence)
    return TRUE;
  written = bespoke_money_format (pence);
  g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
               _("%s reads “%s”, but its pence say %s. The two must agree, so the file was changed by hand or is damaged. Ask for it to be exported again."),
               (const char *) node->name, text, written);
  return FALSE;
}

static gboolean
set_column (BespokeRecord  *record,
            GParamSpec     *pspec,
            xmlNode        *node,
            GError        **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_value_init (&value, type);

  if (type == G_TYPE_INT64)
    {
      gint64 pence;
      text = _bespoke_xml_node_prop (node, "pence");
      if (!g_ascii_string_to_signed (text ? text : "", 10, G_MININT64, G_MAXINT64, &pence, NULL))
        {
          g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                       _("%s is not an amount of pence Bespoke can hold (%s). Check the figure."),
                       (const char *) node->name, text ? text : "");
          return FALSE;
        }
      if (!readable_amount_agrees (node, pence, error))
        return FALSE;
      g_value_set_int64 (&value, pence);
    }
  else if (type == BESPOKE_TYPE_SCHEDULE)
    {
      BespokeSchedule *schedule = NULL;
      if (!parse_schedule (node, &schedule, error))
        return FALSE;
      g_value_take_boxed (&value, schedule);
    }
  else
    {
      text = _bespoke_xml_node_text (node);
      if (type == G_TYPE_STRING)
        g_value_set_string (&value, text);
      else if (type == G_TYPE_UINT)
        {
          guint64 n;
          if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &n, NULL))
            {
              g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("%s should be a whole number, not “%s”."), (const char *) node->name, text);
              return FALSE;
            }
          g_value_set_uint (&value, (guint) n);
        }
      else if (type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&value, g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0);
      else if (G_TYPE_IS_ENUM (type))
        {
          int v;
          if (!bespoke_enum_from_nick (type, text, &v))
            {
              g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("%s cannot be “%s”."), (const char *) node->name, text);
              return FALSE;
            }
          g_value_set_enum (&value, v);
        }
      else
        g_assert_not_reached ();
    }

  bespoke_record_take_value (record, pspec, &value, FALSE);
  return TRUE;
}

/* A record from its element: its id, modified time, @parent_property set
 * to @parent_uuid, and one column per child element it knows. */
BespokeRecord *
_bespoke_xml_record_from_node (Import     *self,
                               xmlNode    *node,
                               GType       type,
                               const char *parent_property,
                               const char *parent_uuid)
{
  g_autofree char *uuid = _bespoke_xml_node_prop (node, "id");
  g_autofree char *modified = _bespoke_xml_node_prop (node, "modified");
  const BespokeXmlColumns *columns = bespoke_xml_columns_for (type);
  g_autoptr(BespokeRecord) record = NULL;
  gint64 modified_at = 0;

  if (!_bespoke_xml_is_uuid (uuid))
    {
      g_autofree char *message = g_strdup_printf (_("The %s has no id, or its id “%s” is not a UUID. Ask for the file to be exported again."),
                                                  (const char *) node->name, uuid ? uuid : "");
      _bespoke_xml_fail_at (self, node, message);
      return NULL;
    }
  if (!bespoke_xml_schema_parse_time (modified, &modified_at))
    {
      g_autofree char *message = g_strdup_printf (_("The %s’s modified time “%s” is not a UTC time such as 2027-01-08T09:30:00.000000Z."),
                                                  (const char *) node->name, modified ? modified : "");
      _bespoke_xml_fail_at (self, node, message);
      return NULL;
    }

  record = g_object_new (type, "uuid", uuid, NULL);
  bespoke_record_set_modified_at (record, modified_at);
  if (parent_property != NULL)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), parent_property);
      bespoke_record_set_string (record, pspec, parent_uuid);
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const BespokeXmlColumn *column;
      g_autoptr(GError) error = NULL;

      if (!_bespoke_xml_is_ours (child, NULL))
        continue;
      column = bespoke_xml_columns_find (columns, (const char *) child->name);
      if (column == NULL)
        continue;  /* a container of child records */

      if (column->encoding == BESPOKE_XML_PERIOD)
        {
          g_autofree char *start = _bespoke_xml_node_prop (child, "start");
          g_autofree char *end = _bespoke_xml_node_prop (child, "end");
          bespoke_record_set_string (record, column->pspec, start);
          bespoke_record_set_string (record, column->end, end);
          continue;
        }
      if (column->encoding == BESPOKE_XML_PRODUCT)
        {
          g_autofree char *product = _bespoke_xml_node_prop (child, "id");
          bespoke_record_set_string (record, column->pspec, product);
          continue;
        }
      if (!set_column (record, column->pspec, child, &error))
        {
          _bespoke_xml_fail_at (self, child, error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&record);
}

/* ---- the document ----------------------------------------------------- */

static gboolean
check_root (Import           *self,
            xmlTextReaderPtr  reader)
{
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);
  g_autofree char *version = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "schema-version");
  xmlNode *node = xmlTextReaderCurrentNode (reader);
  int line = node ? (int) _bespoke_xml_node_line (node) : xmlTextReaderGetParserLineNumber (reader);

  if (g_strcmp0 (ns, BESPOKE_XML_NAMESPACE) != 0 &&
      ns != NULL && g_str_has_prefix (ns, "urn:bespoke:exchange:"))
    {
      g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("Line %d: this file is in version %s of the Bespoke exchange format, and this Bespoke reads version %s. Update Bespoke, or ask for a file from the same version."),
                   line, ns + strlen ("urn:bespoke:exchange:"), BESPOKE_XML_SCHEMA_VERSION);
      return FALSE;
    }
  if (g_strcmp0 (ns, BESPOKE_XML_NAMESPACE) != 0 || g_strcmp0 (name, "bespoke") != 0)
    {
      g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("Line %d: this is not a Bespoke exchange file: it starts with “%s” in the namespace “%s”, where Bespoke expects “bespoke” in “%s”. Choose a file exported from Bespoke."),
                   line, name ? name : "", ns ? ns : "", BESPOKE_XML_NAMESPACE);
      return FALSE;
    }
  if (!bespoke_xml_schema_version_supported (version))
    {
      g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("Line %d: this file says it is version “%s” of the Bespoke exchange format, and this Bespoke reads version %s. Update Bespoke, or ask for a file from the same version."),
                   line, version ? version : "", BESPOKE_XML_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* Looks through the prolog (the XML declaration, comments, processing
 * instructions) for a DOCTYPE, before any parser sees the file: a
 * document type is where entity tricks live. */
static gboolean
prolog_has_doctype (int fd)
{
  char buffer[65536];
  ssize_t n = pread (fd, buffer, sizeof buffer - 1, 0);
  const char *p = buffer;

  if (n <= 0)
    return FALSE;
  buffer[n] = '\0';
  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  for (;;)
    {
      const char *end;

      while (g_ascii_isspace (*p))
        p++;
      if (g_str_has_prefix (p, "<!DOCTYPE"))
        return TRUE;
      if (g_str_has_prefix (p, "<?"))
        end = strstr (p, "?>");
      else if (g_str_has_prefix (p, "<!--"))
        end = strstr (p, "-->");
      else
        return FALSE;
      if (end == NULL)
        return strstr (p, "<!DOCTYPE") != NULL;
      p = end + 2;
    }
}

/* @path opened for reading, once it has passed the checks that come
 * before any parser sees it: a regular file, not too large, no DOCTYPE,
 * no absurdly long text.  -1, with @error set, if not. */
static int
open_checked (Import      *self,
              const char  *path,
              GError     **error)
{
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open “%s”: %s."), path, g_strerror (saved));
      if (fd >= 0)
        close (fd);
      return -1;
    }
  if (!S_ISREG (st.st_mode) || (gint64) st.st_size > BESPOKE_XML_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size_full ((guint64) BESPOKE_XML_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("“%s” is larger than %s, the most Bespoke reads in one exchange file. Export fewer people at a time."),
                   path, limit);
      close (fd);
      return -1;
    }

  if (prolog_has_doctype (fd))
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("The file declares a document type (DOCTYPE) before its first element. Bespoke exchange files never do, and one can make a file read other files on this computer, so Bespoke will not open it. Ask for the file to be exported again."));
      close (fd);
      return -1;
    }

  if (!_bespoke_xml_check_limits (fd, &self->total, error))
    {
      close (fd);
      return -1;
    }
  return fd;
}

/* Tells the caller how far the people have come: at most every 50 ms,
 * and at the last */
static void
note_person_read (Import *self)
{
  gint64 now;

  self->done = MIN (self->done + 1, self->total);
  if (self->progress == NULL)
    return;
  now = g_get_monotonic_time ();
  if (self->done < self->total && now - self->reported_at < 50 * 1000)
    return;
  self->reported_at = now;
  self->progress (self->done, self->total, self->progress_data);
}

/* Reads the document with @reader, merging each element under the root
 * as soon as it has been read; stops at the first error, in
 * self->xml_error or self->error. */
static void
read_elements (Import           *self,
               xmlTextReaderPtr  reader)
{
  gboolean seen_root = FALSE;
  int ret;

  ret = xmlTextReaderRead (reader);
  while (ret == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);

      /* before anything else: the schema may already have choked on what
       * the DOCTYPE declares.  (Not xmlTextReaderCurrentDoc(): it makes the
       * reader keep every node it has read.) */
      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          g_clear_pointer (&self->xml_error, g_free);
          g_clear_error (&self->error);
          self->xml_error = g_strdup_printf (_("Line %d: the file declares a document type (DOCTYPE). Bespoke exchange files never do, and one can make a file read other files on this computer, so Bespoke will not open it. Ask for the file to be exported again."),
                                             xmlTextReaderGetParserLineNumber (reader));
          break;
        }
      if (type == XML_READER_TYPE_ELEMENT && depth == 0 && !seen_root)
        {
          seen_root = TRUE;
          /* The parser reads ahead of the reader: by now the schema has
           * seen the first chunk of the file, and its errors there stand.
           * Only a wrong root replaces them, with a plainer message about
           * the same thing. */
          if (!check_root (self, reader))
            {
              g_clear_pointer (&self->xml_error, g_free);
              break;
            }
        }
      if (self->xml_error != NULL || self->error != NULL)
        break;
      if (type == XML_READER_TYPE_ELEMENT && depth == 1)
        {
          xmlNode *node;

          if (g_cancellable_set_error_if_cancelled (self->cancellable, &self->error))
            break;
          node = xmlTextReaderExpand (reader);

          if (node == NULL)
            {
              if (self->xml_error == NULL)
                self->xml_error = g_strdup_printf (_("Line %d: the file stops too early or is damaged; it may have been cut short while it was copied. Ask for it to be exported again."),
                                                   xmlTextReaderGetParserLineNumber (reader));
              break;
            }
          _bespoke_xml_merge_top (self, node);
          if (_bespoke_xml_is_ours (node, "person"))
            note_person_read (self);
          /* reads (and validates) the rest of the element */
          ret = xmlTextReaderNext (reader);
          continue;
        }
      ret = xmlTextReaderRead (reader);
    }
  if (ret < 0 && self->xml_error == NULL && self->error == NULL)
    self->xml_error = g_strdup (_("The file is damaged or is not a Bespoke exchange file. Ask for it to be exported again."));
  if (self->xml_error == NULL && self->error == NULL && !seen_root)
    g_set_error (&self->error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                 _("The file is empty. Choose a file exported from Bespoke."));
}

gboolean
_bespoke_xml_read_document (Import      *self,
                            const char  *path,
                            GError     **error)
{
  xmlSchemaPtr schema = bespoke_xml_schema_get (error);
  xmlSchemaValidCtxtPtr valid = NULL;
  xmlTextReaderPtr reader = NULL;
  gboolean ok = FALSE;
  int fd;

  if (schema == NULL)
    return FALSE;
  fd = open_checked (self, path, error);
  if (fd < 0)
    return FALSE;

  /* UTF-8, whatever the file says: Bespoke writes nothing else, and the
   * limits above read the bytes as UTF-8 */
  reader = xmlReaderForFd (fd, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC);
  if (reader == NULL)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, _("Could not read “%s”."), path);
      close (fd);
      return FALSE;
    }
  valid = xmlSchemaNewValidCtxt (schema);
  if (xmlTextReaderSchemaValidateCtxt (reader, valid, 0) != 0)
    {
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, _("Could not read “%s”."), path);
      goto out;
    }
  xmlSchemaSetValidStructuredErrors (valid, on_xml_error_cb, self);
  /* the parser's errors: the reader's own relay crashes once a schema is
   * plugged in (libxml2 2.9), so they come through the thread's handler */
  xmlSetStructuredErrorFunc (self, on_xml_error_cb);

  read_elements (self, reader);

  /* whatever the reader saw or skipped, the validator saw every byte: a
   * document it found invalid is never accepted, even if its message was
   * lost */
  if (self->xml_error == NULL && self->error == NULL && xmlSchemaIsValid (valid) != 1)
    self->xml_error = g_strdup (_("The file does not follow the Bespoke exchange schema, so it is damaged or was not written by Bespoke. Ask for it to be exported again."));

  /* libxml2's own error about the file comes first: the record that
   * failed after it was read before the schema had seen all of it. */
  ok = self->xml_error == NULL && self->error == NULL;
  if (self->xml_error != NULL)
    g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID, self->xml_error);
  else if (self->error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->error));

out:
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeTextReader (reader);
  xmlSchemaFreeValidCtxt (valid);
  close (fd);
  return ok;
}
