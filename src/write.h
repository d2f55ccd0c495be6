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
 * into place, so a failed run never leaves a partial file behind; the
 * temporary files of a run killed meanwhile carry its PID, and a later run
 * removes them.
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

/** The temporary file of `path` for the process `pid`, try `seq`, into
 *  out[0..size): DIR/.BASE.tmp-PID-SEQ for DIR/BASE (hidden, and in the
 *  same directory, so that the rename is atomic).  The PID lets a later run
 *  tell the files of a process that died from those of one at work
 *  (ng_write_remove_stale).  NG_ERR_BAD_ARG when it does not fit. */
NgStatus ng_write_temp_name(const char *path, long pid, unsigned seq, char *out, size_t size);

/** First half of an atomic write: `fn(in, f)` writes into the new file
 *  `tmp`, created exclusively (an existing file is never touched: NG_ERR_IO
 *  with errno EEXIST) with the permissions 0666 less the umask.  On any
 *  other failure `tmp` is removed (errno kept for NG_ERR_IO). */
NgStatus ng_write_prepare(const char *tmp, NgWriteFn fn, const NgWriteInput *in);

/** Rename `tmp` to `path` (atomic on one filesystem); when that fails,
 *  remove `tmp` (errno kept). */
NgStatus ng_write_commit(const char *tmp, const char *path);

/** Remove `tmp`. */
void ng_write_abort(const char *tmp);

/** Remove the temporary files in `dir` named by ng_write_temp_name whose
 *  process is gone (kill(PID, 0) fails with ESRCH), which a process killed
 *  while it wrote leaves behind; the files of live processes stay.
 *  *removed receives how many went.  NG_ERR_IO when `dir` cannot be read. */
NgStatus ng_write_remove_stale(const char *dir, size_t *removed);

#endif /* NG_WRITE_H */
