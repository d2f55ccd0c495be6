/* newsgraph -- recognize: names in a sentence.  A sentence is read left to
 * right: special phrases first (a quoted agreement name, a publication
 * after its cue, a photo credit, gazetteer names that start in lower case
 * or run past a capitalized chunk, names with their initials in brackets,
 * "China's commerce ministry"), then capitalized chunks, which one rule
 * after the other classifies (chunk rules below). */
#include "recognize_impl.h"

#include <string.h>

static int32_t title_before(const Ctx *c, size_t a) { return ng_recognition_title_ending(c->r, a); }

static int chunk_has_head(const Ctx *c, size_t a, size_t b, NgWordFlags flag) {
  for (size_t k = a; k < b; ++k)
    if (has(c, k, flag) && is_cap(c, k)) return 1;
  return 0;
}

/* A capitalized word as written, not in capitals ("Photo", not "PHOTO"). */
static int capitalized(const Ctx *c, size_t i) {
  return is_word(c, i) && (c->t[i].flags & NG_TF_CAP) && !(c->t[i].flags & NG_TF_ALLCAPS);
}

/* A capitalized word that may be part of a person's name. */
static int is_name_word(const Ctx *c, size_t i) {
  if (!is_cap(c, i)) return 0;
  if (has(c, i, NG_W_STOP | NG_W_MONTH | NG_W_WEEKDAY | NG_W_EVENT | NG_W_ORG_HEAD | NG_W_AGR_HEAD))
    return has(c, i, NG_W_GIVEN) && !has(c, i, NG_W_STOP);
  return 1;
}

/* A short lower-case word that can end a hyphenated given name ("Ki-moon"),
   not the tail of a compound ("Kremlin-led", "Soviet-era"). */
static int name_syllable(const Ctx *c, size_t k) {
  if (!is_lower(c, k) || is_joined(c, k)) return 0;
  size_t n = c->t[k].end - c->t[k].start;
  if (n < 2 || n > 4) return 0;
  for (size_t i = 0; i < n; ++i)
    if (c->s[c->t[k].start + i] < 'a' || c->s[c->t[k].start + i] > 'z') return 0;
  return !has(c, k, NG_W_COMPOUND_TAIL);
}

/* "moon" in "Ki-moon". */
static int hyphen_syllable(const Ctx *c, size_t k) {
  return k >= 2 && is_joined(c, k - 1) && is_cap(c, k - 2) && name_syllable(c, k);
}

/* A lower-case particle inside a person's name: "bin", "van", "de", "al". */
static int name_particle(const Ctx *c, size_t k) { return is_lower(c, k) && has(c, k, NG_W_PARTICLE); }

/* Token k is "to" after a verb of travel ("travel to", "flew to"). */
static int travel_to(const Ctx *c, size_t k) {
  return k > 0 && tok(c, k, "to") && has(c, k - 1, NG_W_VISIT | NG_W_TRAVEL);
}

/* ---- building a capitalized chunk ------------------------------------------ */

typedef struct {
  size_t a, se; /* the chunk starts at a, within a sentence ending at se */
  int pub;      /* after a publication cue: connectors join freely */
  int has_head; /* an institution or agreement head word was seen */
} Chunk;

/* An "of" between the head word before k and k ("Standing Committee of
   the National People’s Congress"). */
static int of_after_head(const Ctx *c, size_t a, size_t k) {
  int of = 0;
  for (size_t q = k - 1; q > a && q + 5 > k && !has(c, q, NG_W_ORG_HEAD); --q)
    if (tok(c, q, "of")) of = 1;
  return of;
}

/* A possessive "’s" at k continues the name: "Queen’s University", "Sudan
   People’s Liberation Movement" (but "X University’s Institute" is two,
   and so is "Israel’s X Council"). */
static int possessive_continues(const Ctx *c, const Chunk *ch, size_t k, int head_before) {
  NgLexMatch pm;
  size_t a = ch->a, se = ch->se;
  return (!head_before || of_after_head(c, a, k)) && !has(c, k - 1, NG_W_ORG_HEAD) && k + 1 < se && is_poss(c, k) &&
         is_cap(c, k + 1) && chunk_has_head(c, k + 1, k + 4 < se ? k + 4 : se, NG_W_ORG_HEAD) &&
         ng_rec_lex_at(c, a, k, KIND(NG_LEX_PLACE) | KIND(NG_LEX_ORG), &pm) != k - a;
}

/* The capitalized word at k; returns where the chunk goes on. */
static size_t chunk_cap_word(const Ctx *c, Chunk *ch, size_t k) {
  int head_before = ch->has_head;
  if (has(c, k, NG_W_ORG_HEAD | NG_W_AGR_HEAD)) ch->has_head = 1;
  ++k;
  return possessive_continues(c, ch, k, head_before) ? k + 1 : k;
}

/* A nickname in quotes: Jimmy “Barbecue” Chérizier.  Returns the token
   after it, or 0. */
static size_t chunk_nickname(const Ctx *c, const Chunk *ch, size_t k) {
  if (k != ch->a + 1 || !has(c, ch->a, NG_W_GIVEN) || !is_open_quote(c, k) || !is_cap(c, k + 1)) return 0;
  size_t q = k + 1;
  while (q < ch->se && q < k + 4 && is_cap(c, q)) ++q;
  if (is_close_quote(c, q) && is_cap(c, q + 1) && free_tok(c, q + 1) && !has(c, q + 1, NG_W_STOP)) return q + 1;
  return 0;
}

/* A hyphen joining a free capitalized word, or a short syllable that
   continues a name ("Ban Ki-moon", "Moon Jae-in").  Returns the token
   after it, or 0. */
static size_t chunk_hyphen(const Ctx *c, const Chunk *ch, size_t k) {
  size_t nx = k + 1;
  if (!is_joined(c, k)) return 0;
  if (is_cap(c, nx) && free_tok(c, nx)) return nx;
  if (is_punct(c, k, "-") && !ch->has_head && is_cap(c, k - 1) && !(c->t[k - 1].flags & NG_TF_ALLCAPS) &&
      name_syllable(c, nx))
    return nx + 1;
  return 0;
}

/* May the chunk go on past the lower-case word k ("of", "and", "in",
   "the", a particle)? */
