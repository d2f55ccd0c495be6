"""Shared helpers of the visualizer tests (graphml.sh, dot.sh, neo4j.sh):
the nodes and edges a visualizer should get, read from the RDF with rdflib
and SPARQL (not from newsgraph's own view), and a small pass/fail counter.

Nodes: subjects typed with an ng: class under ng:Person, ng:Organization,
ng:Place, ng:Agreement or ng:Event in the ontology.  Edges: triples with an
ng: predicate between two nodes."""

import sys

import rdflib

NG = "https://w3id.org/newsgraph/ontology#"
BASE = "https://w3id.org/newsgraph/id/"

PREFIXES = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
NODE_PATTERN = """
  ?{v} a ?{v}c . ?{v}c rdfs:subClassOf* ?{v}top .
  VALUES ?{v}top {{ ng:Person ng:Organization ng:Place ng:Agreement ng:Event }}
  FILTER(STRSTARTS(STR(?{v}c), STR(ng:)))
"""


def load(ttl, ontology):
    g = rdflib.Graph()
    g.parse(ttl, format="turtle")
    g.parse(ontology, format="turtle")
    return g


def short(iri):
    return iri[len(BASE):] if iri.startswith(BASE) and len(iri) > len(BASE) else iri


def rdf_nodes(g):
    """{id: (iri, label, class local name)} of every node."""
    q = PREFIXES + "SELECT DISTINCT ?s ?sc ?label WHERE {" + NODE_PATTERN.format(v="s") + \
        " OPTIONAL { ?s rdfs:label ?label } }"
    out = {}
    for s, c, label in g.query(q):
        out[short(str(s))] = (str(s), str(label) if label is not None else "", str(c)[len(NG):])
    return out


def rdf_edges(g):
    """Sorted list of (source id, target id, predicate local name)."""
    q = PREFIXES + "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(ng:)))" + \
        NODE_PATTERN.format(v="s") + NODE_PATTERN.format(v="o") + "}"
    return sorted((short(str(s)), short(str(o)), str(p)[len(NG):]) for s, p, o in g.query(q))


class Counter:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, cond, what):
        if cond:
            self.passed += 1
            print("ok:", what)
        else:
            self.failed += 1
            print("FAIL:", what)
        return cond

    def report(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        sys.exit(1 if self.failed else 0)
