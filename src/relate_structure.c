/* newsgraph -- relate: part of, located in and based in, from the structure
 * of names (recognize's name parts) and from the text ("Moscow, Russia",
 * "X in Y", "Oslo-based X"), from the gazetteer; and the parties of
 * agreements ("a deal between A and B", "A signed the X agreement", "the
 * Iran agreement"). */
#include "relate_impl.h"

#include <stdlib.h>

/* ---- the structure of names ------------------------------------------------- */

/* The relation and rule each name shape gives. */
static const struct {
  NgRelKind kind;
  NgRule rule;
} NAME_RELATIONS[NG_NAME_COUNT] = {
    [NG_NAME_OF] = {NG_REL_PART_OF, NG_RULE_NAME_X_OF_Y},
    [NG_NAME_IN_PLACE] = {NG_REL_BASED_IN, NG_RULE_NAME_X_IN_PLACE},
    [NG_NAME_FACILITY] = {NG_REL_LOCATED_IN, NG_RULE_NAME_FACILITY_IN_CITY},
    [NG_NAME_COMPASS] = {NG_REL_LOCATED_IN, NG_RULE_NAME_COMPASS},
    [NG_NAME_AREA] = {NG_REL_LOCATED_IN, NG_RULE_NAME_AREA},
    [NG_NAME_POSSESSIVE] = {NG_REL_PART_OF, NG_RULE_NAME_POSSESSIVE_UNIT},
};

/* "the Department of X and the Y Institute of Z": X is part of Z too. */
static void coordinated_part(Ctx *c, const NgMention *ma, int32_t b, size_t b_end) {
  size_t q = ma->tok_begin;
  if (q > 0 && tok(c, q - 1, "the")) --q;
  if (q == 0 || !tok(c, q - 1, "and")) return;
  const NgMention *x = mention_at(c, q - 2);
  if (names_a(c, x, NG_TYPE_ORG))
    ng_rel_add(c, NG_REL_PART_OF, entity_of(c, x), b, x->start, b_end, NG_RULE_PARTOF_COORDINATED);
}

static void name_parts(Ctx *c) {
  const NgRecognition *r = c->r;
  for (size_t i = 0; i < r->n_parts; ++i) {
    const NgNamePart *P = &r->parts[i];
    const NgMention *ma = &r->mentions[P->a], *mb = &r->mentions[P->b];
    int32_t a = entity_of(c, ma), b = entity_of(c, mb);
    NgRelKind kind = NAME_RELATIONS[P->shape].kind;
    ng_rel_add(c, kind, a, b, ma->start, ma->end, NAME_RELATIONS[P->shape].rule);
    if (kind == NG_REL_PART_OF) coordinated_part(c, ma, b, mb->end);
  }
}

/* ---- places and organizations in the text ------------------------------------------ */

/* "Moscow, Russia": a place, a comma and a country (no possessive after it). */
static void place_comma_country(Ctx *c, const NgMention *m, int32_t left) {
  size_t e = m->tok_end;
  if (!punct(c, e, ",") || etype(c, left) != NG_TYPE_PLACE) return;
  int32_t rgt = ent_at(c, e + 1);
  if (rgt < 0 || ecls(c, rgt) != NG_CLS_COUNTRY || ecls(c, left) == NG_CLS_COUNTRY) return;
  const NgMention *rm = mention_at(c, e + 1);
  if (rm && (rm->tok_end >= c->nt || !(c->t[rm->tok_end].flags & NG_TF_POSS)))
    ng_rel_add(c, NG_REL_LOCATED_IN, left, rgt, m->start, rm->end, NG_RULE_LOCATED_PLACE_COMMA_COUNTRY);
}

/* "X in/at [the] Y": an organization (not a news agency) based in a place,
   or a place (not a country) "in" a place. */
static void in_place(Ctx *c, const NgMention *m) {
  size_t e = m->tok_end, q = e + 1;
  int32_t x = entity_of(c, m);
  if (!(tok(c, e, "in") || tok(c, e, "at")) || x < 0) return;
  if (tok(c, q, "the")) ++q;
  int32_t y = ent_at(c, q);
  const NgMention *ym = mention_at(c, q);
  if (y < 0 || !ym || ym->tok_begin != q || etype(c, y) != NG_TYPE_PLACE) return;
  if (etype(c, x) == NG_TYPE_ORG && ecls(c, x) != NG_CLS_NEWSAGENCY)
    ng_rel_add(c, NG_REL_BASED_IN, x, y, m->start, ym->end, NG_RULE_LOCATED_ORG_IN_PLACE);
  else if (etype(c, x) == NG_TYPE_PLACE && tok(c, e, "in") && ecls(c, x) != NG_CLS_COUNTRY)
    ng_rel_add(c, NG_REL_LOCATED_IN, x, y, m->start, ym->end, NG_RULE_LOCATED_PLACE_IN_PLACE);
}

