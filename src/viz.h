/* newsgraph -- viz: the graph that visualizers see, as nodes and edges
 * CSVs, GraphML and Graphviz DOT.
 *
 * In:  an NgWriteInput (write.h): a document's triples as
 *      ng_graph_triples() returns them, sorted by subject and interned
 *      (equal strings are one address: the view compares, hashes and
 *      remembers terms by address, and works out what each distinct
 *      predicate and class means once), and the base IRI.
 * Out: - NgVizGraph, the node-and-edge view shared by every visualizer
 *        output, so that all of them hold the same nodes and edges:
 *          nodes: every subject typed with an entity class of types.h
 *                 (ng:Person, ng:University, ng:City, ng:Agreement...) or
 *                 with ng:Meeting or ng:Visit;
 *          edges: every triple whose predicate is in the ng: namespace and
 *                 whose subject and object are both nodes (the direct
 *                 edges: ng:affiliatedWith, ng:participant, ng:metWith...);
 *      - the nodes and edges CSVs (ng_write_nodes_csv, ng_write_edges_csv)
 *        in two dialects (NgCsvDialect): Gephi's spreadsheet import
 *        ("Id","Label" + attributes; "Source","Target","Type","Id","Label",
 *        "Weight") and neo4j-admin's import ("id:ID",":LABEL" + typed
 *        properties; ":START_ID",":END_ID",":TYPE" + typed properties),
 *        written with write.h's CSV rows.  In the Gephi dialect a text
 *        cell that a spreadsheet would run as a formula gets a leading "'"
 *        (unless csv_raw); numeric cells (weight, confidence) never do, and
 *        the Neo4j dialect, a machine import, never does it;
 *      - GraphML (ng_write_graphml): a directed graph with typed <key>s,
 *        readable by Gephi, Cytoscape, yEd and networkx;
 *      - DOT (ng_write_dot): a digraph for Graphviz, nodes shaped and
 *        coloured by their top class.
 * Nothing here prints or exits; every fallible call returns an NgStatus.
 */
#ifndef NG_VIZ_H
#define NG_VIZ_H

#include "status.h"
#include "write.h"

#include <stddef.h>
#include <stdio.h>

/** One node.  Every string is borrowed from the NgWriteInput's triples (or
 *  static) and never NULL; a missing value is "". */
typedef struct {
  const char *id;             /**< The IRI without the base ("person/anna-petrova"); the IRI itself
                                   when it is outside the base. */
  const char *iri;            /**< The node's IRI. */
  const char *label;          /**< rdfs:label. */
  const char *cls;            /**< Its class, a local name: "Person", "University", "Meeting"... */
  const char *kind;           /**< Its top class: "Person", "Organization", "Place",
                                   "Agreement" or "Event". */
  const char *const *aliases; /**< skos:altLabel values, in triple order. */
  size_t n_aliases;
  const char *wikidata;   /**< ng:wikidataId ("Q585"). */
  const char *confidence; /**< ng:confidence, a decimal ("0.85"). */
  const char *rule;       /**< ng:rule, the extraction rule id. */
} NgVizNode;

/** One direct edge between two nodes. */
typedef struct {
  size_t source, target; /**< Indices into the node array. */
  const char *predicate; /**< The predicate IRI (borrowed). */
  const char *name;      /**< Its local name ("affiliatedWith"; borrowed). */
  int directed;          /**< 0 for ng:metWith, which is symmetric; else 1. */
} NgVizEdge;

typedef struct NgVizGraphImpl NgVizGraph;

/** Build the view of `in`'s triples.  *out is owned by the caller (free it
 *  with ng_viz_graph_free) and borrows the strings of `in->triples`: it is
 *  valid while they are.  On failure *out is NULL. */
NgStatus ng_viz_graph_new(const NgWriteInput *in, NgVizGraph **out);

/** Free the view.  NULL is a no-op. */
void ng_viz_graph_free(NgVizGraph *g);

/** The nodes, in subject order (byte order of their IRIs).  *n receives
 *  their number; the array is borrowed from `g`. */
const NgVizNode *ng_viz_graph_nodes(const NgVizGraph *g, size_t *n);

/** The edges, ordered by subject, then predicate and object.  Edge i is
 *  called "e<i+1>" in every output.  The array is borrowed from `g`. */
const NgVizEdge *ng_viz_graph_edges(const NgVizGraph *g, size_t *n);

/** The nodes CSV, one row per node, in the dialect in->csv_dialect. */
NgStatus ng_write_nodes_csv(const NgWriteInput *in, FILE *f);

/** The edges CSV, one row per edge, in the dialect in->csv_dialect. */
NgStatus ng_write_edges_csv(const NgWriteInput *in, FILE *f);

/** Write the view of `in` as GraphML 1.0 (UTF-8) to f.  Node attributes:
 *  label, type (the class), kind (the top class), iri, aliases ('|'
 *  between them), wikidata (strings), confidence (double); edge
 *  attributes: label (the predicate's local name), type ("Directed" or
 *  "Undirected"), weight (double), predicate (the IRI).  Empty values are
 *  left out.  Text is escaped with raptor2's raptor_xml_escape_string();
 *  characters XML 1.0 cannot carry (control characters other than TAB, LF
 *  and CR, U+007F, U+FFFE, U+FFFF) become U+FFFD. */
NgStatus ng_write_graphml(const NgWriteInput *in, FILE *f);

/** Write the view of `in` as a Graphviz DOT digraph to f.  Node IDs are
 *  the node ids, node labels the rdfs:labels, edge labels the predicates'
 *  local names; ng:metWith edges have dir=none.  Every ID and label is a
 *  double-quoted string in which '"' and '\' are escaped with a backslash,
 *  a line feed becomes "\n" and other control characters a space: no raw
 *  line breaks; U+FFFE and U+FFFF become U+FFFD.  In labels '&' is written "&amp;", because Graphviz reads
 *  entities in labels. */
NgStatus ng_write_dot(const NgWriteInput *in, FILE *f);

#endif /* NG_VIZ_H */
