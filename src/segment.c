#include "segment.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static const char *const ABBREVS[] = {
    "Mr",  "Mrs",  "Ms",  "Dr",   "St",     "Jr",   "Sr",  "Gen",  "Col", "Lt",   "Sgt",  "Capt", "Cmdr", "Adm",
    "Maj", "Sen",  "Rep", "Gov",  "Pres",   "Prof", "Rev", "Hon",  "Mt",  "Ft",   "Jan",  "Feb",  "Mar",  "Apr",
    "Jun", "Jul",  "Aug", "Sep",  "Sept",   "Oct",  "Nov", "Dec",  "No",  "Nos",  "Vol",  "vs",   "etc",  "Inc",
    "Ltd", "Corp", "Co",  "Bros", "approx", "est",  "Ave", "Blvd", "Rd",  "Univ", "Dept", NULL};

/* Abbreviations that stand before a name and never end a sentence. */
static const char *const PREFIX_ABBREVS[] = {"Mr.",   "Mrs.",  "Ms.",  "Dr.",  "St.",  "Gen.", "Col.", "Lt.",   "Sgt.",
                                             "Capt.", "Cmdr.", "Adm.", "Maj.", "Sen.", "Rep.", "Gov.", "Pres.", "Prof.",
                                             "Rev.",  "Hon.",  "Mt.",  "Ft.",  "No.",  "vs.",  NULL};

static const char *const OPENERS[] = {
    "The",   "This",  "That",     "These", "Those", "It",   "He",   "She",     "They",  "We",        "I",     "But",
    "And",   "In",    "A",        "An",    "As",    "At",   "On",   "If",      "When",  "While",     "Yet",   "So",
    "There", "Its",   "His",      "Her",   "Their", "Our",  "Both", "However", "Still", "Meanwhile", "After", "Before",
    "For",   "Since", "Although", "Some",  "Many",  "Most", "What", "Why",     "How",   "Who",       NULL};

static int in_list(const char *s, size_t n, const char *const *list) {
  for (size_t i = 0; list[i]; ++i)
    if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0) return 1;
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

/* Scan a word starting at i; returns its end and sets flags. */
static size_t scan_word(const char *s, size_t len, size_t i, uint16_t *flags) {
  size_t start = i, n;
  size_t letters = 0, uppers = 0;
  uint32_t first = cp_at(s, len, i, &n);
  if (ng_uc_is_upper(first))
    *flags |= NG_TF_CAP;
  else if (ng_uc_is_lower(first))
    *flags |= NG_TF_LOWER;
  for (;;) {
    uint32_t c = cp_at(s, len, i, &n);
    if (n == 0) break;
    if (is_word_char(c)) {
      if (ng_uc_is_letter(c)) {
        ++letters;
        if (ng_uc_is_upper(c)) ++uppers;
      }
      i += n;
      continue;
    }
    if (ng_uc_is_apostrophe(c)) {
      size_t n2, n3;
      uint32_t c2 = cp_at(s, len, i + n, &n2);
      if (!ng_uc_is_letter(c2)) break;
      /* possessive 's: split it off */
      if ((c2 == 's' || c2 == 'S')) {
        uint32_t c3 = cp_at(s, len, i + n + n2, &n3);
        if (n3 == 0 || !is_word_char(c3)) break;
      }
      i += n;
      continue;
    }
    if (c == '.') {
      size_t wl = i - start;
      size_t n2;
      uint32_t c2 = cp_at(s, len, i + 1, &n2);
      /* an initial or a dotted abbreviation: U.S. H.W. a.m. D.C. M. */
      size_t k = i;
      while (k > start && s[k - 1] != '.') --k;
      int single = (i - k) == 1 && ng_uc_is_letter((unsigned char)s[k]);
      if (single && (ng_uc_is_letter(c2) && n2 && cp_at(s, len, i + 1 + n2, &n2) == '.')) {
        i += 1; /* continue with the next letter of U.S. */
        continue;
      }
      if (single) {
        *flags |= NG_TF_ABBR;
        if (wl == 1) *flags |= NG_TF_INITIAL;
        return i + 1;
      }
      if (in_list(s + start, wl, ABBREVS)) {
        *flags |= NG_TF_ABBR;
        return i + 1;
      }
      break;
    }
    break;
  }
  if (letters >= 2 && uppers == letters) *flags |= NG_TF_ALLCAPS;
  return i;
}

