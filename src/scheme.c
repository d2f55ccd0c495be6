#include "scheme.h"

#include "iri.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

/* The path segments under the base and in the article's IRI. */
#define SEG_ARTICLE "article"
#define FRAG_CHAR "#char="
typedef enum { DOC_ROLE, DOC_EVENT, DOC_STATEMENT, DOC_ASSERTION, DOC_KINDS } DocKind;
static const char *const DOC_KIND[DOC_KINDS] = {"role", "event", "statement", "assertion"};

/* Role titles are cut to this many bytes of their slug. */
#define ROLE_TITLE_MAX 40

/* snprintf's result as a length (0 for an encoding error, which %s and %zu
   never give). */
static size_t length(int n) { return n > 0 ? (size_t)n : 0; }

const char *ng_scheme_base_problem(const char *base) {
  size_t n = strlen(base);
  if (ng_utf8_valid_prefix(base, n) != n || ng_utf8_noncharacter(base, n) != n) return "is not valid UTF-8 text";
  if (strchr(base, '#'))
    return "holds a '#': the IRIs of text spans add their own fragment (#char=B,E); end the base in '/' instead";
  if (!ng_iri_is_valid(base) || !n || base[n - 1] != '/') return "is not an absolute IRI ending in '/'";
  if (n > NG_BASE_MAX) return "is too long";
  const char *path = strstr(base, "://");
  path = path ? strchr(path + 3, '/') : strchr(base, '/');
  if (path && (strstr(path, "/./") || strstr(path, "/../")))
    return "holds a dot segment ('/./' or '/../'), which RDF readers resolve away";
  return NULL;
}

int ng_scheme_base_ok(const char *base) { return ng_scheme_base_problem(base) == NULL; }

size_t ng_scheme_entity(const char *base, NgEntityType type, const char *slug, char *out, size_t size) {
  return length(snprintf(out, size, "%s%s/%s", base, ng_type_slug(type), slug));
}

size_t ng_scheme_article(const char *base, const char *doc, char *out, size_t size) {
  return length(snprintf(out, size, "%s" SEG_ARTICLE "/%s", base, doc));
}

size_t ng_scheme_context(const char *article, size_t n_chars, char *out, size_t size) {
  return ng_scheme_span(article, 0, n_chars, out, size);
}

/* v in decimal at out (room for 20 digits); returns the number of digits. */
static size_t put_decimal(size_t v, char *out) {
  char tmp[24];
  size_t n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  for (size_t i = 0; i < n; ++i) out[i] = tmp[n - 1 - i];
  return n;
}

/* A document has hundreds of spans: they are written without printf when
   they surely fit. */
size_t ng_scheme_span(const char *article, size_t begin, size_t end, char *out, size_t size) {
  size_t al = strlen(article);
  if (al + sizeof FRAG_CHAR + 2 * (size_t)20 + 2 > size)
    return length(snprintf(out, size, "%s" FRAG_CHAR "%zu,%zu", article, begin, end));
  memcpy(out, article, al);
  size_t k = al;
  memcpy(out + k, FRAG_CHAR, sizeof FRAG_CHAR - 1);
  k += sizeof FRAG_CHAR - 1;
  k += put_decimal(begin, out + k);
  out[k++] = ',';
  k += put_decimal(end, out + k);
  out[k] = '\0';
  return k;
}

size_t ng_scheme_role(const char *base, const char *doc, const char *person_slug, const char *title, int former,
                      char *out, size_t size) {
  char tslug[NG_SLUG_MAX + 1];
  ng_slugify(title, tslug);
  if (strlen(tslug) > ROLE_TITLE_MAX) tslug[ROLE_TITLE_MAX] = '\0';
  return length(snprintf(out, size, "%s%s/%s/%s--%s%s", base, DOC_KIND[DOC_ROLE], doc, person_slug, tslug,
                         former ? "--former" : ""));
}

void ng_scheme_role_again(char *out, size_t len, size_t size, unsigned k) {
  if (len < size) snprintf(out + len, size - len, "-%u", k);
}

size_t ng_scheme_event(const char *base, const char *doc, int meeting, size_t n, char *out, size_t size) {
  return length(
      snprintf(out, size, "%s%s/%s/%s-%zu", base, DOC_KIND[DOC_EVENT], doc, meeting ? "meeting" : "visit", n));
}

size_t ng_scheme_statement(const char *base, const char *doc, size_t n, char *out, size_t size) {
  return length(snprintf(out, size, "%s%s/%s/said-%zu", base, DOC_KIND[DOC_STATEMENT], doc, n));
}

size_t ng_scheme_assertion(const char *base, const char *doc, size_t n, char *out, size_t size) {
  return length(snprintf(out, size, "%s%s/%s/rel-%zu", base, DOC_KIND[DOC_ASSERTION], doc, n));
}

const char *ng_scheme_ontology_local(const char *iri) {
  static const size_t n = sizeof NG_NS - 1;
  return strncmp(iri, NG_NS, n) == 0 ? iri + n : NULL;
}

const char *ng_scheme_local(const char *base, const char *iri) {
  size_t bl = base ? strlen(base) : 0;
  return bl && strncmp(iri, base, bl) == 0 && iri[bl] ? iri + bl : iri;
}

/* The vocabularies every document declares; rdf: is declared by raptor's
   Turtle serializer itself. */
static const NgPrefix FIXED[] = {{"ng", NG_NS},        {"rdfs", NG_NS_RDFS}, {"owl", NG_NS_OWL}, {"xsd", NG_NS_XSD},
                                 {"skos", NG_NS_SKOS}, {"prov", NG_NS_PROV}, {"nif", NG_NS_NIF}, {"itsrdf", NG_NS_ITS},
                                 {"geo", NG_NS_GEO},   {"wd", NG_NS_WD}};
#define N_FIXED (sizeof FIXED / sizeof FIXED[0])

/* Add the prefix `name` for the namespace <base><name>/, or with a `doc`
   for <base><name>/<doc>/, stored in out->ns. */
static void add_minted(NgSchemePrefixes *out, const char *name, const char *base, const char *doc) {
  char *ns = out->ns[out->n - N_FIXED];
  if (doc)
    snprintf(ns, NG_IRI_MAX, "%s%s/%s/", base, name, doc);
  else
    snprintf(ns, NG_IRI_MAX, "%s%s/", base, name);
  out->prefixes[out->n++] = (NgPrefix){name, ns};
}

void ng_scheme_prefixes(const char *base, const char *doc, NgSchemePrefixes *out) {
  out->n = 0;
  for (size_t i = 0; i < N_FIXED; ++i) out->prefixes[out->n++] = FIXED[i];
  for (int t = 0; t < NG_TYPE_COUNT; ++t) add_minted(out, ng_type_slug((NgEntityType)t), base, NULL);
  add_minted(out, SEG_ARTICLE, base, NULL);
  for (int k = 0; k < DOC_KINDS; ++k) add_minted(out, DOC_KIND[k], base, doc);
}
