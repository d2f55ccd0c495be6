/* Tests of ng_write_csv_row (write.h): exact RFC 4180 bytes, and libcsv in
 * strict mode reads the same fields back. */
#include "check.h"
#include "graph.h"
#include "viz.h"
#include "write.h"

#include <csv.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- a libcsv reader collecting rows of fields ---- */

#define MAX_ROWS 32
#define MAX_COLS 16

typedef struct {
  char *f[MAX_ROWS][MAX_COLS];
  size_t ncols[MAX_ROWS];
  size_t nrows;
  size_t cur; /* fields in the current row */
  int overflow;
} Rows;

static void on_field(void *s, size_t len, void *data) {
  Rows *r = data;
  if (r->nrows >= MAX_ROWS || r->cur >= MAX_COLS) {
    r->overflow = 1;
    return;
  }
  char *v = malloc(len + 1);
  if (!v) {
    r->overflow = 1;
    return;
  }
  if (len) memcpy(v, s, len);
  v[len] = '\0';
  r->f[r->nrows][r->cur++] = v;
}

static void on_row(int c, void *data) {
  (void)c;
  Rows *r = data;
  if (r->nrows >= MAX_ROWS) {
    r->overflow = 1;
    return;
  }
  r->ncols[r->nrows++] = r->cur;
  r->cur = 0;
}

static void rows_free(Rows *r) {
  for (size_t i = 0; i < MAX_ROWS; ++i)
    for (size_t j = 0; j < MAX_COLS; ++j) free(r->f[i][j]);
}

/* Parse buf strictly; returns 0 on success. */
static int parse_strict(const char *buf, size_t len, Rows *r) {
  struct csv_parser p;
  memset(r, 0, sizeof *r);
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI)) return -1;
  int rc = 0;
  if (csv_parse(&p, buf, len, on_field, on_row, r) != len) {
    fprintf(stderr, "  libcsv: %s\n", csv_strerror(csv_error(&p)));
    rc = -1;
  }
  if (!rc && csv_fini(&p, on_field, on_row, r)) {
    fprintf(stderr, "  libcsv fini: %s\n", csv_strerror(csv_error(&p)));
    rc = -1;
  }
  csv_free(&p);
  return rc || r->overflow;
}

/* Write rows with ng_write_csv_row into a tmpfile and return its bytes. */
static char *write_rows(const char *const *const *rows, const size_t *ncols, size_t nrows, size_t *len) {
  FILE *f = tmpfile();
  CHECK(f != NULL);
  if (!f) return NULL;
  for (size_t i = 0; i < nrows; ++i) CHECK_INT_EQ(ng_write_csv_row(f, rows[i], ncols[i]), NG_SUCCESS);
  long end = ftell(f);
  CHECK(end >= 0);
  rewind(f);
  char *buf = calloc((size_t)(end > 0 ? end : 0) + 1, 1);
  if (buf) *len = fread(buf, 1, (size_t)(end > 0 ? end : 0), f);
  CHECK(buf && *len == (size_t)end);
  fclose(f);
  return buf;
}

static void test_exact_bytes(void) {
  const char *const r0[] = {"plain", "a,b", "say \"hi\"", "cr\rx", "lf\nx", " lead", "", NULL, "trail "};
  const char *const r1[] = {"\"", ",", "Kerry\xE2\x80\x99s", "x", "y", "z", "1", "2", "3"};
  const char *const *rows[] = {r0, r1};
  size_t ncols[] = {9, 9};
  size_t len = 0;
  char *buf = write_rows(rows, ncols, 2, &len);
  if (!buf) return;
  const char want[] = "plain,\"a,b\",\"say \"\"hi\"\"\",\"cr\rx\",\"lf\nx\",\" lead\",,,\"trail \"\r\n"
                      "\"\"\"\",\",\",Kerry\xE2\x80\x99s,x,y,z,1,2,3\r\n";
  CHECK_MEM_EQ(buf, len, want, sizeof want - 1);
  CHECK(len < 3 || memcmp(buf, "\xEF\xBB\xBF", 3) != 0); /* no BOM */

  Rows r;
  if (CHECK(parse_strict(buf, len, &r) == 0)) {
    CHECK_INT_EQ(r.nrows, 2);
    for (size_t i = 0; i < r.nrows && i < 2; ++i) {
      CHECK_INT_EQ(r.ncols[i], ncols[i]);
      for (size_t j = 0; j < r.ncols[i] && j < ncols[i]; ++j) {
        const char *expect = rows[i][j] ? rows[i][j] : "";
        if (!CHECK_STR_EQ(r.f[i][j], expect)) fprintf(stderr, "  (row %zu, field %zu)\n", i, j);
      }
    }
  }
  rows_free(&r);
  free(buf);
}

