/* Tests of text.h: reading, validation, normalization and offset maps. */
#include "check.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/ng-test-text-XXXXXX";

/* Write `len` bytes to <tmpdir>/<name>; the path goes to `path`. */
static void write_file(const char *name, const char *data, size_t len, char *path, size_t size) {
  snprintf(path, size, "%s/%s", tmpdir, name);
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  CHECK(fwrite(data, 1, len, f) == len);
  CHECK(fclose(f) == 0);
}

/* Read `len` bytes through a file; returns the status, *out as read. */
static NgStatus read_bytes(const char *name, const char *data, size_t len, NgText **out, size_t *off) {
  char path[512];
  write_file(name, data, len, path, sizeof path);
  NgStatus st = ng_text_read_file(path, out, off);
  unlink(path);
  return st;
}

static void test_read_plain(void) {
  NgText *t = NULL;
  const char s[] = "Hello, world.\nSecond line.\n";
  CHECK_INT_EQ(read_bytes("plain.txt", s, sizeof s - 1, &t, NULL), NG_SUCCESS);
  if (!CHECK(t != NULL)) return;
  CHECK_INT_EQ(t->len, sizeof s - 1);
  CHECK_STR_EQ(t->data, s);
  CHECK_INT_EQ(t->data[t->len], '\0');
  CHECK_INT_EQ(t->n_chars, sizeof s - 1); /* ASCII: one code point per byte */
  CHECK_INT_EQ(t->cp[t->len], t->n_chars);
  ng_text_free(t);
}

static void test_crlf(void) {
  NgText *t = NULL;
  const char s[] = "one\r\ntwo\rthree\r\n\r\nfour";
  CHECK_INT_EQ(read_bytes("crlf.txt", s, sizeof s - 1, &t, NULL), NG_SUCCESS);
  if (!CHECK(t != NULL)) return;
  CHECK_STR_EQ(t->data, "one\ntwo\nthree\n\nfour");
  CHECK_INT_EQ(t->len, strlen("one\ntwo\nthree\n\nfour"));
  CHECK(memchr(t->data, '\r', t->len) == NULL);
  ng_text_free(t);

  /* a trailing lone CR */
  CHECK_INT_EQ(ng_text_from_buffer("a\r", 2, &t, NULL), NG_SUCCESS);
  if (CHECK(t != NULL)) CHECK_STR_EQ(t->data, "a\n");
  ng_text_free(t);
}

static void test_bom(void) {
  NgText *t = NULL;
  const char s[] = "\xEF\xBB\xBFKerry\xE2\x80\x99s visit";
  CHECK_INT_EQ(read_bytes("bom.txt", s, sizeof s - 1, &t, NULL), NG_SUCCESS);
  if (!CHECK(t != NULL)) return;
  CHECK_STR_EQ(t->data, "Kerry\xE2\x80\x99s visit");
  CHECK_INT_EQ(t->len, sizeof s - 1 - 3);
  CHECK_INT_EQ(t->n_chars, 13); /* K e r r y ’ s _ v i s i t */
  ng_text_free(t);

  /* a BOM alone is empty input */
  t = NULL;
  CHECK_INT_EQ(ng_text_from_buffer("\xEF\xBB\xBF", 3, &t, NULL), NG_ERR_EMPTY);
  CHECK(t == NULL);
}

static void test_empty(void) {
  NgText *t = (NgText *)1;
  CHECK_INT_EQ(read_bytes("empty.txt", "", 0, &t, NULL), NG_ERR_EMPTY);
  CHECK(t == NULL);
  t = NULL;
  const char ws[] = " \t\n\r\n  \n";
  CHECK_INT_EQ(read_bytes("ws.txt", ws, sizeof ws - 1, &t, NULL), NG_ERR_EMPTY);
  CHECK(t == NULL);
  CHECK_INT_EQ(ng_text_from_buffer(ws, sizeof ws - 1, &t, NULL), NG_ERR_EMPTY);
  CHECK(t == NULL);
  CHECK_INT_EQ(ng_text_from_buffer("", 0, &t, NULL), NG_ERR_EMPTY);
  CHECK(t == NULL);
}

