/* newsgraph -- rules: the one table of extraction rules.
 *
 * Every mention, entity, relation, role, event and statement records the
 * rule that found it as an NgRule.  This table is the only place where a
 * rule's public id (what `ng:rule` and `--explain` print, e.g.
 * "gaz.country") and its confidence live; docs/rules.md lists the same
 * rows and a unit test keeps the two equal.
 *
 * Some ids name one rule that fires in places of different certainty: such
 * a rule has several rows (variants) with the same id and their own
 * confidence ("gaz.country" is 0.97 for a whole capitalized chunk and 0.95
 * for a country found inside a longer one).  A derived rule (`derived`
 * set) makes something from an item found by another rule; its confidence
 * is a factor on that item's confidence ("represents.title-country" is
 * 0.95 times the role's confidence).
 *
 * Code never compares rule ids: what behaviour depends on is carried by
 * flags (see NG_MF_* in recognize.h).
 */
#ifndef NG_RULES_H
#define NG_RULES_H

#include <stddef.h>

/** The stage whose rules a row belongs to. */
typedef enum {
  NG_STAGE_RECOGNIZE, /**< Mentions (recognize.h). */
  NG_STAGE_RESOLVE,   /**< Re-readings of mentions (resolve.h). */
  NG_STAGE_RELATE     /**< Relations, roles, events, statements (relate.h). */
} NgStage;

