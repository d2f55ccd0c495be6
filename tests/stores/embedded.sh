#!/usr/bin/env bash
# Load every example article into newsgraph's own store (--store: librdf's
# SQLite storage) and run the competency queries (ontology/queries/*.rq) with
# `newsgraph query` (rasqal 0.9.33); compare the normalized answers with
# tests/queries/expected/NAME.tsv, as virtuoso.sh and oxigraph.sh do.
#
# usage: embedded.sh NEWSGRAPH SRC_DIR
#
# Needs nothing but newsgraph and python3 (ng_normalize): no node, no
# Virtuoso.  The store lives in a temporary directory that is removed on
# every exit.  Each query runs under a time limit, since rasqal's REPLACE
# never returns when its pattern matches the empty string; an empty answer
# (rasqal gives no header at all when an expression error stops the query,
# and exits 0) fails the query.
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 NEWSGRAPH SRC_DIR" >&2
  exit 2
fi
newsgraph="$(realpath "$1")"
src="$(realpath "$2")"
. "$src/tests/stores/lib.sh"

work="$(mktemp -d "${TMPDIR:-/tmp}/ng-embedded.XXXXXX")"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP

shopt -s nullglob
articles=("$src"/examples/*.txt)
queries=("$src"/ontology/queries/*.rq)
shopt -u nullglob
if [ "${#articles[@]}" -eq 0 ]; then
  echo "FAIL: no examples/*.txt under $src" >&2
  exit 1
fi
if [ "${#queries[@]}" -eq 0 ]; then
  echo "FAIL: no queries in $src/ontology/queries" >&2
  exit 1
fi

# --store writes no output files unless -o or -f is given; run in the
# temporary directory all the same.
cd "$work"
if ! "$newsgraph" -q --store "$work/kg.db" "${articles[@]}"; then
  echo "FAIL: newsgraph --store $work/kg.db examples/*.txt" >&2
  exit 1
fi
echo "stored ${#articles[@]} article(s) in $work/kg.db"

status=0
for query in "${queries[@]}"; do
  name="$(basename "$query" .rq)"
  expected="$src/tests/queries/expected/$name.tsv"
  t0=$SECONDS
  rc=0
  timeout 300 "$newsgraph" query --store "$work/kg.db" -r csv "$query" \
    > "$work/$name.csv" 2> "$work/$name.err" || rc=$?
  if [ "$rc" != 0 ]; then
    if [ "$rc" = 124 ]; then
      echo "FAIL: $name: no answer within 300 s" >&2
    else
      echo "FAIL: $name: newsgraph query exited $rc:" >&2
      head -20 "$work/$name.err" >&2
    fi
    status=1
    continue
  fi
  if ! ng_normalize "$work/$name.csv" > "$work/$name.tsv" 2> "$work/$name.norm"; then
    echo "FAIL: $name: unusable answer ($(cat "$work/$name.norm"))" >&2
    head -20 "$work/$name.err" >&2
    status=1
    continue
  fi
  ng_check_answer "$name" "$work/$name.tsv" "$expected" ", $((SECONDS - t0)) s" || status=1
done
exit "$status"
