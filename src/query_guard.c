#include "query_guard.h"

#include <stdio.h>
#include <string.h>

/* ---- the tokenizer (SPARQL 1.1, section 19.8 of the recommendation) ---------- */

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static int is_hex(unsigned char c) { return is_digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

/* Letters, digits, _ and every non-ASCII byte (names may hold any letter). */
static int is_name(unsigned char c) { return is_alpha(c) || is_digit(c) || c == '_' || c >= 0x80; }

/* Characters of a prefix or a local name besides name characters. */
static int is_pn(unsigned char c) { return is_name(c) || c == '-' || c == '.'; }

static size_t skip_space(const char *s, size_t len, size_t i) {
  while (i < len) {
    if (is_space((unsigned char)s[i])) {
      ++i;
    } else if (s[i] == '#') {
      while (i < len && s[i] != '\n') ++i;
    } else {
      break;
    }
  }
  return i;
}

/* The end of the IRI that starts with '<' at i, or 0 when the '<' is an
   operator (a space, a quote or a brace before the '>'). */
static size_t scan_iri(const char *s, size_t len, size_t i) {
  for (size_t j = i + 1; j < len; ++j) {
    unsigned char c = (unsigned char)s[j];
    if (c == '>') return j + 1;
    if (c <= 0x20 || strchr("<\"{}|^`", c)) return 0;
  }
  return 0;
}

/* The end of the string that starts with a quote at i, or 0 when it does
   not end (a short string ends at the line). */
static size_t scan_string(const char *s, size_t len, size_t i) {
  char q = s[i];
  int triple = i + 2 < len && s[i + 1] == q && s[i + 2] == q;
  for (size_t j = i + (triple ? 3 : 1); j < len; ++j) {
    if (s[j] == '\\') {
      ++j;
    } else if (s[j] == q && (!triple || (j + 2 < len && s[j + 1] == q && s[j + 2] == q))) {
      return j + (triple ? 3 : 1);
    } else if (!triple && (s[j] == '\n' || s[j] == '\r')) {
      return 0;
    }
  }
  return 0;
}

static size_t digits(const char *s, size_t len, size_t i) {
  while (i < len && is_digit((unsigned char)s[i])) ++i;
  return i;
}

/* An exponent at i ([eE][+-]?[0-9]+): its end, or i when there is none. */
static size_t exponent(const char *s, size_t len, size_t i) {
  if (i >= len || (s[i] != 'e' && s[i] != 'E')) return i;
  size_t j = i + 1;
  if (j < len && (s[j] == '+' || s[j] == '-')) ++j;
  size_t k = digits(s, len, j);
  return k > j ? k : i;
}

/* A number at i (after an optional sign): digits, a fraction, an exponent. */
static size_t scan_number(const char *s, size_t len, size_t i) {
  size_t j = digits(s, len, i);
  if (j < len && s[j] == '.' && (j + 1 < len && is_digit((unsigned char)s[j + 1]))) j = digits(s, len, j + 1);
  return exponent(s, len, j);
}

static int starts_number(const char *s, size_t len, size_t i) {
  return i < len &&
         (is_digit((unsigned char)s[i]) || (s[i] == '.' && i + 1 < len && is_digit((unsigned char)s[i + 1])));
}

/* A local name from i: name characters, '-', '.', ':', %XX and \x escapes;
   a trailing '.' ends the triple, not the name. */
static size_t scan_local(const char *s, size_t len, size_t i) {
  size_t j = i;
  while (j < len) {
    unsigned char c = (unsigned char)s[j];
    if (is_pn(c) || c == ':') {
      ++j;
    } else if (c == '%' && j + 2 < len && is_hex((unsigned char)s[j + 1]) && is_hex((unsigned char)s[j + 2])) {
      j += 3;
    } else if (c == '\\' && j + 1 < len) {
      j += 2;
    } else {
      break;
    }
  }
  while (j > i && s[j - 1] == '.') --j;
  return j;
}

/* A word (keyword, function, `a`) or a prefixed name starting at i. */
static NgSparqlToken scan_name(const char *s, size_t len, size_t i) {
  NgSparqlToken t = {NG_SQ_WORD, i, i};
  size_t j = i;
  while (j < len && is_pn((unsigned char)s[j])) ++j;
  if (j < len && s[j] == ':') {
    t.kind = NG_SQ_PNAME;
    t.end = scan_local(s, len, j + 1);
    return t;
  }
  j = i;
  while (j < len && is_name((unsigned char)s[j])) ++j;
  t.end = j > i ? j : i + 1;
  return t;
}

static const char *const PUNCT2[] = {"^^", "||", "&&", "!=", "<=", ">="};

static NgSparqlToken scan_punct(const char *s, size_t len, size_t i) {
  NgSparqlToken t = {NG_SQ_PUNCT, i, i + 1};
  for (size_t k = 0; k < sizeof PUNCT2 / sizeof PUNCT2[0]; ++k)
    if (i + 1 < len && s[i] == PUNCT2[k][0] && s[i + 1] == PUNCT2[k][1]) {
      t.end = i + 2;
      return t;
    }
  if (!s[i] || !strchr("{}()[].,;*+-/|^!=<>?", s[i])) t.kind = NG_SQ_BAD; /* strchr finds the NUL too */
  return t;
}

/* ?x and $x; a lone '?' is a path operator. */
static NgSparqlToken scan_var(const char *s, size_t len, size_t i) {
  size_t j = i + 1;
  while (j < len && is_name((unsigned char)s[j])) ++j;
  NgSparqlToken t = {NG_SQ_VAR, i, j};
  if (j == i + 1) t.kind = s[i] == '?' ? NG_SQ_PUNCT : NG_SQ_BAD;
  return t;
}

static NgSparqlToken scan_langtag(const char *s, size_t len, size_t i) {
  size_t j = i + 1;
  while (j < len && is_alpha((unsigned char)s[j])) ++j;
  NgSparqlToken t = {j > i + 1 ? NG_SQ_LANGTAG : NG_SQ_BAD, i, j};
  while (t.kind == NG_SQ_LANGTAG && j + 1 < len && s[j] == '-' &&
         (is_alpha((unsigned char)s[j + 1]) || is_digit((unsigned char)s[j + 1]))) {
    for (++j; j < len && (is_alpha((unsigned char)s[j]) || is_digit((unsigned char)s[j]));) ++j;
    t.end = j;
  }
  return t;
}

/* A string, or a bad token up to the end of the line (short string) or of
   the text (long string) when it does not end. */
static NgSparqlToken string_token(const char *s, size_t len, size_t i) {
  NgSparqlToken t = {NG_SQ_STRING, i, scan_string(s, len, i)};
  if (t.end) return t;
  t.kind = NG_SQ_BAD;
  int triple = i + 2 < len && s[i + 1] == s[i] && s[i + 2] == s[i];
  for (t.end = i + 1; t.end < len && (triple || (s[t.end] != '\n' && s[t.end] != '\r'));) ++t.end;
  return t;
}

NgSparqlToken ng_sparql_token(const char *s, size_t len, size_t pos) {
  size_t i = skip_space(s, len, pos);
  NgSparqlToken t = {NG_SQ_END, i, i};
  if (i >= len) return t;
  unsigned char c = (unsigned char)s[i];
  if (c == '"' || c == '\'') return string_token(s, len, i);
  if (c == '?' || c == '$') return scan_var(s, len, i);
  if (c == '@') return scan_langtag(s, len, i);
  if (c == '<' && (t.end = scan_iri(s, len, i))) {
    t.kind = NG_SQ_IRI;
    return t;
  }
  int sign = (c == '+' || c == '-') && starts_number(s, len, i + 1);
  if (sign || starts_number(s, len, i)) {
    t.kind = NG_SQ_NUMBER;
    t.end = scan_number(s, len, i + (size_t)sign);
    return t;
  }
  if (is_name(c) || c == ':') return scan_name(s, len, i);
  return scan_punct(s, len, i);
}

int ng_sparql_is_word(const char *text, NgSparqlToken t, const char *word) {
  size_t n = strlen(word);
  if (t.kind != NG_SQ_WORD || t.end - t.begin != n) return 0;
  for (size_t k = 0; k < n; ++k) {
    char c = text[t.begin + k];
    if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
    if (c != word[k]) return 0;
  }
  return 1;
}

/* ---- what the guard refuses --------------------------------------------------- */

/* Words that reach outside the store or change it. */
static const struct {
  const char *word;
  const char *why;
} OUTSIDE[] = {
    {"SERVICE", "reaches outside the store (a file or a server); newsgraph query answers from the store only"},
    {"FROM", "names data outside the store (FROM and FROM NAMED); the default graph is the union of the store's "
             "graphs, and GRAPH <article-iri> { ... } reads one article"},
    {"LOAD", "is SPARQL Update; newsgraph query only reads the store (add articles with newsgraph --store)"},
    {"INSERT", "is SPARQL Update; newsgraph query only reads the store (add articles with newsgraph --store)"},
    {"DELETE", "is SPARQL Update; newsgraph query only reads the store"},
    {"CLEAR", "is SPARQL Update; newsgraph query only reads the store"},
    {"DROP", "is SPARQL Update; newsgraph query only reads the store"},
    {"CREATE", "is SPARQL Update; newsgraph query only reads the store"},
    {"ADD", "is SPARQL Update; newsgraph query only reads the store"},
    {"MOVE", "is SPARQL Update; newsgraph query only reads the store"},
    {"COPY", "is SPARQL Update; newsgraph query only reads the store"},
    {"WITH", "is SPARQL Update; newsgraph query only reads the store"},
    {"USING", "is SPARQL Update; newsgraph query only reads the store"},
};

/* Words of constructs rasqal 0.9.33 cannot parse or answers wrongly, found
   by the differential test against Oxigraph (tests/stores/differential/). */
static const struct {
  const char *word;
  const char *what;
  const char *why;
} WRONG[] = {
    {"EXISTS", "EXISTS / NOT EXISTS",
     "rasqal 0.9.33 cannot parse it; for FILTER NOT EXISTS { ?x p ?y } write OPTIONAL { ?x p ?y } FILTER(!BOUND(?y)), "
     "for FILTER EXISTS join the pattern and use SELECT DISTINCT"},
    {"MINUS", "MINUS",
     "rasqal 0.9.33 cannot run it; for MINUS { ?x p ?y } write OPTIONAL { ?x p ?y } FILTER(!BOUND(?y))"},
    {"VALUES", "VALUES",
     "rasqal 0.9.33 binds the wrong variables (or crashes, after the WHERE clause); compare in a FILTER instead: "
     "FILTER(?c = ng:Person || ?c = ng:Country) or FILTER(?c IN (ng:Person, ng:Country))"},
};

/* Functions that return garbage when an argument is itself a call
   (STRAFTER(STR(?x), "#")): rasqal 0.9.33 frees the inner value too early. */
static const char *const FRAGILE[] = {"CONCAT", "STRBEFORE", "STRAFTER"};

/* Aggregates: a subquery with one of them (or GROUP BY) is "grouped". */
static const char *const AGGREGATES[] = {"COUNT", "SUM", "AVG", "MIN", "MAX", "SAMPLE", "GROUP_CONCAT"};

static int is_punct_text(const char *s, NgSparqlToken t, const char *p) {
  size_t n = strlen(p);
  return t.kind == NG_SQ_PUNCT && t.end - t.begin == n && memcmp(s + t.begin, p, n) == 0;
}

static int word_in(const char *s, NgSparqlToken t, const char *const *words, size_t n) {
  for (size_t k = 0; k < n; ++k)
    if (ng_sparql_is_word(s, t, words[k])) return 1;
  return 0;
}

/* The scan of one query: the nesting so far and the last two tokens. */
typedef struct {
  const char *s;
  size_t len;
  const NgGuardLimits *lim;
  char open[NG_GUARD_MAX_DEPTH + 1];    /* the bracket of each level */
  char pattern[NG_GUARD_MAX_DEPTH + 1]; /* whether the level holds triple patterns */
  char fragile[NG_GUARD_MAX_DEPTH + 1]; /* the level is the arguments of CONCAT, STRBEFORE, STRAFTER */
  size_t depth, tokens;
  NgSparqlToken prev, prev2;
  char *msg;
  size_t ms;
} Scan;

static void where(const Scan *sc, NgSparqlToken t, size_t *line, size_t *col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < t.begin && i < sc->len; ++i) {
    if (sc->s[i] == '\n') {
      ++*line;
      *col = 1;
    } else if (((unsigned char)sc->s[i] & 0xC0) != 0x80) {
      ++*col;
    }
  }
}

