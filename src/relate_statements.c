/* newsgraph -- relate: statements.  An expert's commentary under a "Name,
 * Title" heading; a direct quote with a speech verb and a speaker next to
 * it; reported speech ("According to X, ...", "X said that ..."), neither
 * negated nor inside a quotation nor overlapping a statement found before. */
#include "relate_impl.h"

#include <stdlib.h>

#define OPEN_QUOTE "\xE2\x80\x9C"
#define CLOSE_QUOTE "\xE2\x80\x9D"

static int32_t person_near(const Ctx *c, size_t a, size_t b) {
  for (size_t k = a; k < b && k < c->nt; ++k) {
    int32_t e = ent_at(c, k);
    if (e >= 0 && etype(c, e) == NG_TYPE_PERSON) return e;
  }
  return -1;
}

/* ---- expert blocks ---------------------------------------------------------- */

/* A photo caption: "Photo:" or "Photograph:" in the paragraph. */
static int is_caption(const Ctx *c, const NgSpan *p) {
  for (size_t k = p->tok_begin; k + 1 < p->tok_end; ++k)
    if ((W(c, k) & NG_W_CAPTION) && (c->t[k].flags & NG_TF_CAP) && !(c->t[k].flags & NG_TF_ALLCAPS) &&
        punct(c, k + 1, ":"))
      return 1;
  return 0;
}

/* The paragraphs after heading paragraph p, up to the next heading or
   caption, are the heading person's commentary. */
static void heading_block(Ctx *c, size_t p) {
  const NgSpan *P = &c->seg->paras[p];
  int32_t who = ent_at(c, P->tok_begin);
  size_t q = p + 1, last = p;
  while (q < c->seg->n_paras && !ng_rel_is_heading(c, &c->seg->paras[q]) && !is_caption(c, &c->seg->paras[q]))
    last = q++;
  if (last == p) return;
  const NgMention *hm = mention_at(c, P->tok_begin);
  size_t cue_end = hm && who >= 0 ? hm->tok_end - 1 : P->tok_begin;
  ng_rel_add_statement(c, who, c->seg->paras[p + 1].start, c->seg->paras[last].end, 0, P->start, c->t[cue_end].end,
                       NG_RULE_STATEMENT_HEADING_BLOCK);
}

/* ---- direct quotes ------------------------------------------------------------ */

/* The speaker named after a quote ending at e: ", NAME said" / ", said
   NAME", up to the end of the clause; *ca, *cb receive the verb. */
static int32_t speaker_after(const Ctx *c, const NgSpan *P, size_t e, size_t *ca, size_t *cb) {
  size_t a = e + 1;
  if (punct(c, a, ",")) ++a;
  size_t stop = a;
  while (stop < P->tok_end && stop < a + 10 && !punct(c, stop, ".") && !punct(c, stop, OPEN_QUOTE) &&
         !punct(c, stop, "\""))
    ++stop;
  int32_t who = -1;
  for (size_t q = a; q < stop && who < 0; ++q) {
    if (!(W(c, q) & NG_W_SAY)) continue;
    who = q > a ? person_near(c, a, q) : -1;
    if (who < 0) who = person_near(c, q + 1, q + 6 < stop ? q + 6 : stop);
    *ca = c->t[q].start;
    *cb = c->t[q].end;
  }
  return who;
}

/* The speaker named before a quote opening at k: "NAME said: “" (the
   verb at k - 1, or before a colon); -1 when none. */
static int32_t speaker_before(const Ctx *c, const NgSpan *P, size_t k, size_t *ca, size_t *cb) {
  if (k < 2 || !((W(c, k - 1) & NG_W_SAY) || (punct(c, k - 1, ":") && (W(c, k - 2) & NG_W_SAY)))) return -1;
  size_t v = punct(c, k - 1, ":") ? k - 2 : k - 1;
  *ca = c->t[v].start;
  *cb = c->t[v].end;
  return person_near(c, v > P->tok_begin + 6 ? v - 6 : P->tok_begin, v);
}

/* The quotation opening at token k of paragraph P; returns its closing
   quote (or the paragraph's end). */
