#include "results.h"

#include "write.h"

#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

#define XSD "http://www.w3.org/2001/XMLSchema#"

static const char *const FORMAT_NAMES[] = {"table", "csv", "tsv", "json"};

const char *const *ng_results_names(size_t *n) {
  *n = sizeof FORMAT_NAMES / sizeof FORMAT_NAMES[0];
  return FORMAT_NAMES;
}

static char *dup_str(const char *s) {
  size_t len = strlen(s) + 1;
  char *d = malloc(len);
  if (d) memcpy(d, s, len);
  return d;
}

/* ---- escaping ------------------------------------------------------------------ */

/* s escaped by raptor (flags: RAPTOR_ESCAPED_WRITE_*), without the
   quotes or brackets around it. */
static void put_escaped(const NgResultsWriter *w, const char *s, char delim, unsigned flags) {
  /* raptor's stream writes with fwrite to the same FILE: no reordering */
  if (s) raptor_string_escaped_write((const unsigned char *)s, strlen(s), delim, flags, w->io);
}

/* TSV terms are Turtle terms: \t \n \r \" \\ escaped, UTF-8 as it is. */
enum {
  TSV_LITERAL = RAPTOR_ESCAPED_WRITE_TURTLE_LITERAL | RAPTOR_ESCAPED_WRITE_BITFLAG_BS_ESCAPES_TNRU,
  JSON_STRING = RAPTOR_ESCAPED_WRITE_JSON_LITERAL | RAPTOR_ESCAPED_WRITE_BITFLAG_UTF8
};

/* A string in JSON, with its quotes. */
static void put_json_string(const NgResultsWriter *w, const char *s) {
  fputc('"', w->out);
  put_escaped(w, s, '"', JSON_STRING);
  fputc('"', w->out);
}

static int all_digits(const char *s, size_t *n) {
  *n = strspn(s, "0123456789");
  return *n > 0;
}

/* `s` is a number as Turtle writes it bare: an integer, a decimal or a
   double. */
static int turtle_number(const char *s, const char *datatype) {
  size_t n = 0;
  if (*s == '+' || *s == '-') ++s;
  if (strcmp(datatype, XSD "integer") == 0) return all_digits(s, &n) && !s[n];
  size_t lead = strspn(s, "0123456789");
  if (strcmp(datatype, XSD "decimal") == 0) return s[lead] == '.' && all_digits(s + lead + 1, &n) && !s[lead + 1 + n];
  if (strcmp(datatype, XSD "double") != 0) return 0;
  const char *p = s + lead;
  if (*p == '.') p += 1 + strspn(p + 1, "0123456789");
  if (p == s || (p == s + 1 && *s == '.') || (*p != 'e' && *p != 'E')) return 0;
  ++p;
  if (*p == '+' || *p == '-') ++p;
  return all_digits(p, &n) && !p[n];
}

static void put_tsv_term(const NgResultsWriter *w, const NgTerm *t) {
  FILE *out = w->out;
  switch (t->kind) {
  case NG_TERM_UNBOUND: break;
  case NG_TERM_IRI:
    fputc('<', out);
    put_escaped(w, t->value, '>', RAPTOR_ESCAPED_WRITE_TURTLE_URI);
    fputc('>', out);
    break;
  case NG_TERM_BLANK: fprintf(out, "_:%s", t->value); break;
  case NG_TERM_LITERAL:
    if (t->datatype && turtle_number(t->value, t->datatype)) {
      fputs(t->value, out);
      break;
    }
    fputc('"', out);
    put_escaped(w, t->value, '"', TSV_LITERAL);
    fputc('"', out);
    if (t->lang) fprintf(out, "@%s", t->lang);
    if (t->datatype) {
      fputs("^^<", out);
      put_escaped(w, t->datatype, '>', RAPTOR_ESCAPED_WRITE_TURTLE_URI);
      fputc('>', out);
    }
    break;
  }
}

/* ---- JSON ---------------------------------------------------------------------------- */

static void put_json_term(const NgResultsWriter *w, const char *name, const NgTerm *t) {
  static const char *const types[] = {"", "uri", "bnode", "literal"};
  put_json_string(w, name);
  fprintf(w->out, ": { \"type\": \"%s\", \"value\": ", types[t->kind]);
  put_json_string(w, t->value);
  if (t->kind == NG_TERM_LITERAL && t->lang) {
    fputs(", \"xml:lang\": ", w->out);
    put_json_string(w, t->lang);
  }
  if (t->kind == NG_TERM_LITERAL && t->datatype) {
    fputs(", \"datatype\": ", w->out);
    put_json_string(w, t->datatype);
  }
  fputs(" }", w->out);
}

