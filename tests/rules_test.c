/* rules_test -- short articles written by the team, each with SPARQL ASK
 * queries about its graph (tests/rules/): NAME.txt is the article, NAME.rq
 * its first query and NAME.2.rq, NAME.3.rq ... further ones.  A query file
 * whose comment says "# expect: false" must answer false, every other one
 * true.  Every article is analysed with the built-in data and the
 * publication year 2021, unless a sidecar NAME.meta gives other metadata
 * (the format of newsgraph's .meta files).  The graph of an article is built
 * once and asked all of its queries.  An article without a query, a query
 * without an article, or a file that cannot be read fails the run; there is
 * no limit on the number of files.
 * Usage: rules_test RULES_DIR */
#include "graph.h"
#include "lexicon.h"
#include "meta.h"
#include "pipeline.h"
#include "text.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const PREFIXES = "PREFIX ng: <" NG_NS ">\n"
                                    "PREFIX rdf: <" NG_NS_RDF ">\n"
                                    "PREFIX rdfs: <" NG_NS_RDFS ">\n"
                                    "PREFIX skos: <" NG_NS_SKOS ">\n"
                                    "PREFIX owl: <" NG_NS_OWL ">\n"
                                    "PREFIX xsd: <" NG_NS_XSD ">\n"
                                    "PREFIX prov: <" NG_NS_PROV ">\n"
                                    "PREFIX nif: <" NG_NS_NIF ">\n"
                                    "PREFIX itsrdf: <" NG_NS_ITS ">\n";

typedef struct {
  char **v;
  size_t n, cap;
} Names;

static void die_nomem(void) {
  fprintf(stderr, "rules_test: out of memory\n");
  exit(1);
}

static void names_add(Names *a, const char *s, size_t len) {
  if (a->n == a->cap) {
    size_t nc = a->cap ? a->cap * 2 : 64;
    char **nv = realloc(a->v, nc * sizeof *nv);
    if (!nv) die_nomem();
    a->v = nv;
    a->cap = nc;
  }
  char *c = malloc(len + 1);
  if (!c) die_nomem();
  memcpy(c, s, len);
  c[len] = '\0';
  a->v[a->n++] = c;
}

static void names_free(Names *a) {
  for (size_t i = 0; i < a->n; ++i) free(a->v[i]);
  free(a->v);
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
    free(b);
    b = NULL;
  }
  if (b) b[n] = '\0';
  fclose(f);
  return b;
}

static int file_exists(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f) fclose(f);
  return f != NULL;
}

