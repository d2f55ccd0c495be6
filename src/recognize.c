#include "recognize.h"

#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#define KIND(k) (1u << (k))

typedef struct {
  const char *s;
  const NgSegments *seg;
  const NgToken *t;
  size_t nt;
  const NgLexicon *lex;
  uint32_t *wf; /* word flags per token (the recognition's tok_words) */
  NgRecognition *r;
  size_t cap_m, cap_t, cap_l;
  NgStatus st;
} Ctx;

/* ---- small helpers ------------------------------------------------------ */

static int is_word(const Ctx *c, size_t i) { return i < c->nt && c->t[i].kind == NG_TOK_WORD; }
static int is_cap(const Ctx *c, size_t i) {
  return is_word(c, i) && (c->t[i].flags & (NG_TF_CAP | NG_TF_ALLCAPS)) && !(c->t[i].flags & NG_TF_POSS);
}
static int is_lower(const Ctx *c, size_t i) { return is_word(c, i) && (c->t[i].flags & NG_TF_LOWER); }
static int tok(const Ctx *c, size_t i, const char *w) { return i < c->nt && ng_tok_is(c->s, &c->t[i], w); }
static int tok_i(const Ctx *c, size_t i, const char *w) { return i < c->nt && ng_tok_ieq(c->s, &c->t[i], w); }
static int free_tok(const Ctx *c, size_t i) { return i < c->nt && c->r->tok_mention[i] < 0 && c->r->tok_title[i] < 0; }
static size_t sent_end(const Ctx *c, size_t i) { return c->seg->sents[c->t[i].sent].tok_end; }
static size_t sent_begin(const Ctx *c, size_t i) { return c->seg->sents[c->t[i].sent].tok_begin; }
static int sent_start(const Ctx *c, size_t i) { return (c->t[i].flags & NG_TF_SENT_START) != 0; }
static int is_punct(const Ctx *c, size_t i, const char *p) {
  return i < c->nt && c->t[i].kind == NG_TOK_PUNCT && ng_tok_is(c->s, &c->t[i], p);
}
static int is_open_quote(const Ctx *c, size_t i) {
  return is_punct(c, i, "\"") || is_punct(c, i, "\xE2\x80\x9C") || is_punct(c, i, "\xE2\x80\x98") ||
         is_punct(c, i, "'");
}
static int is_close_quote(const Ctx *c, size_t i) {
  return is_punct(c, i, "\"") || is_punct(c, i, "\xE2\x80\x9D") || is_punct(c, i, "\xE2\x80\x99") ||
         is_punct(c, i, "'");
}
static int is_name_word(const Ctx *c, size_t i) {
  /* a capitalized word that may be part of a person's name */
  if (!is_cap(c, i)) return 0;
  uint32_t f = c->wf[i];
  if (f & (NG_W_STOP | NG_W_MONTH | NG_W_WEEKDAY | NG_W_EVENT | NG_W_ORG_HEAD | NG_W_AGR_HEAD))
    return (f & NG_W_GIVEN) != 0 && !(f & NG_W_STOP);
  return 1;
}

static int32_t add_mention(Ctx *c, size_t a, size_t b, NgClass cls, int32_t lex, NgRule rule, uint16_t flags) {
  NgRecognition *r = c->r;
  if (b <= a) return -1;
  if (r->n_mentions == c->cap_m) {
    size_t nc = c->cap_m ? c->cap_m * 2 : 128;
    NgMention *nm = realloc(r->mentions, nc * sizeof *nm);
    if (!nm) {
      c->st = NG_ERR_NOMEM;
      return -1;
    }
    r->mentions = nm;
    c->cap_m = nc;
  }
  /* a possessive "’s" directly after the name is not part of it */
  uint16_t f = flags;
  if (b < c->nt && (c->t[b].flags & NG_TF_POSS)) f |= NG_MF_POSS;
  NgMention m = {a,   b, c->t[a].start, c->t[b - 1].end, lex, -1, -1, -1, ng_rule_confidence(rule), f, (uint8_t)cls,
                 rule};
  int32_t idx = (int32_t)r->n_mentions++;
  r->mentions[idx] = m;
  if (!(flags & NG_MF_NESTED))
    for (size_t i = a; i < b; ++i) r->tok_mention[i] = idx;
  return idx;
}

static void add_link(Ctx *c, NgLinkKind kind, int32_t a, int32_t b, NgRule rule) {
  NgRecognition *r = c->r;
  if (a < 0 || b < 0 || a == b) return;
  if (r->n_links == c->cap_l) {
    size_t nc = c->cap_l ? c->cap_l * 2 : 32;
    NgLink *nl = realloc(r->links, nc * sizeof *nl);
    if (!nl) {
      c->st = NG_ERR_NOMEM;
      return;
    }
    r->links = nl;
    c->cap_l = nc;
  }
  r->links[r->n_links++] = (NgLink){(uint8_t)kind, a, b, rule};
}

static const NgLexEntry *E(const Ctx *c, uint32_t i) { return ng_lexicon_entry(c->lex, i); }

/* First hit of a lexicon match of the given kinds at i (any length up to to). */
static size_t lex_at(const Ctx *c, size_t i, size_t to, unsigned kinds, NgLexMatch *m) {
  if (!is_word(c, i) || !(c->wf[i] & NG_W_NAME_START)) {
    m->ntok = m->n = 0;
    return 0;
  }
  return ng_lexicon_match(c->lex, c->s, c->t, i, to, kinds, m);
}

/* A match of the given kinds that ends exactly at `end` and starts >= lo. */
static size_t lex_ending(const Ctx *c, size_t lo, size_t end, unsigned kinds, NgLexMatch *m) {
  for (size_t len = 4; len >= 1; --len) {
    if (end < lo + len) continue;
    size_t a = end - len;
    if (ng_lexicon_match(c->lex, c->s, c->t, a, end, kinds, m) == len) return len;
  }
  m->ntok = m->n = 0;
  return 0;
}

/* Pick the preferred entry of a match: places and orgs before demonyms,
   countries before cities before regions. */
static uint32_t best_entry(const Ctx *c, const NgLexMatch *m) {
  uint32_t best = m->entries[0];
  int bs = 99;
  for (size_t i = 0; i < m->n; ++i) {
    const NgLexEntry *e = E(c, m->entries[i]);
    int s = e->kind == NG_LEX_ORG     ? 1
            : e->kind == NG_LEX_PLACE ? (e->cls == NG_CLS_COUNTRY ? 0
                                         : e->cls == NG_CLS_CITY  ? 2
                                                                  : 3)
                                      : 5;
    if (s < bs) {
      bs = s;
      best = m->entries[i];
    }
  }
  return best;
}

static int32_t add_lex_mention(Ctx *c, size_t a, size_t b, uint32_t entry, NgRule rule, uint16_t flags) {
  const NgLexEntry *e = E(c, entry);
  if (e->kind == NG_LEX_DEMONYM || e->kind == NG_LEX_TITLE) return -1;
  return add_mention(c, a, b, (NgClass)e->cls, (int32_t)entry, rule, flags);
}

/* The gazetteer rule of an entry: a whole chunk, or `inner` (inside a longer one). */
static NgRule gaz_rule(const NgLexEntry *e, int inner) {
  if (e->kind == NG_LEX_ORG) return inner ? NG_RULE_GAZ_ORG_INNER : NG_RULE_GAZ_ORG;
  if (e->cls == NG_CLS_COUNTRY) return inner ? NG_RULE_GAZ_COUNTRY_INNER : NG_RULE_GAZ_COUNTRY;
  if (e->cls == NG_CLS_CITY) return inner ? NG_RULE_GAZ_CITY_INNER : NG_RULE_GAZ_CITY;
  return inner ? NG_RULE_GAZ_REGION_INNER : NG_RULE_GAZ_REGION;
}

/* ---- titles ------------------------------------------------------------- */

static int title_left_blocked(const Ctx *c, size_t i) {
  /* "Joint Chiefs of Staff": a title word inside a known organization's name */
  for (size_t back = 1; back <= 2 && back <= i; ++back) {
    NgLexMatch om;
    size_t n = is_cap(c, i - back) ? lex_at(c, i - back, c->nt, KIND(NG_LEX_ORG), &om) : 0;
    if (n > back) return 1;
  }
  /* "Port-au-Prince": a title word glued by a hyphen to a capitalized word
     that is no title or modifier is part of a compound name */
  if (i >= 2 && (c->t[i - 1].flags & NG_TF_JOINED) && is_word(c, i - 2) && !is_lower(c, i - 2) &&
      !tok_i(c, i - 2, "ex") && !tok_i(c, i - 2, "co") && !(c->wf[i - 2] & NG_W_TITLE_MOD) &&
      c->r->tok_title[i - 2] < 0)
    return 1;
  if (i >= 2 && (c->t[i - 1].flags & NG_TF_JOINED) && is_lower(c, i - 2) && i >= 4 &&
      (c->t[i - 3].flags & NG_TF_JOINED) && is_cap(c, i - 4))
    return 1;
  /* "Martin Luther King": a title word continuing a person's name */
  if (i == 0 || !is_cap(c, i - 1) || sent_start(c, i)) return 0;
  if (c->wf[i - 1] & NG_W_GIVEN) return 1;
  if (i >= 2 && is_cap(c, i - 2) && (c->wf[i - 2] & NG_W_GIVEN) && !(c->wf[i - 1] & NG_W_TITLE_MOD)) return 1;
  return 0;
}

