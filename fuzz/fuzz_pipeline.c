/* newsgraph -- fuzz target: the whole pipeline, as `newsgraph -f all` runs
 * it, into memory streams, every output read back by an independent reader.
 *
 * Input: an optional header, then the article:
 *
 *     ---
 *     title: Talks in Oslo          metadata keys (ng_meta_set): title,
 *     date: 2021-06-14              publisher, date, url, language...
 *     base: http://example.org/#    the base IRI (if ng_scheme_base_ok)
 *     name: Some Story              the document name (slugified)
 *     raw: 1                        --csv-raw
 *     ---
 *     The text of the article...
 *
 * The text goes through ng_text_from_buffer (rejected input is fine), the
 * analysis with the metadata, the graph, and every writer: Turtle,
 * N-Triples, N-Quads, the triples CSV, the nodes and edges CSVs in both
 * dialects, GraphML and DOT.  Every writer must succeed, and:
 *   - Turtle, N-Triples and N-Quads read back by raptor's parsers give
 *     exactly the graph's triples (N-Quads all in the article's graph);
 *   - every CSV is read by libcsv in strict mode as RFC 4180 (blanks kept):
 *     the triples CSV has one row per triple plus the header, the nodes and
 *     edges CSVs one per node and edge plus the header, all rows as wide as
 *     the header;
 *   - GraphML is well-formed XML (raptor's SAX2 reader, libxml2);
 *   - DOT strings close on their line and hold no control character;
 *   - every output is valid UTF-8;
 * and --explain (ng_explain) must succeed and write valid UTF-8.
 * Nothing is masked: the header's values go through ng_meta_set and
 * ng_scheme_base_ok, the article through the text reader, as on the
 * command line (findings F1, F3, F4 and F5 of docs/robustness.md were
 * fixed there).
 */
#include "explain.h"
#include "fuzz_common.h"
#include "graph.h"
#include "iri.h"
#include "pipeline.h"
#include "scheme.h"
#include "text.h"
#include "utf8.h"
#include "viz.h"
#include "write.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  NgMeta meta;
  char base[NG_BASE_MAX + 1];
  char doc[NG_SLUG_MAX + 1];
  int csv_raw;
  size_t text_off; /* where the article starts */
} Setup;

/* One header line "key: value" (NUL-terminated, in a buffer we own). */
static void header_line(Setup *s, char *line) {
  char *colon = strchr(line, ':');
  if (!colon) return;
  *colon = '\0';
  char *v = colon + 1;
  while (*v == ' ') ++v;
  if (strcmp(line, "base") == 0) {
    if (ng_scheme_base_ok(v)) snprintf(s->base, sizeof s->base, "%s", v);
  } else if (strcmp(line, "name") == 0) {
    ng_slugify(v, s->doc);
  } else if (strcmp(line, "raw") == 0) {
    s->csv_raw = *v == '1';
  } else {
    ng_meta_set(&s->meta, line, v, NULL, 0); /* a bad value is refused: fine */
  }
}

/* The header, when the input starts with "---\n"; s->text_off after it. */
static void read_header(const uint8_t *data, size_t size, Setup *s) {
  memset(s, 0, sizeof *s);
  strcpy(s->base, NG_DEFAULT_BASE);
  strcpy(s->doc, "fuzz");
  if (size < 4 || memcmp(data, "---\n", 4) != 0) return;
  char line[4096];
  for (size_t at = 4; at < size;) {
    const uint8_t *nl = memchr(data + at, '\n', size - at);
    size_t end = nl ? (size_t)(nl - data) : size, n = end - at;
    s->text_off = end + 1 < size ? end + 1 : size;
    if (n == 3 && memcmp(data + at, "---", 3) == 0) return;
    if (n < sizeof line && !memchr(data + at, '\0', n)) {
      memcpy(line, data + at, n);
      line[n] = '\0';
      header_line(s, line);
    }
    at = end + 1;
  }
}

