/* newsgraph -- graph: the RDF model of one or more articles.
 *
 * With store.h, the only module that holds librdf (Redland) models.  It adds
 * the triples of an analysed document, under the IRIs of the IRI scheme
 * (scheme.h), to a plain in-memory triple set (all strings interned once),
 * hands the triples back sorted and free of duplicates for the writers, and
 * answers SPARQL queries through a librdf model that is built from the set
 * only when a query asks for it (tests, `newsgraph query`).  Writing a
 * document therefore never pays for librdf's indexes.  No blank nodes are
 * ever produced.
 */
#ifndef NG_GRAPH_H
#define NG_GRAPH_H

#include "pipeline.h"
#include "scheme.h"
#include "status.h"
#include "triple.h"

#include <stddef.h>

typedef struct NgGraphImpl NgGraph;

/** A new empty graph owned by the caller (ng_graph_free). */
NgStatus ng_graph_new(NgGraph **out);

/** Free the graph.  NULL is a no-op. */
void ng_graph_free(NgGraph *g);

/** Add the triples of the analysed article `a` (ng_analyze: its text,
 *  metadata and lexicon come with it), named `doc` (IRI-safe, at most
 *  NG_SLUG_MAX bytes of iri.h) in IRIs under `base` (scheme.h).  Everything is
 *  borrowed; the graph keeps copies of the strings. */
NgStatus ng_graph_add_analysis(NgGraph *g, const char *base, const char *doc, const NgAnalysis *a);

/** Add one triple.  Its strings are copied (interned); `t` stays the
 *  caller's. */
NgStatus ng_graph_add_triple(NgGraph *g, const NgTriple *t);

/** Parse an RDF file (a librdf parser name: "turtle", "ntriples") into the
 *  graph.  For re-reading newsgraph's own output (tests, queries); a blank
 *  node, which newsgraph never writes, is kept as the string "_:id".  On
 *  error nothing is added. */
NgStatus ng_graph_load_file(NgGraph *g, const char *path, const char *syntax);

/** Number of distinct triples in the graph. */
size_t ng_graph_size(NgGraph *g);

/** All distinct triples, sorted by subject, predicate, object (IRIs before
 *  literals), datatype and language, strings in byte order.  *out is
 *  borrowed: valid until the graph is next changed or freed.
 *
 *  The strings are interned: two equal strings of one graph, wherever they
 *  stand (subject, predicate, object, datatype or language of any triple),
 *  are one address, so code that reads the triples may compare them by
 *  address (viz.h does). */
NgStatus ng_graph_triples(NgGraph *g, const NgTriple **out, size_t *n);

/** Result row callback: `values[i]` is the i-th variable's value as a
 *  string (IRI, or literal lexical form) or NULL when unbound. */
typedef int (*NgRowFn)(void *ctx, size_t n, const char *const *names, const char *const *values);

/** Run a SPARQL query.  For ASK, *boolean receives the answer (if not
 *  NULL); for SELECT, `row` is called per result (stop by returning
 *  non-zero).  On NG_ERR_SYNTAX `err` receives the parser's message. */
NgStatus ng_graph_query(NgGraph *g, const char *sparql, int *boolean, NgRowFn row, void *ctx, char *err,
                        size_t err_size);

#endif /* NG_GRAPH_H */
