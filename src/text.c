#include "text.h"

#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Grow the buffer *b of *cap bytes (doubling, up to max + 1 bytes: one
   more than accepted, to tell a file of max bytes from a longer one). */
static NgStatus grow(char **b, size_t *cap, size_t max) {
  if (*cap > max) return NG_ERR_TOOBIG;
  size_t nc = *cap > (max + 1) / 2 ? max + 1 : *cap * 2;
  char *nb = realloc(*b, nc);
  if (!nb) return NG_ERR_NOMEM;
  *b = nb;
  *cap = nc;
  return NG_SUCCESS;
}

/* All of f, at most max bytes, into *buf (owned by the caller), *len
   bytes. */
static NgStatus slurp(FILE *f, size_t max, char **buf, size_t *len, NgTextError *e) {
  size_t cap = max < 65535 ? max + 1 : 65536, n = 0;
  char *b = malloc(cap);
  if (!b) return NG_ERR_NOMEM;
  NgStatus st = NG_SUCCESS;
  for (size_t got = 1; !st && got; n += got) {
    got = 0;
    if (n == cap) st = grow(&b, &cap, max);
    if (!st) got = fread(b + n, 1, cap - n, f);
  }
  if (!st && ferror(f)) {
    e->errnum = errno;
    st = NG_ERR_IO;
  }
  if (st) {
    free(b);
    return st;
  }
  *buf = b;
  *len = n;
  return NG_SUCCESS;
}

/* Open `path` for reading ("-": standard input, *is_stdin set). */
static NgStatus open_input(const char *path, FILE **f, int *is_stdin, NgTextError *e) {
  *is_stdin = strcmp(path, "-") == 0;
  if (*is_stdin) {
    *f = stdin;
    return NG_SUCCESS;
  }
  struct stat sb;
  if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) return NG_ERR_ISDIR;
  if (!(*f = fopen(path, "rb"))) {
    e->errnum = errno;
    return errno == ENOENT ? NG_ERR_NOENT : NG_ERR_IO;
  }
  return NG_SUCCESS;
}

static NgStatus text_from_buffer(const char *buf, size_t len, size_t max, NgText **out, NgTextError *e);

NgStatus ng_text_read(const char *path, size_t max, NgText **out, NgTextError *err) {
  NgTextError scratch = {0};
  NgTextError *e = err ? err : &scratch;
  memset(e, 0, sizeof *e);
  *out = NULL;
  FILE *f = NULL;
  int is_stdin = 0;
  NgStatus st = open_input(path, &f, &is_stdin, e);
  if (st) return st;
  char *buf = NULL;
  size_t len = 0;
  st = slurp(f, max, &buf, &len, e);
  if (!is_stdin) fclose(f);
  if (st == NG_ERR_TOOBIG) e->limit = max;
  if (st) return st;
  st = text_from_buffer(buf, len, max, out, e);
  free(buf);
  return st;
}

NgStatus ng_text_read_file(const char *path, NgText **out, size_t *err_offset) {
  NgTextError e;
  NgStatus st = ng_text_read(path, NG_TEXT_MAX_BYTES, out, &e);
  if (err_offset && (st == NG_ERR_UTF8 || st == NG_ERR_BINARY)) *err_offset = e.offset;
  return st;
}

/* The line (from 1) of byte offset `off` of buf: LF, CRLF and CR end a
   line. */
static size_t line_of(const char *buf, size_t off) {
  size_t line = 1;
  for (size_t i = 0; i < off; ++i) line += buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= off || buf[i + 1] != '\n'));
  return line;
}

/* The byte-order marks of UTF-32 and UTF-16 (UTF-32LE's begins with
   UTF-16LE's: it comes first). */
static const struct {
  const char *bom;
  size_t len;
  const char *name;
} BOMS[] = {{"\xFF\xFE\0\0", 4, "UTF-32LE"},
            {"\0\0\xFE\xFF", 4, "UTF-32BE"},
            {"\xFF\xFE", 2, "UTF-16LE"},
            {"\xFE\xFF", 2, "UTF-16BE"}};

/* Bytes looked at to guess an encoding from its NUL bytes. */
#define SAMPLE_BYTES ((size_t)65536)