static size_t read_quote(Ctx *c, const NgSpan *P, size_t k) {
  size_t e = k + 1;
  while (e < P->tok_end && !punct(c, e, CLOSE_QUOTE) && !punct(c, e, "\"")) ++e;
  if (e >= P->tok_end || e - k < 3) return e;
  size_t ca = 0, cb = 0;
  int32_t who = speaker_after(c, P, e, &ca, &cb);
  if (who < 0) who = speaker_before(c, P, k, &ca, &cb);
  if (who >= 0)
    ng_rel_add_statement(c, who, c->t[k + 1].start, c->t[e - 1].end, 1, ca, cb, NG_RULE_STATEMENT_QUOTE_SAID);
  return e;
}

static void quotes_in(Ctx *c, const NgSpan *P) {
  for (size_t k = P->tok_begin; k < P->tok_end; ++k)
    if (punct(c, k, OPEN_QUOTE) || punct(c, k, "\"")) k = read_quote(c, P, k);
}

/* ---- reported speech ------------------------------------------------------------ */

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
    if (punct(c, q->pos, OPEN_QUOTE))
      q->open = 1;
    else if (punct(c, q->pos, CLOSE_QUOTE))
      q->open = 0;
    else if (punct(c, q->pos, "\""))
      q->open = !q->open;
  }
  return q->open;
}

/* Per token k, cov[k] = how many of tokens [0, k) lie in one of the
   statements found so far: a span of tokens overlaps a statement when its
   count is not zero.  Owned by the caller; NULL when out of memory. */
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

/* "According to NAME, ..." at the start of the sentence [a, e). */
static int according_to(Ctx *c, size_t a, size_t e) {
  if (!tok_i(c, a, "according") || !tok(c, a + 1, "to")) return 0;
  const NgMention *m = mention_at(c, a + 2);
  if (names_a(c, m, NG_TYPE_PERSON) && punct(c, m->tok_end, ",") && m->tok_end + 2 < e)
    ng_rel_add_statement(c, entity_of(c, m), c->t[m->tok_end + 1].start, c->t[e - 1].end, 0, c->t[a].start,
                         c->t[m->tok_end - 1].end, NG_RULE_STATEMENT_ACCORDING_TO);
  return 1;
}

/* The person named right before the speech verb at q (within four words
   of it, not before a), or NULL. */
static const NgMention *speaker_of_verb(const Ctx *c, size_t a, size_t q) {
  for (size_t k = q; k-- > a && k + 4 >= q;) {
    const NgMention *x = mention_at(c, k);
    if (names_a(c, x, NG_TYPE_PERSON) && x->tok_end + 1 >= q) return x;
  }
  return NULL;
}

/* "NAME said [on Monday] that ..." in the sentence [a, e): the first
   lower-case speech verb decides (not negated, with a speaker right before
   it, "that" within a few words, and what follows overlaps no statement). */
static void said_that(Ctx *c, size_t a, size_t e, const uint32_t *cov) {
  for (size_t q = a + 1; q + 2 < e; ++q) {
    if (!(W(c, q) & NG_W_SAY) || !is_lower_word(c, q)) continue;
    if (W(c, q - 1) & NG_W_NEGATION || (q >= 2 && (W(c, q - 2) & NG_W_NEGATION))) return;
    const NgMention *m = speaker_of_verb(c, a, q);
    if (!m) return;
    size_t t = q + 1;
    while (t < e && t < q + 6 && !tok(c, t, "that") && !punct(c, t, ",") && !punct(c, t, OPEN_QUOTE) &&
           !punct(c, t, "\""))
      ++t;
    if (t + 2 < e && tok(c, t, "that") && cov[e] == cov[t + 1])
      ng_rel_add_statement(c, entity_of(c, m), c->t[t + 1].start, c->t[e - 1].end, 0, c->t[m->tok_begin].start,
                           c->t[q].end, NG_RULE_STATEMENT_SAID_THAT);
    return;
  }
}

static void reported_speech(Ctx *c) {
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
    if (!according_to(c, a, e)) said_that(c, a, e, cov);
  }
  free(cov);
}

void ng_rel_statements(Ctx *c) {
  for (size_t p = 0; p < c->seg->n_paras; ++p)
    if (ng_rel_is_heading(c, &c->seg->paras[p])) heading_block(c, p);
  for (size_t p = 0; p < c->seg->n_paras; ++p) quotes_in(c, &c->seg->paras[p]);
  reported_speech(c);
}
