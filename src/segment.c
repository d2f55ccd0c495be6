#include "segment.h"

#include "strmap.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- vocabulary ------------------------------------------------------------ */

struct NgSegVocabImpl {
  NgStrMap *words; /* word as written -> NG_SEG_* roles */
};

NgSegVocab *ng_seg_vocab_new(void) {
  NgSegVocab *v = calloc(1, sizeof *v);
  if (v && !(v->words = ng_strmap_new())) {
    free(v);
    return NULL;
  }
  return v;
}

void ng_seg_vocab_free(NgSegVocab *v) {
  if (!v) return;
  ng_strmap_free(v->words);
  free(v);
}

NgStatus ng_seg_vocab_add(NgSegVocab *v, const char *word, size_t len, unsigned roles) {
  uint32_t old = 0;
  ng_strmap_get(v->words, word, len, &old);
  return ng_strmap_put(v->words, word, len, old | roles);
}

unsigned ng_seg_vocab_roles(const NgSegVocab *v, const char *word, size_t len) {
  uint32_t roles = 0;
  if (v) ng_strmap_get(v->words, word, len, &roles);
  return roles;
}

/* ---- tokens ---------------------------------------------------------------- */

typedef struct {
  void *items;
  size_t n, cap, size;
} Vec;

static int vec_push(Vec *v, const void *item) {
  if (v->n == v->cap) {
    size_t nc = v->cap ? v->cap * 2 : 256;
    void *ni = realloc(v->items, nc * v->size);
    if (!ni) return -1;
    v->items = ni;
    v->cap = nc;
  }
  memcpy((char *)v->items + v->n * v->size, item, v->size);
  v->n++;
  return 0;
}

int ng_tok_is(const char *text, const NgToken *t, const char *s) {
  size_t n = strlen(s);
  return t->end - t->start == n && memcmp(text + t->start, s, n) == 0;
}

int ng_tok_ieq(const char *text, const NgToken *t, const char *s) {
  size_t n = strlen(s);
  return t->end - t->start == n && strncasecmp(text + t->start, s, n) == 0;
}

static uint32_t cp_at(const char *s, size_t len, size_t i, size_t *n) {
  if (i >= len) {
    *n = 0;
    return 0;
  }
  return ng_utf8_decode(s + i, len - i, n);
}

static int is_word_char(uint32_t c) { return ng_uc_is_letter(c) || ng_uc_is_digit(c); }

/* An apostrophe inside a word at i: non-zero when the word goes on past it
   (a letter follows, and it is no possessive "'s" at the word's end). */
static int apostrophe_continues(const char *s, size_t len, size_t i, size_t n) {
  size_t n2, n3;
  uint32_t c2 = cp_at(s, len, i + n, &n2);
  if (!ng_uc_is_letter(c2)) return 0;
  if (c2 != 's' && c2 != 'S') return 1;
  uint32_t c3 = cp_at(s, len, i + n + n2, &n3);
  return n3 != 0 && is_word_char(c3);
}

/* What a period at i does to the word [start, i): 1 continues a dotted
   abbreviation ("U.S."), 2 ends the word with the period (an initial or a
   known abbreviation, *flags updated), 0 ends the word before it. */
static int period_in_word(const char *s, size_t len, size_t start, size_t i, const NgSegVocab *vocab, uint16_t *flags) {
  size_t n2;
  uint32_t c2 = cp_at(s, len, i + 1, &n2);
  size_t k = i;
  while (k > start && s[k - 1] != '.') --k;
  int single = (i - k) == 1 && ng_uc_is_letter((unsigned char)s[k]);
  if (single && (ng_uc_is_letter(c2) && n2 && cp_at(s, len, i + 1 + n2, &n2) == '.')) return 1;
  if (single) {
    *flags |= NG_TF_ABBR;
    if (i - start == 1) *flags |= NG_TF_INITIAL;
    return 2;
  }
  if (ng_seg_vocab_roles(vocab, s + start, i - start) & NG_SEG_ABBREV) {
    *flags |= NG_TF_ABBR;
    return 2;
  }
  return 0;
}