/* Refuse at token t: "WHAT at line L, column C: WHY". */
static NgGuardVerdict refuse(const Scan *sc, NgSparqlToken t, const char *what, const char *why) {
  size_t line, col;
  where(sc, t, &line, &col);
  if (sc->msg && sc->ms) snprintf(sc->msg, sc->ms, "%s at line %zu, column %zu: %s", what, line, col, why);
  return NG_GUARD_REFUSED;
}

static NgGuardVerdict too_big(const Scan *sc, const char *what, size_t limit) {
  if (sc->msg && sc->ms) snprintf(sc->msg, sc->ms, "query too large: %s (limit %zu)", what, limit);
  return NG_GUARD_TOO_BIG;
}

static NgGuardVerdict check_word(const Scan *sc, NgSparqlToken t) {
  for (size_t k = 0; k < sizeof OUTSIDE / sizeof OUTSIDE[0]; ++k)
    if (ng_sparql_is_word(sc->s, t, OUTSIDE[k].word)) return refuse(sc, t, OUTSIDE[k].word, OUTSIDE[k].why);
  for (size_t k = 0; k < sizeof WRONG / sizeof WRONG[0]; ++k)
    if (ng_sparql_is_word(sc->s, t, WRONG[k].word)) return refuse(sc, t, WRONG[k].what, WRONG[k].why);
  return NG_GUARD_PASS;
}

