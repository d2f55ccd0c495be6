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
 * Every article's graph is also checked against the rule table (rules.h):
 * each (ng:rule, ng:confidence) pair in it is the confidence of a row with
 * that id, as printed, unless the id is a derived rule's (its confidence is
 * a factor on another item's).
 * Usage: rules_test RULES_DIR */
#include "graph.h"
#include "lexicon.h"
#include "meta.h"
#include "pipeline.h"
#include "rules.h"
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

/* The graph of article `name` in *g (and what it needs, to free); NULL,
   or what went wrong. */
static const char *article_graph(const NgLexicon *lex, const char *dir, const char *name, NgText **text, NgMeta *meta,
                                 NgAnalysis **an, NgGraph **g) {
  char path[4096], err[512] = "";
  size_t off;
  snprintf(path, sizeof path, "%s/%s.txt", dir, name);
  if (ng_text_read_file(path, text, &off)) return "cannot read the article";
  if (ng_meta_set(meta, "date", "2021", err, sizeof err)) return "cannot set the date";
  snprintf(path, sizeof path, "%s/%s.meta", dir, name);
  if (file_exists(path) && ng_meta_read_file(path, meta, err, sizeof err)) return "cannot read its .meta file";
  if (ng_analyze(*text, lex, meta, an)) return "the analysis failed";
  if (ng_graph_new(g)) return "cannot make a graph";
  if (ng_graph_add_analysis(*g, NG_DEFAULT_BASE, name, *an)) return "cannot build the graph";
  return NULL;
}

/* Ask graph g query file dir/q.rq. */
static void ask_query(NgGraph *g, const char *dir, const char *q, Tally *tally) {
  char path[4096], err[512] = "";
  snprintf(path, sizeof path, "%s/%s.rq", dir, q);
  char *query = slurp(path);
  if (!query) {
    result(tally, 0, q, "cannot read the query");
    return;
  }
  size_t n = strlen(PREFIXES) + strlen(query) + 1;
  char *full = malloc(n);
  if (!full) die_nomem();
  snprintf(full, n, "%s%s", PREFIXES, query);
  int answer = -1;
  if (ng_graph_query(g, full, &answer, NULL, NULL, err, sizeof err)) answer = -1;
  int expect = !strstr(query, "# expect: false");
  char why[600];
  snprintf(why, sizeof why, "query failed: %s", err);
  result(tally, answer == expect, q,
         answer < 0         ? why
         : answer != expect ? (expect ? "answered false" : "answered true")
                            : NULL);
  free(full);
  free(query);
}

/* Is `conf`, as the graph prints it, the confidence of a row of the rule
   table with id `id` (or is the id a derived rule's)? */
static int table_confidence(const char *id, const char *conf) {
  int known = 0;
  for (int r = 0; r < NG_RULE_COUNT; ++r) {
    const NgRuleInfo *ri = ng_rule_info((NgRule)r);
    if (strcmp(ri->id, id) != 0) continue;
    if (ri->derived) return 1;
    char want[16];
    snprintf(want, sizeof want, "%.2f", (double)ri->confidence);
    if (strcmp(want, conf) == 0) return 1;
    known = 1;
  }
  if (!known) fprintf(stderr, "  rule id \"%s\" is not in the rule table\n", id);
  return 0;
}

typedef struct {
  size_t rows, bad;
} Pairs;

static int check_pair(void *ctx, size_t n, const char *const *names, const char *const *values) {
  Pairs *p = ctx;
  (void)names;
  ++p->rows;
  if (n == 2 && values[0] && values[1] && table_confidence(values[0], values[1])) return 0;
  if (p->bad++ < 3) fprintf(stderr, "  ng:rule \"%s\" with ng:confidence %s\n", values[0], values[1]);
  return 0;
}

/* Every (rule, confidence) pair of graph g agrees with the rule table (no
   DISTINCT: rasqal 0.9.33 leaks its rows, which fails the ASan build). */
