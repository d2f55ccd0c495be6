/* newsgraph -- fuzz target: the metadata reader (meta.h).
 *
 * Input: the bytes of a .meta file.  They are written to a temporary file
 * and read with ng_meta_read_file; the input up to its first NUL is also
 * given to ng_meta_set as the value of every key (and of an unknown one).
 * The error buffer is as small as 1 byte, to test the truncation of every
 * message.  Checked always:
 *   - the status is success or NG_ERR_SYNTAX (with a "line N: " message),
 *     and the error buffer holds a NUL-terminated string;
 *   - after success, a date gives a year, month and day in range, a
 *     language tag is 2 to 35 letters, digits and hyphens;
 *   - ng_meta_set sets the field to exactly the value (CRLF and CR read
 *     as LF, as in text), or refuses and leaves it as it was.
 *   - the contract of item 6 of issue 10 (metadata read like text): a
 *     file with a NUL byte is refused; every value read is valid UTF-8,
 *     stands whole on one line of the input as "key: value", and a date
 *     is a real calendar date; ng_meta_set refuses invalid UTF-8 and
 *     impossible dates.
 */
#include "fuzz_common.h"
#include "meta.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char meta_path[64];

static void remove_meta_file(void) { unlink(meta_path); }

/* The temporary file, created on first use and removed at exit: in
   $TMPDIR, else in /dev/shm (memory: 50 times as many runs per second as
   /tmp on a disk), else in /tmp. */
static const char *meta_file(void) {
  if (!meta_path[0]) {
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir || strlen(dir) > 40) dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(meta_path, sizeof meta_path, "%s/ng-fuzz-meta.XXXXXX", dir);
    int fd = mkstemp(meta_path);
    if (fd < 0) fuzz_fail("cannot create %s", meta_path);
    close(fd);
    atexit(remove_meta_file);
  }
  return meta_path;
}

static void put_file(const uint8_t *data, size_t size) {
  FILE *f = fopen(meta_file(), "wb");
  if (!f || fwrite(data, 1, size, f) != size || fclose(f)) fuzz_fail("cannot write %s", meta_path);
}

/* ---- what a field may hold ------------------------------------------------ */

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int real_date(int y, int m, int d) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 0) return d == 0;
  return d == 0 || d <= days[m - 1] + (m == 2 && leap(y));
}

static void check_date(const NgMeta *m) {
  int y, mo, d;
  ng_meta_ymd(m, &y, &mo, &d);
  if (y <= 0 || y > 9999 || mo < 0 || mo > 12 || d < 0 || d > 31 || (d && !mo))
    fuzz_fail("date '%s' gives %d-%d-%d", m->date, y, mo, d);
  if (!real_date(y, mo, d)) fuzz_fail("date '%s' is no calendar date", m->date);
}

static void check_language(const char *v) {
  size_t n = strlen(v);
  if (n < 2 || n > 35 || strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != n)
    fuzz_fail("language '%s' accepted", v);
}

static int valid_utf8(const char *v) { return ng_utf8_valid_prefix(v, strlen(v)) == strlen(v); }

/* `v` stands whole in the input as the value of a line "key: v". */
static int on_a_line(const uint8_t *data, size_t size, const char *v) {
  size_t n = strlen(v);
  for (size_t at = 0; at < size; ++at) {
    size_t end = at; /* LF, CRLF and a lone CR end a line, as in text */
    while (end < size && data[end] != '\n' && data[end] != '\r') ++end;
    const uint8_t *colon = memchr(data + at, ':', end - at);
    size_t from = colon ? (size_t)(colon - data) + 1 : end;
    while (from < end && (data[from] == ' ' || data[from] == '\t')) ++from;
    size_t to = end;
    while (to > from && (data[to - 1] == ' ' || data[to - 1] == '\r')) --to;
    if (to - from == n && memcmp(data + from, v, n) == 0) return 1;
    at = end + (end + 1 < size && data[end] == '\r' && data[end + 1] == '\n');
  }
  return 0;
}

/* The values of m, wherever they came from. */
static void check_values(const NgMeta *m) {
  const char *const fields[] = {m->title, m->publisher, m->date, m->url, m->language};
  if (m->date) check_date(m);
  if (m->language) check_language(m->language);
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; ++i)
    if (fields[i] && !valid_utf8(fields[i])) fuzz_fail("invalid UTF-8 accepted: '%s'", fields[i]);
}

