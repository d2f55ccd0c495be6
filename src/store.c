#include "store.h"

#include "rdfterm.h"
#include "write.h"

#include <errno.h>
#include <redland.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct NgStoreImpl {
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  char last_error[512]; /* librdf's last error message */
};

static int log_handler(void *user, librdf_log_message *msg) {
  NgStore *s = user;
  const char *m = librdf_log_message_message(msg);
  if (librdf_log_message_level(msg) >= LIBRDF_LOG_ERROR && m) snprintf(s->last_error, sizeof s->last_error, "%s", m);
  return 1; /* handled: print nothing */
}

void ng_store_free(NgStore *s) {
  if (!s) return;
  if (s->model) librdf_free_model(s->model);
  if (s->storage) librdf_free_storage(s->storage);
  if (s->world) librdf_free_world(s->world);
  free(s);
}

/* Whether the store file exists; a directory or (for reading) a missing
   file is an error with a message. */
static NgStatus check_path(const char *path, NgStoreMode mode, int *exists, char *err, size_t es) {
  struct stat sb;
  *exists = stat(path, &sb) == 0;
  if (*exists && S_ISDIR(sb.st_mode)) {
    if (err) snprintf(err, es, "is a directory, not a store");
    return NG_ERR_ISDIR;
  }
  if (!*exists && mode == NG_STORE_READ) {
    if (err) snprintf(err, es, "no such store (create one with --store)");
    return NG_ERR_NOENT;
  }
  return NG_SUCCESS;
}

/* librdf's world, SQLite storage with contexts, and model of s. */
static NgStatus open_model(NgStore *s, const char *path, int exists) {
  if (!(s->world = librdf_new_world())) return NG_ERR_RDF;
  librdf_world_set_logger(s->world, s, log_handler);
  librdf_world_open(s->world);
  s->storage = librdf_new_storage(s->world, "sqlite", path, exists ? "contexts='yes'" : "new='yes',contexts='yes'");
  if (!s->storage) return NG_ERR_RDF;
  s->model = librdf_new_model(s->world, s->storage, NULL);
  if (!s->model || !librdf_model_supports_contexts(s->model)) return NG_ERR_RDF;
  /* an existing file that is not a store fails on its first use: try one */
  return exists && librdf_model_size(s->model) < 0 ? NG_ERR_RDF : NG_SUCCESS;
}

NgStatus ng_store_open(const char *path, NgStoreMode mode, NgStore **out, char *err, size_t es) {
  *out = NULL;
  if (err && es) err[0] = '\0';
  int exists;
  NgStatus st = check_path(path, mode, &exists, err, es);
  if (st) return st;
  NgStore *s = calloc(1, sizeof *s);
  if (!s) return NG_ERR_NOMEM;
  if ((st = open_model(s, path, exists))) {
    const char *why = exists ? "not a newsgraph store (an SQLite RDF database)"
                             : "cannot create the store (is librdf-storage-sqlite installed?)";
    if (err) snprintf(err, es, "%s", s->last_error[0] ? s->last_error : why);
    ng_store_free(s);
    if (!exists) unlink(path);
    return st;
  }
  *out = s;
  return NG_SUCCESS;
}

NgStatus ng_store_size(NgStore *s, size_t *n) {
  int k = librdf_model_size(s->model);
  *n = k > 0 ? (size_t)k : 0;
  return k < 0 ? NG_ERR_RDF : NG_SUCCESS;
}

NgStatus ng_store_put_graph(NgStore *s, const char *graph, const NgTriple *t, size_t n) {
  librdf_node *ctx = librdf_new_node_from_uri_string(s->world, (const unsigned char *)graph);
  if (!ctx) return NG_ERR_RDF;
  NgStatus st = librdf_model_transaction_start(s->model) ? NG_ERR_RDF : NG_SUCCESS;
  if (!st && librdf_model_context_remove_statements(s->model, ctx)) st = NG_ERR_RDF;
  for (size_t i = 0; i < n && !st; ++i) {
    librdf_statement *x = ng_rdf_statement(s->world, &t[i]);
    if (!x || librdf_model_context_add_statement(s->model, ctx, x)) st = NG_ERR_RDF;
    if (x) librdf_free_statement(x);
  }
  if (!st && librdf_model_transaction_commit(s->model)) st = NG_ERR_RDF;
  if (st) librdf_model_transaction_rollback(s->model);
  librdf_free_node(ctx);
  return st;
}

