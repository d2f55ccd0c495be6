#include "resolve.h"

#include "iri.h"
#include "strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
  const char *s;
  const NgToken *t;
  const NgLexicon *lex;
  NgRecognition *r;
  int32_t *parent; /* union-find over mentions */
} Ctx;

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

/* Normalized key of tokens [a, b): lowercase, space separated; `caps_only`
   keeps only capitalized words (agreements), `skip_the` drops a leading the. */
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

static int agr_head(const Ctx *c, size_t k) { return (c->r->tok_words[k] & NG_W_AGR_HEAD) != 0; }

/* Key words of an agreement: capitalized words other than the head. */
static size_t agreement_key(const Ctx *c, const NgMention *m, char *key, size_t size) {
  size_t b = m->tok_end;
  while (b > m->tok_begin + 1 && (agr_head(c, b - 1) || !(c->t[b - 1].flags & (NG_TF_CAP | NG_TF_ALLCAPS)))) --b;
  int quoted = (m->flags & NG_MF_QUOTED) != 0;
  if (quoted) {
    b = m->tok_end;
    while (b > m->tok_begin + 1 &&
           (agr_head(c, b - 1) || (c->r->tok_words[b - 1] & NG_W_AGR_MOD) || c->t[b - 1].kind == NG_TOK_PUNCT))
      --b;
  }
  return make_key(c, m->tok_begin, b, !quoted, key, size);
}

typedef struct {
  char **v;
  size_t n, cap;
} StrSet;

