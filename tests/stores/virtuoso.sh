#!/usr/bin/env bash
# Load the output of every example article into a private Virtuoso server and
# run the competency queries (ontology/queries/*.rq) against it.
#
# usage: virtuoso.sh NEWSGRAPH SRC_DIR [RESULTS_DIR]
#
# - starts virtuoso-t from a temporary directory with its own virtuoso.ini,
#   listening on 127.0.0.1 only, on ports that were free (never the system
#   service's 1111/8890, never its database);
# - bulk-loads the Turtle files (into one named graph), the N-Quads files (one
#   graph per article, as written) and the ontology (its own graph) with
#   ld_dir + rdf_loader_run, and fails on any DB.DBA.LOAD_LIST error, on a
#   file that was not loaded, and on a graph whose triple count differs from
#   the files;
# - runs every query over HTTP (/sparql, Accept: text/csv) twice, once with
#   the Turtle graph and once with the article graphs as the default graph
#   (plus the ontology), and compares the normalized answers with
#   tests/queries/expected/NAME.tsv;
# - copies the normalized answers to RESULTS_DIR/virtuoso/{ttl,nq}/ for the
#   cross-store comparison (stores/compare.sh);
# - shuts the server down and removes the temporary directory on every exit.
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
if [ -n "$results" ]; then rm -rf "$results/virtuoso"; fi

for cmd in virtuoso-t isql-vt curl python3; do
  if ! command -v "$cmd" >/dev/null; then
    echo "FAIL: $cmd not found (scripts/deps.sh installs virtuoso-opensource, curl, python3)" >&2
    exit 1
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/ng-virtuoso.XXXXXX")"
pid=""
sql_port=""

isql() { # isql SQL...: run statements, print their output, fail on an error
  local out
  out="$(timeout 300 isql-vt "127.0.0.1:$sql_port" dba dba VERBOSE=OFF BANNER=OFF PROMPT=OFF \
           ECHO=OFF ERRORS=STDOUT exec="$*" 2>&1)" || { printf '%s\n' "$out" >&2; return 1; }
  if printf '%s\n' "$out" | grep -q '\*\*\* Error'; then
    printf '%s\n' "$out" >&2
    return 1
  fi
  printf '%s\n' "$out"
}

