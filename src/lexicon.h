/* newsgraph -- lexicon: the gazetteers and word lists in data/, loaded
 * into memory and matched against token sequences.
 *
 * In:  the data files (built into the binary, or read from a directory).
 * Out: an NgLexicon: named entries (countries, cities, regions, known
 *      organizations, demonyms, titles) matched longest-first over tokens,
 *      single-word classes (given names, head words of institutions and
 *      agreements, title modifiers, stop words, months...) and the cue words
 *      of single constructions ("former", "Photo:", "met"), and the
 *      segmenter's vocabulary (abbreviations and sentence openers).  The
 *      lexicon owns all word knowledge: the stages ask it (or the flags of
 *      ng_lexicon_tag) and spell no English word list of their own.
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

/** Word classes and cue words of one token (bit flags, see ng_lexicon_word
 *  and ng_lexicon_tag); the roles of data/words.tsv and the other word
 *  lists. */
typedef uint64_t NgWordFlags;

#define NG_W_BIT(n) ((NgWordFlags)1 << (n))
#define NG_W_GIVEN NG_W_BIT(0)       /**< A given name. */
#define NG_W_STOP NG_W_BIT(1)        /**< A capitalized word that is not a name. */
#define NG_W_MONTH NG_W_BIT(2)       /**< Month name (see ng_lexicon_month). */
#define NG_W_WEEKDAY NG_W_BIT(3)     /**< Day name. */
#define NG_W_ORG_HEAD NG_W_BIT(4)    /**< Institution head word ("University"). */
#define NG_W_ORG_IN NG_W_BIT(5)      /**< Head that takes "in <place>" ("Embassy"). */
#define NG_W_UNIT NG_W_BIT(6)        /**< Head of a unit inside an institution. */
#define NG_W_AGR_HEAD NG_W_BIT(7)    /**< Agreement head ("agreement", "accord"). */
#define NG_W_AGR_MOD NG_W_BIT(8)     /**< Agreement modifier ("nuclear", "peace"). */
#define NG_W_FACILITY NG_W_BIT(9)    /**< Facility head ("airport", "Hall"). */
#define NG_W_EVENT NG_W_BIT(10)      /**< Event head ("War", "Summit"): not a name. */
#define NG_W_PUB_CUE NG_W_BIT(11)    /**< "journal", "newspaper": a title follows. */
#define NG_W_TITLE_MOD NG_W_BIT(12)  /**< "Senior", "Deputy", "Emeritus". */
#define NG_W_COMPASS NG_W_BIT(13)    /**< "Eastern", "North". */
#define NG_W_CONNECTOR NG_W_BIT(14)  /**< "of", "for", "on", "and", "the", "de". */
#define NG_W_MEET NG_W_BIT(15)       /**< Meeting words ("meet", "talks"). */
#define NG_W_VISIT NG_W_BIT(16)      /**< Visit words ("visit", "visited"). */
#define NG_W_SAY NG_W_BIT(17)        /**< Speech verbs ("said", "told"). */
#define NG_W_NEGATION NG_W_BIT(18)   /**< "not", "never", "n't". */
#define NG_W_HEDGE NG_W_BIT(19)      /**< "would", "could", "may", "plans". */
#define NG_W_PARTY_VERB NG_W_BIT(20) /**< "sign", "ratify", "implement", "fulfill". */
#define NG_W_GOV_BODY NG_W_BIT(21)   /**< "government", "authorities": a state acting. */
#define NG_W_PORTFOLIO NG_W_BIT(22)  /**< A ministry's field ("foreign", "commerce"). */
#define NG_W_ADJECTIVE NG_W_BIT(23)  /**< Regional/religious adjective ("European"). */
#define NG_W_PLACE_HEAD NG_W_BIT(24) /**< Administrative area head ("Province"). */
#define NG_W_NAME_START                                                                                                \
  NG_W_BIT(25)                        /**< Some lexicon name (any kind) starts with this                               \
                                           token: ng_lexicon_match() can only succeed                                  \
                                           from a token that has it. */
#define NG_W_TITLE_START NG_W_BIT(26) /**< Some title starts with this token. */
#define NG_W_PARTICLE NG_W_BIT(27)    /**< Name particle ("bin", "von", "de"); also a connector. */
#define NG_W_TRAVEL NG_W_BIT(28)      /**< Verb of travel: a place follows "to" ("flew to X"). */
/* Cue words of single constructions. */
#define NG_W_TITLE_SUFFIX NG_W_BIT(29)        /**< After a title, part of it ("Emeritus"). */
#define NG_W_TITLE_HYPHEN_SUFFIX NG_W_BIT(30) /**< After a title and a hyphen ("-elect"). */
#define NG_W_TITLE_DESCRIPTOR NG_W_BIT(31)    /**< "Vietnam's new president". */
#define NG_W_FORMER NG_W_BIT(32)              /**< "former" before a title. */
#define NG_W_THEN NG_W_BIT(33)                /**< "then" before a title (not former). */
#define NG_W_FORMER_PREFIX NG_W_BIT(34)       /**< "ex-" before a title: former. */
#define NG_W_TITLE_PREFIX NG_W_BIT(35)        /**< "ex-", "co-": part of the title. */
#define NG_W_CAPTION NG_W_BIT(36)             /**< "Photo:" opens a caption. */
#define NG_W_CREDIT NG_W_BIT(37)              /**< "Credit:" opens a credit line. */
#define NG_W_ARTICLE_PREFIX NG_W_BIT(38)      /**< "al-", "el-" in lower case. */
#define NG_W_PLACE_PREFIX NG_W_BIT(39)        /**< "Trans-", "Pan-": an adjective. */
#define NG_W_ADMINISTRATION NG_W_BIT(40)      /**< "the NAME administration". */
#define NG_W_BASED NG_W_BIT(41)               /**< "Oslo-based X": X is based there. */
#define NG_W_LOCATED_PARTICIPLE NG_W_BIT(42)  /**< "of the Oslo-based/-headquartered X". */
#define NG_W_APPOSITION_ADVERB NG_W_BIT(43)   /**< "NAME, now a senior fellow". */
#define NG_W_MEET_OBJECT NG_W_BIT(44)         /**< "met X": the object is the other party. */
#define NG_W_HOST_PASSIVE NG_W_BIT(45)        /**< "welcomed by X": X is the host. */
#define NG_W_COMPOUND_TAIL NG_W_BIT(46)       /**< "-led", "-era": no name syllable. */

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
NgWordFlags ng_lexicon_word(const NgLexicon *lex, const char *text, const NgToken *t);

/** The flags of every token of `seg`: ng_lexicon_word() of each token, 0
 *  for punctuation other than "&".  *out is a new array of seg->n_toks + 1
 *  entries (the last is 0), owned by the caller (free()). */
NgStatus ng_lexicon_tag(const NgLexicon *lex, const char *text, const NgSegments *seg, NgWordFlags **out);

/** The number (1-12) of the month the token `t` names, or 0. */
int ng_lexicon_month(const NgLexicon *lex, const char *text, const NgToken *t);

/** The segmenter's vocabulary (data/segment.tsv), borrowed from the lexicon. */
const NgSegVocab *ng_lexicon_seg_vocab(const NgLexicon *lex);

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