/* ---- the oracles --------------------------------------------------------- */

/* RDF read back equals the written triples (`want`, sorted). */
static void check_rdf(const FuzzMem *m, const char *syntax, const char *graph, const FuzzTriples *want) {
  FuzzTriples got = {0};
  int errors = fuzz_parse_rdf(m->buf, m->len, syntax, graph, &got);
  fuzz_triples_sort(&got);
  long d = fuzz_triples_diff(want, &got);
  if (errors || d >= 0) {
    fprintf(stderr, "%.*s\n", (int)(m->len < 4000 ? m->len : 4000), m->buf);
    fuzz_fail("%s: %d parse errors; %zu triples written, %zu read; first difference %ld:\n  wrote %s\n  read  %s",
              syntax, errors, want->n, got.n, d, d >= 0 && (size_t)d < want->n ? want->v[d] : "-",
              d >= 0 && (size_t)d < got.n ? got.v[d] : "-");
  }
  fuzz_triples_free(&got);
}

typedef struct {
  size_t rows, width, bad_row;
} CsvShape;

static void on_row(void *ctx, char **fields, size_t n) {
  (void)fields;
  CsvShape *c = ctx;
  if (!c->rows) c->width = n;
  if (n != c->width && !c->bad_row) c->bad_row = c->rows + 1;
  ++c->rows;
}

/* A CSV of `rows` rows (with the header), all of one width. */
static void check_csv(const FuzzMem *m, const char *what, size_t rows) {
  CsvShape c = {0, 0, 0};
  if (fuzz_parse_csv(m->buf, m->len, 1, on_row, &c)) fuzz_fail("%s: libcsv (strict) cannot read it", what);
  if (c.rows != rows || c.bad_row)
    fuzz_fail("%s: %zu rows read, %zu written; row %zu is not %zu wide", what, c.rows, rows, c.bad_row, c.width);
}

/* DOT: every "string" closes on its line and holds no control character. */
static void check_dot(const FuzzMem *m) {
  int in = 0;
  for (size_t i = 0; i < m->len; ++i) {
    unsigned char c = (unsigned char)m->buf[i];
    if (!in) {
      in = c == '"';
    } else if (c == '\\' && i + 1 < m->len && m->buf[i + 1] != '\n') {
      ++i;
    } else if (c < 0x20) {
      fuzz_fail("dot: control character 0x%02x in a string at byte %zu", c, i);
    } else {
      in = c != '"';
    }
  }
  if (in) fuzz_fail("dot: a string is not closed");
}

/* ---- the writers --------------------------------------------------------- */

typedef struct {
  const NgWriteInput *in;
  const FuzzTriples *want;
  size_t nodes, edges;
} Expect;

enum { RDF, TRIPLES_CSV, NODES_CSV, EDGES_CSV, GRAPHML, DOT };

static const struct {
  const char *name;
  NgWriteFn fn;
  int kind;
} WRITERS[] = {{"turtle", ng_write_turtle, RDF},
               {"ntriples", ng_write_ntriples, RDF},
               {"nquads", ng_write_nquads, RDF},
               {"triples.csv", ng_write_triples_csv, TRIPLES_CSV},
               {"nodes.csv", ng_write_nodes_csv, NODES_CSV},
               {"edges.csv", ng_write_edges_csv, EDGES_CSV},
               {"graphml", ng_write_graphml, GRAPHML},
               {"dot", ng_write_dot, DOT}};

static void check_output(const FuzzMem *m, size_t w, const Expect *e) {
  const char *name = WRITERS[w].name;
  if (ng_utf8_valid_prefix(m->buf, m->len) != m->len)
    fuzz_fail("%s: invalid UTF-8 at byte %zu", name, ng_utf8_valid_prefix(m->buf, m->len));
  switch (WRITERS[w].kind) {
  case RDF: check_rdf(m, name, strcmp(name, "nquads") == 0 ? e->in->graph : NULL, e->want); break;
  case TRIPLES_CSV: check_csv(m, name, e->in->n + 1); break;
  case NODES_CSV: check_csv(m, name, e->nodes + 1); break;
  case EDGES_CSV: check_csv(m, name, e->edges + 1); break;
  case GRAPHML:
    if (fuzz_xml_errors(m->buf, m->len)) fuzz_fail("graphml: not well-formed XML");
    break;
  default: check_dot(m); break;
  }
}

