/* newsgraph -- segment: paragraphs, sentences and tokens with byte offsets.
 *
 * In:  normalized UTF-8 text (see text.h).
 * Out: an NgSegments with
 *   - tokens: words (letters/digits, with inner apostrophes, and the
 *     trailing period of abbreviations and initials such as "U.S.", "Mr.",
 *     "M."), numbers, and single punctuation characters.  Hyphens always
 *     stand alone ("Editor-in-Chief" is five tokens, flagged NG_TF_JOINED);
 *     a possessive "'s" / "’s" (or a bare "'" after s) is its own token with
 *     NG_TF_POSS.
 *   - sentences: a "." "!" "?" followed by a capitalized word or digit ends
 *     one; abbreviations do not, except before a common sentence opener
 *     ("... in the U.S. The ...").  A paragraph end always ends one.
 * Which words are abbreviations ("Inc.", "Gen."), which of them stand
 * before names and never end a sentence ("Mr."), and which words open
 * sentences is vocabulary: an NgSegVocab, which the lexicon loads from
 * data/segment.tsv (ng_lexicon_seg_vocab).  Without one, only initials
 * and dotted abbreviations ("U.S.", "M.") keep their period.
 *   - paragraphs: non-blank lines.
 * Every token knows its sentence and paragraph index.
 */
#ifndef NG_SEGMENT_H
#define NG_SEGMENT_H

/* Limits for pathological input.  No article comes near them; they bound
 * the work of every rule that reads a token or a sentence, so that a
 * document of any shape costs time proportional to its length
 * (docs/speed.md):
 *   - a word or number longer than NG_SEG_MAX_TOKEN_BYTES is cut into
 *     tokens of at most that many bytes;
 *   - a sentence that reaches NG_SEG_MAX_SENTENCE_TOKENS tokens is split:
 *     after its last ",", ";" or ":" in the second half, else there.
 * NgSegments counts how often each limit applied. */
#define NG_SEG_MAX_TOKEN_BYTES 1024
#define NG_SEG_MAX_SENTENCE_TOKENS 1000

#include "status.h"

#include <stddef.h>
#include <stdint.h>

typedef enum { NG_TOK_WORD, NG_TOK_NUM, NG_TOK_PUNCT } NgTokKind;

enum {
  NG_TF_CAP = 1u << 0,          /**< First letter is uppercase. */
  NG_TF_ALLCAPS = 1u << 1,      /**< Two or more letters, all uppercase. */
  NG_TF_ABBR = 1u << 2,         /**< Ends with a period that belongs to it. */
  NG_TF_SENT_START = 1u << 3,   /**< First word of its sentence. */
  NG_TF_PARA_START = 1u << 4,   /**< First token of its paragraph. */
  NG_TF_POSS = 1u << 5,         /**< Possessive marker ('s, ’s, '). */
  NG_TF_SPACE_BEFORE = 1u << 6, /**< Whitespace (or text start) precedes. */
  NG_TF_LOWER = 1u << 7,        /**< First letter is lowercase. */
  NG_TF_JOINED = 1u << 8,       /**< A hyphen with no space on either side. */
  NG_TF_INITIAL = 1u << 9       /**< A single letter with a period ("M."). */
};

typedef struct {
  uint32_t start, end; /**< Byte span [start, end) in the text (texts are
                            under 4 GiB: ng_segment refuses longer ones). */
  uint32_t sent;       /**< Sentence index. */
  uint32_t para;       /**< Paragraph index. */
  uint16_t flags;      /**< NG_TF_* bits. */
  uint8_t kind;        /**< NgTokKind. */
} NgToken;

typedef struct {
  size_t tok_begin, tok_end; /**< Token range [tok_begin, tok_end). */
  size_t start, end;         /**< Byte span of the text covered. */
  uint32_t para;             /**< Paragraph index (for sentences). */
} NgSpan;

typedef struct {
  NgToken *toks;
  size_t n_toks;
  NgSpan *sents;
  size_t n_sents;
  NgSpan *paras;
  size_t n_paras;
  size_t n_cut_tokens;      /**< Words and numbers cut at NG_SEG_MAX_TOKEN_BYTES. */
  size_t n_split_sentences; /**< Sentences split at NG_SEG_MAX_SENTENCE_TOKENS. */
} NgSegments;

/** Roles of a word in an NgSegVocab (bit flags). */
enum {
  NG_SEG_ABBREV = 1u << 0,      /**< A period right after it belongs to it. */
  NG_SEG_NAME_ABBREV = 1u << 1, /**< An abbreviation before names: never ends a sentence. */
  NG_SEG_OPENER = 1u << 2       /**< A word that commonly opens a sentence. */
};

typedef struct NgSegVocabImpl NgSegVocab;

/** A new empty vocabulary owned by the caller (ng_seg_vocab_free); NULL
 *  when out of memory. */
NgSegVocab *ng_seg_vocab_new(void);

/** Free `v`.  NULL is a no-op. */
void ng_seg_vocab_free(NgSegVocab *v);

/** Give word[0..len) (matched with its case as written) the NG_SEG_* roles
 *  `roles`, in addition to any it has. */
NgStatus ng_seg_vocab_add(NgSegVocab *v, const char *word, size_t len, unsigned roles);

/** NG_SEG_* roles of word[0..len) in `v` (0 when unknown or `v` is NULL). */
unsigned ng_seg_vocab_roles(const NgSegVocab *v, const char *word, size_t len);

/** Segment text[0..len) with the words of `vocab` (borrowed; may be NULL).
 *  On success *out is owned by the caller (free with ng_segments_free).
 *  NG_ERR_TOOBIG when len does not fit in 32 bits. */
NgStatus ng_segment(const char *text, size_t len, const NgSegVocab *vocab, NgSegments **out);

/** Free `seg`.  NULL is a no-op. */
void ng_segments_free(NgSegments *seg);

/** Non-zero when token `t` of `text` equals `s` exactly. */
int ng_tok_is(const char *text, const NgToken *t, const char *s);

/** Non-zero when token `t` equals `s`, ignoring ASCII case. */
int ng_tok_ieq(const char *text, const NgToken *t, const char *s);

#endif /* NG_SEGMENT_H */
