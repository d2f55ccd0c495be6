/* newsgraph -- query: SPARQL over a store, the engine behind `newsgraph
 * query`.
 *
 * The query is parsed by rasqal 0.9.33 (Debian librasqal3) and checked
 * once more on the parse: only SELECT, ASK, CONSTRUCT and DESCRIBE, no
 * FROM or FROM NAMED, no SERVICE anywhere (the text was checked by
 * query_guard.h first; this check does not depend on how the text was
 * tokenized).  It then runs through librdf over the store's SQLite
 * storage: every article's graph, the default graph being their union.
 *
 * DESCRIBE is answered here, not by librdf (which cannot): the resources
 * it names or binds (a DESCRIBE with variables runs as SELECT DISTINCT of
 * those variables) are described by their concise bounded description in
 * the store: every triple with the resource as subject, in any graph,
 * and, for a blank node object, that node's description in turn.
 * CONSTRUCT and DESCRIBE results are N-Triples, sorted, without duplicate
 * lines.
 *
 * Results are written by results.h, at most `max_rows` rows (or triples).
 */
#ifndef NG_QUERY_H
#define NG_QUERY_H

#include "results.h"
#include "status.h"
#include "store.h"

#include <stddef.h>
#include <stdio.h>

typedef struct {
  NgResults format; /**< for SELECT and ASK; graphs are always N-Triples */
  size_t max_rows;  /**< rows or triples written at most; 0: no limit */
} NgQueryOptions;

/** How a query ended when ng_query_run() returned NG_SUCCESS. */
typedef enum {
  NG_QUERY_ANSWERED, /**< Every row is written. */
  NG_QUERY_CUT,      /**< max_rows rows are written and there were more. */
  NG_QUERY_REFUSED   /**< Nothing is written; `err` says what was refused and why. */
} NgQueryOutcome;

/** Answer the SPARQL query `sparql` over the store `s` (opened with
 *  NG_STORE_READ) on `out`.  A query that does not parse or fails while it
 *  runs gives NG_ERR_SYNTAX with the engine's message in `err`; a failed
 *  write NG_ERR_IO. */
NgStatus ng_query_run(NgStore *s, const char *sparql, const NgQueryOptions *o, FILE *out, NgQueryOutcome *outcome,
                      char *err, size_t err_size);

#endif /* NG_QUERY_H */
