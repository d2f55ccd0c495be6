/* newsgraph -- recognize: the driver, the mention store, names from the
 * metadata and the final sort (see recognize_impl.h for the other files). */
#include "recognize_impl.h"

#include <stdlib.h>
#include <string.h>

/* ---- the mention store -------------------------------------------------- */

static void *grow(void *p, size_t *cap, size_t n, size_t first, size_t size, NgStatus *st) {
  if (n < *cap) return p;
  size_t nc = *cap ? *cap * 2 : first;
  void *np = realloc(p, nc * size);
  if (!np) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  *cap = nc;
  return np;
}

int32_t ng_rec_add_mention(Ctx *c, size_t a, size_t b, NgClass cls, int32_t lex, NgRule rule, uint16_t flags) {
  NgRecognition *r = c->r;
  if (b <= a) return -1;
  NgMention *nm = grow(r->mentions, &c->cap_m, r->n_mentions, 128, sizeof *nm, &c->st);
  if (!nm) return -1;
  r->mentions = nm;
  /* a possessive "’s" directly after the name is not part of it */
  uint16_t f = flags;
  if (b < c->nt && (c->t[b].flags & NG_TF_POSS)) f |= NG_MF_POSS;
  int32_t idx = (int32_t)r->n_mentions++;
  r->mentions[idx] = (NgMention){.tok_begin = a,
                                 .tok_end = b,
                                 .start = c->t[a].start,
                                 .end = c->t[b - 1].end,
                                 .lex = lex,
                                 .title = -1,
                                 .link = -1,
                                 .confidence = ng_rule_confidence(rule),
                                 .flags = f,
                                 .cls = (uint8_t)cls,
                                 .rule = rule};
  if (!(flags & NG_MF_NESTED))
    for (size_t i = a; i < b; ++i) r->tok_mention[i] = idx;
  if ((flags & NG_MF_ACRONYM) && !c->st)
    c->st = ng_strmap_put(c->acronyms, c->s + r->mentions[idx].start, r->mentions[idx].end - r->mentions[idx].start, 0);
  return idx;
}

int32_t ng_rec_add_lex_mention(Ctx *c, size_t a, size_t b, uint32_t entry, NgRule rule, uint16_t flags) {
  const NgLexEntry *e = E(c, entry);
  if (e->kind == NG_LEX_DEMONYM || e->kind == NG_LEX_TITLE) return -1;
  return ng_rec_add_mention(c, a, b, (NgClass)e->cls, (int32_t)entry, rule, flags);
}

void ng_rec_add_part(Ctx *c, NgNameShape shape, int32_t a, int32_t b) {
  NgRecognition *r = c->r;
  if (a < 0 || b < 0 || a == b) return;
  NgNamePart *np = grow(r->parts, &c->cap_p, r->n_parts, 32, sizeof *np, &c->st);
  if (!np) return;
  r->parts = np;
  r->parts[r->n_parts++] = (NgNamePart){(uint8_t)shape, a, b};
}

/* ---- the lexicon from the recognizer's view ------------------------------ */

size_t ng_rec_lex_at(const Ctx *c, size_t i, size_t to, unsigned kinds, NgLexMatch *m) {
  if (!is_word(c, i) || !(c->wf[i] & NG_W_NAME_START)) {
    m->ntok = m->n = 0;
    return 0;
  }
  return ng_lexicon_match(c->lex, c->s, c->t, i, to, kinds, m);
}

size_t ng_rec_lex_ending(const Ctx *c, size_t lo, size_t end, unsigned kinds, NgLexMatch *m) {
  for (size_t len = 4; len >= 1; --len) {
    if (end < lo + len) continue;
    size_t a = end - len;
    if (ng_lexicon_match(c->lex, c->s, c->t, a, end, kinds, m) == len) return len;
  }
  m->ntok = m->n = 0;
  return 0;
}

/* Rank of an entry in a match: lower is preferred. */
static int entry_rank(const NgLexEntry *e) {
  if (e->kind == NG_LEX_ORG) return 1;
  if (e->kind != NG_LEX_PLACE) return 5;
  return e->cls == NG_CLS_COUNTRY ? 0 : e->cls == NG_CLS_CITY ? 2 : 3;
}

uint32_t ng_rec_best_entry(const Ctx *c, const NgLexMatch *m) {
  uint32_t best = m->entries[0];
  int bs = 99;
  for (size_t i = 0; i < m->n; ++i) {
    int s = entry_rank(E(c, m->entries[i]));
    if (s < bs) {
      bs = s;
      best = m->entries[i];
    }
  }
  return best;
}

NgRule ng_rec_gaz_rule(const NgLexEntry *e, int inner) {
  if (e->kind == NG_LEX_ORG) return inner ? NG_RULE_GAZ_ORG_INNER : NG_RULE_GAZ_ORG;
  if (e->cls == NG_CLS_COUNTRY) return inner ? NG_RULE_GAZ_COUNTRY_INNER : NG_RULE_GAZ_COUNTRY;
  if (e->cls == NG_CLS_CITY) return inner ? NG_RULE_GAZ_CITY_INNER : NG_RULE_GAZ_CITY;
  return inner ? NG_RULE_GAZ_REGION_INNER : NG_RULE_GAZ_REGION;
}

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

