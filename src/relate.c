#include "relate.h"

#include "strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
  const char *s;
  const NgSegments *seg;
  const NgToken *t;
  size_t nt;
  const NgLexicon *lex;
  const NgRecognition *r;
  const NgEntities *e;
  int year, month, day;
  NgRelations *out;
  size_t cap_r, cap_o, cap_e, cap_s;
  NgStatus st;
  uint8_t *phrase;     /* per token: bit 1 inside a title phrase, bit 2 its first token */
  NgStrMap *rel_index; /* (kind, subject, object) -> index in out->rels */
} Ctx;

static const char *const REL_NAMES[NG_REL_COUNT] = {"affiliatedWith", "represents", "partOf",     "locatedIn",
                                                    "basedIn",        "partyTo",    "namedAfter", "metWith"};

const char *ng_rel_name(NgRelKind k) { return k < NG_REL_COUNT ? REL_NAMES[k] : "related"; }

/* ---- helpers ---------------------------------------------------------- */

static uint32_t W(const Ctx *c, size_t i) { return i < c->nt && c->t[i].kind == NG_TOK_WORD ? c->r->tok_words[i] : 0; }
static int tok(const Ctx *c, size_t i, const char *w) { return i < c->nt && ng_tok_is(c->s, &c->t[i], w); }
static int tok_i(const Ctx *c, size_t i, const char *w) { return i < c->nt && ng_tok_ieq(c->s, &c->t[i], w); }
static int punct(const Ctx *c, size_t i, const char *p) {
  return i < c->nt && c->t[i].kind == NG_TOK_PUNCT && ng_tok_is(c->s, &c->t[i], p);
}
static const NgMention *mention_at(const Ctx *c, size_t i) {
  if (i >= c->nt) return NULL;
  int32_t m = c->r->tok_mention[i];
  return m >= 0 ? &c->r->mentions[m] : NULL;
}
static int32_t ent_at(const Ctx *c, size_t i) {
  const NgMention *m = mention_at(c, i);
  return m ? m->entity : -1;
}
static NgEntityType etype(const Ctx *c, int32_t e) { return c->e->ents[e].type; }
static NgClass ecls(const Ctx *c, int32_t e) { return c->e->ents[e].cls; }
static size_t sent_end(const Ctx *c, size_t i) { return c->seg->sents[c->t[i].sent].tok_end; }
static size_t sent_begin(const Ctx *c, size_t i) { return c->seg->sents[c->t[i].sent].tok_begin; }

/* Entity whose lexicon entry is `lex`, or -1. */
static int32_t ent_of_lex(const Ctx *c, int32_t lex) {
  if (lex < 0) return -1;
  for (size_t i = 0; i < c->e->n; ++i)
    if (c->e->ents[i].lex == lex) return (int32_t)i;
  return -1;
}

static void *grow(void *p, size_t *cap, size_t n, size_t size, NgStatus *st) {
  if (n < *cap) return p;
  size_t nc = *cap ? *cap * 2 : 32;
  void *np = realloc(p, nc * size);
  if (!np) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  *cap = nc;
  return np;
}

static void add_rel_conf(Ctx *c, NgRelKind kind, int32_t s, int32_t o, size_t a, size_t b, float conf, NgRule rule) {
  if (s < 0 || o < 0 || s == o || c->st) return;
  if (kind == NG_REL_MET_WITH && s > o) {
    int32_t x = s;
    s = o;
    o = x;
  }
  NgRelations *R = c->out;
  char key[9] = {(char)kind};
  memcpy(key + 1, &s, 4);
  memcpy(key + 5, &o, 4);
  uint32_t i;
  if (ng_strmap_get(c->rel_index, key, sizeof key, &i)) { /* said again: keep the surest */
    NgRelation *x = &R->rels[i];
    if (conf > x->confidence) {
      x->confidence = conf;
      x->rule = rule;
      x->ev_start = a;
      x->ev_end = b;
    }
    return;
  }
  NgRelation *nr = grow(R->rels, &c->cap_r, R->n_rels, sizeof *nr, &c->st);
  if (!nr) return;
  R->rels = nr;
  if ((c->st = ng_strmap_put(c->rel_index, key, sizeof key, (uint32_t)R->n_rels))) return;
  R->rels[R->n_rels++] = (NgRelation){(uint8_t)kind, s, o, a, b, conf, rule};
}

/* A relation with the confidence of its rule. */
static void add_rel(Ctx *c, NgRelKind kind, int32_t s, int32_t o, size_t a, size_t b, NgRule rule) {
  add_rel_conf(c, kind, s, o, a, b, ng_rule_confidence(rule), rule);
}

/* A relation derived from an item of confidence `source`: the rule's
   confidence is a factor on it. */
static void add_derived_rel(Ctx *c, NgRelKind kind, int32_t s, int32_t o, size_t a, size_t b, float source,
                            NgRule rule) {
  add_rel_conf(c, kind, s, o, a, b, source * ng_rule_confidence(rule), rule);
}

static char *dup_span(const char *s, size_t a, size_t b) {
  char *o = malloc(b - a + 6);
  if (o) ng_text_clean(s, a, b, o, b - a + 6);
  return o;
}

static int title_governs(uint8_t cls) {
  return cls == NG_TITLE_GOV || cls == NG_TITLE_DIPLOMAT || cls == NG_TITLE_LEGISLATOR || cls == NG_TITLE_ROYAL ||
         cls == NG_TITLE_MILITARY;
}