static int connector_allowed(const Ctx *c, const Chunk *ch, size_t k) {
  size_t a = ch->a, nx = k + 1;
  int conn = has(c, k, NG_W_CONNECTOR);
  if (tok(c, k, "and") || tok(c, k, "&")) {
    /* "Belt and Road Initiative": one word on each side, a head after */
    int head_after =
        k == a + 1 && is_cap(c, nx) && is_cap(c, nx + 1) && has(c, nx + 1, NG_W_ORG_HEAD) && !has(c, a, NG_W_ORG_HEAD);
    if (!(ch->has_head || ch->pub || head_after) || tok(c, nx, "the")) return 0;
  } else if (tok(c, k, "in")) {
    if (!(ch->pub || (k > a && has(c, k - 1, NG_W_ORG_IN)))) return 0;
    conn = 1;
  } else if (tok(c, k, "the")) {
    if (k > a && !tok(c, k - 1, "on") && !tok(c, k - 1, "of") && !tok(c, k - 1, "for") && !tok(c, k - 1, "in"))
      return 0;
  }
  if (!conn || !is_lower(c, k)) return 0;
  /* "Anna Berg of the Oslo-based ...": a first name and surname do not run
     on into an institution */
  if (!ch->has_head && !ch->pub && k - a >= 2 && has(c, a, NG_W_GIVEN) && !has(c, a, NG_W_STOP) &&
      (tok(c, k, "of") || tok(c, k, "for") || tok(c, k, "on")))
    return 0;
  /* a date never continues a name: "Mark Olsen on Monday" */
  return !(has(c, nx, NG_W_MONTH | NG_W_WEEKDAY) && !ch->pub);
}

/* What follows the connector k: a capital (after "the"), or a particle
   joined to a name ("Bashar al-Assad", "Ursula von der Leyen").  Returns
   the token to go on from, or 0. */
static size_t past_connector(const Ctx *c, const Chunk *ch, size_t k) {
  size_t nx = k + 1;
  if (tok(c, nx, "the") && is_cap(c, nx + 1) && free_tok(c, nx + 1)) return nx + 1;
  if (is_cap(c, nx) && free_tok(c, nx)) return nx;
  if (!name_particle(c, k) || !is_cap(c, nx + 1) || !free_tok(c, nx + 1)) return 0;
  if (is_joined(c, nx) && !ch->has_head) return nx + 1;
  return name_particle(c, nx) ? nx + 1 : 0;
}

/* Build a capitalized chunk from a: returns its end.  A chunk stops at
   NG_REC_MAX_RUN tokens (*capped, when not NULL, is then incremented if a
   word follows). */
static size_t build_chunk(const Ctx *c, size_t a, size_t se, int pub, size_t *capped) {
  Chunk ch = {a, se, pub, 0};
  size_t k = a;
  while (k < se && free_tok(c, k)) {
    if (k - a >= NG_REC_MAX_RUN) {
      if (capped && is_word(c, k)) ++*capped;
      break;
    }
    if (is_cap(c, k)) {
      k = chunk_cap_word(c, &ch, k);
      continue;
    }
    if (k == a) break;
    size_t nk = chunk_nickname(c, &ch, k);
    if (!nk) nk = chunk_hyphen(c, &ch, k);
    if (!nk && is_word(c, k) && connector_allowed(c, &ch, k)) nk = past_connector(c, &ch, k);
    if (!nk) break;
    k = nk;
  }
  /* never end on a connector (a name syllable after a hyphen stays) */
  while (k > a && !is_cap(c, k - 1) && !(k >= a + 3 && is_joined(c, k - 2) && name_syllable(c, k - 1))) --k;
  return k;
}

/* ---- what the rest of a chunk names (no head word, no gazetteer name) ----- */

typedef struct {
  size_t a, b, n;
  int32_t title; /* the title right before, or -1 */
  int after_title;
  int given;     /* starts with a given name and has two words or more */
  int all_names; /* every word may be part of a person's name */
} Run;

/* Word k of the run [a, b) may be part of a person's name: capitalized
   (capitals only as initials, "JD Vance"), or inside it a particle, a
   name syllable or a hyphen; never a weekday. */
static int run_name_word(const Ctx *c, size_t a, size_t b, size_t k) {
  int initials = (c->t[k].flags & NG_TF_ALLCAPS) && c->t[k].end - c->t[k].start <= 2 && k + 1 < b;
  if (!is_cap(c, k) && !(k > a && (name_particle(c, k) || hyphen_syllable(c, k) || is_joined(c, k)))) return 0;
  if ((c->t[k].flags & NG_TF_ALLCAPS) && !(c->t[k].flags & NG_TF_ABBR) && !initials) return 0;
  return !has(c, k, NG_W_WEEKDAY); /* "told Americans Saturday" */
}

static Run read_run(const Ctx *c, size_t a, size_t b) {
  Run r = {a, b, b - a, title_before(c, a), 0, 0, 1};
  r.after_title = r.title >= 0;
  /* "British Prime Minister, Rishi Sunak" */
  if (!r.after_title && a >= 2 && is_punct(c, a - 1, ",") && c->r->tok_title[a - 2] >= 0 &&
      c->r->titles[c->r->tok_title[a - 2]].core_end == a - 1 && r.n >= 2) {
    r.after_title = 1;
    r.title = c->r->tok_title[a - 2];
  }
  r.given = has(c, a, NG_W_GIVEN) && r.n >= 2;
  for (size_t k = a; k < b; ++k) r.all_names &= run_name_word(c, a, b, k);
  if (ng_rec_lex_at(c, a, a + 1, KIND(NG_LEX_DEMONYM), &(NgLexMatch){0}) == 1) r.all_names = 0;
  /* "fellow Tutsis": after a lower-case title one word that is no given
     name is not enough for a person */
  if (r.after_title && r.n == 1 && is_lower(c, c->r->titles[r.title].core_begin) && !has(c, a, NG_W_GIVEN))
    r.after_title = 0;
  return r;
}

static int rest_after_title(Ctx *c, const Run *r) {
  if (!r->after_title || !r->all_names || r->n > 4) return 0;
  int32_t mi = ng_rec_add_mention(c, r->a, r->b, NG_CLS_PERSON, -1, NG_RULE_PERSON_AFTER_TITLE, 0);
  if (mi >= 0) c->r->mentions[mi].title = r->title;
  return 1;
}

static int rest_given_name(Ctx *c, const Run *r) {
  if (!r->given || !r->all_names || r->n > 4) return 0;
  ng_rec_add_mention(c, r->a, r->b, NG_CLS_PERSON, -1, NG_RULE_PERSON_GIVEN_NAME, 0);
  return 1;
}

