/* Tests of viz.h: the node-and-edge view, GraphML and DOT on hand-made
 * triples whose labels and IRIs need escaping (quotes, backslashes, XML
 * markup, a line feed, control characters, U+FFFE).
 *
 * Usage: test_viz [DIR]   with DIR, also writes DIR/odd.graphml and
 * DIR/odd.dot for tests/viz.sh to give to networkx and Graphviz. */
#include "check.h"
#include "graph.h"
#include "viz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define B "http://ex.org/id/"
#define NG NG_NS
#define RDF_TYPE NG_NS_RDF "type"
#define RDFS_LABEL NG_NS_RDFS "label"
#define ALT NG_NS_SKOS "altLabel"
#define DEC NG_NS_XSD "decimal"
#define OTHER "http://other.org/x?a=1&b=2"

/* The odd label: quotes, apostrophe, backslash, markup, an entity, a line
   feed and U+0001 (person/y's label has U+007F and U+FFFE). */
#define ODD                                                                                                            \
  "Ann \"The Quote\" O'Neil \\ <b>&amp;\nline2\x01"                                                                    \
  "end"

/* Sorted by subject (byte order), as ng_graph_triples() gives them. */
static const NgTriple TRIPLES[] = {
    {B "article/a", RDF_TYPE, NG "NewsArticle", NULL, NULL, 1},
    {B "article/a", NG "publisher", B "person/x", NULL, NULL, 1}, /* subject is no node: no edge */
    {B "event/a/meeting-1", RDF_TYPE, NG "Meeting", NULL, NULL, 1},
    {B "event/a/meeting-1", RDFS_LABEL, "Meeting: \"X\" & Y", NULL, "en", 0},
    {B "event/a/meeting-1", NG "participant", B "person/x", NULL, NULL, 1},
    {B "event/a/meeting-1", NG "participant", B "person/y", NULL, NULL, 1},
    {B "person/x", RDF_TYPE, "http://xmlns.com/foaf/0.1/Person", NULL, NULL, 1}, /* not ng: */
    {B "person/x", RDF_TYPE, NG "Person", NULL, NULL, 1},
    {B "person/x", RDFS_LABEL, ODD, NULL, "en", 0},
    {B "person/x", ALT, "=cmd", NULL, "en", 0},
    {B "person/x", ALT, "Ann", NULL, "en", 0},
    {B "person/x", "http://xmlns.com/foaf/0.1/knows", B "person/y", NULL, NULL, 1}, /* not ng: no edge */
    {B "person/x", NG "affiliatedWith", B "org/missing", NULL, NULL, 1},            /* not a node: no edge */
    {B "person/x", NG "affiliatedWith", OTHER, NULL, NULL, 1},
    {B "person/x", NG "confidence", "0.90", DEC, NULL, 0},
    {B "person/x", NG "jobTitle", "director", NULL, "en", 0},
    {B "person/x", NG "metWith", B "person/y", NULL, NULL, 1},
    {B "person/y", RDF_TYPE, NG "Person", NULL, NULL, 1},
    {B "person/y", RDFS_LABEL, "-5 Bob\x7F\xEF\xBF\xBE!", NULL, "en", 0}, /* DEL, U+FFFE */
    {B "role/a/r1", RDF_TYPE, NG "RoleAssignment", NULL, NULL, 1},
    {B "role/a/r1", NG "holder", B "person/x", NULL, NULL, 1},
    {OTHER, RDF_TYPE, NG "ThinkTank", NULL, NULL, 1},
    {OTHER, RDFS_LABEL, "Q&A Institute", NULL, "en", 0},
    {OTHER, NG "wikidataId", "Q1", NULL, NULL, 0},
};
#define N_TRIPLES (sizeof TRIPLES / sizeof TRIPLES[0])

/* TRIPLES as the writers get them, interned by a graph (load_input): the
   view compares strings by address. */
static NgWriteInput INPUT = {NULL, 0, NULL, 0, B, NG_CSV_GEPHI, 0, NULL};