/* "Washington-based X": the organization within a few words after it. */
static void place_based(Ctx *c, const NgMention *m) {
  size_t e = m->tok_end;
  int32_t place = entity_of(c, m);
  if (etype(c, place) != NG_TYPE_PLACE || !punct(c, e, "-") || !(W(c, e + 1) & NG_W_BASED)) return;
  size_t q = e + 2;
  while (q < c->nt && q < e + 6 && !mention_at(c, q) && c->t[q].kind == NG_TOK_WORD) ++q;
  int32_t org = ent_at(c, q);
  if (org >= 0 && etype(c, org) == NG_TYPE_ORG)
    ng_rel_add(c, NG_REL_BASED_IN, org, place, m->start, c->t[q].end, NG_RULE_LOCATED_PLACE_BASED);
}

/* Per token k: the place nested in a name that ends right before k, or -1.
   Owned by the caller; NULL when out of memory. */
static int32_t *nested_places(const Ctx *c) {
  int32_t *nested_end = malloc((c->nt + 1) * sizeof *nested_end);
  if (!nested_end) return NULL;
  for (size_t k = 0; k <= c->nt; ++k) nested_end[k] = -1;
  for (size_t j = 0; j < c->r->n_mentions; ++j) {
    const NgMention *n = &c->r->mentions[j];
    if ((n->flags & NG_MF_NESTED) && names_a(c, n, NG_TYPE_PLACE)) nested_end[n->tok_end] = entity_of(c, n);
  }
  return nested_end;
}

static void places_in_text(Ctx *c) {
  int32_t *nested_end = nested_places(c);
  if (!nested_end) {
    c->st = NG_ERR_NOMEM;
    return;
  }
  for (size_t i = 0; i < c->nt; ++i) {
    const NgMention *m = mention_at(c, i);
    if (!m || m->tok_begin != i) continue;
    /* a place nested at the end of this name stands for it ("Embassy in
       Moscow, Russia") */
    int32_t left = nested_end[m->tok_end] >= 0 ? nested_end[m->tok_end] : entity_of(c, m);
    if (left < 0) continue;
    place_comma_country(c, m, left);
    in_place(c, m);
    place_based(c, m);
  }
  free(nested_end);
}

/* ---- the gazetteer ----------------------------------------------------------------- */

/* A gazetteer place lies in its country, when the article names both. */
static void gazetteer_countries(Ctx *c) {
  for (size_t i = 0; i < c->e->n; ++i) {
    const NgEntity *x = &c->e->ents[i];
    if (x->type != NG_TYPE_PLACE || x->lex < 0 || x->cls == NG_CLS_COUNTRY) continue;
    const NgLexEntry *le = ng_lexicon_entry(c->lex, (uint32_t)x->lex);
    int32_t country = ng_rel_ent_of_lex(c, le->country);
    if (country >= 0 && country != (int32_t)i)
      ng_rel_add(c, NG_REL_LOCATED_IN, (int32_t)i, country, x->first, x->first, NG_RULE_LOCATED_GAZETTEER);
  }
}

/* Facilities and regions inside a city lie in the city's country (also
   for the relations this adds). */
static void via_cities(Ctx *c) {
  for (size_t i = 0; i < c->out->n_rels; ++i) {
    NgRelation x = c->out->rels[i];
    if (x.kind != NG_REL_LOCATED_IN || ecls(c, x.obj) != NG_CLS_CITY) continue;
    const NgEntity *city = &c->e->ents[x.obj];
    if (city->lex < 0) continue;
    int32_t country = ng_rel_ent_of_lex(c, ng_lexicon_entry(c->lex, (uint32_t)city->lex)->country);
    if (country >= 0 && ecls(c, x.subj) != NG_CLS_CITY)
      ng_rel_add(c, NG_REL_LOCATED_IN, x.subj, country, x.ev_start, x.ev_end, NG_RULE_LOCATED_VIA_CITY);
  }
}

