/* Shared SPARQL helpers for the tests (include after check.h and graph.h):
 * an ASK that reports query errors as failures, a SELECT row count, and
 * the reading of a mention row (?m ?a ?b ?e ?s: mention, anchor, begin,
 * end, context string) with its anchor checked against the context. */
#ifndef NG_TEST_SPARQL_CHECK_H
#define NG_TEST_SPARQL_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Byte offset of code point `cp` in UTF-8 s (or strlen(s) when beyond). */
static size_t cp_to_byte(const char *s, size_t cp) {
  size_t b = 0, c = 0;
  while (s[b] && c < cp) {
    ++b;
    while (((unsigned char)s[b] & 0xC0) == 0x80) ++b;
    ++c;
  }
  return b;
}

typedef struct {
  const char *m, *a, *s; /* mention IRI, anchor, context string */
  size_t b, e;           /* NIF offsets (code points) */
  size_t bb, eb;         /* the same in bytes of s */
} MentionRow;

/* Read a mention row; 0 when a value is missing. */
static int mention_row(size_t n, const char *const *names, const char *const *values, MentionRow *r) {
  const char *bs = NULL, *es = NULL;
  memset(r, 0, sizeof *r);
  for (size_t i = 0; i < n; ++i) {
    if (strcmp(names[i], "m") == 0)
      r->m = values[i];
    else if (strcmp(names[i], "a") == 0)
      r->a = values[i];
    else if (strcmp(names[i], "b") == 0)
      bs = values[i];
    else if (strcmp(names[i], "e") == 0)
      es = values[i];
    else if (strcmp(names[i], "s") == 0)
      r->s = values[i];
  }
  if (!r->m || !r->a || !bs || !es || !r->s) return 0;
  r->b = strtoul(bs, NULL, 10);
  r->e = strtoul(es, NULL, 10);
  r->bb = cp_to_byte(r->s, r->b);
  r->eb = cp_to_byte(r->s, r->e);
  return 1;
}

/* Does the anchor equal the context's text between the offsets? */
static int mention_anchor_ok(const MentionRow *r) {
  return r->e > r->b && strlen(r->a) == r->eb - r->bb && memcmp(r->s + r->bb, r->a, r->eb - r->bb) == 0;
}

#endif
