/* newsgraph -- resolve: mentions into entities.  Mentions are united
 * (union-find) step by step: surnames guessed as organizations re-read,
 * same keys, explicit links, people's surnames and short names, "X in Y";
 * then every root with a mention of its own becomes an entity, with a
 * class, a label, alternative names and an IRI slug. */
#include "resolve.h"

#include "iri.h"
#include "strindex.h"
#include "strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
  const char *s;
  const NgToken *t;
  const NgLexicon *lex;
  const NgWordFlags *wf;
  const NgRecognition *r;
  size_t n;        /* mentions */
  int32_t *link;   /* per mention: the mention it abbreviates, or -1 */
  int32_t *parent; /* union-find over mentions */
  NgStrMap *keys;  /* normalized name -> first mention with it */
  NgEntities *out;
  char *buf; /* scratch for keys of any length (tokens_key) */
  size_t cap_buf;
} Ctx;

#define CLS(c, i) ((c)->out->readings[i].cls)
#define TYPE(c, i) ng_class_type((NgClass)CLS(c, i))

static int32_t find(int32_t *p, int32_t x) {
  while (p[x] != x) {
    p[x] = p[p[x]];
    x = p[x];
  }
  return x;
}

static void unite(int32_t *p, int32_t a, int32_t b) {
  a = find(p, a);
  b = find(p, b);
  if (a == b) return;
  if (a < b)
    p[b] = a;
  else
    p[a] = b;
}

/* ---- names and keys -------------------------------------------------------- */

/* Normalized key of tokens [a, b): lowercase, space separated, without a
   leading "the", possessives and punctuation other than hyphens;
   `caps_only` keeps only capitalized words and numbers (agreements). */
static size_t make_key(const Ctx *c, size_t a, size_t b, int caps_only, char *key, size_t size) {
  size_t kn = 0;
  for (size_t k = a; k < b; ++k) {
    const NgToken *t = &c->t[k];
    if (t->flags & NG_TF_POSS) continue;
    if (k == a && ng_tok_ieq(c->s, t, "the")) continue;
    if (caps_only && !(t->flags & (NG_TF_CAP | NG_TF_ALLCAPS)) && t->kind != NG_TOK_NUM) continue;
    if (t->kind == NG_TOK_PUNCT && !(t->flags & NG_TF_JOINED)) continue;
    if (t->end - t->start > 100 || kn + 420 > size) break;
    if (kn) key[kn++] = ' ';
    kn += ng_lexicon_token_key(c->s, t, key + kn);
  }
  return kn;
}

static int agr_head(const Ctx *c, size_t k) { return (c->wf[k] & NG_W_AGR_HEAD) != 0; }

/* Key words of an agreement: capitalized words other than the head (of a
   quoted name: the quoted words). */
static size_t agreement_key(const Ctx *c, const NgMention *m, char *key, size_t size) {
  size_t b = m->tok_end;
  int quoted = (m->flags & NG_MF_QUOTED) != 0;
  if (quoted) {
    while (b > m->tok_begin + 1 &&
           (agr_head(c, b - 1) || (c->wf[b - 1] & NG_W_AGR_MOD) || c->t[b - 1].kind == NG_TOK_PUNCT))
      --b;
  } else {
    while (b > m->tok_begin + 1 && (agr_head(c, b - 1) || !(c->t[b - 1].flags & (NG_TF_CAP | NG_TF_ALLCAPS)))) --b;
  }
  return make_key(c, m->tok_begin, b, !quoted, key, size);
}

static size_t name_tokens(const Ctx *c, const NgMention *m) {
  size_t n = 0;
  for (size_t k = m->tok_begin; k < m->tok_end; ++k)
    if (c->t[k].kind == NG_TOK_WORD && !(c->t[k].flags & NG_TF_INITIAL)) ++n;
  return n;
}

static size_t last_word(const Ctx *c, const NgMention *m) {
  size_t k = m->tok_end;
  while (k > m->tok_begin + 1 && c->t[k - 1].kind != NG_TOK_WORD) --k;
  return k - 1;
}

/* Tokens a and b hold the same text (ignoring ASCII case). */
static int same_tok_icase(const Ctx *c, size_t a, size_t b) {
  const NgToken *x = &c->t[a], *y = &c->t[b];
  return x->end - x->start == y->end - y->start &&
         strncasecmp(c->s + x->start, c->s + y->start, x->end - x->start) == 0;
}

static int same_tok(const Ctx *c, size_t a, size_t b) {
  const NgToken *x = &c->t[a], *y = &c->t[b];
  return x->end - x->start == y->end - y->start && memcmp(c->s + x->start, c->s + y->start, x->end - x->start) == 0;
}

/* The text of tokens [a, b) exactly as written, one space between tokens
   (which never hold a space, so equal keys mean equal tokens) in c->buf;
   *len receives its length.  NULL when out of memory. */
