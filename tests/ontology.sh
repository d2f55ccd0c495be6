#!/usr/bin/env bash
# The invented article tests/ontology/everything.txt (with its .meta sidecar:
# a full publication date, publisher, URL, title, language) makes newsgraph
# emit every class and property of ontology/newsgraph.ttl that it can emit;
# tests/ontology/check.py checks the output against the ontology (coverage,
# classes under the top class of their IRI, rdfs:domain and rdfs:range,
# literal datatypes) and names the terms the tool cannot emit.  The SHACL
# shapes are checked on the same output by stores.shacl (tests/stores/shacl.sh).
# Usage: ontology.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
# Debian's interpreter, which python3-rdflib installs for
py=${NG_PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! "$py" -c 'import rdflib' 2> /dev/null; then
  echo "FAIL: $py cannot import rdflib (Debian package python3-rdflib; scripts/deps.sh installs it)"
  echo "0 passed, 1 failed"
  exit 1
fi
"$bin" -q -f ttl -o "$tmp" "$src/tests/ontology/everything.txt" || { echo "newsgraph failed"; echo "0 passed, 1 failed"; exit 1; }
"$py" "$src/tests/ontology/check.py" "$tmp/everything.ttl" "$src/ontology/newsgraph.ttl" "$src/src/types.c" \
  "$src/tests/ontology/everything.meta"
