/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the money parser and arithmetic (bespoke-money.h).
 *
 * The whole input is text for bespoke_money_parse(): what it accepts must
 * format and parse back to the same pence.  The first 16 bytes, if there
 * are as many, are also two gint64s for the arithmetic, checked against
 * what each function promises: add and multiply give the exact result or
 * an error, never a wrap; div_round rounds half away from zero and
 * saturates only for G_MININT64 / -1 (found by fuzzing, issue #12). */
#define G_LOG_DOMAIN "bespoke-fuzz-money"

#include "bespoke-money.h"
#include "fuzz-util.h"

static void
check_parse (const uint8_t *data,
             size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr(GError) error = NULL;
  gint64 pence = 0x5eed;
  gboolean ok = bespoke_money_parse (text, &pence, &error);

  fuzz_assert_refused (ok, error);
  if (!ok)
    fuzz_assert (pence == 0x5eed);  /* untouched on error */
  else
    {
      g_autofree char *formatted = bespoke_money_format (pence);
      g_autoptr(GError) again_error = NULL;
      gint64 again = 0;

      fuzz_assert (bespoke_money_parse (formatted, &again, &again_error));
      fuzz_assert (again == pence);
    }
}

static void
check_div_round (gint64 n,
                 gint64 d)
{
  gint64 q = bespoke_money_div_round (n, d);
  __int128 rest = (__int128) n - (__int128) q * d;
  __int128 abs_rest = rest < 0 ? -rest : rest;
  __int128 abs_d = d < 0 ? -(__int128) d : (__int128) d;

  if (n == G_MININT64 && d == -1)
    {
      fuzz_assert (q == G_MAXINT64);
      return;
    }
  /* the nearest whole quotient … */
  fuzz_assert (abs_rest * 2 <= abs_d);
  /* … and on a tie, the one further from zero */
  if (abs_rest * 2 == abs_d)
    {
      __int128 qd = (__int128) q * d;
      __int128 abs_qd = qd < 0 ? -qd : qd;
      __int128 abs_n = n < 0 ? -(__int128) n : (__int128) n;

      fuzz_assert (abs_qd >= abs_n);
    }
}

static void
check_arithmetic (const uint8_t *data)
{
  gint64 a, b, sum = 0, product = 0, expected;
  g_autoptr(GError) add_error = NULL;
  g_autoptr(GError) multiply_error = NULL;
  gboolean ok;

  memcpy (&a, data, sizeof a);
  memcpy (&b, data + sizeof a, sizeof b);

  ok = bespoke_money_add (a, b, &sum, &add_error);
  fuzz_assert_refused (ok, add_error);
  fuzz_assert (ok == !__builtin_add_overflow (a, b, &expected));
  fuzz_assert (!ok || sum == expected);

  ok = bespoke_money_multiply (a, b, &product, &multiply_error);
  fuzz_assert_refused (ok, multiply_error);
  fuzz_assert (ok == !__builtin_mul_overflow (a, b, &expected));
  fuzz_assert (!ok || product == expected);

  if (b != 0)
    check_div_round (a, b);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();
  check_parse (data, size);
  if (size >= 2 * sizeof (gint64))
    check_arithmetic (data);
  return 0;
}