/* Does the capitalized run [a, b) name an entity (so a title must stop)? */
static int run_is_entity(const Ctx *c, size_t a, size_t b) {
  NgLexMatch m;
  for (size_t k = a; k < b; ++k) {
    if (c->wf[k] & (NG_W_ORG_HEAD | NG_W_AGR_HEAD)) {
      if (k > a || (k + 1 < b)) return 1;
    }
    if (is_cap(c, k) && lex_at(c, k, b, KIND(NG_LEX_ORG), &m)) return 1;
  }
  if (b - a >= 2 && (c->wf[a] & NG_W_GIVEN)) return 1;
  return 0;
}

/* End of a capitalized run starting at j: caps joined by "and"/"of"/"&". */
static size_t cap_run(const Ctx *c, size_t j, size_t end) {
  size_t k = j;
  while (k < end && is_cap(c, k)) {
    ++k;
    if (k + 1 < end && (tok(c, k, "and") || tok(c, k, "of") || tok(c, k, "&")) && is_cap(c, k + 1))
      ++k;
    else if (k + 1 < end && (c->t[k].flags & NG_TF_JOINED) && is_cap(c, k + 1))
      ++k;
  }
  return k;
}

static void find_titles(Ctx *c) {
  NgRecognition *r = c->r;
  for (size_t i = 0; i < c->nt;) {
    NgLexMatch m;
    size_t se = sent_end(c, i), sb = sent_begin(c, i);
    if (!is_word(c, i) || !(c->wf[i] & NG_W_TITLE_START) || r->tok_title[i] >= 0 ||
        !lex_at(c, i, se, KIND(NG_LEX_TITLE), &m) || title_left_blocked(c, i)) {
      ++i;
      continue;
    }
    size_t cb = i, ce = i + m.ntok;
    /* "Queen’s University": a possessive + institution is a name, not a title */
    if (ce < c->nt && (c->t[ce].flags & NG_TF_POSS) && is_cap(c, ce + 1) && (c->wf[ce + 1] & NG_W_ORG_HEAD)) {
      i = ce;
      continue;
    }
    /* "General Assembly", "General Staff": a capitalized title word right
       before an institution head word names the institution */
    if (is_cap(c, i) && ce < c->nt && !(c->t[ce - 1].flags & NG_TF_POSS) && is_cap(c, ce) &&
        (c->wf[ce] & NG_W_ORG_HEAD) && !(c->wf[ce] & NG_W_GIVEN)) {
      i = ce;
      continue;
    }
    NgTitle T = {0, 0, 0, 0, i, i + m.ntok, (int32_t)m.entries[0], -1, -1, 0};
    while (cb > sb && (c->wf[cb - 1] & NG_W_TITLE_MOD) && free_tok(c, cb - 1) && r->tok_title[cb - 1] < 0) --cb;
    while (ce < se && (tok_i(c, ce, "Emeritus") || tok_i(c, ce, "Emerita") || tok_i(c, ce, "Designate") ||
                       (is_punct(c, ce, "-") && (tok_i(c, ce + 1, "elect") || tok_i(c, ce + 1, "designate")))))
      ce += is_punct(c, ce, "-") ? 2 : 1;
    /* extension to the right */
    int32_t ext_place = -1, ext_org = -1;
    size_t ext_a = 0, ext_b = 0, xo_a = 0, xo_b = 0;
    NgLexMatch om;
    size_t oj = ce + 1 + (tok_i(c, ce + 1, "the") ? 1 : 0), on = 0;
    if (tok(c, ce, "of") && is_cap(c, oj) && (on = lex_at(c, oj, se, KIND(NG_LEX_ORG), &om)) > 0) {
      /* "High Representative of the European Union [for Foreign Affairs
         and Security Policy]": a known institution, then its portfolio */
      ext_org = (int32_t)best_entry(c, &om);
      xo_a = oj;
      xo_b = oj + on;
      ce = xo_b;
      if (tok(c, ce, "for") && is_cap(c, ce + 1)) {
        size_t q = ce + 1;
        while (q < se &&
               ((is_cap(c, q) && !((c->wf[q] & NG_W_GIVEN) && is_cap(c, q + 1))) ||
                (is_lower(c, q) && (tok(c, q, "and") || tok(c, q, "of") || tok(c, q, "the")) && is_cap(c, q + 1))))
          ++q;
        if (q > ce + 1 && is_cap(c, q - 1)) ce = q;
      }
    } else if (tok(c, ce, "of") || tok(c, ce, "for")) {
      size_t j = ce + 1;
      size_t run = cap_run(c, j, se);
      NgLexMatch pm;
      if (run > j && lex_at(c, j, run, KIND(NG_LEX_PLACE), &pm) == run - j &&
          E(c, best_entry(c, &pm))->cls == NG_CLS_COUNTRY) {
        ext_place = (int32_t)best_entry(c, &pm);
        ext_a = j;
        ext_b = run;
        ce = run;
      } else if (run > j && !run_is_entity(c, j, run) && !lex_at(c, j, run, KIND(NG_LEX_PLACE), &pm)) {
        ce = run;
      }
    } else if (tok(c, ce, "to") && is_cap(c, ce + 1)) {
      NgLexMatch pm;
      size_t n = lex_at(c, ce + 1, se, KIND(NG_LEX_PLACE), &pm);
      if (n) {
        ext_place = (int32_t)best_entry(c, &pm);
        ext_a = ce + 1;
        ext_b = ce + 1 + n;
        ce = ext_b;
      }
    }
    /* prefixes to the left: country names/demonyms, known organizations,
       unknown capitalized modifiers, "former" */
    size_t p = cb;
    int32_t country = -1, org_lex = -1;
    size_t org_a = 0, org_b = 0;
    size_t place_a[4], place_b[4];
    uint32_t place_e[4];
    int n_place = 0;
    for (int guard = 0; guard < 6 && p > sb; ++guard) {
      NgLexMatch pm;
      size_t n;
      if (r->tok_mention[p - 1] >= 0 || r->tok_title[p - 1] >= 0) break;
      /* "International Criminal Court (ICC) Prosecutor": a known
         organization with its acronym in parentheses */
      if (p >= sb + 4 && is_punct(c, p - 1, ")") && (c->t[p - 2].flags & NG_TF_ALLCAPS) && is_punct(c, p - 3, "(") &&
          org_lex < 0 && org_b == 0 && country < 0 && r->tok_mention[p - 4] < 0 &&
          (n = lex_ending(c, sb, p - 3, KIND(NG_LEX_ORG), &pm))) {
        org_lex = (int32_t)best_entry(c, &pm);
        org_a = p - 3 - n;
        org_b = p - 3;
        p = org_a;
        continue;
      }
      /* "Norway's Prime Minister", "NATO's secretary-general": a country or
         a known organization in the possessive */
      if (p - 1 > sb && (c->t[p - 1].flags & NG_TF_POSS) && country < 0 && org_lex < 0 && org_b == 0 &&
          r->tok_mention[p - 2] < 0) {
        size_t q = p - 1;
        if ((n = lex_ending(c, sb, q, KIND(NG_LEX_PLACE), &pm)) && E(c, best_entry(c, &pm))->cls == NG_CLS_COUNTRY) {
          uint32_t e = best_entry(c, &pm);
          country = (int32_t)e;
          if (n_place < 4) {
            place_a[n_place] = q - n;
            place_b[n_place] = q;
            place_e[n_place++] = e;
          }
          p = q - n;
          continue;
        }
        if ((n = lex_ending(c, sb, q, KIND(NG_LEX_ORG), &pm))) {
          org_lex = (int32_t)best_entry(c, &pm);
          org_a = q - n;
          org_b = q;
          p = q - n;
          continue;
        }
      }
      if ((n = lex_ending(c, sb, p, KIND(NG_LEX_PLACE) | KIND(NG_LEX_DEMONYM), &pm))) {
        uint32_t e = best_entry(c, &pm);
        const NgLexEntry *le = E(c, e);
        if (le->cls != NG_CLS_COUNTRY && le->kind != NG_LEX_DEMONYM) break;
        country = le->country >= 0 ? le->country : (int32_t)e;
        if (le->kind == NG_LEX_PLACE && n_place < 4) {
          place_a[n_place] = p - n;
          place_b[n_place] = p;
          place_e[n_place++] = e;
        }
        p -= n;
        continue;
      }
      if ((n = lex_ending(c, sb, p, KIND(NG_LEX_ORG), &pm)) && org_lex < 0) {
        org_lex = (int32_t)best_entry(c, &pm);
        org_a = p - n;
        org_b = p;
        p -= n;
        continue;
      }
      /* "Vietnam's new president": descriptive words between a possessive
         and the title */
      if (is_lower(c, p - 1) &&
          (tok(c, p - 1, "new") || tok(c, p - 1, "incoming") || tok(c, p - 1, "outgoing") || tok(c, p - 1, "current") ||
           tok(c, p - 1, "interim") || tok(c, p - 1, "longtime") || tok(c, p - 1, "top")) &&
          p - 1 > sb && ((c->t[p - 2].flags & NG_TF_POSS) || is_cap(c, p - 2))) {
        --p;
        continue;
      }
      if (tok_i(c, p - 1, "former") || tok_i(c, p - 1, "then")) {
        T.former = tok_i(c, p - 1, "former");
        --p;
        continue;
      }
      if (p >= 2 && is_punct(c, p - 1, "-") && tok_i(c, p - 2, "ex")) {
        T.former = 1;
        p -= 2;
        continue;
      }
      /* an institution named in front: "Northfield University Chancellor" */
      if (is_cap(c, p - 1) && (c->wf[p - 1] & NG_W_ORG_HEAD) && org_lex < 0 && country < 0 && org_b == 0) {
        size_t q = p - 1;
        while (q > sb && r->tok_mention[q - 1] < 0 &&
               (is_cap(c, q - 1) || ((c->t[q - 1].flags & NG_TF_POSS) && q >= 2 && is_cap(c, q - 2))) &&
               !(c->wf[q - 1] & (NG_W_STOP | NG_W_TITLE_MOD)))
          --q;
        if (q < p - 1) {
          org_a = q;
          org_b = p;
          p = q;
          continue;
        }
      }
      /* a ministry's field is part of the title: "Commerce Minister" */
      if (is_cap(c, p - 1) && (c->wf[p - 1] & NG_W_PORTFOLIO) && cb == p) {
        --p;
        cb = p;
        continue;
      }
      /* regional or religious adjectives and compass words describe the
         holders, they name no institution: "European and North African
         leaders" */
      if (is_cap(c, p - 1) && (c->wf[p - 1] & (NG_W_ADJECTIVE | NG_W_COMPASS))) {
        --p;
        continue;
      }
      /* unknown capitalized modifier: "Halvorsen Senior Fellow" (org),
         "EU Brexit negotiator" (part of the title) */
      if (is_cap(c, p - 1) && !sent_start(c, p - 1) &&
          !(c->wf[p - 1] & (NG_W_STOP | NG_W_GIVEN | NG_W_MONTH | NG_W_WEEKDAY | NG_W_TITLE_MOD)) && org_lex < 0 &&
          country < 0 && org_b == 0) {
        size_t q = p - 1;
        if (q > sb && is_cap(c, q - 1) && !sent_start(c, q)) {
          /* something capitalized before it: treat it as part of the title */
          p = q;
          cb = q;
          continue;
        }
        org_a = q;
        org_b = p;
        p = q;
        continue;
      }
      break;
    }
    T.tok_begin = p;
    T.tok_end = ce;
    T.core_begin = cb;
    T.core_end = ce;
    T.country = country;
    /* record */
    if (r->n_titles == c->cap_t) {
      size_t nc = c->cap_t ? c->cap_t * 2 : 64;
      NgTitle *ntl = realloc(r->titles, nc * sizeof *ntl);
      if (!ntl) {
        c->st = NG_ERR_NOMEM;
        return;
      }
      r->titles = ntl;
      c->cap_t = nc;
    }
    int32_t ti = (int32_t)r->n_titles;
    for (int k = 0; k < n_place; ++k)
      add_lex_mention(c, place_a[k], place_b[k], place_e[k], NG_RULE_TITLE_COUNTRY_PREFIX, 0);
    if (org_b > org_a) {
      if (org_lex >= 0)
        T.org = add_lex_mention(c, org_a, org_b, (uint32_t)org_lex, NG_RULE_TITLE_ORG_PREFIX_KNOWN, NG_MF_TITLE_PREFIX);
      else if (c->wf[org_b - 1] & NG_W_ORG_HEAD)
        T.org = add_mention(c, org_a, org_b, ng_lexicon_head_class(c->lex, c->s, &c->t[org_b - 1]), -1,
                            NG_RULE_TITLE_ORG_PREFIX_HEAD, NG_MF_TITLE_PREFIX);
      else
        T.org = add_mention(c, org_a, org_b, NG_CLS_ORGANIZATION, -1, NG_RULE_TITLE_ORG_PREFIX, NG_MF_TITLE_PREFIX);
    }
    if (ext_place >= 0) add_lex_mention(c, ext_a, ext_b, (uint32_t)ext_place, NG_RULE_TITLE_PLACE_EXTENSION, 0);
    if (ext_org >= 0) {
      int32_t xo = add_lex_mention(c, xo_a, xo_b, (uint32_t)ext_org, NG_RULE_TITLE_ORG_EXTENSION, 0);
      if (T.org < 0) T.org = xo;
    }
    r->titles[r->n_titles++] = T;
    for (size_t k = cb; k < ce; ++k)
      if (r->tok_mention[k] < 0) r->tok_title[k] = ti;
    if (T.former) /* keep "former" inside the phrase but free for nothing else */
      for (size_t k = p; k < cb; ++k)
        if (r->tok_mention[k] < 0 && (tok_i(c, k, "former") || tok_i(c, k, "ex") || is_punct(c, k, "-")))
          r->tok_title[k] = ti;
    i = ce > i ? ce : i + 1;
  }
}