static int set_add(StrSet *s, const char *str, size_t len) {
  for (size_t i = 0; i < s->n; ++i)
    if (strlen(s->v[i]) == len && memcmp(s->v[i], str, len) == 0) return 0;
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

static size_t name_tokens(const Ctx *c, const NgMention *m) {
  size_t n = 0;
  for (size_t k = m->tok_begin; k < m->tok_end; ++k)
    if (c->t[k].kind == NG_TOK_WORD && !(c->t[k].flags & NG_TF_INITIAL)) ++n;
  return n;
}

static size_t first_word(const Ctx *c, const NgMention *m) {
  (void)c;
  return m->tok_begin;
}
static size_t last_word(const Ctx *c, const NgMention *m) {
  size_t k = m->tok_end;
  while (k > m->tok_begin + 1 && c->t[k - 1].kind != NG_TOK_WORD) --k;
  return k - 1;
}

/* Tokens a and b hold the same text, ignoring ASCII case. */
static int same_tok_icase(const Ctx *c, size_t a, size_t b) {
  const NgToken *x = &c->t[a], *y = &c->t[b];
  return x->end - x->start == y->end - y->start &&
         strncasecmp(c->s + x->start, c->s + y->start, x->end - x->start) == 0;
}

/* Mention i joins the first mention stored under key[0..kn), or is stored
   there. */
static NgStatus unite_by_key(NgStrMap *keys, const char *key, size_t kn, int32_t *p, int32_t i) {
  uint32_t v;
  if (!ng_strmap_get(keys, key, kn, &v)) return ng_strmap_put(keys, key, kn, (uint32_t)i);
  unite(p, (int32_t)v, i);
  return NG_SUCCESS;
}

static int same_tok(const Ctx *c, size_t a, size_t b) {
  const NgToken *x = &c->t[a], *y = &c->t[b];
  return x->end - x->start == y->end - y->start && memcmp(c->s + x->start, c->s + y->start, x->end - x->start) == 0;
}

/* The name of person mention m without a quoted part (a nickname) in
   buf; returns its length (`len`, the cleaned full span, when there is no
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

/* Person mentions of two or more name words, grouped by exact text: idx
   holds them group after group, each group in text order; group[g] is
   where group g starts in idx (group[n_groups] = n). */
typedef struct {
  int32_t *idx;
  size_t *group;
  size_t n, n_groups;
} FullNames;

static void full_names_free(FullNames *fn) {
  free(fn->idx);
  free(fn->group);
  fn->idx = NULL;
  fn->group = NULL;
}

static NgStatus full_names(const Ctx *c, const NgRecognition *r, FullNames *fn) {
  memset(fn, 0, sizeof *fn);
  size_t n = r->n_mentions;
  int32_t *gid = malloc((n + 1) * sizeof *gid); /* per mention: its group, or -1 */
  size_t *count = calloc(n + 2, sizeof *count); /* per group: members */
  fn->idx = malloc((n + 1) * sizeof *fn->idx);
  fn->group = malloc((n + 2) * sizeof *fn->group);
  NgStrMap *texts = ng_strmap_new();
  NgStatus st = gid && count && fn->idx && fn->group && texts ? NG_SUCCESS : NG_ERR_NOMEM;
  char key[1024];
  for (size_t i = 0; i < n && !st; ++i) {
    const NgMention *m = &r->mentions[i];
    gid[i] = -1;
    if (m->cls != NG_CLS_PERSON || name_tokens(c, m) < 2) continue;
    size_t kn = 0;
    for (size_t k = m->tok_begin; k < m->tok_end && kn + 2 < sizeof key; ++k) {
      size_t tl = c->t[k].end - c->t[k].start;
      if (kn + tl + 2 >= sizeof key) break;
      memcpy(key + kn, c->s + c->t[k].start, tl);
      kn += tl;
      key[kn++] = ' ';
    }
    uint32_t g;
    if (!ng_strmap_get(texts, key, kn, &g)) {
      g = (uint32_t)fn->n_groups++;
      st = ng_strmap_put(texts, key, kn, g);
    }
    gid[i] = (int32_t)g;
    count[g + 1]++;
  }
  if (!st) {
    for (size_t g = 0; g < fn->n_groups; ++g) count[g + 1] += count[g];
    for (size_t g = 0; g <= fn->n_groups; ++g) fn->group[g] = count[g];
    for (size_t i = 0; i < n; ++i)
      if (gid[i] >= 0) fn->idx[count[gid[i]]++] = (int32_t)i;
    fn->n = fn->group[fn->n_groups];
  }
  free(gid);
  free(count);
  ng_strmap_free(texts);
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

NgStatus ng_resolve(const NgText *text, const NgSegments *seg, const NgLexicon *lex, NgRecognition *r,
                    NgEntities **out) {
  *out = NULL;
  size_t n = r->n_mentions;
  Ctx c = {text->data, seg->toks, lex, r, NULL};
  NgStatus st = NG_SUCCESS;
  int32_t *p = malloc((n + 1) * sizeof *p);
  NgStrMap *keys = ng_strmap_new();
  NgEntities *ents = calloc(1, sizeof *ents);
  int32_t *root_ent = malloc((n + 1) * sizeof *root_ent);
  if (!p || !keys || !ents || !root_ent) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  c.parent = p;
  for (size_t i = 0; i < n; ++i) p[i] = (int32_t)i;

  /* 0. org prefixes that are really surnames ("Dahl adviser") */
  for (size_t i = 0; i < n; ++i) {
    NgMention *m = &r->mentions[i];
    if (m->lex >= 0 || !(m->flags & NG_MF_TITLE_PREFIX)) continue;
    for (size_t j = 0; j < n; ++j) {
      const NgMention *q = &r->mentions[j];
      if (q->cls == NG_CLS_PERSON && name_tokens(&c, q) >= 2 && m->tok_end - m->tok_begin == 1 &&
          same_tok(&c, m->tok_begin, last_word(&c, q))) {
        m->cls = NG_CLS_PERSON;
        m->rule = NG_RULE_ALIAS_SURNAME;
        m->link = (int32_t)j;
        break;
      }
    }
  }

  /* 1. keys: gazetteer entry, or type + normalized name */
  char key[2048];
  for (size_t i = 0; i < n && !st; ++i) {
    NgMention *m = &r->mentions[i];
    NgEntityType type = ng_class_type((NgClass)m->cls);
    size_t kn;
    if (type == NG_TYPE_PERSON && m->lex < 0 && name_tokens(&c, m) <= 1) continue; /* see step 3 */
    if (m->lex >= 0) {
      kn = (size_t)snprintf(key, sizeof key, "L%d", (int)m->lex);
    } else {
      key[0] = (char)('0' + type);
      key[1] = ':';
      kn = 2 + (type == NG_TYPE_AGREEMENT ? agreement_key(&c, m, key + 2, sizeof key - 2)
                                          : make_key(&c, m->tok_begin, m->tok_end, 0, key + 2, sizeof key - 2));
    }
    st = unite_by_key(keys, key, kn, p, (int32_t)i);
  }
  if (st) goto done;

  /* 2. explicit links: acronyms, short forms */
  for (size_t i = 0; i < n; ++i) {
    NgMention *m = &r->mentions[i];
    /* a person's surname alone is resolved by step 3 (nearest full name) */
    if (m->cls == NG_CLS_PERSON && name_tokens(&c, m) <= 1) continue;
    if (m->link >= 0 && ng_class_type((NgClass)m->cls) == ng_class_type((NgClass)r->mentions[m->link].cls))
      unite(p, m->link, (int32_t)i);
  }

  /* 3. people: surnames and first + last names join full names.  The
     candidates are the names of two or more words, grouped by their exact
     text: one group is one entity since step 1, so each mention is compared
     with each distinct name once (linear in the text for a fixed cast). */
  {
    FullNames fn;
    st = full_names(&c, r, &fn);
    for (size_t i = 0; i < n && !st; ++i) {
      NgMention *m = &r->mentions[i];
      if (m->cls != NG_CLS_PERSON) continue;
      size_t mw = name_tokens(&c, m);
      int32_t best = -1;
      int best_score = -1;
      for (size_t g = 0; g < fn.n_groups; ++g) {
        const NgMention *q = &r->mentions[fn.idx[fn.group[g]]];
        if (find(p, fn.idx[fn.group[g]]) == find(p, (int32_t)i) || name_tokens(&c, q) <= mw) continue;
        int ok = 0;
        if (mw == 1) {
          ok = same_tok(&c, last_word(&c, m), last_word(&c, q));
        } else if (r->tok_words[m->tok_begin] & NG_W_PARTICLE) {
          /* "Von der Leyen": a surname with particles is the full name's tail */
          ok = m->tok_end - m->tok_begin < q->tok_end - q->tok_begin;
          for (size_t k = 1; ok && k <= m->tok_end - m->tok_begin; ++k)
            ok = same_tok_icase(&c, m->tok_end - k, q->tok_end - k);
        } else {
          ok = same_tok(&c, last_word(&c, m), last_word(&c, q)) && same_tok(&c, first_word(&c, m), first_word(&c, q));
        }
        if (!ok) continue;
        /* nearest earlier full name wins; later ones only when none earlier
           (equal scores: the first in the text) */
        int32_t j = nearest_in_group(r, &fn, g, m->start);
        const NgMention *qj = &r->mentions[j];
        int score = qj->start < m->start ? 1000000 - (int)((m->start - qj->start) / 16)
                                         : (int)(1000 - (qj->start - m->start) / 1024);
        if (score > best_score || (score == best_score && j < best)) {
          best_score = score;
          best = j;
        }
      }
      /* "Mr Anutin", "Mr Xi", "President Lula": a single name after a title,
         or one that is no common given name, that only matches a word other
         than the last of one full name (names written family name first,
         people known by their given name or a middle name) */
      if (best < 0 && mw == 1 &&
          (m->title >= 0 || !(ng_lexicon_word(c.lex, c.s, &c.t[first_word(&c, m)]) & NG_W_GIVEN))) {
        int32_t only = -1;
        int roots = 0;
        for (size_t g = 0; g < fn.n_groups; ++g) {
          int32_t j = fn.idx[fn.group[g]];
          const NgMention *q = &r->mentions[j];
          if (j == (int32_t)i) continue;
          int hit = 0; /* the first word, or an inner one ("Lula" in "Luiz Inacio Lula da Silva") */
          for (size_t k = q->tok_begin; k < q->tok_end && !hit; ++k)
            hit = c.t[k].kind == NG_TOK_WORD && k + 1 < q->tok_end && same_tok(&c, first_word(&c, m), k);
          if (!hit) continue;
          if (only < 0 || find(p, only) != find(p, j)) ++roots;
          only = j;
        }
        if (roots == 1) best = only;
      }
      /* a short form found by the second pass goes with the name it repeats
         ("Kim" after "Mr Kim") */
      if (best < 0 && mw == 1 && m->link >= 0 && r->mentions[m->link].cls == NG_CLS_PERSON) best = m->link;
      if (best >= 0) {
        /* ambiguous surnames ("Clinton" with two Clintons): only the nearest */
        unite(p, best, (int32_t)i);
      } else if (mw <= 1 && !st) {
        /* a surname with no full name anywhere: one entity per surname */
        key[0] = 'S';
        size_t kn = 1 + make_key(&c, m->tok_begin, m->tok_end, 0, key + 1, sizeof key - 1);
        st = unite_by_key(keys, key, kn, p, (int32_t)i);
      }
    }
    full_names_free(&fn);
  }
  if (st) goto done;

  /* 4. organizations: "X" joins "X in Y" */
  for (size_t i = 0; i < n; ++i) {
    NgMention *m = &r->mentions[i];
    if (ng_class_type((NgClass)m->cls) != NG_TYPE_ORG || m->lex >= 0) continue;
    size_t len = m->tok_end - m->tok_begin;
    for (size_t j = 0; j < n; ++j) {
      const NgMention *q = &r->mentions[j];
      if (j == i || ng_class_type((NgClass)q->cls) != NG_TYPE_ORG || q->tok_end - q->tok_begin <= len + 1) continue;
      size_t k = 0;
      while (k < len && same_tok(&c, m->tok_begin + k, q->tok_begin + k)) ++k;
      if (k == len && ng_tok_is(c.s, &c.t[q->tok_begin + len], "in")) {
        unite(p, (int32_t)j, (int32_t)i);
        break;
      }
    }
  }

  /* 5. entities: one per root that has a mention not nested in a name */
  for (size_t i = 0; i < n; ++i) root_ent[i] = -1;
  for (size_t i = 0; i < n; ++i) {
    if (r->mentions[i].flags & NG_MF_NESTED) continue;
    int32_t root = find(p, (int32_t)i);
    if (root_ent[root] >= 0) continue;
    NgEntity *ne = realloc(ents->ents, (ents->n + 1) * sizeof *ne);
    if (!ne) {
      st = NG_ERR_NOMEM;
      goto done;
    }
    ents->ents = ne;
    NgEntity *e = &ents->ents[ents->n];
    memset(e, 0, sizeof *e);
    e->cls = (NgClass)r->mentions[i].cls;
    e->type = ng_class_type(e->cls);
    e->lex = -1;
    e->first = r->mentions[i].start;
    root_ent[root] = (int32_t)ents->n++;
  }
  for (size_t i = 0; i < n; ++i) {
    NgMention *m = &r->mentions[i];
    m->entity = root_ent[find(p, (int32_t)i)];
    if (m->entity < 0) continue;
    NgEntity *e = &ents->ents[m->entity];
    e->n_mentions++;
    if (m->lex >= 0 && e->lex < 0) e->lex = m->lex;
    if (m->confidence > e->confidence || e->n_mentions == 1) {
      /* the most specific class: a gazetteer or head-word class beats a guess */
      e->confidence = m->confidence;
      e->rule = m->rule;
    }
    if (e->cls == NG_CLS_ORGANIZATION && m->cls != NG_CLS_ORGANIZATION && ng_class_type((NgClass)m->cls) == NG_TYPE_ORG)
      e->cls = (NgClass)m->cls;
  }
  for (size_t i = 0; i < ents->n; ++i)
    if (ents->ents[i].lex >= 0) ents->ents[i].cls = (NgClass)ng_lexicon_entry(lex, (uint32_t)ents->ents[i].lex)->cls;
  /* a link is unsure when every name that made it also fits another
     gazetteer entry ("Georgia": the country or the US state) */
  for (size_t i = 0; i < ents->n; ++i)
    if (ents->ents[i].lex >= 0) ents->ents[i].link_unsure = 1;
  for (size_t i = 0; i < n; ++i) {
    const NgMention *m = &r->mentions[i];
    if (m->entity < 0 || m->lex < 0) continue;
    NgEntity *e = &ents->ents[m->entity];
    if (!e->link_unsure || m->lex != e->lex) continue;
    NgLexMatch lm;
    unsigned kinds = (1u << NG_LEX_PLACE) | (1u << NG_LEX_ORG);
    if (ng_lexicon_match(lex, c.s, c.t, m->tok_begin, m->tok_end, kinds, &lm) != m->tok_end - m->tok_begin) {
      e->link_unsure = 0; /* matched some other way (a name given in full) */
      continue;
    }
    const char *wd = ng_lexicon_entry(lex, (uint32_t)e->lex)->wikidata;
    int others = 0;
    for (size_t k = 0; k < lm.n; ++k)
      others |= lm.entries[k] != (uint32_t)e->lex && strcmp(ng_lexicon_entry(lex, lm.entries[k])->wikidata, wd) != 0;
    if (!others) e->link_unsure = 0;
  }

  /* 6. labels and alternative names */
  {
    char buf[1024];
    /* the mentions of each entity, in text order (counting sort) */
    size_t *first = calloc(ents->n + 2, sizeof *first);
    size_t *by_ent = malloc((n + 1) * sizeof *by_ent);
    if (!first || !by_ent) st = NG_ERR_NOMEM;
    for (size_t i = 0; i < n && !st; ++i)
      if (r->mentions[i].entity >= 0) first[r->mentions[i].entity + 1]++;
    for (size_t ei = 0; ei < ents->n && !st; ++ei) first[ei + 1] += first[ei];
    for (size_t i = 0; i < n && !st; ++i)
      if (r->mentions[i].entity >= 0) by_ent[first[r->mentions[i].entity]++] = i;
    for (size_t ei = ents->n; ei > 0 && !st; --ei) first[ei] = first[ei - 1]; /* back to group starts */
    if (!st) first[0] = 0;
    for (size_t ei = 0; ei < ents->n && !st; ++ei) {
      NgEntity *e = &ents->ents[ei];
      StrSet names = {NULL, 0, 0};
      size_t best_len = 0, best_words = 0;
      char best[1024] = "";
      for (size_t gi = first[ei]; gi < first[ei + 1] && !st; ++gi) {
        const NgMention *m = &r->mentions[by_ent[gi]];
        size_t a = m->start;
        if (e->type != NG_TYPE_PERSON && ng_tok_ieq(c.s, &c.t[m->tok_begin], "the") && m->tok_end - m->tok_begin > 1)
          a = c.t[m->tok_begin + 1].start;
        size_t len = ng_text_clean(c.s, a, m->end, buf, sizeof buf);
        if (set_add(&names, buf, len)) st = NG_ERR_NOMEM;
        /* a nickname in quotes stays an alternative name, not the label:
           "Jimmy “Barbecue” Chérizier" -> "Jimmy Chérizier" */
        if (e->type == NG_TYPE_PERSON) len = without_quoted(&c, m, buf, sizeof buf, len);
        size_t words = name_tokens(&c, m);
        if (!(m->flags & (NG_MF_ACRONYM | NG_MF_NESTED)) &&
            (words > best_words || (words == best_words && len > best_len))) {
          best_words = words;
          best_len = len;
          memcpy(best, buf, len + 1);
        }
        /* title + name forms for people: "Minister Olsen" */
        if (e->type == NG_TYPE_PERSON && m->title >= 0) {
          const NgTitle *t = &r->titles[m->title];
          size_t tl = ng_text_clean(c.s, c.t[t->core_begin].start, m->end, buf, sizeof buf);
          if (set_add(&names, buf, tl)) st = NG_ERR_NOMEM;
          tl = ng_text_clean(c.s, c.t[t->tok_begin].start, m->end, buf, sizeof buf);
          if (t->tok_end - t->tok_begin <= 8 && set_add(&names, buf, tl)) st = NG_ERR_NOMEM;
        }
      }
      if (!best[0] && names.n) memcpy(best, names.v[0], strlen(names.v[0]) + 1);
      const char *label = e->lex >= 0 ? ng_lexicon_entry(lex, (uint32_t)e->lex)->name : best;
      e->label = malloc(strlen(label) + 1);
      if (!e->label)
        st = NG_ERR_NOMEM;
      else
        strcpy(e->label, label);
      /* altLabels: everything but the label */
      qsort(names.v, names.n, sizeof *names.v, cmp_str);
      e->alt = names.v;
      for (size_t k = 0; k < names.n; ++k) {
        if (e->label && strcmp(names.v[k], e->label) == 0) {
          free(names.v[k]);
          continue;
        }
        e->alt[e->n_alt++] = names.v[k];
      }
      char slug[NG_SLUG_MAX + 1];
      ng_slugify(e->label ? e->label : "", slug);
      e->slug = malloc(strlen(slug) + 1);
      if (!e->slug)
        st = NG_ERR_NOMEM;
      else
        strcpy(e->slug, slug);
    }
    free(first);
    free(by_ent);
  }
  /* 7. two entities of one type with one slug: keep IRIs apart (the later
     one gets its index appended) */
  {
    NgStrMap *slugs = st ? NULL : ng_strmap_new();
    if (!st && !slugs) st = NG_ERR_NOMEM;
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
  }

done:
  free(p);
  free(root_ent);
  ng_strmap_free(keys);
  if (st) {
    ng_entities_free(ents);
    return st;
  }
  *out = ents;
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
  free(ents);
}
