#!/usr/bin/env bash
# Both stores give the same answers: compare the normalized answers that
# virtuoso.sh and oxigraph.sh left in RESULTS_DIR, query by query, for the
# Turtle and the N-Quads loads, and the Turtle with the N-Quads answers.
#
# usage: compare.sh SRC_DIR RESULTS_DIR
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 SRC_DIR RESULTS_DIR" >&2
  exit 2
fi
src="$(realpath "$1")"
results="$2"

status=0
n=0
for query in "$src"/ontology/queries/*.rq; do
  name="$(basename "$query" .rq)"
  for pair in "virtuoso/ttl oxigraph/ttl" "virtuoso/nq oxigraph/nq" "virtuoso/ttl virtuoso/nq" "oxigraph/ttl oxigraph/nq"; do
    set -- $pair
    a="$results/$1/$name.tsv"
    b="$results/$2/$name.tsv"
    if [ ! -f "$a" ] || [ ! -f "$b" ]; then
      echo "FAIL: $name: missing $a or $b (run the stores.virtuoso and stores.oxigraph tests first)" >&2
      status=1
    elif ! diff -u "$a" "$b" > /dev/null; then
      echo "FAIL: $name: $1 and $2 disagree:" >&2
      diff -u "$a" "$b" | head -40 >&2 || true
      status=1
    else
      n=$((n + 1))
    fi
  done
done
if [ "$n" = 0 ]; then
  echo "FAIL: nothing compared" >&2
  exit 1
fi
[ "$status" = 0 ] && echo "ok   $n comparisons: Virtuoso and Oxigraph agree, Turtle and N-Quads loads agree"
exit "$status"
