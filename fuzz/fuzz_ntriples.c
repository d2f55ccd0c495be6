/* newsgraph -- fuzz target: the RDF writers (ng_write_rdf: N-Triples,
 * N-Quads and Turtle) on arbitrary triples, with raptor's parsers as the
 * oracle (a differential test: what one writes the other must read back).
 *
 * Input: one triple per line, fields separated by TAB:
 *
 *     SUBJECT  PREDICATE  OBJECT  [@LANG | DATATYPE]
 *
 * An object in <angle brackets> is an IRI, anything else a literal.  In
 * every field \t \n \r \\ and \xHH stand for their bytes.  A line whose IRIs
 * fail ng_iri_is_valid, whose language tag ng_meta_set refuses (newsgraph's
 * language tags come from the metadata) or that holds a NUL is left out:
 * newsgraph makes no such triple.  Literals may hold any other bytes.
 * Unless NG_FUZZ_STRICT=1, what raptor cannot write and newsgraph's
 * readers refuse upstream is left out or masked too (fuzz_known_bad_iri,
 * fuzz_mask_known).
 *
 * The triples go through ng_graph_add_triple (interned, sorted, without
 * duplicates, as every writer gets them) and each writer writes them into a
 * memory stream.  The writer must succeed (it may refuse a number that is
 * not in its datatype's lexical form, such as "p.90"^^xsd:decimal, which
 * newsgraph never makes: raptor's Turtle writer does), and raptor's parser
 * must read back exactly the triples written (N-Quads: all in the given
 * graph).
 * Triples that are not valid UTF-8 are checked only with NG_FUZZ_STRICT=1:
 * the writers cut such a term short and succeed (finding F3 of
 * docs/robustness.md (section 9)); strict, they must refuse or write it
 * whole.
 */
#include "fuzz_common.h"
#include "graph.h"
#include "iri.h"
#include "meta.h"
#include "scheme.h"
#include "utf8.h"
#include "write.h"

#include <stdlib.h>
#include <string.h>

#define GRAPH_IRI "https://w3id.org/newsgraph/id/article/fuzz"

static const char TAB = '\t', LF = '\n', CR = '\r';

static int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decode the escapes of s in place (what known bugs trip on masked unless
   strict: fuzz_mask_known); 0 when it would hold a NUL. */
static int unescape(char *s) {
  char *o = s;
  for (const char *p = s; *p; ++p) {
    if (*p != '\\' || !p[1]) {
      *o++ = *p;
      continue;
    }
    char c = *++p;
    if (c == 'x' && p[1] && p[2] && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
      c = (char)(unsigned char)(hex(p[1]) * 16 + hex(p[2]));
      p += 2;
      if (!c) return 0;
    } else if (c == 't') {
      c = TAB;
    } else if (c == 'n') {
      c = LF;
    } else if (c == 'r') {
      c = CR;
    }
    *o++ = c;
  }
  *o = '\0';
  fuzz_mask_known(s, (size_t)(o - s), 1); /* findings F1 and F4 */
  return 1;
}

static int lang_ok(const char *lang) {
  NgMeta m = {0};
  NgStatus st = ng_meta_set(&m, "language", lang, NULL, 0);
  ng_meta_clear(&m);
  return st == NG_SUCCESS;
}

static int iri_ok(const char *iri) { return ng_iri_is_valid(iri) && !fuzz_known_bad_iri(iri); }

/* The triple of one line (its fields in place); 0 when left out. */
static int parse_line(char *line, NgTriple *t) {
  char *f[4] = {line, NULL, NULL, NULL};
  for (int i = 1; i < 4; ++i) {
    char *tab = f[i - 1] ? strchr(f[i - 1], '\t') : NULL;
    if (tab) *tab = '\0';
    f[i] = tab ? tab + 1 : NULL;
  }
  for (int i = 0; i < 4; ++i)
    if (f[i] && !unescape(f[i])) return 0;
  if (!f[2]) return 0;
  size_t on = strlen(f[2]);
  *t = (NgTriple){f[0], f[1], f[2], NULL, NULL, 0};
  if (on >= 2 && f[2][0] == '<' && f[2][on - 1] == '>') {
    f[2][on - 1] = '\0';
    t->o = f[2] + 1;
    t->o_iri = 1;
  } else if (f[3] && f[3][0] == '@') {
    t->lang = f[3] + 1;
  } else if (f[3]) {
    t->datatype = f[3];
  }
  return iri_ok(t->s) && iri_ok(t->p) && (!t->o_iri || iri_ok(t->o)) && (!t->datatype || iri_ok(t->datatype)) &&
         (!t->lang || lang_ok(t->lang));
}

/* The triples of the input into g (lines with a NUL left out). */
static void build(const uint8_t *data, size_t size, NgGraph *g) {
  char *line = fuzz_alloc(size + 1);
  for (size_t at = 0; at < size;) {
    const uint8_t *nl = memchr(data + at, '\n', size - at);
    size_t end = nl ? (size_t)(nl - data) : size;
    NgTriple t;
    if (!memchr(data + at, '\0', end - at)) {
      memcpy(line, data + at, end - at);
      line[end - at] = '\0';
      if (parse_line(line, &t) && ng_graph_add_triple(g, &t)) fuzz_fail("ng_graph_add_triple failed");
    }
    at = end + 1;
  }
  free(line);
}

