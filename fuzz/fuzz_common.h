/* newsgraph -- what the fuzz targets share: the lexicon and a raptor world
 * kept for the whole run, memory streams, a failure that aborts with a
 * message (libFuzzer and the smoke driver both report an abort as a crash),
 * and the oracles that read an output back:
 *   - RDF: raptor's parsers (N-Triples, N-Quads, Turtle) read a serialized
 *     graph back into a sorted list of canonical triples, which is compared
 *     with the triples that were written;
 *   - XML: raptor's SAX2 reader (libxml2) checks that GraphML is well-formed;
 *   - CSV: libcsv in strict mode reads the rows back.
 * Nothing here is part of newsgraph: it is linked only into fuzz/ binaries.
 */
#ifndef NG_FUZZ_COMMON_H
#define NG_FUZZ_COMMON_H

#include "lexicon.h"
#include "triple.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/** The libFuzzer entry point every target defines. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/** Print "fuzz: <message>" and abort (a crash for libFuzzer and the smoke
 *  driver alike). */
_Noreturn void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** malloc and realloc that abort when out of memory (never NULL). */
void *fuzz_alloc(size_t n);
void *fuzz_realloc(void *p, size_t n);

/** Non-zero when the environment sets NG_FUZZ_STRICT=1: the writer
 *  targets then also feed the writers what the readers refuse upstream
 *  (docs/robustness.md, findings F1, F3 to F5). */
int fuzz_strict(void);

/** Unless fuzz_strict(): mask in s[0..n) what raptor's writers cannot
 *  write and newsgraph's readers therefore refuse: U+FFFE and U+FFFF
 *  become U+FFFD (F1: the text reader and ng_meta_set refuse them) and,
 *  when `cr` is non-zero, CR becomes a space (F4: raptor's Turtle
 *  serializer writes it raw; text turns CR into LF, ng_meta_set refuses
 *  control characters).  The length stays. */
void fuzz_mask_known(char *s, size_t n, int cr);

/** Unless fuzz_strict(): non-zero when the IRI has a dot segment ("." or
 *  ".." in its path), which Turtle readers resolve away and N-Triples
 *  readers keep (F5: ng_scheme_base_ok refuses such a base, and slugs
 *  never are "." or ".."), or ends in '.', which raptor's Turtle writer
 *  abbreviates to a local name no reader takes (F7: newsgraph's IRIs end
 *  in a slug, a number or '/', and the lexicon checks Wikidata IDs). */
int fuzz_known_bad_iri(const char *iri);

/** The built-in lexicon, loaded on first use and kept for the run. */
const NgLexicon *fuzz_lexicon(void);

/** A memory stream: write to f, then fuzz_mem_close and read buf[0..len). */
typedef struct {
  FILE *f;
  char *buf;
  size_t len;
} FuzzMem;

/** Open m (aborts when out of memory). */
void fuzz_mem_open(FuzzMem *m);

/** Close the stream; buf and len stay valid until fuzz_mem_free. */
void fuzz_mem_close(FuzzMem *m);

/** Close if open and free the buffer. */
void fuzz_mem_free(FuzzMem *m);

/** Triples as canonical strings (one per triple, term kinds and lengths
 *  spelled out), to compare two graphs as sorted lists. */
typedef struct {
  char **v;
  size_t n, cap;
} FuzzTriples;

/** Add one triple (aborts when out of memory). */
void fuzz_triples_add(FuzzTriples *l, const NgTriple *t);

/** Sort the list. */
void fuzz_triples_sort(FuzzTriples *l);

/** Index of the first difference of two sorted lists, or -1 when equal. */
long fuzz_triples_diff(const FuzzTriples *a, const FuzzTriples *b);

/** Free the strings and the list. */
void fuzz_triples_free(FuzzTriples *l);

/** Parse buf[0..len) with raptor's parser `syntax` ("ntriples", "nquads",
 *  "turtle") into *out (unsorted).  For N-Quads every statement must be in
 *  the graph `graph`.  Returns the number of errors raptor logged, plus one
 *  for a blank node, a statement outside `graph` or a parser that could not
 *  run. */
int fuzz_parse_rdf(const char *buf, size_t len, const char *syntax, const char *graph, FuzzTriples *out);

/** Number of errors raptor's SAX2 reader (libxml2) logs on the XML
 *  document buf[0..len). */
int fuzz_xml_errors(const char *buf, size_t len);

/** libcsv in strict mode on buf[0..len): calls row(ctx, fields, n) per row
 *  (fields NUL-terminated, borrowed for the call).  With `exact_space`
 *  non-zero, blanks around unquoted fields are kept (RFC 4180) instead of
 *  libcsv's default trimming.  Returns 0, or -1 on a parse error. */
int fuzz_parse_csv(const char *buf, size_t len, int exact_space, void (*row)(void *ctx, char **fields, size_t n),
                   void *ctx);

#endif /* NG_FUZZ_COMMON_H */