/* ", a senior fellow": articles, "former", possessives and names of other
   kinds between the comma after b and a title. */
static int apposition_follows(const Ctx *c, size_t b) {
  if (!is_punct(c, b, ",")) return 0;
  size_t k = b + 1;
  while (k < c->nt &&
         (tok_i(c, k, "a") || tok_i(c, k, "an") || tok_i(c, k, "the") || has(c, k, NG_W_FORMER) || is_poss(c, k) ||
          (c->r->tok_mention[k] >= 0 && c->r->mentions[c->r->tok_mention[k]].cls != NG_CLS_PERSON)))
    ++k;
  return k < c->nt && c->r->tok_title[k] >= 0;
}

/* "NAME, a senior fellow ...", "NAME said", "said NAME". */
static int rest_apposition(Ctx *c, const Run *r) {
  if (!r->all_names || r->n < 2 || r->n > 4) return 0;
  size_t a = r->a, b = r->b;
  int appos = apposition_follows(c, b);
  int said =
      (b < c->nt && has(c, b, NG_W_SAY) && is_lower(c, b)) || (a > 0 && has(c, a - 1, NG_W_SAY) && is_lower(c, a - 1));
  if (!appos && !said) return 0;
  ng_rec_add_mention(c, a, b, NG_CLS_PERSON, -1, appos ? NG_RULE_PERSON_APPOSITION : NG_RULE_PERSON_SPEECH_VERB, 0);
  return 1;
}

/* "the Mills administration": the surname of the head of a government. */
static int rest_administration(Ctx *c, const Run *r) {
  size_t b = r->b;
  if (r->n > 2 || !r->all_names || b >= c->nt || !is_lower(c, b) || !has(c, b, NG_W_ADMINISTRATION) ||
      (c->t[r->a].flags & NG_TF_ALLCAPS))
    return 0;
  ng_rec_add_mention(c, r->a, b, NG_CLS_PERSON, -1, NG_RULE_PERSON_ADMINISTRATION, 0);
  return 1;
}

/* An acronym given in parentheses earlier with the text of token a. */
static int acronym_given(const Ctx *c, size_t a) {
  uint32_t unused;
  return ng_strmap_get(c->acronyms, c->s + c->t[a].start, c->t[a].end - c->t[a].start, &unused);
}

/* "the PSNI": an unknown all-capitals word of 2-8 letters after "the" is
   an organization's acronym (one given in parentheses before is left to
   the short-form pass: "the United States-Mexico-Canada Agreement (USMCA)"
   ... "the USMCA"). */
static int rest_acronym_the(Ctx *c, const Run *r) {
  size_t a = r->a, len = c->t[a].end - c->t[a].start;
  if (r->n != 1 || a == 0 || !tok_i(c, a - 1, "the") || !(c->t[a].flags & NG_TF_ALLCAPS) ||
      (c->t[a].flags & NG_TF_ABBR) || len < 2 || len > 8 ||
      has(c, a, NG_W_STOP | NG_W_MONTH | NG_W_WEEKDAY | NG_W_EVENT | NG_W_TITLE_MOD) || c->r->tok_title[a] >= 0)
    return 0;
  if (!acronym_given(c, a)) ng_rec_add_mention(c, a, r->b, NG_CLS_ORGANIZATION, -1, NG_RULE_ORG_ACRONYM_THE, 0);
  return 1;
}

/* A single unknown word after "in"/"near", or after "to" following a
   travel verb ("travel to Anuradhapura"): a place. */
static int rest_place(Ctx *c, const Run *r) {
  size_t a = r->a, b = r->b;
  if (r->n != 1 || a == 0 || !(tok(c, a - 1, "in") || tok(c, a - 1, "near") || travel_to(c, a - 1)) ||
      sent_start(c, a) || (b < c->nt && is_poss(c, b)) || /* "in Dahl's view" */
      has(c, a, NG_W_STOP | NG_W_MONTH | NG_W_WEEKDAY | NG_W_EVENT | NG_W_GIVEN | NG_W_ORG_HEAD) ||
      (c->t[a].flags & NG_TF_ALLCAPS))
    return 0;
  ng_rec_add_mention(c, a, b, NG_CLS_PLACE, -1, NG_RULE_PLACE_AFTER_PREPOSITION, 0);
  return 1;
}

/* Person / unknown classification of a run with no head and no gazetteer hit. */
static void classify_rest(Ctx *c, size_t a, size_t b) {
  if (b <= a) return;
  Run r = read_run(c, a, b);
  if (rest_after_title(c, &r) || rest_given_name(c, &r) || rest_apposition(c, &r) || rest_administration(c, &r) ||
      rest_acronym_the(c, &r))
    return;
  rest_place(c, &r);
}

/* ---- institutions ---------------------------------------------------------- */

/* The institution chunk [a, b) with a head word; `forced` is its class, or
   NG_CLS_COUNT for the class of its head word.  Returns its mention. */
static int32_t org_chunk(Ctx *c, size_t a, size_t b, NgClass forced);

/* "the National Security Council and Foreign Ministry": two institutions
   when both sides have their own head word.  Returns 1 and the left one. */
static int org_split_and(Ctx *c, size_t a, size_t b, NgClass forced, int32_t *mi) {
  for (size_t k = a + 2; k + 2 < b; ++k) {
    if (!tok(c, k, "and") && !tok(c, k, "&")) continue;
    if (chunk_has_head(c, a, k, NG_W_ORG_HEAD) && chunk_has_head(c, k + 1, b, NG_W_ORG_HEAD) &&
        has(c, k - 1, NG_W_ORG_HEAD) && has(c, b - 1, NG_W_ORG_HEAD)) {
      *mi = org_chunk(c, a, k, forced);
      org_chunk(c, k + 1, b, NG_CLS_COUNT);
      return 1;
    }
  }
  return 0;
}

/* "the Department of X of Y University": split at "of" when the right part
   has its own head and a name.  Returns 1 and the left one. */
