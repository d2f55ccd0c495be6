/* newsgraph -- write: serializations of a graph's triples.
 *
 * In:  triples sorted by ng_graph_triples(), namespace prefixes, the base IRI.
 * Out: Turtle through raptor2's serializer; N-Triples and N-Quads with
 *      raptor2's escaping (plain terms copied as they are); the triples CSV
 *      (subject,predicate,object,object_kind,datatype,language) through
 *      libcsv (RFC 4180: CRLF line ends, fields quoted when they hold a
 *      comma, quote, CR or LF, UTF-8 without BOM), and the CSV rows the
 *      nodes and edges CSVs of viz.h are written with.
 *   Formula injection: in the triples CSV a text cell that begins with '=',
 *   '+', '-', '@', TAB or CR gets a leading "'", so that spreadsheets show
 *   it as text instead of running it; numeric cells (numbers typed by a
 *   datatype) never do.  csv_raw turns this off.
 * Files are written to a temporary file in the target directory and renamed
 * into place, so a failed run never leaves a partial file behind.
 */
#ifndef NG_WRITE_H
#define NG_WRITE_H

#include "status.h"
#include "triple.h"

#include <stddef.h>
#include <stdio.h>

/** Columns of the nodes and edges CSVs. */
typedef enum {
  NG_CSV_GEPHI = 0, /**< Gephi's spreadsheet import (also fine for Cytoscape, spreadsheets). */
  NG_CSV_NEO4J      /**< neo4j-admin database import: id:ID, :LABEL, :START_ID, :END_ID, :TYPE. */
} NgCsvDialect;

/** What the writers write.  Everything is borrowed. */
typedef struct {
  const NgTriple *triples; /**< As ng_graph_triples() gives them: sorted, without duplicates, interned. */
  size_t n;
  const NgPrefix *prefixes;
  size_t n_prefixes;
  const char *base;         /**< Stripped from IRIs to make node ids. */
  NgCsvDialect csv_dialect; /**< Nodes and edges CSV columns; 0 is Gephi. */
  int csv_raw;              /**< Non-zero: no formula-injection guard in the CSVs. */
  const char *graph;        /**< The named graph of N-Quads (the article's IRI); may be NULL otherwise. */
} NgWriteInput;

/** A writer of one output format: serializes `in` to f.  Every writer of
 *  this module and of viz.h has this shape; format.h lists them. */
typedef NgStatus (*NgWriteFn)(const NgWriteInput *in, FILE *f);

/** Serialize as Turtle (syntax "turtle"), N-Triples ("ntriples") or N-Quads
 *  ("nquads": every triple in the named graph `in->graph`) to f. */
NgStatus ng_write_rdf(const NgWriteInput *in, const char *syntax, FILE *f);

/** ng_write_rdf(in, "turtle", f). */
NgStatus ng_write_turtle(const NgWriteInput *in, FILE *f);

/** ng_write_rdf(in, "ntriples", f). */
NgStatus ng_write_ntriples(const NgWriteInput *in, FILE *f);

/** ng_write_rdf(in, "nquads", f). */
NgStatus ng_write_nquads(const NgWriteInput *in, FILE *f);

/** Write one CSV row of `n` fields to f, each as it is (a NULL field is
 *  empty). */
NgStatus ng_write_csv_row(FILE *f, const char *const *fields, size_t n);

/** Like ng_write_csv_row, with the formula-injection guard on the fields i
 *  for which `text[i]` is non-zero: such a field that begins with '=',
 *  '+', '-', '@', TAB or CR is written with a "'" in front.  `text` may be
 *  NULL (no field guarded). */
NgStatus ng_write_csv_row_guarded(FILE *f, const char *const *fields, size_t n, const unsigned char *text);

/** The triples CSV. */
NgStatus ng_write_triples_csv(const NgWriteInput *in, FILE *f);

/** First half of an atomic write: `fn(in, f)` writes into a new hidden
 *  temporary file in the directory of `path`; *tmp receives its name
 *  (owned by the caller: pass it to ng_write_commit or ng_write_abort).
 *  On failure nothing is left on disk. */
NgStatus ng_write_prepare(const char *path, NgWriteFn fn, const NgWriteInput *in, char **tmp);

/** Rename `tmp` to `path` (atomic on one filesystem) and free `tmp`. */
NgStatus ng_write_commit(char *tmp, const char *path);

/** Remove `tmp` and free it.  NULL is a no-op. */
void ng_write_abort(char *tmp);

#endif /* NG_WRITE_H */
