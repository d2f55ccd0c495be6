#!/usr/bin/env bash
# Formula injection: on an invented article whose quotes and publisher begin
# with = - @ +, the human-facing CSVs (triples, Gephi nodes and edges) put a
# "'" before every text cell that begins with = + - @ TAB or CR, and nowhere
# else: each cell is compared with the RDF value it comes from (rdflib on the
# N-Triples), numbers typed by a datatype (offsets, confidence, weight) are
# never touched.  With --csv-raw every cell is the RDF value.  The RDF itself
# is the same either way; the Neo4j dialect writes nodes and edges raw but
# still guards the triples CSV.
# Usage: formula.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
py=${NG_PYTHON:-/usr/bin/python3} # Debian's, with python3-rdflib
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/guarded" "$tmp/raw" "$tmp/neo"

cat > "$tmp/fjord.txt" <<'EOF'
Bergen, March 3 -- Anna Petrova, the director of the Nordic Policy Institute, met Mark Olsen in Bergen on Monday, the =Fjord Post Desk reported.

"=SUM(A1:A9) is how the ministry counts," Petrova said.

Olsen said: "-5 percent growth is the forecast for the region."

"@everyone should read the Tromso Accord," said Olsen.

"+1 for the plan," Petrova said.
EOF
args=(-q --publisher '=Fjord Post Desk' "$tmp/fjord.txt")
"$bin" -o "$tmp/guarded" "${args[@]}" &&
  "$bin" -o "$tmp/raw" --csv-raw "${args[@]}" &&
  "$bin" -o "$tmp/neo" --csv-dialect neo4j "${args[@]}" || { echo "newsgraph failed"; echo "0 passed, 1 failed"; exit 1; }

"$py" - "$tmp" "$src" <<'PY'
import csv, filecmp, os, re, sys
d, src = sys.argv[1:3]
sys.path.insert(0, os.path.join(src, "tests"))
import rdflib
import vizcheck

c = vizcheck.Counter()
rdflib.NORMALIZE_LITERALS = False  # keep lexical forms as written ("0.80")
g = rdflib.Graph()
g.parse(os.path.join(d, "raw", "fjord.nt"), format="nt")
NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
RISKY = ("=", "+", "-", "@", "\t", "\r")

def guard(v):
    return "'" + v if v.startswith(RISKY) else v

def rdf_rows(guarded):
    out = set()
    for s, p, o in g:
        lit = isinstance(o, rdflib.Literal)
        dt = str(o.datatype) if lit and o.datatype else ""
        ov = str(o)
        if guarded and not (lit and dt and NUMBER.fullmatch(ov)):
            ov = guard(ov)
        f = guard if guarded else (lambda v: v)
        out.add((f(str(s)), f(str(p)), ov, "literal" if lit else "iri", f(dt), f(o.language or "") if lit else ""))
    return out

def read(*path):
    with open(os.path.join(d, *path), newline="", encoding="utf-8") as f:
        r = list(csv.reader(f, strict=True))
    return r[0], [tuple(x) for x in r[1:]]

_, guarded = read("guarded", "fjord.triples.csv")
_, raw = read("raw", "fjord.triples.csv")
quotes = {r[2] for r in guarded if r[1].endswith("#quotedText")}
want = {"'=SUM(A1:A9) is how the ministry counts,", "'-5 percent growth is the forecast for the region.",
        "'@everyone should read the Tromso Accord,", "'+1 for the plan,"}
c.check(want <= quotes, "triples CSV: quotes beginning with = - @ + get a leading ' (%s)" % sorted(quotes))
c.check(len(guarded) == len(g) and set(guarded) == rdf_rows(True),
        "triples CSV: every cell is the RDF value, with ' exactly before risky text (%d rows)" % len(guarded))
typed = [r for r in guarded if r[3] == "literal" and r[4].startswith("http://www.w3.org/2001/XMLSchema#")
         and r[4].rsplit("#", 1)[1] in ("nonNegativeInteger", "integer", "decimal", "double")]
c.check(typed and not any(r[2].startswith("'") for r in typed), "triples CSV: %d typed numbers untouched" % len(typed))
c.check(len(raw) == len(g) and set(raw) == rdf_rows(False), "--csv-raw: triples CSV cells are the RDF values")
c.check(not any(r[2].startswith("'") for r in raw), "--csv-raw: no leading '")

label = {"guarded": "'=Fjord Post Desk", "raw": "=Fjord Post Desk"}
for run in ("guarded", "raw"):
    h, nodes = read(run, "fjord.nodes.csv")
    row = [dict(zip(h, n)) for n in nodes if n[0] == "org/fjord-post-desk"]
    c.check(row and row[0]["Label"] == label[run], "%s nodes CSV: publisher label %r" % (run, row and row[0]["Label"]))
    c.check(all(NUMBER.fullmatch(dict(zip(h, n))["Confidence"]) for n in nodes), "%s nodes CSV: Confidence untouched" % run)
    h, edges = read(run, "fjord.edges.csv")
    c.check(edges and all(dict(zip(h, e))["Weight"] == "1" for e in edges), "%s edges CSV: Weight untouched" % run)

c.check(filecmp.cmp(os.path.join(d, "guarded", "fjord.nt"), os.path.join(d, "raw", "fjord.nt"), shallow=False) and
        filecmp.cmp(os.path.join(d, "guarded", "fjord.ttl"), os.path.join(d, "raw", "fjord.ttl"), shallow=False),
        "the RDF is the same with and without --csv-raw")

h, nodes = read("neo", "fjord.nodes.csv")
c.check(any(n[h.index("label")] == "=Fjord Post Desk" for n in nodes), "neo4j nodes CSV: written raw")
c.check(not any(cell.startswith("'") for n in nodes for cell in n), "neo4j nodes CSV: no leading ' anywhere")
_, neo_triples = read("neo", "fjord.triples.csv")
c.check(set(neo_triples) == set(guarded), "neo4j dialect: the triples CSV is still guarded")
c.report()
PY
