/* Tests of segment.h: tokens, sentences and paragraphs. */
#include "check.h"
#include "lexicon.h"
#include "segment.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The segmenter's words (data/segment.tsv), from the built-in lexicon. */
static const NgSegVocab *vocab;

static NgSegments *seg_of(const char *s) {
  NgSegments *seg = NULL;
  if (!CHECK_INT_EQ(ng_segment(s, strlen(s), vocab, &seg), NG_SUCCESS)) return NULL;
  CHECK(seg != NULL);
  return seg;
}

/* Index of the first token equal to `w`, or -1. */
static long find_tok(const char *s, const NgSegments *seg, const char *w) {
  for (size_t i = 0; i < seg->n_toks; ++i)
    if (ng_tok_is(s, &seg->toks[i], w)) return (long)i;
  return -1;
}

/* Every token is a non-empty span of the text with no whitespace in it;
 * tokens are in order and do not overlap; every non-space byte of the
 * text is in exactly one token; token sentence/paragraph indices agree
 * with the sentence and paragraph spans. */
static void check_invariants(const char *s, const NgSegments *seg) {
  size_t len = strlen(s);
  size_t covered = 0, nonspace = 0;
  for (size_t i = 0; i < len; ++i)
    if (!strchr(" \t\n", s[i])) ++nonspace;
  size_t prev_end = 0;
  int ok = 1;
  for (size_t i = 0; i < seg->n_toks; ++i) {
    const NgToken *t = &seg->toks[i];
    ok &= t->start < t->end && t->end <= len && t->start >= prev_end;
    for (size_t b = t->start; b < t->end && b < len; ++b) ok &= !strchr(" \t\n", s[b]);
    covered += t->end - t->start;
    prev_end = t->end;
    ok &= t->sent < seg->n_sents && t->para < seg->n_paras;
    if (t->sent < seg->n_sents) {
      const NgSpan *sp = &seg->sents[t->sent];
      ok &= i >= sp->tok_begin && i < sp->tok_end;
      ok &= sp->para == t->para;
    }
    if (t->para < seg->n_paras) {
      const NgSpan *pp = &seg->paras[t->para];
      ok &= i >= pp->tok_begin && i < pp->tok_end;
    }
  }
  CHECK(ok);
  CHECK_INT_EQ(covered, nonspace);
  /* sentences tile the tokens */
  size_t next = 0;
  for (size_t k = 0; k < seg->n_sents; ++k) {
    const NgSpan *sp = &seg->sents[k];
    CHECK_INT_EQ(sp->tok_begin, next);
    CHECK(sp->tok_end > sp->tok_begin);
    if (sp->tok_end > sp->tok_begin && sp->tok_end <= seg->n_toks) {
      CHECK_INT_EQ(sp->start, seg->toks[sp->tok_begin].start);
      CHECK_INT_EQ(sp->end, seg->toks[sp->tok_end - 1].end);
    }
    next = sp->tok_end;
  }
  CHECK_INT_EQ(next, seg->n_toks);
  next = 0;
  for (size_t k = 0; k < seg->n_paras; ++k) {
    CHECK_INT_EQ(seg->paras[k].tok_begin, next);
    next = seg->paras[k].tok_end;
  }
  CHECK_INT_EQ(next, seg->n_toks);
}

