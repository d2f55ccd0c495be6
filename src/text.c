#include "text.h"

#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Double the buffer *b of *cap bytes, unless it already holds more than
   the largest accepted input. */
static NgStatus grow(char **b, size_t *cap) {
  if (*cap > NG_TEXT_MAX_BYTES) return NG_ERR_TOOBIG;
  char *nb = realloc(*b, *cap * 2);
  if (!nb) return NG_ERR_NOMEM;
  *b = nb;
  *cap *= 2;
  return NG_SUCCESS;
}

/* All of f into *buf (owned by the caller), *len bytes. */
static NgStatus slurp(FILE *f, char **buf, size_t *len) {
  size_t cap = 65536, n = 0;
  char *b = malloc(cap);
  if (!b) return NG_ERR_NOMEM;
  NgStatus st = NG_SUCCESS;
  for (size_t got = 1; !st && got; n += got) {
    got = 0;
    if (n == cap) st = grow(&b, &cap);
    if (!st) got = fread(b + n, 1, cap - n, f);
  }
  if (!st && ferror(f)) st = NG_ERR_IO;
  if (!st && n > NG_TEXT_MAX_BYTES) st = NG_ERR_TOOBIG;
  if (st) {
    free(b);
    return st;
  }
  *buf = b;
  *len = n;
  return NG_SUCCESS;
}

NgStatus ng_text_read_file(const char *path, NgText **out, size_t *err_offset) {
  *out = NULL;
  FILE *f;
  int is_stdin = strcmp(path, "-") == 0;
  if (is_stdin) {
    f = stdin;
  } else {
    struct stat st;
    if (stat(path, &st) != 0) return errno == ENOENT ? NG_ERR_NOENT : NG_ERR_IO;
    if (S_ISDIR(st.st_mode)) return NG_ERR_ISDIR;
    f = fopen(path, "rb");
    if (!f) return errno == ENOENT ? NG_ERR_NOENT : NG_ERR_IO;
  }
  char *buf = NULL;
  size_t len = 0;
  NgStatus st = slurp(f, &buf, &len);
  if (!is_stdin) fclose(f);
  if (st) return st;
  st = ng_text_from_buffer(buf, len, out, err_offset);
  free(buf);
  return st;
}

/* Input that is too big, holds a NUL byte or is not UTF-8. */
static NgStatus check_bytes(const char *buf, size_t len, size_t *err_offset) {
  if (len > NG_TEXT_MAX_BYTES) return NG_ERR_TOOBIG;
  const void *nul = memchr(buf, '\0', len);
  if (nul) {
    if (err_offset) *err_offset = (size_t)((const char *)nul - buf);
    return NG_ERR_BINARY;
  }
  size_t valid = ng_utf8_valid_prefix(buf, len);
  if (valid != len) {
    if (err_offset) *err_offset = valid;
    return NG_ERR_UTF8;
  }
  return NG_SUCCESS;
}

/* t->data: buf without a leading byte-order mark, CRLF and lone CR as LF. */
static NgStatus copy_normalized(NgText *t, const char *buf, size_t len) {
  size_t start = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (!(t->data = malloc(len - start + 1))) return NG_ERR_NOMEM;
  size_t n = 0;
  for (size_t i = start; i < len; ++i) {
    if (buf[i] != '\r') {
      t->data[n++] = buf[i];
      continue;
    }
    t->data[n++] = '\n';
    if (i + 1 < len && buf[i + 1] == '\n') ++i;
  }
  t->data[n] = '\0';
  t->len = n;
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

NgStatus ng_text_from_buffer(const char *buf, size_t len, NgText **out, size_t *err_offset) {
  *out = NULL;
  NgStatus st = check_bytes(buf, len, err_offset);
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
