/* Tests of graph.h: the RDF model of an invented article, checked with
 * SPARQL through librdf: no blank nodes, valid IRIs, NIF offsets that give
 * back each mention's anchor (in code points, over multibyte text). */
#include "check.h"
#include "graph.h"
#include "sparql_check.h"
#include "iri.h"
#include "lexicon.h"
#include "meta.h"
#include "pipeline.h"
#include "text.h"
#include "write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PREFIXES                                                                                                       \
  "PREFIX ng: <" NG_NS ">\n"                                                                                           \
  "PREFIX rdf: <" NG_NS_RDF ">\n"                                                                                      \
  "PREFIX rdfs: <" NG_NS_RDFS ">\n"                                                                                    \
  "PREFIX skos: <" NG_NS_SKOS ">\n"                                                                                    \
  "PREFIX nif: <" NG_NS_NIF ">\n"                                                                                      \
  "PREFIX itsrdf: <" NG_NS_ITS ">\n"                                                                                   \
  "PREFIX xsd: <" NG_NS_XSD ">\n"

/* Invented text with curly quotes and apostrophes, é, ö and ć before and
 * between the names, so byte and code point offsets differ. */
static const char ARTICLE[] =
    "Foreign Minister Anna Petrova met Marie Lef\xC3\xA8vre in Oslo on May 12.\n"
    "\n"
    "\xE2\x80\x9CWe agreed on the next steps,\xE2\x80\x9D Petrova said after the caf\xC3\xA9 meeting with "
    "the Nordic Policy Institute (NPI).\n"
    "Lef\xC3\xA8vre\xE2\x80\x99s office said the NPI\xE2\x80\x99s report on J\xC3\xB6rg "
    "Kova\xC4\x8Di\xC4\x87\xE2\x80\x99s "
    "plan was due in June. Petrova\xE2\x80\x99s team left for Stockholm.\n";

static NgLexicon *lex;

/* ---- SPARQL helpers ---- */

#define ASK_TRUE(g, q)                                                                                                 \
  do {                                                                                                                 \
    if (!CHECK(ask((g), PREFIXES q) == 1)) fprintf(stderr, "  expected true: %s\n", q);                                \
  } while (0)
#define ASK_FALSE(g, q)                                                                                                \
  do {                                                                                                                 \
    if (!CHECK(ask((g), PREFIXES q) == 0)) fprintf(stderr, "  expected false: %s\n", q);                               \
  } while (0)

typedef struct {
  size_t rows, bad, multibyte_before;
  const char *text; /* expected context string */
} MentionCheck;

static int mention_cb(void *ctx, size_t n, const char *const *names, const char *const *values) {
  MentionCheck *mc = ctx;
  MentionRow r;
  ++mc->rows;
  if (!mention_row(n, names, values, &r)) {
    ++mc->bad;
    return 0;
  }
  int ok = mention_anchor_ok(&r);
  /* the mention IRI ends with #char=b,e */
  char frag[64];
  snprintf(frag, sizeof frag, "#char=%zu,%zu", r.b, r.e);
  ok &= strlen(r.m) > strlen(frag) && strcmp(r.m + strlen(r.m) - strlen(frag), frag) == 0;
  ok &= mc->text == NULL || strcmp(r.s, mc->text) == 0;
  if (r.bb != r.b) ++mc->multibyte_before;
  if (!ok) {
    ++mc->bad;
    fprintf(stderr, "  mention %s: anchor \"%s\" vs text \"%.*s\"\n", r.m, r.a, (int)(r.eb - r.bb), r.s + r.bb);
  }
  return 0;
}

static const char MENTION_QUERY[] =
    PREFIXES "SELECT ?m ?a ?b ?e ?s WHERE {\n"
             "  ?m a ng:Mention ; nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;\n"
             "     nif:referenceContext ?c .\n"
             "  ?c nif:isString ?s .\n"
             "}";

/* Check every mention's anchor against its context, in C and in SPARQL.
 * Returns the number of mentions. */
