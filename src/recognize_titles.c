/* newsgraph -- recognize: title phrases ("former Norwegian Foreign Minister",
 * "Ambassador to Libya", "NATO's secretary-general") and the names inside
 * them.  A phrase is read outwards from a title of the lexicon: modifiers
 * and suffixes of the core, an extension to the right ("of X", "to X"),
 * then prefixes to the left, one rule at a time. */
#include "recognize_impl.h"

#include <stdlib.h>

/* The phrase being read. */
typedef struct {
  NgTitle T;
  size_t sb, se; /* its sentence */
  size_t cb, ce; /* the core [cb, ce) */
  size_t p;      /* the phrase starts here (prefixes included) */
  /* a place or organization after the title: "Ambassador to X", "of X" */
  int32_t ext_place, ext_org;
  size_t ext_a, ext_b, xo_a, xo_b;
  /* names in front: a country, an organization (known or not), places */
  int32_t country, org_lex;
  size_t org_a, org_b;
  size_t place_a[4], place_b[4];
  uint32_t place_e[4];
  int n_place;
  int capped; /* a capitalized run after it was cut at NG_REC_MAX_RUN */
} Phrase;

/* ---- where a title may start ----------------------------------------------- */

/* A title word that is part of another name: "Joint Chiefs of Staff" (a
   known organization), "Port-au-Prince" (a hyphen compound), "Martin
   Luther King" (a person's name). */
static int title_left_blocked(const Ctx *c, size_t i) {
  for (size_t back = 1; back <= 2 && back <= i; ++back) {
    NgLexMatch om;
    size_t n = is_cap(c, i - back) ? ng_rec_lex_at(c, i - back, c->nt, KIND(NG_LEX_ORG), &om) : 0;
    if (n > back) return 1;
  }
  if (i >= 2 && is_joined(c, i - 1) && is_word(c, i - 2) && !is_lower(c, i - 2) &&
      !has(c, i - 2, NG_W_TITLE_PREFIX | NG_W_TITLE_MOD) && c->r->tok_title[i - 2] < 0)
    return 1;
  if (i >= 4 && is_joined(c, i - 1) && is_lower(c, i - 2) && is_joined(c, i - 3) && is_cap(c, i - 4)) return 1;
  if (i == 0 || !is_cap(c, i - 1) || sent_start(c, i)) return 0;
  if (has(c, i - 1, NG_W_GIVEN)) return 1;
  return i >= 2 && is_cap(c, i - 2) && has(c, i - 2, NG_W_GIVEN) && !has(c, i - 1, NG_W_TITLE_MOD);
}

/* Length of the lexicon title starting at token i, or 0. */
static size_t title_at(const Ctx *c, size_t i, NgLexMatch *m) {
  if (!is_word(c, i) || !has(c, i, NG_W_TITLE_START) || c->r->tok_title[i] >= 0) return 0;
  if (!ng_rec_lex_at(c, i, sent_end(c, i), KIND(NG_LEX_TITLE), m) || title_left_blocked(c, i)) return 0;
  return m->ntok;
}

/* The title [i, ce) names an institution: "Queen’s University" (a
   possessive and a head word), "General Assembly" (a capitalized title
   word before a head word). */
static int title_names_institution(const Ctx *c, size_t i, size_t ce) {
  if (is_poss(c, ce) && is_cap(c, ce + 1) && has(c, ce + 1, NG_W_ORG_HEAD)) return 1;
  return is_cap(c, i) && ce < c->nt && !is_poss(c, ce - 1) && is_cap(c, ce) && has(c, ce, NG_W_ORG_HEAD) &&
         !has(c, ce, NG_W_GIVEN);
}

/* ---- the core --------------------------------------------------------------- */

/* Modifiers before the title ("Senior", "Deputy") and suffixes after it
   ("Emeritus", "-elect"). */
static void read_core(const Ctx *c, Phrase *ph) {
  const NgRecognition *r = c->r;
  while (ph->cb > ph->sb && has(c, ph->cb - 1, NG_W_TITLE_MOD) && free_tok(c, ph->cb - 1) &&
         r->tok_title[ph->cb - 1] < 0)
    --ph->cb;
  for (;;) {
    if (ph->ce < ph->se && has(c, ph->ce, NG_W_TITLE_SUFFIX))
      ph->ce += 1;
    else if (ph->ce < ph->se && is_punct(c, ph->ce, "-") && has(c, ph->ce + 1, NG_W_TITLE_HYPHEN_SUFFIX))
      ph->ce += 2;
    else
      break;
  }
}

/* ---- extensions to the right -------------------------------------------------- */

