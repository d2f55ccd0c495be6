#include "meta.h"

#include "text.h"
#include "utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The number spelled by the n digits at s, or -1 when one is no digit. */
static int digits(const char *s, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/* Year, month and day of a date YYYY[-MM[-DD]] (0 where not given); 0 when
   it is none. */
static int parse_ymd(const char *v, int *y, int *m, int *d) {
  size_t n = strlen(v);
  *y = *m = *d = 0;
  if (n != 4 && n != 7 && n != 10) return 0;
  if ((*y = digits(v, 4)) < 0) return 0;
  if (n >= 7 && (v[4] != '-' || (*m = digits(v + 5, 2)) < 0)) return 0;
  if (n == 10 && (v[7] != '-' || (*d = digits(v + 8, 2)) < 0)) return 0;
  return 1;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
  static const int DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : DAYS[m - 1];
}

/* A date: the shape YYYY[-MM[-DD]], then the calendar (year 1 to 9999,
   month 1 to 12, a day its month has). */
static NgStatus check_date(const char *v, char *err, size_t es) {
  static const char *const MONTHS[12] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
  int y, m, d;
  size_t n = strlen(v);
  if (!parse_ymd(v, &y, &m, &d)) {
    snprintf(err, es, "date '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", v);
  } else if (y < 1) {
    snprintf(err, es, "date '%s' is not a calendar date: there is no year 0", v);
  } else if (n >= 7 && (m < 1 || m > 12)) {
    snprintf(err, es, "date '%s' is not a calendar date: there is no month %d", v, m);
  } else if (n == 10 && (d < 1 || d > days_in_month(y, m))) {
    snprintf(err, es, "date '%s' is not a calendar date: %s %d has %d days", v, MONTHS[m - 1], y, days_in_month(y, m));
  } else {
    return NG_SUCCESS;
  }
  return NG_ERR_SYNTAX;
}

static int valid_lang(const char *v) {
  size_t n = strlen(v);
  if (n < 2 || n > 35) return 0;
  for (size_t i = 0; i < n; ++i)
    if (!isalnum((unsigned char)v[i]) && v[i] != '-') return 0;
  return isalpha((unsigned char)v[0]) && v[n - 1] != '-';
}

/* The field that `key` sets, or NULL for an unknown key. */
static char **field_of(NgMeta *m, const char *key) {
  const struct {
    const char *key;
    char **field;
  } keys[] = {{"title", &m->title}, {"headline", &m->title},    {"publisher", &m->publisher}, {"date", &m->date},
              {"url", &m->url},     {"language", &m->language}, {"lang", &m->language}};
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; ++i)
    if (strcmp(key, keys[i].key) == 0) return keys[i].field;
  return NULL;
}

/* Every value is UTF-8 of at most NG_META_MAX_BYTES without noncharacters;
   dates and language tags must parse. */
static NgStatus check_value(const NgMeta *m, char *const *field, const char *value, char *err, size_t es) {
  size_t n = strlen(value), valid = ng_utf8_valid_prefix(value, n);
  if (n > NG_META_MAX_BYTES) {
    snprintf(err, es, "value too long (%zu bytes, at most %zu)", n, NG_META_MAX_BYTES);
    return NG_ERR_TOOBIG;
  }
  if (valid != n) {
    snprintf(err, es, "invalid UTF-8 at byte offset %zu of the value", valid);
    return NG_ERR_UTF8;
  }
  if ((valid = ng_utf8_noncharacter(value, n)) < n) {
    snprintf(err, es, "noncharacter U+FFF%c at byte offset %zu of the value", value[valid + 2] == '\xBE' ? 'E' : 'F',
             valid);
    return NG_ERR_UTF8;
  }
  if (field == &m->date) return check_date(value, err, es);
  if (field == &m->language && !valid_lang(value)) {
    snprintf(err, es, "language '%s' is not a BCP 47 tag", value);
    return NG_ERR_SYNTAX;
  }
  return NG_SUCCESS;
}