/* Whether the token t is the punctuation p. */
static int is_punct(const Scan *sc, NgSparqlToken t, const char *p) { return is_punct_text(sc->s, t, p); }

/* A property path operator: / | ^ * + ? ! between the terms of a triple
   pattern (a '*' after SELECT is the projection). */
static int is_path_operator(const Scan *sc, NgSparqlToken t) {
  if (t.kind != NG_SQ_PUNCT || sc->depth == 0 || !sc->pattern[sc->depth]) return 0;
  static const char *const ops[] = {"/", "|", "^", "+", "?", "!", "*"};
  for (size_t k = 0; k < sizeof ops / sizeof ops[0]; ++k)
    if (is_punct(sc, t, ops[k]))
      return k + 1 < sizeof ops / sizeof ops[0] ||
             !(ng_sparql_is_word(sc->s, sc->prev, "SELECT") || ng_sparql_is_word(sc->s, sc->prev, "DISTINCT") ||
               ng_sparql_is_word(sc->s, sc->prev, "REDUCED"));
  return 0;
}

/* An opening bracket: one level deeper.  Braces and [ ] hold triple
   patterns; a '(' does when it is inside a pattern and not a call
   (FILTER(, BIND(, regex(, ex:fn(, <fn>(). */
static NgGuardVerdict open_level(Scan *sc, NgSparqlToken t) {
  if (sc->depth >= sc->lim->max_depth || sc->depth >= NG_GUARD_MAX_DEPTH) {
    if (sc->msg && sc->ms)
      snprintf(sc->msg, sc->ms, "query nested too deeply: more than %zu levels of brackets", sc->lim->max_depth);
    return NG_GUARD_TOO_BIG;
  }
  char c = sc->s[t.begin];
  int call = c == '(' && (sc->prev.kind == NG_SQ_WORD || sc->prev.kind == NG_SQ_PNAME || sc->prev.kind == NG_SQ_IRI);
  if (call && sc->fragile[sc->depth])
    return refuse(sc, sc->prev, "a call inside CONCAT, STRBEFORE or STRAFTER",
                  "rasqal 0.9.33 returns garbage for it; bind the inner value to a variable first: "
                  "BIND(STR(?x) AS ?s) BIND(STRAFTER(?s, \"#\") AS ?local), or use REPLACE(STR(?x), \".*#\", \"\")");
  ++sc->depth;
  sc->open[sc->depth] = c;
  sc->pattern[sc->depth] = (char)(c != '(' || (sc->pattern[sc->depth - 1] && !call));
  sc->fragile[sc->depth] = (char)(sc->fragile[sc->depth - 1] ||
                                  (call && word_in(sc->s, sc->prev, FRAGILE, sizeof FRAGILE / sizeof FRAGILE[0])));
  return NG_GUARD_PASS;
}

