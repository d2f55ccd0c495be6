/* newsgraph -- relate, internal: what the relation stage's files share.
 *
 * relate.c            the driver and the stores of relations, roles,
 *                     events and statements;
 * relate_roles.c      roles, affiliations and "represents" from titles,
 *                     appositions and headings;
 * relate_structure.c  part of, located in and based in (from the structure
 *                     of names and from the text), agreement parties;
 * relate_events.c     meetings and visits, with their dates;
 * relate_statements.c quotes, reported speech and expert commentary.
 * Not a public header: only these files include it.
 */
#ifndef NG_RELATE_IMPL_H
#define NG_RELATE_IMPL_H

#include "relate.h"
#include "strindex.h"
#include "strmap.h"

#include <stddef.h>
#include <stdint.h>

typedef struct NgRoleIndexImpl NgRoleIndex;

typedef struct {
  const char *s;
  const NgSegments *seg;
  const NgToken *t;
  size_t nt;
  const NgLexicon *lex;
  const NgWordFlags *wf; /* per token (ng_lexicon_tag) */
  const NgRecognition *r;
  const NgEntities *e;
  const NgReading *rd; /* per mention: its entity */
  int year, month;     /* publication date (0: unknown) */
  NgRelations *out;
  size_t cap_r, cap_o, cap_e, cap_s;
  NgStatus st;
  uint8_t *phrase;        /* per token: bit 1 inside a title phrase, bit 2 its first token */
  NgStrMap *rel_index;    /* (kind, subject, object) -> index in out->rels */
  NgStrMap *ent_by_lex;   /* lexicon entry -> first entity linked to it */
  NgStrIndex *represents; /* subject -> its "represents" relations (indices in out->rels) */
  NgRoleIndex *roles;     /* the roles so far (relate_roles.c), while ng_rel_roles runs */
  NgStrMap *events;       /* the events so far (relate.c) */
} Ctx;

/* ---- reading the text ---------------------------------------------------- */

/* The flags of word i (0 for other tokens and past the end). */
static inline NgWordFlags W(const Ctx *c, size_t i) { return i < c->nt && c->t[i].kind == NG_TOK_WORD ? c->wf[i] : 0; }
static inline int tok(const Ctx *c, size_t i, const char *w) { return i < c->nt && ng_tok_is(c->s, &c->t[i], w); }
static inline int tok_i(const Ctx *c, size_t i, const char *w) { return i < c->nt && ng_tok_ieq(c->s, &c->t[i], w); }
static inline int punct(const Ctx *c, size_t i, const char *p) {
  return i < c->nt && c->t[i].kind == NG_TOK_PUNCT && ng_tok_is(c->s, &c->t[i], p);
}
static inline int is_lower_word(const Ctx *c, size_t k) {
  return c->t[k].kind == NG_TOK_WORD && (c->t[k].flags & NG_TF_LOWER);
}
static inline size_t sent_end(const Ctx *c, size_t i) { return c->seg->sents[c->t[i].sent].tok_end; }
static inline size_t sent_begin(const Ctx *c, size_t i) { return c->seg->sents[c->t[i].sent].tok_begin; }

/* ---- mentions and entities ------------------------------------------------- */

/* The non-nested mention covering token i, or NULL. */
static inline const NgMention *mention_at(const Ctx *c, size_t i) {
  if (i >= c->nt) return NULL;
  int32_t m = c->r->tok_mention[i];
  return m >= 0 ? &c->r->mentions[m] : NULL;
}
/* The entity of mention m (resolve.h), or -1. */
static inline int32_t entity_of(const Ctx *c, const NgMention *m) { return c->rd[m - c->r->mentions].entity; }
/* The entity named at token i, or -1. */
static inline int32_t ent_at(const Ctx *c, size_t i) {
  const NgMention *m = mention_at(c, i);
  return m ? entity_of(c, m) : -1;
}
static inline NgEntityType etype(const Ctx *c, int32_t e) { return c->e->ents[e].type; }
static inline NgClass ecls(const Ctx *c, int32_t e) { return c->e->ents[e].cls; }
/* Mention m names an entity of type `type`. */
static inline int names_a(const Ctx *c, const NgMention *m, NgEntityType type) {
  return m && entity_of(c, m) >= 0 && etype(c, entity_of(c, m)) == type;
}
/* The person mention starting at token k, or NULL. */
static inline const NgMention *person_at(const Ctx *c, size_t k) {
  const NgMention *m = mention_at(c, k);
  return names_a(c, m, NG_TYPE_PERSON) && m->tok_begin == k ? m : NULL;
}

/* Entity whose lexicon entry is `lex`, or -1. */
int32_t ng_rel_ent_of_lex(const Ctx *c, int32_t lex);
/* Is the trigger at token trig negated or hedged ("did not meet", "would
   visit")?  Looks back up to three words, not before sb. */
int ng_rel_guarded(const Ctx *c, size_t trig, size_t sb);
/* Is paragraph p a "Name, Title..." heading? */
int ng_rel_is_heading(const Ctx *c, const NgSpan *p);

/* ---- the stores (relate.c) ---------------------------------------------------- */

/* A relation with the confidence of its rule; said again, the surest
   reading is kept.  Subjects and objects are entities (-1: nothing). */
void ng_rel_add(Ctx *c, NgRelKind kind, int32_t s, int32_t o, size_t a, size_t b, NgRule rule);
/* A relation derived from an item of confidence `source` by a derived rule. */
void ng_rel_add_derived(Ctx *c, NgRelKind kind, int32_t s, int32_t o, size_t a, size_t b, float source, NgRule rule);
/* A meeting or visit of the entities parts[0..n) (sorted and made
   distinct in place); merged with an equal one found before. */
void ng_rel_add_event(Ctx *c, NgEventKind kind, int32_t *parts, size_t n, int32_t place, const char *date, size_t a,
                      size_t b, NgRule rule);
/* What `who` said: bytes [a, b), named at [ca, cb). */
void ng_rel_add_statement(Ctx *c, int32_t who, size_t a, size_t b, int direct, size_t ca, size_t cb, NgRule rule);
/* The "represents" relations of subject s made so far, in order: a cursor
   over c->represents (ng_strindex_next, ng_strindex_value). */
uint32_t ng_rel_represents_of(const Ctx *c, int32_t s);
/* Grow the array p of capacity *cap to hold n + 1 items (NULL and c->st
   set when out of memory). */
void *ng_rel_grow(Ctx *c, void *p, size_t *cap, size_t n, size_t size);

/* ---- the passes ------------------------------------------------------------------ */

void ng_rel_roles(Ctx *c);       /* relate_roles.c */
void ng_rel_name_of_org(Ctx *c); /* relate_roles.c: "X of the Y", "Y's X" */
void ng_rel_structure(Ctx *c);   /* relate_structure.c */
void ng_rel_agreements(Ctx *c);  /* relate_structure.c */
void ng_rel_events(Ctx *c);      /* relate_events.c */
void ng_rel_statements(Ctx *c);  /* relate_statements.c */

#endif /* NG_RELATE_IMPL_H */