/* ---- names from the metadata --------------------------------------------- */

/* Tokens [i, i + ns->n_toks) spell `name` (tokenized as `ns`), all free
   and in one sentence. */
static int spells(const Ctx *c, size_t i, const char *name, const NgSegments *ns) {
  for (size_t j = 0; j < ns->n_toks; ++j) {
    const NgToken *a = &c->t[i + j], *b = &ns->toks[j];
    if (a->end - a->start != b->end - b->start || memcmp(c->s + a->start, name + b->start, b->end - b->start) != 0 ||
        c->r->tok_mention[i + j] >= 0 || a->sent != c->t[i].sent)
      return 0;
  }
  return 1;
}

/* The publisher of the metadata, wherever the text names it. */
static void match_publisher(Ctx *c) {
  const char *name = c->meta ? c->meta->publisher : NULL;
  if (!name || !*name) return;
  NgSegments *ns = NULL;
  if (ng_segment(name, strlen(name), ng_lexicon_seg_vocab(c->lex), &ns)) return;
  size_t k = ns->n_toks;
  for (size_t i = 0; k && i + k <= c->nt; ++i)
    if (spells(c, i, name, ns)) ng_rec_add_mention(c, i, i + k, NG_CLS_NEWSAGENCY, -1, NG_RULE_META_PUBLISHER, 0);
  ng_segments_free(ns);
}

/* ---- sorting ------------------------------------------------------------- */

/* A mention's sort key: text order, the longer first at one start, then
   the order found. */
typedef struct {
  size_t start, end;
  size_t idx;
} MentionKey;

static int cmp_key(const void *x, const void *y) {
  const MentionKey *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end > b->end ? -1 : 1;
  return (a->idx > b->idx) - (a->idx < b->idx);
}

/* Every mention index held anywhere, renumbered by `remap`. */
static void renumber(NgRecognition *r, const int32_t *remap, size_t nt) {
  for (size_t i = 0; i < r->n_mentions; ++i)
    if (r->mentions[i].link >= 0) r->mentions[i].link = remap[r->mentions[i].link];
  for (size_t i = 0; i < r->n_parts; ++i) {
    r->parts[i].a = remap[r->parts[i].a];
    r->parts[i].b = remap[r->parts[i].b];
  }
  for (size_t i = 0; i < r->n_titles; ++i)
    if (r->titles[i].org >= 0) r->titles[i].org = remap[r->titles[i].org];
  for (size_t i = 0; i < nt; ++i)
    if (r->tok_mention[i] >= 0) r->tok_mention[i] = remap[r->tok_mention[i]];
}

/* Mentions in text order (longer first at one start). */
static NgStatus sort_mentions(NgRecognition *r, size_t nt) {
  size_t n = r->n_mentions;
  if (!n) return NG_SUCCESS;
  MentionKey *keys = malloc(n * sizeof *keys);
  int32_t *remap = malloc(n * sizeof *remap);
  NgMention *out = malloc(n * sizeof *out);
  NgStatus st = keys && remap && out ? NG_SUCCESS : NG_ERR_NOMEM;
  if (!st) {
    for (size_t i = 0; i < n; ++i) keys[i] = (MentionKey){r->mentions[i].start, r->mentions[i].end, i};
    qsort(keys, n, sizeof *keys, cmp_key);
    for (size_t i = 0; i < n; ++i) {
      remap[keys[i].idx] = (int32_t)i;
      out[i] = r->mentions[keys[i].idx];
    }
    free(r->mentions);
    r->mentions = out;
    out = NULL;
    renumber(r, remap, nt);
  }
  free(keys);
  free(remap);
  free(out);
  return st;
}

/* ---- the driver ---------------------------------------------------------- */

static NgRecognition *recognition_new(size_t nt) {
  NgRecognition *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->tok_mention = malloc((nt + 1) * sizeof *r->tok_mention);
  r->tok_title = malloc((nt + 1) * sizeof *r->tok_title);
  if (!r->tok_mention || !r->tok_title) {
    ng_recognition_free(r);
    return NULL;
  }
  for (size_t i = 0; i <= nt; ++i) r->tok_mention[i] = r->tok_title[i] = -1;
  return r;
}

NgStatus ng_recognize(const NgSource *src, NgRecognition **out) {
  *out = NULL;
  const NgSegments *seg = src->seg;
  NgRecognition *r = recognition_new(seg->n_toks);
  if (!r) return NG_ERR_NOMEM;
  Ctx c = {src->text->data, seg, seg->toks, seg->n_toks, src->lex, src->words, src->meta, r, 0, 0, 0, NG_SUCCESS,
           ng_strmap_new()};
  if (!c.acronyms) c.st = NG_ERR_NOMEM;
  if (!c.st) match_publisher(&c);
  if (!c.st) ng_rec_find_titles(&c);
  for (size_t s = 0; s < seg->n_sents && !c.st; ++s)
    ng_rec_scan_sentence(&c, seg->sents[s].tok_begin, seg->sents[s].tok_end);
  if (!c.st) ng_rec_find_aliases(&c);
  if (!c.st) c.st = sort_mentions(r, seg->n_toks);
  ng_strmap_free(c.acronyms);
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
  free(r->parts);
  free(r->tok_mention);
  free(r->tok_title);
  free(r);
}