/* ---- chunks --------------------------------------------------------------- */

int32_t ng_recognition_title_ending(const NgRecognition *r, size_t a) {
  if (a == 0) return -1;
  int32_t t = r->tok_title[a - 1];
  if (t >= 0) return r->titles[t].core_end == a ? t : -1;
  /* titles are sorted and do not overlap, so their core ends ascend */
  size_t lo = 0, hi = r->n_titles;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (r->titles[mid].core_end < a)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < r->n_titles && r->titles[lo].core_end == a ? (int32_t)lo : -1;
}

static int32_t title_before(const Ctx *c, size_t a) { return ng_recognition_title_ending(c->r, a); }

static int chunk_has_head(const Ctx *c, size_t a, size_t b, uint32_t flag) {
  for (size_t k = a; k < b; ++k)
    if ((c->wf[k] & flag) && is_cap(c, k)) return 1;
  return 0;
}

/* Build a capitalized chunk from a: returns its end. */
/* A short lower-case word that can end a hyphenated given name ("Ki-moon"),
   not a common English suffix word ("Kremlin-led", "Soviet-era"). */
static int name_syllable(const Ctx *c, size_t k) {
  static const char *const not_names[] = {
      "led",  "run",  "era",  "old",  "born", "made", "held", "like", "type", "wide", "long", "term", "free",
      "back", "up",   "out",  "off",  "on",   "year", "day",  "week", "area", "bloc", "zone", "wing", "only",
      "time", "rich", "poor", "east", "west", "side", "wise", "ward", "fold", "less", "ish",  "esque"};
  if (!is_lower(c, k) || (c->t[k].flags & NG_TF_JOINED)) return 0;
  size_t n = c->t[k].end - c->t[k].start;
  if (n < 2 || n > 4) return 0;
  for (size_t i = 0; i < n; ++i)
    if (c->s[c->t[k].start + i] < 'a' || c->s[c->t[k].start + i] > 'z') return 0;
  for (size_t i = 0; i < sizeof not_names / sizeof not_names[0]; ++i)
    if (tok(c, k, not_names[i])) return 0;
  return 1;
}

/* "moon" in "Ki-moon". */
static int hyphen_syllable(const Ctx *c, size_t k) {
  return k >= 2 && (c->t[k - 1].flags & NG_TF_JOINED) && is_cap(c, k - 2) && name_syllable(c, k);
}

static int name_particle(const Ctx *c, size_t k);