static void put_json_row(const NgResultsWriter *w, const NgTerm *row) {
  fputs(w->nr ? ",\n      {" : "\n      {", w->out);
  int first = 1;
  for (size_t j = 0; j < w->nc; ++j) {
    if (row[j].kind == NG_TERM_UNBOUND) continue;
    fputs(first ? " " : ", ", w->out);
    put_json_term(w, w->names[j], &row[j]);
    first = 0;
  }
  fputs(first ? "}" : " }", w->out);
}

static void put_json_head(const NgResultsWriter *w) {
  fputs("{\n  \"head\": {\n    \"vars\": [", w->out);
  for (size_t j = 0; j < w->nc; ++j) {
    fputs(j ? ", " : " ", w->out);
    put_json_string(w, w->names[j]);
  }
  fputs(w->nc ? " ]\n  },\n" : "]\n  },\n", w->out);
  fputs("  \"results\": {\n    \"bindings\": [", w->out);
}

/* ---- CSV ----------------------------------------------------------------------------- */

/* A value as the CSV and the table show it: an IRI, a literal's lexical
   form, _:label (owned; NULL when out of memory). */
static char *plain_value(const NgTerm *t) {
  if (t->kind == NG_TERM_UNBOUND) return dup_str("");
  if (t->kind != NG_TERM_BLANK) return dup_str(t->value);
  size_t len = strlen(t->value) + 3;
  char *c = malloc(len);
  if (c) snprintf(c, len, "_:%s", t->value);
  return c;
}

static NgStatus put_csv_row(const NgResultsWriter *w, const NgTerm *row) {
  char **cells = calloc(w->nc + 1, sizeof *cells);
  NgStatus st = cells ? NG_SUCCESS : NG_ERR_NOMEM;
  for (size_t j = 0; j < w->nc && !st; ++j)
    if (!(cells[j] = plain_value(&row[j]))) st = NG_ERR_NOMEM;
  if (!st) st = ng_write_csv_row(w->out, (const char *const *)cells, w->nc);
  for (size_t j = 0; cells && j < w->nc; ++j) free(cells[j]);
  free(cells);
  return st;
}

/* ---- the table ----------------------------------------------------------------------- */

/* Display width: code points (good enough for a terminal table). */
static size_t width(const char *s) {
  size_t w = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; ++p) w += (*p & 0xC0) != 0x80;
  return w;
}

/* A value as the table shows it: <iri>, a literal's text, _:blank, on one
   line (owned). */
static char *table_cell(const NgTerm *t) {
  char *c;
  if (t->kind == NG_TERM_IRI) {
    size_t len = strlen(t->value) + 3;
    if ((c = malloc(len))) snprintf(c, len, "<%s>", t->value);
  } else {
    c = plain_value(t);
  }
  for (char *p = c; p && *p; ++p)
    if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
  return c;
}

static NgStatus table_row(NgResultsWriter *w, const NgTerm *row) {
  if ((w->nr + 1) * w->nc > w->cap) {
    size_t ncap = w->cap ? w->cap * 2 : 64 * (w->nc + 1);
    char **nv = realloc(w->cells, ncap * sizeof *nv);
    if (!nv) return NG_ERR_NOMEM;
    w->cells = nv;
    w->cap = ncap;
  }
  char **cells = w->cells + w->nr * w->nc;
  for (size_t j = 0; j < w->nc; ++j) cells[j] = table_cell(&row[j]);
  ++w->nr; /* the writer frees the row, complete or not */
  for (size_t j = 0; j < w->nc; ++j)
    if (!cells[j]) return NG_ERR_NOMEM;
  return NG_SUCCESS;
}

/* The width of each column: its widest cell, and at least its ?name. */
static void column_widths(const NgResultsWriter *t, size_t *w) {
  for (size_t j = 0; j < t->nc; ++j) {
    w[j] = width(t->names[j]) + 1;
    for (size_t i = 0; i < t->nr; ++i)
      if (width(t->cells[i * t->nc + j]) > w[j]) w[j] = width(t->cells[i * t->nc + j]);
  }
}

static void repeat(int c, size_t n, FILE *out) {
  for (size_t k = 0; k < n; ++k) fputc(c, out);
}

static void print_header(const NgResultsWriter *t, const size_t *w) {
  for (size_t j = 0; j < t->nc; ++j)
    fprintf(t->out, "%s?%-*s", j ? "  " : "", j + 1 < t->nc ? (int)(w[j] - 1) : 0, t->names[j]);
  fputc('\n', t->out);
  for (size_t j = 0; j < t->nc; ++j) {
    fputs(j ? "  " : "", t->out);
    repeat('-', w[j], t->out);
  }
  fputc('\n', t->out);
}

