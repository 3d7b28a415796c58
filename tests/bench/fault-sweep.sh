#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# fault-sweep.sh BESPOKE_CLI SOURCE_ROOT [EVERY]
#
# The I/O fault sweep of issue #12.  For each operation (a small import,
# an export, an edit, a backup) it first counts the write, pwrite64, fsync
# and fdatasync calls a clean run makes (the most any one thread makes:
# strace counts each thread's calls apart), then, for each N up to that
# count, runs the operation again with the N-th such call failing, once
# with ENOSPC and once with EIO:
#   strace -f --inject=write,pwrite64,fsync,fdatasync:error=ENOSPC:when=N
# and checks, for each run:
#   - it exits 0, or exits non-zero with a message naming the cause ("The
#     disk is full" and a path in the run's folder for ENOSPC, whichever
#     call failed, fsync and fdatasync included; an I/O error sentence for
#     EIO), unless the failed write was the message itself (then it cannot
#     be read);
#   - PRAGMA integrity_check is ok, and the database holds all of the
#     change or none of it (the row count of every table is the one before
#     or the one after a clean run);
#   - the core opens the database afterwards (bespoke-cli people);
#   - nothing is left behind: no temporary or partial file (beside the
#     database, or in TMPDIR), no partial export or backup, no -wal or -shm
#     after a failed run, and none after a success once the core has opened
#     and closed the database again (a success whose WAL could not be
#     folded in on closing keeps it, with the change: counted apart).
#
# With EVERY, only every EVERY-th of all those runs (the test suite's
# sampled sweep); without, all of them (the full sweep).  FAULT_SWEEP_OPS="import export" runs only those.  Prints a line per bad outcome and the counts: runs, successes,
# clean failures, bad outcomes.  Exits 1 if any outcome was bad.
#
#   sh tests/bench/fault-sweep.sh _build/src/bespoke-cli . 
set -u
cli="$1"
root="$2"
every="${3:-1}"
index=0

