#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion of bespoke-cli, called as bash calls it, on the
# example database: commands, a command's options, and person and home
# names (with a space in them, quoted for the shell).
set -u
src=$1 build=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bespoke-test-completion-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export PATH="$build/src:$PATH"
db=$tmp/c.db
bespoke-cli --database "$db" example >/dev/null || { echo "could not make the example database"; exit 1; }
. "$src/data/completions/bespoke-cli"

fails=0
complete_line () {   # words…: the last is the word being completed
  COMP_WORDS=("$@")
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
  COMPREPLY=()
  _bespoke_cli
  printf '%s\n' "${COMPREPLY[@]}"
}
expect () {          # what, got, expected
  if [[ "$2" != "$3" ]]; then
    echo "FAIL: $1: got [$2], expected [$3]"; fails=$((fails + 1))
  else
    echo "ok: $1"
  fi
}

expect "commands from 'co'" "$(complete_line bespoke-cli co)" "cost"
expect "commands from 'ex'" "$(complete_line bespoke-cli ex | sort | tr '\n' ' ')" "example export "
expect "options of cost" "$(complete_line bespoke-cli --database "$db" cost Paul --c)" "--csv"
expect "options of import" "$(complete_line bespoke-cli import f.bespoke --d)" "--dry-run"
expect "a person from 'Pa'" "$(complete_line bespoke-cli --database "$db" cost Pa)" 'Paul\ Roberts'
expect "a home from 'Oa'" "$(complete_line bespoke-cli --database "$db" isf Oa)" 'Oak\ House'
expect "no person from 'Zz'" "$(complete_line bespoke-cli --database "$db" show Zz)" ""
expect "nations" "$(complete_line bespoke-cli holidays --nation sc)" "scotland"
exit $(( fails > 0 ))