static NgGraph *load_input(void) {
  NgGraph *g = NULL;
  if (!CHECK_INT_EQ(ng_graph_new(&g), NG_SUCCESS)) return NULL;
  for (size_t i = 0; i < N_TRIPLES; ++i) CHECK_INT_EQ(ng_graph_add_triple(g, &TRIPLES[i]), NG_SUCCESS);
  CHECK_INT_EQ(ng_graph_triples(g, &INPUT.triples, &INPUT.n), NG_SUCCESS);
  if (CHECK_INT_EQ(INPUT.n, N_TRIPLES)) /* TRIPLES are sorted and distinct */
    for (size_t i = 0; i < N_TRIPLES; ++i) {
      CHECK_STR_EQ(INPUT.triples[i].s, TRIPLES[i].s);
      CHECK_STR_EQ(INPUT.triples[i].p, TRIPLES[i].p);
      CHECK_STR_EQ(INPUT.triples[i].o, TRIPLES[i].o);
    }
  return g;
}

/* What fn writes for INPUT, as a string owned by the caller. */
static char *written(NgStatus (*fn)(const NgWriteInput *, FILE *)) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  CHECK(f != NULL);
  if (!f) return NULL;
  CHECK_INT_EQ(fn(&INPUT, f), NG_SUCCESS);
  fclose(f);
  return buf;
}

static int contains(const char *hay, const char *needle) {
  if (hay && strstr(hay, needle)) return 1;
  fprintf(stderr, "  missing: %s\n", needle);
  return 0;
}

static void test_view(void) {
  NgVizGraph *g = NULL;
  if (!CHECK_INT_EQ(ng_viz_graph_new(&INPUT, &g), NG_SUCCESS) || !CHECK(g != NULL)) return;
  size_t nn = 0, ne = 0;
  const NgVizNode *v = ng_viz_graph_nodes(g, &nn);
  const NgVizEdge *e = ng_viz_graph_edges(g, &ne);
  if (CHECK_INT_EQ(nn, 4)) {
    CHECK_STR_EQ(v[0].id, "event/a/meeting-1");
    CHECK_STR_EQ(v[0].cls, "Meeting");
    CHECK_STR_EQ(v[0].kind, "Event");
    CHECK_STR_EQ(v[1].id, "person/x");
    CHECK_STR_EQ(v[1].iri, B "person/x");
    CHECK_STR_EQ(v[1].label, ODD);
    CHECK_STR_EQ(v[1].cls, "Person");
    CHECK_STR_EQ(v[1].confidence, "0.90");
    CHECK_STR_EQ(v[1].wikidata, "");
    if (CHECK_INT_EQ(v[1].n_aliases, 2)) {
      CHECK_STR_EQ(v[1].aliases[0], "=cmd");
      CHECK_STR_EQ(v[1].aliases[1], "Ann");
    }
    CHECK_INT_EQ(v[2].n_aliases, 0);
    CHECK_STR_EQ(v[3].id, OTHER); /* outside the base: the IRI */
    CHECK_STR_EQ(v[3].cls, "ThinkTank");
    CHECK_STR_EQ(v[3].kind, "Organization");
    CHECK_STR_EQ(v[3].wikidata, "Q1");
    CHECK_STR_EQ(v[3].rule, "");
  }
  if (CHECK_INT_EQ(ne, 4)) {
    CHECK(e[0].source == 0 && e[0].target == 1 && e[0].directed);
    CHECK_STR_EQ(e[0].name, "participant");
    CHECK(e[1].source == 0 && e[1].target == 2);
    CHECK(e[2].source == 1 && e[2].target == 3 && e[2].directed);
    CHECK_STR_EQ(e[2].predicate, NG "affiliatedWith");
    CHECK(e[3].source == 1 && e[3].target == 2 && !e[3].directed);
    CHECK_STR_EQ(e[3].name, "metWith");
  }
  ng_viz_graph_free(g);
  ng_viz_graph_free(NULL); /* no-op */

  /* no triples: an empty view */
  NgWriteInput none = {NULL, 0, NULL, 0, B, NG_CSV_GEPHI, 0, NULL};
  if (CHECK_INT_EQ(ng_viz_graph_new(&none, &g), NG_SUCCESS)) {
    ng_viz_graph_nodes(g, &nn);
    ng_viz_graph_edges(g, &ne);
    CHECK(nn == 0 && ne == 0);
    ng_viz_graph_free(g);
  }
}

