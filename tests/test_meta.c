/* Tests of meta.h: the metadata file read with the text reader's checks,
   lines of any length, values checked as UTF-8, real calendar dates. */
#include "check.h"
#include "meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/ng-test-meta-XXXXXX";

/* Read data[0..len) as a metadata file into *m; the status, err filled. */
static NgStatus read_meta(const char *data, size_t len, NgMeta *m, char *err, size_t es) {
  char path[512];
  snprintf(path, sizeof path, "%s/a.meta", tmpdir);
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return NG_ERR_IO;
  size_t written = fwrite(data, 1, len, f);
  int closed = fclose(f);
  CHECK(written == len && closed == 0);
  NgStatus st = ng_meta_read_file(path, m, err, es);
  unlink(path);
  return st;
}

static void test_read(void) {
  NgMeta m;
  memset(&m, 0, sizeof m);
  char err[512] = "";
  const char s[] =
      "\xEF\xBB\xBF# a comment\r\nTitle : Harbour talks\r\n\r\npublisher:Example Daily\rdate: 2016-02-29\n";
  CHECK_INT_EQ(read_meta(s, sizeof s - 1, &m, err, sizeof err), NG_SUCCESS);
  CHECK_STR_EQ(m.title, "Harbour talks");
  CHECK_STR_EQ(m.publisher, "Example Daily");
  CHECK_STR_EQ(m.date, "2016-02-29");
  ng_meta_clear(&m);
  /* an empty file, or only blanks, sets nothing */
  CHECK_INT_EQ(read_meta("", 0, &m, err, sizeof err), NG_SUCCESS);
  CHECK_INT_EQ(read_meta(" \n\n", 3, &m, err, sizeof err), NG_SUCCESS);
  CHECK(m.title == NULL);
  /* missing */
  CHECK_INT_EQ(ng_meta_read_file("/nonexistent/ng.meta", &m, err, sizeof err), NG_ERR_NOENT);
  CHECK_STR_EQ(err, "no such file");
  /* "-" is a file name, not standard input */
  CHECK_INT_EQ(ng_meta_read_file("-", &m, NULL, 0), NG_ERR_NOENT);
}

/* A line of any length is one line: what lies past 4,095 bytes is no key. */
static void test_long_line(void) {
  size_t pad = 100000;
  const char head[] = "title: ", tail[] = "url: http://injected.example/\nlanguage: de\n";
  char *s = malloc(sizeof head + pad + sizeof tail);
  CHECK(s != NULL);
  if (!s) return;
  memcpy(s, head, sizeof head - 1);
  memset(s + sizeof head - 1, 'x', pad);
  memcpy(s + sizeof head - 1 + pad, tail, sizeof tail);
  NgMeta m;
  memset(&m, 0, sizeof m);
  char err[256] = "";
  CHECK_INT_EQ(read_meta(s, strlen(s), &m, err, sizeof err), NG_SUCCESS);
  CHECK(m.url == NULL);
  CHECK(m.title && strlen(m.title) == pad + strlen("url: http://injected.example/"));
  CHECK_STR_EQ(m.language, "de");
  ng_meta_clear(&m);
  free(s);
}

static void test_bad_bytes(void) {
  NgMeta m;
  memset(&m, 0, sizeof m);
  char err[256] = "";
  const char utf8[] = "date: 2015\ntitle: Caf\xE9\n";
  CHECK_INT_EQ(read_meta(utf8, sizeof utf8 - 1, &m, err, sizeof err), NG_ERR_UTF8);
  CHECK_STR_EQ(err, "line 2: invalid UTF-8 at byte offset 21");
  const char nul[] = "title: Cut\0here\n";
  CHECK_INT_EQ(read_meta(nul, sizeof nul - 1, &m, err, sizeof err), NG_ERR_BINARY);
  CHECK_STR_EQ(err, "line 1: binary data (NUL byte at offset 10), not text");
  const char u16[] = "\xFF\xFEt\0i\0";
  CHECK_INT_EQ(read_meta(u16, sizeof u16 - 1, &m, err, sizeof err), NG_ERR_ENCODING);
  CHECK(strstr(err, "UTF-16LE") != NULL);
  /* the size limit */
  char *big = malloc(NG_META_MAX_BYTES + 2);
  if (CHECK(big != NULL)) {
    memset(big, '#', NG_META_MAX_BYTES + 1);
    CHECK_INT_EQ(read_meta(big, NG_META_MAX_BYTES + 1, &m, err, sizeof err), NG_ERR_TOOBIG);
    CHECK_INT_EQ(read_meta(big, NG_META_MAX_BYTES, &m, err, sizeof err), NG_SUCCESS);
    free(big);
  }
  ng_meta_clear(&m);
}

/* ng_meta_set: dates of the calendar, values of UTF-8. */
static void test_set(void) {
  static const char *const good[] = {"2015",       "2015-02",    "2016-02-29", "2000-02-29",
                                     "2015-12-31", "2015-04-30", "0001-01-01", "9999-12-31"};
  static const char *const bad[] = {"2015-02-30", "2015-02-29", "1900-02-29", "2015-04-31", "2015-06-31",
                                    "2015-13",    "2015-00",    "2015-01-00", "2015-01-32", "0000",
                                    "0000-01-01", "15-01-01",   "2015/01/01", "2015-1-1",   "yesterday"};
  NgMeta m;
  memset(&m, 0, sizeof m);
  char err[256];
  for (size_t i = 0; i < sizeof good / sizeof good[0]; ++i)
    CHECK_INT_EQ(ng_meta_set(&m, "date", good[i], err, sizeof err), NG_SUCCESS);
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
    CHECK_INT_EQ(ng_meta_set(&m, "date", bad[i], err, sizeof err), NG_ERR_SYNTAX);
    CHECK(strstr(err, bad[i]) != NULL);
  }
  CHECK_STR_EQ(m.date, "9999-12-31"); /* a refused value changes nothing */
  CHECK_INT_EQ(ng_meta_set(&m, "date", "2015-02-30", err, sizeof err), NG_ERR_SYNTAX);
  CHECK_STR_EQ(err, "date '2015-02-30' is not a calendar date: February 2015 has 28 days");
  CHECK_INT_EQ(ng_meta_set(&m, "title", "Caf\xE9", err, sizeof err), NG_ERR_UTF8);
  CHECK_STR_EQ(err, "invalid UTF-8 at byte offset 3 of the value");
  CHECK_INT_EQ(ng_meta_set(&m, "url", "http://ex.org/\xC3\x28", NULL, 0), NG_ERR_UTF8);
  CHECK_INT_EQ(ng_meta_set(&m, "title", "Caf\xC3\xA9", err, sizeof err), NG_SUCCESS);
  CHECK_INT_EQ(ng_meta_set(&m, "colour", "red", err, sizeof err), NG_ERR_SYNTAX);
  int y, mo, d;
  ng_meta_ymd(&m, &y, &mo, &d);
  CHECK(y == 9999 && mo == 12 && d == 31);
  ng_meta_clear(&m);
  CHECK(m.title == NULL && m.date == NULL);
}

int main(void) {
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 1;
  }
  test_read();
  test_long_line();
  test_bad_bytes();
  test_set();
  CHECK(rmdir(tmpdir) == 0);
  return check_report();
}
