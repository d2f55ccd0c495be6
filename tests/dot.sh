#!/usr/bin/env bash
# The DOT export parses in Graphviz: `dot -Tsvg` renders it with no message
# at all; `gc` counts as many nodes and edges as the RDF has (SPARQL over the
# Turtle, tests/vizcheck.py); labels with characters DOT must escape come
# out of the renderer as they went in (an article whose publisher is
# "=Fjord & <Harbour> \ Post Desk", and test_viz's odd.dot); the committed
# docs/kerry-sochi-graph.svg shows as many nodes and edges as output/.
# Usage: dot.sh NEWSGRAPH SOURCE_DIR TEST_VIZ
set -u
bin=$1 src=$2 test_viz=$3
py=${NG_PYTHON:-/usr/bin/python3} # Debian's, with python3-rdflib
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
for p in dot gc; do command -v $p > /dev/null || { echo "FAIL: $p not found: install the Debian package graphviz (scripts/deps.sh does)"; echo "0 passed, 1 failed"; exit 1; }; done

"$bin" -q -f ttl,dot -o "$tmp" "$src/examples/kerry-sochi.txt" || { echo "newsgraph failed"; echo "0 passed, 1 failed"; exit 1; }
pub='=Fjord & <Harbour> \ Post Desk'
printf 'Oslo, March 3 -- Anna Petrova, director of the Nordic Policy Institute, met Mark Olsen in Oslo on Monday, the %s reported.\n' "$pub" > "$tmp/fjord.txt"
"$bin" -q -f dot -o "$tmp" --publisher "$pub" "$tmp/fjord.txt" || bad "newsgraph failed on fjord.txt"
"$test_viz" "$tmp" > /dev/null || bad "test_viz failed"

for f in kerry-sochi fjord odd; do
  if dot -Tsvg "$tmp/$f.dot" > "$tmp/$f.svg" 2> "$tmp/$f.err" && [ ! -s "$tmp/$f.err" ] && [ -s "$tmp/$f.svg" ]; then
    ok "dot -Tsvg renders $f.dot without a message"
  else
    bad "dot -Tsvg $f.dot: $(head -3 "$tmp/$f.err")"
  fi
done

want=$("$py" - "$tmp/kerry-sochi.ttl" "$src" <<'PY'
import os, sys
sys.path.insert(0, os.path.join(sys.argv[2], "tests"))
import vizcheck
g = vizcheck.load(sys.argv[1], os.path.join(sys.argv[2], "ontology", "newsgraph.ttl"))
print(len(vizcheck.rdf_nodes(g)), len(vizcheck.rdf_edges(g)))
PY
)
got=$(gc -n -e "$tmp/kerry-sochi.dot" | awk '{print $1, $2}')
if [ -n "$want" ] && [ "$got" = "$want" ]; then ok "gc counts the RDF's nodes and edges: $got"; else bad "gc: '$got', RDF: '$want'"; fi

# what the renderer shows: the SVG's <text> elements, one per line
texts() { "$py" -c 'import sys, xml.etree.ElementTree as ET
for e in ET.parse(sys.argv[1]).iter("{http://www.w3.org/2000/svg}text"): print(e.text)' "$1"; }
if texts "$tmp/fjord.svg" | grep -qxF -- "$pub"; then ok "fjord: the label is drawn as written"; else bad "fjord: label not found in: $(texts "$tmp/fjord.svg" | head -5)"; fi
if texts "$tmp/odd.svg" | grep -qxF -- "Ann \"The Quote\" O'Neil \\ <b>&amp;" && texts "$tmp/odd.svg" | grep -qxF -- "line2 end"; then
  ok "odd: quotes and backslash drawn as written, the line feed is a line break"
else
  bad "odd: labels: $(texts "$tmp/odd.svg" | head -8 | tr '\n' '|')"
fi
if texts "$tmp/odd.svg" | grep -qxF -- "-5 Bob $(printf '\xef\xbf\xbd')!"; then ok "odd: U+007F drawn as a space, U+FFFE as U+FFFD"; else bad "odd: no '-5 Bob'"; fi
if gc -n -e "$tmp/odd.dot" | awk '{exit !($1 == 4 && $2 == 4)}'; then ok "odd: 4 nodes, 4 edges"; else bad "odd: $(gc -n -e "$tmp/odd.dot")"; fi

svg=$src/docs/kerry-sochi-graph.svg
n_svg=$(grep -c 'class="node"' "$svg" 2> /dev/null) e_svg=$(grep -c 'class="edge"' "$svg" 2> /dev/null)
n_csv=$(($(wc -l < "$src/output/kerry-sochi.nodes.csv") - 1)) e_csv=$(($(wc -l < "$src/output/kerry-sochi.edges.csv") - 1))
if [ "$n_svg" = "$n_csv" ] && [ "$e_svg" = "$e_csv" ]; then
  ok "docs/kerry-sochi-graph.svg: $n_svg nodes, $e_svg edges, as output/"
else
  bad "docs/kerry-sochi-graph.svg: $n_svg nodes, $e_svg edges; output/: $n_csv, $e_csv (re-render it, see README)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
