#include "iri.h"

#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash32(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; ++s) {
    h ^= (unsigned char)*s;
    h *= 16777619u;
  }
  return h;
}

size_t ng_slugify(const char *label, char *out) {
  size_t len = strlen(label), n = 0, cap = 1024;
  char *buf = malloc(cap + 8);
  if (!buf) {
    snprintf(out, NG_SLUG_MAX + 1, "x-%08x", hash32(label));
    return strlen(out);
  }
  int dash = 1;
  for (size_t i = 0; i < len && n < cap;) {
    size_t k;
    uint32_t c = ng_utf8_decode(label + i, len - i, &k);
    i += k;
    const char *tr = NULL;
    char one[2] = {0, 0};
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        one[0] = (char)c;
      else if (c >= 'A' && c <= 'Z')
        one[0] = (char)(c + 32);
      else if (c == '\'' || c == '.')
        continue;
      tr = one[0] ? one : NULL;
    } else {
      tr = ng_uc_ascii(c);
      if (tr && (tr[0] == '\'' || tr[0] == '"')) continue;
      if (tr && tr[0] == '-') tr = NULL;
    }
    if (tr && !*tr) continue; /* a letter that vanishes: ь, ъ */
    if (!tr) {
      if (!dash) buf[n++] = '-';
      dash = 1;
      continue;
    }
    for (const char *p = tr; *p && n < cap; ++p) {
      char ch = *p;
      if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
      buf[n++] = ch;
    }
    dash = 0;
  }
  while (n && buf[n - 1] == '-') --n;
  buf[n] = '\0';
  if (n == 0) {
    snprintf(out, NG_SLUG_MAX + 1, "x-%08x", hash32(label));
  } else if (n > NG_SLUG_MAX) {
    size_t keep = NG_SLUG_MAX - 9;
    while (keep && buf[keep - 1] == '-') --keep;
    memcpy(out, buf, keep);
    snprintf(out + keep, NG_SLUG_MAX + 1 - keep, "-%08x", hash32(buf));
  } else {
    memcpy(out, buf, n + 1);
  }
  free(buf);
  return strlen(out);
}

static int keep_char(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1;
  return c && strchr("-._~:/?#[]@!$&'()*+,;=%", c) != NULL;
}

char *ng_iri_encode(const char *s) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; ++p) n += keep_char(*p) ? 1 : 3;
  char *out = malloc(n + 1);
  if (!out) return NULL;
  char *o = out;
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
    if (keep_char(*p)) {
      *o++ = (char)*p;
    } else {
      *o++ = '%';
      *o++ = hex[*p >> 4];
      *o++ = hex[*p & 15];
    }
  }
  *o = '\0';
  return out;
}

int ng_iri_is_valid(const char *iri) {
  const char *colon = strchr(iri, ':');
  if (!colon || colon == iri) return 0;
  for (const char *p = iri; p < colon; ++p) {
    char c = *p;
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             (p > iri && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return 0;
  }
  for (const unsigned char *p = (const unsigned char *)iri; *p; ++p)
    if (*p <= 0x20 || strchr("<>\"{}|^`\\", *p)) return 0;
  return 1;
}