static int org_split_of(Ctx *c, size_t a, size_t b, NgClass forced, int32_t *mi) {
  for (size_t k = a + 1; k + 1 < b; ++k) {
    if (!tok(c, k, "of")) continue;
    size_t rb = k + 1;
    if (tok(c, rb, "the")) ++rb;
    if (chunk_has_head(c, a, k, NG_W_ORG_HEAD) && chunk_has_head(c, rb, b, NG_W_ORG_HEAD) && b - rb >= 2 &&
        k - a >= 2) {
      *mi = org_chunk(c, a, k, forced);
      int32_t right = org_chunk(c, rb, b, NG_CLS_COUNT);
      ng_rec_add_part(c, NG_NAME_OF, *mi, right);
      return 1;
    }
  }
  return 0;
}

/* The class of the chunk's head word ("X University of Y": the first head
   after a name wins); *head receives its position (b when none). */
static NgClass head_class(const Ctx *c, size_t a, size_t b, size_t *head) {
  NgClass cls = NG_CLS_ORGANIZATION;
  *head = b;
  for (size_t k = a; k < b; ++k)
    if (has(c, k, NG_W_ORG_HEAD) && is_cap(c, k)) {
      cls = ng_lexicon_head_class(c->lex, c->s, &c->t[k]);
      *head = k;
      if (k > a) break;
    }
  return cls;
}

/* "Embassy in Moscow": places named after "in" past the head word. */
static void org_places(Ctx *c, int32_t mi, size_t head, size_t b) {
  for (size_t k = head; k + 1 < b; ++k) {
    if (!tok(c, k, "in")) continue;
    NgLexMatch pm;
    size_t n = ng_rec_lex_at(c, k + 1, b, KIND(NG_LEX_PLACE), &pm);
    if (!n) continue;
    int32_t pl =
        ng_rec_add_lex_mention(c, k + 1, k + 1 + n, ng_rec_best_entry(c, &pm), NG_RULE_GAZ_PLACE_NESTED, NG_MF_NESTED);
    ng_rec_add_part(c, NG_NAME_IN_PLACE, mi, pl);
  }
}

static int32_t org_chunk(Ctx *c, size_t a, size_t b, NgClass forced) {
  int32_t mi = -1;
  if (org_split_and(c, a, b, forced, &mi) || org_split_of(c, a, b, forced, &mi)) return mi;
  size_t head;
  NgClass cls = head_class(c, a, b, &head);
  if (forced != NG_CLS_COUNT) cls = forced;
  NgLexMatch m;
  if (ng_rec_lex_at(c, a, b, KIND(NG_LEX_ORG), &m) == b - a) /* a known organization spelled out in full */
    return ng_rec_add_lex_mention(c, a, b, ng_rec_best_entry(c, &m), NG_RULE_GAZ_ORG, 0);
  mi = ng_rec_add_mention(c, a, b, cls, -1, NG_RULE_ORG_HEAD_WORD, 0);
  org_places(c, mi, head, b);
  return mi;
}

/* ---- chunk rules ------------------------------------------------------------- */

/* Each rule looks at the chunk [k->a, k->b); when it applies it adds its
   mentions, sets *mi to the one the chunk stands for (or -1) and returns 1. */
typedef struct {
  size_t a, b, se;
} Span;

static int32_t classify_chunk(Ctx *c, size_t a, size_t b);

/* Agreement ending with a head word at or after b. Returns end or 0. */
static size_t agreement_end(const Ctx *c, size_t b, size_t se) {
  size_t k = b;
  int mods = 0;
  while (k < se && is_lower(c, k) && has(c, k, NG_W_AGR_MOD) && mods < 2) {
    ++k;
    ++mods;
  }
  return k < se && has(c, k, NG_W_AGR_HEAD) && is_word(c, k) ? k + 1 : 0;
}

/* Sentence-initial function words and dates are no names: "The", "But",
   "In", "Monday" (but "The Hague").  Returns 0 when nothing is left. */
static int drop_leading_function_words(const Ctx *c, Span *k) {
  NgLexMatch m;
  while (k->a < k->b && has(c, k->a, NG_W_STOP | NG_W_WEEKDAY | NG_W_MONTH) && !has(c, k->a, NG_W_GIVEN)) {
    if (ng_rec_lex_at(c, k->a, k->b, KIND(NG_LEX_PLACE) | KIND(NG_LEX_ORG), &m) >= 2) break;
    ++k->a;
    while (k->a < k->b && !is_cap(c, k->a)) ++k->a;
  }
  return k->a < k->b;
}

/* "Government of National Accord": a government named "of" something is
   an institution, whatever its last word. */
static int rule_gov_of(Ctx *c, const Span *k, int32_t *mi) {
  if (k->b - k->a < 3 || !is_cap(c, k->a) || !has(c, k->a, NG_W_GOV_BODY) || !tok(c, k->a + 1, "of")) return 0;
  *mi = org_chunk(c, k->a, k->b, NG_CLS_GOVBODY);
  return 1;
}

/* "Washington for the UAE deal": an agreement named at the end of a chunk
   does not reach back over "for", "in", "with", "at". */
static int rule_agreement_split(Ctx *c, const Span *k, size_t ae, int32_t *mi) {
  size_t a = k->a, b = k->b;
  if (!((ae && !has(c, b - 1, NG_W_AGR_HEAD)) || (has(c, b - 1, NG_W_AGR_HEAD) && is_lower(c, b - 1)))) return 0;
  for (size_t q = b - 1; q > a; --q) {
    if (!(tok(c, q, "for") || tok(c, q, "in") || tok(c, q, "with") || tok(c, q, "at"))) continue;
    size_t r = q + 1 + (tok_i(c, q + 1, "the") ? 1 : 0);
    if (r >= b) return 0;
    classify_chunk(c, a, q);
    *mi = classify_chunk(c, r, b);
    return 1;
  }
  return 0;
}

/* "Minsk II agreement", "Minsk Accords", "Treaty of Rome". */
static int rule_agreement(Ctx *c, const Span *k, int32_t *mi) {
  size_t a = k->a, b = k->b, ae = agreement_end(c, b, k->se);
  if (rule_agreement_split(c, k, ae, mi)) return 1;
  if (ae && !has(c, b - 1, NG_W_AGR_HEAD))
    *mi = ng_rec_add_mention(c, a, ae, NG_CLS_AGREEMENT, -1, NG_RULE_AGREEMENT_NAME_HEAD_AFTER, 0);
  else if (b - a >= 2 && has(c, b - 1, NG_W_AGR_HEAD))
    *mi = ng_rec_add_mention(c, a, b, NG_CLS_AGREEMENT, -1, NG_RULE_AGREEMENT_NAME_HEAD, 0);
  else if (b - a >= 3 && has(c, a, NG_W_AGR_HEAD) && (tok(c, a + 1, "of") || tok(c, a + 1, "on")))
    *mi = ng_rec_add_mention(c, a, b, NG_CLS_AGREEMENT, -1, NG_RULE_AGREEMENT_HEAD_OF_NAME, 0);
  else
    return 0;
  return 1;
}