/* Scan a word starting at i; returns its end and sets flags. */
static size_t scan_word(const char *s, size_t len, size_t i, const NgSegVocab *vocab, uint16_t *flags) {
  size_t start = i, n, letters = 0, uppers = 0;
  uint32_t first = cp_at(s, len, i, &n);
  if (ng_uc_is_upper(first))
    *flags |= NG_TF_CAP;
  else if (ng_uc_is_lower(first))
    *flags |= NG_TF_LOWER;
  for (uint32_t c = cp_at(s, len, i, &n); n && i + n - start <= NG_SEG_MAX_TOKEN_BYTES; c = cp_at(s, len, i, &n)) {
    if (is_word_char(c)) {
      letters += ng_uc_is_letter(c) != 0;
      uppers += ng_uc_is_letter(c) && ng_uc_is_upper(c);
      i += n;
    } else if (ng_uc_is_apostrophe(c) && apostrophe_continues(s, len, i, n)) {
      i += n;
    } else if (c == '.') {
      int p = period_in_word(s, len, start, i, vocab, flags);
      if (p == 2) return i + 1;
      if (!p) break;
      i += 1;
    } else {
      break;
    }
  }
  if (letters >= 2 && uppers == letters) *flags |= NG_TF_ALLCAPS;
  return i;
}

/* A number at i (digits with inner "," or "."); digits followed by letters
   ("25th", "G20") make a word: *kind tells. */
static size_t scan_number(const char *s, size_t len, size_t i, uint8_t *kind) {
  size_t j = i, nn;
  *kind = NG_TOK_NUM;
  if (len - i > NG_SEG_MAX_TOKEN_BYTES) len = i + NG_SEG_MAX_TOKEN_BYTES;
  while (j < len) {
    if (ng_uc_is_digit((unsigned char)s[j])) {
      ++j;
    } else if ((s[j] == ',' || s[j] == '.') && j + 1 < len && ng_uc_is_digit((unsigned char)s[j + 1])) {
      j += 2;
    } else {
      break;
    }
  }
  while (j < len && ng_uc_is_letter(ng_utf8_decode(s + j, len - j, &nn))) {
    *kind = NG_TOK_WORD;
    j += nn;
  }
  return j;
}

/* An apostrophe of n bytes at t->start right after the token `prev`: a
   possessive "'s", a bare "'" after s, or plain punctuation. */
static void scan_apostrophe(const char *s, size_t len, size_t n, const NgToken *prev, NgToken *t) {
  size_t i = t->start, n2, n3;
  uint32_t c2 = i + n < len ? ng_utf8_decode(s + i + n, len - i - n, &n2) : 0;
  t->end = (uint32_t)(i + n);
  if (c2 == 's' || c2 == 'S') {
    uint32_t c3 = i + n + 1 < len ? ng_utf8_decode(s + i + n + 1, len - i - n - 1, &n3) : 0;
    if (!is_word_char(c3)) {
      t->end = (uint32_t)(i + n + 1);
      t->flags |= NG_TF_POSS;
      t->kind = NG_TOK_WORD;
    }
  } else if (prev->kind == NG_TOK_WORD && (s[prev->end - 1] == 's' || s[prev->end - 1] == 'S') &&
             !ng_uc_is_letter(c2)) {
    t->flags |= NG_TF_POSS;
  }
}

static int is_open_punct(uint32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == '(' || c == '[' || c == 0x00AB;
}

/* ---- the segmenter ---------------------------------------------------------- */

typedef struct {
  const char *s;
  size_t len;
  const NgSegVocab *vocab;
  Vec toks, sents, paras;
  size_t i; /* scan position */
  uint32_t para, sent;
  int para_open, space;
  size_t para_tok_begin, sent_tok_begin;
  size_t n_cut_tokens, n_split_sentences; /* the limits applied (segment.h) */
} Seg;

static NgToken *tok_at(const Seg *g, size_t k) { return (NgToken *)g->toks.items + k; }

/* The sentence from sent_tok_begin to token `end` (exclusive, after
   sent_tok_begin); the tokens after it stay in the open sentence. */
static NgStatus close_sentence_at(Seg *g, size_t end) {
  NgSpan sp = {g->sent_tok_begin, end, tok_at(g, g->sent_tok_begin)->start, tok_at(g, end - 1)->end, g->para};
  if (vec_push(&g->sents, &sp)) return NG_ERR_NOMEM;
  ++g->sent;
  g->sent_tok_begin = end;
  return NG_SUCCESS;
}

/* The sentence from sent_tok_begin to the last token. */
static NgStatus close_sentence(Seg *g) { return close_sentence_at(g, g->toks.n); }

/* The open sentence has NG_SEG_MAX_SENTENCE_TOKENS tokens: end it after its
   last ",", ";" or ":" in the second half, else after its last token. */
static NgStatus split_sentence(Seg *g) {
  size_t end = g->toks.n;
  for (size_t k = g->toks.n; k > g->sent_tok_begin + NG_SEG_MAX_SENTENCE_TOKENS / 2; --k) {
    const NgToken *t = tok_at(g, k - 1);
    if (t->kind == NG_TOK_PUNCT && (g->s[t->start] == ',' || g->s[t->start] == ';' || g->s[t->start] == ':')) {
      end = k;
      break;
    }
  }
  ++g->n_split_sentences;
  return close_sentence_at(g, end);
}