/* Does buf[0..len) hold a line end outside quotes that is not CRLF?  *inq
   receives whether a quote is left open. */
static int bare_line_end(const char *buf, size_t len, int *inq) {
  int bare = 0;
  *inq = 0;
  for (size_t i = 0; i < len; ++i) {
    if (buf[i] == '"')
      *inq = !*inq;
    else if (!*inq && ((buf[i] == '\n' && (i == 0 || buf[i - 1] != '\r')) ||
                       (buf[i] == '\r' && (i + 1 >= len || buf[i + 1] != '\n'))))
      bare = 1;
  }
  return bare;
}

static void test_roundtrip_many(void) {
  /* awkward values: each row has the same three columns */
  static const char *const vals[] = {
      "",      " ",       "  ",          "\"\"", "a\"b", "\r\n",      "\n", "\r",
      ",,,",   "x, y",    "=1+1",        "-3",   "@a",   "tab\there", "'",  "\xC3\xA9t\xC3\xA9",
      "end\"", "\"start", "a\r\nb\"c,d", "plain"};
  size_t n = sizeof vals / sizeof vals[0];
  FILE *f = tmpfile();
  CHECK(f != NULL);
  if (!f) return;
  for (size_t i = 0; i < n; ++i) {
    const char *row[3] = {"k", vals[i], vals[(i + 7) % n]};
    CHECK_INT_EQ(ng_write_csv_row(f, row, 3), NG_SUCCESS);
  }
  long end = ftell(f);
  rewind(f);
  char *buf = calloc((size_t)end + 1, 1);
  size_t len = buf ? fread(buf, 1, (size_t)end, f) : 0;
  fclose(f);
  if (!CHECK(buf && len == (size_t)end)) {
    free(buf);
    return;
  }
  /* every record ends with CRLF; no bare LF outside quotes */
  CHECK(len >= 2 && buf[len - 2] == '\r' && buf[len - 1] == '\n');
  int inq;
  CHECK(!bare_line_end(buf, len, &inq));
  CHECK(!inq);

  Rows r;
  if (CHECK(parse_strict(buf, len, &r) == 0)) {
    CHECK_INT_EQ(r.nrows, n);
    for (size_t i = 0; i < r.nrows && i < n; ++i) {
      CHECK_INT_EQ(r.ncols[i], 3);
      if (r.ncols[i] != 3) continue;
      CHECK_STR_EQ(r.f[i][0], "k");
      if (!CHECK_STR_EQ(r.f[i][1], vals[i])) fprintf(stderr, "  (row %zu)\n", i);
      CHECK_STR_EQ(r.f[i][2], vals[(i + 7) % n]);
    }
  }
  rows_free(&r);
  free(buf);
}

static void test_single_field(void) {
  /* one field */
  const char *const one[] = {"only"};
  const char *const *rows[] = {one};
  size_t nc[] = {1};
  size_t len = 0;
  char *buf = write_rows(rows, nc, 1, &len);
  if (buf) CHECK_MEM_EQ(buf, len, "only\r\n", 6);
  free(buf);
}

/* ---- atomic writes: ng_write_prepare / commit / abort ---- */

static NgStatus write_hello(const NgWriteInput *in, FILE *f) {
  (void)in;
  const char *const row[] = {"hello", "world"};
  return ng_write_csv_row(f, row, 2);
}

static NgStatus write_fail(const NgWriteInput *in, FILE *f) {
  (void)in;
  fputs("partial", f);
  return NG_ERR_CSV;
}

static size_t entries(const char *dir) {
  DIR *d = opendir(dir);
  size_t n = 0;
  if (!d) return 0;
  struct dirent *e;
  while ((e = readdir(d)))
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) ++n;
  closedir(d);
  return n;
}

