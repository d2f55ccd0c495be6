/* End to end on the example article: run the newsgraph binary, re-read its
 * outputs (raptor for RDF, libcsv for CSV) and assert facts with SPARQL.
 *
 * Usage: e2e_example NEWSGRAPH EXAMPLE.txt */
#include "check.h"
#include "graph.h"
#include "sparql_check.h"

#include <csv.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PREFIXES                                                                                                       \
  "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"                                                                \
  "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"                                                        \
  "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"                                                             \
  "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"                                                              \
  "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n"                                    \
  "PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>\n"                                                              \
  "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"

static const char *const OUT_EXT[] = {".ttl",       ".nt",        ".nq",      ".triples.csv",
                                      ".nodes.csv", ".edges.csv", ".graphml", ".dot"};
#define N_OUT (sizeof OUT_EXT / sizeof OUT_EXT[0])
static const char DOC[] = "kerry-sochi";

/* ---- files ---- */

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap + 1);
  while (b) {
    size_t got = fread(b + n, 1, cap - n, f);
    n += got;
    if (n < cap) break;
    char *nb = realloc(b, cap * 2 + 1);
    if (!nb) {
      free(b);
      b = NULL;
      break;
    }
    b = nb;
    cap *= 2;
  }
  fclose(f);
  if (b) b[n] = '\0';
  *len = n;
  return b;
}

/* Run argv (argv[0] is the program path) and return its exit status
 * (-1 when it did not exit normally). */
static int run(char *const argv[]) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    execv(argv[0], argv);
    _exit(127);
  }
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Remove the files of dir (one level) and dir itself. */
static void remove_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (d) {
    struct dirent *e;
    char p[4096];
    while ((e = readdir(d))) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
      snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
      unlink(p);
    }
    closedir(d);
  }
  rmdir(dir);
}

/* The directory holds exactly the outputs of -f all: no temporary files. */
static void check_dir_listing(const char *dir) {
  DIR *d = opendir(dir);
  if (!CHECK(d != NULL)) return;
  int seen[N_OUT] = {0};
  size_t other = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    int known = 0;
    for (size_t i = 0; i < N_OUT; ++i) {
      char want[256];
      snprintf(want, sizeof want, "%s%s", DOC, OUT_EXT[i]);
      if (strcmp(e->d_name, want) == 0) seen[i] = known = 1;
    }
    if (!known) {
      ++other;
      fprintf(stderr, "  unexpected file in output: %s\n", e->d_name);
    }
  }
  closedir(d);
  for (size_t i = 0; i < N_OUT; ++i)
    if (!CHECK(seen[i])) fprintf(stderr, "  missing output %s%s\n", DOC, OUT_EXT[i]);
  CHECK_INT_EQ(other, 0);
}

/* ---- CSV ---- */

typedef struct {
  char ***rows;  /* rows[i][j] */
  size_t *ncols; /* per row */
  size_t nrows, cap;
  char **cur;
  size_t ncur, capcur;
  int nomem;
} Csv;

static void csv_on_field(void *s, size_t len, void *data) {
  Csv *c = data;
  if (c->ncur == c->capcur) {
    size_t nc = c->capcur ? c->capcur * 2 : 8;
    char **n = realloc(c->cur, nc * sizeof *n);
    if (!n) {
      c->nomem = 1;
      return;
    }
    c->cur = n;
    c->capcur = nc;
  }
  char *v = malloc(len + 1);
  if (!v) {
    c->nomem = 1;
    return;
  }
  if (len) memcpy(v, s, len);
  v[len] = '\0';
  c->cur[c->ncur++] = v;
}

