/* newsgraph -- query_guard: reads the text of a SPARQL query before the
 * engine (rasqal) sees it.
 *
 * A query may come from anyone (a web form, a shared store), and rasqal
 * 0.9.33 fetches what SERVICE names (file: and http: IRIs alike), parses
 * expressions and evaluates them by recursion on the C stack (a FILTER of
 * 200,000 terms overflows it), and answers some standard queries wrongly
 * without a word.  The guard tokenizes the query as SPARQL 1.1's grammar
 * does (IRIs, strings, prefixed names, variables, comments) and returns a
 * verdict:
 *
 * - NG_GUARD_TOO_BIG: more bytes, tokens or levels of brackets than the
 *   limits (NgGuardLimits; defaults NG_GUARD_MAX_*).  Nothing is parsed,
 *   so nothing can overflow.
 * - NG_GUARD_REFUSED: the query reaches outside the store (SERVICE, FROM,
 *   FROM NAMED, SPARQL Update such as LOAD or INSERT, a \u escape outside
 *   strings and IRIs), or uses a construct rasqal 0.9.33 answers wrongly or
 *   cannot parse; the message names the construct and the rewrite that
 *   works.
 * - NG_GUARD_PASS otherwise.
 *
 * The tokenizer (ng_sparql_token) is also how query.c finds the parts of a
 * query it rewrites.  Nothing here allocates; no global state.
 */
#ifndef NG_QUERY_GUARD_H
#define NG_QUERY_GUARD_H

#include <stddef.h>

/** Default limits: generous for real queries (the competency queries in
 *  ontology/queries/ have at most 3 KB, 400 tokens and 6 levels), far below
 *  what breaks rasqal on an 8 MiB stack (an expression chain of 50,000
 *  terms runs, 100,000 crash). */
#define NG_GUARD_MAX_BYTES ((size_t)256 * 1024)
#define NG_GUARD_MAX_TOKENS ((size_t)20000)
#define NG_GUARD_MAX_DEPTH ((size_t)64)

typedef struct {
  size_t max_bytes;  /**< length of the text */
  size_t max_tokens; /**< tokens (an expression's depth is at most half of them) */
  size_t max_depth;  /**< nesting of (), {} and [] */
} NgGuardLimits;

typedef enum {
  NG_GUARD_PASS,    /**< Nothing found: hand the query to the engine. */
  NG_GUARD_REFUSED, /**< Reaches outside the store or uses a construct the engine gets wrong. */
  NG_GUARD_TOO_BIG  /**< Over a limit of size or nesting. */
} NgGuardVerdict;

/** Check the query `text` of `len` bytes (need not be NUL-terminated)
 *  against `limits` (NULL: the defaults).  For a verdict other than
 *  NG_GUARD_PASS, `msg` (if not NULL) receives one line without a newline,
 *  naming the construct or the limit, where it is (line:column), and what
 *  to write instead. */
NgGuardVerdict ng_query_guard(const char *text, size_t len, const NgGuardLimits *limits, char *msg, size_t msg_size);

/** Kinds of SPARQL tokens. */
typedef enum {
  NG_SQ_END,     /**< End of the text. */
  NG_SQ_WORD,    /**< A keyword, a function name or `a` (letters, digits, _). */
  NG_SQ_PNAME,   /**< A prefixed name (ng:Person, :x, rdf:) or a blank node label (_:b). */
  NG_SQ_IRI,     /**< <...> */
  NG_SQ_VAR,     /**< ?x or $x */
  NG_SQ_STRING,  /**< '...', "...", '''...''', """...""" */
  NG_SQ_NUMBER,  /**< 12, -1.5, .5e3 */
  NG_SQ_LANGTAG, /**< @en-GB */
  NG_SQ_PUNCT,   /**< { } ( ) [ ] . , ; * + - / | ^ ^^ ! != = < > <= >= && || ? */
  NG_SQ_BAD      /**< Anything else: an unterminated string or IRI, a stray character. */
} NgSparqlKind;

typedef struct {
  NgSparqlKind kind;
  size_t begin, end; /**< byte offsets into the text */
} NgSparqlToken;

/** The first token at or after byte `pos` of `text` (`len` bytes), after
 *  white space and comments. */
NgSparqlToken ng_sparql_token(const char *text, size_t len, size_t pos);

/** Whether the token `t` of `text` is the word `word` (ASCII, any case). */
int ng_sparql_is_word(const char *text, NgSparqlToken t, const char *word);

#endif /* NG_QUERY_GUARD_H */