/* Query files sort by their number: NAME before NAME.2 before NAME.10. */
static size_t query_number(const char *q) {
  const char *dot = strchr(q, '.');
  return dot ? strtoul(dot + 1, NULL, 10) : 1;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int cmp_query(const void *a, const void *b) {
  const char *x = *(char *const *)a, *y = *(char *const *)b;
  size_t lx = strcspn(x, "."), ly = strcspn(y, ".");
  int c = strncmp(x, y, lx < ly ? lx : ly);
  if (c || lx != ly) return c ? c : (lx < ly ? -1 : 1);
  size_t nx = query_number(x), ny = query_number(y);
  return (nx > ny) - (nx < ny);
}

/* Is `q` (a query file name without ".rq") a query of article `name`:
   "name" itself or "name.N" with N a number of 2 or more? */
static int query_of(const char *q, const char *name) {
  size_t l = strlen(name);
  if (strncmp(q, name, l) != 0) return 0;
  if (q[l] == '\0') return 1;
  if (q[l] != '.' || !q[l + 1]) return 0;
  for (const char *p = q + l + 1; *p; ++p)
    if (!isdigit((unsigned char)*p)) return 0;
  return query_number(q) >= 2;
}

typedef struct {
  size_t pass, fail;
} Tally;

static void result(Tally *t, int ok, const char *what, const char *why) {
  if (ok)
    ++t->pass;
  else
    ++t->fail;
  printf("%s %s%s%s\n", ok ? "ok  " : "FAIL", what, why ? ": " : "", why ? why : "");
}

/* Analyse article `name` and ask it each of its queries qs[0..nq). */
static void check_article(const NgLexicon *lex, const char *dir, const char *name, char *const *qs, size_t nq,
                          Tally *tally) {
  char path[4096], err[512] = "";
  snprintf(path, sizeof path, "%s/%s.txt", dir, name);
  NgText *text = NULL;
  size_t off;
  NgMeta meta;
  memset(&meta, 0, sizeof meta);
  NgAnalysis *an = NULL;
  NgGraph *g = NULL;
  const char *problem = NULL;
  if (ng_text_read_file(path, &text, &off)) problem = "cannot read the article";
  if (!problem && ng_meta_set(&meta, "date", "2021", err, sizeof err)) problem = "cannot set the date";
  snprintf(path, sizeof path, "%s/%s.meta", dir, name);
  if (!problem && file_exists(path) && ng_meta_read_file(path, &meta, err, sizeof err))
    problem = "cannot read its .meta file";
  if (!problem && ng_analyze(text, lex, &meta, &an)) problem = "the analysis failed";
  if (!problem && ng_graph_new(&g)) problem = "cannot make a graph";
  if (!problem && ng_graph_add_analysis(g, NG_DEFAULT_BASE, name, an)) problem = "cannot build the graph";
  for (size_t i = 0; i < nq; ++i) {
    if (problem) {
      result(tally, 0, qs[i], problem);
      continue;
    }
    snprintf(path, sizeof path, "%s/%s.rq", dir, qs[i]);
    char *query = slurp(path);
    if (!query) {
      result(tally, 0, qs[i], "cannot read the query");
      continue;
    }
    size_t n = strlen(PREFIXES) + strlen(query) + 1;
    char *full = malloc(n);
    if (!full) die_nomem();
    snprintf(full, n, "%s%s", PREFIXES, query);
    int answer = -1;
    err[0] = '\0';
    if (ng_graph_query(g, full, &answer, NULL, NULL, err, sizeof err)) answer = -1;
    int expect = !strstr(query, "# expect: false");
    char why[600];
    snprintf(why, sizeof why, "query failed: %s", err);
    result(tally, answer == expect, qs[i],
           answer < 0 ? why : answer != expect ? (expect ? "answered false" : "answered true") : NULL);
    free(full);
    free(query);
  }
  ng_graph_free(g);
  ng_analysis_free(an);
  ng_meta_clear(&meta);
  ng_text_free(text);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: rules_test RULES_DIR\n");
    return 2;
  }
  NgLexicon *lex = NULL;
  char err[512];
  if (ng_lexicon_load_builtin(&lex, err, sizeof err)) {
    fprintf(stderr, "cannot load the lexicon: %s\n", err);
    return 1;
  }
  DIR *d = opendir(argv[1]);
  if (!d) {
    perror(argv[1]);
    ng_lexicon_free(lex);
    return 1;
  }
  Names arts = {0}, queries = {0};
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) names_add(&arts, e->d_name, l - 4);
    if (l > 3 && strcmp(e->d_name + l - 3, ".rq") == 0) names_add(&queries, e->d_name, l - 3);
  }
  closedir(d);
  qsort(arts.v, arts.n, sizeof *arts.v, cmp_name);
  qsort(queries.v, queries.n, sizeof *queries.v, cmp_query);
  Tally tally = {0, 0};
  /* every query file belongs to an article */
  for (size_t q = 0; q < queries.n; ++q) {
    int owned = 0;
    for (size_t a = 0; a < arts.n && !owned; ++a) owned = query_of(queries.v[q], arts.v[a]);
    if (!owned) result(&tally, 0, queries.v[q], "no article NAME.txt for this query (NAME.rq, NAME.2.rq ...)");
  }
  char **mine = malloc((queries.n + 1) * sizeof *mine);
  if (!mine) die_nomem();
  for (size_t a = 0; a < arts.n; ++a) {
    /* the queries of this article, in their order */
    size_t nq = 0;
    for (size_t q = 0; q < queries.n; ++q)
      if (query_of(queries.v[q], arts.v[a])) mine[nq++] = queries.v[q];
    if (!nq) {
      result(&tally, 0, arts.v[a], "an article without a query");
      continue;
    }
    check_article(lex, argv[1], arts.v[a], mine, nq, &tally);
  }
  free(mine);
  ng_lexicon_free(lex);
  printf("%zu articles, %zu queries: %zu passed, %zu failed\n", arts.n, queries.n, tally.pass, tally.fail);
  names_free(&arts);
  names_free(&queries);
  return arts.n > 0 && tally.fail == 0 ? 0 : 1;
}
