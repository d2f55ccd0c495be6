#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>

NgStatus ng_analyze(const NgText *text, const NgLexicon *lex, const NgMeta *meta, NgAnalysis **out) {
  *out = NULL;
  NgAnalysis *a = calloc(1, sizeof *a);
  if (!a) return NG_ERR_NOMEM;
  a->src = (NgSource){text, NULL, lex, NULL, meta};
  NgStatus st = ng_segment(text->data, text->len, ng_lexicon_seg_vocab(lex), &a->seg);
  a->src.seg = a->seg;
  if (!st) st = ng_lexicon_tag(lex, text->data, a->seg, &a->words);
  a->src.words = a->words;
  if (!st) st = ng_recognize(&a->src, &a->rec);
  if (!st) st = ng_resolve(&a->src, a->rec, &a->ents);
  if (!st) st = ng_relate(&a->src, a->rec, a->ents, &a->rels);
  if (st) {
    ng_analysis_free(a);
    return st;
  }
  *out = a;
  return NG_SUCCESS;
}

/* ", N WHAT(s) VERB at LIMIT UNIT" after buf[0..*n) when count is not 0. */
static void limit_part(char *buf, size_t size, size_t *n, size_t count, const char *what, const char *verb,
                       size_t limit, const char *unit) {
  if (!count || *n >= size) return;
  int w = snprintf(buf + *n, size - *n, "%s%zu %s%s %s at %zu %s", *n ? ", " : "", count, what, count == 1 ? "" : "s",
                   verb, limit, unit);
  if (w > 0) *n += (size_t)w;
}

int ng_analysis_limits(const NgAnalysis *a, char *buf, size_t size) {
  size_t n = 0;
  if (size) buf[0] = '\0';
  limit_part(buf, size, &n, a->seg->n_split_sentences, "sentence", "split", NG_SEG_MAX_SENTENCE_TOKENS, "tokens");
  limit_part(buf, size, &n, a->seg->n_cut_tokens, "word", "cut", NG_SEG_MAX_TOKEN_BYTES, "bytes");
  limit_part(buf, size, &n, a->rec->n_cut_runs, "run", "of capitalized words cut", NG_REC_MAX_RUN, "tokens");
  return n > 0;
}

void ng_analysis_free(NgAnalysis *a) {
  if (!a) return;
  ng_relations_free(a->rels);
  ng_entities_free(a->ents);
  ng_recognition_free(a->rec);
  free(a->words);
  ng_segments_free(a->seg);
  free(a);
}