static size_t build_chunk(const Ctx *c, size_t a, size_t se, int pub) {
  size_t k = a;
  int has_head = 0;
  while (k < se) {
    if (!free_tok(c, k)) break;
    if (is_cap(c, k)) {
      int head_before = has_head;
      if (c->wf[k] & (NG_W_ORG_HEAD | NG_W_AGR_HEAD)) has_head = 1;
      ++k;
      /* "Queen’s University", "Sudan People’s Liberation Movement" (but
         "X University’s Institute" is two) */
      NgLexMatch pm;
      int of_after_head = 0; /* "Standing Committee of the National People’s Congress" */
      for (size_t q = k - 1; q > a && q + 5 > k && !(c->wf[q] & NG_W_ORG_HEAD); --q)
        if (tok(c, q, "of")) of_after_head = 1;
      if ((!head_before || of_after_head) && !(c->wf[k - 1] & NG_W_ORG_HEAD) && k + 1 < se &&
          (c->t[k].flags & NG_TF_POSS) && is_cap(c, k + 1) &&
          chunk_has_head(c, k + 1, k + 4 < se ? k + 4 : se, NG_W_ORG_HEAD) &&
          lex_at(c, a, k, KIND(NG_LEX_PLACE) | KIND(NG_LEX_ORG), &pm) != k - a) /* not "Israel’s X Council" */
        ++k;
      continue;
    }
    if (k == a) break;
    /* a nickname in quotes: Jimmy “Barbecue” Chérizier */
    if (k == a + 1 && (c->wf[a] & NG_W_GIVEN) && is_open_quote(c, k) && is_cap(c, k + 1)) {
      size_t q = k + 1;
      while (q < se && q < k + 4 && is_cap(c, q)) ++q;
      if (is_close_quote(c, q) && is_cap(c, q + 1) && free_tok(c, q + 1) && !(c->wf[q + 1] & NG_W_STOP)) {
        k = q + 1;
        continue;
      }
    }
    /* joiners: need a free capitalized word after them */
    size_t nx = k + 1;
    if ((c->t[k].flags & NG_TF_JOINED) && is_cap(c, nx) && free_tok(c, nx)) {
      k = nx;
      continue;
    }
    /* "Ban Ki-moon", "Moon Jae-in": a short lower-case syllable after a
       hyphen continues a name */
    if ((c->t[k].flags & NG_TF_JOINED) && is_punct(c, k, "-") && !has_head && is_cap(c, k - 1) &&
        !(c->t[k - 1].flags & NG_TF_ALLCAPS) && name_syllable(c, nx)) {
      k = nx + 1;
      continue;
    }
    if (!is_word(c, k)) break;
    int conn = (c->wf[k] & NG_W_CONNECTOR) != 0;
    if (tok(c, k, "and") || tok(c, k, "&")) {
      /* "Belt and Road Initiative": one word on each side, a head after */
      int head_after = k == a + 1 && is_cap(c, nx) && is_cap(c, nx + 1) && (c->wf[nx + 1] & NG_W_ORG_HEAD) &&
                       !(c->wf[a] & NG_W_ORG_HEAD);
      if (!(has_head || pub || head_after) || tok(c, nx, "the")) break;
    } else if (tok(c, k, "in")) {
      if (!(pub || (k > a && (c->wf[k - 1] & NG_W_ORG_IN)))) break;
      conn = 1;
    } else if (tok(c, k, "the")) {
      if (k > a && !tok(c, k - 1, "on") && !tok(c, k - 1, "of") && !tok(c, k - 1, "for") && !tok(c, k - 1, "in")) break;
    }
    if (!conn || !is_lower(c, k)) break;
    /* "Anna Berg of the Oslo-based ...": a first name and surname do not
       run on into an institution */
    if (!has_head && !pub && k - a >= 2 && (c->wf[a] & NG_W_GIVEN) && !(c->wf[a] & NG_W_STOP) &&
        (tok(c, k, "of") || tok(c, k, "for") || tok(c, k, "on")))
      break;
    /* a date never continues a name: "Mark Olsen on Monday" */
    if (c->wf[nx] & (NG_W_MONTH | NG_W_WEEKDAY) && !pub) break;
    /* connector followed by "the" then a capital, or directly a capital */
    if (tok(c, nx, "the") && is_cap(c, nx + 1) && free_tok(c, nx + 1)) {
      k = nx + 1;
      continue;
    }
    if (is_cap(c, nx) && free_tok(c, nx)) {
      k = nx;
      continue;
    }
    /* a particle joined to the name: "Bashar al-Assad" */
    if (name_particle(c, k) && (c->t[nx].flags & NG_TF_JOINED) && is_cap(c, nx + 1) && free_tok(c, nx + 1) &&
        !has_head) {
      k = nx + 1;
      continue;
    }
    /* two name particles: "Ursula von der Leyen", "de la Cruz" */
    if (name_particle(c, k) && name_particle(c, nx) && is_cap(c, nx + 1) && free_tok(c, nx + 1)) {
      k = nx + 1;
      continue;
    }
    break;
  }
  /* never end on a connector (a name syllable after a hyphen stays) */
  while (k > a && !is_cap(c, k - 1) && !(k >= a + 3 && (c->t[k - 2].flags & NG_TF_JOINED) && name_syllable(c, k - 1)))
    --k;
  return k;
}

static int32_t classify_chunk(Ctx *c, size_t a, size_t b);

/* A lower-case particle inside a person's name: "bin", "van", "de", "al". */
static int name_particle(const Ctx *c, size_t k) { return is_lower(c, k) && (c->wf[k] & NG_W_PARTICLE); }

/* Token k is "to" after a verb of travel ("travel to", "flew to", "visit
   to"). */
static int travel_to(const Ctx *c, size_t k) {
  return k > 0 && tok(c, k, "to") && (c->wf[k - 1] & (NG_W_VISIT | NG_W_TRAVEL));
}

/* Person / unknown classification of a run with no head and no gazetteer hit. */
static void classify_rest(Ctx *c, size_t a, size_t b) {
  if (b <= a) return;
  size_t n = b - a;
  int32_t title = title_before(c, a);
  int after_title = title >= 0;
  /* "British Prime Minister, Rishi Sunak" */
  if (!after_title && a >= 2 && is_punct(c, a - 1, ",") && c->r->tok_title[a - 2] >= 0 &&
      c->r->titles[c->r->tok_title[a - 2]].core_end == a - 1 && n >= 2)
    after_title = 1, title = c->r->tok_title[a - 2];
  int given = (c->wf[a] & NG_W_GIVEN) && n >= 2;
  int all_names = 1;
  for (size_t k = a; k < b; ++k) {
    /* capitals only as initials ("JD Vance"), never a whole name */
    int initials = (c->t[k].flags & NG_TF_ALLCAPS) && c->t[k].end - c->t[k].start <= 2 && k + 1 < b;
    if ((!is_cap(c, k) &&
         !(k > a && (name_particle(c, k) || hyphen_syllable(c, k) || (c->t[k].flags & NG_TF_JOINED)))) ||
        (c->t[k].flags & NG_TF_ALLCAPS && !(c->t[k].flags & NG_TF_ABBR) && !initials))
      all_names = 0;
    /* "told Americans Saturday": no weekdays or demonyms in a person's name */
    if (c->wf[k] & NG_W_WEEKDAY) all_names = 0;
  }
  if (lex_at(c, a, a + 1, KIND(NG_LEX_DEMONYM), &(NgLexMatch){0}) == 1) all_names = 0;
  /* "fellow Tutsis": after a lower-case title one word that is no given
     name is not enough for a person */
  if (after_title && n == 1 && is_lower(c, c->r->titles[title].core_begin) && !(c->wf[a] & NG_W_GIVEN)) after_title = 0;
  if (after_title && all_names && n <= 4) {
    int32_t mi = add_mention(c, a, b, NG_CLS_PERSON, -1, NG_RULE_PERSON_AFTER_TITLE, 0);
    if (mi >= 0) c->r->mentions[mi].title = title;
    return;
  }
  if (given && all_names && n <= 4) {
    add_mention(c, a, b, NG_CLS_PERSON, -1, NG_RULE_PERSON_GIVEN_NAME, 0);
    return;
  }
  /* "NAME, a senior fellow ..." / "NAME said" / "said NAME" */
  if (all_names && n >= 2 && n <= 4) {
    size_t k = b;
    int appos = 0;
    if (is_punct(c, k, ",")) {
      ++k;
      while (k < c->nt && (tok_i(c, k, "a") || tok_i(c, k, "an") || tok_i(c, k, "the") || tok_i(c, k, "former") ||
                           (c->t[k].flags & NG_TF_POSS) ||
                           (c->r->tok_mention[k] >= 0 && c->r->mentions[c->r->tok_mention[k]].cls != NG_CLS_PERSON)))
        ++k;
      appos = k < c->nt && c->r->tok_title[k] >= 0;
    }
    int said = (b < c->nt && (c->wf[b] & NG_W_SAY) && is_lower(c, b)) ||
               (a > 0 && (c->wf[a - 1] & NG_W_SAY) && is_lower(c, a - 1));
    if (appos || said) {
      add_mention(c, a, b, NG_CLS_PERSON, -1, appos ? NG_RULE_PERSON_APPOSITION : NG_RULE_PERSON_SPEECH_VERB, 0);
      return;
    }
  }
  /* "the Mills administration": the surname of the head of a government */
  if (n <= 2 && all_names && b < c->nt && tok(c, b, "administration") && !(c->t[a].flags & NG_TF_ALLCAPS)) {
    add_mention(c, a, b, NG_CLS_PERSON, -1, NG_RULE_PERSON_ADMINISTRATION, 0);
    return;
  }
  /* "the PSNI": an unknown all-capitals word of 2-8 letters after "the" is
     an organization's acronym */
  if (n == 1 && a > 0 && tok_i(c, a - 1, "the") && (c->t[a].flags & NG_TF_ALLCAPS) && !(c->t[a].flags & NG_TF_ABBR) &&
      c->t[a].end - c->t[a].start >= 2 && c->t[a].end - c->t[a].start <= 8 &&
      !(c->wf[a] & (NG_W_STOP | NG_W_MONTH | NG_W_WEEKDAY | NG_W_EVENT | NG_W_TITLE_MOD)) && c->r->tok_title[a] < 0) {
    /* an acronym given in parentheses before is left to the short-form pass
       ("the United States-Mexico-Canada Agreement (USMCA)" ... "the USMCA") */
    for (size_t i = 0; i < c->r->n_mentions; ++i) {
      const NgMention *x = &c->r->mentions[i];
      if ((x->flags & NG_MF_ACRONYM) && x->end - x->start == c->t[a].end - c->t[a].start &&
          memcmp(c->s + x->start, c->s + c->t[a].start, x->end - x->start) == 0)
        return;
    }
    add_mention(c, a, b, NG_CLS_ORGANIZATION, -1, NG_RULE_ORG_ACRONYM_THE, 0);
    return;
  }
  /* a single unknown word after "in"/"near", or after "to" following a
     travel verb ("travel to Anuradhapura"): a place */
  if (n == 1 && a > 0 && (tok(c, a - 1, "in") || tok(c, a - 1, "near") || travel_to(c, a - 1)) && !sent_start(c, a) &&
      !(b < c->nt && (c->t[b].flags & NG_TF_POSS)) && /* "in Dahl's view" */
      !(c->wf[a] & (NG_W_STOP | NG_W_MONTH | NG_W_WEEKDAY | NG_W_EVENT | NG_W_GIVEN | NG_W_ORG_HEAD)) &&
      !(c->t[a].flags & NG_TF_ALLCAPS)) {
    add_mention(c, a, b, NG_CLS_PLACE, -1, NG_RULE_PLACE_AFTER_PREPOSITION, 0);
    return;
  }
}

