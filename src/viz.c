#include "viz.h"

#include "scheme.h"
#include "try.h"
#include "types.h"

#include <raptor2.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the view -------------------------------------------------------------- */

struct NgVizGraphImpl {
  NgVizNode *nodes;
  size_t n_nodes;
  NgVizEdge *edges;
  size_t n_edges;
  const char **aliases; /* every node's aliases, node after node */
  size_t n_aliases;
  size_t (*range)[2];  /* per node: its triples [lo, hi) in the input */
  size_t *index;       /* open addressing by IRI address: 1 + node, 0 when free */
  unsigned index_bits; /* 2^index_bits slots */
};

/* The triples' strings are interned (graph.h): equal strings are one
   address, so terms are compared, hashed and remembered by address. */
static size_t addr_hash(const void *p, unsigned bits) {
  return (size_t)(((uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
}

/* What a predicate says about its subject. */
typedef enum { P_OTHER, P_TYPE, P_LABEL, P_ALIAS, P_WIKIDATA, P_CONFIDENCE, P_RULE } Role;

static const struct {
  const char *iri;
  Role role;
} ROLES[] = {{NG_NS_RDF "type", P_TYPE},       {NG_NS_RDFS "label", P_LABEL},      {NG_NS_SKOS "altLabel", P_ALIAS},
             {NG_NS "wikidataId", P_WIKIDATA}, {NG_NS "confidence", P_CONFIDENCE}, {NG_NS "rule", P_RULE}};

/* The one symmetric edge: drawn without a direction. */
#define SYMMETRIC "metWith"

/* What the view makes of a predicate. */
typedef struct {
  const char *iri;  /* the predicate; NULL in an empty slot */
  Role role;        /* rdf:type (with an IRI object), or the node attribute a literal object gives */
  const char *edge; /* an ng: predicate: its local name, the name of the edges it makes to nodes; else NULL */
  int symmetric;    /* the edge is SYMMETRIC */
} Predicate;

/* What the view makes of an rdf:type object. */
typedef struct {
  const char *iri;        /* the class IRI; NULL in an empty slot */
  const char *cls, *kind; /* the node's class and top class; NULL when it makes no node */
} Class;

/* The terms met so far, each worked out once: direct-mapped caches (a slot
   keeps the last term that fell into it). */
#define TERM_BITS 6
typedef struct {
  Predicate predicates[1u << TERM_BITS];
  Class classes[1u << TERM_BITS];
} Terms;

static Predicate predicate_of(const char *iri) {
  Predicate p = {iri, P_OTHER, ng_scheme_ontology_local(iri), 0};
  for (size_t i = 0; i < sizeof ROLES / sizeof ROLES[0] && p.role == P_OTHER; ++i)
    if (strcmp(iri, ROLES[i].iri) == 0) p.role = ROLES[i].role;
  p.symmetric = p.edge && strcmp(p.edge, SYMMETRIC) == 0;
  return p;
}

/* An entity class of types.h, ng:Meeting or ng:Visit make nodes. */
static Class class_of(const char *iri) {
  static const char *const KIND[NG_TYPE_COUNT] = {"Person", "Organization", "Place", "Agreement"};
  Class c = {iri, NULL, NULL};
  const char *local = ng_scheme_ontology_local(iri);
  NgClass k = local ? ng_class_parse(local) : NG_CLS_COUNT;
  if (k != NG_CLS_COUNT) {
    c.cls = ng_class_name(k);
    c.kind = KIND[ng_class_type(k)];
  } else if (local && (strcmp(local, "Meeting") == 0 || strcmp(local, "Visit") == 0)) {
    c.cls = local;
    c.kind = "Event";
  }
  return c;
}

static const Predicate *known_predicate(Terms *t, const char *iri) {
  Predicate *p = &t->predicates[addr_hash(iri, TERM_BITS)];
  if (p->iri != iri) *p = predicate_of(iri);
  return p;
}

static const Class *known_class(Terms *t, const char *iri) {
  Class *c = &t->classes[addr_hash(iri, TERM_BITS)];
  if (c->iri != iri) *c = class_of(iri);
  return c;
}

typedef struct {
  const NgWriteInput *in;
  NgVizGraph *g;
  Terms terms;
} Builder;

/* The end of the triples of the subject of triple i. */
static size_t subject_end(const NgWriteInput *in, size_t i) {
  size_t hi = i;
  while (hi < in->n && in->triples[hi].s == in->triples[i].s) ++hi;
  return hi;
}

/* The class of the first rdf:type of triples [lo, hi) that makes their
   subject a node, or NULL. */
static const Class *node_class(Builder *b, size_t lo, size_t hi) {
  for (size_t k = lo; k < hi; ++k) {
    const NgTriple *t = &b->in->triples[k];
    if (!t->o_iri || known_predicate(&b->terms, t->p)->role != P_TYPE) continue;
    const Class *c = known_class(&b->terms, t->o);
    if (c->cls) return c;
  }
  return NULL;
}

static size_t count_aliases(Builder *b, size_t lo, size_t hi) {
  size_t n = 0;
  for (size_t k = lo; k < hi; ++k) {
    const NgTriple *t = &b->in->triples[k];
    n += !t->o_iri && known_predicate(&b->terms, t->p)->role == P_ALIAS;
  }
  return n;
}

/* Pass 1: the number of nodes and of their aliases. */
static void count_nodes(Builder *b, size_t *n_nodes, size_t *n_aliases) {
  *n_nodes = *n_aliases = 0;
  for (size_t i = 0, hi; i < b->in->n; i = hi) {
    hi = subject_end(b->in, i);
    if (!node_class(b, i, hi)) continue;
    ++*n_nodes;
    *n_aliases += count_aliases(b, i, hi);
  }
}

static void set_attribute(NgVizGraph *g, NgVizNode *v, Role role, const char *value) {
  switch (role) {
  case P_LABEL: v->label = value; break;
  case P_ALIAS:
    g->aliases[g->n_aliases++] = value;
    v->n_aliases++;
    break;
  case P_WIKIDATA: v->wikidata = value; break;
  case P_CONFIDENCE: v->confidence = value; break;
  case P_RULE: v->rule = value; break;
  default: break;
  }
}

/* The node of the subject of triples [lo, hi), of class c. */
static void add_node(Builder *b, const Class *c, size_t lo, size_t hi) {
  NgVizGraph *g = b->g;
  NgVizNode *v = &g->nodes[g->n_nodes];
  const char *iri = b->in->triples[lo].s;
  *v = (NgVizNode){ng_scheme_local(b->in->base, iri), iri, "", c->cls, c->kind,
                   g->aliases + g->n_aliases,         0,   "", "",     ""};
  g->range[g->n_nodes][0] = lo;
  g->range[g->n_nodes][1] = hi;
  for (size_t k = lo; k < hi; ++k) {
    const NgTriple *t = &b->in->triples[k];
    if (!t->o_iri) set_attribute(g, v, known_predicate(&b->terms, t->p)->role, t->o);
  }
  g->n_nodes++;
}

/* Pass 2: the nodes, in subject order. */
static void add_nodes(Builder *b) {
  for (size_t i = 0, hi; i < b->in->n; i = hi) {
    hi = subject_end(b->in, i);
    const Class *c = node_class(b, i, hi);
    if (c) add_node(b, c, i, hi);
  }
}

/* The index of the nodes by IRI address, at most half full. */
static NgStatus index_nodes(NgVizGraph *g) {
  g->index_bits = 1;
  while (((size_t)1 << g->index_bits) < 2 * g->n_nodes) ++g->index_bits;
  size_t mask = ((size_t)1 << g->index_bits) - 1;
  g->index = calloc(mask + 1, sizeof *g->index);
  if (!g->index) return NG_ERR_NOMEM;
  for (size_t i = 0; i < g->n_nodes; ++i) {
    size_t k = addr_hash(g->nodes[i].iri, g->index_bits);
    while (g->index[k]) k = (k + 1) & mask;
    g->index[k] = i + 1;
  }
  return NG_SUCCESS;
}

/* Index of the node with IRI `iri`, or (size_t)-1. */
static size_t find_node(const NgVizGraph *g, const char *iri) {
  size_t mask = ((size_t)1 << g->index_bits) - 1;
  for (size_t k = addr_hash(iri, g->index_bits); g->index[k]; k = (k + 1) & mask)
    if (g->nodes[g->index[k] - 1].iri == iri) return g->index[k] - 1;
  return (size_t)-1;
}

/* The edge that triple k of node i makes into *e, if it makes one. */
static int edge_of(Builder *b, size_t i, size_t k, NgVizEdge *e) {
  const NgTriple *t = &b->in->triples[k];
  const Predicate *p = t->o_iri ? known_predicate(&b->terms, t->p) : NULL;
  size_t j = p && p->edge ? find_node(b->g, t->o) : (size_t)-1;
  if (j == (size_t)-1) return 0;
  *e = (NgVizEdge){i, j, t->p, p->edge, !p->symmetric};
  return 1;
}

/* The edges, node after node, into `edges` (NULL: only counted); returns
   their number. */
static size_t scan_edges(Builder *b, NgVizEdge *edges) {
  size_t ne = 0;
  NgVizEdge e;
  for (size_t i = 0; i < b->g->n_nodes; ++i)
    for (size_t k = b->g->range[i][0]; k < b->g->range[i][1]; ++k)
      if (edge_of(b, i, k, &e)) {
        if (edges) edges[ne] = e;
        ++ne;
      }
  return ne;
}

static NgStatus build_view(Builder *b) {
  NgVizGraph *g = b->g;
  size_t nn, na;
  count_nodes(b, &nn, &na);
  g->nodes = calloc(nn ? nn : 1, sizeof *g->nodes);
  g->range = calloc(nn ? nn : 1, sizeof *g->range);
  g->aliases = calloc(na ? na : 1, sizeof *g->aliases);
  if (!g->nodes || !g->range || !g->aliases) return NG_ERR_NOMEM;
  add_nodes(b);
  if (index_nodes(g)) return NG_ERR_NOMEM;
  size_t ne = scan_edges(b, NULL);
  g->edges = calloc(ne ? ne : 1, sizeof *g->edges);
  if (!g->edges) return NG_ERR_NOMEM;
  g->n_edges = scan_edges(b, g->edges);
  return NG_SUCCESS;
}

NgStatus ng_viz_graph_new(const NgWriteInput *in, NgVizGraph **out) {
  *out = NULL;
  if (!in || (in->n && !in->triples)) return NG_ERR_BAD_ARG;
  Builder *b = calloc(1, sizeof *b); /* the term caches: 4 KB */
  if (!b) return NG_ERR_NOMEM;
  b->in = in;
  b->g = calloc(1, sizeof *b->g);
  NgStatus st = b->g ? build_view(b) : NG_ERR_NOMEM;
  if (st)
    ng_viz_graph_free(b->g);
  else
    *out = b->g;
  free(b);
  return st;
}

void ng_viz_graph_free(NgVizGraph *g) {
  if (!g) return;
  free(g->nodes);
  free(g->edges);
  free(g->aliases);
  free(g->range);
  free(g->index);
  free(g);
}

const NgVizNode *ng_viz_graph_nodes(const NgVizGraph *g, size_t *n) {
  *n = g->n_nodes;
  return g->nodes;
}

const NgVizEdge *ng_viz_graph_edges(const NgVizGraph *g, size_t *n) {
  *n = g->n_edges;
  return g->edges;
}

/* ---- nodes and edges CSVs ------------------------------------------------------ */

/* The aliases joined by `sep`, in a new string owned by the caller. */
static char *join_aliases(const NgVizNode *v, char sep) {
  size_t len = 0;
  for (size_t k = 0; k < v->n_aliases; ++k) len += strlen(v->aliases[k]) + 1;
  char *s = malloc(len + 1), *q = s;
  if (!s) return NULL;
  for (size_t k = 0; k < v->n_aliases; ++k) {
    if (k) *q++ = sep;
    size_t n = strlen(v->aliases[k]);
    memcpy(q, v->aliases[k], n);
    q += n;
  }
  *q = '\0';
  return s;
}

/* A visualizer output written from the view of the input. */
typedef NgStatus (*ViewWriter)(const NgVizGraph *g, const NgWriteInput *in, FILE *f);

/* Build the view of `in`, write it with `write`, free it. */
static NgStatus write_view(const NgWriteInput *in, FILE *f, ViewWriter write) {
  NgVizGraph *g = NULL;
  NgStatus st = ng_viz_graph_new(in, &g);
  if (!st) st = write(g, in, f);
  if (!st && ferror(f)) st = NG_ERR_IO;
  ng_viz_graph_free(g);
  return st;
}

static NgStatus node_gephi(const NgVizNode *v, int raw, FILE *f) {
  static const unsigned char text[8] = {1, 1, 1, 1, 1, 1, 0, 1};
  char *aliases = join_aliases(v, '|');
  if (!aliases) return NG_ERR_NOMEM;
  const char *row[8] = {v->id, v->label, v->cls, v->iri, aliases, v->wikidata, v->confidence, v->rule};
  NgStatus st = ng_write_csv_row_guarded(f, row, 8, raw ? NULL : text);
  free(aliases);
  return st;
}

static NgStatus nodes_gephi(const NgVizGraph *g, const NgWriteInput *in, FILE *f) {
  static const char *const head[] = {"Id", "Label", "Type", "IRI", "Aliases", "Wikidata", "Confidence", "Rule"};
  NgStatus st;
  TRY(st, ng_write_csv_row(f, head, 8));
  for (size_t i = 0; i < g->n_nodes; ++i) TRY(st, node_gephi(&g->nodes[i], in->csv_raw, f));
  return NG_SUCCESS;
}

/* Neo4j import, a machine import, reads cells as they are: never guarded.
   Labels: the top class and the class ("Organization;University"); the
   array delimiter is neo4j-admin's default ';'. */
static NgStatus node_neo4j(const NgVizNode *v, FILE *f) {
  char labels[128];
  if (strcmp(v->kind, v->cls) == 0)
    snprintf(labels, sizeof labels, "%s", v->cls);
  else
    snprintf(labels, sizeof labels, "%s;%s", v->kind, v->cls);
  char *aliases = join_aliases(v, ';');
  if (!aliases) return NG_ERR_NOMEM;
  const char *row[8] = {v->id, labels, v->label, v->iri, aliases, v->wikidata, v->confidence, v->rule};
  NgStatus st = ng_write_csv_row(f, row, 8);
  free(aliases);
  return st;
}

static NgStatus nodes_neo4j(const NgVizGraph *g, const NgWriteInput *in, FILE *f) {
  static const char *const head[] = {
      "id:ID", ":LABEL", "label", "iri", "aliases:string[]", "wikidata", "confidence:double", "rule"};
  (void)in;
  NgStatus st;
  TRY(st, ng_write_csv_row(f, head, 8));
  for (size_t i = 0; i < g->n_nodes; ++i) TRY(st, node_neo4j(&g->nodes[i], f));
  return NG_SUCCESS;
}

NgStatus ng_write_nodes_csv(const NgWriteInput *in, FILE *f) {
  return write_view(in, f, in->csv_dialect == NG_CSV_NEO4J ? nodes_neo4j : nodes_gephi);
}

/* Edge i of g, "e<i+1>". */
static NgStatus edge_gephi(const NgVizGraph *g, size_t i, int raw, FILE *f) {
  static const unsigned char text[7] = {1, 1, 1, 1, 1, 0, 1};
  const NgVizEdge *e = &g->edges[i];
  char id[32];
  snprintf(id, sizeof id, "e%zu", i + 1);
  const char *row[7] = {g->nodes[e->source].id,
                        g->nodes[e->target].id,
                        e->directed ? "Directed" : "Undirected",
                        id,
                        e->name,
                        "1",
                        e->predicate};
  return ng_write_csv_row_guarded(f, row, 7, raw ? NULL : text);
}

static NgStatus edges_gephi(const NgVizGraph *g, const NgWriteInput *in, FILE *f) {
  static const char *const head[] = {"Source", "Target", "Type", "Id", "Label", "Weight", "Predicate"};
  NgStatus st;
  TRY(st, ng_write_csv_row(f, head, 7));
  for (size_t i = 0; i < g->n_edges; ++i) TRY(st, edge_gephi(g, i, in->csv_raw, f));
  return NG_SUCCESS;
}

/* Neo4j's conventional relationship type: "affiliatedWith" -> "AFFILIATED_WITH". */
static void neo4j_type(const char *name, char *out, size_t cap) {
  size_t k = 0;
  for (const char *p = name; *p && k + 2 < cap; ++p) {
    char c = *p;
    if (c >= 'A' && c <= 'Z' && p > name && ((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9')))
      out[k++] = '_';
    if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
    out[k++] = (char)((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
  }
  out[k] = '\0';
}

static NgStatus edge_neo4j(const NgVizGraph *g, const NgVizEdge *e, FILE *f) {
  char type[128];
  neo4j_type(e->name, type, sizeof type);
  const char *row[7] = {
      g->nodes[e->source].id, g->nodes[e->target].id, type, e->name, "1", e->directed ? "true" : "false", e->predicate};
  return ng_write_csv_row(f, row, 7);
}

static NgStatus edges_neo4j(const NgVizGraph *g, const NgWriteInput *in, FILE *f) {
  static const char *const head[] = {":START_ID",     ":END_ID",          ":TYPE",    "label",
                                     "weight:double", "directed:boolean", "predicate"};
  (void)in;
  NgStatus st;
  TRY(st, ng_write_csv_row(f, head, 7));
  for (size_t i = 0; i < g->n_edges; ++i) TRY(st, edge_neo4j(g, &g->edges[i], f));
  return NG_SUCCESS;
}

NgStatus ng_write_edges_csv(const NgWriteInput *in, FILE *f) {
  return write_view(in, f, in->csv_dialect == NG_CSV_NEO4J ? edges_neo4j : edges_gephi);
}

/* ---- GraphML ------------------------------------------------------------------ */

typedef struct {
  FILE *f;
  raptor_world *world;
  int errors; /* errors raptor logged */
  char *buf;  /* scratch: the escaped text (owned) */
  size_t cap;
  char *clean; /* scratch: the text without characters XML 1.0 forbids (owned) */
  size_t clean_cap;
} XmlOut;

static void xml_log(void *user, raptor_log_message *msg) {
  XmlOut *x = user;
  if (msg->level >= RAPTOR_LOG_LEVEL_ERROR) x->errors++;
}

/* fputs as a status. */
static NgStatus put(FILE *f, const char *s) { return fputs(s, f) == EOF ? NG_ERR_IO : NG_SUCCESS; }

static NgStatus grow(char **buf, size_t *cap, size_t need) {
  if (need <= *cap) return NG_SUCCESS;
  char *b = realloc(*buf, need);
  if (!b) return NG_ERR_NOMEM;
  *buf = b;
  *cap = need;
  return NG_SUCCESS;
}

/* Length of a character at s that raptor's XML 1.0 escaper refuses (it
   logs an error and drops it, or fails): U+0000-U+001F other than TAB, LF
   and CR, U+FFFE and U+FFFF, which are no XML 1.0 characters, and U+007F.
   0 for any other character. */
static size_t xml_bad(const unsigned char *s) {
  if (*s < 0x20) return *s == '\t' || *s == '\n' || *s == '\r' ? 0 : 1;
  if (*s == 0x7F) return 1;
  if (s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF)) return 3;
  return 0;
}

/* s with every character xml_bad() finds replaced by U+FFFD; s itself
   when there is none. */
static NgStatus xml_clean(XmlOut *x, const char *s, const char **out) {
  const unsigned char *u = (const unsigned char *)s;
  size_t n = strlen(s), bad = 0;
  for (size_t i = 0; i < n; ++i) bad += xml_bad(u + i) != 0;
  *out = s;
  if (!bad) return NG_SUCCESS;
  NgStatus st = grow(&x->clean, &x->clean_cap, n + 2 * bad + 1);
  if (st) return st;
  char *q = x->clean;
  for (size_t i = 0; i < n;) {
    size_t k = xml_bad(u + i);
    if (k) {
      memcpy(q, "\xEF\xBF\xBD", 3);
      q += 3;
      i += k;
    } else {
      *q++ = s[i++];
    }
  }
  *q = '\0';
  *out = x->clean;
  return NG_SUCCESS;
}

/* Write s escaped for XML: for an attribute value in double quotes when
   `quote` is '"', for element content when it is 0. */
static NgStatus xml_put(XmlOut *x, const char *s, char quote) {
  const char *c;
  NgStatus st = xml_clean(x, s, &c);
  if (st) return st;
  size_t len = strlen(c);
  int need = raptor_xml_escape_string(x->world, (const unsigned char *)c, len, NULL, 0, quote);
  if (need < 0) return NG_ERR_RDF;
  st = grow(&x->buf, &x->cap, (size_t)need + 1);
  if (st) return st;
  int got = raptor_xml_escape_string(x->world, (const unsigned char *)c, len, (unsigned char *)x->buf, (size_t)need + 1,
                                     quote);
  if (got != need) return NG_ERR_RDF;
  return fwrite(x->buf, 1, (size_t)got, x->f) == (size_t)got ? NG_SUCCESS : NG_ERR_IO;
}

/* <data key="KEY">VALUE</data>, unless the value is empty. */
static NgStatus xml_data(XmlOut *x, const char *key, const char *value) {
  if (!*value) return NG_SUCCESS;
  NgStatus st;
  if (fprintf(x->f, "      <data key=\"%s\">", key) < 0) return NG_ERR_IO;
  TRY(st, xml_put(x, value, 0));
  return put(x->f, "</data>\n");
}

static NgStatus graphml_aliases(XmlOut *x, const NgVizNode *v) {
  if (!v->n_aliases) return NG_SUCCESS;
  NgStatus st;
  TRY(st, put(x->f, "      <data key=\"n_aliases\">"));
  for (size_t i = 0; i < v->n_aliases; ++i) {
    if (i) TRY(st, put(x->f, "|"));
    TRY(st, xml_put(x, v->aliases[i], 0));
  }
  return put(x->f, "</data>\n");
}

static const char GRAPHML_HEAD[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "  <key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"n_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"n_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"n_iri\" for=\"node\" attr.name=\"iri\" attr.type=\"string\"/>\n"
    "  <key id=\"n_aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
    "  <key id=\"n_wikidata\" for=\"node\" attr.name=\"wikidata\" attr.type=\"string\"/>\n"
    "  <key id=\"n_confidence\" for=\"node\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
    "  <key id=\"n_rule\" for=\"node\" attr.name=\"rule\" attr.type=\"string\"/>\n"
    "  <key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"e_type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"e_predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
    "  <graph id=\"G\" edgedefault=\"directed\">\n";

/* ` name="value"`, the value escaped. */
static NgStatus xml_attr(XmlOut *x, const char *name, const char *value) {
  NgStatus st;
  if (fprintf(x->f, " %s=\"", name) < 0) return NG_ERR_IO;
  TRY(st, xml_put(x, value, '"'));
  return put(x->f, "\"");
}

typedef struct {
  const char *key, *value;
} KeyValue;

/* xml_data() for each of data[0..n). */
static NgStatus xml_data_list(XmlOut *x, const KeyValue *data, size_t n) {
  NgStatus st = NG_SUCCESS;
  for (size_t i = 0; i < n && !st; ++i) st = xml_data(x, data[i].key, data[i].value);
  return st;
}

static NgStatus graphml_node(XmlOut *x, const NgVizNode *v) {
  const KeyValue before[] = {{"n_label", v->label}, {"n_type", v->cls}, {"n_kind", v->kind}, {"n_iri", v->iri}};
  const KeyValue after[] = {{"n_wikidata", v->wikidata}, {"n_confidence", v->confidence}, {"n_rule", v->rule}};
  NgStatus st;
  TRY(st, put(x->f, "    <node"));
  TRY(st, xml_attr(x, "id", v->id));
  TRY(st, put(x->f, ">\n"));
  TRY(st, xml_data_list(x, before, 4));
  TRY(st, graphml_aliases(x, v));
  TRY(st, xml_data_list(x, after, 3));
  return put(x->f, "    </node>\n");
}

/* Edge i of g, "e<i+1>". */
static NgStatus graphml_edge(XmlOut *x, const NgVizGraph *g, size_t i) {
  const NgVizEdge *e = &g->edges[i];
  const KeyValue data[] = {{"e_label", e->name},
                           {"e_type", e->directed ? "Directed" : "Undirected"},
                           {"e_weight", "1"},
                           {"e_predicate", e->predicate}};
  NgStatus st;
  if (fprintf(x->f, "    <edge id=\"e%zu\"", i + 1) < 0) return NG_ERR_IO;
  TRY(st, xml_attr(x, "source", g->nodes[e->source].id));
  TRY(st, xml_attr(x, "target", g->nodes[e->target].id));
  TRY(st, put(x->f, ">\n"));
  TRY(st, xml_data_list(x, data, 4));
  return put(x->f, "    </edge>\n");
}

static NgStatus graphml_body(XmlOut *x, const NgVizGraph *g) {
  NgStatus st;
  TRY(st, put(x->f, GRAPHML_HEAD));
  for (size_t i = 0; i < g->n_nodes; ++i) TRY(st, graphml_node(x, &g->nodes[i]));
  for (size_t i = 0; i < g->n_edges; ++i) TRY(st, graphml_edge(x, g, i));
  return put(x->f, "  </graph>\n</graphml>\n");
}

static NgStatus graphml(const NgVizGraph *g, const NgWriteInput *in, FILE *f) {
  (void)in;
  XmlOut x = {f, raptor_new_world(), 0, NULL, 0, NULL, 0};
  NgStatus st = x.world ? NG_SUCCESS : NG_ERR_RDF;
  if (!st) {
    raptor_world_set_log_handler(x.world, &x, xml_log);
    if (raptor_world_open(x.world)) st = NG_ERR_RDF;
  }
  if (!st) st = graphml_body(&x, g);
  if (!st && x.errors) st = NG_ERR_RDF;
  if (x.world) raptor_free_world(x.world);
  free(x.buf);
  free(x.clean);
  return st;
}

NgStatus ng_write_graphml(const NgWriteInput *in, FILE *f) { return write_view(in, f, graphml); }

/* ---- DOT ---------------------------------------------------------------------- */

/* s as a DOT double-quoted string: '"' and '\' escaped with a backslash
   (in labels Graphviz reads "\\" as one backslash; in IDs the escaped form
   is used everywhere, so they stay consistent), a line feed as "\n" (a
   line break in a label), other control characters as a space, the
   noncharacters U+FFFE and U+FFFF as U+FFFD.  In a
   label (`label` set) '&' is written "&amp;" too: Graphviz replaces
   entities such as "&amp;" in labels by the character. */
static NgStatus dot_put(FILE *f, const char *s, int label) {
  if (putc('"', f) == EOF) return NG_ERR_IO;
  for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
    int rc;
    if (*p == '"' || *p == '\\')
      rc = putc('\\', f) == EOF ? EOF : putc(*p, f);
    else if (*p == '&' && label)
      rc = fputs("&amp;", f);
    else if (*p == '\n')
      rc = fputs("\\n", f);
    else if (*p < 0x20 || *p == 0x7F)
      rc = putc(' ', f);
    else if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
      rc = fputs("\xEF\xBF\xBD", f); /* U+FFFE, U+FFFF: XML (SVG) cannot hold them */
      p += 2;
    } else
      rc = putc(*p, f);
    if (rc == EOF) return NG_ERR_IO;
  }
  return putc('"', f) == EOF ? NG_ERR_IO : NG_SUCCESS;
}

/* Node style of each top class: shape and fill colour. */
static const char *dot_style(const char *kind) {
  static const struct {
    const char *kind, *style;
  } STYLES[] = {
      {"Person", "shape=ellipse, fillcolor=\"#a6cee3\""},
      {"Organization", "shape=box, style=\"filled,rounded\", fillcolor=\"#fdbf6f\""},
      {"Place", "shape=house, fillcolor=\"#b2df8a\""},
      {"Agreement", "shape=note, fillcolor=\"#fb9a99\""},
      {"Event", "shape=hexagon, fillcolor=\"#cab2d6\""},
  };
  for (size_t i = 0; i < sizeof STYLES / sizeof STYLES[0]; ++i)
    if (strcmp(kind, STYLES[i].kind) == 0) return STYLES[i].style;
  return "shape=ellipse, fillcolor=white";
}

static const char DOT_HEAD[] =
    "digraph newsgraph {\n"
    "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10];\n"
    "  node [fontname=\"Helvetica\", fontsize=10, style=filled, color=\"#555555\"];\n"
    "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#777777\", fontcolor=\"#444444\"];\n";

static NgStatus dot_node(FILE *f, const NgVizNode *v) {
  NgStatus st;
  TRY(st, put(f, "  "));
  TRY(st, dot_put(f, v->id, 0));
  TRY(st, put(f, " [label="));
  TRY(st, dot_put(f, *v->label ? v->label : v->id, 1));
  if (fprintf(f, ", %s, tooltip=", dot_style(v->kind)) < 0) return NG_ERR_IO;
  TRY(st, dot_put(f, v->cls, 1));
  return put(f, "];\n");
}

static NgStatus dot_edge(FILE *f, const NgVizGraph *g, const NgVizEdge *e) {
  NgStatus st;
  TRY(st, put(f, "  "));
  TRY(st, dot_put(f, g->nodes[e->source].id, 0));
  TRY(st, put(f, " -> "));
  TRY(st, dot_put(f, g->nodes[e->target].id, 0));
  TRY(st, put(f, " [label="));
  TRY(st, dot_put(f, e->name, 1));
  return put(f, e->directed ? "];\n" : ", dir=none];\n");
}

static NgStatus dot_body(FILE *f, const NgVizGraph *g) {
  NgStatus st;
  TRY(st, put(f, DOT_HEAD));
  for (size_t i = 0; i < g->n_nodes; ++i) TRY(st, dot_node(f, &g->nodes[i]));
  for (size_t i = 0; i < g->n_edges; ++i) TRY(st, dot_edge(f, g, &g->edges[i]));
  return put(f, "}\n");
}

static NgStatus dot(const NgVizGraph *g, const NgWriteInput *in, FILE *f) {
  (void)in;
  return dot_body(f, g);
}

NgStatus ng_write_dot(const NgWriteInput *in, FILE *f) { return write_view(in, f, dot); }
