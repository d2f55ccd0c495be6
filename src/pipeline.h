/* newsgraph -- pipeline: run the analysis stages on one text.
 *
 * read (done by the caller) -> segment -> recognize -> resolve -> relate.
 * The graph and write stages are separate (graph.h, write.h) so that
 * several documents can share one graph.
 */
#ifndef NG_PIPELINE_H
#define NG_PIPELINE_H

#include "lexicon.h"
#include "meta.h"
#include "recognize.h"
#include "relate.h"
#include "resolve.h"
#include "segment.h"
#include "status.h"
#include "text.h"

typedef struct {
  const NgText *text; /**< Borrowed from the caller. */
  NgSegments *seg;    /**< Owned. */
  NgRecognition *rec; /**< Owned. */
  NgEntities *ents;   /**< Owned. */
  NgRelations *rels;  /**< Owned. */

  /* What ng_analyze was given, borrowed: they must outlive the result. */
  const NgMeta *meta; /**< May be NULL. */
  const NgLexicon *lex;
} NgAnalysis;

/** Analyse `text` (which must outlive the result) with `lex` and `meta`
 *  (may be NULL).  *out is owned by the caller (ng_analysis_free). */
NgStatus ng_analyze(const NgText *text, const NgLexicon *lex, const NgMeta *meta, NgAnalysis **out);

/** Free `a` and what it owns.  NULL is a no-op. */
void ng_analysis_free(NgAnalysis *a);

#endif /* NG_PIPELINE_H */