/* An organization chunk [a, b) with a head word; splits "A of B" where both
   sides have a head. */
static int32_t org_chunk(Ctx *c, size_t a, size_t b, NgClass forced) {
  /* "the National Security Council and Foreign Ministry": two institutions
     when both sides have their own head word */
  for (size_t k = a + 2; k + 2 < b; ++k) {
    if (!tok(c, k, "and") && !tok(c, k, "&")) continue;
    if (chunk_has_head(c, a, k, NG_W_ORG_HEAD) && chunk_has_head(c, k + 1, b, NG_W_ORG_HEAD) &&
        (c->wf[k - 1] & NG_W_ORG_HEAD) && (c->wf[b - 1] & NG_W_ORG_HEAD)) {
      int32_t left = org_chunk(c, a, k, forced);
      org_chunk(c, k + 1, b, NG_CLS_COUNT);
      return left;
    }
  }
  /* split at "of" when the right part has its own head and a name */
  for (size_t k = a + 1; k + 1 < b; ++k) {
    if (!tok(c, k, "of")) continue;
    size_t rb = k + 1;
    if (tok(c, rb, "the")) ++rb;
    if (chunk_has_head(c, a, k, NG_W_ORG_HEAD) && chunk_has_head(c, rb, b, NG_W_ORG_HEAD) && b - rb >= 2 &&
        k - a >= 2) {
      int32_t left = org_chunk(c, a, k, forced);
      int32_t right = org_chunk(c, rb, b, NG_CLS_COUNT);
      add_link(c, NG_LINK_PART_OF, left, right, NG_RULE_NAME_X_OF_Y);
      return left;
    }
  }
  /* class from the last head word */
  NgClass cls = NG_CLS_ORGANIZATION;
  size_t head = b;
  for (size_t k = a; k < b; ++k)
    if ((c->wf[k] & NG_W_ORG_HEAD) && is_cap(c, k)) {
      cls = ng_lexicon_head_class(c->lex, c->s, &c->t[k]);
      head = k;
      if (k > a) break; /* "X University of Y": first head after a name wins */
    }
  if (forced != NG_CLS_COUNT) cls = forced;
  /* a known organization spelled out in full */
  NgLexMatch m;
  if (lex_at(c, a, b, KIND(NG_LEX_ORG), &m) == b - a)
    return add_lex_mention(c, a, b, best_entry(c, &m), NG_RULE_GAZ_ORG, 0);
  int32_t mi = add_mention(c, a, b, cls, -1, NG_RULE_ORG_HEAD_WORD, 0);
  /* "Embassy in Moscow": based in a place named inside */
  for (size_t k = head; k + 1 < b; ++k) {
    if (!tok(c, k, "in")) continue;
    NgLexMatch pm;
    size_t n = lex_at(c, k + 1, b, KIND(NG_LEX_PLACE), &pm);
    if (n) {
      int32_t pl = add_lex_mention(c, k + 1, k + 1 + n, best_entry(c, &pm), NG_RULE_GAZ_PLACE_NESTED, NG_MF_NESTED);
      add_link(c, NG_LINK_BASED_IN, mi, pl, NG_RULE_NAME_X_IN_PLACE);
    }
  }
  return mi;
}

/* Agreement ending with a head word at or after b. Returns end or 0. */
static size_t agreement_end(const Ctx *c, size_t b, size_t se) {
  size_t k = b;
  int mods = 0;
  while (k < se && is_lower(c, k) && (c->wf[k] & NG_W_AGR_MOD) && mods < 2) {
    ++k;
    ++mods;
  }
  if (k < se && (c->wf[k] & NG_W_AGR_HEAD) && is_word(c, k)) return k + 1;
  return 0;
}