/* End of a capitalized run starting at j: caps joined by "and"/"of"/"&";
   cut (*capped set) when it goes on past NG_REC_MAX_RUN tokens. */
static size_t cap_run(const Ctx *c, size_t j, size_t end, int *capped) {
  size_t k = j;
  while (k < end && is_cap(c, k)) {
    if (k >= j + NG_REC_MAX_RUN) {
      *capped = 1;
      break;
    }
    ++k;
    if (k + 1 < end && (tok(c, k, "and") || tok(c, k, "of") || tok(c, k, "&") || is_joined(c, k)) && is_cap(c, k + 1))
      ++k;
  }
  return k;
}

/* Does the capitalized run [a, b) name an entity (so a title must stop)? */
static int run_is_entity(const Ctx *c, size_t a, size_t b) {
  NgLexMatch m;
  for (size_t k = a; k < b; ++k) {
    if (has(c, k, NG_W_ORG_HEAD | NG_W_AGR_HEAD) && (k > a || (k + 1 < b))) return 1;
    if (is_cap(c, k) && ng_rec_lex_at(c, k, b, KIND(NG_LEX_ORG), &m)) return 1;
  }
  return b - a >= 2 && has(c, a, NG_W_GIVEN);
}

/* "High Representative of the European Union [for Foreign Affairs and
   Security Policy]": a known institution, then its portfolio. */
static int extend_of_known_org(const Ctx *c, Phrase *ph) {
  NgLexMatch om;
  size_t oj = ph->ce + 1 + (tok_i(c, ph->ce + 1, "the") ? 1 : 0), on;
  if (!tok(c, ph->ce, "of") || !is_cap(c, oj) || !(on = ng_rec_lex_at(c, oj, ph->se, KIND(NG_LEX_ORG), &om))) return 0;
  ph->ext_org = (int32_t)ng_rec_best_entry(c, &om);
  ph->xo_a = oj;
  ph->xo_b = oj + on;
  ph->ce = ph->xo_b;
  if (tok(c, ph->ce, "for") && is_cap(c, ph->ce + 1)) {
    size_t q = ph->ce + 1;
    while (q < ph->se && q < ph->ce + 1 + NG_REC_MAX_RUN &&
           ((is_cap(c, q) && !(has(c, q, NG_W_GIVEN) && is_cap(c, q + 1))) ||
            (is_lower(c, q) && (tok(c, q, "and") || tok(c, q, "of") || tok(c, q, "the")) && is_cap(c, q + 1))))
      ++q;
    if (q > ph->ce + 1 && is_cap(c, q - 1)) ph->ce = q;
  }
  return 1;
}

/* "President of Ghana" (a country), "Minister of Foreign Affairs" (a
   capitalized run that names nothing by itself). */
static int extend_of_name(const Ctx *c, Phrase *ph) {
  if (!tok(c, ph->ce, "of") && !tok(c, ph->ce, "for")) return 0;
  size_t j = ph->ce + 1, run = cap_run(c, j, ph->se, &ph->capped);
  NgLexMatch pm;
  if (run > j && ng_rec_lex_at(c, j, run, KIND(NG_LEX_PLACE), &pm) == run - j &&
      E(c, ng_rec_best_entry(c, &pm))->cls == NG_CLS_COUNTRY) {
    ph->ext_place = (int32_t)ng_rec_best_entry(c, &pm);
    ph->ext_a = j;
    ph->ext_b = run;
    ph->ce = run;
  } else if (run > j && !run_is_entity(c, j, run) && !ng_rec_lex_at(c, j, run, KIND(NG_LEX_PLACE), &pm)) {
    ph->ce = run;
  }
  return 1;
}

/* "Ambassador to Libya". */
static void extend_to_place(const Ctx *c, Phrase *ph) {
  NgLexMatch pm;
  if (!tok(c, ph->ce, "to") || !is_cap(c, ph->ce + 1)) return;
  size_t n = ng_rec_lex_at(c, ph->ce + 1, ph->se, KIND(NG_LEX_PLACE), &pm);
  if (!n) return;
  ph->ext_place = (int32_t)ng_rec_best_entry(c, &pm);
  ph->ext_a = ph->ce + 1;
  ph->ext_b = ph->ce + 1 + n;
  ph->ce = ph->ext_b;
}

static void read_extension(const Ctx *c, Phrase *ph) {
  if (!extend_of_known_org(c, ph) && !extend_of_name(c, ph)) extend_to_place(c, ph);
}

/* ---- prefixes to the left -------------------------------------------------------- */

