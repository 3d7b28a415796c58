#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The XML exchange against SQLite's own dump and restore, on a synthetic
# database (issue #5):
#
#   export --all     vs  sqlite3 DB .dump > /dev/null      target ≤ 1.5×
#   import (empty)   vs  sqlite3 EMPTY < dump.sql          target ≤ 3×
#
# and peak RSS of bespoke-cli at N people and at N/10 people, which should
# be about the same (memory flat in the size of the database).  Prints the
# median of RUNS runs of each, wall-clock and CPU: the dump goes to
# /dev/null while the export writes (and syncs) a real file, so the CPU
# figures compare the work, the wall-clock ones what a user waits for.
# Not part of `meson test`: run it by hand.
#
#   tests/bench/bench-xml.sh _build [N] [RUNS]
#   BESPOKE_BENCH_DB=big.db BESPOKE_BENCH_SMALL_DB=small.db tests/bench/bench-xml.sh _build 100000 1
set -eu
build=${1:-_build}
n=${2:-100000}
runs=${3:-3}
cli="$build/src/bespoke-cli"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# prints "wall-seconds peak-kB cpu-seconds" for the command, its stdout
# thrown away
measure () {
  /usr/bin/time -f "%e %M %U %S" -o "$dir/time" "$@" >/dev/null
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$dir/time"
}

median () {
  sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

# BESPOKE_BENCH_DB and BESPOKE_BENCH_SMALL_DB name databases of N and N/10
# synthetic people made earlier (synth takes 40 s at 100,000); they are
# copied, never changed.
if [ -n "${BESPOKE_BENCH_DB:-}" ] && [ -n "${BESPOKE_BENCH_SMALL_DB:-}" ]; then
  echo "Copying $BESPOKE_BENCH_DB and $BESPOKE_BENCH_SMALL_DB…"
  sqlite3 "$BESPOKE_BENCH_DB" ".backup '$dir/big.db'"
  sqlite3 "$BESPOKE_BENCH_SMALL_DB" ".backup '$dir/small.db'"
else
  echo "Making $n synthetic people (and $((n / 10)) for the memory comparison)…"
  "$cli" --database "$dir/big.db" synth "$n" >/dev/null
  "$cli" --database "$dir/small.db" synth $((n / 10)) >/dev/null
fi
sqlite3 "$dir/big.db" .dump >"$dir/dump.sql"

: >"$dir/export"; : >"$dir/dump"; : >"$dir/import"; : >"$dir/restore"
for run in $(seq "$runs"); do
  measure "$cli" --database "$dir/big.db" export --all -o "$dir/big.bespoke" >>"$dir/export"
  measure sqlite3 "$dir/big.db" .dump >>"$dir/dump"
  rm -f "$dir/in.db" "$dir/in.db-wal" "$dir/in.db-shm"
  measure "$cli" --database "$dir/in.db" import "$dir/big.bespoke" >>"$dir/import"
  rm -f "$dir/restored.db"
  measure sh -c "sqlite3 '$dir/restored.db' < '$dir/dump.sql'" >>"$dir/restore"
done

measure "$cli" --database "$dir/small.db" export --all -o "$dir/small.bespoke" >"$dir/export-small"
rm -f "$dir/in-small.db"
measure "$cli" --database "$dir/in-small.db" import "$dir/small.bespoke" >"$dir/import-small"

export_cpu=$(cut -d' ' -f3 "$dir/export" | median)
dump_cpu=$(cut -d' ' -f3 "$dir/dump" | median)
import_cpu=$(cut -d' ' -f3 "$dir/import" | median)
restore_cpu=$(cut -d' ' -f3 "$dir/restore" | median)
export_s=$(cut -d' ' -f1 "$dir/export" | median)
dump_s=$(cut -d' ' -f1 "$dir/dump" | median)
import_s=$(cut -d' ' -f1 "$dir/import" | median)
restore_s=$(cut -d' ' -f1 "$dir/restore" | median)
export_kb=$(cut -d' ' -f2 "$dir/export" | sort -n | tail -1)
import_kb=$(cut -d' ' -f2 "$dir/import" | sort -n | tail -1)
export_small_kb=$(cut -d' ' -f2 "$dir/export-small")
import_small_kb=$(cut -d' ' -f2 "$dir/import-small")
db_mb=$(du -m "$dir/big.db" | cut -f1)
xml_mb=$(du -m "$dir/big.bespoke" | cut -f1)
dump_mb=$(du -m "$dir/dump.sql" | cut -f1)

python3 - "$n" "$runs" "$export_s" "$dump_s" "$import_s" "$restore_s" \
  "$export_kb" "$import_kb" "$export_small_kb" "$import_small_kb" "$db_mb" "$xml_mb" "$dump_mb" \
  "$export_cpu" "$dump_cpu" "$import_cpu" "$restore_cpu" <<'PY'
import sys
n, runs = int(sys.argv[1]), int(sys.argv[2])
exc, duc, imc, rec = map(float, sys.argv[14:18])
ex, du, im, re = map(float, sys.argv[3:7])
ex_kb, im_kb, ex_small, im_small = map(int, sys.argv[7:11])
db_mb, xml_mb, dump_mb = sys.argv[11:14]
print(f"{n:,} people: database {db_mb} MB, export {xml_mb} MB, SQL dump {dump_mb} MB; median of {runs} runs")
print(f"export --all     {ex:8.2f} s   sqlite3 .dump     {du:8.2f} s   ratio {ex / du:5.2f}  (target ≤ 1.5)")
print(f"import (empty)   {im:8.2f} s   restore the dump  {re:8.2f} s   ratio {im / re:5.2f}  (target ≤ 3)")
print(f"CPU (user + system): export {exc:.2f} s / dump {duc:.2f} s = {exc / duc:.2f};"
      f" import {imc:.2f} s / restore {rec:.2f} s = {imc / rec:.2f}")
print(f"peak RSS, export: {ex_kb / 1024:7.1f} MB at {n:,} people, {ex_small / 1024:7.1f} MB at {n // 10:,}"
      f"  (×{ex_kb / ex_small:.2f} for ×10 the data)")
print(f"peak RSS, import: {im_kb / 1024:7.1f} MB at {n:,} people, {im_small / 1024:7.1f} MB at {n // 10:,}"
      f"  (×{im_kb / im_small:.2f} for ×10 the data)")
PY
