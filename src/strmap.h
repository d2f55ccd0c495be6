/* newsgraph -- a string-keyed hash map to 32-bit values, with an arena
 * that owns copies of the keys.  Used by the lexicon and the resolver.
 */
#ifndef NG_STRMAP_H
#define NG_STRMAP_H

#include "status.h"

#include <stddef.h>
#include <stdint.h>

typedef struct NgStrMapImpl NgStrMap;

/** A new empty map, owned by the caller (free with ng_strmap_free);
 *  NULL when out of memory. */
NgStrMap *ng_strmap_new(void);

/** Free the map and its key copies.  NULL is a no-op. */
void ng_strmap_free(NgStrMap *map);

/** Look up key[0..len); returns non-zero and sets *value when found. */
int ng_strmap_get(const NgStrMap *map, const char *key, size_t len, uint32_t *value);

/** Insert or replace key[0..len) -> value (the key is copied). */
NgStatus ng_strmap_put(NgStrMap *map, const char *key, size_t len, uint32_t value);

/** Look up key[0..len); when absent insert it with `value`.  *stored
 *  receives the map's copy of the key, valid until the map is freed. */
NgStatus ng_strmap_intern(NgStrMap *map, const char *key, size_t len, uint32_t value, const char **stored);

/** Number of keys. */
size_t ng_strmap_size(const NgStrMap *map);

#endif /* NG_STRMAP_H */