/* What a prefix rule did with the token before the phrase. */
typedef enum { PREFIX_NO, PREFIX_TAKEN, PREFIX_STOP } PrefixStep;

static int no_names_yet(const Phrase *ph) { return ph->org_lex < 0 && ph->org_b == 0 && ph->country < 0; }

static void add_prefix_place(Phrase *ph, size_t a, size_t b, uint32_t e) {
  if (ph->n_place >= 4) return;
  ph->place_a[ph->n_place] = a;
  ph->place_b[ph->n_place] = b;
  ph->place_e[ph->n_place++] = e;
}

/* "International Criminal Court (ICC) Prosecutor": a known organization
   with its acronym in parentheses. */
static PrefixStep prefix_acronym_org(const Ctx *c, Phrase *ph) {
  size_t p = ph->p, n;
  NgLexMatch pm;
  if (p < ph->sb + 4 || !is_punct(c, p - 1, ")") || !(c->t[p - 2].flags & NG_TF_ALLCAPS) || !is_punct(c, p - 3, "(") ||
      !no_names_yet(ph) || c->r->tok_mention[p - 4] >= 0 ||
      !(n = ng_rec_lex_ending(c, ph->sb, p - 3, KIND(NG_LEX_ORG), &pm)))
    return PREFIX_NO;
  ph->org_lex = (int32_t)ng_rec_best_entry(c, &pm);
  ph->org_a = p - 3 - n;
  ph->org_b = p - 3;
  ph->p = ph->org_a;
  return PREFIX_TAKEN;
}

/* "Norway's Prime Minister", "NATO's secretary-general": a country or a
   known organization in the possessive. */
static PrefixStep prefix_possessive(const Ctx *c, Phrase *ph) {
  size_t p = ph->p, n;
  NgLexMatch pm;
  if (p - 1 <= ph->sb || !is_poss(c, p - 1) || !no_names_yet(ph) || c->r->tok_mention[p - 2] >= 0) return PREFIX_NO;
  size_t q = p - 1;
  if ((n = ng_rec_lex_ending(c, ph->sb, q, KIND(NG_LEX_PLACE), &pm)) &&
      E(c, ng_rec_best_entry(c, &pm))->cls == NG_CLS_COUNTRY) {
    uint32_t e = ng_rec_best_entry(c, &pm);
    ph->country = (int32_t)e;
    add_prefix_place(ph, q - n, q, e);
    ph->p = q - n;
    return PREFIX_TAKEN;
  }
  if ((n = ng_rec_lex_ending(c, ph->sb, q, KIND(NG_LEX_ORG), &pm))) {
    ph->org_lex = (int32_t)ng_rec_best_entry(c, &pm);
    ph->org_a = q - n;
    ph->org_b = q;
    ph->p = q - n;
    return PREFIX_TAKEN;
  }
  return PREFIX_NO;
}

/* "Norwegian", "U.S." before the title: the country it is for; a city or
   region stops the phrase. */
static PrefixStep prefix_country(const Ctx *c, Phrase *ph) {
  NgLexMatch pm;
  size_t n = ng_rec_lex_ending(c, ph->sb, ph->p, KIND(NG_LEX_PLACE) | KIND(NG_LEX_DEMONYM), &pm);
  if (!n) return PREFIX_NO;
  uint32_t e = ng_rec_best_entry(c, &pm);
  const NgLexEntry *le = E(c, e);
  if (le->cls != NG_CLS_COUNTRY && le->kind != NG_LEX_DEMONYM) return PREFIX_STOP;
  ph->country = le->country >= 0 ? le->country : (int32_t)e;
  if (le->kind == NG_LEX_PLACE) add_prefix_place(ph, ph->p - n, ph->p, e);
  ph->p -= n;
  return PREFIX_TAKEN;
}

/* A known organization before the title ("NATO Secretary-General"). */
static PrefixStep prefix_known_org(const Ctx *c, Phrase *ph) {
  NgLexMatch pm;
  size_t n = ng_rec_lex_ending(c, ph->sb, ph->p, KIND(NG_LEX_ORG), &pm);
  if (!n || ph->org_lex >= 0) return PREFIX_NO;
  ph->org_lex = (int32_t)ng_rec_best_entry(c, &pm);
  ph->org_a = ph->p - n;
  ph->org_b = ph->p;
  ph->p -= n;
  return PREFIX_TAKEN;
}

/* "Vietnam's new president": descriptive words between a possessive and
   the title. */
