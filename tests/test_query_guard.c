/* Tests of query_guard.h (the tokenizer and the verdicts) and
 * query_rewrite.h (the rewrites that make rasqal answer right). */
#include "check.h"
#include "query_guard.h"
#include "query_rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the tokenizer ------------------------------------------------------------ */

/* The kinds of the tokens of q, one letter each (W word, P pname, I IRI,
   V var, S string, N number, L langtag, . punct, ! bad). */
static void kinds(const char *q, char *out, size_t size) {
  static const char letters[] = "EWPIVSNL.!";
  size_t len = strlen(q), k = 0;
  for (NgSparqlToken t = ng_sparql_token(q, len, 0); t.kind != NG_SQ_END && k + 1 < size;
       t = ng_sparql_token(q, len, t.end))
    out[k++] = letters[t.kind];
  out[k] = '\0';
}

#define CHECK_KINDS(q, want)                                                                                           \
  do {                                                                                                                 \
    char k_[256];                                                                                                      \
    kinds((q), k_, sizeof k_);                                                                                         \
    CHECK_STR_EQ(k_, (want));                                                                                          \
  } while (0)

/* The text of the n-th token of q. */
static void token_text(const char *q, int n, char *out, size_t size) {
  size_t len = strlen(q);
  NgSparqlToken t = ng_sparql_token(q, len, 0);
  for (int i = 0; i < n && t.kind != NG_SQ_END; ++i) t = ng_sparql_token(q, len, t.end);
  snprintf(out, size, "%.*s", (int)(t.end - t.begin), q + t.begin);
}

static void test_tokens(void) {
  CHECK_KINDS("SELECT ?x WHERE { ?x a ng:Person }", "WVW.VWP.");
  CHECK_KINDS("SELECT * { <http://a/b#c> ?p \"x\"@en-GB }", "W..IVSL.");
  CHECK_KINDS("FILTER(?a<?b && ?c >= 3.5e2)", "W.V.V.V.N."); /* '<' before a space is not an IRI */
  CHECK_KINDS("FILTER(?a < ?b)", "W.V.V.");
  CHECK_KINDS("# SERVICE in a comment\nASK {}", "W..");
  CHECK_KINDS("'''a\n'b'''", "S");
  CHECK_KINDS("\"a\\\"b\" 'c'", "SS");
  CHECK_KINDS("\"not closed\nASK", "!W");
  CHECK_KINDS("_:b1 :local rdf: ex:a.b. ?x", "PPPP.V");
  CHECK_KINDS("?x ng:p/ng:q+ ?y", "VP.P.V");
  CHECK_KINDS("\"1\"^^xsd:int -5 +.5", "S.PNN");
  CHECK_KINDS("? $ @", ".!!");
  CHECK_KINDS("\\u0053ERVICE", "!W");
  char buf[64];
  token_text("PREFIX ex: <http://x/> ex:a.b. ?x", 3, buf, sizeof buf);
  CHECK_STR_EQ(buf, "ex:a.b"); /* the dot that ends a triple is not part of the name */
  token_text("SELECT ?x WHERE { ?x ?y \"\"\"long \"\" string\"\"\" }", 6, buf, sizeof buf);
  CHECK_STR_EQ(buf, "\"\"\"long \"\" string\"\"\"");
  NgSparqlToken t = ng_sparql_token("select", 6, 0);
  CHECK(ng_sparql_is_word("select", t, "SELECT"));
  CHECK(!ng_sparql_is_word("select", t, "SELECTS"));
}

/* ---- verdicts --------------------------------------------------------------------- */

static NgGuardVerdict guard(const char *q, char *msg, size_t size) {
  return ng_query_guard(q, strlen(q), NULL, msg, size);
}

/* q is refused and the message, one line, holds `word`. */
static void check_refused_at(const char *q, const char *word, int line) {
  char m[1024];
  int ok = guard(q, m, sizeof m) == NG_GUARD_REFUSED && strstr(m, word) != NULL && strchr(m, '\n') == NULL;
  if (!check_at_(ok, __FILE__, line, q)) fprintf(stderr, "  want refused with '%s'; message: %s\n", word, m);
}
#define CHECK_REFUSED(q, word) check_refused_at((q), (word), __LINE__)

static void check_passes_at(const char *q, int line) {
  char m[1024];
  if (!check_at_(guard(q, m, sizeof m) == NG_GUARD_PASS, __FILE__, line, q)) fprintf(stderr, "  message: %s\n", m);
}
#define CHECK_PASSES(q) check_passes_at((q), __LINE__)

