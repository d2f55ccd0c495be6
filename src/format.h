/* newsgraph -- format: the table of output formats.
 *
 * One row per format: the name that selects it in `--format` and the other
 * names it accepts, the extension of its file (NAME<ext>), a one-line
 * description, its writer (write.h, viz.h) and its bit in a set of formats.
 * Option parsing, file names, the writers, the `--format` error message and
 * the `--help` text all come from this table, in its order (the order files
 * are written in).
 */
#ifndef NG_FORMAT_H
#define NG_FORMAT_H

#include "status.h"
#include "write.h"

#include <stddef.h>

/** Bits of a set of formats. */
typedef enum {
  NG_OUT_TURTLE = 1 << 0,
  NG_OUT_NTRIPLES = 1 << 1,
  NG_OUT_TRIPLES_CSV = 1 << 2,
  NG_OUT_NODES_CSV = 1 << 3,
  NG_OUT_EDGES_CSV = 1 << 4,
  NG_OUT_NQUADS = 1 << 5,
  NG_OUT_GRAPHML = 1 << 6,
  NG_OUT_DOT = 1 << 7,
  NG_OUT_ALL = 0xFF /**< Every format; selected by the name NG_FORMAT_ALL. */
} NgOutput;

/** The number of formats. */
#define NG_FORMAT_COUNT 8

/** The name that selects every format. */
#define NG_FORMAT_ALL "all"

/** Longest description: what fits on its line of the --help text. */
#define NG_FORMAT_DESCRIPTION_MAX 41

/** Most other names one format accepts. */
#define NG_FORMAT_MAX_ALIASES 2

/** One output format.  Every string is static. */
typedef struct {
  const char *name;                           /**< "ttl" */
  const char *aliases[NG_FORMAT_MAX_ALIASES]; /**< Other names ("turtle"); NULL where there are none. */
  const char *ext;                            /**< File name extension with its dot: ".ttl". */
  const char *description;                    /**< For --help, at most NG_FORMAT_DESCRIPTION_MAX bytes. */
  NgWriteFn write;                            /**< The writer. */
  NgOutput flag;                              /**< Its bit. */
  int concatenates; /**< Non-zero when documents written one after another make one valid document (several
                         articles to standard output); GraphML, DOT and the CSVs have one root or header. */
} NgFormat;

/** The formats, in the order their files are written and listed.  *n
 *  receives their number, NG_FORMAT_COUNT; the array is static. */
const NgFormat *ng_formats(size_t *n);

/** Parse a comma-separated list of format names and aliases (empty items
 *  are skipped; NG_FORMAT_ALL selects all) into *out.  NG_ERR_SYNTAX, with
 *  *out unchanged, for an unknown name or a list that names nothing. */
NgStatus ng_format_parse(const char *list, unsigned *out);

/** Write the names that ng_format_parse accepts as the primary names, then
 *  NG_FORMAT_ALL, comma-separated ("ttl,nt,...,all"), into out[0..size)
 *  (cut short, NUL-terminated). */
void ng_format_names(char *out, size_t size);

#endif /* NG_FORMAT_H */