/* A known organization or place spelled out as the whole chunk; with a
   lower-case facility word after it ("Donetsk airport") or a lower-case
   compass word before it ("eastern Ukraine"). */
static int rule_whole_gazetteer(Ctx *c, const Span *k, int32_t *mi) {
  size_t a = k->a, b = k->b;
  NgLexMatch m;
  if (ng_rec_lex_at(c, a, b, KIND(NG_LEX_ORG) | KIND(NG_LEX_PLACE), &m) != b - a) return 0;
  uint32_t e = ng_rec_best_entry(c, &m);
  int place = E(c, e)->kind == NG_LEX_PLACE;
  if (b < k->se && is_lower(c, b) && has(c, b, NG_W_FACILITY) && place) {
    *mi = ng_rec_add_mention(c, a, b + 1, NG_CLS_FACILITY, -1, NG_RULE_PLACE_FACILITY_OF_PLACE, 0);
    int32_t p = ng_rec_add_lex_mention(c, a, b, e, NG_RULE_GAZ_PLACE_NESTED, NG_MF_NESTED);
    ng_rec_add_part(c, NG_NAME_FACILITY, *mi, p);
  } else if (a > 0 && is_lower(c, a - 1) && has(c, a - 1, NG_W_COMPASS) && place && free_tok(c, a - 1)) {
    *mi = ng_rec_add_mention(c, a - 1, b, NG_CLS_REGION, -1, NG_RULE_PLACE_COMPASS, 0);
    int32_t p = ng_rec_add_lex_mention(c, a, b, e, NG_RULE_GAZ_PLACE_COMPASS, NG_MF_NESTED);
    ng_rec_add_part(c, NG_NAME_COMPASS, *mi, p);
  } else {
    *mi = ng_rec_add_lex_mention(c, a, b, e, ng_rec_gaz_rule(E(c, e), 0), 0);
  }
  return 1;
}

/* "... Security Policy Josep Borrell": a person's name (given name first)
   right after an institution's name is a person of its own. */
static int rule_person_after_institution(Ctx *c, const Span *k, int32_t *mi) {
  size_t a = k->a, b = k->b;
  for (size_t q = b >= 2 ? b - 2 : a; b - a >= 4 && q >= a + 2 && q + 3 >= b; --q) {
    if (!is_cap(c, q) || !has(c, q, NG_W_GIVEN) || has(c, q, NG_W_ORG_HEAD | NG_W_STOP) || !is_cap(c, q - 1) ||
        !chunk_has_head(c, a, q, NG_W_ORG_HEAD) || chunk_has_head(c, q, b, NG_W_ORG_HEAD))
      continue;
    int all_cap = 1;
    for (size_t x = q; x < b; ++x) all_cap &= is_cap(c, x);
    if (!all_cap) continue;
    *mi = classify_chunk(c, a, q);
    ng_rec_add_mention(c, q, b, NG_CLS_PERSON, -1, NG_RULE_PERSON_GIVEN_NAME_AFTER_ORG, 0);
    return 1;
  }
  return 0;
}

/* "Temur Umarov of the Carnegie Endowment": two or three name words with
   no head, "of [the]", then an institution: a person and the institution. */
static int rule_person_of_org(Ctx *c, const Span *k, int32_t *mi) {
  size_t a = k->a, b = k->b;
  NgLexMatch m;
  for (size_t q = a + 2; q <= a + 3 && q + 2 < b; ++q) {
    if (!tok(c, q, "of")) continue;
    size_t r = q + 1 + (tok_i(c, q + 1, "the") ? 1 : 0);
    if (chunk_has_head(c, a, q, NG_W_ORG_HEAD | NG_W_AGR_HEAD | NG_W_FACILITY | NG_W_PLACE_HEAD) ||
        !chunk_has_head(c, r, b, NG_W_ORG_HEAD) || ng_rec_lex_at(c, a, q, KIND(NG_LEX_ORG) | KIND(NG_LEX_PLACE), &m))
      return 0;
    for (size_t x = a; x < q; ++x)
      if (!is_name_word(c, x)) return 0;
    ng_rec_add_mention(c, a, q, NG_CLS_PERSON, -1, NG_RULE_PERSON_OF_ORG, 0);
    *mi = classify_chunk(c, r, b);
    return 1;
  }
  return 0;
}

/* "North Central Province", "Rafah Governorate": an administrative area. */
static int rule_area(Ctx *c, const Span *k, int32_t *mi) {
  size_t a = k->a, b = k->b;
  if (b - a < 2 || !is_cap(c, b - 1) || !has(c, b - 1, NG_W_PLACE_HEAD) || chunk_has_head(c, a, b, NG_W_ORG_HEAD))
    return 0;
  NgLexMatch pm;
  *mi = ng_rec_add_mention(c, a, b, NG_CLS_REGION, -1, NG_RULE_PLACE_HEAD_WORD, 0);
  size_t n = ng_rec_lex_at(c, a, b - 1, KIND(NG_LEX_PLACE), &pm);
  if (n == b - 1 - a && n) {
    int32_t pl = ng_rec_add_lex_mention(c, a, a + n, ng_rec_best_entry(c, &pm), NG_RULE_GAZ_PLACE_NESTED, NG_MF_NESTED);
    ng_rec_add_part(c, NG_NAME_AREA, *mi, pl);
  }
  return 1;
}

/* "Northern Ireland Assembly Members": a title after the head ends the name. */
static void trim_title_after_head(const Ctx *c, Span *k) {
  NgLexMatch m;
  while (k->b - k->a >= 3 && has(c, k->b - 2, NG_W_ORG_HEAD) &&
         ng_rec_lex_at(c, k->b - 1, k->b, KIND(NG_LEX_TITLE), &m) == 1)
    --k->b;
}

/* An institution: a capitalized head word inside, or first and followed by
   "of", "for", "on" or "in" (not "Given Surname-head"). */
