/* newsgraph -- the data files of data/, compiled into the binary by the
 * build (tools/embed.c generates the definition).
 */
#ifndef NG_BUILTIN_DATA_H
#define NG_BUILTIN_DATA_H

#include <stddef.h>

typedef struct {
  const char *name;          /**< File name, e.g. "countries.tsv". */
  const unsigned char *data; /**< File contents (not NUL-terminated). */
  size_t len;                /**< Length in bytes. */
} NgDataFile;

extern const NgDataFile ng_builtin_data[];
extern const size_t ng_builtin_data_count;

#endif /* NG_BUILTIN_DATA_H */
