#!/usr/bin/env bash
# Load the output of every example article into Oxigraph (npm package, in
# process, strict parsers) and run the competency queries
# (ontology/queries/*.rq); compare the normalized answers with
# tests/queries/expected/NAME.tsv.
#
# usage: oxigraph.sh NEWSGRAPH SRC_DIR [RESULTS_DIR]
#
# Also checks that every query file starts with a "# Question:" comment and
# has PREFIX lines.  Copies the normalized answers to
# RESULTS_DIR/oxigraph/{ttl,nq}/ for the cross-store comparison.
# NG_UPDATE_EXPECTED=1 writes the answers over the expected files instead of
# comparing (review the diff with git before committing it).
set -euo pipefail

if [ "$#" -lt 2 ]; then
  echo "usage: $0 NEWSGRAPH SRC_DIR [RESULTS_DIR]" >&2
  exit 2
fi
newsgraph="$(realpath "$1")"
src="$(realpath "$2")"
results="${3:-}"
. "$src/tests/stores/lib.sh"
# No answers from an earlier run may stand in for this one's.
if [ -n "$results" ]; then rm -rf "$results/oxigraph"; fi

ng_need_node_module oxigraph

work="$(mktemp -d "${TMPDIR:-/tmp}/ng-oxigraph.XXXXXX")"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP

status=0
nqueries=0
for query in "$src"/ontology/queries/*.rq; do
  nqueries=$((nqueries + 1))
  if ! head -1 "$query" | grep -q '^# Question: '; then
    echo "FAIL: $query does not start with a '# Question: ' comment" >&2
    status=1
  fi
  if ! grep -q '^PREFIX ' "$query"; then
    echo "FAIL: $query has no PREFIX line" >&2
    status=1
  fi
done
if [ "$nqueries" = 0 ]; then
  echo "FAIL: no queries in $src/ontology/queries" >&2
  exit 1
fi

ng_make_data "$newsgraph" "$src" "$work/data"
node "$src/tests/stores/oxigraph.mjs" "$work/data" "$src/ontology/newsgraph.ttl" \
  "$src/ontology/queries" "$work/csv" || status=1

for dataset in ttl nq; do
  mkdir -p "$work/out/$dataset"
  for query in "$src"/ontology/queries/*.rq; do
    name="$(basename "$query" .rq)"
    expected="$src/tests/queries/expected/$name.tsv"
    if [ ! -f "$work/csv/$dataset/$name.csv" ]; then
      echo "FAIL: $name ($dataset): no answer" >&2
      status=1
      continue
    fi
    ng_normalize "$work/csv/$dataset/$name.csv" > "$work/out/$dataset/$name.tsv"
    if [ "${NG_UPDATE_EXPECTED:-}" = 1 ] && [ "$dataset" = ttl ]; then
      mkdir -p "$(dirname "$expected")"
      cp "$work/out/$dataset/$name.tsv" "$expected"
      echo "wrote $expected"
    else
      ng_check_answer "$name ($dataset)" "$work/out/$dataset/$name.tsv" "$expected" || status=1
    fi
  done
done

if [ -n "$results" ]; then
  mkdir -p "$results/oxigraph"
  cp -r "$work/out/ttl" "$work/out/nq" "$results/oxigraph/"
fi
exit "$status"