static void test_binary(void) {
  NgText *t = NULL;
  size_t off = 999;
  const char s[] = "abc\0def";
  CHECK_INT_EQ(read_bytes("bin.dat", s, sizeof s - 1, &t, &off), NG_ERR_BINARY);
  CHECK(t == NULL);
  CHECK_INT_EQ(off, 3);
  /* the offset is of the original bytes, BOM and CRs included */
  off = 999;
  const char s2[] = "\xEF\xBB\xBF\r\n\r\nx\0";
  CHECK_INT_EQ(ng_text_from_buffer(s2, sizeof s2 - 1, &t, &off), NG_ERR_BINARY);
  CHECK_INT_EQ(off, 8);
  /* err_offset may be NULL */
  CHECK_INT_EQ(ng_text_from_buffer(s, sizeof s - 1, &t, NULL), NG_ERR_BINARY);
  CHECK(t == NULL);
}

static void test_utf8(void) {
  NgText *t = NULL;
  size_t off = 999;
  CHECK_INT_EQ(read_bytes("bad.txt", "ab\xC3\x28", 4, &t, &off), NG_ERR_UTF8);
  CHECK(t == NULL);
  CHECK_INT_EQ(off, 2);

  struct {
    const char *s;
    size_t len, off;
  } cases[] = {
      {"\xFF", 1, 0},                        /* never valid */
      {"abc\xE2\x80", 5, 3},                 /* truncated at the end */
      {"x\xC0\xAF", 3, 1},                   /* overlong "/" */
      {"ok \xE2\x80\x99 then \x80", 13, 12}, /* lone continuation byte */
      {"\xED\xA0\x80", 3, 0},                /* UTF-16 surrogate */
      {"\xF4\x90\x80\x80", 4, 0},            /* above U+10FFFF */
      {"\xEF\xBB\xBF"
       "a\r\nb\xC3",
       8, 7}, /* offset counts BOM and CR */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    off = 999;
    t = NULL;
    if (!CHECK_INT_EQ(ng_text_from_buffer(cases[i].s, cases[i].len, &t, &off), NG_ERR_UTF8))
      fprintf(stderr, "  (case %zu)\n", i);
    CHECK(t == NULL);
    if (!CHECK_INT_EQ(off, cases[i].off)) fprintf(stderr, "  (case %zu)\n", i);
    ng_text_free(t);
  }

  /* valid multibyte text of every length is accepted */
  const char ok[] = "caf\xC3\xA9 \xE2\x80\x99 \xD0\x9B \xF0\x9F\x98\x80";
  CHECK_INT_EQ(ng_text_from_buffer(ok, sizeof ok - 1, &t, &off), NG_SUCCESS);
  if (CHECK(t != NULL)) CHECK_INT_EQ(t->n_chars, 10);
  ng_text_free(t);
}

static void test_dir_and_missing(void) {
  NgText *t = NULL;
  CHECK_INT_EQ(ng_text_read_file(tmpdir, &t, NULL), NG_ERR_ISDIR);
  CHECK(t == NULL);
  char path[512];
  snprintf(path, sizeof path, "%s/no-such-file.txt", tmpdir);
  CHECK_INT_EQ(ng_text_read_file(path, &t, NULL), NG_ERR_NOENT);
  CHECK(t == NULL);
  snprintf(path, sizeof path, "%s/no-such-dir/file.txt", tmpdir);
  CHECK_INT_EQ(ng_text_read_file(path, &t, NULL), NG_ERR_NOENT);
  CHECK(t == NULL);
}

