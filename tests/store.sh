#!/usr/bin/env bash
# Many articles, one graph: N-Quads with one named graph per article, a
# directory as input, entity IRIs shared across articles, and the embedded
# store (--store, newsgraph query) with its error handling.
#
# Usage: store.sh NEWSGRAPH SOURCE_DIR
set -u
NG=${1:?usage: store.sh NEWSGRAPH SOURCE_DIR}
SRC=${2:?usage: store.sh NEWSGRAPH SOURCE_DIR}
case $NG in /*) ;; *) NG="$PWD/$NG" ;; esac
case $SRC in /*) ;; *) SRC="$PWD/$SRC" ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ng-store-XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
expect() { # DESCRIPTION ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: got '$2', expected '$3'"; fi
}
BASE=https://w3id.org/newsgraph/id/
NS=https://w3id.org/newsgraph/ontology#
# the tools the checks need: missing ones fail the test with a clear message
for tool in "rapper raptor2-utils" "python3 python3"; do
  set -- $tool
  command -v "$1" > /dev/null || bad "$1 not found: install the Debian package $2 (scripts/deps.sh does)"
done
[ "$failed" -eq 0 ] || { echo "$passed passed, $failed failed"; exit 1; }

# Two invented articles that name the same person and country.
mkdir in
cat > in/alpha.txt <<'TXT'
Norwegian Foreign Minister Maria Lindqvist met Chilean President Tomas Ferreira in Oslo on Monday.
"We agreed on fisheries," Lindqvist said.
TXT
cat > in/beta.txt <<'TXT'
Maria Lindqvist, the foreign minister of Norway, flew to Santiago on Friday.
TXT
echo "not an article" > in/notes.md

# A directory stands for its .txt files, in name order; -f nq -o - streams
# every article's quads.
"$NG" -q -f nq -o - in > all.nq 2> err.txt
expect "directory input exits 0" "$?" 0
"$NG" -q -f nq -o nq in/alpha.txt in/beta.txt
n_alpha=$(wc -l < nq/alpha.nq) n_beta=$(wc -l < nq/beta.nq)
expect "the stream is the two articles' quads" "$(wc -l < all.nq)" "$((n_alpha + n_beta))"
expect "notes.md is not read" "$(ls nq)" "$(printf 'alpha.nq\nbeta.nq')"
expect "every quad of alpha.nq is in alpha's graph" \
  "$(grep -c " <${BASE}article/alpha> \.\$" nq/alpha.nq)" "$n_alpha"
expect "every quad of beta.nq is in beta's graph" \
  "$(grep -c " <${BASE}article/beta> \.\$" nq/beta.nq)" "$n_beta"
expect "N-Quads lines are N-Triples lines plus the graph" \
  "$("$NG" -q -f nt -o - in/alpha.txt | md5sum)" \
  "$(sed "s| <${BASE}article/alpha> \.\$| .|" nq/alpha.nq | md5sum)"
rapper -q -i nquads -c nq/alpha.nq 2> rapper.txt
expect "rapper parses the N-Quads" "$?" 0

# The same person gets the same IRI in both articles: the graphs merge.
person=$(grep -o "<${BASE}person/[^>]*> <http://www.w3.org/2000/01/rdf-schema#label> \"Maria Lindqvist\"@en" \
  nq/alpha.nq | cut -d' ' -f1 | sort -u)
expect "alpha names one Maria Lindqvist" "$(echo "$person" | grep -c .)" 1
expect "beta uses the same IRI for her" \
  "$(grep -c "^$person <http://www.w3.org/2000/01/rdf-schema#label> \"Maria Lindqvist\"@en" nq/beta.nq)" 1

# --store: one named graph per article; no files unless -o or -f is given.
"$NG" -q --store kg.db in/alpha.txt in/beta.txt
expect "--store exits 0" "$?" 0
expect "--store alone writes no output directory" "$(ls -d output 2> /dev/null)" ""
count_graph() {
  "$NG" query --store kg.db -r tsv "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${BASE}article/$1> { ?s ?p ?o } }" |
    tail -n 1 | sed 's/^"\{0,1\}\([0-9]*\).*/\1/'
}
expect "alpha's graph holds alpha's triples" "$(count_graph alpha)" "$n_alpha"
expect "beta's graph holds beta's triples" "$(count_graph beta)" "$n_beta"
q_graphs="SELECT DISTINCT ?g WHERE { GRAPH ?g { ${person} a <${NS}Person> } } ORDER BY ?g"
expect "the person is in both graphs" \
  "$("$NG" query --store kg.db -r csv "$q_graphs" | tr -d '\r' | tail -n +2 | tr '\n' ' ')" \
  "${BASE}article/alpha ${BASE}article/beta "

