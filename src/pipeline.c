#include "pipeline.h"

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

void ng_analysis_free(NgAnalysis *a) {
  if (!a) return;
  ng_relations_free(a->rels);
  ng_entities_free(a->ents);
  ng_recognition_free(a->rec);
  free(a->words);
  ng_segments_free(a->seg);
  free(a);
}