static NgGuardVerdict check_punct(Scan *sc, NgSparqlToken t) {
  char c = sc->s[t.begin];
  if (t.end - t.begin == 1 && (c == '(' || c == '{' || c == '[')) return open_level(sc, t);
  if (t.end - t.begin == 1 && (c == ')' || c == '}' || c == ']')) {
    if (sc->depth) --sc->depth;
    return NG_GUARD_PASS;
  }
  if (is_path_operator(sc, t))
    return refuse(sc, t, "a property path",
                  "rasqal 0.9.33 has no property paths; spell out each step (?a ng:partOf ?x . ?x ng:partOf ?b), "
                  "use a UNION for alternatives (p1|p2) and swap subject and object for an inverse (^p)");
  return NG_GUARD_PASS;
}

static NgGuardVerdict check_token(Scan *sc, NgSparqlToken t) {
  if (++sc->tokens > sc->lim->max_tokens) {
    if (sc->msg && sc->ms) snprintf(sc->msg, sc->ms, "query too large: more than %zu tokens", sc->lim->max_tokens);
    return NG_GUARD_TOO_BIG;
  }
  switch (t.kind) {
  case NG_SQ_WORD: return check_word(sc, t);
  case NG_SQ_PUNCT: return check_punct(sc, t);
  case NG_SQ_BAD:
    if (sc->s[t.begin] == '\\')
      return refuse(sc, t, "an escape outside strings and IRIs",
                    "write the characters themselves (\\u escapes are for strings and IRIs)");
    return NG_GUARD_PASS;
  default: return NG_GUARD_PASS;
  }
}