void ng_rel_structure(Ctx *c) {
  name_parts(c);
  places_in_text(c);
  gazetteer_countries(c);
  via_cities(c);
}

/* ---- agreements ---------------------------------------------------------------------- */

/* A country or an organization can be party to an agreement. */
static int actor(const Ctx *c, int32_t e) {
  return e >= 0 && (ecls(c, e) == NG_CLS_COUNTRY || etype(c, e) == NG_TYPE_ORG);
}

/* "a deal between the United States and China". */
static void parties_between(Ctx *c, const NgMention *m, int32_t agr, size_t se) {
  if (!tok(c, m->tok_end, "between")) return;
  for (size_t q = m->tok_end + 1; q < se; ++q) {
    if (tok(c, q, "the") || tok(c, q, "and") || punct(c, q, ",")) continue;
    const NgMention *xm = mention_at(c, q);
    int32_t x = xm ? entity_of(c, xm) : -1;
    if (!xm || (!actor(c, x) && !(x >= 0 && etype(c, x) == NG_TYPE_PLACE))) break;
    ng_rel_add(c, NG_REL_PARTY_TO, x, agr, m->start, c->t[q].end, NG_RULE_PARTY_BETWEEN);
    q = xm->tok_end - 1;
  }
}

/* The verb of a party before the agreement ("fulfill", "implement",
   "sign"), at most eight words back; *v receives it. */
static int party_verb_before(const Ctx *c, const NgMention *m, size_t sb, size_t *v) {
  for (size_t q = m->tok_begin; q > sb && q + 8 > m->tok_begin; --q)
    if (W(c, q - 1) & NG_W_PARTY_VERB) {
      *v = q - 1;
      return 1;
    }
  return 0;
}

/* "X ... fulfill/implement/sign ... the AGREEMENT": the nearest actor
   before the verb in the same clause (not past a person). */
static void party_of_verb(Ctx *c, const NgMention *m, int32_t agr, size_t sb) {
  size_t v;
  if (!party_verb_before(c, m, sb, &v) || ng_rel_guarded(c, v, sb)) return;
  for (size_t q = v; q > sb && q + 10 > v; --q) {
    if (punct(c, q - 1, ",") || punct(c, q - 1, ":") || punct(c, q - 1, ";")) return;
    const NgMention *x = mention_at(c, q - 1);
    if (!x || entity_of(c, x) < 0) continue;
    if (etype(c, entity_of(c, x)) == NG_TYPE_PERSON) return;
    if (actor(c, entity_of(c, x))) {
      ng_rel_add(c, NG_REL_PARTY_TO, entity_of(c, x), agr, x->start, m->end, NG_RULE_PARTY_VERB);
      return;
    }
    q = x->tok_begin + 1;
  }
}

/* Named after a place: "the Iran agreement" (a country is a party), "the
   Minsk agreements". */
static void named_after(Ctx *c, const NgMention *m, int32_t agr) {
  NgLexMatch lm;
  if (!ng_lexicon_match(c->lex, c->s, c->t, m->tok_begin, m->tok_end, 1u << NG_LEX_PLACE, &lm)) return;
  int32_t x = -1;
  for (size_t q = 0; q < lm.n && x < 0; ++q) x = ng_rel_ent_of_lex(c, (int32_t)lm.entries[q]);
  if (x >= 0 && ecls(c, x) == NG_CLS_COUNTRY)
    ng_rel_add(c, NG_REL_PARTY_TO, x, agr, m->start, m->end, NG_RULE_PARTY_NAMED_AFTER_COUNTRY);
  else if (x >= 0)
    ng_rel_add(c, NG_REL_NAMED_AFTER, agr, x, m->start, m->end, NG_RULE_AGREEMENT_NAMED_AFTER_PLACE);
}

void ng_rel_agreements(Ctx *c) {
  for (size_t i = 0; i < c->r->n_mentions; ++i) {
    const NgMention *m = &c->r->mentions[i];
    int32_t agr = entity_of(c, m);
    if (agr < 0 || m->cls != NG_CLS_AGREEMENT || (m->flags & NG_MF_NESTED)) continue;
    parties_between(c, m, agr, sent_end(c, m->tok_begin));
    party_of_verb(c, m, agr, sent_begin(c, m->tok_begin));
    named_after(c, m, agr);
  }
}
