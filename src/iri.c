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

/* What code point c becomes in a slug: its ASCII letters and digits
   (`one` holds a single one), "" for a character that vanishes
   (apostrophes, quotes, periods, soft and hard signs), or NULL for one that
   separates words. */
static const char *slug_text(uint32_t c, char one[2]) {
  if (c >= 0x80) {
    const char *tr = ng_uc_ascii(c);
    if (tr && (tr[0] == '\'' || tr[0] == '"')) return "";
    return tr && tr[0] == '-' ? NULL : tr;
  }
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) one[0] = (char)c;
  if (c >= 'A' && c <= 'Z') one[0] = (char)(c + 32);
  if (c == '\'' || c == '.') return "";
  return one[0] ? one : NULL;
}

/* A slug being built: at most `cap` bytes in buf (which has room for a
   separator more). */
typedef struct {
  char *buf;
  size_t n, cap;
  int dash; /* the last thing added separates words (or nothing was added) */
} Slug;

static void slug_add(Slug *s, uint32_t c) {
  char one[2] = {0, 0};
  const char *tr = slug_text(c, one);
  if (tr && !*tr) return;
  if (!tr) {
    if (!s->dash) s->buf[s->n++] = '-';
    s->dash = 1;
    return;
  }
  for (const char *p = tr; *p && s->n < s->cap; ++p) s->buf[s->n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  s->dash = 0;
}

/* The slug buf[0..n) (no '-' at the end) into out: as it is, cut to a
   prefix and a hash of the whole when it is too long, or "x-" and a hash
   of `label` when it is empty. */
static size_t slug_out(const char *label, const char *buf, size_t n, char *out) {
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
  return strlen(out);
}

size_t ng_slugify(const char *label, char *out) {
  size_t len = strlen(label);
  Slug s = {malloc(1024 + 8), 0, 1024, 1};
  if (!s.buf) return slug_out(label, "", 0, out);
  for (size_t i = 0, k; i < len && s.n < s.cap; i += k) slug_add(&s, ng_utf8_decode(label + i, len - i, &k));
  while (s.n && s.buf[s.n - 1] == '-') --s.n;
  s.buf[s.n] = '\0';
  size_t n = slug_out(label, s.buf, s.n, out);
  free(s.buf);
  return n;
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