static void test_abbr_title(void) {
  const char *s = "U.S. Secretary of State John Kerry met Lavrov.";
  NgSegments *seg = seg_of(s);
  if (!seg) return;
  CHECK_INT_EQ(seg->n_sents, 1);
  CHECK_INT_EQ(seg->n_paras, 1);
  long us = find_tok(s, seg, "U.S.");
  if (CHECK(us == 0)) {
    CHECK(seg->toks[us].flags & NG_TF_ABBR);
    CHECK(!(seg->toks[us].flags & NG_TF_INITIAL));
    CHECK(seg->toks[us].flags & NG_TF_CAP);
    CHECK(seg->toks[us].flags & NG_TF_SENT_START);
    CHECK(seg->toks[us].flags & NG_TF_PARA_START);
    CHECK_INT_EQ(seg->toks[us].kind, NG_TOK_WORD);
  }
  CHECK(find_tok(s, seg, "U") < 0);
  /* the final period is its own token; "Lavrov" keeps no period */
  long lav = find_tok(s, seg, "Lavrov");
  CHECK(lav >= 0);
  CHECK(find_tok(s, seg, ".") == (long)seg->n_toks - 1);
  CHECK_INT_EQ(seg->n_toks, 9); /* U.S. Secretary of State John Kerry met Lavrov . */
  long of = find_tok(s, seg, "of");
  if (CHECK(of >= 0)) CHECK(seg->toks[of].flags & NG_TF_LOWER);
  check_invariants(s, seg);
  ng_segments_free(seg);
}

static void test_abbr_end(void) {
  const char *s = "He arrived in the U.S. The talks began.";
  NgSegments *seg = seg_of(s);
  if (!seg) return;
  CHECK_INT_EQ(seg->n_sents, 2);
  long us = find_tok(s, seg, "U.S.");
  long the = find_tok(s, seg, "The");
  if (CHECK(us >= 0 && the >= 0)) {
    CHECK_INT_EQ(seg->toks[us].sent, 0);
    CHECK_INT_EQ(seg->toks[the].sent, 1);
    CHECK(seg->toks[the].flags & NG_TF_SENT_START);
    CHECK_INT_EQ(seg->sents[1].tok_begin, (size_t)the);
  }
  check_invariants(s, seg);
  ng_segments_free(seg);
}

static void test_initial(void) {
  const char *s = "Robert M. Danin said.";
  NgSegments *seg = seg_of(s);
  if (!seg) return;
  CHECK_INT_EQ(seg->n_sents, 1);
  long m = find_tok(s, seg, "M.");
  if (CHECK(m == 1)) {
    CHECK(seg->toks[m].flags & NG_TF_INITIAL);
    CHECK(seg->toks[m].flags & NG_TF_ABBR);
  }
  CHECK(find_tok(s, seg, "M") < 0);
  CHECK_INT_EQ(seg->n_toks, 5); /* Robert M. Danin said . */
  check_invariants(s, seg);
  ng_segments_free(seg);

  /* a title abbreviation before a name does not end the sentence */
  s = "They met Dr. Smith there.";
  seg = seg_of(s);
  if (!seg) return;
  CHECK_INT_EQ(seg->n_sents, 1);
  long dr = find_tok(s, seg, "Dr.");
  if (CHECK(dr >= 0)) CHECK(seg->toks[dr].flags & NG_TF_ABBR);
  ng_segments_free(seg);
}

static void test_possessive(void) {
  const char *s = "Kerry\xE2\x80\x99s visit";
  NgSegments *seg = seg_of(s);
  if (!seg) return;
  CHECK_INT_EQ(seg->n_toks, 3);
  long k = find_tok(s, seg, "Kerry");
  long p = find_tok(s, seg, "\xE2\x80\x99s");
  if (CHECK(k == 0 && p == 1)) {
    CHECK(seg->toks[p].flags & NG_TF_POSS);
    CHECK(!(seg->toks[k].flags & NG_TF_POSS));
    CHECK(!(seg->toks[p].flags & NG_TF_SPACE_BEFORE));
    CHECK_INT_EQ(seg->toks[p].start, 5);
    CHECK_INT_EQ(seg->toks[p].end, 9);
  }
  check_invariants(s, seg);
  ng_segments_free(seg);

  /* straight apostrophe, and a bare apostrophe after s */
  s = "Moscow's view and the experts' view";
  seg = seg_of(s);
  if (!seg) return;
  long q = find_tok(s, seg, "'s");
  if (CHECK(q == 1)) CHECK(seg->toks[q].flags & NG_TF_POSS);
  long e = find_tok(s, seg, "experts");
  if (CHECK(e >= 0 && (size_t)e + 1 < seg->n_toks)) {
    CHECK(ng_tok_is(s, &seg->toks[e + 1], "'"));
    CHECK(seg->toks[e + 1].flags & NG_TF_POSS);
  }
  check_invariants(s, seg);
  ng_segments_free(seg);

  /* an inner apostrophe is part of the word */
  s = "O\xE2\x80\x99"
      "Brien didn't go";
  seg = seg_of(s);
  if (!seg) return;
  CHECK(find_tok(s, seg,
                 "O\xE2\x80\x99"
                 "Brien") == 0);
  check_invariants(s, seg);
  ng_segments_free(seg);
}