static void print_row(const NgResultsWriter *t, const size_t *w, size_t i) {
  for (size_t j = 0; j < t->nc; ++j) {
    const char *c = t->cells[i * t->nc + j];
    fputs(j ? "  " : "", t->out);
    fputs(c, t->out);
    if (j + 1 < t->nc && width(c) < w[j]) repeat(' ', w[j] - width(c), t->out);
  }
  fputc('\n', t->out);
}

/* Aligned columns: a header of ?names, a rule, the rows, the row count. */
static NgStatus table_print(const NgResultsWriter *t) {
  size_t *w = calloc(t->nc + 1, sizeof *w);
  if (!w) return NG_ERR_NOMEM;
  column_widths(t, w);
  print_header(t, w);
  for (size_t i = 0; i < t->nr; ++i) print_row(t, w, i);
  fprintf(t->out, "(%zu row%s)\n", t->nr, t->nr == 1 ? "" : "s");
  free(w);
  return NG_SUCCESS;
}

/* ---- the writer ------------------------------------------------------------------------ */

void ng_results_discard(NgResultsWriter *w) {
  for (size_t i = 0; w->cells && i < w->nr * w->nc; ++i) free(w->cells[i]);
  free(w->cells);
  for (size_t j = 0; w->names && j < w->nc; ++j) free(w->names[j]);
  free(w->names);
  if (w->io) raptor_free_iostream(w->io);
  if (w->raptor) raptor_free_world(w->raptor);
  memset(w, 0, sizeof *w);
}

/* raptor's world and a stream onto w->out, for its escaping. */
static NgStatus open_escaper(NgResultsWriter *w) {
  if (!(w->raptor = raptor_new_world()) || raptor_world_open(w->raptor)) return NG_ERR_NOMEM;
  return (w->io = raptor_new_iostream_to_file_handle(w->raptor, w->out)) ? NG_SUCCESS : NG_ERR_NOMEM;
}

NgStatus ng_results_begin(NgResultsWriter *w, NgResults format, const char *const *names, size_t nc, FILE *out) {
  memset(w, 0, sizeof *w);
  w->format = format;
  w->out = out;
  if (!(w->names = calloc(nc + 1, sizeof *w->names))) return NG_ERR_NOMEM;
  for (; w->nc < nc; ++w->nc)
    if (!(w->names[w->nc] = dup_str(names[w->nc]))) return NG_ERR_NOMEM;
  if ((format == NG_RESULTS_TSV || format == NG_RESULTS_JSON) && open_escaper(w)) return NG_ERR_NOMEM;
  switch (format) {
  case NG_RESULTS_CSV: return ng_write_csv_row(out, (const char *const *)w->names, nc);
  case NG_RESULTS_TSV:
    for (size_t j = 0; j < nc; ++j) fprintf(out, "%s?%s", j ? "\t" : "", w->names[j]);
    fputc('\n', out);
    break;
  case NG_RESULTS_JSON: put_json_head(w); break;
  case NG_RESULTS_TABLE: break;
  }
  return NG_SUCCESS;
}

NgStatus ng_results_row(NgResultsWriter *w, const NgTerm *row) {
  NgStatus st = NG_SUCCESS;
  switch (w->format) {
  case NG_RESULTS_TABLE: return table_row(w, row);
  case NG_RESULTS_CSV: st = put_csv_row(w, row); break;
  case NG_RESULTS_TSV:
    for (size_t j = 0; j < w->nc; ++j) {
      if (j) fputc('\t', w->out);
      put_tsv_term(w, &row[j]);
    }
    fputc('\n', w->out);
    break;
  case NG_RESULTS_JSON: put_json_row(w, row); break;
  }
  if (w->format != NG_RESULTS_TABLE) ++w->nr;
  return st;
}

NgStatus ng_results_end(NgResultsWriter *w) {
  NgStatus st = NG_SUCCESS;
  if (w->format == NG_RESULTS_TABLE) st = table_print(w);
  if (w->format == NG_RESULTS_JSON) fputs(w->nr ? "\n    ]\n  }\n}\n" : " ]\n  }\n}\n", w->out);
  if (!st && ferror(w->out)) st = NG_ERR_IO;
  ng_results_discard(w);
  return st;
}

NgStatus ng_results_boolean(int value, NgResults format, FILE *out) {
  const char *v = value ? "true" : "false";
  switch (format) {
  case NG_RESULTS_JSON: fprintf(out, "{\n  \"head\": {},\n  \"boolean\": %s\n}\n", v); break;
  case NG_RESULTS_CSV: fprintf(out, "%s\r\n", v); break;
  case NG_RESULTS_TABLE:
  case NG_RESULTS_TSV: fprintf(out, "%s\n", v); break;
  }
  return ferror(out) ? NG_ERR_IO : NG_SUCCESS;
}
