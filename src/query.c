#include "query.h"

#include "query_guard.h"
#include "query_rewrite.h"
#include "store_rdf.h"
#include "strmap.h"

#include <redland.h>
#include <stdlib.h>
#include <string.h>

static void set_err(char *err, size_t es, const char *msg) {
  if (err && es) snprintf(err, es, "%s", msg);
}

/* The engine's last message, or `fallback`. */
static void engine_err(const NgStore *s, char *err, size_t es, const char *fallback) {
  const char *m = ng_store_rdf_error(s);
  set_err(err, es, m && m[0] ? m : fallback);
}

/* ---- parsing and the check on the parse --------------------------------------------- */

/* rasqal's parse of the query (in the store's rasqal world, so that its
   messages reach the store's log). */
static NgStatus parse_query(NgStore *s, const char *sparql, rasqal_query **rq, char *err, size_t es) {
  ng_store_rdf_clear_error(s);
  rasqal_world *rw = librdf_world_get_rasqal(ng_store_rdf_world(s));
  *rq = rw ? rasqal_new_query(rw, "sparql", NULL) : NULL;
  if (!*rq) {
    set_err(err, es, "cannot start the SPARQL parser");
    return NG_ERR_NOMEM;
  }
  if (rasqal_query_prepare(*rq, (const unsigned char *)sparql, NULL) == 0) return NG_SUCCESS;
  engine_err(s, err, es, "the query does not parse");
  return NG_ERR_SYNTAX;
}

static int find_service(rasqal_query *q, rasqal_graph_pattern *gp, void *found) {
  (void)q;
  if (rasqal_graph_pattern_get_operator(gp) == RASQAL_GRAPH_PATTERN_OPERATOR_SERVICE) *(int *)found = 1;
  return 0; /* go on */
}

/* The parse holds nothing that reaches outside the store: the verb is one
   of the four query forms, there are no data graphs (FROM, FROM NAMED) and
   no SERVICE pattern. */
static const char *outside_store(rasqal_query *rq) {
  rasqal_query_verb verb = rasqal_query_get_verb(rq);
  if (verb != RASQAL_QUERY_VERB_SELECT && verb != RASQAL_QUERY_VERB_ASK && verb != RASQAL_QUERY_VERB_CONSTRUCT &&
      verb != RASQAL_QUERY_VERB_DESCRIBE)
    return "only SELECT, ASK, CONSTRUCT and DESCRIBE queries are answered: newsgraph query only reads the store";
  if (rasqal_query_get_data_graph(rq, 0))
    return "FROM and FROM NAMED name data outside the store: refused (GRAPH <article-iri> { ... } reads one article)";
  int found = 0;
  rasqal_query_graph_pattern_visit2(rq, find_service, &found);
  if (found) return "SERVICE reaches outside the store: refused (newsgraph query answers from the store only)";
  return NULL;
}

/* ---- terms and lines ----------------------------------------------------------------- */

/* The NgTerm of a librdf node (strings borrowed from the node). */
static NgTerm term_of(librdf_node *n) {
  NgTerm t = {NG_TERM_UNBOUND, "", NULL, NULL};
  if (!n) return t;
  if (librdf_node_is_resource(n)) {
    t.kind = NG_TERM_IRI;
    t.value = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  } else if (librdf_node_is_literal(n)) {
    t.kind = NG_TERM_LITERAL;
    t.value = (const char *)librdf_node_get_literal_value(n);
    t.lang = librdf_node_get_literal_value_language(n);
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(n);
    t.datatype = dt ? (const char *)librdf_uri_as_string(dt) : NULL;
  } else {
    t.kind = NG_TERM_BLANK;
    t.value = (const char *)librdf_node_get_blank_identifier(n);
  }
  if (!t.value) t.value = "";
  return t;
}

/* N-Triples lines, collected to be written sorted and without duplicates. */
typedef struct {
  char **v;
  size_t n, cap;
} Lines;

static void lines_free(Lines *l) {
  for (size_t i = 0; i < l->n; ++i) free(l->v[i]);
  free(l->v);
}

