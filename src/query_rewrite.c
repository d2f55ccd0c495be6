#include "query_rewrite.h"

#include "query_guard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An edit of the text: the bytes [begin, end) are replaced by `insert`,
   or, for COUNT(?v), by SUM(IF(BOUND(?v), 1, 0)) with the variable at
   [var, var_end). */
typedef struct {
  size_t begin, end;
  const char *insert; /* NULL: the COUNT replacement */
  size_t var, var_end;
} Edit;

typedef struct {
  Edit *v;
  size_t n, cap;
} Edits;

static int add_edit(Edits *e, Edit x) {
  if (e->n == e->cap) {
    size_t nc = e->cap ? e->cap * 2 : 16;
    Edit *nv = realloc(e->v, nc * sizeof *nv);
    if (!nv) return -1;
    e->v = nv;
    e->cap = nc;
  }
  e->v[e->n++] = x;
  return 0;
}

static int is_punct(const char *s, NgSparqlToken t, char c) {
  return t.kind == NG_SQ_PUNCT && t.end - t.begin == 1 && s[t.begin] == c;
}

/* BIND ( expr AS ?v ): "COALESCE(" after the '(' and ")" after expr (it
   ends at the first AS at the BIND's own level of brackets). */
static int edit_bind(const char *s, size_t len, NgSparqlToken open, Edits *e) {
  size_t depth = 0, last = open.end; /* the end of the expression so far */
  for (NgSparqlToken t = ng_sparql_token(s, len, open.end); t.kind != NG_SQ_END;
       last = t.end, t = ng_sparql_token(s, len, t.end)) {
    if (is_punct(s, t, '(') || is_punct(s, t, '{') || is_punct(s, t, '[')) ++depth;
    if (is_punct(s, t, ')') || is_punct(s, t, '}') || is_punct(s, t, ']')) {
      if (depth == 0) return 0; /* no AS: leave it to the parser */
      --depth;
    }
    if (depth == 0 && ng_sparql_is_word(s, t, "AS")) {
      Edit a = {open.end, open.end, "COALESCE(", 0, 0};
      Edit b = {last, last, ")", 0, 0};
      return add_edit(e, a) || add_edit(e, b) ? -1 : 0;
    }
  }
  return 0;
}

/* The edits of the whole query, in the order of the text. */
static int find_edits(const char *s, size_t len, Edits *e) {
  NgSparqlToken w[4]; /* the last four tokens: w[3] is the current one */
  memset(w, 0, sizeof w);
  for (NgSparqlToken t = ng_sparql_token(s, len, 0); t.kind != NG_SQ_END; t = ng_sparql_token(s, len, t.end)) {
    memmove(w, w + 1, 3 * sizeof *w);
    w[3] = t;
    if (is_punct(s, t, '(') && ng_sparql_is_word(s, w[2], "BIND") && edit_bind(s, len, t, e)) return -1;
    if (is_punct(s, t, ')') && w[2].kind == NG_SQ_VAR && is_punct(s, w[1], '(') &&
        ng_sparql_is_word(s, w[0], "COUNT")) {
      Edit c = {w[0].begin, t.end, NULL, w[2].begin, w[2].end};
      if (add_edit(e, c)) return -1;
    }
  }
  return 0;
}