static void test_char_offset(void) {
  NgText *t = NULL;
  /* K e r r y ’(3 bytes) s */
  const char s[] = "Kerry\xE2\x80\x99s visit to Sochi";
  CHECK_INT_EQ(ng_text_from_buffer(s, sizeof s - 1, &t, NULL), NG_SUCCESS);
  if (!CHECK(t != NULL)) return;
  CHECK_INT_EQ(t->len, sizeof s - 1);
  CHECK_INT_EQ(t->n_chars, sizeof s - 1 - 2);
  CHECK_INT_EQ(ng_text_char_offset(t, 0), 0);
  CHECK_INT_EQ(ng_text_char_offset(t, 5), 5); /* at ’ */
  CHECK_INT_EQ(ng_text_char_offset(t, 8), 6); /* at s, after ’ */
  CHECK_INT_EQ(ng_text_char_offset(t, 9), 7); /* the space */
  const char *sochi = strstr(t->data, "Sochi");
  CHECK_INT_EQ(ng_text_char_offset(t, (size_t)(sochi - t->data)), (size_t)(sochi - t->data) - 2);
  CHECK_INT_EQ(ng_text_char_offset(t, t->len), t->n_chars);
  CHECK_INT_EQ(ng_text_char_offset(t, t->len + 100), t->n_chars); /* clamped */
  ng_text_free(t);

  /* é (2 bytes), Л (2 bytes), 😀 (4 bytes) */
  const char m[] = "\xC3\xA9\xD0\x9B\xF0\x9F\x98\x80z";
  CHECK_INT_EQ(ng_text_from_buffer(m, sizeof m - 1, &t, NULL), NG_SUCCESS);
  if (!CHECK(t != NULL)) return;
  CHECK_INT_EQ(t->n_chars, 4);
  CHECK_INT_EQ(ng_text_char_offset(t, 2), 1);
  CHECK_INT_EQ(ng_text_char_offset(t, 4), 2);
  CHECK_INT_EQ(ng_text_char_offset(t, 8), 3);
  CHECK_INT_EQ(ng_text_char_offset(t, 9), 4);
  ng_text_free(t);
}

static void test_line_col(void) {
  NgText *t = NULL;
  const char s[] = "first line\r\nthe caf\xC3\xA9 is\n\nKerry\xE2\x80\x99s";
  CHECK_INT_EQ(ng_text_from_buffer(s, sizeof s - 1, &t, NULL), NG_SUCCESS);
  if (!CHECK(t != NULL)) return;
  unsigned line = 0, col = 0;
  ng_text_line_col(t, 0, &line, &col);
  CHECK_INT_EQ(line, 1);
  CHECK_INT_EQ(col, 1);
  ng_text_line_col(t, 6, &line, &col); /* "line" */
  CHECK_INT_EQ(line, 1);
  CHECK_INT_EQ(col, 7);
  const char *is = strstr(t->data, " is") + 1;
  ng_text_line_col(t, (size_t)(is - t->data), &line, &col);
  CHECK_INT_EQ(line, 2);
  CHECK_INT_EQ(col, 10); /* t h e _ c a f é _ i: é counts once */
  const char *k = strstr(t->data, "Kerry");
  ng_text_line_col(t, (size_t)(k - t->data), &line, &col);
  CHECK_INT_EQ(line, 4);
  CHECK_INT_EQ(col, 1);
  ng_text_line_col(t, (size_t)(k - t->data) + 8, &line, &col); /* the s after ’ */
  CHECK_INT_EQ(line, 4);
  CHECK_INT_EQ(col, 7);
  ng_text_line_col(t, t->len + 5, &line, &col); /* clamped to the end */
  CHECK_INT_EQ(line, 4);
  CHECK_INT_EQ(col, 8);
  ng_text_free(t);
}

static void test_stdin(void) {
  /* "-" reads standard input, with the same validation */
  char path[512];
  const char s[] = "\xEF\xBB\xBF"
                   "from\r\nstdin \xE2\x80\x99";
  write_file("stdin.txt", s, sizeof s - 1, path, sizeof path);
  if (!CHECK(freopen(path, "rb", stdin) != NULL)) return;
  NgText *t = NULL;
  CHECK_INT_EQ(ng_text_read_file("-", &t, NULL), NG_SUCCESS);
  if (CHECK(t != NULL)) {
    CHECK_STR_EQ(t->data, "from\nstdin \xE2\x80\x99");
    CHECK_INT_EQ(t->n_chars, 12);
  }
  ng_text_free(t);
  unlink(path);
  /* a path that merely contains "-" is a file */
  t = NULL;
  CHECK_INT_EQ(read_bytes("a-b.txt", "dash", 4, &t, NULL), NG_SUCCESS);
  if (CHECK(t != NULL)) CHECK_STR_EQ(t->data, "dash");
  ng_text_free(t);
}

/* UTF-16 and UTF-32 are named, with or without a byte-order mark; binary
   data stays binary. */
