/* newsgraph -- recognize, internal: what the recognizer's files share.
 *
 * recognize.c         the driver, the mention store, names from metadata,
 *                     sorting;
 * recognize_titles.c  title phrases and the names inside them;
 * recognize_names.c   capitalized chunks and what they name, the special
 *                     phrases of a sentence (quoted agreements, credits...);
 * recognize_aliases.c later short forms of names found before.
 * Not a public header: only these files include it.
 */
#ifndef NG_RECOGNIZE_IMPL_H
#define NG_RECOGNIZE_IMPL_H

#include "recognize.h"
#include "strmap.h"

#include <stddef.h>
#include <stdint.h>

#define KIND(k) (1u << (k))

/* The recognizer's state: the source (borrowed), the recognition being
   built (owned until ng_recognize hands it over) and the first error. */
typedef struct {
  const char *s;
  const NgSegments *seg;
  const NgToken *t;
  size_t nt;
  const NgLexicon *lex;
  const NgWordFlags *wf; /* per token (ng_lexicon_tag) */
  const NgMeta *meta;
  NgRecognition *r;
  size_t cap_m, cap_t, cap_p;
  NgStatus st;
  NgStrMap *acronyms; /* the text of every acronym mention (NG_MF_ACRONYM) so far */
} Ctx;

/* ---- token tests ------------------------------------------------------- */

static inline int is_word(const Ctx *c, size_t i) { return i < c->nt && c->t[i].kind == NG_TOK_WORD; }
static inline int is_cap(const Ctx *c, size_t i) {
  return is_word(c, i) && (c->t[i].flags & (NG_TF_CAP | NG_TF_ALLCAPS)) && !(c->t[i].flags & NG_TF_POSS);
}
static inline int is_lower(const Ctx *c, size_t i) { return is_word(c, i) && (c->t[i].flags & NG_TF_LOWER); }
static inline int is_poss(const Ctx *c, size_t i) { return i < c->nt && (c->t[i].flags & NG_TF_POSS); }
static inline int is_joined(const Ctx *c, size_t i) { return i < c->nt && (c->t[i].flags & NG_TF_JOINED); }
static inline int tok(const Ctx *c, size_t i, const char *w) { return i < c->nt && ng_tok_is(c->s, &c->t[i], w); }
static inline int tok_i(const Ctx *c, size_t i, const char *w) { return i < c->nt && ng_tok_ieq(c->s, &c->t[i], w); }
/* A word with any of the flags `f`. */
static inline int has(const Ctx *c, size_t i, NgWordFlags f) { return i < c->nt && (c->wf[i] & f) != 0; }
static inline int free_tok(const Ctx *c, size_t i) {
  return i < c->nt && c->r->tok_mention[i] < 0 && c->r->tok_title[i] < 0;
}
static inline size_t sent_end(const Ctx *c, size_t i) { return c->seg->sents[c->t[i].sent].tok_end; }
static inline size_t sent_begin(const Ctx *c, size_t i) { return c->seg->sents[c->t[i].sent].tok_begin; }
static inline int sent_start(const Ctx *c, size_t i) { return (c->t[i].flags & NG_TF_SENT_START) != 0; }
static inline int is_punct(const Ctx *c, size_t i, const char *p) {
  return i < c->nt && c->t[i].kind == NG_TOK_PUNCT && ng_tok_is(c->s, &c->t[i], p);
}
static inline int is_open_quote(const Ctx *c, size_t i) {
  return is_punct(c, i, "\"") || is_punct(c, i, "\xE2\x80\x9C") || is_punct(c, i, "\xE2\x80\x98") ||
         is_punct(c, i, "'");
}
static inline int is_close_quote(const Ctx *c, size_t i) {
  return is_punct(c, i, "\"") || is_punct(c, i, "\xE2\x80\x9D") || is_punct(c, i, "\xE2\x80\x99") ||
         is_punct(c, i, "'");
}
/* "(X)" or "[X]" around token i + 1, starting at token i. */
static inline int bracketed(const Ctx *c, size_t i) {
  return (is_punct(c, i, "(") && is_punct(c, i + 2, ")")) || (is_punct(c, i, "[") && is_punct(c, i + 2, "]"));
}
static inline const NgLexEntry *E(const Ctx *c, uint32_t i) { return ng_lexicon_entry(c->lex, i); }

/* ---- the mention store (recognize.c) ----------------------------------- */

/* Add a mention of tokens [a, b) found by `rule`; returns its index, or -1
   (empty span, or out of memory: then c->st is set). */
int32_t ng_rec_add_mention(Ctx *c, size_t a, size_t b, NgClass cls, int32_t lex, NgRule rule, uint16_t flags);
/* The same for lexicon entry `entry` (nothing for demonyms and titles). */
int32_t ng_rec_add_lex_mention(Ctx *c, size_t a, size_t b, uint32_t entry, NgRule rule, uint16_t flags);
/* Record that mention a's name is built on mention b's. */
void ng_rec_add_part(Ctx *c, NgNameShape shape, int32_t a, int32_t b);

/* ---- the lexicon from the recognizer's view (recognize.c) --------------- */

/* Longest lexicon match of `kinds` (KIND(NG_LEX_...)) from token i, ending
   at or before `to`; returns its length (0: none). */
size_t ng_rec_lex_at(const Ctx *c, size_t i, size_t to, unsigned kinds, NgLexMatch *m);
/* A match of `kinds` that ends exactly at token `end` and starts >= lo. */
size_t ng_rec_lex_ending(const Ctx *c, size_t lo, size_t end, unsigned kinds, NgLexMatch *m);
/* The preferred entry of a match: places and orgs before demonyms,
   countries before cities before regions. */
uint32_t ng_rec_best_entry(const Ctx *c, const NgLexMatch *m);
/* The gazetteer rule of entry e: a whole chunk, or `inner` (inside one). */
NgRule ng_rec_gaz_rule(const NgLexEntry *e, int inner);

/* ---- the passes -------------------------------------------------------- */

/* Title phrases of the whole text (recognize_titles.c). */
void ng_rec_find_titles(Ctx *c);
/* Names in the sentence of tokens [sb, se) (recognize_names.c). */
void ng_rec_scan_sentence(Ctx *c, size_t sb, size_t se);
/* Later short forms of the names found so far (recognize_aliases.c). */
void ng_rec_find_aliases(Ctx *c);

#endif /* NG_RECOGNIZE_IMPL_H */
