/* newsgraph -- recognize: later short forms of names found before ("Olsen"
 * after "Mark Olsen", "Halvorsen" after "Halvorsen Institution", an
 * agreement's name repeated).  The forms of every name go into a map from
 * their normalized text to the mention; then every free capitalized run of
 * the text is looked up, longest first. */
#include "recognize_impl.h"

#include "strmap.h"

#define NO_TARGET UINT32_MAX

/* Store tokens [a, b) as a form of mention `target`; a form that two
   mentions of different classes share is ambiguous (NO_TARGET). */
static NgStatus put_form(const Ctx *c, NgStrMap *map, size_t a, size_t b, uint32_t target) {
  char key[1024];
  size_t kn = 0;
  for (size_t k = a; k < b; ++k) {
    if (c->t[k].end - c->t[k].start > 100 || kn > 800) return NG_SUCCESS;
    if (kn) key[kn++] = ' ';
    kn += ng_lexicon_token_key(c->s, &c->t[k], key + kn);
  }
  uint32_t old;
  if (!ng_strmap_get(map, key, kn, &old)) return ng_strmap_put(map, key, kn, target);
  if (old == NO_TARGET) return NG_SUCCESS; /* already ambiguous */
  if (old != target && c->r->mentions[old].cls != c->r->mentions[target].cls)
    return ng_strmap_put(map, key, kn, NO_TARGET);
  return NG_SUCCESS;
}

/* "Halvorsen" for "Halvorsen Institution": the first word of a two-word
   institution that is no head word, stop word, given name, compass word or
   gazetteer name. */
static int names_institution(const Ctx *c, const NgMention *m) {
  size_t a = m->tok_begin, b = m->tok_end;
  NgLexMatch lm;
  return m->lex < 0 && b - a == 2 && has(c, b - 1, NG_W_ORG_HEAD) &&
         !has(c, a, NG_W_ORG_HEAD | NG_W_STOP | NG_W_GIVEN | NG_W_COMPASS) &&
         !ng_rec_lex_at(c, a, a + 1, KIND(NG_LEX_PLACE) | KIND(NG_LEX_DEMONYM) | KIND(NG_LEX_ORG), &lm);
}

/* The forms of mention i: a person's full name and surname (not an
   initial), an organization's name (and "Halvorsen"), an unknown
   agreement's name. */
static NgStatus put_forms(const Ctx *c, NgStrMap *forms, size_t i) {
  const NgMention *m = &c->r->mentions[i];
  size_t a = m->tok_begin, b = m->tok_end;
  NgStatus st = NG_SUCCESS;
  if (m->flags & NG_MF_NESTED) return NG_SUCCESS;
  if (m->cls == NG_CLS_PERSON) {
    st = put_form(c, forms, a, b, (uint32_t)i);
    if (b - a >= 2 && !(c->t[b - 1].flags & NG_TF_INITIAL)) st = put_form(c, forms, b - 1, b, (uint32_t)i);
  } else if (ng_class_type((NgClass)m->cls) == NG_TYPE_ORG) {
    st = put_form(c, forms, a, b, (uint32_t)i);
    if (names_institution(c, m)) st = put_form(c, forms, a, a + 1, (uint32_t)i);
  } else if (m->cls == NG_CLS_AGREEMENT && m->lex < 0) {
    st = put_form(c, forms, a, b, (uint32_t)i);
  }
  return st;
}

/* The longest form that a run of up to six words from the free capital at
   i spells (ending on a capital, in one sentence); returns its end (0:
   none) and its mention in *target. */
static size_t longest_form(const Ctx *c, const NgStrMap *forms, size_t i, uint32_t *target) {
  char key[1024];
  size_t kn = 0, best = 0;
  *target = NO_TARGET;
  for (size_t k = i; k < c->nt && k < i + 6 && (is_cap(c, k) || (k > i && is_word(c, k))); ++k) {
    if (!free_tok(c, k) || c->t[k].sent != c->t[i].sent || c->t[k].end - c->t[k].start > 100) break;
    if (kn) key[kn++] = ' ';
    kn += ng_lexicon_token_key(c->s, &c->t[k], key + kn);
    uint32_t v;
    if (ng_strmap_get(forms, key, kn, &v) && v != NO_TARGET && is_cap(c, k)) {
      best = k + 1;
      *target = v;
    }
  }
  return best;
}

/* A mention of tokens [i, end) as a short form of mention `target`. */
static void add_short_form(Ctx *c, size_t i, size_t end, uint32_t target) {
  /* copies: adding a mention may move the mentions */
  const NgClass tcls = (NgClass)c->r->mentions[target].cls;
  const int32_t tlex = c->r->mentions[target].lex;
  int32_t mi = ng_rec_add_mention(c, i, end, tcls, tlex, NG_RULE_ALIAS_SHORT_FORM, NG_MF_ALIAS);
  if (mi < 0) return;
  c->r->mentions[mi].link = (int32_t)target;
  /* a person named right after a title */
  int32_t title = ng_recognition_title_ending(c->r, i);
  if (tcls == NG_CLS_PERSON && title >= 0) c->r->mentions[mi].title = title;
}

void ng_rec_find_aliases(Ctx *c) {
  NgStrMap *forms = ng_strmap_new();
  if (!forms) {
    c->st = NG_ERR_NOMEM;
    return;
  }
  size_t n0 = c->r->n_mentions;
  for (size_t i = 0; i < n0 && !c->st; ++i) c->st = put_forms(c, forms, i);
  for (size_t i = 0; i < c->nt && !c->st; ++i) {
    if (!is_cap(c, i) || !free_tok(c, i)) continue;
    uint32_t target;
    size_t best = longest_form(c, forms, i, &target);
    /* a single sentence-initial word that is a stop word is not a name */
    if (!best || (best == i + 1 && has(c, i, NG_W_STOP))) continue;
    add_short_form(c, i, best, target);
    i = best - 1;
  }
  ng_strmap_free(forms);
}
