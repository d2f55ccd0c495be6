/* newsgraph -- IRI minting: slugs and percent-encoding.
 *
 * Entity IRIs are <base><type>/<slug>: the slug is derived from the
 * canonical label only, so the same type and name give the same IRI in
 * every run and every article.  Slugs are lowercase ASCII letters, digits
 * and single hyphens; letters with diacritics are transliterated ("é" ->
 * "e", Cyrillic -> Latin); other characters separate words; apostrophes
 * and periods vanish ("U.S." -> "us", "Queen’s" -> "queens").  Slugs longer
 * than NG_SLUG_MAX keep a prefix plus 8 hex digits of a hash of the whole.
 */
#ifndef NG_IRI_H
#define NG_IRI_H

#include <stddef.h>

#define NG_SLUG_MAX 64

/** Write the slug of UTF-8 `label` into out (size >= NG_SLUG_MAX + 1).
 *  Never empty: a label with no letters or digits gives "x" plus a hash.
 *  Returns the slug length. */
size_t ng_slugify(const char *label, char *out);

/** Percent-encode `s` for use in an IRI: keeps ASCII letters, digits and
 *  -._~:/?#[]@!$&'()*+,;=% and encodes everything else (space, <>"{}|^`\,
 *  control characters and non-ASCII bytes) as %XX.  Returns a new string
 *  owned by the caller (free()), or NULL when out of memory. */
char *ng_iri_encode(const char *s);

/** Non-zero when `iri` is absolute (has a scheme) and holds none of the
 *  characters that RDF syntaxes forbid in IRIs. */
int ng_iri_is_valid(const char *iri);

#endif /* NG_IRI_H */
