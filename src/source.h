/* newsgraph -- source: one article as the analysis stages read it.
 *
 * The pipeline (pipeline.h) fills an NgSource stage by stage: the text
 * (read), its tokens, sentences and paragraphs (segment), the word flags of
 * every token (the lexicon's ng_lexicon_tag) and the metadata.  recognize,
 * resolve and relate read it and never change it; everything in it is
 * borrowed.
 */
#ifndef NG_SOURCE_H
#define NG_SOURCE_H

#include "lexicon.h"
#include "meta.h"
#include "segment.h"
#include "text.h"

typedef struct {
  const NgText *text;       /**< The article (text.h). */
  const NgSegments *seg;    /**< Its tokens, sentences and paragraphs. */
  const NgLexicon *lex;     /**< Gazetteers and word lists. */
  const NgWordFlags *words; /**< Per token: its NG_W_* flags (ng_lexicon_tag). */
  const NgMeta *meta;       /**< Title, publisher, date...; NULL when none. */
} NgSource;

#endif /* NG_SOURCE_H */
