#include "strmap.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  char *key;
  size_t len;
  uint64_t hash;
  uint32_t value;
} Slot;

struct NgStrMapImpl {
  Slot *slots;
  size_t cap, n;
};

/* A word-at-a-time multiplicative hash (keys are often 50-byte IRIs, where
   byte-at-a-time FNV was the profile's top entry). */
static uint64_t mix(uint64_t h, uint64_t w) {
  h ^= w * 0x9E3779B97F4A7C15ULL;
  h = (h << 29) | (h >> 35);
  return h * 0xBF58476D1CE4E5B9ULL;
}

static uint64_t hash(const char *s, size_t n) {
  uint64_t h = 0x243F6A8885A308D3ULL ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = mix(h, w);
  }
  if (i < n) {
    uint64_t w = 0;
    memcpy(&w, s + i, n - i);
    h = mix(h, w);
  }
  h ^= h >> 31;
  h *= 0x94D049BB133111EBULL;
  h ^= h >> 29;
  return h | 1; /* never 0: 0 marks an empty slot */
}

NgStrMap *ng_strmap_new(void) {
  NgStrMap *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->cap = 64;
  m->slots = calloc(m->cap, sizeof *m->slots);
  if (!m->slots) {
    free(m);
    return NULL;
  }
  return m;
}

void ng_strmap_free(NgStrMap *m) {
  if (!m) return;
  for (size_t i = 0; i < m->cap; ++i) free(m->slots[i].key);
  free(m->slots);
  free(m);
}

static Slot *find(const NgStrMap *m, const char *key, size_t len, uint64_t h) {
  size_t mask = m->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot *s = &m->slots[i];
    if (!s->hash) return s;
    if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) return s;
  }
}

int ng_strmap_get(const NgStrMap *m, const char *key, size_t len, uint32_t *value) {
  Slot *s = find(m, key, len, hash(key, len));
  if (!s->hash) return 0;
  *value = s->value;
  return 1;
}

static NgStatus grow(NgStrMap *m) {
  size_t nc = m->cap * 2;
  Slot *ns = calloc(nc, sizeof *ns);
  if (!ns) return NG_ERR_NOMEM;
  for (size_t i = 0; i < m->cap; ++i) {
    Slot *s = &m->slots[i];
    if (!s->hash) continue;
    for (size_t j = s->hash & (nc - 1);; j = (j + 1) & (nc - 1)) {
      if (!ns[j].hash) {
        ns[j] = *s;
        break;
      }
    }
  }
  free(m->slots);
  m->slots = ns;
  m->cap = nc;
  return NG_SUCCESS;
}

/* The slot of key[0..len), inserted (with `value`) when absent. */
static NgStatus slot(NgStrMap *m, const char *key, size_t len, uint32_t value, Slot **out) {
  if ((m->n + 1) * 4 > m->cap * 3) {
    NgStatus st = grow(m);
    if (st) return st;
  }
  uint64_t h = hash(key, len);
  Slot *s = find(m, key, len, h);
  *out = s;
  if (s->hash) return NG_SUCCESS;
  s->key = malloc(len + 1);
  if (!s->key) return NG_ERR_NOMEM;
  memcpy(s->key, key, len);
  s->key[len] = '\0';
  s->len = len;
  s->hash = h;
  s->value = value;
  m->n++;
  return NG_SUCCESS;
}

NgStatus ng_strmap_put(NgStrMap *m, const char *key, size_t len, uint32_t value) {
  Slot *s = NULL;
  NgStatus st = slot(m, key, len, value, &s);
  if (!st) s->value = value;
  return st;
}

NgStatus ng_strmap_intern(NgStrMap *m, const char *key, size_t len, uint32_t value, const char **stored) {
  Slot *s = NULL;
  NgStatus st = slot(m, key, len, value, &s);
  *stored = st ? NULL : s->key;
  return st;
}

size_t ng_strmap_size(const NgStrMap *m) { return m->n; }