/* The file data[0..size) as read into m. */
static void check_file(const NgMeta *m, const uint8_t *data, size_t size) {
  const char *const fields[] = {m->title, m->publisher, m->date, m->url, m->language};
  if (memchr(data, '\0', size)) fuzz_fail("a file with a NUL byte is accepted");
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; ++i)
    if (fields[i] && !on_a_line(data, size, fields[i]))
      fuzz_fail("'%.60s' (%zu bytes) is not the value of a line", fields[i], strlen(fields[i]));
}

/* ---- the two entry points --------------------------------------------------- */

/* The error buffer (filled with 'X' before the call) of size es after a
   call that returned st. */
static void check_err(const char *err, size_t es, NgStatus st, int need_line) {
  if (st && !memchr(err, '\0', es)) fuzz_fail("error message not NUL-terminated");
  if (st && es > 8 && !*err) fuzz_fail("status %d without a message", (int)st);
  if (need_line && st && es > 8 && strncmp(err, "line ", 5) != 0) fuzz_fail("message without a line: %s", err);
}

static void fuzz_read_file(const uint8_t *data, size_t size, size_t es) {
  char err[256];
  memset(err, 'X', sizeof err);
  NgMeta m = {0};
  put_file(data, size);
  NgStatus st = ng_meta_read_file(meta_path, &m, err, es);
  /* a bad line, or the text reader's refusal of the whole file */
  if (st != NG_SUCCESS && st != NG_ERR_SYNTAX && st != NG_ERR_UTF8 && st != NG_ERR_BINARY && st != NG_ERR_TOOBIG &&
      st != NG_ERR_ENCODING)
    fuzz_fail("ng_meta_read_file: status %d", (int)st);
  check_err(err, es, st, st == NG_ERR_SYNTAX);
  if (!st) {
    check_values(&m);
    check_file(&m, data, size);
  }
  ng_meta_clear(&m);
}

static char **field_of(NgMeta *m, const char *key) {
  if (!strcmp(key, "title") || !strcmp(key, "headline")) return &m->title;
  if (!strcmp(key, "publisher")) return &m->publisher;
  if (!strcmp(key, "date")) return &m->date;
  if (!strcmp(key, "url")) return &m->url;
  if (!strcmp(key, "language") || !strcmp(key, "lang")) return &m->language;
  return NULL;
}

/* v with CRLF and CR as LF (what ng_meta_set keeps); free it. */
static char *as_lf(const char *v) {
  char *out = fuzz_alloc(strlen(v) + 1), *o = out;
  for (const char *p = v; *p; ++p)
    if (*p != '\r')
      *o++ = *p;
    else if (p[1] != '\n')
      *o++ = '\n';
  *o = '\0';
  return out;
}

static void fuzz_set(const char *v, size_t es) {
  static const char *const keys[] = {"title", "headline", "publisher", "date", "url", "language", "lang", "author"};
  NgMeta m = {0};
  char *want = as_lf(v);
  for (size_t k = 0; k < sizeof keys / sizeof keys[0]; ++k) {
    char err[256];
    memset(err, 'X', sizeof err);
    char **field = field_of(&m, keys[k]);
    const char *before = field ? *field : NULL;
    NgStatus st = ng_meta_set(&m, keys[k], v, err, es);
    check_err(err, es, st, 0);
    if (st == NG_SUCCESS && (!field || !*field || strcmp(*field, want) != 0))
      fuzz_fail("ng_meta_set %s: not set", keys[k]);
    if (st != NG_SUCCESS &&
        ((st != NG_ERR_SYNTAX && st != NG_ERR_UTF8 && st != NG_ERR_TOOBIG) || (field && *field != before)))
      fuzz_fail("ng_meta_set %s: status %d, field changed", keys[k], (int)st);
  }
  free(want);
  check_values(&m);
  ng_meta_clear(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t es = 1 + size % 97; /* 1..97: every message is cut somewhere */
  fuzz_read_file(data, size, es);
  const uint8_t *nul = memchr(data, '\0', size);
  size_t n = nul ? (size_t)(nul - data) : size;
  char *v = fuzz_alloc(n + 1);
  memcpy(v, data, n);
  v[n] = '\0';
  fuzz_set(v, es);
  free(v);
  return 0;
}