static void test_graphml(void) {
  char *x = written(ng_write_graphml);
  CHECK(contains(
      x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
  CHECK(contains(x, "<key id=\"n_confidence\" for=\"node\" attr.name=\"confidence\" attr.type=\"double\"/>"));
  CHECK(contains(x, "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"));
  CHECK(contains(x, "<graph id=\"G\" edgedefault=\"directed\">"));
  /* element content: & < > escaped, the line feed kept, U+0001 -> U+FFFD */
  CHECK(contains(x, "<data key=\"n_label\">Ann \"The Quote\" O'Neil \\ &lt;b&gt;&amp;amp;\nline2\xEF\xBF\xBD"
                    "end</data>"));
  CHECK(contains(x, "<data key=\"n_aliases\">=cmd|Ann</data>"));
  CHECK(contains(x, "<data key=\"n_label\">Meeting: \"X\" &amp; Y</data>"));
  /* attribute values: & and " escaped */
  CHECK(contains(x, "<node id=\"http://other.org/x?a=1&amp;b=2\">"));
  CHECK(contains(x, "<edge id=\"e3\" source=\"person/x\" target=\"http://other.org/x?a=1&amp;b=2\">"));
  CHECK(contains(x, "<data key=\"e_type\">Undirected</data>"));
  CHECK(contains(x, "<data key=\"e_weight\">1</data>"));
  CHECK(contains(x, "<data key=\"n_label\">-5 Bob\xEF\xBF\xBD\xEF\xBF\xBD!</data>"));
  CHECK(x && !strstr(x, "\x01") && !strstr(x, "\x7F") && !strstr(x, "\xEF\xBF\xBE"));
  CHECK(x && !strstr(x, "e5"));
  /* empty values are left out: person/y has no confidence */
  CHECK(x && !strstr(x, "<data key=\"n_confidence\"></data>"));
  free(x);
}

static void test_dot(void) {
  char *d = written(ng_write_dot);
  CHECK(contains(d, "digraph newsgraph {\n"));
  CHECK(contains(
      d, "  \"person/x\" [label=\"Ann \\\"The Quote\\\" O'Neil \\\\ <b>&amp;amp;\\nline2 end\", shape=ellipse"));
  CHECK(contains(d, "  \"event/a/meeting-1\" [label=\"Meeting: \\\"X\\\" &amp; Y\", shape=hexagon"));
  CHECK(contains(d, "  \"person/x\" -> \"person/y\" [label=\"metWith\", dir=none];\n"));
  CHECK(contains(d, "  \"event/a/meeting-1\" -> \"person/x\" [label=\"participant\"];\n"));
  CHECK(contains(d, "  \"person/x\" -> \"http://other.org/x?a=1&b=2\" [label=\"affiliatedWith\"];\n"));
  /* one line per statement: no raw line break inside a string */
  size_t lines = 0;
  for (const char *p = d; p && *p; ++p) lines += *p == '\n';
  CHECK_INT_EQ(lines, 4 + 4 + 4 + 1);
  CHECK(contains(d, "  \"person/y\" [label=\"-5 Bob \xEF\xBF\xBD!\", shape=ellipse"));
  CHECK(d && !strstr(d, "\x01") && !strstr(d, "\x7F") && !strstr(d, "\xEF\xBF\xBE"));
  free(d);
}

static void dump(const char *dir, const char *name, NgStatus (*fn)(const NgWriteInput *, FILE *)) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  CHECK_INT_EQ(fn(&INPUT, f), NG_SUCCESS);
  CHECK(fclose(f) == 0);
}

int main(int argc, char **argv) {
  NgGraph *input = load_input();
  test_view();
  test_graphml();
  test_dot();
  if (argc > 1) {
    dump(argv[1], "odd.graphml", ng_write_graphml);
    dump(argv[1], "odd.dot", ng_write_dot);
  }
  ng_graph_free(input);
  return check_report();
}