static void check_confidences(NgGraph *g, const char *name, Tally *tally) {
  char err[512] = "", what[600];
  Pairs p = {0, 0};
  char q[1024];
  snprintf(q, sizeof q, "%sSELECT ?r ?c WHERE { ?x ng:rule ?r ; ng:confidence ?c }", PREFIXES);
  NgStatus st = ng_graph_query(g, q, NULL, check_pair, &p, err, sizeof err);
  snprintf(what, sizeof what, "%s: confidences of the rule table", name);
  result(tally, !st && p.rows > 0 && !p.bad, what, st ? err : p.bad ? "a confidence differs from the table" : NULL);
}

/* Analyse article `name` and ask it each of its queries qs[0..nq). */
static void check_article(const NgLexicon *lex, const char *dir, const char *name, char *const *qs, size_t nq,
                          Tally *tally) {
  NgText *text = NULL;
  NgMeta meta;
  memset(&meta, 0, sizeof meta);
  NgAnalysis *an = NULL;
  NgGraph *g = NULL;
  const char *problem = article_graph(lex, dir, name, &text, &meta, &an, &g);
  for (size_t i = 0; i < nq; ++i) {
    if (problem)
      result(tally, 0, qs[i], problem);
    else
      ask_query(g, dir, qs[i], tally);
  }
  if (!problem) check_confidences(g, name, tally);
  ng_graph_free(g);
  ng_analysis_free(an);
  ng_meta_clear(&meta);
  ng_text_free(text);
}

/* The articles (NAME.txt) and query files (NAME.rq) of dir, without their
   extensions, sorted; 0 when the directory cannot be read. */
static int list_dir(const char *dir, Names *arts, Names *queries) {
  DIR *d = opendir(dir);
  if (!d) {
    perror(dir);
    return 0;
  }
  for (struct dirent *e; (e = readdir(d));) {
    size_t l = strlen(e->d_name);
    if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) names_add(arts, e->d_name, l - 4);
    if (l > 3 && strcmp(e->d_name + l - 3, ".rq") == 0) names_add(queries, e->d_name, l - 3);
  }
  closedir(d);
  if (arts->n) qsort(arts->v, arts->n, sizeof *arts->v, cmp_name);
  if (queries->n) qsort(queries->v, queries->n, sizeof *queries->v, cmp_query);
  return 1;
}

/* Every query file belongs to an article. */
static void check_orphans(const Names *arts, const Names *queries, Tally *tally) {
  for (size_t q = 0; q < queries->n; ++q) {
    int owned = 0;
    for (size_t a = 0; a < arts->n && !owned; ++a) owned = query_of(queries->v[q], arts->v[a]);
    if (!owned) result(tally, 0, queries->v[q], "no article NAME.txt for this query (NAME.rq, NAME.2.rq ...)");
  }
}

/* Each article with its queries, in their order. */
static void check_articles(const NgLexicon *lex, const char *dir, const Names *arts, const Names *queries,
                           Tally *tally) {
  char **mine = malloc((queries->n + 1) * sizeof *mine);
  if (!mine) die_nomem();
  for (size_t a = 0; a < arts->n; ++a) {
    size_t nq = 0;
    for (size_t q = 0; q < queries->n; ++q)
      if (query_of(queries->v[q], arts->v[a])) mine[nq++] = queries->v[q];
    if (nq)
      check_article(lex, dir, arts->v[a], mine, nq, tally);
    else
      result(tally, 0, arts->v[a], "an article without a query");
  }
  free(mine);
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
  Names arts = {0}, queries = {0};
  Tally tally = {0, 0};
  int listed = list_dir(argv[1], &arts, &queries);
  if (listed) {
    check_orphans(&arts, &queries, &tally);
    check_articles(lex, argv[1], &arts, &queries, &tally);
  }
  ng_lexicon_free(lex);
  printf("%zu articles, %zu queries: %zu passed, %zu failed\n", arts.n, queries.n, tally.pass, tally.fail);
  names_free(&arts);
  names_free(&queries);
  return listed && arts.n > 0 && tally.fail == 0 ? 0 : 1;
}
