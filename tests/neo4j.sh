#!/usr/bin/env bash
# --csv-dialect neo4j writes CSVs for `neo4j-admin database import full`
# (Neo4j itself cannot run here): Python's csv module reads them in strict
# mode; the headers are id:ID, :LABEL and typed properties, and :START_ID,
# :END_ID, :TYPE and typed properties; ids are unique and every :START_ID
# and :END_ID is one of them; labels and types are valid names, typed values
# parse as their types; the nodes and relationships are the RDF's (SPARQL
# over the Turtle, tests/vizcheck.py) and the Gephi CSVs'; cells are written
# raw (no formula-injection quote) even without --csv-raw.
# Usage: neo4j.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
py=${NG_PYTHON:-/usr/bin/python3} # Debian's, with python3-rdflib
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/neo" "$tmp/gephi"
ex=$src/examples/kerry-sochi.txt
"$bin" -q -f ttl,nodes,edges --csv-dialect neo4j -o "$tmp/neo" "$ex" &&
  "$bin" -q -f nodes,edges --csv-dialect gephi -o "$tmp/gephi" "$ex" || { echo "newsgraph failed"; echo "0 passed, 1 failed"; exit 1; }
pub='=Fjord & <Harbour> \ Post Desk'
printf 'Oslo, March 3 -- Anna Petrova, director of the Nordic Policy Institute, met Mark Olsen in Oslo on Monday, the %s reported.\n' "$pub" > "$tmp/fjord.txt"
"$bin" -q -f nodes --csv-dialect neo4j -o "$tmp/neo" --publisher "$pub" "$tmp/fjord.txt" || { echo "newsgraph failed on fjord.txt"; echo "0 passed, 1 failed"; exit 1; }

"$py" - "$tmp" "$src" "$pub" <<'PY'
import csv, os, re, sys
d, src, pub = sys.argv[1:4]
sys.path.insert(0, os.path.join(src, "tests"))
import vizcheck

c = vizcheck.Counter()

def rows(path):
    raw = open(path, "rb").read()
    c.check(not raw.startswith(b"\xef\xbb\xbf"), "%s: no BOM" % os.path.basename(path))
    c.check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "%s: CRLF line ends" % os.path.basename(path))
    with open(path, newline="", encoding="utf-8") as f:
        r = list(csv.reader(f, strict=True))
    c.check(len({len(x) for x in r}) == 1, "%s: strict parse, one width" % os.path.basename(path))
    return r[0], [dict(zip(r[0], x)) for x in r[1:]]

nh, nodes = rows(os.path.join(d, "neo", "kerry-sochi.nodes.csv"))
eh, rels = rows(os.path.join(d, "neo", "kerry-sochi.edges.csv"))
c.check(nh == ["id:ID", ":LABEL", "label", "iri", "aliases:string[]", "wikidata", "confidence:double", "rule"],
        "nodes header: %s" % ",".join(nh))
c.check(eh == [":START_ID", ":END_ID", ":TYPE", "label", "weight:double", "directed:boolean", "predicate"],
        "relationships header: %s" % ",".join(eh))
# every property column is name or name:type with a type neo4j-admin knows
TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "date", "datetime"}
props = [h for h in nh + eh if not h.startswith(":") and h != "id:ID"]
c.check(all(re.fullmatch(r"[a-z][A-Za-z0-9_]*(:(%s)(\[\])?)?" % "|".join(TYPES), h) for h in props),
        "property headers are name[:type]")

ids = [n["id:ID"] for n in nodes]
c.check(len(ids) == len(set(ids)) and all(ids), "node ids are unique and not empty")
idset = set(ids)
missing = [(r[":START_ID"], r[":END_ID"]) for r in rels if r[":START_ID"] not in idset or r[":END_ID"] not in idset]
c.check(rels and not missing, "every :START_ID and :END_ID is a node id (%d relationships) %s" % (len(rels), missing[:3]))
c.check(all(n[":LABEL"] and all(re.fullmatch(r"[A-Z][A-Za-z]*", l) for l in n[":LABEL"].split(";")) for n in nodes),
        ":LABEL holds ';'-separated class names")
c.check(all(re.fullmatch(r"[A-Z][A-Z0-9_]*", r[":TYPE"]) for r in rels), ":TYPE is UPPER_SNAKE")
c.check(any(r[":TYPE"] == "AFFILIATED_WITH" and r["label"] == "affiliatedWith" for r in rels), "affiliatedWith -> AFFILIATED_WITH")

def is_double(v):
    try:
        float(v)
        return True
    except ValueError:
        return False
c.check(all(v == "" or is_double(v) for v in (n["confidence:double"] for n in nodes)), "confidence:double values parse")
c.check(all(is_double(r["weight:double"]) for r in rels), "weight:double values parse")
c.check(all(r["directed:boolean"] in ("true", "false") for r in rels), "directed:boolean values are true/false")
c.check(all(all(a.strip() for a in n["aliases:string[]"].split(";")) for n in nodes if n["aliases:string[]"]),
        "aliases:string[] splits on ';' into non-empty names")

g = vizcheck.load(os.path.join(d, "neo", "kerry-sochi.ttl"), os.path.join(src, "ontology", "newsgraph.ttl"))
rn, re_ = vizcheck.rdf_nodes(g), vizcheck.rdf_edges(g)
c.check(len(nodes) == len(rn) and idset == set(rn), "the nodes are the RDF's (%d, RDF %d)" % (len(nodes), len(rn)))
c.check(all((n["iri"], n["label"], n[":LABEL"].split(";")[-1]) == rn.get(n["id:ID"]) for n in nodes),
        "iri, label and class are the RDF's")
c.check(sorted((r[":START_ID"], r[":END_ID"], r["label"]) for r in rels) == re_,
        "the relationships are the RDF's direct edges (%d, RDF %d)" % (len(rels), len(re_)))

_, gn = rows(os.path.join(d, "gephi", "kerry-sochi.nodes.csv"))
_, ge = rows(os.path.join(d, "gephi", "kerry-sochi.edges.csv"))
c.check([n["Id"] for n in gn] == ids, "the same nodes as the Gephi nodes CSV")
c.check([(e["Source"], e["Target"]) for e in ge] == [(r[":START_ID"], r[":END_ID"]) for r in rels],
        "the same edges as the Gephi edges CSV")

_, fj = rows(os.path.join(d, "neo", "fjord.nodes.csv"))
c.check(any(n["label"] == pub for n in fj), "a label starting with '=' is written raw for Neo4j")
c.report()
PY