cleanup() {
  local i
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    timeout 30 isql-vt "127.0.0.1:$sql_port" dba dba exec="shutdown;" >/dev/null 2>&1 || true
    for i in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "virtuoso did not shut down; killing $pid" >&2
      kill -TERM "$pid" 2>/dev/null || true
      sleep 2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# --- data ------------------------------------------------------------------
ng_make_data "$newsgraph" "$src" "$work/data"
mkdir -p "$work/data/ontology" "$work/db" "$work/vsp"
cp "$src/ontology/newsgraph.ttl" "$work/data/ontology/"
articles=()
for f in "$work"/data/nq/*.nq; do articles+=("$(basename "$f" .nq)"); done

TTL_GRAPH="urn:newsgraph-test:turtle"
ONTOLOGY_GRAPH="https://w3id.org/newsgraph/ontology"

# --- server ----------------------------------------------------------------
sql_port="$(ng_free_port)"
http_port="$(ng_free_port)"
while [ "$http_port" = "$sql_port" ]; do http_port="$(ng_free_port)"; done
cat > "$work/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $work/db/virtuoso.db
ErrorLogFile       = $work/db/virtuoso.log
LockFile           = $work/db/virtuoso.lck
TransactionFile    = $work/db/virtuoso.trx
xa_persistent_file = $work/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $work/db/virtuoso-temp.db
TransactionFile    = $work/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
MaxClientConnections = 4
CheckpointInterval   = 0
CaseMode             = 2
DirsAllowed          = ., $work/data
NumberOfBuffers      = 4000
MaxDirtyBuffers      = 3000
ThreadsPerQuery      = 2
AsyncQueueMaxThreads = 2

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $work/vsp
MaxClientConnections = 2
ServerThreads        = 2
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryExecutionTime      = 300
MaxQueryCostEstimationTime = 400
EOF

started=$SECONDS
(cd "$work" && exec virtuoso-t +foreground +configfile "$work/virtuoso.ini") > "$work/server.out" 2>&1 &
pid=$!
endpoint="http://127.0.0.1:$http_port/sparql"
ready=""
for i in $(seq 1 120); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "FAIL: virtuoso-t exited during start-up:" >&2
    tail -20 "$work/server.out" >&2
    exit 1
  fi
  if timeout 10 isql-vt "127.0.0.1:$sql_port" dba dba exec="select 1;" >/dev/null 2>&1 &&
     [ "$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode 'query=ASK {}' "$endpoint")" = 200 ]; then
    ready=yes
    break
  fi
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "FAIL: virtuoso did not answer within 60 s" >&2
  tail -20 "$work/server.out" >&2
  exit 1
fi
echo "virtuoso up on 127.0.0.1:$sql_port (HTTP $http_port) after $((SECONDS - started)) s, pid $pid"

# --- bulk load -------------------------------------------------------------
isql "ld_dir('$work/data/ontology', 'newsgraph.ttl', '$ONTOLOGY_GRAPH');
      ld_dir('$work/data/ttl', '*.ttl', '$TTL_GRAPH');
      ld_dir('$work/data/nq', '*.nq', 'urn:newsgraph-test:nquads-without-graph');
      rdf_loader_run();
      checkpoint;" > /dev/null
# isql exits 0 even when a file failed to load: read the load list.
load_list="$(isql "SELECT ll_state, ll_file, ll_error FROM DB.DBA.LOAD_LIST ORDER BY ll_file;")"
loaded="$(isql "SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_state = 2 AND ll_error IS NULL;" | tr -dc '0-9')"
bad="$(isql "SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_state <> 2 OR ll_error IS NOT NULL;" | tr -dc '0-9')"
want=$((1 + 2 * ${#articles[@]}))
if [ "$bad" != 0 ] || [ "$loaded" != "$want" ]; then
  echo "FAIL: bulk load: $loaded of $want files loaded cleanly, $bad with errors:" >&2
  printf '%s\n' "$load_list" >&2
  exit 1
fi
echo "loaded $loaded files (ontology, ${#articles[@]} Turtle, ${#articles[@]} N-Quads)"

sparql_csv() { # sparql_csv QUERY_FILE OUT_CSV GRAPH...: run a query with GRAPHs as default graph
  local query="$1" out="$2" code g
  shift 2
  local args=()
  for g in "$@"; do args+=(--data-urlencode "default-graph-uri=$g"); done
  code="$(curl -sS -o "$out" -w '%{http_code}' -H 'Accept: text/csv' \
            --data-urlencode "query@$query" "${args[@]}" "$endpoint")"
  if [ "$code" != 200 ]; then
    echo "FAIL: HTTP $code for $query:" >&2
    head -c 2000 "$out" >&2
    echo >&2
    return 1
  fi
}

# Triple counts: each article graph holds exactly the N-Quads lines of its
# file, the Turtle graph the same triples (Turtle and N-Quads carry one graph).
status=0
printf 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g\n' > "$work/count.rq"
sparql_csv "$work/count.rq" "$work/count.csv"
count_of() { python3 -c '
import csv, sys
rows = {r[0]: r[1] for r in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))}
print(rows.get(sys.argv[2], 0))' "$work/count.csv" "$1"; }
for name in "${articles[@]}"; do
  want="$(LC_ALL=C sort -u "$work/data/nq/$name.nq" | grep -c .)"
  got="$(count_of "${NG_BASE}article/$name")"
  if [ "$got" != "$want" ]; then
    echo "FAIL: graph <${NG_BASE}article/$name> has $got triples, $name.nq has $want" >&2
    status=1
  fi
done
want="$(LC_ALL=C sed -E 's| <[^>]*> \.$| .|' "$work"/data/nq/*.nq | LC_ALL=C sort -u | grep -c .)"
got="$(count_of "$TTL_GRAPH")"
if [ "$got" != "$want" ]; then
  echo "FAIL: the Turtle graph has $got triples, the N-Quads files $want distinct triples" >&2
  status=1
fi
[ "$status" = 0 ] && echo "triple counts match the files ($want triples)"

# --- queries ---------------------------------------------------------------
nq_graphs=()
for name in "${articles[@]}"; do nq_graphs+=("${NG_BASE}article/$name"); done
mkdir -p "$work/out/ttl" "$work/out/nq"
nqueries=0
for query in "$src"/ontology/queries/*.rq; do
  name="$(basename "$query" .rq)"
  expected="$src/tests/queries/expected/$name.tsv"
  nqueries=$((nqueries + 1))
  for dataset in ttl nq; do
    if [ "$dataset" = ttl ]; then graphs=("$TTL_GRAPH" "$ONTOLOGY_GRAPH")
    else graphs=("${nq_graphs[@]}" "$ONTOLOGY_GRAPH"); fi
    t0=$SECONDS
    if ! sparql_csv "$query" "$work/$name.csv" "${graphs[@]}"; then status=1; continue; fi
    ng_normalize "$work/$name.csv" > "$work/out/$dataset/$name.tsv"
    ng_check_answer "$name ($dataset)" "$work/out/$dataset/$name.tsv" "$expected" ", $((SECONDS - t0)) s" ||
      status=1
  done
done
if [ "$nqueries" = 0 ]; then
  echo "FAIL: no queries in $src/ontology/queries" >&2
  status=1
fi

if [ -n "$results" ]; then
  mkdir -p "$results/virtuoso"
  cp -r "$work/out/ttl" "$work/out/nq" "$results/virtuoso/"
fi
exit "$status"