static void test_hyphen(void) {
  const char *s = "Editor-in-Chief of the paper";
  NgSegments *seg = seg_of(s);
  if (!seg) return;
  CHECK_INT_EQ(seg->n_toks, 8);
  static const char *const want[] = {"Editor", "-", "in", "-", "Chief"};
  for (size_t i = 0; i < 5 && i < seg->n_toks; ++i) {
    CHECK(ng_tok_is(s, &seg->toks[i], want[i]));
    if (i == 1 || i == 3) {
      CHECK(seg->toks[i].flags & NG_TF_JOINED);
      CHECK_INT_EQ(seg->toks[i].kind, NG_TOK_PUNCT);
    } else {
      CHECK(!(seg->toks[i].flags & NG_TF_JOINED));
    }
  }
  check_invariants(s, seg);
  ng_segments_free(seg);

  /* a free-standing dash is not joined */
  s = "two years - marking the end";
  seg = seg_of(s);
  if (!seg) return;
  long d = find_tok(s, seg, "-");
  if (CHECK(d >= 0)) CHECK(!(seg->toks[d].flags & NG_TF_JOINED));
  ng_segments_free(seg);
}

static void test_paragraphs(void) {
  const char *s = "First para one. First para two.\n\n\n  \nSecond para\nThird para.\n";
  NgSegments *seg = seg_of(s);
  if (!seg) return;
  CHECK_INT_EQ(seg->n_paras, 3);
  CHECK_INT_EQ(seg->n_sents, 4);
  long sec = find_tok(s, seg, "Second");
  long third = find_tok(s, seg, "Third");
  if (CHECK(sec >= 0 && third >= 0)) {
    CHECK_INT_EQ(seg->toks[sec].para, 1);
    CHECK(seg->toks[sec].flags & NG_TF_PARA_START);
    CHECK_INT_EQ(seg->toks[third].para, 2);
    /* a line end always ends the sentence, even without a period */
    CHECK(seg->toks[sec].sent != seg->toks[third].sent);
  }
  if (seg->n_paras == 3) {
    CHECK_INT_EQ(seg->paras[1].start, (size_t)(strstr(s, "Second") - s));
    CHECK_INT_EQ(seg->paras[1].end, (size_t)(strstr(s, "Second para") - s) + strlen("Second para"));
  }
  check_invariants(s, seg);
  ng_segments_free(seg);
}

static void test_question_exclamation(void) {
  const char *s = "Will they meet? Nobody knows! The talks go on.";
  NgSegments *seg = seg_of(s);
  if (!seg) return;
  CHECK_INT_EQ(seg->n_sents, 3);
  long n = find_tok(s, seg, "Nobody");
  if (CHECK(n >= 0)) {
    CHECK_INT_EQ(seg->toks[n].sent, 1);
    CHECK(seg->toks[n].flags & NG_TF_SENT_START);
  }
  check_invariants(s, seg);
  ng_segments_free(seg);

  /* closing quotes stay with the sentence they end */
  s = "He said \xE2\x80\x9C"
      "Enough.\xE2\x80\x9D Then he left.";
  seg = seg_of(s);
  if (!seg) return;
  CHECK_INT_EQ(seg->n_sents, 2);
  long close = find_tok(s, seg, "\xE2\x80\x9D");
  if (CHECK(close >= 0)) CHECK_INT_EQ(seg->toks[close].sent, 0);
  check_invariants(s, seg);
  ng_segments_free(seg);

  /* a period before a lowercase word does not end a sentence */
  s = "It cost 3.5 million. and more";
  seg = seg_of(s);
  if (!seg) return;
  CHECK_INT_EQ(seg->n_sents, 1);
  CHECK(find_tok(s, seg, "3.5") >= 0);
  ng_segments_free(seg);
}

