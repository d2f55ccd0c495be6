#!/usr/bin/env bash
# newsgraph run on the example (files, then the store and a query) leaks nothing and reads no uninitialised memory
# under valgrind (library-internal leaks are listed in valgrind.supp).
# Usage: valgrind.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
# A missing valgrind fails the test: a leak check that did not run must not pass.
if ! command -v valgrind > /dev/null; then
  echo "FAIL: valgrind not found: install the Debian package valgrind (scripts/deps.sh does)"
  echo "0 passed, 1 failed"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg() {
  valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=9 \
    --suppressions="$src/tests/valgrind.supp" "$@" 2> "$tmp/vg.log"
  local rc=$?
  if [ $rc -eq 0 ]; then passed=$((passed + 1)); return; fi
  failed=$((failed + 1))
  echo "FAIL (exit $rc): $*"
  head -60 "$tmp/vg.log"
}
# vg_status WANT COMMAND...: the same for a run that must exit with WANT
# (an error path): valgrind's own findings exit 9.
vg_status() {
  local want=$1
  shift
  valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=9 \
    --suppressions="$src/tests/valgrind.supp" "$@" > /dev/null 2> "$tmp/vg.log"
  local rc=$?
  if [ $rc -eq "$want" ]; then passed=$((passed + 1)); return; fi
  failed=$((failed + 1))
  echo "FAIL (exit $rc, want $want): $*"
  head -60 "$tmp/vg.log"
}
passed=0 failed=0
# the whole export, the store and a query over it
vg "$bin" -q -o "$tmp" "$src/examples/kerry-sochi.txt"
vg "$bin" -q --store "$tmp/kg.db" "$src/examples/kerry-sochi.txt"
vg "$bin" query --store "$tmp/kg.db" \
  'SELECT ?t (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a ?t } } GROUP BY ?t ORDER BY ?t' > /dev/null
vg "$bin" query --store "$tmp/kg.db" -r json 'SELECT ?s WHERE { ?s a <urn:x:none> }' > /dev/null
# error paths: two inputs with one name, a metadata file that fails the
# text checks, a date that is no calendar date; a store and files at once
mkdir -p "$tmp/d1" "$tmp/d2"
printf 'Anna Petrova met Mark Olsen in Oslo.\n' > "$tmp/d1/a.txt"
printf 'Lena Berg visited Bergen.\n' > "$tmp/d2/a.txt"
vg_status 1 "$bin" -q -o "$tmp/names" "$tmp/d1/a.txt" "$tmp/d2/a.txt"
printf 'title: Caf\xe9\n' > "$tmp/d1/a.meta"
vg_status 1 "$bin" -q -o "$tmp/meta" "$tmp/d1/a.txt"
rm "$tmp/d1/a.meta"
vg_status 2 "$bin" -q -o "$tmp/meta" --date 2015-02-30 "$tmp/d1/a.txt"
vg_status 0 "$bin" -q -o "$tmp/both" -f nt --store "$tmp/kg2.db" "$tmp/d1/a.txt"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