static void add_role(Ctx *c, int32_t person, const NgTitle *T, int32_t org, size_t a, size_t b, NgRule rule) {
  const float conf = ng_rule_confidence(rule);
  if (person < 0 || c->st) return;
  const NgLexEntry *le = ng_lexicon_entry(c->lex, (uint32_t)T->lex);
  uint8_t tcls = le ? le->cls : NG_TITLE_BUSINESS;
  if (tcls == NG_TITLE_HONORIFIC) return;
  int32_t country = ent_of_lex(c, T->country);
  /* "Secretary of State Rubio": a title that by itself names one country's
     office (titles.tsv, 4th column), when that country is named in the
     article */
  int implied = 0;
  if (country < 0 && le && le->country >= 0 && T->core_end == T->lex_end && T->org < 0) {
    country = ent_of_lex(c, le->country);
    implied = country >= 0;
  }
  if (org < 0 && T->org >= 0) org = c->r->mentions[T->org].entity;
  char *title = dup_span(c->s, c->t[T->core_begin].start, c->t[T->core_end - 1].end);
  if (title && le && T->lex_end > T->lex_begin) {
    /* a plural title ("Prime Ministers X and Y") names each holder's title in the singular */
    char *matched = dup_span(c->s, c->t[T->lex_begin].start, c->t[T->lex_end - 1].end);
    if (matched && strcmp(matched, le->name) != 0 && strcasecmp(matched, le->name) != 0) {
      char *pre = dup_span(c->s, c->t[T->core_begin].start, c->t[T->lex_begin].start);
      char *post = T->core_end > T->lex_end ? dup_span(c->s, c->t[T->lex_end].start, c->t[T->core_end - 1].end) : NULL;
      size_t n = strlen(le->name) + (pre ? strlen(pre) : 0) + (post ? strlen(post) : 0) + 3;
      char *nt = malloc(n);
      if (nt) {
        snprintf(nt, n, "%s%s%s%s%s", pre && *pre ? pre : "", pre && *pre ? " " : "", le->name, post ? " " : "",
                 post ? post : "");
        free(title);
        title = nt;
      }
      free(pre);
      free(post);
    }
    free(matched);
  }
  char *text = dup_span(c->s, c->t[T->tok_begin].start, c->t[T->tok_end - 1].end);
  if (!title || !text) {
    free(title);
    free(text);
    c->st = NG_ERR_NOMEM;
    return;
  }
  NgRelations *R = c->out;
  for (size_t i = 0; i < R->n_roles; ++i) {
    NgRole *x = &R->roles[i];
    if (x->person == person && strcmp(x->title, title) == 0 && x->former == T->former &&
        (x->org == org || org < 0 || x->org < 0) && (x->country == country || country < 0 || x->country < 0)) {
      /* the same role named twice: keep one, with what each mention adds */
      if (x->org < 0 && org >= 0) x->org = org;
      if (x->country < 0 && country >= 0) {
        x->country = country;
        free(x->text);
        x->text = text;
        text = NULL;
      }
      free(title);
      free(text);
      goto edges;
    }
  }
  NgRole *nr = grow(R->roles, &c->cap_o, R->n_roles, sizeof *nr, &c->st);
  if (!nr) {
    free(title);
    free(text);
    return;
  }
  R->roles = nr;
  R->roles[R->n_roles++] = (NgRole){person, org, country, title, text, T->former, tcls, a, b, conf, rule};
edges:
  if (org >= 0 && etype(c, org) == NG_TYPE_ORG) add_rel(c, NG_REL_AFFILIATED, person, org, a, b, rule);
  if (!T->former && title_governs(tcls) && country >= 0 && etype(c, country) == NG_TYPE_PLACE)
    add_derived_rel(c, NG_REL_REPRESENTS, person, country, a, b, conf,
                    implied ? NG_RULE_REPRESENTS_TITLE_IMPLIES : NG_RULE_REPRESENTS_TITLE_COUNTRY);
  /* officials speak for their institution; so do the heads (government
     titles) of international organizations and state bodies */
  if (!T->former && T->org >= 0 && org >= 0 &&
      (tcls == NG_TITLE_OFFICIAL || tcls == NG_TITLE_DIPLOMAT ||
       (tcls == NG_TITLE_GOV && (ecls(c, org) == NG_CLS_INTLORG || ecls(c, org) == NG_CLS_GOVBODY))))
    add_derived_rel(c, NG_REL_REPRESENTS, person, org, a, b, conf, NG_RULE_REPRESENTS_TITLE_ORG);
}

/* ---- roles: titles before names, appositions, headings ------------------- */

static int is_unit(const Ctx *c, int32_t e) { return ecls(c, e) == NG_CLS_UNIT; }

static void block_units(Ctx *c, const int32_t *orgs, size_t n, size_t a, size_t b) {
  /* units named in one person's block belong to the one larger institution there */
  int32_t parent = -1;
  int n_parent = 0, has_univ = 0;
  for (size_t i = 0; i < n; ++i) has_univ |= ecls(c, orgs[i]) == NG_CLS_UNIVERSITY;
  for (size_t i = 0; i < n; ++i) {
    int unit = is_unit(c, orgs[i]) || (has_univ && ecls(c, orgs[i]) == NG_CLS_THINKTANK);
    if (!unit && orgs[i] != parent) {
      parent = orgs[i];
      ++n_parent;
    }
  }
  if (n_parent != 1) return;
  for (size_t i = 0; i < n; ++i) {
    int unit = is_unit(c, orgs[i]) || (has_univ && ecls(c, orgs[i]) == NG_CLS_THINKTANK);
    if (unit) add_rel(c, NG_REL_PART_OF, orgs[i], parent, a, b, NG_RULE_PARTOF_UNIT_IN_AFFILIATION);
  }
}

/* Does a title phrase (with its prefixes) begin at token k? */
static int title_begins(const Ctx *c, size_t k) { return k < c->nt && (c->r->tok_title[k] >= 0 || (c->phrase[k] & 2)); }