static void test_offsets_roundtrip(void) {
  /* through ng_text so the multibyte input is validated first */
  const char raw[] = "Caf\xC3\xA9 owner Ana Sefcovi\xC4\x87 (the \xE2\x80\x9C"
                     "boss\xE2\x80\x9D) met "
                     "Dr. Petrov\xE2\x80\x99s team in S\xC3\xA3o Paulo.\r\nThen: \xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80"
                     "\xD0\xBE\xD0\xB2 left \xE2\x80\x94 at 5 p.m. on May 12!\n";
  NgText *t = NULL;
  if (!CHECK_INT_EQ(ng_text_from_buffer(raw, sizeof raw - 1, &t, NULL), NG_SUCCESS)) return;
  NgSegments *seg = seg_of(t->data);
  if (seg) {
    check_invariants(t->data, seg);
    /* the words come back from their offsets */
    static const char *const words[] = {"Caf\xC3\xA9",
                                        "Sefcovi\xC4\x87",
                                        "boss",
                                        "Dr.",
                                        "Petrov",
                                        "S\xC3\xA3o",
                                        "\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2",
                                        "12"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; ++i) {
      long k = find_tok(t->data, seg, words[i]);
      if (!CHECK(k >= 0)) {
        fprintf(stderr, "  token not found: %s\n", words[i]);
        continue;
      }
      const NgToken *tk = &seg->toks[k];
      CHECK_MEM_EQ(t->data + tk->start, tk->end - tk->start, words[i], strlen(words[i]));
      CHECK(strstr(t->data, words[i]) == t->data + tk->start);
    }
    CHECK_INT_EQ(seg->n_paras, 2);
    ng_segments_free(seg);
  }
  ng_text_free(t);
}

/* The vocabulary on its own: roles add up, case counts, NULL knows nothing. */
static void test_vocab(void) {
  NgSegVocab *v = ng_seg_vocab_new();
  if (!CHECK(v != NULL)) return;
  CHECK_INT_EQ(ng_seg_vocab_add(v, "Gen", 3, NG_SEG_ABBREV), NG_SUCCESS);
  CHECK_INT_EQ(ng_seg_vocab_add(v, "Gen", 3, NG_SEG_NAME_ABBREV), NG_SUCCESS);
  CHECK_INT_EQ(ng_seg_vocab_roles(v, "Gen", 3), NG_SEG_ABBREV | NG_SEG_NAME_ABBREV);
  CHECK_INT_EQ(ng_seg_vocab_roles(v, "gen", 3), 0);
  CHECK_INT_EQ(ng_seg_vocab_roles(NULL, "Gen", 3), 0);
  /* without a vocabulary "Gen." is a word and a period; with it, one token */
  const char *s = "He met Gen. Ivo Berg.";
  NgSegments *seg = NULL;
  if (CHECK_INT_EQ(ng_segment(s, strlen(s), NULL, &seg), NG_SUCCESS)) CHECK(find_tok(s, seg, "Gen") >= 0);
  ng_segments_free(seg);
  seg = NULL;
  if (CHECK_INT_EQ(ng_segment(s, strlen(s), v, &seg), NG_SUCCESS)) {
    CHECK(find_tok(s, seg, "Gen.") >= 0);
    CHECK_INT_EQ(seg->n_sents, 1);
  }
  ng_segments_free(seg);
  ng_seg_vocab_free(v);
  ng_seg_vocab_free(NULL); /* no-op */
}

/* A text of `n` words "w" separated by spaces, a comma after word `comma`
   (0: none), then ".\n".  Owned by the caller. */
