#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the convergence test (tests/test-convergence.c) for many seeds:
# three replicas, hundreds of random operations each, files exchanged in
# random order until quiet, byte-identical exports, no deleted record back.
# Prints how many seeds passed and the time per seed.
#
#   tests/bench/convergence-seeds.sh _build [FIRST-LAST]   (default 1-200)
set -eu
build=${1:-_build}
seeds=${2:-1-200}
first=${seeds%-*}
last=${seeds#*-}
start=$(date +%s.%N)
status=0
BESPOKE_CONVERGENCE_SEEDS="$seeds" G_TEST_SRCDIR="$(dirname "$0")/.." G_DEBUG=fatal-warnings \
  "$build/tests/test-convergence" --tap >"${TMPDIR:-/tmp}/convergence-$$.tap" 2>&1 || status=$?
end=$(date +%s.%N)
passed=$(grep -c '^ok ' "${TMPDIR:-/tmp}/convergence-$$.tap" || true)
grep -E '^(not ok|Bail out)' "${TMPDIR:-/tmp}/convergence-$$.tap" || true
rm -f "${TMPDIR:-/tmp}/convergence-$$.tap"
python3 - "$start" "$end" "$first" "$last" "$passed" <<'PY'
import sys
start, end, first, last, passed = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
n = last - first + 1
print(f"convergence: {passed} of {n} seeds ({first}-{last}) converged, {(end - start) / n:.2f} s a seed")
PY
exit $status