static PrefixStep prefix_descriptor(const Ctx *c, Phrase *ph) {
  size_t p = ph->p;
  if (!is_lower(c, p - 1) || !has(c, p - 1, NG_W_TITLE_DESCRIPTOR) || p - 1 <= ph->sb ||
      !(is_poss(c, p - 2) || is_cap(c, p - 2)))
    return PREFIX_NO;
  --ph->p;
  return PREFIX_TAKEN;
}

/* "former", "then" and "ex-" before the title. */
static PrefixStep prefix_former(const Ctx *c, Phrase *ph) {
  size_t p = ph->p;
  if (has(c, p - 1, NG_W_FORMER | NG_W_THEN)) {
    ph->T.former = (uint8_t)has(c, p - 1, NG_W_FORMER);
    --ph->p;
    return PREFIX_TAKEN;
  }
  if (p >= 2 && is_punct(c, p - 1, "-") && has(c, p - 2, NG_W_FORMER_PREFIX)) {
    ph->T.former = 1;
    ph->p -= 2;
    return PREFIX_TAKEN;
  }
  return PREFIX_NO;
}

/* An institution named in front: "Northfield University Chancellor". */
static PrefixStep prefix_institution(const Ctx *c, Phrase *ph) {
  size_t p = ph->p;
  if (!is_cap(c, p - 1) || !has(c, p - 1, NG_W_ORG_HEAD) || !no_names_yet(ph)) return PREFIX_NO;
  size_t q = p - 1;
  while (q > ph->sb && q + NG_REC_MAX_RUN > p && c->r->tok_mention[q - 1] < 0 &&
         (is_cap(c, q - 1) || (is_poss(c, q - 1) && q >= 2 && is_cap(c, q - 2))) &&
         !has(c, q - 1, NG_W_STOP | NG_W_TITLE_MOD))
    --q;
  if (q >= p - 1) return PREFIX_NO;
  ph->org_a = q;
  ph->org_b = p;
  ph->p = q;
  return PREFIX_TAKEN;
}

/* A ministry's field is part of the title ("Commerce Minister"); regional
   or religious adjectives and compass words describe the holders ("European
   and North African leaders"). */
static PrefixStep prefix_descriptive_word(const Ctx *c, Phrase *ph) {
  size_t p = ph->p;
  if (!is_cap(c, p - 1)) return PREFIX_NO;
  if (has(c, p - 1, NG_W_PORTFOLIO) && ph->cb == p) {
    ph->cb = --ph->p;
    return PREFIX_TAKEN;
  }
  if (!has(c, p - 1, NG_W_ADJECTIVE | NG_W_COMPASS)) return PREFIX_NO;
  --ph->p;
  return PREFIX_TAKEN;
}

/* An unknown capitalized modifier: "Halvorsen Senior Fellow" (an
   organization), "EU Brexit negotiator" (part of the title, when something
   capitalized stands before it). */
static PrefixStep prefix_modifier(const Ctx *c, Phrase *ph) {
  size_t q = ph->p - 1;
  if (!is_cap(c, q) || sent_start(c, q) ||
      has(c, q, NG_W_STOP | NG_W_GIVEN | NG_W_MONTH | NG_W_WEEKDAY | NG_W_TITLE_MOD) || !no_names_yet(ph))
    return PREFIX_NO;
  if (q > ph->sb && is_cap(c, q - 1) && !sent_start(c, q)) {
    ph->p = ph->cb = q;
    return PREFIX_TAKEN;
  }
  ph->org_a = q;
  ph->org_b = ph->p;
  ph->p = q;
  return PREFIX_TAKEN;
}

static PrefixStep (*const PREFIX_RULES[])(const Ctx *, Phrase *) = {
    prefix_acronym_org, prefix_possessive,  prefix_country,          prefix_known_org, prefix_descriptor,
    prefix_former,      prefix_institution, prefix_descriptive_word, prefix_modifier};

/* Prefixes to the left, while some rule takes the token before them (at
   most six). */
static void read_prefixes(const Ctx *c, Phrase *ph) {
  for (int guard = 0; guard < 6 && ph->p > ph->sb; ++guard) {
    if (c->r->tok_mention[ph->p - 1] >= 0 || c->r->tok_title[ph->p - 1] >= 0) return;
    PrefixStep step = PREFIX_NO;
    for (size_t k = 0; step == PREFIX_NO && k < sizeof PREFIX_RULES / sizeof PREFIX_RULES[0]; ++k)
      step = PREFIX_RULES[k](c, ph);
    if (step != PREFIX_TAKEN) return;
  }
}

/* ---- recording ---------------------------------------------------------------------- */