/* The encoding that the NUL bytes of buf[0..len) follow: in UTF-32 text
   of the Basic Multilingual Plane the two high bytes of every character
   are NUL, in UTF-16 text of Latin script the high byte of most (half of
   them at least, and nearly no low byte); in binary data NULs fall
   anywhere.  NULL when it is neither. */
static const char *nul_pattern(const char *buf, size_t len) {
  size_t n = 0, z[4] = {0, 0, 0, 0};
  for (; n < len && n < SAMPLE_BYTES; ++n) z[n % 4] += buf[n] == '\0';
  size_t quads = n / 4, pairs = n / 2, even = z[0] + z[2], odd = z[1] + z[3];
  if (quads && z[2] * 10 >= quads * 9 && z[3] * 10 >= quads * 9 && z[0] * 10 < quads) return "UTF-32LE";
  if (quads && z[0] * 10 >= quads * 9 && z[1] * 10 >= quads * 9 && z[3] * 10 < quads) return "UTF-32BE";
  if (pairs && odd * 2 >= pairs && even * 10 <= odd) return "UTF-16LE";
  if (pairs && even * 2 >= pairs && odd * 10 <= even) return "UTF-16BE";
  return NULL;
}

/* Input that is too big, in UTF-16 or UTF-32, holds a NUL byte or is not
   UTF-8. */
static NgStatus check_bytes(const char *buf, size_t len, size_t max, NgTextError *e) {
  if (len > max) {
    e->limit = max;
    return NG_ERR_TOOBIG;
  }
  for (size_t i = 0; i < sizeof BOMS / sizeof BOMS[0]; ++i)
    if (len >= BOMS[i].len && memcmp(buf, BOMS[i].bom, BOMS[i].len) == 0) {
      e->encoding = BOMS[i].name;
      return NG_ERR_ENCODING;
    }
  const char *nul = memchr(buf, '\0', len);
  if (nul && (e->encoding = nul_pattern(buf, len))) return NG_ERR_ENCODING;
  size_t valid = nul ? (size_t)(nul - buf) : ng_utf8_valid_prefix(buf, len);
  e->noncharacter = 0;
  if (valid == len && (valid = ng_utf8_noncharacter(buf, len)) < len)
    e->noncharacter = (unsigned char)buf[valid + 2] == 0xBE ? 0xFFFE : 0xFFFF;
  if (valid == len) return NG_SUCCESS;
  e->offset = valid;
  e->line = line_of(buf, valid);
  return nul ? NG_ERR_BINARY : NG_ERR_UTF8;
}

void ng_text_describe(NgStatus st, const NgTextError *e, char *out, size_t size) {
  switch (st) {
  case NG_ERR_UTF8:
    if (e->noncharacter)
      snprintf(out, size, "noncharacter U+%04X at byte offset %zu (no RDF or XML output can hold it)",
               (unsigned)e->noncharacter, e->offset);
    else
      snprintf(out, size, "invalid UTF-8 at byte offset %zu", e->offset);
    break;
  case NG_ERR_BINARY: snprintf(out, size, "binary data (NUL byte at offset %zu), not text", e->offset); break;
  case NG_ERR_ENCODING:
    snprintf(out, size, "%s text, not UTF-8 (convert it with iconv -f %s -t UTF-8)", e->encoding, e->encoding);
    break;
  case NG_ERR_TOOBIG: snprintf(out, size, "too large (more than %zu bytes)", e->limit); break;
  case NG_ERR_IO: snprintf(out, size, "cannot read: %s", strerror(e->errnum)); break;
  default: snprintf(out, size, "%s", ng_strerror(st)); break;
  }
}

/* t->data: buf without a leading byte-order mark, CRLF and lone CR as LF. */
size_t ng_text_copy_lf(const char *in, size_t len, char *out) {
  size_t n = 0;
  for (size_t i = 0; i < len; ++i) {
    if (in[i] != '\r') {
      out[n++] = in[i];
      continue;
    }
    out[n++] = '\n';
    if (i + 1 < len && in[i + 1] == '\n') ++i;
  }
  out[n] = '\0';
  return n;
}