static void test_atomic(void) {
  char dir[] = "/tmp/ng-test-csv-XXXXXX";
  if (!CHECK(mkdtemp(dir) != NULL)) return;
  char path[512], tmp[600];
  snprintf(path, sizeof path, "%s/out.csv", dir);
  NgWriteInput in = {NULL, 0, NULL, 0, NULL, NG_CSV_GEPHI, 0, NULL};

  /* the temporary file is hidden, next to the target, and names the PID */
  CHECK_INT_EQ(ng_write_temp_name(path, 4242, 7, tmp, sizeof tmp), NG_SUCCESS);
  char want[600];
  snprintf(want, sizeof want, "%s/.out.csv.tmp-4242-7", dir);
  CHECK_STR_EQ(tmp, want);
  CHECK_INT_EQ(ng_write_temp_name("x.csv", 1, 0, tmp, sizeof tmp), NG_SUCCESS);
  CHECK_STR_EQ(tmp, ".x.csv.tmp-1-0");
  CHECK_INT_EQ(ng_write_temp_name(path, 4242, 7, tmp, 20), NG_ERR_BAD_ARG);

  /* prepare writes the temporary file */
  CHECK_INT_EQ(ng_write_temp_name(path, (long)getpid(), 0, tmp, sizeof tmp), NG_SUCCESS);
  CHECK_INT_EQ(ng_write_prepare(tmp, write_hello, &in), NG_SUCCESS);
  CHECK(access(tmp, F_OK) == 0);
  CHECK(access(path, F_OK) != 0);
  CHECK_INT_EQ(entries(dir), 1);
  /* ... never over a file that exists */
  errno = 0;
  CHECK_INT_EQ(ng_write_prepare(tmp, write_hello, &in), NG_ERR_IO);
  CHECK_INT_EQ(errno, EEXIST);
  CHECK(access(tmp, F_OK) == 0);
  /* commit renames it into place */
  CHECK_INT_EQ(ng_write_commit(tmp, path), NG_SUCCESS);
  CHECK_INT_EQ(entries(dir), 1);
  FILE *f = fopen(path, "rb");
  if (CHECK(f != NULL)) {
    char buf[64] = "";
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    CHECK_MEM_EQ(buf, n, "hello,world\r\n", 13);
    fclose(f);
  }
  /* abort removes the temporary and leaves the old file alone */
  CHECK_INT_EQ(ng_write_prepare(tmp, write_hello, &in), NG_SUCCESS);
  CHECK_INT_EQ(entries(dir), 2);
  ng_write_abort(tmp);
  CHECK_INT_EQ(entries(dir), 1);
  /* a failing writer leaves nothing behind */
  CHECK_INT_EQ(ng_write_prepare(tmp, write_fail, &in), NG_ERR_CSV);
  CHECK_INT_EQ(entries(dir), 1);
  /* an impossible directory fails cleanly */
  char bad[600];
  snprintf(bad, sizeof bad, "%s/out.csv/sub/.x.csv.tmp-1-0", dir);
  CHECK(ng_write_prepare(bad, write_hello, &in) != NG_SUCCESS);
  CHECK_INT_EQ(entries(dir), 1);
  CHECK(unlink(path) == 0);
  CHECK(rmdir(dir) == 0);
}

/* A file `name` in dir with some bytes. */
static void touch(const char *dir, const char *name) {
  char p[600];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  FILE *f = fopen(p, "wb");
  if (CHECK(f != NULL)) {
    fputs("partial", f);
    fclose(f);
  }
}

static int exists(const char *dir, const char *name) {
  char p[600];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  return access(p, F_OK) == 0;
}

/* The PID of a process that has ended, or 0. */
static long dead_pid(void) {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  if (pid < 0 || waitpid(pid, NULL, 0) != pid) return 0;
  return kill(pid, 0) != 0 && errno == ESRCH ? (long)pid : 0;
}

/* ng_write_remove_stale: the temporary files of dead processes go, those
   of live ones and every other file stay. */
static void test_stale(void) {
  char dir[] = "/tmp/ng-test-stale-XXXXXX";
  if (!CHECK(mkdtemp(dir) != NULL)) return;
  long dead = dead_pid(), live = (long)getpid();
  if (!CHECK(dead > 0)) return;
  char gone[2][128], kept[3][128];
  snprintf(gone[0], sizeof gone[0], ".a.ttl.tmp-%ld-0", dead);
  snprintf(gone[1], sizeof gone[1], ".a.tmp-1.nt.tmp-%ld-12", dead);
  snprintf(kept[0], sizeof kept[0], ".a.ttl.tmp-%ld-0", live);
  snprintf(kept[1], sizeof kept[1], "a.ttl.tmp-%ld-0", dead); /* not hidden */
  snprintf(kept[2], sizeof kept[2], ".a.ttl.tmp-%ld-0x", dead);
  const char *const others[] = {".a.ttl.XXXXXX", ".tmp-1-0", ".a.ttl.tmp--0", "a.ttl"};
  for (size_t i = 0; i < 2; ++i) touch(dir, gone[i]);
  for (size_t i = 0; i < 3; ++i) touch(dir, kept[i]);
  for (size_t i = 0; i < 4; ++i) touch(dir, others[i]);
  size_t removed = 99;
  CHECK_INT_EQ(ng_write_remove_stale(dir, &removed), NG_SUCCESS);
  CHECK_INT_EQ(removed, 2);
  for (size_t i = 0; i < 2; ++i) CHECK(!exists(dir, gone[i]));
  for (size_t i = 0; i < 3; ++i) CHECK(exists(dir, kept[i]));
  for (size_t i = 0; i < 4; ++i) CHECK(exists(dir, others[i]));
  CHECK_INT_EQ(entries(dir), 7);
  CHECK_INT_EQ(ng_write_remove_stale("/nonexistent/ng-dir", &removed), NG_ERR_IO);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK(system(cmd) == 0);
}