static void csv_on_row(int ch, void *data) {
  (void)ch;
  Csv *c = data;
  if (c->nrows == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 64;
    char ***nr = realloc(c->rows, nc * sizeof *nr);
    size_t *nn = nr ? realloc(c->ncols, nc * sizeof *nn) : NULL;
    if (nr) c->rows = nr;
    if (!nr || !nn) {
      c->nomem = 1;
      return;
    }
    c->ncols = nn;
    c->cap = nc;
  }
  c->rows[c->nrows] = c->cur;
  c->ncols[c->nrows++] = c->ncur;
  c->cur = NULL;
  c->ncur = c->capcur = 0;
}

static void csv_clear(Csv *c) {
  for (size_t i = 0; i < c->nrows; ++i) {
    for (size_t j = 0; j < c->ncols[i]; ++j) free(c->rows[i][j]);
    free(c->rows[i]);
  }
  for (size_t j = 0; j < c->ncur; ++j) free(c->cur[j]);
  free(c->cur);
  free(c->rows);
  free(c->ncols);
  memset(c, 0, sizeof *c);
}

/* Parse a CSV file strictly and check the conventions every CSV output
 * follows.  Returns 0 on success (then *c holds the rows). */
static int read_csv(const char *path, Csv *c) {
  memset(c, 0, sizeof *c);
  size_t len = 0;
  char *buf = slurp(path, &len);
  if (!CHECK(buf != NULL)) return -1;
  CHECK(len > 0);
  if (!CHECK(len < 3 || memcmp(buf, "\xEF\xBB\xBF", 3) != 0)) fprintf(stderr, "  %s starts with a BOM\n", path);
  CHECK(len >= 2 && buf[len - 2] == '\r' && buf[len - 1] == '\n');
  struct csv_parser p;
  int rc = csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
  CHECK_INT_EQ(rc, 0);
  if (!rc) {
    if (!CHECK(csv_parse(&p, buf, len, csv_on_field, csv_on_row, c) == len)) {
      fprintf(stderr, "  %s: libcsv: %s\n", path, csv_strerror(csv_error(&p)));
      rc = -1;
    }
    if (!rc && !CHECK(csv_fini(&p, csv_on_field, csv_on_row, c) == 0)) {
      fprintf(stderr, "  %s: libcsv fini: %s\n", path, csv_strerror(csv_error(&p)));
      rc = -1;
    }
    csv_free(&p);
  }
  free(buf);
  CHECK(!c->nomem);
  if (rc || c->nomem) return -1;
  CHECK(c->nrows >= 1);
  size_t varying = 0;
  for (size_t i = 1; i < c->nrows; ++i)
    if (c->ncols[i] != c->ncols[0]) {
      if (varying++ < 3)
        fprintf(stderr, "  %s row %zu: %zu columns, header has %zu\n", path, i, c->ncols[i], c->ncols[0]);
    }
  if (!CHECK_INT_EQ(varying, 0)) fprintf(stderr, "  in %s\n", path);
  return 0;
}

/* ---- SPARQL ---- */

#define ASK_TRUE(g, what, q)                                                                                           \
  do {                                                                                                                 \
    if (!CHECK(ask((g), PREFIXES q) == 1)) fprintf(stderr, "  not found: %s\n", what);                                 \
  } while (0)
#define ASK_FALSE(g, what, q)                                                                                          \
  do {                                                                                                                 \
    if (!CHECK(ask((g), PREFIXES q) == 0)) fprintf(stderr, "  found: %s\n", what);                                     \
  } while (0)

typedef struct {
  size_t rows, bad;
} MentionCheck;

static int mention_cb(void *ctx, size_t n, const char *const *names, const char *const *values) {
  MentionCheck *mc = ctx;
  MentionRow r;
  ++mc->rows;
  if (!mention_row(n, names, values, &r)) {
    ++mc->bad;
    return 0;
  }
  if (!mention_anchor_ok(&r)) {
    if (mc->bad < 5)
      fprintf(stderr, "  mention %s: anchor \"%s\", text \"%.*s\"\n", r.m, r.a, (int)(r.eb - r.bb), r.s + r.bb);
    ++mc->bad;
  }
  return 0;
}