/* A value as the table shows it: <iri>, a literal's text, _:blank. */
static char *cell(librdf_node *n) {
  const char *v = "";
  const char *pre = "", *post = "";
  if (!n) {
  } else if (librdf_node_is_resource(n)) {
    v = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
    pre = "<";
    post = ">";
  } else if (librdf_node_is_literal(n)) {
    v = (const char *)librdf_node_get_literal_value(n);
  } else {
    v = (const char *)librdf_node_get_blank_identifier(n);
    pre = "_:";
  }
  size_t len = strlen(pre) + strlen(v) + strlen(post) + 1;
  char *c = malloc(len);
  if (c) snprintf(c, len, "%s%s%s", pre, v, post);
  /* one line per row: line breaks inside a value are shown as spaces */
  for (char *p = c; p && *p; ++p)
    if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
  return c;
}

/* Display width: code points (good enough for a terminal table). */
static size_t width(const char *s) {
  size_t w = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; ++p) w += (*p & 0xC0) != 0x80;
  return w;
}

/* A result as the table shows it: variable names and rows of cells, all
   owned. */
typedef struct {
  char **names; /* nc names */
  size_t nc;
  char **cells; /* row-major, nr x nc */
  size_t nr, cap;
} Table;

static void table_free(Table *t) {
  for (size_t i = 0; t->cells && i < t->nr * t->nc; ++i) free(t->cells[i]);
  free(t->cells);
  for (size_t j = 0; t->names && j < t->nc; ++j) free(t->names[j]);
  free(t->names);
}

static char *dup_str(const char *s) {
  size_t len = strlen(s) + 1;
  char *d = malloc(len);
  if (d) memcpy(d, s, len);
  return d;
}

/* The variable names of `res`. */
static NgStatus table_names(librdf_query_results *res, Table *t) {
  int nb = librdf_query_results_get_bindings_count(res);
  t->nc = nb > 0 ? (size_t)nb : 0;
  if (!(t->names = calloc(t->nc + 1, sizeof *t->names))) return NG_ERR_NOMEM;
  for (size_t j = 0; j < t->nc; ++j) {
    const char *nm = librdf_query_results_get_binding_name(res, (int)j);
    if (!(t->names[j] = dup_str(nm ? nm : ""))) return NG_ERR_NOMEM;
  }
  return NG_SUCCESS;
}

/* The current row of `res`, added to t. */
static NgStatus table_row(librdf_query_results *res, Table *t) {
  if ((t->nr + 1) * t->nc > t->cap) {
    size_t ncap = t->cap ? t->cap * 2 : 64 * (t->nc + 1);
    char **nv = realloc(t->cells, ncap * sizeof *nv);
    if (!nv) return NG_ERR_NOMEM;
    t->cells = nv;
    t->cap = ncap;
  }
  char **row = t->cells + t->nr * t->nc;
  for (size_t j = 0; j < t->nc; ++j) {
    librdf_node *n = librdf_query_results_get_binding_value(res, (int)j);
    row[j] = cell(n);
    if (n) librdf_free_node(n);
  }
  ++t->nr; /* table_free frees the row, complete or not */
  for (size_t j = 0; j < t->nc; ++j)
    if (!row[j]) return NG_ERR_NOMEM;
  return NG_SUCCESS;
}

/* The variable names and every row of `res` (the names are there before
   the first row only). */
static NgStatus table_read(librdf_query_results *res, Table *t) {
  NgStatus st = table_names(res, t);
  for (; !st && !librdf_query_results_finished(res); librdf_query_results_next(res)) st = table_row(res, t);
  return st;
}