static int utf8(const char *v) { return !v || ng_utf8_valid_prefix(v, strlen(v)) == strlen(v); }

/* [+-]digits, with one '.' when `dot`, or one or more digits after a '.'. */
static int number(const char *v, int dot) {
  v += *v == '+' || *v == '-';
  size_t a = strspn(v, "0123456789");
  if (!dot || v[a] != '.') return a && !v[a];
  size_t b = strspn(v + a + 1, "0123456789");
  return b && !v[a + 1 + b];
}

/* A literal raptor's Turtle writer abbreviates (a bare number or boolean)
   has the lexical form of its datatype, as newsgraph's own numbers do;
   other forms it refuses to write, which is fine. */
static int lexical_ok(const NgTriple *t) {
  if (!t->datatype || strncmp(t->datatype, NG_NS_XSD, strlen(NG_NS_XSD)) != 0) return 1;
  const char *local = t->datatype + strlen(NG_NS_XSD);
  if (strcmp(local, "integer") == 0) return number(t->o, 0);
  /* with a point, as newsgraph's are (the lexicon checks coordinates):
     raptor writes "0490"^^xsd:decimal bare, and it reads back as an
     integer (finding F6) */
  if (strcmp(local, "decimal") == 0) return number(t->o, 1) && strchr(t->o, '.');
  if (strcmp(local, "double") == 0) return 0; /* newsgraph writes none */
  if (strcmp(local, "boolean") == 0) return strcmp(t->o, "true") == 0 || strcmp(t->o, "false") == 0;
  return 1;
}

/* Whether the writers must accept the triples: valid UTF-8 (*utf8_out),
   and numbers in their lexical forms. */
static int must_write(const NgTriple *t, size_t n, int *utf8_out) {
  int ok = 1;
  *utf8_out = 1;
  for (size_t i = 0; i < n; ++i) {
    if (!utf8(t[i].s) || !utf8(t[i].p) || !utf8(t[i].o) || !utf8(t[i].datatype) || !utf8(t[i].lang)) *utf8_out = 0;
    if (!lexical_ok(&t[i])) ok = 0;
  }
  return ok && *utf8_out;
}

/* Write with `syntax`, read back, compare with `want`; refusing to write is
   fine unless `must_write`. */
static void round_trip(const NgWriteInput *in, const char *syntax, const FuzzTriples *want, int must_write) {
  FuzzMem m;
  fuzz_mem_open(&m);
  NgStatus st = ng_write_rdf(in, syntax, m.f);
  fuzz_mem_close(&m);
  if (st && must_write) fuzz_fail("%s: writing failed: %s", syntax, ng_strerror(st));
  FuzzTriples got = {0};
  int errors = st ? 0 : fuzz_parse_rdf(m.buf, m.len, syntax, strcmp(syntax, "nquads") ? NULL : in->graph, &got);
  fuzz_triples_sort(&got);
  long d = st ? -1 : fuzz_triples_diff(want, &got);
  if (errors || d >= 0) {
    fprintf(stderr, "%.*s\n", (int)(m.len < 4000 ? m.len : 4000), m.buf);
    fuzz_fail("%s: %d parse errors; %zu triples written, %zu read; first difference %ld:\n  wrote %s\n  read  %s",
              syntax, errors, want->n, got.n, d, d >= 0 && (size_t)d < want->n ? want->v[d] : "-",
              d >= 0 && (size_t)d < got.n ? got.v[d] : "-");
  }
  fuzz_triples_free(&got);
  fuzz_mem_free(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  NgGraph *g = NULL;
  const NgTriple *t = NULL;
  size_t n = 0;
  if (ng_graph_new(&g)) fuzz_fail("ng_graph_new failed");
  build(data, size, g);
  if (ng_graph_triples(g, &t, &n)) fuzz_fail("ng_graph_triples failed");
  FuzzTriples want = {0};
  for (size_t i = 0; i < n; ++i) fuzz_triples_add(&want, &t[i]);
  fuzz_triples_sort(&want);
  NgSchemePrefixes px;
  ng_scheme_prefixes(NG_DEFAULT_BASE, "fuzz", &px);
  NgWriteInput in = {t, n, px.prefixes, px.n, NG_DEFAULT_BASE, NG_CSV_GEPHI, 0, GRAPH_IRI};
  /* Not valid UTF-8: raptor's writers cut the term there and succeed
     (F3); newsgraph's readers refuse such bytes, so only the strict mode
     checks such triples. */
  int valid_utf8, must = must_write(t, n, &valid_utf8);
  if (valid_utf8 || fuzz_strict()) {
    round_trip(&in, "ntriples", &want, must);
    round_trip(&in, "nquads", &want, must);
    /* a number out of its datatype's lexical form ("0."^^xsd:decimal):
       raptor's Turtle writer writes it bare, and it reads back as another
       term (F6); newsgraph makes none, so only the strict mode checks it */
    if (must || fuzz_strict()) round_trip(&in, "turtle", &want, must);
  }
  fuzz_triples_free(&want);
  ng_graph_free(g);
  return 0;
}