static void check_graph(NgGraph *g) {
  ASK_TRUE(g, "Kerry's role Secretary of State",
           "ASK { ?r a ng:RoleAssignment ; ng:holder ?p ; ng:jobTitle ?t .\n"
           "      ?p rdfs:label \"John Kerry\"@en .\n"
           "      FILTER(CONTAINS(STR(?t), \"Secretary of State\")) }");
  ASK_TRUE(g, "the Kerry-Lavrov meeting in Sochi on 2015-05-12",
           "ASK { ?m a ng:Meeting ; ng:participant ?k, ?l ; ng:eventPlace ?s ;\n"
           "         ng:eventDate \"2015-05-12\"^^xsd:date .\n"
           "      ?k rdfs:label \"John Kerry\"@en . ?l rdfs:label \"Sergey Lavrov\"@en .\n"
           "      ?s rdfs:label \"Sochi\"@en }");
  ASK_TRUE(g, "Robert Legvold affiliatedWith Columbia University",
           "ASK { ?p rdfs:label \"Robert Legvold\"@en ; ng:affiliatedWith ?o .\n"
           "      ?o rdfs:label \"Columbia University\"@en }");
  ASK_TRUE(g, "Harriman Institute partOf Columbia University",
           "ASK { ?h rdfs:label \"Harriman Institute\"@en ; ng:partOf ?o .\n"
           "      ?o rdfs:label \"Columbia University\"@en }");
  ASK_TRUE(g, "Sergey Lavrov represents Russia",
           "ASK { ?p rdfs:label \"Sergey Lavrov\"@en ; ng:represents ?c .\n"
           "      ?c rdfs:label \"Russia\"@en }");
  ASK_TRUE(g, "John Kerry with altLabel Kerry",
           "ASK { ?p a ng:Person ; rdfs:label \"John Kerry\"@en ; skos:altLabel \"Kerry\"@en }");
  CHECK_INT_EQ(select_count(g, PREFIXES "SELECT ?p WHERE { ?p rdfs:label ?l FILTER(STR(?l) = \"John Kerry\") }"), 1);
  CHECK_INT_EQ(select_count(g, PREFIXES "SELECT ?p WHERE { ?p rdfs:label ?l FILTER(STR(?l) = \"Sergey Lavrov\") }"), 1);
  ASK_FALSE(g, "a Person label starting with a title",
            "ASK { ?p a ng:Person ; rdfs:label ?l .\n"
            "      FILTER(STRSTARTS(STR(?l), \"President\") || STRSTARTS(STR(?l), \"Secretary\") ||\n"
            "             STRSTARTS(STR(?l), \"Minister\") || STRSTARTS(STR(?l), \"Professor\")) }");
  ASK_FALSE(g, "a blank node", "ASK { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }");

  /* every mention's anchor is the text at its offsets */
  MentionCheck mc = {0, 0};
  char err[512] = "";
  CHECK_INT_EQ(ng_graph_query(g,
                              PREFIXES "SELECT ?m ?a ?b ?e ?s WHERE {\n"
                                       "  ?m a ng:Mention ; nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;\n"
                                       "     nif:referenceContext ?c .\n"
                                       "  ?c nif:isString ?s . }",
                              NULL, mention_cb, &mc, err, sizeof err),
               NG_SUCCESS);
  CHECK_INT_EQ(mc.bad, 0);
  if (!CHECK(mc.rows >= 100)) fprintf(stderr, "  only %zu mentions\n", mc.rows);
  CHECK_INT_EQ(select_count(g, PREFIXES "SELECT ?m WHERE {\n"
                                        "  ?m a ng:Mention ; nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;\n"
                                        "     nif:referenceContext ?c .\n"
                                        "  ?c nif:isString ?s .\n"
                                        "  FILTER(SUBSTR(?s, ?b + 1, ?e - ?b) != ?a) }"),
               0);
}

/* ---- the tests ---- */

