#!/usr/bin/env bash
# newsgraph query on untrusted queries, and the store's integrity: nothing
# reaches outside the store (SERVICE, FROM, Update), the limits of size,
# nesting, time, memory and rows each give one line on stderr and their
# own exit status, the answers rasqal got wrong are right or refused,
# DESCRIBE works, a damaged store is refused, --store '' is a usage error.
#
# Usage: query.sh NEWSGRAPH SOURCE_DIR
set -u
NG=${1:?usage: query.sh NEWSGRAPH SOURCE_DIR}
SRC=${2:?usage: query.sh NEWSGRAPH SOURCE_DIR}
case $NG in /*) ;; *) NG="$PWD/$NG" ;; esac
case $SRC in /*) ;; *) SRC="$PWD/$SRC" ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ng-query-XXXXXX") || exit 1
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2> /dev/null; wait "$server" 2> /dev/null; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
cd "$TMP" || exit 1
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
expect() { # DESCRIPTION ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: got '$2', expected '$3'"; fi
}
command -v python3 > /dev/null || bad "python3 not found: install the Debian package python3"
[ "$failed" -eq 0 ] || { echo "$passed passed, $failed failed"; exit 1; }
NS=https://w3id.org/newsgraph/ontology#
P="PREFIX ng: <$NS> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"

# q NAME ARGS...: run newsgraph query, keep NAME.out, NAME.err and NAME.rc
q() {
  local name=$1
  shift
  "$NG" query "$@" > "$name.out" 2> "$name.err"
  echo $? > "$name.rc"
}
# refused NAME STATUS WORDS: exit STATUS, nothing on stdout, one line on
# stderr that holds WORDS
refused() {
  local name=$1 status=$2 words=$3
  expect "$name: exit $status" "$(cat "$name.rc")" "$status"
  expect "$name: nothing on stdout" "$(wc -c < "$name.out")" 0
  expect "$name: one line on stderr" "$(grep -c '' "$name.err")" 1
  if grep -qF -- "$words" "$name.err"; then ok "$name: the message names '$words'"; else bad "$name: message: $(cat "$name.err")"; fi
}
rows() { python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline=""))))-1)' "$1"; } # CSV rows after the header

"$NG" -q --store kg.db "$SRC/examples/kerry-sochi.txt" || bad "newsgraph --store"
total=$("$NG" query --store kg.db -r tsv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | tail -n 1)
expect "the example store holds its triples" "$total" 2912

# ---- nothing reaches outside the store ----
cat > results.srx << 'XML'
<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="x"/></head>
<results><result><binding name="x"><literal>a-secret-of-the-file</literal></binding></result></results></sparql>
XML
q service-file --store kg.db "SELECT * WHERE { SERVICE <file://$TMP/results.srx> { ?x ?p ?o } }"
refused service-file 4 "SERVICE at line 1"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 -c '
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        open(sys.argv[2], "a").write(self.path + "\n"); self.send_response(404); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()' "$port" "$TMP/requests.log" &
server=$!
for _ in $(seq 50); do python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 1)" 2> /dev/null && break; sleep 0.1; done
q service-http --store kg.db "SELECT * WHERE { SERVICE <http://127.0.0.1:$port/sparql> { ?s ?p ?o } }"
refused service-http 4 "SERVICE"
q service-silent --store kg.db "ASK { service silent <http://127.0.0.1:$port/x> { ?s ?p ?o } }"
refused service-silent 4 "SERVICE"
expect "the server got no request" "$(cat requests.log 2> /dev/null)" ""
echo '<http://a.example/s> <http://a.example/p> "a-secret-line" .' > secret.nt
q from --store kg.db "SELECT * FROM <file://$TMP/secret.nt> WHERE { ?s ?p ?o }"
refused from 4 "FROM"
q from-named --store kg.db "SELECT * FROM NAMED <file://$TMP/secret.nt> WHERE { GRAPH ?g { ?s ?p ?o } }"
refused from-named 4 "FROM"
q load --store kg.db "LOAD <file://$TMP/secret.nt>"
refused load 4 "LOAD"
q insert --store kg.db 'INSERT DATA { <http://a.example/s> <http://a.example/p> "x" }'
refused insert 4 "SPARQL Update"
q escape --store kg.db 'SELECT * WHERE { \u0053ERVICE <http://a.example/> { ?s ?p ?o } }'
refused escape 4 "escape"
printf '# a query file\nSELECT * WHERE {\n  SERVICE <http://a.example/> { ?s ?p ?o }\n}\n' > service.rq
q service-rq --store kg.db service.rq
refused service-rq 4 "service.rq: SERVICE at line 3, column 3"
expect "the store is unchanged" "$("$NG" query --store kg.db -r tsv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | tail -n 1)" 2912

# ---- size and nesting: refused before rasqal parses (exit 5) ----
python3 -c "print('SELECT ?s WHERE { ?s ?p ?o FILTER(' + ' || '.join('?o = %d' % i for i in range(200000)) + ') }')" > filter.rq
q filter-200k --store kg.db filter.rq
refused filter-200k 5 "query too large"
python3 -c "print('SELECT ?s WHERE { ?s ?p ?o FILTER(' + ' || '.join('?o = %d' % i for i in range(9000)) + ') }')" > filter9k.rq
q filter-9k --store kg.db filter9k.rq
refused filter-9k 5 "more than 20000 tokens"
python3 -c "print('ASK { FILTER(' + '(' * 100 + '1' + ')' * 100 + ') }')" > deep.rq
q deep --store kg.db deep.rq
refused deep 5 "more than 64 levels"

# ---- time, memory, rows ----
replace="SELECT (STRLEN(REPLACE(\"abc\", \"b*\", \"yy\")) AS ?n) WHERE {}" # never returns in rasqal
q timeout --store kg.db --timeout 2 "$replace"
refused timeout 6 "stopped after 2 s (--timeout 2)"
# the article's text concatenated for every pair of triples: gigabytes
explode="SELECT (STRLEN(GROUP_CONCAT(?t)) AS ?n) WHERE { ?x <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t . ?a ?b ?c . ?d ?e ?f }"
q memory --store kg.db --timeout 120 --max-memory 100 "$explode"
refused memory 7 "stopped at 100 MB of memory (--max-memory 100)"
q limit --store kg.db --limit 3 -r csv 'SELECT ?s ?p ?o WHERE { ?s ?p ?o }'
expect "limit: exit 8" "$(cat limit.rc)" 8
expect "limit: three rows" "$(rows limit.out)" 3
expect "limit: one line on stderr" "$(cat limit.err)" "newsgraph query: query: results cut at 3 rows (--limit 3; --limit 0 writes all)"
q limit-json --store kg.db --limit 2 -r json 'SELECT ?s WHERE { ?s ?p ?o }'
expect "limit: the JSON is whole" "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]["bindings"]))' limit-json.out)" 2
q limit-graph --store kg.db --limit 5 'CONSTRUCT WHERE { ?s ?p ?o }'
expect "limit: five triples" "$(cat limit-graph.rc) $(grep -c '' limit-graph.out)" "8 5"
q no-limit --store kg.db --limit 0 -r csv 'SELECT ?s ?p ?o WHERE { ?s ?p ?o }'
expect "--limit 0 writes every row" "$(cat no-limit.rc) $(rows no-limit.out)" "0 2912"
q exact-limit --store kg.db --limit 2912 -r csv 'SELECT ?s ?p ?o WHERE { ?s ?p ?o }'
expect "exactly --limit rows is no cut" "$(cat exact-limit.rc) $(rows exact-limit.out)" "0 2912"
for opt in "--timeout abc" "--timeout -1" "--max-memory 1.5" "--limit -2" "--limit ''" "--store ''"; do
  eval "q badopt --store kg.db $opt 'ASK {}'"
  expect "query $opt: usage error" "$(cat badopt.rc) $(grep -c '' badopt.err)" "2 1"
done
"$NG" -q --store '' "$SRC/examples/kerry-sochi.txt" > store-empty.out 2> store-empty.err
expect "--store '': usage error" "$? $(cat store-empty.err)" "2 newsgraph: --store: the store's file name is empty"
"$NG" query --help > help.txt
for word in --timeout --max-memory --limit "4 query" "5 query too large" "6 over --timeout" "7 over" "8 results cut"; do
  grep -qF -- "$word" help.txt && ok "query --help: $word" || bad "query --help lacks '$word'"
done

# ---- right answers or a refusal ----
q count-distinct --store kg.db -r tsv 'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }'
expect "COUNT(DISTINCT ?s) is the number of subjects" "$(cat count-distinct.rc) $(tail -n 1 count-distinct.out)" "0 350"
q count-distinct-two --store kg.db 'SELECT (COUNT(DISTINCT ?s) AS ?n) (COUNT(DISTINCT ?o) AS ?m) WHERE { ?s ?p ?o }'
refused count-distinct-two 4 "SELECT DISTINCT ?g ?x"
q count-none --store kg.db -r tsv "$P SELECT (COUNT(*) AS ?n) WHERE { ?s a ng:NoSuchClass }"
expect "COUNT over no solutions is one row, 0" "$(cat count-none.rc) $(tail -n +2 count-none.out)" "0 0"
q group-none --store kg.db -r csv "$P SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ng:NoSuchClass ; a ?c } GROUP BY ?c"
expect "GROUP BY over no solutions is no row" "$(cat group-none.rc) $(rows group-none.out)" "0 0"
q count-unbound --store kg.db -r tsv "$P SELECT (COUNT(?t) AS ?n) WHERE { ?p a ng:Person OPTIONAL { ?p ng:noSuchProperty ?t } }"
expect "COUNT(?v) leaves out the unbound" "$(tail -n 1 count-unbound.out)" 0
q bind-error --store kg.db -r csv "$P SELECT ?p ?x WHERE { ?p a ng:Person BIND(<http://www.w3.org/2001/XMLSchema#integer>(STR(?p)) AS ?x) }"
persons=$("$NG" query --store kg.db -r tsv "$P SELECT (COUNT(*) AS ?n) WHERE { ?p a ng:Person }" | tail -n 1)
expect "a failing BIND keeps its rows" "$(cat bind-error.rc) $(rows bind-error.out)" "0 $persons"
q values --store kg.db "$P SELECT ?s WHERE { ?s a ?c } VALUES ?c { ng:Person }"
refused values 4 "FILTER(?c IN"
q exists --store kg.db "$P SELECT ?p WHERE { ?p a ng:Person FILTER NOT EXISTS { ?p ng:affiliatedWith ?o } }"
refused exists 4 "OPTIONAL"
q path --store kg.db "$P SELECT ?a WHERE { ?a ng:affiliatedWith/ng:partOf ?b }"
refused path 4 "property path"
q strafter --store kg.db "$P SELECT ?x WHERE { ?s a ?c BIND(STRAFTER(STR(?c), \"#\") AS ?x) }"
refused strafter 4 "bind the inner value"
q grouped-sub --store kg.db "$P SELECT ?c ?n WHERE { { SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c } FILTER(?n > 5) }"
refused grouped-sub 4 "HAVING"

# ---- DESCRIBE ----
q describe --store kg.db "$P DESCRIBE ?a WHERE { ?a a ng:Agreement }"
want=$("$NG" query --store kg.db -r tsv "$P SELECT (COUNT(*) AS ?n) WHERE { ?a a ng:Agreement ; ?p ?o }" | tail -n 1)
expect "DESCRIBE: exit 0, every triple of each agreement" "$(cat describe.rc) $(grep -c '' describe.out)" "0 $want"
expect "DESCRIBE: only the agreements are subjects" \
  "$(cut -d' ' -f1 describe.out | sort -u | grep -c '/agreement/')" "$(cut -d' ' -f1 describe.out | sort -u | grep -c '')"
rapper -q -i ntriples -o ntriples describe.out > /dev/null 2>&1 && ok "DESCRIBE: N-Triples that rapper reads" || bad "DESCRIBE output does not parse"
expect "DESCRIBE: sorted, no duplicate" "$(sort -u describe.out | md5sum)" "$(md5sum < describe.out)"
q describe-iri --store kg.db "DESCRIBE <${NS}Person>"
expect "DESCRIBE of an IRI that is no subject: nothing, exit 0" "$(cat describe-iri.rc) $(wc -c < describe-iri.out)" "0 0"

# ---- a damaged store ----
cp kg.db damaged.db
python3 -c '
import random, sys
r = random.Random(4096); f = open(sys.argv[1], "r+b"); f.seek(25 * 4096)
f.write(bytes(r.getrandbits(8) for _ in range(4096))); f.close()' damaged.db
q damaged --store damaged.db 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
refused damaged 1 "damaged.db: damaged store"
"$NG" store check damaged.db > check-bad.out 2> check-bad.err
expect "store check on the damaged store: exit 1, one line" "$? $(grep -c '' check-bad.err) $(wc -c < check-bad.out)" "1 1 0"
grep -q "^newsgraph store check: damaged.db: damaged store: " check-bad.err && ok "store check names the damage" || bad "store check: $(cat check-bad.err)"
"$NG" -q --store damaged.db "$SRC/examples/kerry-sochi.txt" 2> write-bad.err
expect "--store into a damaged store: exit 1" "$? $(grep -c 'damaged store' write-bad.err)" "1 1"
expect "store check on a sound store" "$("$NG" store check kg.db; echo "rc=$?")" "kg.db: ok: 2912 triples in 1 graph
rc=0"
"$NG" store check > /dev/null 2>&1
expect "store check without a file: usage error" "$?" 2
"$NG" store check missing.db 2> check-missing.err
expect "store check on a missing store: exit 1" "$? $(grep -c '' check-missing.err)" "1 1"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
