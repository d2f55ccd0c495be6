/* newsgraph -- what the fuzz targets share (fuzz_common.h). */
#include "fuzz_common.h"

#include <csv.h>
#include <raptor2.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void fuzz_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("fuzz: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  abort();
}

void *fuzz_alloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) abort(); /* abort, not fuzz_fail: cppcheck knows it does not return */
  return p;
}

void *fuzz_realloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) abort();
  return q;
}

int fuzz_strict(void) {
  const char *v = getenv("NG_FUZZ_STRICT");
  return v && strcmp(v, "1") == 0;
}

void fuzz_mask_known(char *s, size_t n, int cr) {
  if (fuzz_strict()) return;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\r' && cr) s[i] = ' ';
    if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF && ((unsigned char)s[i + 2] & 0xFE) == 0xBE)
      s[i + 2] = (char)0xBD;
  }
}

/* A path segment "." or ".." (RFC 3986, 5.2.4). */
static int dot_segment(const char *iri) {
  const char *p = strchr(iri, ':');
  if (!p) return 0;
  if (*++p == '/' && p[1] == '/') p += 2 + strcspn(p + 2, "/?#");
  size_t end = strcspn(p, "?#");
  for (size_t i = 0; i <= end;) {
    size_t n = strcspn(p + i, "/?#");
    if (i + n > end) n = end - i;
    if ((n == 1 && p[i] == '.') || (n == 2 && p[i] == '.' && p[i + 1] == '.')) return 1;
    i += n + 1;
  }
  return 0;
}

/* An IRI that ends in '.': raptor's Turtle writer abbreviates it with a
   prefix to a local name ending in '.' (xsd:date.), which no reader takes
   (F7). */
static int dot_end(const char *iri) { return *iri && iri[strlen(iri) - 1] == '.'; }

int fuzz_known_bad_iri(const char *iri) { return !fuzz_strict() && (dot_segment(iri) || dot_end(iri)); }

const NgLexicon *fuzz_lexicon(void) {
  static NgLexicon *lex;
  if (!lex) {
    char err[256];
    if (ng_lexicon_load_builtin(&lex, err, sizeof err)) fuzz_fail("%s", err);
  }
  return lex;
}

/* ---- memory streams --------------------------------------------------------- */

void fuzz_mem_open(FuzzMem *m) {
  m->buf = NULL;
  m->len = 0;
  m->f = open_memstream(&m->buf, &m->len);
  if (!m->f) fuzz_fail("open_memstream: out of memory");
}

void fuzz_mem_close(FuzzMem *m) {
  if (m->f && fclose(m->f)) fuzz_fail("memory stream: cannot close");
  m->f = NULL;
}

void fuzz_mem_free(FuzzMem *m) {
  fuzz_mem_close(m);
  free(m->buf);
  m->buf = NULL;
  m->len = 0;
}

/* ---- triples as canonical strings -------------------------------------------- */

/* "<kind><length>:<string> " for each part: no two triples share one. */
static int canonical(char *out, size_t size, const NgTriple *t) {
  const char *dt = t->datatype ? t->datatype : "", *lang = t->lang ? t->lang : "";
  return snprintf(out, size, "S%zu:%s P%zu:%s %c%zu:%s D%zu:%s L%zu:%s", strlen(t->s), t->s, strlen(t->p), t->p,
                  t->o_iri ? 'I' : 'O', strlen(t->o), t->o, strlen(dt), dt, strlen(lang), lang);
}

