#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when .ci/run no longer runs the README's test command word for word.
set -eu
top=${1:-.}
# the test command is the second fenced shell line in the README
readme_cmd=$(awk '/^```sh$/ { getline; n++; if (n == 2) { print; exit } }' "$top/README.md")
if [ -z "$readme_cmd" ]; then
  echo "README.md has no second \`\`\`sh block with the test command" >&2
  exit 1
fi
if ! grep -qxF "$readme_cmd" "$top/.ci/run"; then
  echo ".ci/run does not run the README's test command:" >&2
  echo "  $readme_cmd" >&2
  exit 1
fi
echo "ok: .ci/run runs the README's test command"
