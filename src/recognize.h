/* newsgraph -- recognize: candidate mentions of people, organizations,
 * places and agreements, and the title phrases around them.
 *
 * In:  the text, its segments, the lexicon, and extra known names (the
 *      publisher named in the document's metadata).
 * Out: an NgRecognition:
 *   - mentions: token/byte spans that name an entity, each with a class
 *     guess, the lexicon entry it matched (if any), the id of the rule that
 *     found it and a confidence in [0,1];
 *   - titles: role phrases such as "former U.S. Ambassador to Russia"
 *     (with the country or organization named in front of the title and a
 *     "former" flag), used by the relation stage;
 *   - links between mentions read off the structure of names ("Lowell
 *     Institute of Northfield University": part of; "Embassy in Moscow":
 *     based in; "Eastern Ukraine": located in).
 * Rules (the id each mention records as `rule`):
 *   - gaz.*: gazetteer names, longest match, also past where a capitalized
 *     chunk would stop ("Islamic State of Iraq and the Levant") and from a
 *     lower-case "al-"; title.country-prefix / title.org-prefix /
 *     title.org-extension / title.place-extension: names inside title
 *     phrases ("Norway's Prime Minister", "International Criminal Court (ICC) Prosecutor",
 *     "Secretary-General of the United Nations", "Ambassador to Libya");
 *   - person.after-title, person.given-name, person.apposition,
 *     person.speech-verb: capitalized runs after a title, starting with a
 *     given name, before ", a <title>" or next to "said" (name particles
 *     such as "bin" and syllables such as "Ki-moon" included; never a
 *     weekday or a leading demonym);
 *   - org.head-word (institution head words, "X and Y" split when both
 *     have one, "Government of X"), org.portfolio ("China's commerce
 *     ministry"), org.acronym-initials ("National People's Power [NPP]"),
 *     org.acronym-the ("the PSNI"), org.publication-cue, org.photo-credit;
 *   - agreement.*: agreement head words, "Treaty of X", quoted names;
 *   - place.facility, place.compass+place, place.head-word ("North
 *     Central Province"), place.after-preposition ("in X", "travel to X");
 *   - acronym.parenthesized ("(NMC)", "[NPP]"), alias.short-form (later
 *     short forms of names found above).
 * Nothing here decides which mentions denote the same entity: see resolve.h.
 */
#ifndef NG_RECOGNIZE_H
#define NG_RECOGNIZE_H

#include "lexicon.h"
#include "rules.h"
#include "segment.h"
#include "status.h"
#include "text.h"
#include "types.h"

#include <stddef.h>
#include <stdint.h>

enum {
  NG_MF_NESTED = 1u << 0,      /**< Inside another name; kept only if the entity
                                    is also named on its own. */
  NG_MF_POSS = 1u << 1,        /**< Followed by a possessive 's. */
  NG_MF_ACRONYM = 1u << 2,     /**< An acronym given in parentheses. */
  NG_MF_ALIAS = 1u << 3,       /**< A short form of a name seen elsewhere. */
  NG_MF_QUOTED = 1u << 4,      /**< A name given in quotes ('a "phase one" deal'). */
  NG_MF_TITLE_PREFIX = 1u << 5 /**< Named in front of a title ("Dahl adviser"):
                                    maybe a person's surname. */
};

typedef struct {
  size_t tok_begin, tok_end; /**< Token span [begin, end). */
  size_t start, end;         /**< Byte span of the name. */
  int32_t lex;               /**< Lexicon entry matched, or -1. */
  int32_t title;             /**< Title phrase right before it, or -1. */
  int32_t link;              /**< Mention this one abbreviates, or -1. */
  int32_t entity;            /**< Set by ng_resolve(); -1 before. */
  float confidence;          /**< In [0, 1]. */
  uint16_t flags;            /**< NG_MF_* bits. */
  uint8_t cls;               /**< NgClass. */
  NgRule rule;               /**< The rule that found it (rules.h). */
} NgMention;

typedef struct {
  size_t tok_begin, tok_end;   /**< The whole phrase, prefixes included. */
  size_t core_begin, core_end; /**< The title itself ("Ambassador to Russia"). */
  size_t lex_begin, lex_end;   /**< The tokens the lexicon title matched. */
  int32_t lex;                 /**< Lexicon title entry of the head word(s). */
  int32_t country;             /**< Country (lexicon entry) named in front, or -1. */
  int32_t org;                 /**< Organization mention named in front, or -1. */
  uint8_t former;              /**< "former", "ex-". */
} NgTitle;

typedef enum {
  NG_LINK_PART_OF,   /**< a is part of b (organizations). */
  NG_LINK_BASED_IN,  /**< organization a is based in place b. */
  NG_LINK_LOCATED_IN /**< place a lies in place b. */
} NgLinkKind;

typedef struct {
  uint8_t kind; /**< NgLinkKind. */
  int32_t a, b; /**< Mention indices. */
  NgRule rule;  /**< The rule relate records for it (rules.h). */
} NgLink;

typedef struct {
  NgMention *mentions; /**< Sorted by start offset. */
  size_t n_mentions;
  NgTitle *titles; /**< Sorted by start offset. */
  size_t n_titles;
  NgLink *links;
  size_t n_links;
  int32_t *tok_mention; /**< Per token: covering non-nested mention or -1. */
  int32_t *tok_title;   /**< Per token: covering title phrase or -1. */
  uint32_t *tok_words;  /**< Per token: ng_lexicon_word() flags (0 for
                             punctuation other than "&"), computed once. */
} NgRecognition;

/** The title phrase whose core ends right before token `tok` (found also
 *  when its last tokens are a place mention: "Ambassador to Libya"), or -1. */
int32_t ng_recognition_title_ending(const NgRecognition *r, size_t tok);

/** Recognize mentions in `text`.  `extra_orgs` (may be NULL) lists
 *  `n_extra` organization names known from metadata (the publisher).
 *  On success *out is owned by the caller (ng_recognition_free). */
NgStatus ng_recognize(const NgText *text, const NgSegments *seg, const NgLexicon *lex, const char *const *extra_orgs,
                      size_t n_extra, NgRecognition **out);

/** Free `rec`.  NULL is a no-op. */
void ng_recognition_free(NgRecognition *rec);

#endif /* NG_RECOGNIZE_H */
