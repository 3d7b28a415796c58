/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "bespoke-cli-private.h"

/* The passphrase of a sealed file: the first line of --passphrase-file
 * FILE, or typed at the terminal with echo off.  It is never an argument,
 * which other users could read in the process list. */

static char *
first_line (const char  *contents,
            gsize        length)
{
  gsize end = 0;

  while (end < length && contents[end] != '\n' && contents[end] != '\r')
    end++;
  return g_strndup (contents, end);
}

static char *
read_passphrase_file (const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *passphrase;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  passphrase = first_line (contents, length);
  sodium_memzero (contents, length);
  if (*passphrase == '\0' || !g_utf8_validate (passphrase, -1, NULL))
    {
      g_free (passphrase);
      g_set_error (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                   _("The first line of “%s” is empty or is not text. Put the passphrase on the file’s first line, and try again."),
                   path);
      return NULL;
    }
  return passphrase;
}

/* One line from the terminal @fd, typed with echo off. */
static char *
ask (int          fd,
     const char  *prompt)
{
  struct termios saved, quiet;
  gboolean echo_off;
  GString *line = g_string_new (NULL);
  char c;

  if (write (fd, prompt, strlen (prompt)) < 0)
    {
      g_string_free (line, TRUE);
      return NULL;
    }
  echo_off = tcgetattr (fd, &saved) == 0;
  if (echo_off)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      quiet.c_lflag |= ECHONL;
      tcsetattr (fd, TCSAFLUSH, &quiet);
    }
  for (;;)
    {
      ssize_t n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || c == '\n' || c == '\r')
        break;
      g_string_append_c (line, c);
    }
  if (echo_off)
    tcsetattr (fd, TCSAFLUSH, &saved);
  return g_string_free (line, FALSE);
}

static void
forget (char *passphrase)
{
  if (passphrase != NULL)
    {
      sodium_memzero (passphrase, strlen (passphrase));
      g_free (passphrase);
    }
}

/**
 * bespoke_cli_read_passphrase:
 * @path: (nullable): --passphrase-file, or %NULL to ask at the terminal
 * @confirm: ask twice (when sealing)
 *
 * Returns: (transfer full): the passphrase; free it with
 *   bespoke_cli_forget_passphrase()
 */
char *
bespoke_cli_read_passphrase (const char  *path,
                             gboolean     confirm,
                             GError     **error)
{
  char *first, *again;
  int fd;

  if (path != NULL)
    return read_passphrase_file (path, error);

  fd = g_open ("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("There is no terminal to type the passphrase at. Give it with --passphrase-file FILE (the passphrase on the file’s first line)."));
      return NULL;
    }
  first = ask (fd, _("Passphrase: "));
  if (first != NULL && confirm && *first != '\0')
    {
      again = ask (fd, _("The same passphrase again: "));
      if (again == NULL || strcmp (first, again) != 0)
        {
          forget (first);
          first = NULL;
          g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                               _("The two passphrases are not the same. Nothing has been written. Try again."));
        }
      forget (again);
    }
  close (fd);
  if (first != NULL && *first == '\0')
    {
      forget (first);
      first = NULL;
      g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                           _("No passphrase was typed. Nothing has been changed. Try again, and type the passphrase."));
    }
  else if (first == NULL && error != NULL && *error == NULL)
    g_set_error_literal (error, BESPOKE_ERROR, BESPOKE_ERROR_INVALID,
                         _("The passphrase could not be read from the terminal. Give it with --passphrase-file FILE instead."));
  return first;
}

void
bespoke_cli_forget_passphrase (char *passphrase)
{
  forget (passphrase);
}