/* ---- formula injection and the Neo4j dialect ---- */

static char *csv_of(NgStatus (*fn)(const NgWriteInput *, FILE *), const NgWriteInput *in) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  CHECK(f != NULL);
  if (!f) return NULL;
  CHECK_INT_EQ(fn(in, f), NG_SUCCESS);
  fclose(f);
  return buf;
}

/* fn(in) writes exactly want[0..n). */
static void expect_csv(NgStatus (*fn)(const NgWriteInput *, FILE *), const NgWriteInput *in, const char *want,
                       size_t n) {
  char *c = csv_of(fn, in);
  if (CHECK(c)) CHECK_MEM_EQ(c, strlen(c), want, n);
  free(c);
}

static void test_guarded_row(void) {
  const char *const row[] = {"=1+1", "-3", "@a", "\tx", "\rcr", "+x", "plain", "-3", "", "'q", "a=b", NULL};
  const unsigned char text[] = {1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1};
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  CHECK(f != NULL);
  if (!f) return;
  CHECK_INT_EQ(ng_write_csv_row_guarded(f, row, 12, text), NG_SUCCESS);
  CHECK_INT_EQ(ng_write_csv_row_guarded(f, row, 12, NULL), NG_SUCCESS); /* no guard */
  CHECK_INT_EQ(ng_write_csv_row(f, row, 12), NG_SUCCESS);               /* no guard */
  fclose(f);
  const char want[] = "'=1+1,'-3,'@a,'\tx,\"'\rcr\",'+x,plain,-3,,'q,a=b,\r\n"
                      "=1+1,-3,@a,\"\tx\",\"\rcr\",+x,plain,-3,,'q,a=b,\r\n" /* a tab at an end: quoted */
                      "=1+1,-3,@a,\"\tx\",\"\rcr\",+x,plain,-3,,'q,a=b,\r\n";
  CHECK_MEM_EQ(buf, len, want, sizeof want - 1);
  Rows r;
  if (CHECK(parse_strict(buf, len, &r) == 0)) {
    CHECK_INT_EQ(r.nrows, 3);
    CHECK_STR_EQ(r.f[0][4], "'\rcr");
  }
  rows_free(&r);
  free(buf);
}

#define B "http://ex.org/id/"
#define XSD NG_NS_XSD
#define TYPE NG_NS_RDF "type"
#define LABEL NG_NS_RDFS "label"
#define ALT NG_NS_SKOS "altLabel"

static const NgTriple T[] = {
    {B "org/q", TYPE, NG_NS "ThinkTank", NULL, NULL, 1},
    {B "org/q", LABEL, "@Home Institute", NULL, "en", 0},
    {B "org/q", NG_NS "confidence", "0.85", XSD "decimal", NULL, 0},
    {B "person/x", TYPE, NG_NS "Person", NULL, NULL, 1},
    {B "person/x", LABEL, "Ann Berg", NULL, "en", 0},
    {B "person/x", ALT, "-Ann", NULL, "en", 0},
    {B "person/x", ALT, "Berg", NULL, "en", 0},
    {B "person/x", NG_NS "affiliatedWith", B "org/q", NULL, NULL, 1},
    {B "person/x", NG_NS "metWith", B "person/y", NULL, NULL, 1},
    {B "person/x", NG_NS "offset", "-12", XSD "integer", NULL, 0},
    {B "person/x", NG_NS "quote", "-12 is a number", NULL, "en", 0},
    {B "person/x", NG_NS "text", "=A1", XSD "string", NULL, 0},
    {B "person/y", TYPE, NG_NS "Person", NULL, NULL, 1},
    {B "person/y", LABEL, "Cy Dahl", NULL, "en", 0},
};
#define N_T (sizeof T / sizeof T[0])

