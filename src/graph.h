/* newsgraph -- graph: the RDF model of one or more articles.
 *
 * With store.h, the only module that holds librdf (Redland) models.  It mints IRIs and adds
 * the triples of an analysed document to a plain in-memory triple set (all
 * strings interned once), hands the triples back sorted and free of
 * duplicates for the writers, and answers SPARQL queries through a librdf
 * model that is built from the set only when a query asks for it (tests,
 * `newsgraph query`).  Writing a document therefore never pays for librdf's
 * indexes.
 *
 * IRIs: entities <base><type>/<slug> (same type + name -> same IRI in every
 * article), the article <base>article/<doc>, its text as a NIF context
 * <base>article/<doc>#char=0,N, mentions <base>article/<doc>#char=B,E
 * (offsets in Unicode code points), roles, events and statements under
 * <base>role/<doc>/, <base>event/<doc>/, <base>statement/<doc>/ and
 * <base>assertion/<doc>/ (direct edges reified with confidence and rule).  No blank
 * nodes are ever produced.
 */
#ifndef NG_GRAPH_H
#define NG_GRAPH_H

#include "lexicon.h"
#include "meta.h"
#include "recognize.h"
#include "relate.h"
#include "resolve.h"
#include "status.h"
#include "text.h"
#include "triple.h"

#include <stddef.h>

/** The ontology namespace. */
#define NG_NS "https://w3id.org/newsgraph/ontology#"
/** The default base IRI of minted resources. */
#define NG_DEFAULT_BASE "https://w3id.org/newsgraph/id/"

/** Everything known about one analysed article (all borrowed). */
typedef struct {
  const char *base; /**< Base IRI, ends with '/' or '#'. */
  const char *doc;  /**< Document slug (IRI-safe). */
  const NgText *text;
  const NgMeta *meta;
  const NgLexicon *lex;
  const NgRecognition *rec;
  const NgEntities *ents;
  const NgRelations *rels;
} NgDocument;

/** Write the article's IRI, <base>article/<doc>, into out[0..size) (cut
 *  short, NUL-terminated, when it does not fit).  The same IRI names the
 *  article's graph in N-Quads and in the store. */
void ng_graph_article_iri(const char *base, const char *doc, char *out, size_t size);

typedef struct NgGraphImpl NgGraph;

/** A new empty graph owned by the caller (ng_graph_free). */
NgStatus ng_graph_new(NgGraph **out);

/** Free the graph.  NULL is a no-op. */
void ng_graph_free(NgGraph *g);

/** Add the triples of `doc`. */
NgStatus ng_graph_add_document(NgGraph *g, const NgDocument *doc);

/** Parse an RDF file (a librdf parser name: "turtle", "ntriples") into the
 *  graph.  For re-reading newsgraph's own output (tests, queries); a blank
 *  node, which newsgraph never writes, is kept as the string "_:id".  On
 *  error nothing is added. */
NgStatus ng_graph_load_file(NgGraph *g, const char *path, const char *syntax);

/** Number of distinct triples in the graph. */
size_t ng_graph_size(NgGraph *g);

/** All distinct triples, sorted by subject, predicate, object (IRIs before
 *  literals), datatype and language, strings in byte order.  *out is
 *  borrowed: valid until the graph is next changed or freed. */
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
