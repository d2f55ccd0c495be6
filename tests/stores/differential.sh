#!/usr/bin/env bash
# The differential test of newsgraph query (rasqal 0.9.33 over the SQLite
# store) against Oxigraph: every query in tests/stores/differential/ runs in
# both over the example's articles, and the answers must agree, or newsgraph
# must refuse the query (exit 4) as its "# expect: refused" line says
# (tests/stores/differential.mjs tells how answers are compared).
#
# usage: differential.sh NEWSGRAPH SRC_DIR
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 NEWSGRAPH SRC_DIR" >&2
  exit 2
fi
newsgraph="$(realpath "$1")"
src="$(realpath "$2")"
. "$src/tests/stores/lib.sh"
ng_need_node_module oxigraph

work="$(mktemp -d "${TMPDIR:-/tmp}/ng-differential.XXXXXX")"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP

shopt -s nullglob
articles=("$src"/examples/*.txt)
shopt -u nullglob
if [ "${#articles[@]}" -eq 0 ]; then
  echo "FAIL: no examples/*.txt under $src" >&2
  exit 1
fi
cd "$work"
"$newsgraph" -q --store "$work/kg.db" "${articles[@]}"
"$newsgraph" -q -f nq -o - "${articles[@]}" > "$work/all.nq"
node "$src/tests/stores/differential.mjs" "$newsgraph" "$work/kg.db" "$work/all.nq" "$src/tests/stores/differential"
