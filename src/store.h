/* newsgraph -- store: a persistent RDF store of many articles on disk.
 *
 * One SQLite file in the schema of librdf's SQLite storage (Debian's
 * librdf-storage-sqlite: tables uris, blanks, literals and triples), with
 * one context, a named graph, per article.  Putting an article's triples
 * replaces everything that graph held before, in one transaction, so a
 * store always holds the latest extraction of each article and nothing
 * else of it.
 *
 * Writes go straight to SQLite through prepared statements (librdf's own
 * storage issues SQL text per node and scans the literals table for each
 * literal, which made large inputs quadratic); newsgraph adds three indexes
 * of its own (literals, contexts, predicate and object) that librdf ignores
 * and SQLite uses for librdf's reads too.  Queries (query.h) read the
 * store through librdf's SQLite storage and rasqal, so the file stays a
 * librdf store both ways.
 *
 * Opening a store checks it: the file must be an SQLite database with the
 * four tables, and SQLite's quick_check (the b-tree structure of every
 * page) must pass; a damaged store is refused instead of answering from
 * it.  ng_store_check() is the full check of `newsgraph store check`.
 *
 * One NgStore is one open database; it is not shared between threads.
 */
#ifndef NG_STORE_H
#define NG_STORE_H

#include "status.h"
#include "triple.h"

#include <stddef.h>

typedef struct NgStoreImpl NgStore;

/** How to open a store. */
typedef enum {
  NG_STORE_READ,  /**< For queries: the file must exist (NG_ERR_NOENT otherwise). */
  NG_STORE_CREATE /**< For writing: created when missing or empty. */
} NgStoreMode;

/** Open (or create) the store in the SQLite file `path`.  *out is owned by
 *  the caller (ng_store_free).  On failure `err` receives one line: a
 *  missing store (NG_ERR_NOENT), a directory (NG_ERR_ISDIR), a file that is
 *  not a newsgraph store or a damaged store (NG_ERR_SYNTAX: "damaged
 *  store: ..."), or an SQLite or librdf error (NG_ERR_RDF, NG_ERR_IO). */
NgStatus ng_store_open(const char *path, NgStoreMode mode, NgStore **out, char *err, size_t err_size);

/** Close the store.  NULL is a no-op. */
void ng_store_free(NgStore *s);

/** Replace the named graph `graph` (an IRI) with the `n` triples `t`
 *  (borrowed), in one transaction: on failure the graph is unchanged. */
NgStatus ng_store_put_graph(NgStore *s, const char *graph, const NgTriple *t, size_t n);

/** Number of statements in the whole store. */
NgStatus ng_store_size(NgStore *s, size_t *n);

/** What ng_store_check() found in a sound store. */
typedef struct {
  size_t triples; /**< rows of the triples table */
  size_t graphs;  /**< distinct contexts */
} NgStoreReport;

/** The full check of the store file `path`: SQLite's integrity_check
 *  (every page, every index against its table), the schema, and that every
 *  triple's subject, predicate, object and context exist in their tables.
 *  NG_SUCCESS fills *report; a damaged store gives NG_ERR_SYNTAX and one
 *  line in `err` ("damaged store: ..."); other failures as ng_store_open. */
NgStatus ng_store_check(const char *path, NgStoreReport *report, char *err, size_t err_size);

#endif /* NG_STORE_H */
