/* Tests of strindex.h: lists of values per key, in the order added. */
#include "check.h"
#include "strindex.h"

#include <stdint.h>

/* The values of key `k` into out (at most max); returns how many. */
static size_t values(const NgStrIndex *ix, const char *k, size_t kn, uint32_t *out, size_t max) {
  size_t n = 0;
  for (uint32_t e = ng_strindex_first(ix, k, kn); e != NG_STRINDEX_END && n < max; e = ng_strindex_next(ix, e))
    out[n++] = ng_strindex_value(ix, e);
  return n;
}

int main(void) {
  ng_strindex_free(NULL); /* no-op */
  NgStrIndex *ix = ng_strindex_new();
  if (!CHECK(ix != NULL)) return check_report();
  uint32_t v[8];
  CHECK_INT_EQ(ng_strindex_first(ix, "a", 1), NG_STRINDEX_END);
  CHECK_INT_EQ(ng_strindex_last(ix, "a", 1), NG_STRINDEX_END);
  /* two keys, interleaved; a value equal to the key's last one is kept once */
  const struct {
    const char *key;
    size_t len;
    uint32_t value;
  } adds[] = {{"ab", 2, 5}, {"a\0b", 3, 7}, {"ab", 2, 3}, {"ab", 2, 3}, {"a\0b", 3, 7}, {"ab", 2, 5}, {"a\0b", 3, 1}};
  for (size_t i = 0; i < sizeof adds / sizeof adds[0]; ++i)
    CHECK_INT_EQ(ng_strindex_add(ix, adds[i].key, adds[i].len, adds[i].value), NG_SUCCESS);
  CHECK_INT_EQ(values(ix, "ab", 2, v, 8), 3);
  CHECK_INT_EQ(v[0], 5);
  CHECK_INT_EQ(v[1], 3);
  CHECK_INT_EQ(v[2], 5);
  CHECK_INT_EQ(values(ix, "a\0b", 3, v, 8), 2); /* keys are bytes: a NUL is part of it */
  CHECK_INT_EQ(v[0], 7);
  CHECK_INT_EQ(v[1], 1);
  CHECK_INT_EQ(ng_strindex_value(ix, ng_strindex_last(ix, "ab", 2)), 5);
  CHECK_INT_EQ(values(ix, "a", 1, v, 8), 0);
  /* many values: the lists grow */
  for (uint32_t i = 0; i < 10000; ++i) CHECK_INT_EQ(ng_strindex_add(ix, "n", 1, i), NG_SUCCESS);
  uint32_t expect = 0;
  int in_order = 1;
  for (uint32_t e = ng_strindex_first(ix, "n", 1); e != NG_STRINDEX_END; e = ng_strindex_next(ix, e))
    in_order &= ng_strindex_value(ix, e) == expect++;
  CHECK(in_order);
  CHECK_INT_EQ(expect, 10000);
  ng_strindex_free(ix);
  return check_report();
}
