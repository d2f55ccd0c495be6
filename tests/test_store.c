/* Tests of store.h: what newsgraph writes with SQLite is what librdf reads
 * (every kind of term), a graph is replaced and nothing else, literals are
 * stored once, and damaged or foreign files are refused. */
#include "check.h"
#include "rdfterm.h"
#include "store.h"
#include "store_rdf.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define G1 "https://example.org/id/article/one"
#define G2 "https://example.org/id/article/two"
#define XSD "http://www.w3.org/2001/XMLSchema#"

static const NgTriple ONE[] = {
    {"https://example.org/id/person/ada-vell", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
     "https://example.org/ns#Person", NULL, NULL, 1},
    {"https://example.org/id/person/ada-vell", "http://www.w3.org/2000/01/rdf-schema#label", "Ada Vell", NULL, "en", 0},
    {"https://example.org/id/person/ada-vell", "https://example.org/ns#note",
     "plain, with \"quotes\", a \\ and\na "
     "line break\tand a tab",
     NULL, NULL, 0},
    {"https://example.org/id/person/ada-vell", "https://example.org/ns#name", "Åsa Þórsdóttir – 北京 😀", NULL, "is-IS",
     0},
    {"https://example.org/id/person/ada-vell", "https://example.org/ns#begin", "1150", XSD "nonNegativeInteger", NULL,
     0},
    {"https://example.org/id/person/ada-vell", "https://example.org/ns#confidence", "0.90", XSD "decimal", NULL, 0},
    {"https://example.org/id/person/ada-vell", "https://example.org/ns#apostrophe", "it's", NULL, NULL, 0},
};
static const NgTriple TWO[] = {
    {"https://example.org/id/person/ada-vell", "http://www.w3.org/2000/01/rdf-schema#label", "Ada Vell", NULL, "en", 0},
    {"https://example.org/id/place/ostmark", "http://www.w3.org/2000/01/rdf-schema#label", "Ostmark", NULL, "en", 0},
};

static char dir[] = "/tmp/ng-test-store-XXXXXX";

static void path_of(const char *name, char *out, size_t size) { snprintf(out, size, "%s/%s", dir, name); }

/* A statement as an N-Triples line (owned). */
static char *statement_line(librdf_statement *st) {
  librdf_node *parts[3] = {librdf_statement_get_subject(st), librdf_statement_get_predicate(st),
                           librdf_statement_get_object(st)};
  char line[4096] = "";
  for (int k = 0; k < 3; ++k) {
    unsigned char *t = parts[k] ? raptor_term_to_string(parts[k]) : NULL;
    snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", k ? " " : "", t ? (const char *)t : "?");
    raptor_free_memory(t);
  }
  return strdup(line);
}

/* The N-Triples line of a triple, made by librdf from the NgTriple. */
static char *line_of(librdf_world *w, const NgTriple *t) {
  librdf_statement *st = ng_rdf_statement(w, t);
  char *line = st ? statement_line(st) : NULL;
  if (st) librdf_free_statement(st);
  return line;
}

