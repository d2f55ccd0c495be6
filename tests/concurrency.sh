#!/usr/bin/env bash
# Two newsgraph processes and one output directory or store, and runs
# killed in the middle of a write (issue 10):
#  - a run that finds the output directory or the store locked by another
#    exits with status 3 naming that process's PID, and writes nothing;
#    with --wait it waits, and the files of a document are all of one run;
#  - SIGTERM and SIGINT during a write leave no temporary file (exit 143,
#    130); SIGKILL leaves them, and the next run into the directory removes
#    those of dead processes, not those of live ones.
# No timings: a process is known to hold a lock when its lock file names
# it (it reads its input from a pipe the test has not written yet), and to
# be writing when its temporary files are there.
#
# Usage: concurrency.sh NEWSGRAPH SOURCE_DIR
set -u
NG=${1:?usage: concurrency.sh NEWSGRAPH SOURCE_DIR}
case $NG in /*) ;; *) NG="$PWD/$NG" ;; esac
[ -x "$NG" ] || {
  echo "concurrency.sh: cannot run $NG" >&2
  exit 1
}

passed=0 failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ng-conc-XXXXXX") || exit 1
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  rm -rf "$TMP"
}
trap cleanup EXIT
cd "$TMP" || exit 1

ok() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "concurrency.sh: FAIL: $*" >&2
}
check() {
  local what=$1
  shift
  if "$@"; then ok; else fail "$what"; fi
}
lines() { wc -l <"$1" | tr -d ' '; }
# hidden DIR: the hidden entries of DIR
hidden() { find "$1" -mindepth 1 -maxdepth 1 -name '.*' -printf '%f ' 2>/dev/null; }

# until_true TRIES COMMAND...: run COMMAND every 20 ms until it succeeds;
# fails after TRIES tries.  (A bound on waiting, not a timing.)
until_true() {
  local n=$1
  shift
  while [ "$n" -gt 0 ]; do
    "$@" && return 0
    n=$((n - 1))
    sleep 0.02
  done
  return 1
}
holds() { [ "$(cat "$1" 2>/dev/null)" = "$2" ]; }

printf 'Anna Petrova met Mark Olsen in Oslo on Monday.\n' >first.txt
printf 'Lena Berg, director of the Harbour Institute, visited Bergen on Friday.\n' >second.txt
printf 'Piotr Novak spoke in Vienna.\n' >third.txt

# ---- the output directory ------------------------------------------------------------
# holder: a run whose input is a FIFO with a writer (fd 3) that has written
# nothing yet: it takes the lock, then waits for its text.
mkfifo text.fifo
exec 3<>text.fifo
"$NG" -q -o out --name story - <text.fifo 2>holder.err 3>&- &
holder=$!
pids+=("$holder")
check "dir: the holder takes the lock" until_true 1500 holds out/.newsgraph.lock "$holder"

"$NG" -q -o out --name story second.txt >b.out 2>b.err 3>&-
rc=$?
check "dir: a second run exits 3, got $rc" test "$rc" -eq 3
check "dir: one line: $(cat b.err)" test "$(lines b.err)" -eq 1
check "dir: it names the directory and the holder's PID: $(cat b.err)" \
  grep -qE "^newsgraph: out: locked by another newsgraph process \(PID $holder\)" b.err
check "dir: it points at --wait" grep -qF -- "--wait" b.err
check "dir: it wrote nothing: $(ls -A out | tr '\n' ' ')" test "$(ls -A out)" = ".newsgraph.lock"
check "dir: the lock is still the holder's" holds out/.newsgraph.lock "$holder"

# a run with --wait waits, then writes its document whole
"$NG" -o out --wait --name story second.txt >w.out 2>w.err 3>&- &
waiter=$!
pids+=("$waiter")
check "dir: the waiter says whom it waits for" until_true 1500 grep -qF "(PID $holder); waiting" w.err
printf 'Anna Petrova met Mark Olsen in Oslo on Monday.\n' >&3
exec 3>&-
wait "$holder"
check "dir: the holder exits 0 ($(cat holder.err))" test $? -eq 0
wait "$waiter"
check "dir: the waiter exits 0 ($(cat w.err))" test $? -eq 0
"$NG" -q -o ref-second --name story second.txt
same=0
for f in ref-second/*; do cmp -s "$f" "out/${f##*/}" && same=$((same + 1)); done
check "dir: all eight files are the waiter's, got $same" test "$same" -eq 8
check "dir: no hidden file left: $(hidden out)" test -z "$(hidden out)"

# many runs with --wait, two texts under one name: every set of files is
# whole (before the lock: a mix of both runs in 14 of 20 tries)
"$NG" -q -o ref-first --name story first.txt
rm -rf many
for i in $(seq 1 12); do
  if [ $((i % 2)) -eq 0 ]; then in=first.txt; else in=second.txt; fi
  "$NG" -q -o many --wait --name story "$in" 2>>many.err &
  pids+=("$!")
