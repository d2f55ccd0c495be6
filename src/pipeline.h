/* newsgraph -- pipeline: run the analysis stages on one text.
 *
 * read (done by the caller) -> segment -> tag (the lexicon's word flags)
 * -> recognize -> resolve -> relate.  The graph and write stages are
 * separate (graph.h, write.h) so that several documents can share one
 * graph.
 */
#ifndef NG_PIPELINE_H
#define NG_PIPELINE_H

#include "lexicon.h"
#include "meta.h"
#include "recognize.h"
#include "relate.h"
#include "resolve.h"
#include "segment.h"
#include "source.h"
#include "status.h"
#include "text.h"

typedef struct {
  NgSource src;       /**< What the stages read: the text, lexicon and
                           metadata are borrowed from the caller; its
                           segments and word flags are the two below. */
  NgSegments *seg;    /**< Owned. */
  NgWordFlags *words; /**< Owned (ng_lexicon_tag). */
  NgRecognition *rec; /**< Owned. */
  NgEntities *ents;   /**< Owned. */
  NgRelations *rels;  /**< Owned. */
} NgAnalysis;

/** Analyse `text` with `lex` and `meta` (may be NULL); all three must
 *  outlive the result.  *out is owned by the caller (ng_analysis_free). */
NgStatus ng_analyze(const NgText *text, const NgLexicon *lex, const NgMeta *meta, NgAnalysis **out);

/** Describe in buf (`size` bytes) the limits for pathological input that
 *  applied to `a`: sentences split (segment.h), words cut (segment.h), runs
 *  of capitalized words cut (recognize.h), e.g. "1 sentence split at 1000
 *  tokens".  Returns 0 (and buf "") when none did. */
int ng_analysis_limits(const NgAnalysis *a, char *buf, size_t size);

/** Free `a` and what it owns.  NULL is a no-op. */
void ng_analysis_free(NgAnalysis *a);

#endif /* NG_PIPELINE_H */