static char *words_text(size_t n, size_t comma) {
  char *s = malloc(3 * n + 3);
  size_t k = 0;
  if (!s) return NULL;
  for (size_t i = 1; i <= n; ++i) {
    s[k++] = 'w';
    if (i == comma) s[k++] = ',';
    if (i < n) s[k++] = ' ';
  }
  strcpy(s + k, ".\n");
  return s;
}

/* A sentence that reaches NG_SEG_MAX_SENTENCE_TOKENS tokens is split after
   its last comma in the second half, else at the limit; the count says so;
   shorter sentences are left alone. */
static void test_long_sentence(void) {
  const size_t max = NG_SEG_MAX_SENTENCE_TOKENS;
  struct {
    size_t words, comma, first_len; /* first_len: tokens of the first sentence (0: one sentence) */
  } cases[] = {{max - 2, 0, 0}, {max + 10, 0, max}, {max + 10, max - 100, max - 99}, {max + 10, 100, max}};
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; ++c) {
    char *s = words_text(cases[c].words, cases[c].comma);
    NgSegments *seg = s ? seg_of(s) : NULL;
    if (seg) {
      check_invariants(s, seg);
      CHECK_INT_EQ(seg->n_sents, cases[c].first_len ? 2 : 1);
      CHECK_INT_EQ(seg->n_split_sentences, cases[c].first_len ? 1 : 0);
      if (cases[c].first_len) CHECK_INT_EQ(seg->sents[0].tok_end - seg->sents[0].tok_begin, cases[c].first_len);
      if (seg->n_sents == 2) CHECK(seg->toks[seg->sents[1].tok_begin].flags & NG_TF_SENT_START);
    }
    ng_segments_free(seg);
    free(s);
  }
}

/* A word or number longer than NG_SEG_MAX_TOKEN_BYTES is cut into tokens of
   at most that many bytes (at a character boundary), and counted. */
static void test_long_token(void) {
  const size_t max = NG_SEG_MAX_TOKEN_BYTES;
  char *s = calloc(4 * max, 1);
  CHECK(s != NULL);
  if (!s) return;
  /* "é" (2 bytes) then ASCII: the cut falls inside no character */
  strcpy(s, "A \xC3\xA9");
  memset(s + 4, 'x', 2 * max);
  strcpy(s + 4 + 2 * max, " 12");
  memset(s + 7 + 2 * max, '7', max + 1);
  strcpy(s + 8 + 3 * max, ".\n");
  NgSegments *seg = seg_of(s);
  if (seg) {
    check_invariants(s, seg);
    size_t longest = 0;
    for (size_t i = 0; i < seg->n_toks; ++i)
      if (seg->toks[i].end - seg->toks[i].start > longest) longest = seg->toks[i].end - seg->toks[i].start;
    CHECK(longest <= max);
    CHECK_INT_EQ(seg->n_toks, 1 + 3 + 2 + 1); /* A, the word in 3, the number in 2, "." */
    CHECK_INT_EQ(seg->n_cut_tokens, 3);
    CHECK_INT_EQ(seg->toks[1].end - seg->toks[1].start, max);
    CHECK_INT_EQ(seg->toks[4].kind, NG_TOK_NUM);
  }
  ng_segments_free(seg);
  free(s);
}

int main(void) {
  ng_segments_free(NULL); /* no-op */
  CHECK(1);
  NgLexicon *lex = NULL;
  char err[256] = "";
  if (!CHECK_INT_EQ(ng_lexicon_load_builtin(&lex, err, sizeof err), NG_SUCCESS)) {
    fprintf(stderr, "%s\n", err);
    return check_report();
  }
  vocab = ng_lexicon_seg_vocab(lex);
  test_vocab();
  test_abbr_title();
  test_abbr_end();
  test_initial();
  test_possessive();
  test_hyphen();
  test_paragraphs();
  test_question_exclamation();
  test_offsets_roundtrip();
  test_long_sentence();
  test_long_token();
  ng_lexicon_free(lex);
  return check_report();
}