done
wait
check "many: no errors: $(head -3 many.err)" test ! -s many.err
whole=0
for ref in ref-first ref-second; do
  same=0
  for f in "$ref"/*; do cmp -s "$f" "many/${f##*/}" && same=$((same + 1)); done
  [ "$same" -eq 8 ] && whole=1
done
check "many: the eight files are all of one run" test "$whole" -eq 1
check "many: no hidden file left: $(hidden many)" test -z "$(hidden many)"

# ---- the store ---------------------------------------------------------------------------
exec 3<>text.fifo
"$NG" -q --store kg.db --name alpha - <text.fifo 2>sholder.err 3>&- &
sholder=$!
pids+=("$sholder")
check "store: the holder takes the lock" until_true 1500 holds kg.db.lock "$sholder"
"$NG" -q --store kg.db --name beta second.txt >sb.out 2>sb.err 3>&-
rc=$?
check "store: a second run exits 3, got $rc" test "$rc" -eq 3
check "store: it names the store and the PID: $(cat sb.err)" \
  grep -qE "^newsgraph: kg.db: locked by another newsgraph process \(PID $sholder\)" sb.err
"$NG" -q --store kg.db --wait --name beta second.txt 2>sw.err 3>&- &
swaiter=$!
pids+=("$swaiter")
printf 'Anna Petrova met Mark Olsen in Oslo on Monday.\n' >&3
exec 3>&-
wait "$sholder"
check "store: the holder exits 0 ($(cat sholder.err))" test $? -eq 0
wait "$swaiter"
check "store: the waiter exits 0 ($(cat sw.err))" test $? -eq 0
graphs=$("$NG" query --store kg.db -r csv 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g' |
  tr -d '\r' | tail -n +2 | sed 's|.*/||' | tr '\n' ' ')
check "store: both graphs are in it, got $graphs" test "$graphs" = "alpha beta "
check "store: no lock file left" test ! -e kg.db.lock

# ---- interruption ------------------------------------------------------------------------
# A large invented article: its files take long enough to write that the
# test sees the temporary files and kills the process while they are there.
python3 - <<'EOF' >big.txt || fail "python3 is needed to make the large article"
import itertools
first = ["Anna", "Mark", "Lena", "Piotr", "Sofia", "Tomas", "Ines", "Oskar", "Mira", "Jonas"]
last = ["Petrova", "Olsen", "Berg", "Novak", "Lindqvist", "Haugen", "Vidal", "Moreau", "Kowal", "Brandt"]
cities = ["Oslo", "Bergen", "Lisbon", "Vienna", "Prague", "Warsaw", "Madrid", "Dublin"]
people = [f + " " + l for f, l in itertools.product(first, last)]
for i in range(2200):
    a, b, c = people[i % 100], people[(i * 7 + 3) % 100], cities[i % 8]
    print(f"{a}, director of the Institute for Regional Studies {i}, met {b} in {c} on Monday. "
          f"\"We talked about trade,\" {a.split()[1]} said.\n")
EOF

# interrupt SIG DIR: start a run into DIR, send SIG while its temporary
# files are there; sets $rc (the exit status) and $victim (its PID).
interrupt() {
  local sig=$1 dir=$2
  rm -rf "$dir"
  set -m # a job of its own, so that SIGINT is not ignored in the background
  "$NG" -q -o "$dir" big.txt 2>"$dir.err" &
  victim=$!
  set +m
  pids+=("$victim")
  writing() { find "$dir" -maxdepth 1 -name ".big.*" 2>/dev/null | grep -q .; }
  check "$sig: caught the run while it writes" until_true 3000 writing
  kill -s "$sig" "$victim"
  wait "$victim" 2>/dev/null # (no "Killed" line)
  rc=$?
}

for sig in TERM INT; do
  interrupt "$sig" "out-$sig"
  want=$((128 + $(kill -l "$sig")))
  check "$sig: exit status $rc, want $want" test "$rc" -eq "$want"
  check "$sig: no hidden file left: $(hidden "out-$sig")" test -z "$(hidden "out-$sig")"
  n=$(find "out-$sig" -mindepth 1 | wc -l)
  check "$sig: none or all eight files, got $n" test "$n" -eq 0 -o "$n" -eq 8
done

interrupt KILL out-KILL
check "KILL: exit status $rc, want 137" test "$rc" -eq 137
left=$(find out-KILL -maxdepth 1 -name ".big.*.tmp-$victim-*" | wc -l)
check "KILL: its temporary files are left, with its PID in their names" test "$left" -ge 1
# a temporary file of a live process stays (this shell's PID)
touch "out-KILL/.other.ttl.tmp-$$-0"
"$NG" -o out-KILL first.txt 2>next.err
check "KILL: the next run exits 0 ($(cat next.err))" test $? -eq 0
check "KILL: the next run says what it removed: $(cat next.err)" \
  grep -qF "removed $left temporary file" next.err
check "KILL: the dead run's files are gone: $(hidden out-KILL)" test "$(hidden out-KILL)" = ".other.ttl.tmp-$$-0 "
check "KILL: the next run's files are there" test -s out-KILL/first.ttl

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
