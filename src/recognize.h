/* newsgraph -- recognize: candidate mentions of people, organizations,
 * places and agreements, and the title phrases around them.
 *
 * In:  an NgSource (source.h): the text, its segments, the lexicon and the
 *      word flags of its tokens, and the metadata (the publisher is a
 *      known name).
 * Out: an NgRecognition, owned by the caller:
 *   - mentions: token/byte spans that name an entity, each with a class
 *     guess, the lexicon entry it matched (if any), the rule that found it
 *     (rules.h) and that rule's confidence;
 *   - titles: role phrases such as "former U.S. Ambassador to Russia"
 *     (with the country or organization named in front of the title and a
 *     "former" flag), used by the relation stage;
 *   - name parts: how one name is built on another ("Lowell Institute of
 *     Northfield University", "Embassy in Moscow", "eastern Ukraine"), which
 *     the relation stage reads as part of, based in, located in.
 * Rules (rules.h, docs/rules.md):
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
 * Nothing here decides which mentions denote the same entity (resolve.h)
 * or what they have to do with each other (relate.h).
 */
#ifndef NG_RECOGNIZE_H
#define NG_RECOGNIZE_H

#include "rules.h"
#include "source.h"
#include "status.h"
#include "types.h"

#include <stddef.h>
#include <stdint.h>

/** Longest run of capitalized words (with their connectors) read as one
 *  name, and longest run a title reaches over: a longer one is cut there
 *  (pathological input; no name comes near it).  It bounds the rules that
 *  take a name apart ("X and Y", "X of Y"), which is what keeps their cost
 *  linear (docs/speed.md).  NgRecognition counts the cuts. */
#define NG_REC_MAX_RUN 32

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
  float confidence;          /**< The confidence of `rule`. */
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

/** How the name of mention `a` is built on the name of mention `b`. */
typedef enum {
  NG_NAME_OF,         /**< "A of B": two institutions, the first named "of" the second. */
  NG_NAME_IN_PLACE,   /**< "Embassy in Moscow": a place (b) named inside an institution's name. */
  NG_NAME_FACILITY,   /**< "Donetsk airport": a facility named after a place. */
  NG_NAME_COMPASS,    /**< "eastern Ukraine": a compass word and a place. */
  NG_NAME_AREA,       /**< "Kandahar Province": an area named after a place. */
  NG_NAME_POSSESSIVE, /**< "X University's Institute": b's possessive before a. */
  NG_NAME_COUNT
} NgNameShape;

typedef struct {
  uint8_t shape; /**< NgNameShape. */
  int32_t a, b;  /**< Mention indices. */
} NgNamePart;

typedef struct {
  NgMention *mentions; /**< Sorted by start offset. */
  size_t n_mentions;
  NgTitle *titles; /**< Sorted by start offset. */
  size_t n_titles;
  NgNamePart *parts; /**< In the order the names were read. */
  size_t n_parts;
  int32_t *tok_mention; /**< Per token: covering non-nested mention or -1. */
  int32_t *tok_title;   /**< Per token: covering title phrase or -1. */
  size_t n_cut_runs;    /**< Runs of capitalized words cut at NG_REC_MAX_RUN. */
} NgRecognition;

/** The title phrase whose core ends right before token `tok` (found also
 *  when its last tokens are a place mention: "Ambassador to Libya"), or -1. */
int32_t ng_recognition_title_ending(const NgRecognition *r, size_t tok);

/** Recognize the mentions of `src` (borrowed; the publisher of its
 *  metadata, if any, is a known name).  On success *out is owned by the
 *  caller (ng_recognition_free). */
NgStatus ng_recognize(const NgSource *src, NgRecognition **out);

/** Free `rec`.  NULL is a no-op. */
void ng_recognition_free(NgRecognition *rec);

#endif /* NG_RECOGNIZE_H */