/* Every writer, or only the nodes and edges CSVs (`viz_csv_only`). */
static void write_all(const Expect *e, int viz_csv_only) {
  for (size_t w = 0; w < sizeof WRITERS / sizeof WRITERS[0]; ++w) {
    if (viz_csv_only && WRITERS[w].kind != NODES_CSV && WRITERS[w].kind != EDGES_CSV) continue;
    FuzzMem m;
    fuzz_mem_open(&m);
    NgStatus st = WRITERS[w].fn(e->in, m.f);
    fuzz_mem_close(&m);
    if (st) fuzz_fail("%s: writing failed: %s", WRITERS[w].name, ng_strerror(st));
    check_output(&m, w, e);
    fuzz_mem_free(&m);
  }
}

/* Every output of the graph's triples; the nodes and edges CSVs in both
   dialects. */
static void write_graph(const NgTriple *t, size_t n, const Setup *s) {
  NgSchemePrefixes px;
  ng_scheme_prefixes(s->base, s->doc, &px);
  char graph[NG_IRI_MAX];
  ng_scheme_article(s->base, s->doc, graph, sizeof graph);
  FuzzTriples want = {0};
  for (size_t i = 0; i < n; ++i) fuzz_triples_add(&want, &t[i]);
  fuzz_triples_sort(&want);
  for (int dialect = 0; dialect < 2; ++dialect) {
    NgWriteInput in = {t, n, px.prefixes, px.n, s->base, dialect ? NG_CSV_NEO4J : NG_CSV_GEPHI, s->csv_raw, graph};
    NgVizGraph *v = NULL;
    if (ng_viz_graph_new(&in, &v)) fuzz_fail("ng_viz_graph_new failed");
    Expect e = {&in, &want, 0, 0};
    ng_viz_graph_nodes(v, &e.nodes);
    ng_viz_graph_edges(v, &e.edges);
    write_all(&e, dialect);
    ng_viz_graph_free(v);
  }
  fuzz_triples_free(&want);
}

/* --explain: it must succeed and write UTF-8. */
static void explain(const NgAnalysis *an) {
  FuzzMem m;
  fuzz_mem_open(&m);
  NgStatus st = ng_explain(an, "fuzz.txt", m.f);
  fuzz_mem_close(&m);
  if (st) fuzz_fail("explain: %s", ng_strerror(st));
  if (ng_utf8_valid_prefix(m.buf, m.len) != m.len)
    fuzz_fail("explain: invalid UTF-8 at byte %zu", ng_utf8_valid_prefix(m.buf, m.len));
  fuzz_mem_free(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Setup s;
  read_header(data, size, &s);
  size_t len = size - s.text_off;
  char *body = fuzz_alloc(len + 1); /* the article */
  memcpy(body, data + s.text_off, len);
  NgText *text = NULL;
  NgAnalysis *an = NULL;
  NgGraph *g = NULL;
  const NgTriple *t = NULL;
  size_t n = 0;
  if (!ng_text_from_buffer(body, len, &text, NULL)) {
    if (ng_analyze(text, fuzz_lexicon(), &s.meta, &an) || ng_graph_new(&g) ||
        ng_graph_add_analysis(g, s.base, s.doc, an) || ng_graph_triples(g, &t, &n))
      fuzz_fail("the analysis or the graph failed on accepted text");
    explain(an);
    write_graph(t, n, &s);
  }
  ng_graph_free(g);
  ng_analysis_free(an);
  ng_text_free(text);
  ng_meta_clear(&s.meta);
  free(body);
  return 0;
}