static const char *tokens_key(Ctx *c, size_t a, size_t b, size_t *len) {
  size_t n = 1;
  for (size_t k = a; k < b; ++k) n += c->t[k].end - c->t[k].start + 1;
  if (!c->buf || n > c->cap_buf) {
    char *nb = realloc(c->buf, n);
    if (!nb) return NULL;
    c->buf = nb;
    c->cap_buf = n;
  }
  *len = 0;
  for (size_t k = a; k < b; ++k) {
    if (k > a) c->buf[(*len)++] = ' ';
    memcpy(c->buf + *len, c->s + c->t[k].start, c->t[k].end - c->t[k].start);
    *len += c->t[k].end - c->t[k].start;
  }
  return c->buf;
}

/* The key of token k with ASCII letters in lower case (what
   same_tok_icase compares) in c->buf.  NULL when out of memory. */
static const char *token_key_icase(Ctx *c, size_t k, size_t *len) {
  const char *key = tokens_key(c, k, k + 1, len);
  for (size_t i = 0; key && i < *len; ++i)
    if (c->buf[i] >= 'A' && c->buf[i] <= 'Z') c->buf[i] = (char)(c->buf[i] + 32);
  return key;
}

/* Mention i joins the first mention stored under key[0..kn), or is stored
   there. */
static NgStatus unite_by_key(Ctx *c, const char *key, size_t kn, int32_t i) {
  uint32_t v;
  if (!ng_strmap_get(c->keys, key, kn, &v)) return ng_strmap_put(c->keys, key, kn, (uint32_t)i);
  unite(c->parent, (int32_t)v, i);
  return NG_SUCCESS;
}

/* ---- step 0: surnames guessed as organizations ------------------------------ */

/* "Dahl adviser": a one-word organization guessed in front of a title that
   is the surname of a person named in full is that person (the first such
   person mention: their last words are indexed, so each guess is one
   lookup). */
static NgStatus reread_surnames(Ctx *c) {
  const NgRecognition *r = c->r;
  NgStrMap *last = ng_strmap_new(); /* last word -> first full name ending with it */
  NgStatus st = last ? NG_SUCCESS : NG_ERR_NOMEM;
  for (size_t j = 0; j < c->n && !st; ++j) {
    const NgMention *q = &r->mentions[j];
    if (CLS(c, j) != NG_CLS_PERSON || name_tokens(c, q) < 2) continue;
    const NgToken *w = &c->t[last_word(c, q)];
    uint32_t first;
    if (!ng_strmap_get(last, c->s + w->start, w->end - w->start, &first))
      st = ng_strmap_put(last, c->s + w->start, w->end - w->start, (uint32_t)j);
  }
  for (size_t i = 0; i < c->n && !st; ++i) {
    const NgMention *m = &r->mentions[i];
    uint32_t j;
    if (m->lex >= 0 || !(m->flags & NG_MF_TITLE_PREFIX) || m->tok_end - m->tok_begin != 1) continue;
    const NgToken *w = &c->t[m->tok_begin];
    if (!ng_strmap_get(last, c->s + w->start, w->end - w->start, &j)) continue;
    CLS(c, i) = NG_CLS_PERSON;
    c->out->readings[i].rule = NG_RULE_ALIAS_SURNAME;
    c->link[i] = (int32_t)j;
  }
  ng_strmap_free(last);
  return st;
}

/* ---- steps 1 and 2: keys and explicit links ----------------------------------- */

/* 1. The gazetteer entry, or type and normalized name (people with one name
   word wait for step 3). */
static NgStatus unite_by_keys(Ctx *c) {
  char key[2048];
  NgStatus st = NG_SUCCESS;
  for (size_t i = 0; i < c->n && !st; ++i) {
    const NgMention *m = &c->r->mentions[i];
    NgEntityType type = TYPE(c, i);
    size_t kn;
    if (type == NG_TYPE_PERSON && m->lex < 0 && name_tokens(c, m) <= 1) continue;
    if (m->lex >= 0) {
      kn = (size_t)snprintf(key, sizeof key, "L%d", (int)m->lex);
    } else {
      key[0] = (char)('0' + type);
      key[1] = ':';
      kn = 2 + (type == NG_TYPE_AGREEMENT ? agreement_key(c, m, key + 2, sizeof key - 2)
                                          : make_key(c, m->tok_begin, m->tok_end, 0, key + 2, sizeof key - 2));
    }
    st = unite_by_key(c, key, kn, (int32_t)i);
  }
  return st;
}

/* 2. Acronyms and short forms join what they abbreviate (a person's one
   name word waits for step 3). */
static void unite_links(Ctx *c) {
  for (size_t i = 0; i < c->n; ++i) {
    if (CLS(c, i) == NG_CLS_PERSON && name_tokens(c, &c->r->mentions[i]) <= 1) continue;
    if (c->link[i] >= 0 && TYPE(c, i) == TYPE(c, c->link[i])) unite(c->parent, c->link[i], (int32_t)i);
  }
}

