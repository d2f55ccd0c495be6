/* newsgraph -- resolve: cluster mentions into entities.
 *
 * In:  the source (source.h) and its recognition, both borrowed and left
 *      as they are.
 * Out: an NgEntities table, owned by the caller: one row per real-world
 *      entity of the article, and for every mention of the recognition what
 *      resolve made of it (NgReading: its entity, or -1 when dropped, and
 *      the rule that decided its reading).
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
 *     are kept only when their entity is also named on its own;
 *   - alias.surname: an organization guessed in front of a title that is
 *     the surname of a person named in full ("Dahl adviser") is read as
 *     that person.
 * A gazetteer link is unsure (`link_unsure`) when each name that made it
 * also fits another entry with a different Wikidata ID.
 * The canonical label is the gazetteer name, else the fullest name used;
 * other names become altLabels (for people, also title + name forms such as
 * "Minister Olsen").
 */
#ifndef NG_RESOLVE_H
#define NG_RESOLVE_H

#include "recognize.h"
#include "rules.h"
#include "source.h"
#include "status.h"
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

/** What resolve made of one mention of the recognition. */
typedef struct {
  int32_t entity; /**< The entity it names, or -1 when dropped. */
  uint8_t cls;    /**< NgClass it is read as (the mention's own, but for a
                       re-read surname: NG_CLS_PERSON). */
  NgRule rule;    /**< The rule that decided its reading: the mention's own, or
                       resolve's (NG_RULE_ALIAS_SURNAME) when it re-read it. */
} NgReading;

typedef struct {
  NgEntity *ents; /**< In order of first mention.  All strings owned here. */
  size_t n;
  NgReading *readings; /**< One per mention of the recognition, same order. */
  size_t n_readings;
} NgEntities;

/** Resolve the mentions of `rec` (borrowed, read only) found in `src`.
 *  On success *out is owned by the caller (ng_entities_free). */
NgStatus ng_resolve(const NgSource *src, const NgRecognition *rec, NgEntities **out);

/** Free `ents`.  NULL is a no-op. */
void ng_entities_free(NgEntities *ents);

#endif /* NG_RESOLVE_H */
