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

NgStatus ng_store_open(const char *path, NgStoreMode mode, NgStore **out, char *err, size_t es) {
  *out = NULL;
  if (err && es) err[0] = '\0';
  struct stat sb;
  int exists = stat(path, &sb) == 0;
  if (exists && S_ISDIR(sb.st_mode)) {
    if (err) snprintf(err, es, "is a directory, not a store");
    return NG_ERR_ISDIR;
  }
  if (!exists && mode == NG_STORE_READ) {
    if (err) snprintf(err, es, "no such store (create one with --store)");
    return NG_ERR_NOENT;
  }
  NgStore *s = calloc(1, sizeof *s);
  if (!s) return NG_ERR_NOMEM;
  NgStatus st = NG_SUCCESS;
  s->world = librdf_new_world();
  if (!s->world) st = NG_ERR_RDF;
  if (!st) {
    librdf_world_set_logger(s->world, s, log_handler);
    librdf_world_open(s->world);
    s->storage = librdf_new_storage(s->world, "sqlite", path, exists ? "contexts='yes'" : "new='yes',contexts='yes'");
    if (!s->storage) st = NG_ERR_RDF;
  }
  if (!st) {
    s->model = librdf_new_model(s->world, s->storage, NULL);
    if (!s->model || !librdf_model_supports_contexts(s->model)) st = NG_ERR_RDF;
  }
  /* an existing file that is not a store fails on its first use: try one */
  if (!st && exists && librdf_model_size(s->model) < 0) st = NG_ERR_RDF;
  if (st) {
    if (err)
      snprintf(err, es, "%s",
               s->last_error[0] ? s->last_error
                                : (exists ? "not a newsgraph store (an SQLite RDF database)"
                                          : "cannot create the store (is librdf-storage-sqlite installed?)"));
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

/* The variable names and every row of `res` (the names are there before
   the first row only). */
static NgStatus table_read(librdf_query_results *res, Table *t) {
  int nb = librdf_query_results_get_bindings_count(res);
  t->nc = nb > 0 ? (size_t)nb : 0;
  if (!(t->names = calloc(t->nc + 1, sizeof *t->names))) return NG_ERR_NOMEM;
  for (size_t j = 0; j < t->nc; ++j) {
    const char *nm = librdf_query_results_get_binding_name(res, (int)j);
    if (!(t->names[j] = dup_str(nm ? nm : ""))) return NG_ERR_NOMEM;
  }
  for (; !librdf_query_results_finished(res); librdf_query_results_next(res)) {
    if ((t->nr + 1) * t->nc > t->cap) {
      size_t ncap = t->cap ? t->cap * 2 : 64 * (t->nc + 1);
      char **nv = realloc(t->cells, ncap * sizeof *nv);
      if (!nv) return NG_ERR_NOMEM;
      t->cells = nv;
      t->cap = ncap;
    }
    for (size_t j = 0; j < t->nc; ++j) {
      librdf_node *n = librdf_query_results_get_binding_value(res, (int)j);
      t->cells[t->nr * t->nc + j] = cell(n);
      if (n) librdf_free_node(n);
    }
    ++t->nr;
    for (size_t j = 0; j < t->nc; ++j)
      if (!t->cells[(t->nr - 1) * t->nc + j]) return NG_ERR_NOMEM;
  }
  return NG_SUCCESS;
}

/* Aligned columns: a header of ?names, a rule, the rows, the row count. */
static NgStatus table_print(const Table *t, FILE *out) {
  size_t *w = calloc(t->nc + 1, sizeof *w);
  if (!w) return NG_ERR_NOMEM;
  for (size_t j = 0; j < t->nc; ++j) {
    w[j] = width(t->names[j]) + 1;
    for (size_t i = 0; i < t->nr; ++i)
      if (width(t->cells[i * t->nc + j]) > w[j]) w[j] = width(t->cells[i * t->nc + j]);
  }
  for (size_t j = 0; j < t->nc; ++j)
    fprintf(out, "%s?%-*s", j ? "  " : "", j + 1 < t->nc ? (int)(w[j] - 1) : 0, t->names[j]);
  fputc('\n', out);
  for (size_t j = 0; j < t->nc; ++j) {
    fputs(j ? "  " : "", out);
    for (size_t k = 0; k < w[j]; ++k) fputc('-', out);
  }
  fputc('\n', out);
  for (size_t i = 0; i < t->nr; ++i) {
    for (size_t j = 0; j < t->nc; ++j) {
      const char *c = t->cells[i * t->nc + j];
      fputs(j ? "  " : "", out);
      fputs(c, out);
      if (j + 1 < t->nc)
        for (size_t k = width(c); k < w[j]; ++k) fputc(' ', out);
    }
    fputc('\n', out);
  }
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
static NgStatus print_empty(const char *sparql, NgResults format, FILE *out) {
  Table t = {0};
  NgStatus st = query_variables(sparql, &t);
  if (!st) switch (format) {
    case NG_RESULTS_TABLE: st = table_print(&t, out); break;
    case NG_RESULTS_CSV: st = ng_write_csv_row(out, (const char *const *)t.names, t.nc); break;
    case NG_RESULTS_TSV:
      for (size_t j = 0; j < t.nc; ++j) fprintf(out, "%s?%s", j ? "\t" : "", t.names[j]);
      fputc('\n', out);
      break;
    case NG_RESULTS_JSON:
      fputs("{\n  \"head\": {\n    \"vars\": [", out);
      for (size_t j = 0; j < t.nc; ++j) fprintf(out, "%s\"%s\"", j ? ", " : " ", t.names[j]);
      fputs(t.nc ? " ]\n  },\n" : "]\n  },\n", out);
      fputs("  \"results\": {\n    \"bindings\": [ ]\n  }\n}\n", out);
      break;
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
  NgStatus st = NG_SUCCESS;
  if (librdf_query_results_is_graph(res)) {
    st = print_graph(s, res, out);
  } else if (librdf_query_results_is_bindings(res) && librdf_query_results_get_bindings_count(res) <= 0) {
    st = print_empty(sparql, format, out);
  } else if (format == NG_RESULTS_TABLE) {
    if (librdf_query_results_is_boolean(res))
      fprintf(out, "%s\n", librdf_query_results_get_boolean(res) > 0 ? "true" : "false");
    else {
      Table t = {0};
      st = table_read(res, &t);
      if (!st) st = table_print(&t, out);
      table_free(&t);
    }
  } else {
    static const char *const names[] = {"table", "csv", "tsv", "json"};
    if (librdf_query_results_to_file_handle2(res, out, names[format], NULL, NULL, NULL)) st = NG_ERR_RDF;
  }
  if (st == NG_ERR_RDF && err) snprintf(err, es, "%s", s->last_error[0] ? s->last_error : "cannot write the results");
  librdf_free_query_results(res);
  librdf_free_query(q);
  if (!st && ferror(out)) st = NG_ERR_IO;
  return st;
}