static int run_into(const char *bin, const char *example, const char *dir) {
  /* execv() wants writable strings: copies */
  const char *const args[] = {bin, "-q", "-o", dir, example};
  char *argv[6] = {NULL};
  int rc = -1, ok = 1;
  for (size_t i = 0; i < 5; ++i) ok &= (argv[i] = strdup(args[i])) != NULL;
  if (ok) rc = run(argv);
  for (size_t i = 0; i < 5; ++i) free(argv[i]);
  return rc;
}

static void path_of(char *out, size_t size, const char *dir, size_t i) {
  size_t need = strlen(dir) + strlen(DOC) + strlen(OUT_EXT[i]) + 2;
  if (need > size) {
    fprintf(stderr, "path too long: %s\n", dir);
    exit(1);
  }
  strcpy(out, dir);
  strcat(out, "/");
  strcat(out, DOC);
  strcat(out, OUT_EXT[i]);
}

/* N-Triples: one triple per line, no duplicates, no blank node. */
static void check_nt_lines(const char *nt, size_t n_nt) {
  size_t len = 0;
  char *buf = slurp(nt, &len);
  if (CHECK(buf != NULL)) {
    size_t lines = 0;
    for (size_t i = 0; i < len; ++i) lines += buf[i] == '\n';
    CHECK_INT_EQ(lines, n_nt);
    /* no blank node as subject (line start) or object (after an IRI) */
    CHECK(strncmp(buf, "_:", 2) != 0 && strstr(buf, "\n_:") == NULL && strstr(buf, "> _:") == NULL);
  }
  free(buf);
}

/* The number of triples of RDF file `path` in syntax `syntax` (0 when it
   cannot be read); the Turtle also passes check_graph(). */
static size_t rdf_size(const char *path, const char *syntax) {
  NgGraph *g = NULL;
  size_t n = 0;
  if (CHECK_INT_EQ(ng_graph_new(&g), NG_SUCCESS) && CHECK_INT_EQ(ng_graph_load_file(g, path, syntax), NG_SUCCESS)) {
    n = ng_graph_size(g);
    if (strcmp(syntax, "turtle") == 0) check_graph(g);
  }
  ng_graph_free(g);
  return n;
}

/* The triples CSV: a header of six columns and one row per triple. */
static void check_triples_csv(const char *path, size_t n_ttl) {
  Csv c;
  if (read_csv(path, &c) == 0) {
    CHECK_INT_EQ(c.nrows - 1, n_ttl);
    if (c.nrows && CHECK_INT_EQ(c.ncols[0], 6)) {
      CHECK_STR_EQ(c.rows[0][0], "subject");
      CHECK_STR_EQ(c.rows[0][2], "object");
    }
  }
  csv_clear(&c);
}

/* Row index of node id `id` in the nodes CSV, or 0. */
static size_t node_row(const Csv *cn, const char *id) {
  for (size_t k = 1; k < cn->nrows; ++k)
    if (cn->ncols[k] && strcmp(cn->rows[k][0], id) == 0) return k;
  return 0;
}

/* Nodes: Gephi needs Id, Label first; ids are unique. */
static void check_nodes(const Csv *cn) {
  if (!CHECK(cn->nrows > 10 && cn->ncols[0] >= 2)) return;
  CHECK_STR_EQ(cn->rows[0][0], "Id");
  CHECK_STR_EQ(cn->rows[0][1], "Label");
  size_t dups = 0;
  for (size_t i = 1; i < cn->nrows; ++i)
    if (cn->ncols[i] && node_row(cn, cn->rows[i][0]) != i) ++dups;
  CHECK_INT_EQ(dups, 0);
}

/* Edges: Source, Target, Type; every edge joins two nodes of the nodes
   file (when it was read) and is Directed or Undirected. */