/* Parse the role list after "PERSON," from token k; returns the end. */
static size_t apposition(Ctx *c, int32_t person, size_t k, size_t end, int heading) {
  int32_t orgs[16];
  size_t n_orgs = 0, start = k;
  int any = 0;
  while (k < end && !c->st) {
    size_t seg_start = k;
    while (k < end && (tok_i(c, k, "a") || tok_i(c, k, "an") || tok_i(c, k, "the") || tok_i(c, k, "now") ||
                       tok_i(c, k, "also") || tok_i(c, k, "currently")))
      ++k;
    /* "NAME, Lind’s deputy national security adviser": another person's
       possessive before the title */
    int32_t owner = -1;
    {
      const NgMention *pm = mention_at(c, k);
      if (pm && pm->entity >= 0 && etype(c, pm->entity) == NG_TYPE_PERSON && pm->tok_begin == k &&
          (c->t[pm->tok_end].flags & NG_TF_POSS) && pm->tok_end + 1 < end && c->r->tok_title[pm->tok_end + 1] >= 0) {
        owner = pm->entity;
        k = pm->tok_end + 1;
      }
    }
    int32_t ti = k < end ? c->r->tok_title[k] : -1;
    if (ti < 0 && k < end) {
      /* a title phrase may begin with a country or organization prefix */
      for (size_t q = k; q < end && q < k + 6; ++q)
        if (c->r->tok_title[q] >= 0) {
          const NgTitle *T = &c->r->titles[c->r->tok_title[q]];
          if (T->tok_begin <= k) ti = c->r->tok_title[q];
          break;
        }
    }
    if (ti >= 0) {
      /* "A, Mossad Chief B, and ...": a list of people, the title is B's */
      const NgMention *nx = mention_at(c, c->r->titles[ti].core_end);
      if (nx && nx->entity >= 0 && etype(c, nx->entity) == NG_TYPE_PERSON) break;
    }
    int32_t seg_org = -1;
    size_t j = k;
    if (ti >= 0) j = c->r->titles[ti].core_end;
    /* organizations of this segment: "at/of/for/with/in [the] ORG" */
    size_t seg_end = j;
    while (seg_end < end && !punct(c, seg_end, ",") && !punct(c, seg_end, ";") && !punct(c, seg_end, ".") &&
           !(tok(c, seg_end, "and") && (title_begins(c, seg_end + 1) || tok_i(c, seg_end + 1, "a") ||
                                        tok_i(c, seg_end + 1, "former") || tok_i(c, seg_end + 1, "an"))))
      ++seg_end;
    int prep_ok = 1;
    for (size_t q = j; q < seg_end; ++q) {
      const NgMention *m = mention_at(c, q);
      if (m && m->entity >= 0 && etype(c, m->entity) == NG_TYPE_ORG) {
        if (seg_org < 0) seg_org = m->entity;
        if (n_orgs < 16) orgs[n_orgs++] = m->entity;
        q = m->tok_end - 1;
      } else if (!m && c->t[q].kind == NG_TOK_WORD && !(c->t[q].flags & NG_TF_POSS) && !(W(c, q) & NG_W_CONNECTOR) &&
                 !tok(c, q, "at") && !tok(c, q, "with") && !tok(c, q, "in") && !tok(c, q, "to") &&
                 !tok(c, q, "journal") && !(W(c, q) & NG_W_PUB_CUE) && q - j > 3) {
        prep_ok = 0; /* a verb or other words: the role list is over */
        break;
      }
    }
    if (ti >= 0) {
      const NgTitle *T = &c->r->titles[ti];
      if (T->org >= 0 && c->r->mentions[T->org].entity >= 0 && n_orgs < 16)
        orgs[n_orgs++] = c->r->mentions[T->org].entity;
      add_role(c, person, T, prep_ok ? seg_org : -1, c->t[seg_start].start,
               c->t[(seg_end > seg_start ? seg_end : seg_start + 1) - 1].end,
               heading ? NG_RULE_ROLE_HEADING : NG_RULE_ROLE_APPOSITION);
      /* an aide of a head of state or government acts for the same state */
      const NgLexEntry *tl = ng_lexicon_entry(c->lex, (uint32_t)T->lex);
      if (owner >= 0 && !T->former && tl && (tl->cls == NG_TITLE_OFFICIAL || tl->cls == NG_TITLE_GOV)) {
        size_t n_rels = c->out->n_rels;
        for (size_t q = 0; q < n_rels; ++q) {
          const NgRelation *x = &c->out->rels[q];
          if (x->kind == NG_REL_REPRESENTS && x->subj == owner && etype(c, x->obj) == NG_TYPE_PLACE)
            add_rel(c, NG_REL_REPRESENTS, person, x->obj, c->t[seg_start].start,
                    c->t[(seg_end > seg_start ? seg_end : seg_start + 1) - 1].end, NG_RULE_REPRESENTS_AIDE_OF);
        }
      }
      any = 1;
    } else if (seg_org >= 0 && prep_ok && (heading || seg_end - seg_start <= 6) && k == seg_start && mention_at(c, k) &&
               mention_at(c, k)->entity == seg_org) {
      add_rel(c, NG_REL_AFFILIATED, person, seg_org, c->t[seg_start].start, c->t[seg_end - 1].end,
              NG_RULE_AFFILIATION_APPOSITION_BARE);
      any = 1;
    } else {
      break;
    }
    if (!prep_ok) break;
    for (size_t q = 0; q < n_orgs; ++q)
      add_rel(c, NG_REL_AFFILIATED, person, orgs[q], c->t[seg_start].start, c->t[seg_end - 1].end,
              heading ? NG_RULE_AFFILIATION_HEADING : NG_RULE_AFFILIATION_APPOSITION);
    k = seg_end;
    if (k < end && (punct(c, k, ",") || tok(c, k, "and"))) {
      ++k;
      if (tok(c, k, "and")) ++k;
      continue;
    }
    break;
  }
  if (any) block_units(c, orgs, n_orgs, c->t[start].start, c->t[k > start ? k - 1 : start].end);
  return k;
}

static int is_heading(const Ctx *c, const NgSpan *p) {
  if (p->tok_end - p->tok_begin > 80) return 0;
  const NgToken *last = &c->t[p->tok_end - 1];
  if (last->kind == NG_TOK_PUNCT) {
    char ch = c->s[last->start];
    if (ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == '"' || (unsigned char)ch == 0xE2) return 0;
  }
  const NgMention *m = mention_at(c, p->tok_begin);
  return m && m->entity >= 0 && etype(c, m->entity) == NG_TYPE_PERSON && punct(c, m->tok_end, ",");
}

/* "said Debra Olsen of the Oslo-based Fjord Institute": a person's name
   followed by "of" and an organization (a "Place-based" in between is
   allowed) is affiliated with it. */
static void name_of_org(Ctx *c) {
  for (size_t i = 0; i < c->r->n_mentions && !c->st; ++i) {
    const NgMention *m = &c->r->mentions[i];
    if (m->entity < 0 || m->cls != NG_CLS_PERSON || (m->flags & NG_MF_NESTED)) continue;
    size_t k = m->tok_end;
    if (!tok(c, k, "of")) continue;
    ++k;
    if (tok_i(c, k, "the")) ++k;
    const NgMention *x = mention_at(c, k);
    if (x && x->entity >= 0 && etype(c, x->entity) == NG_TYPE_PLACE && punct(c, x->tok_end, "-") &&
        (tok(c, x->tok_end + 1, "based") || tok(c, x->tok_end + 1, "headquartered")))
      x = mention_at(c, x->tok_end + 2);
    if (!x || x->entity < 0 || etype(c, x->entity) != NG_TYPE_ORG) continue;
    add_rel(c, NG_REL_AFFILIATED, m->entity, x->entity, m->start, x->end, NG_RULE_AFFILIATION_NAME_OF_ORG);
  }
}

