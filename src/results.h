/* newsgraph -- results: SPARQL query results as `newsgraph query` writes
 * them.
 *
 * A SELECT result goes through a writer: ng_results_begin() with the
 * variable names, ng_results_row() per row, ng_results_end().  CSV, TSV
 * and JSON are the SPARQL 1.1 Query Results formats and stream (each row is
 * written as it comes); the table (our own layout: aligned columns, a
 * header of ?names, a row count) is written at the end, since its column
 * widths depend on every row.  An ASK result is one boolean.  Nothing here
 * knows the RDF libraries: a value is an NgTerm of borrowed strings.
 */
#ifndef NG_RESULTS_H
#define NG_RESULTS_H

#include "status.h"

#include <stddef.h>
#include <stdio.h>

/** Result formats. */
typedef enum {
  NG_RESULTS_TABLE, /**< Aligned columns for a terminal (our own layout). */
  NG_RESULTS_CSV,   /**< SPARQL 1.1 Query Results CSV. */
  NG_RESULTS_TSV,   /**< SPARQL 1.1 Query Results TSV. */
  NG_RESULTS_JSON   /**< SPARQL 1.1 Query Results JSON. */
} NgResults;

/** The names of the formats, in the order of NgResults ("table", "csv",
 *  "tsv", "json"); *n receives their number. */
const char *const *ng_results_names(size_t *n);

/** Kinds of an RDF term in a result. */
typedef enum {
  NG_TERM_UNBOUND, /**< No value. */
  NG_TERM_IRI,     /**< `value` is the IRI. */
  NG_TERM_BLANK,   /**< `value` is the blank node's label. */
  NG_TERM_LITERAL  /**< `value` is the lexical form; `lang` or `datatype` may be set. */
} NgTermKind;

/** One value of a result row; every string is borrowed. */
typedef struct {
  NgTermKind kind;
  const char *value;
  const char *lang;     /**< language tag, or NULL */
  const char *datatype; /**< datatype IRI, or NULL */
} NgTerm;

struct raptor_world_s;
struct raptor_iostream_s;

/** A writer of one SELECT result; its fields are private. */
typedef struct {
  NgResults format;
  FILE *out;
  struct raptor_world_s *raptor; /* TSV, JSON: raptor's escaping (owned) */
  struct raptor_iostream_s *io;  /* onto `out` (owned; `out` is not) */
  size_t nc;                     /* variables */
  char **names;                  /* nc names, owned */
  char **cells;                  /* table: row-major cells, owned */
  size_t nr, cap;
} NgResultsWriter;

/** Start a result with the `nc` variable names `names` (copied; without
 *  '?') in `format` on `out`.  CSV, TSV and JSON write their header now. */
NgStatus ng_results_begin(NgResultsWriter *w, NgResults format, const char *const *names, size_t nc, FILE *out);

/** Add one row: `row` holds nc values. */
NgStatus ng_results_row(NgResultsWriter *w, const NgTerm *row);

/** Finish the result (the table is written now) and free the writer, also
 *  after a failure.  NG_ERR_IO when `out` has an error. */
NgStatus ng_results_end(NgResultsWriter *w);

/** Free the writer without finishing the result.  Safe after _end. */
void ng_results_discard(NgResultsWriter *w);

/** The result of an ASK query in `format`: "true" or "false" on one line
 *  (JSON: {"head": {}, "boolean": ...}). */
NgStatus ng_results_boolean(int value, NgResults format, FILE *out);

#endif /* NG_RESULTS_H */