static int rule_institution(Ctx *c, const Span *k, int32_t *mi) {
  size_t a = k->a, b = k->b;
  int found = 0;
  for (size_t q = a; q < b; ++q)
    if (has(c, q, NG_W_ORG_HEAD) && is_cap(c, q) &&
        (q > a ||
         (q + 1 < b && (tok(c, q + 1, "of") || tok(c, q + 1, "for") || tok(c, q + 1, "on") || tok(c, q + 1, "in")))))
      found = 1;
  if (!found || (has(c, a, NG_W_GIVEN) && b - a == 2 && !has(c, a + 1, NG_W_ORG_HEAD))) return 0;
  *mi = org_chunk(c, a, b, NG_CLS_COUNT);
  return 1;
}

/* A facility named with a capital head: "Whitla Hall", "Great Hall of the
   People". */
static int rule_facility(Ctx *c, const Span *k, int32_t *mi) {
  size_t a = k->a, b = k->b;
  if (b - a >= 2 && has(c, b - 1, NG_W_FACILITY) && is_cap(c, b - 1)) {
    *mi = ng_rec_add_mention(c, a, b, NG_CLS_FACILITY, -1, NG_RULE_PLACE_FACILITY, 0);
    return 1;
  }
  for (size_t q = a + 1; q + 2 < b; ++q)
    if (has(c, q, NG_W_FACILITY) && is_cap(c, q) && tok(c, q + 1, "of") && !chunk_has_head(c, a, b, NG_W_ORG_HEAD)) {
      *mi = ng_rec_add_mention(c, a, b, NG_CLS_FACILITY, -1, NG_RULE_PLACE_FACILITY_OF, 0);
      return 1;
    }
  return 0;
}

/* Events ("Cold War") are no names, but places inside count: the chunk
   ends before the event word.  Returns 0 when nothing is left to name. */
static int cut_at_event(const Ctx *c, Span *k) {
  NgLexMatch m;
  for (size_t q = k->a + 1; q < k->b; ++q)
    if (has(c, q, NG_W_EVENT)) {
      k->b = q;
      return !(k->b - k->a == 1 && !ng_rec_lex_at(c, k->a, k->b, KIND(NG_LEX_PLACE), &m));
    }
  return 1;
}

/* A given name first: a person, unless the rest is a known place ("Will
   Russia agree?": a sentence-initial word that is also a function word or
   month is not a first name when a place follows). */
static int rule_person_given_first(Ctx *c, const Span *k, int32_t *mi) {
  size_t a = k->a, b = k->b;
  NgLexMatch m;
  const unsigned kinds = KIND(NG_LEX_PLACE) | KIND(NG_LEX_ORG);
  if (!has(c, a, NG_W_GIVEN) || b - a < 2 || ng_rec_lex_at(c, a, b, kinds, &m)) return 0;
  if (sent_start(c, a) && has(c, a, NG_W_STOP | NG_W_HEDGE | NG_W_MONTH) && ng_rec_lex_at(c, a + 1, b, kinds, &m))
    return 0;
  for (size_t q = a; q < b; ++q)
    if (!(is_name_word(c, q) || is_joined(c, q) || name_particle(c, q) || hyphen_syllable(c, q) ||
          is_open_quote(c, q) || is_close_quote(c, q)))
      return 0;
  int32_t title = title_before(c, a);
  *mi = ng_rec_add_mention(c, a, b, NG_CLS_PERSON, -1,
                           title >= 0 ? NG_RULE_PERSON_AFTER_TITLE_GIVEN : NG_RULE_PERSON_GIVEN_NAME_CHUNK, 0);
  if (*mi >= 0 && title >= 0) c->r->mentions[*mi].title = title;
  return 1;
}

/* The gazetteer name of `n` tokens at q inside the chunk (entry e): a
   region with the compass word before it ("Eastern Ukraine"), or the name. */
static int32_t add_inner_gazetteer(Ctx *c, size_t q, size_t n, uint32_t e, int compass) {
  if (!compass) return ng_rec_add_lex_mention(c, q, q + n, e, ng_rec_gaz_rule(E(c, e), 1), 0);
  int32_t rg = ng_rec_add_mention(c, q - 1, q + n, NG_CLS_REGION, -1, NG_RULE_PLACE_COMPASS, 0);
  int32_t p = ng_rec_add_lex_mention(c, q, q + n, e, NG_RULE_GAZ_PLACE_COMPASS, NG_MF_NESTED);
  ng_rec_add_part(c, NG_NAME_COMPASS, rg, p);
  return rg;
}

/* Length of a gazetteer name at q inside the chunk that counts, or 0: not
   "Trans-Pacific", and no city right after a title ("President Jackson"). */
static size_t inner_gazetteer_at(const Ctx *c, const Span *k, size_t q, NgLexMatch *m) {
  size_t n =
      is_cap(c, q) ? ng_rec_lex_at(c, q, k->b, KIND(NG_LEX_ORG) | KIND(NG_LEX_PLACE) | KIND(NG_LEX_DEMONYM), m) : 0;
  if (n && q >= 2 && is_joined(c, q - 1) && has(c, q - 2, NG_W_PLACE_PREFIX)) return 0;
  if (n && q == k->a && k->a > 0 && c->r->tok_title[k->a - 1] >= 0 && E(c, ng_rec_best_entry(c, m))->cls == NG_CLS_CITY)
    return 0;
  return n;
}

/* Left to right: gazetteer names, and the runs between them classified as
   the rest (classify_rest).  Returns the last gazetteer mention. */
static int32_t scan_gazetteer(Ctx *c, const Span *k) {
  int32_t last = -1;
  size_t run = k->a;
  NgLexMatch m;
  for (size_t q = k->a; q < k->b;) {
    size_t n = inner_gazetteer_at(c, k, q, &m);
    if (!n) {
      ++q;
      continue;
    }
    uint32_t e = ng_rec_best_entry(c, &m);
    const NgLexEntry *le = E(c, e);
    int compass = q > k->a && has(c, q - 1, NG_W_COMPASS) && le->kind == NG_LEX_PLACE && run == q - 1;
    if (!compass) classify_rest(c, run, q);
    if (le->kind != NG_LEX_DEMONYM) last = add_inner_gazetteer(c, q, n, e, compass);
    q += n;
    run = q;
  }
  /* the remaining run: skip a joined hyphen left over ("U.S.-Russian") */
  while (run < k->b && !is_cap(c, run)) ++run;
  if (run < k->b) classify_rest(c, run, k->b);
  return last;
}