/* Add the N-Triples line of the statement st. */
static NgStatus lines_add(Lines *l, librdf_statement *st) {
  if (l->n == l->cap) {
    size_t nc = l->cap ? l->cap * 2 : 256;
    char **nv = realloc(l->v, nc * sizeof *nv);
    if (!nv) return NG_ERR_NOMEM;
    l->v = nv;
    l->cap = nc;
  }
  librdf_node *parts[3] = {librdf_statement_get_subject(st), librdf_statement_get_predicate(st),
                           librdf_statement_get_object(st)};
  unsigned char *str[3] = {NULL, NULL, NULL};
  size_t len = 4;
  for (int k = 0; k < 3; ++k) {
    size_t n = 0;
    str[k] = parts[k] ? raptor_term_to_counted_string(parts[k], &n) : NULL;
    len += n + 1;
  }
  char *line = str[0] && str[1] && str[2] ? malloc(len) : NULL;
  if (line) snprintf(line, len, "%s %s %s .\n", (char *)str[0], (char *)str[1], (char *)str[2]);
  for (int k = 0; k < 3; ++k) raptor_free_memory(str[k]);
  if (!line) return NG_ERR_NOMEM;
  l->v[l->n++] = line;
  return NG_SUCCESS;
}

static int by_string(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Write the lines sorted, each once, at most max_rows of them. */
static NgStatus lines_write(Lines *l, size_t max_rows, FILE *out, NgQueryOutcome *outcome) {
  if (l->n) qsort(l->v, l->n, sizeof *l->v, by_string);
  size_t written = 0;
  for (size_t i = 0; i < l->n; ++i) {
    if (i && strcmp(l->v[i], l->v[i - 1]) == 0) continue;
    if (max_rows && written == max_rows) {
      *outcome = NG_QUERY_CUT;
      break;
    }
    fputs(l->v[i], out);
    ++written;
  }
  return ferror(out) ? NG_ERR_IO : NG_SUCCESS;
}

/* ---- aggregates over no solutions ----------------------------------------------------------- */

/* rasqal 0.9.33 gets aggregates over no solutions wrong: without GROUP BY
   it returns no row (SPARQL: one row, COUNT 0), with GROUP BY one row
   (COUNT 1, the keys unbound; SPARQL: no row).  What the main query
   (outside braces) has: */
typedef struct {
  int aggregates;                /* an aggregate function */
  int grouped;                   /* GROUP BY */
  int having;                    /* HAVING */
  size_t select;                 /* where SELECT begins */
  size_t where_begin, where_end; /* its WHERE group, braces included (end 0: not found) */
} Shape;

static int is_agg_word(const char *q, NgSparqlToken t) {
  static const char *const words[] = {"COUNT", "SUM", "AVG", "MIN", "MAX", "SAMPLE", "GROUP_CONCAT"};
  for (size_t k = 0; k < sizeof words / sizeof words[0]; ++k)
    if (ng_sparql_is_word(q, t, words[k])) return 1;
  return 0;
}

static void shape_at_top(const char *q, NgSparqlToken t, NgSparqlToken prev, Shape *sh) {
  if (is_agg_word(q, prev) && t.kind == NG_SQ_PUNCT && q[t.begin] == '(') sh->aggregates = 1;
  if (ng_sparql_is_word(q, prev, "GROUP") && ng_sparql_is_word(q, t, "BY")) sh->grouped = 1;
  if (ng_sparql_is_word(q, t, "HAVING")) sh->having = 1;
  if (ng_sparql_is_word(q, t, "SELECT") && !sh->select) sh->select = t.begin + 1;
}

static Shape query_shape(const char *q) {
  Shape sh;
  memset(&sh, 0, sizeof sh);
  size_t len = strlen(q), braces = 0, parens = 0;
  NgSparqlToken prev = {NG_SQ_END, 0, 0};
  for (NgSparqlToken t = ng_sparql_token(q, len, 0); t.kind != NG_SQ_END;
       prev = t, t = ng_sparql_token(q, len, t.end)) {
    char c = '\0';
    if (t.kind == NG_SQ_PUNCT && t.end - t.begin == 1) c = q[t.begin];
    if (c == '{' && braces == 0 && parens == 0 && sh.select && !sh.where_end) sh.where_begin = t.begin;
    if (c == '{') ++braces;
    if (c == '}' && braces && --braces == 0 && !sh.where_end && sh.select) sh.where_end = t.end;
    if (c == '(') ++parens;
    if (c == ')' && parens) --parens;
    if (braces == 0) shape_at_top(q, t, prev, &sh);
  }
  if (sh.select) --sh.select;
  return sh;
}

/* Whether the WHERE clause of the query q has a solution: ASK it. */
static NgStatus has_solutions(NgStore *s, const char *q, const Shape *sh, int *yes, char *err, size_t es);

/* The value an aggregate takes over no solutions (SPARQL 1.1, 18.5):
   COUNT, SUM and AVG 0, GROUP_CONCAT "", MIN, MAX and SAMPLE unbound.  -1
   for an expression that is not one aggregate. */
static int empty_aggregate(const rasqal_variable *v, NgTerm *t) {
  static const char zero_type[] = "http://www.w3.org/2001/XMLSchema#integer";
  NgTerm unbound = {NG_TERM_UNBOUND, "", NULL, NULL}, zero = {NG_TERM_LITERAL, "0", NULL, zero_type},
         empty = {NG_TERM_LITERAL, "", NULL, NULL};
  if (!v || !v->expression) return -1;
  switch (v->expression->op) {
  case RASQAL_EXPR_COUNT:
  case RASQAL_EXPR_SUM:
  case RASQAL_EXPR_AVG: *t = zero; return 0;
  case RASQAL_EXPR_GROUP_CONCAT: *t = empty; return 0;
  case RASQAL_EXPR_MIN:
  case RASQAL_EXPR_MAX:
  case RASQAL_EXPR_SAMPLE: *t = unbound; return 0;
  default: return -1;
  }
}

/* The one row of an aggregate without GROUP BY over no solutions; -1 when
   a projection is not a plain aggregate. */
static int empty_group_row(rasqal_query *rq, NgTerm *row, size_t nc) {
  raptor_sequence *seq = rasqal_query_get_bound_variable_sequence(rq);
  int k = seq ? raptor_sequence_size(seq) : 0;
  if ((size_t)k != nc) return -1;
  for (int i = 0; i < k; ++i)
    if (empty_aggregate(raptor_sequence_get_at(seq, i), &row[i])) return -1;
  return 0;
}

/* ---- SELECT, ASK, CONSTRUCT ------------------------------------------------------------ */

/* The projected variables of the parse (librdf names none for a result
   without rows); *names owned, each borrowed from rq. */
static NgStatus parse_names(rasqal_query *rq, const char ***names, size_t *nc) {
  raptor_sequence *seq = rasqal_query_get_bound_variable_sequence(rq);
  int k = seq ? raptor_sequence_size(seq) : 0;
  *nc = 0;
  if (!(*names = calloc((size_t)(k > 0 ? k : 0) + 1, sizeof **names))) return NG_ERR_NOMEM;
  for (int i = 0; i < k; ++i) {
    rasqal_variable *v = raptor_sequence_get_at(seq, i);
    if (v && v->name) (*names)[(*nc)++] = (const char *)v->name;
  }
  return NG_SUCCESS;
}

static NgStatus result_names(librdf_query_results *res, rasqal_query *rq, const char ***names, size_t *nc) {
  int nb = librdf_query_results_get_bindings_count(res);
  if (nb <= 0) return parse_names(rq, names, nc);
  *nc = (size_t)nb;
  if (!(*names = calloc(*nc + 1, sizeof **names))) return NG_ERR_NOMEM;
  for (size_t j = 0; j < *nc; ++j) {
    const char *nm = librdf_query_results_get_binding_name(res, (int)j);
    (*names)[j] = nm ? nm : "";
  }
  return NG_SUCCESS;
}

/* One query being answered. */
typedef struct {
  NgStore *s;
  const char *query; /* as rasqal runs it */
  rasqal_query *rq;
  const NgQueryOptions *o;
  FILE *out;
  NgQueryOutcome *outcome;
  char *err;
  size_t es;
} Answer;

/* The values of the current row of res into nodes (owned) and row. */
static void read_row(librdf_query_results *res, size_t nc, librdf_node **nodes, NgTerm *row) {
  for (size_t j = 0; j < nc; ++j) {
    nodes[j] = librdf_query_results_get_binding_value(res, (int)j);
    row[j] = term_of(nodes[j]);
  }
}

static void free_row(size_t nc, librdf_node **nodes) {
  for (size_t j = 0; j < nc; ++j)
    if (nodes[j]) librdf_free_node(nodes[j]);
}

/* A query with GROUP BY and aggregates: rasqal makes one row when there is
   no solution.  The first row is written unless it is the only one and the
   WHERE clause has no solution; *n is the rows written. */
static NgStatus first_group(Answer *a, const Shape *sh, NgResultsWriter *w, librdf_query_results *res,
                            librdf_node **nodes, NgTerm *row, size_t *n) {
  read_row(res, w->nc, nodes, row);
  librdf_query_results_next(res);
  int real = 1;
  NgStatus st =
      librdf_query_results_finished(res) ? has_solutions(a->s, a->query, sh, &real, a->err, a->es) : NG_SUCCESS;
  if (!st && real) {
    st = ng_results_row(w, row);
    ++*n;
  }
  free_row(w->nc, nodes);
  return st;
}

/* An aggregate without GROUP BY over no solutions: SPARQL has one row,
   rasqal none.  Write it, or refuse when it cannot be worked out here. */
static NgStatus empty_group(Answer *a, const Shape *sh, NgResultsWriter *w, NgTerm *row) {
  if (!sh->having && !empty_group_row(a->rq, row, w->nc)) return ng_results_row(w, row);
  set_err(a->err, a->es,
          "an aggregate over no solutions, with HAVING or inside an expression: rasqal 0.9.33 returns no row where "
          "SPARQL returns one; refused (check with ASK whether the pattern has solutions)");
  *a->outcome = NG_QUERY_REFUSED;
  return NG_SUCCESS;
}

static NgStatus write_rows(Answer *a, const Shape *sh, NgResultsWriter *w, librdf_query_results *res) {
  librdf_node **nodes = calloc(w->nc + 1, sizeof(librdf_node *)); /* NOLINT(bugprone-sizeof-expression): pointers */
  NgTerm *row = calloc(w->nc + 1, sizeof *row);
  NgStatus st = nodes && row ? NG_SUCCESS : NG_ERR_NOMEM;
  size_t n = 0, max = a->o->max_rows;
  if (!st && sh->grouped && sh->aggregates && !librdf_query_results_finished(res))
    st = first_group(a, sh, w, res, nodes, row, &n);
  for (; !st && !librdf_query_results_finished(res); librdf_query_results_next(res), ++n) {
    if (max && n == max) {
      *a->outcome = NG_QUERY_CUT;
      break;
    }
    read_row(res, w->nc, nodes, row);
    st = ng_results_row(w, row);
    free_row(w->nc, nodes);
  }
  if (!st && n == 0 && sh->aggregates && !sh->grouped) st = empty_group(a, sh, w, row);
  free(nodes);
  free(row);
  return st;
}

static NgStatus write_bindings(Answer *a, librdf_query_results *res) {
  const char **names = NULL;
  size_t nc = 0;
  NgResultsWriter w;
  memset(&w, 0, sizeof w);
  Shape sh = query_shape(a->query);
  NgStatus st = result_names(res, a->rq, &names, &nc);
  if (!st) st = ng_results_begin(&w, a->o->format, names, nc, a->out);
  if (!st) st = write_rows(a, &sh, &w, res);
  NgStatus end = NG_SUCCESS;
  if (*a->outcome == NG_QUERY_REFUSED)
    ng_results_discard(&w);
  else
    end = ng_results_end(&w);
  free(names);
  return st ? st : end;
}

static NgStatus write_graph(librdf_query_results *res, size_t max_rows, FILE *out, NgQueryOutcome *outcome) {
  librdf_stream *str = librdf_query_results_as_stream(res);
  if (!str) return NG_ERR_RDF;
  Lines l = {NULL, 0, 0};
  NgStatus st = NG_SUCCESS;
  for (; !st && !librdf_stream_end(str); librdf_stream_next(str)) {
    librdf_statement *x = librdf_stream_get_object(str);
    if (x) st = lines_add(&l, x);
  }
  librdf_free_stream(str);
  if (!st) st = lines_write(&l, max_rows, out, outcome);
  lines_free(&l);
  return st;
}

/* Run `sparql` through librdf; `use` gets the results. */
typedef NgStatus (*UseResults)(librdf_query_results *res, void *ctx);

static NgStatus execute(NgStore *s, const char *sparql, UseResults use, void *ctx, char *err, size_t es) {
  ng_store_rdf_clear_error(s);
  librdf_query *q = librdf_new_query(ng_store_rdf_world(s), "sparql", NULL, (const unsigned char *)sparql, NULL);
  librdf_query_results *res = q ? librdf_model_query_execute(ng_store_rdf_model(s), q) : NULL;
  NgStatus st = NG_SUCCESS;
  if (!res) {
    engine_err(s, err, es, "the query cannot be run");
    st = NG_ERR_SYNTAX;
  } else {
    st = use(res, ctx);
    if (st == NG_ERR_RDF) engine_err(s, err, es, "the query cannot be run");
    librdf_free_query_results(res);
  }
  if (q) librdf_free_query(q);
  return st;
}

static NgStatus answer(librdf_query_results *res, void *ctx) {
  Answer *a = ctx;
  if (librdf_query_results_is_graph(res)) return write_graph(res, a->o->max_rows, a->out, a->outcome);
  if (librdf_query_results_is_boolean(res))
    return ng_results_boolean(librdf_query_results_get_boolean(res) > 0, a->o->format, a->out);
  return write_bindings(a, res);
}

static NgStatus ask_result(librdf_query_results *res, void *ctx) {
  if (!librdf_query_results_is_boolean(res)) return NG_ERR_RDF;
  *(int *)ctx = librdf_query_results_get_boolean(res) > 0;
  return NG_SUCCESS;
}

static NgStatus has_solutions(NgStore *s, const char *q, const Shape *sh, int *yes, char *err, size_t es) {
  size_t size = sh->select + 8 + (sh->where_end - sh->where_begin);
  char *ask = malloc(size);
  if (!ask) return NG_ERR_NOMEM;
  snprintf(ask, size, "%.*sASK %.*s", (int)sh->select, q, (int)(sh->where_end - sh->where_begin), q + sh->where_begin);
  NgStatus st = execute(s, ask, ask_result, yes, err, es);
  free(ask);
  return st;
}

/* ---- DESCRIBE ------------------------------------------------------------------------------ */

/* The resources to describe, as librdf nodes (owned), each once: `seen`
   holds their N-Triples forms (a lookup, not a scan of the list). */
typedef struct {
  librdf_node **v;
  size_t n, cap;
  NgStrMap *seen;
} Nodes;

static void nodes_free(Nodes *ns) {
  for (size_t i = 0; i < ns->n; ++i) librdf_free_node(ns->v[i]);
  free(ns->v);
  ng_strmap_free(ns->seen);
}

/* Whether n is new to ns (then remembered); -1 when out of memory. */
static int nodes_first_seen(Nodes *ns, librdf_node *n) {
  size_t len = 0;
  unsigned char *key = raptor_term_to_counted_string(n, &len);
  uint32_t v;
  int fresh = -1;
  if (key && !ns->seen) ns->seen = ng_strmap_new();
  if (key && ns->seen) {
    fresh = !ng_strmap_get(ns->seen, (const char *)key, len, &v);
    if (fresh && ng_strmap_put(ns->seen, (const char *)key, len, 0)) fresh = -1;
  }
  raptor_free_memory(key);
  return fresh;
}

/* Add the node n (taken) unless the list has it already. */
static NgStatus nodes_add(Nodes *ns, librdf_node *n) {
  int fresh = nodes_first_seen(ns, n);
  if (fresh <= 0) {
    librdf_free_node(n);
    return fresh < 0 ? NG_ERR_NOMEM : NG_SUCCESS;
  }
  if (ns->n == ns->cap) {
    size_t nc = ns->cap ? ns->cap * 2 : 16;
    librdf_node **nv = realloc(ns->v, nc * sizeof(librdf_node *)); /* NOLINT(bugprone-sizeof-expression): pointers */
    if (!nv) {
      librdf_free_node(n);
      return NG_ERR_NOMEM;
    }
    ns->v = nv;
    ns->cap = nc;
  }
  ns->v[ns->n++] = n;
  return NG_SUCCESS;
}

/* Every IRI and blank node of every row of a SELECT result. */
static NgStatus collect_resources(librdf_query_results *res, void *ctx) {
  Nodes *ns = ctx;
  if (!librdf_query_results_is_bindings(res)) return NG_ERR_RDF;
  int nc = librdf_query_results_get_bindings_count(res);
  NgStatus st = NG_SUCCESS;
  for (; !st && !librdf_query_results_finished(res); librdf_query_results_next(res))
    for (int j = 0; j < nc && !st; ++j) {
      librdf_node *n = librdf_query_results_get_binding_value(res, j);
      if (n && !librdf_node_is_literal(n))
        st = nodes_add(ns, n);
      else if (n)
        librdf_free_node(n);
    }
  return st;
}

/* The query with "DESCRIBE targets" replaced by "SELECT DISTINCT targets"
   (owned), or NULL when out of memory.  The targets end where the WHERE
   clause (or its '{') begins. */
static char *describe_as_select(const char *sparql, const char *vars) {
  size_t len = strlen(sparql);
  NgSparqlToken t = ng_sparql_token(sparql, len, 0);
  while (t.kind != NG_SQ_END && !ng_sparql_is_word(sparql, t, "DESCRIBE")) t = ng_sparql_token(sparql, len, t.end);
  size_t head = t.begin;
  while (t.kind != NG_SQ_END && !ng_sparql_is_word(sparql, t, "WHERE") &&
         !(t.kind == NG_SQ_PUNCT && sparql[t.begin] == '{'))
    t = ng_sparql_token(sparql, len, t.end);
  size_t size = len + strlen(vars) + 32;
  char *q = malloc(size);
  if (q) snprintf(q, size, "%.*sSELECT DISTINCT %s %s", (int)head, sparql, vars, sparql + t.begin);
  return q;
}

/* The variables of the DESCRIBE ("?a ?b", or "*" for DESCRIBE *) into
   vars, and its IRIs into ns; *any is set when there are variables. */
static NgStatus describe_targets(NgStore *s, rasqal_query *rq, Nodes *ns, char *vars, size_t vs, int *any) {
  raptor_sequence *seq = rasqal_query_get_describe_sequence(rq);
  int k = seq ? raptor_sequence_size(seq) : 0;
  *any = rasqal_query_get_wildcard(rq) || k == 0; /* DESCRIBE * has no sequence */
  snprintf(vars, vs, "%s", *any ? "*" : "");
  NgStatus st = NG_SUCCESS;
  for (int i = 0; i < k && !st; ++i) {
    rasqal_literal *l = raptor_sequence_get_at(seq, i);
    rasqal_variable *v = l ? rasqal_literal_as_variable(l) : NULL;
    raptor_uri *u = l && !v && rasqal_literal_get_type(l) == RASQAL_LITERAL_URI ? l->value.uri : NULL;
    if (v && v->name && !*any) {
      snprintf(vars + strlen(vars), vs - strlen(vars), "%s?%s", vars[0] ? " " : "", (const char *)v->name);
    } else if (u) {
      librdf_node *n = librdf_new_node_from_uri_string(ng_store_rdf_world(s), raptor_uri_as_string(u));
      st = n ? nodes_add(ns, n) : NG_ERR_NOMEM;
    }
  }
  if (vars[0]) *any = 1;
  return st;
}

/* The statements with subject ns->v[i] into l; blank objects join ns (the
   concise bounded description follows them). */
static NgStatus describe_one(NgStore *s, Nodes *ns, size_t i, Lines *l) {
  librdf_node *subject = librdf_new_node_from_node(ns->v[i]);
  librdf_statement *pattern =
      subject ? librdf_new_statement_from_nodes(ng_store_rdf_world(s), subject, NULL, NULL) : NULL;
  librdf_stream *str = pattern ? librdf_model_find_statements(ng_store_rdf_model(s), pattern) : NULL;
  NgStatus st = str ? NG_SUCCESS : NG_ERR_RDF;
  for (; !st && !librdf_stream_end(str); librdf_stream_next(str)) {
    librdf_statement *x = librdf_stream_get_object(str);
    if (!x) continue;
    st = lines_add(l, x);
    librdf_node *o = librdf_statement_get_object(x);
    if (!st && o && librdf_node_is_blank(o)) {
      librdf_node *copy = librdf_new_node_from_node(o);
      st = copy ? nodes_add(ns, copy) : NG_ERR_NOMEM;
    }
  }
  if (str) librdf_free_stream(str);
  if (pattern) librdf_free_statement(pattern);
  return st;
}

static NgStatus describe(NgStore *s, const char *sparql, rasqal_query *rq, const NgQueryOptions *o, FILE *out,
                         NgQueryOutcome *outcome, char *err, size_t es) {
  Nodes ns = {NULL, 0, 0, NULL};
  Lines l = {NULL, 0, 0};
  char vars[4096];
  int any = 0;
  NgStatus st = describe_targets(s, rq, &ns, vars, sizeof vars, &any);
  if (!st && any) {
    char *select = describe_as_select(sparql, vars);
    st = select ? execute(s, select, collect_resources, &ns, err, es) : NG_ERR_NOMEM;
    free(select);
  }
  for (size_t i = 0; i < ns.n && !st; ++i) st = describe_one(s, &ns, i, &l);
  if (st == NG_ERR_RDF) engine_err(s, err, es, "cannot read the store");
  if (!st) st = lines_write(&l, o->max_rows, out, outcome);
  lines_free(&l);
  nodes_free(&ns);
  return st;
}

/* ---- the query -------------------------------------------------------------------------------- */

NgStatus ng_query_run(NgStore *s, const char *sparql, const NgQueryOptions *o, FILE *out, NgQueryOutcome *outcome,
                      char *err, size_t es) {
  *outcome = NG_QUERY_ANSWERED;
  if (err && es) err[0] = '\0';
  char *query = NULL;
  NgRewrite rw = ng_query_rewrite(sparql, strlen(sparql), &query, err, es);
  if (rw == NG_REWRITE_REFUSED) *outcome = NG_QUERY_REFUSED;
  if (rw != NG_REWRITE_DONE) return rw == NG_REWRITE_NOMEM ? NG_ERR_NOMEM : NG_SUCCESS;
  rasqal_query *rq = NULL;
  NgStatus st = parse_query(s, query, &rq, err, es);
  const char *refused = st ? NULL : outside_store(rq);
  if (refused) {
    set_err(err, es, refused);
    *outcome = NG_QUERY_REFUSED;
  } else if (!st && rasqal_query_get_verb(rq) == RASQAL_QUERY_VERB_DESCRIBE) {
    st = describe(s, query, rq, o, out, outcome, err, es);
  } else if (!st) {
    Answer a = {s, query, rq, o, out, outcome, err, es};
    st = execute(s, query, answer, &a, err, es);
  }
  if (rq) rasqal_free_query(rq);
  free(query);
  if (!st && ferror(out)) st = NG_ERR_IO;
  return st;
}