static NgStatus copy_normalized(NgText *t, const char *buf, size_t len) {
  size_t start = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (!(t->data = malloc(len - start + 1))) return NG_ERR_NOMEM;
  t->len = ng_text_copy_lf(buf + start, len - start, t->data);
  return NG_SUCCESS;
}

/* Something other than white space. */
static int has_text(const char *s, size_t n) {
  for (size_t i = 0, k; i < n; i += k)
    if (!ng_uc_is_space(ng_utf8_decode(s + i, n - i, &k))) return 1;
  return 0;
}

/* t->cp and t->n_chars: code points before each byte offset. */
static NgStatus map_code_points(NgText *t) {
  if (!(t->cp = malloc((t->len + 1) * sizeof *t->cp))) return NG_ERR_NOMEM;
  uint32_t c = 0;
  for (size_t i = 0; i < t->len; ++i) {
    t->cp[i] = c;
    if (((unsigned char)t->data[i] & 0xC0) != 0x80) ++c; /* a lead byte */
  }
  t->cp[t->len] = c;
  t->n_chars = c;
  return NG_SUCCESS;
}

/* t->lines: where each line starts. */
static NgStatus index_lines(NgText *t) {
  size_t nl = 1;
  for (size_t i = 0; i < t->len; ++i) nl += t->data[i] == '\n';
  if (!(t->lines = malloc(nl * sizeof *t->lines))) return NG_ERR_NOMEM;
  t->lines[0] = 0;
  t->n_lines = 1;
  for (size_t i = 0; i < t->len; ++i)
    if (t->data[i] == '\n') t->lines[t->n_lines++] = i + 1;
  return NG_SUCCESS;
}

static NgStatus text_from_buffer(const char *buf, size_t len, size_t max, NgText **out, NgTextError *e) {
  *out = NULL;
  NgStatus st = check_bytes(buf, len, max, e);
  if (st) return st;
  NgText *t = calloc(1, sizeof *t);
  if (!t) return NG_ERR_NOMEM;
  st = copy_normalized(t, buf, len);
  if (!st && !has_text(t->data, t->len)) st = NG_ERR_EMPTY;
  if (!st) st = map_code_points(t);
  if (!st) st = index_lines(t);
  if (st) {
    ng_text_free(t);
    return st;
  }
  *out = t;
  return NG_SUCCESS;
}

NgStatus ng_text_from_buffer(const char *buf, size_t len, NgText **out, size_t *err_offset) {
  NgTextError e;
  memset(&e, 0, sizeof e);
  NgStatus st = text_from_buffer(buf, len, NG_TEXT_MAX_BYTES, out, &e);
  if (err_offset && (st == NG_ERR_UTF8 || st == NG_ERR_BINARY)) *err_offset = e.offset;
  return st;
}

size_t ng_text_char_offset(const NgText *t, size_t byte) {
  if (byte > t->len) byte = t->len;
  return t->cp[byte];
}

void ng_text_line_col(const NgText *t, size_t byte, unsigned *line, unsigned *col) {
  if (byte > t->len) byte = t->len;
  size_t lo = 0, hi = t->n_lines; /* last line start <= byte */
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (t->lines[mid] <= byte)
      lo = mid;
    else
      hi = mid;
  }
  *line = (unsigned)lo + 1;
  *col = (unsigned)(t->cp[byte] - t->cp[t->lines[lo]]) + 1;
}

size_t ng_text_clean(const char *s, size_t a, size_t b, char *out, size_t size) {
  size_t n = 0;
  int sp = 0;
  if (!size) return 0;
  for (size_t i = a; i < b && n + 5 < size; ++i) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == ' ' || ch == '\n' || ch == '\t') {
      sp = 1;
      continue;
    }
    if (ch == 0xC2 && i + 1 < b && (unsigned char)s[i + 1] == 0xA0) {
      sp = 1;
      ++i;
      continue;
    }
    if (ch == '"') continue;
    if (ch == 0xE2 && i + 2 < b && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D)) {
      i += 2;
      continue;
    }
    if (sp && n) out[n++] = ' ';
    sp = 0;
    out[n++] = (char)ch;
  }
  out[n] = '\0';
  return n;
}

void ng_text_free(NgText *t) {
  if (!t) return;
  free(t->data);
  free(t->cp);
  free(t->lines);
  free(t);
}