static int by_position(const void *a, const void *b) {
  const Edit *x = a, *y = b;
  if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* The size of the text with the edits applied, plus one. */
static size_t rewritten_size(size_t len, const Edits *e) {
  size_t size = len + 1;
  for (size_t i = 0; i < e->n; ++i)
    size += e->v[i].insert ? strlen(e->v[i].insert) : e->v[i].var_end - e->v[i].var + 24;
  return size;
}

/* The local edits (BIND, COUNT(?v)) applied to text; NULL when out of
   memory. */
static char *apply_edits(const char *text, size_t len) {
  Edits e = {NULL, 0, 0};
  if (find_edits(text, len, &e)) {
    free(e.v);
    return NULL;
  }
  if (e.n) qsort(e.v, e.n, sizeof *e.v, by_position);
  char *out = malloc(rewritten_size(len, &e));
  size_t at = 0, o = 0;
  for (size_t i = 0; out && i < e.n; ++i) {
    const Edit *x = &e.v[i];
    if (x->begin < at) continue; /* overlaps an edit before it: keep the first */
    memcpy(out + o, text + at, x->begin - at);
    o += x->begin - at;
    if (x->insert) {
      memcpy(out + o, x->insert, strlen(x->insert));
      o += strlen(x->insert);
    } else {
      memcpy(out + o, "SUM(IF(BOUND(", 13);
      memcpy(out + o + 13, text + x->var, x->var_end - x->var);
      o += 13 + x->var_end - x->var;
      memcpy(out + o, "), 1, 0))", 9);
      o += 9;
    }
    at = x->end;
  }
  if (out) {
    memcpy(out + o, text + at, len - at);
    out[o + len - at] = '\0';
  }
  free(e.v);
  return out;
}

/* ---- COUNT(DISTINCT ?x) --------------------------------------------------------------- */

/* The tokens of a query. */
typedef struct {
  NgSparqlToken *v;
  size_t n;
} Tokens;

static int tokenize(const char *s, size_t len, Tokens *tk) {
  size_t cap = 64;
  tk->n = 0;
  if (!(tk->v = malloc(cap * sizeof *tk->v))) return -1;
  for (NgSparqlToken t = ng_sparql_token(s, len, 0); t.kind != NG_SQ_END; t = ng_sparql_token(s, len, t.end)) {
    if (tk->n == cap) {
      NgSparqlToken *nv = realloc(tk->v, 2 * cap * sizeof *nv);
      if (!nv) return -1;
      tk->v = nv;
      cap *= 2;
    }
    tk->v[tk->n++] = t;
  }
  return 0;
}

/* The parts of `SELECT ... (COUNT(DISTINCT ?x) AS ?n) ... WHERE { P } rest`. */
typedef struct {
  size_t head_end;               /* the text up to SELECT [DISTINCT|REDUCED] */
  size_t proj_begin, proj_end;   /* the projection */
  size_t cd_begin, cd_end;       /* COUNT(DISTINCT ?x) in it */
  NgSparqlToken x;               /* ?x */
  size_t where_begin, where_end; /* { P } */
  size_t keys_at, nkeys;         /* the GROUP BY variables: tokens keys_at.. */
} CountDistinct;

static int tok_is(const char *s, NgSparqlToken t, char c) { return is_punct(s, t, c); }

/* Whether tokens i.. are ( COUNT ( DISTINCT ?x ) AS ?n ). */
static int count_distinct_at(const char *s, const Tokens *tk, size_t i) {
  const NgSparqlToken *t = tk->v + i;
  return i + 9 <= tk->n && tok_is(s, t[0], '(') && ng_sparql_is_word(s, t[1], "COUNT") && tok_is(s, t[2], '(') &&
         ng_sparql_is_word(s, t[3], "DISTINCT") && t[4].kind == NG_SQ_VAR && tok_is(s, t[5], ')') &&
         ng_sparql_is_word(s, t[6], "AS") && t[7].kind == NG_SQ_VAR && tok_is(s, t[8], ')');
}

/* The projection from token *i: variables and one COUNT(DISTINCT); 0 when
   that is what it is. */
static int read_projection(const char *s, const Tokens *tk, size_t *i, CountDistinct *cd) {
  int found = 0;
  cd->proj_begin = *i < tk->n ? tk->v[*i].begin : 0;
  while (*i < tk->n && !ng_sparql_is_word(s, tk->v[*i], "WHERE") && !tok_is(s, tk->v[*i], '{')) {
    if (tk->v[*i].kind == NG_SQ_VAR) {
      ++*i;
    } else if (!found && count_distinct_at(s, tk, *i)) {
      cd->cd_begin = tk->v[*i + 1].begin;
      cd->cd_end = tk->v[*i + 5].end;
      cd->x = tk->v[*i + 4];
      found = 1;
      *i += 9;
    } else {
      return -1;
    }
  }
  cd->proj_end = *i < tk->n ? tk->v[*i].begin : 0;
  return found ? 0 : -1;
}

/* The bracket that closes the one at token i. */
static size_t closing(const char *s, const Tokens *tk, size_t i) {
  size_t depth = 0;
  for (size_t j = i; j < tk->n; ++j) {
    if (tok_is(s, tk->v[j], '(') || tok_is(s, tk->v[j], '{') || tok_is(s, tk->v[j], '[')) ++depth;
    if ((tok_is(s, tk->v[j], ')') || tok_is(s, tk->v[j], '}') || tok_is(s, tk->v[j], ']')) && --depth == 0) return j;
  }
  return tk->n;
}

/* After the WHERE group: GROUP BY ?vars, then only ORDER BY, LIMIT and
   OFFSET (no HAVING, no other aggregate). */
static int read_modifiers(const char *s, const Tokens *tk, size_t i, CountDistinct *cd) {
  if (i + 1 < tk->n && ng_sparql_is_word(s, tk->v[i], "GROUP") && ng_sparql_is_word(s, tk->v[i + 1], "BY")) {
    cd->keys_at = i += 2;
    while (i < tk->n && tk->v[i].kind == NG_SQ_VAR) ++i;
    cd->nkeys = i - cd->keys_at;
    if (cd->nkeys == 0) return -1;
  }
  static const char *const bad[] = {"HAVING", "COUNT", "SUM", "AVG", "MIN", "MAX", "SAMPLE", "GROUP_CONCAT", "GROUP"};
  for (; i < tk->n; ++i)
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; ++k)
      if (ng_sparql_is_word(s, tk->v[i], bad[k])) return -1;
  return 0;
}

/* The parts of the one COUNT(DISTINCT) query of the usual shape; -1 when
   the query is not of it. */
