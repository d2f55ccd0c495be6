#include "format.h"

#include "viz.h"

#include <string.h>

static const NgFormat FORMATS[] = {
    {"ttl", {"turtle", NULL}, ".ttl", "Turtle", ng_write_turtle, NG_OUT_TURTLE, 1},
    {"nt", {"ntriples", NULL}, ".nt", "N-Triples", ng_write_ntriples, NG_OUT_NTRIPLES, 1},
    {"nq", {"nquads", NULL}, ".nq", "N-Quads, in the article's named graph", ng_write_nquads, NG_OUT_NQUADS, 1},
    {"csv", {"triples", NULL}, ".triples.csv", "triples CSV", ng_write_triples_csv, NG_OUT_TRIPLES_CSV, 0},
    {"nodes", {NULL, NULL}, ".nodes.csv", "nodes CSV for graph visualizers", ng_write_nodes_csv, NG_OUT_NODES_CSV, 0},
    {"edges", {NULL, NULL}, ".edges.csv", "edges CSV for graph visualizers", ng_write_edges_csv, NG_OUT_EDGES_CSV, 0},
    {"graphml",
     {NULL, NULL},
     ".graphml",
     "GraphML (Gephi, Cytoscape, yEd, networkx)",
     ng_write_graphml,
     NG_OUT_GRAPHML,
     0},
    {"dot", {NULL, NULL}, ".dot", "Graphviz DOT", ng_write_dot, NG_OUT_DOT, 0},
};
#define N_FORMATS (sizeof FORMATS / sizeof FORMATS[0])
_Static_assert(N_FORMATS == NG_FORMAT_COUNT, "NG_FORMAT_COUNT is the number of rows of FORMATS");

const NgFormat *ng_formats(size_t *n) {
  *n = N_FORMATS;
  return FORMATS;
}

/* Whether `name` (len bytes, not NUL-terminated) is the name or an alias
   of format f. */
static int names(const NgFormat *f, const char *name, size_t len) {
  if (strlen(f->name) == len && memcmp(f->name, name, len) == 0) return 1;
  for (size_t i = 0; i < NG_FORMAT_MAX_ALIASES && f->aliases[i]; ++i)
    if (strlen(f->aliases[i]) == len && memcmp(f->aliases[i], name, len) == 0) return 1;
  return 0;
}

/* The flags that the list item name[0..len) selects, or 0 for an unknown
   name. */
static unsigned item_flags(const char *name, size_t len) {
  if (len == sizeof NG_FORMAT_ALL - 1 && memcmp(name, NG_FORMAT_ALL, len) == 0) return NG_OUT_ALL;
  for (size_t i = 0; i < N_FORMATS; ++i)
    if (names(&FORMATS[i], name, len)) return FORMATS[i].flag;
  return 0;
}

NgStatus ng_format_parse(const char *list, unsigned *out) {
  unsigned v = 0;
  for (const char *p = list; *p;) {
    size_t len = strcspn(p, ",");
    if (len) {
      unsigned f = item_flags(p, len);
      if (!f) return NG_ERR_SYNTAX;
      v |= f;
    }
    p += len + (p[len] == ',');
  }
  if (!v) return NG_ERR_SYNTAX;
  *out = v;
  return NG_SUCCESS;
}

void ng_format_names(char *out, size_t size) {
  if (!size) return;
  out[0] = '\0';
  for (size_t i = 0; i < N_FORMATS; ++i) {
    strncat(out, FORMATS[i].name, size - strlen(out) - 1);
    strncat(out, ",", size - strlen(out) - 1);
  }
  strncat(out, NG_FORMAT_ALL, size - strlen(out) - 1);
}