static void test_outside(void) {
  CHECK_REFUSED("SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }", "SERVICE at line 1, column 18");
  CHECK_REFUSED("SELECT * WHERE {\n  service silent <http://127.0.0.1:1/> { ?s ?p ?o } }",
                "SERVICE at line 2, column 3");
  CHECK_REFUSED("SELECT * FROM <file:///tmp/x.nt> WHERE { ?s ?p ?o }", "FROM");
  CHECK_REFUSED("SELECT * FROM NAMED <http://x/> WHERE { ?s ?p ?o }", "FROM");
  CHECK_REFUSED("LOAD <file:///tmp/x.nt>", "LOAD");
  CHECK_REFUSED("INSERT DATA { <a:b> <a:c> <a:d> }", "INSERT");
  CHECK_REFUSED("DELETE WHERE { ?s ?p ?o }", "DELETE");
  CHECK_REFUSED("CLEAR ALL", "CLEAR");
  CHECK_REFUSED("DROP GRAPH <a:b>", "DROP");
  CHECK_REFUSED("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", "escape");
  /* the same words inside strings, IRIs, comments, names and variables are data */
  CHECK_PASSES("SELECT ?service WHERE { ?s <http://x/SERVICE> \"FROM LOAD\" . ?s ex:service ?from } # SERVICE");
  CHECK_PASSES("SELECT ?x WHERE { ?x ?p '''INSERT\nDELETE''' }");
}

