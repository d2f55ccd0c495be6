/* newsgraph -- query_rewrite: rewrites a SPARQL query so that rasqal
 * 0.9.33 answers it as SPARQL 1.1 says.
 *
 * Two constructs rasqal gets wrong have an equivalent it gets right (both
 * found by the differential test against Oxigraph,
 * tests/stores/differential/):
 *
 * - BIND(expr AS ?v) becomes BIND(COALESCE(expr) AS ?v).  When expr fails
 *   (a cast of a word to a number, an unbound variable), SPARQL leaves ?v
 *   unbound and keeps the row; rasqal drops every row of the query and
 *   reports nothing.  COALESCE of one failing argument leaves ?v unbound,
 *   in rasqal too.
 * - COUNT(?v) becomes SUM(IF(BOUND(?v), 1, 0)).  rasqal counts the rows
 *   where ?v is unbound (an OPTIONAL that did not match) as well.
 * - COUNT(DISTINCT ?x) miscounts (545 distinct subjects of the example
 *   where there are 350).  In the usual shape, SELECT ?g... (COUNT(DISTINCT
 *   ?x) AS ?n) WHERE { P } [GROUP BY ?g...] [ORDER BY, LIMIT, OFFSET], the
 *   query becomes SELECT ?g... (SUM(IF(BOUND(?x), 1, 0)) AS ?n) WHERE {
 *   SELECT DISTINCT ?g... ?x WHERE { P } } GROUP BY ?g...; any other
 *   COUNT(DISTINCT) (two of them, HAVING, another aggregate beside it, in a
 *   subquery) is refused with that rewrite as the advice.
 *
 * The query is tokenized with query_guard.h's tokenizer; strings, IRIs and
 * comments are never touched.  Run it on a query the guard passed.
 */
#ifndef NG_QUERY_REWRITE_H
#define NG_QUERY_REWRITE_H

#include <stddef.h>

/** What ng_query_rewrite() did. */
typedef enum {
  NG_REWRITE_DONE,    /**< *out holds the query to run. */
  NG_REWRITE_REFUSED, /**< A COUNT(DISTINCT ...) it cannot rewrite: `msg` says what works. */
  NG_REWRITE_NOMEM    /**< Out of memory. */
} NgRewrite;

/** Rewrite the query `text` (`len` bytes) into *out (NUL-terminated,
 *  owned by the caller: free; NULL unless NG_REWRITE_DONE). */
NgRewrite ng_query_rewrite(const char *text, size_t len, char **out, char *msg, size_t msg_size);

#endif /* NG_QUERY_REWRITE_H */