/* The organization named in front of the title, as a mention. */
static int32_t add_prefix_org(Ctx *c, const Phrase *ph) {
  if (ph->org_lex >= 0)
    return ng_rec_add_lex_mention(c, ph->org_a, ph->org_b, (uint32_t)ph->org_lex, NG_RULE_TITLE_ORG_PREFIX_KNOWN,
                                  NG_MF_TITLE_PREFIX);
  if (has(c, ph->org_b - 1, NG_W_ORG_HEAD))
    return ng_rec_add_mention(c, ph->org_a, ph->org_b, ng_lexicon_head_class(c->lex, c->s, &c->t[ph->org_b - 1]), -1,
                              NG_RULE_TITLE_ORG_PREFIX_HEAD, NG_MF_TITLE_PREFIX);
  return ng_rec_add_mention(c, ph->org_a, ph->org_b, NG_CLS_ORGANIZATION, -1, NG_RULE_TITLE_ORG_PREFIX,
                            NG_MF_TITLE_PREFIX);
}

/* The names inside the phrase, as mentions. */
static void add_phrase_names(Ctx *c, Phrase *ph) {
  for (int k = 0; k < ph->n_place; ++k)
    ng_rec_add_lex_mention(c, ph->place_a[k], ph->place_b[k], ph->place_e[k], NG_RULE_TITLE_COUNTRY_PREFIX, 0);
  if (ph->org_b > ph->org_a) ph->T.org = add_prefix_org(c, ph);
  if (ph->ext_place >= 0)
    ng_rec_add_lex_mention(c, ph->ext_a, ph->ext_b, (uint32_t)ph->ext_place, NG_RULE_TITLE_PLACE_EXTENSION, 0);
  if (ph->ext_org >= 0) {
    int32_t xo = ng_rec_add_lex_mention(c, ph->xo_a, ph->xo_b, (uint32_t)ph->ext_org, NG_RULE_TITLE_ORG_EXTENSION, 0);
    if (ph->T.org < 0) ph->T.org = xo;
  }
}

/* Store the phrase and mark its tokens; 0 when out of memory. */
static int record_title(Ctx *c, Phrase *ph) {
  NgRecognition *r = c->r;
  if (r->n_titles == c->cap_t) {
    size_t nc = c->cap_t ? c->cap_t * 2 : 64;
    NgTitle *ntl = realloc(r->titles, nc * sizeof *ntl);
    if (!ntl) {
      c->st = NG_ERR_NOMEM;
      return 0;
    }
    r->titles = ntl;
    c->cap_t = nc;
  }
  int32_t ti = (int32_t)r->n_titles;
  add_phrase_names(c, ph);
  r->titles[r->n_titles++] = ph->T;
  for (size_t k = ph->cb; k < ph->ce; ++k)
    if (r->tok_mention[k] < 0) r->tok_title[k] = ti;
  if (ph->T.former) /* keep "former" inside the phrase but free for nothing else */
    for (size_t k = ph->p; k < ph->cb; ++k)
      if (r->tok_mention[k] < 0 && (has(c, k, NG_W_FORMER | NG_W_FORMER_PREFIX) || is_punct(c, k, "-")))
        r->tok_title[k] = ti;
  return 1;
}

/* Read the title phrase around the lexicon title [i, i + ntok) of entry
   `lex`; returns the token to go on from, or 0 when out of memory. */
static size_t read_title(Ctx *c, size_t i, size_t ntok, uint32_t lex) {
  Phrase ph = {.T = {0, 0, 0, 0, i, i + ntok, (int32_t)lex, -1, -1, 0},
               .sb = sent_begin(c, i),
               .se = sent_end(c, i),
               .cb = i,
               .ce = i + ntok,
               .ext_place = -1,
               .ext_org = -1,
               .country = -1,
               .org_lex = -1};
  read_core(c, &ph);
  read_extension(c, &ph);
  ph.p = ph.cb;
  read_prefixes(c, &ph);
  ph.T.tok_begin = ph.p;
  ph.T.tok_end = ph.ce;
  ph.T.core_begin = ph.cb;
  ph.T.core_end = ph.ce;
  ph.T.country = ph.country;
  c->r->n_cut_runs += (size_t)ph.capped;
  if (!record_title(c, &ph)) return 0;
  return ph.ce > i ? ph.ce : i + 1;
}

void ng_rec_find_titles(Ctx *c) {
  for (size_t i = 0; i < c->nt && !c->st;) {
    NgLexMatch m;
    size_t n = title_at(c, i, &m);
    if (!n) {
      ++i;
    } else if (title_names_institution(c, i, i + n)) {
      i += n;
    } else {
      i = read_title(c, i, n, m.entries[0]);
    }
  }
}