static int by_string(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every statement librdf reads in the context `graph`, against `want`. */
static void check_graph(NgStore *s, const char *graph, const NgTriple *want, size_t n) {
  librdf_world *w = ng_store_rdf_world(s);
  librdf_node *ctx = librdf_new_node_from_uri_string(w, (const unsigned char *)graph);
  librdf_stream *str = ctx ? librdf_model_context_as_stream(ng_store_rdf_model(s), ctx) : NULL;
  char *got[16], *exp[16];
  size_t k = 0;
  for (; str && !librdf_stream_end(str) && k < 16; librdf_stream_next(str), ++k)
    got[k] = statement_line(librdf_stream_get_object(str));
  if (str) librdf_free_stream(str);
  if (ctx) librdf_free_node(ctx);
  if (!CHECK_INT_EQ(k, n)) n = k < n ? k : n;
  for (size_t i = 0; i < n; ++i) exp[i] = line_of(w, &want[i]);
  qsort(got, n, sizeof *got, by_string);
  qsort(exp, n, sizeof *exp, by_string);
  for (size_t i = 0; i < n; ++i) CHECK_STR_EQ(got[i], exp[i]);
  for (size_t i = 0; i < k; ++i) free(got[i]);
  for (size_t i = 0; i < n; ++i) free(exp[i]);
}

static size_t sql_count(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  size_t n = (size_t)-1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    n = (size_t)sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

static void test_write_read(const char *path) {
  NgStore *s = NULL;
  char err[512];
  if (!CHECK_INT_EQ(ng_store_open(path, NG_STORE_CREATE, &s, err, sizeof err), NG_SUCCESS)) return;
  CHECK_INT_EQ(ng_store_put_graph(s, G1, ONE, sizeof ONE / sizeof ONE[0]), NG_SUCCESS);
  CHECK_INT_EQ(ng_store_put_graph(s, G2, TWO, sizeof TWO / sizeof TWO[0]), NG_SUCCESS);
  size_t n = 0;
  CHECK_INT_EQ(ng_store_size(s, &n), NG_SUCCESS);
  CHECK_INT_EQ(n, 9);
  ng_store_free(s);
  /* a literal in two graphs is one row, as librdf keeps it */
  CHECK_INT_EQ(sql_count(path, "SELECT COUNT(*) FROM literals WHERE text = 'Ada Vell'"), 1);
  CHECK_INT_EQ(sql_count(path, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'ng_%'"), 3);

  s = NULL;
  if (!CHECK_INT_EQ(ng_store_open(path, NG_STORE_READ, &s, err, sizeof err), NG_SUCCESS)) return;
  check_graph(s, G1, ONE, sizeof ONE / sizeof ONE[0]);
  check_graph(s, G2, TWO, sizeof TWO / sizeof TWO[0]);
  CHECK_INT_EQ(ng_store_put_graph(s, G1, ONE, 1), NG_ERR_BAD_ARG); /* opened for reading */
  ng_store_free(s);

  /* replacing a graph replaces it, and only it */
  s = NULL;
  if (!CHECK_INT_EQ(ng_store_open(path, NG_STORE_CREATE, &s, err, sizeof err), NG_SUCCESS)) return;
  CHECK_INT_EQ(ng_store_put_graph(s, G1, ONE + 1, 2), NG_SUCCESS);
  CHECK_INT_EQ(ng_store_size(s, &n), NG_SUCCESS);
  CHECK_INT_EQ(n, 4);
  ng_store_free(s);
  s = NULL;
  if (!CHECK_INT_EQ(ng_store_open(path, NG_STORE_READ, &s, err, sizeof err), NG_SUCCESS)) return;
  check_graph(s, G1, ONE + 1, 2);
  check_graph(s, G2, TWO, sizeof TWO / sizeof TWO[0]);
  ng_store_free(s);

  NgStoreReport rep;
  CHECK_INT_EQ(ng_store_check(path, &rep, err, sizeof err), NG_SUCCESS);
  CHECK_INT_EQ(rep.triples, 4);
  CHECK_INT_EQ(rep.graphs, 2);
  ng_store_free(NULL);
}

static int copy_file(const char *from, const char *to) {
  FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
  char buf[4096];
  size_t n;
  while (a && b && (n = fread(buf, 1, sizeof buf, a)) > 0) fwrite(buf, 1, n, b);
  int ok = a && b && !ferror(a) && !ferror(b);
  if (a) fclose(a);
  if (b && fclose(b)) ok = 0;
  return ok ? 0 : -1;
}

/* A copy of the store with page `page` (4 KiB) overwritten by
   pseudo-random bytes: refused on opening and by the check. */
static void test_damage(const char *path) {
  struct stat sb;
  if (!CHECK(stat(path, &sb) == 0)) return;
  size_t pages = (size_t)sb.st_size / 4096;
  CHECK(pages >= 5);
  char bad[512], err[512];
  path_of("damaged.db", bad, sizeof bad);
  unsigned seed = 12345;
  for (size_t page = 0; page < pages; ++page) {
    if (copy_file(path, bad)) continue;
    FILE *f = fopen(bad, "r+b");
    if (!f) continue;
    unsigned char junk[4096];
    for (size_t i = 0; i < sizeof junk; ++i) junk[i] = (unsigned char)((seed = seed * 1103515245u + 12345u) >> 16);
    fseek(f, (long)(page * 4096), SEEK_SET);
    fwrite(junk, 1, sizeof junk, f);
    fclose(f);
    NgStore *s = NULL;
    NgStoreReport rep;
    NgStatus open_st = ng_store_open(bad, NG_STORE_READ, &s, err, sizeof err);
    if (!CHECK(open_st != NG_SUCCESS)) fprintf(stderr, "  page %zu overwritten: the store opens\n", page);
    ng_store_free(s);
    if (!CHECK(ng_store_check(bad, &rep, err, sizeof err) != NG_SUCCESS))
      fprintf(stderr, "  page %zu overwritten: the check passes\n", page);
    CHECK(strstr(err, "damaged store") != NULL || strstr(err, "not a newsgraph store") != NULL);
    CHECK(strchr(err, '\n') == NULL);
  }
  unlink(bad);
}

static void test_not_stores(void) {
  char path[512], err[512];
  NgStore *s = NULL;
  NgStoreReport rep;
  path_of("missing.db", path, sizeof path);
  CHECK_INT_EQ(ng_store_open(path, NG_STORE_READ, &s, err, sizeof err), NG_ERR_NOENT);
  CHECK(access(path, F_OK) != 0); /* reading creates nothing */
  CHECK_INT_EQ(ng_store_check(path, &rep, err, sizeof err), NG_ERR_NOENT);
  CHECK_INT_EQ(ng_store_open(dir, NG_STORE_CREATE, &s, err, sizeof err), NG_ERR_ISDIR);

  path_of("text.db", path, sizeof path);
  FILE *f = fopen(path, "w");
  if (f) {
    fputs("plain text, not a database\n", f);
    fclose(f);
  }
  CHECK_INT_EQ(ng_store_open(path, NG_STORE_CREATE, &s, err, sizeof err), NG_ERR_SYNTAX);
  CHECK(strstr(err, "not a newsgraph store") != NULL);
  CHECK_INT_EQ(ng_store_check(path, &rep, err, sizeof err), NG_ERR_SYNTAX);

  path_of("other.db", path, sizeof path);
  sqlite3 *db = NULL;
  if (sqlite3_open(path, &db) == SQLITE_OK) sqlite3_exec(db, "CREATE TABLE t (x INTEGER)", NULL, NULL, NULL);
  sqlite3_close(db);
  CHECK_INT_EQ(ng_store_open(path, NG_STORE_CREATE, &s, err, sizeof err), NG_ERR_SYNTAX);
  CHECK(strstr(err, "librdf's tables") != NULL);
  CHECK_INT_EQ(sql_count(path, "SELECT COUNT(*) FROM sqlite_master"), 1); /* left as it was */

  path_of("empty.db", path, sizeof path);
  f = fopen(path, "w");
  if (f) fclose(f);
  CHECK_INT_EQ(ng_store_open(path, NG_STORE_READ, &s, err, sizeof err), NG_ERR_SYNTAX);
  CHECK_INT_EQ(ng_store_open(path, NG_STORE_CREATE, &s, err, sizeof err), NG_SUCCESS); /* an empty file becomes one */
  ng_store_free(s);
  CHECK_INT_EQ(ng_store_check(path, &rep, err, sizeof err), NG_SUCCESS);
  CHECK_INT_EQ(rep.triples, 0);
}

int main(void) {
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  char path[512];
  path_of("kg.db", path, sizeof path);
  test_write_read(path);
  test_damage(path);
  test_not_stores();
  const char *names[] = {"kg.db", "text.db", "other.db", "empty.db"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) {
    path_of(names[i], path, sizeof path);
    unlink(path);
  }
  rmdir(dir);
  return check_report();
}