static int parse_count_distinct(const char *s, const Tokens *tk, CountDistinct *cd) {
  size_t i = 0;
  while (i < tk->n && !ng_sparql_is_word(s, tk->v[i], "SELECT")) {
    if (tok_is(s, tk->v[i], '{')) return -1; /* a subquery, or not a SELECT query */
    ++i;
  }
  if (i == tk->n) return -1;
  if (++i < tk->n && (ng_sparql_is_word(s, tk->v[i], "DISTINCT") || ng_sparql_is_word(s, tk->v[i], "REDUCED"))) ++i;
  cd->head_end = tk->v[i - 1].end;
  if (read_projection(s, tk, &i, cd)) return -1;
  if (i < tk->n && ng_sparql_is_word(s, tk->v[i], "WHERE")) ++i;
  if (i >= tk->n || !tok_is(s, tk->v[i], '{')) return -1;
  size_t close = closing(s, tk, i);
  if (close >= tk->n) return -1;
  cd->where_begin = tk->v[i].begin;
  cd->where_end = tk->v[close].end;
  for (size_t j = i; j < close; ++j) /* COUNT(DISTINCT) in the pattern too */
    if (ng_sparql_is_word(s, tk->v[j], "DISTINCT") && j >= 2 && ng_sparql_is_word(s, tk->v[j - 2], "COUNT")) return -1;
  return read_modifiers(s, tk, close + 1, cd);
}

static size_t count_distincts(const char *s, const Tokens *tk) {
  size_t n = 0;
  for (size_t j = 2; j < tk->n; ++j)
    n += ng_sparql_is_word(s, tk->v[j], "DISTINCT") && tok_is(s, tk->v[j - 1], '(') &&
         ng_sparql_is_word(s, tk->v[j - 2], "COUNT");
  return n;
}

static int same_token(const char *s, NgSparqlToken a, NgSparqlToken b) {
  return a.end - a.begin == b.end - b.begin && memcmp(s + a.begin, s + b.begin, a.end - a.begin) == 0;
}

/* The rewritten query of the parts cd (owned), or NULL. */
static char *build_count_distinct(const char *s, size_t len, const Tokens *tk, const CountDistinct *cd) {
  size_t size = len * 2 + 128, o = 0;
  char *out = malloc(size);
  if (!out) return NULL;
  o += (size_t)snprintf(out + o, size - o, "%.*s %.*sSUM(IF(BOUND(%.*s), 1, 0))%.*sWHERE { SELECT DISTINCT",
                        (int)cd->head_end, s, (int)(cd->cd_begin - cd->proj_begin), s + cd->proj_begin,
                        (int)(cd->x.end - cd->x.begin), s + cd->x.begin, (int)(cd->proj_end - cd->cd_end),
                        s + cd->cd_end);
  int x_is_key = 0;
  for (size_t k = 0; k < cd->nkeys; ++k) {
    NgSparqlToken key = tk->v[cd->keys_at + k];
    x_is_key |= same_token(s, key, cd->x);
    o += (size_t)snprintf(out + o, size - o, " %.*s", (int)(key.end - key.begin), s + key.begin);
  }
  if (!x_is_key) o += (size_t)snprintf(out + o, size - o, " %.*s", (int)(cd->x.end - cd->x.begin), s + cd->x.begin);
  snprintf(out + o, size - o, " WHERE %.*s }%.*s", (int)(cd->where_end - cd->where_begin), s + cd->where_begin,
           (int)(len - cd->where_end), s + cd->where_end);
  return out;
}

/* The query with its COUNT(DISTINCT) rewritten (*out owned; NULL when it
   has none). */
static NgRewrite rewrite_count_distinct(const char *s, size_t len, char **out, char *msg, size_t ms) {
  *out = NULL;
  Tokens tk = {NULL, 0};
  if (tokenize(s, len, &tk)) {
    free(tk.v);
    return NG_REWRITE_NOMEM;
  }
  NgRewrite r = NG_REWRITE_DONE;
  CountDistinct cd;
  memset(&cd, 0, sizeof cd);
  size_t n = count_distincts(s, &tk);
  if (n == 1 && parse_count_distinct(s, &tk, &cd) == 0) {
    if (!(*out = build_count_distinct(s, len, &tk, &cd))) r = NG_REWRITE_NOMEM;
  } else if (n > 0) {
    if (msg && ms)
      snprintf(msg, ms,
               "COUNT(DISTINCT ...) here: rasqal 0.9.33 miscounts it, and newsgraph rewrites it only in "
               "SELECT ?g (COUNT(DISTINCT ?x) AS ?n) WHERE { ... } GROUP BY ?g; count the rows of a "
               "DISTINCT subquery instead: SELECT ?g (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?g ?x WHERE "
               "{ ... } } GROUP BY ?g");
    r = NG_REWRITE_REFUSED;
  }
  free(tk.v);
  return r;
}

NgRewrite ng_query_rewrite(const char *text, size_t len, char **out, char *msg, size_t ms) {
  char *counted = NULL;
  *out = NULL;
  NgRewrite r = rewrite_count_distinct(text, len, &counted, msg, ms);
  if (r != NG_REWRITE_DONE) return r;
  *out = counted ? apply_edits(counted, strlen(counted)) : apply_edits(text, len);
  free(counted);
  return *out ? NG_REWRITE_DONE : NG_REWRITE_NOMEM;
}
