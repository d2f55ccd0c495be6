/* newsgraph -- a string-keyed index: each key lists 32-bit values in the
 * order they were added.  The analysis stages use it where a rule asks
 * "which earlier items have this name?", so that the question costs a
 * lookup instead of a scan of the whole document.
 */
#ifndef NG_STRINDEX_H
#define NG_STRINDEX_H

#include "status.h"

#include <stddef.h>
#include <stdint.h>

typedef struct NgStrIndexImpl NgStrIndex;

/** No (further) value: what ng_strindex_first and ng_strindex_next return
 *  at the end of a key's list. */
#define NG_STRINDEX_END UINT32_MAX

/** A new empty index, owned by the caller (ng_strindex_free); NULL when
 *  out of memory. */
NgStrIndex *ng_strindex_new(void);

/** Free the index.  NULL is a no-op. */
void ng_strindex_free(NgStrIndex *ix);

/** Append `value` to the list of key[0..len) (the key is copied); a value
 *  equal to the last one of that list is not added again. */
NgStatus ng_strindex_add(NgStrIndex *ix, const char *key, size_t len, uint32_t value);

/** The first entry of the list of key[0..len), or NG_STRINDEX_END when the
 *  key has none.  Entries are cursors: read them with ng_strindex_value. */
uint32_t ng_strindex_first(const NgStrIndex *ix, const char *key, size_t len);

/** The last entry of the list of key[0..len), or NG_STRINDEX_END. */
uint32_t ng_strindex_last(const NgStrIndex *ix, const char *key, size_t len);

/** The entry after `entry` in its key's list, or NG_STRINDEX_END. */
uint32_t ng_strindex_next(const NgStrIndex *ix, uint32_t entry);

/** The value of `entry` (from ng_strindex_first or ng_strindex_next). */
uint32_t ng_strindex_value(const NgStrIndex *ix, uint32_t entry);

#endif /* NG_STRINDEX_H */
