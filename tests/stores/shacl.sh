#!/usr/bin/env bash
# Validate the output of every example article, and of the invented article
# tests/ontology/everything.txt (every class and property newsgraph can
# emit), with SHACL: ontology/shapes.ttl over the output plus
# ontology/newsgraph.ttl, with rdf-validate-shacl (npm).
# The output must conform, every class in it must have a shape, and every
# broken copy made by tests/stores/shacl-cases/*.ru must be reported with the
# constraint its "# expect:" line names (see shacl.mjs).
#
# usage: shacl.sh NEWSGRAPH SRC_DIR
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 NEWSGRAPH SRC_DIR" >&2
  exit 2
fi
newsgraph="$(realpath "$1")"
src="$(realpath "$2")"
. "$src/tests/stores/lib.sh"

ng_need_node_module rdf-validate-shacl

work="$(mktemp -d "${TMPDIR:-/tmp}/ng-shacl.XXXXXX")"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP

ng_make_data "$newsgraph" "$src" "$work/data"
status=0
echo "== examples/*.txt"
node "$src/tests/stores/shacl.mjs" "$work/data" "$src/ontology/shapes.ttl" \
  "$src/ontology/newsgraph.ttl" "$src/tests/stores/shacl-cases" || status=1

# The invented article that makes newsgraph emit every class and property it
# can (tests/ontology/everything.txt and its .meta sidecar, with a full
# publication date): the same checks and cases.
echo "== tests/ontology/everything.txt"
mkdir -p "$work/everything/ttl" "$work/everything/nq"
"$newsgraph" -q -f ttl,nq -o "$work/everything/gen" "$src/tests/ontology/everything.txt"
mv "$work/everything/gen/everything.ttl" "$work/everything/ttl/"
mv "$work/everything/gen/everything.nq" "$work/everything/nq/"
node "$src/tests/stores/shacl.mjs" "$work/everything" "$src/ontology/shapes.ttl" \
  "$src/ontology/newsgraph.ttl" "$src/tests/stores/shacl-cases" || status=1
exit "$status"