/* ---- the shape of subqueries (a second pass, within the limits) ------------------- */

/* One level of brackets in the second pass. */
typedef struct {
  char bracket;
  char subquery;               /* a '{' that opens a subquery: { SELECT ... } */
  char where;                  /* a '{' that is the WHERE clause of a query */
  char grouped;                /* subquery: GROUP BY or an aggregate */
  char select_open;            /* subquery: SELECT seen, its WHERE clause not yet */
  size_t items;                /* tokens directly inside (a bracketed group is one), '.' aside */
  NgSparqlToken at;            /* the opening bracket */
  NgSparqlToken grouped_child; /* a grouped subquery directly inside (NG_SQ_END: none) */
} Level;

typedef struct {
  const char *s;
  size_t len;
  Level lv[NG_GUARD_MAX_DEPTH + 2];
  size_t depth;
  char main_select_open, main_star, any_subquery;
  NgSparqlToken prev, star;
  const Scan *scan; /* for messages */
} Shape;

/* The "SELECT seen, WHERE not yet" flag of the innermost query. */
static char *select_open(Shape *sh) {
  for (size_t d = sh->depth; d > 0; --d)
    if (sh->lv[d].subquery) return &sh->lv[d].select_open;
  return &sh->main_select_open;
}

static void mark_grouped(Shape *sh) {
  for (size_t d = sh->depth; d > 0; --d)
    if (sh->lv[d].subquery) {
      sh->lv[d].grouped = 1;
      return;
    }
}

static void shape_open(Shape *sh, NgSparqlToken t, NgSparqlToken next) {
  char c = sh->s[t.begin];
  ++sh->lv[sh->depth].items;
  char *open_select = select_open(sh);
  Level *l = &sh->lv[++sh->depth];
  memset(l, 0, sizeof *l);
  l->bracket = c;
  l->at = t;
  l->grouped_child.kind = NG_SQ_END;
  l->subquery = (char)(c == '{' && ng_sparql_is_word(sh->s, next, "SELECT"));
  l->where = (char)(c == '{' && (ng_sparql_is_word(sh->s, sh->prev, "WHERE") || *open_select));
  if (c == '{') *open_select = 0;
  if (l->subquery) sh->any_subquery = 1;
}

static NgGuardVerdict shape_close(Shape *sh) {
  if (sh->depth == 0) return NG_GUARD_PASS;
  Level *l = &sh->lv[sh->depth--];
  Level *parent = &sh->lv[sh->depth];
  if (l->subquery && l->grouped && parent->grouped_child.kind == NG_SQ_END) parent->grouped_child = l->at;
  if (l->subquery && l->grouped) mark_grouped(sh); /* a query around a grouped one is no safer (tested) */
  if (l->bracket == '{' && l->grouped_child.kind != NG_SQ_END && (l->items > 1 || !l->where))
    return refuse(sh->scan, l->grouped_child, "a subquery with GROUP BY or an aggregate that shares its group",
                  "rasqal 0.9.33 drops or shifts its groups when the subquery is joined, filtered or made optional; "
                  "make it the whole WHERE clause: move the other patterns into the subquery (and GROUP BY their "
                  "variables too), and filter aggregates with HAVING");
  return NG_GUARD_PASS;
}