/* T as the writers get them: interned by a graph (owned by the caller), the
   strings viz.h compares by address. */
static NgGraph *interned(NgWriteInput *in) {
  NgGraph *g = NULL;
  *in = (NgWriteInput){NULL, 0, NULL, 0, B, NG_CSV_GEPHI, 0, NULL};
  if (!CHECK_INT_EQ(ng_graph_new(&g), NG_SUCCESS)) return NULL;
  for (size_t i = 0; i < N_T; ++i) CHECK_INT_EQ(ng_graph_add_triple(g, &T[i]), NG_SUCCESS);
  CHECK_INT_EQ(ng_graph_triples(g, &in->triples, &in->n), NG_SUCCESS);
  CHECK_INT_EQ(in->n, N_T); /* T is sorted and distinct */
  return g;
}

static void test_triples_guard(void) {
  NgWriteInput in;
  NgGraph *g = interned(&in);
  char *c = csv_of(ng_write_triples_csv, &in);
  /* a typed number is left alone; text, also typed text, is guarded */
  CHECK(c && strstr(c, "\r\n" B "person/x," NG_NS "offset,-12,literal," XSD "integer,\r\n"));
  CHECK(c && strstr(c, "\r\n" B "person/x," NG_NS "quote,'-12 is a number,literal,,en\r\n"));
  CHECK(c && strstr(c, "\r\n" B "person/x," NG_NS "text,'=A1,literal," XSD "string,\r\n"));
  CHECK(c && strstr(c, "\r\n" B "org/q," LABEL ",'@Home Institute,literal,,en\r\n"));
  free(c);
  in.csv_raw = 1;
  c = csv_of(ng_write_triples_csv, &in);
  CHECK(c && strstr(c, "," NG_NS "quote,-12 is a number,"));
  CHECK(c && strstr(c, "," NG_NS "text,=A1,"));
  CHECK(c && !strchr(c, '\''));
  free(c);
  ng_graph_free(g);
}

static void test_nodes_edges(void) {
  NgWriteInput in;
  NgGraph *g = interned(&in);
  const char gephi_nodes[] = "Id,Label,Type,IRI,Aliases,Wikidata,Confidence,Rule\r\n"
                             "org/q,'@Home Institute,ThinkTank," B "org/q,,,0.85,\r\n"
                             "person/x,Ann Berg,Person," B "person/x,'-Ann|Berg,,,\r\n"
                             "person/y,Cy Dahl,Person," B "person/y,,,,\r\n";
  expect_csv(ng_write_nodes_csv, &in, gephi_nodes, sizeof gephi_nodes - 1);
  const char gephi_edges[] = "Source,Target,Type,Id,Label,Weight,Predicate\r\n"
                             "person/x,org/q,Directed,e1,affiliatedWith,1," NG_NS "affiliatedWith\r\n"
                             "person/x,person/y,Undirected,e2,metWith,1," NG_NS "metWith\r\n";
  expect_csv(ng_write_edges_csv, &in, gephi_edges, sizeof gephi_edges - 1);

  /* Neo4j: typed headers, labels, UPPER_SNAKE types, ';' arrays, never guarded */
  in.csv_dialect = NG_CSV_NEO4J;
  const char neo_nodes[] = "id:ID,:LABEL,label,iri,aliases:string[],wikidata,confidence:double,rule\r\n"
                           "org/q,Organization;ThinkTank,@Home Institute," B "org/q,,,0.85,\r\n"
                           "person/x,Person,Ann Berg," B "person/x,-Ann;Berg,,,\r\n"
                           "person/y,Person,Cy Dahl," B "person/y,,,,\r\n";
  expect_csv(ng_write_nodes_csv, &in, neo_nodes, sizeof neo_nodes - 1);
  const char neo_edges[] = ":START_ID,:END_ID,:TYPE,label,weight:double,directed:boolean,predicate\r\n"
                           "person/x,org/q,AFFILIATED_WITH,affiliatedWith,1,true," NG_NS "affiliatedWith\r\n"
                           "person/x,person/y,MET_WITH,metWith,1,false," NG_NS "metWith\r\n";
  expect_csv(ng_write_edges_csv, &in, neo_edges, sizeof neo_edges - 1);
  ng_graph_free(g);
}

int main(void) {
  test_exact_bytes();
  test_guarded_row();
  test_triples_guard();
  test_nodes_edges();
  test_roundtrip_many();
  test_single_field();
  test_atomic();
  test_stale();
  return check_report();
}