static int32_t classify_chunk(Ctx *c, size_t a, size_t b) {
  size_t se = sent_end(c, a);
  NgLexMatch m;
  /* drop sentence-initial function words and dates: "The", "But", "In",
     "Monday" */
  while (a < b && (c->wf[a] & (NG_W_STOP | NG_W_WEEKDAY | NG_W_MONTH)) && !(c->wf[a] & NG_W_GIVEN)) {
    if (lex_at(c, a, b, KIND(NG_LEX_PLACE) | KIND(NG_LEX_ORG), &m) >= 2) break; /* The Hague */
    ++a;
    while (a < b && !is_cap(c, a)) ++a;
  }
  if (a >= b) return -1;
  /* "Government of National Accord": a government named "of" something is
     an institution, whatever its last word */
  if (b - a >= 3 && is_cap(c, a) && (c->wf[a] & NG_W_GOV_BODY) && tok(c, a + 1, "of"))
    return org_chunk(c, a, b, NG_CLS_GOVBODY);
  /* agreements: "Minsk II agreement", "Minsk Accords", "Treaty of Rome" */
  size_t ae = agreement_end(c, b, se);
  /* "Washington for the UAE deal": an agreement named at the end of a chunk
     does not reach back over "for", "in", "with", "at" */
  if ((ae && !(c->wf[b - 1] & NG_W_AGR_HEAD)) || (c->wf[b - 1] & NG_W_AGR_HEAD && is_lower(c, b - 1))) {
    for (size_t k = b - 1; k > a; --k) {
      if (!(tok(c, k, "for") || tok(c, k, "in") || tok(c, k, "with") || tok(c, k, "at"))) continue;
      size_t r = k + 1 + (tok_i(c, k + 1, "the") ? 1 : 0);
      if (r >= b) break;
      classify_chunk(c, a, k);
      return classify_chunk(c, r, b);
    }
  }
  if (ae && !(c->wf[b - 1] & NG_W_AGR_HEAD))
    return add_mention(c, a, ae, NG_CLS_AGREEMENT, -1, NG_RULE_AGREEMENT_NAME_HEAD_AFTER, 0);
  if (b - a >= 2 && (c->wf[b - 1] & NG_W_AGR_HEAD))
    return add_mention(c, a, b, NG_CLS_AGREEMENT, -1, NG_RULE_AGREEMENT_NAME_HEAD, 0);
  if (b - a >= 3 && (c->wf[a] & NG_W_AGR_HEAD) && (tok(c, a + 1, "of") || tok(c, a + 1, "on")))
    return add_mention(c, a, b, NG_CLS_AGREEMENT, -1, NG_RULE_AGREEMENT_HEAD_OF_NAME, 0);
  /* a known organization or place spelled out as the whole chunk */
  if (lex_at(c, a, b, KIND(NG_LEX_ORG) | KIND(NG_LEX_PLACE), &m) == b - a) {
    uint32_t e = best_entry(c, &m);
    /* facility: "Donetsk airport" */
    if (b < se && is_lower(c, b) && (c->wf[b] & NG_W_FACILITY) && E(c, e)->kind == NG_LEX_PLACE) {
      int32_t f = add_mention(c, a, b + 1, NG_CLS_FACILITY, -1, NG_RULE_PLACE_FACILITY_OF_PLACE, 0);
      int32_t p = add_lex_mention(c, a, b, e, NG_RULE_GAZ_PLACE_NESTED, NG_MF_NESTED);
      add_link(c, NG_LINK_LOCATED_IN, f, p, NG_RULE_NAME_FACILITY_IN_CITY);
      return f;
    }
    /* compass word in lowercase right before: "eastern Ukraine" */
    if (a > 0 && is_lower(c, a - 1) && (c->wf[a - 1] & NG_W_COMPASS) && E(c, e)->kind == NG_LEX_PLACE &&
        free_tok(c, a - 1)) {
      int32_t rg = add_mention(c, a - 1, b, NG_CLS_REGION, -1, NG_RULE_PLACE_COMPASS, 0);
      int32_t p = add_lex_mention(c, a, b, e, NG_RULE_GAZ_PLACE_COMPASS, NG_MF_NESTED);
      add_link(c, NG_LINK_LOCATED_IN, rg, p, NG_RULE_NAME_COMPASS);
      return rg;
    }
    return add_lex_mention(c, a, b, e, gaz_rule(E(c, e), 0), 0);
  }
  /* "... Security Policy Josep Borrell": a person's name (given name first)
     right after an institution's name is a person of its own */
  for (size_t k = b >= 2 ? b - 2 : a; b - a >= 4 && k >= a + 2 && k + 3 >= b; --k) {
    if (!is_cap(c, k) || !(c->wf[k] & NG_W_GIVEN) || (c->wf[k] & (NG_W_ORG_HEAD | NG_W_STOP)) || !is_cap(c, k - 1) ||
        !chunk_has_head(c, a, k, NG_W_ORG_HEAD) || chunk_has_head(c, k, b, NG_W_ORG_HEAD))
      continue;
    int all_cap = 1;
    for (size_t q = k; q < b; ++q) all_cap &= is_cap(c, q);
    if (!all_cap) continue;
    int32_t left = classify_chunk(c, a, k);
    add_mention(c, k, b, NG_CLS_PERSON, -1, NG_RULE_PERSON_GIVEN_NAME_AFTER_ORG, 0);
    return left;
  }
  /* "Temur Umarov of the Carnegie Endowment": two or three name words with
     no head, "of [the]", then an institution: a person and the institution */
  for (size_t k = a + 2; k <= a + 3 && k + 2 < b; ++k) {
    if (!tok(c, k, "of")) continue;
    size_t r = k + 1 + (tok_i(c, k + 1, "the") ? 1 : 0);
    if (chunk_has_head(c, a, k, NG_W_ORG_HEAD | NG_W_AGR_HEAD | NG_W_FACILITY | NG_W_PLACE_HEAD) ||
        !chunk_has_head(c, r, b, NG_W_ORG_HEAD) || lex_at(c, a, k, KIND(NG_LEX_ORG) | KIND(NG_LEX_PLACE), &m))
      break;
    int names = 1;
    for (size_t q = a; q < k; ++q) names &= is_name_word(c, q);
    if (!names) break;
    add_mention(c, a, k, NG_CLS_PERSON, -1, NG_RULE_PERSON_OF_ORG, 0);
    return classify_chunk(c, r, b);
  }
  /* "North Central Province", "Rafah Governorate": an administrative area */
  if (b - a >= 2 && is_cap(c, b - 1) && (c->wf[b - 1] & NG_W_PLACE_HEAD) && !chunk_has_head(c, a, b, NG_W_ORG_HEAD)) {
    NgLexMatch pm;
    int32_t rg = add_mention(c, a, b, NG_CLS_REGION, -1, NG_RULE_PLACE_HEAD_WORD, 0);
    size_t n = lex_at(c, a, b - 1, KIND(NG_LEX_PLACE), &pm);
    if (n == b - 1 - a && n) {
      int32_t pl = add_lex_mention(c, a, a + n, best_entry(c, &pm), NG_RULE_GAZ_PLACE_NESTED, NG_MF_NESTED);
      add_link(c, NG_LINK_LOCATED_IN, rg, pl, NG_RULE_NAME_AREA);
    }
    return rg;
  }
  /* "Northern Ireland Assembly Members": a title after the head ends the name */
  while (b - a >= 3 && (c->wf[b - 2] & NG_W_ORG_HEAD) && lex_at(c, b - 1, b, KIND(NG_LEX_TITLE), &m) == 1) --b;
  /* institutions */
  int has_org_head = 0;
  for (size_t k = a; k < b; ++k)
    if ((c->wf[k] & NG_W_ORG_HEAD) && is_cap(c, k) &&
        (k > a ||
         (k + 1 < b && (tok(c, k + 1, "of") || tok(c, k + 1, "for") || tok(c, k + 1, "on") || tok(c, k + 1, "in")))))
      has_org_head = 1;
  if (has_org_head && !(c->wf[a] & NG_W_GIVEN && b - a == 2 && !(c->wf[a + 1] & NG_W_ORG_HEAD)))
    return org_chunk(c, a, b, NG_CLS_COUNT);
  /* facility named with a capital head: "Whitla Hall", "Great Hall of the
     People" */
  if (b - a >= 2 && (c->wf[b - 1] & NG_W_FACILITY) && is_cap(c, b - 1))
    return add_mention(c, a, b, NG_CLS_FACILITY, -1, NG_RULE_PLACE_FACILITY, 0);
  for (size_t k = a + 1; k + 2 < b; ++k)
    if ((c->wf[k] & NG_W_FACILITY) && is_cap(c, k) && tok(c, k + 1, "of") && !chunk_has_head(c, a, b, NG_W_ORG_HEAD))
      return add_mention(c, a, b, NG_CLS_FACILITY, -1, NG_RULE_PLACE_FACILITY_OF, 0);
  /* events ("Cold War"): not names, but places inside count */
  for (size_t k = a; k < b; ++k)
    if ((c->wf[k] & NG_W_EVENT) && k > a) {
      b = k;
      if (b - a == 1 && !lex_at(c, a, b, KIND(NG_LEX_PLACE), &m)) return -1;
      break;
    }
  /* a given name first: a person, unless the rest is a known place */
  if ((c->wf[a] & NG_W_GIVEN) && b - a >= 2 && !lex_at(c, a, b, KIND(NG_LEX_PLACE) | KIND(NG_LEX_ORG), &m)) {
    /* "Will Russia agree?": a sentence-initial word that is also a function
       word or month is not a first name when a place follows */
    if (!(sent_start(c, a) && (c->wf[a] & (NG_W_STOP | NG_W_HEDGE | NG_W_MONTH)) &&
          lex_at(c, a + 1, b, KIND(NG_LEX_PLACE) | KIND(NG_LEX_ORG), &m))) {
      int ok = 1;
      for (size_t k = a; k < b; ++k)
        ok &= is_name_word(c, k) || (c->t[k].flags & NG_TF_JOINED) || name_particle(c, k) || hyphen_syllable(c, k) ||
              is_open_quote(c, k) || is_close_quote(c, k);
      if (ok) {
        int32_t title = title_before(c, a);
        int32_t mi = add_mention(c, a, b, NG_CLS_PERSON, -1,
                                 title >= 0 ? NG_RULE_PERSON_AFTER_TITLE_GIVEN : NG_RULE_PERSON_GIVEN_NAME_CHUNK, 0);
        if (mi >= 0 && title >= 0) c->r->mentions[mi].title = title;
        return mi;
      }
    }
  }
  /* left-to-right gazetteer scan; unknown runs in between */
  int32_t last = -1;
  size_t run = a;
  for (size_t k = a; k < b;) {
    size_t n = is_cap(c, k) ? lex_at(c, k, b, KIND(NG_LEX_ORG) | KIND(NG_LEX_PLACE) | KIND(NG_LEX_DEMONYM), &m) : 0;
    /* "Trans-Pacific", "Pan-African": an adjective, not the place */
    if (n && k >= 2 && (c->t[k - 1].flags & NG_TF_JOINED) && (tok_i(c, k - 2, "trans") || tok_i(c, k - 2, "pan")))
      n = 0;
    if (!n) {
      ++k;
      continue;
    }
    /* a person's name after a title beats a gazetteer hit ("President Jackson") */
    if (k == a && a > 0 && c->r->tok_title[a - 1] >= 0 && E(c, best_entry(c, &m))->cls == NG_CLS_CITY) {
      ++k;
      continue;
    }
    uint32_t e = best_entry(c, &m);
    const NgLexEntry *le = E(c, e);
    int compass = k > a && (c->wf[k - 1] & NG_W_COMPASS) && le->kind == NG_LEX_PLACE && run == k - 1;
    if (!compass) classify_rest(c, run, k);
    if (le->kind != NG_LEX_DEMONYM) {
      /* compass prefix inside the chunk: "Eastern Ukraine" */
      if (compass) {
        int32_t rg = add_mention(c, k - 1, k + n, NG_CLS_REGION, -1, NG_RULE_PLACE_COMPASS, 0);
        int32_t p = add_lex_mention(c, k, k + n, e, NG_RULE_GAZ_PLACE_COMPASS, NG_MF_NESTED);
        add_link(c, NG_LINK_LOCATED_IN, rg, p, NG_RULE_NAME_COMPASS);
        last = rg;
      } else {
        last = add_lex_mention(c, k, k + n, e, gaz_rule(le, 1), 0);
      }
    }
    k += n;
    run = k;
  }
  /* the remaining run: skip a joined hyphen left over ("U.S.-Russian") */
  while (run < b && !is_cap(c, run)) ++run;
  if (run < b) {
    /* drop a trailing compass word that was folded into a region */
    classify_rest(c, run, b);
  }
  return last;
}

/* "(RIAC)" after a mention: an acronym of it. */
static void acronym_after(Ctx *c, int32_t mi) {
  if (mi < 0) return;
  NgMention *m = &c->r->mentions[mi];
  size_t k = m->tok_end;
  if (!(((is_punct(c, k, "(") && is_punct(c, k + 2, ")")) || (is_punct(c, k, "[") && is_punct(c, k + 2, "]"))) &&
        is_word(c, k + 1) && (c->t[k + 1].flags & NG_TF_ALLCAPS)))
    return;
  if (c->r->tok_mention[k + 1] >= 0) return;
  NgClass cls = (NgClass)m->cls;
  int32_t lex = m->lex;
  /* "DOHA (REUTERS) -": after a place the parentheses hold a dateline's
     agency, not the place's acronym */
  if (ng_class_type(cls) == NG_TYPE_PLACE) return;
  int32_t ai = add_mention(c, k + 1, k + 2, cls, lex, NG_RULE_ACRONYM_PARENTHESIZED, NG_MF_ACRONYM);
  if (ai >= 0) c->r->mentions[ai].link = mi;
}

/* "National People's Power [NPP]": capitalized words (with connectors and
   possessives) followed by a parenthesized or bracketed acronym made of
   their initials name an organization, whatever its head word.  Returns
   the end of the name, or 0. */
