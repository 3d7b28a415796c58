#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-sizes.sh [SOURCE_ROOT]
#
# Keeps the code in pieces a person can hold in their head (issue #11):
#  - no C file under src/ is longer than 1,000 lines;
#  - no function is longer than 120 lines, counted from the `{` that opens
#    it in column 0 to the `}` that closes it in column 0;
#  - nothing under src/core/ includes GTK or libadwaita;
#  - nothing under src/docs/ does either (GdkPixbuf, which is not GTK, is
#    allowed): the documents are drawn the same with no display.
# Run by `meson test --suite data` (the test is called "sizes").
set -u
root="${1:-$(dirname "$0")/..}"
cd "$root" || exit 2
status=0

for f in $(find src -name '*.c' | sort); do
  lines=$(wc -l <"$f")
  if [ "$lines" -gt 1000 ]; then
    echo "check-sizes: $f has $lines lines; split it by responsibility (at most 1,000)" >&2
    status=1
  fi
  awk -v file="$f" '
    /^\{/ { start = FNR; name = prev }
    /^\}/ && start {
      n = FNR - start + 1
      if (n > 120) {
        printf "check-sizes: %s:%d: %s is %d lines long (at most 120)\n", file, start, name, n > "/dev/stderr"
        bad = 1
      }
      start = 0
    }
    /^[a-z_A-Z].*\(/ { prev = $0 }
    END { exit bad }
  ' "$f" || status=1
done

if grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|adwaita)' src/core >&2; then
  echo "check-sizes: src/core must never include GTK or libadwaita (above)" >&2
  status=1
fi

if grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk/|gdk\.h|adwaita)' src/docs >&2; then
  echo "check-sizes: src/docs must never include GTK or libadwaita (above): it draws with Pango and Cairo" >&2
  status=1
fi

[ "$status" -eq 0 ] && echo "check-sizes: every file and function is within its size; the core and the documents have no GTK"
exit "$status"