/* What the capitalized chunk [a, b) names: the chunk rules in order. */
static int32_t classify_chunk(Ctx *c, size_t a, size_t b) {
  Span k = {a, b, sent_end(c, a)};
  int32_t mi = -1;
  if (!drop_leading_function_words(c, &k)) return -1;
  if (rule_gov_of(c, &k, &mi) || rule_agreement(c, &k, &mi) || rule_whole_gazetteer(c, &k, &mi) ||
      rule_person_after_institution(c, &k, &mi) || rule_person_of_org(c, &k, &mi) || rule_area(c, &k, &mi))
    return mi;
  trim_title_after_head(c, &k);
  if (rule_institution(c, &k, &mi) || rule_facility(c, &k, &mi)) return mi;
  if (!cut_at_event(c, &k)) return -1;
  if (rule_person_given_first(c, &k, &mi)) return mi;
  return scan_gazetteer(c, &k);
}

/* ---- special phrases of a sentence -------------------------------------------- */

/* "(RIAC)" after a mention: an acronym of it. */
static void acronym_after(Ctx *c, int32_t mi) {
  if (mi < 0) return;
  const NgMention *m = &c->r->mentions[mi];
  size_t k = m->tok_end;
  if (!bracketed(c, k) || !is_word(c, k + 1) || !(c->t[k + 1].flags & NG_TF_ALLCAPS)) return;
  if (c->r->tok_mention[k + 1] >= 0) return;
  /* "DOHA (REUTERS) -": after a place the parentheses hold a dateline's
     agency, not the place's acronym */
  NgClass cls = (NgClass)m->cls;
  if (ng_class_type(cls) == NG_TYPE_PLACE) return;
  int32_t ai = ng_rec_add_mention(c, k + 1, k + 2, cls, m->lex, NG_RULE_ACRONYM_PARENTHESIZED, NG_MF_ACRONYM);
  if (ai >= 0) c->r->mentions[ai].link = mi;
}

/* 'A "phase one" trade deal': a quoted name of two to four words before an
   agreement head.  Returns the end of the phrase, or 0. */
static size_t quoted_agreement(Ctx *c, size_t i, size_t se) {
  if (!is_open_quote(c, i)) return 0;
  size_t k = i + 1, words = 0;
  while (k < se && is_word(c, k) && free_tok(c, k) && words < 4) {
    ++k;
    ++words;
  }
  if (words < 2 || !is_close_quote(c, k)) return 0;
  size_t ae = agreement_end(c, k + 1, se);
  if (!ae) return 0;
  int32_t mi = ng_rec_add_mention(c, i + 1, k, NG_CLS_AGREEMENT, -1, NG_RULE_AGREEMENT_QUOTED_NAME, NG_MF_QUOTED);
  if (mi >= 0) {
    /* the mention covers the quoted name; remember the full phrase */
    c->r->mentions[mi].end = c->t[ae - 1].end;
    c->r->mentions[mi].tok_end = ae;
    for (size_t q = k; q < ae; ++q) c->r->tok_mention[q] = mi;
  }
  return ae;
}

/* The organization of a cued name [a, b): a known one (rule `known`), or
   one of class `cls` found by `rule`. */
static int32_t cued_org(Ctx *c, size_t a, size_t b, NgRule known, NgClass cls, NgRule rule) {
  NgLexMatch m;
  if (ng_rec_lex_at(c, a, b, KIND(NG_LEX_ORG), &m) == b - a)
    return ng_rec_add_lex_mention(c, a, b, ng_rec_best_entry(c, &m), known, 0);
  return ng_rec_add_mention(c, a, b, cls, -1, rule, 0);
}

/* Publications: "the journal Eastern Policy Review".  Returns the end, or 0. */
static size_t publication(Ctx *c, size_t i, size_t se) {
  if (!has(c, i, NG_W_PUB_CUE) || !is_lower(c, i) || !is_cap(c, i + 1) || !free_tok(c, i + 1)) return 0;
  size_t b = build_chunk(c, i + 1, se, 1, &c->r->n_cut_runs);
  if (b <= i + 1) return 0;
  acronym_after(c, cued_org(c, i + 1, b, NG_RULE_GAZ_ORG_INNER, NG_CLS_PUBLICATION, NG_RULE_ORG_PUBLICATION_CUE));
  return b;
}

/* Photo credits: "Photo: AP".  Returns the end, or 0. */
static size_t photo_credit(Ctx *c, size_t i, size_t se) {
  if (!capitalized(c, i) || !has(c, i, NG_W_CAPTION | NG_W_CREDIT) || !is_punct(c, i + 1, ":") || !is_cap(c, i + 2))
    return 0;
  size_t b = build_chunk(c, i + 2, se, 0, &c->r->n_cut_runs);
  if (b <= i + 2) return 0;
  cued_org(c, i + 2, b, NG_RULE_GAZ_ORG, NG_CLS_NEWSAGENCY, NG_RULE_ORG_PHOTO_CREDIT);
  return b;
}

/* Gazetteer names that start in lower case ("al-Qaida").  Returns the end,
   or 0. */
static size_t lowercase_gazetteer(Ctx *c, size_t i, size_t se) {
  NgLexMatch gm;
  if (!is_lower(c, i) || !has(c, i, NG_W_ARTICLE_PREFIX) || !is_joined(c, i + 1)) return 0;
  size_t gl = ng_rec_lex_at(c, i, se, KIND(NG_LEX_ORG), &gm);
  if (gl < 3) return 0;
  acronym_after(c, ng_rec_add_lex_mention(c, i, i + gl, ng_rec_best_entry(c, &gm), NG_RULE_GAZ_ORG_INNER, 0));
  return i + gl;
}

/* A gazetteer name longer than the capitalized chunk ("Islamic State of
   Iraq and the Levant": the chunk stops at "and").  Returns the end, or 0. */
static size_t long_gazetteer(Ctx *c, size_t i, size_t se) {
  NgLexMatch gm;
  size_t gl = ng_rec_lex_at(c, i, se, KIND(NG_LEX_ORG) | KIND(NG_LEX_PLACE), &gm);
  if (gl < 3 || gl <= build_chunk(c, i, se, 0, NULL) - i) return 0;
  for (size_t q = i; q < i + gl; ++q)
    if (!free_tok(c, q)) return 0;
  uint32_t e = ng_rec_best_entry(c, &gm);
  NgRule rule = E(c, e)->kind == NG_LEX_ORG ? NG_RULE_GAZ_ORG : NG_RULE_GAZ_PLACE_LONG;
  acronym_after(c, ng_rec_add_lex_mention(c, i, i + gl, e, rule, 0));
  return i + gl;
}

