#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Start-up benchmark: the time from starting a program to its first painted
# frame (with the people list filled), and its peak memory, side by side for
#   - a minimal AdwApplicationWindow, built here from minimal-window.c;
#   - Bespoke on the example database;
#   - Bespoke on a database of 100,000 people (bespoke-cli synth 100000).
# Each program quits right after its first frame (Bespoke's hidden
# --exit-after-first-frame); the median of RUNS runs is printed, with the
# ratios against the targets: Bespoke on the example data at most 1.25 times
# the minimal window, and on 100,000 people at most 1.10 times that again.
#
# It runs under Xvfb with GSK_RENDERER=cairo (starting its own xvfb-run and
# dbus-run-session).  It is a benchmark, not a test: it prints figures and
# is not registered with meson test.
#
# Usage: tests/bench/bench-startup.sh [BUILD_DIR]     (default: _build)
#        RUNS=7 (the default) sets the number of timed runs of each.
#        BIG_DB=FILE uses FILE, made before with `bespoke-cli --database FILE
#        synth 100000`, instead of making one (which takes about a minute
#        and 840 MB each time).  Bespoke opens it as usual, so the untimed
#        warm-up run updates its schema if it is older.

set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-_build}" && pwd)
runs=${RUNS:-7}

if [ -z "${BESPOKE_BENCH_INSIDE:-}" ]; then
  exec env BESPOKE_BENCH_INSIDE=1 xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$0" "$build"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bespoke-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

export GSK_RENDERER=cairo
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/data"
export NO_AT_BRIDGE=1
export LC_ALL=C.UTF-8
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"

echo "Building the minimal window…"
cc -O2 -o "$tmp/minimal-window" "$here/minimal-window.c" $(pkg-config --cflags --libs libadwaita-1)

echo "Making the example database…"
"$build/src/bespoke-cli" --database "$tmp/example.db" example >/dev/null

if [ -n "${BIG_DB:-}" ]; then
  [ -f "$BIG_DB" ] || { echo "BIG_DB: no file “$BIG_DB”" >&2; exit 1; }
  big_db=$BIG_DB
  echo "Using the database of 100,000 people in $big_db"
else
  big_db="$tmp/100k.db"
  echo "Making a database of 100,000 people (about a minute)…"
  start=$(date +%s)
  "$build/src/bespoke-cli" --database "$big_db" synth 100000 >/dev/null
  echo "  made in $(( $(date +%s) - start )) s"
fi

# Peak RSS: /usr/bin/time -v (Debian's `time` package) if it is there.
if [ -x /usr/bin/time ]; then
  have_time=1
else
  have_time=
  echo "(/usr/bin/time is not installed, so there is no peak RSS: apt-get install time)"
fi

# measure NAME COMMAND…: RUNS timed runs after one warm-up; writes
# $tmp/NAME.ms (milliseconds, one a line) and $tmp/NAME.kb (peak RSS in KiB).
measure () {
  name=$1
  shift
  "$@" >/dev/null 2>&1 || { echo "$name: “$*” failed" >&2; exit 1; }
  : > "$tmp/$name.ms"
  : > "$tmp/$name.kb"
  i=0
  while [ "$i" -lt "$runs" ]; do
    t0=$(date +%s%N)
    if [ -n "$have_time" ]; then
      /usr/bin/time -v -o "$tmp/$name.time" "$@" >/dev/null 2>&1
    else
      "$@" >/dev/null 2>&1
    fi
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 )) >> "$tmp/$name.ms"
    if [ -n "$have_time" ]; then
      sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/$name.time" >> "$tmp/$name.kb"
    fi
    i=$((i + 1))
  done
}

median () {
  sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

echo "Timing $runs runs of each…"
measure minimal "$tmp/minimal-window"
measure example "$build/src/bespoke" --exit-after-first-frame --database "$tmp/example.db"
measure synth "$build/src/bespoke" --exit-after-first-frame --database "$big_db"

m_min=$(median "$tmp/minimal.ms"); m_ex=$(median "$tmp/example.ms"); m_big=$(median "$tmp/synth.ms")
r_min=$(median "$tmp/minimal.kb"); r_ex=$(median "$tmp/example.kb"); r_big=$(median "$tmp/synth.kb")

echo
printf '%-34s %12s %16s\n' "Start-up to the first frame" "median (ms)" "peak RSS (MiB)"
for row in "minimal AdwApplicationWindow:$m_min:$r_min" \
           "Bespoke, example database:$m_ex:$r_ex" \
           "Bespoke, 100,000 people:$m_big:$r_big"; do
  label=${row%%:*}; rest=${row#*:}; ms=${rest%%:*}; kb=${rest#*:}
  if [ "$kb" = "-" ]; then mib="-"; else mib=$(awk -v kb="$kb" 'BEGIN { printf "%.1f", kb / 1024 }'); fi
  printf '%-34s %12s %16s\n' "$label" "$ms" "$mib"
done
echo
echo "Each run, in ms:"
printf '  minimal: %s\n  example: %s\n  100,000: %s\n' \
  "$(tr '\n' ' ' < "$tmp/minimal.ms")" "$(tr '\n' ' ' < "$tmp/example.ms")" "$(tr '\n' ' ' < "$tmp/synth.ms")"
echo "Load: $(uptime)"
echo
awk -v min="$m_min" -v ex="$m_ex" -v big="$m_big" 'BEGIN {
  a = ex / min; b = big / ex;
  printf "example ÷ minimal:  %.2f×  (target ≤ 1.25×)  %s\n", a, (a <= 1.25 ? "met" : "NOT MET");
  printf "100,000 ÷ example:  %.2f×  (target ≤ 1.10×)  %s\n", b, (b <= 1.10 ? "met" : "NOT MET");
}'