/* The width of each column: its widest cell, and at least its ?name. */
static void column_widths(const Table *t, size_t *w) {
  for (size_t j = 0; j < t->nc; ++j) {
    w[j] = width(t->names[j]) + 1;
    for (size_t i = 0; i < t->nr; ++i)
      if (width(t->cells[i * t->nc + j]) > w[j]) w[j] = width(t->cells[i * t->nc + j]);
  }
}

static void repeat(int c, size_t n, FILE *out) {
  for (size_t k = 0; k < n; ++k) fputc(c, out);
}

static void print_header(const Table *t, const size_t *w, FILE *out) {
  for (size_t j = 0; j < t->nc; ++j)
    fprintf(out, "%s?%-*s", j ? "  " : "", j + 1 < t->nc ? (int)(w[j] - 1) : 0, t->names[j]);
  fputc('\n', out);
  for (size_t j = 0; j < t->nc; ++j) {
    fputs(j ? "  " : "", out);
    repeat('-', w[j], out);
  }
  fputc('\n', out);
}

static void print_row(const Table *t, const size_t *w, size_t i, FILE *out) {
  for (size_t j = 0; j < t->nc; ++j) {
    const char *c = t->cells[i * t->nc + j];
    fputs(j ? "  " : "", out);
    fputs(c, out);
    if (j + 1 < t->nc && width(c) < w[j]) repeat(' ', w[j] - width(c), out);
  }
  fputc('\n', out);
}

/* Aligned columns: a header of ?names, a rule, the rows, the row count. */
static NgStatus table_print(const Table *t, FILE *out) {
  size_t *w = calloc(t->nc + 1, sizeof *w);
  if (!w) return NG_ERR_NOMEM;
  column_widths(t, w);
  print_header(t, w, out);
  for (size_t i = 0; i < t->nr; ++i) print_row(t, w, i, out);
  fprintf(out, "(%zu row%s)\n", t->nr, t->nr == 1 ? "" : "s");
  free(w);
  return NG_SUCCESS;
}

static void rasqal_quiet(void *user, raptor_log_message *msg) {
  (void)user;
  (void)msg;
}

/* The projected variables of a SELECT query, from rasqal's parse, as the
   names of `t` (librdf reports none for a result without rows). */
static NgStatus query_variables(const char *sparql, Table *t) {
  NgStatus st = NG_SUCCESS;
  rasqal_world *rw = rasqal_new_world();
  if (!rw) return NG_ERR_NOMEM;
  rasqal_query *rq = NULL;
  if (rasqal_world_open(rw) == 0) {
    rasqal_world_set_log_handler(rw, NULL, rasqal_quiet); /* after open: it goes to raptor's world */
    rq = rasqal_new_query(rw, "sparql", NULL);
  }
  if (rq && rasqal_query_prepare(rq, (const unsigned char *)sparql, NULL) == 0) {
    raptor_sequence *seq = rasqal_query_get_bound_variable_sequence(rq);
    int k = seq ? raptor_sequence_size(seq) : 0;
    if (!(t->names = calloc((size_t)(k > 0 ? k : 0) + 1, sizeof *t->names))) st = NG_ERR_NOMEM;
    for (int i = 0; i < k && !st; ++i) {
      rasqal_variable *v = raptor_sequence_get_at(seq, i);
      if (!v || !v->name) continue;
      if (!(t->names[t->nc] = dup_str((const char *)v->name)))
        st = NG_ERR_NOMEM;
      else
        ++t->nc;
    }
  }
  if (rq) rasqal_free_query(rq);
  rasqal_free_world(rw);
  return st;
}

/* A SELECT result without rows: rasqal 0.9.33 writes it without the
   variables (an empty CSV/TSV header, "vars": [] in JSON), so the empty
   result is written here.  Variable names are [A-Za-z0-9_]: nothing in
   them needs escaping in TSV or JSON. */