/* The initials of the capitalized words from i (connectors and possessives
   skipped) into init; returns the end of the words, or 0. */
static size_t initials_of(const Ctx *c, size_t i, size_t se, char *init, size_t *ni) {
  size_t k = i;
  *ni = 0;
  for (; k < se && k < i + 10; ++k) {
    if (!free_tok(c, k)) return 0;
    if (is_cap(c, k) && !(c->t[k].flags & NG_TF_ALLCAPS)) {
      if (*ni == 16) return 0;
      init[(*ni)++] = c->s[c->t[k].start];
    } else if (!(is_poss(c, k) || (has(c, k, NG_W_CONNECTOR) && is_lower(c, k)))) {
      break;
    }
  }
  return k;
}

/* "National People's Power [NPP]": capitalized words (with connectors and
   possessives) followed by a parenthesized or bracketed acronym made of
   their initials name an organization, whatever its head word.  Returns
   the end of the name, or 0. */
static size_t initials_name(Ctx *c, size_t i, size_t se) {
  char init[16];
  size_t ni = 0, k = initials_of(c, i, se, init, &ni);
  if (!k || ni < 2 || !is_cap(c, k - 1) || !bracketed(c, k)) return 0;
  const NgToken *a = &c->t[k + 1];
  if (!(a->flags & NG_TF_ALLCAPS) || a->end - a->start != ni || c->r->tok_mention[k + 1] >= 0) return 0;
  if (memcmp(c->s + a->start, init, ni) != 0) return 0;
  /* a known name or a name with its own head word goes the usual way */
  NgLexMatch m;
  if (ng_rec_lex_at(c, i, k, KIND(NG_LEX_ORG) | KIND(NG_LEX_PLACE), &m) || chunk_has_head(c, i, k, NG_W_ORG_HEAD) ||
      chunk_has_head(c, i, k, NG_W_AGR_HEAD) || has(c, i, NG_W_STOP))
    return 0;
  acronym_after(c, ng_rec_add_mention(c, i, k, NG_CLS_ORGANIZATION, -1, NG_RULE_ORG_ACRONYM_INITIALS, 0));
  return k + 3;
}

/* "China's commerce ministry", "the Chinese defence ministry": a country
   in the possessive or a demonym, one or two lower-case portfolio words and
   a lower-case government head word.  Adds the ministry (and the country
   named in it) and returns the end of the phrase, or 0. */
static size_t portfolio_ministry(Ctx *c, size_t i, size_t se) {
  if (tok_i(c, i, "the")) ++i; /* sentence-initial "The" */
  NgLexMatch m;
  size_t n = ng_rec_lex_at(c, i, se, KIND(NG_LEX_PLACE) | KIND(NG_LEX_DEMONYM), &m);
  if (!n) return 0;
  int32_t country = -1, demonym = -1;
  for (size_t j = 0; j < m.n; ++j) {
    const NgLexEntry *e = E(c, m.entries[j]);
    if (e->kind == NG_LEX_PLACE && e->cls == NG_CLS_COUNTRY) country = (int32_t)m.entries[j];
    if (e->kind == NG_LEX_DEMONYM) demonym = (int32_t)m.entries[j];
  }
  size_t k = i + n;
  int poss = k < se && is_poss(c, k);
  if (poss ? country < 0 : demonym < 0) return 0;
  if (poss) ++k;
  size_t p = k;
  while (k < se && k - p < 2 && is_lower(c, k) && has(c, k, NG_W_PORTFOLIO)) ++k;
  if (k == p || k >= se || !is_lower(c, k) || !has(c, k, NG_W_ORG_HEAD)) return 0;
  if (ng_lexicon_head_class(c->lex, c->s, &c->t[k]) != NG_CLS_GOVBODY) return 0;
  if (poss) ng_rec_add_lex_mention(c, i, i + n, (uint32_t)country, NG_RULE_GAZ_COUNTRY_INNER, 0);
  ng_rec_add_mention(c, i, k + 1, NG_CLS_GOVBODY, -1, NG_RULE_ORG_PORTFOLIO, 0);
  return k + 1;
}

/* ---- the sentence ---------------------------------------------------------------- */

/* An organization named with a possessive, waiting for the unit after it. */
typedef struct {
  int32_t org;
  size_t next; /* the token the unit's name starts at */
} Possessive;

/* The capitalized chunk at i: what it names, its acronym, and "X
   University’s Institute for Y" (the second is part of the first).
   Returns the token after it. */
static size_t read_chunk(Ctx *c, Possessive *ps, size_t i, size_t se) {
  size_t b = build_chunk(c, i, se, 0, &c->r->n_cut_runs);
  if (b <= i) return i + 1;
  int32_t mi = classify_chunk(c, i, b);
  acronym_after(c, mi);
  int org = mi >= 0 && ng_class_type((NgClass)c->r->mentions[mi].cls) == NG_TYPE_ORG;
  if (org && i == ps->next && ps->org >= 0) ng_rec_add_part(c, NG_NAME_POSSESSIVE, mi, ps->org);
  ps->org = -1;
  if (org && b < se && is_poss(c, b) && c->r->mentions[mi].tok_end == b) {
    ps->org = mi;
    ps->next = b + 1;
  }
  return b;
}

/* The special phrase at token i, if any: returns its end, or 0. */
static size_t special_phrase(Ctx *c, size_t i, size_t se) {
  size_t e = quoted_agreement(c, i, se);
  if (!e) e = publication(c, i, se);
  if (!e) e = photo_credit(c, i, se);
  if (!e) e = lowercase_gazetteer(c, i, se);
  if (e || !is_cap(c, i)) return e;
  e = long_gazetteer(c, i, se);
  if (!e) e = initials_name(c, i, se);
  if (!e) e = portfolio_ministry(c, i, se);
  return e;
}

void ng_rec_scan_sentence(Ctx *c, size_t sb, size_t se) {
  Possessive ps = {-1, 0};
  for (size_t i = sb; i < se;) {
    size_t e = free_tok(c, i) ? special_phrase(c, i, se) : 0;
    if (e)
      i = e;
    else if (!free_tok(c, i) || !is_cap(c, i))
      ++i;
    else
      i = read_chunk(c, &ps, i, se);
  }
}