static void check_edges(const Csv *ce, const Csv *cn) {
  if (!CHECK(ce->nrows > 10 && ce->ncols[0] >= 3)) return;
  CHECK_STR_EQ(ce->rows[0][0], "Source");
  CHECK_STR_EQ(ce->rows[0][1], "Target");
  CHECK_STR_EQ(ce->rows[0][2], "Type");
  size_t dangling = 0, badtype = 0;
  for (size_t i = 1; cn && i < ce->nrows; ++i) {
    if (ce->ncols[i] < 3) continue;
    for (size_t end = 0; end < 2; ++end)
      if (!node_row(cn, ce->rows[i][end]) && dangling++ < 3)
        fprintf(stderr, "  edge end not a node: %s\n", ce->rows[i][end]);
    badtype += strcmp(ce->rows[i][2], "Directed") != 0 && strcmp(ce->rows[i][2], "Undirected") != 0;
  }
  CHECK_INT_EQ(dangling, 0);
  CHECK_INT_EQ(badtype, 0);
}

static void check_outputs(const char *dir) {
  char ttl[4096], nt[4096], nq[4096], csvp[4096], nodes[4096], edges[4096];
  path_of(ttl, sizeof ttl, dir, 0);
  path_of(nt, sizeof nt, dir, 1);
  path_of(nq, sizeof nq, dir, 2);
  path_of(csvp, sizeof csvp, dir, 3);
  path_of(nodes, sizeof nodes, dir, 4);
  path_of(edges, sizeof edges, dir, 5);

  size_t n_ttl = rdf_size(ttl, "turtle");
  CHECK(n_ttl > 1000);
  size_t n_nt = rdf_size(nt, "ntriples");
  CHECK_INT_EQ(n_nt, n_ttl);
  /* N-Quads: the same triples, read back through librdf's N-Quads parser */
  CHECK_INT_EQ(rdf_size(nq, "nquads"), n_nt);
  check_nt_lines(nt, n_nt);
  check_triples_csv(csvp, n_ttl);

  Csv cn, ce;
  int nodes_ok = read_csv(nodes, &cn) == 0;
  if (nodes_ok) check_nodes(&cn);
  if (read_csv(edges, &ce) == 0) check_edges(&ce, nodes_ok ? &cn : NULL);
  csv_clear(&cn);
  csv_clear(&ce);
}

static void check_identical(const char *d1, const char *d2) {
  for (size_t i = 0; i < N_OUT; ++i) {
    char p1[4096], p2[4096];
    path_of(p1, sizeof p1, d1, i);
    path_of(p2, sizeof p2, d2, i);
    size_t l1 = 0, l2 = 0;
    char *b1 = slurp(p1, &l1), *b2 = slurp(p2, &l2);
    if (CHECK(b1 && b2)) {
      if (!CHECK(l1 == l2 && memcmp(b1, b2, l1) == 0)) fprintf(stderr, "  %s and %s differ\n", p1, p2);
    }
    free(b1);
    free(b2);
  }
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s NEWSGRAPH EXAMPLE.txt\n", argv[0]);
    return 2;
  }
  const char *bin = argv[1], *example = argv[2];
  char tmp[] = "/tmp/ng-e2e-XXXXXX";
  if (!mkdtemp(tmp)) {
    perror("mkdtemp");
    return 1;
  }
  char d1[4096], d2[4096];
  snprintf(d1, sizeof d1, "%s/one", tmp);
  snprintf(d2, sizeof d2, "%s/two", tmp);
  CHECK(mkdir(d1, 0777) == 0);
  /* d2 does not exist yet: newsgraph creates it */

  if (CHECK_INT_EQ(run_into(bin, example, d1), 0)) {
    check_dir_listing(d1);
    check_outputs(d1);
  }
  if (CHECK_INT_EQ(run_into(bin, example, d2), 0)) {
    check_dir_listing(d2);
    check_identical(d1, d2);
  }
  remove_dir(d1);
  remove_dir(d2);
  CHECK(rmdir(tmp) == 0);
  return check_report();
}
