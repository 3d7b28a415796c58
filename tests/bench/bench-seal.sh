#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sealed exchange files against unsealed ones (issue #12), on a synthetic
# database of N people:
#
#   export --all --seal   vs  export --all     target ≤ 1.3×
#   import (sealed)       vs  import           target ≤ 1.3×
#
# each into a new empty database, with bespoke-cli's peak RSS, which should
# stay flat: sealing streams in 256 KiB chunks, and Argon2id takes its
# 256 MiB once, for the key.  Prints the median of RUNS runs, wall-clock
# and CPU.  Not part of `meson test`: run it by hand, e.g.
#
#   tests/bench/bench-seal.sh _build [N] [RUNS]
#   BESPOKE_BENCH_DB=big.db tests/bench/bench-seal.sh _build 100000 1
#
# Its scratch folder is BESPOKE_BENCH_DIR (default: a new one under
# $TMPDIR); the exports of 100,000 people take 2 × 1.3 GB there.
set -eu
build=${1:-_build}
n=${2:-100000}
runs=${3:-3}
cli="$build/src/bespoke-cli"
dir=$(mktemp -d "${BESPOKE_BENCH_DIR:-${TMPDIR:-/tmp}}/bespoke-bench-seal-XXXXXX")
trap 'rm -rf "$dir"' EXIT
# the private folder of the sealed import's plain text, inside the scratch
# folder, so that it is removed with it
export XDG_CACHE_HOME="$dir/cache"

measure () {
  /usr/bin/time -f "%e %M %U %S" -o "$dir/time" "$@" >/dev/null
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$dir/time"
}

median () {
  sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

if [ -n "${BESPOKE_BENCH_DB:-}" ]; then
  echo "Copying $BESPOKE_BENCH_DB…"
  sqlite3 "$BESPOKE_BENCH_DB" ".backup '$dir/big.db'"
else
  echo "Making $n synthetic people…"
  "$cli" --database "$dir/big.db" synth "$n" >/dev/null
fi
echo "tulip moon harp kettle" >"$dir/pass"

: >"$dir/export"; : >"$dir/sealed-export"; : >"$dir/import"; : >"$dir/sealed-import"
for run in $(seq "$runs"); do
  measure "$cli" --database "$dir/big.db" export --all -o "$dir/plain.bespoke" >>"$dir/export"
  measure "$cli" --database "$dir/big.db" export --all --seal --passphrase-file "$dir/pass" -o "$dir/sealed.bespoke" >>"$dir/sealed-export"
  rm -f "$dir/in.db" "$dir/in.db-wal" "$dir/in.db-shm"
  measure "$cli" --database "$dir/in.db" import "$dir/plain.bespoke" >>"$dir/import"
  rm -f "$dir/in.db" "$dir/in.db-wal" "$dir/in.db-shm"
  measure "$cli" --database "$dir/in.db" import "$dir/sealed.bespoke" --passphrase-file "$dir/pass" >>"$dir/sealed-import"
done

col () { awk -v c="$1" '{ print $c }' "$dir/$2" | median; }
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

plain_size=$(stat -c %s "$dir/plain.bespoke")
sealed_size=$(stat -c %s "$dir/sealed.bespoke")
echo "Files: $plain_size bytes unsealed, $sealed_size sealed"
for what in export import; do
  wall=$(col 1 "$what"); swall=$(col 1 "sealed-$what")
  cpu=$(col 3 "$what"); scpu=$(col 3 "sealed-$what")
  rss=$(col 2 "$what"); srss=$(col 2 "sealed-$what")
  echo "$what: unsealed ${wall} s (CPU ${cpu} s, peak ${rss} kB); sealed ${swall} s (CPU ${scpu} s, peak ${srss} kB)"
  echo "  sealed / unsealed: wall $(ratio "$swall" "$wall")×, CPU $(ratio "$scpu" "$cpu")× (target ≤ 1.3×)"
done