/** Every rule variant.  The order is the order of docs/rules.md. */
typedef enum {
  /* recognize: gazetteer names */
  NG_RULE_GAZ_COUNTRY,       /**< A whole capitalized chunk is a country. */
  NG_RULE_GAZ_COUNTRY_INNER, /**< A country inside a longer chunk or phrase. */
  NG_RULE_GAZ_CITY,          /**< A whole capitalized chunk is a city. */
  NG_RULE_GAZ_CITY_INNER,    /**< A city inside a longer chunk. */
  NG_RULE_GAZ_REGION,        /**< A whole capitalized chunk is a region. */
  NG_RULE_GAZ_REGION_INNER,  /**< A region inside a longer chunk. */
  NG_RULE_GAZ_ORG,           /**< A whole chunk is a known organization. */
  NG_RULE_GAZ_ORG_INNER,     /**< A known organization inside a chunk, after a cue or "al-". */
  NG_RULE_GAZ_PLACE_LONG,    /**< A place name longer than the capitalized chunk. */
  NG_RULE_GAZ_PLACE_COMPASS, /**< The place in "eastern X" (nested). */
  NG_RULE_GAZ_PLACE_NESTED,  /**< A place named inside a facility, area or institution (nested). */
  /* recognize: names inside title phrases */
  NG_RULE_TITLE_COUNTRY_PREFIX,   /**< "Norway's Prime Minister". */
  NG_RULE_TITLE_ORG_PREFIX_KNOWN, /**< A known organization in front of a title. */
  NG_RULE_TITLE_ORG_PREFIX_HEAD,  /**< An institution with a head word in front of a title. */
  NG_RULE_TITLE_ORG_PREFIX,       /**< An unknown capitalized modifier in front of a title. */
  NG_RULE_TITLE_PLACE_EXTENSION,  /**< "Ambassador to Libya". */
  NG_RULE_TITLE_ORG_EXTENSION,    /**< "Secretary-General of the United Nations". */
  /* recognize: people */
  NG_RULE_PERSON_AFTER_TITLE,          /**< Name words after a title. */
  NG_RULE_PERSON_AFTER_TITLE_GIVEN,    /**< A whole chunk from a given name after a title. */
  NG_RULE_PERSON_GIVEN_NAME,           /**< Name words from a given name, beside other names. */
  NG_RULE_PERSON_GIVEN_NAME_CHUNK,     /**< A whole chunk from a given name. */
  NG_RULE_PERSON_GIVEN_NAME_AFTER_ORG, /**< A given name right after an institution's name. */
  NG_RULE_PERSON_APPOSITION,           /**< "NAME, a senior fellow ...". */
  NG_RULE_PERSON_SPEECH_VERB,          /**< "NAME said", "said NAME". */
  NG_RULE_PERSON_ADMINISTRATION,       /**< "the NAME administration". */
  NG_RULE_PERSON_OF_ORG,               /**< "NAME of the X Institute". */
  /* recognize: organizations */
  NG_RULE_ORG_HEAD_WORD,        /**< An institution head word ("University"). */
  NG_RULE_ORG_PORTFOLIO,        /**< "China's commerce ministry". */
  NG_RULE_ORG_ACRONYM_INITIALS, /**< Words followed by their initials in brackets. */
  NG_RULE_ORG_ACRONYM_THE,      /**< "the PSNI". */
  NG_RULE_ORG_PUBLICATION_CUE,  /**< "the journal X". */
  NG_RULE_ORG_PHOTO_CREDIT,     /**< "Photo: X". */
  NG_RULE_META_PUBLISHER,       /**< The publisher named in the metadata. */
  /* recognize: places */
  NG_RULE_PLACE_FACILITY_OF_PLACE, /**< "Donetsk airport". */
  NG_RULE_PLACE_FACILITY,          /**< "Whitla Hall". */
  NG_RULE_PLACE_FACILITY_OF,       /**< "Great Hall of the People". */
  NG_RULE_PLACE_COMPASS,           /**< "eastern Ukraine". */
  NG_RULE_PLACE_HEAD_WORD,         /**< "North Central Province". */
  NG_RULE_PLACE_AFTER_PREPOSITION, /**< "in X", "travel to X". */
  /* recognize: agreements */
  NG_RULE_AGREEMENT_NAME_HEAD,       /**< "Minsk Accords". */
  NG_RULE_AGREEMENT_NAME_HEAD_AFTER, /**< "Minsk II agreement". */
  NG_RULE_AGREEMENT_HEAD_OF_NAME,    /**< "Treaty of Rome". */
  NG_RULE_AGREEMENT_QUOTED_NAME,     /**< 'a "phase one" trade deal'. */
  /* recognize: other names of the same thing */
  NG_RULE_ACRONYM_PARENTHESIZED, /**< "(RIAC)" after a name. */
  NG_RULE_ALIAS_SHORT_FORM,      /**< A later short form of a name. */
  /* resolve */
  NG_RULE_ALIAS_SURNAME, /**< An organization in front of a title that is a person's surname. */
  /* relate: relations read off the structure of names */
  NG_RULE_NAME_X_OF_Y,           /**< "the Department of X of Y University". */
  NG_RULE_NAME_X_IN_PLACE,       /**< "Embassy in Moscow". */
  NG_RULE_NAME_FACILITY_IN_CITY, /**< "Donetsk airport". */
  NG_RULE_NAME_COMPASS,          /**< "eastern Ukraine". */
  NG_RULE_NAME_AREA,             /**< "Kandahar Province". */
  NG_RULE_NAME_POSSESSIVE_UNIT,  /**< "X University's Institute for Y". */
  /* relate: roles */
  NG_RULE_ROLE_TITLE_BEFORE_NAME, /**< "Foreign Minister X". */
  NG_RULE_ROLE_TITLE_COMMA_NAME,  /**< "British Prime Minister, X". */
  NG_RULE_ROLE_TITLE_CHAIN,       /**< "Speaker Lord X": the title before a title. */
  NG_RULE_ROLE_PLURAL_TITLE,      /**< "former Presidents A and B". */
  NG_RULE_ROLE_APPOSITION,        /**< "X, a senior fellow at Y". */
  NG_RULE_ROLE_HEADING,           /**< A "Name, Title, Institution" heading. */
  /* relate: affiliations */
  NG_RULE_AFFILIATION_APPOSITION,      /**< An organization in an apposition with a title. */
  NG_RULE_AFFILIATION_APPOSITION_BARE, /**< "X, of the Y Institute": no title. */
  NG_RULE_AFFILIATION_HEADING,         /**< An organization in a heading. */
  NG_RULE_AFFILIATION_NAME_OF_ORG,     /**< "X of the Oslo-based Y". */
  NG_RULE_AFFILIATION_ORG_POSSESSIVE,  /**< "Y's X": an organization's possessive before a name. */
  /* relate: represents */
  NG_RULE_REPRESENTS_TITLE_COUNTRY,   /**< A governing title with a country (factor). */
  NG_RULE_REPRESENTS_TITLE_IMPLIES,   /**< "Taoiseach" when the article names Ireland (factor). */
  NG_RULE_REPRESENTS_TITLE_ORG,       /**< Officials and heads of institutions (factor). */
  NG_RULE_REPRESENTS_AIDE_OF,         /**< "X, Lind's adviser". */
  NG_RULE_REPRESENTS_NAME_OF_COUNTRY, /**< "President X of China". */
  /* relate: part of, located in, based in */
  NG_RULE_PARTOF_UNIT_IN_AFFILIATION,  /**< Units of one institution in one block. */
  NG_RULE_PARTOF_COORDINATED,          /**< "the Department of X and the Y Institute of Z". */
  NG_RULE_LOCATED_PLACE_COMMA_COUNTRY, /**< "Moscow, Russia". */
  NG_RULE_LOCATED_ORG_IN_PLACE,        /**< "X in Y": an organization. */
  NG_RULE_LOCATED_PLACE_IN_PLACE,      /**< "X in Y": a place. */
  NG_RULE_LOCATED_PLACE_BASED,         /**< "Washington-based X". */
  NG_RULE_LOCATED_GAZETTEER,           /**< The gazetteer's country of a place. */
  NG_RULE_LOCATED_VIA_CITY,            /**< In a city, so in its country. */
  /* relate: agreements */
  NG_RULE_PARTY_BETWEEN,               /**< "a deal between A and B". */
  NG_RULE_PARTY_VERB,                  /**< "A signed the X agreement". */
  NG_RULE_PARTY_NAMED_AFTER_COUNTRY,   /**< "the Iran agreement". */
  NG_RULE_AGREEMENT_NAMED_AFTER_PLACE, /**< "the Minsk agreements". */
  /* relate: events */
  NG_RULE_MEETING_WITH,        /**< "A met B", "A's meeting with B". */
  NG_RULE_MEETING_BETWEEN,     /**< "talks between A and B". */
  NG_RULE_MEETING_WELCOMED_BY, /**< "A was welcomed by B". */
  NG_RULE_VISIT_TO_PLACE,      /**< "A visited P", "A's visit to P". */
  /* relate: statements */
  NG_RULE_STATEMENT_HEADING_BLOCK, /**< Commentary under a "Name, Title" heading. */
  NG_RULE_STATEMENT_QUOTE_SAID,    /**< A quote next to a speech verb and a speaker. */
  NG_RULE_STATEMENT_ACCORDING_TO,  /**< "According to X, ...". */
  NG_RULE_STATEMENT_SAID_THAT,     /**< "X said that ...". */
  NG_RULE_COUNT
} NgRule;

/** One row of the table. */
typedef struct {
  const char *id;          /**< Public id, e.g. "gaz.country" (static). */
  float confidence;        /**< Confidence in [0, 1], or the factor of a derived rule. */
  NgStage stage;           /**< The stage whose rule it is. */
  int derived;             /**< Non-zero: `confidence` multiplies a source item's. */
  const char *description; /**< One line for docs and `--list-rules` (static). */
} NgRuleInfo;

/** Row `rule` of the table (static); NULL when out of range. */
const NgRuleInfo *ng_rule_info(NgRule rule);

/** Public id of `rule` (static); "-" when out of range. */
const char *ng_rule_id(NgRule rule);

/** Confidence of `rule` (for a derived rule: its factor); 0 when out of
 *  range. */
float ng_rule_confidence(NgRule rule);

#endif /* NG_RULES_H */