/* ---- step 3: people ------------------------------------------------------------- */

/* Person mentions of two or more name words, grouped by exact text: idx
   holds them group after group, each group in text order; group[g] is
   where group g starts in idx (group[n_groups] = n). */
typedef struct {
  int32_t *idx;
  size_t *group;
  size_t n, n_groups;
  /* the groups (in order) by the key of their name's last word (ASCII case
     folded), by that of its last token (the same unless a name ends in
     punctuation), and by each word other than the last (exact) */
  NgStrIndex *by_last_word, *by_last_tok, *by_inner_word;
} FullNames;

static void full_names_free(FullNames *fn) {
  free(fn->idx);
  free(fn->group);
  ng_strindex_free(fn->by_last_word);
  ng_strindex_free(fn->by_last_tok);
  ng_strindex_free(fn->by_inner_word);
  memset(fn, 0, sizeof *fn);
}

/* Token k's key (folded or exact) into index ix under value v. */
static NgStatus index_token(Ctx *c, NgStrIndex *ix, size_t k, int fold, uint32_t v) {
  size_t kn;
  const char *key = fold ? token_key_icase(c, k, &kn) : tokens_key(c, k, k + 1, &kn);
  return key ? ng_strindex_add(ix, key, kn, v) : NG_ERR_NOMEM;
}

/* The three indexes of the groups' names (see FullNames). */
static NgStatus index_full_names(Ctx *c, FullNames *fn) {
  fn->by_last_word = ng_strindex_new();
  fn->by_last_tok = ng_strindex_new();
  fn->by_inner_word = ng_strindex_new();
  NgStatus st = fn->by_last_word && fn->by_last_tok && fn->by_inner_word ? NG_SUCCESS : NG_ERR_NOMEM;
  for (size_t g = 0; g < fn->n_groups && !st; ++g) {
    const NgMention *q = &c->r->mentions[fn->idx[fn->group[g]]];
    st = index_token(c, fn->by_last_word, last_word(c, q), 1, (uint32_t)g);
    if (!st) st = index_token(c, fn->by_last_tok, q->tok_end - 1, 1, (uint32_t)g);
    for (size_t k = q->tok_begin; k + 1 < q->tok_end && !st; ++k)
      if (c->t[k].kind == NG_TOK_WORD) st = index_token(c, fn->by_inner_word, k, 0, (uint32_t)g);
  }
  return st;
}

/* The exact text of mention m, tokens separated by spaces, into key. */
static size_t exact_text(const Ctx *c, const NgMention *m, char *key, size_t size) {
  size_t kn = 0;
  for (size_t k = m->tok_begin; k < m->tok_end && kn + 2 < size; ++k) {
    size_t tl = c->t[k].end - c->t[k].start;
    if (kn + tl + 2 >= size) break;
    memcpy(key + kn, c->s + c->t[k].start, tl);
    kn += tl;
    key[kn++] = ' ';
  }
  return kn;
}

/* gid[i]: the group of mention i, or -1; count[g + 1]: members of group g. */
static NgStatus group_full_names(const Ctx *c, FullNames *fn, int32_t *gid, size_t *count) {
  NgStrMap *texts = ng_strmap_new();
  NgStatus st = texts ? NG_SUCCESS : NG_ERR_NOMEM;
  char key[1024];
  for (size_t i = 0; i < c->n && !st; ++i) {
    gid[i] = -1;
    if (CLS(c, i) != NG_CLS_PERSON || name_tokens(c, &c->r->mentions[i]) < 2) continue;
    size_t kn = exact_text(c, &c->r->mentions[i], key, sizeof key);
    uint32_t g;
    if (!ng_strmap_get(texts, key, kn, &g)) {
      g = (uint32_t)fn->n_groups++;
      st = ng_strmap_put(texts, key, kn, g);
    }
    gid[i] = (int32_t)g;
    count[g + 1]++;
  }
  ng_strmap_free(texts);
  return st;
}

static NgStatus full_names(Ctx *c, FullNames *fn) {
  memset(fn, 0, sizeof *fn);
  size_t n = c->n;
  int32_t *gid = malloc((n + 1) * sizeof *gid); /* per mention: its group, or -1 */
  size_t *count = calloc(n + 2, sizeof *count); /* per group: members */
  fn->idx = malloc((n + 1) * sizeof *fn->idx);
  fn->group = malloc((n + 2) * sizeof *fn->group);
  NgStatus st = gid && count && fn->idx && fn->group ? NG_SUCCESS : NG_ERR_NOMEM;
  if (!st) st = group_full_names(c, fn, gid, count);
  if (!st) {
    for (size_t g = 0; g < fn->n_groups; ++g) count[g + 1] += count[g];
    for (size_t g = 0; g <= fn->n_groups; ++g) fn->group[g] = count[g];
    for (size_t i = 0; i < n; ++i)
      if (gid[i] >= 0) fn->idx[count[gid[i]]++] = (int32_t)i;
    fn->n = fn->group[fn->n_groups];
  }
  free(gid);
  free(count);
  if (!st) st = index_full_names(c, fn);
  return st; /* the caller frees *fn also on failure */
}

