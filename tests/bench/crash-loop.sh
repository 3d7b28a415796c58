#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# crash-loop.sh [BUILD_DIR] [KILLS] [SEED]
#
# The crash loop of issue #12 at length: BUILD_DIR/tests/test-crash-loop
# (the suite's test, with the same checks) SIGKILLs KILLS runs (1000 by
# default) of an import, an export, a sealed export, a series of edits and
# a backup at random moments, and after each run checks integrity_check,
# that the database opens (the core, then bespoke-cli's next start), that
# every acknowledged write is there and nothing is half done, and that no
# temporary file remains after the next start.  Unlike the suite, the
# sealed exports here are bespoke-cli export --passphrase-file, with
# Bespoke's own Argon2id limits (about a second each).  SEED (random if not
# given) repeats the same operations and moments.
#
# Prints the counts: kills (and of which operation), kills in the middle
# of writing (the database, its WAL or a temporary file had changed when
# the kill came), runs that finished before their kill and how many of
# those failed, integrity failures, failures to open, lost or half-done
# acknowledged writes, temporary files left; then the reference figures.
# Exits 1 if any of those failures is not 0.
#
#   nice -n 10 bash tests/bench/crash-loop.sh _build 1000
set -u
build="${1:-_build}"
kills="${2:-1000}"
seed="${3:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
test="$build/tests/test-crash-loop"

if [ ! -x "$test" ]; then
  echo "crash-loop: $test is not built (ninja -C $build tests/test-crash-loop tests/crash-edit src/bespoke-cli)" >&2
  exit 2
fi
log=$(mktemp "${TMPDIR:-/tmp}/bespoke-crash-loop-XXXXXX.log") || exit 2
trap 'rm -f "$log"' EXIT INT TERM

echo "crash-loop: $kills kills, seed $seed, $test"
start=$(date +%s)
# the suite's environment (tests/meson.build); the test isolates its own
# folders and those of its children
env G_DEBUG=fatal-warnings GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 LC_ALL=C.UTF-8 \
    BESPOKE_CRASH_KILLS="$kills" BESPOKE_CRASH_SEED="$seed" BESPOKE_CRASH_SEAL=cli \
    "$test" --tap > "$log" 2>&1
status=$?
end=$(date +%s)

# what went wrong, as the test said it (its calibration lines are not)
grep '^# ' "$log" | grep -v -e '^# crash loop' -e '^# \(import\|export\|sealed export\|edits\|backup\): ' \
    -e '^# Start of' -e '^# End of' -e '^# random seed' -e '^# GLib-DEBUG' | head -40
summary=$(grep '^# crash loop, seed' "$log")
if [ -z "$summary" ]; then
  echo "crash-loop: the test stopped before its summary (exit $status):"
  tail -20 "$log"
  exit 1
fi

# "# crash loop, seed S, T s: K kills (import a, export b, sealed export c
# through bespoke-cli, edits d, backup e), M in the middle of writing; F
# runs finished first, X of them failed; I integrity failures, O failures
# to open, L lost or half-done writes, N temporary files left"
count () { echo "$summary" | grep -o "[0-9]* $1" | head -1 | cut -d' ' -f1; }
echo "kills:                               $(count kills)"
echo "  by operation:                      $(echo "$summary" | sed -n 's/.*kills (\([^)]*\)).*/\1/p')"
echo "kills mid-write:                     $(count 'in the middle')"
echo "runs that finished before the kill:  $(count 'runs finished') ($(count 'of them failed') of them failed)"
echo "integrity failures:                  $(count 'integrity failures')"
echo "failures to open:                    $(count 'failures to open')"
echo "lost or half-done acknowledged writes: $(count 'lost or')"
echo "temporary files left:                $(count 'temporary files left')"
echo "wall time:                           $((end - start)) s"
echo "reference (issue #12, main at 9f455de, imports only): 1000 kills, 954 mid-write, 0 integrity failures, 0 lost acknowledged writes"
exit $([ "$status" -eq 0 ] && echo 0 || echo 1)