NgStatus ng_meta_set(NgMeta *m, const char *key, const char *value, char *err, size_t es) {
  char scratch[1];
  if (!err || !es) {
    err = scratch;
    es = sizeof scratch;
  }
  char **field = field_of(m, key);
  if (!field) {
    snprintf(err, es, "unknown metadata key '%s'", key);
    return NG_ERR_SYNTAX;
  }
  NgStatus st = check_value(m, field, value, err, es);
  if (st) return st;
  char *copy = malloc(strlen(value) + 1);
  if (!copy) return NG_ERR_NOMEM;
  ng_text_copy_lf(value, strlen(value), copy); /* line ends as in text (raptor's Turtle writer leaves CR raw) */
  free(*field);
  *field = copy;
  return NG_SUCCESS;
}

static int blank(char c) { return c == ' ' || c == '\t'; }

/* Line ends and trailing spaces off. */
static void trim_end(char *line) {
  size_t n = strlen(line);
  while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ')) line[--n] = '\0';
}

/* A key without trailing blanks, in lowercase. */
static void normalize_key(char *key) {
  char *k = key + strlen(key);
  while (k > key && blank(k[-1])) *--k = '\0';
  for (char *q = key; *q; ++q) *q = (char)tolower((unsigned char)*q);
}

/* Split a line "key: value" (blanks around either ignored, the key in
   lowercase) in place.  *key is NULL for a blank line or a comment; -1
   when there is no colon. */
static int split_line(char *line, char **key, char **value) {
  trim_end(line);
  char *p = line;
  while (blank(*p)) ++p;
  *key = NULL;
  if (!*p || *p == '#') return 0;
  char *colon = strchr(p, ':');
  if (!colon) return -1;
  *colon = '\0';
  char *v = colon + 1;
  while (blank(*v)) ++v;
  normalize_key(p);
  *key = p;
  *value = v;
  return 0;
}

/* Line number `lineno` of a metadata file. */
static NgStatus read_line(NgMeta *m, char *line, size_t lineno, char *err, size_t es) {
  char *key, *value;
  if (split_line(line, &key, &value)) {
    snprintf(err, es, "line %zu: expected 'key: value'", lineno);
    return NG_ERR_SYNTAX;
  }
  if (!key) return NG_SUCCESS;
  char msg[256] = "";
  NgStatus st = ng_meta_set(m, key, value, msg, sizeof msg);
  if (st) snprintf(err, es, "line %zu: %s", lineno, msg[0] ? msg : ng_strerror(st));
  return st;
}

/* Every line of `data` (LF-terminated, changed in place). */
static NgStatus read_lines(NgMeta *m, char *data, char *err, size_t es) {
  NgStatus st = NG_SUCCESS;
  size_t lineno = 0;
  for (char *line = data, *next; !st && line; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    st = read_line(m, line, ++lineno, err, es);
  }
  return st;
}

NgStatus ng_meta_read_file(const char *path, NgMeta *m, char *err, size_t es) {
  char scratch[1];
  if (!err || !es) {
    err = scratch;
    es = sizeof scratch;
  }
  err[0] = '\0';
  NgText *t = NULL;
  NgTextError e;
  /* "-" is a file of that name: standard input is the article's */
  NgStatus st = ng_text_read(strcmp(path, "-") == 0 ? "./-" : path, NG_META_MAX_BYTES, &t, &e);
  if (st == NG_ERR_EMPTY) return NG_SUCCESS;
  if (st) {
    char what[256];
    ng_text_describe(st, &e, what, sizeof what);
    if (st == NG_ERR_UTF8 || st == NG_ERR_BINARY)
      snprintf(err, es, "line %zu: %s", e.line, what);
    else
      snprintf(err, es, "%s", what);
    return st;
  }
  st = read_lines(m, t->data, err, es);
  ng_text_free(t);
  return st;
}

void ng_meta_ymd(const NgMeta *m, int *y, int *mo, int *d) {
  *y = *mo = *d = 0;
  if (m->date && !parse_ymd(m->date, y, mo, d)) *y = *mo = *d = 0;
}

void ng_meta_clear(NgMeta *m) {
  free(m->title);
  free(m->publisher);
  free(m->date);
  free(m->url);
  free(m->language);
  memset(m, 0, sizeof *m);
}
