#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-potfiles.sh [SOURCE_ROOT]
#
# Fails when po/POTFILES.in is out of date:
#  - a C file or header under src/, or a GtkBuilder file under ui/, has
#    translatable strings but is not listed;
#  - a desktop file, metainfo or GSettings schema under data/ is not listed;
#  - a listed file no longer exists.
# Run by `meson test --suite data` (the test is called "potfiles").
set -u

root="${1:-$(dirname "$0")/..}"
cd "$root" || exit 2

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
  echo "check-potfiles: $root/$potfiles does not exist" >&2
  exit 1
fi

listed=$(mktemp) || exit 2
trap 'rm -f "$listed" "$listed.missing"' EXIT INT TERM
# One path a line, without comments, blank lines or surrounding space.
sed -e 's/#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' \
  "$potfiles" | sort -u >"$listed"

status=0

is_listed () {
  grep -qxF "$1" "$listed"
}

# _("…"), N_("…"), C_("…", "…"), NC_(…), Q_(…), ngettext (…), g_dngettext (…)…
c_pattern='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2)[[:space:]]*\('
ui_pattern='translatable=["'"'"'](yes|true|1)["'"'"']'

missing () {
  echo "check-potfiles: $1 has translatable strings but is not in $potfiles" >&2
  status=1
}

for dir in src ui; do
  [ -d "$dir" ] || continue
  find "$dir" -type f \( -name '*.c' -o -name '*.h' \) | sort | while IFS= read -r f; do
    if grep -qE "$c_pattern" "$f" && ! is_listed "$f"; then
      echo "$f"
    fi
  done
  find "$dir" -type f -name '*.ui' | sort | while IFS= read -r f; do
    if grep -qE "$ui_pattern" "$f" && ! is_listed "$f"; then
      echo "$f"
    fi
  done
done >"$listed.missing"

if [ -d data ]; then
  find data -path data/migrations -prune -o -type f \
    \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' \) \
    -print | sort | while IFS= read -r f; do
    if ! is_listed "$f"; then
      echo "$f"
    fi
  done >>"$listed.missing"
fi

while IFS= read -r f; do
  missing "$f"
done <"$listed.missing"
rm -f "$listed.missing"

while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    echo "check-potfiles: $potfiles lists $f, which does not exist" >&2
    status=1
  fi
done <"$listed"

if [ "$status" -ne 0 ]; then
  echo "check-potfiles: add or remove the files above in $potfiles (paths relative to the top of the source tree)" >&2
else
  echo "check-potfiles: $potfiles lists $(wc -l <"$listed" | tr -d ' ') files, and every file with translatable strings"
fi
exit "$status"
