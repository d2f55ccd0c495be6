/* Tests of scheme.h: every minted IRI spelled out, the prefix table, the
 * base check, and IRIs cut short in small buffers. */
#include "check.h"
#include "scheme.h"

#include <stdio.h>
#include <string.h>

#define B "http://ex.org/id/"

static void test_minted(void) {
  char out[NG_IRI_MAX];
  CHECK_INT_EQ(ng_scheme_entity(B, NG_TYPE_PERSON, "anna-petrova", out, sizeof out), strlen(B "person/anna-petrova"));
  CHECK_STR_EQ(out, B "person/anna-petrova");
  ng_scheme_entity(B, NG_TYPE_ORG, "npi", out, sizeof out);
  CHECK_STR_EQ(out, B "org/npi");
  ng_scheme_entity(B, NG_TYPE_PLACE, "oslo", out, sizeof out);
  CHECK_STR_EQ(out, B "place/oslo");
  ng_scheme_entity(B, NG_TYPE_AGREEMENT, "minsk-agreements", out, sizeof out);
  CHECK_STR_EQ(out, B "agreement/minsk-agreements");
  CHECK_INT_EQ(ng_scheme_article(B, "doc", out, sizeof out), strlen(B "article/doc"));
  CHECK_STR_EQ(out, B "article/doc");
  char article[NG_IRI_MAX];
  ng_scheme_article(B, "doc", article, sizeof article);
  ng_scheme_context(article, 1234, out, sizeof out);
  CHECK_STR_EQ(out, B "article/doc#char=0,1234");
  ng_scheme_span(article, 7, 19, out, sizeof out);
  CHECK_STR_EQ(out, B "article/doc#char=7,19");
  ng_scheme_event(B, "doc", 1, 2, out, sizeof out);
  CHECK_STR_EQ(out, B "event/doc/meeting-2");
  ng_scheme_event(B, "doc", 0, 1, out, sizeof out);
  CHECK_STR_EQ(out, B "event/doc/visit-1");
  ng_scheme_statement(B, "doc", 3, out, sizeof out);
  CHECK_STR_EQ(out, B "statement/doc/said-3");
  ng_scheme_assertion(B, "doc", 12, out, sizeof out);
  CHECK_STR_EQ(out, B "assertion/doc/rel-12");
}

static void test_role(void) {
  char out[NG_IRI_MAX];
  size_t n = ng_scheme_role(B, "doc", "anna-petrova", "Foreign Minister", 0, out, sizeof out);
  CHECK_STR_EQ(out, B "role/doc/anna-petrova--foreign-minister");
  CHECK_INT_EQ(n, strlen(out));
  ng_scheme_role_again(out, n, sizeof out, 2);
  CHECK_STR_EQ(out, B "role/doc/anna-petrova--foreign-minister-2");
  ng_scheme_role(B, "doc", "x", "Ambassador", 1, out, sizeof out);
  CHECK_STR_EQ(out, B "role/doc/x--ambassador--former");
  /* the title's slug is cut to 40 bytes (a '-' at the cut stays) */
  ng_scheme_role(B, "d", "x", "Deputy Assistant Secretary of State for European and Eurasian Affairs", 0, out,
                 sizeof out);
  CHECK_STR_EQ(out, B "role/d/x--deputy-assistant-secretary-of-state-for-");
}

static void test_short_buffer(void) {
  char out[12];
  size_t n = ng_scheme_article(B, "doc", out, sizeof out);
  CHECK_INT_EQ(n, strlen(B "article/doc")); /* the whole length, as snprintf */
  CHECK_STR_EQ(out, "http://ex.o");
  ng_scheme_role_again(out, n, sizeof out, 2); /* does not fit: unchanged */
  CHECK_STR_EQ(out, "http://ex.o");
}

static void test_terms(void) {
  CHECK_STR_EQ(ng_scheme_ontology_local(NG_NS "metWith"), "metWith");
  CHECK(ng_scheme_ontology_local(NG_NS_RDFS "label") == NULL);
  CHECK_STR_EQ(ng_scheme_local(B, B "person/x"), "person/x");
  CHECK_STR_EQ(ng_scheme_local(B, "http://other.org/x"), "http://other.org/x");
  CHECK_STR_EQ(ng_scheme_local(B, B), B); /* the base itself stays whole */
  CHECK_STR_EQ(ng_scheme_local(NULL, B "person/x"), B "person/x");
  CHECK_STR_EQ(ng_scheme_local("", B "person/x"), B "person/x");
}

static void test_base(void) {
  CHECK(ng_scheme_base_ok(NG_DEFAULT_BASE));
  CHECK(ng_scheme_base_ok("urn:x/"));
  CHECK(!ng_scheme_base_ok("urn:x#"));          /* spans would have two fragments */
  CHECK(!ng_scheme_base_ok("http://ex.org/#")); /* the same */
  CHECK(!ng_scheme_base_ok("http://ex.org/#a/"));
  CHECK(!ng_scheme_base_ok(""));
  CHECK(!ng_scheme_base_ok("http://ex.org/id"));   /* no '/' at the end */
  CHECK(!ng_scheme_base_ok("relative/"));          /* not absolute */
  CHECK(!ng_scheme_base_ok("http://ex.org/a b/")); /* a space */
  char longest[NG_BASE_MAX + 2];
  memset(longest, 'a', sizeof longest);
  memcpy(longest, "http://", 7);
  longest[NG_BASE_MAX - 1] = '/';
  longest[NG_BASE_MAX] = '\0';
  CHECK(ng_scheme_base_ok(longest));
  longest[NG_BASE_MAX - 1] = 'a';
  longest[NG_BASE_MAX] = '/';
  longest[NG_BASE_MAX + 1] = '\0';
  CHECK(!ng_scheme_base_ok(longest));
}

static void test_prefixes(void) {
  static const char *const want[][2] = {{"ng", NG_NS},
                                        {"rdfs", NG_NS_RDFS},
                                        {"owl", NG_NS_OWL},
                                        {"xsd", NG_NS_XSD},
                                        {"skos", NG_NS_SKOS},
                                        {"prov", NG_NS_PROV},
                                        {"nif", NG_NS_NIF},
                                        {"itsrdf", NG_NS_ITS},
                                        {"geo", NG_NS_GEO},
                                        {"wd", NG_NS_WD},
                                        {"person", B "person/"},
                                        {"org", B "org/"},
                                        {"place", B "place/"},
                                        {"agreement", B "agreement/"},
                                        {"article", B "article/"},
                                        {"role", B "role/doc/"},
                                        {"event", B "event/doc/"},
                                        {"statement", B "statement/doc/"},
                                        {"assertion", B "assertion/doc/"}};
  static NgSchemePrefixes px; /* 20 KB: not on the stack */
  ng_scheme_prefixes(B, "doc", &px);
  if (!CHECK_INT_EQ(px.n, sizeof want / sizeof want[0])) return;
  for (size_t i = 0; i < px.n; ++i) {
    CHECK_STR_EQ(px.prefixes[i].prefix, want[i][0]);
    CHECK_STR_EQ(px.prefixes[i].ns, want[i][1]);
  }
  /* every minted IRI abbreviates with one of them */
  char out[NG_IRI_MAX];
  ng_scheme_statement(B, "doc", 1, out, sizeof out);
  CHECK(strncmp(out, px.prefixes[17].ns, strlen(px.prefixes[17].ns)) == 0);
}

int main(void) {
  test_minted();
  test_role();
  test_short_buffer();
  test_terms();
  test_base();
  test_prefixes();
  return check_report();
}
