/* newsgraph -- triple: an RDF triple and a namespace prefix as plain strings.
 *
 * The data the output side passes around, without the pipeline behind it:
 * graph.h makes NgTriples (ng_graph_triples), and write.h, viz.h, store.h
 * and rdfterm.h read them.  Nothing here owns memory: every string is
 * borrowed from whoever made the triple.
 */
#ifndef NG_TRIPLE_H
#define NG_TRIPLE_H

/** One triple as plain strings.  The object is an IRI when `o_iri` is set,
 *  else a literal with optional datatype IRI or language tag. */
typedef struct {
  const char *s, *p, *o;
  const char *datatype; /**< NULL for plain or language-tagged literals. */
  const char *lang;     /**< NULL unless language-tagged. */
  int o_iri;
} NgTriple;

/** A namespace prefix of the Turtle output. */
typedef struct {
  const char *prefix; /**< e.g. "ng" */
  const char *ns;     /**< e.g. "https://w3id.org/newsgraph/ontology#" */
} NgPrefix;

#endif /* NG_TRIPLE_H */