/* The member of group g nearest before byte offset `at`, else the first
   one after it. */
static int32_t nearest_in_group(const NgRecognition *r, const FullNames *fn, size_t g, size_t at) {
  size_t lo = fn->group[g], hi = fn->group[g + 1];
  while (lo < hi) { /* first member starting at or after `at` */
    size_t mid = lo + (hi - lo) / 2;
    if (r->mentions[fn->idx[mid]].start < at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo > fn->group[g] ? fn->idx[lo - 1] : fn->idx[lo];
}

/* Does the shorter name m (mw words) fit the full name q?  A surname alone
   its last word; a surname with particles ("Von der Leyen") its tail;
   first + last name its first and last words. */
static int name_fits(const Ctx *c, const NgMention *m, size_t mw, const NgMention *q) {
  if (mw == 1) return same_tok(c, last_word(c, m), last_word(c, q));
  if (c->wf[m->tok_begin] & NG_W_PARTICLE) {
    int ok = m->tok_end - m->tok_begin < q->tok_end - q->tok_begin;
    for (size_t k = 1; ok && k <= m->tok_end - m->tok_begin; ++k)
      ok = same_tok_icase(c, m->tok_end - k, q->tok_end - k);
    return ok;
  }
  return same_tok(c, last_word(c, m), last_word(c, q)) && same_tok(c, m->tok_begin, q->tok_begin);
}

/* Score the group g for mention i (mw name words): keep its member
   nearest to i in *best when it fits better. */
static void score_group(const Ctx *c, const FullNames *fn, size_t i, size_t mw, size_t g, int32_t *best,
                        int *best_score) {
  const NgRecognition *r = c->r;
  const NgMention *m = &r->mentions[i];
  const NgMention *q = &r->mentions[fn->idx[fn->group[g]]];
  if (find(c->parent, fn->idx[fn->group[g]]) == find(c->parent, (int32_t)i) || name_tokens(c, q) <= mw) return;
  if (!name_fits(c, m, mw, q)) return;
  int32_t j = nearest_in_group(r, fn, g, m->start);
  const NgMention *qj = &r->mentions[j];
  int score =
      qj->start < m->start ? 1000000 - (int)((m->start - qj->start) / 16) : (int)(1000 - (qj->start - m->start) / 1024);
  if (score > *best_score || (score == *best_score && j < *best)) {
    *best_score = score;
    *best = j;
  }
}

/* The full name that mention i (mw name words) shortens: the nearest
   earlier one wins; later ones only when none is earlier (equal scores:
   the first in the text).  -1 when none fits.  Only the groups whose last
   word (a name with particles: last token) is i's can fit. */
static int32_t nearest_full_name(Ctx *c, const FullNames *fn, size_t i, size_t mw) {
  const NgMention *m = &c->r->mentions[i];
  int particle = mw > 1 && (c->wf[m->tok_begin] & NG_W_PARTICLE);
  int32_t best = -1;
  int best_score = -1;
  size_t kn;
  const char *key = token_key_icase(c, particle ? m->tok_end - 1 : last_word(c, m), &kn);
  const NgStrIndex *ix = particle ? fn->by_last_tok : fn->by_last_word;
  for (uint32_t e = key ? ng_strindex_first(ix, key, kn) : NG_STRINDEX_END; e != NG_STRINDEX_END;
       e = ng_strindex_next(ix, e))
    score_group(c, fn, i, mw, ng_strindex_value(ix, e), &best, &best_score);
  return best;
}

/* "Mr Anutin", "Mr Xi", "President Lula": a single name after a title, or
   one that is no common given name, that only matches a word other than
   the last of one full name (names written family name first, people
   known by their given name or a middle name).  -1 when none or several.
   The groups with that word are indexed. */
static int32_t inner_name_match(Ctx *c, const FullNames *fn, size_t i) {
  const NgMention *m = &c->r->mentions[i];
  int32_t only = -1;
  int roots = 0;
  size_t kn;
  const char *key = tokens_key(c, m->tok_begin, m->tok_begin + 1, &kn);
  for (uint32_t e = key ? ng_strindex_first(fn->by_inner_word, key, kn) : NG_STRINDEX_END; e != NG_STRINDEX_END;
       e = ng_strindex_next(fn->by_inner_word, e)) {
    int32_t j = fn->idx[fn->group[ng_strindex_value(fn->by_inner_word, e)]];
    if (j == (int32_t)i) continue;
    if (only < 0 || find(c->parent, only) != find(c->parent, j)) ++roots;
    only = j;
  }
  return roots == 1 ? only : -1;
}

/* The person mention i: joins its full name, or (a surname with no full
   name anywhere) the other mentions of that surname. */
static NgStatus resolve_person(Ctx *c, const FullNames *fn, size_t i) {
  const NgMention *m = &c->r->mentions[i];
  size_t mw = name_tokens(c, m);
  int32_t best = nearest_full_name(c, fn, i, mw);
  if (best < 0 && mw == 1 && (m->title >= 0 || !(c->wf[m->tok_begin] & NG_W_GIVEN))) best = inner_name_match(c, fn, i);
  /* a short form found by the second pass goes with the name it repeats
     ("Kim" after "Mr Kim") */
  if (best < 0 && mw == 1 && c->link[i] >= 0 && CLS(c, c->link[i]) == NG_CLS_PERSON) best = c->link[i];
  if (best >= 0) {
    unite(c->parent, best, (int32_t)i); /* ambiguous surnames ("Clinton" with two Clintons): only the nearest */
    return NG_SUCCESS;
  }
  if (mw > 1) return NG_SUCCESS;
  char key[2048];
  key[0] = 'S';
  size_t kn = 1 + make_key(c, m->tok_begin, m->tok_end, 0, key + 1, sizeof key - 1);
  return unite_by_key(c, key, kn, (int32_t)i);
}

/* 3. People: surnames and first + last names join full names.  The
   candidates are the names of two or more words, grouped by their exact
   text: one group is one entity since step 1, so each mention is compared
   with each distinct name once (linear in the text for a fixed cast). */
static NgStatus unite_people(Ctx *c) {
  FullNames fn;
  NgStatus st = full_names(c, &fn);
  for (size_t i = 0; i < c->n && !st; ++i)
    if (CLS(c, i) == NG_CLS_PERSON) st = resolve_person(c, &fn, i);
  full_names_free(&fn);
  return st;
}

/* ---- step 4: organizations --------------------------------------------------------- */

/* 4. "X" joins "X in Y" ("U.S. Embassy" / "U.S. Embassy in Moscow"): the
   first organization mention whose name is X, "in" and more.  The names
   before each "in" of the organizations are indexed first. */
static NgStatus unite_org_in_place(Ctx *c) {
  const NgRecognition *r = c->r;
  NgStrMap *before_in = ng_strmap_new(); /* tokens before "in" -> first mention */
  NgStatus st = before_in ? NG_SUCCESS : NG_ERR_NOMEM;
  for (size_t j = 0; j < c->n && !st; ++j) {
    const NgMention *q = &r->mentions[j];
    if (TYPE(c, j) != NG_TYPE_ORG) continue;
    for (size_t k = q->tok_begin + 1; k + 1 < q->tok_end && !st; ++k) {
      size_t kn;
      uint32_t first;
      const char *key = ng_tok_is(c->s, &c->t[k], "in") ? tokens_key(c, q->tok_begin, k, &kn) : NULL;
      if (key && !ng_strmap_get(before_in, key, kn, &first)) st = ng_strmap_put(before_in, key, kn, (uint32_t)j);
    }
  }
  for (size_t i = 0; i < c->n && !st; ++i) {
    const NgMention *m = &r->mentions[i];
    size_t kn;
    uint32_t j;
    if (TYPE(c, i) != NG_TYPE_ORG || m->lex >= 0) continue;
    const char *key = tokens_key(c, m->tok_begin, m->tok_end, &kn);
    if (!key) st = NG_ERR_NOMEM;
    if (key && ng_strmap_get(before_in, key, kn, &j)) unite(c->parent, (int32_t)j, (int32_t)i);
  }
  ng_strmap_free(before_in);
  return st;
}

/* ---- step 5: entities ------------------------------------------------------------- */

/* One entity per root that has a mention not nested in a name; every
   mention learns its entity. */
static NgStatus make_entities(Ctx *c) {
  NgEntities *ents = c->out;
  int32_t *root_ent = malloc((c->n + 1) * sizeof *root_ent);
  size_t cap = 0;
  if (!root_ent) return NG_ERR_NOMEM;
  for (size_t i = 0; i < c->n; ++i) root_ent[i] = -1;
  for (size_t i = 0; i < c->n; ++i) {
    if (c->r->mentions[i].flags & NG_MF_NESTED) continue;
    int32_t root = find(c->parent, (int32_t)i);
    if (root_ent[root] >= 0) continue;
    if (ents->n == cap) { /* grown by doubling: copying it per entity is quadratic */
      cap = cap ? 2 * cap : 64;
      NgEntity *ne = realloc(ents->ents, cap * sizeof *ne);
      if (!ne) {
        free(root_ent);
        return NG_ERR_NOMEM;
      }
      ents->ents = ne;
    }
    NgEntity *e = &ents->ents[ents->n];
    memset(e, 0, sizeof *e);
    e->cls = (NgClass)CLS(c, i);
    e->type = ng_class_type(e->cls);
    e->lex = -1;
    e->first = c->r->mentions[i].start;
    root_ent[root] = (int32_t)ents->n++;
  }
  for (size_t i = 0; i < c->n; ++i) ents->readings[i].entity = root_ent[find(c->parent, (int32_t)i)];
  free(root_ent);
  return NG_SUCCESS;
}

/* What the mentions tell of their entity: the count, the gazetteer entry,
   the surest rule and the most specific organization class. */
static void gather_mentions(Ctx *c) {
  NgEntities *ents = c->out;
  for (size_t i = 0; i < c->n; ++i) {
    const NgMention *m = &c->r->mentions[i];
    const NgReading *rd = &ents->readings[i];
    if (rd->entity < 0 || (size_t)rd->entity >= ents->n) continue;
    NgEntity *e = &ents->ents[rd->entity];
    e->n_mentions++;
    if (m->lex >= 0 && e->lex < 0) e->lex = m->lex;
    if (m->confidence > e->confidence || e->n_mentions == 1) {
      e->confidence = m->confidence;
      e->rule = rd->rule;
    }
    NgClass mc = (NgClass)CLS(c, i);
    if (e->cls == NG_CLS_ORGANIZATION && mc != NG_CLS_ORGANIZATION && ng_class_type(mc) == NG_TYPE_ORG) e->cls = mc;
  }
  for (size_t i = 0; i < ents->n; ++i)
    if (ents->ents[i].lex >= 0) ents->ents[i].cls = (NgClass)ng_lexicon_entry(c->lex, (uint32_t)ents->ents[i].lex)->cls;
}

/* Does mention m, which links entity e to its gazetteer entry, fit only
   entries with e's Wikidata ID?  (A name given some other way than the
   gazetteer match fits nothing else.) */
static int sure_name(const Ctx *c, const NgMention *m, const NgEntity *e) {
  NgLexMatch lm;
  unsigned kinds = (1u << NG_LEX_PLACE) | (1u << NG_LEX_ORG);
  if (ng_lexicon_match(c->lex, c->s, c->t, m->tok_begin, m->tok_end, kinds, &lm) != m->tok_end - m->tok_begin) return 1;
  const char *wd = ng_lexicon_entry(c->lex, (uint32_t)e->lex)->wikidata;
  for (size_t k = 0; k < lm.n; ++k)
    if (lm.entries[k] != (uint32_t)e->lex && strcmp(ng_lexicon_entry(c->lex, lm.entries[k])->wikidata, wd) != 0)
      return 0;
  return 1;
}

/* A gazetteer link is unsure when every name that made it also fits
   another entry ("Georgia": the country or the US state). */
static void mark_unsure_links(Ctx *c) {
  NgEntities *ents = c->out;
  for (size_t i = 0; i < ents->n; ++i)
    if (ents->ents[i].lex >= 0) ents->ents[i].link_unsure = 1;
  for (size_t i = 0; i < c->n; ++i) {
    const NgMention *m = &c->r->mentions[i];
    int32_t ei = ents->readings[i].entity;
    if (ei < 0 || m->lex < 0) continue;
    NgEntity *e = &ents->ents[ei];
    if (e->link_unsure && m->lex == e->lex && sure_name(c, m, e)) e->link_unsure = 0;
  }
}

/* ---- step 6: labels --------------------------------------------------------------- */

/* The distinct names of one entity, in the order found.  `seen` (shared by
   all entities) holds the names found so far, each after the 4 bytes of its
   entity's index `owner`. */
typedef struct {
  char **v;
  size_t n, cap;
  NgStrMap *seen;
  uint32_t owner;
} StrSet;

static int set_add(StrSet *s, const char *str, size_t len) {
  char key[4 + 1024];
  uint32_t unused;
  if (len > sizeof key - 4) return -1; /* names come from 1024-byte buffers */
  memcpy(key, &s->owner, 4);
  memcpy(key + 4, str, len);
  if (ng_strmap_get(s->seen, key, len + 4, &unused)) return 0;
  if (ng_strmap_put(s->seen, key, len + 4, 0)) return -1;
  if (s->n == s->cap) {
    size_t nc = s->cap ? s->cap * 2 : 8;
    char **nv = realloc(s->v, nc * sizeof *nv);
    if (!nv) return -1;
    s->v = nv;
    s->cap = nc;
  }
  char *copy = malloc(len + 1);
  if (!copy) return -1;
  memcpy(copy, str, len);
  copy[len] = '\0';
  s->v[s->n++] = copy;
  return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* The name of person mention m without a quoted part (a nickname) in buf;
   returns its length (`len`, the cleaned full span, when there is no
   quoted part). */
static size_t without_quoted(const Ctx *c, const NgMention *m, char *buf, size_t size, size_t len) {
  size_t q0 = 0, q1 = 0;
  for (size_t k = m->tok_begin; k < m->tok_end; ++k) {
    const NgToken *t = &c->t[k];
    if (t->kind != NG_TOK_PUNCT) continue;
    int quote = c->s[t->start] == '"' ||
                ((unsigned char)c->s[t->start] == 0xE2 && t->end - t->start == 3 &&
                 ((unsigned char)c->s[t->start + 2] == 0x9C || (unsigned char)c->s[t->start + 2] == 0x9D));
    if (!quote) continue;
    if (!q0)
      q0 = k + 1;
    else
      q1 = k + 1;
  }
  if (!q0 || !q1 || q0 <= m->tok_begin + 1 || q1 >= m->tok_end) return len;
  size_t n = ng_text_clean(c->s, m->start, c->t[q0 - 1].start, buf, size);
  if (n + 1 < size) buf[n++] = ' ';
  n += ng_text_clean(c->s, c->t[q1].start, m->end, buf + n, size - n);
  return n;
}

/* The fullest name of an entity so far (most name words, then longest). */
typedef struct {
  char text[1024];
  size_t len, words;
} Best;

/* Mention m of entity e: its name (and for people the title + name forms,
   "Minister Olsen") into `names`; the best label candidate into `best`. */
static int add_names(const Ctx *c, const NgEntity *e, const NgMention *m, StrSet *names, Best *best) {
  char buf[1024];
  size_t a = m->start;
  if (e->type != NG_TYPE_PERSON && ng_tok_ieq(c->s, &c->t[m->tok_begin], "the") && m->tok_end - m->tok_begin > 1)
    a = c->t[m->tok_begin + 1].start;
  size_t len = ng_text_clean(c->s, a, m->end, buf, sizeof buf);
  if (set_add(names, buf, len)) return -1;
  /* a nickname in quotes stays an alternative name, not the label:
     "Jimmy “Barbecue” Chérizier" -> "Jimmy Chérizier" */
  if (e->type == NG_TYPE_PERSON) len = without_quoted(c, m, buf, sizeof buf, len);
  size_t words = name_tokens(c, m);
  if (!(m->flags & (NG_MF_ACRONYM | NG_MF_NESTED)) &&
      (words > best->words || (words == best->words && len > best->len))) {
    best->words = words;
    best->len = len;
    memcpy(best->text, buf, len + 1);
  }
  if (e->type != NG_TYPE_PERSON || m->title < 0) return 0;
  const NgTitle *t = &c->r->titles[m->title];
  size_t tl = ng_text_clean(c->s, c->t[t->core_begin].start, m->end, buf, sizeof buf);
  if (set_add(names, buf, tl)) return -1;
  tl = ng_text_clean(c->s, c->t[t->tok_begin].start, m->end, buf, sizeof buf);
  return t->tok_end - t->tok_begin <= 8 && set_add(names, buf, tl) ? -1 : 0;
}

static char *dup_str(const char *s) {
  char *d = malloc(strlen(s) + 1);
  if (d) strcpy(d, s);
  return d;
}

/* The label (the gazetteer name, else the fullest name used), the other
   names as altLabels (sorted) and the slug of entity e, from its
   mentions by_ent[0..n). */
static NgStatus label_entity(const Ctx *c, NgEntity *e, const size_t *by_ent, size_t n, NgStrMap *seen) {
  StrSet names = {NULL, 0, 0, seen, (uint32_t)(e - c->out->ents)};
  Best best = {"", 0, 0};
  NgStatus st = NG_SUCCESS;
  for (size_t gi = 0; gi < n && !st; ++gi)
    if (add_names(c, e, &c->r->mentions[by_ent[gi]], &names, &best)) st = NG_ERR_NOMEM;
  if (!best.text[0] && names.n) memcpy(best.text, names.v[0], strlen(names.v[0]) + 1);
  e->label = dup_str(e->lex >= 0 ? ng_lexicon_entry(c->lex, (uint32_t)e->lex)->name : best.text);
  if (!e->label) st = NG_ERR_NOMEM;
  if (names.n) qsort(names.v, names.n, sizeof *names.v, cmp_str);
  e->alt = names.v;
  for (size_t k = 0; k < names.n; ++k) {
    if (e->label && strcmp(names.v[k], e->label) == 0)
      free(names.v[k]);
    else
      e->alt[e->n_alt++] = names.v[k];
  }
  char slug[NG_SLUG_MAX + 1];
  ng_slugify(e->label ? e->label : "", slug);
  e->slug = dup_str(slug);
  return st ? st : e->slug ? NG_SUCCESS : NG_ERR_NOMEM;
}

/* 6. Labels and alternative names, from the mentions of each entity in
   text order (a counting sort by entity). */
static NgStatus label_entities(Ctx *c) {
  NgEntities *ents = c->out;
  size_t *first = calloc(ents->n + 2, sizeof *first);
  size_t *by_ent = calloc(c->n + 1, sizeof *by_ent);
  NgStrMap *seen = ng_strmap_new(); /* (entity, name) pairs, for StrSet */
  NgStatus st = first && by_ent && seen ? NG_SUCCESS : NG_ERR_NOMEM;
  for (size_t i = 0; i < c->n && !st; ++i)
    if (ents->readings[i].entity >= 0) first[ents->readings[i].entity + 1]++;
  for (size_t ei = 0; ei < ents->n && !st; ++ei) first[ei + 1] += first[ei];
  for (size_t i = 0; i < c->n && !st; ++i)
    if (ents->readings[i].entity >= 0) by_ent[first[ents->readings[i].entity]++] = i;
  for (size_t ei = ents->n; ei > 0 && !st; --ei) first[ei] = first[ei - 1]; /* back to group starts */
  if (!st) first[0] = 0;
  for (size_t ei = 0; ei < ents->n && !st; ++ei)
    st = label_entity(c, &ents->ents[ei], by_ent + first[ei], first[ei + 1] - first[ei], seen);
  ng_strmap_free(seen);
  free(first);
  free(by_ent);
  return st;
}

/* 7. Two entities of one type with one slug: keep IRIs apart (the later
   one gets its index appended). */
static NgStatus unique_slugs(NgEntities *ents) {
  NgStrMap *slugs = ng_strmap_new();
  NgStatus st = slugs ? NG_SUCCESS : NG_ERR_NOMEM;
  for (size_t j = 0; j < ents->n && !st; ++j) {
    NgEntity *b = &ents->ents[j];
    char k[NG_SLUG_MAX + 24];
    int kn = snprintf(k, sizeof k, "%d/%s", (int)b->type, b->slug);
    uint32_t v;
    if (kn > 0 && (size_t)kn < sizeof k && ng_strmap_get(slugs, k, (size_t)kn, &v)) {
      char *ns = malloc(strlen(b->slug) + 24);
      if (!ns) {
        st = NG_ERR_NOMEM;
        break;
      }
      sprintf(ns, "%s-%zu", b->slug, j);
      free(b->slug);
      b->slug = ns;
      kn = snprintf(k, sizeof k, "%d/%s", (int)b->type, b->slug);
    }
    if (kn > 0 && (size_t)kn < sizeof k) st = ng_strmap_put(slugs, k, (size_t)kn, (uint32_t)j);
  }
  ng_strmap_free(slugs);
  return st;
}

/* ---- the driver ---------------------------------------------------------------- */

static NgStatus ctx_init(Ctx *c, const NgSource *src, const NgRecognition *r) {
  size_t n = r->n_mentions;
  *c = (Ctx){src->text->data, src->seg->toks, src->lex, src->words, r, n, NULL, NULL, NULL, NULL, NULL, 0};
  c->link = malloc((n + 1) * sizeof *c->link);
  c->parent = malloc((n + 1) * sizeof *c->parent);
  c->keys = ng_strmap_new();
  c->out = calloc(1, sizeof *c->out);
  if (c->out) c->out->readings = malloc((n + 1) * sizeof *c->out->readings);
  if (!c->link || !c->parent || !c->keys || !c->out || !c->out->readings) return NG_ERR_NOMEM;
  c->out->n_readings = n;
  for (size_t i = 0; i < n; ++i) {
    c->link[i] = r->mentions[i].link;
    c->parent[i] = (int32_t)i;
    c->out->readings[i] = (NgReading){-1, r->mentions[i].cls, r->mentions[i].rule};
  }
  return NG_SUCCESS;
}

static void ctx_free(Ctx *c) {
  free(c->buf);
  free(c->link);
  free(c->parent);
  ng_strmap_free(c->keys);
}

NgStatus ng_resolve(const NgSource *src, const NgRecognition *r, NgEntities **out) {
  *out = NULL;
  Ctx c;
  NgStatus st = ctx_init(&c, src, r);
  if (!st) st = reread_surnames(&c);
  if (!st) st = unite_by_keys(&c);
  if (!st) {
    unite_links(&c);
    st = unite_people(&c);
  }
  if (!st) st = unite_org_in_place(&c);
  if (!st) st = make_entities(&c);
  if (!st) {
    gather_mentions(&c);
    mark_unsure_links(&c);
    st = label_entities(&c);
  }
  if (!st) st = unique_slugs(c.out);
  ctx_free(&c);
  if (st) {
    ng_entities_free(c.out);
    return st;
  }
  *out = c.out;
  return NG_SUCCESS;
}

void ng_entities_free(NgEntities *ents) {
  if (!ents) return;
  for (size_t i = 0; i < ents->n; ++i) {
    NgEntity *e = &ents->ents[i];
    free(e->label);
    for (size_t k = 0; k < e->n_alt; ++k) free(e->alt[k]);
    free(e->alt);
    free(e->slug);
  }
  free(ents->ents);
  free(ents->readings);
  free(ents);
}