static void roles(Ctx *c) {
  /* pre-nominal titles: "Norwegian Foreign Minister Anna Dahl", also after a
     comma ("British Prime Minister, Anna Dahl"), through an honorific
     ("Speaker Lord Dahl"), over "X and Y" titles, and shared by "A and B"
     after a plural title ("former Presidents A and B") */
  for (size_t i = 0; i < c->r->n_mentions; ++i) {
    const NgMention *m = &c->r->mentions[i];
    if (m->entity < 0 || m->cls != NG_CLS_PERSON || (m->flags & NG_MF_NESTED)) continue;
    int32_t ti = m->title;
    NgRule rule = NG_RULE_ROLE_TITLE_BEFORE_NAME;
    size_t b = m->tok_begin;
    if (ti < 0 && b >= 2 && punct(c, b - 1, ",") && ng_recognition_title_ending(c->r, b - 1) >= 0) {
      ti = ng_recognition_title_ending(c->r, b - 1);
      rule = NG_RULE_ROLE_TITLE_COMMA_NAME;
    }
    if (ti < 0 && b >= 1 && c->r->tok_title[b - 1] >= 0 && c->r->titles[c->r->tok_title[b - 1]].core_end == b)
      ti = c->r->tok_title[b - 1];
    if (ti < 0) continue;
    /* "President Xi Jinping of China": the country after the name */
    {
      const NgTitle *T0 = &c->r->titles[ti];
      const NgLexEntry *tl = ng_lexicon_entry(c->lex, (uint32_t)T0->lex);
      const NgMention *x = tok(c, m->tok_end, "of") ? mention_at(c, m->tok_end + 1) : NULL;
      if (x && x->entity >= 0 && ecls(c, x->entity) == NG_CLS_COUNTRY && T0->country < 0 && !T0->former && tl &&
          title_governs(tl->cls))
        add_rel(c, NG_REL_REPRESENTS, m->entity, x->entity, c->t[T0->tok_begin].start, x->end,
                NG_RULE_REPRESENTS_NAME_OF_COUNTRY);
    }
    for (int hop = 0; hop < 3 && ti >= 0; ++hop) {
      const NgTitle *T = &c->r->titles[ti];
      add_role(c, m->entity, T, -1, c->t[T->tok_begin].start, m->end, rule);
      /* a plural title: the person after "and" holds it too */
      const NgLexEntry *le = ng_lexicon_entry(c->lex, (uint32_t)T->lex);
      if (le && T->lex_end > T->lex_begin && strcasecmp(le->name, c->s + c->t[T->lex_begin].start) != 0 &&
          tok(c, m->tok_end, "and")) {
        const NgMention *n2 = mention_at(c, m->tok_end + 1);
        if (n2 && n2->entity >= 0 && etype(c, n2->entity) == NG_TYPE_PERSON)
          add_role(c, n2->entity, T, -1, c->t[T->tok_begin].start, n2->end, NG_RULE_ROLE_PLURAL_TITLE);
      }
      /* the title before this one: "Speaker Lord X", "Tanaiste and former Taoiseach, X" */
      size_t tb = T->tok_begin;
      int32_t prev = -1;
      if (tb >= 1 && ng_recognition_title_ending(c->r, tb) >= 0)
        prev = ng_recognition_title_ending(c->r, tb); /* also "Chairman of the Joint Chiefs Gen. X" */
      else if (tb >= 2 && tok(c, tb - 1, "and") && c->r->tok_title[tb - 2] >= 0)
        prev = c->r->tok_title[tb - 2];
      ti = prev;
      rule = NG_RULE_ROLE_TITLE_CHAIN;
    }
  }
  /* headings ("Name, Title, Institution") and appositions */
  for (size_t p = 0; p < c->seg->n_paras; ++p) {
    const NgSpan *P = &c->seg->paras[p];
    int heading = is_heading(c, P);
    for (size_t k = P->tok_begin; k < P->tok_end; ++k) {
      const NgMention *m = mention_at(c, k);
      if (!m || m->entity < 0 || etype(c, m->entity) != NG_TYPE_PERSON || m->tok_begin != k) continue;
      k = m->tok_end - 1;
      size_t after = m->tok_end;
      if (after < P->tok_end && (c->t[after].flags & NG_TF_POSS)) continue;
      if (!punct(c, after, ",")) continue;
      apposition(c, m->entity, after + 1, heading ? P->tok_end : sent_end(c, after),
                 heading && m->tok_begin == P->tok_begin);
    }
  }
}

/* ---- places and organizations ---------------------------------------------- */

static void structure(Ctx *c) {
  const NgRecognition *r = c->r;
  for (size_t i = 0; i < r->n_links; ++i) {
    const NgLink *L = &r->links[i];
    int32_t a = r->mentions[L->a].entity, b = r->mentions[L->b].entity;
    NgRelKind k = L->kind == NG_LINK_PART_OF    ? NG_REL_PART_OF
                  : L->kind == NG_LINK_BASED_IN ? NG_REL_BASED_IN
                                                : NG_REL_LOCATED_IN;
    add_rel(c, k, a, b, r->mentions[L->a].start, r->mentions[L->a].end, L->rule);
    /* "the Department of X and the Y Institute of Z": X is part of Z too */
    if (L->kind == NG_LINK_PART_OF) {
      size_t s = r->mentions[L->a].tok_begin;
      size_t q = s;
      if (q > 0 && tok(c, q - 1, "the")) --q;
      if (q > 0 && tok(c, q - 1, "and")) {
        const NgMention *x = mention_at(c, q - 2);
        if (x && x->entity >= 0 && etype(c, x->entity) == NG_TYPE_ORG)
          add_rel(c, NG_REL_PART_OF, x->entity, b, x->start, r->mentions[L->b].end, NG_RULE_PARTOF_COORDINATED);
      }
    }
  }
  /* per token: the place nested in a name that ends right before it */
  int32_t *nested_end = malloc((c->nt + 1) * sizeof *nested_end);
  if (!nested_end) {
    c->st = NG_ERR_NOMEM;
    return;
  }
  for (size_t k = 0; k <= c->nt; ++k) nested_end[k] = -1;
  for (size_t j = 0; j < r->n_mentions; ++j) {
    const NgMention *n = &r->mentions[j];
    if ((n->flags & NG_MF_NESTED) && n->entity >= 0 && etype(c, n->entity) == NG_TYPE_PLACE)
      nested_end[n->tok_end] = n->entity;
  }
  for (size_t i = 0; i < c->nt; ++i) {
    const NgMention *m = mention_at(c, i);
    if (!m || m->tok_begin != i) continue;
    size_t e = m->tok_end;
    /* nested place at the end of this name ("Embassy in Moscow, Russia") */
    int32_t left = nested_end[e] >= 0 ? nested_end[e] : m->entity;
    if (left < 0) continue;
    /* "Moscow, Russia" */
    if (punct(c, e, ",") && etype(c, left) == NG_TYPE_PLACE) {
      int32_t rgt = ent_at(c, e + 1);
      if (rgt >= 0 && ecls(c, rgt) == NG_CLS_COUNTRY && ecls(c, left) != NG_CLS_COUNTRY) {
        const NgMention *rm = mention_at(c, e + 1);
        if (rm && (rm->tok_end >= c->nt || !(c->t[rm->tok_end].flags & NG_TF_POSS)))
          add_rel(c, NG_REL_LOCATED_IN, left, rgt, m->start, rm->end, NG_RULE_LOCATED_PLACE_COMMA_COUNTRY);
      }
    }
    /* "X in/at Y": an organization or place inside a place */
    if ((tok(c, e, "in") || tok(c, e, "at")) && m->entity >= 0) {
      size_t q = e + 1;
      if (tok(c, q, "the")) ++q;
      int32_t y = ent_at(c, q);
      const NgMention *ym = mention_at(c, q);
      if (y >= 0 && ym && ym->tok_begin == q && etype(c, y) == NG_TYPE_PLACE) {
        if (etype(c, m->entity) == NG_TYPE_ORG && ecls(c, m->entity) != NG_CLS_NEWSAGENCY)
          add_rel(c, NG_REL_BASED_IN, m->entity, y, m->start, ym->end, NG_RULE_LOCATED_ORG_IN_PLACE);
        else if (etype(c, m->entity) == NG_TYPE_PLACE && tok(c, e, "in") && ecls(c, m->entity) != NG_CLS_COUNTRY)
          add_rel(c, NG_REL_LOCATED_IN, m->entity, y, m->start, ym->end, NG_RULE_LOCATED_PLACE_IN_PLACE);
      }
    }
    /* "Washington-based X" */
    if (etype(c, m->entity) == NG_TYPE_PLACE && punct(c, e, "-") && tok_i(c, e + 1, "based")) {
      size_t q = e + 2;
      while (q < c->nt && q < e + 6 && !mention_at(c, q) && c->t[q].kind == NG_TOK_WORD) ++q;
      int32_t org = ent_at(c, q);
      if (org >= 0 && etype(c, org) == NG_TYPE_ORG)
        add_rel(c, NG_REL_BASED_IN, org, m->entity, m->start, c->t[q].end, NG_RULE_LOCATED_PLACE_BASED);
    }
  }
  free(nested_end);
  /* gazetteer containment, when both places are named in the article */
  for (size_t i = 0; i < c->e->n; ++i) {
    const NgEntity *x = &c->e->ents[i];
    if (x->type != NG_TYPE_PLACE || x->lex < 0 || x->cls == NG_CLS_COUNTRY) continue;
    const NgLexEntry *le = ng_lexicon_entry(c->lex, (uint32_t)x->lex);
    int32_t country = ent_of_lex(c, le->country);
    if (country >= 0 && country != (int32_t)i)
      add_rel(c, NG_REL_LOCATED_IN, (int32_t)i, country, x->first, x->first, NG_RULE_LOCATED_GAZETTEER);
  }
  /* facilities and regions inside a city: through the city's country */
  for (size_t i = 0; i < c->out->n_rels; ++i) {
    NgRelation x = c->out->rels[i];
    if (x.kind != NG_REL_LOCATED_IN || ecls(c, x.obj) != NG_CLS_CITY) continue;
    const NgEntity *city = &c->e->ents[x.obj];
    if (city->lex < 0) continue;
    int32_t country = ent_of_lex(c, ng_lexicon_entry(c->lex, (uint32_t)city->lex)->country);
    if (country >= 0 && ecls(c, x.subj) != NG_CLS_CITY)
      add_rel(c, NG_REL_LOCATED_IN, x.subj, country, x.ev_start, x.ev_end, NG_RULE_LOCATED_VIA_CITY);
  }
}