static void test_wrong(void) {
  CHECK_REFUSED("SELECT ?p WHERE { ?p a ?c FILTER NOT EXISTS { ?p ?q ?o } }", "EXISTS");
  CHECK_REFUSED("SELECT ?p WHERE { ?p a ?c MINUS { ?p ?q ?o } }", "MINUS");
  CHECK_REFUSED("SELECT ?c WHERE { VALUES ?c { ng:A ng:B } ?s a ?c }", "VALUES");
  CHECK_REFUSED("SELECT ?c WHERE { ?s a ?c } VALUES ?c { ng:A }", "VALUES");
  CHECK_REFUSED("SELECT * WHERE { ?s ng:a/ng:b ?o }", "property path");
  CHECK_REFUSED("SELECT * WHERE { ?s ng:a|ng:b ?o }", "property path");
  CHECK_REFUSED("SELECT * WHERE { ?s ^ng:a ?o }", "property path");
  CHECK_REFUSED("SELECT * WHERE { ?s ng:a* ?o }", "property path");
  CHECK_REFUSED("SELECT * WHERE { ?s ng:a+ ?o }", "property path");
  CHECK_REFUSED("SELECT * WHERE { ?s ng:a? ?o }", "property path");
  CHECK_REFUSED("SELECT * WHERE { ?s !ng:a ?o }", "property path");
  CHECK_REFUSED("SELECT * WHERE { ?s (ng:a|ng:b) ?o }", "property path");
  CHECK_REFUSED("SELECT ?x WHERE { ?s ?p ?l BIND(STRAFTER(STR(?l), \"#\") AS ?x) }", "inside CONCAT");
  CHECK_REFUSED("SELECT ?x WHERE { ?s ?p ?l BIND(CONCAT(\"a\", UCASE(?l)) AS ?x) }", "inside CONCAT");
  CHECK_REFUSED("SELECT ?c ?n WHERE { { SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c } FILTER(?n > 5) }",
                "subquery with GROUP BY");
  CHECK_REFUSED("SELECT ?p ?l WHERE { ?p ng:l ?l { SELECT ?p (COUNT(?o) AS ?n) WHERE { ?p ng:a ?o } GROUP BY ?p } }",
                "subquery with GROUP BY");
  CHECK_REFUSED("SELECT ?p ?n WHERE { OPTIONAL { { SELECT ?p (MAX(?o) AS ?n) WHERE { ?p ng:a ?o } GROUP BY ?p } } }",
                "subquery with GROUP BY");
  /* a query around a grouped subquery is grouped too (rasqal drops its first group as well) */
  CHECK_REFUSED(
      "SELECT ?p ?l WHERE { { SELECT ?p ?n WHERE { { SELECT ?p (COUNT(?o) AS ?n) WHERE { ?p ng:a ?o } GROUP BY "
      "?p } } } ?p ng:l ?l }",
      "subquery with GROUP BY");
  CHECK_REFUSED("SELECT * WHERE { { SELECT ?c WHERE { ?s a ?c } } }", "SELECT *");
  /* what works */
  CHECK_PASSES("SELECT ?c ?n WHERE { { SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c } } ORDER BY ?c");
  CHECK_PASSES("SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c HAVING (COUNT(?s) > 5)");
  CHECK_PASSES("SELECT ?p ?l WHERE { ?p ng:l ?l { SELECT DISTINCT ?p WHERE { ?p ng:a ?o } } }");
  CHECK_PASSES("SELECT * WHERE { ?s a ?c }");
  CHECK_PASSES("SELECT ?x WHERE { ?s ?p ?l BIND(STR(?l) AS ?v) BIND(STRAFTER(?v, \"#\") AS ?x) }");
  CHECK_PASSES("SELECT ?x WHERE { ?s ?p ?l FILTER(?l * 2 > 1 / 3 + -1 || ?l != ?p) BIND(?l * (2 + 1) AS ?x) }");
  CHECK_PASSES("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
  CHECK_PASSES("SELECT ?s WHERE { ?s ng:list (1 2 3) ; ng:b [ ng:c ?d ] }");
}

/* NUL bytes are no brackets (found by fuzz_query: 400 NULs took the
   second pass 400 levels deep into an array of 66) */
static void test_nul(void) {
  char q[600] = "SELECT ?s WHERE { ?s ?p ?o }";
  size_t len = strlen(q) + 500; /* 500 NUL bytes after it */
  char msg[256];
  CHECK(ng_query_guard(q, len, NULL, msg, sizeof msg) != NG_GUARD_TOO_BIG);
  NgSparqlToken t = ng_sparql_token(q, len, strlen(q));
  CHECK_INT_EQ(t.kind, NG_SQ_BAD);
}

static void test_limits(void) {
  NgGuardLimits small = {100, 25, 3};
  char msg[256];
  char big[200];
  memset(big, ' ', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  memcpy(big, "ASK {}", 6);
  CHECK_INT_EQ(ng_query_guard(big, strlen(big), &small, msg, sizeof msg), NG_GUARD_TOO_BIG);
  CHECK(strstr(msg, "199 bytes (limit 100)") != NULL);
  const char *many = "SELECT * WHERE { ?s ?p ?o FILTER(?o = 1 || ?o = 2 || ?o = 3 || ?o = 4 || ?o = 5) }";
  CHECK_INT_EQ(ng_query_guard(many, strlen(many), &small, msg, sizeof msg), NG_GUARD_TOO_BIG);
  CHECK(strstr(msg, "25 tokens") != NULL);
  const char *deep = "ASK { { { { } } } }";
  CHECK_INT_EQ(ng_query_guard(deep, strlen(deep), &small, msg, sizeof msg), NG_GUARD_TOO_BIG);
  CHECK(strstr(msg, "3 levels") != NULL);
  CHECK_INT_EQ(ng_query_guard("ASK { { { } } }", 15, &small, msg, sizeof msg), NG_GUARD_PASS);
  /* the defaults: a FILTER of 200,000 terms (it crashed rasqal) and 10,000 parentheses */
  size_t n = 200000, size = n * 12 + 64, k = 0;
  char *huge = malloc(size);
  CHECK(huge != NULL);
  if (!huge) return;
  k += (size_t)snprintf(huge, size, "SELECT ?s WHERE { ?s ?p ?o FILTER(");
  for (size_t i = 0; i < n && k + 16 < size; ++i)
    k += (size_t)snprintf(huge + k, size - k, "%s?o = %zu", i ? "||" : "", i % 10);
  snprintf(huge + k, size - k, ") }");
  CHECK_INT_EQ(ng_query_guard(huge, strlen(huge), NULL, msg, sizeof msg), NG_GUARD_TOO_BIG);
  NgGuardLimits no_bytes = {(size_t)-1, NG_GUARD_MAX_TOKENS, NG_GUARD_MAX_DEPTH};
  CHECK_INT_EQ(ng_query_guard(huge, strlen(huge), &no_bytes, msg, sizeof msg), NG_GUARD_TOO_BIG);
  CHECK(strstr(msg, "tokens") != NULL);
  memset(huge, '(', 10000);
  CHECK_INT_EQ(ng_query_guard(huge, 10000, NULL, msg, sizeof msg), NG_GUARD_TOO_BIG);
  CHECK(strstr(msg, "levels") != NULL);
  free(huge);
  /* NULL message buffer, text without NUL */
  CHECK_INT_EQ(ng_query_guard("ASK { SERVICE <x:y> {} }", 23, NULL, NULL, 0), NG_GUARD_REFUSED);
  CHECK_INT_EQ(ng_query_guard("ASK {} SERVICE", 6, NULL, NULL, 0), NG_GUARD_PASS);
}

/* ---- rewrites -------------------------------------------------------------------------- */

static void check_rewrite_at(const char *q, const char *want, int line) {
  char *out = NULL, msg[512] = "";
  NgRewrite r = ng_query_rewrite(q, strlen(q), &out, msg, sizeof msg);
  if (!check_int_at_(r, NG_REWRITE_DONE, __FILE__, line, "rewrite", "NG_REWRITE_DONE")) {
    fprintf(stderr, "  %s\n", msg);
    return;
  }
  check_str_at_(out, want, __FILE__, line, "rewritten", "want");
  free(out);
}

#define CHECK_REWRITE(q, want) check_rewrite_at((q), (want), __LINE__)

static void test_rewrite(void) {
  CHECK_REWRITE("ASK { ?s ?p ?o }", "ASK { ?s ?p ?o }");
  CHECK_REWRITE("SELECT ?x WHERE { ?s ?p ?o BIND(STR(?o) AS ?x) }",
                "SELECT ?x WHERE { ?s ?p ?o BIND(COALESCE(STR(?o)) AS ?x) }");
  CHECK_REWRITE("SELECT ?x WHERE { BIND((1 + 2) * 3 AS ?x) BIND(IF(?a, 1, 2) as ?y) }",
                "SELECT ?x WHERE { BIND(COALESCE((1 + 2) * 3) AS ?x) BIND(COALESCE(IF(?a, 1, 2)) as ?y) }");
  CHECK_REWRITE("SELECT ?p (COUNT(?alt) AS ?n) WHERE { ?p a ?c OPTIONAL { ?p ?l ?alt } } GROUP BY ?p",
                "SELECT ?p (SUM(IF(BOUND(?alt), 1, 0)) AS ?n) WHERE { ?p a ?c OPTIONAL { ?p ?l ?alt } } GROUP BY ?p");
  CHECK_REWRITE("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p \"BIND(x AS y) COUNT(?v)\" }",
                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p \"BIND(x AS y) COUNT(?v)\" }");
  CHECK_REWRITE("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }",
                "SELECT (SUM(IF(BOUND(?s), 1, 0)) AS ?n) WHERE { SELECT DISTINCT ?s WHERE { ?s ?p ?o } }");
  CHECK_REWRITE("PREFIX ng: <x:> SELECT ?g ?h (COUNT(DISTINCT ?a) AS ?w) WHERE { ?a ng:m ?g, ?h } GROUP BY ?g ?h "
                "ORDER BY DESC(?w) LIMIT 3",
                "PREFIX ng: <x:> SELECT ?g ?h (SUM(IF(BOUND(?a), 1, 0)) AS ?w) WHERE { SELECT DISTINCT ?g ?h ?a WHERE "
                "{ ?a ng:m ?g, ?h } } GROUP BY ?g ?h ORDER BY DESC(?w) LIMIT 3");
  /* COUNT(DISTINCT) in other shapes: refused, with the rewrite that works */
  const char *refused[] = {
      "SELECT (COUNT(DISTINCT ?s) AS ?n) (COUNT(DISTINCT ?o) AS ?m) WHERE { ?s ?p ?o }",
      "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c HAVING (COUNT(DISTINCT ?s) > 1)",
      "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) (SUM(?x) AS ?t) WHERE { ?s a ?c ; ng:x ?x } GROUP BY ?c",
      "SELECT ?n WHERE { { SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o } } }",
      "ASK { { SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o } } }",
  };
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; ++i) {
    char *out = NULL, msg[512] = "";
    CHECK_INT_EQ(ng_query_rewrite(refused[i], strlen(refused[i]), &out, msg, sizeof msg), NG_REWRITE_REFUSED);
    CHECK(out == NULL);
    CHECK(strstr(msg, "SELECT DISTINCT ?g ?x") != NULL);
  }
}

int main(void) {
  test_tokens();
  test_outside();
  test_wrong();
  test_nul();
  test_limits();
  test_rewrite();
  return check_report();
}
