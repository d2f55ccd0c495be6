/* newsgraph -- store: a persistent RDF store of many articles on disk.
 *
 * librdf's SQLite storage (Debian's librdf-storage-sqlite) with one context,
 * a named graph, per article: putting an article's triples replaces
 * everything that graph held before, in one transaction, so a store always
 * holds the latest extraction of each article and nothing else of it.
 * Queries are SPARQL 1.1 through librdf/rasqal over all graphs (the default
 * graph is their union; GRAPH ?g names the article).
 *
 * One NgStore is one open database; it is not shared between threads.
 */
#ifndef NG_STORE_H
#define NG_STORE_H

#include "status.h"
#include "triple.h"

#include <stddef.h>
#include <stdio.h>

typedef struct NgStoreImpl NgStore;

/** How to open a store. */
typedef enum {
  NG_STORE_READ,  /**< The file must exist (NG_ERR_NOENT otherwise). */
  NG_STORE_CREATE /**< Created when it does not exist yet. */
} NgStoreMode;

/** Result formats of ng_store_query(). */
typedef enum {
  NG_RESULTS_TABLE, /**< Aligned columns for a terminal (our own layout). */
  NG_RESULTS_CSV,   /**< SPARQL 1.1 Query Results CSV (rasqal). */
  NG_RESULTS_TSV,   /**< SPARQL 1.1 Query Results TSV (rasqal). */
  NG_RESULTS_JSON   /**< SPARQL 1.1 Query Results JSON (rasqal). */
} NgResults;

/** Open (or create) the store in the SQLite file `path`.  *out is owned by
 *  the caller (ng_store_free).  On failure `err` receives a message. */
NgStatus ng_store_open(const char *path, NgStoreMode mode, NgStore **out, char *err, size_t err_size);

/** Close the store.  NULL is a no-op. */
void ng_store_free(NgStore *s);

/** Replace the named graph `graph` (an IRI) with the `n` triples `t`
 *  (borrowed), in one transaction: on failure the graph is unchanged. */
NgStatus ng_store_put_graph(NgStore *s, const char *graph, const NgTriple *t, size_t n);

/** Number of statements in the whole store. */
NgStatus ng_store_size(NgStore *s, size_t *n);

/** Run the SPARQL query `sparql` and print its results to `out` in `format`.
 *  CONSTRUCT and DESCRIBE results are printed as N-Triples whatever the
 *  format.  On NG_ERR_SYNTAX `err` receives the parser's message. */
NgStatus ng_store_query(NgStore *s, const char *sparql, NgResults format, FILE *out, char *err, size_t err_size);

#endif /* NG_STORE_H */