/* ---- dates ------------------------------------------------------------------ */

static int month_of(const Ctx *c, size_t i) {
  static const char *const M[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (!(W(c, i) & NG_W_MONTH) || !(c->t[i].flags & NG_TF_CAP)) return 0;
  for (int k = 0; k < 12; ++k)
    if (strncasecmp(c->s + c->t[i].start, M[k], 3) == 0) return k + 1;
  return 0;
}

static int num_at(const Ctx *c, size_t i, int lo, int hi) {
  if (i >= c->nt || c->t[i].kind != NG_TOK_NUM || c->t[i].end - c->t[i].start > 4) return 0;
  int v = atoi(c->s + c->t[i].start);
  return v >= lo && v <= hi ? v : 0;
}

/* First date in tokens [a, b): "May 12", "12 May", "May 12, 2015". */
static int find_date(const Ctx *c, size_t a, size_t b, char *out) {
  for (size_t i = a; i < b; ++i) {
    int mo = month_of(c, i), d = 0, y = 0;
    if (!mo) continue;
    if ((d = num_at(c, i + 1, 1, 31))) {
      if (punct(c, i + 2, ",")) y = num_at(c, i + 3, 1000, 2999);
    } else if (i > a && (d = num_at(c, i - 1, 1, 31))) {
      y = num_at(c, i + 1, 1000, 2999);
    } else {
      continue;
    }
    if (!y) {
      y = c->year;
      if (y && c->month && mo > c->month + 1) --y; /* "December" in a January article */
    }
    if (!y) continue;
    snprintf(out, 11, "%04d-%02d-%02d", y, mo, d);
    return 1;
  }
  return 0;
}

/* ---- events ------------------------------------------------------------------ */

static int guarded(const Ctx *c, size_t trig, size_t sb) {
  for (size_t k = trig; k > sb && k + 4 > trig; --k)
    if (W(c, k - 1) & (NG_W_NEGATION | NG_W_HEDGE)) return 1;
  return 0;
}

static int cmp_i32(const void *a, const void *b) {
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return (x > y) - (x < y);
}

static void add_event(Ctx *c, NgEventKind kind, int32_t *parts, size_t n, int32_t place, const char *date, size_t a,
                      size_t b, NgRule rule) {
  if (c->st) return;
  /* distinct people */
  qsort(parts, n, sizeof *parts, cmp_i32);
  size_t m = 0;
  for (size_t i = 0; i < n; ++i)
    if (!m || parts[m - 1] != parts[i]) parts[m++] = parts[i];
  if ((kind == NG_EVENT_MEETING && m < 2) || m < 1) return;
  NgRelations *R = c->out;
  for (size_t i = 0; i < R->n_events; ++i) {
    NgEvent *x = &R->events[i];
    if (x->kind != kind || x->n_participants != m || memcmp(x->participants, parts, m * sizeof *parts) != 0) continue;
    if (kind == NG_EVENT_VISIT && x->place != place && place >= 0 && x->place >= 0) continue;
    if (x->place < 0) x->place = place;
    if (!x->date[0] && date) snprintf(x->date, sizeof x->date, "%s", date);
    return;
  }
  NgEvent *ne = grow(R->events, &c->cap_e, R->n_events, sizeof *ne, &c->st);
  if (!ne) return;
  R->events = ne;
  int32_t *p = malloc(m * sizeof *p);
  if (!p) {
    c->st = NG_ERR_NOMEM;
    return;
  }
  memcpy(p, parts, m * sizeof *p);
  NgEvent ev = {(uint8_t)kind, p, m, place, "", a, b, ng_rule_confidence(rule), rule};
  if (date) snprintf(ev.date, sizeof ev.date, "%s", date);
  R->events[R->n_events++] = ev;
}

static int in_title_phrase(const Ctx *c, size_t k) { return k < c->nt && (c->phrase[k] & 1); }

/* People coordinated from token k onward: "A and B", "A, B and C",
   "A as well as [B]"; titles and brackets in between are skipped. */
static size_t people_after(const Ctx *c, size_t k, size_t end, int32_t *out, size_t max, size_t *n) {
  while (k < end) {
    const NgMention *m = mention_at(c, k);
    if (m && m->entity >= 0 && etype(c, m->entity) == NG_TYPE_PERSON) {
      if (*n < max) out[(*n)++] = m->entity;
      k = m->tok_end;
      if (k < end && (c->t[k].flags & NG_TF_POSS)) break;
      continue;
    }
    if (c->r->tok_title[k] >= 0 || (m && etype(c, m->entity) == NG_TYPE_PLACE && c->r->tok_title[m->tok_end] >= 0) ||
        tok(c, k, "and") || punct(c, k, ",") || punct(c, k, "[") || punct(c, k, "]") || tok(c, k, "as") ||
        tok(c, k, "well") || in_title_phrase(c, k)) {
      ++k;
      continue;
    }
    if (m && etype(c, m->entity) == NG_TYPE_PLACE && k + 1 < end && mention_at(c, m->tok_end)) {
      k = m->tok_end;
      continue;
    }
    break;
  }
  return k;
}

static int32_t place_in(const Ctx *c, size_t a, size_t b) {
  for (size_t k = a; k + 1 < b; ++k) {
    if (!tok(c, k, "in") && !tok(c, k, "to")) continue;
    const NgMention *m = mention_at(c, k + 1);
    if (m && m->entity >= 0 && etype(c, m->entity) == NG_TYPE_PLACE && m->tok_begin == k + 1) return m->entity;
  }
  return -1;
}

/* Direct met-with edges: each subject with each object; with no subject
   ("talks between A and B") every pair of objects. */
static void met_with(Ctx *c, const int32_t *subj, size_t ns, const int32_t *obj, size_t no, size_t a, size_t b,
                     NgRule rule) {
  if (ns) {
    for (size_t i = 0; i < ns; ++i)
      for (size_t j = 0; j < no; ++j) add_rel(c, NG_REL_MET_WITH, subj[i], obj[j], a, b, rule);
  } else {
    for (size_t i = 0; i < no; ++i)
      for (size_t j = i + 1; j < no; ++j) add_rel(c, NG_REL_MET_WITH, obj[i], obj[j], a, b, rule);
  }
}

static void events(Ctx *c) {
  int32_t subj[16], obj[16];
  for (size_t s = 0; s < c->seg->n_sents && !c->st; ++s) {
    size_t sb = c->seg->sents[s].tok_begin, se = c->seg->sents[s].tok_end;
    char date[11] = "";
    int has_date = find_date(c, sb, se, date);
    for (size_t i = sb; i < se; ++i) {
      uint32_t w = W(c, i);
      if (!(w & (NG_W_MEET | NG_W_VISIT)) || !(c->t[i].flags & NG_TF_LOWER) || mention_at(c, i)) continue;
      if (guarded(c, i, sb)) continue;
      size_t ns = 0, no = 0;
      /* subject: "A's meeting", or the people before the trigger */
      if (i >= 2 && (c->t[i - 1].flags & NG_TF_POSS) && ent_at(c, i - 2) >= 0 &&
          etype(c, ent_at(c, i - 2)) == NG_TYPE_PERSON) {
        subj[ns++] = ent_at(c, i - 2);
      } else if (i >= 3 && (c->t[i - 2].flags & NG_TF_POSS) && ent_at(c, i - 3) >= 0 &&
                 etype(c, ent_at(c, i - 3)) == NG_TYPE_PERSON) {
        subj[ns++] = ent_at(c, i - 3); /* "Dahl's first visit" */
      } else {
        for (size_t k = sb; k < i; ++k) {
          const NgMention *m = mention_at(c, k);
          if (m && m->entity >= 0 && etype(c, m->entity) == NG_TYPE_PERSON && m->tok_begin == k && ns < 16) {
            /* a later, unrelated clause resets the subject list */
            subj[ns++] = m->entity;
            k = m->tok_end - 1;
          }
          if (punct(c, k, ";")) ns = 0;
        }
      }
      size_t k = i + 1;
      if (w & NG_W_MEET) {
        if (tok(c, k, "with")) {
          people_after(c, k + 1, se, obj, 16, &no);
        } else {
          size_t q = k;
          while (q < se && q < k + 5 && !tok(c, q, "between")) ++q;
          if (tok(c, q, "between")) {
            ns = 0;
            people_after(c, q + 1, se, obj, 16, &no);
          } else if (tok(c, i, "met") || tok(c, i, "meets") || tok(c, i, "hosted") || tok(c, i, "hosts") ||
                     tok(c, i, "welcomed") || tok(c, i, "welcomes")) {
            /* a direct object, possibly after its title: "met Chancellor X" */
            size_t o = k;
            if (o < se && c->r->tok_title[o] >= 0) o = c->r->titles[c->r->tok_title[o]].core_end;
            if (ent_at(c, o) >= 0 && etype(c, ent_at(c, o)) == NG_TYPE_PERSON) people_after(c, o, se, obj, 16, &no);
          }
        }
        if (no == 0) continue;
        int32_t parts[32];
        size_t n = 0;
        for (size_t q = 0; q < ns; ++q) parts[n++] = subj[q];
        for (size_t q = 0; q < no; ++q) parts[n++] = obj[q];
        int32_t place = place_in(c, i, se);
        if (place < 0) place = place_in(c, sb, i);
        NgRule rule = ns ? NG_RULE_MEETING_WITH : NG_RULE_MEETING_BETWEEN;
        met_with(c, subj, ns, obj, no, c->t[sb].start, c->t[se - 1].end, rule);
        add_event(c, NG_EVENT_MEETING, parts, n, place, has_date ? date : NULL, c->t[sb].start, c->t[se - 1].end, rule);
      } else if (ns) {
        /* visits: "A's visit to P", "A visited P" */
        int32_t place = -1;
        for (size_t q = k; q < se && q < k + 4; ++q) {
          const NgMention *m = mention_at(c, q);
          if (m && m->entity >= 0 && etype(c, m->entity) == NG_TYPE_PLACE) {
            place = m->entity;
            break;
          }
        }
        if (place < 0) continue;
        int32_t who = subj[ns - 1];
        add_event(c, NG_EVENT_VISIT, &who, 1, place, has_date ? date : NULL, c->t[sb].start, c->t[se - 1].end,
                  NG_RULE_VISIT_TO_PLACE);
      }
    }
    /* "A is welcomed by B" / "hosted by" / "received by" */
    for (size_t i = sb; i + 1 < se; ++i) {
      if (!(tok(c, i, "welcomed") || tok(c, i, "hosted") || tok(c, i, "received")) || !tok(c, i + 1, "by")) continue;
      if (guarded(c, i, sb)) continue;
      size_t ns = 0, no = 0;
      for (size_t k = sb; k < i; ++k) {
        const NgMention *m = mention_at(c, k);
        if (m && m->entity >= 0 && etype(c, m->entity) == NG_TYPE_PERSON && m->tok_begin == k && ns < 16)
          subj[ns++] = m->entity;
      }
      people_after(c, i + 2, se, obj, 16, &no);
      if (!ns || !no) continue;
      int32_t parts[32];
      size_t n = 0;
      for (size_t q = 0; q < ns; ++q) parts[n++] = subj[q];
      for (size_t q = 0; q < no; ++q) parts[n++] = obj[q];
      met_with(c, subj, ns, obj, no, c->t[sb].start, c->t[se - 1].end, NG_RULE_MEETING_WELCOMED_BY);
      add_event(c, NG_EVENT_MEETING, parts, n, place_in(c, i, se), has_date ? date : NULL, c->t[sb].start,
                c->t[se - 1].end, NG_RULE_MEETING_WELCOMED_BY);
    }
  }
}

/* ---- agreements ------------------------------------------------------------------ */

static int actor(const Ctx *c, int32_t e) {
  return e >= 0 && (ecls(c, e) == NG_CLS_COUNTRY || etype(c, e) == NG_TYPE_ORG);
}

static void agreements(Ctx *c) {
  for (size_t i = 0; i < c->r->n_mentions; ++i) {
    const NgMention *m = &c->r->mentions[i];
    if (m->entity < 0 || m->cls != NG_CLS_AGREEMENT || (m->flags & NG_MF_NESTED)) continue;
    size_t sb = sent_begin(c, m->tok_begin), se = sent_end(c, m->tok_begin);
    /* "a deal between the United States and China" */
    size_t k = m->tok_end;
    if (tok(c, k, "between")) {
      for (size_t q = k + 1; q < se; ++q) {
        if (tok(c, q, "the") || tok(c, q, "and") || punct(c, q, ",")) continue;
        int32_t x = ent_at(c, q);
        if (!actor(c, x) && !(x >= 0 && etype(c, x) == NG_TYPE_PLACE)) break;
        add_rel(c, NG_REL_PARTY_TO, x, m->entity, m->start, c->t[q].end, NG_RULE_PARTY_BETWEEN);
        q = mention_at(c, q)->tok_end - 1;
      }
    }
    /* "X ... fulfill/implement/sign ... the AGREEMENT" */
    size_t v = m->tok_begin;
    int found = 0;
    for (size_t q = m->tok_begin; q > sb && q + 8 > m->tok_begin; --q)
      if (W(c, q - 1) & NG_W_PARTY_VERB) {
        v = q - 1;
        found = 1;
        break;
      }
    if (found && !guarded(c, v, sb)) {
      for (size_t q = v; q > sb && q + 10 > v; --q) {
        if (punct(c, q - 1, ",") || punct(c, q - 1, ":") || punct(c, q - 1, ";")) break;
        const NgMention *x = mention_at(c, q - 1);
        if (!x || x->entity < 0) continue;
        if (etype(c, x->entity) == NG_TYPE_PERSON) break;
        if (actor(c, x->entity)) {
          add_rel(c, NG_REL_PARTY_TO, x->entity, m->entity, x->start, m->end, NG_RULE_PARTY_VERB);
          break;
        }
        q = x->tok_begin + 1;
      }
    }
    /* named after a place: "Iran agreement" (a country is a party), "Minsk agreements" */
    NgLexMatch lm;
    if (ng_lexicon_match(c->lex, c->s, c->t, m->tok_begin, m->tok_end, 1u << NG_LEX_PLACE, &lm)) {
      int32_t x = -1;
      for (size_t q = 0; q < lm.n && x < 0; ++q) x = ent_of_lex(c, (int32_t)lm.entries[q]);
      if (x >= 0 && ecls(c, x) == NG_CLS_COUNTRY)
        add_rel(c, NG_REL_PARTY_TO, x, m->entity, m->start, m->end, NG_RULE_PARTY_NAMED_AFTER_COUNTRY);
      else if (x >= 0)
        add_rel(c, NG_REL_NAMED_AFTER, m->entity, x, m->start, m->end, NG_RULE_AGREEMENT_NAMED_AFTER_PLACE);
    }
  }
}

/* ---- statements ------------------------------------------------------------------ */

static void add_stmt(Ctx *c, int32_t who, size_t a, size_t b, int direct, size_t ca, size_t cb, NgRule rule) {
  if (who < 0 || b <= a || c->st) return;
  NgStatement *ns = grow(c->out->stmts, &c->cap_s, c->out->n_stmts, sizeof *ns, &c->st);
  if (!ns) return;
  c->out->stmts = ns;
  c->out->stmts[c->out->n_stmts++] = (NgStatement){who, a, b, (uint8_t)direct, ca, cb, ng_rule_confidence(rule), rule};
}

static int is_caption(const Ctx *c, const NgSpan *p) {
  for (size_t k = p->tok_begin; k + 1 < p->tok_end; ++k)
    if ((tok(c, k, "Photo") || tok(c, k, "Photograph")) && punct(c, k + 1, ":")) return 1;
  return 0;
}

/* Whether a quotation is open, followed token by token through the
   text: sentences are visited in order, so each token is read once. */
typedef struct {
  size_t pos;    /* state is known before this token */
  uint32_t para; /* paragraph of `pos` (quotes do not span paragraphs) */
  int open;
} QuoteState;

/* Is token k inside a quotation?  k must not be before the last token
   asked about. */
static int in_quote(const Ctx *c, QuoteState *q, size_t k) {
  if (c->t[k].para != q->para) {
    q->para = c->t[k].para;
    q->pos = c->seg->paras[q->para].tok_begin;
    q->open = 0;
  }
  for (; q->pos < k; ++q->pos) {
    if (punct(c, q->pos, "\xE2\x80\x9C"))
      q->open = 1;
    else if (punct(c, q->pos, "\xE2\x80\x9D"))
      q->open = 0;
    else if (punct(c, q->pos, "\""))
      q->open = !q->open;
  }
  return q->open;
}

/* Per token k, cov[k] = how many of tokens [0, k) lie in one of the
   statements found so far: a span of tokens overlaps a statement when its
   count is not zero.  *out owned by the caller; NULL when out of memory. */
static uint32_t *statement_cover(const Ctx *c) {
  uint8_t *in = calloc(c->nt + 1, 1);
  uint32_t *cov = malloc((c->nt + 1) * sizeof *cov);
  if (!in || !cov) {
    free(in);
    free(cov);
    return NULL;
  }
  for (size_t i = 0; i < c->out->n_stmts; ++i) {
    const NgStatement *st = &c->out->stmts[i];
    size_t lo = 0, hi = c->nt; /* first token ending after the start */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (c->t[mid].end <= st->start)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (size_t k = lo; k < c->nt && c->t[k].start < st->end; ++k) in[k] = 1;
  }
  cov[0] = 0;
  for (size_t k = 0; k < c->nt; ++k) cov[k + 1] = cov[k] + in[k];
  free(in);
  return cov;
}

static int is_lower_word(const Ctx *c, size_t k) {
  return c->t[k].kind == NG_TOK_WORD && (c->t[k].flags & NG_TF_LOWER);
}

static int32_t person_near(const Ctx *c, size_t a, size_t b) {
  for (size_t k = a; k < b && k < c->nt; ++k) {
    int32_t e = ent_at(c, k);
    if (e >= 0 && etype(c, e) == NG_TYPE_PERSON) return e;
  }
  return -1;
}

static void statements(Ctx *c) {
  /* expert blocks: a "Name, Title" heading, then paragraphs of commentary */
  for (size_t p = 0; p < c->seg->n_paras; ++p) {
    const NgSpan *P = &c->seg->paras[p];
    if (!is_heading(c, P)) continue;
    int32_t who = ent_at(c, P->tok_begin);
    size_t q = p + 1, last = p;
    while (q < c->seg->n_paras && !is_heading(c, &c->seg->paras[q]) && !is_caption(c, &c->seg->paras[q])) last = q++;
    if (last > p)
      add_stmt(c, who, c->seg->paras[p + 1].start, c->seg->paras[last].end, 0, P->start,
               c->t[ent_at(c, P->tok_begin) >= 0 ? mention_at(c, P->tok_begin)->tok_end - 1 : P->tok_begin].end,
               NG_RULE_STATEMENT_HEADING_BLOCK);
  }
  /* direct quotes with a speech verb and a named speaker next to them */
  for (size_t p = 0; p < c->seg->n_paras; ++p) {
    const NgSpan *P = &c->seg->paras[p];
    for (size_t k = P->tok_begin; k < P->tok_end; ++k) {
      if (!punct(c, k, "\xE2\x80\x9C") && !punct(c, k, "\"")) continue;
      size_t e = k + 1;
      while (e < P->tok_end && !punct(c, e, "\xE2\x80\x9D") && !punct(c, e, "\"")) ++e;
      if (e >= P->tok_end || e - k < 3) {
        k = e;
        continue;
      }
      int32_t who = -1;
      size_t ca = 0, cb = 0;
      /* after: ", NAME said" / ", said NAME", up to the end of the clause */
      size_t a = e + 1;
      if (punct(c, a, ",")) ++a;
      size_t stop = a;
      while (stop < P->tok_end && stop < a + 10 && !punct(c, stop, ".") && !punct(c, stop, "\xE2\x80\x9C") &&
             !punct(c, stop, "\""))
        ++stop;
      for (size_t q = a; q < stop && who < 0; ++q) {
        if (W(c, q) & NG_W_SAY) {
          who = q > a ? person_near(c, a, q) : -1;
          if (who < 0) who = person_near(c, q + 1, q + 6 < stop ? q + 6 : stop);
          ca = c->t[q].start;
          cb = c->t[q].end;
        }
      }
      /* before: "NAME said: “" */
      if (who < 0 && k >= 2 && (W(c, k - 1) & NG_W_SAY || (punct(c, k - 1, ":") && (W(c, k - 2) & NG_W_SAY)))) {
        size_t v = punct(c, k - 1, ":") ? k - 2 : k - 1;
        who = person_near(c, v > P->tok_begin + 6 ? v - 6 : P->tok_begin, v);
        ca = c->t[v].start;
        cb = c->t[v].end;
      }
      if (who >= 0) add_stmt(c, who, c->t[k + 1].start, c->t[e - 1].end, 1, ca, cb, NG_RULE_STATEMENT_QUOTE_SAID);
      k = e;
    }
  }
  /* reported speech: "According to NAME, ..." and "NAME said [on Monday]
     that ..." (not negated, not inside a quotation) */
  QuoteState qs = {0, UINT32_MAX, 0};
  uint32_t *cov = statement_cover(c); /* quotes and heading blocks found above */
  if (!cov) {
    c->st = NG_ERR_NOMEM;
    return;
  }
  for (size_t s = 0; s < c->seg->n_sents; ++s) {
    const NgSpan *S = &c->seg->sents[s];
    size_t a = S->tok_begin, e = S->tok_end;
    int quoted = in_quote(c, &qs, a);
    while (e > a && c->t[e - 1].kind == NG_TOK_PUNCT) --e;
    if (e <= a || quoted) continue;
    if (tok_i(c, a, "according") && tok(c, a + 1, "to")) {
      const NgMention *m = mention_at(c, a + 2);
      if (m && m->entity >= 0 && etype(c, m->entity) == NG_TYPE_PERSON && punct(c, m->tok_end, ",") &&
          m->tok_end + 2 < e)
        add_stmt(c, m->entity, c->t[m->tok_end + 1].start, c->t[e - 1].end, 0, c->t[a].start, c->t[m->tok_end - 1].end,
                 NG_RULE_STATEMENT_ACCORDING_TO);
      continue;
    }
    for (size_t q = a + 1; q + 2 < e; ++q) {
      if (!(W(c, q) & NG_W_SAY) || !is_lower_word(c, q)) continue;
      if (W(c, q - 1) & NG_W_NEGATION || (q >= 2 && (W(c, q - 2) & NG_W_NEGATION))) break;
      /* the speaker: a person named right before the verb */
      const NgMention *m = NULL;
      for (size_t k = q; k-- > a && k + 4 >= q;) {
        const NgMention *x = mention_at(c, k);
        if (x && x->entity >= 0 && etype(c, x->entity) == NG_TYPE_PERSON && x->tok_end + 1 >= q) {
          m = x;
          break;
        }
      }
      if (!m) break;
      /* "that" within a few words: "said on Monday that", "told reporters that" */
      size_t t = q + 1;
      while (t < e && t < q + 6 && !tok(c, t, "that") && !punct(c, t, ",") && !punct(c, t, "\xE2\x80\x9C") &&
             !punct(c, t, "\""))
        ++t;
      if (t + 2 < e && tok(c, t, "that") && cov[e] == cov[t + 1])
        add_stmt(c, m->entity, c->t[t + 1].start, c->t[e - 1].end, 0, c->t[m->tok_begin].start, c->t[q].end,
                 NG_RULE_STATEMENT_SAID_THAT);
      break;
    }
  }
  free(cov);
}

NgStatus ng_relate(const NgText *text, const NgSegments *seg, const NgLexicon *lex, const NgRecognition *rec,
                   const NgEntities *ents, int year, int month, int day, NgRelations **out) {
  *out = NULL;
  NgRelations *R = calloc(1, sizeof *R);
  if (!R) return NG_ERR_NOMEM;
  Ctx c = {text->data, seg, seg->toks, seg->n_toks, lex, rec, ents,       year, month,
           day,        R,   0,         0,           0,   0,   NG_SUCCESS, NULL, NULL};
  c.phrase = calloc(seg->n_toks + 1, 1);
  c.rel_index = ng_strmap_new();
  if (!c.phrase || !c.rel_index) {
    free(c.phrase);
    ng_strmap_free(c.rel_index);
    free(R);
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; i < rec->n_titles; ++i) {
    const NgTitle *T = &rec->titles[i];
    for (size_t k = T->tok_begin; k < T->tok_end; ++k) c.phrase[k] |= 1;
    c.phrase[T->tok_begin] |= 2;
  }
  roles(&c);
  if (!c.st) name_of_org(&c);
  if (!c.st) structure(&c);
  if (!c.st) events(&c);
  if (!c.st) agreements(&c);
  if (!c.st) statements(&c);
  free(c.phrase);
  ng_strmap_free(c.rel_index);
  if (c.st) {
    ng_relations_free(R);
    return c.st;
  }
  *out = R;
  return NG_SUCCESS;
}

void ng_relations_free(NgRelations *R) {
  if (!R) return;
  for (size_t i = 0; i < R->n_roles; ++i) {
    free(R->roles[i].title);
    free(R->roles[i].text);
  }
  for (size_t i = 0; i < R->n_events; ++i) free(R->events[i].participants);
  free(R->rels);
  free(R->roles);
  free(R->events);
  free(R->stmts);
  free(R);
}
