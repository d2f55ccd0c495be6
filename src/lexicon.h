/* newsgraph -- lexicon: the gazetteers and word lists in data/, loaded
 * into memory and matched against token sequences.
 *
 * In:  the data files (built into the binary, or read from a directory).
 * Out: an NgLexicon: named entries (countries, cities, regions, known
 *      organizations, demonyms, titles) matched longest-first over tokens,
 *      and single-word classes (given names, head words of institutions and
 *      agreements, title modifiers, stop words, months...).
 *
 * Matching compares tokens case-insensitively, except that a lexicon token
 * written in capitals ("US", "AP") needs the same capitals in the text and
 * a capitalized lexicon token needs a capitalized text token (titles excepted:
 * "ambassador" matches "Ambassador").  Curly
 * apostrophes match straight ones.  The data formats are documented in
 * data/README.md.
 */
#ifndef NG_LEXICON_H
#define NG_LEXICON_H

#include "segment.h"
#include "status.h"
#include "types.h"

#include <stddef.h>
#include <stdint.h>

typedef enum {
  NG_LEX_PLACE,   /**< Country, city or region; `cls` tells which. */
  NG_LEX_ORG,     /**< A known organization; `cls` is its class. */
  NG_LEX_DEMONYM, /**< An adjective of a country ("Russian"); see `country`. */
  NG_LEX_TITLE    /**< A title or role ("Foreign Minister"); see `title`. */
} NgLexKind;

/** What a title says about its holder. */
typedef enum {
  NG_TITLE_GOV,        /**< Head of state/government, minister: acts for a state. */
  NG_TITLE_DIPLOMAT,   /**< Ambassador, envoy, negotiator: acts for a state. */
  NG_TITLE_LEGISLATOR, /**< Senator, MP, speaker. */
  NG_TITLE_OFFICIAL,   /**< Spokesperson, press secretary, adviser. */
  NG_TITLE_MILITARY,   /**< Ranks and commands. */
  NG_TITLE_ACADEMIC,   /**< Professor, fellow, scholar, dean. */
  NG_TITLE_MEDIA,      /**< Editor, correspondent. */
  NG_TITLE_BUSINESS,   /**< Chairman, director, CEO, member. */
  NG_TITLE_RELIGIOUS,  /**< Pope, bishop, imam. */
  NG_TITLE_ROYAL,      /**< King, queen, prince. */
  NG_TITLE_HONORIFIC,  /**< Mr., Dr., Lord: part of how a name is said. */
  NG_TITLE_COUNT
} NgTitleClass;

/** Single-word classes (bit flags, see ng_lexicon_word). */
enum {
  NG_W_GIVEN = 1u << 0,        /**< A given name. */
  NG_W_STOP = 1u << 1,         /**< A capitalized word that is not a name. */
  NG_W_MONTH = 1u << 2,        /**< Month name. */
  NG_W_WEEKDAY = 1u << 3,      /**< Day name. */
  NG_W_ORG_HEAD = 1u << 4,     /**< Institution head word ("University"). */
  NG_W_ORG_IN = 1u << 5,       /**< Head that takes "in <place>" ("Embassy"). */
  NG_W_UNIT = 1u << 6,         /**< Head of a unit inside an institution. */
  NG_W_AGR_HEAD = 1u << 7,     /**< Agreement head ("agreement", "accord"). */
  NG_W_AGR_MOD = 1u << 8,      /**< Agreement modifier ("nuclear", "peace"). */
  NG_W_FACILITY = 1u << 9,     /**< Facility head ("airport", "Hall"). */
  NG_W_EVENT = 1u << 10,       /**< Event head ("War", "Summit"): not a name. */
  NG_W_PUB_CUE = 1u << 11,     /**< "journal", "newspaper": a title follows. */
  NG_W_TITLE_MOD = 1u << 12,   /**< "Senior", "Deputy", "Emeritus". */
  NG_W_COMPASS = 1u << 13,     /**< "Eastern", "North". */
  NG_W_CONNECTOR = 1u << 14,   /**< "of", "for", "on", "and", "the", "de". */
  NG_W_MEET = 1u << 15,        /**< Meeting words ("meet", "talks"). */
  NG_W_VISIT = 1u << 16,       /**< Visit words ("visit", "visited"). */
  NG_W_SAY = 1u << 17,         /**< Speech verbs ("said", "told"). */
  NG_W_NEGATION = 1u << 18,    /**< "not", "never", "n't". */
  NG_W_HEDGE = 1u << 19,       /**< "would", "could", "may", "plans". */
  NG_W_PARTY_VERB = 1u << 20,  /**< "sign", "ratify", "implement", "fulfill". */
  NG_W_GOV_BODY = 1u << 21,    /**< "government", "authorities": a state acting. */
  NG_W_PORTFOLIO = 1u << 22,   /**< A ministry's field ("foreign", "commerce"). */
  NG_W_ADJECTIVE = 1u << 23,   /**< Regional/religious adjective ("European"). */
  NG_W_PLACE_HEAD = 1u << 24,  /**< Administrative area head ("Province"). */
  NG_W_NAME_START = 1u << 25,  /**< Some lexicon name (any kind) starts with
                                    this token: ng_lexicon_match() can only
                                    succeed from a token that has it. */
  NG_W_TITLE_START = 1u << 26, /**< Some title starts with this token. */
  NG_W_PARTICLE = 1u << 27,    /**< Name particle ("bin", "von", "de"); also a connector. */
  NG_W_TRAVEL = 1u << 28       /**< Verb of travel: a place follows "to" ("flew to X"). */
};