static size_t check_mentions(NgGraph *g, const char *text) {
  MentionCheck mc = {0, 0, 0, text};
  char err[512] = "";
  if (!CHECK_INT_EQ(ng_graph_query(g, MENTION_QUERY, NULL, mention_cb, &mc, err, sizeof err), NG_SUCCESS))
    fprintf(stderr, "  %s\n", err);
  CHECK_INT_EQ(mc.bad, 0);
  CHECK(mc.multibyte_before > 0); /* the test text exercises code points */
  /* the same check as a SPARQL filter: no row may differ */
  size_t mismatches =
      select_count(g, PREFIXES "SELECT ?m WHERE {\n"
                               "  ?m a ng:Mention ; nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;\n"
                               "     nif:referenceContext ?c .\n"
                               "  ?c nif:isString ?s .\n"
                               "  FILTER(SUBSTR(?s, ?b + 1, ?e - ?b) != ?a)\n"
                               "}");
  CHECK_INT_EQ(mismatches, 0);
  /* ...and the filter does select when the anchor is compared with the
     wrong span, so a zero above is not vacuous */
  size_t shifted =
      select_count(g, PREFIXES "SELECT ?m WHERE {\n"
                               "  ?m a ng:Mention ; nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;\n"
                               "     nif:referenceContext ?c .\n"
                               "  ?c nif:isString ?s .\n"
                               "  FILTER(SUBSTR(?s, ?b + 2, ?e - ?b) != ?a)\n"
                               "}");
  CHECK_INT_EQ(shifted, mc.rows);
  return mc.rows;
}

static void check_triples(NgGraph *g) {
  const NgTriple *t = NULL;
  size_t n = 0;
  if (!CHECK_INT_EQ(ng_graph_triples(g, &t, &n), NG_SUCCESS)) return;
  CHECK_INT_EQ(n, ng_graph_size(g));
  size_t bad = 0;
  for (size_t i = 0; i < n; ++i) {
    int ok = strncmp(t[i].s, "_:", 2) != 0 && ng_iri_is_valid(t[i].s) && ng_iri_is_valid(t[i].p);
    if (t[i].o_iri) ok &= ng_iri_is_valid(t[i].o);
    if (t[i].datatype) ok &= ng_iri_is_valid(t[i].datatype) && !t[i].lang && !t[i].o_iri;
    if (t[i].lang) ok &= t[i].lang[0] != '\0' && !t[i].o_iri;
    if (!ok && bad++ < 5) fprintf(stderr, "  bad triple: <%s> <%s> %s\n", t[i].s, t[i].p, t[i].o);
    if (i) {
      int c = strcmp(t[i - 1].s, t[i].s);
      if (!c) c = strcmp(t[i - 1].p, t[i].p);
      CHECK(c <= 0); /* sorted by subject, predicate */
    }
  }
  CHECK_INT_EQ(bad, 0);
}