/* A line break or the end of the text closes the open paragraph and its
   last sentence. */
static NgStatus close_paragraph(Seg *g) {
  if (g->toks.n > g->sent_tok_begin) {
    NgSpan sp = {g->sent_tok_begin, g->toks.n, tok_at(g, g->sent_tok_begin)->start, tok_at(g, g->toks.n - 1)->end,
                 g->para};
    if (vec_push(&g->sents, &sp)) return NG_ERR_NOMEM;
    ++g->sent;
  }
  NgSpan pp = {g->para_tok_begin, g->toks.n, tok_at(g, g->para_tok_begin)->start, tok_at(g, g->toks.n - 1)->end,
               g->para};
  if (vec_push(&g->paras, &pp)) return NG_ERR_NOMEM;
  ++g->para;
  g->para_open = 0;
  return NG_SUCCESS;
}

/* The token starting with character c (n bytes) at g->i. */
static NgToken scan_token(const Seg *g, uint32_t c, size_t n) {
  const char *s = g->s;
  size_t i = g->i, len = g->len;
  NgToken t = {(uint32_t)i, (uint32_t)i, g->sent, g->para, 0, NG_TOK_PUNCT};
  if (g->space) t.flags |= NG_TF_SPACE_BEFORE;
  if (ng_uc_is_letter(c)) {
    t.kind = NG_TOK_WORD;
    t.end = (uint32_t)scan_word(s, len, i, g->vocab, &t.flags);
  } else if (ng_uc_is_digit(c)) {
    t.end = (uint32_t)scan_number(s, len, i, &t.kind);
  } else if (ng_uc_is_apostrophe(c) && g->toks.n > 0 && !g->space) {
    scan_apostrophe(s, len, n, tok_at(g, g->toks.n - 1), &t);
  } else {
    t.end = (uint32_t)(i + n);
    size_t n2;
    if (ng_uc_is_hyphen(c) && !g->space && t.end < len && is_word_char(ng_utf8_decode(s + t.end, len - t.end, &n2)))
      t.flags |= NG_TF_JOINED;
  }
  return t;
}

/* Can the token just read end a sentence?  1: a ".", "!" or "?"; 2: an
   abbreviation that ends one only before an opener; 0: no. */
static int sentence_mark(const Seg *g) {
  const NgToken *last = tok_at(g, g->toks.n - 1);
  if (last->kind == NG_TOK_PUNCT) {
    char ch = g->s[last->start];
    return ch == '.' || ch == '!' || ch == '?';
  }
  if (!(last->flags & NG_TF_ABBR) || (last->flags & NG_TF_INITIAL)) return 0;
  unsigned roles = ng_seg_vocab_roles(g->vocab, g->s + last->start, last->end - last->start - 1);
  return roles & NG_SEG_NAME_ABBREV ? 0 : 2;
}

/* Closing quotes and brackets right after an end mark belong to the
   sentence. */
static NgStatus absorb_closers(Seg *g) {
  size_t n2;
  while (g->i < g->len) {
    uint32_t c2 = ng_utf8_decode(g->s + g->i, g->len - g->i, &n2);
    if (c2 != '"' && c2 != 0x201D && c2 != 0x2019 && c2 != ')' && c2 != ']') break;
    NgToken q = {(uint32_t)g->i, (uint32_t)(g->i + n2), g->sent, g->para, 0, NG_TOK_PUNCT};
    if (vec_push(&g->toks, &q)) return NG_ERR_NOMEM;
    g->i += n2;
  }
  return NG_SUCCESS;
}

/* Does the text after an end mark of kind `mark` begin a new sentence of
   the same paragraph?  It does after spaces when the next word (past
   opening quotes and brackets) is capitalized or a digit; after an
   abbreviation only when that word is an opener. */
static int next_begins_sentence(const Seg *g, int mark) {
  const char *s = g->s;
  size_t k = g->i, len = g->len, n2;
  int saw_space = 0;
  while (k < len) {
    uint32_t c2 = ng_utf8_decode(s + k, len - k, &n2);
    if (c2 == '\n') return 0;
    if (!ng_uc_is_space(c2)) break;
    saw_space = 1;
    k += n2;
  }
  if (!saw_space || k >= len) return 0;
  uint32_t c2 = ng_utf8_decode(s + k, len - k, &n2);
  while (is_open_punct(c2) && k + n2 < len) {
    k += n2;
    c2 = ng_utf8_decode(s + k, len - k, &n2);
  }
  if (mark == 1) return ng_uc_is_upper(c2) || ng_uc_is_digit(c2);
  if (!ng_uc_is_upper(c2)) return 0;
  size_t e = k;
  while (e < len && ng_uc_is_letter((unsigned char)s[e])) ++e;
  return (ng_seg_vocab_roles(g->vocab, s + k, e - k) & NG_SEG_OPENER) != 0;
}