typedef struct {
  const char *name;     /**< Canonical name. */
  const char *wikidata; /**< Wikidata ID ("Q159") or "". */
  const char *geonames; /**< GeoNames ID or "". */
  const char *iso2;     /**< Own code (countries) or country code, or "". */
  const char *lat;      /**< Latitude as written, or "". */
  const char *lon;      /**< Longitude as written, or "". */
  int32_t country;      /**< Entry index of the country it belongs to, or -1. */
  uint8_t kind;         /**< NgLexKind. */
  uint8_t cls;          /**< NgClass (places, orgs) or NgTitleClass (titles). */
  uint8_t capital;      /**< Non-zero for a national capital. */
} NgLexEntry;

typedef struct NgLexiconImpl NgLexicon;

/** Load the data built into the binary.  *out is owned by the caller
 *  (ng_lexicon_free).  On NG_ERR_SYNTAX, `err` (if not NULL, `err_size`
 *  bytes) receives "file:line: problem". */
NgStatus ng_lexicon_load_builtin(NgLexicon **out, char *err, size_t err_size);

/** Load the data files from directory `dir` instead. */
NgStatus ng_lexicon_load_dir(const char *dir, NgLexicon **out, char *err, size_t err_size);

/** Free the lexicon.  NULL is a no-op. */
void ng_lexicon_free(NgLexicon *lex);

/** Entry `i` (borrowed pointer, valid while the lexicon lives). */
const NgLexEntry *ng_lexicon_entry(const NgLexicon *lex, uint32_t i);

/** Number of entries. */
size_t ng_lexicon_size(const NgLexicon *lex);

/** Up to this many entries are reported for one match. */
#define NG_LEX_MAX_HITS 8

typedef struct {
  size_t ntok;                       /**< Tokens matched (0: no match). */
  size_t n;                          /**< Number of entries in `entries`. */
  uint32_t entries[NG_LEX_MAX_HITS]; /**< Entry indices, in data-file order. */
} NgLexMatch;

/** Longest match of an entry of one of the kinds in `kind_mask` (bits
 *  1 << NgLexKind) starting at token `from` and ending at or before token
 *  `to` (exclusive).  Returns m->ntok. */
size_t ng_lexicon_match(const NgLexicon *lex, const char *text, const NgToken *toks, size_t from, size_t to,
                        unsigned kind_mask, NgLexMatch *m);

/** NG_W_* flags of the single token `t` (0 when none).  NG_W_GIVEN needs a
 *  capitalized token; other classes match regardless of case. */
uint32_t ng_lexicon_word(const NgLexicon *lex, const char *text, const NgToken *t);

/** Organization class implied by an NG_W_ORG_HEAD word (NG_CLS_ORGANIZATION
 *  when the data gives none). */
NgClass ng_lexicon_head_class(const NgLexicon *lex, const char *text, const NgToken *t);

/** Index of the country entry with ISO code `iso2`, or -1. */
int32_t ng_lexicon_country(const NgLexicon *lex, const char *iso2);

/** Write the normalized match key of token `t` into buf (size >= 8 +
 *  4 * token length): lowercase ASCII, curly apostrophes as "'".
 *  Returns its length. */
size_t ng_lexicon_token_key(const char *text, const NgToken *t, char *buf);

#endif /* NG_LEXICON_H */