static size_t initials_name(Ctx *c, size_t i, size_t se) {
  char init[16];
  size_t ni = 0, k = i;
  for (; k < se && k < i + 10; ++k) {
    if (!free_tok(c, k)) return 0;
    if (is_cap(c, k) && !(c->t[k].flags & NG_TF_ALLCAPS)) {
      if (ni == sizeof init) return 0;
      init[ni++] = c->s[c->t[k].start];
    } else if (!((c->t[k].flags & NG_TF_POSS) || ((c->wf[k] & NG_W_CONNECTOR) && is_lower(c, k)))) {
      break;
    }
  }
  if (ni < 2 || !is_cap(c, k - 1)) return 0;
  if (!((is_punct(c, k, "(") && is_punct(c, k + 2, ")")) || (is_punct(c, k, "[") && is_punct(c, k + 2, "]")))) return 0;
  const NgToken *a = &c->t[k + 1];
  if (!(a->flags & NG_TF_ALLCAPS) || a->end - a->start != ni || c->r->tok_mention[k + 1] >= 0) return 0;
  for (size_t q = 0; q < ni; ++q)
    if (c->s[a->start + q] != init[q]) return 0;
  /* a known name or a name with its own head word goes the usual way */
  NgLexMatch m;
  if (lex_at(c, i, k, KIND(NG_LEX_ORG) | KIND(NG_LEX_PLACE), &m) || chunk_has_head(c, i, k, NG_W_ORG_HEAD) ||
      chunk_has_head(c, i, k, NG_W_AGR_HEAD) || (c->wf[i] & NG_W_STOP))
    return 0;
  int32_t mi = add_mention(c, i, k, NG_CLS_ORGANIZATION, -1, NG_RULE_ORG_ACRONYM_INITIALS, 0);
  acronym_after(c, mi);
  return k + 3;
}

/* "China's commerce ministry", "the Chinese defence ministry": a country
   in the possessive or a demonym, one or two lower-case portfolio words and
   a lower-case government head word.  Adds the ministry (and the country
   named in it) and returns the end of the phrase, or 0. */
static size_t portfolio_ministry(Ctx *c, size_t i, size_t se) {
  if (tok_i(c, i, "the")) ++i; /* sentence-initial "The" */
  NgLexMatch m;
  size_t n = lex_at(c, i, se, KIND(NG_LEX_PLACE) | KIND(NG_LEX_DEMONYM), &m);
  if (!n) return 0;
  int32_t country = -1, demonym = -1;
  for (size_t j = 0; j < m.n; ++j) {
    const NgLexEntry *e = E(c, m.entries[j]);
    if (e->kind == NG_LEX_PLACE && e->cls == NG_CLS_COUNTRY) country = (int32_t)m.entries[j];
    if (e->kind == NG_LEX_DEMONYM) demonym = (int32_t)m.entries[j];
  }
  size_t k = i + n;
  int poss = k < se && (c->t[k].flags & NG_TF_POSS);
  if (poss ? country < 0 : demonym < 0) return 0;
  if (poss) ++k;
  size_t p = k;
  while (k < se && k - p < 2 && is_lower(c, k) && (c->wf[k] & NG_W_PORTFOLIO)) ++k;
  if (k == p || k >= se || !is_lower(c, k) || !(c->wf[k] & NG_W_ORG_HEAD)) return 0;
  NgClass cls = ng_lexicon_head_class(c->lex, c->s, &c->t[k]);
  if (cls != NG_CLS_GOVBODY) return 0;
  if (poss) add_lex_mention(c, i, i + n, (uint32_t)country, NG_RULE_GAZ_COUNTRY_INNER, 0);
  add_mention(c, i, k + 1, NG_CLS_GOVBODY, -1, NG_RULE_ORG_PORTFOLIO, 0);
  return k + 1;
}

static void scan_sentence(Ctx *c, size_t sb, size_t se) {
  int32_t poss_org = -1; /* an organization followed by "’s" */
  size_t poss_next = 0;
  for (size_t i = sb; i < se;) {
    if (!free_tok(c, i)) {
      ++i;
      continue;
    }
    /* quoted agreement names: 'A "phase one" trade deal' */
    if (is_open_quote(c, i)) {
      size_t k = i + 1, words = 0;
      while (k < se && is_word(c, k) && free_tok(c, k) && words < 4) {
        ++k;
        ++words;
      }
      if (words >= 2 && is_close_quote(c, k)) {
        size_t ae = agreement_end(c, k + 1, se);
        if (ae) {
          int32_t mi = add_mention(c, i + 1, k, NG_CLS_AGREEMENT, -1, NG_RULE_AGREEMENT_QUOTED_NAME, NG_MF_QUOTED);
          if (mi >= 0) {
            /* the mention covers the quoted name; remember the full phrase */
            c->r->mentions[mi].end = c->t[ae - 1].end;
            c->r->mentions[mi].tok_end = ae;
            for (size_t q = k; q < ae; ++q) c->r->tok_mention[q] = mi;
          }
          i = ae;
          continue;
        }
      }
    }
    /* publications: "the journal Eastern Policy Review" */
    if ((c->wf[i] & NG_W_PUB_CUE) && is_lower(c, i) && is_cap(c, i + 1) && free_tok(c, i + 1)) {
      size_t b = build_chunk(c, i + 1, se, 1);
      if (b > i + 1) {
        NgLexMatch m;
        int32_t mi;
        if (lex_at(c, i + 1, b, KIND(NG_LEX_ORG), &m) == b - i - 1)
          mi = add_lex_mention(c, i + 1, b, best_entry(c, &m), NG_RULE_GAZ_ORG_INNER, 0);
        else
          mi = add_mention(c, i + 1, b, NG_CLS_PUBLICATION, -1, NG_RULE_ORG_PUBLICATION_CUE, 0);
        acronym_after(c, mi);
        i = b;
        continue;
      }
    }
    /* photo credits: "Photo: AP" */
    if ((tok(c, i, "Photo") || tok(c, i, "Photograph") || tok(c, i, "Credit")) && is_punct(c, i + 1, ":") &&
        is_cap(c, i + 2)) {
      size_t b = build_chunk(c, i + 2, se, 0);
      NgLexMatch m;
      if (b > i + 2) {
        if (lex_at(c, i + 2, b, KIND(NG_LEX_ORG), &m) == b - i - 2)
          add_lex_mention(c, i + 2, b, best_entry(c, &m), NG_RULE_GAZ_ORG, 0);
        else
          add_mention(c, i + 2, b, NG_CLS_NEWSAGENCY, -1, NG_RULE_ORG_PHOTO_CREDIT, 0);
        i = b;
        continue;
      }
    }
    /* gazetteer names that start in lower case ("al-Qaida") */
    if (!is_cap(c, i) && (tok(c, i, "al") || tok(c, i, "el")) && (c->t[i + 1].flags & NG_TF_JOINED)) {
      NgLexMatch gm;
      size_t gl = lex_at(c, i, se, KIND(NG_LEX_ORG), &gm);
      if (gl >= 3) {
        int32_t mi = add_lex_mention(c, i, i + gl, best_entry(c, &gm), NG_RULE_GAZ_ORG_INNER, 0);
        acronym_after(c, mi);
        i += gl;
        continue;
      }
    }
    if (!is_cap(c, i)) {
      ++i;
      continue;
    }
    /* a gazetteer name longer than the capitalized chunk ("Islamic State of
       Iraq and the Levant": the chunk stops at "and") */
    {
      NgLexMatch gm;
      size_t gl = lex_at(c, i, se, KIND(NG_LEX_ORG) | KIND(NG_LEX_PLACE), &gm);
      if (gl >= 3 && gl > build_chunk(c, i, se, 0) - i) {
        int all_free = 1;
        for (size_t q = i; q < i + gl; ++q) all_free &= free_tok(c, q);
        if (all_free) {
          uint32_t e = best_entry(c, &gm);
          int32_t mi = add_lex_mention(c, i, i + gl, e,
                                       E(c, e)->kind == NG_LEX_ORG ? NG_RULE_GAZ_ORG : NG_RULE_GAZ_PLACE_LONG, 0);
          acronym_after(c, mi);
          i += gl;
          continue;
        }
      }
    }
    size_t ie = initials_name(c, i, se);
    if (ie) {
      i = ie;
      continue;
    }
    size_t pm = portfolio_ministry(c, i, se);
    if (pm) {
      i = pm;
      continue;
    }
    size_t b = build_chunk(c, i, se, 0);
    if (b <= i) {
      ++i;
      continue;
    }
    int32_t mi = classify_chunk(c, i, b);
    acronym_after(c, mi);
    /* "X University’s Institute for Y": the second is part of the first */
    if (mi >= 0 && i == poss_next && poss_org >= 0 && ng_class_type((NgClass)c->r->mentions[mi].cls) == NG_TYPE_ORG)
      add_link(c, NG_LINK_PART_OF, mi, poss_org, NG_RULE_NAME_POSSESSIVE_UNIT);
    poss_org = -1;
    if (mi >= 0 && b < se && (c->t[b].flags & NG_TF_POSS) && c->r->mentions[mi].tok_end == b &&
        ng_class_type((NgClass)c->r->mentions[mi].cls) == NG_TYPE_ORG) {
      poss_org = mi;
      poss_next = b + 1;
    }
    i = b;
  }
}

