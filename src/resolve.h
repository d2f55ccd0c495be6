/* newsgraph -- resolve: cluster mentions into entities.
 *
 * In:  the recognition (mentions are updated in place: each gets its
 *      `entity` index, or -1 when dropped), text, segments and lexicon.
 * Out: an NgEntities table, one row per real-world entity of the article.
 *
 * Rules, each recorded as the entity's `rule` when it decided:
 *   - gazetteer entries: one entity per entry ("U.S." = "US" = "United States");
 *   - acronyms given in parentheses and short forms found by the second pass
 *     join the entity of the name they abbreviate;
 *   - people: a surname alone, or a first + last name, joins the one person
 *     of the article whose full name ends (and starts) the same way; with
 *     several candidates the nearest earlier one wins;
 *   - organizations: "X" joins "X in Y" ("U.S. Embassy" / "U.S. Embassy in
 *     Moscow"); same normalized name, same entity;
 *   - agreements: the same capitalized name words, whatever the head word
 *     ("Minsk agreements" = "Minsk Accords");
 *   - never across types.  Mentions only nested in other names (NG_MF_NESTED)
 *     are kept only when their entity is also named on its own.
 * A gazetteer link is unsure (`link_unsure`) when each name that made it
 * also fits another entry with a different Wikidata ID.
 * The canonical label is the gazetteer name, else the fullest name used;
 * other names become altLabels (for people, also title + name forms such as
 * "Minister Olsen").
 */
#ifndef NG_RESOLVE_H
#define NG_RESOLVE_H

#include "lexicon.h"
#include "recognize.h"
#include "segment.h"
#include "status.h"
#include "text.h"
#include "types.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
  char *label; /**< Canonical label (no titles). */
  char **alt;  /**< Other names used for it, sorted, without `label`. */
  size_t n_alt;
  char *slug; /**< IRI slug of the label (see iri.h). */
  NgEntityType type;
  NgClass cls;
  int32_t lex;      /**< Lexicon entry, or -1. */
  int link_unsure;  /**< Every name that linked it also fits another
                         gazetteer entry: the link is a best guess. */
  float confidence; /**< Highest mention confidence. */
  NgRule rule;      /**< Rule of the mention that decided the type. */
  uint32_t n_mentions;
  size_t first; /**< Byte offset of the first mention. */
} NgEntity;

typedef struct {
  NgEntity *ents; /**< In order of first mention.  All strings owned here. */
  size_t n;
} NgEntities;

/** Resolve the mentions of `rec` (updating their `entity` fields).
 *  On success *out is owned by the caller (ng_entities_free). */
NgStatus ng_resolve(const NgText *text, const NgSegments *seg, const NgLexicon *lex, NgRecognition *rec,
                    NgEntities **out);

/** Free `ents`.  NULL is a no-op. */
void ng_entities_free(NgEntities *ents);

#endif /* NG_RESOLVE_H */
