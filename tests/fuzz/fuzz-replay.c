/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fuzz targets as ordinary tests, in every build (gcc included): this
 * main() feeds every file of the corpus folders (and any file) named on
 * the command line through the target's LLVMFuzzerTestOneInput(), as
 * libFuzzer would replay them, in name order.
 *
 *   fuzz-replay-TARGET [--generate VALID_XML] PATH…
 *
 * --generate also feeds the reproducers of issue #12 that are too big to
 * keep in the tree, made here from VALID_XML
 * (tests/fixtures/hostile/valid.xml): 50,000 <except> dates in one
 * schedule, 90,000 attributes in one start tag, and a name of 1.1 MB split
 * by comments.  A crash or a broken promise aborts, so the test fails and
 * says which input it was feeding. */
#define G_LOG_DOMAIN "bespoke-fuzz-replay"

#include "fuzz-util.h"

static guint fed;

static void
feed (const char   *what,
      const uint8_t *data,
      size_t         size)
{
  fprintf (stderr, "fuzz-replay: %s (%zu bytes)\n", what, size);
  LLVMFuzzerTestOneInput (data, size);
  fed++;
}

static void
feed_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "fuzz-replay: %s\n", error->message);
      exit (1);
    }
  feed (path, (const uint8_t *) contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
feed_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      feed_file (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    feed_path (g_ptr_array_index (names, i));
}

/* @valid with its first @find replaced by @before, @piece @times over,
 * then @after */
static GString *
variant (const char *valid,
         const char *find,
         const char *before,
         const char *piece,
         guint       times,
         const char *after)
{
  const char *at = strstr (valid, find);
  GString *out = g_string_new (NULL);

  if (at == NULL)
    {
      fprintf (stderr, "fuzz-replay: “%s” is not in the valid file\n", find);
      exit (1);
    }
  g_string_append_len (out, valid, at - valid);
  g_string_append (out, before);
  for (guint i = 0; i < times; i++)
    g_string_append (out, piece);
  g_string_append (out, after);
  g_string_append (out, at + strlen (find));
  return out;
}

/* the excepts go into a daily activity, as tests/test-hostile.c's
 * write_activity() writes it */
static void
feed_fifty_thousand_excepts (const char *valid)
{
  g_autoptr(GString) excepts = g_string_new (NULL);
  g_autoptr(GString) file = NULL;
  g_autofree char *activity = NULL;
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, G_DATE_JANUARY, 1950);
  for (guint i = 0; i < 50000; i++)
    {
      char iso[16];

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &d);
      g_string_append_printf (excepts, "<except>%s</except>", iso);
      g_date_add_days (&d, 1);
    }
  activity = g_strdup_printf (
    "      <activity id=\"5f0c2a1e-8d3b-4c6a-9e7f-1a2b3c4d5e64\" modified=\"2027-01-08T09:30:00.000000Z\">\n"
    "        <position>0</position>\n"
    "        <support-type>family</support-type>\n"
    "        <quantity>1</quantity>\n"
    "        <schedule kind=\"weekly\"><days>mon,tue,wed,thu,fri,sat,sun</days><start>09:00</start>"
    "<minutes>60</minutes><every>1</every><bank-holidays>default</bank-holidays>%s</schedule>\n"
    "        <funding>none</funding>\n"
    "        <share-ratio>1</share-ratio>\n"
    "        <discount-bp>0</discount-bp>\n"
    "        <free-units>0</free-units>\n"
    "        <disturbance-minutes>0</disturbance-minutes>\n"
    "      </activity>\n"
    "    </care-plan>", excepts->str);
  file = variant (valid, "    </care-plan>", activity, "", 0, "");
  feed ("(made) 50,000 <except> dates", (const uint8_t *) file->str, file->len);
}

static void
feed_generated (const char *valid_path)
{
  g_autofree char *valid = NULL;
  g_autofree char *spaces = g_strnfill (1000, ' ');
  g_autofree char *split = g_strconcat (spaces, "<!---->", NULL);
  g_autoptr(GString) attributes = g_string_new (NULL);
  g_autoptr(GString) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (valid_path, &valid, NULL, &error))
    {
      fprintf (stderr, "fuzz-replay: %s\n", error->message);
      exit (1);
    }
  feed_fifty_thousand_excepts (valid);

  for (guint i = 0; i < 90000; i++)
    g_string_append_printf (attributes, " a%u=\"\"", i);
  file = variant (valid, "<person ", "<person", attributes->str, 1, " ");
  feed ("(made) 90,000 attributes", (const uint8_t *) file->str, file->len);
  g_string_free (g_steal_pointer (&file), TRUE);

  file = variant (valid, "Sam Hostile", "Sam", split, 1100, "Hostile");
  feed ("(made) a name of 1.1 MB split by comments", (const uint8_t *) file->str, file->len);
}

int
main (int   argc,
      char *argv[])
{
  int i = 1;

  if (argc > 2 && g_str_equal (argv[1], "--generate"))
    i = 3;
  for (; i < argc; i++)
    feed_path (argv[i]);
  if (argc > 2 && g_str_equal (argv[1], "--generate"))
    feed_generated (argv[2]);

  if (fed == 0)
    {
      fprintf (stderr, "fuzz-replay: nothing to feed: name the corpus folders\n");
      return 1;
    }
  printf ("fuzz-replay: %u inputs fed, each one as libFuzzer would; none crashed\n", fed);
  return 0;
}