static int is_open_punct(uint32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == '(' || c == '[' || c == 0x00AB;
}

NgStatus ng_segment(const char *s, size_t len, NgSegments **out) {
  *out = NULL;
  Vec toks = {NULL, 0, 0, sizeof(NgToken)};
  Vec sents = {NULL, 0, 0, sizeof(NgSpan)};
  Vec paras = {NULL, 0, 0, sizeof(NgSpan)};
  size_t i = 0;
  uint32_t para = 0, sent = 0;
  int para_open = 0, space = 1;
  size_t para_tok_begin = 0, sent_tok_begin = 0;

  while (i <= len) {
    size_t n;
    uint32_t c = i < len ? ng_utf8_decode(s + i, len - i, &n) : '\n';
    if (i >= len) n = 1;
    if (ng_uc_is_space(c) || i >= len) {
      if ((c == '\n' || i >= len) && para_open) {
        /* close sentence and paragraph */
        NgToken *tv = toks.items;
        if (toks.n > sent_tok_begin) {
          NgSpan sp = {sent_tok_begin, toks.n, tv[sent_tok_begin].start, tv[toks.n - 1].end, para};
          if (vec_push(&sents, &sp)) goto nomem;
          ++sent;
        }
        NgSpan pp = {para_tok_begin, toks.n, tv[para_tok_begin].start, tv[toks.n - 1].end, para};
        if (vec_push(&paras, &pp)) goto nomem;
        ++para;
        para_open = 0;
      }
      space = 1;
      i += n;
      if (i > len) break;
      continue;
    }
    NgToken t = {i, i, sent, para, 0, NG_TOK_PUNCT};
    if (space) t.flags |= NG_TF_SPACE_BEFORE;
    if (!para_open) {
      para_open = 1;
      para_tok_begin = sent_tok_begin = toks.n;
      t.flags |= NG_TF_PARA_START;
    }
    if (ng_uc_is_letter(c)) {
      t.kind = NG_TOK_WORD;
      t.end = scan_word(s, len, i, &t.flags);
    } else if (ng_uc_is_digit(c)) {
      t.kind = NG_TOK_NUM;
      size_t j = i;
      while (j < len) {
        if (ng_uc_is_digit((unsigned char)s[j])) {
          ++j;
          continue;
        }
        if ((s[j] == ',' || s[j] == '.') && j + 1 < len && ng_uc_is_digit((unsigned char)s[j + 1])) {
          j += 2;
          continue;
        }
        break;
      }
      /* digits followed by letters (e.g. "25th", "G20") form one word */
      size_t nn;
      while (j < len && ng_uc_is_letter(ng_utf8_decode(s + j, len - j, &nn))) {
        t.kind = NG_TOK_WORD;
        j += nn;
      }
      t.end = j;
    } else if (ng_uc_is_apostrophe(c) && toks.n > 0 && !space) {
      /* possessive: 's or bare ' after s */
      size_t n2;
      uint32_t c2 = i + n < len ? ng_utf8_decode(s + i + n, len - i - n, &n2) : 0;
      t.end = i + n;
      if (c2 == 's' || c2 == 'S') {
        size_t n3;
        uint32_t c3 = i + n + 1 < len ? ng_utf8_decode(s + i + n + 1, len - i - n - 1, &n3) : 0;
        if (!is_word_char(c3)) {
          t.end = i + n + 1;
          t.flags |= NG_TF_POSS;
          t.kind = NG_TOK_WORD;
        }
      } else {
        NgToken *prev = (NgToken *)toks.items + toks.n - 1;
        if (prev->kind == NG_TOK_WORD && (s[prev->end - 1] == 's' || s[prev->end - 1] == 'S') && !ng_uc_is_letter(c2))
          t.flags |= NG_TF_POSS;
      }
    } else {
      t.end = i + n;
      if (ng_uc_is_hyphen(c) && !space && t.end < len) {
        size_t n2;
        uint32_t c2 = ng_utf8_decode(s + t.end, len - t.end, &n2);
        if (is_word_char(c2)) t.flags |= NG_TF_JOINED;
      }
    }
    if (vec_push(&toks, &t)) goto nomem;
    i = t.end;
    space = 0;

    /* sentence end? */
    NgToken *tv = toks.items;
    NgToken *last = &tv[toks.n - 1];
    int ends = 0;
    if (last->kind == NG_TOK_PUNCT) {
      char ch = s[last->start];
      if (ch == '.' || ch == '!' || ch == '?') ends = 1;
    } else if ((last->flags & NG_TF_ABBR) && !(last->flags & NG_TF_INITIAL) &&
               !in_list(s + last->start, last->end - last->start, PREFIX_ABBREVS)) {
      ends = 2; /* only before a sentence opener */
    }
    if (ends) {
      /* absorb closing quotes/brackets right after the end mark */
      size_t j = i;
      for (;;) {
        size_t n2;
        if (j >= len) break;
        uint32_t c2 = ng_utf8_decode(s + j, len - j, &n2);
        if (c2 == '"' || c2 == 0x201D || c2 == 0x2019 || c2 == ')' || c2 == ']') {
          NgToken q = {j, j + n2, sent, para, 0, NG_TOK_PUNCT};
          if (vec_push(&toks, &q)) goto nomem;
          j += n2;
        } else {
          break;
        }
      }
      i = j;
      /* look at what follows */
      size_t k = j, n2;
      int saw_space = 0;
      while (k < len) {
        uint32_t c2 = ng_utf8_decode(s + k, len - k, &n2);
        if (c2 == '\n') {
          saw_space = 2;
          break;
        }
        if (!ng_uc_is_space(c2)) break;
        saw_space = 1;
        k += n2;
      }
      int brk = 0;
      if (saw_space == 1 && k < len) {
        size_t kk = k;
        uint32_t c2 = ng_utf8_decode(s + kk, len - kk, &n2);
        while (is_open_punct(c2) && kk + n2 < len) {
          kk += n2;
          c2 = ng_utf8_decode(s + kk, len - kk, &n2);
        }
        if (ends == 1) {
          brk = ng_uc_is_upper(c2) || ng_uc_is_digit(c2);
        } else if (ng_uc_is_upper(c2)) {
          size_t e = kk;
          while (e < len && ng_uc_is_letter((unsigned char)s[e])) ++e;
          brk = in_list(s + kk, e - kk, OPENERS);
        }
      }
      if (brk) {
        tv = toks.items;
        NgSpan sp = {sent_tok_begin, toks.n, tv[sent_tok_begin].start, tv[toks.n - 1].end, para};
        if (vec_push(&sents, &sp)) goto nomem;
        ++sent;
        sent_tok_begin = toks.n;
      }
    }
  }

  /* sentence-start flags */
  {
    NgToken *tv = toks.items;
    NgSpan *sv = sents.items;
    for (size_t k = 0; k < sents.n; ++k) {
      for (size_t j = sv[k].tok_begin; j < sv[k].tok_end; ++j) {
        tv[j].sent = (uint32_t)k;
      }
      for (size_t j = sv[k].tok_begin; j < sv[k].tok_end; ++j) {
        if (tv[j].kind != NG_TOK_PUNCT) {
          tv[j].flags |= NG_TF_SENT_START;
          break;
        }
      }
    }
  }

  NgSegments *seg = calloc(1, sizeof *seg);
  if (!seg) goto nomem;
  seg->toks = toks.items;
  seg->n_toks = toks.n;
  seg->sents = sents.items;
  seg->n_sents = sents.n;
  seg->paras = paras.items;
  seg->n_paras = paras.n;
  *out = seg;
  return NG_SUCCESS;
nomem:
  free(toks.items);
  free(sents.items);
  free(paras.items);
  return NG_ERR_NOMEM;
}

void ng_segments_free(NgSegments *seg) {
  if (!seg) return;
  free(seg->toks);
  free(seg->sents);
  free(seg->paras);
  free(seg);
}