/* Read the token at g->i (character c of n bytes) and end the sentence
   after it when it is an end mark. */
static NgStatus read_token(Seg *g, uint32_t c, size_t n) {
  NgToken t = scan_token(g, c, n);
  if (!g->para_open) {
    g->para_open = 1;
    g->para_tok_begin = g->sent_tok_begin = g->toks.n;
    t.flags |= NG_TF_PARA_START;
  }
  if (vec_push(&g->toks, &t)) return NG_ERR_NOMEM;
  size_t n2;
  if (t.kind != NG_TOK_PUNCT && t.end - t.start + 4 > NG_SEG_MAX_TOKEN_BYTES && t.end < g->len &&
      is_word_char(ng_utf8_decode(g->s + t.end, g->len - t.end, &n2)))
    ++g->n_cut_tokens; /* the word goes on in the next token */
  g->i = t.end;
  g->space = 0;
  int mark = sentence_mark(g);
  NgStatus st = mark ? absorb_closers(g) : NG_SUCCESS;
  if (!st && mark && next_begins_sentence(g, mark)) st = close_sentence(g);
  if (!st && g->toks.n - g->sent_tok_begin >= NG_SEG_MAX_SENTENCE_TOKENS) st = split_sentence(g);
  return st;
}

/* Whitespace at g->i; a line break (or the end) closes the paragraph. */
static NgStatus read_space(Seg *g, uint32_t c, size_t n) {
  NgStatus st = NG_SUCCESS;
  if ((c == '\n' || g->i >= g->len) && g->para_open) st = close_paragraph(g);
  g->space = 1;
  g->i += n;
  return st;
}

/* Every token knows its sentence; the first non-punctuation token of each
   sentence is flagged. */
static void mark_sentence_starts(Seg *g) {
  const NgSpan *sv = g->sents.items;
  for (size_t k = 0; k < g->sents.n; ++k) {
    for (size_t j = sv[k].tok_begin; j < sv[k].tok_end; ++j) tok_at(g, j)->sent = (uint32_t)k;
    for (size_t j = sv[k].tok_begin; j < sv[k].tok_end; ++j) {
      if (tok_at(g, j)->kind != NG_TOK_PUNCT) {
        tok_at(g, j)->flags |= NG_TF_SENT_START;
        break;
      }
    }
  }
}

NgStatus ng_segment(const char *s, size_t len, const NgSegVocab *vocab, NgSegments **out) {
  *out = NULL;
  if (len >= UINT32_MAX) return NG_ERR_TOOBIG; /* token offsets are 32 bits */
  Seg g = {s,
           len,
           vocab,
           {NULL, 0, 0, sizeof(NgToken)},
           {NULL, 0, 0, sizeof(NgSpan)},
           {NULL, 0, 0, sizeof(NgSpan)},
           0,
           0,
           0,
           0,
           1,
           0,
           0,
           0,
           0};
  NgStatus st = NG_SUCCESS;
  while (!st && g.i <= len) {
    size_t n = 1;
    uint32_t c = g.i < len ? ng_utf8_decode(s + g.i, len - g.i, &n) : '\n';
    st = ng_uc_is_space(c) || g.i >= len ? read_space(&g, c, n) : read_token(&g, c, n);
  }
  NgSegments *seg = st ? NULL : calloc(1, sizeof *seg);
  if (!seg) {
    free(g.toks.items);
    free(g.sents.items);
    free(g.paras.items);
    return st ? st : NG_ERR_NOMEM;
  }
  mark_sentence_starts(&g);
  if (g.toks.n && g.toks.n < g.toks.cap) { /* the tokens stay as long as the analysis: no spare room */
    void *fit = realloc(g.toks.items, g.toks.n * sizeof(NgToken));
    if (fit) g.toks.items = fit;
  }
  *seg = (NgSegments){g.toks.items,  g.toks.n,  g.sents.items,  g.sents.n,
                      g.paras.items, g.paras.n, g.n_cut_tokens, g.n_split_sentences};
  *out = seg;
  return NG_SUCCESS;
}

void ng_segments_free(NgSegments *seg) {
  if (!seg) return;
  free(seg->toks);
  free(seg->sents);
  free(seg->paras);
  free(seg);
}
