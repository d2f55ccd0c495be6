#include "strindex.h"

#include "strmap.h"

#include <stdlib.h>

/* Keys map to lists; the lists are chains of entries in one array. */
typedef struct {
  uint32_t head, tail;
} List;

typedef struct {
  uint32_t value, next;
} Entry;

struct NgStrIndexImpl {
  NgStrMap *keys; /* key -> list */
  List *lists;
  size_t n_lists, cap_lists;
  Entry *entries;
  size_t n_entries, cap_entries;
};

NgStrIndex *ng_strindex_new(void) {
  NgStrIndex *ix = calloc(1, sizeof *ix);
  if (ix && !(ix->keys = ng_strmap_new())) {
    free(ix);
    return NULL;
  }
  return ix;
}

void ng_strindex_free(NgStrIndex *ix) {
  if (!ix) return;
  ng_strmap_free(ix->keys);
  free(ix->lists);
  free(ix->entries);
  free(ix);
}

/* The array p of *cap items of `size` bytes holding n, with room for one
   more; NULL when out of memory (p is then unchanged). */
static void *reserve(void *p, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return p;
  size_t nc = *cap ? *cap * 2 : 64;
  void *np = realloc(p, nc * size);
  if (np) *cap = nc;
  return np;
}

NgStatus ng_strindex_add(NgStrIndex *ix, const char *key, size_t len, uint32_t value) {
  uint32_t li;
  if (!ng_strmap_get(ix->keys, key, len, &li)) {
    List *nl = reserve(ix->lists, &ix->cap_lists, ix->n_lists, sizeof *ix->lists);
    if (!nl) return NG_ERR_NOMEM;
    ix->lists = nl;
    li = (uint32_t)ix->n_lists;
    NgStatus st = ng_strmap_put(ix->keys, key, len, li);
    if (st) return st;
    ix->lists[ix->n_lists++] = (List){NG_STRINDEX_END, NG_STRINDEX_END};
  }
  List *l = &ix->lists[li];
  if (l->tail != NG_STRINDEX_END && ix->entries[l->tail].value == value) return NG_SUCCESS;
  Entry *ne = reserve(ix->entries, &ix->cap_entries, ix->n_entries, sizeof *ix->entries);
  if (!ne) return NG_ERR_NOMEM;
  ix->entries = ne;
  uint32_t e = (uint32_t)ix->n_entries++;
  ix->entries[e] = (Entry){value, NG_STRINDEX_END};
  if (l->tail == NG_STRINDEX_END)
    l->head = e;
  else
    ix->entries[l->tail].next = e;
  l->tail = e;
  return NG_SUCCESS;
}

uint32_t ng_strindex_first(const NgStrIndex *ix, const char *key, size_t len) {
  uint32_t li;
  return ng_strmap_get(ix->keys, key, len, &li) ? ix->lists[li].head : NG_STRINDEX_END;
}

uint32_t ng_strindex_last(const NgStrIndex *ix, const char *key, size_t len) {
  uint32_t li;
  return ng_strmap_get(ix->keys, key, len, &li) ? ix->lists[li].tail : NG_STRINDEX_END;
}

uint32_t ng_strindex_next(const NgStrIndex *ix, uint32_t entry) { return ix->entries[entry].next; }

uint32_t ng_strindex_value(const NgStrIndex *ix, uint32_t entry) { return ix->entries[entry].value; }