# Re-adding an article replaces exactly its graph.
cat > in2.txt <<'TXT'
Danish Prime Minister Jens Holm visited Reykjavik on Tuesday.
TXT
"$NG" -q --store kg.db --name alpha in2.txt
"$NG" -q -f nq -o nq2 --name alpha in2.txt
expect "the replaced graph holds only the new triples" "$(count_graph alpha)" "$(wc -l < nq2/alpha.nq)"
expect "the other graph is untouched" "$(count_graph beta)" "$n_beta"
q_old="ASK { GRAPH <${BASE}article/alpha> { ?s ?p \"Tomas Ferreira\"@en } }"
expect "nothing of the old alpha is left" "$("$NG" query --store kg.db "$q_old")" false
q_new="ASK { GRAPH <${BASE}article/alpha> { ?s ?p \"Jens Holm\"@en } }"
expect "the new alpha is there" "$("$NG" query --store kg.db "$q_new")" true

# Query from a file and from standard input; the table has a header and a count.
printf 'SELECT ?l WHERE { ?p a <%sPerson> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l\n' "$NS" > q.rq
"$NG" query --store kg.db q.rq > table.txt
expect "table header" "$(head -n 1 table.txt)" "?l"
expect "table row count line" "$(tail -n 1 table.txt)" "($(($(wc -l < table.txt) - 3)) rows)"
grep -q '^Maria Lindqvist$' table.txt && ok "table lists Maria Lindqvist" || bad "table: $(cat table.txt)"
expect "a query on stdin" "$("$NG" query --store kg.db -r csv - < q.rq | md5sum)" \
  "$("$NG" query --store kg.db -r csv q.rq | md5sum)"
"$NG" query --store kg.db -r json q.rq | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d["head"]["vars"]==["l"] and d["results"]["bindings"] else 1)'
expect "JSON results parse with their variables" "$?" 0

# A result without rows still names its variables (rasqal alone does not).
q_none="SELECT ?who ?what WHERE { ?who a <${NS}NoSuchClass> ; <${NS}said> ?what }"
expect "empty CSV: the header" "$("$NG" query --store kg.db -r csv "$q_none" | tr -d '\r')" "who,what"
expect "empty TSV: the header" "$("$NG" query --store kg.db -r tsv "$q_none")" "$(printf '?who\t?what')"
expect "empty table: header, rule and count" "$("$NG" query --store kg.db "$q_none" | sed -n '1p;3p' | tr '\n' '|')" \
  "?who  ?what|(0 rows)|"
"$NG" query --store kg.db -r json "$q_none" | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d["head"]["vars"]==["who","what"] and d["results"]["bindings"]==[] else 1)'
expect "empty JSON: the variables and no bindings" "$?" 0

# Errors: one line naming the file, documented exit codes, nothing created.
err=$("$NG" query --store missing.db 'ASK {}' 2>&1 >/dev/null)
expect "a missing store exits 1" "$("$NG" query --store missing.db 'ASK {}' > /dev/null 2>&1; echo $?)" 1
case $err in "newsgraph query: missing.db: "*) ok "the message names the store" ;; *) bad "message: $err" ;; esac
expect "querying creates no store" "$(ls missing.db 2> /dev/null)" ""
err=$("$NG" query --store kg.db 'SELEKT ?x' 2>&1 >/dev/null)
expect "a bad query exits 1" "$("$NG" query --store kg.db 'SELEKT ?x' > /dev/null 2>&1; echo $?)" 1
expect "one line for a bad query" "$(echo "$err" | wc -l)" 1
expect "an unknown results format exits 2" "$("$NG" query --store kg.db -r xml q.rq > /dev/null 2>&1; echo $?)" 2
echo "plain text" > notdb
expect "a file that is not a store exits 1" "$("$NG" -q --store notdb in/beta.txt > /dev/null 2>&1; echo $?)" 1
expect "and is left as it was" "$(cat notdb)" "plain text"
mkdir empty
err=$("$NG" -q -o out empty 2>&1)
expect "an empty directory exits 1" "$("$NG" -q -o out empty > /dev/null 2>&1; echo $?)" 1
expect "with a message naming it" "$err" "newsgraph: empty: no .txt files in the directory"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
