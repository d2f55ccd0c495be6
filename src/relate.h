/* newsgraph -- relate: what the text says about the entities.
 *
 * In:  the source (source.h: text, segments, lexicon, word flags, and the
 *      metadata, whose publication date resolves "May 12"), the recognition
 *      and the entities with the reading of every mention (resolve.h); all
 *      borrowed.  relate is the one stage that makes relations: also those
 *      read off the structure of names (NgNamePart: part of, based in,
 *      located in).
 * Out: an NgRelations with
 *   - relations: direct edges between entities (affiliated with, represents,
 *     part of, located in, based in, party to, named after, met with);
 *   - roles: a person holding a title, at an organization and/or for a
 *     country, current or former, with the phrase as written;
 *   - events: meetings and visits with participants, place and date;
 *   - statements: what a person said (a quote, reported speech such as
 *     "X said that ..." or "According to X, ...", or an expert's
 *     commentary under a "Name, Title" heading), as a span of the text.
 * Rules (rules.h, docs/rules.md): role.title-before-name, role.title-comma-name,
 * role.apposition, role.heading, role.plural-title, role.title-chain;
 * affiliation.apposition,
 * affiliation.heading, affiliation.name-of-org ("X of the Y Institute");
 * represents.title-country ("Norwegian Foreign Minister X", "Norway's
 * Prime Minister X"), represents.name-of-country ("President X of
 * China"), represents.title-implies-country ("Taoiseach X", when Ireland is
 * named), represents.title-org (officials and heads of international
 * organizations and state bodies), represents.aide-of ("X, Lind's
 * adviser"); meeting.with / meeting.between ("A met [Title] B", "A hosted
 * B", "talks between A and B"), meeting.welcomed-by, visit.*; located.*,
 * partof.*; org.x-of-y, org.x-in-place, org.possessive-unit,
 * place.facility-in-city, place.compass+place and place.head-word from the
 * name parts; party.*; statement.quote-said, statement.said-that,
 * statement.according-to, statement.heading-block.
 * Every item carries the rule that produced it, a confidence in [0,1] (the
 * rule's, or for a derived rule its factor times the source item's) and
 * the byte span of its evidence.  Negated or hypothetical
 * meetings, visits and reported speech ("did not meet", "would visit",
 * "did not say that") are skipped.
 */
#ifndef NG_RELATE_H
#define NG_RELATE_H

#include "recognize.h"
#include "resolve.h"
#include "rules.h"
#include "source.h"
#include "status.h"

#include <stddef.h>
#include <stdint.h>

typedef enum {
  NG_REL_AFFILIATED,  /**< person -> organization */
  NG_REL_REPRESENTS,  /**< person -> country or organization */
  NG_REL_PART_OF,     /**< organization -> organization */
  NG_REL_LOCATED_IN,  /**< place -> place */
  NG_REL_BASED_IN,    /**< organization -> place */
  NG_REL_PARTY_TO,    /**< country or organization -> agreement */
  NG_REL_NAMED_AFTER, /**< agreement -> place */
  NG_REL_MET_WITH,    /**< person -> person (from meetings; subject < object) */
  NG_REL_COUNT
} NgRelKind;

typedef struct {
  uint8_t kind;            /**< NgRelKind. */
  int32_t subj, obj;       /**< Entity indices. */
  size_t ev_start, ev_end; /**< Evidence span (bytes). */
  float confidence;
  NgRule rule;
} NgRelation;

typedef struct {
  int32_t person, org, country; /**< Entities (org, country may be -1). */
  char *title;                  /**< Core title, e.g. "Ambassador to Russia". Owned. */
  char *text;                   /**< The phrase as written. Owned. */
  uint8_t former;
  uint8_t title_class; /**< NgTitleClass. */
  size_t ev_start, ev_end;
  float confidence;
  NgRule rule;
} NgRole;

typedef enum { NG_EVENT_MEETING, NG_EVENT_VISIT } NgEventKind;

typedef struct {
  uint8_t kind;          /**< NgEventKind. */
  int32_t *participants; /**< Entity indices, sorted, owned. */
  size_t n_participants;
  int32_t place; /**< Entity or -1. */
  char date[11]; /**< "YYYY-MM-DD" or "". */
  size_t ev_start, ev_end;
  float confidence;
  NgRule rule;
} NgEvent;

typedef struct {
  int32_t speaker;           /**< Person entity. */
  size_t start, end;         /**< Byte span of what was said. */
  uint8_t direct;            /**< 1: a direct quote; 0: commentary/paraphrase. */
  size_t cue_start, cue_end; /**< Span naming the speaker. */
  float confidence;
  NgRule rule;
} NgStatement;

typedef struct {
  NgRelation *rels;
  size_t n_rels;
  NgRole *roles;
  size_t n_roles;
  NgEvent *events;
  size_t n_events;
  NgStatement *stmts;
  size_t n_stmts;
} NgRelations;

/** Extract the relations of `src` between the entities `ents` of the
 *  mentions `rec`.  On success *out is owned by the caller
 *  (ng_relations_free). */
NgStatus ng_relate(const NgSource *src, const NgRecognition *rec, const NgEntities *ents, NgRelations **out);

/** Free `rels`.  NULL is a no-op. */
void ng_relations_free(NgRelations *rels);

/** Short name of a relation kind ("affiliatedWith", ...). Static. */
const char *ng_rel_name(NgRelKind kind);

#endif /* NG_RELATE_H */