static int by_text(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* The interning guarantee of ng_graph_triples: equal strings, wherever they
   stand, are one address.  Returns the number of strings that were equal
   to the one before them (so the check is not vacuous). */
static size_t check_interned(NgGraph *g) {
  const NgTriple *t = NULL;
  size_t n = 0, k = 0, shared = 0;
  if (!CHECK_INT_EQ(ng_graph_triples(g, &t, &n), NG_SUCCESS)) return 0;
  const char **all = malloc((5 * n + 1) * sizeof *all);
  CHECK(all != NULL);
  if (!all) return 0;
  for (size_t i = 0; i < n; ++i) {
    const char *const five[5] = {t[i].s, t[i].p, t[i].o, t[i].datatype, t[i].lang};
    for (size_t j = 0; j < 5; ++j)
      if (five[j]) all[k++] = five[j];
  }
  qsort(all, k, sizeof *all, by_text);
  size_t apart = 0;
  for (size_t i = 1; i < k; ++i)
    if (strcmp(all[i - 1], all[i]) == 0) {
      ++shared;
      apart += all[i - 1] != all[i];
    }
  CHECK_INT_EQ(apart, 0);
  free(all);
  return shared;
}

/* A triple added from copies of a graph's strings comes back with the
   graph's own addresses. */
static void check_interned_add(NgGraph *g) {
  const NgTriple *t = NULL;
  size_t n = 0;
  if (!CHECK_INT_EQ(ng_graph_triples(g, &t, &n), NG_SUCCESS) || !CHECK(n > 1)) return;
  const char *s = t[0].s, *p = t[n - 1].p; /* any two strings of the graph */
  char *s2 = strdup(s), *p2 = strdup(p), o[] = "a new object";
  NgTriple x = {s2, p2, o, NULL, NULL, 0};
  CHECK_INT_EQ(ng_graph_add_triple(g, &x), NG_SUCCESS);
  free(s2);
  free(p2);
  if (!CHECK_INT_EQ(ng_graph_triples(g, &t, &n), NG_SUCCESS)) return;
  size_t found = 0;
  for (size_t i = 0; i < n; ++i)
    if (strcmp(t[i].o, o) == 0) {
      ++found;
      CHECK(t[i].o != o); /* a copy */
      CHECK(t[i].s == t[0].s && strcmp(t[i].s, s) == 0);
      CHECK(strcmp(t[i].p, p) == 0);
    }
  CHECK_INT_EQ(found, 1);
  CHECK(check_interned(g) > 0);
}

static NgStatus add_doc(NgGraph *g, const NgAnalysis *an, const char *doc) {
  return ng_graph_add_analysis(g, NG_DEFAULT_BASE, doc, an);
}

/* What SPARQL finds in the graph of ARTICLE (text `text`). */
static void check_article_graph(NgGraph *g, const NgText *text) {
  /* the article, its context and the people */
  ASK_TRUE(g, "ASK { <https://w3id.org/newsgraph/id/article/test-doc> a ng:NewsArticle ; ng:hasContext ?c .\n"
              "      ?c a nif:Context ; nif:isString ?s }");
  {
    char q[1024];
    snprintf(q, sizeof q,
             PREFIXES "ASK { <https://w3id.org/newsgraph/id/article/test-doc#char=0,%zu> nif:endIndex ?e .\n"
                      "      FILTER(?e = %zu) }",
             text->n_chars, text->n_chars);
    CHECK(ask(g, q) == 1);
  }
  ASK_TRUE(g, "ASK { ?p a ng:Person ; rdfs:label \"Anna Petrova\"@en ; skos:altLabel \"Petrova\"@en }");
  ASK_TRUE(g, "ASK { ?p a ng:Person ; rdfs:label \"Marie Lef\xC3\xA8vre\"@en ; skos:altLabel \"Lef\xC3\xA8vre\"@en }");
  ASK_TRUE(g, "ASK { ?m a ng:Meeting ; ng:participant ?a, ?b ; ng:eventPlace ?o ;\n"
              "         ng:eventDate \"2024-05-12\"^^xsd:date .\n"
              "      ?a rdfs:label \"Anna Petrova\"@en . ?b rdfs:label \"Marie Lef\xC3\xA8vre\"@en .\n"
              "      ?o rdfs:label \"Oslo\"@en }");
  ASK_TRUE(g, "ASK { ?s a ng:Statement ; ng:speaker ?p ; ng:quotedText ?q .\n"
              "      ?p rdfs:label \"Anna Petrova\"@en .\n"
              "      FILTER(CONTAINS(STR(?q), \"We agreed on the next steps\")) }");
  ASK_FALSE(g, "ASK { ?p a ng:Person ; rdfs:label ?l FILTER(STRSTARTS(STR(?l), \"Foreign\") || "
               "STRSTARTS(STR(?l), \"Minister\")) }");
  ASK_TRUE(g, "ASK { ?o rdfs:label \"Nordic Policy Institute\"@en ; skos:altLabel \"NPI\"@en }");
}

/* Names are nodes once, and every mention points at an entity. */
static void check_nodes_and_mentions(NgGraph *g) {
  /* one node per label */
  CHECK_INT_EQ(select_count(g, PREFIXES "SELECT ?p WHERE { ?p rdfs:label \"Anna Petrova\"@en }"), 1);
  /* every mention points at a typed, labelled entity */
  ASK_FALSE(g, "ASK { ?m a ng:Mention ; itsrdf:taIdentRef ?x .\n"
               "      OPTIONAL { ?x a ?t ; rdfs:label ?l } FILTER(!BOUND(?l)) }");
  ASK_FALSE(g, "ASK { ?m a ng:Mention . OPTIONAL { ?m itsrdf:taIdentRef ?x } FILTER(!BOUND(?x)) }");
}

/* N-Quads: every line of `path` names the article's graph `graph_end`. */
static void check_nquads_lines(const char *path, const char *graph_end, size_t n) {
  FILE *r = fopen(path, "rb");
  char line[65536];
  size_t lines = 0, in_graph = 0;
  while (r && fgets(line, sizeof line, r)) {
    ++lines;
    in_graph += strstr(line, graph_end) != NULL;
  }
  if (r) fclose(r);
  CHECK_INT_EQ(lines, n);
  CHECK_INT_EQ(in_graph, n);
}

/* Turtle, N-Triples and N-Quads written by write.h read back to the same
   graph (with n_mentions mentions of `text`). */
static void check_round_trip(NgGraph *g, const NgText *text, size_t n_mentions) {
  const NgTriple *t = NULL;
  size_t n = 0;
  if (CHECK_INT_EQ(ng_graph_triples(g, &t, &n), NG_SUCCESS)) {
    static const NgPrefix px[] = {{"ng", NG_NS}, {"rdfs", NG_NS_RDFS}};
    char graph[NG_IRI_MAX], graph_end[NG_IRI_MAX + 8];
    ng_scheme_article(NG_DEFAULT_BASE, "test-doc", graph, sizeof graph);
    snprintf(graph_end, sizeof graph_end, " <%s> .\n", graph);
    NgWriteInput in = {t, n, px, 2, NG_DEFAULT_BASE, NG_CSV_GEPHI, 0, graph};
    static const char *const syntaxes[] = {"turtle", "ntriples", "nquads"};
    for (size_t k = 0; k < 3; ++k) {
      char path[] = "/tmp/ng-test-graph-XXXXXX";
      int fd = mkstemp(path);
      if (!CHECK(fd >= 0)) continue;
      FILE *f = fdopen(fd, "wb");
      CHECK_INT_EQ(ng_write_rdf(&in, syntaxes[k], f), NG_SUCCESS);
      CHECK(fclose(f) == 0);
      if (k == 2) check_nquads_lines(path, graph_end, n);
      NgGraph *g2 = NULL;
      if (CHECK_INT_EQ(ng_graph_new(&g2), NG_SUCCESS)) {
        CHECK_INT_EQ(ng_graph_load_file(g2, path, syntaxes[k]), NG_SUCCESS);
        CHECK_INT_EQ(ng_graph_size(g2), n);
        CHECK_INT_EQ(check_mentions(g2, text->data), n_mentions);
        ASK_FALSE(g2, "ASK { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }");
        CHECK(check_interned(g2) > 100); /* parsed files are interned too */
      }
      ng_graph_free(g2);
      unlink(path);
    }
  }
}

/* A second article merges by entity IRI. */
static void check_second_article(NgGraph *g) {
  static const char other[] = "Anna Petrova flew to Oslo on Tuesday.\n";
  NgText *t2 = NULL;
  NgAnalysis *a2 = NULL;
  if (CHECK_INT_EQ(ng_text_from_buffer(other, sizeof other - 1, &t2, NULL), NG_SUCCESS) &&
      CHECK_INT_EQ(ng_analyze(t2, lex, NULL, &a2), NG_SUCCESS)) {
    CHECK_INT_EQ(add_doc(g, a2, "second-doc"), NG_SUCCESS);
    CHECK_INT_EQ(select_count(g, PREFIXES "SELECT ?p WHERE { ?p a ng:Person ; rdfs:label \"Anna Petrova\"@en }"), 1);
    CHECK_INT_EQ(select_count(g, PREFIXES "SELECT ?a WHERE { ?a ng:mentions ?p .\n"
                                          "  ?p rdfs:label \"Anna Petrova\"@en }"),
                 2);
    check_triples(g);
    CHECK(check_interned(g) > 100);
    check_interned_add(g);
  }
  ng_analysis_free(a2);
  ng_text_free(t2);
}

static void test_graph(void) {
  NgText *text = NULL;
  NgAnalysis *an = NULL;
  NgGraph *g = NULL;
  NgMeta meta;
  memset(&meta, 0, sizeof meta);
  char err[256] = "";
  CHECK_INT_EQ(ng_meta_set(&meta, "date", "2024-05-13", err, sizeof err), NG_SUCCESS);
  CHECK_INT_EQ(ng_meta_set(&meta, "publisher", "Example Daily", err, sizeof err), NG_SUCCESS);
  if (!CHECK_INT_EQ(ng_text_from_buffer(ARTICLE, sizeof ARTICLE - 1, &text, NULL), NG_SUCCESS)) goto done;
  CHECK(text->n_chars < text->len);
  if (!CHECK_INT_EQ(ng_analyze(text, lex, &meta, &an), NG_SUCCESS)) goto done;
  if (!CHECK_INT_EQ(ng_graph_new(&g), NG_SUCCESS)) goto done;
  CHECK_INT_EQ(ng_graph_size(g), 0);
  if (!CHECK_INT_EQ(add_doc(g, an, "test-doc"), NG_SUCCESS)) goto done;
  size_t size = ng_graph_size(g);
  CHECK(size > 50);

  check_triples(g);
  CHECK(check_interned(g) > 100);
  ASK_FALSE(g, "ASK { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }");

  check_article_graph(g, text);
  check_nodes_and_mentions(g);
  size_t n_mentions = check_mentions(g, text->data);
  CHECK(n_mentions >= 10);

  /* a second copy of the same article adds nothing: a graph is a set */
  CHECK_INT_EQ(add_doc(g, an, "test-doc"), NG_SUCCESS);
  CHECK_INT_EQ(ng_graph_size(g), size);

  /* a bad query is a syntax error with a message */
  err[0] = '\0';
  int yes = 7;
  CHECK_INT_EQ(ng_graph_query(g, "ASK { this is not sparql", &yes, NULL, NULL, err, sizeof err), NG_ERR_SYNTAX);
  CHECK(err[0] != '\0');

  check_round_trip(g, text, n_mentions);
  check_second_article(g);

done:
  ng_graph_free(g);
  ng_analysis_free(an);
  ng_text_free(text);
  ng_meta_clear(&meta);
}

static void test_load_errors(void) {
  NgGraph *g = NULL;
  if (!CHECK_INT_EQ(ng_graph_new(&g), NG_SUCCESS)) return;
  char path[] = "/tmp/ng-test-graph-bad-XXXXXX";
  int fd = mkstemp(path);
  if (CHECK(fd >= 0)) {
    FILE *f = fdopen(fd, "wb");
    fputs("<http://a/s> <http://a/p> <http://a/o> .\n<http://a/s> <http://a/p> \"unterminated .\n", f);
    fclose(f);
    /* raptor returns 0 after a syntax error; the graph module must not */
    CHECK(ng_graph_load_file(g, path, "ntriples") != NG_SUCCESS);
    CHECK_INT_EQ(ng_graph_size(g), 0); /* nothing half-loaded */
    unlink(path);
  }
  ng_graph_free(g);
}

int main(void) {
  ng_graph_free(NULL);
  char err[512] = "";
  if (!CHECK_INT_EQ(ng_lexicon_load_builtin(&lex, err, sizeof err), NG_SUCCESS)) {
    fprintf(stderr, "  %s\n", err);
    return check_report();
  }
  test_graph();
  test_load_errors();
  ng_lexicon_free(lex);
  return check_report();
}