static void print_empty_tsv(const Table *t, FILE *out) {
  for (size_t j = 0; j < t->nc; ++j) fprintf(out, "%s?%s", j ? "\t" : "", t->names[j]);
  fputc('\n', out);
}

static void print_empty_json(const Table *t, FILE *out) {
  fputs("{\n  \"head\": {\n    \"vars\": [", out);
  for (size_t j = 0; j < t->nc; ++j) fprintf(out, "%s\"%s\"", j ? ", " : " ", t->names[j]);
  fputs(t->nc ? " ]\n  },\n" : "]\n  },\n", out);
  fputs("  \"results\": {\n    \"bindings\": [ ]\n  }\n}\n", out);
}

static NgStatus print_empty(const char *sparql, NgResults format, FILE *out) {
  Table t = {0};
  NgStatus st = query_variables(sparql, &t);
  if (!st) switch (format) {
    case NG_RESULTS_TABLE: st = table_print(&t, out); break;
    case NG_RESULTS_CSV: st = ng_write_csv_row(out, (const char *const *)t.names, t.nc); break;
    case NG_RESULTS_TSV: print_empty_tsv(&t, out); break;
    case NG_RESULTS_JSON: print_empty_json(&t, out); break;
    }
  table_free(&t);
  return st;
}

static NgStatus print_graph(NgStore *s, librdf_query_results *res, FILE *out) {
  librdf_stream *str = librdf_query_results_as_stream(res);
  if (!str) return NG_ERR_RDF;
  librdf_serializer *ser = librdf_new_serializer(s->world, "ntriples", NULL, NULL);
  NgStatus st =
      ser && !librdf_serializer_serialize_stream_to_file_handle(ser, out, NULL, str) ? NG_SUCCESS : NG_ERR_RDF;
  if (ser) librdf_free_serializer(ser);
  librdf_free_stream(str);
  return st;
}

/* A result in our own table layout: true or false for ASK. */
static NgStatus print_table(librdf_query_results *res, FILE *out) {
  if (librdf_query_results_is_boolean(res)) {
    fprintf(out, "%s\n", librdf_query_results_get_boolean(res) > 0 ? "true" : "false");
    return NG_SUCCESS;
  }
  Table t = {0};
  NgStatus st = table_read(res, &t);
  if (!st) st = table_print(&t, out);
  table_free(&t);
  return st;
}

static NgStatus print_results(NgStore *s, librdf_query_results *res, const char *sparql, NgResults format, FILE *out) {
  static const char *const names[] = {"table", "csv", "tsv", "json"};
  if (librdf_query_results_is_graph(res)) return print_graph(s, res, out);
  if (librdf_query_results_is_bindings(res) && librdf_query_results_get_bindings_count(res) <= 0)
    return print_empty(sparql, format, out);
  if (format == NG_RESULTS_TABLE) return print_table(res, out);
  return librdf_query_results_to_file_handle2(res, out, names[format], NULL, NULL, NULL) ? NG_ERR_RDF : NG_SUCCESS;
}

NgStatus ng_store_query(NgStore *s, const char *sparql, NgResults format, FILE *out, char *err, size_t es) {
  s->last_error[0] = '\0';
  if (err && es) err[0] = '\0';
  librdf_query *q = librdf_new_query(s->world, "sparql", NULL, (const unsigned char *)sparql, NULL);
  librdf_query_results *res = q ? librdf_model_query_execute(s->model, q) : NULL;
  if (!res) {
    if (err) snprintf(err, es, "%s", s->last_error[0] ? s->last_error : "cannot parse or run the query");
    if (q) librdf_free_query(q);
    return NG_ERR_SYNTAX;
  }
  NgStatus st = print_results(s, res, sparql, format, out);
  if (st == NG_ERR_RDF && err) snprintf(err, es, "%s", s->last_error[0] ? s->last_error : "cannot write the results");
  librdf_free_query_results(res);
  librdf_free_query(q);
  if (!st && ferror(out)) st = NG_ERR_IO;
  return st;
}
