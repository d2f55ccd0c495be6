/* Shared SPARQL helpers for the tests (include after check.h and graph.h):
 * an ASK that reports query errors as failures, and a SELECT row count. */
#ifndef NG_TEST_SPARQL_CHECK_H
#define NG_TEST_SPARQL_CHECK_H

#include <stdio.h>

static int count_row(void *ctx, size_t n, const char *const *names, const char *const *values) {
  (void)n, (void)names, (void)values;
  ++*(size_t *)ctx;
  return 0;
}

/* The answer of an ASK query (1 or 0), or -1 when it failed. */
static int ask(NgGraph *g, const char *q) {
  int yes = -1;
  char err[512] = "";
  if (!CHECK_INT_EQ(ng_graph_query(g, q, &yes, NULL, NULL, err, sizeof err), NG_SUCCESS))
    fprintf(stderr, "  query error: %s\n%s\n", err, q);
  return yes;
}

/* The number of rows a SELECT query returns. */
static size_t select_count(NgGraph *g, const char *q) {
  char err[512] = "";
  size_t rows = 0;
  if (!CHECK_INT_EQ(ng_graph_query(g, q, NULL, count_row, &rows, err, sizeof err), NG_SUCCESS))
    fprintf(stderr, "  query error: %s\n%s\n", err, q);
  return rows;
}

#endif
