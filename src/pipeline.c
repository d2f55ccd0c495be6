#include "pipeline.h"

#include <stdlib.h>

NgStatus ng_analyze(const NgText *text, const NgLexicon *lex, const NgMeta *meta, NgAnalysis **out) {
  *out = NULL;
  NgAnalysis *a = calloc(1, sizeof *a);
  if (!a) return NG_ERR_NOMEM;
  a->text = text;
  a->meta = meta;
  a->lex = lex;
  const char *extra[1] = {meta ? meta->publisher : NULL};
  int y = 0, m = 0, d = 0;
  if (meta) ng_meta_ymd(meta, &y, &m, &d);
  NgStatus st = ng_segment(text->data, text->len, &a->seg);
  if (!st) st = ng_recognize(text, a->seg, lex, extra, extra[0] ? 1 : 0, &a->rec);
  if (!st) st = ng_resolve(text, a->seg, lex, a->rec, &a->ents);
  if (!st) st = ng_relate(text, a->seg, lex, a->rec, a->ents, y, m, d, &a->rels);
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
  ng_segments_free(a->seg);
  free(a);
}
