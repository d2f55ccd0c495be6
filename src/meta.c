#include "meta.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int valid_date(const char *v) {
  int y, m = 1, d = 1;
  size_t n = strlen(v);
  if (n == 4 && sscanf(v, "%4d", &y) == 1) return y > 0;
  if (n == 7 && sscanf(v, "%4d-%2d", &y, &m) == 2) return m >= 1 && m <= 12;
  if (n == 10 && sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3) return m >= 1 && m <= 12 && d >= 1 && d <= 31;
  return 0;
}

static int valid_lang(const char *v) {
  size_t n = strlen(v);
  if (n < 2 || n > 35) return 0;
  for (size_t i = 0; i < n; ++i)
    if (!isalnum((unsigned char)v[i]) && v[i] != '-') return 0;
  return isalpha((unsigned char)v[0]) && v[n - 1] != '-';
}

NgStatus ng_meta_set(NgMeta *m, const char *key, const char *value, char *err, size_t es) {
  char **field = NULL;
  if (strcmp(key, "title") == 0 || strcmp(key, "headline") == 0)
    field = &m->title;
  else if (strcmp(key, "publisher") == 0)
    field = &m->publisher;
  else if (strcmp(key, "date") == 0)
    field = &m->date;
  else if (strcmp(key, "url") == 0)
    field = &m->url;
  else if (strcmp(key, "language") == 0 || strcmp(key, "lang") == 0)
    field = &m->language;
  if (!field) {
    if (err) snprintf(err, es, "unknown metadata key '%s'", key);
    return NG_ERR_SYNTAX;
  }
  if (field == &m->date && !valid_date(value)) {
    if (err) snprintf(err, es, "date '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", value);
    return NG_ERR_SYNTAX;
  }
  if (field == &m->language && !valid_lang(value)) {
    if (err) snprintf(err, es, "language '%s' is not a BCP 47 tag", value);
    return NG_ERR_SYNTAX;
  }
  char *copy = malloc(strlen(value) + 1);
  if (!copy) return NG_ERR_NOMEM;
  strcpy(copy, value);
  free(*field);
  *field = copy;
  return NG_SUCCESS;
}

NgStatus ng_meta_read_file(const char *path, NgMeta *m, char *err, size_t es) {
  FILE *f = fopen(path, "r");
  if (!f) return NG_ERR_NOENT;
  char line[4096];
  unsigned lineno = 0;
  NgStatus st = NG_SUCCESS;
  while (!st && fgets(line, sizeof line, f)) {
    ++lineno;
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ')) line[--n] = '\0';
    char *p = line;
    while (*p == ' ' || *p == '\t') ++p;
    if (!*p || *p == '#') continue;
    char *colon = strchr(p, ':');
    if (!colon) {
      if (err) snprintf(err, es, "line %u: expected 'key: value'", lineno);
      st = NG_ERR_SYNTAX;
      break;
    }
    *colon = '\0';
    char *v = colon + 1;
    while (*v == ' ' || *v == '\t') ++v;
    char *k = p + strlen(p);
    while (k > p && (k[-1] == ' ' || k[-1] == '\t')) *--k = '\0';
    for (char *q = p; *q; ++q) *q = (char)tolower((unsigned char)*q);
    char msg[256] = "";
    st = ng_meta_set(m, p, v, msg, sizeof msg);
    if (st && err) snprintf(err, es, "line %u: %s", lineno, msg[0] ? msg : ng_strerror(st));
  }
  if (!st && ferror(f)) st = NG_ERR_IO;
  fclose(f);
  return st;
}

void ng_meta_ymd(const NgMeta *m, int *y, int *mo, int *d) {
  *y = *mo = *d = 0;
  if (!m->date) return;
  sscanf(m->date, "%4d-%2d-%2d", y, mo, d);
}

void ng_meta_clear(NgMeta *m) {
  free(m->title);
  free(m->publisher);
  free(m->date);
  free(m->url);
  free(m->language);
  memset(m, 0, sizeof *m);
}
