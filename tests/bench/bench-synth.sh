#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `bespoke-cli synth N` into a new database and prints the figure
# against issue #2's reference: 100,000 people in under a minute.
#
#   tests/bench/bench-synth.sh _build [N]
set -eu
build=${1:-_build}
n=${2:-100000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

start=$(date +%s.%N)
"$build/src/bespoke-cli" --database "$dir/synth.db" synth "$n" >/dev/null
end=$(date +%s.%N)
size=$(du -m "$dir/synth.db" | cut -f1)
python3 - "$start" "$end" "$n" "$size" <<'PY'
import sys
start, end, n, size = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
secs = end - start
reference = 60.0 * n / 100000
print(f"synth {n} people: {secs:.1f} s ({n / secs:,.0f} people/s), database {size} MB")
print(f"ratio to the reference ({reference:.0f} s for {n} people): {secs / reference:.2f}")
PY