void fuzz_triples_add(FuzzTriples *l, const NgTriple *t) {
  if (l->n == l->cap) {
    size_t nc = l->cap ? l->cap * 2 : 64;
    l->v = fuzz_realloc(l->v, nc * sizeof *l->v);
    l->cap = nc;
  }
  char probe[1];
  int n = canonical(probe, sizeof probe, t);
  if (n < 0) fuzz_fail("snprintf failed");
  char *s = fuzz_alloc((size_t)n + 1);
  canonical(s, (size_t)n + 1, t);
  /* language tags compare without case (raptor's N-Triples parser lowers them) */
  for (char *lang = strchr(strrchr(s, ' '), ':'); *lang; ++lang)
    if (*lang >= 'A' && *lang <= 'Z') *lang = (char)(*lang - 'A' + 'a');
  l->v[l->n++] = s;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

void fuzz_triples_sort(FuzzTriples *l) {
  if (l->n) qsort(l->v, l->n, sizeof *l->v, cmp_str);
}

long fuzz_triples_diff(const FuzzTriples *a, const FuzzTriples *b) {
  size_t i = 0;
  for (; i < a->n && i < b->n; ++i)
    if (strcmp(a->v[i], b->v[i]) != 0) return (long)i;
  return a->n == b->n ? -1 : (long)i;
}

void fuzz_triples_free(FuzzTriples *l) {
  for (size_t i = 0; i < l->n; ++i) free(l->v[i]);
  free(l->v);
  memset(l, 0, sizeof *l);
}

/* ---- raptor: one world for the run, its errors counted ----------------------- */

static int raptor_errors;

static void on_log(void *user, raptor_log_message *msg) {
  (void)user;
  if (msg->level >= RAPTOR_LOG_LEVEL_ERROR) ++raptor_errors;
}

static raptor_world *fuzz_world(void) {
  static raptor_world *w;
  if (!w) {
    w = raptor_new_world();
    if (!w) fuzz_fail("raptor_new_world failed");
    raptor_world_set_log_handler(w, NULL, on_log);
    if (raptor_world_open(w)) fuzz_fail("raptor_world_open failed");
  }
  return w;
}

typedef struct {
  FuzzTriples *out;
  const char *graph;
  int errors;
} ParseCtx;

static const char *uri_of(const raptor_term *t) {
  return t && t->type == RAPTOR_TERM_TYPE_URI ? (const char *)raptor_uri_as_string(t->value.uri) : NULL;
}

/* The object of st into t; 0 for a blank node. */
static int object_of(const raptor_term *o, NgTriple *t) {
  if (o->type == RAPTOR_TERM_TYPE_URI) {
    t->o = uri_of(o);
    t->o_iri = 1;
    return 1;
  }
  if (o->type != RAPTOR_TERM_TYPE_LITERAL) return 0;
  t->o = (const char *)o->value.literal.string;
  t->datatype = o->value.literal.datatype ? (const char *)raptor_uri_as_string(o->value.literal.datatype) : NULL;
  t->lang = (const char *)o->value.literal.language;
  return 1;
}

static void on_statement(void *user, raptor_statement *st) {
  ParseCtx *c = user;
  NgTriple t = {uri_of(st->subject), uri_of(st->predicate), NULL, NULL, NULL, 0};
  const char *g = uri_of(st->graph);
  if (!t.s || !t.p || !object_of(st->object, &t) || (c->graph ? !g || strcmp(g, c->graph) != 0 : st->graph != NULL)) {
    ++c->errors;
    return;
  }
  fuzz_triples_add(c->out, &t);
}

int fuzz_parse_rdf(const char *buf, size_t len, const char *syntax, const char *graph, FuzzTriples *out) {
  raptor_world *w = fuzz_world();
  ParseCtx c = {out, graph, 0};
  int before = raptor_errors;
  raptor_parser *p = raptor_new_parser(w, syntax);
  raptor_uri *base = raptor_new_uri(w, (const unsigned char *)"http://fuzz.invalid/");
  if (!p || !base) fuzz_fail("raptor: no parser %s", syntax);
  raptor_parser_set_statement_handler(p, &c, on_statement);
  if (raptor_parser_parse_start(p, base) || raptor_parser_parse_chunk(p, (const unsigned char *)buf, len, 1))
    ++c.errors;
  raptor_free_parser(p);
  raptor_free_uri(base);
  return c.errors + (raptor_errors - before);
}

int fuzz_xml_errors(const char *buf, size_t len) {
  raptor_world *w = fuzz_world();
  int before = raptor_errors;
  raptor_locator loc;
  memset(&loc, 0, sizeof loc);
  raptor_sax2 *sax = raptor_new_sax2(w, &loc, NULL);
  raptor_uri *base = raptor_new_uri(w, (const unsigned char *)"http://fuzz.invalid/");
  if (!sax || !base) fuzz_fail("raptor: no SAX2 reader");
  raptor_sax2_parse_start(sax, base);
  int rc = raptor_sax2_parse_chunk(sax, (const unsigned char *)buf, len, 1);
  raptor_free_sax2(sax);
  raptor_free_uri(base);
  return (rc != 0) + (raptor_errors - before);
}

/* ---- libcsv ----------------------------------------------------------------- */

typedef struct {
  char **f;
  size_t n, cap;
  void (*row)(void *ctx, char **fields, size_t n);
  void *ctx;
} CsvCtx;

static void on_field(void *s, size_t len, void *data) {
  CsvCtx *c = data;
  if (c->n == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 16;
    c->f = fuzz_realloc(c->f, nc * sizeof *c->f);
    c->cap = nc;
  }
  char *v = fuzz_alloc(len + 1);
  if (len) memcpy(v, s, len);
  v[len] = '\0';
  c->f[c->n++] = v;
}

static void on_row(int term, void *data) {
  (void)term;
  CsvCtx *c = data;
  c->row(c->ctx, c->f, c->n);
  for (size_t i = 0; i < c->n; ++i) free(c->f[i]);
  c->n = 0;
}

static int no_space(unsigned char ch) {
  (void)ch;
  return 0;
}

int fuzz_parse_csv(const char *buf, size_t len, int exact_space, void (*row)(void *ctx, char **fields, size_t n),
                   void *ctx) {
  struct csv_parser p;
  CsvCtx c = {NULL, 0, 0, row, ctx};
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI)) fuzz_fail("csv_init failed");
  if (exact_space) csv_set_space_func(&p, no_space);
  int rc = csv_parse(&p, buf, len, on_field, on_row, &c) == len && !csv_fini(&p, on_field, on_row, &c) ? 0 : -1;
  csv_free(&p);
  for (size_t i = 0; i < c.n; ++i) free(c.f[i]);
  free(c.f);
  return rc;
}
