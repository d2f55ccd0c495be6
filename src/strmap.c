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

static uint64_t fnv(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; ++i) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
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
  Slot *s = find(m, key, len, fnv(key, len));
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

NgStatus ng_strmap_put(NgStrMap *m, const char *key, size_t len, uint32_t value) {
  if ((m->n + 1) * 4 > m->cap * 3) {
    NgStatus st = grow(m);
    if (st) return st;
  }
  uint64_t h = fnv(key, len);
  Slot *s = find(m, key, len, h);
  if (s->hash) {
    s->value = value;
    return NG_SUCCESS;
  }
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

size_t ng_strmap_size(const NgStrMap *m) { return m->n; }
