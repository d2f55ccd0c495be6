#!/usr/bin/env bash
# The GraphML export loads in networkx (Debian python3-networkx) with the
# nodes and edges the RDF has (counted with SPARQL over the Turtle by
# rdflib, tests/vizcheck.py), the same ones as the nodes and edges CSVs;
# every node has a label, a type and its IRI; every <key> declares an
# attr.type and the typed values come back as numbers; every <key> has the
# domain of its attribute (for="node" for n_*, for="edge" for e_*) and every
# <data> uses a key of its element's domain; labels that need
# XML escaping (an article whose publisher is "=Fjord & <Harbour> \ Post
# Desk", and the hand-made odd.graphml of test_viz) come back unchanged.
# Usage: graphml.sh NEWSGRAPH SOURCE_DIR TEST_VIZ
set -u
bin=$1 src=$2 test_viz=$3
# Debian's interpreter: python3-networkx and python3-rdflib install for it,
# and a python3 earlier on PATH may not have them.
py=${NG_PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" -q -f ttl,graphml,nodes,edges -o "$tmp" "$src/examples/kerry-sochi.txt" || { echo "newsgraph failed"; echo "0 passed, 1 failed"; exit 1; }
pub='=Fjord & <Harbour> \ Post Desk'
printf 'Oslo, March 3 -- Anna Petrova, director of the Nordic Policy Institute, met Mark Olsen in Oslo on Monday, the %s reported.\n' "$pub" > "$tmp/fjord.txt"
"$bin" -q -f graphml -o "$tmp" --publisher "$pub" "$tmp/fjord.txt" || { echo "newsgraph failed on fjord.txt"; echo "0 passed, 1 failed"; exit 1; }
"$test_viz" "$tmp" > /dev/null || { echo "test_viz failed"; echo "0 passed, 1 failed"; exit 1; }

"$py" - "$tmp" "$src" "$pub" <<'PY'
import csv, os, sys
import xml.etree.ElementTree as ET
d, src, pub = sys.argv[1:4]
sys.path.insert(0, os.path.join(src, "tests"))
import networkx as nx
import vizcheck

c = vizcheck.Counter()
g = vizcheck.load(os.path.join(d, "kerry-sochi.ttl"), os.path.join(src, "ontology", "newsgraph.ttl"))
nodes, edges = vizcheck.rdf_nodes(g), vizcheck.rdf_edges(g)
c.check(len(nodes) > 20 and len(edges) > 20, "the RDF has %d nodes and %d edges" % (len(nodes), len(edges)))

path = os.path.join(d, "kerry-sochi.graphml")
G = nx.read_graphml(path, force_multigraph=True)
c.check(G.is_directed(), "a directed graph")
c.check(G.number_of_nodes() == len(nodes), "node count %d == RDF's %d" % (G.number_of_nodes(), len(nodes)))
c.check(G.number_of_edges() == len(edges), "edge count %d == RDF's %d" % (G.number_of_edges(), len(edges)))
c.check(set(G.nodes) == set(nodes), "the node ids are the RDF nodes' IRIs without the base")
ours = sorted((u, v, a.get("label")) for u, v, a in G.edges(data=True))
c.check(ours == edges, "the edges (source, target, label) are the RDF's direct edges")

bad = [n for n, a in G.nodes(data=True) if not a.get("label") or not a.get("type")]
c.check(not bad, "every node has a label and a type (%s)" % bad[:3])
bad = [n for n, a in G.nodes(data=True)
       if (a.get("iri"), a.get("label"), a.get("type")) != nodes[n]]
c.check(not bad, "iri, label and type are the RDF's (%s)" % bad[:3])
c.check(all(a.get("kind") in ("Person", "Organization", "Place", "Agreement", "Event") for _, a in G.nodes(data=True)),
        "every node has a top class (kind)")
c.check(all(isinstance(a.get("weight"), float) and a.get("type") in ("Directed", "Undirected")
            for _, _, a in G.edges(data=True)), "edge weight is a double, type Directed/Undirected")
c.check(all(isinstance(a["confidence"], float) for _, a in G.nodes(data=True) if "confidence" in a),
        "node confidence is a double")
c.check(any(a.get("type") == "Undirected" and a.get("label") == "metWith" for _, _, a in G.edges(data=True)),
        "metWith edges are marked Undirected")

ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(path).getroot()
keys = root.findall("g:key", ns)
c.check(keys and all(k.get("attr.type") in ("string", "double", "int", "boolean", "long", "float") and k.get("attr.name")
                     for k in keys), "every <key> declares attr.name and attr.type")
declared = {k.get("id") for k in keys}
used = {e.get("key") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}data")}
c.check(used <= declared, "every <data> uses a declared key")


def key_domains(path):
    """GraphML keys have a domain (for="node", "edge", ...); a <data> may only
    use a key of its own element's domain (or "all").  newsgraph names node
    keys n_* and edge keys e_*."""
    root = ET.parse(path).getroot()
    g = "{http://graphml.graphdrawing.org/xmlns}"
    keys = root.findall(g + "key")
    name = os.path.basename(path)
    domain = {k.get("id"): k.get("for") for k in keys}
    c.check(len(domain) == len(keys), "%s: key ids are unique" % name)
    wrong = ["%s for=%s" % (i, f) for i, f in domain.items()
             if not ((i.startswith("n_") and f == "node") or (i.startswith("e_") and f == "edge"))]
    c.check(keys and not wrong, "%s: node keys n_* are declared for=\"node\", edge keys e_* for=\"edge\"%s"
            % (name, " (not: %s)" % ", ".join(wrong) if wrong else ""))
    names = [(k.get("for"), k.get("attr.name")) for k in keys]
    c.check(len(names) == len(set(names)), "%s: one key per attribute name and domain" % name)
    bad, owned = [], set()
    for tag in ("node", "edge"):
        for el in root.iter(g + tag):
            for d in el.findall(g + "data"):
                owned.add(id(d))
                if domain.get(d.get("key")) not in (tag, "all"):
                    bad.append("<%s id=%r> uses key %r (for=%r)" % (tag, el.get("id"), d.get("key"), domain.get(d.get("key"))))
    c.check(owned and not bad, "%s: each of %d <data> of a node or edge uses a key of its element's domain%s"
            % (name, len(owned), " (not: %s)" % "; ".join(bad[:3]) if bad else ""))
    stray = [d.get("key") for d in root.iter(g + "data") if id(d) not in owned]
    c.check(not stray, "%s: no <data> outside a node or an edge%s" % (name, " (%s)" % stray[:3] if stray else ""))


for f in ("kerry-sochi.graphml", "fjord.graphml", "odd.graphml"):
    key_domains(os.path.join(d, f))

def read_csv(name):
    with open(os.path.join(d, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, strict=True))
c.check({r["Id"] for r in read_csv("kerry-sochi.nodes.csv")} == set(G.nodes), "the same nodes as the nodes CSV")
c.check(sorted((r["Source"], r["Target"], r["Label"]) for r in read_csv("kerry-sochi.edges.csv")) == ours,
        "the same edges as the edges CSV")
# the Gephi CSVs as a networkx graph, as a user would build it
H = nx.MultiDiGraph()
H.add_nodes_from((r["Id"], {"label": r["Label"], "type": r["Type"]}) for r in read_csv("kerry-sochi.nodes.csv"))
H.add_edges_from((r["Source"], r["Target"], {"label": r["Label"], "weight": float(r["Weight"])})
                 for r in read_csv("kerry-sochi.edges.csv"))
c.check(H.number_of_nodes() == len(nodes), "CSV graph: node count %d == RDF's %d" % (H.number_of_nodes(), len(nodes)))
c.check(H.number_of_edges() == len(edges), "CSV graph: edge count %d == RDF's %d" % (H.number_of_edges(), len(edges)))

F = nx.read_graphml(os.path.join(d, "fjord.graphml"), force_multigraph=True)
c.check(F.nodes.get("org/fjord-harbour-post-desk", {}).get("label") == pub,
        "a label with = & < > \\ comes back unchanged")

O = nx.read_graphml(os.path.join(d, "odd.graphml"), force_multigraph=True)
odd = "Ann \"The Quote\" O'Neil \\ <b>&amp;\nline2\ufffdend"
c.check(O.nodes.get("person/x", {}).get("label") == odd, "odd.graphml: quotes, markup, line feed survive; U+0001 -> U+FFFD")
c.check(O.nodes.get("person/y", {}).get("label") == "-5 Bob\ufffd\ufffd!", "odd.graphml: U+007F and U+FFFE -> U+FFFD")
c.check("http://other.org/x?a=1&b=2" in O.nodes and O.number_of_edges() == 4, "odd.graphml: an id with & and 4 edges")
c.report()
PY