static void test_encodings(void) {
  static const struct {
    const char *s;
    size_t len;
    const char *want; /* NULL: binary */
  } cases[] = {
      {"\xFF\xFEH\0i\0", 6, "UTF-16LE"},
      {"\xFE\xFF\0H\0i", 6, "UTF-16BE"},
      {"\xFF\xFE\0\0H\0\0\0", 8, "UTF-32LE"},
      {"\0\0\xFE\xFFH\0\0\0", 8, "UTF-32BE"},
      {"H\0i\0 \0t\0h\0e\0r\0e\0", 16, "UTF-16LE"},
      {"\0H\0i\0 \0t\0h\0e\0r\0e", 16, "UTF-16BE"},
      {"H\0\0\0i\0\0\0!\0\0\0", 12, "UTF-32LE"},
      {"\0\0\0H\0\0\0i\0\0\0!", 12, "UTF-32BE"},
      /* Cyrillic UTF-16LE without a byte-order mark: only the space has a
         NUL byte, too few to tell it from binary data */
      {"\x14\x04\x30\x04 \0\x34\x04\x30\x04", 10, NULL},
      {"abc\0def", 7, NULL},
      {"\0\0\0\0\0\0\0\0", 8, NULL},
      {"\x7F"
       "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3E\0",
       20, NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    NgText *t = NULL;
    char path[512];
    write_file("enc.txt", cases[i].s, cases[i].len, path, sizeof path);
    NgTextError e;
    NgStatus st = ng_text_read(path, NG_TEXT_MAX_BYTES, &t, &e);
    unlink(path);
    CHECK(t == NULL);
    if (cases[i].want) {
      if (CHECK_INT_EQ(st, NG_ERR_ENCODING)) CHECK_STR_EQ(e.encoding, cases[i].want);
    } else {
      CHECK_INT_EQ(st, NG_ERR_BINARY);
    }
    /* the same from a buffer */
    CHECK_INT_EQ(ng_text_from_buffer(cases[i].s, cases[i].len, &t, NULL), st);
  }
  NgTextError e = {.encoding = "UTF-16LE"};
  char msg[256];
  ng_text_describe(NG_ERR_ENCODING, &e, msg, sizeof msg);
  CHECK_STR_EQ(msg, "UTF-16LE text, not UTF-8 (convert it with iconv -f UTF-16LE -t UTF-8)");
}

/* A limit on the size, and the line of a bad byte. */
static void test_limit_and_line(void) {
  NgText *t = NULL;
  char path[512];
  NgTextError e;
  write_file("limit.txt", "0123456789", 10, path, sizeof path);
  CHECK_INT_EQ(ng_text_read(path, 10, &t, &e), NG_SUCCESS);
  ng_text_free(t);
  CHECK_INT_EQ(ng_text_read(path, 9, &t, &e), NG_ERR_TOOBIG);
  CHECK(t == NULL);
  CHECK_INT_EQ(e.limit, 9);
  char msg[256];
  ng_text_describe(NG_ERR_TOOBIG, &e, msg, sizeof msg);
  CHECK_STR_EQ(msg, "too large (more than 9 bytes)");
  unlink(path);
  /* LF, CRLF and a lone CR each end a line */
  const char s[] = "a\nb\r\nc\rd \xFF";
  write_file("line.txt", s, sizeof s - 1, path, sizeof path);
  CHECK_INT_EQ(ng_text_read(path, NG_TEXT_MAX_BYTES, &t, &e), NG_ERR_UTF8);
  CHECK_INT_EQ(e.offset, 9);
  CHECK_INT_EQ(e.line, 4);
  ng_text_describe(NG_ERR_UTF8, &e, msg, sizeof msg);
  CHECK_STR_EQ(msg, "invalid UTF-8 at byte offset 9");
  unlink(path);
  /* err may be NULL */
  CHECK_INT_EQ(ng_text_read("/nonexistent/ng-text", 10, &t, NULL), NG_ERR_NOENT);
}

int main(void) {
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 1;
  }
  ng_text_free(NULL); /* no-op */
  CHECK(1);
  test_read_plain();
  test_crlf();
  test_bom();
  test_empty();
  test_binary();
  test_utf8();
  test_dir_and_missing();
  test_char_offset();
  test_line_col();
  test_stdin();
  test_encodings();
  test_limit_and_line();
  CHECK(rmdir(tmpdir) == 0);
  return check_report();
}