case "$cli" in /*) ;; *) cli="$(pwd)/$cli" ;; esac
case "$root" in /*) ;; *) root="$(pwd)/$root" ;; esac
for tool in strace sqlite3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "fault-sweep: $tool is not installed (build-aux/install-deps installs it): SKIP"
    exit 77
  fi
done
if ! strace -f -o /dev/null true 2>/dev/null; then
  echo "fault-sweep: strace cannot trace here (ptrace is not allowed): SKIP"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/bespoke-fault-sweep-XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
# the CLI's own settings and data stay in the work folder
export XDG_DATA_HOME="$work/xdg-data" XDG_CONFIG_HOME="$work/xdg-config" XDG_CACHE_HOME="$work/xdg-cache"
export GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8
# and its temporary files (an import's snapshot, …) in one watched folder
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
# LeakSanitizer cannot run under ptrace (STRACE_NO_LEAK_CHECK in
# tests/bespoke-test-util.h); the clean runs keep it off too, to compare
# like with like
calls=write,pwrite64,fsync,fdatasync
valid="$root/tests/fixtures/hostile/valid.xml"

"$cli" --database "$work/example.db" example >/dev/null || { echo "fault-sweep: bespoke-cli example failed" >&2; exit 2; }

runs=0 successes=0 clean=0 bad=0 lost=0 unaudited=0 unmarked=0 walkept=0

# the row count of every table, on one line.  The audit trail is left
# out: its entry is written after the change is committed, and when that
# fails the CLI warns ("could not be written to the audit trail") and
# exits 0, the change being saved (counted apart, below).
fingerprint () {
  tables=$(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'audit_log' ORDER BY name") || return 1
  for t in $tables; do
    printf '%s=%s ' "$t" "$(sqlite3 "$1" "SELECT count(*) FROM \"$t\"")"
  done
}

# operation OP DIR: runs OP's command line in DIR (the database is DIR/db)
op_args () {
  case "$1" in
    import) echo "import $valid" ;;
    export) echo "export Paul -o $2/out.bespoke" ;;
    edit)   echo "synth 3 --seed 5" ;;
    backup) echo "backup --folder $2/backups" ;;
  esac
}

fresh () {
  rm -rf "$1"
  mkdir -p "$1"
  cp "$work/example.db" "$1/db"
}

# the files a run may leave in DIR besides the database: the export
# (whole), the backups folder with whole backups in it
leftovers () {
  ( cd "$1" && find . -mindepth 1 ! -name db ! -name out.bespoke ! -path ./backups ! -path './backups/*.db' -print )
  find "$TMPDIR" -mindepth 1 -print
}

# outputs OP DIR: checks the export or the backup, if there is one
outputs_whole () {
  case "$1" in
    export)
      [ ! -e "$2/out.bespoke" ] || "$cli" validate "$2/out.bespoke" >/dev/null 2>&1 ;;
    backup)
      for b in "$2"/backups/*.db; do
        [ -e "$b" ] || continue
        [ "$(sqlite3 "$b" 'PRAGMA integrity_check')" = ok ] || return 1
      done ;;
  esac
}

has_output () {
  case "$1" in
    export) [ -e "$2/out.bespoke" ] ;;
    backup) ls "$2"/backups/*.db >/dev/null 2>&1 ;;
    *) true ;;
  esac
}

report_bad () {
  bad=$((bad + 1))
  echo "fault-sweep: BAD $1 --inject=$2: $3 (exit $4): $(head -c 300 "$5/err" | tr '\n' ' ')"
}

# one_run OP CALL ERROR N: OP with the N-th CALL failing with ERROR
one_run () {
  op=$1 call=$2 err=$3 n=$4
  dir="$work/run"
  fresh "$dir"
  rm -rf "$TMPDIR" && mkdir "$TMPDIR"
  runs=$((runs + 1))
  # shellcheck disable=SC2046
  strace -f -o "$dir.trace" -e trace=$calls -e inject=$call:error=$err:when=$n \
    "$cli" --database "$dir/db" $(op_args "$op" "$dir") >"$dir/out" 2>"$dir/err" </dev/null
  status=$?
  mv "$dir/out" "$dir.out"
  mv "$dir/err" "$dir.err"
  why=""
  [ "$status" -le 125 ] || why="killed or crashed"
  # SQLite's files beside the database, as the run left them (before
  # anything opens it again)
  journals=$(cd "$dir" && find . -maxdepth 1 -name 'db-*' | tr '\n' ' ')
  if [ -n "$journals" ]; then
    # a success whose WAL could not be folded into the database on closing
    # (its sync failed) keeps the WAL, and the change in it: the next open
    # folds it in.  A failure has nothing to keep.
    if [ "$status" -eq 0 ]; then walkept=$((walkept + 1)); else why="failed, and left $journals"; fi
  fi
  if [ -z "$why" ] && [ "$status" -ne 0 ]; then
    case "$err" in
      ENOSPC)
        # a failed fsync or fdatasync too: the store asks the file's own
        # errno (bespoke_sqlite_errno()), not only sqlite3_system_errno()
        grep -q "The disk is full" "$dir.err" || why="no “The disk is full”"
        # with the path: the database, the export or the backups folder
        [ -n "$why" ] || grep -qF "$dir/" "$dir.err" || why="“The disk is full” names no path" ;;
      EIO) grep -qiE "input/output error|reported an error|check the disk" "$dir.err" || why="no I/O error sentence" ;;
    esac
    if [ -n "$why" ] && grep -q '^[0-9]* *write(2, .*(INJECTED)' "$dir.trace"; then
      why="" ; lost=$((lost + 1))   # the failed write was the message itself
    fi
  fi
  [ -n "$why" ] || [ "$(sqlite3 "$dir/db" 'PRAGMA integrity_check' 2>&1)" = ok ] || why="integrity_check failed"
  if [ -z "$why" ]; then
    if [ "$status" -eq 0 ]; then
      fp=$(fingerprint "$dir/db")
      if [ "$fp" != "$after" ]; then
        # an export in place whose sync mark could not be recorded exits 0
        # with a warning (issue #12's choice): then none of the database's
        # change is there
        if [ "$op" = export ] && [ "$fp" = "$before" ] && grep -q "could not record the export" "$dir.err"; then
          unmarked=$((unmarked + 1))
        else
          why="exit 0, but not all of the change"
        fi
      fi
      has_output "$op" "$dir" || why="exit 0, but no output"
      if [ "$(sqlite3 "$dir/db" 'SELECT count(*) FROM audit_log')" != "$audited" ]; then
        if grep -q "audit trail" "$dir.err"; then unaudited=$((unaudited + 1)); else why="exit 0, no audit entry and no warning"; fi
      fi
    else
      [ "$(fingerprint "$dir/db")" = "$before" ] || why="failed, but part of the change (or all of it) is saved"
      case "$op" in export) [ ! -e "$dir/out.bespoke" ] || why="failed, but the export is there" ;; esac
    fi
  fi
  [ -n "$why" ] || outputs_whole "$op" "$dir" || why="a partial export or backup"
  [ -n "$why" ] || "$cli" --database "$dir/db" people >/dev/null 2>"$dir.open" || why="the core cannot open it: $(head -c 200 "$dir.open")"
  [ -n "$why" ] || [ -z "$(leftovers "$dir")" ] || why="left behind: $(leftovers "$dir" | tr '\n' ' ')"
  if [ -n "$why" ]; then
    mv "$dir.err" "$dir/err"
    report_bad "$op" "$call:error=$err:when=$n" "$why" "$status" "$dir"
  elif [ "$status" -eq 0 ]; then
    successes=$((successes + 1))
  else
    clean=$((clean + 1))
  fi
}

# (one_run sets dir, op, call, err and n: sh has no local variables, so
# the clean run's folder has a name of its own, which one_run leaves alone)
for op in ${FAULT_SWEEP_OPS:-import export edit backup}; do
  clean_dir="$work/clean"
  fresh "$clean_dir"
  before=$(fingerprint "$clean_dir/db")
  # shellcheck disable=SC2046
  strace -f -o "$clean_dir.trace" -e trace=$calls "$cli" --database "$clean_dir/db" $(op_args "$op" "$clean_dir") >/dev/null 2>&1 </dev/null ||
    { echo "fault-sweep: $op fails without a fault" >&2; exit 2; }
  after=$(fingerprint "$clean_dir/db")
  audited=$(sqlite3 "$clean_dir/db" 'SELECT count(*) FROM audit_log')
  # strace counts each system call apart, in each thread apart: "when=N"
  # fails the N-th write and the N-th fsync.  So each call is swept on its
  # own, up to the most any one thread makes: one fault a run.
  for call in write pwrite64 fsync fdatasync; do
    count=$(grep -E "^[0-9]+ +$call\\(" "$clean_dir.trace" | awk '{ print $1 }' | sort | uniq -c | sort -rn | awk 'NR == 1 { print $1 }')
    count=${count:-0}
    echo "fault-sweep: $op: $count ${call}s in its busiest thread"
    for err in ENOSPC EIO; do
      n=1
      while [ "$n" -le "$count" ]; do
        # the sampled sweep: every EVERY-th of all the runs, and the
        # database's middle pwrite64 failing with EIO (its message once said
        # only "… failed in the database: disk I/O error")
        if [ $((index % every)) -eq 0 ] ||
           { [ "$call.$err.$n" = "pwrite64.EIO.$((count / 2))" ] && [ "$op" = edit ]; }; then
          one_run "$op" "$call" "$err" "$n"
        fi
        index=$((index + 1))
        n=$((n + 1))
      done
    done
  done
done

echo "fault-sweep: $runs runs: $successes succeeded, $clean failed cleanly ($lost of them with the message itself lost), $bad bad outcomes"
echo "fault-sweep: of the successes, $unaudited warned that the audit trail could not be written, $unmarked that the export's sync mark could not be recorded, and $walkept kept their WAL (its fold into the database failed on closing; the next open folds it in)"
[ "$bad" -eq 0 ]