static void shape_word(Shape *sh, NgSparqlToken t, NgSparqlToken next) {
  if (ng_sparql_is_word(sh->s, t, "SELECT")) {
    if (sh->depth > 0 && sh->lv[sh->depth].subquery)
      sh->lv[sh->depth].select_open = 1;
    else if (sh->depth == 0)
      sh->main_select_open = 1;
  }
  if ((ng_sparql_is_word(sh->s, t, "GROUP") && ng_sparql_is_word(sh->s, next, "BY")) ||
      (word_in(sh->s, t, AGGREGATES, sizeof AGGREGATES / sizeof AGGREGATES[0]) && is_punct_text(sh->s, next, "(")))
    mark_grouped(sh);
}

static NgGuardVerdict shape_token(Shape *sh, NgSparqlToken t, NgSparqlToken next) {
  char c = ' '; /* the bracket, if t is one (compared one by one: strchr finds a NUL too) */
  if (t.kind == NG_SQ_PUNCT && t.end - t.begin == 1) c = sh->s[t.begin];
  if (c == '(' || c == '{' || c == '[') {
    shape_open(sh, t, next);
    return NG_GUARD_PASS;
  }
  if (c == ')' || c == '}' || c == ']') return shape_close(sh);
  if (!is_punct_text(sh->s, t, ".")) ++sh->lv[sh->depth].items;
  if (t.kind == NG_SQ_WORD) shape_word(sh, t, next);
  if (sh->depth == 0 && is_punct_text(sh->s, t, "*") &&
      (ng_sparql_is_word(sh->s, sh->prev, "SELECT") || ng_sparql_is_word(sh->s, sh->prev, "DISTINCT") ||
       ng_sparql_is_word(sh->s, sh->prev, "REDUCED"))) {
    sh->main_star = 1;
    sh->star = t;
  }
  return NG_GUARD_PASS;
}

/* Subqueries rasqal answers wrongly: a grouped one that is not the whole
   WHERE clause of its query, and SELECT * over any subquery (it also
   returns the subquery's inner variables). */
static NgGuardVerdict check_shape(const Scan *sc) {
  Shape sh;
  memset(&sh, 0, sizeof sh);
  sh.s = sc->s;
  sh.len = sc->len;
  sh.scan = sc;
  sh.lv[0].grouped_child.kind = NG_SQ_END;
  NgGuardVerdict v = NG_GUARD_PASS;
  NgSparqlToken t = ng_sparql_token(sc->s, sc->len, 0);
  while (!v && t.kind != NG_SQ_END) {
    NgSparqlToken next = ng_sparql_token(sc->s, sc->len, t.end);
    v = shape_token(&sh, t, next);
    sh.prev = t;
    t = next;
  }
  if (!v && sh.main_star && sh.any_subquery)
    v = refuse(sc, sh.star, "SELECT * with a subquery",
               "rasqal 0.9.33 also returns the subquery's inner variables; name the variables to return");
  return v;
}

NgGuardVerdict ng_query_guard(const char *text, size_t len, const NgGuardLimits *limits, char *msg, size_t ms) {
  static const NgGuardLimits defaults = {NG_GUARD_MAX_BYTES, NG_GUARD_MAX_TOKENS, NG_GUARD_MAX_DEPTH};
  Scan sc;
  memset(&sc, 0, sizeof sc);
  sc.s = text;
  sc.len = len;
  sc.lim = limits ? limits : &defaults;
  sc.msg = msg;
  sc.ms = ms;
  if (msg && ms) msg[0] = '\0';
  if (len > sc.lim->max_bytes) {
    char what[64];
    snprintf(what, sizeof what, "%zu bytes", len);
    return too_big(&sc, what, sc.lim->max_bytes);
  }
  NgGuardVerdict v = NG_GUARD_PASS;
  for (NgSparqlToken t = ng_sparql_token(text, len, 0); !v && t.kind != NG_SQ_END;
       t = ng_sparql_token(text, len, t.end)) {
    v = check_token(&sc, t);
    sc.prev2 = sc.prev;
    sc.prev = t;
  }
  return v ? v : check_shape(&sc);
}
