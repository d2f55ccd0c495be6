/* newsgraph -- fuzz target: the CSV rows (ng_write_csv_row and
 * ng_write_csv_row_guarded of write.h) on arbitrary fields.
 *
 * Input: one byte of flags (bit i: field i, modulo 8, is a text field for
 * the formula-injection guard), then up to 16 fields separated by NUL
 * bytes.  The fields are written as two rows, plain and guarded, into a
 * memory stream, and libcsv in strict mode reads them back:
 *   - as RFC 4180, blanks kept: exactly two rows of n fields; the plain row
 *     holds the fields, the guarded row the same with "'" in front of each
 *     text field that begins with '=', '+', '-', '@', TAB or CR;
 *   - also with libcsv's own defaults (blanks around an unquoted field
 *     trimmed, as tests/test_csv.c reads): the same fields (a field that
 *     ended with a TAB was not quoted and lost the TAB: finding F2 of
 *     docs/robustness.md, section 9).
 * A row of one empty field is an empty line, which CSV readers skip;
 * newsgraph writes no one-column CSV, so such a row is not checked.
 */
#include "fuzz_common.h"
#include "write.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 16

typedef struct {
  const char *fields[MAX_FIELDS];
  unsigned char text[MAX_FIELDS];
  size_t n;
} Row;

/* The field as the guarded row must hold it (owned by the caller). */
static char *guarded(const Row *r, size_t i) {
  const char *v = r->fields[i];
  int guard = r->text[i] && *v && strchr("=+-@\t\r", *v) != NULL;
  size_t n = strlen(v);
  char *g = fuzz_alloc(n + 2);
  g[0] = '\'';
  memcpy(g + guard, v, n + 1);
  return g;
}

typedef struct {
  const Row *row;
  const char *reader;
  size_t rows;
} Check;

static void on_row(void *ctx, char **fields, size_t n) {
  Check *c = ctx;
  const Row *r = c->row;
  if (c->rows >= 2) fuzz_fail("%s: a third row", c->reader);
  if (n != r->n) fuzz_fail("%s: row %zu has %zu fields, %zu written", c->reader, c->rows + 1, n, r->n);
  for (size_t i = 0; i < n; ++i) {
    char *want = c->rows ? guarded(r, i) : NULL;
    const char *w = want ? want : r->fields[i];
    if (strcmp(fields[i], w) != 0)
      fuzz_fail("%s: row %zu field %zu reads back as \"%s\", written \"%s\"", c->reader, c->rows + 1, i, fields[i], w);
    free(want);
  }
  c->rows++;
}

static void check(const FuzzMem *m, const Row *r, int exact_space) {
  Check c = {r, exact_space ? "RFC 4180 reader" : "libcsv default reader", 0};
  if (fuzz_parse_csv(m->buf, m->len, exact_space, on_row, &c)) fuzz_fail("%s: cannot parse", c.reader);
  if (c.rows != 2) fuzz_fail("%s: %zu rows read, 2 written", c.reader, c.rows);
}

/* Split the input into *r; the fields point into `copy` (NUL-terminated). */
static void split(const uint8_t *data, size_t size, char *copy, Row *r) {
  memcpy(copy, data + 1, size - 1);
  copy[size - 1] = '\0';
  r->n = 0;
  for (char *p = copy, *end = copy + size - 1; r->n < MAX_FIELDS; p += strlen(p) + 1) {
    r->text[r->n] = (unsigned char)((data[0] >> (r->n % 8)) & 1);
    r->fields[r->n++] = p;
    if (p + strlen(p) >= end) break;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  char *copy = fuzz_alloc(size);
  Row r;
  split(data, size, copy, &r);
  FuzzMem m;
  fuzz_mem_open(&m);
  if (ng_write_csv_row(m.f, r.fields, r.n) || ng_write_csv_row_guarded(m.f, r.fields, r.n, r.text))
    fuzz_fail("writing failed");
  fuzz_mem_close(&m);
  if (r.n > 1 || *r.fields[0]) {
    check(&m, &r, 1);
    check(&m, &r, 0); /* libcsv's default reader trims blanks outside quotes (finding F2) */
  }
  fuzz_mem_free(&m);
  free(copy);
  return 0;
}
