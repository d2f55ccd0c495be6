/* newsgraph -- scheme: the IRI scheme.
 *
 * The one module that spells a namespace or a path segment.  Everything
 * newsgraph names is an IRI: no blank nodes are ever produced.
 *
 * Namespaces: the ontology (NG_NS) and the vocabularies it uses (NG_NS_RDF,
 * NG_NS_RDFS, ...), as string literal macros so that a term is written
 * NG_NS "confidence".
 *
 * Minted IRIs, under a base IRI that ends with '/' and holds no '#'
 * (NG_DEFAULT_BASE unless the user gives another; spans add their own
 * fragment to the article's IRI, and an IRI has one fragment at most):
 *
 *     entity     <base><type>/<slug>            type: person, org, place, agreement
 *     article    <base>article/<doc>            also the article's named graph
 *     context    <article>#char=0,N             its text as a NIF context
 *     span       <article>#char=B,E             a mention or a piece of evidence
 *     role       <base>role/<doc>/<person>--<title>[--former][-K]
 *     event      <base>event/<doc>/meeting-N    or visit-N
 *     statement  <base>statement/<doc>/said-N
 *     assertion  <base>assertion/<doc>/rel-N    a direct edge, reified
 *
 * Entity IRIs depend only on the type and the canonical name, so the same
 * entity has the same IRI in every article; everything else belongs to one
 * article (<doc>, its IRI-safe name).  Offsets B, E, N count Unicode code
 * points.  The entity type segment is ng_type_slug() (types.h).
 *
 * Every minting function writes the IRI into out[0..size), cut short and
 * NUL-terminated when it does not fit (as snprintf), and returns the length
 * of the whole IRI.  A buffer of NG_IRI_MAX bytes holds every IRI minted
 * from a base of at most NG_BASE_MAX bytes and a doc of at most
 * NG_SLUG_MAX (iri.h).
 */
#ifndef NG_SCHEME_H
#define NG_SCHEME_H

#include "triple.h"
#include "types.h"

#include <stddef.h>

/** The ontology namespace. */
#define NG_NS "https://w3id.org/newsgraph/ontology#"
#define NG_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NG_NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NG_NS_OWL "http://www.w3.org/2002/07/owl#"
#define NG_NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define NG_NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NG_NS_PROV "http://www.w3.org/ns/prov#"
#define NG_NS_NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define NG_NS_ITS "http://www.w3.org/2005/11/its/rdf#"
#define NG_NS_GEO "http://www.w3.org/2003/01/geo/wgs84_pos#"
/** Wikidata entities (wd:Q585). */
#define NG_NS_WD "http://www.wikidata.org/entity/"

/** The default base IRI of minted resources. */
#define NG_DEFAULT_BASE "https://w3id.org/newsgraph/id/"
/** The longest base IRI accepted (bytes). */
#define NG_BASE_MAX 1024
/** A buffer size that holds every minted IRI (see above). */
#define NG_IRI_MAX 2048

/** Non-zero when `base` can be the base of minted IRIs: valid UTF-8
 *  without noncharacters, an absolute IRI (iri.h) of at most NG_BASE_MAX
 *  bytes that ends with '/', holds no '#' (the span <article>#char=B,E
 *  would hold two) and no dot segment ("/./", "/../": readers resolve them
 *  away, so the IRIs read back would not be the IRIs written). */
int ng_scheme_base_ok(const char *base);

/** Why `base` cannot be a base (one phrase, static storage: "holds a
 *  '#'..."), or NULL when ng_scheme_base_ok(base). */
const char *ng_scheme_base_problem(const char *base);

/** <base><type>/<slug>: an entity. */
size_t ng_scheme_entity(const char *base, NgEntityType type, const char *slug, char *out, size_t size);

/** <base>article/<doc>: the article, and the name of its graph in N-Quads
 *  and in the store. */
size_t ng_scheme_article(const char *base, const char *doc, char *out, size_t size);

/** <article>#char=0,<n_chars>: the article's text as a NIF context. */
size_t ng_scheme_context(const char *article, size_t n_chars, char *out, size_t size);

/** <article>#char=<begin>,<end>: a span of the text, offsets in code
 *  points. */
size_t ng_scheme_span(const char *article, size_t begin, size_t end, char *out, size_t size);

/** <base>role/<doc>/<person>--<title>[--former]: a person holding a title
 *  in the article; <title> is the slug of `title` cut to 40 bytes, and
 *  `former` non-zero adds "--former".  A second role with the same IRI is
 *  told apart by ng_scheme_role_again(). */
size_t ng_scheme_role(const char *base, const char *doc, const char *person_slug, const char *title, int former,
                      char *out, size_t size);

/** Make the role IRI out[0..len) the k-th (k >= 2) of that name: "-k" is
 *  appended when it fits in `size`. */
void ng_scheme_role_again(char *out, size_t len, size_t size, unsigned k);

/** <base>event/<doc>/meeting-<n> when `meeting` is non-zero, else
 *  <base>event/<doc>/visit-<n>: the n-th (from 1) meeting or visit. */
size_t ng_scheme_event(const char *base, const char *doc, int meeting, size_t n, char *out, size_t size);

/** <base>statement/<doc>/said-<n>: the n-th (from 1) statement. */
size_t ng_scheme_statement(const char *base, const char *doc, size_t n, char *out, size_t size);

/** <base>assertion/<doc>/rel-<n>: the n-th (from 1) direct edge, reified. */
size_t ng_scheme_assertion(const char *base, const char *doc, size_t n, char *out, size_t size);

/** The local name of an IRI in the ontology namespace ("Person" for
 *  NG_NS "Person"), or NULL for any other IRI.  Borrowed from `iri`. */
const char *ng_scheme_ontology_local(const char *iri);

/** `iri` without `base` ("person/anna-petrova"): a short id that is unique
 *  among IRIs under the base; `iri` itself when it is not under `base` (or
 *  is the base, or `base` is NULL or empty).  Borrowed from `iri`. */
const char *ng_scheme_local(const char *base, const char *iri);

/** Most prefixes a document's Turtle output declares. */
#define NG_SCHEME_MAX_PREFIXES 24

/** The prefixes of one document's Turtle output: the fixed vocabularies
 *  (ng, rdfs, owl, xsd, skos, prov, nif, itsrdf, geo, wd; rdf: is declared
 *  by raptor's serializer itself), then the minted ones under the base (one
 *  per entity type: person, org, place, agreement, and article), then the
 *  per-document ones (role, event, statement, assertion: <base><kind>/<doc>/).
 *  Self-contained: `prefixes` points into `ns` and static strings. */
typedef struct {
  NgPrefix prefixes[NG_SCHEME_MAX_PREFIXES];
  size_t n;
  char ns[NG_TYPE_COUNT + 5][NG_IRI_MAX]; /**< The minted namespaces. */
} NgSchemePrefixes;

/** Fill *out with the prefixes of document `doc` under `base`.  *out holds
 *  pointers into itself: do not copy it. */
void ng_scheme_prefixes(const char *base, const char *doc, NgSchemePrefixes *out);

#endif /* NG_SCHEME_H */