/* ---- extra names from metadata ---------------------------------------------- */

static void match_extra(Ctx *c, const char *const *names, size_t n) {
  for (size_t e = 0; e < n; ++e) {
    if (!names[e] || !*names[e]) continue;
    NgSegments *ns = NULL;
    if (ng_segment(names[e], strlen(names[e]), &ns)) continue;
    size_t k = ns->n_toks;
    for (size_t i = 0; k && i + k <= c->nt; ++i) {
      size_t j = 0;
      while (j < k && c->t[i + j].end - c->t[i + j].start == ns->toks[j].end - ns->toks[j].start &&
             memcmp(c->s + c->t[i + j].start, names[e] + ns->toks[j].start, ns->toks[j].end - ns->toks[j].start) == 0 &&
             c->r->tok_mention[i + j] < 0 && c->t[i + j].sent == c->t[i].sent)
        ++j;
      if (j == k) add_mention(c, i, i + k, NG_CLS_NEWSAGENCY, -1, NG_RULE_META_PUBLISHER, 0);
    }
    ng_segments_free(ns);
  }
}

/* ---- second pass: short forms of names already found -------------------------- */

static NgStatus put_form(Ctx *c, NgStrMap *map, size_t a, size_t b, uint32_t target) {
  char key[1024];
  size_t kn = 0;
  for (size_t k = a; k < b; ++k) {
    if (c->t[k].end - c->t[k].start > 100 || kn > 800) return NG_SUCCESS;
    if (kn) key[kn++] = ' ';
    kn += ng_lexicon_token_key(c->s, &c->t[k], key + kn);
  }
  uint32_t old;
  if (ng_strmap_get(map, key, kn, &old)) {
    if (old == UINT32_MAX) return NG_SUCCESS; /* already ambiguous */
    if (old != target && c->r->mentions[old].cls != c->r->mentions[target].cls)
      return ng_strmap_put(map, key, kn, UINT32_MAX); /* ambiguous across types */
    return NG_SUCCESS;
  }
  return ng_strmap_put(map, key, kn, target);
}

static void second_pass(Ctx *c) {
  NgStrMap *forms = ng_strmap_new();
  if (!forms) {
    c->st = NG_ERR_NOMEM;
    return;
  }
  size_t n0 = c->r->n_mentions;
  for (size_t i = 0; i < n0 && !c->st; ++i) {
    NgMention *m = &c->r->mentions[i];
    if (m->flags & NG_MF_NESTED) continue;
    size_t a = m->tok_begin, b = m->tok_end;
    if (m->cls == NG_CLS_PERSON) {
      c->st = put_form(c, forms, a, b, (uint32_t)i);
      if (b - a >= 2 && !(c->t[b - 1].flags & NG_TF_INITIAL)) c->st = put_form(c, forms, b - 1, b, (uint32_t)i);
    } else if (ng_class_type((NgClass)m->cls) == NG_TYPE_ORG) {
      c->st = put_form(c, forms, a, b, (uint32_t)i);
      /* "Halvorsen" for "Halvorsen Institution" */
      if (m->lex < 0 && b - a == 2 && (c->wf[b - 1] & NG_W_ORG_HEAD) &&
          !(c->wf[a] & (NG_W_ORG_HEAD | NG_W_STOP | NG_W_GIVEN | NG_W_COMPASS))) {
        NgLexMatch lm;
        if (!lex_at(c, a, a + 1, KIND(NG_LEX_PLACE) | KIND(NG_LEX_DEMONYM) | KIND(NG_LEX_ORG), &lm))
          c->st = put_form(c, forms, a, a + 1, (uint32_t)i);
      }
    } else if (m->cls == NG_CLS_AGREEMENT && m->lex < 0) {
      c->st = put_form(c, forms, a, b, (uint32_t)i);
    }
  }
  char key[1024];
  for (size_t i = 0; i < c->nt && !c->st; ++i) {
    if (!is_cap(c, i) || !free_tok(c, i)) continue;
    size_t kn = 0, best = 0;
    uint32_t target = UINT32_MAX;
    for (size_t k = i; k < c->nt && k < i + 6 && (is_cap(c, k) || (k > i && is_word(c, k))); ++k) {
      if (!free_tok(c, k) || c->t[k].sent != c->t[i].sent || c->t[k].end - c->t[k].start > 100) break;
      if (kn) key[kn++] = ' ';
      kn += ng_lexicon_token_key(c->s, &c->t[k], key + kn);
      uint32_t v;
      if (ng_strmap_get(forms, key, kn, &v) && v != UINT32_MAX && is_cap(c, k)) {
        best = k + 1;
        target = v;
      }
    }
    if (!best) continue;
    /* a single sentence-initial word that is a stop word is not a name */
    if (best == i + 1 && (c->wf[i] & NG_W_STOP)) continue;
    /* copies: add_mention() may move the mentions */
    const NgClass tcls = (NgClass)c->r->mentions[target].cls;
    const int32_t tlex = c->r->mentions[target].lex;
    int32_t mi = add_mention(c, i, best, tcls, tlex, NG_RULE_ALIAS_SHORT_FORM, NG_MF_ALIAS);
    if (mi >= 0) {
      c->r->mentions[mi].link = (int32_t)target;
      /* a person named right after a title */
      if (tcls == NG_CLS_PERSON && title_before(c, i) >= 0) c->r->mentions[mi].title = title_before(c, i);
    }
    i = best - 1;
  }
  ng_strmap_free(forms);
}

/* ---- sorting ------------------------------------------------------------------ */

static int cmp_mention(const void *x, const void *y) {
  const NgMention *a = *(const NgMention *const *)x, *b = *(const NgMention *const *)y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end > b->end ? -1 : 1;
  return a < b ? -1 : a > b;
}

static NgStatus sort_mentions(NgRecognition *r, size_t nt) {
  size_t n = r->n_mentions;
  if (!n) return NG_SUCCESS;
  const NgMention **ptr = malloc(n * sizeof *ptr);
  int32_t *remap = malloc(n * sizeof *remap);
  NgMention *out = malloc(n * sizeof *out);
  if (!ptr || !remap || !out) {
    free(ptr);
    free(remap);
    free(out);
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; i < n; ++i) ptr[i] = &r->mentions[i];
  qsort(ptr, n, sizeof *ptr, cmp_mention);
  for (size_t i = 0; i < n; ++i) remap[ptr[i] - r->mentions] = (int32_t)i;
  for (size_t i = 0; i < n; ++i) {
    out[i] = *ptr[i];
    if (out[i].link >= 0) out[i].link = remap[out[i].link];
  }
  for (size_t i = 0; i < r->n_links; ++i) {
    r->links[i].a = remap[r->links[i].a];
    r->links[i].b = remap[r->links[i].b];
  }
  for (size_t i = 0; i < r->n_titles; ++i)
    if (r->titles[i].org >= 0) r->titles[i].org = remap[r->titles[i].org];
  for (size_t i = 0; i < nt; ++i)
    if (r->tok_mention[i] >= 0) r->tok_mention[i] = remap[r->tok_mention[i]];
  free(r->mentions);
  r->mentions = out;
  free(ptr);
  free(remap);
  return NG_SUCCESS;
}

NgStatus ng_recognize(const NgText *text, const NgSegments *seg, const NgLexicon *lex, const char *const *extra,
                      size_t n_extra, NgRecognition **out) {
  *out = NULL;
  NgRecognition *r = calloc(1, sizeof *r);
  if (!r) return NG_ERR_NOMEM;
  Ctx c = {text->data, seg, seg->toks, seg->n_toks, lex, NULL, r, 0, 0, 0, NG_SUCCESS};
  size_t nt = seg->n_toks;
  r->tok_mention = malloc((nt + 1) * sizeof *r->tok_mention);
  r->tok_title = malloc((nt + 1) * sizeof *r->tok_title);
  c.wf = r->tok_words = malloc((nt + 1) * sizeof *c.wf);
  if (!r->tok_mention || !r->tok_title || !c.wf) {
    ng_recognition_free(r);
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; i < nt; ++i) {
    r->tok_mention[i] = r->tok_title[i] = -1;
    c.wf[i] = seg->toks[i].kind == NG_TOK_PUNCT && !ng_tok_is(text->data, &seg->toks[i], "&")
                  ? 0
                  : ng_lexicon_word(lex, text->data, &seg->toks[i]);
  }
  match_extra(&c, extra, n_extra);
  if (!c.st) find_titles(&c);
  for (size_t s = 0; s < seg->n_sents && !c.st; ++s) scan_sentence(&c, seg->sents[s].tok_begin, seg->sents[s].tok_end);
  if (!c.st) second_pass(&c);
  if (!c.st) c.st = sort_mentions(r, nt);
  if (c.st) {
    ng_recognition_free(r);
    return c.st;
  }
  *out = r;
  return NG_SUCCESS;
}

void ng_recognition_free(NgRecognition *r) {
  if (!r) return;
  free(r->mentions);
  free(r->titles);
  free(r->links);
  free(r->tok_mention);
  free(r->tok_title);
  free(r->tok_words);
  free(r);
}
